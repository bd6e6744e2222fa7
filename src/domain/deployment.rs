//! The deployment settings file (`deployment.json`): the campaigns offered, the default,
//! fixed or not, and the optional CouchDB server. Self-contained (serde and the sync-server
//! checks only), so that `build.rs` reads the file with this same type.

use serde::Deserialize;

use super::sync_server::SyncServer;

/// How this deployment presents campaigns.
#[derive(Clone, Debug, PartialEq, Eq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Deployment {
    /// The campaign shown when the URL names none.
    pub default_campaign: String,
    /// When true, only the default campaign is offered and the switcher is hidden.
    #[serde(default)]
    pub fixed_campaign: bool,
    /// Ids of the campaigns offered in the switcher, in order.
    pub campaigns: Vec<String>,
    /// The CouchDB server for staff counts, if the deployment names one.
    #[serde(default)]
    pub sync: Option<SyncServer>,
}

impl Deployment {
    /// Problems with the settings that the file's shape cannot show (the sync server's
    /// address and database names), each naming its field.
    pub fn problems(&self) -> Vec<String> {
        self.sync.as_ref().map(|s| s.problems(&self.campaigns)).unwrap_or_default()
    }

    /// The origins, besides the site's own, that pages may connect to: the sync server's, if any.
    pub fn connect_origins(&self) -> Vec<String> {
        self.sync.iter().filter_map(SyncServer::origin).collect()
    }
}

//! The CouchDB server a deployment names for staff counts (`deployment.json`'s `sync`).
//!
//! Without it nothing leaves the site. With it, the build allows exactly the server's origin
//! in the Content-Security-Policy's `connect-src`. Staff mode does not sync yet: this is the
//! setting and its checks only.

use serde::Deserialize;

/// Where the deployment's CouchDB server is and how its databases are named.
#[derive(Clone, Debug, PartialEq, Eq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SyncServer {
    /// The server's address, `https://couch.example.org` or under a path
    /// (`https://example.org/couchdb`); plain `http` only on this machine (tests).
    pub url: String,
    /// The database of each campaign, `{campaign}` standing for its id: `vneid-{campaign}`.
    pub database: String,
}

/// What stands for the campaign id in [`SyncServer::database`].
pub const CAMPAIGN_PLACEHOLDER: &str = "{campaign}";

/// Hosts that may be reached over plain `http` (a server on this machine, for tests).
const LOOPBACK_HOSTS: [&str; 3] = ["127.0.0.1", "localhost", "[::1]"];

/// The parts of a server address that the checks and the CSP need.
#[derive(Clone, Debug, PartialEq, Eq)]
struct ServerAddress {
    /// `https` or `http`.
    scheme: String,
    /// The host, lower case (IPv6 in brackets).
    host: String,
    /// The port, when the address names one.
    port: Option<u16>,
}

impl SyncServer {
    /// Every problem with the setting, each naming its field (`sync.url`, `sync.database`);
    /// empty when the setting is usable for every campaign in `campaigns`.
    pub fn problems(&self, campaigns: &[String]) -> Vec<String> {
        let mut out = Vec::new();
        if let Err(e) = parse_address(&self.url) {
            out.push(format!("sync.url \"{}\": {e}", self.url));
        }
        if self.database.matches(CAMPAIGN_PLACEHOLDER).count() != 1 {
            out.push(format!("sync.database \"{}\": must hold {CAMPAIGN_PLACEHOLDER} once (one database per campaign)", self.database));
        } else {
            let refused: Vec<&String> = campaigns.iter().filter(|id| !is_database_name(&self.database_for(id))).collect();
            if let Some(id) = refused.first() {
                let more = match refused.len() {
                    1 => String::new(),
                    n => format!(" (and {} more campaigns)", n - 1),
                };
                out.push(format!(
                    "sync.database \"{}\": gives \"{}\" for campaign {id}{more}, which CouchDB refuses (a lower-case letter first, then lower-case letters, digits and _$()+-/)",
                    self.database,
                    self.database_for(id)
                ));
            }
        }
        out
    }

    /// The origin the pages may connect to (`https://couch.example.org:6984`), or `None` when
    /// the address is not usable.
    pub fn origin(&self) -> Option<String> {
        let a = parse_address(&self.url).ok()?;
        Some(match a.port {
            Some(port) => format!("{}://{}:{port}", a.scheme, a.host),
            None => format!("{}://{}", a.scheme, a.host),
        })
    }

    /// The database of campaign `id`.
    pub fn database_for(&self, id: &str) -> String {
        self.database.replace(CAMPAIGN_PLACEHOLDER, id)
    }
}

/// Reads a server address: `https://host[:port][/path]` (or `http` for a loopback host),
/// no user or password, no query or fragment. `Err` says what is wrong.
fn parse_address(url: &str) -> Result<ServerAddress, String> {
    let (scheme, rest) = url.split_once("://").ok_or("must start with https://")?;
    let scheme = scheme.to_ascii_lowercase();
    if scheme != "https" && scheme != "http" {
        return Err("must start with https://".into());
    }
    if rest.contains(['?', '#']) {
        return Err("must not have a query (?) or a fragment (#)".into());
    }
    if url.chars().any(|c| c.is_whitespace() || c.is_control() || matches!(c, '\'' | '"' | ';' | ',' | '\\')) {
        return Err("must not hold spaces, quotes, commas, semicolons or backslashes".into());
    }
    let authority = rest.split('/').next().unwrap_or_default();
    if authority.contains('@') {
        return Err("must not hold a user name or password (devices sign in instead)".into());
    }
    let (host, port) = match authority.rsplit_once(':') {
        Some((host, port)) if !port.contains(']') => {
            let port: u16 = port.parse().ok().filter(|p| *p > 0).ok_or("the port must be a number from 1 to 65535")?;
            (host, Some(port))
        }
        _ => (authority, None),
    };
    let host = host.to_ascii_lowercase();
    let bracketed = host.starts_with('[') && host.ends_with(']') && host.len() > 2 && host[1..host.len() - 1].chars().all(|c| c.is_ascii_hexdigit() || c == ':');
    let named = !host.is_empty()
        && host.chars().all(|c| c.is_ascii_alphanumeric() || c == '.' || c == '-')
        && !host.starts_with(['.', '-'])
        && !host.ends_with(['.', '-']);
    if !bracketed && !named {
        return Err("the server's name is missing or not a host name".into());
    }
    if scheme == "http" && !LOOPBACK_HOSTS.contains(&host.as_str()) {
        return Err("must use https:// (plain http only for a server on this machine)".into());
    }
    Ok(ServerAddress { scheme, host, port })
}

/// Whether CouchDB accepts `name` as a database name.
fn is_database_name(name: &str) -> bool {
    let mut chars = name.chars();
    chars.next().is_some_and(|c| c.is_ascii_lowercase())
        && chars.all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || "_$()+-/".contains(c))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn server(url: &str, database: &str) -> SyncServer {
        SyncServer { url: url.into(), database: database.into() }
    }

    fn ids() -> Vec<String> {
        vec!["hcm-q3-2023".into(), "tv-duyen-hai-2023".into()]
    }

    #[test]
    fn a_good_setting_gives_its_origin_and_one_database_per_campaign() {
        let s = server("https://Couch.Example.org", "vneid-{campaign}");
        assert_eq!(s.problems(&ids()), Vec::<String>::new());
        assert_eq!(s.origin().as_deref(), Some("https://couch.example.org"));
        assert_eq!(s.database_for("hcm-q3-2023"), "vneid-hcm-q3-2023");
        let s = server("https://example.org:6984/couchdb/", "{campaign}");
        assert_eq!(s.problems(&ids()), Vec::<String>::new());
        assert_eq!(s.origin().as_deref(), Some("https://example.org:6984"), "the path is not part of the origin");
        let local = server("http://127.0.0.1:5984", "t-{campaign}");
        assert_eq!(local.problems(&ids()), Vec::<String>::new(), "plain http on this machine (tests)");
        assert_eq!(local.origin().as_deref(), Some("http://127.0.0.1:5984"));
        assert_eq!(server("http://[::1]:5984", "t-{campaign}").origin().as_deref(), Some("http://[::1]:5984"));
    }

    #[test]
    fn bad_addresses_are_refused_with_a_reason_at_sync_url() {
        for (url, says) in [
            ("couch.example.org", "https://"),
            ("ftp://couch.example.org", "https://"),
            ("http://couch.example.org", "plain http only"),
            ("https://admin:secret@couch.example.org", "user name or password"),
            ("https://couch.example.org/?x=1", "query"),
            ("https://couch.example.org/#top", "fragment"),
            ("https://couch.example.org:0", "port"),
            ("https://couch.example.org:99999", "port"),
            ("https://couch.example.org:abc", "port"),
            ("https://", "not a host name"),
            ("https://-bad.example.org", "not a host name"),
            ("https://couch example.org", "spaces"),
            ("https://couch.example.org; script-src *", "semicolons"),
            ("https://couch.example.org'", "quotes"),
        ] {
            let problems = server(url, "vneid-{campaign}").problems(&ids());
            assert_eq!(problems.len(), 1, "{url}: {problems:?}");
            assert!(problems[0].starts_with("sync.url"), "{url}: {problems:?}");
            assert!(problems[0].contains(says), "{url}: {problems:?} should say {says}");
            assert_eq!(server(url, "vneid-{campaign}").origin(), None, "{url} gives no origin");
        }
    }

    #[test]
    fn database_names_must_be_one_per_campaign_and_valid_for_couchdb() {
        for (pattern, says) in [
            ("vneid", "once"),
            ("{campaign}-{campaign}", "once"),
            ("Vneid-{campaign}", "CouchDB refuses"),
            ("_users-{campaign}", "CouchDB refuses"),
            ("vneid {campaign}", "CouchDB refuses"),
        ] {
            let problems = server("https://couch.example.org", pattern).problems(&ids());
            assert_eq!(problems.len(), 1, "{pattern}: one problem, however many campaigns: {problems:?}");
            assert!(problems.iter().all(|p| p.starts_with("sync.database") && p.contains(says)), "{pattern}: {problems:?}");
        }
        // A campaign id that CouchDB would refuse is named.
        let problems = server("https://couch.example.org", "{campaign}").problems(&["2023-q3".to_string()]);
        assert_eq!(problems.len(), 1);
        assert!(problems[0].contains("campaign 2023-q3"), "{problems:?}");
    }
}

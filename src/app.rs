//! Staff mode's shared state: the campaign shown (default, or chosen and fetched), the
//! deployment, the ticking "now", the base path, and the language.

use chrono::{DateTime, FixedOffset};
use std::sync::Arc;

use leptos::prelude::*;

use crate::domain::campaign::Campaign;
use crate::domain::presets::{load_default_campaign, Deployment, PRESET_INDEX};
use crate::domain::text::Lang;
use crate::domain::vn_time::Clock;
use crate::i18n::*;
use crate::web::clock::BrowserClock;
use crate::web::fetch::fetch_text;
use crate::routes::query_value;
use crate::web::prefs::{open_prefs, LANG_KEY};

/// Preference key of the chosen campaign.
const CAMPAIGN_KEY: &str = crate::web::prefs::keys::CAMPAIGN;

/// App-wide state, provided as context to every page.
#[derive(Clone)]
pub struct AppState {
    /// The campaigns loaded so far: the default one, then any the user chose.
    pub loaded: RwSignal<Vec<Arc<Campaign>>>,
    /// The deployment's settings.
    pub deployment: Arc<Deployment>,
    /// Id of the campaign being shown (always a loaded one).
    pub campaign_id: RwSignal<String>,
    /// Id of the campaign asked for; differs from `campaign_id` while its file loads.
    pub requested: RwSignal<String>,
    /// Why the campaign asked for could not be loaded, if it could not.
    pub load_error: RwSignal<Option<String>>,
    /// "Now", refreshed every 30 seconds from the clock.
    pub now: RwSignal<DateTime<FixedOffset>>,
    /// The path the app is served under (`""` or `/sub`).
    pub base: Arc<String>,
}

impl AppState {
    /// Runs `f` on the campaign being shown (tracked), without copying it.
    pub fn with_campaign<R>(&self, f: impl FnOnce(&Campaign) -> R) -> R {
        let id = self.campaign_id.get();
        self.loaded.with(|loaded| {
            let campaign = loaded.iter().find(|c| c.id == id).or_else(|| loaded.first()).expect("the default campaign is loaded");
            f(campaign)
        })
    }

    /// A copy of the campaign being shown (tracked).
    pub fn campaign(&self) -> Campaign {
        self.with_campaign(Campaign::clone)
    }

    /// A link to the citizen page `path` (`/`, `/guide`) of the campaign asked for, under the
    /// base path: the default campaign's pages at the root, the others under `c/<id>/`.
    pub fn href(&self, path: &str) -> String {
        let id = self.requested.get();
        let page = if path == "/" { "/".to_string() } else { format!("{}/", path.trim_end_matches('/')) };
        if id == self.deployment.default_campaign {
            format!("{}{}", self.base, page)
        } else {
            format!("{}/c/{}{}", self.base, id, page)
        }
    }

    /// Shows campaign `id` (loading its file first if needed) and remembers it on this device.
    pub fn choose_campaign(&self, id: &str) {
        if !self.deployment.offers(id) {
            return;
        }
        open_prefs().set(CAMPAIGN_KEY, id);
        self.load_error.set(None);
        self.requested.set(id.to_string());
        if self.loaded.with_untracked(|l| l.iter().any(|c| c.id == id)) {
            self.campaign_id.set(id.to_string());
            return;
        }
        let Some(entry) = PRESET_INDEX.iter().find(|p| p.id == id) else { return };
        let state = self.clone();
        let url = format!("{}/{}", self.base, entry.file_path());
        wasm_bindgen_futures::spawn_local(async move {
            let result = fetch_text(&url).await.and_then(|json| {
                Campaign::from_json(&json).map_err(|errors| errors.iter().map(ToString::to_string).collect::<Vec<_>>().join("; "))
            });
            match result {
                Ok(campaign) => {
                    let id = campaign.id.clone();
                    state.loaded.update(|l| l.push(Arc::new(campaign)));
                    if state.requested.get_untracked() == id {
                        state.campaign_id.set(id);
                    }
                }
                Err(reason) => {
                    state.load_error.set(Some(format!("{url}: {reason}")));
                    state.requested.set(state.campaign_id.get_untracked());
                }
            }
        });
    }
}

/// The current language as the domain's [`Lang`] (tracked).
pub fn current_lang() -> Lang {
    match use_i18n().get_locale() {
        Locale::en => Lang::En,
        Locale::vi => Lang::Vi,
    }
}

/// The i18n locale of a domain language.
pub fn locale_of(lang: Lang) -> Locale {
    match lang {
        Lang::Vi => Locale::vi,
        Lang::En => Locale::en,
    }
}

/// The campaign named by `?c=` in the address, if the deployment offers it.
fn campaign_from_url(deployment: &Deployment) -> Option<String> {
    let search = web_sys::window()?.location().search().ok()?;
    query_value(&search, "c").filter(|id| deployment.offers(id)).map(str::to_string)
}

/// Builds the state with the default campaign shown, then asks for the campaign
/// named by the URL or remembered on the device. `base` is the site's base path.
pub fn initial_state(base: String) -> AppState {
    // The built-in files are validated by the native tests and the build script;
    // a broken fork still fails loudly in the console rather than silently.
    let default = load_default_campaign().unwrap_or_else(|errors| {
        for e in &errors {
            web_sys::console::error_1(&format!("{e}").into());
        }
        panic!("the default campaign file is invalid")
    });
    let deployment = Deployment::built_in().unwrap_or_else(|e| {
        web_sys::console::error_1(&e.clone().into());
        Deployment { default_campaign: default.id.clone(), fixed_campaign: true, campaigns: vec![default.id.clone()], sync: None }
    });
    let prefs = open_prefs();
    let wanted = campaign_from_url(&deployment).or_else(|| prefs.get(CAMPAIGN_KEY).filter(|id| deployment.offers(id)));
    let default_id = default.id.clone();
    let state = AppState {
        loaded: RwSignal::new(vec![Arc::new(default)]),
        deployment: Arc::new(deployment),
        campaign_id: RwSignal::new(default_id.clone()),
        requested: RwSignal::new(default_id),
        load_error: RwSignal::new(None),
        now: RwSignal::new(BrowserClock.now()),
        base: Arc::new(base),
    };
    if let Some(id) = wanted {
        state.choose_campaign(&id);
    }
    state
}

/// Keeps `<html lang>` and the stored preference in step with the language.
#[component]
pub fn LangSync() -> impl IntoView {
    Effect::new(move |_| {
        let lang = current_lang();
        if let Some(root) = document().document_element() {
            let _ = root.set_attribute("lang", lang.code());
        }
        open_prefs().set(LANG_KEY, lang.code());
    });
}


//! The root component: shared state in context, the router and the layout.

use std::sync::Arc;

use leptos::prelude::*;
use leptos_router::components::{Route, Router, Routes};
use leptos_router::path;
use time::OffsetDateTime;

use crate::components::layout::Layout;
use crate::domain::campaign::Campaign;
use crate::domain::presets::{load_deployment, load_presets, Deployment};
use crate::domain::text::Lang;
use crate::domain::vn_time::Clock;
use crate::i18n::*;
use crate::pages;
use crate::web::base_path::base_path;
use crate::web::clock::BrowserClock;
use crate::web::prefs::{open_prefs, LANG_KEY};

/// Preference key of the chosen campaign.
const CAMPAIGN_KEY: &str = "campaign";

/// App-wide state, provided as context to every page.
#[derive(Clone)]
pub struct AppState {
    /// Every built-in campaign.
    pub campaigns: Arc<Vec<Campaign>>,
    /// The deployment's settings.
    pub deployment: Arc<Deployment>,
    /// Id of the campaign being shown.
    pub campaign_id: RwSignal<String>,
    /// "Now", refreshed every 30 seconds from the clock.
    pub now: RwSignal<OffsetDateTime>,
    /// The path the app is served under (`""` or `/sub`).
    pub base: Arc<String>,
}

impl AppState {
    /// Runs `f` on the campaign being shown (tracked), without copying it.
    pub fn with_campaign<R>(&self, f: impl FnOnce(&Campaign) -> R) -> R {
        self.campaign_id.with(|id| {
            let campaign = self
                .campaigns
                .iter()
                .find(|c| &c.id == id)
                .or_else(|| self.campaigns.first())
                .expect("at least one built-in campaign");
            f(campaign)
        })
    }

    /// A copy of the campaign being shown (tracked).
    pub fn campaign(&self) -> Campaign {
        self.with_campaign(Campaign::clone)
    }

    /// An in-app link to `path` (e.g. `/guide`) under the base path, keeping a
    /// non-default campaign in the URL so the link can be shared.
    pub fn href(&self, path: &str) -> String {
        let id = self.campaign_id.get();
        if id == self.deployment.default_campaign {
            format!("{}{}", self.base, path)
        } else {
            format!("{}{}?c={}", self.base, path, id)
        }
    }

    /// Shows campaign `id` and remembers it on this device.
    pub fn choose_campaign(&self, id: &str) {
        if self.campaigns.iter().any(|c| c.id == id) && !self.deployment.fixed_campaign {
            open_prefs().set(CAMPAIGN_KEY, id);
            self.campaign_id.set(id.to_string());
        }
    }
}

/// The current language as the domain's [`Lang`] (tracked).
pub fn current_lang() -> Lang {
    match use_i18n().get_locale() {
        Locale::en => Lang::En,
        Locale::vi => Lang::Vi,
    }
}

fn locale_of(lang: Lang) -> Locale {
    match lang {
        Lang::Vi => Locale::vi,
        Lang::En => Locale::en,
    }
}

/// The campaign named by `?c=` in the address, if it is a built-in one.
fn campaign_from_url(campaigns: &[Campaign]) -> Option<String> {
    let search = web_sys::window()?.location().search().ok()?;
    search
        .trim_start_matches('?')
        .split('&')
        .filter_map(|pair| pair.split_once('='))
        .find(|(k, _)| *k == "c")
        .map(|(_, v)| v.to_string())
        .filter(|id| campaigns.iter().any(|c| &c.id == id))
}

/// Builds the state: campaign from the URL, then the device, then the deployment default.
fn initial_state() -> AppState {
    let campaigns = load_presets().unwrap_or_else(|errors| {
        // The presets are validated by the native tests; this only guards a broken fork.
        for (file, e) in &errors {
            web_sys::console::error_1(&format!("{file}: {e}").into());
        }
        Vec::new()
    });
    let deployment = load_deployment(&campaigns).unwrap_or_else(|e| {
        web_sys::console::error_1(&e.into());
        Deployment { default_campaign: campaigns.first().map(|c| c.id.clone()).unwrap_or_default(), fixed_campaign: false }
    });
    let prefs = open_prefs();
    let chosen = if deployment.fixed_campaign {
        deployment.default_campaign.clone()
    } else if let Some(id) = campaign_from_url(&campaigns) {
        prefs.set(CAMPAIGN_KEY, &id);
        id
    } else {
        prefs
            .get(CAMPAIGN_KEY)
            .filter(|id| campaigns.iter().any(|c| &c.id == id))
            .unwrap_or_else(|| deployment.default_campaign.clone())
    };
    AppState {
        campaigns: Arc::new(campaigns),
        deployment: Arc::new(deployment),
        campaign_id: RwSignal::new(chosen),
        now: RwSignal::new(BrowserClock.now()),
        base: Arc::new(base_path()),
    }
}

/// The whole app.
#[component]
pub fn App() -> impl IntoView {
    let state = initial_state();
    let now = state.now;
    let handle = set_interval_with_handle(move || now.set(BrowserClock.now()), std::time::Duration::from_secs(30));
    on_cleanup(move || {
        if let Ok(h) = handle {
            h.clear();
        }
    });
    let base = state.base.to_string();
    provide_context(state);

    let stored = open_prefs().get(LANG_KEY).and_then(|code| Lang::from_code(&code)).unwrap_or_default();
    view! {
        <I18nSubContextProvider initial_locale=Signal::stored(locale_of(stored))>
            <LangSync/>
            <Router base=base>
                <Layout>
                    <Routes fallback=pages::not_found::NotFoundPage>
                        <Route path=path!("/") view=pages::home::HomePage/>
                        <Route path=path!("/guide") view=pages::guide::GuidePage/>
                        <Route path=path!("/documents") view=pages::documents::DocumentsPage/>
                        <Route path=path!("/offices") view=pages::offices::OfficesPage/>
                        <Route path=path!("/help") view=pages::help::HelpPage/>
                        <Route path=path!("/staff") view=pages::staff::StaffPage/>
                    </Routes>
                </Layout>
            </Router>
        </I18nSubContextProvider>
    }
}

/// Keeps `<html lang>` and the stored preference in step with the language.
#[component]
fn LangSync() -> impl IntoView {
    Effect::new(move |_| {
        let lang = current_lang();
        if let Some(root) = document().document_element() {
            let _ = root.set_attribute("lang", lang.code());
        }
        open_prefs().set(LANG_KEY, lang.code());
    });
}

/// Mounts the app on `<body>`.
pub fn mount() {
    leptos::mount::mount_to_body(App);
}

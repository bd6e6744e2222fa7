//! What a page is rendered for: campaign, language, address and the build's asset names.

use std::sync::Arc;

use leptos::prelude::*;

use crate::domain::campaign::Campaign;
use crate::domain::presets::Deployment;
use crate::domain::sources::Word;
use crate::domain::text::{Lang, Text};
use crate::i18n::Locale;
use crate::routes::site::{SitePage, SitePath};

/// File names of the build's shared assets (hashed), relative to the base.
#[derive(Clone, Debug, Default, PartialEq, Eq, serde::Deserialize)]
pub struct Assets {
    /// The style sheet.
    pub css: String,
    /// The islands' JavaScript glue (wasm-bindgen, `--target web`).
    pub js: String,
    /// The islands' wasm.
    pub wasm: String,
    /// The core islands' JavaScript glue (`site::islands::CORE_ISLANDS` only); empty: none built.
    #[serde(default)]
    pub core_js: String,
    /// The core islands' wasm.
    #[serde(default)]
    pub core_wasm: String,
}

/// A campaign the deployment offers, as the switcher lists it.
#[derive(Clone, Debug, PartialEq)]
pub struct Offered {
    /// Its id.
    pub id: String,
    /// Its area.
    pub area: Text,
    /// Its period, day-first.
    pub period: String,
    /// True when the document does not state the end date (the file's `period_end_note`).
    pub end_inferred: bool,
}

/// Everything a page needs, provided as context while it renders (build time only).
#[derive(Clone, Debug)]
pub struct PageCtx {
    /// The campaign shown.
    pub campaign: Arc<Campaign>,
    /// The deployment's settings.
    pub deployment: Arc<Deployment>,
    /// The campaigns offered (for the switcher).
    pub offered: Arc<Vec<Offered>>,
    /// This page.
    pub path: SitePath,
    /// The site's base path, with its trailing slash (`/` or `/vneid-campaign/`).
    pub base: String,
    /// The deployment's full address (for the QR code).
    pub site_url: String,
    /// Asset file names.
    pub assets: Arc<Assets>,
}

impl PageCtx {
    /// The page's language.
    pub fn lang(&self) -> Lang {
        self.path.lang
    }

    /// The page's locale.
    pub fn locale(&self) -> Locale {
        super::locale_of(self.path.lang)
    }

    /// A link (relative to `<base href>`) to `page` of this campaign and language.
    pub fn href(&self, page: SitePage) -> String {
        relative(&self.path.to(page).path())
    }

    /// Whether the campaign had ended (Vietnam time) when the site was built: an end is final,
    /// so the page may say so from the first paint.
    pub fn ended_at_build(&self) -> bool {
        // In the browser (the campaign editor's preview) "now" is the browser's clock.
        #[cfg(target_arch = "wasm32")]
        let millis = js_sys::Date::now();
        #[cfg(not(target_arch = "wasm32"))]
        let millis = std::time::SystemTime::now().duration_since(std::time::UNIX_EPOCH).map_or(0.0, |d| d.as_millis() as f64);
        let today = crate::domain::vn_time::from_unix_millis(millis).map(crate::domain::vn_time::to_vietnam).map(|vn| vn.date_naive());
        today.is_some_and(|today| self.campaign.period.end < today)
    }

    /// A link to this page in `lang`.
    pub fn href_lang(&self, lang: Lang) -> String {
        relative(&self.path.in_lang(lang).path())
    }

    /// A link to the home page of campaign `id` in this language.
    pub fn href_campaign(&self, id: &str) -> String {
        let campaign = (id != self.deployment.default_campaign).then(|| id.to_string());
        relative(&SitePath { lang: self.lang(), campaign, page: SitePage::Home }.path())
    }

    /// The translated source-label word.
    pub fn word(&self, word: Word) -> String {
        crate::site::parts::source_word(self.locale(), word)
    }
}

/// `""` (the base itself) as `./`, anything else as is.
pub fn relative(path: &str) -> String {
    if path.is_empty() {
        "./".to_string()
    } else {
        path.to_string()
    }
}

/// The page being rendered.
pub fn current() -> PageCtx {
    expect_context::<PageCtx>()
}

/// The page's string for `key`: `tx(|l| td_string!(l, nav.home))`.
pub fn tx(key: fn(Locale) -> &'static str) -> &'static str {
    key(current().locale())
}

/// A bilingual campaign text in the page's language.
pub fn text(t: &Text) -> String {
    t.get(current().lang()).to_string()
}

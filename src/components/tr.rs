//! A translated plain string as a reactive view, with one shared render type.
//!
//! `t!` creates a distinct closure type per call site, and Leptos compiles
//! its rendering code once per type. For keys without variables `tr` returns
//! the same closure type everywhere (a function pointer plus the i18n
//! context), which keeps the wasm much smaller.

use leptos::prelude::*;

use crate::app::{current_lang, AppState};
use crate::domain::campaign::Campaign;
use crate::domain::text::Text;
use crate::i18n::*;

/// Renders the string `key(locale)` and follows language changes.
/// Use as `tr(|l| td_string!(l, nav.home))`.
pub fn tr(key: fn(Locale) -> &'static str) -> impl IntoView + Clone {
    let i18n = use_i18n();
    move || key(i18n.get_locale())
}

/// Renders a bilingual field of the campaign being shown, following both the
/// language and the campaign choice. Use as `campaign_text(|c| &c.area)`.
pub fn campaign_text(field: fn(&Campaign) -> &Text) -> impl IntoView + Clone {
    let state = expect_context::<AppState>();
    move || {
        let lang = current_lang();
        state.with_campaign(|c| field(c).get(lang).to_string())
    }
}

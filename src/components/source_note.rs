//! The small "Nguồn: …" line under each statement a citizen reads.
//!
//! Built-in guidance ([`Fact`]) reads its source through
//! [`describe`](crate::domain::sources::describe) for the campaign shown;
//! facts from the campaign file show the sections the file records.

use leptos::prelude::*;

use crate::app::{current_lang, AppState};
use crate::domain::guidance::Fact;
use crate::domain::sources::{describe, field_source_label, file_source_label, Law, SeedDoc, SourceField, Word};
use crate::i18n::*;

/// The translated word for a source label, in `locale`.
pub fn source_word(locale: Locale, word: Word) -> String {
    match word {
        Word::Source => td_string!(locale, sources.source),
        Word::Section => td_string!(locale, sources.section),
        Word::Appendix => td_string!(locale, sources.appendix),
        Word::Preamble => td_string!(locale, sources.preamble),
        Word::OtherDocument => td_string!(locale, sources.other_document),
        Word::RuleToday => td_string!(locale, sources.rule_today),
        Word::AppliesFrom => td_string!(locale, sources.applies_from),
        Word::NotThisCampaign => td_string!(locale, sources.not_this_campaign),
        Word::GeneralAdvice => td_string!(locale, sources.general_advice),
        Word::CampaignDocument => td_string!(locale, sources.campaign_document),
        Word::Law(Law::IdentityLaw2023) => td_string!(locale, sources.law_identity),
        Word::Doc(SeedDoc::Q3Plan) => td_string!(locale, sources.doc_q3),
        Word::Doc(SeedDoc::DuyenHaiPlan) => td_string!(locale, sources.doc_duyen_hai),
        Word::Doc(SeedDoc::TamThuanPlan) => td_string!(locale, sources.doc_tam_thuan),
        Word::Doc(SeedDoc::HanoiPlan) => td_string!(locale, sources.doc_hanoi),
        Word::Doc(SeedDoc::BinhThanhLetter) => td_string!(locale, sources.doc_binh_thanh),
    }
    .to_string()
}

/// The source line of a piece of built-in guidance, for the campaign shown.
#[component]
pub fn FactSource(fact: Fact) -> impl IntoView {
    let state = expect_context::<AppState>();
    let i18n = use_i18n();
    let label = move || {
        let locale = i18n.get_locale();
        let words = move |w| source_word(locale, w);
        state.with_campaign(|c| describe(fact.basis(), c, current_lang(), &words))
    };
    view! { <p class="source">{label}</p> }
}

/// The source line of facts from the campaign file (an object's `source`), or of one of
/// its fields (`serves.id_card`); nothing when the file records no section for them.
#[component]
pub fn FileSource(source: Option<SourceField>, #[prop(optional, into)] field: Option<String>) -> impl IntoView {
    let state = expect_context::<AppState>();
    let i18n = use_i18n();
    move || {
        let locale = i18n.get_locale();
        let words = move |w| source_word(locale, w);
        let label = state.with_campaign(|c| match &field {
            Some(f) => field_source_label(c, source.as_ref(), f, current_lang(), &words),
            None => file_source_label(c, source.as_ref(), current_lang(), &words),
        });
        label.map(|l| view! { <p class="source">{l}</p> })
    }
}

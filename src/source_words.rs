//! The words of source labels ("Nguồn", "mục", the documents' citations) in each language,
//! for the pages (built at build time) and staff mode alike.

use crate::domain::campaign::Campaign;
use crate::domain::sources::{field_source_label, file_source_label, Law, SeedDoc, SourceField, Word};
use crate::domain::text::Lang;
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


/// The source label of a campaign-file object (`field`: one of its fields, `serves.id_card`),
/// in `lang`; `None` when the file records no section for it.
pub fn file_label(campaign: &Campaign, source: Option<&SourceField>, field: Option<&str>, lang: Lang, locale: Locale) -> Option<String> {
    let words = move |w| source_word(locale, w);
    match field {
        Some(f) => field_source_label(campaign, source, f, lang, &words),
        None => file_source_label(campaign, source, lang, &words),
    }
}

//! Where each fact comes from: the five source documents, sections in them,
//! and the label a citizen reads under a statement ("Nguồn: Kế hoạch
//! 2333/KH-BCĐ-CQTT, mục III.6.2").
//!
//! Two kinds of statement carry a source:
//! - facts from a campaign file (offices, deadlines, targets…): the file records
//!   the section of its own document in a `source` field ([`SourceField`]);
//! - the general guidance written into the app (steps, documents, age rules,
//!   the SMS, scam advice): [`Basis`] lists the documents and sections it
//!   comes from, or is empty for general advice that no document gives.
//!
//! [`describe`] decides how a basis reads for the campaign shown: its own
//! document when it is one of them, otherwise "another document", and "the
//! rule today" for a rule that applies only from a date after the campaign.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};
use chrono::NaiveDate;

use super::campaign::Campaign;
use super::text::Lang;
use super::vn_time::format_date;

/// A section of a document in its own numbering: `III.6.2`, `IV.1.1`, `2.a`,
/// an appendix `PL1` / `PL1.2.b` (Phụ lục 1, mục 2.b), or `0` for the preamble.
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(transparent)]
pub struct Section(pub String);

impl Section {
    /// True when the text follows the section syntax (checked by `Campaign::validate`).
    pub fn is_valid(&self) -> bool {
        let mut parts = self.0.split('.');
        let Some(first) = parts.next() else { return false };
        let first_ok = match first.strip_prefix("PL") {
            Some(n) => !n.is_empty() && n.bytes().all(|b| b.is_ascii_digit()),
            None => {
                !first.is_empty()
                    && (first.bytes().all(|b| b"IVXLC".contains(&b)) || first.bytes().all(|b| b.is_ascii_digit()))
            }
        };
        first_ok
            && self.0.len() <= 32
            && parts.all(|p| !p.is_empty() && p.bytes().all(|b| b.is_ascii_digit() || b.is_ascii_lowercase()))
    }

    /// The section as a citizen reads it: `mục III.6.2`, `Phụ lục 1, mục 2.b` / `section III.6.2`, `Appendix 1, section 2.b`.
    pub fn label(&self, words: &dyn Fn(Word) -> String) -> String {
        if self.0 == "0" {
            return words(Word::Preamble);
        }
        match self.0.strip_prefix("PL") {
            Some(rest) => {
                let (number, inner) = rest.split_once('.').map_or((rest, None), |(n, i)| (n, Some(i)));
                match inner {
                    Some(inner) => format!("{} {number}, {} {inner}", words(Word::Appendix), words(Word::Section)),
                    None => format!("{} {number}", words(Word::Appendix)),
                }
            }
            None => format!("{} {}", words(Word::Section), self.0),
        }
    }
}

/// Sections of a campaign-file object: one for the whole object, or one per field.
///
/// Read by hand rather than with `#[serde(untagged)]`, whose buffering code would add
/// several KB to the citizens' wasm.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[serde(untagged)]
pub enum SourceField {
    /// Every field of the object comes from this section.
    All(Section),
    /// Field name (or `serves.<service>`) → section.
    PerField(BTreeMap<String, Section>),
}

impl<'de> Deserialize<'de> for SourceField {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        struct Visit;
        impl<'de> serde::de::Visitor<'de> for Visit {
            type Value = SourceField;
            fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
                f.write_str("a section such as \"III.6.2\", or an object of field → section")
            }
            fn visit_str<E: serde::de::Error>(self, v: &str) -> Result<SourceField, E> {
                Ok(SourceField::All(Section(v.to_string())))
            }
            fn visit_map<A: serde::de::MapAccess<'de>>(self, mut map: A) -> Result<SourceField, A::Error> {
                let mut out = BTreeMap::new();
                while let Some((key, value)) = map.next_entry::<String, String>()? {
                    out.insert(key, Section(value));
                }
                Ok(SourceField::PerField(out))
            }
        }
        d.deserialize_any(Visit)
    }
}

impl SourceField {
    /// The section `field` comes from (`serves.level2_with_card` falls back to `serves`).
    pub fn section_for(&self, field: &str) -> Option<&Section> {
        match self {
            SourceField::All(s) => Some(s),
            SourceField::PerField(map) => map
                .get(field)
                .or_else(|| field.split_once('.').and_then(|(head, _)| map.get(head))),
        }
    }

    /// Every distinct section, in the order a reader expects (document order).
    pub fn sections(&self) -> Vec<&Section> {
        let mut list: Vec<&Section> = match self {
            SourceField::All(s) => vec![s],
            SourceField::PerField(map) => map.values().collect(),
        };
        list.sort_by(|a, b| section_order(a).cmp(&section_order(b)));
        list.dedup();
        list
    }

    /// Problems with this field's sections and keys; `fields` are the keys allowed.
    pub fn problems(&self, fields: &[&str]) -> Vec<(String, String)> {
        let mut out = Vec::new();
        match self {
            SourceField::All(s) => {
                if !s.is_valid() {
                    out.push((String::new(), format!("\"{}\" is not a section like III.6.2 or PL1.2", s.0)));
                }
            }
            SourceField::PerField(map) => {
                if map.is_empty() {
                    out.push((String::new(), "name at least one field and its section".into()));
                }
                for (key, s) in map {
                    let head = key.split_once('.').map_or(key.as_str(), |(h, _)| h);
                    if !fields.contains(&head) {
                        out.push((format!(".{key}"), format!("\"{key}\" is not a field here (expected one of: {})", fields.join(", "))));
                    }
                    if !s.is_valid() {
                        out.push((format!(".{key}"), format!("\"{}\" is not a section like III.6.2 or PL1.2", s.0)));
                    }
                }
            }
        }
        out
    }
}

/// Sort key that puts appendices after the body and roman numerals in numeric order.
fn section_order(s: &Section) -> (u32, Vec<u32>, String) {
    let mut parts = s.0.split('.');
    let first = parts.next().unwrap_or("");
    let (appendix, head) = match first.strip_prefix("PL") {
        Some(n) => (1 + n.parse::<u32>().unwrap_or(0), 0),
        None => (0, roman_or_number(first)),
    };
    let mut nums = vec![head];
    nums.extend(parts.map(|p| p.parse::<u32>().unwrap_or(1000)));
    (appendix, nums, s.0.clone())
}

fn roman_or_number(s: &str) -> u32 {
    if let Ok(n) = s.parse() {
        return n;
    }
    let value = |c| match c {
        'I' => 1,
        'V' => 5,
        'X' => 10,
        'L' => 50,
        'C' => 100,
        _ => 0,
    };
    let chars: Vec<u32> = s.chars().map(value).collect();
    chars.iter().enumerate().map(|(i, &v)| if chars.get(i + 1).is_some_and(|&n| n > v) { -(v as i64) } else { v as i64 }).sum::<i64>().max(0) as u32
}

/// The five source documents the built-in guidance is written from.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum SeedDoc {
    /// District 3, HCMC: plan 2333/KH-BCĐ-CQTT of 20/06/2023 (seed 000).
    Q3Plan,
    /// Duyên Hải town, Trà Vinh: plan 110/KH-UBND of 30/08/2023 (seed 001).
    DuyenHaiPlan,
    /// Tam Thuận ward, Da Nang: the 2024 peak-period plan (seed 002).
    TamThuanPlan,
    /// Hà Nội: the awareness-peak plan of 18/11/2022 (seed 003).
    HanoiPlan,
    /// Bình Thạnh district, HCMC: letter 64/UBND-BCĐ of 14/04/2023 with Appendix 1 (seed 004).
    BinhThanhLetter,
}

impl SeedDoc {
    /// Every seed document, in seed order.
    pub const ALL: [SeedDoc; 5] =
        [SeedDoc::Q3Plan, SeedDoc::DuyenHaiPlan, SeedDoc::TamThuanPlan, SeedDoc::HanoiPlan, SeedDoc::BinhThanhLetter];

    /// The preset campaign written from this document.
    pub fn campaign_id(self) -> &'static str {
        match self {
            SeedDoc::Q3Plan => "hcm-q3-2023",
            SeedDoc::DuyenHaiPlan => "tv-duyen-hai-2023",
            SeedDoc::TamThuanPlan => "dn-tam-thuan-2024",
            SeedDoc::HanoiPlan => "hn-awareness-2022",
            SeedDoc::BinhThanhLetter => "hcm-binh-thanh-2023",
        }
    }

    /// The document's official number, when it has one.
    pub fn number(self) -> Option<&'static str> {
        match self {
            SeedDoc::Q3Plan => Some("2333/KH-BCĐ-CQTT"),
            SeedDoc::DuyenHaiPlan => Some("110/KH-UBND"),
            SeedDoc::BinhThanhLetter => Some("64/UBND-BCĐ"),
            SeedDoc::TamThuanPlan | SeedDoc::HanoiPlan => None,
        }
    }

    /// Whether `campaign` was written from this document (same preset id or same document number).
    pub fn is_document_of(self, campaign: &Campaign) -> bool {
        campaign.id == self.campaign_id()
            || (self.number().is_some() && campaign.document.number.as_deref() == self.number())
    }
}

/// One place a statement comes from.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Cite {
    /// The document.
    pub doc: SeedDoc,
    /// Its section, in the document's numbering (see [`Section`]).
    pub section: &'static str,
    /// The law the rule rests on and the day it applies from, when that is later than
    /// some campaigns (the Căn cước card procedure: Law 26/2023/QH15, 01/07/2024).
    pub applies_from: Option<(Law, NaiveDate)>,
}

/// A law a cited rule rests on.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Law {
    /// Identity Law 26/2023/QH15 (Luật Căn cước), in force from 01/07/2024.
    IdentityLaw2023,
}

/// Where a piece of built-in guidance comes from; empty = general advice that no document gives.
pub type Basis = &'static [Cite];

/// 01/07/2024: the Identity Law 26/2023/QH15 applies (seed 002, section IV.6).
pub const IDENTITY_LAW_FROM: NaiveDate = crate::domain::vn_time::ymd(2024, 7, 1);

/// A cite of the Tam Thuận plan for a rule of the Identity Law (from 01/07/2024).
pub const fn identity_law(section: &'static str) -> Cite {
    Cite { doc: SeedDoc::TamThuanPlan, section, applies_from: Some((Law::IdentityLaw2023, IDENTITY_LAW_FROM)) }
}

/// A plain cite.
pub const fn cite(doc: SeedDoc, section: &'static str) -> Cite {
    Cite { doc, section, applies_from: None }
}

/// The small words of a source label, looked up in the translation files (`sources.*`).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Word {
    /// "Nguồn" / "Source".
    Source,
    /// "mục" / "section".
    Section,
    /// "Phụ lục" / "Appendix".
    Appendix,
    /// "phần mở đầu" / "preamble" (section `0`).
    Preamble,
    /// "văn bản khác, không phải của chiến dịch này" / "another document, not this campaign's".
    OtherDocument,
    /// "Quy định hiện nay" / "The rule today".
    RuleToday,
    /// "áp dụng từ" / "applies from".
    AppliesFrom,
    /// "không thuộc chiến dịch này" / "not part of this campaign".
    NotThisCampaign,
    /// "Lời khuyên chung, không có trong văn bản nào" / "General advice, not from any document".
    GeneralAdvice,
    /// The citation of a seed document ("Kế hoạch 2333/KH-BCĐ-CQTT ngày 20/06/2023 (Quận 3, TP.HCM)").
    Doc(SeedDoc),
    /// The name of a law ("Luật Căn cước số 26/2023/QH15").
    Law(Law),
    /// "Văn bản của chiến dịch" / "The campaign's document" (when a file has no citation).
    CampaignDocument,
}

impl Word {
    /// The key in `locales/*.json`.
    pub fn locale_key(self) -> &'static str {
        match self {
            Word::Source => "sources.source",
            Word::Section => "sources.section",
            Word::Appendix => "sources.appendix",
            Word::Preamble => "sources.preamble",
            Word::OtherDocument => "sources.other_document",
            Word::RuleToday => "sources.rule_today",
            Word::AppliesFrom => "sources.applies_from",
            Word::NotThisCampaign => "sources.not_this_campaign",
            Word::GeneralAdvice => "sources.general_advice",
            Word::CampaignDocument => "sources.campaign_document",
            Word::Law(Law::IdentityLaw2023) => "sources.law_identity",
            Word::Doc(SeedDoc::Q3Plan) => "sources.doc_q3",
            Word::Doc(SeedDoc::DuyenHaiPlan) => "sources.doc_duyen_hai",
            Word::Doc(SeedDoc::TamThuanPlan) => "sources.doc_tam_thuan",
            Word::Doc(SeedDoc::HanoiPlan) => "sources.doc_hanoi",
            Word::Doc(SeedDoc::BinhThanhLetter) => "sources.doc_binh_thanh",
        }
    }

    /// Every word, for the test that each one is translated.
    pub fn all() -> Vec<Word> {
        let mut all = vec![
            Word::Source,
            Word::Section,
            Word::Appendix,
            Word::Preamble,
            Word::OtherDocument,
            Word::RuleToday,
            Word::AppliesFrom,
            Word::NotThisCampaign,
            Word::GeneralAdvice,
            Word::CampaignDocument,
            Word::Law(Law::IdentityLaw2023),
        ];
        all.extend(SeedDoc::ALL.map(Word::Doc));
        all
    }
}

/// How a statement's source reads for the campaign shown.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum SourceKind {
    /// The campaign's own document.
    Own,
    /// Another campaign's document (a general rule of the procedure).
    Other,
    /// A rule that applies from a date after this campaign ended: "the rule today".
    RuleToday,
    /// No document gives it.
    General,
}

/// The citation of the campaign's own document ("Kế hoạch 2333/KH-BCĐ-CQTT").
pub fn campaign_citation(campaign: &Campaign, lang: Lang, words: &dyn Fn(Word) -> String) -> String {
    match &campaign.document.citation {
        Some(text) => text.get(lang).to_string(),
        None => match &campaign.document.number {
            Some(n) => format!("{} {n}", words(Word::CampaignDocument)),
            None => words(Word::CampaignDocument),
        },
    }
}

/// The label for facts of `campaign`'s own file: "Nguồn: Kế hoạch 2333/KH-BCĐ-CQTT, mục III.6.2, III.6.3".
/// `None` when the file records no section for them.
pub fn file_source_label(campaign: &Campaign, source: Option<&SourceField>, lang: Lang, words: &dyn Fn(Word) -> String) -> Option<String> {
    let sections = source?.sections();
    if sections.is_empty() {
        return None;
    }
    let first = sections[0].label(words);
    let rest: Vec<String> = sections[1..].iter().map(|s| s.label(words)).collect();
    let list = if rest.is_empty() { first } else { format!("{first}; {}", rest.join("; ")) };
    Some(format!("{}: {}, {list}", words(Word::Source), campaign_citation(campaign, lang, words)))
}

/// Same as [`file_source_label`] for one field of an object (`serves.id_card`, `address`).
pub fn field_source_label(campaign: &Campaign, source: Option<&SourceField>, field: &str, lang: Lang, words: &dyn Fn(Word) -> String) -> Option<String> {
    let section = source?.section_for(field)?;
    Some(format!("{}: {}, {}", words(Word::Source), campaign_citation(campaign, lang, words), section.label(words)))
}

/// Which kind of source `basis` is for `campaign`.
pub fn kind_of(basis: Basis, campaign: &Campaign) -> SourceKind {
    if basis.is_empty() {
        SourceKind::General
    } else if basis.iter().any(|c| c.doc.is_document_of(campaign)) {
        SourceKind::Own
    } else if basis.iter().all(|c| c.applies_from.is_some_and(|(_, from)| campaign.period.end < from)) {
        SourceKind::RuleToday
    } else {
        SourceKind::Other
    }
}

/// The label under a piece of built-in guidance, for the campaign shown.
///
/// - own document: "Nguồn: Kế hoạch 2333/KH-BCĐ-CQTT, mục III.6.1" (only the own sections);
/// - another document: "Nguồn (văn bản khác, …): Công văn 64/UBND-BCĐ …, Phụ lục 1, mục 2.b";
/// - a rule from after the campaign: "Quy định hiện nay (Luật …, áp dụng từ 01/07/2024), không thuộc chiến dịch này. Nguồn: …";
/// - no basis: "Lời khuyên chung, không có trong văn bản nào."
pub fn describe(basis: Basis, campaign: &Campaign, lang: Lang, words: &dyn Fn(Word) -> String) -> String {
    // One citation per document, its sections after it: "Kế hoạch …, mục III.3, mục V.1; Công văn …, Phụ lục 1".
    let cites = |list: &[&Cite]| {
        let mut groups: Vec<(SeedDoc, Vec<String>)> = Vec::new();
        for c in list {
            let section = Section(c.section.to_string()).label(words);
            match groups.iter_mut().find(|(doc, _)| *doc == c.doc) {
                Some((_, sections)) => sections.push(section),
                None => groups.push((c.doc, vec![section])),
            }
        }
        groups
            .into_iter()
            .map(|(doc, sections)| {
                let name = if doc.is_document_of(campaign) { campaign_citation(campaign, lang, words) } else { words(Word::Doc(doc)) };
                format!("{name}, {}", sections.join(", "))
            })
            .collect::<Vec<_>>()
            .join("; ")
    };
    match kind_of(basis, campaign) {
        SourceKind::General => format!("{}.", words(Word::GeneralAdvice)),
        SourceKind::Own => {
            let own: Vec<&Cite> = basis.iter().filter(|c| c.doc.is_document_of(campaign)).collect();
            format!("{}: {}", words(Word::Source), cites(&own))
        }
        SourceKind::Other => {
            let all: Vec<&Cite> = basis.iter().collect();
            let mut label = format!("{} ({}): {}", words(Word::Source), words(Word::OtherDocument), cites(&all));
            if let Some((law, from)) = basis.iter().find_map(|c| c.applies_from) {
                label.push_str(&format!(" ({}, {} {})", words(Word::Law(law)), words(Word::AppliesFrom), format_date(from)));
            }
            label
        }
        SourceKind::RuleToday => {
            let all: Vec<&Cite> = basis.iter().collect();
            let (law, from) = basis.iter().find_map(|c| c.applies_from).expect("a rule-today basis has a date");
            format!(
                "{} ({}, {} {}), {}. {}: {}",
                words(Word::RuleToday),
                words(Word::Law(law)),
                words(Word::AppliesFrom),
                format_date(from),
                words(Word::NotThisCampaign),
                words(Word::Source),
                cites(&all)
            )
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn words(w: Word) -> String {
        match w {
            Word::Source => "Nguồn".into(),
            Word::Section => "mục".into(),
            Word::Appendix => "Phụ lục".into(),
            other => format!("<{}>", other.locale_key()),
        }
    }

    #[test]
    fn sections_have_a_syntax_and_read_in_words() {
        for ok in ["III.6.2", "IV.1.1", "V.2", "2.a", "PL1", "PL1.2.b", "II.3.2"] {
            assert!(Section(ok.into()).is_valid(), "{ok}");
        }
        for bad in ["", "III.", "iii.6", "mục III", "PL", "PLx.1", "III..2", "<b>"] {
            assert!(!Section(bad.into()).is_valid(), "{bad}");
        }
        assert_eq!(Section("III.6.2".into()).label(&words), "mục III.6.2");
        assert_eq!(Section("PL1.2.b".into()).label(&words), "Phụ lục 1, mục 2.b");
        assert_eq!(Section("PL1".into()).label(&words), "Phụ lục 1");
    }

    #[test]
    fn sections_sort_in_document_order() {
        let field: SourceField = serde_json::from_str(r#"{"opening_hours": "III.6.3", "address": "III.6.2", "serves.id_card": "IV.1.1", "notes": "PL1.2", "name": "III.6.2"}"#).unwrap();
        let order: Vec<&str> = field.sections().iter().map(|s| s.0.as_str()).collect();
        assert_eq!(order, ["III.6.2", "III.6.3", "IV.1.1", "PL1.2"]);
        assert_eq!(field.section_for("serves.id_card").map(|s| s.0.as_str()), Some("IV.1.1"));
        assert_eq!(field.section_for("serves.guidance"), None, "no fallback without a plain `serves`");
        assert_eq!(field.section_for("phone"), None);
        let all: SourceField = serde_json::from_str(r#""V.2""#).unwrap();
        assert_eq!(all.section_for("anything").map(|s| s.0.as_str()), Some("V.2"));
    }

    #[test]
    fn source_field_problems_name_the_key() {
        let field: SourceField = serde_json::from_str(r#"{"adress": "III.6.2", "notes": "mục 3"}"#).unwrap();
        let problems = field.problems(&["address", "notes"]);
        assert_eq!(problems.len(), 2, "{problems:?}");
        assert_eq!(problems[0].0, ".adress");
        assert_eq!(problems[1].0, ".notes");
    }

    #[test]
    fn roman_numerals_order() {
        assert!(roman_or_number("IV") < roman_or_number("V"));
        assert!(roman_or_number("IX") < roman_or_number("X"));
        assert_eq!(roman_or_number("III"), 3);
        assert_eq!(roman_or_number("12"), 12);
    }
}

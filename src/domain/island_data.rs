//! What each island of a citizen page needs in the browser, written into the page as one
//! attribute and read back there without a JSON parser.
//!
//! Leptos serialises island props as JSON, which links `serde_json` and float formatting into
//! the islands' wasm (about 33 KB gzip, README, Size). The islands take no props instead: the
//! page writes each island's data with [`pack`] and the island reads it back with [`unpack`].
//! A value that does not read back gives `None`, and the island stays neutral.

use chrono::NaiveDate;

use super::campaign::{FilterItem, SpecialDay};
use super::text::{Lang, Text};
use super::vn_time::{format_iso, parse_iso_date};

/// Separates fields of a packed string.
const SEPARATOR: char = '|';
/// Escapes a separator or itself inside a field.
const ESCAPE: char = '\\';

/// Joins fields into one string: `|` between them, with `|` and `\` inside a field escaped by `\`.
pub fn pack<S: AsRef<str>>(fields: &[S]) -> String {
    let mut out = String::new();
    for (i, field) in fields.iter().enumerate() {
        if i > 0 {
            out.push(SEPARATOR);
        }
        for c in field.as_ref().chars() {
            if c == SEPARATOR || c == ESCAPE {
                out.push(ESCAPE);
            }
            out.push(c);
        }
    }
    out
}

/// The fields of a packed string (one empty field for `""`); a trailing lone `\` is kept.
pub fn unpack(packed: &str) -> Vec<String> {
    let mut fields = vec![String::new()];
    let mut chars = packed.chars();
    while let Some(c) = chars.next() {
        match c {
            ESCAPE => fields.last_mut().expect("one field").push(chars.next().unwrap_or(ESCAPE)),
            SEPARATOR => fields.push(String::new()),
            c => fields.last_mut().expect("one field").push(c),
        }
    }
    fields
}

/// The records of a list packed by [`pack`]; `""` is the empty list.
pub fn unpack_list(packed: &str) -> Vec<String> {
    if packed.is_empty() {
        Vec::new()
    } else {
        unpack(packed)
    }
}

fn flag(on: bool) -> &'static str {
    if on {
        "1"
    } else {
        "0"
    }
}

fn read_flag(value: &str) -> Option<bool> {
    match value {
        "1" => Some(true),
        "0" => Some(false),
        _ => None,
    }
}

/// Exactly `N` fields of a packed string, or `None`.
fn fields<const N: usize>(packed: &str) -> Option<[String; N]> {
    unpack(packed).try_into().ok()
}

/// Special days, each as its date and hours. Not the reason: no island shows it (the page
/// lists it), so it would only make every office's frame longer.
pub fn pack_special_days(days: &[SpecialDay]) -> String {
    pack(&days.iter().map(|d| pack(&[format_iso(d.date), d.hours.clone()])).collect::<Vec<_>>())
}

/// The special days of [`pack_special_days`] (with empty reasons), or `None` if one does not read back.
pub fn unpack_special_days(packed: &str) -> Option<Vec<SpecialDay>> {
    unpack_list(packed)
        .iter()
        .map(|record| {
            let [date, hours] = fields::<2>(record)?;
            Some(SpecialDay { date: parse_iso_date(&date)?, hours, reason: Text { vi: String::new(), en: String::new() } })
        })
        .collect()
}

fn pack_filter_item(item: &FilterItem) -> String {
    pack(&[item.id.clone(), item.text.clone(), item.hours.clone().unwrap_or_default(), pack_special_days(&item.special_days)])
}

fn unpack_filter_item(record: &str) -> Option<FilterItem> {
    let [id, text, hours, special] = fields::<4>(record)?;
    let hours = (!hours.is_empty()).then_some(hours);
    Some(FilterItem { id, text, hours, special_days: unpack_special_days(&special)? })
}

/// What every page's boot island needs: service worker, kiosk mode and language memory.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct BootData {
    /// The page's language.
    pub lang: Lang,
    /// The site's base path (`/` or `/sub/`).
    pub base: String,
    /// The page's campaign and language folder (`""`, `en/`, `c/<id>/`).
    pub group: String,
    /// Where the kiosk reset goes (relative to the base).
    pub home: String,
    /// Whether this is a home page.
    pub is_home: bool,
    /// The same page in the other language; empty on the not-found page.
    pub alternate: String,
    /// The page's own path relative to the base.
    pub here: String,
    /// The deployment's default campaign.
    pub default_campaign: String,
}

impl BootData {
    /// As one attribute value.
    pub fn pack(&self) -> String {
        pack(&[
            self.lang.code(),
            &self.base,
            &self.group,
            &self.home,
            flag(self.is_home),
            &self.alternate,
            &self.here,
            &self.default_campaign,
        ])
    }

    /// Reads [`BootData::pack`] back.
    pub fn unpack(packed: &str) -> Option<BootData> {
        let [lang, base, group, home, is_home, alternate, here, default_campaign] = fields::<8>(packed)?;
        Some(BootData { lang: Lang::from_code(&lang)?, base, group, home, is_home: read_flag(&is_home)?, alternate, here, default_campaign })
    }
}

/// What the campaign status island needs.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct CampaignStatusData {
    /// The page's language.
    pub lang: Lang,
    /// First day.
    pub start: NaiveDate,
    /// Last day.
    pub end: NaiveDate,
    /// Whether the campaign had ended when the site was built.
    pub ended_at_build: bool,
    /// The "may be out of date" note.
    pub note: String,
    /// The note's source label.
    pub note_source: String,
}

impl CampaignStatusData {
    /// As one attribute value.
    pub fn pack(&self) -> String {
        pack(&[
            self.lang.code(),
            &format_iso(self.start),
            &format_iso(self.end),
            flag(self.ended_at_build),
            &self.note,
            &self.note_source,
        ])
    }

    /// Reads [`CampaignStatusData::pack`] back.
    pub fn unpack(packed: &str) -> Option<CampaignStatusData> {
        let [lang, start, end, ended, note, note_source] = fields::<6>(packed)?;
        Some(CampaignStatusData {
            lang: Lang::from_code(&lang)?,
            start: parse_iso_date(&start)?,
            end: parse_iso_date(&end)?,
            ended_at_build: read_flag(&ended)?,
            note,
            note_source,
        })
    }
}

/// What an office's status island needs.
#[derive(Clone, Debug, PartialEq)]
pub struct OfficeStatusData {
    /// The page's language.
    pub lang: Lang,
    /// Weekly hours (`opening_hours` syntax).
    pub hours: String,
    /// The office's special days.
    pub special: Vec<SpecialDay>,
}

impl OfficeStatusData {
    /// As one attribute value.
    pub fn pack(&self) -> String {
        pack(&[self.lang.code(), &self.hours, &pack_special_days(&self.special)])
    }

    /// Reads [`OfficeStatusData::pack`] back.
    pub fn unpack(packed: &str) -> Option<OfficeStatusData> {
        let [lang, hours, special] = fields::<3>(packed)?;
        Some(OfficeStatusData { lang: Lang::from_code(&lang)?, hours, special: unpack_special_days(&special)? })
    }
}

/// What the office filters island needs.
#[derive(Clone, Debug, PartialEq)]
pub struct OfficeFiltersData {
    /// The page's language.
    pub lang: Lang,
    /// What the filter needs of each office.
    pub offices: Vec<FilterItem>,
}

impl OfficeFiltersData {
    /// As one attribute value.
    pub fn pack(&self) -> String {
        pack(&[self.lang.code().to_string(), pack(&self.offices.iter().map(pack_filter_item).collect::<Vec<_>>())])
    }

    /// Reads [`OfficeFiltersData::pack`] back.
    pub fn unpack(packed: &str) -> Option<OfficeFiltersData> {
        let [lang, offices] = fields::<2>(packed)?;
        let offices = unpack_list(&offices).iter().map(|r| unpack_filter_item(r)).collect::<Option<Vec<_>>>()?;
        Some(OfficeFiltersData { lang: Lang::from_code(&lang)?, offices })
    }
}

/// What a step's tick box needs.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct StepTickData {
    /// The page's language.
    pub lang: Lang,
    /// The step's id.
    pub step: String,
}

impl StepTickData {
    /// As one attribute value.
    pub fn pack(&self) -> String {
        pack(&[self.lang.code(), &self.step])
    }

    /// Reads [`StepTickData::pack`] back.
    pub fn unpack(packed: &str) -> Option<StepTickData> {
        let [lang, step] = fields::<2>(packed)?;
        Some(StepTickData { lang: Lang::from_code(&lang)?, step })
    }
}

/// What an island that needs only the page's language gets (the step tools).
pub fn pack_lang(lang: Lang) -> String {
    pack(&[lang.code()])
}

/// Reads [`pack_lang`] back.
pub fn unpack_lang(packed: &str) -> Option<Lang> {
    let [lang] = fields::<1>(packed)?;
    Lang::from_code(&lang)
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn day(date: &str, hours: &str, reason: &str) -> SpecialDay {
        SpecialDay { date: parse_iso_date(date).unwrap(), hours: hours.into(), reason: Text { vi: reason.into(), en: format!("{reason} (en)") } }
    }

    /// The same days as they travel: the reasons stay on the page.
    fn without_reasons(days: &[SpecialDay]) -> Vec<SpecialDay> {
        days.iter().map(|d| SpecialDay { reason: Text { vi: String::new(), en: String::new() }, ..d.clone() }).collect()
    }

    proptest! {
        #[test]
        fn fields_read_back(fields in proptest::collection::vec(".*", 1..6)) {
            prop_assert_eq!(unpack(&pack(&fields)), fields);
        }

        #[test]
        fn lists_of_packed_records_read_back(records in proptest::collection::vec(proptest::collection::vec("[a-z|\\\\]{0,4}", 1..4), 0..4)) {
            let packed: Vec<String> = records.iter().map(|r| pack(r)).collect();
            // A list whose only record is empty cannot be told from the empty list; records here always hold a date or an id.
            prop_assume!(!(packed.len() == 1 && packed[0].is_empty()));
            let back: Vec<Vec<String>> = unpack_list(&pack(&packed)).iter().map(|r| unpack(r)).collect();
            prop_assert_eq!(back, records);
        }
    }

    #[test]
    fn separators_and_escapes_inside_fields_survive() {
        let fields = ["a|b", "c\\", "\\|", "", "Mo-Fr 07:30-11:30"];
        assert_eq!(pack(&fields), r"a\|b|c\\|\\\|||Mo-Fr 07:30-11:30");
        assert_eq!(unpack(&pack(&fields)), fields);
    }

    #[test]
    fn every_island_data_reads_back() {
        let boot = BootData {
            lang: Lang::En,
            base: "/vneid-campaign/".into(),
            group: "en/c/q1|x/".into(),
            home: "./".into(),
            is_home: true,
            alternate: "c/q1/".into(),
            here: "en/c/q1/".into(),
            default_campaign: "q3".into(),
        };
        assert_eq!(BootData::unpack(&boot.pack()), Some(boot));
        let campaign = CampaignStatusData {
            lang: Lang::Vi,
            start: parse_iso_date("2026-11-01").unwrap(),
            end: parse_iso_date("2026-12-31").unwrap(),
            ended_at_build: false,
            note: "Có thể đã cũ | xem lại".into(),
            note_source: "Nguồn: tệp chiến dịch".into(),
        };
        assert_eq!(CampaignStatusData::unpack(&campaign.pack()), Some(campaign));
        let special = vec![day("2026-12-24", "off", "Nghỉ"), day("2026-12-26", "07:30-11:30,13:30-16:30", "Làm bù | thứ Bảy")];
        let office = OfficeStatusData { lang: Lang::En, hours: "Mo-Fr 07:30-11:30,13:30-17:00".into(), special: special.clone() };
        assert_eq!(OfficeStatusData::unpack(&office.pack()), Some(OfficeStatusData { special: without_reasons(&special), ..office }));
        assert!(!office_packed_has_reason(&special), "reasons are not packed");
        let filters = OfficeFiltersData {
            lang: Lang::Vi,
            offices: vec![
                FilterItem { id: "d3".into(), text: "cong an quan 3 \u{1} district 3".into(), hours: Some("Mo-Sa 07:30-11:30".into()), special_days: special.clone() },
                FilterItem { id: "team".into(), text: "to luu dong".into(), hours: None, special_days: vec![] },
            ],
        };
        let mut expected = filters.clone();
        expected.offices[0].special_days = without_reasons(&special);
        assert_eq!(OfficeFiltersData::unpack(&filters.pack()), Some(expected));
        let none = OfficeFiltersData { lang: Lang::En, offices: vec![] };
        assert_eq!(OfficeFiltersData::unpack(&none.pack()), Some(none));
        let tick = StepTickData { lang: Lang::Vi, step: "activate".into() };
        assert_eq!(StepTickData::unpack(&tick.pack()), Some(tick));
        assert_eq!(unpack_lang(&pack_lang(Lang::En)), Some(Lang::En));
    }

    fn office_packed_has_reason(days: &[SpecialDay]) -> bool {
        let packed = pack_special_days(days);
        days.iter().any(|d| packed.contains(&d.reason.vi) || packed.contains(&d.reason.en))
    }

    #[test]
    fn data_that_does_not_read_back_is_refused() {
        assert_eq!(BootData::unpack(""), None);
        assert_eq!(BootData::unpack("fr|/|||1||||"), None, "unknown language");
        assert_eq!(BootData::unpack("vi|/||./|yes|||"), None, "a flag other than 0 or 1");
        assert_eq!(CampaignStatusData::unpack("vi|2026-13-01|2026-12-31|0||"), None, "no such date");
        assert_eq!(OfficeStatusData::unpack("vi|Mo-Fr 08:00-17:00|2026-12-24|off"), None, "a special day not packed as one field");
        let bad_day = pack(&[pack(&["not a date", "off"])]);
        assert_eq!(OfficeStatusData::unpack(&pack(&["vi", "Mo-Fr 08:00-17:00", &bad_day])), None, "a special day with no date");
        assert_eq!(StepTickData::unpack("vi|a|b"), None, "too many fields");
        assert_eq!(unpack_lang("xx"), None);
    }
}

//! The campaign file: everything the app shows about one local campaign.
//!
//! A campaign file is JSON (see `public/campaigns/`). Fields that the source
//! document does not give are simply absent; the UI then says what is known
//! and nothing more. [`Campaign::from_json`] parses and validates a file and
//! reports every problem with its place in the file.


use serde::{Deserialize, Serialize};
use chrono::{DateTime, FixedOffset, NaiveDate};

use super::hours::{parse_day_hours, DayOverride, OpenStatus, WeeklyHours};
use super::sources::SourceField;
use super::text::Text;
use super::vn_time::iso_date;

/// The campaign file format version this build reads.
pub const CAMPAIGN_FORMAT_VERSION: u32 = 1;

/// One campaign, as written by its deployer.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Campaign {
    /// Format version; must equal [`CAMPAIGN_FORMAT_VERSION`].
    pub format_version: u32,
    /// Stable identifier (lowercase letters, digits and `-`), used in URLs and exports.
    pub id: String,
    /// Campaign title.
    pub name: Text,
    /// The area it covers (ward, district, town, city).
    pub area: Text,
    /// Who issued the campaign document.
    pub issuer: Text,
    /// The issuing document.
    pub document: IssuingDocument,
    /// First and last day of the campaign.
    pub period: Period,
    /// Who the campaign is for.
    pub audience: Text,
    /// What the campaign offers citizens (short bullet points).
    #[serde(default)]
    pub offers: Vec<Text>,
    /// Named deadlines (quotas, final report).
    #[serde(default)]
    pub deadlines: Vec<Deadline>,
    /// Where citizens go.
    #[serde(default)]
    pub offices: Vec<Office>,
    /// Contact people named in the document.
    #[serde(default)]
    pub contacts: Vec<Contact>,
    /// Reporting units (wards, communes, groups, schools, teams).
    #[serde(default)]
    pub units: Vec<Unit>,
    /// What staff count.
    pub indicators: Vec<Indicator>,
    /// Phases of the campaign, if it has any.
    #[serde(default)]
    pub phases: Vec<Phase>,
    /// Targets per indicator, overall or per unit, optionally per phase.
    #[serde(default)]
    pub targets: Vec<Target>,
    /// When and what staff report upward.
    #[serde(default)]
    pub reporting: Vec<ReportingRule>,
    /// Announced mobile-team visits.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub visits: Vec<Visit>,
    /// Shown wherever the end date is shown, when the document does not state it
    /// (Hà Nội: "6 months from signing").
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub period_end_note: Option<Text>,
    /// Information channels the document names (a fan page, residential groups' chats).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub channels: Vec<Channel>,
    /// Sections of the document for `period`, `audience`, `offers` (or `offers.2`), `period_end_note`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub source: Option<SourceField>,
}

/// An information channel named by the document (no address unless the document gives one).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Channel {
    /// Its name as the document words it.
    pub name: Text,
    /// Web address, only if the document gives one.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub url: Option<String>,
    /// Section of the document.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub source: Option<SourceField>,
}

/// Number and date of the document a campaign comes from.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct IssuingDocument {
    /// Official number such as `2333/KH-BCĐ-CQTT`; absent if the document has none.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub number: Option<String>,
    /// Date of issue; absent if the document shows none.
    #[serde(default, skip_serializing_if = "Option::is_none", with = "optional_date")]
    pub date: Option<NaiveDate>,
    /// The document's subject line.
    pub title: Text,
    /// How source labels cite it: "Kế hoạch 2333/KH-BCĐ-CQTT" / "Plan 2333/KH-BCĐ-CQTT".
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub citation: Option<Text>,
}

/// An inclusive range of days.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Period {
    /// First day.
    #[serde(with = "iso_date")]
    pub start: NaiveDate,
    /// Last day.
    #[serde(with = "iso_date")]
    pub end: NaiveDate,
}

/// A dated deadline.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Deadline {
    /// The day it falls on.
    #[serde(with = "iso_date")]
    pub date: NaiveDate,
    /// What is due.
    pub label: Text,
    /// Shown with the date when the document prints it differently (e.g. a day that does not exist).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub date_note: Option<Text>,
    /// Section of the document.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub source: Option<SourceField>,
}

/// Kinds of place a citizen can go to.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum OfficeKind {
    /// District police administrative-management team (Đội Cảnh sát QLHC về TTXH).
    DistrictTeam,
    /// Ward or commune police office.
    WardPolice,
    /// City-level police department office.
    CityOffice,
    /// A mobile team that visits places.
    MobileTeam,
    /// An online service (portal).
    Online,
    /// A guidance point (community house, kiosk).
    GuidancePoint,
}

/// Cases an office serves.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Service {
    /// Level-2 e-ID for a citizen holding a valid chip ID card.
    Level2WithCard,
    /// ID card issue, renewal or reissue (with level-2 e-ID at the same time).
    IdCard,
    /// Children's Căn cước card in person (photo, fingerprints, iris).
    ChildCard,
    /// Online application on the public service portal.
    OnlineApplication,
    /// Guidance on level 1 and activation.
    Guidance,
    /// Registration and activation for people without a smartphone (seed 001, II.3.2).
    NoSmartphone,
}

/// A place (or service) where citizens are served.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Office {
    /// Identifier, unique in the campaign.
    pub id: String,
    /// What kind of place this is.
    pub kind: OfficeKind,
    /// Its name.
    pub name: Text,
    /// How many such offices this entry stands for (e.g. the police of 12 wards).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub count: Option<u32>,
    /// Street address, if the document gives one.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub address: Option<Text>,
    /// Phone number, if the document gives one.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub phone: Option<String>,
    /// Web address, for online services.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub url: Option<String>,
    /// Weekly hours in OpenStreetMap `opening_hours` syntax, if the document gives them.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub opening_hours: Option<String>,
    /// What it serves.
    #[serde(default)]
    pub serves: Vec<Service>,
    /// Further notes (access gate, announcements).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub notes: Option<Text>,
    /// Dates with other hours than the weekly ones (holidays, swapped working days).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub special_days: Vec<SpecialDay>,
    /// Sections of the document per field (`name`, `address`, `opening_hours`, `serves`, `serves.id_card`, `notes`…).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub source: Option<SourceField>,
}

/// A date on which an office keeps other hours than usual.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SpecialDay {
    /// The date.
    #[serde(with = "iso_date")]
    pub date: NaiveDate,
    /// `off`, or that day's time spans such as `07:30-11:30`.
    pub hours: String,
    /// Why (a holiday, a swapped working day).
    pub reason: Text,
}

/// A mobile-team visit announced in the campaign file.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Visit {
    /// The day of the visit.
    #[serde(with = "iso_date")]
    pub date: NaiveDate,
    /// Time span(s) such as `08:00-11:00`, if announced.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub hours: Option<String>,
    /// Where (an apartment block, a school, a market).
    pub place: Text,
    /// The office (usually the mobile team) making the visit.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub office: Option<String>,
    /// Anything else to know.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub notes: Option<Text>,
    /// Section of the document (or of the announcement) it comes from.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub source: Option<SourceField>,
}

impl Office {
    /// The parsed weekly hours, if the office has valid ones.
    pub fn weekly_hours(&self) -> Option<WeeklyHours> {
        self.opening_hours.as_deref().and_then(|h| WeeklyHours::parse(h).ok())
    }

    /// The special days as hour overrides (invalid ones are left out; validation reports them).
    pub fn day_overrides(&self) -> Vec<DayOverride> {
        self.special_days
            .iter()
            .filter_map(|d| parse_day_hours(&d.hours).ok().map(|sessions| DayOverride { date: d.date, sessions }))
            .collect()
    }

    /// Open or closed at `now` (Vietnam time), special days included; `None` without hours.
    pub fn status_at(&self, now: DateTime<FixedOffset>) -> Option<OpenStatus> {
        self.weekly_hours().map(|h| h.status_with(now, &self.day_overrides()))
    }

    /// Special days from `today` up to `days` days ahead, by date.
    pub fn upcoming_special_days(&self, today: NaiveDate, days: i64) -> Vec<&SpecialDay> {
        let last = super::vn_time::add_days(today, days);
        let mut list: Vec<_> = self.special_days.iter().filter(|d| d.date >= today && d.date <= last).collect();
        list.sort_by_key(|d| d.date);
        list
    }
}

/// A contact person or line named in the document.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Contact {
    /// Role (and name) as the document gives it.
    pub role: Text,
    /// Phone number as printed.
    pub phone: String,
    /// Section of the document.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub source: Option<SourceField>,
}

/// A reporting unit.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Unit {
    /// Identifier, unique in the campaign.
    pub id: String,
    /// Its name.
    pub name: Text,
}

/// Something staff count each day.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Indicator {
    /// Identifier, unique in the campaign.
    pub id: String,
    /// Its name.
    pub name: Text,
}

/// A phase of the campaign.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Phase {
    /// Identifier, unique in the campaign.
    pub id: String,
    /// Its name.
    pub name: Text,
    /// Its days.
    pub period: Period,
    /// True when its figures add on to the previous phase's (seed 004).
    #[serde(default)]
    pub cumulative: bool,
    /// Section of the document.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub source: Option<SourceField>,
}

/// A target for one indicator.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Target {
    /// Indicator id.
    pub indicator: String,
    /// Unit id; absent for the whole campaign.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub unit: Option<String>,
    /// Phase id; absent for the whole period.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub phase: Option<String>,
    /// An absolute count to reach.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub count: Option<u64>,
    /// A whole-number percentage to reach, 1 to 100 (of `population` when given).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub percent: Option<u8>,
    /// The population the percentage applies to.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub population: Option<u64>,
    /// The day it must be reached by, if not the end of the period.
    #[serde(default, skip_serializing_if = "Option::is_none", with = "optional_date")]
    pub due: Option<NaiveDate>,
    /// Who the target covers, as the document words it.
    pub description: Text,
    /// Section of the document.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub source: Option<SourceField>,
}

/// How often a report is due.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ReportFrequency {
    /// Every day.
    Daily,
    /// Every week.
    Weekly,
    /// Every month.
    Monthly,
    /// Once, at the end of a phase.
    PerPhase,
    /// Once, at the end.
    Final,
}

/// A reporting duty.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ReportingRule {
    /// How often.
    pub frequency: ReportFrequency,
    /// When it is due, as the document words it.
    pub due: Text,
    /// What the report contains.
    pub content: Text,
    /// For a daily report, the time of day it is due by (`08:00`), when the document gives one.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub due_time: Option<String>,
    /// Section of the document.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub source: Option<SourceField>,
}

mod optional_date {
    use serde::{Deserialize, Deserializer, Serializer};
    use chrono::NaiveDate;

    use crate::domain::vn_time::{format_iso, parse_iso_date};

    pub fn serialize<S: Serializer>(value: &Option<NaiveDate>, s: S) -> Result<S::Ok, S::Error> {
        match value {
            Some(d) => s.serialize_str(&format_iso(*d)),
            None => s.serialize_none(),
        }
    }

    pub fn deserialize<'de, D: Deserializer<'de>>(d: D) -> Result<Option<NaiveDate>, D::Error> {
        let raw: Option<String> = Option::deserialize(d)?;
        raw.map(|s| {
            parse_iso_date(&s).ok_or_else(|| serde::de::Error::custom(format!("\"{s}\" is not a date like 2023-06-20")))
        })
        .transpose()
    }
}

/// `HH:MM` (00:00 to 23:59) → minutes after midnight.
pub fn parse_hh_mm(text: &str) -> Option<u16> {
    let (h, m) = text.split_once(':')?;
    if h.len() != 2 || m.len() != 2 {
        return None;
    }
    let (h, m): (u16, u16) = (h.parse().ok()?, m.parse().ok()?);
    (h < 24 && m < 60).then_some(h * 60 + m)
}

/// The digits of a phone number for a `tel:` link (keeps a leading `+`).
pub fn tel_href(phone: &str) -> String {
    let mut out = String::from("tel:");
    if phone.trim_start().starts_with('+') {
        out.push('+');
    }
    out.extend(phone.chars().filter(char::is_ascii_digit));
    out
}

impl Campaign {
    /// The daily report's due time of day in minutes (`08:00` → 480), when the file gives one.
    pub fn daily_report_due(&self) -> Option<u16> {
        self.reporting
            .iter()
            .find(|r| r.frequency == ReportFrequency::Daily)
            .and_then(|r| r.due_time.as_deref())
            .and_then(parse_hh_mm)
    }

    /// Visits from `today` on, by date.
    pub fn upcoming_visits(&self, today: NaiveDate) -> Vec<&Visit> {
        let mut list: Vec<_> = self.visits.iter().filter(|v| v.date >= today).collect();
        list.sort_by_key(|v| v.date);
        list
    }

    /// Whether the campaign takes children's card applications (an office serves
    /// `child_card` or `online_application`): its guide then prints every age case.
    pub fn covers_children(&self) -> bool {
        self.offices.iter().any(|o| o.serves.iter().any(|s| matches!(s, Service::ChildCard | Service::OnlineApplication)))
    }

    /// The office with `id`.
    pub fn office(&self, id: &str) -> Option<&Office> {
        self.offices.iter().find(|o| o.id == id)
    }
}

mod filter;
pub mod form;
mod validate;

pub use filter::{FilterItem, OfficeFilter, EVENING_FROM};
pub use validate::{CampaignError, BOTH_LANGUAGES};

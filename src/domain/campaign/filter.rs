//! The office list's search and filters: what a citizen asks, and the small item an
//! island gets per office.

use chrono::{DateTime, FixedOffset};
use serde::{Deserialize, Serialize};

use super::*;

/// What a citizen asks of the office list: a search text and three filters.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct OfficeFilter {
    /// Words to find in the name, address or notes (accents and case ignored).
    pub query: String,
    /// Only offices open at the given instant.
    pub open_now: bool,
    /// Only offices with hours after 18:00.
    pub evenings: bool,
    /// Only offices open on Saturday or Sunday.
    pub weekends: bool,
}

/// Evening sessions are those that run past this minute (18:00).
pub const EVENING_FROM: u16 = 18 * 60;

/// What the office filter needs of an office: small enough to travel in an island's data.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct FilterItem {
    /// The office's id.
    pub id: String,
    /// Name, address and notes in both languages, folded for search (no accents, lower case).
    pub text: String,
    /// Weekly hours (`opening_hours` syntax), if any.
    pub hours: Option<String>,
    /// Special days.
    pub special_days: Vec<SpecialDay>,
}

impl From<&Office> for FilterItem {
    fn from(office: &Office) -> FilterItem {
        let text = [Some(&office.name), office.address.as_ref(), office.notes.as_ref()]
            .into_iter()
            .flatten()
            .flat_map(|t| [t.vi.as_str(), t.en.as_str()])
            .map(crate::domain::search::fold)
            .collect::<Vec<_>>()
            .join(" \u{1} ");
        FilterItem { id: office.id.clone(), text, hours: office.opening_hours.clone(), special_days: office.special_days.clone() }
    }
}

impl OfficeFilter {
    /// True when `office` passes every active filter at `now`.
    pub fn accepts(&self, office: &Office, now: DateTime<FixedOffset>) -> bool {
        self.accepts_item(&FilterItem::from(office), now)
    }

    /// True when the office described by `item` passes every active filter at `now`.
    pub fn accepts_item(&self, item: &FilterItem, now: DateTime<FixedOffset>) -> bool {
        let query = crate::domain::search::fold(&self.query);
        if !query.split(' ').filter(|w| !w.is_empty()).all(|word| item.text.contains(word)) {
            return false;
        }
        if !(self.open_now || self.evenings || self.weekends) {
            return true;
        }
        let Some(hours) = item.hours.as_deref().and_then(|h| WeeklyHours::parse(h).ok()) else { return false };
        let overrides: Vec<DayOverride> = item
            .special_days
            .iter()
            .filter_map(|d| parse_day_hours(&d.hours).ok().map(|sessions| DayOverride { date: d.date, sessions }))
            .collect();
        (!self.open_now || matches!(hours.status_with(now, &overrides), OpenStatus::OpenUntil { .. }))
            && (!self.evenings || hours.open_after(EVENING_FROM))
            && (!self.weekends || hours.open_at_weekend())
    }
}

//! Checks on what staff type: whole counts, a sane bound, the day, and
//! cross-indicator oddities (warnings, never errors).

use time::Date;

use super::ledger::{Counts, Ledger};
use crate::domain::campaign::Campaign;
use crate::domain::vn_time::add_days;

/// The largest count accepted for one unit, one indicator, one day.
pub const MAX_DAILY_COUNT: u64 = 50_000;

/// Why a typed count is refused.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum CountError {
    /// Nothing typed.
    Missing,
    /// A minus sign.
    Negative,
    /// Not a whole number (letters, decimals, separators).
    NotWhole,
    /// Above [`MAX_DAILY_COUNT`].
    TooLarge,
}

/// Parses a count typed by staff: digits only, surrounding spaces ignored.
pub fn parse_count(raw: &str) -> Result<u64, CountError> {
    let s = raw.trim();
    if s.is_empty() {
        return Err(CountError::Missing);
    }
    if s.starts_with('-') && s.len() > 1 {
        return Err(CountError::Negative);
    }
    if !s.bytes().all(|b| b.is_ascii_digit()) {
        return Err(CountError::NotWhole);
    }
    match s.parse::<u64>() {
        Ok(n) if n <= MAX_DAILY_COUNT => Ok(n),
        _ => Err(CountError::TooLarge),
    }
}

/// Where a day stands for entry.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum DateCheck {
    /// Inside the campaign period, not in the future.
    Fine,
    /// Outside the campaign period: allowed only with an explicit override, which is recorded.
    OutsidePeriod,
    /// After today in Vietnam: refused.
    Future,
}

/// Checks the day of an entry.
pub fn check_date(campaign: &Campaign, date: Date, today: Date) -> DateCheck {
    if date > today {
        DateCheck::Future
    } else if date < campaign.period.start || date > campaign.period.end {
        DateCheck::OutsidePeriod
    } else {
        DateCheck::Fine
    }
}

/// The day the entry form offers first (kept inside the period when possible), and,
/// when the campaign file gives a daily report time (`reporting[].due_time`, 08:00 in
/// District 3 and Duyên Hải) that has not passed yet, that time in minutes: yesterday's
/// report is then still due, so the form also offers yesterday.
pub fn default_entry_day(campaign: &Campaign, today: Date, minutes_of_day: u16) -> (Date, Option<u16>) {
    let day = if today > campaign.period.end { campaign.period.end } else { today };
    let due = campaign.daily_report_due().filter(|due| minutes_of_day < *due && day == today);
    (day, due)
}

/// Something that looks odd but may be right.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Warning {
    /// `indicator` is larger than `other` on the same day (e.g. activations above applications).
    Exceeds {
        /// The larger indicator's id.
        indicator: String,
        /// The indicator it normally stays under.
        other: String,
    },
    /// Far above this unit's recent days.
    Unusual {
        /// The indicator's id.
        indicator: String,
        /// The average of the unit's last entries.
        typical: u64,
    },
}

/// Warnings for counts about to be saved for (date, unit).
pub fn warnings(campaign: &Campaign, ledger: &Ledger, date: Date, unit: &str, counts: &Counts) -> Vec<Warning> {
    let mut out = Vec::new();
    let ids: Vec<&str> = campaign.indicators.iter().map(|i| i.id.as_str()).collect();
    for larger in &ids {
        let Some(stem) = larger.strip_suffix("activations") else { continue };
        let smaller = format!("{stem}applications");
        if ids.contains(&smaller.as_str()) && counts.get(larger) > counts.get(&smaller) {
            out.push(Warning::Exceeds { indicator: larger.to_string(), other: smaller });
        }
    }
    for id in &ids {
        let recent: Vec<u64> = (1..=14)
            .filter_map(|back| ledger.entry(add_days(date, -back), unit))
            .map(|e| e.counts.get(id))
            .take(7)
            .collect();
        if recent.len() >= 3 {
            let typical = recent.iter().sum::<u64>() / recent.len() as u64;
            let value = counts.get(id);
            if value > 20 && value > typical.max(1) * 5 {
                out.push(Warning::Unusual { indicator: id.to_string(), typical });
            }
        }
    }
    out
}

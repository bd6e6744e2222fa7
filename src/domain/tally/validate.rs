//! Checks on what staff type: whole counts, a sane bound, the day, and
//! cross-indicator oddities (warnings, never errors).

use chrono::NaiveDate;

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
    parse_whole(raw, MAX_DAILY_COUNT)
}

/// A whole number from 0 to `max`, typed with digits only (surrounding spaces ignored).
fn parse_whole(raw: &str, max: u64) -> Result<u64, CountError> {
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
        Ok(n) if n <= max => Ok(n),
        _ => Err(CountError::TooLarge),
    }
}

/// The largest target count accepted (on the form and in files).
pub const MAX_TARGET_COUNT: u64 = MAX_DAILY_COUNT * 10_000;

/// Parses a target count typed by staff: digits only, 0 to [`MAX_TARGET_COUNT`]. The
/// same rule for editing a file's target, adding one, and importing one.
pub fn parse_target_count(raw: &str) -> Result<u64, CountError> {
    parse_whole(raw, MAX_TARGET_COUNT)
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
    /// More than [`MAX_DAYS_OUTSIDE_PERIOD`] days before or after the period: refused
    /// (a typing mistake in the year, not a late count).
    TooFar,
}

/// How far outside the campaign period a day may be saved with the override, in days.
/// Import accepts exactly the same days.
pub const MAX_DAYS_OUTSIDE_PERIOD: i64 = 366;

/// True when `date` is within [`MAX_DAYS_OUTSIDE_PERIOD`] of the campaign period.
pub fn date_in_reach(campaign: &Campaign, date: NaiveDate) -> bool {
    date >= add_days(campaign.period.start, -MAX_DAYS_OUTSIDE_PERIOD) && date <= add_days(campaign.period.end, MAX_DAYS_OUTSIDE_PERIOD)
}

/// Checks the day of an entry typed on this device.
pub fn check_date(campaign: &Campaign, date: NaiveDate, today: NaiveDate) -> DateCheck {
    if date > today {
        DateCheck::Future
    } else if !date_in_reach(campaign, date) {
        DateCheck::TooFar
    } else if date < campaign.period.start || date > campaign.period.end {
        DateCheck::OutsidePeriod
    } else {
        DateCheck::Fine
    }
}

/// The longest text accepted for a name, label or reason (on the forms and in files).
pub const MAX_TEXT_CHARS: usize = 120;

/// Why a text (unit name, device label, staff name, edit reason) is refused.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum TextProblem {
    /// Nothing but spaces.
    Empty,
    /// More than [`MAX_TEXT_CHARS`] characters.
    TooLong,
    /// A control, direction-changing or zero-width character, which would hide or
    /// reorder what people read.
    HiddenCharacter,
}

/// True for characters a text must not hold: controls (line breaks included), bidi
/// embeddings, overrides, isolates and marks, zero-width characters and the BOM.
pub fn is_hidden_char(c: char) -> bool {
    c.is_control()
        || matches!(c, '\u{200B}'..='\u{200F}' | '\u{202A}'..='\u{202E}' | '\u{2060}'..='\u{2064}' | '\u{2066}'..='\u{2069}' | '\u{061C}' | '\u{FEFF}' | '\u{00AD}')
}

/// The one rule for every short text, on the forms and in import files: trimmed, not
/// empty, at most [`MAX_TEXT_CHARS`], no hidden characters. `<` and `>` are fine: text is
/// always shown as text. Returns the trimmed text.
pub fn check_text(raw: &str) -> Result<String, TextProblem> {
    let text = raw.trim();
    if text.is_empty() {
        Err(TextProblem::Empty)
    } else if text.chars().any(is_hidden_char) {
        Err(TextProblem::HiddenCharacter)
    } else if text.chars().count() > MAX_TEXT_CHARS {
        Err(TextProblem::TooLong)
    } else {
        Ok(text.to_string())
    }
}

/// An optional text (staff name, device label, reason): empty is fine and means none.
pub fn check_optional_text(raw: &str) -> Result<Option<String>, TextProblem> {
    if raw.trim().is_empty() {
        Ok(None)
    } else {
        check_text(raw).map(Some)
    }
}

/// Makes any text (a file name chosen on another system) pass [`check_text`]: hidden
/// characters become spaces, the result is cut to `max` characters (at most
/// [`MAX_TEXT_CHARS`]), and an empty result becomes `fallback`.
pub fn to_safe_text(raw: &str, max: usize, fallback: &str) -> String {
    let spaced: String = raw.chars().map(|c| if is_hidden_char(c) { ' ' } else { c }).collect();
    let mut out: String = spaced.split_whitespace().collect::<Vec<_>>().join(" ").chars().take(max.min(MAX_TEXT_CHARS)).collect();
    out = out.trim().to_string();
    if out.is_empty() {
        fallback.to_string()
    } else {
        out
    }
}

/// The day the entry form offers first (kept inside the period when possible), and,
/// when the campaign file gives a daily report time (`reporting[].due_time`, 08:00 in
/// District 3 and Duyên Hải) that has not passed yet, that time in minutes: yesterday's
/// report is then still due, so the form also offers yesterday.
pub fn default_entry_day(campaign: &Campaign, today: NaiveDate, minutes_of_day: u16) -> (NaiveDate, Option<u16>) {
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
pub fn warnings(campaign: &Campaign, ledger: &Ledger, date: NaiveDate, unit: &str, counts: &Counts) -> Vec<Warning> {
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

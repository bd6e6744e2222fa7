//! Vietnam time (UTC+7, no daylight saving) from one injectable clock.
//!
//! Every date computation in the app takes "now" from a [`Clock`], converts
//! it with [`to_vietnam`], and never looks at the device's own time zone.

use time::{macros::offset, Date, Duration, Month, OffsetDateTime, UtcOffset, Weekday};

/// Vietnam's fixed offset from UTC.
pub const VN_OFFSET: UtcOffset = offset!(+7);

/// `YYYY-MM-DD` (de)serialisation of [`Date`] for campaign and export files
/// (hand-written so that `time`'s format-description engine stays out of the wasm).
pub mod iso_date {
    use serde::{Deserialize, Deserializer, Serializer};
    use time::Date;

    /// Writes `2023-06-20`.
    pub fn serialize<S: Serializer>(date: &Date, s: S) -> Result<S::Ok, S::Error> {
        match super::iso_bytes(*date) {
            Some(bytes) => s.serialize_str(std::str::from_utf8(&bytes).unwrap_or_default()),
            None => s.serialize_str(&super::format_iso(*date)),
        }
    }

    /// Reads `2023-06-20`, refusing anything else.
    pub fn deserialize<'de, D: Deserializer<'de>>(d: D) -> Result<Date, D::Error> {
        let raw = String::deserialize(d)?;
        super::parse_iso_date(&raw)
            .ok_or_else(|| serde::de::Error::custom(format!("\"{raw}\" is not a date like 2023-06-20")))
    }
}

/// The source of "now". Tests use [`FixedClock`]; the browser uses `Date.now()`.
pub trait Clock {
    /// The current instant.
    fn now(&self) -> OffsetDateTime;
}

/// A clock stopped at one instant.
#[derive(Clone, Copy, Debug)]
pub struct FixedClock(pub OffsetDateTime);

impl Clock for FixedClock {
    fn now(&self) -> OffsetDateTime {
        self.0
    }
}

/// The instant `millis` after the Unix epoch (as `Date.now()` returns it).
pub fn from_unix_millis(millis: f64) -> Option<OffsetDateTime> {
    if !millis.is_finite() {
        return None;
    }
    OffsetDateTime::from_unix_timestamp_nanos((millis as i128) * 1_000_000).ok()
}

/// The same instant seen in Vietnam.
pub fn to_vietnam(instant: OffsetDateTime) -> OffsetDateTime {
    instant.to_offset(VN_OFFSET)
}

/// Today's date in Vietnam according to `clock`.
pub fn vn_today(clock: &dyn Clock) -> Date {
    to_vietnam(clock.now()).date()
}

/// Parses `YYYY-MM-DD` strictly (e.g. `2023-06-20`).
pub fn parse_iso_date(s: &str) -> Option<Date> {
    let b = s.as_bytes();
    if b.len() != 10 || b[4] != b'-' || b[7] != b'-' {
        return None;
    }
    let year: i32 = s[0..4].parse().ok()?;
    let month: u8 = s[5..7].parse().ok()?;
    let day: u8 = s[8..10].parse().ok()?;
    Date::from_calendar_date(year, Month::try_from(month).ok()?, day).ok()
}

/// Formats a date as `YYYY-MM-DD` (the file format).
pub fn format_iso(date: Date) -> String {
    if let Some(bytes) = iso_bytes(date) {
        return String::from_utf8_lossy(&bytes).into_owned();
    }
    format!("{:04}-{:02}-{:02}", date.year(), u8::from(date.month()), date.day())
}

/// Writes `value` as `width` decimal digits into `out` (written and read in the tens of
/// thousands per export, so without `format!`).
pub fn put_digits(out: &mut [u8], value: u32, width: usize) {
    let mut v = value;
    for slot in out[..width].iter_mut().rev() {
        *slot = b'0' + (v % 10) as u8;
        v /= 10;
    }
}

/// `2023-06-20` as bytes, for years 0 to 9999 (others: `None`).
pub fn iso_bytes(date: Date) -> Option<[u8; 10]> {
    let year = u32::try_from(date.year()).ok().filter(|y| *y <= 9999)?;
    let mut out = *b"0000-00-00";
    put_digits(&mut out[0..4], year, 4);
    put_digits(&mut out[5..7], u8::from(date.month()) as u32, 2);
    put_digits(&mut out[8..10], date.day() as u32, 2);
    Some(out)
}

/// Formats a date day-first, as Vietnamese readers expect: `20/06/2023`.
pub fn format_date(date: Date) -> String {
    format!("{:02}/{:02}/{:04}", date.day(), u8::from(date.month()), date.year())
}

/// Formats minutes after midnight as 24-hour time: `07:30`.
pub fn format_minutes(minutes: u16) -> String {
    format!("{:02}:{:02}", minutes / 60, minutes % 60)
}

/// Minutes after midnight of a Vietnam-time instant.
pub fn minutes_of_day(vn: OffsetDateTime) -> u16 {
    vn.hour() as u16 * 60 + vn.minute() as u16
}

/// Monday = 0 … Sunday = 6.
pub fn weekday_index(day: Weekday) -> usize {
    day.number_days_from_monday() as usize
}

/// Where "today" stands relative to a campaign's period.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum PeriodStatus {
    /// The campaign starts on `starts`, `days_until` days from today.
    NotStarted {
        /// First day of the campaign.
        starts: Date,
        /// Whole days from today to the start.
        days_until: i64,
    },
    /// The campaign is running; `days_left` counts today and the last day.
    Running {
        /// Days remaining, today included (1 on the last day).
        days_left: i64,
        /// Last day of the campaign.
        ends: Date,
    },
    /// The campaign ended on `ended`.
    Ended {
        /// Last day of the campaign.
        ended: Date,
    },
}

/// The status of a period from `start` to `end` (both inclusive) on `today`.
pub fn period_status(start: Date, end: Date, today: Date) -> PeriodStatus {
    if today < start {
        PeriodStatus::NotStarted { starts: start, days_until: (start - today).whole_days() }
    } else if today > end {
        PeriodStatus::Ended { ended: end }
    } else {
        PeriodStatus::Running { days_left: (end - today).whole_days() + 1, ends: end }
    }
}

/// `date` plus `days` (negative to go back).
pub fn add_days(date: Date, days: i64) -> Date {
    date.checked_add(Duration::days(days)).unwrap_or(date)
}

#[cfg(test)]
mod tests {
    use super::*;
    use time::macros::{date, datetime};

    #[test]
    fn late_evening_utc_is_next_day_in_vietnam() {
        // 17:30 UTC on 24/06/2023 is 00:30 on 25/06/2023 in Vietnam.
        let clock = FixedClock(datetime!(2023-06-24 17:30 UTC));
        assert_eq!(vn_today(&clock), date!(2023 - 06 - 25));
        // The same instant expressed in another zone gives the same answer.
        let clock = FixedClock(datetime!(2023-06-24 12:30 -5));
        assert_eq!(vn_today(&clock), date!(2023 - 06 - 25));
        assert_eq!(minutes_of_day(to_vietnam(clock.now())), 30);
    }

    #[test]
    fn unix_millis_conversion() {
        let t = from_unix_millis(1_687_600_000_000.0).unwrap();
        assert_eq!(t.unix_timestamp(), 1_687_600_000);
        assert!(from_unix_millis(f64::NAN).is_none());
    }

    #[test]
    fn formats_day_first_and_24_hour() {
        assert_eq!(format_date(date!(2023 - 06 - 20)), "20/06/2023");
        assert_eq!(format_minutes(450), "07:30");
        assert_eq!(format_minutes(21 * 60), "21:00");
    }

    #[test]
    fn parses_iso_dates_strictly() {
        assert_eq!(parse_iso_date("2023-06-20"), Some(date!(2023 - 06 - 20)));
        assert_eq!(parse_iso_date("2023-06-31"), None);
        assert_eq!(parse_iso_date("2023-6-20"), None);
        assert_eq!(parse_iso_date("20/06/2023"), None);
        assert_eq!(parse_iso_date("2024-02-29"), Some(date!(2024 - 02 - 29)));
        assert_eq!(parse_iso_date("2023-02-29"), None);
    }

    #[test]
    fn period_status_counts_days_inclusively() {
        let (s, e) = (date!(2023 - 06 - 20), date!(2023 - 11 - 05));
        assert_eq!(
            period_status(s, e, date!(2023 - 06 - 18)),
            PeriodStatus::NotStarted { starts: s, days_until: 2 }
        );
        assert_eq!(period_status(s, e, s), PeriodStatus::Running { days_left: 139, ends: e });
        assert_eq!(period_status(s, e, e), PeriodStatus::Running { days_left: 1, ends: e });
        assert_eq!(period_status(s, e, date!(2026 - 11 - 22)), PeriodStatus::Ended { ended: e });
    }
}

//! Vietnam time (UTC+7, no daylight saving) from one injectable clock.
//!
//! Every date computation in the app takes "now" from a [`Clock`], converts
//! it with [`to_vietnam`], and never looks at the device's own time zone.
//! Dates are `chrono`'s [`NaiveDate`] (a calendar day), instants its
//! [`DateTime<FixedOffset>`].

use chrono::{DateTime, Datelike, FixedOffset, NaiveDate, TimeDelta, Timelike, Weekday};

/// The largest year the file formats write (four digits, `YYYY-MM-DD`).
pub const LAST_YEAR: i32 = 9999;

/// Vietnam's fixed offset from UTC.
pub const VN_OFFSET: FixedOffset = match FixedOffset::east_opt(7 * 3600) {
    Some(offset) => offset,
    None => panic!("UTC+7 is a valid offset"),
};

/// `YYYY-MM-DD` (de)serialisation of [`NaiveDate`] for campaign and export files
/// (hand-written so that `chrono`'s formatting engine stays out of the wasm).
pub mod iso_date {
    use chrono::NaiveDate;
    use serde::{Deserialize, Deserializer, Serializer};

    /// Writes `2023-06-20`.
    pub fn serialize<S: Serializer>(date: &NaiveDate, s: S) -> Result<S::Ok, S::Error> {
        match super::iso_bytes(*date) {
            Some(bytes) => s.serialize_str(std::str::from_utf8(&bytes).unwrap_or_default()),
            None => s.serialize_str(&super::format_iso(*date)),
        }
    }

    /// Reads `2023-06-20`, refusing anything else.
    pub fn deserialize<'de, D: Deserializer<'de>>(d: D) -> Result<NaiveDate, D::Error> {
        let raw = String::deserialize(d)?;
        super::parse_iso_date(&raw)
            .ok_or_else(|| serde::de::Error::custom(format!("\"{raw}\" is not a date like 2023-06-20")))
    }
}

/// The source of "now". Tests use [`FixedClock`]; the browser uses `Date.now()`.
pub trait Clock {
    /// The current instant.
    fn now(&self) -> DateTime<FixedOffset>;
}

/// A clock stopped at one instant.
#[derive(Clone, Copy, Debug)]
pub struct FixedClock(pub DateTime<FixedOffset>);

impl Clock for FixedClock {
    fn now(&self) -> DateTime<FixedOffset> {
        self.0
    }
}

/// The instant `millis` after the Unix epoch (as `Date.now()` returns it).
pub fn from_unix_millis(millis: f64) -> Option<DateTime<FixedOffset>> {
    if !millis.is_finite() || millis.abs() > i64::MAX as f64 {
        return None;
    }
    DateTime::from_timestamp_millis(millis as i64).map(|utc| utc.fixed_offset())
}

/// The Unix epoch, the fallback when no clock can be read.
pub fn unix_epoch() -> DateTime<FixedOffset> {
    DateTime::UNIX_EPOCH.fixed_offset()
}

/// The same instant seen in Vietnam.
pub fn to_vietnam(instant: DateTime<FixedOffset>) -> DateTime<FixedOffset> {
    instant.with_timezone(&VN_OFFSET)
}

/// Today's date in Vietnam according to `clock`.
pub fn vn_today(clock: &dyn Clock) -> NaiveDate {
    to_vietnam(clock.now()).date_naive()
}

/// The calendar day `year-month-day` (for days fixed in code and tests); panics if there is no such day.
pub const fn ymd(year: i32, month: u32, day: u32) -> NaiveDate {
    match NaiveDate::from_ymd_opt(year, month, day) {
        Some(date) => date,
        None => panic!("no such day"),
    }
}

/// `hour:minute` on `date`, `offset_hours` from UTC; `None` when there is no such time.
pub fn instant_at(date: NaiveDate, hour: u32, minute: u32, offset_hours: i32) -> Option<DateTime<FixedOffset>> {
    let offset = FixedOffset::east_opt(offset_hours * 3600)?;
    date.and_hms_opt(hour, minute, 0)?.and_local_timezone(offset).single()
}

/// `hour:minute` on `date` in Vietnam time; panics if there is no such time (for times fixed in code and tests).
pub fn vn_at(date: NaiveDate, hour: u32, minute: u32) -> DateTime<FixedOffset> {
    instant_at(date, hour, minute, 7).expect("a time of day")
}

/// Parses `YYYY-MM-DD` strictly (e.g. `2023-06-20`).
pub fn parse_iso_date(s: &str) -> Option<NaiveDate> {
    let b = s.as_bytes();
    if b.len() != 10 || b[4] != b'-' || b[7] != b'-' || !b.iter().enumerate().all(|(i, c)| i == 4 || i == 7 || c.is_ascii_digit()) {
        return None;
    }
    let year: i32 = s[0..4].parse().ok()?;
    let month: u32 = s[5..7].parse().ok()?;
    let day: u32 = s[8..10].parse().ok()?;
    NaiveDate::from_ymd_opt(year, month, day)
}

/// Formats a date as `YYYY-MM-DD` (the file format).
pub fn format_iso(date: NaiveDate) -> String {
    if let Some(bytes) = iso_bytes(date) {
        return String::from_utf8_lossy(&bytes).into_owned();
    }
    format!("{:04}-{:02}-{:02}", date.year(), date.month(), date.day())
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
pub fn iso_bytes(date: NaiveDate) -> Option<[u8; 10]> {
    let year = u32::try_from(date.year()).ok().filter(|y| *y <= LAST_YEAR as u32)?;
    let mut out = *b"0000-00-00";
    put_digits(&mut out[0..4], year, 4);
    put_digits(&mut out[5..7], date.month(), 2);
    put_digits(&mut out[8..10], date.day(), 2);
    Some(out)
}

/// Formats a date day-first, as Vietnamese readers expect: `20/06/2023`.
pub fn format_date(date: NaiveDate) -> String {
    format!("{:02}/{:02}/{:04}", date.day(), date.month(), date.year())
}

/// Formats minutes after midnight as 24-hour time: `07:30`.
pub fn format_minutes(minutes: u16) -> String {
    format!("{:02}:{:02}", minutes / 60, minutes % 60)
}

/// Minutes after midnight of a Vietnam-time instant.
pub fn minutes_of_day(vn: DateTime<FixedOffset>) -> u16 {
    vn.hour() as u16 * 60 + vn.minute() as u16
}

/// Monday = 0 … Sunday = 6.
pub fn weekday_index(day: Weekday) -> usize {
    day.num_days_from_monday() as usize
}

/// Where "today" stands relative to a campaign's period.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum PeriodStatus {
    /// The campaign starts on `starts`, `days_until` days from today.
    NotStarted {
        /// First day of the campaign.
        starts: NaiveDate,
        /// Whole days from today to the start.
        days_until: i64,
    },
    /// The campaign is running; `days_left` counts today and the last day.
    Running {
        /// Days remaining, today included (1 on the last day).
        days_left: i64,
        /// Last day of the campaign.
        ends: NaiveDate,
    },
    /// The campaign ended on `ended`.
    Ended {
        /// Last day of the campaign.
        ended: NaiveDate,
    },
}

/// The status of a period from `start` to `end` (both inclusive) on `today`.
pub fn period_status(start: NaiveDate, end: NaiveDate, today: NaiveDate) -> PeriodStatus {
    if today < start {
        PeriodStatus::NotStarted { starts: start, days_until: days_between(today, start) }
    } else if today > end {
        PeriodStatus::Ended { ended: end }
    } else {
        PeriodStatus::Running { days_left: days_between(today, end) + 1, ends: end }
    }
}

/// Whole days from `from` to `to` (negative when `to` is earlier).
pub fn days_between(from: NaiveDate, to: NaiveDate) -> i64 {
    (to - from).num_days()
}

/// `date` plus `days` (negative to go back); `date` itself if that leaves the calendar.
pub fn add_days(date: NaiveDate, days: i64) -> NaiveDate {
    TimeDelta::try_days(days).and_then(|delta| date.checked_add_signed(delta)).unwrap_or(date)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn late_evening_utc_is_next_day_in_vietnam() {
        // 17:30 UTC on 24/06/2023 is 00:30 on 25/06/2023 in Vietnam.
        let clock = FixedClock(instant_at(ymd(2023, 6, 24), 17, 30, 0).unwrap());
        assert_eq!(vn_today(&clock), ymd(2023, 6, 25));
        // The same instant expressed in another zone gives the same answer.
        let clock = FixedClock(instant_at(ymd(2023, 6, 24), 12, 30, -5).unwrap());
        assert_eq!(vn_today(&clock), ymd(2023, 6, 25));
        assert_eq!(minutes_of_day(to_vietnam(clock.now())), 30);
    }

    #[test]
    fn unix_millis_conversion() {
        let t = from_unix_millis(1_687_600_000_000.0).unwrap();
        assert_eq!(t.timestamp(), 1_687_600_000);
        assert!(from_unix_millis(f64::NAN).is_none());
        assert!(from_unix_millis(f64::INFINITY).is_none());
        assert!(from_unix_millis(1e300).is_none());
        assert_eq!(unix_epoch().timestamp(), 0);
    }

    #[test]
    fn formats_day_first_and_24_hour() {
        assert_eq!(format_date(ymd(2023, 6, 20)), "20/06/2023");
        assert_eq!(format_minutes(450), "07:30");
        assert_eq!(format_minutes(21 * 60), "21:00");
    }

    #[test]
    fn parses_iso_dates_strictly() {
        assert_eq!(parse_iso_date("2023-06-20"), Some(ymd(2023, 6, 20)));
        assert_eq!(parse_iso_date("2023-06-31"), None);
        assert_eq!(parse_iso_date("2023-6-20"), None);
        assert_eq!(parse_iso_date("20/06/2023"), None);
        assert_eq!(parse_iso_date("2024-02-29"), Some(ymd(2024, 2, 29)));
        assert_eq!(parse_iso_date("2023-02-29"), None);
        assert_eq!(parse_iso_date("2023-+6-20"), None);
        assert_eq!(parse_iso_date("+023-06-20"), None);
    }

    #[test]
    fn period_status_counts_days_inclusively() {
        let (s, e) = (ymd(2023, 6, 20), ymd(2023, 11, 5));
        assert_eq!(
            period_status(s, e, ymd(2023, 6, 18)),
            PeriodStatus::NotStarted { starts: s, days_until: 2 }
        );
        assert_eq!(period_status(s, e, s), PeriodStatus::Running { days_left: 139, ends: e });
        assert_eq!(period_status(s, e, e), PeriodStatus::Running { days_left: 1, ends: e });
        assert_eq!(period_status(s, e, ymd(2026, 11, 22)), PeriodStatus::Ended { ended: e });
    }

    #[test]
    fn days_are_added_inside_the_calendar() {
        assert_eq!(add_days(ymd(2023, 12, 31), 1), ymd(2024, 1, 1));
        assert_eq!(add_days(ymd(2024, 3, 1), -1), ymd(2024, 2, 29));
        assert_eq!(add_days(NaiveDate::MAX, 1), NaiveDate::MAX);
        assert_eq!(add_days(ymd(2023, 1, 1), i64::MAX), ymd(2023, 1, 1));
        assert_eq!(add_days(ymd(2023, 2, 28), 1), ymd(2023, 3, 1));
        assert_eq!(days_between(ymd(2023, 6, 20), ymd(2023, 6, 18)), -2);
        assert_eq!(weekday_index(ymd(2023, 6, 19).weekday()), 0, "a Monday");
        assert_eq!(vn_at(ymd(2023, 6, 19), 7, 30).to_rfc3339(), "2023-06-19T07:30:00+07:00");
    }
}

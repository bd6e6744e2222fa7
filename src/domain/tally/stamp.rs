//! Instants written with their UTC offset, as in `2024-07-21T08:05:03+07:00`.

use std::fmt;

use serde::{Deserialize, Deserializer, Serialize, Serializer};
use chrono::{DateTime, Datelike, FixedOffset, NaiveDate, Timelike};

use crate::domain::vn_time::{format_date, put_digits, to_vietnam, LAST_YEAR};

/// An instant, always written in Vietnam time (`+07:00`) and compared as an instant.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Stamp(pub DateTime<FixedOffset>);

impl Stamp {
    /// The instant `at`, whatever offset it carries.
    pub fn new(at: DateTime<FixedOffset>) -> Stamp {
        // Whole seconds, as stamps are written: a stamp kept in memory equals the same stamp
        // read back from storage (a save planned from it must not look stale).
        let at = to_vietnam(at);
        Stamp(at.with_nanosecond(0).unwrap_or(at))
    }

    /// RFC 3339 with the Vietnam offset: `2024-07-21T08:05:03+07:00`.
    pub fn to_rfc3339(self) -> String {
        String::from_utf8_lossy(&self.rfc3339_bytes()).into_owned()
    }

    /// [`Stamp::to_rfc3339`] as bytes, without `format!` (written tens of thousands of
    /// times per export).
    pub fn rfc3339_bytes(self) -> [u8; 25] {
        // One conversion to the local calendar (chrono keeps UTC and converts on each field).
        let vn = to_vietnam(self.0).naive_local();
        let mut out = *b"0000-00-00T00:00:00+07:00";
        let date = crate::domain::vn_time::iso_bytes(vn.date()).unwrap_or(*b"0000-00-00");
        out[..10].copy_from_slice(&date);
        put_digits(&mut out[11..13], vn.hour(), 2);
        put_digits(&mut out[14..16], vn.minute(), 2);
        put_digits(&mut out[17..19], vn.second(), 2);
        out
    }

    /// `21/07/2024 08:05` in Vietnam time, for people.
    pub fn to_display(self) -> String {
        let vn = to_vietnam(self.0).naive_local();
        format!("{} {:02}:{:02}", format_date(vn.date()), vn.hour(), vn.minute())
    }

    /// Parses `YYYY-MM-DDTHH:MM:SS` followed by `Z` or `±HH:MM` (fractions of a second allowed).
    pub fn parse(s: &str) -> Option<Stamp> {
        let b = s.as_bytes();
        if b.len() < 20 || b[4] != b'-' || b[7] != b'-' || b[10] != b'T' || b[13] != b':' || b[16] != b':' {
            return None;
        }
        let num = |r: std::ops::Range<usize>| -> Option<u32> {
            let part = s.get(r)?;
            if part.bytes().all(|c| c.is_ascii_digit()) {
                part.parse().ok()
            } else {
                None
            }
        };
        let date = NaiveDate::from_ymd_opt(num(0..4)? as i32, num(5..7)?, num(8..10)?)?;
        let time = date.and_hms_opt(num(11..13)?, num(14..16)?, num(17..19)?)?;
        let mut rest = &s[19..];
        if let Some(frac) = rest.strip_prefix('.') {
            let digits = frac.bytes().take_while(|c| c.is_ascii_digit()).count();
            if digits == 0 || digits > 9 {
                return None;
            }
            rest = &frac[digits..];
        }
        let offset = if rest == "Z" {
            FixedOffset::east_opt(0)?
        } else {
            let rb = rest.as_bytes();
            if rb.len() != 6 || rb[3] != b':' || !(rb[0] == b'+' || rb[0] == b'-') {
                return None;
            }
            if !rb[1..3].iter().chain(&rb[4..6]).all(u8::is_ascii_digit) {
                return None;
            }
            let hours: i32 = rest.get(1..3)?.parse().ok()?;
            let minutes: i32 = rest.get(4..6)?.parse().ok()?;
            if hours > 23 || minutes > 59 {
                return None;
            }
            let sign = if rb[0] == b'-' { -1 } else { 1 };
            FixedOffset::east_opt(sign * (hours * 3600 + minutes * 60))?
        };
        // A time near the year 9999 in another offset may be in year 10000 at +07:00,
        // which the four-digit file format cannot write: refused.
        let vn = time.and_local_timezone(offset).single().map(to_vietnam)?;
        (vn.year() <= LAST_YEAR && vn.year() >= 0).then_some(Stamp(vn))
    }
}

impl fmt::Display for Stamp {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.to_rfc3339())
    }
}

impl Serialize for Stamp {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(std::str::from_utf8(&self.rfc3339_bytes()).unwrap_or_default())
    }
}

impl<'de> Deserialize<'de> for Stamp {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Stamp, D::Error> {
        let raw = String::deserialize(d)?;
        Stamp::parse(&raw).ok_or_else(|| {
            serde::de::Error::custom(format!("\"{}\" is not a time like 2024-07-21T08:05:03+07:00", short(&raw)))
        })
    }
}

/// At most 40 characters of `raw`, for error messages.
pub fn short(raw: &str) -> String {
    let mut out: String = raw.chars().take(40).collect();
    if raw.chars().count() > 40 {
        out.push('…');
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::vn_time::{instant_at, ymd};

    #[test]
    fn writes_vietnam_offset_and_reads_any_offset() {
        let s = Stamp::new(instant_at(ymd(2024, 7, 21), 1, 5, 0).unwrap() + chrono::TimeDelta::seconds(3));
        assert_eq!(s.to_rfc3339(), "2024-07-21T08:05:03+07:00");
        assert_eq!(Stamp::parse("2024-07-21T08:05:03+07:00"), Some(s));
        assert_eq!(Stamp::parse("2024-07-21T01:05:03Z"), Some(s));
        assert_eq!(Stamp::parse("2024-07-20T21:05:03.250-04:00").map(|x| x.0.timestamp()), Some(s.0.timestamp()));
        assert_eq!(s.to_display(), "21/07/2024 08:05");
        assert_eq!(Stamp::parse("9999-12-31T23:59:59Z"), None, "no panic past year 9999 at +07:00");
        for bad in ["2024-07-21", "2024-07-21T25:00:00+07:00", "2024-02-30T08:00:00Z", "2024-07-21T08:05:03", "2024-07-21T08:05:03+7", "x024-07-21T08:05:03Z", "2024-07-21T08:05:60Z", "2024-07-21T08:05:03+24:00", "2024-07-21T08:05:03+-1:00", "+024-07-21T08:05:03Z"] {
            assert_eq!(Stamp::parse(bad), None, "{bad}");
        }
    }

    #[test]
    fn a_stamp_made_now_equals_itself_read_back_from_storage() {
        // The browser's clock has milliseconds; stored stamps are whole seconds. A save planned
        // from the entry kept in memory expects exactly what storage gives back.
        let now = instant_at(ymd(2024, 7, 21), 1, 5, 0).unwrap() + chrono::TimeDelta::milliseconds(3_456);
        let s = Stamp::new(now);
        let stored: Stamp = serde_json::from_str(&serde_json::to_string(&s).unwrap()).unwrap();
        assert_eq!(stored, s);
        assert_eq!(s.to_rfc3339(), "2024-07-21T08:05:03+07:00");
    }
}

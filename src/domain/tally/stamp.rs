//! Instants written with their UTC offset, as in `2024-07-21T08:05:03+07:00`.

use std::fmt;

use serde::{Deserialize, Deserializer, Serialize, Serializer};
use time::{Date, Month, OffsetDateTime, PrimitiveDateTime, Time, UtcOffset};

use crate::domain::vn_time::{format_date, put_digits, to_vietnam};

/// An instant, always written in Vietnam time (`+07:00`) and compared as an instant.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Stamp(pub OffsetDateTime);

impl Stamp {
    /// The instant `at`, whatever offset it carries.
    pub fn new(at: OffsetDateTime) -> Stamp {
        Stamp(to_vietnam(at))
    }

    /// RFC 3339 with the Vietnam offset: `2024-07-21T08:05:03+07:00`.
    pub fn to_rfc3339(self) -> String {
        String::from_utf8_lossy(&self.rfc3339_bytes()).into_owned()
    }

    /// [`Stamp::to_rfc3339`] as bytes, without `format!` (written tens of thousands of
    /// times per export).
    pub fn rfc3339_bytes(self) -> [u8; 25] {
        let vn = to_vietnam(self.0);
        let mut out = *b"0000-00-00T00:00:00+07:00";
        let date = crate::domain::vn_time::iso_bytes(vn.date()).unwrap_or(*b"0000-00-00");
        out[..10].copy_from_slice(&date);
        put_digits(&mut out[11..13], vn.hour() as u32, 2);
        put_digits(&mut out[14..16], vn.minute() as u32, 2);
        put_digits(&mut out[17..19], vn.second() as u32, 2);
        out
    }

    /// `21/07/2024 08:05` in Vietnam time, for people.
    pub fn to_display(self) -> String {
        let vn = to_vietnam(self.0);
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
        let date = Date::from_calendar_date(num(0..4)? as i32, Month::try_from(num(5..7)? as u8).ok()?, num(8..10)? as u8).ok()?;
        let time = Time::from_hms(num(11..13)? as u8, num(14..16)? as u8, num(17..19)? as u8).ok()?;
        let mut rest = &s[19..];
        if let Some(frac) = rest.strip_prefix('.') {
            let digits = frac.bytes().take_while(|c| c.is_ascii_digit()).count();
            if digits == 0 || digits > 9 {
                return None;
            }
            rest = &frac[digits..];
        }
        let offset = if rest == "Z" {
            UtcOffset::UTC
        } else {
            let rb = rest.as_bytes();
            if rb.len() != 6 || rb[3] != b':' || !(rb[0] == b'+' || rb[0] == b'-') {
                return None;
            }
            let hours: i8 = rest.get(1..3)?.parse().ok()?;
            let minutes: i8 = rest.get(4..6)?.parse().ok()?;
            let sign = if rb[0] == b'-' { -1 } else { 1 };
            UtcOffset::from_hms(sign * hours, sign * minutes, 0).ok()?
        };
        // Checked: a time near the year 9999 in another offset may not exist at +07:00.
        PrimitiveDateTime::new(date, time).assume_offset(offset).checked_to_offset(crate::domain::vn_time::VN_OFFSET).map(Stamp)
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
    use time::macros::datetime;

    #[test]
    fn writes_vietnam_offset_and_reads_any_offset() {
        let s = Stamp::new(datetime!(2024-07-21 01:05:03 UTC));
        assert_eq!(s.to_rfc3339(), "2024-07-21T08:05:03+07:00");
        assert_eq!(Stamp::parse("2024-07-21T08:05:03+07:00"), Some(s));
        assert_eq!(Stamp::parse("2024-07-21T01:05:03Z"), Some(s));
        assert_eq!(Stamp::parse("2024-07-20T21:05:03.250-04:00").map(|x| x.0.unix_timestamp()), Some(s.0.unix_timestamp()));
        assert_eq!(s.to_display(), "21/07/2024 08:05");
        assert_eq!(Stamp::parse("9999-12-31T23:59:59Z"), None, "no panic past year 9999 at +07:00");
        for bad in ["2024-07-21", "2024-07-21T25:00:00+07:00", "2024-02-30T08:00:00Z", "2024-07-21T08:05:03", "2024-07-21T08:05:03+7", "x024-07-21T08:05:03Z"] {
            assert_eq!(Stamp::parse(bad), None, "{bad}");
        }
    }
}

//! Weekly opening hours in the OpenStreetMap `opening_hours` syntax.
//!
//! Campaign files write hours as OSM `opening_hours` strings, e.g.
//! `Mo-Fr 07:30-11:30,13:00-17:00; Sa 07:30-11:30`. This module accepts
//! the weekly subset that the seed documents need (weekday ranges and lists,
//! one or more time spans, `off`, later rules overriding earlier ones) and
//! answers "is it open now, until when, and when does it open next".

use std::fmt;

use chrono::{DateTime, Datelike, FixedOffset, NaiveDate, TimeDelta};

use super::vn_time::{minutes_of_day, to_vietnam, weekday_index};

const DAY_CODES: [&str; 7] = ["Mo", "Tu", "We", "Th", "Fr", "Sa", "Su"];

/// One opening session within a day, in minutes after midnight (`end` exclusive).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Session {
    /// Opening minute.
    pub start: u16,
    /// Closing minute (up to 24:00 = 1440).
    pub end: u16,
}

/// Opening sessions for each weekday, Monday first.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct WeeklyHours {
    /// `days[0]` is Monday, `days[6]` Sunday; sessions sorted and disjoint.
    pub days: [Vec<Session>; 7],
}

/// Why an `opening_hours` string was refused.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct HoursError {
    /// The rule (between semicolons) that failed.
    pub rule: String,
    /// What is wrong with it.
    pub reason: String,
}

impl fmt::Display for HoursError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "in \"{}\": {}", self.rule, self.reason)
    }
}

/// Whether an office is open at an instant, and what changes next.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum OpenStatus {
    /// Open now; closes at `until` (minutes after midnight) today.
    OpenUntil {
        /// Closing minute today.
        until: u16,
    },
    /// Closed now; opens `days_ahead` days from today (0 = later today) at `at`.
    ClosedUntil {
        /// 0 = later today, 1 = tomorrow, …
        days_ahead: u8,
        /// Weekday of the next opening (Monday = 0).
        weekday: usize,
        /// Opening minute.
        at: u16,
    },
    /// Never open in the weekly schedule.
    NeverOpen,
}

impl WeeklyHours {
    /// Parses an OSM `opening_hours` string restricted to weekly rules.
    pub fn parse(spec: &str) -> Result<WeeklyHours, HoursError> {
        let mut hours = WeeklyHours::default();
        let mut any_rule = false;
        for raw_rule in spec.split(';') {
            let rule = raw_rule.trim();
            if rule.is_empty() {
                continue;
            }
            any_rule = true;
            let err = |reason: &str| HoursError { rule: rule.to_string(), reason: reason.to_string() };
            let (days_part, times_part) = match rule.split_once(' ') {
                Some((d, t)) => (d.trim(), t.trim()),
                None => return Err(err("expected weekdays followed by times, e.g. \"Mo-Fr 07:30-11:30\"")),
            };
            let days = parse_days(days_part).map_err(|r| err(&r))?;
            let sessions = if times_part == "off" || times_part == "closed" {
                Vec::new()
            } else {
                parse_sessions(times_part).map_err(|r| err(&r))?
            };
            for (index, selected) in days.iter().enumerate() {
                if *selected {
                    hours.days[index] = sessions.clone();
                }
            }
        }
        if !any_rule {
            return Err(HoursError { rule: spec.to_string(), reason: "no rule given".into() });
        }
        Ok(hours)
    }

    /// True if any session starts at or after `minute` (e.g. 18:00 for "evenings").
    pub fn open_after(&self, minute: u16) -> bool {
        self.days.iter().flatten().any(|s| s.end > minute)
    }

    /// True if open on Saturday or Sunday.
    pub fn open_at_weekend(&self) -> bool {
        !self.days[5].is_empty() || !self.days[6].is_empty()
    }

    /// Consecutive weekdays with identical sessions, as `(first, last, sessions)`
    /// with Monday = 0; closed days are included with no sessions.
    pub fn day_groups(&self) -> Vec<(usize, usize, Vec<Session>)> {
        let mut groups: Vec<(usize, usize, Vec<Session>)> = Vec::new();
        for (day, sessions) in self.days.iter().enumerate() {
            match groups.last_mut() {
                Some(last) if last.2 == *sessions => last.1 = day,
                _ => groups.push((day, day, sessions.clone())),
            }
        }
        groups
    }

    /// The status at `instant`, evaluated in Vietnam time.
    pub fn status_at(&self, instant: DateTime<FixedOffset>) -> OpenStatus {
        self.status_with(instant, &[])
    }

    /// The sessions on `date`: its special-day hours if it has any, else the weekly ones.
    pub fn sessions_on<'a>(&'a self, date: NaiveDate, special: &'a [DayOverride]) -> &'a [Session] {
        match special.iter().find(|o| o.date == date) {
            Some(o) => &o.sessions,
            None => &self.days[weekday_index(date.weekday())],
        }
    }

    /// The status at `instant` in Vietnam time, with special days (holidays,
    /// swapped working days) replacing the weekly hours on their dates.
    pub fn status_with(&self, instant: DateTime<FixedOffset>, special: &[DayOverride]) -> OpenStatus {
        let vn = to_vietnam(instant);
        let today = vn.date_naive();
        let now = minutes_of_day(vn);
        let sessions = self.sessions_on(today, special);
        if let Some(s) = sessions.iter().find(|s| s.start <= now && now < s.end) {
            // Back-to-back sessions (…-17:00, 17:00-…) count as one opening.
            let mut until = s.end;
            while let Some(next) = sessions.iter().find(|n| n.start == until) {
                until = next.end;
            }
            return OpenStatus::OpenUntil { until };
        }
        // A long holiday can close an office for weeks; look a little beyond a month ahead.
        for days_ahead in 0..=40u8 {
            let Some(date) = today.checked_add_signed(TimeDelta::days(days_ahead.into())) else { break };
            let next = self.sessions_on(date, special).iter().find(|s| days_ahead > 0 || s.start > now);
            if let Some(s) = next {
                return OpenStatus::ClosedUntil { days_ahead, weekday: weekday_index(date.weekday()), at: s.start };
            }
        }
        OpenStatus::NeverOpen
    }
}

/// Hours that replace the weekly schedule on one date; no sessions = closed all day.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct DayOverride {
    /// The date (Vietnam calendar).
    pub date: NaiveDate,
    /// Its sessions.
    pub sessions: Vec<Session>,
}

/// Parses a day's hours: `off` (closed) or time spans like `07:30-11:30,13:00-17:00`.
pub fn parse_day_hours(spec: &str) -> Result<Vec<Session>, String> {
    match spec.trim() {
        "off" | "closed" => Ok(Vec::new()),
        spans => parse_sessions(spans),
    }
}

fn day_index(code: &str) -> Result<usize, String> {
    DAY_CODES
        .iter()
        .position(|d| *d == code)
        .ok_or_else(|| format!("unknown weekday \"{code}\" (use Mo Tu We Th Fr Sa Su)"))
}

fn parse_days(part: &str) -> Result<[bool; 7], String> {
    let mut days = [false; 7];
    for item in part.split(',') {
        match item.split_once('-') {
            Some((from, to)) => {
                let (from, to) = (day_index(from)?, day_index(to)?);
                let mut d = from;
                loop {
                    days[d] = true;
                    if d == to {
                        break;
                    }
                    d = (d + 1) % 7;
                }
            }
            None => days[day_index(item)?] = true,
        }
    }
    Ok(days)
}

fn parse_minute(hm: &str) -> Result<u16, String> {
    let bad = || format!("\"{hm}\" is not a time of day like 07:30");
    let (h, m) = hm.split_once(':').ok_or_else(bad)?;
    if h.len() != 2 || m.len() != 2 {
        return Err(bad());
    }
    let (h, m): (u16, u16) = (h.parse().map_err(|_| bad())?, m.parse().map_err(|_| bad())?);
    if m > 59 || h > 24 || (h == 24 && m != 0) {
        return Err(bad());
    }
    Ok(h * 60 + m)
}

fn parse_sessions(part: &str) -> Result<Vec<Session>, String> {
    let mut sessions = Vec::new();
    for span in part.split(',') {
        let span = span.trim();
        let (a, b) = span
            .split_once('-')
            .ok_or_else(|| format!("\"{span}\" is not a time span like 07:30-11:30"))?;
        let (start, end) = (parse_minute(a.trim())?, parse_minute(b.trim())?);
        if start >= end {
            return Err(format!("\"{span}\" ends before it starts"));
        }
        sessions.push(Session { start, end });
    }
    sessions.sort_by_key(|s| s.start);
    if sessions.windows(2).any(|w| w[1].start < w[0].end) {
        return Err("time spans overlap".into());
    }
    Ok(sessions)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::vn_time::{instant_at, vn_at, ymd};

    fn district_team() -> WeeklyHours {
        WeeklyHours::parse("Mo-Fr 07:30-11:30,13:00-17:00; Sa 07:30-11:30").unwrap()
    }

    #[test]
    fn special_days_replace_the_weekly_hours() {
        let h = district_team();
        // Friday 01/09/2023 and Saturday 02/09/2023 closed (a holiday); Sunday 03/09 worked in the morning.
        let special = [
            DayOverride { date: ymd(2023, 9, 1), sessions: vec![] },
            DayOverride { date: ymd(2023, 9, 2), sessions: parse_day_hours("off").unwrap() },
            DayOverride { date: ymd(2023, 9, 3), sessions: parse_day_hours("08:00-11:00").unwrap() },
        ];
        let thursday_evening = vn_at(ymd(2023, 8, 31), 18, 0);
        assert_eq!(h.status_at(thursday_evening), OpenStatus::ClosedUntil { days_ahead: 1, weekday: 4, at: 450 });
        assert_eq!(
            h.status_with(thursday_evening, &special),
            OpenStatus::ClosedUntil { days_ahead: 3, weekday: 6, at: 480 },
            "skips the holiday and opens on the swapped Sunday"
        );
        assert_eq!(h.status_with(vn_at(ymd(2023, 9, 3), 9, 0), &special), OpenStatus::OpenUntil { until: 660 });
        assert_eq!(h.status_with(vn_at(ymd(2023, 9, 1), 9, 0), &special), OpenStatus::ClosedUntil { days_ahead: 2, weekday: 6, at: 480 });
        // The same instant seen from another zone gives the same answer.
        assert_eq!(h.status_with(instant_at(ymd(2023, 9, 2), 22, 0, -4).unwrap(), &special), OpenStatus::OpenUntil { until: 660 });
        // A closure of more than a week is walked past.
        let long: Vec<_> = (0..20).map(|d| DayOverride { date: ymd(2023, 9, 1) + TimeDelta::days(d), sessions: vec![] }).collect();
        assert_eq!(h.status_with(thursday_evening, &long), OpenStatus::ClosedUntil { days_ahead: 21, weekday: 3, at: 450 });
        assert!(parse_day_hours("7h-11h").is_err());
    }

    #[test]
    fn parses_ranges_lists_and_off() {
        let h = WeeklyHours::parse("Mo-Su 07:30-11:30; We,Su off").unwrap();
        assert_eq!(h.days[0], vec![Session { start: 450, end: 690 }]);
        assert!(h.days[2].is_empty() && h.days[6].is_empty());
        let wrap = WeeklyHours::parse("Sa-Mo 08:00-09:00").unwrap();
        assert!(!wrap.days[5].is_empty() && !wrap.days[6].is_empty() && !wrap.days[0].is_empty());
        assert!(wrap.days[1].is_empty());
    }

    #[test]
    fn refuses_bad_input_with_the_rule() {
        for bad in ["", "Mo-Fr", "Xx 07:00-08:00", "Mo 7:30-11:30", "Mo 12:00-11:00", "Mo 08:00-10:00,09:00-11:00", "Mo 25:00-26:00"] {
            assert!(WeeklyHours::parse(bad).is_err(), "{bad} should fail");
        }
        let e = WeeklyHours::parse("Mo-Fr 07:30-11:30; Sa 7h30").unwrap_err();
        assert_eq!(e.rule, "Sa 7h30");
    }

    #[test]
    fn status_walks_to_the_next_opening() {
        let h = district_team();
        // Monday 26/06/2023 10:00 Vietnam time.
        assert_eq!(h.status_at(vn_at(ymd(2023, 6, 26), 10, 0)), OpenStatus::OpenUntil { until: 690 });
        // Saturday 24/06/2023 12:00: closed; Sunday off; Monday 07:30.
        assert_eq!(
            h.status_at(vn_at(ymd(2023, 6, 24), 12, 0)),
            OpenStatus::ClosedUntil { days_ahead: 2, weekday: 0, at: 450 }
        );
        assert_eq!(WeeklyHours::parse("Mo off").unwrap().status_at(vn_at(ymd(2023, 6, 24), 12, 0)), OpenStatus::NeverOpen);
        assert!(h.open_at_weekend());
        assert!(!h.open_after(18 * 60));
    }

    #[test]
    fn groups_consecutive_days_with_the_same_sessions() {
        let groups = district_team().day_groups();
        let spans: Vec<_> = groups.iter().map(|g| (g.0, g.1, g.2.len())).collect();
        assert_eq!(spans, vec![(0, 4, 2), (5, 5, 1), (6, 6, 0)]);
    }

    #[test]
    fn adjacent_sessions_merge_into_one_opening() {
        let h = WeeklyHours::parse("Mo 07:00-12:00,12:00-17:00").unwrap();
        assert_eq!(h.status_at(vn_at(ymd(2023, 6, 26), 8, 0)), OpenStatus::OpenUntil { until: 1020 });
    }
}

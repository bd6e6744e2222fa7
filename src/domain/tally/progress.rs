//! Targets, totals, rates and phases: the dashboard's arithmetic.

use std::collections::HashMap;

use chrono::NaiveDate;

use super::ledger::{Ledger, TargetSetting};
use crate::domain::campaign::Campaign;
use crate::domain::text::Lang;
use crate::domain::vn_time::days_between;

/// A unit of the campaign file or one added on a device.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct UnitLabel {
    /// Unit id.
    pub id: String,
    /// Vietnamese name.
    pub vi: String,
    /// English name (the typed name for units added on a device).
    pub en: String,
    /// True when added on a device rather than in the campaign file.
    pub local: bool,
}

impl UnitLabel {
    /// The name in `lang`.
    pub fn name(&self, lang: Lang) -> &str {
        match lang {
            Lang::Vi => &self.vi,
            Lang::En => &self.en,
        }
    }
}

/// Campaign units first, then units added on devices (sorted by name).
pub fn all_units(campaign: &Campaign, ledger: &Ledger) -> Vec<UnitLabel> {
    let mut out: Vec<UnitLabel> = campaign
        .units
        .iter()
        .map(|u| UnitLabel { id: u.id.clone(), vi: u.name.vi.clone(), en: u.name.en.clone(), local: false })
        .collect();
    let mut local: Vec<UnitLabel> = ledger
        .units
        .iter()
        .filter(|u| !campaign.units.iter().any(|c| c.id == u.id))
        .map(|u| UnitLabel { id: u.id.clone(), vi: u.name.clone(), en: u.name.clone(), local: true })
        .collect();
    local.sort_by(|a, b| a.vi.cmp(&b.vi));
    out.extend(local);
    out
}

/// The part of a device id that goes into a unit id made on it (`d-k3x9q2ab` → `dk3x9q2ab`).
pub fn device_suffix(device: &str) -> String {
    device.chars().filter(|c| c.is_ascii_lowercase() || c.is_ascii_digit()).take(12).collect()
}

/// A fresh id for a unit named `name` on `device`: ASCII letters and digits of the name,
/// then the device's id, so two devices that add a unit of the same name never make the
/// same id; made unique on this device too.
pub fn new_unit_id(name: &str, device: &str, taken: &[UnitLabel]) -> String {
    let mut stem = String::new();
    for c in crate::domain::search::fold(name).chars() {
        if c.is_ascii_alphanumeric() {
            stem.push(c.to_ascii_lowercase());
        } else if !stem.ends_with('-') && !stem.is_empty() {
            stem.push('-');
        }
    }
    let stem = stem.trim_end_matches('-').chars().take(40).collect::<String>();
    let stem = if stem.is_empty() { "unit".to_string() } else { stem };
    let device = device_suffix(device);
    let stem = if device.is_empty() { stem } else { format!("{stem}-{device}") };
    let mut id = stem.clone();
    let mut n = 2;
    while taken.iter().any(|u| u.id == id) {
        id = format!("{stem}-{n}");
        n += 1;
    }
    id
}

/// Where a target's number comes from.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum TargetSource {
    /// The campaign file.
    File,
    /// The campaign file's target, with a count set on a device.
    Edited,
    /// A target added on a device.
    Local,
}

/// A target with its count, window and origin resolved.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ResolvedTarget {
    /// The key a [`TargetSetting`] for it uses.
    pub key: String,
    /// Indicator id.
    pub indicator: String,
    /// Unit id, or none for the whole campaign.
    pub unit: Option<String>,
    /// Phase id, or none for the whole period.
    pub phase: Option<String>,
    /// The count to reach; none when the file gives only a percentage of an unknown population.
    pub count: Option<u64>,
    /// The percentage the file gives, if any.
    pub percent: Option<u8>,
    /// Where the count comes from.
    pub source: TargetSource,
    /// First day counted toward it.
    pub start: NaiveDate,
    /// The day it must be reached by.
    pub due: NaiveDate,
    /// Index in the campaign file's targets.
    pub file_index: Option<usize>,
}

/// The window a target counts over: a phase's days, or from the campaign's
/// start for a cumulative phase (seed 004) or no phase.
pub fn target_window(campaign: &Campaign, phase: Option<&str>, due: Option<NaiveDate>) -> (NaiveDate, NaiveDate) {
    let phase = phase.and_then(|id| campaign.phases.iter().find(|p| p.id == id));
    let start = match phase {
        Some(p) if !p.cumulative => p.period.start,
        _ => campaign.period.start,
    };
    let end = due.or(phase.map(|p| p.period.end)).unwrap_or(campaign.period.end);
    (start, end)
}

/// Every target: the campaign file's (with device edits applied), then local ones.
pub fn resolved_targets(campaign: &Campaign, ledger: &Ledger) -> Vec<ResolvedTarget> {
    let setting = |key: &str| ledger.targets.iter().find(|t| t.key == key);
    let mut out = Vec::new();
    let mut file_keys = Vec::new();
    for (i, t) in campaign.targets.iter().enumerate() {
        let key = TargetSetting::key_for(&t.indicator, t.unit.as_deref(), t.phase.as_deref());
        file_keys.push(key.clone());
        let from_file = t.count.or_else(|| match (t.percent, t.population) {
            (Some(p), Some(pop)) => Some((pop * p as u64).div_ceil(100)),
            _ => None,
        });
        let (count, source) = match setting(&key) {
            Some(s) => (Some(s.count), TargetSource::Edited),
            None => (from_file, TargetSource::File),
        };
        let (start, due) = target_window(campaign, t.phase.as_deref(), t.due);
        out.push(ResolvedTarget {
            key,
            indicator: t.indicator.clone(),
            unit: t.unit.clone(),
            phase: t.phase.clone(),
            count,
            percent: t.percent,
            source,
            start,
            due,
            file_index: Some(i),
        });
    }
    let mut local: Vec<&TargetSetting> = ledger.targets.iter().filter(|t| !file_keys.contains(&t.key)).collect();
    local.sort_by(|a, b| a.key.cmp(&b.key));
    for s in local {
        let (start, due) = target_window(campaign, s.phase.as_deref(), None);
        out.push(ResolvedTarget {
            key: s.key.clone(),
            indicator: s.indicator.clone(),
            unit: s.unit.clone(),
            phase: s.phase.clone(),
            count: Some(s.count),
            percent: None,
            source: TargetSource::Local,
            start,
            due,
            file_index: None,
        });
    }
    out
}

/// Counts by day, sorted by day (one value per day).
type Series = Vec<(NaiveDate, u64)>;

/// Daily counts indexed for range sums: built once per dashboard render.
#[derive(Clone, Debug, Default)]
pub struct Tally {
    /// Unit id → its place in `per_unit`.
    unit_index: HashMap<String, usize>,
    /// Per unit: (indicator id, series); a campaign has a handful of indicators.
    per_unit: Vec<Vec<(String, Series)>>,
    /// (Indicator id, series of the whole campaign).
    overall: Vec<(String, Series)>,
}

/// The series of `indicator` in `list`, made on first use.
fn series_mut<'a>(list: &'a mut Vec<(String, Series)>, indicator: &str) -> &'a mut Series {
    let at = match list.iter().position(|(id, _)| id == indicator) {
        Some(at) => at,
        None => {
            list.push((indicator.to_string(), Series::new()));
            list.len() - 1
        }
    };
    &mut list[at].1
}

/// Adds `n` on `date` to a series, keeping it sorted (entries mostly come in date order).
fn add_on(series: &mut Series, date: NaiveDate, n: u64) {
    match series.last_mut() {
        Some((last, total)) if *last == date => *total += n,
        Some((last, _)) if *last < date => series.push((date, n)),
        None => series.push((date, n)),
        Some(_) => match series.binary_search_by(|(d, _)| d.cmp(&date)) {
            Ok(i) => series[i].1 += n,
            Err(i) => series.insert(i, (date, n)),
        },
    }
}

impl Tally {
    /// Indexes every entry of the ledger. Entries come sorted by day, so each series is
    /// appended to, and ids are copied once per unit and indicator (72,000 entries of a
    /// province make a few thousand series).
    pub fn build(ledger: &Ledger) -> Tally {
        let mut tally = Tally::default();
        for entry in ledger.entries.values() {
            let at = match tally.unit_index.get(&entry.unit) {
                Some(&at) => at,
                None => {
                    tally.unit_index.insert(entry.unit.clone(), tally.per_unit.len());
                    tally.per_unit.push(Vec::new());
                    tally.per_unit.len() - 1
                }
            };
            let unit = &mut tally.per_unit[at];
            for (indicator, &n) in &entry.counts.0 {
                add_on(series_mut(unit, indicator), entry.date, n);
                add_on(series_mut(&mut tally.overall, indicator), entry.date, n);
            }
        }
        tally
    }

    fn days(&self, indicator: &str, unit: Option<&str>) -> Option<&Series> {
        let list = match unit {
            Some(u) => &self.per_unit[*self.unit_index.get(u)?],
            None => &self.overall,
        };
        list.iter().find(|(id, _)| id == indicator).map(|(_, series)| series)
    }

    /// The sum from `start` to `end` inclusive, for one unit or all.
    pub fn sum(&self, indicator: &str, unit: Option<&str>, start: NaiveDate, end: NaiveDate) -> u64 {
        if start > end {
            return 0;
        }
        self.days(indicator, unit).map_or(0, |d| {
            let from = d.partition_point(|(day, _)| *day < start);
            let to = d.partition_point(|(day, _)| *day <= end);
            d[from..to].iter().map(|(_, n)| n).sum()
        })
    }

    /// The count of one day.
    pub fn on(&self, indicator: &str, unit: Option<&str>, day: NaiveDate) -> u64 {
        self.days(indicator, unit).and_then(|d| d.binary_search_by(|(x, _)| x.cmp(&day)).ok().map(|i| d[i].1)).unwrap_or(0)
    }

    /// One value per day from `start` to `end` inclusive (0 on days without entries).
    pub fn daily(&self, indicator: &str, unit: Option<&str>, start: NaiveDate, end: NaiveDate) -> Vec<(NaiveDate, u64)> {
        let mut out = Vec::new();
        let mut day = start;
        while day <= end {
            out.push((day, self.on(indicator, unit, day)));
            match day.succ_opt() {
                Some(next) => day = next,
                None => break,
            }
        }
        out
    }
}

/// Where a count stands against its target on a given day.
#[derive(Clone, Debug, PartialEq)]
pub struct Progress {
    /// Counted so far inside the window.
    pub done: u64,
    /// The target count, if known.
    pub target: Option<u64>,
    /// Days of the window up to and including today.
    pub days_elapsed: i64,
    /// Days left, today included (0 once the due day has passed).
    pub days_left: i64,
    /// Average per day so far.
    pub rate_so_far: f64,
    /// Whole count per day needed from today to reach the target on time.
    pub needed_per_day: Option<u64>,
}

impl Progress {
    /// Computes progress over `start..=due` as seen on `today`.
    pub fn compute(tally: &Tally, indicator: &str, unit: Option<&str>, start: NaiveDate, due: NaiveDate, target: Option<u64>, today: NaiveDate) -> Progress {
        let done = tally.sum(indicator, unit, start, due.min(today));
        let total_days = days_between(start, due) + 1;
        let days_elapsed = (days_between(start, today) + 1).clamp(0, total_days.max(0));
        let days_left = (days_between(today, due) + 1).clamp(0, total_days.max(0));
        let rate_so_far = if days_elapsed > 0 { done as f64 / days_elapsed as f64 } else { 0.0 };
        let needed_per_day = match target {
            Some(t) if done < t && days_left > 0 => Some((t - done).div_ceil(days_left as u64)),
            Some(_) if days_left > 0 => Some(0),
            _ => None,
        };
        Progress { done, target, days_elapsed, days_left, rate_so_far, needed_per_day }
    }

    /// Percent reached, one decimal, capped at 999.9 (none without a target).
    pub fn percent(&self) -> Option<f64> {
        match self.target {
            Some(0) => Some(100.0),
            Some(t) => Some(((self.done as f64 * 1000.0 / t as f64).round() / 10.0).min(999.9)),
            None => None,
        }
    }

    /// True when the target is met.
    pub fn reached(&self) -> bool {
        self.target.is_some_and(|t| self.done >= t)
    }

    /// True when the target is not met and the rate so far would not meet it in time.
    pub fn behind(&self) -> bool {
        // A target whose window has not started yet cannot be behind.
        if self.days_elapsed == 0 {
            return false;
        }
        match (self.target, self.needed_per_day) {
            (Some(_), Some(need)) => !self.reached() && (self.rate_so_far < need as f64),
            (Some(_), None) => !self.reached(),
            _ => false,
        }
    }
}

/// A phase's figures for one indicator.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct PhaseFigures {
    /// Phase id.
    pub phase: String,
    /// Counted during the phase's own days.
    pub in_phase: u64,
    /// Counted from the campaign's start to the phase's end.
    pub cumulative: u64,
    /// True when the campaign reports this phase cumulatively (seed 004).
    pub reported_cumulative: bool,
}

/// Phase figures for `indicator`, as seen on `today` (days after today count nothing).
pub fn phase_figures(campaign: &Campaign, tally: &Tally, indicator: &str, unit: Option<&str>, today: NaiveDate) -> Vec<PhaseFigures> {
    campaign
        .phases
        .iter()
        .map(|p| PhaseFigures {
            phase: p.id.clone(),
            in_phase: tally.sum(indicator, unit, p.period.start, p.period.end.min(today)),
            cumulative: tally.sum(indicator, unit, campaign.period.start.min(p.period.start), p.period.end.min(today)),
            reported_cumulative: p.cumulative,
        })
        .collect()
}

/// A tally shared cheaply between views; equal only to itself (for memos).
#[derive(Clone, Debug)]
pub struct SharedTally(pub std::sync::Arc<Tally>);

impl PartialEq for SharedTally {
    fn eq(&self, other: &Self) -> bool {
        std::sync::Arc::ptr_eq(&self.0, &other.0)
    }
}

impl Tally {
    /// Builds a tally to share between views.
    pub fn build_shared(ledger: &Ledger) -> SharedTally {
        SharedTally(std::sync::Arc::new(Tally::build(ledger)))
    }
}

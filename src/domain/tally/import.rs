//! Reading an export file from another device: every check, with the place in the file.
//! The rules are the forms' own (`validate`): what a device can save, it can import.

use std::collections::BTreeMap;

use serde::Deserialize;
use chrono::NaiveDate;

use super::export::{ExportFile, EXPORT_FORMAT, EXPORT_VERSION};
use super::ledger::{normalise_targets, EntryKey, Ledger};
use super::progress::all_units;
use super::stamp::short;
use super::validate::{check_text, date_in_reach, MAX_DAILY_COUNT, MAX_TARGET_COUNT};
use crate::domain::campaign::Campaign;

/// Files above this size are refused before parsing.
pub const MAX_IMPORT_BYTES: usize = 40 * 1024 * 1024;

/// What is wrong with an import file.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Problem {
    /// Larger than [`MAX_IMPORT_BYTES`].
    TooLarge(usize),
    /// Empty.
    Empty,
    /// Not UTF-8 text.
    NotText,
    /// Not JSON; line and column of the first error.
    NotJson(usize, usize),
    /// JSON, but not an export of this app.
    NotAnExport,
    /// An export of a newer or unknown version.
    UnknownVersion(String),
    /// An export of another campaign.
    OtherCampaign(String),
    /// A field has the wrong type or shape (serde's description).
    Invalid(String),
    /// A unit that neither the campaign nor the file defines.
    UnknownUnit(String),
    /// An indicator the campaign does not count.
    UnknownIndicator(String),
    /// A count above the daily maximum.
    CountTooLarge(u64),
    /// A date outside the campaign period not marked as an override.
    OutsidePeriod(NaiveDate),
    /// The same (date, unit) twice in one file.
    DuplicateEntry(NaiveDate, String),
    /// The same unit id twice.
    DuplicateUnit(String),
    /// Text the forms would refuse: empty, too long, or holding a hidden character.
    BadText,
    /// A unit id that is not lowercase letters, digits and `-`.
    BadId(String),
    /// A target that names an unknown phase.
    UnknownPhase(String),
}

/// A refused file: which file, where in it, what is wrong.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ImportError {
    /// The file's name.
    pub file: String,
    /// The place in the file, e.g. `entries[3].counts.activations` (empty for the whole file).
    pub place: String,
    /// What is wrong.
    pub problem: Problem,
}

#[derive(Deserialize)]
struct Header {
    format: Option<serde_json::Value>,
    version: Option<serde_json::Value>,
    campaign: Option<serde_json::Value>,
}

/// The forms' rule: a text is stored trimmed, so a file's text must be what a form stores.
fn text_ok(s: &str) -> bool {
    check_text(s).is_ok_and(|t| t == s)
}

fn id_ok(s: &str) -> bool {
    !s.is_empty() && s.len() <= 64 && s.bytes().all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-')
}

/// Reads and checks an export file for `campaign`, knowing the units already on this device.
pub fn parse_export(file: &str, bytes: &[u8], campaign: &Campaign, ledger: &Ledger) -> Result<ExportFile, ImportError> {
    let fail = |place: String, problem: Problem| ImportError { file: file.to_string(), place, problem };
    if bytes.len() > MAX_IMPORT_BYTES {
        return Err(fail(String::new(), Problem::TooLarge(bytes.len())));
    }
    let text = std::str::from_utf8(bytes).map_err(|_| fail(String::new(), Problem::NotText))?;
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    if text.trim().is_empty() {
        return Err(fail(String::new(), Problem::Empty));
    }
    let header: Header = serde_json::from_str(text).map_err(|e| match e.classify() {
        serde_json::error::Category::Data => fail(String::new(), Problem::NotAnExport),
        _ => fail(String::new(), Problem::NotJson(e.line(), e.column())),
    })?;
    if header.format.as_ref().and_then(|f| f.as_str()) != Some(EXPORT_FORMAT) {
        return Err(fail("format".into(), Problem::NotAnExport));
    }
    match header.version.as_ref().and_then(|v| v.as_u64()) {
        Some(v) if v == EXPORT_VERSION as u64 => {}
        _ => {
            let shown = header.version.map(|v| short(&v.to_string())).unwrap_or_default();
            return Err(fail("version".into(), Problem::UnknownVersion(shown)));
        }
    }
    match header.campaign.as_ref().and_then(|c| c.as_str()) {
        Some(id) if id == campaign.id => {}
        other => {
            let shown = other.map(short).unwrap_or_else(|| header.campaign.map(|c| short(&c.to_string())).unwrap_or_default());
            return Err(fail("campaign".into(), Problem::OtherCampaign(shown)));
        }
    }
    let mut de = serde_json::Deserializer::from_str(text);
    let mut export: ExportFile = serde_path_to_error::deserialize(&mut de)
        .map_err(|e| fail(e.path().to_string(), Problem::Invalid(short_error(e.inner()))))?;
    de.end().map_err(|e| fail(String::new(), Problem::NotJson(e.line(), e.column())))?;
    check_export(&export, campaign, ledger).map_err(|(place, problem)| fail(place, problem))?;
    export.targets = normalise_targets(std::mem::take(&mut export.targets));
    Ok(export)
}

fn short_error(e: &serde_json::Error) -> String {
    let message = e.to_string();
    // serde_json appends " at line L column C"; keep the description only.
    let cut = message.find(" at line ").unwrap_or(message.len());
    message[..cut].chars().take(160).collect()
}

fn check_export(export: &ExportFile, campaign: &Campaign, ledger: &Ledger) -> Result<(), (String, Problem)> {
    if !id_ok(&export.device.id) {
        return Err(("device.id".into(), Problem::BadId(short(&export.device.id))));
    }
    if export.device.label.as_deref().is_some_and(|l| !text_ok(l)) {
        return Err(("device.label".into(), Problem::BadText));
    }
    for (i, id) in export.indicators.iter().enumerate() {
        if !id_ok(id) {
            return Err((format!("indicators[{i}]"), Problem::BadId(short(id))));
        }
    }
    // Change times are not compared with the file's own time: a device whose clock was
    // ahead saved them, so it must be able to export them. "Newest" stays deterministic
    // whatever the times (see `merge`).
    let mut known: Vec<String> = all_units(campaign, ledger).into_iter().map(|u| u.id).collect();
    for (i, unit) in export.units.iter().enumerate() {
        let place = format!("units[{i}]");
        if !id_ok(&unit.id) {
            return Err((format!("{place}.id"), Problem::BadId(short(&unit.id))));
        }
        if export.units[..i].iter().any(|u| u.id == unit.id) {
            return Err((format!("{place}.id"), Problem::DuplicateUnit(unit.id.clone())));
        }
        if !text_ok(&unit.name) {
            return Err((format!("{place}.name"), Problem::BadText));
        }
        if !id_ok(&unit.device) {
            return Err((format!("{place}.device"), Problem::BadId(short(&unit.device))));
        }
        known.push(unit.id.clone());
    }
    let indicator_known = |id: &str| campaign.indicators.iter().any(|i| i.id == id);
    for (i, t) in export.targets.iter().enumerate() {
        let place = format!("targets[{i}]");
        if !indicator_known(&t.indicator) {
            return Err((format!("{place}.indicator"), Problem::UnknownIndicator(short(&t.indicator))));
        }
        if let Some(u) = &t.unit {
            if !known.contains(u) {
                return Err((format!("{place}.unit"), Problem::UnknownUnit(short(u))));
            }
        }
        if let Some(p) = &t.phase {
            if !campaign.phases.iter().any(|x| &x.id == p) {
                return Err((format!("{place}.phase"), Problem::UnknownPhase(short(p))));
            }
        }
        // Earlier versions keyed targets by position (`campaign:<n>`) or as `local:…`; the
        // key is now made from the fields, so only a key that contradicts them is refused.
        let expected_key = match t.key.strip_prefix("campaign:").and_then(|n| n.parse::<usize>().ok()) {
            Some(n) => campaign.targets.get(n).map(|ct| ct.indicator == t.indicator && ct.unit == t.unit && ct.phase == t.phase).unwrap_or(false),
            None => {
                let fields = |prefix: &str| format!("{prefix}:{}:{}:{}", t.indicator, t.unit.as_deref().unwrap_or("*"), t.phase.as_deref().unwrap_or("*"));
                t.key == fields("target") || t.key == fields("local")
            }
        };
        if !expected_key {
            return Err((format!("{place}.key"), Problem::Invalid(format!("\"{}\" does not match this target", short(&t.key)))));
        }
        if t.count > MAX_TARGET_COUNT {
            return Err((format!("{place}.count"), Problem::CountTooLarge(t.count)));
        }
        if !id_ok(&t.device) {
            return Err((format!("{place}.device"), Problem::BadId(short(&t.device))));
        }
    }
    let mut seen: BTreeMap<EntryKey, ()> = BTreeMap::new();
    for (i, e) in export.entries.iter().enumerate() {
        let place = format!("entries[{i}]");
        check_record(&place, e.date, &e.unit, &e.device, e.staff.as_deref(), &known, campaign)?;
        if !e.outside_period && (e.date < campaign.period.start || e.date > campaign.period.end) {
            return Err((format!("{place}.date"), Problem::OutsidePeriod(e.date)));
        }
        check_counts(&format!("{place}.counts"), &e.counts.0, &indicator_known)?;
        if seen.insert(e.key(), ()).is_some() {
            return Err((place, Problem::DuplicateEntry(e.date, e.unit.clone())));
        }
    }
    for (i, a) in export.audit.iter().enumerate() {
        let place = format!("audit[{i}]");
        check_record(&place, a.date, &a.unit, &a.device, a.staff.as_deref(), &known, campaign)?;
        check_counts(&format!("{place}.old"), &a.old.0, &indicator_known)?;
        check_counts(&format!("{place}.new"), &a.new.0, &indicator_known)?;
        if a.reason.as_deref().is_some_and(|r| !text_ok(r)) {
            return Err((format!("{place}.reason"), Problem::BadText));
        }
    }
    Ok(())
}

fn check_record(place: &str, date: NaiveDate, unit: &str, device: &str, staff: Option<&str>, known: &[String], campaign: &Campaign) -> Result<(), (String, Problem)> {
    if !date_in_reach(campaign, date) {
        return Err((format!("{place}.date"), Problem::OutsidePeriod(date)));
    }
    if !known.iter().any(|k| k == unit) {
        return Err((format!("{place}.unit"), Problem::UnknownUnit(short(unit))));
    }
    if !id_ok(device) {
        return Err((format!("{place}.device"), Problem::BadId(short(device))));
    }
    if staff.is_some_and(|s| !text_ok(s)) {
        return Err((format!("{place}.staff"), Problem::BadText));
    }
    Ok(())
}

fn check_counts(place: &str, counts: &BTreeMap<String, u64>, known: &dyn Fn(&str) -> bool) -> Result<(), (String, Problem)> {
    for (id, &n) in counts {
        if !known(id) {
            return Err((format!("{place}.{}", short(id)), Problem::UnknownIndicator(short(id))));
        }
        if n > MAX_DAILY_COUNT {
            return Err((format!("{place}.{id}"), Problem::CountTooLarge(n)));
        }
    }
    Ok(())
}


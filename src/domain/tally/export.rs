//! The export file (JSON, versioned, schema in `schema/tally-export-v1.schema.json`),
//! its file name, and the backup reminder (data not yet exported).

use serde::{Deserialize, Serialize};
use chrono::{DateTime, FixedOffset, NaiveDate, TimeDelta};

use super::ledger::{AuditRecord, Entry, Ledger, LocalUnit, TargetSetting};
use super::stamp::Stamp;
use crate::domain::campaign::Campaign;
use crate::domain::vn_time::format_iso;

/// The `format` field of every export.
pub const EXPORT_FORMAT: &str = "vneid-campaign-tally";
/// The export format version this build writes and reads.
pub const EXPORT_VERSION: u32 = 1;

/// The device that made an export.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct DeviceInfo {
    /// Its random id.
    pub id: String,
    /// A label staff gave it ("Kiosk phường 1").
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub label: Option<String>,
}

/// An export file, version 1.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ExportFile {
    /// Always [`EXPORT_FORMAT`].
    pub format: String,
    /// Always [`EXPORT_VERSION`].
    pub version: u32,
    /// The campaign's id.
    pub campaign: String,
    /// When it was made, with the `+07:00` offset.
    pub generated_at: Stamp,
    /// The device that made it.
    pub device: DeviceInfo,
    /// The indicator ids of the campaign, in order (for readers).
    pub indicators: Vec<String>,
    /// Units added on devices (the campaign file's own units are not repeated).
    pub units: Vec<LocalUnit>,
    /// Targets set on devices.
    pub targets: Vec<TargetSetting>,
    /// Daily entries, by date then unit.
    pub entries: Vec<Entry>,
    /// Audit records of replaced entries, oldest first.
    pub audit: Vec<AuditRecord>,
}

impl ExportFile {
    /// Everything this device holds for the campaign.
    pub fn build(campaign: &Campaign, ledger: &Ledger, device: DeviceInfo, now: Stamp) -> ExportFile {
        ExportFile {
            format: EXPORT_FORMAT.into(),
            version: EXPORT_VERSION,
            campaign: campaign.id.clone(),
            generated_at: now,
            device,
            indicators: campaign.indicators.iter().map(|i| i.id.clone()).collect(),
            units: ledger.units.clone(),
            targets: ledger.targets.clone(),
            entries: ledger.entries.values().cloned().collect(),
            audit: ledger.audit.clone(),
        }
    }

    /// Compact JSON (a province's 72,000 entries make 13 MB, against 20 MB pretty-printed).
    pub fn to_json(&self) -> String {
        serde_json::to_string(self).unwrap_or_default()
    }
}

/// The export of a ledger written straight from it, without copying its records first
/// (the same bytes as [`ExportFile::build`] then [`ExportFile::to_json`], faster at
/// province scale).
pub fn export_json(campaign: &Campaign, ledger: &Ledger, device: &DeviceInfo, now: Stamp) -> Vec<u8> {
    /// The fields of [`ExportFile`] before `entries`, borrowed, in the same order.
    #[derive(Serialize)]
    struct Head<'a> {
        format: &'a str,
        version: u32,
        campaign: &'a str,
        generated_at: Stamp,
        device: &'a DeviceInfo,
        indicators: Vec<&'a str>,
        units: &'a [LocalUnit],
        targets: &'a [TargetSetting],
    }
    let head = Head {
        format: EXPORT_FORMAT,
        version: EXPORT_VERSION,
        campaign: &campaign.id,
        generated_at: now,
        device,
        indicators: campaign.indicators.iter().map(|i| i.id.as_str()).collect(),
        units: &ledger.units,
        targets: &ledger.targets,
    };
    let mut out = Vec::with_capacity(ledger.entries.len() * 170 + 4096);
    let _ = serde_json::to_writer(&mut out, &head);
    out.pop(); // the head's closing brace: entries and audit follow
    // The entries (nine in ten bytes of a province's export), each written by `write_entry`.
    out.extend_from_slice(b",\"entries\":[");
    for (i, entry) in ledger.entries.values().enumerate() {
        if i > 0 {
            out.push(b',');
        }
        write_entry(&mut out, entry);
    }
    out.extend_from_slice(b"],\"audit\":");
    let _ = serde_json::to_writer(&mut out, &ledger.audit);
    out.push(b'}');
    out
}

/// Writes `entry` as compact JSON, byte for byte what serde writes for [`Entry`] (tested),
/// without serde's per-field calls.
pub fn write_entry(out: &mut Vec<u8>, entry: &Entry) {
    let string = |out: &mut Vec<u8>, text: &str| {
        let _ = serde_json::to_writer(&mut *out, text);
    };
    out.extend_from_slice(b"{\"date\":\"");
    match crate::domain::vn_time::iso_bytes(entry.date) {
        Some(date) => out.extend_from_slice(&date),
        None => out.extend_from_slice(crate::domain::vn_time::format_iso(entry.date).as_bytes()),
    }
    out.extend_from_slice(b"\",\"unit\":");
    string(out, &entry.unit);
    out.extend_from_slice(b",\"counts\":{");
    for (i, (indicator, n)) in entry.counts.0.iter().enumerate() {
        if i > 0 {
            out.push(b',');
        }
        string(out, indicator);
        out.push(b':');
        let mut digits = [0u8; 20];
        let mut at = digits.len();
        let mut v = *n;
        loop {
            at -= 1;
            digits[at] = b'0' + (v % 10) as u8;
            v /= 10;
            if v == 0 {
                break;
            }
        }
        out.extend_from_slice(&digits[at..]);
    }
    out.extend_from_slice(b"},\"modified\":\"");
    out.extend_from_slice(&entry.modified.rfc3339_bytes());
    out.extend_from_slice(b"\",\"device\":");
    string(out, &entry.device);
    if let Some(staff) = &entry.staff {
        out.extend_from_slice(b",\"staff\":");
        string(out, staff);
    }
    if entry.outside_period {
        out.extend_from_slice(b",\"outside_period\":true");
    }
    out.push(b'}');
}

/// `hcm-q3-2023_2023-06-25_kiosk-1a2b.json` (or `.csv`).
pub fn file_name(campaign: &str, day: NaiveDate, device: &str, extension: &str) -> String {
    let device: String = device.chars().filter(|c| c.is_ascii_alphanumeric() || *c == '-').take(24).collect();
    format!("{campaign}_{}_{device}.{extension}", format_iso(day))
}

/// The oldest change made after the last export (or ever, if never exported).
pub fn oldest_unexported(ledger: &Ledger, last_export: Option<Stamp>) -> Option<Stamp> {
    let after = |s: &Stamp| last_export.is_none_or(|e| *s > e);
    let entries = ledger.entries.values().map(|e| e.modified);
    let units = ledger.units.iter().map(|u| u.modified);
    let targets = ledger.targets.iter().map(|t| t.modified);
    entries.chain(units).chain(targets).filter(after).min()
}

/// True when data not yet exported is more than a day old.
pub fn backup_due(ledger: &Ledger, last_export: Option<Stamp>, now: DateTime<FixedOffset>) -> bool {
    oldest_unexported(ledger, last_export).is_some_and(|s| now - s.0 > TimeDelta::days(1))
}

/// Whole days since `then` (0 today).
pub fn days_since(then: Stamp, now: DateTime<FixedOffset>) -> i64 {
    let today = crate::domain::vn_time::to_vietnam(now).date_naive();
    crate::domain::vn_time::days_between(crate::domain::vn_time::to_vietnam(then.0).date_naive(), today)
}

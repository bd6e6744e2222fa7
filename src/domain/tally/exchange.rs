//! The export file (JSON, versioned, schema in `schema/tally-export-v1.schema.json`),
//! the CSV export, and importing exports from other devices: checking, preview, merge.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};
use time::Date;

use super::ledger::{AuditRecord, Author, Change, Entry, EntryKey, Ledger, LocalUnit, TargetSetting};
use super::progress::{all_units, UnitLabel};
use super::stamp::{short, Stamp};
use super::store::audit_identity;
use super::validate::MAX_DAILY_COUNT;
use crate::domain::campaign::Campaign;
use crate::domain::vn_time::{add_days, format_iso};

/// The `format` field of every export.
pub const EXPORT_FORMAT: &str = "vneid-campaign-tally";
/// The export format version this build writes and reads.
pub const EXPORT_VERSION: u32 = 1;
/// Files above this size are refused before parsing.
pub const MAX_IMPORT_BYTES: usize = 40 * 1024 * 1024;
/// The longest text accepted in a file's names and labels.
pub const MAX_TEXT_CHARS: usize = 120;

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

/// `hcm-q3-2023_2023-06-25_kiosk-1a2b.json` (or `.csv`).
pub fn file_name(campaign: &str, day: Date, device: &str, extension: &str) -> String {
    let device: String = device.chars().filter(|c| c.is_ascii_alphanumeric() || *c == '-').take(24).collect();
    format!("{campaign}_{}_{device}.{extension}", format_iso(day))
}

/// Column titles of the CSV export, from the translation files.
pub struct CsvLabels<'a> {
    /// "Ngày" / "Date".
    pub date: &'a str,
    /// "Mã đơn vị" / "Unit id".
    pub unit_id: &'a str,
    /// "Đơn vị" / "Unit".
    pub unit: &'a str,
}

/// CSV, UTF-8 with a byte-order mark: one row per date and unit, one column per indicator.
pub fn to_csv(campaign: &Campaign, ledger: &Ledger, labels: &CsvLabels, lang: crate::domain::text::Lang) -> String {
    let units = all_units(campaign, ledger);
    let mut writer = csv::WriterBuilder::new().terminator(csv::Terminator::CRLF).from_writer(Vec::new());
    let mut header = vec![labels.date.to_string(), labels.unit_id.to_string(), labels.unit.to_string()];
    header.extend(campaign.indicators.iter().map(|i| i.name.get(lang).to_string()));
    let _ = writer.write_record(&header);
    for entry in ledger.entries.values() {
        let name = units.iter().find(|u| u.id == entry.unit).map(|u| u.name(lang).to_string()).unwrap_or_default();
        let mut row = vec![format_iso(entry.date), entry.unit.clone(), name];
        row.extend(campaign.indicators.iter().map(|i| entry.counts.0.get(&i.id).map(|n| n.to_string()).unwrap_or_default()));
        let _ = writer.write_record(&row);
    }
    let bytes = writer.into_inner().unwrap_or_default();
    format!("\u{feff}{}", String::from_utf8(bytes).unwrap_or_default())
}

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
    OutsidePeriod(Date),
    /// The same (date, unit) twice in one file.
    DuplicateEntry(Date, String),
    /// The same unit id twice.
    DuplicateUnit(String),
    /// Text that is empty, too long, or holds control characters or `<` `>`.
    BadText,
    /// A unit id that is not lowercase letters, digits and `-`.
    BadId(String),
    /// A target that names an unknown phase.
    UnknownPhase(String),
    /// A change time later than the file itself (a day of clock error is allowed).
    AfterExport,
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

fn text_ok(s: &str) -> bool {
    !s.trim().is_empty() && s.chars().count() <= MAX_TEXT_CHARS && !s.chars().any(|c| c.is_control() || c == '<' || c == '>')
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
    let export: ExportFile = serde_path_to_error::deserialize(&mut de)
        .map_err(|e| fail(e.path().to_string(), Problem::Invalid(short_error(e.inner()))))?;
    de.end().map_err(|e| fail(String::new(), Problem::NotJson(e.line(), e.column())))?;
    check_export(&export, campaign, ledger).map_err(|(place, problem)| fail(place, problem))?;
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
    // No change can be newer than the file that carries it (a day of clock error allowed):
    // a far-future time would otherwise win every "newest" merge.
    let latest_time = export.generated_at.0 + time::Duration::days(1);
    let times = export.entries.iter().enumerate().map(|(i, e)| (format!("entries[{i}].modified"), e.modified))
        .chain(export.audit.iter().enumerate().map(|(i, a)| (format!("audit[{i}].at"), a.at)))
        .chain(export.units.iter().enumerate().map(|(i, u)| (format!("units[{i}].modified"), u.modified)))
        .chain(export.targets.iter().enumerate().map(|(i, t)| (format!("targets[{i}].modified"), t.modified)));
    for (place, stamp) in times {
        if stamp.0 > latest_time {
            return Err((place, Problem::AfterExport));
        }
    }
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
        let expected_key = match t.key.strip_prefix("campaign:").and_then(|n| n.parse::<usize>().ok()) {
            Some(n) => campaign.targets.get(n).map(|ct| ct.indicator == t.indicator && ct.unit == t.unit && ct.phase == t.phase).unwrap_or(false),
            None => t.key == TargetSetting::local_key(&t.indicator, t.unit.as_deref(), t.phase.as_deref()),
        };
        if !expected_key {
            return Err((format!("{place}.key"), Problem::Invalid(format!("\"{}\" does not match this target", short(&t.key)))));
        }
        if t.count > MAX_DAILY_COUNT * 10_000 {
            return Err((format!("{place}.count"), Problem::CountTooLarge(t.count)));
        }
        if !id_ok(&t.device) {
            return Err((format!("{place}.device"), Problem::BadId(short(&t.device))));
        }
    }
    let earliest = add_days(campaign.period.start, -366);
    let latest = add_days(campaign.period.end, 366);
    let mut seen: BTreeMap<EntryKey, ()> = BTreeMap::new();
    for (i, e) in export.entries.iter().enumerate() {
        let place = format!("entries[{i}]");
        check_record(&place, e.date, &e.unit, &e.device, e.staff.as_deref(), &known, (earliest, latest))?;
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
        check_record(&place, a.date, &a.unit, &a.device, a.staff.as_deref(), &known, (earliest, latest))?;
        check_counts(&format!("{place}.old"), &a.old.0, &indicator_known)?;
        check_counts(&format!("{place}.new"), &a.new.0, &indicator_known)?;
        if a.reason.as_deref().is_some_and(|r| !text_ok(r)) {
            return Err((format!("{place}.reason"), Problem::BadText));
        }
    }
    Ok(())
}

fn check_record(place: &str, date: Date, unit: &str, device: &str, staff: Option<&str>, known: &[String], range: (Date, Date)) -> Result<(), (String, Problem)> {
    if date < range.0 || date > range.1 {
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

/// How to settle an entry that differs between this device and a file.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Policy {
    /// Keep this device's counts.
    KeepMine,
    /// Take the file's counts (the old ones go to the audit trail).
    TakeTheirs,
    /// Take whichever was saved last (this device's on a tie).
    Newest,
}

/// The same (date, unit) with different counts here and in a file.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Conflict {
    /// This device's entry.
    pub mine: Entry,
    /// The file's entry.
    pub theirs: Entry,
    /// The file it comes from.
    pub file: String,
}

/// Per-unit counts of what an import brings.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct UnitSummary {
    /// Unit id.
    pub unit: String,
    /// Entries this device does not have.
    pub new: usize,
    /// Entries this device has with the same counts.
    pub identical: usize,
    /// Entries with different counts.
    pub conflicts: usize,
}

/// What importing a set of files would do, before anything is written.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct MergePreview {
    /// The files, in order.
    pub files: Vec<String>,
    /// Entries to add.
    pub new_entries: Vec<Entry>,
    /// How many entries are already here, identical.
    pub identical: usize,
    /// Entries to settle.
    pub conflicts: Vec<Conflict>,
    /// Per unit, in the order of the campaign's units.
    pub per_unit: Vec<UnitSummary>,
    /// Units to add or rename.
    pub units: Vec<LocalUnit>,
    /// Targets to add or update (the newest setting wins).
    pub targets: Vec<TargetSetting>,
    /// Audit records this device does not have.
    pub audit: Vec<AuditRecord>,
}

impl MergePreview {
    /// Compares checked files with this device's data. Files are folded in order; where two
    /// files disagree on an entry, the newest wins before comparing with this device.
    pub fn build(campaign: &Campaign, ledger: &Ledger, files: &[(String, ExportFile)]) -> MergePreview {
        let mut incoming: BTreeMap<EntryKey, (Entry, String)> = BTreeMap::new();
        let mut units: BTreeMap<String, LocalUnit> = BTreeMap::new();
        let mut targets: BTreeMap<String, TargetSetting> = BTreeMap::new();
        let mut audit: Vec<AuditRecord> = Vec::new();
        for (name, export) in files {
            for e in &export.entries {
                match incoming.get(&e.key()) {
                    Some((held, _)) if held.modified >= e.modified => {}
                    _ => {
                        incoming.insert(e.key(), (e.clone(), name.clone()));
                    }
                }
            }
            for u in &export.units {
                if units.get(&u.id).is_none_or(|held| held.modified < u.modified) {
                    units.insert(u.id.clone(), u.clone());
                }
            }
            for t in &export.targets {
                if targets.get(&t.key).is_none_or(|held| held.modified < t.modified) {
                    targets.insert(t.key.clone(), t.clone());
                }
            }
            for a in &export.audit {
                let id = audit_identity(a);
                if !audit.iter().any(|x| audit_identity(x) == id) && !ledger.audit.iter().any(|x| audit_identity(x) == id) {
                    audit.push(a.clone());
                }
            }
        }
        let mut preview = MergePreview { files: files.iter().map(|(n, _)| n.clone()).collect(), ..Default::default() };
        let mut per_unit: BTreeMap<String, UnitSummary> = BTreeMap::new();
        for (key, (theirs, file)) in incoming {
            let summary = per_unit.entry(key.1.clone()).or_insert_with(|| UnitSummary { unit: key.1.clone(), ..Default::default() });
            match ledger.entries.get(&key) {
                None => {
                    summary.new += 1;
                    preview.new_entries.push(theirs);
                }
                Some(mine) if mine.counts == theirs.counts => {
                    summary.identical += 1;
                    preview.identical += 1;
                }
                Some(mine) => {
                    summary.conflicts += 1;
                    preview.conflicts.push(Conflict { mine: mine.clone(), theirs, file });
                }
            }
        }
        let order = all_units(campaign, ledger);
        let position = |id: &str| order.iter().position(|u: &UnitLabel| u.id == id).unwrap_or(usize::MAX);
        let mut summaries: Vec<UnitSummary> = per_unit.into_values().collect();
        summaries.sort_by_key(|s| (position(&s.unit), s.unit.clone()));
        preview.per_unit = summaries;
        preview.units = units
            .into_values()
            .filter(|u| match ledger.units.iter().find(|x| x.id == u.id) {
                Some(mine) => mine.name != u.name && mine.modified < u.modified,
                None => true,
            })
            .collect();
        preview.targets = targets
            .into_values()
            .filter(|t| match ledger.targets.iter().find(|x| x.key == t.key) {
                Some(mine) => mine.count != t.count && mine.modified < t.modified,
                None => true,
            })
            .collect();
        preview.audit = audit;
        preview
    }

    /// True when applying would change nothing.
    pub fn is_empty(&self) -> bool {
        self.new_entries.is_empty() && self.conflicts.is_empty() && self.units.is_empty() && self.targets.is_empty() && self.audit.is_empty()
    }

    /// The batch to write, with `policy(i)` settling the i-th conflict.
    pub fn changes(&self, policy: impl Fn(usize) -> Policy, author: &Author) -> Vec<Change> {
        let mut changes: Vec<Change> = Vec::new();
        changes.extend(self.units.iter().cloned().map(Change::PutUnit));
        changes.extend(self.targets.iter().cloned().map(Change::PutTarget));
        changes.extend(self.new_entries.iter().cloned().map(Change::PutEntry));
        changes.extend(self.audit.iter().cloned().map(Change::AddAudit));
        for (i, c) in self.conflicts.iter().enumerate() {
            let take = match policy(i) {
                Policy::KeepMine => false,
                Policy::TakeTheirs => true,
                Policy::Newest => c.theirs.modified > c.mine.modified,
            };
            if take {
                changes.push(Change::PutEntry(c.theirs.clone()));
                changes.push(Change::AddAudit(AuditRecord {
                    at: author.at,
                    device: author.device.clone(),
                    staff: author.staff.clone(),
                    date: c.mine.date,
                    unit: c.mine.unit.clone(),
                    old: c.mine.counts.clone(),
                    new: c.theirs.counts.clone(),
                    reason: Some(format!("import {} ({})", short(&c.file), c.theirs.device)),
                }));
            }
        }
        changes
    }
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
pub fn backup_due(ledger: &Ledger, last_export: Option<Stamp>, now: time::OffsetDateTime) -> bool {
    oldest_unexported(ledger, last_export).is_some_and(|s| now - s.0 > time::Duration::days(1))
}

/// Whole days since `then` (0 today).
pub fn days_since(then: Stamp, now: time::OffsetDateTime) -> i64 {
    let today = crate::domain::vn_time::to_vietnam(now).date();
    (today - crate::domain::vn_time::to_vietnam(then.0).date()).whole_days()
}

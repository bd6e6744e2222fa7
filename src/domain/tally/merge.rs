//! Merging checked export files into this device's data: the preview (new entries,
//! conflicts with every differing version, units, targets, audit records) and the batch
//! that applies it.
//!
//! Merging does not depend on the order of the files: where files disagree, every version
//! is kept in the preview, and "newest" is one total order (time, then device, then the
//! counts), so two devices that import each other's files end with the same counts.

use std::collections::BTreeMap;

use super::export::ExportFile;
use super::ledger::{AuditRecord, Author, Change, Counts, Entry, EntryKey, Expected, Ledger, LocalUnit, TargetSetting};
use super::progress::{all_units, UnitLabel};
use super::store::audit_identity;
use super::validate::to_safe_text;
use crate::domain::campaign::Campaign;

/// How to settle an entry whose versions differ.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Policy {
    /// Keep this device's counts (nothing is written).
    KeepMine,
    /// Take the n-th version from the files (newest first); the replaced counts go to the audit trail.
    Take(usize),
    /// Take whichever version is newest in the one order every device uses.
    Newest,
}

/// One version of an entry in the files, with the file it comes from.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Version {
    /// The entry.
    pub entry: Entry,
    /// The file holding it (the first in name order when several hold the same counts).
    pub file: String,
}

/// The same (date, unit) with different counts here and in a file, or in two files.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Conflict {
    /// This device's entry, if it has one.
    pub mine: Option<Entry>,
    /// Every version from the files that differs from this device's, newest first.
    pub theirs: Vec<Version>,
}

impl Conflict {
    /// The (date, unit) of the conflict.
    pub fn key(&self) -> EntryKey {
        self.theirs[0].entry.key()
    }

    /// The entry a policy chooses, or `None` when this device's stays.
    pub fn chosen(&self, policy: Policy) -> Option<&Version> {
        match policy {
            Policy::KeepMine => None,
            Policy::Take(i) => self.theirs.get(i),
            Policy::Newest => {
                let best = &self.theirs[0];
                match &self.mine {
                    Some(mine) if mine.newest_order() >= best.entry.newest_order() => None,
                    _ => Some(best),
                }
            }
        }
    }
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
    /// Entries to add (this device has none for the day and unit, and the files agree).
    pub new_entries: Vec<Entry>,
    /// How many entries are already here, identical.
    pub identical: usize,
    /// Entries to settle, by date then unit.
    pub conflicts: Vec<Conflict>,
    /// Per unit, in the order of the campaign's units.
    pub per_unit: Vec<UnitSummary>,
    /// Units to add or rename (the newest name wins).
    pub units: Vec<LocalUnit>,
    /// Targets to add or update (the newest setting wins).
    pub targets: Vec<TargetSetting>,
    /// Audit records this device does not have.
    pub audit: Vec<AuditRecord>,
    /// What this device held for everything the batch writes, checked when it is written.
    expected: Vec<Expected>,
}

/// Keeps, per key, the newest of `item`s by `order`.
fn keep_newest<K: Ord, T: Clone, O: Ord>(into: &mut BTreeMap<K, T>, key: K, item: &T, order: impl Fn(&T) -> O) {
    match into.get(&key) {
        Some(held) if order(held) >= order(item) => {}
        _ => {
            into.insert(key, item.clone());
        }
    }
}

impl MergePreview {
    /// Compares checked files with this device's data.
    pub fn build(campaign: &Campaign, ledger: &Ledger, files: &[(String, ExportFile)]) -> MergePreview {
        // Every distinct version (by counts) of each entry, whichever file brings it.
        let mut versions: BTreeMap<EntryKey, BTreeMap<Counts, Version>> = BTreeMap::new();
        let mut units: BTreeMap<String, LocalUnit> = BTreeMap::new();
        let mut targets: BTreeMap<String, TargetSetting> = BTreeMap::new();
        let mut audit: BTreeMap<(String, String, String, String), AuditRecord> = BTreeMap::new();
        for (name, export) in files {
            for e in &export.entries {
                let slot = versions.entry(e.key()).or_default();
                let candidate = Version { entry: e.clone(), file: name.clone() };
                match slot.get(&e.counts) {
                    Some(held) if (held.entry.newest_order(), std::cmp::Reverse(&held.file)) >= (e.newest_order(), std::cmp::Reverse(name)) => {}
                    _ => {
                        slot.insert(e.counts.clone(), candidate);
                    }
                }
            }
            for u in &export.units {
                keep_newest(&mut units, u.id.clone(), u, |x| (x.modified, x.device.clone(), x.name.clone()));
            }
            for t in &export.targets {
                keep_newest(&mut targets, t.key.clone(), t, |x| (x.modified, x.device.clone(), x.count));
            }
            for a in &export.audit {
                let id = audit_identity(a);
                if !ledger.audit.iter().any(|x| audit_identity(x) == id) {
                    keep_newest(&mut audit, id, a, |x| format!("{x:?}"));
                }
            }
        }
        let mut preview = MergePreview { files: files.iter().map(|(n, _)| n.clone()).collect(), ..Default::default() };
        let mut per_unit: BTreeMap<String, UnitSummary> = BTreeMap::new();
        for (key, by_counts) in versions {
            let summary = per_unit.entry(key.1.clone()).or_insert_with(|| UnitSummary { unit: key.1.clone(), ..Default::default() });
            let mine = ledger.entries.get(&key);
            let mut theirs: Vec<Version> = by_counts.into_values().filter(|v| mine.is_none_or(|m| m.counts != v.entry.counts)).collect();
            theirs.sort_by(|a, b| b.entry.newest_order().cmp(&a.entry.newest_order()));
            match (mine, theirs.len()) {
                (Some(_), 0) => {
                    summary.identical += 1;
                    preview.identical += 1;
                }
                (None, 1) => {
                    summary.new += 1;
                    preview.expected.push(Expected::Entry(key, None));
                    preview.new_entries.push(theirs.remove(0).entry);
                }
                _ => {
                    summary.conflicts += 1;
                    preview.expected.push(Expected::Entry(key, mine.cloned()));
                    preview.conflicts.push(Conflict { mine: mine.cloned(), theirs });
                }
            }
        }
        let order = all_units(campaign, ledger);
        let position = |id: &str| order.iter().position(|u: &UnitLabel| u.id == id).unwrap_or(usize::MAX);
        let mut summaries: Vec<UnitSummary> = per_unit.into_values().collect();
        summaries.sort_by_key(|s| (position(&s.unit), s.unit.clone()));
        preview.per_unit = summaries;
        for u in units.into_values() {
            let mine = ledger.units.iter().find(|x| x.id == u.id);
            if mine.is_none_or(|m| m.name != u.name && m.newest_order() < u.newest_order()) {
                preview.expected.push(Expected::Unit(u.id.clone(), mine.cloned()));
                preview.units.push(u);
            }
        }
        for t in targets.into_values() {
            let mine = ledger.targets.iter().find(|x| x.key == t.key);
            if mine.is_none_or(|m| m.count != t.count && m.newest_order() < t.newest_order()) {
                preview.expected.push(Expected::Target(t.key.clone(), mine.cloned()));
                preview.targets.push(t);
            }
        }
        preview.audit = audit.into_values().collect();
        preview.audit.sort_by(|a, b| a.at.cmp(&b.at).then_with(|| audit_identity(a).cmp(&audit_identity(b))));
        preview
    }

    /// True when applying would change nothing.
    pub fn is_empty(&self) -> bool {
        self.new_entries.is_empty() && self.conflicts.is_empty() && self.units.is_empty() && self.targets.is_empty() && self.audit.is_empty()
    }

    /// The batch to write, with `policy(i)` settling the i-th conflict. The batch expects
    /// this device's data to be what the preview was built from.
    pub fn changes(&self, policy: impl Fn(usize) -> Policy, author: &Author) -> Vec<Change> {
        let mut changes: Vec<Change> = self.expected.iter().cloned().map(Change::Expect).collect();
        changes.extend(self.units.iter().cloned().map(Change::PutUnit));
        changes.extend(self.targets.iter().cloned().map(Change::PutTarget));
        changes.extend(self.new_entries.iter().cloned().map(Change::PutEntry));
        changes.extend(self.audit.iter().cloned().map(Change::AddAudit));
        for (i, c) in self.conflicts.iter().enumerate() {
            let Some(chosen) = c.chosen(policy(i)) else { continue };
            let (date, unit) = c.key();
            changes.push(Change::PutEntry(chosen.entry.clone()));
            // The counts replaced: this device's, or, when it had none, the versions not taken.
            let old = match &c.mine {
                Some(mine) => mine.counts.clone(),
                None => c.theirs.iter().find(|v| v.entry.counts != chosen.entry.counts).map(|v| v.entry.counts.clone()).unwrap_or_default(),
            };
            let file = to_safe_text(&chosen.file, 60, "?");
            changes.push(Change::AddAudit(AuditRecord {
                at: author.at,
                device: author.device.clone(),
                staff: author.staff.clone(),
                date,
                unit,
                old,
                new: chosen.entry.counts.clone(),
                reason: Some(to_safe_text(&format!("import {file} ({})", chosen.entry.device), super::validate::MAX_TEXT_CHARS, "import")),
            }));
        }
        changes
    }
}

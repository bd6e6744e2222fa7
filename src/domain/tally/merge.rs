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

/// A unit in a file whose id is already used here (or in another file) by a unit that
/// another device added: the same name by chance, or the same unit. Staff choose.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct UnitClash {
    /// The file holding the other unit.
    pub file: String,
    /// That file's unit.
    pub theirs: LocalUnit,
    /// The unit already known under the id (this device's, or an earlier file's).
    pub known: LocalUnit,
}

/// Every unit of `files` whose id is taken by a unit from another device, in file order.
pub fn unit_clashes(ledger: &Ledger, files: &[(String, ExportFile)]) -> Vec<UnitClash> {
    let mut known: BTreeMap<String, LocalUnit> = ledger.units.iter().map(|u| (u.id.clone(), u.clone())).collect();
    let mut out = Vec::new();
    for (name, export) in files {
        for u in &export.units {
            match known.get(&u.id) {
                Some(k) if k.device != u.device => out.push(UnitClash { file: name.clone(), theirs: u.clone(), known: k.clone() }),
                Some(_) => {}
                None => {
                    known.insert(u.id.clone(), u.clone());
                }
            }
        }
    }
    out
}

/// Imports `unit` of `export` as a unit of its own: an id made from the old one and its
/// device, used by its entries, audit records and targets, and its name followed by the
/// device. When a unit of that device was kept apart the same way before (it is in
/// `known`), its id is used again, so importing the same file twice adds nothing;
/// otherwise the id is one not in `taken`. Returns the id.
pub fn separate_unit(export: &mut ExportFile, unit: &str, known: &[LocalUnit], taken: &[String]) -> String {
    let Some(original) = export.units.iter().find(|u| u.id == unit).cloned() else { return unit.to_string() };
    let stem = format!("{unit}-{}", super::progress::device_suffix(&original.device));
    let mut id = stem.clone();
    let mut n = 2;
    loop {
        let same_unit_before = known.iter().any(|k| k.id == id && k.device == original.device);
        let free = !taken.contains(&id) && !export.units.iter().any(|u| u.id == id);
        if same_unit_before || free {
            break;
        }
        id = format!("{stem}-{n}");
        n += 1;
    }
    let name = to_safe_text(&format!("{} ({})", original.name, original.device), super::validate::MAX_TEXT_CHARS, &original.name);
    for u in export.units.iter_mut().filter(|u| u.id == unit) {
        u.id = id.clone();
        u.name = name.clone();
    }
    for e in export.entries.iter_mut().filter(|e| e.unit == unit) {
        e.unit = id.clone();
    }
    for a in export.audit.iter_mut().filter(|a| a.unit == unit) {
        a.unit = id.clone();
    }
    for t in export.targets.iter_mut().filter(|t| t.unit.as_deref() == Some(unit)) {
        t.unit = Some(id.clone());
        *t = t.clone().normalised();
    }
    id
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::tally::export::DeviceInfo;
    use crate::domain::tally::ledger::Counts;
    use crate::domain::tally::stamp::Stamp;
    use crate::domain::vn_time::{vn_at, ymd};

    fn unit(id: &str, name: &str, device: &str) -> LocalUnit {
        LocalUnit { id: id.into(), name: name.into(), modified: Stamp::new(vn_at(ymd(2023, 6, 20), 8, 0)), device: device.into() }
    }

    #[test]
    fn a_unit_from_another_device_with_the_same_id_is_a_choice_and_can_stay_separate() {
        let campaign = Campaign::from_json(&std::fs::read_to_string(format!("{}/tests/fixtures/campaigns/hcm-q3-2023.json", env!("CARGO_MANIFEST_DIR"))).unwrap()).unwrap();
        let mut mine = Ledger::default();
        mine.apply(&[Change::PutUnit(unit("to-5", "Tổ 5", "d-aaaa"))]);
        let author = Author { device: "d-bbbb".into(), staff: None, at: Stamp::new(vn_at(ymd(2023, 6, 21), 17, 0)) };
        let mut theirs = Ledger::default();
        theirs.apply(&[Change::PutUnit(unit("to-5", "Tổ 5", "d-bbbb"))]);
        let plan = theirs.plan_save(ymd(2023, 6, 21), "to-5", Counts::from_pairs([("applications", 9)]), false, &author, None);
        theirs.apply(&plan.changes);
        let file = ExportFile::build(&campaign, &theirs, DeviceInfo { id: "d-bbbb".into(), label: None }, author.at);
        let mut files = vec![("b.json".to_string(), file)];
        let clashes = unit_clashes(&mine, &files);
        assert_eq!(clashes.len(), 1);
        assert_eq!((clashes[0].known.device.as_str(), clashes[0].theirs.device.as_str()), ("d-aaaa", "d-bbbb"));
        // Kept separate: the file's unit and its entry move to a new id; this device's unit is untouched.
        let taken: Vec<String> = mine.units.iter().map(|u| u.id.clone()).collect();
        let original = files[0].1.clone();
        let id = separate_unit(&mut files[0].1, "to-5", &mine.units, &taken);
        assert_eq!(id, "to-5-dbbbb");
        assert_eq!(files[0].1.units[0].name, "Tổ 5 (d-bbbb)", "told apart by name too");
        assert!(unit_clashes(&mine, &files).is_empty());
        let preview = MergePreview::build(&campaign, &mine, &files);
        assert_eq!(preview.units.iter().map(|u| u.id.as_str()).collect::<Vec<_>>(), vec!["to-5-dbbbb"]);
        assert_eq!(preview.new_entries[0].unit, "to-5-dbbbb");
        let mut merged = mine.clone();
        merged.apply(&preview.changes(|_| Policy::Newest, &author));
        assert_eq!(merged.entry(ymd(2023, 6, 21), "to-5"), None);
        assert_eq!(merged.entry(ymd(2023, 6, 21), "to-5-dbbbb").unwrap().counts.get("applications"), 9);
        assert_eq!(merged.units.len(), 2);

        // The same file again, kept apart again: the unit made last time is used, nothing new.
        let mut again = vec![("b.json".to_string(), original)];
        assert_eq!(unit_clashes(&merged, &again).len(), 1);
        let taken: Vec<String> = merged.units.iter().map(|u| u.id.clone()).collect();
        assert_eq!(separate_unit(&mut again[0].1, "to-5", &merged.units, &taken), "to-5-dbbbb");
        let preview = MergePreview::build(&campaign, &merged, &again);
        assert!(preview.is_empty(), "{preview:?}");
    }
}

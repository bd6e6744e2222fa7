//! What one device holds for one campaign: daily entries, their audit trail,
//! the units staff added and the targets they set. Only counts, never people.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};
use chrono::NaiveDate;

use super::stamp::Stamp;
use crate::domain::vn_time::iso_date;

/// Counts by indicator id. Duplicate ids in a file are refused.
#[derive(Clone, Debug, Default, PartialEq, Eq, PartialOrd, Ord, Serialize)]
pub struct Counts(pub BTreeMap<String, u64>);

impl Counts {
    /// The count for `indicator` (0 when absent).
    pub fn get(&self, indicator: &str) -> u64 {
        self.0.get(indicator).copied().unwrap_or(0)
    }

    /// Builds counts from pairs.
    pub fn from_pairs<'a>(pairs: impl IntoIterator<Item = (&'a str, u64)>) -> Counts {
        Counts(pairs.into_iter().map(|(k, v)| (k.to_string(), v)).collect())
    }
}

impl<'de> Deserialize<'de> for Counts {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Counts, D::Error> {
        struct Visitor;
        impl<'de> serde::de::Visitor<'de> for Visitor {
            type Value = Counts;
            fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
                f.write_str("an object of whole-number counts by indicator id")
            }
            fn visit_map<A: serde::de::MapAccess<'de>>(self, mut map: A) -> Result<Counts, A::Error> {
                let mut out = BTreeMap::new();
                while let Some((key, value)) = map.next_entry::<String, u64>()? {
                    if out.insert(key.clone(), value).is_some() {
                        return Err(serde::de::Error::custom(format!("indicator \"{}\" appears twice", super::stamp::short(&key))));
                    }
                }
                Ok(Counts(out))
            }
        }
        d.deserialize_map(Visitor)
    }
}

/// Who makes a change, and when.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Author {
    /// This device's id.
    pub device: String,
    /// The staff member's name, if they gave one.
    pub staff: Option<String>,
    /// The time of the change.
    pub at: Stamp,
}

/// One day's counts for one unit.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Entry {
    /// The day counted (Vietnam time).
    #[serde(with = "iso_date")]
    pub date: NaiveDate,
    /// Unit id.
    pub unit: String,
    /// Counts by indicator id.
    pub counts: Counts,
    /// When it was last saved.
    pub modified: Stamp,
    /// The device that saved it.
    pub device: String,
    /// Who saved it, if they gave a name.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub staff: Option<String>,
    /// True when saved for a day outside the campaign period on purpose.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub outside_period: bool,
}

impl Entry {
    /// The (date, unit) key.
    pub fn key(&self) -> EntryKey {
        (self.date, self.unit.clone())
    }
}

/// Entries are unique per (date, unit).
pub type EntryKey = (NaiveDate, String);

/// A record of an entry being replaced.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct AuditRecord {
    /// When the change was made.
    pub at: Stamp,
    /// The device that made it.
    pub device: String,
    /// Who made it, if they gave a name.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub staff: Option<String>,
    /// The day of the entry.
    #[serde(with = "iso_date")]
    pub date: NaiveDate,
    /// The unit of the entry.
    pub unit: String,
    /// The counts before.
    pub old: Counts,
    /// The counts after.
    pub new: Counts,
    /// Why, if given.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub reason: Option<String>,
}

/// A unit staff added (a real ward, team or group of the deployment).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct LocalUnit {
    /// Identifier, unique in the campaign.
    pub id: String,
    /// Its name as staff typed it.
    pub name: String,
    /// When it was added or renamed.
    pub modified: Stamp,
    /// The device that added it.
    pub device: String,
}

/// A target count set on a device, replacing the campaign file's target for the same
/// indicator, unit and phase, or adding one.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct TargetSetting {
    /// What the target is: [`TargetSetting::key_for`] of its indicator, unit and phase.
    /// (Files and databases of earlier versions may hold `campaign:<n>` or `local:…`;
    /// [`TargetSetting::normalised`] rewrites them.)
    pub key: String,
    /// Indicator id.
    pub indicator: String,
    /// Unit id; absent for the whole campaign.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub unit: Option<String>,
    /// Phase id; absent for the whole period.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub phase: Option<String>,
    /// The count to reach.
    pub count: u64,
    /// When it was set.
    pub modified: Stamp,
    /// The device that set it.
    pub device: String,
}

impl TargetSetting {
    /// The key of a target: what it counts, where and when (`target:<indicator>:<unit|*>:<phase|*>`),
    /// never its position in the campaign file.
    pub fn key_for(indicator: &str, unit: Option<&str>, phase: Option<&str>) -> String {
        format!("target:{indicator}:{}:{}", unit.unwrap_or("*"), phase.unwrap_or("*"))
    }

    /// The same setting with its key made from its own fields.
    pub fn normalised(mut self) -> TargetSetting {
        self.key = TargetSetting::key_for(&self.indicator, self.unit.as_deref(), self.phase.as_deref());
        self
    }

    /// The order "newest" uses, the same on every device: time, then device, then count.
    pub fn newest_order(&self) -> (Stamp, &str, u64) {
        (self.modified, self.device.as_str(), self.count)
    }
}

/// Target settings with their keys made from their fields; where two end up with the same
/// key (an old `campaign:<n>` record and a new one), the newest is kept.
pub fn normalise_targets(targets: Vec<TargetSetting>) -> Vec<TargetSetting> {
    let mut by_key: BTreeMap<String, TargetSetting> = BTreeMap::new();
    for t in targets.into_iter().map(TargetSetting::normalised) {
        match by_key.get(&t.key) {
            Some(held) if held.newest_order() >= t.newest_order() => {}
            _ => {
                by_key.insert(t.key.clone(), t);
            }
        }
    }
    by_key.into_values().collect()
}

impl Entry {
    /// The order "newest" uses, the same on every device: time, then device, then counts.
    pub fn newest_order(&self) -> (Stamp, &str, &BTreeMap<String, u64>, Option<&str>, bool) {
        (self.modified, self.device.as_str(), &self.counts.0, self.staff.as_deref(), self.outside_period)
    }
}

impl LocalUnit {
    /// The order "newest" uses, the same on every device: time, then device, then name.
    pub fn newest_order(&self) -> (Stamp, &str, &str) {
        (self.modified, self.device.as_str(), self.name.as_str())
    }
}

/// What a write expects to find stored, checked inside the same transaction as the write:
/// a batch planned from data another tab has since changed is refused, not written over it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Expected {
    /// The entry for this (date, unit) is exactly this one, or absent.
    Entry(EntryKey, Option<Entry>),
    /// The unit with this id is exactly this one, or absent.
    Unit(String, Option<LocalUnit>),
    /// The target setting with this key is exactly this one, or absent.
    Target(String, Option<TargetSetting>),
}

impl Expected {
    /// True when `ledger` (what is stored) matches the expectation.
    pub fn holds(&self, ledger: &Ledger) -> bool {
        match self {
            Expected::Entry(key, e) => ledger.entries.get(key) == e.as_ref(),
            Expected::Unit(id, u) => ledger.units.iter().find(|x| &x.id == id) == u.as_ref(),
            Expected::Target(key, t) => ledger.targets.iter().find(|x| &x.key == key) == t.as_ref(),
        }
    }

    /// A short description for the message shown when it does not hold.
    pub fn describe(&self) -> String {
        match self {
            Expected::Entry((date, unit), _) => format!("{} {unit}", crate::domain::vn_time::format_iso(*date)),
            Expected::Unit(id, _) => id.clone(),
            Expected::Target(key, _) => key.clone(),
        }
    }
}

/// One stored change; a batch of them is written all or nothing.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Change {
    /// Insert or replace the entry for its (date, unit).
    PutEntry(Entry),
    /// Append an audit record.
    AddAudit(AuditRecord),
    /// Insert or replace a local unit.
    PutUnit(LocalUnit),
    /// Insert or replace a target setting.
    PutTarget(TargetSetting),
    /// Write nothing, but refuse the whole batch unless what is stored matches.
    Expect(Expected),
    /// Record what the sync server holds for a document (not part of the ledger).
    Mark(super::sync::SyncMark),
}

/// Everything stored for one campaign on this device.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Ledger {
    /// Entries by (date, unit).
    pub entries: BTreeMap<EntryKey, Entry>,
    /// Audit records, oldest first.
    pub audit: Vec<AuditRecord>,
    /// Units added on devices.
    pub units: Vec<LocalUnit>,
    /// Target settings.
    pub targets: Vec<TargetSetting>,
}

/// What saving a day's counts will do.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct SavePlan {
    /// The changes to store, in one batch.
    pub changes: Vec<Change>,
    /// The entry it replaces, if any.
    pub previous: Option<Entry>,
}

impl Ledger {
    /// Applies a batch that the store has written.
    pub fn apply(&mut self, changes: &[Change]) {
        for change in changes {
            match change {
                Change::PutEntry(e) => {
                    self.entries.insert(e.key(), e.clone());
                }
                Change::AddAudit(a) => self.audit.push(a.clone()),
                Change::PutUnit(u) => match self.units.iter_mut().find(|x| x.id == u.id) {
                    Some(slot) => *slot = u.clone(),
                    None => self.units.push(u.clone()),
                },
                Change::PutTarget(t) => match self.targets.iter_mut().find(|x| x.key == t.key) {
                    Some(slot) => *slot = t.clone(),
                    None => self.targets.push(t.clone()),
                },
                Change::Expect(_) | Change::Mark(_) => {}
            }
        }
    }

    /// The entry for a day and unit.
    pub fn entry(&self, date: NaiveDate, unit: &str) -> Option<&Entry> {
        self.entries.get(&(date, unit.to_string()))
    }

    /// Plans saving `counts` for (date, unit). Replacing different counts adds an
    /// audit record (old → new); saving identical counts changes nothing.
    pub fn plan_save(&self, date: NaiveDate, unit: &str, counts: Counts, outside_period: bool, author: &Author, reason: Option<String>) -> SavePlan {
        let previous = self.entry(date, unit).cloned();
        if previous.as_ref().is_some_and(|p| p.counts == counts) {
            return SavePlan { changes: Vec::new(), previous };
        }
        let entry = Entry {
            date,
            unit: unit.to_string(),
            counts: counts.clone(),
            modified: author.at,
            device: author.device.clone(),
            staff: author.staff.clone(),
            outside_period,
        };
        let mut changes = vec![Change::Expect(Expected::Entry((date, unit.to_string()), previous.clone())), Change::PutEntry(entry)];
        if let Some(old) = &previous {
            changes.push(Change::AddAudit(AuditRecord {
                at: author.at,
                device: author.device.clone(),
                staff: author.staff.clone(),
                date,
                unit: unit.to_string(),
                old: old.counts.clone(),
                new: counts,
                reason: reason.filter(|r| !r.trim().is_empty()),
            }));
        }
        SavePlan { changes, previous }
    }

    /// Plans storing a target setting, expecting the one this ledger holds for its key.
    pub fn plan_target(&self, setting: TargetSetting) -> Vec<Change> {
        let setting = setting.normalised();
        let held = self.targets.iter().find(|t| t.key == setting.key).cloned();
        vec![Change::Expect(Expected::Target(setting.key.clone(), held)), Change::PutTarget(setting)]
    }

    /// Plans storing a unit, expecting the one this ledger holds for its id.
    pub fn plan_unit(&self, unit: LocalUnit) -> Vec<Change> {
        let held = self.units.iter().find(|u| u.id == unit.id).cloned();
        vec![Change::Expect(Expected::Unit(unit.id.clone(), held)), Change::PutUnit(unit)]
    }

    /// Audit records for one (date, unit), newest first.
    pub fn history(&self, date: NaiveDate, unit: &str) -> Vec<&AuditRecord> {
        let mut out: Vec<_> = self.audit.iter().filter(|a| a.date == date && a.unit == unit).collect();
        out.sort_by(|a, b| b.at.cmp(&a.at));
        out
    }

    /// A stable digest of everything stored (for "nothing changed" checks).
    pub fn digest(&self) -> u64 {
        // FNV-1a over a canonical text form.
        let mut text = String::new();
        for e in self.entries.values() {
            text.push_str(&format!("{:?}\n", e));
        }
        for a in &self.audit {
            text.push_str(&format!("{:?}\n", a));
        }
        let mut units = self.units.clone();
        units.sort_by(|a, b| a.id.cmp(&b.id));
        let mut targets = self.targets.clone();
        targets.sort_by(|a, b| a.key.cmp(&b.key));
        text.push_str(&format!("{units:?}{targets:?}"));
        text.bytes().fold(0xcbf29ce484222325u64, |h, b| (h ^ b as u64).wrapping_mul(0x100000001b3))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::vn_time::{vn_at, ymd};

    fn author(device: &str, at: chrono::DateTime<chrono::FixedOffset>) -> Author {
        Author { device: device.into(), staff: Some("Lan".into()), at: Stamp::new(at) }
    }

    #[test]
    fn saving_over_an_entry_keeps_an_audit_record() {
        let mut ledger = Ledger::default();
        let day = ymd(2023, 6, 21);
        let first = ledger.plan_save(day, "ward-police", Counts::from_pairs([("applications", 40), ("activations", 12)]), false, &author("kiosk-a", vn_at(ymd(2023, 6, 21), 10, 0)), None);
        assert_eq!(first.previous, None);
        assert_eq!(first.changes.len(), 2, "an expectation (nothing stored) and the entry");
        ledger.apply(&first.changes);

        let same = ledger.plan_save(day, "ward-police", Counts::from_pairs([("applications", 40), ("activations", 12)]), false, &author("kiosk-b", vn_at(ymd(2023, 6, 21), 11, 0)), None);
        assert!(same.changes.is_empty(), "identical counts change nothing");

        let second = ledger.plan_save(day, "ward-police", Counts::from_pairs([("applications", 45), ("activations", 12)]), false, &author("kiosk-b", vn_at(ymd(2023, 6, 21), 17, 30)), Some("late forms".into()));
        assert_eq!(second.previous.as_ref().map(|p| p.counts.get("applications")), Some(40));
        ledger.apply(&second.changes);
        let e = ledger.entry(day, "ward-police").unwrap();
        assert_eq!(e.counts.get("applications"), 45);
        assert_eq!(e.device, "kiosk-b");
        let history = ledger.history(day, "ward-police");
        assert_eq!(history.len(), 1);
        assert_eq!(history[0].old.get("applications"), 40);
        assert_eq!(history[0].new.get("applications"), 45);
        assert_eq!(history[0].reason.as_deref(), Some("late forms"));
        assert_eq!(history[0].at.to_rfc3339(), "2023-06-21T17:30:00+07:00");
    }

    #[test]
    fn counts_refuse_duplicate_indicators() {
        let err = serde_json::from_str::<Counts>(r#"{"a": 1, "a": 2}"#).unwrap_err();
        assert!(err.to_string().contains("appears twice"), "{err}");
        assert!(serde_json::from_str::<Counts>(r#"{"a": -1}"#).is_err());
        assert!(serde_json::from_str::<Counts>(r#"{"a": 1.5}"#).is_err());
        assert_eq!(serde_json::from_str::<Counts>(r#"{"a": 3}"#).unwrap().get("a"), 3);
    }

    #[test]
    fn digest_changes_with_content_only() {
        let mut a = Ledger::default();
        let b = Ledger::default();
        assert_eq!(a.digest(), b.digest());
        let plan = a.plan_save(ymd(2023, 6, 21), "u", Counts::from_pairs([("x", 1)]), false, &author("d", vn_at(ymd(2023, 6, 21), 10, 0)), None);
        a.apply(&plan.changes);
        assert_ne!(a.digest(), b.digest());
    }
}

//! The one storage interface in front of IndexedDB. Domain code and native
//! tests use [`MemoryStore`]; the browser uses `web::idb_store::IdbStore`.

use std::cell::RefCell;
use std::collections::BTreeMap;
use std::fmt;

use super::ledger::{AuditRecord, Change, Ledger, LocalUnit, TargetSetting};
use super::sync::SyncMark;

/// Why the store could not do what was asked.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum StoreError {
    /// The database cannot be opened (private browsing, blocked, no IndexedDB).
    Unavailable(String),
    /// The device is out of storage space.
    QuotaExceeded,
    /// A record that must be unique already exists (the batch was not written).
    Duplicate(String),
    /// Another tab upgraded the database; reload to continue.
    VersionChanged,
    /// What the batch was planned from has changed since (another tab or window saved):
    /// nothing was written; reload the data and look again. Names the record.
    Stale(String),
    /// Anything else, with the browser's message.
    Failed(String),
}

impl fmt::Display for StoreError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            StoreError::Unavailable(m) => write!(f, "storage unavailable: {m}"),
            StoreError::QuotaExceeded => f.write_str("the device's storage is full"),
            StoreError::Duplicate(m) => write!(f, "duplicate record: {m}"),
            StoreError::VersionChanged => f.write_str("the database was upgraded by another tab"),
            StoreError::Stale(m) => write!(f, "changed elsewhere since it was shown: {m}"),
            StoreError::Failed(m) => f.write_str(m),
        }
    }
}

/// Stored data of every campaign on this device, plus small settings.
#[allow(async_fn_in_trait)]
pub trait TallyStore {
    /// Everything stored for `campaign`.
    async fn load(&self, campaign: &str) -> Result<Ledger, StoreError>;
    /// Writes a batch in one transaction: all of it, or nothing. Every [`Change::Expect`]
    /// is checked against what is stored inside that transaction; one that does not hold
    /// refuses the batch with [`StoreError::Stale`].
    async fn commit(&self, campaign: &str, changes: &[Change]) -> Result<(), StoreError>;
    /// How many entries and audit records are stored for `campaign`: every replaced entry
    /// adds an audit record, so equal numbers mean a ledger read earlier is still current
    /// (a cheap check before exporting it).
    async fn record_counts(&self, campaign: &str) -> Result<(usize, usize), StoreError>;
    /// The units and targets stored for `campaign` (a few records, read whole: a change of
    /// either adds no audit record, so [`TallyStore::record_counts`] cannot see it).
    async fn units_and_targets(&self, campaign: &str) -> Result<(Vec<LocalUnit>, Vec<TargetSetting>), StoreError>;
    /// The sync marks of `campaign` (what the server held at the last sync), by document.
    async fn sync_marks(&self, campaign: &str) -> Result<BTreeMap<String, SyncMark>, StoreError>;
    /// A setting (device id, device label, staff name, last export…).
    async fn meta(&self, key: &str) -> Result<Option<String>, StoreError>;
    /// Stores a setting.
    async fn set_meta(&self, key: &str, value: &str) -> Result<(), StoreError>;
}

/// The identity of an audit record: two records with it are the same record.
pub fn audit_identity(a: &AuditRecord) -> (String, String, String, String) {
    (a.at.to_rfc3339(), a.device.clone(), crate::domain::vn_time::format_iso(a.date), a.unit.clone())
}

/// A store in memory: used when IndexedDB cannot be opened, and by tests.
#[derive(Default)]
pub struct MemoryStore {
    ledgers: RefCell<BTreeMap<String, Ledger>>,
    marks: RefCell<BTreeMap<String, BTreeMap<String, SyncMark>>>,
    meta: RefCell<BTreeMap<String, String>>,
}

impl MemoryStore {
    /// An empty store.
    pub fn new() -> MemoryStore {
        MemoryStore::default()
    }
}

impl TallyStore for MemoryStore {
    async fn load(&self, campaign: &str) -> Result<Ledger, StoreError> {
        // Same order as IndexedDB's key order: units by id, targets by key.
        let mut ledger = self.ledgers.borrow().get(campaign).cloned().unwrap_or_default();
        ledger.units.sort_by(|a, b| a.id.cmp(&b.id));
        ledger.targets.sort_by(|a, b| a.key.cmp(&b.key));
        Ok(ledger)
    }

    async fn commit(&self, campaign: &str, changes: &[Change]) -> Result<(), StoreError> {
        let mut ledgers = self.ledgers.borrow_mut();
        let mut next = ledgers.get(campaign).cloned().unwrap_or_default();
        for change in changes {
            if let Change::Expect(expected) = change {
                if !expected.holds(&next) {
                    return Err(StoreError::Stale(expected.describe()));
                }
            }
            if let Change::AddAudit(a) = change {
                let id = audit_identity(a);
                if next.audit.iter().any(|x| audit_identity(x) == id) {
                    return Err(StoreError::Duplicate(format!("audit record {id:?}")));
                }
            }
            next.apply(std::slice::from_ref(change));
        }
        ledgers.insert(campaign.to_string(), next);
        let mut marks = self.marks.borrow_mut();
        let held = marks.entry(campaign.to_string()).or_default();
        for change in changes {
            if let Change::Mark(m) = change {
                held.insert(m.doc.clone(), m.clone());
            }
        }
        Ok(())
    }

    async fn record_counts(&self, campaign: &str) -> Result<(usize, usize), StoreError> {
        Ok(self.ledgers.borrow().get(campaign).map(|l| (l.entries.len(), l.audit.len())).unwrap_or((0, 0)))
    }

    async fn units_and_targets(&self, campaign: &str) -> Result<(Vec<LocalUnit>, Vec<TargetSetting>), StoreError> {
        let ledger = self.load(campaign).await?;
        Ok((ledger.units, ledger.targets))
    }

    async fn sync_marks(&self, campaign: &str) -> Result<BTreeMap<String, SyncMark>, StoreError> {
        Ok(self.marks.borrow().get(campaign).cloned().unwrap_or_default())
    }

    async fn meta(&self, key: &str) -> Result<Option<String>, StoreError> {
        Ok(self.meta.borrow().get(key).cloned())
    }

    async fn set_meta(&self, key: &str, value: &str) -> Result<(), StoreError> {
        self.meta.borrow_mut().insert(key.to_string(), value.to_string());
        Ok(())
    }
}

/// Runs a future that never waits on anything outside itself (the memory store).
pub fn block_on<F: std::future::Future>(future: F) -> F::Output {
    let mut future = std::pin::pin!(future);
    let mut cx = std::task::Context::from_waker(std::task::Waker::noop());
    loop {
        if let std::task::Poll::Ready(out) = future.as_mut().poll(&mut cx) {
            return out;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::tally::ledger::{Author, Counts};
    use crate::domain::tally::stamp::Stamp;
    use crate::domain::vn_time::{vn_at, ymd};

    #[test]
    fn a_failed_batch_changes_nothing() {
        let store = MemoryStore::new();
        let author = Author { device: "d1".into(), staff: None, at: Stamp::new(vn_at(ymd(2023, 6, 21), 10, 0)) };
        let ledger = block_on(store.load("c")).unwrap();
        let plan = ledger.plan_save(ymd(2023, 6, 21), "u", Counts::from_pairs([("a", 1)]), false, &author, None);
        block_on(store.commit("c", &plan.changes)).unwrap();
        let ledger = block_on(store.load("c")).unwrap();
        let plan = ledger.plan_save(ymd(2023, 6, 21), "u", Counts::from_pairs([("a", 2)]), false, &author, None);
        block_on(store.commit("c", &plan.changes)).unwrap();
        let before = block_on(store.load("c")).unwrap();
        // Replaying the same audit record with another entry must fail as a whole.
        let mut replay: Vec<Change> = plan.changes.iter().filter(|c| !matches!(c, Change::Expect(_))).cloned().collect();
        replay.insert(0, Change::PutEntry(crate::domain::tally::ledger::Entry { date: ymd(2023, 6, 22), unit: "u".into(), counts: Counts::from_pairs([("a", 9)]), modified: author.at, device: "d1".into(), staff: None, outside_period: false }));
        assert!(matches!(block_on(store.commit("c", &replay)), Err(StoreError::Duplicate(_))));
        assert_eq!(block_on(store.load("c")).unwrap(), before);
        assert_eq!(before.entries.len(), 1);
        assert!(block_on(store.load("other")).unwrap().entries.is_empty());
    }

    #[test]
    fn a_save_planned_from_stale_data_is_refused_and_writes_nothing() {
        // Two tabs load the same data; the first saves; the second, planned from what it
        // loaded before, must not replace the first's counts without an audit record.
        let store = MemoryStore::new();
        let day = ymd(2023, 6, 21);
        let at = |h| Author { device: "d1".into(), staff: None, at: Stamp::new(vn_at(ymd(2023, 6, 21), 10, 0) + chrono::TimeDelta::hours(h)) };
        let tab_a = block_on(store.load("c")).unwrap();
        let tab_b = block_on(store.load("c")).unwrap();
        let first = tab_a.plan_save(day, "u", Counts::from_pairs([("a", 5)]), false, &at(0), None);
        block_on(store.commit("c", &first.changes)).unwrap();
        let second = tab_b.plan_save(day, "u", Counts::from_pairs([("a", 7)]), false, &at(1), None);
        assert_eq!(block_on(store.commit("c", &second.changes)), Err(StoreError::Stale("2023-06-21 u".into())));
        let stored = block_on(store.load("c")).unwrap();
        assert_eq!(stored.entry(day, "u").unwrap().counts.get("a"), 5);
        assert!(stored.audit.is_empty());
        // Planned again from what is stored, the save goes through with its audit record.
        let again = stored.plan_save(day, "u", Counts::from_pairs([("a", 7)]), false, &at(1), None);
        block_on(store.commit("c", &again.changes)).unwrap();
        let stored = block_on(store.load("c")).unwrap();
        assert_eq!(stored.entry(day, "u").unwrap().counts.get("a"), 7);
        assert_eq!(stored.audit.len(), 1);
        // Units and targets too.
        let unit = crate::domain::tally::ledger::LocalUnit { id: "x".into(), name: "X".into(), modified: at(2).at, device: "d1".into() };
        let stale = stored.plan_unit(unit.clone());
        block_on(store.commit("c", &stored.plan_unit(LocalUnitExt::renamed(&unit, "Y")))).unwrap();
        assert!(matches!(block_on(store.commit("c", &stale)), Err(StoreError::Stale(_))));
    }

    trait LocalUnitExt {
        fn renamed(&self, name: &str) -> Self;
    }
    impl LocalUnitExt for crate::domain::tally::ledger::LocalUnit {
        fn renamed(&self, name: &str) -> Self {
            let mut u = self.clone();
            u.name = name.into();
            u
        }
    }
}

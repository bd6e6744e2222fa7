//! The store staff mode uses: IndexedDB, or memory when it cannot be opened.

use crate::domain::tally::ledger::{Change, Ledger};
use crate::domain::tally::store::{MemoryStore, StoreError, TallyStore};
pub use crate::web::broadcast::listen_for_other_tabs;
pub use crate::web::idb_store::{is_persisted, request_persistence, IdbStore};

/// IndexedDB when available, else memory (with a banner saying so).
pub enum AnyStore {
    /// The browser's database.
    Idb(IdbStore),
    /// This tab's memory only.
    Memory(MemoryStore),
}

impl TallyStore for AnyStore {
    async fn load(&self, campaign: &str) -> Result<Ledger, StoreError> {
        match self {
            AnyStore::Idb(s) => s.load(campaign).await,
            AnyStore::Memory(s) => s.load(campaign).await,
        }
    }

    async fn units_and_targets(&self, campaign: &str) -> Result<(Vec<crate::domain::tally::ledger::LocalUnit>, Vec<crate::domain::tally::ledger::TargetSetting>), StoreError> {
        match self {
            AnyStore::Idb(s) => s.units_and_targets(campaign).await,
            AnyStore::Memory(s) => s.units_and_targets(campaign).await,
        }
    }

    async fn record_counts(&self, campaign: &str) -> Result<(usize, usize), StoreError> {
        match self {
            AnyStore::Idb(s) => s.record_counts(campaign).await,
            AnyStore::Memory(s) => s.record_counts(campaign).await,
        }
    }

    async fn commit(&self, campaign: &str, changes: &[Change]) -> Result<(), StoreError> {
        match self {
            AnyStore::Idb(s) => s.commit(campaign, changes).await,
            AnyStore::Memory(s) => s.commit(campaign, changes).await,
        }
    }

    async fn sync_marks(&self, campaign: &str) -> Result<std::collections::BTreeMap<String, crate::domain::tally::sync::SyncMark>, StoreError> {
        match self {
            AnyStore::Idb(s) => s.sync_marks(campaign).await,
            AnyStore::Memory(s) => s.sync_marks(campaign).await,
        }
    }

    async fn meta(&self, key: &str) -> Result<Option<String>, StoreError> {
        match self {
            AnyStore::Idb(s) => s.meta(key).await,
            AnyStore::Memory(s) => s.meta(key).await,
        }
    }

    async fn set_meta(&self, key: &str, value: &str) -> Result<(), StoreError> {
        match self {
            AnyStore::Idb(s) => s.set_meta(key, value).await,
            AnyStore::Memory(s) => s.set_meta(key, value).await,
        }
    }
}

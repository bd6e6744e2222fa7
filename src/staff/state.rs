//! Staff mode's state, in context for every section: the store, the ledger shown, this
//! device's settings, the lock, and the section.

use chrono::{DateTime, FixedOffset};
use std::rc::Rc;

use leptos::prelude::*;

use super::store::{self, AnyStore};
use super::Section;
use crate::app::AppState;
use crate::domain::tally::ledger::{Author, Change, Ledger};
use crate::domain::tally::stamp::Stamp;
use crate::domain::tally::store::{StoreError, TallyStore};
use crate::domain::vn_time::Clock;
use crate::routes::query_value;
use crate::web::clock::BrowserClock;

/// Where the data is kept, as shown to staff.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum StorageStatus {
    /// Opening the database.
    Opening,
    /// In IndexedDB; `persisted` is the browser's answer to the persistence request, once asked.
    Device {
        /// Some(true) when the browser promised not to evict it.
        persisted: Option<bool>,
    },
    /// IndexedDB could not be opened: data lives in this tab only.
    Memory(String),
}

/// Staff-mode state, in context.
#[derive(Clone, Copy)]
pub struct StaffState {
    /// The store (IndexedDB or memory).
    pub store: StoredValue<Rc<AnyStore>, LocalStorage>,
    /// The ledger of the campaign being shown.
    pub ledger: RwSignal<Ledger>,
    /// The ledger's daily counts indexed for sums, kept with it (rebuilt only when it
    /// changes, not each time the dashboard opens).
    pub tally: Memo<crate::domain::tally::progress::SharedTally>,
    /// The campaign whose ledger is loaded (none while loading).
    pub ledger_for: RwSignal<Option<String>>,
    /// The campaign whose ledger was asked for last (a slower earlier load is dropped).
    pub wanted: RwSignal<Option<String>>,
    /// Batches this tab has written (a load that ran meanwhile is read again).
    pub commits: StoredValue<u64>,
    /// Changes each time this tab saves something (sync sends it a moment later).
    pub saved: RwSignal<u64>,
    /// Where data is kept.
    pub storage: RwSignal<StorageStatus>,
    /// A problem to show at the top (quota, another tab's upgrade, a failed write).
    pub problem: RwSignal<Option<StoreError>>,
    /// This device's random id.
    pub device_id: RwSignal<String>,
    /// Why the stored device id could not be read at start-up (this session then uses a
    /// temporary id and leaves the stored one as it is).
    pub device_id_unread: RwSignal<Option<String>>,
    /// This device's label, if staff gave one.
    pub device_label: RwSignal<String>,
    /// The staff member's name, if given (kept on this device only).
    pub staff_name: RwSignal<String>,
    /// When this campaign's data was last exported from this device.
    pub last_export: RwSignal<Option<Stamp>>,
    /// The section shown.
    pub section: RwSignal<Section>,
    /// The staff PIN's stored record, if one is set.
    pub pin: RwSignal<Option<crate::domain::tally::pin::PinRecord>>,
    /// True while the lock screen hides staff mode.
    pub locked: RwSignal<bool>,
    /// True while the pause screen hides staff mode (kiosk idle with counts only in memory).
    pub paused: RwSignal<bool>,
}

/// Meta keys.
pub mod meta_keys {
    /// This device's id.
    pub const DEVICE_ID: &str = "device_id";
    /// This device's label.
    pub const DEVICE_LABEL: &str = "device_label";
    /// The staff name.
    pub const STAFF_NAME: &str = "staff_name";
    /// The staff PIN's record (JSON).
    pub const PIN: &str = "pin";
    /// The recovery code's record (JSON, the same salted hash as the PIN).
    pub const PIN_RECOVERY: &str = "pin_recovery";
    /// Wrong PINs in a row.
    pub const PIN_FAILURES: &str = "pin_failures";
    /// No PIN is checked before this time (ms since 1970).
    pub const PIN_WAIT_UNTIL: &str = "pin_wait_until";
    /// Set once persistent storage was asked for.
    pub const PERSIST_ASKED: &str = "persist_asked";
    /// Last export of a campaign: `last_export:<campaign>`.
    pub fn last_export(campaign: &str) -> String {
        format!("last_export:{campaign}")
    }
}

impl StaffState {
    /// True when counts exist only in this tab's memory (IndexedDB could not be opened).
    pub fn unsaved_in_memory(&self) -> bool {
        matches!(self.storage.get_untracked(), StorageStatus::Memory(_)) && self.ledger.with_untracked(|l| !l.entries.is_empty() || !l.units.is_empty() || !l.targets.is_empty())
    }

    /// The store, for an async call.
    pub fn store(&self) -> Rc<AnyStore> {
        self.store.get_value()
    }

    /// The author of a change made now.
    pub fn author(&self, now: DateTime<FixedOffset>) -> Author {
        let name = self.staff_name.get_untracked();
        Author {
            device: self.device_id.get_untracked(),
            staff: (!name.trim().is_empty()).then(|| name.trim().to_string()),
            at: Stamp::new(now),
        }
    }

    /// Writes a batch for `campaign`, then applies it to the ledger shown; on failure
    /// nothing changes and the problem is returned (and shown when it concerns the store).
    pub async fn commit(self, campaign: &str, changes: Vec<Change>) -> Result<(), StoreError> {
        if changes.is_empty() {
            return Ok(());
        }
        let store = self.store();
        match store.commit(campaign, &changes).await {
            Ok(()) => {
                self.commits.update_value(|n| *n += 1);
                self.saved.update(|n| *n += 1);
                if self.ledger_for.get_untracked().as_deref() == Some(campaign) {
                    self.ledger.update(|l| l.apply(&changes));
                }
                self.after_first_save().await;
                Ok(())
            }
            Err(e) => {
                if matches!(e, StoreError::QuotaExceeded | StoreError::VersionChanged | StoreError::Unavailable(_)) {
                    self.problem.set(Some(e.clone()));
                }
                Err(e)
            }
        }
    }

    /// Asks once for persistent storage after the first save, and shows the answer.
    async fn after_first_save(self) {
        if !matches!(self.storage.get_untracked(), StorageStatus::Device { persisted: None }) {
            return;
        }
        let store = self.store();
        let asked = store.meta(meta_keys::PERSIST_ASKED).await.ok().flatten().is_some();
        let answer = if asked { store::is_persisted().await } else { store::request_persistence().await };
        if !asked {
            let _ = store.set_meta(meta_keys::PERSIST_ASKED, "1").await;
        }
        self.storage.set(StorageStatus::Device { persisted: Some(answer.unwrap_or(false)) });
    }

    /// Loads the ledger and the last export time of `campaign`. A load that finishes after
    /// another campaign was asked for is dropped: never shown or saved under the other one.
    pub fn load(self, campaign: String) {
        let showing = self.ledger_for.get_untracked();
        if showing.as_deref() != Some(campaign.as_str()) {
            self.ledger_for.set(None);
        }
        self.wanted.set(Some(campaign.clone()));
        let commits_before = self.commits.get_value();
        wasm_bindgen_futures::spawn_local(async move {
            let store = self.store();
            let loaded = store.load(&campaign).await;
            let last = store.meta(&meta_keys::last_export(&campaign)).await.ok().flatten().and_then(|s| Stamp::parse(&s));
            if self.wanted.get_untracked().as_deref() != Some(campaign.as_str()) {
                return;
            }
            // This tab saved while the load ran: what was read may predate that save, so
            // read again rather than show data without it.
            if self.commits.get_value() != commits_before {
                self.load(campaign);
                return;
            }
            match loaded {
                Ok(ledger) => {
                    self.last_export.set(last);
                    self.ledger.set(ledger);
                    // Set only when it changes: sections re-render on it, and a reload of the
                    // same campaign (another tab saved) must not wipe a form being typed in.
                    if self.ledger_for.get_untracked().as_deref() != Some(campaign.as_str()) {
                        self.ledger_for.set(Some(campaign));
                    }
                }
                Err(e) => self.problem.set(Some(e)),
            }
        });
    }

    /// Changes the section and records it in the address (back and forward work).
    pub fn go(self, section: Section) {
        // The section shown already: nothing to do (redrawing it would drop an open preview).
        if self.section.get_untracked() == section {
            return;
        }
        self.section.set(section);
        if let Some(window) = web_sys::window() {
            let search = window.location().search().unwrap_or_default();
            let url = section.query(query_value(&search, "c"));
            if let Ok(history) = window.history() {
                let _ = history.push_state_with_url(&wasm_bindgen::JsValue::NULL, "", Some(&url));
            }
        }
    }
}

/// A random device id such as `d-k3x9q2`.
pub(super) fn new_device_id() -> String {
    const ALPHABET: &[u8] = b"abcdefghijkmnpqrstuvwxyz23456789";
    let mut out = String::from("d-");
    let mut bytes = [0u8; 8];
    let filled = web_sys::window()
        .and_then(|w| w.crypto().ok())
        .and_then(|c| c.get_random_values_with_u8_array(&mut bytes).ok())
        .is_some();
    for (i, b) in bytes.iter().enumerate() {
        let n = if filled { *b as usize } else { (js_sys::Math::random() * 256.0) as usize + i };
        out.push(ALPHABET[n % ALPHABET.len()] as char);
    }
    out
}

/// "Now" from the browser clock.
pub fn now() -> DateTime<FixedOffset> {
    BrowserClock.now()
}

/// The campaign being shown, as a memo (a section re-renders only when it changes).
pub fn shown_campaign(app: &AppState) -> Memo<crate::domain::campaign::Campaign> {
    let app = app.clone();
    Memo::new(move |_| app.campaign())
}


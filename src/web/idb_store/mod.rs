//! The browser's [`TallyStore`]: IndexedDB through `indexed_db_futures`.
//!
//! Database `vneid-campaign-tally`, schema version [`CURRENT_VERSION`]:
//!
//! - v1: object stores `entries` (key `[campaign, date, unit]`), `audit`
//!   (key `[campaign, at, device, date, unit]`), `units` (key `[campaign, id]`)
//!   and `targets` (key `[campaign, key]`). Each value is the serde JSON of the
//!   domain struct plus a `campaign` field; dates are `YYYY-MM-DD` and stamps
//!   RFC 3339 in Vietnam time, so keys sort by time.
//! - v2: adds `meta` (key `key`, value `{key, value}`) for device settings.
//! - v3: adds `sync` (key `[campaign, doc]`, value `{campaign, doc, rev, hash}`): what the
//!   CouchDB server held for each document at the last sync.
//!
//! Values are plain JS objects made with `JSON.parse` and read back with
//! `JSON.stringify`, so they stay readable in the browser's devtools.

use std::cell::{Cell, RefCell};
use std::future::{poll_fn, Future};
use std::pin::Pin;
use std::rc::Rc;
use std::task::{Poll, Waker};

use indexed_db_futures::database::{Database, VersionChangeEvent};
use indexed_db_futures::error::{Error as IdbError, OpenDbError};
use indexed_db_futures::internals::SystemRepr;
use indexed_db_futures::prelude::*;
use indexed_db_futures::transaction::TransactionMode;
use indexed_db_futures::{KeyPath, KeyRange};
use serde::de::DeserializeOwned;
use serde::Serialize;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;

use crate::domain::tally::ledger::{normalise_targets, AuditRecord, Change, Entry, Expected, Ledger, LocalUnit, TargetSetting};
use crate::domain::tally::store::{audit_identity, StoreError, TallyStore};
use crate::domain::tally::sync::SyncMark;

/// The app's database name.
pub const DB_NAME: &str = "vneid-campaign-tally";
/// The schema version this code writes and expects.
pub const CURRENT_VERSION: u32 = 3;
/// How long an open may stay blocked by another tab before giving up.
pub const BLOCKED_TIMEOUT_MS: i32 = 3_000;

pub(super) const ENTRIES: &str = "entries";
pub(super) const AUDIT: &str = "audit";
pub(super) const UNITS: &str = "units";
pub(super) const TARGETS: &str = "targets";
pub(super) const META: &str = "meta";
pub(super) const SYNC: &str = "sync";

mod connection;
mod records;
mod schema;

pub use connection::{delete_database, is_persisted, request_persistence, IdbStore};
use records::*;
use schema::*;

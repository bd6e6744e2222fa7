//! Browser-only glue: the real clock, preference storage, page base path and fetching files.

pub mod activity;
pub mod base_path;
pub mod clock;
pub mod prefs;
pub mod service_worker;

#[cfg(feature = "staff")]
pub mod broadcast;
#[cfg(feature = "staff")]
pub mod couch;
#[cfg(feature = "staff")]
pub mod fetch;
#[cfg(feature = "staff")]
pub mod idb_store;

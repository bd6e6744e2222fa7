//! Browser-only glue: the real clock, preference storage, page base path and fetching files.

pub mod base_path;
pub mod broadcast;
pub mod clock;
pub mod fetch;
pub mod idb_store;
pub mod navigation;
pub mod prefs;
pub mod service_worker;

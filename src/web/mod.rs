//! Browser-only glue: the real clock, preference storage and page base path.

pub mod base_path;
pub mod clock;
pub mod prefs;

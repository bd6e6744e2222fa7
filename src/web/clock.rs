//! The browser's clock, read through `Date.now()` (so tests can fix it).

use chrono::{DateTime, FixedOffset};

use crate::domain::vn_time::{from_unix_millis, unix_epoch, Clock};

/// Reads `Date.now()`; Playwright's clock and other test doubles override it.
#[derive(Clone, Copy, Debug, Default)]
pub struct BrowserClock;

impl Clock for BrowserClock {
    fn now(&self) -> DateTime<FixedOffset> {
        from_unix_millis(js_sys::Date::now()).unwrap_or_else(unix_epoch)
    }
}

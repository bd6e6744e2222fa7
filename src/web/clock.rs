//! The browser's clock, read through `Date.now()` (so tests can fix it).

use time::OffsetDateTime;

use crate::domain::vn_time::{from_unix_millis, Clock};

/// Reads `Date.now()`; Playwright's clock and other test doubles override it.
#[derive(Clone, Copy, Debug, Default)]
pub struct BrowserClock;

impl Clock for BrowserClock {
    fn now(&self) -> OffsetDateTime {
        from_unix_millis(js_sys::Date::now()).unwrap_or(OffsetDateTime::UNIX_EPOCH)
    }
}

//! The live parts of the citizen pages (`#[island]`s), in both builds.
//!
//! Each island renders the same neutral HTML at build time and in its first render in
//! the browser (no clock, no device storage), then sets the live value from an effect,
//! which only runs in the browser. Islands receive what they need as props (the page's
//! context does not reach them in the browser); the ticks store is provided to all of
//! them by [`hydrate`].

// `#[island]` generates a deserialisable copy of each props struct that carries no docs.
#[allow(missing_docs)]
pub mod boot;
#[allow(missing_docs)]
pub mod offices;
#[allow(missing_docs)]
pub mod status;
#[allow(missing_docs)]
pub mod steps;

use chrono::{DateTime, FixedOffset};
use leptos::prelude::*;

/// Starts the live clock of an island: `None` until the island runs in the browser,
/// then Vietnam "now" from the browser clock, refreshed every 30 seconds.
pub fn live_now() -> RwSignal<Option<DateTime<FixedOffset>>> {
    let now = RwSignal::new(None);
    #[cfg(target_arch = "wasm32")]
    Effect::new(move |started: Option<()>| {
        use crate::domain::vn_time::Clock;
        now.set(Some(crate::web::clock::BrowserClock.now()));
        if started.is_none() {
            let handle = set_interval_with_handle(
                move || now.set(Some(crate::web::clock::BrowserClock.now())),
                std::time::Duration::from_secs(CLOCK_REFRESH_SECONDS),
            );
            on_cleanup(move || {
                if let Ok(h) = handle {
                    h.clear();
                }
            });
        }
    });
    now
}

/// How often live statuses follow the clock (a kiosk stays on a page for hours).
pub const CLOCK_REFRESH_SECONDS: u64 = 30;

/// Fills `%name` placeholders of a translated template (`"Đang mở cửa, đến %time"`).
pub fn fill(template: &str, values: &[(&str, &str)]) -> String {
    let mut out = template.to_string();
    for (name, value) in values {
        out = out.replace(&format!("%{name}"), value);
    }
    out
}

/// The browser entry point, called by the page's start-up script once the wasm is loaded:
/// makes the islands' root and gives every island the ticks kept on this device.
#[cfg(all(target_arch = "wasm32", feature = "hydrate"))]
#[wasm_bindgen::prelude::wasm_bindgen]
pub fn hydrate() {
    leptos::mount::hydrate_islands();
    provide_context(steps::TickStore::load());
}

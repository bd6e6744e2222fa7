//! When the person at the screen last did something: one tracker for the kiosk reset of
//! the citizen pages and the idle lock of staff mode.

use leptos::prelude::*;

/// The events that count as someone using the screen.
pub const ACTIVITY_EVENTS: [&str; 6] = ["pointerdown", "keydown", "touchstart", "wheel", "input", "scroll"];

/// The time of the last activity, kept up to date by window listeners that are removed
/// when the owner that made it is cleaned up.
#[derive(Clone, Copy)]
pub struct Activity {
    last: StoredValue<f64>,
}

impl Activity {
    /// Starts tracking (from now).
    pub fn track() -> Activity {
        let last = StoredValue::new(js_sys::Date::now());
        for event in ACTIVITY_EVENTS {
            let handle = window_event_listener_untyped(event, move |_| last.set_value(js_sys::Date::now()));
            on_cleanup(move || handle.remove());
        }
        Activity { last }
    }

    /// Milliseconds since the last activity.
    pub fn idle_ms(self) -> f64 {
        js_sys::Date::now() - self.last.get_value()
    }

    /// Counts as activity now (after a reset or a warning was answered).
    pub fn touch(self) {
        self.last.set_value(js_sys::Date::now());
    }
}

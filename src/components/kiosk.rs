//! Kiosk mode settings, shared with staff mode's settings section (the citizen pages'
//! kiosk behaviour is the `KioskGuard` island in `site::islands::boot`).

/// Preference key: "1" when this device is a kiosk.
pub const KIOSK_KEY: &str = "kiosk";
/// Preference key: the idle time in seconds.
pub const KIOSK_IDLE_KEY: &str = "kiosk_idle";

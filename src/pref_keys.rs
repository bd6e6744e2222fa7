//! Every device preference key, in one place (stored in `localStorage` as
//! `vneid-campaign:<key>`), for the citizen pages' islands and staff mode alike.

/// The language of the pages read on this device (`vi` or `en`).
pub const LANG: &str = "lang";
/// Staff mode's chosen campaign.
pub const CAMPAIGN: &str = "campaign";
/// "1" when this device is a kiosk.
pub const KIOSK: &str = "kiosk";
/// The kiosk's idle time in seconds.
pub const KIOSK_IDLE: &str = "kiosk_idle";
/// When the kiosk was last reset (whole milliseconds since 1970).
pub const KIOSK_RESET_AT: &str = "kiosk_reset_at";
/// The steps ticked on this device (cleared by the kiosk reset).
pub const TICKS: &str = "ticks";

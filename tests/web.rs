//! Browser-only code, tested in headless Chromium with wasm-bindgen-test:
//! preference storage (localStorage and the in-memory fallback), the
//! browser clock and Vietnam time, and the page base path.
#![cfg(target_arch = "wasm32")]

use time::Month;
use vneid_campaign::domain::vn_time::{vn_today, Clock};
use vneid_campaign::web::base_path::{base_path, normalize};
use vneid_campaign::web::clock::BrowserClock;
use vneid_campaign::web::prefs::{LocalPrefs, MemoryPrefs, PrefStore};
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

#[wasm_bindgen_test]
fn local_prefs_survive_a_new_handle_and_are_namespaced() {
    let prefs = LocalPrefs::open("test-a:").expect("localStorage is available");
    prefs.remove("lang");
    assert_eq!(prefs.get("lang"), None);
    assert!(prefs.set("lang", "en"));
    // A second handle (as after a reload) reads the same value.
    assert_eq!(LocalPrefs::open("test-a:").unwrap().get("lang").as_deref(), Some("en"));
    // Another namespace does not see it.
    assert_eq!(LocalPrefs::open("test-b:").unwrap().get("lang"), None);
    let raw = web_sys::window().unwrap().local_storage().unwrap().unwrap();
    assert_eq!(raw.get_item("test-a:lang").unwrap().as_deref(), Some("en"));
    prefs.remove("lang");
    assert_eq!(prefs.get("lang"), None);
}

#[wasm_bindgen_test]
fn memory_prefs_behave_like_storage() {
    let prefs = MemoryPrefs::default();
    assert!(prefs.set("campaign", "hcm-q3-2023"));
    assert_eq!(prefs.get("campaign").as_deref(), Some("hcm-q3-2023"));
    prefs.remove("campaign");
    assert_eq!(prefs.get("campaign"), None);
}

#[wasm_bindgen_test]
fn browser_clock_reads_date_now() {
    let before = js_sys::Date::now();
    let now = BrowserClock.now();
    let after = js_sys::Date::now();
    let millis = (now.unix_timestamp_nanos() / 1_000_000) as f64;
    assert!(before - 1.0 <= millis && millis <= after + 1.0, "{before} <= {millis} <= {after}");
}

#[wasm_bindgen_test]
fn vietnam_date_agrees_with_javascript_utc_plus_7() {
    // Compute the Vietnam date independently in JavaScript: shift by 7 hours, read UTC fields.
    let shifted = js_sys::Date::new(&(js_sys::Date::now() + 7.0 * 3_600_000.0).into());
    let today = vn_today(&BrowserClock);
    assert_eq!(today.year() as u32, shifted.get_utc_full_year());
    assert_eq!(u8::from(today.month()) as u32, shifted.get_utc_month() + 1);
    assert_eq!(today.day() as u32, shifted.get_utc_date());
    assert!(Month::try_from(u8::from(today.month())).is_ok());
}

#[wasm_bindgen_test]
fn base_path_follows_the_base_element() {
    let document = web_sys::window().unwrap().document().unwrap();
    let base = document.create_element("base").unwrap();
    base.set_attribute("href", "/vneid-campaign/").unwrap();
    document.head().unwrap().append_child(&base).unwrap();
    assert_eq!(base_path(), "/vneid-campaign");
    base.set_attribute("href", "/").unwrap();
    assert_eq!(base_path(), "");
    base.remove();
    assert_eq!(normalize("https://example.org/sub/"), "/sub");
    assert_eq!(normalize("sub"), "/sub");
}

//! The optional staff PIN (salted PBKDF2 through WebCrypto), the lock screen,
//! and locking when idle.

use leptos::prelude::*;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;

use super::{meta_keys, StaffState};
use crate::pref_keys::{KIOSK as KIOSK_KEY, KIOSK_IDLE as KIOSK_IDLE_KEY};
use crate::components::tr::tr;
use crate::domain::kiosk::idle_seconds_from;
use crate::domain::tally::pin::{delay_after, normalise_recovery_code, recovery_code_from, same_hash, to_hex, PinRecord, PIN_ITERATIONS, RECOVERY_LENGTH};
use crate::domain::tally::store::TallyStore;
use crate::i18n::*;
use crate::web::prefs::open_prefs;

/// Derives 256 bits from `pin` and `salt` with PBKDF2-SHA-256 (the browser's WebCrypto).
pub async fn derive(pin: &str, salt: &[u8], iterations: u32) -> Result<Vec<u8>, String> {
    let err = |e: JsValue| format!("{e:?}");
    let subtle = web_sys::window().ok_or("no window")?.crypto().map_err(err)?.subtle();
    let usages = js_sys::Array::of1(&JsValue::from_str("deriveBits"));
    let key_data = js_sys::Uint8Array::from(pin.as_bytes());
    let key = subtle.import_key_with_str("raw", &key_data, "PBKDF2", false, &usages).map_err(err)?;
    let key: web_sys::CryptoKey = wasm_bindgen_futures::JsFuture::from(key).await.map_err(err)?.unchecked_into();
    let salt = js_sys::Uint8Array::from(salt);
    let params = web_sys::Pbkdf2Params::new("PBKDF2", &JsValue::from_str("SHA-256"), iterations, &salt);
    let bits = subtle.derive_bits_with_object(&params, &key, 256).map_err(err)?;
    let bits = wasm_bindgen_futures::JsFuture::from(bits).await.map_err(err)?;
    Ok(js_sys::Uint8Array::new(&bits).to_vec())
}

/// A new record for `pin` with a fresh random salt.
pub async fn new_record(pin: &str) -> Result<PinRecord, String> {
    let mut salt = [0u8; 16];
    web_sys::window()
        .ok_or("no window")?
        .crypto()
        .map_err(|e| format!("{e:?}"))?
        .get_random_values_with_u8_array(&mut salt)
        .map_err(|e| format!("{e:?}"))?;
    let hash = derive(pin, &salt, PIN_ITERATIONS).await?;
    Ok(PinRecord { algorithm: "PBKDF2-SHA-256".into(), iterations: PIN_ITERATIONS, salt: to_hex(&salt), hash: to_hex(&hash) })
}

/// A record no PIN matches: used when the stored setting cannot be read, so staff mode
/// stays locked (only the recovery code opens it).
pub fn unusable_record() -> PinRecord {
    PinRecord { algorithm: "PBKDF2-SHA-256".into(), iterations: PIN_ITERATIONS, salt: String::new(), hash: String::new() }
}

/// A fresh recovery code (shown once) and its record (stored).
pub async fn new_recovery() -> Result<(String, PinRecord), String> {
    let mut random = [0u8; RECOVERY_LENGTH];
    web_sys::window().ok_or("no window")?.crypto().map_err(|e| format!("{e:?}"))?.get_random_values_with_u8_array(&mut random).map_err(|e| format!("{e:?}"))?;
    let code = recovery_code_from(&random);
    let canonical = normalise_recovery_code(&code).ok_or("bad recovery code")?;
    let record = new_record(&canonical).await?;
    Ok((code, record))
}

/// Stores a new PIN and a new recovery code; returns the PIN's record and the code to show once.
pub async fn store_new_pin(staff: StaffState, pin: &str) -> Result<(PinRecord, String), String> {
    let record = new_record(pin).await?;
    let (code, recovery) = new_recovery().await?;
    let store = staff.store();
    store.set_meta(meta_keys::PIN_RECOVERY, &serde_json::to_string(&recovery).unwrap_or_default()).await.map_err(|e| e.to_string())?;
    store.set_meta(meta_keys::PIN, &serde_json::to_string(&record).unwrap_or_default()).await.map_err(|e| e.to_string())?;
    Ok((record, code))
}

/// Removes the PIN and its recovery code.
pub async fn remove_pin(staff: StaffState) -> Result<(), String> {
    let store = staff.store();
    store.set_meta(meta_keys::PIN, "").await.map_err(|e| e.to_string())?;
    store.set_meta(meta_keys::PIN_RECOVERY, "").await.map_err(|e| e.to_string())
}

/// Checks a typed secret with the growing delay after wrong tries (shared by the PIN and
/// the recovery code). `Err` holds the message to show.
async fn attempt(staff: StaffState, l: Locale, wrong: &'static str, check: impl std::future::Future<Output = bool>) -> Result<(), String> {
    let store = staff.store();
    let failures: u32 = store.meta(meta_keys::PIN_FAILURES).await.ok().flatten().and_then(|s| s.parse().ok()).unwrap_or(0);
    let wait_until: f64 = store.meta(meta_keys::PIN_WAIT_UNTIL).await.ok().flatten().and_then(|s| s.parse().ok()).unwrap_or(0.0);
    let now = js_sys::Date::now();
    if now < wait_until {
        let seconds = ((wait_until - now) / 1000.0).ceil();
        return Err(format!("{} {seconds} {}", td_string!(l, tally.pin_wait), td_string!(l, kiosk.seconds)));
    }
    if check.await {
        let _ = store.set_meta(meta_keys::PIN_FAILURES, "0").await;
        return Ok(());
    }
    let failures = failures + 1;
    let delay = delay_after(failures);
    let _ = store.set_meta(meta_keys::PIN_FAILURES, &failures.to_string()).await;
    let _ = store.set_meta(meta_keys::PIN_WAIT_UNTIL, &(now + delay as f64 * 1000.0).to_string()).await;
    Err(if delay > 0 {
        format!("{wrong} {} {delay} {}", td_string!(l, tally.pin_wait), td_string!(l, kiosk.seconds))
    } else {
        wrong.to_string()
    })
}

/// Checks the current PIN before it is changed or removed (with the same delay).
pub async fn check_current(staff: StaffState, l: Locale, typed: String) -> Result<(), String> {
    let Some(record) = staff.pin.get_untracked() else { return Ok(()) };
    attempt(staff, l, td_string!(l, tally.pin_wrong), async move { verify(&typed, &record).await }).await
}

/// True when `pin` matches `record`.
pub async fn verify(pin: &str, record: &PinRecord) -> bool {
    let Some(salt) = crate::domain::tally::pin::from_hex(&record.salt) else { return false };
    match derive(pin, &salt, record.iterations).await {
        Ok(hash) => same_hash(&to_hex(&hash), &record.hash),
        Err(_) => false,
    }
}

/// How often the idle time is checked.
pub const IDLE_CHECK_SECONDS: u64 = 1;

/// After the idle time on a shared screen, nothing of staff stays shown: with a PIN,
/// staff mode locks; on a kiosk without one, it goes back to the citizen pages, unless
/// counts would be lost (IndexedDB unavailable, counts only in this tab): then it pauses
/// behind a screen that hides them and keeps them.
pub fn watch_idle(staff: StaffState, citizen_home: String) {
    let prefs = open_prefs();
    let kiosk = prefs.get(KIOSK_KEY).as_deref() == Some("1");
    let idle = idle_seconds_from(prefs.get(KIOSK_IDLE_KEY).as_deref());
    let activity = crate::web::activity::Activity::track();
    let check = move || {
        if activity.idle_ms() < idle as f64 * 1000.0 {
            return;
        }
        activity.touch();
        if staff.pin.get_untracked().is_some() {
            staff.locked.set(true);
        } else if kiosk {
            if staff.unsaved_in_memory() {
                staff.paused.set(true);
            } else {
                let _ = window().location().replace(&citizen_home);
            }
        }
    };
    if let Ok(handle) = set_interval_with_handle(check, std::time::Duration::from_secs(IDLE_CHECK_SECONDS)) {
        on_cleanup(move || handle.clear());
    }
    // A page restored from the browser's back/forward cache locks again.
    let restored = window_event_listener_untyped("pageshow", move |event| {
        let persisted = event.dyn_ref::<web_sys::PageTransitionEvent>().is_some_and(|e| e.persisted());
        if persisted && staff.pin.get_untracked().is_some() {
            staff.locked.set(true);
        }
    });
    on_cleanup(move || restored.remove());
    // Counts kept only in this tab are lost when it closes: the browser asks first.
    let leaving = window_event_listener_untyped("beforeunload", move |event| {
        if staff.unsaved_in_memory() {
            event.prevent_default();
            if let Some(e) = event.dyn_ref::<web_sys::BeforeUnloadEvent>() {
                e.set_return_value("unsaved");
            }
        }
    });
    on_cleanup(move || leaving.remove());
}

/// Shown instead of staff data after the kiosk idle time when counts exist only in this
/// tab: nothing is shown, nothing is lost.
#[component]
pub fn PausedScreen() -> impl IntoView {
    let staff = expect_context::<StaffState>();
    view! {
        <section class="card lock-screen" data-lock="paused">
            <h2>{tr(|l| td_string!(l, tally.paused_title))}</h2>
            <p>{tr(|l| td_string!(l, tally.paused_text))}</p>
            <button type="button" class="primary" on:click=move |_| staff.paused.set(false)>{tr(|l| td_string!(l, tally.paused_continue))}</button>
        </section>
    }
}

/// The lock screen: nothing of staff data shows until the PIN is given.
#[component]
pub fn LockScreen() -> impl IntoView {
    let i18n = use_i18n();
    let staff = expect_context::<StaffState>();
    let pin = RwSignal::new(String::new());
    let message = RwSignal::new(None::<String>);
    let busy = RwSignal::new(false);
    let submit = move |ev: web_sys::SubmitEvent| {
        ev.prevent_default();
        let Some(record) = staff.pin.get_untracked() else {
            staff.locked.set(false);
            return;
        };
        let typed = pin.get_untracked();
        busy.set(true);
        wasm_bindgen_futures::spawn_local(async move {
            let l = i18n.get_locale_untracked();
            match attempt(staff, l, td_string!(l, tally.pin_wrong), async move { verify(&typed, &record).await }).await {
                Ok(()) => {
                    message.set(None);
                    staff.locked.set(false);
                }
                Err(text) => message.set(Some(text)),
            }
            pin.set(String::new());
            busy.set(false);
        });
    };
    // A forgotten PIN: the recovery code shown when it was set removes it, keeping every count.
    let code = RwSignal::new(String::new());
    let recovery_message = RwSignal::new(None::<String>);
    let recover = move |ev: web_sys::SubmitEvent| {
        ev.prevent_default();
        let typed = code.get_untracked();
        busy.set(true);
        wasm_bindgen_futures::spawn_local(async move {
            let stored = staff.store().meta(meta_keys::PIN_RECOVERY).await.ok().flatten().and_then(|json| serde_json::from_str::<PinRecord>(&json).ok());
            let check = async move {
                match (stored, normalise_recovery_code(&typed)) {
                    (Some(record), Some(canonical)) => verify(&canonical, &record).await,
                    _ => false,
                }
            };
            let l = i18n.get_locale_untracked();
            match attempt(staff, l, td_string!(l, tally.recovery_wrong), check).await {
                Ok(()) => match remove_pin(staff).await {
                    Ok(()) => {
                        staff.pin.set(None);
                        staff.locked.set(false);
                        staff.go(super::Section::Settings);
                    }
                    Err(e) => recovery_message.set(Some(e)),
                },
                Err(text) => recovery_message.set(Some(text)),
            }
            code.set(String::new());
            busy.set(false);
        });
    };
    view! {
        <section class="card lock-screen" data-lock="locked">
            <h2>{tr(|l| td_string!(l, tally.locked_title))}</h2>
            <form on:submit=submit>
                <div class="field">
                    <label for="unlock-pin">{tr(|l| td_string!(l, tally.pin))}</label>
                    <input id="unlock-pin" type="password" inputmode="numeric" autocomplete="off" maxlength="8"
                        aria-describedby=move || message.get().map(|_| "unlock-message")
                        prop:value=move || pin.get() on:input=move |ev| pin.set(event_target_value(&ev))/>
                </div>
                <button type="submit" class="primary" disabled=move || busy.get()>{tr(|l| td_string!(l, tally.unlock))}</button>
                <p id="unlock-message" role="alert" class="field-error-text">{move || message.get()}</p>
            </form>
            <details class="recovery">
                <summary>{tr(|l| td_string!(l, tally.pin_forgot))}</summary>
                <p class="muted">{tr(|l| td_string!(l, tally.pin_recovery_intro))}</p>
                <form on:submit=recover>
                    <div class="field">
                        <label for="recovery-code">{tr(|l| td_string!(l, tally.pin_recovery_code))}</label>
                        <input id="recovery-code" type="text" autocomplete="off" autocapitalize="characters" spellcheck="false" maxlength="20"
                            aria-describedby=move || recovery_message.get().map(|_| "recovery-message")
                            prop:value=move || code.get() on:input=move |ev| code.set(event_target_value(&ev))/>
                    </div>
                    <button type="submit" disabled=move || busy.get()>{tr(|l| td_string!(l, tally.pin_recover))}</button>
                    <p id="recovery-message" role="alert" class="field-error-text">{move || recovery_message.get()}</p>
                </form>
            </details>
            <p class="muted">{tr(|l| td_string!(l, tally.pin_note))}</p>
        </section>
    }
}

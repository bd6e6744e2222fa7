//! Kiosk mode (a shared screen at the ward office): larger text and targets,
//! outside links as QR codes, and an idle timer that warns, then goes home and
//! wipes the citizen's answers and ticks. On with `?kiosk=1` or from staff
//! settings; off with `?kiosk=0`.

use leptos::prelude::*;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;

use crate::app::AppState;
use crate::components::step_nav::TickStore;
use crate::components::tr::tr;
use crate::domain::kiosk::{idle_phase, idle_seconds_from, IdlePhase};
use crate::i18n::*;
use crate::routes::{query_value, Route};
use crate::web::navigation::Location;
use crate::web::prefs::open_prefs;

/// Preference key: "1" when this device is a kiosk.
pub const KIOSK_KEY: &str = "kiosk";
/// Preference key: the idle time in seconds.
pub const KIOSK_IDLE_KEY: &str = "kiosk_idle";

/// Whether this device is a kiosk, in context.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Kiosk(pub bool);

/// Reads `?kiosk=1` / `?kiosk=0` (remembered on the device) or the stored setting.
pub fn kiosk_from_url_and_prefs() -> Kiosk {
    let prefs = open_prefs();
    let search = web_sys::window().and_then(|w| w.location().search().ok()).unwrap_or_default();
    match query_value(&search, "kiosk") {
        Some("1") => {
            prefs.set(KIOSK_KEY, "1");
        }
        Some("0") => prefs.remove(KIOSK_KEY),
        _ => {}
    }
    Kiosk(prefs.get(KIOSK_KEY).as_deref() == Some("1"))
}

/// The idle timer and its warning; renders nothing unless this device is a kiosk.
#[component]
pub fn KioskGuard() -> impl IntoView {
    let kiosk = expect_context::<Kiosk>();
    if !kiosk.0 {
        return ().into_any();
    }
    let state = expect_context::<AppState>();
    let location = expect_context::<Location>();
    let ticks = expect_context::<TickStore>();
    if let Some(root) = document().document_element() {
        let _ = root.class_list().add_1("kiosk");
    }
    let idle = idle_seconds_from(open_prefs().get(KIOSK_IDLE_KEY).as_deref());
    let last = StoredValue::new(js_sys::Date::now());
    let warning = RwSignal::new(None::<u32>);
    {
        let touch = Closure::<dyn Fn()>::new(move || last.set_value(js_sys::Date::now()));
        let window = window();
        for event in ["pointerdown", "keydown", "touchstart", "wheel", "input", "scroll"] {
            let _ = window.add_event_listener_with_callback_and_bool(event, touch.as_ref().unchecked_ref(), true);
        }
        touch.forget();
    }
    let base = state.base.clone();
    let home = format!("{}/", state.base);
    let tick = {
        move || {
            let in_use = location.route.get_untracked() != Route::Home
                || !location.search.get_untracked().is_empty()
                || ticks.0.with_untracked(|t| !t.is_empty());
            if !in_use {
                last.set_value(js_sys::Date::now());
                warning.set(None);
                return;
            }
            match idle_phase(js_sys::Date::now() - last.get_value(), idle) {
                IdlePhase::Active => warning.set(None),
                IdlePhase::Warning { seconds_left } => warning.set(Some(seconds_left)),
                IdlePhase::Reset => {
                    ticks.clear();
                    location.replace(&home, &base);
                    window().scroll_to_with_x_and_y(0.0, 0.0);
                    warning.set(None);
                    last.set_value(js_sys::Date::now());
                }
            }
        }
    };
    let handle = set_interval_with_handle(tick, std::time::Duration::from_secs(1));
    on_cleanup(move || {
        if let Ok(h) = handle {
            h.clear();
        }
    });
    let keep = move |_| {
        last.set_value(js_sys::Date::now());
        warning.set(None);
    };
    let i18n = use_i18n();
    view! {
        {move || warning.get().map(|seconds| view! {
            <div class="kiosk-warning" role="alertdialog" aria-labelledby="kiosk-warning-title" aria-describedby="kiosk-warning-text" data-kiosk="warning">
                <p id="kiosk-warning-title"><strong>{tr(|l| td_string!(l, kiosk.still_there))}</strong></p>
                <p id="kiosk-warning-text">{move || format!("{} {seconds} {}", t_string!(i18n, kiosk.reset_in), t_string!(i18n, kiosk.seconds))}</p>
                <button type="button" class="primary-button" autofocus on:click=keep>{tr(|l| td_string!(l, kiosk.keep_going))}</button>
            </div>
        })}
    }
    .into_any()
}

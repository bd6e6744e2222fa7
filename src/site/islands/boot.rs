//! Islands every page carries: the service worker and its "new version" banner, kiosk
//! mode (idle warning and reset), and the language memory.

use leptos::prelude::*;

use super::island_input;
use crate::domain::island_data::BootData;
use crate::domain::text::Lang;
use crate::i18n::*;
use crate::site::locale_of;

/// What every page needs once it runs: the service worker and its update banner, kiosk mode
/// and the language memory (one island, so one frame of data and one export). Nothing
/// without its data.
// An island in the citizen builds; a plain component in the campaign editor's preview (no hydration there).
#[cfg_attr(any(feature = "ssr", feature = "hydrate"), island)]
#[cfg_attr(not(any(feature = "ssr", feature = "hydrate")), component)]
pub fn PageBoot() -> impl IntoView {
    // Its data comes from the frame around it (`domain::island_data::BootData`).
    let Some(BootData { lang, base, group, home, is_home, alternate, here, default_campaign }) = BootData::unpack(&island_input()) else {
        return None;
    };
    #[cfg(target_arch = "wasm32")]
    {
        // Links and QR codes of the earlier app named the campaign and answers in the query.
        let search = window().location().search().unwrap_or_default();
        if let Some(to) = crate::routes::site::legacy_redirect(&here, &search, &default_campaign) {
            let _ = window().location().replace(&format!("{base}{to}"));
        }
    }
    #[cfg(not(target_arch = "wasm32"))]
    let _ = (&here, default_campaign);
    Some(view! {
        {kiosk_guard(lang, home, here.is_empty())}
        {update_banner(lang, base, group)}
        {lang_memory(lang, alternate, is_home)}
    })
}

/// Registers the service worker for the site at `base` (`/` or `/sub/`), asks it to keep
/// the pages of this campaign and language (`group`) for offline use, and offers a
/// waiting update; the update is applied only from the button.
fn update_banner(lang: Lang, base: String, group: String) -> impl IntoView {
    let locale = locale_of(lang);
    let ready = RwSignal::new(false);
    #[cfg(target_arch = "wasm32")]
    Effect::new(move |_| {
        let base = base.trim_end_matches('/').to_string();
        crate::web::service_worker::register(&base, move || ready.set(true));
        crate::web::service_worker::cache_group(&group);
    });
    #[cfg(not(target_arch = "wasm32"))]
    let _ = (base, group);
    let apply = move |_| {
        #[cfg(target_arch = "wasm32")]
        crate::web::service_worker::apply_update();
    };
    view! {
        <div class="banner update-banner" role="status" data-update="ready" hidden=move || !ready.get()>
            <p>
                {td_string!(locale, common.update_ready)} " "
                <button type="button" class="update-button" on:click=apply>{td_string!(locale, common.update_reload)}</button>
            </p>
        </div>
    }
}

/// How often the kiosk checks the idle time.
#[cfg(target_arch = "wasm32")]
const KIOSK_CHECK_SECONDS: u64 = 1;

/// Kiosk mode (on with `?kiosk=1` or from staff settings, off with `?kiosk=0`): larger
/// text, outside links as QR codes (`html.kiosk`), no staff link, and an idle timer that
/// warns, then wipes the ticks and the language choice and goes to `home` (the
/// deployment's default home page, in its default language). Any page other than that
/// one, or with ticks, is reset. A page shown before the last reset (Back, or the
/// browser's page cache) goes home at once, so the next citizen never sees the answers
/// of the previous one.
fn kiosk_guard(lang: Lang, home: String, at_default_home: bool) -> impl IntoView {
    let locale = locale_of(lang);
    let warning = RwSignal::new(None::<u32>);
    #[cfg(target_arch = "wasm32")]
    Effect::new(move |started: Option<()>| {
        if started.is_some() {
            return;
        }
        use crate::domain::kiosk::{idle_phase, idle_seconds_from, IdlePhase};
        use crate::web::prefs::open_prefs;
        let prefs = open_prefs();
        let search = window().location().search().unwrap_or_default();
        match crate::routes::query_value(&search, "kiosk") {
            Some("1") => {
                prefs.set(crate::pref_keys::KIOSK, "1");
            }
            Some("0") => prefs.remove(crate::pref_keys::KIOSK),
            _ => {}
        }
        if prefs.get(crate::pref_keys::KIOSK).as_deref() != Some("1") {
            return;
        }
        if let Some(root) = document().document_element() {
            let _ = root.class_list().add_1("kiosk");
        }
        // Each history entry remembers when it was first shown; one shown before the last
        // reset is left at once for the home page.
        let shown_at = window().history().ok().and_then(|h| h.state().ok()).and_then(|s| s.as_f64());
        let shown_at = shown_at.unwrap_or_else(|| {
            let now = js_sys::Date::now();
            if let Ok(history) = window().history() {
                let _ = history.replace_state(&wasm_bindgen::JsValue::from_f64(now), "");
            }
            now
        });
        let home_for_back = home.clone();
        let leave_if_before_reset = move || {
            // Whole milliseconds: formatting and parsing floats would add kilobytes of wasm.
            let reset_at: u64 = crate::web::prefs::open_prefs().get(crate::pref_keys::KIOSK_RESET_AT).and_then(|v| v.parse().ok()).unwrap_or(0);
            if (shown_at as u64) < reset_at && !at_default_home {
                let _ = window().location().replace(&home_for_back);
            }
        };
        leave_if_before_reset();
        let back = window_event_listener_untyped("pageshow", move |_| leave_if_before_reset());
        on_cleanup(move || back.remove());
        let idle = idle_seconds_from(prefs.get(crate::pref_keys::KIOSK_IDLE).as_deref());
        let activity = crate::web::activity::Activity::track();
        let ticks = super::steps::TickStore::current();
        let home = home.clone();
        let tick = move || {
            let in_use = !at_default_home || ticks.0.with_untracked(|t| !t.is_empty());
            if !in_use {
                activity.touch();
                warning.set(None);
                return;
            }
            match idle_phase(activity.idle_ms(), idle) {
                IdlePhase::Active => warning.set(None),
                IdlePhase::Warning { seconds_left } => warning.set(Some(seconds_left)),
                IdlePhase::Reset => {
                    ticks.clear();
                    warning.set(None);
                    let prefs = open_prefs();
                    prefs.remove(crate::pref_keys::LANG);
                    prefs.set(crate::pref_keys::KIOSK_RESET_AT, &(js_sys::Date::now() as u64).to_string());
                    let _ = window().location().replace(&home);
                }
            }
        };
        let handle = set_interval_with_handle(tick, std::time::Duration::from_secs(KIOSK_CHECK_SECONDS));
        on_cleanup(move || {
            if let Ok(h) = handle {
                h.clear();
            }
        });
    });
    #[cfg(not(target_arch = "wasm32"))]
    let _ = (home, at_default_home);
    let keep = move |_| warning.set(None);
    view! {
        <div class="kiosk-warning" role="alertdialog" aria-labelledby="kiosk-warning-title" aria-describedby="kiosk-warning-text" data-kiosk="warning" hidden=move || warning.get().is_none()>
            <p id="kiosk-warning-title"><strong>{td_string!(locale, kiosk.still_there)}</strong></p>
            <p id="kiosk-warning-text">{move || format!("{} {} {}", td_string!(locale, kiosk.reset_in), warning.get().unwrap_or(0), td_string!(locale, kiosk.seconds))}</p>
            <button type="button" class="primary-button" on:click=keep>{td_string!(locale, kiosk.keep_going)}</button>
        </div>
    }
}


/// Remembers the language of the pages read on this device; opening a home page in the
/// other language from outside the site (a QR code, a bookmark) goes to `alternate`, the
/// same page in the remembered language.
fn lang_memory(lang: Lang, alternate: String, is_home: bool) {
    #[cfg(target_arch = "wasm32")]
    Effect::new(move |_| {
        let prefs = crate::web::prefs::open_prefs();
        let remembered = prefs.get(crate::pref_keys::LANG).and_then(|c| Lang::from_code(&c));
        let from_outside = document().referrer().is_empty()
            || !document().referrer().starts_with(&window().location().origin().unwrap_or_default());
        if is_home && from_outside && remembered.is_some_and(|r| r != lang) {
            let _ = window().location().replace(&alternate);
            return;
        }
        // The not-found page (no alternate) is not a choice of language.
        if !alternate.is_empty() {
            prefs.set(crate::pref_keys::LANG, lang.code());
        }
    });
    #[cfg(not(target_arch = "wasm32"))]
    let _ = (lang, alternate, is_home);
}

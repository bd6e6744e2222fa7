//! Staff mode: a separate page (`/staff/`, its own wasm) where campaign staff
//! enter daily counts, follow progress, report, export and merge.
//!
//! Components only call the plain-Rust model in `domain::tally`; the data lives
//! in IndexedDB behind [`TallyStore`] (in memory when IndexedDB is unavailable).

pub mod campaign_info;
pub mod dashboard;
pub mod data;
pub mod entry;
pub mod lock;
pub mod poster;
pub mod report;
pub mod settings;
pub mod store;
pub mod sync;

mod frame;
mod state;

use chrono::{DateTime, FixedOffset, NaiveDate};
use std::rc::Rc;

use leptos::prelude::*;

use crate::app::{initial_state, locale_of, LangSync};
use crate::domain::tally::ledger::Ledger;
use crate::domain::tally::store::{StoreError, TallyStore};
use crate::domain::text::Lang;
use crate::domain::vn_time::{to_vietnam, Clock};
use crate::i18n::*;
use crate::web::base_path::base_path;
use crate::web::clock::BrowserClock;
use crate::web::prefs::{open_prefs, LANG_KEY};
use frame::StaffFrame;
use state::new_device_id;
use store::AnyStore;

pub use crate::routes::staff::Section;
pub use state::{meta_keys, now, shown_campaign, StaffState, StorageStatus};

/// The message for a text a form refuses (the same rule as import: `validate::check_text`).
pub fn text_problem(l: crate::i18n::Locale, problem: crate::domain::tally::validate::TextProblem) -> &'static str {
    use crate::domain::tally::validate::TextProblem;
    use crate::i18n::*;
    match problem {
        TextProblem::Empty => td_string!(l, tally.err_text),
        TextProblem::TooLong => td_string!(l, tally.err_text_long),
        TextProblem::HiddenCharacter => td_string!(l, tally.err_text_hidden),
    }
}

/// How often staff mode's "now" follows the clock (the entry day at midnight, days left).
pub const CLOCK_TICK_SECONDS: u64 = 30;

/// The staff page.
#[component]
pub fn StaffApp() -> impl IntoView {
    let site_base = {
        let base = base_path();
        base.strip_suffix("/staff").map(str::to_string).unwrap_or(base)
    };
    let app = initial_state(site_base);
    let clock = app.now;
    let handle = set_interval_with_handle(move || clock.set(BrowserClock.now()), std::time::Duration::from_secs(CLOCK_TICK_SECONDS));
    on_cleanup(move || {
        if let Ok(h) = handle {
            h.clear();
        }
    });
    let search = web_sys::window().and_then(|w| w.location().search().ok()).unwrap_or_default();
    let ledger = RwSignal::new(Ledger::default());
    let staff = StaffState {
        store: StoredValue::new_local(Rc::new(AnyStore::Memory(Default::default()))),
        ledger,
        tally: Memo::new(move |_| ledger.with(crate::domain::tally::progress::Tally::build_shared)),
        ledger_for: RwSignal::new(None),
        wanted: RwSignal::new(None),
        commits: StoredValue::new(0),
        saved: RwSignal::new(0),
        storage: RwSignal::new(StorageStatus::Opening),
        problem: RwSignal::new(None),
        device_id: RwSignal::new(String::new()),
        device_id_unread: RwSignal::new(None),
        device_label: RwSignal::new(String::new()),
        staff_name: RwSignal::new(String::new()),
        last_export: RwSignal::new(None),
        section: RwSignal::new(Section::from_query(&search)),
        pin: RwSignal::new(None),
        locked: RwSignal::new(true),
        paused: RwSignal::new(false),
    };
    provide_context(app.clone());
    provide_context(staff);

    // Back / forward between sections.
    let popstate = window_event_listener_untyped("popstate", move |_| {
        let search = web_sys::window().and_then(|w| w.location().search().ok()).unwrap_or_default();
        staff.section.set(Section::from_query(&search));
    });
    on_cleanup(move || popstate.remove());

    // Open the store, read this device's settings, then load the campaign's data
    // (and again whenever the campaign changes).
    let ready = RwSignal::new(false);
    // The listener for other tabs' notices, removed with staff mode.
    let other_tabs = StoredValue::new_local(None::<gloo_events::EventListener>);
    wasm_bindgen_futures::spawn_local(async move {
        let (store, status) = match store::IdbStore::open().await {
            Ok(idb) => (AnyStore::Idb(idb), StorageStatus::Device { persisted: store::is_persisted().await.filter(|p| *p) }),
            Err(e) => (AnyStore::Memory(Default::default()), StorageStatus::Memory(e.to_string())),
        };
        if let AnyStore::Idb(idb) = &store {
            idb.on_version_change(move || staff.problem.set(Some(StoreError::VersionChanged)));
        }
        let device = match store.meta(meta_keys::DEVICE_ID).await {
            Ok(Some(id)) => id,
            Ok(None) => {
                let id = new_device_id();
                let _ = store.set_meta(meta_keys::DEVICE_ID, &id).await;
                id
            }
            // A failed read never replaces the stored id: this session uses a new one
            // without storing it, and says so.
            Err(e) => {
                staff.device_id_unread.set(Some(e.to_string()));
                new_device_id()
            }
        };
        staff.device_label.set(store.meta(meta_keys::DEVICE_LABEL).await.ok().flatten().unwrap_or_default());
        staff.staff_name.set(store.meta(meta_keys::STAFF_NAME).await.ok().flatten().unwrap_or_default());
        // A PIN setting that cannot be read locks (fails closed); the recovery code still opens.
        let pin = match crate::domain::tally::pin::read_stored_pin(store.meta(meta_keys::PIN).await) {
            crate::domain::tally::pin::StoredPin::None => None,
            crate::domain::tally::pin::StoredPin::Set(record) => Some(record),
            crate::domain::tally::pin::StoredPin::Unreadable => Some(lock::unusable_record()),
        };
        staff.locked.set(pin.is_some());
        staff.pin.set(pin);
        staff.device_id.set(device);
        staff.store.set_value(Rc::new(store));
        staff.storage.set(status);
        let listener = store::listen_for_other_tabs(move |campaign| {
            if staff.ledger_for.get_untracked().as_deref() == Some(campaign.as_str()) {
                staff.load(campaign);
            }
        });
        other_tabs.set_value(listener);
        ready.set(true);
    });
    lock::watch_idle(staff, format!("{}/", app.base));
    let app_for_load = app.clone();
    Effect::new(move |_| {
        let id = app_for_load.campaign_id.get();
        if ready.get() {
            staff.load(id);
        }
    });
    // Sync, when the deployment names a server: it starts once the first campaign's data is
    // loaded, and runs again for each campaign shown after.
    if let Some(server) = app.deployment.sync.clone() {
        let service = sync::SyncService::new(server, staff);
        provide_context(service);
        Effect::new(move |started: Option<bool>| {
            let loaded = staff.ledger_for.get();
            match (loaded.is_some(), started.unwrap_or(false)) {
                (true, false) => {
                    service.start();
                    true
                }
                (true, true) => {
                    service.run();
                    true
                }
                (false, was) => was,
            }
        });
    }

    let stored = open_prefs().get(LANG_KEY).and_then(|code| Lang::from_code(&code)).unwrap_or_default();
    view! {
        <I18nSubContextProvider initial_locale=Signal::stored(locale_of(stored))>
            <LangSync/>
            <StaffFrame/>
        </I18nSubContextProvider>
    }
}

/// Leaves a `performance.mark` (read by `scripts/bench-staff.mjs`; costs nothing otherwise).
pub fn mark(name: &str) {
    if let Some(perf) = web_sys::window().and_then(|w| w.performance()) {
        let _ = perf.mark(name);
    }
}

/// Today in Vietnam and the minutes past midnight.
pub fn vn_now(now: DateTime<FixedOffset>) -> (NaiveDate, u16) {
    let vn = to_vietnam(now);
    (vn.date_naive(), crate::domain::vn_time::minutes_of_day(vn))
}

/// Mounts staff mode on `<body>`.
pub fn mount() {
    leptos::mount::mount_to_body(StaffApp);
}

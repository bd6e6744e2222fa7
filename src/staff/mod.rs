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

use std::rc::Rc;

use leptos::prelude::*;

use crate::app::{current_lang, initial_state, locale_of, AppState, LangSync};
use crate::components::lang_switch::LangSwitch;
use crate::components::tr::{campaign_text, tr};
use crate::domain::presets::PRESET_INDEX;
use crate::domain::tally::ledger::{Author, Change, Ledger};
use crate::domain::tally::stamp::Stamp;
use crate::domain::tally::store::{StoreError, TallyStore};
use crate::domain::text::Lang;
use crate::domain::vn_time::{to_vietnam, Clock};
use crate::i18n::*;
use crate::routes::query_value;
use crate::web::base_path::base_path;
use crate::web::clock::BrowserClock;
use crate::web::prefs::{open_prefs, LANG_KEY};
use store::AnyStore;

pub use crate::routes::staff::Section;

/// The name of a section in the tabs and the page title.
fn section_label(section: Section, l: Locale) -> &'static str {
    match section {
        Section::Entry => td_string!(l, tally.tab_entry),
        Section::Dashboard => td_string!(l, tally.tab_dashboard),
        Section::Report => td_string!(l, tally.tab_report),
        Section::Data => td_string!(l, tally.tab_data),
        Section::Settings => td_string!(l, tally.tab_settings),
        Section::Poster => td_string!(l, tally.tab_poster),
    }
}

/// Where the data is kept, as shown to staff.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum StorageStatus {
    /// Opening the database.
    Opening,
    /// In IndexedDB; `persisted` is the browser's answer to the persistence request, once asked.
    Device {
        /// Some(true) when the browser promised not to evict it.
        persisted: Option<bool>,
    },
    /// IndexedDB could not be opened: data lives in this tab only.
    Memory(String),
}

/// Staff-mode state, in context.
#[derive(Clone, Copy)]
pub struct StaffState {
    /// The store (IndexedDB or memory).
    pub store: StoredValue<Rc<AnyStore>, LocalStorage>,
    /// The ledger of the campaign being shown.
    pub ledger: RwSignal<Ledger>,
    /// The campaign whose ledger is loaded (none while loading).
    pub ledger_for: RwSignal<Option<String>>,
    /// The campaign whose ledger was asked for last (a slower earlier load is dropped).
    pub wanted: RwSignal<Option<String>>,
    /// Where data is kept.
    pub storage: RwSignal<StorageStatus>,
    /// A problem to show at the top (quota, another tab's upgrade, a failed write).
    pub problem: RwSignal<Option<StoreError>>,
    /// This device's random id.
    pub device_id: RwSignal<String>,
    /// This device's label, if staff gave one.
    pub device_label: RwSignal<String>,
    /// The staff member's name, if given (kept on this device only).
    pub staff_name: RwSignal<String>,
    /// When this campaign's data was last exported from this device.
    pub last_export: RwSignal<Option<Stamp>>,
    /// The section shown.
    pub section: RwSignal<Section>,
    /// The staff PIN's stored record, if one is set.
    pub pin: RwSignal<Option<crate::domain::tally::pin::PinRecord>>,
    /// True while the lock screen hides staff mode.
    pub locked: RwSignal<bool>,
    /// True while the pause screen hides staff mode (kiosk idle with counts only in memory).
    pub paused: RwSignal<bool>,
}

/// Meta keys.
pub mod meta_keys {
    /// This device's id.
    pub const DEVICE_ID: &str = "device_id";
    /// This device's label.
    pub const DEVICE_LABEL: &str = "device_label";
    /// The staff name.
    pub const STAFF_NAME: &str = "staff_name";
    /// The staff PIN's record (JSON).
    pub const PIN: &str = "pin";
    /// The recovery code's record (JSON, the same salted hash as the PIN).
    pub const PIN_RECOVERY: &str = "pin_recovery";
    /// Wrong PINs in a row.
    pub const PIN_FAILURES: &str = "pin_failures";
    /// No PIN is checked before this time (ms since 1970).
    pub const PIN_WAIT_UNTIL: &str = "pin_wait_until";
    /// Set once persistent storage was asked for.
    pub const PERSIST_ASKED: &str = "persist_asked";
    /// Last export of a campaign: `last_export:<campaign>`.
    pub fn last_export(campaign: &str) -> String {
        format!("last_export:{campaign}")
    }
}

impl StaffState {
    /// True when counts exist only in this tab's memory (IndexedDB could not be opened).
    pub fn unsaved_in_memory(&self) -> bool {
        matches!(self.storage.get_untracked(), StorageStatus::Memory(_)) && self.ledger.with_untracked(|l| !l.entries.is_empty() || !l.units.is_empty() || !l.targets.is_empty())
    }

    /// The store, for an async call.
    pub fn store(&self) -> Rc<AnyStore> {
        self.store.get_value()
    }

    /// The author of a change made now.
    pub fn author(&self, now: time::OffsetDateTime) -> Author {
        let name = self.staff_name.get_untracked();
        Author {
            device: self.device_id.get_untracked(),
            staff: (!name.trim().is_empty()).then(|| name.trim().to_string()),
            at: Stamp::new(now),
        }
    }

    /// Writes a batch for `campaign`, then applies it to the ledger shown; on failure
    /// nothing changes and the problem is returned (and shown when it concerns the store).
    pub async fn commit(self, campaign: &str, changes: Vec<Change>) -> Result<(), StoreError> {
        if changes.is_empty() {
            return Ok(());
        }
        let store = self.store();
        match store.commit(campaign, &changes).await {
            Ok(()) => {
                if self.ledger_for.get_untracked().as_deref() == Some(campaign) {
                    self.ledger.update(|l| l.apply(&changes));
                }
                self.after_first_save().await;
                Ok(())
            }
            Err(e) => {
                if matches!(e, StoreError::QuotaExceeded | StoreError::VersionChanged | StoreError::Unavailable(_)) {
                    self.problem.set(Some(e.clone()));
                }
                Err(e)
            }
        }
    }

    /// Asks once for persistent storage after the first save, and shows the answer.
    async fn after_first_save(self) {
        if !matches!(self.storage.get_untracked(), StorageStatus::Device { persisted: None }) {
            return;
        }
        let store = self.store();
        let asked = store.meta(meta_keys::PERSIST_ASKED).await.ok().flatten().is_some();
        let answer = if asked { store::is_persisted().await } else { store::request_persistence().await };
        if !asked {
            let _ = store.set_meta(meta_keys::PERSIST_ASKED, "1").await;
        }
        self.storage.set(StorageStatus::Device { persisted: Some(answer.unwrap_or(false)) });
    }

    /// Loads the ledger and the last export time of `campaign`. A load that finishes after
    /// another campaign was asked for is dropped: never shown or saved under the other one.
    pub fn load(self, campaign: String) {
        let showing = self.ledger_for.get_untracked();
        if showing.as_deref() != Some(campaign.as_str()) {
            self.ledger_for.set(None);
        }
        self.wanted.set(Some(campaign.clone()));
        wasm_bindgen_futures::spawn_local(async move {
            let store = self.store();
            let loaded = store.load(&campaign).await;
            let last = store.meta(&meta_keys::last_export(&campaign)).await.ok().flatten().and_then(|s| Stamp::parse(&s));
            if self.wanted.get_untracked().as_deref() != Some(campaign.as_str()) {
                return;
            }
            match loaded {
                Ok(ledger) => {
                    self.last_export.set(last);
                    self.ledger.set(ledger);
                    // Set only when it changes: sections re-render on it, and a reload of the
                    // same campaign (another tab saved) must not wipe a form being typed in.
                    if self.ledger_for.get_untracked().as_deref() != Some(campaign.as_str()) {
                        self.ledger_for.set(Some(campaign));
                    }
                }
                Err(e) => self.problem.set(Some(e)),
            }
        });
    }

    /// Changes the section and records it in the address (back and forward work).
    pub fn go(self, section: Section) {
        self.section.set(section);
        if let Some(window) = web_sys::window() {
            let search = window.location().search().unwrap_or_default();
            let url = section.query(query_value(&search, "c"));
            if let Ok(history) = window.history() {
                let _ = history.push_state_with_url(&wasm_bindgen::JsValue::NULL, "", Some(&url));
            }
        }
    }
}

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

/// A random device id such as `d-k3x9q2`.
fn new_device_id() -> String {
    const ALPHABET: &[u8] = b"abcdefghijkmnpqrstuvwxyz23456789";
    let mut out = String::from("d-");
    let mut bytes = [0u8; 8];
    let filled = web_sys::window()
        .and_then(|w| w.crypto().ok())
        .and_then(|c| c.get_random_values_with_u8_array(&mut bytes).ok())
        .is_some();
    for (i, b) in bytes.iter().enumerate() {
        let n = if filled { *b as usize } else { (js_sys::Math::random() * 256.0) as usize + i };
        out.push(ALPHABET[n % ALPHABET.len()] as char);
    }
    out
}

/// "Now" from the browser clock.
pub fn now() -> time::OffsetDateTime {
    BrowserClock.now()
}

/// The staff page.
#[component]
pub fn StaffApp() -> impl IntoView {
    let site_base = {
        let base = base_path();
        base.strip_suffix("/staff").map(str::to_string).unwrap_or(base)
    };
    let app = initial_state(site_base);
    let clock = app.now;
    let handle = set_interval_with_handle(move || clock.set(BrowserClock.now()), std::time::Duration::from_secs(30));
    on_cleanup(move || {
        if let Ok(h) = handle {
            h.clear();
        }
    });
    let search = web_sys::window().and_then(|w| w.location().search().ok()).unwrap_or_default();
    let staff = StaffState {
        store: StoredValue::new_local(Rc::new(AnyStore::Memory(Default::default()))),
        ledger: RwSignal::new(Ledger::default()),
        ledger_for: RwSignal::new(None),
        wanted: RwSignal::new(None),
        storage: RwSignal::new(StorageStatus::Opening),
        problem: RwSignal::new(None),
        device_id: RwSignal::new(String::new()),
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
                staff.problem.set(Some(e));
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

    let stored = open_prefs().get(LANG_KEY).and_then(|code| Lang::from_code(&code)).unwrap_or_default();
    view! {
        <I18nSubContextProvider initial_locale=Signal::stored(locale_of(stored))>
            <LangSync/>
            <StaffFrame/>
        </I18nSubContextProvider>
    }
}

/// Header, tabs, banners and the section shown.
#[component]
fn StaffFrame() -> impl IntoView {
    let i18n = use_i18n();
    let app = expect_context::<AppState>();
    let staff = expect_context::<StaffState>();
    Effect::new(move |_| {
        let title = format!("{} – {}", section_label(staff.section.get(), i18n.get_locale()), t_string!(i18n, tally.title));
        document().set_title(&title);
    });
    let citizen_href = {
        let app = app.clone();
        move || app.href("/")
    };
    let tabs = Section::ALL
        .into_iter()
        .map(|section| {
            view! {
                <li>
                    <a
                        href=move || format!("?v={}", section.key())
                        aria-current=move || (staff.section.get() == section).then_some("page")
                        on:click=move |ev| {
                            ev.prevent_default();
                            staff.go(section);
                        }
                    >
                        {move || section_label(section, i18n.get_locale())}
                    </a>
                </li>
            }
        })
        .collect_view();
    let body = move || {
        if staff.locked.get() && staff.pin.get().is_some() {
            return view! { <lock::LockScreen/> }.into_any();
        }
        if staff.paused.get() {
            return view! { <lock::PausedScreen/> }.into_any();
        }
        if staff.ledger_for.get().is_none() {
            return view! { <p role="status">{tr(|l| td_string!(l, tally.loading))}</p> }.into_any();
        }
        match staff.section.get() {
            Section::Entry => view! { <entry::EntrySection/> }.into_any(),
            Section::Dashboard => view! { <dashboard::DashboardSection/> }.into_any(),
            Section::Report => view! { <report::ReportSection/> }.into_any(),
            Section::Data => view! { <data::DataSection/> }.into_any(),
            Section::Settings => view! { <settings::SettingsSection/> }.into_any(),
            Section::Poster => view! { <poster::PosterSection/> }.into_any(),
        }
    };
    view! {
        <a class="skip-link" href="#main">{tr(|l| td_string!(l, nav.skip))}</a>
        <header class="site-header staff-header">
            <div class="bar">
                <a href=citizen_href class="brand">
                    <span>{tr(|l| td_string!(l, tally.back_to_guide))}</span>
                </a>
                <LangSwitch/>
            </div>
        </header>
        <nav class="site-nav" aria-label=move || t_string!(i18n, tally.tabs_label) hidden=move || staff.locked.get() && staff.pin.get().is_some()>
            <ul>{tabs}</ul>
        </nav>
        <crate::components::update_banner::UpdateBanner base=app.base.to_string()/>
        <main id="main" tabindex="-1">
            <h1>{tr(|l| td_string!(l, tally.title))} <span class="muted campaign-name">{campaign_text(|c| &c.area)}</span></h1>
            <div hidden=move || staff.locked.get() && staff.pin.get().is_some()><CampaignPicker/></div>
            <StorageBanner/>
            {move || (!staff.locked.get()).then(|| view! { <BackupReminder/> })}
            {body}
        </main>
        <footer class="site-footer">
            <p>{tr(|l| td_string!(l, tally.privacy))}</p>
        </footer>
    }
}

/// Chooses the campaign (when the deployment offers several).
#[component]
fn CampaignPicker() -> impl IntoView {
    let app = expect_context::<AppState>();
    if app.deployment.fixed_campaign || app.deployment.campaigns.len() < 2 {
        return ().into_any();
    }
    let options = PRESET_INDEX
        .iter()
        .map(|p| {
            let id = p.id;
            let app = app.clone();
            view! {
                <option value=id selected=move || app.requested.get() == id>
                    {move || if current_lang() == Lang::En { p.area_en } else { p.area_vi }}
                </option>
            }
        })
        .collect_view();
    let on_change = {
        let app = app.clone();
        move |ev: web_sys::Event| {
            let id = event_target_value(&ev);
            app.choose_campaign(&id);
            if let Some(w) = web_sys::window() {
                if let Ok(history) = w.history() {
                    let search = w.location().search().unwrap_or_default();
                    let v = query_value(&search, "v").unwrap_or("entry").to_string();
                    let _ = history.replace_state_with_url(&wasm_bindgen::JsValue::NULL, "", Some(&format!("?v={v}&c={id}")));
                }
            }
        }
    };
    view! {
        <p class="field inline-field">
            <label for="campaign-select">{tr(|l| td_string!(l, tally.campaign))}</label>
            <select id="campaign-select" on:change=on_change>{options}</select>
        </p>
    }
    .into_any()
}

/// Where the data is kept, and any storage problem.
#[component]
fn StorageBanner() -> impl IntoView {
    let staff = expect_context::<StaffState>();
    let problem = move || {
        staff.problem.get().map(|p| {
            let message = move || match &p {
                StoreError::QuotaExceeded => t_string!(use_i18n(), tally.quota_full).to_string(),
                StoreError::VersionChanged => t_string!(use_i18n(), tally.version_changed).to_string(),
                other => format!("{} {}", t_string!(use_i18n(), tally.store_failed), other),
            };
            view! { <div class="banner banner-error" role="alert"><p>{message}</p></div> }
        })
    };
    let status = move || match staff.storage.get() {
        StorageStatus::Opening => ().into_any(),
        StorageStatus::Memory(reason) => view! {
            <div class="banner banner-error" role="alert" data-storage="memory">
                <p>{tr(|l| td_string!(l, tally.memory_only))}</p>
                <p class="muted"><code>{reason}</code></p>
            </div>
        }
        .into_any(),
        StorageStatus::Device { persisted } => {
            let text = match persisted {
                Some(true) => tr(|l| td_string!(l, tally.persisted_yes)).into_any(),
                Some(false) => tr(|l| td_string!(l, tally.persisted_no)).into_any(),
                None => tr(|l| td_string!(l, tally.stored_on_device)).into_any(),
            };
            view! { <p class="muted storage-status" data-storage="device">{text}</p> }.into_any()
        }
    };
    view! { {problem} {status} }
}

/// "Last exported N days ago", and a reminder when unexported data is older than a day.
#[component]
fn BackupReminder() -> impl IntoView {
    let staff = expect_context::<StaffState>();
    let app = expect_context::<AppState>();
    move || {
        let now = app.now.get();
        let last_export = staff.last_export.get();
        let reminder = staff.ledger.with(|l| crate::domain::tally::export::backup_due(l, last_export, now));
        if !reminder {
            return ().into_any();
        }
        let href = format!("?v={}", Section::Data.key());
        view! {
            <div class="banner banner-warning" role="status" data-backup="due">
                <p>
                    {tr(|l| td_string!(l, tally.backup_due))} " "
                    <a href=href on:click=move |ev| { ev.prevent_default(); staff.go(Section::Data); }>{tr(|l| td_string!(l, tally.backup_go))}</a>
                </p>
            </div>
        }
        .into_any()
    }
}

/// The campaign being shown, as a memo (a section re-renders only when it changes).
pub fn shown_campaign(app: &AppState) -> Memo<crate::domain::campaign::Campaign> {
    let app = app.clone();
    Memo::new(move |_| app.campaign())
}

/// Leaves a `performance.mark` (read by `scripts/bench-staff.mjs`; costs nothing otherwise).
pub fn mark(name: &str) {
    if let Some(perf) = web_sys::window().and_then(|w| w.performance()) {
        let _ = perf.mark(name);
    }
}

/// Today in Vietnam and the minutes past midnight.
pub fn vn_now(now: time::OffsetDateTime) -> (time::Date, u16) {
    let vn = to_vietnam(now);
    (vn.date(), crate::domain::vn_time::minutes_of_day(vn))
}

/// Mounts staff mode on `<body>`.
pub fn mount() {
    leptos::mount::mount_to_body(StaffApp);
}

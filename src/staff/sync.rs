//! Staff mode's sync with the deployment's CouchDB server (`deployment.json`'s `sync`):
//! the session, the runs (after a save, on a timer, backing off while the server is
//! unreachable), the status line shown on every section, the sign-in panel, the conflicts
//! to settle, and the devices whose data the dashboard includes.
//!
//! The rules are `domain::tally::sync`; this module only runs them and shows their state.
//! Entry never waits for it: a run works on what is stored and the ledger shown is reloaded
//! only when a run took something in.

use std::collections::BTreeMap;

use leptos::prelude::*;

use super::{now, StaffState};
use crate::app::{current_lang, AppState};
use crate::components::tr::tr;
use crate::domain::sync_server::SyncServer;
use crate::domain::tally::progress::all_units;
use crate::domain::tally::report::format_count;
use crate::domain::tally::stamp::Stamp;
use crate::domain::tally::store::TallyStore;
use crate::domain::tally::sync::couch::{self, SyncError};
use crate::domain::tally::sync::engine::{self, Target};
use crate::domain::tally::ledger::Entry;
use crate::domain::tally::sync::engine::Resolved;
use crate::domain::tally::sync::{backoff_seconds, DeviceRecord, SyncConflict, SyncState};
use crate::domain::vn_time::format_date;
use crate::i18n::*;
use crate::web::couch::{request, CouchHttp};

/// Seconds between runs while everything goes well.
pub const SYNC_EVERY_SECONDS: u32 = 60;
/// Seconds between a save and the run that sends it.
pub const AFTER_SAVE_SECONDS: u32 = 2;
/// The setting holding the name of the CouchDB user this device signed in as.
pub const USER_KEY: &str = "sync_user";

/// Where sync stands, as the status line says it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum SyncStatus {
    /// Asking the server whether the device's session is still valid.
    Starting,
    /// No session: staff must sign in.
    SignedOut,
    /// A run is going on.
    Syncing,
    /// The last run finished.
    Synced,
    /// The server did not answer; the next try is in this many seconds.
    Unreachable(u32),
    /// The signed-in user may not use this campaign's database.
    Forbidden(String),
    /// The campaign's database does not exist.
    NoDatabase(String),
    /// Another problem, as the server or the store said it.
    Failed(String),
}

/// The sync service, in context when the deployment names a server.
#[derive(Clone, Copy)]
pub struct SyncService {
    server: StoredValue<SyncServer>,
    staff: StaffState,
    /// Where sync stands.
    pub status: RwSignal<SyncStatus>,
    /// The signed-in user's name (or the last one, to fill the form).
    pub user: RwSignal<Option<String>>,
    /// True while signed in.
    pub signed_in: RwSignal<bool>,
    /// Records saved here and not yet on the server.
    pub waiting: RwSignal<usize>,
    /// The campaign's sync state: conflicts, devices, last sync.
    pub state: RwSignal<SyncState>,
    running: StoredValue<bool>,
    again: StoredValue<bool>,
    failures: StoredValue<u32>,
    timer: StoredValue<Option<TimeoutHandle>>,
    /// Choices staff made for conflicts, settled at the start of the next run:
    /// (campaign, document, the version kept).
    queued: StoredValue<Vec<(String, String, Entry)>>,
    /// The documents whose conflict has a choice waiting (their buttons are disabled).
    pub resolving: RwSignal<Vec<String>>,
}

impl SyncService {
    /// The service for `server`; it starts when [`SyncService::start`] is called.
    pub fn new(server: SyncServer, staff: StaffState) -> SyncService {
        let service = SyncService {
            server: StoredValue::new(server),
            staff,
            status: RwSignal::new(SyncStatus::Starting),
            user: RwSignal::new(None),
            signed_in: RwSignal::new(false),
            waiting: RwSignal::new(0),
            state: RwSignal::new(SyncState::default()),
            running: StoredValue::new(false),
            again: StoredValue::new(false),
            failures: StoredValue::new(0),
            timer: StoredValue::new(None),
            queued: StoredValue::new(Vec::new()),
            resolving: RwSignal::new(Vec::new()),
        };
        // A save is sent a moment later; the count of waiting records follows the ledger.
        Effect::new(move |first: Option<()>| {
            staff.saved.track();
            if first.is_some() {
                service.schedule(AFTER_SAVE_SECONDS);
            }
        });
        Effect::new(move |_| {
            staff.ledger.track();
            if staff.ledger_for.get().is_some() {
                service.refresh();
            }
        });
        on_cleanup(move || service.cancel_timer());
        service
    }

    fn campaign(&self) -> Option<String> {
        self.staff.ledger_for.get_untracked()
    }

    /// The database of `campaign`.
    pub fn database(&self, campaign: &str) -> String {
        self.server.with_value(|s| s.database_for(campaign))
    }

    fn session_url(&self) -> String {
        format!("{}/_session", self.server.with_value(|s| s.url.trim_end_matches('/').to_string()))
    }

    /// Asks the server whether the stored session holds, then runs.
    pub fn start(self) {
        wasm_bindgen_futures::spawn_local(async move {
            let stored = self.staff.store().meta(USER_KEY).await.ok().flatten();
            self.user.set(stored.clone());
            // Signed out on purpose (or never signed in): the form waits.
            let Some(name) = stored.filter(|n| !n.is_empty()) else {
                self.status.set(SyncStatus::SignedOut);
                return;
            };
            match request("GET", &self.session_url(), None).await {
                // The server answers that there is no session (or another user's): sign in again.
                Ok((200, body)) if couch::read_session(&body).ok().flatten().as_deref() != Some(name.as_str()) => self.status.set(SyncStatus::SignedOut),
                Ok((401, _)) => self.status.set(SyncStatus::SignedOut),
                // Signed in; or offline, or the server is down (a proxy's 502): counts wait
                // and the next runs try again, backing off.
                _ => {
                    self.signed_in.set(true);
                    self.run();
                }
            }
        });
    }

    /// True when the server still knows this device's session.
    async fn session_holds(self) -> bool {
        match request("GET", &self.session_url(), None).await {
            Ok((200, body)) => couch::read_session(&body).ok().flatten().is_some(),
            _ => false,
        }
    }

    /// Signs in through `_session` (the browser keeps the cookie; the password is not
    /// stored), then runs. The error is the message to show.
    pub async fn sign_in(self, name: String, password: String) -> Result<(), SignInProblem> {
        let answer = request("POST", &self.session_url(), Some(&couch::session_body(&name, &password))).await;
        match answer {
            Ok((200, _)) => {
                let _ = self.staff.store().set_meta(USER_KEY, &name).await;
                self.user.set(Some(name));
                self.signed_in.set(true);
                self.failures.set_value(0);
                self.run();
                Ok(())
            }
            Ok((401, _)) => Err(SignInProblem::WrongPassword),
            Ok((status, body)) => Err(SignInProblem::Other(couch::http_error(status, &body, "_session").to_string())),
            Err(_) => Err(SignInProblem::Unreachable),
        }
    }

    /// Ends the session on the server and on this device (counts stay).
    pub fn sign_out(self) {
        self.cancel_timer();
        self.signed_in.set(false);
        self.status.set(SyncStatus::SignedOut);
        let url = self.session_url();
        wasm_bindgen_futures::spawn_local(async move {
            // The name stays for the form; the empty setting says "signed out on purpose".
            let _ = self.staff.store().set_meta(USER_KEY, "").await;
            let _ = request("DELETE", &url, None).await;
        });
    }

    fn cancel_timer(&self) {
        if let Some(Some(handle)) = self.timer.try_update_value(Option::take) {
            handle.clear();
        }
    }

    /// Runs in `seconds` (replacing a later planned run).
    fn schedule(self, seconds: u32) {
        if !self.signed_in.get_untracked() {
            return;
        }
        self.cancel_timer();
        let handle = set_timeout_with_handle(move || self.run(), std::time::Duration::from_secs(seconds as u64)).ok();
        self.timer.set_value(handle);
    }

    /// Keeps `keep` for the conflict of `doc`, in the next run (so no run and resolution
    /// ever write the sync state at the same time).
    pub fn resolve(self, doc: String, keep: Entry) {
        let Some(campaign) = self.campaign() else { return };
        if self.resolving.with_untracked(|r| r.contains(&doc)) {
            return;
        }
        self.resolving.update(|r| r.push(doc.clone()));
        self.queued.update_value(|q| q.push((campaign, doc, keep)));
        self.run();
    }

    /// One run now (or right after the one going on).
    pub fn run(self) {
        if !self.signed_in.get_untracked() {
            return;
        }
        if self.running.get_value() {
            self.again.set_value(true);
            return;
        }
        let Some(campaign) = self.campaign() else { return };
        self.cancel_timer();
        self.running.set_value(true);
        self.status.set(SyncStatus::Syncing);
        super::mark("sync:start");
        wasm_bindgen_futures::spawn_local(async move {
            // One tab of this browser syncs a campaign at a time (they share its state).
            let outcome = crate::web::couch::with_tab_lock(&format!("vneid-sync-{campaign}"), self.run_once(&campaign)).await;
            self.running.set_value(false);
            super::mark("sync:end");
            // Staff switched campaigns meanwhile: the one shown is not reloaded with this one's
            // data; the switch runs a sync of its own.
            let still_shown = self.campaign().as_deref() == Some(campaign.as_str());
            let reload = |pulled: bool| {
                if pulled && still_shown {
                    self.staff.load(campaign.clone());
                }
            };
            let next = match outcome {
                // Signed out while it ran: the status stays "signed out".
                _ if !self.signed_in.get_untracked() => None,
                // Another tab is syncing this campaign: try again at the usual pace.
                None => Some(SYNC_EVERY_SECONDS),
                Some(Ok(pulled)) => {
                    self.failures.set_value(0);
                    self.status.set(SyncStatus::Synced);
                    reload(pulled);
                    Some(SYNC_EVERY_SECONDS)
                }
                Some(Err(e)) => {
                    let failures = self.failures.get_value() + 1;
                    self.failures.set_value(failures);
                    let wait = backoff_seconds(failures);
                    // Something may have been taken in before the failure.
                    reload(true);
                    match e {
                        SyncError::Unreachable(_) => {
                            self.status.set(SyncStatus::Unreachable(wait));
                            Some(wait)
                        }
                        // A database may answer 401 to a user without rights on it (CouchDB 1.x,
                        // pouchdb-server): the session itself says which it is.
                        SyncError::SignedOut if self.session_holds().await => {
                            self.status.set(SyncStatus::Forbidden(self.database(&campaign)));
                            None
                        }
                        SyncError::SignedOut => {
                            self.signed_in.set(false);
                            self.status.set(SyncStatus::SignedOut);
                            None
                        }
                        SyncError::Forbidden(db) => {
                            self.status.set(SyncStatus::Forbidden(db));
                            None
                        }
                        SyncError::NoDatabase(db) => {
                            self.status.set(SyncStatus::NoDatabase(db));
                            None
                        }
                        other => {
                            self.status.set(SyncStatus::Failed(other.to_string()));
                            Some(wait)
                        }
                    }
                }
            };
            self.refresh();
            if self.again.try_update_value(std::mem::take).unwrap_or(false) {
                self.run();
            } else if let Some(seconds) = next {
                self.schedule(seconds);
            }
        });
    }

    /// Settles queued conflicts, then syncs; true when records were taken in.
    async fn run_once(self, campaign: &str) -> Result<bool, SyncError> {
        let store = self.staff.store();
        let author = self.staff.author(now());
        let database = self.database(campaign);
        let database_url = self.database_url(campaign);
        let device = self.staff.device_id.get_untracked();
        let label = self.staff.device_label.get_untracked();
        let target = Target { campaign, database: &database, database_url: &database_url, device: &device, label: &label };
        // Staff's choices for this campaign's conflicts (others wait for theirs).
        let queued = self.queued.try_update_value(|q| {
            let (mine, others): (Vec<_>, Vec<_>) = std::mem::take(q).into_iter().partition(|(c, _, _)| c == campaign);
            *q = others;
            mine
        });
        for (_, doc, keep) in queued.unwrap_or_default() {
            let outcome = engine::resolve_conflict(&*store, &target, &doc, &keep, &author).await;
            self.resolving.update(|r| r.retain(|d| d != &doc));
            // Done, already settled (a second click), or the versions changed since they were
            // shown (nothing written; the list shows them anew): the ledger shown is read again.
            let _: Resolved = outcome?;
            self.staff.load(campaign.to_string());
        }
        let summary = engine::sync_once(&*store, &CouchHttp, &target, Stamp::new(now())).await?;
        Ok(summary.pulled > 0)
    }

    /// Reads the sync state and the number of records waiting.
    fn refresh(self) {
        let Some(campaign) = self.campaign() else { return };
        let database_url = self.database_url(&campaign);
        wasm_bindgen_futures::spawn_local(async move {
            let store = self.staff.store();
            let state = engine::load_state(&*store, &campaign, &database_url).await.unwrap_or_default();
            if let Ok(mut marks) = store.sync_marks(&campaign).await {
                marks.retain(|_, m| m.server == database_url);
                let waiting = self.staff.ledger.with_untracked(|l| engine::waiting(l, &marks, &state));
                self.waiting.set(waiting);
            }
            self.state.set(state);
        });
    }

    /// The address of `campaign`'s database.
    fn database_url(&self, campaign: &str) -> String {
        couch::database_url(&self.server.with_value(|s| s.url.clone()), &self.database(campaign))
    }
}

/// Why signing in failed.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum SignInProblem {
    /// The server refused the name or the password.
    WrongPassword,
    /// No answer from the server.
    Unreachable,
    /// Another answer.
    Other(String),
}

fn hh_mm(at: Stamp) -> String {
    at.to_display().rsplit(' ').next().unwrap_or_default().to_string()
}

/// The status line, on every section (nothing without a server).
#[component]
pub fn SyncLine() -> impl IntoView {
    let Some(sync) = use_context::<SyncService>() else { return ().into_any() };
    let i18n = use_i18n();
    let text = move || {
        let waiting = sync.waiting.get();
        let state = sync.state.get();
        let mut parts = vec![match sync.status.get() {
            SyncStatus::Starting => t_string!(i18n, sync.starting).to_string(),
            SyncStatus::SignedOut => t_string!(i18n, sync.signed_out).to_string(),
            SyncStatus::Syncing => t_string!(i18n, sync.syncing).to_string(),
            SyncStatus::Synced => match state.last_synced {
                Some(at) => format!("{} {}", t_string!(i18n, sync.synced_at), hh_mm(at)),
                None => t_string!(i18n, sync.synced).to_string(),
            },
            SyncStatus::Unreachable(seconds) => format!("{} {} {}", t_string!(i18n, sync.unreachable), seconds, t_string!(i18n, sync.seconds)),
            SyncStatus::Forbidden(db) => format!("{} {db}", t_string!(i18n, sync.forbidden)),
            SyncStatus::NoDatabase(db) => format!("{} {db}", t_string!(i18n, sync.no_database)),
            SyncStatus::Failed(m) => format!("{}: {m}", t_string!(i18n, sync.failed)),
        }];
        if waiting > 0 {
            parts.push(format!("{} {waiting}", t_string!(i18n, sync.waiting)));
        }
        if !matches!(sync.status.get(), SyncStatus::Synced) {
            if let Some(at) = state.last_synced {
                parts.push(format!("{} {}", t_string!(i18n, sync.last_synced), at.to_display()));
            }
        }
        if !state.conflicts.is_empty() {
            parts.push(format!("{} {}", t_string!(i18n, sync.conflicts_waiting), state.conflicts.len()));
        }
        parts.join(" · ")
    };
    let attention = move || !matches!(sync.status.get(), SyncStatus::Synced | SyncStatus::Syncing | SyncStatus::Starting) || !sync.state.with(|s| s.conflicts.is_empty());
    view! {
        <p class="sync-line" class:attention=attention role="status" data-sync-status=move || format!("{:?}", sync.status.get()).split('(').next().unwrap_or_default().to_lowercase()>
            {text}
        </p>
    }
    .into_any()
}

/// Sign-in, "sync now", and the conflicts to settle (in the Data section).
#[component]
pub fn SyncPanel() -> impl IntoView {
    let Some(sync) = use_context::<SyncService>() else {
        return view! { <p class="muted" data-sync-off="">{tr(|l| td_string!(l, sync.off))}</p> }.into_any();
    };
    let i18n = use_i18n();
    let app = expect_context::<AppState>();
    let name = RwSignal::new(sync.user.get_untracked().unwrap_or_default());
    let password = RwSignal::new(String::new());
    let problem = RwSignal::new(None::<String>);
    let busy = RwSignal::new(false);
    let on_submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        if busy.get_untracked() {
            return;
        }
        let (n, p) = (name.get_untracked().trim().to_string(), password.get_untracked());
        if n.is_empty() || p.is_empty() {
            problem.set(Some(t_string!(i18n, sync.need_both).to_string()));
            return;
        }
        busy.set(true);
        problem.set(None);
        wasm_bindgen_futures::spawn_local(async move {
            let outcome = sync.sign_in(n, p).await;
            // The password leaves the form whatever happened.
            password.set(String::new());
            busy.set(false);
            problem.set(outcome.err().map(|e| match e {
                SignInProblem::WrongPassword => t_string!(i18n, sync.wrong_password).to_string(),
                SignInProblem::Unreachable => t_string!(i18n, sync.sign_in_unreachable).to_string(),
                SignInProblem::Other(m) => format!("{}: {m}", t_string!(i18n, sync.failed)),
            }));
        });
    };
    let signed_in_view = move || {
        let user = sync.user.get().unwrap_or_default();
        view! {
            <p>{tr(|l| td_string!(l, sync.signed_in_as))} " " <strong data-sync-user="">{user}</strong></p>
            <p class="actions">
                <button type="button" on:click=move |_| sync.run() disabled=move || matches!(sync.status.get(), SyncStatus::Syncing)>{tr(|l| td_string!(l, sync.sync_now))}</button>
                <button type="button" class="secondary" on:click=move |_| sync.sign_out()>{tr(|l| td_string!(l, sync.sign_out))}</button>
            </p>
        }
    };
    let sign_in_view = move || {
        view! {
            <form class="sync-sign-in" on:submit=on_submit>
                <p class="field">
                    <label for="sync-user">{tr(|l| td_string!(l, sync.user_label))}</label>
                    <input id="sync-user" type="text" name="username" autocomplete="username" prop:value=move || name.get() on:input=move |ev| name.set(event_target_value(&ev))/>
                </p>
                <p class="field">
                    <label for="sync-password">{tr(|l| td_string!(l, sync.password_label))}</label>
                    <input id="sync-password" name="password" type="password" autocomplete="current-password" prop:value=move || password.get() on:input=move |ev| password.set(event_target_value(&ev))/>
                </p>
                <p class="hint">{tr(|l| td_string!(l, sync.password_hint))}</p>
                <button type="submit" disabled=move || busy.get()>{tr(|l| td_string!(l, sync.sign_in))}</button>
            </form>
        }
    };
    let conflicts = move || {
        let state = sync.state.get();
        if state.conflicts.is_empty() {
            return ().into_any();
        }
        let c = app.campaign();
        let lang = current_lang();
        let units = sync.staff.ledger.with(|l| all_units(&c, l));
        let rows = state
            .conflicts
            .iter()
            .map(|conflict| conflict_row(sync, conflict, &c, lang, units.iter().find(|u| u.id == conflict.server.unit).map(|u| u.name(lang).to_string()).unwrap_or_else(|| conflict.server.unit.clone())))
            .collect_view();
        view! {
            <h4>{tr(|l| td_string!(l, sync.conflicts_title))}</h4>
            <p>{tr(|l| td_string!(l, sync.conflicts_help))}</p>
            <ul class="plain conflicts" data-sync-conflicts="">{rows}</ul>
        }
        .into_any()
    };
    let refused = move || {
        let refused = sync.state.with(|s| s.refused.clone());
        (!refused.is_empty()).then(|| {
            let rows = refused.into_iter().map(|(doc, why)| view! { <li><code>{doc}</code> ": " {why}</li> }).collect_view();
            view! {
                <h4>{tr(|l| td_string!(l, sync.refused_title))}</h4>
                <p>{tr(|l| td_string!(l, sync.refused_help))}</p>
                <ul class="plain" data-sync-refused="">{rows}</ul>
            }
        })
    };
    let database = move || sync.campaign().map(|c| sync.database(&c)).unwrap_or_default();
    view! {
        <section class="card sync-panel" aria-labelledby="sync-title">
            <h3 id="sync-title">{tr(|l| td_string!(l, sync.title))}</h3>
            <p class="muted">{tr(|l| td_string!(l, sync.server_is))} " " <code>{sync.server.with_value(|s| s.url.clone())}</code> " · " {tr(|l| td_string!(l, sync.database_is))} " " <code>{database}</code></p>
            {move || if sync.signed_in.get() { signed_in_view().into_any() } else { sign_in_view().into_any() }}
            {move || problem.get().map(|m| view! { <p class="save-failed" role="alert" data-sync-problem="">{m}</p> })}
            {conflicts}
            {refused}
        </section>
    }
    .into_any()
}

fn conflict_row(sync: SyncService, conflict: &SyncConflict, c: &crate::domain::campaign::Campaign, lang: crate::domain::text::Lang, unit: String) -> impl IntoView {
    let figures = |e: &crate::domain::tally::ledger::Entry| c.indicators.iter().map(|ind| format!("{} {}", ind.name.get(lang), format_count(e.counts.get(&ind.id), lang))).collect::<Vec<_>>().join(" / ");
    // This device's version as it is now (staff may have saved it again since).
    let current = sync.staff.ledger.with(|l| l.entry(conflict.server.date, &conflict.server.unit).cloned());
    let versions = conflict
        .versions(current.as_ref())
        .into_iter()
        .enumerate()
        .map(|(i, e)| {
            let here = conflict.mine.is_some() && i == 0;
            let line = format!("{} — {} · {}", figures(e), e.modified.to_display(), e.device);
            let doc = conflict.doc.clone();
            let waiting_doc = conflict.doc.clone();
            let kept = e.clone();
            view! {
                <li data-version=i>
                    <p>
                        {move || if here { t_string!(use_i18n(), sync.version_here) } else { t_string!(use_i18n(), sync.version_server) }}
                        ": " {line}
                    </p>
                    <button type="button" disabled=move || sync.resolving.with(|r| r.contains(&waiting_doc)) on:click=move |_| sync.resolve(doc.clone(), kept.clone())>{tr(|l| td_string!(l, sync.keep_this))}</button>
                </li>
            }
        })
        .collect_view();
    view! {
        <li class="conflict" data-sync-conflict=conflict.doc.clone()>
            <p><strong>{format_date(conflict.server.date)} " · " {unit}</strong></p>
            <ul class="plain">{versions}</ul>
        </li>
    }
}

/// The devices whose data the dashboard includes, and when each last synced.
#[component]
pub fn SyncDevices() -> impl IntoView {
    let Some(sync) = use_context::<SyncService>() else { return ().into_any() };
    let staff = sync.staff;
    let rows = move || {
        let known: BTreeMap<String, DeviceRecord> = sync.state.with(|s| s.devices.clone());
        let mut ids: Vec<String> = staff.ledger.with(|l| l.entries.values().map(|e| e.device.clone()).collect::<std::collections::BTreeSet<_>>().into_iter().collect());
        for id in known.keys() {
            if !ids.contains(id) {
                ids.push(id.clone());
            }
        }
        let this = staff.device_id.get();
        ids.into_iter()
            .map(|id| {
                let record = known.get(&id);
                let label = record.map(|r| r.label.clone()).filter(|l| !l.is_empty());
                let when = if id == this { sync.state.with(|s| s.last_synced) } else { record.map(|r| r.synced) };
                let name = match label {
                    Some(l) => format!("{l} ({id})"),
                    None => id.clone(),
                };
                let is_this = id == this;
                view! {
                    <li data-sync-device=id.clone()>
                        <strong>{name}</strong>
                        {is_this.then(|| view! { " " <span class="muted">{tr(|l| td_string!(l, sync.this_device))}</span> })}
                        " · "
                        {move || match when {
                            Some(at) => format!("{} {}", t_string!(use_i18n(), sync.last_synced), at.to_display()),
                            None => t_string!(use_i18n(), sync.never_synced).to_string(),
                        }}
                    </li>
                }
            })
            .collect_view()
    };
    view! {
        <section class="card dashboard-card sync-devices" aria-labelledby="sync-devices-title">
            <h3 id="sync-devices-title">{tr(|l| td_string!(l, sync.devices_title))}</h3>
            <ul class="plain">{rows}</ul>
        </section>
    }
    .into_any()
}

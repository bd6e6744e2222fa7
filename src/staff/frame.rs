//! Staff mode's frame: header, tabs, the campaign picker, the storage and backup banners,
//! and the section shown.

use leptos::prelude::*;

use super::{dashboard, data, entry, lock, poster, report, settings, Section, StaffState, StorageStatus};
use crate::app::{current_lang, AppState};
use crate::components::lang_switch::LangSwitch;
use crate::components::tr::{campaign_text, tr};
use crate::domain::presets::PRESET_INDEX;
use crate::domain::tally::store::StoreError;
use crate::domain::text::Lang;
use crate::i18n::*;
use crate::routes::query_value;

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

/// Header, tabs, banners and the section shown.
#[component]
pub(super) fn StaffFrame() -> impl IntoView {
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
            <ul>
                {tabs}
                // The campaign editor is its own page (and wasm), loaded only when opened.
                <li><a href="editor/" data-editor-link="">{tr(|l| td_string!(l, tally.editor_link))}</a></li>
            </ul>
        </nav>
        <crate::components::update_banner::UpdateBanner base=app.base.to_string()/>
        <main id="main" tabindex="-1">
            <h1>{tr(|l| td_string!(l, tally.title))} <span class="muted campaign-name">{campaign_text(|c| &c.area)}</span></h1>
            <div hidden=move || staff.locked.get() && staff.pin.get().is_some()><CampaignPicker/></div>
            <StorageBanner/>
            {move || (!staff.locked.get()).then(|| view! { <super::sync::SyncLine/> })}
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
    let device_id = move || {
        staff.device_id_unread.get().map(|reason| {
            view! {
                <div class="banner banner-error" role="alert" data-device-id="temporary">
                    <p>{tr(|l| td_string!(l, tally.device_id_unread))}</p>
                    <p class="muted"><code>{reason}</code></p>
                </div>
            }
        })
    };
    view! { {problem} {device_id} {status} }
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


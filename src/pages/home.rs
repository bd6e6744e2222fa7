//! Home: the campaign, its status today, and what to do next.

use leptos::prelude::*;

use crate::components::source_note::{FactSource, FileSource};
use crate::domain::guidance::Fact;

use crate::app::{current_lang, AppState};
use crate::components::campaign_status::CampaignStatus;
use crate::components::page_title::PageTitle;
use crate::components::document_line::DocumentLine;
use crate::domain::presets::PRESET_INDEX;
use crate::domain::vn_time::format_date;
use crate::components::tr::{campaign_text, tr};
use crate::i18n::*;

/// The home page.
#[component]
pub fn HomePage() -> impl IntoView {
    let i18n = use_i18n();
    let state = expect_context::<AppState>();
    let campaign = {
        let state = state.clone();
        Memo::new(move |_| state.campaign())
    };
    let lang = current_lang;
    let action = {
        let state = state.clone();
        move |path: &'static str, title: AnyView, hint: AnyView| {
            let state = state.clone();
            view! {
                <li>
                    <a href=move || state.href(path) class="action">
                        <strong>{title}</strong>
                        <span>{hint}</span>
                    </a>
                </li>
            }
        }
    };
    view! {
        <PageTitle heading=Signal::derive(move || t_string!(i18n, home.title).to_string())/>
        <p class="campaign-area">{campaign_text(|c| &c.area)}</p>
        <h1>{tr(|l| td_string!(l, home.title))}</h1>
        <p class="lead">{campaign_text(|c| &c.name)}</p>
        <CampaignStatus/>
        <h2>{tr(|l| td_string!(l, home.what_next))}</h2>
        <ul class="actions">
            {action("/check", tr(|l| td_string!(l, home.action_check)).into_any(), tr(|l| td_string!(l, home.action_check_hint)).into_any())}
            {action("/guide", tr(|l| td_string!(l, home.action_guide)).into_any(), tr(|l| td_string!(l, home.action_guide_hint)).into_any())}
            {action("/documents", tr(|l| td_string!(l, home.action_documents)).into_any(), tr(|l| td_string!(l, home.action_documents_hint)).into_any())}
            {action("/offices", tr(|l| td_string!(l, home.action_offices)).into_any(), tr(|l| td_string!(l, home.action_offices_hint)).into_any())}
            {action("/help", tr(|l| td_string!(l, home.action_help)).into_any(), tr(|l| td_string!(l, home.action_help_hint)).into_any())}
        </ul>
        <section class="card">
            <h2>{tr(|l| td_string!(l, home.for_whom))}</h2>
            <p>{campaign_text(|c| &c.audience)}</p>
            {move || view! { <FileSource source=campaign.get().source.clone() field="audience"/> }}
            <Show when=move || !campaign.get().offers.is_empty()>
                <h3>{tr(|l| td_string!(l, home.offers))}</h3>
                <ul>
                    {move || {
                        let c = campaign.get();
                        c.offers
                            .iter()
                            .enumerate()
                            .map(|(i, o)| view! { <li>{o.get(lang()).to_string()} <FileSource source=c.source.clone() field=format!("offers.{i}")/></li> })
                            .collect_view()
                    }}
                </ul>
            </Show>
        </section>
        <section class="card">
            <h2>{tr(|l| td_string!(l, home.levels_title))}</h2>
            <ul>
                <li>{tr(|l| td_string!(l, home.level1))}</li>
                <li>{tr(|l| td_string!(l, home.level2))}</li>
            </ul>
            <FactSource fact=Fact::HomeLevels/>
        </section>
        <CampaignSwitcher/>
        <section class="card">
            <p><DocumentLine/></p>
            <p class="muted">{campaign_text(|c| &c.document.title)}</p>
            <p class="muted">{tr(|l| td_string!(l, common.source_note))}</p>
        </section>
    }
}

/// Lists the built-in campaigns, unless the deployment fixes one.
#[component]
fn CampaignSwitcher() -> impl IntoView {
    let state = expect_context::<AppState>();
    if state.deployment.fixed_campaign || PRESET_INDEX.len() < 2 {
        return ().into_any();
    }
    let selected = state.requested;
    let on_change = {
        let state = state.clone();
        move |ev: leptos::ev::Event| {
            let id = event_target_value(&ev);
            state.choose_campaign(&id);
            // Keep the choice in the address so the page can be shared.
            let url = state.href("/");
            if let Ok(history) = window().history() {
                let _ = history.replace_state_with_url(&wasm_bindgen::JsValue::NULL, "", Some(&url));
            }
        }
    };
    view! {
        <section class="card switcher">
            <label for="campaign-select">{tr(|l| td_string!(l, home.switcher_label))}</label>
            <p class="muted" id="campaign-hint">{tr(|l| td_string!(l, home.switcher_hint))}</p>
            <select id="campaign-select" aria-describedby="campaign-hint" on:change=on_change>
                {PRESET_INDEX
                    .iter()
                    .map(|p| {
                        let label = move || match p.period() {
                            Some((start, end)) => format!("{} ({} – {})", p.area(current_lang()), format_date(start), format_date(end)),
                            None => p.area(current_lang()).to_string(),
                        };
                        view! {
                            <option value=p.id selected=move || selected.get() == p.id>{label}</option>
                        }
                    })
                    .collect_view()}
            </select>
        </section>
    }
    .into_any()
}

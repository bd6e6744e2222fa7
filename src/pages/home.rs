//! Home: the campaign, its status today, and what to do next.

use leptos::prelude::*;
use leptos_router::components::A;

use crate::app::{current_lang, AppState};
use crate::components::campaign_status::CampaignStatus;
use crate::components::page_title::PageTitle;
use crate::components::document_line::DocumentLine;
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
                    <A href=move || state.href(path) attr:class="action">
                        <strong>{title}</strong>
                        <span>{hint}</span>
                    </A>
                </li>
            }
        }
    };
    view! {
        <PageTitle heading=Signal::derive(move || t_string!(i18n, home.title).to_string())/>
        <p class="campaign-area">{move || campaign.get().area.get(lang()).to_string()}</p>
        <h1>{t!(i18n, home.title)}</h1>
        <p class="lead">{move || campaign.get().name.get(lang()).to_string()}</p>
        <CampaignStatus/>
        <h2>{t!(i18n, home.what_next)}</h2>
        <ul class="actions">
            {action("/guide", t!(i18n, home.action_guide).into_any(), t!(i18n, home.action_guide_hint).into_any())}
            {action("/documents", t!(i18n, home.action_documents).into_any(), t!(i18n, home.action_documents_hint).into_any())}
            {action("/offices", t!(i18n, home.action_offices).into_any(), t!(i18n, home.action_offices_hint).into_any())}
            {action("/help", t!(i18n, home.action_help).into_any(), t!(i18n, home.action_help_hint).into_any())}
        </ul>
        <section class="card">
            <h2>{t!(i18n, home.for_whom)}</h2>
            <p>{move || campaign.get().audience.get(lang()).to_string()}</p>
            <Show when=move || !campaign.get().offers.is_empty()>
                <h3>{t!(i18n, home.offers)}</h3>
                <ul>
                    {move || campaign.get().offers.iter().map(|o| view! { <li>{o.get(lang()).to_string()}</li> }).collect_view()}
                </ul>
            </Show>
        </section>
        <section class="card">
            <h2>{t!(i18n, home.levels_title)}</h2>
            <ul>
                <li>{t!(i18n, home.level1)}</li>
                <li>{t!(i18n, home.level2)}</li>
            </ul>
        </section>
        <CampaignSwitcher/>
        <section class="card">
            <p><DocumentLine/></p>
            <p class="muted">{move || campaign.get().document.title.get(lang()).to_string()}</p>
            <p class="muted">{t!(i18n, common.source_note)}</p>
        </section>
    }
}

/// Lists the built-in campaigns, unless the deployment fixes one.
#[component]
fn CampaignSwitcher() -> impl IntoView {
    let i18n = use_i18n();
    let state = expect_context::<AppState>();
    if state.deployment.fixed_campaign || state.campaigns.len() < 2 {
        return ().into_any();
    }
    let campaigns = state.campaigns.clone();
    let selected = state.campaign_id;
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
            <label for="campaign-select">{t!(i18n, home.switcher_label)}</label>
            <p class="muted" id="campaign-hint">{t!(i18n, home.switcher_hint)}</p>
            <select id="campaign-select" aria-describedby="campaign-hint" on:change=on_change>
                {campaigns
                    .iter()
                    .map(|c| {
                        let id = c.id.clone();
                        let is_selected = {
                            let id = id.clone();
                            move || selected.get() == id
                        };
                        let c = c.clone();
                        view! {
                            <option value=id selected=is_selected>
                                {move || format!("{} – {}", c.area.get(current_lang()), c.name.get(current_lang()))}
                            </option>
                        }
                    })
                    .collect_view()}
            </select>
        </section>
    }
    .into_any()
}

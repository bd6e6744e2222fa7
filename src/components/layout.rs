//! Header (brand, language switch), navigation, main area and footer.

use leptos::prelude::*;

use crate::app::AppState;
use crate::components::lang_switch::LangSwitch;
use crate::components::document_line::DocumentLine;
use crate::components::tr::{campaign_text, tr};
use crate::i18n::*;
use crate::routes::Route;
use crate::web::navigation::Location;

/// The frame around every page.
#[component]
pub fn Layout(children: Children) -> impl IntoView {
    let i18n = use_i18n();
    let state = expect_context::<AppState>();
    let location = expect_context::<Location>();
    let current = move |path: &'static str| (location.route.get().path() == path && location.route.get() != Route::NotFound).then_some("page");
    let nav_item = {
        let state = state.clone();
        move |path: &'static str, label: Signal<String>| {
            let state = state.clone();
            let current = current.clone();
            view! {
                <li>
                    <a href=move || state.href(path) aria-current=move || current(path)>{move || label.get()}</a>
                </li>
            }
        }
    };
    let home_state = state.clone();
    let loading = Signal::derive({
        let state = state.clone();
        move || state.requested.get() != state.campaign_id.get()
    });
    view! {
        <a class="skip-link" href="#main">{tr(|l| td_string!(l, nav.skip))}</a>
        <header class="site-header">
            <div class="bar">
                <a href=move || home_state.href("/") class="brand">
                    <span>{tr(|l| td_string!(l, app.name))}</span>
                </a>
                <LangSwitch/>
            </div>
        </header>
        <nav class="site-nav" aria-label=move || t_string!(i18n, nav.label)>
            <ul>
                {nav_item("/", Signal::derive(move || t_string!(i18n, nav.home).to_string()))}
                {nav_item("/check", Signal::derive(move || t_string!(i18n, nav.check).to_string()))}
                {nav_item("/guide", Signal::derive(move || t_string!(i18n, nav.guide).to_string()))}
                {nav_item("/documents", Signal::derive(move || t_string!(i18n, nav.documents).to_string()))}
                {nav_item("/offices", Signal::derive(move || t_string!(i18n, nav.offices).to_string()))}
                {nav_item("/help", Signal::derive(move || t_string!(i18n, nav.help).to_string()))}
                {nav_item(crate::routes::STAFF_APP_PATH, Signal::derive(move || t_string!(i18n, nav.staff).to_string()))}
            </ul>
        </nav>
        <crate::components::kiosk::KioskGuard/>
        <LoadBanner/>
        <crate::components::update_banner::UpdateBanner base=state.base.to_string()/>
        <main id="main" tabindex="-1" hidden=move || loading.get()>{children()}</main>
        <footer class="site-footer">
            <p>{campaign_text(|c| &c.issuer)} " · " <DocumentLine/> " · " {tr(|l| td_string!(l, footer.offline))}</p>
            <p class="gloss" lang="vi">{tr(|l| td_string!(l, common.qlhc_full))}</p>
        </footer>
    }
}

/// Says that a chosen campaign is loading, or why it could not be loaded.
#[component]
fn LoadBanner() -> impl IntoView {
    let state = expect_context::<AppState>();
    move || {
        if let Some(reason) = state.load_error.get() {
            view! {
                <div class="banner banner-error" role="alert">
                    <p>{tr(|l| td_string!(l, common.load_failed))}</p>
                    <p class="muted"><code>{reason}</code></p>
                </div>
            }
            .into_any()
        } else if state.requested.get() != state.campaign_id.get() {
            view! { <p class="banner" role="status">{tr(|l| td_string!(l, common.loading))}</p> }.into_any()
        } else {
            ().into_any()
        }
    }
}

//! Shown for an address that is not a page of the app.

use leptos::prelude::*;

use crate::app::AppState;
use crate::components::page_title::PageTitle;
use crate::components::tr::tr;
use crate::i18n::*;

/// The "page not found" page.
#[component]
pub fn NotFoundPage() -> impl IntoView {
    let i18n = use_i18n();
    let state = expect_context::<AppState>();
    view! {
        <PageTitle heading=Signal::derive(move || t_string!(i18n, not_found.title).to_string())/>
        <h1>{tr(|l| td_string!(l, not_found.title))}</h1>
        <p>{tr(|l| td_string!(l, not_found.body))}</p>
        <p><a class="more-link" href=move || state.href("/")>{tr(|l| td_string!(l, not_found.home))}</a></p>
    }
}

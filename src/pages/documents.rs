//! What to bring: the required card, optional papers, and children's cases.

use leptos::prelude::*;

use crate::components::page_title::PageTitle;
use crate::i18n::*;

/// The documents page.
#[component]
pub fn DocumentsPage() -> impl IntoView {
    let i18n = use_i18n();
    view! {
        <PageTitle heading=Signal::derive(move || t_string!(i18n, documents.title).to_string())/>
        <h1>{t!(i18n, documents.title)}</h1>
        <section class="card">
            <h2>{t!(i18n, documents.required_title)}</h2>
            <p><strong>{t!(i18n, documents.required_card)}</strong></p>
        </section>
        <section class="card">
            <h2>{t!(i18n, documents.optional_title)}</h2>
            <ul>
                <li>{t!(i18n, documents.opt_health)}</li>
                <li>{t!(i18n, documents.opt_social)}</li>
                <li>{t!(i18n, documents.opt_licence)}</li>
                <li>{t!(i18n, documents.opt_vehicle)}</li>
                <li>{t!(i18n, documents.opt_tax)}</li>
            </ul>
        </section>
        <section class="card">
            <h2>{t!(i18n, documents.children_title)}</h2>
            <ul>
                <li>{t!(i18n, documents.child_under6)}</li>
                <li>{t!(i18n, documents.child_6to14)}</li>
                <li>{t!(i18n, documents.adult_14)}</li>
                <li>{t!(i18n, documents.undetermined)}</li>
            </ul>
        </section>
    }
}

//! What to bring: the required card, optional papers, and the rules by age; each with its source.

use leptos::prelude::*;

use crate::components::page_title::PageTitle;
use crate::components::source_note::FactSource;
use crate::components::tr::tr;
use crate::domain::guidance::Fact;
use crate::i18n::*;

/// The documents page.
#[component]
pub fn DocumentsPage() -> impl IntoView {
    let i18n = use_i18n();
    view! {
        <PageTitle heading=Signal::derive(move || t_string!(i18n, documents.title).to_string())/>
        <h1>{tr(|l| td_string!(l, documents.title))}</h1>
        <section class="card">
            <h2>{tr(|l| td_string!(l, documents.required_title))}</h2>
            <p><strong>{tr(|l| td_string!(l, documents.required_card))}</strong></p>
            <FactSource fact=Fact::DocRequiredCard/>
        </section>
        <section class="card">
            <h2>{tr(|l| td_string!(l, documents.optional_title))}</h2>
            <ul>
                <li>{tr(|l| td_string!(l, documents.opt_health))}</li>
                <li>{tr(|l| td_string!(l, documents.opt_social))}</li>
                <li>{tr(|l| td_string!(l, documents.opt_licence))}</li>
                <li>{tr(|l| td_string!(l, documents.opt_vehicle))}</li>
                <li>{tr(|l| td_string!(l, documents.opt_tax))}</li>
            </ul>
            <FactSource fact=Fact::DocOptional/>
        </section>
        <section class="card">
            <h2>{tr(|l| td_string!(l, documents.children_title))}</h2>
            <ul>
                <li>{tr(|l| td_string!(l, documents.child_under6))} <FactSource fact=Fact::DocChildUnder6/></li>
                <li>{tr(|l| td_string!(l, documents.child_6to14))} <FactSource fact=Fact::DocChild6To14/></li>
                <li>{tr(|l| td_string!(l, documents.adult_14))} <FactSource fact=Fact::DocAdult14/></li>
                <li>{tr(|l| td_string!(l, documents.undetermined))} <FactSource fact=Fact::DocUndetermined/></li>
            </ul>
        </section>
    }
}

//! What to bring: the required card, optional papers, and the rules by age; each with its source.

use leptos::prelude::*;

use crate::domain::guidance::Fact;
use crate::i18n::*;
use crate::site::context::tx;
use crate::site::parts::FactSource;

/// The documents page.
pub fn page() -> (String, AnyView) {
    let heading = tx(|l| td_string!(l, documents.title)).to_string();
    let body = view! {
        <h1>{heading.clone()}</h1>
        <section class="card">
            <h2>{tx(|l| td_string!(l, documents.required_title))}</h2>
            <p><strong>{tx(|l| td_string!(l, documents.required_card))}</strong></p>
            <FactSource fact=Fact::DocRequiredCard/>
        </section>
        <section class="card">
            <h2>{tx(|l| td_string!(l, documents.optional_title))}</h2>
            <ul>
                <li>{tx(|l| td_string!(l, documents.opt_health))}</li>
                <li>{tx(|l| td_string!(l, documents.opt_social))}</li>
                <li>{tx(|l| td_string!(l, documents.opt_licence))}</li>
                <li>{tx(|l| td_string!(l, documents.opt_vehicle))}</li>
                <li>{tx(|l| td_string!(l, documents.opt_tax))}</li>
            </ul>
            <FactSource fact=Fact::DocOptional/>
        </section>
        <section class="card">
            <h2>{tx(|l| td_string!(l, documents.children_title))}</h2>
            <ul>
                <li>{tx(|l| td_string!(l, documents.child_under6))} <FactSource fact=Fact::DocChildUnder6/></li>
                <li>{tx(|l| td_string!(l, documents.child_6to14))} <FactSource fact=Fact::DocChild6To14/></li>
                <li>{tx(|l| td_string!(l, documents.adult_14))} <FactSource fact=Fact::DocAdult14/></li>
                <li>{tx(|l| td_string!(l, documents.undetermined))} <FactSource fact=Fact::DocUndetermined/></li>
            </ul>
        </section>
    };
    (heading, body.into_any())
}

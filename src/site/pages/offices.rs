//! Where to go: every office of the campaign with its hours; the live status and the
//! filters are islands.

use leptos::prelude::*;

use crate::domain::campaign::FilterItem;
use crate::domain::vn_time::format_date;
use crate::i18n::*;
use crate::site::context::{current, text, tx};
use crate::domain::island_data::OfficeFiltersData;
use crate::site::islands::offices::OfficeFilters;
use crate::site::islands::IslandData;
use crate::site::parts::{FileSource, OfficeCard};

/// The offices page.
pub fn page() -> (String, AnyView) {
    let p = current();
    let c = p.campaign.clone();
    let heading = tx(|l| td_string!(l, offices.title)).to_string();
    let ended = p.ended_at_build().then(|| view! { <p class="status ended">{tx(|l| td_string!(l, offices.ended_warning))}</p> });
    let cards = if c.offices.is_empty() {
        view! { <p class="card">{tx(|l| td_string!(l, offices.no_offices))}</p> }.into_any()
    } else {
        c.offices.iter().cloned().map(|office| view! { <OfficeCard office/> }).collect_view().into_any()
    };
    let visits = (!c.visits.is_empty()).then(|| {
        let mut list = c.visits.clone();
        list.sort_by_key(|v| v.date);
        let items = list
            .into_iter()
            .map(|v| {
                let mut line = format_date(v.date);
                if let Some(h) = &v.hours {
                    line = format!("{line}, {}", h.replace('-', "–"));
                }
                line = format!("{line}: {}", text(&v.place));
                if let Some(n) = &v.notes {
                    line = format!("{line}. {}", text(n));
                }
                view! { <li>{line} <FileSource source=v.source.clone()/></li> }
            })
            .collect_view();
        view! {
            <section class="card visits" aria-labelledby="visits-title">
                <h2 id="visits-title">{tx(|l| td_string!(l, offices.visits_title))}</h2>
                <p>{tx(|l| td_string!(l, offices.visits_intro))}</p>
                <ul>{items}</ul>
            </section>
        }
    });
    let body = view! {
        <h1>{heading.clone()}</h1>
        <p>{tx(|l| td_string!(l, offices.intro))}</p>
        {ended}
        <IslandData data=OfficeFiltersData { lang: p.lang(), offices: c.offices.iter().map(FilterItem::from).collect() }.pack()><OfficeFilters/></IslandData>
        {cards}
        {visits}
    };
    (heading, body.into_any())
}

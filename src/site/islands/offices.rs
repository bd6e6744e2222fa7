//! The offices page's search and filters: they hide the cards (rendered at build time)
//! that do not match. Shown but disabled until the island runs (so nothing shifts when it
//! starts); without JavaScript every office shows.

use leptos::prelude::*;

use super::{island_input, live_now};
use crate::domain::campaign::OfficeFilter;
use crate::domain::island_data::OfficeFiltersData;
use crate::i18n::*;
use crate::site::locale_of;

/// The element id of an office's card.
pub fn card_id(office_id: &str) -> String {
    format!("office-{office_id}")
}

/// Search box and "open now / evenings / weekends"; its data (`OfficeFiltersData`) describes the campaign's offices.
// An island in the citizen builds but the core one (`core-islands`); a plain component in
// the campaign editor's preview (no hydration there) and, unused, in the core build.
#[cfg_attr(any(feature = "ssr", all(feature = "hydrate", not(feature = "core-islands"))), island)]
#[cfg_attr(not(any(feature = "ssr", all(feature = "hydrate", not(feature = "core-islands")))), component)]
pub fn OfficeFilters() -> impl IntoView {
    let Some(OfficeFiltersData { lang, offices }) = OfficeFiltersData::unpack(&island_input()) else {
        return None;
    };
    let locale = locale_of(lang);
    let now = live_now();
    let filter = RwSignal::new(OfficeFilter::default());
    let running = RwSignal::new(false);
    Effect::new(move |_| running.set(true));
    let offices = StoredValue::new(offices);
    // Which cards match; applied to the page's cards once the island runs.
    let matching = Memo::new(move |_| {
        let Some(now) = now.get() else { return None };
        Some(filter.with(|f| offices.with_value(|list| list.iter().map(|o| (o.id.clone(), f.accepts_item(o, now))).collect::<Vec<_>>())))
    });
    #[cfg(target_arch = "wasm32")]
    Effect::new(move |_| {
        let Some(list) = matching.get() else { return };
        let document = document();
        for (id, shown) in &list {
            if let Some(card) = document.get_element_by_id(&card_id(id)) {
                let _ = if *shown { card.remove_attribute("hidden") } else { card.set_attribute("hidden", "") };
            }
        }
    });
    let none_match = move || matching.get().is_some_and(|l| l.iter().all(|(_, shown)| !shown));
    let toggle = move |set: fn(&mut OfficeFilter, bool)| {
        move |ev: leptos::ev::Event| {
            let on = event_target_checked(&ev);
            filter.update(|f| set(f, on));
        }
    };
    Some(view! {
        <form class="card filters" role="search" on:submit=|ev| ev.prevent_default()>
            <label for="office-search">{td_string!(locale, offices.search_label)}</label>
            <input
                id="office-search"
                type="search"
                autocomplete="off"
                disabled=move || !running.get()
                on:input=move |ev| filter.update(|f| f.query = event_target_value(&ev))
            />
            <fieldset disabled=move || !running.get()>
                <legend>{td_string!(locale, offices.filter_legend)}</legend>
                <label class="check">
                    <input type="checkbox" on:change=toggle(|f, on| f.open_now = on)/>
                    {td_string!(locale, offices.filter_open_now)}
                </label>
                <label class="check">
                    <input type="checkbox" on:change=toggle(|f, on| f.evenings = on)/>
                    {td_string!(locale, offices.filter_evenings)}
                </label>
                <label class="check">
                    <input type="checkbox" on:change=toggle(|f, on| f.weekends = on)/>
                    {td_string!(locale, offices.filter_weekends)}
                </label>
            </fieldset>
            <p class="card" role="status" hidden=move || !none_match()>{td_string!(locale, offices.no_match)}</p>
        </form>
    })
}

//! The live parts of the citizen pages (`#[island]`s), in both builds.
//!
//! Each island renders the same neutral HTML at build time and in its first render in
//! the browser (no clock, no device storage), then sets the live value from an effect,
//! which only runs in the browser. Islands take no props (Leptos would serialise them as
//! JSON, and `serde_json` would cost the wasm about 33 KB gzip): the page wraps each island
//! in an [`IslandData`] frame whose `data-island` attribute holds what it needs, packed by
//! `domain::island_data`, and the island reads it with [`island_input`]. The ticks store is
//! provided to all of them by [`hydrate`].

pub mod boot;
pub mod offices;
pub mod status;
pub mod steps;

use chrono::{DateTime, FixedOffset};
use leptos::prelude::*;

/// Starts the live clock of an island: `None` until the island runs in the browser,
/// then Vietnam "now" from the browser clock, refreshed every 30 seconds.
pub fn live_now() -> RwSignal<Option<DateTime<FixedOffset>>> {
    let now = RwSignal::new(None);
    #[cfg(target_arch = "wasm32")]
    Effect::new(move |started: Option<()>| {
        use crate::domain::vn_time::Clock;
        now.set(Some(crate::web::clock::BrowserClock.now()));
        if started.is_none() {
            let handle = set_interval_with_handle(
                move || now.set(Some(crate::web::clock::BrowserClock.now())),
                std::time::Duration::from_secs(CLOCK_REFRESH_SECONDS),
            );
            on_cleanup(move || {
                if let Ok(h) = handle {
                    h.clear();
                }
            });
        }
    });
    now
}

/// How often live statuses follow the clock (a kiosk stays on a page for hours).
pub const CLOCK_REFRESH_SECONDS: u64 = 30;

/// Fills `%name` placeholders of a translated template (`"Đang mở cửa, đến %time"`).
pub fn fill(template: &str, values: &[(&str, &str)]) -> String {
    let mut out = template.to_string();
    for (name, value) in values {
        out = out.replace(&format!("%{name}"), value);
    }
    out
}

/// The islands of the core build (`--features hydrate,core-islands`): a page whose islands
/// are all among these loads that smaller wasm. Every other island is left out of it.
pub const CORE_ISLANDS: [&str; 2] = ["PageBoot", "CampaignStatus"];

/// The packed data of an island, provided by its [`IslandData`] frame while a page renders.
#[derive(Clone, Debug)]
#[cfg_attr(all(target_arch = "wasm32", feature = "hydrate"), allow(dead_code))]
struct IslandInput(String);

/// Wraps an island with the data it needs (`data`, packed by `domain::island_data`): the
/// frame's `data-island` attribute carries it to the browser, and while the page renders
/// (at build time, or in the campaign editor's preview) it is provided to the island.
#[component]
pub fn IslandData(
    /// The island's packed data.
    data: String,
    /// The island.
    children: TypedChildren<impl IntoView + 'static>,
) -> impl IntoView {
    let input = IslandInput(data.clone());
    view! {
        <div class="island-data" data-island=data>
            <leptos::context::Provider value=input>{children.into_inner()()}</leptos::context::Provider>
        </div>
    }
}

/// The packed data of the island being built: from its [`IslandData`] frame's context while
/// a page renders, and in the browser from the frame around the island that
/// [`enter_island`] named. Empty when there is none (the island then stays neutral).
/// In the browser this holds because each island is hydrated synchronously right after
/// `enter_island`; a lazy island (`#[island(lazy)]`, hydrated later) would read another
/// island's data, so none of ours is lazy.
pub fn island_input() -> String {
    #[cfg(all(target_arch = "wasm32", feature = "hydrate"))]
    {
        ENTERED.with(|entered| entered.borrow().clone())
    }
    #[cfg(not(all(target_arch = "wasm32", feature = "hydrate")))]
    {
        use_context::<IslandInput>().map(|input| input.0).unwrap_or_default()
    }
}

#[cfg(all(target_arch = "wasm32", feature = "hydrate"))]
thread_local! {
    /// The `data-island` value of the frame around the island being hydrated.
    static ENTERED: std::cell::RefCell<String> = const { std::cell::RefCell::new(String::new()) };
}

/// Called by the start-up script before it hydrates each island (`el`, a `<leptos-island>`):
/// keeps the data of the [`IslandData`] frame around it for [`island_input`].
#[cfg(all(target_arch = "wasm32", feature = "hydrate"))]
#[wasm_bindgen::prelude::wasm_bindgen]
pub fn enter_island(el: web_sys::HtmlElement) {
    let data = el.parent_element().and_then(|frame| frame.get_attribute("data-island")).unwrap_or_default();
    ENTERED.with(|entered| *entered.borrow_mut() = data);
}

/// The browser entry point, called by the page's start-up script once the wasm is loaded:
/// makes the islands' root and gives every island the ticks kept on this device.
#[cfg(all(target_arch = "wasm32", feature = "hydrate"))]
#[wasm_bindgen::prelude::wasm_bindgen]
pub fn hydrate() {
    leptos::mount::hydrate_islands();
    provide_context(steps::TickStore::load());
}

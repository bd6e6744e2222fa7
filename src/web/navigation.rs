//! Client-side navigation: the current address as signals, in-app link clicks
//! turned into history entries, and back/forward followed.

use leptos::prelude::*;
use wasm_bindgen::closure::Closure;
use wasm_bindgen::{JsCast, JsValue};

use crate::routes::Route;

/// The current address (context): path without the base, and the query.
#[derive(Clone, Copy)]
pub struct Location {
    /// The page shown.
    pub route: RwSignal<Route>,
    /// The query string, with its leading `?` (or empty).
    pub search: RwSignal<String>,
}

impl Location {
    /// Reads the browser's address and starts following link clicks and history.
    pub fn start(base: &str) -> Location {
        let location = Location { route: RwSignal::new(Route::NotFound), search: RwSignal::new(String::new()) };
        location.sync(base);
        let window = window();
        let on_pop = {
            let base = base.to_string();
            Closure::<dyn Fn()>::new(move || location.sync(&base))
        };
        let _ = window.add_event_listener_with_callback("popstate", on_pop.as_ref().unchecked_ref());
        on_pop.forget();
        let on_click = {
            let base = base.to_string();
            Closure::<dyn Fn(web_sys::MouseEvent)>::new(move |ev: web_sys::MouseEvent| location.follow(&ev, &base))
        };
        let _ = document().add_event_listener_with_callback("click", on_click.as_ref().unchecked_ref());
        on_click.forget();
        location
    }

    /// Updates the signals from the browser's address.
    fn sync(self, base: &str) {
        let here = window().location();
        let path = here.pathname().unwrap_or_default();
        let route = Route::from_pathname(&path, base);
        if self.route.get_untracked() != route {
            self.route.set(route);
        }
        let search = here.search().unwrap_or_default();
        if self.search.get_untracked() != search {
            self.search.set(search);
        }
    }

    /// Handles a click on an in-app link without reloading the page.
    fn follow(self, ev: &web_sys::MouseEvent, base: &str) {
        if ev.default_prevented() || ev.button() != 0 || ev.ctrl_key() || ev.meta_key() || ev.shift_key() || ev.alt_key() {
            return;
        }
        let Some(anchor) = ev
            .target()
            .and_then(|t| t.dyn_into::<web_sys::Element>().ok())
            .and_then(|el| el.closest("a[href]").ok().flatten())
            .and_then(|el| el.dyn_into::<web_sys::HtmlAnchorElement>().ok())
        else {
            return;
        };
        let here = window().location();
        let same_origin = anchor.origin() == here.origin().unwrap_or_default();
        let in_app = anchor.pathname().starts_with(base)
            && !crate::routes::is_staff_app(&anchor.pathname(), base)
            && anchor.target().is_empty()
            && !anchor.has_attribute("download");
        if !same_origin || !in_app || anchor.get_attribute("href").is_some_and(|h| h.starts_with('#')) {
            return;
        }
        let same_page = anchor.pathname() == here.pathname().unwrap_or_default()
            && anchor.search() == here.search().unwrap_or_default();
        if same_page && !anchor.hash().is_empty() {
            return; // A jump within the page: the browser does it.
        }
        ev.prevent_default();
        let url = format!("{}{}{}", anchor.pathname(), anchor.search(), anchor.hash());
        if let Ok(history) = window().history() {
            let _ = history.push_state_with_url(&JsValue::NULL, "", Some(&url));
        }
        self.sync(base);
        self.after_navigation(&anchor.hash());
    }

    /// Scrolls to the target of `hash`, or to the top and moves focus to the main
    /// area, so keyboard and screen-reader users start reading the new page.
    fn after_navigation(self, hash: &str) {
        let hash = hash.trim_start_matches('#').to_string();
        request_animation_frame(move || {
            let doc = document();
            let target = if hash.is_empty() { None } else { doc.get_element_by_id(&hash) };
            match target {
                Some(el) => el.scroll_into_view(),
                None => {
                    window().scroll_to_with_x_and_y(0.0, 0.0);
                    if let Some(main) = doc.get_element_by_id("main").and_then(|m| m.dyn_into::<web_sys::HtmlElement>().ok()) {
                        let _ = main.focus();
                    }
                }
            }
        });
    }

    /// Replaces the address (no new history entry), e.g. after a choice that the URL should keep.
    pub fn replace(self, url: &str, base: &str) {
        if let Ok(history) = window().history() {
            let _ = history.replace_state_with_url(&JsValue::NULL, "", Some(url));
        }
        self.sync(base);
    }
}

//! Ticks on the steps ("I have done this step"), kept on this device, and the step tools
//! (open or close every step, clear the ticks). The steps themselves are `<details>`,
//! which open and close without any code.

use leptos::prelude::*;

use super::island_input;
use crate::domain::island_data::{unpack_lang, StepTickData};
use crate::domain::pathway::{Step, Ticks};
use crate::i18n::*;
use crate::site::locale_of;

/// The citizen's ticked steps, shared by every island of the page (provided by `hydrate`).
#[derive(Clone, Copy)]
pub struct TickStore(pub RwSignal<Ticks>);

impl TickStore {
    /// Loads the ticks stored on this device (none at build time).
    pub fn load() -> TickStore {
        #[cfg(target_arch = "wasm32")]
        let stored = crate::web::prefs::open_prefs().get(crate::pref_keys::TICKS).unwrap_or_default();
        #[cfg(not(target_arch = "wasm32"))]
        let stored = String::new();
        TickStore(RwSignal::new(Ticks::parse(&stored)))
    }

    /// The store of the page, or an empty one (at build time).
    pub fn current() -> TickStore {
        use_context::<TickStore>().unwrap_or_else(|| TickStore(RwSignal::new(Ticks::default())))
    }

    /// Ticks or unticks `step` and stores the result.
    pub fn set(self, step: Step, done: bool) {
        self.0.update(|t| t.set(step, done));
        self.save();
    }

    /// Removes every tick.
    pub fn clear(self) {
        self.0.set(Ticks::default());
        self.save();
    }

    fn save(self) {
        #[cfg(target_arch = "wasm32")]
        {
            let stored = self.0.with_untracked(Ticks::to_stored);
            let prefs = crate::web::prefs::open_prefs();
            if stored.is_empty() {
                prefs.remove(crate::pref_keys::TICKS);
            } else {
                prefs.set(crate::pref_keys::TICKS, &stored);
            }
        }
    }
}

/// The tick box of one step (its data names the step); unticked until the island runs.
// An island in the citizen builds but the core one (`core-islands`); a plain component in
// the campaign editor's preview (no hydration there) and, unused, in the core build.
#[cfg_attr(any(feature = "ssr", all(feature = "hydrate", not(feature = "core-islands"))), island)]
#[cfg_attr(not(any(feature = "ssr", all(feature = "hydrate", not(feature = "core-islands")))), component)]
pub fn StepTick() -> impl IntoView {
    let Some(StepTickData { lang, step }) = StepTickData::unpack(&island_input()) else {
        return None;
    };
    let locale = locale_of(lang);
    let step = Step::from_id(&step);
    let ticks = TickStore::current();
    let loaded = RwSignal::new(false);
    Effect::new(move |_| loaded.set(true));
    let done = move || loaded.get() && step.is_some_and(|s| ticks.0.with(|t| t.contains(s)));
    Some(view! {
        <label class="tick">
            <input
                type="checkbox"
                prop:checked=done
                on:change=move |ev| {
                    if let Some(s) = step {
                        ticks.set(s, event_target_checked(&ev));
                    }
                }
            />
            {td_string!(locale, steps.done)}
        </label>
    })
}

/// "Open all steps / close all steps" and "clear my ticks"; invisible (keeping its room) until the island runs.
// An island in the citizen builds but the core one (`core-islands`); a plain component in
// the campaign editor's preview (no hydration there) and, unused, in the core build.
#[cfg_attr(any(feature = "ssr", all(feature = "hydrate", not(feature = "core-islands"))), island)]
#[cfg_attr(not(any(feature = "ssr", all(feature = "hydrate", not(feature = "core-islands")))), component)]
pub fn StepTools() -> impl IntoView {
    let Some(lang) = unpack_lang(&island_input()) else {
        return None;
    };
    let locale = locale_of(lang);
    let ticks = TickStore::current();
    let running = RwSignal::new(false);
    let all_open = RwSignal::new(false);
    Effect::new(move |_| running.set(true));
    let toggle_all = move |_| {
        let open = !all_open.get_untracked();
        all_open.set(open);
        #[cfg(target_arch = "wasm32")]
        if let Ok(list) = document().query_selector_all(".step-nav details") {
            for i in 0..list.length() {
                if let Some(el) = list.item(i).and_then(|n| wasm_bindgen::JsCast::dyn_into::<web_sys::Element>(n).ok()) {
                    let _ = if open { el.set_attribute("open", "") } else { el.remove_attribute("open") };
                }
            }
        }
    };
    Some(view! {
        <div class="step-tools" class:pending=move || !running.get()>
            <button type="button" class="link-button" aria-expanded=move || if all_open.get() { "true" } else { "false" } on:click=toggle_all>
                {move || if all_open.get() { td_string!(locale, steps.hide_all) } else { td_string!(locale, steps.show_all) }}
            </button>
            <button type="button" class="link-button" hidden=move || !running.get() || ticks.0.with(Ticks::is_empty) on:click=move |_| ticks.clear()>
                {td_string!(locale, steps.clear)}
            </button>
        </div>
    })
}

//! The language switch: a button named after the other language.

use leptos::prelude::*;

use crate::app::current_lang;
use crate::i18n::*;

/// Switches between Vietnamese and English. Its accessible name is the
/// other language's own name ("English" / "Tiếng Việt"), marked with its `lang`.
#[component]
pub fn LangSwitch() -> impl IntoView {
    let i18n = use_i18n();
    let toggle = move |_| {
        let next = match i18n.get_locale_untracked() {
            Locale::vi => Locale::en,
            Locale::en => Locale::vi,
        };
        i18n.set_locale(next);
    };
    view! {
        <button
            type="button"
            class="lang-switch"
            lang=move || current_lang().other().code()
            title=move || t_string!(i18n, lang.switch_hint)
            on:click=toggle
        >
            {move || current_lang().other().endonym()}
        </button>
    }
}

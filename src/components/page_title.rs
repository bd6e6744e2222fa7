//! Keeps `document.title` in step with the page heading and language.

use leptos::prelude::*;

use crate::i18n::*;

/// Sets the document title to `heading – app name` while the page is shown.
#[component]
pub fn PageTitle(
    /// The page's heading, in the current language.
    #[prop(into)]
    heading: Signal<String>,
) -> impl IntoView {
    let i18n = use_i18n();
    Effect::new(move |_| {
        let title = format!("{} – {}", heading.get(), t_string!(i18n, app.name));
        document().set_title(&title);
    });
}

//! Staff mode's "Nguồn: …" line under the campaign file's facts (targets, deadlines,
//! reporting duties, contacts): the sections the file records.

use leptos::prelude::*;

use crate::app::{current_lang, AppState};
use crate::domain::sources::SourceField;
use crate::source_words::file_label;
use crate::i18n::*;

/// The source line of facts from the campaign file (an object's `source`), or of one of
/// its fields (`serves.id_card`); nothing when the file records no section for them.
#[component]
pub fn FileSource(
    /// The object's `source` field.
    source: Option<SourceField>,
    /// One field (`serves.id_card`) instead of the whole object.
    #[prop(optional, into)]
    field: Option<String>,
) -> impl IntoView {
    let state = expect_context::<AppState>();
    let i18n = use_i18n();
    move || {
        let label = state.with_campaign(|c| file_label(c, source.as_ref(), field.as_deref(), current_lang(), i18n.get_locale()));
        label.map(|l| view! { <p class="source">{l}</p> })
    }
}

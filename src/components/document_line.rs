//! "Document no. … of dd/mm/yyyy" for the campaign being shown.

use leptos::prelude::*;

use crate::app::AppState;
use crate::domain::vn_time::format_date;
use crate::components::tr::tr;
use crate::i18n::*;

/// The issuing document's number and date, with whatever parts it has.
#[component]
pub fn DocumentLine() -> impl IntoView {
    let i18n = use_i18n();
    let state = expect_context::<AppState>();
    move || {
        let document = state.campaign().document;
        let date = document.date.map(format_date);
        match (document.number, date) {
            (Some(number), Some(date)) => t!(i18n, common.document_with_number, number, date).into_any(),
            (Some(number), None) => t!(i18n, common.document_number_only, number).into_any(),
            (None, Some(date)) => t!(i18n, common.document_without_number, date).into_any(),
            (None, None) => tr(|l| td_string!(l, common.document_unnumbered)).into_any(),
        }
    }
}

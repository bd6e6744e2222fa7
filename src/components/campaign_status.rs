//! "Starts on … / N days left / ended on …" for the campaign being shown.

use leptos::prelude::*;

use crate::app::AppState;
use crate::domain::vn_time::{format_date, period_status, to_vietnam, PeriodStatus};
use crate::app::current_lang;
use crate::components::source_note::{FactSource, FileSource};
use crate::components::tr::tr;
use crate::domain::guidance::Fact;
use crate::i18n::*;

/// The campaign's status today, in Vietnam time, from the app clock.
#[component]
pub fn CampaignStatus() -> impl IntoView {
    let i18n = use_i18n();
    let state = expect_context::<AppState>();
    let status = move || {
        let campaign = state.campaign();
        let today = to_vietnam(state.now.get()).date();
        period_status(campaign.period.start, campaign.period.end, today)
    };
    move || match status() {
        PeriodStatus::NotStarted { starts, days_until } => view! {
            <p class="status upcoming" role="status">
                {t!(i18n, status.upcoming, date = format_date(starts), days = days_until)}
            </p>
        }
        .into_any(),
        PeriodStatus::Running { days_left, ends } => view! {
            <p class="status running" role="status">
                {t!(i18n, status.running, days = days_left, date = format_date(ends))}
            </p>
            <PeriodEndNote/>
        }
        .into_any(),
        PeriodStatus::Ended { ended } => view! {
            <div class="status ended" role="status">
                <p><strong>{t!(i18n, status.ended, date = format_date(ended))}</strong></p>
                <PeriodEndNote/>
                <p>{tr(|l| td_string!(l, status.ended_note))}</p>
                <FactSource fact=Fact::EndedNote/>
            </div>
        }
        .into_any(),
    }
}

/// The campaign file's note on its end date, when the document does not state it (Hà Nội).
#[component]
pub fn PeriodEndNote() -> impl IntoView {
    let state = expect_context::<AppState>();
    move || {
        let campaign = state.campaign();
        campaign.period_end_note.clone().map(|note| {
            let source = campaign.source.clone();
            view! {
                <p class="period-note">
                    <strong>{tr(|l| td_string!(l, common.period_note_label))}</strong> " " {note.get(current_lang()).to_string()}
                </p>
                <FileSource source field="period_end_note"/>
            }
        })
    }
}

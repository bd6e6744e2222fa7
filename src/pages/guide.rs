//! The registration steps, GOV.UK step-by-step style (level 1 in the app or level 2 in person).

use leptos::prelude::*;

use crate::components::page_title::PageTitle;
use crate::components::step_nav::StepNav;
use crate::components::source_note::FactSource;
use crate::components::tr::tr;
use crate::domain::guidance::Fact;
use crate::domain::pathway::Step;
use crate::i18n::*;

/// The step-by-step guide.
#[component]
pub fn GuidePage() -> impl IntoView {
    let i18n = use_i18n();
    let state = expect_context::<crate::app::AppState>();
    // The printable handout of the campaign shown, in the language shown (a static page).
    let handout = move || {
        let suffix = if crate::app::current_lang() == crate::domain::text::Lang::En { ".en" } else { "" };
        format!("{}/handout/{}{suffix}.html", state.base, state.campaign_id.get())
    };
    view! {
        <PageTitle heading=Signal::derive(move || t_string!(i18n, guide.title).to_string())/>
        <h1>{tr(|l| td_string!(l, guide.title))}</h1>
        <p class="lead">{tr(|l| td_string!(l, guide.intro))}</p>
        <FactSource fact=Fact::GuideIntro/>
        <h2>{tr(|l| td_string!(l, check.steps_title))}</h2>
        <StepNav steps=Step::GUIDE.to_vec()/>
        <p class="handout-link"><a href=handout>{tr(|l| td_string!(l, handout.print))}</a></p>
    }
}

//! The registration steps, GOV.UK step-by-step style (level 1 in the app or level 2 in person).

use leptos::prelude::*;

use crate::domain::guidance::Fact;
use crate::domain::pathway::Step;
use crate::domain::text::Lang;
use crate::i18n::*;
use crate::site::context::{current, tx};
use crate::site::parts::{FactSource, StepNav};

/// The step-by-step guide, with a link to the printable handout.
pub fn page() -> (String, AnyView) {
    let p = current();
    let heading = tx(|l| td_string!(l, guide.title)).to_string();
    let suffix = if p.lang() == Lang::En { ".en" } else { "" };
    let handout = format!("handout/{}{suffix}.html", p.campaign.id);
    let body = view! {
        <h1>{heading.clone()}</h1>
        <p class="lead">{tx(|l| td_string!(l, guide.intro))}</p>
        <FactSource fact=Fact::GuideIntro/>
        <h2>{tx(|l| td_string!(l, check.steps_title))}</h2>
        <StepNav steps=Step::GUIDE.to_vec()/>
        <p class="handout-link"><a href=handout>{tx(|l| td_string!(l, handout.print))}</a></p>
    };
    (heading, body.into_any())
}

//! The registration steps (level 1 in the app, level 2 in person).

use leptos::prelude::*;

use crate::components::page_title::PageTitle;
use crate::components::tr::tr;
use crate::i18n::*;

/// The step-by-step guide.
#[component]
pub fn GuidePage() -> impl IntoView {
    let i18n = use_i18n();
    view! {
        <PageTitle heading=Signal::derive(move || t_string!(i18n, guide.title).to_string())/>
        <h1>{tr(|l| td_string!(l, guide.title))}</h1>
        <p class="lead">{tr(|l| td_string!(l, guide.intro))}</p>
        <ol class="steps">
            <li>
                <h2>{tr(|l| td_string!(l, guide.install_title))}</h2>
                <p>{tr(|l| td_string!(l, guide.install_body))}</p>
            </li>
            <li>
                <h2>{tr(|l| td_string!(l, guide.level1_title))}</h2>
                <ol>
                    <li>{tr(|l| td_string!(l, guide.level1_step1))}</li>
                    <li>{tr(|l| td_string!(l, guide.level1_step2))}</li>
                    <li>{tr(|l| td_string!(l, guide.level1_step3))}</li>
                    <li>{tr(|l| td_string!(l, guide.level1_step4))}</li>
                </ol>
            </li>
            <li>
                <h2>{tr(|l| td_string!(l, guide.level2_title))}</h2>
                <ol>
                    <li>{tr(|l| td_string!(l, guide.level2_step1))}</li>
                    <li>
                        {tr(|l| td_string!(l, guide.level2_step2))}
                        <ul>
                            <li>{tr(|l| td_string!(l, guide.with_card))}</li>
                            <li>{tr(|l| td_string!(l, guide.without_card))}</li>
                        </ul>
                    </li>
                    <li>{tr(|l| td_string!(l, guide.level2_step3))}</li>
                    <li>{tr(|l| td_string!(l, guide.level2_step4))}</li>
                </ol>
                <p class="muted">{tr(|l| td_string!(l, guide.done_note))}</p>
            </li>
            <li>
                <h2>{tr(|l| td_string!(l, guide.portal_title))}</h2>
                <p>{tr(|l| td_string!(l, guide.portal_body))}</p>
            </li>
        </ol>
    }
}

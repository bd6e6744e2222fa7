//! "What do I need to do?": one question per screen, then a personal checklist.
//!
//! The answers are the URL query (`/check?age=14plus&card=have&level=2`), so
//! every screen is a link that can be shared, bookmarked and reached with the
//! keyboard; `q=<question>` reopens an answered question to change it.

use leptos::prelude::*;

use crate::app::AppState;
use crate::components::page_title::PageTitle;
use crate::components::step_nav::StepNav;
use crate::components::tr::tr;
use crate::components::source_note::{FactSource, FileSource};
use crate::domain::guidance::Fact;
use crate::domain::pathway::{service_key, Answers, Case, Document, Next, Plan, Question, WhereToGo};
use crate::i18n::*;
use crate::routes::query_value;
use crate::web::navigation::Location;
use crate::pages::offices::OfficeCard;

/// The question's text in `locale`.
fn question_text(locale: Locale, question: Question) -> &'static str {
    match question {
        Question::Age => td_string!(locale, check.q_age),
        Question::Card => td_string!(locale, check.q_card),
        Question::Level => td_string!(locale, check.q_level),
    }
}

/// The label of answer `code` in `locale`.
fn choice_label(locale: Locale, code: &str) -> &'static str {
    match code {
        "under6" => td_string!(locale, check.age_under6),
        "6to14" => td_string!(locale, check.age_6to14),
        "14plus" => td_string!(locale, check.age_14plus),
        "have" => td_string!(locale, check.card_have),
        "none" => td_string!(locale, check.card_none),
        "lost" => td_string!(locale, check.card_lost),
        "2" => td_string!(locale, check.level_2),
        "nophone" => td_string!(locale, check.level_nophone),
        _ => td_string!(locale, check.level_1),
    }
}

fn case_text(locale: Locale, case: Case) -> &'static str {
    match case {
        Case::ChildUnder6 => td_string!(locale, check.case_child_under6),
        Case::Child6To14 => td_string!(locale, check.case_child_6to14),
        Case::ChildHasCard => td_string!(locale, check.case_child_has_card),
        Case::AdultNoCard => td_string!(locale, check.case_adult_no_card),
        Case::AdultLostCard => td_string!(locale, check.case_adult_lost_card),
        Case::Level1 => td_string!(locale, check.case_level1),
        Case::Level2WithCard => td_string!(locale, check.case_level2),
        Case::NoSmartphone => td_string!(locale, check.case_no_phone),
    }
}

fn document_text(locale: Locale, document: Document) -> &'static str {
    match document {
        Document::ChipCard => td_string!(locale, documents.required_card),
        Document::Integrations => td_string!(locale, check.doc_integrations),
        Document::FormCc01 => td_string!(locale, documents.cc01),
    }
}

fn next_text(locale: Locale, next: Next) -> &'static str {
    match next {
        Next::Sms => td_string!(locale, check.next_sms),
        Next::Activate => td_string!(locale, check.next_activate),
        Next::Level2Later => td_string!(locale, check.next_level2_later),
        Next::CardResult => td_string!(locale, check.next_card_result),
        Next::KeepCardSafe => td_string!(locale, check.next_keep_card),
    }
}

/// The text of a general rule shown when the campaign names no place.
fn rule_text(locale: Locale, rule: Fact) -> &'static str {
    match rule {
        Fact::WhereRuleIdCard => td_string!(locale, check.where_rule_id_card),
        Fact::WhereRuleChild => td_string!(locale, check.where_rule_child),
        Fact::WhereRuleOnline => td_string!(locale, check.where_rule_online),
        Fact::WhereRuleNoPhone => td_string!(locale, check.where_rule_no_phone),
        _ => td_string!(locale, check.where_rule_level2),
    }
}

/// The questions page: the next question, or the checklist when all are answered.
#[component]
pub fn CheckPage() -> impl IntoView {
    let i18n = use_i18n();
    let search = expect_context::<Location>().search;
    let answers = Memo::new(move |_| search.with(|q| Answers::from_query(q)));
    let reopened = Memo::new(move |_| search.with(|q| query_value(q, "q").and_then(Question::from_key)));
    let screen = move || {
        let a = answers.get();
        match reopened.get().or_else(|| a.next_question()) {
            Some(question) => view! { <QuestionScreen answers=a question/> }.into_any(),
            None => view! { <ResultScreen answers=a/> }.into_any(),
        }
    };
    view! {
        <PageTitle heading=Signal::derive(move || t_string!(i18n, check.title).to_string())/>
        <h1>{tr(|l| td_string!(l, check.title))}</h1>
        {screen}
    }
}

/// One question with its answers as large links.
#[component]
fn QuestionScreen(answers: Answers, question: Question) -> impl IntoView {
    let i18n = use_i18n();
    let state = expect_context::<AppState>();
    let questions = answers.questions();
    let position = questions.iter().position(|q| *q == question).unwrap_or(0);
    let total = questions.len();
    let current = answers.code(question);
    let back = (position > 0).then(|| {
        let href = state.href_query("/check", &format!("{}&q={}", answers.to_query(), questions[position - 1].key()));
        view! { <p><a href=href class="back-link">{tr(|l| td_string!(l, check.back))}</a></p> }
    });
    let intro = (position == 0 && current.is_none()).then(|| view! { <p class="lead">{tr(|l| td_string!(l, check.intro))}</p> });
    let level_help = (question == Question::Level).then(|| view! { <p>{tr(|l| td_string!(l, check.level_help))}</p> });
    let choices = question
        .choices()
        .iter()
        .map(|&code| {
            let href = state.href_query("/check", &answers.with(question, code).to_query());
            let chosen = current == Some(code);
            view! {
                <li>
                    <a href=href class="choice" aria-current=chosen.then_some("true")>
                        {move || choice_label(i18n.get_locale(), code)}
                    </a>
                </li>
            }
        })
        .collect_view();
    view! {
        {back}
        {intro}
        <section class="card question" aria-labelledby="question-text">
            <p class="muted">{move || format!("{} {} {} {}", t_string!(i18n, check.question), position + 1, t_string!(i18n, check.of), total)}</p>
            <h2 id="question-text">{move || question_text(i18n.get_locale(), question)}</h2>
            {level_help}
            <ul class="choices">{choices}</ul>
        </section>
    }
}

/// The answers (each changeable) and the personal checklist.
#[component]
fn ResultScreen(answers: Answers) -> impl IntoView {
    let i18n = use_i18n();
    let state = expect_context::<AppState>();
    let Some(plan) = answers.plan() else { return ().into_any() };
    let summary = answers
        .questions()
        .into_iter()
        .map(|question| {
            let code = answers.code(question).unwrap_or_default();
            let href = state.href_query("/check", &format!("{}&q={}", answers.to_query(), question.key()));
            view! {
                <div class="summary-row">
                    <dt>{move || question_text(i18n.get_locale(), question)}</dt>
                    <dd>{move || choice_label(i18n.get_locale(), code)}</dd>
                    <dd>
                        <a href=href class="change-link" data-question=question.key()>
                            {tr(|l| td_string!(l, check.change))}
                            <span class="visually-hidden">": " {move || question_text(i18n.get_locale(), question)}</span>
                        </a>
                    </dd>
                </div>
            }
        })
        .collect_view();
    let case = plan.case;
    let steps = (!plan.steps.is_empty()).then(|| {
        let steps = plan.steps.clone();
        view! {
            <section class="card">
                <h2>{tr(|l| td_string!(l, check.steps_title))}</h2>
                <StepNav steps/>
            </section>
        }
    });
    let bring = (!plan.steps.is_empty()).then(|| {
        let items = plan
            .documents
            .iter()
            .map(|&d| view! { <li>{move || document_text(i18n.get_locale(), d)} <FactSource fact=d.fact()/></li> })
            .collect_view();
        let nothing = plan.documents.is_empty().then(|| view! { <p>{tr(|l| td_string!(l, check.bring_nothing))}</p> });
        view! {
            <section class="card" id="bring">
                <h2>{tr(|l| td_string!(l, check.bring_title))}</h2>
                <ul>{items}</ul>
                {nothing}
            </section>
        }
    });
    let next = plan.next.iter().map(|&n| view! { <li>{move || next_text(i18n.get_locale(), n)} <FactSource fact=n.fact()/></li> }).collect_view();
    let start_over = state.href("/check");
    let help = format!("{}#after", state.href("/help"));
    view! {
        <section class="card result" aria-labelledby="result-title">
            <h2 id="result-title">{tr(|l| td_string!(l, check.result_title))}</h2>
            <p class="lead" data-case=format!("{case:?}")>{move || case_text(i18n.get_locale(), case)}</p>
            <FactSource fact=case.fact()/>
        </section>
        {steps}
        {bring}
        <WhereToGo plan/>
        <section class="card">
            <h2>{tr(|l| td_string!(l, check.next_title))}</h2>
            <ul>{next}</ul>
            <p><a class="more-link" href=help>{tr(|l| td_string!(l, check.after_link))}</a></p>
        </section>
        <section class="card" aria-labelledby="answers-title">
            <h2 id="answers-title">{tr(|l| td_string!(l, check.answers_title))}</h2>
            <dl class="summary">{summary}</dl>
            <p class="muted">{tr(|l| td_string!(l, check.share))}</p>
        </section>
        <p><a class="more-link" href=start_over>{tr(|l| td_string!(l, check.start_over))}</a></p>
    }
    .into_any()
}

/// The offices of the campaign that serve the case (each with the section that says so),
/// or, when its document names none, the general rule with that rule's own source.
#[component]
fn WhereToGo(plan: Plan) -> impl IntoView {
    let i18n = use_i18n();
    let state = expect_context::<AppState>();
    if plan.service.is_none() {
        if plan.steps.is_empty() {
            return ().into_any();
        }
        return view! {
            <section class="card" id="where">
                <h2>{tr(|l| td_string!(l, check.where_title))}</h2>
                <p>{tr(|l| td_string!(l, check.where_none_needed))}</p>
            </section>
        }
        .into_any();
    }
    let all_offices = state.href("/offices");
    let offices = move || {
        let answer = state.with_campaign(|c| match plan.where_to_go(c) {
            WhereToGo::Offices { service, offices } => Ok((service, offices.into_iter().cloned().collect::<Vec<_>>())),
            WhereToGo::NotNamed { rule } => Err(Some(rule)),
            WhereToGo::NoVisit => Err(None),
        });
        match answer {
            Ok((service, offices)) => offices
                .into_iter()
                .map(|office| {
                    let source = office.source.clone();
                    view! {
                        <OfficeCard office nested=true/>
                        <FileSource source field=format!("serves.{}", service_key(service))/>
                    }
                })
                .collect_view()
                .into_any(),
            Err(Some(rule)) => view! {
                <p>{tr(|l| td_string!(l, check.where_unknown))}</p>
                <p>{move || rule_text(i18n.get_locale(), rule)}</p>
                <FactSource fact=rule/>
            }
            .into_any(),
            Err(None) => ().into_any(),
        }
    };
    view! {
        <section class="where" id="where">
            <h2>{tr(|l| td_string!(l, check.where_title))}</h2>
            {offices}
            <p><a class="more-link" href=all_offices>{tr(|l| td_string!(l, check.all_offices))}</a></p>
        </section>
    }
    .into_any()
}

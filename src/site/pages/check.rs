//! "What do I need to do?": one question per screen, then a personal checklist.
//!
//! Every answer is a link to the page of the answers so far plus that answer
//! (`check/14plus/have/2/`), so the flow works without JavaScript, with the back
//! button, bookmarks and shared links; `change-<question>/` reopens one question.

use leptos::prelude::*;

use crate::domain::guidance::Fact;
use crate::domain::pathway::{service_key, Answers, Case, Document, Next, Plan, Question, WhereToGo};
use crate::i18n::*;
use crate::routes::site::SitePage;
use crate::site::context::{current, tx};
use crate::site::parts::{FactSource, FileSource, OfficeCard, StepNav};

fn question_text(locale: Locale, question: Question) -> &'static str {
    match question {
        Question::Age => td_string!(locale, check.q_age),
        Question::Card => td_string!(locale, check.q_card),
        Question::Level => td_string!(locale, check.q_level),
    }
}

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

fn rule_text(locale: Locale, rule: Fact) -> &'static str {
    match rule {
        Fact::WhereRuleIdCard => td_string!(locale, check.where_rule_id_card),
        Fact::WhereRuleChild => td_string!(locale, check.where_rule_child),
        Fact::WhereRuleOnline => td_string!(locale, check.where_rule_online),
        Fact::WhereRuleNoPhone => td_string!(locale, check.where_rule_no_phone),
        _ => td_string!(locale, check.where_rule_level2),
    }
}

/// A link to the check screen of `answers`, with `reopen` opened.
fn check_href(answers: Answers, reopen: Option<Question>) -> String {
    current().href(SitePage::Check { answers, reopen })
}

/// The check page for `answers`, with `reopen` reopened to change it.
pub fn page(answers: Answers, reopen: Option<Question>) -> (String, AnyView) {
    let heading = tx(|l| td_string!(l, check.title)).to_string();
    let screen = match reopen.or_else(|| answers.next_question()) {
        Some(question) => question_screen(answers, question),
        None => result_screen(answers),
    };
    let body = view! {
        <h1>{heading.clone()}</h1>
        {screen}
    };
    (heading, body.into_any())
}

/// One question with its answers as large links.
fn question_screen(answers: Answers, question: Question) -> AnyView {
    let p = current();
    let locale = p.locale();
    let questions = answers.questions();
    let position = questions.iter().position(|q| *q == question).unwrap_or(0);
    let total = questions.len();
    let current = answers.code(question);
    // Answers given before this question; later ones are kept when an answer is changed.
    let back = (position > 0).then(|| {
        let href = check_href(answers, Some(questions[position - 1]));
        view! { <p><a href=href class="back-link">{td_string!(locale, check.back)}</a></p> }
    });
    let intro = (position == 0 && current.is_none()).then(|| view! { <p class="lead">{td_string!(locale, check.intro)}</p> });
    let level_help = (question == Question::Level).then(|| view! { <p>{td_string!(locale, check.level_help)}</p> });
    let choices = question
        .choices()
        .iter()
        .map(|&code| {
            let next = answers.with(question, code);
            let chosen = current == Some(code);
            view! {
                <li>
                    <a href=check_href(next, None) class="choice" aria-current=chosen.then_some("true")>{choice_label(locale, code)}</a>
                </li>
            }
        })
        .collect_view();
    let counter = format!("{} {} {} {}", td_string!(locale, check.question), position + 1, td_string!(locale, check.of), total);
    view! {
        {back}
        {intro}
        <section class="card question" aria-labelledby="question-text">
            <p class="muted">{counter}</p>
            <h2 id="question-text">{question_text(locale, question)}</h2>
            {level_help}
            <ul class="choices">{choices}</ul>
        </section>
    }
    .into_any()
}

/// The checklist for complete answers, then the answers (each changeable).
fn result_screen(answers: Answers) -> AnyView {
    let p = current();
    let locale = p.locale();
    let Some(plan) = answers.plan() else { return ().into_any() };
    let summary = answers
        .questions()
        .into_iter()
        .map(|question| {
            let code = answers.code(question).unwrap_or_default();
            view! {
                <div class="summary-row">
                    <dt>{question_text(locale, question)}</dt>
                    <dd>{choice_label(locale, code)}</dd>
                    <dd>
                        <a href=check_href(answers, Some(question)) class="change-link" data-question=question.key()>
                            {td_string!(locale, check.change)}
                            <span class="visually-hidden">": " {question_text(locale, question)}</span>
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
                <h2>{td_string!(locale, check.steps_title)}</h2>
                <StepNav steps/>
            </section>
        }
    });
    let bring = (!plan.steps.is_empty()).then(|| {
        let items = plan.documents.iter().map(|&d| view! { <li>{document_text(locale, d)} <FactSource fact=d.fact()/></li> }).collect_view();
        let nothing = plan.documents.is_empty().then(|| view! { <p>{td_string!(locale, check.bring_nothing)}</p> });
        view! {
            <section class="card" id="bring">
                <h2>{td_string!(locale, check.bring_title)}</h2>
                <ul>{items}</ul>
                {nothing}
            </section>
        }
    });
    let next = plan.next.iter().map(|&n| view! { <li>{next_text(locale, n)} <FactSource fact=n.fact()/></li> }).collect_view();
    let help = format!("{}#after", p.href(SitePage::Help));
    view! {
        <section class="card result" aria-labelledby="result-title">
            <h2 id="result-title">{td_string!(locale, check.result_title)}</h2>
            <p class="lead" data-case=format!("{case:?}")>{case_text(locale, case)}</p>
            <FactSource fact=case.fact()/>
        </section>
        {steps}
        {bring}
        {where_to_go(&plan)}
        <section class="card">
            <h2>{td_string!(locale, check.next_title)}</h2>
            <ul>{next}</ul>
            <p><a class="more-link" href=help>{td_string!(locale, check.after_link)}</a></p>
        </section>
        <section class="card" aria-labelledby="answers-title">
            <h2 id="answers-title">{td_string!(locale, check.answers_title)}</h2>
            <dl class="summary">{summary}</dl>
            <p class="muted">{td_string!(locale, check.share)}</p>
        </section>
        <p><a class="more-link" href=check_href(Answers::default(), None)>{td_string!(locale, check.start_over)}</a></p>
    }
    .into_any()
}

/// The offices of the campaign that serve the case (each with the section that says so),
/// or, when its document names none, the general rule with that rule's own source.
fn where_to_go(plan: &Plan) -> AnyView {
    let p = current();
    let locale = p.locale();
    let campaign = p.campaign.clone();
    let content = match plan.where_to_go(&campaign) {
        WhereToGo::NoVisit => {
            if plan.steps.is_empty() {
                return ().into_any();
            }
            return view! {
                <section class="card" id="where">
                    <h2>{td_string!(locale, check.where_title)}</h2>
                    <p>{td_string!(locale, check.where_none_needed)}</p>
                </section>
            }
            .into_any();
        }
        WhereToGo::Offices { service, offices } => offices
            .into_iter()
            .cloned()
            .map(|office| {
                let source = office.source.clone();
                view! {
                    <OfficeCard office nested=true/>
                    <FileSource source field=format!("serves.{}", service_key(service))/>
                }
            })
            .collect_view()
            .into_any(),
        WhereToGo::NotNamed { rule } => view! {
            <p>{td_string!(locale, check.where_unknown)}</p>
            <p>{rule_text(locale, rule)}</p>
            <FactSource fact=rule/>
        }
        .into_any(),
    };
    view! {
        <section class="where" id="where">
            <h2>{td_string!(locale, check.where_title)}</h2>
            {content}
            <p><a class="more-link" href=p.href(SitePage::Offices)>{td_string!(locale, check.all_offices)}</a></p>
        </section>
    }
    .into_any()
}

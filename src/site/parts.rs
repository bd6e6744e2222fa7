//! Parts shared by the citizen pages (build time only): source lines, office cards,
//! the step-by-step list, the document line.

use leptos::prelude::*;

use super::context::{current, text, tx};
use super::islands::offices::card_id;
use super::islands::status::{day_name, OfficeStatus};
use super::islands::steps::StepTick;
use super::islands::IslandData;
use crate::domain::island_data::{pack_lang, OfficeStatusData, StepTickData};
use crate::domain::campaign::{tel_href, Office, OfficeKind};
use crate::domain::guidance::Fact;
use crate::domain::handout::qr_file_name;
use crate::domain::hours::Session;
use crate::domain::pathway::Step;
use crate::domain::sources::{describe, SourceField};
use crate::source_words::file_label;
pub use crate::source_words::source_word;
use crate::domain::vn_time::{format_date, format_minutes};
use crate::i18n::*;
use crate::routes::site::SitePage;

/// The source label of a piece of built-in guidance, for the campaign shown.
pub fn fact_source_text(fact: Fact) -> String {
    let p = current();
    let words = |w| p.word(w);
    describe(fact.basis(), &p.campaign, p.lang(), &words)
}

/// The source line of a piece of built-in guidance, for the campaign shown.
#[component]
pub fn FactSource(
    /// The statement.
    fact: Fact,
) -> impl IntoView {
    view! { <p class="source">{fact_source_text(fact)}</p> }
}

/// The source label of facts from the campaign file (an object's `source`), if it records one.
pub fn file_source_text(source: Option<&SourceField>) -> Option<String> {
    let p = current();
    file_label(&p.campaign, source, None, p.lang(), p.locale())
}

/// Weekly hours as lines: "Thứ Hai – Thứ Sáu: 07:30–11:30, 13:00–17:00".
pub fn hours_lines(locale: Locale, spec: &str) -> Vec<String> {
    let Ok(hours) = crate::domain::hours::WeeklyHours::parse(spec) else { return Vec::new() };
    hours
        .day_groups()
        .into_iter()
        .map(|(first, last, sessions)| {
            let days = if first == last { day_name(locale, first).to_string() } else { format!("{} – {}", day_name(locale, first), day_name(locale, last)) };
            let times = if sessions.is_empty() { td_string!(locale, days.closed).to_string() } else { sessions_text(&sessions) };
            format!("{days}: {times}")
        })
        .collect()
}

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
    let p = current();
    file_label(&p.campaign, source.as_ref(), field.as_deref(), p.lang(), p.locale()).map(|l| view! { <p class="source">{l}</p> })
}

/// "Document no. … of dd/mm/yyyy", with whatever parts the document has.
pub fn document_line() -> String {
    let p = current();
    let d = &p.campaign.document;
    let date = d.date.map(format_date);
    let t = |key: fn(Locale) -> &'static str| tx(key).to_string();
    match (&d.number, date) {
        (Some(n), Some(date)) => t(|l| td_string!(l, live.document_with_number)).replace("%number", n).replace("%date", &date),
        (Some(n), None) => t(|l| td_string!(l, live.document_number_only)).replace("%number", n),
        (None, Some(date)) => t(|l| td_string!(l, live.document_without_number)).replace("%date", &date),
        (None, None) => t(|l| td_string!(l, common.document_unnumbered)),
    }
}

fn sessions_text(sessions: &[Session]) -> String {
    sessions.iter().map(|s| format!("{}–{}", format_minutes(s.start), format_minutes(s.end))).collect::<Vec<_>>().join(", ")
}

/// One office: name, live status, address, phone, weekly hours, special days, notes, source.
#[component]
pub fn OfficeCard(
    /// The office.
    office: Office,
    /// True when the card sits under a section heading (its name becomes an `h3`).
    #[prop(optional)]
    nested: bool,
) -> impl IntoView {
    let p = current();
    let locale = p.locale();
    let has_premises = matches!(office.kind, OfficeKind::DistrictTeam | OfficeKind::WardPolice | OfficeKind::CityOffice);
    let title = text(&office.name);
    let heading = if nested { view! { <h3>{title}</h3> }.into_any() } else { view! { <h2>{title}</h2> }.into_any() };
    let status = office.opening_hours.clone().map(|hours| {
        let data = OfficeStatusData { lang: p.lang(), hours, special: office.special_days.clone() }.pack();
        view! { <IslandData data><OfficeStatus/></IslandData> }
    });
    let count = office.count.map(|c| view! { <p class="muted">{tx(|l| td_string!(l, live.count)).replace("%count", &c.to_string())}</p> });
    let address = match &office.address {
        Some(a) => Some(view! { <dt>{tx(|l| td_string!(l, offices.address))}</dt><dd>{text(a)}</dd> }.into_any()),
        None if has_premises => Some(view! { <dt>{tx(|l| td_string!(l, offices.address))}</dt><dd>{tx(|l| td_string!(l, offices.address_unknown))}</dd> }.into_any()),
        None => None,
    };
    let phone = office.phone.clone().map(|ph| view! { <dt>{tx(|l| td_string!(l, offices.phone))}</dt><dd><a class="tel" href=tel_href(&ph)>{ph.clone()}</a></dd> });
    let url = office.url.clone().map(|u| {
        let qr = qr_file_name(&u);
        view! {
            <dt>{tx(|l| td_string!(l, offices.website))}</dt>
            <dd>
                <a class="ext-link" href=u.clone() rel="noopener">{u.clone()}</a>
                <figure class="kiosk-qr">
                    <img src=qr alt="" width="160" height="160" loading="lazy"/>
                    <figcaption>{tx(|l| td_string!(l, kiosk.scan_link))} " " <span class="url">{u}</span></figcaption>
                </figure>
            </dd>
        }
    });
    let hours = match office.opening_hours.as_deref().map(|spec| hours_lines(locale, spec)).filter(|l| !l.is_empty()) {
        Some(lines) => {
            let items = lines.into_iter().map(|line| view! { <li>{line}</li> }).collect_view();
            Some(view! { <dt>{tx(|l| td_string!(l, offices.hours))}</dt><dd><ul class="hours">{items}</ul></dd> }.into_any())
        }
        None if has_premises => Some(view! { <dt>{tx(|l| td_string!(l, offices.hours))}</dt><dd>{tx(|l| td_string!(l, offices.hours_unknown))}</dd> }.into_any()),
        None => None,
    };
    // Special days are listed whole (a static page cannot know which are still ahead); the live status applies them.
    let special = (!office.special_days.is_empty()).then(|| {
        let items = office
            .special_days
            .iter()
            .map(|d| {
                let when = match crate::domain::hours::parse_day_hours(&d.hours) {
                    Ok(s) if !s.is_empty() => sessions_text(&s),
                    _ => tx(|l| td_string!(l, offices.closed_day)).to_string(),
                };
                view! { <li>{format!("{}: {} ({})", format_date(d.date), when, text(&d.reason))}</li> }
            })
            .collect_view();
        view! { <dt>{tx(|l| td_string!(l, offices.special_days))}</dt><dd><ul class="hours">{items}</ul></dd> }
    });
    let notes = office.notes.as_ref().map(|n| view! { <p class="muted">{text(n)}</p> });
    view! {
        <article class="card office" id=card_id(&office.id)>
            {heading}
            {status}
            {count}
            <dl>{address}{phone}{url}{hours}{special}</dl>
            {notes}
            <FileSource source=office.source.clone()/>
        </article>
    }
}

/// The steps as GOV.UK-style numbered `<details>` (readable and usable without
/// JavaScript), "or" and "optional" markers, each with its source and a tick box.
#[component]
pub fn StepNav(
    /// The steps, in order.
    steps: Vec<Step>,
) -> impl IntoView {
    let p = current();
    let locale = p.locale();
    let mut number = 0;
    let mut previous = None;
    let items = steps
        .iter()
        .map(|&step| {
            let alternative = step.is_alternative_to_previous(previous);
            previous = Some(step);
            if !alternative {
                number += 1;
            }
            let marker = if alternative { tx(|l| td_string!(l, steps.or)).to_string() } else { number.to_string() };
            view! {
                <li class="step" data-step=step.id()>
                    <details>
                        <summary class="step-heading">
                            <span class="step-marker" class:step-or=alternative>
                                <span class="visually-hidden">{if alternative { "" } else { td_string!(locale, steps.step) }} " "</span>
                                {marker}
                            </span>
                            <span class="step-title">{step_title(locale, step)}</span>
                            {step.is_optional().then(|| view! { <span class="tag">{td_string!(locale, steps.optional)}</span> })}
                            <span class="tag tag-done">{td_string!(locale, steps.done_badge)}</span>
                        </summary>
                        <div class="step-panel">
                            {step_content(step)}
                            <FactSource fact=step.fact()/>
                            <IslandData data=StepTickData { lang: p.lang(), step: step.id().to_string() }.pack()><StepTick/></IslandData>
                        </div>
                    </details>
                </li>
            }
        })
        .collect_view();
    view! {
        <div class="step-nav">
            <IslandData data=pack_lang(p.lang())><crate::site::islands::steps::StepTools/></IslandData>
            <ol class="steps-list">{items}</ol>
            <p class="muted">{td_string!(locale, steps.ticks_note)}</p>
        </div>
    }
}

/// A step's title.
pub fn step_title(locale: Locale, step: Step) -> &'static str {
    match step {
        Step::Install => td_string!(locale, steps.install_title),
        Step::Level1InApp => td_string!(locale, steps.level1_title),
        Step::Level2InPerson => td_string!(locale, steps.level2_title),
        Step::ApplyCard => td_string!(locale, steps.apply_card_title),
        Step::WaitSms => td_string!(locale, steps.wait_sms_title),
        Step::Activate => td_string!(locale, steps.activate_title),
        Step::PortalLogin => td_string!(locale, steps.portal_title),
        Step::ChildApplyOnline => td_string!(locale, steps.child_online_title),
        Step::ChildVisit => td_string!(locale, steps.child_visit_title),
        Step::NoPhoneHelp => td_string!(locale, steps.no_phone_title),
    }
}

fn step_body(locale: Locale, step: Step) -> &'static str {
    match step {
        Step::Install => td_string!(locale, steps.install_body),
        Step::ApplyCard => td_string!(locale, steps.apply_card_body),
        Step::WaitSms => td_string!(locale, steps.wait_sms_body),
        Step::Activate => td_string!(locale, steps.activate_body),
        Step::PortalLogin => td_string!(locale, steps.portal_body),
        Step::ChildApplyOnline => td_string!(locale, steps.child_online_body),
        Step::ChildVisit => td_string!(locale, steps.child_visit_body),
        Step::NoPhoneHelp => td_string!(locale, steps.no_phone_body),
        Step::Level1InApp | Step::Level2InPerson => "",
    }
}

/// What a step says, with its sub-steps and links.
fn step_content(step: Step) -> AnyView {
    let p = current();
    let locale = p.locale();
    match step {
        Step::Level1InApp => view! {
            <ol class="substeps">
                <li>{td_string!(locale, guide.level1_step1)}</li>
                <li>{td_string!(locale, guide.level1_step2)}</li>
                <li>{td_string!(locale, guide.level1_step3)}</li>
                <li>{td_string!(locale, guide.level1_step4)}</li>
            </ol>
        }
        .into_any(),
        Step::Level2InPerson => view! {
            <ol class="substeps">
                <li>{td_string!(locale, guide.level2_step1)}</li>
                <li>
                    {td_string!(locale, guide.level2_step2)}
                    <ul>
                        <li>{td_string!(locale, guide.with_card)}</li>
                        <li>{td_string!(locale, guide.without_card)}</li>
                    </ul>
                </li>
                <li>{td_string!(locale, guide.level2_step3)}</li>
                <li>{td_string!(locale, guide.level2_step4)}</li>
            </ol>
            <p><a class="more-link" href=p.href(SitePage::Offices)>{td_string!(locale, steps.level2_offices)}</a></p>
        }
        .into_any(),
        Step::WaitSms => view! {
            <p>{step_body(locale, step)}</p>
            <p><a class="more-link" href=format!("{}#after", p.href(SitePage::Help))>{td_string!(locale, check.after_link)}</a></p>
        }
        .into_any(),
        Step::Activate => view! {
            <p>{step_body(locale, step)}</p>
            <p class="muted">{td_string!(locale, guide.done_note)}</p>
        }
        .into_any(),
        _ => view! { <p>{step_body(locale, step)}</p> }.into_any(),
    }
}

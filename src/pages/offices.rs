//! Where to go: every office of the campaign with its hours and live status.

use leptos::prelude::*;

use crate::components::source_note::FileSource;

use crate::app::{current_lang, AppState};
use crate::components::page_title::PageTitle;
use crate::domain::campaign::{tel_href, Office, OfficeFilter, OfficeKind};
use crate::domain::hours::{parse_day_hours, OpenStatus, Session};
use crate::domain::vn_time::{format_date, format_minutes, period_status, to_vietnam, PeriodStatus};
use crate::components::tr::tr;
use crate::i18n::*;

/// The weekday's name in the current language (Monday = 0).
pub fn day_name(i18n: leptos_i18n::I18nContext<Locale>, day: usize) -> &'static str {
    match day {
        0 => t_string!(i18n, days.mo),
        1 => t_string!(i18n, days.tu),
        2 => t_string!(i18n, days.we),
        3 => t_string!(i18n, days.th),
        4 => t_string!(i18n, days.fr),
        5 => t_string!(i18n, days.sa),
        _ => t_string!(i18n, days.su),
    }
}

fn sessions_text(sessions: &[Session]) -> String {
    sessions
        .iter()
        .map(|s| format!("{}–{}", format_minutes(s.start), format_minutes(s.end)))
        .collect::<Vec<_>>()
        .join(", ")
}

/// The offices page.
#[component]
pub fn OfficesPage() -> impl IntoView {
    let i18n = use_i18n();
    let state = expect_context::<AppState>();
    let ended = {
        let state = state.clone();
        move || {
            let c = state.campaign();
            matches!(
                period_status(c.period.start, c.period.end, to_vietnam(state.now.get()).date()),
                PeriodStatus::Ended { .. }
            )
        }
    };
    let filter = RwSignal::new(OfficeFilter::default());
    let offices = move || {
        let all = state.with_campaign(|c| c.offices.clone());
        if all.is_empty() {
            return view! { <p class="card">{tr(|l| td_string!(l, offices.no_offices))}</p> }.into_any();
        }
        let now = state.now.get();
        let shown: Vec<Office> = filter.with(|f| all.into_iter().filter(|o| f.accepts(o, now)).collect());
        if shown.is_empty() {
            return view! { <p class="card" role="status">{tr(|l| td_string!(l, offices.no_match))}</p> }.into_any();
        }
        shown.into_iter().map(|office| view! { <OfficeCard office/> }).collect_view().into_any()
    };
    let toggle = move |set: fn(&mut OfficeFilter, bool)| {
        move |ev: leptos::ev::Event| {
            let on = event_target_checked(&ev);
            filter.update(|f| set(f, on));
        }
    };
    view! {
        <PageTitle heading=Signal::derive(move || t_string!(i18n, offices.title).to_string())/>
        <h1>{tr(|l| td_string!(l, offices.title))}</h1>
        <p>{tr(|l| td_string!(l, offices.intro))}</p>
        <Show when=ended>
            <p class="status ended">{tr(|l| td_string!(l, offices.ended_warning))}</p>
        </Show>
        <form class="card filters" role="search" on:submit=|ev| ev.prevent_default()>
            <label for="office-search">{tr(|l| td_string!(l, offices.search_label))}</label>
            <input
                id="office-search"
                type="search"
                autocomplete="off"
                on:input=move |ev| filter.update(|f| f.query = event_target_value(&ev))
            />
            <fieldset>
                <legend>{tr(|l| td_string!(l, offices.filter_legend))}</legend>
                <label class="check">
                    <input type="checkbox" on:change=toggle(|f, on| f.open_now = on)/>
                    {tr(|l| td_string!(l, offices.filter_open_now))}
                </label>
                <label class="check">
                    <input type="checkbox" on:change=toggle(|f, on| f.evenings = on)/>
                    {tr(|l| td_string!(l, offices.filter_evenings))}
                </label>
                <label class="check">
                    <input type="checkbox" on:change=toggle(|f, on| f.weekends = on)/>
                    {tr(|l| td_string!(l, offices.filter_weekends))}
                </label>
            </fieldset>
        </form>
        {offices}
        <Visits/>
    }
}

/// Upcoming mobile-team visits announced in the campaign file, if any.
#[component]
fn Visits() -> impl IntoView {
    let state = expect_context::<AppState>();
    move || {
        let today = to_vietnam(state.now.get()).date();
        let visits: Vec<_> = state.with_campaign(|c| c.upcoming_visits(today).into_iter().cloned().collect());
        (!visits.is_empty()).then(|| {
            let items = visits
                .into_iter()
                .map(|v| {
                    let lang = current_lang();
                    let mut line = format_date(v.date);
                    if let Some(h) = &v.hours {
                        line = format!("{line}, {}", h.replace('-', "–"));
                    }
                    line = format!("{line}: {}", v.place.get(lang));
                    if let Some(n) = &v.notes {
                        line = format!("{line}. {}", n.get(lang));
                    }
                    view! { <li>{line}</li> }
                })
                .collect_view();
            view! {
                <section class="card visits" aria-labelledby="visits-title">
                    <h2 id="visits-title">{tr(|l| td_string!(l, offices.visits_title))}</h2>
                    <p>{tr(|l| td_string!(l, offices.visits_intro))}</p>
                    <ul>{items}</ul>
                </section>
            }
        })
    }
}

/// A link that leaves the app: on a kiosk, a QR code (made at build time) for the citizen's own phone.
fn external_link(url: String) -> AnyView {
    let kiosk = use_context::<crate::components::kiosk::Kiosk>().is_some_and(|k| k.0);
    if kiosk {
        let state = expect_context::<AppState>();
        let src = format!("{}/{}", state.base, crate::domain::handout::qr_file_name(&url));
        view! {
            <figure class="kiosk-qr">
                <img src=src alt="" width="160" height="160"/>
                <figcaption>{tr(|l| td_string!(l, kiosk.scan_link))} " " <span class="url">{url}</span></figcaption>
            </figure>
        }
        .into_any()
    } else {
        let href = url.clone();
        view! { <a href=href rel="noopener">{url}</a> }.into_any()
    }
}

/// One office: name, address, phone, hours and whether it is open now.
#[component]
pub fn OfficeCard(
    office: Office,
    /// True when the card sits under a section heading (its name becomes an `h3`).
    #[prop(optional)]
    nested: bool,
) -> impl IntoView {
    let i18n = use_i18n();
    let state = expect_context::<AppState>();
    let hours = office.weekly_hours();
    let lang = current_lang;
    let status = {
        let office = office.clone();
        move || {
            let now = state.now.get();
            office.status_at(now).map(|s| status_view(i18n, s, to_vietnam(now).date()))
        }
    };
    let special = {
        let office = office.clone();
        move || {
            let today = to_vietnam(state.now.get()).date();
            let days: Vec<_> = office.upcoming_special_days(today, 60).into_iter().cloned().collect();
            (!days.is_empty()).then(|| {
                let items = days
                    .into_iter()
                    .map(|d| {
                        let when = match parse_day_hours(&d.hours) {
                            Ok(sessions) if !sessions.is_empty() => sessions_text(&sessions),
                            _ => t_string!(i18n, offices.closed_day).to_string(),
                        };
                        view! { <li>{format!("{}: {} ({})", format_date(d.date), when, d.reason.get(lang()))}</li> }
                    })
                    .collect_view();
                view! {
                    <dt>{tr(|l| td_string!(l, offices.special_days))}</dt>
                    <dd><ul class="hours">{items}</ul></dd>
                }
            })
        }
    };
    let hours_list = hours.map(|h| {
        h.day_groups()
            .into_iter()
            .map(|(first, last, sessions)| {
                let days = move || {
                    if first == last {
                        day_name(i18n, first).to_string()
                    } else {
                        format!("{} – {}", day_name(i18n, first), day_name(i18n, last))
                    }
                };
                let times = if sessions.is_empty() {
                    tr(|l| td_string!(l, days.closed)).into_any()
                } else {
                    sessions_text(&sessions).into_any()
                };
                view! { <li>{days} ": " {times}</li> }
            })
            .collect_view()
    });
    // A mobile team or an online service has no street address to look for.
    let has_premises = matches!(office.kind, OfficeKind::DistrictTeam | OfficeKind::WardPolice | OfficeKind::CityOffice);
    let Office { name, count, address, phone, url, notes, source, .. } = office;
    view! {
        <article class="card office">
            {move || {
                let title = name.get(lang()).to_string();
                if nested { view! { <h3>{title}</h3> }.into_any() } else { view! { <h2>{title}</h2> }.into_any() }
            }}
            {status}
            {count.map(|count| view! { <p class="muted">{t!(i18n, offices.count, count)}</p> })}
            <dl>
                {match address {
                    Some(a) => Some(view! {
                        <dt>{tr(|l| td_string!(l, offices.address))}</dt>
                        <dd>{move || a.get(lang()).to_string()}</dd>
                    }.into_any()),
                    None if has_premises => Some(view! {
                        <dt>{tr(|l| td_string!(l, offices.address))}</dt>
                        <dd>{tr(|l| td_string!(l, offices.address_unknown))}</dd>
                    }.into_any()),
                    None => None,
                }}
                {phone.map(|p| view! {
                    <dt>{tr(|l| td_string!(l, offices.phone))}</dt>
                    <dd><a class="tel" href=tel_href(&p)>{p.clone()}</a></dd>
                })}
                {url.map(|u| view! {
                    <dt>{tr(|l| td_string!(l, offices.website))}</dt>
                    <dd>{external_link(u.clone())}</dd>
                })}
                {match hours_list {
                    Some(list) => Some(view! {
                        <dt>{tr(|l| td_string!(l, offices.hours))}</dt>
                        <dd><ul class="hours">{list}</ul></dd>
                    }.into_any()),
                    None if has_premises => Some(view! {
                        <dt>{tr(|l| td_string!(l, offices.hours))}</dt>
                        <dd>{tr(|l| td_string!(l, offices.hours_unknown))}</dd>
                    }.into_any()),
                    None => None,
                }}
                {special}
            </dl>
            {notes.map(|n| view! { <p class="muted">{move || n.get(lang()).to_string()}</p> })}
            <FileSource source/>
        </article>
    }
}

/// The live status line; `today` (Vietnam date) dates openings more than a week ahead.
fn status_view(i18n: leptos_i18n::I18nContext<Locale>, status: OpenStatus, today: time::Date) -> AnyView {
    match status {
        OpenStatus::OpenUntil { until } => {
            let time = format_minutes(until);
            view! { <p class="status running">{t!(i18n, offices.open_until, time)}</p> }.into_any()
        }
        OpenStatus::ClosedUntil { days_ahead, weekday, at } => {
            let time = format_minutes(at);
            let day = move || {
                let name = day_name(i18n, weekday);
                if days_ahead < 7 {
                    name.to_string()
                } else {
                    format!("{name} {}", format_date(today + time::Duration::days(days_ahead.into())))
                }
            };
            let text = match days_ahead {
                0 => t!(i18n, offices.opens_today, time).into_any(),
                1 => t!(i18n, offices.opens_tomorrow, day, time).into_any(),
                _ => t!(i18n, offices.opens_on, day, time).into_any(),
            };
            view! { <p class="status ended">{text}</p> }.into_any()
        }
        OpenStatus::NeverOpen => view! { <p class="status">{tr(|l| td_string!(l, offices.never_open))}</p> }.into_any(),
    }
}

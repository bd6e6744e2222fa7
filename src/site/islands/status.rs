//! Live statuses: the campaign (starts / N days left / ended) and each office (open now / opens at).

use chrono::{DateTime, FixedOffset};
use leptos::prelude::*;

use super::{fill, island_input, live_now};
use crate::domain::island_data::{CampaignStatusData, OfficeStatusData};
use crate::domain::hours::{parse_day_hours, DayOverride, OpenStatus, WeeklyHours};
use crate::domain::vn_time::{add_days, format_date, format_minutes, period_status, to_vietnam, PeriodStatus};
use crate::i18n::*;
use crate::site::locale_of;

/// The weekday's name (Monday = 0).
pub fn day_name(locale: Locale, day: usize) -> &'static str {
    match day {
        0 => td_string!(locale, days.mo),
        1 => td_string!(locale, days.tu),
        2 => td_string!(locale, days.we),
        3 => td_string!(locale, days.th),
        4 => td_string!(locale, days.fr),
        5 => td_string!(locale, days.sa),
        _ => td_string!(locale, days.su),
    }
}

/// The campaign's status from the clock. `ended_at_build` is true when the campaign had
/// already ended when the site was built (an end is final, so the page says so from the
/// first paint); `note` and its `note_source` ("may be out of date") show only once it has ended.
// An island in the citizen builds; a plain component in the campaign editor's preview (no hydration there).
#[cfg_attr(any(feature = "ssr", feature = "hydrate"), island)]
#[cfg_attr(not(any(feature = "ssr", feature = "hydrate")), component)]
pub fn CampaignStatus() -> impl IntoView {
    let Some(CampaignStatusData { lang, start, end, ended_at_build, note, note_source }) = CampaignStatusData::unpack(&island_input()) else {
        return None;
    };
    let locale = locale_of(lang);
    let now = live_now();
    let status = move || now.get().map(|now| period_status(start, end, to_vietnam(now).date_naive()));
    let ended = move || match status() {
        Some(s) => matches!(s, PeriodStatus::Ended { .. }),
        None => ended_at_build,
    };
    let text = move || match status() {
        Some(PeriodStatus::NotStarted { starts, days_until }) => {
            fill(td_string!(locale, live.upcoming), &[("date", &format_date(starts)), ("days", &days_until.to_string())])
        }
        Some(PeriodStatus::Running { days_left, ends }) => {
            fill(td_string!(locale, live.running), &[("days", &days_left.to_string()), ("date", &format_date(ends))])
        }
        Some(PeriodStatus::Ended { ended }) => fill(td_string!(locale, live.ended), &[("date", &format_date(ended))]),
        None if ended_at_build => fill(td_string!(locale, live.ended), &[("date", &format_date(end))]),
        None => String::new(),
    };
    let class = move || match status() {
        Some(PeriodStatus::NotStarted { .. }) => "status upcoming",
        Some(PeriodStatus::Running { .. }) => "status running",
        _ if ended() => "status ended",
        _ => "status",
    };
    Some(view! {
        <div class=class data-live="campaign">
            <p role="status"><strong>{text}</strong></p>
            <div hidden=move || !ended()>
                <p>{note}</p>
                <p class="source">{note_source}</p>
            </div>
        </div>
    })
}

/// An office's status line from its weekly hours and special days; empty until the island runs.
// An island in the citizen builds but the core one (`core-islands`); a plain component in
// the campaign editor's preview (no hydration there) and, unused, in the core build.
#[cfg_attr(any(feature = "ssr", all(feature = "hydrate", not(feature = "core-islands"))), island)]
#[cfg_attr(not(any(feature = "ssr", all(feature = "hydrate", not(feature = "core-islands")))), component)]
pub fn OfficeStatus() -> impl IntoView {
    let Some(OfficeStatusData { lang, hours, special }) = OfficeStatusData::unpack(&island_input()) else {
        return None;
    };
    let locale = locale_of(lang);
    let now = live_now();
    let weekly = WeeklyHours::parse(&hours).ok();
    let overrides: Vec<DayOverride> =
        special.iter().filter_map(|d| parse_day_hours(&d.hours).ok().map(|sessions| DayOverride { date: d.date, sessions })).collect();
    let status = Memo::new(move |_| {
        let now = now.get()?;
        Some((now, weekly.as_ref()?.status_with(now, &overrides)))
    });
    let text = move || status.get().map(|(now, s)| status_text(locale, s, now)).unwrap_or_default();
    let class = move || match status.get() {
        Some((_, OpenStatus::OpenUntil { .. })) => "status live running",
        Some(_) => "status live ended",
        None => "status live",
    };
    Some(view! { <p class=class data-live="office">{text}</p> })
}

/// The words of an office's status at `now`.
pub fn status_text(locale: Locale, status: OpenStatus, now: DateTime<FixedOffset>) -> String {
    match status {
        OpenStatus::OpenUntil { until } => fill(td_string!(locale, live.open_until), &[("time", &format_minutes(until))]),
        OpenStatus::ClosedUntil { days_ahead, weekday, at } => {
            let time = format_minutes(at);
            let mut day = day_name(locale, weekday).to_string();
            if days_ahead >= 7 {
                day = format!("{day} {}", format_date(add_days(to_vietnam(now).date_naive(), days_ahead.into())));
            }
            let template = match days_ahead {
                0 => td_string!(locale, live.opens_today),
                1 => td_string!(locale, live.opens_tomorrow),
                _ => td_string!(locale, live.opens_on),
            };
            fill(template, &[("time", &time), ("day", &day)])
        }
        OpenStatus::NeverOpen => td_string!(locale, live.never_open).to_string(),
    }
}

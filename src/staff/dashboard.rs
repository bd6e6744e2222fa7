//! Progress against targets: per target, per unit, per phase, and a chart.

use leptos::prelude::*;

use super::{vn_now, StaffState};
use crate::app::{current_lang, AppState};
use crate::components::tr::tr;
use crate::domain::tally::chart::layout;
use crate::domain::tally::progress::{all_units, phase_figures, resolved_targets, Progress, TargetSource};
use crate::domain::tally::report::format_count;
use crate::domain::text::Lang;
use crate::domain::vn_time::format_date;
use crate::i18n::*;

fn pct(p: Option<f64>, lang: Lang) -> String {
    p.map(|v| {
        let s = format!("{v:.1}%");
        if lang == Lang::Vi { s.replace('.', ",") } else { s }
    })
    .unwrap_or_else(|| "–".into())
}

fn rate(v: f64, lang: Lang) -> String {
    let s = format!("{v:.1}");
    if lang == Lang::Vi { s.replace('.', ",") } else { s }
}

/// How many units the table by unit shows before "Show all".
const UNITS_SHOWN_FIRST: usize = 50;

/// The dashboard.
#[component]
pub fn DashboardSection() -> impl IntoView {
    super::mark("tally:dashboard:start");
    request_animation_frame(|| super::mark("tally:dashboard:end"));
    let i18n = use_i18n();
    let app = expect_context::<AppState>();
    let staff = expect_context::<StaffState>();
    let campaign = super::shown_campaign(&app);
    let tally = staff.tally;
    // Every unit, listed once per render of the ledger (a province has hundreds).
    let all = Memo::new(move |_| staff.ledger.with(|l| all_units(&campaign.get(), l)));
    let today = Memo::new({
        let app = app.clone();
        move |_| vn_now(app.now.get()).0
    });
    let chart_indicator = RwSignal::new(campaign.get_untracked().indicators.first().map(|i| i.id.clone()).unwrap_or_default());
    let chart_unit = RwSignal::new(String::new());

    let unit_name = move |id: &Option<String>, lang: Lang| -> String {
        match id {
            None => t_string!(i18n, staff.whole_campaign).to_string(),
            Some(id) => all.with(|units| units.iter().find(|u| &u.id == id).map(|u| u.name(lang).to_string())).unwrap_or_else(|| id.clone()),
        }
    };

    let targets_table = move || {
        let c = campaign.get();
        let lang = current_lang();
        let targets = staff.ledger.with(|l| resolved_targets(&c, l));
        if targets.is_empty() {
            return view! { <p>{tr(|l| td_string!(l, tally.no_targets))}</p> }.into_any();
        }
        let t = tally.get();
        let rows = targets
            .into_iter()
            .map(|rt| {
                let p = Progress::compute(&t.0, &rt.indicator, rt.unit.as_deref(), rt.start, rt.due, rt.count, today.get());
                let indicator = c.indicators.iter().find(|i| i.id == rt.indicator).map(|i| i.name.get(lang).to_string()).unwrap_or_default();
                let phase = rt.phase.as_ref().and_then(|id| c.phases.iter().find(|p| &p.id == id)).map(|p| p.name.get(lang).to_string());
                let target_text = match (rt.count, rt.percent) {
                    (Some(n), _) => format_count(n, lang),
                    (None, Some(percent)) => format!("{percent}% ({})", t_string!(i18n, tally.count_unknown)),
                    (None, None) => "–".into(),
                };
                let source = match rt.source {
                    TargetSource::File => "",
                    TargetSource::Edited => "*",
                    TargetSource::Local => "†",
                };
                let x_of_y = match rt.count {
                    Some(n) => format!("{} {} {}", format_count(p.done, lang), t_string!(i18n, tally.of), format_count(n, lang)),
                    None => format_count(p.done, lang),
                };
                let need = p.needed_per_day.map(|n| format_count(n, lang)).unwrap_or_else(|| "–".into());
                let class = if p.reached() { "reached" } else if p.behind() { "behind" } else { "" };
                let bar = p.percent().map(|v| v.min(100.0)).unwrap_or(0.0);
                view! {
                    <tr class=class data-target=rt.key.clone()>
                        <th scope="row">{indicator} {phase.map(|p| view! { <br/><span class="muted">{p}</span> })}</th>
                        <td>{unit_name(&rt.unit, lang)}</td>
                        <td class="num">{target_text}{source}</td>
                        <td class="num" data-cell="done">{x_of_y}</td>
                        <td class="num" data-cell="percent">
                            {pct(p.percent(), lang)}
                            <progress class="meter" max="100" value=format!("{bar:.0}") aria-hidden="true"></progress>
                        </td>
                        <td class="num">{format_date(rt.due)} <br/><span class="muted">{p.days_left} " " {move || t_string!(i18n, tally.days_left)}</span></td>
                        <td class="num" data-cell="rate">{rate(p.rate_so_far, lang)}</td>
                        <td class="num" data-cell="needed">{need}</td>
                    </tr>
                }
            })
            .collect_view();
        view! {
            <div class="table-wrap" tabindex="0" role="region" aria-labelledby="targets-heading">
                <table class="progress-table">
                    <thead><tr>
                        <th scope="col">{tr(|l| td_string!(l, staff.col_indicator))}</th>
                        <th scope="col">{tr(|l| td_string!(l, staff.col_unit))}</th>
                        <th scope="col" class="num">{tr(|l| td_string!(l, staff.col_target))}</th>
                        <th scope="col" class="num">{tr(|l| td_string!(l, tally.col_done))}</th>
                        <th scope="col" class="num">"%"</th>
                        <th scope="col" class="num">{tr(|l| td_string!(l, staff.due))}</th>
                        <th scope="col" class="num">{tr(|l| td_string!(l, tally.col_rate))}</th>
                        <th scope="col" class="num">{tr(|l| td_string!(l, tally.col_needed))}</th>
                    </tr></thead>
                    <tbody>{rows}</tbody>
                </table>
            </div>
            <p class="muted">{tr(|l| td_string!(l, tally.target_marks))}</p>
        }
        .into_any()
    };

    // A province has hundreds of units: the first ones show at once, the rest on request
    // (the totals always count every unit).
    let show_all_units = RwSignal::new(false);
    let units_table = move || {
        let c = campaign.get();
        let lang = current_lang();
        let t = tally.get();
        let end = c.period.end.min(today.get());
        let units = all.get();
        let hidden = if show_all_units.get() { 0 } else { units.len().saturating_sub(UNITS_SHOWN_FIRST) };
        let head = c.indicators.iter().map(|i| view! { <th scope="col" class="num">{i.name.get(lang).to_string()}</th> }).collect_view();
        let rows = units
            .iter()
            .take(units.len() - hidden)
            .map(|u| {
                let cells = c
                    .indicators
                    .iter()
                    .map(|i| view! { <td class="num">{format_count(t.0.sum(&i.id, Some(&u.id), c.period.start, end), lang)}</td> })
                    .collect_view();
                view! { <tr data-unit=u.id.clone()><th scope="row">{u.name(lang).to_string()}</th>{cells}</tr> }
            })
            .collect_view();
        let totals = c
            .indicators
            .iter()
            .map(|i| view! { <td class="num" data-total=i.id.clone()><strong>{format_count(t.0.sum(&i.id, None, c.period.start, end), lang)}</strong></td> })
            .collect_view();
        view! {
            <div class="table-wrap" tabindex="0" role="region" aria-labelledby="units-heading">
                <table>
                    <thead><tr><th scope="col">{tr(|l| td_string!(l, staff.col_unit))}</th>{head}</tr></thead>
                    <tbody>{rows}</tbody>
                    <tfoot><tr><th scope="row">{tr(|l| td_string!(l, tally.total))}</th>{totals}</tr></tfoot>
                </table>
            </div>
            {(hidden > 0).then(|| view! {
                <p class="actions">
                    <button type="button" id="show-all-units" on:click=move |_| show_all_units.set(true)>
                        {move || t_string!(i18n, tally.show_all_units)} " (" {units.len()} ")"
                    </button>
                </p>
            })}
        }
    };

    let phases_table = move || {
        let c = campaign.get();
        if c.phases.is_empty() {
            return None;
        }
        let lang = current_lang();
        let t = tally.get();
        let rows = c
            .indicators
            .iter()
            .flat_map(|i| {
                let figures = phase_figures(&c, &t.0, &i.id, None, today.get());
                let name = i.name.get(lang).to_string();
                figures.into_iter().map(move |f| (name.clone(), f))
            })
            .map(|(name, f)| {
                let phase = c.phases.iter().find(|p| p.id == f.phase);
                let label = phase.map(|p| format!("{} ({} – {})", p.name.get(lang), format_date(p.period.start), format_date(p.period.end))).unwrap_or_default();
                view! {
                    <tr data-phase=f.phase.clone()>
                        <th scope="row">{label}</th>
                        <td>{name}</td>
                        <td class="num">{format_count(f.in_phase, lang)}</td>
                        <td class="num">{format_count(f.cumulative, lang)} {f.reported_cumulative.then_some(" ★")}</td>
                    </tr>
                }
            })
            .collect_view();
        Some(view! {
            <section class="card dashboard-card">
                <h3 id="phases-heading">{tr(|l| td_string!(l, tally.phases))}</h3>
                <div class="table-wrap" tabindex="0" role="region" aria-labelledby="phases-heading">
                    <table>
                        <thead><tr>
                            <th scope="col">{tr(|l| td_string!(l, tally.phase))}</th>
                            <th scope="col">{tr(|l| td_string!(l, staff.col_indicator))}</th>
                            <th scope="col" class="num">{tr(|l| td_string!(l, tally.in_phase))}</th>
                            <th scope="col" class="num">{tr(|l| td_string!(l, tally.cumulative))}</th>
                        </tr></thead>
                        <tbody>{rows}</tbody>
                    </table>
                </div>
                <p class="muted">{tr(|l| td_string!(l, tally.phase_cumulative_note))}</p>
            </section>
        })
    };

    let chart_table_open = RwSignal::new(false);
    let chart = move || {
        let c = campaign.get();
        let lang = current_lang();
        let indicator = chart_indicator.get();
        let unit = chart_unit.get();
        let unit = (!unit.is_empty()).then_some(unit);
        let t = tally.get();
        let end = c.period.end.min(today.get()).max(c.period.start);
        let days = t.0.daily(&indicator, unit.as_deref(), c.period.start, end);
        let target = staff.ledger.with(|l| resolved_targets(&c, l)).into_iter().find(|rt| rt.indicator == indicator && rt.unit == unit && rt.phase.is_none()).and_then(|rt| rt.count);
        let g = layout(&days, target, 600.0, 200.0);
        let total: u64 = days.iter().map(|d| d.1).sum();
        let best = days.iter().max_by_key(|d| d.1).copied();
        let name = c.indicators.iter().find(|i| i.id == indicator).map(|i| i.name.get(lang).to_string()).unwrap_or_default();
        let summary = format!(
            "{name}: {} {} {} – {}; {} {}{}",
            format_count(total, lang),
            t_string!(i18n, tally.chart_from),
            format_date(c.period.start),
            format_date(end),
            t_string!(i18n, tally.chart_best),
            best.map(|b| format!("{} ({})", format_count(b.1, lang), format_date(b.0))).unwrap_or_default(),
            target.map(|n| format!("; {} {}", t_string!(i18n, staff.col_target), format_count(n, lang))).unwrap_or_default(),
        );
        let bars = g.bars.iter().map(|(_, x, y, w, h)| view! { <rect class="bar" x=format!("{x:.1}") y=format!("{y:.1}") width=format!("{w:.1}") height=format!("{h:.1}")/> }).collect_view();
        let target_line = g.target_y.map(|y| view! { <line class="target" x1="0" x2="600" y1=format!("{y:.1}") y2=format!("{y:.1}")/> });
        // The figures' table sits in a closed <details>: its rows are made when it is opened.
        let table_rows = move || {
            chart_table_open.get().then(|| {
                days.iter()
                    .scan(0u64, |acc, (d, v)| {
                        *acc += v;
                        Some((*d, *v, *acc))
                    })
                    .map(|(d, v, acc)| view! { <tr><td>{format_date(d)}</td><td class="num">{format_count(v, lang)}</td><td class="num">{format_count(acc, lang)}</td></tr> })
                    .collect_view()
            })
        };
        view! {
            <figure class="chart">
                <svg viewBox="0 0 600 200" role="img" aria-labelledby="chart-caption" preserveAspectRatio="none">
                    {bars}
                    <polyline class="cumulative" points=g.cumulative_points.clone() fill="none"/>
                    {target_line}
                </svg>
                <figcaption id="chart-caption">{summary}</figcaption>
                <p class="legend muted">
                    <span class="key key-bar"></span>{tr(|l| td_string!(l, tally.legend_daily))}
                    " · " <span class="key key-line"></span>{tr(|l| td_string!(l, tally.legend_cumulative))}
                    {target.map(|_| view! { " · " <span class="key key-target"></span>{tr(|l| td_string!(l, tally.legend_target))} })}
                </p>
                <details prop:open=move || chart_table_open.get() on:toggle=move |ev| {
                    let open = event_target::<web_sys::HtmlDetailsElement>(&ev).open();
                    if open != chart_table_open.get_untracked() {
                        chart_table_open.set(open);
                    }
                }>
                    <summary>{tr(|l| td_string!(l, tally.chart_table))}</summary>
                    <div class="table-wrap" tabindex="0" role="region" aria-label=move || t_string!(i18n, tally.chart_table)>
                        <table>
                            <thead><tr>
                                <th scope="col">{tr(|l| td_string!(l, tally.date))}</th>
                                <th scope="col" class="num">{tr(|l| td_string!(l, tally.legend_daily))}</th>
                                <th scope="col" class="num">{tr(|l| td_string!(l, tally.legend_cumulative))}</th>
                            </tr></thead>
                            <tbody>{table_rows}</tbody>
                        </table>
                    </div>
                </details>
            </figure>
        }
    };

    let indicator_options = move || {
        let lang = current_lang();
        campaign.get().indicators.iter().map(|i| {
            let id = i.id.clone();
            view! { <option value=i.id.clone() selected=move || chart_indicator.get() == id>{i.name.get(lang).to_string()}</option> }
        }).collect_view()
    };
    // The unit list as one piece of escaped HTML (hundreds of options for a province: one
    // parse by the browser instead of hundreds of element calls); the value follows the signal.
    let unit_options = move || {
        let lang = current_lang();
        let escape = crate::domain::handout::escape;
        let mut html = format!("<option value=\"\">{}</option>", escape(td_string!(i18n.get_locale(), staff.whole_campaign)));
        for u in all.get() {
            html.push_str(&format!("<option value=\"{}\">{}</option>", escape(&u.id), escape(u.name(lang))));
        }
        html
    };

    view! {
        <h2>{tr(|l| td_string!(l, tally.tab_dashboard))}</h2>
        <p class="muted">{move || format!("{} {}", t_string!(i18n, tally.as_of), format_date(today.get()))}</p>
        <section class="card dashboard-card">
            <h3 id="targets-heading">{tr(|l| td_string!(l, staff.targets))}</h3>
            {targets_table}
        </section>
        <section class="card dashboard-card">
            <h3 id="units-heading">{tr(|l| td_string!(l, tally.by_unit))}</h3>
            {units_table}
        </section>
        {phases_table}
        <section class="card dashboard-card">
            <h3>{tr(|l| td_string!(l, tally.trend))}</h3>
            <div class="chart-controls">
                <p class="field">
                    <label for="chart-indicator">{tr(|l| td_string!(l, staff.col_indicator))}</label>
                    <select id="chart-indicator" on:change=move |ev| chart_indicator.set(event_target_value(&ev))>{indicator_options}</select>
                </p>
                <p class="field">
                    <label for="chart-unit">{tr(|l| td_string!(l, staff.col_unit))}</label>
                    <select id="chart-unit" inner_html=unit_options prop:value=move || { all.track(); chart_unit.get() } on:change=move |ev| chart_unit.set(event_target_value(&ev))></select>
                </p>
            </div>
            {chart}
        </section>
        <super::sync::SyncDevices/>
    }
}

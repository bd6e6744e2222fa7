//! The report of a day: a table per unit, copy as text, print.

use leptos::prelude::*;
use wasm_bindgen::JsCast;

use super::{vn_now, StaffState};
use crate::app::{current_lang, AppState};
use crate::components::tr::tr;
use crate::domain::tally::report::{format_count, report_text, DayReport, ReportWords};
use crate::domain::text::Lang;
use crate::domain::vn_time::{add_days, format_date, format_iso, parse_iso_date};
use crate::i18n::*;

/// The day report.
#[component]
pub fn ReportSection() -> impl IntoView {
    let i18n = use_i18n();
    let app = expect_context::<AppState>();
    let staff = expect_context::<StaffState>();
    let campaign = super::shown_campaign(&app);
    let (today, _) = vn_now(app.now.get_untracked());
    let date = RwSignal::new(format_iso(add_days(today, -1)));
    let copied = RwSignal::new(None::<bool>);
    let report = Memo::new(move |_| {
        let day = parse_iso_date(&date.get())?;
        Some(staff.ledger.with(|l| DayReport::build(&campaign.get(), l, day)))
    });
    // The chat text is always Vietnamese: it goes to the campaign's chat group.
    let text = Memo::new(move |_| {
        let r = report.get()?;
        let l = Locale::vi;
        let words = ReportWords {
            title: td_string!(l, tally.report_title),
            cumulative: td_string!(l, tally.cumulative_short),
            by_unit: td_string!(l, tally.by_unit),
            missing: td_string!(l, tally.missing_units),
        };
        Some(report_text(&campaign.get(), &r, &words, Lang::Vi))
    });

    let copy = move |_| {
        let Some(t) = text.get_untracked() else { return };
        let Some(window) = web_sys::window() else { return };
        let clipboard = js_sys::Reflect::get(&window.navigator(), &"clipboard".into()).ok().filter(|c| !c.is_undefined());
        let write = clipboard.and_then(|c| {
            let f = js_sys::Reflect::get(&c, &"writeText".into()).ok()?.dyn_into::<js_sys::Function>().ok()?;
            f.call1(&c, &t.clone().into()).ok()?.dyn_into::<js_sys::Promise>().ok()
        });
        match write {
            Some(promise) => wasm_bindgen_futures::spawn_local(async move {
                let ok = wasm_bindgen_futures::JsFuture::from(promise).await.is_ok();
                if !ok {
                    select_report_text();
                }
                copied.set(Some(ok));
            }),
            None => {
                select_report_text();
                copied.set(Some(false));
            }
        }
    };

    let table = move || {
        let r = report.get()?;
        let c = campaign.get();
        let lang = current_lang();
        let head = c
            .indicators
            .iter()
            .map(|i| view! { <th scope="col" class="num" colspan="2">{i.name.get(lang).to_string()}</th> })
            .collect_view();
        let sub = c
            .indicators
            .iter()
            .map(|_| view! {
                <th scope="col" class="num">{tr(|l| td_string!(l, tally.that_day))}</th>
                <th scope="col" class="num">{tr(|l| td_string!(l, tally.cumulative))}</th>
            })
            .collect_view();
        let rows = r
            .rows
            .iter()
            .map(|row| {
                let cells = row
                    .cumulative
                    .iter()
                    .enumerate()
                    .map(|(i, cum)| {
                        let day = row.day.as_ref().map(|d| format_count(d[i], lang)).unwrap_or_else(|| "–".into());
                        view! { <td class="num">{day}</td><td class="num">{format_count(*cum, lang)}</td> }
                    })
                    .collect_view();
                view! { <tr data-unit=row.unit.id.clone() class=row.day.is_none().then_some("missing")><th scope="row">{row.unit.name(lang).to_string()}</th>{cells}</tr> }
            })
            .collect_view();
        let totals = r
            .total_day
            .iter()
            .zip(&r.total_cumulative)
            .map(|(d, cum)| view! { <td class="num"><strong>{format_count(*d, lang)}</strong></td><td class="num"><strong>{format_count(*cum, lang)}</strong></td> })
            .collect_view();
        Some(view! {
            <div class="table-wrap" tabindex="0" role="region" aria-labelledby="report-heading">
                <table class="report-table">
                    <thead>
                        <tr><th scope="col" rowspan="2">{tr(|l| td_string!(l, staff.col_unit))}</th>{head}</tr>
                        <tr>{sub}</tr>
                    </thead>
                    <tbody>{rows}</tbody>
                    <tfoot><tr><th scope="row">{tr(|l| td_string!(l, tally.total))}</th>{totals}</tr></tfoot>
                </table>
            </div>
        })
    };

    view! {
        <h2 id="report-heading">
            {tr(|l| td_string!(l, tally.report_title))} " "
            {move || parse_iso_date(&date.get()).map(format_date).unwrap_or_default()}
        </h2>
        <div class="field no-print">
            <label for="report-date">{tr(|l| td_string!(l, tally.date))}</label>
            <input id="report-date" type="date" prop:value=move || date.get() on:input=move |ev| { date.set(event_target_value(&ev)); copied.set(None); }/>
        </div>
        <p class="print-only">{crate::components::tr::campaign_text(|c| &c.name)}</p>
        {table}
        <section class="card no-print">
            <h3>{tr(|l| td_string!(l, tally.text_heading))}</h3>
            <label for="report-text" class="visually-hidden">{tr(|l| td_string!(l, tally.text_heading))}</label>
            <textarea id="report-text" readonly rows="8" prop:value=move || text.get().unwrap_or_default()></textarea>
            <div class="actions">
                <button type="button" class="primary" on:click=copy>{tr(|l| td_string!(l, tally.copy_text))}</button>
                <button type="button" on:click=move |_| { let _ = web_sys::window().map(|w| w.print()); }>{tr(|l| td_string!(l, tally.print))}</button>
                <p role="status" class="save-ok">
                    {move || match copied.get() {
                        Some(true) => t_string!(i18n, tally.copied).to_string(),
                        Some(false) => t_string!(i18n, tally.copy_manual).to_string(),
                        None => String::new(),
                    }}
                </p>
            </div>
        </section>
    }
}

fn select_report_text() {
    if let Some(el) = document().get_element_by_id("report-text").and_then(|e| e.dyn_into::<web_sys::HtmlTextAreaElement>().ok()) {
        el.select();
    }
}

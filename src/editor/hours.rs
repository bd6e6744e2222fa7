//! The weekly-hours helper: choose days and a time span, and it writes the
//! OpenStreetMap `opening_hours` text; the text written is read back as lines.

use leptos::prelude::*;

use super::fields::{dom_id, problem_text, Edited};
use crate::components::tr::tr;
use crate::domain::campaign::form::{self, add_hours, hours_rows, remove_hours_row, HoursRow, Kind, Place};
use crate::domain::vn_time::format_minutes;
use crate::i18n::*;
use crate::site::islands::status::day_name;

/// A row in words: `Monday – Friday: 17:30–20:30`.
fn row_words(l: Locale, row: &HoursRow) -> String {
    let mut runs = Vec::new();
    let mut day = 0;
    while day < 7 {
        if !row.days[day] {
            day += 1;
            continue;
        }
        let first = day;
        while day + 1 < 7 && row.days[day + 1] {
            day += 1;
        }
        runs.push(if first == day { day_name(l, first).to_string() } else { format!("{} – {}", day_name(l, first), day_name(l, day)) });
        day += 1;
    }
    let spans: Vec<String> = row.sessions.iter().map(|s| format!("{}–{}", format_minutes(s.start), format_minutes(s.end))).collect();
    format!("{}: {}", runs.join(", "), spans.join(", "))
}

/// Days and a time span that write the weekly hours of the field at `place`.
#[component]
pub fn HoursHelper(edited: Edited, place: Place) -> impl IntoView {
    let i18n = use_i18n();
    let id = format!("{}-helper", dom_id(&place));
    let spec_place = place.clone();
    let spec = Memo::new(move |_| edited.doc.with(|d| form::raw(d, &spec_place)));
    let days: [RwSignal<bool>; 7] = std::array::from_fn(|_| RwSignal::new(false));
    let from = RwSignal::new("07:30".to_string());
    let to = RwSignal::new("11:30".to_string());
    let message = RwSignal::new(None::<String>);
    let write_place = place.clone();
    let write = move |text: String| edited.doc.update(|d| form::set_raw(d, &write_place, Kind::WeeklyHours, &text));
    let write_for_rows = write.clone();
    let rows = move || {
        let l = i18n.get_locale();
        let text = spec.get();
        if text.trim().is_empty() {
            return view! { <p>{tr(|l| td_string!(l, editor.hours_none))}</p> }.into_any();
        }
        match hours_rows(&text) {
            Err(_) => view! { <p>{tr(|l| td_string!(l, editor.hours_unreadable))}</p> }.into_any(),
            Ok(rows) => {
                let items = rows
                    .iter()
                    .enumerate()
                    .map(|(i, row)| {
                        let write = write_for_rows.clone();
                        let words = row_words(l, row);
                        let label = format!("{}: {words}", td_string!(l, editor.hours_remove));
                        view! {
                            <li>
                                <span>{words}</span>
                                " "
                                <button type="button" class="secondary" aria-label=label on:click=move |_| write(remove_hours_row(&spec.get_untracked(), i))>
                                    {td_string!(l, editor.hours_remove)}
                                </button>
                            </li>
                        }
                    })
                    .collect_view();
                view! { <ul class="hours-rows">{items}</ul> }.into_any()
            }
        }
    };
    let day_boxes = (0..7)
        .map(|day| {
            let box_id = format!("{id}-day-{day}");
            view! {
                <label class="editor-flag">
                    <input type="checkbox" id=box_id prop:checked=move || days[day].get() on:change=move |ev| days[day].set(event_target_checked(&ev))/>
                    {move || day_name(i18n.get_locale(), day)}
                </label>
            }
        })
        .collect_view();
    let add = move |_| {
        let chosen: [bool; 7] = std::array::from_fn(|d| days[d].get_untracked());
        match add_hours(&spec.get_untracked(), chosen, &from.get_untracked(), &to.get_untracked()) {
            Ok(text) => {
                message.set(None);
                write(text);
            }
            Err(problem) => message.set(Some(problem_text(i18n.get_locale(), &problem))),
        }
    };
    let (from_id, to_id, msg_id) = (format!("{id}-from"), format!("{id}-to"), format!("{id}-msg"));
    view! {
        <details class="hours-helper" id=id.clone()>
            <summary>{tr(|l| td_string!(l, editor.hours_helper))}</summary>
            <p>{tr(|l| td_string!(l, editor.hours_now))}</p>
            {rows}
            <fieldset class="editor-group">
                <legend>{tr(|l| td_string!(l, editor.hours_days))}</legend>
                <div class="day-boxes">{day_boxes}</div>
            </fieldset>
            <div class="time-span">
                <div class="editor-field">
                    <label for=from_id.clone()>{tr(|l| td_string!(l, editor.hours_from))}</label>
                    <input type="time" id=from_id prop:value=move || from.get() on:input=move |ev| from.set(event_target_value(&ev))/>
                </div>
                <div class="editor-field">
                    <label for=to_id.clone()>{tr(|l| td_string!(l, editor.hours_to))}</label>
                    <input type="time" id=to_id prop:value=move || to.get() on:input=move |ev| to.set(event_target_value(&ev))/>
                </div>
            </div>
            <button type="button" on:click=add aria-describedby=msg_id.clone()>{tr(|l| td_string!(l, editor.hours_add))}</button>
            <p class="field-problem" id=msg_id role="status">{move || message.get()}</p>
        </details>
    }
}

//! Daily entry: a day, a unit, one whole number per indicator.

use chrono::NaiveDate;
use leptos::prelude::*;

use super::{now, vn_now, StaffState};
use crate::app::{current_lang, AppState};
use crate::components::tr::tr;
use crate::domain::tally::ledger::{Counts, Entry};
use crate::domain::tally::progress::all_units;
use crate::domain::tally::report::format_count;
use crate::domain::tally::stamp::Stamp;
use crate::domain::tally::store::StoreError;
use crate::domain::tally::validate::{check_date, check_optional_text, default_entry_day, parse_count, warnings, CountError, DateCheck, Warning, MAX_DAILY_COUNT};
use crate::domain::vn_time::{add_days, format_date, format_iso, parse_iso_date};
use crate::i18n::*;

/// What happened to the last save.
#[derive(Clone, Debug, PartialEq)]
enum SaveState {
    /// Nothing attempted since the form changed.
    Idle,
    /// Writing.
    Saving,
    /// Stored, at this time.
    Saved(Stamp),
    /// The same counts were already stored.
    Unchanged,
    /// Not stored.
    Failed(String),
    /// Not stored: another tab or window saved this day and unit since the form was filled.
    Stale,
}

fn count_error(l: Locale, e: CountError) -> String {
    match e {
        CountError::Missing => td_string!(l, tally.err_missing).to_string(),
        CountError::Negative => td_string!(l, tally.err_negative).to_string(),
        CountError::NotWhole => td_string!(l, tally.err_not_whole).to_string(),
        CountError::TooLarge => format!("{} {}", td_string!(l, tally.err_too_large), format_count(MAX_DAILY_COUNT, if l == Locale::en { crate::domain::text::Lang::En } else { crate::domain::text::Lang::Vi })),
    }
}

/// The entry form and the day's entries.
#[component]
pub fn EntrySection() -> impl IntoView {
    let i18n = use_i18n();
    let app = expect_context::<AppState>();
    let staff = expect_context::<StaffState>();
    let campaign = super::shown_campaign(&app);
    let (today, minutes) = vn_now(app.now.get_untracked());
    let (first_day, report_due) = default_entry_day(&campaign.get_untracked(), today, minutes);
    let date = RwSignal::new(format_iso(first_day));
    // The day offered follows the clock past midnight, unless staff chose another day.
    let offered_day = StoredValue::new(format_iso(first_day));
    Effect::new(move |_| {
        let (today, minutes) = vn_now(app.now.get());
        let (day, _) = default_entry_day(&campaign.get_untracked(), today, minutes);
        let day = format_iso(day);
        if day != offered_day.get_value() {
            if date.get_untracked() == offered_day.get_value() {
                date.set(day.clone());
            }
            offered_day.set_value(day);
        }
    });
    let units = Memo::new(move |_| staff.ledger.with(|l| all_units(&campaign.get(), l)));
    let unit = RwSignal::new(units.get_untracked().first().map(|u| u.id.clone()).unwrap_or_default());
    let indicator_count = campaign.get_untracked().indicators.len();
    let values = RwSignal::new(vec![String::new(); indicator_count]);
    let allow_outside = RwSignal::new(false);
    let reason = RwSignal::new(String::new());
    let attempted = RwSignal::new(false);
    let state = RwSignal::new(SaveState::Idle);

    let parsed_date = move || parse_iso_date(&date.get());
    let existing = Memo::new(move |_| {
        let day = parsed_date()?;
        let id = unit.get();
        staff.ledger.with(|l| l.entry(day, &id).cloned())
    });
    // The stored entry the form was filled from: a save is planned against it, so counts
    // another tab saved in the meantime are never replaced unseen.
    let filled_from = StoredValue::new(None::<Entry>);
    // Load the stored counts whenever the day or unit changes. When another tab saves the
    // same day and unit, a form being typed in is kept (the stored counts show under each
    // box); an untouched one shows the new counts.
    Effect::new(move |shown: Option<(Option<NaiveDate>, String)>| {
        let stored = existing.get();
        let key = (parsed_date(), unit.get_untracked());
        let c = campaign.get_untracked();
        let as_text = |e: &Option<Entry>| -> Vec<String> { c.indicators.iter().map(|i| e.as_ref().map(|e| e.counts.get(&i.id).to_string()).unwrap_or_default()).collect() };
        let typed = values.get_untracked() != as_text(&filled_from.get_value());
        if shown.as_ref() == Some(&key) && typed {
            // Staff were already told these counts changed elsewhere (a refused save): the
            // next Save replaces them knowingly.
            if state.get_untracked() == SaveState::Stale {
                filled_from.set_value(stored);
            }
            return key;
        }
        values.set(as_text(&stored));
        filled_from.set_value(stored);
        attempted.set(false);
        reason.set(String::new());
        if !matches!(state.get_untracked(), SaveState::Saved(_) | SaveState::Stale) {
            state.set(SaveState::Idle);
        }
        key
    });

    let field_results = move || values.get().iter().map(|v| parse_count(v)).collect::<Vec<_>>();
    let date_check = move || {
        let (today, _) = vn_now(app.now.get());
        parsed_date().map(|d| check_date(&campaign.get(), d, today))
    };
    let counts = move || {
        let c = campaign.get();
        let results = field_results();
        let pairs: Option<Vec<(String, u64)>> = c.indicators.iter().zip(results).map(|(i, r)| r.ok().map(|n| (i.id.clone(), n))).collect();
        pairs.map(|p| Counts(p.into_iter().collect()))
    };
    let dirty = move || match (existing.get(), counts()) {
        (Some(e), Some(c)) => e.counts != c,
        (None, _) => values.get().iter().any(|v| !v.trim().is_empty()),
        (Some(_), None) => true,
    };

    let reason_check = move || check_optional_text(&reason.get());
    let save = move |ev: web_sys::SubmitEvent| {
        ev.prevent_default();
        if state.get_untracked() == SaveState::Saving {
            return;
        }
        attempted.set(true);
        let Some(day) = parsed_date() else { return };
        let check = date_check();
        let Ok(why) = check_optional_text(&reason.get_untracked()) else {
            request_animation_frame(focus_first_invalid);
            return;
        };
        if matches!(check, Some(DateCheck::Future | DateCheck::TooFar)) || (check == Some(DateCheck::OutsidePeriod) && !allow_outside.get_untracked()) {
            request_animation_frame(focus_first_invalid);
            return;
        }
        let Some(new_counts) = counts() else {
            request_animation_frame(focus_first_invalid);
            return;
        };
        let id = unit.get_untracked();
        let c = campaign.get_untracked();
        // Saved elsewhere since the form was filled: show it, write nothing; the next Save
        // replaces it knowingly (with an audit record).
        let stored_now = existing.get_untracked();
        if stored_now != filled_from.get_value() {
            filled_from.set_value(stored_now);
            state.set(SaveState::Stale);
            return;
        }
        let author = staff.author(now());
        let plan = staff.ledger.with_untracked(|l| l.plan_save(day, &id, new_counts, check == Some(DateCheck::OutsidePeriod), &author, why));
        if plan.changes.is_empty() {
            state.set(SaveState::Unchanged);
            return;
        }
        state.set(SaveState::Saving);
        let at = author.at;
        wasm_bindgen_futures::spawn_local(async move {
            match staff.commit(&c.id, plan.changes).await {
                Ok(()) => {
                    filled_from.set_value(staff.ledger.with_untracked(|l| l.entry(day, &id).cloned()));
                    state.set(SaveState::Saved(at));
                }
                Err(StoreError::Stale(_)) => {
                    // Show what is stored now; the typed counts stay in the form.
                    staff.load(c.id.clone());
                    state.set(SaveState::Stale);
                }
                Err(e) => state.set(SaveState::Failed(e.to_string())),
            }
        });
    };

    let unit_options = move || {
        let lang = current_lang();
        units
            .get()
            .into_iter()
            .map(|u| {
                let id = u.id.clone();
                view! { <option value=u.id.clone() selected=move || unit.get() == id>{u.name(lang).to_string()}</option> }
            })
            .collect_view()
    };

    let fields = move || {
        let c = campaign.get();
        let lang = current_lang();
        c.indicators
            .iter()
            .enumerate()
            .map(|(i, indicator)| {
                let input_id = format!("count-{}", indicator.id);
                let error_id = format!("count-{}-error", indicator.id);
                let error = move || {
                    let raw = values.with(|v| v.get(i).cloned().unwrap_or_default());
                    match parse_count(&raw) {
                        Err(CountError::Missing) if !attempted.get() => None,
                        Err(e) => Some(count_error(i18n.get_locale(), e)),
                        Ok(_) => None,
                    }
                };
                let indicator_id = indicator.id.clone();
                let previous = move || existing.get().map(|e| e.counts.get(&indicator_id));
                let error_for_attr = error.clone();
                let error_id_attr = error_id.clone();
                view! {
                    <div class="field count-field">
                        <label for=input_id.clone()>{indicator.name.get(lang).to_string()}</label>
                        <input
                            id=input_id
                            type="text"
                            inputmode="numeric"
                            autocomplete="off"
                            data-indicator=indicator.id.clone()
                            aria-invalid=move || error_for_attr().is_some().then_some("true")
                            aria-describedby=move || error.clone()().is_some().then(|| error_id_attr.clone())
                            prop:value=move || values.with(|v| v.get(i).cloned().unwrap_or_default())
                            on:input=move |ev| {
                                let text = event_target_value(&ev);
                                values.update(|v| if let Some(slot) = v.get_mut(i) { *slot = text });
                                state.set(SaveState::Idle);
                            }
                        />
                        {move || previous().map(|n| view! { <span class="muted hint">{move || t_string!(i18n, tally.stored_value)} " " {n}</span> })}
                        {
                            let error_id = error_id.clone();
                            move || {
                                let raw = values.with(|v| v.get(i).cloned().unwrap_or_default());
                                let message = match parse_count(&raw) {
                                    Err(CountError::Missing) if !attempted.get() => None,
                                    Err(e) => Some(count_error(i18n.get_locale(), e)),
                                    Ok(_) => None,
                                };
                                message.map(|m| view! { <p class="field-error" id=error_id.clone()>{m}</p> })
                            }
                        }
                    </div>
                }
            })
            .collect_view()
    };

    let date_message = move || match date_check() {
        None => Some(view! { <p class="field-error" id="date-error">{tr(|l| td_string!(l, tally.err_date))}</p> }.into_any()),
        Some(DateCheck::Future) => Some(view! { <p class="field-error" id="date-error">{tr(|l| td_string!(l, tally.err_future))}</p> }.into_any()),
        Some(DateCheck::TooFar) => Some(view! { <p class="field-error" id="date-error">{tr(|l| td_string!(l, tally.err_too_far))}</p> }.into_any()),
        Some(DateCheck::OutsidePeriod) => {
            let c = campaign.get();
            let mut period = format!("{} – {}", format_date(c.period.start), format_date(c.period.end));
            if c.period_end_note.is_some() {
                period = format!("{period} ({})", td_string!(i18n.get_locale(), tally.end_inferred));
            }
            Some(
                view! {
                    <div class="field-error" id="date-error">
                        <p>{tr(|l| td_string!(l, tally.err_outside_period))} " " {period}</p>
                        <label class="check">
                            <input type="checkbox" id="allow-outside" prop:checked=move || allow_outside.get() on:change=move |ev| allow_outside.set(event_target_checked(&ev))/>
                            " " {tr(|l| td_string!(l, tally.allow_outside))}
                        </label>
                    </div>
                }
                .into_any(),
            )
        }
        Some(DateCheck::Fine) => None,
    };

    let warning_list = move || {
        let day = parsed_date()?;
        let counts = counts()?;
        let c = campaign.get();
        let found = staff.ledger.with(|l| warnings(&c, l, day, &unit.get(), &counts));
        if found.is_empty() {
            return None;
        }
        let lang = current_lang();
        let name = |id: &str| c.indicators.iter().find(|i| i.id == id).map(|i| i.name.get(lang).to_string()).unwrap_or_default();
        let items = found
            .into_iter()
            .map(|w| match w {
                Warning::Exceeds { indicator, other } => format!("{} > {}. {}", name(&indicator), name(&other), t_string!(i18n, tally.warn_exceeds)),
                Warning::Unusual { indicator, typical } => format!("{}: {} {}", name(&indicator), t_string!(i18n, tally.warn_unusual), typical),
            })
            .map(|text| view! { <li>{text}</li> })
            .collect_view();
        Some(view! {
            <div class="banner banner-warning" role="status">
                <p>{tr(|l| td_string!(l, tally.warnings))}</p>
                <ul>{items}</ul>
            </div>
        })
    };

    let device_name = move |id: &str| {
        if id == staff.device_id.get_untracked() {
            t_string!(i18n, tally.this_device_short).to_string()
        } else {
            format!("{} {id}", t_string!(i18n, tally.col_device))
        }
    };
    let previous_box = move || {
        existing.get().map(|e| {
            let c = campaign.get();
            let lang = current_lang();
            let figures = c.indicators.iter().map(|i| format!("{}: {}", i.name.get(lang), e.counts.get(&i.id))).collect::<Vec<_>>().join(" · ");
            let who = e.staff.clone().map(|s| format!(" ({s})")).unwrap_or_default();
            view! {
                <div class="card existing" data-existing="true">
                    <p><strong>{tr(|l| td_string!(l, tally.existing))}</strong> " " {e.modified.to_display()} " · " {device_name(&e.device)} {who}</p>
                    <p>{figures}</p>
                    <div class="field">
                        <label for="reason">{tr(|l| td_string!(l, tally.reason))}</label>
                        <input id="reason" type="text" maxlength="120" autocomplete="off"
                            aria-invalid=move || reason_check().is_err().then_some("true")
                            aria-describedby=move || reason_check().is_err().then_some("reason-error")
                            prop:value=move || reason.get() on:input=move |ev| reason.set(event_target_value(&ev))/>
                        {move || reason_check().err().map(|p| view! { <p class="field-error" id="reason-error">{super::text_problem(i18n.get_locale(), p)}</p> })}
                    </div>
                </div>
            }
        })
    };

    let status = move || {
        let saved_view = |text: String, class: &'static str| view! { <p class=class role="status" data-save-state=class>{text}</p> };
        match state.get() {
            SaveState::Saving => saved_view(t_string!(i18n, tally.saving).to_string(), "save-pending"),
            SaveState::Saved(at) => saved_view(format!("✓ {} {}", t_string!(i18n, tally.saved_at), at.to_display()), "save-ok"),
            SaveState::Unchanged => saved_view(t_string!(i18n, tally.unchanged).to_string(), "save-ok"),
            SaveState::Failed(why) => saved_view(format!("{} {}", t_string!(i18n, tally.not_saved), why), "save-failed"),
            SaveState::Stale => saved_view(t_string!(i18n, tally.save_stale).to_string(), "save-failed"),
            SaveState::Idle if dirty() => saved_view(t_string!(i18n, tally.unsaved).to_string(), "save-pending"),
            SaveState::Idle => saved_view(String::new(), "save-idle"),
        }
    };

    let set_day = move |offset: i64| {
        let (today, _) = vn_now(app.now.get_untracked());
        date.set(format_iso(add_days(today, offset)));
        state.set(SaveState::Idle);
    };

    let history = move || {
        let day = parsed_date()?;
        let id = unit.get();
        let c = campaign.get();
        let lang = current_lang();
        let records = staff.ledger.with(|l| l.history(day, &id).into_iter().cloned().collect::<Vec<_>>());
        if records.is_empty() {
            return None;
        }
        let rows = records
            .into_iter()
            .map(|a| {
                let change = c
                    .indicators
                    .iter()
                    .filter(|i| a.old.get(&i.id) != a.new.get(&i.id))
                    .map(|i| format!("{}: {} → {}", i.name.get(lang), a.old.get(&i.id), a.new.get(&i.id)))
                    .collect::<Vec<_>>()
                    .join("; ");
                view! {
                    <tr>
                        <td>{a.at.to_display()}</td>
                        <td>{a.device.clone()} {a.staff.clone().map(|s| format!(" ({s})"))}</td>
                        <td>{change}</td>
                        <td>{a.reason.clone().unwrap_or_default()}</td>
                    </tr>
                }
            })
            .collect_view();
        Some(view! {
            <section class="card">
                <h2 id="history-heading">{tr(|l| td_string!(l, tally.history))}</h2>
                <div class="table-wrap" tabindex="0" role="region" aria-labelledby="history-heading">
                    <table>
                        <thead><tr>
                            <th scope="col">{tr(|l| td_string!(l, tally.col_when))}</th>
                            <th scope="col">{tr(|l| td_string!(l, tally.col_device))}</th>
                            <th scope="col">{tr(|l| td_string!(l, tally.col_change))}</th>
                            <th scope="col">{tr(|l| td_string!(l, tally.reason))}</th>
                        </tr></thead>
                        <tbody>{rows}</tbody>
                    </table>
                </div>
            </section>
        })
    };

    let day_entries = move || {
        let day = parsed_date()?;
        let lang = current_lang();
        let rows = units
            .get()
            .into_iter()
            .map(|u| {
                let entry = staff.ledger.with(|l| l.entry(day, &u.id).cloned());
                let saved = entry.as_ref().map(|e| e.modified.to_display());
                let id = u.id.clone();
                view! {
                    <li data-unit=u.id.clone()>
                        <button type="button" class="link-button" on:click=move |_| unit.set(id.clone())>{u.name(lang).to_string()}</button>
                        " — "
                        {match saved {
                            Some(at) => view! { <span class="save-ok">"✓ " {move || t_string!(i18n, tally.saved_at)} " " {at}</span> }.into_any(),
                            None => view! { <span class="muted">{move || t_string!(i18n, tally.no_entry)}</span> }.into_any(),
                        }}
                    </li>
                }
            })
            .collect_view();
        Some(view! {
            <section class="card">
                <h2>{tr(|l| td_string!(l, tally.day_entries))} " " {format_date(day)}</h2>
                <ul class="plain">{rows}</ul>
            </section>
        })
    };

    view! {
        <h2>{tr(|l| td_string!(l, tally.entry_heading))}</h2>
        <p class="muted">{tr(|l| td_string!(l, tally.entry_intro))}</p>
        <form class="card entry-form" on:submit=save novalidate>
            <div class="field">
                <label for="entry-date">{tr(|l| td_string!(l, tally.date))}</label>
                <input
                    id="entry-date"
                    type="date"
                    required
                    aria-describedby=move || date_check().is_none_or(|c| c != DateCheck::Fine).then_some("date-error")
                    prop:value=move || date.get()
                    on:input=move |ev| { date.set(event_target_value(&ev)); allow_outside.set(false); state.set(SaveState::Idle); }
                />
                <span class="quick-days">
                    <button type="button" on:click=move |_| set_day(0)>{tr(|l| td_string!(l, tally.today))}</button>
                    <button type="button" class=if report_due.is_some() { "suggested" } else { "" } on:click=move |_| set_day(-1)>
                        {tr(|l| td_string!(l, tally.yesterday))}
                    </button>
                </span>
                <p class="hint" data-chosen-day="">{move || parsed_date().map(format_date).unwrap_or_default()}</p>
                {report_due.map(|due| view! { <p class="hint">{tr(|l| td_string!(l, tally.report_due_before))} " " {crate::domain::vn_time::format_minutes(due)}</p> })}
                {date_message}
            </div>
            <div class="field">
                <label for="entry-unit">{tr(|l| td_string!(l, tally.unit))}</label>
                <select id="entry-unit" on:change=move |ev| { unit.set(event_target_value(&ev)); state.set(SaveState::Idle); }>{unit_options}</select>
            </div>
            {previous_box}
            <fieldset>
                <legend>{tr(|l| td_string!(l, tally.counts))}</legend>
                {fields}
            </fieldset>
            {warning_list}
            <div class="actions">
                <button type="submit" class="primary" disabled=move || state.get() == SaveState::Saving>{tr(|l| td_string!(l, tally.save))}</button>
                {status}
            </div>
        </form>
        {history}
        {day_entries}
    }
}

fn focus_first_invalid() {
    if let Some(el) = document().query_selector("[aria-invalid=true], #allow-outside, #entry-date:invalid").ok().flatten() {
        if let Ok(el) = wasm_bindgen::JsCast::dyn_into::<web_sys::HtmlElement>(el) {
            let _ = el.focus();
        }
    }
}

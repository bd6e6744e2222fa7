//! The editor's form: one input per field of the campaign file, built from
//! `domain::campaign::form::CAMPAIGN_FIELDS`, each with its problems under it.

use leptos::prelude::*;
use serde_json::Value;

use crate::domain::campaign::form::{self, set_raw, set_text, Field, FieldProblem, Kind, Place, Problem};
use crate::components::tr::tr;
use crate::i18n::*;

/// The edited file and its problems, shared by every field.
#[derive(Clone, Copy)]
pub struct Edited {
    /// The file as a JSON tree.
    pub doc: RwSignal<Value>,
    /// Every problem of it, with its place.
    pub problems: Memo<Vec<FieldProblem>>,
}

/// The element id of the input (or group) at `place`: `f-offices-0-name`.
pub fn dom_id(place: &Place) -> String {
    dom_id_of(&place.to_string())
}

/// The element id for a place written as the build writes it.
pub fn dom_id_of(path: &str) -> String {
    let mut id = String::from("f");
    for part in path.split(['.', '[', ']']).filter(|p| !p.is_empty()) {
        id.push('-');
        id.push_str(part);
    }
    id
}

/// A place in words, by the fields' labels: `offices[0].name` → "Places to go – 1 › Name".
pub fn place_words(l: Locale, path: &str) -> String {
    let mut words: Vec<String> = Vec::new();
    for part in path.split('.') {
        let (key, indexes) = part.split_once('[').unwrap_or((part, ""));
        let label = field_label(l, key);
        let mut word = if label.is_empty() { key.to_string() } else { label.to_string() };
        for index in indexes.split('[').map(|i| i.trim_end_matches(']')).filter(|i| !i.is_empty()) {
            let n = index.parse::<usize>().map_or_else(|_| index.to_string(), |i| (i + 1).to_string());
            word = format!("{word} – {n}");
        }
        if !word.is_empty() {
            words.push(word);
        }
    }
    words.join(" › ")
}

/// What a problem says, in the page's language (the checker's own words otherwise).
pub fn problem_text(l: Locale, problem: &Problem) -> String {
    match problem {
        Problem::NotADate => td_string!(l, editor.problem_not_date).to_string(),
        Problem::NotAWholeNumber => td_string!(l, editor.problem_not_number).to_string(),
        Problem::BelowZero => td_string!(l, editor.problem_below_zero).to_string(),
        Problem::AboveHundred => td_string!(l, editor.problem_above_hundred).to_string(),
        Problem::TooLarge => td_string!(l, editor.problem_too_large).to_string(),
        Problem::BothLanguages => td_string!(l, editor.problem_both_languages).to_string(),
        Problem::Hours(detail) => crate::site::islands::fill(td_string!(l, editor.problem_hours), &[("detail", detail)]),
        Problem::BadSpan => td_string!(l, editor.problem_bad_span).to_string(),
        Problem::NoDay => td_string!(l, editor.problem_no_day).to_string(),
        Problem::Unknown(detail) => crate::site::islands::fill(td_string!(l, editor.problem_unknown), &[("detail", detail)]),
        Problem::Check(words) => words.clone(),
    }
}

/// The label of a field, by its key in the file.
pub fn field_label(l: Locale, key: &str) -> &'static str {
    match key {
        "id" => td_string!(l, editor_field.id),
        "name" => td_string!(l, editor_field.name),
        "area" => td_string!(l, editor_field.area),
        "issuer" => td_string!(l, editor_field.issuer),
        "audience" => td_string!(l, editor_field.audience),
        "document" => td_string!(l, editor_field.document),
        "title" => td_string!(l, editor_field.title),
        "number" => td_string!(l, editor_field.number),
        "date" => td_string!(l, editor_field.date),
        "citation" => td_string!(l, editor_field.citation),
        "period" => td_string!(l, editor_field.period),
        "start" => td_string!(l, editor_field.start),
        "end" => td_string!(l, editor_field.end),
        "period_end_note" => td_string!(l, editor_field.period_end_note),
        "offers" => td_string!(l, editor_field.offers),
        "deadlines" => td_string!(l, editor_field.deadlines),
        "label" => td_string!(l, editor_field.label),
        "date_note" => td_string!(l, editor_field.date_note),
        "offices" => td_string!(l, editor_field.offices),
        "kind" => td_string!(l, editor_field.kind),
        "address" => td_string!(l, editor_field.address),
        "phone" => td_string!(l, editor_field.phone),
        "url" => td_string!(l, editor_field.url),
        "opening_hours" => td_string!(l, editor_field.opening_hours),
        "special_days" => td_string!(l, editor_field.special_days),
        "hours" => td_string!(l, editor_field.hours),
        "reason" => td_string!(l, editor_field.reason),
        "serves" => td_string!(l, editor_field.serves),
        "count" => td_string!(l, editor_field.count),
        "notes" => td_string!(l, editor_field.notes),
        "source" => td_string!(l, editor_field.source),
        "visits" => td_string!(l, editor_field.visits),
        "place" => td_string!(l, editor_field.place),
        "office" => td_string!(l, editor_field.office),
        "contacts" => td_string!(l, editor_field.contacts),
        "role" => td_string!(l, editor_field.role),
        "channels" => td_string!(l, editor_field.channels),
        "units" => td_string!(l, editor_field.units),
        "indicators" => td_string!(l, editor_field.indicators),
        "phases" => td_string!(l, editor_field.phases),
        "cumulative" => td_string!(l, editor_field.cumulative),
        "targets" => td_string!(l, editor_field.targets),
        "indicator" => td_string!(l, editor_field.indicator),
        "unit" => td_string!(l, editor_field.unit),
        "phase" => td_string!(l, editor_field.phase),
        "percent" => td_string!(l, editor_field.percent),
        "population" => td_string!(l, editor_field.population),
        "due" => td_string!(l, editor_field.due),
        "description" => td_string!(l, editor_field.description),
        "reporting" => td_string!(l, editor_field.reporting),
        "frequency" => td_string!(l, editor_field.frequency),
        "due_time" => td_string!(l, editor_field.due_time),
        "content" => td_string!(l, editor_field.content),
        _ => "",
    }
}

/// The label of a word of a fixed list (office kinds, services, report frequencies).
pub fn option_label(l: Locale, word: &str) -> &'static str {
    match word {
        "district_team" => td_string!(l, editor_option.district_team),
        "ward_police" => td_string!(l, editor_option.ward_police),
        "city_office" => td_string!(l, editor_option.city_office),
        "mobile_team" => td_string!(l, editor_option.mobile_team),
        "online" => td_string!(l, editor_option.online),
        "guidance_point" => td_string!(l, editor_option.guidance_point),
        "level2_with_card" => td_string!(l, editor_option.level2_with_card),
        "id_card" => td_string!(l, editor_option.id_card),
        "child_card" => td_string!(l, editor_option.child_card),
        "online_application" => td_string!(l, editor_option.online_application),
        "guidance" => td_string!(l, editor_option.guidance),
        "no_smartphone" => td_string!(l, editor_option.no_smartphone),
        "daily" => td_string!(l, editor_option.daily),
        "weekly" => td_string!(l, editor_option.weekly),
        "monthly" => td_string!(l, editor_option.monthly),
        "per_phase" => td_string!(l, editor_option.per_phase),
        "final" => td_string!(l, editor_option.final_report),
        _ => "",
    }
}

/// The format hint shown under a field of `kind` (and for ids).
fn hint(kind: Kind, key: &str) -> Option<fn(Locale) -> &'static str> {
    match kind {
        Kind::Date | Kind::OptDate => Some(|l| td_string!(l, editor.hint_date)),
        Kind::OptCount | Kind::OptPercent => Some(|l| td_string!(l, editor.hint_count)),
        Kind::WeeklyHours => Some(|l| td_string!(l, editor.hint_hours)),
        Kind::DayHours | Kind::OptDayHours => Some(|l| td_string!(l, editor.hint_day_hours)),
        Kind::OptTime => Some(|l| td_string!(l, editor.hint_time)),
        Kind::Source => Some(|l| td_string!(l, editor.hint_source)),
        Kind::Line if key == "id" => Some(|l| td_string!(l, editor.hint_id)),
        _ => None,
    }
}

/// The problems at exactly `paths`, as a list under the field (empty when none).
fn problems_at(edited: Edited, paths: Vec<String>, id: String) -> impl IntoView {
    let i18n = use_i18n();
    let found = Memo::new(move |_| {
        edited.problems.with(|all| all.iter().filter(|p| paths.contains(&p.path)).map(|p| p.problem.clone()).collect::<Vec<_>>())
    });
    view! {
        <div class="field-problems" id=id>
            {move || {
                let l = i18n.get_locale();
                found.get().iter().map(|p| view! { <p class="field-problem">{problem_text(l, p)}</p> }).collect_view()
            }}
        </div>
    }
}

/// Whether there is a problem at one of `paths` (for `aria-invalid`).
fn invalid(edited: Edited, paths: Vec<String>) -> impl Fn() -> Option<&'static str> + Copy + Send + Sync + 'static {
    let any = Memo::new(move |_| edited.problems.with(|all| all.iter().any(|p| paths.contains(&p.path))));
    move || any.get().then_some("true")
}

/// The form for `fields` at `place` (the whole campaign at the empty place).
pub fn fields_view(edited: Edited, fields: &'static [Field], place: Place) -> AnyView {
    fields.iter().map(|field| field_view(edited, *field, place.key(field.key))).collect_view().into_any()
}

/// One field of the form.
pub fn field_view(edited: Edited, field: Field, place: Place) -> AnyView {
    let i18n = use_i18n();
    let key = field.key;
    let label = move || field_label(i18n.get_locale(), key);
    let id = dom_id(&place);
    let path = place.to_string();
    match field.kind {
        Kind::Text | Kind::OptText => text_view(edited, field, place, None),
        Kind::Group(inner) => view! {
            <fieldset class="editor-group" id=id.clone()>
                <legend>{label}</legend>
                {problems_at(edited, vec![path], format!("{id}-msg"))}
                {fields_view(edited, inner, place)}
            </fieldset>
        }
        .into_any(),
        Kind::List(inner) => list_view(edited, field, place, ListItems::Fields(inner)),
        Kind::TextList => list_view(edited, field, place, ListItems::Texts),
        Kind::Flag => {
            let at = place.clone();
            view! {
                <div class="editor-field">
                    <label class="editor-flag">
                        <input
                            type="checkbox"
                            id=id.clone()
                            aria-describedby=format!("{id}-msg")
                            aria-invalid=invalid(edited, vec![path.clone()])
                            prop:checked=move || edited.doc.with(|d| at.get(d).and_then(Value::as_bool).unwrap_or(false))
                            on:change=move |ev| {
                                let on = event_target_checked(&ev);
                                edited.doc.update(|d| place.set(d, Some(Value::Bool(on))));
                            }
                        />
                        {label}
                    </label>
                    {problems_at(edited, vec![path], format!("{id}-msg"))}
                </div>
            }
            .into_any()
        }
        Kind::Choice(options) => choice_view(edited, field, place, options.iter().map(|o| o.to_string()).collect(), false),
        Kind::Ref(list) | Kind::OptRef(list) => {
            let optional = matches!(field.kind, Kind::OptRef(_));
            ref_view(edited, field, place, list, optional)
        }
        Kind::Multi(options) => multi_view(edited, field, place, options),
        Kind::WeeklyHours => view! {
            <div class="editor-hours">
                {line_view(edited, field, place.clone())}
                <super::hours::HoursHelper edited place/>
            </div>
        }
        .into_any(),
        _ => line_view(edited, field, place),
    }
}

/// A one-line input (ids, dates, numbers, hours, sources).
fn line_view(edited: Edited, field: Field, place: Place) -> AnyView {
    let i18n = use_i18n();
    let key = field.key;
    let kind = field.kind;
    let id = dom_id(&place);
    let path = place.to_string();
    let msg_id = format!("{id}-msg");
    let hint_id = format!("{id}-hint");
    let hint_text = hint(kind, key);
    let described = if hint_text.is_some() { format!("{hint_id} {msg_id}") } else { msg_id.clone() };
    let numeric = matches!(kind, Kind::OptCount | Kind::OptPercent);
    let at = place.clone();
    let place_for_problems = place.clone();
    view! {
        <div class="editor-field">
            <label for=id.clone()>{move || field_label(i18n.get_locale(), key)}</label>
            {hint_text.map(|h| view! { <p class="hint" id=hint_id>{tr(h)}</p> })}
            <input
                type="text"
                id=id
                autocomplete="off"
                spellcheck="false"
                inputmode=numeric.then_some("numeric")
                aria-describedby=described
                aria-invalid=invalid(edited, vec![path.clone()])
                prop:value=move || edited.doc.with(|d| form::raw(d, &at))
                on:input=move |ev| {
                    let typed = event_target_value(&ev);
                    edited.doc.update(|d| set_raw(d, &place, kind, &typed));
                }
            />
            {problems_inside(edited, place_for_problems, kind, path, msg_id)}
        </div>
    }
    .into_any()
}

/// The problems of a one-line field; for a source also those of its keys (`source.address`).
fn problems_inside(edited: Edited, place: Place, kind: Kind, path: String, id: String) -> AnyView {
    if kind != Kind::Source {
        return problems_at(edited, vec![path], id).into_any();
    }
    let paths = Memo::new(move |_| {
        edited.problems.with(|all| all.iter().filter(|p| place.holds(&p.path)).map(|p| p.path.clone()).collect::<Vec<_>>())
    });
    view! { {move || problems_at(edited, paths.get(), id.clone())} }.into_any()
}

/// A text in both languages: two boxes (`id`: its group's element id, the place's by default).
fn text_view(edited: Edited, field: Field, place: Place, id: Option<String>) -> AnyView {
    let i18n = use_i18n();
    let key = field.key;
    let optional = field.kind == Kind::OptText;
    let id = id.unwrap_or_else(|| dom_id(&place));
    let path = place.to_string();
    let msg_id = format!("{id}-msg");
    let paths = vec![path.clone(), format!("{path}.vi"), format!("{path}.en")];
    let boxes = [("vi", (|l| td_string!(l, editor.lang_vi)) as fn(Locale) -> &'static str), ("en", |l| td_string!(l, editor.lang_en))]
        .into_iter()
        .map(|(lang, lang_label)| {
            let box_id = format!("{id}-{lang}");
            let at = place.clone();
            let to = place.clone();
            let msg = msg_id.clone();
            let bad = invalid(edited, paths.clone());
            view! {
                <div class="editor-lang">
                    <label for=box_id.clone()>{tr(lang_label)}</label>
                    <textarea
                        id=box_id
                        rows="1"
                        lang=lang
                        aria-describedby=msg
                        aria-invalid=bad
                        prop:value=move || edited.doc.with(|d| at.key(lang).get(d).and_then(Value::as_str).unwrap_or("").to_string())
                        on:input=move |ev| {
                            let typed = event_target_value(&ev);
                            edited.doc.update(|d| set_text(d, &to, lang, &typed, optional));
                        }
                    ></textarea>
                </div>
            }
        })
        .collect_view();
    view! {
        <fieldset class="editor-text" id=id>
            <legend>{move || field_label(i18n.get_locale(), key)}</legend>
            {boxes}
            {problems_at(edited, paths, msg_id)}
        </fieldset>
    }
    .into_any()
}

/// One of a fixed list (`options`), or (optionally) none.
fn choice_view(edited: Edited, field: Field, place: Place, options: Vec<String>, optional: bool) -> AnyView {
    let i18n = use_i18n();
    let key = field.key;
    let id = dom_id(&place);
    let path = place.to_string();
    let msg_id = format!("{id}-msg");
    let at = place.clone();
    let current = move || edited.doc.with(|d| at.get(d).and_then(Value::as_str).unwrap_or("").to_string());
    let current_for_options = current.clone();
    let current_for_placeholder = current.clone();
    let fixed = matches!(field.kind, Kind::Choice(_));
    view! {
        <div class="editor-field">
            <label for=id.clone()>{move || field_label(i18n.get_locale(), key)}</label>
            <select
                id=id
                aria-describedby=msg_id.clone()
                aria-invalid=invalid(edited, vec![path.clone()])
                prop:value=current
                on:change=move |ev| {
                    let chosen = event_target_value(&ev);
                    let kind = if optional { Kind::OptRef("") } else { Kind::Line };
                    edited.doc.update(|d| set_raw(d, &place, kind, &chosen));
                }
            >
                {optional.then(|| view! { <option value="">{tr(|l| td_string!(l, editor.none_option))}</option> })}
                // A required choice not made yet: shown as such, so that the first real option
                // is not taken for chosen.
                {move || {
                    (!optional && current_for_placeholder().is_empty())
                        .then(|| view! { <option value="" disabled selected>{tr(|l| td_string!(l, editor.choose_option))}</option> })
                }}
                {move || {
                    let l = i18n.get_locale();
                    let mut list = options.clone();
                    // A value the list does not hold (typed in a file) stays visible, to be corrected.
                    let now = current_for_options();
                    if !now.is_empty() && !list.contains(&now) {
                        list.push(now.clone());
                    }
                    list.into_iter()
                        .map(|o| {
                            // A word from a file that is not in the list shows as written.
                            let shown = match option_label(l, &o) {
                                label if fixed && !label.is_empty() => label.to_string(),
                                _ => o.clone(),
                            };
                            let selected = o == now;
                            view! { <option value=o selected=selected>{shown}</option> }
                        })
                        .collect_view()
                }}
            </select>
            {problems_at(edited, vec![path], msg_id)}
        </div>
    }
    .into_any()
}

/// The id of an entry of another list of the file (`indicators`, `units`, …).
fn ref_view(edited: Edited, field: Field, place: Place, list: &'static str, optional: bool) -> AnyView {
    let ids = Memo::new(move |_| {
        edited.doc.with(|d| {
            d.get(list).and_then(Value::as_array).into_iter().flatten().filter_map(|item| item.get("id").and_then(Value::as_str)).map(str::to_string).collect::<Vec<_>>()
        })
    });
    view! { {move || choice_view(edited, field, place.clone(), ids.get(), optional)} }.into_any()
}

/// Any of a fixed list, as checkboxes.
fn multi_view(edited: Edited, field: Field, place: Place, options: &'static [&'static str]) -> AnyView {
    let i18n = use_i18n();
    let key = field.key;
    let id = dom_id(&place);
    let path = place.to_string();
    let msg_id = format!("{id}-msg");
    let boxes = options
        .iter()
        .map(|option| {
            let msg_id = msg_id.clone();
            let box_id = format!("{id}-{option}");
            let at = place.clone();
            let to = place.clone();
            view! {
                <label class="editor-flag">
                    <input
                        type="checkbox"
                        id=box_id
                        aria-describedby=msg_id.clone()
                        prop:checked=move || edited.doc.with(|d| at.get(d).and_then(Value::as_array).is_some_and(|l| l.iter().any(|v| v == option)))
                        on:change=move |ev| {
                            let on = event_target_checked(&ev);
                            edited.doc.update(|d| {
                                let mut list = to.get(d).and_then(Value::as_array).cloned().unwrap_or_default();
                                list.retain(|v| v != option);
                                if on {
                                    list.push(Value::from(*option));
                                }
                                to.set(d, Some(Value::Array(list)));
                            });
                        }
                    />
                    {move || option_label(i18n.get_locale(), option)}
                </label>
            }
        })
        .collect_view();
    view! {
        <fieldset class="editor-group" id=id.clone()>
            <legend>{move || field_label(i18n.get_locale(), key)}</legend>
            {boxes}
            {problems_at(edited, vec![path], format!("{id}-msg"))}
        </fieldset>
    }
    .into_any()
}

/// Focuses the element with `id`, or the first input, box or list inside it.
pub fn focus_by_id(id: &str) {
    use wasm_bindgen::JsCast;
    let Some(element) = document().get_element_by_id(id) else { return };
    let field = if element.matches("input, textarea, select, button").unwrap_or(false) {
        Some(element)
    } else {
        element.query_selector("input, textarea, select").ok().flatten()
    };
    if let Some(field) = field.and_then(|f| f.dyn_into::<web_sys::HtmlElement>().ok()) {
        let _ = field.focus();
    }
}

/// What a list holds: objects with fields, or texts in both languages.
#[derive(Clone, Copy)]
enum ListItems {
    Fields(&'static [Field]),
    Texts,
}

/// A list of entries, each with a remove button, and an add button.
fn list_view(edited: Edited, field: Field, place: Place, items: ListItems) -> AnyView {
    let i18n = use_i18n();
    let key = field.key;
    let id = dom_id(&place);
    let path = place.to_string();
    let at = place.clone();
    let len = Memo::new(move |_| edited.doc.with(|d| at.get(d).and_then(Value::as_array).map_or(0, Vec::len)));
    let entries = {
        let place = place.clone();
        move || {
            (0..len.get())
                .map(|i| {
                    let item = place.index(i);
                    let remove_at = item.clone();
                    let body = match items {
                        ListItems::Fields(fields) => fields_view(edited, fields, item.clone()),
                        // The entry's own group has the place's id; its two boxes sit in one inside.
                        ListItems::Texts => text_view(edited, Field { key, kind: Kind::Text }, item.clone(), Some(format!("{}-text", dom_id(&item)))),
                    };
                    let legend = move || format!("{} – {}", field_label(i18n.get_locale(), key), i + 1);
                    let item_id = dom_id(&item);
                    let add_id = format!("{}-add", dom_id(&place));
                    view! {
                        <fieldset class="editor-item" id=item_id.clone()>
                            <legend>{legend}</legend>
                            // Problems of the entry as a whole ("give a count or a percent").
                            {problems_at(edited, vec![item.to_string()], format!("{item_id}-msg"))}
                            {body}
                            <button
                                type="button"
                                class="secondary"
                                on:click=move |_| {
                                    let sure = window().confirm_with_message(td_string!(i18n.get_locale(), editor.remove_confirm)).unwrap_or(false);
                                    if sure {
                                        edited.doc.update(|d| remove_at.set(d, None));
                                        // The entries are drawn again: focus goes to the list's add button.
                                        let add_id = add_id.clone();
                                        request_animation_frame(move || focus_by_id(&add_id));
                                    }
                                }
                            >
                                {move || format!("{} ({})", td_string!(i18n.get_locale(), editor.remove), legend())}
                            </button>
                        </fieldset>
                    }
                })
                .collect_view()
        }
    };
    let add_to = place.clone();
    let add = move |_| {
        let entry = match items {
            ListItems::Fields(fields) => form::empty_object(fields),
            ListItems::Texts => form::empty_value(Kind::Text).unwrap_or(Value::Null),
        };
        edited.doc.update(|d| {
            let mut list = add_to.get(d).and_then(Value::as_array).cloned().unwrap_or_default();
            list.push(entry);
            add_to.set(d, Some(Value::Array(list)));
        });
        // Focus the new entry's first box.
        let first = format!("{}-{}", dom_id(&add_to), len.get_untracked().saturating_sub(1));
        request_animation_frame(move || focus_by_id(&first));
    };
    view! {
        <fieldset class="editor-list" id=id.clone()>
            <legend>{move || format!("{} ({})", field_label(i18n.get_locale(), key), len.get())}</legend>
            {problems_at(edited, vec![path], format!("{id}-msg"))}
            {entries}
            <button type="button" id=format!("{id}-add") on:click=add>
                {move || format!("{}: {}", td_string!(i18n.get_locale(), editor.add), field_label(i18n.get_locale(), key))}
            </button>
        </fieldset>
    }
    .into_any()
}

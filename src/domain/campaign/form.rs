//! The campaign editor's model (staff mode, `?v=editor`): the file as a JSON tree, the
//! fields a form shows for it, and every problem with its place, as the build reports it.
//!
//! The editor keeps what people type as it is (a date like `2024-02-30` stays text), so
//! a mistake is shown at its field instead of being lost. [`check`] first checks what a
//! field must hold to be read at all (dates, whole numbers), then reads the tree as a
//! [`Campaign`] (every other type mistake with its place) and runs [`Campaign::validate`],
//! the same checks as `cargo test` and the build.

use serde_json::{Map, Value};

use super::*;
use crate::domain::hours::{Session, WeeklyHours};
use crate::domain::vn_time::{format_minutes, parse_iso_date};

/// What kind of value a field holds, and so which inputs the form shows for it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Kind {
    /// Text in both languages (`{"vi": …, "en": …}`), required.
    Text,
    /// Text in both languages, left out of the file when both are empty.
    OptText,
    /// One line (an id, a phone, a section), required.
    Line,
    /// One line, left out when empty.
    OptLine,
    /// A day, `YYYY-MM-DD`, required.
    Date,
    /// A day, left out when empty.
    OptDate,
    /// A whole number of 0 or more, left out when empty.
    OptCount,
    /// A whole percentage, left out when empty.
    OptPercent,
    /// Yes or no.
    Flag,
    /// Weekly hours in the OpenStreetMap `opening_hours` syntax, left out when empty.
    WeeklyHours,
    /// One day's hours (`07:30-11:30` or `off`), required.
    DayHours,
    /// One day's hours, left out when empty.
    OptDayHours,
    /// A time of day (`08:00`), left out when empty.
    OptTime,
    /// One of a fixed list of words, required.
    Choice(&'static [&'static str]),
    /// Any of a fixed list of words (a list in the file).
    Multi(&'static [&'static str]),
    /// The id of another entry of the file (`offices`, `units`, …), required.
    Ref(&'static str),
    /// The id of another entry, left out when none is chosen.
    OptRef(&'static str),
    /// Sections of the document: `III.2` for the whole entry, or `address: II.1; phone: II.3`.
    Source,
    /// A list of texts in both languages.
    TextList,
    /// An object with its own fields.
    Group(&'static [Field]),
    /// A list of objects, each with these fields.
    List(&'static [Field]),
}

/// A field of the campaign file: its key and what it holds.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Field {
    /// The key in the file (also the label's key in the translation files).
    pub key: &'static str,
    /// What it holds.
    pub kind: Kind,
}

const fn f(key: &'static str, kind: Kind) -> Field {
    Field { key, kind }
}

/// The kinds of office, as the file writes them.
pub const OFFICE_KINDS: &[&str] = &["district_team", "ward_police", "city_office", "mobile_team", "online", "guidance_point"];
/// What an office serves, as the file writes it.
pub const SERVICES: &[&str] = &["level2_with_card", "id_card", "child_card", "online_application", "guidance", "no_smartphone"];
/// How often a report is due, as the file writes it.
pub const FREQUENCIES: &[&str] = &["daily", "weekly", "monthly", "per_phase", "final"];

const PERIOD: &[Field] = &[f("start", Kind::Date), f("end", Kind::Date)];
const DOCUMENT: &[Field] = &[f("title", Kind::Text), f("number", Kind::OptLine), f("date", Kind::OptDate), f("citation", Kind::OptText)];
const DEADLINE: &[Field] = &[f("date", Kind::Date), f("label", Kind::Text), f("date_note", Kind::OptText), f("source", Kind::Source)];
const SPECIAL_DAY: &[Field] = &[f("date", Kind::Date), f("hours", Kind::DayHours), f("reason", Kind::Text)];
const OFFICE: &[Field] = &[
    f("id", Kind::Line),
    f("kind", Kind::Choice(OFFICE_KINDS)),
    f("name", Kind::Text),
    f("address", Kind::OptText),
    f("phone", Kind::OptLine),
    f("url", Kind::OptLine),
    f("opening_hours", Kind::WeeklyHours),
    f("special_days", Kind::List(SPECIAL_DAY)),
    f("serves", Kind::Multi(SERVICES)),
    f("count", Kind::OptCount),
    f("notes", Kind::OptText),
    f("source", Kind::Source),
];
const VISIT: &[Field] = &[
    f("date", Kind::Date),
    f("hours", Kind::OptDayHours),
    f("place", Kind::Text),
    f("office", Kind::OptRef("offices")),
    f("notes", Kind::OptText),
    f("source", Kind::Source),
];
const CONTACT: &[Field] = &[f("role", Kind::Text), f("phone", Kind::Line), f("source", Kind::Source)];
const UNIT: &[Field] = &[f("id", Kind::Line), f("name", Kind::Text)];
const INDICATOR: &[Field] = &[f("id", Kind::Line), f("name", Kind::Text)];
const PHASE: &[Field] = &[
    f("id", Kind::Line),
    f("name", Kind::Text),
    f("period", Kind::Group(PERIOD)),
    f("cumulative", Kind::Flag),
    f("source", Kind::Source),
];
const TARGET: &[Field] = &[
    f("indicator", Kind::Ref("indicators")),
    f("unit", Kind::OptRef("units")),
    f("phase", Kind::OptRef("phases")),
    f("count", Kind::OptCount),
    f("percent", Kind::OptPercent),
    f("population", Kind::OptCount),
    f("due", Kind::OptDate),
    f("description", Kind::Text),
    f("source", Kind::Source),
];
const REPORTING: &[Field] = &[
    f("frequency", Kind::Choice(FREQUENCIES)),
    f("due", Kind::Text),
    f("due_time", Kind::OptTime),
    f("content", Kind::Text),
    f("source", Kind::Source),
];
const CHANNEL: &[Field] = &[f("name", Kind::Text), f("url", Kind::OptLine), f("source", Kind::Source)];

/// Every field of a campaign file, in the order the editor shows them.
pub const CAMPAIGN_FIELDS: &[Field] = &[
    f("id", Kind::Line),
    f("name", Kind::Text),
    f("area", Kind::Text),
    f("issuer", Kind::Text),
    f("audience", Kind::Text),
    f("document", Kind::Group(DOCUMENT)),
    f("period", Kind::Group(PERIOD)),
    f("period_end_note", Kind::OptText),
    f("offers", Kind::TextList),
    f("deadlines", Kind::List(DEADLINE)),
    f("offices", Kind::List(OFFICE)),
    f("visits", Kind::List(VISIT)),
    f("contacts", Kind::List(CONTACT)),
    f("channels", Kind::List(CHANNEL)),
    f("units", Kind::List(UNIT)),
    f("indicators", Kind::List(INDICATOR)),
    f("phases", Kind::List(PHASE)),
    f("targets", Kind::List(TARGET)),
    f("reporting", Kind::List(REPORTING)),
    f("source", Kind::Source),
];

/// One step of a place in the file: a key of an object or an index of a list.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Step {
    /// A key.
    Key(&'static str),
    /// An index.
    Index(usize),
}

/// A place in the file, written as the build writes it (`offices[1].opening_hours`).
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Place(pub Vec<Step>);

impl Place {
    /// This place with one more step.
    pub fn then(&self, step: Step) -> Place {
        let mut steps = self.0.clone();
        steps.push(step);
        Place(steps)
    }

    /// This place's key `key`.
    pub fn key(&self, key: &'static str) -> Place {
        self.then(Step::Key(key))
    }

    /// This place's item `index`.
    pub fn index(&self, index: usize) -> Place {
        self.then(Step::Index(index))
    }

    /// The value here, if there is one.
    pub fn get<'a>(&self, doc: &'a Value) -> Option<&'a Value> {
        self.0.iter().try_fold(doc, |v, step| match step {
            Step::Key(k) => v.get(*k),
            Step::Index(i) => v.get(*i),
        })
    }

    /// Sets the value here (`None` removes it), making the objects on the way.
    pub fn set(&self, doc: &mut Value, value: Option<Value>) {
        let Some((last, parents)) = self.0.split_last() else {
            if let Some(v) = value {
                *doc = v;
            }
            return;
        };
        let mut here = doc;
        for step in parents {
            here = match step {
                Step::Key(k) => {
                    if !here.is_object() {
                        *here = Value::Object(Map::new());
                    }
                    here.as_object_mut().expect("an object").entry(*k).or_insert(Value::Object(Map::new()))
                }
                Step::Index(i) => match here.get_mut(*i) {
                    Some(item) => item,
                    None => return,
                },
            };
        }
        match (last, value) {
            (Step::Key(k), Some(v)) => {
                if !here.is_object() {
                    *here = Value::Object(Map::new());
                }
                here.as_object_mut().expect("an object").insert((*k).to_string(), v);
            }
            (Step::Key(k), None) => {
                if let Some(map) = here.as_object_mut() {
                    map.remove(*k);
                }
            }
            (Step::Index(i), Some(v)) => {
                if let Some(slot) = here.get_mut(*i) {
                    *slot = v;
                }
            }
            (Step::Index(i), None) => {
                if let Some(list) = here.as_array_mut() {
                    if *i < list.len() {
                        list.remove(*i);
                    }
                }
            }
        }
    }

    /// Whether `path` (as the build writes it) is this place or inside it.
    pub fn holds(&self, path: &str) -> bool {
        let me = self.to_string();
        path == me || path.strip_prefix(me.as_str()).is_some_and(|rest| rest.starts_with('.') || rest.starts_with('['))
    }
}

impl std::fmt::Display for Place {
    fn fmt(&self, out: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        for (i, step) in self.0.iter().enumerate() {
            match step {
                Step::Key(k) if i == 0 => write!(out, "{k}")?,
                Step::Key(k) => write!(out, ".{k}")?,
                Step::Index(n) => write!(out, "[{n}]")?,
            }
        }
        Ok(())
    }
}

/// What is wrong at a place.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Problem {
    /// Not a day written `YYYY-MM-DD` that exists in the calendar.
    NotADate,
    /// Not a whole number.
    NotAWholeNumber,
    /// Below 0.
    BelowZero,
    /// Above 100 (a percentage).
    AboveHundred,
    /// Larger than the file can hold.
    TooLarge,
    /// A text needs both its Vietnamese and its English.
    BothLanguages,
    /// Hours that cannot be read (the reader's words follow).
    Hours(String),
    /// The hours helper's span is not from an earlier to a later time of day.
    BadSpan,
    /// The hours helper got no day.
    NoDay,
    /// A key the file may not have here, or a word not in its list (the reader's words);
    /// the form has no field for it, so it can only be removed.
    Unknown(String),
    /// The file reader or the campaign checks refused it, in their words.
    Check(String),
}

/// A problem with its place in the file.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct FieldProblem {
    /// The place, as the build writes it (`targets[0].count`).
    pub path: String,
    /// What is wrong.
    pub problem: Problem,
}

/// The text a form field shows for the value at `place` (numbers as digits, a source
/// object as `field: section; …`).
pub fn raw(doc: &Value, place: &Place) -> String {
    match place.get(doc) {
        None | Some(Value::Null) => String::new(),
        Some(Value::String(s)) => s.clone(),
        Some(Value::Object(map)) => map
            .iter()
            .map(|(k, v)| format!("{k}: {}", v.as_str().map_or_else(|| v.to_string(), str::to_string)))
            .collect::<Vec<_>>()
            .join("; "),
        Some(other) => other.to_string(),
    }
}

/// Writes what was typed into the field of `kind` at `place`: kept as typed (numbers as
/// numbers when they are whole), an empty optional field left out of the file.
pub fn set_raw(doc: &mut Value, place: &Place, kind: Kind, typed: &str) {
    let optional = matches!(
        kind,
        Kind::OptLine | Kind::OptDate | Kind::OptCount | Kind::OptPercent | Kind::WeeklyHours | Kind::OptDayHours | Kind::OptTime | Kind::OptRef(_) | Kind::Source
    );
    let value = if typed.trim().is_empty() && optional {
        None
    } else {
        Some(match kind {
            Kind::OptCount | Kind::OptPercent => match (typed.trim().parse::<u64>(), typed.trim().parse::<i64>()) {
                (Ok(n), _) => Value::from(n),
                (_, Ok(n)) => Value::from(n),
                _ => Value::String(typed.to_string()),
            },
            Kind::Source => source_value(typed),
            _ => Value::String(typed.to_string()),
        })
    };
    place.set(doc, value);
}

/// `III.2` → `"III.2"`; `address: II.1; phone: II.3` → `{"address": "II.1", "phone": "II.3"}`.
fn source_value(typed: &str) -> Value {
    let typed = typed.trim();
    if !typed.contains(':') {
        return Value::String(typed.to_string());
    }
    let mut map = Map::new();
    for part in typed.split(';').map(str::trim).filter(|p| !p.is_empty()) {
        let (field, section) = part.split_once(':').unwrap_or((part, ""));
        map.insert(field.trim().to_string(), Value::String(section.trim().to_string()));
    }
    Value::Object(map)
}

/// Writes one language of a text field at `place`; an optional text whose two languages
/// are both empty is left out of the file.
pub fn set_text(doc: &mut Value, place: &Place, lang: &'static str, typed: &str, optional: bool) {
    let mut text = match place.get(doc) {
        Some(Value::Object(map)) => map.clone(),
        _ => Map::new(),
    };
    for key in ["vi", "en"] {
        text.entry(key).or_insert(Value::String(String::new()));
    }
    text.insert(lang.to_string(), Value::String(typed.to_string()));
    let empty = text.values().all(|v| v.as_str().is_some_and(|s| s.trim().is_empty()));
    place.set(doc, if optional && empty { None } else { Some(Value::Object(text)) });
}

/// A new, empty value for a field of `kind` (what "add" puts in a list).
pub fn empty_value(kind: Kind) -> Option<Value> {
    match kind {
        Kind::Text => Some(serde_json::json!({"vi": "", "en": ""})),
        Kind::Line | Kind::Date | Kind::DayHours | Kind::Ref(_) => Some(Value::String(String::new())),
        Kind::Choice(options) => options.first().map(|o| Value::String((*o).to_string())),
        Kind::Flag => Some(Value::Bool(false)),
        Kind::Multi(_) | Kind::TextList => Some(Value::Array(Vec::new())),
        Kind::Group(fields) => Some(empty_object(fields)),
        _ => None,
    }
}

/// An entry of a list with every required field present and empty.
pub fn empty_object(fields: &[Field]) -> Value {
    let mut map = Map::new();
    for field in fields {
        if let Some(v) = empty_value(field.kind) {
            map.insert(field.key.to_string(), v);
        }
    }
    Value::Object(map)
}

/// A new campaign: the current format version and every required field empty.
pub fn new_campaign() -> Value {
    let mut doc = empty_object(CAMPAIGN_FIELDS);
    if let Some(map) = doc.as_object_mut() {
        map.insert("format_version".into(), Value::from(CAMPAIGN_FORMAT_VERSION));
        for list in ["offices", "units", "indicators", "targets"] {
            map.insert(list.into(), Value::Array(Vec::new()));
        }
    }
    doc
}

/// Why a file cannot be opened in the editor.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum OpenError {
    /// It is not JSON; where the reader stopped.
    NotJson {
        /// Line of the mistake.
        line: usize,
        /// Column of the mistake.
        column: usize,
    },
    /// It is JSON but not a campaign file (no object with `format_version` and `id`).
    NotACampaign,
    /// A key is written twice in one object (the editor would keep only the last).
    DuplicateKey {
        /// Where, as the build writes it.
        path: String,
        /// The reader's words.
        message: String,
    },
}

/// Opens a file's text in the editor: any JSON object that has the look of a campaign
/// file (its mistakes are then shown at their fields); anything else is refused.
pub fn open(text: &str) -> Result<Value, OpenError> {
    let doc: Value = serde_json::from_str(text.trim_start_matches('\u{feff}'))
        .map_err(|e| OpenError::NotJson { line: e.line(), column: e.column() })?;
    let looks_like_campaign = doc.get("format_version").is_some_and(Value::is_number) && doc.get("id").is_some_and(Value::is_string);
    if !looks_like_campaign {
        return Err(OpenError::NotACampaign);
    }
    // A JSON tree keeps the last of two equal keys without a word; the build's reader refuses
    // them. Such a file is refused here too, naming the place, so nothing is dropped unseen.
    let mut reader = serde_json::Deserializer::from_str(text.trim_start_matches('\u{feff}'));
    if let Err(e) = serde_path_to_error::deserialize::<_, UniqueKeys>(&mut reader) {
        return Err(OpenError::DuplicateKey { path: e.path().to_string(), message: e.inner().to_string() });
    }
    Ok(doc)
}

/// Reads any JSON and refuses an object that has the same key twice.
struct UniqueKeys;

impl<'de> serde::Deserialize<'de> for UniqueKeys {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        d.deserialize_any(UniqueKeysVisitor)
    }
}

struct UniqueKeysVisitor;

impl<'de> serde::de::Visitor<'de> for UniqueKeysVisitor {
    type Value = UniqueKeys;

    fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
        f.write_str("any JSON value")
    }
    fn visit_bool<E>(self, _: bool) -> Result<UniqueKeys, E> {
        Ok(UniqueKeys)
    }
    fn visit_i64<E>(self, _: i64) -> Result<UniqueKeys, E> {
        Ok(UniqueKeys)
    }
    fn visit_u64<E>(self, _: u64) -> Result<UniqueKeys, E> {
        Ok(UniqueKeys)
    }
    fn visit_f64<E>(self, _: f64) -> Result<UniqueKeys, E> {
        Ok(UniqueKeys)
    }
    fn visit_str<E>(self, _: &str) -> Result<UniqueKeys, E> {
        Ok(UniqueKeys)
    }
    fn visit_unit<E>(self) -> Result<UniqueKeys, E> {
        Ok(UniqueKeys)
    }
    fn visit_seq<A: serde::de::SeqAccess<'de>>(self, mut seq: A) -> Result<UniqueKeys, A::Error> {
        while seq.next_element::<UniqueKeys>()?.is_some() {}
        Ok(UniqueKeys)
    }
    fn visit_map<A: serde::de::MapAccess<'de>>(self, mut map: A) -> Result<UniqueKeys, A::Error> {
        let mut seen: Vec<String> = Vec::new();
        while let Some(key) = map.next_key::<String>()? {
            if seen.contains(&key) {
                return Err(serde::de::Error::custom(format!("the key \"{key}\" is written twice")));
            }
            map.next_value::<UniqueKeys>()?;
            seen.push(key);
        }
        Ok(UniqueKeys)
    }
}

/// Every problem of the edited file with its place: first what fields must hold to be
/// read (dates, whole numbers), then, once those are right, the reader's and
/// [`Campaign::validate`]'s. `Ok` carries the campaign when there is no problem.
pub fn check(doc: &Value) -> Result<Campaign, Vec<FieldProblem>> {
    let mut problems = Vec::new();
    check_fields(doc, CAMPAIGN_FIELDS, &Place::default(), &mut problems);
    if !problems.is_empty() {
        return Err(problems);
    }
    let campaign: Campaign = match serde_path_to_error::deserialize(doc) {
        Ok(c) => c,
        Err(e) => {
            let path = e.path().to_string();
            let message = e.inner().to_string();
            let problem = if message.starts_with("unknown field") || message.starts_with("unknown variant") {
                Problem::Unknown(message)
            } else {
                Problem::Check(message)
            };
            return Err(vec![FieldProblem { path: if path == "." { String::new() } else { path }, problem }]);
        }
    };
    let checks = campaign.validate();
    if checks.is_empty() {
        return Ok(campaign);
    }
    for e in checks {
        let hours = e.path.ends_with("opening_hours") || e.path.ends_with(".hours");
        let problem = if e.message == BOTH_LANGUAGES {
            Problem::BothLanguages
        } else if hours {
            Problem::Hours(e.message)
        } else {
            Problem::Check(e.message)
        };
        if !problems.iter().any(|p: &FieldProblem| p.path == e.path && p.problem == problem) {
            problems.push(FieldProblem { path: e.path, problem });
        }
    }
    Err(problems)
}

fn check_fields(doc: &Value, fields: &[Field], at: &Place, out: &mut Vec<FieldProblem>) {
    for field in fields {
        let place = at.key(field.key);
        let value = place.get(doc);
        let mut push = |problem| out.push(FieldProblem { path: place.to_string(), problem });
        match (field.kind, value) {
            (Kind::Date | Kind::OptDate, Some(Value::String(s))) if parse_iso_date(s.trim()).is_none() => push(Problem::NotADate),
            (Kind::Date, None) => push(Problem::NotADate),
            (Kind::OptCount | Kind::OptPercent, Some(v)) => {
                if let Some(problem) = number_problem(v, field.kind == Kind::OptPercent) {
                    push(problem);
                }
            }
            (Kind::Group(inner), Some(_)) => check_fields(doc, inner, &place, out),
            (Kind::List(inner), Some(Value::Array(items))) => {
                for i in 0..items.len() {
                    check_fields(doc, inner, &place.index(i), out);
                }
            }
            _ => {}
        }
    }
}

fn number_problem(value: &Value, percent: bool) -> Option<Problem> {
    // Whole numbers as the file holds them (up to u64, what the build reads); text that
    // is digits but too long for that is "too large", anything else "not a whole number".
    let n: Option<i128> = match value {
        Value::Null => return None,
        Value::Number(n) => n.as_i64().map(i128::from).or_else(|| n.as_u64().map(i128::from)),
        Value::String(s) => {
            let digits = s.trim().trim_start_matches('-');
            if !digits.is_empty() && digits.bytes().all(|b| b.is_ascii_digit()) && s.trim().parse::<i128>().is_err() {
                return Some(Problem::TooLarge);
            }
            s.trim().parse::<i128>().ok()
        }
        _ => None,
    };
    match n {
        None if value.as_f64().is_some_and(|f| f < 0.0) => Some(Problem::BelowZero),
        None => Some(Problem::NotAWholeNumber),
        Some(n) if n < 0 => Some(Problem::BelowZero),
        Some(n) if percent && n > 100 => Some(Problem::AboveHundred),
        Some(n) if n > i128::from(u64::MAX) => Some(Problem::TooLarge),
        Some(_) if value.is_string() => Some(Problem::TooLarge),
        Some(_) => None,
    }
}

/// Removes what is at `path` (as the build writes it, `offices[0].website`) from the file: how
/// a key or word the form has no field for is taken out. Nothing happens if it is not there.
pub fn remove_path(doc: &mut Value, path: &str) {
    let mut steps: Vec<Result<String, usize>> = Vec::new();
    for part in path.split('.') {
        let (key, indexes) = part.split_once('[').map_or((part, ""), |(k, rest)| (k, rest));
        if !key.is_empty() {
            steps.push(Ok(key.to_string()));
        }
        for index in indexes.split('[').map(|i| i.trim_end_matches(']')).filter(|i| !i.is_empty()) {
            match index.parse() {
                Ok(i) => steps.push(Err(i)),
                Err(_) => return,
            }
        }
    }
    let Some((last, parents)) = steps.split_last() else { return };
    let mut here = doc;
    for step in parents {
        let next = match step {
            Ok(key) => here.get_mut(key.as_str()),
            Err(i) => here.get_mut(*i),
        };
        match next {
            Some(v) => here = v,
            None => return,
        }
    }
    match (last, here) {
        (Ok(key), Value::Object(map)) => {
            map.remove(key.as_str());
        }
        (Err(i), Value::Array(list)) if *i < list.len() => {
            list.remove(*i);
        }
        _ => {}
    }
}

/// The file to download: the campaign as the build writes it when it passes every check
/// (`checked`, the result of [`check`] on `doc`, so it is not run twice), otherwise the tree
/// as edited; two-space indentation and a final newline.
pub fn file_text(doc: &Value, checked: &Result<Campaign, Vec<FieldProblem>>) -> String {
    let body = match checked {
        Ok(campaign) => serde_json::to_string_pretty(campaign),
        Err(_) => serde_json::to_string_pretty(doc),
    };
    body.map(|mut s| {
        s.push('\n');
        s
    })
    .unwrap_or_default()
}

/// One row of the weekly-hours helper: the days it covers and their sessions.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct HoursRow {
    /// Monday first.
    pub days: [bool; 7],
    /// Opening sessions on those days.
    pub sessions: Vec<Session>,
}

const DAY_CODES: [&str; 7] = ["Mo", "Tu", "We", "Th", "Fr", "Sa", "Su"];

/// Reads an `opening_hours` text back into the helper's rows: the days that share the
/// same sessions in one row, closed days left out.
pub fn hours_rows(spec: &str) -> Result<Vec<HoursRow>, crate::domain::hours::HoursError> {
    Ok(rows_of(&WeeklyHours::parse(spec)?.days))
}

/// The days of a week (Monday first) grouped into rows of equal sessions, closed days left out.
fn rows_of(week: &[Vec<Session>; 7]) -> Vec<HoursRow> {
    let mut rows: Vec<HoursRow> = Vec::new();
    for (day, sessions) in week.iter().enumerate() {
        if sessions.is_empty() {
            continue;
        }
        match rows.iter_mut().find(|r| r.sessions == *sessions) {
            Some(row) => row.days[day] = true,
            None => {
                let mut days = [false; 7];
                days[day] = true;
                rows.push(HoursRow { days, sessions: sessions.clone() });
            }
        }
    }
    rows
}

/// Writes the helper's rows as an `opening_hours` text: `Mo-Fr 07:30-11:30,13:00-17:00; Sa 07:30-11:30`.
pub fn hours_spec(rows: &[HoursRow]) -> String {
    rows.iter()
        .filter(|r| r.days.iter().any(|d| *d) && !r.sessions.is_empty())
        .map(|r| format!("{} {}", day_list(&r.days), session_list(&r.sessions)))
        .collect::<Vec<_>>()
        .join("; ")
}

fn day_list(days: &[bool; 7]) -> String {
    let mut parts = Vec::new();
    let mut day = 0;
    while day < 7 {
        if !days[day] {
            day += 1;
            continue;
        }
        let first = day;
        while day + 1 < 7 && days[day + 1] {
            day += 1;
        }
        parts.push(if first == day { DAY_CODES[first].to_string() } else { format!("{}-{}", DAY_CODES[first], DAY_CODES[day]) });
        day += 1;
    }
    parts.join(",")
}

fn session_list(sessions: &[Session]) -> String {
    sessions.iter().map(|s| format!("{}-{}", format_minutes(s.start), format_minutes(s.end))).collect::<Vec<_>>().join(",")
}

/// Adds a row (days and one session, `HH:MM` each) to an `opening_hours` text; later rows
/// override earlier ones for the same days, as in OpenStreetMap.
pub fn add_hours(spec: &str, days: [bool; 7], from: &str, to: &str) -> Result<String, Problem> {
    let (start, end) = match (parse_hh_mm(from), parse_hh_mm(to).or((to == "24:00").then_some(1440))) {
        (Some(a), Some(b)) if a < b => (a, b),
        _ => return Err(Problem::BadSpan),
    };
    if !days.iter().any(|d| *d) {
        return Err(Problem::NoDay);
    }
    // The chosen days get this session added to what they already have.
    let mut week = if spec.trim().is_empty() { Default::default() } else { WeeklyHours::parse(spec).map_err(|e| Problem::Hours(e.to_string()))?.days };
    let session = Session { start, end };
    for (day, sessions) in week.iter_mut().enumerate() {
        if days[day] && !sessions.contains(&session) {
            sessions.push(session);
            sessions.sort_by_key(|s| s.start);
        }
    }
    let rows = rows_of(&week);
    let spec = hours_spec(&rows);
    WeeklyHours::parse(&spec).map_err(|e| Problem::Hours(e.to_string()))?;
    Ok(spec)
}

/// Removes row `index` (as [`hours_rows`] lists them) from an `opening_hours` text.
pub fn remove_hours_row(spec: &str, index: usize) -> String {
    match hours_rows(spec) {
        Ok(mut rows) if index < rows.len() => {
            rows.remove(index);
            hours_spec(&rows)
        }
        _ => spec.to_string(),
    }
}

#[cfg(test)]
mod tests;

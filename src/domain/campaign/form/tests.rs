use super::*;
use crate::domain::vn_time::{vn_at, ymd};

const SEEDS: [&str; 5] = ["hcm-q3-2023", "hcm-binh-thanh-2023", "hn-awareness-2022", "dn-tam-thuan-2024", "tv-duyen-hai-2023"];

fn seed_text(id: &str) -> String {
    std::fs::read_to_string(format!("{}/tests/fixtures/campaigns/{id}.json", env!("CARGO_MANIFEST_DIR"))).unwrap()
}

fn type_into(doc: &mut Value, path: &[Step], kind: Kind, typed: &str) {
    set_raw(doc, &Place(path.to_vec()), kind, typed);
}

fn text_into(doc: &mut Value, path: &[Step], vi: &str, en: &str) {
    let place = Place(path.to_vec());
    set_text(doc, &place, "vi", vi, false);
    set_text(doc, &place, "en", en, false);
}

/// A small campaign built field by field as the editor does: one office open in the
/// evening, one unit, one indicator, one target.
fn small_campaign() -> Value {
    use Step::{Index as I, Key as K};
    let mut doc = new_campaign();
    type_into(&mut doc, &[K("id")], Kind::Line, "phuong-test-2026");
    for key in ["name", "area", "issuer", "audience"] {
        text_into(&mut doc, &[K(key)], "Tên", "Name");
    }
    text_into(&mut doc, &[K("document"), K("title")], "Kế hoạch", "Plan");
    type_into(&mut doc, &[K("period"), K("start")], Kind::Date, "2026-12-01");
    type_into(&mut doc, &[K("period"), K("end")], Kind::Date, "2026-12-31");
    for (list, fields) in [("offices", OFFICE), ("units", UNIT), ("indicators", INDICATOR), ("targets", TARGET)] {
        let place = Place(vec![K(list)]);
        let mut items = place.get(&doc).and_then(Value::as_array).cloned().unwrap_or_default();
        items.push(empty_object(fields));
        place.set(&mut doc, Some(Value::Array(items)));
    }
    type_into(&mut doc, &[K("offices"), I(0), K("id")], Kind::Line, "cong-an-phuong");
    text_into(&mut doc, &[K("offices"), I(0), K("name")], "Công an phường", "Ward police");
    let spec = add_hours("", [true, true, true, true, true, false, false], "17:30", "20:30").unwrap();
    type_into(&mut doc, &[K("offices"), I(0), K("opening_hours")], Kind::WeeklyHours, &spec);
    type_into(&mut doc, &[K("units"), I(0), K("id")], Kind::Line, "to-1");
    text_into(&mut doc, &[K("units"), I(0), K("name")], "Tổ 1", "Group 1");
    type_into(&mut doc, &[K("indicators"), I(0), K("id")], Kind::Line, "activations");
    text_into(&mut doc, &[K("indicators"), I(0), K("name")], "Kích hoạt", "Activations");
    type_into(&mut doc, &[K("targets"), I(0), K("indicator")], Kind::Ref("indicators"), "activations");
    type_into(&mut doc, &[K("targets"), I(0), K("count")], Kind::OptCount, "500");
    text_into(&mut doc, &[K("targets"), I(0), K("description")], "Cả phường", "The whole ward");
    doc
}

fn problem_at(doc: &Value, path: &str) -> Vec<Problem> {
    check(doc).err().unwrap_or_default().into_iter().filter(|p| p.path == path).map(|p| p.problem).collect()
}

#[test]
fn a_small_campaign_built_field_by_field_passes_the_builds_checks() {
    let doc = small_campaign();
    let campaign = check(&doc).unwrap_or_else(|p| panic!("{p:?}"));
    assert_eq!(campaign.offices[0].opening_hours.as_deref(), Some("Mo-Fr 17:30-20:30"));
    assert_eq!(campaign.targets[0].count, Some(500));
    // The file it downloads reads back through the build's own reader and checks.
    let again = Campaign::from_json(&file_text(&doc, &check(&doc))).unwrap();
    assert_eq!(again, campaign);
    let status = again.offices[0].status_at(vn_at(ymd(2026, 12, 2), 18, 0));
    assert_eq!(status, Some(crate::domain::hours::OpenStatus::OpenUntil { until: 20 * 60 + 30 }));
}

#[test]
fn a_new_campaign_lists_what_is_missing_and_is_not_accepted() {
    let problems = check(&new_campaign()).unwrap_err();
    let paths: Vec<&str> = problems.iter().map(|p| p.path.as_str()).collect();
    assert!(paths.contains(&"period.start"), "{paths:?}");
    assert!(paths.contains(&"period.end"), "{paths:?}");
    let mut doc = new_campaign();
    type_into(&mut doc, &[Step::Key("period"), Step::Key("start")], Kind::Date, "2026-12-01");
    type_into(&mut doc, &[Step::Key("period"), Step::Key("end")], Kind::Date, "2026-12-31");
    let paths: Vec<String> = check(&doc).unwrap_err().into_iter().map(|p| p.path).collect();
    for needed in ["id", "name", "indicators"] {
        assert!(paths.iter().any(|p| p == needed), "{needed} in {paths:?}");
    }
}

#[test]
fn bad_input_is_reported_at_its_field() {
    use Step::{Index as I, Key as K};
    let mut doc = small_campaign();
    type_into(&mut doc, &[K("period"), K("end")], Kind::Date, "2026-02-30");
    assert_eq!(problem_at(&doc, "period.end"), vec![Problem::NotADate]);
    type_into(&mut doc, &[K("period"), K("end")], Kind::Date, "2026-12-31");

    type_into(&mut doc, &[K("targets"), I(0), K("count")], Kind::OptCount, "-5");
    assert_eq!(problem_at(&doc, "targets[0].count"), vec![Problem::BelowZero]);
    type_into(&mut doc, &[K("targets"), I(0), K("count")], Kind::OptCount, "năm trăm");
    assert_eq!(problem_at(&doc, "targets[0].count"), vec![Problem::NotAWholeNumber]);
    type_into(&mut doc, &[K("targets"), I(0), K("count")], Kind::OptCount, "2.5");
    assert_eq!(problem_at(&doc, "targets[0].count"), vec![Problem::NotAWholeNumber]);
    type_into(&mut doc, &[K("targets"), I(0), K("percent")], Kind::OptPercent, "140");
    assert_eq!(problem_at(&doc, "targets[0].percent"), vec![Problem::AboveHundred]);
    type_into(&mut doc, &[K("targets"), I(0), K("percent")], Kind::OptPercent, "");
    assert!(doc["targets"][0].get("percent").is_none(), "an emptied optional field leaves the file");
    type_into(&mut doc, &[K("targets"), I(0), K("count")], Kind::OptCount, "500");

    type_into(&mut doc, &[K("offices"), I(0), K("opening_hours")], Kind::WeeklyHours, "Mo-Fr 17:30-25:00");
    let hours = problem_at(&doc, "offices[0].opening_hours");
    assert!(matches!(&hours[..], [Problem::Hours(m)] if m.contains("25:00")), "{hours:?}");
    type_into(&mut doc, &[K("offices"), I(0), K("opening_hours")], Kind::WeeklyHours, "Mo-Fr 17:30-20:30");

    text_into(&mut doc, &[K("offices"), I(0), K("name")], "", "Ward police");
    assert_eq!(problem_at(&doc, "offices[0].name"), vec![Problem::BothLanguages]);
    text_into(&mut doc, &[K("units"), I(0), K("name")], "Tổ 1", " ");
    assert!(!problem_at(&doc, "units[0].name").is_empty(), "a unit without a name is refused");
    text_into(&mut doc, &[K("offices"), I(0), K("name")], "Công an phường", "Ward police");
    text_into(&mut doc, &[K("units"), I(0), K("name")], "Tổ 1", "Group 1");
    assert!(check(&doc).is_ok());

    // A word the form cannot make (a file opened from disk) still names its place.
    doc["offices"][0]["kind"] = Value::from("castle");
    let kind = problem_at(&doc, "offices[0].kind");
    assert!(matches!(&kind[..], [Problem::Unknown(m)] if m.contains("castle")), "{kind:?}");
    doc["offices"][0]["kind"] = Value::from("ward_police");
    // A key the file may not have, or a word not in a list, is named and can be removed.
    doc["offices"][0]["website"] = Value::from("https://example.org");
    assert!(matches!(&problem_at(&doc, "offices[0].website")[..], [Problem::Unknown(m)] if m.contains("website")));
    remove_path(&mut doc, "offices[0].website");
    doc["offices"][0]["serves"] = serde_json::json!(["guidance", "teleport"]);
    assert!(matches!(&problem_at(&doc, "offices[0].serves[1]")[..], [Problem::Unknown(_)]));
    remove_path(&mut doc, "offices[0].serves[1]");
    assert_eq!(doc["offices"][0]["serves"], serde_json::json!(["guidance"]));
    remove_path(&mut doc, "offices[9].nothing[3]");
    assert!(check(&doc).is_ok());
    // An empty optional count is no count; digits too long for the file are "too large".
    doc["targets"][0]["population"] = Value::Null;
    assert!(check(&doc).is_ok(), "null is read as no population, as the build does");
    type_into(&mut doc, &[K("targets"), I(0), K("population")], Kind::OptCount, "99999999999999999999999");
    assert_eq!(problem_at(&doc, "targets[0].population"), vec![Problem::TooLarge]);
    type_into(&mut doc, &[K("targets"), I(0), K("population")], Kind::OptCount, "18446744073709551615");
    assert_eq!(problem_at(&doc, "targets[0].population"), vec![], "u64::MAX is what the build reads");
}

#[test]
fn files_that_are_not_campaigns_are_refused_with_where() {
    assert_eq!(open("{\n  \"id\": \n"), Err(OpenError::NotJson { line: 3, column: 0 }));
    assert_eq!(open("[1, 2]"), Err(OpenError::NotACampaign));
    assert_eq!(open(r#"{"format_version": 1, "entries": []}"#), Err(OpenError::NotACampaign));
    assert_eq!(open("\u{feff}{\"format_version\": 1, \"id\": \"x\"}").map(|d| d["id"].clone()), Ok(Value::from("x")));
    let twice = r#"{"format_version": 1, "id": "x", "offices": [{"id": "a", "name": {"vi": "A", "en": "A"}, "name": {"vi": "B", "en": "B"}}]}"#;
    assert!(matches!(open(twice), Err(OpenError::DuplicateKey { path, message }) if path.starts_with("offices[0]") && message.contains("\"name\"")));
}

/// Every key of the seed files is a field of the editor, so every fact they hold can be edited.
#[test]
fn every_field_of_the_seed_files_has_a_form_field() {
    fn walk(value: &Value, fields: &[Field], at: &str, missing: &mut Vec<String>) {
        let Some(map) = value.as_object() else { return };
        for (key, inner) in map {
            if at.is_empty() && key == "format_version" {
                continue;
            }
            match fields.iter().find(|f| f.key == key) {
                None => missing.push(format!("{at}.{key}")),
                Some(Field { kind: Kind::Group(sub), .. }) => walk(inner, sub, &format!("{at}.{key}"), missing),
                Some(Field { kind: Kind::List(sub), .. }) => {
                    for item in inner.as_array().into_iter().flatten() {
                        walk(item, sub, &format!("{at}.{key}[]"), missing);
                    }
                }
                Some(_) => {}
            }
        }
    }
    for id in SEEDS {
        let doc: Value = serde_json::from_str(&seed_text(id)).unwrap();
        let mut missing = Vec::new();
        walk(&doc, CAMPAIGN_FIELDS, "", &mut missing);
        assert!(missing.is_empty(), "{id}: no form field for {missing:?}");
    }
}

#[test]
fn seed_files_open_check_and_download_unchanged() {
    for id in SEEDS {
        let text = seed_text(id);
        let doc = open(&text).unwrap();
        let campaign = check(&doc).unwrap_or_else(|p| panic!("{id}: {p:?}"));
        assert_eq!(campaign, Campaign::from_json(&text).unwrap(), "{id}");
        assert_eq!(Campaign::from_json(&file_text(&doc, &check(&doc))).unwrap(), campaign, "{id}: the download reads back the same");
        // Every source field reads back from the text its form field shows.
        let mut edited = doc.clone();
        for (i, _) in campaign.offices.iter().enumerate() {
            let place = Place(vec![Step::Key("offices"), Step::Index(i), Step::Key("source")]);
            let shown = raw(&doc, &place);
            set_raw(&mut edited, &place, Kind::Source, &shown);
        }
        assert_eq!(check(&edited).unwrap(), campaign, "{id}: sources shown and typed back");
    }
}

#[test]
fn the_hours_helper_reads_back_what_it_writes() {
    for id in SEEDS {
        let campaign = Campaign::from_json(&seed_text(id)).unwrap();
        for office in &campaign.offices {
            let Some(spec) = &office.opening_hours else { continue };
            let rows = hours_rows(spec).unwrap();
            let written = hours_spec(&rows);
            assert_eq!(WeeklyHours::parse(&written).unwrap(), WeeklyHours::parse(spec).unwrap(), "{id} {}: {spec} → {written}", office.id);
        }
    }
    let morning = add_hours("", [true, true, true, true, true, false, false], "07:30", "11:30").unwrap();
    assert_eq!(morning, "Mo-Fr 07:30-11:30");
    let day = add_hours(&morning, [true, true, true, true, true, false, false], "13:30", "17:00").unwrap();
    assert_eq!(day, "Mo-Fr 07:30-11:30,13:30-17:00");
    let week = add_hours(&day, [false, false, false, false, false, true, false], "07:30", "11:30").unwrap();
    assert_eq!(week, "Mo-Fr 07:30-11:30,13:30-17:00; Sa 07:30-11:30");
    assert_eq!(hours_rows(&week).unwrap().len(), 2);
    assert_eq!(remove_hours_row(&week, 1), "Mo-Fr 07:30-11:30,13:30-17:00");
    assert_eq!(add_hours("", [true, false, true, false, false, false, true], "18:00", "21:00").unwrap(), "Mo,We,Su 18:00-21:00");
    assert!(add_hours("", [true; 7], "25:00", "26:00").is_err());
    assert!(add_hours("", [true; 7], "11:00", "08:00").is_err());
    assert_eq!(add_hours("", [false; 7], "08:00", "11:00"), Err(Problem::NoDay));
    assert_eq!(add_hours("", [true; 7], "11:00", "08:00"), Err(Problem::BadSpan));
}

#[test]
fn places_are_written_as_the_build_writes_them() {
    let place = Place::default().key("offices").index(1).key("special_days").index(0).key("hours");
    assert_eq!(place.to_string(), "offices[1].special_days[0].hours");
    assert!(Place::default().key("offices").index(1).holds("offices[1].name"));
    assert!(!Place::default().key("offices").index(1).holds("offices[10].name"));
    let mut doc = serde_json::json!({"offices": [{"id": "a"}, {"id": "b"}]});
    Place::default().key("offices").index(0).set(&mut doc, None);
    assert_eq!(doc, serde_json::json!({"offices": [{"id": "b"}]}));
}

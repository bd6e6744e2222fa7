#![cfg(not(target_arch = "wasm32"))]
//! Hostile input, natively: every bad import file in tests/hostile/imports/
//! (plus the large ones built here: 10,000 duplicate entries, 50 MB, deep
//! nesting) is refused by `parse_export` with the file's name, the place and
//! the problem its README row gives, and importing leaves the ledger as it was;
//! every bad campaign file in tests/hostile/campaigns/ is refused by
//! `Campaign::from_json` with the path of the field.
//!
//! The corpus and both README tables are written by tests/hostile/generate.mjs.

use chrono::{DateTime, FixedOffset, TimeDelta};
use std::panic::{catch_unwind, AssertUnwindSafe};
use std::path::{Path, PathBuf};
use std::time::Instant;

use vneid_campaign::domain::vn_time::{vn_at, ymd};
use vneid_campaign::domain::campaign::Campaign;
use vneid_campaign::domain::tally::export::ExportFile;
use vneid_campaign::domain::tally::import::{parse_export, ImportError, Problem, MAX_IMPORT_BYTES};
use vneid_campaign::domain::tally::merge::{MergePreview, Policy};
use vneid_campaign::domain::tally::ledger::{Author, Change, Counts, Ledger, LocalUnit, TargetSetting};
use vneid_campaign::domain::tally::stamp::Stamp;

fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

fn hostile() -> PathBuf {
    root().join("tests/hostile")
}

fn campaign() -> Campaign {
    let text = std::fs::read_to_string(root().join("tests/fixtures/campaigns/hcm-q3-2023.json")).unwrap();
    Campaign::from_json(&text).unwrap()
}

fn author(device: &str, staff: Option<&str>, at: DateTime<FixedOffset>) -> Author {
    Author { device: device.into(), staff: staff.map(Into::into), at: Stamp::new(at) }
}

/// What kiosk "kiosk-q3-b" holds on 25/06/2023: a unit and a target it added,
/// six days of three units saved at 17:00, and two corrections (audit records).
fn realistic_ledger() -> Ledger {
    let mut ledger = Ledger::default();
    let device = "kiosk-q3-b";
    ledger.apply(&[
        Change::PutUnit(LocalUnit { id: "ward-2".into(), name: "Công an Phường 2".into(), modified: Stamp::new(vn_at(ymd(2023, 6, 20), 7, 55)), device: device.into() }),
        Change::PutTarget(TargetSetting {
            key: TargetSetting::key_for("applications", Some("ward-2"), None),
            indicator: "applications".into(),
            unit: Some("ward-2".into()),
            phase: None,
            count: 900,
            modified: Stamp::new(vn_at(ymd(2023, 6, 20), 8, 0)),
            device: device.into(),
        }),
    ]);
    let start = ymd(2023, 6, 20);
    for d in 0..6 {
        let day = start + TimeDelta::days(d);
        for (u, unit) in ["district-team", "ward-police", "ward-2"].iter().enumerate() {
            let applications = 35 + 4 * d as u64 + 9 * u as u64;
            let counts = Counts::from_pairs([("applications", applications), ("activations", applications * 2 / 3)]);
            let at = vn_at(day, 17, u as u32);
            let plan = ledger.plan_save(day, unit, counts, false, &author(device, Some("Trần Văn Minh"), at), None);
            ledger.apply(&plan.changes);
        }
    }
    for (day, unit, n, reason) in [(ymd(2023, 6, 21), "ward-2", 60, "thêm hồ sơ buổi tối"), (ymd(2023, 6, 23), "district-team", 41, "nhập nhầm")] {
        let counts = Counts::from_pairs([("applications", n), ("activations", n / 2)]);
        let plan = ledger.plan_save(day, unit, counts, false, &author(device, Some("Trần Văn Minh"), vn_at(ymd(2023, 6, 24), 8, 15)), Some(reason.into()));
        assert_eq!(plan.changes.len(), 3, "an expectation, the entry and an audit record");
        ledger.apply(&plan.changes);
    }
    assert_eq!((ledger.entries.len(), ledger.audit.len(), ledger.units.len(), ledger.targets.len()), (18, 2, 1, 1));
    ledger
}

// ---------------------------------------------------------------------------
// The README tables.

/// The text of a table cell: code spans unwrapped, `(whole file)` as empty.
fn cell(raw: &str) -> String {
    let s = raw.trim();
    let s = if let Some(inner) = s.strip_prefix("`` ").and_then(|s| s.strip_suffix(" ``")) {
        inner
    } else if let Some(inner) = s.strip_prefix('`').and_then(|s| s.strip_suffix('`')) {
        inner
    } else {
        s
    };
    let s = s.replace("\\|", "|");
    if s == "(whole file)" {
        String::new()
    } else {
        s
    }
}

/// Rows of every table in `readme` whose first cell is a file name.
fn table_rows(readme: &Path) -> Vec<Vec<String>> {
    let text = std::fs::read_to_string(readme).unwrap_or_else(|e| panic!("{}: {e}", readme.display()));
    text.lines()
        .filter(|l| l.starts_with("| `"))
        .map(|l| l.trim().trim_start_matches('|').trim_end_matches('|').split(" | ").map(cell).collect::<Vec<_>>())
        .collect()
}

/// The `.json` files in `dir`, sorted.
fn json_files(dir: &Path) -> Vec<String> {
    let mut names: Vec<String> = std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .filter(|n| n.ends_with(".json"))
        .collect();
    names.sort();
    names
}

// ---------------------------------------------------------------------------
// Import files.

struct Expected {
    file: String,
    place: String,
    problem: String,
    detail: String,
}

/// True when `problem` is what the README says: the variant name, or the exact
/// Debug form when the README gives one (it then holds a parenthesis).
fn problem_matches(problem: &Problem, expected: &str) -> bool {
    let debug = format!("{problem:?}");
    if expected.contains('(') {
        debug == expected
    } else {
        debug.split('(').next() == Some(expected)
    }
}

/// The problem is one staff can act on: for `Invalid`, a short description
/// without serde's position suffix; for the rest, their payload is bounded.
fn message_is_clear(problem: &Problem) -> Result<(), String> {
    match problem {
        Problem::Invalid(detail) if detail.trim().is_empty() => Err("empty message".into()),
        Problem::Invalid(detail) if detail.chars().count() > 160 => Err(format!("message too long: {detail}")),
        Problem::Invalid(detail) if detail.contains(" at line ") => Err(format!("message keeps serde's position: {detail}")),
        Problem::UnknownUnit(s) | Problem::UnknownIndicator(s) | Problem::BadId(s) | Problem::UnknownPhase(s) | Problem::OtherCampaign(s) | Problem::UnknownVersion(s) | Problem::DuplicateUnit(s)
            if s.chars().count() > 41 =>
        {
            Err(format!("shown value not shortened: {s}"))
        }
        _ => Ok(()),
    }
}

/// The base export as committed (pretty-printed, valid).
fn base_text() -> String {
    std::fs::read_to_string(hostile().join("base-valid.json")).unwrap()
}

const DEEP: usize = 100_000;

/// The large cases, built as tests/hostile/imports/README.md describes (and as
/// tests/e2e/hostile.spec.js does).
fn generated() -> Vec<(String, Vec<u8>)> {
    let base = base_text();
    let value: serde_json::Value = serde_json::from_str(&base).unwrap();
    let mut out = Vec::new();

    let mut dup = value.clone();
    let first = dup["entries"][0].clone();
    dup["entries"] = serde_json::Value::Array(vec![first; 10_000]);
    out.push(("gen-10000-duplicate-entries.json".to_string(), serde_json::to_vec(&dup).unwrap()));

    let body = base.trim_end().strip_suffix('}').unwrap();
    let mut big = String::with_capacity(50_000_000);
    big.push_str(body);
    big.push_str(&" ".repeat(50_000_000 - body.len() - 1));
    big.push('}');
    assert_eq!(big.len(), 50_000_000);
    out.push(("gen-50mb.json".to_string(), big.into_bytes()));

    out.push(("gen-deep-array.json".to_string(), format!("{}{}", "[".repeat(DEEP), "]".repeat(DEEP)).into_bytes()));

    let nest = format!("{}0{}", "{\"x\":".repeat(DEEP - 1), "}".repeat(DEEP - 1));
    out.push(("gen-deep-unknown-field.json".to_string(), format!("{{\"x\":{nest},{}", &base.trim_start()[1..]).into_bytes()));

    out.push(("gen-deep-format.json".to_string(), format!("{{\"format\":{}{}}}", "[".repeat(DEEP), "]".repeat(DEEP)).into_bytes()));

    let mut deep = value;
    deep["entries"][0]["counts"]["applications"] = "@@deep@@".into();
    let text = serde_json::to_string(&deep).unwrap().replace("\"@@deep@@\"", &format!("{}{}", "[".repeat(DEEP), "]".repeat(DEEP)));
    out.push(("gen-deep-count.json".to_string(), text.into_bytes()));
    out
}

/// Imports the files as staff mode does: check each, preview the accepted
/// ones, apply what the preview would write.
fn import(campaign: &Campaign, ledger: &mut Ledger, files: &[(String, Vec<u8>)]) -> (Vec<Result<ExportFile, ImportError>>, MergePreview) {
    let results: Vec<_> = files.iter().map(|(name, bytes)| parse_export(name, bytes, campaign, ledger)).collect();
    let good: Vec<(String, ExportFile)> = files.iter().zip(&results).filter_map(|((n, _), r)| r.as_ref().ok().map(|e| (n.clone(), e.clone()))).collect();
    let preview = MergePreview::build(campaign, ledger, &good);
    let changes = preview.changes(|_| Policy::Take(0), &author("kiosk-q3-b", None, vn_at(ymd(2023, 6, 25), 10, 0)));
    ledger.apply(&changes);
    (results, preview)
}

#[test]
fn the_base_export_is_valid_and_would_import() {
    let c = campaign();
    let mut ledger = realistic_ledger();
    let (results, preview) = import(&c, &mut ledger, &[("base-valid.json".into(), base_text().into_bytes())]);
    let export = results.into_iter().next().unwrap().unwrap_or_else(|e| panic!("the base must be valid: {e:?}"));
    assert_eq!((export.units.len(), export.targets.len(), export.entries.len(), export.audit.len()), (2, 2, 15, 1));
    // ward-1's five days are new; the other units' 20th to 24th differ from this device's.
    assert_eq!((preview.new_entries.len(), preview.conflicts.len(), preview.units.len(), preview.targets.len(), preview.audit.len()), (5, 10, 2, 2, 1));
    assert!(!preview.is_empty(), "so an accepted hostile file would show up as a change");
}

#[test]
fn every_hostile_import_is_refused_and_changes_nothing() {
    let started = Instant::now();
    let c = campaign();
    let dir = hostile().join("imports");
    let rows = table_rows(&dir.join("README.md"));
    let expected: Vec<Expected> = rows
        .iter()
        .map(|r| {
            assert_eq!(r.len(), 5, "README row {r:?}");
            Expected { file: r[0].clone(), place: r[2].clone(), problem: r[3].clone(), detail: r[4].clone() }
        })
        .collect();

    // The README lists exactly the files in the folder plus the generated ones.
    let on_disk = json_files(&dir);
    assert!(on_disk.len() >= 60, "at least 60 committed files, found {}", on_disk.len());
    let generated = generated();
    let mut listed: Vec<String> = expected.iter().map(|e| e.file.clone()).collect();
    listed.sort();
    let mut files: Vec<String> = on_disk.iter().cloned().chain(generated.iter().map(|(n, _)| n.clone())).collect();
    files.sort();
    assert_eq!(listed, files, "README rows and files differ");

    let mut inputs: Vec<(String, Vec<u8>)> = on_disk.iter().map(|n| (n.clone(), std::fs::read(dir.join(n)).unwrap())).collect();
    inputs.extend(generated);
    assert!(inputs.iter().any(|(n, b)| n == "gen-50mb.json" && b.len() > MAX_IMPORT_BYTES));

    let mut ledger = realistic_ledger();
    let before = ledger.clone();
    let digest = ledger.digest();
    let mut failures = Vec::new();
    for (name, bytes) in &inputs {
        let e = expected.iter().find(|e| &e.file == name).unwrap();
        let result = catch_unwind(AssertUnwindSafe(|| parse_export(name, bytes, &c, &ledger)));
        let err = match result {
            Err(panic) => {
                let why = panic.downcast_ref::<String>().cloned().or_else(|| panic.downcast_ref::<&str>().map(|s| s.to_string())).unwrap_or_default();
                failures.push(format!("{name}: PANICKED ({why}); expected {} at {:?}", e.problem, e.place));
                continue;
            }
            Ok(Ok(_)) => {
                failures.push(format!("{name}: ACCEPTED; expected {} at {:?}", e.problem, e.place));
                continue;
            }
            Ok(Err(err)) => err,
        };
        let mut wrong = Vec::new();
        if err.file != *name {
            wrong.push(format!("file {:?}", err.file));
        }
        if err.place != e.place {
            wrong.push(format!("place {:?} (expected {:?})", err.place, e.place));
        }
        if !problem_matches(&err.problem, &e.problem) {
            wrong.push(format!("problem {:?} (expected {})", err.problem, e.problem));
        }
        if !e.detail.is_empty() && !matches!(&err.problem, Problem::Invalid(d) if d.contains(&e.detail)) {
            wrong.push(format!("message {:?} lacks {:?}", err.problem, e.detail));
        }
        if let Err(why) = message_is_clear(&err.problem) {
            wrong.push(why);
        }
        if !wrong.is_empty() {
            failures.push(format!("{name}: {}", wrong.join("; ")));
        }
    }

    // One import session with every file, as staff mode runs it: nothing is
    // previewed, nothing is written.
    let ok: Vec<(String, Vec<u8>)> = inputs.iter().filter(|(n, _)| !failures.iter().any(|f| f.starts_with(&format!("{n}: PANICKED")))).cloned().collect();
    let (results, preview) = import(&c, &mut ledger, &ok);
    assert_eq!(results.len(), ok.len());
    if !preview.files.is_empty() || !preview.is_empty() {
        failures.push(format!("the import preview is not empty: files {:?}", preview.files));
    }
    if ledger.digest() != digest || ledger != before {
        failures.push("the ledger changed (digest before and after differ)".into());
    }

    assert!(failures.is_empty(), "{} of {} hostile files were not refused as expected:\n{}", failures.len(), inputs.len(), failures.join("\n"));
    let elapsed = started.elapsed();
    eprintln!("{} hostile imports refused in {elapsed:?}", inputs.len());
    assert!(elapsed.as_secs() < 10, "took {elapsed:?}");
}

// ---------------------------------------------------------------------------
// Campaign files.

#[test]
fn every_bad_campaign_file_is_refused_with_the_field() {
    let dir = hostile().join("campaigns");
    let rows = table_rows(&dir.join("README.md"));
    let on_disk = json_files(&dir);
    assert!(on_disk.len() >= 15, "at least 15 bad campaign files, found {}", on_disk.len());
    let mut listed: Vec<String> = rows.iter().map(|r| r[0].clone()).collect();
    listed.sort();
    assert_eq!(listed, on_disk, "README rows and files differ");

    let mut failures = Vec::new();
    for row in &rows {
        assert_eq!(row.len(), 4, "README row {row:?}");
        let (name, path, detail) = (&row[0], &row[2], &row[3]);
        let text = std::fs::read_to_string(dir.join(name)).unwrap();
        let errors = match catch_unwind(|| Campaign::from_json(&text)) {
            Err(_) => {
                failures.push(format!("{name}: PANICKED"));
                continue;
            }
            Ok(Ok(_)) => {
                failures.push(format!("{name}: ACCEPTED; expected {path}"));
                continue;
            }
            Ok(Err(errors)) => errors,
        };
        let mut wrong = Vec::new();
        if errors.iter().any(|e| e.message.trim().is_empty()) {
            wrong.push("an empty message".to_string());
        }
        if !detail.is_empty() && !errors.iter().any(|e| e.message.contains(detail.as_str())) {
            wrong.push(format!("no message contains {detail:?}"));
        }
        if path == "line/column" || path.starts_with("line of ") {
            // Refused by serde: one error, placed by line and column.
            let line = match errors.as_slice() {
                [e] => e.path.strip_prefix("line ").and_then(|r| r.split(',').next()).and_then(|n| n.parse::<usize>().ok()),
                _ => None,
            };
            match (line, path.strip_prefix("line of ")) {
                (None, _) => wrong.push(format!("expected one error at a line and column, got {errors:?}")),
                (Some(n), Some(key)) => {
                    let shown = text.lines().nth(n.saturating_sub(1)).unwrap_or("");
                    if !shown.contains(key) {
                        wrong.push(format!("line {n} ({shown:?}) does not hold {key}"));
                    }
                }
                (Some(_), None) => {}
            }
        } else {
            let mut got: Vec<&str> = errors.iter().map(|e| e.path.as_str()).collect();
            let mut want: Vec<&str> = path.split(", ").collect();
            got.sort();
            want.sort();
            if got != want {
                wrong.push(format!("paths {got:?} (expected {want:?}): {errors:?}"));
            }
        }
        if !wrong.is_empty() {
            failures.push(format!("{name}: {}", wrong.join("; ")));
        }
    }
    assert!(failures.is_empty(), "{} of {} bad campaign files were not refused as expected:\n{}", failures.len(), rows.len(), failures.join("\n"));
}

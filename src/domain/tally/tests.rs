//! Native tests of staff counting on the real campaign files.

use crate::domain::vn_time::{vn_at, ymd};
use chrono::{DateTime, FixedOffset, NaiveDate};

use super::csv_export::*;
use super::export::*;
use super::import::*;
use super::merge::*;
use super::ledger::*;
use super::progress::*;
use super::report::*;
use super::stamp::Stamp;
use super::store::{block_on, MemoryStore, TallyStore};
use super::validate::*;
use crate::domain::campaign::Campaign;
use crate::domain::text::Lang;
use crate::domain::vn_time::add_days;

fn campaign(id: &str) -> Campaign {
    let path = format!("{}/tests/fixtures/campaigns/{id}.json", env!("CARGO_MANIFEST_DIR"));
    Campaign::from_json(&std::fs::read_to_string(&path).unwrap()).unwrap()
}

fn author(device: &str, at: DateTime<FixedOffset>) -> Author {
    Author { device: device.into(), staff: None, at: Stamp::new(at) }
}

/// Saves `counts` for each day from `start` for `days` days, as `device` at 17:00 that day.
fn fill(ledger: &mut Ledger, unit: &str, start: NaiveDate, days: i64, device: &str, counts: &[(&str, u64)]) {
    for d in 0..days {
        let day = add_days(start, d);
        let at = vn_at(day, 17, 0);
        let plan = ledger.plan_save(day, unit, Counts::from_pairs(counts.iter().copied()), false, &author(device, at), None);
        ledger.apply(&plan.changes);
    }
}

#[test]
fn targets_resolve_counts_percentages_and_edits() {
    let c = campaign("tv-duyen-hai-2023");
    let mut ledger = Ledger::default();
    let targets = resolved_targets(&c, &ledger);
    assert_eq!(targets.len(), 2);
    assert_eq!(targets[0].count, Some(32520));
    assert_eq!(targets[0].source, TargetSource::File);
    assert_eq!((targets[0].start, targets[0].due), (ymd(2023, 8, 31), ymd(2023, 11, 30)));
    // 100 % of a population the file does not give: staff must set the count.
    assert_eq!(targets[1].count, None);
    ledger.apply(&[Change::PutTarget(TargetSetting {
        key: TargetSetting::key_for("activations", None, None),
        indicator: "activations".into(),
        unit: None,
        phase: None,
        count: 40_000,
        modified: Stamp::new(vn_at(ymd(2023, 9, 1), 9, 0)),
        device: "kiosk-a".into(),
    })]);
    let targets = resolved_targets(&c, &ledger);
    assert_eq!((targets[1].count, targets[1].source), (Some(40_000), TargetSource::Edited));

    // A percentage of a known population is rounded up.
    let mut d = campaign("dn-tam-thuan-2024");
    d.targets[1].count = None;
    d.targets[1].percent = Some(33);
    assert_eq!(resolved_targets(&d, &Ledger::default())[1].count, Some(1025)); // 33 % of 3105 = 1024.65
    // The explicit due date of the first target is kept.
    assert_eq!(resolved_targets(&d, &Ledger::default())[0].due, ymd(2024, 8, 25));
}

#[test]
fn rates_so_far_and_needed_per_day() {
    let c = campaign("tv-duyen-hai-2023");
    let mut ledger = Ledger::default();
    fill(&mut ledger, "communes-wards", ymd(2023, 8, 31), 10, "kiosk-a", &[("applications", 320), ("activations", 300)]);
    let tally = Tally::build(&ledger);
    let t = &resolved_targets(&c, &ledger)[0];
    let p = Progress::compute(&tally, "activations", None, t.start, t.due, t.count, ymd(2023, 9, 10));
    assert_eq!(p.done, 3000);
    assert_eq!(p.days_elapsed, 11);
    assert_eq!(p.days_left, 82); // 10/09 to 30/11 inclusive
    assert_eq!(p.needed_per_day, Some(360)); // ceil(29520 / 82)
    assert!((p.rate_so_far - 3000.0 / 11.0).abs() < 1e-9);
    assert_eq!(p.percent(), Some(9.2));
    assert!(p.behind());
    // After the deadline nothing is "needed" any more, and the target is missed.
    let late = Progress::compute(&tally, "activations", None, t.start, t.due, t.count, ymd(2023, 12, 5));
    assert_eq!((late.days_left, late.needed_per_day, late.days_elapsed), (0, None, 92));
    assert!(late.behind() && !late.reached());
    // Before its window starts a target is not behind, whatever was counted.
    let early = Progress::compute(&tally, "activations", None, t.start, t.due, t.count, ymd(2023, 8, 20));
    assert_eq!((early.days_elapsed, early.done), (0, 0));
    assert!(!early.behind() && !early.reached());
    // One unit's figures stay separate from the other's.
    fill(&mut ledger, "town-team-2", ymd(2023, 9, 1), 3, "kiosk-b", &[("activations", 7)]);
    let tally = Tally::build(&ledger);
    assert_eq!(tally.sum("activations", Some("town-team-2"), c.period.start, c.period.end), 21);
    assert_eq!(tally.sum("activations", None, c.period.start, c.period.end), 3021);
    assert_eq!(tally.on("activations", None, ymd(2023, 9, 1)), 307);
    let daily = tally.daily("activations", None, ymd(2023, 9, 8), ymd(2023, 9, 11));
    assert_eq!(daily.iter().map(|d| d.1).collect::<Vec<_>>(), vec![300, 300, 0, 0]);
}

#[test]
fn phases_report_in_phase_and_cumulative_figures() {
    // Seed 004: phase 2 is reported cumulatively on phase 1.
    let c = campaign("hcm-binh-thanh-2023");
    let mut ledger = Ledger::default();
    fill(&mut ledger, "party-office", ymd(2023, 4, 14), 15, "kiosk-a", &[("activations", 10)]);
    let tally = Tally::build(&ledger);
    let figures = phase_figures(&c, &tally, "activations", None, ymd(2023, 4, 28));
    assert_eq!(figures.len(), 2);
    assert_eq!((figures[0].in_phase, figures[0].cumulative, figures[0].reported_cumulative), (80, 80, false));
    assert_eq!((figures[1].in_phase, figures[1].cumulative, figures[1].reported_cumulative), (70, 150, true));
    // Seen mid-phase-2, later days count nothing yet.
    let mid = phase_figures(&c, &tally, "activations", None, ymd(2023, 4, 24));
    assert_eq!((mid[1].in_phase, mid[1].cumulative), (30, 110));
    // A cumulative phase's target window starts with the campaign.
    assert_eq!(target_window(&c, Some("phase-2"), None), (ymd(2023, 4, 14), ymd(2023, 4, 28)));
    // Seed 003's phases are separate windows.
    let h = campaign("hn-awareness-2022");
    assert_eq!(target_window(&h, Some("phase-2"), None), (ymd(2023, 1, 1), ymd(2023, 10, 14)));
}

#[test]
fn counts_dates_and_warnings_are_checked() {
    assert_eq!(parse_count(" 42 "), Ok(42));
    assert_eq!(parse_count("0"), Ok(0));
    assert_eq!(parse_count(""), Err(CountError::Missing));
    assert_eq!(parse_count("-3"), Err(CountError::Negative));
    assert_eq!(parse_count("2.5"), Err(CountError::NotWhole));
    assert_eq!(parse_count("1,000"), Err(CountError::NotWhole));
    assert_eq!(parse_count("abc"), Err(CountError::NotWhole));
    assert_eq!(parse_count("50001"), Err(CountError::TooLarge));
    assert_eq!(parse_count("99999999999999999999999"), Err(CountError::TooLarge));
    let c = campaign("hcm-q3-2023");
    let today = ymd(2023, 7, 1);
    assert_eq!(check_date(&c, ymd(2023, 6, 30), today), DateCheck::Fine);
    assert_eq!(check_date(&c, ymd(2023, 6, 19), today), DateCheck::OutsidePeriod);
    assert_eq!(check_date(&c, ymd(2023, 7, 2), today), DateCheck::Future);
    assert_eq!(default_entry_day(&c, today, 7 * 60 + 59), (today, Some(8 * 60)));
    assert_eq!(default_entry_day(&c, today, 8 * 60), (today, None));
    // Only District 3 and Duyên Hải give a daily report time; Hà Nội reports weekly.
    let hanoi = campaign("hn-awareness-2022");
    assert_eq!(default_entry_day(&hanoi, ymd(2023, 1, 10), 7 * 60), (ymd(2023, 1, 10), None));
    assert_eq!(campaign("tv-duyen-hai-2023").daily_report_due(), Some(8 * 60));
    assert_eq!(default_entry_day(&c, ymd(2024, 1, 1), 600).0, ymd(2023, 11, 5));

    let mut ledger = Ledger::default();
    let day = ymd(2023, 6, 30);
    let odd = Counts::from_pairs([("applications", 5), ("activations", 9)]);
    assert_eq!(warnings(&c, &ledger, day, "district-team", &odd), vec![Warning::Exceeds { indicator: "activations".into(), other: "applications".into() }]);
    fill(&mut ledger, "district-team", ymd(2023, 6, 25), 5, "kiosk-a", &[("applications", 10), ("activations", 8)]);
    let spike = Counts::from_pairs([("applications", 400), ("activations", 8)]);
    assert_eq!(warnings(&c, &ledger, day, "district-team", &spike), vec![Warning::Unusual { indicator: "applications".into(), typical: 10 }]);
    assert!(warnings(&c, &ledger, day, "district-team", &Counts::from_pairs([("applications", 12), ("activations", 9)])).is_empty());
}

fn device_a_ledger(c: &Campaign) -> Ledger {
    let mut ledger = Ledger::default();
    ledger.apply(&[Change::PutUnit(LocalUnit { id: "ward-1".into(), name: "Công an Phường 1".into(), modified: Stamp::new(vn_at(ymd(2023, 6, 20), 8, 0)), device: "kiosk-a".into() })]);
    fill(&mut ledger, "district-team", c.period.start, 3, "kiosk-a", &[("applications", 40), ("activations", 31)]);
    fill(&mut ledger, "ward-1", c.period.start, 3, "kiosk-a", &[("applications", 12), ("activations", 9)]);
    let plan = ledger.plan_save(c.period.start, "ward-1", Counts::from_pairs([("applications", 13), ("activations", 9)]), false, &author("kiosk-a", vn_at(ymd(2023, 6, 21), 7, 40)), Some("sửa số".into()));
    ledger.apply(&plan.changes);
    ledger
}

fn export_of(c: &Campaign, ledger: &Ledger, device: &str) -> String {
    ExportFile::build(c, ledger, DeviceInfo { id: device.into(), label: Some("Kiosk Q3".into()) }, Stamp::new(vn_at(ymd(2023, 6, 23), 20, 0))).to_json()
}

#[test]
fn export_then_import_round_trips_through_the_store() {
    let c = campaign("hcm-q3-2023");
    let a = device_a_ledger(&c);
    let json = export_of(&c, &a, "kiosk-a");
    let value: serde_json::Value = serde_json::from_str(&json).unwrap();
    assert_eq!(value["format"], "vneid-campaign-tally");
    assert_eq!(value["version"], 1);
    assert_eq!(value["generated_at"], "2023-06-23T20:00:00+07:00");
    assert_eq!(value["entries"].as_array().unwrap().len(), 6);
    assert_eq!(value["audit"][0]["old"]["applications"], 12);
    assert_eq!(value["entries"][0]["modified"].as_str().unwrap().len(), 25);

    // Written straight from the ledger: the same bytes.
    let device = DeviceInfo { id: "kiosk-a".into(), label: Some("Kiosk Q3".into()) };
    assert_eq!(String::from_utf8(export_json(&c, &a, &device, Stamp::new(vn_at(ymd(2023, 6, 23), 20, 0)))).unwrap(), json);

    let store = MemoryStore::new();
    let b = block_on(store.load(&c.id)).unwrap();
    let parsed = parse_export("a.json", json.as_bytes(), &c, &b).unwrap();
    let preview = MergePreview::build(&c, &b, &[("a.json".into(), parsed.clone())]);
    assert_eq!(preview.new_entries.len(), 6);
    assert_eq!((preview.identical, preview.conflicts.len(), preview.units.len(), preview.audit.len()), (0, 0, 1, 1));
    assert_eq!(preview.per_unit.iter().map(|s| (s.unit.as_str(), s.new)).collect::<Vec<_>>(), vec![("district-team", 3), ("ward-1", 3)]);
    let changes = preview.changes(|_| Policy::KeepMine, &author("kiosk-b", vn_at(ymd(2023, 6, 24), 8, 0)));
    block_on(store.commit(&c.id, &changes)).unwrap();
    let b = block_on(store.load(&c.id)).unwrap();
    assert_eq!(b.entries, a.entries);
    assert_eq!(b.audit, a.audit);
    assert_eq!(b.units, a.units);
    assert_eq!(b.digest(), a.digest());

    // The same file again changes nothing.
    let again = MergePreview::build(&c, &b, &[("a.json".into(), parsed)]);
    assert!(again.is_empty());
    assert_eq!(again.identical, 6);
}

#[test]
fn merge_settles_conflicts_by_policy() {
    let c = campaign("hcm-q3-2023");
    let a = device_a_ledger(&c);
    // Device B counted the district team's first day differently, later; and a fourth day.
    let mut b = Ledger::default();
    let first = c.period.start;
    let plan = b.plan_save(first, "district-team", Counts::from_pairs([("applications", 44), ("activations", 31)]), false, &author("kiosk-b", vn_at(ymd(2023, 6, 20), 19, 0)), None);
    b.apply(&plan.changes);
    let plan = b.plan_save(add_days(first, 1), "district-team", Counts::from_pairs([("applications", 39), ("activations", 30)]), false, &author("kiosk-b", vn_at(ymd(2023, 6, 21), 9, 0)), None);
    b.apply(&plan.changes);
    fill(&mut b, "district-team", add_days(first, 3), 1, "kiosk-b", &[("applications", 50), ("activations", 45)]);
    let file = parse_export("b.json", export_of(&c, &b, "kiosk-b").as_bytes(), &c, &a).unwrap();
    let files = vec![("b.json".to_string(), file)];
    let preview = MergePreview::build(&c, &a, &files);
    assert_eq!(preview.conflicts.len(), 2);
    assert_eq!(preview.new_entries.len(), 1);
    assert_eq!(preview.per_unit[0], UnitSummary { unit: "district-team".into(), new: 1, identical: 0, conflicts: 2 });
    let me = author("kiosk-a", vn_at(ymd(2023, 6, 24), 8, 0));
    let apply = |policy: &dyn Fn(usize) -> Policy| {
        let mut l = a.clone();
        l.apply(&preview.changes(policy, &me));
        l
    };
    let mine = apply(&|_| Policy::KeepMine);
    assert_eq!(mine.entry(first, "district-team").unwrap().counts.get("applications"), 40);
    assert_eq!(mine.entries.len(), a.entries.len() + 1);
    let theirs = apply(&|_| Policy::Take(0));
    assert_eq!(theirs.entry(first, "district-team").unwrap().counts.get("applications"), 44);
    assert_eq!(theirs.entry(add_days(first, 1), "district-team").unwrap().counts.get("applications"), 39);
    let record = theirs.history(first, "district-team")[0];
    assert_eq!((record.old.get("applications"), record.new.get("applications")), (40, 44));
    assert!(record.reason.as_deref().unwrap().contains("b.json"));
    // Newest: B's first day (19:00) beats A's 17:00; A's second day (17:00) beats B's 09:00.
    let newest = apply(&|_| Policy::Newest);
    assert_eq!(newest.entry(first, "district-team").unwrap().counts.get("applications"), 44);
    assert_eq!(newest.entry(add_days(first, 1), "district-team").unwrap().counts.get("applications"), 40);
    // One by one.
    let mixed = apply(&|i| if i == 0 { Policy::KeepMine } else { Policy::Take(0) });
    assert_eq!(mixed.entry(first, "district-team").unwrap().counts.get("applications"), 40);
    assert_eq!(mixed.entry(add_days(first, 1), "district-team").unwrap().counts.get("applications"), 39);
}

#[test]
fn bad_files_are_refused_with_file_place_and_problem() {
    let c = campaign("hcm-q3-2023");
    let a = device_a_ledger(&c);
    let good = export_of(&c, &a, "kiosk-a");
    let check = |name: &str, text: &str| parse_export(name, text.as_bytes(), &c, &Ledger::default()).unwrap_err();
    let edit = |f: &dyn Fn(&mut serde_json::Value)| {
        let mut v: serde_json::Value = serde_json::from_str(&good).unwrap();
        f(&mut v);
        v.to_string()
    };
    let e = check("x.json", "{\"format\": ");
    assert_eq!((e.file.as_str(), &e.problem), ("x.json", &Problem::NotJson(1, 11)));
    assert_eq!(check("x.json", "").problem, Problem::Empty);
    assert_eq!(check("x.json", "[1,2]").problem, Problem::NotAnExport);
    assert_eq!(parse_export("x.json", &[0xff, 0xfe, 0x00], &c, &a).unwrap_err().problem, Problem::NotText);
    let e = check("other.json", &edit(&|v| v["campaign"] = "tv-duyen-hai-2023".into()));
    assert_eq!((e.place.as_str(), e.problem), ("campaign", Problem::OtherCampaign("tv-duyen-hai-2023".into())));
    let e = check("v2.json", &edit(&|v| v["version"] = 2.into()));
    assert_eq!((e.place.as_str(), e.problem), ("version", Problem::UnknownVersion("2".into())));
    let e = check("neg.json", &edit(&|v| v["entries"][2]["counts"]["activations"] = (-1).into()));
    assert_eq!(e.place, "entries[2].counts.activations");
    assert!(matches!(e.problem, Problem::Invalid(_)));
    let e = check("frac.json", &edit(&|v| v["entries"][1]["counts"]["applications"] = 2.5.into()));
    assert_eq!(e.place, "entries[1].counts.applications");
    let e = check("huge.json", &edit(&|v| v["entries"][0]["counts"]["applications"] = 900_000.into()));
    assert_eq!((e.place.as_str(), e.problem), ("entries[0].counts.applications", Problem::CountTooLarge(900_000)));
    let e = check("unit.json", &edit(&|v| v["entries"][0]["unit"] = "nowhere".into()));
    assert_eq!((e.place.as_str(), e.problem), ("entries[0].unit", Problem::UnknownUnit("nowhere".into())));
    let e = check("ind.json", &edit(&|v| v["entries"][0]["counts"]["installs"] = 3.into()));
    assert_eq!((e.place.as_str(), e.problem), ("entries[0].counts.installs", Problem::UnknownIndicator("installs".into())));
    let e = check("date.json", &edit(&|v| v["entries"][0]["date"] = "2023-02-30".into()));
    assert_eq!(e.place, "entries[0].date");
    let e = check("early.json", &edit(&|v| v["entries"][0]["date"] = "2023-06-01".into()));
    assert_eq!((e.place.as_str(), e.problem), ("entries[0].date", Problem::OutsidePeriod(ymd(2023, 6, 1))));
    let e = check("dup.json", &edit(&|v| {
        let first = v["entries"][0].clone();
        v["entries"].as_array_mut().unwrap().push(first);
    }));
    assert_eq!((e.place.as_str(), e.problem), ("entries[6]", Problem::DuplicateEntry(c.period.start, "district-team".into())));
    // Text is shown as text: `<` is fine; what a form refuses (hidden characters) is refused.
    assert!(parse_export("html.json", edit(&|v| v["entries"][0]["staff"] = "<script>alert(1)</script>".into()).as_bytes(), &c, &Ledger::default()).is_ok());
    let e = check("bidi.json", &edit(&|v| v["entries"][0]["staff"] = "Lan\u{202e}".into()));
    assert_eq!((e.place.as_str(), e.problem), ("entries[0].staff", Problem::BadText));
    let e = check("extra.json", &edit(&|v| v["entries"][0]["citizen_name"] = "Nguyễn Văn A".into()));
    assert_eq!(e.place, "entries[0].citizen_name");
    // A device whose clock was ahead saved this; it must be able to export it.
    assert!(parse_export("future.json", edit(&|v| v["entries"][3]["modified"] = "2099-01-01T00:00:00+07:00".into()).as_bytes(), &c, &Ledger::default()).is_ok());
    let e = check("type.json", &edit(&|v| v["entries"] = "none".into()));
    assert_eq!(e.place, "entries");
    let deep = format!("{}{}", "[".repeat(5000), "]".repeat(5000));
    assert!(matches!(check("deep.json", &deep).problem, Problem::NotJson(..) | Problem::NotAnExport));
    let big = vec![b' '; MAX_IMPORT_BYTES + 1];
    assert_eq!(parse_export("big.json", &big, &c, &a).unwrap_err().problem, Problem::TooLarge(MAX_IMPORT_BYTES + 1));
    // A byte-order mark in front of a good file is fine.
    assert!(parse_export("bom.json", format!("\u{feff}{good}").as_bytes(), &c, &a).is_ok());
}

#[test]
fn csv_has_bom_one_row_per_day_and_unit_and_quotes_names() {
    let c = campaign("hcm-q3-2023");
    let mut a = device_a_ledger(&c);
    a.apply(&[Change::PutUnit(LocalUnit { id: "ward-2".into(), name: "Phường 2, tổ \"A\"".into(), modified: Stamp::new(vn_at(ymd(2023, 6, 20), 8, 0)), device: "kiosk-a".into() })]);
    fill(&mut a, "ward-2", c.period.start, 1, "kiosk-a", &[("applications", 3)]);
    let csv = to_csv(&c, &a, &CsvLabels { date: "Ngày", unit_id: "Mã đơn vị", unit: "Đơn vị" }, Lang::Vi);
    assert!(csv.starts_with('\u{feff}'));
    let lines: Vec<&str> = csv.trim_start_matches('\u{feff}').split("\r\n").filter(|l| !l.is_empty()).collect();
    assert_eq!(lines.len(), 1 + 7);
    assert_eq!(lines[0], "Ngày,Mã đơn vị,Đơn vị,Hồ sơ cấp tài khoản định danh điện tử đã thu nhận,Tài khoản định danh điện tử đã kích hoạt");
    assert!(lines.contains(&"2023-06-20,ward-1,Công an Phường 1,13,9"));
    assert!(lines.contains(&"2023-06-20,ward-2,\"Phường 2, tổ \"\"A\"\"\",3,"), "{lines:?}");
    assert_eq!(file_name(&c.id, ymd(2023, 6, 23), "kiosk-a", "csv"), "hcm-q3-2023_2023-06-23_kiosk-a.csv");
}

#[test]
fn day_report_table_and_chat_text() {
    let c = campaign("hcm-q3-2023");
    let a = device_a_ledger(&c);
    let day = add_days(c.period.start, 1);
    let report = DayReport::build(&c, &a, day);
    assert_eq!(report.total_day, vec![52, 40]);
    assert_eq!(report.total_cumulative, vec![105, 80]);
    assert_eq!(report.missing().iter().map(|u| u.id.as_str()).collect::<Vec<_>>(), vec!["ward-police"]);
    let words = ReportWords { title: "Báo cáo ngày", cumulative: "lũy kế", by_unit: "Theo đơn vị", missing: "Chưa có số liệu" };
    let text = report_text(&c, &report, &words, Lang::Vi);
    assert!(text.starts_with("Báo cáo ngày 21/06/2023 – "), "{text}");
    assert!(text.contains("Hồ sơ cấp tài khoản định danh điện tử đã thu nhận: 52 (lũy kế 105)"), "{text}");
    assert!(text.contains("- Công an Phường 1: 12 (25) / 9 (18)"), "{text}");
    assert!(text.contains("Chưa có số liệu: Công an 12 phường"), "{text}");
    assert_eq!(format_count(1_234_567, Lang::Vi), "1.234.567");
    assert_eq!(format_count(1_234, Lang::En), "1,234");
    assert_eq!(format_count(999, Lang::Vi), "999");
}

#[test]
fn new_unit_ids_are_ascii_and_unique() {
    let c = campaign("hcm-q3-2023");
    let units = all_units(&c, &Ledger::default());
    assert_eq!(new_unit_id("Phường Võ Thị Sáu", "d-k3x9q2ab", &units), "phuong-vo-thi-sau-dk3x9q2ab");
    assert_eq!(new_unit_id("Đội", "", &[UnitLabel { id: "doi".into(), vi: "Đội".into(), en: "Đội".into(), local: true }]), "doi-2");
    assert_eq!(new_unit_id("!!!", "d-1", &units), "unit-d1");
    // Two devices adding a unit of the same name never make the same id.
    assert_ne!(new_unit_id("Tổ dân phố 5", "d-aaaa", &units), new_unit_id("Tổ dân phố 5", "d-bbbb", &units));
}

#[test]
fn backup_reminder_after_a_day_of_unexported_data() {
    let c = campaign("hcm-q3-2023");
    let a = device_a_ledger(&c); // first change: the unit added 20/06 08:00; last 22/06 17:00
    let at = |t: DateTime<FixedOffset>| t;
    assert!(!backup_due(&a, None, at(vn_at(ymd(2023, 6, 21), 8, 0))), "less than a day old");
    assert!(backup_due(&a, None, at(vn_at(ymd(2023, 6, 21), 8, 1))), "the unit added 20/06 08:00 is over a day old");
    let exported = Stamp::new(vn_at(ymd(2023, 6, 23), 18, 0));
    assert!(!backup_due(&a, Some(exported), at(vn_at(ymd(2023, 6, 30), 12, 0))), "everything exported");
    assert_eq!(days_since(exported, vn_at(ymd(2023, 6, 30), 12, 0)), 7);
    let mut b = a.clone();
    fill(&mut b, "district-team", ymd(2023, 6, 24), 1, "kiosk-a", &[("applications", 1)]);
    assert_eq!(oldest_unexported(&b, Some(exported)).map(|s| s.to_rfc3339()), Some("2023-06-24T17:00:00+07:00".into()));
    assert!(backup_due(&b, Some(exported), at(vn_at(ymd(2023, 6, 25), 17, 30))));
}

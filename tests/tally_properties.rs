#![cfg(not(target_arch = "wasm32"))]
//! Properties of staff counting, over random sequences of what staff can do:
//!
//! - whatever the forms let a device save (any text they accept, any day they accept,
//!   any clock), its export imports into an empty device and reproduces the same ledger;
//! - merging is the same whatever the order of the files (commutative), importing a file
//!   twice changes nothing more (idempotent), and two devices that import each other's
//!   files hold the same counts (convergent).

use proptest::prelude::*;
use chrono::TimeDelta;
use vneid_campaign::domain::campaign::Campaign;
use vneid_campaign::domain::tally::export::{export_json, DeviceInfo, ExportFile};
use vneid_campaign::domain::tally::import::parse_export;
use vneid_campaign::domain::tally::ledger::{Author, Counts, Ledger, LocalUnit, TargetSetting};
use vneid_campaign::domain::tally::merge::{MergePreview, Policy};
use vneid_campaign::domain::tally::progress::{all_units, new_unit_id};
use vneid_campaign::domain::tally::stamp::Stamp;
use vneid_campaign::domain::tally::store::{audit_identity, block_on, MemoryStore, TallyStore};
use vneid_campaign::domain::tally::validate::{check_date, check_optional_text, check_text, DateCheck, MAX_DAILY_COUNT};
use vneid_campaign::domain::vn_time::{add_days, to_vietnam};

fn campaign() -> Campaign {
    let path = format!("{}/tests/fixtures/campaigns/hcm-q3-2023.json", env!("CARGO_MANIFEST_DIR"));
    Campaign::from_json(&std::fs::read_to_string(path).unwrap()).unwrap()
}

/// One thing staff do on a device, as typed (the forms' checks decide what is saved).
#[derive(Clone, Debug)]
enum Action {
    /// Save counts for a day (days from the period's start) and a unit, with a reason,
    /// at a clock (minutes from the period's start; far ahead when the clock is wrong).
    Save { day: i64, unit: usize, counts: (u64, u64), reason: String, staff: String, clock: i64, outside_ok: bool },
    /// Add a unit with a typed name.
    AddUnit { name: String, clock: i64 },
    /// Set a target count for an indicator and a unit (or the whole campaign).
    SetTarget { indicator: usize, unit: Option<usize>, count: u64, clock: i64 },
    /// Import another device's export (its actions), under a file name.
    Import { file: String, other: Vec<Action>, clock: i64 },
}

/// Any text, with the characters that matter: `<`, `>`, controls, bidi and zero-width ones.
fn typed_text() -> impl Strategy<Value = String> {
    prop::collection::vec(
        prop_oneof![
            Just('<'), Just('>'), Just('&'), Just('"'), Just('\n'), Just('\u{0}'), Just('\u{202e}'), Just('\u{200b}'),
            Just(' '), Just('ệ'), Just('a'), Just('Z'), Just('5'), Just('/'), Just('\\'),
        ],
        0..12,
    )
    .prop_map(|chars| chars.into_iter().collect())
}

fn simple_action() -> impl Strategy<Value = Action> {
    prop_oneof![
        // Mostly a few days and close clocks, so devices collide on the same day, unit and minute.
        6 => (prop_oneof![3 => 0i64..3, 1 => -400i64..540], 0usize..4, (0u64..4, 0u64..4), typed_text(), typed_text(), prop_oneof![3 => 0i64..4, 1 => -2_000i64..600_000], any::<bool>())
            .prop_map(|(day, unit, counts, reason, staff, clock, outside_ok)| Action::Save { day, unit, counts, reason, staff, clock, outside_ok }),
        1 => (typed_text(), 0i64..4).prop_map(|(name, clock)| Action::AddUnit { name, clock }),
        1 => (0usize..2, prop::option::of(0usize..4), 0u64..5, 0i64..4)
            .prop_map(|(indicator, unit, count, clock)| Action::SetTarget { indicator, unit, count, clock }),
    ]
}

fn action() -> impl Strategy<Value = Action> {
    prop_oneof![
        8 => simple_action(),
        1 => (typed_text(), prop::collection::vec(simple_action(), 0..8), 0i64..300_000)
            .prop_map(|(file, other, clock)| Action::Import { file, other, clock }),
    ]
}

struct Device {
    id: String,
    store: MemoryStore,
}

impl Device {
    fn new(id: &str) -> Device {
        Device { id: id.into(), store: MemoryStore::new() }
    }

    fn ledger(&self, c: &Campaign) -> Ledger {
        block_on(self.store.load(&c.id)).unwrap()
    }

    fn at(&self, c: &Campaign, clock: i64, staff: Option<String>) -> Author {
        let start = vneid_campaign::domain::vn_time::vn_at(c.period.start, 7, 0);
        Author { device: self.id.clone(), staff, at: Stamp::new(start + TimeDelta::minutes(clock)) }
    }

    /// Does what the forms do: the same checks, then one batch; a refused batch is what
    /// the form would show as an error (nothing is written).
    fn act(&self, c: &Campaign, action: &Action) {
        let ledger = self.ledger(c);
        let changes = match action {
            Action::Save { day, unit, counts, reason, staff, clock, outside_ok } => {
                let units = all_units(c, &ledger);
                let Some(unit) = units.get(*unit % units.len().max(1)) else { return };
                let (Ok(reason), Ok(staff)) = (check_optional_text(reason), check_optional_text(staff)) else { return };
                let author = self.at(c, *clock, staff);
                let today = to_vietnam(author.at.0).date_naive();
                let date = add_days(c.period.start, *day);
                let outside = match check_date(c, date, today) {
                    DateCheck::Fine => false,
                    DateCheck::OutsidePeriod if *outside_ok => true,
                    _ => return,
                };
                assert!(counts.0 <= MAX_DAILY_COUNT);
                let counts = Counts::from_pairs([("applications", counts.0), ("activations", counts.1)]);
                ledger.plan_save(date, &unit.id, counts, outside, &author, reason).changes
            }
            Action::AddUnit { name, clock } => {
                let Ok(name) = check_text(name) else { return };
                let id = new_unit_id(&name, &self.id, &all_units(c, &ledger));
                ledger.plan_unit(LocalUnit { id, name, modified: self.at(c, *clock, None).at, device: self.id.clone() })
            }
            Action::SetTarget { indicator, unit, count, clock } => {
                let units = all_units(c, &ledger);
                let indicator = c.indicators[*indicator % c.indicators.len()].id.clone();
                let unit = unit.and_then(|u| units.get(u % units.len()).map(|u| u.id.clone()));
                let key = TargetSetting::key_for(&indicator, unit.as_deref(), None);
                ledger.plan_target(TargetSetting { key, indicator, unit, phase: None, count: *count, modified: self.at(c, *clock, None).at, device: self.id.clone() })
            }
            Action::Import { file, other, clock } => {
                let source = Device::new("d-other");
                for a in other {
                    source.act(c, a);
                }
                let json = source.export(c);
                let Ok(parsed) = parse_export(file, json.as_bytes(), c, &ledger) else { panic!("an export of the app was refused: {json}") };
                let preview = MergePreview::build(c, &ledger, &[(file.clone(), parsed)]);
                preview.changes(|_| Policy::Newest, &self.at(c, *clock, None))
            }
        };
        let _ = block_on(self.store.commit(&c.id, &changes));
    }

    /// The export as staff mode writes it, checked to be the same bytes as serde writes.
    fn export(&self, c: &Campaign) -> String {
        let now = Stamp::new(vneid_campaign::domain::vn_time::unix_epoch() + TimeDelta::days(19_500));
        let device = DeviceInfo { id: self.id.clone(), label: None };
        let ledger = self.ledger(c);
        let fast = String::from_utf8(export_json(c, &ledger, &device, now)).unwrap();
        assert_eq!(fast, ExportFile::build(c, &ledger, device, now).to_json());
        fast
    }

    /// Imports `files` (name, JSON) with "newest".
    fn import(&self, c: &Campaign, files: &[(&str, String)]) {
        let ledger = self.ledger(c);
        let parsed: Vec<_> = files.iter().map(|(name, json)| (name.to_string(), parse_export(name, json.as_bytes(), c, &ledger).unwrap())).collect();
        let preview = MergePreview::build(c, &ledger, &parsed);
        let author = Author { device: self.id.clone(), staff: None, at: Stamp::new(vneid_campaign::domain::vn_time::unix_epoch() + TimeDelta::days(25_000)) };
        block_on(self.store.commit(&c.id, &preview.changes(|_| Policy::Newest, &author))).unwrap();
    }
}

/// What two devices must agree on after a merge: the counts per (day, unit), units' names, targets' counts.
fn agreed(ledger: &Ledger) -> (Vec<String>, Vec<String>, Vec<String>) {
    let entries = ledger.entries.iter().map(|(k, e)| format!("{k:?}={:?}", e.counts)).collect();
    let units = ledger.units.iter().map(|u| format!("{}={}", u.id, u.name)).collect();
    let targets = ledger.targets.iter().map(|t| format!("{}={}", t.key, t.count)).collect();
    (entries, units, targets)
}

fn sorted_audit(ledger: &Ledger) -> Vec<String> {
    let mut out: Vec<String> = ledger.audit.iter().map(|a| format!("{:?} {a:?}", audit_identity(a))).collect();
    out.sort();
    out
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 200, failure_persistence: None, ..ProptestConfig::default() })]

    #[test]
    fn whatever_a_device_saves_it_can_export_and_import_again(actions in prop::collection::vec(action(), 1..25)) {
        let c = campaign();
        let device = Device::new("d-kiosk1");
        for a in &actions {
            device.act(&c, a);
        }
        let original = device.ledger(&c);
        let json = device.export(&c);
        let empty = Device::new("d-empty");
        let parsed = parse_export("export.json", json.as_bytes(), &c, &Ledger::default());
        prop_assert!(parsed.is_ok(), "refused: {:?}", parsed.err());
        empty.import(&c, &[("export.json", json)]);
        let copy = empty.ledger(&c);
        prop_assert_eq!(&copy.entries, &original.entries);
        prop_assert_eq!(&copy.units, &original.units);
        prop_assert_eq!(&copy.targets, &original.targets);
        prop_assert_eq!(sorted_audit(&copy), sorted_audit(&original));
    }

    #[test]
    fn merging_is_commutative_idempotent_and_convergent(
        a in prop::collection::vec(simple_action(), 0..15),
        b in prop::collection::vec(simple_action(), 0..15),
        x in prop::collection::vec(simple_action(), 0..15),
    ) {
        let c = campaign();
        let (da, db, dx) = (Device::new("d-a"), Device::new("d-b"), Device::new("d-x"));
        for act in &a { da.act(&c, act); }
        for act in &b { db.act(&c, act); }
        for act in &x { dx.act(&c, act); }
        let (fa, fb) = (da.export(&c), db.export(&c));

        // Commutative: two copies of device X import A's and B's files in either order.
        let (x1, x2) = (Device::new("d-x"), Device::new("d-x"));
        let fx = dx.export(&c);
        x1.import(&c, &[("x.json", fx.clone())]);
        x2.import(&c, &[("x.json", fx)]);
        x1.import(&c, &[("a.json", fa.clone()), ("b.json", fb.clone())]);
        x2.import(&c, &[("b.json", fb.clone()), ("a.json", fa.clone())]);
        prop_assert_eq!(agreed(&x1.ledger(&c)), agreed(&x2.ledger(&c)));

        // Idempotent: the same files again change nothing.
        let before = x1.ledger(&c);
        x1.import(&c, &[("a.json", fa.clone()), ("b.json", fb.clone())]);
        prop_assert_eq!(agreed(&x1.ledger(&c)), agreed(&before));

        // Convergent: A and B import each other's files and hold the same counts.
        da.import(&c, &[("b.json", fb)]);
        db.import(&c, &[("a.json", fa)]);
        prop_assert_eq!(agreed(&da.ledger(&c)), agreed(&db.ledger(&c)));
    }
}

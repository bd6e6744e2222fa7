//! Browser-only code, tested in headless Chromium with wasm-bindgen-test:
//! preference storage (localStorage and the in-memory fallback), the
//! browser clock and Vietnam time, and the page base path.
#![cfg(target_arch = "wasm32")]

use chrono::Datelike;
use vneid_campaign::domain::vn_time::{vn_today, Clock};
use vneid_campaign::web::base_path::{base_path, normalize};
use vneid_campaign::web::clock::BrowserClock;
use vneid_campaign::web::prefs::{page_memory_prefs, LocalPrefs, MemoryPrefs, PrefStore};
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

#[wasm_bindgen_test]
fn local_prefs_survive_a_new_handle_and_are_namespaced() {
    let prefs = LocalPrefs::open("test-a:").expect("localStorage is available");
    prefs.remove("lang");
    assert_eq!(prefs.get("lang"), None);
    assert!(prefs.set("lang", "en"));
    // A second handle (as after a reload) reads the same value.
    assert_eq!(LocalPrefs::open("test-a:").unwrap().get("lang").as_deref(), Some("en"));
    // Another namespace does not see it.
    assert_eq!(LocalPrefs::open("test-b:").unwrap().get("lang"), None);
    let raw = web_sys::window().unwrap().local_storage().unwrap().unwrap();
    assert_eq!(raw.get_item("test-a:lang").unwrap().as_deref(), Some("en"));
    prefs.remove("lang");
    assert_eq!(prefs.get("lang"), None);
}

#[wasm_bindgen_test]
fn memory_prefs_behave_like_storage() {
    let prefs = MemoryPrefs::default();
    assert!(prefs.set("campaign", "hcm-q3-2023"));
    assert_eq!(prefs.get("campaign").as_deref(), Some("hcm-q3-2023"));
    prefs.remove("campaign");
    assert_eq!(prefs.get("campaign"), None);
}

#[wasm_bindgen_test]
fn the_memory_fallback_is_one_store_for_the_whole_page() {
    // When localStorage is refused, every part of the page must see the same choices.
    let first = page_memory_prefs();
    assert!(first.set("kiosk", "1"));
    assert_eq!(page_memory_prefs().get("kiosk").as_deref(), Some("1"), "a second handle sees the first one's value");
    page_memory_prefs().remove("kiosk");
    assert_eq!(first.get("kiosk"), None);
}

#[wasm_bindgen_test]
fn browser_clock_reads_date_now() {
    let before = js_sys::Date::now();
    let now = BrowserClock.now();
    let after = js_sys::Date::now();
    let millis = now.timestamp_millis() as f64;
    assert!(before - 1.0 <= millis && millis <= after + 1.0, "{before} <= {millis} <= {after}");
}

#[wasm_bindgen_test]
fn vietnam_date_agrees_with_javascript_utc_plus_7() {
    // Compute the Vietnam date independently in JavaScript: shift by 7 hours, read UTC fields.
    let shifted = js_sys::Date::new(&(js_sys::Date::now() + 7.0 * 3_600_000.0).into());
    let today = vn_today(&BrowserClock);
    assert_eq!(today.year() as u32, shifted.get_utc_full_year());
    assert_eq!(today.month(), shifted.get_utc_month() + 1);
    assert_eq!(today.day(), shifted.get_utc_date());
}

#[wasm_bindgen_test]
fn base_path_follows_the_base_element() {
    let document = web_sys::window().unwrap().document().unwrap();
    let base = document.create_element("base").unwrap();
    base.set_attribute("href", "/vneid-campaign/").unwrap();
    document.head().unwrap().append_child(&base).unwrap();
    assert_eq!(base_path(), "/vneid-campaign");
    base.set_attribute("href", "/").unwrap();
    assert_eq!(base_path(), "");
    base.remove();
    assert_eq!(normalize("https://example.org/sub/"), "/sub");
    assert_eq!(normalize("sub"), "/sub");
}

// ---------------------------------------------------------------------------
// IndexedDB tally store. Each test uses its own database, deleted first so
// reruns start clean.

mod idb {
    use std::cell::{Cell, RefCell};
    use std::rc::Rc;

    use chrono::NaiveDate;
    use vneid_campaign::domain::vn_time::ymd;
    use vneid_campaign::domain::tally::ledger::{AuditRecord, Author, Change, Counts, Entry, Ledger, LocalUnit, TargetSetting};
    use vneid_campaign::domain::tally::stamp::Stamp;
    use vneid_campaign::domain::tally::store::{StoreError, TallyStore};
    use vneid_campaign::web::broadcast;
    use vneid_campaign::web::idb_store::{self, IdbStore, CURRENT_VERSION};
    use wasm_bindgen::prelude::*;
    use wasm_bindgen::JsCast;
    use wasm_bindgen_test::*;

    fn at(s: &str) -> Stamp {
        Stamp::parse(s).expect("a valid stamp")
    }

    fn entry(date: NaiveDate, unit: &str, counts: &[(&str, u64)], modified: &str) -> Entry {
        Entry { date, unit: unit.into(), counts: Counts::from_pairs(counts.iter().copied()), modified: at(modified), device: "kiosk-a".into(), staff: None, outside_period: false }
    }

    fn audit(when: &str, date: NaiveDate, unit: &str, old: &[(&str, u64)], new: &[(&str, u64)]) -> AuditRecord {
        AuditRecord {
            at: at(when),
            device: "kiosk-b".into(),
            staff: Some("Nguyễn Thị Lan".into()),
            date,
            unit: unit.into(),
            old: Counts::from_pairs(old.iter().copied()),
            new: Counts::from_pairs(new.iter().copied()),
            reason: Some("late forms".into()),
        }
    }

    fn unit(id: &str, name: &str) -> LocalUnit {
        LocalUnit { id: id.into(), name: name.into(), modified: at("2023-06-20T08:00:00+07:00"), device: "kiosk-a".into() }
    }

    fn target(key: &str, indicator: &str, unit: Option<&str>, count: u64) -> TargetSetting {
        TargetSetting { key: key.into(), indicator: indicator.into(), unit: unit.map(Into::into), phase: None, count, modified: at("2023-06-20T09:00:00+07:00"), device: "kiosk-a".into() }
    }

    fn ledger_of(changes: &[Change]) -> Ledger {
        let mut ledger = Ledger::default();
        ledger.apply(changes);
        ledger
    }

    async fn fresh(name: &str) {
        idb_store::delete_database(name).await.expect("the test database can be deleted");
    }

    async fn sleep(ms: i32) {
        let promise = js_sys::Promise::new(&mut |resolve, _| {
            web_sys::window().unwrap().set_timeout_with_callback_and_timeout_and_arguments_0(&resolve, ms).unwrap();
        });
        wasm_bindgen_futures::JsFuture::from(promise).await.unwrap();
    }

    /// A batch touching every store: two entries, an audit record, a unit, a target.
    fn full_batch() -> Vec<Change> {
        let mut second = entry(ymd(2023, 6, 21), "ward-2", &[("applications", 45), ("activations", 12)], "2023-06-21T17:30:00+07:00");
        second.staff = Some("Trần Văn Minh".into());
        second.outside_period = true;
        vec![
            Change::PutEntry(entry(ymd(2023, 6, 20), "ward-1", &[("applications", 40)], "2023-06-20T10:00:00+07:00")),
            Change::PutEntry(second),
            Change::AddAudit(audit("2023-06-21T17:30:00+07:00", ymd(2023, 6, 21), "ward-2", &[("applications", 40)], &[("applications", 45), ("activations", 12)])),
            Change::PutUnit(unit("team-a", "Tổ công tác số 1")),
            Change::PutTarget(target(&TargetSetting::key_for("applications", Some("ward-1"), None), "applications", Some("ward-1"), 500)),
        ]
    }

    #[wasm_bindgen_test]
    async fn a_batch_planned_from_stale_data_is_refused_inside_the_transaction() {
        // Two tabs: each its own connection, both load the same data.
        let name = "vneid-test-stale";
        fresh(name).await;
        let tab_a = IdbStore::open_named(name).await.unwrap();
        let tab_b = IdbStore::open_named(name).await.unwrap();
        let day = ymd(2023, 6, 20);
        let author = |at: &str| Author { device: "kiosk-a".into(), staff: None, at: Stamp::parse(at).unwrap() };
        let seen_by_a = tab_a.load("c").await.unwrap();
        let seen_by_b = tab_b.load("c").await.unwrap();
        let first = seen_by_a.plan_save(day, "ward-1", Counts::from_pairs([("applications", 5)]), false, &author("2023-06-20T10:00:00+07:00"), None);
        tab_a.commit("c", &first.changes).await.unwrap();
        let second = seen_by_b.plan_save(day, "ward-1", Counts::from_pairs([("applications", 7)]), false, &author("2023-06-20T10:05:00+07:00"), None);
        assert_eq!(tab_b.commit("c", &second.changes).await, Err(StoreError::Stale("2023-06-20 ward-1".into())));
        let stored = tab_b.load("c").await.unwrap();
        assert_eq!(stored.entry(day, "ward-1").unwrap().counts.get("applications"), 5, "the first tab's counts stay");
        assert!(stored.audit.is_empty());
        // Planned from what is stored, it goes through, with its audit record.
        let again = stored.plan_save(day, "ward-1", Counts::from_pairs([("applications", 7)]), false, &author("2023-06-20T10:06:00+07:00"), None);
        tab_b.commit("c", &again.changes).await.unwrap();
        let stored = tab_a.load("c").await.unwrap();
        assert_eq!((stored.entry(day, "ward-1").unwrap().counts.get("applications"), stored.audit.len()), (7, 1));

        // Targets: an earlier version's `campaign:<n>` record reads back under the key made
        // from its fields, and a stale target change is refused too.
        tab_a.commit("c", &[Change::PutTarget(target("campaign:0", "applications", None, 100))]).await.unwrap();
        let ledger = tab_a.load("c").await.unwrap();
        assert_eq!(ledger.targets.iter().map(|t| (t.key.as_str(), t.count)).collect::<Vec<_>>(), vec![("target:applications:*:*", 100)]);
        let stale = ledger.plan_target(target("x", "applications", None, 300));
        tab_b.commit("c", &ledger.plan_target(target("x", "applications", None, 200))).await.unwrap();
        assert!(matches!(tab_a.commit("c", &stale).await, Err(StoreError::Stale(_))));
        assert_eq!(tab_a.load("c").await.unwrap().targets[0].count, 200);
    }

    #[wasm_bindgen_test]
    async fn a_saved_batch_is_read_back_by_a_new_connection() {
        let name = "vneid-test-roundtrip";
        fresh(name).await;
        let store = IdbStore::open_named(name).await.expect("IndexedDB opens");
        assert_eq!(store.version(), CURRENT_VERSION);
        assert_eq!(store.load("hcm-q3").await.unwrap(), Ledger::default());
        assert_eq!(store.meta("device-id").await.unwrap(), None);

        let batch = full_batch();
        store.commit("hcm-q3", &batch).await.expect("the batch is stored");
        store.set_meta("device-id", "kiosk-a").await.unwrap();
        store.set_meta("staff-name", "Lan").await.unwrap();
        store.set_meta("staff-name", "Nguyễn Thị Lan").await.unwrap();
        drop(store);

        let again = IdbStore::open_named(name).await.expect("IndexedDB opens again");
        let loaded = again.load("hcm-q3").await.unwrap();
        assert_eq!(loaded, ledger_of(&batch));
        assert_eq!(loaded.entries.len(), 2);
        assert_eq!(loaded.audit.len(), 1);
        assert_eq!(loaded.entry(ymd(2023, 6, 21), "ward-2").unwrap().staff.as_deref(), Some("Trần Văn Minh"));
        assert_eq!(again.meta("device-id").await.unwrap().as_deref(), Some("kiosk-a"));
        assert_eq!(again.meta("staff-name").await.unwrap().as_deref(), Some("Nguyễn Thị Lan"));
        assert_eq!(again.meta("missing").await.unwrap(), None);

        // put replaces an entry with the same (date, unit); audit records accumulate, oldest first.
        let replacement = entry(ymd(2023, 6, 20), "ward-1", &[("applications", 41)], "2023-06-22T08:00:00+07:00");
        let older = audit("2023-06-19T07:00:00+07:00", ymd(2023, 6, 19), "ward-1", &[], &[("applications", 1)]);
        again.commit("hcm-q3", &[Change::PutEntry(replacement.clone()), Change::AddAudit(older.clone())]).await.unwrap();
        let loaded = again.load("hcm-q3").await.unwrap();
        assert_eq!(loaded.entries.len(), 2);
        assert_eq!(loaded.entry(ymd(2023, 6, 20), "ward-1"), Some(&replacement));
        assert_eq!(loaded.audit.len(), 2);
        assert_eq!(loaded.audit[0], older, "audit comes back oldest first");

        // The stored value is the domain JSON plus the campaign, under the documented key.
        let raw = raw_record(name, "entries", &["hcm-q3", "2023-06-20", "ward-1"]).await.expect("stored under [campaign, date, unit]");
        let json: serde_json::Value = serde_json::from_str(&raw).unwrap();
        assert_eq!(json["campaign"], "hcm-q3");
        assert_eq!(json["date"], "2023-06-20");
        assert_eq!(json["modified"], "2023-06-22T08:00:00+07:00");
        assert_eq!(json["counts"]["applications"], 41);
        assert!(raw_record(name, "audit", &["hcm-q3", "2023-06-21T17:30:00+07:00", "kiosk-b", "2023-06-21", "ward-2"]).await.is_some());
        assert!(raw_record(name, "units", &["hcm-q3", "team-a"]).await.is_some());
        assert!(raw_record(name, "targets", &["hcm-q3", "target:applications:ward-1:*"]).await.is_some());
    }

    /// The JSON text stored under `key` in `store`, read with plain IndexedDB calls.
    async fn raw_record(db_name: &str, store: &str, key: &[&str]) -> Option<String> {
        use indexed_db_futures::database::Database;
        use indexed_db_futures::prelude::*;
        let db = Database::open(db_name).await.unwrap();
        let key: JsValue = key.iter().map(|k| JsValue::from_str(k)).collect::<js_sys::Array>().into();
        let value = {
            let tx = db.transaction(store).build().unwrap();
            let object_store = tx.object_store(store).unwrap();
            object_store.get::<JsValue, JsValue, JsValue>(key).primitive().unwrap().await.unwrap()
        };
        db.close();
        value.map(|v| String::from(js_sys::JSON::stringify(&v).unwrap()))
    }

    /// Object store names and key paths of `db_name`, as JSON text.
    async fn schema(db_name: &str) -> (u32, Vec<(String, String)>) {
        use indexed_db_futures::database::Database;
        use indexed_db_futures::prelude::*;
        let db = Database::open(db_name).await.unwrap();
        let names: Vec<String> = db.object_store_names().collect();
        let mut out = Vec::new();
        {
            let tx = db.transaction(names.as_slice()).build().unwrap();
            for name in &names {
                let object_store = tx.object_store(name).unwrap();
                let path = object_store.key_path().map(|p| String::from(js_sys::JSON::stringify(&p.to_js()).unwrap()));
                out.push((name.clone(), path.unwrap_or_default()));
            }
        }
        let version = db.version() as u32;
        db.close();
        (version, out)
    }

    #[wasm_bindgen_test]
    async fn upgrading_from_v1_keeps_the_data_and_adds_settings() {
        let name = "vneid-test-upgrade";
        fresh(name).await;
        let v1 = IdbStore::open_at_version(name, 1).await.expect("a v1 database is created");
        assert_eq!(v1.version(), 1);
        let batch = full_batch();
        v1.commit("hcm-q3", &batch).await.unwrap();
        v1.commit("hn-2024", &[Change::PutUnit(unit("ward-9", "Phường 9"))]).await.unwrap();
        assert!(matches!(v1.meta("device-id").await, Err(StoreError::Failed(_))), "v1 has no settings store");
        drop(v1);
        let (version, stores) = schema(name).await;
        assert_eq!(version, 1);
        assert_eq!(stores.iter().map(|(n, _)| n.as_str()).collect::<Vec<_>>(), ["audit", "entries", "targets", "units"]);

        let latest = IdbStore::open_named(name).await.expect("the database upgrades");
        assert_eq!(latest.version(), CURRENT_VERSION);
        assert_eq!(latest.load("hcm-q3").await.unwrap(), ledger_of(&batch));
        assert_eq!(latest.load("hn-2024").await.unwrap().units, vec![unit("ward-9", "Phường 9")]);
        assert_eq!(latest.meta("device-id").await.unwrap(), None);
        latest.set_meta("device-id", "kiosk-z").await.unwrap();
        assert_eq!(latest.meta("device-id").await.unwrap().as_deref(), Some("kiosk-z"));
        // Writing after the upgrade still works, sync marks in the same batch as the records.
        let mark = vneid_campaign::domain::tally::sync::SyncMark { doc: "entry:2023-06-25:ward-1".into(), rev: "1-abc".into(), hash: "00ff".into(), server: "http://127.0.0.1:5984/vneid-hcm-q3".into() };
        let more = [Change::PutEntry(entry(ymd(2023, 6, 25), "ward-1", &[("applications", 3)], "2023-06-25T10:00:00+07:00")), Change::Mark(mark.clone())];
        assert!(latest.sync_marks("hcm-q3").await.unwrap().is_empty());
        latest.commit("hcm-q3", &more).await.unwrap();
        assert_eq!(latest.sync_marks("hcm-q3").await.unwrap().into_values().collect::<Vec<_>>(), vec![mark]);
        assert!(latest.sync_marks("hn-2024").await.unwrap().is_empty(), "marks are per campaign");
        let mut expected = ledger_of(&batch);
        expected.apply(&more);
        assert_eq!(latest.load("hcm-q3").await.unwrap(), expected);
        drop(latest);

        let (version, stores) = schema(name).await;
        assert_eq!(version, 3);
        assert_eq!(
            stores,
            [
                ("audit", r#"["campaign","at","device","date","unit"]"#),
                ("entries", r#"["campaign","date","unit"]"#),
                ("meta", r#""key""#),
                ("sync", r#"["campaign","doc"]"#),
                ("targets", r#"["campaign","key"]"#),
                ("units", r#"["campaign","id"]"#),
            ]
            .map(|(a, b)| (a.to_string(), b.to_string()))
        );
    }

    #[wasm_bindgen_test]
    async fn a_batch_with_a_duplicate_audit_record_writes_nothing() {
        let name = "vneid-test-rollback";
        fresh(name).await;
        let store = IdbStore::open_named(name).await.unwrap();
        let day = ymd(2023, 6, 21);
        let first = entry(day, "ward-1", &[("applications", 40)], "2023-06-21T10:00:00+07:00");
        store.commit("hcm-q3", &[Change::PutEntry(first)]).await.unwrap();
        let replaced = entry(day, "ward-1", &[("applications", 45)], "2023-06-21T17:30:00+07:00");
        let record = audit("2023-06-21T17:30:00+07:00", day, "ward-1", &[("applications", 40)], &[("applications", 45)]);
        store.commit("hcm-q3", &[Change::PutEntry(replaced), Change::AddAudit(record.clone())]).await.unwrap();
        let before = store.load("hcm-q3").await.unwrap();
        assert_eq!(before.entries.len(), 1);
        assert_eq!(before.audit.len(), 1);

        // A new entry, a new unit, then a replayed audit record: the add fails, and the whole batch with it.
        let new_day = ymd(2023, 6, 22);
        let replay = [
            Change::PutEntry(entry(new_day, "ward-1", &[("applications", 9)], "2023-06-22T09:00:00+07:00")),
            Change::PutUnit(unit("team-new", "Tổ mới")),
            Change::Mark(vneid_campaign::domain::tally::sync::SyncMark { doc: "unit:team-new".into(), rev: "1-a".into(), hash: "01".into(), server: String::new() }),
            Change::AddAudit(record.clone()),
        ];
        match store.commit("hcm-q3", &replay).await {
            Err(StoreError::Duplicate(message)) => assert!(message.contains("2023-06-21T17:30:00+07:00"), "{message}"),
            other => panic!("expected a duplicate error, got {other:?}"),
        }
        let after = store.load("hcm-q3").await.unwrap();
        assert_eq!(after, before);
        assert!(after.entry(new_day, "ward-1").is_none(), "the entry before the failed add was rolled back");
        assert!(after.units.is_empty());
        assert!(store.sync_marks("hcm-q3").await.unwrap().is_empty(), "the sync mark was rolled back with the batch");
        // A new connection sees the same.
        drop(store);
        let store = IdbStore::open_named(name).await.unwrap();
        assert_eq!(store.load("hcm-q3").await.unwrap(), before);
        assert!(raw_record(name, "entries", &["hcm-q3", "2023-06-22", "ward-1"]).await.is_none());

        // Two copies of one new record in the same batch fail too.
        let twin = audit("2023-06-23T08:00:00+07:00", day, "ward-1", &[], &[]);
        let batch = [Change::AddAudit(twin.clone()), Change::AddAudit(twin)];
        assert!(matches!(store.commit("hcm-q3", &batch).await, Err(StoreError::Duplicate(_))));
        assert_eq!(store.load("hcm-q3").await.unwrap(), before);

        // The store still works after the failures.
        let fine = [Change::PutEntry(entry(new_day, "ward-1", &[("applications", 9)], "2023-06-22T09:00:00+07:00"))];
        store.commit("hcm-q3", &fine).await.unwrap();
        assert_eq!(store.load("hcm-q3").await.unwrap().entries.len(), 2);
    }

    #[wasm_bindgen_test]
    async fn load_returns_only_the_asked_campaign() {
        let name = "vneid-test-campaigns";
        fresh(name).await;
        let store = IdbStore::open_named(name).await.unwrap();
        // "hcm" is a prefix of "hcm-2": the key range must not mix them.
        let campaigns = ["hcm", "hcm-2", "ha", "hcm\u{0}x"];
        for (i, campaign) in campaigns.iter().enumerate() {
            let n = i as u64 + 1;
            let batch = [
                Change::PutEntry(entry(ymd(2023, 6, 20), "ward-1", &[("applications", n)], "2023-06-20T10:00:00+07:00")),
                Change::AddAudit(audit("2023-06-20T11:00:00+07:00", ymd(2023, 6, 20), "ward-1", &[], &[("applications", n)])),
                Change::PutUnit(unit("team-a", &format!("Team of {campaign}"))),
                Change::PutTarget(target("campaign:0", "applications", None, 100 * n)),
            ];
            store.commit(campaign, &batch).await.unwrap();
        }
        for (i, campaign) in campaigns.iter().enumerate() {
            let n = i as u64 + 1;
            let ledger = store.load(campaign).await.unwrap();
            assert_eq!(ledger.entries.len(), 1, "{campaign}");
            assert_eq!(ledger.entry(ymd(2023, 6, 20), "ward-1").unwrap().counts.get("applications"), n);
            assert_eq!(ledger.audit.len(), 1);
            assert_eq!(ledger.audit[0].new.get("applications"), n);
            assert_eq!(ledger.units.len(), 1);
            assert_eq!(ledger.units[0].name, format!("Team of {campaign}"));
            assert_eq!(ledger.targets.len(), 1);
            assert_eq!(ledger.targets[0].count, 100 * n);
        }
        assert_eq!(store.load("h").await.unwrap(), Ledger::default());
        assert_eq!(store.load("").await.unwrap(), Ledger::default());
    }

    #[wasm_bindgen_test]
    async fn another_tab_upgrading_closes_the_connection() {
        let name = "vneid-test-versionchange";
        fresh(name).await;
        let store = IdbStore::open_named(name).await.unwrap();
        store.commit("hcm", &[Change::PutUnit(unit("a", "A"))]).await.unwrap();
        let calls = Rc::new(Cell::new(0));
        let seen = calls.clone();
        store.on_version_change(move || seen.set(seen.get() + 1));
        assert!(!store.version_changed());
        // Deleting the database sends `versionchange` to open connections, like an upgrade does.
        idb_store::delete_database(name).await.expect("our connection lets go, so deleting is not blocked");
        assert_eq!(calls.get(), 1);
        assert!(store.version_changed());
        assert_eq!(store.load("hcm").await, Err(StoreError::VersionChanged));
        assert_eq!(store.commit("hcm", &[Change::PutUnit(unit("b", "B"))]).await, Err(StoreError::VersionChanged));
        assert_eq!(store.meta("x").await, Err(StoreError::VersionChanged));
        // A late listener hears about it at once.
        let late = Rc::new(Cell::new(false));
        let flag = late.clone();
        store.on_version_change(move || flag.set(true));
        assert!(late.get());
    }

    #[wasm_bindgen_test]
    async fn an_upgrade_blocked_by_another_connection_times_out_then_completes() {
        use indexed_db_futures::database::Database;
        let name = "vneid-test-blocked";
        fresh(name).await;
        let v1 = IdbStore::open_at_version(name, 1).await.unwrap();
        v1.commit("hcm", &[Change::PutUnit(unit("a", "A"))]).await.unwrap();
        drop(v1);
        // A connection that ignores `versionchange` (an old tab) blocks the upgrade.
        let blocker = Database::open(name).with_version(1u32).await.unwrap();
        let started = js_sys::Date::now();
        let result = IdbStore::open_named(name).await;
        let waited = js_sys::Date::now() - started;
        assert!(matches!(result, Err(StoreError::Unavailable(_))), "{:?}", result.err());
        assert!(waited >= f64::from(idb_store::BLOCKED_TIMEOUT_MS) - 100.0 && waited < 15_000.0, "waited {waited} ms");
        // Once the old connection closes, the pending upgrade completes correctly in the background.
        blocker.close();
        let store = IdbStore::open_named(name).await.expect("opens after the blocker closed");
        assert_eq!(store.version(), CURRENT_VERSION);
        assert_eq!(store.load("hcm").await.unwrap().units, vec![unit("a", "A")]);
        store.set_meta("k", "v").await.unwrap();
        assert_eq!(store.meta("k").await.unwrap().as_deref(), Some("v"));
    }

    #[wasm_bindgen_test]
    async fn commits_are_announced_to_other_tabs_only() {
        let name = "vneid-test-broadcast";
        fresh(name).await;
        // This page's listener: must hear other tabs, never its own commits.
        let heard = Rc::new(RefCell::new(Vec::<String>::new()));
        let sink = heard.clone();
        let listener = broadcast::listen_for_other_tabs(move |campaign| sink.borrow_mut().push(campaign));
        assert!(listener.is_some());
        // "Another tab": a separate channel object with the same name.
        let other = web_sys::BroadcastChannel::new(broadcast::CHANNEL_NAME).unwrap();
        let received = Rc::new(RefCell::new(Vec::<String>::new()));
        let inbox = received.clone();
        let on_message = Closure::<dyn FnMut(web_sys::MessageEvent)>::new(move |event: web_sys::MessageEvent| {
            inbox.borrow_mut().push(String::from(js_sys::JSON::stringify(&event.data()).unwrap()));
        });
        other.set_onmessage(Some(on_message.as_ref().unchecked_ref()));

        let store = IdbStore::open_named(name).await.unwrap();
        store.commit("bc-campaign", &[Change::PutUnit(unit("a", "A"))]).await.unwrap();
        // A failed commit is not announced.
        store.commit("bc-campaign", &[Change::AddAudit(audit("2023-06-20T11:00:00+07:00", ymd(2023, 6, 20), "u", &[], &[])), Change::AddAudit(audit("2023-06-20T11:00:00+07:00", ymd(2023, 6, 20), "u", &[], &[]))]).await.unwrap_err();
        for _ in 0..50 {
            if !received.borrow().is_empty() {
                break;
            }
            sleep(20).await;
        }
        sleep(100).await;
        assert_eq!(*received.borrow(), vec![r#"{"campaign":"bc-campaign"}"#.to_string()]);
        assert!(heard.borrow().is_empty(), "a tab does not hear its own commits: {:?}", heard.borrow());

        let message = js_sys::JSON::parse(r#"{"campaign":"from-another-tab"}"#).unwrap();
        other.post_message(&message).unwrap();
        other.post_message(&JsValue::from_str("not a notice")).unwrap();
        for _ in 0..50 {
            if !heard.borrow().is_empty() {
                break;
            }
            sleep(20).await;
        }
        sleep(100).await;
        assert_eq!(*heard.borrow(), vec!["from-another-tab".to_string()]);
        // Dropping the listener removes it: later notices are not heard.
        drop(listener);
        other.post_message(&js_sys::JSON::parse(r#"{"campaign":"after-drop"}"#).unwrap()).unwrap();
        sleep(200).await;
        assert_eq!(*heard.borrow(), vec!["from-another-tab".to_string()]);
        other.close();
    }

    #[wasm_bindgen_test]
    async fn persistence_can_be_asked_and_read() {
        let asked = idb_store::request_persistence().await;
        let state = idb_store::is_persisted().await;
        assert!(asked.is_some(), "Chromium supports navigator.storage.persist");
        assert!(state.is_some(), "Chromium supports navigator.storage.persisted");
        if asked == Some(true) {
            assert_eq!(state, Some(true));
        }
    }
}

/// Staff mode mounted as a component, as the Leptos `counters` example mounts its own:
/// the entry form checks a count as it is typed.
#[cfg(feature = "staff")]
mod component {
    use wasm_bindgen::JsCast;
    use wasm_bindgen_test::*;

    async fn sleep(ms: i32) {
        let promise = js_sys::Promise::new(&mut |resolve, _| {
            web_sys::window().unwrap().set_timeout_with_callback_and_timeout_and_arguments_0(&resolve, ms).unwrap();
        });
        wasm_bindgen_futures::JsFuture::from(promise).await.unwrap();
    }

    /// Waits up to five seconds for `selector` to match.
    async fn find(parent: &web_sys::Element, selector: &str) -> web_sys::Element {
        for _ in 0..100 {
            if let Ok(Some(found)) = parent.query_selector(selector) {
                return found;
            }
            sleep(50).await;
        }
        panic!("{selector} never appeared");
    }

    #[wasm_bindgen_test]
    async fn the_entry_form_refuses_a_negative_count_as_it_is_typed() {
        let document = web_sys::window().unwrap().document().unwrap();
        let parent: web_sys::HtmlElement = document.create_element("div").unwrap().unchecked_into();
        document.body().unwrap().append_child(&parent).unwrap();
        let mounted = leptos::mount::mount_to(parent.clone(), vneid_campaign::staff::StaffApp);
        let input: web_sys::HtmlInputElement = find(&parent, "input[data-indicator]").await.unchecked_into();
        assert_eq!(input.get_attribute("aria-invalid"), None, "nothing typed, nothing wrong");
        input.set_value("-3");
        input.dispatch_event(&web_sys::Event::new("input").unwrap()).unwrap();
        let error = find(&parent, ".count-field .field-error").await;
        assert_eq!(input.get_attribute("aria-invalid").as_deref(), Some("true"));
        assert!(!error.text_content().unwrap_or_default().trim().is_empty());
        input.set_value("12");
        input.dispatch_event(&web_sys::Event::new("input").unwrap()).unwrap();
        sleep(50).await;
        assert_eq!(input.get_attribute("aria-invalid"), None, "a whole count is fine");
        drop(mounted);
        parent.remove();
    }

    /// These tests build with the live deployment (`public/campaigns/`), which names no sync server.
    #[wasm_bindgen_test]
    async fn without_a_sync_server_the_data_section_keeps_file_export_and_import_and_shows_no_sync() {
        assert!(vneid_campaign::domain::presets::Deployment::built_in().unwrap().sync.is_none(), "the live deployment names no server");
        let window = web_sys::window().unwrap();
        let before = window.location().search().unwrap_or_default();
        window.history().unwrap().replace_state_with_url(&wasm_bindgen::JsValue::NULL, "", Some("?v=data")).unwrap();
        let document = window.document().unwrap();
        let parent: web_sys::HtmlElement = document.create_element("div").unwrap().unchecked_into();
        document.body().unwrap().append_child(&parent).unwrap();
        let mounted = leptos::mount::mount_to(parent.clone(), vneid_campaign::staff::StaffApp);
        let off = find(&parent, "[data-sync-off]").await;
        assert!(!off.text_content().unwrap_or_default().trim().is_empty());
        find(&parent, "#export-json").await;
        find(&parent, "#import-files").await;
        assert!(parent.query_selector(".sync-line").unwrap().is_none(), "no status line without a server");
        assert!(parent.query_selector("#sync-user").unwrap().is_none(), "no sign-in without a server");
        drop(mounted);
        parent.remove();
        window.history().unwrap().replace_state_with_url(&wasm_bindgen::JsValue::NULL, "", Some(if before.is_empty() { "?" } else { &before })).unwrap();
    }
}

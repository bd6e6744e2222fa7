//! Sync against a CouchDB in memory: revisions, 409 on a stale one, `_changes` pages,
//! branches (CouchDB conflicts), and a server that stops answering.

use std::cell::{Cell, RefCell};
use std::collections::BTreeMap;

use serde_json::{json, Value};

use super::couch::{self, SyncError};
use super::engine::{self, Target, Transport};
use super::*;
use crate::domain::tally::ledger::{Author, Counts, Ledger, LocalUnit};
use crate::domain::tally::store::{block_on, MemoryStore, TallyStore};
use crate::domain::vn_time::{vn_at, ymd};

/// One document: its winning revision and its losing ones.
#[derive(Clone, Default)]
struct Doc {
    generation: u32,
    rev: String,
    body: Value,
    losing: Vec<(String, Value)>,
    seq: u64,
    deleted: bool,
}

/// A CouchDB in memory, enough for sync: `_changes`, `_bulk_docs`, `_all_docs` with keys,
/// a revision by `?rev=`.
#[derive(Default)]
struct FakeCouch {
    docs: RefCell<BTreeMap<String, Doc>>,
    seq: Cell<u64>,
    /// Requests answered before the server stops (none: never stops).
    answers_left: Cell<Option<usize>>,
    requests: Cell<usize>,
}

fn query<'a>(url: &'a str, key: &str) -> Option<&'a str> {
    url.split_once('?')?.1.split('&').find_map(|kv| kv.strip_prefix(key).and_then(|r| r.strip_prefix('=')))
}

fn decode(s: &str) -> String {
    let mut out = Vec::new();
    let b = s.as_bytes();
    let mut i = 0;
    while i < b.len() {
        if b[i] == b'%' {
            out.push(u8::from_str_radix(&s[i + 1..i + 3], 16).unwrap());
            i += 3;
        } else {
            out.push(b[i]);
            i += 1;
        }
    }
    String::from_utf8(out).unwrap()
}

impl FakeCouch {
    fn with_body(id: &str, d: &Doc, body: &Value, rev: &str) -> Value {
        let mut v = body.clone();
        v["_id"] = json!(id);
        v["_rev"] = json!(rev);
        if !d.losing.is_empty() && rev == d.rev {
            v["_conflicts"] = json!(d.losing.iter().map(|(r, _)| r.clone()).collect::<Vec<_>>());
        }
        v
    }

    fn next_seq(&self) -> u64 {
        self.seq.set(self.seq.get() + 1);
        self.seq.get()
    }

    /// Deletes a document (what an administrator may do on the server).
    fn delete(&self, id: &str) {
        let seq = self.next_seq();
        let mut docs = self.docs.borrow_mut();
        let d = docs.get_mut(id).unwrap();
        d.generation += 1;
        d.rev = format!("{}-del", d.generation);
        d.deleted = true;
        d.seq = seq;
    }

    /// Writes a branch beside the winner (what a replication from elsewhere may leave).
    fn add_branch(&self, id: &str, body: Value) {
        let seq = self.next_seq();
        let mut docs = self.docs.borrow_mut();
        let d = docs.get_mut(id).unwrap();
        d.losing.push((format!("{}-branch{seq}", d.generation), body));
        d.seq = seq;
    }

    fn answer(&self, method: &str, url: &str, body: Option<&str>) -> Result<(u16, String), SyncError> {
        self.requests.set(self.requests.get() + 1);
        if let Some(left) = self.answers_left.get() {
            if left == 0 {
                return Err(SyncError::Unreachable("connection refused".into()));
            }
            self.answers_left.set(Some(left - 1));
        }
        // Any server's address: what follows the database's name.
        let path = url.split('?').next().unwrap();
        let path = &path[path.find("/vneid-c").unwrap() + "/vneid-c".len()..];
        match (method, path) {
            ("GET", "/_changes") => {
                let since: u64 = query(url, "since").unwrap().parse().unwrap();
                let limit: usize = query(url, "limit").unwrap().parse().unwrap();
                let docs = self.docs.borrow();
                let mut rows: Vec<(&String, &Doc)> = docs.iter().filter(|(_, d)| d.seq > since).collect();
                rows.sort_by_key(|(_, d)| d.seq);
                rows.truncate(limit);
                let last = rows.last().map_or(since, |(_, d)| d.seq);
                let results: Vec<Value> = rows
                    .iter()
                    .map(|(id, d)| match d.deleted {
                        true => json!({ "seq": d.seq, "id": id, "changes": [{ "rev": d.rev }], "deleted": true, "doc": { "_id": id, "_rev": d.rev, "_deleted": true } }),
                        false => json!({ "seq": d.seq, "id": id, "changes": [{ "rev": d.rev }], "doc": Self::with_body(id, d, &d.body, &d.rev) }),
                    })
                    .collect();
                Ok((200, json!({ "results": results, "last_seq": last }).to_string()))
            }
            ("POST", "/_bulk_docs") => {
                let req: Value = serde_json::from_str(body.unwrap()).unwrap();
                let mut out = Vec::new();
                for doc in req["docs"].as_array().unwrap() {
                    let id = doc["_id"].as_str().unwrap().to_string();
                    let rev = doc.get("_rev").and_then(Value::as_str).map(str::to_string);
                    let mut content = doc.clone();
                    content.as_object_mut().unwrap().retain(|k, _| !k.starts_with('_'));
                    let seq = self.next_seq();
                    let mut docs = self.docs.borrow_mut();
                    let held = docs.get_mut(&id);
                    let deleting = doc.get("_deleted").and_then(Value::as_bool).unwrap_or(false);
                    match (held, rev) {
                        (Some(d), Some(r)) if deleting && d.losing.iter().any(|(l, _)| *l == r) => {
                            d.losing.retain(|(l, _)| *l != r);
                            d.seq = seq;
                            out.push(json!({ "ok": true, "id": id, "rev": format!("{}-deleted", d.generation + 1) }));
                        }
                        (Some(d), None) if d.deleted && !deleting => {
                            d.generation += 1;
                            d.rev = format!("{}-{:x}", d.generation, seq);
                            d.body = content;
                            d.seq = seq;
                            d.deleted = false;
                            out.push(json!({ "ok": true, "id": id, "rev": d.rev }));
                        }
                        (Some(d), Some(r)) if d.rev == r && !deleting && !d.deleted => {
                            d.generation += 1;
                            d.rev = format!("{}-{:x}", d.generation, seq);
                            d.body = content;
                            d.seq = seq;
                            out.push(json!({ "ok": true, "id": id, "rev": d.rev }));
                        }
                        (None, None) if !deleting => {
                            let d = Doc { generation: 1, rev: format!("1-{seq:x}"), body: content, losing: Vec::new(), seq, deleted: false };
                            out.push(json!({ "ok": true, "id": id, "rev": d.rev }));
                            docs.insert(id, d);
                        }
                        _ => out.push(json!({ "id": id, "error": "conflict", "reason": "Document update conflict." })),
                    }
                }
                Ok((201, Value::Array(out).to_string()))
            }
            ("POST", "/_all_docs") => {
                let req: Value = serde_json::from_str(body.unwrap()).unwrap();
                let docs = self.docs.borrow();
                let rows: Vec<Value> = req["keys"].as_array().unwrap().iter().map(|k| {
                    let id = k.as_str().unwrap();
                    match docs.get(id) {
                        Some(d) if d.deleted => json!({ "id": id, "key": id, "value": { "rev": d.rev, "deleted": true }, "doc": null }),
                        Some(d) => json!({ "id": id, "key": id, "value": { "rev": d.rev }, "doc": Self::with_body(id, d, &d.body, &d.rev) }),
                        None => json!({ "key": id, "error": "not_found" }),
                    }
                }).collect();
                Ok((200, json!({ "rows": rows }).to_string()))
            }
            ("GET", doc_path) => {
                let id = decode(doc_path.trim_start_matches('/'));
                let rev = decode(query(url, "rev").unwrap());
                let docs = self.docs.borrow();
                let d = docs.get(&id).unwrap();
                let body = if rev == d.rev { &d.body } else { &d.losing.iter().find(|(r, _)| *r == rev).unwrap().1 };
                Ok((200, Self::with_body(&id, d, body, &rev).to_string()))
            }
            _ => Ok((404, json!({ "error": "not_found", "reason": "missing" }).to_string())),
        }
    }
}

impl Transport for FakeCouch {
    async fn get(&self, url: &str) -> Result<(u16, String), SyncError> {
        self.answer("GET", url, None)
    }
    async fn post(&self, url: &str, body: &str) -> Result<(u16, String), SyncError> {
        self.answer("POST", url, Some(body))
    }
}

/// A device: its store and id.
struct Device {
    store: MemoryStore,
    id: &'static str,
}

const CAMPAIGN: &str = "c";
const DB_URL: &str = "http://couch.test/vneid-c";

impl Device {
    fn new(id: &'static str) -> Device {
        Device { store: MemoryStore::new(), id }
    }

    fn author(&self, hour: u32) -> Author {
        Author { device: self.id.into(), staff: None, at: Stamp::new(vn_at(ymd(2023, 6, 21), hour, 0)) }
    }

    fn ledger(&self) -> Ledger {
        block_on(self.store.load(CAMPAIGN)).unwrap()
    }

    fn save(&self, unit: &str, count: u64, hour: u32) {
        let plan = self.ledger().plan_save(ymd(2023, 6, 21), unit, Counts::from_pairs([("applications", count)]), false, &self.author(hour), None);
        block_on(self.store.commit(CAMPAIGN, &plan.changes)).unwrap();
    }

    fn count(&self, unit: &str) -> Option<u64> {
        self.ledger().entry(ymd(2023, 6, 21), unit).map(|e| e.counts.get("applications"))
    }

    fn target(&self) -> Target<'static> {
        Target { campaign: CAMPAIGN, database: "vneid-c", database_url: DB_URL, device: self.id, label: "" }
    }

    fn sync(&self, server: &FakeCouch, hour: u32) -> Result<engine::Summary, SyncError> {
        block_on(engine::sync_once(&self.store, server, &self.target(), self.author(hour).at))
    }

    fn state(&self) -> SyncState {
        block_on(engine::load_state(&self.store, CAMPAIGN, DB_URL)).unwrap()
    }

    fn waiting(&self) -> usize {
        let marks = block_on(engine::Local::read(&self.store, CAMPAIGN, DB_URL)).unwrap().marks;
        engine::waiting(&self.ledger(), &marks, &self.state())
    }

    /// Keeps the `keep`-th version as shown now.
    fn resolve(&self, keep: usize, hour: u32) -> engine::Resolved {
        let conflict = self.state().conflicts[0].clone();
        let ledger = self.ledger();
        let current = ledger.entry(conflict.server.date, &conflict.server.unit);
        let kept = conflict.versions(current)[keep].clone();
        block_on(engine::resolve_conflict(&self.store, &self.target(), &conflict.doc, &kept, &self.author(hour))).unwrap()
    }
}

fn same_data(a: &Device, b: &Device) {
    let (la, lb) = (a.ledger(), b.ledger());
    assert_eq!(la.entries, lb.entries);
    let ids = |l: &Ledger| l.audit.iter().map(crate::domain::tally::store::audit_identity).collect::<std::collections::BTreeSet<_>>();
    assert_eq!(ids(&la), ids(&lb));
    assert_eq!(la.units, lb.units);
}

#[test]
fn two_devices_share_counts_through_the_server() {
    let server = FakeCouch::default();
    let (a, b) = (Device::new("kiosk-a"), Device::new("kiosk-b"));
    a.save("ward-1", 40, 9);
    assert_eq!(a.waiting(), 1);
    let summary = a.sync(&server, 10).unwrap();
    assert_eq!(summary.pushed, 2, "the entry and the device's own record");
    assert_eq!(a.waiting(), 0);
    b.save("ward-2", 7, 9);
    b.sync(&server, 10).unwrap();
    assert_eq!(b.count("ward-1"), Some(40));
    a.sync(&server, 11).unwrap();
    assert_eq!(a.count("ward-2"), Some(7));
    same_data(&a, &b);
    // Each knows the other and when it last synced.
    assert_eq!(a.state().devices.keys().collect::<Vec<_>>(), ["kiosk-a", "kiosk-b"]);
    assert_eq!(a.state().devices["kiosk-b"].synced.to_rfc3339(), "2023-06-21T10:00:00+07:00");
    // A sync with nothing new writes nothing (the device record is fresh).
    let before = server.seq.get();
    assert_eq!(a.sync(&server, 11).unwrap(), engine::Summary::default());
    assert_eq!(server.seq.get(), before);
}

#[test]
fn an_edit_after_seeing_the_other_version_is_not_a_conflict() {
    let server = FakeCouch::default();
    let (a, b) = (Device::new("kiosk-a"), Device::new("kiosk-b"));
    a.save("ward-1", 40, 9);
    a.sync(&server, 9).unwrap();
    b.sync(&server, 9).unwrap();
    b.save("ward-1", 45, 10);
    b.sync(&server, 10).unwrap();
    let summary = a.sync(&server, 11).unwrap();
    assert_eq!(summary.conflicts, 0);
    assert_eq!(a.count("ward-1"), Some(45));
    // B's audit record of 40 → 45 reached A.
    assert_eq!(a.ledger().history(ymd(2023, 6, 21), "ward-1")[0].old.get("applications"), 40);
    same_data(&a, &b);
}

#[test]
fn offline_edits_on_both_sides_are_a_conflict_until_staff_choose() {
    let server = FakeCouch::default();
    let (a, b) = (Device::new("kiosk-a"), Device::new("kiosk-b"));
    a.save("ward-1", 40, 9);
    a.sync(&server, 9).unwrap();
    b.sync(&server, 9).unwrap();
    // Both change it while offline; A syncs first.
    a.save("ward-1", 41, 10);
    b.save("ward-1", 50, 10);
    a.sync(&server, 11).unwrap();
    let summary = b.sync(&server, 11).unwrap();
    assert_eq!(summary.conflicts, 1);
    // Nothing was overwritten: B keeps its 50, the server keeps A's 41.
    assert_eq!(b.count("ward-1"), Some(50));
    let conflict = &b.state().conflicts[0];
    assert_eq!(conflict.versions(None).iter().map(|e| (e.counts.get("applications"), e.device.as_str())).collect::<Vec<_>>(), [(50, "kiosk-b"), (41, "kiosk-a")]);
    assert_eq!(b.waiting(), 0, "the entry in conflict is not pushed");
    // Syncing again changes nothing while it waits.
    b.sync(&server, 12).unwrap();
    assert_eq!(b.state().conflicts.len(), 1);
    // A takes B's audit record (40 → 50: B did replace 40 here) but keeps 41 and sees no conflict.
    let summary = a.sync(&server, 12).unwrap();
    assert_eq!((summary.pulled, summary.conflicts), (1, 0));
    assert_eq!(a.count("ward-1"), Some(41));

    // B keeps its own version: it is written over the server's, with an audit record (in the
    // same second as B's own save of it: the record takes the next second).
    assert_eq!(b.resolve(0, 10), engine::Resolved::Done);
    assert!(b.state().conflicts.is_empty());
    // A second click on a settled conflict does nothing.
    let kept = b.ledger().entry(ymd(2023, 6, 21), "ward-1").cloned().unwrap();
    assert_eq!(block_on(engine::resolve_conflict(&b.store, &b.target(), &entry_doc_id(ymd(2023, 6, 21), "ward-1"), &kept, &b.author(10))), Ok(engine::Resolved::Gone));
    b.sync(&server, 13).unwrap();
    a.sync(&server, 14).unwrap();
    assert_eq!(a.count("ward-1"), Some(50));
    let history = a.ledger().history(ymd(2023, 6, 21), "ward-1").into_iter().cloned().collect::<Vec<_>>();
    assert_eq!((history[0].old.get("applications"), history[0].new.get("applications")), (41, 50));
    assert_eq!(history[0].reason.as_deref(), Some(SYNC_CONFLICT_REASON));
    same_data(&a, &b);
    assert!(a.state().conflicts.is_empty() && b.state().conflicts.is_empty());
}

#[test]
fn keeping_the_servers_version_keeps_this_devices_counts_in_the_audit_trail() {
    let server = FakeCouch::default();
    let (a, b) = (Device::new("kiosk-a"), Device::new("kiosk-b"));
    a.save("ward-1", 41, 10);
    b.save("ward-1", 50, 10);
    a.sync(&server, 11).unwrap();
    b.sync(&server, 11).unwrap();
    assert_eq!(b.state().conflicts.len(), 1, "both added the same day and unit");
    b.resolve(1, 12);
    assert_eq!(b.count("ward-1"), Some(41));
    let history = b.ledger().history(ymd(2023, 6, 21), "ward-1").into_iter().cloned().collect::<Vec<_>>();
    assert_eq!((history[0].old.get("applications"), history[0].new.get("applications")), (50, 41));
    b.sync(&server, 12).unwrap();
    a.sync(&server, 13).unwrap();
    same_data(&a, &b);
    assert_eq!(a.ledger().audit.len(), 1, "the audit record reached the other device");
}

#[test]
fn a_branch_on_the_server_is_shown_and_its_losing_revision_deleted() {
    let server = FakeCouch::default();
    let (a, b) = (Device::new("kiosk-a"), Device::new("kiosk-b"));
    a.save("ward-1", 40, 9);
    a.sync(&server, 9).unwrap();
    let id = entry_doc_id(ymd(2023, 6, 21), "ward-1");
    let mut other = server.docs.borrow()[&id].body.clone();
    other["record"]["counts"]["applications"] = json!(44);
    other["record"]["device"] = json!("kiosk-z");
    server.add_branch(&id, other);
    b.sync(&server, 10).unwrap();
    let conflict = b.state().conflicts[0].clone();
    assert_eq!(conflict.mine, None);
    assert_eq!(conflict.versions(None).iter().map(|e| e.counts.get("applications")).collect::<Vec<_>>(), [40, 44]);
    b.resolve(1, 11);
    b.sync(&server, 11).unwrap();
    assert!(server.docs.borrow()[&id].losing.is_empty(), "the losing revision was deleted");
    assert_eq!(server.docs.borrow()[&id].body["record"]["counts"]["applications"], json!(44));
    a.sync(&server, 12).unwrap();
    assert_eq!(a.count("ward-1"), Some(44));
    same_data(&a, &b);
}

#[test]
fn a_server_that_stops_mid_sync_loses_nothing_and_the_pull_resumes_from_its_checkpoint() {
    let server = FakeCouch::default();
    let (a, b) = (Device::new("kiosk-a"), Device::new("kiosk-b"));
    let units = couch::CHANGES_PAGE + 500;
    let author = a.author(9);
    let mut ledger = a.ledger();
    for i in 0..units {
        let plan = ledger.plan_save(ymd(2023, 6, 21), &format!("u{i:05}"), Counts::from_pairs([("applications", i as u64)]), false, &author, None);
        ledger.apply(&plan.changes);
        block_on(a.store.commit(CAMPAIGN, &plan.changes)).unwrap();
    }
    // The push stops after its first page: that page is marked, the rest still waits.
    server.answers_left.set(Some(2));
    assert!(matches!(a.sync(&server, 10), Err(SyncError::Unreachable(_))));
    assert_eq!(a.waiting(), 500, "the second page waits");
    server.answers_left.set(None);
    a.sync(&server, 10).unwrap();
    assert_eq!(a.waiting(), 0);

    // B's pull stops after its first page of changes: that page is stored with its checkpoint.
    server.answers_left.set(Some(1));
    assert!(matches!(b.sync(&server, 11), Err(SyncError::Unreachable(_))));
    assert_eq!(b.ledger().entries.len(), couch::CHANGES_PAGE);
    let checkpoint = b.state().since.clone();
    assert!(checkpoint.is_some());
    server.answers_left.set(None);
    let requests = server.requests.get();
    b.sync(&server, 12).unwrap();
    assert_eq!(b.ledger().entries.len(), units);
    assert_eq!(server.requests.get() - requests, 2, "one page from the checkpoint, then the device record");
    same_data(&a, &b);
}

#[test]
fn a_document_that_is_not_a_count_record_is_listed_skipped_and_stops_nothing() {
    let server = FakeCouch::default();
    let a = Device::new("kiosk-a");
    a.save("ward-1", 40, 9);
    server.docs.borrow_mut().insert("entry:2023-06-20:ward-9".into(), Doc { generation: 1, rev: "1-x".into(), body: json!({ "type": "entry", "record": { "unit": "ward-9" } }), losing: vec![], seq: 1, deleted: false });
    // A record filed under another record's id is refused too.
    let mut doc = Doc { generation: 1, rev: "1-y".into(), seq: 2, ..Default::default() };
    doc.body = json!({ "type": "unit", "record": { "id": "w9", "name": "W9", "modified": "2023-06-21T09:00:00+07:00", "device": "z" } });
    server.docs.borrow_mut().insert("unit:w8".into(), doc);
    server.seq.set(2);
    let before = a.ledger();
    a.sync(&server, 10).unwrap();
    let refused = a.state().refused;
    assert!(refused["entry:2023-06-20:ward-9"].contains("is not a count record"), "{refused:?}");
    assert!(refused["unit:w8"].contains("holds the record of \"unit:w9\""), "{refused:?}");
    assert_eq!(a.ledger(), before, "nothing of them is stored");
    // This device's own counts still reached the server.
    assert!(server.docs.borrow().contains_key("entry:2023-06-21:ward-1"));
    assert_eq!(a.waiting(), 0);
    assert!(matches!(couch::read_changes("{}"), Err(SyncError::BadAnswer(m)) if m.contains("results")));
    assert!(matches!(couch::read_bulk_results("[]", 2), Err(SyncError::BadAnswer(m)) if m.contains("0 results for 2")));
}

#[test]
fn a_new_server_gets_everything_and_a_document_deleted_on_the_server_is_sent_again() {
    let first = FakeCouch::default();
    let a = Device::new("kiosk-a");
    a.save("ward-1", 40, 9);
    a.save("ward-2", 7, 9);
    a.sync(&first, 9).unwrap();
    // An administrator deletes one document on the server: the device sends it again.
    let id = entry_doc_id(ymd(2023, 6, 21), "ward-2");
    first.delete(&id);
    a.sync(&first, 10).unwrap();
    assert!(!first.docs.borrow()[&id].deleted, "sent again");
    assert_eq!(first.docs.borrow()[&id].body["record"]["counts"]["applications"], json!(7));
    // Changed here while the server's copy is deleted: the push meets a deleted document,
    // reads it, and sends the record anew.
    a.save("ward-2", 8, 10);
    first.delete(&id);
    // (The pull sees the deletion first here; either way the record arrives.)
    a.sync(&first, 10).unwrap();
    assert_eq!(first.docs.borrow()[&id].body["record"]["counts"]["applications"], json!(8));
    assert_eq!(a.waiting(), 0);
    // The deployment moves to another server (or database): nothing there yet, so
    // everything is sent, whatever the marks of the first server say.
    let second = FakeCouch::default();
    let target = Target { database_url: "http://other.test/vneid-c", ..a.target() };
    block_on(engine::sync_once(&a.store, &second, &target, a.author(11).at)).unwrap();
    assert!(second.docs.borrow().contains_key(&entry_doc_id(ymd(2023, 6, 21), "ward-1")));
    assert!(second.docs.borrow().contains_key(&id));
}

#[test]
fn keeping_this_devices_version_keeps_what_it_holds_now_and_a_changed_choice_writes_nothing() {
    let server = FakeCouch::default();
    let (a, b) = (Device::new("kiosk-a"), Device::new("kiosk-b"));
    a.save("ward-1", 41, 10);
    b.save("ward-1", 50, 10);
    a.sync(&server, 11).unwrap();
    b.sync(&server, 11).unwrap();
    let shown = b.state().conflicts[0].clone();
    let shown_mine = shown.versions(b.ledger().entry(ymd(2023, 6, 21), "ward-1"))[0].clone();
    // Staff save again before choosing: the conflict now shows 52 as this device's version.
    b.save("ward-1", 52, 12);
    let before = b.ledger();
    assert_eq!(block_on(engine::resolve_conflict(&b.store, &b.target(), &shown.doc, &shown_mine, &b.author(12))), Ok(engine::Resolved::Changed));
    assert_eq!(b.ledger(), before, "a choice among versions that changed since writes nothing");
    assert_eq!(b.resolve(0, 12), engine::Resolved::Done);
    assert_eq!(b.count("ward-1"), Some(52));
    b.sync(&server, 13).unwrap();
    a.sync(&server, 13).unwrap();
    assert_eq!(a.count("ward-1"), Some(52));
    same_data(&a, &b);
}

#[test]
fn units_take_the_newest_name_without_asking() {
    let server = FakeCouch::default();
    let (a, b) = (Device::new("kiosk-a"), Device::new("kiosk-b"));
    let unit = |name: &str, device: &str, hour| LocalUnit { id: "team-9".into(), name: name.into(), modified: Stamp::new(vn_at(ymd(2023, 6, 21), hour, 0)), device: device.into() };
    block_on(a.store.commit(CAMPAIGN, &a.ledger().plan_unit(unit("Team 9", "kiosk-a", 9)))).unwrap();
    block_on(b.store.commit(CAMPAIGN, &b.ledger().plan_unit(unit("Tổ 9", "kiosk-b", 10)))).unwrap();
    a.sync(&server, 11).unwrap();
    b.sync(&server, 11).unwrap();
    a.sync(&server, 12).unwrap();
    assert_eq!(a.ledger().units[0].name, "Tổ 9");
    same_data(&a, &b);
    assert!(a.state().conflicts.is_empty() && b.state().conflicts.is_empty());
}

#[test]
fn errors_say_what_the_server_answered() {
    assert_eq!(couch::http_error(401, r#"{"error":"unauthorized","reason":"You are not authorized"}"#, "db"), SyncError::SignedOut);
    assert_eq!(couch::http_error(403, "{}", "vneid-x"), SyncError::Forbidden("vneid-x".into()));
    assert_eq!(couch::http_error(500, r#"{"error":"x","reason":"disk full"}"#, "db"), SyncError::Refused(500, "disk full".into()));
    assert_eq!(couch::read_session(r#"{"ok":true,"userCtx":{"name":"alice","roles":[]}}"#), Ok(Some("alice".into())));
    assert_eq!(couch::read_session(r#"{"ok":true,"userCtx":{"name":null,"roles":[]}}"#), Ok(None));
    assert_eq!(couch::encode("entry:2023-06-21:phường 1"), "entry%3A2023-06-21%3Aph%C6%B0%E1%BB%9Dng%201");
    assert_eq!((1..=9).map(backoff_seconds).collect::<Vec<_>>(), [5, 10, 20, 40, 80, 160, 300, 300, 300]);
}

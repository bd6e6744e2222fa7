//! Syncing one campaign's counts with a CouchDB database, offline first.
//!
//! Every record is one CouchDB document (`entry:<date>:<unit>`, `audit:…`, `unit:<id>`,
//! `target:…`, and one `device:<id>` per device). A device keeps, per document, a
//! [`SyncMark`]: the revision the server held at the last sync and the hash of the record
//! that matched it. A record whose hash differs from its mark has changed here since.
//!
//! - **Push** writes changed records with the revision they were based on
//!   (`_bulk_docs`); the server refuses a stale one (`conflict`), so nothing on the server
//!   is overwritten unseen. Audit records are new documents only (append-only).
//! - **Pull** reads `_changes` from a checkpoint. A record unchanged here takes the
//!   server's version; a record changed here *and* on the server is a [`SyncConflict`],
//!   shown to staff with every version, and nothing is written until they choose.
//!   Units and targets take the newest version (the same order as import), as import does.
//! - A document the server holds with CouchDB conflicts (`_conflicts`, written through
//!   another path such as a cluster) is shown the same way; resolving it deletes the losing
//!   revisions.
//!
//! Records and their marks are written in one batch ([`Change::Mark`]), so a pull stopped
//! halfway is read again from the checkpoint and changes nothing twice.

pub mod couch;
pub mod engine;
#[cfg(test)]
mod tests;

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};
use serde_json::Value;

use super::ledger::{AuditRecord, Author, Change, Entry, Expected, Ledger, LocalUnit, TargetSetting};
use super::stamp::Stamp;
use super::store::audit_identity;

/// What the server held for one document at the last sync, and the record that matched it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct SyncMark {
    /// The document id.
    pub doc: String,
    /// The server's revision.
    pub rev: String,
    /// [`Record::hash`] of the record the revision holds (empty with an empty `rev`: the
    /// server holds no version, deleted or never written, and the record is sent anew).
    pub hash: String,
    /// The database the mark is about (its address); marks of another server or database
    /// are not used, so a deployment that changes servers sends everything again.
    #[serde(default)]
    pub server: String,
}

/// One record of the ledger as a CouchDB document's content: `{"type": "entry", "record": {…}}`.
///
/// Written and read by hand with the record types' own serde code, the same that the
/// IndexedDB layer uses (a derived adjacently tagged enum added about 89 KB gzip of
/// deserialiser copies to staff mode's wasm).
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Record {
    /// A day's counts for a unit.
    Entry(Entry),
    /// A replaced entry's audit record (never changed once written).
    Audit(AuditRecord),
    /// A unit added on a device.
    Unit(LocalUnit),
    /// A target set on a device.
    Target(TargetSetting),
    /// A device's own record: its label and when it last synced.
    Device(DeviceRecord),
}

/// What a device says of itself on the server (for the dashboard's "data from").
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct DeviceRecord {
    /// The device id.
    pub device: String,
    /// The label staff gave it, if any.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub label: String,
    /// When it last finished a sync.
    pub synced: Stamp,
}

impl Record {
    /// The document id of the record.
    pub fn doc_id(&self) -> String {
        match self {
            Record::Entry(e) => entry_doc_id(e.date, &e.unit),
            Record::Audit(a) => {
                let (at, device, date, unit) = audit_identity(a);
                format!("audit:{at}:{device}:{date}:{unit}")
            }
            Record::Unit(u) => format!("unit:{}", u.id),
            Record::Target(t) => t.key.clone(),
            Record::Device(d) => format!("device:{}", d.device),
        }
    }

    /// The document's `type`.
    pub fn kind(&self) -> &'static str {
        match self {
            Record::Entry(_) => "entry",
            Record::Audit(_) => "audit",
            Record::Unit(_) => "unit",
            Record::Target(_) => "target",
            Record::Device(_) => "device",
        }
    }

    /// The record's own JSON (the `record` of the document).
    pub fn record_json(&self) -> String {
        match self {
            Record::Entry(e) => serde_json::to_string(e),
            Record::Audit(a) => serde_json::to_string(a),
            Record::Unit(u) => serde_json::to_string(u),
            Record::Target(t) => serde_json::to_string(t),
            Record::Device(d) => serde_json::to_string(d),
        }
        .unwrap_or_default()
    }

    /// Reads a document's content: its `type` and its `record`.
    pub fn from_content(kind: &str, record: Value) -> Result<Record, String> {
        let err = |e: serde_json::Error| e.to_string();
        Ok(match kind {
            "entry" => Record::Entry(serde_json::from_value(record).map_err(err)?),
            "audit" => Record::Audit(serde_json::from_value(record).map_err(err)?),
            "unit" => Record::Unit(serde_json::from_value(record).map_err(err)?),
            "target" => Record::Target(serde_json::from_value(record).map_err(err)?),
            "device" => Record::Device(serde_json::from_value(record).map_err(err)?),
            other => return Err(format!("unknown type \"{}\"", crate::domain::tally::stamp::short(other))),
        })
    }

    /// A hash of the record's content (FNV-1a of its type and JSON, as hex).
    pub fn hash(&self) -> String {
        let h = self.kind().bytes().chain(std::iter::once(b':')).chain(self.record_json().bytes()).fold(0xcbf29ce484222325u64, |h, b| (h ^ b as u64).wrapping_mul(0x100000001b3));
        format!("{h:016x}")
    }

    /// The change that stores it.
    fn put(&self) -> Option<Change> {
        match self {
            Record::Entry(e) => Some(Change::PutEntry(e.clone())),
            Record::Audit(a) => Some(Change::AddAudit(a.clone())),
            Record::Unit(u) => Some(Change::PutUnit(u.clone())),
            Record::Target(t) => Some(Change::PutTarget(t.clone())),
            Record::Device(_) => None,
        }
    }

    /// What the store must hold for a pulled version to replace `local` (or be added).
    fn expect(&self, local: Option<&Record>) -> Option<Change> {
        Some(Change::Expect(match self {
            Record::Entry(e) => Expected::Entry(e.key(), local.and_then(Record::as_entry).cloned()),
            Record::Unit(u) => Expected::Unit(u.id.clone(), match local {
                Some(Record::Unit(l)) => Some(l.clone()),
                _ => None,
            }),
            Record::Target(t) => Expected::Target(t.key.clone(), match local {
                Some(Record::Target(l)) => Some(l.clone()),
                _ => None,
            }),
            Record::Audit(_) | Record::Device(_) => return None,
        }))
    }

    /// The entry, if the record is one.
    pub fn as_entry(&self) -> Option<&Entry> {
        match self {
            Record::Entry(e) => Some(e),
            _ => None,
        }
    }
}

/// The document id of the entry for (date, unit).
pub fn entry_doc_id(date: chrono::NaiveDate, unit: &str) -> String {
    format!("entry:{}:{unit}", crate::domain::vn_time::format_iso(date))
}

/// Every record of the ledger by document id.
pub fn records(ledger: &Ledger) -> BTreeMap<String, Record> {
    let mut out = BTreeMap::new();
    for r in ledger.entries.values().map(|e| Record::Entry(e.clone()))
        .chain(ledger.audit.iter().map(|a| Record::Audit(a.clone())))
        .chain(ledger.units.iter().map(|u| Record::Unit(u.clone())))
        .chain(ledger.targets.iter().map(|t| Record::Target(t.clone())))
    {
        out.insert(r.doc_id(), r);
    }
    out
}

/// One document to write to the server.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Outgoing {
    /// The document id.
    pub doc: String,
    /// The revision it replaces (none for a new document).
    pub rev: Option<String>,
    /// The record.
    pub record: Record,
}

impl Outgoing {
    /// The document as JSON text for `_bulk_docs`.
    pub fn to_json(&self) -> String {
        let text = |s: &str| Value::String(s.to_string()).to_string();
        let rev = self.rev.as_deref().map(|r| format!(",\"_rev\":{}", text(r))).unwrap_or_default();
        format!("{{\"_id\":{}{rev},\"type\":\"{}\",\"record\":{}}}", text(&self.doc), self.record.kind(), self.record.record_json())
    }
}

/// Two or more versions of one entry that changed in different places: this device's
/// (if it changed here) and the server's (its winning revision and any CouchDB conflicts).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct SyncConflict {
    /// The document id.
    pub doc: String,
    /// This device's version, changed since the last sync (none when only the server's
    /// revisions disagree).
    pub mine: Option<Entry>,
    /// The server's winning revision and its entry.
    pub server_rev: String,
    /// The server's winning entry.
    pub server: Entry,
    /// The server's other (losing) revisions and their entries.
    pub losing: Vec<(String, Entry)>,
}

impl SyncConflict {
    /// The versions to choose from: this device's first (if it changed here; `current` is
    /// this device's entry now, which staff may have saved again since the conflict was
    /// found), then the server's, winning first; equal counts are shown once.
    pub fn versions<'a>(&'a self, current: Option<&'a Entry>) -> Vec<&'a Entry> {
        let mine = self.mine.as_ref().and(current.or(self.mine.as_ref()));
        let mut out: Vec<&Entry> = Vec::new();
        for e in mine.into_iter().chain(std::iter::once(&self.server)).chain(self.losing.iter().map(|(_, e)| e)) {
            if !out.iter().any(|o| o.counts == e.counts) {
                out.push(e);
            }
        }
        out
    }
}

/// What the device keeps of its sync of one campaign besides the marks (one setting).
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct SyncState {
    /// The `_changes` sequence read up to (as the server wrote it), or none before the first pull.
    #[serde(default)]
    pub since: Option<Value>,
    /// Conflicts waiting for staff.
    #[serde(default)]
    pub conflicts: Vec<SyncConflict>,
    /// The devices the server knows of, by id.
    #[serde(default)]
    pub devices: BTreeMap<String, DeviceRecord>,
    /// When this device last finished a sync.
    #[serde(default)]
    pub last_synced: Option<Stamp>,
    /// Losing revisions of resolved conflicts, to delete on the server (document, revision).
    #[serde(default)]
    pub delete: Vec<(String, String)>,
    /// The database this state is about (its address); another one starts afresh.
    #[serde(default)]
    pub database: Option<String>,
    /// Documents on the server this app cannot read or that the server refused, with why
    /// (shown to staff; nothing of them is stored).
    #[serde(default)]
    pub refused: BTreeMap<String, String>,
}

/// The server's current version of a document, as pulled.
#[derive(Clone, Debug, PartialEq)]
pub struct Pulled {
    /// The document id.
    pub doc: String,
    /// The winning revision.
    pub rev: String,
    /// The record, or none when the document is deleted.
    pub record: Option<Record>,
    /// Losing revisions (CouchDB conflicts) with their records, once fetched.
    pub losing: Vec<(String, Record)>,
}

/// What applying a pull does: one batch for the store, and the conflicts and devices found.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct PullPlan {
    /// Records taken from the server with their expectations and marks, in one batch.
    pub changes: Vec<Change>,
    /// Conflicts found (each replaces any earlier one for its document).
    pub conflicts: Vec<SyncConflict>,
    /// Device records seen.
    pub devices: Vec<DeviceRecord>,
    /// How many records the batch takes from the server.
    pub taken: usize,
}

fn mark(doc: &str, rev: &str, record: &Record) -> Change {
    Change::Mark(SyncMark { doc: doc.to_string(), rev: rev.to_string(), hash: record.hash(), server: String::new() })
}

/// Plans taking pulled documents into this device's data, given its records and marks.
pub fn plan_pull(local: &BTreeMap<String, Record>, marks: &BTreeMap<String, SyncMark>, pulled: &[Pulled]) -> PullPlan {
    let mut plan = PullPlan::default();
    for p in pulled {
        let Some(server) = &p.record else {
            // Deleted on the server (or gone): this device's record, if it has one, is sent anew.
            if local.contains_key(&p.doc) {
                plan.changes.push(Change::Mark(SyncMark { doc: p.doc.clone(), rev: String::new(), hash: String::new(), server: String::new() }));
            }
            continue;
        };
        if let Record::Device(d) = server {
            plan.devices.push(d.clone());
            plan.changes.push(mark(&p.doc, &p.rev, server));
            continue;
        }
        let mine = local.get(&p.doc);
        let mark_of = marks.get(&p.doc);
        let changed_here = mine.is_some_and(|m| mark_of.is_none_or(|k| k.hash != m.hash()));
        if let (Record::Entry(server_entry), false) = (server, p.losing.is_empty()) {
            // The server holds branches: staff choose, whatever this device holds.
            plan.conflicts.push(SyncConflict {
                doc: p.doc.clone(),
                mine: mine.filter(|_| changed_here).and_then(Record::as_entry).cloned(),
                server_rev: p.rev.clone(),
                server: server_entry.clone(),
                losing: p.losing.iter().filter_map(|(rev, r)| r.as_entry().map(|e| (rev.clone(), e.clone()))).collect(),
            });
            continue;
        }
        match mine {
            None => take(&mut plan, p, server, None),
            Some(m) if m.hash() == server.hash() => plan.changes.push(mark(&p.doc, &p.rev, server)),
            Some(m) if !changed_here => take(&mut plan, p, server, Some(m)),
            // Changed here and there.
            Some(m) => match (m, server) {
                // This device's own write, not yet acknowledged: nothing to do.
                _ if mark_of.is_some_and(|k| k.rev == p.rev) => {}
                (Record::Entry(mine_entry), Record::Entry(server_entry)) => plan.conflicts.push(SyncConflict {
                    doc: p.doc.clone(),
                    mine: Some(mine_entry.clone()),
                    server_rev: p.rev.clone(),
                    server: server_entry.clone(),
                    losing: Vec::new(),
                }),
                (Record::Unit(a), Record::Unit(b)) if a.newest_order() < b.newest_order() => take(&mut plan, p, server, Some(m)),
                (Record::Target(a), Record::Target(b)) if a.newest_order() < b.newest_order() => take(&mut plan, p, server, Some(m)),
                // This device's unit or target is newer: it is written over the server's
                // revision at the next push.
                (Record::Unit(_), _) | (Record::Target(_), _) => plan.changes.push(mark(&p.doc, &p.rev, server)),
                // An audit record is never replaced.
                _ => {}
            },
        }
    }
    plan
}

fn take(plan: &mut PullPlan, p: &Pulled, server: &Record, mine: Option<&Record>) {
    plan.changes.extend(server.expect(mine));
    plan.changes.extend(server.put());
    plan.changes.push(mark(&p.doc, &p.rev, server));
    plan.taken += 1;
}

/// The records to push: those changed since their mark, except documents in conflict.
/// Audit records already on the server are never sent again.
pub fn outgoing(local: &BTreeMap<String, Record>, marks: &BTreeMap<String, SyncMark>, conflicts: &[SyncConflict]) -> Vec<Outgoing> {
    local
        .iter()
        .filter(|(doc, _)| !conflicts.iter().any(|c| &c.doc == *doc))
        .filter_map(|(doc, record)| {
            let mark = marks.get(doc);
            if mark.is_some_and(|m| m.hash == record.hash() || matches!(record, Record::Audit(_))) {
                return None;
            }
            Some(Outgoing { doc: doc.clone(), rev: mark.map(|m| m.rev.clone()).filter(|r| !r.is_empty()), record: record.clone() })
        })
        .collect()
}

/// What resolving a conflict does: the local batch and the server revisions to delete.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Resolution {
    /// The batch for the store: the kept entry (if it is not this device's), an audit
    /// record of what it replaces, and the mark that makes the next push write it over the
    /// server's winning revision.
    pub changes: Vec<Change>,
    /// The server's losing revisions to delete (document id, revision).
    pub delete: Vec<(String, String)>,
}

/// Plans keeping `keep`, one of [`SyncConflict::versions`] as they are now (none when it is
/// no longer one of them: staff must look again). The kept entry is written back to the
/// server over its winning revision at the next push, the losing revisions are deleted, and
/// an audit record keeps the counts it replaces on this device.
pub fn resolve(conflict: &SyncConflict, keep: &Entry, ledger: &Ledger, author: &Author) -> Option<Resolution> {
    let local = ledger.entry(conflict.server.date, &conflict.server.unit);
    let kept = (*conflict.versions(local).into_iter().find(|v| *v == keep)?).clone();
    let mut changes = vec![Change::Expect(Expected::Entry(kept.key(), local.cloned()))];
    // The counts this choice replaces: this device's if it held others, else the server's.
    let replaced = match local {
        Some(l) if l.counts != kept.counts => Some(l.counts.clone()),
        _ if conflict.server.counts != kept.counts => Some(conflict.server.counts.clone()),
        _ => None,
    };
    if local != Some(&kept) {
        changes.push(Change::PutEntry(kept.clone()));
    }
    if let Some(old) = replaced {
        // An audit record is known by its time, device, day and unit: a save of the same
        // entry in the same second already holds that identity, so this one takes the next free second.
        let mut at = author.at;
        let day = crate::domain::vn_time::format_iso(kept.date);
        while ledger.audit.iter().any(|a| audit_identity(a) == (at.to_rfc3339(), author.device.clone(), day.clone(), kept.unit.clone())) {
            at = Stamp(at.0 + chrono::TimeDelta::seconds(1));
        }
        changes.push(Change::AddAudit(AuditRecord {
            at,
            device: author.device.clone(),
            staff: author.staff.clone(),
            date: kept.date,
            unit: kept.unit.clone(),
            old,
            new: kept.counts.clone(),
            reason: Some(SYNC_CONFLICT_REASON.to_string()),
        }));
    }
    // Marked as the server's winning revision with the server's content: when the kept entry
    // is the server's winner, nothing is pushed; otherwise it is pushed over that revision.
    changes.push(mark(&conflict.doc, &conflict.server_rev, &Record::Entry(conflict.server.clone())));
    let delete = conflict.losing.iter().map(|(rev, _)| (conflict.doc.clone(), rev.clone())).collect();
    Some(Resolution { changes, delete })
}

/// The reason written in the audit record of a resolved sync conflict.
pub const SYNC_CONFLICT_REASON: &str = "sync conflict";

/// Seconds to wait before the next try after `failures` failed syncs in a row: 5 s,
/// doubling, at most 5 minutes.
pub fn backoff_seconds(failures: u32) -> u32 {
    if failures == 0 {
        return 0;
    }
    5u32.saturating_mul(1 << (failures - 1).min(6)).min(300)
}

//! One sync of one campaign: pull every change since the checkpoint, then push what changed
//! here, then delete the losing revisions of resolved conflicts. Written against two traits
//! (the store and the HTTP transport) so that native tests run it against a server in memory.

use std::collections::BTreeMap;

use super::couch::{self, SyncError, Written};
use super::{outgoing, plan_pull, records, DeviceRecord, Outgoing, Pulled, Record, SyncMark, SyncState};
use crate::domain::tally::ledger::Change;
use crate::domain::tally::stamp::Stamp;
use crate::domain::tally::store::{StoreError, TallyStore};

/// How the device reaches the server: one request, its status and body.
#[allow(async_fn_in_trait)]
pub trait Transport {
    /// A GET of `url`; `Err(Unreachable)` when no answer came.
    async fn get(&self, url: &str) -> Result<(u16, String), SyncError>;
    /// A POST of a JSON `body` to `url`.
    async fn post(&self, url: &str, body: &str) -> Result<(u16, String), SyncError>;
}

/// The setting that holds a campaign's [`SyncState`].
pub fn state_key(campaign: &str) -> String {
    format!("sync:{campaign}")
}

/// How often a device that changed nothing still tells the server it synced (seconds).
pub const DEVICE_REFRESH_SECONDS: i64 = 600;

/// Reads a campaign's sync state with the database at `database_url` (empty before the
/// first sync, and when the stored state is about another database).
pub async fn load_state(store: &impl TallyStore, campaign: &str, database_url: &str) -> Result<SyncState, SyncError> {
    let fresh = || SyncState { database: Some(database_url.to_string()), ..SyncState::default() };
    let state: SyncState = match store.meta(&state_key(campaign)).await.map_err(store_error)? {
        None => return Ok(fresh()),
        // Read through a JSON value: the same deserialisers as the IndexedDB records, no new copies.
        Some(text) => serde_json::from_str::<serde_json::Value>(&text)
            .and_then(serde_json::from_value)
            .map_err(|e| SyncError::Store(format!("the stored sync state is unreadable: {e}")))?,
    };
    Ok(if state.database.as_deref() == Some(database_url) { state } else { fresh() })
}

/// Stores a campaign's sync state.
pub async fn save_state(store: &impl TallyStore, campaign: &str, state: &SyncState) -> Result<(), SyncError> {
    let text = serde_json::to_string(state).map_err(|e| SyncError::Store(e.to_string()))?;
    store.set_meta(&state_key(campaign), &text).await.map_err(store_error)
}

fn store_error(e: StoreError) -> SyncError {
    SyncError::Store(e.to_string())
}

/// This device's records and marks for one sync: read once, then kept current as each
/// batch is written (a page of a pull no longer reads the whole ledger again).
pub struct Local {
    /// Every record by document id.
    pub records: BTreeMap<String, Record>,
    /// The marks by document id (of this database only).
    pub marks: BTreeMap<String, SyncMark>,
    /// The database's address, written into every mark.
    pub server: String,
}

impl Local {
    /// Reads the campaign's records and marks.
    pub async fn read(store: &impl TallyStore, campaign: &str, database_url: &str) -> Result<Local, SyncError> {
        let ledger = store.load(campaign).await.map_err(store_error)?;
        let mut marks = store.sync_marks(campaign).await.map_err(store_error)?;
        marks.retain(|_, m| m.server == database_url);
        Ok(Local { records: records(&ledger), marks, server: database_url.to_string() })
    }

    /// Takes in a batch that the store has written.
    fn applied(&mut self, changes: &[Change]) {
        for change in changes {
            let record = match change {
                Change::PutEntry(e) => Record::Entry(e.clone()),
                Change::AddAudit(a) => Record::Audit(a.clone()),
                Change::PutUnit(u) => Record::Unit(u.clone()),
                Change::PutTarget(t) => Record::Target(t.clone()),
                Change::Mark(m) => {
                    self.marks.insert(m.doc.clone(), m.clone());
                    continue;
                }
                Change::Expect(_) => continue,
            };
            self.records.insert(record.doc_id(), record);
        }
    }

    /// Writes a batch and takes it in.
    async fn commit(&mut self, store: &impl TallyStore, campaign: &str, changes: &[Change]) -> Result<(), SyncError> {
        let changes = with_server(changes, &self.server);
        store.commit(campaign, &changes).await.map_err(store_error)?;
        self.applied(&changes);
        Ok(())
    }
}

/// The batch with every mark naming the database `server`.
fn with_server(changes: &[Change], server: &str) -> Vec<Change> {
    changes
        .iter()
        .map(|c| match c {
            Change::Mark(m) => Change::Mark(SyncMark { server: server.to_string(), ..m.clone() }),
            other => other.clone(),
        })
        .collect()
}

/// What one sync did.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Summary {
    /// Records taken from the server.
    pub pulled: usize,
    /// Documents written to the server.
    pub pushed: usize,
    /// Conflicts waiting for staff after it.
    pub conflicts: usize,
}

/// Who is syncing: the campaign, its database, and this device.
pub struct Target<'a> {
    /// The campaign id (the store's key).
    pub campaign: &'a str,
    /// The database's name (for messages).
    pub database: &'a str,
    /// The database's address.
    pub database_url: &'a str,
    /// This device's id.
    pub device: &'a str,
    /// This device's label.
    pub label: &'a str,
}

async fn answer(transport: &impl Transport, url: &str, body: Option<&str>, database: &str) -> Result<String, SyncError> {
    let (status, text) = match body {
        None => transport.get(url).await?,
        Some(b) => transport.post(url, b).await?,
    };
    if (200..300).contains(&status) {
        Ok(text)
    } else {
        Err(couch::http_error(status, &text, database))
    }
}

/// Takes pulled documents into the store (one batch with their marks) and the state.
async fn take_in(store: &impl TallyStore, local: &mut Local, target: &Target<'_>, state: &mut SyncState, pulled: &[Pulled]) -> Result<usize, SyncError> {
    let plan = plan_pull(&local.records, &local.marks, pulled);
    local.commit(store, target.campaign, &plan.changes).await?;
    state.conflicts.retain(|c| !pulled.iter().any(|p| p.doc == c.doc));
    for p in pulled {
        state.refused.remove(&p.doc);
    }
    state.conflicts.extend(plan.conflicts);
    for d in plan.devices {
        state.devices.insert(d.device.clone(), d);
    }
    Ok(plan.taken)
}

/// Fetches the losing revisions of documents the server holds in conflict.
async fn fetch_losing(transport: &impl Transport, target: &Target<'_>, docs: &mut [Pulled], losing: &[(String, Vec<String>)], refused: &mut Vec<(String, String)>) -> Result<(), SyncError> {
    for (id, revs) in losing {
        let Some(doc) = docs.iter_mut().find(|d| &d.doc == id) else { continue };
        for rev in revs {
            let text = match answer(transport, &couch::revision_url(target.database_url, id, rev), None, target.database).await {
                Ok(text) => text,
                // Deleted since the change was read (another device resolved it): nothing to show.
                Err(SyncError::NoDatabase(_)) => continue,
                Err(e) => return Err(e),
            };
            let value: serde_json::Value = serde_json::from_str(&text).map_err(|e| SyncError::BadAnswer(format!("revision {rev} of \"{id}\": not JSON ({e})")))?;
            match couch::read_doc(id, &value) {
                Ok(Pulled { record: Some(record), .. }) => doc.losing.push((rev.clone(), record)),
                Ok(_) => {}
                Err(SyncError::BadAnswer(why)) => refused.push((id.clone(), why)),
                Err(e) => return Err(e),
            }
        }
    }
    Ok(())
}

/// Pulls every change since the checkpoint, a page at a time; the checkpoint moves only
/// after a page is stored.
pub async fn pull(store: &impl TallyStore, transport: &impl Transport, local: &mut Local, target: &Target<'_>, state: &mut SyncState) -> Result<usize, SyncError> {
    let mut taken = 0;
    loop {
        let text = answer(transport, &couch::changes_url(target.database_url, state.since.as_ref()), None, target.database).await?;
        let mut page = couch::read_changes(&text)?;
        fetch_losing(transport, target, &mut page.docs, &page.losing_revs, &mut page.refused).await?;
        taken += take_in(store, local, target, state, &page.docs).await?;
        state.refused.extend(page.refused);
        state.since = Some(page.last_seq);
        save_state(store, target.campaign, state).await?;
        if !page.full {
            return Ok(taken);
        }
    }
}

/// Reads documents by id (those a push found changed on the server) and takes them in.
async fn pull_docs(store: &impl TallyStore, transport: &impl Transport, local: &mut Local, target: &Target<'_>, state: &mut SyncState, ids: &[String]) -> Result<(), SyncError> {
    let body = serde_json::json!({ "keys": ids }).to_string();
    let url = format!("{}/_all_docs?include_docs=true&conflicts=true", target.database_url);
    let text = answer(transport, &url, Some(&body), target.database).await?;
    let value: serde_json::Value = serde_json::from_str(&text).map_err(|e| SyncError::BadAnswer(format!("_all_docs: not JSON ({e})")))?;
    let rows = value.get("rows").and_then(|r| r.as_array()).ok_or_else(|| SyncError::BadAnswer("_all_docs: no \"rows\" list".into()))?;
    let mut docs = Vec::new();
    let mut losing = Vec::new();
    let mut refused = Vec::new();
    for row in rows {
        let Some(id) = row.get("key").and_then(|k| k.as_str()).map(str::to_string) else { continue };
        let id = &id;
        let Some(doc) = row.get("doc").filter(|d| !d.is_null()) else {
            // Missing or deleted on the server: this device's record is sent anew.
            docs.push(Pulled { doc: id.clone(), rev: String::new(), record: None, losing: Vec::new() });
            continue;
        };
        match couch::read_doc(id, doc) {
            Ok(pulled) => docs.push(pulled),
            Err(SyncError::BadAnswer(why)) => {
                refused.push((id.clone(), why));
                continue;
            }
            Err(e) => return Err(e),
        }
        if let Some(revs) = doc.get("_conflicts").and_then(|c| c.as_array()) {
            losing.push((id.to_string(), revs.iter().filter_map(|r| r.as_str().map(str::to_string)).collect()));
        }
    }
    fetch_losing(transport, target, &mut docs, &losing, &mut refused).await?;
    take_in(store, local, target, state, &docs).await?;
    state.refused.extend(refused);
    save_state(store, target.campaign, state).await
}

/// The records waiting to be pushed.
pub fn waiting(ledger: &crate::domain::tally::ledger::Ledger, marks: &BTreeMap<String, SyncMark>, state: &SyncState) -> usize {
    outgoing(&records(ledger), marks, &state.conflicts).len()
}

/// Pushes what changed here, a page at a time; each stored document's mark is written
/// as soon as its page is answered.
pub async fn push(store: &impl TallyStore, transport: &impl Transport, local: &mut Local, target: &Target<'_>, state: &mut SyncState, now: Stamp) -> Result<usize, SyncError> {
    let marks = &local.marks;
    let mut docs = outgoing(&local.records, marks, &state.conflicts);
    let device_doc = format!("device:{}", target.device);
    let refresh = state.last_synced.is_none_or(|t| (now.0 - t.0).num_seconds() >= DEVICE_REFRESH_SECONDS) || !marks.contains_key(&device_doc);
    if !docs.is_empty() || refresh {
        let record = Record::Device(DeviceRecord { device: target.device.to_string(), label: target.label.to_string(), synced: now });
        docs.push(Outgoing { doc: device_doc, rev: marks.get(&format!("device:{}", target.device)).map(|m| m.rev.clone()), record });
    }
    let mut pushed = 0;
    let mut changed_there = Vec::new();
    let mut no_rights = false;
    for chunk in docs.chunks(couch::PUSH_PAGE) {
        let url = format!("{}/_bulk_docs", target.database_url);
        let text = answer(transport, &url, Some(&couch::bulk_docs_body(chunk)), target.database).await?;
        let results = couch::read_bulk_results(&text, chunk.len())?;
        let mut marks_now = Vec::new();
        for (sent, result) in chunk.iter().zip(results) {
            match result {
                Written::Stored(id, rev) if id == sent.doc => {
                    pushed += 1;
                    marks_now.push(Change::Mark(SyncMark { doc: id, rev, hash: sent.record.hash(), server: String::new() }));
                }
                Written::Stored(id, _) => return Err(SyncError::BadAnswer(format!("_bulk_docs: answer for \"{id}\" where \"{}\" was sent", sent.doc))),
                // An audit record already there is the same record (its id is its identity).
                Written::Conflict(_) if matches!(sent.record, Record::Audit(_)) => {}
                Written::Conflict(id) => changed_there.push(id),
                Written::Refused(_, reason) if reason.starts_with("unauthorized") || reason.starts_with("forbidden") => no_rights = true,
                Written::Refused(id, reason) => {
                    state.refused.insert(id, reason);
                }
            }
        }
        // The marks of what was stored, whatever else happened to the page.
        local.commit(store, target.campaign, &marks_now).await?;
        if no_rights {
            return Err(SyncError::Forbidden(target.database.to_string()));
        }
    }
    if !changed_there.is_empty() {
        pull_docs(store, transport, local, target, state, &changed_there).await?;
    }
    Ok(pushed)
}

/// Deletes the losing revisions of resolved conflicts.
pub async fn delete_losing(store: &impl TallyStore, transport: &impl Transport, target: &Target<'_>, state: &mut SyncState) -> Result<(), SyncError> {
    if state.delete.is_empty() {
        return Ok(());
    }
    let url = format!("{}/_bulk_docs", target.database_url);
    let text = answer(transport, &url, Some(&couch::delete_body(&state.delete)), target.database).await?;
    // Deleted, or already gone (another device resolved it first): done either way.
    couch::read_bulk_results(&text, state.delete.len())?;
    state.delete.clear();
    save_state(store, target.campaign, state).await
}

/// One whole sync: pull, push, delete resolved losers, then record the time.
pub async fn sync_once(store: &impl TallyStore, transport: &impl Transport, target: &Target<'_>, now: Stamp) -> Result<Summary, SyncError> {
    let mut state = load_state(store, target.campaign, target.database_url).await?;
    let mut local = Local::read(store, target.campaign, target.database_url).await?;
    let pulled = pull(store, transport, &mut local, target, &mut state).await?;
    let pushed = push(store, transport, &mut local, target, &mut state, now).await?;
    delete_losing(store, transport, target, &mut state).await?;
    state.last_synced = Some(now);
    save_state(store, target.campaign, &state).await?;
    Ok(Summary { pulled, pushed, conflicts: state.conflicts.len() })
}

/// What became of a choice staff made for a conflict.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Resolved {
    /// Written; the losing revisions wait for the next sync's delete.
    Done,
    /// The conflict is gone (settled already, e.g. a second click): nothing to do.
    Gone,
    /// The kept version is no longer one of the conflict's (a save or a pull changed them
    /// since they were shown): nothing was written; staff look again.
    Changed,
}

/// Resolves the conflict of `doc` by keeping `keep` (one of its versions as they are now).
pub async fn resolve_conflict(store: &impl TallyStore, target: &Target<'_>, doc: &str, keep: &crate::domain::tally::ledger::Entry, author: &crate::domain::tally::ledger::Author) -> Result<Resolved, SyncError> {
    let campaign = target.campaign;
    let mut state = load_state(store, campaign, target.database_url).await?;
    let Some(conflict) = state.conflicts.iter().find(|c| c.doc == doc).cloned() else { return Ok(Resolved::Gone) };
    let ledger = store.load(campaign).await.map_err(store_error)?;
    let Some(resolution) = super::resolve(&conflict, keep, &ledger, author) else { return Ok(Resolved::Changed) };
    store.commit(campaign, &with_server(&resolution.changes, target.database_url)).await.map_err(store_error)?;
    state.conflicts.retain(|c| c.doc != doc);
    state.delete.extend(resolution.delete);
    save_state(store, campaign, &state).await?;
    Ok(Resolved::Done)
}

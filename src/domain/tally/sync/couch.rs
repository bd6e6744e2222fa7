//! The CouchDB HTTP API as sync uses it: the addresses asked for and the answers read.
//! Every answer is checked; one that is not what CouchDB sends is refused with what and
//! where, before anything is stored.

use serde_json::Value;

use super::{Outgoing, Pulled, Record};

/// How many changes one `_changes` request asks for.
pub const CHANGES_PAGE: usize = 2000;
/// How many documents one `_bulk_docs` request writes.
pub const PUSH_PAGE: usize = 2000;

/// Why a sync did not finish.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum SyncError {
    /// The server did not answer (offline, down, or the browser refused the request).
    Unreachable(String),
    /// No session: the device must sign in (again).
    SignedOut,
    /// The signed-in user may not use this campaign's database.
    Forbidden(String),
    /// The campaign's database does not exist on the server.
    NoDatabase(String),
    /// The server answered something sync cannot read: what and where.
    BadAnswer(String),
    /// The server refused with a status and its reason.
    Refused(u16, String),
    /// This device's store failed.
    Store(String),
}

impl std::fmt::Display for SyncError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            SyncError::Unreachable(m) => write!(f, "server unreachable: {m}"),
            SyncError::SignedOut => f.write_str("signed out"),
            SyncError::Forbidden(db) => write!(f, "no rights on database {db}"),
            SyncError::NoDatabase(db) => write!(f, "database {db} does not exist"),
            SyncError::BadAnswer(m) => write!(f, "unreadable answer: {m}"),
            SyncError::Refused(status, reason) => write!(f, "HTTP {status}: {reason}"),
            SyncError::Store(m) => write!(f, "storage: {m}"),
        }
    }
}

/// The error for an HTTP answer that is not a success, from its status and body.
pub fn http_error(status: u16, body: &str, database: &str) -> SyncError {
    let reason = serde_json::from_str::<Value>(body)
        .ok()
        .and_then(|v| v.get("reason").and_then(Value::as_str).map(str::to_string))
        .unwrap_or_else(|| body.chars().take(120).collect());
    match status {
        401 => SyncError::SignedOut,
        403 => SyncError::Forbidden(database.to_string()),
        404 => SyncError::NoDatabase(database.to_string()),
        _ => SyncError::Refused(status, reason),
    }
}

/// Percent-encodes a path segment or query value (RFC 3986 unreserved characters kept).
pub fn encode(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for b in text.bytes() {
        if b.is_ascii_alphanumeric() || b"-._~".contains(&b) {
            out.push(b as char);
        } else {
            out.push_str(&format!("%{b:02X}"));
        }
    }
    out
}

/// The database's address: the server's address and the database name.
pub fn database_url(server: &str, database: &str) -> String {
    format!("{}/{}", server.trim_end_matches('/'), encode(database))
}

/// The address of the next page of changes after `since` (every revision's winner with its
/// conflicts and content).
pub fn changes_url(database_url: &str, since: Option<&Value>) -> String {
    let since = match since {
        None => "0".to_string(),
        Some(Value::String(s)) => s.clone(),
        Some(v) => v.to_string(),
    };
    format!("{database_url}/_changes?style=all_docs&include_docs=true&conflicts=true&limit={CHANGES_PAGE}&since={}", encode(&since))
}

/// The address of one revision of a document.
pub fn revision_url(database_url: &str, doc: &str, rev: &str) -> String {
    format!("{database_url}/{}?rev={}", encode(doc), encode(rev))
}

/// One page of `_changes`.
#[derive(Clone, Debug, PartialEq)]
pub struct ChangesPage {
    /// The documents changed, in the server's order.
    pub docs: Vec<Pulled>,
    /// The losing revisions to fetch, by document.
    pub losing_revs: Vec<(String, Vec<String>)>,
    /// Documents that are not count records, with why (skipped; nothing of them is stored).
    pub refused: Vec<(String, String)>,
    /// The checkpoint after this page.
    pub last_seq: Value,
    /// True when the page was full (more may follow).
    pub full: bool,
}

fn bad(what: String) -> SyncError {
    SyncError::BadAnswer(what)
}

/// Reads a `_changes` answer; every document is read as a record whose id matches its content.
pub fn read_changes(text: &str) -> Result<ChangesPage, SyncError> {
    let v: Value = serde_json::from_str(text).map_err(|e| bad(format!("_changes: not JSON ({e})")))?;
    let results = v.get("results").and_then(Value::as_array).ok_or_else(|| bad("_changes: no \"results\" list".into()))?;
    let last_seq = v.get("last_seq").cloned().filter(|s| !s.is_null()).ok_or_else(|| bad("_changes: no \"last_seq\"".into()))?;
    let mut page = ChangesPage { docs: Vec::with_capacity(results.len()), losing_revs: Vec::new(), refused: Vec::new(), last_seq, full: results.len() >= CHANGES_PAGE };
    for (i, row) in results.iter().enumerate() {
        let id = row.get("id").and_then(Value::as_str).ok_or_else(|| bad(format!("_changes: result {} has no \"id\"", i + 1)))?;
        if id.starts_with("_design/") {
            continue;
        }
        let deleted = row.get("deleted").and_then(Value::as_bool).unwrap_or(false);
        let doc = row.get("doc").filter(|d| !d.is_null());
        let pulled = match (deleted, doc) {
            (true, _) => Pulled { doc: id.to_string(), rev: String::new(), record: None, losing: Vec::new() },
            (false, Some(doc)) => match read_doc(id, doc) {
                Ok(pulled) => pulled,
                // One document this app cannot read does not stop the others (or this
                // device's pushes): it is skipped and listed for staff.
                Err(SyncError::BadAnswer(why)) => {
                    page.refused.push((id.to_string(), why));
                    continue;
                }
                Err(other) => return Err(other),
            },
            (false, None) => return Err(bad(format!("_changes: document \"{id}\" comes without its content (include_docs)"))),
        };
        if let Some(conflicts) = doc.and_then(|d| d.get("_conflicts")).and_then(Value::as_array) {
            let revs: Vec<String> = conflicts.iter().filter_map(Value::as_str).map(str::to_string).collect();
            if !revs.is_empty() {
                page.losing_revs.push((id.to_string(), revs));
            }
        }
        page.docs.push(pulled);
    }
    Ok(page)
}

/// Reads one document as a record; its id must be the one its content gives.
pub fn read_doc(id: &str, doc: &Value) -> Result<Pulled, SyncError> {
    let rev = doc.get("_rev").and_then(Value::as_str).ok_or_else(|| bad(format!("document \"{id}\" has no \"_rev\"")))?;
    let not_a_record = |why: String| bad(format!("document \"{id}\" is not a count record: {why}"));
    let Some(fields) = doc.as_object() else { return Err(not_a_record("not an object".into())) };
    if let Some(extra) = fields.keys().find(|k| !k.starts_with('_') && *k != "type" && *k != "record") {
        return Err(not_a_record(format!("unknown field \"{}\"", crate::domain::tally::stamp::short(extra))));
    }
    let kind = fields.get("type").and_then(Value::as_str).ok_or_else(|| not_a_record("no \"type\"".into()))?;
    let content = fields.get("record").cloned().ok_or_else(|| not_a_record("no \"record\"".into()))?;
    let record = Record::from_content(kind, content).map_err(not_a_record)?;
    if record.doc_id() != id {
        return Err(bad(format!("document \"{id}\" holds the record of \"{}\"", record.doc_id())));
    }
    Ok(Pulled { doc: id.to_string(), rev: rev.to_string(), record: Some(record), losing: Vec::new() })
}

/// The body of a `_bulk_docs` request.
pub fn bulk_docs_body(docs: &[Outgoing]) -> String {
    format!("{{\"docs\":[{}]}}", docs.iter().map(Outgoing::to_json).collect::<Vec<_>>().join(","))
}

/// The body of a `_bulk_docs` request deleting revisions.
pub fn delete_body(revisions: &[(String, String)]) -> String {
    let docs: Vec<Value> = revisions.iter().map(|(id, rev)| serde_json::json!({ "_id": id, "_rev": rev, "_deleted": true })).collect();
    serde_json::json!({ "docs": docs }).to_string()
}

/// The server's answer for one written document.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Written {
    /// Stored, with its new revision.
    Stored(String, String),
    /// Refused because the server holds another revision (`conflict`).
    Conflict(String),
    /// Refused for another reason (`forbidden`, `unauthorized`…).
    Refused(String, String),
}

/// Reads a `_bulk_docs` answer (one result per document sent).
pub fn read_bulk_results(text: &str, sent: usize) -> Result<Vec<Written>, SyncError> {
    let v: Value = serde_json::from_str(text).map_err(|e| bad(format!("_bulk_docs: not JSON ({e})")))?;
    let rows = v.as_array().ok_or_else(|| bad("_bulk_docs: not a list of results".into()))?;
    if rows.len() != sent {
        return Err(bad(format!("_bulk_docs: {} results for {sent} documents", rows.len())));
    }
    rows.iter()
        .enumerate()
        .map(|(i, row)| {
            let id = row.get("id").and_then(Value::as_str).ok_or_else(|| bad(format!("_bulk_docs: result {} has no \"id\"", i + 1)))?.to_string();
            if let Some(error) = row.get("error").and_then(Value::as_str) {
                let reason = row.get("reason").and_then(Value::as_str).unwrap_or("").to_string();
                return Ok(if error == "conflict" { Written::Conflict(id) } else { Written::Refused(id, format!("{error}: {reason}")) });
            }
            let rev = row.get("rev").and_then(Value::as_str).ok_or_else(|| bad(format!("_bulk_docs: result {} (\"{id}\") has neither \"rev\" nor \"error\"", i + 1)))?;
            Ok(Written::Stored(id, rev.to_string()))
        })
        .collect()
}

/// Reads a `_session` answer: the signed-in user's name, or none.
pub fn read_session(text: &str) -> Result<Option<String>, SyncError> {
    let v: Value = serde_json::from_str(text).map_err(|e| bad(format!("_session: not JSON ({e})")))?;
    let ctx = v.get("userCtx").unwrap_or(&v);
    match ctx.get("name") {
        Some(Value::String(name)) => Ok(Some(name.clone())),
        Some(Value::Null) | None => Ok(None),
        Some(other) => Err(bad(format!("_session: \"name\" is {other}"))),
    }
}

/// The body that signs in through `_session`.
pub fn session_body(name: &str, password: &str) -> String {
    serde_json::json!({ "name": name, "password": password }).to_string()
}

//! Reading and writing records: the stored form of each domain record, batches in one
//! transaction with their expectations checked, settings, and error messages.

use super::*;

/// About how many bytes one stored record takes as JSON (to size the batch's text once).
const RECORD_BYTES_GUESS: usize = 160;

impl TallyStore for IdbStore {
    async fn load(&self, campaign: &str) -> Result<Ledger, StoreError> {
        let db = self.ready()?;
        let tx = db.transaction([ENTRIES, AUDIT, UNITS, TARGETS]).build().map_err(|e| self.fail(e))?;
        let entries = get_campaign(&tx, ENTRIES, campaign).await.map_err(|e| self.fail(e))?;
        let audit = get_campaign(&tx, AUDIT, campaign).await.map_err(|e| self.fail(e))?;
        let units = get_campaign(&tx, UNITS, campaign).await.map_err(|e| self.fail(e))?;
        let targets = get_campaign(&tx, TARGETS, campaign).await.map_err(|e| self.fail(e))?;
        tx.commit().await.map_err(|e| self.fail(e))?;

        let mut ledger = Ledger::default();
        for value in entries {
            let entry: Entry = from_js(&value, ENTRIES)?;
            ledger.entries.insert(entry.key(), entry);
        }
        ledger.audit = audit.iter().map(|v| from_js::<AuditRecord>(v, AUDIT)).collect::<Result<_, _>>()?;
        ledger.audit.sort_by_key(|a| a.at);
        ledger.units = units.iter().map(|v| from_js::<LocalUnit>(v, UNITS)).collect::<Result<_, _>>()?;
        ledger.targets = normalise_targets(targets.iter().map(|v| from_js::<TargetSetting>(v, TARGETS)).collect::<Result<_, _>>()?);
        Ok(ledger)
    }

    async fn units_and_targets(&self, campaign: &str) -> Result<(Vec<LocalUnit>, Vec<TargetSetting>), StoreError> {
        let db = self.ready()?;
        let tx = db.transaction([UNITS, TARGETS]).build().map_err(|e| self.fail(e))?;
        let units = get_campaign(&tx, UNITS, campaign).await.map_err(|e| self.fail(e))?;
        let targets = get_campaign(&tx, TARGETS, campaign).await.map_err(|e| self.fail(e))?;
        tx.commit().await.map_err(|e| self.fail(e))?;
        let units = units.iter().map(|v| from_js::<LocalUnit>(v, UNITS)).collect::<Result<_, _>>()?;
        let targets = normalise_targets(targets.iter().map(|v| from_js::<TargetSetting>(v, TARGETS)).collect::<Result<_, _>>()?);
        Ok((units, targets))
    }

    async fn commit(&self, campaign: &str, changes: &[Change]) -> Result<(), StoreError> {
        let db = self.ready()?;
        if changes.is_empty() {
            return Ok(());
        }
        // Everything is converted before the transaction starts: inside it,
        // only IndexedDB requests are awaited (anything else lets it auto-commit).
        // All records go to JavaScript as one JSON array, parsed once (one parse per record
        // cost more than the writes themselves at province scale).
        let mut kinds: Vec<(&str, bool)> = Vec::with_capacity(changes.len());
        let mut expectations: Vec<&Expected> = Vec::new();
        // The change each write comes from (expectations write nothing).
        let mut written: Vec<&Change> = Vec::with_capacity(changes.len());
        let mut text = String::with_capacity(changes.len() * RECORD_BYTES_GUESS);
        text.push('[');
        for change in changes {
            let (store, add) = match change {
                Change::PutEntry(e) => (ENTRIES, push_record(&mut text, e, campaign).map(|_| false)?),
                Change::AddAudit(a) => (AUDIT, push_record(&mut text, a, campaign).map(|_| true)?),
                Change::PutUnit(u) => (UNITS, push_record(&mut text, u, campaign).map(|_| false)?),
                Change::PutTarget(t) => (TARGETS, push_record(&mut text, t, campaign).map(|_| false)?),
                Change::Mark(m) => (SYNC, push_record(&mut text, m, campaign).map(|_| false)?),
                Change::Expect(expected) => {
                    expectations.push(expected);
                    continue;
                }
            };
            kinds.push((store, add));
            written.push(change);
        }
        if text.ends_with(',') {
            text.pop();
        }
        text.push(']');
        let values: js_sys::Array = js_sys::JSON::parse(&text).map_err(|e| StoreError::Failed(format!("cannot encode a record: {}", js_message(&e))))?.unchecked_into();
        let writes: Vec<(&str, bool, JsValue)> = kinds.iter().enumerate().map(|(i, (store, add))| (*store, *add, values.get(i as u32))).collect();
        let mut names: Vec<&str> = Vec::new();
        for store in writes.iter().map(|w| w.0).chain(expectations.iter().map(|e| expected_store(e))) {
            if !names.contains(&store) {
                names.push(store);
            }
        }
        let tx = db.transaction(names.as_slice()).with_mode(TransactionMode::Readwrite).build().map_err(|e| self.fail(e))?;
        let raw_tx: web_sys::IdbTransaction = tx.as_sys().clone().unchecked_into();
        // First, inside the same transaction, what the batch was planned from must still be
        // what is stored (another tab may have written since); otherwise nothing is written.
        if !expectations.is_empty() {
            if let Err(e) = check_expectations(&raw_tx, campaign, &expectations).await {
                let _ = tx.abort().await;
                return Err(self.ready().err().unwrap_or(e));
            }
        }
        // Every request is issued at once and only the transaction's end is awaited:
        // requests still run in order, and a failing one aborts the whole transaction.
        // (Awaiting each request costs one round trip per record: 12 s for 72,000.)
        let mut requests = Vec::with_capacity(writes.len());
        {
            let stores = match names.iter().map(|n| raw_tx.object_store(n).map(|s| (*n, s))).collect::<Result<Vec<_>, _>>() {
                Ok(stores) => stores,
                Err(e) => {
                    raw_tx.abort().ok();
                    return Err(js_failure(&e));
                }
            };
            for (store, add, value) in &writes {
                let Some((_, object_store)) = stores.iter().find(|(n, _)| n == store) else { continue };
                let request = if *add { object_store.add(value) } else { object_store.put(value) };
                match request {
                    Ok(r) => requests.push(r),
                    Err(e) => {
                        // Thrown synchronously (e.g. a bad key): nothing of the batch may land.
                        let _ = tx.abort().await;
                        return Err(js_failure(&e));
                    }
                }
            }
        }

        if let Err(e) = tx.commit().await {
            // Which request failed, if one did: the first with an error other than the abort.
            let failed = requests.iter().position(|r| r.error().ok().flatten().is_some_and(|d| d.name() != "AbortError"));
            let reason = failed.and_then(|i| requests[i].error().ok().flatten()).or_else(|| raw_tx.error());
            return Err(match (reason, failed.map(|i| written[i])) {
                (Some(d), Some(Change::AddAudit(a))) if d.name() == "ConstraintError" => {
                    StoreError::Duplicate(format!("audit record {:?}", audit_identity(a)))
                }
                (Some(d), _) => self.ready().err().unwrap_or_else(|| map_dom_exception(&d)),
                (None, _) => self.fail(e),
            });
        }
        crate::web::broadcast::notify_commit(campaign);
        Ok(())
    }

    async fn record_counts(&self, campaign: &str) -> Result<(usize, usize), StoreError> {
        let db = self.ready()?;
        let tx = db.transaction([ENTRIES, AUDIT]).build().map_err(|e| self.fail(e))?;
        let raw_tx: web_sys::IdbTransaction = tx.as_sys().clone().unchecked_into();
        let range = campaign_range(campaign)?;
        let entries = raw_tx.object_store(ENTRIES).and_then(|s| s.count_with_key(&range)).map_err(|e| js_failure(&e))?;
        let audit = raw_tx.object_store(AUDIT).and_then(|s| s.count_with_key(&range)).map_err(|e| js_failure(&e))?;
        request_done(&audit).await?;
        let count = |r: &web_sys::IdbRequest| r.result().ok().and_then(|v| v.as_f64()).unwrap_or(-1.0) as usize;
        let counts = (count(&entries), count(&audit));
        tx.commit().await.map_err(|e| self.fail(e))?;
        Ok(counts)
    }

    async fn sync_marks(&self, campaign: &str) -> Result<std::collections::BTreeMap<String, SyncMark>, StoreError> {
        let db = self.ready()?;
        let tx = db.transaction(SYNC).build().map_err(|e| self.fail(e))?;
        let marks = get_campaign(&tx, SYNC, campaign).await.map_err(|e| self.fail(e))?;
        tx.commit().await.map_err(|e| self.fail(e))?;
        marks.iter().map(|v| from_js::<SyncMark>(v, SYNC).map(|m| (m.doc.clone(), m))).collect()
    }

    async fn meta(&self, key: &str) -> Result<Option<String>, StoreError> {
        let db = self.ready()?;
        let tx = db.transaction(META).build().map_err(|e| self.fail(e))?;
        let value = {
            let store = tx.object_store(META).map_err(|e| self.fail(e))?;
            let request = store.get::<JsValue, &str, &str>(key).primitive().map_err(|e| self.fail(e))?;
            request.await.map_err(|e| self.fail(e))?
        };
        tx.commit().await.map_err(|e| self.fail(e))?;
        match value {
            None => Ok(None),
            Some(record) => match js_sys::Reflect::get(&record, &JsValue::from_str("value")).ok().and_then(|v| v.as_string()) {
                Some(value) => Ok(Some(value)),
                None => Err(StoreError::Failed(format!("the stored setting \"{key}\" is unreadable"))),
            },
        }
    }

    async fn set_meta(&self, key: &str, value: &str) -> Result<(), StoreError> {
        let db = self.ready()?;
        let record = json_to_js(&serde_json::json!({ "key": key, "value": value }))?;
        let tx = db.transaction(META).with_mode(TransactionMode::Readwrite).build().map_err(|e| self.fail(e))?;
        let raw_tx: web_sys::IdbTransaction = tx.as_sys().clone().unchecked_into();
        let written = {
            let store = tx.object_store(META).map_err(|e| self.fail(e))?;
            match store.put(&record).primitive() {
                Ok(request) => request.await,
                Err(e) => Err(e),
            }
        };
        if let Err(e) = written {
            let _ = tx.abort().await;
            return Err(self.fail(e));
        }
        if let Err(e) = tx.commit().await {
            return Err(match raw_tx.error() {
                Some(reason) => map_dom_exception(&reason),
                None => self.fail(e),
            });
        }
        Ok(())
    }
}

/// The object store an expectation reads.
pub(super) fn expected_store(expected: &Expected) -> &'static str {
    match expected {
        Expected::Entry(..) => ENTRIES,
        Expected::Unit(..) => UNITS,
        Expected::Target(..) => TARGETS,
    }
}

/// Reads what each expectation names, in the open transaction `tx`, and compares.
/// Every read is issued at once; requests complete in order, so awaiting the last is
/// awaiting all. Targets are read all together and normalised as [`IdbStore::load`] does.
pub(super) async fn check_expectations(tx: &web_sys::IdbTransaction, campaign: &str, expectations: &[&Expected]) -> Result<(), StoreError> {
    let mut reads: Vec<(&Expected, web_sys::IdbRequest)> = Vec::with_capacity(expectations.len());
    let mut targets_read: Option<web_sys::IdbRequest> = None;
    // Many entries expected absent (an import): one read of the campaign's keys, not one
    // read per entry.
    // Only the keys between the first and the last day expected absent are read (a page of a
    // sync pull spans a few days of a campaign's whole period).
    let absent_days: Vec<chrono::NaiveDate> = expectations.iter().filter_map(|e| if let Expected::Entry((date, _), None) = e { Some(*date) } else { None }).collect();
    let keys_read = if absent_days.len() > MANY_EXPECTATIONS {
        let store = tx.object_store(ENTRIES).map_err(|e| js_failure(&e))?;
        let (first, last) = (absent_days.iter().min(), absent_days.iter().max());
        let range = match (first, last) {
            (Some(first), Some(last)) => days_range(campaign, *first, *last)?,
            _ => campaign_range(campaign)?,
        };
        Some(store.get_all_keys_with_key(&range).map_err(|e| js_failure(&e))?)
    } else {
        None
    };
    for expected in expectations {
        if keys_read.is_some() && matches!(expected, Expected::Entry(_, None)) {
            continue;
        }
        let store = tx.object_store(expected_store(expected)).map_err(|e| js_failure(&e))?;
        let request = match expected {
            Expected::Entry((date, unit), _) => {
                let key = js_sys::Array::of3(&JsValue::from_str(campaign), &JsValue::from_str(&crate::domain::vn_time::format_iso(*date)), &JsValue::from_str(unit));
                store.get(&key)
            }
            Expected::Unit(id, _) => store.get(&js_sys::Array::of2(&JsValue::from_str(campaign), &JsValue::from_str(id))),
            Expected::Target(..) => {
                if targets_read.is_none() {
                    targets_read = Some(store.get_all_with_key(&campaign_range(campaign)?).map_err(|e| js_failure(&e))?);
                }
                continue;
            }
        }
        .map_err(|e| js_failure(&e))?;
        reads.push((expected, request));
    }
    if let Some(request) = &keys_read {
        request_done(request).await?;
        let keys: js_sys::Array = request.result().map_err(|e| js_failure(&e))?.unchecked_into();
        let stored: std::collections::HashSet<(String, String)> = keys
            .iter()
            .map(|k| {
                let k: js_sys::Array = k.unchecked_into();
                (k.get(1).as_string().unwrap_or_default(), k.get(2).as_string().unwrap_or_default())
            })
            .collect();
        for expected in expectations {
            if let Expected::Entry((date, unit), None) = expected {
                if stored.contains(&(crate::domain::vn_time::format_iso(*date), unit.clone())) {
                    return Err(StoreError::Stale(expected.describe()));
                }
            }
        }
    }
    let last = targets_read.clone().or_else(|| reads.last().map(|(_, r)| r.clone()));
    if let Some(last) = last {
        request_done(&last).await?;
    }
    for (expected, request) in &reads {
        let value = request.result().map_err(|e| js_failure(&e))?;
        let holds = match expected {
            Expected::Entry(_, want) => (if value.is_undefined() { None } else { Some(from_js::<Entry>(&value, ENTRIES)?) }).as_ref() == want.as_ref(),
            Expected::Unit(_, want) => (if value.is_undefined() { None } else { Some(from_js::<LocalUnit>(&value, UNITS)?) }).as_ref() == want.as_ref(),
            Expected::Target(..) => true,
        };
        if !holds {
            return Err(StoreError::Stale(expected.describe()));
        }
    }
    if let Some(request) = targets_read {
        let all: js_sys::Array = request.result().map_err(|e| js_failure(&e))?.unchecked_into();
        let stored = normalise_targets(all.iter().map(|v| from_js::<TargetSetting>(&v, TARGETS)).collect::<Result<_, _>>()?);
        let ledger = Ledger { targets: stored, ..Ledger::default() };
        if let Some(failed) = expectations.iter().find(|e| matches!(e, Expected::Target(..)) && !e.holds(&ledger)) {
            return Err(StoreError::Stale(failed.describe()));
        }
    }
    Ok(())
}

/// Above this many entries expected absent, their keys are checked with one read.
pub(super) const MANY_EXPECTATIONS: usize = 32;

/// Every key of `campaign`: from `[campaign]` up to `[campaign, []]` (an array sorts after
/// every string).
pub(super) fn campaign_range(campaign: &str) -> Result<JsValue, StoreError> {
    let lower: JsValue = js_sys::Array::of1(&JsValue::from_str(campaign)).into();
    let upper: JsValue = js_sys::Array::of2(&JsValue::from_str(campaign), &js_sys::Array::new()).into();
    web_sys::IdbKeyRange::bound(&lower, &upper).map(JsValue::from).map_err(|e| js_failure(&e))
}

/// Every entry key of `campaign` from day `first` to day `last`: from `[campaign, first]` up
/// to `[campaign, last, []]` (an array sorts after every string).
pub(super) fn days_range(campaign: &str, first: chrono::NaiveDate, last: chrono::NaiveDate) -> Result<JsValue, StoreError> {
    let day = |d| JsValue::from_str(&crate::domain::vn_time::format_iso(d));
    let lower: JsValue = js_sys::Array::of2(&JsValue::from_str(campaign), &day(first)).into();
    let upper: JsValue = js_sys::Array::of3(&JsValue::from_str(campaign), &day(last), &js_sys::Array::new()).into();
    web_sys::IdbKeyRange::bound(&lower, &upper).map(JsValue::from).map_err(|e| js_failure(&e))
}

/// Resolves when `request` succeeds, fails with its error otherwise.
pub(super) async fn request_done(request: &web_sys::IdbRequest) -> Result<(), StoreError> {
    let promise = js_sys::Promise::new(&mut |resolve, reject| {
        let on_success = Closure::once_into_js(move || {
            let _ = resolve.call0(&JsValue::NULL);
        });
        let on_error = Closure::once_into_js(move |event: web_sys::Event| {
            let _ = reject.call1(&JsValue::NULL, &event);
        });
        request.set_onsuccess(Some(on_success.unchecked_ref()));
        request.set_onerror(Some(on_error.unchecked_ref()));
    });
    let outcome = JsFuture::from(promise).await;
    request.set_onsuccess(None);
    request.set_onerror(None);
    outcome.map(|_| ()).map_err(|_| match request.error() {
        Ok(Some(d)) => map_dom_exception(&d),
        _ => StoreError::Failed("a read in the transaction failed".into()),
    })
}

/// All records of `campaign` in `store`: keys from `[campaign]` up to
/// `[campaign, []]` (an array sorts after every string).
pub(super) async fn get_campaign(tx: &indexed_db_futures::transaction::Transaction<'_>, store: &str, campaign: &str) -> indexed_db_futures::Result<Vec<JsValue>> {
    let lower: JsValue = js_sys::Array::of1(&JsValue::from_str(campaign)).into();
    let upper: JsValue = js_sys::Array::of2(&JsValue::from_str(campaign), &js_sys::Array::new()).into();
    let object_store = tx.object_store(store)?;
    let records = object_store.get_all::<JsValue>().with_query::<JsValue, _>(KeyRange::Bound(lower, false, upper, false)).primitive()?.await?;
    records.collect()
}

/// Appends the stored form of a domain record (its serde JSON with `campaign` first) and a
/// comma to `text`.
pub(super) fn push_record<T: Serialize>(text: &mut String, record: &T, campaign: &str) -> Result<(), StoreError> {
    let json = serde_json::to_string(record).map_err(|e| StoreError::Failed(format!("cannot encode a record: {e}")))?;
    let Some(fields) = json.strip_prefix('{') else {
        return Err(StoreError::Failed("a record did not encode as an object".into()));
    };
    text.push_str("{\"campaign\":");
    text.push_str(&serde_json::to_string(campaign).unwrap_or_default());
    if fields != "}" {
        text.push(',');
    }
    text.push_str(fields);
    text.push(',');
    Ok(())
}

pub(super) fn json_to_js(value: &serde_json::Value) -> Result<JsValue, StoreError> {
    js_sys::JSON::parse(&value.to_string()).map_err(|e| StoreError::Failed(format!("cannot encode a record: {}", js_message(&e))))
}

/// Reads a stored record back, dropping the `campaign` field.
pub(super) fn from_js<T: DeserializeOwned>(value: &JsValue, store: &str) -> Result<T, StoreError> {
    let text: String = js_sys::JSON::stringify(value).map(String::from).map_err(|e| StoreError::Failed(format!("unreadable record in {store}: {}", js_message(&e))))?;
    let mut json: serde_json::Value = serde_json::from_str(&text).map_err(|e| StoreError::Failed(format!("unreadable record in {store}: {e}")))?;
    if let serde_json::Value::Object(map) = &mut json {
        map.remove("campaign");
    }
    serde_json::from_value(json).map_err(|e| StoreError::Failed(format!("unreadable record in {store}: {e}")))
}

pub(super) fn map_error(e: &IdbError) -> StoreError {
    match e {
        IdbError::DomException(d) => map_dom_exception(&web_sys::DomException::from(d.clone())),
        other => StoreError::Failed(other.to_string()),
    }
}

pub(super) fn js_failure(e: &JsValue) -> StoreError {
    match e.dyn_ref::<web_sys::DomException>() {
        Some(d) => map_dom_exception(d),
        None => StoreError::Failed(format!("{e:?}")),
    }
}

pub(super) fn map_dom_exception(e: &web_sys::DomException) -> StoreError {
    match e.name().as_str() {
        "QuotaExceededError" => StoreError::QuotaExceeded,
        "ConstraintError" => StoreError::Duplicate(e.message()),
        name => StoreError::Failed(format!("{name}: {}", e.message())),
    }
}

pub(super) fn js_message(e: &JsValue) -> String {
    if let Some(exception) = e.dyn_ref::<web_sys::DomException>() {
        return format!("{}: {}", exception.name(), exception.message());
    }
    if let Some(error) = e.dyn_ref::<js_sys::Error>() {
        return String::from(error.message());
    }
    e.as_string().unwrap_or_else(|| format!("{e:?}"))
}


//! Opening the database (with its upgrades, a blocked upgrade, another tab's upgrade),
//! deleting it, and asking for persistent storage.

use super::*;

/// What happened to the connection since it was opened.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) enum State {
    Open,
    /// Another tab upgraded or deleted the database; we closed our connection.
    VersionChanged,
    /// The browser closed the connection (site data cleared, disk error).
    ClosedByBrowser,
}

pub(super) type Callbacks = Rc<RefCell<Vec<Rc<dyn Fn()>>>>;

pub(super) struct Inner {
    db: Database,
    state: Rc<Cell<State>>,
    callbacks: Callbacks,
    _on_version_change: Closure<dyn FnMut(web_sys::Event)>,
    _on_close: Closure<dyn FnMut(web_sys::Event)>,
}

impl Drop for Inner {
    fn drop(&mut self) {
        let raw = raw_db(&self.db);
        raw.set_onversionchange(None);
        raw.set_onclose(None);
        raw.close();
    }
}

/// An open connection to the tally database. Cheap to clone; the connection
/// closes when the last clone is dropped.
#[derive(Clone)]
pub struct IdbStore {
    inner: Rc<Inner>,
}

impl IdbStore {
    /// Opens the app's database at the current schema version, creating or
    /// upgrading it as needed. `Unavailable` when the browser refuses
    /// IndexedDB (private mode, policy) or another tab blocks the upgrade for
    /// more than [`BLOCKED_TIMEOUT_MS`].
    pub async fn open() -> Result<IdbStore, StoreError> {
        IdbStore::open_at_version(DB_NAME, CURRENT_VERSION).await
    }

    /// Opens the database `name` at the current schema version (tests use their own names).
    pub async fn open_named(name: &str) -> Result<IdbStore, StoreError> {
        IdbStore::open_at_version(name, CURRENT_VERSION).await
    }

    /// Opens the database `name` at schema `version` (1 to [`CURRENT_VERSION`]),
    /// running each upgrade step above the stored version. A test hook for
    /// creating old databases; the app uses [`IdbStore::open`].
    pub async fn open_at_version(name: &str, version: u32) -> Result<IdbStore, StoreError> {
        if version == 0 || version > CURRENT_VERSION {
            return Err(StoreError::Unavailable(format!("schema version {version} is not between 1 and {CURRENT_VERSION}")));
        }
        let blocked = Rc::new(Blocked::default());
        let on_blocked = {
            let blocked = blocked.clone();
            move |_event: VersionChangeEvent| {
                blocked.set();
                Ok(())
            }
        };
        let mut request = Database::open(name)
            .with_version(version)
            .with_on_blocked(on_blocked)
            .with_on_upgrade_needed(move |event, db| {
                let old = event.old_version() as u32;
                let new = event.new_version().map_or(version, |v| v as u32);
                for step in old + 1..=new {
                    upgrade_to(&db, step)?;
                }
                Ok(())
            })
            .build()
            .map_err(|e| StoreError::Unavailable(describe_open(&e)))?;

        // Wait for the open; once it is reported blocked, wait at most BLOCKED_TIMEOUT_MS more.
        let mut timer: Option<JsFuture> = None;
        let outcome = poll_fn(|cx| {
            if let Poll::Ready(result) = Pin::new(&mut request).poll(cx) {
                return Poll::Ready(Some(result));
            }
            if blocked.is_set() {
                let timer = timer.get_or_insert_with(|| sleep(BLOCKED_TIMEOUT_MS));
                if Pin::new(timer).poll(cx).is_ready() {
                    return Poll::Ready(None);
                }
            } else {
                blocked.wait(cx.waker());
            }
            Poll::Pending
        })
        .await;

        match outcome {
            Some(Ok(db)) => Ok(IdbStore::attach(db)),
            Some(Err(e)) => Err(StoreError::Unavailable(describe_open(&e))),
            None => {
                // Keep the request (and its upgrade handler) alive: when the other
                // tab lets go, the upgrade still runs correctly, then we close.
                wasm_bindgen_futures::spawn_local(async move {
                    if let Ok(db) = request.await {
                        db.close();
                    }
                });
                Err(StoreError::Unavailable("the database is blocked by another open tab of this app; close it and reload".into()))
            }
        }
    }

    fn attach(db: Database) -> IdbStore {
        let state = Rc::new(Cell::new(State::Open));
        let callbacks: Callbacks = Rc::default();
        let raw = raw_db(&db).clone();
        let on_version_change = {
            let (raw, state, callbacks) = (raw.clone(), state.clone(), callbacks.clone());
            Closure::<dyn FnMut(web_sys::Event)>::new(move |_event: web_sys::Event| {
                raw.close();
                state.set(State::VersionChanged);
                let to_call: Vec<_> = callbacks.borrow().clone();
                for f in to_call {
                    f();
                }
            })
        };
        let on_close = {
            let state = state.clone();
            Closure::<dyn FnMut(web_sys::Event)>::new(move |_event: web_sys::Event| {
                if state.get() == State::Open {
                    state.set(State::ClosedByBrowser);
                }
            })
        };
        raw.set_onversionchange(Some(on_version_change.as_ref().unchecked_ref()));
        raw.set_onclose(Some(on_close.as_ref().unchecked_ref()));
        IdbStore { inner: Rc::new(Inner { db, state, callbacks, _on_version_change: on_version_change, _on_close: on_close }) }
    }

    /// Calls `f` when another tab upgrades (or deletes) the database. The
    /// connection is then closed and every later call fails with
    /// [`StoreError::VersionChanged`]; the UI should ask for a reload.
    /// Called at once if that already happened.
    pub fn on_version_change(&self, f: impl Fn() + 'static) {
        if self.inner.state.get() == State::VersionChanged {
            f();
        }
        self.inner.callbacks.borrow_mut().push(Rc::new(f));
    }

    /// True once another tab upgraded the database and this connection closed.
    pub fn version_changed(&self) -> bool {
        self.inner.state.get() == State::VersionChanged
    }

    /// The database's name.
    pub fn name(&self) -> String {
        self.inner.db.name()
    }

    /// The schema version of the open database.
    pub fn version(&self) -> u32 {
        self.inner.db.version() as u32
    }

    pub(super) fn ready(&self) -> Result<&Database, StoreError> {
        match self.inner.state.get() {
            State::Open => Ok(&self.inner.db),
            State::VersionChanged => Err(StoreError::VersionChanged),
            State::ClosedByBrowser => Err(StoreError::Unavailable("the browser closed the database".into())),
        }
    }

    /// Maps a library error, preferring what we know about the connection.
    pub(super) fn fail(&self, e: IdbError) -> StoreError {
        match self.ready() {
            Err(closed) => closed,
            Ok(_) => map_error(&e),
        }
    }
}

/// Deletes the database `name` (all campaigns and settings). Open connections
/// of this app close themselves; another tab holding it open without doing so
/// makes this fail after [`BLOCKED_TIMEOUT_MS`].
pub async fn delete_database(name: &str) -> Result<(), StoreError> {
    let factory = web_sys::window()
        .ok_or_else(|| StoreError::Unavailable("no window".into()))?
        .indexed_db()
        .map_err(|e| StoreError::Unavailable(js_message(&e)))?
        .ok_or_else(|| StoreError::Unavailable("this browser has no IndexedDB".into()))?;
    let request = factory.delete_database(name).map_err(|e| StoreError::Unavailable(js_message(&e)))?;
    // Resolves on success, rejects on error, and rejects after a delay once blocked.
    let promise = js_sys::Promise::new(&mut |resolve, reject| {
        let on_success = Closure::once_into_js(move || {
            let _ = resolve.call0(&JsValue::NULL);
        });
        let reject_error = reject.clone();
        let req = request.clone();
        let on_error = Closure::once_into_js(move || {
            let message = req.error().ok().flatten().map(|e| format!("{}: {}", e.name(), e.message())).unwrap_or_else(|| "the database could not be deleted".into());
            let _ = reject_error.call1(&JsValue::NULL, &JsValue::from_str(&message));
        });
        let on_blocked = Closure::once_into_js(move || {
            let give_up = Closure::once_into_js(move || {
                let _ = reject.call1(&JsValue::NULL, &JsValue::from_str("the database is open in another tab"));
            });
            if let Some(window) = web_sys::window() {
                let _ = window.set_timeout_with_callback_and_timeout_and_arguments_0(give_up.unchecked_ref(), BLOCKED_TIMEOUT_MS);
            }
        });
        request.set_onsuccess(Some(on_success.unchecked_ref()));
        request.set_onerror(Some(on_error.unchecked_ref()));
        request.set_onblocked(Some(on_blocked.unchecked_ref()));
    });
    JsFuture::from(promise).await.map(|_| ()).map_err(|e| StoreError::Unavailable(e.as_string().unwrap_or_else(|| js_message(&e))))
}

/// Asks the browser to keep this site's storage under storage pressure
/// (`navigator.storage.persist()`). `None` when the browser cannot say.
pub async fn request_persistence() -> Option<bool> {
    storage_manager_call("persist").await
}

/// Whether this site's storage is already persistent
/// (`navigator.storage.persisted()`). `None` when the browser cannot say.
pub async fn is_persisted() -> Option<bool> {
    storage_manager_call("persisted").await
}

pub(super) async fn storage_manager_call(method: &str) -> Option<bool> {
    let navigator = web_sys::window()?.navigator();
    let storage = js_sys::Reflect::get(&navigator, &JsValue::from_str("storage")).ok()?;
    if storage.is_undefined() || storage.is_null() {
        return None;
    }
    let function = js_sys::Reflect::get(&storage, &JsValue::from_str(method)).ok()?.dyn_into::<js_sys::Function>().ok()?;
    let promise = function.call0(&storage).ok()?.dyn_into::<js_sys::Promise>().ok()?;
    JsFuture::from(promise).await.ok()?.as_bool()
}

pub(super) fn raw_db(db: &Database) -> &web_sys::IdbDatabase {
    db.as_sys().unchecked_ref()
}

pub(super) fn describe_open(e: &OpenDbError) -> String {
    match e {
        OpenDbError::Base(IdbError::DomException(d)) => {
            let raw = web_sys::DomException::from(d.clone());
            format!("{}: {}", raw.name(), raw.message())
        }
        other => other.to_string(),
    }
}

/// A future that resolves after `ms` milliseconds.
pub(super) fn sleep(ms: i32) -> JsFuture {
    let promise = js_sys::Promise::new(&mut |resolve, _reject| {
        if let Some(window) = web_sys::window() {
            let _ = window.set_timeout_with_callback_and_timeout_and_arguments_0(&resolve, ms);
        }
    });
    JsFuture::from(promise)
}

/// Set by the open request's `blocked` event; wakes the waiting open.
#[derive(Default)]
pub(super) struct Blocked {
    flag: Cell<bool>,
    waker: RefCell<Option<Waker>>,
}

impl Blocked {
    fn set(&self) {
        self.flag.set(true);
        if let Some(waker) = self.waker.borrow_mut().take() {
            waker.wake();
        }
    }

    fn is_set(&self) -> bool {
        self.flag.get()
    }

    fn wait(&self, waker: &Waker) {
        *self.waker.borrow_mut() = Some(waker.clone());
    }
}

//! Requests to the deployment's CouchDB server: `fetch` with the session cookie
//! (`credentials: include`), JSON bodies, and a time limit, for sync's [`Transport`].

use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;

use crate::domain::tally::sync::couch::SyncError;
use crate::domain::tally::sync::engine::Transport;

/// How long one request may take before it counts as unreachable.
pub const REQUEST_TIMEOUT_MS: i32 = 30_000;

/// The CouchDB server, reached from this page.
#[derive(Clone, Copy, Debug, Default)]
pub struct CouchHttp;

fn message(e: &JsValue) -> String {
    e.as_string().unwrap_or_else(|| String::from(js_sys::Error::from(e.clone()).message()))
}

/// One request: its status and body, or `Unreachable` when no answer came in time.
pub async fn request(method: &str, url: &str, body: Option<&str>) -> Result<(u16, String), SyncError> {
    let window = web_sys::window().ok_or_else(|| SyncError::Unreachable("no window".into()))?;
    let init = web_sys::RequestInit::new();
    init.set_method(method);
    init.set_mode(web_sys::RequestMode::Cors);
    init.set_credentials(web_sys::RequestCredentials::Include);
    let headers = web_sys::Headers::new().map_err(|e| SyncError::Unreachable(message(&e)))?;
    let _ = headers.set("Accept", "application/json");
    if let Some(body) = body {
        let _ = headers.set("Content-Type", "application/json");
        init.set_body(&JsValue::from_str(body));
    }
    init.set_headers(&headers);
    let abort = web_sys::AbortController::new().ok();
    if let Some(a) = &abort {
        init.set_signal(Some(&a.signal()));
    }
    let timer = abort.clone().map(|a| abort_after(move || a.abort()));
    let outcome = async {
        let response = JsFuture::from(window.fetch_with_str_and_init(url, &init)).await.map_err(|e| SyncError::Unreachable(message(&e)))?;
        let response: web_sys::Response = response.dyn_into().map_err(|e| SyncError::Unreachable(message(&e)))?;
        let text = JsFuture::from(response.text().map_err(|e| SyncError::Unreachable(message(&e)))?).await.map_err(|e| SyncError::Unreachable(message(&e)))?;
        Ok((response.status(), text.as_string().unwrap_or_default()))
    }
    .await;
    drop(timer);
    outcome
}

/// A timeout that aborts the request, cleared when dropped.
struct Timer(Option<leptos::prelude::TimeoutHandle>);

impl Drop for Timer {
    fn drop(&mut self) {
        if let Some(h) = self.0.take() {
            h.clear();
        }
    }
}

fn abort_after(on_time: impl FnOnce() + 'static) -> Timer {
    Timer(leptos::prelude::set_timeout_with_handle(on_time, std::time::Duration::from_millis(REQUEST_TIMEOUT_MS as u64)).ok())
}

impl Transport for CouchHttp {
    async fn get(&self, url: &str) -> Result<(u16, String), SyncError> {
        request("GET", url, None).await
    }

    async fn post(&self, url: &str, body: &str) -> Result<(u16, String), SyncError> {
        request("POST", url, Some(body)).await
    }
}

/// Runs `work` holding the browser's lock `name` (the Web Locks API), so that two tabs of
/// this site never run it at the same time; `None` when another tab holds the lock. Where
/// the browser has no Web Locks, `work` just runs.
pub async fn with_tab_lock<T>(name: &str, work: impl std::future::Future<Output = T>) -> Option<T> {
    let locks = web_sys::window().and_then(|w| js_sys::Reflect::get(&w.navigator(), &JsValue::from_str("locks")).ok()).filter(|l| !l.is_undefined() && !l.is_null());
    let Some(locks) = locks else { return Some(work.await) };
    let Ok(request) = js_sys::Reflect::get(&locks, &JsValue::from_str("request")).and_then(|f| f.dyn_into::<js_sys::Function>()) else {
        return Some(work.await);
    };
    // The lock is held until the promise the callback returns settles: `release` settles it.
    let mut release: Option<js_sys::Function> = None;
    let held = js_sys::Promise::new(&mut |resolve, _| release = Some(resolve));
    let mut granted_resolve: Option<js_sys::Function> = None;
    let granted = js_sys::Promise::new(&mut |resolve, _| granted_resolve = Some(resolve));
    let granted_resolve = granted_resolve.expect("the promise runs its executor at once");
    let callback = wasm_bindgen::closure::Closure::once_into_js(move |lock: JsValue| -> JsValue {
        let _ = granted_resolve.call1(&JsValue::NULL, &JsValue::from_bool(!lock.is_null()));
        held.into()
    });
    let options = js_sys::Object::new();
    let _ = js_sys::Reflect::set(&options, &JsValue::from_str("ifAvailable"), &JsValue::TRUE);
    if request.call3(&locks, &JsValue::from_str(name), &options, &callback).is_err() {
        return Some(work.await);
    }
    let got = JsFuture::from(granted).await.ok().and_then(|v| v.as_bool()).unwrap_or(false);
    let release = release.expect("the promise runs its executor at once");
    if !got {
        let _ = release.call0(&JsValue::NULL);
        return None;
    }
    let out = work.await;
    let _ = release.call0(&JsValue::NULL);
    Some(out)
}

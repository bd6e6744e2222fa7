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

//! Registers the service worker (`sw.js`, written by `scripts/build-sw.mjs`)
//! and applies a waiting new version only when the user agrees.

use std::cell::RefCell;

use gloo_events::EventListener;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;

thread_local! {
    static REGISTRATION: RefCell<Option<web_sys::ServiceWorkerRegistration>> = const { RefCell::new(None) };
    static RELOAD_ON_CHANGE: RefCell<bool> = const { RefCell::new(false) };
    /// The listeners on the service worker's objects: they live as long as the page.
    static LISTENERS: RefCell<Vec<EventListener>> = const { RefCell::new(Vec::new()) };
}

/// Keeps `listener` for the life of the page.
fn keep(listener: EventListener) {
    LISTENERS.with(|l| l.borrow_mut().push(listener));
}

fn sw_container() -> Option<web_sys::ServiceWorkerContainer> {
    let navigator = web_sys::window()?.navigator();
    // Absent on insecure origins and in some private modes.
    js_sys::Reflect::get(&navigator, &"serviceWorker".into()).ok().filter(|v| !v.is_undefined())?;
    Some(navigator.service_worker())
}

/// Registers `{base}/sw.js` for the whole site (`{base}/`) and calls `on_update_ready`
/// when a new version is installed and waiting while this page runs the old one.
pub fn register(base: &str, on_update_ready: impl Fn() + 'static) {
    let Some(container) = sw_container() else { return };
    let options = web_sys::RegistrationOptions::new();
    options.set_scope(&format!("{base}/"));
    let promise = container.register_with_options(&format!("{base}/sw.js"), &options);
    let on_update_ready = std::rc::Rc::new(on_update_ready);
    keep(EventListener::new(&container, "controllerchange", |_| {
        if RELOAD_ON_CHANGE.with(|r| *r.borrow()) {
            if let Some(w) = web_sys::window() {
                let _ = w.location().reload();
            }
        }
    }));
    wasm_bindgen_futures::spawn_local(async move {
        let Ok(value) = wasm_bindgen_futures::JsFuture::from(promise).await else { return };
        let Ok(registration) = value.dyn_into::<web_sys::ServiceWorkerRegistration>() else { return };
        let has_controller = move || sw_container().and_then(|c| c.controller()).is_some();
        if registration.waiting().is_some() && has_controller() {
            on_update_ready();
        }
        let watched = registration.clone();
        let ready = on_update_ready.clone();
        keep(EventListener::new(&registration, "updatefound", move |_| {
            let Some(installing) = watched.installing() else { return };
            let worker = installing.clone();
            let ready = ready.clone();
            keep(EventListener::new(&installing, "statechange", move |_| {
                if worker.state() == web_sys::ServiceWorkerState::Installed && has_controller() {
                    ready();
                }
            }));
        }));
        REGISTRATION.with(|r| *r.borrow_mut() = Some(registration));
    });
}

/// Asks the waiting version to take over; the page reloads when it does.
pub fn apply_update() {
    let waiting = REGISTRATION.with(|r| r.borrow().as_ref().and_then(|reg| reg.waiting()));
    match waiting {
        Some(worker) => {
            RELOAD_ON_CHANGE.with(|r| *r.borrow_mut() = true);
            let _ = worker.post_message(&JsValue::from_str("skip-waiting"));
        }
        None => {
            if let Some(w) = web_sys::window() {
                let _ = w.location().reload();
            }
        }
    }
}

/// Asks the active service worker to keep the main pages of `group` (the campaign and
/// language being read: `""`, `en/`, `c/<id>/`, `en/c/<id>/`) for offline use.
pub fn cache_group(group: &str) {
    let Some(container) = sw_container() else { return };
    let Ok(ready) = container.ready() else { return };
    let group = group.to_string();
    wasm_bindgen_futures::spawn_local(async move {
        let Ok(value) = wasm_bindgen_futures::JsFuture::from(ready).await else { return };
        let Ok(registration) = value.dyn_into::<web_sys::ServiceWorkerRegistration>() else { return };
        let Some(active) = registration.active() else { return };
        let message = js_sys::Object::new();
        let _ = js_sys::Reflect::set(&message, &"type".into(), &"cache-group".into());
        let _ = js_sys::Reflect::set(&message, &"group".into(), &group.as_str().into());
        let _ = active.post_message(&message);
    });
}

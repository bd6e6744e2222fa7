//! Cross-tab notices: after a tab stores a batch it tells the other tabs of
//! this app which campaign changed, so they can reload it.
//!
//! One `BroadcastChannel` object per page is used both to post and to listen:
//! a channel never receives its own messages, so a tab does not hear itself.
//! Where `BroadcastChannel` is missing (old browsers) everything is a no-op.

use std::cell::OnceCell;

use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;

/// The name of the channel shared by every tab of the app.
pub const CHANNEL_NAME: &str = "vneid-campaign-tally";

thread_local! {
    /// This page's channel; `None` when the browser has no `BroadcastChannel`.
    static CHANNEL: OnceCell<Option<web_sys::BroadcastChannel>> = const { OnceCell::new() };
}

fn with_channel<R>(f: impl FnOnce(&web_sys::BroadcastChannel) -> R) -> Option<R> {
    CHANNEL.with(|cell| cell.get_or_init(|| web_sys::BroadcastChannel::new(CHANNEL_NAME).ok()).as_ref().map(f))
}

/// Tells the other tabs that `campaign`'s stored data changed
/// (posts `{"campaign": …}`). Failures are ignored: the notice is a courtesy.
pub fn notify_commit(campaign: &str) {
    let message = js_sys::Object::new();
    if js_sys::Reflect::set(&message, &JsValue::from_str("campaign"), &JsValue::from_str(campaign)).is_err() {
        return;
    }
    with_channel(|channel| {
        let _ = channel.post_message(&message);
    });
}

/// Calls `f(campaign)` each time another tab reports a stored batch, until the returned
/// listener is dropped. `None` when the browser has no `BroadcastChannel` (then `f` is
/// never called).
pub fn listen_for_other_tabs(f: impl Fn(String) + 'static) -> Option<gloo_events::EventListener> {
    with_channel(|channel| {
        gloo_events::EventListener::new(channel, "message", move |event| {
            let Some(event) = event.dyn_ref::<web_sys::MessageEvent>() else { return };
            if let Some(campaign) = js_sys::Reflect::get(&event.data(), &JsValue::from_str("campaign")).ok().and_then(|c| c.as_string()) {
                f(campaign);
            }
        })
    })
}

//! Small device preferences (language, chosen campaign) behind one trait.
//!
//! Preferences live in `localStorage` because they must be known before the
//! first paint; when storage is blocked (private mode, policy) they fall back
//! to memory for the session.

use std::cell::RefCell;
use std::collections::HashMap;

/// A key-value store for preferences.
pub trait PrefStore {
    /// The stored value for `key`.
    fn get(&self, key: &str) -> Option<String>;
    /// Stores `value` under `key`; returns false if it could not be kept.
    fn set(&self, key: &str, value: &str) -> bool;
    /// Removes `key`.
    fn remove(&self, key: &str);
}

/// Preferences kept in memory only (used when `localStorage` is unavailable, and in tests).
#[derive(Default)]
pub struct MemoryPrefs(RefCell<HashMap<String, String>>);

impl PrefStore for MemoryPrefs {
    fn get(&self, key: &str) -> Option<String> {
        self.0.borrow().get(key).cloned()
    }
    fn set(&self, key: &str, value: &str) -> bool {
        self.0.borrow_mut().insert(key.to_string(), value.to_string());
        true
    }
    fn remove(&self, key: &str) {
        self.0.borrow_mut().remove(key);
    }
}

/// Preferences in the browser's `localStorage`, namespaced by a prefix.
pub struct LocalPrefs {
    storage: web_sys::Storage,
    prefix: &'static str,
}

impl LocalPrefs {
    /// Opens `localStorage`; `None` when the browser refuses it.
    pub fn open(prefix: &'static str) -> Option<LocalPrefs> {
        let storage = web_sys::window()?.local_storage().ok()??;
        Some(LocalPrefs { storage, prefix })
    }

    fn key(&self, key: &str) -> String {
        format!("{}{}", self.prefix, key)
    }
}

impl PrefStore for LocalPrefs {
    fn get(&self, key: &str) -> Option<String> {
        self.storage.get_item(&self.key(key)).ok().flatten()
    }
    fn set(&self, key: &str, value: &str) -> bool {
        self.storage.set_item(&self.key(key), value).is_ok()
    }
    fn remove(&self, key: &str) {
        let _ = self.storage.remove_item(&self.key(key));
    }
}

/// The app's preference store: `localStorage` when available, otherwise this page's
/// memory store (the same one for every caller, so a choice holds for the session).
pub fn open_prefs() -> Box<dyn PrefStore> {
    match LocalPrefs::open("vneid-campaign:") {
        Some(local) => Box::new(local),
        None => page_memory_prefs(),
    }
}

thread_local! {
    static PAGE_MEMORY: std::rc::Rc<MemoryPrefs> = std::rc::Rc::new(MemoryPrefs::default());
}

/// This page's in-memory preferences: every handle reads and writes the same store.
pub fn page_memory_prefs() -> Box<dyn PrefStore> {
    Box::new(PAGE_MEMORY.with(std::rc::Rc::clone))
}

impl PrefStore for std::rc::Rc<MemoryPrefs> {
    fn get(&self, key: &str) -> Option<String> {
        self.as_ref().get(key)
    }
    fn set(&self, key: &str, value: &str) -> bool {
        self.as_ref().set(key, value)
    }
    fn remove(&self, key: &str) {
        self.as_ref().remove(key)
    }
}

pub use crate::pref_keys as keys;

/// Preference key of the chosen language.
pub const LANG_KEY: &str = keys::LANG;

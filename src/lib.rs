//! The e-ID campaign companion: a fast, offline, bilingual guide to VNeID
//! campaigns for citizens, with a counting mode for campaign staff.
//!
//! `domain` is plain Rust and builds everywhere; the user interface
//! (`app`, `pages`, `components`, `web`) is built for the browser only.

pub mod domain;

#[cfg(target_arch = "wasm32")]
pub mod app;
#[cfg(target_arch = "wasm32")]
pub mod components;
// Generates `mod i18n` (typed keys, `t!`, `Locale`) from `locales/*.json`.
#[cfg(target_arch = "wasm32")]
leptos_i18n::load_locales!();
#[cfg(target_arch = "wasm32")]
pub mod pages;
#[cfg(target_arch = "wasm32")]
pub mod web;

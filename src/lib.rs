//! The e-ID campaign companion: a fast, offline, bilingual guide to VNeID
//! campaigns for citizens, with a counting mode for campaign staff.
//!
//! `domain` is plain Rust and builds everywhere; the user interface
//! (`app`, `pages`, `components`, `web`) is built for the browser only.

pub mod domain;
pub mod routes;

#[cfg(target_arch = "wasm32")]
pub mod app;
#[cfg(target_arch = "wasm32")]
pub mod components;
// Generates `mod i18n` (typed keys, `t!`, `Locale`) from `locales/*.json`.
// (The macro is deprecated in favour of a build script whose build
// dependencies would add ~120 crates to every fresh build; the macro is the
// same code generator.)
#[cfg(target_arch = "wasm32")]
#[allow(deprecated)]
mod generated_i18n {
    leptos_i18n::load_locales!();
}
#[cfg(target_arch = "wasm32")]
pub use generated_i18n::i18n;
#[cfg(target_arch = "wasm32")]
pub mod pages;
#[cfg(target_arch = "wasm32")]
pub mod staff;
#[cfg(target_arch = "wasm32")]
pub mod web;

//! The e-ID campaign companion: a fast, offline, bilingual guide to VNeID
//! campaigns for citizens, with a counting mode for campaign staff.
//!
//! `domain` and `routes` are plain Rust and build everywhere. Three builds use Leptos:
//! - `ssr` (native): `site` renders every citizen page to HTML at build time (`bin/prerender`);
//! - `hydrate` (wasm, this library as a cdylib): the islands of those pages come alive;
//! - `staff` (wasm, `bin/staff` and `bin/editor`): staff mode, a client-rendered app (`app`,
//!   `components`, `staff`), and the campaign editor (`editor`), which previews citizen pages with `site`.

#![recursion_limit = "512"]
#![warn(missing_docs)]

pub mod domain;
pub mod routes;

// Generates `mod i18n` (typed keys, `td_string!`, `Locale`) from `locales/*.json`.
// (The macro is deprecated in favour of a build script whose build
// dependencies would add ~120 crates to every fresh build; the macro is the
// same code generator.)
#[cfg(any(feature = "ssr", feature = "hydrate", feature = "staff"))]
#[allow(deprecated, missing_docs)]
mod generated_i18n {
    leptos_i18n::load_locales!();
}
#[cfg(any(feature = "ssr", feature = "hydrate", feature = "staff"))]
pub use generated_i18n::i18n;

#[cfg(any(feature = "ssr", feature = "staff"))]
pub mod source_words;

pub mod pref_keys;

#[cfg(any(feature = "ssr", feature = "hydrate", feature = "staff"))]
pub mod site;

#[cfg(all(target_arch = "wasm32", any(feature = "hydrate", feature = "staff")))]
pub mod web;

#[cfg(all(target_arch = "wasm32", feature = "staff"))]
pub mod app;
#[cfg(all(target_arch = "wasm32", feature = "staff"))]
pub mod components;
#[cfg(all(target_arch = "wasm32", feature = "staff"))]
pub mod staff;
#[cfg(all(target_arch = "wasm32", feature = "staff"))]
pub mod editor;

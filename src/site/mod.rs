//! The citizen pages: rendered to HTML at build time, brought to life by islands.
//!
//! Every page is a server-only Leptos component (`pages`, `shell`) rendered once per
//! campaign, language and address by `bin/prerender` (feature `ssr`). The parts that
//! depend on the clock or the device are `#[island]`s (`islands`), compiled into both
//! builds: rendered neutral at build time, then set in the browser after they start
//! (feature `hydrate`, this library as a small wasm).

pub mod islands;

#[cfg(feature = "ssr")]
pub mod context;
#[cfg(feature = "ssr")]
pub mod pages;
#[cfg(feature = "ssr")]
pub mod parts;
#[cfg(feature = "ssr")]
pub mod shell;

use crate::domain::text::Lang;
use crate::i18n::Locale;

/// The i18n locale of a domain language.
pub fn locale_of(lang: Lang) -> Locale {
    match lang {
        Lang::Vi => Locale::vi,
        Lang::En => Locale::en,
    }
}

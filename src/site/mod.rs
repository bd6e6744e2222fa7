//! The citizen pages: rendered to HTML at build time, brought to life by islands.
//!
//! Every page is a server-only Leptos component (`pages`, `shell`) rendered once per
//! campaign, language and address by `bin/prerender` (feature `ssr`). The parts that
//! depend on the clock or the device are `#[island]`s (`islands`), compiled into both
//! builds: rendered neutral at build time, then set in the browser after they start
//! (feature `hydrate`, this library as a small wasm).

pub mod islands;

#[cfg(any(feature = "ssr", feature = "staff"))]
pub mod context;
#[cfg(any(feature = "ssr", feature = "staff"))]
pub mod pages;
#[cfg(any(feature = "ssr", feature = "staff"))]
pub mod parts;
#[cfg(any(feature = "ssr", feature = "staff"))]
pub mod shell;

/// Renders `view` to HTML inside a root owner with the islands' shared context and the
/// page context `ctx` (build time only).
#[cfg(feature = "ssr")]
fn render_with<V: leptos::prelude::RenderHtml>(ctx: context::PageCtx, view: impl FnOnce() -> V) -> String {
    use leptos::prelude::*;
    let _ = any_spawner::Executor::init_futures_executor();
    let owner = Owner::new_root(Some(std::sync::Arc::new(hydration_context::SsrSharedContext::new_islands())));
    let html = owner.with(|| {
        provide_context(ctx);
        view().to_html()
    });
    owner.unset();
    html
}

/// Renders the page in `ctx` to a complete HTML document (`not_found`: the not-found page).
#[cfg(feature = "ssr")]
pub fn render(ctx: context::PageCtx, not_found: bool) -> String {
    use leptos::prelude::*;
    render_with(ctx, move || view! { <shell::Document not_found/> })
}

/// Renders the printable handout of the campaign and language in `ctx`; `qr` is the SVG of the site's address.
#[cfg(feature = "ssr")]
pub fn render_handout(ctx: context::PageCtx, qr: String) -> String {
    use leptos::prelude::*;
    render_with(ctx, move || view! { <pages::handout::HandoutDocument qr/> })
}

use crate::domain::text::Lang;
use crate::i18n::Locale;

/// The i18n locale of a domain language.
pub fn locale_of(lang: Lang) -> Locale {
    match lang {
        Lang::Vi => Locale::vi,
        Lang::En => Locale::en,
    }
}

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
/// A page whose islands are all core islands loads the core build's JS and wasm instead.
pub fn render(ctx: context::PageCtx, not_found: bool) -> String {
    use leptos::prelude::*;
    let assets = ctx.assets.clone();
    let html = render_with(ctx, move || view! { <shell::Document not_found/> });
    if !assets.core_js.is_empty() && only_core_islands(&html) {
        html.replace(&assets.js, &assets.core_js).replace(&assets.wasm, &assets.core_wasm)
    } else {
        html
    }
}

/// The islands of a rendered page, by name (`data-component="<name>_<hash>"` gives `<name>`).
pub fn island_names(html: &str) -> Vec<&str> {
    const MARK: &str = "data-component=\"";
    html.match_indices(MARK)
        .filter_map(|(at, _)| {
            let rest = &html[at + MARK.len()..];
            let id = &rest[..rest.find('"')?];
            Some(id.rsplit_once('_').map_or(id, |(name, _)| name))
        })
        .collect()
}

/// Whether every island of a rendered page is in [`islands::CORE_ISLANDS`].
pub fn only_core_islands(html: &str) -> bool {
    island_names(html).iter().all(|name| islands::CORE_ISLANDS.contains(name))
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

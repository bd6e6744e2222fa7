//! Not found (`404.html`): GitHub Pages serves it for any address that has no file.

use leptos::prelude::*;

use crate::domain::text::Lang;
use crate::i18n::*;
use crate::routes::site::SitePage;
use crate::site::context::{current, tx};

/// The not-found page, with a way home in both languages.
pub fn page() -> (String, AnyView) {
    let p = current();
    let heading = tx(|l| td_string!(l, not_found.title)).to_string();
    let other_home = crate::site::context::relative(&crate::routes::site::SitePath { lang: p.lang().other(), campaign: None, page: SitePage::Home }.path());
    let body = view! {
        <h1>{heading.clone()}</h1>
        <p>{tx(|l| td_string!(l, not_found.body))}</p>
        <p><a class="more-link" href="./">{tx(|l| td_string!(l, not_found.home))}</a></p>
        <p lang=p.lang().other().code()><a class="more-link" href=other_home>{tx(|l| td_string!(l, live.not_found_en))}</a></p>
    };
    let _ = Lang::ALL;
    (heading, body.into_any())
}

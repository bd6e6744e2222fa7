//! One module per citizen page. Each returns its heading (for `<title>`) and its content.

pub mod check;
pub mod documents;
pub mod guide;
pub mod handout;
pub mod help;
pub mod home;
pub mod not_found;
pub mod offices;

use leptos::prelude::*;

use crate::routes::site::SitePage;

/// The heading and content of `page`.
pub fn page(page: SitePage) -> (String, AnyView) {
    match page {
        SitePage::Home => home::page(),
        SitePage::Check { answers, reopen } => check::page(answers, reopen),
        SitePage::Guide => guide::page(),
        SitePage::Documents => documents::page(),
        SitePage::Offices => offices::page(),
        SitePage::Help => help::page(),
    }
}

//! The editor's preview: a citizen page rendered with the edited campaign by the same
//! components that pre-render the site, its live parts (open now, filters) running as
//! plain components.

use std::sync::Arc;

use leptos::prelude::*;

use crate::app::AppState;
use crate::domain::campaign::Campaign;
use crate::domain::text::Lang;
use crate::domain::vn_time::format_date;
use crate::routes::site::{SitePage, SitePath};
use crate::site::context::{Assets, Offered, PageCtx};

/// The content of citizen page `page` in `lang` for `campaign`.
#[component]
pub fn PagePreview(campaign: Arc<Campaign>, page: SitePage, lang: Lang) -> impl IntoView {
    let app = expect_context::<AppState>();
    let offered = Offered {
        id: campaign.id.clone(),
        area: campaign.area.clone(),
        period: format!("{} – {}", format_date(campaign.period.start), format_date(campaign.period.end)),
        end_inferred: campaign.period_end_note.is_some(),
    };
    let ctx = PageCtx {
        campaign,
        deployment: app.deployment.clone(),
        offered: Arc::new(vec![offered]),
        path: SitePath { lang, campaign: None, page },
        base: format!("{}/", app.base),
        site_url: String::new(),
        assets: Arc::new(Assets::default()),
    };
    provide_context(ctx);
    let (_heading, body) = crate::site::pages::page(page);
    body
}

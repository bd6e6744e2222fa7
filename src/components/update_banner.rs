//! "A new version is ready": shown when the service worker has a waiting update.

use leptos::prelude::*;

use crate::components::tr::tr;
use crate::i18n::*;
use crate::web::service_worker;

/// Registers the service worker for the site under `base` and offers waiting updates.
#[component]
pub fn UpdateBanner(
    /// The site's base path (`""` or `/sub`).
    base: String,
) -> impl IntoView {
    let ready = RwSignal::new(false);
    service_worker::register(&base, move || ready.set(true));
    move || {
        ready.get().then(|| {
            view! {
                <div class="banner update-banner" role="status" data-update="ready">
                    <p>
                        {tr(|l| td_string!(l, common.update_ready))} " "
                        <button type="button" class="update-button" on:click=|_| service_worker::apply_update()>
                            {tr(|l| td_string!(l, common.update_reload))}
                        </button>
                    </p>
                </div>
            }
        })
    }
}

//! A4 QR poster for the campaign site: the address (detected, editable), an
//! optional place, a large QR code with high error correction, printed as is.

use leptos::prelude::*;

use crate::app::AppState;
use crate::components::tr::tr;
use crate::domain::handout::qr_svg;
use crate::i18n::*;

/// The poster generator.
#[component]
pub fn PosterSection() -> impl IntoView {
    let app = expect_context::<AppState>();
    let origin = web_sys::window().and_then(|w| w.location().origin().ok()).unwrap_or_default();
    let detected = format!("{origin}{}/", app.base);
    let url = RwSignal::new(detected);
    let place = RwSignal::new(String::new());
    let valid = move || {
        let u = url.get();
        (u.starts_with("https://") || u.starts_with("http://")) && u.len() < 300 && !u.contains(char::is_whitespace)
    };
    let qr = move || valid().then(|| qr_svg(url.get().trim()));
    view! {
        <h2 class="no-print">{tr(|l| td_string!(l, tally.tab_poster))}</h2>
        <div class="card no-print">
            <div class="field">
                <label for="poster-url">{tr(|l| td_string!(l, tally.poster_url))}</label>
                <input id="poster-url" type="text" inputmode="url" autocomplete="off" spellcheck="false"
                    aria-invalid=move || (!valid()).then_some("true")
                    aria-describedby="poster-url-hint"
                    prop:value=move || url.get() on:input=move |ev| url.set(event_target_value(&ev))/>
                <p class="hint" id="poster-url-hint">{tr(|l| td_string!(l, tally.poster_url_hint))}</p>
            </div>
            <div class="field">
                <label for="poster-place">{tr(|l| td_string!(l, tally.poster_place))}</label>
                <input id="poster-place" type="text" maxlength="80" autocomplete="off" prop:value=move || place.get() on:input=move |ev| place.set(event_target_value(&ev))/>
            </div>
            <button type="button" class="primary" on:click=move |_| { let _ = web_sys::window().map(|w| w.print()); }>{tr(|l| td_string!(l, tally.print))}</button>
        </div>
        <section class="poster" aria-label=move || t_string!(use_i18n(), tally.tab_poster) data-poster="">
            <p class="poster-title">{tr(|l| td_string!(l, tally.poster_title))}</p>
            {move || (!place.get().trim().is_empty()).then(|| view! { <p class="poster-place">{place.get()}</p> })}
            <div class="poster-qr" role="img" aria-label=move || format!("QR: {}", url.get()) inner_html=move || qr().unwrap_or_default()></div>
            <p class="poster-url">{move || url.get()}</p>
            <p class="poster-scan">{tr(|l| td_string!(l, tally.poster_scan))}</p>
            <p class="poster-check">{tr(|l| td_string!(l, tally.poster_check))}</p>
        </section>
    }
}

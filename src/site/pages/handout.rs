//! The printable handout (A4, at most two pages, black and white): the same statements,
//! sources and office facts as the pages, in a print layout with a QR code back to the
//! site. Rendered by the same parts as the pages; it carries no script.

use leptos::prelude::*;

use crate::domain::guidance::Fact;
use crate::domain::text::Lang;
use crate::domain::vn_time::format_date;
use crate::i18n::*;
use crate::routes::site::SitePage;
use crate::site::context::{current, text, tx};
use crate::site::parts::{fact_source_text, file_source_text, hours_lines};

/// A source in brackets, inline (print is short of room).
fn src(fact: Fact) -> impl IntoView {
    view! { " " <span class="src">{format!("({})", fact_source_text(fact))}</span> }
}

/// The handout of the campaign and language in context, as a complete HTML document;
/// `qr` is the SVG of the site's address.
#[component]
pub fn HandoutDocument(
    /// The SVG of the QR code of the site's address.
    qr: String,
) -> impl IntoView {
    let p = current();
    let c = p.campaign.clone();
    let locale = p.locale();
    let lang = p.lang();
    let end_note = c.period_end_note.as_ref().map(|n| view! { " " <span class="src">{format!("({})", text(n))}</span> });
    let ages = c.covers_children().then(|| {
        view! {
            <h3>{tx(|l| td_string!(l, handout.ages_title))}</h3>
            <ul class="ages">
                <li>{tx(|l| td_string!(l, documents.child_under6))} {src(Fact::DocChildUnder6)}</li>
                <li>{tx(|l| td_string!(l, documents.child_6to14))} {src(Fact::DocChild6To14)}</li>
                <li>{tx(|l| td_string!(l, documents.adult_14))} {src(Fact::DocAdult14)}</li>
            </ul>
        }
    });
    let offices = c
        .offices
        .iter()
        .map(|o| {
            let address = o.address.as_ref().map(|a| view! { <br/> {format!("{}: {}", tx(|l| td_string!(l, offices.address)), text(a))} });
            let phone = o.phone.as_ref().map(|ph| view! { <br/> {format!("{}: {ph}", tx(|l| td_string!(l, offices.phone)))} });
            let url = o.url.as_ref().map(|u| view! { <br/> {format!("{}: {u}", tx(|l| td_string!(l, offices.website)))} });
            let hours = o.opening_hours.as_deref().map(|spec| hours_lines(locale, spec)).filter(|l| !l.is_empty());
            let hours = hours.map(|lines| view! { <br/> {format!("{}: {}", tx(|l| td_string!(l, offices.hours)), lines.join("; "))} });
            // A suspended office never appears without its note.
            let notes = o.notes.as_ref().map(|n| view! { <br/> <em>{text(n)}</em> });
            let source = file_source_text(o.source.as_ref()).map(|s| view! { " " <span class="src">{format!("({s})")}</span> });
            view! { <li><strong>{text(&o.name)}</strong>{address}{phone}{url}{hours}{notes}{source}</li> }
        })
        .collect_view();
    let suffix = if lang == Lang::En { " – " } else { " – " };
    let title = format!("{}{suffix}{}", tx(|l| td_string!(l, handout.title)), text(&c.area));
    let qr = qr.replacen("<svg ", &format!("<svg role=\"img\" aria-label=\"{}\" ", tx(|l| td_string!(l, handout.qr_label))), 1);
    let app_href = format!("{}{}", p.base, p.path.to(SitePage::Home).path());
    let words = |w| p.word(w);
    let citation = crate::domain::sources::campaign_citation(&c, lang, &words);
    view! {
        <!DOCTYPE html>
        <html lang=lang.code()>
            <head>
                <meta charset="utf-8"/>
                <meta name="viewport" content="width=device-width, initial-scale=1"/>
                <title>{title}</title>
                <meta name="description" content=td_string!(locale, handout.description)/>
                <link rel="stylesheet" href="handout.css"/>
                <link rel="icon" href="../icon.svg" type="image/svg+xml"/>
            </head>
            <body>
                <main class="handout">
                    <header>
                        <h1>{td_string!(locale, handout.title)}</h1>
                        <p class="area">{text(&c.area)} " · " {format_date(c.period.start)} " – " {format_date(c.period.end)} {end_note}</p>
                        <p class="app-link"><a href=app_href>{td_string!(locale, handout.open_app)}</a></p>
                    </header>
                    <section>
                        <h2>{td_string!(locale, guide.title)}</h2>
                        <ol class="steps">
                            <li><strong>{td_string!(locale, steps.install_title)} ":"</strong> " " {td_string!(locale, steps.install_body)} {src(Fact::StepInstall)}</li>
                            <li>
                                <strong>{td_string!(locale, steps.level1_title)} ":"</strong> " "
                                {td_string!(locale, guide.level1_step1)} " " {td_string!(locale, guide.level1_step2)} " " {td_string!(locale, guide.level1_step3)}
                                {src(Fact::StepLevel1)}
                                <br/>
                                <strong>{td_string!(locale, steps.or)} " " {td_string!(locale, steps.level2_title)} ":"</strong> " "
                                {td_string!(locale, guide.level2_step1)} " " {td_string!(locale, guide.level2_step2)}
                                {src(Fact::StepLevel2)}
                            </li>
                            <li><strong>{td_string!(locale, steps.wait_sms_title)} ":"</strong> " " {td_string!(locale, steps.wait_sms_body)} {src(Fact::StepWaitSms)}</li>
                            <li>
                                <strong>{td_string!(locale, steps.activate_title)} ":"</strong> " " {td_string!(locale, steps.activate_body)} " " {td_string!(locale, guide.done_note)}
                                {src(Fact::StepActivate)}
                            </li>
                        </ol>
                    </section>
                    <section>
                        <h2>{td_string!(locale, documents.title)}</h2>
                        <p><strong>{td_string!(locale, documents.required_title)} ":"</strong> " " {td_string!(locale, documents.required_card)} {src(Fact::DocRequiredCard)}</p>
                        <p>
                            <strong>{td_string!(locale, documents.optional_title)} ":"</strong> " "
                            {format!(
                                "{}, {}, {}, {}, {}.",
                                td_string!(locale, documents.opt_health),
                                td_string!(locale, documents.opt_social),
                                td_string!(locale, documents.opt_licence),
                                td_string!(locale, documents.opt_vehicle),
                                td_string!(locale, documents.opt_tax)
                            )}
                            {src(Fact::DocOptional)}
                        </p>
                        {ages}
                    </section>
                    <section>
                        <h2>{td_string!(locale, offices.title)}</h2>
                        <p>{td_string!(locale, guide.with_card)} " " {td_string!(locale, guide.without_card)} {src(Fact::StepLevel2)}</p>
                        <ul class="offices">{offices}</ul>
                    </section>
                    <section class="warning">
                        <h2>{td_string!(locale, help.scam_title)}</h2>
                        <p>
                            {td_string!(locale, help.scam_store)} {src(Fact::ScamStore)} " "
                            {td_string!(locale, help.scam_sms)} {src(Fact::ScamSms)} " "
                            {td_string!(locale, help.scam_qr)} {src(Fact::ScamQr)}
                        </p>
                    </section>
                    <section class="qr">
                        <figure>
                            <span inner_html=qr></span>
                            <figcaption><strong>{td_string!(locale, handout.qr_caption)}</strong><br/><span class="url">{p.site_url.clone()}</span></figcaption>
                        </figure>
                    </section>
                    <footer>
                        <p>{text(&c.issuer)} " · " {citation} " · " {text(&c.document.title)}</p>
                        <p lang="vi">{td_string!(locale, common.qlhc_full)}</p>
                    </footer>
                </main>
            </body>
        </html>
    }
}

//! The HTML document around every citizen page: head (title, language alternates, CSS),
//! header with the language switch, navigation, footer, and the islands' start-up script.

use leptos::prelude::*;

use super::context::{current, text, tx};
use super::islands::boot::PageBoot;
use super::islands::IslandData;
use crate::domain::island_data::BootData;
use super::pages;
use super::parts::document_line;
use crate::domain::text::Lang;
use crate::i18n::*;
use crate::routes::site::{group, SitePage};

/// The start-up script: loads the islands' wasm, makes their root, then brings each island
/// on the page to life (after naming it, so it reads the data of its frame), then marks `<html data-islands="on">` once their first effects ran.
/// One of two texts (absolute paths under the base; the core islands' build or the build
/// with every island, `site::render`); `scripts/csp.mjs` allows each page's by its hash.
pub fn start_script(js: &str, wasm: &str) -> String {
    format!(
        "import init,*as m from'{js}';await init({{module_or_path:'{wasm}'}});m.hydrate();\
         for(const e of document.querySelectorAll('leptos-island')){{const f=m[e.dataset.component];f&&(m.enter_island(e),f(e))}}\
         setTimeout(()=>document.documentElement.dataset.islands='on')"
    )
}

/// The whole document of the page in context; `not_found` renders the not-found page.
#[component]
pub fn Document(
    /// Render the not-found page.
    #[prop(optional)]
    not_found: bool,
) -> impl IntoView {
    let p = current();
    let locale = p.locale();
    let lang = p.lang();
    let (heading, body) = if not_found { pages::not_found::page() } else { pages::page(p.path.page) };
    let title = format!("{heading} – {}", td_string!(locale, app.name));
    let alternates = Lang::ALL
        .iter()
        .map(|l| {
            let href = format!("{}{}", p.site_url, p.path.in_lang(*l).path());
            view! { <link rel="alternate" hreflang=l.code() href=href/> }
        })
        .collect_view();
    let other = lang.other();
    let nav = nav_items(not_found);
    let is_home = p.path.page == SitePage::Home && !not_found;
    let home = if p.deployment.fixed_campaign || p.path.campaign.is_none() { "./".to_string() } else { p.href(SitePage::Home) };
    let group_key = group(lang, p.path.campaign.as_deref());
    let script = start_script(&format!("{}{}", p.base, p.assets.js), &format!("{}{}", p.base, p.assets.wasm));
    view! {
        <!DOCTYPE html>
        <html lang=lang.code()>
            <head>
                <meta charset="utf-8"/>
                <meta name="viewport" content="width=device-width, initial-scale=1"/>
                <base href=p.base.clone()/>
                <title>{title}</title>
                <meta name="description" content=td_string!(locale, handout.description)/>
                <meta name="theme-color" content="#9b1c1c"/>
                {(!not_found).then_some(alternates)}
                <link rel="stylesheet" href=format!("{}{}", p.base, p.assets.css)/>
                <link rel="icon" href="icon.svg" type="image/svg+xml"/>
                <link rel="manifest" href="manifest.webmanifest"/>
            </head>
            <body>
                <a class="skip-link" href="#main">{td_string!(locale, nav.skip)}</a>
                <header class="site-header">
                    <div class="bar">
                        <a href=home class="brand"><span>{td_string!(locale, app.name)}</span></a>
                        <a class="lang-switch" href=p.href_lang(other) hreflang=other.code() lang=other.code() data-lang-switch="">
                            {other.endonym()}
                        </a>
                    </div>
                </header>
                <nav class="site-nav" aria-label=td_string!(locale, nav.label)>
                    <ul>{nav}</ul>
                </nav>
                <IslandData data=BootData {
                    lang,
                    base: p.base.clone(),
                    group: group_key,
                    home: "./".to_string(),
                    is_home,
                    alternate: if not_found { String::new() } else { p.href_lang(other) },
                    here: p.path.path(),
                    default_campaign: p.deployment.default_campaign.clone(),
                }.pack()>
                    <PageBoot/>
                </IslandData>
                <main id="main" tabindex="-1">{body}</main>
                <footer class="site-footer">
                    <p>{text(&p.campaign.issuer)} " · " {document_line()} " · " {td_string!(locale, footer.offline)}</p>
                    <p class="gloss" lang="vi">{td_string!(locale, common.qlhc_full)}</p>
                </footer>
                <script type="module" inner_html=script></script>
            </body>
        </html>
    }
}

/// The navigation, with the current section marked (none on the not-found page).
fn nav_items(not_found: bool) -> impl IntoView {
    let p = current();
    let locale = p.locale();
    let items: [(SitePage, &'static str); 6] = [
        (SitePage::Home, td_string!(locale, nav.home)),
        (crate::routes::site::MAIN[1].0, td_string!(locale, nav.check)),
        (SitePage::Guide, td_string!(locale, nav.guide)),
        (SitePage::Documents, td_string!(locale, nav.documents)),
        (SitePage::Offices, td_string!(locale, nav.offices)),
        (SitePage::Help, td_string!(locale, nav.help)),
    ];
    let current = p.path.page;
    let mut list: Vec<AnyView> = items
        .into_iter()
        .map(|(target, label)| {
            let here = !not_found && target.same_section(&current);
            view! { <li><a href=p.href(target) aria-current=here.then_some("page")>{label}</a></li> }.into_any()
        })
        .collect();
    list.push(view! { <li class="staff-link"><a href="staff/">{tx(|l| td_string!(l, nav.staff))}</a></li> }.into_any());
    list
}

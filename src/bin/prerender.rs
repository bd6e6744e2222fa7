//! Build step (native, feature `ssr`): renders every citizen page of every campaign the
//! deployment offers, in both languages, to static HTML with the same Leptos components
//! whose islands the browser brings to life; then the printable handout and the QR files.
//!
//! Usage: `prerender <dist> <assets.json> <site-url>`. `assets.json` names the build's
//! hashed files and the base path: `{"css": …, "js": …, "wasm": …, "core_js": …, "core_wasm": …, "base": "/vneid-campaign/"}`
//! (`core_*`: the core islands' build, loaded by pages with no other island).
//! Writes `<dist>/<page>/index.html` for every address of `routes::site`, `<dist>/404.html`,
//! `<dist>/handout/*.html` and `<dist>/qr/*.svg`.

use std::fs;
use std::path::Path;
use std::sync::Arc;

use vneid_campaign::domain::campaign::Campaign;
use vneid_campaign::domain::handout::{qr_file_name, qr_svg};
use vneid_campaign::domain::presets::Deployment;
use vneid_campaign::domain::text::Lang;
use vneid_campaign::domain::vn_time::format_date;
use vneid_campaign::routes::site::{SitePage, SitePath, MAIN};
use vneid_campaign::site::context::{Assets, Offered, PageCtx};
use vneid_campaign::site::{render, render_handout};

#[derive(serde::Deserialize)]
struct AssetsFile {
    css: String,
    js: String,
    wasm: String,
    core_js: String,
    core_wasm: String,
    base: String,
}

fn main() {
    if let Err(e) = run() {
        eprintln!("prerender: {e}");
        std::process::exit(1);
    }
}

fn run() -> Result<(), String> {
    let mut args = std::env::args().skip(1);
    let usage = "usage: prerender <dist> <assets.json> <site-url>";
    let dist = args.next().ok_or(usage)?;
    let assets_path = args.next().ok_or(usage)?;
    let site_url = args.next().ok_or(usage)?;
    let dist = Path::new(&dist);
    let read = |p: &str| fs::read_to_string(p).map_err(|e| format!("{p}: {e}"));
    let assets: AssetsFile = serde_json::from_str(&read(&assets_path)?).map_err(|e| format!("{assets_path}: {e}"))?;
    // The deployment: public/campaigns/ unless DEPLOYMENT_DIR names another folder (the tests' fixtures).
    let dir = std::env::var("DEPLOYMENT_DIR").ok().filter(|d| !d.is_empty()).unwrap_or_else(|| "public/campaigns".into());
    let deployment: Deployment = serde_json::from_str(&read(&format!("{dir}/deployment.json"))?).map_err(|e| format!("{dir}/deployment.json: {e}"))?;
    let problems = deployment.problems();
    if !problems.is_empty() {
        return Err(format!("{dir}/deployment.json: {}", problems.join("; ")));
    }
    // The origins the Content-Security-Policy adds to connect-src (scripts/csp.mjs reads them):
    // the sync server's, or none.
    let origins_path = Path::new(&assets_path).with_file_name("connect-origins.json");
    fs::write(&origins_path, format!("{}\n", serde_json::to_string(&deployment.connect_origins()).map_err(|e| e.to_string())?))
        .map_err(|e| format!("{}: {e}", origins_path.display()))?;
    let ids: Vec<String> = if deployment.fixed_campaign { vec![deployment.default_campaign.clone()] } else { deployment.campaigns.clone() };
    let mut campaigns = Vec::new();
    for id in &ids {
        let campaign = Campaign::from_json(&read(&format!("{dir}/{id}.json"))?)
            .map_err(|errors| format!("{id}: {}", errors.iter().map(ToString::to_string).collect::<Vec<_>>().join("; ")))?;
        campaigns.push(Arc::new(campaign));
    }
    let offered: Arc<Vec<Offered>> = Arc::new(
        campaigns
            .iter()
            .map(|c| Offered {
                id: c.id.clone(),
                area: c.area.clone(),
                period: format!("{} – {}", format_date(c.period.start), format_date(c.period.end)),
                end_inferred: c.period_end_note.is_some(),
            })
            .collect(),
    );
    let shared = Arc::new(Assets { css: assets.css, js: assets.js, wasm: assets.wasm, core_js: assets.core_js, core_wasm: assets.core_wasm });
    let deployment = Arc::new(deployment);
    let mut pages: Vec<SitePage> = MAIN.iter().map(|(p, _)| *p).filter(|p| !matches!(p, SitePage::Check { .. })).collect();
    pages.extend(SitePath::all_check_pages());
    let mut written = 0;
    for campaign in &campaigns {
        let id = (campaign.id != deployment.default_campaign).then(|| campaign.id.clone());
        for lang in Lang::ALL {
            for page in &pages {
                let path = SitePath { lang, campaign: id.clone(), page: *page };
                let ctx = PageCtx {
                    campaign: campaign.clone(),
                    deployment: deployment.clone(),
                    offered: offered.clone(),
                    path: path.clone(),
                    base: assets.base.clone(),
                    site_url: site_url.clone(),
                    assets: shared.clone(),
                };
                let file = dist.join(path.path()).join("index.html");
                fs::create_dir_all(file.parent().expect("a folder")).map_err(|e| e.to_string())?;
                fs::write(&file, render(ctx, false)).map_err(|e| format!("{}: {e}", file.display()))?;
                written += 1;
            }
        }
    }
    // The not-found page: the default campaign's frame, in Vietnamese with a way to English.
    let default = campaigns.iter().find(|c| c.id == deployment.default_campaign).ok_or("the default campaign is not offered")?;
    let ctx = PageCtx {
        campaign: default.clone(),
        deployment: deployment.clone(),
        offered: offered.clone(),
        path: SitePath { lang: Lang::Vi, campaign: None, page: SitePage::Home },
        base: assets.base.clone(),
        site_url: site_url.clone(),
        assets: shared.clone(),
    };
    fs::write(dist.join("404.html"), render(ctx, true)).map_err(|e| e.to_string())?;

    // The printable handout (the same statements and facts, in a print layout) and the QR files.
    let out = dist.join("handout");
    fs::create_dir_all(&out).map_err(|e| e.to_string())?;
    fs::create_dir_all(dist.join("qr")).map_err(|e| e.to_string())?;
    fs::write(out.join("handout.css"), read("style/handout.css")?).map_err(|e| e.to_string())?;
    let site_qr = qr_svg(&site_url);
    fs::write(dist.join(qr_file_name(&site_url)), &site_qr).map_err(|e| e.to_string())?;
    fs::write(dist.join("qr/site.svg"), &site_qr).map_err(|e| e.to_string())?;
    let mut links = vec!["https://vneid.gov.vn".to_string()];
    for campaign in &campaigns {
        links.extend(campaign.offices.iter().filter_map(|o| o.url.clone()));
        let id = (campaign.id != deployment.default_campaign).then(|| campaign.id.clone());
        for lang in Lang::ALL {
            let suffix = if lang == Lang::En { ".en" } else { "" };
            let ctx = PageCtx {
                campaign: campaign.clone(),
                deployment: deployment.clone(),
                offered: offered.clone(),
                path: SitePath { lang, campaign: id.clone(), page: SitePage::Home },
                base: assets.base.clone(),
                site_url: site_url.clone(),
                assets: shared.clone(),
            };
            let html = render_handout(ctx, site_qr.clone());
            fs::write(out.join(format!("{}{suffix}.html", campaign.id)), &html).map_err(|e| e.to_string())?;
            if id.is_none() {
                let name = if lang == Lang::En { "en.html" } else { "index.html" };
                fs::write(out.join(name), &html).map_err(|e| e.to_string())?;
            }
        }
    }
    links.sort();
    links.dedup();
    for link in &links {
        fs::write(dist.join(qr_file_name(link)), qr_svg(link)).map_err(|e| e.to_string())?;
    }
    println!("prerender: {written} pages and 404.html ({} campaigns × 2 languages × {} pages), handout, {} QR codes, site {site_url}", campaigns.len(), pages.len(), links.len() + 1);
    Ok(())
}

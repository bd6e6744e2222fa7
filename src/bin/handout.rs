//! Build step (native): writes the printable, no-JavaScript handout of every
//! campaign the deployment offers, in both languages, and a QR code (SVG) for
//! the site and for every external link of the campaign files.
//!
//! Usage: `handout <dist> <site-url>`, e.g. `handout dist https://example.github.io/vneid-campaign/`.
//! Writes `<dist>/handout/index.html` (default campaign, Vietnamese), `handout/en.html`,
//! `handout/<campaign>.html` and `handout/<campaign>.en.html`, `handout/handout.css`,
//! and `<dist>/qr/<hash>.svg` (see `domain::handout::qr_file_name`).

#[cfg(not(target_arch = "wasm32"))]
fn main() {
    if let Err(e) = run() {
        eprintln!("handout: {e}");
        std::process::exit(1);
    }
}

#[cfg(not(target_arch = "wasm32"))]
fn run() -> Result<(), String> {
    use std::fs;
    use std::path::Path;
    use vneid_campaign::domain::campaign::Campaign;
    use vneid_campaign::domain::handout::{qr_file_name, qr_svg, render, HandoutTexts};
    use vneid_campaign::domain::text::Lang;

    let mut args = std::env::args().skip(1);
    let dist = args.next().ok_or("usage: handout <dist> <site-url>")?;
    let site_url = args.next().ok_or("usage: handout <dist> <site-url>")?;
    let dist = Path::new(&dist);
    let read = |p: &str| fs::read_to_string(p).map_err(|e| format!("{p}: {e}"));
    let deployment: serde_json::Value = serde_json::from_str(&read("public/campaigns/deployment.json")?).map_err(|e| e.to_string())?;
    let default = deployment["default_campaign"].as_str().ok_or("deployment.json: default_campaign")?.to_string();
    let ids: Vec<String> = deployment["campaigns"].as_array().map(|a| a.iter().filter_map(|v| v.as_str().map(str::to_string)).collect()).unwrap_or_default();
    let texts = [(Lang::Vi, HandoutTexts::from_locale_json(&read("locales/vi.json")?)?), (Lang::En, HandoutTexts::from_locale_json(&read("locales/en.json")?)?)];

    let out = dist.join("handout");
    fs::create_dir_all(&out).map_err(|e| e.to_string())?;
    fs::create_dir_all(dist.join("qr")).map_err(|e| e.to_string())?;
    fs::write(out.join("handout.css"), read("style/handout.css")?).map_err(|e| e.to_string())?;
    let site_qr = qr_svg(&site_url);
    fs::write(dist.join(qr_file_name(&site_url)), &site_qr).map_err(|e| e.to_string())?;
    fs::write(dist.join("qr/site.svg"), &site_qr).map_err(|e| e.to_string())?;

    let mut links = Vec::new();
    for id in ids.iter().chain(std::iter::once(&default)) {
        let campaign = Campaign::from_json(&read(&format!("public/campaigns/{id}.json"))?)
            .map_err(|errors| format!("{id}: {}", errors.iter().map(ToString::to_string).collect::<Vec<_>>().join("; ")))?;
        links.extend(campaign.offices.iter().filter_map(|o| o.url.clone()));
        for (lang, t) in &texts {
            let suffix = if *lang == Lang::En { ".en" } else { "" };
            let app_href = if id == &default { "../".to_string() } else { format!("../?c={id}") };
            let html = render(&campaign, t, *lang, &site_url, &site_qr, &app_href);
            fs::write(out.join(format!("{id}{suffix}.html")), &html).map_err(|e| e.to_string())?;
            if id == &default {
                let name = if *lang == Lang::En { "en.html" } else { "index.html" };
                fs::write(out.join(name), &html).map_err(|e| e.to_string())?;
            }
        }
    }
    links.push("https://vneid.gov.vn".to_string());
    links.sort();
    links.dedup();
    for link in &links {
        fs::write(dist.join(qr_file_name(link)), qr_svg(link)).map_err(|e| e.to_string())?;
    }
    println!("handout: {} campaigns × 2 languages, {} QR codes, site {site_url}", ids.len(), links.len() + 1);
    Ok(())
}

#[cfg(target_arch = "wasm32")]
fn main() {}

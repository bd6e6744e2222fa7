//! The printable handout (A4, at most two pages, black and white): steps,
//! documents, where to go with hours, the scam warning and a QR code back to
//! the site. Rendered to static HTML at build time (`src/bin/handout.rs`), so it
//! is also the page shown without JavaScript.

use std::collections::BTreeMap;

use qrcode::render::svg;
use qrcode::{EcLevel, QrCode};

use crate::domain::campaign::Campaign;
use crate::domain::guidance::Fact;
use crate::domain::sources::{campaign_citation, describe, file_source_label, SourceField, Word};
use crate::domain::hours::WeeklyHours;
use crate::domain::text::Lang;
use crate::domain::vn_time::{format_date, format_minutes};

/// The UI strings the handout uses, from `locales/<lang>.json` (keys like `steps.install_title`).
#[derive(Clone, Debug, Default)]
pub struct HandoutTexts(BTreeMap<String, String>);

impl HandoutTexts {
    /// Flattens a locale file's nested objects into dotted keys.
    pub fn from_locale_json(json: &str) -> Result<HandoutTexts, String> {
        let value: serde_json::Value = serde_json::from_str(json).map_err(|e| e.to_string())?;
        let mut map = BTreeMap::new();
        fn walk(prefix: &str, v: &serde_json::Value, map: &mut BTreeMap<String, String>) {
            match v {
                serde_json::Value::Object(o) => {
                    for (k, v) in o {
                        let key = if prefix.is_empty() { k.clone() } else { format!("{prefix}.{k}") };
                        walk(&key, v, map);
                    }
                }
                serde_json::Value::String(s) => {
                    map.insert(prefix.to_string(), s.clone());
                }
                _ => {}
            }
        }
        walk("", &value, &mut map);
        Ok(HandoutTexts(map))
    }

    /// Every key, in order.
    pub fn keys(&self) -> impl Iterator<Item = &String> {
        self.0.keys()
    }

    /// Whether the locale has `key`.
    pub fn has(&self, key: &str) -> bool {
        self.0.contains_key(key)
    }

    /// The string for `key`, unescaped (for text that is escaped later).
    pub fn raw(&self, key: &str) -> String {
        self.0.get(key).cloned().unwrap_or_else(|| key.to_string())
    }

    /// The string for `key`, escaped for HTML (the key itself if missing, so gaps show).
    pub fn get(&self, key: &str) -> String {
        escape(self.0.get(key).map(String::as_str).unwrap_or(key))
    }
}

/// Escapes text for HTML.
pub fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            c => out.push(c),
        }
    }
    out
}

/// A QR code of `data` as an SVG document (high error correction, dark on white).
pub fn qr_svg(data: &str) -> String {
    let code = QrCode::with_error_correction_level(data.as_bytes(), EcLevel::H)
        .or_else(|_| QrCode::with_error_correction_level(data.as_bytes(), EcLevel::M))
        .expect("a URL fits in a QR code");
    code.render::<svg::Color>().min_dimensions(200, 200).quiet_zone(true).dark_color(svg::Color("#000000")).light_color(svg::Color("#ffffff")).build()
}

/// A stable short name for a URL's QR file: `qr/<16 hex digits>.svg`.
pub fn qr_file_name(url: &str) -> String {
    let hash = url.bytes().fold(0xcbf29ce484222325u64, |h, b| (h ^ b as u64).wrapping_mul(0x100000001b3));
    format!("qr/{hash:016x}.svg")
}

fn day_key(i: usize) -> &'static str {
    ["days.mo", "days.tu", "days.we", "days.th", "days.fr", "days.sa", "days.su"][i.min(6)]
}

fn hours_lines(spec: &str, t: &HandoutTexts) -> Vec<String> {
    let Ok(hours) = WeeklyHours::parse(spec) else { return Vec::new() };
    hours
        .day_groups()
        .into_iter()
        .map(|(first, last, sessions)| {
            let days = if first == last { t.get(day_key(first)) } else { format!("{} – {}", t.get(day_key(first)), t.get(day_key(last))) };
            let times = if sessions.is_empty() {
                t.get("days.closed")
            } else {
                sessions.iter().map(|s| format!("{}–{}", format_minutes(s.start), format_minutes(s.end))).collect::<Vec<_>>().join(", ")
            };
            format!("{days}: {times}")
        })
        .collect()
}

/// The handout of `campaign` in `lang` as a complete HTML page. `site_url` is the
/// deployment's address (printed and encoded in the QR code); `qr` is its SVG.
/// Every statement carries its source (as on the site), every office its notes
/// (a suspended office never appears without its note), and a campaign that covers
/// children prints every age case.
pub fn render(campaign: &Campaign, t: &HandoutTexts, lang: Lang, site_url: &str, qr: &str, app_href: &str) -> String {
    let c = campaign;
    let text = |x: &crate::domain::text::Text| escape(x.get(lang));
    let words = |w: Word| t.raw(w.locale_key());
    let src = |fact: Fact| format!(" <span class=\"src\">({})</span>", escape(&describe(fact.basis(), c, lang, &words)));
    let file_src = |source: Option<&SourceField>| {
        file_source_label(c, source, lang, &words).map(|l| format!(" <span class=\"src\">({})</span>", escape(&l))).unwrap_or_default()
    };
    let mut h = String::new();
    h.push_str(&format!(
        "<!DOCTYPE html>\n<html lang=\"{}\">\n<head>\n<meta charset=\"utf-8\">\n<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n<title>{} – {}</title>\n<meta name=\"description\" content=\"{}\">\n<link rel=\"stylesheet\" href=\"handout.css\">\n<link rel=\"icon\" href=\"../icon.svg\" type=\"image/svg+xml\">\n</head>\n<body>\n<main class=\"handout\">\n",
        lang.code(),
        t.get("handout.title"),
        text(&c.area),
        t.get("handout.description"),
    ));
    let end_note = c.period_end_note.as_ref().map(|n| format!(" <span class=\"src\">({})</span>", text(n))).unwrap_or_default();
    h.push_str(&format!(
        "<header><h1>{}</h1><p class=\"area\">{} · {} – {}{end_note}</p><p class=\"app-link\"><a href=\"{}\">{}</a></p></header>\n",
        t.get("handout.title"),
        text(&c.area),
        format_date(c.period.start),
        format_date(c.period.end),
        escape(app_href),
        t.get("handout.open_app"),
    ));
    // Steps.
    h.push_str(&format!("<section><h2>{}</h2>\n<ol class=\"steps\">\n", t.get("guide.title")));
    h.push_str(&format!("<li><strong>{}:</strong> {}{}</li>\n", t.get("steps.install_title"), t.get("steps.install_body"), src(Fact::StepInstall)));
    // Level 1 and level 2 are one step with two ways to do it.
    h.push_str(&format!(
        "<li><strong>{}:</strong> {} {} {}{}<br><strong>{} {}:</strong> {} {}{}</li>\n",
        t.get("steps.level1_title"),
        t.get("guide.level1_step1"),
        t.get("guide.level1_step2"),
        t.get("guide.level1_step3"),
        src(Fact::StepLevel1),
        t.get("steps.or"),
        t.get("steps.level2_title"),
        t.get("guide.level2_step1"),
        t.get("guide.level2_step2"),
        src(Fact::StepLevel2),
    ));
    h.push_str(&format!("<li><strong>{}:</strong> {}{}</li>\n", t.get("steps.wait_sms_title"), t.get("steps.wait_sms_body"), src(Fact::StepWaitSms)));
    h.push_str(&format!(
        "<li><strong>{}:</strong> {} {}{}</li>\n",
        t.get("steps.activate_title"),
        t.get("steps.activate_body"),
        t.get("guide.done_note"),
        src(Fact::StepActivate)
    ));
    h.push_str("</ol>\n</section>\n");
    // Documents.
    h.push_str(&format!(
        "<section><h2>{}</h2>\n<p><strong>{}:</strong> {}{}</p>\n<p><strong>{}:</strong> {}, {}, {}, {}, {}.{}</p>\n",
        t.get("documents.title"),
        t.get("documents.required_title"),
        t.get("documents.required_card"),
        src(Fact::DocRequiredCard),
        t.get("documents.optional_title"),
        t.get("documents.opt_health"),
        t.get("documents.opt_social"),
        t.get("documents.opt_licence"),
        t.get("documents.opt_vehicle"),
        t.get("documents.opt_tax"),
        src(Fact::DocOptional),
    ));
    if c.covers_children() {
        h.push_str(&format!("<h3>{}</h3>\n<ul class=\"ages\">\n", t.get("handout.ages_title")));
        for (key, fact) in [
            ("documents.child_under6", Fact::DocChildUnder6),
            ("documents.child_6to14", Fact::DocChild6To14),
            ("documents.adult_14", Fact::DocAdult14),
        ] {
            h.push_str(&format!("<li>{}{}</li>\n", t.get(key), src(fact)));
        }
        h.push_str("</ul>\n");
    }
    h.push_str("</section>\n");
    // Where to go.
    h.push_str(&format!(
        "<section><h2>{}</h2>\n<p>{} {}{}</p>\n<ul class=\"offices\">\n",
        t.get("offices.title"),
        t.get("guide.with_card"),
        t.get("guide.without_card"),
        src(Fact::StepLevel2)
    ));
    for office in &c.offices {
        h.push_str(&format!("<li><strong>{}</strong>", text(&office.name)));
        if let Some(a) = &office.address {
            h.push_str(&format!("<br>{}: {}", t.get("offices.address"), text(a)));
        }
        if let Some(p) = &office.phone {
            h.push_str(&format!("<br>{}: {}", t.get("offices.phone"), escape(p)));
        }
        if let Some(u) = &office.url {
            h.push_str(&format!("<br>{}: {}", t.get("offices.website"), escape(u)));
        }
        if let Some(spec) = &office.opening_hours {
            let lines = hours_lines(spec, t);
            if !lines.is_empty() {
                h.push_str(&format!("<br>{}: {}", t.get("offices.hours"), lines.join("; ")));
            }
        }
        if let Some(notes) = &office.notes {
            h.push_str(&format!("<br><em>{}</em>", text(notes)));
        }
        h.push_str(&file_src(office.source.as_ref()));
        h.push_str("</li>\n");
    }
    h.push_str("</ul>\n</section>\n");
    // Scam warning and the site.
    h.push_str(&format!(
        "<section class=\"warning\"><h2>{}</h2>\n<p>{}{} {}{} {}{}</p>\n</section>\n",
        t.get("help.scam_title"),
        t.get("help.scam_store"),
        src(Fact::ScamStore),
        t.get("help.scam_sms"),
        src(Fact::ScamSms),
        t.get("help.scam_qr"),
        src(Fact::ScamQr),
    ));
    h.push_str(&format!(
        "<section class=\"qr\"><figure>{}<figcaption><strong>{}</strong><br><span class=\"url\">{}</span></figcaption></figure></section>\n",
        qr.replacen("<svg ", &format!("<svg role=\"img\" aria-label=\"{}\" ", t.get("handout.qr_label")), 1),
        t.get("handout.qr_caption"),
        escape(site_url)
    ));
    h.push_str(&format!(
        "<footer><p>{} · {} · {}</p><p lang=\"vi\">{}</p></footer>\n",
        text(&c.issuer),
        escape(&campaign_citation(c, lang, &words)),
        text(&c.document.title),
        t.get("common.qlhc_full")
    ));
    h.push_str("</main>\n</body>\n</html>\n");
    h
}

#[cfg(test)]
mod tests {
    use super::*;

    fn load(path: &str) -> String {
        std::fs::read_to_string(format!("{}/{path}", env!("CARGO_MANIFEST_DIR"))).unwrap()
    }

    #[test]
    fn the_handout_has_steps_documents_offices_hours_warning_and_qr() {
        let campaign = Campaign::from_json(&load("public/campaigns/hcm-q3-2023.json")).unwrap();
        let texts = HandoutTexts::from_locale_json(&load("locales/vi.json")).unwrap();
        let url = "https://example.github.io/vneid-campaign/";
        let qr = qr_svg(url);
        let html = render(&campaign, &texts, Lang::Vi, url, &qr, "../");
        assert!(html.contains("<html lang=\"vi\">"));
        assert!(html.contains("Cài ứng dụng VNeID"), "steps");
        assert!(html.contains("Thẻ Căn cước công dân gắn chip"), "documents");
        assert!(html.contains("Đội Cảnh sát QLHC về TTXH"), "offices");
        assert!(html.contains("Thứ Hai – "), "hours by day");
        assert!(html.contains("07:30"), "hours");
        assert!(html.contains("Cảnh giác lừa đảo"), "scam warning");
        assert!(html.contains("<svg role=\"img\""), "QR code");
        assert!(html.contains(url));
        assert!(!html.contains("handout.title") && !html.contains("handout.qr") && !html.contains("steps."), "every handout string is translated");
        assert!(!html.contains("<script"), "no JavaScript");
        let en = HandoutTexts::from_locale_json(&load("locales/en.json")).unwrap();
        let html = render(&campaign, &en, Lang::En, url, &qr, "../");
        assert!(html.contains("<html lang=\"en\">") && html.contains("Beware of scams"));
    }

    #[test]
    fn qr_files_are_named_by_their_url() {
        assert_eq!(qr_file_name("https://a/"), qr_file_name("https://a/"));
        assert_ne!(qr_file_name("https://a/"), qr_file_name("https://b/"));
        assert!(qr_file_name("https://a/").starts_with("qr/") && qr_file_name("x").ends_with(".svg"));
        assert!(qr_svg("https://example.org/").starts_with("<?xml") || qr_svg("https://example.org/").contains("<svg"));
        assert_eq!(escape("<a href=\"x\">&'"), "&lt;a href=&quot;x&quot;&gt;&amp;&#39;");
    }
}

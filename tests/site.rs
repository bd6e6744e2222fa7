//! The pre-rendered citizen pages (issue 16), checked natively: the facts are in the HTML
//! (no JavaScript needed), nothing clock-dependent is baked in, every address renders.

use std::sync::Arc;

use vneid_campaign::domain::campaign::Campaign;
use vneid_campaign::domain::presets::Deployment;
use vneid_campaign::domain::text::Lang;
use vneid_campaign::routes::site::{SitePage, SitePath, MAIN};
use vneid_campaign::site::context::{Assets, Offered, PageCtx};
use vneid_campaign::domain::handout::{escape, qr_svg};
use vneid_campaign::domain::island_data::{unpack_lang, BootData, CampaignStatusData, OfficeFiltersData, OfficeStatusData, StepTickData};
use vneid_campaign::site::islands::CORE_ISLANDS;
use vneid_campaign::site::{island_names, render, render_handout};

fn read(path: &str) -> String {
    std::fs::read_to_string(format!("{}/{path}", env!("CARGO_MANIFEST_DIR"))).unwrap_or_else(|e| panic!("{path}: {e}"))
}

fn campaign(path: &str) -> Arc<Campaign> {
    Arc::new(Campaign::from_json(&read(path)).unwrap_or_else(|e| panic!("{path}: {e:?}")))
}

const SEEDS: [&str; 5] = ["hcm-q3-2023", "tv-duyen-hai-2023", "dn-tam-thuan-2024", "hn-awareness-2022", "hcm-binh-thanh-2023"];

fn ctx(campaign: Arc<Campaign>, default: &str, lang: Lang, page: SitePage) -> PageCtx {
    let deployment = Deployment { default_campaign: default.to_string(), fixed_campaign: false, campaigns: SEEDS.iter().map(|s| s.to_string()).collect(), sync: None };
    let offered = SEEDS
        .iter()
        .map(|id| {
            let c = campaign_of(id);
            Offered { id: id.to_string(), area: c.area.clone(), period: "x".into(), end_inferred: c.period_end_note.is_some() }
        })
        .collect();
    let id = (campaign.id != default).then(|| campaign.id.clone());
    PageCtx {
        campaign,
        deployment: Arc::new(deployment),
        offered: Arc::new(offered),
        path: SitePath { lang, campaign: id, page },
        base: "/vneid-campaign/".into(),
        site_url: "https://example.github.io/vneid-campaign/".into(),
        assets: Arc::new(Assets {
            css: "assets/main.css".into(),
            js: "pkg/site.js".into(),
            wasm: "pkg/site_bg.wasm".into(),
            core_js: "pkg/site-core.js".into(),
            core_wasm: "pkg/site-core_bg.wasm".into(),
        }),
    }
}

fn campaign_of(id: &str) -> Arc<Campaign> {
    campaign(&format!("tests/fixtures/campaigns/{id}.json"))
}

#[test]
fn the_offices_page_holds_the_address_and_the_weekly_hours_in_its_html() {
    let html = render(ctx(campaign_of("hcm-q3-2023"), "hcm-q3-2023", Lang::Vi, SitePage::Offices), false);
    assert!(html.starts_with("<!DOCTYPE html><html lang=\"vi\">"), "{}", &html[..80]);
    assert!(html.contains("Số 243 Cách Mạng Tháng 8"), "address");
    assert!(html.contains("Thứ Hai – Thứ Sáu: 07:30–11:30, 13:00–17:00"), "weekly hours");
    assert!(html.contains("Nguồn: Kế hoạch 2333/KH-BCĐ-CQTT, mục III.6.2"), "source");
    assert!(html.contains(r#"<link rel="alternate" hreflang="en" href="https://example.github.io/vneid-campaign/en/offices/">"#));
    assert!(html.contains(r#"<base href="/vneid-campaign/">"#));
    // The live status is an island, empty at build time: nothing here depends on the clock.
    assert!(html.contains("data-component=\"OfficeStatus_"), "status island");
    assert_eq!(html.matches(r#"data-live="office" class="status live"> </p>"#).count(), 2, "both statuses empty until the island runs");
    assert!(!html.contains("Đang mở cửa,") && !html.contains("Đang đóng cửa"), "no status baked in");
    // The filters are an island hidden until it runs: without JavaScript every office shows.
    assert!(html.contains("data-component=\"OfficeFilters_"));
    assert_eq!(html.matches("class=\"card office\"").count(), 4);
}

#[test]
fn english_pages_are_english_and_link_back() {
    let html = render(ctx(campaign_of("hcm-q3-2023"), "hcm-q3-2023", Lang::En, SitePage::Guide), false);
    assert!(html.starts_with("<!DOCTYPE html><html lang=\"en\">"));
    assert!(html.contains("Install the VNeID app") && html.contains("Wait for the approval SMS"));
    assert!(html.contains(r#"href="guide/" hreflang="vi" lang="vi""#), "the switch links to the same page in Vietnamese");
    assert!(html.contains("<details>"), "steps open without JavaScript");
}

#[test]
fn special_days_and_visits_of_a_campaign_file_reach_the_page() {
    let c = campaign("tests/fixtures/special-days.json");
    let html = render(ctx(c, "fixture-special-days", Lang::Vi, SitePage::Offices), false);
    assert!(html.contains("02/09/2023: nghỉ (Nghỉ lễ Quốc khánh)"));
    assert!(html.contains("03/09/2023: 07:30–11:30 (Làm bù)"));
    assert!(html.contains("09/09/2023, 08:00–11:00: Chung cư Cách Mạng Tháng 8"));
    // The live status applies them: they travel in the data of the status island's frame.
    let statuses: Vec<OfficeStatusData> =
        island_frames(&html).into_iter().filter(|(name, _)| name == "OfficeStatus").filter_map(|(_, data)| OfficeStatusData::unpack(&data)).collect();
    assert!(
        statuses.iter().any(|s| s.special.iter().any(|d| d.date.to_string() == "2023-09-02" && d.hours == "off")),
        "special days in the status island's data: {statuses:?}"
    );
}

/// Each island of a page with the data of the frame around it: (island name, unescaped `data-island`).
fn island_frames(html: &str) -> Vec<(String, String)> {
    let mut frames = Vec::new();
    let mut rest = html;
    while let Some(at) = rest.find("data-island=\"") {
        rest = &rest[at + "data-island=\"".len()..];
        let end = rest.find('"').expect("the attribute ends");
        let data = rest[..end].replace("&quot;", "\"").replace("&lt;", "<").replace("&gt;", ">").replace("&#39;", "'").replace("&amp;", "&");
        let component = rest.find("data-component=\"").expect("an island in the frame") + "data-component=\"".len();
        let id = &rest[component..component + rest[component..].find('"').expect("the id ends")];
        frames.push((id.rsplit_once('_').expect("<name>_<hash>").0.to_string(), data));
    }
    frames
}

#[test]
fn every_island_of_every_page_gets_data_it_can_read_and_the_right_build() {
    let mut pages: Vec<SitePage> = MAIN.iter().map(|(p, _)| *p).filter(|p| !matches!(p, SitePage::Check { .. })).collect();
    pages.extend(SitePath::all_check_pages());
    let mut core_pages = 0;
    for id in SEEDS {
        for lang in Lang::ALL {
            for page in &pages {
                let html = render(ctx(campaign_of(id), "hcm-q3-2023", lang, *page), false);
                let path = SitePath { lang, campaign: (id != "hcm-q3-2023").then(|| id.to_string()), page: *page }.path();
                let frames = island_frames(&html);
                assert_eq!(frames.len(), island_names(&html).len(), "{path}: every island sits in a frame with its data");
                for (name, data) in &frames {
                    let read = match name.as_str() {
                        "PageBoot" => BootData::unpack(data).map(|d| d.lang),
                        "CampaignStatus" => CampaignStatusData::unpack(data).map(|d| d.lang),
                        "OfficeStatus" => OfficeStatusData::unpack(data).map(|d| d.lang),
                        "OfficeFilters" => OfficeFiltersData::unpack(data).map(|d| d.lang),
                        "StepTick" => StepTickData::unpack(data).map(|d| d.lang),
                        "StepTools" => unpack_lang(data),
                        other => panic!("{path}: an island this test does not know: {other}"),
                    };
                    assert_eq!(read, Some(lang), "{path}: {name} reads its data back, in the page's language: {data}");
                }
                let core = frames.iter().all(|(name, _)| CORE_ISLANDS.contains(&name.as_str()));
                assert_eq!(html.contains("pkg/site-core.js"), core, "{path}: the core build exactly when every island is a core island");
                assert_eq!(html.contains("pkg/site.js"), !core, "{path}: one build of the islands");
                core_pages += usize::from(core);
            }
        }
    }
    let home = render(ctx(campaign_of("hcm-q3-2023"), "hcm-q3-2023", Lang::Vi, SitePage::Home), false);
    assert!(home.contains("'/vneid-campaign/pkg/site-core.js'") && home.contains("'/vneid-campaign/pkg/site-core_bg.wasm'"), "the home page loads the core build");
    let offices = render(ctx(campaign_of("hcm-q3-2023"), "hcm-q3-2023", Lang::Vi, SitePage::Offices), false);
    assert!(offices.contains("'/vneid-campaign/pkg/site.js'"), "the offices page loads every island");
    assert!(core_pages > 0);
}

#[test]
fn every_address_of_every_campaign_renders_with_sources_and_no_untranslated_text() {
    let mut pages: Vec<SitePage> = MAIN.iter().map(|(p, _)| *p).filter(|p| !matches!(p, SitePage::Check { .. })).collect();
    pages.extend(SitePath::all_check_pages());
    for id in SEEDS {
        let c = campaign_of(id);
        for lang in Lang::ALL {
            for page in &pages {
                let html = render(ctx(c.clone(), "hcm-q3-2023", lang, *page), false);
                let path = SitePath { lang, campaign: (id != "hcm-q3-2023").then(|| id.to_string()), page: *page }.path();
                assert!(html.contains("<h1>"), "{path}: a heading");
                for leftover in ["%date", "%time", "%days", "{{", "check.case", "check.where", "steps.", "sources.", "help.sms", "help.scam", "?age="] {
                    assert!(!html.contains(leftover), "{path}: {leftover}");
                }
                if let SitePage::Check { answers, reopen: None } = page {
                    if let Some(plan) = answers.plan() {
                        assert!(html.contains("class=\"source\""), "{path}: the result carries its sources");
                        assert_eq!(html.contains("id=\"where\""), !plan.steps.is_empty(), "{path}: where to go, when there is somewhere to go");
                    }
                }
            }
        }
    }
}

#[test]
fn the_questions_are_links_to_their_answers_pages() {
    let html = render(ctx(campaign_of("hcm-q3-2023"), "hcm-q3-2023", Lang::Vi, MAIN[1].0), false);
    for code in ["under6", "6to14", "14plus"] {
        assert!(html.contains(&format!("href=\"check/{code}/\"")), "{code}");
    }
    let c = campaign_of("dn-tam-thuan-2024");
    let answers = vneid_campaign::domain::pathway::Answers::from_query("age=14plus&card=have&level=2");
    let html = render(ctx(c, "hcm-q3-2023", Lang::En, SitePage::Check { answers, reopen: Some(vneid_campaign::domain::pathway::Question::Card) }), false);
    assert!(html.contains("href=\"en/c/dn-tam-thuan-2024/check/14plus/none/2/\""), "changing the card keeps the level");
    assert!(html.contains("aria-current=\"true\""), "the current answer is marked");
}

#[test]
fn the_not_found_page_offers_both_homes() {
    let html = render(ctx(campaign_of("hcm-q3-2023"), "hcm-q3-2023", Lang::Vi, SitePage::Home), true);
    assert!(html.contains("Không tìm thấy trang") && html.contains("href=\"./\"") && html.contains("href=\"en/\""));
}

#[test]
fn the_handout_prints_every_office_note_every_age_case_and_the_sources() {
    let qr = qr_svg("https://example.github.io/vneid-campaign/");
    for id in SEEDS {
        let c = campaign_of(id);
        for lang in Lang::ALL {
            let html = render_handout(ctx(c.clone(), "hcm-q3-2023", lang, SitePage::Home), qr.clone());
            assert!(html.starts_with(&format!("<!DOCTYPE html><html lang=\"{}\">", lang.code())));
            for office in &c.offices {
                if let Some(notes) = &office.notes {
                    assert!(html.contains(&escape(notes.get(lang))), "{id} {lang:?}: the note of {}", office.id);
                }
            }
            let source = if lang == Lang::Vi { "(Nguồn" } else { "(Source" };
            assert!(html.matches(source).count() >= 5, "{id} {lang:?}: sources printed");
            let ages = ["documents.child_under6", "documents.child_6to14", "documents.adult_14"];
            let texts = vneid_campaign::domain::handout::HandoutTexts::from_locale_json(&read(&format!("locales/{}.json", lang.code()))).unwrap();
            for key in ages {
                assert_eq!(html.contains(&texts.raw(key)), c.covers_children(), "{id} {lang:?}: age case {key}");
            }
            assert!(html.contains("<svg role=\"img\""), "{id}: the QR code");
            assert!(!html.contains("<script"), "{id}: no script");
        }
    }
    assert!(campaign_of("dn-tam-thuan-2024").covers_children());
}

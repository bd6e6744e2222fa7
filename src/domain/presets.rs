//! The built-in campaigns (one per seed document) and the deployment settings.
//!
//! The files live in `public/campaigns/` so that a district that forks the
//! repository edits plain JSON. `deployment.json` lists the campaigns offered;
//! the build script turns that list into [`PRESET_INDEX`] and compiles the
//! default campaign in, so the first paint needs no extra request. The other
//! campaign files are served next to the app and fetched when chosen.

use chrono::NaiveDate;

use super::campaign::{Campaign, CampaignError};
pub use super::deployment::Deployment;
use super::text::Lang;
use super::vn_time::parse_iso_date;

/// One entry of the switcher: enough to list a campaign without loading it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct PresetEntry {
    /// Campaign id, also the file name without `.json`.
    pub id: &'static str,
    /// The area, in Vietnamese.
    pub area_vi: &'static str,
    /// The area, in English.
    pub area_en: &'static str,
    /// First day (`YYYY-MM-DD`).
    pub start: &'static str,
    /// Last day (`YYYY-MM-DD`).
    pub end: &'static str,
}

impl PresetEntry {
    /// The area in `lang`.
    pub fn area(&self, lang: Lang) -> &'static str {
        match lang {
            Lang::Vi => self.area_vi,
            Lang::En => self.area_en,
        }
    }

    /// First and last day, if the build script copied valid dates.
    pub fn period(&self) -> Option<(NaiveDate, NaiveDate)> {
        Some((parse_iso_date(self.start)?, parse_iso_date(self.end)?))
    }

    /// The path of the campaign file relative to the app's base (`campaigns/<id>.json`).
    pub fn file_path(&self) -> String {
        format!("campaigns/{}.json", self.id)
    }
}

include!(concat!(env!("OUT_DIR"), "/presets_index.rs"));


impl Deployment {
    /// The deployment settings compiled into this build.
    pub fn built_in() -> Result<Deployment, String> {
        serde_json::from_str(DEPLOYMENT_FILE).map_err(|e| format!("deployment.json: {e}"))
    }

    /// Whether `id` is a campaign this deployment offers.
    pub fn offers(&self, id: &str) -> bool {
        if self.fixed_campaign {
            id == self.default_campaign
        } else {
            PRESET_INDEX.iter().any(|p| p.id == id)
        }
    }
}

/// The default campaign, compiled in; errors name their place in the file.
pub fn load_default_campaign() -> Result<Campaign, Vec<CampaignError>> {
    Campaign::from_json(DEFAULT_CAMPAIGN_JSON)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::campaign::{OfficeKind, CAMPAIGN_FORMAT_VERSION};
    use crate::domain::hours::OpenStatus;
    use crate::domain::vn_time::{instant_at, vn_at, ymd};

    /// A seed campaign, from its fixture (the seed facts are tested there, so a district's fork
    /// may replace `public/campaigns/` without breaking the tests).
    fn seed(id: &str) -> Campaign {
        let path = format!("{}/tests/fixtures/campaigns/{id}.json", env!("CARGO_MANIFEST_DIR"));
        let json = std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{path}: {e}"));
        Campaign::from_json(&json).unwrap_or_else(|e| panic!("{id}: {e:#?}"))
    }

    /// The five seed campaigns.
    fn presets() -> Vec<Campaign> {
        ["hcm-q3-2023", "tv-duyen-hai-2023", "dn-tam-thuan-2024", "hn-awareness-2022", "hcm-binh-thanh-2023"].map(seed).to_vec()
    }

    #[test]
    fn the_live_deployment_is_consistent_whatever_it_offers() {
        // Invariants only: a fork's own deployment must pass them too.
        let deployment = Deployment::built_in().unwrap();
        let listed: Vec<_> = PRESET_INDEX.iter().map(|p| p.id.to_string()).collect();
        assert_eq!(deployment.campaigns, listed, "the index follows deployment.json");
        assert!(listed.contains(&deployment.default_campaign), "the default is listed");
        let default = load_default_campaign().unwrap();
        assert_eq!(default.id, deployment.default_campaign, "the default is compiled in");
        let dir = std::env::var("DEPLOYMENT_DIR").unwrap_or_else(|_| "public/campaigns".into());
        for entry in PRESET_INDEX {
            let path = format!("{}/{dir}/{}.json", env!("CARGO_MANIFEST_DIR"), entry.id);
            let path = if std::path::Path::new(&dir).is_absolute() { format!("{dir}/{}.json", entry.id) } else { path };
            let c = Campaign::from_json(&std::fs::read_to_string(&path).unwrap()).unwrap_or_else(|problems| {
                // One line per problem, with its field: what a district reads in the failed workflow's log.
                panic!("{}", problems.iter().map(|p| format!("{path}: {p}")).collect::<Vec<_>>().join("\n"))
            });
            assert_eq!(entry.id, c.id, "index order and id");
            assert_eq!(entry.file_path(), format!("campaigns/{}.json", c.id));
            assert_eq!((entry.area_vi, entry.area_en), (c.area.vi.as_str(), c.area.en.as_str()));
            assert_eq!(entry.period(), Some((c.period.start, c.period.end)));
            assert_eq!(c.format_version, CAMPAIGN_FORMAT_VERSION);
            assert!(!c.indicators.is_empty());
        }
        assert_eq!(deployment.problems(), Vec::<String>::new(), "a sync server, if named, is usable");
        assert!(!deployment.offers("../secrets"));
        let fixed = Deployment { fixed_campaign: true, ..deployment.clone() };
        for id in &listed {
            assert_eq!(fixed.offers(id), *id == deployment.default_campaign, "a fixed deployment offers only its default");
        }
    }

    #[test]
    fn a_deployment_may_name_a_sync_server_and_its_origin_is_the_only_one_added() {
        let without: Deployment = serde_json::from_str(r#"{"default_campaign": "a", "campaigns": ["a"]}"#).unwrap();
        assert_eq!(without.sync, None);
        assert_eq!(without.connect_origins(), Vec::<String>::new(), "no server: nothing but the site itself");
        let with: Deployment = serde_json::from_str(
            r#"{"default_campaign": "a", "campaigns": ["a", "b"], "sync": {"url": "https://couch.example.org:6984/db", "database": "vneid-{campaign}"}}"#,
        )
        .unwrap();
        assert_eq!(with.problems(), Vec::<String>::new());
        assert_eq!(with.connect_origins(), vec!["https://couch.example.org:6984".to_string()]);
        let bad: Deployment = serde_json::from_str(r#"{"default_campaign": "a", "campaigns": ["a"], "sync": {"url": "http://couch.example.org", "database": "x"}}"#).unwrap();
        let problems = bad.problems();
        assert_eq!(problems.len(), 2, "{problems:?}");
        assert!(problems[0].starts_with("sync.url") && problems[1].starts_with("sync.database"), "{problems:?}");
        assert_eq!(bad.connect_origins(), Vec::<String>::new(), "an unusable address opens nothing");
        let unknown = serde_json::from_str::<Deployment>(r#"{"default_campaign": "a", "campaigns": ["a"], "sync": {"url": "https://x.org", "database": "d-{campaign}", "password": "p"}}"#);
        assert!(unknown.unwrap_err().to_string().contains("unknown field `password`"), "no password in the file");
    }

    #[test]
    fn the_five_seeds_load_and_validate() {
        let campaigns = presets();
        let mut ids: Vec<_> = campaigns.iter().map(|c| c.id.as_str()).collect();
        ids.sort();
        ids.dedup();
        assert_eq!(ids.len(), 5, "campaign ids are unique");
        for c in &campaigns {
            assert_eq!(c.format_version, CAMPAIGN_FORMAT_VERSION);
            assert!(!c.indicators.is_empty());
        }
    }

    #[test]
    fn district_3_has_its_documented_facts() {
        let campaigns = presets();
        let q3 = campaigns.iter().find(|c| c.id == "hcm-q3-2023").unwrap();
        assert_eq!(q3.document.number.as_deref(), Some("2333/KH-BCĐ-CQTT"));
        assert_eq!(q3.document.date, Some(ymd(2023, 6, 20)));
        assert_eq!((q3.period.start, q3.period.end), (ymd(2023, 6, 20), ymd(2023, 11, 5)));
        let team = q3.office("district-team").unwrap();
        assert_eq!(team.kind, OfficeKind::DistrictTeam);
        assert!(team.address.as_ref().unwrap().vi.contains("243 Cách Mạng Tháng 8"));
        assert_eq!(q3.office("ward-police").unwrap().count, Some(12));
        // The ward police have no address in the document, so none is stored.
        assert!(q3.office("ward-police").unwrap().address.is_none());
    }

    #[test]
    fn district_3_hours_from_the_preset() {
        let q3 = presets().into_iter().find(|c| c.id == "hcm-q3-2023").unwrap();
        let team = q3.office("district-team").unwrap().weekly_hours().unwrap();
        let wards = q3.office("ward-police").unwrap().weekly_hours().unwrap();
        // Saturday 24/06/2023 19:30 Vietnam time: team closed until Monday, wards open until 21:00.
        let sat_evening = vn_at(ymd(2023, 6, 24), 19, 30);
        assert_eq!(team.status_at(sat_evening), OpenStatus::ClosedUntil { days_ahead: 2, weekday: 0, at: 450 });
        assert_eq!(wards.status_at(sat_evening), OpenStatus::OpenUntil { until: 21 * 60 });
        // Monday 26/06/2023 12:00: both closed, both open at 13:00.
        let monday_noon = vn_at(ymd(2023, 6, 26), 12, 0);
        let at_one = OpenStatus::ClosedUntil { days_ahead: 0, weekday: 0, at: 13 * 60 };
        assert_eq!(team.status_at(monday_noon), at_one);
        assert_eq!(wards.status_at(monday_noon), at_one);
        // Sunday 25/06/2023 10:00: team closed until Monday 07:30.
        assert_eq!(
            team.status_at(vn_at(ymd(2023, 6, 25), 10, 0)),
            OpenStatus::ClosedUntil { days_ahead: 1, weekday: 0, at: 450 }
        );
        // The same instants written in a device zone far from Vietnam's give the same answers.
        assert_eq!(team.status_at(instant_at(ymd(2023, 6, 24), 7, 30, -5).unwrap()), team.status_at(sat_evening));
        assert_eq!(wards.status_at(instant_at(ymd(2023, 6, 26), 5, 0, 0).unwrap()), wards.status_at(monday_noon));
    }

    #[test]
    fn office_filters_on_district_3() {
        use crate::domain::campaign::OfficeFilter;
        let q3 = presets().into_iter().find(|c| c.id == "hcm-q3-2023").unwrap();
        let sat_evening = vn_at(ymd(2023, 6, 24), 19, 30);
        let ids = |f: &OfficeFilter| {
            q3.offices.iter().filter(|o| f.accepts(o, sat_evening)).map(|o| o.id.as_str()).collect::<Vec<_>>()
        };
        assert_eq!(ids(&OfficeFilter::default()), ["district-team", "ward-police", "mobile-team", "help-points"]);
        assert_eq!(ids(&OfficeFilter { open_now: true, ..Default::default() }), ["ward-police"]);
        assert_eq!(ids(&OfficeFilter { evenings: true, ..Default::default() }), ["ward-police"]);
        assert_eq!(ids(&OfficeFilter { weekends: true, ..Default::default() }), ["district-team", "ward-police"]);
        assert_eq!(ids(&OfficeFilter { query: "cach mang thang 8".into(), ..Default::default() }), ["district-team"]);
        assert_eq!(ids(&OfficeFilter { query: "luu dong".into(), ..Default::default() }), ["mobile-team"]);
        assert!(ids(&OfficeFilter { query: "hoàn kiếm".into(), ..Default::default() }).is_empty());
        // Monday 12:00: nobody is open, so "open now" lists nothing.
        let noon = vn_at(ymd(2023, 6, 26), 12, 0);
        let open = OfficeFilter { open_now: true, ..Default::default() };
        assert!(q3.offices.iter().all(|o| !open.accepts(o, noon)));
    }

    #[test]
    fn a_broken_preset_is_reported_with_its_place() {
        let mut json: serde_json::Value = serde_json::to_value(seed("hcm-q3-2023")).unwrap();
        json["offices"][0]["opening_hours"] = "Mo-Fr 7h30".into();
        json["period"]["end"] = "2023-01-01".into();
        let errors = Campaign::from_json(&json.to_string()).unwrap_err();
        let paths: Vec<_> = errors.iter().map(|e| e.path.as_str()).collect();
        assert!(paths.contains(&"offices[0].opening_hours"), "{paths:?}");
        assert!(paths.contains(&"period"), "{paths:?}");
        json["offices"][1]["id"] = "district-team".into();
        let errors = Campaign::from_json(&json.to_string()).unwrap_err();
        assert!(errors.iter().any(|e| e.path == "offices[1].id" && e.message.contains("used twice")), "{errors:?}");
        json["unexpected"] = 1.into();
        let errors = Campaign::from_json(&json.to_string()).unwrap_err();
        assert!(errors[0].message.contains("unexpected"), "{errors:?}");
    }

    #[test]
    fn special_days_and_visits_from_a_campaign_file() {
        use crate::domain::campaign::OfficeFilter;
        use crate::domain::hours::OpenStatus;
        let mut json: serde_json::Value = serde_json::to_value(seed("hcm-q3-2023")).unwrap();
        // Test data, not facts: District 3's document announces no holidays or visit dates.
        json["offices"][1]["special_days"] = serde_json::json!([
            { "date": "2023-09-02", "hours": "off", "reason": { "vi": "Nghỉ lễ", "en": "Holiday" } },
            { "date": "2023-09-03", "hours": "07:30-11:30", "reason": { "vi": "Làm bù", "en": "Swapped day" } }
        ]);
        json["visits"] = serde_json::json!([
            { "date": "2023-09-10", "hours": "08:00-11:00", "place": { "vi": "Chung cư A", "en": "Block A" }, "office": "mobile-team" },
            { "date": "2023-08-01", "place": { "vi": "Trường B", "en": "School B" } }
        ]);
        let q3 = Campaign::from_json(&json.to_string()).unwrap();
        let wards = q3.office("ward-police").unwrap();
        let holiday_evening = vn_at(ymd(2023, 9, 2), 19, 0);
        assert_eq!(wards.status_at(holiday_evening), Some(OpenStatus::ClosedUntil { days_ahead: 1, weekday: 6, at: 450 }));
        let open_now = OfficeFilter { open_now: true, ..Default::default() };
        assert!(!open_now.accepts(wards, holiday_evening), "closed on the holiday evening");
        assert!(open_now.accepts(wards, vn_at(ymd(2023, 9, 9), 19, 0)), "open the next Saturday evening");
        assert_eq!(wards.upcoming_special_days(ymd(2023, 9, 1), 30).len(), 2);
        assert_eq!(wards.upcoming_special_days(ymd(2023, 9, 3), 30).len(), 1);
        let visits = q3.upcoming_visits(ymd(2023, 8, 15));
        assert_eq!(visits.len(), 1, "past visits are not shown");
        assert_eq!(visits[0].place.en, "Block A");

        json["offices"][1]["special_days"][1]["hours"] = "7h30".into();
        json["offices"][1]["special_days"][1]["date"] = "2023-09-02".into();
        json["visits"][0]["office"] = "nobody".into();
        let errors = Campaign::from_json(&json.to_string()).unwrap_err();
        let paths: Vec<_> = errors.iter().map(|e| e.path.as_str()).collect();
        assert_eq!(paths, ["offices[1].special_days[1].hours", "offices[1].special_days[1].date", "visits[0].office"]);
    }
}

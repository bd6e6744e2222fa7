//! The built-in campaigns (one per seed document) and the deployment settings.
//!
//! The files live in `public/campaigns/` so that a district that forks the
//! repository edits plain JSON; they are compiled into the app so that the
//! first paint needs no extra request.

use serde::Deserialize;

use super::campaign::{Campaign, CampaignError};

/// `(file name, contents)` of every built-in campaign, in switcher order.
pub const PRESET_FILES: [(&str, &str); 5] = [
    ("hcm-q3-2023.json", include_str!("../../public/campaigns/hcm-q3-2023.json")),
    ("tv-duyen-hai-2023.json", include_str!("../../public/campaigns/tv-duyen-hai-2023.json")),
    ("dn-tam-thuan-2024.json", include_str!("../../public/campaigns/dn-tam-thuan-2024.json")),
    ("hn-awareness-2022.json", include_str!("../../public/campaigns/hn-awareness-2022.json")),
    ("hcm-binh-thanh-2023.json", include_str!("../../public/campaigns/hcm-binh-thanh-2023.json")),
];

/// The deployment's settings file.
pub const DEPLOYMENT_FILE: &str = include_str!("../../public/campaigns/deployment.json");

/// How this deployment presents campaigns.
#[derive(Clone, Debug, PartialEq, Eq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Deployment {
    /// The campaign shown when the URL names none.
    pub default_campaign: String,
    /// When true, only the default campaign is offered and the switcher is hidden.
    #[serde(default)]
    pub fixed_campaign: bool,
}

/// Every built-in campaign, parsed and validated; errors name the file.
pub fn load_presets() -> Result<Vec<Campaign>, Vec<(String, CampaignError)>> {
    let mut campaigns = Vec::new();
    let mut errors = Vec::new();
    for (file, json) in PRESET_FILES {
        match Campaign::from_json(json) {
            Ok(c) => campaigns.push(c),
            Err(problems) => errors.extend(problems.into_iter().map(|p| (file.to_string(), p))),
        }
    }
    if errors.is_empty() {
        Ok(campaigns)
    } else {
        Err(errors)
    }
}

/// The deployment settings, checked against the presets.
pub fn load_deployment(presets: &[Campaign]) -> Result<Deployment, String> {
    let deployment: Deployment =
        serde_json::from_str(DEPLOYMENT_FILE).map_err(|e| format!("deployment.json: {e}"))?;
    if !presets.iter().any(|c| c.id == deployment.default_campaign) {
        return Err(format!(
            "deployment.json: default_campaign \"{}\" is not a built-in campaign",
            deployment.default_campaign
        ));
    }
    Ok(deployment)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::campaign::{OfficeKind, CAMPAIGN_FORMAT_VERSION};
    use crate::domain::hours::OpenStatus;
    use time::macros::{date, datetime};

    fn presets() -> Vec<Campaign> {
        match load_presets() {
            Ok(p) => p,
            Err(errors) => panic!("presets do not validate: {errors:#?}"),
        }
    }

    #[test]
    fn all_five_presets_load_and_validate() {
        let campaigns = presets();
        assert_eq!(campaigns.len(), 5);
        let mut ids: Vec<_> = campaigns.iter().map(|c| c.id.as_str()).collect();
        ids.sort();
        ids.dedup();
        assert_eq!(ids.len(), 5, "campaign ids are unique");
        for (c, (file, _)) in campaigns.iter().zip(PRESET_FILES) {
            assert_eq!(file, format!("{}.json", c.id), "file name matches id");
            assert_eq!(c.format_version, CAMPAIGN_FORMAT_VERSION);
            assert!(!c.indicators.is_empty());
        }
    }

    #[test]
    fn district_3_is_the_default_with_its_documented_facts() {
        let campaigns = presets();
        let deployment = load_deployment(&campaigns).unwrap();
        assert_eq!(deployment.default_campaign, "hcm-q3-2023");
        let q3 = campaigns.iter().find(|c| c.id == "hcm-q3-2023").unwrap();
        assert_eq!(q3.document.number.as_deref(), Some("2333/KH-BCĐ-CQTT"));
        assert_eq!(q3.document.date, Some(date!(2023 - 06 - 20)));
        assert_eq!((q3.period.start, q3.period.end), (date!(2023 - 06 - 20), date!(2023 - 11 - 05)));
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
        let sat_evening = datetime!(2023-06-24 19:30 +7);
        assert_eq!(team.status_at(sat_evening), OpenStatus::ClosedUntil { days_ahead: 2, weekday: 0, at: 450 });
        assert_eq!(wards.status_at(sat_evening), OpenStatus::OpenUntil { until: 21 * 60 });
        // Monday 26/06/2023 12:00: both closed, both open at 13:00.
        let monday_noon = datetime!(2023-06-26 12:00 +7);
        let at_one = OpenStatus::ClosedUntil { days_ahead: 0, weekday: 0, at: 13 * 60 };
        assert_eq!(team.status_at(monday_noon), at_one);
        assert_eq!(wards.status_at(monday_noon), at_one);
        // Sunday 25/06/2023 10:00: team closed until Monday 07:30.
        assert_eq!(
            team.status_at(datetime!(2023-06-25 10:00 +7)),
            OpenStatus::ClosedUntil { days_ahead: 1, weekday: 0, at: 450 }
        );
        // The same instants written in a device zone far from Vietnam's give the same answers.
        assert_eq!(team.status_at(datetime!(2023-06-24 07:30 -5)), team.status_at(sat_evening));
        assert_eq!(wards.status_at(datetime!(2023-06-26 05:00 UTC)), wards.status_at(monday_noon));
    }

    #[test]
    fn office_filters_on_district_3() {
        use crate::domain::campaign::OfficeFilter;
        let q3 = presets().into_iter().find(|c| c.id == "hcm-q3-2023").unwrap();
        let sat_evening = datetime!(2023-06-24 19:30 +7);
        let ids = |f: &OfficeFilter| {
            q3.offices.iter().filter(|o| f.accepts(o, sat_evening)).map(|o| o.id.as_str()).collect::<Vec<_>>()
        };
        assert_eq!(ids(&OfficeFilter::default()), ["district-team", "ward-police", "mobile-team"]);
        assert_eq!(ids(&OfficeFilter { open_now: true, ..Default::default() }), ["ward-police"]);
        assert_eq!(ids(&OfficeFilter { evenings: true, ..Default::default() }), ["ward-police"]);
        assert_eq!(ids(&OfficeFilter { weekends: true, ..Default::default() }), ["district-team", "ward-police"]);
        assert_eq!(ids(&OfficeFilter { query: "cach mang thang 8".into(), ..Default::default() }), ["district-team"]);
        assert_eq!(ids(&OfficeFilter { query: "luu dong".into(), ..Default::default() }), ["mobile-team"]);
        assert!(ids(&OfficeFilter { query: "hà nội".into(), ..Default::default() }).is_empty());
        // Monday 12:00: nobody is open, so "open now" lists nothing.
        let noon = datetime!(2023-06-26 12:00 +7);
        let open = OfficeFilter { open_now: true, ..Default::default() };
        assert!(q3.offices.iter().all(|o| !open.accepts(o, noon)));
    }

    #[test]
    fn a_broken_preset_is_reported_with_its_place() {
        let mut json: serde_json::Value = serde_json::from_str(PRESET_FILES[0].1).unwrap();
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
}

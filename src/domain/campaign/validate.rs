//! Checking a campaign file: every problem with its place in the file (run natively by
//! `cargo test` and the build; the browser only parses).

use std::fmt;

use super::*;

/// What the checks say of a text missing one of its two languages.
pub const BOTH_LANGUAGES: &str = "both \"vi\" and \"en\" must be filled in";

/// A problem found in a campaign file, with where it is.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct CampaignError {
    /// Place in the file, e.g. `offices[1].opening_hours`.
    pub path: String,
    /// What is wrong.
    pub message: String,
}

impl fmt::Display for CampaignError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}: {}", self.path, self.message)
    }
}

impl Campaign {
    /// Parses and validates a campaign file; every problem is listed with its place.
    pub fn from_json(json: &str) -> Result<Campaign, Vec<CampaignError>> {
        let campaign: Campaign = serde_json::from_str(json).map_err(|e| {
            vec![CampaignError {
                path: format!("line {}, column {}", e.line(), e.column()),
                message: e.to_string(),
            }]
        })?;
        // Every file a deployment offers is validated by `cargo test` (and so by CI and the
        // Pages workflow) before it is published; the browser only parses, which keeps
        // about 8 KB gzip of checks out of the citizens' download.
        #[cfg(target_arch = "wasm32")]
        let problems: Vec<CampaignError> = Vec::new();
        #[cfg(not(target_arch = "wasm32"))]
        let problems = campaign.validate();
        if problems.is_empty() {
            Ok(campaign)
        } else {
            Err(problems)
        }
    }

    /// Checks references, ids, dates, phones and hours; returns every problem found.
    pub fn validate(&self) -> Vec<CampaignError> {
        let mut problems = Vec::new();
        let mut push = |path: String, message: String| problems.push(CampaignError { path, message });

        if self.format_version != CAMPAIGN_FORMAT_VERSION {
            push(
                "format_version".into(),
                format!("version {} is not supported (expected {CAMPAIGN_FORMAT_VERSION})", self.format_version),
            );
        }
        if !is_valid_id(&self.id) {
            push("id".into(), "use lowercase letters, digits and '-' only".into());
        }
        for (path, text) in [("name", &self.name), ("area", &self.area), ("issuer", &self.issuer), ("audience", &self.audience), ("document.title", &self.document.title)] {
            if text.has_blank() {
                push(path.into(), BOTH_LANGUAGES.into());
            }
        }
        if self.period.start > self.period.end {
            push("period".into(), "the campaign ends before it starts".into());
        }
        check_ids(self.offices.iter().map(|o| o.id.as_str()), "offices", &mut push);
        check_ids(self.units.iter().map(|u| u.id.as_str()), "units", &mut push);
        check_ids(self.indicators.iter().map(|i| i.id.as_str()), "indicators", &mut push);
        check_ids(self.phases.iter().map(|p| p.id.as_str()), "phases", &mut push);
        if self.indicators.is_empty() {
            push("indicators".into(), "at least one indicator is needed".into());
        }
        for (i, office) in self.offices.iter().enumerate() {
            if office.name.has_blank() {
                push(format!("offices[{i}].name"), BOTH_LANGUAGES.into());
            }
            if let Some(phone) = &office.phone {
                if !is_valid_phone(phone) {
                    push(format!("offices[{i}].phone"), format!("\"{phone}\" is not a phone number"));
                }
            }
            if let Some(url) = &office.url {
                if !url.starts_with("https://") {
                    push(format!("offices[{i}].url"), "must start with https://".into());
                }
            }
            if let Some(spec) = &office.opening_hours {
                if let Err(e) = WeeklyHours::parse(spec) {
                    push(format!("offices[{i}].opening_hours"), e.to_string());
                }
            }
            if office.count == Some(0) {
                push(format!("offices[{i}].count"), "must be at least 1".into());
            }
            for (j, day) in office.special_days.iter().enumerate() {
                let path = format!("offices[{i}].special_days[{j}]");
                if let Err(e) = parse_day_hours(&day.hours) {
                    push(format!("{path}.hours"), format!("{e} (or \"off\")"));
                }
                if day.reason.has_blank() {
                    push(format!("{path}.reason"), BOTH_LANGUAGES.into());
                }
                if office.special_days[..j].iter().any(|d| d.date == day.date) {
                    push(format!("{path}.date"), "this date is listed twice".into());
                }
            }
        }
        for (i, visit) in self.visits.iter().enumerate() {
            let path = format!("visits[{i}]");
            if visit.place.has_blank() {
                push(format!("{path}.place"), BOTH_LANGUAGES.into());
            }
            if let Some(hours) = &visit.hours {
                if let Err(e) = parse_day_hours(hours) {
                    push(format!("{path}.hours"), e);
                }
            }
            if let Some(office) = &visit.office {
                if self.office(office).is_none() {
                    push(format!("{path}.office"), format!("unknown office \"{office}\""));
                }
            }
        }
        for (list, names) in [("units", self.units.iter().map(|u| &u.name).collect::<Vec<_>>()), ("indicators", self.indicators.iter().map(|x| &x.name).collect())] {
            for (i, name) in names.into_iter().enumerate() {
                if name.has_blank() {
                    push(format!("{list}[{i}].name"), BOTH_LANGUAGES.into());
                }
            }
        }
        for (i, contact) in self.contacts.iter().enumerate() {
            if !is_valid_phone(&contact.phone) {
                push(format!("contacts[{i}].phone"), format!("\"{}\" is not a phone number", contact.phone));
            }
        }
        for (i, phase) in self.phases.iter().enumerate() {
            if phase.period.start > phase.period.end {
                push(format!("phases[{i}].period"), "the phase ends before it starts".into());
            }
            if phase.period.start < self.period.start || phase.period.end > self.period.end {
                push(format!("phases[{i}].period"), "the phase lies outside the campaign period".into());
            }
            if i > 0 && phase.period.start <= self.phases[i - 1].period.end {
                push(format!("phases[{i}].period"), "phases must follow one another without overlap".into());
            }
        }
        for (i, target) in self.targets.iter().enumerate() {
            let path = format!("targets[{i}]");
            if !self.indicators.iter().any(|x| x.id == target.indicator) {
                push(format!("{path}.indicator"), format!("unknown indicator \"{}\"", target.indicator));
            }
            if let Some(unit) = &target.unit {
                if !self.units.iter().any(|x| &x.id == unit) {
                    push(format!("{path}.unit"), format!("unknown unit \"{unit}\""));
                }
            }
            if let Some(phase) = &target.phase {
                if !self.phases.iter().any(|x| &x.id == phase) {
                    push(format!("{path}.phase"), format!("unknown phase \"{phase}\""));
                }
            }
            match (target.count, target.percent) {
                (None, None) => push(path.clone(), "give a \"count\" or a \"percent\"".into()),
                (_, Some(p)) if p == 0 || p > 100 => push(format!("{path}.percent"), "must be from 1 to 100".into()),
                _ => {}
            }
            if let (Some(count), Some(pop)) = (target.count, target.population) {
                if count > pop {
                    push(format!("{path}.count"), "is larger than the population".into());
                }
            }
        }
        for (i, rule) in self.reporting.iter().enumerate() {
            if let Some(time) = &rule.due_time {
                if parse_hh_mm(time).is_none() {
                    push(format!("reporting[{i}].due_time"), format!("\"{time}\" is not a time like 08:00"));
                }
            }
        }
        for (i, channel) in self.channels.iter().enumerate() {
            if channel.name.has_blank() {
                push(format!("channels[{i}].name"), BOTH_LANGUAGES.into());
            }
            if channel.url.as_deref().is_some_and(|u| !u.starts_with("https://")) {
                push(format!("channels[{i}].url"), "must start with https://".into());
            }
        }
        if self.document.citation.as_ref().is_some_and(Text::has_blank) {
            push("document.citation".into(), BOTH_LANGUAGES.into());
        }
        for (path, problem) in self.source_problems() {
            push(path, problem);
        }
        problems
    }

    /// Problems with the `source` fields: section syntax and field names, with their place.
    fn source_problems(&self) -> Vec<(String, String)> {
        const OFFICE: &[&str] = &["name", "count", "address", "phone", "url", "opening_hours", "serves", "notes", "special_days"];
        const CAMPAIGN: &[&str] = &["name", "area", "issuer", "period", "period_end_note", "audience", "offers"];
        let mut out = Vec::new();
        let mut check = |path: String, source: &Option<SourceField>, fields: &[&str]| {
            if let Some(source) = source {
                for (suffix, problem) in source.problems(fields) {
                    out.push((format!("{path}.source{suffix}"), problem));
                }
            }
        };
        check(String::new(), &self.source, CAMPAIGN);
        for (i, o) in self.offices.iter().enumerate() {
            check(format!("offices[{i}]"), &o.source, OFFICE);
        }
        for (i, d) in self.deadlines.iter().enumerate() {
            check(format!("deadlines[{i}]"), &d.source, &["date", "label"]);
        }
        for (i, c) in self.contacts.iter().enumerate() {
            check(format!("contacts[{i}]"), &c.source, &["role", "phone"]);
        }
        for (i, r) in self.reporting.iter().enumerate() {
            check(format!("reporting[{i}]"), &r.source, &["due", "due_time", "content"]);
        }
        for (i, t) in self.targets.iter().enumerate() {
            check(format!("targets[{i}]"), &t.source, &["count", "percent", "population", "due", "description"]);
        }
        for (i, p) in self.phases.iter().enumerate() {
            check(format!("phases[{i}]"), &p.source, &["name", "period"]);
        }
        for (i, v) in self.visits.iter().enumerate() {
            check(format!("visits[{i}]"), &v.source, &["date", "hours", "place", "notes"]);
        }
        for (i, c) in self.channels.iter().enumerate() {
            check(format!("channels[{i}]"), &c.source, &["name", "url"]);
        }
        let mut fixed: Vec<(String, String)> = out;
        for (path, _) in fixed.iter_mut() {
            if let Some(rest) = path.strip_prefix('.') {
                *path = rest.to_string();
            }
        }
        fixed
    }

}

fn is_valid_id(id: &str) -> bool {
    !id.is_empty()
        && id.len() <= 64
        && id.bytes().all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-')
}

fn is_valid_phone(phone: &str) -> bool {
    let digits = phone.bytes().filter(u8::is_ascii_digit).count();
    (3..=15).contains(&digits) && phone.bytes().all(|b| b.is_ascii_digit() || b" .+-".contains(&b))
}

fn check_ids<'a>(ids: impl Iterator<Item = &'a str>, list: &str, push: &mut impl FnMut(String, String)) {
    // Lists are short; a vector keeps a hash table out of the wasm.
    let mut seen: Vec<&str> = Vec::new();
    for (i, id) in ids.enumerate() {
        if !is_valid_id(id) {
            push(format!("{list}[{i}].id"), format!("\"{id}\": use lowercase letters, digits and '-' only"));
        } else if seen.contains(&id) {
            push(format!("{list}[{i}].id"), format!("\"{id}\" is used twice"));
        } else {
            seen.push(id);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::campaign::tel_href;

    #[test]
    fn tel_links_keep_digits_only() {
        assert_eq!(tel_href("0903 85 86 68"), "tel:0903858668");
        assert_eq!(tel_href("0977.709.169"), "tel:0977709169");
        assert_eq!(tel_href("+84 977"), "tel:+84977");
        assert!(is_valid_phone("0977.709.169"));
        assert!(!is_valid_phone("call me"));
    }

    #[test]
    fn ids_are_slugs() {
        assert!(is_valid_id("hcm-q3-2023"));
        assert!(!is_valid_id("HCM Q3"));
        assert!(!is_valid_id(""));
    }
}


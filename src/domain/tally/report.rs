//! The daily report: per unit, that day's counts and the running totals, as a
//! table and as short plain text for a chat group.

use chrono::NaiveDate;

use super::ledger::Ledger;
use super::progress::{all_units, Tally, UnitLabel};
use crate::domain::campaign::Campaign;
use crate::domain::text::Lang;
use crate::domain::vn_time::format_date;

/// One unit's line of the report.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ReportRow {
    /// The unit.
    pub unit: UnitLabel,
    /// That day's count per indicator (in campaign order); none when the unit has no entry that day.
    pub day: Option<Vec<u64>>,
    /// Totals from the campaign's start to that day, per indicator.
    pub cumulative: Vec<u64>,
}

/// The report for one day.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct DayReport {
    /// The day reported.
    pub date: NaiveDate,
    /// One row per unit.
    pub rows: Vec<ReportRow>,
    /// That day's totals per indicator.
    pub total_day: Vec<u64>,
    /// Running totals per indicator.
    pub total_cumulative: Vec<u64>,
}

impl DayReport {
    /// Builds the report of `date`.
    pub fn build(campaign: &Campaign, ledger: &Ledger, date: NaiveDate) -> DayReport {
        let tally = Tally::build(ledger);
        let start = campaign.period.start;
        let ids: Vec<&str> = campaign.indicators.iter().map(|i| i.id.as_str()).collect();
        let rows: Vec<ReportRow> = all_units(campaign, ledger)
            .into_iter()
            .map(|unit| {
                let day = ledger.entry(date, &unit.id).map(|e| ids.iter().map(|id| e.counts.get(id)).collect());
                let cumulative = ids.iter().map(|id| tally.sum(id, Some(&unit.id), start.min(date), date)).collect();
                ReportRow { unit, day, cumulative }
            })
            .collect();
        let total_day = ids.iter().map(|id| tally.on(id, None, date)).collect();
        let total_cumulative = ids.iter().map(|id| tally.sum(id, None, start.min(date), date)).collect();
        DayReport { date, rows, total_day, total_cumulative }
    }

    /// Units without an entry that day.
    pub fn missing(&self) -> Vec<&UnitLabel> {
        self.rows.iter().filter(|r| r.day.is_none()).map(|r| &r.unit).collect()
    }
}

/// Words of the text report, from the translation files (Vietnamese for chat groups).
pub struct ReportWords<'a> {
    /// "Báo cáo ngày".
    pub title: &'a str,
    /// "lũy kế".
    pub cumulative: &'a str,
    /// "Theo đơn vị".
    pub by_unit: &'a str,
    /// "Chưa có số liệu".
    pub missing: &'a str,
}

/// `1.234` in Vietnamese, `1,234` in English.
pub fn format_count(n: u64, lang: Lang) -> String {
    let sep = if lang == Lang::Vi { '.' } else { ',' };
    let digits = n.to_string();
    let mut out = String::new();
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i) % 3 == 0 {
            out.push(sep);
        }
        out.push(c);
    }
    out
}

/// The short plain-text report to paste into a chat group.
pub fn report_text(campaign: &Campaign, report: &DayReport, words: &ReportWords, lang: Lang) -> String {
    let n = |v: u64| format_count(v, lang);
    let mut out = format!("{} {} – {}\n", words.title, format_date(report.date), campaign.area.get(lang));
    for (i, indicator) in campaign.indicators.iter().enumerate() {
        out.push_str(&format!(
            "{}: {} ({} {})\n",
            indicator.name.get(lang),
            n(report.total_day[i]),
            words.cumulative,
            n(report.total_cumulative[i])
        ));
    }
    let reported: Vec<&ReportRow> = report.rows.iter().filter(|r| r.day.is_some()).collect();
    if !reported.is_empty() {
        out.push_str(&format!("{}:\n", words.by_unit));
        for row in reported {
            let day = row.day.as_deref().unwrap_or_default();
            let figures: Vec<String> = day.iter().zip(&row.cumulative).map(|(d, c)| format!("{} ({})", n(*d), n(*c))).collect();
            out.push_str(&format!("- {}: {}\n", row.unit.name(lang), figures.join(" / ")));
        }
    }
    let missing = report.missing();
    if !missing.is_empty() {
        let names: Vec<&str> = missing.iter().map(|u| u.name(lang)).collect();
        out.push_str(&format!("{}: {}\n", words.missing, names.join("; ")));
    }
    out
}

//! The CSV export: one row per date and unit, one column per indicator.

use super::ledger::Ledger;
use super::progress::all_units;
use crate::domain::campaign::Campaign;
use crate::domain::vn_time::format_iso;

/// Column titles of the CSV export, from the translation files.
pub struct CsvLabels<'a> {
    /// "Ngày" / "Date".
    pub date: &'a str,
    /// "Mã đơn vị" / "Unit id".
    pub unit_id: &'a str,
    /// "Đơn vị" / "Unit".
    pub unit: &'a str,
}

/// CSV, UTF-8 with a byte-order mark: one row per date and unit, one column per indicator.
pub fn to_csv(campaign: &Campaign, ledger: &Ledger, labels: &CsvLabels, lang: crate::domain::text::Lang) -> String {
    let units = all_units(campaign, ledger);
    let mut writer = csv::WriterBuilder::new().terminator(csv::Terminator::CRLF).from_writer(Vec::new());
    let mut header = vec![labels.date.to_string(), labels.unit_id.to_string(), labels.unit.to_string()];
    header.extend(campaign.indicators.iter().map(|i| i.name.get(lang).to_string()));
    let _ = writer.write_record(&header);
    for entry in ledger.entries.values() {
        let name = units.iter().find(|u| u.id == entry.unit).map(|u| u.name(lang).to_string()).unwrap_or_default();
        let mut row = vec![format_iso(entry.date), entry.unit.clone(), name];
        row.extend(campaign.indicators.iter().map(|i| entry.counts.0.get(&i.id).map(|n| n.to_string()).unwrap_or_default()));
        let _ = writer.write_record(&row);
    }
    let bytes = writer.into_inner().unwrap_or_default();
    format!("\u{feff}{}", String::from_utf8(bytes).unwrap_or_default())
}


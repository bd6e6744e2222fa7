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
    let header: Vec<String> = header.iter().map(|h| spreadsheet_safe(h)).collect();
    let _ = writer.write_record(&header);
    for entry in ledger.entries.values() {
        let name = units.iter().find(|u| u.id == entry.unit).map(|u| spreadsheet_safe(u.name(lang))).unwrap_or_default();
        let mut row = vec![format_iso(entry.date), entry.unit.clone(), name];
        row.extend(campaign.indicators.iter().map(|i| entry.counts.0.get(&i.id).map(|n| n.to_string()).unwrap_or_default()));
        let _ = writer.write_record(&row);
    }
    let bytes = writer.into_inner().unwrap_or_default();
    format!("\u{feff}{}", String::from_utf8(bytes).unwrap_or_default())
}


/// A text cell a spreadsheet will not run as a formula: one starting with `=`, `+`, `-`,
/// `@`, a tab or a carriage return gets a leading `'` (OWASP's advice for CSV injection).
pub fn spreadsheet_safe(cell: &str) -> String {
    if cell.starts_with(['=', '+', '-', '@', '\t', '\r']) {
        format!("'{cell}")
    } else {
        cell.to_string()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cells_that_a_spreadsheet_would_run_are_escaped() {
        assert_eq!(spreadsheet_safe("=HYPERLINK(\"http://x\")"), "'=HYPERLINK(\"http://x\")");
        for risky in ["+1", "-1+2", "@SUM(A1)", "\tx", "\rx"] {
            assert!(spreadsheet_safe(risky).starts_with('\''), "{risky}");
        }
        assert_eq!(spreadsheet_safe("Phường 1"), "Phường 1");
        assert_eq!(spreadsheet_safe("a=b"), "a=b");
    }
}

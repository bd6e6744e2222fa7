//! Staff counting: daily entries per unit against targets, their validation,
//! progress arithmetic, reports, and the export / import / merge format.
//!
//! Plain Rust: no signals, no web-sys. The browser stores a [`ledger::Ledger`]
//! through the [`store::TallyStore`] trait.

pub mod chart;
pub mod csv_export;
pub mod export;
pub mod import;
pub mod ledger;
pub mod merge;
pub mod pin;
pub mod progress;
pub mod report;
pub mod stamp;
pub mod store;
pub mod sync;
pub mod validate;
#[cfg(test)]
mod tests;

//! Plain-Rust domain model: campaigns, Vietnam time, opening hours.
//!
//! Nothing in this module depends on Leptos or web-sys, so it is tested
//! natively with `cargo test` in milliseconds.

pub mod campaign;
pub mod deployment;
pub mod guidance;
pub mod handout;
pub mod hours;
pub mod island_data;
pub mod kiosk;
pub mod pathway;
pub mod presets;
pub mod search;
pub mod sources;
pub mod sync_server;
pub mod text;
pub mod vn_time;
pub mod tally;

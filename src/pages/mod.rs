//! One module per page (route).

pub mod check;
pub mod documents;
pub mod guide;
pub mod help;
pub mod home;
pub mod not_found;
pub mod offices;

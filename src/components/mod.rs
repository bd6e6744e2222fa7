//! Parts shared by several pages.

pub mod campaign_status;
pub mod document_line;
pub mod lang_switch;
pub mod kiosk;
pub mod layout;
pub mod page_title;
pub mod source_note;
pub mod step_nav;
pub mod tr;
pub mod update_banner;

//! Parts of staff mode's client-rendered frame shared by its sections.

pub mod lang_switch;
pub mod source_note;
pub mod tr;
pub mod update_banner;

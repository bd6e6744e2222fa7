//! The schema: what each version adds (see the module's documentation).

use super::*;

/// Creates what schema version `step` adds.
pub(super) fn upgrade_to(db: &Database, step: u32) -> indexed_db_futures::Result<()> {
    match step {
        1 => {
            db.create_object_store(ENTRIES).with_key_path(KeyPath::from(["campaign", "date", "unit"])).build()?;
            db.create_object_store(AUDIT).with_key_path(KeyPath::from(["campaign", "at", "device", "date", "unit"])).build()?;
            db.create_object_store(UNITS).with_key_path(KeyPath::from(["campaign", "id"])).build()?;
            db.create_object_store(TARGETS).with_key_path(KeyPath::from(["campaign", "key"])).build()?;
        }
        2 => {
            db.create_object_store(META).with_key_path(KeyPath::One("key")).build()?;
        }
        3 => {
            db.create_object_store(SYNC).with_key_path(KeyPath::from(["campaign", "doc"])).build()?;
        }
        _ => {}
    }
    Ok(())
}


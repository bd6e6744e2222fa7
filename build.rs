//! Rebuild when a translation file changes (leptos_i18n reads `locales/` at compile time).
fn main() {
    println!("cargo::rerun-if-changed=locales");
    println!("cargo::rerun-if-changed=public/campaigns");
}

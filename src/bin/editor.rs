//! Browser entry point of the campaign editor (a separate page and wasm: `/staff/editor/`).

#[cfg(target_arch = "wasm32")]
fn main() {
    vneid_campaign::editor::mount();
}

#[cfg(not(target_arch = "wasm32"))]
fn main() {
    eprintln!("This is the campaign editor of the browser app: build it with `make dist`.");
    std::process::exit(2);
}

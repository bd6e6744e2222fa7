//! Browser entry point of staff mode (a separate page and wasm: `/staff/`).

#[cfg(target_arch = "wasm32")]
fn main() {
    vneid_campaign::staff::mount();
}

#[cfg(not(target_arch = "wasm32"))]
fn main() {
    eprintln!("This is the staff page of the browser app: build it with `make dist`.");
    std::process::exit(2);
}

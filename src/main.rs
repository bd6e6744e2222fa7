//! Browser entry point: mounts the app on `<body>`.

#[cfg(target_arch = "wasm32")]
fn main() {
    vneid_campaign::app::mount();
}

#[cfg(not(target_arch = "wasm32"))]
fn main() {
    eprintln!("This is the browser app: build it with `make dist` or run it with `make serve`.");
    std::process::exit(2);
}

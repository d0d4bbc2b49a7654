//! The browser app's entry point (built by Trunk for wasm32-unknown-unknown).

#[cfg(target_arch = "wasm32")]
fn main() {
    clientele::ui::start();
}

#[cfg(not(target_arch = "wasm32"))]
fn main() {
    eprintln!("The Clientele app runs in the browser: build and serve it with `bash scripts/serve` (see README.md).");
    std::process::exit(2);
}

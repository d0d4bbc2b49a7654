//! The Web Worker's entry point (built by Trunk as a worker for wasm32-unknown-unknown).

#[cfg(target_arch = "wasm32")]
fn main() {
    clientele::worker::start();
}

#[cfg(not(target_arch = "wasm32"))]
fn main() {
    eprintln!("This is the browser app's Web Worker; it runs only in the browser.");
    std::process::exit(2);
}

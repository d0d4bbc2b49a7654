//! The browser app: Leptos components that ask the engine and draw. No calculation lives here.

mod app;
mod components;
mod download;
mod engine;
mod fatal;
mod i18n;
mod pages;
mod settings;
#[cfg(feature = "test-hooks")]
mod test_hooks;
mod workspace;

use leptos::prelude::*;
use wasm_bindgen::JsCast;

/// Entry point called by `src/bin/app.rs` once the wasm module is loaded.
pub fn start() {
    fatal::install_panic_hook();
    let document = document();
    let Some(root) = document.get_element_by_id("app").and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok()) else {
        fatal::show("the page has no #app element");
        return;
    };
    if let Some(boot) = document.get_element_by_id("boot") {
        boot.remove();
    }
    leptos::mount::mount_to(root, app::App).forget();
    // Lets the end-to-end tests prove, on the real build, that a panic shows the error panel
    // and that a dead worker is replaced.
    #[cfg(feature = "test-hooks")]
    test_hooks::install();
}

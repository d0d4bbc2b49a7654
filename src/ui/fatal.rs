//! A panic in wasm leaves the module unusable. Instead of a dead page the user sees a panel
//! (its text, translated, is prepared by boot.js before the wasm loads) saying that nothing
//! saved was touched, with the technical detail for a bug report.

use leptos::prelude::document;

pub fn install_panic_hook() {
    std::panic::set_hook(Box::new(|info| {
        console_error_panic_hook::hook(info);
        show(&info.to_string());
    }));
}

/// Shows the error panel with `detail`.
pub fn show(detail: &str) {
    let document = document();
    if let Some(detail_box) = document.get_element_by_id("fatal-detail") {
        detail_box.set_text_content(Some(detail));
    }
    if let Some(panel) = document.get_element_by_id("fatal") {
        let _ = panel.remove_attribute("hidden");
    }
    if let Some(app) = document.get_element_by_id("app") {
        let _ = app.set_attribute("aria-hidden", "true");
    }
}

//! Triggers for the end-to-end tests, compiled only with the `test-hooks` feature: the
//! production build has no address that panics the page and no way to kill the worker.

use super::engine::ask_test_hook;
use crate::engine::session::Response;
use crate::i18n::{failure::describe, Locale};
use leptos::prelude::{document, window};
use wasm_bindgen::prelude::*;

/// Panics the page on `?clientele-test-panic` (the error panel's test), and gives the tests
/// `window.clienteleTest.worker(hook)`: it posts `hook` (`panic`, `abort`, `abort-later`) to
/// the worker and resolves with the text its pending request failed with, in the page's language.
pub fn install() {
    let kill = Closure::<dyn Fn(String) -> js_sys::Promise>::new(|hook: String| {
        wasm_bindgen_futures::future_to_promise(async move {
            let text = match ask_test_hook(hook).await {
                Response::Failed(failure) => describe(&failure, page_locale()),
                other => format!("{other:?}"),
            };
            Ok(text.into())
        })
    });
    let hooks = js_sys::Object::new();
    let _ = js_sys::Reflect::set(&hooks, &"worker".into(), kill.as_ref());
    kill.forget();
    let _ = js_sys::Reflect::set(&window(), &"clienteleTest".into(), &hooks);
    if window().location().search().is_ok_and(|query| query.contains("clientele-test-panic")) {
        panic!("test panic requested by the address");
    }
}

/// The language the page is shown in (its `<html lang>`, which the locale context keeps).
fn page_locale() -> Locale {
    document()
        .document_element()
        .and_then(|html| html.get_attribute("lang"))
        .and_then(|tag| Locale::from_tag(&tag))
        .unwrap_or_default()
}

//! Saving something the app made (a report, a table, a chart, a workspace file) as a download:
//! a `blob:` URL clicked through a temporary link. Nothing leaves the browser.

use js_sys::{Array, Uint8Array};
use leptos::prelude::document;
use wasm_bindgen::JsCast;
use web_sys::{Blob, BlobPropertyBag, HtmlAnchorElement, Url};

/// Offers `bytes` as a file called `name`; `Err` says why the browser refused.
pub fn offer(name: &str, mime: &str, bytes: &[u8]) -> Result<(), String> {
    let parts = Array::of1(&Uint8Array::from(bytes));
    let options = BlobPropertyBag::new();
    options.set_type(mime);
    let blob = Blob::new_with_u8_array_sequence_and_options(&parts, &options).map_err(|e| format!("{e:?}"))?;
    offer_blob(name, &blob)
}

/// Offers a blob the browser already holds (e.g. a canvas drawn as PNG) as a file.
pub fn offer_blob(name: &str, blob: &Blob) -> Result<(), String> {
    let url = Url::create_object_url_with_blob(blob).map_err(|e| format!("{e:?}"))?;
    let link: HtmlAnchorElement = document().create_element("a").map_err(|e| format!("{e:?}"))?.unchecked_into();
    link.set_href(&url);
    link.set_download(name);
    link.click();
    // The click has started the download; the URL is no longer needed.
    let _ = Url::revoke_object_url(&url);
    Ok(())
}

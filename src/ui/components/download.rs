//! Downloads made in the browser: a `blob:` URL clicked through a temporary link (the CSP
//! allows `blob:`; nothing touches the network), and an SVG chart rendered to PNG on a canvas.

use js_sys::Array;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::{Blob, BlobPropertyBag, CanvasRenderingContext2d, Element, HtmlAnchorElement, HtmlCanvasElement, HtmlImageElement, Url, XmlSerializer};

/// Offers `text` as a file. A byte order mark tells spreadsheet programs the CSV is UTF-8.
pub fn download_text(text: &str, mime: &str, name: &str) {
    let parts = Array::of1(&JsValue::from_str(&format!("\u{feff}{text}")));
    let options = BlobPropertyBag::new();
    options.set_type(mime);
    if let Ok(blob) = Blob::new_with_str_sequence_and_options(&parts, &options) {
        download_blob(&blob, name);
    }
}

fn download_blob(blob: &Blob, name: &str) {
    let Ok(url) = Url::create_object_url_with_blob(blob) else { return };
    let document = leptos::prelude::document();
    if let Some(link) = document.create_element("a").ok().and_then(|e| e.dyn_into::<HtmlAnchorElement>().ok()) {
        link.set_href(&url);
        link.set_download(name);
        link.click();
    }
    // The browser reads the blob after this task: revoke it a little later.
    let revoke = Closure::once_into_js(move || {
        let _ = Url::revoke_object_url(&url);
    });
    let _ = leptos::prelude::window().set_timeout_with_callback_and_timeout_and_arguments_0(revoke.unchecked_ref(), 10_000);
}

/// Draws the SVG (its `width` and `height` attributes give the size) at twice its size on a
/// white canvas and offers the result as a PNG.
pub fn download_svg_as_png(svg: &Element, name: &str) {
    let size = |attribute: &str| svg.get_attribute(attribute).and_then(|v| v.parse::<f64>().ok()).unwrap_or(640.0);
    let (width, height) = (size("width"), size("height"));
    let Ok(xml) = XmlSerializer::new().and_then(|s| s.serialize_to_string(svg)) else { return };
    let options = BlobPropertyBag::new();
    options.set_type("image/svg+xml");
    let Ok(blob) = Blob::new_with_str_sequence_and_options(&Array::of1(&JsValue::from_str(&xml)), &options) else { return };
    let Ok(url) = Url::create_object_url_with_blob(&blob) else { return };
    let Ok(image) = HtmlImageElement::new() else { return };
    let name = name.to_string();
    let loaded = image.clone();
    let source = url.clone();
    let onload = Closure::once_into_js(move || {
        let _ = Url::revoke_object_url(&source);
        let Some(canvas) = leptos::prelude::document().create_element("canvas").ok().and_then(|c| c.dyn_into::<HtmlCanvasElement>().ok()) else { return };
        canvas.set_width((width * 2.0) as u32);
        canvas.set_height((height * 2.0) as u32);
        let Some(context) = canvas.get_context("2d").ok().flatten().and_then(|c| c.dyn_into::<CanvasRenderingContext2d>().ok()) else { return };
        context.set_fill_style_str("#ffffff");
        context.fill_rect(0.0, 0.0, width * 2.0, height * 2.0);
        let _ = context.draw_image_with_html_image_element_and_dw_and_dh(&loaded, 0.0, 0.0, width * 2.0, height * 2.0);
        let done = Closure::once_into_js(move |png: Option<Blob>| {
            if let Some(png) = png {
                download_blob(&png, &name);
            }
        });
        let _ = canvas.to_blob(done.unchecked_ref());
    });
    image.set_onload(Some(onload.unchecked_ref()));
    image.set_src(&url);
}

//! A chart's SVG drawn on a canvas and offered as a PNG (through the app's one download helper).

use crate::ui::download::offer_blob;
use js_sys::Array;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::{
    Blob, BlobPropertyBag, CanvasRenderingContext2d, Element, HtmlCanvasElement, HtmlImageElement, Url, XmlSerializer,
};

/// Draws the SVG (its `width` and `height` attributes give the size) at twice its size on a
/// white canvas and offers the result as a PNG. The SVG loads as an image from a `blob:` URL,
/// which the CSP allows; nothing touches the network.
pub fn download_svg_as_png(svg: &Element, name: &str) {
    let size = |attribute: &str| svg.get_attribute(attribute).and_then(|v| v.parse::<f64>().ok()).unwrap_or(640.0);
    let (width, height) = (size("width") * 2.0, size("height") * 2.0);
    let Ok(xml) = XmlSerializer::new().and_then(|s| s.serialize_to_string(svg)) else { return };
    let options = BlobPropertyBag::new();
    options.set_type("image/svg+xml");
    let Ok(blob) = Blob::new_with_str_sequence_and_options(&Array::of1(&JsValue::from_str(&xml)), &options) else {
        return;
    };
    let Ok(url) = Url::create_object_url_with_blob(&blob) else { return };
    let Ok(image) = HtmlImageElement::new() else { return };
    let (name, loaded, source) = (name.to_string(), image.clone(), url.clone());
    let onload = Closure::once_into_js(move || {
        let _ = Url::revoke_object_url(&source);
        let Some(canvas) = leptos::prelude::document()
            .create_element("canvas")
            .ok()
            .and_then(|c| c.dyn_into::<HtmlCanvasElement>().ok())
        else {
            return;
        };
        canvas.set_width(width as u32);
        canvas.set_height(height as u32);
        let Some(context) =
            canvas.get_context("2d").ok().flatten().and_then(|c| c.dyn_into::<CanvasRenderingContext2d>().ok())
        else {
            return;
        };
        context.set_fill_style_str("#ffffff");
        context.fill_rect(0.0, 0.0, width, height);
        let _ = context.draw_image_with_html_image_element_and_dw_and_dh(&loaded, 0.0, 0.0, width, height);
        let done = Closure::once_into_js(move |png: Option<Blob>| {
            if let Some(png) = png {
                let _ = offer_blob(&name, &png);
            }
        });
        let _ = canvas.to_blob(done.unchecked_ref());
    });
    image.set_onload(Some(onload.unchecked_ref()));
    image.set_src(&url);
}

//! A frame around an SVG chart: a title, the chart, and a "Download PNG" button. Charts are
//! drawn by `view!` as SVG (crisp at any zoom and in print) with presentation attributes
//! rather than CSS, so the PNG made from the SVG alone looks like the page.

use super::download::download_svg_as_png;
use crate::i18n::AnalysisMsg as M;
use crate::ui::i18n::use_i18n;
use leptos::html::Div;
use leptos::prelude::*;

/// The palette, kept here so every chart speaks the same colours as the stylesheet.
pub const INK: &str = "#1d2733";
pub const MUTED: &str = "#6b7785";
pub const LINE: &str = "#d9dee5";
pub const BRAND: &str = "#1f4e79";
pub const GOOD: &str = "#2f7d5b";
pub const BAD: &str = "#b3412f";
pub const FONT: &str = "system-ui, -apple-system, Segoe UI, Roboto, Helvetica, Arial, sans-serif";
/// One colour per pyramid level, apex first, then inactive.
pub const LEVELS: [&str; 5] = ["#173d60", "#2b6296", "#4f86bd", "#8fb3d9", "#c4ccd6"];

#[component]
pub fn ChartFrame(#[prop(into)] title: Signal<String>, file: &'static str, children: Children) -> impl IntoView {
    let i18n = use_i18n();
    let holder = NodeRef::<Div>::new();
    let download = move |_| {
        if let Some(svg) = holder.get_untracked().and_then(|h| h.query_selector("svg").ok().flatten()) {
            download_svg_as_png(&svg, &format!("{file}.png"));
        }
    };
    view! {
        <figure class="chart-frame" data-chart=file>
            <figcaption>{move || title.get()}</figcaption>
            <div class="chart" node_ref=holder>{children()}</div>
            <div class="frame-actions">
                <button type="button" class="button button-secondary button-small" data-testid=format!("png-{file}") on:click=download>
                    {move || i18n.t(M::DownloadPng)}
                </button>
            </div>
        </figure>
    }
}

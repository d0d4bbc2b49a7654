//! A frame around a chart: a title, the chart, and a "Download PNG" button. Charts with axes
//! are drawn by the chart layer (`crate::chart`, plotters' SVG backend) and shown by
//! [`chart_view`]; the pyramid is drawn by `view!`. Both use presentation attributes rather
//! than CSS, so the PNG made from the SVG alone looks like the page.

use super::png::download_svg_as_png;
use crate::chart::Chart;
/// The palette's colours the pyramid drawing uses (the palette lives in `crate::chart`).
pub use crate::chart::{FONT, INK, LEVELS, MUTED};
use crate::i18n::AnalysisMsg as M;
use crate::ui::i18n::use_i18n;
use leptos::html::Div;
use leptos::prelude::*;

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

/// A chart of the chart layer, for a `ChartFrame`: its SVG (which carries `role="img"` and the
/// label) set as the holder's content. The SVG is the app's own output, never user markup:
/// plotters escapes every text it writes.
pub fn chart_view(chart: Chart) -> impl IntoView {
    view! { <div class="chart-svg" inner_html=chart.svg></div> }
}

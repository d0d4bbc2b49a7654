//! A frame around an SVG chart: a title, the chart, and a "Download PNG" button. Charts are
//! drawn by `view!` as SVG (crisp at any zoom and in print) with presentation attributes
//! rather than CSS, so the PNG made from the SVG alone looks like the page.

use super::png::download_svg_as_png;
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

/// One series of a bar chart: its name, colour, and one value per category with its label.
pub struct Series {
    pub name: String,
    pub colour: &'static str,
    pub values: Vec<(f64, String)>,
}

const CHART_WIDTH: f64 = 720.0;
const CHART_HEIGHT: f64 = 300.0;
const PLOT: (f64, f64, f64, f64) = (16.0, 24.0, 704.0, 250.0); // left, top, right, bottom

/// Vertical bars per category, series side by side, values above the bars, a legend when there
/// is more than one series. Values are drawn from zero; negative values are drawn as zero.
pub fn bar_chart(label: String, categories: Vec<String>, series: Vec<Series>) -> impl IntoView {
    let max = series.iter().flat_map(|s| s.values.iter().map(|v| v.0)).fold(0.0f64, f64::max).max(1.0);
    let (left, top, right, bottom) = PLOT;
    let slot = (right - left) / categories.len().max(1) as f64;
    let bar = (slot * 0.7 / series.len().max(1) as f64).min(64.0);
    let group = bar * series.len() as f64;
    let y = move |v: f64| bottom - (v.max(0.0) / max) * (bottom - top);
    let bars = series.iter().enumerate().flat_map(|(s, series)| {
        series.values.iter().enumerate().map(move |(c, (value, text))| {
            let x = left + c as f64 * slot + (slot - group) / 2.0 + s as f64 * bar;
            let top_y = y(*value);
            view! {
                <rect x=x y=top_y width=bar - 2.0 height=bottom - top_y fill=series.colour rx="2"/>
                <text x=x + bar / 2.0 - 1.0 y=top_y - 4.0 text-anchor="middle" font-size="11" fill=INK>{text.clone()}</text>
            }
        })
    }).collect_view();
    let labels = categories.iter().enumerate().map(|(c, name)| view! {
        <text x=left + (c as f64 + 0.5) * slot y=bottom + 18.0 text-anchor="middle" font-size="12" fill=MUTED>{name.clone()}</text>
    }).collect_view();
    let legend =
        (series.len() > 1).then(|| {
            series.iter().enumerate().map(|(s, series)| view! {
        <rect x=left + s as f64 * 150.0 y="4" width="11" height="11" fill=series.colour rx="2"/>
        <text x=left + s as f64 * 150.0 + 16.0 y="14" font-size="12" fill=INK>{series.name.clone()}</text>
    }).collect_view()
        });
    let shift = if series.len() > 1 { 12.0 } else { 0.0 };
    let height = CHART_HEIGHT + shift;
    view! {
        <svg xmlns="http://www.w3.org/2000/svg" width=CHART_WIDTH height=height viewBox=format!("0 0 {CHART_WIDTH} {height}") font-family=FONT role="img" aria-label=label>
            <rect width=CHART_WIDTH height=height fill="#ffffff"/>
            <g transform=format!("translate(0 {shift})")>
                <line x1=left y1=bottom x2=right y2=bottom stroke=LINE/>
                {bars}
                {labels}
            </g>
            {legend}
        </svg>
    }
}

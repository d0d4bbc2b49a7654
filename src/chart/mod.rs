//! The chart layer: functions that take plain data and return a [`Chart`], an SVG drawn by
//! plotters' SVG backend plus its accessible label. No browser types, so it compiles and is
//! tested natively; the app puts the SVG in a `ChartFrame` (`ui/components/chart.rs`).
//!
//! Why SVG: crisp at any zoom and in print, and the frame's PNG download draws it on a canvas.
//! plotters writes presentation attributes (`fill`, `font-size`), never `style="..."`, so the
//! output passes the app's `style-src 'self'`.
//!
//! Text is never measured. On wasm32 plotters measures text by adding a `<span>` with a `style`
//! attribute to the document (the CSP refuses it, and every label costs a reflow); natively
//! without its `ttf` feature it guesses. So this layer uses only what plotters draws without
//! measuring: the mesh with labels left of and below the plot, axis titles, and `Text` elements.
//! Captions (the frame has the title), plotters' legend (`configure_series_labels`) and labels
//! right of the plot are not used; [`legend`] lays out its entries with [`text_width`].

mod bar;
mod grid;
mod line;
mod radar;
mod scatter;
mod strategy_map;

pub use bar::{bar_chart, bar_chart_with_marks, Bar, BarChart, BarMarks, BarSeries};
pub use grid::{quadrant_chart, QuadrantChart};
pub use line::{line_chart, LineChart, LineSeries, MarkedPoint, ReferenceLine};
pub use radar::{radar_chart, RadarChart, RadarSeries, RADAR_WIDTH};
pub use scatter::{scatter_chart, PointSeries, ScatterChart};
pub use strategy_map::{strategy_map, MapBox, MapLayer, StrategyMap, MAP_WIDTH};

use plotters::coord::ranged1d::{DefaultFormatting, KeyPointHint};
use plotters::coord::types::RangedCoordf64;
use plotters::coord::Shift;
use plotters::prelude::*;
use plotters::style::text_anchor::{HPos, Pos, VPos};
use std::ops::Range;

/// The palette, kept here so every chart speaks the same colours as the stylesheet.
pub const INK: &str = "#1d2733";
pub const MUTED: &str = "#6b7785";
pub const LINE: &str = "#d9dee5";
pub const BRAND: &str = "#1f4e79";
pub const GOOD: &str = "#2f7d5b";
pub const GOOD_LIGHT: &str = "#7fb89a";
pub const BAD: &str = "#b3412f";
/// Between good and bad: a scorecard light that is amber.
pub const WARN: &str = "#9a6200";
pub const FONT: &str = "system-ui, -apple-system, Segoe UI, Roboto, Helvetica, Arial, sans-serif";
/// One colour per pyramid level, apex first, then inactive.
pub const LEVELS: [&str; 5] = ["#173d60", "#2b6296", "#4f86bd", "#8fb3d9", "#c4ccd6"];
/// Colours for series that have no meaning of their own (cohorts), distinct from one another
/// and each at least 3:1 against white (WCAG's contrast for graphics); more series repeat them.
pub const SERIES: [&str; 8] = ["#1f4e79", "#b3412f", "#2f7d5b", "#8a5a00", "#6a3d9a", "#00707a", "#c2185b", "#5b6b00"];

/// A drawn chart: the SVG document and the label screen readers announce for it.
#[derive(Debug, Clone, PartialEq)]
pub struct Chart {
    pub svg: String,
    pub label: String,
}

/// An axis: its title, where its ticks go and how a tick's value is written (the locale's
/// formatting, e.g. `|v| locale.percent(v)`).
pub struct Axis<'a> {
    pub title: String,
    pub range: Range<f64>,
    pub ticks: Vec<f64>,
    pub format: Box<dyn Fn(f64) -> String + 'a>,
}

impl<'a> Axis<'a> {
    /// An axis over `range` with about five round ticks (1, 2 or 5 times a power of ten).
    pub fn new(title: impl Into<String>, range: Range<f64>, format: impl Fn(f64) -> String + 'a) -> Self {
        let range = usable(range);
        Axis { title: title.into(), ticks: nice_ticks(&range, 5), range, format: Box::new(format) }
    }

    /// The same axis with ticks exactly at `ticks` (years, categories).
    pub fn with_ticks(mut self, ticks: Vec<f64>) -> Self {
        self.ticks = ticks;
        self
    }

    fn coord(&self) -> Ticked {
        Ticked { inner: self.range.clone().into(), ticks: self.ticks.clone() }
    }
}

/// A linear f64 coordinate whose ticks (and gridlines) are exactly the axis's. plotters' own
/// `WithKeyPoints` does the same but takes away the mesh's label formatter.
struct Ticked {
    inner: RangedCoordf64,
    ticks: Vec<f64>,
}

impl Ranged for Ticked {
    type FormatOption = DefaultFormatting;
    type ValueType = f64;

    fn map(&self, value: &f64, limit: (i32, i32)) -> i32 {
        self.inner.map(value, limit)
    }

    /// The axis's ticks as the bold lines and labels; no light lines between them.
    fn key_points<Hint: KeyPointHint>(&self, hint: Hint) -> Vec<f64> {
        if hint.weight().allow_light_points() {
            Vec::new()
        } else {
            self.ticks.clone()
        }
    }

    fn range(&self) -> Range<f64> {
        self.inner.range()
    }
}

/// The smallest and largest of `values` with zero included (bars and areas start at zero), a
/// little headroom above the top so value labels fit; 0..1 when there is nothing to show.
pub fn extent_from_zero(values: impl IntoIterator<Item = f64>) -> Range<f64> {
    let (low, high) =
        values.into_iter().filter(|v| v.is_finite()).fold((0.0f64, 0.0f64), |(l, h), v| (l.min(v), h.max(v)));
    let room = (high - low) * 0.12;
    usable(low - if low < 0.0 { room } else { 0.0 }..high + room)
}

/// A range plotters can map: finite and not empty.
fn usable(range: Range<f64>) -> Range<f64> {
    let (start, end) = (finite_or(range.start, 0.0), finite_or(range.end, 1.0));
    if end > start {
        start..end
    } else {
        start..start + 1.0
    }
}

fn finite_or(value: f64, fallback: f64) -> f64 {
    if value.is_finite() {
        value
    } else {
        fallback
    }
}

/// About `target` round ticks covering `range`: the step is 1, 2 or 5 times a power of ten.
pub fn nice_ticks(range: &Range<f64>, target: usize) -> Vec<f64> {
    let rough = (range.end - range.start) / target.max(1) as f64;
    let exponent = rough.log10().floor() as i32;
    let magnitude = 10f64.powi(exponent);
    let multiple = [1.0, 2.0, 5.0, 10.0].into_iter().find(|m| m * magnitude >= rough).unwrap_or(10.0);
    let step = multiple * magnitude;
    // A tick is a whole number of multiples, scaled by the power of ten last: dividing by 10
    // (not multiplying by 0.1) keeps 3 × 0.2 from coming out as 0.6000000000000001.
    let at = |i: i64| {
        let units = i as f64 * multiple;
        if exponent < 0 {
            units / 10f64.powi(-exponent)
        } else {
            units * magnitude
        }
    };
    let (first, last) = ((range.start / step - 1e-9).ceil() as i64, (range.end / step + 1e-9).floor() as i64);
    (first..=last).map(at).map(|v| if v == 0.0 { 0.0 } else { v }).collect()
}

/// The pixel size of a chart. Every chart leaves a margin of 8 px left and a 72 px column for
/// the value labels, so its plot starts at x = 80; it ends 16 px (bars) or 32 px (numeric x
/// axes) before the right edge. A value maps to the pixel `start + (length × share)` with the
/// offset truncated towards the start (plotters' rule).
pub const WIDTH: u32 = 720;
pub const HEIGHT: u32 = 300;

/// Text of `px` pixels in the app's font, in `colour`. plotters writes `font-size` as the
/// size it is given divided by 1.24, so the size given here is scaled up by as much.
fn font(px: f64, colour: &str) -> TextStyle<'static> {
    (FONT, px * 1.24).into_font().color(&rgb(colour))
}

/// `#rrggbb` as a plotters colour; the palette's constants are the only input.
fn rgb(hex: &str) -> RGBColor {
    let channel = |i: usize| u8::from_str_radix(hex.get(i..i + 2).unwrap_or("00"), 16).unwrap_or(0);
    RGBColor(channel(1), channel(3), channel(5))
}

/// A rough width of `text` at 12 px, for laying out a legend: without measuring (see the module
/// comment), 0.6 em per character is the width of an average sans-serif letter.
pub fn text_width(text: &str, px: f64) -> i32 {
    (text.chars().count() as f64 * px * 0.6).ceil() as i32
}

/// Where each legend entry (a square in the series' colour, then its name) starts, in rows of
/// 20 px from the top left that wrap before the chart's `width` less the margins.
fn legend_places(entries: &[(&str, &str)], width: u32) -> Vec<(i32, i32)> {
    let (mut x, mut y, right) = (16, 6, width as i32 - 16);
    let mut places = Vec::with_capacity(entries.len());
    for (name, _) in entries {
        let wide = 16 + text_width(name, 12.0);
        if x > 16 && x + wide > right {
            (x, y) = (16, y + 20);
        }
        places.push((x, y));
        x += wide + 24;
    }
    places
}

/// The height of the legend above the plot: its rows, when there is more than one series.
fn legend_height(entries: &[(&str, &str)], width: u32) -> u32 {
    match legend_places(entries, width).last() {
        Some(&(_, y)) if entries.len() > 1 => y as u32 + 18,
        _ => 0,
    }
}

fn legend(area: &DrawingArea<SVGBackend, Shift>, entries: &[(&str, &str)]) {
    for ((name, colour), (x, y)) in entries.iter().zip(legend_places(entries, area.dim_in_pixel().0)) {
        let _ = area.draw(&Rectangle::new([(x, y), (x + 11, y + 11)], rgb(colour).filled()));
        let beside = font(12.0, INK).pos(Pos::new(HPos::Left, VPos::Center));
        let _ = area.draw(&Text::new(name.to_string(), (x + 16, y + 6), beside));
    }
}

/// The plot's coordinates: both axes linear over f64 with the axes' own ticks.
type Plot<'a, 'b> = ChartContext<'a, SVGBackend<'b>, Cartesian2d<Ticked, Ticked>>;

/// Where the plot sits: the space for the x axis's labels (and title) below it, the margins
/// under those and right of the plot (room for half the last tick label of a numeric x axis),
/// and whether vertical gridlines are drawn (not between bars).
struct Layout {
    x_labels: u32,
    bottom: u32,
    right: u32,
    x_grid: bool,
}

/// Draws the legend (for more than one entry), the axes, ticks, tick labels, axis titles and
/// gridlines, then hands the plot to `draw` for the data.
fn plotted(
    root: &DrawingArea<SVGBackend, Shift>,
    entries: &[(&str, &str)],
    (x, y): (&Axis, &Axis),
    layout: Layout,
    draw: impl FnOnce(&mut Plot),
) {
    let row = legend_height(entries, root.dim_in_pixel().0);
    if row > 0 {
        legend(root, entries);
    }
    let area = root.margin(row + 12, layout.bottom, 8, layout.right);
    let Ok(mut chart) = ChartBuilder::on(&area)
        .x_label_area_size(layout.x_labels)
        .y_label_area_size(72)
        .build_cartesian_2d(x.coord(), y.coord())
    else {
        return;
    };
    let (x_format, y_format) = (|v: &f64| (x.format)(*v), |v: &f64| (y.format)(*v));
    let mut mesh = chart.configure_mesh();
    mesh.bold_line_style(rgb(LINE))
        .light_line_style(TRANSPARENT)
        .axis_style(rgb(MUTED))
        .label_style(font(11.0, MUTED))
        .axis_desc_style(font(12.0, INK))
        .x_labels(x.ticks.len().max(1))
        .y_labels(y.ticks.len().max(1))
        .x_label_formatter(&x_format)
        .y_label_formatter(&y_format);
    // An empty title would still be drawn, as an empty text element.
    if !x.title.is_empty() {
        mesh.x_desc(x.title.clone());
    }
    if !y.title.is_empty() {
        mesh.y_desc(y.title.clone());
    }
    if !layout.x_grid {
        mesh.disable_x_mesh();
    }
    let _ = mesh.draw();
    draw(&mut chart);
}

/// Runs `draw` on a white SVG of `size` and returns the chart, labelled for screen readers.
/// plotters' drawing into a `String` fails only on a range it cannot map, which [`usable`]
/// rules out, so a failed step is left out rather than reported.
fn render(label: String, size: (u32, u32), draw: impl FnOnce(&DrawingArea<SVGBackend, Shift>)) -> Chart {
    let mut svg = String::new();
    {
        let root = SVGBackend::with_string(&mut svg, size).into_drawing_area();
        let _ = root.fill(&WHITE);
        draw(&root);
        let _ = root.present();
    }
    Chart { svg: accessible(&svg, &label), label }
}

/// The root `<svg>` with `role="img"` and the label, and the newlines plotters writes around a
/// text element's content taken out: they would be part of the text a test or reader reads.
fn accessible(svg: &str, label: &str) -> String {
    let escaped = label.replace('&', "&amp;").replace('"', "&quot;").replace('<', "&lt;");
    let svg = svg.replace('\n', "");
    svg.replacen("<svg ", &format!("<svg role=\"img\" aria-label=\"{escaped}\" font-family=\"{FONT}\" "), 1)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ticks_are_round_steps_inside_the_range() {
        // 0..1 in about 5 steps: 0.2 is the first of 0.1, 0.2, 0.5 at least 1/5.
        assert_eq!(nice_ticks(&(0.0..1.0), 5), vec![0.0, 0.2, 0.4, 0.6, 0.8, 1.0]);
        // 0..1340 / 5 = 268 → step 500: 0, 500, 1000.
        assert_eq!(nice_ticks(&(0.0..1340.0), 5), vec![0.0, 500.0, 1000.0]);
        // -30..70 / 5 = 20 → step 20: -20, 0, 20, 40, 60.
        assert_eq!(nice_ticks(&(-30.0..70.0), 5), vec![-20.0, 0.0, 20.0, 40.0, 60.0]);
        // 0..0.3 / 4 = 0.075 → step 0.1; 0.3 itself is a tick (no 0.30000000000000004).
        assert_eq!(nice_ticks(&(0.0..0.3), 4), vec![0.0, 0.1, 0.2, 0.3]);
    }

    #[test]
    fn extents_include_zero_and_leave_room_above() {
        // Values 10..50: from zero, 50 + 12 % of 50 = 56.
        assert_eq!(extent_from_zero([10.0, 50.0]), 0.0..56.0);
        // -20..80: span 100, 12 below and above.
        assert_eq!(extent_from_zero([-20.0, 80.0]), -32.0..92.0);
        // Nothing (or only zeros, or NaN) still maps: 0..1.
        assert_eq!(extent_from_zero([]), 0.0..1.0);
        assert_eq!(extent_from_zero([f64::NAN, 0.0]), 0.0..1.0);
    }

    #[test]
    fn a_long_legend_wraps_into_rows() {
        // "2019" is 4 × 7.2 = 28.8 → 29 px wide, so an entry takes 16 + 29 = 45 px and the next
        // starts 24 px later: 16, 85, 154. In 200 px (right edge 184) the third (154 + 45 = 199)
        // goes to a second row, 20 px down; the legend is then 26 + 18 = 44 px high.
        let entries = [("2019", BRAND), ("2020", BAD), ("2021", GOOD)];
        assert_eq!(legend_places(&entries, 200), vec![(16, 6), (85, 6), (16, 26)]);
        assert_eq!(legend_height(&entries, 200), 44);
        assert_eq!(legend_height(&entries, 720), 24);
        // One series has no legend.
        assert_eq!(legend_height(&entries[..1], 720), 0);
    }

    #[test]
    fn colours_and_labels_are_attributes() {
        assert_eq!(rgb(BRAND), RGBColor(0x1f, 0x4e, 0x79));
        let chart = render("Revenue & \"margin\"".into(), (100, 50), |_| {});
        assert!(chart.svg.starts_with("<svg role=\"img\" aria-label=\"Revenue &amp; &quot;margin&quot;\""));
        assert!(chart.svg.contains("width=\"100\"") && chart.svg.contains("viewBox=\"0 0 100 50\""));
        assert!(!chart.svg.contains("style="), "{}", chart.svg);
        assert!(!chart.svg.contains('\n'));
    }
}

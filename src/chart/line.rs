//! Lines over a numeric x axis: several series (markers optional, or filled down to zero as an
//! area), a reference line (the Pareto diagonal), marked points with their labels and guides to
//! the axes, and a zero line for values that go below it (cumulative profit, cash).

use super::{font, legend_height, plotted, render, rgb, Axis, Chart, Layout, Plot, HEIGHT, INK, MUTED, WIDTH};
use plotters::element::DashedPathElement;
use plotters::prelude::*;
use plotters::series::LineSeries as Polyline;

/// One line: its name (for the legend), its colour and its points in x order.
pub struct LineSeries {
    pub name: String,
    pub colour: &'static str,
    pub points: Vec<(f64, f64)>,
    /// A dot on every point (few points, each a year).
    pub markers: bool,
    /// The area between the line and zero filled in a light tint of the colour.
    pub area: bool,
}

/// A dashed straight line between two points, named beside its middle.
pub struct ReferenceLine {
    pub from: (f64, f64),
    pub to: (f64, f64),
    pub label: String,
}

/// A point picked out with a dot, dotted guides down and left to the axes, and its label.
pub struct MarkedPoint {
    pub at: (f64, f64),
    pub label: String,
}

pub struct LineChart<'a> {
    pub label: String,
    pub size: (u32, u32),
    pub x: Axis<'a>,
    pub y: Axis<'a>,
    pub series: Vec<LineSeries>,
    pub reference: Option<ReferenceLine>,
    /// Points marked with a dot, dotted guides to the axes and a label.
    pub marked: Vec<MarkedPoint>,
    /// A solid line at y = 0 across the plot.
    pub zero_line: bool,
}

impl<'a> LineChart<'a> {
    /// A chart of the usual size with nothing but its axes and series.
    pub fn new(label: String, x: Axis<'a>, y: Axis<'a>, series: Vec<LineSeries>) -> Self {
        LineChart { label, size: (WIDTH, HEIGHT), x, y, series, reference: None, marked: Vec::new(), zero_line: false }
    }
}

pub fn line_chart(c: LineChart) -> Chart {
    let entries: Vec<(&str, &str)> = c.series.iter().map(|s| (s.name.as_str(), s.colour)).collect();
    let size = (c.size.0, c.size.1 + legend_height(&entries, c.size.0));
    let layout = Layout { x_labels: 44, bottom: 24, right: 32, x_grid: true };
    render(c.label.clone(), size, |root| {
        plotted(root, &entries, (&c.x, &c.y), layout, |chart| {
            if c.zero_line {
                let (x0, x1) = (c.x.range.start, c.x.range.end);
                let _ = chart.draw_series([PathElement::new(vec![(x0, 0.0), (x1, 0.0)], rgb(INK).stroke_width(1))]);
            }
            if let Some(r) = &c.reference {
                reference(chart, r);
            }
            for s in &c.series {
                draw_series(chart, s);
            }
            for m in &c.marked {
                marked(chart, m, (c.x.range.start, c.y.range.start), c.series.first().map_or(INK, |s| s.colour));
            }
        });
    })
}

fn reference(chart: &mut Plot, r: &ReferenceLine) {
    let _ = chart.draw_series([DashedPathElement::new(vec![r.from, r.to], 6, 4, rgb(MUTED).stroke_width(1))]);
    let middle = ((r.from.0 + r.to.0) / 2.0, (r.from.1 + r.to.1) / 2.0);
    let _ = chart.draw_series([EmptyElement::at(middle) + Text::new(r.label.clone(), (8, 10), font(11.0, MUTED))]);
}

/// The point's dot in `colour`, dotted guides to the axes at `origin`, and its label.
fn marked(chart: &mut Plot, m: &MarkedPoint, origin: (f64, f64), colour: &str) {
    let guides = [vec![(m.at.0, origin.1), m.at], vec![(origin.0, m.at.1), m.at]];
    let _ = chart.draw_series(guides.map(|g| DashedPathElement::new(g, 2, 3, rgb(INK).stroke_width(1))));
    let dot = EmptyElement::at(m.at)
        + Circle::new((0, 0), 4, rgb(colour).filled())
        + Text::new(m.label.clone(), (8, 6), font(12.0, INK));
    let _ = chart.draw_series([dot]);
}

fn draw_series(chart: &mut Plot, s: &LineSeries) {
    let colour = rgb(s.colour);
    let points: Vec<(f64, f64)> = s.points.iter().copied().filter(|(x, y)| x.is_finite() && y.is_finite()).collect();
    if s.area {
        let _ = chart.draw_series(AreaSeries::new(points.iter().copied(), 0.0, colour.mix(0.18)));
    }
    let _ = chart.draw_series(Polyline::new(points.iter().copied(), colour.stroke_width(2)));
    if s.markers {
        let _ = chart.draw_series(points.iter().map(|&p| Circle::new(p, 3, colour.filled())));
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::chart::{BAD, BRAND};
    use crate::i18n::Locale;

    /// Two series over years 0..=2 on a 0..1 share axis, in Dutch.
    fn retention() -> Chart {
        let l = Locale::Nl;
        let x = Axis::new("Jaren sinds het eerste", 0.0..2.0, |v| format!("{v}")).with_ticks(vec![0.0, 1.0, 2.0]);
        let y = Axis::new("Nog actief", 0.0..1.0, move |v| l.percent(v));
        let series = vec![
            LineSeries {
                name: "2023".into(),
                colour: BRAND,
                points: vec![(0.0, 1.0), (1.0, 0.5), (2.0, 0.25)],
                markers: true,
                area: false,
            },
            LineSeries {
                name: "2024".into(),
                colour: BAD,
                points: vec![(0.0, 1.0), (1.0, 0.6)],
                markers: true,
                area: false,
            },
        ];
        line_chart(LineChart::new("Behoud per cohort".into(), x, y, series))
    }

    #[test]
    fn lines_have_axis_titles_legend_and_dutch_ticks() {
        let svg = retention().svg;
        for text in [">Jaren sinds het eerste</text>", ">Nog actief</text>", ">2023</text>", ">2024</text>"] {
            assert!(svg.contains(text), "{text} in {svg}");
        }
        // Ticks of 0..1 every 0.2, written the Dutch way with a decimal comma.
        for tick in ["0,0 %", "20,0 %", "60,0 %", "100,0 %"] {
            assert!(svg.contains(&format!(">{tick}</text>")), "{tick}");
        }
        assert!(!svg.contains(">20.0 %</text>") && !svg.contains("style="));
    }

    #[test]
    fn points_sit_at_their_coordinates() {
        let svg = retention().svg;
        // 720 × 324 (legend row 24): x 80..=687 (720 − 32 margin − 1; 607 px for 0..2 years), y
        // from 36 (below the legend and a 12 px margin) to 255 (324 − 24 margin − 44 labels −
        // 1), 219 px for 0..1. The 2023 cohort: (0, 1) → (80, 36); (1, 0.5) → (80 + 303.5,
        // 255 − 109.5) → (383, 146); (2, 0.25) → (687, 255 − 54.75) → (687, 201).
        assert!(svg.contains("points=\"80,36 383,146 687,201 \""), "{svg}");
        // Markers: a circle at each point, the 2024 one at (1, 0.6) → (383, 255 − 131.4 → 124).
        assert!(svg.contains("cx=\"383\" cy=\"146\"") && svg.contains("cx=\"383\" cy=\"124\""), "{svg}");
    }

    #[test]
    fn a_reference_line_a_marked_point_an_area_and_the_zero_line() {
        let x = Axis::new("Customers", 0.0..1.0, |v| format!("{v}"));
        let y = Axis::new("Profit", -50.0..100.0, |v| format!("{v}"));
        let series = vec![LineSeries {
            name: "Cumulative profit".into(),
            colour: BRAND,
            points: vec![(0.0, 0.0), (0.5, 100.0), (1.0, -50.0)],
            markers: false,
            area: true,
        }];
        let mut chart = LineChart::new("Whale curve".into(), x, y, series);
        chart.reference = Some(ReferenceLine { from: (0.0, 0.0), to: (1.0, 100.0), label: "Equality".into() });
        chart.marked = vec![MarkedPoint { at: (0.5, 100.0), label: "50 % → 100".into() }];
        chart.zero_line = true;
        let svg = line_chart(chart).svg;
        // One series: no legend, so its name is not drawn; the labels of the extras are.
        assert!(!svg.contains(">Cumulative profit</text>"));
        assert!(svg.contains(">Equality</text>") && svg.contains(">50 % → 100</text>"));
        // 720 × 300 (no legend): y from 12 to 231 (219 px for −50..100): zero is a third of the
        // way up, 231 − 73 = 158. The zero line runs across the plot, x 80 to 687, at y 158.
        assert!(svg.contains("points=\"80,158 687,158 \""), "{svg}");
        // The area is a filled polygon closing on zero, in the tint (opacity 0.18).
        assert!(svg.contains("<polygon") && svg.contains("opacity=\"0.18\""), "{svg}");
        // The marked point (0.5, 100) → (80 + 303.5, 12) → (383, 12), a dot there.
        assert!(svg.contains("cx=\"383\" cy=\"12\""), "{svg}");
    }
}

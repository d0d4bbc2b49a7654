//! Vertical bars per category, series side by side, each bar's value written above it, a legend
//! when there is more than one series. A bar may float (`from` above zero): the waterfall.

use super::{extent_from_zero, font, legend_height, plotted, render, rgb, Axis, Chart, Layout, HEIGHT, WIDTH};
use plotters::prelude::*;
use plotters::style::text_anchor::{HPos, Pos, VPos};

/// One bar: it spans `from..to` (from zero for a plain value) and shows `text` above it; its
/// colour is its series' unless it has its own (a waterfall's losses).
pub struct Bar {
    pub from: f64,
    pub to: f64,
    pub text: String,
    pub colour: Option<&'static str>,
}

impl Bar {
    /// A bar from zero to `value`.
    pub fn value(value: f64, text: String) -> Self {
        Bar { from: 0.0, to: value, text, colour: None }
    }

    /// A floating bar between `from` and `to`, in its own colour.
    pub fn span(from: f64, to: f64, text: String, colour: &'static str) -> Self {
        Bar { from, to, text, colour: Some(colour) }
    }
}

/// One series: its name (for the legend), its colour and one bar per category.
pub struct BarSeries {
    pub name: String,
    pub colour: &'static str,
    pub bars: Vec<Bar>,
}

/// What a bar chart shows: the categories under the bars, the series, and the value axis.
pub struct BarChart<'a> {
    pub label: String,
    pub categories: Vec<String>,
    pub series: Vec<BarSeries>,
    pub value_title: String,
    pub value_format: Box<dyn Fn(f64) -> String + 'a>,
    /// The values are counts or whole amounts: no ticks between whole numbers.
    pub whole: bool,
}

/// About the plot's width in pixels (the chart's less the value axis and the margins).
const PLOT_WIDTH: f64 = (WIDTH - 97) as f64;

/// A category's name as it fits under its bars (`slot` pixels wide, 11 px labels): cut with an
/// ellipsis when longer, so neighbours do not overlap (the full names are in the table beside).
fn fitted(name: &str, slot: f64) -> String {
    let room = ((slot - 4.0) / (11.0 * 0.6)).floor().max(2.0) as usize;
    if super::text_width(name, 11.0) as f64 <= slot - 4.0 {
        return name.to_string();
    }
    let cut: String = name.chars().take(room - 1).collect();
    format!("{}…", cut.trim_end())
}

/// The widest a bar is drawn (pixels), so one or two categories do not make slabs.
const MAX_BAR: f64 = 64.0;

/// A level to hold each category's bars against (a rep's capacity): a horizontal line across
/// the category, `None` where a category has none. It has its own legend entry.
pub struct BarMarks {
    pub name: String,
    pub colour: &'static str,
    pub values: Vec<Option<f64>>,
}

pub fn bar_chart(c: BarChart) -> Chart {
    bars_and_marks(c, None)
}

/// Bars with a mark per category (planned hours against capacity).
pub fn bar_chart_with_marks(c: BarChart, marks: BarMarks) -> Chart {
    bars_and_marks(c, Some(marks))
}

fn bars_and_marks(c: BarChart, marks: Option<BarMarks>) -> Chart {
    let n = c.categories.len().max(1) as f64;
    let categories: Vec<String> = c.categories.iter().map(|name| fitted(name, PLOT_WIDTH / n)).collect();
    let categories = &categories;
    let x = Axis::new("", 0.0..n, |v| categories.get(v.floor().max(0.0) as usize).cloned().unwrap_or_default())
        .with_ticks((0..categories.len()).map(|i| i as f64 + 0.5).collect());
    let values = c.series.iter().flat_map(|s| s.bars.iter().flat_map(|b| [b.from, b.to]));
    let marked = marks.iter().flat_map(|m| m.values.iter().flatten().copied());
    let mut y = Axis::new(c.value_title.clone(), extent_from_zero(values.chain(marked)), |v| (c.value_format)(v));
    if c.whole {
        y.ticks.retain(|t| t.fract() == 0.0);
    }
    let mut entries: Vec<(&str, &str)> = c.series.iter().map(|s| (s.name.as_str(), s.colour)).collect();
    if let Some(m) = &marks {
        // A legend even beside one series: the line needs its name.
        entries.push((m.name.as_str(), m.colour));
    }
    let size = (WIDTH, HEIGHT + legend_height(&entries, WIDTH));
    let layout = Layout { x_labels: 28, bottom: 4, right: 16, x_grid: false };
    render(c.label.clone(), size, |root| {
        plotted(root, &entries, (&x, &y), layout, |chart| {
            // One category is one unit wide; a group's bars take 70 % of it, at most MAX_BAR each.
            let unit = chart.plotting_area().dim_in_pixel().0 as f64 / n;
            let bar = (0.7 / c.series.len().max(1) as f64).min(MAX_BAR / unit.max(1.0));
            let group = bar * c.series.len() as f64;
            let value_style = font(11.0, super::INK).pos(Pos::new(HPos::Center, VPos::Bottom));
            for (s, series) in c.series.iter().enumerate() {
                for (i, b) in series.bars.iter().enumerate() {
                    let left = i as f64 + (1.0 - group) / 2.0 + s as f64 * bar;
                    // A sliver of the slot stays white between neighbouring bars.
                    let (x0, x1) = (left + bar * 0.04, left + bar * 0.96);
                    let colour = rgb(b.colour.unwrap_or(series.colour));
                    let _ = chart.draw_series([Rectangle::new([(x0, b.from), (x1, b.to)], colour.filled())]);
                    let top = (left + bar / 2.0, b.from.max(b.to));
                    let _ = chart
                        .draw_series([EmptyElement::at(top) + Text::new(b.text.clone(), (0, -4), value_style.clone())]);
                }
            }
            if let Some(m) = &marks {
                for (i, v) in m.values.iter().enumerate().filter_map(|(i, v)| Some((i as f64, (*v)?))) {
                    let line = PathElement::new([(i + 0.1, v), (i + 0.9, v)], rgb(m.colour).stroke_width(3));
                    let _ = chart.draw_series([line]);
                }
            }
        });
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::chart::{BAD, BRAND, GOOD};

    fn two_years() -> Chart {
        bar_chart(BarChart {
            label: "Customers per year".into(),
            categories: vec!["2023".into(), "2024".into()],
            series: vec![
                BarSeries {
                    name: "New".into(),
                    colour: GOOD,
                    bars: vec![Bar::value(40.0, "40".into()), Bar::value(20.0, "20".into())],
                },
                BarSeries {
                    name: "Lost".into(),
                    colour: BAD,
                    bars: vec![Bar::value(10.0, "10".into()), Bar::value(50.0, "50".into())],
                },
            ],
            value_title: "Customers".into(),
            value_format: Box::new(|v| format!("{v}")),
            whole: true,
        })
    }

    #[test]
    fn grouped_bars_have_a_legend_axis_and_their_values() {
        let chart = two_years();
        let svg = &chart.svg;
        assert_eq!(chart.label, "Customers per year");
        for text in [">New</text>", ">Lost</text>", ">2023</text>", ">2024</text>", ">Customers</text>"] {
            assert!(svg.contains(text), "{text} in {svg}");
        }
        for value in ["40", "20", "10", "50"] {
            assert!(svg.contains(&format!(">{value}</text>")), "value {value}");
        }
        // Value axis 0..56 (50 + 12 %): 56 / 5 = 11.2, the next of 10, 20, 50 is 20, so the
        // ticks are 0, 20 and 40 (each also a bar's value; 60 is past the axis).
        assert!(svg.contains(">0</text>") && !svg.contains(">60</text>"));
        assert_eq!(svg.matches(">20</text>").count(), 2, "a tick and a bar");
        assert!(!svg.contains("style="));
    }

    #[test]
    fn bars_stand_where_their_values_say() {
        let svg = two_years().svg;
        // 720 × 324 (a 24 px legend row). The plot: x 80..=703 (624 px, 312 per year, mapped
        // over 623), y from 36 (top margin 12 below the legend) to 291 (324 − 4 margin − 28
        // labels − 1) for 0..56. A bar would be 35 % of a year but is capped at 64 px = 0.2051
        // year, so the group is 0.4103 wide and starts at (1 − 0.4103) / 2 = 0.2949; New 2023
        // starts 4 % of a bar later, 0.3031 → 80 + 311.5 × 0.3031 = 174.4 → 174, and rises to
        // 40 of 56: 291 − 255 × 40 / 56 = 291 − 182.1 → 109. (The first GOOD rect is the legend's.)
        let rects: Vec<&str> = svg.split("<rect").skip(1).filter(|r| r.contains("fill=\"#2F7D5B\"")).collect();
        assert_eq!(rects.len(), 3, "{svg}");
        assert!(rects[1].contains("x=\"174\" y=\"109\""), "{}", rects[1]);
        // Lost 2024, the last bar: 1 + 0.2949 + 0.2051 + 0.0082 = 1.5082 years → 80 + 469.8 →
        // 549; its top at 50 of 56: 291 − 227.7 → 64; height 291 − 64 = 227.
        let lost: Vec<&str> = svg.split("<rect").skip(1).filter(|r| r.contains("fill=\"#B3412F\"")).collect();
        assert!(lost[2].contains("x=\"549\" y=\"64\"") && lost[2].contains("height=\"227\""), "{}", lost[2]);
    }

    #[test]
    fn a_mark_per_category_stands_at_its_value_across_the_category() {
        let chart = bar_chart_with_marks(
            BarChart {
                label: "Hours".into(),
                categories: vec!["Anna".into(), "Bert".into(), "No rep".into()],
                series: vec![BarSeries {
                    name: "Planned".into(),
                    colour: BRAND,
                    bars: ["40", "20", "5"]
                        .iter()
                        .map(|t| Bar::value(t.parse().unwrap_or(0.0), t.to_string()))
                        .collect(),
                }],
                value_title: String::new(),
                value_format: Box::new(|v| format!("{v}")),
                whole: true,
            },
            BarMarks { name: "Capacity".into(), colour: BAD, values: vec![Some(50.0), Some(10.0), None] },
        );
        // The mark has a legend entry (so the chart has a legend beside one series). Three
        // slots of (720 - 97) / 3 = 207.7 px hold the names whole.
        assert!(chart.svg.contains(">Capacity</text>") && chart.svg.contains(">Planned</text>"));
        assert!(chart.svg.contains(">No rep</text>"));
        // 720 x 324 with the legend row, as `bars_stand_where_their_values_say`: x 80 + 623 x
        // v / 3 over the three categories, y 291 - 255 x v / 56 for 0..56 (50 + 12 %), each
        // offset from the axes cut to a whole pixel. Anna's mark from 0.1 to 0.9 at 50: x 80 +
        // 20.8 -> 100 to 80 + 186.9 -> 266, y 291 - 227.7 -> 64; Bert's from 1.1 to 1.9 at 10:
        // x 80 + 228.4 -> 308 to 80 + 394.6 -> 474, y 291 - 45.5 -> 246; none for "No rep".
        let lines: Vec<&str> = chart.svg.split("<polyline").skip(1).filter(|l| l.contains("#B3412F")).collect();
        assert_eq!(lines.len(), 2, "{}", chart.svg);
        assert!(lines[0].contains("points=\"100,64 266,64 \""), "{}", lines[0]);
        assert!(lines[1].contains("points=\"308,246 474,246 \""), "{}", lines[1]);
    }

    #[test]
    fn names_too_long_for_their_slot_are_cut() {
        // Twelve reps: slots of 623 / 12 = 51.9 px, room for (51.9 - 4) / 6.6 = 7 characters of
        // 11 px; "Anna de Vries" (13 characters, 85.8 px) becomes six and an ellipsis, "Jan Bos"
        // (7 characters, 46.2 px) stays whole.
        assert_eq!(fitted("Anna de Vries", 623.0 / 12.0), "Anna d…");
        assert_eq!(fitted("Jan Bos", 623.0 / 12.0), "Jan Bos");
        assert_eq!(fitted("Anna de Vries", 311.5), "Anna de Vries");
    }

    #[test]
    fn whole_values_have_no_ticks_between_whole_numbers() {
        let counts = |whole| {
            bar_chart(BarChart {
                label: "One customer".into(),
                categories: vec!["2024".into()],
                series: vec![BarSeries {
                    name: "Customers".into(),
                    colour: BRAND,
                    bars: vec![Bar::value(1.0, "1".into())],
                }],
                value_title: String::new(),
                value_format: Box::new(|v| format!("{v}")),
                whole,
            })
            .svg
        };
        // 0..1.12 in about 5 steps: 1.12 / 5 = 0.224, the next of 0.1, 0.2, 0.5 is 0.5, so the
        // ticks are 0, 0.5 and 1; with whole values only 0 and 1.
        assert!(counts(false).contains(">0.5</text>"));
        let whole = counts(true);
        assert!(!whole.contains(">0.5</text>") && whole.contains(">0</text>"), "{whole}");
        // "1" is both the tick and the bar's value.
        assert_eq!(whole.matches(">1</text>").count(), 2);
    }

    #[test]
    fn a_floating_bar_spans_from_its_start_and_has_no_legend_alone() {
        let chart = bar_chart(BarChart {
            label: "Waterfall".into(),
            categories: vec!["Start".into(), "Lost".into()],
            series: vec![BarSeries {
                name: "Customers".into(),
                colour: BRAND,
                bars: vec![Bar::value(100.0, "100".into()), Bar::span(70.0, 100.0, "−30".into(), BAD)],
            }],
            value_title: String::new(),
            value_format: Box::new(|v| format!("{v}")),
            whole: true,
        });
        // No legend for one series: its name is not drawn.
        assert!(!chart.svg.contains(">Customers</text>"));
        assert!(chart.svg.contains(">−30</text>") && chart.svg.contains("height=\"300\""));
        // Height 300, plot y from 12 to 267 (300 − 4 margin − 28 labels − 1; 255 px) for 0..112
        // (100 + 12 %): 100 → 267 − 255 × 100 / 112 = 267 − 227.7 → 40, and 70 → 267 − 159.4 →
        // 108, so the lost bar floats from 40 down to 108 (68 px), clear of the axis at 267.
        let lost = chart.svg.split("<rect").find(|r| r.contains("fill=\"#B3412F\"")).unwrap_or_default();
        assert!(lost.contains("y=\"40\"") && lost.contains("height=\"68\""), "{lost}");
    }
}

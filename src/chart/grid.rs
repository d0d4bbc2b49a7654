//! The importance-performance grid (Martilla and James 1977): items as points by performance
//! (across) and importance (up), each labelled, the plot divided into four quadrants at a centre
//! with each quadrant's name in its outer corner.

use super::{font, plotted, render, rgb, Axis, Chart, Layout, HEIGHT, INK, MUTED, WIDTH};
use plotters::element::DashedPathElement;
use plotters::prelude::*;
use plotters::style::text_anchor::{HPos, Pos, VPos};

pub struct QuadrantChart<'a> {
    pub label: String,
    pub x: Axis<'a>,
    pub y: Axis<'a>,
    /// Where the quadrants meet.
    pub centre: (f64, f64),
    /// The quadrants' names: top left, top right, bottom left, bottom right.
    pub quadrants: [String; 4],
    /// Each point with its label.
    pub points: Vec<((f64, f64), String)>,
    pub colour: &'static str,
}

pub fn quadrant_chart(c: QuadrantChart) -> Chart {
    let layout = Layout { x_labels: 44, bottom: 24, right: 32, x_grid: true };
    render(c.label.clone(), (WIDTH, HEIGHT + 60), |root| {
        plotted(root, &[], (&c.x, &c.y), layout, |chart| {
            let (x0, x1, y0, y1) = (c.x.range.start, c.x.range.end, c.y.range.start, c.y.range.end);
            let (cx, cy) = c.centre;
            let lines = [vec![(cx, y0), (cx, y1)], vec![(x0, cy), (x1, cy)]];
            let _ = chart.draw_series(lines.map(|l| DashedPathElement::new(l, 6, 4, rgb(MUTED).stroke_width(1))));
            let corners = [
                ((x0, y1), (6, 4), HPos::Left, VPos::Top),
                ((x1, y1), (-6, 4), HPos::Right, VPos::Top),
                ((x0, y0), (6, -4), HPos::Left, VPos::Bottom),
                ((x1, y0), (-6, -4), HPos::Right, VPos::Bottom),
            ];
            for ((at, offset, h, v), name) in corners.into_iter().zip(&c.quadrants) {
                let style = font(12.0, MUTED).pos(Pos::new(h, v));
                let _ = chart.draw_series([EmptyElement::at(at) + Text::new(name.clone(), offset, style)]);
            }
            let colour = rgb(c.colour);
            let label = font(11.0, INK).pos(Pos::new(HPos::Left, VPos::Center));
            let points = c.points.iter().filter(|((x, y), _)| x.is_finite() && y.is_finite());
            let _ = chart.draw_series(points.map(|(p, text)| {
                EmptyElement::at(*p)
                    + Circle::new((0, 0), 4, colour.filled())
                    + Text::new(text.clone(), (6, 0), label.clone())
            }));
        });
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::chart::BRAND;

    #[test]
    fn points_and_quadrant_names_are_drawn_around_the_centre() {
        let chart = quadrant_chart(QuadrantChart {
            label: "Raster".into(),
            x: Axis::new("Huidig", 1.0..5.0, |v| format!("{v}")).with_ticks(vec![1.0, 3.0, 5.0]),
            y: Axis::new("Prioriteit", 1.0..5.0, |v| format!("{v}")).with_ticks(vec![1.0, 3.0, 5.0]),
            centre: (3.0, 3.0),
            quadrants: ["Hier".into(), "Zo doorgaan".into(), "Laag".into(), "Te veel".into()],
            points: vec![((3.0, 3.0), "7".into()), ((5.0, 1.0), "12".into())],
            colour: BRAND,
        });
        let svg = &chart.svg;
        for text in
            [">Hier</text>", ">Zo doorgaan</text>", ">Laag</text>", ">Te veel</text>", ">7</text>", ">12</text>"]
        {
            assert!(svg.contains(text), "{text} in {svg}");
        }
        // 720 × 360, no legend: x 80..=687 (607 px for 1..5), y from 12 down to 360 - 24 - 44 =
        // 292 (279 px for 5..1, truncated towards the start). (3, 3) is the middle: x 80 + 303.5
        // → 383; y 292 - 139.5 → 152. (5, 1) → (687, 291).
        assert!(svg.contains("cx=\"383\" cy=\"152\""), "{svg}");
        assert_eq!(svg.matches("<circle").count(), 2);
        assert!(!svg.contains("style="));
    }
}

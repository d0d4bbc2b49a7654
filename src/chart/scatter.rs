//! Points over two numeric axes, one colour per series, a legend when there are several
//! (calibration plots, customers by two measures).

use super::{legend_height, plotted, render, rgb, Axis, Chart, Layout, HEIGHT, WIDTH};
use plotters::prelude::*;

/// One set of points: its name (for the legend), colour and points.
pub struct PointSeries {
    pub name: String,
    pub colour: &'static str,
    pub points: Vec<(f64, f64)>,
}

pub struct ScatterChart<'a> {
    pub label: String,
    pub x: Axis<'a>,
    pub y: Axis<'a>,
    pub series: Vec<PointSeries>,
}

pub fn scatter_chart(c: ScatterChart) -> Chart {
    let entries: Vec<(&str, &str)> = c.series.iter().map(|s| (s.name.as_str(), s.colour)).collect();
    let layout = Layout { x_labels: 44, bottom: 24, right: 32, x_grid: true };
    render(c.label.clone(), (WIDTH, HEIGHT + legend_height(&entries, WIDTH)), |root| {
        plotted(root, &entries, (&c.x, &c.y), layout, |chart| {
            for s in &c.series {
                let colour = rgb(s.colour);
                let points = s.points.iter().filter(|(x, y)| x.is_finite() && y.is_finite());
                let _ = chart.draw_series(points.map(|&p| Circle::new(p, 3, colour.mix(0.8).filled())));
            }
        });
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::chart::{BAD, BRAND};
    use crate::i18n::Locale;

    #[test]
    fn points_land_on_their_coordinates_with_the_legend_and_locale_ticks() {
        let l = Locale::Nl;
        let chart = scatter_chart(ScatterChart {
            label: "Voorspeld en werkelijk".into(),
            x: Axis::new("Voorspeld", 0.0..10.0, |v| l.decimal(v, 1)),
            y: Axis::new("Werkelijk", 0.0..10.0, |v| l.decimal(v, 1)),
            series: vec![
                PointSeries { name: "Kalibratie".into(), colour: BRAND, points: vec![(0.0, 0.0), (5.0, 5.0)] },
                PointSeries { name: "Controle".into(), colour: BAD, points: vec![(10.0, 2.5), (f64::NAN, 1.0)] },
            ],
        });
        let svg = &chart.svg;
        for text in [">Voorspeld</text>", ">Werkelijk</text>", ">Kalibratie</text>", ">Controle</text>", ">2,0</text>"]
        {
            assert!(svg.contains(text), "{text} in {svg}");
        }
        // 720 × 324: x 80..=687 (607 px for 0..10), y 255 up to 36 (219 px for 0..10).
        // (5, 5) → (80 + 303.5, 255 − 109.5) → (383, 146); (10, 2.5) → (687, 255 − 54.75) →
        // (687, 201); the NaN point is left out.
        assert!(svg.contains("cx=\"383\" cy=\"146\"") && svg.contains("cx=\"687\" cy=\"201\""), "{svg}");
        assert_eq!(svg.matches("<circle").count(), 3);
        assert!(!svg.contains("style="));
    }
}

//! A radar (spider) chart: one spoke per item around a centre, rings at the scale's values, and
//! one closed outline per series (the Customer Focus page's current situation and priority per
//! aspect of a domain). A series' missing value is left out of its outline.

use super::{font, legend, legend_height, render, rgb, Chart, INK, LINE, MUTED};
use plotters::prelude::*;
use plotters::style::text_anchor::{HPos, Pos, VPos};

pub struct RadarSeries {
    pub name: String,
    pub colour: &'static str,
    /// One per spoke.
    pub values: Vec<Option<f64>>,
}

pub struct RadarChart {
    pub label: String,
    /// The spokes' names, clockwise from the top.
    pub spokes: Vec<String>,
    /// The value at the outer ring (the centre is zero).
    pub max: f64,
    /// Values drawn as rings and written on the top spoke.
    pub rings: Vec<f64>,
    /// How a ring's value is written (the locale's formatting).
    pub ring_text: Vec<String>,
    pub series: Vec<RadarSeries>,
}

/// The size of a radar chart and its radius: small enough that two sit side by side.
pub const RADAR_WIDTH: u32 = 360;
const RADIUS: f64 = 110.0;
/// The centre's distance below the legend.
const CENTRE_DOWN: f64 = 150.0;

/// Where `share` of the radius lands on spoke `i` of `n` (spoke 0 points up, then clockwise);
/// beyond 1 is outside the outer ring (the spokes' names).
fn at(centre: (f64, f64), i: usize, n: usize, share: f64) -> (i32, i32) {
    let angle = -std::f64::consts::FRAC_PI_2 + i as f64 * std::f64::consts::TAU / n.max(1) as f64;
    let r = RADIUS * share;
    ((centre.0 + r * angle.cos()).round() as i32, (centre.1 + r * angle.sin()).round() as i32)
}

pub fn radar_chart(c: RadarChart) -> Chart {
    let entries: Vec<(&str, &str)> = c.series.iter().map(|s| (s.name.as_str(), s.colour)).collect();
    let top = legend_height(&entries, RADAR_WIDTH) as f64;
    let size = (RADAR_WIDTH, (top + 2.0 * CENTRE_DOWN) as u32);
    let centre = (RADAR_WIDTH as f64 / 2.0, top + CENTRE_DOWN);
    let n = c.spokes.len();
    // A value's share of the scale, inside the rings.
    let share = |v: f64| if c.max > 0.0 { (v / c.max).clamp(0.0, 1.0) } else { 0.0 };
    render(c.label.clone(), size, |root| {
        if entries.len() > 1 {
            legend(root, &entries);
        }
        for ring in &c.rings {
            let points: Vec<(i32, i32)> = (0..=n).map(|i| at(centre, i % n.max(1), n, share(*ring))).collect();
            let _ = root.draw(&PathElement::new(points, rgb(LINE).stroke_width(1)));
        }
        for (i, name) in c.spokes.iter().enumerate() {
            let _ = root.draw(&PathElement::new(vec![at(centre, i, n, 0.0), at(centre, i, n, 1.0)], rgb(LINE)));
            let (x, y) = at(centre, i, n, 1.14);
            let h = match x.cmp(&(centre.0 as i32)) {
                std::cmp::Ordering::Less => HPos::Right,
                std::cmp::Ordering::Equal => HPos::Center,
                std::cmp::Ordering::Greater => HPos::Left,
            };
            let _ = root.draw(&Text::new(name.clone(), (x, y), font(12.0, INK).pos(Pos::new(h, VPos::Center))));
        }
        for (ring, text) in c.rings.iter().zip(&c.ring_text) {
            let (x, y) = at(centre, 0, n, share(*ring));
            let style = font(10.0, MUTED).pos(Pos::new(HPos::Left, VPos::Center));
            let _ = root.draw(&Text::new(text.clone(), (x + 4, y), style));
        }
        for s in &c.series {
            let points: Vec<(i32, i32)> = (s.values.iter().enumerate())
                .filter_map(|(i, v)| v.filter(|v| v.is_finite()).map(|v| at(centre, i, n, share(v))))
                .collect();
            let colour = rgb(s.colour);
            let _ = root.draw(&Polygon::new(points.clone(), colour.mix(0.15).filled()));
            let closed: Vec<(i32, i32)> = points.iter().chain(points.first()).copied().collect();
            let _ = root.draw(&PathElement::new(closed, colour.stroke_width(2)));
            for p in points {
                let _ = root.draw(&Circle::new(p, 3, colour.filled()));
            }
        }
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::chart::{BAD, BRAND};

    #[test]
    fn values_land_on_their_spokes_with_rings_and_names() {
        let chart = radar_chart(RadarChart {
            label: "Klantgegevens".into(),
            spokes: ["15", "16", "17", "18"].map(String::from).to_vec(),
            max: 5.0,
            rings: vec![1.0, 5.0],
            ring_text: vec!["1".into(), "5".into()],
            series: vec![
                RadarSeries { name: "Nu".into(), colour: BRAND, values: vec![Some(5.0), Some(2.5), None, Some(1.0)] },
                RadarSeries { name: "Prioriteit".into(), colour: BAD, values: vec![Some(4.0); 4] },
            ],
        });
        let svg = &chart.svg;
        for text in [">15</text>", ">18</text>", ">Nu</text>", ">Prioriteit</text>", ">5</text>"] {
            assert!(svg.contains(text), "{text} in {svg}");
        }
        // Legend one row: 24 px; centre (180, 24 + 150) = (180, 174), radius 110. Spoke 0 is
        // up: 5 of 5 → (180, 64). Spoke 1 points right: 2.5 of 5 → (180 + 55, 174) = (235, 174).
        // Spoke 3 points left: 1 of 5 → (180 - 22, 174) = (158, 174). Spoke 2 is left out.
        assert!(svg.contains("cx=\"180\" cy=\"64\""), "{svg}");
        assert!(svg.contains("cx=\"235\" cy=\"174\"") && svg.contains("cx=\"158\" cy=\"174\""), "{svg}");
        // The current outline has 3 dots, the priority 4.
        assert_eq!(svg.matches("<circle").count(), 7);
        // The top spoke's name sits outside the outer ring: 1.14 × 110 = 125.4 above the centre,
        // y = 174 - 125 = 49.
        assert!(svg.contains("x=\"180\" y=\"49\"") && svg.contains(">15</text>"), "{svg}");
        assert!(!svg.contains("style="));
    }
}

//! A strategy map (Kaplan and Norton): one band per layer of the balanced scorecard, top to
//! bottom, a box per metric with its lines of text (actual, target, status) and its colour,
//! and arrows from each cause's box up to its effect's box in the layer above.

use super::{font, render, rgb, text_width, Chart, INK, MUTED};
use plotters::prelude::*;
use plotters::style::text_anchor::{HPos, Pos, VPos};

pub struct MapBox {
    pub title: String,
    /// Below the title: e.g. the actual, the target and the status in words.
    pub lines: Vec<String>,
    pub colour: &'static str,
}

pub struct MapLayer {
    pub name: String,
    pub boxes: Vec<MapBox>,
}

pub struct StrategyMap {
    pub label: String,
    /// Top (results) to bottom (drivers).
    pub layers: Vec<MapLayer>,
    /// (layer, box) of a cause, then of its effect.
    pub links: Vec<((usize, usize), (usize, usize))>,
}

pub const MAP_WIDTH: u32 = 720;
const MARGIN: i32 = 8;
const GAP: i32 = 8;
/// A layer's name row, the boxes, and the room for arrows below them.
const NAME_ROW: i32 = 18;
const LINE_HEIGHT: i32 = 13;
const ARROWS: i32 = 28;
const TEXT_PX: f64 = 10.0;

/// `text` in lines no wider than `width` pixels, broken between words.
fn wrap(text: &str, width: i32) -> Vec<String> {
    let mut lines: Vec<String> = Vec::new();
    for word in text.split_whitespace() {
        match lines.last_mut() {
            Some(line) if text_width(&format!("{line} {word}"), TEXT_PX) <= width => {
                line.push(' ');
                line.push_str(word);
            }
            _ => lines.push(word.to_string()),
        }
    }
    lines
}

/// The widest a box is drawn: a layer of one or two metrics is a centred row, not a wide band.
const MAX_BOX: i32 = 220;

/// The left edge and width of box `i` of `n`: the row shares the map's width, centred.
fn column(i: usize, n: usize) -> (i32, i32) {
    let n = n.max(1) as i32;
    let width = ((MAP_WIDTH as i32 - 2 * MARGIN - GAP * (n - 1)) / n).min(MAX_BOX);
    let left = (MAP_WIDTH as i32 - (n * width + (n - 1) * GAP)) / 2;
    (left + i as i32 * (width + GAP), width)
}

pub fn strategy_map(map: StrategyMap) -> Chart {
    // Every box's text, wrapped to its width; the boxes are as tall as the fullest.
    let texts: Vec<Vec<Vec<String>>> = (map.layers.iter())
        .map(|layer| {
            let n = layer.boxes.len();
            (layer.boxes.iter().enumerate())
                .map(|(i, b)| {
                    let width = column(i, n).1 - 8;
                    let lines = b.lines.iter().flat_map(|l| wrap(l, width));
                    wrap(&b.title, width).into_iter().chain(lines).collect()
                })
                .collect()
        })
        .collect();
    let most = texts.iter().flatten().map(Vec::len).max().unwrap_or(1) as i32;
    let box_height = most * LINE_HEIGHT + 10;
    let band = NAME_ROW + box_height + ARROWS;
    let top = |layer: usize| MARGIN + layer as i32 * band + NAME_ROW;
    let size = (MAP_WIDTH, (MARGIN + map.layers.len() as i32 * band - ARROWS + MARGIN) as u32);
    render(map.label.clone(), size, |root| {
        for (l, layer) in map.layers.iter().enumerate() {
            let name = font(12.0, MUTED).pos(Pos::new(HPos::Left, VPos::Bottom));
            let _ = root.draw(&Text::new(layer.name.clone(), (MARGIN, top(l) - 4), name));
            for (i, b) in layer.boxes.iter().enumerate() {
                let (x, width) = column(i, layer.boxes.len());
                let colour = rgb(b.colour);
                let corners = [(x, top(l)), (x + width, top(l) + box_height)];
                let _ = root.draw(&Rectangle::new(corners, colour.mix(0.14).filled()));
                let _ = root.draw(&Rectangle::new(corners, colour.stroke_width(2)));
                for (k, line) in texts[l][i].iter().enumerate() {
                    let style = font(TEXT_PX, INK).pos(Pos::new(HPos::Center, VPos::Top));
                    let at = (x + width / 2, top(l) + 5 + k as i32 * LINE_HEIGHT);
                    let _ = root.draw(&Text::new(line.clone(), at, style));
                }
            }
        }
        for &((cause_layer, cause), (effect_layer, effect)) in &map.links {
            let centre = |layer: usize, i: usize| {
                let n = map.layers.get(layer).map_or(1, |l| l.boxes.len());
                let (x, width) = column(i, n);
                x + width / 2
            };
            let from = (centre(cause_layer, cause), top(cause_layer));
            let to = (centre(effect_layer, effect), top(effect_layer) + box_height);
            arrow(root, from, to);
        }
    })
}

/// A line from `from` to `to` with a head at `to`.
fn arrow(root: &DrawingArea<SVGBackend, plotters::coord::Shift>, from: (i32, i32), to: (i32, i32)) {
    let colour = rgb(INK).mix(0.55);
    let _ = root.draw(&PathElement::new(vec![from, to], colour.stroke_width(1)));
    let (dx, dy) = ((from.0 - to.0) as f64, (from.1 - to.1) as f64);
    let length = dx.hypot(dy).max(1.0);
    let (ux, uy) = (dx / length, dy / length);
    let side = |sign: f64| {
        let (x, y) = (to.0 as f64 + 7.0 * ux - sign * 3.5 * uy, to.1 as f64 + 7.0 * uy + sign * 3.5 * ux);
        (x.round() as i32, y.round() as i32)
    };
    let _ = root.draw(&Polygon::new(vec![to, side(1.0), side(-1.0)], colour.filled()));
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::chart::{BAD, GOOD};

    #[test]
    fn boxes_sit_in_their_layers_with_arrows_from_cause_to_effect() {
        let one = |title: &str, colour| MapBox { title: title.into(), lines: vec!["700.00".into()], colour };
        let chart = strategy_map(StrategyMap {
            label: "Strategiekaart".into(),
            layers: vec![
                MapLayer { name: "Financieel".into(), boxes: vec![one("Omzet", BAD)] },
                MapLayer { name: "Klant".into(), boxes: vec![one("Actieve klanten", GOOD), one("Behoud", GOOD)] },
            ],
            links: vec![((1, 0), (0, 0))],
        });
        let svg = &chart.svg;
        for text in
            [">Financieel</text>", ">Klant</text>", ">Omzet</text>", ">700.00</text>", ">Actieve klanten</text>"]
        {
            assert!(svg.contains(text), "{text} in {svg}");
        }
        // Two lines a box: 2 x 13 + 10 = 36 px tall; a band 18 + 36 + 28 = 82. Boxes are at most
        // 220 wide, the row centred: the financial box at x (720 - 220) / 2 = 250, y 26 to 62;
        // the customer layer's two at (720 - 448) / 2 = 136 and 136 + 228 = 364, y 108 to 144.
        assert!(svg.contains("x=\"250\" y=\"26\" width=\"220\" height=\"36\""), "{svg}");
        assert!(svg.contains("x=\"364\" y=\"108\" width=\"220\" height=\"36\""), "{svg}");
        // The arrow: from the top of the first customer box (136 + 110 = 246, 108) up to the
        // bottom of the revenue box (250 + 110 = 360, 62).
        assert!(svg.contains("246,108 360,62"), "{svg}");
        // Seven boxes share the width: (704 - 6 x 8) / 7 = 93 px each, from (720 - 699) / 2 = 10.
        assert_eq!((column(0, 7), column(6, 7)), ((10, 93), (616, 93)));
        // Height: 8 + 2 x 82 - 28 + 8 = 152.
        assert!(svg.contains("height=\"152\""), "{svg}");
        assert!(!svg.contains("style="));
    }

    #[test]
    fn long_titles_wrap_between_words() {
        // 10 px text is 6 px a letter: 60 px holds 10 letters.
        assert_eq!(wrap("Regained customers", 60), ["Regained", "customers"]);
        assert_eq!(wrap("Share of wallet", 60), ["Share of", "wallet"]);
    }
}

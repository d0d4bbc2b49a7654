//! The report's charts, each from the engine's report: the gap chart (current and priority per
//! aspect), the importance-performance grid, a radar per domain and the departments' benchmark.
//! Every chart's numbers are in a table on the page (its text alternative).

use super::report::text_of;
use crate::chart::{
    bar_chart, quadrant_chart, radar_chart, Axis, Bar, BarChart, BarSeries, Chart, QuadrantChart, RadarChart,
    RadarSeries, BAD, BRAND, SERIES,
};
use crate::engine::customer_focus::report::Report;
use crate::engine::customer_focus::survey::Survey;
use crate::i18n::FocusMsg as F;
use crate::ui::i18n::I18n;

fn bar(i18n: I18n, value: Option<f64>) -> Bar {
    let v = value.unwrap_or(0.0);
    Bar::value(v, value.map_or(String::new(), |v| i18n.locale().decimal(v, 1)))
}

pub fn gap_chart(report: &Report, i18n: I18n) -> Chart {
    let series =
        |name: F, colour, pick: fn(&crate::engine::customer_focus::report::AspectResult) -> Option<f64>| BarSeries {
            name: i18n.t(name).into(),
            colour,
            bars: report.aspects.iter().map(|a| bar(i18n, pick(a))).collect(),
        };
    bar_chart(BarChart {
        label: i18n.t(F::GapChart).into(),
        categories: report.aspects.iter().map(|a| a.aspect.to_string()).collect(),
        series: vec![series(F::Current, BRAND, |a| a.current), series(F::Priority, BAD, |a| a.priority)],
        value_title: i18n.t(F::Score).into(),
        value_format: Box::new(move |v| i18n.locale().decimal(v, 0)),
        whole: true,
    })
}

fn score_axis<'a>(title: F, i18n: I18n) -> Axis<'a> {
    Axis::new(i18n.t(title), 1.0..5.0, move |v| i18n.locale().decimal(v, 0)).with_ticks(vec![1.0, 2.0, 3.0, 4.0, 5.0])
}

pub fn grid_chart(report: &Report, i18n: I18n) -> Chart {
    let points =
        report.aspects.iter().filter_map(|a| a.current.zip(a.priority).map(|p| (p, a.aspect.to_string()))).collect();
    quadrant_chart(QuadrantChart {
        label: i18n.t(F::Grid).into(),
        x: score_axis(F::Current, i18n),
        y: score_axis(F::Priority, i18n),
        centre: report.centre.unwrap_or((3.0, 3.0)),
        quadrants: [F::ConcentrateHere, F::KeepUp, F::LowPriority, F::Overkill].map(|q| i18n.t(q).to_string()),
        points,
        colour: BRAND,
    })
}

/// The radar of one domain: its aspects as spokes, current and priority as outlines.
pub fn radar_chart_of(survey: &Survey, report: &Report, domain: usize, i18n: I18n) -> Chart {
    let aspects: Vec<_> = report.aspects.iter().filter(|a| a.domain == domain).collect();
    let name = survey.domains.get(domain).map_or("", |d| text_of(&d.en, &d.nl, i18n.locale()));
    radar_chart(RadarChart {
        label: format!("{}: {name}", i18n.t(F::Radar)),
        spokes: aspects.iter().map(|a| a.aspect.to_string()).collect(),
        max: 5.0,
        rings: vec![1.0, 2.0, 3.0, 4.0, 5.0],
        ring_text: (1..=5).map(|v| v.to_string()).collect(),
        series: vec![
            RadarSeries {
                name: i18n.t(F::Current).into(),
                colour: BRAND,
                values: aspects.iter().map(|a| a.current).collect(),
            },
            RadarSeries {
                name: i18n.t(F::Priority).into(),
                colour: BAD,
                values: aspects.iter().map(|a| a.priority).collect(),
            },
        ],
    })
}

/// Per domain, the company's mean current score and each department's, side by side.
pub fn benchmark_chart(survey: &Survey, report: &Report, i18n: I18n) -> Chart {
    let company = BarSeries {
        name: i18n.t(F::Company).into(),
        colour: SERIES[0],
        bars: report.domains.iter().map(|d| bar(i18n, d.current)).collect(),
    };
    let departments = report.departments.iter().enumerate().map(|(i, d)| BarSeries {
        name: d.department.clone(),
        colour: SERIES[(i + 1) % SERIES.len()],
        bars: d.domains.iter().map(|m| bar(i18n, m.current)).collect(),
    });
    bar_chart(BarChart {
        label: i18n.t(F::Benchmark).into(),
        categories: (1..=survey.domains.len()).map(|d| format!("{} {d}", i18n.t(F::Domain))).collect(),
        series: std::iter::once(company).chain(departments).collect(),
        value_title: format!("{} ({})", i18n.t(F::Current), i18n.t(F::Score)),
        value_format: Box::new(move |v| i18n.locale().decimal(v, 0)),
        whole: true,
    })
}

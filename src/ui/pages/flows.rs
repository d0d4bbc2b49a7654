//! The Customer Flows page: the chosen year as a waterfall (start, lost, new, regained, end),
//! every year as a trend, and the table of all years.

use super::Page;
use crate::engine::flows::{Flows, FlowsRequest};
use crate::i18n::AnalysisMsg as M;
use crate::ui::components::answer::{ask_view, empty};
use crate::ui::components::chart::{bar_chart, ChartFrame, Series, BAD, BRAND, FONT, GOOD, INK, LINE, MUTED};
use crate::ui::components::filters::Filters;
use crate::ui::components::page_shell::AnalysisPage;
use crate::ui::components::table::{Cell, DataTable, TableData};
use crate::ui::i18n::{use_i18n, I18n};
use leptos::prelude::*;

#[component]
pub fn FlowsPage() -> impl IntoView {
    let filters = Filters::main();
    let i18n = use_i18n();
    let answer = ask_view(move || FlowsRequest { selection: filters.selection() });
    let draw = move |all: Vec<Flows>| {
        let chosen = filters.period();
        let Some(year) = all.iter().rev().find(|f| chosen.is_none_or(|p| f.period == p)).copied() else {
            return empty(M::NoFlows).into_any();
        };
        let trend = all.clone();
        view! {
            <ChartFrame title=Signal::derive(move || format!("{} {}", i18n.t(M::FlowsWaterfall), year.period)) file="flows-waterfall">
                {move || waterfall(&year, i18n)}
            </ChartFrame>
            <ChartFrame title=Signal::derive(move || i18n.t(M::FlowsTrend).to_string()) file="flows-trend">
                {move || trend_chart(&trend, i18n)}
            </ChartFrame>
            <DataTable table=Signal::derive(move || flows_table(&all, i18n)) file="flows"/>
        }
        .into_any()
    };
    view! { <AnalysisPage page=Page::Flows filters answer draw/> }
}

/// Start, minus lost, plus new, plus regained, giving end: each step a floating bar.
fn waterfall(f: &Flows, i18n: I18n) -> impl IntoView {
    let l = i18n.locale();
    let after_lost = f.start - f.lost;
    let after_new = after_lost + f.new;
    // (label, from, to, colour, shown)
    let steps = [
        (M::Start, 0, f.start, BRAND, l.count(f.start)),
        (M::Lost, after_lost, f.start, BAD, format!("−{}", l.count(f.lost))),
        (M::New, after_lost, after_new, GOOD, format!("+{}", l.count(f.new))),
        (M::Regained, after_new, f.end, GOOD, format!("+{}", l.count(f.regained))),
        (M::End, 0, f.end, BRAND, l.count(f.end)),
    ];
    let (width, height, top, bottom, left) = (720.0, 300.0, 24.0, 260.0, 20.0);
    let max = steps.iter().map(|s| s.2).max().unwrap_or(1).max(1) as f64;
    let y = move |v: usize| bottom - v as f64 / max * (bottom - top);
    let slot = (width - 2.0 * left) / steps.len() as f64;
    let bars = steps.into_iter().enumerate().map(|(i, (label, from, to, colour, shown))| {
        let x = left + i as f64 * slot + slot * 0.2;
        view! {
            <rect x=x y=y(to) width=slot * 0.6 height=(y(from) - y(to)).max(1.0) fill=colour rx="2"/>
            <text x=x + slot * 0.3 y=y(to) - 5.0 text-anchor="middle" font-size="13" font-weight="600" fill=INK>{shown}</text>
            <text x=x + slot * 0.3 y=bottom + 20.0 text-anchor="middle" font-size="12" fill=MUTED>{i18n.t(label)}</text>
        }
    }).collect_view();
    view! {
        <svg xmlns="http://www.w3.org/2000/svg" width=width height=height viewBox=format!("0 0 {width} {height}") font-family=FONT role="img"
            aria-label=format!("{} {}", i18n.t(M::FlowsWaterfall), f.period)>
            <rect width=width height=height fill="#ffffff"/>
            <line x1=left y1=bottom x2=width - left y2=bottom stroke=LINE/>
            {bars}
        </svg>
    }
}

fn trend_chart(all: &[Flows], i18n: I18n) -> impl IntoView {
    let l = i18n.locale();
    let series = |name: M, colour, pick: fn(&Flows) -> usize| Series {
        name: i18n.t(name).to_string(),
        colour,
        values: all.iter().map(|f| (pick(f) as f64, l.count(pick(f)))).collect(),
    };
    bar_chart(
        i18n.t(M::FlowsTrend).to_string(),
        all.iter().map(|f| f.period.to_string()).collect(),
        vec![
            series(M::New, GOOD, |f| f.new),
            series(M::Regained, "#7fb89a", |f| f.regained),
            series(M::Lost, BAD, |f| f.lost),
            series(M::End, BRAND, |f| f.end),
        ],
    )
}

fn flows_table(all: &[Flows], i18n: I18n) -> TableData {
    let l = i18n.locale();
    let columns = [M::Period, M::Start, M::Lost, M::New, M::Regained, M::Retained, M::End];
    TableData {
        caption: i18n.t(M::FlowsTable).to_string(),
        columns: columns.iter().map(|&c| i18n.t(c).to_string()).collect(),
        rows: all
            .iter()
            .map(|f| {
                let mut row = vec![Cell::text(f.period.to_string())];
                row.extend(
                    [f.start, f.lost, f.new, f.regained, f.retained, f.end].map(|n| Cell::number(l.count(n), n)),
                );
                row
            })
            .collect(),
        footer: None,
    }
}

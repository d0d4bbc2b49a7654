//! The Concentration page: "x % of customers make y % of revenue", the Gini coefficient, the
//! Pareto curve (largest customers first) and the revenue-band histogram, each with its table.

use super::Page;
use crate::chart::{
    bar_chart, line_chart, Axis, Bar, BarChart, BarSeries, Chart, LineChart, LineSeries, MarkedPoint, ReferenceLine,
    BRAND,
};
use crate::engine::concentration::{Concentration, ConcentrationRequest};
use crate::i18n::AnalysisMsg as M;
use crate::ui::components::answer::ask_view;
use crate::ui::components::chart::{chart_view, ChartFrame};
use crate::ui::components::filters::Filters;
use crate::ui::components::page_shell::AnalysisPage;
use crate::ui::components::table::{Cell, DataTable, TableData};
use crate::ui::i18n::{use_i18n, I18n};
use leptos::prelude::*;

#[component]
pub fn ConcentrationPage() -> impl IntoView {
    let filters = Filters::main();
    let i18n = use_i18n();
    let answer = ask_view(move || ConcentrationRequest { selection: filters.selection(), period: filters.period() });
    let draw = move |c: Concentration| {
        let (curve, points, bands, band_table) = (c.clone(), c.clone(), c.clone(), c.clone());
        view! {
            <Statement c=c.clone()/>
            <ChartFrame title=Signal::derive(move || format!("{} {}", i18n.t(M::LorenzCurve), curve.period)) file="pareto">
                {move || chart_view(pareto_chart(&curve, i18n))}
            </ChartFrame>
            <details class="table-details">
                <summary>{move || i18n.t(M::LorenzTable)}</summary>
                <DataTable table=Signal::derive(move || pareto_table(&points, i18n)) file="pareto-points"/>
            </details>
            <ChartFrame title=Signal::derive(move || format!("{} {}", i18n.t(M::Bands), bands.period)) file="revenue-bands">
                {move || chart_view(bands_chart(&bands, i18n))}
            </ChartFrame>
            <DataTable table=Signal::derive(move || bands_table(&band_table, i18n)) file="revenue-bands"/>
        }
        .into_any()
    };
    view! { <AnalysisPage page=Page::Concentration filters answer draw/> }
}

#[component]
fn Statement(c: Concentration) -> impl IntoView {
    let i18n = use_i18n();
    view! {
        <div class="stat-row">
            <div class="stat stat-wide" data-testid="top-statement">
                <div class="stat-value">
                    {move || format!("{} {} {} {}", i18n.locale().percent(c.top20_customer_share), i18n.t(M::Statement1), i18n.locale().percent(c.top20_revenue_share), i18n.t(M::Statement2))}
                </div>
                <div class="stat-label">{move || format!("{} {} · {} {}", i18n.locale().count(c.top_customers), i18n.t(M::Customers).to_lowercase(), i18n.locale().money(c.top_revenue), i18n.t(M::Revenue).to_lowercase())}</div>
            </div>
            <div class="stat" data-testid="gini">
                <div class="stat-value">{move || i18n.locale().decimal(c.gini, 3)}</div>
                <div class="stat-label">{move || i18n.t(M::Gini)}</div>
                <div class="stat-label">{move || i18n.t(M::GiniHint)}</div>
            </div>
            <div class="stat">
                <div class="stat-value">{move || i18n.locale().count(c.active_customers)}</div>
                <div class="stat-label">{move || i18n.t(M::ActiveCustomers)}</div>
            </div>
        </div>
    }
}

/// The Pareto curve: the Lorenz points turned round, so the largest customers come first, with
/// the equality line and the top-20 % point marked.
fn pareto_chart(c: &Concentration, i18n: I18n) -> Chart {
    let l = i18n.locale();
    let share = move |v: f64| l.percent(v);
    let points = c.lorenz.iter().rev().map(|p| (1.0 - p.customer_share, 1.0 - p.revenue_share)).collect();
    let mut chart = LineChart::new(
        i18n.t(M::LorenzCurve).to_string(),
        Axis::new(i18n.t(M::CustomerShare), 0.0..1.0, share),
        Axis::new(i18n.t(M::RevenueShare), 0.0..1.0, share),
        vec![LineSeries {
            name: i18n.t(M::RevenueShare).to_string(),
            colour: BRAND,
            points,
            markers: false,
            area: false,
        }],
    );
    chart.size = (560, 420);
    chart.reference =
        Some(ReferenceLine { from: (0.0, 0.0), to: (1.0, 1.0), label: i18n.t(M::EqualityLine).to_string() });
    chart.marked = vec![MarkedPoint {
        at: (c.top20_customer_share, c.top20_revenue_share),
        label: format!("{} → {}", l.percent(c.top20_customer_share), l.percent(c.top20_revenue_share)),
    }];
    line_chart(chart)
}

fn pareto_table(c: &Concentration, i18n: I18n) -> TableData {
    let l = i18n.locale();
    TableData {
        caption: format!("{} {}", i18n.t(M::LorenzTable), c.period),
        columns: vec![i18n.t(M::CustomerShare).to_string(), i18n.t(M::RevenueShare).to_string()],
        rows: c
            .lorenz
            .iter()
            .rev()
            .map(|p| {
                let (x, y) = (1.0 - p.customer_share, 1.0 - p.revenue_share);
                vec![Cell::number(l.percent(x), format!("{x:.6}")), Cell::number(l.percent(y), format!("{y:.6}"))]
            })
            .collect(),
        footer: None,
    }
}

fn band_name(band: &crate::engine::concentration::RevenueBand, i18n: I18n) -> String {
    let l = i18n.locale();
    match band.to {
        Some(to) => format!("{} – {}", l.money_whole(band.from), l.money_whole(to)),
        None => format!("{} {}", l.money_whole(band.from), i18n.t(M::AndMore)),
    }
}

fn bands_chart(c: &Concentration, i18n: I18n) -> Chart {
    let l = i18n.locale();
    let bars = c.bands.iter().map(|b| Bar::value(b.customers as f64, l.count(b.customers))).collect();
    bar_chart(BarChart {
        label: i18n.t(M::Bands).to_string(),
        // Short lower bounds under the bars; the table beside the chart names each band in full.
        categories: c.bands.iter().map(|b| format!("≥ {}", compact(b.from.units_f64()))).collect(),
        series: vec![BarSeries { name: i18n.t(M::Customers).to_string(), colour: BRAND, bars }],
        value_title: i18n.t(M::Customers).to_string(),
        value_format: Box::new(move |v| l.integer(v.round() as i64)),
        whole: true,
    })
}

fn bands_table(c: &Concentration, i18n: I18n) -> TableData {
    let l = i18n.locale();
    TableData {
        caption: format!("{} {}", i18n.t(M::Bands), c.period),
        columns: [M::Band, M::Customers, M::CustomerShare, M::Revenue, M::RevenueShare]
            .iter()
            .map(|&m| i18n.t(m).to_string())
            .collect(),
        rows: c
            .bands
            .iter()
            .map(|b| {
                vec![
                    Cell::text(band_name(b, i18n)),
                    Cell::number(l.count(b.customers), b.customers),
                    Cell::share(l, b.customer_share),
                    Cell::number(l.money(b.revenue), b.revenue),
                    Cell::share(l, b.revenue_share),
                ]
            })
            .collect(),
        footer: None,
    }
}

/// A round amount in few characters: 950, 5k, 10M.
fn compact(units: f64) -> String {
    match units {
        u if u >= 1_000_000.0 => format!("{}M", u / 1_000_000.0),
        u if u >= 1_000.0 => format!("{}k", u / 1_000.0),
        u => format!("{u}"),
    }
}

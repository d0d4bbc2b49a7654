//! The Concentration page: "x % of customers make y % of revenue", the Gini coefficient, the
//! Pareto curve (largest customers first) and the revenue-band histogram, each with its table.

use super::Page;
use crate::engine::concentration::{Concentration, ConcentrationRequest};
use crate::i18n::AnalysisMsg as M;
use crate::ui::components::answer::ask_view;
use crate::ui::components::chart::{bar_chart, ChartFrame, Series, BRAND, FONT, INK, LINE, MUTED};
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
                {move || pareto_svg(&curve, i18n)}
            </ChartFrame>
            <details class="table-details">
                <summary>{move || i18n.t(M::LorenzTable)}</summary>
                <DataTable table=Signal::derive(move || pareto_table(&points, i18n)) file="pareto-points"/>
            </details>
            <ChartFrame title=Signal::derive(move || format!("{} {}", i18n.t(M::Bands), bands.period)) file="revenue-bands">
                {move || bands_chart(&bands, i18n)}
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

/// The Pareto curve: the Lorenz points turned round, so the largest customers come first.
fn pareto_svg(c: &Concentration, i18n: I18n) -> impl IntoView {
    let (size, pad, left) = (420.0, 44.0, 96.0);
    let plot = size - 2.0 * pad;
    let at = |x: f64, y: f64| (left + x * plot, size - pad - y * plot);
    let path = c
        .lorenz
        .iter()
        .rev()
        .map(|p| at(1.0 - p.customer_share, 1.0 - p.revenue_share))
        .enumerate()
        .map(|(i, (x, y))| format!("{}{x:.1},{y:.1}", if i == 0 { "M" } else { "L" }))
        .collect::<String>();
    let (mx, my) = at(c.top20_customer_share, c.top20_revenue_share);
    let (x0, y0) = at(0.0, 0.0);
    let (x1, y1) = at(1.0, 1.0);
    let (ex, ey) = at(0.6, 0.6);
    let l = i18n.locale();
    let ticks = (0..=4)
        .map(|i| {
            let share = i as f64 / 4.0;
            let (x, _) = at(share, 0.0);
            let (_, y) = at(0.0, share);
            view! {
                <text x=x y=y0 + 16.0 text-anchor="middle" font-size="11" fill=MUTED>{l.percent(share)}</text>
                <text x=x0 - 6.0 y=y + 4.0 text-anchor="end" font-size="11" fill=MUTED>{l.percent(share)}</text>
                <line x1=x0 y1=y x2=x1 y2=y stroke=LINE stroke-width="0.5"/>
            }
        })
        .collect_view();
    view! {
        <svg xmlns="http://www.w3.org/2000/svg" width=size + 120.0 height=size viewBox=format!("0 0 {} {size}", size + 120.0) font-family=FONT role="img" aria-label=i18n.t(M::LorenzCurve)>
            <rect width=size + 120.0 height=size fill="#ffffff"/>
            {ticks}
            <line x1=x0 y1=y0 x2=x1 y2=y1 stroke=MUTED stroke-dasharray="4 4"/>
            <path d=path fill="none" stroke=BRAND stroke-width="2.5"/>
            <line x1=mx y1=y0 x2=mx y2=my stroke=INK stroke-dasharray="2 3"/>
            <line x1=x0 y1=my x2=mx y2=my stroke=INK stroke-dasharray="2 3"/>
            <circle cx=mx cy=my r="4.5" fill=BRAND/>
            <text x=mx + 8.0 y=my + 16.0 font-size="12" fill=INK>{format!("{} → {}", l.percent(c.top20_customer_share), l.percent(c.top20_revenue_share))}</text>
            <text x=ex + 6.0 y=ey + 14.0 font-size="11" fill=MUTED>{i18n.t(M::EqualityLine)}</text>
            <text x=(x0 + x1) / 2.0 y=size - 6.0 text-anchor="middle" font-size="12" fill=INK>{i18n.t(M::CustomerShare)}</text>
            <text x="12" y=(y0 + y1) / 2.0 text-anchor="middle" font-size="12" fill=INK transform=format!("rotate(-90 12 {})", (y0 + y1) / 2.0) dy="8">{i18n.t(M::RevenueShare)}</text>
        </svg>
    }
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

fn bands_chart(c: &Concentration, i18n: I18n) -> impl IntoView {
    let l = i18n.locale();
    let values = c.bands.iter().map(|b| (b.customers as f64, l.count(b.customers))).collect();
    // Short lower bounds under the bars; the table beside the chart names each band in full.
    let categories = c.bands.iter().map(|b| format!("≥ {}", compact(b.from.units_f64()))).collect();
    bar_chart(
        i18n.t(M::Bands).to_string(),
        categories,
        vec![Series { name: i18n.t(M::Customers).to_string(), colour: BRAND, values }],
    )
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

//! The Cohorts page: customers grouped by their first year, as a heatmap of the share still
//! active (or of revenue kept) in every later year and a chart of one line per cohort by years
//! since its first; `show=revenue` in the address switches both.
//! The table covers every year, so the filter bar has a year start and a scope but no year.

use super::Page;
use crate::chart::{line_chart, Axis, Chart, LineChart, LineSeries, SERIES};
use crate::engine::cohorts::{Cohort, CohortPeriod, CohortsRequest};
use crate::i18n::AnalysisMsg as M;
use crate::ui::components::answer::ask_view;
use crate::ui::components::chart::{chart_view, ChartFrame};
use crate::ui::components::filters::Filters;
use crate::ui::components::page_shell::AnalysisPage;
use crate::ui::components::table::{heat_class, Cell, DataTable, TableData};
use crate::ui::i18n::{use_i18n, I18n};
use leptos::prelude::*;
use leptos_router::hooks::query_signal;

#[component]
pub fn CohortsPage() -> impl IntoView {
    let filters = Filters::main();
    let (show_param, set_show) = query_signal::<String>("show");
    let revenue = Memo::new(move |_| show_param.get().as_deref() == Some("revenue"));
    let i18n = use_i18n();
    let answer = ask_view(move || CohortsRequest { selection: filters.selection() });
    let draw = move |all: Vec<Cohort>| {
        let lines = all.clone();
        let title = move || i18n.t(if revenue.get() { M::CohortRevenue } else { M::CohortRetention }).to_string();
        view! {
            <ChartFrame title=Signal::derive(title) file="cohorts">
                {move || chart_view(cohort_chart(&lines, revenue.get(), i18n))}
            </ChartFrame>
            <DataTable table=Signal::derive(move || cohort_table(&all, revenue.get(), i18n)) file="cohorts" class="table-heatmap"/>
        }
    };
    let controls = move || {
        view! {
            <div class="filter-bar">
                <label class="field">
                    <span>{move || i18n.t(M::ShowRevenue)}</span>
                    <select data-testid="cohort-show" on:change=move |ev| set_show.set(Some(event_target_value(&ev)).filter(|v| v == "revenue"))>
                        <option value="customers" selected=move || !revenue.get()>{move || i18n.t(M::ShowRetention)}</option>
                        <option value="revenue" selected=move || revenue.get()>{move || i18n.t(M::ShowRevenueRetention)}</option>
                    </select>
                </label>
            </div>
        }
    };
    view! { <AnalysisPage page=Page::Cohorts filters every_period=true controls answer draw/> }
}

fn cohort_table(all: &[Cohort], revenue: bool, i18n: I18n) -> TableData {
    let l = i18n.locale();
    let periods: Vec<String> =
        all.first().map(|c| c.periods.iter().map(|p| p.period.to_string()).collect()).unwrap_or_default();
    let mut columns = vec![i18n.t(M::FirstYear).to_string(), i18n.t(M::CohortSize).to_string()];
    columns.extend(periods.iter().cloned());
    let rows = all
        .iter()
        .map(|cohort| {
            let mut row = vec![
                Cell::text(cohort.first_period.to_string()),
                Cell::number(l.count(cohort.customers), cohort.customers),
            ];
            // Years before the cohort's first stay blank, so every column is one calendar year.
            row.extend((0..periods.len() - cohort.periods.len()).map(|_| Cell::text("").class("heat heat-none")));
            row.extend(cohort.periods.iter().map(|p| {
                let share = shown(p, revenue);
                Cell::number(l.percent(share), format!("{share:.6}")).class(heat_class(share))
            }));
            row
        })
        .collect();
    TableData {
        caption: i18n.t(if revenue { M::CohortRevenue } else { M::CohortRetention }).to_string(),
        columns,
        rows,
        footer: None,
    }
}

/// What the page shows of a cohort's year: the share of its customers still active, or of its
/// first year's revenue kept.
fn shown(p: &CohortPeriod, revenue: bool) -> f64 {
    if revenue {
        p.revenue_retention
    } else {
        p.retention
    }
}

/// One line per cohort over the years since its first: the same shares as the heat table.
fn cohort_chart(all: &[Cohort], revenue: bool, i18n: I18n) -> Chart {
    let l = i18n.locale();
    let series: Vec<LineSeries> = all
        .iter()
        .zip(SERIES.iter().cycle())
        .map(|(cohort, &colour)| LineSeries {
            name: cohort.first_period.to_string(),
            colour,
            points: cohort.periods.iter().enumerate().map(|(year, p)| (year as f64, shown(p, revenue))).collect(),
            markers: true,
            area: false,
        })
        .collect();
    let years = all.iter().map(|c| c.periods.len().saturating_sub(1)).max().unwrap_or(0).max(1);
    // Revenue kept can pass 100 % (customers who buy more): the axis then reaches above it.
    let top = series.iter().flat_map(|s| s.points.iter().map(|p| p.1)).fold(1.0, f64::max);
    let top = if top > 1.0 { top * 1.08 } else { 1.0 };
    let x = Axis::new(i18n.t(M::YearsSinceFirst), 0.0..years as f64, move |v| l.integer(v.round() as i64))
        .with_ticks((0..=years).map(|y| y as f64).collect());
    let y = Axis::new(i18n.t(if revenue { M::ShowRevenueRetention } else { M::ShowRetention }), 0.0..top, move |v| {
        l.percent(v)
    });
    let label = i18n.t(if revenue { M::CohortRevenue } else { M::CohortRetention }).to_string();
    line_chart(LineChart::new(label, x, y, series))
}

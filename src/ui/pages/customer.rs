//! The customer detail page (`/customers/:key`): revenue, level and flow per year, revenue per
//! product group, and a chart of the yearly revenue. Every customer name in the app links here.

use crate::chart::{bar_chart, Bar, BarChart, BarSeries, Chart, BRAND};
use crate::engine::customer::{CustomerDetail, CustomerRequest};
use crate::engine::session::analysis::Selection;
use crate::i18n::AnalysisMsg as M;
use crate::ui::components::answer::{ask_view, flow_name, level_name, show, Answer};
use crate::ui::components::chart::{chart_view, ChartFrame};
use crate::ui::components::table::{Cell, DataTable, TableData};
use crate::ui::i18n::{use_i18n, I18n};
use leptos::prelude::*;
use leptos_router::hooks::use_params_map;

#[component]
pub fn CustomerPage() -> impl IntoView {
    let params = use_params_map();
    let key = Memo::new(move |_| params.with(|p| p.get("key").unwrap_or_default()));
    let i18n = use_i18n();
    let answer = ask_view(move || CustomerRequest { selection: Selection::default(), key: key.get() });
    view! {
        <section class="page page-customer" data-page="/customers">
            // No customer to name: a plain title above the engine's reason.
            {move || matches!(answer.get(), Some(Answer::Empty(_))).then(|| view! { <h1>{move || i18n.t(M::CustomerTitle)}</h1> })}
            {show(answer, move |detail: CustomerDetail| {
                let (chart, years, groups) = (detail.clone(), detail.clone(), detail.clone());
                view! {
                    <h1>{detail.name.clone().unwrap_or_else(|| detail.key.clone())}</h1>
                    <p class="lead">{move || format!("{}: {}", i18n.t(M::CustomerId), detail.key)}</p>
                    <ChartFrame title=Signal::derive(move || i18n.t(M::RevenueChart).to_string()) file="customer-revenue">
                        {move || chart_view(revenue_chart(&chart, i18n))}
                    </ChartFrame>
                    <DataTable table=Signal::derive(move || years_table(&years, i18n)) file="customer-years"/>
                    {(!groups.groups.is_empty()).then(|| view! {
                        <DataTable table=Signal::derive(move || groups_table(&groups, i18n)) file="customer-groups"/>
                    })}
                }
                .into_any()
            })}
        </section>
    }
}

fn revenue_chart(d: &CustomerDetail, i18n: I18n) -> Chart {
    let l = i18n.locale();
    let bars = d.periods.iter().map(|p| Bar::value(p.revenue.units_f64(), l.money_whole(p.revenue))).collect();
    bar_chart(BarChart {
        label: i18n.t(M::RevenueChart).to_string(),
        categories: d.periods.iter().map(|p| p.period.to_string()).collect(),
        series: vec![BarSeries { name: i18n.t(M::Revenue).to_string(), colour: BRAND, bars }],
        value_title: i18n.t(M::Revenue).to_string(),
        // Whole currency units, as the bars' values are written.
        value_format: Box::new(move |v| l.integer(v.round() as i64)),
        whole: true,
    })
}

fn years_table(d: &CustomerDetail, i18n: I18n) -> TableData {
    let l = i18n.locale();
    TableData {
        caption: i18n.t(M::PerYear).to_string(),
        columns: [M::Period, M::Revenue, M::GrossMargin, M::Purchases, M::Level, M::FlowStatus]
            .iter()
            .map(|&m| i18n.t(m).to_string())
            .collect(),
        rows: d
            .periods
            .iter()
            .map(|p| {
                vec![
                    Cell::text(p.period.to_string()),
                    Cell::number(l.money(p.revenue), p.revenue),
                    p.gross_margin.map_or_else(|| Cell::text(""), |m| Cell::number(l.money(m), m)),
                    Cell::number(l.count(p.purchases as usize), p.purchases),
                    p.level.map_or_else(
                        || Cell::text(""),
                        |level| Cell::text(i18n.t(level_name(level))).class(format!("level level-{}", level.name())),
                    ),
                    Cell::text(p.flow.map(|f| i18n.t(flow_name(f))).unwrap_or_default()),
                ]
            })
            .collect(),
        footer: None,
    }
}

fn groups_table(d: &CustomerDetail, i18n: I18n) -> TableData {
    let l = i18n.locale();
    let mut columns = vec![i18n.t(M::ProductGroup).to_string()];
    columns.extend(d.periods.iter().map(|p| p.period.to_string()));
    columns.push(i18n.t(M::Total).to_string());
    TableData {
        caption: i18n.t(M::PerGroup).to_string(),
        columns,
        rows: d
            .groups
            .iter()
            .map(|g| {
                let mut row = vec![Cell::text(g.group.clone())];
                row.extend(g.revenue.iter().chain([&g.total]).map(|&m| Cell::number(l.money_whole(m), m)));
                row
            })
            .collect(),
        footer: None,
    }
}

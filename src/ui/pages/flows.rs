//! The Customer Flows page: the chosen year as a waterfall (start, lost, new, regained, end),
//! every year as a trend, and the table of all years.

use super::Page;
use crate::chart::{bar_chart, Bar, BarChart, BarSeries, Chart, BAD, BRAND, GOOD, GOOD_LIGHT};
use crate::engine::actions::listed::Listed;
use crate::engine::actions::Origin;
use crate::engine::flows::{Flows, FlowsRequest};
use crate::engine::session::analysis::Selection;
use crate::i18n::{ActionsMsg as A, AnalysisMsg as M};
use crate::ui::components::add_action::{suggestion, AddAction, ListTarget};
use crate::ui::components::answer::{ask_view, empty};
use crate::ui::components::chart::{chart_view, ChartFrame};
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
                {move || chart_view(waterfall(&year, i18n))}
            </ChartFrame>
            <ChartFrame title=Signal::derive(move || i18n.t(M::FlowsTrend).to_string()) file="flows-trend">
                {move || chart_view(trend_chart(&trend, i18n))}
            </ChartFrame>
            <DataTable table=Signal::derive(move || flows_table(&all, i18n)) file="flows"/>
            <FlowsCustomers year selection=untrack(move || filters.selection())/>
        }
        .into_any()
    };
    view! { <AnalysisPage page=Page::Flows filters answer draw/> }
}

/// The chosen year's lost and arriving customers, each list with its "add to actions" control.
#[component]
fn FlowsCustomers(year: Flows, selection: Selection) -> impl IntoView {
    let i18n = use_i18n();
    let period = year.period;
    let list = move |lost: bool| {
        let (title, count, msg, name) = match lost {
            true => (A::LostCustomers, year.lost, A::Reactivate, "flows-lost"),
            false => (A::ArrivedCustomers, year.new + year.regained, A::Welcome, "flows-arrived"),
        };
        let target = ListTarget::Listed(Listed::Flow { selection: selection.clone(), period, lost });
        view! {
            <div class="flows-list" data-testid=name>
                <p><strong>{move || i18n.t(title)}</strong>": "<span data-testid=format!("{name}-count")>{move || i18n.locale().count(count)}</span></p>
                <AddAction target origin=Origin::Flows suggest=suggestion(i18n, msg, Vec::new()) name/>
            </div>
        }
    };
    view! {
        <section class="card flows-customers" data-testid="flows-customers">
            <h2>{move || i18n.t(A::FlowsCustomers).replace("{period}", &period.to_string())}</h2>
            {list(true)}
            {list(false)}
        </section>
    }
}

/// Start, minus lost, plus new, plus regained, giving end: each step a floating bar.
pub(crate) fn waterfall(f: &Flows, i18n: I18n) -> Chart {
    let l = i18n.locale();
    let (after_lost, after_new) = (f.start - f.lost, f.start - f.lost + f.new);
    let span = |from: usize, to: usize, text, colour| Bar::span(from as f64, to as f64, text, colour);
    let steps = [
        (M::Start, span(0, f.start, l.count(f.start), BRAND)),
        (M::Lost, span(after_lost, f.start, format!("−{}", l.count(f.lost)), BAD)),
        (M::New, span(after_lost, after_new, format!("+{}", l.count(f.new)), GOOD)),
        (M::Regained, span(after_new, f.end, format!("+{}", l.count(f.regained)), GOOD)),
        (M::End, span(0, f.end, l.count(f.end), BRAND)),
    ];
    let (names, bars): (Vec<_>, Vec<_>) = steps.into_iter().map(|(name, bar)| (i18n.t(name).to_string(), bar)).unzip();
    bar_chart(BarChart {
        label: format!("{} {}", i18n.t(M::FlowsWaterfall), f.period),
        categories: names,
        series: vec![BarSeries { name: i18n.t(M::Customers).to_string(), colour: BRAND, bars }],
        value_title: i18n.t(M::Customers).to_string(),
        value_format: Box::new(move |v| l.integer(v.round() as i64)),
        whole: true,
    })
}

fn trend_chart(all: &[Flows], i18n: I18n) -> Chart {
    let l = i18n.locale();
    let series = |name: M, colour, pick: fn(&Flows) -> usize| BarSeries {
        name: i18n.t(name).to_string(),
        colour,
        bars: all.iter().map(|f| Bar::value(pick(f) as f64, l.count(pick(f)))).collect(),
    };
    bar_chart(BarChart {
        label: i18n.t(M::FlowsTrend).to_string(),
        categories: all.iter().map(|f| f.period.to_string()).collect(),
        series: vec![
            series(M::New, GOOD, |f| f.new),
            series(M::Regained, GOOD_LIGHT, |f| f.regained),
            series(M::Lost, BAD, |f| f.lost),
            series(M::End, BRAND, |f| f.end),
        ],
        value_title: i18n.t(M::Customers).to_string(),
        value_format: Box::new(move |v| l.integer(v.round() as i64)),
        whole: true,
    })
}

pub(crate) fn flows_table(all: &[Flows], i18n: I18n) -> TableData {
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

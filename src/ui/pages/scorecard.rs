//! The Scorecard page: the scorecard per customer (sortable, the traffic light as a word and a
//! colour), its roll-ups per sales rep, team, department and the company (`ScorecardRollup`,
//! which the board pack prints too), then the KPI cascade with its targets (edited, imported
//! and downloaded as CSV or XLSX, kept with the workspace) and the company's strategy map.

use super::Page;
use crate::chart::{strategy_map, Chart, MapBox, MapLayer, StrategyMap, BAD, GOOD, MUTED, WARN};
use crate::engine::kpi_cascade::{
    Actual, Kind, KpiRequest, KpiTarget, KpiUnit, KpiView, Layer, Metric, Unit, Value, LINKS,
};
use crate::engine::money::Money;
use crate::engine::scorecard::{Rollup, ScoreColumn, ScoreRow, ScorecardRequest, ScorecardView, Status, Window};
use crate::engine::session::analysis::Selection;
use crate::engine::session::tables::TableKind;
use crate::i18n::scorecard::{column_name, lack_reason, layer_name, metric_name, status_name};
use crate::i18n::{Locale, ScorecardMsg as S};
use crate::ui::components::answer::{ask_view, name_of, no_value_of, show};
use crate::ui::components::chart::{chart_view, ChartFrame};
use crate::ui::components::filters::Filters;
use crate::ui::components::page_shell::AnalysisPage;
use crate::ui::components::side_tables::{Editor, GridEditor, SaveBar, Words, WorkbookButton};
use crate::ui::components::table::{cut_note, Cell, DataTable, TableData};
use crate::ui::i18n::{use_i18n, I18n};
use crate::ui::workspace::use_workspace;
use leptos::prelude::*;

#[component]
pub fn ScorecardPage() -> impl IntoView {
    let filters = Filters::main();
    let sort = RwSignal::new(ScoreColumn::default());
    let descending = RwSignal::new(true);
    let editor = Editor::new();
    let answer = ask_view(move || {
        editor.kept.track();
        ScorecardRequest { selection: filters.selection(), sort: sort.get(), descending: descending.get() }
    });
    let kpi = ask_view(move || {
        editor.kept.track();
        KpiRequest { selection: filters.selection(), period: filters.period() }
    });
    let controls = move || view! { <SortBar sort descending/> };
    view! {
        <AnalysisPage page=Page::Scorecard filters answer draw=move |view| draw_scorecard(view, filters) controls
            after=move || view! { <KpiSection kpi editor/> }/>
    }
}

/// The roll-ups of the scorecard of `selection`: this page's, and the board pack's.
#[component]
pub fn ScorecardRollup(#[prop(into)] selection: Signal<Selection>) -> impl IntoView {
    let answer = ask_view(move || ScorecardRequest { selection: selection.get(), ..ScorecardRequest::default() });
    show(answer, |view: ScorecardView| rollup_tables(&view))
}

#[component]
fn SortBar(sort: RwSignal<ScoreColumn>, descending: RwSignal<bool>) -> impl IntoView {
    let i18n = use_i18n();
    view! {
        <div class="filter-bar scorecard-sort">
            <label class="field">{move || i18n.t(S::SortBy)}
                <select data-testid="scorecard-sort" on:change=move |ev| {
                    let index = event_target_value(&ev).parse::<usize>().unwrap_or(0);
                    sort.set(ScoreColumn::ALL.get(index).copied().unwrap_or_default());
                }>
                    {ScoreColumn::ALL.iter().enumerate().map(|(i, &c)| view! {
                        <option value=i.to_string() selected=move || sort.get() == c>{move || i18n.t(column_name(c))}</option>
                    }).collect_view()}
                </select>
            </label>
            <label class="field">{move || i18n.t(S::Order)}
                <select data-testid="scorecard-order" on:change=move |ev| descending.set(event_target_value(&ev) == "desc")>
                    <option value="desc" selected=move || descending.get()>{move || i18n.t(S::Descending)}</option>
                    <option value="asc" selected=move || !descending.get()>{move || i18n.t(S::Ascending)}</option>
                </select>
            </label>
        </div>
    }
}

fn window_note(window: &Window, l: Locale, i18n: I18n) -> String {
    let (total, elapsed) = window.days();
    let text = match window.current_period {
        Some(period) => i18n.t(S::WindowCurrent).replace("{period}", &period.label_year().to_string()),
        None => i18n.t(S::WindowGoal).to_string(),
    };
    text.replace("{from}", &l.date(window.from))
        .replace("{to}", &l.date(window.to))
        .replace("{as_of}", &l.date(window.as_of))
        .replace("{elapsed}", &l.count(elapsed as usize))
        .replace("{total}", &l.count(total as usize))
}

fn draw_scorecard(view: ScorecardView, filters: Filters) -> impl IntoView {
    let i18n = use_i18n();
    let window = view.window;
    let (shown, total) = (view.customers.items.len(), view.customers.total);
    let rows = view.customers.items.clone();
    view! {
        <p class="note" data-testid="scorecard-window">{move || window_note(&window, i18n.locale(), i18n)}</p>
        <p class="hint">{move || i18n.t(S::RuleNote)}</p>
        <p class="hint">{move || i18n.t(S::InputsNote)}</p>
        <ScorecardRollup selection=Signal::derive(move || filters.selection())/>
        <DataTable table=Signal::derive(move || customer_table(&rows, i18n)) file="scorecard-customers" class="table-compact"/>
        {cut_note(shown, total)}
    }
}

/// A light's word and its colour class (the word is there for who cannot tell the colours).
fn status_cell(status: Option<Status>, i18n: I18n) -> Cell {
    match status {
        None => Cell::text(""),
        Some(s) => Cell::text(i18n.t(status_name(s))).class(format!("status status-{}", status_slug(s))),
    }
}

fn status_slug(status: Status) -> &'static str {
    match status {
        Status::Green => "green",
        Status::Amber => "amber",
        Status::Red => "red",
        Status::NoTarget | Status::NotStarted => "grey",
    }
}

fn money_cell(l: Locale, money: Option<Money>) -> Cell {
    money.map_or_else(|| Cell::text(""), |m| Cell::number(l.money(m), m))
}

fn count_cell(l: Locale, n: Option<u64>) -> Cell {
    n.map_or_else(|| Cell::text(""), |n| Cell::number(l.count(n as usize), n))
}

/// Contacts realised of planned, as "3 / 5" (the CSV holds the same text).
fn contacts_cell(l: Locale, realised: Option<u64>, planned: Option<u64>) -> Cell {
    match (realised, planned) {
        (None, None) => Cell::text(""),
        (r, p) => {
            let text = |n: Option<u64>| n.map_or_else(String::new, |n| l.count(n as usize));
            Cell::text(format!("{} / {}", text(r), text(p))).class("num")
        }
    }
}

/// The roll-up columns after the unit's name.
fn rollup_cells(r: &Rollup, l: Locale, i18n: I18n) -> Vec<Cell> {
    let customers = format!("{} ({})", l.count(r.customers), l.count(r.with_target));
    vec![
        Cell::text(customers).class("num"),
        money_cell(l, r.target),
        money_cell(l, Some(r.revenue_to_date)),
        money_cell(l, r.forecast),
        Cell::share(l, r.attainment),
        status_cell(Some(r.status), i18n),
        contacts_cell(l, r.realised_contacts, r.planned_contacts),
        r.satisfaction.map_or_else(|| Cell::text(""), |s| Cell::number(l.decimal(s, 1), s)),
        Cell::share(l, r.customer_share),
    ]
}

const ROLLUP_COLUMNS: [S; 9] = [
    S::CustomersWithTarget,
    S::Target,
    S::RevenueToDate,
    S::Forecast,
    S::Attainment,
    S::Status,
    S::Contacts,
    S::Satisfaction,
    S::CustomerShare,
];

/// The company, then one table per attribute the customers are rolled up by.
fn rollup_tables(view: &ScorecardView) -> impl IntoView {
    let i18n = use_i18n();
    let company = view.company.clone();
    let company_table = move || {
        let l = i18n.locale();
        let mut row = vec![Cell::text(i18n.t(S::Company))];
        row.extend(rollup_cells(&company, l, i18n));
        TableData {
            caption: format!("{}: {}", i18n.t(S::Rollups), i18n.t(S::Company)),
            columns: columns(S::Unit, &ROLLUP_COLUMNS, i18n),
            rows: vec![row],
            footer: None,
        }
    };
    let by = view.rollups.clone().into_iter().map(move |rollups| {
        let table = move || {
            let l = i18n.locale();
            let name =
                |unit: &Option<String>| unit.clone().unwrap_or_else(|| i18n.t(no_value_of(rollups.attribute)).into());
            let rows =
                rollups.units.iter().map(|u| [vec![Cell::text(name(&u.unit))], rollup_cells(u, l, i18n)].concat());
            TableData {
                caption: format!("{}: {}", i18n.t(S::Rollups), i18n.t(name_of(rollups.attribute))),
                columns: columns(S::Unit, &ROLLUP_COLUMNS, i18n),
                rows: rows.collect(),
                footer: None,
            }
        };
        view! { <DataTable table=Signal::derive(table) file="scorecard-rollup" class="table-compact"/> }
    });
    view! {
        <div class="scorecard-rollup" data-testid="scorecard-rollup">
            <DataTable table=Signal::derive(company_table) file="scorecard-company" class="table-compact"/>
            {by.collect_view()}
        </div>
    }
}

fn columns(first: S, rest: &[S], i18n: I18n) -> Vec<String> {
    std::iter::once(first).chain(rest.iter().copied()).map(|c| i18n.t(c).to_string()).collect()
}

fn customer_table(rows: &[ScoreRow], i18n: I18n) -> TableData {
    let l = i18n.locale();
    let cells = |r: &ScoreRow| {
        vec![
            Cell::customer(&r.customer),
            Cell::text(r.owners[0].clone().unwrap_or_default()),
            money_cell(l, r.target),
            money_cell(l, Some(r.revenue_to_date)),
            money_cell(l, r.forecast),
            Cell::share(l, r.attainment),
            status_cell(Some(r.status), i18n),
            contacts_cell(l, r.realised_contacts.map(u64::from), r.planned_contacts.map(u64::from)),
            count_cell(l, r.satisfaction.map(u64::from)),
            Cell::share(l, r.customer_share),
        ]
    };
    // A customer's columns are the roll-ups' but the count of customers with a target.
    let rest = &ROLLUP_COLUMNS[1..];
    let mut columns = columns(S::Customer, &[], i18n);
    columns.push(i18n.t(name_of(crate::engine::ledger::Attribute::SalesRep)).into());
    columns.extend(rest.iter().map(|&c| i18n.t(c).to_string()));
    TableData { caption: i18n.t(S::PerCustomer).into(), columns, rows: rows.iter().map(cells).collect(), footer: None }
}

/// The KPI cascade: the targets' editor, the strategy map and the cascade's table.
#[component]
fn KpiSection(kpi: LocalResource<crate::ui::components::answer::Answer<KpiView>>, editor: Editor) -> impl IntoView {
    let i18n = use_i18n();
    let workspace = use_workspace();
    // Without a ledger the page's own card says what to do; the cascade would only repeat it.
    move || {
        workspace.is_loaded().then(|| {
            view! {
                <section class="kpi-cascade" data-testid="kpi-cascade">
                    <h2>{move || i18n.t(S::KpiTitle)}</h2>
                    <p class="hint">{move || i18n.t(S::KpiHint)}</p>
                    <TargetsEditor editor/>
                    {show(kpi, draw_kpi)}
                </section>
            }
        })
    }
}

/// The KPI targets, the one table of this page.
const TABLES: &[TableKind] = &[TableKind::KpiTargets];

#[component]
fn TargetsEditor(editor: Editor) -> impl IntoView {
    let i18n = use_i18n();
    view! {
        <div class="card tables-editor" data-testid="kpi-targets-editor">
            <p class="hint">{move || i18n.t(S::TargetsHint)}</p>
            <GridEditor editor kind=TableKind::KpiTargets/>
            <SaveBar editor shown=TABLES label=Words::Scorecard(S::SaveTargets)>
                <WorkbookButton editor tables=TABLES file="kpi-targets"/>
            </SaveBar>
        </div>
    }
}

/// A metric's value in the locale (a share as a percentage, a score with one decimal).
fn value_text(value: Value, l: Locale) -> String {
    match value {
        Value::Money(m) => l.money(m),
        Value::Count(n) => l.count(n as usize),
        Value::Share(s) => l.percent(s),
        Value::Score(s) | Value::Points(s) => l.decimal(s, 1),
    }
}

fn actual_text(actual: Actual, i18n: I18n) -> String {
    match actual {
        Actual::Value(v) => value_text(v, i18n.locale()),
        Actual::Unavailable(lack) => i18n.t(lack_reason(lack)).into(),
    }
}

/// A target (hundredths of the metric's unit) in the locale.
fn target_text(metric: Metric, target: i64, l: Locale) -> String {
    match metric.kind() {
        Kind::Money => l.money(Money::from_cents(target)),
        Kind::Percent => l.percent(target as f64 / 10_000.0),
        Kind::Count if target % 100 == 0 => l.count((target / 100) as usize),
        Kind::Count | Kind::Score { .. } | Kind::Points => l.decimal(target as f64 / 100.0, 1),
    }
}

fn unit_name(unit: &Unit, i18n: I18n) -> String {
    match unit {
        Unit::Company => i18n.t(S::Company).into(),
        Unit::Of { attribute, value } => format!("{}: {value}", i18n.t(name_of(*attribute))),
    }
}

fn draw_kpi(view: KpiView) -> impl IntoView {
    let i18n = use_i18n();
    let unknown = view.unknown_units.clone();
    let company = view.units.first().cloned();
    let units = view.units.clone();
    let year = view.period.label_year();
    view! {
        {(!unknown.is_empty()).then(|| view! {
            <p class="note note-warning" data-testid="unknown-units">{move || unknown_note(&unknown, i18n)}</p>
        })}
        {company.map(|company| view! {
            <ChartFrame title=Signal::derive(move || format!("{} {year}", i18n.t(S::StrategyMap))) file="strategy-map">
                {move || chart_view(map_chart(&company, i18n))}
            </ChartFrame>
        })}
        <DataTable table=Signal::derive(move || kpi_table(&units, year, i18n)) file="kpi-cascade"/>
    }
}

fn unknown_note(targets: &[KpiTarget], i18n: I18n) -> String {
    let units: Vec<String> =
        targets.iter().map(|t| format!("{} ({})", t.unit, i18n.t(metric_name(t.metric)))).collect();
    i18n.t(S::UnknownUnits).replace("{units}", &units.join(", "))
}

fn kpi_table(units: &[KpiUnit], year: i32, i18n: I18n) -> TableData {
    let l = i18n.locale();
    let rows = units.iter().flat_map(|unit| {
        unit.values.iter().map(move |v| {
            let actual = match v.actual {
                Actual::Value(value) => Cell::number(value_text(value, l), raw(value)),
                Actual::Unavailable(_) => Cell::text(actual_text(v.actual, i18n)).class("unavailable"),
            };
            vec![
                Cell::text(unit_name(&unit.unit, i18n)),
                Cell::text(i18n.t(metric_name(v.metric))),
                Cell::text(i18n.t(layer_name(v.metric.layer()))),
                actual,
                v.target
                    .map_or_else(|| Cell::text(""), |t| Cell::number(target_text(v.metric, t, l), t as f64 / 100.0)),
                status_cell(v.status, i18n),
            ]
        })
    });
    TableData {
        caption: format!("{} {year}", i18n.t(S::KpiTitle)),
        columns: columns(S::Unit, &[S::Metric, S::Layer, S::Actual, S::Target, S::Status], i18n),
        rows: rows.collect(),
        footer: None,
    }
}

/// A value as the CSV holds it: money in units, a share as a fraction.
fn raw(value: Value) -> String {
    match value {
        Value::Money(m) => m.to_string(),
        Value::Count(n) => n.to_string(),
        Value::Share(s) => format!("{s:.6}"),
        Value::Score(s) | Value::Points(s) => format!("{s:.4}"),
    }
}

fn light(status: Option<Status>) -> &'static str {
    match status {
        Some(Status::Green) => GOOD,
        Some(Status::Amber) => WARN,
        Some(Status::Red) => BAD,
        _ => MUTED,
    }
}

/// The company's metrics in the balanced scorecard's layers, with the cause-effect links.
fn map_chart(company: &KpiUnit, i18n: I18n) -> Chart {
    let l = i18n.locale();
    let place = |metric: Metric| {
        let layer = Layer::ALL.iter().position(|&x| x == metric.layer()).unwrap_or(0);
        let index = Metric::ALL.iter().filter(|m| m.layer() == metric.layer()).position(|&m| m == metric);
        (layer, index.unwrap_or(0))
    };
    let layers = Layer::ALL
        .iter()
        .map(|&layer| MapLayer {
            name: i18n.t(layer_name(layer)).into(),
            boxes: (company.values.iter().filter(|v| v.metric.layer() == layer))
                .map(|v| MapBox {
                    title: i18n.t(metric_name(v.metric)).into(),
                    lines: [
                        Some(actual_text(v.actual, i18n)),
                        v.target.map(|t| format!("{}: {}", i18n.t(S::Target), target_text(v.metric, t, l))),
                        v.status.map(|s| i18n.t(status_name(s)).to_string()),
                    ]
                    .into_iter()
                    .flatten()
                    .collect(),
                    colour: light(v.status),
                })
                .collect(),
        })
        .collect();
    strategy_map(StrategyMap {
        label: i18n.t(S::StrategyMapLabel).into(),
        layers,
        links: LINKS.iter().map(|&(cause, effect)| (place(cause), place(effect))).collect(),
    })
}

//! The Migration page: the matrix from the year before to the chosen year as a heatmap (counts
//! and revenue per cell), the upward / stable / downward totals, and the customers of the cell
//! the user picks (kept in the address as `cell=small-top`).

use super::Page;
use crate::engine::actions::listed::Listed;
use crate::engine::actions::Origin;
use crate::engine::migration::{
    CellSummary, MigrationCellRequest, MigrationRequest, MigrationSummary, MovedCustomer, Movement, FROM,
};
use crate::engine::period::Period;
use crate::engine::pyramid::Level;
use crate::engine::session::analysis::{CustomerList, Selection};
use crate::i18n::{ActionsMsg as A, AnalysisMsg as M};
use crate::ui::components::add_action::{suggestion, AddAction, ListTarget};
use crate::ui::components::answer::{ask_view, level_name, movement_name, show, state_name};
use crate::ui::components::filters::Filters;
use crate::ui::components::page_shell::AnalysisPage;
use crate::ui::components::table::{cut_note, heat_class, Cell, CsvButton, DataTable, ScrollRegion, TableData};
use crate::ui::i18n::{use_i18n, I18n};
use leptos::prelude::*;
use leptos_router::hooks::query_signal;

/// A cell of the matrix as written in the address: `from-to` with level names (`none` for
/// customers not yet active).
fn cell_key(from: Option<Level>, to: Level) -> String {
    format!("{}-{}", from.map_or("none", Level::name), to.name())
}

fn parse_cell(text: &str) -> Option<(Option<Level>, Level)> {
    let (from, to) = text.split_once('-')?;
    let level = |name: &str| Level::ALL.into_iter().find(|l| l.name() == name);
    let from = if from == "none" { None } else { Some(level(from)?) };
    Some((from, level(to)?))
}

#[component]
pub fn MigrationPage() -> impl IntoView {
    let filters = Filters::main();
    let (cell, set_cell) = query_signal::<String>("cell");
    let answer = ask_view(move || MigrationRequest { selection: filters.selection(), period: filters.period() });
    let chosen = Memo::new(move |_| cell.get().as_deref().and_then(parse_cell));
    let draw = move |m: MigrationSummary| {
        view! {
            <Heatmap migration=m.clone() chosen on_pick=move |key| set_cell.set(Some(key))/>
            <MoveTotalsTable migration=m.clone()/>
            {move || chosen.get().map(|(from, to)| view! {
                <CellCustomers selection=filters.selection() period=m.period from to/>
            })}
        }
    };
    view! { <AnalysisPage page=Page::Migration filters answer draw/> }
}

#[component]
pub(crate) fn Heatmap(
    migration: MigrationSummary,
    chosen: Memo<Option<(Option<Level>, Level)>>,
    on_pick: impl Fn(String) + Copy + Send + Sync + 'static,
) -> impl IntoView {
    let i18n = use_i18n();
    let most = migration.cells.iter().map(|c| c.customers).max().unwrap_or(1).max(1);
    let period = migration.period;
    let cells = migration.cells.clone();
    let csv = Signal::derive(move || cells_table(&cells, period, i18n));
    let cell_of =
        move |from: Option<Level>, to: Level| migration.cells.iter().find(|c| c.from == from && c.to == to).cloned();
    let caption = move || format!("{} {} → {}", i18n.t(M::MigrationMatrix), period.previous(), period);
    view! {
        <div class="table-frame">
            <ScrollRegion label=caption>
                <table class="table table-heatmap" data-table="migration-matrix">
                    <caption>{caption}</caption>
                    <thead>
                        <tr>
                            <th scope="col">{move || format!("{} ↓ / {} →", i18n.t(M::FromState), i18n.t(M::ToState))}</th>
                            {Level::ALL.into_iter().map(|to| view! { <th scope="col" class="num">{move || i18n.t(level_name(to))}</th> }).collect_view()}
                        </tr>
                    </thead>
                    <tbody>
                        {FROM.into_iter().map(|from| view! {
                            <tr>
                                <th scope="row">{move || i18n.t(state_name(from))}</th>
                                {Level::ALL.into_iter().map(|to| match cell_of(from, to) {
                                    None => view! { <td class="heat heat-none"></td> }.into_any(),
                                    Some(cell) => view! { <HeatCell cell most chosen on_pick/> }.into_any(),
                                }).collect_view()}
                            </tr>
                        }).collect_view()}
                    </tbody>
                </table>
            </ScrollRegion>
            <p class="hint screen-only">{move || i18n.t(M::CellHint)}</p>
            <div class="frame-actions"><CsvButton table=csv file="migration-cells"/></div>
        </div>
    }
}

#[component]
fn HeatCell(
    cell: CellSummary,
    most: usize,
    chosen: Memo<Option<(Option<Level>, Level)>>,
    on_pick: impl Fn(String) + Copy + Send + Sync + 'static,
) -> impl IntoView {
    let i18n = use_i18n();
    let key = cell_key(cell.from, cell.to);
    let (from, to) = (cell.from, cell.to);
    let class = format!("{} move-{}", heat_class(cell.customers as f64 / most as f64), movement_class(cell.movement));
    view! {
        <td class=class class:chosen=move || chosen.get() == Some((from, to))>
            // The name is the content (WCAG 2.5.3: it must contain what the cell shows); the
            // hidden words say which cell it is and what the numbers count.
            <button type="button" class="heat-button" data-cell=key.clone() on:click=move |_| on_pick(key.clone())>
                <span class="visually-hidden">{move || format!("{} → {}:", i18n.t(state_name(from)), i18n.t(level_name(to)))}</span>
                <span class="heat-count">{move || i18n.locale().count(cell.customers)}</span>
                <span class="visually-hidden">{move || format!(" {},", i18n.t(M::Customers))}</span>
                <span class="heat-revenue">{move || i18n.locale().money_whole(cell.revenue_to)}</span>
            </button>
        </td>
    }
}

fn movement_class(movement: Movement) -> &'static str {
    match movement {
        Movement::Upward => "up",
        Movement::Stable => "stable",
        Movement::Downward => "down",
    }
}

/// Every cell in long form: the CSV of the heatmap.
fn cells_table(cells: &[CellSummary], period: Period, i18n: I18n) -> TableData {
    let l = i18n.locale();
    let columns = [M::FromState, M::ToState, M::Movement, M::Customers, M::RevenueBefore, M::RevenueAfter];
    TableData {
        caption: format!("{} {} → {}", i18n.t(M::MigrationCells), period.previous(), period),
        columns: columns.iter().map(|&c| i18n.t(c).to_string()).collect(),
        rows: cells
            .iter()
            .map(|c| {
                vec![
                    Cell::text(i18n.t(state_name(c.from))),
                    Cell::text(i18n.t(level_name(c.to))),
                    Cell::text(i18n.t(movement_name(c.movement))),
                    Cell::number(l.count(c.customers), c.customers),
                    Cell::number(l.money(c.revenue_from), c.revenue_from),
                    Cell::number(l.money(c.revenue_to), c.revenue_to),
                ]
            })
            .collect(),
        footer: None,
    }
}

#[component]
pub(crate) fn MoveTotalsTable(migration: MigrationSummary) -> impl IntoView {
    let i18n = use_i18n();
    let table = move || {
        let l = i18n.locale();
        let row = |name: M, class: &str, t: &crate::engine::migration::MoveTotals| {
            vec![
                Cell::text(i18n.t(name)).class(class.to_string()),
                Cell::number(l.count(t.customers), t.customers),
                Cell::number(l.money(t.revenue_from), t.revenue_from),
                Cell::number(l.money(t.revenue_to), t.revenue_to),
                Cell::number(l.money(t.change()), t.change()),
            ]
        };
        let columns = [M::Movement, M::Customers, M::RevenueBefore, M::RevenueAfter, M::Change];
        TableData {
            caption: i18n.t(M::MoveTotals).to_string(),
            columns: columns.iter().map(|&c| i18n.t(c).to_string()).collect(),
            rows: vec![
                row(M::Upward, "move-up", &migration.upward),
                row(M::Stable, "move-stable", &migration.stable),
                row(M::Downward, "move-down", &migration.downward),
            ],
            footer: None,
        }
    };
    view! { <DataTable table=Signal::derive(table) file="migration-movements"/> }
}

/// The customers of one cell, each linking to its page.
#[component]
fn CellCustomers(selection: Selection, period: Period, from: Option<Level>, to: Level) -> impl IntoView {
    let i18n = use_i18n();
    let cell = MigrationCellRequest { selection, period: Some(period), from, to };
    let listed = ListTarget::Listed(Listed::MigrationCell(cell.clone()));
    let answer = ask_view(move || cell.clone());
    let fills =
        move || vec![("from", i18n.t(state_name(from)).to_string()), ("to", i18n.t(level_name(to)).to_string())];
    view! {
        <div class="cell-customers" data-testid="cell-customers">
            <AddAction target=listed origin=Origin::Migration suggest=Callback::new(move |n| suggestion(i18n, A::MigrationCell, fills()).run(n)) name="migration-cell"/>
            {show(answer, move |list: CustomerList<MovedCustomer>| {
                let (shown, total) = (list.items.len(), list.total);
                let table = move || {
                    let l = i18n.locale();
                    TableData {
                        caption: format!("{} {} → {} ({})", i18n.t(M::CellCustomers), i18n.t(state_name(from)), i18n.t(level_name(to)), l.count(list.total)),
                        columns: [M::CustomerName, M::CustomerId, M::RevenueBefore, M::RevenueAfter].iter().map(|&c| i18n.t(c).to_string()).collect(),
                        rows: list.items.iter().map(|m| vec![
                            Cell::customer(&m.customer),
                            Cell::text(m.customer.key.clone()),
                            Cell::number(l.money(m.revenue_from), m.revenue_from),
                            Cell::number(l.money(m.revenue_to), m.revenue_to),
                        ]).collect(),
                        footer: None,
                    }
                };
                view! {
                    <DataTable table=Signal::derive(table) file="migration-customers"/>
                    {cut_note(shown, total)}
                }
            })}
        </div>
    }
}

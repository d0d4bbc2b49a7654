//! The Customer Views page: for one sales rep (in the address as `rep=`), the customer x
//! product-group revenue matrix, the ranked cross-sell white space and the up-sell candidates.

use super::Page;
use crate::engine::actions::listed::Listed;
use crate::engine::actions::Origin;
use crate::engine::views::{CustomerViewsRequest, RepChoice, RepView};
use crate::i18n::PlanningMsg;
use crate::i18n::{ActionsMsg as A, AnalysisMsg as M};
use crate::ui::components::add_action::{suggestion, AddAction, ListTarget};
use crate::ui::components::answer::{ask_view, level_name};
use crate::ui::components::filters::Filters;
use crate::ui::components::page_shell::AnalysisPage;
use crate::ui::components::table::{cut_note, Cell, DataTable, TableData};
use crate::ui::i18n::{use_i18n, I18n};
use leptos::prelude::*;
use leptos_router::hooks::query_signal;

/// The address's value for customers without a rep (a rep's name is never empty).
const NO_REP: &str = "";

/// `rep=Ann` → Ann's customers, `rep=` → those without a rep, no `rep` → the first matrix.
fn rep_choice(rep: Option<String>) -> RepChoice {
    match rep {
        None => RepChoice::First,
        Some(rep) => RepChoice::Rep(Some(rep).filter(|r| r != NO_REP)),
    }
}

#[component]
pub fn ViewsPage() -> impl IntoView {
    let filters = Filters::main();
    let (rep, set_rep) = query_signal::<String>("rep");
    let request = move || CustomerViewsRequest {
        selection: filters.selection(),
        period: filters.period(),
        rep: rep_choice(rep.get()),
    };
    let answer = ask_view(request);
    let draw = move |view: RepView| {
        let groups = view.groups.clone();
        view! {
            <RepPicker view=view.clone() on_pick=move |r| set_rep.set(Some(r))/>
            <RepTables view/>
            <CrossSell request=untrack(request) groups/>
        }
    };
    view! { <AnalysisPage page=Page::Views filters answer draw/> }
}

/// An action per product group for the rep's customers with white space in it.
#[component]
fn CrossSell(request: CustomerViewsRequest, groups: Vec<String>) -> impl IntoView {
    let i18n = use_i18n();
    view! {
        <section class="card level-actions" data-testid="cross-sell-actions">
            <h2>{move || i18n.t(A::CrossSellTitle)}</h2>
            {groups.into_iter().enumerate().map(|(i, group)| {
                let target = ListTarget::Listed(Listed::WhiteSpace { request: request.clone(), group: group.clone() });
                let suggest = suggestion(i18n, A::CrossSell, vec![("group", group.clone())]);
                view! {
                    <div class="level-action">
                        <strong>{group}</strong>
                        <AddAction target origin=Origin::CustomerViews suggest name=format!("cross-sell-{i}")/>
                    </div>
                }
            }).collect_view()}
        </section>
    }
}

#[component]
fn RepPicker(view: RepView, on_pick: impl Fn(String) + Copy + Send + Sync + 'static) -> impl IntoView {
    let i18n = use_i18n();
    let shown = view.rep.clone();
    view! {
        <div class="filter-bar">
            <label class="field">
                <span>{move || i18n.t(M::ChooseRep)}</span>
                <select data-testid="filter-rep" on:change=move |ev| on_pick(event_target_value(&ev))>
                    {view.reps.into_iter().map(|rep| {
                        let selected = rep == shown;
                        let value = rep.clone().unwrap_or_else(|| NO_REP.to_string());
                        view! { <option value=value selected=selected>{move || rep.clone().unwrap_or_else(|| i18n.t(M::NoRep).to_string())}</option> }
                    }).collect_view()}
                </select>
            </label>
        </div>
    }
}

/// Rows of each of the three tables drawn at first, the best-ranked (the first customers of
/// the matrix, the likeliest opportunities): three tables of 100 rows, 2,000-odd cells, were
/// most of the page's tenth of a second at 1M lines (`docs/performance.md`). "Show all" draws
/// the rest; the CSV holds every row.
const VIEW_ROWS: usize = 25;

#[component]
fn RepTables(view: RepView) -> impl IntoView {
    let i18n = use_i18n();
    let notes = (
        view.rows.items.len(),
        view.rows.total,
        view.white_space.items.len(),
        view.white_space.total,
        view.up_sell.items.len(),
        view.up_sell.total,
    );
    let (matrix, space, up) = (view.clone(), view.clone(), view);
    view! {
        <DataTable table=Signal::derive(move || matrix_table(&matrix, i18n)) file="customer-matrix" class="table-compact" first_rows=VIEW_ROWS/>
        {cut_note(notes.0, notes.1)}
        <DataTable table=Signal::derive(move || white_space_table(&space, i18n)) file="white-space" first_rows=VIEW_ROWS/>
        {cut_note(notes.2, notes.3)}
        <DataTable table=Signal::derive(move || up_sell_table(&up, i18n)) file="up-sell" first_rows=VIEW_ROWS/>
        {cut_note(notes.4, notes.5)}
    }
}

fn rep_name(view: &RepView, i18n: I18n) -> String {
    view.rep.clone().unwrap_or_else(|| i18n.t(M::NoRep).to_string())
}

fn matrix_table(view: &RepView, i18n: I18n) -> TableData {
    let l = i18n.locale();
    let money = |m| Cell::number(l.money_whole(m), m);
    let mut columns =
        vec![i18n.t(M::CustomerName).to_string(), i18n.t(M::Level).to_string(), i18n.t(M::Revenue).to_string()];
    columns.extend(view.groups.iter().cloned());
    let rows = view
        .rows
        .items
        .iter()
        .map(|r| {
            let mut row = vec![
                Cell::customer(&r.customer),
                Cell::text(i18n.t(level_name(r.level))).class(format!("level level-{}", r.level.name())),
                money(r.revenue),
            ];
            row.extend(r.by_group.iter().map(|&m| {
                if m == Default::default() {
                    Cell::text("").class("blank")
                } else {
                    money(m)
                }
            }));
            row
        })
        .collect();
    let mut footer = vec![Cell::text(i18n.t(M::Total)), Cell::text(""), money(view.revenue)];
    footer.extend(view.totals.iter().map(|&m| money(m)));
    TableData {
        caption: format!("{} · {} · {}", i18n.t(M::RepMatrix), rep_name(view, i18n), view.period),
        columns,
        rows,
        footer: Some(footer),
    }
}

fn white_space_table(view: &RepView, i18n: I18n) -> TableData {
    let l = i18n.locale();
    TableData {
        caption: format!("{} · {}", i18n.t(M::WhiteSpace), rep_name(view, i18n)),
        columns: [M::CustomerName, M::Level, M::ProductGroup, M::PeersBuying, M::EstimatedValue]
            .iter()
            .map(|&m| i18n.t(m).to_string())
            .chain([i18n.t(PlanningMsg::UncapturedColumn).to_string()])
            .collect(),
        rows: view
            .white_space
            .items
            .iter()
            .map(|w| {
                vec![
                    Cell::customer(&w.customer),
                    Cell::text(i18n.t(level_name(w.level))),
                    Cell::text(w.group.clone()),
                    Cell::number(l.percent(w.peers_buying), format!("{:.6}", w.peers_buying)),
                    Cell::number(l.money(w.estimated_value), w.estimated_value),
                    w.uncaptured.map_or_else(|| Cell::text(""), |u| Cell::number(l.money(u), u)),
                ]
            })
            .collect(),
        footer: None,
    }
}

fn up_sell_table(view: &RepView, i18n: I18n) -> TableData {
    let l = i18n.locale();
    TableData {
        caption: format!("{} · {}", i18n.t(M::UpSell), rep_name(view, i18n)),
        columns: [M::CustomerName, M::Level, M::Revenue, M::LevelMedian, M::Gap]
            .iter()
            .map(|&m| i18n.t(m).to_string())
            .collect(),
        rows: view
            .up_sell
            .items
            .iter()
            .map(|u| {
                vec![
                    Cell::customer(&u.customer),
                    Cell::text(i18n.t(level_name(u.level))),
                    Cell::number(l.money(u.revenue), u.revenue),
                    Cell::number(l.money(u.level_median), u.level_median),
                    Cell::number(l.money(u.gap), u.gap),
                ]
            })
            .collect(),
        footer: None,
    }
}

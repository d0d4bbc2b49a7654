//! The Profitability page (customer-based accounting, issue 13): the cost pools, activities and
//! margins the user enters or imports (kept with the workspace, `editor.rs`), then the account:
//! each pool allocated (a time pool's unused capacity shown), profit per pyramid level, the
//! whale curve with its peak, the top-20 % statement and the loss-makers with the pool that
//! costs each most. `ProfitLessons` is the Overview's card of the same account.

pub(super) mod editor;

use super::Page;
use crate::chart::{line_chart, Axis, Chart, LineChart, LineSeries, MarkedPoint, ReferenceLine, BRAND};
use crate::engine::actions::listed::Listed;
use crate::engine::actions::Origin;
use crate::engine::profitability::{LevelProfit, PoolRow, Profitability, ProfitabilityRequest};
use crate::engine::session::analysis::{CustomerRef, EmptyReason, Selection};
use crate::engine::session::tables::TableKind;
use crate::engine::whale::Whale;
use crate::i18n::profit::note;
use crate::i18n::{ActionsMsg as AM, AnalysisMsg as M, ProfitMsg as P};
use crate::ui::components::add_action::{suggestion, AddAction, ListTarget};
use crate::ui::components::answer::{ask_view, level_name, Answer};
use crate::ui::components::chart::{chart_view, ChartFrame};
use crate::ui::components::filters::Filters;
use crate::ui::components::page_shell::AnalysisPage;
use crate::ui::components::side_tables::{driver_label, Editor};
use crate::ui::components::table::{Cell, DataTable, TableData};
use crate::ui::i18n::{use_i18n, I18n};
use editor::TablesEditor;
use leptos::prelude::*;
use leptos_router::components::A;

#[component]
pub fn ProfitabilityPage() -> impl IntoView {
    let filters = Filters::main();
    let editor = Editor::new();
    let answer = ask_view(move || {
        editor.kept.track();
        ProfitabilityRequest { selection: filters.selection(), period: filters.period() }
    });
    // The margins table is for a ledger without a cost column: the account says when it lacks them.
    // A memo, so that typing in a cell does not draw the margins table again.
    let margins = Memo::new(move |_| {
        let lacking =
            matches!(answer.get(), Some(Answer::Empty(EmptyReason::NoGrossMargin | EmptyReason::MarginMissing)));
        lacking || editor.rows(TableKind::Margins) > 0
    });
    let controls = move || view! { <TablesEditor editor margins/> };
    view! { <AnalysisPage page=Page::Profitability filters answer draw=draw_account controls/> }
}

pub(crate) fn draw_account(account: Profitability) -> AnyView {
    let i18n = use_i18n();
    let (pools, levels, curve, points, losers) =
        (account.clone(), account.clone(), account.clone(), account.clone(), account.clone());
    let notes = account.notes.clone();
    view! {
        {move || notes.iter().map(|n| view! { <p class="card card-empty" role="note">{note(n, i18n.locale())}</p> }).collect_view()}
        <Statement whale=account.whale.clone()/>
        <h2>{move || format!("{} {}", i18n.t(P::PoolsResult), pools.period)}</h2>
        <DataTable table=Signal::derive(move || pools_table(&pools.pools, i18n)) file="cost-pools-allocated"/>
        <h2>{move || format!("{} {}", i18n.t(P::LevelsTitle), levels.period)}</h2>
        <DataTable table=Signal::derive(move || levels_table(&levels.levels, i18n)) file="profit-levels"/>
        {(account.whale.total_profit.is_positive()).then(|| view! {
            <ChartFrame title=Signal::derive(move || format!("{} {}", i18n.t(P::WhaleTitle), curve.period)) file="whale">
                {move || chart_view(whale_chart(&curve.whale, i18n))}
            </ChartFrame>
        })}
        <details class="table-details">
            <summary>{move || i18n.t(P::WhaleTable)}</summary>
            <DataTable table=Signal::derive(move || whale_table(&points.whale, i18n)) file="whale-points"/>
        </details>
        <h2>{move || format!("{} {}", i18n.t(P::LossMakers), losers.period)}</h2>
        {if account.loss_makers.is_empty() {
            view! { <p class="hint">{move || i18n.t(P::NoLossMakers)}</p> }.into_any()
        } else {
            let request = ProfitabilityRequest { selection: untrack(|| Filters::main().selection()), period: Some(losers.period) };
            let suggest = suggestion(i18n, AM::LossMakers, Vec::new());
            view! {
                <AddAction target=ListTarget::Listed(Listed::LossMakers(request)) origin=Origin::Profitability suggest name="loss-makers"/>
                <DataTable table=Signal::derive(move || losers_table(&losers, i18n)) file="loss-makers"/>
            }.into_any()
        }}
    }
    .into_any()
}

/// The whale curve's statements: the peak, the top 20 %, and how many lose money.
#[component]
fn Statement(whale: Whale) -> impl IntoView {
    let i18n = use_i18n();
    let l = move || i18n.locale();
    let peak = move || match whale.peak_share {
        Some(share) => P::Peak
            .text_in(l())
            .replace("{n}", &l().count(whale.peak_customers))
            .replace("{share}", &l().percent(share))
            .replace("{m}", &l().count(whale.customers - whale.peak_customers))
            .replace("{loss}", &l().percent(share - 1.0)),
        None => P::NoShares.text_in(l()).replace("{total}", &l().money(whale.total_profit)),
    };
    let top20 = move || {
        whale.top20_profit_share.map(|share| {
            P::Top20
                .text_in(l())
                .replace("{n}", &l().count(whale.top20_customers))
                .replace("{share}", &l().percent(share))
        })
    };
    view! {
        <div class="stat-row">
            <div class="stat stat-wide" data-testid="whale-statement">
                <div class="stat-value">{peak}</div>
                <div class="stat-label" data-testid="top20-statement">{top20}</div>
            </div>
            <div class="stat" data-testid="loss-makers-count">
                <div class="stat-value">{move || l().count(whale.loss_making_customers)}</div>
                <div class="stat-label">{move || i18n.t(P::LossMakersCount)}</div>
            </div>
            <div class="stat" data-testid="total-profit">
                <div class="stat-value">{move || l().money(whale.total_profit)}</div>
                <div class="stat-label">{move || i18n.t(P::NetProfit)}</div>
            </div>
        </div>
    }
}

/// A text of this page's table in a locale (the statements fill in numbers).
trait TextIn {
    fn text_in(self, locale: crate::i18n::Locale) -> String;
}

impl TextIn for P {
    fn text_in(self, locale: crate::i18n::Locale) -> String {
        crate::i18n::Text::text(self, locale).to_string()
    }
}

fn money_cell(i18n: I18n, amount: crate::engine::money::Money) -> Cell {
    Cell::number(i18n.locale().money(amount), amount)
}

fn minutes_cell(i18n: I18n, minutes: Option<crate::engine::cost_pools::Minutes>) -> Cell {
    minutes.map_or_else(|| Cell::text(""), |m| Cell::number(i18n.locale().decimal(m.hundredths() as f64 / 100.0, 2), m))
}

fn pools_table(pools: &[PoolRow], i18n: I18n) -> TableData {
    TableData {
        caption: i18n.t(P::PoolsResult).to_string(),
        columns: [P::ColPool, P::ColDriver, P::ColAmount, P::Allocated, P::Unused, P::ColCapacity, P::MinutesUsed]
            .iter()
            .map(|&m| i18n.t(m).to_string())
            .collect(),
        rows: pools
            .iter()
            .map(|p| {
                let unused = money_cell(i18n, p.unused);
                vec![
                    Cell::text(p.pool.clone()),
                    Cell::text(i18n.t(driver_label(p.driver))),
                    money_cell(i18n, p.amount),
                    money_cell(i18n, p.allocated),
                    if p.unused.cents() != 0 { unused.class("cell-unused") } else { unused },
                    minutes_cell(i18n, p.capacity),
                    minutes_cell(i18n, p.minutes_used),
                ]
            })
            .collect(),
        footer: None,
    }
}

fn levels_table(levels: &[LevelProfit], i18n: I18n) -> TableData {
    TableData {
        caption: i18n.t(P::LevelsTitle).to_string(),
        columns: vec![
            i18n.t(P::Level).to_string(),
            i18n.t(M::Customers).to_string(),
            i18n.t(M::Revenue).to_string(),
            i18n.t(M::GrossMargin).to_string(),
            i18n.t(P::CostToServe).to_string(),
            i18n.t(P::NetProfit).to_string(),
        ],
        rows: levels
            .iter()
            .map(|r| {
                let name = r.level.map_or_else(|| i18n.t(P::NeverActive), |level| i18n.t(level_name(level)));
                vec![
                    Cell::text(name),
                    Cell::number(i18n.locale().count(r.customers), r.customers),
                    money_cell(i18n, r.revenue),
                    money_cell(i18n, r.gross_margin),
                    money_cell(i18n, r.cost_to_serve),
                    money_cell(i18n, r.net_profit),
                ]
            })
            .collect(),
        footer: None,
    }
}

/// The curve's points as shares: of the customers ranked, and of total profit (drawn only when
/// total profit is above zero, where `Whale`'s shares exist).
fn whale_points(whale: &Whale) -> Vec<(f64, f64)> {
    let (n, total) = (whale.customers.max(1) as f64, whale.total_profit.units_f64());
    whale.curve.iter().map(|p| (p.customers as f64 / n, p.cumulative_profit.units_f64() / total)).collect()
}

fn whale_chart(whale: &Whale, i18n: I18n) -> Chart {
    let l = i18n.locale();
    let share = move |v: f64| l.percent(v);
    let points = whale_points(whale);
    let low = points.iter().map(|p| p.1).fold(0.0f64, f64::min);
    let high = points.iter().map(|p| p.1).fold(1.0f64, f64::max) * 1.1;
    let series =
        LineSeries { name: i18n.t(P::WhaleLine).to_string(), colour: BRAND, points, markers: false, area: false };
    let mut chart = LineChart::new(
        i18n.t(P::WhaleTitle).to_string(),
        Axis::new(i18n.t(P::WhaleX), 0.0..1.0, share),
        Axis::new(i18n.t(P::WhaleY), low..high, share),
        vec![series],
    );
    chart.size = (560, 420);
    chart.reference = Some(ReferenceLine { from: (0.0, 1.0), to: (1.0, 1.0), label: i18n.t(P::Hundred).to_string() });
    chart.marked = whale
        .peak_share
        .map(|peak| MarkedPoint {
            at: (whale.peak_customers as f64 / whale.customers.max(1) as f64, peak),
            label: format!("{} → {}", l.count(whale.peak_customers), l.percent(peak)),
        })
        .into_iter()
        .collect();
    line_chart(chart)
}

fn whale_table(whale: &Whale, i18n: I18n) -> TableData {
    let l = i18n.locale();
    TableData {
        caption: i18n.t(P::WhaleTable).to_string(),
        columns: vec![
            i18n.t(P::RankedCustomers).to_string(),
            i18n.t(P::WhaleLine).to_string(),
            i18n.t(P::WhaleY).to_string(),
        ],
        rows: whale
            .curve
            .iter()
            .map(|p| {
                let share = Some(whale.total_profit)
                    .filter(|t| t.is_positive())
                    .map(|t| p.cumulative_profit.units_f64() / t.units_f64());
                vec![
                    Cell::number(l.count(p.customers), p.customers),
                    money_cell(i18n, p.cumulative_profit),
                    Cell::share(l, share),
                ]
            })
            .collect(),
        footer: None,
    }
}

fn losers_table(account: &Profitability, i18n: I18n) -> TableData {
    TableData {
        caption: i18n.t(P::LossMakers).to_string(),
        columns: vec![
            i18n.t(M::Customers).to_string(),
            i18n.t(P::NetProfit).to_string(),
            i18n.t(P::CostliestPool).to_string(),
        ],
        rows: account
            .loss_makers
            .iter()
            .map(|c| {
                let pool = c.costliest_pool.clone().unwrap_or_else(|| i18n.t(P::NoPool).to_string());
                vec![
                    Cell::customer(&CustomerRef { key: c.key.clone(), name: None }),
                    money_cell(i18n, c.net_profit),
                    Cell::text(pool),
                ]
            })
            .collect(),
        footer: None,
    }
}

/// The Overview's card of the account (the latest year, every line): the top 20 %'s share of
/// profit, the loss-makers and the cost to serve per level, with a link to this page; nothing
/// until cost pools exist.
#[component]
pub fn ProfitLessons() -> impl IntoView {
    let i18n = use_i18n();
    let answer = ask_view(|| ProfitabilityRequest { selection: Selection::default(), period: None });
    move || {
        answer.get().and_then(Answer::ready).map(|account| {
            let whale = account.whale;
            let l = move || i18n.locale();
            let top20 = move || {
                whale.top20_profit_share.map(|s| P::LessonTop20.text_in(l()).replace("{share}", &l().percent(s)))
            };
            let losers = move || P::LessonLoss.text_in(l()).replace("{n}", &l().count(whale.loss_making_customers));
            let levels = account.levels;
            view! {
                <div class="card" data-testid="profit-lessons">
                    <h2>{move || format!("{} {}", i18n.t(P::LessonsTitle), account.period)}</h2>
                    <p>{top20}</p>
                    <p>{losers}</p>
                    // Where the cost to serve goes: per level, beside its revenue and net profit.
                    <DataTable table=Signal::derive(move || levels_table(&levels, i18n)) file="lesson-cost-to-serve"/>
                    <A href=Page::Profitability.path()>{move || i18n.t(P::ToPage)}</A>
                </div>
            }
        })
    }
}

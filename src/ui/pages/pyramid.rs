//! The Customer Pyramid page: the pyramid drawn with Top at the apex, the table per level, the
//! prospects and suspects the user knows of, and an optional second pyramid to compare with.

use super::Page;
use crate::engine::actions::Origin;
use crate::engine::pyramid::{Level, LevelRow, Outside, Pyramid, PyramidRequest, PyramidView};
use crate::i18n::{ActionsMsg as A, AnalysisMsg as M, Locale};
use crate::ui::components::add_action::{suggestion, AddAction, ListTarget};
use crate::ui::components::answer::{ask_view, level_name, reason_words, show, Answer};
use crate::ui::components::chart::{ChartFrame, FONT, INK, LEVELS, MUTED};
use crate::ui::components::filters::{FilterBar, Filters};
use crate::ui::components::page_shell::{AnalysisPage, Beside};
use crate::ui::components::table::{Cell, DataTable, TableData};
use crate::ui::i18n::{use_i18n, I18n};
use crate::ui::settings;
use leptos::prelude::*;

/// Where the user's prospect and suspect counts are kept (they are not in the ledger).
const OUTSIDE: &str = "pyramid.outside";

#[component]
pub fn PyramidPage() -> impl IntoView {
    let main = Filters::main();
    let compare = Filters::with_keys("cperiod", "cscope");
    let outside = RwSignal::new(settings::load::<Outside>(OUTSIDE).unwrap_or_default());
    Effect::new(move |_| settings::save(OUTSIDE, &outside.get()));
    let beside = Beside {
        shown: Signal::derive(move || compare.is_set()),
        view: ViewFn::from(move || show(ask_pyramid(compare, outside), draw_pyramid)),
    };
    view! {
        <AnalysisPage page=Page::Pyramid filters=main cut_offs=true answer=ask_pyramid(main, outside) draw=draw_pyramid
            controls=move || view! { <FilterBar filters=compare label=M::CompareWith/> }
            beside
            after=move || view! { <LevelActions/><OutsideCounts outside/> }/>
    }
}

/// An action for the customers of a level (at the action's start), per level.
#[component]
fn LevelActions() -> impl IntoView {
    let i18n = use_i18n();
    view! {
        <section class="card level-actions" data-testid="level-actions">
            <h2>{move || i18n.t(A::AddToActions)}</h2>
            {Level::ALL.map(|level| {
                let fills = move || vec![("level", i18n.t(level_name(level)).to_lowercase())];
                let suggest = Callback::new(move |n| suggestion(i18n, A::LevelAction, fills()).run(n));
                view! {
                    <div class="level-action">
                        <strong>{move || i18n.t(level_name(level))}</strong>
                        <AddAction target=ListTarget::Level(level) origin=Origin::Pyramid suggest name=level.name()/>
                    </div>
                }
            }).collect_view()}
        </section>
    }
}

pub(crate) fn ask_pyramid(filters: Filters, outside: RwSignal<Outside>) -> LocalResource<Answer<PyramidView>> {
    ask_view(move || PyramidRequest {
        selection: filters.selection(),
        period: filters.period(),
        outside: outside.get(),
    })
}

/// The pyramid of one period and scope: chart and table.
pub(crate) fn draw_pyramid(PyramidView { pyramid, without_margins }: PyramidView) -> impl IntoView {
    let i18n = use_i18n();
    let year = pyramid.period.label_year();
    let chart = pyramid.clone();
    let table = pyramid.clone();
    view! {
        <div class="pyramid-view">
            <h2 class="view-title">{year}</h2>
            <ChartFrame title=Signal::derive(move || format!("{} {year}", i18n.t(M::PyramidChart))) file="pyramid">
                {move || pyramid_svg(&chart, i18n)}
            </ChartFrame>
            <DataTable table=Signal::derive(move || level_table(&table, i18n)) file="pyramid-levels"/>
            {without_margins.map(|r| view! { <p class="note" data-testid="no-margins">{move || reason_words(i18n, r)}</p> })}
        </div>
    }
}

const WIDTH: f64 = 640.0;
const BAND: f64 = 58.0;
const APEX: (f64, f64) = (190.0, 16.0);
const HALF_BASE: f64 = 175.0;

/// Four bands of equal height in a triangle, Top at the apex, then the bands outside the
/// pyramid (inactive, prospects, suspects) as bars below it. Labels on the right.
fn pyramid_svg(pyramid: &Pyramid, i18n: I18n) -> impl IntoView {
    let l = i18n.locale();
    let half = |y: f64| (y - APEX.1) / (4.0 * BAND) * HALF_BASE;
    let mut below: Vec<(M, Option<u64>, &str)> =
        vec![(M::Inactive, pyramid.row(Level::Inactive).map(|r| r.customers as u64), LEVELS[4])];
    below.extend(
        [(M::Prospects, pyramid.outside.prospects, "#dfe4ea"), (M::Suspects, pyramid.outside.suspects, "#eef1f4")]
            .into_iter()
            .filter(|(_, n, _)| n.is_some()),
    );
    let height = APEX.1 + 4.0 * BAND + 12.0 + below.len() as f64 * 34.0 + 8.0;
    let bands = Level::ACTIVE.iter().enumerate().map(|(i, &level)| {
        let (y0, y1) = (APEX.1 + i as f64 * BAND, APEX.1 + (i + 1) as f64 * BAND);
        let (x, w0, w1) = (APEX.0, half(y0), half(y1));
        let points = format!("{},{y0} {},{y0} {},{y1} {},{y1}", x - w0, x + w0, x + w1, x - w1);
        let row = pyramid.row(level);
        let customers = row.map_or(0, |r| r.customers);
        let share = row.and_then(|r| r.revenue_share).map(|s| l.percent(s)).unwrap_or_default();
        let revenue = row.map(|r| l.money_whole(r.revenue)).unwrap_or_default();
        let label_y = (y0 + y1) / 2.0;
        view! {
            <polygon points=points fill=LEVELS[i] stroke="#ffffff" stroke-width="2"/>
            <line x1=x + (w0 + w1) / 2.0 + 6.0 y1=label_y x2="392" y2=label_y stroke="#c4ccd6" stroke-dasharray="2 3"/>
            <text x="400" y=label_y - 4.0 font-weight="600" fill=INK font-size="14">{format!("{} · {}", i18n.t(level_name(level)), l.count(customers))}</text>
            <text x="400" y=label_y + 14.0 fill=MUTED font-size="12">{format!("{revenue} · {share}")}</text>
        }
    }).collect_view();
    let outside_top = APEX.1 + 4.0 * BAND + 12.0;
    let outside = below.into_iter().enumerate().map(|(i, (name, count, colour))| {
        let y = outside_top + i as f64 * 34.0;
        view! {
            <rect x=APEX.0 - HALF_BASE y=y width=2.0 * HALF_BASE height="28" rx="3" fill=colour/>
            <text x="400" y=y + 19.0 fill=INK font-size="13">{format!("{} · {}", i18n.t(name), count.map(|n| l.integer(n as i64)).unwrap_or_default())}</text>
        }
    }).collect_view();
    view! {
        <svg xmlns="http://www.w3.org/2000/svg" width=WIDTH height=height viewBox=format!("0 0 {WIDTH} {height}") font-family=FONT role="img"
            aria-label=format!("{} {}", i18n.t(M::PyramidChart), pyramid.period)>
            <rect width=WIDTH height=height fill="#ffffff"/>
            {bands}
            {outside}
        </svg>
    }
}

fn level_table(pyramid: &Pyramid, i18n: I18n) -> TableData {
    let l = i18n.locale();
    let columns = [
        M::Level,
        M::Customers,
        M::CustomerShare,
        M::Revenue,
        M::RevenueShare,
        M::AverageRevenue,
        M::GrossMargin,
        M::MarginShare,
    ];
    let mut rows: Vec<Vec<Cell>> = pyramid.levels.iter().map(|row| level_row(row, l, i18n)).collect();
    for (name, count) in [(M::Prospects, pyramid.outside.prospects), (M::Suspects, pyramid.outside.suspects)] {
        if let Some(n) = count {
            let mut row = vec![Cell::text(i18n.t(name)), Cell::number(l.integer(n as i64), n)];
            row.extend((0..6).map(|_| Cell::text("")));
            rows.push(row);
        }
    }
    let total = vec![
        Cell::text(i18n.t(M::ActiveCustomers)),
        Cell::number(l.count(pyramid.active_customers), pyramid.active_customers),
        Cell::number(l.percent(1.0), 1),
        Cell::number(l.money(pyramid.active_revenue), pyramid.active_revenue),
        Cell::number(l.percent(1.0), 1),
    ];
    TableData {
        caption: format!("{} {}", i18n.t(M::PyramidTable), pyramid.period),
        columns: columns.iter().map(|&c| i18n.t(c).to_string()).collect(),
        rows,
        footer: Some(total.into_iter().chain((0..3).map(|_| Cell::text(""))).collect()),
    }
}

fn level_row(row: &LevelRow, l: Locale, i18n: I18n) -> Vec<Cell> {
    let money = |m: Option<_>| m.map_or_else(|| Cell::text(""), |m| Cell::number(l.money(m), m));
    vec![
        Cell::text(i18n.t(level_name(row.level))).class(format!("level level-{}", row.level.name())),
        Cell::number(l.count(row.customers), row.customers),
        Cell::share(l, row.customer_share),
        Cell::number(l.money(row.revenue), row.revenue),
        Cell::share(l, row.revenue_share),
        money(row.average_revenue),
        money(row.gross_margin),
        Cell::share(l, row.gross_margin_share),
    ]
}

/// The prospect and suspect counts the user enters; empty hides them.
#[component]
fn OutsideCounts(outside: RwSignal<Outside>) -> impl IntoView {
    let i18n = use_i18n();
    let parse = |ev: &leptos::ev::Event| event_target_value(ev).trim().parse::<u64>().ok();
    let shown = |n: Option<u64>| n.map(|n| n.to_string()).unwrap_or_default();
    view! {
        <div class="card outside-counts">
            <p class="hint">{move || i18n.t(M::ProspectsHint)}</p>
            <div class="filter-bar">
                <label class="field field-small">
                    <span>{move || i18n.t(M::Prospects)}</span>
                    <input type="number" min="0" step="1" data-testid="prospects" prop:value=move || shown(outside.get().prospects)
                        on:change=move |ev| outside.update(|o| o.prospects = parse(&ev))/>
                </label>
                <label class="field field-small">
                    <span>{move || i18n.t(M::Suspects)}</span>
                    <input type="number" min="0" step="1" data-testid="suspects" prop:value=move || shown(outside.get().suspects)
                        on:change=move |ev| outside.update(|o| o.suspects = parse(&ev))/>
                </label>
            </div>
        </div>
    }
}

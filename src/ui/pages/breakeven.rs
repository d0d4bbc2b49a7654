//! The Breakeven page: "profitability does not guarantee solvency". Two views side by side, the
//! volume breakeven (profit- and cash-based) and an investment month by month, from the user's
//! own figures: no ledger, so no filter bar. Every entry is kept in the address (a scenario is a
//! link) and read and checked by the engine (`BreakevenRequest`); this page only draws.

use super::Page;
use crate::chart::{extent_from_zero, line_chart, nice_ticks, Axis, Chart, LineChart, LineSeries, MarkedPoint, SERIES};
use crate::engine::breakeven::{
    BreakevenError, BreakevenInput, BreakevenPoint, BreakevenRequest, BreakevenView, InvestmentBreakeven,
    InvestmentEntries, VolumeBreakeven, VolumeEntries,
};
use crate::i18n::breakeven::{breakeven_error, gap_in_words, input_label};
use crate::i18n::BreakevenMsg as B;
use crate::ui::components::answer::ask_view;
use crate::ui::components::chart::{chart_view, ChartFrame};
use crate::ui::components::page_shell::AnalysisPage;
use crate::ui::components::table::{Cell, DataTable, TableData};
use crate::ui::i18n::{use_i18n, I18n};
use leptos::prelude::*;
use leptos_router::hooks::query_signal;

/// One entry of the page: the input it is, its key in the address and the example it starts
/// with.
#[derive(Copy, Clone)]
struct Entry {
    input: BreakevenInput,
    key: &'static str,
    example: &'static str,
    value: Memo<Option<String>>,
    set: SignalSetter<Option<String>>,
}

impl Entry {
    fn new(input: BreakevenInput, key: &'static str, example: &'static str) -> Entry {
        let (value, set) = query_signal::<String>(key);
        Entry { input, key, example, value, set }
    }

    fn text(self) -> String {
        self.value.get().unwrap_or_else(|| self.example.to_string())
    }
}

/// The volume view's entries; the example is the one worked by hand in `engine/breakeven.rs`.
fn volume_entries() -> [Entry; 5] {
    use BreakevenInput as I;
    [
        Entry::new(I::Fixed, "fixed", "10000"),
        Entry::new(I::NonCash, "non-cash", "2500"),
        Entry::new(I::Price, "price", "50"),
        Entry::new(I::UnitCost, "unit-cost", "30"),
        Entry::new(I::ExpectedUnits, "volume", "800"),
    ]
}

/// The investment's entries; the example is `engine/breakeven.rs`'s hand-worked one in hundreds
/// (the same months: profit breaks even in month 3, cash in month 9) over two years.
fn investment_entries() -> [Entry; 9] {
    use BreakevenInput as I;
    [
        Entry::new(I::Investment, "investment", "120000"),
        Entry::new(I::DepreciationMonths, "depreciation-months", "12"),
        Entry::new(I::FixedMonthly, "fixed-monthly", "10000"),
        Entry::new(I::RevenueMonthly, "revenue-monthly", "100000"),
        Entry::new(I::RampMonths, "ramp-months", "4"),
        Entry::new(I::Margin, "margin", "40"),
        Entry::new(I::CustomerDays, "customer-days", "45"),
        Entry::new(I::SupplierDays, "supplier-days", "30"),
        Entry::new(I::Months, "months", "24"),
    ]
}

fn request(volume: &[Entry; 5], investment: &[Entry; 9]) -> BreakevenRequest {
    let [fixed, non_cash, price, unit_cost, expected_units] = volume.map(Entry::text);
    let [investment, depreciation_months, fixed_monthly, revenue_monthly, ramp_months, margin, customer_days, supplier_days, months] =
        investment.map(Entry::text);
    BreakevenRequest {
        volume: Box::new(VolumeEntries { fixed, non_cash, price, unit_cost, expected_units }),
        investment: Box::new(InvestmentEntries {
            investment,
            depreciation_months,
            fixed_monthly,
            revenue_monthly,
            ramp_months,
            margin,
            customer_days,
            supplier_days,
            months,
        }),
    }
}

#[component]
pub fn BreakevenPage() -> impl IntoView {
    let i18n = use_i18n();
    let (volume, investment) = (volume_entries(), investment_entries());
    let answer = ask_view(move || request(&volume, &investment));
    let controls = move || {
        view! {
            <div class="card card-seed" role="note"><p>{move || i18n.t(B::Seed)}</p></div>
            <div class="side-by-side compared breakeven-entries">
                <Entries title=B::VolumeTitle intro=B::VolumeIntro name="volume" entries=volume.to_vec()/>
                <Entries title=B::InvestmentTitle intro=B::InvestmentIntro name="investment" entries=investment.to_vec()/>
            </div>
        }
    };
    view! { <AnalysisPage page=Page::Breakeven controls answer draw=draw_breakeven/> }
}

#[component]
fn Entries(title: B, intro: B, name: &'static str, entries: Vec<Entry>) -> impl IntoView {
    let i18n = use_i18n();
    view! {
        <fieldset class="card breakeven-inputs" data-view=name>
            <legend>{move || i18n.t(title)}</legend>
            <p class="hint">{move || i18n.t(intro)}</p>
            {entries.into_iter().map(|e| view! {
                <label class="field">
                    <span>{move || i18n.t(input_label(e.input))}</span>
                    <input type="text" inputmode="decimal" name=e.key data-entry=e.key
                        prop:value=move || e.text()
                        on:change=move |ev| e.set.set(Some(event_target_value(&ev)))/>
                </label>
            }).collect_view()}
        </fieldset>
    }
}

fn draw_breakeven(view: BreakevenView) -> AnyView {
    let BreakevenView { volume, investment } = view;
    let months = investment.clone();
    view! {
        <div class="side-by-side compared breakeven-results">
            <section class="breakeven-result" data-testid="volume-result">{or_error(volume, draw_volume)}</section>
            <section class="breakeven-result" data-testid="investment-result">{or_error(investment, draw_months)}</section>
        </div>
        {months.ok().map(draw_investment)}
    }
    .into_any()
}

/// A view, or its error worded in the user's language.
fn or_error<T>(result: Result<T, BreakevenError>, draw: fn(T) -> AnyView) -> AnyView {
    let i18n = use_i18n();
    match result {
        Ok(value) => draw(value),
        Err(error) => view! {
            <div class="card card-empty" role="alert" data-testid="breakeven-error">
                <p>{move || breakeven_error(&error, i18n.locale())}</p>
            </div>
        }
        .into_any(),
    }
}

fn draw_volume(v: VolumeBreakeven) -> AnyView {
    let i18n = use_i18n();
    view! {
        <div class="stat-row">
            <div class="stat">
                <div class="stat-value">{move || i18n.locale().money(v.unit_contribution)}</div>
                <div class="stat-label">{move || i18n.t(B::UnitContribution)}</div>
            </div>
            <Point title=B::ProfitBreakeven point=v.profit testid="volume-profit"/>
            <Point title=B::CashBreakeven point=v.cash testid="volume-cash"/>
        </div>
    }
    .into_any()
}

#[component]
fn Point(title: B, point: BreakevenPoint, testid: &'static str) -> impl IntoView {
    let i18n = use_i18n();
    let l = move || i18n.locale();
    let safety = move || {
        point.safety_units.zip(point.safety_share).map(|(units, share)| {
            format!(
                "{}: {} {} ({})",
                i18n.t(B::SafetyMargin),
                l().decimal(units, 1),
                i18n.t(B::Units),
                l().percent(share)
            )
        })
    };
    view! {
        <div class="stat" data-testid=testid data-units=format!("{:.2}", point.units)>
            <div class="stat-value">{move || format!("{} {}", l().decimal(point.units, 1), i18n.t(B::Units))}</div>
            <div class="stat-label">{move || i18n.t(title)}</div>
            <div class="stat-label">{move || format!("{} {}", i18n.t(B::RevenueOf), l().money(point.revenue))}</div>
            <div class="stat-label">{safety}</div>
        </div>
    }
}

/// The breakeven months and the gap between them in words.
fn draw_months(b: InvestmentBreakeven) -> AnyView {
    let i18n = use_i18n();
    let month = |m: Option<u32>| m.map_or_else(|| "-".to_string(), |m| m.to_string());
    let (profit, cash) = (b.profit_breakeven_month, b.cash_breakeven_month);
    view! {
        <div class="stat-row">
            <div class="stat" data-testid="profit-month" data-month=month(profit)>
                <div class="stat-value">{move || format!("{} {}", i18n.t(B::Month), month(profit))}</div>
                <div class="stat-label">{move || i18n.t(B::ProfitBreakeven)}</div>
            </div>
            <div class="stat" data-testid="cash-month" data-month=month(cash)>
                <div class="stat-value">{move || format!("{} {}", i18n.t(B::Month), month(cash))}</div>
                <div class="stat-label">{move || i18n.t(B::CashBreakeven)}</div>
            </div>
        </div>
        <p class="lead" data-testid="breakeven-gap">{move || gap_in_words(profit, cash, i18n.locale())}</p>
    }
    .into_any()
}

/// The chart of the five series and its text alternative, the month table.
fn draw_investment(b: InvestmentBreakeven) -> AnyView {
    let i18n = use_i18n();
    let (chart, table) = (b.clone(), b);
    view! {
        <ChartFrame title=Signal::derive(move || i18n.t(B::ChartTitle).to_string()) file="breakeven">
            {move || chart_view(months_chart(&chart, i18n))}
        </ChartFrame>
        <DataTable table=Signal::derive(move || months_table(&table, i18n)) file="breakeven-months"/>
    }
    .into_any()
}

type Figure = fn(&crate::engine::breakeven::Month) -> crate::engine::money::Money;

/// The five series of the month table, in its column order.
const FIGURES: [(B, Figure); 5] = [
    (B::Revenue, |m| m.revenue),
    (B::Profit, |m| m.profit),
    (B::CumulativeProfit, |m| m.cumulative_profit),
    (B::Cash, |m| m.cash),
    (B::CumulativeCash, |m| m.cumulative_cash),
];

/// Month by month on one chart, with the zero line and each breakeven month marked on its
/// cumulative line.
fn months_chart(b: &InvestmentBreakeven, i18n: I18n) -> Chart {
    let l = i18n.locale();
    let last = b.months.last().map_or(1.0, |m| f64::from(m.month.max(1)));
    let values = b.months.iter().flat_map(|m| FIGURES.map(|(_, f)| f(m).units_f64()));
    let y_range = extent_from_zero(values);
    let series: Vec<LineSeries> = FIGURES
        .iter()
        .enumerate()
        .map(|(i, &(name, figure))| LineSeries {
            name: i18n.t(name).to_string(),
            colour: SERIES[i],
            points: b.months.iter().map(|m| (f64::from(m.month), figure(m).units_f64())).collect(),
            markers: false,
            area: false,
        })
        .collect();
    let x = Axis::new(i18n.t(B::Month), 0.0..last, move |v| format!("{v:.0}"))
        .with_ticks(nice_ticks(&(0.0..last), 8).into_iter().filter(|t| t.fract() == 0.0).collect());
    let y = Axis::new(i18n.t(B::Amount), y_range, move |v| l.integer(v.round() as i64));
    let mut chart = LineChart::new(i18n.t(B::ChartTitle).to_string(), x, y, series);
    // Short labels ("Profit: 3"), so two months close together stay readable; the stats above the
    // chart name them in full.
    let marks = [(B::Profit, b.profit_breakeven_month), (B::Cash, b.cash_breakeven_month)];
    for (name, month) in marks {
        let Some(row) = month.and_then(|m| b.months.get(m as usize)) else { continue };
        let figure = if name == B::Profit { row.cumulative_profit } else { row.cumulative_cash };
        chart.marked.push(MarkedPoint {
            at: (f64::from(row.month), figure.units_f64()),
            label: format!("{}: {}", i18n.t(name), row.month),
        });
    }
    chart.zero_line = true;
    line_chart(chart)
}

fn months_table(b: &InvestmentBreakeven, i18n: I18n) -> TableData {
    let l = i18n.locale();
    TableData {
        caption: i18n.t(B::MonthTable).to_string(),
        columns: std::iter::once(B::Month)
            .chain(FIGURES.map(|(name, _)| name))
            .map(|m| i18n.t(m).to_string())
            .collect(),
        rows: b
            .months
            .iter()
            .map(|m| {
                std::iter::once(Cell::number(m.month.to_string(), m.month))
                    .chain(FIGURES.map(|(_, f)| Cell::number(l.money(f(m)), f(m))))
                    .collect()
            })
            .collect(),
        footer: None,
    }
}

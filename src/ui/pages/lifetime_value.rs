//! The Lifetime Value page: BG/NBD, Pareto/NBD and Gamma-Gamma fitted in the worker on a calibration
//! period (`cal=YYYY-MM-DD`, `unit=day|week|month`, `horizon=N`, `rate=10` in the address), every
//! customer's forecast and discounted value, the totals per level and per cohort, the simple CLV with
//! its inputs (`retention=`, `margin=` typed over the data's, in %), and the holdout check.

use super::Page;
use crate::chart::{
    bar_chart, line_chart, Axis, Bar, BarChart, BarSeries, Chart, LineChart, LineSeries, MarkedPoint, SERIES,
};
use crate::engine::clv::fit::{FitError, Model};
use crate::engine::clv::holdout::{Holdout, PAliveMatrix, FREQUENCY_ROWS};
use crate::engine::clv::purchase_history::TimeUnit;
use crate::engine::clv::request::{
    Fitted, LifetimeValueRequest, LifetimeValueView, SimpleOverrides, SimpleView, ValueTotal,
};
use crate::engine::date::Day;
use crate::engine::money::Money;
use crate::i18n::lifetime_value::fit_error;
use crate::i18n::LifetimeMsg as L;
use crate::ui::components::answer::{ask_view, level_name, Answer};
use crate::ui::components::chart::{chart_view, ChartFrame};
use crate::ui::components::filters::Filters;
use crate::ui::components::page_shell::AnalysisPage;
use crate::ui::components::table::{cut_note, heat_class, Cell, DataTable, TableData};
use crate::ui::i18n::{use_i18n, I18n};
use leptos::prelude::*;
use leptos_router::hooks::query_signal;

/// The page's own inputs, kept in the address.
#[derive(Copy, Clone)]
struct Inputs {
    calibration_end: Signal<Option<Day>>,
    unit: Signal<TimeUnit>,
    horizon: Signal<Option<u32>>,
    /// Percent.
    rate: Signal<f64>,
    retention: Signal<Option<f64>>,
    margin: Signal<Option<f64>>,
}

/// The default annual discount rate, in percent.
const DEFAULT_RATE: f64 = 10.0;

#[component]
pub fn LifetimeValuePage() -> impl IntoView {
    let filters = Filters::main();
    let (cal, set_cal) = query_signal::<String>("cal");
    let (unit, set_unit) = query_signal::<String>("unit");
    let (horizon, set_horizon) = query_signal::<u32>("horizon");
    let (rate, set_rate) = query_signal::<f64>("rate");
    let (retention, set_retention) = query_signal::<f64>("retention");
    let (margin, set_margin) = query_signal::<f64>("margin");
    let inputs = Inputs {
        calibration_end: Signal::derive(move || cal.get().as_deref().and_then(parse_day)),
        unit: Signal::derive(move || unit.get().as_deref().and_then(TimeUnit::from_name).unwrap_or_default()),
        horizon: horizon.into(),
        rate: Signal::derive(move || rate.get().filter(|r| r.is_finite() && *r >= 0.0).unwrap_or(DEFAULT_RATE)),
        retention: Signal::derive(move || retention.get().filter(|r| (0.0..100.0).contains(r)).map(|r| r / 100.0)),
        margin: Signal::derive(move || margin.get().filter(|m| (0.0..=100.0).contains(m)).map(|m| m / 100.0)),
    };
    let answer = ask_view(move || LifetimeValueRequest {
        selection: filters.selection(),
        calibration_end: inputs.calibration_end.get(),
        unit: inputs.unit.get(),
        horizon: inputs.horizon.get(),
        discount_rate: inputs.rate.get() / 100.0,
        simple: SimpleOverrides { retention: inputs.retention.get(), margin: inputs.margin.get() },
    });
    let i18n = use_i18n();
    // The inputs left empty show what the answer used: the default calibration end and horizon.
    let used = Memo::new(move |_| {
        answer.get().and_then(Answer::ready).map(|v| (v.calibration_end.to_string(), v.settings.horizon.to_string()))
    });
    let number = |ev: &leptos::ev::Event| event_target_value(ev).trim().replace(',', ".").parse::<f64>().ok();
    let controls = move || {
        view! {
            <div class="filter-bar">
                <label class="field">
                    <span>{move || i18n.t(L::CalibrationEnd)}</span>
                    <input type="date" data-testid="clv-calibration-end" prop:value=move || cal.get().or_else(|| used.get().map(|u| u.0)).unwrap_or_default()
                        on:change=move |ev| set_cal.set(Some(event_target_value(&ev)).filter(|v| parse_day(v).is_some()))/>
                </label>
                <label class="field">
                    <span>{move || i18n.t(L::TimeUnit)}</span>
                    <select data-testid="clv-unit" on:change=move |ev| set_unit.set(Some(event_target_value(&ev)))>
                        {TimeUnit::ALL.into_iter().map(|u| view! {
                            <option value=u.name() selected=move || inputs.unit.get() == u>{move || i18n.t(unit_name(u))}</option>
                        }).collect_view()}
                    </select>
                </label>
                <label class="field field-small">
                    <span>{move || i18n.t(L::Horizon)}</span>
                    <input type="number" min="1" step="1" data-testid="clv-horizon"
                        prop:value=move || inputs.horizon.get().map(|h| h.to_string()).or_else(|| used.get().map(|u| u.1)).unwrap_or_default()
                        on:change=move |ev| set_horizon.set(number(&ev).filter(|h| *h >= 1.0).map(|h| h as u32))/>
                </label>
                <label class="field field-small">
                    <span>{move || i18n.t(L::DiscountRate)}</span>
                    <input type="number" min="0" step="0.5" data-testid="clv-rate" prop:value=move || inputs.rate.get().to_string()
                        on:change=move |ev| set_rate.set(number(&ev).filter(|r| *r >= 0.0))/>
                </label>
            </div>
        }
    };
    let draw = move |view: LifetimeValueView| {
        let simple = view.simple.clone();
        let on_retention = Callback::new(move |v: Option<f64>| set_retention.set(v));
        let on_margin = Callback::new(move |v: Option<f64>| set_margin.set(v));
        view! {
            <Calibration view=view.clone()/>
            {match view.fitted.clone() {
                Ok(fitted) => view! { <Probabilistic view=view.clone() fitted=*fitted/> }.into_any(),
                Err(error) => view! { <FitFailed error/> }.into_any(),
            }}
            <Simple simple on_retention on_margin/>
        }
    };
    view! { <AnalysisPage page=Page::LifetimeValue filters every_period=true controls answer draw/> }
}

fn parse_day(text: &str) -> Option<Day> {
    let mut parts = text.splitn(3, '-').map(|p| p.parse::<u32>().ok());
    let (y, m, d) = (parts.next()??, parts.next()??, parts.next()??);
    Day::from_ymd(i32::try_from(y).ok()?, m, d)
}

fn unit_name(unit: TimeUnit) -> L {
    match unit {
        TimeUnit::Day => L::Days,
        TimeUnit::Week => L::Weeks,
        TimeUnit::Month => L::Months,
    }
}

#[component]
fn Calibration(view: LifetimeValueView) -> impl IntoView {
    let i18n = use_i18n();
    let holdout_end = view.fitted.as_ref().ok().and_then(|f| f.holdout.as_ref()).map(|h| h.end);
    view! {
        <p class="hint" data-testid="clv-calibration">
            {move || {
                let l = i18n.locale();
                let mut text = format!("{} {}", i18n.t(L::CalibratedTo), l.date(view.calibration_end));
                if view.default_calibration_end {
                    text = format!("{text} {}", i18n.t(L::DefaultCalibration));
                }
                if let Some(end) = holdout_end {
                    text = format!("{text}; {} {}", i18n.t(L::HoldoutTo), l.date(end));
                }
                text
            }}
        </p>
    }
}

#[component]
fn FitFailed(error: FitError) -> impl IntoView {
    let i18n = use_i18n();
    let model = match error {
        FitError::DidNotConverge(model) => format!("{} ", model.name()),
        _ => String::new(),
    };
    view! {
        <div class="card card-empty" role="note" data-testid="clv-fit-failed">
            <p>{move || format!("{} {model}{}", i18n.t(L::FitFailed), i18n.t(fit_error(error)))}</p>
        </div>
    }
}

#[component]
fn Probabilistic(view: LifetimeValueView, fitted: Fitted) -> impl IntoView {
    let i18n = use_i18n();
    let unit = view.unit;
    let (params, levels, cohorts, customers) = (fitted.clone(), fitted.clone(), fitted.clone(), fitted.clone());
    let (shown, total) = (fitted.customers.items.len(), fitted.customers.total);
    let valued = fitted.value.clv_model.name();
    view! {
        <h2>{move || i18n.t(L::Parameters)}</h2>
        <DataTable table=Signal::derive(move || parameters_table(&params, i18n)) file="clv-parameters"/>
        <p class="hint" data-testid="clv-valued-with">{move || format!("{} {valued}. {}", i18n.t(L::ValuedWith), i18n.t(L::SpendNote))}</p>
        {fitted.value.pareto_nbd.alike_dropout.then(|| view! {
            <p class="hint" data-testid="clv-alike-dropout">{move || i18n.t(L::AlikeDropout)}</p>
        })}
        <p class="hint">{move || i18n.t(L::FutureNote)}</p>
        <DataTable table=Signal::derive(move || totals_table(&levels.by_level, L::PerLevel, |k, i| i.t(level_name(*k)).to_string(), i18n)) file="clv-levels"/>
        <DataTable table=Signal::derive(move || totals_table(&cohorts.by_cohort, L::PerCohort, |k, _| k.to_string(), i18n)) file="clv-cohorts"/>
        <DataTable table=Signal::derive(move || customers_table(&customers, unit, i18n)) file="clv-customers" class="table-compact"/>
        {cut_note(shown, total)}
        <h2>{move || i18n.t(L::HoldoutCheck)}</h2>
        <p class="hint">{move || i18n.t(L::HoldoutAbout)}</p>
        {match fitted.holdout.clone() {
            Some(holdout) => view! { <HoldoutCharts holdout/> }.into_any(),
            None => view! { <p class="hint" data-testid="clv-no-holdout">{move || i18n.t(L::NoHoldout)}</p> }.into_any(),
        }}
        <AliveMatrix matrix=fitted.p_alive.clone() unit/>
    }
}

fn column_titles(i18n: I18n, titles: &[L]) -> Vec<String> {
    titles.iter().map(|&t| i18n.t(t).to_string()).collect()
}

fn parameters_table(f: &Fitted, i18n: I18n) -> TableData {
    let l = i18n.locale();
    let d = move |v: f64| l.decimal(v, 4);
    let m = &f.value;
    let bg = &m.bgnbd.params;
    let pn = &m.pareto_nbd.params;
    let gg = &m.gamma_gamma.params;
    let row = |model: Model, params: String, ll: f64, bic: f64| {
        vec![
            Cell::text(model.name()),
            Cell::text(params),
            Cell::number(l.decimal(ll, 1), ll),
            Cell::number(l.decimal(bic, 1), bic),
        ]
    };
    TableData {
        caption: i18n.t(L::Parameters).to_string(),
        columns: column_titles(i18n, &[L::Model, L::ParameterValues, L::LogLikelihood, L::Bic]),
        rows: vec![
            row(
                Model::BgNbd,
                format!("r {} · α {} · a {} · b {}", d(bg.r), d(bg.alpha), d(bg.a), d(bg.b)),
                m.bgnbd.log_likelihood,
                m.bgnbd.bic,
            ),
            row(
                Model::ParetoNbd,
                format!("r {} · α {} · s {} · β {}", d(pn.r), d(pn.alpha), d(pn.s), d(pn.beta)),
                m.pareto_nbd.log_likelihood,
                m.pareto_nbd.bic,
            ),
            row(
                Model::GammaGamma,
                format!("p {} · q {} · γ {}", d(gg.p), d(gg.q), d(gg.gamma)),
                m.gamma_gamma.log_likelihood,
                m.gamma_gamma.bic,
            ),
        ],
        footer: None,
    }
}

fn money_cell(i18n: I18n, money: Option<Money>) -> Cell {
    money.map_or_else(|| Cell::text(""), |m| Cell::number(i18n.locale().money(m), m))
}

fn decimal_cell(i18n: I18n, value: Option<f64>, decimals: usize) -> Cell {
    value.map_or_else(|| Cell::text(""), |v| Cell::number(i18n.locale().decimal(v, decimals), format!("{v:.6}")))
}

fn totals_table<K>(totals: &[ValueTotal<K>], caption: L, name: impl Fn(&K, I18n) -> String, i18n: I18n) -> TableData {
    let l = i18n.locale();
    TableData {
        caption: i18n.t(caption).to_string(),
        columns: column_titles(
            i18n,
            &[
                if caption == L::PerLevel { L::Level } else { L::Cohort },
                L::Customers,
                L::ExpectedPurchases,
                L::FutureValue,
            ],
        ),
        rows: totals
            .iter()
            .filter(|t| t.customers > 0)
            .map(|t| {
                vec![
                    Cell::text(name(&t.key, i18n)),
                    Cell::number(l.count(t.customers), t.customers),
                    decimal_cell(i18n, Some(t.expected_purchases), 1),
                    money_cell(i18n, t.clv),
                ]
            })
            .collect(),
        footer: None,
    }
}

fn customers_table(f: &Fitted, unit: TimeUnit, i18n: I18n) -> TableData {
    let l = i18n.locale();
    let in_units = |t: L| format!("{} ({})", i18n.t(t), i18n.t(unit_name(unit)));
    let mut columns = column_titles(i18n, &[L::Customers, L::Level, L::RepeatPurchases]);
    columns.extend([in_units(L::Recency), in_units(L::Age)]);
    columns.extend([format!("{} BG/NBD", i18n.t(L::PAlive)), format!("{} Pareto/NBD", i18n.t(L::PAlive))]);
    columns.extend(column_titles(i18n, &[L::ExpectedPurchases, L::ExpectedSpend, L::FutureValue, L::SimpleValue]));
    let pareto = f.value.clv_model == Model::ParetoNbd;
    let rows = f.customers.items.iter().map(|r| {
        let v = &r.value;
        let valuing = if pareto { &v.pareto_nbd } else { &v.bgnbd };
        vec![
            Cell::customer(&r.customer),
            Cell::text(i18n.t(level_name(r.level))),
            Cell::number(l.count(v.x as usize), v.x),
            decimal_cell(i18n, Some(v.t_x), 1),
            decimal_cell(i18n, Some(v.t), 1),
            Cell::share(l, Some(v.bgnbd.p_alive)),
            Cell::share(l, Some(v.pareto_nbd.p_alive)),
            decimal_cell(i18n, valuing.expected_purchases, 2),
            money_cell(i18n, v.expected_spend),
            money_cell(i18n, v.clv),
            money_cell(i18n, r.simple),
        ]
    });
    TableData { caption: i18n.t(L::CustomerValues).to_string(), columns, rows: rows.collect(), footer: None }
}

/// A calibration frequency's name: 0 .. 6, then "7 or more".
fn frequency_name(x: u32, i18n: I18n) -> String {
    if x + 1 == FREQUENCY_ROWS {
        format!("{x} {}", i18n.t(L::AndMore))
    } else {
        x.to_string()
    }
}

#[component]
fn HoldoutCharts(holdout: Holdout) -> impl IntoView {
    let i18n = use_i18n();
    let (bars, bar_rows, lines, line_rows) = (holdout.clone(), holdout.clone(), holdout.clone(), holdout);
    view! {
        <ChartFrame title=Signal::derive(move || i18n.t(L::PerFrequency).to_string()) file="clv-holdout">
            {move || chart_view(frequency_chart(&bars, i18n))}
        </ChartFrame>
        <DataTable table=Signal::derive(move || frequency_table(&bar_rows, i18n)) file="clv-holdout"/>
        <ChartFrame title=Signal::derive(move || i18n.t(L::Tracking).to_string()) file="clv-tracking">
            {move || chart_view(tracking_chart(&lines, i18n))}
        </ChartFrame>
        <details class="table-details">
            <summary>{move || i18n.t(L::TrackingTable)}</summary>
            <DataTable table=Signal::derive(move || tracking_table(&line_rows, i18n)) file="clv-tracking"/>
        </details>
    }
}

/// The series of the holdout charts: actual, then the two models.
fn three_series(i18n: I18n) -> [(String, &'static str); 3] {
    [
        (i18n.t(L::Actual).to_string(), SERIES[0]),
        (Model::BgNbd.name().to_string(), SERIES[1]),
        (Model::ParetoNbd.name().to_string(), SERIES[2]),
    ]
}

fn frequency_chart(h: &Holdout, i18n: I18n) -> Chart {
    let l = i18n.locale();
    let rows: Vec<_> = h.by_frequency.iter().filter(|r| r.customers > 0).collect();
    let values: [Vec<f64>; 3] = [
        rows.iter().map(|r| r.actual).collect(),
        rows.iter().map(|r| r.predicted.bgnbd).collect(),
        rows.iter().map(|r| r.predicted.pareto_nbd).collect(),
    ];
    let series = three_series(i18n).into_iter().zip(values).map(|((name, colour), values)| BarSeries {
        name,
        colour,
        bars: values.into_iter().map(|v| Bar::value(v, l.decimal(v, 2))).collect(),
    });
    bar_chart(BarChart {
        label: i18n.t(L::PerFrequency).to_string(),
        categories: rows.iter().map(|r| frequency_name(r.x, i18n)).collect(),
        series: series.collect(),
        value_title: i18n.t(L::MeanPurchases).to_string(),
        value_format: Box::new(move |v| l.decimal(v, 1)),
        whole: false,
    })
}

fn frequency_table(h: &Holdout, i18n: I18n) -> TableData {
    let l = i18n.locale();
    let mut columns = column_titles(i18n, &[L::Frequency, L::Customers, L::Actual]);
    columns.extend([Model::BgNbd.name().to_string(), Model::ParetoNbd.name().to_string()]);
    let rows = h.by_frequency.iter().filter(|r| r.customers > 0).map(|r| {
        vec![
            Cell::text(frequency_name(r.x, i18n)),
            Cell::number(l.count(r.customers), r.customers),
            decimal_cell(i18n, Some(r.actual), 2),
            decimal_cell(i18n, Some(r.predicted.bgnbd), 2),
            decimal_cell(i18n, Some(r.predicted.pareto_nbd), 2),
        ]
    });
    TableData { caption: i18n.t(L::PerFrequency).to_string(), columns, rows: rows.collect(), footer: None }
}

fn tracking_chart(h: &Holdout, i18n: I18n) -> Chart {
    let l = i18n.locale();
    let points: [Vec<(f64, f64)>; 3] = [
        h.tracking.iter().map(|p| (f64::from(p.week), f64::from(p.actual))).collect(),
        h.tracking.iter().map(|p| (f64::from(p.week), p.predicted.bgnbd)).collect(),
        h.tracking.iter().map(|p| (f64::from(p.week), p.predicted.pareto_nbd)).collect(),
    ];
    let top = points.iter().flatten().map(|p| p.1).fold(1.0, f64::max) * 1.05;
    let weeks = h.tracking.last().map_or(1.0, |p| f64::from(p.week));
    let series = three_series(i18n).into_iter().zip(points).map(|((name, colour), points)| LineSeries {
        name,
        colour,
        points,
        markers: false,
        area: false,
    });
    let x = Axis::new(i18n.t(L::Week), 0.0..weeks, move |v| l.integer(v.round() as i64));
    let y = Axis::new(i18n.t(L::CumulativePurchases), 0.0..top, move |v| l.integer(v.round() as i64));
    let mut chart = LineChart::new(i18n.t(L::Tracking).to_string(), x, y, series.collect());
    let at_end = h.tracking.iter().take_while(|p| f64::from(p.week) <= h.calibration_week).last();
    chart.marked = vec![MarkedPoint {
        at: (h.calibration_week, at_end.map_or(0.0, |p| f64::from(p.actual))),
        label: i18n.t(L::CalibrationEndMark).to_string(),
    }];
    line_chart(chart)
}

fn tracking_table(h: &Holdout, i18n: I18n) -> TableData {
    let l = i18n.locale();
    let mut columns = column_titles(i18n, &[L::Week, L::Actual]);
    columns.extend([Model::BgNbd.name().to_string(), Model::ParetoNbd.name().to_string()]);
    let rows = h.tracking.iter().map(|p| {
        vec![
            Cell::number(l.integer(i64::from(p.week)), p.week),
            Cell::number(l.count(p.actual as usize), p.actual),
            decimal_cell(i18n, Some(p.predicted.bgnbd), 1),
            decimal_cell(i18n, Some(p.predicted.pareto_nbd), 1),
        ]
    });
    TableData { caption: i18n.t(L::TrackingTable).to_string(), columns, rows: rows.collect(), footer: None }
}

/// The heat table of P(alive): rows by repeat purchases, columns by recency spans.
#[component]
fn AliveMatrix(matrix: PAliveMatrix, unit: TimeUnit) -> impl IntoView {
    let i18n = use_i18n();
    let table = move || {
        let l = i18n.locale();
        let mut columns = vec![i18n.t(L::RepeatPurchases).to_string()];
        columns.extend(
            matrix
                .recency_to
                .iter()
                .map(|to| format!("{} {} {}", i18n.t(L::RecencyUpTo), l.decimal(*to, 1), i18n.t(unit_name(unit)))),
        );
        let rows = matrix.cells.iter().enumerate().map(|(x, row)| {
            let mut cells = vec![Cell::text(frequency_name(x as u32, i18n))];
            cells.extend(row.iter().map(|&(n, mean)| match mean {
                Some(p) => {
                    Cell::number(format!("{} ({})", l.percent(p), l.count(n)), format!("{p:.6}")).class(heat_class(p))
                }
                None => Cell::text("").class("heat heat-none"),
            }));
            cells
        });
        TableData { caption: i18n.t(L::AliveMatrix).to_string(), columns, rows: rows.collect(), footer: None }
    };
    view! { <DataTable table=Signal::derive(table) file="clv-p-alive" class="table-heatmap"/> }
}

/// The simple CLV: its inputs (retention and margin typed over the data's) and its value per level.
#[component]
fn Simple(simple: SimpleView, on_retention: Callback<Option<f64>>, on_margin: Callback<Option<f64>>) -> impl IntoView {
    let i18n = use_i18n();
    let percent = |v: Option<f64>| v.map(|v| format!("{:.1}", v * 100.0)).unwrap_or_default();
    let parse = |ev: &leptos::ev::Event| event_target_value(ev).trim().replace(',', ".").parse::<f64>().ok();
    let (data_retention, data_margin) = (simple.data_retention, simple.data_margin);
    let from_data = move |v: Option<f64>| {
        let shown = v.map_or_else(|| i18n.t(L::Unknown).to_string(), |v| i18n.locale().percent(v));
        format!("{} {shown}", i18n.t(L::FromData))
    };
    let no_duration = simple.retention.is_none();
    let (retention, margin) = (percent(simple.retention), percent(simple.margin));
    let table = simple.clone();
    view! {
        <h2>{move || format!("{} {}", i18n.t(L::SimpleClv), simple.period)}</h2>
        <p class="hint">{move || i18n.t(L::SimpleAbout)}</p>
        <div class="filter-bar">
            <label class="field field-small">
                <span>{move || i18n.t(L::Retention)}</span>
                <input type="number" min="0" max="99.9" step="0.1" data-testid="clv-retention" prop:value=retention
                    on:change=move |ev| on_retention.run(parse(&ev))/>
                <span class="hint">{move || from_data(data_retention)}</span>
            </label>
            <label class="field field-small">
                <span>{move || i18n.t(L::Margin)}</span>
                <input type="number" min="0" max="100" step="0.1" data-testid="clv-margin" prop:value=margin
                    on:change=move |ev| on_margin.run(parse(&ev))/>
                <span class="hint">{move || from_data(data_margin)}</span>
            </label>
        </div>
        {no_duration.then(|| view! { <p class="hint">{move || i18n.t(L::NoDuration)}</p> })}
        <DataTable table=Signal::derive(move || simple_table(&table, i18n)) file="clv-simple"/>
    }
}

fn simple_table(s: &SimpleView, i18n: I18n) -> TableData {
    let l = i18n.locale();
    let rows = s.levels.iter().filter(|r| r.customers > 0).map(|r| {
        let inputs = r.inputs;
        vec![
            Cell::text(i18n.t(level_name(r.level))),
            Cell::number(l.count(r.customers), r.customers),
            decimal_cell(i18n, inputs.map(|i| i.purchases_per_year), 1),
            money_cell(i18n, inputs.map(|i| i.average_order_value)),
            decimal_cell(i18n, inputs.map(|i| i.expected_years), 1),
            Cell::share(l, inputs.and_then(|i| i.margin)),
            money_cell(i18n, r.value),
        ]
    });
    TableData {
        caption: format!("{} {}", i18n.t(L::SimpleClv), s.period),
        columns: column_titles(
            i18n,
            &[
                L::Level,
                L::Customers,
                L::PurchasesPerYear,
                L::AverageOrder,
                L::ExpectedYears,
                L::Margin,
                L::SimpleValue,
            ],
        ),
        rows: rows.collect(),
        footer: None,
    }
}

//! The Contact Plan page (issue 15, docs/contact-planning.md): the plan for the year after the
//! chosen period, from that period's pyramid and the contact norms; per sales rep the hours it
//! needs against the rep's capacity (a chart of planned hours with each rep's capacity, the
//! months of one rep), per customer the plan to date against the realised contacts; then the
//! tables it is made of (norms, capacity, the activity file), edited with the Profitability
//! shared `Editor` (`components/side_tables.rs`) and downloaded or imported as one workbook.

use super::Page;
use crate::chart::{bar_chart_with_marks, Bar, BarChart, BarMarks, BarSeries, Chart, BAD, BRAND};
use crate::engine::contact_plan::plan::{CustomerComparison, Load, RepPlan};
use crate::engine::contact_plan::{ContactPlanRequest, ContactPlanView};
use crate::engine::cost_pools::Minutes;
use crate::engine::session::tables::TableKind;
use crate::i18n::ContactMsg as C;
use crate::ui::components::answer::{ask_view, level_name};
use crate::ui::components::chart::{chart_view, ChartFrame};
use crate::ui::components::filters::Filters;
use crate::ui::components::page_shell::AnalysisPage;
use crate::ui::components::side_tables::{Editor, GridEditor, SaveBar, Words, WorkbookButton, WorkbookImport};
use crate::ui::components::table::{cut_note, Cell, DataTable, TableData};
use crate::ui::i18n::{use_i18n, I18n};
use crate::ui::workspace::use_workspace;
use leptos::prelude::*;

/// The page's tables, in the workbook's order.
const TABLES: &[TableKind] = &[TableKind::Norms, TableKind::Capacity, TableKind::Contacts];

#[component]
pub fn ContactPlanPage() -> impl IntoView {
    let filters = Filters::main();
    let editor = Editor::new();
    let answer = ask_view(move || {
        editor.kept.track();
        ContactPlanRequest { selection: filters.selection(), period: filters.period() }
    });
    let after = move || view! { <ContactTables editor/> };
    view! { <AnalysisPage page=Page::ContactPlan filters cut_offs=true answer draw=draw_plan after/> }
}

fn draw_plan(plan: ContactPlanView) -> AnyView {
    let i18n = use_i18n();
    let l = move || i18n.locale();
    let title = {
        let (year, pyramid) = (plan.plan_year.to_string(), plan.pyramid.to_string());
        move || i18n.t(C::PlanTitle).replace("{plan}", &year).replace("{pyramid}", &pyramid)
    };
    let unknown = plan.unknown.clone();
    let unknown_note = move || {
        let keys: Vec<String> = unknown.items.iter().map(|u| u.key.clone()).collect();
        let contacts: usize = unknown.items.iter().map(|u| u.contacts).sum();
        i18n.t(C::Unknown).replace("{n}", &l().count(contacts)).replace("{keys}", &keys.join(", "))
    };
    let (outside, year) = (plan.outside_year, plan.plan_year.to_string());
    let outside_note = move || i18n.t(C::OutsideYear).replace("{n}", &l().count(outside)).replace("{plan}", &year);
    let (reps, chart, customers) = (plan.reps.clone(), plan.reps.clone(), plan.customers.clone());
    let months = plan.months.clone();
    view! {
        <h2 data-testid="plan-title">{title}</h2>
        {plan.default_norms.then(|| view! { <p class="hint" data-testid="default-norms">{move || i18n.t(C::DefaultNorms)}</p> })}
        {(plan.unknown.total > 0).then(|| view! { <p class="card card-error" role="note" data-testid="unknown-customers">{unknown_note}</p> })}
        {(outside > 0).then(|| view! { <p class="card card-empty" role="note" data-testid="outside-year">{outside_note}</p> })}
        <DataTable table=Signal::derive(move || reps_table(&reps, i18n)) file="contact-plan-reps"/>
        <ChartFrame title=Signal::derive(move || i18n.t(C::ChartTitle).to_string()) file="contact-plan-hours">
            {move || chart_view(hours_chart(&chart, i18n))}
        </ChartFrame>
        <RepMonths reps=plan.reps months/>
        <DataTable table=Signal::derive(move || customers_table(&customers.items, plan.as_of, i18n)) file="contact-plan-customers"/>
        {cut_note(plan.customers.items.len(), plan.customers.total)}
    }
    .into_any()
}

/// Hours of minutes (hundredths of a minute), for the tables and the chart.
fn hours(minutes: Minutes) -> f64 {
    minutes.hundredths() as f64 / 6_000.0
}

fn hours_cell(i18n: I18n, minutes: Minutes) -> Cell {
    Cell::number(i18n.locale().decimal(hours(minutes), 2), format!("{:.2}", hours(minutes)))
}

/// The load as a percentage of capacity, marked (in words and colour) above 100 %.
fn load_cell(i18n: I18n, load: &Load) -> Cell {
    let cell = Cell::share(i18n.locale(), load.load);
    match load.load.filter(|_| load.is_over()) {
        Some(share) => {
            let text = i18n.t(C::OverCapacity).replace("{load}", &i18n.locale().percent(share));
            Cell::number(text, format!("{share:.6}")).class("cell-over")
        }
        None => cell,
    }
}

fn rep_name(i18n: I18n, rep: &RepPlan) -> String {
    rep.rep.clone().unwrap_or_else(|| i18n.t(C::NoRep).to_string())
}

fn count_cell(i18n: I18n, n: u64) -> Cell {
    Cell::number(i18n.locale().count(n as usize), n)
}

/// The load's cells: planned contacts and hours, capacity, load, realised contacts and hours.
fn load_cells(i18n: I18n, load: &Load, default_capacity: bool) -> Vec<Cell> {
    let capacity = match load.capacity {
        Some(c) if default_capacity => {
            let text = i18n.t(C::DefaultCapacity).replace("{hours}", &i18n.locale().decimal(hours(c), 2));
            Cell::number(text, format!("{:.2}", hours(c)))
        }
        Some(c) => hours_cell(i18n, c),
        None => Cell::text(""),
    };
    vec![
        count_cell(i18n, load.planned_contacts),
        hours_cell(i18n, load.planned),
        capacity,
        load_cell(i18n, load),
        count_cell(i18n, load.realised_contacts),
        hours_cell(i18n, load.realised),
    ]
}

fn load_columns(i18n: I18n) -> impl Iterator<Item = String> {
    [C::PlannedContacts, C::PlannedHours, C::CapacityHours, C::Load, C::RealisedContacts, C::RealisedHours]
        .into_iter()
        .map(move |m| i18n.t(m).to_string())
}

fn reps_table(reps: &[RepPlan], i18n: I18n) -> TableData {
    let mut columns = vec![i18n.t(C::ColRep).to_string(), i18n.t(C::Customers).to_string()];
    columns.extend(load_columns(i18n));
    let row = |r: &RepPlan| {
        let mut cells = vec![
            Cell::text(rep_name(i18n, r)).class("nowrap"),
            Cell::number(i18n.locale().count(r.customers), r.customers),
        ];
        cells.extend(load_cells(i18n, &r.year, r.default_capacity));
        cells
    };
    TableData {
        caption: i18n.t(C::RepsCaption).to_string(),
        columns,
        rows: reps.iter().map(row).collect(),
        footer: None,
    }
}

/// Planned hours per rep as bars, each rep's capacity as a line across its bar.
fn hours_chart(reps: &[RepPlan], i18n: I18n) -> Chart {
    let l = i18n.locale();
    let planned = reps.iter().map(|r| {
        let bar = Bar::value(hours(r.year.planned), l.decimal(hours(r.year.planned), 0));
        Bar { colour: r.year.is_over().then_some(BAD), ..bar }
    });
    bar_chart_with_marks(
        BarChart {
            label: i18n.t(C::ChartTitle).to_string(),
            categories: reps.iter().map(|r| rep_name(i18n, r)).collect(),
            series: vec![BarSeries {
                name: i18n.t(C::ChartPlanned).to_string(),
                colour: BRAND,
                bars: planned.collect(),
            }],
            value_title: i18n.t(C::Hours).to_string(),
            value_format: Box::new(move |v| l.decimal(v, 0)),
            whole: true,
        },
        BarMarks {
            name: i18n.t(C::ChartCapacity).to_string(),
            colour: crate::chart::INK,
            values: reps.iter().map(|r| r.year.capacity.map(hours)).collect(),
        },
    )
}

/// One rep's months: a choice of rep, and its twelve months' loads.
#[component]
fn RepMonths(reps: Vec<RepPlan>, months: Vec<crate::engine::date::Day>) -> impl IntoView {
    let i18n = use_i18n();
    let chosen = RwSignal::new(0usize);
    let names: Vec<String> = reps.iter().map(|r| rep_name(i18n, r)).collect();
    let options = names
        .iter()
        .enumerate()
        .map(|(i, name)| view! { <option value=i.to_string()>{name.clone()}</option> })
        .collect_view();
    let table = Signal::derive(move || {
        let rep = &reps[chosen.get().min(reps.len().saturating_sub(1))];
        let mut columns = vec![i18n.t(C::Month).to_string()];
        columns.extend(load_columns(i18n));
        let rows = months.iter().zip(&rep.months).map(|(first, load)| {
            let (y, m, _) = first.ymd();
            let mut cells = vec![Cell::text(format!("{y}-{m:02}")).class("nowrap")];
            cells.extend(load_cells(i18n, load, rep.default_capacity));
            cells
        });
        let caption = i18n.t(C::MonthsCaption).replace("{rep}", &rep_name(i18n, rep));
        TableData { caption, columns, rows: rows.collect(), footer: None }
    });
    (!names.is_empty()).then(|| {
        view! {
            <label class="field">
                <span>{move || i18n.t(C::ChooseRep)}</span>
                <select data-testid="plan-rep" on:change=move |ev| chosen.set(event_target_value(&ev).parse().unwrap_or(0))>
                    {options}
                </select>
            </label>
            <DataTable table file="contact-plan-months"/>
        }
    })
}

fn customers_table(customers: &[CustomerComparison], as_of: crate::engine::date::Day, i18n: I18n) -> TableData {
    let l = i18n.locale();
    let columns = [C::ColCustomer, C::ColRep, C::ColLevel, C::PlannedYear, C::PlannedToDate, C::Realised]
        .into_iter()
        .chain([C::PlannedMinutes, C::RealisedMinutes])
        .map(|m| i18n.t(m).to_string())
        .collect();
    let row = |c: &CustomerComparison| {
        let to_date = &c.to_date;
        vec![
            Cell::customer(&c.customer),
            Cell::text(c.rep.clone().unwrap_or_else(|| i18n.t(C::NoRep).to_string())),
            Cell::text(c.level.map_or("", |level| i18n.t(level_name(level)))),
            count_cell(i18n, c.planned_year),
            count_cell(i18n, u64::from(to_date.planned)),
            count_cell(i18n, u64::from(to_date.realised)),
            count_cell(i18n, to_date.planned_minutes),
            count_cell(i18n, to_date.realised_minutes),
        ]
    };
    TableData {
        caption: i18n.t(C::CustomersCaption).replace("{date}", &l.date(as_of)),
        columns,
        rows: customers.iter().map(row).collect(),
        footer: None,
    }
}

/// The norms, capacity and activity file: edited, saved, and downloaded or imported as one
/// workbook with a sheet per table.
#[component]
fn ContactTables(editor: Editor) -> impl IntoView {
    let i18n = use_i18n();
    let workspace = use_workspace();
    let hint = move |m: C| view! { <p class="hint">{move || i18n.t(m)}</p> };
    move || {
        workspace.is_loaded().then(|| {
            view! {
                <div class="card tables-editor" data-testid="contact-tables">
                    <h2>{move || i18n.t(C::EditorTitle)}</h2>
                    {hint(C::EditorHint)}
                    {hint(C::NormsHint)}
                    <GridEditor editor kind=TableKind::Norms/>
                    {hint(C::CapacityHint)}
                    <GridEditor editor kind=TableKind::Capacity/>
                    {hint(C::ContactsHint)}
                    <GridEditor editor kind=TableKind::Contacts/>
                    <SaveBar editor shown=TABLES label=Words::Contact(C::SaveTables)>
                        <WorkbookButton editor tables=TABLES file="contact-plan"/>
                        <WorkbookImport editor tables=TABLES file="contact-plan"/>
                    </SaveBar>
                </div>
            }
        })
    }
}

//! The Customer Goals Setting page (issue 15, docs/planning.md): the goal (period, company
//! target, spread, tolerance), the hand spread's percentages and the bottom-up targets per
//! customer and prospect, entered here (a form adds a target), imported from CSV or XLSX or
//! downloaded; then the reconciliation of top-down and bottom-up per department, rep and level,
//! each gap highlighted until it is within the tolerance, and the customers with their history.

use super::Page;
use crate::engine::goals::{Gap, GoalCustomer, GoalsRequest, GoalsView, Target, Who};
use crate::engine::money::Money;
use crate::engine::pyramid::Level;
use crate::engine::session::tables::TableKind;
use crate::i18n::{AnalysisMsg as M, PlanningMsg as L};
use crate::ui::components::answer::{ask_view, level_name};
use crate::ui::components::customer_picker::CustomerPicker;
use crate::ui::components::filters::Filters;
use crate::ui::components::page_shell::AnalysisPage;
use crate::ui::components::side_tables::{Editor, GridEditor, SaveBar, WorkbookButton, WorkbookImport};
use crate::ui::components::table::{cut_note, Cell, DataTable, TableData};
use crate::ui::i18n::{use_i18n, I18n};
use crate::ui::workspace::use_workspace;
use leptos::prelude::*;

const TABLES: &[TableKind] = &[TableKind::Goal, TableKind::GoalShares, TableKind::Targets];

#[component]
pub fn GoalsPage() -> impl IntoView {
    let filters = Filters::main();
    let editor = Editor::new();
    let answer = ask_view(move || {
        editor.kept.track();
        GoalsRequest { selection: filters.selection() }
    });
    let controls = move || view! { <GoalsEditor editor/> };
    let draw = move |view: GoalsView| draw_goals(view, editor);
    view! { <AnalysisPage page=Page::Goals filters cut_offs=true every_period=true answer draw controls/> }
}

/// The three tables and the form that adds a bottom-up target.
#[component]
fn GoalsEditor(editor: Editor) -> impl IntoView {
    let i18n = use_i18n();
    let workspace = use_workspace();
    let fields: [RwSignal<String>; 5] = std::array::from_fn(|_| RwSignal::new(String::new()));
    let [customer, prospect, rep, department, target] = fields;
    let add = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        editor.push_row(TableKind::Targets, fields.iter().map(|f| f.get_untracked().trim().to_string()).collect());
        editor.save();
        fields.iter().for_each(|f| f.set(String::new()));
    };
    let field = move |value: RwSignal<String>, label: L, id: &'static str| {
        view! {
            <label class="field">
                <span>{move || i18n.t(label)}</span>
                <input type="text" data-testid=id prop:value=move || value.get() on:input=move |ev| value.set(event_target_value(&ev))/>
            </label>
        }
    };
    let customer_label = Signal::derive(move || i18n.t(L::ColCustomer).to_string());
    move || {
        workspace.is_loaded().then(|| {
            view! {
                <div class="card tables-editor planning-forms" data-testid="goals-editor">
                    <h2>{move || i18n.t(L::GoalTitle)}</h2>
                    <p class="hint">{move || i18n.t(L::GoalHint)}</p>
                    <GridEditor editor kind=TableKind::Goal/>
                    <p class="hint">{move || i18n.t(L::SharesHint)}</p>
                    <GridEditor editor kind=TableKind::GoalShares/>
                    <h3>{move || i18n.t(L::TargetFormTitle)}</h3>
                    <p class="hint">{move || i18n.t(L::TargetFormHint)}</p>
                    <form class="filter-bar" data-testid="target-form" on:submit=add>
                        <CustomerPicker value=customer id="target-customer" label=customer_label/>
                        {field(prospect, L::ColProspect, "target-prospect")}
                        {field(rep, L::ColRep, "target-rep")}
                        {field(department, L::ColDepartment, "target-department")}
                        {field(target, L::ColTarget, "target-amount")}
                        <button type="submit" class="button" data-testid="add-target">{move || i18n.t(L::AddTarget)}</button>
                    </form>
                    <GridEditor editor kind=TableKind::Targets/>
                    <SaveBar editor shown=TABLES>
                        <WorkbookButton editor tables=TABLES file="goals"/>
                        <WorkbookImport editor tables=TABLES file="goals"/>
                        <button type="button" class="button button-secondary button-small" data-testid="clear-goals"
                            on:click=move |_| { TABLES.iter().for_each(|&k| editor.clear(k)); editor.save(); }>
                            {move || i18n.t(L::ClearTable)}
                        </button>
                    </SaveBar>
                </div>
            }
        })
    }
}

fn draw_goals(view: GoalsView, editor: Editor) -> AnyView {
    let i18n = use_i18n();
    let l = move || i18n.locale();
    let (from, to) = view.proposed;
    let fitted = view.lifetime_value;
    let propose = move |_| {
        let row = vec![from.to_string(), to.to_string(), String::new(), "share".into(), "1.00".into()];
        editor.push_row(TableKind::Goal, row);
    };
    let proposal = move || i18n.t(L::Proposed).replace("{from}", &l().date(from)).replace("{to}", &l().date(to));
    let last = view.last_period;
    let last_text =
        move || i18n.t(L::LastPeriod).replace("{from}", &l().date(last.0)).replace("{to}", &l().date(last.1));
    let company = view.company.clone();
    let no_goal = view.goal.is_none();
    let unknown = view.unknown.join(", ");
    let notes = (view.customers.items.len(), view.customers.total);
    let (departments, reps, levels, customers, prospects) =
        (view.clone(), view.clone(), view.clone(), view.clone(), view.clone());
    view! {
        <p class="hint" data-testid="goal-proposal">{proposal}</p>
        {move || (no_goal && editor.rows(TableKind::Goal) == 0).then(|| view! {
            <button type="button" class="button button-secondary" data-testid="use-proposal" on:click=propose>
                {move || i18n.t(L::UseProposal)}
            </button>
        })}
        <p class="hint">{last_text}</p>
        {view.goal.is_none().then(|| view! { <p class="card card-empty" role="note">{move || i18n.t(L::NoGoalNote)}</p> })}
        {view.unspread.then(|| view! { <p class="card card-empty" role="note">{move || i18n.t(L::UnspreadNote)}</p> })}
        {(!unknown.is_empty()).then(|| view! { <p class="card card-empty" role="note">{move || i18n.t(L::UnknownTargetNote).replace("{names}", &unknown)}</p> })}
        <div class="stat-row">
            <div class="stat" data-testid="company-top-down">
                <div class="stat-value">{move || l().money(company.top_down)}</div>
                <div class="stat-label">{move || i18n.t(L::TopDown)}</div>
            </div>
            <div class="stat" data-testid="company-bottom-up">
                <div class="stat-value">{move || l().money(company.bottom_up)}</div>
                <div class="stat-label">{move || i18n.t(L::BottomUp)}</div>
            </div>
            <div class="stat" class:gap-open=!company.agreed class:gap-agreed=company.agreed data-testid="company-gap">
                <div class="stat-value">{move || l().money(company.gap)}</div>
                <div class="stat-label">{move || i18n.t(if company.agreed { L::Agreed } else { L::GapOpen })}</div>
            </div>
        </div>
        <DataTable table=Signal::derive(move || gap_table(&departments.departments, L::ByDepartment, i18n, |g| g.clone())) file="gap-departments"/>
        <DataTable table=Signal::derive(move || gap_table(&reps.reps, L::ByRep, i18n, |g| g.clone())) file="gap-reps"/>
        <DataTable table=Signal::derive(move || gap_table(&levels.levels, L::ByLevel, i18n, |g: &Level| i18n.t(level_name(*g)).to_string())) file="gap-levels"/>
        <p class="hint">{move || i18n.t(if fitted { L::LifetimeValueNote } else { L::NoLifetimeValue })}</p>
        <DataTable table=Signal::derive(move || customers_table(&customers.customers.items, i18n)) file="goal-customers" class="table-compact"/>
        {cut_note(notes.0, notes.1)}
        {(!prospects.prospects.is_empty()).then(|| view! {
            <DataTable table=Signal::derive(move || prospects_table(&prospects.prospects, i18n)) file="goal-prospects"/>
        })}
    }
    .into_any()
}

fn columns(i18n: I18n, texts: &[L]) -> Vec<String> {
    texts.iter().map(|&t| i18n.t(t).to_string()).collect()
}

fn money(i18n: I18n, value: Money) -> Cell {
    Cell::number(i18n.locale().money(value), value)
}

/// A reconciliation table: each group's top-down and bottom-up targets and the gap, highlighted
/// until it is within the tolerance.
fn gap_table<G>(rows: &[Gap<G>], title: L, i18n: I18n, name: impl Fn(&G) -> String) -> TableData {
    let rows = rows
        .iter()
        .map(|g| {
            let group = g.group.as_ref().map_or_else(|| i18n.t(L::NoGroup).to_string(), &name);
            let status = if g.agreed { L::Agreed } else { L::GapOpen };
            let class = if g.agreed { "gap-agreed" } else { "gap-open" };
            vec![
                Cell::text(group),
                money(i18n, g.top_down),
                money(i18n, g.bottom_up),
                money(i18n, g.gap).class(class),
                Cell::text(i18n.t(status)).class(class),
            ]
        })
        .collect();
    TableData {
        caption: i18n.t(title).to_string(),
        columns: columns(i18n, &[L::Group, L::TopDown, L::BottomUp, L::Gap, L::Status]),
        rows,
        footer: None,
    }
}

fn customers_table(rows: &[GoalCustomer], i18n: I18n) -> TableData {
    let none = || i18n.t(M::NoRep).to_string();
    let rows = rows
        .iter()
        .map(|c| {
            vec![
                Cell::customer(&c.customer),
                c.level.map_or_else(|| Cell::text(i18n.t(L::NoLevel)), |l| Cell::text(i18n.t(level_name(l)))),
                Cell::text(c.rep.clone().unwrap_or_else(none)),
                Cell::text(c.department.clone().unwrap_or_else(none)),
                money(i18n, c.last_revenue),
                money(i18n, c.suggestion),
                c.lifetime_value.map_or_else(|| Cell::text(""), |v| money(i18n, v)),
                c.potential.map_or_else(|| Cell::text(""), |p| money(i18n, p)),
                money(i18n, c.top_down),
                c.bottom_up.map_or_else(|| Cell::text(""), |b| money(i18n, b)),
            ]
        })
        .collect();
    let texts = [
        L::ColCustomer,
        L::Level,
        L::Rep,
        L::ColDepartment,
        L::LastRevenue,
        L::Suggestion,
        L::ExpectedByModels,
        L::ColPotential,
        L::TopDown,
        L::BottomUp,
    ];
    TableData { caption: i18n.t(L::CustomersTitle).to_string(), columns: columns(i18n, &texts), rows, footer: None }
}

fn prospects_table(rows: &[Target], i18n: I18n) -> TableData {
    let rows = rows
        .iter()
        .filter_map(|t| match &t.who {
            Who::Prospect { name, rep, department } => Some(vec![
                Cell::text(name.clone()),
                Cell::text(rep.clone().unwrap_or_default()),
                Cell::text(department.clone().unwrap_or_default()),
                money(i18n, t.target),
            ]),
            Who::Customer(_) => None,
        })
        .collect();
    TableData {
        caption: i18n.t(L::ProspectsTitle).to_string(),
        columns: columns(i18n, &[L::ColProspect, L::ColRep, L::ColDepartment, L::ColTarget]),
        rows,
        footer: None,
    }
}

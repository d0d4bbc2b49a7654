//! The side tables' editor: the cost pools, the time pools' activities and (for a ledger without
//! a cost column) the margins per product group, as rows of cells the user types, imports from
//! CSV or downloads; the Scorecard page edits its KPI targets with the same `GridEditor`. The engine checks them (`Request::SetTables`, `Request::ImportTable`) and
//! keeps them with the workspace; a bad cell comes back as a `TableError`, shown at the cell and
//! in words under its table.

use crate::engine::cost_pools::{ActivityDriver, Driver};
use crate::engine::kpi_cascade::Metric;
use crate::engine::session::tables::{activity_drivers, Drafts, Grid, TableError, TableKind};
use crate::engine::session::{Failure, Request, Response};
use crate::i18n::profit::{problem, table_error, table_name};
use crate::i18n::scorecard::metric_name;
use crate::i18n::{failure::describe, Locale, ProfitMsg as P, ScorecardMsg as S, Text};
use crate::ui::components::table::{Cell, CsvButton, TableData};
use crate::ui::engine::{ask, ask_with_files, slot};
use crate::ui::i18n::use_i18n;
use crate::ui::workspace::use_workspace;
use leptos::prelude::*;
use leptos::task::spawn_local;

/// What the editor holds: the rows, the last refusal, and counters the views follow.
#[derive(Copy, Clone)]
pub struct Editor {
    drafts: RwSignal<Drafts>,
    /// Bumped when rows are replaced, added or removed: the tables are drawn again (typing in a
    /// cell does not redraw, so the cell keeps its focus).
    layout: RwSignal<u32>,
    problem: RwSignal<Option<Failure>>,
    saved: RwSignal<bool>,
    /// Bumped when the engine kept new tables: the account is asked again.
    pub kept: RwSignal<u32>,
}

impl Editor {
    /// The editor, filled with the workspace's tables whenever the workspace changes.
    pub fn new() -> Editor {
        let editor = Editor {
            drafts: RwSignal::new(Drafts::default()),
            layout: RwSignal::new(0),
            problem: RwSignal::new(None),
            saved: RwSignal::new(false),
            kept: RwSignal::new(0),
        };
        let workspace = use_workspace();
        Effect::new(move |_| {
            let _ = workspace.revision();
            if workspace.is_ready() && workspace.is_loaded() {
                spawn_local(async move {
                    if let Response::Tables(drafts) = ask(Request::Tables).await {
                        editor.replace(drafts);
                    }
                });
            }
        });
        editor
    }

    fn replace(self, drafts: Drafts) {
        self.drafts.set(drafts);
        self.layout.update(|n| *n += 1);
    }

    /// Takes in the engine's answer to a save or an import.
    fn take(self, response: Response) {
        match response {
            Response::TablesSaved(drafts) => {
                self.replace(drafts);
                self.problem.set(None);
                self.saved.set(true);
                self.kept.update(|n| *n += 1);
            }
            Response::Failed(failure) => {
                self.problem.set(Some(failure));
                self.saved.set(false);
            }
            _ => {}
        }
    }

    /// Sends every table to the engine to be checked and kept.
    pub fn save(self) {
        let drafts = self.drafts.get_untracked();
        spawn_local(async move { self.take(ask(Request::SetTables(drafts)).await) });
    }

    fn import(self, table: TableKind, file: web_sys::File) {
        spawn_local(async move {
            let request = Request::ImportTable { table, file: slot(0, &file) };
            self.take(ask_with_files(request, &[file]).await)
        });
    }

    fn edit(self, kind: TableKind, row: usize, column: usize, text: String) {
        self.saved.set(false);
        self.drafts.update(|d| {
            if let Some(cell) = grid_mut(d, kind).get_mut(row).and_then(|r| r.get_mut(column)) {
                *cell = text;
            }
        });
    }

    fn add_row(self, kind: TableKind) {
        let width = kind.columns().len();
        self.drafts.update(|d| grid_mut(d, kind).push(vec![String::new(); width]));
        self.layout.update(|n| *n += 1);
    }

    fn remove_row(self, kind: TableKind, row: usize) {
        self.drafts.update(|d| {
            if row < grid_mut(d, kind).len() {
                grid_mut(d, kind).remove(row);
            }
        });
        self.layout.update(|n| *n += 1);
    }

    /// The rows of one table as they stand.
    pub fn rows(self, kind: TableKind) -> Grid {
        self.drafts.with(|d| grid(d, kind).clone())
    }

    /// Whether margins are entered (the margins table is then shown whatever the ledger).
    pub fn has_margins(self) -> bool {
        self.drafts.with(|d| !d.margins.is_empty())
    }

    /// The bad cell's problem, when the refusal is about this cell of the editor's rows.
    fn cell_problem(self, kind: TableKind, row: usize, column: &str) -> Option<P> {
        self.problem.with(|p| match p {
            Some(Failure::Table(TableError { table, error }))
                if *table == kind && error.file.is_empty() && error.line == row + 2 && error.column == column =>
            {
                Some(problem(&error.problem))
            }
            _ => None,
        })
    }
}

fn grid(drafts: &Drafts, kind: TableKind) -> &Grid {
    match kind {
        TableKind::Pools => &drafts.pools,
        TableKind::Activities => &drafts.activities,
        TableKind::Margins => &drafts.margins,
        TableKind::KpiTargets => &drafts.kpi_targets,
    }
}

fn grid_mut(drafts: &mut Drafts, kind: TableKind) -> &mut Grid {
    match kind {
        TableKind::Pools => &mut drafts.pools,
        TableKind::Activities => &mut drafts.activities,
        TableKind::Margins => &mut drafts.margins,
        TableKind::KpiTargets => &mut drafts.kpi_targets,
    }
}

/// A label of the editor: the Profitability page's tables' or the Scorecard's.
#[derive(Copy, Clone)]
pub enum Label {
    Profit(P),
    Scorecard(S),
}

impl Text for Label {
    fn text(self, locale: Locale) -> &'static str {
        match self {
            Label::Profit(p) => p.text(locale),
            Label::Scorecard(s) => s.text(locale),
        }
    }
}

/// The label of each column of a table, in the order of `TableKind::columns`.
fn labels(kind: TableKind) -> &'static [Label] {
    use Label::{Profit, Scorecard};
    match kind {
        TableKind::Pools => &[Profit(P::ColPool), Profit(P::ColAmount), Profit(P::ColDriver), Profit(P::ColCapacity)],
        TableKind::Activities => {
            &[Profit(P::ColPool), Profit(P::ColActivity), Profit(P::ColDriver), Profit(P::ColMinutes)]
        }
        TableKind::Margins => &[Profit(P::ColGroup), Profit(P::ColMargin)],
        TableKind::KpiTargets => &[Scorecard(S::Metric), Scorecard(S::Unit), Scorecard(S::Target)],
    }
}

fn caption(kind: TableKind) -> Label {
    match kind {
        TableKind::Pools => Label::Profit(P::PoolsCaption),
        TableKind::Activities => Label::Profit(P::ActivitiesCaption),
        TableKind::Margins => Label::Profit(P::MarginsCaption),
        TableKind::KpiTargets => Label::Scorecard(S::TargetsTitle),
    }
}

fn slug(kind: TableKind) -> &'static str {
    match kind {
        TableKind::Pools => "cost-pools",
        TableKind::Activities => "activities",
        TableKind::Margins => "margins",
        TableKind::KpiTargets => "kpi-targets",
    }
}

pub fn driver_label(driver: Driver) -> P {
    match driver {
        Driver::Invoice => P::DriverInvoice,
        Driver::Line => P::DriverLine,
        Driver::Revenue => P::DriverRevenue,
        Driver::Customer => P::DriverCustomer,
        Driver::Time => P::DriverTime,
    }
}

fn activity_label(driver: ActivityDriver) -> P {
    match driver {
        ActivityDriver::Invoice => P::DriverInvoice,
        ActivityDriver::Line => P::DriverLine,
        ActivityDriver::Customer => P::DriverCustomer,
        ActivityDriver::Contact => P::DriverContact,
    }
}

/// The choices of a cell that is a select (the drivers, the metrics), as (value in the file, label).
fn choices(kind: TableKind, column: usize) -> Option<Vec<(&'static str, Label)>> {
    let profit = |(name, label)| (name, Label::Profit(label));
    match (kind, column) {
        (TableKind::Pools, 2) => Some(Driver::ALL.iter().map(|&d| profit((d.name(), driver_label(d)))).collect()),
        (TableKind::Activities, 2) => Some(activity_drivers().map(|d| profit((d.name(), activity_label(d)))).collect()),
        (TableKind::KpiTargets, 0) => {
            Some(Metric::ALL.iter().map(|&m| (m.name(), Label::Scorecard(metric_name(m)))).collect())
        }
        _ => None,
    }
}

/// The editor: the pools, the activities, the margins (when `margins` says so) and one save.
#[component]
pub fn TablesEditor(editor: Editor, #[prop(into)] margins: Signal<bool>) -> impl IntoView {
    let i18n = use_i18n();
    let workspace = use_workspace();
    move || {
        workspace.is_loaded().then(|| {
            view! {
                <div class="card tables-editor" data-testid="tables-editor">
                    <h2>{move || i18n.t(P::EditorTitle)}</h2>
                    <p class="hint">{move || i18n.t(P::EditorHint)}</p>
                    <GridEditor editor kind=TableKind::Pools/>
                    <p class="hint">{move || i18n.t(P::ActivitiesHint)}</p>
                    <GridEditor editor kind=TableKind::Activities/>
                    {move || margins.get().then(|| view! {
                        <p class="hint">{move || i18n.t(P::MarginsHint)}</p>
                        <GridEditor editor kind=TableKind::Margins/>
                    })}
                    <SaveBar editor label=Label::Profit(P::SaveTables)/>
                </div>
            }
        })
    }
}

/// The save button, the note that the tables were kept, and a refusal that is not a table's cell.
#[component]
pub fn SaveBar(editor: Editor, label: Label) -> impl IntoView {
    let i18n = use_i18n();
    let other_problem = move || {
        editor.problem.with(|p| match p {
            Some(Failure::Table(_)) | None => None,
            Some(failure) => Some(describe(failure, i18n.locale())),
        })
    };
    view! {
        <div class="actions">
            <button type="button" class="button" data-testid="save-tables" on:click=move |_| editor.save()>
                {move || i18n.t(label)}
            </button>
            {move || editor.saved.get().then(|| view! { <p class="saved-note" role="status" data-testid="tables-saved">{move || i18n.t(P::Saved)}</p> })}
        </div>
        {move || other_problem().map(|text| view! { <p class="card card-error" role="alert">{text}</p> })}
    }
}

/// One table of the editor: its rows of cells, add and remove, CSV import and download, and
/// the refusal that concerns it.
#[component]
pub fn GridEditor(editor: Editor, kind: TableKind) -> impl IntoView {
    let i18n = use_i18n();
    let name = slug(kind);
    let rows = move || {
        editor.layout.track();
        let count = editor.drafts.with_untracked(|d| grid(d, kind).len());
        (0..count).map(|row| view! { <GridRow editor kind row/> }).collect_view()
    };
    let problem = move || {
        editor.problem.with(|p| match p {
            Some(Failure::Table(error)) if error.table == kind => Some(table_error(error, i18n.locale())),
            _ => None,
        })
    };
    let csv = Signal::derive(move || TableData {
        caption: i18n.t(caption(kind)).to_string(),
        columns: kind.columns().iter().map(|c| c.to_string()).collect(),
        rows: editor.drafts.with(|d| grid(d, kind).iter().map(|r| r.iter().map(Cell::text).collect()).collect()),
        footer: None,
    });
    view! {
        <h3>{move || i18n.t(caption(kind))}</h3>
        <table class="data-table grid-editor" data-testid=format!("editor-{name}")>
            <caption class="visually-hidden">{move || i18n.t(table_name(kind))}</caption>
            <thead><tr>
                {labels(kind).iter().map(|&l| view! { <th scope="col">{move || i18n.t(l)}</th> }).collect_view()}
                <th scope="col"><span class="visually-hidden">{move || i18n.t(P::RemoveRow)}</span></th>
            </tr></thead>
            <tbody>{rows}</tbody>
        </table>
        {move || problem().map(|text| view! { <p class="card card-error" role="alert" data-testid=format!("error-{name}")>{text}</p> })}
        <div class="actions">
            <button type="button" class="button button-secondary button-small" data-testid=format!("add-{name}") on:click=move |_| editor.add_row(kind)>
                {move || i18n.t(P::AddRow)}
            </button>
            <label class="button button-secondary button-small file-pick">
                {move || i18n.t(P::ImportCsv)}
                <input type="file" accept=".csv,.txt,.xlsx,.xlsm,.xlsb,.xls,.ods,text/csv" data-testid=format!("import-{name}")
                    on:change=move |ev| {
                        let input: web_sys::HtmlInputElement = event_target(&ev);
                        if let Some(file) = input.files().and_then(|f| f.get(0)) {
                            editor.import(kind, file);
                        }
                        input.set_value("");
                    }/>
            </label>
            <CsvButton table=csv file=name/>
        </div>
    }
}

#[component]
fn GridRow(editor: Editor, kind: TableKind, row: usize) -> impl IntoView {
    let i18n = use_i18n();
    let cells = (0..kind.columns().len()).map(|column| view! { <GridCell editor kind row column/> }).collect_view();
    view! {
        <tr>
            {cells}
            <td>
                <button type="button" class="button button-secondary button-small" on:click=move |_| editor.remove_row(kind, row)
                    aria-label=move || format!("{} {}", i18n.t(P::RemoveRow), row + 1)>"×"</button>
            </td>
        </tr>
    }
}

/// One cell: a text field, or a select of drivers; marked invalid with its problem when the
/// engine refused it.
#[component]
fn GridCell(editor: Editor, kind: TableKind, row: usize, column: usize) -> impl IntoView {
    let i18n = use_i18n();
    let key = kind.columns()[column];
    let value = editor.drafts.with_untracked(|d| grid(d, kind).get(row).and_then(|r| r.get(column)).cloned());
    let value = value.unwrap_or_default();
    let label = move || format!("{} {}", i18n.t(labels(kind)[column]), row + 1);
    let problem = move || editor.cell_problem(kind, row, key);
    let testid = format!("cell-{}-{row}-{key}", slug(kind));
    let input = match choices(kind, column) {
        Some(options) => {
            let options = options
                .into_iter()
                .map(|(v, l)| view! { <option value=v selected=value == v>{move || i18n.t(l)}</option> })
                .collect_view();
            view! {
                <select data-testid=testid aria-label=label aria-invalid=move || problem().is_some().to_string()
                    on:change=move |ev| editor.edit(kind, row, column, event_target_value(&ev))>
                    <option value="" selected=value.is_empty()>"–"</option>
                    {options}
                </select>
            }
            .into_any()
        }
        None => view! {
            <input type="text" value=value data-testid=testid aria-label=label aria-invalid=move || problem().is_some().to_string()
                on:input=move |ev| editor.edit(kind, row, column, event_target_value(&ev))/>
        }
        .into_any(),
    };
    view! {
        <td class:cell-invalid=move || problem().is_some()>
            {input}
            {move || problem().map(|p| view! { <span class="cell-problem">{move || i18n.t(p)}</span> })}
        </td>
    }
}

//! The side tables' editor, shared by the pages that keep tables with the workspace (the
//! Profitability page's cost pools, activities and margins; the Interviews, Goals and Contact Plan
//! pages' tables):
//! the rows of cells the user types, imports from CSV or a workbook, or downloads. The engine
//! checks them (`Request::SetTables`, `Request::ImportTable`) and keeps them with the workspace; a
//! bad cell comes back as a `TableError`, shown at the cell and in words under its table.

use crate::engine::contact_plan::ContactType;
use crate::engine::cost_pools::{ActivityDriver, Driver};
use crate::engine::goals::Spread;
use crate::engine::kpi_cascade::Metric;
use crate::engine::pyramid::Level;
use crate::engine::session::tables::{Drafts, TableError, TableKind};
use crate::engine::session::{Failure, Request, Response};
use crate::engine::sheets::{self, SheetTable};
use crate::i18n::failure::describe;
use crate::i18n::planning::{column_label, spread_label, table_caption};
use crate::i18n::profit::{problem, table_error, table_name};
use crate::i18n::scorecard::metric_name;
use crate::i18n::{AnalysisMsg, ContactMsg as C, Locale, PlanningMsg as L, ProfitMsg as P, ScorecardMsg as S, Text};
use crate::ui::components::answer::level_name;
use crate::ui::components::table::{Cell, CsvButton, TableData};
use crate::ui::download::offer;
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
    /// Bumped when the engine kept new tables: the page's answer is asked again.
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

    pub fn save(self) {
        let drafts = self.drafts.get_untracked();
        spawn_local(async move { self.take(ask(Request::SetTables(drafts)).await) });
    }

    /// Imports `tables` from one file (a workbook holds a sheet per table), all or none.
    pub fn import(self, tables: Vec<TableKind>, file: web_sys::File) {
        spawn_local(async move {
            let request = Request::ImportTables { tables, file: slot(0, &file) };
            self.take(ask_with_files(request, &[file]).await)
        });
    }

    fn edit(self, kind: TableKind, row: usize, column: usize, text: String) {
        self.saved.set(false);
        self.drafts.update(|d| {
            if let Some(cell) = d.grid_mut(kind).get_mut(row).and_then(|r| r.get_mut(column)) {
                *cell = text;
            }
        });
    }

    fn add_row(self, kind: TableKind) {
        self.push_row(kind, vec![String::new(); kind.columns().len()]);
    }

    /// Adds a filled row (a page's form) and draws the table again.
    pub fn push_row(self, kind: TableKind, row: Vec<String>) {
        self.saved.set(false);
        self.drafts.update(|d| d.grid_mut(kind).push(row));
        self.layout.update(|n| *n += 1);
    }

    fn remove_row(self, kind: TableKind, row: usize) {
        self.drafts.update(|d| {
            if row < d.grid(kind).len() {
                d.grid_mut(kind).remove(row);
            }
        });
        self.layout.update(|n| *n += 1);
    }

    /// Empties a table (kept once saved).
    pub fn clear(self, kind: TableKind) {
        self.drafts.update(|d| d.grid_mut(kind).clear());
        self.layout.update(|n| *n += 1);
    }

    /// How many rows a table has.
    pub fn rows(self, kind: TableKind) -> usize {
        self.drafts.with(|d| d.grid(kind).len())
    }

    /// The tables as a workbook with a sheet per table.
    pub fn workbook(self, kinds: &[TableKind]) -> Vec<u8> {
        let sheets: Vec<SheetTable> = self.drafts.with_untracked(|d| kinds.iter().map(|&kind| d.sheet(kind)).collect());
        sheets::workbook(&sheets)
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

/// A text of the editor: the profitability tables', the interviews' and goals', the contact
/// plan's, the scorecard's, or a pyramid level's name.
#[derive(Copy, Clone)]
pub enum Words {
    Profit(P),
    Planning(L),
    Contact(C),
    Scorecard(S),
    Analysis(AnalysisMsg),
}

impl Text for Words {
    fn text(self, locale: Locale) -> &'static str {
        match self {
            Words::Profit(m) => m.text(locale),
            Words::Planning(m) => m.text(locale),
            Words::Contact(m) => m.text(locale),
            Words::Scorecard(m) => m.text(locale),
            Words::Analysis(m) => m.text(locale),
        }
    }
}

/// The label of a column of a table.
fn label(kind: TableKind, column: usize) -> Words {
    let profit = |labels: &[P]| Words::Profit(labels[column]);
    let contact = |labels: &[C]| Words::Contact(labels[column]);
    match kind {
        TableKind::Pools => profit(&[P::ColPool, P::ColAmount, P::ColDriver, P::ColCapacity]),
        TableKind::Activities => profit(&[P::ColPool, P::ColActivity, P::ColDriver, P::ColMinutes]),
        TableKind::Margins => profit(&[P::ColGroup, P::ColMargin]),
        TableKind::Norms => contact(&[C::ColLevel, C::ColContactType, C::ColPerYear, C::ColMinutes]),
        TableKind::Capacity => contact(&[C::ColRep, C::ColHoursPerYear]),
        TableKind::Contacts => contact(&[C::ColCustomer, C::ColDate, C::ColType, C::ColMinutes]),
        TableKind::KpiTargets => Words::Scorecard([S::Metric, S::Unit, S::Target][column]),
        _ => Words::Planning(column_label(kind, column)),
    }
}

fn caption(kind: TableKind) -> Words {
    match kind {
        TableKind::Pools => Words::Profit(P::PoolsCaption),
        TableKind::Activities => Words::Profit(P::ActivitiesCaption),
        TableKind::Margins => Words::Profit(P::MarginsCaption),
        TableKind::Norms => Words::Contact(C::NormsCaption),
        TableKind::Capacity => Words::Contact(C::CapacityCaption),
        TableKind::Contacts => Words::Contact(C::ContactsCaption),
        TableKind::KpiTargets => Words::Scorecard(S::TargetsTitle),
        _ => Words::Planning(table_caption(kind)),
    }
}

/// The test ids' and downloads' name of a table.
pub fn slug(kind: TableKind) -> &'static str {
    match kind {
        TableKind::Pools => "cost-pools",
        TableKind::Activities => "activities",
        TableKind::Margins => "margins",
        TableKind::Interviews => "interviews",
        TableKind::Goal => "goal",
        TableKind::GoalShares => "goal-shares",
        TableKind::Targets => "targets",
        TableKind::Norms => "contact-norms",
        TableKind::Capacity => "capacity",
        TableKind::Contacts => "contacts",
        TableKind::KpiTargets => "kpi-targets",
    }
}

pub fn contact_label(contact: ContactType) -> C {
    match contact {
        ContactType::Visit => C::TypeVisit,
        ContactType::Call => C::TypeCall,
        ContactType::Mailing => C::TypeMailing,
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

/// The choices of a cell that is a select (the drivers, the spread, levels, contact types), as
/// (value in the file, label).
fn choices(kind: TableKind, column: usize) -> Option<Vec<(&'static str, Words)>> {
    let profit = |(value, label): (&'static str, P)| (value, Words::Profit(label));
    let contacts = || ContactType::ALL.iter().map(|&c| (c.name(), Words::Contact(contact_label(c)))).collect();
    match (kind, column) {
        (TableKind::Pools, 2) => Some(Driver::ALL.iter().map(|&d| profit((d.name(), driver_label(d)))).collect()),
        (TableKind::Activities, 2) => {
            Some(ActivityDriver::ALL.iter().map(|&d| profit((d.name(), activity_label(d)))).collect())
        }
        (TableKind::Norms, 0) => Some(Level::ALL.iter().map(|&l| (l.name(), Words::Analysis(level_name(l)))).collect()),
        (TableKind::Norms, 1) | (TableKind::Contacts, 2) => Some(contacts()),
        (TableKind::KpiTargets, 0) => {
            Some(Metric::ALL.iter().map(|&m| (m.name(), Words::Scorecard(metric_name(m)))).collect())
        }
        (TableKind::Goal, 3) => {
            Some(Spread::ALL.iter().map(|&s| (s.name(), Words::Planning(spread_label(s)))).collect())
        }
        _ => None,
    }
}

/// The "Download XLSX" button of a page's tables: one workbook, a sheet per table.
#[component]
pub fn WorkbookButton(editor: Editor, tables: &'static [TableKind], file: &'static str) -> impl IntoView {
    let i18n = use_i18n();
    let download = move |_| {
        let mime = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
        let _ = offer(&format!("{file}.xlsx"), mime, &editor.workbook(tables));
    };
    view! {
        <button type="button" class="button button-secondary button-small" data-testid=format!("xlsx-{file}") on:click=download>
            {move || i18n.t(L::DownloadXlsx)}
        </button>
    }
}

/// The "Import workbook" control of a page's tables: each table from its sheet.
#[component]
pub fn WorkbookImport(editor: Editor, tables: &'static [TableKind], file: &'static str) -> impl IntoView {
    let i18n = use_i18n();
    view! {
        <label class="button button-secondary button-small file-pick">
            {move || i18n.t(L::ImportXlsx)}
            <input type="file" accept=".xlsx,.xlsm,.xlsb,.xls,.ods" data-testid=format!("import-xlsx-{file}")
                on:change=move |ev| {
                    let input: web_sys::HtmlInputElement = event_target(&ev);
                    if let Some(picked) = input.files().and_then(|f| f.get(0)) {
                        editor.import(tables.to_vec(), picked);
                    }
                    input.set_value("");
                }/>
        </label>
    }
}

/// The save button, its "saved" note, the page's other buttons (`children`), and a refusal that
/// no table `shown` on the page says under itself (e.g. an activity driven by `contact` when the
/// contacts are cleared elsewhere, or a storage failure).
#[component]
pub fn SaveBar(
    editor: Editor,
    shown: &'static [TableKind],
    #[prop(optional)] label: Option<Words>,
    #[prop(optional)] children: Option<Children>,
) -> impl IntoView {
    let i18n = use_i18n();
    let label = label.unwrap_or(Words::Profit(P::SaveTables));
    let other_problem = move || {
        editor.problem.with(|p| match p {
            Some(Failure::Table(error)) if shown.contains(&error.table) => None,
            Some(Failure::Table(error)) => Some(table_error(error, i18n.locale())),
            None => None,
            Some(failure) => Some(describe(failure, i18n.locale())),
        })
    };
    view! {
        <div class="actions">
            <button type="button" class="button" data-testid="save-tables" on:click=move |_| editor.save()>
                {move || i18n.t(label)}
            </button>
            {children.map(|c| c())}
            {move || editor.saved.get().then(|| view! { <p class="saved-note" role="status" data-testid="tables-saved">{move || i18n.t(P::Saved)}</p> })}
        </div>
        {move || other_problem().map(|text| view! { <p class="card card-error" role="alert" data-testid="tables-problem">{text}</p> })}
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
        let count = editor.drafts.with_untracked(|d| d.grid(kind).len());
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
        rows: editor.drafts.with(|d| d.grid(kind).iter().map(|r| r.iter().map(Cell::text).collect()).collect()),
        footer: None,
    });
    let columns = kind.columns().len();
    view! {
        <h3>{move || i18n.t(caption(kind))}</h3>
        <table class="data-table grid-editor" data-testid=format!("editor-{name}")>
            <caption class="visually-hidden">{move || i18n.t(table_name(kind))}</caption>
            <thead><tr>
                {(0..columns).map(|c| view! { <th scope="col">{move || i18n.t(label(kind, c))}</th> }).collect_view()}
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
                            editor.import(vec![kind], file);
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

/// One cell: a text field, or a select of choices; marked invalid with its problem when the
/// engine refused it.
#[component]
fn GridCell(editor: Editor, kind: TableKind, row: usize, column: usize) -> impl IntoView {
    let i18n = use_i18n();
    let key = kind.columns()[column];
    let value = editor.drafts.with_untracked(|d| d.grid(kind).get(row).and_then(|r| r.get(column)).cloned());
    let value = value.unwrap_or_default();
    let label = move || format!("{} {}", i18n.t(label(kind, column)), row + 1);
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

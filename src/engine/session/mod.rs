//! The engine's one front door for the app: a `Session` holds the workspace's ledger and
//! answers `Request`s with `Response`s. Both are plain serde data, so the same session runs in
//! the browser's Web Worker (requests arrive as messages, `crate::protocol`) or, where workers
//! are unavailable, on the page itself; and it is tested natively like the rest of the engine.
//!
//! A request is generic over its files: the session takes `Request<FileData>` (names and bytes);
//! the page, which holds only `File` handles, sends the worker a `Request<FileSlot>` naming
//! them, and the worker turns it into this with `Request::map_files`.

pub mod analysis;
pub mod backup;
mod failure;
pub mod tables;

use super::actions::{self, Action, ActionEdit};
use super::customer_focus::request::{FocusEdit, FocusSaved};
use super::import::{self, ImportError, ImportOptions, ImportReport, Imported, InputFile, Preview, Progress};
use super::ledger::Ledger;
use super::period::YearStart;
use super::sample;
use super::summary::Summary;
pub use analysis::Ahead;
use analysis::{AnalysisCache, AnalysisRequest, AnalysisResponse};
pub use backup::BackupError;
pub use failure::{Failure, Loss};
use serde::{Deserialize, Serialize};
use std::sync::Arc;
use tables::{Drafts, SideTables, TableKind};

/// Where the workspace's ledger came from.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum Source {
    Sample,
    /// Imported from these files.
    Files(Vec<String>),
    /// Imported from files of totals per customer and period (`clientele_customer_period`,
    /// docs/warehouse.md) whose periods start on `year_start`: each row is one line on its
    /// period's first day, so the analyses by period work and those that need single lines say so.
    /// (Added last: the workspace file stores the variant's index, so older files still read.)
    PeriodTotals {
        files: Vec<String>,
        year_start: YearStart,
    },
}

impl Source {
    /// The year start of a workspace of totals per period.
    pub fn period_totals(&self) -> Option<YearStart> {
        match self {
            Source::PeriodTotals { year_start, .. } => Some(*year_start),
            Source::Sample | Source::Files(_) => None,
        }
    }
}

/// One file handed to the session: its name and its bytes.
#[derive(Clone, Debug, Serialize, Deserialize)]
pub struct FileData {
    pub name: String,
    pub bytes: Vec<u8>,
}

/// A request to the session; `F` is how it names its files (`FileData` here, a slot of the
/// posted files between the page and the worker).
#[derive(Clone, Debug, Serialize, Deserialize)]
pub enum Request<F = FileData> {
    LoadSample,
    /// The guess and first rows of a file, for the preview and override screen.
    Preview {
        file: F,
        options: ImportOptions,
        rows: usize,
    },
    /// Imports files into a candidate ledger; `Commit` makes it the workspace's, `Discard`
    /// drops it (the user saw the report and cancelled).
    Import {
        files: Vec<F>,
        options: ImportOptions,
    },
    Commit,
    Discard,
    Close,
    /// Opens a workspace file (a backup, or what storage kept).
    Restore {
        file: F,
    },
    Analysis(AnalysisRequest),
    /// The side tables as the editor shows them.
    Tables,
    /// Replaces the side tables with the editor's rows (saved with the workspace).
    SetTables(Drafts),
    /// Replaces one side table with a CSV file (the others are kept and checked against it).
    ImportTable {
        table: TableKind,
        file: F,
    },
    /// Replaces several side tables from one workbook, a sheet each (all or none).
    ImportTables {
        tables: Vec<TableKind>,
        file: F,
    },
    /// Creates or edits a Customer Focus survey, or imports answers into one.
    EditFocus(FocusEdit<F>),
    /// Changes the Actions list.
    EditActions(ActionEdit),
    /// Replaces the Actions list with a CSV or XLSX file of it (`actions::file`).
    ImportActions {
        file: F,
    },
}

/// How much of a file a request needs.
#[derive(Copy, Clone, Debug, PartialEq, Eq)]
pub enum Extent {
    Whole,
    /// The first `import::SAMPLE_BYTES` (what the importer guesses from), for the preview: a
    /// 100 MB export is not copied to show twelve rows. A workbook (`import::is_workbook`) is
    /// an archive and is always read whole.
    Head,
}

impl<F> Request<F> {
    /// The same request with each file replaced by what `read` makes of it (and how much of it
    /// the request needs); the first failure is the result.
    pub fn map_files<G, E>(self, mut read: impl FnMut(F, Extent) -> Result<G, E>) -> Result<Request<G>, E> {
        Ok(match self {
            Request::Preview { file, options, rows } => {
                Request::Preview { file: read(file, Extent::Head)?, options, rows }
            }
            Request::Import { files, options } => {
                let files = files.into_iter().map(|f| read(f, Extent::Whole)).collect::<Result<_, _>>()?;
                Request::Import { files, options }
            }
            Request::Restore { file } => Request::Restore { file: read(file, Extent::Whole)? },
            Request::ImportTable { table, file } => Request::ImportTable { table, file: read(file, Extent::Whole)? },
            Request::ImportTables { tables, file } => {
                Request::ImportTables { tables, file: read(file, Extent::Whole)? }
            }
            Request::EditFocus(edit) => Request::EditFocus(edit.map_files(|f| read(f, Extent::Whole))?),
            Request::EditActions(edit) => Request::EditActions(edit),
            Request::ImportActions { file } => Request::ImportActions { file: read(file, Extent::Whole)? },
            Request::Tables => Request::Tables,
            Request::SetTables(drafts) => Request::SetTables(drafts),
            Request::LoadSample => Request::LoadSample,
            Request::Commit => Request::Commit,
            Request::Discard => Request::Discard,
            Request::Close => Request::Close,
            Request::Analysis(request) => Request::Analysis(request),
        })
    }
}

#[derive(Clone, Debug, Serialize, Deserialize)]
pub enum Response {
    /// The workspace now holds this ledger.
    Loaded {
        source: Source,
        summary: Summary,
    },
    Preview(Preview),
    /// A candidate ledger waits for `Commit` or `Discard`.
    Imported(ImportReport),
    Discarded,
    Closed,
    Analysis(AnalysisResponse),
    /// The side tables, as the editor shows them.
    Tables(Drafts),
    /// The side tables were replaced (the workspace changed: storage saves it).
    TablesSaved(Drafts),
    /// A survey was created or edited, or answers imported (the workspace changed).
    FocusSaved(FocusSaved),
    /// The Actions list changed (the workspace changed).
    ActionsSaved(Vec<Action>),
    /// The request could not be done; the failure says why and what to do.
    Failed(Failure),
    Cancelled,
}

#[derive(Default)]
pub struct Session {
    ledger: Option<Arc<Ledger>>,
    source: Option<Source>,
    /// An imported ledger awaiting `Commit`, with the summary its import already computed.
    candidate: Option<(Ledger, Source, Summary)>,
    /// The user's tables beside the ledger; kept when another ledger is loaded (they describe
    /// the business, not one export), replaced by a restored workspace's, cleared by `Close`.
    tables: SideTables,
    analyses: AnalysisCache,
}

impl Session {
    /// Prepares ahead, for the ledger in use, what the first visit to a page asks for
    /// (`AnalysisCache::prepare_ahead`); nothing without a ledger.
    pub fn prepare_ahead(&mut self, ahead: Ahead) {
        if let Some(ledger) = &self.ledger {
            self.analyses.prepare_ahead(ledger, ahead);
        }
    }

    /// Answers one request. `progress` sees import progress; returning `false` cancels.
    pub fn handle(&mut self, request: Request, progress: &mut dyn FnMut(Progress) -> bool) -> Response {
        match request {
            Request::LoadSample => self.set_ledger(sample::sample_ledger(), Source::Sample),
            Request::Preview { file, options, rows } => {
                match import::preview(&file.name, &file.bytes, &options, rows) {
                    Ok(preview) => Response::Preview(preview),
                    Err(error) => failed(&file.name, error),
                }
            }
            Request::Import { files, options } => self.import(&files, &options, progress),
            Request::Commit => match self.candidate.take() {
                Some((ledger, source, summary)) => self.install(ledger, source, summary),
                None => Response::Failed(Failure::NoCandidate),
            },
            Request::Discard => {
                self.candidate = None;
                Response::Discarded
            }
            Request::Close => {
                *self = Session::default();
                Response::Closed
            }
            Request::Restore { file } => match backup::decode(&file.bytes) {
                Ok(workspace) => {
                    self.tables = workspace.tables;
                    self.set_ledger(workspace.ledger, workspace.source)
                }
                Err(error) => Response::Failed(Failure::Workspace { file: file.name, error }),
            },
            Request::Analysis(request) => match &self.ledger {
                Some(ledger) => Response::Analysis(self.analyses.answer_with(ledger, &self.tables, request)),
                // An analysis of the user's own figures (breakeven) reads no ledger: it is
                // answered before one is loaded, from an empty one.
                None if !request.needs_ledger() => {
                    Response::Analysis(self.analyses.answer_with(&Ledger::default(), &self.tables, request))
                }
                None => Response::Failed(Failure::NoLedger),
            },
            Request::Tables => Response::Tables(self.tables.drafts()),
            Request::SetTables(drafts) => self.set_tables(self.tables.with_drafts(&drafts)),
            Request::ImportTable { table, file } => self.set_tables(self.tables.with_file(table, &file)),
            Request::ImportTables { tables, file } => self.set_tables(self.tables.with_files(&tables, &file)),
            Request::EditFocus(edit) => self.keep(|tables| {
                let (focus, saved) = tables.focus.edit(edit).map_err(Failure::Focus)?;
                Ok((SideTables { focus, ..tables.clone() }, Response::FocusSaved(saved)))
            }),
            Request::EditActions(edit) => self.keep(|tables| {
                let actions = actions::edit(&tables.actions, edit).map_err(Failure::Action)?;
                Ok((SideTables { actions: actions.clone(), ..tables.clone() }, Response::ActionsSaved(actions)))
            }),
            Request::ImportActions { file } => self.keep(|tables| {
                let actions = actions::file::parse(&file.name, &file.bytes).map_err(Failure::ActionsFile)?;
                Ok((SideTables { actions: actions.clone(), ..tables.clone() }, Response::ActionsSaved(actions)))
            }),
        }
    }

    /// Keeps the tables `change` makes of the workspace's, answering what it says; a refusal
    /// keeps them as they were (a workspace needs a ledger to be saved).
    fn keep(&mut self, change: impl FnOnce(&SideTables) -> Result<(SideTables, Response), Failure>) -> Response {
        if self.ledger.is_none() {
            return Response::Failed(Failure::NoLedger);
        }
        match change(&self.tables) {
            Ok((tables, response)) => {
                self.tables = tables;
                response
            }
            Err(failure) => Response::Failed(failure),
        }
    }

    /// Keeps `tables` as the workspace's (a workspace needs a ledger to be saved).
    fn set_tables(&mut self, tables: Result<SideTables, tables::TableError>) -> Response {
        if self.ledger.is_none() {
            return Response::Failed(Failure::NoLedger);
        }
        match tables {
            Ok(tables) => {
                self.tables = tables;
                Response::TablesSaved(self.tables.drafts())
            }
            Err(error) => Response::Failed(Failure::Table(error)),
        }
    }

    pub fn ledger(&self) -> Option<&Ledger> {
        self.ledger.as_deref()
    }

    /// The workspace as one file (for storage and backups); `None` when nothing is loaded.
    pub fn workspace_file(&self) -> Option<Vec<u8>> {
        let (ledger, source) = (self.ledger.as_deref()?, self.source.as_ref()?);
        backup::encode(source, &self.tables, ledger).ok()
    }

    /// Makes `ledger` the workspace's (e.g. restored from storage).
    pub fn set_ledger(&mut self, ledger: Ledger, source: Source) -> Response {
        let summary = Summary::of(&ledger);
        self.install(ledger, source, summary)
    }

    fn install(&mut self, ledger: Ledger, source: Source, summary: Summary) -> Response {
        self.ledger = Some(Arc::new(ledger));
        self.analyses = AnalysisCache::of_period_totals(source.period_totals());
        self.source = Some(source.clone());
        Response::Loaded { source, summary }
    }

    fn import(
        &mut self,
        files: &[FileData],
        options: &ImportOptions,
        progress: &mut dyn FnMut(Progress) -> bool,
    ) -> Response {
        let inputs: Vec<InputFile<'_>> = files.iter().map(|f| InputFile { name: &f.name, bytes: &f.bytes }).collect();
        let imported = import::import_files(&inputs, options, progress);
        self.imported(files.iter().map(|f| f.name.clone()).collect(), imported)
    }

    /// Holds what importing the files `names` gave as the candidate ledger (kept on `Commit`),
    /// and says so; for imports run outside `handle` (the browser's worker reads large files in
    /// parts).
    pub fn imported(&mut self, names: Vec<String>, imported: Result<Imported, ImportError>) -> Response {
        match imported {
            Ok(imported) => {
                let summary = imported.report.summary.clone();
                let source = match imported.report.period_totals {
                    Some(year_start) => Source::PeriodTotals { files: names, year_start },
                    None => Source::Files(names),
                };
                self.candidate = Some((imported.ledger, source, summary));
                Response::Imported(imported.report)
            }
            Err(ImportError::Cancelled) => Response::Cancelled,
            Err(error) => failed(&names.join(", "), error),
        }
    }
}

/// The failure, named by its file once: an error that already names its file is not named again.
fn failed(file: &str, error: ImportError) -> Response {
    Response::Failed(Failure::Import(error.in_file(file)))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::engine::contact_plan::plan::UnknownCustomer;
    use crate::engine::contact_plan::ContactPlanRequest;
    use crate::engine::ledger::CustomerId;
    use crate::engine::period::Period;
    use analysis::{AnalysisResponse, Selection};

    fn no_progress(_: Progress) -> bool {
        true
    }

    #[test]
    fn sample_then_close() {
        let mut session = Session::default();
        let Response::Loaded { source, summary } = session.handle(Request::LoadSample, &mut no_progress) else {
            panic!("sample not loaded");
        };
        assert_eq!((source, summary.customers), (Source::Sample, 2_000));
        assert!(session.ledger().is_some());
        assert!(matches!(session.handle(Request::Close, &mut no_progress), Response::Closed));
        assert!(session.ledger().is_none());
    }

    #[test]
    fn import_waits_for_commit_and_discard_keeps_the_old_ledger() {
        let mut session = Session::default();
        session.handle(Request::LoadSample, &mut no_progress);
        let file = FileData {
            name: "ledger.csv".into(),
            bytes: b"customer;date;amount\nA;2024-01-05;10,50\nB;2024-02-01;x\n".to_vec(),
        };
        let request = Request::Import { files: vec![file], options: ImportOptions::default() };
        let Response::Imported(report) = session.handle(request.clone(), &mut no_progress) else {
            panic!("not imported");
        };
        assert_eq!((report.summary.lines, report.error_count()), (1, 1));
        session.handle(Request::Discard, &mut no_progress);
        assert_eq!(session.ledger().map(Ledger::customer_count), Some(2_000), "the sample is untouched");

        session.handle(request, &mut no_progress);
        let Response::Loaded { source, summary } = session.handle(Request::Commit, &mut no_progress) else {
            panic!("not committed");
        };
        assert_eq!(source, Source::Files(vec!["ledger.csv".into()]));
        assert_eq!(summary.revenue.cents(), 1_050);
    }

    /// The preview of totals per period says so, so the Data page asks their year start; totals
    /// made for years from 1 July and imported so load with that year start, and the pyramid of
    /// those years is the file's (A 200 + 50 = 250 top, B 100 small, as in the test below).
    #[test]
    fn totals_per_period_of_fiscal_years() {
        use crate::engine::pyramid::PyramidRequest;
        use analysis::Selection;
        let bytes = b"customer,period,revenue,cost,lines\nA,2024,200.00,,3\nA,2024,50.00,,1\nB,2024,100.00,,2\n";
        let file = FileData { name: "totals.csv".into(), bytes: bytes.to_vec() };
        let ledger =
            FileData { name: "ledger.csv".into(), bytes: b"customer,date,amount\nA,2024-01-02,5.00\n".to_vec() };
        let mut session = Session::default();
        let mut preview = |file: FileData| match session
            .handle(Request::Preview { file, options: ImportOptions::default(), rows: 5 }, &mut no_progress)
        {
            Response::Preview(preview) => preview.period_totals,
            _ => panic!("no preview"),
        };
        assert_eq!((preview(file.clone()), preview(ledger)), (true, false));
        let fiscal = YearStart::parse("07-01").unwrap_or_default();
        let options = ImportOptions { period_year_start: fiscal, ..ImportOptions::default() };
        session.handle(Request::Import { files: vec![file], options }, &mut no_progress);
        let Response::Loaded { source, .. } = session.handle(Request::Commit, &mut no_progress) else {
            panic!("not committed");
        };
        assert_eq!(source, Source::PeriodTotals { files: vec!["totals.csv".into()], year_start: fiscal });
        let selection = Selection { year_start: fiscal, ..Selection::default() };
        let pyramid = PyramidRequest { selection, period: None, outside: Default::default() };
        let Response::Analysis(AnalysisResponse::Pyramid(view)) =
            session.handle(Request::Analysis(pyramid.into()), &mut no_progress)
        else {
            panic!("no pyramid")
        };
        let rows: Vec<(usize, i64)> = view.pyramid.levels.iter().map(|r| (r.customers, r.revenue.cents())).collect();
        assert_eq!(rows, vec![(1, 25_000), (0, 0), (0, 0), (1, 10_000), (0, 0)]);
    }

    /// Totals per customer and year (as the warehouse script exports them) load as a workspace
    /// of totals: the pyramid of 2024 is the ledger's (A 250 + B 100 = 350 from A's two rows of
    /// departments and B's one: 2 active customers, k(1 %) = 1, so A top with 250, B small with
    /// 100), pages that need single lines say so, another year start is refused, and the kind
    /// of workspace survives its file.
    #[test]
    fn totals_per_period_load_as_a_workspace_of_totals() {
        use crate::engine::pyramid::PyramidRequest;
        use crate::engine::rfm::RfmRequest;
        use analysis::{EmptyReason, Selection};
        let bytes = b"customer,period,department,revenue,cost,lines\nA,2024,North,200.00,,3\nA,2024,South,50.00,,1\n\
                      B,2024,North,100.00,,2\n";
        let file = FileData { name: "clientele_customer_period.csv".into(), bytes: bytes.to_vec() };
        let mut session = Session::default();
        session.handle(Request::Import { files: vec![file], options: ImportOptions::default() }, &mut no_progress);
        let Response::Loaded { source, summary } = session.handle(Request::Commit, &mut no_progress) else {
            panic!("not committed");
        };
        let files = vec!["clientele_customer_period.csv".to_string()];
        assert_eq!(source, Source::PeriodTotals { files, year_start: YearStart::default() });
        assert_eq!((summary.lines, summary.customers, summary.revenue.cents()), (3, 2, 35_000));
        let mut ask = |request: AnalysisRequest| match session.handle(Request::Analysis(request), &mut no_progress) {
            Response::Analysis(answer) => answer,
            _ => panic!("no analysis answer"),
        };
        let pyramid = PyramidRequest { selection: Selection::default(), period: None, outside: Default::default() };
        let AnalysisResponse::Pyramid(view) = ask(pyramid.clone().into()) else { panic!("no pyramid") };
        let rows: Vec<(usize, i64)> = view.pyramid.levels.iter().map(|r| (r.customers, r.revenue.cents())).collect();
        assert_eq!(rows, vec![(1, 25_000), (0, 0), (0, 0), (1, 10_000), (0, 0)]);
        let fiscal = YearStart::parse("07-01").unwrap_or_default();
        let selection = Selection { year_start: fiscal, ..Selection::default() };
        let other_year = ask(PyramidRequest { selection: selection.clone(), ..pyramid }.into());
        assert!(
            matches!(other_year, AnalysisResponse::Empty(EmptyReason::PeriodTotalsYearStart(y)) if y == YearStart::default())
        );
        let rfm =
            RfmRequest { selection: Selection::default(), period: None, settings: Default::default(), segment: None };
        assert!(matches!(ask(rfm.into()), AnalysisResponse::Empty(EmptyReason::NeedsSingleLines)));

        let file = FileData { name: "backup.clientele".into(), bytes: session.workspace_file().unwrap_or_default() };
        let mut other = Session::default();
        let Response::Loaded { source, .. } = other.handle(Request::Restore { file }, &mut no_progress) else {
            panic!("not restored");
        };
        assert_eq!(source.period_totals(), Some(YearStart::default()));
    }

    #[test]
    fn a_workspace_file_restores_the_same_workspace() {
        let mut session = Session::default();
        session.handle(Request::LoadSample, &mut no_progress);
        let bytes = session.workspace_file().unwrap();
        let mut other = Session::default();
        let file = FileData { name: "backup.clientele".into(), bytes };
        let Response::Loaded { source, summary } = other.handle(Request::Restore { file }, &mut no_progress) else {
            panic!("not restored");
        };
        assert_eq!((source, summary.customers), (Source::Sample, 2_000));
        let junk = FileData { name: "notes.txt".into(), bytes: b"hello".to_vec() };
        let Response::Failed(failure) = other.handle(Request::Restore { file: junk }, &mut no_progress) else {
            panic!("junk restored");
        };
        assert_eq!(failure, Failure::Workspace { file: "notes.txt".into(), error: BackupError::NotABackup });
        let message = failure.to_string();
        assert!(message.starts_with("notes.txt: this is not a Clientele workspace file"), "{message}");
        assert_eq!(other.ledger().map(Ledger::customer_count), Some(2_000), "the workspace is untouched");
    }

    #[test]
    fn side_tables_are_kept_with_the_workspace_and_checked_cell_by_cell() {
        let mut session = Session::default();
        let pools = b"pool,amount,driver,capacity_minutes\nSales,250.5,customer,\n".to_vec();
        let import = |bytes: &[u8]| Request::ImportTable {
            table: TableKind::Pools,
            file: FileData { name: "pools.csv".into(), bytes: bytes.to_vec() },
        };
        let Response::Failed(failure) = session.handle(import(&pools), &mut no_progress) else { panic!("no ledger") };
        assert_eq!(failure, Failure::NoLedger, "tables are kept with a workspace, which needs a ledger");
        session.handle(Request::LoadSample, &mut no_progress);
        let Response::TablesSaved(drafts) = session.handle(import(&pools), &mut no_progress) else {
            panic!("not saved")
        };
        assert_eq!(drafts.pools, [["Sales", "250.50", "customer", ""]]);
        // An activity for a pool that is not time-driven: the activities table, line 2, column pool.
        let mut bad = drafts.clone();
        bad.activities = vec![vec!["Sales".into(), "Calls".into(), "customer".into(), "5".into()]];
        let Response::Failed(Failure::Table(error)) = session.handle(Request::SetTables(bad), &mut no_progress) else {
            panic!("a bad activity was kept")
        };
        assert_eq!((error.table, error.error.line, error.error.column.as_str()), (TableKind::Activities, 2, "pool"));
        // The failed edit left the tables as they were; they survive a save and a restore, and
        // loading another ledger keeps them; closing the workspace clears them.
        let bytes = session.workspace_file().unwrap();
        let mut other = Session::default();
        other.handle(Request::Restore { file: FileData { name: "w.clientele".into(), bytes } }, &mut no_progress);
        assert!(matches!(other.handle(Request::Tables, &mut no_progress), Response::Tables(d) if d == drafts));
        other.handle(Request::LoadSample, &mut no_progress);
        assert!(matches!(other.handle(Request::Tables, &mut no_progress), Response::Tables(d) if d == drafts));
        other.handle(Request::Close, &mut no_progress);
        assert!(matches!(other.handle(Request::Tables, &mut no_progress), Response::Tables(d) if d.pools.is_empty()));
    }

    #[test]
    fn the_contact_plan_tables_are_kept_with_the_workspace() {
        // The sample's first customer by key, a contact of 2026 with it and one with a customer
        // the sample lacks; a rep's capacity. Saved, restored: the same rows, and the plan of
        // 2026 (from the 2025 pyramid) counts the one known contact and reports the other.
        let mut session = Session::default();
        session.handle(Request::LoadSample, &mut no_progress);
        let Response::Tables(mut drafts) = session.handle(Request::Tables, &mut no_progress) else { panic!("tables") };
        let known = session.ledger().map(|l| l.customer_key(CustomerId::from_index(0)).to_string()).unwrap_or_default();
        let row = |cells: &[&str]| cells.iter().map(|c| c.to_string()).collect::<Vec<_>>();
        drafts.contacts = vec![row(&[&known, "2026-02-10", "visit", "80"]), row(&["NOBODY", "2026-02-11", "call", ""])];
        drafts.capacity = vec![row(&["Anna de Vries", "1200"])];
        let Response::TablesSaved(saved) = session.handle(Request::SetTables(drafts), &mut no_progress) else {
            panic!("not saved")
        };
        let bytes = session.workspace_file().unwrap();
        let mut other = Session::default();
        other.handle(Request::Restore { file: FileData { name: "w.clientele".into(), bytes } }, &mut no_progress);
        assert!(matches!(other.handle(Request::Tables, &mut no_progress), Response::Tables(d) if d == saved));
        let request = ContactPlanRequest { selection: Selection::default(), period: None };
        let Response::Analysis(AnalysisResponse::ContactPlan(plan)) =
            other.handle(Request::Analysis(request.into()), &mut no_progress)
        else {
            panic!("no plan")
        };
        assert_eq!(plan.plan_year, Period::starting_in(2026));
        assert_eq!(plan.reps.iter().map(|r| r.year.realised_contacts).sum::<u64>(), 1);
        assert_eq!(plan.unknown.items, vec![UnknownCustomer { key: "NOBODY".into(), contacts: 1 }]);
    }

    #[test]
    fn an_actions_file_replaces_the_list_and_a_bad_one_keeps_it() {
        let mut session = Session::default();
        session.handle(Request::LoadSample, &mut no_progress);
        let file = |text: &str| FileData { name: "actions.csv".into(), bytes: text.as_bytes().to_vec() };
        let header = "what,customers,level,owner,start,due,status,expected_revenue,origin\n";
        let good = file(&format!("{header}Call them,C001;C002,,Iris,2025-01-06,,open,250,flows\n"));
        let Response::ActionsSaved(list) = session.handle(Request::ImportActions { file: good }, &mut no_progress)
        else {
            panic!("not imported")
        };
        assert_eq!((list.len(), list[0].owner.as_str()), (1, "Iris"));
        let bad = file(&format!("{header}Visit,,top,Bram,,soon,open,,pyramid\n"));
        let refused = session.handle(Request::ImportActions { file: bad }, &mut no_progress);
        assert!(
            matches!(&refused, Response::Failed(Failure::ActionsFile(e)) if (e.line, e.column.as_str()) == (2, "due")),
            "{refused:?}"
        );
        assert_eq!(session.tables.actions, list);
    }

    #[test]
    fn surveys_and_actions_are_kept_with_the_workspace_beside_the_cost_tables() {
        use crate::engine::actions::{ActionDraft, Origin, Target};
        let mut session = Session::default();
        let create = FocusEdit::Create { title: "Round 1".into(), date: String::new(), like: None, nonce: 5 };
        let refused = session.handle(Request::EditFocus(create.clone()), &mut no_progress);
        assert!(matches!(refused, Response::Failed(Failure::NoLedger)), "{refused:?}");
        session.handle(Request::LoadSample, &mut no_progress);
        let Response::FocusSaved(saved) = session.handle(Request::EditFocus(create), &mut no_progress) else {
            panic!("not created")
        };
        let draft = ActionDraft {
            what: "Call back within a day".into(),
            target: Target::FocusAspect { survey: saved.survey, aspect: 2 },
            owner: String::new(),
            start: String::new(),
            due: "2027-01-31".into(),
            expected_revenue: String::new(),
            origin: Origin::CustomerFocus,
            created: None,
        };
        let add = Request::EditActions(ActionEdit::Add(vec![draft]));
        assert!(matches!(session.handle(add, &mut no_progress), Response::ActionsSaved(a) if a.len() == 1));
        // Editing the cost tables keeps the survey and the action; so do a save and a restore.
        session.handle(Request::SetTables(Drafts::default()), &mut no_progress);
        let file = FileData { name: "w.clientele".into(), bytes: session.workspace_file().unwrap() };
        let mut other = Session::default();
        other.handle(Request::Restore { file }, &mut no_progress);
        assert_eq!(other.tables.focus.surveys[0].id, saved.survey);
        assert_eq!(other.tables.actions[0].what, "Call back within a day");
    }

    #[test]
    fn a_bad_file_fails_with_its_name() {
        let mut session = Session::default();
        let file = FileData { name: "empty.csv".into(), bytes: Vec::new() };
        let request = Request::Import { files: vec![file], options: ImportOptions::default() };
        let Response::Failed(failure) = session.handle(request, &mut no_progress) else {
            panic!("an empty file must fail");
        };
        let in_file = ImportError::InFile { file: "empty.csv".into(), error: Box::new(ImportError::Empty) };
        assert_eq!(failure, Failure::Import(in_file));
        let message = failure.to_string();
        assert!(message.starts_with("empty.csv: "), "{message}");
    }

    #[test]
    fn a_file_is_named_once_in_its_failure() {
        // A CSV saved under a workbook's name: the workbook reader refuses it, for the preview
        // and for the import alike, and says the file's name once.
        let bytes = b"customer,date,amount\nA,2024-01-01,5\n".to_vec();
        let file = FileData { name: "ledger.xlsx".into(), bytes };
        let preview = Request::Preview { file: file.clone(), options: ImportOptions::default(), rows: 10 };
        let import = Request::Import { files: vec![file], options: ImportOptions::default() };
        for request in [preview, import] {
            let Response::Failed(failure) = Session::default().handle(request, &mut no_progress) else {
                panic!("not a workbook");
            };
            let message = failure.to_string();
            assert!(message.starts_with("ledger.xlsx: the workbook cannot be read"), "{message}");
        }
    }

    #[test]
    fn an_analysis_or_a_commit_without_a_ledger_fails_with_its_reason() {
        let mut session = Session::default();
        let Response::Failed(failure) = session.handle(Request::Commit, &mut no_progress) else {
            panic!("nothing to commit");
        };
        assert_eq!(failure, Failure::NoCandidate);
        assert_eq!(failure.to_string(), "There is no imported ledger to keep: import the file again.");
        let analysis = Request::Analysis(AnalysisRequest::Dimensions(analysis::DimensionsRequest {
            year_start: Default::default(),
        }));
        let Response::Failed(failure) = session.handle(analysis, &mut no_progress) else {
            panic!("no ledger to analyse");
        };
        assert_eq!(failure.to_string(), "No ledger is loaded: load the sample or import a file first.");
    }

    #[test]
    fn map_files_reads_each_file_with_the_extent_its_request_needs() {
        // Slots 0 and 1 are posted; a preview reads the head of its file, an import and a
        // restore the whole of each, and a request without files keeps its parts.
        let posted = ["a.csv", "b.csv"];
        let read = |slot: usize, extent: Extent| match posted.get(slot) {
            Some(name) => Ok((name.to_string(), extent)),
            None => Err(format!("slot {slot} not posted")),
        };
        let preview = Request::Preview { file: 1, options: ImportOptions::default(), rows: 12 };
        let Ok(Request::Preview { file, rows, .. }) = preview.map_files(read) else { panic!("preview not mapped") };
        assert_eq!((file, rows), (("b.csv".to_string(), Extent::Head), 12));
        let import = Request::Import { files: vec![1, 0], options: ImportOptions::default() };
        let Ok(Request::Import { files, .. }) = import.map_files(read) else { panic!("import not mapped") };
        assert_eq!(files, [("b.csv".to_string(), Extent::Whole), ("a.csv".to_string(), Extent::Whole)]);
        let Ok(Request::Restore { file }) = Request::Restore { file: 0 }.map_files(read) else { panic!("restore") };
        assert_eq!(file, ("a.csv".to_string(), Extent::Whole));
        let import = Request::Import { files: vec![0, 2], options: ImportOptions::default() };
        assert_eq!(import.map_files(read).err(), Some("slot 2 not posted".to_string()));
        assert!(matches!(Request::<usize>::Commit.map_files(read), Ok(Request::Commit)));
        let table = Request::ImportTable { table: TableKind::Activities, file: 1 };
        let Ok(Request::ImportTable { table, file }) = table.map_files(read) else { panic!("table import") };
        assert_eq!((table, file), (TableKind::Activities, ("b.csv".to_string(), Extent::Whole)));
    }
}

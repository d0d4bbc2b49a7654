//! The engine's one front door for the app: a `Session` holds the workspace's ledger and
//! answers `Request`s with `Response`s. Both are plain serde data, so the same session runs in
//! the browser's Web Worker (requests arrive as messages) or, where workers are unavailable,
//! on the page itself; and it is tested natively like the rest of the engine.

pub mod analysis;
pub mod backup;

use super::import::{self, ImportError, ImportOptions, ImportReport, InputFile, Preview, Progress};
use super::ledger::Ledger;
use super::sample;
use super::summary::Summary;
use analysis::{AnalysisCache, AnalysisRequest, AnalysisResponse};
use serde::{Deserialize, Serialize};
use std::sync::Arc;

/// Where the workspace's ledger came from.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum Source {
    Sample,
    /// Imported from these files.
    Files(Vec<String>),
}

/// One file handed to the session: its name and its bytes.
#[derive(Clone, Debug, Serialize, Deserialize)]
pub struct FileData {
    pub name: String,
    pub bytes: Vec<u8>,
}

#[derive(Clone, Debug, Serialize, Deserialize)]
pub enum Request {
    LoadSample,
    /// The guess and first rows of a file, for the preview and override screen.
    Preview {
        file: FileData,
        options: ImportOptions,
        rows: usize,
    },
    /// Imports files into a candidate ledger; `Commit` makes it the workspace's, `Discard`
    /// drops it (the user saw the report and cancelled).
    Import {
        files: Vec<FileData>,
        options: ImportOptions,
    },
    Commit,
    Discard,
    Close,
    /// Opens a workspace file (a backup, or what storage kept).
    Restore {
        file: FileData,
    },
    Analysis(AnalysisRequest),
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
    /// The request could not be done; the message says why and what to do.
    Failed(String),
    Cancelled,
}

#[derive(Default)]
pub struct Session {
    ledger: Option<Arc<Ledger>>,
    source: Option<Source>,
    /// An imported ledger awaiting `Commit`, with the summary its import already computed.
    candidate: Option<(Ledger, Source, Summary)>,
    analyses: AnalysisCache,
}

impl Session {
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
                None => Response::Failed("There is no imported ledger to keep: import the file again.".into()),
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
                Ok((source, ledger)) => self.set_ledger(ledger, source),
                Err(error) => Response::Failed(format!("{}: {error}", file.name)),
            },
            Request::Analysis(request) => match &self.ledger {
                Some(ledger) => Response::Analysis(self.analyses.answer(ledger, request)),
                None => Response::Failed("No ledger is loaded: load the sample or import a file first.".into()),
            },
        }
    }

    pub fn ledger(&self) -> Option<&Ledger> {
        self.ledger.as_deref()
    }

    /// The workspace as one file (for storage and backups); `None` when nothing is loaded.
    pub fn workspace_file(&self) -> Option<Vec<u8>> {
        let (ledger, source) = (self.ledger.as_deref()?, self.source.as_ref()?);
        backup::encode(source, ledger).ok()
    }

    /// Makes `ledger` the workspace's (e.g. restored from storage).
    pub fn set_ledger(&mut self, ledger: Ledger, source: Source) -> Response {
        let summary = Summary::of(&ledger);
        self.install(ledger, source, summary)
    }

    fn install(&mut self, ledger: Ledger, source: Source, summary: Summary) -> Response {
        self.ledger = Some(Arc::new(ledger));
        self.source = Some(source.clone());
        self.analyses = AnalysisCache::default();
        Response::Loaded { source, summary }
    }

    fn import(
        &mut self,
        files: &[FileData],
        options: &ImportOptions,
        progress: &mut dyn FnMut(Progress) -> bool,
    ) -> Response {
        let inputs: Vec<InputFile<'_>> = files.iter().map(|f| InputFile { name: &f.name, bytes: &f.bytes }).collect();
        let names = files.iter().map(|f| f.name.clone()).collect::<Vec<_>>();
        match import::import_files(&inputs, options, progress) {
            Ok(imported) => {
                let summary = imported.report.summary.clone();
                self.candidate = Some((imported.ledger, Source::Files(names), summary));
                Response::Imported(imported.report)
            }
            Err(ImportError::Cancelled) => Response::Cancelled,
            Err(error) => failed(&names.join(", "), error),
        }
    }
}

/// The failure, named by its file once: an error that already names its file is not named again.
fn failed(file: &str, error: ImportError) -> Response {
    match error {
        ImportError::InFile { .. } => Response::Failed(error.to_string()),
        error => Response::Failed(format!("{file}: {error}")),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

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
        let Response::Failed(message) = other.handle(Request::Restore { file: junk }, &mut no_progress) else {
            panic!("junk restored");
        };
        assert!(message.starts_with("notes.txt: this is not a Clientele workspace file"), "{message}");
        assert_eq!(other.ledger().map(Ledger::customer_count), Some(2_000), "the workspace is untouched");
    }

    #[test]
    fn a_bad_file_fails_with_its_name() {
        let mut session = Session::default();
        let file = FileData { name: "empty.csv".into(), bytes: Vec::new() };
        let request = Request::Import { files: vec![file], options: ImportOptions::default() };
        let Response::Failed(message) = session.handle(request, &mut no_progress) else {
            panic!("an empty file must fail");
        };
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
            let Response::Failed(message) = Session::default().handle(request, &mut no_progress) else {
                panic!("not a workbook");
            };
            assert!(message.starts_with("ledger.xlsx: the workbook cannot be read"), "{message}");
        }
    }
}

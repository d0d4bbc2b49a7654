//! Why a request could not be done, as data: the session's own refusals, the import's and the
//! workspace file's errors, and what the page's bridge to the worker refuses or loses. The
//! command line prints a failure through `Display` (English); the app shows it in the user's
//! language through `i18n::failure::describe`, which is also where both texts live (one table).

use super::backup::BackupError;
use super::tables::TableError;
use crate::engine::actions::ActionError;
use crate::engine::cost_pools::InputError;
use crate::engine::customer_focus::request::FocusError;
use crate::engine::import::ImportError;
use crate::engine::limits::TooLarge;
use serde::{Deserialize, Serialize};

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum Failure {
    /// A file could not be previewed or imported (the error names the file).
    Import(ImportError),
    /// A side table (cost pools, activities, margins) with a bad cell, entered or imported.
    Table(TableError),
    /// A Customer Focus edit refused (an empty text, a bad date, a survey that is gone).
    Focus(FocusError),
    /// An action with a bad field (the improvement planner's or the Actions page's).
    Action(ActionError),
    /// An actions file (CSV or XLSX) with a bad cell (the error names file, line and column).
    ActionsFile(InputError),
    /// A workspace file that cannot be opened.
    Workspace { file: String, error: BackupError },
    /// `Commit` with no imported ledger waiting for it.
    NoCandidate,
    /// An analysis asked for with no ledger loaded.
    NoLedger,
    /// The browser could not read a picked file (moved or deleted since it was picked).
    FileUnreadable { file: String },
    /// This browser cannot read files in a worker.
    NoFileReader,
    /// The request names a file the page did not post with it.
    FileNotPosted { file: String },
    /// The worker could not read the page's message (two versions of the app at once).
    RequestNotUnderstood { detail: String },
    /// The page could not read the worker's answer, or it was of the wrong kind.
    AnswerNotUnderstood,
    /// The worker could not be started.
    EngineNotStarted { detail: String },
    /// The worker stopped before it answered.
    WorkerLost(Loss),
    /// An import larger than the browser takes, refused before a byte was read.
    TooLarge(TooLarge),
}

/// What became of a worker that stopped.
#[derive(Copy, Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum Loss {
    /// A new worker is restoring the saved workspace.
    Restarting,
    /// Workers kept stopping before they had restored it: no new one was started.
    GaveUp,
}

//! The messages between the page (`ui::engine`) and the engine's Web Worker (`worker`): one
//! serde enum for each direction, used by both sides. Each is posted as a JSON string under
//! `message`; what JSON cannot carry travels beside it in the same JS object: the `File`
//! handles of a request under `files` (the worker reads them itself, so a 100 MB file is never
//! copied through the page), and the workspace file's bytes under `bytes` (a transferred buffer).
//!
//! Plain Rust, no browser types: compiled and tested natively like the engine.

use crate::engine::import::Progress;
use crate::engine::session::{Failure, Request, Response};
use serde::{Deserialize, Serialize};

/// A file of a request from the page: the `index`th of the `File`s posted with it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct FileSlot {
    pub index: usize,
    /// The file's name, to say which file was not posted.
    pub name: String,
}

impl FileSlot {
    /// The posted item this slot names; a slot beyond what was posted is a failure.
    pub fn posted<'a, T>(&self, posted: &'a [T]) -> Result<&'a T, Failure> {
        posted.get(self.index).ok_or_else(|| Failure::FileNotPosted { file: self.name.clone() })
    }
}

/// What the page asks: a request whose files are slots of the posted `File`s.
pub type PageRequest = Request<FileSlot>;

/// From the page to the worker. `id` pairs the worker's answer with the question.
#[derive(Clone, Debug, Serialize, Deserialize)]
#[serde(tag = "kind", rename_all = "kebab-case")]
pub enum ToWorker {
    Ask {
        id: u32,
        /// Boxed: a request carrying the side tables' drafts is far larger than the other messages.
        request: Box<PageRequest>,
    },
    /// The workspace as one file, for "Save workspace".
    Backup { id: u32 },
    /// Test builds only: kill the worker or cut off or hold a save (see `worker`).
    #[cfg(feature = "test-hooks")]
    TestHook { id: u32, hook: String },
}

/// From the worker to the page.
#[derive(Clone, Debug, Serialize, Deserialize)]
#[serde(tag = "kind", rename_all = "kebab-case")]
pub enum FromWorker {
    /// Sent once, when the worker can take messages: what the page posted before waits for it.
    Listening,
    /// How far the import asked as `id` has come.
    Progress {
        id: u32,
        progress: Progress,
    },
    Response {
        id: u32,
        response: Response,
    },
    /// What the worker restored from storage at its start (`Closed`: nothing was saved).
    Restored {
        response: Response,
    },
    /// A save of the workspace has started; a `Storage` note says how it ended.
    Saving,
    Storage {
        note: StorageNote,
    },
    /// The workspace file asked as `id`; its bytes travel beside the message (none: nothing
    /// is loaded).
    Backup {
        id: u32,
    },
    /// A panic or an abort: this worker is unusable and the page replaces it.
    Died {
        detail: String,
    },
}

/// The id of a page message that is not a `ToWorker` (a page of another version), so that the
/// worker's failure still answers the question; 0 when there is none.
pub fn id_of(json: &str) -> u32 {
    #[derive(Deserialize)]
    struct Id {
        id: u32,
    }
    serde_json::from_str::<Id>(json).map_or(0, |message| message.id)
}

/// What happened to the workspace saved in this browser, for the page to tell the user.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum StorageNote {
    Saved,
    Cleared,
    /// Saving failed; the previously saved workspace is unchanged.
    NotSaved(StorageProblem),
    /// Storage cannot be used at all in this browser.
    Unavailable(StorageProblem),
}

/// Why the browser's storage (IndexedDB) refused.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum StorageProblem {
    /// The quota the browser gives this site is used up.
    Full,
    /// The browser offers no storage here (turned off, or a private window that refuses it).
    Disabled,
    /// Anything else, in the browser's words.
    Browser(String),
}

impl StorageProblem {
    /// The problem the browser's error text describes: browsers name an exhausted quota
    /// `QuotaExceededError` (Chromium: "...QuotaExceededError...", Firefox: "...quota...").
    pub fn of(detail: String) -> StorageProblem {
        if detail.to_ascii_lowercase().contains("quota") {
            StorageProblem::Full
        } else {
            StorageProblem::Browser(detail)
        }
    }

    /// A save of `file_bytes` that the browser aborted: storage is full when the file does not
    /// fit beside what the site already stores (a save writes the new workspace beside the old
    /// one before it deletes that; `estimate`: usage and quota in bytes, when the browser
    /// tells); otherwise the browser's `detail` says what it can.
    pub fn of_aborted_save(detail: String, file_bytes: u64, estimate: Option<(u64, u64)>) -> StorageProblem {
        match estimate {
            Some((usage, quota)) if usage.saturating_add(file_bytes) > quota => StorageProblem::Full,
            _ => StorageProblem::of(detail),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::engine::import::ImportOptions;
    use crate::engine::session::Loss;

    #[test]
    fn an_import_is_asked_with_its_files_as_slots_in_this_shape() {
        let slot = |index: usize, name: &str| FileSlot { index, name: name.into() };
        let request = Request::Import {
            files: vec![slot(0, "2023.csv"), slot(1, "2024.xlsb")],
            options: ImportOptions::default(),
        };
        let json = serde_json::to_string(&ToWorker::Ask { id: 7, request: Box::new(request) }).unwrap();
        assert!(json.starts_with(r#"{"kind":"ask","id":7,"request":{"Import":{"files":[{"index":0,"name":"2023.csv"},{"index":1,"name":"2024.xlsb"}],"options":{"#), "{json}");
        let ToWorker::Ask { id: 7, request } = serde_json::from_str(&json).unwrap() else {
            panic!("not read back as a request: {json}");
        };
        let Request::Import { files, .. } = *request else {
            panic!("not read back as the same import: {json}");
        };
        assert_eq!(files, [slot(0, "2023.csv"), slot(1, "2024.xlsb")]);
        let backup = serde_json::to_string(&ToWorker::Backup { id: 8 }).unwrap();
        assert_eq!(backup, r#"{"kind":"backup","id":8}"#);
        assert!(matches!(serde_json::from_str(&backup).unwrap(), ToWorker::Backup { id: 8 }));
    }

    #[test]
    fn the_worker_s_messages_round_trip_in_this_shape() {
        let cases = [
            (FromWorker::Listening, r#"{"kind":"listening"}"#),
            (
                FromWorker::Progress {
                    id: 3,
                    progress: Progress { file: 1, rows: 20, bytes_read: 400, bytes_total: 800 },
                },
                r#"{"kind":"progress","id":3,"progress":{"file":1,"rows":20,"bytes_read":400,"bytes_total":800}}"#,
            ),
            (
                FromWorker::Response { id: 4, response: Response::Failed(Failure::WorkerLost(Loss::GaveUp)) },
                r#"{"kind":"response","id":4,"response":{"Failed":{"WorkerLost":"GaveUp"}}}"#,
            ),
            (FromWorker::Restored { response: Response::Closed }, r#"{"kind":"restored","response":"Closed"}"#),
            (FromWorker::Saving, r#"{"kind":"saving"}"#),
            (
                FromWorker::Storage { note: StorageNote::NotSaved(StorageProblem::Full) },
                r#"{"kind":"storage","note":{"NotSaved":"Full"}}"#,
            ),
            (FromWorker::Backup { id: 5 }, r#"{"kind":"backup","id":5}"#),
            (FromWorker::Died { detail: "panicked at x".into() }, r#"{"kind":"died","detail":"panicked at x"}"#),
        ];
        for (message, json) in cases {
            assert_eq!(serde_json::to_string(&message).unwrap(), json);
            let back: FromWorker = serde_json::from_str(json).unwrap();
            assert_eq!(serde_json::to_string(&back).unwrap(), json, "read back differently");
        }
    }

    #[test]
    fn a_message_of_another_shape_is_an_error_not_a_panic() {
        assert!(serde_json::from_str::<ToWorker>(r#"{"id":1,"request":"LoadSample"}"#).is_err());
        assert!(serde_json::from_str::<FromWorker>(r#"{"kind":"gossip","id":1}"#).is_err());
        assert!(serde_json::from_str::<FromWorker>("").is_err());
        // The worker still answers such a question under its id.
        assert_eq!(id_of(r#"{"id":12,"request":"LoadSample"}"#), 12);
        assert_eq!(id_of(r#"{"kind":"ask","request":"LoadSample"}"#), 0);
        assert_eq!(id_of("not json"), 0);
    }

    #[test]
    fn a_slot_beyond_the_posted_files_is_a_failure_naming_the_file() {
        let posted = ["first file", "second file"];
        assert_eq!(FileSlot { index: 1, name: "b.csv".into() }.posted(&posted), Ok(&"second file"));
        let missing = FileSlot { index: 2, name: "c.csv".into() }.posted(&posted);
        assert_eq!(missing, Err(Failure::FileNotPosted { file: "c.csv".into() }));
    }

    #[test]
    fn the_browser_s_quota_error_is_storage_full() {
        // Chromium's message when a transaction exceeds the origin's quota (seen in
        // tests/e2e/import.test.mjs's full-storage test), and Firefox's.
        let chromium = "QuotaExceededError: The transaction was aborted, so the request cannot be fulfilled.";
        assert_eq!(StorageProblem::of(chromium.into()), StorageProblem::Full);
        assert_eq!(
            StorageProblem::of("The current transaction exceeded its quota limitations.".into()),
            StorageProblem::Full
        );
        let other = "UnknownError: Internal error opening backing store";
        assert_eq!(StorageProblem::of(other.into()), StorageProblem::Browser(other.into()));
    }
}

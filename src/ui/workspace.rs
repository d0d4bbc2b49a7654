//! The workspace as the pages see it: what is loaded (source and summary), a revision that
//! changes whenever the ledger does (so analysis pages ask again), import progress and what
//! happened to the saved copy. The ledger itself lives in the worker.

use super::engine::{self, ask, Listener};
use super::i18n::I18n;
use crate::i18n::Msg;
use crate::engine::import::Progress;
use crate::engine::session::{Request, Response, Source};
use crate::engine::summary::Summary;
use crate::worker::StorageNote;
use leptos::prelude::*;
use leptos::task::spawn_local;

#[derive(Clone, Debug, PartialEq)]
pub struct Loaded {
    pub source: Source,
    pub summary: Summary,
}

impl Loaded {
    /// What the user calls this ledger: the sample, or the files it came from.
    pub fn title(&self, i18n: I18n) -> String {
        match &self.source {
            Source::Sample => i18n.t(Msg::WorkspaceSample).to_string(),
            Source::Files(names) => names.join(", "),
        }
    }
}

#[derive(Copy, Clone)]
pub struct Workspace {
    loaded: RwSignal<Option<Loaded>>,
    /// False until the worker has said what it restored from storage.
    ready: RwSignal<bool>,
    revision: RwSignal<u64>,
    error: RwSignal<Option<String>>,
    progress: RwSignal<Option<Progress>>,
    storage: RwSignal<Option<StorageNote>>,
}

impl Workspace {
    pub fn provide() -> Workspace {
        let workspace = Workspace {
            loaded: RwSignal::new(None),
            ready: RwSignal::new(false),
            revision: RwSignal::new(0),
            error: RwSignal::new(None),
            progress: RwSignal::new(None),
            storage: RwSignal::new(None),
        };
        let listener = Listener {
            progress: Box::new(move |p| workspace.progress.set(Some(p))),
            response: Box::new(move |r| workspace.take(r)),
            storage: Box::new(move |note| {
                if note == StorageNote::Saved {
                    ask_to_persist();
                }
                workspace.storage.set(Some(note));
            }),
        };
        if let Err(message) = engine::start(listener) {
            workspace.error.set(Some(message));
        }
        provide_context(workspace);
        workspace
    }

    pub fn load_sample(self) {
        self.send(Request::LoadSample);
    }

    pub fn close(self) {
        self.send(Request::Close);
    }

    /// Sends a request that changes the workspace and takes in its answer.
    pub fn send(self, request: Request) {
        spawn_local(async move {
            let response = ask(request).await;
            self.take(response);
        });
    }

    /// Takes in a response that may change the workspace.
    pub fn take(self, response: Response) {
        self.progress.set(None);
        match response {
            Response::Loaded { source, summary } => {
                self.loaded.set(Some(Loaded { source, summary }));
                self.error.set(None);
                self.ready.set(true);
                self.revision.update(|r| *r += 1);
            }
            Response::Closed => {
                self.loaded.set(None);
                self.ready.set(true);
                self.revision.update(|r| *r += 1);
            }
            Response::Failed(message) => {
                self.ready.set(true);
                self.error.set(Some(message));
            }
            _ => {}
        }
    }

    /// Stops a running import: the worker is replaced and restores the saved workspace.
    pub fn cancel(self) {
        self.progress.set(None);
        if let Err(message) = engine::restart() {
            self.error.set(Some(message));
        }
    }

    /// What is loaded, if anything (reactive).
    pub fn loaded(self) -> Option<Loaded> {
        self.loaded.get()
    }

    pub fn is_loaded(self) -> bool {
        self.loaded.with(Option::is_some)
    }

    /// Whether the saved workspace has been restored (or found absent) yet (reactive).
    pub fn is_ready(self) -> bool {
        self.ready.get()
    }

    /// Changes whenever the ledger does (reactive): analysis resources track it.
    pub fn revision(self) -> u64 {
        self.revision.get()
    }

    /// The last failure, if any (reactive).
    pub fn error(self) -> Option<String> {
        self.error.get()
    }

    pub fn clear_error(self) {
        self.error.set(None);
    }

    /// Progress of the running import (reactive).
    pub fn progress(self) -> Option<Progress> {
        self.progress.get()
    }

    /// What happened to the copy kept in this browser (reactive).
    pub fn storage(self) -> Option<StorageNote> {
        self.storage.get()
    }
}

/// Asks the browser not to evict the saved workspace under storage pressure (it may say no;
/// the workspace is still saved, only less durably).
fn ask_to_persist() {
    if let Ok(promise) = window().navigator().storage().persist() {
        drop(promise);
    }
}

pub fn use_workspace() -> Workspace {
    expect_context::<Workspace>()
}

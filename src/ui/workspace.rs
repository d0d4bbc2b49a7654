//! The workspace as the pages see it: what is loaded (source and summary), a revision that
//! changes whenever the ledger does (so analysis pages ask again), import progress and what
//! happened to the saved copy (and whether a save is running: the page warns before it is
//! closed then). The ledger itself lives in the worker.

use super::engine::{self, ask, Listener};
use super::i18n::{use_i18n, I18n};
use crate::engine::import::Progress;
use crate::engine::session::{Failure, Loss, Request, Response, Source};
use crate::engine::summary::Summary;
use crate::i18n::{Msg, Text, WorkerMsg};
use crate::protocol::{PageRequest, StorageNote};
use leptos::prelude::*;
use leptos::task::spawn_local;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;

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
            Source::Files(names) | Source::PeriodTotals { files: names, .. } => names.join(", "),
        }
    }
}

#[derive(Copy, Clone)]
pub struct Workspace {
    loaded: RwSignal<Option<Loaded>>,
    /// False until the worker has said what it restored from storage.
    ready: RwSignal<bool>,
    revision: RwSignal<u64>,
    error: RwSignal<Option<Failure>>,
    progress: RwSignal<Option<Progress>>,
    storage: RwSignal<Option<StorageNote>>,
    /// The worker is writing the workspace to storage.
    saving: RwSignal<bool>,
    /// The worker stopped, and has not yet been replaced by one that restored the workspace.
    lost: RwSignal<Option<Loss>>,
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
            saving: RwSignal::new(false),
            lost: RwSignal::new(None),
        };
        let i18n = use_i18n();
        let listener = Listener {
            progress: Box::new(move |p| workspace.progress.set(Some(p))),
            response: Box::new(move |r| {
                workspace.lost.set(None);
                workspace.take(r);
            }),
            storage: Box::new(move |note| {
                if note == StorageNote::Saved {
                    ask_to_persist();
                }
                workspace.saving.set(false);
                workspace.storage.set(Some(note));
            }),
            saving: Box::new(move || workspace.saving.set(true)),
            lost: Box::new(move |loss| workspace.lose(loss)),
        };
        warn_before_unload(workspace.saving, i18n);
        if let Err(failure) = engine::start(listener) {
            workspace.error.set(Some(failure));
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
    pub fn send(self, request: PageRequest) {
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
            Response::Failed(failure) => {
                self.ready.set(true);
                self.error.set(Some(failure));
            }
            _ => {}
        }
    }

    /// The worker stopped: what it was doing is gone, and pages wait for the new worker's
    /// restored workspace (or, when the bridge gave up, hear that it did).
    fn lose(self, loss: Loss) {
        self.progress.set(None);
        self.saving.set(false);
        self.ready.set(loss == Loss::GaveUp);
        self.lost.set(Some(loss));
    }

    /// Stops a running import: the worker is replaced and restores the saved workspace.
    pub fn cancel(self) {
        self.progress.set(None);
        if let Err(failure) = engine::restart() {
            self.error.set(Some(failure));
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
    pub fn error(self) -> Option<Failure> {
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

    /// Whether the workspace is being saved right now (reactive).
    pub fn is_saving(self) -> bool {
        self.saving.get()
    }

    /// Why the engine is not there, if its worker stopped (reactive).
    pub fn lost(self) -> Option<Loss> {
        self.lost.get()
    }
}

/// While a save runs, closing or reloading the page would lose the new workspace: ask the
/// browser to warn (it shows its own text; `returnValue` is for browsers that want one).
fn warn_before_unload(saving: RwSignal<bool>, i18n: I18n) {
    let handler = Closure::<dyn Fn(web_sys::Event)>::new(move |event: web_sys::Event| {
        if saving.get_untracked() {
            event.prevent_default();
            let text = WorkerMsg::Saving.text(untrack(|| i18n.locale()));
            let _ = js_sys::Reflect::set(&event, &"returnValue".into(), &text.into());
        }
    });
    let _ = window().add_event_listener_with_callback("beforeunload", handler.as_ref().unchecked_ref());
    handler.forget();
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

//! The workspace as the pages see it: what is loaded (source and summary) and a revision that
//! changes whenever the ledger does, so analysis pages know to ask again.

use super::engine::ask;
use super::settings;
use crate::engine::session::{Request, Response, Source};
use crate::engine::summary::Summary;
use leptos::prelude::*;
use leptos::task::spawn_local;

const SETTING: &str = "workspace";

#[derive(Clone, Debug, PartialEq)]
pub struct Loaded {
    pub source: Source,
    pub summary: Summary,
}

#[derive(Copy, Clone)]
pub struct Workspace {
    loaded: RwSignal<Option<Loaded>>,
    revision: RwSignal<u64>,
    error: RwSignal<Option<String>>,
}

impl Workspace {
    pub fn provide() -> Workspace {
        let workspace = Workspace { loaded: RwSignal::new(None), revision: RwSignal::new(0), error: RwSignal::new(None) };
        if settings::load::<Source>(SETTING) == Some(Source::Sample) {
            workspace.load_sample();
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
        match response {
            Response::Loaded { source, summary } => {
                if source == Source::Sample {
                    settings::save(SETTING, &source);
                }
                self.loaded.set(Some(Loaded { source, summary }));
                self.error.set(None);
                self.revision.update(|r| *r += 1);
            }
            Response::Closed => {
                settings::remove(SETTING);
                self.loaded.set(None);
                self.revision.update(|r| *r += 1);
            }
            Response::Failed(message) => self.error.set(Some(message)),
            _ => {}
        }
    }

    /// What is loaded, if anything (reactive).
    pub fn loaded(self) -> Option<Loaded> {
        self.loaded.get()
    }

    pub fn is_loaded(self) -> bool {
        self.loaded.with(Option::is_some)
    }

    /// Changes whenever the ledger does (reactive): analysis resources track it.
    pub fn revision(self) -> u64 {
        self.revision.get()
    }

    /// The last failure to load, if any (reactive).
    pub fn error(self) -> Option<String> {
        self.error.get()
    }
}

pub fn use_workspace() -> Workspace {
    expect_context::<Workspace>()
}

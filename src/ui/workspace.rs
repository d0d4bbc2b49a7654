//! The workspace: the ledger the user is working on, shared by every page.
//!
//! For now the only source is the built-in sample, remembered as a setting and regenerated
//! (deterministically) on reload; imported ledgers and IndexedDB storage come with the import.

use super::settings;
use crate::engine::{ledger::Ledger, sample, summary::Summary};
use leptos::prelude::*;
use serde::{Deserialize, Serialize};
use std::sync::Arc;

const SETTING: &str = "workspace";

/// Where the loaded ledger came from.
#[derive(Copy, Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum Source {
    Sample,
}

#[derive(Clone)]
pub struct Loaded {
    pub source: Source,
    // Read by the analysis pages as they land.
    #[allow(dead_code)]
    pub ledger: Arc<Ledger>,
    pub summary: Summary,
}

#[derive(Copy, Clone)]
pub struct Workspace {
    loaded: RwSignal<Option<Loaded>>,
}

impl Workspace {
    pub fn provide() -> Workspace {
        let workspace = Workspace { loaded: RwSignal::new(None) };
        if settings::load::<Source>(SETTING) == Some(Source::Sample) {
            workspace.load_sample();
        }
        provide_context(workspace);
        workspace
    }

    pub fn load_sample(self) {
        let ledger = sample::sample_ledger();
        let summary = Summary::of(&ledger);
        self.loaded.set(Some(Loaded { source: Source::Sample, ledger: Arc::new(ledger), summary }));
        settings::save(SETTING, &Source::Sample);
    }

    pub fn close(self) {
        self.loaded.set(None);
        settings::remove(SETTING);
    }

    /// The loaded ledger, if any (reactive).
    pub fn loaded(self) -> Option<Loaded> {
        self.loaded.get()
    }

    pub fn is_loaded(self) -> bool {
        self.loaded.with(Option::is_some)
    }
}

pub fn use_workspace() -> Workspace {
    expect_context::<Workspace>()
}

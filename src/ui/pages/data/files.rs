//! The workspace as a file (backup, or to move to another computer), and what happened to the
//! copy kept in this browser.

use super::import::WORKSPACE_EXTENSION;
use crate::i18n::{failure::storage_problem, DataMsg};
use crate::protocol::StorageNote;
use crate::ui::download;
use crate::ui::engine;
use crate::ui::i18n::use_i18n;
use crate::ui::workspace::use_workspace;
use leptos::prelude::*;
use leptos::task::spawn_local;

#[component]
pub fn WorkspaceFiles() -> impl IntoView {
    let i18n = use_i18n();
    let workspace = use_workspace();
    let save = move |_| {
        spawn_local(async move {
            if let Some(bytes) = engine::workspace_file().await {
                let _ = download::offer(&format!("workspace{WORKSPACE_EXTENSION}"), "application/octet-stream", &bytes);
            }
        });
    };
    let note = move || {
        workspace.storage().map(|note| match note {
            StorageNote::Saved => {
                view! { <p class="note" data-testid="storage-saved">{i18n.t(DataMsg::SavedHere)}</p> }.into_any()
            }
            StorageNote::Cleared => ().into_any(),
            StorageNote::NotSaved(problem) => view! {
                <p class="note note-warning" role="alert" data-testid="storage-failed">
                    {i18n.t(DataMsg::NotSavedHere)}" ("{storage_problem(&problem, i18n.locale())}")"
                </p>
            }
            .into_any(),
            StorageNote::Unavailable(problem) => view! {
                <p class="note note-warning" role="alert" data-testid="storage-failed">
                    {i18n.t(DataMsg::StorageOff)}" ("{storage_problem(&problem, i18n.locale())}")"
                </p>
            }
            .into_any(),
        })
    };
    view! {
        <div class="card">
            <h2>{move || i18n.t(DataMsg::WorkspaceTitle)}</h2>
            <p class="hint">{move || i18n.t(DataMsg::WorkspaceHelp)}</p>
            {note}
            <div class="actions">
                <button type="button" class="button button-secondary" data-testid="save-workspace" disabled=move || !workspace.is_loaded() on:click=save>
                    {move || i18n.t(DataMsg::SaveWorkspace)}
                </button>
                <span class="hint">{move || i18n.t(DataMsg::OpenWorkspace)}</span>
            </div>
        </div>
    }
}

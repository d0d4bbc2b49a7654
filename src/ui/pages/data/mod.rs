//! The Data page: import a ledger (or load the sample), see what was loaded, keep the
//! workspace as a file.

mod files;
mod import;
mod report;

use super::summary::SummaryTable;
use super::Page;
use crate::i18n::{failure::describe, Msg};
use crate::ui::app::LoadSampleButton;
use crate::ui::i18n::use_i18n;
use crate::ui::workspace::use_workspace;
use leptos::prelude::*;

#[component]
pub fn DataPage() -> impl IntoView {
    let i18n = use_i18n();
    let workspace = use_workspace();
    view! {
        <section class="page" data-page=Page::Data.path()>
            <h1>{move || i18n.t(Msg::PageData)}</h1>
            <p class="lead">{move || i18n.t(Msg::DataIntro)}</p>
            {move || workspace.error().map(|failure| view! {
                <div class="card card-error" role="alert" data-testid="error"><p>{move || describe(&failure, i18n.locale())}</p></div>
            })}
            <import::Importer/>
            <div class="actions"><LoadSampleButton/></div>
            {move || workspace.loaded().map(|loaded| view! {
                <div class="card" data-testid="loaded">
                    <h2>{loaded.title(i18n)}</h2>
                    <SummaryTable summary=loaded.summary.clone() caption=Msg::LoadedLedger/>
                    <div class="actions">
                        <button type="button" class="button button-secondary" on:click=move |_| workspace.close()>
                            {move || i18n.t(Msg::CloseWorkspace)}
                        </button>
                    </div>
                </div>
            })}
            <files::WorkspaceFiles/>
        </section>
    }
}

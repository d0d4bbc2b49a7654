//! The Data page: load a ledger and see what was loaded.

use super::summary::SummaryTable;
use crate::i18n::Msg;
use crate::ui::app::LoadSampleButton;
use crate::ui::i18n::use_i18n;
use crate::engine::session::Source;
use crate::ui::workspace::use_workspace;
use leptos::prelude::*;

#[component]
pub fn DataPage() -> impl IntoView {
    let i18n = use_i18n();
    let workspace = use_workspace();
    view! {
        <section class="page" data-page="/data">
            <h1>{move || i18n.t(Msg::PageData)}</h1>
            <p class="lead">{move || i18n.t(Msg::DataIntro)}</p>
            <div class="card">
                <p>{move || i18n.t(Msg::ImportComing)}</p>
                <div class="actions"><LoadSampleButton/></div>
            </div>
            {move || workspace.error().map(|message| view! { <div class="card card-error" role="alert"><p>{message}</p></div> })}
            {move || workspace.loaded().map(|loaded| {
                let title = match &loaded.source {
                    Source::Sample => i18n.t(Msg::WorkspaceSample).to_string(),
                    Source::Files(names) => names.join(", "),
                };
                view! {
                    <div class="card">
                        <h2>{title}</h2>
                        <SummaryTable summary=loaded.summary.clone()/>
                        <div class="actions">
                            <button type="button" class="button button-secondary" on:click=move |_| workspace.close()>
                                {move || i18n.t(Msg::CloseWorkspace)}
                            </button>
                        </div>
                    </div>
                }
            })}
        </section>
    }
}

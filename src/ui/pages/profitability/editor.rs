//! The Profitability page's side tables: the cost pools, the time pools' activities and (for a
//! ledger without a cost column) the margins per product group, in the shared editor
//! (`components/side_tables.rs`).

use crate::engine::session::tables::TableKind;
use crate::i18n::ProfitMsg as P;
use crate::ui::components::side_tables::{Editor, GridEditor, SaveBar};
use crate::ui::i18n::use_i18n;
use crate::ui::workspace::use_workspace;
use leptos::prelude::*;

/// The tables the Profitability page shows.
const PROFIT_TABLES: [TableKind; 3] = [TableKind::Pools, TableKind::Activities, TableKind::Margins];

/// The editor: the pools, the activities, the margins (when `margins` says so) and one save.
#[component]
pub fn TablesEditor(editor: Editor, #[prop(into)] margins: Signal<bool>) -> impl IntoView {
    let i18n = use_i18n();
    let workspace = use_workspace();
    move || {
        workspace.is_loaded().then(|| {
            view! {
                <div class="card tables-editor" data-testid="tables-editor">
                    <h2>{move || i18n.t(P::EditorTitle)}</h2>
                    <p class="hint">{move || i18n.t(P::EditorHint)}</p>
                    <GridEditor editor kind=TableKind::Pools/>
                    <p class="hint">{move || i18n.t(P::ActivitiesHint)}</p>
                    <GridEditor editor kind=TableKind::Activities/>
                    {move || margins.get().then(|| view! {
                        <p class="hint">{move || i18n.t(P::MarginsHint)}</p>
                        <GridEditor editor kind=TableKind::Margins/>
                    })}
                    <SaveBar editor shown=&PROFIT_TABLES/>
                </div>
            }
        })
    }
}

//! The validation report of an import: every line that could not be read (line, column,
//! value, reason), totals left out, and what the caller adds (the duplicates choice); the user
//! keeps the valid lines or discards.

use crate::engine::import::{write_error_report, ImportReport};
use crate::i18n::DataMsg;
use crate::ui::download;
use crate::ui::i18n::use_i18n;
use crate::ui::pages::summary::SummaryTable;
use leptos::prelude::*;

/// Errors listed on the page; the downloadable report has all of them.
const SHOWN: usize = 200;

#[component]
pub fn ImportReportView(report: ImportReport, on_keep: impl Fn() + 'static, on_discard: impl Fn() + 'static, children: Children) -> impl IntoView {
    let i18n = use_i18n();
    let errors = report.error_count();
    let totals: usize = report.files.iter().map(|f| f.totals.len()).sum();
    let files = report.files.clone();
    let download = move |_| {
        let mut csv = Vec::new();
        if write_error_report(&files, &mut csv).is_ok() {
            let _ = download::offer("import-report.csv", "text/csv", &csv);
        }
    };
    let shown: Vec<_> = report.files.iter().flat_map(|f| f.errors.iter().map(move |e| (f.file.clone(), e.clone()))).take(SHOWN).collect();
    view! {
        <div class="report" data-testid="report">
            <h2>{move || i18n.t(DataMsg::ReportTitle)}</h2>
            <SummaryTable summary=report.summary.clone() caption=crate::i18n::Msg::ReadFromFiles/>
            {if errors == 0 {
                view! { <p class="note" data-testid="report-clean">{move || i18n.t(DataMsg::ReportClean)}</p> }.into_any()
            } else {
                view! {
                    <p class="note note-warning" data-testid="report-errors">
                        <strong>{move || i18n.locale().count(errors)}</strong>" "{move || i18n.t(DataMsg::ReportErrors)}
                        {(errors > SHOWN).then(|| view! { " "{move || i18n.t(DataMsg::ReportShowing)}" "{SHOWN}"." })}
                    </p>
                    <div class="table-scroll">
                        <table class="table table-errors">
                            <thead><tr>
                                <th scope="col">{move || i18n.t(DataMsg::File)}</th>
                                <th scope="col" class="num">{move || i18n.t(DataMsg::Line)}</th>
                                <th scope="col">{move || i18n.t(DataMsg::Column)}</th>
                                <th scope="col">{move || i18n.t(crate::i18n::Msg::Value)}</th>
                                <th scope="col">{move || i18n.t(DataMsg::Reason)}</th>
                            </tr></thead>
                            <tbody>
                                {shown.into_iter().map(|(file, e)| view! {
                                    <tr>
                                        <td>{file}</td>
                                        <td class="num">{e.line}</td>
                                        <td>{format!("{} ({})", e.column_letter(), e.header)}</td>
                                        <td><code>{e.value}</code></td>
                                        <td>{e.reason}</td>
                                    </tr>
                                }).collect_view()}
                            </tbody>
                        </table>
                    </div>
                    <div class="actions">
                        <button type="button" class="button button-secondary" data-testid="download-report" on:click=download>
                            {move || i18n.t(DataMsg::DownloadReport)}
                        </button>
                    </div>
                }.into_any()
            }}
            {(totals > 0).then(|| view! { <p class="note">{totals}" "{move || i18n.t(DataMsg::TotalsSkipped)}</p> })}
            {children()}
            <div class="actions">
                <button type="button" class="button button-primary" data-testid="keep" on:click=move |_| on_keep()>{move || i18n.t(DataMsg::KeepValid)}</button>
                <button type="button" class="button button-secondary" data-testid="discard" on:click=move |_| on_discard()>{move || i18n.t(DataMsg::Discard)}</button>
            </div>
        </div>
    }
}

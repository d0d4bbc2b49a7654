//! The validation report of an import: what was recognised in report-shaped files (title
//! lines, grouped reports, totals left out), every line that could not be read (line, column,
//! value, reason), and what the caller adds (the duplicates choice); the user keeps the valid
//! lines or discards.

use crate::engine::import::{write_error_report, FileReport, ImportReport, TitleLines, TotalRow};
use crate::i18n::import::row_error;
use crate::i18n::DataMsg;
use crate::ui::components::table::ScrollRegion;
use crate::ui::download;
use crate::ui::i18n::use_i18n;
use crate::ui::pages::summary::SummaryTable;
use leptos::prelude::*;

/// Errors listed on the page; the downloadable report has all of them.
const SHOWN: usize = 200;
/// Title lines and total rows listed by line; the CLI lists them all.
const LISTED: usize = 20;

#[component]
pub fn ImportReportView(
    report: ImportReport,
    on_keep: impl Fn() + 'static,
    on_discard: impl Fn() + 'static,
    children: Children,
) -> impl IntoView {
    let i18n = use_i18n();
    let errors = report.error_count();
    let files = report.files.clone();
    let download = move |_| {
        let mut csv = Vec::new();
        let locale = i18n.locale();
        if write_error_report(&files, |kind| row_error(kind, locale), &mut csv).is_ok() {
            let _ = download::offer("import-report.csv", "text/csv", &csv);
        }
    };
    let shown: Vec<_> = report
        .files
        .iter()
        .flat_map(|f| f.errors.iter().map(move |e| (f.file.clone(), e.clone())))
        .take(SHOWN)
        .collect();
    view! {
        <div class="report" data-testid="report">
            <h2>{move || i18n.t(DataMsg::ReportTitle)}</h2>
            <SummaryTable summary=report.summary.clone() caption=crate::i18n::Msg::ReadFromFiles/>
            {report.period_totals.is_some().then(|| view! {
                <p class="note" data-testid="report-period-totals">{move || i18n.t(DataMsg::ReportPeriodTotals)}</p>
            })}
            <Recognised files=report.files.clone()/>
            {if errors == 0 {
                view! { <p class="note" data-testid="report-clean">{move || i18n.t(DataMsg::ReportClean)}</p> }.into_any()
            } else {
                view! {
                    <p class="note note-warning" data-testid="report-errors">
                        <strong>{move || i18n.locale().count(errors)}</strong>" "{move || i18n.t(DataMsg::ReportErrors)}
                        {(errors > SHOWN).then(|| view! { " "{move || i18n.t(DataMsg::ReportShowing)}" "{SHOWN}"." })}
                    </p>
                    <ScrollRegion label=move || i18n.t(DataMsg::ReportTitle).to_string()>
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
                                        <td data-testid="row-error">{move || row_error(&e.kind, i18n.locale())}</td>
                                    </tr>
                                }).collect_view()}
                            </tbody>
                        </table>
                    </ScrollRegion>
                    <div class="actions">
                        <button type="button" class="button button-secondary" data-testid="download-report" on:click=download>
                            {move || i18n.t(DataMsg::DownloadReport)}
                        </button>
                    </div>
                }.into_any()
            }}
            {children()}
            <div class="actions">
                <button type="button" class="button button-primary" data-testid="keep" on:click=move |_| on_keep()>{move || i18n.t(DataMsg::KeepValid)}</button>
                <button type="button" class="button button-secondary" data-testid="discard" on:click=move |_| on_discard()>{move || i18n.t(DataMsg::Discard)}</button>
            </div>
        </div>
    }
}

/// What the import recognised in each file: the header below title lines, the customer filled
/// down from group rows, total and subtotal rows left out, and subtotals their lines do not add
/// up to. Nothing when every file was a plain list of lines.
#[component]
fn Recognised(files: Vec<FileReport>) -> impl IntoView {
    let i18n = use_i18n();
    let several = files.len() > 1;
    let items: Vec<AnyView> = files.iter().flat_map(|file| recognised_items(file, several)).collect();
    (!items.is_empty()).then(|| {
        view! {
            <div class="recognised" data-testid="recognised">
                <h3>{move || i18n.t(DataMsg::Recognised)}</h3>
                <ul>{items}</ul>
            </div>
        }
    })
}

fn recognised_items(file: &FileReport, several: bool) -> Vec<AnyView> {
    let i18n = use_i18n();
    let prefix = several.then(|| format!("{}: ", file.file));
    let mut items = Vec::new();
    if let Some(title) = &file.guess.title {
        items.push(header_item(title, prefix.clone()));
    }
    if let Some(grouping) = file.grouping {
        let (groups, filled) = (grouping.groups, grouping.filled);
        items.push(
            view! {
                <li data-testid="recognised-groups">
                    {prefix.clone()}{move || i18n.t(DataMsg::GroupedReport)}" "{move || i18n.locale().count(groups)}"; "
                    {move || i18n.t(DataMsg::FilledDown)}" "{move || i18n.locale().count(filled)}"."
                </li>
            }
            .into_any(),
        );
    }
    if !file.totals.is_empty() {
        items.push(totals_item(file, prefix.clone()));
    }
    items.extend(file.subtotals().filter(|t| t.mismatch().is_some()).map(|t| mismatch_item(t, prefix.clone())));
    items
}

fn header_item(title: &TitleLines, prefix: Option<String>) -> AnyView {
    let i18n = use_i18n();
    let (line, count) = (title.header_line, title.skipped.len());
    let quoted = listed(title.skipped.iter().map(|(_, text)| format!("'{text}'")));
    view! {
        <li data-testid="recognised-header">
            {prefix}{move || i18n.t(DataMsg::HeaderOnLine)}" "{line}"; "{move || i18n.t(DataMsg::TitleLinesSkipped)}" "
            {move || i18n.locale().count(count)}" ("{quoted}")"
        </li>
    }
    .into_any()
}

fn totals_item(file: &FileReport, prefix: Option<String>) -> AnyView {
    let i18n = use_i18n();
    let (subtotals, totals) = (file.subtotals().count(), file.grand_totals().count());
    let lines = listed(file.totals.iter().map(|t| t.line.to_string()));
    view! {
        <li data-testid="recognised-totals">
            {prefix}
            {(subtotals > 0).then(|| view! { {move || i18n.t(DataMsg::SubtotalsLeftOut)}" "{move || i18n.locale().count(subtotals)}". " })}
            {move || i18n.t(DataMsg::TotalsLeftOut)}" "{move || i18n.locale().count(totals)}" ("{move || i18n.t(DataMsg::OnLines)}" "{lines}")."
        </li>
    }
    .into_any()
}

fn mismatch_item(total: &TotalRow, prefix: Option<String>) -> AnyView {
    let i18n = use_i18n();
    let (line, label, says, sum) = (total.line, total.label.clone(), total.amount, total.mismatch());
    let money =
        move |amount: Option<crate::engine::money::Money>| amount.map_or("—".to_string(), |m| i18n.locale().money(m));
    view! {
        <li class="note-warning" data-testid="recognised-mismatch">
            {prefix}{move || i18n.t(DataMsg::Line)}" "{line}" ('"{label}"'): "{move || i18n.t(DataMsg::SubtotalSays)}" "
            {move || money(says)}", "{move || i18n.t(DataMsg::LinesAddUpTo)}" "{move || money(sum)}". "
            {move || i18n.t(DataMsg::CheckLinesAbove)}
        </li>
    }
    .into_any()
}

/// The first few items, comma-separated, with an ellipsis for the rest.
fn listed(items: impl Iterator<Item = String>) -> String {
    let items: Vec<String> = items.collect();
    let more = if items.len() > LISTED { ", …" } else { "" };
    format!("{}{more}", items.iter().take(LISTED).cloned().collect::<Vec<_>>().join(", "))
}

//! Importing ledger files: pick or drop them, check and correct what was detected, map the
//! columns, import with a progress bar (cancellable), then read the report and decide (keeping
//! or dropping exact duplicate lines, then using the lines or discarding the import).

use super::report::ImportReportView;
use crate::engine::import::{ColumnRef, DateFormat, Duplicates, ImportOptions, ImportReport, Preview};
use crate::engine::ledger::Field;
use crate::engine::session::{Request, Response};
use crate::i18n::import::import_note;
use crate::i18n::DataMsg;
use crate::ui::components::filters::YearStartSelect;
use crate::ui::components::table::ScrollRegion;
use crate::ui::engine::{ask_with_files, slot, slots};
use crate::ui::i18n::use_i18n;
use crate::ui::settings;
use crate::ui::workspace::{use_workspace, Workspace};
use leptos::prelude::*;
use leptos::task::spawn_local;
use web_sys::{File, FileList};

/// Rows shown in the preview.
const PREVIEW_ROWS: usize = 12;
/// Workspace files carry this extension.
pub const WORKSPACE_EXTENSION: &str = ".clientele";

#[derive(Clone)]
enum Step {
    Idle,
    Reading,
    Preview(Preview),
    Importing,
    Report(ImportReport),
}

/// The state of one import, shared by its parts.
#[derive(Copy, Clone)]
struct Import {
    workspace: Workspace,
    files: RwSignal<Vec<File>, LocalStorage>,
    options: RwSignal<ImportOptions>,
    step: RwSignal<Step>,
    saved_mapping_used: RwSignal<bool>,
    cancelled: RwSignal<bool>,
}

fn mapping_setting(signature: &str) -> String {
    format!("mapping.{signature}")
}

impl Import {
    fn new() -> Import {
        Import {
            workspace: use_workspace(),
            files: RwSignal::new_local(Vec::new()),
            options: RwSignal::new(ImportOptions::default()),
            step: RwSignal::new(Step::Idle),
            saved_mapping_used: RwSignal::new(false),
            cancelled: RwSignal::new(false),
        }
    }

    fn choose(self, files: Vec<File>) {
        let workspace = self.workspace;
        workspace.clear_error();
        self.cancelled.set(false);
        if let [file] = &files[..] {
            if file.name().to_lowercase().ends_with(WORKSPACE_EXTENSION) {
                let request = Request::Restore { file: slot(0, file) };
                let files = files.clone();
                spawn_local(async move { workspace.take(ask_with_files(request, &files).await) });
                return;
            }
        }
        if files.is_empty() {
            return;
        }
        self.files.set(files);
        self.options.set(ImportOptions::default());
        self.saved_mapping_used.set(false);
        self.preview(true);
    }

    /// Asks for the guess and first rows; with `apply_saved`, a mapping the user saved for the
    /// same columns is applied and the preview asked again.
    fn preview(self, apply_saved: bool) {
        let workspace = self.workspace;
        let Some(first) = self.files.with_untracked(|f| f.first().cloned()) else { return };
        let options = self.options.get_untracked();
        self.step.set(Step::Reading);
        spawn_local(async move {
            let request = Request::Preview { file: slot(0, &first), options: options.clone(), rows: PREVIEW_ROWS };
            match ask_with_files(request, &[first]).await {
                Response::Preview(preview) => {
                    let saved = apply_saved
                        .then(|| settings::load::<ImportOptions>(&mapping_setting(&preview.guess.header_signature)))
                        .flatten()
                        .filter(|saved| *saved != options);
                    match saved {
                        Some(saved) => {
                            self.options.set(saved);
                            self.saved_mapping_used.set(true);
                            self.preview(false);
                        }
                        None => self.step.set(Step::Preview(preview)),
                    }
                }
                other => {
                    self.step.set(Step::Idle);
                    workspace.take(other);
                }
            }
        });
    }

    fn change(self, edit: impl FnOnce(&mut ImportOptions)) {
        self.options.update(edit);
        self.preview(false);
    }

    fn run(self, signature: String) {
        let workspace = self.workspace;
        let files = self.files.get_untracked();
        let options = self.options.get_untracked();
        self.step.set(Step::Importing);
        spawn_local(async move {
            let request = Request::Import { files: slots(&files), options: options.clone() };
            match ask_with_files(request, &files).await {
                Response::Imported(report) => {
                    // Duplicates are a property of these files, not of their columns: a later
                    // export with the same columns starts from keeping them again.
                    settings::save(&mapping_setting(&signature), &ImportOptions { drop_duplicates: false, ..options });
                    self.step.set(Step::Report(report));
                }
                Response::Cancelled => {
                    self.cancelled.set(true);
                    self.step.set(Step::Idle);
                }
                other => {
                    self.step.set(Step::Idle);
                    workspace.take(other);
                }
            }
        });
    }

    /// Imports the same files again, keeping or dropping exact duplicate lines.
    fn set_drop_duplicates(self, drop: bool, signature: String) {
        if self.options.get_untracked().drop_duplicates != drop {
            self.options.update(|o| o.drop_duplicates = drop);
            self.run(signature);
        }
    }

    fn cancel(self) {
        self.workspace.cancel();
        self.cancelled.set(true);
        self.step.set(Step::Idle);
    }

    fn finish(self, keep: bool) {
        let workspace = self.workspace;
        self.step.set(Step::Idle);
        self.files.set(Vec::new());
        workspace.send(if keep { Request::Commit } else { Request::Discard });
    }
}

fn file_list(list: Option<FileList>) -> Vec<File> {
    let Some(list) = list else { return Vec::new() };
    (0..list.length()).filter_map(|i| list.get(i)).collect()
}

#[component]
pub fn Importer() -> impl IntoView {
    let import = Import::new();
    let i18n = use_i18n();
    view! {
        <div class="card importer">
            <DropZone import/>
            {move || import.cancelled.get().then(|| view! { <p class="note" role="status">{i18n.t(DataMsg::Cancelled)}</p> })}
            {move || match import.step.get() {
                Step::Idle => ().into_any(),
                Step::Reading => view! { <p class="note" role="status">{i18n.t(DataMsg::Reading)}</p> }.into_any(),
                Step::Preview(preview) => view! { <PreviewView import preview/> }.into_any(),
                Step::Importing => view! { <ProgressView import/> }.into_any(),
                Step::Report(report) => {
                    let duplicates = report.duplicates.clone();
                    let signature = report.files.first().map(|f| f.guess.header_signature.clone()).unwrap_or_default();
                    view! {
                        <ImportReportView report on_keep=move || import.finish(true) on_discard=move || import.finish(false)>
                            {(duplicates.count > 0).then(|| view! { <DuplicatesChoice import duplicates=duplicates.clone() signature=signature.clone()/> })}
                        </ImportReportView>
                    }.into_any()
                }
            }}
        </div>
    }
}

/// Exact duplicate lines and the user's choice. They are kept by default because identical
/// lines can be real; choosing the other option imports the files again with it.
#[component]
fn DuplicatesChoice(import: Import, duplicates: Duplicates, signature: String) -> impl IntoView {
    let i18n = use_i18n();
    let dropped = duplicates.dropped;
    let choice = move |drop: bool, label: DataMsg, test_id: &'static str| {
        let signature = signature.clone();
        let class =
            if drop == dropped { "button button-primary button-small" } else { "button button-secondary button-small" };
        view! {
            <button type="button" class=class aria-pressed=(drop == dropped).to_string() data-testid=test_id
                on:click=move |_| import.set_drop_duplicates(drop, signature.clone())>
                {move || i18n.t(label)}
            </button>
        }
    };
    let examples = duplicates
        .examples
        .iter()
        .map(|d| (format!("{}:{}", d.file, d.line), format!("{}:{}", d.first_file, d.first_line)))
        .collect::<Vec<_>>();
    view! {
        <div class="note duplicates" data-testid="duplicates" data-dropped=dropped.to_string()>
            <p>
                <strong>{move || i18n.locale().count(duplicates.count)}</strong>" "
                {move || i18n.t(if dropped { DataMsg::DuplicatesDropped } else { DataMsg::DuplicatesKept })}
            </p>
            <ul class="duplicate-examples">
                {examples.into_iter().map(|(line, first)| view! { <li>{line}" "{move || i18n.t(DataMsg::Repeats)}" "{first}</li> }).collect_view()}
            </ul>
            <p class="hint">{move || i18n.t(DataMsg::DuplicatesHelp)}</p>
            <div class="actions" role="group">
                {choice(false, DataMsg::KeepDuplicates, "keep-duplicates")}
                {choice(true, DataMsg::DropDuplicates, "drop-duplicates")}
            </div>
        </div>
    }
}

#[component]
fn DropZone(import: Import) -> impl IntoView {
    let i18n = use_i18n();
    let dragging = RwSignal::new(false);
    view! {
        <div class="drop-zone" class:dragging=move || dragging.get()
            on:dragover=move |ev| { ev.prevent_default(); dragging.set(true); }
            on:dragleave=move |_| dragging.set(false)
            on:drop=move |ev| {
                ev.prevent_default();
                dragging.set(false);
                import.choose(file_list(ev.data_transfer().and_then(|d| d.files())));
            }>
            <p>
                {move || i18n.t(DataMsg::DropHere)}" "
                <label class="file-pick">
                    {move || i18n.t(DataMsg::ChooseFiles)}
                    <input type="file" multiple data-testid="ledger-files"
                        accept=".csv,.txt,.tsv,.xlsx,.xlsm,.xls,.ods,.clientele,text/csv"
                        on:change=move |ev| {
                            let input: web_sys::HtmlInputElement = event_target(&ev);
                            import.choose(file_list(input.files()));
                            input.set_value("");
                        }/>
                </label>
            </p>
            <p class="hint">{move || i18n.t(DataMsg::FileTypes)}</p>
            <p class="hint">{move || i18n.t(DataMsg::StaysLocal)}</p>
        </div>
    }
}

#[component]
fn ProgressView(import: Import) -> impl IntoView {
    let i18n = use_i18n();
    let workspace = import.workspace;
    let fraction = move || {
        workspace
            .progress()
            .filter(|p| p.bytes_total > 0)
            .map(|p| p.bytes_read as f64 / p.bytes_total as f64)
            .unwrap_or(0.0)
    };
    view! {
        <div class="progress-box" role="status" data-testid="progress">
            <p>{move || i18n.t(DataMsg::Importing)}" "
                {move || workspace.progress().map(|p| format!("{} {}", i18n.locale().count(p.rows as usize), i18n.t(DataMsg::RowsRead)))}
            </p>
            <progress max="1" prop:value=fraction></progress>
            <div class="actions">
                <button type="button" class="button button-secondary" on:click=move |_| import.cancel()>{move || i18n.t(DataMsg::Cancel)}</button>
            </div>
        </div>
    }
}

#[component]
fn PreviewView(import: Import, preview: Preview) -> impl IntoView {
    let i18n = use_i18n();
    let guess = preview.guess.clone();
    let missing = guess.missing.clone();
    let signature = guess.header_signature.clone();
    let can_import = missing.is_empty();
    view! {
        <div class="preview">
            {move || import.saved_mapping_used.get().then(|| view! { <p class="note">{i18n.t(DataMsg::SavedMappingUsed)}</p> })}
            <h2>{move || i18n.t(DataMsg::Detected)}</h2>
            <p class="hint">{move || i18n.t(DataMsg::DetectedHelp)}</p>
            <FormatControls import preview=preview.clone()/>
            {preview.period_totals.then(|| view! { <TotalsYearStart import/> })}
            {guess.notes.iter().map(|&n| view! { <p class="note" data-testid="guess-note">{move || import_note(&n, i18n.locale())}</p> }).collect_view()}
            <h2>{move || i18n.t(DataMsg::Mapping)}</h2>
            <p class="hint">{move || i18n.t(DataMsg::MappingHelp)}</p>
            <MappingTable import preview=preview.clone()/>
            {(!can_import).then(|| {
                let names = missing.iter().map(|f| f.name()).collect::<Vec<_>>().join(", ");
                view! { <p class="note note-warning" role="alert">{move || i18n.t(DataMsg::MissingRequired)}" "{names.clone()}</p> }
            })}
            <h2>{move || i18n.t(DataMsg::Preview)}</h2>
            <PreviewTable preview/>
            <div class="actions">
                <button type="button" class="button button-primary" data-testid="import" disabled=!can_import
                    on:click=move |_| import.run(signature.clone())>
                    {move || i18n.t(DataMsg::ImportButton)}
                </button>
                <button type="button" class="button button-secondary" on:click=move |_| import.finish(false)>
                    {move || i18n.t(DataMsg::Cancel)}
                </button>
            </div>
        </div>
    }
}

/// The year start a file of totals per period was made with (`clientele sql --year-start`): its
/// periods are years from that day, and the pages by year use it.
#[component]
fn TotalsYearStart(import: Import) -> impl IntoView {
    let i18n = use_i18n();
    view! {
        <div class="format-controls" data-testid="totals-year-start">
            <YearStartSelect label=Signal::derive(move || i18n.t(DataMsg::TotalsYearStart).to_string()) test_id="period-year-start"
                current=Signal::derive(move || import.options.get().period_year_start)
                on_choose=Callback::new(move |ys| import.change(|o| o.period_year_start = ys))/>
            <p class="hint">{move || i18n.t(DataMsg::TotalsYearStartHelp)}</p>
        </div>
    }
}

/// A labelled select whose first choice is "detect" (`""`).
#[component]
fn Choice(
    label: DataMsg,
    detected: String,
    current: String,
    choices: Vec<(String, String)>,
    on_pick: impl Fn(String) + 'static,
) -> impl IntoView {
    let i18n = use_i18n();
    view! {
        <label class="field">
            <span>{move || i18n.t(label)}</span>
            <select on:change=move |ev| on_pick(event_target_value(&ev))>
                <option value="" selected=current.is_empty()>{move || format!("{} {}", i18n.t(DataMsg::Detect), detected)}</option>
                {choices.into_iter().map(|(value, text)| {
                    let selected = value == current;
                    view! { <option value=value selected=selected>{text}</option> }
                }).collect_view()}
            </select>
        </label>
    }
}

fn char_name(c: char, i18n: crate::ui::i18n::I18n) -> String {
    let msg = match c {
        ',' => DataMsg::Comma,
        ';' => DataMsg::Semicolon,
        '\t' => DataMsg::Tab,
        '|' => DataMsg::Pipe,
        '.' => DataMsg::Period,
        ' ' | '\u{a0}' => DataMsg::Space,
        '\'' => DataMsg::Apostrophe,
        other => return other.to_string(),
    };
    i18n.t(msg).to_string()
}

fn char_choices(chars: &[char], i18n: crate::ui::i18n::I18n) -> Vec<(String, String)> {
    chars.iter().map(|&c| (c.to_string(), char_name(c, i18n))).collect()
}

fn first_char(value: &str) -> Option<char> {
    value.chars().next()
}

#[component]
fn FormatControls(import: Import, preview: Preview) -> impl IntoView {
    let i18n = use_i18n();
    let g = preview.guess;
    let o = import.options.get_untracked();
    let csv = g.source.sheets.is_empty();
    let opt_char = |c: Option<char>| c.map(String::from).unwrap_or_default();
    let detected_char = |c: Option<char>| c.map(|c| format!("({})", char_name(c, i18n))).unwrap_or_default();
    let encodings =
        ["utf-8", "utf-16le", "utf-16be", "windows-1252"].map(|e| (e.to_string(), e.to_uppercase())).to_vec();
    let dates = DateFormat::ALL.map(|d| (d.pattern().to_string(), d.pattern().to_string())).to_vec();
    view! {
        <div class="format-controls">
            {csv.then(|| view! {
                <Choice label=DataMsg::Encoding detected=g.source.encoding.clone().map(|e| format!("({e})")).unwrap_or_default()
                    current=o.encoding.clone().unwrap_or_default() choices=encodings
                    on_pick=move |v| import.change(|o| o.encoding = Some(v).filter(|v| !v.is_empty()))/>
                <Choice label=DataMsg::Delimiter detected=detected_char(g.source.delimiter) current=opt_char(o.delimiter)
                    choices=char_choices(&[',', ';', '\t', '|'], i18n)
                    on_pick=move |v| import.change(|o| o.delimiter = first_char(&v))/>
                <Choice label=DataMsg::Quote detected=g.source.quote.map(|c| format!("({c})")).unwrap_or_default() current=opt_char(o.quote)
                    choices=vec![("\"".into(), "\"".into()), ("'".into(), "'".into())]
                    on_pick=move |v| import.change(|o| o.quote = first_char(&v))/>
            })}
            {(!csv).then(|| {
                let sheets = g.source.sheets.iter().map(|s| (s.clone(), s.clone())).collect::<Vec<_>>();
                view! {
                    <Choice label=DataMsg::Sheet detected=g.source.sheet.clone().map(|s| format!("({s})")).unwrap_or_default()
                        current=o.sheet.clone().unwrap_or_default() choices=sheets
                        on_pick=move |v| import.change(|o| o.sheet = Some(v).filter(|v| !v.is_empty()))/>
                }
            })}
            <Choice label=DataMsg::DecimalMark detected=detected_char(Some(g.number_format.decimal_mark)) current=opt_char(o.decimal_mark)
                choices=char_choices(&['.', ','], i18n)
                on_pick=move |v| import.change(|o| o.decimal_mark = first_char(&v))/>
            <Choice label=DataMsg::ThousandsSeparator
                detected=g.number_format.thousands_separator.map_or_else(|| format!("({})", i18n.t(DataMsg::NoneOption)), |c| format!("({})", char_name(c, i18n)))
                current=opt_char(o.thousands_separator) choices=char_choices(&[',', '.', ' ', '\''], i18n)
                on_pick=move |v| import.change(|o| o.thousands_separator = first_char(&v))/>
            <Choice label=DataMsg::DateFormat detected=format!("({})", g.date_format.pattern())
                current=o.date_format.map(|d| d.pattern().to_string()).unwrap_or_default() choices=dates
                on_pick=move |v| import.change(|o| o.date_format = DateFormat::from_pattern(&v))/>
            <label class="field field-check">
                <input type="checkbox" prop:checked=g.has_header
                    on:change=move |ev| { let on = event_target_checked(&ev); import.change(|o| o.has_header = Some(on)); }/>
                <span>{move || i18n.t(DataMsg::HeaderRow)}</span>
            </label>
        </div>
    }
}

#[component]
fn MappingTable(import: Import, preview: Preview) -> impl IntoView {
    let i18n = use_i18n();
    let g = preview.guess;
    let rows = Field::ALL.into_iter().map(|field| {
        let mapped = g.mapping.iter().find(|m| m.field == field).map(|m| m.column);
        let headers = g.headers.clone();
        let label = if field.is_required() { format!("{} ({})", field.name(), i18n.t(DataMsg::Required)) } else { field.name().to_string() };
        view! {
            <tr>
                <th scope="row">{label}</th>
                <td>
                    <select aria-label=field.name() data-field=field.name() on:change=move |ev| {
                        let column = event_target_value(&ev).parse::<usize>().ok().map(ColumnRef::Number);
                        import.change(|o| {
                            o.mapping.retain(|(f, _)| *f != field);
                            o.mapping.push((field, column));
                        });
                    }>
                        <option value="" selected=mapped.is_none()>{i18n.t(DataMsg::NotInFile)}</option>
                        {headers.into_iter().enumerate().map(|(i, h)| {
                            let n = i + 1;
                            view! { <option value=n.to_string() selected=mapped == Some(n)>{format!("{n}. {h}")}</option> }
                        }).collect_view()}
                    </select>
                </td>
            </tr>
        }
    }).collect_view();
    view! {
        <table class="table table-mapping">
            <thead><tr><th scope="col">{move || i18n.t(DataMsg::Field)}</th><th scope="col">{move || i18n.t(DataMsg::Column)}</th></tr></thead>
            <tbody>{rows}</tbody>
        </table>
    }
}

#[component]
fn PreviewTable(preview: Preview) -> impl IntoView {
    let i18n = use_i18n();
    let headers = preview.guess.headers.clone();
    view! {
        <ScrollRegion label=move || i18n.t(DataMsg::Preview).to_string()>
            <table class="table table-preview">
                <thead>
                    <tr>
                        <th scope="col">{move || i18n.t(DataMsg::Line)}</th>
                        {headers.into_iter().map(|h| view! { <th scope="col">{h}</th> }).collect_view()}
                    </tr>
                </thead>
                <tbody>
                    {preview.rows.into_iter().map(|(line, cells)| view! {
                        <tr><th scope="row">{line}</th>{cells.into_iter().map(|c| view! { <td>{c}</td> }).collect_view()}</tr>
                    }).collect_view()}
                </tbody>
            </table>
        </ScrollRegion>
    }
}

//! A data table described once and drawn twice: as a real `<table>` with headers and as the CSV
//! the user downloads (raw numbers, formula-safe text), so the two never disagree.

use crate::engine::import::write_table_csv;
use crate::engine::session::analysis::CustomerRef;
use crate::i18n::{AnalysisMsg as M, Locale};
use crate::ui::download::offer;
use crate::ui::i18n::use_i18n;
use leptos::prelude::*;
use leptos_router::components::A;

#[derive(Clone, Debug, PartialEq)]
enum Content {
    Text(String),
    Customer(CustomerRef),
}

/// One cell: what the table shows, what the CSV holds, and how it is styled.
#[derive(Clone, Debug, PartialEq)]
pub struct Cell {
    content: Content,
    csv: String,
    numeric: bool,
    class: String,
}

impl Cell {
    pub fn text(text: impl Into<String>) -> Cell {
        let text = text.into();
        Cell { csv: text.clone(), content: Content::Text(text), numeric: false, class: String::new() }
    }

    /// A number shown formatted for the locale and exported raw (e.g. `1234.56`).
    pub fn number(shown: String, raw: impl ToString) -> Cell {
        Cell { content: Content::Text(shown), csv: raw.to_string(), numeric: true, class: String::new() }
    }

    /// A share shown as a percentage and exported with six decimals; empty when there is none
    /// (a share of nothing).
    pub fn share(locale: Locale, share: Option<f64>) -> Cell {
        share.map_or_else(|| Cell::text(""), |s| Cell::number(locale.percent(s), format!("{s:.6}")))
    }

    /// A customer's name linking to its page; the CSV holds the name.
    pub fn customer(customer: &CustomerRef) -> Cell {
        Cell {
            csv: display_name(customer).to_string(),
            content: Content::Customer(customer.clone()),
            numeric: false,
            class: String::new(),
        }
    }

    pub fn class(mut self, class: impl Into<String>) -> Cell {
        self.class = class.into();
        self
    }
}

/// A table: caption, column titles, rows (the first cell of each is the row header), totals.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct TableData {
    pub caption: String,
    pub columns: Vec<String>,
    pub rows: Vec<Vec<Cell>>,
    pub footer: Option<Vec<Cell>>,
}

impl TableData {
    fn csv(&self) -> String {
        let mut rows = vec![self.columns.clone()];
        rows.extend(self.rows.iter().chain(&self.footer).map(|row| row.iter().map(|c| c.csv.clone()).collect()));
        write_table_csv(&rows)
    }
}

fn display_name(customer: &CustomerRef) -> &str {
    customer.name.as_deref().filter(|n| !n.is_empty()).unwrap_or(&customer.key)
}

/// The address of a customer's page.
pub fn customer_path(key: &str) -> String {
    format!("/customers/{}", String::from(js_sys::encode_uri_component(key)))
}

/// A customer's name (its id when it has none), linking to its detail page.
#[component]
pub fn CustomerLink(customer: CustomerRef) -> impl IntoView {
    let title = customer.key.clone();
    view! { <A href=customer_path(&customer.key) attr:class="customer-link" attr:title=title>{display_name(&customer).to_string()}</A> }
}

fn cell_view(cell: Cell, header: bool) -> AnyView {
    let class = format!("{}{}", if cell.numeric { "num " } else { "" }, cell.class);
    let content = match cell.content {
        Content::Text(text) => text.into_any(),
        Content::Customer(customer) => view! { <CustomerLink customer/> }.into_any(),
    };
    if header {
        view! { <th scope="row" class=class>{content}</th> }.into_any()
    } else {
        view! { <td class=class>{content}</td> }.into_any()
    }
}

fn row_view(row: Vec<Cell>) -> impl IntoView {
    view! { <tr>{row.into_iter().enumerate().map(|(i, cell)| cell_view(cell, i == 0)).collect_view()}</tr> }
}

/// The horizontal scroll box around a wide table: focusable and named, so a keyboard user can
/// scroll it (WCAG 2.1.1) and a screen reader says what it holds. Every wide table sits in one.
#[component]
pub fn ScrollRegion(#[prop(into)] label: Signal<String>, children: Children) -> impl IntoView {
    view! { <div class="table-scroll" tabindex="0" role="region" aria-label=move || label.get()>{children()}</div> }
}

/// The "Download CSV" button of a table; `file` names the download (without `.csv`).
#[component]
pub fn CsvButton(#[prop(into)] table: Signal<TableData>, file: &'static str) -> impl IntoView {
    let i18n = use_i18n();
    // A byte order mark tells spreadsheet programs that the CSV is UTF-8.
    let download = move |_| {
        let csv = format!("\u{feff}{}", table.with_untracked(TableData::csv));
        let _ = offer(&format!("{file}.csv"), "text/csv;charset=utf-8", csv.as_bytes());
    };
    view! {
        <button type="button" class="button button-secondary button-small" data-testid=format!("csv-{file}") on:click=download>
            {move || i18n.t(M::DownloadCsv)}
        </button>
    }
}

/// The CSS class of a heatmap cell: six steps of intensity for a share in 0..=1.
pub fn heat_class(share: f64) -> String {
    format!("heat heat-{}", (share.clamp(0.0, 1.0) * 5.0).ceil() as u8)
}

/// Rows drawn before "Show all": long customer lists stay quick to open; the CSV has every row.
const FIRST_ROWS: usize = 100;

/// The table and its "Download CSV" button; `file` names the download (without `.csv`);
/// `first_rows` the rows drawn before "Show all" (`FIRST_ROWS` unless given).
#[component]
pub fn DataTable(
    #[prop(into)] table: Signal<TableData>,
    file: &'static str,
    #[prop(optional)] class: &'static str,
    #[prop(optional)] first_rows: Option<usize>,
) -> impl IntoView {
    let i18n = use_i18n();
    // A page hands a derived signal, which builds its rows again at every read: the table reads
    // its data in six places, so it is built once here (and again only when what it reads changes).
    let table = Memo::new(move |_| table.get());
    let show_all = RwSignal::new(false);
    let first_rows = first_rows.unwrap_or(FIRST_ROWS);
    let shown = move || if show_all.get() { usize::MAX } else { first_rows };
    let hidden = move || table.with(|t| t.rows.len()).saturating_sub(shown());
    view! {
        <div class="table-frame">
            <ScrollRegion label=move || table.with(|t| t.caption.clone())>
                <table class=format!("table {class}") data-table=file>
                    <caption>{move || table.with(|t| t.caption.clone())}</caption>
                    <thead><tr>
                        {move || table.with(|t| t.columns.clone()).into_iter().enumerate().map(|(i, c)| {
                            let class = if i > 0 { "num" } else { "" };
                            view! { <th scope="col" class=class>{c}</th> }
                        }).collect_view()}
                    </tr></thead>
                    <tbody>{move || {
                        table.with(|t| t.rows.iter().take(shown()).cloned().collect::<Vec<_>>()).into_iter().map(row_view).collect_view()
                    }}</tbody>
                    {move || table.with(|t| t.footer.clone()).map(|row| view! { <tfoot>{row_view(row)}</tfoot> })}
                </table>
            </ScrollRegion>
            <div class="frame-actions">
                {move || (hidden() > 0).then(|| view! {
                    <button type="button" class="button button-secondary button-small" data-testid=format!("show-all-{file}") on:click=move |_| show_all.set(true)>
                        {format!("{} ({})", i18n.t(M::ShowAllRows), i18n.locale().count(table.with(|t| t.rows.len())))}
                    </button>
                })}
                <CsvButton table file/>
            </div>
        </div>
    }
}

/// A list cut by the engine: says how many of how many are shown.
pub fn cut_note(shown: usize, total: usize) -> impl IntoView {
    let i18n = use_i18n();
    (shown < total).then(|| {
        view! { <p class="hint">{move || format!("{} {} {} {}", i18n.t(M::ShowingFirst), i18n.locale().count(shown), i18n.t(M::ShowingOf), i18n.locale().count(total))}</p> }
    })
}

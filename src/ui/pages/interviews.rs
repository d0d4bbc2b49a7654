//! The Customer Interviews page (issue 15, docs/planning.md): the form that adds an interview
//! (the customer picked from the ledger), the interviews table (the history, editable, imported
//! from a survey export as CSV or XLSX, downloaded), then the analysis: NPS, customer share,
//! share of wallet and satisfaction per level, the satisfaction x share matrix and the potential
//! not yet captured per sales rep.

use super::Page;
use crate::engine::interviews::{InterviewRow, InterviewsRequest, InterviewsView, Quadrant, Thresholds};
use crate::engine::session::tables::TableKind;
use crate::i18n::{AnalysisMsg as M, PlanningMsg as L};
use crate::ui::components::answer::{ask_view, level_name};
use crate::ui::components::customer_picker::CustomerPicker;
use crate::ui::components::filters::Filters;
use crate::ui::components::page_shell::AnalysisPage;
use crate::ui::components::side_tables::{Editor, GridEditor, SaveBar, WorkbookButton, WorkbookImport};
use crate::ui::components::table::{Cell, DataTable, TableData};
use crate::ui::i18n::{use_i18n, I18n};
use crate::ui::workspace::use_workspace;
use leptos::prelude::*;

const TABLES: &[TableKind] = &[TableKind::Interviews];

#[component]
pub fn InterviewsPage() -> impl IntoView {
    let filters = Filters::main();
    let editor = Editor::new();
    let thresholds = RwSignal::new(Thresholds::default());
    let answer = ask_view(move || {
        editor.kept.track();
        InterviewsRequest { selection: filters.selection(), period: filters.period(), thresholds: thresholds.get() }
    });
    let controls = move || view! { <InterviewsEditor editor thresholds/> };
    view! { <AnalysisPage page=Page::Interviews filters cut_offs=true answer draw=draw_interviews controls/> }
}

/// A field of the form: a label and a text input bound to `value`.
#[component]
fn Field(value: RwSignal<String>, label: L, id: &'static str, #[prop(optional)] kind: &'static str) -> impl IntoView {
    let i18n = use_i18n();
    view! {
        <label class="field">
            <span>{move || i18n.t(label)}</span>
            <input type=if kind.is_empty() { "text" } else { kind } data-testid=id prop:value=move || value.get()
                on:input=move |ev| value.set(event_target_value(&ev))/>
        </label>
    }
}

/// The form, the thresholds and the interviews table.
#[component]
fn InterviewsEditor(editor: Editor, thresholds: RwSignal<Thresholds>) -> impl IntoView {
    let i18n = use_i18n();
    let workspace = use_workspace();
    let fields: [RwSignal<String>; 7] = std::array::from_fn(|_| RwSignal::new(String::new()));
    let [customer, date, satisfaction, recommend, wallet, potential, remarks] = fields;
    let add = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        editor.push_row(TableKind::Interviews, fields.iter().map(|f| f.get_untracked().trim().to_string()).collect());
        editor.save();
        fields.iter().for_each(|f| f.set(String::new()));
    };
    let satisfied = move |ev| {
        if let Ok(v) = event_target_value(&ev).parse() {
            thresholds.update(|t| t.satisfied = v);
        }
    };
    let high = move |ev| {
        if let Ok(v) = event_target_value(&ev).parse() {
            thresholds.update(|t| t.high_share_percent = v);
        }
    };
    let customer_label = Signal::derive(move || i18n.t(L::ColCustomer).to_string());
    move || {
        workspace.is_loaded().then(|| {
            view! {
                <div class="card tables-editor planning-forms" data-testid="interviews-editor">
                    <h2>{move || i18n.t(L::InterviewFormTitle)}</h2>
                    <p class="hint">{move || i18n.t(L::InterviewFormHint)}</p>
                    <form class="filter-bar" data-testid="interview-form" on:submit=add>
                        <CustomerPicker value=customer id="interview-customer" label=customer_label/>
                        <Field value=date label=L::ColDate id="interview-date" kind="date"/>
                        <Field value=satisfaction label=L::ColSatisfaction id="interview-satisfaction"/>
                        <Field value=recommend label=L::ColRecommend id="interview-recommend"/>
                        <Field value=wallet label=L::ColWallet id="interview-wallet"/>
                        <Field value=potential label=L::ColPotential id="interview-potential"/>
                        <Field value=remarks label=L::ColRemarks id="interview-remarks"/>
                        <button type="submit" class="button" data-testid="add-interview">{move || i18n.t(L::AddInterview)}</button>
                    </form>
                    <GridEditor editor kind=TableKind::Interviews/>
                    <SaveBar editor shown=TABLES>
                        <WorkbookButton editor tables=TABLES file="interviews"/>
                        <WorkbookImport editor tables=TABLES file="interviews"/>
                        <button type="button" class="button button-secondary button-small" data-testid="clear-interviews"
                            on:click=move |_| { editor.clear(TableKind::Interviews); editor.save(); }>
                            {move || i18n.t(L::ClearTable)}
                        </button>
                    </SaveBar>
                    <h3>{move || i18n.t(L::ThresholdsTitle)}</h3>
                    <div class="filter-bar">
                        <label class="field">
                            <span>{move || i18n.t(L::SatisfiedFrom)}</span>
                            <input type="number" min="1" max="10" data-testid="threshold-satisfied"
                                prop:value=move || thresholds.get().satisfied.to_string() on:change=satisfied/>
                        </label>
                        <label class="field">
                            <span>{move || i18n.t(L::HighShareFrom)}</span>
                            <input type="number" min="0" max="1000" data-testid="threshold-share"
                                prop:value=move || thresholds.get().high_share_percent.to_string() on:change=high/>
                        </label>
                    </div>
                </div>
            }
        })
    }
}

fn draw_interviews(view: InterviewsView) -> AnyView {
    let i18n = use_i18n();
    let l = move || i18n.locale();
    let nps = view.nps;
    let nps_text = move || match nps {
        Some(n) => format!("{}", n.score),
        None => i18n.t(L::NpsNotComputed).to_string(),
    };
    let nps_detail = move || {
        nps.map(|n| {
            i18n.t(L::NpsDetail)
                .replace("{p}", &n.promoters.to_string())
                .replace("{n}", &n.passives.to_string())
                .replace("{d}", &n.detractors.to_string())
        })
    };
    let uncaptured = view.uncaptured;
    let notes = notes(&view, i18n);
    let (levels, matrix, reps, rows) = (view.clone(), view.clone(), view.clone(), view.clone());
    let development = Signal::derive(move || quadrant_table(&matrix, Quadrant::Development, i18n));
    let at_risk = {
        let view = view.clone();
        Signal::derive(move || quadrant_table(&view, Quadrant::AtRisk, i18n))
    };
    view! {
        <div class="stat-row">
            <div class="stat" data-testid="nps">
                <div class="stat-value">{nps_text}</div>
                <div class="stat-label">{move || i18n.t(L::Nps)}</div>
                <div class="stat-label">{nps_detail}</div>
            </div>
            <div class="stat" data-testid="interviewed">
                <div class="stat-value">{move || l().count(view.rows.len())}</div>
                <div class="stat-label">{move || i18n.t(L::Interviewed)}</div>
            </div>
            <div class="stat" data-testid="uncaptured-total">
                <div class="stat-value">{move || l().money(uncaptured)}</div>
                <div class="stat-label">{move || i18n.t(L::UncapturedTotal)}</div>
            </div>
        </div>
        {notes.into_iter().map(|n| view! { <p class="card card-empty" role="note">{n}</p> }).collect_view()}
        <DataTable table=Signal::derive(move || rows_table(&rows, i18n)) file="interviews-latest" class="table-compact"/>
        <DataTable table=Signal::derive(move || levels_table(&levels, i18n)) file="interviews-levels"/>
        <h2>{move || i18n.t(L::MatrixTitle)}</h2>
        <p class="hint">{move || i18n.t(L::MatrixHint)}</p>
        <DataTable table=development file="development-candidates"/>
        <DataTable table=at_risk file="at-risk"/>
        <DataTable table=Signal::derive(move || reps_table(&reps, i18n)) file="uncaptured-per-rep"/>
    }
    .into_any()
}

/// The edge cases, said plainly: no wallet, revenue above the wallet, keys the ledger lacks.
fn notes(view: &InterviewsView, i18n: I18n) -> Vec<String> {
    let names = |pick: &dyn Fn(&InterviewRow) -> bool| {
        let name =
            |r: &InterviewRow| r.customer.name.clone().filter(|n| !n.is_empty()).unwrap_or(r.customer.key.clone());
        view.rows.iter().filter(|r| pick(r)).map(name).collect::<Vec<_>>().join(", ")
    };
    let mut notes = Vec::new();
    if view.without_wallet > 0 {
        notes.push(i18n.t(L::NoWalletNote).replace("{n}", &view.without_wallet.to_string()));
    }
    let above = names(&|r| r.above_wallet);
    if !above.is_empty() {
        notes.push(i18n.t(L::AboveWalletNote).replace("{names}", &above));
    }
    let unknown = names(&|r| !r.known);
    if !unknown.is_empty() {
        notes.push(i18n.t(L::UnknownCustomerNote).replace("{names}", &unknown));
    }
    let idle = names(&|r| r.known && r.revenue == Default::default());
    if !idle.is_empty() {
        notes.push(i18n.t(L::NoRevenueNote).replace("{names}", &idle));
    }
    notes
}

fn level_cell(level: Option<crate::engine::pyramid::Level>, i18n: I18n) -> Cell {
    match level {
        Some(level) => Cell::text(i18n.t(level_name(level))).class(format!("level level-{}", level.name())),
        None => Cell::text(i18n.t(L::NoLevel)),
    }
}

fn columns(i18n: I18n, texts: &[L]) -> Vec<String> {
    texts.iter().map(|&t| i18n.t(t).to_string()).collect()
}

fn score(value: Option<u8>) -> Cell {
    value.map_or_else(|| Cell::text(""), |v| Cell::number(v.to_string(), v))
}

fn money(i18n: I18n, value: Option<crate::engine::money::Money>) -> Cell {
    value.map_or_else(|| Cell::text(""), |m| Cell::number(i18n.locale().money(m), m))
}

/// The share, or why there is none; above 100 % marked (the wallet looks too low).
fn share(row: &InterviewRow, i18n: I18n) -> Cell {
    match row.share {
        None => Cell::text(i18n.t(L::ShareUnknown)),
        Some(s) if row.above_wallet => Cell::share(i18n.locale(), Some(s)).class("gap-open"),
        Some(s) => Cell::share(i18n.locale(), Some(s)),
    }
}

fn rows_table(view: &InterviewsView, i18n: I18n) -> TableData {
    let l = i18n.locale();
    let texts = [
        L::ColCustomer,
        L::ColDate,
        L::ColSatisfaction,
        L::ColRecommend,
        L::ColWallet,
        L::Revenue,
        L::CustomerShare,
        L::Uncaptured,
        L::Level,
        L::Rep,
        L::InterviewCount,
    ];
    let rows = view
        .rows
        .iter()
        .map(|r| {
            vec![
                Cell::customer(&r.customer),
                Cell::text(l.date(r.date)),
                score(r.satisfaction),
                score(r.recommend),
                money(i18n, r.wallet),
                Cell::number(l.money(r.revenue), r.revenue),
                share(r, i18n),
                money(i18n, r.uncaptured),
                level_cell(r.level, i18n),
                Cell::text(r.rep.clone().unwrap_or_else(|| i18n.t(M::NoRep).to_string())),
                Cell::number(l.count(r.interviews), r.interviews),
            ]
        })
        .collect();
    let caption = format!("{} · {}", i18n.t(L::LatestTitle), view.period);
    TableData { caption, columns: columns(i18n, &texts), rows, footer: None }
}

fn levels_table(view: &InterviewsView, i18n: I18n) -> TableData {
    let l = i18n.locale();
    let rows = view
        .levels
        .iter()
        .map(|r| {
            vec![
                level_cell(r.level, i18n),
                Cell::number(l.count(r.interviewed), r.interviewed),
                r.mean_satisfaction
                    .map_or_else(|| Cell::text(""), |m| Cell::number(l.decimal(m, 1), format!("{m:.6}"))),
                Cell::share(l, r.share_of_wallet),
            ]
        })
        .collect();
    TableData {
        caption: format!("{} · {}", i18n.t(L::LevelsTitle), view.period),
        columns: columns(i18n, &[L::Level, L::Interviewed, L::MeanSatisfaction, L::ShareOfWallet]),
        rows,
        footer: None,
    }
}

fn quadrant_table(view: &InterviewsView, quadrant: Quadrant, i18n: I18n) -> TableData {
    let title = match quadrant {
        Quadrant::Development => L::DevelopmentCandidates,
        _ => L::AtRisk,
    };
    let t = view.thresholds;
    let rows = view
        .rows
        .iter()
        .filter(|r| r.quadrant == Some(quadrant))
        .map(|r| vec![Cell::customer(&r.customer), score(r.satisfaction), share(r, i18n), level_cell(r.level, i18n)])
        .collect();
    TableData {
        caption: i18n
            .t(title)
            .replace("{s}", &t.satisfied.to_string())
            .replace("{share}", &t.high_share_percent.to_string()),
        columns: columns(i18n, &[L::ColCustomer, L::ColSatisfaction, L::CustomerShare, L::Level]),
        rows,
        footer: None,
    }
}

fn reps_table(view: &InterviewsView, i18n: I18n) -> TableData {
    let l = i18n.locale();
    let rows = view
        .reps
        .iter()
        .map(|r| {
            vec![
                Cell::text(r.rep.clone().unwrap_or_else(|| i18n.t(M::NoRep).to_string())),
                Cell::number(l.count(r.customers), r.customers),
                Cell::number(l.money(r.uncaptured), r.uncaptured),
            ]
        })
        .collect();
    let total =
        vec![Cell::text(i18n.t(M::Total)), Cell::text(""), Cell::number(l.money(view.uncaptured), view.uncaptured)];
    TableData {
        caption: i18n.t(L::UncapturedPerRep).to_string(),
        columns: columns(i18n, &[L::Rep, L::Interviewed, L::Uncaptured]),
        rows,
        footer: Some(total),
    }
}

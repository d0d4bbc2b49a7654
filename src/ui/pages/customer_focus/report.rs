//! The Customer Focus page's answer: the survey picker and comparison, the link to share, the
//! answers' import, and the report's tables and charts.

use super::charts::{benchmark_chart, gap_chart, grid_chart, radar_chart_of};
use super::planner::Planner;
use super::{import_report, Focus};
use crate::engine::customer_focus::request::{FocusEdit, FocusView};
use crate::engine::customer_focus::survey::Survey;
use crate::i18n::focus::quadrant_name;
use crate::i18n::{FocusMsg as F, Locale};
use crate::ui::components::chart::{chart_view, ChartFrame};
use crate::ui::components::table::{Cell, DataTable, TableData};
use crate::ui::engine::slots;
use crate::ui::i18n::{use_i18n, I18n};
use leptos::prelude::*;

pub fn draw(view: FocusView, focus: Focus) -> AnyView {
    let i18n = use_i18n();
    let FocusView { surveys, survey, fragment, report, respondents, change } = view;
    let link = format!("{}#{fragment}", base_address());
    let (survey, report) = (StoredValue::new(survey), StoredValue::new(report));
    let table = |build: fn(&Survey, &crate::engine::customer_focus::report::Report, I18n) -> TableData| {
        Signal::derive(move || build(&survey.get_value(), &report.get_value(), i18n))
    };
    let has_answers = report.with_value(|r| r.respondents > 0);
    let count = respondents.len();
    view! {
        <div class="focus" data-testid="focus-report" data-survey=survey.with_value(|s| s.id.to_string())>
            <Picker surveys=surveys.clone() focus/>
            <section class="card focus-share">
                <h2>{move || i18n.t(F::Share)}</h2>
                <p class="hint">{move || i18n.t(F::ShareIntro)}</p>
                <label>{move || i18n.t(F::Link)}
                    <input type="text" readonly data-testid="survey-link" prop:value=link.clone()/>
                </label>
                <CopyButton text=link testid="copy-link" label=F::CopyLink/>
            </section>
            <ImportAnswers focus id=survey.with_value(|s| s.id)/>
            <section class="card">
                <h2>{move || format!("{} ({})", i18n.t(F::Respondents), i18n.locale().count(count))}</h2>
                {if respondents.is_empty() {
                    view! { <p class="hint" data-testid="no-answers">{move || i18n.t(F::NoAnswers)}</p> }.into_any()
                } else {
                    let rows = respondents.clone();
                    view! { <DataTable table=Signal::derive(move || respondents_table(&rows, i18n)) file="focus-respondents"/> }.into_any()
                }}
            </section>
            {has_answers.then(|| view! {
                <section class="focus-report-body">
                    <h2>{move || i18n.t(F::Report)}</h2>
                    <DataTable table=table(aspects_table) file="focus-aspects"/>
                    <p class="hint">{move || i18n.t(F::DisagreeNote)}</p>
                    <ChartFrame title=Signal::derive(move || i18n.t(F::GapChart).to_string()) file="focus-gaps">
                        {move || chart_view(gap_chart(&report.get_value(), i18n))}
                    </ChartFrame>
                    <ChartFrame title=Signal::derive(move || i18n.t(F::Grid).to_string()) file="focus-grid">
                        {move || chart_view(grid_chart(&report.get_value(), i18n))}
                    </ChartFrame>
                    <h3>{move || i18n.t(F::Radar)}</h3>
                    <div class="radar-charts">
                        {(0..survey.with_value(|s| s.domains.len())).map(|domain| view! {
                            <ChartFrame title=Signal::derive(move || survey.with_value(|s| domain_name(s, domain, i18n.locale()))) file="focus-radar">
                                {move || chart_view(radar_chart_of(&survey.get_value(), &report.get_value(), domain, i18n))}
                            </ChartFrame>
                        }).collect_view()}
                    </div>
                    <h3>{move || i18n.t(F::Priorities)}</h3>
                    <p class="hint">{move || i18n.t(F::PrioritiesNote)}</p>
                    <DataTable table=table(priorities_table) file="focus-priorities"/>
                    <h3>{move || i18n.t(F::Benchmark)}</h3>
                    <ChartFrame title=Signal::derive(move || i18n.t(F::Benchmark).to_string()) file="focus-benchmark">
                        {move || chart_view(benchmark_chart(&survey.get_value(), &report.get_value(), i18n))}
                    </ChartFrame>
                    <DataTable table=table(benchmark_table) file="focus-departments"/>
                    {change.clone().map(|change| view! {
                        <DataTable table=Signal::derive(move || change_table(&change, i18n)) file="focus-change"/>
                    })}
                    <Planner survey report/>
                </section>
            })}
            <TextsEditor survey=survey.get_value() focus/>
        </div>
    }
    .into_any()
}

/// The address the link starts with: the app's base (its root, which every static host serves,
/// and which the service worker serves offline), without a query or fragment.
fn base_address() -> String {
    document().base_uri().ok().flatten().unwrap_or_default().split(['?', '#']).next().unwrap_or_default().to_string()
}

fn domain_name(survey: &Survey, domain: usize, locale: Locale) -> String {
    survey.domains.get(domain).map_or(String::new(), |d| text_of(&d.en, &d.nl, locale).to_string())
}

pub fn text_of<'a>(en: &'a str, nl: &'a str, locale: Locale) -> &'a str {
    match locale {
        Locale::En => en,
        Locale::Nl => nl,
    }
}

pub fn statement(survey: &Survey, aspect: usize, locale: Locale) -> String {
    survey.aspects.get(aspect - 1).map_or(String::new(), |a| text_of(&a.statement.en, &a.statement.nl, locale).into())
}

/// The survey picker and the earlier round to compare with.
#[component]
fn Picker(surveys: Vec<crate::engine::customer_focus::request::SurveyEntry>, focus: Focus) -> impl IntoView {
    let i18n = use_i18n();
    let options = StoredValue::new(surveys);
    let shown = move || focus.survey.get();
    view! {
        <div class="card controls focus-picker">
            <label>{move || i18n.t(F::Survey)}
                <select data-testid="survey-pick" on:change=move |ev| focus.set_survey.set(Some(event_target_value(&ev)))>
                    {move || options.get_value().into_iter().rev().map(|s| {
                        let id = s.id.to_string();
                        let selected = shown().as_deref() == Some(id.as_str());
                        view! { <option value=id selected=selected>{format!("{} ({})", s.title, s.answers)}</option> }
                    }).collect_view()}
                </select>
            </label>
            <label>{move || i18n.t(F::CompareWith)}
                <select data-testid="survey-earlier" on:change=move |ev| {
                    let value = event_target_value(&ev);
                    focus.set_earlier.set((!value.is_empty()).then_some(value));
                }>
                    <option value="">{move || i18n.t(F::NoComparison)}</option>
                    {move || options.get_value().into_iter().map(|s| {
                        let id = s.id.to_string();
                        let selected = focus.earlier.get().as_deref() == Some(id.as_str());
                        view! { <option value=id selected=selected>{s.title}</option> }
                    }).collect_view()}
                </select>
            </label>
        </div>
    }
}

/// Copies `text` to the clipboard and says so.
#[component]
pub fn CopyButton(text: String, testid: &'static str, label: F) -> impl IntoView {
    let i18n = use_i18n();
    let copied = RwSignal::new(false);
    let copy = move |_| {
        let clipboard = window().navigator().clipboard();
        let _ = clipboard.write_text(&text);
        copied.set(true);
    };
    view! {
        <button type="button" class="button button-secondary" data-testid=testid on:click=copy>{move || i18n.t(label)}</button>
        {move || copied.get().then(|| view! { <span class="hint" role="status">{i18n.t(F::Copied)}</span> })}
    }
}

/// Pasted codes and picked files into the survey shown.
#[component]
fn ImportAnswers(focus: Focus, id: crate::engine::customer_focus::survey::SurveyId) -> impl IntoView {
    let i18n = use_i18n();
    let codes = RwSignal::new(String::new());
    let files = StoredValue::new_local(Vec::<web_sys::File>::new());
    let picker = NodeRef::<leptos::html::Input>::new();
    let import = move |_| {
        let picked = files.get_value();
        let edit = FocusEdit::Import { survey: id, codes: codes.get_untracked(), files: slots(&picked) };
        // What was sent is cleared, so that importing again does not send it twice.
        codes.set(String::new());
        files.set_value(Vec::new());
        if let Some(input) = picker.get_untracked() {
            input.set_value("");
        }
        focus.send(edit, picked);
    };
    view! {
        <section class="card focus-import">
            <h2>{move || i18n.t(F::ImportAnswers)}</h2>
            <label>{move || i18n.t(F::Codes)}
                <textarea rows="3" data-testid="answer-codes" prop:value=move || codes.get()
                    on:input=move |ev| codes.set(event_target_value(&ev))></textarea>
            </label>
            <label>{move || i18n.t(F::Files)}
                <input type="file" multiple accept=".txt,.csv,.xlsx,.xls,.ods,text/plain,text/csv" data-testid="answer-files" node_ref=picker
                    on:change=move |ev| {
                        let input: web_sys::HtmlInputElement = event_target(&ev);
                        let list = input.files();
                        let picked = (0..list.as_ref().map_or(0, |l| l.length())).filter_map(|i| list.as_ref()?.get(i)).collect();
                        files.set_value(picked);
                    }/>
            </label>
            <button type="button" class="button button-primary" data-testid="import-answers" on:click=import>{move || i18n.t(F::Import)}</button>
            {move || focus.imported.get().map(|outcome| import_report(outcome, i18n))}
        </section>
    }
}

fn respondents_table(respondents: &[(String, String)], i18n: I18n) -> TableData {
    TableData {
        caption: i18n.t(F::Respondents).into(),
        columns: vec![i18n.t(F::Respondent).into(), i18n.t(F::Department).into()],
        rows: respondents
            .iter()
            .map(|(name, department)| {
                let who = if name.trim().is_empty() { i18n.t(F::Anonymous).to_string() } else { name.clone() };
                vec![Cell::text(who), Cell::text(department.clone())]
            })
            .collect(),
        footer: None,
    }
}

/// A mean score with two decimals, or empty when nobody scored.
pub fn score_cell(locale: Locale, value: Option<f64>) -> Cell {
    value.map_or_else(|| Cell::text(""), |v| Cell::number(locale.decimal(v, 2), format!("{v:.4}")))
}

fn aspects_table(survey: &Survey, report: &crate::engine::customer_focus::report::Report, i18n: I18n) -> TableData {
    let l = i18n.locale();
    let columns = [F::Aspect, F::Statement, F::Domain, F::Current, F::Priority, F::Gap, F::Respondents]
        .into_iter()
        .chain([F::SpreadCurrent, F::SpreadPriority, F::Quadrant, F::Disagree]);
    TableData {
        caption: i18n.t(F::PerAspect).into(),
        columns: columns.map(|c| i18n.t(c).to_string()).collect(),
        rows: report
            .aspects
            .iter()
            .map(|a| {
                vec![
                    Cell::number(a.aspect.to_string(), a.aspect),
                    Cell::text(statement(survey, a.aspect, l)),
                    Cell::text(domain_name(survey, a.domain, l)),
                    score_cell(l, a.current),
                    score_cell(l, a.priority),
                    score_cell(l, a.gap),
                    Cell::number(l.count(a.respondents), a.respondents),
                    score_cell(l, a.current_spread),
                    score_cell(l, a.priority_spread),
                    Cell::text(a.quadrant.map_or("", |q| i18n.t(quadrant_name(q)))),
                    Cell::text(if a.departments_disagree { i18n.t(F::Yes) } else { "" }),
                ]
            })
            .collect(),
        footer: None,
    }
}

fn priorities_table(survey: &Survey, report: &crate::engine::customer_focus::report::Report, i18n: I18n) -> TableData {
    let l = i18n.locale();
    let list = |aspects: &[usize]| aspects.iter().map(usize::to_string).collect::<Vec<_>>().join(", ");
    let company = vec![Cell::text(i18n.t(F::Company)), score_cell(l, None), Cell::text(list(&report.priorities))];
    TableData {
        caption: i18n.t(F::Priorities).into(),
        columns: vec![i18n.t(F::Domain).into(), i18n.t(F::Gap).into(), i18n.t(F::Priorities).into()],
        rows: std::iter::once(company)
            .chain(report.domains.iter().map(|d| {
                vec![
                    Cell::text(domain_name(survey, d.domain, l)),
                    score_cell(l, d.gap),
                    Cell::text(list(&d.priorities)),
                ]
            }))
            .collect(),
        footer: None,
    }
}

fn benchmark_table(survey: &Survey, report: &crate::engine::customer_focus::report::Report, i18n: I18n) -> TableData {
    let l = i18n.locale();
    let mut columns = vec![i18n.t(F::Department).to_string(), i18n.t(F::Respondents).to_string()];
    columns.extend(survey.domains.iter().flat_map(|d| {
        let name = text_of(&d.en, &d.nl, l).to_string();
        [format!("{name}: {}", i18n.t(F::Current)), format!("{name}: {}", i18n.t(F::VsCompany))]
    }));
    let company = std::iter::once(i18n.t(F::Company).to_string())
        .map(Cell::text)
        .chain([Cell::number(l.count(report.respondents), report.respondents)])
        .chain(report.domains.iter().flat_map(|d| [score_cell(l, d.current), Cell::text("")]))
        .collect();
    TableData {
        caption: i18n.t(F::Benchmark).into(),
        columns,
        rows: report
            .departments
            .iter()
            .map(|d| {
                let mut row =
                    vec![Cell::text(d.department.clone()), Cell::number(l.count(d.respondents), d.respondents)];
                row.extend(d.domains.iter().zip(&d.current_vs_company).flat_map(|(m, vs)| {
                    [
                        score_cell(l, m.current),
                        vs.map_or_else(|| Cell::text(""), |v| Cell::number(signed(l, v), format!("{v:.4}"))),
                    ]
                }));
                row
            })
            .collect(),
        footer: Some(company),
    }
}

fn signed(l: Locale, value: f64) -> String {
    let text = l.decimal(value, 2);
    if value > 0.0 {
        format!("+{text}")
    } else {
        text
    }
}

fn change_table(change: &[crate::engine::customer_focus::report::Change], i18n: I18n) -> TableData {
    let l = i18n.locale();
    let cell = |v: Option<f64>| v.map_or_else(|| Cell::text(""), |v| Cell::number(signed(l, v), format!("{v:.4}")));
    TableData {
        caption: i18n.t(F::Change).into(),
        columns: [F::Aspect, F::Current, F::Priority, F::Gap].map(|c| i18n.t(c).to_string()).to_vec(),
        rows: change
            .iter()
            .map(|c| vec![Cell::number(c.aspect.to_string(), c.aspect), cell(c.current), cell(c.priority), cell(c.gap)])
            .collect(),
        footer: None,
    }
}

/// The survey's title, domain names and statements, editable in both languages.
#[component]
fn TextsEditor(survey: Survey, focus: Focus) -> impl IntoView {
    let i18n = use_i18n();
    let draft = RwSignal::new(survey);
    let save = move |_| focus.send(FocusEdit::Save(draft.get_untracked()), Vec::new());
    let field = move |en: bool,
                      get: fn(&Survey, usize) -> (&String, &String),
                      set: fn(&mut Survey, usize, bool, String),
                      i: usize| {
        view! {
            <input type="text" aria-label=move || format!("{} {}", i18n.t(if en { F::English } else { F::Dutch }), i + 1)
                prop:value=move || draft.with(|s| { let (e, n) = get(s, i); if en { e.clone() } else { n.clone() } })
                on:change=move |ev| draft.update(|s| set(s, i, en, event_target_value(&ev)))/>
        }
    };
    let domains = draft.with_untracked(|s| s.domains.len());
    view! {
        <details class="card focus-texts">
            <summary>{move || i18n.t(F::EditTexts)}</summary>
            <label>{move || i18n.t(F::Title)}
                <input type="text" prop:value=move || draft.with(|s| s.title.clone())
                    on:change=move |ev| draft.update(|s| s.title = event_target_value(&ev))/>
            </label>
            <h3>{move || i18n.t(F::Domain)}</h3>
            {(0..domains).map(|i| view! {
                <div class="focus-text-row">
                    {field(true, |s, i| (&s.domains[i].en, &s.domains[i].nl), set_domain, i)}
                    {field(false, |s, i| (&s.domains[i].en, &s.domains[i].nl), set_domain, i)}
                </div>
            }).collect_view()}
            <h3>{move || i18n.t(F::Statements)}</h3>
            {(0..crate::engine::customer_focus::assessment::ASPECTS).map(|i| view! {
                <div class="focus-text-row">
                    <span class="focus-number">{i + 1}</span>
                    {field(true, |s, i| (&s.aspects[i].statement.en, &s.aspects[i].statement.nl), set_statement, i)}
                    {field(false, |s, i| (&s.aspects[i].statement.en, &s.aspects[i].statement.nl), set_statement, i)}
                </div>
            }).collect_view()}
            <button type="button" class="button button-primary" data-testid="save-texts" on:click=save>{move || i18n.t(F::SaveTexts)}</button>
        </details>
    }
}

fn set_domain(survey: &mut Survey, i: usize, en: bool, text: String) {
    let domain = &mut survey.domains[i];
    *(if en { &mut domain.en } else { &mut domain.nl }) = text;
}

fn set_statement(survey: &mut Survey, i: usize, en: bool, text: String) {
    let statement = &mut survey.aspects[i].statement;
    *(if en { &mut statement.en } else { &mut statement.nl }) = text;
}

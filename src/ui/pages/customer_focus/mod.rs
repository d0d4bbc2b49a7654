//! The Customer Focus page (issue 16): the consultant creates a survey round, shares its link,
//! imports the answers that come back (codes, answer files, CSV) and reads the report: the gaps
//! per aspect, the importance-performance grid, a radar per domain, the priorities, departments
//! against the company, the change since an earlier round, and the improvement planner that puts
//! actions on the Actions list. The engine answers all of it (`FocusRequest`, `FocusEdit`); this
//! page only asks and draws. `respondent.rs` is the respondents' page, opened by the link.

mod charts;
mod planner;
mod report;
pub mod respondent;

use super::Page;
use crate::engine::customer_focus::request::{FocusEdit, FocusRequest, FocusSaved, FocusView, ImportOutcome, Refused};
use crate::engine::customer_focus::survey::SurveyId;
use crate::engine::session::{Failure, Request, Response};
use crate::i18n::failure::describe;
use crate::i18n::focus::{cell_error, code_error};
use crate::i18n::{FocusMsg as F, Text};
use crate::protocol::FileSlot;
use crate::ui::app::LoadSampleButton;
use crate::ui::components::answer::{ask_view, Answer};
use crate::ui::components::page_shell::AnalysisPage;
use crate::ui::engine::ask_with_files;
use crate::ui::i18n::{use_i18n, I18n};
use crate::ui::workspace::use_workspace;
use leptos::prelude::*;
use leptos::task::spawn_local;
use leptos_router::hooks::query_signal;

/// What the page keeps between answers: the survey chosen (in the address), a counter bumped
/// when the engine kept an edit (the report is asked again), the last import's outcome and the
/// last refusal.
#[derive(Copy, Clone)]
pub struct Focus {
    survey: Memo<Option<String>>,
    set_survey: SignalSetter<Option<String>>,
    earlier: Memo<Option<String>>,
    set_earlier: SignalSetter<Option<String>>,
    kept: RwSignal<u32>,
    imported: RwSignal<Option<ImportOutcome>>,
    problem: RwSignal<Option<Failure>>,
}

impl Focus {
    fn new() -> Focus {
        let (survey, set_survey) = query_signal::<String>("survey");
        let (earlier, set_earlier) = query_signal::<String>("earlier");
        Focus {
            survey,
            set_survey,
            earlier,
            set_earlier,
            kept: RwSignal::new(0),
            imported: RwSignal::new(None),
            problem: RwSignal::new(None),
        }
    }

    fn request(self) -> FocusRequest {
        let _ = self.kept.get();
        let id = |text: Option<String>| text.and_then(|t| t.parse::<SurveyId>().ok());
        FocusRequest { survey: id(self.survey.get()), earlier: id(self.earlier.get()) }
    }

    /// Sends an edit (with its files) and takes in the answer.
    fn send(self, edit: FocusEdit<FileSlot>, files: Vec<web_sys::File>) {
        spawn_local(async move {
            match ask_with_files(Request::EditFocus(edit), &files).await {
                Response::FocusSaved(FocusSaved { survey, import }) => {
                    self.problem.set(None);
                    self.imported.set(import);
                    self.set_survey.set(Some(survey.to_string()));
                    self.kept.update(|n| *n += 1);
                }
                Response::Failed(failure) => self.problem.set(Some(failure)),
                _ => {}
            }
        });
    }
}

#[component]
pub fn CustomerFocusPage() -> impl IntoView {
    let focus = Focus::new();
    let answer = ask_view(move || focus.request());
    let controls = move || view! { <CreateRound focus answer/> };
    view! {
        <AnalysisPage page=Page::CustomerFocus answer draw=move |view: FocusView| report::draw(view, focus) controls/>
    }
}

/// The refusal of the last edit, in words.
fn problem_note(focus: Focus) -> impl IntoView {
    let i18n = use_i18n();
    move || {
        focus.problem.get().map(|failure| {
            view! { <p class="error" role="alert" data-testid="focus-problem">{describe(&failure, i18n.locale())}</p> }
        })
    }
}

/// A new round: its title and date. A workspace keeps surveys, so without a ledger the page says
/// so and offers the sample.
#[component]
fn CreateRound(focus: Focus, answer: LocalResource<Answer<FocusView>>) -> impl IntoView {
    let i18n = use_i18n();
    let workspace = use_workspace();
    let title = RwSignal::new(String::new());
    let date = RwSignal::new(String::new());
    let create = move |_| {
        let typed = title.get_untracked();
        let title = if typed.trim().is_empty() { i18n.t(F::DefaultTitle).to_string() } else { typed };
        let nonce = js_sys::Date::now() as u64;
        let like = answer.get_untracked().and_then(Answer::ready).map(|shown| shown.survey.id);
        focus.send(FocusEdit::Create { title, date: date.get_untracked(), like, nonce }, Vec::new());
    };
    move || {
        if !workspace.is_loaded() {
            return view! {
                <div class="card card-empty" role="note">
                    <p>{move || i18n.t(F::NeedsWorkspace)}</p>
                    <div class="actions"><LoadSampleButton/></div>
                </div>
            }
            .into_any();
        }
        view! {
            <form class="card controls focus-create" on:submit=move |ev| { ev.prevent_default(); create(()); }>
                <h2>{move || i18n.t(F::NewRound)}</h2>
                <label>{move || i18n.t(F::Title)}
                    <input type="text" data-testid="survey-title" prop:value=move || title.get()
                        placeholder=move || i18n.t(F::DefaultTitle)
                        on:input=move |ev| title.set(event_target_value(&ev))/>
                </label>
                <label>{move || i18n.t(F::Date)}
                    <input type="date" data-testid="survey-date" prop:value=move || date.get()
                        on:input=move |ev| date.set(event_target_value(&ev))/>
                </label>
                <button type="submit" class="button button-primary" data-testid="create-survey">{move || i18n.t(F::Create)}</button>
                <p class="hint">{move || i18n.t(F::CreateHint)}</p>
                {problem_note(focus)}
            </form>
        }
        .into_any()
    }
}

/// The import report: how many were added, who was already in, and each refusal in words.
fn import_report(outcome: ImportOutcome, i18n: I18n) -> impl IntoView {
    let l = i18n.locale();
    let duplicates = outcome.duplicates.into_iter().map(move |(name, department)| {
        let who = if name.trim().is_empty() { i18n.t(F::Anonymous).to_string() } else { name };
        view! { <li>{format!("{who} ({department}) {}", i18n.t(F::Duplicate))}</li> }
    });
    let refused = outcome.refused.into_iter().flat_map(move |refused| match refused {
        Refused::Code { code, file, error } => {
            let shown = file.unwrap_or(code);
            vec![F::CodeAt.text(l).replace("{code}", &shown).replace("{problem}", &code_error(&error, l))]
        }
        Refused::Cells(cells) => cells.iter().map(|c| cell_error(c, l)).collect(),
    });
    view! {
        <div class="card import-report" data-testid="import-report" role="status">
            <h3>{i18n.t(F::ImportReport)}</h3>
            <p data-testid="import-added">{format!("{} {}", l.count(outcome.added), i18n.t(F::Added))}</p>
            <ul>
                {duplicates.collect_view()}
                {refused.map(|text| view! { <li class="error">{text}</li> }).collect_view()}
            </ul>
        </div>
    }
}

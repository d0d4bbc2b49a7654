//! The respondents' page, opened by the survey's link: the app's root with the survey in the
//! fragment (`#survey=...`), which the browser never sends to a server and which every static
//! host and the service worker serve as the app itself. The respondent gives a department (and
//! a name, if they like), scores each statement twice and gets an answer code to copy and an
//! answer file to download. Nothing is sent anywhere and nothing is stored.

use super::report::{text_of, CopyButton};
use crate::engine::customer_focus::code::{CodeError, LINK_KEY};
use crate::engine::customer_focus::request::{AnswerCodeRequest, SurveyLinkRequest};
use crate::engine::customer_focus::survey::{Answer, Score, Scores, Survey};
use crate::engine::session::analysis::AnalysisResponse;
use crate::engine::session::{Request, Response};
use crate::i18n::focus::code_error;
use crate::i18n::FocusMsg as F;
use crate::ui::components::answer::{ask_view, show_answer};
use crate::ui::download::offer;
use crate::ui::engine::ask;
use crate::ui::i18n::use_i18n;
use leptos::prelude::*;
use leptos::task::spawn_local;

/// The survey link's fragment in the address, if the page was opened by one.
pub fn link_fragment() -> Option<String> {
    let hash = window().location().hash().ok()?;
    hash.trim_start_matches('#').starts_with(LINK_KEY).then_some(hash)
}

#[component]
pub fn RespondentPage(fragment: String) -> impl IntoView {
    let i18n = use_i18n();
    let answer = ask_view(move || SurveyLinkRequest { fragment: fragment.clone() });
    view! {
        <section class="page page-respondent" data-page="respondent">
            {show_answer(answer, false, move |read: Result<Survey, CodeError>| match read {
                Ok(survey) => view! { <Questionnaire survey/> }.into_any(),
                Err(error) => view! {
                    <p class="error" role="alert" data-testid="bad-link">{move || format!("{} {}", i18n.t(F::BadLink), code_error(&error, i18n.locale()))}</p>
                }.into_any(),
            })}
        </section>
    }
}

/// The two selects' choices: blank, then 1 to 5.
const CHOICES: [u8; 6] = [0, 1, 2, 3, 4, 5];

#[component]
fn Questionnaire(survey: Survey) -> impl IntoView {
    let i18n = use_i18n();
    let name = RwSignal::new(String::new());
    let department = RwSignal::new(String::new());
    let scores = RwSignal::new(vec![Scores::default(); survey.aspects.len()]);
    let code = RwSignal::new(None::<Result<String, String>>);
    let survey = StoredValue::new(survey);
    let make = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        if department.get_untracked().trim().is_empty() {
            code.set(Some(Err(i18n.t(F::DepartmentMissing).into())));
            return;
        }
        let answer = Answer {
            survey: survey.with_value(|s| s.id),
            respondent: name.get_untracked().trim().into(),
            department: department.get_untracked().trim().into(),
            token: (js_sys::Math::random() * f64::from(u32::MAX)) as u32,
            scores: scores.get_untracked(),
        };
        spawn_local(async move {
            let made = match ask(Request::Analysis(AnswerCodeRequest { answer }.into())).await {
                Response::Analysis(AnalysisResponse::AnswerCode(Ok(text))) => Ok(text),
                Response::Analysis(AnalysisResponse::AnswerCode(Err(error))) => Err(code_error(&error, i18n.locale())),
                _ => Err(i18n.t(F::Corrupted).into()),
            };
            code.set(Some(made));
        });
    };
    let select = move |i: usize, current: bool| {
        let label = move || format!("{} {}", i18n.t(if current { F::Now } else { F::Priority }), i + 1);
        view! {
            <select data-testid=format!("{}-{}", if current { "current" } else { "priority" }, i + 1) aria-label=label
                on:change=move |ev| {
                    let score = event_target_value(&ev).parse::<u8>().ok().and_then(Score::new);
                    scores.update(|s| if current { s[i].current = score } else { s[i].priority = score });
                }>
                {CHOICES.map(|v| view! {
                    <option value=v.to_string()>{move || if v == 0 { i18n.t(F::Blank).to_string() } else { v.to_string() }}</option>
                }).collect_view()}
            </select>
        }
    };
    let domains = survey.with_value(|s| s.domains.len());
    view! {
        <h1 data-testid="survey-title">{survey.with_value(|s| s.title.clone())}</h1>
        <p class="lead">{move || i18n.t(F::AnswerIntro)}</p>
        <form class="questionnaire" on:submit=make>
            <div class="card controls">
                <label>{move || i18n.t(F::YourName)}
                    <input type="text" data-testid="respondent-name" maxlength="80" on:input=move |ev| name.set(event_target_value(&ev))/>
                </label>
                <label>{move || i18n.t(F::YourDepartment)}
                    <input type="text" required data-testid="respondent-department" maxlength="80" on:input=move |ev| department.set(event_target_value(&ev))/>
                </label>
            </div>
            {(0..domains).map(|d| view! {
                <fieldset class="card focus-domain">
                    <legend>{move || survey.with_value(|s| text_of(&s.domains[d].en, &s.domains[d].nl, i18n.locale()).to_string())}</legend>
                    <table class="table questions">
                        <thead><tr>
                            <th scope="col">{move || i18n.t(F::Aspect)}</th>
                            <th scope="col">{move || i18n.t(F::Statement)}</th>
                            <th scope="col">{move || i18n.t(F::Now)}</th>
                            <th scope="col">{move || i18n.t(F::Priority)}</th>
                        </tr></thead>
                        <tbody>
                            {survey.with_value(|s| s.aspects.iter().enumerate().filter(|(_, a)| a.domain == d).map(|(i, _)| i).collect::<Vec<_>>()).into_iter().map(|i| view! {
                                <tr>
                                    <th scope="row">{i + 1}</th>
                                    <td>{move || survey.with_value(|s| { let t = &s.aspects[i].statement; text_of(&t.en, &t.nl, i18n.locale()).to_string() })}</td>
                                    <td>{select(i, true)}</td>
                                    <td>{select(i, false)}</td>
                                </tr>
                            }).collect_view()}
                        </tbody>
                    </table>
                </fieldset>
            }).collect_view()}
            <button type="submit" class="button button-primary" data-testid="make-code">{move || i18n.t(F::MakeCode)}</button>
        </form>
        {move || code.get().map(|made| match made {
            Ok(text) => {
                let file = format!("answer-{}.txt", survey.with_value(|s| s.id.to_string()));
                let bytes = format!("{text}\n");
                view! {
                    <section class="card answer-code">
                        <h2>{move || i18n.t(F::YourCode)}</h2>
                        <textarea readonly rows="3" data-testid="answer-code" aria-label=move || i18n.t(F::YourCode) prop:value=text.clone()></textarea>
                        <div class="actions">
                            <CopyButton text=text.clone() testid="copy-code" label=F::CopyCode/>
                            <button type="button" class="button button-secondary" data-testid="download-answer"
                                on:click=move |_| { let _ = offer(&file, "text/plain", bytes.as_bytes()); }>
                                {move || i18n.t(F::DownloadAnswer)}
                            </button>
                        </div>
                        <p class="hint">{move || i18n.t(F::SendBack)}</p>
                    </section>
                }.into_any()
            }
            Err(text) => view! { <p class="error" role="alert" data-testid="code-problem">{text}</p> }.into_any(),
        })}
    }
}

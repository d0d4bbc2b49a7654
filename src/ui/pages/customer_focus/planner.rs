//! The improvement planner: the largest gaps first, each with an action to describe, an owner and
//! a due date; the described ones go to the Actions list (`ActionEdit::Add`), where their status
//! is kept up to date.

use super::report::statement;
use crate::engine::actions::{ActionDraft, ActionEdit, Origin, Target};
use crate::engine::customer_focus::report::Report;
use crate::engine::customer_focus::survey::Survey;
use crate::engine::session::{Request, Response};
use crate::i18n::failure::describe;
use crate::i18n::FocusMsg as F;
use crate::ui::components::print::today;
use crate::ui::engine::ask;
use crate::ui::i18n::use_i18n;
use crate::ui::pages::Page;
use leptos::prelude::*;
use leptos::task::spawn_local;
use leptos_router::components::A;

/// How many of the top gaps the planner offers.
const PLANNED: usize = 5;

/// One row as typed: what, owner, due.
type Row = (String, String, String);

#[component]
pub fn Planner(survey: StoredValue<Survey>, report: StoredValue<Report>) -> impl IntoView {
    let i18n = use_i18n();
    let top: Vec<usize> = report.with_value(|r| r.priorities.iter().take(PLANNED).copied().collect());
    let rows = RwSignal::new(vec![Row::default(); top.len()]);
    let outcome = RwSignal::new(None::<Result<(), String>>);
    let aspects = StoredValue::new(top.clone());
    let add = move |_| {
        let id = survey.with_value(|s| s.id);
        let drafts: Vec<ActionDraft> = (aspects.get_value().into_iter().zip(rows.get_untracked()))
            .filter(|(_, (what, _, _))| !what.trim().is_empty())
            .map(|(aspect, (what, owner, due))| ActionDraft {
                what,
                target: Target::FocusAspect { survey: id, aspect },
                owner,
                start: String::new(),
                due,
                expected_revenue: String::new(),
                origin: Origin::CustomerFocus,
                created: Some(today()),
            })
            .collect();
        if drafts.is_empty() {
            outcome.set(Some(Err(i18n.t(F::NoActionRows).into())));
            return;
        }
        spawn_local(async move {
            match ask(Request::EditActions(ActionEdit::Add(drafts))).await {
                Response::ActionsSaved(_) => {
                    rows.update(|r| r.iter_mut().for_each(|row| *row = Row::default()));
                    outcome.set(Some(Ok(())));
                }
                Response::Failed(failure) => outcome.set(Some(Err(describe(&failure, i18n.locale())))),
                _ => {}
            }
        });
    };
    let input = move |i: usize,
                      pick: fn(&mut Row) -> &mut String,
                      (name, kind): (&str, &'static str),
                      label: F,
                      aspect: usize| {
        view! {
            <input type=kind data-testid=format!("plan-{name}-{i}") aria-label=move || format!("{} {aspect}", i18n.t(label))
                prop:value=move || rows.with(|r| r.get(i).map(|row| { let mut row = row.clone(); pick(&mut row).clone() }).unwrap_or_default())
                on:input=move |ev| rows.update(|r| if let Some(row) = r.get_mut(i) { *pick(row) = event_target_value(&ev) })/>
        }
    };
    view! {
        <section class="card focus-planner" data-testid="planner">
            <h3>{move || i18n.t(F::Planner)}</h3>
            <p class="hint">{move || i18n.t(F::PlannerIntro)}</p>
            <table class="table planner-table">
                <thead><tr>
                    {[F::Aspect, F::Statement, F::Gap, F::What, F::Owner, F::Due].map(|c| view! { <th scope="col">{move || i18n.t(c)}</th> }).collect_view()}
                </tr></thead>
                <tbody>
                    {top.into_iter().enumerate().map(|(i, aspect)| {
                        let gap = report.with_value(|r| r.aspects[aspect - 1].gap);
                        view! {
                            <tr>
                                <th scope="row">{aspect}</th>
                                <td>{move || survey.with_value(|s| statement(s, aspect, i18n.locale()))}</td>
                                <td class="num">{move || gap.map_or(String::new(), |g| i18n.locale().decimal(g, 2))}</td>
                                <td>{input(i, |r| &mut r.0, ("what", "text"), F::What, aspect)}</td>
                                <td>{input(i, |r| &mut r.1, ("owner", "text"), F::Owner, aspect)}</td>
                                <td>{input(i, |r| &mut r.2, ("due", "date"), F::Due, aspect)}</td>
                            </tr>
                        }
                    }).collect_view()}
                </tbody>
            </table>
            <div class="actions">
                <button type="button" class="button button-primary" data-testid="add-actions" on:click=add>{move || i18n.t(F::AddActions)}</button>
                <A href=Page::Actions.path()>{move || i18n.t(F::ToActions)}</A>
            </div>
            {move || outcome.get().map(|result| match result {
                Ok(()) => view! { <p class="hint" role="status" data-testid="actions-added">{i18n.t(F::ActionsAdded)}</p> }.into_any(),
                Err(text) => view! { <p class="error" role="alert">{text}</p> }.into_any(),
            })}
        </section>
    }
}

//! The Actions page: every action planned on any page (now the Customer Focus improvement
//! planner), with what, for whom, owner, dates, expected revenue and where it was planned; the
//! status is changed here (`ActionEdit::SetStatus`) and kept with the workspace.

use super::Page;
use crate::engine::actions::{Action, ActionEdit, ActionsRequest, Origin, Status, Target};
use crate::engine::session::{Request, Response};
use crate::i18n::failure::describe;
use crate::i18n::focus::status_name;
use crate::i18n::{FocusMsg as F, Locale};
use crate::ui::components::answer::{ask_view, level_name};
use crate::ui::components::page_shell::AnalysisPage;
use crate::ui::components::table::ScrollRegion;
use crate::ui::engine::ask;
use crate::ui::i18n::{use_i18n, I18n};
use leptos::prelude::*;
use leptos::task::spawn_local;

#[component]
pub fn ActionsPage() -> impl IntoView {
    let kept = RwSignal::new(0u32);
    let problem = RwSignal::new(None::<String>);
    let answer = ask_view(move || {
        let _ = kept.get();
        ActionsRequest
    });
    let draw = move |actions: Vec<Action>| draw(actions, kept, problem);
    view! { <AnalysisPage page=Page::Actions answer draw/> }
}

fn target(target: &Target, i18n: I18n) -> String {
    match target {
        Target::Customers(keys) => format!("{}: {}", i18n.t(F::Customers), keys.join(", ")),
        Target::Level(level) => format!("{}: {}", i18n.t(F::Level), i18n.t(level_name(*level))),
        Target::FocusAspect { aspect, .. } => format!("{} {aspect}", i18n.t(F::FocusAspect)),
    }
}

fn origin(origin: Origin) -> crate::ui::pages::Page {
    match origin {
        Origin::CustomerFocus => Page::CustomerFocus,
    }
}

fn date(l: Locale, day: Option<crate::engine::date::Day>) -> String {
    day.map_or(String::new(), |d| l.date(d))
}

fn edit(edit: ActionEdit, kept: RwSignal<u32>, problem: RwSignal<Option<String>>, i18n: I18n) {
    spawn_local(async move {
        match ask(Request::EditActions(edit)).await {
            Response::ActionsSaved(_) => {
                problem.set(None);
                kept.update(|n| *n += 1);
            }
            Response::Failed(failure) => problem.set(Some(describe(&failure, i18n.locale()))),
            _ => {}
        }
    });
}

fn draw(actions: Vec<Action>, kept: RwSignal<u32>, problem: RwSignal<Option<String>>) -> AnyView {
    let i18n = use_i18n();
    if actions.is_empty() {
        return view! { <div class="card card-empty" role="note" data-testid="no-actions"><p>{move || i18n.t(F::NoActions)}</p></div> }
            .into_any();
    }
    let columns =
        [F::What, F::ForWhom, F::Owner, F::Start, F::Due, F::Status, F::ExpectedRevenue, F::PlannedOn, F::Remove];
    view! {
        {move || problem.get().map(|text| view! { <p class="error" role="alert">{text}</p> })}
        <ScrollRegion label=Signal::derive(move || i18n.t(Page::Actions.title()).to_string())>
            <table class="table" data-table="actions">
                <caption>{move || i18n.t(Page::Actions.title())}</caption>
                <thead><tr>{columns.map(|c| view! { <th scope="col">{move || i18n.t(c)}</th> }).collect_view()}</tr></thead>
                <tbody>
                    {actions.into_iter().enumerate().map(|(index, action)| {
                        let l = move || i18n.locale();
                        let a = StoredValue::new(action);
                        view! {
                            <tr data-testid=format!("action-{index}")>
                                <th scope="row">{a.with_value(|a| a.what.clone())}</th>
                                <td>{move || a.with_value(|a| target(&a.target, i18n))}</td>
                                <td>{a.with_value(|a| a.owner.clone())}</td>
                                <td>{move || a.with_value(|a| date(l(), a.start))}</td>
                                <td>{move || a.with_value(|a| date(l(), a.due))}</td>
                                <td>
                                    <select data-testid=format!("action-status-{index}") aria-label=move || format!("{} {}", i18n.t(F::Status), index + 1)
                                        on:change=move |ev| {
                                            let status = Status::ALL.get(event_target_value(&ev).parse::<usize>().unwrap_or(0)).copied().unwrap_or_default();
                                            edit(ActionEdit::SetStatus { index, status }, kept, problem, i18n);
                                        }>
                                        {Status::ALL.iter().enumerate().map(|(i, s)| {
                                            let selected = a.with_value(|a| a.status == *s);
                                            let name = status_name(*s);
                                            view! { <option value=i.to_string() selected=selected>{move || i18n.t(name)}</option> }
                                        }).collect_view()}
                                    </select>
                                </td>
                                <td class="num">{move || a.with_value(|a| a.expected_revenue.map_or(String::new(), |m| l().money(m)))}</td>
                                <td>{move || i18n.t(origin(a.with_value(|a| a.origin)).title())}</td>
                                <td>
                                    <button type="button" class="button button-secondary button-small" data-testid=format!("action-remove-{index}")
                                        on:click=move |_| edit(ActionEdit::Remove { index }, kept, problem, i18n)>
                                        {move || i18n.t(F::Remove)}
                                    </button>
                                </td>
                            </tr>
                        }
                    }).collect_view()}
                </tbody>
            </table>
        </ScrollRegion>
    }
    .into_any()
}

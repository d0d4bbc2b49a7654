//! The Actions page: every action planned on any page (the Customer Focus planner and the pages
//! that list customers), each with where it was planned (a link back), its owner, due date and
//! status to keep up to date, and its follow-up against revenue (realised, baseline, uplift,
//! expected, progress, all from the engine), with the totals per owner and status, filters, the
//! overdue ones marked, and the list as a CSV or XLSX file to download and import back.

use super::Page;
use crate::engine::actions::follow_up::FollowUp;
use crate::engine::actions::{
    file, ActionEdit, ActionRow, ActionsRequest, ActionsView, Origin, Status, Target, Totals,
};
use crate::engine::session::analysis::AnalysisResponse;
use crate::engine::session::{Request, Response};
use crate::engine::sheets;
use crate::i18n::actions::not_followed;
use crate::i18n::failure::describe;
use crate::i18n::focus::status_name;
use crate::i18n::{ActionsMsg as A, FocusMsg as F};
use crate::ui::components::answer::{ask_view, level_name};
use crate::ui::components::page_shell::AnalysisPage;
use crate::ui::components::print::today;
use crate::ui::components::table::{Cell, DataTable, ScrollRegion, TableData};
use crate::ui::download::offer;
use crate::ui::engine::{ask, ask_with_files, slot};
use crate::ui::i18n::{use_i18n, I18n};
use leptos::prelude::*;
use leptos::task::spawn_local;
use leptos_router::components::A as Link;

/// What every edit needs: a counter that asks the list again, and where a refusal is said.
#[derive(Copy, Clone)]
struct Kept {
    revision: RwSignal<u32>,
    problem: RwSignal<Option<String>>,
    notice: RwSignal<Option<String>>,
}

impl Kept {
    fn take(self, response: Response, i18n: I18n) {
        match response {
            Response::ActionsSaved(_) => {
                self.problem.set(None);
                self.revision.update(|n| *n += 1);
            }
            Response::Failed(failure) => self.problem.set(Some(describe(&failure, i18n.locale()))),
            _ => {}
        }
    }

    fn edit(self, edit: ActionEdit, i18n: I18n) {
        spawn_local(async move { self.take(ask(Request::EditActions(edit)).await, i18n) });
    }
}

#[component]
pub fn ActionsPage() -> impl IntoView {
    let kept = Kept { revision: RwSignal::new(0), problem: RwSignal::new(None), notice: RwSignal::new(None) };
    let status = RwSignal::new(None::<Status>);
    let owner = RwSignal::new(None::<String>);
    let answer = ask_view(move || {
        let _ = kept.revision.get();
        ActionsRequest { today: Some(today()), status: status.get(), owner: owner.get() }
    });
    let draw = move |view: ActionsView| draw(view, kept, status, owner);
    let after = move || view! { <ActionsFile kept/> };
    view! { <AnalysisPage page=Page::Actions answer draw after/> }
}

/// How many customers shown with the first keys: a list of thousands would fill the page (the
/// whole list is in the CSV and XLSX download).
const KEYS_SHOWN: usize = 3;

fn target(target: &Target, i18n: I18n) -> String {
    match target {
        Target::Customers(keys) => {
            let first = keys.iter().take(KEYS_SHOWN).map(String::as_str).collect::<Vec<_>>().join(", ");
            let more = if keys.len() > KEYS_SHOWN { ", …" } else { "" };
            format!("{} ({}): {first}{more}", i18n.t(F::Customers), i18n.locale().count(keys.len()))
        }
        Target::Level(level) => format!("{}: {}", i18n.t(F::Level), i18n.t(level_name(*level))),
        Target::FocusAspect { aspect, .. } => format!("{} {aspect}", i18n.t(F::FocusAspect)),
    }
}

fn origin(origin: Origin) -> Page {
    match origin {
        Origin::CustomerFocus => Page::CustomerFocus,
        Origin::Flows => Page::Flows,
        Origin::Migration => Page::Migration,
        Origin::CustomerViews => Page::Views,
        Origin::Rfm => Page::Rfm,
        Origin::Profitability => Page::Profitability,
        Origin::Pyramid => Page::Pyramid,
    }
}

fn owner_name(owner: &str, i18n: I18n) -> String {
    if owner.is_empty() {
        i18n.t(A::NoOwner).to_string()
    } else {
        owner.to_string()
    }
}

fn draw(view: ActionsView, kept: Kept, status: RwSignal<Option<Status>>, owner: RwSignal<Option<String>>) -> AnyView {
    let i18n = use_i18n();
    if view.count == 0 {
        return view! {
            <div class="card card-empty" role="note" data-testid="no-actions"><p>{move || i18n.t(F::NoActions)}</p></div>
            {move || kept.problem.get().map(|text| view! { <p class="error" role="alert">{text}</p> })}
        }
        .into_any();
    }
    let rows = view.rows.clone();
    view! {
        {move || kept.problem.get().map(|text| view! { <p class="error" role="alert">{text}</p> })}
        <ActionFilters owners=view.owners.clone() status owner/>
        <p class="hint">{move || i18n.t(A::FollowUpHint)}</p>
        {if rows.is_empty() {
            view! { <p class="card card-empty" data-testid="no-match">{move || i18n.t(A::NoneMatch)}</p> }.into_any()
        } else {
            view! { <ActionsTable rows totals=view.totals.clone() kept/> }.into_any()
        }}
        <DataTable table=Signal::derive({
            let per = view.per_owner.clone();
            move || rollup((A::PerOwner, A::FilterOwner), per.iter().map(|(o, t)| (owner_name(o, i18n), t)), i18n)
        }) file="actions-per-owner"/>
        <DataTable table=Signal::derive({
            let per = view.per_status.clone();
            move || rollup((A::PerStatus, A::FilterStatus), per.iter().map(|(s, t)| (i18n.t(status_name(*s)).to_string(), t)), i18n)
        }) file="actions-per-status"/>
    }
    .into_any()
}

#[component]
fn ActionFilters(
    owners: Vec<String>,
    status: RwSignal<Option<Status>>,
    owner: RwSignal<Option<String>>,
) -> impl IntoView {
    let i18n = use_i18n();
    let owners = StoredValue::new(owners);
    view! {
        <div class="filter-bar actions-filters">
            <label class="field">
                <span>{move || i18n.t(A::FilterStatus)}</span>
                <select data-testid="filter-status" on:change=move |ev| {
                    status.set(event_target_value(&ev).parse::<usize>().ok().and_then(|i| Status::ALL.get(i).copied()))
                }>
                    <option value="" selected=move || status.get().is_none()>{move || i18n.t(A::All)}</option>
                    {Status::ALL.iter().enumerate().map(|(i, s)| {
                        let s = *s;
                        view! { <option value=i.to_string() selected=move || status.get() == Some(s)>{move || i18n.t(status_name(s))}</option> }
                    }).collect_view()}
                </select>
            </label>
            <label class="field">
                <span>{move || i18n.t(A::FilterOwner)}</span>
                <select data-testid="filter-owner" on:change=move |ev| {
                    let index = event_target_value(&ev).parse::<usize>().ok();
                    owner.set(index.and_then(|i| owners.with_value(|o| o.get(i).cloned())));
                }>
                    <option value="" selected=move || owner.get().is_none()>{move || i18n.t(A::All)}</option>
                    {owners.get_value().into_iter().enumerate().map(|(i, o)| {
                        let chosen = o.clone();
                        view! { <option value=i.to_string() selected=move || owner.get().as_ref() == Some(&chosen)>{owner_name(&o, i18n)}</option> }
                    }).collect_view()}
                </select>
            </label>
        </div>
    }
}

/// The follow-up's columns.
const FOLLOW: [A; 4] = [A::Realised, A::Baseline, A::Uplift, A::Progress];

#[component]
fn ActionsTable(rows: Vec<ActionRow>, totals: Option<Totals>, kept: Kept) -> impl IntoView {
    let i18n = use_i18n();
    let first = [F::What, F::ForWhom, F::PlannedOn, F::Owner, F::Start, F::Due, F::Status, F::ExpectedRevenue];
    view! {
        <ScrollRegion label=Signal::derive(move || i18n.t(Page::Actions.title()).to_string())>
            <table class="table actions-table" data-table="actions">
                <caption>{move || i18n.t(Page::Actions.title())}</caption>
                <thead><tr>
                    {first.map(|c| view! { <th scope="col">{move || i18n.t(c)}</th> }).collect_view()}
                    {FOLLOW.iter().map(|&c| view! { <th scope="col" class="num">{move || i18n.t(c)}</th> }).collect_view()}
                    <th scope="col">{move || i18n.t(F::Remove)}</th>
                </tr></thead>
                <tbody>{rows.into_iter().map(|row| view! { <ActionLine row kept/> }).collect_view()}</tbody>
                <tfoot>{totals_row(totals, i18n)}</tfoot>
            </table>
        </ScrollRegion>
    }
}

#[component]
fn ActionLine(row: ActionRow, kept: Kept) -> impl IntoView {
    let i18n = use_i18n();
    let l = move || i18n.locale();
    let index = row.index;
    let a = StoredValue::new(row.action.clone());
    let page = origin(row.action.origin);
    let date = move |d: Option<crate::engine::date::Day>| d.map(|d| d.to_string()).unwrap_or_default();
    let label = move |m: F| format!("{} {}", i18n.t(m), index + 1);
    view! {
        <tr data-testid=format!("action-{index}") class:overdue=row.overdue>
            <th scope="row">
                {a.with_value(|a| a.what.clone())}
                {row.overdue.then(|| view! { <span class="badge badge-bad" data-testid=format!("action-overdue-{index}")>{move || i18n.t(A::Overdue)}</span> })}
            </th>
            <td>{move || a.with_value(|a| target(&a.target, i18n))}</td>
            <td><Link href=page.path() attr:data-testid=format!("action-origin-{index}")>{move || i18n.t(page.title())}</Link></td>
            <td><input type="text" data-testid=format!("action-owner-{index}") aria-label=move || label(F::Owner)
                prop:value=a.with_value(|a| a.owner.clone())
                on:change=move |ev| kept.edit(ActionEdit::SetOwner { index, owner: event_target_value(&ev) }, i18n)/></td>
            <td>{move || a.with_value(|a| a.start.map_or(String::new(), |d| l().date(d)))}</td>
            <td><input type="date" data-testid=format!("action-due-{index}") aria-label=move || label(F::Due)
                prop:value=a.with_value(|a| date(a.due))
                on:change=move |ev| kept.edit(ActionEdit::SetDue { index, due: event_target_value(&ev) }, i18n)/></td>
            <td>
                <select data-testid=format!("action-status-{index}") aria-label=move || label(F::Status)
                    on:change=move |ev| {
                        let status = Status::ALL.get(event_target_value(&ev).parse::<usize>().unwrap_or(0)).copied().unwrap_or_default();
                        kept.edit(ActionEdit::SetStatus { index, status }, i18n);
                    }>
                    {Status::ALL.iter().enumerate().map(|(i, s)| {
                        let selected = a.with_value(|a| a.status == *s);
                        let name = status_name(*s);
                        view! { <option value=i.to_string() selected=selected>{move || i18n.t(name)}</option> }
                    }).collect_view()}
                </select>
            </td>
            <td class="num">{move || a.with_value(|a| a.expected_revenue.map_or(String::new(), |m| l().money(m)))}</td>
            {follow_cells(row.follow_up.clone(), index, i18n)}
            <td>
                <button type="button" class="button button-secondary button-small" data-testid=format!("action-remove-{index}")
                    on:click=move |_| kept.edit(ActionEdit::Remove { index }, i18n)>
                    {move || i18n.t(F::Remove)}
                </button>
            </td>
        </tr>
    }
}

/// Realised (with the window and what it leaves out), baseline, uplift and progress; or why
/// there are none, across the four cells.
fn follow_cells(
    follow: Result<FollowUp, crate::engine::actions::follow_up::NotFollowed>,
    index: usize,
    i18n: I18n,
) -> AnyView {
    let f = match follow {
        Ok(f) => f,
        Err(reason) => {
            return view! { <td colspan="4" class="hint" data-testid=format!("action-not-followed-{index}")>{move || not_followed(reason, i18n.locale())}</td> }
                .into_any()
        }
    };
    let l = move || i18n.locale();
    let notes = move || {
        let mut notes = vec![i18n
            .t(A::Window)
            .replace("{start}", &l().date(f.start))
            .replace("{end}", &l().date(f.end))
            .replace("{baseline_start}", &l().date(f.baseline_start))];
        if f.unknown > 0 {
            notes.push(i18n.t(A::Unknown).replace("{n}", &l().count(f.unknown)));
        }
        if f.baseline_partial {
            notes.push(i18n.t(A::BaselinePartial).to_string());
        }
        notes.join("; ")
    };
    view! {
        <td class="num" data-testid=format!("action-realised-{index}") data-cents=f.realised.cents().to_string()>
            {move || l().money(f.realised)}
            <span class="cell-note">{notes}</span>
        </td>
        <td class="num" data-testid=format!("action-baseline-{index}") data-cents=f.baseline.cents().to_string()>{move || l().money(f.baseline)}</td>
        <td class="num" data-testid=format!("action-uplift-{index}")>{move || l().money(f.uplift)}</td>
        <td class="num" data-testid=format!("action-progress-{index}")>{move || f.progress.map_or(String::new(), |p| l().percent(p))}</td>
    }
    .into_any()
}

fn totals_row(totals: Option<Totals>, i18n: I18n) -> impl IntoView {
    let l = move || i18n.locale();
    view! {
        <tr data-testid="actions-totals">
            <th scope="row" colspan="7">{move || i18n.t(A::Totals)}</th>
            {match totals {
                None => view! { <td colspan="6" class="hint">{move || i18n.t(A::TotalsTooLarge)}</td> }.into_any(),
                Some(t) => view! {
                    <td class="num">{move || l().money(t.expected)}</td>
                    <td class="num" data-testid="actions-total-realised">{move || l().money(t.realised)}</td>
                    <td class="num">{move || l().money(t.baseline)}</td>
                    <td class="num">{move || l().money(t.uplift)}</td>
                    <td class="num">{move || t.progress.map_or(String::new(), |p| l().percent(p))}</td>
                    <td></td>
                }.into_any(),
            }}
        </tr>
    }
}

/// A roll-up (per owner or per status: its caption and first column) as a table with its CSV.
fn rollup<'t>((caption, by): (A, A), per: impl Iterator<Item = (String, &'t Option<Totals>)>, i18n: I18n) -> TableData {
    let l = i18n.locale();
    let columns = [A::ActionsCount, A::Followed, A::Realised, A::Baseline, A::Uplift, A::Progress];
    let money = |m: crate::engine::money::Money| Cell::number(l.money(m), m);
    TableData {
        caption: i18n.t(caption).to_string(),
        columns: std::iter::once(i18n.t(by).to_string())
            .chain([F::ExpectedRevenue].map(|c| i18n.t(c).to_string()))
            .chain(columns.map(|c| i18n.t(c).to_string()))
            .collect(),
        rows: per
            .map(|(name, totals)| {
                let mut row = vec![Cell::text(name)];
                match totals {
                    Some(t) => row.extend([
                        money(t.expected),
                        Cell::number(l.count(t.actions), t.actions),
                        Cell::number(l.count(t.followed), t.followed),
                        money(t.realised),
                        money(t.baseline),
                        money(t.uplift),
                        Cell::share(l, t.progress),
                    ]),
                    None => row.push(Cell::text(i18n.t(A::TotalsTooLarge))),
                }
                row
            })
            .collect(),
        footer: None,
    }
}

/// The whole list as CSV and XLSX (`actions::file`), and a file of it imported back.
#[component]
fn ActionsFile(kept: Kept) -> impl IntoView {
    let i18n = use_i18n();
    let download = move |xlsx: bool| {
        spawn_local(async move {
            let Response::Analysis(AnalysisResponse::Actions(all)) =
                ask(Request::Analysis(ActionsRequest::default().into())).await
            else {
                return;
            };
            let actions: Vec<_> = all.rows.into_iter().map(|r| r.action).collect();
            let sheet = file::sheet(&actions);
            let offered = if xlsx {
                let mime = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
                offer("actions.xlsx", mime, &sheets::workbook(&[sheet]))
            } else {
                offer("actions.csv", "text/csv;charset=utf-8", &sheets::csv(&sheet))
            };
            if let Err(problem) = offered {
                kept.problem.set(Some(problem));
            }
        });
    };
    let import = move |picked: web_sys::File| {
        spawn_local(async move {
            let response = ask_with_files(Request::ImportActions { file: slot(0, &picked) }, &[picked]).await;
            if let Response::ActionsSaved(list) = &response {
                kept.notice.set(Some(i18n.t(A::Imported).replace("{n}", &i18n.locale().count(list.len()))));
            }
            kept.take(response, i18n);
        });
    };
    view! {
        <section class="card actions-file">
            <div class="actions">
                <button type="button" class="button button-secondary button-small" data-testid="actions-csv" on:click=move |_| download(false)>{move || i18n.t(A::DownloadCsv)}</button>
                <button type="button" class="button button-secondary button-small" data-testid="actions-xlsx" on:click=move |_| download(true)>{move || i18n.t(A::DownloadXlsx)}</button>
            </div>
            <label class="field">
                <span>{move || i18n.t(A::ImportList)}</span>
                <input type="file" accept=".csv,.txt,.xlsx,.xlsm,.xls,.ods,text/csv" data-testid="actions-import"
                    on:change=move |ev| {
                        let input: web_sys::HtmlInputElement = event_target(&ev);
                        if let Some(picked) = input.files().and_then(|f| f.get(0)) {
                            import(picked);
                        }
                        input.set_value("");
                    }/>
            </label>
            {move || kept.notice.get().map(|text| view! { <p class="hint" role="status" data-testid="actions-imported">{text}</p> })}
        </section>
    }
}

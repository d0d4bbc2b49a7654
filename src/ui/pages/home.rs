//! The overview: what Clientele does, the privacy promise, and the one-click demo; once a ledger
//! is loaded, the method's lessons for it (`LessonsRequest`), each linked to its page.

use super::customer_focus::respondent::{link_fragment, RespondentPage};
use super::profitability::ProfitLessons;
use super::Page;
use crate::engine::lessons::{Development, Lessons, LessonsRequest};
use crate::engine::session::analysis::EmptyReason;
use crate::i18n::{AnalysisMsg as M, LessonsMsg as L, Msg};
use crate::ui::app::LoadSampleButton;
use crate::ui::components::answer::{ask_view, level_name, show};
use crate::ui::components::table::{Cell, CustomerLink, DataTable, TableData};
use crate::ui::i18n::{use_i18n, I18n};
use crate::ui::workspace::use_workspace;
use leptos::prelude::*;
use leptos_router::components::A;

#[component]
pub fn HomePage() -> impl IntoView {
    let i18n = use_i18n();
    let workspace = use_workspace();
    // A Customer Focus survey link opens the app's root with the survey in the fragment.
    if let Some(fragment) = link_fragment() {
        return view! { <RespondentPage fragment/> }.into_any();
    }
    view! {
        <section class="page page-home" data-page=Page::Home.path()>
            <h1>{move || i18n.t(Msg::HomeTitle)}</h1>
            <p class="lead">{move || i18n.t(Msg::HomeIntro)}</p>
            <div class="card card-privacy">
                <p>{move || i18n.t(Msg::HomePrivacy)}</p>
            </div>
            <div class="actions">
                <LoadSampleButton/>
                <A href=Page::Data.path() attr:class="button button-secondary">{move || i18n.t(Msg::GoToData)}</A>
            </div>
            <p class="hint">{move || i18n.t(Msg::SampleExplained)}</p>
            {move || workspace.is_loaded().then(|| view! { <LessonsSection/> })}
        </section>
    }
    .into_any()
}

#[component]
fn LessonsSection() -> impl IntoView {
    let i18n = use_i18n();
    let answer = ask_view(LessonsRequest::default);
    view! {
        <section class="lessons" data-testid="lessons" aria-labelledby="lessons-title">
            <h2 id="lessons-title">{move || i18n.t(L::Title)}</h2>
            <p class="hint">{move || i18n.t(L::Intro)}</p>
            {show(answer, draw_lessons)}
            // The lessons that need cost pools: nothing until some are entered.
            <ProfitLessons/>
        </section>
    }
}

fn draw_lessons(lessons: Lessons) -> AnyView {
    let i18n = use_i18n();
    let l = move || i18n.locale();
    let levels = lessons.clone();
    view! {
        <div class="card lesson" data-testid="lesson-top20">
            <p class="stat-value">
                {move || format!("{} {} {}", i18n.t(L::TopShare), l().percent(lessons.top20_revenue_share), i18n.t(L::TopShareEnd))}
            </p>
            <p class="hint">
                {move || format!("{} {} {} · {}", l().count(lessons.top_customers), i18n.t(L::TopCustomers), l().count(lessons.active_customers), lessons.period)}
            </p>
            <ToPage page=Page::Concentration/>
        </div>
        <div class="card lesson" data-testid="lesson-levels">
            <DataTable table=Signal::derive(move || levels_table(&levels, i18n)) file="lesson-levels"/>
            <ToPage page=Page::Pyramid/>
        </div>
        <div class="card lesson" data-testid="lesson-develop">{development(lessons.development)}</div>
    }
    .into_any()
}

#[component]
fn ToPage(page: Page) -> impl IntoView {
    let i18n = use_i18n();
    view! { <A href=page.path()>{move || format!("{} {}", i18n.t(L::ToPage), i18n.t(page.title()))}</A> }
}

fn levels_table(lessons: &Lessons, i18n: I18n) -> TableData {
    let l = i18n.locale();
    TableData {
        caption: format!("{} {}", i18n.t(L::Levels), lessons.period),
        columns: [M::Level, M::Customers, M::CustomerShare, M::Revenue, M::RevenueShare]
            .iter()
            .map(|&m| i18n.t(m).to_string())
            .collect(),
        rows: lessons
            .levels
            .iter()
            .map(|r| {
                vec![
                    Cell::text(i18n.t(level_name(r.level))),
                    Cell::number(l.count(r.customers), r.customers),
                    Cell::share(l, r.customer_share),
                    Cell::number(l.money(r.revenue), r.revenue),
                    Cell::share(l, r.revenue_share),
                ]
            })
            .collect(),
        footer: None,
    }
}

fn development(development: Result<Development, EmptyReason>) -> AnyView {
    let i18n = use_i18n();
    let Ok(d) = development else {
        return view! { <p>{move || i18n.t(L::DevelopNoGroups)}</p> }.into_any();
    };
    if d.customers.is_empty() {
        return view! { <p>{move || i18n.t(L::DevelopNone)}</p><ToPage page=Page::Views/> }.into_any();
    }
    let value = d.value;
    view! {
        <p class="stat-value" data-testid="develop-value" data-cents=value.cents()>
            {move || format!("{} {}", i18n.t(L::Develop), i18n.locale().money(value))}
        </p>
        <p class="hint">{move || i18n.t(L::DevelopDetail)}</p>
        <ul class="develop-customers">
            {d.customers.into_iter().map(|c| {
                let (level, white_space) = (c.level, c.white_space);
                view! {
                    <li>
                        <CustomerLink customer=c.customer/>
                        {move || format!(" ({}): {}", i18n.t(level_name(level)), i18n.locale().money(white_space))}
                    </li>
                }
            }).collect_view()}
        </ul>
        <ToPage page=Page::Views/>
    }
    .into_any()
}

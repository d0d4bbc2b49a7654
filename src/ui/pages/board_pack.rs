//! The board pack: one print view of the pyramid, the flows, the migration, the profitability
//! and the scorecard roll-up for the filters chosen (the print header names them), each with its
//! chart, its key table and its lesson, in the chosen language. Each section is drawn by its
//! page's own code (`draw_pyramid`, `waterfall`, `Heatmap`, `draw_account`); `style/print.css`
//! starts each on a new A4 sheet. A "Print" button opens the browser's print dialog.

use super::flows::{flows_table, waterfall};
use super::migration::{Heatmap, MoveTotalsTable};
use super::profitability::draw_account;
use super::pyramid::{ask_pyramid, draw_pyramid};
use super::scorecard::ScorecardRollup;
use super::Page;
use crate::engine::flows::{Flows, FlowsRequest};
use crate::engine::lessons::{Lessons, LessonsRequest};
use crate::engine::migration::{MigrationRequest, MigrationSummary};
use crate::engine::profitability::ProfitabilityRequest;
use crate::i18n::{ActionsMsg as A, AnalysisMsg as M, LessonsMsg as L, Text};
use crate::ui::components::answer::{ask_view, show};
use crate::ui::components::chart::{chart_view, ChartFrame};
use crate::ui::components::filters::Filters;
use crate::ui::components::page_shell::AnalysisPage;
use crate::ui::components::table::DataTable;
use crate::ui::i18n::use_i18n;
use leptos::prelude::*;

#[component]
pub fn BoardPackPage() -> impl IntoView {
    let filters = Filters::main();
    let i18n = use_i18n();
    // The lessons of the Overview lead the pack; each section then asks its own page's answer.
    let answer = ask_view(move || LessonsRequest { selection: filters.selection() });
    let controls = move || {
        view! {
            <div class="actions">
                <button type="button" class="button button-primary" data-testid="print-pack"
                    on:click=|_| { let _ = window().print(); }>{move || i18n.t(A::PrintPack)}</button>
            </div>
            <p class="hint screen-only">{move || i18n.t(A::PackIntro)}</p>
        }
    };
    let draw = move |lessons: Lessons| view! { <Pack filters lessons/> };
    view! { <AnalysisPage page=Page::BoardPack filters answer draw controls/> }
}

/// One section: its heading (the page's title) on a new sheet, then its content.
#[component]
fn Section(page: Page, children: Children) -> impl IntoView {
    let i18n = use_i18n();
    let slug = page.path().trim_start_matches('/');
    view! {
        <section class="pack-section" data-testid=format!("pack-{slug}")>
            <h2 class="pack-heading">{move || i18n.t(page.title())}</h2>
            {children()}
        </section>
    }
}

#[component]
fn Pack(filters: Filters, lessons: Lessons) -> impl IntoView {
    let i18n = use_i18n();
    let l = move || i18n.locale();
    let top20 = move || {
        format!("{} {} {}", i18n.t(L::TopShare), l().percent(lessons.top20_revenue_share), i18n.t(L::TopShareEnd))
    };
    let outside = RwSignal::new(Default::default());
    let flows = ask_view(move || FlowsRequest { selection: filters.selection() });
    let migration = ask_view(move || MigrationRequest { selection: filters.selection(), period: filters.period() });
    let profit = ask_view(move || ProfitabilityRequest { selection: filters.selection(), period: filters.period() });
    let no_cell = Memo::new(|_| None);
    view! {
        <Section page=Page::Pyramid>
            <p class="lesson" data-testid="pack-lesson-pyramid">{top20}</p>
            {show(ask_pyramid(filters, outside), draw_pyramid)}
        </Section>
        <Section page=Page::Flows>
            {show(flows, move |all: Vec<Flows>| {
                let chosen = filters.period();
                all.iter().rev().find(|f| chosen.is_none_or(|p| f.period == p)).copied().map(|year| {
                    let table = all.clone();
                    view! {
                        <p class="lesson" data-testid="pack-lesson-flows">{move || flows_lesson(&year, i18n.locale())}</p>
                        <ChartFrame title=Signal::derive(move || format!("{} {}", i18n.t(M::FlowsWaterfall), year.period)) file="pack-flows-waterfall">
                            {move || chart_view(waterfall(&year, i18n))}
                        </ChartFrame>
                        <DataTable table=Signal::derive(move || flows_table(&table, i18n)) file="pack-flows"/>
                    }
                })
            })}
        </Section>
        <Section page=Page::Migration>
            {show(migration, move |m: MigrationSummary| {
                let lesson = m.clone();
                view! {
                <p class="lesson" data-testid="pack-lesson-migration">{move || migration_lesson(&lesson, i18n.locale())}</p>
                <Heatmap migration=m.clone() chosen=no_cell on_pick=|_| {}/>
                <MoveTotalsTable migration=m.clone()/>
                }
            })}
        </Section>
        <Section page=Page::Profitability>
            {show(profit, draw_account)}
        </Section>
        <section class="pack-section" data-testid="pack-scorecard">
            <h2 class="pack-heading">{move || i18n.t(A::ScorecardSection)}</h2>
            <ScorecardRollup selection=Signal::derive(move || filters.selection())/>
        </section>
    }
}

/// "2025: 120 customers lost, 80 new and 30 regained: from 1,500 to 1,490 active customers."
fn flows_lesson(f: &Flows, locale: crate::i18n::Locale) -> String {
    A::FlowsLesson
        .text(locale)
        .replace("{period}", &f.period.to_string())
        .replace("{lost}", &locale.count(f.lost))
        .replace("{new}", &locale.count(f.new))
        .replace("{regained}", &locale.count(f.regained))
        .replace("{start}", &locale.count(f.start))
        .replace("{end}", &locale.count(f.end))
}

/// "Upward: 40 customers, revenue +12,000; downward: 55 customers, revenue −30,000."
fn migration_lesson(m: &MigrationSummary, locale: crate::i18n::Locale) -> String {
    A::MigrationLesson
        .text(locale)
        .replace("{up}", &locale.count(m.upward.customers))
        .replace("{up_change}", &locale.money_whole(m.upward.change()))
        .replace("{down}", &locale.count(m.downward.customers))
        .replace("{down_change}", &locale.money_whole(m.downward.change()))
}

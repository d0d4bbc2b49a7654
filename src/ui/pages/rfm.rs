//! The RFM page: the segment table of the chosen year over a window of years (in the address as
//! `window=1`; absent: the default of two), and the customers of the segment the user picks
//! (`segment=champions`).

use super::Page;
use crate::engine::actions::listed::Listed;
use crate::engine::actions::Origin;
use crate::engine::rfm::{RfmRequest, RfmSettings, RfmView, Segment};
use crate::i18n::{ActionsMsg as A, AnalysisMsg as M};
use crate::ui::components::add_action::{suggestion, AddAction, ListTarget};
use crate::ui::components::answer::{ask_view, segment_name, Answer};
use crate::ui::components::filters::Filters;
use crate::ui::components::page_shell::AnalysisPage;
use crate::ui::components::table::{cut_note, Cell, DataTable, TableData};
use crate::ui::i18n::{use_i18n, I18n};
use leptos::prelude::*;
use leptos_router::hooks::query_signal;

/// A segment's name in the address: its serde name (`champions`, `at_risk`, ...).
fn segment_key(segment: Segment) -> String {
    serde_json::to_string(&segment).unwrap_or_default().trim_matches('"').to_string()
}

fn parse_segment(key: &str) -> Option<Segment> {
    Segment::ALL.into_iter().find(|&s| segment_key(s) == key)
}

#[component]
pub fn RfmPage() -> impl IntoView {
    let filters = Filters::main();
    let (segment, set_segment) = query_signal::<String>("segment");
    let (window, set_window) = query_signal::<usize>("window");
    let i18n = use_i18n();
    let request = move || RfmRequest {
        selection: filters.selection(),
        period: filters.period(),
        settings: window.get().map_or_else(RfmSettings::default, |window_periods| RfmSettings { window_periods }),
        segment: segment.get().as_deref().and_then(parse_segment),
    };
    let answer = ask_view(request);
    let draw = move |rfm: RfmView| {
        let window = match rfm.window.first() {
            Some(first) if *first != rfm.period => format!("{} {first}–{}", i18n.t(M::RfmWindow), rfm.period),
            _ => format!("{} {}", i18n.t(M::RfmWindow), rfm.period),
        };
        let (segments, members) = (rfm.clone(), rfm.clone());
        let (shown, total) = (rfm.customers.items.len(), rfm.customers.total);
        view! {
            <WindowPicker chosen=rfm.window.len() longest=rfm.longest_window on_pick=move |n| set_window.set(Some(n))/>
            <p class="hint" data-testid="rfm-window">{window}</p>
            <SegmentTable rfm=segments on_pick=move |s| set_segment.set(Some(segment_key(s)))/>
            {members.segment.map(|chosen| {
                let target = ListTarget::Listed(Listed::RfmSegment(untrack(request)));
                let suggest = Callback::new(move |n| suggestion(i18n, A::Segment, vec![("segment", i18n.t(segment_name(chosen)).to_string())]).run(n));
                view! {
                <AddAction target origin=Origin::Rfm suggest name="rfm-segment"/>
                <DataTable table=Signal::derive(move || customers_table(&members, i18n)) file="rfm-customers"/>
                {cut_note(shown, total)}
                }
            })}
        }
    };
    // A narrowed window with nothing in it hides the picker with the table: offer the way back.
    let after = move || {
        let narrowed_to_nothing = window.get().is_some() && matches!(answer.get(), Some(Answer::Empty(_)));
        narrowed_to_nothing.then(|| {
            view! {
                <div class="actions">
                    <button type="button" class="button button-secondary" data-testid="rfm-window-reset"
                        on:click=move |_| set_window.set(None)>{move || i18n.t(M::RfmWindowReset)}</button>
                </div>
            }
        })
    };
    view! { <AnalysisPage page=Page::Rfm filters answer draw after/> }
}

/// How many years, ending with the chosen one, the scores look at: 1 up to every year the data
/// has until then.
#[component]
fn WindowPicker(chosen: usize, longest: usize, on_pick: impl Fn(usize) + 'static) -> impl IntoView {
    let i18n = use_i18n();
    view! {
        <div class="filter-bar">
            <label class="field">
                <span>{move || i18n.t(M::RfmWindowYears)}</span>
                <select data-testid="rfm-window-years" on:change=move |ev| {
                    if let Ok(n) = event_target_value(&ev).parse() {
                        on_pick(n);
                    }
                }>
                    {(1..=longest).map(|n| view! { <option value=n.to_string() selected=n == chosen>{n}</option> }).collect_view()}
                </select>
            </label>
        </div>
    }
}

/// The segment table; each segment's name is a button that lists its customers.
#[component]
fn SegmentTable(rfm: RfmView, on_pick: impl Fn(Segment) + Copy + Send + Sync + 'static) -> impl IntoView {
    let i18n = use_i18n();
    let table = move || {
        let l = i18n.locale();
        let mean =
            |v: Option<f64>| v.map_or_else(|| Cell::text(""), |v| Cell::number(l.decimal(v, 1), format!("{v:.2}")));
        TableData {
            caption: format!("{} {}", i18n.t(M::RfmSegments), rfm.period),
            columns: [
                M::Segment,
                M::Customers,
                M::CustomerShare,
                M::Monetary,
                M::RevenueShare,
                M::AverageRecency,
                M::AverageFrequency,
            ]
            .iter()
            .map(|&m| i18n.t(m).to_string())
            .collect(),
            rows: rfm
                .segments
                .iter()
                .map(|s| {
                    let chosen = if rfm.segment == Some(s.segment) { " chosen" } else { "" };
                    vec![
                        Cell::text(i18n.t(segment_name(s.segment))).class(format!("segment{chosen}")),
                        Cell::number(l.count(s.customers), s.customers),
                        Cell::share(l, s.customer_share),
                        Cell::number(l.money(s.monetary), s.monetary),
                        Cell::share(l, s.monetary_share),
                        mean(s.average_recency_days),
                        mean(s.average_frequency),
                    ]
                })
                .collect(),
            footer: None,
        }
    };
    let segments = Segment::ALL;
    view! {
        <DataTable table=Signal::derive(table) file="rfm-segments"/>
        <div class="segment-picker" role="group" aria-label=move || i18n.t(M::ShowCustomers)>
            <span class="hint">{move || i18n.t(M::ShowCustomers)}</span>
            {segments.into_iter().map(|s| view! {
                <button type="button" class="button button-secondary button-small" data-segment=segment_key(s) on:click=move |_| on_pick(s)>
                    {move || i18n.t(segment_name(s))}
                </button>
            }).collect_view()}
        </div>
    }
}

fn customers_table(rfm: &RfmView, i18n: I18n) -> TableData {
    let l = i18n.locale();
    let name = rfm.segment.map(|s| i18n.t(segment_name(s))).unwrap_or_default();
    TableData {
        caption: format!("{} {name} ({})", i18n.t(M::SegmentCustomers), l.count(rfm.customers.total)),
        columns: [M::CustomerName, M::RecencyDays, M::Frequency, M::Monetary, M::Scores]
            .iter()
            .map(|&m| i18n.t(m).to_string())
            .collect(),
        rows: rfm
            .customers
            .items
            .iter()
            .map(|c| {
                vec![
                    Cell::customer(&c.customer),
                    Cell::number(l.integer(i64::from(c.recency_days)), c.recency_days),
                    Cell::number(l.count(c.frequency as usize), c.frequency),
                    Cell::number(l.money(c.monetary), c.monetary),
                    Cell::text(format!("{}-{}-{}", c.r, c.f, c.m)),
                ]
            })
            .collect(),
        footer: None,
    }
}

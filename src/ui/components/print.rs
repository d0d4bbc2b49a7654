//! What a printed page says about itself. The shell wraps the layout (navigation and page) in a
//! one-cell table whose header row is the print header: browsers repeat a table's header group on
//! every printed page, which no other CSS does in Chromium (a `position: fixed` element overlaps
//! the content, and `@page` margin boxes take only literal text and counters). On screen the
//! frame is a plain block and the header is hidden; the page numbers are `@page` counters in
//! `style/print.css`.

use super::answer::{level_name, name_of, no_value_of, Answer};
use super::filters::{provide_dimensions, use_dimensions, Filters};
use crate::engine::date::Day;
use crate::engine::period::{Period, YearStart};
use crate::engine::pyramid::{CutOffs, Level};
use crate::engine::scope::Scope;
use crate::i18n::{AnalysisMsg as M, Msg};
use crate::ui::app::base_path;
use crate::ui::i18n::{use_i18n, I18n};
use crate::ui::pages::Page;
use crate::ui::workspace::use_workspace;
use leptos::prelude::*;
use leptos_router::hooks::use_location;

/// The layout (`children`) inside the frame whose header repeats on every printed page.
#[component]
pub fn PrintFrame(children: Children) -> impl IntoView {
    provide_dimensions();
    view! {
        <table class="print-frame" role="presentation">
            <thead class="print-only"><tr><td><PrintHeader/></td></tr></thead>
            <tbody><tr><td>{children()}</td></tr></tbody>
        </table>
    }
}

#[component]
fn PrintHeader() -> impl IntoView {
    let i18n = use_i18n();
    let workspace = use_workspace();
    let filters = Filters::main();
    let printed = printed_today();
    view! {
        <div class="print-header" data-testid="print-header">
            <p class="print-title">
                <strong>{move || format!("Clientele · {}", page_title(i18n))}</strong>
                <span>{move || format!("{}: {}", i18n.t(Msg::PrintPrinted), i18n.locale().date(printed.get()))}</span>
            </p>
            {move || workspace.loaded().map(|loaded| view! {
                <p>{format!("{}: {}", i18n.t(Msg::PrintLedger), loaded.title(i18n))}</p>
                <FiltersInWords filters/>
            })}
            <p>{move || i18n.t(Msg::PrintPrivacy)}</p>
        </div>
    }
}

/// The filters in the address, as the analysis pages read them, in words. The latest period is
/// named by its year, which only the ledger knows.
#[component]
fn FiltersInWords(filters: Filters) -> impl IntoView {
    let i18n = use_i18n();
    let dimensions = use_dimensions();
    let latest = move || dimensions.get().and_then(Answer::ready).and_then(|d| d.periods.last().copied());
    let period = move || {
        let year_start = filters.year_start();
        match filters.period() {
            Some(period) => period_words(i18n, year_start, period),
            None => latest().map_or_else(
                || i18n.t(M::LatestPeriod).to_string(),
                |period| format!("{}: {}", i18n.t(M::LatestPeriod), period_words(i18n, year_start, period)),
            ),
        }
    };
    view! {
        <p>
            {move || format!("{}: {}", i18n.t(M::Period), period())}
            " · "
            {move || format!("{}: {}", i18n.t(M::YearStarts), year_start_words(i18n, filters.year_start()))}
            " · "
            {move || format!("{}: {}", i18n.t(M::Scope), scope_words(i18n, &filters.scope()))}
        </p>
        <p>{move || format!("{}: {}", i18n.t(Msg::PrintCutOffs), cut_off_words(i18n, filters.cut_offs()))}</p>
    }
}

/// `2024 (2024-04-01 – 2025-03-31)`: the label and the first and last day it covers.
fn period_words(i18n: I18n, year_start: YearStart, period: Period) -> String {
    let locale = i18n.locale();
    let last = year_start.end_day(period).add_days(-1);
    format!("{period} ({} – {})", locale.date(year_start.first_day(period)), locale.date(last))
}

fn year_start_words(i18n: I18n, year_start: YearStart) -> String {
    if year_start == YearStart::default() {
        format!("{year_start} ({})", i18n.t(M::CalendarYear))
    } else {
        year_start.to_string()
    }
}

fn scope_words(i18n: I18n, scope: &Scope) -> String {
    match scope {
        Scope::Only { attribute, value } if value.is_empty() => i18n.t(no_value_of(*attribute)).to_string(),
        Scope::Only { attribute, value } => format!("{} {value}", i18n.t(name_of(*attribute))),
        Scope::Company => i18n.t(M::WholeCompany).to_string(),
    }
}

/// `Top 1.0 % · Big 5.0 % · Medium 20.0 %`
fn cut_off_words(i18n: I18n, cut_offs: CutOffs) -> String {
    let locale = i18n.locale();
    [(Level::Top, cut_offs.top), (Level::Big, cut_offs.big), (Level::Medium, cut_offs.medium)]
        .map(|(level, share)| {
            format!("{} {}", i18n.t(level_name(level)), locale.percent(f64::from(share.0) / 10_000.0))
        })
        .join(" · ")
}

/// The title of the page in the address (reactive); a customer's page names the customer.
fn page_title(i18n: I18n) -> String {
    let path = use_location().pathname.get();
    let base = base_path();
    let path = path.strip_prefix(base.as_str()).unwrap_or(&path);
    if let Some(key) = path.strip_prefix("/customers/") {
        let key = js_sys::decode_uri_component(key).map_or_else(|_| key.to_string(), String::from);
        return format!("{} {key}", i18n.t(M::CustomerTitle));
    }
    let path = if path.is_empty() { "/" } else { path };
    let page = Page::ALL.into_iter().find(|page| page.path() == path);
    page.map_or(i18n.t(Msg::NotFoundTitle), |page| i18n.t(page.title())).to_string()
}

/// Today, set again just before the browser prints (a tab may stay open for days).
fn printed_today() -> RwSignal<Day> {
    let today = RwSignal::new(today());
    let handle = window_event_listener_untyped("beforeprint", move |_| today.set(self::today()));
    on_cleanup(move || handle.remove());
    today
}

/// Today in the browser's time zone.
pub fn today() -> Day {
    let now = js_sys::Date::new_0();
    Day::from_ymd(now.get_full_year() as i32, now.get_month() + 1, now.get_date()).unwrap_or(Day::from_number(0))
}

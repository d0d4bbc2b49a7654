//! The filter bar every analysis page shares. Its state lives in the address (`?period=2024&
//! scope=department:North&top=1`), so a filtered page can be bookmarked, shared and reloaded.

use super::answer::{ask_view, name_of, no_value_of, Answer};
use crate::engine::ledger::{Attribute, Field};
use crate::engine::period::{Period, YearStart};
use crate::engine::pyramid::CutOffs;
use crate::engine::scope::Scope;
use crate::engine::session::analysis::{Dimensions, DimensionsRequest, Selection};
use crate::engine::stats::BasisPoints;
use crate::i18n::AnalysisMsg as M;
use crate::ui::i18n::use_i18n;
use leptos::prelude::*;
use leptos_router::hooks::query_signal;

/// One query parameter as a reactive value and its setter (`None` removes it).
type Param<T> = (Memo<Option<T>>, SignalSetter<Option<T>>);

/// The period and scope of a page, read from and written to the address.
#[derive(Copy, Clone)]
pub struct Filters {
    /// `MM-DD` of a fiscal year's first day; absent for calendar years.
    year_start: Param<String>,
    period: Param<i32>,
    scope: Param<String>,
    cut_offs: [Param<f64>; 3],
}

impl Filters {
    /// The page's main filters.
    pub fn main() -> Filters {
        Filters::with_keys("period", "scope")
    }

    /// A second period and scope (the pyramid's comparison), sharing the cut-offs.
    pub fn with_keys(period: &'static str, scope: &'static str) -> Filters {
        Filters {
            year_start: query_signal("year-start"),
            period: query_signal(period),
            scope: query_signal(scope),
            cut_offs: [query_signal("top"), query_signal("big"), query_signal("medium")],
        }
    }

    /// The first day of every period: calendar years unless the address names another (reactive).
    pub fn year_start(self) -> YearStart {
        self.year_start.0.get().and_then(|text| YearStart::parse(&text)).unwrap_or_default()
    }

    /// The chosen period; `None` for the latest (reactive).
    pub fn period(self) -> Option<Period> {
        self.period.0.get().map(Period::starting_in)
    }

    pub fn set_period(self, period: Option<Period>) {
        self.period.1.set(period.map(Period::label_year));
    }

    /// Whether the address names a period or a scope (reactive).
    pub fn is_set(self) -> bool {
        self.period.0.get().is_some() || self.scope.0.get().is_some()
    }

    /// The chosen scope; an unreadable one counts as the whole company (reactive).
    pub fn scope(self) -> Scope {
        self.scope.0.get().and_then(|text| scope_from(&text)).unwrap_or_default()
    }

    fn scope_text(self) -> String {
        self.scope.0.get().unwrap_or_default()
    }

    pub fn cut_offs(self) -> CutOffs {
        let defaults = CutOffs::default();
        let [top, big, medium] = self.cut_offs.map(|(get, _)| get.get().and_then(basis_points));
        CutOffs {
            top: top.unwrap_or(defaults.top),
            big: big.unwrap_or(defaults.big),
            medium: medium.unwrap_or(defaults.medium),
        }
    }

    /// What the engine needs to know (reactive).
    pub fn selection(self) -> Selection {
        Selection { year_start: self.year_start(), scope: self.scope(), cut_offs: self.cut_offs() }
    }
}

/// `department:North` → the lines of department North; `department:` → the lines without one.
fn scope_from(text: &str) -> Option<Scope> {
    let (field, value) = text.split_once(':')?;
    let attribute = Field::from_name(field)?.attribute()?;
    Some(Scope::Only { attribute, value: value.to_string() })
}

fn scope_text(attribute: Attribute, value: &str) -> String {
    format!("{}:{value}", attribute.field().name())
}

/// A percentage from the address as basis points, if it is one.
fn basis_points(percent: f64) -> Option<BasisPoints> {
    (0.0..=100.0).contains(&percent).then(|| BasisPoints((percent * 100.0).round() as u32))
}

/// The ledger's periods and attribute values for the page's year start (reactive), shared by
/// every filter bar and the print header: the shell provides one, so the worker is asked once
/// per change of year start or ledger, not once per bar.
#[derive(Clone, Copy)]
struct SharedDimensions(LocalResource<Answer<Dimensions>>);

fn ask_dimensions() -> LocalResource<Answer<Dimensions>> {
    // Every bar of a page shares the page's year start (the comparison bar has no picker of its own).
    let filters = Filters::main();
    ask_view(move || DimensionsRequest { year_start: filters.year_start() })
}

/// Called once by the shell, above every page.
pub fn provide_dimensions() {
    provide_context(SharedDimensions(ask_dimensions()));
}

/// The shared dimensions; a component outside the shell asks for its own.
pub fn use_dimensions() -> LocalResource<Answer<Dimensions>> {
    use_context::<SharedDimensions>().map_or_else(ask_dimensions, |shared| shared.0)
}

/// The organisation first (the method's scopes), then what was sold.
const SCOPE_ORDER: [Attribute; 8] = [
    Attribute::Department,
    Attribute::Team,
    Attribute::SalesRep,
    Attribute::Region,
    Attribute::Segment,
    Attribute::ProductGroup,
    Attribute::Product,
    Attribute::Invoice,
];

/// Period and scope pickers; `cut_offs` adds the pyramid settings; `every_period` leaves the
/// period out, for a page that shows all periods at once (a picker there would change nothing).
#[component]
pub fn FilterBar(
    filters: Filters,
    #[prop(optional)] cut_offs: bool,
    #[prop(optional)] every_period: bool,
    #[prop(optional)] label: Option<M>,
) -> impl IntoView {
    let i18n = use_i18n();
    let dimensions = use_dimensions();
    let periods = move || dimensions.get().and_then(Answer::ready).map(|d| d.periods).unwrap_or_default();
    let attributes = move || {
        let mut attributes = dimensions.get().and_then(Answer::ready).map(|d| d.attributes).unwrap_or_default();
        attributes.sort_by_key(|(a, _)| SCOPE_ORDER.iter().position(|o| o == a));
        attributes
    };
    view! {
        <form class="filter-bar" role="search" aria-label=move || i18n.t(label.unwrap_or(M::Filters)) on:submit=|ev| ev.prevent_default()>
            {label.map(|l| view! { <span class="filter-title">{move || i18n.t(l)}</span> })}
            // One year start for the page: the comparison bar (a labelled one) shares it.
            {label.is_none().then(|| view! { <YearStartPicker filters/> })}
            {(!every_period).then(|| view! {
                <label class="field">
                    <span>{move || i18n.t(M::Period)}</span>
                    <select data-testid="filter-period" on:change=move |ev| filters.set_period(event_target_value(&ev).parse().ok().map(Period::starting_in))>
                        <option value="" selected=move || filters.period.0.get().is_none()>{move || i18n.t(M::LatestPeriod)}</option>
                        {move || periods().into_iter().rev().map(|p| {
                            let year = p.label_year();
                            view! { <option value=year.to_string() selected=move || filters.period.0.get() == Some(year)>{year}</option> }
                        }).collect_view()}
                    </select>
                </label>
            })}
            <label class="field">
                <span>{move || i18n.t(M::Scope)}</span>
                <select data-testid="filter-scope" on:change=move |ev| {
                    let value = event_target_value(&ev);
                    filters.scope.1.set((!value.is_empty()).then_some(value));
                }>
                    <option value="" selected=move || filters.scope_text().is_empty()>{move || i18n.t(M::WholeCompany)}</option>
                    {move || attributes().into_iter().map(|(attribute, values)| view! {
                        <optgroup label=move || i18n.t(name_of(attribute))>
                            {values.into_iter().map(|value| {
                                let key = scope_text(attribute, value.as_deref().unwrap_or_default());
                                let selected = key.clone();
                                let label = move || value.clone().unwrap_or_else(|| i18n.t(no_value_of(attribute)).to_string());
                                view! { <option value=key selected=move || filters.scope_text() == selected>{label}</option> }
                            }).collect_view()}
                        </optgroup>
                    }).collect_view()}
                </select>
            </label>
            {cut_offs.then(|| view! { <CutOffSettings filters/> })}
        </form>
    }
}

/// The month fiscal years start in (on its first day); a year is labelled by the year it starts in.
#[component]
fn YearStartPicker(filters: Filters) -> impl IntoView {
    let i18n = use_i18n();
    let choose = move |ys: YearStart| filters.year_start.1.set((ys != YearStart::default()).then(|| ys.to_string()));
    view! {
        <YearStartSelect label=Signal::derive(move || i18n.t(M::YearStarts).to_string()) test_id="filter-year-start"
            current=Signal::derive(move || filters.year_start()) on_choose=Callback::new(choose)/>
    }
}

/// A year start as the first of a month (01-01, the calendar year, first): the filters' choice, and
/// the import's for totals per period made with another year start.
#[component]
pub fn YearStartSelect(
    label: Signal<String>,
    test_id: &'static str,
    current: Signal<YearStart>,
    on_choose: Callback<YearStart>,
) -> impl IntoView {
    let i18n = use_i18n();
    let month = move || current.get().month();
    view! {
        <label class="field">
            <span>{move || label.get()}</span>
            <select data-testid=test_id on:change=move |ev| {
                let month = event_target_value(&ev).parse::<u32>().ok();
                on_choose.run(month.and_then(|m| YearStart::new(m, 1)).unwrap_or_default());
            }>
                <option value="1" selected=move || month() == 1>{move || format!("01-01 ({})", i18n.t(M::CalendarYear))}</option>
                {(2..=12u32).map(|m| view! { <option value=m.to_string() selected=move || month() == m>{format!("{m:02}-01")}</option> }).collect_view()}
            </select>
        </label>
    }
}

/// The three cumulative cut-offs in percent; empty means the default.
#[component]
fn CutOffSettings(filters: Filters) -> impl IntoView {
    let i18n = use_i18n();
    let inputs = [(M::CutTop, 0usize), (M::CutBig, 1), (M::CutMedium, 2)];
    let current = move |i: usize| {
        let c = filters.cut_offs();
        [c.top, c.big, c.medium][i].0 as f64 / 100.0
    };
    view! {
        <details class="cut-offs">
            <summary>{move || i18n.t(M::CutOffs)}</summary>
            <div class="cut-off-inputs">
                {inputs.into_iter().map(|(label, i)| view! {
                    <label class="field field-small">
                        <span>{move || i18n.t(label)}</span>
                        <input type="number" min="0" max="100" step="0.1" inputmode="decimal"
                            prop:value=move || current(i).to_string()
                            on:change=move |ev| filters.cut_offs[i].1.set(event_target_value(&ev).parse().ok().filter(|p| basis_points(*p).is_some()))/>
                        <span aria-hidden="true">"%"</span>
                    </label>
                }).collect_view()}
                <button type="button" class="button button-secondary button-small" on:click=move |_| filters.cut_offs.iter().for_each(|(_, set)| set.set(None))>
                    {move || i18n.t(M::ResetCutOffs)}
                </button>
            </div>
        </details>
    }
}

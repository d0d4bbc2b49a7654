//! Analysis requests of the app's pages, answered from the workspace's ledger.
//!
//! Each analysis is a request type beside its engine module (`pyramid::PyramidRequest`, ...),
//! paired with its view by `impl Analysis`; the list in `analyses!` below makes the wire enums,
//! the dispatch and the pairing from one line per analysis. What they share lives here: the
//! selection, the prepared tables, the customer lists and the reasons for an empty answer.
//!
//! The revenue table of a (year start, scope) and its pyramid levels per period are built once
//! and kept for the next request (performance.md: no work repeated across analyses), so a page
//! that changes its period or a second page on the same scope costs no pass over the ledger.

use super::tables::SideTables;
use crate::engine::actions::listed::{ListedCustomers, ListedRequest};
use crate::engine::actions::{ActionsRequest, ActionsView};
use crate::engine::breakeven::{BreakevenRequest, BreakevenView};
use crate::engine::clv::request::{FitKey, Fits, LifetimeValueRequest, LifetimeValueView};
use crate::engine::cohorts::{Cohort, CohortsRequest};
use crate::engine::concentration::{Concentration, ConcentrationRequest};
use crate::engine::contact_plan::{ContactPlanRequest, ContactPlanView};
use crate::engine::customer::{CustomerDetail, CustomerRequest};
use crate::engine::customer_focus::code::CodeError;
use crate::engine::customer_focus::request::{AnswerCodeRequest, FocusRequest, FocusView, SurveyLinkRequest};
use crate::engine::customer_focus::survey::Survey;
use crate::engine::flows::{Flows, FlowsRequest};
use crate::engine::goals::{GoalsRequest, GoalsView};
use crate::engine::interviews::{InterviewsRequest, InterviewsView};
use crate::engine::kpi_cascade::{KpiRequest, KpiView};
use crate::engine::ledger::{named, Attribute, CustomerId, Ledger};
use crate::engine::lessons::{Lessons, LessonsRequest};
use crate::engine::migration::{Migration, MigrationCellRequest, MigrationRequest, MigrationSummary, MovedCustomer};
use crate::engine::period::{Period, YearStart};
use crate::engine::profitability::{Profitability, ProfitabilityRequest};
use crate::engine::pyramid::{CutOffs, Levels, PyramidRequest, PyramidView};
use crate::engine::revenue::{Breakdown, RevenueTable};
use crate::engine::rfm::{RfmRequest, RfmView};
use crate::engine::scope::{LineFilter, Scope};
use crate::engine::scorecard::{ScorecardRequest, ScorecardView};
use crate::engine::views::{CustomerViews, CustomerViewsRequest, RepView};
use serde::{Deserialize, Serialize};
use std::sync::{Arc, OnceLock};

/// One analysis: the request a page sends (`Self`) and the view it gets back.
pub trait Analysis: Into<AnalysisRequest> {
    type View: InResponse;

    /// Whether the answer reads the workspace's ledger. An analysis of the user's own figures
    /// alone (breakeven) says `false`, and the session answers it with no ledger loaded.
    const NEEDS_LEDGER: bool = true;

    /// Whether the answer needs the ledger's single lines (purchase days, invoices, lines per
    /// customer): a workspace of totals per period (`Source::PeriodTotals`) answers
    /// `EmptyReason::NeedsSingleLines` instead of figures the totals cannot give.
    const NEEDS_LINES: bool = false;

    /// The view, or why there is nothing to show.
    fn answer(self, context: &mut Context) -> Result<Self::View, EmptyReason>;
}

/// A view as carried by `AnalysisResponse` (implemented for each view by `analyses!`).
pub trait InResponse: Sized {
    /// The view, if the response is this view.
    fn from_response(response: AnalysisResponse) -> Option<Self>;
}

/// The wire enums, their conversions and the dispatch, from one line per analysis:
/// `Variant(Request) -> View;`.
macro_rules! analyses {
    ($($(#[$doc:meta])* $name:ident($request:ty) -> $view:ty;)*) => {
        /// What a page asks the worker (serde: the worker protocol's envelope carries it).
        #[derive(Clone, Debug, Serialize, Deserialize)]
        pub enum AnalysisRequest {
            $($(#[$doc])* $name($request),)*
        }

        #[derive(Clone, Debug, Serialize, Deserialize)]
        pub enum AnalysisResponse {
            $($name($view),)*
            /// There is nothing to show, and this is why (the page says it in the user's language).
            Empty(EmptyReason),
        }

        $(
            impl From<$request> for AnalysisRequest {
                fn from(request: $request) -> AnalysisRequest {
                    AnalysisRequest::$name(request)
                }
            }

            impl InResponse for $view {
                fn from_response(response: AnalysisResponse) -> Option<$view> {
                    match response {
                        AnalysisResponse::$name(view) => Some(view),
                        _ => None,
                    }
                }
            }
        )*

        impl AnalysisRequest {
            /// `Analysis::NEEDS_LEDGER` of the request's analysis.
            pub fn needs_ledger(&self) -> bool {
                match self {
                    $(AnalysisRequest::$name(_) => <$request as Analysis>::NEEDS_LEDGER,)*
                }
            }

            /// `Analysis::NEEDS_LINES` of the request's analysis.
            pub fn needs_lines(&self) -> bool {
                match self {
                    $(AnalysisRequest::$name(_) => <$request as Analysis>::NEEDS_LINES,)*
                }
            }

            fn answer(self, context: &mut Context) -> Result<AnalysisResponse, EmptyReason> {
                match self {
                    $(AnalysisRequest::$name(request) => Analysis::answer(request, context).map(AnalysisResponse::$name),)*
                }
            }
        }
    };
}

analyses! {
    /// What can be chosen: periods, and the values of each attribute (for scope pickers).
    Dimensions(DimensionsRequest) -> Dimensions;
    Pyramid(PyramidRequest) -> PyramidView;
    Flows(FlowsRequest) -> Vec<Flows>;
    Migration(MigrationRequest) -> MigrationSummary;
    MigrationCell(MigrationCellRequest) -> CustomerList<MovedCustomer>;
    Concentration(ConcentrationRequest) -> Concentration;
    CustomerViews(CustomerViewsRequest) -> RepView;
    Rfm(RfmRequest) -> RfmView;
    Cohorts(CohortsRequest) -> Vec<Cohort>;
    Customer(CustomerRequest) -> CustomerDetail;
    Profitability(ProfitabilityRequest) -> Profitability;
    Breakeven(BreakevenRequest) -> BreakevenView;
    Lessons(LessonsRequest) -> Lessons;
    LifetimeValue(LifetimeValueRequest) -> LifetimeValueView;
    CustomerFocus(FocusRequest) -> FocusView;
    /// The respondent's page: the survey in the link's fragment.
    SurveyLink(SurveyLinkRequest) -> Result<Survey, CodeError>;
    /// The respondent's answer as a code.
    AnswerCode(AnswerCodeRequest) -> Result<String, CodeError>;
    ContactPlan(ContactPlanRequest) -> ContactPlanView;
    /// The planning forms' customer picker.
    CustomerSearch(CustomerSearchRequest) -> Vec<CustomerRef>;
    Interviews(InterviewsRequest) -> InterviewsView;
    Goals(GoalsRequest) -> GoalsView;
    Scorecard(ScorecardRequest) -> ScorecardView;
    KpiCascade(KpiRequest) -> KpiView;
    Actions(ActionsRequest) -> ActionsView;
    /// The whole of a list a page shows, as keys (the "add to actions" control).
    Listed(ListedRequest) -> ListedCustomers;
}

/// What every analysis page chooses: the year's first day and the lines in scope.
#[derive(Clone, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct Selection {
    pub year_start: YearStart,
    pub scope: Scope,
    pub cut_offs: CutOffs,
}

/// Lists of customers in a response are cut here: a page shows the first ones and says how many
/// there are (a million-line ledger can put tens of thousands in one migration cell, and every
/// response is copied between the worker and the page).
pub const LIST_LIMIT: usize = 500;

/// Why an analysis has nothing to show. Each reason asks the user for something different, so
/// the page names the real one instead of a generic "no customers".
#[derive(Copy, Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum EmptyReason {
    /// The scope keeps no line of the ledger (a value or an attribute it does not have).
    NoLinesInScope,
    /// The chosen period lies outside the ledger's dates.
    PeriodNotInData,
    /// The scope has lines, but no customer's revenue in the period is above zero.
    NoActiveCustomers,
    /// Flows and migration compare with the period before, and it is not in the data.
    NoPreviousPeriod,
    /// Customer views split revenue by product group; the ledger has no such column.
    NoProductGroupColumn,
    /// No customer has this id.
    UnknownCustomer,
    /// Gross margins need the lines' costs; the ledger has no cost column.
    NoCostColumn,
    /// Customer-based accounting needs cost pools, and none are entered yet.
    NoCostPools,
    /// Gross margins need a cost column or margins per product group, and there are neither.
    NoGrossMargin,
    /// Lines of the period are in a product group the margins do not list.
    MarginMissing,
    /// A time pool's minutes are so far over its capacity that the costs are beyond the limit.
    CostsTooLarge,
    /// The workspace holds totals per customer and period (`clientele_customer_period`), and the
    /// analysis needs single lines (days of purchase, invoices).
    NeedsSingleLines,
    /// The workspace's totals per period were made with another year start than the chosen one:
    /// their periods cannot be cut into other years.
    PeriodTotalsYearStart(YearStart),
    /// Customer Focus has no survey yet.
    NoSurvey,
    /// No customer interview is entered or imported yet.
    NoInterviews,
}

/// What the filter bars ask: the choices the ledger offers for a year start.
#[derive(Clone, Debug, Serialize, Deserialize)]
pub struct DimensionsRequest {
    pub year_start: YearStart,
}

/// The choices a ledger offers.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Dimensions {
    pub periods: Vec<Period>,
    /// Each attribute the ledger has, with its distinct values sorted by their bytes, then `None`
    /// when some lines have no value (a blank cell). As a scope, `None` is the value "".
    pub attributes: Vec<(Attribute, Vec<Option<String>>)>,
}

impl Analysis for DimensionsRequest {
    type View = Dimensions;

    fn answer(self, context: &mut Context) -> Result<Dimensions, EmptyReason> {
        Ok(dimensions(context.ledger, self.year_start))
    }
}

/// A customer as the page shows and links it (the page cannot resolve a `CustomerId`).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct CustomerRef {
    pub key: String,
    pub name: Option<String>,
}

impl CustomerRef {
    pub fn of(ledger: &Ledger, customer: CustomerId) -> CustomerRef {
        CustomerRef {
            key: ledger.customer_key(customer).to_string(),
            name: ledger.customer_name(customer).map(String::from),
        }
    }
}

/// What a form's customer picker asks: the customers whose key or name contains `text`.
#[derive(Clone, Debug, Serialize, Deserialize)]
pub struct CustomerSearchRequest {
    pub text: String,
}

/// A picker offers this many customers at most (the user types more to narrow them).
pub const SEARCH_LIMIT: usize = 20;

impl Analysis for CustomerSearchRequest {
    type View = Vec<CustomerRef>;

    /// Case-insensitive; keys that start with the text first, then the others, each in key order.
    fn answer(self, context: &mut Context) -> Result<Vec<CustomerRef>, EmptyReason> {
        let ledger = context.ledger;
        let text = self.text.trim().to_lowercase();
        let holds = |c: &CustomerRef| {
            c.key.to_lowercase().contains(&text) || c.name.as_ref().is_some_and(|n| n.to_lowercase().contains(&text))
        };
        let mut found: Vec<CustomerRef> =
            ledger.all_customers().map(|c| CustomerRef::of(ledger, c)).filter(holds).collect();
        found.sort_by(|a, b| {
            let starts = |c: &CustomerRef| !c.key.to_lowercase().starts_with(&text);
            starts(a).cmp(&starts(b)).then_with(|| a.key.as_bytes().cmp(b.key.as_bytes()))
        });
        found.truncate(SEARCH_LIMIT);
        Ok(found)
    }
}

/// The first `LIST_LIMIT` items of a list and its full length.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct CustomerList<T> {
    pub total: usize,
    pub items: Vec<T>,
}

impl<T> CustomerList<T> {
    pub fn of(items: impl ExactSizeIterator<Item = T>) -> CustomerList<T> {
        CustomerList { total: items.len(), items: items.take(LIST_LIMIT).collect() }
    }

    pub fn empty() -> CustomerList<T> {
        CustomerList { total: 0, items: Vec::new() }
    }
}

/// A revenue table and every period's levels for one selection, with the breakdowns and
/// migrations some pages need built on their first request.
pub struct Prepared {
    pub table: RevenueTable,
    pub levels: Vec<Levels>,
    /// The scope keeps no line of the ledger.
    no_lines: bool,
    /// The workspace's totals per period start on this other day than the selection's year start.
    other_year_start: Option<YearStart>,
    groups: OnceLock<Option<Breakdown>>,
    reps: OnceLock<Option<Breakdown>>,
    /// Indexed like `levels`: the migration into that period, kept for the matrix and each cell
    /// the user then opens (a cell's customers come from the same matrix).
    migrations: Vec<OnceLock<Option<Migration>>>,
    /// Indexed like `levels`: Customer Views of that period, every rep's, kept for the rep the
    /// user picks next and for the lists of its actions.
    views: Vec<OnceLock<CustomerViews>>,
    /// How many migrations were built: the tests check that a cell reuses its matrix.
    #[cfg(test)]
    migrations_built: std::sync::atomic::AtomicUsize,
}

impl Prepared {
    /// The levels of `period` (the latest when `None`), or why there are none.
    pub fn levels_of(&self, period: Option<Period>) -> Result<&Levels, EmptyReason> {
        self.index_of(period).map(|i| &self.levels[i])
    }

    /// The position in `levels` of `period` (the latest when `None`).
    fn index_of(&self, period: Option<Period>) -> Result<usize, EmptyReason> {
        if let Some(year_start) = self.other_year_start {
            return Err(EmptyReason::PeriodTotalsYearStart(year_start));
        }
        if self.no_lines {
            return Err(EmptyReason::NoLinesInScope);
        }
        let index = match period {
            Some(p) => self.levels.iter().position(|l| l.period() == p),
            None => self.levels.len().checked_sub(1),
        };
        index.ok_or(EmptyReason::PeriodNotInData)
    }

    /// Like `levels_of`, for analyses of the active customers only.
    pub fn active_levels_of(&self, period: Option<Period>) -> Result<&Levels, EmptyReason> {
        let levels = self.levels_of(period)?;
        if levels.ranked().is_empty() {
            return Err(EmptyReason::NoActiveCustomers);
        }
        Ok(levels)
    }

    /// The levels of `period` (latest when `None`) and of the period before it.
    pub fn pair_of(&self, period: Option<Period>) -> Result<(&Levels, &Levels), EmptyReason> {
        let later = self.levels_of(period)?;
        let earlier = self
            .levels
            .iter()
            .find(|l| l.period() == later.period().previous())
            .ok_or(EmptyReason::NoPreviousPeriod)?;
        Ok((earlier, later))
    }

    /// The migration into `period` (latest when `None`) from the period before, built once.
    pub fn migration(&self, period: Option<Period>) -> Result<&Migration, EmptyReason> {
        let (earlier, later) = self.pair_of(period)?;
        let slot = self.index_of(period).map(|i| &self.migrations[i])?;
        let built = slot.get_or_init(|| {
            #[cfg(test)]
            self.migrations_built.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
            Migration::between(&self.table, earlier, later)
        });
        built.as_ref().ok_or(EmptyReason::NoPreviousPeriod)
    }

    /// Customer Views of `period` (latest when `None`), built once; why there are none when the
    /// ledger has no product group column or the period no active customer.
    pub fn views(&self, ledger: &Ledger, period: Option<Period>) -> Result<&CustomerViews, EmptyReason> {
        // The missing column first: whatever year or scope is chosen, views need it.
        let groups = self.groups(ledger).ok_or(EmptyReason::NoProductGroupColumn)?;
        let levels = self.active_levels_of(period)?;
        let slot = self.index_of(period).map(|i| &self.views[i])?;
        Ok(slot.get_or_init(|| CustomerViews::of(&self.table, levels, groups, self.reps(ledger))))
    }

    pub fn groups(&self, ledger: &Ledger) -> Option<&Breakdown> {
        self.groups.get_or_init(|| Breakdown::build(ledger, &self.table, Attribute::ProductGroup)).as_ref()
    }

    pub fn reps(&self, ledger: &Ledger) -> Option<&Breakdown> {
        self.reps.get_or_init(|| Breakdown::build(ledger, &self.table, Attribute::SalesRep)).as_ref()
    }
}

/// What an analysis answers from: the ledger, the workspace's side tables (cost pools, margins)
/// and the cache of prepared selections.
pub struct Context<'a> {
    pub ledger: &'a Ledger,
    pub tables: &'a SideTables,
    cache: &'a mut AnalysisCache,
}

impl Context<'_> {
    /// Whether the workspace holds single lines (not totals per period, which fits cannot use).
    pub fn single_lines(&self) -> bool {
        self.cache.period_totals.is_none()
    }

    /// The prepared table for a selection, built on first use.
    pub fn prepare(&mut self, selection: &Selection) -> Arc<Prepared> {
        self.cache.prepare(self.ledger, selection)
    }

    /// The lifetime-value fits for `key`, built by `fit` unless the last request had the same key.
    pub fn lifetime_value(&mut self, key: FitKey, fit: impl FnOnce(&Ledger, &FitKey) -> Fits) -> Arc<Fits> {
        match &self.cache.lifetime_value {
            Some((kept, fits)) if *kept == key => Arc::clone(fits),
            _ => {
                #[cfg(test)]
                {
                    self.cache.fits_built += 1;
                }
                let fits = Arc::new(fit(self.ledger, &key));
                self.cache.lifetime_value = Some((key, Arc::clone(&fits)));
                fits
            }
        }
    }
}

/// What `AnalysisCache::prepare_ahead` prepares, in the order pages need it: one step at a
/// time, so that a request that comes in between is answered first.
#[derive(Copy, Clone, Debug, PartialEq, Eq)]
pub enum Ahead {
    /// The revenue table and levels, which every Customer Performance page reads.
    Table,
    /// Customer Views of the latest period (with the product-group and sales-rep breakdowns
    /// they are made of).
    Views,
}

/// The last few prepared selections, most recent last.
#[derive(Default)]
pub struct AnalysisCache {
    /// The year start of the workspace's totals per period, when it holds them instead of lines.
    period_totals: Option<YearStart>,
    prepared: Vec<(Selection, Arc<Prepared>)>,
    /// The last lifetime-value fit (the slowest answer), for its inputs.
    lifetime_value: Option<(FitKey, Arc<Fits>)>,
    /// How many lifetime-value fits were built: the tests check that a request reuses the last.
    #[cfg(test)]
    pub(crate) fits_built: usize,
}

/// Enough for flipping between a handful of scopes without holding every table ever built.
const KEEP: usize = 6;

impl AnalysisCache {
    /// The cache of a workspace of totals per period starting on `year_start` (`None`: of lines).
    pub fn of_period_totals(year_start: Option<YearStart>) -> AnalysisCache {
        AnalysisCache { period_totals: year_start, ..AnalysisCache::default() }
    }

    /// The answer from a ledger alone (no side tables entered).
    pub fn answer(&mut self, ledger: &Ledger, request: AnalysisRequest) -> AnalysisResponse {
        self.answer_with(ledger, &SideTables::NONE, request)
    }

    /// The answer from a workspace's ledger and side tables.
    pub fn answer_with(&mut self, ledger: &Ledger, tables: &SideTables, request: AnalysisRequest) -> AnalysisResponse {
        if self.period_totals.is_some() && request.needs_lines() {
            return AnalysisResponse::Empty(EmptyReason::NeedsSingleLines);
        }
        let mut context = Context { ledger, tables, cache: self };
        request.answer(&mut context).unwrap_or_else(AnalysisResponse::Empty)
    }

    /// A context over this cache, for tests of what analyses share (`goals::customer_targets`).
    #[cfg(test)]
    pub(crate) fn context<'a>(&'a mut self, ledger: &'a Ledger, tables: &'a SideTables) -> Context<'a> {
        Context { ledger, tables, cache: self }
    }

    /// Prepares what the first visit to a page asks for before it is asked, while the user
    /// looks at what was loaded, for the selection of an address without filters (the whole
    /// company, calendar years, the usual cut-offs): the work the first page would do anyway.
    pub fn prepare_ahead(&mut self, ledger: &Ledger, ahead: Ahead) {
        let prepared = self.prepare(ledger, &Selection::default());
        if ahead == Ahead::Views {
            // Nothing to prepare when there are no views: the page says why when it asks.
            let _ = prepared.views(ledger, None);
        }
    }

    /// The prepared table for a selection, built on first use.
    pub fn prepare(&mut self, ledger: &Ledger, selection: &Selection) -> Arc<Prepared> {
        if let Some(index) = self.prepared.iter().position(|(s, _)| s == selection) {
            let entry = self.prepared.remove(index);
            let prepared = Arc::clone(&entry.1);
            self.prepared.push(entry);
            return prepared;
        }
        let table = RevenueTable::build(ledger, selection.year_start, &selection.scope);
        let levels = Levels::every_period(&table, selection.cut_offs);
        // Interned values come from lines, so a scope that resolves to a value keeps some line.
        let no_lines = ledger.is_empty() || matches!(selection.scope.lines(ledger), LineFilter::Nothing);
        let prepared = Arc::new(Prepared {
            migrations: levels.iter().map(|_| OnceLock::new()).collect(),
            views: levels.iter().map(|_| OnceLock::new()).collect(),
            table,
            levels,
            no_lines,
            other_year_start: self.period_totals.filter(|&y| y != selection.year_start),
            groups: OnceLock::new(),
            reps: OnceLock::new(),
            #[cfg(test)]
            migrations_built: Default::default(),
        });
        if self.prepared.len() == KEEP {
            self.prepared.remove(0);
        }
        self.prepared.push((selection.clone(), Arc::clone(&prepared)));
        prepared
    }
}

fn dimensions(ledger: &Ledger, year_start: YearStart) -> Dimensions {
    let periods = ledger.date_range().map_or_else(Vec::new, |(first, last)| year_start.periods_spanning(first, last));
    let attributes = ledger
        .attributes()
        .filter(|a| *a != Attribute::Invoice)
        .filter_map(|a| {
            let column = ledger.attribute(a)?;
            let mut values: Vec<Option<String>> =
                column.values().keys().filter_map(named).map(|v| Some(v.to_string())).collect();
            values.sort_unstable();
            if column.values().keys().any(|v| named(v).is_none()) {
                values.push(None);
            }
            Some((a, values))
        })
        .collect();
    Dimensions { periods, attributes }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::engine::money::Money;
    use crate::engine::pyramid::{Level, Outside};
    use crate::engine::rfm::{RfmSettings, Segment};
    use crate::engine::sample;
    use crate::engine::views::RepChoice;

    #[test]
    fn dimensions_of_the_sample() {
        let d = dimensions(&sample::sample_ledger(), YearStart::default());
        let years: Vec<i32> = d.periods.iter().map(|p| p.label_year()).collect();
        assert_eq!(years, vec![2021, 2022, 2023, 2024, 2025]);
        let departments = d.attributes.iter().find(|(a, _)| *a == Attribute::Department).map(|(_, v)| v.len());
        assert_eq!(departments, Some(3));
        assert!(d.attributes.iter().all(|(a, _)| *a != Attribute::Invoice), "invoices are no scope");
    }

    #[test]
    fn what_is_prepared_ahead_is_what_a_page_without_filters_then_finds_built() {
        let ledger = sample::sample_ledger();
        let mut cache = AnalysisCache::default();
        cache.prepare_ahead(&ledger, Ahead::Table);
        let ahead = Arc::clone(&cache.prepared[0].1);
        assert_eq!(cache.prepared.len(), 1);
        assert!(ahead.groups.get().is_none() && ahead.reps.get().is_none(), "the table first, alone");
        cache.prepare_ahead(&ledger, Ahead::Views);
        assert!(Arc::ptr_eq(&cache.prepare(&ledger, &Selection::default()), &ahead));
        assert_eq!(cache.prepared.len(), 1);
        // The sample has product groups and sales reps: both breakdowns are there, and the
        // latest period's views, which the page then finds.
        assert!(matches!((ahead.groups.get(), ahead.reps.get()), (Some(Some(_)), Some(Some(_)))));
        let latest = ahead.levels.len() - 1;
        assert!(ahead.views.iter().enumerate().all(|(i, views)| views.get().is_some() == (i == latest)));
        let built: *const CustomerViews = ahead.views[latest].get().unwrap();
        assert!(std::ptr::eq(ahead.views(&ledger, None).unwrap(), built));
    }

    #[test]
    fn a_selection_is_prepared_once_and_answers_every_period() {
        let ledger = sample::sample_ledger();
        let mut cache = AnalysisCache::default();
        let selection = Selection::default();
        let first = cache.prepare(&ledger, &selection);
        let again = cache.prepare(&ledger, &selection);
        assert!(Arc::ptr_eq(&first, &again));
        let request = AnalysisRequest::Pyramid(PyramidRequest {
            selection,
            period: Some(Period::starting_in(2023)),
            outside: Outside::default(),
        });
        let AnalysisResponse::Pyramid(PyramidView { pyramid, .. }) = cache.answer(&ledger, request) else {
            panic!("no pyramid");
        };
        assert_eq!(pyramid.period, Period::starting_in(2023));
        let top = pyramid.row(Level::Top).map(|r| r.customers).unwrap_or_default();
        // ceil(1 % of the active customers).
        assert_eq!(top, pyramid.active_customers.div_ceil(100));
    }

    #[test]
    fn a_request_gets_its_own_view_back() {
        let ledger = sample::sample_ledger();
        let request = PyramidRequest {
            selection: Selection::default(),
            period: Some(Period::starting_in(2024)),
            outside: Outside::default(),
        };
        let response = AnalysisCache::default().answer(&ledger, request.into());
        // Through JSON and back, as it crosses between the worker and the page.
        let response: AnalysisResponse = serde_json::from_str(&serde_json::to_string(&response).unwrap()).unwrap();
        let view = PyramidView::from_response(response.clone()).expect("a pyramid answers a pyramid request");
        assert_eq!(view.pyramid.period, Period::starting_in(2024));
        assert_eq!(view.pyramid.active_customers, ledger_active_in(&ledger, 2024));
        assert!(Dimensions::from_response(response).is_none(), "a pyramid is not the dimensions");
    }

    /// Customers with revenue above zero in the calendar year, counted from the ledger's lines.
    fn ledger_active_in(ledger: &Ledger, year: i32) -> usize {
        let period = Period::starting_in(year);
        let mut revenue = std::collections::HashMap::new();
        let lines = ledger.customers().iter().zip(ledger.dates()).zip(ledger.amounts());
        for ((&customer, &day), &amount) in lines {
            if YearStart::default().period_of(day) == period {
                *revenue.entry(customer).or_insert(Money::ZERO) += amount;
            }
        }
        revenue.values().filter(|r| **r > Money::ZERO).count()
    }

    #[test]
    fn keeps_only_the_recent_selections() {
        let ledger = sample::sample_ledger();
        let mut cache = AnalysisCache::default();
        for rep in ledger
            .attribute(Attribute::SalesRep)
            .map(|c| c.values().keys().map(String::from).collect::<Vec<_>>())
            .unwrap_or_default()
        {
            let scope = Scope::Only { attribute: Attribute::SalesRep, value: rep };
            cache.prepare(&ledger, &Selection { scope, ..Selection::default() });
        }
        assert_eq!(cache.prepared.len(), KEEP);
    }

    /// The sample ledger and a cache, asked like the pages ask.
    fn ask(request: AnalysisRequest) -> AnalysisResponse {
        let ledger = sample::sample_ledger();
        AnalysisCache::default().answer(&ledger, request)
    }

    fn department() -> Selection {
        let ledger = sample::sample_ledger();
        let value = dimensions(&ledger, YearStart::default())
            .attributes
            .into_iter()
            .find(|(a, _)| *a == Attribute::Department)
            .and_then(|(_, v)| v.into_iter().next().flatten())
            .unwrap();
        Selection { scope: Scope::Only { attribute: Attribute::Department, value }, ..Selection::default() }
    }

    /// The hand-worked ledger of the flows tests (flows::tests::EVERY_FLOW) as department East,
    /// and three West lines that change the company's flows but not East's.
    fn east_and_west() -> Ledger {
        use crate::engine::date::Day;
        use crate::engine::flows::tests::EVERY_FLOW;
        use crate::engine::ledger::{Columns, LedgerBuilder, LineExtras};
        let west = [("R", (2022, 5, 1), 20_000), ("W", (2023, 5, 1), 40_000), ("N", (2024, 5, 1), 10_000)];
        let mut b = LedgerBuilder::new(Columns { attributes: vec![Attribute::Department], ..Columns::default() });
        for (department, lines) in [("East", &EVERY_FLOW[..]), ("West", &west[..])] {
            for &(customer, (y, m, d), cents) in lines {
                let day = Day::from_ymd(y, m, d).unwrap_or(Day::from_number(0));
                b.push(
                    customer,
                    day,
                    Money::from_cents(cents),
                    &LineExtras { attributes: &[department], ..LineExtras::default() },
                );
            }
        }
        b.finish()
    }

    #[test]
    fn flows_follow_the_scope() {
        use crate::engine::flows::tests::{counts, EVERY_FLOW_COUNTS};
        let ledger = east_and_west();
        let mut cache = AnalysisCache::default();
        let mut flows = |scope| match cache.answer(
            &ledger,
            AnalysisRequest::Flows(FlowsRequest { selection: Selection { scope, ..Selection::default() } }),
        ) {
            AnalysisResponse::Flows(flows) => counts(&flows),
            other => panic!("{other:?}"),
        };
        let east = Scope::Only { attribute: Attribute::Department, value: "East".into() };
        assert_eq!(flows(east), EVERY_FLOW_COUNTS);
        // The company adds West: R buys in 2022, W only in 2023, N 100 in 2024. Active:
        // 2021 {S, R, C}; 2022 {S, R, L}; 2023 {S, L, N, C, W}; 2024 {S, L, N, R, M, Z}.
        // (year, start, retained, lost, new, regained, end):
        // 2022: S, R retained; C lost; L new.
        // 2023: S, L retained; R lost; N, W new; C regained.
        // 2024: S, L, N retained; C, W lost; M, Z new; R regained (active in 2022).
        assert_eq!(
            flows(Scope::Company),
            [(2022, 3, 2, 1, 1, 0, 3), (2023, 3, 2, 1, 2, 1, 5), (2024, 5, 3, 2, 2, 1, 6)]
        );
    }

    #[test]
    fn migration_rows_add_up_to_the_earlier_pyramid_and_cells_list_their_customers() {
        let ledger = sample::sample_ledger();
        let mut cache = AnalysisCache::default();
        let selection = department();
        let period = Some(Period::starting_in(2024));
        let AnalysisResponse::Migration(m) = cache
            .answer(&ledger, AnalysisRequest::Migration(MigrationRequest { selection: selection.clone(), period }))
        else {
            panic!("no migration")
        };
        assert_eq!((m.period, m.cells.len()), (Period::starting_in(2024), 29));
        let earlier = Some(Period::starting_in(2023));
        let AnalysisResponse::Pyramid(PyramidView { pyramid, .. }) = cache.answer(
            &ledger,
            AnalysisRequest::Pyramid(PyramidRequest {
                selection: selection.clone(),
                period: earlier,
                outside: Outside::default(),
            }),
        ) else {
            panic!("no pyramid")
        };
        for row in &pyramid.levels {
            let cells = m.cells.iter().filter(|c| c.from == Some(row.level));
            assert_eq!(
                cells.fold((0, Money::ZERO), |(n, r), c| (n + c.customers, r + c.revenue_from)),
                (row.customers, row.revenue)
            );
        }
        let moved = m.upward.customers + m.stable.customers + m.downward.customers;
        assert_eq!(moved, m.cells.iter().map(|c| c.customers).sum::<usize>());

        let cell = m.cells.iter().find(|c| c.from == Some(Level::Small) && c.to == Level::Small).unwrap();
        let request =
            AnalysisRequest::MigrationCell(MigrationCellRequest { selection, period, from: cell.from, to: cell.to });
        let AnalysisResponse::MigrationCell(list) = cache.answer(&ledger, request) else { panic!("no cell") };
        assert_eq!(list.total, cell.customers);
        assert_eq!(list.items.len(), cell.customers.min(LIST_LIMIT));
        let first = &list.items[0];
        assert!(ledger.customer_by_key(&first.customer.key).is_some());
        assert!(
            list.items.windows(2).all(|w| w[0].revenue_to >= w[1].revenue_to),
            "ranked by revenue in the later period"
        );
        assert!(first.customer.name.is_some(), "the sample names its customers");
    }

    #[test]
    fn cells_answer_from_the_matrix_built_once() {
        let ledger = sample::sample_ledger();
        let mut cache = AnalysisCache::default();
        let period = Some(Period::starting_in(2024));
        let cell = |from, to| {
            AnalysisRequest::MigrationCell(MigrationCellRequest { selection: Selection::default(), period, from, to })
        };
        let matrix = AnalysisRequest::Migration(MigrationRequest { selection: Selection::default(), period });
        for request in [matrix, cell(Some(Level::Small), Level::Small), cell(None, Level::Top)] {
            assert!(!matches!(cache.answer(&ledger, request), AnalysisResponse::Empty(_)));
        }
        let prepared = cache.prepare(&ledger, &Selection::default());
        let built = || prepared.migrations_built.load(std::sync::atomic::Ordering::Relaxed);
        assert_eq!(built(), 1, "the matrix and two cells: one migration 2023 -> 2024");
        cache.answer(&ledger, cell(Some(Level::Top), Level::Top));
        assert_eq!(built(), 1, "a third cell of the same pair");
        // Another pair of periods is another migration.
        let earlier = Some(Period::starting_in(2023));
        cache.answer(
            &ledger,
            AnalysisRequest::MigrationCell(MigrationCellRequest {
                selection: Selection::default(),
                period: earlier,
                from: None,
                to: Level::Top,
            }),
        );
        assert_eq!(built(), 2);
    }

    #[test]
    fn no_migration_into_the_first_period() {
        let request = AnalysisRequest::Migration(MigrationRequest {
            selection: Selection::default(),
            period: Some(Period::starting_in(2021)),
        });
        assert!(matches!(ask(request), AnalysisResponse::Empty(EmptyReason::NoPreviousPeriod)));
        let cell = AnalysisRequest::MigrationCell(MigrationCellRequest {
            selection: Selection::default(),
            period: Some(Period::starting_in(2021)),
            from: None,
            to: Level::Top,
        });
        let AnalysisResponse::MigrationCell(list) = ask(cell) else { panic!("no answer") };
        assert_eq!((list.total, list.items.len()), (0, 0));
    }

    #[test]
    fn concentration_of_the_latest_period() {
        let AnalysisResponse::Concentration(c) =
            ask(AnalysisRequest::Concentration(ConcentrationRequest { selection: Selection::default(), period: None }))
        else {
            panic!("no concentration")
        };
        assert_eq!(c.period, Period::starting_in(2025));
        assert_eq!(c.top_customers, c.active_customers.div_ceil(5));
        assert!(c.top20_revenue_share > 0.5 && c.gini > 0.0 && c.gini < 1.0);
        assert_eq!(c.bands.iter().map(|b| b.customers).sum::<usize>(), c.active_customers);
    }

    #[test]
    fn the_customer_picker_finds_keys_and_names() {
        // Keys A1, B2, C10, CA; names C10 "Acme", CA "Beta". "a" is in the keys A1 and CA and in
        // C10's name; keys that start with it first (A1), then C10, CA in byte order ("1" < "A").
        let csv = "customer,name,date,amount\nA1,,2025-01-01,1\nB2,,2025-01-01,1\nC10,Acme,2025-01-01,1\nCA,Beta,2025-01-01,1\n";
        let file = crate::engine::import::InputFile { name: "c.csv", bytes: csv.as_bytes() };
        let ledger = crate::engine::import::import_files(&[file], &Default::default(), &mut |_| true)
            .map(|i| i.ledger)
            .unwrap_or_default();
        let mut cache = AnalysisCache::default();
        let mut search = |text: &str| match cache.answer(&ledger, CustomerSearchRequest { text: text.into() }.into()) {
            AnalysisResponse::CustomerSearch(found) => found.into_iter().map(|c| c.key).collect::<Vec<_>>(),
            other => panic!("{other:?}"),
        };
        assert_eq!(search("a"), ["A1", "C10", "CA"]);
        assert_eq!(search(" ACME "), ["C10"]);
        assert_eq!(search("c"), ["C10", "CA"]);
        assert!(search("zz").is_empty());
    }

    #[test]
    fn customer_views_of_one_rep() {
        let ledger = sample::sample_ledger();
        let mut cache = AnalysisCache::default();
        let request = |rep| {
            AnalysisRequest::CustomerViews(CustomerViewsRequest { selection: Selection::default(), period: None, rep })
        };
        let AnalysisResponse::CustomerViews(first) = cache.answer(&ledger, request(RepChoice::First)) else {
            panic!("no views")
        };
        assert!(first.reps.len() > 1 && !first.groups.is_empty());
        assert_eq!(first.rep, first.reps[0]);
        let second = first.reps[1].clone();
        let AnalysisResponse::CustomerViews(view) = cache.answer(&ledger, request(RepChoice::Rep(second.clone())))
        else {
            panic!("no views")
        };
        assert_eq!(view.rep, second);
        let keys: Vec<&str> = view.rows.items.iter().map(|r| r.customer.key.as_str()).collect();
        assert!(
            view.white_space.items.iter().all(|w| keys.contains(&w.customer.key.as_str())),
            "only the rep's customers"
        );
        assert!(view
            .up_sell
            .items
            .iter()
            .all(|u| keys.contains(&u.customer.key.as_str()) && u.revenue < u.level_median));
        for (g, total) in view.totals.iter().enumerate() {
            assert_eq!(*total, view.rows.items.iter().map(|r| r.by_group[g]).sum::<Money>());
        }
    }

    /// 2025 lines with blank sales rep, product group and department cells, imported as a user
    /// would (amounts in whole units).
    fn ledger_with_blanks() -> Ledger {
        let csv = "customer,date,amount,sales rep,product group,department\n\
            A,2025-03-01,1000,Ann,Tools,North\nA,2025-04-01,500,Ann,,North\n\
            B,2025-03-01,800,,Tools,\nB,2025-05-01,200, ,Food,\n\
            C,2025-06-01,300,Ann,Food,South\nC,2025-07-01,600,,,South\n\
            D,2025-08-01,100,,,\n";
        let file = crate::engine::import::InputFile { name: "blanks.csv", bytes: csv.as_bytes() };
        crate::engine::import::import_files(&[file], &Default::default(), &mut |_| true)
            .map(|i| i.ledger)
            .unwrap_or_default()
    }

    #[test]
    fn blank_cells_are_no_value_listed_last_and_a_scope() {
        let ledger = ledger_with_blanks();
        let mut cache = AnalysisCache::default();
        let values =
            |a| dimensions(&ledger, YearStart::default()).attributes.into_iter().find(|(x, _)| *x == a).map(|(_, v)| v);
        let some = |v: &[&str]| v.iter().map(|s| Some(s.to_string())).chain([None]).collect::<Vec<_>>();
        assert_eq!(values(Attribute::SalesRep), Some(some(&["Ann"])));
        assert_eq!(values(Attribute::ProductGroup), Some(some(&["Food", "Tools"])));
        assert_eq!(values(Attribute::Department), Some(some(&["North", "South"])));

        // Revenue: A 1000 + 500, B 800 + 200, C 300 + 600, D 100. Ann is A's rep and C's (the only
        // named rep C has); B and D have none. Groups: Tools, Food; no column for the blank.
        let request = |rep| {
            AnalysisRequest::CustomerViews(CustomerViewsRequest { selection: Selection::default(), period: None, rep })
        };
        let AnalysisResponse::CustomerViews(ann) = cache.answer(&ledger, request(RepChoice::First)) else {
            panic!("no views")
        };
        assert_eq!(
            (ann.reps.clone(), ann.rep.clone(), ann.groups.clone()),
            (
                vec![Some("Ann".to_string()), None],
                Some("Ann".to_string()),
                vec!["Tools".to_string(), "Food".to_string()]
            )
        );
        assert_eq!((ann.rows.total, ann.revenue.cents()), (2, 240_000));
        let AnalysisResponse::CustomerViews(nobody) = cache.answer(&ledger, request(RepChoice::Rep(None))) else {
            panic!("no views")
        };
        let keys: Vec<&str> = nobody.rows.items.iter().map(|r| r.customer.key.as_str()).collect();
        assert_eq!((nobody.rep.clone(), keys, nobody.revenue.cents()), (None, vec!["B", "D"], 110_000));
        // Small = B, C, D (n = 4, k(20 %) = 1: A alone is Top). Tools: B buys, median 800 → D (and
        // C, Ann's); Food: B 200, C 300, median 250 → D. Lines without a group offer nothing.
        let ws: Vec<(&str, &str, i64)> = nobody
            .white_space
            .items
            .iter()
            .map(|w| (w.customer.key.as_str(), w.group.as_str(), w.estimated_value.cents()))
            .collect();
        assert_eq!(ws, vec![("D", "Tools", 80_000), ("D", "Food", 25_000)]);

        // The scope "no department": B 1000 and D 100.
        let selection = Selection {
            scope: Scope::Only { attribute: Attribute::Department, value: String::new() },
            ..Selection::default()
        };
        let AnalysisResponse::Pyramid(pyramid) = cache.answer(
            &ledger,
            AnalysisRequest::Pyramid(PyramidRequest { selection, period: None, outside: Outside::default() }),
        ) else {
            panic!("no pyramid")
        };
        assert_eq!((pyramid.pyramid.active_customers, pyramid.pyramid.active_revenue.cents()), (2, 110_000));
    }

    #[test]
    fn rfm_segments_and_the_customers_of_one() {
        let request = AnalysisRequest::Rfm(RfmRequest {
            selection: Selection::default(),
            period: None,
            settings: RfmSettings::default(),
            segment: Some(Segment::Champions),
        });
        let AnalysisResponse::Rfm(rfm) = ask(request) else { panic!("no rfm") };
        let champions =
            rfm.segments.iter().find(|s| s.segment == Segment::Champions).map(|s| s.customers).unwrap_or_default();
        assert!(champions > 0);
        assert_eq!(rfm.customers.total, champions);
        assert!(rfm.customers.items.iter().all(|c| c.r == 5 && (c.f + c.m).div_ceil(2) >= 4));
    }

    #[test]
    fn cohorts_hold_every_customer_ever_active() {
        let AnalysisResponse::Cohorts(all) =
            ask(AnalysisRequest::Cohorts(CohortsRequest { selection: Selection::default() }))
        else {
            panic!("no cohorts")
        };
        assert_eq!(all[0].first_period, Period::starting_in(2021));
        let AnalysisResponse::Pyramid(PyramidView { pyramid: last, .. }) =
            ask(AnalysisRequest::Pyramid(PyramidRequest {
                selection: Selection::default(),
                period: None,
                outside: Outside::default(),
            }))
        else {
            panic!("no pyramid")
        };
        // Everyone ever active is active or inactive in the last period.
        let ever: usize = last.levels.iter().map(|r| r.customers).sum();
        assert_eq!(all.iter().map(|c| c.customers).sum::<usize>(), ever);
    }

    #[test]
    fn customer_detail_by_key() {
        let ledger = sample::sample_ledger();
        let key = ledger.customer_key(CustomerId::from_index(0)).to_string();
        let AnalysisResponse::Customer(detail) =
            ask(AnalysisRequest::Customer(CustomerRequest { selection: Selection::default(), key: key.clone() }))
        else {
            panic!("no customer")
        };
        assert_eq!((detail.key, detail.periods.len()), (key, 5));
        assert!(!detail.groups.is_empty());
        assert!(matches!(
            ask(AnalysisRequest::Customer(CustomerRequest {
                selection: Selection::default(),
                key: "no such id".into()
            })),
            AnalysisResponse::Empty(EmptyReason::UnknownCustomer)
        ));
    }

    /// A ledger read from CSV text like a user's file.
    fn ledger_from(csv: &str) -> Ledger {
        let options = crate::engine::import::ImportOptions::default();
        crate::engine::import::import_bytes("ledger.csv", csv.as_bytes(), &options, &mut |_| true).unwrap().ledger
    }

    fn empty_reason(ledger: &Ledger, request: AnalysisRequest) -> Option<EmptyReason> {
        match AnalysisCache::default().answer(ledger, request) {
            AnalysisResponse::Empty(reason) => Some(reason),
            _ => None,
        }
    }

    #[test]
    fn each_empty_answer_names_its_reason() {
        // 2023: A +100, B +50; 2024: only A's credit note of -30, so no one is active in 2024.
        // No product group column; departments: North only.
        let ledger = ledger_from("customer,date,amount,department\nA,2023-03-01,100.00,North\nB,2023-05-01,50.00,North\nA,2024-02-01,-30.00,North\n");
        let company = Selection::default();
        let only = |attribute, value: &str| Selection {
            scope: Scope::Only { attribute, value: value.into() },
            ..Selection::default()
        };
        let year = |y| Some(Period::starting_in(y));
        let pyramid = |selection, period| {
            AnalysisRequest::Pyramid(PyramidRequest { selection, period, outside: Outside::default() })
        };
        use EmptyReason::*;
        assert_eq!(
            empty_reason(
                &ledger,
                AnalysisRequest::CustomerViews(CustomerViewsRequest {
                    selection: company.clone(),
                    period: year(2023),
                    rep: RepChoice::First
                })
            ),
            Some(NoProductGroupColumn)
        );
        let AnalysisResponse::Pyramid(view) =
            AnalysisCache::default().answer(&ledger, pyramid(company.clone(), year(2023)))
        else {
            panic!("2023 has A and B")
        };
        assert_eq!(view.without_margins, Some(NoCostColumn));
        let with_cost = ledger_from("customer,date,amount,cost\nA,2023-03-01,100.00,60.00\n");
        let AnalysisResponse::Pyramid(view) =
            AnalysisCache::default().answer(&with_cost, pyramid(company.clone(), None))
        else {
            panic!("no pyramid")
        };
        assert_eq!(view.without_margins, None);
        assert_eq!(empty_reason(&ledger, pyramid(company.clone(), year(2024))), Some(NoActiveCustomers));
        assert_eq!(empty_reason(&ledger, pyramid(company.clone(), year(2030))), Some(PeriodNotInData));
        assert_eq!(empty_reason(&ledger, pyramid(only(Attribute::Department, "South"), None)), Some(NoLinesInScope));
        assert_eq!(
            empty_reason(&ledger, pyramid(only(Attribute::Region, "East"), None)),
            Some(NoLinesInScope),
            "no region column"
        );
        assert_eq!(
            empty_reason(
                &ledger,
                AnalysisRequest::Concentration(ConcentrationRequest { selection: company.clone(), period: year(2024) })
            ),
            Some(NoActiveCustomers)
        );
        assert_eq!(
            empty_reason(
                &ledger,
                AnalysisRequest::Migration(MigrationRequest { selection: company.clone(), period: year(2023) })
            ),
            Some(NoPreviousPeriod)
        );
        // 2023 → 2024: A and B were active and are not, so the matrix has customers.
        assert_eq!(
            empty_reason(
                &ledger,
                AnalysisRequest::Migration(MigrationRequest { selection: company.clone(), period: year(2024) })
            ),
            None
        );
        let rfm = |window_periods| {
            AnalysisRequest::Rfm(RfmRequest {
                selection: company.clone(),
                period: year(2024),
                settings: RfmSettings { window_periods },
                segment: None,
            })
        };
        assert_eq!(empty_reason(&ledger, rfm(1)), Some(NoActiveCustomers), "nothing positive in 2024 alone");
        assert_eq!(empty_reason(&ledger, rfm(2)), None, "2023's purchases are in a two-year window");
        assert_eq!(
            empty_reason(&ledger, AnalysisRequest::Customer(CustomerRequest { selection: company, key: "Z".into() })),
            Some(UnknownCustomer)
        );

        let one_year = ledger_from("customer,date,amount\nA,2023-03-01,100.00\n");
        assert_eq!(
            empty_reason(&one_year, AnalysisRequest::Flows(FlowsRequest { selection: Selection::default() })),
            Some(NoPreviousPeriod)
        );
        let credit_notes_only = ledger_from("customer,date,amount\nA,2023-03-01,-100.00\n");
        assert_eq!(
            empty_reason(
                &credit_notes_only,
                AnalysisRequest::Cohorts(CohortsRequest { selection: Selection::default() })
            ),
            Some(NoActiveCustomers)
        );
        assert_eq!(
            empty_reason(
                &credit_notes_only,
                AnalysisRequest::Flows(FlowsRequest { selection: only(Attribute::Team, "X") })
            ),
            Some(NoLinesInScope)
        );
    }

    /// The window and the non-empty segments' counts of the RFM answer for 2024.
    fn segment_counts(ledger: &Ledger, window_periods: usize) -> (Vec<Period>, usize, Vec<(Segment, usize)>) {
        let request = AnalysisRequest::Rfm(RfmRequest {
            selection: Selection::default(),
            period: Some(Period::starting_in(2024)),
            settings: RfmSettings { window_periods },
            segment: None,
        });
        let AnalysisResponse::Rfm(rfm) = AnalysisCache::default().answer(ledger, request) else { panic!("no rfm") };
        let counts = rfm.segments.iter().filter(|s| s.customers > 0).map(|s| (s.segment, s.customers)).collect();
        (rfm.window, rfm.longest_window, counts)
    }

    #[test]
    fn the_rfm_window_decides_who_is_scored_and_how() {
        // tests/data/rfm_window.csv (the e2e test uses it too). No invoice column: a purchase is a
        // day. No two customers tie on any measure.
        let ledger = ledger_from(include_str!("../../../tests/data/rfm_window.csv"));
        use Segment::*;
        // Window 1 (2024, as of 2024-12-31): A, B, C, D; E bought only in 2023.
        //   recency days A 11, B 21, C 30, D 213; purchases A 4, B 3, C 2, D 1; revenue 400, 300, 200, 50.
        //   n = 4, score = ceil(5 * position / 4) for positions 1..4 worst to best: 2, 3, 4, 5.
        //   A: R 5, FM 5: Champions.   B: R 4, FM ceil((4 + 4) / 2) = 4: Loyal.
        //   C: R 3, FM 3: Need attention.   D: R 2, FM 2: Hibernating.
        let (window, longest, counts) = segment_counts(&ledger, 1);
        assert_eq!((window, longest), (vec![Period::starting_in(2024)], 2));
        assert_eq!(counts, vec![(Champions, 1), (Loyal, 1), (NeedAttention, 1), (Hibernating, 1)]);
        // Window 2 (2023-2024): E joins. n = 5, so a score is the position.
        //   recency A 11, B 21, C 30, D 213, E 549 (2023-07-01 → 2024-07-01 is 366 days, + 183)
        //     → R: E 1, D 2, C 3, B 4, A 5.
        //   purchases C 2, B 3, A 4, E 5, D 8 → F: C 1, B 2, A 3, E 4, D 5.
        //   revenue C 200, B 300, A 400, D 750, E 5000 → M: C 1, B 2, A 3, D 4, E 5.
        //   FM = ceil((F + M) / 2): A 3, B 2, C 1, D 5, E 5.
        //   A (5, 3) and B (4, 2): Potential loyalists; C (3, 1): About to sleep;
        //   D (2, 5) and E (1, 5): Can't lose them.
        let (window, _, counts) = segment_counts(&ledger, 2);
        assert_eq!(window, vec![Period::starting_in(2023), Period::starting_in(2024)]);
        assert_eq!(counts, vec![(PotentialLoyalists, 2), (AboutToSleep, 1), (CantLoseThem, 2)]);
        // A longer window than the data holds is clipped to it.
        assert_eq!(segment_counts(&ledger, 3), segment_counts(&ledger, 2));
    }
}

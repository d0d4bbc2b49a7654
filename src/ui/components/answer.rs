//! Asking the engine from a page and showing the answer's states: not loaded yet, computing,
//! nothing to show (and the engine's reason why), or the result. Also the names the pages give
//! engine values.

use crate::engine::flows::FlowStatus;
use crate::engine::ledger::Attribute;
use crate::engine::migration::Movement;
use crate::engine::pyramid::Level;
use crate::engine::rfm::Segment;
use crate::engine::session::analysis::{Analysis, AnalysisResponse, EmptyReason, InResponse};
use crate::engine::session::{Failure, Request, Response};
use crate::i18n::{failure::describe, AnalysisMsg as M};
use crate::ui::app::LoadSampleButton;
use crate::ui::engine::ask;
use crate::ui::i18n::{use_i18n, I18n};
use crate::ui::pages::Page;
use crate::ui::workspace::use_workspace;
use leptos::prelude::*;
use leptos_router::components::A;

/// An answer the page can draw, or why there is none.
#[derive(Clone, Debug, PartialEq)]
pub enum Answer<T> {
    /// The worker has not yet said what workspace it restored; asking now would go unheard.
    Waiting,
    Ready(T),
    /// The engine has nothing to show for this request, for this reason.
    Empty(EmptyReason),
    /// No ledger loaded, or the engine refused with its reason (`None`: no answer came).
    Failed(Option<Failure>),
}

/// Asks `request()` again whenever it or the workspace's ledger changes, and answers with the
/// request's own view (`PyramidRequest` gets a `PyramidView`). The request is built
/// synchronously so that the resource tracks the filters it reads.
pub fn ask_view<R>(request: impl Fn() -> R + 'static) -> LocalResource<Answer<R::View>>
where
    R: Analysis + 'static,
    R::View: Clone + 'static,
{
    let workspace = use_workspace();
    LocalResource::new(move || {
        let request = request().into();
        let _ = workspace.revision();
        let ready = workspace.is_ready();
        async move {
            if !ready {
                return Answer::Waiting;
            }
            match ask(Request::Analysis(request)).await {
                Response::Analysis(AnalysisResponse::Empty(reason)) => Answer::Empty(reason),
                Response::Analysis(response) => {
                    R::View::from_response(response).map_or_else(|| Answer::Failed(None), Answer::Ready)
                }
                Response::Failed(failure) => Answer::Failed(Some(failure)),
                _ => Answer::Failed(None),
            }
        }
    })
}

impl<T> Answer<T> {
    pub fn ready(self) -> Option<T> {
        match self {
            Answer::Ready(value) => Some(value),
            Answer::Waiting | Answer::Empty(_) | Answer::Failed(_) => None,
        }
    }
}

/// Draws an answer: a computing note, the no-ledger card with the sample button, the reason
/// there is nothing to show, or `draw`.
pub fn show<T, V>(answer: LocalResource<Answer<T>>, draw: impl Fn(T) -> V + Send + Sync + 'static) -> impl IntoView
where
    T: Clone + 'static,
    V: IntoView + 'static,
{
    show_answer(answer, true, draw)
}

/// `show`, for an answer that needs a ledger or (`needs_ledger` false: breakeven, an analysis of
/// the user's own figures) one that is drawn whether a ledger is loaded or not.
pub fn show_answer<T, V>(
    answer: LocalResource<Answer<T>>,
    needs_ledger: bool,
    draw: impl Fn(T) -> V + Send + Sync + 'static,
) -> impl IntoView
where
    T: Clone + 'static,
    V: IntoView + 'static,
{
    let i18n = use_i18n();
    let workspace = use_workspace();
    move || match answer.get() {
        None | Some(Answer::Waiting) => {
            view! { <p class="hint" role="status">{move || i18n.t(M::Computing)}</p> }.into_any()
        }
        Some(_) if needs_ledger && !workspace.is_loaded() => view! {
            <div class="card card-empty" role="note">
                <p>{move || i18n.t(M::NoLedger)}</p>
                <div class="actions"><LoadSampleButton/></div>
            </div>
        }
        .into_any(),
        Some(Answer::Empty(reason)) => empty_because(reason).into_any(),
        Some(Answer::Failed(reason)) => failed(reason).into_any(),
        Some(Answer::Ready(value)) => draw(value).into_any(),
    }
}

/// A calm note that there is nothing to show, and why.
pub fn empty(message: M) -> impl IntoView {
    let i18n = use_i18n();
    view! { <div class="card card-empty" role="note" data-testid="empty"><p>{move || i18n.t(message)}</p></div> }
}

/// The engine's reason in the user's language, with what it names (the year start of totals per
/// period, the one to choose).
pub fn reason_words(i18n: I18n, reason: EmptyReason) -> String {
    let words = i18n.t(reason_message(reason));
    match reason {
        EmptyReason::PeriodTotalsYearStart(year_start) => format!("{words} {year_start}."),
        _ => words.to_string(),
    }
}

fn reason_message(reason: EmptyReason) -> M {
    match reason {
        EmptyReason::NoLinesInScope => M::NoLinesInScope,
        EmptyReason::PeriodNotInData => M::PeriodNotInData,
        EmptyReason::NoActiveCustomers => M::NoActiveCustomers,
        EmptyReason::NoPreviousPeriod => M::NoPreviousPeriod,
        EmptyReason::NoProductGroupColumn => M::NoProductGroupColumn,
        EmptyReason::UnknownCustomer => M::UnknownCustomer,
        EmptyReason::NoCostColumn => M::NoCostColumn,
        EmptyReason::NoCostPools => M::NoCostPools,
        EmptyReason::NoGrossMargin => M::NoGrossMargin,
        EmptyReason::MarginMissing => M::MarginMissing,
        EmptyReason::CostsTooLarge => M::CostsTooLarge,
        EmptyReason::NeedsSingleLines => M::NeedsSingleLines,
        EmptyReason::PeriodTotalsYearStart(_) => M::PeriodTotalsYearStart,
        EmptyReason::NoSurvey => M::NoSurvey,
        EmptyReason::NoInterviews => M::NoInterviews,
    }
}

/// The engine's reason as the page's empty state; a missing column also links to where it is mapped.
fn empty_because(reason: EmptyReason) -> impl IntoView {
    let i18n = use_i18n();
    let to_data = (reason == EmptyReason::NoProductGroupColumn).then(|| {
        view! { <div class="actions"><A href=Page::Data.path() attr:class="button button-secondary">{move || i18n.t(M::ToDataPage)}</A></div> }
    });
    view! {
        <div class="card card-empty" role="note" data-testid="empty" data-reason=format!("{reason:?}")>
            <p>{move || reason_words(i18n, reason)}</p>
            {to_data}
        </div>
    }
}

/// A request the engine refused, in the user's language (the failure names the file and what
/// to do), or a note that no answer came.
fn failed(failure: Option<Failure>) -> impl IntoView {
    let i18n = use_i18n();
    let text = move || match &failure {
        Some(failure) => describe(failure, i18n.locale()),
        None => i18n.t(M::NoAnswer).to_string(),
    };
    view! {
        <div class="card card-empty" role="alert" data-testid="failed">
            <p>{text}</p>
        </div>
    }
}

pub fn name_of(attribute: Attribute) -> M {
    match attribute {
        Attribute::Invoice => M::Invoice,
        Attribute::Product => M::Product,
        Attribute::ProductGroup => M::ProductGroup,
        Attribute::SalesRep => M::SalesRep,
        Attribute::Team => M::Team,
        Attribute::Department => M::Department,
        Attribute::Region => M::Region,
        Attribute::Segment => M::Segment,
    }
}

/// What a blank cell of the attribute is called ("No sales rep"): lines without a value.
pub fn no_value_of(attribute: Attribute) -> M {
    match attribute {
        Attribute::Invoice => M::NoInvoice,
        Attribute::Product => M::NoProduct,
        Attribute::ProductGroup => M::NoProductGroup,
        Attribute::SalesRep => M::NoRep,
        Attribute::Team => M::NoTeam,
        Attribute::Department => M::NoDepartment,
        Attribute::Region => M::NoRegion,
        Attribute::Segment => M::NoSegment,
    }
}

pub fn level_name(level: Level) -> M {
    match level {
        Level::Top => M::Top,
        Level::Big => M::Big,
        Level::Medium => M::Medium,
        Level::Small => M::Small,
        Level::Inactive => M::Inactive,
    }
}

/// A migration row state: a level, or not yet a customer.
pub fn state_name(state: Option<Level>) -> M {
    state.map_or(M::NotYet, level_name)
}

pub fn movement_name(movement: Movement) -> M {
    match movement {
        Movement::Upward => M::Upward,
        Movement::Stable => M::Stable,
        Movement::Downward => M::Downward,
    }
}

pub fn flow_name(flow: FlowStatus) -> M {
    match flow {
        FlowStatus::New => M::New,
        FlowStatus::Regained => M::Regained,
        FlowStatus::Retained => M::Retained,
        FlowStatus::Lost => M::Lost,
    }
}

pub fn segment_name(segment: Segment) -> M {
    match segment {
        Segment::Champions => M::Champions,
        Segment::Loyal => M::Loyal,
        Segment::PotentialLoyalists => M::PotentialLoyalists,
        Segment::New => M::NewCustomers,
        Segment::Promising => M::Promising,
        Segment::NeedAttention => M::NeedAttention,
        Segment::AboutToSleep => M::AboutToSleep,
        Segment::AtRisk => M::AtRisk,
        Segment::CantLoseThem => M::CantLoseThem,
        Segment::Hibernating => M::Hibernating,
        Segment::Lost => M::LostSegment,
    }
}

//! Asking the engine from a page and showing the answer's states: not loaded yet, computing,
//! nothing in the selection, or the result. Also the names the pages give engine values.

use crate::engine::flows::FlowStatus;
use crate::engine::ledger::Attribute;
use crate::engine::migration::Movement;
use crate::engine::pyramid::Level;
use crate::engine::rfm::Segment;
use crate::engine::session::analysis::{AnalysisRequest, AnalysisResponse};
use crate::engine::session::{Request, Response};
use crate::i18n::AnalysisMsg as M;
use crate::ui::app::LoadSampleButton;
use crate::ui::engine::ask;
use crate::ui::i18n::use_i18n;
use crate::ui::workspace::use_workspace;
use leptos::prelude::*;

/// An answer the page can draw, or why there is none.
#[derive(Clone, Debug, PartialEq)]
pub enum Answer<T> {
    /// The worker has not yet said what workspace it restored; asking now would go unheard.
    Waiting,
    Ready(T),
    /// No ledger loaded (or the engine refused, with its reason).
    Failed(String),
}

/// Asks `request()` again whenever it or the workspace's ledger changes. The request is built
/// synchronously so that the resource tracks the filters it reads.
pub fn ask_answer<T: Clone + 'static>(
    request: impl Fn() -> AnalysisRequest + 'static,
    pick: impl Fn(AnalysisResponse) -> Option<T> + Copy + 'static,
) -> LocalResource<Answer<T>> {
    let workspace = use_workspace();
    LocalResource::new(move || {
        let request = request();
        let _ = workspace.revision();
        let ready = workspace.is_ready();
        async move {
            if !ready {
                return Answer::Waiting;
            }
            match ask(Request::Analysis(request)).await {
                Response::Analysis(response) => pick(response).map_or_else(|| Answer::Failed(String::new()), Answer::Ready),
                Response::Failed(reason) => Answer::Failed(reason),
                _ => Answer::Failed(String::new()),
            }
        }
    })
}

impl<T> Answer<T> {
    pub fn ready(self) -> Option<T> {
        match self {
            Answer::Ready(value) => Some(value),
            Answer::Waiting | Answer::Failed(_) => None,
        }
    }
}

/// Draws an answer: a computing note, the no-ledger card with the sample button, or `draw`.
pub fn show<T, V>(answer: LocalResource<Answer<T>>, draw: impl Fn(T) -> V + Send + Sync + 'static) -> impl IntoView
where
    T: Clone + 'static,
    V: IntoView + 'static,
{
    let i18n = use_i18n();
    let workspace = use_workspace();
    move || match answer.get() {
        None | Some(Answer::Waiting) => view! { <p class="hint" role="status">{move || i18n.t(M::Computing)}</p> }.into_any(),
        Some(_) if !workspace.is_loaded() => view! {
            <div class="card card-empty" role="note">
                <p>{move || i18n.t(M::NoLedger)}</p>
                <div class="actions"><LoadSampleButton/></div>
            </div>
        }
        .into_any(),
        Some(Answer::Failed(_)) => empty(M::NoCustomers).into_any(),
        Some(Answer::Ready(value)) => draw(value).into_any(),
    }
}

/// A calm note that there is nothing to show, and why.
pub fn empty(message: M) -> impl IntoView {
    let i18n = use_i18n();
    view! { <div class="card card-empty" role="note" data-testid="empty"><p>{move || i18n.t(message)}</p></div> }
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

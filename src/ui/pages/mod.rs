//! Every page of the product, in the method's terms, and where each lives.

mod actions;
mod board_pack;
mod breakeven;
mod cohorts;
mod concentration;
mod contact_plan;
mod customer;
pub mod customer_focus;
mod data;
mod flows;
mod goals;
mod home;
mod interviews;
mod lifetime_value;
mod methods;
mod migration;
pub mod profitability;
mod pyramid;
mod rfm;
pub mod scorecard;
pub mod summary;
mod views;

use actions::ActionsPage;
use board_pack::BoardPackPage;
use breakeven::BreakevenPage;
use cohorts::CohortsPage;
use concentration::ConcentrationPage;
use contact_plan::ContactPlanPage;
pub use customer::CustomerPage;
use customer_focus::CustomerFocusPage;
use data::DataPage;
use flows::FlowsPage;
use goals::GoalsPage;
use home::HomePage;
use interviews::InterviewsPage;
use lifetime_value::LifetimeValuePage;
use methods::MethodsPage;
use migration::MigrationPage;
use profitability::ProfitabilityPage;
use pyramid::PyramidPage;
use rfm::RfmPage;
use scorecard::ScorecardPage;
use views::ViewsPage;

use crate::i18n::Msg;
use leptos::prelude::*;

/// A group of pages in the navigation.
#[derive(Copy, Clone, Debug, PartialEq, Eq)]
pub enum Group {
    Start,
    Performance,
    Value,
    Planning,
    Focus,
}

impl Group {
    pub const ALL: [Group; 5] = [Group::Start, Group::Performance, Group::Value, Group::Planning, Group::Focus];

    pub fn title(self) -> Msg {
        match self {
            Group::Start => Msg::GroupStart,
            Group::Performance => Msg::GroupPerformance,
            Group::Value => Msg::GroupValue,
            Group::Planning => Msg::GroupPlanning,
            Group::Focus => Msg::GroupFocus,
        }
    }
}

/// Declares the pages: one line each, in navigation order, gives a page its name, URL, title,
/// one-line purpose, group and view, so adding a page is one line here (and its file).
macro_rules! pages {
    ($($page:ident: $path:literal, $title:ident, $about:expr, $group:ident, $view:expr;)*) => {
        /// A page of the app: its URL, its name and its place in the navigation.
        #[derive(Copy, Clone, Debug, PartialEq, Eq)]
        pub enum Page {
            $($page),*
        }

        impl Page {
            pub const ALL: [Page; [$(stringify!($page)),*].len()] = [$(Page::$page),*];

            /// The page's URL path below the app's base.
            pub fn path(self) -> &'static str {
                match self {
                    $(Page::$page => $path),*
                }
            }

            pub fn title(self) -> Msg {
                match self {
                    $(Page::$page => Msg::$title),*
                }
            }

            /// What the page is for, in one sentence.
            pub fn about(self) -> Option<Msg> {
                match self {
                    $(Page::$page => $about),*
                }
            }

            pub fn group(self) -> Group {
                match self {
                    $(Page::$page => Group::$group),*
                }
            }

            /// The page itself, for its route.
            pub fn view(self) -> AnyView {
                let view: fn(Page) -> AnyView = match self {
                    $(Page::$page => $view),*
                };
                view(self)
            }
        }
    };
}

pages! {
    Home: "/", PageHome, None, Start, |_| view! { <HomePage/> }.into_any();
    Data: "/data", PageData, None, Start, |_| view! { <DataPage/> }.into_any();
    Methods: "/methods", PageMethods, None, Start, |_| view! { <MethodsPage/> }.into_any();
    Pyramid: "/pyramid", PagePyramid, Some(Msg::AboutPyramid), Performance, |_| view! { <PyramidPage/> }.into_any();
    Migration: "/migration", PageMigration, Some(Msg::AboutMigration), Performance, |_| view! { <MigrationPage/> }.into_any();
    Flows: "/flows", PageFlows, Some(Msg::AboutFlows), Performance, |_| view! { <FlowsPage/> }.into_any();
    Concentration: "/concentration", PageConcentration, Some(Msg::AboutConcentration), Performance, |_| view! { <ConcentrationPage/> }.into_any();
    Views: "/customer-views", PageViews, Some(Msg::AboutViews), Performance, |_| view! { <ViewsPage/> }.into_any();
    Rfm: "/rfm", PageRfm, Some(Msg::AboutRfm), Performance, |_| view! { <RfmPage/> }.into_any();
    Cohorts: "/cohorts", PageCohorts, Some(Msg::AboutCohorts), Performance, |_| view! { <CohortsPage/> }.into_any();
    Profitability: "/profitability", PageProfitability, Some(Msg::AboutProfitability), Value, |_| view! { <ProfitabilityPage/> }.into_any();
    LifetimeValue: "/lifetime-value", PageLifetimeValue, Some(Msg::AboutLifetimeValue), Value, |_| view! { <LifetimeValuePage/> }.into_any();
    Breakeven: "/breakeven", PageBreakeven, Some(Msg::AboutBreakeven), Value, |_| view! { <BreakevenPage/> }.into_any();
    Interviews: "/interviews", PageInterviews, Some(Msg::AboutInterviews), Planning, |_| view! { <InterviewsPage/> }.into_any();
    Goals: "/goals", PageGoals, Some(Msg::AboutGoals), Planning, |_| view! { <GoalsPage/> }.into_any();
    ContactPlan: "/contact-plan", PageContactPlan, Some(Msg::AboutContactPlan), Planning, |_| view! { <ContactPlanPage/> }.into_any();
    Scorecard: "/scorecard", PageScorecard, Some(Msg::AboutScorecard), Planning, |_| view! { <ScorecardPage/> }.into_any();
    Actions: "/actions", PageActions, Some(Msg::AboutActions), Planning, |_| view! { <ActionsPage/> }.into_any();
    BoardPack: "/board-pack", PageBoardPack, Some(Msg::AboutBoardPack), Planning, |_| view! { <BoardPackPage/> }.into_any();
    CustomerFocus: "/customer-focus", PageCustomerFocus, Some(Msg::AboutCustomerFocus), Focus, |_| view! { <CustomerFocusPage/> }.into_any();
}

/// The title and one-line purpose every page opens with.
#[leptos::component]
pub fn PageIntro(page: Page) -> impl leptos::IntoView {
    use leptos::prelude::*;
    let i18n = crate::ui::i18n::use_i18n();
    view! {
        <h1>{move || i18n.t(page.title())}</h1>
        {page.about().map(|about| view! { <p class="lead">{move || i18n.t(about)}</p> })}
    }
}

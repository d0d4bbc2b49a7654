//! Every page of the product, in the method's terms, and where each lives.

mod cohorts;
mod coming;
mod concentration;
mod customer;
mod data;
mod flows;
mod home;
mod methods;
mod migration;
mod pyramid;
mod rfm;
pub mod summary;
mod views;

use cohorts::CohortsPage;
use coming::ComingPage;
use concentration::ConcentrationPage;
pub use customer::CustomerPage;
use data::DataPage;
use flows::FlowsPage;
use home::HomePage;
use methods::MethodsPage;
use migration::MigrationPage;
use pyramid::PyramidPage;
use rfm::RfmPage;
use views::ViewsPage;

use crate::i18n::Msg;

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

/// A page of the app: its URL, its name and its place in the navigation.
#[derive(Copy, Clone, Debug, PartialEq, Eq)]
pub enum Page {
    Home,
    Data,
    Methods,
    Pyramid,
    Migration,
    Flows,
    Concentration,
    Views,
    Rfm,
    Cohorts,
    Profitability,
    LifetimeValue,
    Breakeven,
    Interviews,
    Goals,
    ContactPlan,
    Scorecard,
    Actions,
    CustomerFocus,
}

impl Page {
    pub const ALL: [Page; 19] = [
        Page::Home,
        Page::Data,
        Page::Methods,
        Page::Pyramid,
        Page::Migration,
        Page::Flows,
        Page::Concentration,
        Page::Views,
        Page::Rfm,
        Page::Cohorts,
        Page::Profitability,
        Page::LifetimeValue,
        Page::Breakeven,
        Page::Interviews,
        Page::Goals,
        Page::ContactPlan,
        Page::Scorecard,
        Page::Actions,
        Page::CustomerFocus,
    ];

    /// The page's URL path below the app's base.
    pub fn path(self) -> &'static str {
        match self {
            Page::Home => "/",
            Page::Data => "/data",
            Page::Methods => "/methods",
            Page::Pyramid => "/pyramid",
            Page::Migration => "/migration",
            Page::Flows => "/flows",
            Page::Concentration => "/concentration",
            Page::Views => "/customer-views",
            Page::Rfm => "/rfm",
            Page::Cohorts => "/cohorts",
            Page::Profitability => "/profitability",
            Page::LifetimeValue => "/lifetime-value",
            Page::Breakeven => "/breakeven",
            Page::Interviews => "/interviews",
            Page::Goals => "/goals",
            Page::ContactPlan => "/contact-plan",
            Page::Scorecard => "/scorecard",
            Page::Actions => "/actions",
            Page::CustomerFocus => "/customer-focus",
        }
    }

    pub fn title(self) -> Msg {
        match self {
            Page::Home => Msg::PageHome,
            Page::Data => Msg::PageData,
            Page::Methods => Msg::PageMethods,
            Page::Pyramid => Msg::PagePyramid,
            Page::Migration => Msg::PageMigration,
            Page::Flows => Msg::PageFlows,
            Page::Concentration => Msg::PageConcentration,
            Page::Views => Msg::PageViews,
            Page::Rfm => Msg::PageRfm,
            Page::Cohorts => Msg::PageCohorts,
            Page::Profitability => Msg::PageProfitability,
            Page::LifetimeValue => Msg::PageLifetimeValue,
            Page::Breakeven => Msg::PageBreakeven,
            Page::Interviews => Msg::PageInterviews,
            Page::Goals => Msg::PageGoals,
            Page::ContactPlan => Msg::PageContactPlan,
            Page::Scorecard => Msg::PageScorecard,
            Page::Actions => Msg::PageActions,
            Page::CustomerFocus => Msg::PageCustomerFocus,
        }
    }

    /// What the page is for, in one sentence.
    pub fn about(self) -> Option<Msg> {
        match self {
            Page::Home | Page::Data | Page::Methods => None,
            Page::Pyramid => Some(Msg::AboutPyramid),
            Page::Migration => Some(Msg::AboutMigration),
            Page::Flows => Some(Msg::AboutFlows),
            Page::Concentration => Some(Msg::AboutConcentration),
            Page::Views => Some(Msg::AboutViews),
            Page::Rfm => Some(Msg::AboutRfm),
            Page::Cohorts => Some(Msg::AboutCohorts),
            Page::Profitability => Some(Msg::AboutProfitability),
            Page::LifetimeValue => Some(Msg::AboutLifetimeValue),
            Page::Breakeven => Some(Msg::AboutBreakeven),
            Page::Interviews => Some(Msg::AboutInterviews),
            Page::Goals => Some(Msg::AboutGoals),
            Page::ContactPlan => Some(Msg::AboutContactPlan),
            Page::Scorecard => Some(Msg::AboutScorecard),
            Page::Actions => Some(Msg::AboutActions),
            Page::CustomerFocus => Some(Msg::AboutCustomerFocus),
        }
    }

    /// What the page draws. A page whose analysis has not landed says so (`ComingPage`).
    pub fn view(self) -> leptos::prelude::AnyView {
        use leptos::prelude::*;
        match self {
            Page::Home => view! { <HomePage/> }.into_any(),
            Page::Data => view! { <DataPage/> }.into_any(),
            Page::Methods => view! { <MethodsPage/> }.into_any(),
            Page::Pyramid => view! { <PyramidPage/> }.into_any(),
            Page::Migration => view! { <MigrationPage/> }.into_any(),
            Page::Flows => view! { <FlowsPage/> }.into_any(),
            Page::Concentration => view! { <ConcentrationPage/> }.into_any(),
            Page::Views => view! { <ViewsPage/> }.into_any(),
            Page::Rfm => view! { <RfmPage/> }.into_any(),
            Page::Cohorts => view! { <CohortsPage/> }.into_any(),
            Page::Profitability
            | Page::LifetimeValue
            | Page::Breakeven
            | Page::Interviews
            | Page::Goals
            | Page::ContactPlan
            | Page::Scorecard
            | Page::Actions
            | Page::CustomerFocus => view! { <ComingPage page=self/> }.into_any(),
        }
    }

    pub fn group(self) -> Group {
        match self {
            Page::Home | Page::Data | Page::Methods => Group::Start,
            Page::Pyramid
            | Page::Migration
            | Page::Flows
            | Page::Concentration
            | Page::Views
            | Page::Rfm
            | Page::Cohorts => Group::Performance,
            Page::Profitability | Page::LifetimeValue | Page::Breakeven => Group::Value,
            Page::Interviews | Page::Goals | Page::ContactPlan | Page::Scorecard | Page::Actions => Group::Planning,
            Page::CustomerFocus => Group::Focus,
        }
    }
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

//! The shell of an analysis page: its intro, the filter bar, the page's own controls and the
//! answer in each of its states (`answer::show`), drawn by the page's `draw` once it is ready.
//! A page file is this shell and its drawing; see "Adding an analysis page" in ARCHITECTURE.md.

use super::answer::{show_answer, Answer};
use super::filters::{FilterBar, Filters};
use crate::ui::pages::{Page, PageIntro};
use leptos::prelude::*;

/// A second view beside the answer (the pyramid's comparison): while `shown`, the two share a
/// row of the `side-by-side` grid.
pub struct Beside {
    pub shown: Signal<bool>,
    pub view: ViewFn,
}

#[component]
pub fn AnalysisPage<T, V>(
    page: Page,
    /// The filter bar's filters. Without them the page analyses no ledger (breakeven): no filter
    /// bar, and its answer is drawn whether a ledger is loaded or not.
    #[prop(optional)]
    filters: Option<Filters>,
    answer: LocalResource<Answer<T>>,
    /// Draws the ready answer.
    draw: impl Fn(T) -> V + Send + Sync + 'static,
    /// The filter bar's pyramid cut-offs.
    #[prop(optional)]
    cut_offs: bool,
    /// The page shows every period at once, so the filter bar has no period picker.
    #[prop(optional)]
    every_period: bool,
    /// The page's own controls, between the filter bar and the answer. Like `after`, drawn again
    /// when a signal it reads changes (the RFM page's way back reads the answer).
    #[prop(optional, into)]
    controls: Option<ViewFn>,
    #[prop(optional)] beside: Option<Beside>,
    /// What follows the answer, whatever its state.
    #[prop(optional, into)]
    after: Option<ViewFn>,
) -> impl IntoView
where
    T: Clone + 'static,
    V: IntoView + 'static,
{
    let slug = page.path().trim_start_matches('/');
    let shown = show_answer(answer, filters.is_some(), draw);
    let body = match beside {
        None => shown.into_any(),
        Some(Beside { shown: compared, view }) => view! {
            <div class="side-by-side" class:compared=move || compared.get()>
                {shown}
                {move || compared.get().then(|| view.run())}
            </div>
        }
        .into_any(),
    };
    view! {
        <section class=format!("page page-{slug}") data-page=page.path()>
            <PageIntro page/>
            {filters.map(|filters| view! { <FilterBar filters cut_offs every_period/> })}
            {move || controls.as_ref().map(ViewFn::run)}
            {body}
            {move || after.as_ref().map(ViewFn::run)}
        </section>
    }
}

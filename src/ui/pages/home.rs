//! The overview: what Clientele does, the privacy promise, and the one-click demo.

use super::Page;
use crate::i18n::Msg;
use crate::ui::app::LoadSampleButton;
use crate::ui::i18n::use_i18n;
use leptos::prelude::*;
use leptos_router::components::A;

#[component]
pub fn HomePage() -> impl IntoView {
    let i18n = use_i18n();
    view! {
        <section class="page page-home" data-page=Page::Home.path()>
            <h1>{move || i18n.t(Msg::HomeTitle)}</h1>
            <p class="lead">{move || i18n.t(Msg::HomeIntro)}</p>
            <div class="card card-privacy">
                <p>{move || i18n.t(Msg::HomePrivacy)}</p>
            </div>
            <div class="actions">
                <LoadSampleButton/>
                <A href=Page::Data.path() attr:class="button button-secondary">{move || i18n.t(Msg::GoToData)}</A>
            </div>
            <p class="hint">{move || i18n.t(Msg::SampleExplained)}</p>
        </section>
    }
}

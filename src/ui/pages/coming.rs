//! The honest placeholder for a page whose analysis has not landed: it says what the page
//! will do and shows no numbers.

use super::{Page, PageIntro};
use crate::i18n::Msg;
use crate::ui::i18n::use_i18n;
use leptos::prelude::*;

#[component]
pub fn ComingPage(page: Page) -> impl IntoView {
    let i18n = use_i18n();
    view! {
        <section class="page" data-page=page.path()>
            <PageIntro page/>
            <div class="card card-coming" role="note">
                <h2>{move || i18n.t(Msg::ComingTitle)}</h2>
                <p>{move || i18n.t(Msg::ComingText)}</p>
            </div>
        </section>
    }
}

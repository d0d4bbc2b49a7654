//! The Methods page: how every number is made, from the same docs/ the repository has
//! (rendered to HTML by build.rs).

use super::Page;
use crate::i18n::{Locale, Msg};
use crate::ui::i18n::use_i18n;
use leptos::prelude::*;

const METHOD_NOTES: &str = include_str!(concat!(env!("OUT_DIR"), "/method-notes.html"));
const IMPORT: &str = include_str!(concat!(env!("OUT_DIR"), "/import.html"));
const LIFETIME_VALUE: &str = include_str!(concat!(env!("OUT_DIR"), "/lifetime-value.html"));
const WAREHOUSE: &str = include_str!(concat!(env!("OUT_DIR"), "/warehouse.html"));
const CUSTOMER_FOCUS: &str = include_str!(concat!(env!("OUT_DIR"), "/customer-focus.html"));
const CONTACT_PLANNING: &str = include_str!(concat!(env!("OUT_DIR"), "/contact-planning.html"));
const PLANNING: &str = include_str!(concat!(env!("OUT_DIR"), "/planning.html"));
const SCORECARD: &str = include_str!(concat!(env!("OUT_DIR"), "/scorecard.html"));
const ACTIONS: &str = include_str!(concat!(env!("OUT_DIR"), "/actions.html"));

#[component]
pub fn MethodsPage() -> impl IntoView {
    let i18n = use_i18n();
    view! {
        <section class="page page-methods" data-page=Page::Methods.path()>
            <h1>{move || i18n.t(Msg::PageMethods)}</h1>
            {move || (i18n.locale() != Locale::En).then(|| view! { <p class="note">{i18n.t(Msg::MethodsInEnglish)}</p> })}
            // Our own documentation, compiled in: no user data ever reaches inner_html.
            <article class="card doc" inner_html=METHOD_NOTES></article>
            <article class="card doc" inner_html=IMPORT></article>
            <article class="card doc" inner_html=LIFETIME_VALUE></article>
            <article class="card doc" inner_html=WAREHOUSE></article>
            <article class="card doc" inner_html=CUSTOMER_FOCUS></article>
            <article class="card doc" inner_html=PLANNING></article>
            <article class="card doc" inner_html=CONTACT_PLANNING></article>
            <article class="card doc" inner_html=SCORECARD></article>
            <article class="card doc" inner_html=ACTIONS></article>
        </section>
    }
}

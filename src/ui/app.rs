//! The shell every page shares: header, navigation in the method's terms, routes.

use super::components::print::PrintFrame;
use super::i18n::{use_i18n, I18n};
use super::pages::{CustomerPage, Group, Page};
use super::workspace::{use_workspace, Workspace};
use crate::i18n::{Locale, Msg, WorkerMsg};
use crate::protocol::StorageNote;
use leptos::children::ToChildren;
use leptos::prelude::*;
use leptos::tachys::view::iterators::StaticVec;
use leptos_router::components::{Route, RouteChildren, RouteProps, Router, Routes, RoutesProps, A};
use leptos_router::hooks::use_navigate;
use leptos_router::{path, NavigateOptions, StaticSegment};

#[component]
pub fn App() -> impl IntoView {
    let i18n = I18n::provide();
    Workspace::provide();
    view! {
        <Router base=base_path()>
            <a class="skip-link" href="#main">{move || i18n.t(Msg::SkipToContent)}</a>
            <Header/>
            // Outside <main>, so that the page's own tables are the only ones in it.
            <PrintFrame>
            <div class="layout">
                <Navigation/>
                <main id="main" class="main" tabindex="-1">
                    <PageRoutes/>
                    <footer class="footer">{move || i18n.t(Msg::PrivacyFooter)}</footer>
                </main>
            </div>
            </PrintFrame>
        </Router>
    }
}

/// A route per page of `Page::ALL`, at its path (a path is written once, in `Page::path`), and
/// the customer pages. Built without `view!`, whose children must be written out one by one.
#[component]
fn PageRoutes() -> impl IntoView {
    let route =
        |page: Page| Route(RouteProps::builder().path(StaticSegment(page.path())).view(move || page.view()).build());
    let pages = StaticVec::from(Page::ALL.map(route).to_vec());
    let customer = Route(RouteProps::builder().path(path!("/customers/:key")).view(CustomerPage).build());
    let children = RouteChildren::to_children(move || (pages, customer));
    Routes(RoutesProps::builder().fallback(|| view! { <NotFound/> }).children(children).build())
}

/// The path the app is served under, from `<base href>` (Trunk's `--public-url`), without the
/// trailing slash: empty when served at the root.
pub fn base_path() -> String {
    let base = document().base_uri().ok().flatten().unwrap_or_default();
    let path = web_sys::Url::new(&base).map(|u| u.pathname()).unwrap_or_default();
    path.trim_end_matches('/').to_string()
}

#[component]
fn Header() -> impl IntoView {
    let i18n = use_i18n();
    let workspace = use_workspace();
    view! {
        <header class="header">
            <A href="/" attr:class="brand">
                <img src="icons/icon.svg" alt="" width="28" height="28"/>
                <span class="brand-name">"Clientele"</span>
                <span class="brand-tagline">{move || i18n.t(Msg::AppTagline)}</span>
            </A>
            <span class="workspace-status" data-testid="workspace-status">
                {move || match workspace.loaded() {
                    Some(loaded) => loaded.title(i18n),
                    None if workspace.is_ready() => i18n.t(Msg::WorkspaceEmpty).to_string(),
                    None => i18n.t(Msg::WorkspaceOpening).to_string(),
                }}
            </span>
            <SaveStatus/>
            <label class="locale">
                <span>{move || i18n.t(Msg::Language)}</span>
                <select on:change=move |ev| {
                    if let Some(locale) = Locale::from_tag(&event_target_value(&ev)) {
                        i18n.set_locale(locale);
                    }
                }>
                    {Locale::ALL.into_iter().map(|l| view! {
                        <option value=l.tag() selected=move || i18n.locale() == l>{l.native_name()}</option>
                    }).collect_view()}
                </select>
            </label>
        </header>
        {move || workspace.lost().map(|loss| view! {
            <p class="banner banner-warning" role="alert" data-testid="engine-lost">{move || i18n.t(loss.message())}</p>
        })}
    }
}

/// "Saving workspace…" while the worker writes it to storage (a reload now would lose it), then
/// "Saved".
#[component]
fn SaveStatus() -> impl IntoView {
    let i18n = use_i18n();
    let workspace = use_workspace();
    let state = move || match (workspace.is_saving(), workspace.storage()) {
        (true, _) => Some(WorkerMsg::Saving),
        (false, Some(StorageNote::Saved)) => Some(WorkerMsg::Saved),
        _ => None,
    };
    move || {
        state().map(|msg| view! { <span class="save-status" role="status" data-testid="save-status">{move || i18n.t(msg)}</span> })
    }
}

#[component]
fn Navigation() -> impl IntoView {
    let i18n = use_i18n();
    view! {
        <nav class="nav" aria-label=move || i18n.t(Msg::MainNavigation)>
            {Group::ALL.into_iter().map(|group| view! {
                <div class="nav-group">
                    <h2 class="nav-group-title">{move || i18n.t(group.title())}</h2>
                    <ul>
                        {Page::ALL.into_iter().filter(|p| p.group() == group).map(|page| view! {
                            <li><A href=page.path() exact=true>{move || i18n.t(page.title())}</A></li>
                        }).collect_view()}
                    </ul>
                </div>
            }).collect_view()}
        </nav>
    }
}

/// Loads the sample ledger and opens the Data page to show what was loaded.
#[component]
pub fn LoadSampleButton() -> impl IntoView {
    let i18n = use_i18n();
    let workspace = use_workspace();
    let navigate = use_navigate();
    view! {
        <button type="button" class="button button-primary" data-testid="try-sample" on:click=move |_| {
            workspace.load_sample();
            navigate(Page::Data.path(), NavigateOptions::default());
        }>
            {move || i18n.t(Msg::TrySample)}
        </button>
    }
}

#[component]
fn NotFound() -> impl IntoView {
    let i18n = use_i18n();
    view! {
        <section class="page">
            <h1>{move || i18n.t(Msg::NotFoundTitle)}</h1>
            <p>{move || i18n.t(Msg::NotFoundText)}</p>
        </section>
    }
}

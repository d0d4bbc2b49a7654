//! The "add to actions" control, one for every page that lists customers: a button that opens
//! a small form (what, owner, start, due, expected revenue) pre-filled with a suggested "what"
//! in the user's language, for the whole list as the page shows it with its filters (its keys
//! asked from the engine, `actions::listed`, not only the rows drawn) or for a pyramid level.

use super::answer::reason_words;
use super::print::today;
use crate::engine::actions::listed::{Listed, ListedRequest};
use crate::engine::actions::{ActionDraft, ActionEdit, Origin, Target};
use crate::engine::pyramid::Level;
use crate::engine::session::analysis::AnalysisResponse;
use crate::engine::session::{Request, Response};
use crate::i18n::failure::describe;
use crate::i18n::{ActionsMsg as A, FocusMsg as F};
use crate::ui::components::answer::level_name;
use crate::ui::engine::ask;
use crate::ui::i18n::{use_i18n, I18n};
use crate::ui::pages::Page;
use leptos::prelude::*;
use leptos::task::spawn_local;
use leptos_router::components::A as Link;

/// Whom the action will be for.
#[derive(Clone, Debug)]
pub enum ListTarget {
    /// A list the page shows: the engine gives its customers whole.
    Listed(Listed),
    /// The customers of a pyramid level at the action's start.
    Level(Level),
}

/// The form as typed; `keys` are the list's customers.
#[derive(Clone, Debug, Default)]
struct Form {
    keys: Vec<String>,
    what: String,
    owner: String,
    start: String,
    due: String,
    expected: String,
}

#[derive(Copy, Clone, Debug, PartialEq, Eq)]
enum Stage {
    Closed,
    Asking,
    Open,
    Added,
}

#[component]
pub fn AddAction(
    target: ListTarget,
    origin: Origin,
    /// The suggested "what" for the list's number of customers, in the user's language.
    suggest: Callback<usize, String>,
    /// Names the control for the tests: `add-action-{name}`.
    #[prop(into)]
    name: String,
) -> impl IntoView {
    let i18n = use_i18n();
    let stage = RwSignal::new(Stage::Closed);
    let form = RwSignal::new(Form::default());
    let problem = RwSignal::new(None::<String>);
    let target = StoredValue::new(target);
    let testid = format!("add-action-{name}");
    let name = StoredValue::new(name);
    let opened = move |keys: Vec<String>| {
        form.set(Form { what: suggest.run(keys.len()), keys, start: today().to_string(), ..Form::default() });
        stage.set(Stage::Open);
    };
    let open = move |_| {
        problem.set(None);
        match target.get_value() {
            ListTarget::Level(_) => opened(Vec::new()),
            ListTarget::Listed(listed) => {
                stage.set(Stage::Asking);
                spawn_local(async move { keys_of(listed, i18n, opened, problem, stage).await });
            }
        }
    };
    let add = move |_| {
        let typed = form.get_untracked();
        let target = match target.get_value() {
            ListTarget::Level(level) => Target::Level(level),
            ListTarget::Listed(_) => Target::Customers(typed.keys),
        };
        let draft = ActionDraft {
            what: typed.what,
            target,
            owner: typed.owner,
            start: typed.start,
            due: typed.due,
            expected_revenue: typed.expected,
            origin,
            created: Some(today()),
        };
        spawn_local(async move {
            match ask(Request::EditActions(ActionEdit::Add(vec![draft]))).await {
                Response::ActionsSaved(_) => stage.set(Stage::Added),
                Response::Failed(failure) => problem.set(Some(describe(&failure, i18n.locale()))),
                _ => {}
            }
        });
    };
    view! {
        <div class="add-action" data-testid=testid>
            {move || match stage.get() {
                Stage::Closed | Stage::Added => view! {
                    <button type="button" class="button button-secondary button-small" data-testid=format!("add-action-open-{}", name.get_value()) on:click=open>
                        {move || i18n.t(A::AddToActions)}
                    </button>
                    {(stage.get() == Stage::Added).then(|| view! {
                        <p class="hint" role="status" data-testid="action-added">
                            {move || i18n.t(A::Added)}" "<Link href=Page::Actions.path()>{move || i18n.t(A::SeeActions)}</Link>
                        </p>
                    })}
                }.into_any(),
                Stage::Asking => view! { <p class="hint" role="status">{move || i18n.t(A::Asking)}</p> }.into_any(),
                Stage::Open => view! { <ActionForm form target=target.get_value() add cancel=move |_| stage.set(Stage::Closed)/> }.into_any(),
            }}
            {move || problem.get().map(|text| view! { <p class="error" role="alert">{text}</p> })}
        </div>
    }
}

/// Asks the list's keys and opens the form with them.
async fn keys_of(
    listed: Listed,
    i18n: I18n,
    opened: impl Fn(Vec<String>),
    problem: RwSignal<Option<String>>,
    stage: RwSignal<Stage>,
) {
    match ask(Request::Analysis(ListedRequest(listed).into())).await {
        Response::Analysis(AnalysisResponse::Listed(list)) => return opened(list.keys),
        Response::Analysis(AnalysisResponse::Empty(reason)) => problem.set(Some(reason_words(i18n, reason))),
        Response::Failed(failure) => problem.set(Some(describe(&failure, i18n.locale()))),
        _ => {}
    }
    stage.set(Stage::Closed);
}

#[component]
fn ActionForm(
    form: RwSignal<Form>,
    target: ListTarget,
    add: impl Fn(leptos::ev::MouseEvent) + 'static,
    cancel: impl Fn(leptos::ev::MouseEvent) + 'static,
) -> impl IntoView {
    let i18n = use_i18n();
    let whom = move || match &target {
        ListTarget::Listed(_) => {
            i18n.t(A::ForCustomers).replace("{n}", &i18n.locale().count(form.with(|f| f.keys.len())))
        }
        ListTarget::Level(level) => i18n.t(A::ForLevel).replace("{level}", i18n.t(level_name(*level))),
    };
    let field = move |label: F, kind: &'static str, testid: &'static str, pick: fn(&mut Form) -> &mut String| {
        view! {
            <label class="field">
                <span>{move || i18n.t(label)}</span>
                <input type=kind data-testid=format!("action-form-{testid}")
                    prop:value=move || form.with(|f| { let mut f = f.clone(); pick(&mut f).clone() })
                    on:input=move |ev| form.update(|f| *pick(f) = event_target_value(&ev))/>
            </label>
        }
    };
    view! {
        <form class="card action-form" data-testid="action-form" on:submit=|ev| ev.prevent_default()>
            <h3>{move || i18n.t(A::FormTitle)}</h3>
            <p class="hint" data-testid="action-form-whom">{whom}</p>
            <div class="form-grid">
                {field(F::What, "text", "what", |f| &mut f.what)}
                {field(F::Owner, "text", "owner", |f| &mut f.owner)}
                {field(F::Start, "date", "start", |f| &mut f.start)}
                {field(F::Due, "date", "due", |f| &mut f.due)}
                {field(F::ExpectedRevenue, "text", "expected", |f| &mut f.expected)}
            </div>
            <div class="actions">
                <button type="button" class="button button-primary" data-testid="action-form-add" on:click=add>{move || i18n.t(A::Add)}</button>
                <button type="button" class="button button-secondary" on:click=cancel>{move || i18n.t(A::Cancel)}</button>
            </div>
        </form>
    }
}

/// The suggestion `msg` with `{n}` the list's count and each `{name}` of `fills` filled in.
pub fn suggestion(i18n: I18n, msg: A, fills: Vec<(&'static str, String)>) -> Callback<usize, String> {
    Callback::new(move |n: usize| {
        let text = i18n.t(msg).replace("{n}", &i18n.locale().count(n));
        fills.iter().fold(text, |text, (name, value)| text.replace(&format!("{{{name}}}"), value))
    })
}

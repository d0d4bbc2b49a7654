//! A form's customer field: the user types part of a key or name and picks one of the ledger's
//! customers the engine finds (`CustomerSearchRequest`) from the field's list; whatever is typed
//! is the value (a key the ledger lacks is a prospect, flagged where it matters).

use crate::engine::session::analysis::{AnalysisResponse, CustomerRef, CustomerSearchRequest};
use crate::engine::session::{Request, Response};
use crate::ui::engine::ask;
use leptos::prelude::*;
use leptos::task::spawn_local;

#[component]
pub fn CustomerPicker(value: RwSignal<String>, id: &'static str, label: Signal<String>) -> impl IntoView {
    let found = RwSignal::new(Vec::<CustomerRef>::new());
    let search = move |text: String| {
        spawn_local(async move {
            let request = Request::Analysis(CustomerSearchRequest { text }.into());
            if let Response::Analysis(AnalysisResponse::CustomerSearch(list)) = ask(request).await {
                found.set(list);
            }
        })
    };
    let list = format!("{id}-list");
    view! {
        <label class="field">
            <span>{label}</span>
            <input type="text" list=list.clone() data-testid=id prop:value=move || value.get()
                on:input=move |ev| {
                    let text = event_target_value(&ev);
                    value.set(text.clone());
                    search(text);
                }/>
        </label>
        <datalist id=list>
            {move || found.get().into_iter().map(|c| {
                let shown = c.name.clone().map_or_else(|| c.key.clone(), |n| format!("{n} ({})", c.key));
                view! { <option value=c.key>{shown}</option> }
            }).collect_view()}
        </datalist>
    }
}

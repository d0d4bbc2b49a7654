//! The summary table of a loaded ledger (Data page and overview).

use crate::engine::summary::Summary;
use crate::i18n::Msg;
use crate::ui::i18n::use_i18n;
use leptos::prelude::*;

#[component]
pub fn SummaryTable(summary: Summary, caption: Msg) -> impl IntoView {
    let i18n = use_i18n();
    let rows = move || {
        let l = i18n.locale();
        let date = |d: Option<_>| d.map(|d| l.date(d)).unwrap_or_default();
        vec![
            (Msg::SummaryLines, l.count(summary.lines)),
            (Msg::SummaryCustomers, l.count(summary.customers)),
            (Msg::SummaryProducts, summary.products.map(|p| l.count(p)).unwrap_or_default()),
            (Msg::SummaryFirstDate, date(summary.first_day)),
            (Msg::SummaryLastDate, date(summary.last_day)),
            (Msg::SummaryRevenue, l.money(summary.revenue)),
            (Msg::SummaryCreditNotes, l.count(summary.credit_notes)),
            (Msg::SummaryCredited, l.money(summary.credited)),
        ]
    };
    view! {
        <table class="table table-summary">
            <caption>{move || i18n.t(caption)}</caption>
            <thead>
                <tr><th scope="col">{move || i18n.t(Msg::Figure)}</th><th scope="col" class="num">{move || i18n.t(Msg::Value)}</th></tr>
            </thead>
            <tbody>
                {move || rows().into_iter().map(|(label, value)| view! {
                    <tr><th scope="row">{i18n.t(label)}</th><td class="num">{value}</td></tr>
                }).collect_view()}
            </tbody>
        </table>
    }
}

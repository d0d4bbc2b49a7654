//! Customer lifetime value (issue 14): the purchase history a probabilistic model reads, the BG/NBD and
//! Pareto/NBD models of repeat purchases, the Gamma-Gamma model of spend, and lifetime value itself,
//! simple and discounted. `docs/lifetime-value.md` states every definition and convention.

pub mod bg_nbd;
pub mod fit;
pub mod gamma_gamma;
pub mod holdout;
pub mod hypergeometric;
pub mod lifetime_value;
pub mod pareto_nbd;
pub mod purchase_history;
pub mod request;

#[cfg(test)]
pub(crate) mod cdnow;

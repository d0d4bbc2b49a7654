//! The engine: parsing, the ledger model and every analysis of the method. Plain Rust with no
//! browser types, so it is tested natively and runs unchanged in the browser's worker.

pub mod actions;
pub mod breakeven;
pub mod clv;
pub mod cohorts;
pub mod concentration;
pub mod cost_pools;
pub mod customer;
pub mod customer_focus;
pub mod date;
pub mod flows;
pub mod import;
pub mod ledger;
pub mod lessons;
pub mod limits;
pub mod migration;
pub mod money;
pub mod period;
pub mod profitability;
pub mod pyramid;
pub mod revenue;
pub mod rfm;
pub mod sample;
pub mod scope;
pub mod session;
pub mod sheets;
pub mod stats;
pub mod summary;
pub mod views;
pub mod warehouse;
pub mod whale;

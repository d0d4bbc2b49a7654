//! The engine: parsing, the ledger model and every analysis of the method. Plain Rust with no
//! browser types, so it is tested natively and runs unchanged in the browser's worker.

pub mod date;
pub mod ledger;
pub mod money;
pub mod period;
pub mod sample;
pub mod summary;

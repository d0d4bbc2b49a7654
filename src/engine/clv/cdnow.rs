//! The CDNOW sample for the tests (tests/data/README.md): 2,357 customers' CD purchases from
//! 1997-01-01 to 1998-06-30, as the ledger CSV `tests/data/cdnow_sample.csv` read by the importer.

use super::purchase_history::{CustomerHistory, PurchaseHistory, TimeUnit};
use crate::engine::date::Day;
use crate::engine::import::{import_files, ImportOptions, InputFile};
use crate::engine::ledger::{CustomerId, Ledger};
use crate::engine::money::Money;
use std::sync::OnceLock;

pub fn ledger() -> Ledger {
    let path = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/data/cdnow_sample.csv");
    let bytes = std::fs::read(path).unwrap_or_else(|e| panic!("{path}: {e}"));
    let file = InputFile { name: path, bytes: &bytes };
    import_files(&[file], &ImportOptions::default(), &mut |_| true).unwrap_or_else(|e| panic!("{e}")).ledger
}

/// The papers' calibration: 39 weeks, to 1997-09-30, in weeks.
pub fn calibration() -> PurchaseHistory {
    static HISTORY: OnceLock<PurchaseHistory> = OnceLock::new();
    let end = Day::from_ymd(1997, 9, 30).unwrap_or(Day::from_number(0));
    HISTORY.get_or_init(|| PurchaseHistory::of(&ledger(), end, TimeUnit::Week)).clone()
}

/// A customer measured in days, expressed in weeks (as the papers' CDNOW figures are).
pub fn customer(x: u32, t_x_days: f64, t_days: f64) -> CustomerHistory {
    let (t_x, t) = (t_x_days / 7.0, t_days / 7.0);
    CustomerHistory { customer: CustomerId::from_index(0), x, t_x, t, repeat_spend: Money::ZERO }
}

//! Purchases (RFM frequency and the customer page) when invoice cells are blank: a blank
//! invoice counts like a line without an invoice, by its day (docs/method-notes.md, RFM).

use clientele::engine::customer::CustomerRequest;
use clientele::engine::import::{import_files, ImportOptions, InputFile};
use clientele::engine::ledger::Ledger;
use clientele::engine::period::Period;
use clientele::engine::rfm::{RfmRequest, RfmSettings};
use clientele::engine::session::analysis::{AnalysisCache, AnalysisRequest, AnalysisResponse, Selection};

fn ledger_of(files: &[(&str, &str)]) -> Ledger {
    let inputs: Vec<InputFile<'_>> =
        files.iter().map(|(name, text)| InputFile { name, bytes: text.as_bytes() }).collect();
    let imported = import_files(&inputs, &ImportOptions::default(), &mut |_| true).unwrap();
    assert_eq!(imported.report.error_count(), 0);
    imported.ledger
}

/// A's purchases per period on the customer page, oldest period first.
fn customer_purchases(ledger: &Ledger, key: &str) -> Vec<(i32, u32)> {
    let request = AnalysisRequest::Customer(CustomerRequest { selection: Selection::default(), key: key.into() });
    let AnalysisResponse::Customer(detail) = AnalysisCache::default().answer(ledger, request) else {
        panic!("no customer {key}")
    };
    detail.periods.iter().map(|p| (p.period.label_year(), p.purchases)).collect()
}

/// The RFM frequency of a customer over the default two-period window ending in `year`.
fn rfm_frequency(ledger: &Ledger, year: i32, key: &str) -> u32 {
    let mut cache = AnalysisCache::default();
    for segment in clientele::engine::rfm::Segment::ALL {
        let request = AnalysisRequest::Rfm(RfmRequest {
            selection: Selection::default(),
            period: Some(Period::starting_in(year)),
            settings: RfmSettings::default(),
            segment: Some(segment),
        });
        let AnalysisResponse::Rfm(view) = cache.answer(ledger, request) else { panic!("no RFM for {year}") };
        if let Some(row) = view.customers.items.iter().find(|r| r.customer.key == key) {
            return row.frequency;
        }
    }
    panic!("{key} is in no segment")
}

#[test]
fn blank_invoice_cells_count_by_their_day() {
    // Four positive lines on four different days, every invoice cell blank: 4 purchases, not 1.
    let ledger = ledger_of(&[(
        "blank.csv",
        "customer,date,amount,invoice\nA,2024-01-10,10.00,\nA,2024-02-10,10.00,\nA,2024-03-10,10.00,\" \"\nA,2024-04-10,10.00,\nB,2024-01-10,5.00,I9\n",
    )]);
    assert_eq!(customer_purchases(&ledger, "A"), vec![(2024, 4)]);
    assert_eq!(rfm_frequency(&ledger, 2024, "A"), 4);
}

#[test]
fn a_file_without_invoices_next_to_one_with_them() {
    // A: invoices I1 (2024-05-01) and I2 (2024-06-01) in the first file, 2 purchases in 2024;
    // three days in 2025 in the second file, which has no invoice column: 3 purchases in 2025.
    // RFM's two-year window ending 2025 counts 2 + 3 = 5.
    let ledger = ledger_of(&[
        ("2024.csv", "customer,date,amount,invoice\nA,2024-05-01,100.00,I1\nA,2024-06-01,50.00,I2\n"),
        ("2025.csv", "customer,date,amount\nA,2025-03-01,10.00\nA,2025-06-01,20.00\nA,2025-09-01,30.00\n"),
    ]);
    assert_eq!(customer_purchases(&ledger, "A"), vec![(2024, 2), (2025, 3)]);
    assert_eq!(rfm_frequency(&ledger, 2025, "A"), 5);
}

//! Fitting BG/NBD, Pareto/NBD and Gamma-Gamma on 20,000 customers: the CDNOW sample's 2,357
//! customers (tests/data/cdnow_sample.csv) repeated under new ids until there are 20,000, each copy
//! one day later than the one before (so copies are not alike in T: the fits group alike customers),
//! calibrated to 1997-09-30 in weeks as in the papers.
//!
//! `cargo bench --bench lifetime_value`

use clientele::engine::clv::purchase_history::{PurchaseHistory, TimeUnit};
use clientele::engine::clv::{bg_nbd, gamma_gamma, pareto_nbd};
use clientele::engine::date::Day;
use clientele::engine::import::{import_files, ImportOptions, InputFile};
use clientele::engine::ledger::{Columns, Ledger, LedgerBuilder, LineExtras};
use criterion::{criterion_group, criterion_main, Criterion};
use std::hint::black_box;

const CUSTOMERS: usize = 20_000;

fn twenty_thousand_customers() -> Ledger {
    let bytes = std::fs::read(concat!(env!("CARGO_MANIFEST_DIR"), "/tests/data/cdnow_sample.csv")).unwrap_or_default();
    let file = InputFile { name: "cdnow_sample.csv", bytes: &bytes };
    let cdnow = import_files(&[file], &ImportOptions::default(), &mut |_| true).map(|i| i.ledger);
    let Ok(cdnow) = cdnow else { panic!("tests/data/cdnow_sample.csv does not import") };
    let mut b = LedgerBuilder::new(Columns::default());
    let copies = CUSTOMERS.div_ceil(cdnow.customer_count());
    for copy in 0..copies {
        for line in 0..cdnow.len() {
            let customer = cdnow.customers()[line];
            if copy * cdnow.customer_count() + customer.index() < CUSTOMERS {
                let key = format!("{copy}-{}", cdnow.customer_key(customer));
                let day = cdnow.dates()[line].add_days(copy as i32);
                b.push(&key, day, cdnow.amounts()[line], &LineExtras::default());
            }
        }
    }
    b.finish()
}

fn fits(c: &mut Criterion) {
    let ledger = twenty_thousand_customers();
    let end = Day::from_ymd(1997, 9, 30).unwrap_or(Day::from_number(0));
    let history = PurchaseHistory::of(&ledger, end, TimeUnit::Week);
    assert_eq!(history.customers.len(), CUSTOMERS);
    let mut group = c.benchmark_group("lifetime value, 20,000 customers");
    group.sample_size(10);
    group.bench_function("purchase history", |b| {
        b.iter(|| PurchaseHistory::of(black_box(&ledger), end, TimeUnit::Week))
    });
    group.bench_function("BG/NBD fit", |b| b.iter(|| bg_nbd::fit(black_box(&history))));
    group.bench_function("Pareto/NBD fit", |b| b.iter(|| pareto_nbd::fit(black_box(&history))));
    group.bench_function("Gamma-Gamma fit", |b| b.iter(|| gamma_gamma::fit(black_box(&history))));
    group.finish();
}

criterion_group!(benches, fits);
criterion_main!(benches);

//! Every analysis on a deterministic 1,000,000-line ledger (20,000 customers, five years,
//! invoices, product groups and sales reps), after the revenue table is built once.
//!
//! `cargo bench --bench analyses`

use clientele::engine::cohorts::cohorts;
use clientele::engine::concentration::Concentration;
use clientele::engine::customer::CustomerDetail;
use clientele::engine::date::Day;
use clientele::engine::flows::Flows;
use clientele::engine::ledger::{Attribute, Columns, CustomerId, Ledger, LedgerBuilder, LineExtras};
use clientele::engine::migration::Migration;
use clientele::engine::money::Money;
use clientele::engine::period::{Period, YearStart};
use clientele::engine::pyramid::{CutOffs, Levels, Outside, Pyramid};
use clientele::engine::revenue::{Breakdown, RevenueTable};
use clientele::engine::rfm::{Rfm, RfmSettings};
use clientele::engine::scope::Scope;
use clientele::engine::views::CustomerViews;
use criterion::{criterion_group, criterion_main, Criterion};
use rand::{Rng, SeedableRng};
use rand_chacha::ChaCha8Rng;
use std::hint::black_box;

const LINES: usize = 1_000_000;
const CUSTOMERS: usize = 20_000;
const GROUPS: [&str; 8] =
    ["Fasteners", "Hydraulics", "Pneumatics", "Bearings", "Safety", "Cleaning", "Packaging", "Service"];
const REPS: [&str; 12] =
    ["Anna", "Bram", "Carla", "Daan", "Eva", "Frank", "Greta", "Hugo", "Iris", "Jan", "Karin", "Lars"];

/// Invoices of one to five lines for one customer on one day. Customers are drawn with a heavy
/// head (u³), so a few buy most; each customer skips about one year in five, and 3 % of lines
/// are credit notes.
fn million_lines() -> Ledger {
    let mut rng = ChaCha8Rng::seed_from_u64(20_240_101);
    let mut b = LedgerBuilder::new(Columns {
        cost: true,
        quantity: false,
        attributes: vec![Attribute::Invoice, Attribute::ProductGroup, Attribute::SalesRep],
    });
    let keys: Vec<String> = (0..CUSTOMERS).map(|i| format!("C{:06}", (i * 7_919) % 1_000_003)).collect();
    let mut invoice = 0u32;
    while b.len() < LINES {
        let customer = (CUSTOMERS as f64 * rng.gen::<f64>().powi(3)) as usize;
        let year = 2021 + rng.gen_range(0..5);
        if (customer * 31 + year as usize * 17) % 5 == 0 {
            continue;
        }
        let day = Day::from_ymd(year, rng.gen_range(1..=12), rng.gen_range(1..=28)).unwrap_or(Day::from_number(0));
        invoice += 1;
        let invoice_key = format!("INV{invoice:08}");
        for _ in 0..rng.gen_range(1..=5) {
            let cents = if rng.gen_bool(0.03) { -rng.gen_range(100..50_000) } else { rng.gen_range(100..200_000) };
            let attributes = [
                invoice_key.as_str(),
                GROUPS[(customer + rng.gen_range(0..3)) % GROUPS.len()],
                REPS[customer % REPS.len()],
            ];
            let extras = LineExtras {
                cost: Some(Money::from_cents(cents * 7 / 10)),
                attributes: &attributes,
                ..LineExtras::default()
            };
            b.push(&keys[customer], day, Money::from_cents(cents), &extras);
        }
    }
    b.finish()
}

fn analyses(c: &mut Criterion) {
    let ledger = million_lines();
    let ys = YearStart::default();
    let p = Period::starting_in(2025);
    let mut g = c.benchmark_group("1M lines");
    g.sample_size(10);
    g.bench_function("revenue table (one pass over the lines)", |b| {
        b.iter(|| RevenueTable::build(&ledger, ys, &Scope::Company))
    });
    let table = RevenueTable::build(&ledger, ys, &Scope::Company);
    g.bench_function("product group breakdown (one pass)", |b| {
        b.iter(|| Breakdown::build(&ledger, &table, Attribute::ProductGroup))
    });
    let groups = Breakdown::build(&ledger, &table, Attribute::ProductGroup).expect("groups");
    let reps = Breakdown::build(&ledger, &table, Attribute::SalesRep);
    g.bench_function("levels, one period", |b| b.iter(|| Levels::classify(&table, p, CutOffs::default())));
    let history = Levels::every_period(&table, CutOffs::default());
    let (before, now) = (&history[history.len() - 2], &history[history.len() - 1]);
    g.bench_function("pyramid", |b| b.iter(|| Pyramid::of(&table, now, Outside::default())));
    g.bench_function("flows", |b| b.iter(|| Flows::between(before, now)));
    g.bench_function("migration", |b| b.iter(|| Migration::between(&table, before, now)));
    g.bench_function("concentration", |b| b.iter(|| Concentration::of(&table, now)));
    g.bench_function("customer views", |b| b.iter(|| CustomerViews::of(&table, now, &groups, reps.as_ref())));
    g.bench_function("rfm", |b| b.iter(|| Rfm::of(&table, p, RfmSettings::default())));
    g.bench_function("cohorts", |b| b.iter(|| cohorts(&table)));
    let top = now.ranked()[0];
    g.bench_function("customer detail", |b| {
        b.iter(|| CustomerDetail::of(&ledger, &table, &history, Some(&groups), black_box(top)))
    });
    g.bench_function("everything for a new scope (rep), from the lines", |b| {
        let scope = Scope::Only { attribute: Attribute::SalesRep, value: REPS[0].into() };
        b.iter(|| {
            let table = RevenueTable::build(&ledger, ys, &scope);
            let history = Levels::every_period(&table, CutOffs::default());
            let pyramids: Vec<Pyramid> = history.iter().map(|l| Pyramid::of(&table, l, Outside::default())).collect();
            (
                Flows::every_period(&history),
                Migration::every_period(&table, &history),
                pyramids,
                CustomerId::from_index(0),
            )
        })
    });
    g.finish();
}

criterion_group!(benches, analyses);
criterion_main!(benches);

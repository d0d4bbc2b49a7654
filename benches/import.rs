//! Import benchmark: `import_bytes` on the deterministic large test ledger (1,000,000 lines of
//! 11 columns, about 95 MB; set IMPORT_BENCH_LINES for another size). Run with
//! `cargo bench --bench import`.

use clientele::engine::import::{import_bytes, write_test_ledger, ImportOptions};
use clientele::engine::sample::sample_ledger;
use criterion::{criterion_group, criterion_main, Criterion, Throughput};
use std::hint::black_box;

fn lines() -> usize {
    std::env::var("IMPORT_BENCH_LINES").ok().and_then(|v| v.parse().ok()).unwrap_or(1_000_000)
}

fn import(c: &mut Criterion) {
    let mut csv = Vec::new();
    write_test_ledger(&sample_ledger(), lines(), &mut csv).expect("writing to memory cannot fail");
    let mut group = c.benchmark_group("import");
    group.sample_size(10).throughput(Throughput::Bytes(csv.len() as u64));
    group.bench_function(format!("csv_{}_lines", lines()), |b| {
        b.iter(|| import_bytes("big.csv", black_box(&csv), &ImportOptions::default(), &mut |_| true).expect("imports"))
    });
    group.finish();
}

criterion_group!(benches, import);
criterion_main!(benches);

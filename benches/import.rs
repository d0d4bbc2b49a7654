//! Import benchmark: `import_bytes` on the deterministic large test ledger (1,000,000 lines of
//! 11 columns, about 95 MB; set IMPORT_BENCH_LINES for another size). Run with
//! `cargo bench --bench import`. The `workspace` group writes and reads the workspace file of the
//! same ledger (`session::backup`): what every save and every next visit does in the browser.

use clientele::engine::import::{import_bytes, write_test_ledger, ImportOptions};
use clientele::engine::sample::sample_ledger;
use clientele::engine::session::{backup, tables::SideTables, Source};
use criterion::{criterion_group, criterion_main, Criterion, Throughput};
use std::hint::black_box;

fn lines() -> usize {
    std::env::var("IMPORT_BENCH_LINES").ok().and_then(|v| v.parse().ok()).unwrap_or(1_000_000)
}

/// The test ledger of `lines()` lines as CSV.
fn test_csv() -> Vec<u8> {
    let mut csv = Vec::new();
    write_test_ledger(&sample_ledger(), lines(), &mut csv).expect("writing to memory cannot fail");
    csv
}

fn import(c: &mut Criterion) {
    let csv = test_csv();
    let mut group = c.benchmark_group("import");
    group.sample_size(10).throughput(Throughput::Bytes(csv.len() as u64));
    group.bench_function(format!("csv_{}_lines", lines()), |b| {
        b.iter(|| import_bytes("big.csv", black_box(&csv), &ImportOptions::default(), &mut |_| true).expect("imports"))
    });
    group.finish();
}

fn workspace(c: &mut Criterion) {
    let ledger =
        import_bytes("big.csv", &test_csv(), &ImportOptions::default(), &mut |_| true).expect("imports").ledger;
    let (source, tables) = (Source::Files(vec!["big.csv".into()]), SideTables::default());
    let file = backup::encode(&source, &tables, &ledger).expect("encodes");
    eprintln!("workspace file of {} lines: {} bytes", lines(), file.len());
    let mut group = c.benchmark_group("workspace");
    group.sample_size(10).throughput(Throughput::Bytes(file.len() as u64));
    group.bench_function(format!("encode_{}_lines", lines()), |b| {
        b.iter(|| backup::encode(&source, &tables, black_box(&ledger)).expect("encodes"))
    });
    group.bench_function(format!("decode_{}_lines", lines()), |b| {
        b.iter(|| backup::decode(black_box(&file)).expect("decodes"))
    });
    group.finish();
}

criterion_group!(benches, import, workspace);
criterion_main!(benches);

//! Memory benchmark of the browser's import, run natively: the two workers' steps of a large
//! file's import (`worker/parts.rs`) replayed here with a counting allocator, so that what
//! each holds at its peak is known to the byte. Wasm memory never shrinks, so a worker's wasm
//! memory is at least the peak of what it held live; what the browser adds beside it (the
//! slices' `ArrayBuffer`s, the part's copy on its way) is outside these figures.
//!
//! `cargo bench --bench memory` (1,000,000 lines of the test ledger; `MEMORY_BENCH_LINES` for
//! another size) prints, for the part worker and then the worker, the most held at once during
//! its step (counted from what was held before it), and the size of the part sent between them.

use clientele::engine::import::{
    first_part_of, import_first_part, read_part, split_file, write_test_ledger, FileSplit, FirstPart, ImportOptions,
    InputFile, Keep, Part, PartReader, SliceSource, Slices,
};
use clientele::engine::sample::sample_ledger;
use peakmem_alloc::{PeakMemAlloc, PeakMemAllocTrait, INSTRUMENTED_SYSTEM};
use std::alloc::System;
use std::cell::RefCell;
use std::future::Future;

/// The system allocator, counting the most bytes held at once since the last reset.
#[global_allocator]
static ALLOCATOR: &PeakMemAlloc<System> = &INSTRUMENTED_SYSTEM;

/// What the browser reads a file in (`worker/mod.rs`'s `READ_SLICE`).
const READ_SLICE: usize = 8 << 20;

fn mib(bytes: usize) -> String {
    format!("{:.1} MiB", bytes as f64 / (1 << 20) as f64)
}

/// The bytes of `text` from `start` to `end` a slice at a time, each copied onto the reader's
/// window as the worker copies a slice from the browser's memory.
fn slices(text: &[u8], start: usize, end: usize) -> Slices<'_> {
    Box::new(Copied(text[start..end].chunks(READ_SLICE)))
}

struct Copied<'t>(std::slice::Chunks<'t, u8>);

impl SliceSource for Copied<'_> {
    fn append_next(&mut self, window: &mut Vec<u8>) -> bool {
        self.0.next().map(|slice| window.extend_from_slice(slice)).is_some()
    }
}

/// The part worker: the part it was asked for, read before this side asks (as the worker does).
struct Answered(RefCell<Option<Vec<u8>>>);

impl PartReader for Answered {
    type Read = std::future::Ready<Option<Vec<u8>>>;

    fn start(&self, _: usize, _: Part) -> Option<Self::Read> {
        // The worker copies the transferred bytes into its own memory.
        let bytes = self.0.borrow_mut().take()?;
        Some(std::future::ready(Some(bytes.clone())))
    }
}

fn main() {
    if std::env::args().any(|a| a == "--list") {
        return;
    }
    let lines = std::env::var("MEMORY_BENCH_LINES").ok().and_then(|v| v.parse().ok()).unwrap_or(1_000_000);
    let mut csv = Vec::new();
    write_test_ledger(&sample_ledger(), lines, &mut csv).expect("writing to memory cannot fail");
    println!("{lines} lines, {} of CSV", mib(csv.len()));
    // The split as `Workers::first_part` makes it.
    let read = |from: u64, to: u64| Ok::<_, ()>(csv[from as usize..to as usize].to_vec());
    let FileSplit { head, start, end } = split_file(csv.len() as u64, read).unwrap().expect("a large file");
    let (start, end) = (start as usize, end as usize);
    let options = ImportOptions::default();
    let input = InputFile { name: "big.csv", bytes: &head };
    let part = first_part_of(&input, start as u64, &options, Keep::Everything).expect("read in parts");

    ALLOCATOR.reset_peak_memory();
    let read = read_part(&part, (csv.len() - start) as u64, slices(&csv, start, csv.len())).expect("the part reads");
    println!("part worker: peak {}, the part sent {}", mib(ALLOCATOR.get_peak_memory()), mib(read.len()));

    let answered = Answered(RefCell::new(Some(read)));
    ALLOCATOR.reset_peak_memory();
    let first = FirstPart {
        head: input,
        rest: slices(&csv, head.len(), end),
        start: start as u64,
        end: end as u64,
        size: csv.len() as u64,
    };
    let imported = now(import_first_part(first, &options, Keep::Everything, &answered, &mut |_| true))
        .expect("imports")
        .expect("the parts join");
    println!("worker: peak {} ({} ledger lines)", mib(ALLOCATOR.get_peak_memory()), imported.ledger.len());
}

/// The outcome of a future that is ready at once (every `Answered` part is).
fn now<T>(future: impl Future<Output = T>) -> T {
    let mut context = std::task::Context::from_waker(std::task::Waker::noop());
    match std::pin::pin!(future).poll(&mut context) {
        std::task::Poll::Ready(value) => value,
        std::task::Poll::Pending => unreachable!("an answered part is ready at once"),
    }
}

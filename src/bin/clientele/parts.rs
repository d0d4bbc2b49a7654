//! A large ledger file read in two parts at once, a slice at a time, without reading it whole
//! first: the engine's `import::parts` as the browser's two workers use it, with a second
//! thread in place of the part worker. This thread reads the file's first part from its head;
//! the other reads the part from the line after the middle on; the engine joins them exactly
//! (the one pass's ledger and report, line numbers and errors included). Only the slices being
//! read are held, never the file: at 5M lines that is the 565 MB the whole-file read held.

use clientele::engine::import::{self, FileSplit, FirstPart, ImportOptions, Imported, InputFile, Keep, Part};
use clientele::engine::import::{PartReader, SliceSource, Slices};
use futures_channel::oneshot;
use std::fs::File;
use std::future::Future;
use std::io::{Read, Seek, SeekFrom};
use std::path::{Path, PathBuf};
use std::pin::Pin;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::Arc;
use std::task::{Context, Poll};

/// How much of the file each thread reads at once: each holds a slice or two, so this is most
/// of what a small file's import holds beside its ledger (4 MB: 17.6 MB at 100,000 lines, 1 MB:
/// 12.6 MB; no slower at 5M lines).
const READ_SLICE: u64 = 1 << 20;

/// `file`, imported in two parts at once; `None` when it is to be read whole instead: it cannot
/// be opened or read, is no regular file (a pipe), is small, the machine has one core, it is
/// not a file read in parts (a workbook, another encoding, a grouped report, per-period
/// totals), a record runs across the split, or the import fails (the whole file's reading then
/// says why, as it always has).
pub fn import(path: &Path, name: &str, options: &ImportOptions, keep: Keep) -> Option<Imported> {
    let two_cores = std::thread::available_parallelism().is_ok_and(|n| n.get() > 1);
    // Only a regular file is opened here: opening a named pipe waits for its writer, and
    // closing it again would end what the writer sends before the file's reading got any.
    let size = std::fs::metadata(path).ok().filter(|m| m.is_file() && two_cores)?.len();
    let mut file = File::open(path).ok()?;
    let FileSplit { head, start, end } = import::split_file(size, |from, to| read_at(&mut file, from, to)).ok()??;
    let rest = slices(file, head.len() as u64, end, Arc::default());
    let first = FirstPart { head: InputFile { name, bytes: &head }, rest, start, end, size };
    let thread = Thread { path: path.to_owned(), size };
    futures_executor::block_on(import::import_first_part(first, options, keep, &thread, &mut |_| true)).ok()?
}

/// The bytes of `file` from `start` to `end`.
fn read_at(file: &mut File, start: u64, end: u64) -> std::io::Result<Vec<u8>> {
    let mut bytes = vec![0; usize::try_from(end.saturating_sub(start)).unwrap_or(usize::MAX)];
    file.seek(SeekFrom::Start(start))?;
    file.read_exact(&mut bytes)?;
    Ok(bytes)
}

/// The bytes of `file` from `start` to `end`, a slice at a time, until `stop` is set: a slice
/// that cannot be read ends them, which the reader of the slices sees by their length.
fn slices(file: File, start: u64, end: u64, stop: Arc<AtomicBool>) -> Slices<'static> {
    Box::new(FileSlices { file, at: start, end, stop })
}

/// `slices`: where the next slice starts.
struct FileSlices {
    file: File,
    at: u64,
    end: u64,
    stop: Arc<AtomicBool>,
}

impl SliceSource for FileSlices {
    fn append_next(&mut self, window: &mut Vec<u8>) -> bool {
        let len = (self.end.saturating_sub(self.at)).min(READ_SLICE) as usize;
        if len == 0 || self.stop.load(Ordering::Relaxed) {
            return false;
        }
        let held = window.len();
        window.resize(held + len, 0);
        let read = self.file.seek(SeekFrom::Start(self.at)).and_then(|_| self.file.read_exact(&mut window[held..]));
        if read.is_err() {
            window.truncate(held);
            return false;
        }
        self.at += len as u64;
        true
    }
}

/// Reads a part on another thread, from its own handle on the file.
struct Thread {
    path: PathBuf,
    size: u64,
}

impl PartReader for Thread {
    type Read = Reading;

    fn start(&self, _file: usize, part: Part) -> Option<Reading> {
        let (file, size) = (File::open(&self.path).ok()?, self.size);
        let bytes = size.checked_sub(part.start)?;
        let stop = Arc::<AtomicBool>::default();
        let stopped = stop.clone();
        let (sender, receiver) = oneshot::channel();
        std::thread::spawn(move || {
            let read = import::read_part(&part, bytes, slices(file, part.start, size, stopped));
            // Nobody listens when the import no longer waits for the part.
            let _ = sender.send(read);
        });
        Some(Reading { receiver, stop })
    }
}

/// A part being read on another thread, which stops at its next slice when this is dropped
/// (the first part failed, or could not be joined).
struct Reading {
    receiver: oneshot::Receiver<Option<Vec<u8>>>,
    stop: Arc<AtomicBool>,
}

impl Future for Reading {
    type Output = Option<Vec<u8>>;

    fn poll(mut self: Pin<&mut Self>, context: &mut Context<'_>) -> Poll<Self::Output> {
        Pin::new(&mut self.receiver).poll(context).map(|read| read.ok().flatten())
    }
}

impl Drop for Reading {
    fn drop(&mut self) {
        self.stop.store(true, Ordering::Relaxed);
    }
}

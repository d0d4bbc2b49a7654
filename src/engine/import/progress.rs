//! How far an import has come: the progress reports and the caller's answer (go on or stop).
//! A bottom layer, like `row.rs`.

use super::error::ImportError;
use serde::{Deserialize, Serialize};

/// Rows between two progress reports.
pub const PROGRESS_EVERY: u64 = 16 * 1024;

/// How far an import has come, for a progress bar.
#[derive(Copy, Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Progress {
    /// Which of the files being imported (0-based).
    pub file: usize,
    /// Records read so far in this file.
    pub rows: u64,
    /// Bytes of this file read so far (of its decoded text for re-encoded files).
    pub bytes_read: u64,
    pub bytes_total: u64,
}

/// Tells the caller how far the file is read; `Err(Cancelled)` when the caller says stop.
pub fn report_progress(
    rows: u64,
    bytes: (u64, u64),
    progress: &mut dyn FnMut(Progress) -> bool,
) -> Result<(), ImportError> {
    if progress(Progress { file: 0, rows, bytes_read: bytes.0, bytes_total: bytes.1 }) {
        Ok(())
    } else {
        Err(ImportError::Cancelled)
    }
}

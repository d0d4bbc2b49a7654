//! What the browser app can take. The browser's worker is wasm32: 4 GiB of address space for
//! the file's bytes, the ledger built from them (about 1.6 times the file) and the workspace
//! file written to storage. Natively a 477 MB ledger peaks at 2.6 times its size
//! (shared/docs/performance.md), so above about 1 GB a browser import would run out of memory
//! and abort the tab; the `clientele` command line has no such limit.

use serde::{Deserialize, Serialize};

/// The most bytes one browser import may read: the picked files together (1 GB).
pub const BROWSER_IMPORT_BYTES: u64 = 1_000_000_000;

/// An import the browser refuses before reading a byte.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct TooLarge {
    /// The picked files, as named in the picker.
    pub files: Vec<String>,
    /// Their sizes added up, in bytes.
    pub total: u64,
    /// The limit it is over, in bytes.
    pub limit: u64,
}

/// Refuses `files` (name and size in bytes) when they add up to more than `limit`.
pub fn check_import(files: &[(String, u64)], limit: u64) -> Result<(), TooLarge> {
    let total = files.iter().map(|(_, size)| *size).fold(0u64, u64::saturating_add);
    if total <= limit {
        return Ok(());
    }
    Err(TooLarge { files: files.iter().map(|(name, _)| name.clone()).collect(), total, limit })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn files(list: &[(&str, u64)]) -> Vec<(String, u64)> {
        list.iter().map(|(name, size)| (name.to_string(), *size)).collect()
    }

    #[test]
    fn a_file_at_the_limit_is_taken() {
        assert_eq!(check_import(&files(&[("ledger.csv", 1_000_000_000)]), BROWSER_IMPORT_BYTES), Ok(()));
        assert_eq!(check_import(&[], BROWSER_IMPORT_BYTES), Ok(()));
    }

    #[test]
    fn one_byte_over_is_refused_with_the_names_and_the_total() {
        // 600,000,000 + 400,000,001 = 1,000,000,001 bytes: one byte over 1,000,000,000.
        let refused =
            check_import(&files(&[("2023.csv", 600_000_000), ("2024.csv", 400_000_001)]), BROWSER_IMPORT_BYTES);
        assert_eq!(
            refused,
            Err(TooLarge {
                files: vec!["2023.csv".into(), "2024.csv".into()],
                total: 1_000_000_001,
                limit: 1_000_000_000
            })
        );
    }

    #[test]
    fn sizes_that_would_wrap_are_still_refused() {
        // u64::MAX + 1 wraps to 0 with plain addition; the saturated sum stays u64::MAX.
        let refused = check_import(&files(&[("a.csv", u64::MAX), ("b.csv", 1)]), 10).unwrap_err();
        assert_eq!(refused.total, u64::MAX);
    }
}

//! A whole workspace as one file: what IndexedDB keeps between visits and what the user saves
//! as a backup. Layout: the magic `CLIENTELE`, a format version (u16, little endian), then the
//! postcard-encoded source, (from version 2) the side tables as a postcard byte string holding
//! their JSON (`tables.rs` says why JSON), and the ledger's stored form (`ledger/snapshot.rs`).
//!
//! Versions: 1 = source + ledger; 2 = source + side tables + ledger; 3 = the same with the
//! ledger in its plain columnar form (`ledger/plain.rs`) instead of postcard's, which was most of
//! the time a large workspace took to open and to save. A new version adds a branch
//! to `decode` that reads the old layout and fills the new parts with their defaults, so a
//! workspace saved by an older Clientele always opens in a newer one (version 1: no side tables).
//! A new side table is a new `#[serde(default)]` field of `SideTables`, not a new version.

use super::tables::SideTables;
use super::Source;
use crate::engine::ledger::{BeyondMoneyLimit, DecodeError, Ledger};
use serde::{Deserialize, Serialize};

const MAGIC: &[u8; 9] = b"CLIENTELE";
pub const VERSION: u16 = 3;

/// Why a workspace file cannot be opened; its words (English for `Display`, and Dutch) are in
/// `i18n/failure.rs`.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum BackupError {
    NotABackup,
    /// Written by a newer Clientele than this one.
    TooNew(u16),
    Damaged,
    /// A ledger whose money is beyond the ledger limit (altered: Clientele never writes one).
    Money(BeyondMoneyLimit),
}

/// The workspace the file holds.
#[derive(Debug)]
pub struct Workspace {
    pub source: Source,
    pub tables: SideTables,
    pub ledger: Ledger,
}

pub fn encode(source: &Source, tables: &SideTables, ledger: &Ledger) -> Result<Vec<u8>, BackupError> {
    let mut out = MAGIC.to_vec();
    out.extend_from_slice(&VERSION.to_le_bytes());
    let out = postcard::to_extend(source, out).map_err(|_| BackupError::Damaged)?;
    let out = postcard::to_extend(&tables.encode(), out).map_err(|_| BackupError::Damaged)?;
    Ok(ledger.encode_into(out))
}

pub fn decode(bytes: &[u8]) -> Result<Workspace, BackupError> {
    let rest = bytes.strip_prefix(MAGIC).ok_or(BackupError::NotABackup)?;
    let (version, rest) = rest.split_first_chunk::<2>().ok_or(BackupError::Damaged)?;
    let version = u16::from_le_bytes(*version);
    if version > VERSION {
        return Err(BackupError::TooNew(version));
    }
    let (source, rest) = postcard::take_from_bytes::<Source>(rest).map_err(|_| BackupError::Damaged)?;
    let (tables, rest) = match version {
        1 => (SideTables::default(), rest),
        _ => {
            let (json, rest) = postcard::take_from_bytes::<Vec<u8>>(rest).map_err(|_| BackupError::Damaged)?;
            (SideTables::decode(&json).ok_or(BackupError::Damaged)?, rest)
        }
    };
    let ledger = match version {
        1 | 2 => Ledger::decode_postcard(rest),
        _ => Ledger::decode(rest),
    };
    let ledger = ledger.map_err(|e| match e {
        DecodeError::Damaged => BackupError::Damaged,
        DecodeError::Money(beyond) => BackupError::Money(beyond),
    })?;
    Ok(Workspace { source, tables, ledger })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::engine::{sample, summary::Summary};

    #[test]
    fn round_trip_restores_an_identical_workspace() {
        let ledger = sample::sample_ledger();
        let source = Source::Files(vec!["2024.csv".into(), "2025.xlsx".into()]);
        let pools = b"pool,amount,driver,capacity_minutes\nService,600,time,600\nSales,5,line,\n";
        let file = super::super::FileData { name: "pools.csv".into(), bytes: pools.to_vec() };
        let tables = SideTables::default().with_file(super::super::tables::TableKind::Pools, &file).unwrap();
        let bytes = encode(&source, &tables, &ledger).unwrap();
        let back = decode(&bytes).unwrap();
        assert_eq!(back.source, source);
        assert_eq!(back.tables, tables, "the pools survive");
        assert_eq!(back.tables.cost_pools.pools[0].amount.cents(), 60_000);
        assert_eq!(Summary::of(&back.ledger), Summary::of(&ledger));
        assert_eq!(back.ledger.dates(), ledger.dates());
    }

    #[test]
    fn a_version_1_file_opens_with_no_side_tables() {
        // Version 1's layout: magic, version 1, source, ledger (no tables section).
        let ledger = sample::sample_ledger();
        let mut bytes = MAGIC.to_vec();
        bytes.extend_from_slice(&1u16.to_le_bytes());
        let mut bytes = postcard::to_extend(&Source::Sample, bytes).unwrap();
        bytes.extend(crate::engine::ledger::postcard_form(&ledger));
        let back = decode(&bytes).unwrap();
        assert_eq!((back.source, back.tables), (Source::Sample, SideTables::default()));
        assert_eq!(back.ledger.customer_count(), 2_000);
    }

    #[test]
    fn refuses_foreign_newer_and_truncated_files() {
        assert_eq!(decode(b"customer;date;amount\n").unwrap_err(), BackupError::NotABackup);
        let mut newer = MAGIC.to_vec();
        newer.extend_from_slice(&7u16.to_le_bytes());
        assert_eq!(decode(&newer).unwrap_err(), BackupError::TooNew(7));
        let bytes = encode(&Source::Sample, &SideTables::default(), &sample::sample_ledger()).unwrap();
        assert_eq!(decode(&bytes[..bytes.len() / 2]).unwrap_err(), BackupError::Damaged);
        assert_eq!(decode(&bytes[..10]).unwrap_err(), BackupError::Damaged);
    }

    #[test]
    fn refuses_an_altered_file_whose_money_is_beyond_the_limit() {
        // Amounts 2^62 and -2^62 cents: they sum to zero in i64, but their sizes add up to 2^63 cents,
        // 92233720368547758.08, far beyond the 2^61 cents a ledger may hold.
        let mut bytes = MAGIC.to_vec();
        bytes.extend_from_slice(&VERSION.to_le_bytes());
        let bytes = postcard::to_extend(&Source::Sample, bytes).unwrap();
        let mut bytes = postcard::to_extend(&SideTables::default().encode(), bytes).unwrap();
        bytes.extend(crate::engine::ledger::stored(&[1 << 62, -(1 << 62)], &[None, None]));
        let error = decode(&bytes).unwrap_err();
        assert_eq!(error, BackupError::Money(BeyondMoneyLimit { magnitude: 1 << 63 }));
        let message = error.to_string();
        let start = "this workspace file cannot be opened: the amounts and costs add up to 92,233,720,368,547,758.08 \
                     ignoring their signs, more than 23,058,430,092,136,939.52";
        assert!(message.starts_with(start), "{message}");
    }
}

//! The workspace file kept in IndexedDB, from the worker (where the ledger lives).
//!
//! The file is written in chunks of a few MB (IndexedDB handles those far better than one
//! huge value). Each save is a new generation: its chunks go under new keys (`g{generation}-{i}`),
//! then the manifest (`"{generation}:{chunks}"`) is switched to it, then the chunks of every other
//! generation are deleted, all in one read-write transaction. A save that is cut off never
//! leaves a half-written workspace: when the transaction aborts (quota exceeded, the page
//! reloaded, the worker terminated) nothing of it stays, and when the worker dies in the middle
//! (an abort) and the transaction commits what it had done so far, as an abandoned
//! transaction does, the manifest still names the previous generation, whose chunks are all
//! there. (A single transaction that cleared the store first would commit an empty store then.)
//!
//! Databases written before generations keep a number of chunks as the manifest and the chunks
//! under `chunk-{i}`; they are read as they are and replaced by the next save.

use crate::protocol::{StorageNote, StorageProblem};
use indexed_db_futures::database::Database;
use indexed_db_futures::error::OpenDbError;
use indexed_db_futures::object_store::ObjectStore;
use indexed_db_futures::prelude::*;
use indexed_db_futures::transaction::TransactionMode;
use indexed_db_futures::KeyRange;
use js_sys::Uint8Array;
use std::collections::VecDeque;
use wasm_bindgen::{JsCast, JsValue};

const DATABASE: &str = "clientele";
const STORE: &str = "workspace";
/// Schema version of the database (object stores), not of the workspace file format
/// (`engine::session::backup::VERSION`). Version 1: one store of chunks and a manifest.
const SCHEMA: u8 = 1;
const CHUNK: usize = 4 << 20;
/// Chunks asked for at once when a workspace is read.
const AHEAD: usize = 4;
const MANIFEST: &str = "manifest";

impl StorageNote {
    fn saved(result: Result<(), StorageProblem>) -> StorageNote {
        result.map_or_else(StorageNote::NotSaved, |()| StorageNote::Saved)
    }
}

/// The browser's error as a problem the page can word (see `StorageProblem::of`).
fn problem(error: impl ToString) -> StorageProblem {
    StorageProblem::of(error.to_string())
}

async fn open() -> Result<Database, StorageProblem> {
    Database::open(DATABASE)
        .with_version(SCHEMA)
        .with_on_upgrade_needed(|event, db| {
            if event.old_version() < 1.0 {
                db.create_object_store(STORE).build()?;
            }
            Ok(())
        })
        .await
        .map_err(|error| match error {
            // No `indexedDB` at all: storage turned off, or a private window without it.
            OpenDbError::NullFactory | OpenDbError::UnsupportedEnvironment => StorageProblem::Disabled,
            error => problem(error),
        })
}

/// A saved workspace's place in the store.
#[derive(Copy, Clone, Debug, PartialEq)]
struct Manifest {
    /// `None`: written before generations (chunks under `chunk-{i}`).
    generation: Option<u32>,
    chunks: u32,
}

impl Manifest {
    fn read(value: &JsValue) -> Result<Manifest, StorageProblem> {
        if let Some(count) = value.as_f64() {
            return Ok(Manifest { generation: None, chunks: count as u32 });
        }
        let text = value.as_string().unwrap_or_default();
        let parsed = text
            .split_once(':')
            .and_then(|(g, c)| Some(Manifest { generation: Some(g.parse().ok()?), chunks: c.parse().ok()? }));
        parsed
            .ok_or_else(|| StorageProblem::Browser(format!("the saved workspace's manifest is unreadable ({text:?})")))
    }

    fn value(self) -> String {
        format!("{}:{}", self.generation.unwrap_or(0), self.chunks)
    }

    fn chunk_key(self, index: u32) -> String {
        match self.generation {
            Some(generation) => format!("{}{index}", prefix(generation)),
            None => format!("chunk-{index}"),
        }
    }
}

fn prefix(generation: u32) -> String {
    format!("g{generation}-")
}

/// Replaces the saved workspace with `file`, atomically.
pub async fn save(file: &[u8]) -> StorageNote {
    // Outside the transaction: one that awaits anything but its own requests ends.
    #[cfg(feature = "test-hooks")]
    super::test_hooks::wait_while_held(super::test_hooks::Step::Save).await;
    StorageNote::saved(write(file).await)
}

async fn write(file: &[u8]) -> Result<(), StorageProblem> {
    let db = open().await?;
    let tx = db.transaction(STORE).with_mode(TransactionMode::Readwrite).build().map_err(problem)?;
    let store = tx.object_store(STORE).map_err(problem)?;
    let previous = manifest(&store).await?.and_then(|m| m.generation).unwrap_or(0);
    let chunks: Vec<&[u8]> = file.chunks(CHUNK).collect();
    let next = Manifest { generation: Some(previous.wrapping_add(1)), chunks: chunks.len() as u32 };
    for (index, chunk) in chunks.iter().enumerate() {
        #[cfg(feature = "test-hooks")]
        if super::test_hooks::cut_here(index) {
            // What an abort does to the transaction: no drop, so no `abort()`; IndexedDB then
            // commits what was written so far.
            std::mem::forget(store);
            std::mem::forget(tx);
            return Err(StorageProblem::Browser("the save was cut off (test hook)".into()));
        }
        let value: JsValue = Uint8Array::from(*chunk).into();
        store.put(value).with_key(next.chunk_key(index as u32)).primitive().map_err(problem)?;
    }
    store.put(next.value()).with_key(MANIFEST).primitive().map_err(problem)?;
    delete_all_but(&store, next).map_err(problem)?;
    drop(store);
    match tx.commit().await {
        Ok(()) => Ok(()),
        Err(error) => Err(StorageProblem::of_aborted_save(error.to_string(), file.len() as u64, estimate().await)),
    }
}

/// What this site stores and may store, in bytes (`navigator.storage.estimate()`), when the
/// browser tells: an aborted save's own `QuotaExceededError` is on its transaction, which
/// `commit` has consumed by then.
async fn estimate() -> Option<(u64, u64)> {
    let scope: web_sys::WorkerGlobalScope = js_sys::global().unchecked_into();
    let promise = scope.navigator().storage().estimate().ok()?;
    let estimate = wasm_bindgen_futures::JsFuture::from(promise).await.ok()?;
    let bytes = |field: &str| js_sys::Reflect::get(&estimate, &field.into()).ok()?.as_f64().map(|b| b as u64);
    Some((bytes("usage")?, bytes("quota")?))
}

/// Deletes the chunks of every generation but `keep`'s. Keys sort as strings: `chunk-*` (before
/// generations) < `g{n}-*` < `manifest`; `keep`'s chunks are exactly the keys from its prefix
/// up to the prefix followed by the highest code unit.
fn delete_all_but(store: &ObjectStore<'_>, keep: Manifest) -> indexed_db_futures::Result<()> {
    let own = prefix(keep.generation.unwrap_or(0));
    store.delete::<String, KeyRange<String>>(KeyRange::Bound(String::new(), false, own.clone(), true)).primitive()?;
    store
        .delete::<String, KeyRange<String>>(KeyRange::Bound(format!("{own}\u{ffff}"), true, MANIFEST.to_string(), true))
        .primitive()?;
    Ok(())
}

async fn manifest(store: &ObjectStore<'_>) -> Result<Option<Manifest>, StorageProblem> {
    let value = store.get::<JsValue, _, _>(MANIFEST).primitive().map_err(problem)?.await.map_err(problem)?;
    value.map(|v| Manifest::read(&v)).transpose()
}

/// The saved workspace file, if there is one.
pub async fn load() -> Result<Option<Vec<u8>>, StorageProblem> {
    let db = open().await?;
    let tx = db.transaction(STORE).build().map_err(problem)?;
    let store = tx.object_store(STORE).map_err(problem)?;
    let Some(manifest) = manifest(&store).await? else {
        return Ok(None);
    };
    // Room for every chunk at once, and each copied straight into it: growing the file chunk
    // by chunk copied a large workspace over and over (a third of restoring 5M lines).
    let mut file = Vec::new();
    let _ = file.try_reserve((manifest.chunks as usize).saturating_mul(CHUNK));
    // A few chunks asked for ahead of the one being copied, so that the store is never waiting
    // for the next request; no more, so that only a few chunks are held outside wasm memory.
    let mut requests = (0..manifest.chunks).map(|i| store.get::<JsValue, _, _>(manifest.chunk_key(i)).primitive());
    let mut asked = requests.by_ref().take(AHEAD).collect::<Result<VecDeque<_>, _>>().map_err(problem)?;
    let mut index = 0;
    while let Some(request) = asked.pop_front() {
        asked.extend(requests.next().transpose().map_err(problem)?);
        let chunk = request
            .await
            .map_err(problem)?
            .ok_or_else(|| StorageProblem::Browser(format!("the saved workspace lacks part {index}")))?;
        index += 1;
        // Chunks are stored as `Uint8Array`s; `Uint8Array::new` of one would copy it.
        let bytes = chunk.dyn_into::<Uint8Array>().unwrap_or_else(|other| Uint8Array::new(&other));
        let start = file.len();
        file.resize(start + bytes.length() as usize, 0);
        bytes.copy_to(&mut file[start..]);
    }
    Ok(Some(file))
}

/// Forgets the saved workspace.
pub async fn clear() -> StorageNote {
    match remove_all().await {
        Ok(()) => StorageNote::Cleared,
        Err(problem) => StorageNote::NotSaved(problem),
    }
}

async fn remove_all() -> Result<(), StorageProblem> {
    let db = open().await?;
    let tx = db.transaction(STORE).with_mode(TransactionMode::Readwrite).build().map_err(problem)?;
    tx.object_store(STORE).map_err(problem)?.clear().map_err(problem)?;
    tx.commit().await.map_err(problem)
}

//! The workspace file kept in IndexedDB, from the worker (where the ledger lives).
//!
//! The file is written in chunks of a few MB (IndexedDB handles those far better than one
//! huge value) inside ONE read-write transaction that first clears the store: either every
//! chunk and the new manifest are written, or the transaction aborts (quota exceeded, storage
//! disabled) and the previously saved workspace is exactly as it was.

use indexed_db_futures::database::Database;
use serde::{Deserialize, Serialize};
use indexed_db_futures::prelude::*;
use indexed_db_futures::transaction::TransactionMode;
use js_sys::Uint8Array;
use wasm_bindgen::JsValue;

const DATABASE: &str = "clientele";
const STORE: &str = "workspace";
/// Schema version of the database (object stores), not of the workspace file format
/// (`engine::session::backup::VERSION`). Version 1: one store of chunks and a manifest.
const SCHEMA: u8 = 1;
const CHUNK: usize = 4 << 20;
const MANIFEST: &str = "manifest";

/// What happened to the saved workspace, for the page to tell the user.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub enum StorageNote {
    Saved,
    Cleared,
    /// Saving failed; the previously saved workspace is unchanged.
    NotSaved(String),
    /// Storage cannot be used at all in this browser.
    Unavailable(String),
}

impl StorageNote {
    fn saved(result: Result<(), String>) -> StorageNote {
        result.map_or_else(StorageNote::NotSaved, |()| StorageNote::Saved)
    }
}

fn text(error: impl ToString) -> String {
    error.to_string()
}

async fn open() -> Result<Database, String> {
    Database::open(DATABASE)
        .with_version(SCHEMA)
        .with_on_upgrade_needed(|event, db| {
            if event.old_version() < 1.0 {
                db.create_object_store(STORE).build()?;
            }
            Ok(())
        })
        .await
        .map_err(text)
}

fn chunk_key(index: usize) -> String {
    format!("chunk-{index}")
}

/// Replaces the saved workspace with `file`, atomically.
pub async fn save(file: &[u8]) -> StorageNote {
    StorageNote::saved(write(file).await)
}

async fn write(file: &[u8]) -> Result<(), String> {
    let db = open().await?;
    let tx = db.transaction(STORE).with_mode(TransactionMode::Readwrite).build().map_err(text)?;
    let store = tx.object_store(STORE).map_err(text)?;
    store.clear().map_err(text)?;
    let chunks: Vec<&[u8]> = file.chunks(CHUNK).collect();
    for (index, chunk) in chunks.iter().enumerate() {
        let value: JsValue = Uint8Array::from(*chunk).into();
        store.put(value).with_key(chunk_key(index)).primitive().map_err(text)?;
    }
    store.put(chunks.len() as u32).with_key(MANIFEST).primitive().map_err(text)?;
    tx.commit().await.map_err(text)
}

/// The saved workspace file, if there is one.
pub async fn load() -> Result<Option<Vec<u8>>, String> {
    let db = open().await?;
    let tx = db.transaction(STORE).build().map_err(text)?;
    let store = tx.object_store(STORE).map_err(text)?;
    let Some(count) = store.get::<u32, _, _>(MANIFEST).primitive().map_err(text)?.await.map_err(text)? else {
        return Ok(None);
    };
    let mut file = Vec::new();
    for index in 0..count as usize {
        let chunk = store
            .get::<JsValue, _, _>(chunk_key(index))
            .primitive()
            .map_err(text)?
            .await
            .map_err(text)?
            .ok_or_else(|| format!("the saved workspace lacks part {index}"))?;
        file.extend_from_slice(&Uint8Array::new(&chunk).to_vec());
    }
    Ok(Some(file))
}

/// Forgets the saved workspace.
pub async fn clear() -> StorageNote {
    match remove_all().await {
        Ok(()) => StorageNote::Cleared,
        Err(message) => StorageNote::NotSaved(message),
    }
}

async fn remove_all() -> Result<(), String> {
    let db = open().await?;
    let tx = db.transaction(STORE).with_mode(TransactionMode::Readwrite).build().map_err(text)?;
    tx.object_store(STORE).map_err(text)?.clear().map_err(text)?;
    tx.commit().await.map_err(text)
}

//! The Web Worker that owns the workspace: it reads the files the user picks (the `File`
//! handles are posted here, never their bytes through the page), runs the engine's `Session`,
//! keeps the workspace in IndexedDB, and answers the page with small JSON messages. The page
//! stays responsive whatever the engine is doing; cancelling an import terminates this worker
//! and starts a new one, which restores the saved workspace.
//!
//! Messages from the page: `{id, request: <Request as JSON>, files?: File[]}`, or
//! `{id, backup: true}` for the workspace file. To the page: `{id, kind, json?, bytes?}` with
//! kind `listening` (sent once, when the worker can take messages), `response`, `progress`,
//! `saving` (a save has started), `storage` (a `StorageNote`: how it ended), `backup`, or `died`
//! (a panic: this instance is unusable and the page replaces it).
//!
//! Test builds (the `test-hooks` feature) also obey `{id, testHook: "panic" | "abort" |
//! "abort-later" | "cut-save-at-chunk:N" | "hold-save" | "release-save"}`, which the end-to-end
//! tests use to kill the worker or to cut off or hold a save; production builds do not contain it.

mod storage;

use crate::engine::import::Progress;
use crate::engine::session::{FileData, Request, Response, Session};
use js_sys::{Array, Object, Reflect, Uint8Array};
use serde::Serialize;
use std::cell::RefCell;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::{DedicatedWorkerGlobalScope, File, FileReaderSync, MessageEvent};

pub use storage::StorageNote;

thread_local! {
    static SESSION: RefCell<Session> = RefCell::new(Session::default());
}

/// Entry point of the worker binary.
pub fn start() {
    install_panic_hook();
    let scope = scope();
    let on_message = Closure::<dyn Fn(MessageEvent)>::new(|event: MessageEvent| on_message(event.data()));
    scope.set_onmessage(Some(on_message.as_ref().unchecked_ref()));
    on_message.forget();
    // An abort inside a future (restoring, saving) rejects a promise here instead of raising an
    // error event at the page, which would then never hear of it.
    let on_rejection = Closure::<dyn Fn(JsValue)>::new(|_| {
        post(0, "died", &"the engine aborted while it was working in the background")
    });
    let _ = Reflect::set(&scope, &"onunhandledrejection".into(), on_rejection.as_ref());
    on_rejection.forget();
    post(0, "listening", &());
    wasm_bindgen_futures::spawn_local(restore());
}

/// A panic makes this wasm instance unusable (it aborts right after the hook): the page is told
/// first, so that it fails what it waits for and starts a new worker.
fn install_panic_hook() {
    std::panic::set_hook(Box::new(|info| {
        console_error_panic_hook::hook(info);
        post(0, "died", &info.to_string());
    }));
}

fn scope() -> DedicatedWorkerGlobalScope {
    js_sys::global().unchecked_into()
}

/// Posts `{id, kind, json}`.
fn post<T: Serialize>(id: u32, kind: &str, value: &T) {
    let message = envelope(id, kind);
    let json = serde_json::to_string(value).unwrap_or_default();
    let _ = Reflect::set(&message, &"json".into(), &json.into());
    let _ = scope().post_message(&message);
}

/// `{id, kind}`, the part every message to the page has.
fn envelope(id: u32, kind: &str) -> Object {
    let message = Object::new();
    let _ = Reflect::set(&message, &"id".into(), &id.into());
    let _ = Reflect::set(&message, &"kind".into(), &kind.into());
    message
}

fn on_message(data: JsValue) {
    let id = Reflect::get(&data, &"id".into()).ok().and_then(|v| v.as_f64()).unwrap_or(0.0) as u32;
    if Reflect::get(&data, &"backup".into()).is_ok_and(|v| v.is_truthy()) {
        post_backup(id);
        return;
    }
    #[cfg(feature = "test-hooks")]
    if let Some(hook) = Reflect::get(&data, &"testHook".into()).ok().and_then(|v| v.as_string()) {
        if test_hook(&hook) {
            post(id, "response", &Response::Cancelled);
        }
        return;
    }
    let response = match parse_request(&data) {
        Ok(request) => handle(id, request),
        Err(message) => Response::Failed(message),
    };
    post(id, "response", &response);
    after(&response);
}

/// The request, with the bytes of the posted files filled in (in the order they were posted).
fn parse_request(data: &JsValue) -> Result<Request, String> {
    let json = Reflect::get(data, &"request".into()).ok().and_then(|v| v.as_string()).unwrap_or_default();
    let mut request: Request =
        serde_json::from_str(&json).map_err(|e| format!("internal message not understood: {e}"))?;
    let files: Vec<File> = Reflect::get(data, &"files".into())
        .ok()
        .filter(Array::is_array)
        .map(|v| Array::from(&v).iter().filter_map(|f| f.dyn_into::<File>().ok()).collect())
        .unwrap_or_default();
    let mut files = files.iter();
    let mut next = || files.next().ok_or_else(|| "a file was not passed on to the worker".to_string());
    match &mut request {
        Request::Import { files, .. } => {
            files.iter_mut().try_for_each(|slot| read_file(next()?, Whole).map(|f| *slot = f))?
        }
        Request::Restore { file } => *file = read_file(next()?, Whole)?,
        Request::Preview { file, .. } => *file = read_file(next()?, Head)?,
        _ => {}
    }
    Ok(request)
}

/// How much of a file a request needs.
#[derive(Copy, Clone, PartialEq)]
enum Extent {
    Whole,
    /// The first 64 KB (what the importer guesses from) ending at a line break, for the preview:
    /// a 100 MB export is not copied to show twelve rows. Workbooks are zip archives and are
    /// always read whole.
    Head,
}
use Extent::{Head, Whole};

const HEAD_BYTES: f64 = 65_536.0;

fn read_file(file: &File, extent: Extent) -> Result<FileData, String> {
    let unreadable = || format!("{}: the file could not be read (was it moved or deleted?)", file.name());
    let name = file.name();
    let text_file = !["xlsx", "xlsm", "xls", "ods"].iter().any(|ext| name.to_lowercase().ends_with(&format!(".{ext}")));
    let head = extent == Head && text_file && file.size() > HEAD_BYTES;
    let size = if head { HEAD_BYTES } else { file.size() };
    let reader = FileReaderSync::new().map_err(|_| "this browser cannot read files in a worker".to_string())?;
    let mut bytes = vec![0u8; size as usize];
    // Slice by slice straight into wasm memory: the browser holds one slice at a time instead of
    // a second copy of the whole file.
    for (index, chunk) in bytes.chunks_mut(READ_SLICE).enumerate() {
        let start = (index * READ_SLICE) as f64;
        let slice = file.slice_with_f64_and_f64(start, start + chunk.len() as f64).map_err(|_| unreadable())?;
        let buffer = reader.read_as_array_buffer(&slice).map_err(|_| unreadable())?;
        let array = Uint8Array::new(&buffer);
        if array.length() as usize != chunk.len() {
            return Err(unreadable());
        }
        array.copy_to(chunk);
    }
    if head {
        let end = bytes.iter().rposition(|&b| b == b'\n').map_or(bytes.len(), |i| i + 1);
        bytes.truncate(end);
    }
    Ok(FileData { name, bytes })
}

/// How much of a file is read into the browser's memory at once.
const READ_SLICE: usize = 8 << 20;

fn handle(id: u32, request: Request) -> Response {
    SESSION.with(|session| {
        session.borrow_mut().handle(request, &mut |progress: Progress| {
            post(id, "progress", &progress);
            true
        })
    })
}

/// Kills this worker the way the end-to-end tests ask: a panic, an abort (a trap, as exhausted
/// memory ends), an abort inside a future, (`cut-save-at-chunk:N`) the next save left
/// unfinished as an abort leaves it, or the next save held (`hold-save`) until `release-save`. True when the hook only armed something, and its request is answered now.
#[cfg(feature = "test-hooks")]
fn test_hook(hook: &str) -> bool {
    match hook {
        "panic" => panic!("test panic requested of the worker"),
        "abort" => core::arch::wasm32::unreachable(),
        "abort-later" => {
            wasm_bindgen_futures::spawn_local(async { core::arch::wasm32::unreachable() });
            false
        }
        "hold-save" => {
            storage::test_hooks::hold_save();
            true
        }
        "release-save" => {
            storage::test_hooks::release_save();
            true
        }
        _ => {
            if let Some(index) = hook.strip_prefix("cut-save-at-chunk:").and_then(|i| i.parse().ok()) {
                storage::test_hooks::cut_save_at_chunk(index);
            }
            true
        }
    }
}

/// Keeps storage in step with the workspace.
fn after(response: &Response) {
    match response {
        Response::Loaded { .. } => {
            // Said before the file is even serialised: from now on a reload would lose the
            // new ledger (the page warns), while the saved one stays whole until the save commits.
            post(0, "saving", &());
            if let Some(file) = SESSION.with(|s| s.borrow().workspace_file()) {
                wasm_bindgen_futures::spawn_local(async move {
                    post(0, "storage", &storage::save(&file).await);
                });
            }
        }
        Response::Closed => wasm_bindgen_futures::spawn_local(async {
            post(0, "storage", &storage::clear().await);
        }),
        _ => {}
    }
}

/// Opens the saved workspace, if any, and tells the page (as an unsolicited response).
async fn restore() {
    match storage::load().await {
        Ok(Some(bytes)) => {
            let file = FileData { name: "saved workspace".into(), bytes };
            let response = handle(0, Request::Restore { file });
            post(0, "response", &response);
        }
        Ok(None) => post(0, "response", &Response::Closed),
        Err(message) => post(0, "storage", &StorageNote::Unavailable(message)),
    }
}

fn post_backup(id: u32) {
    let file = SESSION.with(|s| s.borrow().workspace_file());
    let message = envelope(id, "backup");
    if let Some(file) = file {
        let bytes = Uint8Array::from(&file[..]);
        let _ = Reflect::set(&message, &"bytes".into(), &bytes);
        let transfer = Array::of1(&bytes.buffer());
        let _ = scope().post_message_with_transfer(&message, &transfer);
    } else {
        let _ = scope().post_message(&message);
    }
}

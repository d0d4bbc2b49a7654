//! The Web Worker that owns the workspace: it reads the files the user picks (the `File`
//! handles are posted here, never their bytes through the page), runs the engine's `Session`,
//! keeps the workspace in IndexedDB, and answers the page. The page stays responsive whatever
//! the engine is doing; cancelling an import terminates this worker and starts a new one, which
//! restores the saved workspace.
//!
//! The messages are `crate::protocol`'s: from the page a `ToWorker` (an `Ask` whose request
//! names its files by slot, with the `File`s posted beside it; a `Backup`), to the page a
//! `FromWorker`: `Listening` once, when this worker can take messages; `Progress` and the
//! `Response` of each request; `Restored` (what storage kept, at the start); `Saving` and the
//! `Storage` note of how a save ended; `Backup` (the workspace file's bytes beside it); or `Died`
//! (a panic: this instance is unusable and the page replaces it).
//!
//! Test builds (the `test-hooks` feature) also obey `ToWorker::TestHook` with `"panic" | "abort" |
//! "abort-later" | "cut-save-at-chunk:N" | "hold-save" | "release-save"`, which the end-to-end
//! tests use to kill the worker or to cut off or hold a save; production builds do not contain it.

mod parts;
mod storage;
#[cfg(feature = "test-hooks")]
mod test_hooks;

use crate::engine::import::{self, ImportOptions, InputFile, Progress, SAMPLE_BYTES};
use crate::engine::session::{Ahead, Extent, Failure, FileData, Request, Response, Session};
use crate::protocol::{self, FileSlot, FromWorker, StorageNote, ToWorker};
use js_sys::{Array, Object, Reflect, Uint8Array};
use std::cell::{Cell, RefCell};
use std::collections::VecDeque;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::{DedicatedWorkerGlobalScope, File, FileReaderSync, MessageEvent};

thread_local! {
    static SESSION: RefCell<Session> = RefCell::new(Session::default());
    /// Whether an import is under way (it awaits its part worker); messages wait in `WAITING`.
    static IMPORTING: Cell<bool> = const { Cell::new(false) };
    static WAITING: RefCell<VecDeque<JsValue>> = const { RefCell::new(VecDeque::new()) };
}

/// Entry point of the worker binary.
pub fn start() {
    install_panic_hook();
    let scope = scope();
    if scope.name() == parts::NAME {
        return parts::serve(&scope);
    }
    let on_message = Closure::<dyn Fn(MessageEvent)>::new(|event: MessageEvent| on_message(event.data()));
    scope.set_onmessage(Some(on_message.as_ref().unchecked_ref()));
    on_message.forget();
    // An abort inside a future (restoring, saving) rejects a promise here instead of raising an
    // error event at the page, which would then never hear of it.
    let on_rejection = Closure::<dyn Fn(JsValue)>::new(|_| {
        post(&FromWorker::Died { detail: "the engine aborted while it was working in the background".into() })
    });
    let _ = Reflect::set(&scope, &"onunhandledrejection".into(), on_rejection.as_ref());
    on_rejection.forget();
    post(&FromWorker::Listening);
    wasm_bindgen_futures::spawn_local(restore());
}

/// A panic makes this wasm instance unusable (it aborts right after the hook): the page is told
/// first, so that it fails what it waits for and starts a new worker.
fn install_panic_hook() {
    std::panic::set_hook(Box::new(|info| {
        console_error_panic_hook::hook(info);
        post(&FromWorker::Died { detail: info.to_string() });
    }));
}

fn scope() -> DedicatedWorkerGlobalScope {
    js_sys::global().unchecked_into()
}

/// Posts `message` as `{message: <its JSON>}`.
fn post(message: &FromWorker) {
    let _ = scope().post_message(&envelope(message));
}

/// `{message: <JSON>}`, the part every message to the page has.
fn envelope(message: &FromWorker) -> Object {
    let object = Object::new();
    let json = serde_json::to_string(message).unwrap_or_default();
    let _ = Reflect::set(&object, &"message".into(), &json.into());
    object
}

fn on_message(data: JsValue) {
    if IMPORTING.get() {
        return WAITING.with(|w| w.borrow_mut().push_back(data));
    }
    let json = Reflect::get(&data, &"message".into()).ok().and_then(|v| v.as_string()).unwrap_or_default();
    let (id, request) = match serde_json::from_str::<ToWorker>(&json) {
        Ok(ToWorker::Ask { id, request }) => match *request {
            Request::Import { files, options } => return import(id, &files, options, &posted_files(&data)),
            request => {
                if matches!(request, Request::Preview { .. }) {
                    parts::warm_up();
                }
                (id, read_files(request, &posted_files(&data)))
            }
        },
        Ok(ToWorker::Backup { id }) => return post_backup(id),
        #[cfg(feature = "test-hooks")]
        Ok(ToWorker::TestHook { id, hook }) => {
            if test_hook(&hook) {
                post(&FromWorker::Response { id, response: Response::Cancelled });
            }
            return;
        }
        Err(error) => (protocol::id_of(&json), Err(Failure::RequestNotUnderstood { detail: error.to_string() })),
    };
    let response = match request {
        Ok(request) => handle(id, request),
        Err(failure) => Response::Failed(failure),
    };
    answer(id, response);
}

/// Posts the response to request `id` and keeps storage in step with it.
fn answer(id: u32, response: Response) {
    let keep = Keep::after(&response);
    post(&FromWorker::Response { id, response });
    keep.start();
}

/// Prepares ahead what the first visit to a page asks for (`Session::prepare_ahead`), a step
/// at a time, each a task of its own after those already waiting: a page's request that comes
/// meanwhile is answered in between, and finds built what was. Not while an import is under
/// way, which will replace the ledger.
fn prepare_ahead() {
    for ahead in [Ahead::Table, Ahead::Views] {
        let step = Closure::once_into_js(move || {
            if !IMPORTING.get() {
                SESSION.with(|session| session.borrow_mut().prepare_ahead(ahead));
            }
        });
        let _ = scope().set_timeout_with_callback(step.unchecked_ref());
    }
}

/// Imports the files the slots name. The messages that come meanwhile wait (it awaits its part
/// worker), and are handled in order after it.
fn import(id: u32, slots: &[FileSlot], options: ImportOptions, posted: &[File]) {
    let files = match slots.iter().map(|slot| slot.posted(posted).cloned()).collect::<Result<Vec<_>, _>>() {
        Ok(files) => files,
        Err(failure) => return answer(id, Response::Failed(failure)),
    };
    IMPORTING.set(true);
    wasm_bindgen_futures::spawn_local(async move {
        let names = files.iter().map(File::name).collect();
        let response = match import_files(files, &options, id).await {
            Ok(imported) => SESSION.with(|session| session.borrow_mut().imported(names, imported)),
            Err(failure) => Response::Failed(failure),
        };
        answer(id, response);
        IMPORTING.set(false);
        while let Some(data) = WAITING.with(|w| w.borrow_mut().pop_front()).filter(|_| !IMPORTING.get()) {
            on_message(data);
        }
    });
}

/// What importing `files` gives. A large file imported alone is read in two parts at once from
/// the start: its later part asked of a part worker before this one has read more than the
/// file's head, its first part only read here (`import::import_first_part`). Any other import,
/// or one whose parts cannot be joined, reads its files whole here, the later part of a large
/// one read by a part worker meanwhile (`import::import_files_in_parts`).
async fn import_files(files: Vec<File>, options: &ImportOptions, id: u32) -> Result<Imported, Failure> {
    let mut progress = |progress: Progress| {
        post(&FromWorker::Progress { id, progress });
        true
    };
    #[cfg(feature = "test-hooks")]
    test_hooks::wait_while_held(test_hooks::Step::Import).await;
    let parts = parts::Workers::new(files);
    if let Some(first) = parts.first_part(options)? {
        let keep = import::Keep::Everything;
        let imported = import::import_first_part(first.to_read()?, options, keep, &parts, &mut progress);
        if let Some(imported) = imported.await.transpose() {
            return Ok(imported);
        }
    }
    let data = parts.files().iter().map(|file| read_file(file, Extent::Whole)).collect::<Result<Vec<_>, _>>()?;
    let inputs: Vec<InputFile<'_>> = data.iter().map(|f| InputFile { name: &f.name, bytes: &f.bytes }).collect();
    Ok(import::import_files_in_parts(&inputs, options, import::Keep::Everything, &parts, &mut progress).await)
}

/// What an import gave the engine: its ledger and report, or why not.
type Imported = Result<import::Imported, import::ImportError>;

/// The `File`s posted beside the message, which its request's slots index.
fn posted_files(data: &JsValue) -> Vec<File> {
    Reflect::get(data, &"files".into())
        .ok()
        .filter(Array::is_array)
        .map(|v| Array::from(&v).iter().filter_map(|f| f.dyn_into::<File>().ok()).collect())
        .unwrap_or_default()
}

/// The request with each slot read from its posted file, as much of it as the request needs.
fn read_files(request: Request<FileSlot>, files: &[File]) -> Result<Request, Failure> {
    request.map_files(|slot, extent| read_file(slot.posted(files)?, extent))
}

/// Reads `file`; for `Extent::Head`, a text file only up to `SAMPLE_BYTES`, cut after its last
/// line break (a workbook, known by its name or by the signature at its start, is read whole).
fn read_file(file: &File, extent: Extent) -> Result<FileData, Failure> {
    let name = file.name();
    let reader = FileReaderSync::new().map_err(|_| Failure::NoFileReader)?;
    let head = SAMPLE_BYTES as f64;
    if extent == Extent::Head && file.size() > head {
        let mut bytes = read_range(&reader, file, 0.0, head)?;
        if !import::is_workbook(&name, &bytes) {
            let end = bytes.iter().rposition(|&b| b == b'\n').map_or(bytes.len(), |i| i + 1);
            bytes.truncate(end);
            return Ok(FileData { name, bytes });
        }
    }
    let bytes = read_range(&reader, file, 0.0, file.size())?;
    Ok(FileData { name, bytes })
}

/// The bytes of `file` from `start` to `end`, slice by slice straight into wasm memory: the
/// browser holds one slice at a time instead of a second copy of the whole file.
fn read_range(reader: &FileReaderSync, file: &File, start: f64, end: f64) -> Result<Vec<u8>, Failure> {
    let mut bytes = vec![0u8; (end - start).max(0.0) as usize];
    for (index, chunk) in bytes.chunks_mut(READ_SLICE).enumerate() {
        let start = start + (index * READ_SLICE) as f64;
        read_slice(reader, file, start, start + chunk.len() as f64)?.copy_to(chunk);
    }
    Ok(bytes)
}

/// The bytes of `file` from `start` to `end`, a slice at a time (`import::Slices`): a slice
/// that cannot be read ends them, which the reader of the slices sees by their length.
fn slices(reader: FileReaderSync, file: File, start: f64, end: f64) -> import::Slices<'static> {
    Box::new(FileSlices { reader, file, at: start, end })
}

/// `slices`: where the next slice starts.
struct FileSlices {
    reader: FileReaderSync,
    file: File,
    at: f64,
    end: f64,
}

impl import::SliceSource for FileSlices {
    /// The slice copied from the browser's memory straight onto the window: no buffer of its
    /// own in wasm memory (8 MB more held in each worker, and one more copy of every byte).
    fn append_next(&mut self, window: &mut Vec<u8>) -> bool {
        let to = (self.at + READ_SLICE as f64).min(self.end);
        let Some(array) =
            (self.at < self.end).then(|| read_slice(&self.reader, &self.file, self.at, to).ok()).flatten()
        else {
            return false;
        };
        let held = window.len();
        window.resize(held + array.length() as usize, 0);
        array.copy_to(&mut window[held..]);
        self.at = to;
        true
    }
}

/// One slice of `file`, read into the browser's memory.
fn read_slice(reader: &FileReaderSync, file: &File, start: f64, end: f64) -> Result<Uint8Array, Failure> {
    let unreadable = || Failure::FileUnreadable { file: file.name() };
    let slice = file.slice_with_f64_and_f64(start, end).map_err(|_| unreadable())?;
    let buffer = reader.read_as_array_buffer(&slice).map_err(|_| unreadable())?;
    let array = Uint8Array::new(&buffer);
    if f64::from(array.length()) != end - start {
        return Err(unreadable());
    }
    Ok(array)
}

/// How much of a file is read into the browser's memory at once.
const READ_SLICE: usize = 8 << 20;

fn handle(id: u32, request: Request) -> Response {
    SESSION.with(|session| {
        session.borrow_mut().handle(request, &mut |progress: Progress| {
            post(&FromWorker::Progress { id, progress });
            true
        })
    })
}

/// Kills this worker the way the end-to-end tests ask: a panic, an abort (a trap, as exhausted
/// memory ends), an abort inside a future, (`cut-save-at-chunk:N`) the next save left
/// unfinished as an abort leaves it, or the next save or import held (`hold-save`,
/// `hold-import`: before the import reads a byte) until `release-save` or
/// `release-import`. True when the hook only armed something, and its request is answered now.
#[cfg(feature = "test-hooks")]
fn test_hook(hook: &str) -> bool {
    match hook {
        "panic" => panic!("test panic requested of the worker"),
        "abort" => core::arch::wasm32::unreachable(),
        "abort-later" => {
            wasm_bindgen_futures::spawn_local(async { core::arch::wasm32::unreachable() });
            false
        }
        "hold-save" | "hold-import" | "release-save" | "release-import" => {
            let step = if hook.ends_with("save") { test_hooks::Step::Save } else { test_hooks::Step::Import };
            if hook.starts_with("hold") {
                test_hooks::hold(step);
            } else {
                test_hooks::release(step);
            }
            true
        }
        _ => {
            if let Some(index) = hook.strip_prefix("cut-save-at-chunk:").and_then(|i| i.parse().ok()) {
                test_hooks::cut_save_at_chunk(index);
            }
            true
        }
    }
}

/// What a response means for the workspace saved in storage.
enum Keep {
    Save,
    Clear,
    Unchanged,
}

impl Keep {
    fn after(response: &Response) -> Keep {
        match response {
            Response::Loaded { .. }
            | Response::TablesSaved(_)
            | Response::FocusSaved(_)
            | Response::ActionsSaved(_) => Keep::Save,
            Response::Closed => Keep::Clear,
            _ => Keep::Unchanged,
        }
    }

    /// Keeps storage in step with the workspace (after the response is posted).
    fn start(self) {
        match self {
            Keep::Save => {
                // Said before the file is even serialised: from now on a reload would lose the
                // new ledger (the page warns), while the saved one stays whole until the save commits.
                post(&FromWorker::Saving);
                if let Some(file) = SESSION.with(|s| s.borrow().workspace_file()) {
                    wasm_bindgen_futures::spawn_local(async move {
                        post(&FromWorker::Storage { note: storage::save(&file).await });
                        // After the save, which it would otherwise hold up; after a save of
                        // anything else than a new ledger, what it prepares is there already.
                        prepare_ahead();
                    });
                }
            }
            Keep::Clear => wasm_bindgen_futures::spawn_local(async {
                post(&FromWorker::Storage { note: storage::clear().await });
            }),
            Keep::Unchanged => {}
        }
    }
}

/// Opens the saved workspace, if any, and tells the page.
async fn restore() {
    match storage::load().await {
        Ok(Some(bytes)) => {
            let file = FileData { name: "saved workspace".into(), bytes };
            post(&FromWorker::Restored { response: handle(0, Request::Restore { file }) });
            prepare_ahead();
        }
        Ok(None) => post(&FromWorker::Restored { response: Response::Closed }),
        Err(problem) => post(&FromWorker::Storage { note: StorageNote::Unavailable(problem) }),
    }
}

fn post_backup(id: u32) {
    let file = SESSION.with(|s| s.borrow().workspace_file());
    let message = envelope(&FromWorker::Backup { id });
    if let Some(file) = file {
        let bytes = Uint8Array::from(&file[..]);
        let _ = Reflect::set(&message, &"bytes".into(), &bytes);
        let transfer = Array::of1(&bytes.buffer());
        let _ = scope().post_message_with_transfer(&message, &transfer);
    } else {
        let _ = scope().post_message(&message);
    }
}

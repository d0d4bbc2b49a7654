//! The UI's only way to the engine: `ask` posts a request to the Web Worker that owns the
//! workspace's session and resolves with its response. Pages never compute; they ask and draw.
//!
//! The worker also sends messages nobody asked for: import progress, the workspace it restored
//! from storage at start, and what happened when it saved. Those go to the `Listener` the
//! workspace installs.
//!
//! The messages are `crate::protocol`'s, posted as `{message: <JSON>, files?: File[]}` and
//! answered as `{message: <JSON>, bytes?}`; a request names its files by slot in `files`.
//!
//! A worker can die (a panic, or an abort such as exhausted memory): its panic hook posts
//! `Died`, an abort raises an error event here, and both end in `died()`: every pending
//! request fails with `Failure::WorkerLost` (the page words it in the user's language), and a
//! new worker restores the saved workspace (at most `MAX_RESTARTS` times in a row before one
//! has started).

use crate::engine::import::Progress;
use crate::engine::limits::{self, BROWSER_IMPORT_BYTES};
use crate::engine::session::{Failure, Loss, Request, Response};
use crate::protocol::{self, FileSlot, FromWorker, PageRequest, StorageNote, ToWorker};
use futures_channel::oneshot;
use js_sys::{Array, Object, Reflect, Uint8Array};
use std::cell::{Cell, RefCell};
use std::collections::HashMap;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::{ErrorEvent, Event, File, MessageEvent, Worker, WorkerOptions, WorkerType};

/// Where the worker's unsolicited messages go.
pub struct Listener {
    pub progress: Box<dyn Fn(Progress)>,
    /// What the worker restored from storage when it started, or a failure nobody asked for.
    pub response: Box<dyn Fn(Response)>,
    pub storage: Box<dyn Fn(StorageNote)>,
    /// The worker has started saving the workspace; a `storage` note says how it ended.
    pub saving: Box<dyn Fn()>,
    /// The worker stopped (a panic or an abort) and what the bridge did about it.
    pub lost: Box<dyn Fn(Loss)>,
}

enum Reply {
    Response(Response),
    Bytes(Option<Vec<u8>>),
    /// The worker stopped before it answered.
    Lost(Loss),
}

struct Bridge {
    worker: Worker,
    /// Which worker this is: the last words of a replaced one are ignored.
    generation: u32,
    next_id: u32,
    pending: HashMap<u32, oneshot::Sender<Reply>>,
    /// Messages posted before the worker said it listens: a worker's wasm starts
    /// asynchronously, and what it receives before then would be lost.
    waiting: Option<Vec<Object>>,
}

/// Workers may stop this many times in a row before one has restored the saved workspace
/// (a workspace whose restore itself kills the worker would otherwise restart it forever).
const MAX_RESTARTS: u32 = 2;

thread_local! {
    static BRIDGE: RefCell<Option<Bridge>> = const { RefCell::new(None) };
    static LISTENER: RefCell<Option<Listener>> = const { RefCell::new(None) };
    static GENERATION: Cell<u32> = const { Cell::new(0) };
    /// Workers that stopped since one last finished starting (restored, or found no storage).
    static DEATHS: Cell<u32> = const { Cell::new(0) };
}

/// Starts the worker (it restores the saved workspace and reports it to `listener`).
pub fn start(listener: Listener) -> Result<(), Failure> {
    LISTENER.with(|l| *l.borrow_mut() = Some(listener));
    spawn_worker()
}

fn spawn_worker() -> Result<(), Failure> {
    let generation = GENERATION.with(|g| g.replace(g.get() + 1) + 1);
    let options = WorkerOptions::new();
    options.set_type(WorkerType::Classic);
    let worker = Worker::new_with_options("worker_loader.js", &options)
        .map_err(|e| Failure::EngineNotStarted { detail: format!("{e:?}") })?;
    let on_message =
        Closure::<dyn Fn(MessageEvent)>::new(move |event: MessageEvent| on_message(generation, event.data()));
    worker.set_onmessage(Some(on_message.as_ref().unchecked_ref()));
    on_message.forget();
    // An abort in the worker (a trap, memory exhausted) surfaces only as an error event; a
    // message that cannot be read would leave its request waiting forever. Both end the worker.
    let on_error = Closure::<dyn Fn(Event)>::new(move |event: Event| died(generation, &error_detail(&event)));
    worker.set_onerror(Some(on_error.as_ref().unchecked_ref()));
    worker.set_onmessageerror(Some(on_error.as_ref().unchecked_ref()));
    on_error.forget();
    BRIDGE.with(|b| {
        *b.borrow_mut() =
            Some(Bridge { worker, generation, next_id: 1, pending: HashMap::new(), waiting: Some(Vec::new()) })
    });
    Ok(())
}

fn error_detail(event: &Event) -> String {
    match event.dyn_ref::<ErrorEvent>() {
        Some(error) => error.message(),
        None => format!("{} event", event.type_()),
    }
}

/// Stops whatever the worker is doing (an import the user cancelled) by replacing it; the new
/// worker restores the saved workspace. Pending requests resolve as `Cancelled`.
pub fn restart() -> Result<(), Failure> {
    if let Some(old) = BRIDGE.with(|b| b.borrow_mut().take()) {
        old.worker.terminate();
    }
    spawn_worker()
}

/// The worker of `generation` stopped (its panic hook said so, or an error event did; whichever
/// comes first, the other finds it replaced). Its pending requests fail with the `Loss`, and a
/// new worker restores the saved workspace unless workers keep stopping while starting.
fn died(generation: u32, detail: &str) {
    let Some(dead) = BRIDGE.with(|b| {
        let mut b = b.borrow_mut();
        b.as_ref().is_some_and(|bridge| bridge.generation == generation).then(|| b.take()).flatten()
    }) else {
        return;
    };
    web_sys::console::warn_1(&format!("the engine's worker stopped: {detail}").into());
    dead.worker.terminate();
    let deaths = DEATHS.with(|d| d.replace(d.get() + 1) + 1);
    let loss = if deaths <= MAX_RESTARTS && spawn_worker().is_ok() { Loss::Restarting } else { Loss::GaveUp };
    listener(|l| (l.lost)(loss));
    for sender in dead.pending.into_values() {
        let _ = sender.send(Reply::Lost(loss));
    }
}

fn listener(f: impl FnOnce(&Listener)) {
    LISTENER.with(|l| {
        if let Some(listener) = l.borrow().as_ref() {
            f(listener);
        }
    });
}

fn on_message(generation: u32, data: JsValue) {
    if !BRIDGE.with(|b| b.borrow().as_ref().is_some_and(|bridge| bridge.generation == generation)) {
        return;
    }
    let json = Reflect::get(&data, &"message".into()).ok().and_then(|v| v.as_string()).unwrap_or_default();
    let message = serde_json::from_str::<FromWorker>(&json).unwrap_or_else(|_| FromWorker::Response {
        id: protocol::id_of(&json),
        response: Response::Failed(Failure::AnswerNotUnderstood),
    });
    if matches!(message, FromWorker::Restored { .. } | FromWorker::Storage { .. }) {
        // The worker has said what it restored (or that storage is unavailable): it started.
        DEATHS.with(|d| d.set(0));
        announce_start();
    }
    match message {
        FromWorker::Listening => flush_waiting(),
        FromWorker::Died { detail } => died(generation, &detail),
        FromWorker::Saving => listener(|l| (l.saving)()),
        FromWorker::Progress { progress, .. } => listener(|l| (l.progress)(progress)),
        FromWorker::Storage { note } => listener(|l| (l.storage)(note)),
        FromWorker::Backup { id } => {
            let bytes = Reflect::get(&data, &"bytes".into())
                .ok()
                .filter(|b| b.is_object())
                .map(|b| Uint8Array::new(&b).to_vec());
            resolve(id, Reply::Bytes(bytes));
        }
        FromWorker::Restored { response } | FromWorker::Response { id: 0, response } => {
            listener(|l| (l.response)(response))
        }
        FromWorker::Response { id, response } => resolve(id, Reply::Response(response)),
    }
}

/// Tells `boot.js` that a worker has started: it registers the service worker on the first
/// such word, so that the service worker's first install does not compete with the start.
fn announce_start() {
    if let Some(window) = web_sys::window() {
        if let Ok(event) = Event::new("clientele-started") {
            let _ = window.dispatch_event(&event);
        }
    }
}

fn flush_waiting() {
    BRIDGE.with(|b| {
        if let Some(bridge) = b.borrow_mut().as_mut() {
            for message in bridge.waiting.take().unwrap_or_default() {
                let _ = bridge.worker.post_message(&message);
            }
        }
    });
}

fn resolve(id: u32, reply: Reply) {
    let sender = BRIDGE.with(|b| b.borrow_mut().as_mut().and_then(|b| b.pending.remove(&id)));
    if let Some(sender) = sender {
        let _ = sender.send(reply);
    }
}

/// Posts the message `ask` makes of a fresh id, with `files` beside it, and waits for its
/// reply; `None` when it was cancelled.
async fn post(ask: impl FnOnce(u32) -> ToWorker, files: &[File]) -> Option<Reply> {
    let (sender, receiver) = oneshot::channel();
    let posted = BRIDGE.with(|b| {
        let mut b = b.borrow_mut();
        // No worker: the bridge gave up restarting it.
        let Some(bridge) = b.as_mut() else { return Some(false) };
        let id = bridge.next_id;
        bridge.next_id += 1;
        let message = Object::new();
        let json = serde_json::to_string(&ask(id)).unwrap_or_default();
        let _ = Reflect::set(&message, &"message".into(), &json.into());
        let _ = Reflect::set(&message, &"files".into(), &files.iter().collect::<Array>());
        match &mut bridge.waiting {
            Some(waiting) => waiting.push(message),
            None => bridge.worker.post_message(&message).ok()?,
        }
        bridge.pending.insert(id, sender);
        Some(true)
    });
    if !posted? {
        return Some(Reply::Lost(Loss::GaveUp));
    }
    receiver.await.ok()
}

/// Answers a request; analysis pages call it from a resource so that changing a filter re-asks.
pub async fn ask(request: PageRequest) -> Response {
    ask_with_files(request, &[]).await
}

/// The slot of `file`, posted as the `index`th of a request's files (`ask_with_files`).
pub fn slot(index: usize, file: &File) -> FileSlot {
    FileSlot { index, name: file.name() }
}

/// The slots of `files`, posted in this order.
pub fn slots(files: &[File]) -> Vec<FileSlot> {
    files.iter().enumerate().map(|(index, file)| slot(index, file)).collect()
}

/// Answers a request whose files are `slots` of `files`; the worker reads them.
/// An import larger than the browser takes is refused here, before the worker reads a byte.
pub async fn ask_with_files(request: PageRequest, files: &[File]) -> Response {
    if matches!(request, Request::Import { .. }) {
        let sizes: Vec<(String, u64)> = files.iter().map(|f| (f.name(), f.size() as u64)).collect();
        if let Err(refused) = limits::check_import(&sizes, import_limit()) {
            return Response::Failed(Failure::TooLarge(refused));
        }
    }
    answer(post(|id| ToWorker::Ask { id, request: Box::new(request) }, files).await)
}

fn answer(reply: Option<Reply>) -> Response {
    match reply {
        Some(Reply::Response(response)) => response,
        Some(Reply::Bytes(_)) => Response::Failed(Failure::AnswerNotUnderstood),
        Some(Reply::Lost(loss)) => Response::Failed(Failure::WorkerLost(loss)),
        None => Response::Cancelled,
    }
}

/// The largest import; the end-to-end tests lower it (`window.clienteleTestImportLimit`) to
/// test the refusal without a gigabyte file.
fn import_limit() -> u64 {
    #[cfg(feature = "test-hooks")]
    if let Some(limit) =
        Reflect::get(&js_sys::global(), &"clienteleTestImportLimit".into()).ok().and_then(|v| v.as_f64())
    {
        return limit as u64;
    }
    BROWSER_IMPORT_BYTES
}

/// Posts a test hook (`panic`, `abort`, `abort-later`) the worker obeys in test builds, and
/// waits for its reply: the failure the worker's death turns it into.
#[cfg(feature = "test-hooks")]
pub async fn ask_test_hook(hook: String) -> Response {
    answer(post(|id| ToWorker::TestHook { id, hook }, &[]).await)
}

/// The workspace as one file, for "Save workspace"; `None` when nothing is loaded.
pub async fn workspace_file() -> Option<Vec<u8>> {
    match post(|id| ToWorker::Backup { id }, &[]).await {
        Some(Reply::Bytes(bytes)) => bytes,
        _ => None,
    }
}

//! The UI's only way to the engine: `ask` posts a request to the Web Worker that owns the
//! workspace's session and resolves with its response. Pages never compute; they ask and draw.
//!
//! The worker also sends messages nobody asked for: import progress, the workspace it restored
//! from storage at start, and what happened when it saved. Those go to the `Listener` the
//! workspace installs.

use crate::engine::import::Progress;
use crate::engine::session::{Request, Response};
use crate::worker::StorageNote;
use futures_channel::oneshot;
use js_sys::{Array, Object, Reflect, Uint8Array};
use serde::de::DeserializeOwned;
use std::cell::RefCell;
use std::collections::HashMap;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::{File, MessageEvent, Worker, WorkerOptions, WorkerType};

/// Where the worker's unsolicited messages go.
pub struct Listener {
    pub progress: Box<dyn Fn(Progress)>,
    pub response: Box<dyn Fn(Response)>,
    pub storage: Box<dyn Fn(StorageNote)>,
}

enum Reply {
    Response(Response),
    Bytes(Option<Vec<u8>>),
}

struct Bridge {
    worker: Worker,
    next_id: u32,
    pending: HashMap<u32, oneshot::Sender<Reply>>,
    /// Messages posted before the worker said it listens: a worker's wasm starts
    /// asynchronously, and what it receives before then would be lost.
    waiting: Option<Vec<Object>>,
}

thread_local! {
    static BRIDGE: RefCell<Option<Bridge>> = const { RefCell::new(None) };
    static LISTENER: RefCell<Option<Listener>> = const { RefCell::new(None) };
}

/// Starts the worker (it restores the saved workspace and reports it to `listener`).
pub fn start(listener: Listener) -> Result<(), String> {
    LISTENER.with(|l| *l.borrow_mut() = Some(listener));
    spawn_worker()
}

fn spawn_worker() -> Result<(), String> {
    let options = WorkerOptions::new();
    options.set_type(WorkerType::Classic);
    let worker = Worker::new_with_options("worker_loader.js", &options).map_err(|e| format!("{e:?}"))?;
    let on_message = Closure::<dyn Fn(MessageEvent)>::new(|event: MessageEvent| on_message(event.data()));
    worker.set_onmessage(Some(on_message.as_ref().unchecked_ref()));
    on_message.forget();
    BRIDGE.with(|b| *b.borrow_mut() = Some(Bridge { worker, next_id: 1, pending: HashMap::new(), waiting: Some(Vec::new()) }));
    Ok(())
}

/// Stops whatever the worker is doing (an import the user cancelled) by replacing it; the new
/// worker restores the saved workspace. Pending requests resolve as `Cancelled`.
pub fn restart() -> Result<(), String> {
    if let Some(old) = BRIDGE.with(|b| b.borrow_mut().take()) {
        old.worker.terminate();
    }
    spawn_worker()
}

fn listener(f: impl FnOnce(&Listener)) {
    LISTENER.with(|l| {
        if let Some(listener) = l.borrow().as_ref() {
            f(listener);
        }
    });
}

fn parse<T: DeserializeOwned>(data: &JsValue) -> Option<T> {
    let json = Reflect::get(data, &"json".into()).ok()?.as_string()?;
    serde_json::from_str(&json).ok()
}

fn on_message(data: JsValue) {
    let id = Reflect::get(&data, &"id".into()).ok().and_then(|v| v.as_f64()).unwrap_or(0.0) as u32;
    let kind = Reflect::get(&data, &"kind".into()).ok().and_then(|v| v.as_string()).unwrap_or_default();
    match kind.as_str() {
        "listening" => flush_waiting(),
        "progress" => {
            if let Some(progress) = parse(&data) {
                listener(|l| (l.progress)(progress));
            }
        }
        "storage" => {
            if let Some(note) = parse(&data) {
                listener(|l| (l.storage)(note));
            }
        }
        "backup" => {
            let bytes = Reflect::get(&data, &"bytes".into()).ok().filter(|b| b.is_object()).map(|b| Uint8Array::new(&b).to_vec());
            resolve(id, Reply::Bytes(bytes));
        }
        _ => {
            let response = parse(&data).unwrap_or_else(|| Response::Failed("the engine sent a message this page does not understand: reload the page".into()));
            if id == 0 {
                listener(|l| (l.response)(response));
            } else {
                resolve(id, Reply::Response(response));
            }
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

/// Posts `message` (with a fresh id) and waits for its reply.
async fn post(message: Object, transfer_files: &[File]) -> Option<Reply> {
    let (sender, receiver) = oneshot::channel();
    let posted = BRIDGE.with(|b| {
        let mut b = b.borrow_mut();
        let bridge = b.as_mut()?;
        let id = bridge.next_id;
        bridge.next_id += 1;
        let _ = Reflect::set(&message, &"id".into(), &id.into());
        if !transfer_files.is_empty() {
            let files: Array = transfer_files.iter().collect();
            let _ = Reflect::set(&message, &"files".into(), &files);
        }
        match &mut bridge.waiting {
            Some(waiting) => waiting.push(message),
            None => bridge.worker.post_message(&message).ok()?,
        }
        bridge.pending.insert(id, sender);
        Some(())
    });
    posted?;
    receiver.await.ok()
}

/// Answers a request; analysis pages call it from a resource so that changing a filter re-asks.
pub async fn ask(request: Request) -> Response {
    ask_with_files(request, &[]).await
}

/// Answers a request whose `FileData` slots (names only) are filled in the worker from `files`.
pub async fn ask_with_files(request: Request, files: &[File]) -> Response {
    let message = Object::new();
    let json = serde_json::to_string(&request).unwrap_or_default();
    let _ = Reflect::set(&message, &"request".into(), &json.into());
    match post(message, files).await {
        Some(Reply::Response(response)) => response,
        Some(Reply::Bytes(_)) => Response::Failed("the engine answered with a file where a result was expected".into()),
        None => Response::Cancelled,
    }
}

/// The workspace as one file, for "Save workspace"; `None` when nothing is loaded.
pub async fn workspace_file() -> Option<Vec<u8>> {
    let message = Object::new();
    let _ = Reflect::set(&message, &"backup".into(), &true.into());
    match post(message, &[]).await {
        Some(Reply::Bytes(bytes)) => bytes,
        _ => None,
    }
}

//! The other worker that reads the later part of a large file while this one reads the first
//! (the engine's `import::parts`: the browser gives no threads, but a worker per core). It is
//! this same worker program started under another name: it reads its slice of the `File`
//! itself (slices are free; only the part crosses into its memory), reads the part with the
//! plan it is sent, and sends back what it read as bytes (transferred, not copied).
//!
//! Messages, plain objects: the part worker says `{ready: true}` once it listens; the importer
//! then posts `{part: <Part as JSON>, file: File}`; the answer is `{read: Uint8Array}` or
//! `{failed: true}`. One worker reads one part and is then terminated; the next is started
//! when a file is previewed, so that its wasm has loaded by the time the import starts.

use super::{read_range, slices};
use crate::engine::import::{self, FileSplit, ImportOptions, InputFile, Keep, Part, PartReader};
use crate::engine::session::Failure;
use futures_channel::oneshot;
use js_sys::{Array, Object, Reflect, Uint8Array};
use std::cell::{Cell, RefCell};
use std::future::Future;
use std::pin::Pin;
use std::rc::Rc;
use std::task::{Context, Poll};
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::{
    DedicatedWorkerGlobalScope, Event, File, FileReaderSync, MessageEvent, Worker, WorkerOptions, WorkerType,
};

/// The name a part worker is started under, by which it knows what it is.
pub const NAME: &str = "clientele-part";

/// The script both workers start from (Trunk's loader of the worker's wasm).
const SCRIPT: &str = "worker_loader.js";

thread_local! {
    /// A part worker started ahead, with whether it has said it is ready.
    static SPARE: RefCell<Option<(Worker, Rc<Cell<bool>>)>> = const { RefCell::new(None) };
}

/// This worker as a part worker: it reads the parts it is sent.
pub fn serve(scope: &DedicatedWorkerGlobalScope) {
    let on_message = Closure::<dyn Fn(MessageEvent)>::new(|event: MessageEvent| answer(&event.data()));
    scope.set_onmessage(Some(on_message.as_ref().unchecked_ref()));
    on_message.forget();
    let _ = scope.post_message(&object(&[("ready", JsValue::TRUE)]));
}

/// Reads the part a message asks for and posts what it read (or that it could not).
fn answer(data: &JsValue) {
    let scope: DedicatedWorkerGlobalScope = js_sys::global().unchecked_into();
    let read = || -> Option<Vec<u8>> {
        let json = Reflect::get(data, &"part".into()).ok()?.as_string()?;
        let part: Part = serde_json::from_str(&json).ok()?;
        let file: File = Reflect::get(data, &"file".into()).ok()?.dyn_into().ok()?;
        let reader = FileReaderSync::new().ok()?;
        let size = file.size();
        let bytes = (size as u64).checked_sub(part.start)?;
        import::read_part(&part, bytes, slices(reader, file, part.start as f64, size))
    };
    match read() {
        Some(bytes) => {
            let array = Uint8Array::from(&bytes[..]);
            drop(bytes);
            let message = object(&[("read", array.clone().into())]);
            let _ = scope.post_message_with_transfer(&message, &Array::of1(&array.buffer()));
        }
        None => {
            let _ = scope.post_message(&object(&[("failed", JsValue::TRUE)]));
        }
    }
}

fn object(fields: &[(&str, JsValue)]) -> Object {
    let object = Object::new();
    for (name, value) in fields {
        let _ = Reflect::set(&object, &(*name).into(), value);
    }
    object
}

/// Starts a part worker ahead of an import, if this machine has a second core and none is
/// waiting yet.
pub fn warm_up() {
    if SPARE.with(|s| s.borrow().is_none()) {
        let spare = start_worker();
        SPARE.with(|s| *s.borrow_mut() = spare);
    }
}

/// Whether this machine has a second core for a part worker.
fn second_core() -> bool {
    let scope: DedicatedWorkerGlobalScope = js_sys::global().unchecked_into();
    scope.navigator().hardware_concurrency() >= 2.0
}

/// A new part worker, with a handler that notes when it is ready.
fn start_worker() -> Option<(Worker, Rc<Cell<bool>>)> {
    if !second_core() {
        return None;
    }
    // Classic, as the page starts this worker: Trunk's loader calls `importScripts`.
    let options = WorkerOptions::new();
    options.set_type(WorkerType::Classic);
    options.set_name(NAME);
    let worker = Worker::new_with_options(SCRIPT, &options).ok()?;
    let ready = Rc::new(Cell::new(false));
    let noted = ready.clone();
    let on_message = Closure::<dyn Fn(MessageEvent)>::new(move |_: MessageEvent| noted.set(true));
    worker.set_onmessage(Some(on_message.as_ref().unchecked_ref()));
    on_message.forget();
    // A spare that fails to start is dropped, and its error goes no further: unhandled, it
    // would reach the page as this worker's own.
    let on_error = Closure::<dyn Fn(Event)>::new(|event: Event| {
        event.prevent_default();
        SPARE.with(|s| s.borrow_mut().take());
    });
    worker.set_onerror(Some(on_error.as_ref().unchecked_ref()));
    on_error.forget();
    Some((worker, ready))
}

/// The part workers of one import.
pub struct Workers {
    /// The files it reads, by their index in the import.
    files: Vec<File>,
    /// The part of the first file a part worker was asked for before the import began
    /// (`first_part`), with its reading: `start` takes it when it is the part asked for.
    early: RefCell<Option<(Part, Reading)>>,
}

/// The first part of a large file imported alone, to be read here (`Workers::first_part`).
pub struct FirstPart {
    pub name: String,
    /// The file's first bytes, to a line break (more than the guess reads).
    pub head: Vec<u8>,
    /// Where the part read by the part worker starts (a line start).
    pub start: u64,
    /// Where the first part ends: the line break after the line at `start`.
    pub end: u64,
    pub size: u64,
    file: File,
}

impl FirstPart {
    /// The first part as the importer reads it, its bytes after the head read slice by slice.
    pub fn to_read(&self) -> Result<import::FirstPart<'_>, Failure> {
        let reader = FileReaderSync::new().map_err(|_| Failure::NoFileReader)?;
        let rest = slices(reader, self.file.clone(), self.head.len() as f64, self.end as f64);
        let head = InputFile { name: &self.name, bytes: &self.head };
        Ok(import::FirstPart { head, rest, start: self.start, end: self.end, size: self.size })
    }
}

impl Workers {
    pub fn new(files: Vec<File>) -> Workers {
        Workers { files, early: RefCell::new(None) }
    }

    pub fn files(&self) -> &[File] {
        &self.files
    }

    /// For a large file imported alone: asks a part worker for the part from the line after
    /// the file's middle, read with what the guess makes of the file's head, and gives the
    /// first part to read here, up to the end of the line after that one (the importer needs
    /// to see past the split), so that both are read at once from the start. `None` when the
    /// file is to be read whole (small, not alone, one core, no line break near the middle, or
    /// not a file read in parts, as a workbook or a grouped report).
    pub fn first_part(&self, options: &ImportOptions) -> Result<Option<FirstPart>, Failure> {
        let [file] = &self.files[..] else { return Ok(None) };
        if !second_core() {
            return Ok(None);
        }
        let reader = FileReaderSync::new().map_err(|_| Failure::NoFileReader)?;
        let size = file.size() as u64;
        let read = |start: u64, end: u64| read_range(&reader, file, start as f64, end as f64);
        let Some(FileSplit { head, start, end }) = import::split_file(size, read)? else { return Ok(None) };
        let name = file.name();
        let input = InputFile { name: &name, bytes: &head };
        let Some(part) = import::first_part_of(&input, start, options, Keep::Everything) else { return Ok(None) };
        *self.early.borrow_mut() = ask(file, &part).map(|reading| (part, reading));
        Ok(Some(FirstPart { name, head, start, end, size, file: file.clone() }))
    }
}

impl PartReader for Workers {
    type Read = Reading;

    fn start(&self, file: usize, part: Part) -> Option<Reading> {
        // An early reading of another part is dropped here, which ends its worker.
        let early = self.early.borrow_mut().take().filter(|(asked, _)| file == 0 && *asked == part);
        match early {
            Some((_, reading)) => Some(reading),
            None => ask(self.files.get(file)?, &part),
        }
    }
}

/// Asks a part worker (the spare, or a new one) to read `part` of `file`.
fn ask(file: &File, part: &Part) -> Option<Reading> {
    let (worker, ready) = SPARE.with(|s| s.borrow_mut().take()).or_else(start_worker)?;
    let json = serde_json::to_string(part).ok()?;
    let message = object(&[("part", json.into()), ("file", file.into())]);
    let (sender, receiver) = oneshot::channel();
    let sender = Rc::new(RefCell::new(Some(sender)));
    let send = move |read: Option<Vec<u8>>| {
        if let Some(sender) = sender.borrow_mut().take() {
            let _ = sender.send(read);
        }
    };
    let on_error = {
        let send = send.clone();
        Closure::<dyn Fn(Event)>::new(move |event: Event| {
            event.prevent_default();
            send(None);
        })
    };
    let ask = {
        let (worker, send) = (worker.clone(), send.clone());
        Rc::new(move || {
            if worker.post_message(&message).is_err() {
                send(None);
            }
        })
    };
    let on_message = {
        let ask = ask.clone();
        Closure::<dyn Fn(MessageEvent)>::new(move |event: MessageEvent| {
            let data = event.data();
            if let Ok(read) = Reflect::get(&data, &"read".into()).and_then(|r| r.dyn_into::<Uint8Array>()) {
                send(Some(read.to_vec()));
            } else if Reflect::has(&data, &"ready".into()).unwrap_or(false) {
                ask();
            } else {
                // `failed`, or it died (its panic hook's message).
                send(None);
            }
        })
    };
    worker.set_onmessage(Some(on_message.as_ref().unchecked_ref()));
    worker.set_onerror(Some(on_error.as_ref().unchecked_ref()));
    // A spare that said it was ready before this import listened is asked now.
    if ready.get() {
        ask();
    }
    Some(Reading { worker, receiver, _on_message: on_message, _on_error: on_error })
}

/// A part being read by a part worker, which is terminated when this is dropped.
pub struct Reading {
    worker: Worker,
    receiver: oneshot::Receiver<Option<Vec<u8>>>,
    _on_message: Closure<dyn Fn(MessageEvent)>,
    _on_error: Closure<dyn Fn(Event)>,
}

impl Future for Reading {
    type Output = Option<Vec<u8>>;

    fn poll(mut self: Pin<&mut Self>, context: &mut Context<'_>) -> Poll<Option<Vec<u8>>> {
        Pin::new(&mut self.receiver).poll(context).map(|read| read.ok().flatten())
    }
}

impl Drop for Reading {
    fn drop(&mut self) {
        self.worker.terminate();
    }
}

//! What the end-to-end tests ask of the worker beside killing it (`test_hook` in `mod.rs`),
//! compiled only with the `test-hooks` feature: a save cut off in the middle, as an abort (a
//! trap, exhausted memory) would leave it; and a save or an import held until the test
//! releases it, so that "while a save runs" or "while an import runs" does not depend on how
//! fast the machine is.

use futures_channel::oneshot;
use std::cell::{Cell, RefCell};

/// A step that can be held.
#[derive(Clone, Copy)]
pub enum Step {
    Save,
    Import,
}

/// The next run of a step held (armed), or the run being held (its release).
#[derive(Default)]
struct Hold {
    armed: Option<(oneshot::Sender<()>, oneshot::Receiver<()>)>,
    waiting: Option<oneshot::Sender<()>>,
}

thread_local! {
    static CUT_AT_CHUNK: Cell<Option<usize>> = const { Cell::new(None) };
    static HOLDS: RefCell<[Hold; 2]> = RefCell::new(Default::default());
}

fn with_hold<T>(step: Step, f: impl FnOnce(&mut Hold) -> T) -> T {
    HOLDS.with(|holds| f(&mut holds.borrow_mut()[step as usize]))
}

/// The next run of `step` waits until `release`.
pub fn hold(step: Step) {
    with_hold(step, |hold| hold.armed = Some(oneshot::channel()));
}

/// Lets the run of `step` being held go on (or the next one not wait).
pub fn release(step: Step) {
    let release = with_hold(step, |hold| hold.waiting.take().or(hold.armed.take().map(|(release, _)| release)));
    if let Some(release) = release {
        let _ = release.send(());
    }
}

pub async fn wait_while_held(step: Step) {
    let armed = with_hold(step, |hold| hold.armed.take());
    if let Some((release, released)) = armed {
        with_hold(step, |hold| hold.waiting = Some(release));
        let _ = released.await;
    }
}

/// The next save stops before writing chunk `index`.
pub fn cut_save_at_chunk(index: usize) {
    CUT_AT_CHUNK.with(|a| a.set(Some(index)));
}

pub fn cut_here(index: usize) -> bool {
    CUT_AT_CHUNK.with(|a| a.get() == Some(index) && a.take().is_some())
}

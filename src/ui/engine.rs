//! The UI's only way to the engine: `ask` sends a request to the workspace's session and
//! resolves with its response. Pages never compute; they ask and draw.
//!
//! The session runs on the page for now; moving it into a Web Worker changes this file only.

use crate::engine::session::{Request, Response, Session};
use std::cell::RefCell;

thread_local! {
    static SESSION: RefCell<Session> = RefCell::new(Session::default());
}

/// Answers a request; analysis pages call it from a resource so that changing a filter re-asks.
pub async fn ask(request: Request) -> Response {
    SESSION.with(|session| session.borrow_mut().handle(request, &mut |_| true))
}

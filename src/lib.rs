//! Clientele: the Customer Marketing Method's analyses, computed where the data is.
//!
//! `engine` is plain Rust (native tests, the `clientele` command, the browser's worker);
//! `ui` is the Leptos app and exists only when compiled for the browser; `protocol` is what the
//! app and its worker say to each other.

pub mod chart;
pub mod engine;
pub mod i18n;
pub mod protocol;

#[cfg(target_arch = "wasm32")]
pub mod ui;

#[cfg(target_arch = "wasm32")]
pub mod worker;

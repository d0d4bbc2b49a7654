//! Clientele: the Customer Marketing Method's analyses, computed where the data is.
//!
//! `engine` is plain Rust (native tests, the `clientele` command, the browser's worker);
//! `ui` is the Leptos app and exists only when compiled for the browser.

pub mod chart;
pub mod engine;
pub mod i18n;

#[cfg(target_arch = "wasm32")]
pub mod ui;

#[cfg(target_arch = "wasm32")]
pub mod worker;

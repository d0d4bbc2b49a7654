//! Small settings in localStorage (gloo-storage). Storage may be disabled (private windows,
//! policies): gloo-storage then panics, so every call first asks the browser whether
//! localStorage can be had; reads fall back to defaults and writes are skipped (boot.js has
//! already told the user that nothing will be kept).

use gloo_storage::{LocalStorage, Storage};
use serde::{de::DeserializeOwned, Serialize};

const PREFIX: &str = "clientele.";

fn available() -> bool {
    web_sys::window().is_some_and(|w| matches!(w.local_storage(), Ok(Some(_))))
}

pub fn load<T: DeserializeOwned>(key: &str) -> Option<T> {
    available().then(|| LocalStorage::get(format!("{PREFIX}{key}")).ok()).flatten()
}

pub fn save<T: Serialize>(key: &str, value: &T) {
    if available() {
        let _ = LocalStorage::set(format!("{PREFIX}{key}"), value);
    }
}

//! The chosen locale as app-wide reactive context.

use super::settings;
use crate::i18n::{Locale, Text};
use leptos::prelude::*;

const SETTING: &str = "locale";

#[derive(Copy, Clone)]
pub struct I18n {
    locale: RwSignal<Locale>,
}

impl I18n {
    /// The saved choice, else the browser's language, else English.
    pub fn provide() -> I18n {
        let browser = window().navigator().language().and_then(|tag| Locale::from_tag(&tag));
        let initial = settings::load(SETTING).or(browser).unwrap_or_default();
        let i18n = I18n { locale: RwSignal::new(initial) };
        Effect::new(move |_| {
            let locale = i18n.locale.get();
            settings::save(SETTING, &locale);
            if let Some(html) = document().document_element() {
                let _ = html.set_attribute("lang", locale.tag());
            }
        });
        provide_context(i18n);
        i18n
    }

    pub fn locale(self) -> Locale {
        self.locale.get()
    }

    pub fn set_locale(self, locale: Locale) {
        self.locale.set(locale);
    }

    /// The text of a message in the current locale (reactive).
    pub fn t(self, msg: impl Text) -> &'static str {
        msg.text(self.locale.get())
    }
}

pub fn use_i18n() -> I18n {
    expect_context::<I18n>()
}

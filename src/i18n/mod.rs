//! Every user-visible string of the app, in English and Dutch, and locale formatting.
//!
//! Each table is a compile-time `match`: a message without a translation does not compile,
//! and nothing is looked up by string at run time. (Why not leptos_i18n: see ARCHITECTURE.md.)

mod format;

use serde::{Deserialize, Serialize};

#[derive(Copy, Clone, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum Locale {
    #[default]
    En,
    Nl,
}

impl Locale {
    pub const ALL: [Locale; 2] = [Locale::En, Locale::Nl];

    /// BCP 47 tag, for `<html lang>` and settings.
    pub fn tag(self) -> &'static str {
        match self {
            Locale::En => "en",
            Locale::Nl => "nl",
        }
    }

    pub fn from_tag(tag: &str) -> Option<Locale> {
        let primary = tag.split(['-', '_']).next()?.to_ascii_lowercase();
        Locale::ALL.into_iter().find(|l| l.tag() == primary)
    }

    /// The language's own name, for the language switch.
    pub fn native_name(self) -> &'static str {
        match self {
            Locale::En => "English",
            Locale::Nl => "Nederlands",
        }
    }
}

/// A user-visible string that has a text in every locale.
pub trait Text: Copy {
    fn text(self, locale: Locale) -> &'static str;
}

/// Declares an enum of messages with their English and Dutch texts. Each area of the app keeps
/// its own table (a file below `i18n/`), so areas grow without touching each other.
macro_rules! messages {
    ($(#[$meta:meta])* $name:ident { $($key:ident => $en:literal, $nl:literal;)* }) => {
        $(#[$meta])*
        #[derive(Copy, Clone, Debug, PartialEq, Eq, Hash)]
        pub enum $name { $($key),* }

        impl $crate::i18n::Text for $name {
            fn text(self, locale: $crate::i18n::Locale) -> &'static str {
                use $crate::i18n::Locale;
                match (self, locale) {
                    $( ($name::$key, Locale::En) => $en, ($name::$key, Locale::Nl) => $nl, )*
                }
            }
        }
    };
}

pub mod actions;
mod analyses;
pub mod breakeven;
pub mod contact_plan;
mod data;
pub mod failure;
pub mod focus;
pub mod import;
mod lessons;
pub mod lifetime_value;
pub mod planning;
pub mod profit;
pub mod scorecard;
mod shell;
pub mod worker;
pub use actions::ActionsMsg;
pub use analyses::AnalysisMsg;
pub use breakeven::BreakevenMsg;
pub use contact_plan::ContactMsg;
pub use data::DataMsg;
pub use failure::FailureMsg;
pub use focus::FocusMsg;
pub use lessons::LessonsMsg;
pub use lifetime_value::LifetimeMsg;
pub use planning::PlanningMsg;
pub use profit::ProfitMsg;
pub use scorecard::ScorecardMsg;
pub use shell::Msg;
pub use worker::WorkerMsg;

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn locale_tags() {
        assert_eq!(Locale::from_tag("nl-BE"), Some(Locale::Nl));
        assert_eq!(Locale::from_tag("en_US"), Some(Locale::En));
        assert_eq!(Locale::from_tag("de"), None);
    }

    #[test]
    fn messages_differ_by_locale() {
        assert_eq!(Msg::PagePyramid.text(Locale::En), "Customer Pyramid");
        assert_eq!(Msg::PagePyramid.text(Locale::Nl), "Klantenpiramide");
    }
}

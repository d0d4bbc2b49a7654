//! Messages about the engine's worker and its storage: the worker stopping, saving, and the
//! largest import the browser takes.

use super::{Locale, Text};
use crate::engine::limits::TooLarge;
use crate::engine::session::Loss;

messages! {
    /// The worker that runs the engine, and the workspace it saves.
    WorkerMsg {
        Stopped => "The calculation engine stopped unexpectedly and what it was doing is lost. The saved workspace is being restored…",
            "De rekenmodule is onverwacht gestopt en wat hij aan het doen was, is verloren. De bewaarde werkruimte wordt hersteld…";
        GaveUp => "The calculation engine stopped again while restoring the saved workspace, so it is not restarted. Reload the page to try again.",
            "De rekenmodule is opnieuw gestopt bij het herstellen van de bewaarde werkruimte en wordt daarom niet nog eens gestart. Herlaad de pagina om het opnieuw te proberen.";
        Saving => "Saving workspace…", "Werkruimte wordt bewaard…";
        Saved => "Saved", "Bewaard";
        TooLargeOne => "{files} is {size} MB; the browser app takes at most {limit} MB per import. Use the command line for larger files: clientele check {first}, then clientele analyze {first}.",
            "{files} is {size} MB; de browser-app neemt per import hoogstens {limit} MB. Gebruik voor grotere bestanden de opdrachtregel: clientele check {first}, daarna clientele analyze {first}.";
        TooLargeMany => "{files} are {size} MB together; the browser app takes at most {limit} MB per import. Use the command line for larger files: clientele check {first}, then clientele analyze {first}.",
            "{files} zijn samen {size} MB; de browser-app neemt per import hoogstens {limit} MB. Gebruik voor grotere bestanden de opdrachtregel: clientele check {first}, daarna clientele analyze {first}.";
    }
}

impl Loss {
    /// What the page says about a worker that stopped.
    pub fn message(self) -> WorkerMsg {
        match self {
            Loss::Restarting => WorkerMsg::Stopped,
            Loss::GaveUp => WorkerMsg::GaveUp,
        }
    }
}

/// Why the browser refuses an import, in `locale`.
pub fn too_large(locale: Locale, refused: &TooLarge) -> String {
    let template = if refused.files.len() == 1 { WorkerMsg::TooLargeOne } else { WorkerMsg::TooLargeMany };
    template
        .text(locale)
        .replace("{files}", &refused.files.join(", "))
        .replace("{first}", refused.files.first().map_or("FILE", String::as_str))
        .replace("{size}", &megabytes(locale, refused.total))
        .replace("{limit}", &megabytes(locale, refused.limit))
}

/// Bytes as megabytes (10^6 bytes) with one decimal, rounded up so that a size over a limit
/// never reads as equal to it.
fn megabytes(locale: Locale, bytes: u64) -> String {
    let tenths = bytes.div_ceil(100_000);
    let decimal = if locale == Locale::Nl { ',' } else { '.' };
    format!("{}{decimal}{}", locale.integer((tenths / 10) as i64), tenths % 10)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn one_file_over_the_limit_names_it_the_limit_and_the_command() {
        // 1,234,567,891 bytes = 1,234.567891 MB, rounded up to the tenth: 1,234.6 MB.
        let refused = TooLarge { files: vec!["ledger.csv".into()], total: 1_234_567_891, limit: 1_000_000_000 };
        assert_eq!(
            too_large(Locale::En, &refused),
            "ledger.csv is 1,234.6 MB; the browser app takes at most 1,000.0 MB per import. \
             Use the command line for larger files: clientele check ledger.csv, then clientele analyze ledger.csv."
        );
        assert_eq!(
            too_large(Locale::Nl, &refused),
            "ledger.csv is 1.234,6 MB; de browser-app neemt per import hoogstens 1.000,0 MB. \
             Gebruik voor grotere bestanden de opdrachtregel: clientele check ledger.csv, daarna clientele analyze ledger.csv."
        );
    }

    #[test]
    fn several_files_are_named_with_their_total() {
        // 1,000,000,001 bytes is 1,000.000001 MB: rounded up, 1,000.1 MB, never "1,000.0".
        let refused =
            TooLarge { files: vec!["2023.csv".into(), "2024.csv".into()], total: 1_000_000_001, limit: 1_000_000_000 };
        assert!(too_large(Locale::En, &refused).starts_with("2023.csv, 2024.csv are 1,000.1 MB together; "));
        assert!(too_large(Locale::En, &refused).ends_with("clientele check 2023.csv, then clientele analyze 2023.csv."));
    }
}

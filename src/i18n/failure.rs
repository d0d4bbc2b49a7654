//! Failures in words: why a request could not be done (`Failure`), why a workspace file cannot
//! be opened (`BackupError`) and why the browser's storage refused (`StorageProblem`). The
//! English texts are also the types' `Display`, what the command line prints: one table.

use super::focus::{action_error, focus_error};
use super::import::{beyond_money_limit, import_error};
use super::profit::{cell_error, table_error, ProfitMsg};
use super::worker::too_large;
use super::{Locale, Text};
use crate::engine::session::{BackupError, Failure};
use crate::protocol::StorageProblem;
use std::fmt;

messages! {
    /// Why a request failed; `{file}` and the like are filled in by `describe`.
    FailureMsg {
        NoCandidate => "There is no imported ledger to keep: import the file again.",
            "Er is geen geïmporteerd grootboek om te houden: importeer het bestand opnieuw.";
        NoLedger => "No ledger is loaded: load the sample or import a file first.",
            "Er is geen grootboek geladen: laad eerst het voorbeeld of importeer een bestand.";
        FileUnreadable => "{file}: the file could not be read (was it moved or deleted?)",
            "{file}: het bestand kon niet worden gelezen (is het verplaatst of verwijderd?)";
        NoFileReader => "This browser cannot read files in a worker: use a current version of Chrome, Edge, Firefox or Safari.",
            "Deze browser kan geen bestanden lezen in een worker: gebruik een recente versie van Chrome, Edge, Firefox of Safari.";
        FileNotPosted => "{file}: the file was not passed on to the engine: choose it again.",
            "{file}: het bestand is niet aan de rekenkern doorgegeven: kies het opnieuw.";
        RequestNotUnderstood => "The engine did not understand the page's message ({detail}): reload the page.",
            "De rekenkern begreep het bericht van de pagina niet ({detail}): laad de pagina opnieuw.";
        AnswerNotUnderstood => "The engine sent a message this page does not understand: reload the page.",
            "De rekenkern stuurde een bericht dat deze pagina niet begrijpt: laad de pagina opnieuw.";
        EngineNotStarted => "The engine could not be started in this browser ({detail}).",
            "De rekenkern kon in deze browser niet worden gestart ({detail}).";
        NotABackup => "this is not a Clientele workspace file: choose a file saved with \"Save workspace\"",
            "dit is geen werkruimtebestand van Clientele: kies een bestand dat met \"Werkruimte als bestand bewaren\" is bewaard";
        TooNew => "this workspace was saved by a newer version of Clientele (format {version}): reload the app to update it, then open the file again",
            "deze werkruimte is bewaard door een nieuwere versie van Clientele (formaat {version}): herlaad de app om hem bij te werken en open het bestand dan opnieuw";
        Damaged => "this workspace file is damaged or incomplete: use another copy of it",
            "dit werkruimtebestand is beschadigd of onvolledig: gebruik een andere kopie ervan";
        MoneyBeyond => "this workspace file cannot be opened: {beyond}; use another copy of it",
            "dit werkruimtebestand kan niet worden geopend: {beyond}; gebruik een andere kopie ervan";
        StorageFull => "the browser's storage for this site is full", "de opslag van de browser voor deze site is vol";
        StorageDisabled => "the browser offers no storage here", "de browser biedt hier geen opslag";
    }
}

/// A failure in `locale`: the one place the app turns a `Failure` into words.
pub fn describe(failure: &Failure, locale: Locale) -> String {
    let text = |msg: FailureMsg| msg.text(locale).to_string();
    match failure {
        Failure::Import(error) => import_error(error, locale),
        Failure::Table(error) => table_error(error, locale),
        Failure::Focus(error) => focus_error(error, locale),
        Failure::Action(error) => action_error(error, locale),
        Failure::ActionsFile(error) => cell_error(error, ProfitMsg::ActionsTable, locale),
        Failure::Workspace { file, error } => format!("{file}: {}", backup(error, locale)),
        Failure::NoCandidate => text(FailureMsg::NoCandidate),
        Failure::NoLedger => text(FailureMsg::NoLedger),
        Failure::FileUnreadable { file } => text(FailureMsg::FileUnreadable).replace("{file}", file),
        Failure::NoFileReader => text(FailureMsg::NoFileReader),
        Failure::FileNotPosted { file } => text(FailureMsg::FileNotPosted).replace("{file}", file),
        Failure::RequestNotUnderstood { detail } => text(FailureMsg::RequestNotUnderstood).replace("{detail}", detail),
        Failure::AnswerNotUnderstood => text(FailureMsg::AnswerNotUnderstood),
        Failure::EngineNotStarted { detail } => text(FailureMsg::EngineNotStarted).replace("{detail}", detail),
        Failure::WorkerLost(loss) => loss.message().text(locale).to_string(),
        Failure::TooLarge(refused) => too_large(locale, refused),
    }
}

/// Why a workspace file cannot be opened, in `locale`.
pub fn backup(error: &BackupError, locale: Locale) -> String {
    let text = |msg: FailureMsg| msg.text(locale).to_string();
    match error {
        BackupError::NotABackup => text(FailureMsg::NotABackup),
        BackupError::TooNew(version) => text(FailureMsg::TooNew).replace("{version}", &version.to_string()),
        BackupError::Damaged => text(FailureMsg::Damaged),
        BackupError::Money(beyond) => {
            text(FailureMsg::MoneyBeyond).replace("{beyond}", &beyond_money_limit(beyond, locale))
        }
    }
}

/// Why the browser's storage refused, in `locale` (its own words when it gave no reason we know).
pub fn storage_problem(problem: &StorageProblem, locale: Locale) -> String {
    match problem {
        StorageProblem::Full => FailureMsg::StorageFull.text(locale).to_string(),
        StorageProblem::Disabled => FailureMsg::StorageDisabled.text(locale).to_string(),
        StorageProblem::Browser(detail) => detail.clone(),
    }
}

impl fmt::Display for Failure {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&describe(self, Locale::En))
    }
}

impl fmt::Display for BackupError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&backup(self, Locale::En))
    }
}

impl std::error::Error for BackupError {}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::engine::import::ImportError;
    use crate::engine::ledger::BeyondMoneyLimit;
    use crate::engine::limits::TooLarge;
    use crate::engine::session::Loss;

    #[test]
    fn a_bad_actions_file_names_file_line_column_and_value_in_dutch() {
        let file = crate::engine::session::FileData {
            name: "acties.csv".into(),
            bytes: b"what,customers,level,owner,start,due,status,expected_revenue,origin\nBel,A,,Iris,,,later,,flows\n"
                .to_vec(),
        };
        let error = crate::engine::actions::file::parse(&file.name, &file.bytes).unwrap_err();
        assert_eq!(
            describe(&Failure::ActionsFile(error), Locale::Nl),
            "acties.csv, regel 2, kolom status: 'later': onbekende status; gebruik open, in_progress of done"
        );
    }

    #[test]
    fn a_workspace_failure_names_the_file_in_either_language() {
        let failure = Failure::Workspace { file: "notes.txt".into(), error: BackupError::TooNew(7) };
        assert_eq!(
            failure.to_string(),
            "notes.txt: this workspace was saved by a newer version of Clientele (format 7): reload the app to \
             update it, then open the file again"
        );
        assert_eq!(
            describe(&failure, Locale::Nl),
            "notes.txt: deze werkruimte is bewaard door een nieuwere versie van Clientele (formaat 7): herlaad de app \
             om hem bij te werken en open het bestand dan opnieuw"
        );
        let damaged = Failure::Workspace { file: "a.clientele".into(), error: BackupError::Damaged };
        assert_eq!(
            describe(&damaged, Locale::Nl),
            "a.clientele: dit werkruimtebestand is beschadigd of onvolledig: gebruik een andere kopie ervan"
        );
    }

    #[test]
    fn money_beyond_the_limit_is_written_exactly_with_the_locale_s_decimal_mark() {
        // 2^63 cents = 9223372036854775808 cents = 92233720368547758.08; the limit, 2^61 cents =
        // 2305843009213693952 cents = 23058430092136939.52.
        let error = BackupError::Money(BeyondMoneyLimit { magnitude: 1 << 63 });
        let nl = backup(&error, Locale::Nl);
        assert!(
            nl.starts_with(
                "dit werkruimtebestand kan niet worden geopend: de bedragen en kostprijzen tellen zonder hun teken op \
                 tot 92.233.720.368.547.758,08, meer dan 23.058.430.092.136.939,52, "
            ),
            "{nl}"
        );
        let en = backup(&error, Locale::En);
        assert!(
            en.starts_with(
                "this workspace file cannot be opened: the amounts and costs add up to 92,233,720,368,547,758.08 \
                 ignoring their signs, more than 23,058,430,092,136,939.52, "
            ),
            "{en}"
        );
    }

    #[test]
    fn the_bridge_s_own_failures_read_as_before() {
        assert_eq!(
            describe(&Failure::WorkerLost(Loss::GaveUp), Locale::En),
            "The calculation engine stopped again while restoring the saved workspace, so it is not restarted. \
             Reload the page to try again."
        );
        assert!(describe(&Failure::WorkerLost(Loss::Restarting), Locale::Nl)
            .starts_with("De rekenmodule is onverwacht gestopt"));
        let refused = TooLarge { files: vec!["big.csv".into()], total: 1_500_000_000, limit: 1_000_000_000 };
        assert!(describe(&Failure::TooLarge(refused), Locale::Nl).starts_with("big.csv is 1.500,0 MB; de browser-app"));
        let unreadable = Failure::FileUnreadable { file: "2024.csv".into() };
        assert_eq!(unreadable.to_string(), "2024.csv: the file could not be read (was it moved or deleted?)");
        let not_posted = Failure::FileNotPosted { file: "b.csv".into() };
        assert_eq!(
            describe(&not_posted, Locale::Nl),
            "b.csv: het bestand is niet aan de rekenkern doorgegeven: kies het opnieuw."
        );
    }

    #[test]
    fn an_import_failure_is_worded_in_the_user_s_language() {
        let error = ImportError::InFile { file: "empty.csv".into(), error: Box::new(ImportError::Empty) };
        assert!(describe(&Failure::Import(error.clone()), Locale::En).starts_with("empty.csv: the file is empty"));
        assert!(describe(&Failure::Import(error), Locale::Nl).starts_with("empty.csv: het bestand is leeg"));
    }

    #[test]
    fn storage_problems_in_words() {
        assert_eq!(
            storage_problem(&StorageProblem::Full, Locale::Nl),
            "de opslag van de browser voor deze site is vol"
        );
        assert_eq!(storage_problem(&StorageProblem::Disabled, Locale::En), "the browser offers no storage here");
        let detail = "UnknownError: Internal error";
        assert_eq!(storage_problem(&StorageProblem::Browser(detail.into()), Locale::Nl), detail);
    }
}

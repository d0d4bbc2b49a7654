//! The Customer Focus and Actions pages' words, and their errors in the user's language: a bad
//! answer code or survey link (`CodeError`), a bad cell of an answers CSV (`CellError`), a refused
//! edit (`FocusError`) and a bad action (`ActionError`). The engine's `Display` is the CLI's
//! English; these name the page's fields.

use super::{Locale, Text};
use crate::engine::actions::{ActionError, ActionField, Status};
use crate::engine::customer_focus::answer_file::{CellError, CellProblem};
use crate::engine::customer_focus::code::CodeError;
use crate::engine::customer_focus::report::Quadrant;
use crate::engine::customer_focus::request::FocusError;

messages! {
    /// Texts of the Customer Focus page, its respondents' page and the Actions page.
    FocusMsg {
        NewRound => "New survey round", "Nieuwe ronde van de enquête";
        NeedsWorkspace => "Surveys and their answers are kept with the workspace, beside a ledger: load the sample or import a ledger first.",
            "Enquêtes en hun antwoorden worden bij de werkruimte bewaard, naast een grootboek: laad eerst het voorbeeld of importeer een grootboek.";
        CreateHint => "A new round takes the statements of the survey shown (or the standard ones for the first), so that rounds compare.",
            "Een nieuwe ronde neemt de stellingen over van de getoonde enquête (of de standaardstellingen bij de eerste), zodat rondes vergelijkbaar zijn.";
        Title => "Title", "Titel";
        Date => "Date", "Datum";
        Statements => "Statements", "Stellingen";
        StandardStatements => "The standard statements", "De standaardstellingen";
        LikeRound => "As in", "Zoals in";
        Create => "Create survey", "Enquête aanmaken";
        DefaultTitle => "Customer focus", "Klantgerichtheid";
        Survey => "Survey", "Enquête";
        CompareWith => "Compare with an earlier round", "Vergelijken met een eerdere ronde";
        NoComparison => "No comparison", "Geen vergelijking";
        EditTexts => "Edit the statements and domains", "Stellingen en domeinen bewerken";
        English => "English", "Engels";
        Dutch => "Dutch", "Nederlands";
        Domain => "Domain", "Domein";
        SaveTexts => "Save the texts", "Teksten bewaren";
        Saved => "Saved with the workspace.", "Bewaard bij de werkruimte.";
        Share => "Share with respondents", "Delen met respondenten";
        ShareIntro => "Send this link to the respondents. The survey travels in the part after #, which browsers never send to a server; each respondent answers in their own browser and sends back an answer code or an answer file.",
            "Stuur deze link naar de respondenten. De enquête zit in het deel na #, dat browsers nooit naar een server sturen; elke respondent antwoordt in de eigen browser en stuurt een antwoordcode of antwoordbestand terug.";
        Link => "Survey link", "Link naar de enquête";
        CopyLink => "Copy link", "Link kopiëren";
        Copied => "Copied.", "Gekopieerd.";
        ImportAnswers => "Import answers", "Antwoorden importeren";
        Codes => "Answer codes (paste one or more)", "Antwoordcodes (plak er een of meer)";
        Files => "Answer files, or CSV with respondent,department,aspect,current,priority",
            "Antwoordbestanden, of CSV met respondent,department,aspect,current,priority";
        Import => "Import", "Importeren";
        ImportReport => "Import report", "Importverslag";
        Added => "answers added.", "antwoorden toegevoegd.";
        Duplicate => "was imported before: not counted again.", "was al geïmporteerd: niet opnieuw geteld.";
        Anonymous => "An anonymous respondent", "Een anonieme respondent";
        Respondents => "Respondents", "Respondenten";
        Respondent => "Respondent", "Respondent";
        Department => "Department", "Afdeling";
        NoAnswers => "No answers yet: share the link, then import the codes or files the respondents send back.",
            "Nog geen antwoorden: deel de link en importeer dan de codes of bestanden die de respondenten terugsturen.";
        Report => "The report", "Het verslag";
        PerAspect => "Per aspect", "Per aspect";
        Aspect => "Aspect", "Aspect";
        Statement => "Statement", "Stelling";
        Current => "Current situation", "Huidige situatie";
        Priority => "Priority for improvement", "Prioriteit voor verbetering";
        Gap => "Gap", "Kloof";
        SpreadCurrent => "Spread (current)", "Spreiding (huidig)";
        SpreadPriority => "Spread (priority)", "Spreiding (prioriteit)";
        Disagree => "Departments disagree", "Afdelingen oneens";
        DisagreeNote => "Departments disagree: their mean scores are more than one point apart. Spread is the standard deviation of the respondents' scores.",
            "Afdelingen oneens: hun gemiddelde scores liggen meer dan één punt uit elkaar. Spreiding is de standaardafwijking van de scores van de respondenten.";
        Yes => "yes", "ja";
        GapChart => "Current situation and priority per aspect", "Huidige situatie en prioriteit per aspect";
        Score => "Mean score (1-5)", "Gemiddelde score (1-5)";
        Grid => "Importance-performance grid", "Belang-prestatieraster";
        Quadrant => "Quadrant", "Kwadrant";
        ConcentrateHere => "Concentrate here", "Hier op concentreren";
        KeepUp => "Keep up the good work", "Zo doorgaan";
        LowPriority => "Low priority", "Lage prioriteit";
        Overkill => "Possible overkill", "Mogelijk te veel";
        Radar => "Per domain", "Per domein";
        Priorities => "Priorities for improvement", "Prioriteiten voor verbetering";
        PrioritiesNote => "The largest gap first; ties: the higher priority, then the aspect number.",
            "De grootste kloof eerst; bij gelijkstand de hoogste prioriteit, dan het nummer van het aspect.";
        Company => "Company", "Bedrijf";
        Benchmark => "Departments against the company", "Afdelingen tegenover het bedrijf";
        VsCompany => "against the company", "tegenover het bedrijf";
        Change => "Change since the earlier round", "Verandering sinds de eerdere ronde";
        Planner => "Improvement planner", "Verbeterplanner";
        PlannerIntro => "The largest gaps first. Describe an action, give it an owner and a due date, and add it to the Actions list.",
            "De grootste kloven eerst. Beschrijf een actie, geef haar een eigenaar en een einddatum, en zet haar op de actielijst.";
        What => "Action", "Actie";
        Owner => "Owner", "Eigenaar";
        Due => "Due", "Einddatum";
        Start => "Start", "Begin";
        AddActions => "Add to the Actions list", "Op de actielijst zetten";
        ActionsAdded => "Added to the Actions list.", "Op de actielijst gezet.";
        ToActions => "See the Actions list", "Naar de actielijst";
        NoActionRows => "Describe at least one action first.", "Beschrijf eerst ten minste één actie.";
        // The respondent's page.
        AnswerIntro => "Score each statement twice: how it is now (1 = not at all, 5 = fully) and how much improving it matters (1 = hardly, 5 = very much). Leave a score blank if you cannot judge it. Your answers stay in this browser until you send the code or the file.",
            "Geef elke stelling twee scores: hoe het nu is (1 = helemaal niet, 5 = volledig) en hoe belangrijk verbetering is (1 = nauwelijks, 5 = heel belangrijk). Laat een score leeg als u het niet kunt beoordelen. Uw antwoorden blijven in deze browser tot u de code of het bestand verstuurt.";
        YourName => "Your name (optional)", "Uw naam (niet verplicht)";
        YourDepartment => "Your department (required)", "Uw afdeling (verplicht)";
        DepartmentMissing => "Fill in your department first.", "Vul eerst uw afdeling in.";
        Now => "Now", "Nu";
        Blank => "blank", "leeg";
        MakeCode => "Make my answer code", "Mijn antwoordcode maken";
        YourCode => "Your answer code", "Uw antwoordcode";
        CopyCode => "Copy code", "Code kopiëren";
        DownloadAnswer => "Download answer file", "Antwoordbestand downloaden";
        SendBack => "Send the code or the file to the person who sent you the link. Nothing has been sent anywhere.",
            "Stuur de code of het bestand naar wie u de link stuurde. Er is niets verstuurd.";
        BadLink => "This survey link cannot be read:", "Deze link naar de enquête kan niet worden gelezen:";
        // Errors.
        NotACode => "this is not an answer code; paste the code the respondent sent (it starts with CF1-)",
            "dit is geen antwoordcode; plak de code die de respondent stuurde (ze begint met CF1-)";
        Corrupted => "this code is damaged (a character is wrong or missing); ask the respondent to send it again, or the answer file",
            "deze code is beschadigd (er is een teken fout of weg); vraag de respondent haar opnieuw te sturen, of het antwoordbestand";
        OtherSurvey => "this code answers another survey ({found}), not this one ({expected}); import it into its own survey",
            "deze code beantwoordt een andere enquête ({found}), niet deze ({expected}); importeer haar in haar eigen enquête";
        TextTooLong => "the name or department is too long for an answer code; shorten it",
            "de naam of afdeling is te lang voor een antwoordcode; maak haar korter";
        CodeAt => "Code {code}…: {problem}", "Code {code}…: {problem}";
        CellAt => "{file}, line {line}, column {column} ({header}): '{value}': {problem}",
            "{file}, regel {line}, kolom {column} ({header}): '{value}': {problem}";
        Unreadable => "the file is not a readable CSV table; save it as CSV (UTF-8)",
            "het bestand is geen leesbare CSV-tabel; bewaar het als CSV (UTF-8)";
        MissingColumn => "this column is missing from the header; the columns are respondent,department,aspect,current,priority",
            "deze kolom ontbreekt in de kopregel; de kolommen zijn respondent,department,aspect,current,priority";
        Empty => "the cell is empty; fill it in", "de cel is leeg; vul hem in";
        AspectOutOfRange => "not an aspect number; write a whole number from 1 to 22",
            "geen nummer van een aspect; schrijf een geheel getal van 1 tot 22";
        ScoreOutOfRange => "not a score; write a whole number from 1 to 5, or leave it blank",
            "geen score; schrijf een geheel getal van 1 tot 5, of laat de cel leeg";
        AspectTwice => "this respondent scored this aspect already on line {line}; keep one line",
            "deze respondent scoorde dit aspect al op regel {line}; houd één regel";
        UnknownSurvey => "This survey is not in the workspace any more: choose another.",
            "Deze enquête staat niet meer in de werkruimte: kies een andere.";
        EmptyText => "A title, statement or domain name is empty: fill it in, in English and in Dutch.",
            "Een titel, stelling of domeinnaam is leeg: vul haar in, in het Engels en in het Nederlands.";
        BadDate => "'{value}' is not a date: choose one in the date field.", "'{value}' is geen datum: kies er een in het datumveld.";
        ActionAt => "Action {n}: {problem}", "Actie {n}: {problem}";
        WhatEmpty => "describe what is to be done", "beschrijf wat er moet gebeuren";
        StartBad => "the start '{value}' is not a date", "het begin '{value}' is geen datum";
        DueBad => "the due date '{value}' is not a date", "de einddatum '{value}' is geen datum";
        RevenueBad => "the expected revenue '{value}' is not an amount; write it with at most two decimals, e.g. 1500.50",
            "de verwachte omzet '{value}' is geen bedrag; schrijf hem met hoogstens twee decimalen, bijv. 1500,50";
        // The Actions page.
        ForWhom => "For whom", "Voor wie";
        Status => "Status", "Status";
        ExpectedRevenue => "Expected revenue", "Verwachte omzet";
        PlannedOn => "Planned on", "Gepland op";
        Open => "Open", "Open";
        InProgress => "In progress", "Bezig";
        Done => "Done", "Klaar";
        Customers => "Customers", "Klanten";
        Level => "Level", "Niveau";
        FocusAspect => "Customer Focus, aspect", "Klantgerichtheid, aspect";
        Remove => "Remove", "Verwijderen";
        NoActions => "No actions yet. Plan them with \"Add to actions\" on a page that lists customers (Customer Flows, Migration, Customer Pyramid, RFM Segments, Profitability) or in the Customer Focus improvement planner; they appear here, with their follow-up against revenue.",
            "Nog geen acties. Plan ze met \"Op de actielijst\" op een pagina die klanten toont (Klantstromen, Migratie, Klantenpiramide, RFM-segmenten, Winstgevendheid) of in de verbeterplanner van Klantgerichtheid; ze verschijnen hier, met hun opvolging tegen de omzet.";
    }
}

/// A code or link that cannot be read, in `locale`.
pub fn code_error(error: &CodeError, locale: Locale) -> String {
    let text = |m: FocusMsg| m.text(locale).to_string();
    match error {
        CodeError::NotACode => text(FocusMsg::NotACode),
        CodeError::Corrupted => text(FocusMsg::Corrupted),
        CodeError::OtherSurvey { expected, found } => text(FocusMsg::OtherSurvey)
            .replace("{found}", &found.to_string())
            .replace("{expected}", &expected.to_string()),
        CodeError::TextTooLong => text(FocusMsg::TextTooLong),
    }
}

/// A bad cell of an answers CSV, in `locale`.
pub fn cell_error(error: &CellError, locale: Locale) -> String {
    let problem = match &error.problem {
        CellProblem::Unreadable => FocusMsg::Unreadable.text(locale).to_string(),
        CellProblem::MissingColumn => FocusMsg::MissingColumn.text(locale).to_string(),
        CellProblem::Empty => FocusMsg::Empty.text(locale).to_string(),
        CellProblem::AspectOutOfRange => FocusMsg::AspectOutOfRange.text(locale).to_string(),
        CellProblem::ScoreOutOfRange => FocusMsg::ScoreOutOfRange.text(locale).to_string(),
        CellProblem::AspectTwice { first_line } => {
            FocusMsg::AspectTwice.text(locale).replace("{line}", &first_line.to_string())
        }
    };
    FocusMsg::CellAt
        .text(locale)
        .replace("{file}", &error.file)
        .replace("{line}", &error.line.to_string())
        .replace("{column}", &error.column.to_string())
        .replace("{header}", &error.header)
        .replace("{value}", &error.value)
        .replace("{problem}", &problem)
}

/// A refused edit, in `locale`.
pub fn focus_error(error: &FocusError, locale: Locale) -> String {
    match error {
        FocusError::UnknownSurvey => FocusMsg::UnknownSurvey.text(locale).to_string(),
        FocusError::EmptyText => FocusMsg::EmptyText.text(locale).to_string(),
        FocusError::BadDate { value } => FocusMsg::BadDate.text(locale).replace("{value}", value),
    }
}

/// A bad action, in `locale` (actions numbered from 1 as the page lists them).
pub fn action_error(error: &ActionError, locale: Locale) -> String {
    let problem = match error.field {
        ActionField::What => FocusMsg::WhatEmpty,
        ActionField::Start => FocusMsg::StartBad,
        ActionField::Due => FocusMsg::DueBad,
        ActionField::ExpectedRevenue => FocusMsg::RevenueBad,
    };
    FocusMsg::ActionAt
        .text(locale)
        .replace("{n}", &(error.draft + 1).to_string())
        .replace("{problem}", &problem.text(locale).replace("{value}", &error.value))
}

pub fn status_name(status: Status) -> FocusMsg {
    match status {
        Status::Open => FocusMsg::Open,
        Status::InProgress => FocusMsg::InProgress,
        Status::Done => FocusMsg::Done,
    }
}

pub fn quadrant_name(quadrant: Quadrant) -> FocusMsg {
    match quadrant {
        Quadrant::ConcentrateHere => FocusMsg::ConcentrateHere,
        Quadrant::KeepUpTheGoodWork => FocusMsg::KeepUp,
        Quadrant::LowPriority => FocusMsg::LowPriority,
        Quadrant::PossibleOverkill => FocusMsg::Overkill,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::engine::customer_focus::survey::SurveyId;

    #[test]
    fn errors_are_worded_in_either_language_with_their_place() {
        let cell = CellError {
            file: "answers.csv".into(),
            line: 7,
            column: 4,
            header: "current".into(),
            value: "9".into(),
            problem: CellProblem::ScoreOutOfRange,
        };
        assert_eq!(
            cell_error(&cell, Locale::Nl),
            "answers.csv, regel 7, kolom 4 (current): '9': geen score; schrijf een geheel getal van 1 tot 5, of laat de cel leeg"
        );
        let other = CodeError::OtherSurvey { expected: SurveyId(1), found: SurveyId(255) };
        assert_eq!(
            code_error(&other, Locale::En),
            "this code answers another survey (000000FF), not this one (00000001); import it into its own survey"
        );
        let action = ActionError { draft: 1, field: ActionField::Due, value: "morgen".into() };
        assert_eq!(action_error(&action, Locale::Nl), "Actie 2: de einddatum 'morgen' is geen datum");
    }
}

//! The import's messages in the app: row errors, notes on the guess and whole-file failures,
//! worded from the engine's data (`ErrorKind`, `ImportNote`, `ImportError`). The engine's
//! `Display` gives the CLI's English and names its flags; these name the app's controls
//! instead, and never a flag.

use super::{DataMsg, Locale, Text};
use crate::engine::date::Day;
use crate::engine::import::{CharOption, DateDoubt, ErrorKind, ImportError, ImportNote, NumberProblem};
use crate::engine::ledger::BeyondMoneyLimit;
use crate::engine::money::Money;

messages! {
    /// Templates of the import's messages; `{name}` is filled in by the functions below.
    ImportMsg {
        Missing => "missing {field}", "{field} ontbreekt";
        BadDate => "not a date in the format {pattern}; if the file writes its dates otherwise, discard this import and choose the date format when you import the file again",
            "geen datum in de notatie {pattern}; schrijft het bestand zijn datums anders, verwerp dan deze import en kies de datumnotatie als u het bestand opnieuw importeert";
        DateOutOfRange => "date {day} is outside {earliest} to {latest}: correct the year in the file, or choose the right column for date in the column mapping",
            "datum {day} ligt buiten {earliest} tot {latest}: verbeter het jaar in het bestand, of kies bij de kolommen de juiste kolom voor date";
        BadNumber => "{field}: {problem}", "{field}: {problem}";
        NotANumber => "not a number", "geen getal";
        BadGrouping => "thousands separator in the wrong place (check the decimal mark)",
            "duizendtalscheiding op de verkeerde plaats (controleer het decimaalteken)";
        NumberTooLarge => "number too large", "getal te groot";
        TooLarge => "{field} beyond one trillion (±{limit}), the most one line may hold: is this column really the {field}? A barcode or account number chosen as the {field} does this; choose the right column in the column mapping",
            "{field} boven één biljoen (±{limit}), het meeste dat één regel mag bevatten: is deze kolom echt het veld {field}? Een barcode of rekeningnummer dat als {field} is gekozen, geeft dit; kies bij de kolommen de juiste kolom";
        NoDates => "No sampled value reads as a date: check the column chosen for date.",
            "Geen enkele waarde in het voorbeeld leest als datum: controleer de kolom die voor date is gekozen.";
        SomeDates => "{read} of {sampled} sampled dates read as {pattern}: check the date format above.",
            "{read} van de {sampled} datums in het voorbeeld lezen als {pattern}: controleer de datumnotatie hierboven.";
        DayOrMonthFirst => "Every sampled date reads both day-first and month-first; took day-first (DD-MM-YYYY): check the date format above.",
            "Elke datum in het voorbeeld leest zowel dag-eerst als maand-eerst; dag-eerst (DD-MM-YYYY) is gekozen: controleer de datumnotatie hierboven.";
        EitherDecimalMark => "Amounts such as {example} read either way; took '{mark}' as the decimal mark: check the decimal mark above.",
            "Bedragen zoals {example} zijn op twee manieren te lezen; '{mark}' is als decimaalteken gekozen: controleer het decimaalteken hierboven.";
        InFile => "{file}: {error}", "{file}: {error}";
        BadPeriod => "line {line}, column period: '{value}' is not a period; a clientele_customer_period file holds the year each period starts in (1900 to 2099), e.g. 2024",
            "regel {line}, kolom period: '{value}' is geen periode; een bestand clientele_customer_period bevat het jaar waarin elke periode begint (1900 tot 2099), bijvoorbeeld 2024";
        MixedPeriodTotals => "this file holds single lines and the others totals per period (clientele_customer_period): import either kind alone",
            "dit bestand bevat losse regels en de andere totalen per periode (clientele_customer_period): importeer elk soort apart";
        Empty => "the file is empty; export the ledger again and check that it has lines",
            "het bestand is leeg; exporteer het grootboek opnieuw en controleer of het regels bevat";
        NoData => "the file has a header but no data lines", "het bestand heeft kolomnamen maar geen gegevensregels";
        MissingField => "no column found for the required field '{field}' (columns: {headers}); choose its column in the column mapping",
            "geen kolom gevonden voor het verplichte veld '{field}' (kolommen: {headers}); kies de kolom ervoor bij de kolommen";
        UnknownColumn => "'{column}' (chosen for '{field}') is not a column of this file; its columns are: {headers}",
            "'{column}' (gekozen voor '{field}') is geen kolom van dit bestand; de kolommen zijn: {headers}";
        UnknownEncoding => "unknown encoding '{label}'; choose another encoding, such as UTF-8 or Windows-1252",
            "onbekende tekencodering '{label}'; kies een andere tekencodering, zoals UTF-8 of Windows-1252";
        UnknownSheet => "the workbook has no sheet '{sheet}'; its sheets are: {sheets}",
            "de werkmap heeft geen werkblad '{sheet}'; de werkbladen zijn: {sheets}";
        Workbook => "the workbook cannot be read ({detail}); save it again as .xlsx or export the sheet as CSV",
            "de werkmap kan niet worden gelezen ({detail}); bewaar hem opnieuw als .xlsx of exporteer het werkblad als CSV";
        NotAscii => "{option}: choose a single ASCII character, not '{value}'", "{option}: kies één ASCII-teken, niet '{value}'";
        BadDecimalMark => "the decimal mark must be '.' or ',', not '{mark}'", "het decimaalteken moet '.' of ',' zijn, niet '{mark}'";
        BeyondMoneyLimit => "the amounts and costs add up to {sum} ignoring their signs, more than {limit}, beyond what Clientele can sum exactly; check that the amount and cost columns hold amounts (not barcodes or account numbers), or analyse fewer lines at a time",
            "de bedragen en kostprijzen tellen zonder hun teken op tot {sum}, meer dan {limit}, meer dan Clientele exact kan optellen; controleer of de kolommen voor amount en cost bedragen bevatten (geen barcodes of rekeningnummers), of analyseer minder regels tegelijk";
        Cancelled => "import cancelled", "importeren geannuleerd";
    }
}

/// A template with its `{name}` placeholders filled in.
fn fill(message: ImportMsg, locale: Locale, values: &[(&str, &str)]) -> String {
    values
        .iter()
        .fold(message.text(locale).to_string(), |text, (name, value)| text.replace(&format!("{{{name}}}"), value))
}

/// Why a line could not be read, in `locale`, naming the app's controls.
pub fn row_error(kind: &ErrorKind, locale: Locale) -> String {
    let date = |day: Day| locale.date(day);
    match *kind {
        ErrorKind::Missing { field } => fill(ImportMsg::Missing, locale, &[("field", field.name())]),
        ErrorKind::BadDate { expected } => fill(ImportMsg::BadDate, locale, &[("pattern", expected.pattern())]),
        ErrorKind::DateOutOfRange { day, earliest, latest } => fill(
            ImportMsg::DateOutOfRange,
            locale,
            &[("day", &date(day)), ("earliest", &date(earliest)), ("latest", &date(latest))],
        ),
        ErrorKind::BadNumber { field, problem } => {
            let problem = number_problem(problem).text(locale);
            fill(ImportMsg::BadNumber, locale, &[("field", field.name()), ("problem", problem)])
        }
        ErrorKind::TooLarge { field } => {
            let limit = locale.money(Money::LINE_LIMIT);
            fill(ImportMsg::TooLarge, locale, &[("field", field.name()), ("limit", &limit)])
        }
    }
}

fn number_problem(problem: NumberProblem) -> ImportMsg {
    match problem {
        NumberProblem::NotANumber => ImportMsg::NotANumber,
        NumberProblem::BadGrouping => ImportMsg::BadGrouping,
        NumberProblem::TooLarge => ImportMsg::NumberTooLarge,
    }
}

/// A close call in the guess, in `locale`, pointing at the control that settles it.
pub fn import_note(note: &ImportNote, locale: Locale) -> String {
    match *note {
        ImportNote::Dates(DateDoubt::NoneRead) => ImportMsg::NoDates.text(locale).to_string(),
        ImportNote::Dates(DateDoubt::SomeRead { read, sampled, format }) => fill(
            ImportMsg::SomeDates,
            locale,
            &[("read", &locale.count(read)), ("sampled", &locale.count(sampled)), ("pattern", format.pattern())],
        ),
        ImportNote::Dates(DateDoubt::DayOrMonthFirst) => ImportMsg::DayOrMonthFirst.text(locale).to_string(),
        ImportNote::EitherDecimalMark { decimal_mark } => {
            let example = ImportNote::either_way_example(decimal_mark);
            fill(ImportMsg::EitherDecimalMark, locale, &[("example", &example), ("mark", &decimal_mark.to_string())])
        }
    }
}

/// Why a file cannot be imported at all, in `locale`, naming the app's controls: what the page
/// shows for a failed import (`Display` is the CLI's wording).
pub fn import_error(error: &ImportError, locale: Locale) -> String {
    let list = |items: &[String]| items.join(", ");
    let text = |message: ImportMsg| message.text(locale).to_string();
    match error {
        ImportError::InFile { file, error } => {
            fill(ImportMsg::InFile, locale, &[("file", file), ("error", &import_error(error, locale))])
        }
        ImportError::Empty => text(ImportMsg::Empty),
        ImportError::NoData => text(ImportMsg::NoData),
        ImportError::MissingField { field, headers } => {
            fill(ImportMsg::MissingField, locale, &[("field", field.name()), ("headers", &list(headers))])
        }
        ImportError::UnknownColumn { field, column, headers } => fill(
            ImportMsg::UnknownColumn,
            locale,
            &[("column", column), ("field", field.name()), ("headers", &list(headers))],
        ),
        ImportError::UnknownEncoding(label) => fill(ImportMsg::UnknownEncoding, locale, &[("label", label)]),
        ImportError::UnknownSheet { sheet, sheets } => {
            fill(ImportMsg::UnknownSheet, locale, &[("sheet", sheet), ("sheets", &list(sheets))])
        }
        ImportError::Workbook(detail) => fill(ImportMsg::Workbook, locale, &[("detail", detail)]),
        ImportError::NotAscii { option, value } => {
            let option = match option {
                CharOption::Delimiter => DataMsg::Delimiter,
                CharOption::Quote => DataMsg::Quote,
            };
            fill(ImportMsg::NotAscii, locale, &[("option", option.text(locale)), ("value", &value.to_string())])
        }
        ImportError::BadDecimalMark(mark) => fill(ImportMsg::BadDecimalMark, locale, &[("mark", &mark.to_string())]),
        ImportError::Money(beyond) => beyond_money_limit(beyond, locale),
        ImportError::BadPeriod { line, value } => {
            fill(ImportMsg::BadPeriod, locale, &[("line", &line.to_string()), ("value", value)])
        }
        ImportError::MixedPeriodTotals => text(ImportMsg::MixedPeriodTotals),
        ImportError::Cancelled => text(ImportMsg::Cancelled),
    }
}

/// Why a ledger's money is refused as a whole, in `locale`.
pub fn beyond_money_limit(beyond: &BeyondMoneyLimit, locale: Locale) -> String {
    let (sum, limit) = (locale.cents(beyond.magnitude), locale.cents(Money::LEDGER_LIMIT_CENTS));
    fill(ImportMsg::BeyondMoneyLimit, locale, &[("sum", &sum), ("limit", &limit)])
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::engine::import::DateFormat;
    use crate::engine::ledger::Field;

    fn day(y: i32, m: u32, d: u32) -> Day {
        Day::from_ymd(y, m, d).unwrap()
    }

    /// One of each row error, note and import error.
    fn every_message(locale: Locale) -> Vec<String> {
        let kinds = [
            ErrorKind::Missing { field: Field::Customer },
            ErrorKind::BadDate { expected: DateFormat::DayMonthYear },
            ErrorKind::DateOutOfRange { day: day(2202, 1, 5), earliest: Day::EARLIEST, latest: Day::LATEST },
            ErrorKind::BadNumber { field: Field::Amount, problem: NumberProblem::NotANumber },
            ErrorKind::BadNumber { field: Field::Cost, problem: NumberProblem::BadGrouping },
            ErrorKind::BadNumber { field: Field::Quantity, problem: NumberProblem::TooLarge },
            ErrorKind::TooLarge { field: Field::Amount },
        ];
        let notes = [
            ImportNote::Dates(DateDoubt::NoneRead),
            ImportNote::Dates(DateDoubt::SomeRead { read: 1, sampled: 2, format: DateFormat::DayMonthYear }),
            ImportNote::Dates(DateDoubt::DayOrMonthFirst),
            ImportNote::EitherDecimalMark { decimal_mark: '.' },
        ];
        let headers = vec!["Klant".to_string(), "Datum".to_string()];
        let errors = [
            ImportError::Empty,
            ImportError::NoData,
            ImportError::MissingField { field: Field::Amount, headers: headers.clone() },
            ImportError::UnknownColumn { field: Field::Amount, column: "Bedrag".into(), headers },
            ImportError::UnknownEncoding("klingon".into()),
            ImportError::UnknownSheet { sheet: "2024".into(), sheets: vec!["Blad1".into()] },
            ImportError::Workbook("corrupt zip".into()),
            ImportError::NotAscii { option: CharOption::Delimiter, value: '€' },
            ImportError::NotAscii { option: CharOption::Quote, value: '«' },
            ImportError::BadDecimalMark(';'),
            ImportError::Money(BeyondMoneyLimit { magnitude: Money::LEDGER_LIMIT_CENTS + 1 }),
            ImportError::Cancelled,
            ImportError::InFile { file: "a.csv".into(), error: Box::new(ImportError::NoData) },
        ];
        let kinds = kinds.iter().map(|k| row_error(k, locale));
        let notes = notes.iter().map(|n| import_note(n, locale));
        kinds.chain(notes).chain(errors.iter().map(|e| import_error(e, locale))).collect()
    }

    #[test]
    fn no_app_message_names_a_command_line_flag() {
        for locale in Locale::ALL {
            for message in every_message(locale) {
                assert!(!message.contains("--"), "{locale:?}: {message}");
                assert!(!message.contains('{'), "{locale:?}: a placeholder left in {message}");
            }
        }
        // The CLI's own text does name its flags, which is why the app has its own.
        assert!(ErrorKind::BadDate { expected: DateFormat::DayMonthYear }.to_string().contains("--date-format"));
    }

    #[test]
    fn a_bad_date_in_english_and_dutch() {
        let kind = ErrorKind::BadDate { expected: DateFormat::DayMonthYear };
        assert!(row_error(&kind, Locale::En).starts_with("not a date in the format DD-MM-YYYY; if the file"));
        assert!(row_error(&kind, Locale::Nl).starts_with("geen datum in de notatie DD-MM-YYYY; schrijft het bestand"));
        // Dutch dates day-first: 2202-01-05 is 05-01-2202; the window is 1900-01-01 to 2099-12-31.
        let out = ErrorKind::DateOutOfRange { day: day(2202, 1, 5), earliest: Day::EARLIEST, latest: Day::LATEST };
        assert!(row_error(&out, Locale::Nl).starts_with("datum 05-01-2202 ligt buiten 01-01-1900 tot 31-12-2099:"));
        assert!(row_error(&out, Locale::En).starts_with("date 2202-01-05 is outside 1900-01-01 to 2099-12-31:"));
    }

    #[test]
    fn numbers_in_the_users_notation() {
        let problem = ErrorKind::BadNumber { field: Field::Amount, problem: NumberProblem::NotANumber };
        assert_eq!(row_error(&problem, Locale::En), "amount: not a number");
        assert_eq!(row_error(&problem, Locale::Nl), "amount: geen getal");
        // Money::LINE_LIMIT is 10^12 units: 1,000,000,000,000.00 / 1.000.000.000.000,00.
        let too_large = ErrorKind::TooLarge { field: Field::Cost };
        assert!(row_error(&too_large, Locale::En).starts_with("cost beyond one trillion (±1,000,000,000,000.00),"));
        assert!(row_error(&too_large, Locale::Nl).starts_with("cost boven één biljoen (±1.000.000.000.000,00),"));
        // The note's example is the other mark between 1 and 234.
        let note = ImportNote::EitherDecimalMark { decimal_mark: ',' };
        assert!(import_note(&note, Locale::Nl).starts_with("Bedragen zoals 1.234 zijn op twee manieren te lezen; ','"));
        let note = ImportNote::Dates(DateDoubt::SomeRead { read: 1, sampled: 2, format: DateFormat::DayMonthYear });
        assert!(import_note(&note, Locale::En).starts_with("1 of 2 sampled dates read as DD-MM-YYYY"));
    }

    #[test]
    fn import_errors_in_english_and_dutch() {
        let missing = ImportError::InFile {
            file: "jan.csv".into(),
            error: Box::new(ImportError::MissingField { field: Field::Amount, headers: vec!["Klant".into()] }),
        };
        assert_eq!(
            import_error(&missing, Locale::En),
            "jan.csv: no column found for the required field 'amount' (columns: Klant); choose its column in the column mapping"
        );
        assert_eq!(
            import_error(&missing, Locale::Nl),
            "jan.csv: geen kolom gevonden voor het verplichte veld 'amount' (kolommen: Klant); kies de kolom ervoor bij de kolommen"
        );
        assert!(missing.to_string().contains("--map amount=COLUMN"), "the CLI's text keeps its flag");
        let quote = ImportError::NotAscii { option: CharOption::Quote, value: '«' };
        assert_eq!(import_error(&quote, Locale::Nl), "Aanhalingsteken: kies één ASCII-teken, niet '«'");
        // The limit is 2^61 = 2,305,843,009,213,693,952 cents = 23,058,430,092,136,939.52 units;
        // one cent more is ...939.53. Dutch groups with points and writes a decimal comma.
        let beyond = BeyondMoneyLimit { magnitude: Money::LEDGER_LIMIT_CENTS + 1 };
        let nl = beyond_money_limit(&beyond, Locale::Nl);
        let start = "de bedragen en kostprijzen tellen zonder hun teken op tot 23.058.430.092.136.939,53, meer dan \
                     23.058.430.092.136.939,52,";
        assert!(nl.starts_with(start), "{nl}");
    }
}

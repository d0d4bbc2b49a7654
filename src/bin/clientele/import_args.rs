//! The import flags shared by every subcommand that reads ledger files.

use crate::parts;
use clientele::engine::import::{self, ColumnRef, DateFormat, ImportOptions, Imported, InputFile, Keep};
use clientele::engine::ledger::{Field, Ledger};
use clientele::engine::period::YearStart;
use clientele::engine::warehouse::CUSTOMER_PERIOD;
use std::path::PathBuf;
use std::process::ExitCode;

/// How to read the ledger files; anything not given is detected from the files.
#[derive(clap::Args, Clone, Debug, Default)]
pub struct ImportArgs {
    /// Map a field to a column: FIELD=COLUMN, COLUMN a header name or 1-based number (repeatable).
    /// FIELD is one of customer, date, amount, customer_name, invoice, product, product_group,
    /// quantity, cost, sales_rep, team, department, region, segment. `FIELD=` maps no column.
    #[arg(long = "map", value_name = "FIELD=COLUMN", value_parser = parse_map)]
    pub map: Vec<(Field, Option<ColumnRef>)>,
    /// The workbook sheet to read (default: the first).
    #[arg(long, value_name = "NAME")]
    pub sheet: Option<String>,
    /// The CSV delimiter: a character, or tab, comma, semicolon, pipe.
    #[arg(long, value_name = "D", value_parser = parse_delimiter)]
    pub delimiter: Option<char>,
    /// The decimal mark of amounts: . or ,
    #[arg(long, value_name = "D", value_parser = parse_decimal)]
    pub decimal: Option<char>,
    /// The text encoding, e.g. utf-8, utf-16le, windows-1252.
    #[arg(long, value_name = "E")]
    pub encoding: Option<String>,
    /// The date format: YYYY-MM-DD, DD-MM-YYYY, MM/DD/YYYY, DD.MM.YYYY, YYYY/MM/DD or excel.
    #[arg(long = "date-format", value_name = "F", value_parser = parse_date_format)]
    pub date_format: Option<DateFormat>,
    /// Leave out lines that repeat an earlier line exactly (default: keep and report them).
    #[arg(long)]
    pub drop_duplicates: bool,
}

impl ImportArgs {
    pub fn options(&self) -> ImportOptions {
        ImportOptions {
            encoding: self.encoding.clone(),
            delimiter: self.delimiter,
            decimal_mark: self.decimal,
            date_format: self.date_format,
            sheet: self.sheet.clone(),
            mapping: self.map.clone(),
            drop_duplicates: self.drop_duplicates,
            ..ImportOptions::default()
        }
    }

    /// Reads and imports `files` into one ledger. Whole-file problems are printed, and give the
    /// exit code to stop with. A `clientele_customer_period` file is refused: the command needs
    /// single lines (`ledger_of_periods` reads aggregates, for the analyses by period).
    pub fn import(&self, files: &[PathBuf]) -> Result<Imported, ExitCode> {
        self.import_with(files, None, Keep::Everything)
    }

    /// `import`, where `aggregates` is the year start a `clientele_customer_period` file's periods
    /// begin on (the one its script was made with): each row becomes one line on that first day;
    /// `keep` says what of each line is kept.
    fn import_with(&self, files: &[PathBuf], aggregates: Option<YearStart>, keep: Keep) -> Result<Imported, ExitCode> {
        let names: Vec<String> = files.iter().map(|f| f.display().to_string()).collect();
        let options = ImportOptions { period_year_start: aggregates.unwrap_or_default(), ..self.options() };
        let imported = match (files, &names[..]) {
            ([path], [name]) => parts::import(path, name, &options, keep),
            _ => None,
        };
        let imported = match imported {
            Some(imported) => imported,
            None => Self::import_whole(files, &names, &options, keep)?,
        };
        if imported.report.period_totals.is_some() && aggregates.is_none() {
            return Err(fail(&format!(
                "{} holds {CUSTOMER_PERIOD} (one row per customer and period), and this command needs the ledger's \
                 single lines: run it on the ledger itself (clientele analyze reads the aggregate)",
                names.join(", ")
            )));
        }
        Ok(imported)
    }

    /// `import_with`, every file read whole into memory first.
    fn import_whole(
        files: &[PathBuf],
        names: &[String],
        options: &ImportOptions,
        keep: Keep,
    ) -> Result<Imported, ExitCode> {
        let mut contents = Vec::with_capacity(files.len());
        for (file, name) in files.iter().zip(names) {
            contents.push(std::fs::read(file).map_err(|e| fail(&format!("{name}: {e}")))?);
        }
        let inputs: Vec<InputFile<'_>> =
            names.iter().zip(&contents).map(|(name, bytes)| InputFile { name, bytes }).collect();
        import::import_files_keeping(&inputs, options, keep, &mut |_| true).map_err(|e| fail(&e.to_string()))
    }

    /// `import`, for a command that analyses the ledger: lines that cannot be read are left out
    /// and counted on stderr (`clientele check` lists them).
    pub fn ledger(&self, files: &[PathBuf]) -> Result<Ledger, ExitCode> {
        Self::kept_lines(self.import(files)?)
    }

    /// `ledger`, also reading `clientele_customer_period` files (periods starting on `year_start`):
    /// for the analyses by period, which give the same figures on the aggregate as on its ledger
    /// and read no text attribute, so only the figures are kept (`Keep::Figures`).
    pub fn ledger_of_periods(&self, files: &[PathBuf], year_start: YearStart) -> Result<Ledger, ExitCode> {
        Self::kept_lines(self.import_with(files, Some(year_start), Keep::Figures)?)
    }

    fn kept_lines(imported: Imported) -> Result<Ledger, ExitCode> {
        let errors = imported.report.error_count();
        if errors > 0 {
            eprintln!("clientele: {errors} lines could not be read and are left out (`clientele check` lists them)");
        }
        Ok(imported.ledger)
    }
}

/// Prints a failure on stderr and gives the exit code to stop with.
pub fn fail(message: &str) -> ExitCode {
    eprintln!("clientele: {message}");
    ExitCode::from(1)
}

fn parse_map(text: &str) -> Result<(Field, Option<ColumnRef>), String> {
    let (field, column) = split_map(text)?;
    Ok((field, column.map(ColumnRef::parse)))
}

/// `FIELD=COLUMN` as the field and the column's text (`None` for `FIELD=`: no column); shared
/// by `--map` of the ledger commands and of `clientele sql`.
pub(crate) fn split_map(text: &str) -> Result<(Field, Option<&str>), String> {
    let (field, column) = text.split_once('=').ok_or_else(|| format!("expected FIELD=COLUMN, got '{text}'"))?;
    let field = Field::from_name(field.trim()).ok_or_else(|| {
        let names: Vec<&str> = import::field_names().collect();
        format!("unknown field '{}'; fields are {}", field.trim(), names.join(", "))
    })?;
    Ok((field, Some(column.trim()).filter(|c| !c.is_empty())))
}

fn parse_delimiter(text: &str) -> Result<char, String> {
    let named = match text.to_ascii_lowercase().as_str() {
        "tab" | "\\t" => Some('\t'),
        "comma" => Some(','),
        "semicolon" => Some(';'),
        "pipe" => Some('|'),
        _ => None,
    };
    named.or_else(|| single_char(text)).ok_or_else(|| format!("a delimiter is one character or tab, not '{text}'"))
}

fn parse_decimal(text: &str) -> Result<char, String> {
    single_char(text)
        .filter(|c| matches!(c, '.' | ','))
        .ok_or_else(|| format!("the decimal mark is . or , not '{text}'"))
}

fn parse_date_format(text: &str) -> Result<DateFormat, String> {
    DateFormat::from_pattern(text)
        .ok_or_else(|| format!("unknown date format '{text}'; use e.g. YYYY-MM-DD, DD-MM-YYYY, MM/DD/YYYY or excel"))
}

fn single_char(text: &str) -> Option<char> {
    let mut chars = text.chars();
    chars.next().filter(|_| chars.next().is_none())
}

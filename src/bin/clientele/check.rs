//! `clientele check`: validates ledger files and prints what the import found.

use crate::import_args::ImportArgs;
use clientele::engine::import::{FileFormat, FileReport, ImportReport};
use std::path::PathBuf;
use std::process::ExitCode;

#[derive(clap::Args, Debug)]
pub struct CheckArgs {
    /// Ledger files (.csv, .tsv, .txt, .xlsx, .xls, .ods); several are appended into one ledger.
    #[arg(required = true, value_name = "FILE")]
    pub files: Vec<PathBuf>,
    #[command(flatten)]
    pub import: ImportArgs,
}

/// Exit 0 when every line reads, 2 when some lines do not (listed on stderr as
/// `FILE:LINE:COLUMN: reason`), 1 when a file cannot be imported at all.
pub fn run(args: &CheckArgs) -> ExitCode {
    let imported = match args.import.import(&args.files) {
        Ok(imported) => imported,
        Err(code) => return code,
    };
    let report = &imported.report;
    report.files.iter().for_each(print_file);
    print_summary(report);
    for file in &report.files {
        for e in &file.errors {
            eprintln!("{}:{}:{}: {} (value '{}')", file.file, e.line, e.column, e.kind, e.value);
        }
    }
    if report.error_count() > 0 {
        ExitCode::from(2)
    } else {
        ExitCode::SUCCESS
    }
}

fn print_file(file: &FileReport) {
    let g = &file.guess;
    let s = &g.source;
    println!("file: {}", file.file);
    match s.format {
        FileFormat::Csv => println!(
            "  format: CSV, {}{}, delimiter {:?}, quote {:?}",
            s.encoding.as_deref().unwrap_or("?"),
            if s.bom { " with BOM" } else { "" },
            s.delimiter.unwrap_or(','),
            s.quote.unwrap_or('"'),
        ),
        FileFormat::Workbook => {
            println!("  format: workbook, sheet {:?} of {}", s.sheet.as_deref().unwrap_or(""), s.sheets.join(", "))
        }
    }
    match &g.title {
        Some(title) => {
            let skipped: Vec<String> = title.skipped.iter().map(|(_, text)| format!("'{text}'")).collect();
            let count = title.skipped.len();
            println!(
                "  header row: line {} ({count} title line{} skipped: {})",
                title.header_line,
                plural(count),
                skipped.join(", ")
            );
        }
        None => println!("  header row: {}", if g.has_header { "yes" } else { "no" }),
    }
    let thousands = g.number_format.thousands_separator.map_or("none".to_string(), |c| format!("{c:?}"));
    println!("  numbers: decimal mark {:?}, thousands separator {thousands}", g.number_format.decimal_mark);
    println!("  dates: {}", g.date_format.pattern());
    for m in &g.mapping {
        println!("  column {} {:?} -> {}", m.column, m.header, m.field.name());
    }
    g.notes.iter().for_each(|note| println!("  note: {note}"));
    println!("  lines imported: {}, unreadable: {}, blank: {}", file.lines, file.errors.len(), file.blank_lines);
    if let Some(grouping) = file.grouping {
        let (groups, filled) = (grouping.groups, grouping.filled);
        println!(
            "  grouped report: {groups} customer group{}, customer filled down on {filled} line{}",
            plural(groups),
            plural(filled)
        );
    }
    for total in &file.totals {
        let amount = total.amount.map_or(String::new(), |a| format!(" {a}"));
        let kind = if total.group.is_some() { "subtotal" } else { "total" };
        println!("  {kind} line {} left out: {:?}{amount}", total.line, total.label);
        if let (Some(sum), Some(group)) = (total.mismatch(), &total.group) {
            let says = total.amount.map_or("nothing readable".to_string(), |a| a.to_string());
            println!(
                "  note: the subtotal on line {} says {says}, but the {} line{} of {:?} add up to {sum}; check the lines above it",
                total.line,
                group.lines,
                plural(group.lines),
                group.customer
            );
        }
    }
}

fn plural(count: usize) -> &'static str {
    if count == 1 {
        ""
    } else {
        "s"
    }
}

fn print_summary(report: &ImportReport) {
    let s = &report.summary;
    println!("lines: {}", s.lines);
    println!("customers: {}", s.customers);
    println!("products: {}", s.products.map_or("-".to_string(), |p| p.to_string()));
    match (s.first_day, s.last_day) {
        (Some(first), Some(last)) => println!("dates: {first} to {last}"),
        _ => println!("dates: -"),
    }
    println!("revenue: {}", s.revenue);
    println!("credit notes: {} totalling {}", s.credit_notes, s.credited);
    let d = &report.duplicates;
    let fate = if d.dropped { "left out" } else { "kept" };
    println!("duplicate lines: {} ({fate})", d.count);
    for e in &d.examples {
        println!("  {}:{} repeats {}:{}", e.file, e.line, e.first_file, e.first_line);
    }
}

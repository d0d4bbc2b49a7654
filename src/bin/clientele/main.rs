//! The `clientele` command: the engine on the command line, for scripting and very large files.
//! Each subcommand lives in its own file; the import flags every subcommand that reads ledgers
//! shares are `import_args::ImportArgs` (flatten them into the subcommand's arguments).

mod analyze;
mod breakeven;
mod check;
mod clv;
mod focus;
mod import_args;
mod parts;
mod profit;
mod sample;
mod sql;

use clap::{Parser, Subcommand};
use std::process::ExitCode;

#[derive(Parser)]
#[command(name = "clientele", version, about = "Customer analytics on your own ledger exports")]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Validate ledger files and print the import summary; unreadable rows go to stderr.
    Check(check::CheckArgs),
    /// Pyramid, flows, migration and concentration of every period (`--json` for one JSON object).
    Analyze(analyze::AnalyzeArgs),
    /// Customer-based accounting of one period: cost pools per customer, net profit, the whale curve.
    Profit(profit::ProfitArgs),
    /// Breakeven: an investment month by month (profit and cash), or the volume view.
    Breakeven(breakeven::BreakevenArgs),
    /// Lifetime value: BG/NBD, Pareto/NBD and Gamma-Gamma fitted up to a calibration end, per customer.
    Clv(clv::ClvArgs),
    /// Customer Focus: the report of survey answers (CSV: respondent,department,aspect,current,priority).
    Focus(focus::FocusArgs),
    /// Write the built-in sample ledger as CSV to stdout.
    Sample(sample::SampleArgs),
    /// The pyramid, flows, migration and concentration as one SQL script for a warehouse.
    Sql(sql::SqlArgs),
}

fn main() -> ExitCode {
    match Cli::parse().command {
        Command::Analyze(args) => analyze::run(&args),
        Command::Check(args) => check::run(&args),
        Command::Clv(args) => clv::run(&args),
        Command::Sample(args) => sample::run(&args),
        Command::Profit(args) => profit::run(&args),
        Command::Breakeven(args) => breakeven::run(&args),
        Command::Sql(args) => sql::run(&args),
        Command::Focus(args) => focus::run(&args),
    }
}

//! `clientele sample`: the built-in sample ledger as CSV, or a large test ledger built from it.

use clientele::engine::import::{write_ledger_csv, write_test_ledger};
use clientele::engine::sample::sample_ledger;
use std::io::Write;
use std::process::ExitCode;

#[derive(clap::Args, Debug)]
pub struct SampleArgs {
    /// Write CSV (the format the importer reads back; the default and, so far, the only one).
    #[arg(long)]
    pub csv: bool,
    /// Instead, write a large test ledger of this many lines (11 columns, the sample repeated
    /// with renamed customers), e.g. 1000000 for the import benchmark.
    #[arg(long, value_name = "N")]
    pub lines: Option<usize>,
}

pub fn run(args: &SampleArgs) -> ExitCode {
    let mut out = std::io::BufWriter::with_capacity(1 << 20, std::io::stdout().lock());
    let ledger = sample_ledger();
    let written = match args.lines {
        Some(lines) => write_test_ledger(&ledger, lines, &mut out),
        None => write_ledger_csv(&ledger, &mut out),
    };
    match written.map_err(|e| e.to_string()).and_then(|()| out.flush().map_err(|e| e.to_string())) {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("clientele: {e}");
            ExitCode::from(1)
        }
    }
}

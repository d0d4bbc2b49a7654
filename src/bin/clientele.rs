//! The `clientele` command: the engine on the command line, for scripting and very large files.

use clientele::engine::{sample, summary::Summary};
use std::process::ExitCode;

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    match args.first().map(String::as_str) {
        Some("sample") => {
            let s = Summary::of(&sample::sample_ledger());
            println!("{}", serde_json::to_string_pretty(&s).unwrap_or_default());
            ExitCode::SUCCESS
        }
        _ => {
            eprintln!("usage: clientele sample");
            ExitCode::from(2)
        }
    }
}

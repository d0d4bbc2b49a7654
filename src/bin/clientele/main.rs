//! The `clientele` command: the engine on the command line, for scripting and very large files.

use std::process::ExitCode;

fn main() -> ExitCode {
    eprintln!("usage: clientele <check|analyze|sample> ...");
    ExitCode::from(2)
}

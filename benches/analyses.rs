//! Benchmarks of every analysis on a 1,000,000-line ledger (filled in with the analyses).

fn main() {}

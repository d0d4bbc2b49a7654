//! `clientele sql` and the aggregate it creates, end to end. The figures of the SQL itself are
//! checked on real engines by tests/warehouse/run.py (scripts/test); here: the aggregates that
//! DuckDB computed with the script (tests/warehouse/make_fixtures.py, not Clientele's own code)
//! give `clientele analyze --json` exactly the JSON of the ledgers they came from, and what the
//! commands refuse.

mod common;

use std::process::{Command, Output};

fn clientele(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_clientele")).args(args).output().expect("clientele runs")
}

fn data(name: &str) -> String {
    common::data(&format!("warehouse/{name}")).display().to_string()
}

fn json_of(args: &[&str]) -> String {
    let output = clientele(args);
    assert!(output.status.success(), "{args:?}: {}", String::from_utf8_lossy(&output.stderr));
    String::from_utf8_lossy(&output.stdout).into_owned()
}

/// The whole JSON (pyramid with shares, averages and gross margins, flows, migration,
/// concentration) is the same, byte for byte: the sample's 2,000 customers with costs and a
/// department column, credit notes that bring a customer to zero and a customer who never is
/// active, and fiscal years from July.
#[test]
fn analysing_the_aggregate_gives_the_ledgers_figures() {
    let sample = json_of(&["analyze", "--sample", "--json"]);
    assert_eq!(json_of(&["analyze", &data("sample_customer_period.csv"), "--json"]), sample);
    let credit = json_of(&["analyze", &data("credit_notes.csv"), "--json"]);
    assert_eq!(json_of(&["analyze", &data("credit_notes_customer_period.csv"), "--json"]), credit);
    // A has 500 in 2023 and 200 - 200 = 0 in 2024: inactive (a hand-worked figure of the README).
    assert!(credit.contains(r#"{"level":"inactive","customers":1,"revenue":0.00,"#), "{credit}");
    let fiscal = ["--year-start", "07-01", "--json"];
    let by_ledger = json_of(&[&["analyze", &data("fiscal_year.csv")][..], &fiscal].concat());
    assert_eq!(json_of(&[&["analyze", &data("fiscal_year_customer_period.csv")][..], &fiscal].concat()), by_ledger);
    assert!(by_ledger.starts_with(r#"{"periods":["2022","2023","2024"]"#), "{by_ledger}");
}

/// Commands that need single lines (purchase days, invoices) refuse the aggregate and say why.
#[test]
fn commands_that_need_single_lines_refuse_the_aggregate() {
    let file = data("credit_notes_customer_period.csv");
    let pools = common::data("profit_pools.csv").display().to_string();
    let clv = vec!["clv", file.as_str(), "--calibration-end", "2024-06-30"];
    for args in [clv, vec!["profit", file.as_str(), "--costs", &pools]] {
        let output = clientele(&args);
        let stderr = String::from_utf8_lossy(&output.stderr);
        assert!(!output.status.success(), "{args:?}");
        assert!(stderr.contains("holds clientele_customer_period") && stderr.contains("single lines"), "{stderr}");
    }
}

#[test]
fn a_bad_period_is_named_with_file_and_line() {
    let dir = std::env::temp_dir().join(format!("clientele-cli-sql-{}", std::process::id()));
    std::fs::create_dir_all(&dir).expect("a temporary folder");
    let file = dir.join("customer_period.csv");
    std::fs::write(&file, "customer,period,revenue,cost,lines\nA,2023,10.00,,1\nB,FY24,5.00,,1\n").expect("written");
    let output = clientele(&["analyze", &file.display().to_string(), "--json"]);
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(!output.status.success());
    assert!(stderr.contains("customer_period.csv: line 3, column period: 'FY24' is not a period"), "{stderr}");
    let _ = std::fs::remove_dir_all(dir);
}

#[test]
fn sql_refuses_what_it_cannot_write() {
    let output = clientele(&["sql", "--dialect", "oracle"]);
    assert!(String::from_utf8_lossy(&output.stderr).contains("dialects are duckdb, spark, postgres, bigquery"));
    let output = clientele(&["sql", "--dialect", "duckdb", "--map", "invoice=invoice_no"]);
    assert!(!output.status.success());
    assert!(String::from_utf8_lossy(&output.stderr).contains("cannot carry invoice"));
    let output = clientele(&["sql", "--dialect", "postgres", "--cutoffs", "1,5,120"]);
    assert!(String::from_utf8_lossy(&output.stderr).contains("'120' is not a percentage from 0 to 100"));
    let script = json_of(&["sql", "--dialect", "bigquery", "--table", "sales.lines", "--map", "amount=net"]);
    assert!(script.contains("FROM `sales`.`lines`") && script.contains("SUM(`net`) AS revenue"), "{script}");
}

//! `clientele analyze FILE --json` end to end on tests/data/analyze_small.csv, against values
//! worked out by hand from the file's eleven lines:
//!
//! | customer | 2021    | 2022             | 2023   | 2024    |
//! |----------|---------|------------------|--------|---------|
//! | A        | 1000.00 |                  |        | 1234.50 |
//! | B        | 500.50  | 800.00           | 100.00 |         |
//! | C        | 200.00  | 50.00 - 50.00 = 0|        |         |
//! | D        |         | 300.00           | 300.00 | 99.99   |

mod common;

use serde_json::Value;
use std::process::Command;

fn analyze(extra: &[&str]) -> (String, Value) {
    let file = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/data/analyze_small.csv");
    let output = Command::new(env!("CARGO_BIN_EXE_clientele"))
        .args([
            "analyze",
            file,
            "--map",
            "customer=Customer ID",
            "--map",
            "date=Invoice date",
            "--map",
            "amount=Net amount",
            "--map",
            "invoice=Invoice",
            "--json",
        ])
        .args(extra)
        .output()
        .expect("clientele runs");
    assert!(output.status.success(), "{}", String::from_utf8_lossy(&output.stderr));
    let text = String::from_utf8(output.stdout).expect("UTF-8");
    let json = serde_json::from_str(&text).expect("one JSON object");
    (text, json)
}

/// (level, customers, revenue) of every pyramid row of a period.
fn pyramid(json: &Value, period: &str) -> Vec<(String, u64, f64)> {
    json["pyramid"][period]
        .as_array()
        .expect("rows")
        .iter()
        .map(|r| {
            (
                r["level"].as_str().unwrap_or("").to_string(),
                r["customers"].as_u64().unwrap_or(0),
                r["revenue"].as_f64().unwrap_or(f64::NAN),
            )
        })
        .collect()
}

fn flows(json: &Value, period: &str) -> [u64; 6] {
    ["start", "new", "regained", "lost", "retained", "end"]
        .map(|k| json["flows"][period][k].as_u64().unwrap_or(u64::MAX))
}

/// The non-empty migration cells: (from, to, customers, revenue_from, revenue_to).
fn migration(json: &Value, period: &str) -> Vec<(String, String, u64, f64, f64)> {
    json["migration"][period]
        .as_array()
        .expect("cells")
        .iter()
        .filter(|c| c["customers"].as_u64() != Some(0))
        .map(|c| {
            let s = |k: &str| c[k].as_str().unwrap_or("").to_string();
            (
                s("from"),
                s("to"),
                c["customers"].as_u64().unwrap_or(0),
                c["revenue_from"].as_f64().unwrap_or(f64::NAN),
                c["revenue_to"].as_f64().unwrap_or(f64::NAN),
            )
        })
        .collect()
}

fn row(level: &str, customers: u64, revenue: f64) -> (String, u64, f64) {
    (level.to_string(), customers, revenue)
}

fn cell(from: &str, to: &str, customers: u64, revenue_from: f64, revenue_to: f64) -> (String, String, u64, f64, f64) {
    (from.to_string(), to.to_string(), customers, revenue_from, revenue_to)
}

#[test]
fn calendar_years() {
    let (text, json) = analyze(&[]);
    assert_eq!(json["periods"], serde_json::json!(["2021", "2022", "2023", "2024"]));
    // Money is written from cents with two decimals.
    assert!(text.contains(r#""revenue":1234.50"#) && text.contains(r#""revenue":700.50"#), "{text}");

    // 2021: n = 3, k(1%) = k(5%) = k(20%) = 1: A Top; B and C Small (500.50 + 200.00).
    assert_eq!(
        pyramid(&json, "2021"),
        vec![
            row("top", 1, 1000.0),
            row("big", 0, 0.0),
            row("medium", 0, 0.0),
            row("small", 2, 700.5),
            row("inactive", 0, 0.0)
        ]
    );
    // 2022: B 800 Top, D 300 Small; A and C (credit notes net C to zero) inactive.
    assert_eq!(
        pyramid(&json, "2022"),
        vec![
            row("top", 1, 800.0),
            row("big", 0, 0.0),
            row("medium", 0, 0.0),
            row("small", 1, 300.0),
            row("inactive", 2, 0.0)
        ]
    );
    // 2024: A 1234.50 Top, D 99.99 Small; B and C inactive.
    assert_eq!(pyramid(&json, "2024")[0], row("top", 1, 1234.5));
    assert_eq!(pyramid(&json, "2024")[3], row("small", 1, 99.99));

    assert!(json["flows"].get("2021").is_none(), "no flows into the first period");
    // [start, new, regained, lost, retained, end]
    assert_eq!(flows(&json, "2022"), [3, 1, 0, 2, 1, 2]); // A and C lost, D new
    assert_eq!(flows(&json, "2023"), [2, 0, 0, 0, 2, 2]);
    assert_eq!(flows(&json, "2024"), [2, 0, 1, 1, 1, 2]); // A back after two empty years; B lost

    assert_eq!(
        migration(&json, "2022"),
        vec![
            cell("top", "inactive", 1, 1000.0, 0.0),
            cell("small", "top", 1, 500.5, 800.0),
            cell("small", "inactive", 1, 200.0, 0.0),
            cell("none", "small", 1, 0.0, 300.0)
        ]
    );
    assert_eq!(
        migration(&json, "2024"),
        vec![
            cell("top", "small", 1, 300.0, 99.99),
            cell("small", "inactive", 1, 100.0, 0.0),
            cell("inactive", "top", 1, 0.0, 1234.5),
            cell("inactive", "inactive", 1, 0.0, 0.0)
        ]
    );
    let cells = json["migration"]["2024"].as_array().expect("cells");
    assert_eq!(cells.len(), 29);
    assert!(!cells.iter().any(|c| c["from"] == "none" && c["to"] == "inactive"));

    // 2021: top k(0.2) = 1 customer: 1000.00 / 1700.50. Gini of [200.00, 500.50, 1000.00]:
    // (-2 * 20000 + 0 * 50050 + 2 * 100000) / (3 * 170050) = 160000 / 510150.
    let c2021 = &json["concentration"]["2021"];
    assert_eq!(c2021["top20_revenue_share"].as_f64(), Some(100_000.0 / 170_050.0));
    assert_eq!(c2021["gini"].as_f64(), Some(160_000.0 / 510_150.0));
    // 2024: [99.99, 1234.50]: (-9999 + 123450) / (2 * 133449).
    assert_eq!(json["concentration"]["2024"]["gini"].as_f64(), Some(113_451.0 / 266_898.0));
}

#[test]
fn fiscal_years_from_july() {
    let (_, json) = analyze(&["--year-start", "07-01"]);
    // Fiscal 2020 = Jul 2020 - Jun 2021 (A, B); 2021: C 200 (Jul 2021, and 50 - 50), B 800, D 300;
    // 2022: B 100, D 300; 2023: nothing; 2024: A 1234.50, D 99.99.
    assert_eq!(json["periods"], serde_json::json!(["2020", "2021", "2022", "2023", "2024"]));
    assert_eq!(
        pyramid(&json, "2021"),
        vec![
            row("top", 1, 800.0),
            row("big", 0, 0.0),
            row("medium", 0, 0.0),
            row("small", 2, 500.0),
            row("inactive", 1, 0.0)
        ]
    );
    assert_eq!(pyramid(&json, "2023")[4], row("inactive", 4, 0.0));
    assert_eq!(flows(&json, "2021"), [2, 2, 0, 1, 1, 3]);
    assert_eq!(flows(&json, "2023"), [2, 0, 0, 2, 0, 0]);
    // A (last active 2020) and D (last active 2022) both come back after the empty year.
    assert_eq!(flows(&json, "2024"), [0, 0, 2, 0, 0, 2]);
    assert_eq!(json["concentration"]["2023"]["gini"].as_f64(), Some(0.0));
}

#[test]
fn sample_flag_and_readable_tables() {
    let output =
        Command::new(env!("CARGO_BIN_EXE_clientele")).args(["analyze", "--sample"]).output().expect("clientele runs");
    assert!(output.status.success());
    let text = String::from_utf8_lossy(&output.stdout);
    assert!(text.contains("== 2025 ==") && text.contains("flows: start"), "{text}");
}

/// Writes `text` to a file of this test binary's temporary directory and returns its path.
fn temp_file(name: &str, text: &str) -> String {
    let path = std::path::Path::new(env!("CARGO_TARGET_TMPDIR")).join(name);
    std::fs::write(&path, text).expect("temporary file written");
    path.display().to_string()
}

#[test]
fn sums_near_the_ledger_limit_are_exact() {
    // common::twenty_customers_near_the_ledger_limit: C01 4,058 lines of one trillion, C02..C20
    // 1,000 each, all in 2024: 23,058 trillion = 2,305,800,000,000,000,000 cents, under 2^61.
    let file = temp_file("near_limit.csv", &common::twenty_customers_near_the_ledger_limit());
    let output =
        Command::new(env!("CARGO_BIN_EXE_clientele")).args(["analyze", &file, "--json"]).output().expect("runs");
    assert!(output.status.success(), "{}", String::from_utf8_lossy(&output.stderr));
    let text = String::from_utf8(output.stdout).expect("UTF-8");
    // n = 20: k(1 %) = ceil(0.2) = 1, k(5 %) = ceil(1.0) = 1, k(20 %) = ceil(4.0) = 4. Top: C01, 4,058
    // trillion; Big empty; Medium ranks 2-4 (C02, C03, C04 by id): 3,000 trillion, average 1,000
    // trillion; Small ranks 5-20: 16 customers, 16,000 trillion. Money as exact two-decimal tokens
    // (the JSON floats cannot hold them exactly, the text does).
    for token in [
        r#"{"level":"top","customers":1,"revenue":4058000000000000.00,"#,
        r#"{"level":"big","customers":0,"revenue":0.00,"#,
        r#"{"level":"medium","customers":3,"revenue":3000000000000000.00,"#,
        r#""average_revenue":1000000000000000.00"#,
        r#"{"level":"small","customers":16,"revenue":16000000000000000.00,"#,
        r#""top_customers":4,"revenue":23058000000000000.00"#,
    ] {
        assert!(text.contains(token), "missing {token} in {text}");
    }
    let json: Value = serde_json::from_str(&text).expect("one JSON object");
    let c = &json["concentration"]["2024"];
    // Top 4: (4,058 + 3,000) / 23,058 trillion.
    assert_eq!(c["top20_revenue_share"].as_f64(), Some(7_058.0 / 23_058.0));
    // Gini, x ascending in trillions: nineteen 1,000s, then 4,058; n = 20.
    // Σ (2i - 21) x_i = 1,000 * Σ_{i=1..19} (2i - 21) + 19 * 4,058 = 1,000 * (380 - 399) + 77,102 = 58,102;
    // n Σ x = 20 * 23,058 = 461,160. In cents both exceed i64 (the running sum reaches -10^19 at
    // i = 10, and n Σ x = 4.6 * 10^19), so only i128 gets 58,102 / 461,160.
    assert_eq!(c["gini"].as_f64(), Some(58_102.0 / 461_160.0));
}

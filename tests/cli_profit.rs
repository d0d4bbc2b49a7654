//! `clientele profit LEDGER --costs POOLS.csv --activities ACTIVITIES.csv --json` end to end on
//! tests/data/profit_*.csv, against figures worked out by hand. The 2024 lines:
//!
//! | customer | invoices | lines | revenue | cost   | gross margin |
//! |----------|----------|-------|---------|--------|--------------|
//! | P1       | 1 (F1)   | 2     | 1200.00 | 450.00 | 750.00       |
//! | Q2       | 2        | 2     |  400.00 | 290.00 | 110.00       |
//! | R3       | 1        | 1     |   50.00 |  40.00 |  10.00       |
//!
//! S4 bought only in 2023: it has no line in 2024 and is not listed (it is the one inactive
//! customer of the pyramid, with no line to carry a cost).
//!
//! Sales 60.01 by invoice (4): 15.0025 per invoice: P1 15.0025, Q2 30.005, R3 15.0025; floors
//! 15.00 + 30.00 + 15.00 = 60.00, the cent left goes to the largest remainder, Q2: 30.01.
//! Service 120.00 over 200 minutes (0.60 a minute), 10 minutes an invoice and 5 a line:
//! P1 20 min = 12.00, Q2 30 = 18.00, R3 15 = 9.00; 65 minutes used: 39.00, unused 81.00.
//! (Cross-checked with a Python one-liner over the CSV: 1500.25, 3000.5, 1500.25 cents before
//! rounding for Sales; 1200, 1800, 900 cents for Service.)
//!
//! Net: P1 750.00 - 27.00 = 723.00, Q2 110.00 - 48.01 = 61.99, R3 10.00 - 24.00 = -14.00;
//! total 770.99. Whale: cumulative 723.00, 784.99, 770.99: the peak 784.99 by 2 customers.
//! Top 20 %: ceil(0.6) = 1 customer, 723.00 of 770.99. Active P1 (Top), Q2 and R3 (Small: n = 3,
//! k(1 %) = k(5 %) = k(20 %) = 1).

mod common;

use serde_json::{json, Value};
use std::process::{Command, Output};

fn profit(extra: &[&str]) -> Output {
    let data = |name: &str| common::data(name).display().to_string();
    let mut args: Vec<String> =
        ["profit", &data("profit_ledger.csv"), "--costs", &data("profit_pools.csv")].map(String::from).to_vec();
    for map in ["customer=Customer", "date=Date", "invoice=Invoice", "product_group=Group", "amount=Amount"] {
        args.extend(["--map".into(), map.into()]);
    }
    args.extend(extra.iter().map(|a| a.replace("DATA/", &data(""))));
    Command::new(env!("CARGO_BIN_EXE_clientele")).args(&args).output().expect("clientele runs")
}

fn json_of(output: &Output) -> (String, Value) {
    assert!(output.status.success(), "{}", String::from_utf8_lossy(&output.stderr));
    let text = String::from_utf8_lossy(&output.stdout).to_string();
    let json = serde_json::from_str(&text).expect("one JSON object");
    (text, json)
}

#[test]
fn pools_customers_levels_and_whale_as_the_issue_specifies() {
    let (text, json) = json_of(&profit(&[
        "--map",
        "cost=Cost",
        "--activities",
        "DATA/profit_activities.csv",
        "--period",
        "2024",
        "--json",
    ]));
    assert_eq!(json["period"], "2024");
    assert_eq!(
        json["pools"],
        json!([
            {"pool": "Sales", "driver": "invoice", "amount": 60.01, "allocated": 60.01, "unused": 0.00},
            {"pool": "Service", "driver": "time", "amount": 120.00, "allocated": 39.00, "unused": 81.00,
             "capacity_minutes": 200.00, "minutes_used": 65.00},
        ])
    );
    let customer = |id: &str, level: &str, money: [f64; 6]| {
        let [revenue, margin, sales, service, cost, net] = money;
        json!({"customer": id, "level": level, "revenue": revenue, "gross_margin": margin,
               "costs": {"Sales": sales, "Service": service}, "cost_to_serve": cost, "net_profit": net})
    };
    assert_eq!(
        json["customers"],
        json!([
            customer("P1", "top", [1200.00, 750.00, 15.00, 12.00, 27.00, 723.00]),
            customer("Q2", "small", [400.00, 110.00, 30.01, 18.00, 48.01, 61.99]),
            customer("R3", "small", [50.00, 10.00, 15.00, 9.00, 24.00, -14.00]),
        ])
    );
    let level = |name: &str, n: u64, revenue: f64, margin: f64, cost: f64, net: f64| json!({"level": name, "customers": n, "revenue": revenue, "gross_margin": margin, "cost_to_serve": cost, "net_profit": net});
    assert_eq!(
        json["levels"],
        json!([
            level("top", 1, 1200.00, 750.00, 27.00, 723.00),
            level("big", 0, 0.00, 0.00, 0.00, 0.00),
            level("medium", 0, 0.00, 0.00, 0.00, 0.00),
            level("small", 2, 450.00, 120.00, 72.01, 47.99),
            level("inactive", 0, 0.00, 0.00, 0.00, 0.00),
        ])
    );
    assert_eq!(
        json["whale"],
        json!({"customers": 3, "total_profit": 770.99, "peak_profit": 784.99, "peak_share": 78_499.0 / 77_099.0,
               "peak_customers": 2, "top20_customers": 1, "top20_profit_share": 72_300.0 / 77_099.0,
               "loss_making_customers": 1})
    );
    assert_eq!(json["loss_makers"], json!([{"customer": "R3", "net_profit": -14.00, "costliest_pool": "Sales"}]));
    // Money is an exact token with two decimals.
    assert!(text.contains(r#""unused":81.00"#) && text.contains(r#""net_profit":61.99"#), "{text}");
}

#[test]
fn margins_per_product_group_for_a_ledger_without_cost() {
    // No cost column mapped: X 50 %, Y 25 %. P1 1000 x 0.5 + 200 x 0.25 = 550.00, Q2 400 x 0.5 =
    // 200.00, R3 50 x 0.25 = 12.50. Without --margins the command says what to do.
    let (_, json) = json_of(&profit(&["--map", "cost=", "--margins", "DATA/profit_margins.csv", "--json"]));
    let margins: Vec<(&str, f64)> = json["customers"]
        .as_array()
        .into_iter()
        .flatten()
        .map(|c| (c["customer"].as_str().unwrap_or(""), c["gross_margin"].as_f64().unwrap_or(f64::NAN)))
        .collect();
    assert_eq!(margins, vec![("P1", 550.00), ("Q2", 200.00), ("R3", 12.50)]);
    let without = profit(&["--map", "cost=", "--json"]);
    assert_eq!(without.status.code(), Some(1));
    assert!(
        String::from_utf8_lossy(&without.stderr).contains("the ledger has no cost column: map one (--map cost=COLUMN)")
    );
}

#[test]
fn a_contact_activity_spreads_its_minutes_over_the_realised_contacts() {
    // Service 120.00 over 200 minutes (0.60 a minute), 20 minutes a realised contact of 2024
    // (profit_contacts.csv): P1 2 (40 minutes, 24.00), R3 1 (20 minutes, 12.00); Q2's call is of
    // 2023 and Z9 is not in the ledger: 60 minutes used, 36.00 allocated, 84.00 unused.
    let contacts = ["--activities", "DATA/profit_contact_activities.csv", "--period", "2024", "--json"];
    let (_, json) =
        json_of(&profit(&[&["--map", "cost=Cost", "--contacts", "DATA/profit_contacts.csv"], &contacts[..]].concat()));
    let service: Vec<(&str, f64)> = ["P1", "Q2", "R3"]
        .iter()
        .map(|id| {
            let c = json["customers"].as_array().and_then(|a| a.iter().find(|c| c["customer"] == *id));
            (*id, c.and_then(|c| c["costs"]["Service"].as_f64()).unwrap_or(-1.0))
        })
        .collect();
    assert_eq!(service, vec![("P1", 24.00), ("Q2", 0.00), ("R3", 12.00)]);
    assert_eq!(json["pools"][1]["allocated"], 36.00);
    assert_eq!(json["pools"][1]["minutes_used"], 60.00);
    // Without the contacts the activity is refused, saying what to do.
    let refused = profit(&[&["--map", "cost=Cost"], &contacts[..]].concat());
    assert_eq!(refused.status.code(), Some(1));
    let stderr = String::from_utf8_lossy(&refused.stderr);
    assert!(
        stderr.contains(
            "profit_contact_activities.csv, line 2, column driver: 'contact': no realised contacts are loaded"
        ),
        "{stderr}"
    );
}

#[test]
fn a_bad_pools_file_names_file_line_column_and_value() {
    let bad = Command::new(env!("CARGO_BIN_EXE_clientele"))
        .args(["profit", &common::data("profit_ledger.csv").display().to_string(), "--costs"])
        .arg(common::data("profit_bad_pools.csv"))
        .output()
        .expect("clientele runs");
    assert_eq!(bad.status.code(), Some(1));
    let stderr = String::from_utf8_lossy(&bad.stderr);
    assert!(
        stderr.contains(
            "profit_bad_pools.csv, line 3, column capacity_minutes: '': a time pool needs its practical capacity"
        ),
        "{stderr}"
    );
}

#[test]
fn the_table_states_the_whale_in_words() {
    let output = profit(&["--map", "cost=Cost", "--activities", "DATA/profit_activities.csv"]);
    assert!(output.status.success(), "{}", String::from_utf8_lossy(&output.stderr));
    let text = String::from_utf8_lossy(&output.stdout);
    // 78499 / 77099 = 101.8 %; the other customer loses 1.8 %.
    assert!(text.contains("the most profitable 2 customers make 101.8 % of profit; the other 1 lose 1.8 %"), "{text}");
    assert!(text.contains("the top 20 % (1 customers) make 93.8 % of profit"), "{text}");
    assert!(text.contains("loss: R3 -14.00 (costliest pool: Sales)"), "{text}");
}

//! `clientele breakeven ... --json` end to end, against figures worked out by hand.

use serde_json::{json, Value};
use std::process::Command;

fn breakeven(args: &[&str]) -> Value {
    let output = Command::new(env!("CARGO_BIN_EXE_clientele")).arg("breakeven").args(args).output().expect("runs");
    assert!(output.status.success(), "{}", String::from_utf8_lossy(&output.stderr));
    serde_json::from_str(&String::from_utf8_lossy(&output.stdout)).expect("one JSON object")
}

/// I 600.00 depreciated over 6 months (100.00 a month), fixed 50.00 a month, R 300.00 reached
/// over K = 2 months, margin 50 %, customers pay after 45 days (1.5 months: half of a month's
/// revenue one month later, half two months later), suppliers after 15 days (half in the month,
/// half the next).
///
/// Revenue: m1 150, then 300; variable 75, then 150. Profit = contribution - 50 - depreciation:
/// m1 75 - 50 - 100 = -75, m2..m6 0, m7 and m8 100 (depreciated). Cumulative: -75 through m6,
/// 25 in m7 (the profit breakeven), 125.
/// Received: m2 75, m3 150 + 75 = 225, then 300. Paid to suppliers: m1 37.50, m2 37.50 + 75 =
/// 112.50, then 150. Cash: m0 -600, m1 -87.50, m2 75 - 112.50 - 50 = -87.50, m3 25, then 100.
/// Cumulative cash: -600, -687.50, -775, -750, -650, -550, -450, -350, -250: no cash breakeven
/// within 8 months (null).
#[test]
fn investment_month_by_month_with_fractional_payment_terms() {
    let json = breakeven(&[
        "--investment",
        "600",
        "--depreciation-months",
        "6",
        "--fixed-monthly",
        "50",
        "--revenue-monthly",
        "300",
        "--ramp-months",
        "2",
        "--margin",
        "50",
        "--customer-days",
        "45",
        "--supplier-days",
        "15",
        "--months",
        "8",
        "--json",
    ]);
    let month = |m: u32, revenue: f64, profit: f64, cumulative_profit: f64, cash: f64, cumulative_cash: f64| {
        json!({"month": m, "revenue": revenue, "profit": profit, "cumulative_profit": cumulative_profit,
               "cash": cash, "cumulative_cash": cumulative_cash})
    };
    assert_eq!(
        json,
        json!({
            "profit_breakeven_month": 7,
            "cash_breakeven_month": null,
            "months": [
                month(0, 0.00, 0.00, 0.00, -600.00, -600.00),
                month(1, 150.00, -75.00, -75.00, -87.50, -687.50),
                month(2, 300.00, 0.00, -75.00, -87.50, -775.00),
                month(3, 300.00, 0.00, -75.00, 25.00, -750.00),
                month(4, 300.00, 0.00, -75.00, 100.00, -650.00),
                month(5, 300.00, 0.00, -75.00, 100.00, -550.00),
                month(6, 300.00, 0.00, -75.00, 100.00, -450.00),
                month(7, 300.00, 100.00, 25.00, 100.00, -350.00),
                month(8, 300.00, 100.00, 125.00, 100.00, -250.00),
            ],
        })
    );
}

#[test]
fn volume_view_beside_it() {
    // Fixed 10,000.00 (2,500.00 depreciation), price 50.00, variable 30.00: contribution 20.00;
    // profit breakeven 500 units = 25,000.00, cash 375 units = 18,750.00; at 800 units the
    // margin of safety is 300 units (37.5 %) and 425 (53.125 %).
    let json = breakeven(&[
        "--price",
        "50",
        "--unit-cost",
        "30",
        "--fixed",
        "10000",
        "--non-cash",
        "2500",
        "--volume",
        "800",
        "--json",
    ]);
    assert_eq!(
        json,
        json!({"volume": {
            "unit_contribution": 20.00,
            "profit": {"units": 500.0, "revenue": 25_000.00, "margin_of_safety_units": 300.0, "margin_of_safety_share": 0.375},
            "cash": {"units": 375.0, "revenue": 18_750.00, "margin_of_safety_units": 425.0, "margin_of_safety_share": 0.53125},
        }})
    );
}

#[test]
fn without_a_view_it_says_what_to_give() {
    let output = Command::new(env!("CARGO_BIN_EXE_clientele")).args(["breakeven", "--json"]).output().expect("runs");
    assert_eq!(output.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&output.stderr).contains("give --months H for the investment view"));
}

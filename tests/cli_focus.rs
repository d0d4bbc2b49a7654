//! `clientele focus ANSWERS.csv... [--json]` end to end on tests/data/focus_*.csv, against
//! figures worked out by hand (the same three respondents as `customer_focus::report`'s tests):
//!
//! | respondent | department | aspect: current/priority (blank -)      |
//! |------------|------------|-----------------------------------------|
//! | A          | Sales      | 1: 2/5, 2: 4/4, 6: 3/4, 7: 3/4          |
//! | B          | Sales      | 1: 3/4, 2: 4/5, 6: -/5, 8: 4/5          |
//! | C          | Service    | 1: 5/4, 2: 3/4, 6: 3/2, 9: 3/4          |
//!
//! focus_service.csv repeats A of Sales (aspect 1: 1/1): noticed and not counted.
//! Aspect 1: current 10/3, priority 13/3, gap 1. Aspect 2: 11/3, 13/3, 2/3. Aspect 6: 3 (two
//! scores), 11/3, 2/3. Aspects 7 and 9: 3, 4, gap 1; aspect 8: 4, 5, gap 1.
//! Ranked: 8 (gap 1, priority 5), 1 (1, 13/3), 7 (1, 4), 9 (1, 4, after 7 by number),
//! 2 (2/3, 13/3), 6 (2/3, 11/3). Domain 1 (aspects 1-5): current (10/3 + 11/3) / 2 = 3.5,
//! priority 13/3. Sales, aspect 1: current (2 + 3) / 2 = 2.5, priority 4.5.

mod common;

use serde_json::Value;
use std::process::{Command, Output};

fn focus(files: &[&str], json: bool) -> Output {
    let mut args: Vec<String> = vec!["focus".into()];
    args.extend(files.iter().map(|f| common::data(f).display().to_string()));
    if json {
        args.push("--json".into());
    }
    Command::new(env!("CARGO_BIN_EXE_clientele")).args(&args).output().expect("clientele runs")
}

fn close(value: &Value, expected: f64) -> bool {
    value.as_f64().is_some_and(|v| (v - expected).abs() < 1e-9)
}

#[test]
fn the_json_has_the_issues_keys_and_the_hand_worked_figures() {
    let output = focus(&["focus_sales.csv", "focus_service.csv"], true);
    assert!(output.status.success(), "{}", String::from_utf8_lossy(&output.stderr));
    let json: Value = serde_json::from_slice(&output.stdout).expect("one JSON object");
    let keys: Vec<&String> = json.as_object().unwrap().keys().collect();
    assert_eq!(keys, ["aspects", "departments", "domains", "priorities"]);
    let aspects = json["aspects"].as_array().unwrap();
    assert_eq!(aspects.len(), 22);
    let first = aspects[0].as_object().unwrap();
    let mut aspect_keys: Vec<&String> = first.keys().collect();
    aspect_keys.sort();
    assert_eq!(aspect_keys, ["aspect", "current", "domain", "gap", "priority", "respondents"]);
    assert_eq!((&first["aspect"], &first["domain"]), (&Value::from(1), &Value::from("Customer-centric processes")));
    assert!(close(&first["current"], 10.0 / 3.0) && close(&first["priority"], 13.0 / 3.0) && close(&first["gap"], 1.0));
    assert_eq!(first["respondents"], 3, "A's repeat in the second file is not counted");
    assert!(close(&aspects[5]["current"], 3.0) && close(&aspects[5]["gap"], 2.0 / 3.0));
    assert_eq!((&aspects[2]["current"], &aspects[2]["respondents"]), (&Value::Null, &Value::from(0)));
    assert_eq!(json["priorities"], serde_json::json!([8, 1, 7, 9, 2, 6]));
    let processes = &json["domains"][0];
    assert!(close(&processes["current"], 3.5) && close(&processes["priority"], 13.0 / 3.0));
    assert_eq!(processes["priorities"], serde_json::json!([1, 2]));
    let sales = json["departments"]["Sales"].as_array().unwrap();
    assert_eq!(sales[0]["aspect"], 1);
    assert!(close(&sales[0]["current"], 2.5) && close(&sales[0]["priority"], 4.5));
    assert!(close(&json["departments"]["Service"][0]["current"], 5.0));
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(stderr.contains("A (Sales) answered in an earlier file too"), "{stderr}");
}

#[test]
fn tables_without_json() {
    let output = focus(&["focus_sales.csv", "focus_service.csv"], false);
    assert!(output.status.success());
    let text = String::from_utf8_lossy(&output.stdout);
    assert!(text.starts_with("respondents: 3\n"), "{text}");
    assert!(text.contains("priorities (largest gap first): 8, 1, 7, 9, 2, 6"), "{text}");
    // Aspect 1: 10/3 and 13/3 with two decimals, gap 1, 3 respondents; Sales and Service 2.5 apart.
    assert!(text.contains("3.33     4.33   1.00           3"), "{text}");
    assert!(text.lines().any(|l| l.trim_start().starts_with("1 ") && l.ends_with("disagree")), "{text}");
}

#[test]
fn a_score_outside_1_to_5_exits_with_2_naming_file_line_and_column() {
    let output = focus(&["focus_sales.csv", "focus_bad.csv"], true);
    assert_eq!(output.status.code(), Some(2));
    assert!(output.stdout.is_empty(), "no report from refused answers");
    let stderr = String::from_utf8_lossy(&output.stderr);
    let lines: Vec<&str> = stderr.lines().collect();
    assert_eq!(lines.len(), 2, "{stderr}");
    // Line 3 of focus_bad.csv, column 4 (current) holds 6; line 4, column 3 (aspect) holds 30.
    assert!(
        lines[0].ends_with(
            "focus_bad.csv:3:4: current '6': not a score; write a whole number from 1 to 5, or leave it blank"
        ),
        "{stderr}"
    );
    assert!(
        lines[1].ends_with("focus_bad.csv:4:3: aspect '30': not an aspect number; write a whole number from 1 to 22"),
        "{stderr}"
    );
}

//! `clientele clv FILE --json` end to end on the CDNOW sample (tests/data/README.md) as a ledger
//! CSV, calibrated to 1997-09-30 in weeks as in the papers: the published parameters come out, and each customer's
//! row follows the contract of issue 14.

use serde_json::Value;
use std::path::{Path, PathBuf};
use std::process::{Command, Output};

/// The CDNOW sample as a ledger CSV (tests/data/README.md says how it was made from the raw file).
fn cdnow() -> PathBuf {
    PathBuf::from(concat!(env!("CARGO_MANIFEST_DIR"), "/tests/data/cdnow_sample.csv"))
}

fn clv(file: &Path, extra: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_clientele"))
        .arg("clv")
        .arg(file)
        .args(["--map", "customer=customer", "--map", "date=date", "--map", "amount=amount"])
        .args(extra)
        .output()
        .expect("clientele runs")
}

fn rounded(value: &Value, places: i32) -> f64 {
    let scale = 10f64.powi(places);
    (value.as_f64().unwrap_or(f64::NAN) * scale).round() / scale
}

/// The published figures (Fader, Hardie and Lee 2005, "Counting your customers the easy way"; Fader
/// and Hardie's Pareto/NBD note; "RFM and CLV", for Gamma-Gamma), to their published precision, and
/// customer 0001 (purchases on 1997-01-01, 01-18 and 08-02: x 2, t_x 213/7, T 272/7 weeks).
#[test]
fn cdnow_reproduces_the_published_fits() {
    let output = clv(&cdnow(), &["--calibration-end", "1997-09-30", "--time-unit", "week", "--json"]);
    assert!(output.status.success(), "{}", String::from_utf8_lossy(&output.stderr));
    let json: Value = serde_json::from_slice(&output.stdout).expect("one JSON object");
    let bg = &json["bgnbd"];
    let bg_params = [rounded(&bg["r"], 3), rounded(&bg["alpha"], 3), rounded(&bg["a"], 3), rounded(&bg["b"], 3)];
    assert_eq!((bg_params, rounded(&bg["log_likelihood"], 1)), ([0.243, 4.414, 0.793, 2.426], -9582.4));
    let pn = &json["pareto_nbd"];
    let pn_params = [rounded(&pn["r"], 3), rounded(&pn["alpha"], 3), rounded(&pn["s"], 3), rounded(&pn["beta"], 3)];
    assert_eq!((pn_params, rounded(&pn["log_likelihood"], 1)), ([0.553, 10.578, 0.606, 11.669], -9595.0));
    let gg = &json["gamma_gamma"];
    assert_eq!([rounded(&gg["p"], 2), rounded(&gg["q"], 2), rounded(&gg["gamma"], 2)], [6.25, 3.74, 15.44]);
    let customers = json["customers"].as_array().expect("customers");
    assert_eq!(
        (customers.len(), json["horizon"].as_u64(), json["clv_model"].as_str()),
        (2357, Some(52), Some("BG/NBD"))
    );
    let first = &customers[0];
    assert_eq!((first["customer"].as_str(), first["x"].as_u64()), (Some("0001"), Some(2)));
    assert_eq!(
        (rounded(&first["t_x"], 9), rounded(&first["T"], 9)),
        (rounded(&(213.0 / 7.0).into(), 9), rounded(&(272.0 / 7.0).into(), 9))
    );
    // At the published parameters P(alive) is 0.7266 for BG/NBD and 0.8692 for Pareto/NBD
    // (tests/data/clv_reference.py); the fitted parameters agree with those to three decimals.
    assert_eq!(rounded(&first["bgnbd"]["p_alive"], 2), 0.73);
    assert_eq!(rounded(&first["pareto_nbd"]["p_alive"], 2), 0.87);
    for key in ["expected_spend", "clv"] {
        assert!(first[key].as_f64().is_some_and(|v| v > 0.0), "{key}: {first}");
    }
    // Money is an exact two-decimal token, as in `analyze`: the first customer's spend reads d+.dd.
    let text = String::from_utf8_lossy(&output.stdout);
    let spend = text.split("\"expected_spend\":").nth(1).and_then(|rest| rest.split(',').next()).unwrap_or("");
    assert!(spend.split_once('.').is_some_and(|(_, cents)| cents.len() == 2), "{spend}");
}

/// Calibrated to 1997-01-01, every customer so far bought on one day only: no fit, and a message
/// that says why and what to try.
#[test]
fn no_repeat_purchases_is_an_error_in_words() {
    let output = clv(&cdnow(), &["--calibration-end", "1997-01-01", "--json"]);
    assert_eq!(output.status.code(), Some(1));
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(
        stderr.contains("every customer bought on one day only") && stderr.contains("later calibration end"),
        "{stderr}"
    );
    let bad = clv(&PathBuf::from("unused.csv"), &["--calibration-end", "1997-02-30"]);
    assert!(String::from_utf8_lossy(&bad.stderr).contains("expected a date YYYY-MM-DD"));
}

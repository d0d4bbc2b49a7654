//! `clientele clv`: lifetime value on a calibration period: the BG/NBD, Pareto/NBD and Gamma-Gamma
//! fits and every customer's P(alive), expected purchases, expected spend and discounted value, as a
//! readable summary or (`--json`) as one JSON object (the contract of issue 14).

use crate::analyze::{array, float, object, optional_float, string};
use crate::import_args::ImportArgs;
use clientele::engine::clv::lifetime_value::{Forecast, LifetimeValue, Settings};
use clientele::engine::clv::purchase_history::{PurchaseHistory, TimeUnit};
use clientele::engine::date::Day;
use clientele::engine::ledger::Ledger;
use clientele::engine::money::Money;
use std::io::Write;
use std::path::PathBuf;
use std::process::ExitCode;

#[derive(clap::Args, Debug)]
pub struct ClvArgs {
    /// Ledger files (.csv, .tsv, .txt, .xlsx, .xls, .ods); several are appended into one ledger.
    #[arg(value_name = "FILE", required = true)]
    pub files: Vec<PathBuf>,
    #[command(flatten)]
    pub import: ImportArgs,
    /// The last day of the calibration period: the models learn from the purchases up to it.
    #[arg(long, value_name = "YYYY-MM-DD", value_parser = parse_day)]
    pub calibration_end: Day,
    /// The unit of t_x, T and the horizon: day, week or month (365.25 / 12 days).
    #[arg(long, value_name = "UNIT", value_parser = parse_unit, default_value = "week")]
    pub time_unit: TimeUnit,
    /// Time units after the calibration end to forecast (default: one year, 365, 52 or 12).
    #[arg(long, value_name = "N")]
    pub horizon: Option<u32>,
    /// The annual discount rate of the lifetime value, as a fraction (0.1 for 10 %).
    #[arg(long, value_name = "R", value_parser = parse_rate, default_value = "0.1")]
    pub discount_rate: f64,
    /// Print one JSON object instead of a summary.
    #[arg(long)]
    pub json: bool,
}

pub fn run(args: &ClvArgs) -> ExitCode {
    let ledger = match args.import.ledger(&args.files) {
        Ok(ledger) => ledger,
        Err(code) => return code,
    };
    let mut settings = Settings::default_for(args.time_unit);
    settings.horizon = args.horizon.unwrap_or(settings.horizon);
    settings.discount_rate = args.discount_rate;
    let history = PurchaseHistory::of(&ledger, args.calibration_end, args.time_unit);
    let answer = match LifetimeValue::of(&history, settings) {
        Ok(answer) => answer,
        Err(e) => {
            eprintln!("clientele: {e}");
            return ExitCode::from(1);
        }
    };
    let text = if args.json { json(&answer, &ledger) + "\n" } else { summary(&answer) };
    // A closed pipe (`| head`) is the reader's choice, not an error worth a panic.
    let _ = std::io::stdout().lock().write_all(text.as_bytes());
    ExitCode::SUCCESS
}

fn parse_day(text: &str) -> Result<Day, String> {
    let parts: Vec<Option<u32>> = text.split('-').map(|p| p.parse().ok()).collect();
    let day = match parts[..] {
        [Some(y), Some(m), Some(d)] => Day::from_ymd(y as i32, m, d).filter(|d| d.in_window()),
        _ => None,
    };
    day.ok_or_else(|| format!("expected a date YYYY-MM-DD between 1900-01-01 and 2099-12-31, not '{text}'"))
}

fn parse_unit(text: &str) -> Result<TimeUnit, String> {
    TimeUnit::from_name(text).ok_or_else(|| format!("the time unit is day, week or month, not '{text}'"))
}

fn parse_rate(text: &str) -> Result<f64, String> {
    let rate: Option<f64> = text.parse().ok();
    rate.filter(|r| (0.0..=1.0).contains(r))
        .ok_or_else(|| format!("the discount rate is a fraction from 0 to 1 (0.1 for 10 %), not '{text}'"))
}

fn money(value: Option<Money>) -> String {
    value.map_or("null".into(), |m| m.to_string())
}

fn forecast(f: &Forecast) -> String {
    object([
        ("p_alive", float(f.p_alive)),
        ("expected_purchases", optional_float(f.expected_purchases)),
        ("clv", money(f.clv)),
    ])
}

/// The JSON contract of issue 14; money as exact two-decimal tokens, as in `analyze`.
fn json(answer: &LifetimeValue, ledger: &Ledger) -> String {
    let (bg, pn, gg) = (&answer.bgnbd, &answer.pareto_nbd, &answer.gamma_gamma);
    let bgnbd = object([
        ("r", float(bg.params.r)),
        ("alpha", float(bg.params.alpha)),
        ("a", float(bg.params.a)),
        ("b", float(bg.params.b)),
        ("log_likelihood", float(bg.log_likelihood)),
        ("bic", float(bg.bic)),
    ]);
    let pareto_nbd = object([
        ("r", float(pn.params.r)),
        ("alpha", float(pn.params.alpha)),
        ("s", float(pn.params.s)),
        ("beta", float(pn.params.beta)),
        ("log_likelihood", float(pn.log_likelihood)),
        ("bic", float(pn.bic)),
        ("alike_dropout", pn.alike_dropout.to_string()),
    ]);
    let gamma_gamma = object([
        ("p", float(gg.params.p)),
        ("q", float(gg.params.q)),
        ("gamma", float(gg.params.gamma)),
        ("log_likelihood", float(gg.log_likelihood)),
        ("bic", float(gg.bic)),
        ("customers", gg.customers.to_string()),
    ]);
    let customers = answer.customers.iter().map(|c| {
        object([
            ("customer", string(ledger.customer_key(c.customer))),
            ("x", c.x.to_string()),
            ("t_x", float(c.t_x)),
            ("T", float(c.t)),
            ("bgnbd", forecast(&c.bgnbd)),
            ("pareto_nbd", forecast(&c.pareto_nbd)),
            ("expected_spend", money(c.expected_spend)),
            ("clv", money(c.clv)),
        ])
    });
    object([
        ("time_unit", string(answer.unit.name())),
        ("horizon", answer.settings.horizon.to_string()),
        ("discount_rate", float(answer.settings.discount_rate)),
        ("clv_model", string(answer.clv_model.name())),
        ("bgnbd", bgnbd),
        ("pareto_nbd", pareto_nbd),
        ("gamma_gamma", gamma_gamma),
        ("customers", array(customers)),
    ])
}

fn summary(answer: &LifetimeValue) -> String {
    let (bg, pn, gg) = (&answer.bgnbd.params, &answer.pareto_nbd.params, &answer.gamma_gamma.params);
    let total: Money = answer.customers.iter().filter_map(|c| c.clv).sum();
    let alike = if answer.pareto_nbd.alike_dropout {
        "            (the drop-out rates do not differ: s stops at its ceiling, only s/beta is determined)\n"
    } else {
        ""
    };
    format!(
        "BG/NBD      r {:.4}  alpha {:.4}  a {:.4}  b {:.4}  log-likelihood {:.2}  BIC {:.2}\n\
         Pareto/NBD  r {:.4}  alpha {:.4}  s {:.4}  beta {:.4}  log-likelihood {:.2}  BIC {:.2}\n{}\
         Gamma-Gamma p {:.4}  q {:.4}  gamma {:.4}  ({} customers with repeat purchases)\n\
         {} customers; value of their purchases in the next {} {}s at {} % a year ({}): {}\n",
        bg.r,
        bg.alpha,
        bg.a,
        bg.b,
        answer.bgnbd.log_likelihood,
        answer.bgnbd.bic,
        pn.r,
        pn.alpha,
        pn.s,
        pn.beta,
        answer.pareto_nbd.log_likelihood,
        answer.pareto_nbd.bic,
        alike,
        gg.p,
        gg.q,
        gg.gamma,
        answer.gamma_gamma.customers,
        answer.customers.len(),
        answer.settings.horizon,
        answer.unit.name(),
        100.0 * answer.settings.discount_rate,
        answer.clv_model.name(),
        total
    )
}

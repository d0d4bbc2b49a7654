//! `clientele breakeven`: the investment over time (month by month profit and cash, with the
//! profit and cash breakeven months) and, with `--price`, the volume view, as tables or
//! (`--json`) the JSON object of issue 13 (docs/method-notes.md).

use crate::analyze::{array, float, object, optional_float};
use crate::import_args::fail;
use clientele::engine::breakeven::{
    BreakevenPoint, InvestmentBreakeven, InvestmentInput, VolumeBreakeven, VolumeInput,
};
use clientele::engine::cost_pools::parse_hundredths;
use clientele::engine::money::Money;
use clientele::i18n::breakeven::gap_in_words;
use clientele::i18n::Locale;
use std::io::Write;
use std::process::ExitCode;

#[derive(clap::Args, Debug)]
pub struct BreakevenArgs {
    /// Months after month 0 to show; gives the investment view.
    #[arg(long, value_name = "H")]
    pub months: Option<u32>,
    /// Up-front investment, paid in month 0.
    #[arg(long, value_name = "I", value_parser = parse_money, default_value = "0")]
    pub investment: Money,
    /// Months of straight-line depreciation of the investment (0: expensed in month 1).
    #[arg(long, value_name = "L", default_value_t = 0)]
    pub depreciation_months: u32,
    /// Fixed cost per month, from month 1.
    #[arg(long, value_name = "C", value_parser = parse_money, default_value = "0")]
    pub fixed_monthly: Money,
    /// Extra revenue per month at full speed.
    #[arg(long, value_name = "R", value_parser = parse_money, default_value = "0")]
    pub revenue_monthly: Money,
    /// Months to reach full speed linearly (0: from month 1).
    #[arg(long, value_name = "K", default_value_t = 0)]
    pub ramp_months: u32,
    /// Contribution margin in percent (40 for 40 %): variable cost = revenue x (1 - margin).
    #[arg(long, value_name = "M", value_parser = parse_percent, default_value = "0")]
    pub margin: u32,
    /// Days until customers pay (45 = 1.5 months).
    #[arg(long, value_name = "D1", default_value_t = 0)]
    pub customer_days: u32,
    /// Days until suppliers are paid for the variable costs.
    #[arg(long, value_name = "D2", default_value_t = 0)]
    pub supplier_days: u32,
    /// Volume view: price per unit (with --unit-cost and --fixed).
    #[arg(long, value_name = "P", value_parser = parse_money, requires_all = ["unit_cost", "fixed"])]
    pub price: Option<Money>,
    /// Volume view: variable cost per unit.
    #[arg(long, value_name = "V", value_parser = parse_money, requires = "price")]
    pub unit_cost: Option<Money>,
    /// Volume view: fixed costs of the period.
    #[arg(long, value_name = "F", value_parser = parse_money, requires = "price")]
    pub fixed: Option<Money>,
    /// Volume view: the non-cash part of the fixed costs (depreciation).
    #[arg(long, value_name = "N", value_parser = parse_money, default_value = "0")]
    pub non_cash: Money,
    /// Volume view: the expected volume in units, for the margin of safety.
    #[arg(long, value_name = "Q")]
    pub volume: Option<u64>,
    /// Print one JSON object instead of tables.
    #[arg(long)]
    pub json: bool,
}

fn parse_money(text: &str) -> Result<Money, String> {
    parse_hundredths(text.trim()).and_then(|cents| i64::try_from(cents).ok()).map(Money::from_cents).ok_or_else(|| {
        format!("expected an amount of zero or more with at most two decimals, e.g. 1250.50, not '{text}'")
    })
}

fn parse_percent(text: &str) -> Result<u32, String> {
    parse_hundredths(text.trim().trim_end_matches('%').trim())
        .and_then(|h| u32::try_from(h).ok())
        .ok_or_else(|| format!("expected a percentage with at most two decimals, e.g. 40 or 37.5, not '{text}'"))
}

pub fn run(args: &BreakevenArgs) -> ExitCode {
    if args.months.is_none() && args.price.is_none() {
        return fail(
            "give --months H for the investment view, or --price, --unit-cost and --fixed for the volume view",
        );
    }
    let investment = args.months.map(|months| InvestmentBreakeven::of(&investment_input(args, months))).transpose();
    let volume = args.price.map(|price| VolumeBreakeven::of(&volume_input(args, price))).transpose();
    let (investment, volume) = match (investment, volume) {
        (Ok(i), Ok(v)) => (i, v),
        (Err(e), _) | (_, Err(e)) => return fail(&e.to_string()),
    };
    let text = if args.json {
        json(investment.as_ref(), volume.as_ref()) + "\n"
    } else {
        tables(investment.as_ref(), volume.as_ref())
    };
    // A closed pipe (`| head`) is the reader's choice, not an error worth a panic.
    let _ = std::io::stdout().lock().write_all(text.as_bytes());
    ExitCode::SUCCESS
}

fn investment_input(args: &BreakevenArgs, months: u32) -> InvestmentInput {
    InvestmentInput {
        investment: args.investment,
        depreciation_months: args.depreciation_months,
        fixed_monthly: args.fixed_monthly,
        revenue_monthly: args.revenue_monthly,
        ramp_months: args.ramp_months,
        margin: args.margin,
        customer_days: args.customer_days,
        supplier_days: args.supplier_days,
        months,
    }
}

fn volume_input(args: &BreakevenArgs, price: Money) -> VolumeInput {
    VolumeInput {
        fixed: args.fixed.unwrap_or_default(),
        non_cash: args.non_cash,
        price,
        unit_cost: args.unit_cost.unwrap_or_default(),
        expected_units: args.volume,
    }
}

fn month_or_null(month: Option<u32>) -> String {
    month.map_or("null".into(), |m| m.to_string())
}

/// The JSON of issue 13 for the investment view; the volume view under the extra key `volume`.
fn json(investment: Option<&InvestmentBreakeven>, volume: Option<&VolumeBreakeven>) -> String {
    let mut fields = Vec::new();
    if let Some(b) = investment {
        fields.push(("profit_breakeven_month", month_or_null(b.profit_breakeven_month)));
        fields.push(("cash_breakeven_month", month_or_null(b.cash_breakeven_month)));
        let months = b.months.iter().map(|m| {
            object([
                ("month", m.month.to_string()),
                ("revenue", m.revenue.to_string()),
                ("profit", m.profit.to_string()),
                ("cumulative_profit", m.cumulative_profit.to_string()),
                ("cash", m.cash.to_string()),
                ("cumulative_cash", m.cumulative_cash.to_string()),
            ])
        });
        fields.push(("months", array(months)));
    }
    if let Some(v) = volume {
        let point = |p: &BreakevenPoint| {
            object([
                ("units", float(p.units)),
                ("revenue", p.revenue.to_string()),
                ("margin_of_safety_units", optional_float(p.safety_units)),
                ("margin_of_safety_share", optional_float(p.safety_share)),
            ])
        };
        let view = object([
            ("unit_contribution", v.unit_contribution.to_string()),
            ("profit", point(&v.profit)),
            ("cash", point(&v.cash)),
        ]);
        fields.push(("volume", view));
    }
    object(fields)
}

fn tables(investment: Option<&InvestmentBreakeven>, volume: Option<&VolumeBreakeven>) -> String {
    let mut out = String::new();
    if let Some(b) = investment {
        out += &format!(
            "{:>5} {:>16} {:>16} {:>16} {:>16} {:>16}\n",
            "month", "revenue", "profit", "cum. profit", "cash", "cum. cash"
        );
        for m in &b.months {
            out += &format!(
                "{:>5} {:>16} {:>16} {:>16} {:>16} {:>16}\n",
                m.month,
                m.revenue.to_string(),
                m.profit.to_string(),
                m.cumulative_profit.to_string(),
                m.cash.to_string(),
                m.cumulative_cash.to_string()
            );
        }
        // The page's words, in English: one wording of the gap.
        out += &format!("{}\n", gap_in_words(b.profit_breakeven_month, b.cash_breakeven_month, Locale::En));
    }
    if let Some(v) = volume {
        for (name, p) in [("profit", &v.profit), ("cash", &v.cash)] {
            let safety = p
                .safety_units
                .zip(p.safety_share)
                .map_or(String::new(), |(u, s)| format!("; margin of safety {u:.2} units ({:.1} %)", 100.0 * s));
            out += &format!("{name} breakeven: {:.2} units, revenue {}{safety}\n", p.units, p.revenue);
        }
    }
    out
}

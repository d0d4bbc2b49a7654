//! Breakeven (issue 13): "profitability does not guarantee solvency; opportunities for
//! investment must be based on predicted future cash flow". Two views: volume (the units and
//! revenue at which a period's contribution covers its fixed costs, with and without the
//! non-cash ones) and an investment over time (month by month profit and cash, with a revenue
//! ramp and payment terms). Money in exact cents; every rounding is half away from zero to the
//! cent and said where it happens. docs/method-notes.md.

use super::cost_pools::parse_hundredths;
use super::money::Money;
use super::session::analysis::{Analysis, Context, EmptyReason};
use serde::{Deserialize, Serialize};
use std::fmt;

/// Why a breakeven cannot be computed from the inputs.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum BreakevenError {
    /// Price at or below the variable cost per unit: no volume ever breaks even.
    NoUnitContribution,
    /// Non-cash costs above the fixed costs they are part of.
    NonCashAboveFixed,
    /// A margin above 100 %.
    MarginAbove100,
    /// An amount beyond `Money::LINE_LIMIT`, or more than `MAX_MONTHS` months.
    TooLarge { input: BreakevenInput },
    /// An amount below zero where only costs or revenue at or above zero make sense.
    Negative { input: BreakevenInput },
    /// An entry that is not a number (the Breakeven page's fields): what was entered.
    Unreadable { input: BreakevenInput, value: String },
}

/// Each input of the two views, so an error names the one to correct (the app words it in the
/// user's language, `i18n::analyses::breakeven_input`).
#[derive(Copy, Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum BreakevenInput {
    Fixed,
    NonCash,
    Price,
    UnitCost,
    ExpectedUnits,
    Investment,
    DepreciationMonths,
    FixedMonthly,
    RevenueMonthly,
    RampMonths,
    Margin,
    CustomerDays,
    SupplierDays,
    Months,
}

impl fmt::Display for BreakevenInput {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            BreakevenInput::Fixed => "the fixed costs",
            BreakevenInput::NonCash => "the non-cash costs",
            BreakevenInput::Price => "the price",
            BreakevenInput::UnitCost => "the variable cost per unit",
            BreakevenInput::ExpectedUnits => "the expected volume",
            BreakevenInput::Investment => "the investment",
            BreakevenInput::DepreciationMonths => "the depreciation",
            BreakevenInput::FixedMonthly => "the fixed cost per month",
            BreakevenInput::RevenueMonthly => "the revenue per month",
            BreakevenInput::RampMonths => "the ramp",
            BreakevenInput::Margin => "the contribution margin",
            BreakevenInput::CustomerDays => "the customer payment days",
            BreakevenInput::SupplierDays => "the supplier payment days",
            BreakevenInput::Months => "the months",
        })
    }
}

impl fmt::Display for BreakevenError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            BreakevenError::NoUnitContribution => {
                write!(f, "the price is not above the variable cost per unit, so no volume breaks even; check both")
            }
            BreakevenError::NonCashAboveFixed => {
                write!(f, "the non-cash costs (depreciation) are part of the fixed costs and cannot exceed them")
            }
            BreakevenError::MarginAbove100 => write!(f, "the contribution margin is a percentage of at most 100"),
            BreakevenError::TooLarge { input } => write!(
                f,
                "{input} is too large (amounts up to 1,000,000,000,000.00, at most {MAX_MONTHS} months); check it"
            ),
            BreakevenError::Negative { input } => write!(f, "{input} is negative; enter it as zero or more"),
            BreakevenError::Unreadable { input, value } => {
                write!(f, "{input} '{value}' is not a number; enter digits with at most two decimals, e.g. 1250.50")
            }
        }
    }
}

impl std::error::Error for BreakevenError {}

/// The longest horizon and ramp: 100 years of months.
pub const MAX_MONTHS: u32 = 1_200;

fn checked(input: BreakevenInput, money: Money) -> Result<i128, BreakevenError> {
    if money.cents() < 0 {
        return Err(BreakevenError::Negative { input });
    }
    Money::within_line_limit(money.cents()).map(|m| i128::from(m.cents())).ok_or(BreakevenError::TooLarge { input })
}

/// `n / d` rounded half away from zero, for `d > 0`.
fn round_div(n: i128, d: i128) -> i128 {
    n.signum() * ((2 * n.abs() + d) / (2 * d))
}

/// Cents in `i128` back to `Money`: every figure here is a sum of at most `MAX_MONTHS` + 1
/// amounts within the line limit, far inside `i64`.
fn money(cents: i128) -> Money {
    Money::from_cents(cents as i64)
}

/// The volume view's inputs for one period.
#[derive(Copy, Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct VolumeInput {
    pub fixed: Money,
    /// The part of `fixed` that is not paid out in the period (depreciation).
    pub non_cash: Money,
    pub price: Money,
    pub unit_cost: Money,
    /// The volume expected, for the margin of safety.
    pub expected_units: Option<u64>,
}

/// One breakeven point of the volume view.
#[derive(Copy, Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct BreakevenPoint {
    /// costs / unit contribution, unrounded (whole units: the next one up).
    pub units: f64,
    /// costs x price / unit contribution, rounded to the cent.
    pub revenue: Money,
    /// expected units - breakeven units, and that as a share of the expected units.
    pub safety_units: Option<f64>,
    pub safety_share: Option<f64>,
}

/// Profit breakeven (fixed / unit contribution) and cash breakeven ((fixed - non-cash) / unit
/// contribution).
#[derive(Copy, Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct VolumeBreakeven {
    pub unit_contribution: Money,
    pub profit: BreakevenPoint,
    pub cash: BreakevenPoint,
}

impl VolumeBreakeven {
    pub fn of(input: &VolumeInput) -> Result<VolumeBreakeven, BreakevenError> {
        let fixed = checked(BreakevenInput::Fixed, input.fixed)?;
        let non_cash = checked(BreakevenInput::NonCash, input.non_cash)?;
        let price = checked(BreakevenInput::Price, input.price)?;
        let unit_cost = checked(BreakevenInput::UnitCost, input.unit_cost)?;
        if non_cash > fixed {
            return Err(BreakevenError::NonCashAboveFixed);
        }
        let contribution = price - unit_cost;
        if contribution <= 0 {
            return Err(BreakevenError::NoUnitContribution);
        }
        let point = |costs: i128| {
            let units = costs as f64 / contribution as f64;
            let safety_units = input.expected_units.map(|q| q as f64 - units);
            BreakevenPoint {
                units,
                revenue: money(round_div(costs * price, contribution)),
                safety_units,
                safety_share: input.expected_units.filter(|&q| q > 0).zip(safety_units).map(|(q, s)| s / q as f64),
            }
        };
        Ok(VolumeBreakeven {
            unit_contribution: money(contribution),
            profit: point(fixed),
            cash: point(fixed - non_cash),
        })
    }
}

/// The investment view's inputs.
#[derive(Copy, Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct InvestmentInput {
    /// Paid in month 0.
    pub investment: Money,
    /// Straight-line depreciation in the profit view; 0: expensed in month 1.
    pub depreciation_months: u32,
    pub fixed_monthly: Money,
    /// Extra revenue per month at full speed.
    pub revenue_monthly: Money,
    /// Months to reach full speed linearly: revenue in month m = R x min(1, m / K).
    pub ramp_months: u32,
    /// Contribution margin in hundredths of a percent (40 % = 4000).
    pub margin: u32,
    pub customer_days: u32,
    pub supplier_days: u32,
    /// Months shown after month 0.
    pub months: u32,
}

/// One month of the investment view.
#[derive(Copy, Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Month {
    pub month: u32,
    pub revenue: Money,
    pub profit: Money,
    pub cumulative_profit: Money,
    pub cash: Money,
    pub cumulative_cash: Money,
}

/// Month by month profit and cash, and the first month (from 1) whose cumulative value is at
/// least zero, if the horizon holds one.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct InvestmentBreakeven {
    pub months: Vec<Month>,
    pub profit_breakeven_month: Option<u32>,
    pub cash_breakeven_month: Option<u32>,
}

impl InvestmentBreakeven {
    pub fn of(input: &InvestmentInput) -> Result<InvestmentBreakeven, BreakevenError> {
        let investment = checked(BreakevenInput::Investment, input.investment)?;
        let fixed = checked(BreakevenInput::FixedMonthly, input.fixed_monthly)?;
        let full = checked(BreakevenInput::RevenueMonthly, input.revenue_monthly)?;
        if input.margin > 10_000 {
            return Err(BreakevenError::MarginAbove100);
        }
        let months = [
            (BreakevenInput::Months, input.months),
            (BreakevenInput::RampMonths, input.ramp_months),
            (BreakevenInput::DepreciationMonths, input.depreciation_months),
        ];
        if let Some((input, _)) = months.into_iter().find(|&(_, m)| m > MAX_MONTHS) {
            return Err(BreakevenError::TooLarge { input });
        }
        let horizon = input.months as usize + 1;
        let revenue: Vec<i128> = (0..horizon).map(|m| ramped(full, m as i128, i128::from(input.ramp_months))).collect();
        // Variable cost = revenue x (1 - margin), rounded to the cent per month.
        let variable: Vec<i128> =
            revenue.iter().map(|&r| round_div(r * i128::from(10_000 - input.margin), 10_000)).collect();
        let depreciation = depreciation(investment, input.depreciation_months, horizon);
        let received = paid_later(&revenue, input.customer_days);
        let paid = paid_later(&variable, input.supplier_days);
        let mut rows: Vec<Month> = Vec::with_capacity(horizon);
        let (mut cumulative_profit, mut cumulative_cash) = (0i128, 0i128);
        for m in 0..horizon {
            let running = i128::from(m > 0);
            let profit = revenue[m] - variable[m] - fixed * running - depreciation[m];
            let outlay = if m == 0 { investment } else { fixed };
            let cash = received[m] - paid[m] - outlay;
            cumulative_profit += profit;
            cumulative_cash += cash;
            rows.push(Month {
                month: m as u32,
                revenue: money(revenue[m]),
                profit: money(profit),
                cumulative_profit: money(cumulative_profit),
                cash: money(cash),
                cumulative_cash: money(cumulative_cash),
            });
        }
        let first_covered =
            |value: fn(&Month) -> Money| rows.iter().skip(1).find(|row| value(row).cents() >= 0).map(|row| row.month);
        Ok(InvestmentBreakeven {
            profit_breakeven_month: first_covered(|r| r.cumulative_profit),
            cash_breakeven_month: first_covered(|r| r.cumulative_cash),
            months: rows,
        })
    }
}

/// Revenue of month m: R x min(1, m / K), rounded to the cent; none in month 0; K = 0 is full
/// speed from month 1.
fn ramped(full: i128, m: i128, ramp: i128) -> i128 {
    match m {
        0 => 0,
        _ if m >= ramp => full,
        _ => round_div(full * m, ramp),
    }
}

/// Straight-line depreciation over `months` from month 1, in cents that add up to the
/// investment exactly (month m carries floor(I m / L) - floor(I (m - 1) / L)); `months` = 0
/// expenses it all in month 1.
fn depreciation(investment: i128, months: u32, horizon: usize) -> Vec<i128> {
    let months = i128::from(months.max(1));
    let through = |m: i128| investment * m.min(months) / months;
    (0..horizon as i128).map(|m| if m == 0 { 0 } else { through(m) - through(m - 1) }).collect()
}

/// When each month's amount is paid `days` later: d = days / 30 months, the share 1 - f in
/// month m + floor(d) and f in m + floor(d) + 1, f = d - floor(d); the later share is rounded
/// to the cent, the earlier one is the rest, so each month's amount is paid exactly once.
/// Payments beyond the horizon are left out.
fn paid_later(amounts: &[i128], days: u32) -> Vec<i128> {
    let (whole, fraction) = (days as usize / 30, i128::from(days % 30));
    let mut paid = vec![0i128; amounts.len()];
    for (m, &amount) in amounts.iter().enumerate() {
        let later = round_div(amount * fraction, 30);
        for (month, part) in [(m + whole, amount - later), (m + whole + 1, later)] {
            if let Some(slot) = paid.get_mut(month) {
                *slot += part;
            }
        }
    }
    paid
}

/// What the Breakeven page asks: both views' inputs as entered (the page keeps them in the
/// address as text, so a scenario is a link). The engine reads and checks each entry, so a wrong
/// one comes back as an error naming it, in the view it belongs to: the other view still shows.
/// Boxed: fourteen texts would make every `AnalysisRequest` as large.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct BreakevenRequest {
    pub volume: Box<VolumeEntries>,
    pub investment: Box<InvestmentEntries>,
}

/// The volume view's entries: amounts with at most two decimals, the volume in whole units
/// (empty: no margin of safety).
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct VolumeEntries {
    pub fixed: String,
    pub non_cash: String,
    pub price: String,
    pub unit_cost: String,
    pub expected_units: String,
}

/// The investment view's entries: amounts with at most two decimals, the margin in percent (at
/// most two decimals), months and days in whole numbers.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct InvestmentEntries {
    pub investment: String,
    pub depreciation_months: String,
    pub fixed_monthly: String,
    pub revenue_monthly: String,
    pub ramp_months: String,
    pub margin: String,
    pub customer_days: String,
    pub supplier_days: String,
    pub months: String,
}

/// Each view, or why its inputs give none.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct BreakevenView {
    pub volume: Result<VolumeBreakeven, BreakevenError>,
    pub investment: Result<InvestmentBreakeven, BreakevenError>,
}

impl Analysis for BreakevenRequest {
    type View = BreakevenView;
    const NEEDS_LEDGER: bool = false;

    fn answer(self, _: &mut Context) -> Result<BreakevenView, EmptyReason> {
        Ok(BreakevenView {
            volume: self.volume.read().and_then(|input| VolumeBreakeven::of(&input)),
            investment: self.investment.read().and_then(|input| InvestmentBreakeven::of(&input)),
        })
    }
}

impl VolumeEntries {
    pub fn read(&self) -> Result<VolumeInput, BreakevenError> {
        let expected = self.expected_units.trim();
        Ok(VolumeInput {
            fixed: amount(BreakevenInput::Fixed, &self.fixed)?,
            non_cash: amount(BreakevenInput::NonCash, &self.non_cash)?,
            price: amount(BreakevenInput::Price, &self.price)?,
            unit_cost: amount(BreakevenInput::UnitCost, &self.unit_cost)?,
            expected_units: match expected {
                "" => None,
                _ => Some(whole(BreakevenInput::ExpectedUnits, expected)?),
            },
        })
    }
}

impl InvestmentEntries {
    pub fn read(&self) -> Result<InvestmentInput, BreakevenError> {
        let margin = unsigned(BreakevenInput::Margin, self.margin.trim().trim_end_matches('%'), parse_hundredths)?;
        Ok(InvestmentInput {
            investment: amount(BreakevenInput::Investment, &self.investment)?,
            depreciation_months: count(BreakevenInput::DepreciationMonths, &self.depreciation_months)?,
            fixed_monthly: amount(BreakevenInput::FixedMonthly, &self.fixed_monthly)?,
            revenue_monthly: amount(BreakevenInput::RevenueMonthly, &self.revenue_monthly)?,
            ramp_months: count(BreakevenInput::RampMonths, &self.ramp_months)?,
            margin: u32::try_from(margin).map_err(|_| BreakevenError::MarginAbove100)?,
            customer_days: count(BreakevenInput::CustomerDays, &self.customer_days)?,
            supplier_days: count(BreakevenInput::SupplierDays, &self.supplier_days)?,
            months: count(BreakevenInput::Months, &self.months)?,
        })
    }
}

/// An entry read by `read`, trimmed: a minus sign before a readable number is `Negative`,
/// anything else unreadable is `Unreadable` with the text entered.
fn unsigned<T>(input: BreakevenInput, text: &str, read: impl Fn(&str) -> Option<T>) -> Result<T, BreakevenError> {
    let text = text.trim();
    let unreadable = || BreakevenError::Unreadable { input, value: text.to_string() };
    match text.strip_prefix('-') {
        Some(rest) => Err(read(rest.trim()).map_or_else(unreadable, |_| BreakevenError::Negative { input })),
        None => read(text).ok_or_else(unreadable),
    }
}

/// An amount with at most two decimals (the same reading as the cost pools' amounts).
fn amount(input: BreakevenInput, text: &str) -> Result<Money, BreakevenError> {
    let cents = unsigned(input, text, parse_hundredths)?;
    i64::try_from(cents).map(Money::from_cents).map_err(|_| BreakevenError::TooLarge { input })
}

/// A whole number of units; digits beyond `u64` are too large, not unreadable.
fn whole(input: BreakevenInput, text: &str) -> Result<u64, BreakevenError> {
    let digits = |s: &str| (!s.is_empty() && s.bytes().all(|b| b.is_ascii_digit())).then_some(s.len());
    unsigned(input, text, digits)?;
    text.trim().parse().map_err(|_| BreakevenError::TooLarge { input })
}

/// Months or days: a whole number within `u32` (the months' cap is checked with the others).
fn count(input: BreakevenInput, text: &str) -> Result<u32, BreakevenError> {
    u32::try_from(whole(input, text)?).map_err(|_| BreakevenError::TooLarge { input })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn units(cents: i64) -> Money {
        Money::from_cents(cents * 100)
    }

    #[test]
    fn volume_breakeven_with_and_without_non_cash_costs() {
        // Fixed 10,000.00 of which 2,500.00 depreciation; price 50.00, variable 30.00: unit
        // contribution 20.00. Profit: 10,000 / 20 = 500 units, x 50 = 25,000.00. Cash: 7,500 / 20
        // = 375 units, 18,750.00. At 800 units the margin of safety is 300 units (37.5 %) and
        // 425 units (53.125 %).
        let input = VolumeInput {
            fixed: units(10_000),
            non_cash: units(2_500),
            price: units(50),
            unit_cost: units(30),
            expected_units: Some(800),
        };
        let Ok(v) = VolumeBreakeven::of(&input) else { panic!("no breakeven") };
        assert_eq!(v.unit_contribution, units(20));
        assert_eq!(
            (v.profit.units, v.profit.revenue, v.profit.safety_units, v.profit.safety_share),
            (500.0, units(25_000), Some(300.0), Some(0.375))
        );
        assert_eq!(
            (v.cash.units, v.cash.revenue, v.cash.safety_units, v.cash.safety_share),
            (375.0, units(18_750), Some(425.0), Some(0.53125))
        );
        // 1,000.00 over a contribution of 7.00 (price 30.00): 142.857... units and
        // 1,000 x 30 / 7 = 4,285.714... -> 4,285.71.
        let odd = VolumeBreakeven::of(&VolumeInput {
            fixed: units(1_000),
            non_cash: Money::ZERO,
            price: units(30),
            unit_cost: units(23),
            expected_units: None,
        });
        assert_eq!(
            odd.map(|v| (v.profit.units, v.profit.revenue, v.profit.safety_units)),
            Ok((1_000.0 / 7.0, Money::from_cents(428_571), None))
        );
        let loss = VolumeBreakeven::of(&VolumeInput { unit_cost: units(50), ..input });
        assert_eq!(loss, Err(BreakevenError::NoUnitContribution));
        assert_eq!(
            VolumeBreakeven::of(&VolumeInput { non_cash: units(10_001), ..input }),
            Err(BreakevenError::NonCashAboveFixed)
        );
    }

    /// I 1,200.00 depreciated over 12 months (100.00 a month), fixed 100.00, R 1,000.00 reached
    /// over K = 4 months, margin 40 %, customers pay after 45 days (1.5 months: half a month's
    /// revenue one month later, half two months later), suppliers after 30 (one month).
    const INVESTMENT: InvestmentInput = InvestmentInput {
        investment: Money::from_cents(120_000),
        depreciation_months: 12,
        fixed_monthly: Money::from_cents(10_000),
        revenue_monthly: Money::from_cents(100_000),
        ramp_months: 4,
        margin: 4_000,
        customer_days: 45,
        supplier_days: 30,
        months: 10,
    };

    #[test]
    fn investment_profit_and_cash_month_by_month() {
        // Revenue 250, 500, 750, then 1000; variable 60 %: 150, 300, 450, 600.
        // Profit = contribution - 100 fixed - 100 depreciation: -100, 0, 100, then 200.
        // Cumulative profit: -100, -100, 0 (month 3: the profit breakeven), 200, 400, ...
        // Received: m2 125 (half of 250), m3 250 + 125 = 375, m4 375 + 250 = 625, m5 500 + 375 =
        // 875, then 1000. Paid to suppliers a month later: m2 150, m3 300, m4 450, then 600.
        // Cash: m0 -1200; m1 -100; m2 125 - 150 - 100 = -125; m3 -25; m4 75; m5 175; then 300.
        // Cumulative cash: -1200, -1300, -1425, -1450, -1375, -1200, -900, -600, -300, 0 (month
        // 9: the cash breakeven), 300.
        let Ok(b) = InvestmentBreakeven::of(&INVESTMENT) else { panic!("no breakeven") };
        let row =
            |m: &Month| [m.revenue, m.profit, m.cumulative_profit, m.cash, m.cumulative_cash].map(|x| x.cents() / 100);
        let rows: Vec<[i64; 5]> = b.months.iter().map(row).collect();
        assert_eq!(
            rows,
            vec![
                [0, 0, 0, -1200, -1200],
                [250, -100, -100, -100, -1300],
                [500, 0, -100, -125, -1425],
                [750, 100, 0, -25, -1450],
                [1000, 200, 200, 75, -1375],
                [1000, 200, 400, 175, -1200],
                [1000, 200, 600, 300, -900],
                [1000, 200, 800, 300, -600],
                [1000, 200, 1000, 300, -300],
                [1000, 200, 1200, 300, 0],
                [1000, 200, 1400, 300, 300],
            ]
        );
        assert_eq!((b.profit_breakeven_month, b.cash_breakeven_month), (Some(3), Some(9)));
        let short = InvestmentBreakeven::of(&InvestmentInput { months: 8, ..INVESTMENT });
        assert_eq!(short.map(|b| (b.profit_breakeven_month, b.cash_breakeven_month)), Ok((Some(3), None)));
    }

    #[test]
    fn expensed_investment_and_fractional_cents() {
        // L = 0: the 1,200.00 is a cost of month 1. R 0.03 at full speed from month 1 (K = 0),
        // margin 50 %: variable round(1.5) = 2 cents. Customers after 15 days (half a month):
        // later share round(3 x 15 / 30) = round(1.5) = 2 cents, 1 cent in the month itself.
        let input = InvestmentInput {
            depreciation_months: 0,
            fixed_monthly: Money::ZERO,
            revenue_monthly: Money::from_cents(3),
            ramp_months: 0,
            margin: 5_000,
            customer_days: 15,
            supplier_days: 0,
            months: 2,
            ..INVESTMENT
        };
        let Ok(b) = InvestmentBreakeven::of(&input) else { panic!("no breakeven") };
        // Profit: m1 3 - 2 - 120000 = -119999, m2 1. Cash: m0 -120000; m1 received 1, paid 2: -1;
        // m2 received 2 + 1, paid 2: 1.
        let cents: Vec<(i64, i64)> = b.months.iter().map(|m| (m.profit.cents(), m.cash.cents())).collect();
        assert_eq!(cents, vec![(0, -120_000), (-119_999, -1), (1, 1)]);
        assert_eq!(
            InvestmentBreakeven::of(&InvestmentInput { margin: 10_001, ..INVESTMENT }),
            Err(BreakevenError::MarginAbove100)
        );
        assert_eq!(
            InvestmentBreakeven::of(&InvestmentInput { months: MAX_MONTHS + 1, ..INVESTMENT }),
            Err(BreakevenError::TooLarge { input: BreakevenInput::Months })
        );
    }

    fn entries(investment: &str, months: &str, margin: &str, customer_days: &str) -> InvestmentEntries {
        InvestmentEntries {
            investment: investment.into(),
            depreciation_months: "12".into(),
            fixed_monthly: "100".into(),
            revenue_monthly: "1000.00".into(),
            ramp_months: "4".into(),
            margin: margin.into(),
            customer_days: customer_days.into(),
            supplier_days: "30".into(),
            months: months.into(),
        }
    }

    #[test]
    fn the_pages_entries_are_read_and_checked_in_the_engine() {
        // INVESTMENT as typed on the page: the same months (profit 3, cash 9, worked out above).
        assert_eq!(entries("1200", "10", "40 %", "45").read(), Ok(INVESTMENT));
        // Customers paying at once (0 days): received = revenue 250, 500, 750, then 1000; paid a
        // month later 150, 300, 450, then 600. Cash m1 250 - 100 = 150, m2 500 - 150 - 100 = 250,
        // m3 350, m4 1000 - 450 - 100 = 450: cumulative -1200, -1050, -800, -450, 0: month 4.
        let at_once = entries("1200", "10", "40", "0").read().and_then(|input| InvestmentBreakeven::of(&input));
        assert_eq!(at_once.map(|b| (b.profit_breakeven_month, b.cash_breakeven_month)), Ok((Some(3), Some(4))));
        use BreakevenError::*;
        use BreakevenInput as I;
        let error = |e: InvestmentEntries| e.read().err();
        assert_eq!(error(entries("-1200", "10", "40", "45")), Some(Negative { input: I::Investment }));
        assert_eq!(error(entries("1200", "-3", "40", "45")), Some(Negative { input: I::Months }));
        assert_eq!(
            error(entries("12x", "10", "40", "45")),
            Some(Unreadable { input: I::Investment, value: "12x".into() })
        );
        assert_eq!(
            error(entries("1200", "10", "40", "")),
            Some(Unreadable { input: I::CustomerDays, value: "".into() })
        );
        assert_eq!(error(entries("1200", "99999999999", "40", "45")), Some(TooLarge { input: I::Months }));
        // A margin above 100 % and a horizon over the cap are the engine's own checks.
        assert_eq!(
            InvestmentBreakeven::of(&entries("1200", "10", "100.01", "45").read().unwrap()),
            Err(MarginAbove100)
        );
        assert_eq!(
            InvestmentBreakeven::of(&entries("1200", "1201", "40", "45").read().unwrap()),
            Err(TooLarge { input: I::Months })
        );
        assert_eq!(entries("1200", "10", "4000000000000", "45").read(), Err(MarginAbove100));
        // Volume: the hand-worked case above; an empty volume is no margin of safety, a negative
        // one an error naming it.
        let volume = |expected: &str| VolumeEntries {
            fixed: "10000".into(),
            non_cash: "2500,00".into(),
            price: "50".into(),
            unit_cost: "30".into(),
            expected_units: expected.into(),
        };
        assert_eq!(volume(" 800 ").read().map(|v| v.expected_units), Ok(Some(800)));
        assert_eq!(
            volume("").read().map(|v| (v.fixed, v.non_cash, v.expected_units)),
            Ok((units(10_000), units(2_500), None))
        );
        assert_eq!(volume("-5").read(), Err(Negative { input: I::ExpectedUnits }));
        assert_eq!(volume("5.5").read(), Err(Unreadable { input: I::ExpectedUnits, value: "5.5".into() }));
    }

    #[test]
    fn the_session_answers_breakeven_without_a_ledger() {
        use crate::engine::session::analysis::AnalysisResponse;
        use crate::engine::session::{Request, Response, Session};
        let request =
            BreakevenRequest { volume: Box::default(), investment: Box::new(entries("1200", "10", "40", "45")) };
        let response = Session::default().handle(Request::Analysis(request.into()), &mut |_| true);
        let Response::Analysis(AnalysisResponse::Breakeven(view)) = response else { panic!("not answered") };
        assert_eq!(view.investment.map(|b| (b.profit_breakeven_month, b.cash_breakeven_month)), Ok((Some(3), Some(9))));
        // The empty volume entries: the fixed costs are the first unreadable one.
        assert_eq!(view.volume, Err(BreakevenError::Unreadable { input: BreakevenInput::Fixed, value: String::new() }));
    }
}

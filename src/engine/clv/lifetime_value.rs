//! Lifetime value: the simple formula of the method, and the discounted value of a customer's future
//! purchases from a purchase model (BG/NBD or Pareto/NBD) and the Gamma-Gamma spend model.

use super::bg_nbd::{self, BgNbdFit};
use super::fit::{FitError, Model};
use super::gamma_gamma::{self, GammaGammaFit};
use super::pareto_nbd::{self, ParetoNbdFit};
use super::purchase_history::{CustomerHistory, PurchaseHistory, TimeUnit};
use crate::engine::ledger::CustomerId;
use crate::engine::money::Money;
use serde::{Deserialize, Serialize};

/// What a purchase model says about one customer after the calibration period.
pub trait RepeatPurchases {
    /// The probability that the customer is still alive at the calibration end.
    fn p_alive(&self, c: &CustomerHistory) -> f64;
    /// The expected number of purchases in the `horizon` time units after the calibration end.
    fn expected_purchases(&self, c: &CustomerHistory, horizon: f64) -> Option<f64>;
    /// E[Y(1)], E[Y(2)], ..., E[Y(horizon)]: what the discounted value sums, one time unit at a time. A
    /// model overrides it where the units share work (the same numbers, computed once).
    fn expected_purchases_by_unit(&self, c: &CustomerHistory, horizon: u32) -> Option<Vec<f64>> {
        (1..=horizon).map(|i| self.expected_purchases(c, f64::from(i))).collect()
    }
}

/// `value` when it is a number.
pub(super) fn finite(value: f64) -> Option<f64> {
    value.is_finite().then_some(value)
}

/// Simple lifetime value: purchase frequency per year x average order value x expected duration in
/// years, x the margin when it is known (else it is a value of revenue).
#[derive(Copy, Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct SimpleClv {
    pub purchases_per_year: f64,
    pub average_order_value: Money,
    pub expected_years: f64,
    /// The gross margin as a fraction of revenue (0.4 for 40 %).
    pub margin: Option<f64>,
}

impl SimpleClv {
    pub fn value(&self) -> Option<Money> {
        let revenue = self.purchases_per_year * self.average_order_value.units_f64() * self.expected_years;
        to_money(revenue * self.margin.unwrap_or(1.0))
    }
}

/// The expected duration in years of a customer kept each year with probability `retention`:
/// the mean of the geometric distribution, 1 / (1 - retention). `None` unless 0 <= retention < 1.
pub fn expected_years(retention: f64) -> Option<f64> {
    (0.0..1.0).contains(&retention).then(|| 1.0 / (1.0 - retention))
}

/// How the discounted value is computed.
#[derive(Copy, Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Settings {
    /// Time units after the calibration end whose purchases count.
    pub horizon: u32,
    /// The annual discount rate (0.1 for 10 %).
    pub discount_rate: f64,
}

impl Settings {
    /// One year ahead (365 days, 52 weeks or 12 months) at 10 % a year.
    pub fn default_for(unit: TimeUnit) -> Settings {
        Settings { horizon: unit.per_year().floor() as u32, discount_rate: 0.1 }
    }
}

/// The value of a customer's expected purchases in the horizon, each time unit's expected purchases
/// times the expected spend, discounted to the calibration end at the end of that unit:
/// Σ_{i=1..h} (E[Y(i)] - E[Y(i-1)]) · spend / (1 + rate)^(i / units per year). Past purchases are not in it.
pub fn discounted_value(
    model: &dyn RepeatPurchases,
    c: &CustomerHistory,
    spend: f64,
    unit: TimeUnit,
    settings: Settings,
) -> Option<f64> {
    let (mut value, mut before) = (0.0, 0.0);
    for (i, expected) in (1..=settings.horizon).zip(model.expected_purchases_by_unit(c, settings.horizon)?) {
        value += (expected - before) * spend / (1.0 + settings.discount_rate).powf(f64::from(i) / unit.per_year());
        before = expected;
    }
    finite(value)
}

/// A purchase model's forecast for one customer.
#[derive(Copy, Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Forecast {
    pub p_alive: f64,
    /// Over the horizon, in purchase days.
    pub expected_purchases: Option<f64>,
    /// The discounted value of the future purchases with this model.
    pub clv: Option<Money>,
}

/// One customer's row: the calibration summary, both models' forecasts, the expected spend per
/// purchase and the discounted value with the better model (lower BIC).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct CustomerValue {
    pub customer: CustomerId,
    pub x: u32,
    pub t_x: f64,
    pub t: f64,
    pub bgnbd: Forecast,
    pub pareto_nbd: Forecast,
    pub expected_spend: Option<Money>,
    pub clv: Option<Money>,
}

/// The three fitted models and every customer's forecast: the lifetime-value answer.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct LifetimeValue {
    pub unit: TimeUnit,
    pub settings: Settings,
    pub bgnbd: BgNbdFit,
    pub pareto_nbd: ParetoNbdFit,
    pub gamma_gamma: GammaGammaFit,
    /// The purchase model whose value is each customer's `clv`: the one with the lower BIC.
    pub clv_model: Model,
    pub customers: Vec<CustomerValue>,
}

impl LifetimeValue {
    pub fn of(history: &PurchaseHistory, settings: Settings) -> Result<LifetimeValue, FitError> {
        let bgnbd = bg_nbd::fit(history)?;
        let pareto_nbd = pareto_nbd::fit(history)?;
        let gamma_gamma = gamma_gamma::fit(history)?;
        let clv_model = if pareto_nbd.bic < bgnbd.bic { Model::ParetoNbd } else { Model::BgNbd };
        let forecast = |model: &dyn RepeatPurchases, c: &CustomerHistory, spend: Option<f64>| Forecast {
            p_alive: model.p_alive(c),
            expected_purchases: model.expected_purchases(c, f64::from(settings.horizon)),
            clv: spend.and_then(|s| discounted_value(model, c, s, history.unit, settings)).and_then(to_money),
        };
        let customers = history.customers.iter().map(|c| {
            let spend = gamma_gamma.params.expected_spend(c);
            let (bg, pn) = (forecast(&bgnbd.params, c, spend), forecast(&pareto_nbd.params, c, spend));
            let clv = if clv_model == Model::BgNbd { bg.clv } else { pn.clv };
            let expected_spend = spend.and_then(to_money);
            CustomerValue {
                customer: c.customer,
                x: c.x,
                t_x: c.t_x,
                t: c.t,
                bgnbd: bg,
                pareto_nbd: pn,
                expected_spend,
                clv,
            }
        });
        let customers = customers.collect();
        Ok(LifetimeValue { unit: history.unit, settings, bgnbd, pareto_nbd, gamma_gamma, clv_model, customers })
    }
}

/// An estimate in currency units as money, rounded to the cent; `None` when it is not a number or
/// beyond what one line may hold (an estimate that large is a failed fit, not a value to show).
fn to_money(units: f64) -> Option<Money> {
    let cents = (units * 100.0).round();
    // NaN and infinities fail the range check too, so the cast below only sees a value that fits.
    let fits = (-(Money::LINE_LIMIT.cents() as f64)..=Money::LINE_LIMIT.cents() as f64).contains(&cents);
    fits.then(|| Money::from_cents(cents as i64))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::engine::clv::cdnow::{self, customer};
    use crate::engine::date::Day;
    use crate::engine::ledger::{Columns, LedgerBuilder, LineExtras};

    /// 4 purchases a year x 250.00 x 3 years = 3,000.00 of revenue; at a 40 % margin 1,200.00.
    /// Retention 75 % a year: 1 / (1 - 0.75) = 4 years.
    #[test]
    fn simple_clv() {
        let mut inputs = SimpleClv {
            purchases_per_year: 4.0,
            average_order_value: Money::from_cents(25_000),
            expected_years: 3.0,
            margin: None,
        };
        assert_eq!(inputs.value(), Some(Money::from_cents(300_000)));
        inputs.margin = Some(0.4);
        assert_eq!(inputs.value(), Some(Money::from_cents(120_000)));
        assert_eq!(expected_years(0.75), Some(4.0));
        assert_eq!(expected_years(1.0), None);
        inputs.expected_years = f64::INFINITY;
        assert_eq!(inputs.value(), None);
    }

    /// A model in which everyone buys half a time per unit: E[Y(t)] = 0.5 t.
    struct Steady;
    impl RepeatPurchases for Steady {
        fn p_alive(&self, _: &CustomerHistory) -> f64 {
            1.0
        }
        fn expected_purchases(&self, _: &CustomerHistory, horizon: f64) -> Option<f64> {
            Some(0.5 * horizon)
        }
    }

    /// Spend 10 a purchase, 0.5 purchases a month, 12 months: 5 a month. Undiscounted 60; at 10 % a
    /// year Σ_{i=1..12} 5 / 1.1^(i/12) = 57.00243914665345 (summed in Python).
    #[test]
    fn discounting_the_future_purchases() {
        let c = customer(1, 7.0, 14.0);
        let at = |discount_rate| {
            discounted_value(&Steady, &c, 10.0, TimeUnit::Month, Settings { horizon: 12, discount_rate })
        };
        assert!((at(0.0).unwrap_or(0.0) - 60.0).abs() < 1e-12);
        assert!((at(0.1).unwrap_or(0.0) - 57.002_439_146_653_45).abs() < 1e-10);
        assert_eq!(Settings::default_for(TimeUnit::Week), Settings { horizon: 52, discount_rate: 0.1 });
        assert_eq!(Settings::default_for(TimeUnit::Day).horizon, 365);
    }

    /// The models compute E[Y(1)], ..., E[Y(52)] with P(alive) and the 2F1's parameters once: the
    /// numbers are those of E[Y(t)] asked one horizon at a time, for the four customers of the models'
    /// formula tests (x 0, 1, 2 and 30) at the CDNOW fits.
    #[test]
    fn expectations_by_unit_are_those_by_horizon() {
        let history = cdnow::calibration();
        let models: [&dyn RepeatPurchases; 2] = [
            &bg_nbd::fit(&history).unwrap_or_else(|e| panic!("{e}")).params,
            &pareto_nbd::fit(&history).unwrap_or_else(|e| panic!("{e}")).params,
        ];
        let customers =
            [customer(2, 213.0, 272.0), customer(1, 12.0, 272.0), customer(0, 0.0, 272.0), customer(30, 260.0, 272.0)];
        for model in models {
            for c in &customers {
                let one_at_a_time: Option<Vec<f64>> =
                    (1..=52).map(|i| model.expected_purchases(c, f64::from(i))).collect();
                assert_eq!(model.expected_purchases_by_unit(c, 52), one_at_a_time, "x = {}", c.x);
            }
        }
    }

    /// On CDNOW (weeks, 52 weeks ahead, 10 %): BG/NBD has the higher likelihood (-9582.4 against
    /// -9595.0) with as many parameters, so it gives the value. Customer 0001's value is its BG/NBD
    /// E[Y(52)] spread over the weeks times its expected spend; without discounting it would be
    /// E[Y(52)] · spend exactly, and discounting makes it less.
    #[test]
    fn cdnow_values() {
        let answer = LifetimeValue::of(&cdnow::calibration(), Settings::default_for(TimeUnit::Week))
            .unwrap_or_else(|e| panic!("{e}"));
        assert_eq!((answer.clv_model, answer.customers.len()), (Model::BgNbd, 2357));
        let first = &answer.customers[0];
        let spend = first.expected_spend.map_or(0.0, Money::units_f64);
        let undiscounted = first.bgnbd.expected_purchases.unwrap_or(0.0) * spend;
        let clv = first.clv.map_or(0.0, Money::units_f64);
        assert!(clv < undiscounted && clv > undiscounted / 1.1, "{clv} vs {undiscounted}");
        assert_eq!(first.clv, first.bgnbd.clv);
    }

    /// A ledger with a single customer who bought on three days: one customer cannot tell the models
    /// how rates vary between customers, so the likelihood has no interior maximum (BG/NBD's r and α
    /// run off to infinity together, a point mass at the customer's own rate), and the first model
    /// says so.
    #[test]
    fn a_single_customer() {
        let mut b = LedgerBuilder::new(Columns::default());
        for (day, cents) in [(0, 1_000), (7, 2_000), (21, 3_000)] {
            b.push("only", Day::from_number(day), Money::from_cents(cents), &LineExtras::default());
        }
        let history = PurchaseHistory::of(&b.finish(), Day::from_number(70), TimeUnit::Week);
        assert_eq!(history.customers.len(), 1);
        let result = LifetimeValue::of(&history, Settings::default_for(TimeUnit::Week));
        assert_eq!(result.err(), Some(FitError::DidNotConverge(Model::BgNbd)));
    }
}

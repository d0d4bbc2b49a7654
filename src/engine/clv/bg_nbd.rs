//! The BG/NBD model of repeat purchases (Fader, Hardie and Lee 2005, "Counting your customers the
//! easy way: an alternative to the Pareto/NBD model", Marketing Science 24(2) 275-284): while alive
//! a customer buys at a Poisson rate λ ~ Gamma(r, α); after each purchase they drop out with
//! probability p ~ Beta(a, b).

use super::fit::{self, log_sum_exp, FitError, Model};
use super::hypergeometric::Hyp2F1;
use super::lifetime_value::{finite, RepeatPurchases};
use super::purchase_history::{alike, CustomerHistory, PurchaseHistory};
use serde::{Deserialize, Serialize};
use statrs::function::beta::ln_beta;
use statrs::function::gamma::ln_gamma;

#[derive(Copy, Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct BgNbdParams {
    pub r: f64,
    pub alpha: f64,
    pub a: f64,
    pub b: f64,
}

/// A fitted BG/NBD model: what the page and `clientele clv` show.
#[derive(Copy, Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct BgNbdFit {
    pub params: BgNbdParams,
    pub log_likelihood: f64,
    pub bic: f64,
}

impl BgNbdParams {
    /// ln L(r, α, a, b | x, t_x, T), the paper's equation (6) in logs:
    /// L = Γ(r+x) α^r / Γ(r) · [B(a, b+x) / B(a, b) / (α+T)^(r+x) + δ(x>0) B(a+1, b+x-1) / B(a, b) / (α+t_x)^(r+x)].
    pub fn customer_log_likelihood(&self, c: &CustomerHistory) -> f64 {
        self.with_terms(&self.terms_of(c.x), c)
    }

    /// The sum over groups of alike customers (`PurchaseHistory::alike`, in order of x), each group's
    /// likelihood times its size; the gamma and beta functions, which depend on x alone, once per x.
    pub fn log_likelihood(&self, groups: &[(CustomerHistory, f64)]) -> f64 {
        let mut terms = self.terms_of(0);
        let mut sum = 0.0;
        for (c, size) in groups {
            if c.x != terms.x {
                terms = self.terms_of(c.x);
            }
            sum += size * self.with_terms(&terms, c);
        }
        sum
    }

    /// The parts of the likelihood that depend on x alone.
    fn terms_of(&self, x: u32) -> XTerms {
        let BgNbdParams { r, alpha, a, b } = *self;
        let xf = f64::from(x);
        XTerms {
            x,
            common: ln_gamma(r + xf) - ln_gamma(r) + r * alpha.ln() - ln_beta(a, b),
            still_alive: ln_beta(a, b + xf),
            dropped_out: if x > 0 { ln_beta(a + 1.0, b + xf - 1.0) } else { f64::NEG_INFINITY },
        }
    }

    fn with_terms(&self, terms: &XTerms, c: &CustomerHistory) -> f64 {
        let power = self.r + f64::from(c.x);
        let still_alive = terms.still_alive - power * (self.alpha + c.t).ln();
        let dropped_out = terms.dropped_out - power * (self.alpha + c.t_x).ln();
        terms.common + log_sum_exp(still_alive, dropped_out)
    }

    /// ln of a / (b + x - 1) · ((α+T) / (α+t_x))^(r+x): the odds that the customer dropped out after
    /// the last purchase; -inf without repeat purchases (the model lets nobody die before buying again).
    fn ln_odds_dead(&self, c: &CustomerHistory) -> f64 {
        if c.x == 0 {
            return f64::NEG_INFINITY;
        }
        let x = f64::from(c.x);
        (self.a / (self.b + x - 1.0)).ln() + (self.r + x) * ((self.alpha + c.t) / (self.alpha + c.t_x)).ln()
    }
}

/// ln Γ(r+x)/Γ(r) + r ln α - ln B(a, b), ln B(a, b+x) and ln B(a+1, b+x-1) (-inf at x = 0).
struct XTerms {
    x: u32,
    common: f64,
    still_alive: f64,
    dropped_out: f64,
}

impl RepeatPurchases for BgNbdParams {
    /// P(alive | x, t_x, T) = 1 / (1 + δ(x>0) a / (b+x-1) · ((α+T) / (α+t_x))^(r+x)) (the paper's eq. 11).
    fn p_alive(&self, c: &CustomerHistory) -> f64 {
        1.0 / (1.0 + self.ln_odds_dead(c).exp())
    }

    /// E[Y(t) | x, t_x, T], the paper's equation (10):
    /// (a+b+x-1)/(a-1) · [1 - ((α+T)/(α+T+t))^(r+x) 2F1(r+x, b+x; a+b+x-1; t/(α+T+t))] · P(alive).
    /// `None` where the 2F1 is undefined (a + b + x - 1 <= 0) or a = 1 (the formula's pole).
    fn expected_purchases(&self, c: &CustomerHistory, horizon: f64) -> Option<f64> {
        finite(self.expected_if_alive(&mut self.series(c), c, horizon)? * self.p_alive(c))
    }

    /// P(alive) does not depend on the horizon, nor the 2F1's (a, b, c): once for all the units.
    fn expected_purchases_by_unit(&self, c: &CustomerHistory, horizon: u32) -> Option<Vec<f64>> {
        let (p_alive, mut series) = (self.p_alive(c), self.series(c));
        (1..=horizon).map(|i| finite(self.expected_if_alive(&mut series, c, f64::from(i))? * p_alive)).collect()
    }
}

impl BgNbdParams {
    /// The expectation's 2F1(r+x, b+x; a+b+x-1; ·).
    fn series(&self, c: &CustomerHistory) -> Hyp2F1 {
        let x = f64::from(c.x);
        Hyp2F1::new(self.r + x, self.b + x, self.a + self.b + x - 1.0)
    }

    /// E[Y(t) | x, t_x, T] of a customer known to be alive: all of eq. 10 but its P(alive); `series`
    /// is the customer's `series`.
    fn expected_if_alive(&self, series: &mut Hyp2F1, c: &CustomerHistory, horizon: f64) -> Option<f64> {
        let BgNbdParams { r, alpha, a, b } = *self;
        let x = f64::from(c.x);
        let end = alpha + c.t + horizon;
        let ln_f = series.ln_at(horizon / end)?;
        let not_yet = -((r + x) * ((alpha + c.t) / end).ln() + ln_f).exp_m1();
        Some((a + b + x - 1.0) / (a - 1.0) * not_yet)
    }
}

/// Fits the model to every customer of the calibration period.
pub fn fit(history: &PurchaseHistory) -> Result<BgNbdFit, FitError> {
    check(history)?;
    let ll = |groups: &Vec<(CustomerHistory, f64)>, p: &[f64]| {
        BgNbdParams { r: p[0], alpha: p[1], a: p[2], b: p[3] }.log_likelihood(groups)
    };
    let start = [1.0, 1.0, 1.0, 1.0];
    let (p, log_likelihood) = fit::maximise_sampled(Model::BgNbd, &start, &history.customers, alike, ll)?;
    let params = BgNbdParams { r: p[0], alpha: p[1], a: p[2], b: p[3] };
    Ok(BgNbdFit { params, log_likelihood, bic: fit::bic(4, history.customers.len(), log_likelihood) })
}

/// What both purchase models need: customers, and some of them buying again.
pub(super) fn check(history: &PurchaseHistory) -> Result<(), FitError> {
    if history.customers.is_empty() {
        Err(FitError::NoCustomers)
    } else if !history.has_repeat_purchases() {
        Err(FitError::NoRepeatPurchases)
    } else {
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::engine::clv::cdnow::{self, customer};

    /// The published estimates (Fader, Hardie and Lee 2005, "Counting your customers the easy way", on
    /// the CDNOW sample: 2,357 customers, 39 weeks of calibration). An independent fit of the paper's
    /// likelihood with scipy's Nelder-Mead on the same purchases gave r 0.24259, α 4.41360, a 0.79292,
    /// b 2.42591, ln L -9582.429.
    const PUBLISHED: BgNbdParams = BgNbdParams { r: 0.243, alpha: 4.414, a: 0.793, b: 2.426 };

    /// The likelihood, P(alive) and E[Y(52)] at the published parameters for CDNOW customers 0001
    /// (x 2, t_x 213 days, T 272 days), 0002 (x 1, 12, 272) and 0003 (x 0), and a made-up heavy buyer
    /// (x 30, 260, 272), against the paper's formulas evaluated with mpmath at 50 digits
    /// (tests/data/clv_reference.py, function `bgnbd`).
    #[test]
    fn likelihood_and_expectations_match_the_formulas() {
        let cases = [
            (customer(2, 213.0, 272.0), -9.458_473_557_488_497, 0.726_589_721_835_494_9, 1.558_828_971_812_84),
            (customer(1, 12.0, 272.0), -4.469_760_929_574_855, 0.212_260_062_554_613_3, 0.260_032_758_753_430_3),
            (customer(0, 0.0, 272.0), -0.554_697_231_962_602_3, 1.0, 0.252_087_656_872_100_4),
            (customer(30, 260.0, 272.0), -44.820_502_080_281_46, 0.921_074_895_452_894_7, 24.250_128_995_024_965),
        ];
        // The sum over groups: the four customers, the first counted twice, sum their own.
        let groups: Vec<(CustomerHistory, f64)> =
            cases.iter().enumerate().map(|(i, case)| (case.0.clone(), if i == 0 { 2.0 } else { 1.0 })).collect();
        let total = 2.0 * cases[0].1 + cases[1..].iter().map(|case| case.1).sum::<f64>();
        assert!((PUBLISHED.log_likelihood(&groups) - total).abs() < 1e-9);
        for (c, ll, p_alive, expected) in cases {
            assert!((PUBLISHED.customer_log_likelihood(&c) - ll).abs() < 1e-10, "x = {}", c.x);
            assert!((PUBLISHED.p_alive(&c) - p_alive).abs() < 1e-12, "x = {}", c.x);
            let e = PUBLISHED.expected_purchases(&c, 52.0).unwrap_or(f64::NAN);
            assert!((e - expected).abs() < 1e-10, "x = {}: {e}", c.x);
        }
    }

    /// The fit on the CDNOW sample reproduces the published r 0.243, α 4.414, a 0.793, b 2.426 and
    /// ln L -9582.4 (the paper), to the published precision.
    #[test]
    fn reproduces_the_published_cdnow_fit() {
        let fit = fit(&cdnow::calibration()).unwrap_or_else(|e| panic!("{e}"));
        let p = fit.params;
        let rounded = |v: f64, places: i32| (v * 10f64.powi(places)).round() / 10f64.powi(places);
        assert_eq!(
            [rounded(p.r, 3), rounded(p.alpha, 3), rounded(p.a, 3), rounded(p.b, 3)],
            [0.243, 4.414, 0.793, 2.426]
        );
        assert_eq!(rounded(fit.log_likelihood, 1), -9582.4);
    }

    /// Time is in α alone (λ ~ Gamma(r, α) is a rate per unit): counted in days, r, a and b are the
    /// weekly ones and α is seven times the weekly 4.414.
    #[test]
    fn days_change_only_alpha() {
        let end = crate::engine::date::Day::from_ymd(1997, 9, 30).unwrap_or(crate::engine::date::Day::from_number(0));
        let days = PurchaseHistory::of(&cdnow::ledger(), end, super::super::purchase_history::TimeUnit::Day);
        let p = fit(&days).unwrap_or_else(|e| panic!("{e}")).params;
        let rounded = |v: f64| (v * 1000.0).round() / 1000.0;
        assert_eq!([rounded(p.r), rounded(p.alpha / 7.0), rounded(p.a), rounded(p.b)], [0.243, 4.414, 0.793, 2.426]);
    }

    /// Every customer bought once: x = 0 everywhere, the likelihood grows without bound as r -> 0,
    /// so there is no fit, and the error says why in words.
    #[test]
    fn everyone_bought_once_cannot_be_fitted() {
        let history = PurchaseHistory {
            calibration_end: crate::engine::date::Day::from_number(0),
            unit: super::super::purchase_history::TimeUnit::Week,
            customers: vec![customer(0, 0.0, 70.0), customer(0, 0.0, 140.0)],
        };
        let error = fit(&history).err();
        assert_eq!(error, Some(FitError::NoRepeatPurchases));
        assert!(error.map(|e| e.to_string()).unwrap_or_default().contains("bought on one day only"));
    }
}

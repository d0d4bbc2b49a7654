//! The Pareto/NBD model of repeat purchases (Schmittlein, Morrison and Colombo 1987, "Counting your
//! customers: who are they and what will they do next?", Management Science 33(1)): while alive a
//! customer buys at a Poisson rate λ ~ Gamma(r, α) and dies at an exponential rate μ ~ Gamma(s, β).
//! The likelihood and the expressions below are those of Fader and Hardie (2005), "A note on deriving
//! the Pareto/NBD model and related expressions" (brucehardie.com/notes/009), in logs.

use super::bg_nbd::check;
use super::fit::{self, log_sum_exp, FitError, Model};
use super::hypergeometric::Hyp2F1;
use super::lifetime_value::{finite, RepeatPurchases};
use super::purchase_history::{CustomerHistory, PurchaseHistory};
use serde::{Deserialize, Serialize};
use statrs::function::gamma::ln_gamma;

#[derive(Copy, Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct ParetoNbdParams {
    pub r: f64,
    pub alpha: f64,
    pub s: f64,
    pub beta: f64,
}

/// A fitted Pareto/NBD model: what the page and `clientele clv` show.
#[derive(Copy, Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct ParetoNbdFit {
    pub params: ParetoNbdParams,
    pub log_likelihood: f64,
    pub bic: f64,
}

impl ParetoNbdParams {
    /// ln A0 of the note's equations (23)-(24): with m = max(α, β) and b = s+1 if α >= β, else r+x,
    /// A0 = 2F1(r+s+x, b; r+s+x+1; |α-β|/(m+t_x)) / (m+t_x)^(r+s+x) - the same at T. Both terms are
    /// positive and the first the larger, so ln A0 = u + ln(1 - e^(v-u)); -inf when t_x = T.
    fn ln_a0(&self, c: &CustomerHistory) -> Option<f64> {
        self.ln_a0_with(&mut self.a0_series(c.x), c)
    }

    /// The 2F1 of A0 for customers with `x` repeat purchases, whose (a, b, c) depend on x alone.
    fn a0_series(&self, x: u32) -> Hyp2F1 {
        let ParetoNbdParams { r, alpha, s, beta } = *self;
        let n = r + s + f64::from(x);
        Hyp2F1::new(n, if alpha >= beta { s + 1.0 } else { r + f64::from(x) }, n + 1.0)
    }

    /// `ln_a0` with the customer's x's 2F1, `a0_series(c.x)`.
    fn ln_a0_with(&self, series: &mut Hyp2F1, c: &CustomerHistory) -> Option<f64> {
        let ParetoNbdParams { r, alpha, s, beta } = *self;
        let m = alpha.max(beta);
        let n = r + s + f64::from(c.x);
        let mut term = |t: f64| Some(series.ln_at((alpha - beta).abs() / (m + t))? - n * (m + t).ln());
        let (u, v) = (term(c.t_x)?, term(c.t)?);
        Some(if v >= u { f64::NEG_INFINITY } else { u + (-(v - u).exp()).ln_1p() })
    }

    /// ln of the second term of the likelihood's braces over its first: s/(r+s+x) · (α+T)^(r+x) (β+T)^s · A0.
    /// It is the log-odds that the customer is no longer alive (note, eq. 19).
    fn ln_odds_dead(&self, c: &CustomerHistory) -> Option<f64> {
        let ParetoNbdParams { r, alpha, s, beta } = *self;
        let x = f64::from(c.x);
        Some((s / (r + s + x)).ln() + (r + x) * (alpha + c.t).ln() + s * (beta + c.t).ln() + self.ln_a0(c)?)
    }

    /// ln L(r, α, s, β | x, t_x, T) (note, eq. 22):
    /// Γ(r+x) α^r β^s / Γ(r) · [1 / ((α+T)^(r+x) (β+T)^s) + s/(r+s+x) · A0]; NaN where a 2F1 fails.
    pub fn customer_log_likelihood(&self, c: &CustomerHistory) -> f64 {
        self.with_terms(&mut self.terms_of(c.x), c)
    }

    /// The sum over groups of alike customers (`PurchaseHistory::alike`, in order of x), each group's
    /// likelihood times its size; the parts that depend on x alone once per x.
    pub fn log_likelihood(&self, groups: &[(CustomerHistory, f64)]) -> f64 {
        let mut terms = self.terms_of(0);
        let mut sum = 0.0;
        for (c, size) in groups {
            if c.x != terms.x {
                terms = self.terms_of(c.x);
            }
            sum += size * self.with_terms(&mut terms, c);
        }
        sum
    }

    fn terms_of(&self, x: u32) -> XTerms {
        let ParetoNbdParams { r, alpha, s, beta } = *self;
        let xf = f64::from(x);
        XTerms {
            x,
            common: ln_gamma(r + xf) - ln_gamma(r) + r * alpha.ln() + s * beta.ln(),
            ln_share: (s / (r + s + xf)).ln(),
            a0: self.a0_series(x),
        }
    }

    /// The braces' two terms in logs: the first's powers, and the second's s/(r+s+x) · A0 (which needs
    /// no powers of α+T and β+T: those of the odds cancel the first's).
    fn with_terms(&self, terms: &mut XTerms, c: &CustomerHistory) -> f64 {
        let ParetoNbdParams { r, alpha, s, beta } = *self;
        let first = -(r + f64::from(c.x)) * (alpha + c.t).ln() - s * (beta + c.t).ln();
        let Some(ln_a0) = self.ln_a0_with(&mut terms.a0, c) else { return f64::NAN };
        terms.common + log_sum_exp(first, terms.ln_share + ln_a0)
    }
}

/// ln Γ(r+x) - ln Γ(r) + r ln α + s ln β, ln(s/(r+s+x)) and A0's 2F1.
struct XTerms {
    x: u32,
    common: f64,
    ln_share: f64,
    a0: Hyp2F1,
}

impl RepeatPurchases for ParetoNbdParams {
    /// P(alive | x, t_x, T) = 1 / (1 + s/(r+s+x) (α+T)^(r+x) (β+T)^s A0) (note, eq. 19).
    fn p_alive(&self, c: &CustomerHistory) -> f64 {
        self.ln_odds_dead(c).map_or(f64::NAN, |odds| 1.0 / (1.0 + odds.exp()))
    }

    /// E[Y(t) | x, t_x, T] = (r+x)(β+T) / ((α+T)(s-1)) · [1 - ((β+T)/(β+T+t))^(s-1)] · P(alive)
    /// (note, eq. 28); at s = 1 the bracket over (s-1) is its limit ln((β+T+t)/(β+T)).
    fn expected_purchases(&self, c: &CustomerHistory, horizon: f64) -> Option<f64> {
        finite(self.expected_if_alive(c, horizon) * self.p_alive(c))
    }

    /// P(alive) does not depend on the horizon: its two 2F1s once for all the units.
    fn expected_purchases_by_unit(&self, c: &CustomerHistory, horizon: u32) -> Option<Vec<f64>> {
        let p_alive = self.p_alive(c);
        (1..=horizon).map(|i| finite(self.expected_if_alive(c, f64::from(i)) * p_alive)).collect()
    }
}

impl ParetoNbdParams {
    /// E[Y(t) | x, t_x, T] of a customer known to be alive: all of eq. 28 but its P(alive).
    fn expected_if_alive(&self, c: &CustomerHistory, horizon: f64) -> f64 {
        let ParetoNbdParams { r, alpha, s, beta } = *self;
        let x = f64::from(c.x);
        let ln_growth = (horizon / (beta + c.t)).ln_1p();
        let share = if (s - 1.0).abs() < 1e-12 { ln_growth } else { -(-(s - 1.0) * ln_growth).exp_m1() / (s - 1.0) };
        (r + x) * (beta + c.t) / (alpha + c.t) * share
    }
}

/// Fits the model to every customer of the calibration period.
pub fn fit(history: &PurchaseHistory) -> Result<ParetoNbdFit, FitError> {
    check(history)?;
    let groups = history.alike();
    let ll = |p: &[f64]| ParetoNbdParams { r: p[0], alpha: p[1], s: p[2], beta: p[3] }.log_likelihood(&groups);
    let (p, log_likelihood) = fit::maximise(Model::ParetoNbd, &[1.0, 1.0, 1.0, 1.0], history.customers.len(), &ll)?;
    let params = ParetoNbdParams { r: p[0], alpha: p[1], s: p[2], beta: p[3] };
    Ok(ParetoNbdFit { params, log_likelihood, bic: fit::bic(4, history.customers.len(), log_likelihood) })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::engine::clv::cdnow::{self, customer};

    /// The published estimates on the CDNOW sample, as issue 14 quotes them from Fader and Hardie's
    /// Pareto/NBD note above and the comparison in Fader, Hardie and Lee 2005, "Counting your customers
    /// the easy way" (the papers themselves were not reachable from here to check the page).
    const PUBLISHED: ParetoNbdParams = ParetoNbdParams { r: 0.553, alpha: 10.578, s: 0.606, beta: 11.669 };

    /// At the published parameters, for the same four customers as the BG/NBD test, against the
    /// note's formulas evaluated with mpmath at 50 digits (tests/data/clv_reference.py, `pnbd`).
    #[test]
    fn likelihood_and_expectations_match_the_formulas() {
        let cases = [
            (customer(2, 213.0, 272.0), -9.554_122_824_149_03, 0.869_186_154_651_161_8, 1.850_954_587_078_820_9),
            (customer(1, 12.0, 272.0), -4.450_813_028_190_36, 0.168_127_151_017_669_78, 0.217_791_766_974_742_33),
            (customer(0, 0.0, 272.0), -0.521_036_856_410_156_6, 0.295_303_374_265_795_5, 0.136_215_236_785_415_5),
            (customer(30, 260.0, 272.0), -46.064_310_034_417_54, 0.963_306_365_322_402_3, 24.549_940_224_595_737),
        ];
        for (c, ll, p_alive, expected) in cases {
            assert!((PUBLISHED.customer_log_likelihood(&c) - ll).abs() < 1e-10, "x = {}", c.x);
            assert!((PUBLISHED.p_alive(&c) - p_alive).abs() < 1e-12, "x = {}", c.x);
            let e = PUBLISHED.expected_purchases(&c, 52.0).unwrap_or(f64::NAN);
            assert!((e - expected).abs() < 1e-10, "x = {}: {e}", c.x);
        }
    }

    /// The fit on the CDNOW sample reproduces the published r 0.553, α 10.578, s 0.606, β 11.669 and
    /// ln L -9595.0, to the published precision.
    #[test]
    fn reproduces_the_published_cdnow_fit() {
        let fit = fit(&cdnow::calibration()).unwrap_or_else(|e| panic!("{e}"));
        let p = fit.params;
        let rounded = |v: f64, places: i32| (v * 10f64.powi(places)).round() / 10f64.powi(places);
        assert_eq!(
            [rounded(p.r, 3), rounded(p.alpha, 3), rounded(p.s, 3), rounded(p.beta, 3)],
            [0.553, 10.578, 0.606, 11.669]
        );
        assert_eq!(rounded(fit.log_likelihood, 1), -9595.0);
    }

    /// A customer with 400 repeat purchases: the 2F1s are far beyond f64 before the division, yet the
    /// log-likelihood is finite and P(alive) is a probability.
    #[test]
    fn a_very_frequent_buyer_gives_numbers() {
        let c = customer(400, 271.0, 272.0);
        let inverted = ParetoNbdParams { r: 0.553, alpha: 30.0, s: 0.606, beta: 1.0 };
        for params in [PUBLISHED, inverted] {
            assert!(params.customer_log_likelihood(&c).is_finite());
            assert!((0.0..=1.0).contains(&params.p_alive(&c)));
        }
    }
}

//! The Pareto/NBD model of repeat purchases (Schmittlein, Morrison and Colombo 1987, "Counting your
//! customers: who are they and what will they do next?", Management Science 33(1)): while alive a
//! customer buys at a Poisson rate λ ~ Gamma(r, α) and dies at an exponential rate μ ~ Gamma(s, β).
//! The likelihood and the expressions below are those of Fader and Hardie (2005), "A note on deriving
//! the Pareto/NBD model and related expressions" (brucehardie.com/notes/009), in logs.

use super::bg_nbd::check;
use super::fit::{self, log_sum_exp, FitError, Model};
use super::hypergeometric::Hyp2F1;
use super::lifetime_value::{finite, RepeatPurchases};
use super::purchase_history::{alike, CustomerHistory, PurchaseHistory};
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
    /// Whether s stopped at `ALIKE_DROPOUT`: the customers' drop-out rates do not differ, so only s/β,
    /// the rate they share, is determined by the data.
    #[serde(default)]
    pub alike_dropout: bool,
}

/// The largest s searched. The drop-out rates' gamma distribution has mean s/β and coefficient of
/// variation 1/√s; where every customer drops out at the same rate (a ledger generated that way, say)
/// the likelihood rises for ever along s/β fixed, s → ∞, by ever less (on the built-in sample, from
/// s = 35 to 35,000, by 0.07 in 68,400), and at s = 10^4 (a variation of 1 %) it is within 0.001 of its
/// supremum, with predictions the same to the figures shown.
const ALIKE_DROPOUT: f64 = 1e4;

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

    /// `ln_a0` with the customer's x's 2F1, `a0_series(c.x)`. Where the 2F1's argument is near 1 (one of
    /// α and β far above the other and the time: a ledger where hardly anybody drops out has β in the
    /// tens of thousands) its series needs tens of thousands of terms, so A0 is taken there from the
    /// integral it is, `ln_death_integral`, in a few dozen.
    fn ln_a0_with(&self, series: &mut Hyp2F1, c: &CustomerHistory) -> Option<f64> {
        let (low, high) = self.death_integrand(c.x);
        match ln_death_integral(low, high, c.t_x, c.t) {
            Some(integral) => Some((self.r + self.s + f64::from(c.x)).ln() + integral),
            None => self.ln_a0_by_series(series, c),
        }
    }

    /// ln A0 from its two 2F1s (`ln_a0`), with the customer's x's `series`.
    fn ln_a0_by_series(&self, series: &mut Hyp2F1, c: &CustomerHistory) -> Option<f64> {
        let ParetoNbdParams { r, alpha, s, beta } = *self;
        let m = alpha.max(beta);
        let n = r + s + f64::from(c.x);
        let mut term = |t: f64| Some(series.ln_at((alpha - beta).abs() / (m + t))? - n * (m + t).ln());
        let (u, v) = (term(c.t_x)?, term(c.t)?);
        Some(if v >= u { f64::NEG_INFINITY } else { u + (-(v - u).exp()).ln_1p() })
    }

    /// The integrand of A0 for x repeat purchases, (α+τ)^-(r+x) (β+τ)^-(s+1), as `ln_death_integral`
    /// takes it: the (offset, power) of the smaller of α and β, then of the larger.
    fn death_integrand(&self, x: u32) -> ((f64, f64), (f64, f64)) {
        let ParetoNbdParams { r, alpha, s, beta } = *self;
        let (purchases, death) = ((alpha, r + f64::from(x)), (beta, s + 1.0));
        if alpha < beta {
            (purchases, death)
        } else {
            (death, purchases)
        }
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

/// ln ∫_{t1}^{t2} (p+τ)^-P (q+τ)^-Q dτ for `low` = (p, P) and `high` = (q, Q) with 0 < p < q, t1 <= t2,
/// where (p+t2)/(q+t2) is small; `None` elsewhere, where the 2F1 series is the quicker way. It is the
/// Pareto/NBD likelihood's second term as the note derives it, before it becomes 2F1s: the customer
/// dies at τ between the last purchase and T, with (α+τ)^-(r+x) from the purchase rate's mixing and
/// s β^s (β+τ)^-(s+1) from the death rate's, so A0 = (r+s+x) ∫_{t_x}^T (α+τ)^-(r+x) (β+τ)^-(s+1) dτ.
///
/// With w = (p+τ)/(q+τ) it is (q-p)^(1-P-Q) ∫_{w1}^{w2} w^-P (1-w)^N dw, N = P+Q-2; where w is small
/// the binomial series (1-w)^N = Σ_j C(N, j) (-w)^j converges at once, and each term integrates
/// exactly: ∫ w^(j-P) dw from w1 to w2 = w1^(1-P) w1^j (ρ^e - 1) / e with ρ = w2/w1, e = j+1-P, and
/// w1^j ρ^e = w2^j ρ^(1-P); near e = 0, where that difference cancels, w1^j expm1(e ln ρ) / e.
fn ln_death_integral((p, big_p): (f64, f64), (q, big_q): (f64, f64), t1: f64, t2: f64) -> Option<f64> {
    let n = big_p + big_q - 2.0;
    let (w1, w2) = ((p + t1) / (q + t1), (p + t2) / (q + t2));
    if !(p > 0.0 && p < q && t1 <= t2 && w2 <= SMALL_W && n * w2 <= SMALL_W_TIMES_N) {
        return None;
    }
    if t1 == t2 {
        return Some(f64::NEG_INFINITY);
    }
    let ln_rho = ((t2 - t1) * (q - p) / ((q + t2) * (p + t1))).ln_1p(); // ln(w2/w1), exact for t1 near t2
    let rho_power = ((1.0 - big_p) * ln_rho).exp();
    let (mut sum, mut coefficient, mut w1_j, mut w2_j) = (0.0, 1.0, 1.0, 1.0);
    for j in 0..MAX_DEATH_TERMS {
        let e = j as f64 + 1.0 - big_p;
        let exact = if (e * ln_rho).abs() < 0.5 { w1_j * (e * ln_rho).exp_m1() } else { w2_j * rho_power - w1_j };
        let integral = if e == 0.0 { w1_j * ln_rho } else { exact / e };
        let term = coefficient * integral;
        sum += term;
        if j as f64 > n * w2 && term.abs() <= sum.abs() * f64::EPSILON {
            return (sum > 0.0).then(|| (1.0 - big_p - big_q) * (q - p).ln() + (1.0 - big_p) * w1.ln() + sum.ln());
        }
        coefficient *= -(n - j as f64) / (j as f64 + 1.0);
        (w1_j, w2_j) = (w1_j * w1, w2_j * w2);
    }
    None
}

/// Where `ln_death_integral` is used: w = 1 - the 2F1's argument, below which the series needs over a
/// hundred terms, and N w, which bounds how fast the binomial series converges and how much its
/// alternating terms cancel (e^(2 N w) at most, under 3e3: the sum keeps 12 or more digits).
const SMALL_W: f64 = 0.25;
const SMALL_W_TIMES_N: f64 = 4.0;
const MAX_DEATH_TERMS: usize = 80;

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
    let ll = |groups: &Vec<(CustomerHistory, f64)>, p: &[f64]| {
        let params = ParetoNbdParams { r: p[0], alpha: p[1], s: p[2], beta: p[3] };
        if params.s > ALIKE_DROPOUT {
            return f64::NAN;
        }
        params.log_likelihood(groups)
    };
    let start = [1.0, 1.0, 1.0, 1.0];
    let (p, log_likelihood) = fit::maximise_sampled(Model::ParetoNbd, &start, &history.customers, alike, ll)?;
    let params = ParetoNbdParams { r: p[0], alpha: p[1], s: p[2], beta: p[3] };
    let bic = fit::bic(4, history.customers.len(), log_likelihood);
    Ok(ParetoNbdFit { params, log_likelihood, bic, alike_dropout: params.s > ALIKE_DROPOUT / std::f64::consts::E })
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
        assert!(!fit.alike_dropout);
    }

    /// Where the 2F1's argument is near 1: the sample ledger's fit to 2023-12-31 (β 27,110: hardly anybody
    /// drops out) and one with α far above β, against the note's formulas with mpmath at 50 digits
    /// (tests/data/clv_reference.py, "pnbd near 1"). Every case takes `ln_death_integral`'s way.
    #[test]
    fn likelihood_where_the_series_argument_is_near_one() {
        let sample = ParetoNbdParams { r: 1.7369, alpha: 14.7243, s: 35.0847, beta: 27_109.814_8 };
        let swapped = ParetoNbdParams { r: 0.553, alpha: 5000.0, s: 0.606, beta: 2.5 };
        let cases = [
            (sample, 0, 0.0, 150.0, -3.407_545_918_466_093_8, 0.375_211_514_931_813_27),
            (sample, 3, 40.0, 150.0, -15.238_884_374_769_463, 0.205_037_535_024_142_06),
            (sample, 12, 149.5, 150.0, -43.68093942424933, 0.999_343_069_766_682_2),
            (sample, 40, 100.0, 156.0, -85.87595229059457, 1.602_546_192_058_465e-5),
            (swapped, 0, 0.0, 150.0, -0.002_803_063_972_226_791_6, 0.08169744787563829),
            (swapped, 3, 40.0, 150.0, -26.560_605_273_805_766, 0.448_374_758_594_787_63),
            (swapped, 12, 149.5, 150.0, -86.67523028144207, 0.9980106187494212),
            (swapped, 40, 100.0, 156.0, -235.925_114_269_880_45, 0.719_409_187_706_247_3),
        ];
        for (params, x, t_x, t, ll, p_alive) in cases {
            let c = CustomerHistory { x, t_x, t, ..customer(0, 0.0, 0.0) };
            let (low, high) = params.death_integrand(x);
            assert!(ln_death_integral(low, high, t_x, t).is_some(), "x = {x}: the series' way");
            let actual = params.customer_log_likelihood(&c);
            assert!((actual - ll).abs() < 1e-10 * ll.abs().max(1.0), "x = {x}: {actual} vs {ll}");
            assert!((params.p_alive(&c) - p_alive).abs() < 1e-11 * p_alive, "x = {x}: {}", params.p_alive(&c));
        }
    }

    /// The integral and the 2F1 series are two ways to A0: where both apply (one of α and β far above the
    /// other, the series then thousands of terms long) they agree to 1e-12.
    #[test]
    fn the_integral_and_the_series_agree() {
        for (alpha, beta) in [(3.0, 2000.0), (40.0, 9000.0), (3000.0, 4.0)] {
            let params = ParetoNbdParams { r: 0.9, alpha, s: 1.7, beta };
            for (x, t_x, t) in [(0, 0.0, 20.0), (2, 5.0, 30.0), (9, 29.0, 30.0), (25, 10.0, 60.0)] {
                let c = CustomerHistory { x, t_x, t, ..customer(0, 0.0, 0.0) };
                let (low, high) = params.death_integrand(x);
                assert!(ln_death_integral(low, high, t_x, t).is_some(), "the integral's way");
                let by_series = params.ln_a0_by_series(&mut params.a0_series(x), &c).unwrap_or(f64::NAN);
                let by_integral = params.ln_a0(&c).unwrap_or(f64::NAN);
                assert!((by_series - by_integral).abs() < 1e-12 * by_series.abs(), "{by_series} vs {by_integral}");
            }
        }
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

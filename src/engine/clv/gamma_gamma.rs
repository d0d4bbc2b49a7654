//! The Gamma-Gamma model of spend (Fader, Hardie and Lee 2005, "RFM and CLV: using iso-value curves
//! for customer base analysis", Journal of Marketing Research 42(4) 415-430): a customer's repeat
//! purchases are worth z ~ Gamma(p, ν) each, with ν ~ Gamma(q, γ) across customers. It is fitted on
//! the customers with repeat purchases, on the average value m̄ of those repeat purchases (the first
//! purchase left out, as the paper does).

use super::fit::{self, FitError, Model};
use super::purchase_history::{CustomerHistory, PurchaseHistory};
use serde::{Deserialize, Serialize};
use statrs::function::gamma::ln_gamma;

#[derive(Copy, Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct GammaGammaParams {
    pub p: f64,
    pub q: f64,
    pub gamma: f64,
}

/// A fitted Gamma-Gamma model, with how many customers (those with repeat purchases) it was fitted on.
#[derive(Copy, Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct GammaGammaFit {
    pub params: GammaGammaParams,
    pub log_likelihood: f64,
    pub bic: f64,
    pub customers: usize,
}

impl GammaGammaParams {
    /// ln f(m̄ | p, q, γ; x), the paper's equation (1) in logs:
    /// Γ(px+q) / (Γ(px) Γ(q)) · γ^q m̄^(px-1) x^(px) / (γ + m̄x)^(px+q).
    pub fn log_likelihood_of(&self, x: f64, mean: f64) -> f64 {
        let GammaGammaParams { p, q, gamma } = *self;
        let px = p * x;
        ln_gamma(px + q) - ln_gamma(px) - ln_gamma(q) + q * gamma.ln() + (px - 1.0) * mean.ln() + px * x.ln()
            - (px + q) * (gamma + mean * x).ln()
    }

    /// E[Z | p, q, γ, m̄, x] = p (γ + m̄x) / (px + q - 1) (the paper's eq. 5): a weighted mean of the
    /// population mean pγ/(q-1) and the customer's own m̄. With x = 0 it is the population mean.
    /// `None` when q <= 1 (the population mean spend is infinite) or it is not a number.
    pub fn expected_spend(&self, c: &CustomerHistory) -> Option<f64> {
        let x = f64::from(c.x);
        let mean = c.average_repeat_spend().unwrap_or(0.0);
        let value = self.p * (self.gamma + mean * x) / (self.p * x + self.q - 1.0);
        (self.q > 1.0 && value.is_finite()).then_some(value)
    }
}

/// The customers the model is fitted on: repeat purchases whose average value is above zero.
fn spenders(history: &PurchaseHistory) -> Vec<(f64, f64)> {
    let with_mean = history.customers.iter().filter_map(|c| Some((f64::from(c.x), c.average_repeat_spend()?)));
    with_mean.filter(|&(_, mean)| mean > 0.0).collect()
}

/// Fits the model on the customers with repeat purchases. The spends are divided by their mean first
/// and γ multiplied back (z and γ scale together, p and q do not), so the search works on numbers near
/// one whatever the currency; the log-likelihood is that of the spends as given.
pub fn fit(history: &PurchaseHistory) -> Result<GammaGammaFit, FitError> {
    let spenders = spenders(history);
    if spenders.is_empty() {
        return Err(if history.customers.is_empty() { FitError::NoCustomers } else { FitError::NoRepeatPurchases });
    }
    let n = spenders.len();
    let scale = spenders.iter().map(|&(_, mean)| mean).sum::<f64>() / n as f64;
    let scaled: Vec<(f64, f64)> = spenders.iter().map(|&(x, mean)| (x, mean / scale)).collect();
    let ll = |spenders: &Vec<(f64, f64)>, p: &[f64]| {
        let params = GammaGammaParams { p: p[0], q: p[1], gamma: p[2] };
        spenders.iter().map(|&(x, mean)| params.log_likelihood_of(x, mean)).sum()
    };
    let (p, scaled_log_likelihood) =
        fit::maximise_sampled(Model::GammaGamma, &[1.0, 1.0, 1.0], &scaled, <[_]>::to_vec, ll)?;
    // The density of m̄ = scale · m̄' is that of m̄' divided by scale, once per customer.
    let log_likelihood = scaled_log_likelihood - n as f64 * scale.ln();
    let params = GammaGammaParams { p: p[0], q: p[1], gamma: p[2] * scale };
    Ok(GammaGammaFit { params, log_likelihood, bic: fit::bic(3, n, log_likelihood), customers: n })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::engine::clv::cdnow::{self, customer};
    use crate::engine::money::Money;

    const PUBLISHED: GammaGammaParams = GammaGammaParams { p: 6.25, q: 3.74, gamma: 15.44 };

    /// CDNOW customers 0001 (x 2, m̄ 22.345) and 0002 (x 1, m̄ 11.77) at the published parameters,
    /// against the paper's formulas evaluated with mpmath (tests/data/clv_reference.py, `gg`).
    /// By hand for 0002: E = 6.25 (15.44 + 11.77) / (6.25 + 3.74 - 1) = 170.0625 / 8.99 = 18.91685...
    #[test]
    fn likelihood_and_expected_spend_match_the_formulas() {
        let mut first = customer(2, 213.0, 272.0);
        first.repeat_spend = Money::from_cents(4_469);
        let mut second = customer(1, 12.0, 272.0);
        second.repeat_spend = Money::from_cents(1_177);
        assert!((PUBLISHED.log_likelihood_of(2.0, 22.345) - -3.551_189_164_139_951).abs() < 1e-12);
        assert!((PUBLISHED.log_likelihood_of(1.0, 11.77) - -3.737_709_678_740_84).abs() < 1e-12);
        assert!((PUBLISHED.expected_spend(&first).unwrap_or(0.0) - 24.659_612_860_892_388).abs() < 1e-10);
        assert!((PUBLISHED.expected_spend(&second).unwrap_or(0.0) - 18.916_852_057_842_047).abs() < 1e-10);
        // x = 0: the population mean p γ / (q - 1) = 6.25 · 15.44 / 2.74 = 35.218978...
        let once = PUBLISHED.expected_spend(&customer(0, 0.0, 272.0)).unwrap_or(0.0);
        assert!((once - 96.5 / 2.74).abs() < 1e-10);
    }

    /// The fit on CDNOW's 946 customers with repeat purchases in the calibration period reproduces
    /// p 6.25, q 3.74, γ 15.44 (Fader, Hardie and Lee 2005, "RFM and CLV"; also Fader and Hardie's
    /// note 025, "The Gamma-Gamma model of monetary value", brucehardie.com/notes/025).
    #[test]
    fn reproduces_the_published_cdnow_fit() {
        let fit = fit(&cdnow::calibration()).unwrap_or_else(|e| panic!("{e}"));
        let p = fit.params;
        let rounded = |v: f64| (v * 100.0).round() / 100.0;
        assert_eq!((fit.customers, [rounded(p.p), rounded(p.q), rounded(p.gamma)]), (946, [6.25, 3.74, 15.44]));
        // The log-likelihood is that of the dollar amounts: the sum of each customer's at the fit.
        let spenders =
            cdnow::calibration().customers.into_iter().filter_map(|c| Some((c.x, c.average_repeat_spend()?)));
        let sum: f64 = spenders.filter(|s| s.1 > 0.0).map(|(x, m)| p.log_likelihood_of(f64::from(x), m)).sum();
        assert!((fit.log_likelihood - sum).abs() < 1e-6 * sum.abs());
    }
}

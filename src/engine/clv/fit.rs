//! Maximum likelihood for the lifetime-value models: Nelder-Mead (argmin) on the logarithms of the
//! parameters, so every parameter stays positive without constraints, and a fit that does not settle
//! is an error that says so and what to try.

use argmin::core::{CostFunction, Error, Executor, State, TerminationReason};
use argmin::solver::neldermead::NelderMead;
use argmin_math::{ArgminAdd, ArgminMul, ArgminSub};
use serde::{Deserialize, Serialize};
use std::fmt;

/// The models fitted here, for messages.
#[derive(Copy, Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum Model {
    BgNbd,
    ParetoNbd,
    GammaGamma,
}

impl Model {
    pub fn name(self) -> &'static str {
        match self {
            Model::BgNbd => "BG/NBD",
            Model::ParetoNbd => "Pareto/NBD",
            Model::GammaGamma => "Gamma-Gamma",
        }
    }
}

/// Why a model has no fit.
#[derive(Copy, Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum FitError {
    /// No customer made a purchase on or before the calibration end.
    NoCustomers,
    /// Every customer bought on one day only, so there is nothing to learn repeat buying from.
    NoRepeatPurchases,
    /// The optimiser did not settle on finite parameters.
    DidNotConverge(Model),
}

impl fmt::Display for FitError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            FitError::NoCustomers => {
                write!(f, "no customer bought on or before the calibration end; choose a later calibration end")
            }
            FitError::NoRepeatPurchases => write!(
                f,
                "every customer bought on one day only before the calibration end, so repeat buying cannot \
                 be estimated; choose a later calibration end or add more of the ledger"
            ),
            FitError::DidNotConverge(model) => write!(
                f,
                "the {} fit did not converge (its parameters ran off to zero or infinity); try a longer \
                 calibration period, another time unit, or the other purchase model",
                model.name()
            ),
        }
    }
}

impl std::error::Error for FitError {}

/// Parameters beyond e^±30 (1e-13 .. 1e13) mean the likelihood has no maximum inside: a parameter
/// running off to zero or infinity.
const LOG_BOUND: f64 = 30.0;
const MAX_ITERATIONS: u64 = 5_000;
const MAX_RESTARTS: usize = 20;
const PLAUSIBLE: f64 = 20.0;
/// A change of the log-likelihood per observation this small is no change: the likelihood is flat there.
const FLAT: f64 = 1e-6;
/// The spread of the simplex's negative log-likelihoods per observation at which Nelder-Mead stops.
const TOLERANCE: f64 = 1e-10;

/// The maximum of `log_likelihood` over positive parameters, searched from `start`, with the log-likelihood
/// there. Nelder-Mead restarts from its last optimum with a fresh simplex until a restart gains
/// nothing: a collapsed simplex stops short of the maximum on a ridge, as these likelihoods have. The
/// search minimises the negative log-likelihood per observation (of `observations`), so its
/// tolerances are relative: a fit on 20,000 customers stops as soon as one on 2,000 does.
pub fn maximise(
    model: Model,
    start: &[f64],
    observations: usize,
    log_likelihood: &dyn Fn(&[f64]) -> f64,
) -> Result<(Vec<f64>, f64), FitError> {
    let problem = NegativeLogLikelihood { log_likelihood, per: observations.max(1) as f64 };
    let mut point: Vec<f64> = start.iter().map(|p| p.ln()).collect();
    let mut value = problem.at(&point);
    for _ in 0..MAX_RESTARTS {
        point = minimise(&problem, &point).ok_or(FitError::DidNotConverge(model))?;
        let gained = value - problem.at(&point);
        value -= gained;
        if gained < TOLERANCE {
            break;
        }
    }
    if !value.is_finite() || ran_off(&problem, &point, value) {
        return Err(FitError::DidNotConverge(model));
    }
    Ok((point.iter().map(|t| t.exp()).collect(), -value * problem.per))
}

/// Whether the optimum lies on the way to zero or infinity rather than inside: a parameter beyond
/// e^±20 (2e-9 .. 5e8; time and money are scaled so that real fits lie far inside), or one that can be
/// multiplied or divided by e^5 (about 148) without making the likelihood worse, is not determined by
/// the data (every customer alike, a single customer): its value is wherever the search gave up.
fn ran_off(problem: &NegativeLogLikelihood<'_>, point: &[f64], value: f64) -> bool {
    point.iter().any(|t| t.abs() > PLAUSIBLE)
        || (0..point.len()).any(|i| {
            [-5.0, 5.0].into_iter().any(|step| {
                let mut moved = point.to_vec();
                moved[i] += step;
                moved[i] = moved[i].clamp(-LOG_BOUND + 1e-9, LOG_BOUND - 1e-9);
                problem.at(&moved) <= value + FLAT
            })
        })
}

/// One Nelder-Mead run from `start` (log-parameters); `None` unless it converged.
fn minimise(problem: &NegativeLogLikelihood<'_>, start: &[f64]) -> Option<Vec<f64>> {
    let mut simplex = vec![LogParams(start.to_vec())];
    for i in 0..start.len() {
        let mut vertex = start.to_vec();
        vertex[i] += 0.5;
        simplex.push(LogParams(vertex));
    }
    let solver = NelderMead::new(simplex).with_sd_tolerance(TOLERANCE).ok()?;
    let result = Executor::new(problem, solver).configure(|state| state.max_iters(MAX_ITERATIONS)).run().ok()?;
    let state = result.state();
    let converged = state.get_termination_reason() == Some(&TerminationReason::SolverConverged);
    converged.then(|| state.get_best_param().map(|p| p.0.clone())).flatten()
}

struct NegativeLogLikelihood<'a> {
    log_likelihood: &'a dyn Fn(&[f64]) -> f64,
    per: f64,
}

impl NegativeLogLikelihood<'_> {
    /// Outside the bounds, or where the likelihood is not a number, the cost is infinite: the
    /// simplex moves away from there.
    fn at(&self, log_params: &[f64]) -> f64 {
        if !log_params.iter().all(|t| t.abs() < LOG_BOUND) {
            return f64::INFINITY;
        }
        let params: Vec<f64> = log_params.iter().map(|t| t.exp()).collect();
        let value = -(self.log_likelihood)(&params) / self.per;
        if value.is_finite() {
            value
        } else {
            f64::INFINITY
        }
    }
}

impl CostFunction for &NegativeLogLikelihood<'_> {
    type Param = LogParams;
    type Output = f64;

    fn cost(&self, param: &LogParams) -> Result<f64, Error> {
        Ok(self.at(&param.0))
    }
}

/// A point of the search: the logarithms of the parameters. Its own type because argmin's vector
/// arithmetic for `Vec` comes with a random-number crate that does not build for the browser.
#[derive(Clone, Debug)]
pub struct LogParams(Vec<f64>);

impl ArgminAdd<LogParams, LogParams> for LogParams {
    fn add(&self, other: &LogParams) -> LogParams {
        LogParams(self.0.iter().zip(&other.0).map(|(a, b)| a + b).collect())
    }
}

impl ArgminSub<LogParams, LogParams> for LogParams {
    fn sub(&self, other: &LogParams) -> LogParams {
        LogParams(self.0.iter().zip(&other.0).map(|(a, b)| a - b).collect())
    }
}

impl ArgminMul<f64, LogParams> for LogParams {
    fn mul(&self, factor: &f64) -> LogParams {
        LogParams(self.0.iter().map(|a| a * factor).collect())
    }
}

/// ln(e^a + e^b) without overflow; -inf terms drop out.
pub fn log_sum_exp(a: f64, b: f64) -> f64 {
    let high = a.max(b);
    if high == f64::NEG_INFINITY {
        return high;
    }
    high + ((a - high).exp() + (b - high).exp()).ln()
}

/// The Bayesian information criterion: k ln n - 2 ln L (lower is better).
pub fn bic(parameters: usize, observations: usize, log_likelihood: f64) -> f64 {
    parameters as f64 * (observations as f64).ln() - 2.0 * log_likelihood
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The log-likelihood of n = 5 draws 1, 2, 2, 3, 7 from an exponential distribution with rate λ
    /// is 5 ln λ - 15 λ, at its maximum λ = 5 / 15 = 1/3 (the reciprocal of the mean), where it is
    /// 5 ln(1/3) - 5 = -10.493061443340549.
    #[test]
    fn finds_a_known_maximum() {
        let ll = |p: &[f64]| 5.0 * p[0].ln() - 15.0 * p[0];
        let (params, value) = maximise(Model::GammaGamma, &[1.0], 5, &ll).unwrap_or_default();
        assert!((params[0] - 1.0 / 3.0).abs() < 1e-4, "{params:?}");
        assert!((value + 10.493_061_443_340_55).abs() < 1e-8);
    }

    /// ln L = -λ has its supremum at λ -> 0: no maximum, so no fit.
    #[test]
    fn a_likelihood_without_a_maximum_does_not_converge() {
        let ll = |p: &[f64]| -p[0];
        assert_eq!(maximise(Model::BgNbd, &[1.0], 1, &ll), Err(FitError::DidNotConverge(Model::BgNbd)));
    }

    #[test]
    fn log_sum_exp_is_exact_where_exp_overflows() {
        assert!((log_sum_exp(1000.0, 1000.0) - (1000.0 + 2f64.ln())).abs() < 1e-12);
        assert_eq!(log_sum_exp(-3.0, f64::NEG_INFINITY), -3.0);
        // BIC of 2 parameters on 100 observations at ln L = -50: 2 ln 100 + 100 = 109.21034037197618.
        assert!((bic(2, 100, -50.0) - 109.210_340_371_976_18).abs() < 1e-12);
    }
}

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
/// The spread of the simplex's negative log-likelihoods per observation at which Nelder-Mead stops, and
/// the decrease per observation below which Newton's method stops.
const TOLERANCE: f64 = 1e-10;
/// Where Nelder-Mead hands over to Newton's method: near enough for Newton's quadratic model to hold.
const COARSE: f64 = 1e-6;
const NEWTON_STEPS: usize = 100;
/// The same with a Hessian given and updated (BFGS), whose last step does not land on the optimum as a
/// true one's does: it goes on until the remaining gain is far below `TOLERANCE`, a few more cheap steps.
const UPDATED_TOLERANCE: f64 = 1e-14;
const GRADIENT_STEP: f64 = 1e-5;
const HESSIAN_STEP: f64 = 1e-4;

/// A log-likelihood over some customers, and how many observations it sums over.
pub struct Likelihood<'a> {
    pub of: &'a dyn Fn(&[f64]) -> f64,
    pub observations: usize,
}

/// Above this many observations the search starts on a sample of them (`sample_of`).
const SAMPLE_ABOVE: usize = 10_000;
/// About this many observations in the sample: enough for its optimum to lie within a few of the full
/// data's standard errors, and its curvature within a few per cent of theirs.
const SAMPLE_SIZE: usize = 2_500;

/// Every k-th item, for about `SAMPLE_SIZE` of them, when there are more than `SAMPLE_ABOVE`; the same
/// items every time, so a fit is reproducible.
pub fn sample_of<T: Clone>(items: &[T]) -> Option<Vec<T>> {
    (items.len() > SAMPLE_ABOVE).then(|| items.iter().step_by(items.len() / SAMPLE_SIZE).cloned().collect())
}

/// `maximise` of a log-likelihood over `items` (one per customer), which `prepare` turns into what the
/// likelihood reads (groups of alike customers, say); when they are many, the search starts on
/// `sample_of` them, prepared the same way.
pub fn maximise_sampled<T: Clone, P>(
    model: Model,
    start: &[f64],
    items: &[T],
    prepare: impl Fn(&[T]) -> P,
    log_likelihood: impl Fn(&P, &[f64]) -> f64,
) -> Result<(Vec<f64>, f64), FitError> {
    let ll = &log_likelihood;
    let all = prepare(items);
    let of_all = |p: &[f64]| ll(&all, p);
    let sample = sample_of(items).map(|sample| (prepare(&sample), sample.len()));
    let of_sample = sample.as_ref().map(|(prepared, size)| (move |p: &[f64]| ll(prepared, p), *size));
    let sample = of_sample.as_ref().map(|(of, observations)| Likelihood { of, observations: *observations });
    maximise(model, start, Likelihood { of: &of_all, observations: items.len() }, sample)
}

/// The maximum of `all` over positive parameters, searched from `start`, with the log-likelihood there.
/// The search minimises the negative log-likelihood per observation, so its tolerances are relative: a
/// fit on 20,000 customers stops as soon as one on 2,000 does. Nelder-Mead brings it near the optimum
/// (to `COARSE`), and Newton's method on finite-difference derivatives finishes there in a few steps,
/// where Nelder-Mead would crawl along the likelihood's ridges for thousands of evaluations; where
/// Newton cannot go on (the likelihood not curved upwards there, or not finite nearby) Nelder-Mead
/// restarts instead, from its last optimum with a fresh simplex, until a restart gains nothing.
///
/// With a `sample` (a few thousand of many customers) Nelder-Mead and Newton run on it first, and on
/// all customers Newton goes on from its optimum with its curvature: the sample's per observation is
/// within a few per cent of the whole's, so each step needs the gradient alone and still gains most of
/// what is left. The optimum is that of all customers: only the way there is shorter.
pub fn maximise(
    model: Model,
    start: &[f64],
    all: Likelihood<'_>,
    sample: Option<Likelihood<'_>>,
) -> Result<(Vec<f64>, f64), FitError> {
    let problem = NegativeLogLikelihood::of(&all);
    let part = sample.as_ref().map(NegativeLogLikelihood::of);
    let start: Vec<f64> = start.iter().map(|p| p.ln()).collect();
    let (near, curvature) = match &part {
        Some(part) => {
            let near = minimise(part, &start, COARSE).ok_or(FitError::DidNotConverge(model))?;
            match newton(part, &near, None) {
                Some((point, curvature)) => (point, Some(curvature)),
                None => (near, None),
            }
        }
        None => (minimise(&problem, &start, COARSE).ok_or(FitError::DidNotConverge(model))?, None),
    };
    let newton_on_all =
        curvature.and_then(|c| newton(&problem, &near, Some(c))).or_else(|| newton(&problem, &near, None));
    let point = match newton_on_all {
        Some((point, _)) => point,
        None => restarts(&problem, near).ok_or(FitError::DidNotConverge(model))?,
    };
    let value = problem.at(&point);
    // A parameter the data do not determine is as undetermined in a sample of them: the probes there
    // cost a fraction of the evaluations.
    let probed = part.as_ref().unwrap_or(&problem);
    if !value.is_finite() || ran_off(probed, &point, probed.at(&point)) {
        return Err(FitError::DidNotConverge(model));
    }
    Ok((point.iter().map(|t| t.exp()).collect(), -value * problem.per))
}

/// Nelder-Mead from `point`, restarted with a fresh simplex until a restart gains nothing: a collapsed
/// simplex stops short of the maximum on a ridge, as these likelihoods have.
fn restarts(problem: &NegativeLogLikelihood<'_>, mut point: Vec<f64>) -> Option<Vec<f64>> {
    let mut value = problem.at(&point);
    for _ in 0..MAX_RESTARTS {
        point = minimise(problem, &point, TOLERANCE)?;
        let gained = value - problem.at(&point);
        value -= gained;
        if gained < TOLERANCE {
            break;
        }
    }
    Some(point)
}

/// Newton's method from `start`: each step solves H d = g for the finite-difference gradient g and
/// Hessian H (or the H `given`, updated by BFGS after each step), and is halved until it lowers the
/// cost. Once the decrease the quadratic model predicts, g·d / 2, is below `TOLERANCE`, the point is so
/// near the optimum that the full step lands on it (Newton converges quadratically, and from a given H
/// near the true one BFGS superlinearly) and the search ends there, with the last H; `None` where H is
/// not positive definite or a cost is not finite.
fn newton(problem: &NegativeLogLikelihood<'_>, start: &[f64], given: Option<Hessian>) -> Option<(Vec<f64>, Hessian)> {
    let updated = given.is_some();
    let mut curvature = given;
    let mut point = start.to_vec();
    let mut value = problem.at(&point);
    let f = |p: &[f64]| problem.at(p);
    let mut previous: Option<(Vec<f64>, Vec<f64>)> = None;
    for _ in 0..NEWTON_STEPS {
        let (gradient, hessian) = match (curvature.take(), previous.take()) {
            (Some(hessian), Some((last_gradient, moved))) => {
                let gradient = gradient(&f, &point)?;
                let change: Vec<f64> = gradient.iter().zip(&last_gradient).map(|(g, l)| g - l).collect();
                (gradient, bfgs(hessian, &moved, &change))
            }
            (Some(hessian), None) => (gradient(&f, &point)?, hessian),
            (None, _) => derivatives(&f, &point, value)?,
        };
        let step = solve_positive_definite(hessian.clone(), &gradient)?;
        let predicted: f64 = gradient.iter().zip(&step).map(|(g, d)| g * d).sum::<f64>() / 2.0;
        if predicted < if updated { UPDATED_TOLERANCE } else { TOLERANCE } {
            let last: Vec<f64> = point.iter().zip(&step).map(|(t, d)| t - d).collect();
            return Some((if problem.at(&last) <= value { last } else { point }, hessian));
        }
        let mut length = 1.0;
        let lower = loop {
            let candidate: Vec<f64> = point.iter().zip(&step).map(|(t, d)| t - length * d).collect();
            let candidate_value = problem.at(&candidate);
            if candidate_value < value {
                break Some((candidate, candidate_value));
            }
            length /= 2.0;
            if length < 1e-6 {
                break None;
            }
        };
        let (next, next_value) = lower?;
        if updated {
            previous = Some((gradient, next.iter().zip(&point).map(|(n, p)| n - p).collect()));
            curvature = Some(hessian);
        }
        (point, value) = (next, next_value);
    }
    None
}

/// The BFGS update of `hessian` after a step `moved` that changed the gradient by `change`:
/// H + y yᵀ / (yᵀ s) - H s (H s)ᵀ / (sᵀ H s), which makes H s = y, as the true Hessian nearly does
/// over a short step. Kept as it is where the step shows no upward curvature (yᵀ s <= 0).
fn bfgs(mut hessian: Hessian, moved: &[f64], change: &[f64]) -> Hessian {
    let dot = |a: &[f64], b: &[f64]| a.iter().zip(b).map(|(a, b)| a * b).sum::<f64>();
    let h_s: Vec<f64> = hessian.iter().map(|row| dot(row, moved)).collect();
    let (y_s, s_h_s) = (dot(change, moved), dot(moved, &h_s));
    if y_s <= 0.0 || s_h_s <= 0.0 {
        return hessian;
    }
    for (i, row) in hessian.iter_mut().enumerate() {
        for (j, cell) in row.iter_mut().enumerate() {
            *cell += change[i] * change[j] / y_s - h_s[i] * h_s[j] / s_h_s;
        }
    }
    hessian
}

type Hessian = Vec<Vec<f64>>;

/// The gradient of `f` at `point` by central differences with steps of `GRADIENT_STEP`, as `derivatives`.
fn gradient(f: &dyn Fn(&[f64]) -> f64, point: &[f64]) -> Option<Vec<f64>> {
    let at = |i: usize, by: f64| {
        let mut moved = point.to_vec();
        moved[i] += by;
        let v = f(&moved);
        v.is_finite().then_some(v)
    };
    (0..point.len()).map(|i| Some((at(i, GRADIENT_STEP)? - at(i, -GRADIENT_STEP)?) / (2.0 * GRADIENT_STEP))).collect()
}

/// The gradient and Hessian of `f` at `point` (where it is `value`) by central differences: the
/// gradient with steps of `GRADIENT_STEP` (about the cube root of f64's precision, where rounding,
/// ε f / h, and truncation, h² f‴ / 6, are both near 1e-10), the Hessian with steps of `HESSIAN_STEP`
/// (about the fourth root, both errors near 1e-8). `None` where a value is not finite.
fn derivatives(f: &dyn Fn(&[f64]) -> f64, point: &[f64], value: f64) -> Option<(Vec<f64>, Hessian)> {
    let at = |moves: &[(usize, f64)]| {
        let mut moved = point.to_vec();
        for &(i, by) in moves {
            moved[i] += by;
        }
        let v = f(&moved);
        v.is_finite().then_some(v)
    };
    let n = point.len();
    let h = HESSIAN_STEP;
    let gradient = gradient(f, point)?;
    let axis: Vec<[f64; 2]> = (0..n).map(|i| Some([at(&[(i, h)])?, at(&[(i, -h)])?])).collect::<Option<_>>()?;
    // The diagonal from the points on the axes; the rest from them and two diagonal neighbours,
    // f_ij = (f(+i+j) - f(+i) - f(+j) + 2 f - f(-i) - f(-j) + f(-i-j)) / 2h², as accurate as four
    // corners (the error is O(h²) either way) for half the likelihood evaluations.
    let second = |i: usize, j: usize| {
        let ([up_i, down_i], [up_j, down_j]) = (axis[i], axis[j]);
        if i == j {
            return Some((up_i - 2.0 * value + down_i) / (h * h));
        }
        let sum = at(&[(i, h), (j, h)])? - up_i - up_j + 2.0 * value - down_i - down_j + at(&[(i, -h), (j, -h)])?;
        Some(sum / (2.0 * h * h))
    };
    // The lower triangle, each second derivative measured once; the Hessian is symmetric.
    let lower: Vec<Vec<f64>> = (0..n).map(|i| (0..=i).map(|j| second(i, j)).collect()).collect::<Option<_>>()?;
    let hessian = (0..n).map(|i| (0..n).map(|j| lower[i.max(j)][i.min(j)]).collect()).collect();
    Some((gradient, hessian))
}

/// The solution d of H d = g for a symmetric positive definite H, by Cholesky's factorisation
/// H = L Lᵀ; `None` when H is not positive definite (no minimum of the quadratic model).
fn solve_positive_definite(mut h: Vec<Vec<f64>>, g: &[f64]) -> Option<Vec<f64>> {
    let n = g.len();
    // L overwrites the lower triangle of H, column by column.
    for j in 0..n {
        let pivot = h[j][j] - (0..j).map(|k| h[j][k] * h[j][k]).sum::<f64>();
        if pivot.is_nan() || pivot <= 0.0 {
            return None;
        }
        h[j][j] = pivot.sqrt();
        for i in j + 1..n {
            h[i][j] = (h[i][j] - (0..j).map(|k| h[i][k] * h[j][k]).sum::<f64>()) / h[j][j];
        }
    }
    // L y = g forwards, then Lᵀ d = y backwards.
    let mut d = g.to_vec();
    for i in 0..n {
        d[i] = (d[i] - (0..i).map(|k| h[i][k] * d[k]).sum::<f64>()) / h[i][i];
    }
    for i in (0..n).rev() {
        d[i] = (d[i] - (i + 1..n).map(|k| h[k][i] * d[k]).sum::<f64>()) / h[i][i];
    }
    Some(d)
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

/// One Nelder-Mead run from `start` (log-parameters) until the simplex's costs spread less than
/// `tolerance`; `None` unless it converged.
fn minimise(problem: &NegativeLogLikelihood<'_>, start: &[f64], tolerance: f64) -> Option<Vec<f64>> {
    let mut simplex = vec![LogParams(start.to_vec())];
    for i in 0..start.len() {
        let mut vertex = start.to_vec();
        vertex[i] += 0.5;
        simplex.push(LogParams(vertex));
    }
    let solver = NelderMead::new(simplex).with_sd_tolerance(tolerance).ok()?;
    let result = Executor::new(problem, solver).configure(|state| state.max_iters(MAX_ITERATIONS)).run().ok()?;
    let state = result.state();
    let converged = state.get_termination_reason() == Some(&TerminationReason::SolverConverged);
    converged.then(|| state.get_best_param().map(|p| p.0.clone())).flatten()
}

struct NegativeLogLikelihood<'a> {
    log_likelihood: &'a dyn Fn(&[f64]) -> f64,
    per: f64,
}

impl<'a> NegativeLogLikelihood<'a> {
    fn of(likelihood: &Likelihood<'a>) -> NegativeLogLikelihood<'a> {
        NegativeLogLikelihood { log_likelihood: likelihood.of, per: likelihood.observations.max(1) as f64 }
    }

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
        let (params, value) =
            maximise(Model::GammaGamma, &[1.0], Likelihood { of: &ll, observations: 5 }, None).unwrap_or_default();
        assert!((params[0] - 1.0 / 3.0).abs() < 1e-4, "{params:?}");
        assert!((value + 10.493_061_443_340_55).abs() < 1e-8);
    }

    /// ln L = -λ has its supremum at λ -> 0: no maximum, so no fit.
    #[test]
    fn a_likelihood_without_a_maximum_does_not_converge() {
        let ll = |p: &[f64]| -p[0];
        assert_eq!(
            maximise(Model::BgNbd, &[1.0], Likelihood { of: &ll, observations: 1 }, None),
            Err(FitError::DidNotConverge(Model::BgNbd))
        );
    }

    /// f(t) = t0² t1 + e^t1 at (1, 2), by hand: ∂f/∂t0 = 2 t0 t1 = 4, ∂f/∂t1 = t0² + e^t1 = 1 + e² =
    /// 8.389056098930649; ∂²f/∂t0² = 2 t1 = 4, ∂²f/∂t0∂t1 = 2 t0 = 2, ∂²f/∂t1² = e² = 7.3890560989306495.
    #[test]
    fn finite_differences_match_the_derivatives() {
        let f = |t: &[f64]| t[0] * t[0] * t[1] + t[1].exp();
        let point = [1.0, 2.0];
        let Some((gradient, hessian)) = derivatives(&f, &point, f(&point)) else { panic!("finite") };
        assert!((gradient[0] - 4.0).abs() < 1e-8 && (gradient[1] - 8.389_056_098_930_649).abs() < 1e-8);
        assert!((hessian[0][0] - 4.0).abs() < 1e-5 && (hessian[1][1] - 7.389_056_098_930_65).abs() < 1e-5);
        assert!((hessian[0][1] - 2.0).abs() < 1e-5 && hessian[0][1] == hessian[1][0]);
        // ln t at 0: ln(-h) is not a number.
        assert_eq!(derivatives(&|t| t[0].ln(), &[0.0], f64::NEG_INFINITY), None);
    }

    /// [[4, 2], [2, 3]] d = [2, 1]: the inverse is [[3, -2], [-2, 4]] / 8 (determinant 12 - 4), so
    /// d = [6 - 2, -4 + 4] / 8 = [0.5, 0]. [[1, 2], [2, 1]] has eigenvalues 3 and -1: not positive definite.
    #[test]
    fn solves_positive_definite_systems_only() {
        let d = solve_positive_definite(vec![vec![4.0, 2.0], vec![2.0, 3.0]], &[2.0, 1.0]).unwrap_or_default();
        assert!((d[0] - 0.5).abs() < 1e-15 && d[1].abs() < 1e-15, "{d:?}");
        assert_eq!(solve_positive_definite(vec![vec![1.0, 2.0], vec![2.0, 1.0]], &[1.0, 1.0]), None);
    }

    /// Two parameters, where Newton's method finishes: a normal distribution's mean μ and variance v
    /// fitted to 1, 2, 3, 4 have their maximum at the sample mean 2.5 and the mean squared deviation
    /// (2.25 + 0.25 + 0.25 + 2.25) / 4 = 1.25, where ln L = -2 ln(2π · 1.25) - 2 = -6.12204123544711.
    #[test]
    fn finds_a_known_maximum_in_two_parameters() {
        let ll = |p: &[f64]| {
            let squares: f64 = [1.0, 2.0, 3.0, 4.0].iter().map(|x: &f64| (x - p[0]).powi(2)).sum();
            -2.0 * (2.0 * std::f64::consts::PI * p[1]).ln() - squares / (2.0 * p[1])
        };
        let (params, value) =
            maximise(Model::BgNbd, &[1.0, 1.0], Likelihood { of: &ll, observations: 4 }, None).unwrap_or_default();
        assert!((params[0] - 2.5).abs() < 1e-6 && (params[1] - 1.25).abs() < 1e-6, "{params:?}");
        assert!((value + 6.122_041_235_447_11).abs() < 1e-10);
    }

    /// Eight copies of the CDNOW sample have the likelihood of one, times eight, so the same maximum: the
    /// papers' parameters. 18,856 customers are many, so the search starts on a sample of every 7th
    /// (all copies mixed) and finishes on all of them; it must land where the fit of one copy does.
    #[test]
    fn a_search_started_on_a_sample_finds_the_maximum_of_all() {
        use crate::engine::clv::{bg_nbd, cdnow, gamma_gamma, pareto_nbd};
        let one = cdnow::calibration();
        let mut eight = one.clone();
        eight.customers = (0..8).flat_map(|_| one.customers.iter().cloned()).collect();
        assert!(sample_of(&eight.customers).is_some() && sample_of(&one.customers).is_none());
        let same = |a: &[f64], b: &[f64], ll_a: f64, ll_b: f64| {
            a.iter().zip(b).all(|(a, b)| (a - b).abs() < 1e-5 * b) && (ll_a - 8.0 * ll_b).abs() < 1e-6 * ll_a.abs()
        };
        let (bg1, bg8) = (bg_nbd::fit(&one), bg_nbd::fit(&eight));
        let (Ok(bg1), Ok(bg8)) = (bg1, bg8) else { panic!("BG/NBD fits") };
        let p = |f: &bg_nbd::BgNbdFit| [f.params.r, f.params.alpha, f.params.a, f.params.b];
        assert!(same(&p(&bg8), &p(&bg1), bg8.log_likelihood, bg1.log_likelihood), "{bg8:?} vs {bg1:?}");
        let (pn1, pn8) = (pareto_nbd::fit(&one), pareto_nbd::fit(&eight));
        let (Ok(pn1), Ok(pn8)) = (pn1, pn8) else { panic!("Pareto/NBD fits") };
        let p = |f: &pareto_nbd::ParetoNbdFit| [f.params.r, f.params.alpha, f.params.s, f.params.beta];
        assert!(same(&p(&pn8), &p(&pn1), pn8.log_likelihood, pn1.log_likelihood), "{pn8:?} vs {pn1:?}");
        let (gg1, gg8) = (gamma_gamma::fit(&one), gamma_gamma::fit(&eight));
        let (Ok(gg1), Ok(gg8)) = (gg1, gg8) else { panic!("Gamma-Gamma fits") };
        let p = |f: &gamma_gamma::GammaGammaFit| [f.params.p, f.params.q, f.params.gamma];
        assert!(same(&p(&gg8), &p(&gg1), gg8.log_likelihood, gg1.log_likelihood), "{gg8:?} vs {gg1:?}");
    }

    #[test]
    fn log_sum_exp_is_exact_where_exp_overflows() {
        assert!((log_sum_exp(1000.0, 1000.0) - (1000.0 + 2f64.ln())).abs() < 1e-12);
        assert_eq!(log_sum_exp(-3.0, f64::NEG_INFINITY), -3.0);
        // BIC of 2 parameters on 100 observations at ln L = -50: 2 ln 100 + 100 = 109.21034037197618.
        assert!((bic(2, 100, -50.0) - 109.210_340_371_976_18).abs() < 1e-12);
    }
}

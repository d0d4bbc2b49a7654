//! The Gauss hypergeometric function 2F1(a, b; c; z), which the Pareto/NBD likelihood and the BG/NBD
//! conditional expectation need. No wasm-friendly crate has it, so this is its power series,
//! summed in log scale: with a, b, c > 0 and 0 <= z < 1 every term is positive, so the sum has no
//! cancellation, and rescaling it whenever it grows large keeps values like 2F1 = 10^399 (a customer
//! with hundreds of repeat purchases) from overflowing to infinity or NaN.

/// The most terms summed; near z = 1 with large a and b the series needs thousands.
const MAX_TERMS: usize = 50_000;

/// The sum is rescaled by 2^-700 whenever it passes 2^700, far below f64's 2^1024.
const RESCALE_ABOVE: f64 = 5.260_135_901_548_374e210; // 2^700
const LN_RESCALE: f64 = 700.0 * std::f64::consts::LN_2;

/// ln 2F1(a, b; c; z) for a, b, c > 0 and 0 <= z < 1; `None` outside that domain or when the series
/// does not settle within `MAX_TERMS` terms.
///
/// When c exceeds a and b, Euler's transformation (Abramowitz & Stegun 15.3.3)
/// 2F1(a, b; c; z) = (1 - z)^(c-a-b) 2F1(c-a, c-b; c; z) keeps every term positive, and is summed
/// instead when its parameters are smaller: Pareto/NBD's 2F1(r+s+x, r+x; r+s+x+1; z) becomes
/// 2F1(1, s+1; r+s+x+1; z), whose terms fall from the first where the original's rise for thousands
/// of terms before they fall (a frequent buyer, z near 1).
pub fn ln_hyp2f1(a: f64, b: f64, c: f64, z: f64) -> Option<f64> {
    let (euler, a2, b2) = euler(a, b, c);
    let series = ln_sum(z, |k| term_ratio(a2, b2, c, k), valid(a2, b2, c, z))?;
    Some(if euler { (c - a - b) * (-z).ln_1p() + series } else { series })
}

/// Whether Euler's transformation shrinks the parameters, and the parameters of the series then summed.
fn euler(a: f64, b: f64, c: f64) -> (bool, f64, f64) {
    if c > a && c > b && (c - a) * (c - b) < a * b {
        (true, c - a, c - b)
    } else {
        (false, a, b)
    }
}

/// ln 2F1(a, b; c; z) at many z for one (a, b, c), as `ln_hyp2f1` gives it, number for number: the
/// series' term ratios without z, (a+k)(b+k) / ((c+k)(k+1)), are kept from one z to the next, so a
/// likelihood that needs the same parameters for every customer with the same x, at different z, or
/// an expectation at 52 horizons, divides once per term rather than once per term and z.
pub struct Hyp2F1 {
    a: f64,
    b: f64,
    c: f64,
    euler: bool,
    ratios: Vec<f64>,
}

impl Hyp2F1 {
    pub fn new(a: f64, b: f64, c: f64) -> Hyp2F1 {
        Hyp2F1 { a, b, c, euler: euler(a, b, c).0, ratios: Vec::new() }
    }

    /// ln 2F1(a, b; c; z), with the domain and the result of `ln_hyp2f1`.
    pub fn ln_at(&mut self, z: f64) -> Option<f64> {
        let Hyp2F1 { a, b, c, euler, .. } = *self;
        let (a2, b2) = if euler { (c - a, c - b) } else { (a, b) };
        let ratios = &mut self.ratios;
        let cached = |k: usize| {
            if k == ratios.len() {
                ratios.push(term_ratio(a2, b2, c, k));
            }
            ratios[k]
        };
        let series = ln_sum(z, cached, valid(a2, b2, c, z))?;
        Some(if euler { (c - a - b) * (-z).ln_1p() + series } else { series })
    }
}

/// The ratio of the series' term k+1 to term k, without its factor z.
fn term_ratio(a: f64, b: f64, c: f64, k: usize) -> f64 {
    let k = k as f64;
    (a + k) * (b + k) / ((c + k) * (k + 1.0))
}

/// Whether the series of 2F1(a, b; c; z) has every term positive and converges: a, b, c > 0, 0 <= z < 1.
fn valid(a: f64, b: f64, c: f64, z: f64) -> bool {
    a > 0.0 && b > 0.0 && c > 0.0 && (0.0..1.0).contains(&z) && (a + b + c).is_finite()
}

/// ln of the power series 1 + Σ_n Π_{k<n} ratio(k) z, for `valid` parameters; `None` when not valid or
/// when it does not settle within `MAX_TERMS` terms.
fn ln_sum(z: f64, mut ratio_of: impl FnMut(usize) -> f64, valid: bool) -> Option<f64> {
    if !valid {
        return None;
    }
    let (mut sum, mut term, mut ln_scale) = (1.0_f64, 1.0_f64, 0.0_f64);
    for k in 0..MAX_TERMS {
        let ratio = ratio_of(k) * z;
        term *= ratio;
        sum += term;
        // Past the largest term the ratios fall towards z, so the tail is below term * ratio / (1 - ratio).
        if ratio < 1.0 && term * ratio <= (1.0 - ratio) * sum * f64::EPSILON {
            return Some(ln_scale + sum.ln());
        }
        if sum > RESCALE_ABOVE {
            sum /= RESCALE_ABOVE;
            term /= RESCALE_ABOVE;
            ln_scale += LN_RESCALE;
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    fn close(actual: Option<f64>, expected: f64) {
        let actual = actual.unwrap_or(f64::NAN);
        assert!((actual - expected).abs() <= 1e-12 * expected.abs().max(1.0), "{actual} vs {expected}");
    }

    /// Closed forms (Abramowitz & Stegun 15.1.3 and 15.1.8): 2F1(1, 1; 2; z) = -ln(1 - z) / z, so
    /// ln 2F1(1, 1; 2; 0.5) = ln(2 ln 2) = 0.32663425997828098; 2F1(a, b; b; z) = (1 - z)^-a, so
    /// ln 2F1(1.5, 2.5; 2.5; 0.9) = 1.5 ln 10 = 3.4538776394910685. Both agree with mpmath's hyp2f1
    /// (tests/data/clv_reference.py).
    #[test]
    fn closed_forms() {
        close(ln_hyp2f1(1.0, 1.0, 2.0, 0.5), 0.326_634_259_978_281);
        close(ln_hyp2f1(1.5, 2.5, 2.5, 0.9), 3.453_877_639_491_068_5);
        close(ln_hyp2f1(2.0, 3.0, 4.0, 0.0), 0.0);
    }

    /// 2F1(500, 400; 501; 0.9) is about 10^399: summed naively it overflows f64 (max 1.8e308) to
    /// infinity. mpmath (50 digits, tests/data/clv_reference.py): ln = 918.93204616603515.
    #[test]
    fn a_large_frequency_does_not_overflow() {
        close(ln_hyp2f1(500.0, 400.0, 501.0, 0.9), 918.932_046_166_035_2);
    }

    /// The Pareto/NBD case of a customer with x = 30 at the published CDNOW parameters:
    /// 2F1(r+s+x, r+s+x; r+s+x+1; 0.05) with r + s + x = 30.553 (well, an example of its shape), mpmath:
    /// ln = 1.5174589922043366.
    #[test]
    fn a_pareto_nbd_shaped_argument() {
        close(ln_hyp2f1(30.553, 30.553, 31.553, 0.05), 1.517_458_992_204_336_6);
    }

    /// Euler's transformation is exact: ln 2F1(2, 3; 6; 0.5) = 0.62490045582130862 (mpmath, 30 digits),
    /// summed directly and as (1 - 0.5)^(6-2-3) 2F1(4, 3; 6; 0.5).
    #[test]
    fn both_forms_agree() {
        let expected = 0.624_900_455_821_308_6;
        let series = |a: f64, b: f64, c: f64, z: f64| ln_sum(z, |k| term_ratio(a, b, c, k), valid(a, b, c, z));
        close(series(2.0, 3.0, 6.0, 0.5), expected);
        close(series(4.0, 3.0, 6.0, 0.5).map(|s| 0.5f64.ln() + s), expected);
        close(ln_hyp2f1(2.0, 3.0, 6.0, 0.5), expected);
    }

    /// One (a, b, c) at several z, the term ratios kept: every value is that of `ln_hyp2f1`, bit for bit,
    /// whichever z comes first (a short series, then one needing more terms, then a short one again).
    /// The cases are those above: the overflowing one, the Pareto/NBD-shaped one, the Euler one.
    #[test]
    fn kept_ratios_give_the_same_numbers() {
        for (a, b, c) in [(500.0, 400.0, 501.0), (30.553, 30.553, 31.553), (2.0, 3.0, 6.0)] {
            let mut f = Hyp2F1::new(a, b, c);
            for z in [0.05, 0.9, 0.5, 0.0, 0.05] {
                assert_eq!(f.ln_at(z), ln_hyp2f1(a, b, c, z), "{a} {b} {c} at {z}");
            }
        }
        close(Hyp2F1::new(500.0, 400.0, 501.0).ln_at(0.9), 918.932_046_166_035_2);
        assert_eq!(Hyp2F1::new(1.0, 1.0, 2.0).ln_at(1.0), None);
    }

    #[test]
    fn outside_the_domain_is_none() {
        assert_eq!(ln_hyp2f1(1.0, 1.0, 2.0, 1.0), None);
        assert_eq!(ln_hyp2f1(1.0, 1.0, 2.0, -0.1), None);
        assert_eq!(ln_hyp2f1(1.0, 1.0, 0.0, 0.5), None);
        assert_eq!(ln_hyp2f1(f64::NAN, 1.0, 2.0, 0.5), None);
    }
}

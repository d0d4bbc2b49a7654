//! Money as exact integer cents: the method requires exact sums, never accumulated binary floats.
//!
//! Sums cannot overflow because of two limits, enforced where money enters the engine:
//! - one line's amount or cost is at most `Money::LINE_LIMIT` in absolute value (the import
//!   refuses the row otherwise: such a value is a barcode or account number, not an amount);
//! - one ledger's absolute amounts and costs add up to at most `Money::LEDGER_LIMIT_CENTS`
//!   (`LedgerBuilder::try_finish` and `Ledger::decode` refuse a ledger beyond it).
//!
//! So any sum of any lines' amounts and costs, with any signs, is at most 2^61 cents in absolute
//! value, and every expression the analyses form from at most two such sums and a count (a
//! difference, `2 * |sum| + n` for rounding, the mean of two medians) stays below 2^63: it fits
//! `i64`. Products of a count and money (the Gini numerator) are formed in `i128`.
//!
//! The operators below are checked anyway: under the limits they never fail, so the check costs
//! one predictable branch, and if a bug ever let a ledger past the limits, stopping loudly (the
//! app shows its failure panel) beats showing a wrapped, silently wrong number. Wrapping is never
//! acceptable and saturating would be wrong just as silently.

use serde::{Deserialize, Serialize};
use std::fmt;
use std::iter::Sum;
use std::ops::{Add, AddAssign, Neg, Sub, SubAssign};

/// An amount of money in cents of the ledger's currency.
#[derive(Copy, Clone, Debug, Default, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub struct Money(i64);

/// Why an operator can only overflow when the limits were bypassed.
const BEYOND_LIMITS: &str = "money overflow: a ledger got past Money::LEDGER_LIMIT_CENTS unchecked";

impl Money {
    pub const ZERO: Money = Money(0);

    /// The largest amount or cost one line may hold, in absolute value: 1,000,000,000,000.00
    /// (10^14 cents). No invoice line comes near it; a value beyond it is nearly always a
    /// barcode, an account or phone number in the amount column.
    pub const LINE_LIMIT: Money = Money(100_000_000_000_000);

    /// The most the absolute amounts and costs of one ledger may add up to: 2^61 cents (about
    /// 23 thousand trillion; 23,058 lines at `LINE_LIMIT` fit, 23,059 do not). Twice it plus
    /// any count still fits `i64` (see the module comment).
    pub const LEDGER_LIMIT_CENTS: u128 = 1 << 61;

    pub const fn from_cents(cents: i64) -> Money {
        Money(cents)
    }

    pub const fn cents(self) -> i64 {
        self.0
    }

    /// Whole currency units as a float, for charts and shares only (never for sums).
    pub fn units_f64(self) -> f64 {
        self.0 as f64 / 100.0
    }

    pub fn is_positive(self) -> bool {
        self.0 > 0
    }

    /// The amount, if it is within `LINE_LIMIT` (in absolute value).
    pub fn within_line_limit(cents: i64) -> Option<Money> {
        (cents.unsigned_abs() <= Money::LINE_LIMIT.0.unsigned_abs()).then_some(Money(cents))
    }

    /// The absolute value in cents, in a type wide enough to add up any ledger's money.
    pub fn magnitude(self) -> u128 {
        u128::from(self.0.unsigned_abs())
    }
}

impl Add for Money {
    type Output = Money;
    fn add(self, rhs: Money) -> Money {
        Money(self.0.checked_add(rhs.0).expect(BEYOND_LIMITS))
    }
}

impl AddAssign for Money {
    fn add_assign(&mut self, rhs: Money) {
        *self = *self + rhs;
    }
}

impl Sub for Money {
    type Output = Money;
    fn sub(self, rhs: Money) -> Money {
        Money(self.0.checked_sub(rhs.0).expect(BEYOND_LIMITS))
    }
}

impl SubAssign for Money {
    fn sub_assign(&mut self, rhs: Money) {
        *self = *self - rhs;
    }
}

impl Neg for Money {
    type Output = Money;
    fn neg(self) -> Money {
        Money(self.0.checked_neg().expect(BEYOND_LIMITS))
    }
}

impl Sum for Money {
    fn sum<I: Iterator<Item = Money>>(iter: I) -> Money {
        iter.fold(Money::ZERO, Add::add)
    }
}

/// Plain machine format with two decimals and `.` (e.g. `-1234.05`): for JSON and CSV.
/// Locale formatting for people lives in the UI.
impl fmt::Display for Money {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let sign = if self.0 < 0 { "-" } else { "" };
        let abs = self.0.unsigned_abs();
        write!(f, "{sign}{}.{:02}", abs / 100, abs % 100)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sums_exactly_where_floats_drift() {
        // 0.10 added ten times is 1.00 exactly in cents; as f64 it is 0.9999999999999999.
        let total: Money = std::iter::repeat_n(Money::from_cents(10), 10).sum();
        assert_eq!(total, Money::from_cents(100));
        let float: f64 = std::iter::repeat_n(0.1f64, 10).sum();
        assert_ne!(float, 1.0);
    }

    #[test]
    fn the_line_limit_is_one_trillion_inclusive() {
        // 1,000,000,000,000.00 is 10^12 units = 10^14 cents: in; one cent more is out, either sign.
        assert_eq!(Money::within_line_limit(100_000_000_000_000), Some(Money::from_cents(100_000_000_000_000)));
        assert_eq!(Money::within_line_limit(-100_000_000_000_000), Some(Money::from_cents(-100_000_000_000_000)));
        assert_eq!(Money::within_line_limit(100_000_000_000_001), None);
        assert_eq!(Money::within_line_limit(-100_000_000_000_001), None);
        assert_eq!(Money::within_line_limit(i64::MIN), None);
    }

    #[test]
    fn twice_the_ledger_limit_plus_a_count_fits_i64() {
        // 2 * 2^61 + 2^32 = 2^62 + 2^32 < 2^63 - 1 = i64::MAX: the rounding term of an average.
        let limit = i64::try_from(Money::LEDGER_LIMIT_CENTS).unwrap();
        assert!((2 * limit).checked_add(i64::from(u32::MAX)).is_some());
        assert_eq!(Money::from_cents(-5).magnitude(), 5);
        assert_eq!(Money::from_cents(i64::MIN).magnitude(), 1 << 63);
    }

    #[test]
    #[should_panic(expected = "money overflow")]
    fn an_overflow_stops_instead_of_wrapping() {
        // i64::MAX + 1 cent wraps to i64::MIN with plain release arithmetic.
        let _ = Money::from_cents(i64::MAX) + Money::from_cents(1);
    }

    #[test]
    fn displays_two_decimals_with_sign() {
        assert_eq!(Money::from_cents(123405).to_string(), "1234.05");
        assert_eq!(Money::from_cents(-5).to_string(), "-0.05");
        assert_eq!(Money::from_cents(-100).to_string(), "-1.00");
        assert_eq!(Money::ZERO.to_string(), "0.00");
    }
}

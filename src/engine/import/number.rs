//! Numbers as exports write them: decimal comma or point, thousands separators, currency signs,
//! and the three ways accounting systems write a negative amount. Amounts become exact integer
//! cents without ever passing through a float.

use serde::{Deserialize, Serialize};
use std::fmt;

/// How the numbers of a file are written.
#[derive(Copy, Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct NumberFormat {
    /// `.` or `,`.
    pub decimal_mark: char,
    /// The separator between groups of three digits, if the file uses one.
    pub thousands_separator: Option<char>,
}

impl Default for NumberFormat {
    fn default() -> Self {
        NumberFormat { decimal_mark: '.', thousands_separator: None }
    }
}

/// A decimal number read exactly: `digits / 10^scale`, negative when `negative`.
#[derive(Copy, Clone, Debug, PartialEq, Eq)]
pub struct Decimal {
    negative: bool,
    digits: u128,
    scale: u32,
}

/// The most digits a number may have: more cannot be a real amount, and it keeps `u128` exact.
const MAX_DIGITS: u32 = 30;

impl Decimal {
    /// Cents, rounding half away from zero when there are more than two decimals;
    /// `None` when the amount does not fit.
    pub fn cents(self) -> Option<i64> {
        let cents = if self.scale <= 2 {
            self.digits.checked_mul(10u128.pow(2 - self.scale))?
        } else {
            let divisor = 10u128.pow(self.scale - 2);
            (self.digits + divisor / 2) / divisor
        };
        let cents = i64::try_from(cents).ok()?;
        Some(if self.negative { -cents } else { cents })
    }

    /// The nearest float, for quantities (which are not money).
    pub fn to_f64(self) -> f64 {
        // Both operands are exact for realistic quantities, so the one division rounds once.
        let value = self.digits as f64 / 10f64.powi(self.scale as i32);
        if self.negative {
            -value
        } else {
            value
        }
    }
}

/// Why a number could not be read.
#[derive(Copy, Clone, Debug, PartialEq, Eq)]
pub enum NumberError {
    Empty,
    NotANumber,
    /// Thousands separators not between groups of three digits (`1.5` when `.` groups thousands).
    BadGrouping,
    TooLarge,
}

impl NumberError {
    /// What is wrong with a value that is there: `None` for an empty one (a missing value,
    /// not a bad number).
    pub fn problem(self) -> Option<NumberProblem> {
        match self {
            NumberError::Empty => None,
            NumberError::NotANumber => Some(NumberProblem::NotANumber),
            NumberError::BadGrouping => Some(NumberProblem::BadGrouping),
            NumberError::TooLarge => Some(NumberProblem::TooLarge),
        }
    }
}

/// Why a value that is there does not read as a number, for a row error.
#[derive(Copy, Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum NumberProblem {
    NotANumber,
    /// Thousands separators not between groups of three digits.
    BadGrouping,
    /// More digits than any amount or quantity has.
    TooLarge,
}

impl fmt::Display for NumberProblem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            NumberProblem::NotANumber => "not a number",
            NumberProblem::BadGrouping => "thousands separator in the wrong place (check the decimal mark)",
            NumberProblem::TooLarge => "number too large",
        })
    }
}

/// Currency signs and codes stripped before or after a number.
const CURRENCIES: [&str; 22] = [
    "€", "$", "£", "¥", "₹", "₽", "₩", "₺", "¢", "EUR", "USD", "GBP", "SEK", "NOK", "DKK", "CHF", "JPY", "PLN", "CZK",
    "kr.", "kr", "Fr.",
];

/// Spaces that may group thousands or surround a sign: space, no-break space, narrow no-break space.
fn is_space(c: char) -> bool {
    matches!(c, ' ' | '\u{a0}' | '\u{202f}' | '\t')
}

fn trim_spaces(text: &str) -> &str {
    text.trim_matches(is_space)
}

/// Reads a number written with `format`, in any of the accepted notations.
pub fn parse_decimal(text: &str, format: NumberFormat) -> Result<Decimal, NumberError> {
    let (negative, body) = strip_sign_and_currency(text)?;
    let mut decimal = parse_digits(body, format)?;
    decimal.negative = negative && decimal.digits != 0;
    Ok(decimal)
}

/// Exact cents of an amount (more than two decimals: rounded half away from zero).
pub fn parse_cents(text: &str, format: NumberFormat) -> Result<i64, NumberError> {
    if let Some(cents) = plain_cents(text.as_bytes(), format.decimal_mark) {
        return Ok(cents);
    }
    parse_decimal(text, format)?.cents().ok_or(NumberError::TooLarge)
}

/// Most amounts are plain (`1234.5`, `-12.50`): digits, an optional leading `-` and at most two
/// decimals after the file's decimal mark. This reads them in one pass, with the same result as
/// the general parser; anything else (`None`) goes to the general parser. It runs on every
/// amount and cost of a file.
fn plain_cents(bytes: &[u8], decimal_mark: char) -> Option<i64> {
    let (negative, body) = match bytes {
        [b'-', rest @ ..] => (true, rest),
        _ => (false, bytes),
    };
    // Up to 16 digits and a mark: 16 digits times 100 still fits an i64.
    if body.len() > 17 || !decimal_mark.is_ascii() {
        return None;
    }
    let (mut value, mut digits, mut decimals) = (0i64, 0u32, None::<u32>);
    for &b in body {
        if b.is_ascii_digit() {
            value = value * 10 + i64::from(b - b'0');
            digits += 1;
            decimals = decimals.map(|d| d + 1);
        } else if b == decimal_mark as u8 && decimals.is_none() {
            decimals = Some(0);
        } else {
            return None;
        }
    }
    let cents = match decimals.unwrap_or(0) {
        _ if digits == 0 || digits > 16 => return None,
        0 => value * 100,
        1 => value * 10,
        2 => value,
        _ => return None,
    };
    Some(if negative { -cents } else { cents })
}

/// Splits off `-`, `+`, `(...)`, a trailing `-` and currency signs; returns the sign and the digits.
fn strip_sign_and_currency(text: &str) -> Result<(bool, &str), NumberError> {
    let mut rest = trim_spaces(text);
    if rest.is_empty() {
        return Err(NumberError::Empty);
    }
    let mut negative = false;
    if let Some(inner) = rest.strip_prefix('(').and_then(|r| r.strip_suffix(')')) {
        negative = true;
        rest = trim_spaces(inner);
    }
    let mut signs = 0;
    loop {
        let before = rest;
        if let Some(r) = rest.strip_prefix(['-', '\u{2212}']).or_else(|| rest.strip_suffix('-')) {
            negative = true;
            signs += 1;
            rest = r;
        } else if let Some(r) = rest.strip_prefix('+') {
            signs += 1;
            rest = r;
        }
        rest = trim_spaces(strip_currency(rest));
        if rest == before {
            break;
        }
    }
    if signs > 1 || (signs == 1 && text.contains('(')) {
        return Err(NumberError::NotANumber);
    }
    Ok((negative, rest))
}

fn strip_currency(text: &str) -> &str {
    // Most amounts start and end with a digit: skip the search (it runs on every amount).
    let digit = |c: Option<char>| c.is_some_and(|c| c.is_ascii_digit());
    if digit(text.chars().next()) && digit(text.chars().next_back()) {
        return text;
    }
    for currency in CURRENCIES {
        if let Some(rest) = strip_prefix_ignore_case(text, currency) {
            return rest;
        }
        if let Some(rest) = strip_suffix_ignore_case(text, currency) {
            return rest;
        }
    }
    text
}

fn strip_prefix_ignore_case<'a>(text: &'a str, prefix: &str) -> Option<&'a str> {
    let head = text.get(..prefix.len())?;
    head.eq_ignore_ascii_case(prefix).then(|| &text[prefix.len()..])
}

fn strip_suffix_ignore_case<'a>(text: &'a str, suffix: &str) -> Option<&'a str> {
    let split = text.len().checked_sub(suffix.len())?;
    let tail = text.get(split..)?;
    tail.eq_ignore_ascii_case(suffix).then(|| &text[..split])
}

/// Whether `c` may group thousands in a file whose decimal mark is `decimal_mark`.
fn is_grouping(c: char, format: NumberFormat) -> bool {
    c != format.decimal_mark
        && (Some(c) == format.thousands_separator || matches!(c, '.' | ',' | '\'' | '\u{2019}') || is_space(c))
}

/// Digits with at most one decimal mark; grouping characters only in the integer part and only
/// between groups of three digits, so that `1.5` is never read as fifteen.
fn parse_digits(body: &str, format: NumberFormat) -> Result<Decimal, NumberError> {
    if body.is_empty() {
        return Err(NumberError::NotANumber);
    }
    let mut digits: u128 = 0;
    let mut count = 0u32;
    let mut scale: Option<u32> = None;
    // Digits since the last grouping character, and whether one has been seen.
    let mut group = 0u32;
    let mut grouped = false;
    for c in body.chars() {
        if let Some(d) = c.to_digit(10) {
            count += 1;
            if count > MAX_DIGITS {
                return Err(NumberError::TooLarge);
            }
            digits = digits * 10 + u128::from(d);
            group += 1;
            scale = scale.map(|s| s + 1);
        } else if c == format.decimal_mark && scale.is_none() {
            if grouped && group != 3 {
                return Err(NumberError::BadGrouping);
            }
            scale = Some(0);
        } else if scale.is_none() && is_grouping(c, format) {
            let first_group_ok = grouped || (1..=3).contains(&group);
            if !first_group_ok || (grouped && group != 3) {
                return Err(NumberError::BadGrouping);
            }
            grouped = true;
            group = 0;
        } else {
            return Err(NumberError::NotANumber);
        }
    }
    if count == 0 || (grouped && scale.is_none() && group != 3) {
        return Err(if count == 0 { NumberError::NotANumber } else { NumberError::BadGrouping });
    }
    Ok(Decimal { negative: false, digits, scale: scale.unwrap_or(0) })
}

/// What the values of a number column say about its notation.
#[derive(Debug, Default)]
pub struct NumberEvidence {
    comma_decimal: usize,
    point_decimal: usize,
    /// Values like `1,234` or `1.234` that read either way.
    ambiguous: usize,
    thousands: Option<char>,
}

impl NumberEvidence {
    /// Looks at one sampled value.
    pub fn add(&mut self, text: &str) {
        let Ok((_, body)) = strip_sign_and_currency(text) else { return };
        let last_mark = body.char_indices().rev().find(|&(_, c)| c == '.' || c == ',');
        let Some((at, mark)) = last_mark else {
            self.note_space_grouping(body);
            return;
        };
        let other = if mark == '.' { ',' } else { '.' };
        let decimals = body[at + 1..].chars().take_while(char::is_ascii_digit).count();
        let marks = body.matches(mark).count();
        if body[..at].contains(other) {
            // Both marks: the last one is the decimal mark, the other groups thousands.
            self.vote_decimal(mark);
            self.thousands = Some(other);
        } else if marks > 1 {
            self.vote_decimal(other);
            self.thousands = Some(mark);
        } else if decimals == 3 && at > 0 && !body.starts_with('0') {
            self.ambiguous += 1;
        } else {
            self.vote_decimal(mark);
        }
        self.note_space_grouping(&body[..at]);
    }

    fn vote_decimal(&mut self, mark: char) {
        if mark == ',' {
            self.comma_decimal += 1;
        } else {
            self.point_decimal += 1;
        }
    }

    fn note_space_grouping(&mut self, integer_part: &str) {
        let digits_around = |c: char| integer_part.trim_matches(|d: char| !d.is_ascii_digit()).contains(c);
        if let Some(c) = ['\u{a0}', '\u{202f}', ' ', '\''].into_iter().find(|&c| digits_around(c)) {
            self.thousands.get_or_insert(c);
        }
    }

    /// The notation, and whether the values left its decimal mark open (amounts such as `1,234`
    /// and nothing else read either way). `comma_likely` breaks a tie (a `;`-separated file
    /// usually comes from a decimal-comma locale).
    pub fn conclude(&self, comma_likely: bool) -> (NumberFormat, bool) {
        let comma = match (self.comma_decimal, self.point_decimal) {
            (0, 0) => comma_likely,
            (c, p) => c > p,
        };
        let decimal_mark = if comma { ',' } else { '.' };
        let other = if comma { '.' } else { ',' };
        let thousands = self.thousands.filter(|&t| t != decimal_mark).or((self.ambiguous > 0).then_some(other));
        let either_way = self.comma_decimal == 0 && self.point_decimal == 0 && self.ambiguous > 0;
        (NumberFormat { decimal_mark, thousands_separator: thousands }, either_way)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const POINT: NumberFormat = NumberFormat { decimal_mark: '.', thousands_separator: Some(',') };
    const COMMA: NumberFormat = NumberFormat { decimal_mark: ',', thousands_separator: Some('.') };

    #[test]
    fn reads_every_notation() {
        for (text, format, cents) in [
            ("12.50", POINT, 1250),
            ("-12.50", POINT, -1250),
            ("(12.50)", POINT, -1250),
            ("12.50-", POINT, -1250),
            ("1,234,567.89", POINT, 123_456_789),
            ("1.234.567,89", COMMA, 123_456_789),
            ("1 234,5", COMMA, 123_450),
            ("1\u{a0}234,50", COMMA, 123_450),
            ("1'234.50", POINT, 123_450),
            ("€ 1.234,50", COMMA, 123_450),
            ("-€12.00", POINT, -1200),
            ("$ -3", POINT, -300),
            ("12,50 EUR", COMMA, 1250),
            ("1234 kr", COMMA, 123_400),
            ("+7", POINT, 700),
            ("0.005", POINT, 1),
            ("-0.005", POINT, -1),
            ("0.0049", POINT, 0),
            ("2.675", POINT, 268),
            (".5", POINT, 50),
        ] {
            assert_eq!(parse_cents(text, format), Ok(cents), "{text}");
        }
    }

    #[test]
    fn the_plain_path_agrees_with_the_general_parser() {
        for text in
            ["0", "-0", "12", "12.", ".5", "-.5", "-12.5", "12.50", "0012.34", "9999999999999999", "123456789012345.6"]
        {
            let general = parse_decimal(text, POINT).ok().and_then(Decimal::cents);
            assert_eq!(plain_cents(text.as_bytes(), '.'), general, "{text}");
        }
        for text in ["", "-", ".", "-.", "1.234", "1,5", " 1", "1-", "+1", "1.2.3", "12345678901234567"] {
            assert_eq!(plain_cents(text.as_bytes(), '.'), None, "{text}");
        }
        assert_eq!(plain_cents(b"12,5", ','), Some(1250));
    }

    #[test]
    fn refuses_what_is_not_an_amount() {
        for (text, format, error) in [
            ("", POINT, NumberError::Empty),
            ("abc", POINT, NumberError::NotANumber),
            ("12.50.1", POINT, NumberError::NotANumber),
            ("1.5", COMMA, NumberError::BadGrouping),
            ("12,5", POINT, NumberError::BadGrouping),
            ("--5", POINT, NumberError::NotANumber),
            ("(-5)", POINT, NumberError::NotANumber),
            ("1e5", POINT, NumberError::NotANumber),
            ("-", POINT, NumberError::NotANumber),
            ("99999999999999999999", POINT, NumberError::TooLarge),
            ("1234567890123456789012345678901", POINT, NumberError::TooLarge),
        ] {
            assert_eq!(parse_cents(text, format), Err(error), "{text}");
        }
    }

    #[test]
    fn huge_digit_strings_are_too_large_never_an_overflow() {
        let nines = |n: usize| "9".repeat(n);
        // 30 nines read (10^30 - 1 < 2^128), but in cents they are far beyond an i64.
        assert_eq!(parse_decimal(&nines(30), POINT).map(Decimal::cents), Ok(None));
        assert_eq!(parse_cents(&nines(30), POINT), Err(NumberError::TooLarge));
        // 31 digits, or ten thousand, stop at the 31st digit.
        assert_eq!(parse_cents(&nines(31), POINT), Err(NumberError::TooLarge));
        assert_eq!(parse_cents(&format!("1{}", "0".repeat(10_000)), POINT), Err(NumberError::TooLarge));
        assert_eq!(parse_cents(&format!("1,{}", ["000"; 20].join(",")), POINT), Err(NumberError::TooLarge));
        // i64::MAX cents is 92233720368547758.07; one cent more does not fit, either sign.
        assert_eq!(parse_cents("92233720368547758.07", POINT), Ok(i64::MAX));
        assert_eq!(parse_cents("92233720368547758.08", POINT), Err(NumberError::TooLarge));
        assert_eq!(parse_cents("-92233720368547758.08", POINT), Err(NumberError::TooLarge));
        // 29 decimals (30 digits with the leading 0): 0.005 rounds half away to 0.01, 5 * 10^-29 to 0.
        assert_eq!(parse_cents(&format!("0.005{}", "0".repeat(26)), POINT), Ok(1));
        assert_eq!(parse_cents(&format!("0.{}5", "0".repeat(28)), POINT), Ok(0));
    }

    fn conclude(values: &[&str], comma_likely: bool) -> NumberFormat {
        let mut evidence = NumberEvidence::default();
        values.iter().for_each(|v| evidence.add(v));
        evidence.conclude(comma_likely).0
    }

    #[test]
    fn detects_the_notation_from_values() {
        assert_eq!(conclude(&["12.50", "1,234.00"], false), POINT);
        assert_eq!(conclude(&["12,50", "1.234,00"], false), COMMA);
        assert_eq!(conclude(&["12,5", "3"], false).decimal_mark, ',');
        let spaced = conclude(&["1 234,50", "12,00"], false);
        assert_eq!(spaced, NumberFormat { decimal_mark: ',', thousands_separator: Some(' ') });
        assert_eq!(conclude(&["1.234.567"], false), COMMA);
        assert_eq!(conclude(&["1,234"], true), COMMA);
        assert_eq!(conclude(&["1,234"], false), POINT);
        assert_eq!(conclude(&["12", "7"], false), NumberFormat::default());
    }
}

//! Numbers, money and dates formatted for a locale (1,234.56 / 1.234,56).

use super::Locale;
use crate::engine::date::Day;
use crate::engine::money::Money;

impl Locale {
    fn separators(self) -> (char, char) {
        match self {
            Locale::En => (',', '.'),
            Locale::Nl => ('.', ','),
        }
    }

    /// A whole number with thousands separators.
    pub fn integer(self, value: i64) -> String {
        let (thousands, _) = self.separators();
        group_digits(value.unsigned_abs().into(), thousands, value < 0)
    }

    /// A count (lines, customers).
    pub fn count(self, value: usize) -> String {
        self.integer(value as i64)
    }

    /// Money with two decimals and no currency sign (the ledger's currency is not known).
    pub fn money(self, amount: Money) -> String {
        let cents = amount.cents();
        let sign = if cents < 0 { "-" } else { "" };
        format!("{sign}{}", self.cents(cents.unsigned_abs().into()))
    }

    /// A count of cents beyond any `Money` (a ledger's summed magnitude) as money.
    pub fn cents(self, cents: u128) -> String {
        let (thousands, decimal) = self.separators();
        format!("{}{decimal}{:02}", group_digits(cents / 100, thousands, false), cents % 100)
    }

    /// Money rounded to whole units, for tables where cents are noise.
    pub fn money_whole(self, amount: Money) -> String {
        let cents = amount.cents();
        // In u64: fits for every i64, not only for money within the ledger limit (money.rs).
        let rounded = ((cents.unsigned_abs() + 50) / 100) as i64 * cents.signum();
        self.integer(rounded)
    }

    /// A share in 0..=1 as a percentage with one decimal.
    pub fn percent(self, share: f64) -> String {
        let (_, decimal) = self.separators();
        let text = format!("{:.1}", share * 100.0);
        format!("{} %", text.replace('.', &decimal.to_string()))
    }

    /// A plain number with a fixed number of decimals (a coefficient such as Gini).
    pub fn decimal(self, value: f64, decimals: usize) -> String {
        let (_, decimal) = self.separators();
        format!("{value:.decimals$}").replace('.', &decimal.to_string())
    }

    /// A date: ISO order for English (unambiguous across the US and UK), day-month-year for Dutch.
    pub fn date(self, day: Day) -> String {
        let (y, m, d) = day.ymd();
        match self {
            Locale::En => format!("{y:04}-{m:02}-{d:02}"),
            Locale::Nl => format!("{d:02}-{m:02}-{y:04}"),
        }
    }
}

fn group_digits(value: u128, separator: char, negative: bool) -> String {
    let digits = value.to_string();
    let mut out = String::with_capacity(digits.len() + digits.len() / 3 + 1);
    if negative {
        out.push('-');
    }
    for (i, ch) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i) % 3 == 0 {
            out.push(separator);
        }
        out.push(ch);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn money_in_both_locales() {
        let m = Money::from_cents(12_345_678);
        assert_eq!(Locale::En.money(m), "123,456.78");
        assert_eq!(Locale::Nl.money(m), "123.456,78");
        assert_eq!(Locale::En.money(Money::from_cents(-5)), "-0.05");
        assert_eq!(Locale::Nl.money(Money::from_cents(-123_400)), "-1.234,00");
        assert_eq!(Locale::En.money(Money::ZERO), "0.00");
    }

    #[test]
    fn whole_money_rounds_half_away_from_zero() {
        assert_eq!(Locale::En.money_whole(Money::from_cents(1_234_550)), "12,346");
        assert_eq!(Locale::En.money_whole(Money::from_cents(-1_234_550)), "-12,346");
        assert_eq!(Locale::En.money_whole(Money::from_cents(1_234_549)), "12,345");
        // The most negative i64: -9223372036854775808 cents; +50 cents rounds to -92233720368547758
        // units (the .08 rounds down) without overflowing.
        assert_eq!(Locale::En.money_whole(Money::from_cents(i64::MIN)), "-92,233,720,368,547,758");
    }

    #[test]
    fn integers_percent_and_dates() {
        assert_eq!(Locale::En.integer(1_000_000), "1,000,000");
        assert_eq!(Locale::Nl.count(999), "999");
        assert_eq!(Locale::Nl.percent(0.7534), "75,3 %");
        assert_eq!(Locale::En.percent(1.0), "100.0 %");
        assert_eq!(Locale::Nl.decimal(0.61234, 3), "0,612");
        let day = Day::from_ymd(2025, 3, 7).unwrap();
        assert_eq!(Locale::En.date(day), "2025-03-07");
        assert_eq!(Locale::Nl.date(day), "07-03-2025");
    }
}

//! Periods: years by default (calendar or fiscal, starting on a chosen month and day).
//! A period's label is the year in which it starts (method.md §1).

use super::date::Day;
use serde::{Deserialize, Serialize};
use std::fmt;

/// The first month and day of every year-long period (`01-01` for calendar years).
#[derive(Copy, Clone, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct YearStart {
    month: u32,
    day: u32,
}

impl Default for YearStart {
    fn default() -> Self {
        YearStart { month: 1, day: 1 }
    }
}

impl YearStart {
    /// `None` for a month/day that does not exist in every year (29 February is refused:
    /// a fiscal year must start on the same date each year).
    pub fn new(month: u32, day: u32) -> Option<YearStart> {
        let valid = (1..=12).contains(&month) && day >= 1 && day <= super::date::days_in_month(2023, month);
        valid.then_some(YearStart { month, day })
    }

    /// Parses `MM-DD` as used by `--year-start`.
    pub fn parse(text: &str) -> Option<YearStart> {
        let (m, d) = text.trim().split_once('-')?;
        YearStart::new(m.parse().ok()?, d.parse().ok()?)
    }

    pub fn month(self) -> u32 {
        self.month
    }

    pub fn day(self) -> u32 {
        self.day
    }

    /// The period a day falls in.
    pub fn period_of(self, day: Day) -> Period {
        let (y, m, d) = day.ymd();
        let before_start = (m, d) < (self.month, self.day);
        Period(if before_start { y - 1 } else { y })
    }

    /// First day of a period.
    pub fn first_day(self, period: Period) -> Day {
        // `new` guarantees the date exists in every year.
        Day::from_ymd(period.0, self.month, self.day).unwrap_or(Day::from_number(0))
    }

    /// Every period from the one holding `first` to the one holding `last`, empty ones included:
    /// the periods of a ledger, the same for every analysis and scope of it.
    pub fn periods_spanning(self, first: Day, last: Day) -> Vec<Period> {
        let (from, to) = (self.period_of(first), self.period_of(last));
        (from.0..=to.0).map(Period).collect()
    }

    /// Day after the last day of a period (exclusive end).
    pub fn end_day(self, period: Period) -> Day {
        self.first_day(period.next())
    }
}

impl fmt::Display for YearStart {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:02}-{:02}", self.month, self.day)
    }
}

/// A year-long period, labelled by the year in which it starts.
#[derive(Copy, Clone, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub struct Period(i32);

impl Period {
    pub const fn starting_in(year: i32) -> Period {
        Period(year)
    }

    pub const fn label_year(self) -> i32 {
        self.0
    }

    pub const fn previous(self) -> Period {
        Period(self.0 - 1)
    }

    pub const fn next(self) -> Period {
        Period(self.0 + 1)
    }
}

impl fmt::Display for Period {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}", self.0)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn day(y: i32, m: u32, d: u32) -> Day {
        Day::from_ymd(y, m, d).unwrap()
    }

    #[test]
    fn calendar_years() {
        let ys = YearStart::default();
        assert_eq!(ys.period_of(day(2024, 1, 1)), Period::starting_in(2024));
        assert_eq!(ys.period_of(day(2024, 12, 31)), Period::starting_in(2024));
    }

    #[test]
    fn fiscal_year_across_new_year_is_labelled_by_its_start() {
        let ys = YearStart::parse("07-01").unwrap();
        assert_eq!(ys.period_of(day(2024, 6, 30)), Period::starting_in(2023));
        assert_eq!(ys.period_of(day(2024, 7, 1)), Period::starting_in(2024));
        assert_eq!(ys.period_of(day(2025, 2, 14)), Period::starting_in(2024));
        assert_eq!(ys.first_day(Period::starting_in(2024)), day(2024, 7, 1));
        assert_eq!(ys.end_day(Period::starting_in(2024)), day(2025, 7, 1));
    }

    #[test]
    fn periods_spanning_include_empty_ones() {
        let ys = YearStart::parse("07-01").unwrap();
        let labels: Vec<i32> = ys.periods_spanning(day(2021, 1, 5), day(2024, 8, 1)).iter().map(|p| p.0).collect();
        assert_eq!(labels, vec![2020, 2021, 2022, 2023, 2024]);
        assert_eq!(ys.periods_spanning(day(2024, 7, 1), day(2024, 7, 1)), vec![Period(2024)]);
    }

    #[test]
    fn refuses_impossible_year_starts() {
        assert_eq!(YearStart::parse("02-29"), None);
        assert_eq!(YearStart::parse("13-01"), None);
        assert_eq!(YearStart::parse("april"), None);
        assert_eq!(YearStart::parse("04-01").map(|y| y.to_string()), Some("04-01".into()));
    }
}

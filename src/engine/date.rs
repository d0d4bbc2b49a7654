//! Calendar dates as day numbers, so that the ledger stores a date in four bytes and
//! periods are integer comparisons.

use serde::{Deserialize, Serialize};
use std::fmt;

/// A calendar day: days since 1970-01-01 in the proleptic Gregorian calendar.
#[derive(Copy, Clone, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub struct Day(i32);

impl Day {
    /// The first and last day a ledger line may have (docs/import.md): 1900-01-01 and
    /// 2099-12-31. A date outside is a typo or a wrong column, and would stretch the periods
    /// of every analysis over centuries.
    pub const EARLIEST: Day = Day(-25_567);
    pub const LATEST: Day = Day(47_481);

    /// Whether the day lies in the window `EARLIEST..=LATEST`.
    pub fn in_window(self) -> bool {
        (Day::EARLIEST..=Day::LATEST).contains(&self)
    }

    /// The day for a year, month (1-12) and day of month, or `None` when no such date exists.
    pub fn from_ymd(year: i32, month: u32, day: u32) -> Option<Day> {
        if !(1..=12).contains(&month) || day == 0 || day > days_in_month(year, month) {
            return None;
        }
        Some(Day(days_from_civil(year, month, day)))
    }

    pub const fn from_number(days_since_epoch: i32) -> Day {
        Day(days_since_epoch)
    }

    pub const fn number(self) -> i32 {
        self.0
    }

    /// (year, month, day of month).
    pub fn ymd(self) -> (i32, u32, u32) {
        civil_from_days(self.0)
    }

    pub fn year(self) -> i32 {
        self.ymd().0
    }

    pub fn add_days(self, days: i32) -> Day {
        Day(self.0 + days)
    }
}

/// ISO 8601 (`2024-03-01`).
impl fmt::Display for Day {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let (y, m, d) = self.ymd();
        write!(f, "{y:04}-{m:02}-{d:02}")
    }
}

pub fn is_leap_year(year: i32) -> bool {
    (year % 4 == 0 && year % 100 != 0) || year % 400 == 0
}

pub fn days_in_month(year: i32, month: u32) -> u32 {
    match month {
        1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
        4 | 6 | 9 | 11 => 30,
        2 if is_leap_year(year) => 29,
        2 => 28,
        _ => 0,
    }
}

// Howard Hinnant's `days_from_civil` / `civil_from_days`: branch-free, exact for all i32 years
// we can meet, and fast enough to run once per parsed line.
fn days_from_civil(year: i32, month: u32, day: u32) -> i32 {
    let y = if month <= 2 { year - 1 } else { year };
    let era = y.div_euclid(400);
    let yoe = y.rem_euclid(400);
    let m = month as i32;
    let doy = (153 * (if m > 2 { m - 3 } else { m + 9 }) + 2) / 5 + day as i32 - 1;
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    era * 146_097 + doe - 719_468
}

fn civil_from_days(days: i32) -> (i32, u32, u32) {
    let z = days + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z.rem_euclid(146_097);
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let d = (doy - (153 * mp + 2) / 5 + 1) as u32;
    let m = if mp < 10 { mp + 3 } else { mp - 9 } as u32;
    let y = yoe + era * 400 + if m <= 2 { 1 } else { 0 };
    (y, m, d)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn known_day_numbers() {
        // Unix epoch, and 2000-03-01 = 11017 days after it (published in every epoch table).
        assert_eq!(Day::from_ymd(1970, 1, 1).map(Day::number), Some(0));
        assert_eq!(Day::from_ymd(2000, 3, 1).map(Day::number), Some(11017));
        assert_eq!(Day::from_ymd(1969, 12, 31).map(Day::number), Some(-1));
    }

    #[test]
    fn the_date_window() {
        // 1900-01-01 is 70 years before the epoch: 70 * 365 + 17 leap days (1904..1968) = 25,567.
        // 2100-01-01 is 130 years after it: 130 * 365 + 32 leap days (1972..2096) = 47,482.
        assert_eq!(Day::from_ymd(1900, 1, 1), Some(Day::EARLIEST));
        assert_eq!(Day::from_ymd(2099, 12, 31), Some(Day::LATEST));
        assert!(Day::EARLIEST.in_window() && Day::LATEST.in_window());
        assert!(!Day::EARLIEST.add_days(-1).in_window() && !Day::LATEST.add_days(1).in_window());
    }

    #[test]
    fn rejects_impossible_dates() {
        assert_eq!(Day::from_ymd(2023, 2, 29), None);
        assert!(Day::from_ymd(2024, 2, 29).is_some());
        assert_eq!(Day::from_ymd(1900, 2, 29), None);
        assert_eq!(Day::from_ymd(2024, 13, 1), None);
        assert_eq!(Day::from_ymd(2024, 4, 31), None);
    }

    #[test]
    fn round_trips_every_day_of_four_centuries() {
        let start = Day::from_ymd(1900, 1, 1).unwrap().number();
        let end = Day::from_ymd(2300, 1, 1).unwrap().number();
        for n in start..end {
            let (y, m, d) = Day::from_number(n).ymd();
            assert_eq!(Day::from_ymd(y, m, d), Some(Day::from_number(n)));
        }
    }

    #[test]
    fn displays_iso() {
        assert_eq!(Day::from_ymd(2024, 3, 9).unwrap().to_string(), "2024-03-09");
    }
}

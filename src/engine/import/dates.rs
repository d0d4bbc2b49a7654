//! Dates as exports write them: the order of day, month and year is detected from the values,
//! the separator (`-`, `/` or `.`) is free, and a time after the date is ignored.

use crate::engine::date::Day;
use serde::{Deserialize, Serialize};
use std::fmt;

/// The order of a date's parts, or Excel's serial day numbers.
#[derive(Copy, Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum DateFormat {
    YearMonthDay,
    DayMonthYear,
    MonthDayYear,
    ExcelSerial,
}

/// Day number (since 1970-01-01) of Excel serial day 0, 1899-12-30; serials from 61 on count
/// from here because Excel believes 1900 was a leap year.
const EXCEL_EPOCH_OFFSET: i64 = 25_569;
/// The largest serial Excel shows as a date (9999-12-31).
const EXCEL_MAX_SERIAL: i64 = 2_958_465;
/// Serials accepted when guessing: 1927 to 2173. Smaller or larger numbers are more likely
/// amounts or ids than dates.
const EXCEL_PLAUSIBLE: std::ops::RangeInclusive<i64> = 10_000..=100_000;

impl DateFormat {
    /// Detection order: the first format that reads every sampled value wins, so day-first
    /// comes before month-first.
    pub const ALL: [DateFormat; 4] =
        [DateFormat::YearMonthDay, DateFormat::DayMonthYear, DateFormat::MonthDayYear, DateFormat::ExcelSerial];

    /// The pattern shown to people; any of `-`, `/` and `.` separates the parts.
    pub fn pattern(self) -> &'static str {
        match self {
            DateFormat::YearMonthDay => "YYYY-MM-DD",
            DateFormat::DayMonthYear => "DD-MM-YYYY",
            DateFormat::MonthDayYear => "MM/DD/YYYY",
            DateFormat::ExcelSerial => "Excel serial number",
        }
    }

    /// Reads a pattern such as `DD.MM.YYYY` or `yyyy/mm/dd` (any separator), or `excel`.
    pub fn from_pattern(text: &str) -> Option<DateFormat> {
        let letters: String = text.chars().filter(char::is_ascii_alphabetic).collect::<String>().to_ascii_uppercase();
        match letters.as_str() {
            "YYYYMMDD" | "YMD" => Some(DateFormat::YearMonthDay),
            "DDMMYYYY" | "DMY" => Some(DateFormat::DayMonthYear),
            "MMDDYYYY" | "MDY" => Some(DateFormat::MonthDayYear),
            "EXCEL" | "SERIAL" | "EXCELSERIAL" | "EXCELSERIALNUMBER" => Some(DateFormat::ExcelSerial),
            _ => None,
        }
    }

    /// The day a value names, or `None` when it does not read in this format.
    pub fn parse(self, text: &str) -> Option<Day> {
        if self == DateFormat::YearMonthDay {
            if let Some(day) = iso_day(text.as_bytes()) {
                return Some(day);
            }
        }
        let text = text.trim();
        match self {
            DateFormat::ExcelSerial => excel_serial(text).and_then(excel_day),
            _ => self.parse_parts(date_part(text)?),
        }
    }

    fn parse_parts(self, date: &str) -> Option<Day> {
        let separator = date.chars().find(|c| matches!(c, '-' | '/' | '.'))?;
        let mut parts = date.split(separator);
        let (a, b, c) = (parts.next()?, parts.next()?, parts.next()?);
        if parts.next().is_some() {
            return None;
        }
        let (year, month, day) = match self {
            DateFormat::YearMonthDay => (a, b, c),
            DateFormat::DayMonthYear => (c, b, a),
            _ => (c, a, b),
        };
        if year.len() != 4 || !(1..=2).contains(&month.len()) || !(1..=2).contains(&day.len()) {
            return None;
        }
        Day::from_ymd(digits(year)?.try_into().ok()?, digits(month)?, digits(day)?)
    }
}

/// `YYYY-MM-DD` exactly, the form most exports write, read without splitting; `None` for
/// anything else, which the general reader then tries (it reads this form the same way).
fn iso_day(bytes: &[u8]) -> Option<Day> {
    let [y1, y2, y3, y4, b'-', m1, m2, b'-', d1, d2] = *bytes else { return None };
    let number =
        |digits: &[u8]| digits.iter().try_fold(0u32, |n, &b| b.is_ascii_digit().then(|| n * 10 + u32::from(b - b'0')));
    let year = number(&[y1, y2, y3, y4])?;
    Day::from_ymd(year as i32, number(&[m1, m2])?, number(&[d1, d2])?)
}

/// The date before a time (`2024-01-05 10:00`, `2024-01-05T10:00`).
fn date_part(text: &str) -> Option<&str> {
    text.split([' ', 'T']).next().filter(|d| !d.is_empty())
}

fn digits(text: &str) -> Option<u32> {
    if text.is_empty() || !text.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    text.parse().ok()
}

/// The whole days of a serial such as `45296` or `45296.5` (the fraction is the time of day).
fn excel_serial(text: &str) -> Option<i64> {
    let (whole, fraction) = text.split_once(['.', ',']).unwrap_or((text, "0"));
    let whole = digits(whole)?;
    digits(fraction)?;
    Some(i64::from(whole))
}

/// The day of an Excel serial in the 1900 date system (as CSV exports write them).
pub fn excel_day(serial: i64) -> Option<Day> {
    let days = match serial {
        // Excel's day 60 is 29 February 1900, which never was.
        1..=59 => serial - EXCEL_EPOCH_OFFSET + 1,
        61..=EXCEL_MAX_SERIAL => serial - EXCEL_EPOCH_OFFSET,
        _ => return None,
    };
    i32::try_from(days).ok().map(Day::from_number)
}

/// Why the detected date format was a close call, for a note on the guess.
#[derive(Copy, Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum DateDoubt {
    /// No sampled value reads as a date in any format.
    NoneRead,
    /// The best format reads only some of the sampled values.
    SomeRead { read: usize, sampled: usize, format: DateFormat },
    /// Every sampled date reads both day-first and month-first; day-first was taken.
    DayOrMonthFirst,
}

impl fmt::Display for DateDoubt {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            DateDoubt::NoneRead => write!(f, "no sampled value reads as a date"),
            DateDoubt::SomeRead { read, sampled, format } => {
                write!(f, "{read} of {sampled} sampled dates read as {}", format.pattern())
            }
            DateDoubt::DayOrMonthFirst => {
                write!(f, "every sampled date reads both day-first and month-first; took day-first (DD-MM-YYYY)")
            }
        }
    }
}

/// The format that reads the sampled values, and a doubt for the guess's notes when the choice
/// was not clear-cut. `None` when there is nothing to go on.
pub fn detect(values: &[&str]) -> (Option<DateFormat>, Option<DateDoubt>) {
    let values: Vec<&str> = values.iter().map(|v| v.trim()).filter(|v| !v.is_empty()).collect();
    if values.is_empty() {
        return (None, None);
    }
    let reads = |format: DateFormat| values.iter().filter(|v| guess_parse(format, v).is_some()).count();
    let counts: Vec<(DateFormat, usize)> = DateFormat::ALL.into_iter().map(|f| (f, reads(f))).collect();
    let best = counts.iter().map(|&(_, n)| n).max().unwrap_or(0);
    if best == 0 {
        return (None, Some(DateDoubt::NoneRead));
    }
    let mut winners = counts.iter().filter(|&&(_, n)| n == best).map(|&(f, _)| f);
    let format = winners.next().unwrap_or(DateFormat::YearMonthDay);
    let doubt = if best < values.len() {
        Some(DateDoubt::SomeRead { read: best, sampled: values.len(), format })
    } else if winners.any(|f| f == DateFormat::MonthDayYear) && format == DateFormat::DayMonthYear {
        Some(DateDoubt::DayOrMonthFirst)
    } else {
        None
    };
    (Some(format), doubt)
}

/// Like `parse`, but only plausible serials, and only days in the date window, count as dates
/// while guessing: `0001-01-05` must not outvote the day-first dates beside it.
fn guess_parse(format: DateFormat, value: &str) -> Option<Day> {
    if format == DateFormat::ExcelSerial && !excel_serial(value).is_some_and(|s| EXCEL_PLAUSIBLE.contains(&s)) {
        return None;
    }
    format.parse(value).filter(|day| day.in_window())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn day(y: i32, m: u32, d: u32) -> Option<Day> {
        Day::from_ymd(y, m, d)
    }

    #[test]
    fn reads_each_order_and_separator() {
        use DateFormat::*;
        for (format, text, expected) in [
            (YearMonthDay, "2024-01-05", day(2024, 1, 5)),
            (YearMonthDay, "2024/1/5", day(2024, 1, 5)),
            (YearMonthDay, "2024-01-05 00:00:00", day(2024, 1, 5)),
            (YearMonthDay, "2024-01-05T10:00", day(2024, 1, 5)),
            (DayMonthYear, "05-01-2024", day(2024, 1, 5)),
            (DayMonthYear, "05/01/2024", day(2024, 1, 5)),
            (DayMonthYear, "5.1.2024", day(2024, 1, 5)),
            (MonthDayYear, "01/05/2024", day(2024, 1, 5)),
            (MonthDayYear, "1/5/2024 13:45", day(2024, 1, 5)),
            (ExcelSerial, "45296", day(2024, 1, 5)),
            (ExcelSerial, "45296.75", day(2024, 1, 5)),
            (ExcelSerial, "61", day(1900, 3, 1)),
            (ExcelSerial, "59", day(1900, 2, 28)),
            (ExcelSerial, "1", day(1900, 1, 1)),
        ] {
            assert_eq!(format.parse(text), expected, "{text} as {format:?}");
        }
    }

    #[test]
    fn refuses_what_is_not_a_date() {
        use DateFormat::*;
        for (format, text) in [
            (YearMonthDay, "2024-02-30"),
            (YearMonthDay, "2024-01"),
            (YearMonthDay, "2024-01-05-1"),
            (YearMonthDay, "2024-01/05x"),
            (DayMonthYear, "13-13-2024"),
            (DayMonthYear, "05-01-24"),
            (DayMonthYear, "2024-01-05"),
            (MonthDayYear, "13/01/2024"),
            (ExcelSerial, "60"),
            (ExcelSerial, "0"),
            (ExcelSerial, "-5"),
            (ExcelSerial, "2958466"),
            (ExcelSerial, "99999999999999999999"),
            (YearMonthDay, ""),
            (YearMonthDay, "T"),
        ] {
            assert_eq!(format.parse(text), None, "{text} as {format:?}");
        }
    }

    #[test]
    fn the_iso_path_agrees_with_the_general_reader() {
        for text in ["2024-01-05", "2024-02-30", "2024-13-01", "0000-01-01", "2024-1a-05"] {
            let general = DateFormat::YearMonthDay.parse_parts(text);
            assert_eq!(iso_day(text.as_bytes()), general, "{text}");
        }
        assert_eq!(iso_day(b"2024/01/05"), None);
    }

    #[test]
    fn detects_the_order_that_reads_every_value() {
        assert_eq!(detect(&["2024-01-05", "2024-12-31"]).0, Some(DateFormat::YearMonthDay));
        assert_eq!(detect(&["05/01/2024", "31/12/2024"]), (Some(DateFormat::DayMonthYear), None));
        assert_eq!(detect(&["01/05/2024", "12/31/2024"]), (Some(DateFormat::MonthDayYear), None));
        assert_eq!(detect(&["45296", "45297"]).0, Some(DateFormat::ExcelSerial));
        let (format, note) = detect(&["05/01/2024", "06/02/2024"]);
        assert_eq!(format, Some(DateFormat::DayMonthYear));
        assert!(note.unwrap().to_string().contains("day-first"));
        let (format, note) = detect(&["05/01/2024", "junk"]);
        assert_eq!(format, Some(DateFormat::DayMonthYear));
        assert!(note.unwrap().to_string().contains("1 of 2"));
        // Out of the date window, 0001-01-05 reads as nothing: day-first wins 1 to 0 (a tie
        // would have gone to year-first, the first order tried, and refused the 2024 line).
        let (format, note) = detect(&["0001-01-05", "05/01/2024"]);
        assert_eq!(format, Some(DateFormat::DayMonthYear));
        assert!(note.unwrap().to_string().contains("1 of 2"));
        assert_eq!(detect(&["", " "]), (None, None));
        assert_eq!(detect(&["12.50"]).0, None);
    }

    #[test]
    fn reads_patterns_with_any_separator() {
        assert_eq!(DateFormat::from_pattern("DD.MM.YYYY"), Some(DateFormat::DayMonthYear));
        assert_eq!(DateFormat::from_pattern("yyyy/mm/dd"), Some(DateFormat::YearMonthDay));
        assert_eq!(DateFormat::from_pattern("MM/DD/YYYY"), Some(DateFormat::MonthDayYear));
        assert_eq!(DateFormat::from_pattern("excel"), Some(DateFormat::ExcelSerial));
        assert_eq!(DateFormat::from_pattern("DD-MMM-YY"), None);
    }
}

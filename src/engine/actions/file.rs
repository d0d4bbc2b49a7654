//! The Actions list as a table (docs/actions.md): the rows of its CSV and XLSX download and the
//! reader of the same file imported back, one action a line. Customers are keys separated by
//! `;`; dates `YYYY-MM-DD`; the status, level and origin by their names below. Each bad cell is
//! an `InputError` with the file, line, column and value, as for the cost pools.

use super::{Action, Origin, Status, Target};
use crate::engine::cost_pools::{InputError, Problem, Row, Table};
use crate::engine::customer_focus::survey::SurveyId;
use crate::engine::money::Money;
use crate::engine::pyramid::Level;
use crate::engine::sheets::SheetTable;

/// The file's columns, in order. The first nine must be in a file read back; `created` and
/// `focus_aspect` (`survey/aspect`, a Customer Focus action's target) may be left out.
pub const COLUMNS: [&str; 11] = [
    "what",
    "customers",
    "level",
    "owner",
    "start",
    "due",
    "status",
    "expected_revenue",
    "origin",
    "created",
    "focus_aspect",
];

/// The columns a file must have.
pub const REQUIRED: [&str; 9] =
    [COLUMNS[0], COLUMNS[1], COLUMNS[2], COLUMNS[3], COLUMNS[4], COLUMNS[5], COLUMNS[6], COLUMNS[7], COLUMNS[8]];

/// The name of the table (and of its sheet in a workbook).
pub const SHEET: &str = "actions";

pub fn status_name(status: Status) -> &'static str {
    match status {
        Status::Open => "open",
        Status::InProgress => "in_progress",
        Status::Done => "done",
    }
}

pub const ORIGINS: [Origin; 7] = [
    Origin::CustomerFocus,
    Origin::Flows,
    Origin::Migration,
    Origin::CustomerViews,
    Origin::Rfm,
    Origin::Profitability,
    Origin::Pyramid,
];

pub fn origin_name(origin: Origin) -> &'static str {
    match origin {
        Origin::CustomerFocus => "customer_focus",
        Origin::Flows => "flows",
        Origin::Migration => "migration",
        Origin::CustomerViews => "customer_views",
        Origin::Rfm => "rfm",
        Origin::Profitability => "profitability",
        Origin::Pyramid => "pyramid",
    }
}

/// The list as rows of cells in `COLUMNS` order (amounts with two decimals and `.`).
fn rows(actions: &[Action]) -> Vec<Vec<String>> {
    actions.iter().map(row).collect()
}

fn row(a: &Action) -> Vec<String> {
    let day = |d: Option<crate::engine::date::Day>| d.map(|d| d.to_string()).unwrap_or_default();
    let (customers, level, aspect) = match &a.target {
        Target::Customers(keys) => (keys.join(";"), String::new(), String::new()),
        Target::Level(level) => (String::new(), level.name().to_string(), String::new()),
        Target::FocusAspect { survey, aspect } => (String::new(), String::new(), format!("{}/{aspect}", survey.0)),
    };
    vec![
        a.what.clone(),
        customers,
        level,
        a.owner.clone(),
        day(a.start),
        day(a.due),
        status_name(a.status).into(),
        a.expected_revenue.map(|m| m.to_string()).unwrap_or_default(),
        origin_name(a.origin).into(),
        day(a.created),
        aspect,
    ]
}

/// The actions of a table read from a file, or its first bad cell.
fn actions_in(table: &Table<'_>) -> Result<Vec<Action>, InputError> {
    table.rows().map(|row| action_of(&row)).collect()
}

/// The actions of a CSV file, or of a workbook's sheet named `actions`.
pub fn parse(file: &str, bytes: &[u8]) -> Result<Vec<Action>, InputError> {
    actions_in(&Table::read_sheet(file, bytes, SHEET, &REQUIRED)?)
}

/// The list as the table of its CSV and XLSX download (`sheets::csv`, `sheets::workbook`).
pub fn sheet(actions: &[Action]) -> SheetTable {
    SheetTable { name: SHEET.into(), columns: COLUMNS.map(String::from).to_vec(), rows: rows(actions) }
}

fn action_of(row: &Row<'_>) -> Result<Action, InputError> {
    // The same dates as every other table (`Row::day`): YYYY-MM-DD or day first; empty is none.
    let day = |column| match row.cell(column) {
        "" => Ok(None),
        _ => row.day(column).map(Some),
    };
    let named = |column, problem, names: &[&str]| match row.cell(column) {
        "" => Ok(None),
        cell => {
            names.iter().position(|n| n.eq_ignore_ascii_case(cell)).map(Some).ok_or_else(|| row.error(column, problem))
        }
    };
    let status = named("status", Problem::UnknownStatus, &Status::ALL.map(status_name))?;
    let origin = named("origin", Problem::UnknownOrigin, &ORIGINS.map(origin_name))?;
    let expected_revenue = match row.cell("expected_revenue") {
        "" => None,
        _ => Some(Money::from_cents(
            row.hundredths("expected_revenue", Money::LINE_LIMIT.cents().unsigned_abs())? as i64
        )),
    };
    Ok(Action {
        what: row.text("what")?.into(),
        target: target(row)?,
        owner: row.cell("owner").into(),
        start: day("start")?,
        due: day("due")?,
        status: status.map_or(Status::Open, |i| Status::ALL[i]),
        expected_revenue,
        origin: ORIGINS[origin.ok_or_else(|| row.error("origin", Problem::Empty))?],
        created: day("created")?,
    })
}

/// At most one of customers, level and focus aspect; none is an action for no one in particular
/// (an empty list of customers).
fn target(row: &Row<'_>) -> Result<Target, InputError> {
    let filled: Vec<&str> =
        ["customers", "level", "focus_aspect"].into_iter().filter(|c| !row.cell(c).is_empty()).collect();
    if let [_, second, ..] = filled[..] {
        return Err(row.error(second, Problem::TwoTargets));
    }
    match filled.first().copied() {
        Some("level") => {
            Level::parse(row.cell("level")).map(Target::Level).ok_or_else(|| row.error("level", Problem::UnknownLevel))
        }
        Some("focus_aspect") => {
            let cell = row.cell("focus_aspect");
            let parsed = cell.split_once('/').and_then(|(s, a)| Some((s.trim().parse().ok()?, a.trim().parse().ok()?)));
            match parsed {
                Some((survey, aspect)) if aspect > 0 => Ok(Target::FocusAspect { survey: SurveyId(survey), aspect }),
                _ => Err(row.error("focus_aspect", Problem::NotAnAspect)),
            }
        }
        _ => {
            let keys = row.cell("customers").split(';').map(str::trim).filter(|k| !k.is_empty());
            Ok(Target::Customers(keys.map(String::from).collect()))
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::engine::date::Day;

    fn csv(rows: &[Vec<String>]) -> Vec<u8> {
        let mut text = COLUMNS.join(",") + "\n";
        for row in rows {
            let quoted: Vec<String> = row.iter().map(|c| format!("\"{}\"", c.replace('"', "\"\""))).collect();
            text += &(quoted.join(",") + "\n");
        }
        text.into_bytes()
    }

    #[test]
    fn the_list_written_as_a_table_reads_back_the_same() {
        let actions = vec![
            Action {
                what: "Reactivate these 2 inactive customers, \"now\"".into(),
                target: Target::Customers(vec!["C-1".into(), "C 2".into()]),
                owner: "Iris".into(),
                start: Day::from_ymd(2025, 1, 6),
                due: Day::from_ymd(2025, 3, 31),
                status: Status::InProgress,
                expected_revenue: Some(Money::from_cents(150_050)),
                origin: Origin::Flows,
                created: Day::from_ymd(2025, 1, 5),
            },
            Action {
                what: "Visit the Big ones".into(),
                target: Target::Level(Level::Big),
                owner: String::new(),
                start: None,
                due: None,
                status: Status::Done,
                expected_revenue: None,
                origin: Origin::Pyramid,
                created: None,
            },
            Action {
                what: "Train the help desk".into(),
                target: Target::FocusAspect { survey: SurveyId(3), aspect: 8 },
                owner: "Bram".into(),
                start: None,
                due: Day::from_ymd(2027, 2, 1),
                status: Status::Open,
                expected_revenue: Some(Money::ZERO),
                origin: Origin::CustomerFocus,
                created: None,
            },
        ];
        let table = sheet(&actions);
        let rows = &table.rows;
        assert_eq!(rows[0][1], "C-1;C 2");
        assert_eq!(
            (rows[0][6].as_str(), rows[0][7].as_str(), rows[0][8].as_str()),
            ("in_progress", "1500.50", "flows")
        );
        assert_eq!((rows[1][2].as_str(), rows[2][10].as_str()), ("big", "3/8"));
        assert_eq!(parse("actions.csv", &crate::engine::sheets::csv(&table)).unwrap(), actions);
        // In a workbook beside another table; its amounts written as numbers read back the same.
        let other = SheetTable { name: "goals".into(), columns: vec!["goal".into()], rows: vec![vec!["1".into()]] };
        let workbook = crate::engine::sheets::workbook(&[other, table.clone()]);
        assert_eq!(parse("plan.xlsx", &workbook).unwrap(), actions);
        let error =
            parse("plan.xlsx", &crate::engine::sheets::workbook(&[SheetTable { name: "goals".into(), ..table }]));
        assert_eq!(error.map_err(|e| (e.problem, e.value)), Err((Problem::MissingSheet, "actions".into())));
    }

    #[test]
    fn a_bad_cell_is_refused_with_its_file_line_and_column() {
        let row = |cells: &[&str]| cells.iter().map(|c| c.to_string()).collect::<Vec<_>>();
        let good = row(&["Call", "A", "", "Iris", "2025-01-06", "", "open", "", "flows", "", ""]);
        let bad = |column: usize, value: &str| {
            let mut wrong = good.clone();
            wrong[column] = value.into();
            let error = parse("plan.csv", &csv(&[good.clone(), wrong])).unwrap_err();
            (error.file, error.line, error.column, error.value, error.problem)
        };
        // Line 1 is the header, so the second action is line 3.
        let at = |column: &str, value: &str, problem| {
            ("plan.csv".to_string(), 3, column.to_string(), value.to_string(), problem)
        };
        assert_eq!(bad(5, "2025-03-32"), at("due", "2025-03-32", Problem::NotADate));
        assert_eq!(bad(6, "later"), at("status", "later", Problem::UnknownStatus));
        assert_eq!(bad(8, "elsewhere"), at("origin", "elsewhere", Problem::UnknownOrigin));
        assert_eq!(bad(8, ""), at("origin", "", Problem::Empty));
        assert_eq!(bad(2, "giant"), at("level", "giant", Problem::TwoTargets));
        assert_eq!(bad(7, "12,345"), at("expected_revenue", "12,345", Problem::NotANumber));
        assert_eq!(bad(0, ""), at("what", "", Problem::Empty));
        let mut level = good.clone();
        (level[1], level[2]) = (String::new(), "giant".into());
        assert_eq!(parse("plan.csv", &csv(&[level])).unwrap_err().problem, Problem::UnknownLevel);
        let error = parse("plan.csv", b"what,customers,owner\nCall,A,Iris\n").unwrap_err();
        assert_eq!((error.line, error.column.as_str(), error.problem), (1, "level", Problem::MissingColumn));
    }
}

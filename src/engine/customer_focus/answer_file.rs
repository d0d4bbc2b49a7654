//! Answers from a CSV file as survey tools export them: `respondent,department,aspect,current,
//! priority`, one line per respondent and aspect (aspect = its number 1-22, scores 1-5 or blank).
//! Every bad cell is an error naming the file, line, column and value (`clientele focus` exits
//! with 2 on one, like `clientele check`; the app lists them in its import report), and a file
//! with one is refused whole, so that half a respondent is never counted.

use super::assessment::ASPECTS;
use super::survey::{Answer, Score, Scores, SurveyId};
use crate::engine::cost_pools::{Problem, Row, Table};
use serde::{Deserialize, Serialize};
use std::fmt;

/// The columns of an answers file.
pub const ANSWER_COLUMNS: [&str; 5] = ["respondent", "department", "aspect", "current", "priority"];

/// A bad cell of an answers file (or the file itself, on line 1).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct CellError {
    pub file: String,
    /// 1-based; line 1 is the header.
    pub line: usize,
    /// 1-based column number (0 when the column is missing).
    pub column: usize,
    /// The column's name.
    pub header: String,
    pub value: String,
    pub problem: CellProblem,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum CellProblem {
    /// The file is not a readable table.
    Unreadable,
    MissingColumn,
    Empty,
    /// Not a whole number from 1 to 22.
    AspectOutOfRange,
    /// Not a whole number from 1 to 5 (nor blank).
    ScoreOutOfRange,
    /// The respondent scored this aspect on an earlier line.
    AspectTwice {
        first_line: usize,
    },
}

impl fmt::Display for CellProblem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            CellProblem::Unreadable => write!(f, "the file is not a readable CSV table; save it as CSV (UTF-8)"),
            CellProblem::MissingColumn => {
                write!(f, "this column is missing from the header; the columns are {}", ANSWER_COLUMNS.join(","))
            }
            CellProblem::Empty => write!(f, "the cell is empty; fill it in"),
            CellProblem::AspectOutOfRange => {
                write!(f, "not an aspect number; write a whole number from 1 to {ASPECTS}")
            }
            CellProblem::ScoreOutOfRange => {
                write!(f, "not a score; write a whole number from 1 to 5, or leave it blank")
            }
            CellProblem::AspectTwice { first_line } => {
                write!(f, "this respondent scored this aspect already on line {first_line}; keep one line")
            }
        }
    }
}

impl fmt::Display for CellError {
    /// `FILE:LINE:COLUMN: 'value': problem`, as `clientele check` prints a row error.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}:{}:{}: {} '{}': {}", self.file, self.line, self.column, self.header, self.value, self.problem)
    }
}

impl std::error::Error for CellError {}

/// The respondents of an answers file (in the order they first appear), or every bad cell.
pub fn read_answers(file: &str, bytes: &[u8], survey: SurveyId) -> Result<Vec<Answer>, Vec<CellError>> {
    let table = Table::read(file, bytes, &ANSWER_COLUMNS).map_err(|e| {
        let problem =
            if e.problem == Problem::MissingColumn { CellProblem::MissingColumn } else { CellProblem::Unreadable };
        vec![CellError { file: file.into(), line: e.line, column: 0, header: e.column, value: e.value, problem }]
    })?;
    let mut answers: Vec<Answer> = Vec::new();
    // Where each respondent's aspect was scored: (answer, aspect) -> line.
    let mut lines: Vec<Vec<usize>> = Vec::new();
    let mut errors = Vec::new();
    for row in table.rows() {
        match read_row(&row) {
            Ok((respondent, department, aspect, scores)) => {
                let index = answers.iter().position(|a| {
                    a.respondent.to_lowercase() == respondent.to_lowercase()
                        && a.department.to_lowercase() == department.to_lowercase()
                });
                let index = index.unwrap_or_else(|| {
                    answers.push(Answer::blank(survey, respondent, department, 0));
                    lines.push(vec![0; ASPECTS]);
                    answers.len() - 1
                });
                match lines[index][aspect] {
                    0 => {
                        lines[index][aspect] = row.line;
                        answers[index].scores[aspect] = scores;
                    }
                    first_line => errors.push(cell_error(&row, "aspect", CellProblem::AspectTwice { first_line })),
                }
            }
            Err(error) => errors.push(error),
        }
    }
    if errors.is_empty() {
        Ok(answers)
    } else {
        Err(errors)
    }
}

type RowAnswer<'t> = (&'t str, &'t str, usize, Scores);

fn read_row<'t>(row: &Row<'t>) -> Result<RowAnswer<'t>, CellError> {
    let text = |column| match row.cell(column) {
        "" => Err(cell_error(row, column, CellProblem::Empty)),
        text => Ok(text),
    };
    let (respondent, department) = (text("respondent")?, text("department")?);
    let aspect = text("aspect")?
        .parse::<usize>()
        .ok()
        .filter(|n| (1..=ASPECTS).contains(n))
        .ok_or_else(|| cell_error(row, "aspect", CellProblem::AspectOutOfRange))?;
    let score = |column| match row.cell(column) {
        "" => Ok(None),
        text => text
            .parse::<u8>()
            .ok()
            .and_then(Score::new)
            .map(Some)
            .ok_or_else(|| cell_error(row, column, CellProblem::ScoreOutOfRange)),
    };
    Ok((respondent, department, aspect - 1, Scores { current: score("current")?, priority: score("priority")? }))
}

fn cell_error(row: &Row<'_>, column: &str, problem: CellProblem) -> CellError {
    let cell = row.error(column, Problem::Empty);
    CellError {
        file: cell.file,
        line: cell.line,
        column: row.column_number(column),
        header: column.into(),
        value: cell.value,
        problem,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_one_answer_per_respondent_with_blank_scores() {
        let csv = "respondent,department,aspect,current,priority\n\
                   An,Sales,1,2,5\nAn,Sales,22,,4\nBo,Service,1,3,\n";
        let answers = read_answers("answers.csv", csv.as_bytes(), SurveyId(1)).unwrap();
        assert_eq!(answers.len(), 2);
        let score = |v| Score::new(v);
        assert_eq!(answers[0].scores[0], Scores { current: score(2), priority: score(5) });
        assert_eq!(answers[0].scores[21], Scores { current: None, priority: score(4) });
        assert_eq!(answers[0].scores[1], Scores::default(), "aspect 2 was not on a line: blank");
        assert_eq!((answers[1].respondent.as_str(), answers[1].scores[0].priority), ("Bo", None));
    }

    #[test]
    fn every_bad_cell_is_named_by_line_and_column() {
        // Line 2: current 6 (column 4); line 3: aspect 23 (column 3); line 5 repeats An's aspect 1
        // of line 4; priority 0 on line 6 (column 5).
        let csv = "respondent;department;aspect;current;priority\n\
                   An;Sales;1;6;3\nAn;Sales;23;1;1\nBo;Sales;1;1;1\nbo;sales;1;2;2\nCy;Sales;2;;0\n";
        let errors = read_answers("a.csv", csv.as_bytes(), SurveyId(1)).unwrap_err();
        let found: Vec<String> = errors.iter().map(|e| e.to_string()).collect();
        assert_eq!(
            found,
            [
                "a.csv:2:4: current '6': not a score; write a whole number from 1 to 5, or leave it blank",
                "a.csv:3:3: aspect '23': not an aspect number; write a whole number from 1 to 22",
                "a.csv:5:3: aspect '1': this respondent scored this aspect already on line 4; keep one line",
                "a.csv:6:5: priority '0': not a score; write a whole number from 1 to 5, or leave it blank",
            ]
        );
        let missing = read_answers("b.csv", b"respondent,department,aspect,current\n", SurveyId(1)).unwrap_err();
        assert_eq!(
            (missing[0].line, missing[0].header.as_str(), &missing[0].problem),
            (1, "priority", &CellProblem::MissingColumn)
        );
    }
}

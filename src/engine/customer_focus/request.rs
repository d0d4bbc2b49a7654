//! What the Customer Focus page and its respondents ask: the surveys and answers kept with the
//! workspace (`FocusTables`, a side table), the edits (create a round, save its texts, import
//! answers), the page's view (a survey's report, its link, the change since an earlier round),
//! and the respondent's two requests (read the link, make the answer code).

use super::answer_file::{read_answers, CellError};
use super::assessment::ASPECTS;
use super::code::{answer_code, read_answer_code, read_survey_fragment, survey_fragment, CodeError, CODE_PREFIX};
use super::report::{Change, Report};
use super::survey::{add_answers, Answer, Survey, SurveyId};
use crate::engine::actions::parse_day;
use crate::engine::session::analysis::{Analysis, Context, EmptyReason};
use crate::engine::session::FileData;
use serde::{Deserialize, Serialize};

/// The surveys and their answers, kept with the workspace.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct FocusTables {
    pub surveys: Vec<Survey>,
    pub answers: Vec<Answer>,
}

/// A change the consultant makes; `F` is how the request names its files.
#[derive(Clone, Debug, Serialize, Deserialize)]
pub enum FocusEdit<F = FileData> {
    /// A new round: the standard statements, or those of `like` (an earlier round, for a
    /// comparable repeat). `date` is `YYYY-MM-DD` or empty; `nonce` is the page's clock, which
    /// makes the id.
    Create { title: String, date: String, like: Option<SurveyId>, nonce: u64 },
    /// The survey's title and texts as edited.
    Save(Survey),
    /// Answer codes (pasted, one or more, separated by spaces or lines) and files (answer files
    /// holding codes, or CSV) into a survey.
    Import { survey: SurveyId, codes: String, files: Vec<F> },
}

impl<F> FocusEdit<F> {
    /// The same edit with its files replaced by `read`'s (see `Request::map_files`).
    pub fn map_files<G, E>(self, read: impl FnMut(F) -> Result<G, E>) -> Result<FocusEdit<G>, E> {
        Ok(match self {
            FocusEdit::Create { title, date, like, nonce } => FocusEdit::Create { title, date, like, nonce },
            FocusEdit::Save(survey) => FocusEdit::Save(survey),
            FocusEdit::Import { survey, codes, files } => {
                FocusEdit::Import { survey, codes, files: files.into_iter().map(read).collect::<Result<_, _>>()? }
            }
        })
    }
}

/// Why an edit is refused.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum FocusError {
    /// No survey has this id (deleted in another tab, or never kept).
    UnknownSurvey,
    /// A title, statement or domain name left empty.
    EmptyText,
    /// The date is not a date (`YYYY-MM-DD`).
    BadDate { value: String },
}

impl std::fmt::Display for FocusError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            FocusError::UnknownSurvey => write!(f, "this survey is not in the workspace; choose another"),
            FocusError::EmptyText => write!(f, "a title, statement or domain name is empty; fill it in"),
            FocusError::BadDate { value } => write!(f, "'{value}' is not a date; write it as YYYY-MM-DD"),
        }
    }
}

/// One thing an import could not take.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum Refused {
    /// A pasted code (its first characters) or a code in an answer file (the file's name).
    Code { code: String, file: Option<String>, error: CodeError },
    /// A CSV file's bad cells (the file is refused whole).
    Cells(Vec<CellError>),
}

/// What an import did.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct ImportOutcome {
    pub added: usize,
    /// Respondents already kept: (name, department), not counted again.
    pub duplicates: Vec<(String, String)>,
    pub refused: Vec<Refused>,
}

/// The survey an edit concerns, and what an import did.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct FocusSaved {
    pub survey: SurveyId,
    pub import: Option<ImportOutcome>,
}

impl FocusTables {
    /// The tables after `edit`, and what it did; or why it is refused (the tables unchanged).
    pub fn edit(&self, edit: FocusEdit) -> Result<(FocusTables, FocusSaved), FocusError> {
        let mut tables = self.clone();
        let saved = match edit {
            FocusEdit::Create { title, date, like, nonce } => {
                let title = Some(title.trim().to_string()).filter(|t| !t.is_empty()).ok_or(FocusError::EmptyText)?;
                let date = parse_day(&date).map_err(|_| FocusError::BadDate { value: date.clone() })?;
                let taken: Vec<SurveyId> = self.surveys.iter().map(|s| s.id).collect();
                let id = Survey::new_id(&title, nonce, &taken);
                let mut survey = Survey::standard(id, &title, date);
                if let Some(like) = like {
                    let earlier = self.survey(like)?;
                    (survey.domains, survey.aspects) = (earlier.domains.clone(), earlier.aspects.clone());
                }
                tables.surveys.push(survey);
                FocusSaved { survey: id, import: None }
            }
            FocusEdit::Save(survey) => {
                let texts = survey.domains.iter().chain(survey.aspects.iter().map(|a| &a.statement));
                let empty = |t: &super::assessment::Texts| t.en.trim().is_empty() || t.nl.trim().is_empty();
                if survey.title.trim().is_empty() || texts.into_iter().any(empty) {
                    return Err(FocusError::EmptyText);
                }
                let position = self.surveys.iter().position(|s| s.id == survey.id).ok_or(FocusError::UnknownSurvey)?;
                let kept = &self.surveys[position];
                let shape_kept = survey.aspects.len() == ASPECTS
                    && survey.domains.len() == kept.domains.len()
                    && survey.aspects.iter().all(|a| a.domain < survey.domains.len());
                if !shape_kept {
                    return Err(FocusError::UnknownSurvey);
                }
                let id = survey.id;
                tables.surveys[position] = survey;
                FocusSaved { survey: id, import: None }
            }
            FocusEdit::Import { survey, codes, files } => {
                self.survey(survey)?;
                let import = tables.import(survey, &codes, &files);
                FocusSaved { survey, import: Some(import) }
            }
        };
        Ok((tables, saved))
    }

    pub fn survey(&self, id: SurveyId) -> Result<&Survey, FocusError> {
        self.surveys.iter().find(|s| s.id == id).ok_or(FocusError::UnknownSurvey)
    }

    fn import(&mut self, survey: SurveyId, codes: &str, files: &[FileData]) -> ImportOutcome {
        let code = |text: &str, file: Option<&str>| {
            read_answer_code(text, survey).map(|answer| vec![answer]).map_err(|error| Refused::Code {
                code: text.chars().take(16).collect(),
                file: file.map(String::from),
                error,
            })
        };
        let mut read: Vec<Result<Vec<Answer>, Refused>> = codes_in(codes).into_iter().map(|c| code(c, None)).collect();
        for file in files {
            let text = String::from_utf8_lossy(&file.bytes);
            if text.trim_start_matches('\u{feff}').trim_start().starts_with(CODE_PREFIX) {
                read.extend(codes_in(&text).into_iter().map(|c| code(c, Some(&file.name))));
            } else {
                read.push(read_answers(&file.name, &file.bytes, survey).map_err(Refused::Cells));
            }
        }
        let mut outcome = ImportOutcome::default();
        let mut answers = Vec::new();
        for result in read {
            match result {
                Ok(read) => answers.extend(read),
                Err(refused) => outcome.refused.push(refused),
            }
        }
        let added = add_answers(&mut self.answers, answers);
        outcome.added = added.added;
        outcome.duplicates = added.duplicates.into_iter().map(|a| (a.respondent, a.department)).collect();
        outcome
    }
}

/// The codes in a text: each starts with the prefix (at the start or after a space or line
/// break) and runs to the next one, so a code wrapped over lines by an e-mail is read whole and
/// words before the first code are skipped. A text without the prefix is one code (refused as
/// not a code), unless it is blank.
fn codes_in(text: &str) -> Vec<&str> {
    let text = text.trim_start_matches('\u{feff}').trim();
    let starts: Vec<usize> = (text.match_indices(CODE_PREFIX).map(|(i, _)| i))
        .filter(|&i| i == 0 || text[..i].ends_with(char::is_whitespace))
        .collect();
    if starts.is_empty() {
        return if text.is_empty() { Vec::new() } else { vec![text] };
    }
    let ends = starts.iter().skip(1).copied().chain([text.len()]);
    starts.iter().zip(ends).map(|(&start, end)| text[start..end].trim()).collect()
}

/// A survey as the page's picker lists it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct SurveyEntry {
    pub id: SurveyId,
    pub title: String,
    pub answers: usize,
}

/// The Customer Focus page's request: the survey shown (the latest when `None`) and an earlier
/// round to compare it with.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct FocusRequest {
    pub survey: Option<SurveyId>,
    pub earlier: Option<SurveyId>,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct FocusView {
    pub surveys: Vec<SurveyEntry>,
    pub survey: Survey,
    /// The link's fragment (after `#`).
    pub fragment: String,
    pub report: Report,
    /// The respondents kept: (name, department).
    pub respondents: Vec<(String, String)>,
    /// Since `earlier`, when asked and known.
    pub change: Option<Vec<Change>>,
}

impl Analysis for FocusRequest {
    type View = FocusView;
    const NEEDS_LEDGER: bool = false;

    fn answer(self, context: &mut Context) -> Result<FocusView, EmptyReason> {
        let focus = &context.tables.focus;
        let survey = match self.survey {
            Some(id) => focus.survey(id).ok(),
            None => focus.surveys.last(),
        };
        let survey = survey.ok_or(EmptyReason::NoSurvey)?;
        let report = Report::of(survey, &focus.answers);
        let change = self
            .earlier
            .and_then(|id| focus.survey(id).ok())
            .filter(|earlier| earlier.id != survey.id)
            .map(|earlier| report.change_since(&Report::of(earlier, &focus.answers)));
        let count = |id: SurveyId| focus.answers.iter().filter(|a| a.survey == id).count();
        Ok(FocusView {
            surveys: focus
                .surveys
                .iter()
                .map(|s| SurveyEntry { id: s.id, title: s.title.clone(), answers: count(s.id) })
                .collect(),
            fragment: survey_fragment(survey),
            respondents: (focus.answers.iter().filter(|a| a.survey == survey.id))
                .map(|a| (a.respondent.clone(), a.department.clone()))
                .collect(),
            report,
            change,
            survey: survey.clone(),
        })
    }
}

/// The respondent's page: the survey its link's fragment carries.
#[derive(Clone, Debug, Serialize, Deserialize)]
pub struct SurveyLinkRequest {
    pub fragment: String,
}

impl Analysis for SurveyLinkRequest {
    type View = Result<Survey, CodeError>;
    const NEEDS_LEDGER: bool = false;

    fn answer(self, _: &mut Context) -> Result<Self::View, EmptyReason> {
        Ok(read_survey_fragment(&self.fragment))
    }
}

/// The respondent's answer, as a code to copy (also the answer file's content).
#[derive(Clone, Debug, Serialize, Deserialize)]
pub struct AnswerCodeRequest {
    pub answer: Answer,
}

impl Analysis for AnswerCodeRequest {
    type View = Result<String, CodeError>;
    const NEEDS_LEDGER: bool = false;

    fn answer(self, _: &mut Context) -> Result<Self::View, EmptyReason> {
        Ok(answer_code(&self.answer))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::engine::customer_focus::survey::{Score, Scores};

    fn created(tables: &FocusTables, title: &str) -> (FocusTables, SurveyId) {
        let edit = FocusEdit::Create { title: title.into(), date: "2026-12-01".into(), like: None, nonce: 1 };
        let (tables, saved) = tables.edit(edit).unwrap();
        (tables, saved.survey)
    }

    fn file(name: &str, text: &str) -> FileData {
        FileData { name: name.into(), bytes: text.as_bytes().to_vec() }
    }

    #[test]
    fn codes_files_and_csv_are_imported_with_duplicates_and_refusals_reported() {
        let (tables, id) = created(&FocusTables::default(), "Round 1");
        let (tables, other) = created(&tables, "Other survey");
        let mut answer = Answer::blank(id, "", "Sales", 9);
        answer.scores[0] = Scores { current: Score::new(2), priority: Score::new(4) };
        let code = answer_code(&answer).unwrap();
        let foreign = answer_code(&Answer { survey: other, ..answer.clone() }).unwrap();
        // Pasted: the code twice (once wrapped over two lines) and another survey's code; an
        // answer file with the code again; a CSV with one respondent and one with a bad score.
        let pasted = format!("{code}\n{}\n{}\n{foreign}", &code[..30], &code[30..]);
        let files = vec![
            file("answer.txt", &format!("{code}\n")),
            file("tool.csv", "respondent,department,aspect,current,priority\nBo,Service,1,4,4\n"),
            file("bad.csv", "respondent,department,aspect,current,priority\nCy,Service,1,7,4\n"),
        ];
        let edit = FocusEdit::Import { survey: id, codes: pasted, files };
        let (tables, saved) = tables.edit(edit).unwrap();
        let outcome = saved.import.unwrap();
        assert_eq!(outcome.added, 2, "the code once and Bo");
        assert_eq!(outcome.duplicates, [(String::new(), "Sales".into()), (String::new(), "Sales".into())]);
        assert_eq!(outcome.refused.len(), 2);
        assert!(matches!(&outcome.refused[0], Refused::Code { error: CodeError::OtherSurvey { .. }, file: None, .. }));
        let Refused::Cells(cells) = &outcome.refused[1] else { panic!("the bad CSV is refused") };
        assert_eq!(
            cells[0].to_string(),
            "bad.csv:2:4: current '7': not a score; write a whole number from 1 to 5, or leave it blank"
        );
        // The report counts each respondent once: aspect 1's current (2 + 4) / 2 = 3.
        let report = Report::of(tables.survey(id).unwrap(), &tables.answers);
        assert_eq!((report.respondents, report.aspects[0].current), (2, Some(3.0)));
    }

    #[test]
    fn a_new_round_copies_the_earlier_texts_and_edits_are_checked() {
        let (tables, first) = created(&FocusTables::default(), "Round 1");
        let mut edited = tables.survey(first).unwrap().clone();
        edited.aspects[0].statement.en = "Our own statement".into();
        let (tables, _) = tables.edit(FocusEdit::Save(edited.clone())).unwrap();
        let like = FocusEdit::Create { title: "Round 2".into(), date: String::new(), like: Some(first), nonce: 2 };
        let (tables, second) = tables.edit(like).unwrap();
        assert_eq!(tables.survey(second.survey).unwrap().aspects[0].statement.en, "Our own statement");
        assert_ne!(second.survey, first);
        edited.domains[0].nl = " ".into();
        assert_eq!(tables.edit(FocusEdit::Save(edited)).unwrap_err(), FocusError::EmptyText);
        let bad_date = FocusEdit::Create { title: "R".into(), date: "1-12-2026".into(), like: None, nonce: 3 };
        assert_eq!(tables.edit(bad_date).unwrap_err(), FocusError::BadDate { value: "1-12-2026".into() });
    }
}

//! A survey (one round of the assessment: its id, title, date, domains and statements) and the
//! answers of its respondents.

use super::assessment::{standard_aspects, standard_domains, Aspect, Texts, ASPECTS};
use crate::engine::date::Day;
use serde::{Deserialize, Serialize};

/// A survey's id: carried by its link and by every answer code, so an answer to another survey
/// is refused.
#[derive(Copy, Clone, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub struct SurveyId(pub u32);

impl std::fmt::Display for SurveyId {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{:08X}", self.0)
    }
}

impl std::str::FromStr for SurveyId {
    type Err = std::num::ParseIntError;

    /// The id as `Display` writes it (eight hexadecimal digits), as the page's address holds it.
    fn from_str(text: &str) -> Result<SurveyId, Self::Err> {
        u32::from_str_radix(text, 16).map(SurveyId)
    }
}

/// One round of the assessment.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Survey {
    pub id: SurveyId,
    pub title: String,
    /// The round's date (when it was sent out), if given.
    pub date: Option<Day>,
    pub domains: Vec<Texts>,
    /// Always `ASPECTS` long: aspect n is `aspects[n - 1]`.
    pub aspects: Vec<Aspect>,
}

impl Survey {
    /// A survey with the standard domains and statements.
    pub fn standard(id: SurveyId, title: &str, date: Option<Day>) -> Survey {
        Survey { id, title: title.into(), date, domains: standard_domains(), aspects: standard_aspects() }
    }

    /// A new id for a survey: a CRC-32 of its title, date and the page's clock (`nonce`),
    /// different from every id in `taken`.
    pub fn new_id(title: &str, nonce: u64, taken: &[SurveyId]) -> SurveyId {
        let mut hasher = crc32fast::Hasher::new();
        hasher.update(title.as_bytes());
        hasher.update(&nonce.to_le_bytes());
        let mut id = hasher.finalize();
        while taken.contains(&SurveyId(id)) {
            id = id.wrapping_add(1);
        }
        SurveyId(id)
    }
}

/// One score, 1 (lowest) to 5.
#[derive(Copy, Clone, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub struct Score(u8);

impl Score {
    pub fn new(value: u8) -> Option<Score> {
        (1..=5).contains(&value).then_some(Score(value))
    }

    pub fn value(self) -> u8 {
        self.0
    }
}

/// One aspect as a respondent scored it; either score may be left blank.
#[derive(Copy, Clone, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct Scores {
    pub current: Option<Score>,
    pub priority: Option<Score>,
}

/// One respondent's answers to a survey.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Answer {
    pub survey: SurveyId,
    /// Empty when the respondent stayed anonymous.
    pub respondent: String,
    pub department: String,
    /// A number the respondent's browser drew when the answer was made: two anonymous answers of
    /// one department stay apart, while the same code imported twice is the same answer. Zero
    /// for answers read from a CSV (named there).
    pub token: u32,
    /// `ASPECTS` long.
    pub scores: Vec<Scores>,
}

impl Answer {
    /// Whether `other` is the same respondent's answer: the same survey and department and, for
    /// a named respondent, the same name (case and surrounding spaces aside), for an anonymous
    /// one the same token.
    pub fn same_respondent(&self, other: &Answer) -> bool {
        let fold = |s: &str| s.trim().to_lowercase();
        let same_name = match (self.respondent.trim().is_empty(), other.respondent.trim().is_empty()) {
            (false, false) => fold(&self.respondent) == fold(&other.respondent),
            (true, true) => self.token == other.token,
            _ => false,
        };
        self.survey == other.survey && fold(&self.department) == fold(&other.department) && same_name
    }

    /// An answer with every aspect blank.
    pub fn blank(survey: SurveyId, respondent: &str, department: &str, token: u32) -> Answer {
        Answer {
            survey,
            respondent: respondent.into(),
            department: department.into(),
            token,
            scores: vec![Scores::default(); ASPECTS],
        }
    }
}

/// The answers kept, and those noticed as a respondent already kept.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Added {
    pub added: usize,
    /// The later answers of respondents already kept (not counted again).
    pub duplicates: Vec<Answer>,
}

/// Adds `new` to `kept`, leaving out (and returning) each answer of a respondent already kept:
/// the first answer of a respondent counts.
pub fn add_answers(kept: &mut Vec<Answer>, new: Vec<Answer>) -> Added {
    let mut outcome = Added::default();
    for answer in new {
        if kept.iter().any(|k| k.same_respondent(&answer)) {
            outcome.duplicates.push(answer);
        } else {
            kept.push(answer);
            outcome.added += 1;
        }
    }
    outcome
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_same_respondent_is_noticed_and_counted_once() {
        let survey = SurveyId(7);
        let mut kept = vec![Answer::blank(survey, "An", "Sales", 0)];
        let new = vec![
            Answer::blank(survey, " an ", "sales", 0), // the same name and department: a duplicate
            Answer::blank(survey, "An", "Service", 0), // another department: another respondent
            Answer::blank(survey, "", "Sales", 41),    // anonymous
            Answer::blank(survey, "", "Sales", 41),    // the same code twice: a duplicate
            Answer::blank(survey, "", "Sales", 42),    // another anonymous respondent
            Answer::blank(SurveyId(8), "An", "Sales", 0), // another survey
        ];
        let added = add_answers(&mut kept, new);
        assert_eq!(added.added, 4);
        assert_eq!(added.duplicates.len(), 2);
        assert_eq!((added.duplicates[0].respondent.as_str(), added.duplicates[1].token), (" an ", 41));
        assert_eq!(kept.len(), 5);
    }

    #[test]
    fn scores_are_one_to_five_and_ids_are_unique() {
        assert_eq!((Score::new(0), Score::new(6), Score::new(5).map(Score::value)), (None, None, Some(5)));
        let first = Survey::new_id("Round 1", 1, &[]);
        assert_eq!(Survey::new_id("Round 1", 1, &[]), first, "the same inputs give the same id");
        assert_ne!(Survey::new_id("Round 1", 1, &[first]), first);
        assert_eq!(first.to_string().parse::<SurveyId>(), Ok(first));
    }
}

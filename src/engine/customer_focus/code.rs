//! The texts that carry a survey to its respondents and their answers back, with no server: an
//! answer code (a few dozen characters to copy and paste, or saved as an answer file) and the
//! survey's link fragment. Both are compact bytes ending in a CRC-32 of the rest, written in
//! URL-safe base64 without padding, so a mistyped or cut code is refused as corrupted, and an
//! answer code carries its survey's id, so an answer to another survey is refused as such.
//!
//! Answer code bytes: version (1), survey id (u32 LE), token (u32 LE), the respondent's name and
//! department (a length byte, then UTF-8), one byte per aspect (current × 6 + priority, 0 for a
//! blank score), CRC-32 (LE). Survey link: version (1), the survey in postcard with each
//! statement and domain name left out (`None`) where it is the standard one, CRC-32 (LE).

use super::assessment::{standard_aspects, standard_domains, Aspect, Texts, ASPECTS};
use super::survey::{Answer, Score, Scores, Survey, SurveyId};
use crate::engine::date::Day;
use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use base64::Engine;
use serde::{Deserialize, Serialize};
use std::fmt;

/// What every answer code starts with (so an answer file is recognised among CSV files).
pub const CODE_PREFIX: &str = "CF1-";
/// The link's fragment starts with this (`#survey=...`).
pub const LINK_KEY: &str = "survey=";
const VERSION: u8 = 1;

/// Why a code or a link cannot be read.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum CodeError {
    /// Not an answer code (or survey link) at all.
    NotACode,
    /// The checksum does not match: a character was mistyped or the code was cut.
    Corrupted,
    /// A sound answer code of another survey.
    OtherSurvey { expected: SurveyId, found: SurveyId },
    /// A name or department longer than a code carries (255 bytes).
    TextTooLong,
}

impl fmt::Display for CodeError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            CodeError::NotACode => write!(f, "this is not an answer code; paste the code the respondent sent, starting with {CODE_PREFIX}"),
            CodeError::Corrupted => write!(f, "this code is damaged (a character is wrong or missing); ask the respondent to send it again or to send the answer file"),
            CodeError::OtherSurvey { expected, found } => {
                write!(f, "this code answers another survey ({found}), not this one ({expected}); import it into its own survey")
            }
            CodeError::TextTooLong => write!(f, "the name or department is too long for an answer code; shorten it"),
        }
    }
}

impl std::error::Error for CodeError {}

fn seal(mut bytes: Vec<u8>) -> String {
    let crc = crc32fast::hash(&bytes);
    bytes.extend_from_slice(&crc.to_le_bytes());
    URL_SAFE_NO_PAD.encode(bytes)
}

/// The bytes before the checksum of a sealed text, refusing a bad alphabet, a wrong checksum or
/// an unknown version.
fn unseal(text: &str) -> Result<Vec<u8>, CodeError> {
    let compact: String = text.chars().filter(|c| !c.is_whitespace()).collect();
    let mut bytes = URL_SAFE_NO_PAD.decode(compact).map_err(|_| CodeError::Corrupted)?;
    if bytes.len() < 5 {
        return Err(CodeError::Corrupted);
    }
    let crc = bytes.split_off(bytes.len() - 4);
    if crc32fast::hash(&bytes).to_le_bytes() != crc[..] || bytes[0] != VERSION {
        return Err(CodeError::Corrupted);
    }
    Ok(bytes)
}

/// The answer as a code to copy.
pub fn answer_code(answer: &Answer) -> Result<String, CodeError> {
    let mut bytes = vec![VERSION];
    bytes.extend_from_slice(&answer.survey.0.to_le_bytes());
    bytes.extend_from_slice(&answer.token.to_le_bytes());
    for text in [&answer.respondent, &answer.department] {
        let length = u8::try_from(text.len()).map_err(|_| CodeError::TextTooLong)?;
        bytes.push(length);
        bytes.extend_from_slice(text.as_bytes());
    }
    let value = |s: Option<Score>| s.map_or(0, Score::value);
    bytes.extend(answer.scores.iter().map(|s| value(s.current) * 6 + value(s.priority)));
    Ok(format!("{CODE_PREFIX}{}", seal(bytes)))
}

/// Reads an answer code of the survey `expected`.
pub fn read_answer_code(code: &str, expected: SurveyId) -> Result<Answer, CodeError> {
    let body = code.trim().strip_prefix(CODE_PREFIX).ok_or(CodeError::NotACode)?;
    let bytes = unseal(body)?;
    let mut reader = Reader { bytes: &bytes[1..] };
    let survey = SurveyId(reader.u32()?);
    let token = reader.u32()?;
    let (respondent, department) = (reader.text()?, reader.text()?);
    let scores = reader.take(ASPECTS)?.iter().map(|&b| scores_of(b)).collect::<Option<Vec<_>>>();
    let scores = scores.filter(|_| reader.bytes.is_empty()).ok_or(CodeError::Corrupted)?;
    if survey != expected {
        return Err(CodeError::OtherSurvey { expected, found: survey });
    }
    Ok(Answer { survey, respondent, department, token, scores })
}

fn scores_of(byte: u8) -> Option<Scores> {
    let score = |v: u8| if v == 0 { Some(None) } else { Score::new(v).map(Some) };
    (byte < 36).then_some(())?;
    Some(Scores { current: score(byte / 6)?, priority: score(byte % 6)? })
}

struct Reader<'b> {
    bytes: &'b [u8],
}

impl<'b> Reader<'b> {
    fn take(&mut self, n: usize) -> Result<&'b [u8], CodeError> {
        let taken = self.bytes.get(..n).ok_or(CodeError::Corrupted)?;
        self.bytes = &self.bytes[n..];
        Ok(taken)
    }

    fn u32(&mut self) -> Result<u32, CodeError> {
        let bytes = self.take(4)?;
        Ok(u32::from_le_bytes([bytes[0], bytes[1], bytes[2], bytes[3]]))
    }

    fn text(&mut self) -> Result<String, CodeError> {
        let length = self.take(1)?[0] as usize;
        String::from_utf8(self.take(length)?.to_vec()).map_err(|_| CodeError::Corrupted)
    }
}

/// A survey as its link carries it: standard texts left out.
#[derive(Serialize, Deserialize)]
struct Link {
    id: SurveyId,
    title: String,
    date: Option<Day>,
    domains: Vec<Option<Texts>>,
    aspects: Vec<(u8, Option<Texts>)>,
}

/// The link's fragment for `survey` (`survey=...`, after the `#`).
pub fn survey_fragment(survey: &Survey) -> String {
    let unless = |text: &Texts, standard: Option<&Texts>| (Some(text) != standard).then(|| text.clone());
    let (domains, aspects) = (standard_domains(), standard_aspects());
    let link = Link {
        id: survey.id,
        title: survey.title.clone(),
        date: survey.date,
        domains: survey.domains.iter().enumerate().map(|(i, d)| unless(d, domains.get(i))).collect(),
        aspects: survey
            .aspects
            .iter()
            .enumerate()
            .map(|(i, a)| (a.domain as u8, unless(&a.statement, aspects.get(i).map(|s| &s.statement))))
            .collect(),
    };
    let mut bytes = vec![VERSION];
    bytes.extend(postcard::to_allocvec(&link).unwrap_or_default());
    format!("{LINK_KEY}{}", seal(bytes))
}

/// The survey a link's fragment carries (with or without its `#`).
pub fn read_survey_fragment(fragment: &str) -> Result<Survey, CodeError> {
    let body = fragment.trim_start_matches('#').strip_prefix(LINK_KEY).ok_or(CodeError::NotACode)?;
    let bytes = unseal(body)?;
    let link: Link = postcard::from_bytes(&bytes[1..]).map_err(|_| CodeError::Corrupted)?;
    let (domains, aspects) = (standard_domains(), standard_aspects());
    let domains: Vec<Texts> = (link.domains.into_iter().enumerate())
        .map(|(i, d)| d.or_else(|| domains.get(i).cloned()).ok_or(CodeError::Corrupted))
        .collect::<Result<_, _>>()?;
    let aspects: Vec<Aspect> = (link.aspects.into_iter().zip(aspects))
        .map(|((domain, text), standard)| Aspect {
            domain: domain as usize,
            statement: text.unwrap_or(standard.statement),
            source: standard.source,
        })
        .collect();
    if aspects.len() != ASPECTS || aspects.iter().any(|a| a.domain >= domains.len()) {
        return Err(CodeError::Corrupted);
    }
    Ok(Survey { id: link.id, title: link.title, date: link.date, domains, aspects })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn answer() -> Answer {
        let mut answer = Answer::blank(SurveyId(0xC0FFEE), "Anne de Vries", "Verkoop & Service", 77);
        answer.scores[0] = Scores { current: Score::new(2), priority: Score::new(5) };
        answer.scores[21] = Scores { current: None, priority: Score::new(1) };
        answer
    }

    #[test]
    fn an_answer_code_round_trips_and_is_compact() {
        let code = answer_code(&answer()).unwrap();
        // 1 + 4 + 4 + (1 + 13) + (1 + 17) + 22 + 4 = 67 bytes, 90 base64 characters (67 × 4 / 3,
        // rounded up), after the four of the prefix.
        assert_eq!(code.len(), 4 + 90);
        assert!(code.starts_with(CODE_PREFIX));
        assert_eq!(read_answer_code(&code, SurveyId(0xC0FFEE)), Ok(answer()));
        // Line breaks and spaces from an e-mail are ignored.
        let wrapped = format!("  {}\n{}  ", &code[..40], &code[40..]);
        assert_eq!(read_answer_code(&wrapped, SurveyId(0xC0FFEE)), Ok(answer()));
    }

    #[test]
    fn a_corrupted_code_and_another_surveys_code_are_refused_with_their_reason() {
        let code = answer_code(&answer()).unwrap();
        // One character changed: the checksum no longer matches.
        let mut typo: Vec<char> = code.chars().collect();
        typo[20] = if typo[20] == 'A' { 'B' } else { 'A' };
        let typo: String = typo.into_iter().collect();
        assert_eq!(read_answer_code(&typo, SurveyId(0xC0FFEE)), Err(CodeError::Corrupted));
        assert_eq!(read_answer_code(&code[..code.len() - 3], SurveyId(0xC0FFEE)), Err(CodeError::Corrupted));
        assert_eq!(read_answer_code("hello", SurveyId(0xC0FFEE)), Err(CodeError::NotACode));
        let other = read_answer_code(&code, SurveyId(5)).unwrap_err();
        assert_eq!(other, CodeError::OtherSurvey { expected: SurveyId(5), found: SurveyId(0xC0FFEE) });
        assert_eq!(
            other.to_string(),
            "this code answers another survey (00C0FFEE), not this one (00000005); import it into its own survey"
        );
    }

    #[test]
    fn a_survey_travels_in_its_link_with_its_edits() {
        let mut survey = Survey::standard(SurveyId(9), "Ronde 2", Day::from_ymd(2026, 11, 30));
        survey.aspects[3].statement.nl = "Eigen tekst".into();
        survey.domains[4].en = "Markets".into();
        let fragment = survey_fragment(&survey);
        assert!(fragment.starts_with(LINK_KEY));
        // The standard texts stay out of the link: it is far shorter than the statements.
        assert!(fragment.len() < 300, "{}", fragment.len());
        assert_eq!(read_survey_fragment(&format!("#{fragment}")), Ok(survey));
        assert_eq!(read_survey_fragment("#survey=AAAA"), Err(CodeError::Corrupted));
        assert_eq!(read_survey_fragment("#/pyramid"), Err(CodeError::NotACode));
    }
}

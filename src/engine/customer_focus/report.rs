//! The report of a survey's answers: per aspect the mean current score and the mean priority
//! over those who scored it, the gap (priority - current), response counts and spread, and
//! whether departments disagree; the ranked priorities for improvement for the company and per
//! domain; each department against the company; the change per aspect since an earlier round.
//!
//! Means are kept as exact sums and counts, so the ranking's ties (largest gap first; then the
//! higher priority; then the aspect number) are decided exactly, never by a float's rounding.

use super::survey::{Answer, Score, Survey};
use serde::{Deserialize, Serialize};
use std::cmp::Ordering;

/// Scores of one aspect (or one department's of it): their sum, count and sum of squares.
#[derive(Copy, Clone, Debug, Default, PartialEq, Eq)]
struct Tally {
    sum: u64,
    count: u64,
    squares: u64,
}

impl Tally {
    fn add(&mut self, score: Option<Score>) {
        if let Some(score) = score {
            let value = u64::from(score.value());
            (self.sum, self.count, self.squares) = (self.sum + value, self.count + 1, self.squares + value * value);
        }
    }

    fn mean(self) -> Option<f64> {
        (self.count > 0).then(|| self.sum as f64 / self.count as f64)
    }

    /// The population standard deviation: the spread of these respondents' scores, dividing by
    /// their number (so one score has spread 0).
    fn spread(self) -> Option<f64> {
        let mean = self.mean()?;
        Some((self.squares as f64 / self.count as f64 - mean * mean).max(0.0).sqrt())
    }

    /// The mean as a fraction (numerator, denominator).
    fn fraction(self) -> Option<Fraction> {
        (self.count > 0).then_some((i128::from(self.sum), i128::from(self.count)))
    }
}

/// A mean as an exact fraction: (numerator, denominator).
type Fraction = (i128, i128);

/// a - b of two fractions.
fn minus((an, ad): Fraction, (bn, bd): Fraction) -> Fraction {
    (an * bd - bn * ad, ad * bd)
}

fn compare((an, ad): Fraction, (bn, bd): Fraction) -> Ordering {
    (an * bd).cmp(&(bn * ad))
}

/// One aspect's results.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct AspectResult {
    /// 1-based, as the CSV and the page number it.
    pub aspect: usize,
    pub domain: usize,
    pub current: Option<f64>,
    pub priority: Option<f64>,
    /// priority - current, when both were scored.
    pub gap: Option<f64>,
    /// Respondents who scored it (current, priority or both).
    pub respondents: usize,
    /// Standard deviations (population) of the current scores and of the priorities.
    pub current_spread: Option<f64>,
    pub priority_spread: Option<f64>,
    /// Departments' means are more than one point apart, on the current score or the priority.
    pub departments_disagree: bool,
    /// Its place in the importance-performance grid, when both scores are known.
    pub quadrant: Option<Quadrant>,
}

/// Martilla and James's (1977) four quadrants of the importance-performance grid: performance
/// (here the current score) across, importance (the priority for improvement) up, divided at
/// the means of the aspects' means (`Report::centre`). An aspect on a dividing line counts as
/// high on that axis.
#[derive(Copy, Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum Quadrant {
    /// High priority, low current score.
    ConcentrateHere,
    /// High priority, high current score.
    KeepUpTheGoodWork,
    /// Low priority, low current score.
    LowPriority,
    /// Low priority, high current score.
    PossibleOverkill,
}

impl Quadrant {
    fn of(current: f64, priority: f64, (centre_current, centre_priority): (f64, f64)) -> Quadrant {
        match (priority >= centre_priority, current >= centre_current) {
            (true, false) => Quadrant::ConcentrateHere,
            (true, true) => Quadrant::KeepUpTheGoodWork,
            (false, false) => Quadrant::LowPriority,
            (false, true) => Quadrant::PossibleOverkill,
        }
    }
}

/// One domain: the means of its aspects' means (each aspect weighs the same), and its aspects
/// ranked for improvement.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct DomainResult {
    pub domain: usize,
    pub current: Option<f64>,
    pub priority: Option<f64>,
    pub gap: Option<f64>,
    pub priorities: Vec<usize>,
}

/// Means of one aspect or domain: current and priority.
#[derive(Copy, Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct Means {
    pub current: Option<f64>,
    pub priority: Option<f64>,
}

/// One department against the company.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct DepartmentResult {
    pub department: String,
    pub respondents: usize,
    /// Per aspect, in order.
    pub aspects: Vec<Means>,
    /// Per domain (the mean of its aspects' means), in order.
    pub domains: Vec<Means>,
    /// Per domain: the department's mean current score minus the company's.
    pub current_vs_company: Vec<Option<f64>>,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Report {
    pub respondents: usize,
    pub aspects: Vec<AspectResult>,
    /// Where the grid's quadrants meet: the mean of the aspects' mean current scores and of
    /// their mean priorities (over the aspects with both).
    pub centre: Option<(f64, f64)>,
    /// Aspect numbers, the largest gap first (ties: the higher priority, then the lower number).
    pub priorities: Vec<usize>,
    pub domains: Vec<DomainResult>,
    /// Sorted by name.
    pub departments: Vec<DepartmentResult>,
}

/// Per aspect: later round minus earlier round.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Change {
    pub aspect: usize,
    pub current: Option<f64>,
    pub priority: Option<f64>,
    pub gap: Option<f64>,
}

/// The tallies of `answers` per aspect: (current, priority, respondents).
fn tallies<'a>(answers: impl Iterator<Item = &'a Answer>, aspects: usize) -> Vec<(Tally, Tally, usize)> {
    let mut tallies = vec![(Tally::default(), Tally::default(), 0); aspects];
    for answer in answers {
        for (tally, scores) in tallies.iter_mut().zip(&answer.scores) {
            tally.0.add(scores.current);
            tally.1.add(scores.priority);
            tally.2 += usize::from(scores.current.is_some() || scores.priority.is_some());
        }
    }
    tallies
}

fn mean_of(values: impl Iterator<Item = Option<f64>>) -> Option<f64> {
    let present: Vec<f64> = values.flatten().collect();
    (!present.is_empty()).then(|| present.iter().sum::<f64>() / present.len() as f64)
}

/// Whether two fractions' difference (largest minus smallest of `means`) is above one point.
fn spread_above_one(means: &[Fraction]) -> bool {
    let max = means.iter().copied().max_by(|a, b| compare(*a, *b));
    let min = means.iter().copied().min_by(|a, b| compare(*a, *b));
    matches!((max, min), (Some(max), Some(min)) if compare(minus(max, min), (1, 1)) == Ordering::Greater)
}

impl Report {
    pub fn of(survey: &Survey, answers: &[Answer]) -> Report {
        let answers: Vec<&Answer> = answers.iter().filter(|a| a.survey == survey.id).collect();
        let n = survey.aspects.len();
        let company = tallies(answers.iter().copied(), n);
        let departments = department_tallies(&answers, n);
        let aspects: Vec<AspectResult> = (survey.aspects.iter().zip(&company).enumerate())
            .map(|(i, (aspect, &(current, priority, respondents)))| {
                let per_department = |pick: fn(&(Tally, Tally, usize)) -> Tally| {
                    departments.iter().filter_map(|(_, _, t)| pick(&t[i]).fraction()).collect::<Vec<_>>()
                };
                AspectResult {
                    aspect: i + 1,
                    domain: aspect.domain,
                    current: current.mean(),
                    priority: priority.mean(),
                    gap: priority.mean().zip(current.mean()).map(|(p, c)| p - c),
                    respondents,
                    current_spread: current.spread(),
                    priority_spread: priority.spread(),
                    departments_disagree: spread_above_one(&per_department(|t| t.0))
                        || spread_above_one(&per_department(|t| t.1)),
                    quadrant: None,
                }
            })
            .collect();
        let both: Vec<(f64, f64)> = aspects.iter().filter_map(|a| a.current.zip(a.priority)).collect();
        let centre = (!both.is_empty()).then(|| {
            let n = both.len() as f64;
            (both.iter().map(|b| b.0).sum::<f64>() / n, both.iter().map(|b| b.1).sum::<f64>() / n)
        });
        let mut aspects = aspects;
        for aspect in &mut aspects {
            aspect.quadrant = centre.zip(aspect.current.zip(aspect.priority)).map(|(c, (x, y))| Quadrant::of(x, y, c));
        }
        let priorities = ranked(&company);
        let domain_means = |results: &[Means], domain: usize| Means {
            current: mean_of(
                survey.aspects.iter().zip(results).filter(|(a, _)| a.domain == domain).map(|(_, m)| m.current),
            ),
            priority: mean_of(
                survey.aspects.iter().zip(results).filter(|(a, _)| a.domain == domain).map(|(_, m)| m.priority),
            ),
        };
        let company_means: Vec<Means> =
            aspects.iter().map(|a| Means { current: a.current, priority: a.priority }).collect();
        let domains: Vec<DomainResult> = (0..survey.domains.len())
            .map(|domain| {
                let means = domain_means(&company_means, domain);
                DomainResult {
                    domain,
                    current: means.current,
                    priority: means.priority,
                    gap: means.priority.zip(means.current).map(|(p, c)| p - c),
                    priorities: priorities.iter().copied().filter(|a| survey.aspects[a - 1].domain == domain).collect(),
                }
            })
            .collect();
        let departments = departments
            .into_iter()
            .map(|(department, respondents, tallies)| {
                let aspects: Vec<Means> =
                    tallies.iter().map(|(c, p, _)| Means { current: c.mean(), priority: p.mean() }).collect();
                let means: Vec<Means> = (0..survey.domains.len()).map(|d| domain_means(&aspects, d)).collect();
                let current_vs_company =
                    means.iter().zip(&domains).map(|(m, d)| m.current.zip(d.current).map(|(m, c)| m - c)).collect();
                DepartmentResult { department, respondents, aspects, domains: means, current_vs_company }
            })
            .collect();
        Report { respondents: answers.len(), aspects, centre, priorities, domains, departments }
    }

    /// The change per aspect from `earlier` (a report of an earlier round) to this one.
    pub fn change_since(&self, earlier: &Report) -> Vec<Change> {
        let minus = |later: Option<f64>, before: Option<f64>| later.zip(before).map(|(l, b)| l - b);
        self.aspects
            .iter()
            .zip(&earlier.aspects)
            .map(|(later, before)| Change {
                aspect: later.aspect,
                current: minus(later.current, before.current),
                priority: minus(later.priority, before.priority),
                gap: minus(later.gap, before.gap),
            })
            .collect()
    }
}

type DepartmentTallies = (String, usize, Vec<(Tally, Tally, usize)>);

/// Each department's tallies (departments told apart without case), sorted by name.
fn department_tallies(answers: &[&Answer], aspects: usize) -> Vec<DepartmentTallies> {
    let fold = |s: &str| s.trim().to_lowercase();
    let mut names: Vec<String> = Vec::new();
    for answer in answers {
        if !names.iter().any(|n| fold(n) == fold(&answer.department)) {
            names.push(answer.department.trim().to_string());
        }
    }
    names.sort_by_key(|n| fold(n));
    names
        .into_iter()
        .map(|name| {
            let theirs: Vec<&Answer> = answers.iter().copied().filter(|a| fold(&a.department) == fold(&name)).collect();
            (name, theirs.len(), tallies(theirs.into_iter(), aspects))
        })
        .collect()
}

/// The aspects with a gap, largest gap first; ties: higher mean priority, then aspect number.
fn ranked(tallies: &[(Tally, Tally, usize)]) -> Vec<usize> {
    let mut gaps: Vec<(usize, Fraction, Fraction)> = (tallies.iter().enumerate())
        .filter_map(|(i, (c, p, _))| Some((i + 1, minus(p.fraction()?, c.fraction()?), p.fraction()?)))
        .collect();
    gaps.sort_by(|a, b| compare(b.1, a.1).then(compare(b.2, a.2)).then(a.0.cmp(&b.0)));
    gaps.into_iter().map(|(aspect, _, _)| aspect).collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::engine::customer_focus::survey::{Scores, SurveyId};

    fn answer(name: &str, department: &str, scored: &[(usize, u8, u8)]) -> Answer {
        let mut answer = Answer::blank(SurveyId(1), name, department, 0);
        for &(aspect, current, priority) in scored {
            answer.scores[aspect - 1] = Scores { current: Score::new(current), priority: Score::new(priority) };
        }
        answer
    }

    /// Three respondents (0 = blank): A and B in Sales, C in Service.
    fn answers() -> Vec<Answer> {
        vec![
            answer("A", "Sales", &[(1, 2, 5), (2, 4, 4), (6, 3, 4), (7, 3, 4)]),
            answer("B", "Sales", &[(1, 3, 4), (2, 4, 5), (6, 0, 5), (8, 4, 5)]),
            answer("C", "Service", &[(1, 5, 4), (2, 3, 4), (6, 3, 2), (9, 3, 4)]),
        ]
    }

    fn close(a: Option<f64>, b: f64) -> bool {
        a.is_some_and(|a| (a - b).abs() < 1e-9)
    }

    #[test]
    fn means_gaps_spread_and_disagreement_worked_by_hand() {
        let survey = Survey::standard(SurveyId(1), "Round 1", None);
        let report = Report::of(&survey, &answers());
        assert_eq!(report.respondents, 3);
        let a1 = &report.aspects[0];
        // Aspect 1: current (2 + 3 + 5) / 3 = 10/3, priority (5 + 4 + 4) / 3 = 13/3, gap 1.
        // Spread of the current scores: deviations -4/3, -1/3, 5/3; squares 16/9 + 1/9 + 25/9 =
        // 42/9; divided by 3: 14/9; its root 1.2472.
        assert!(close(a1.current, 10.0 / 3.0) && close(a1.priority, 13.0 / 3.0) && close(a1.gap, 1.0));
        assert!(close(a1.current_spread, (14.0f64 / 9.0).sqrt()));
        assert_eq!(a1.respondents, 3);
        // Sales' current mean 2.5, Service's 5: 2.5 points apart, flagged.
        assert!(a1.departments_disagree);
        // Aspect 2: current 11/3, priority 13/3, gap 2/3. Sales 4 and Service 3 on the current
        // score are exactly one point apart (not more), priorities 4.5 and 4: not flagged.
        let a2 = &report.aspects[1];
        assert!(close(a2.gap, 2.0 / 3.0) && !a2.departments_disagree);
        // Aspect 6: current 3 (two scores; B left it blank), priority 11/3, gap 2/3; priorities
        // Sales 4.5, Service 2: flagged.
        let a6 = &report.aspects[5];
        assert!(close(a6.current, 3.0) && close(a6.priority, 11.0 / 3.0) && a6.departments_disagree);
        assert_eq!((a6.respondents, report.aspects[2].respondents, report.aspects[2].gap), (3, 0, None));
    }

    #[test]
    fn priorities_are_ranked_by_gap_then_priority_then_aspect_number() {
        let survey = Survey::standard(SurveyId(1), "Round 1", None);
        let report = Report::of(&survey, &answers());
        // Gaps: aspect 8 is 1 (priority 5), 1 is 1 (13/3), 7 is 1 (4), 9 is 1 (4: after 7 by its
        // number), 2 is 2/3 (13/3), 6 is 2/3 (11/3). Aspects 2 and 6 tie exactly (13/3 - 11/3
        // and 11/3 - 3), which floats would not decide reliably.
        assert_eq!(report.priorities, [8, 1, 7, 9, 2, 6]);
        // Domain 1 (aspects 1-5): current (10/3 + 11/3) / 2 = 3.5, priority 13/3, gap 5/6.
        let processes = &report.domains[0];
        assert!(close(processes.current, 3.5) && close(processes.gap, 5.0 / 6.0));
        assert_eq!(processes.priorities, [1, 2]);
        // Domain 2 (aspects 6-10): current (3 + 3 + 4 + 3) / 4 = 3.25, priority
        // (11/3 + 4 + 5 + 4) / 4 = 50/12.
        let leadership = &report.domains[1];
        assert!(close(leadership.current, 3.25) && close(leadership.priority, 50.0 / 12.0));
        assert_eq!(leadership.priorities, [8, 7, 9, 6]);
    }

    #[test]
    fn the_grid_divides_at_the_mean_of_the_aspects_means() {
        let survey = Survey::standard(SurveyId(1), "Round 1", None);
        let report = Report::of(&survey, &answers());
        // Aspects with both scores: 1 (10/3, 13/3), 2 (11/3, 13/3), 6 (3, 11/3), 7 (3, 4),
        // 8 (4, 5), 9 (3, 4). Current: (10/3 + 11/3 + 3 + 3 + 4 + 3) / 6 = (7 + 13) / 6 = 10/3;
        // priority: (13/3 + 13/3 + 11/3 + 4 + 5 + 4) / 6 = (37/3 + 13) / 6 = 76/18 = 38/9.
        let (current, priority) = report.centre.unwrap();
        assert!((current - 10.0 / 3.0).abs() < 1e-9 && (priority - 38.0 / 9.0).abs() < 1e-9);
        let quadrant = |aspect: usize| report.aspects[aspect - 1].quadrant;
        // 8: 4 >= 10/3 and 5 >= 38/9: keep up. 6: 3 < 10/3, 11/3 < 38/9: low priority. 2:
        // 11/3 >= 10/3, 13/3 >= 38/9: keep up. 9: 3 < 10/3, 4 < 38/9 = 4.22: low priority.
        assert_eq!(quadrant(8), Some(Quadrant::KeepUpTheGoodWork));
        assert_eq!(quadrant(6), Some(Quadrant::LowPriority));
        assert_eq!(quadrant(2), Some(Quadrant::KeepUpTheGoodWork));
        assert_eq!(quadrant(9), Some(Quadrant::LowPriority));
        assert_eq!(quadrant(3), None);
        // The other two quadrants, around a centre (3, 4): current 2 and priority 4.5 is low and
        // high; current 4 and priority 3 is high and low.
        assert_eq!(Quadrant::of(2.0, 4.5, (3.0, 4.0)), Quadrant::ConcentrateHere);
        assert_eq!(Quadrant::of(4.0, 3.0, (3.0, 4.0)), Quadrant::PossibleOverkill);
    }

    #[test]
    fn departments_are_benchmarked_against_the_company() {
        let survey = Survey::standard(SurveyId(1), "Round 1", None);
        let report = Report::of(&survey, &answers());
        let names: Vec<&str> = report.departments.iter().map(|d| d.department.as_str()).collect();
        assert_eq!(names, ["Sales", "Service"]);
        let sales = &report.departments[0];
        assert_eq!(sales.respondents, 2);
        // Sales, aspect 1: current (2 + 3) / 2 = 2.5, priority (5 + 4) / 2 = 4.5. Domain 1:
        // aspects 1 (2.5) and 2 (4): 3.25, against the company's 3.5: -0.25.
        assert!(close(sales.aspects[0].current, 2.5) && close(sales.aspects[0].priority, 4.5));
        assert!(close(sales.domains[0].current, 3.25) && close(sales.current_vs_company[0], -0.25));
    }

    #[test]
    fn a_later_round_shows_the_change_per_aspect() {
        let survey = Survey::standard(SurveyId(1), "Round 1", None);
        let earlier = Report::of(&survey, &answers());
        // Round 2: one respondent, aspect 1 current 4, priority 4.
        let later = Report::of(&survey, &[answer("A", "Sales", &[(1, 4, 4)])]);
        let change = later.change_since(&earlier);
        // Current 4 - 10/3 = 2/3; priority 4 - 13/3 = -1/3; gap 0 - 1 = -1.
        assert!(close(change[0].current, 2.0 / 3.0) && close(change[0].priority, -1.0 / 3.0));
        assert!(close(change[0].gap, -1.0));
        assert_eq!(change[1].current, None, "aspect 2 is not scored in round 2");
    }
}

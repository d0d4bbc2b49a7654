//! The Actions list: what the company decided to do, for whom, by whom and by when, whichever
//! page it was planned on (the Customer Focus improvement planner now; issue 15's interviews,
//! goals and contact plan later). A side table kept with the workspace (`session::tables`).
//! The page sends what the user typed (`ActionDraft`); the engine reads it, so a bad date or
//! amount is refused with the field it is in. Issue 15 adds the pages that list customers as
//! origins (`listed`: the whole list a page shows, as keys), the follow-up against revenue
//! (`follow_up`), the list as a file (`file`) and the page's view with its roll-ups (docs/actions.md).

pub mod file;
pub mod follow_up;
pub mod listed;

use super::cost_pools::parse_hundredths;
use super::customer_focus::survey::SurveyId;
use super::date::Day;
use super::money::Money;
use super::pyramid::Level;
use super::session::analysis::{Analysis, Context, EmptyReason, Selection};
use follow_up::{FollowUp, NotFollowed};
use serde::{Deserialize, Serialize};

#[derive(Copy, Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub enum Status {
    #[default]
    Open,
    InProgress,
    Done,
}

impl Status {
    pub const ALL: [Status; 3] = [Status::Open, Status::InProgress, Status::Done];
}

/// Whom an action is for.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum Target {
    /// Named customers (their keys, as the user wrote them).
    Customers(Vec<String>),
    /// The customers of a pyramid level.
    Level(Level),
    /// An aspect of a Customer Focus survey (1-based).
    FocusAspect { survey: SurveyId, aspect: usize },
}

/// The page an action was planned on.
#[derive(Copy, Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum Origin {
    CustomerFocus,
    Flows,
    Migration,
    CustomerViews,
    Rfm,
    Profitability,
    Pyramid,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Action {
    pub what: String,
    pub target: Target,
    pub owner: String,
    pub start: Option<Day>,
    pub due: Option<Day>,
    pub status: Status,
    pub expected_revenue: Option<Money>,
    pub origin: Origin,
    /// The day it was added (the page's today; none for actions added before issue 15): the
    /// follow-up counts from it when no start was given.
    #[serde(default)]
    pub created: Option<Day>,
}

/// An action as the user typed it: dates as `YYYY-MM-DD` (a date field's value) or empty, the
/// expected revenue as a number with at most two decimals or empty.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ActionDraft {
    pub what: String,
    pub target: Target,
    pub owner: String,
    pub start: String,
    pub due: String,
    pub expected_revenue: String,
    pub origin: Origin,
    /// The page's today when the action is added.
    #[serde(default)]
    pub created: Option<Day>,
}

/// Which field of a draft is wrong.
#[derive(Copy, Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum ActionField {
    What,
    Start,
    Due,
    ExpectedRevenue,
}

/// A draft the list refuses: its position among the drafts sent, the field and what was typed.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ActionError {
    pub draft: usize,
    pub field: ActionField,
    pub value: String,
}

/// A change to the list.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum ActionEdit {
    /// New actions, appended (all or, on a bad draft, none).
    Add(Vec<ActionDraft>),
    SetStatus {
        index: usize,
        status: Status,
    },
    Remove {
        index: usize,
    },
    SetOwner {
        index: usize,
        owner: String,
    },
    /// The due date as typed (`YYYY-MM-DD`, or empty for none).
    SetDue {
        index: usize,
        due: String,
    },
}

/// A text that is neither empty nor a `YYYY-MM-DD` date.
#[derive(Copy, Clone, Debug, PartialEq, Eq)]
pub struct NotADate;

/// `YYYY-MM-DD` as a day; empty is none.
pub fn parse_day(text: &str) -> Result<Option<Day>, NotADate> {
    let text = text.trim();
    if text.is_empty() {
        return Ok(None);
    }
    let mut parts = text.splitn(3, '-').map(|p| p.parse::<u32>().ok());
    match (parts.next().flatten(), parts.next().flatten(), parts.next().flatten()) {
        (Some(y), Some(m), Some(d)) if y <= 9999 => Day::from_ymd(y as i32, m, d).map(Some).ok_or(NotADate),
        _ => Err(NotADate),
    }
}

impl ActionDraft {
    fn read(&self, draft: usize) -> Result<Action, ActionError> {
        let error = |field, value: &str| ActionError { draft, field, value: value.into() };
        if self.what.trim().is_empty() {
            return Err(error(ActionField::What, &self.what));
        }
        let start = parse_day(&self.start).map_err(|_| error(ActionField::Start, &self.start))?;
        let due = parse_day(&self.due).map_err(|_| error(ActionField::Due, &self.due))?;
        let revenue = self.expected_revenue.trim();
        let expected_revenue = match revenue {
            "" => None,
            text => Some(
                parse_hundredths(text)
                    .filter(|&c| c <= Money::LINE_LIMIT.cents().unsigned_abs())
                    .map(|c| Money::from_cents(c as i64))
                    .ok_or_else(|| error(ActionField::ExpectedRevenue, text))?,
            ),
        };
        Ok(Action {
            what: self.what.trim().into(),
            target: self.target.clone(),
            owner: self.owner.trim().into(),
            start,
            due,
            status: Status::Open,
            expected_revenue,
            origin: self.origin,
            created: self.created,
        })
    }
}

/// `actions` after `edit`, or the first bad draft (the list is then unchanged). An index beyond
/// the list changes nothing (the page showed a list that has since changed).
pub fn edit(actions: &[Action], edit: ActionEdit) -> Result<Vec<Action>, ActionError> {
    let mut actions = actions.to_vec();
    match edit {
        ActionEdit::Add(drafts) => {
            let new = drafts.iter().enumerate().map(|(i, d)| d.read(i)).collect::<Result<Vec<_>, _>>()?;
            actions.extend(new);
        }
        ActionEdit::SetStatus { index, status } => {
            if let Some(action) = actions.get_mut(index) {
                action.status = status;
            }
        }
        ActionEdit::Remove { index } => {
            if index < actions.len() {
                actions.remove(index);
            }
        }
        ActionEdit::SetOwner { index, owner } => {
            if let Some(action) = actions.get_mut(index) {
                action.owner = owner.trim().into();
            }
        }
        ActionEdit::SetDue { index, due } => {
            let day = parse_day(&due).map_err(|_| ActionError { draft: index, field: ActionField::Due, value: due })?;
            if let Some(action) = actions.get_mut(index) {
                action.due = day;
            }
        }
    }
    Ok(actions)
}

/// The Actions page's request: the list with each action's follow-up, filtered by status and
/// owner (none: every one).
#[derive(Clone, Debug, Default, Serialize, Deserialize)]
pub struct ActionsRequest {
    /// The page's today: an action due before it and not done is overdue.
    pub today: Option<Day>,
    pub status: Option<Status>,
    pub owner: Option<String>,
}

/// One action as the page lists it.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct ActionRow {
    /// Its place in the whole list (what an edit names).
    pub index: usize,
    pub action: Action,
    pub follow_up: Result<FollowUp, NotFollowed>,
    /// Due before today and not done.
    pub overdue: bool,
}

/// The sums over some actions' follow-ups (docs/actions.md: a customer in two actions counts in
/// both). `expected` and `progress` are over the followed actions that have an expected revenue.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Totals {
    pub actions: usize,
    pub followed: usize,
    pub realised: Money,
    pub baseline: Money,
    pub uplift: Money,
    pub expected: Money,
    pub progress: Option<f64>,
}

impl Totals {
    /// The totals of `rows`; `None` if a sum is beyond what `Money` holds (many actions on
    /// the whole of a huge ledger): the page then says so instead of a wrong figure.
    fn of<'r>(rows: impl IntoIterator<Item = &'r ActionRow>) -> Option<Totals> {
        let (mut actions, mut followed) = (0, 0);
        let mut sums = [0i128; 4];
        let mut uplift_of_expected = 0i128;
        for row in rows {
            actions += 1;
            let Ok(f) = &row.follow_up else { continue };
            followed += 1;
            let expected = row.action.expected_revenue.filter(|e| e.is_positive());
            for (sum, m) in sums.iter_mut().zip([f.realised, f.baseline, f.uplift, expected.unwrap_or(Money::ZERO)]) {
                *sum += i128::from(m.cents());
            }
            if expected.is_some() {
                uplift_of_expected += i128::from(f.uplift.cents());
            }
        }
        let money = |cents: i128| i64::try_from(cents).ok().map(Money::from_cents);
        let progress = (sums[3] > 0).then(|| uplift_of_expected as f64 / sums[3] as f64);
        Some(Totals {
            actions,
            followed,
            realised: money(sums[0])?,
            baseline: money(sums[1])?,
            uplift: money(sums[2])?,
            expected: money(sums[3])?,
            progress,
        })
    }
}

/// The Actions page's answer.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct ActionsView {
    /// How many actions the list holds, filtered or not.
    pub count: usize,
    /// Every owner named in the list, sorted (the filter's choices).
    pub owners: Vec<String>,
    /// The actions the filters keep, in the list's order.
    pub rows: Vec<ActionRow>,
    /// Over `rows`, then per owner (as `owners`, those with a row) and per status.
    pub totals: Option<Totals>,
    pub per_owner: Vec<(String, Option<Totals>)>,
    pub per_status: Vec<(Status, Option<Totals>)>,
}

impl Analysis for ActionsRequest {
    type View = ActionsView;
    /// The list is shown without a ledger too (its follow-up then says `NoLedger`).
    const NEEDS_LEDGER: bool = false;

    fn answer(self, context: &mut Context) -> Result<ActionsView, EmptyReason> {
        let actions = &context.tables.actions;
        let levels_needed = !context.ledger.is_empty() && actions.iter().any(|a| matches!(a.target, Target::Level(_)));
        let prepared = levels_needed.then(|| context.prepare(&Selection::default()));
        let levels = prepared.as_ref().map_or(&[][..], |p| &p.levels[..]);
        let rows: Vec<ActionRow> = (actions.iter().enumerate())
            .filter(|(_, a)| self.status.is_none_or(|s| a.status == s))
            .filter(|(_, a)| self.owner.as_ref().is_none_or(|o| a.owner == *o))
            .map(|(index, action)| ActionRow {
                index,
                action: action.clone(),
                follow_up: follow_up::follow_up(action, context.ledger, || levels),
                overdue: action.status != Status::Done
                    && action.due.zip(self.today).is_some_and(|(due, today)| due < today),
            })
            .collect();
        let owners: Vec<String> =
            actions.iter().map(|a| a.owner.clone()).collect::<std::collections::BTreeSet<_>>().into_iter().collect();
        let per_owner = (owners.iter())
            .filter(|o| rows.iter().any(|r| r.action.owner == **o))
            .map(|o| (o.clone(), Totals::of(rows.iter().filter(|r| r.action.owner == *o))))
            .collect();
        let per_status = (Status::ALL.into_iter())
            .filter(|s| rows.iter().any(|r| r.action.status == *s))
            .map(|s| (s, Totals::of(rows.iter().filter(|r| r.action.status == s))))
            .collect();
        Ok(ActionsView { count: actions.len(), owners, totals: Totals::of(&rows), rows, per_owner, per_status })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn draft(what: &str, due: &str, revenue: &str) -> ActionDraft {
        ActionDraft {
            what: what.into(),
            target: Target::FocusAspect { survey: SurveyId(3), aspect: 8 },
            owner: "Iris".into(),
            start: String::new(),
            due: due.into(),
            expected_revenue: revenue.into(),
            origin: Origin::CustomerFocus,
            created: None,
        }
    }

    #[test]
    fn drafts_are_read_into_actions_and_their_status_follows_the_edits() {
        let added = edit(&[], ActionEdit::Add(vec![draft(" Train the help desk ", "2027-03-31", "1500,5")])).unwrap();
        assert_eq!(added[0].what, "Train the help desk");
        assert_eq!(added[0].due, Day::from_ymd(2027, 3, 31));
        assert_eq!(added[0].expected_revenue, Some(Money::from_cents(150_050)));
        assert_eq!(added[0].status, Status::Open);
        let started = edit(&added, ActionEdit::SetStatus { index: 0, status: Status::InProgress }).unwrap();
        assert_eq!(started[0].status, Status::InProgress);
        assert_eq!(edit(&started, ActionEdit::SetStatus { index: 5, status: Status::Done }).unwrap(), started);
        assert!(edit(&started, ActionEdit::Remove { index: 0 }).unwrap().is_empty());
    }

    #[test]
    fn a_bad_draft_is_refused_with_its_field_and_nothing_is_added() {
        let drafts = vec![draft("Call", "", ""), draft("Visit", "2027-02-30", "")];
        let error = edit(&[], ActionEdit::Add(drafts)).unwrap_err();
        assert_eq!(error, ActionError { draft: 1, field: ActionField::Due, value: "2027-02-30".into() });
        let error = edit(&[], ActionEdit::Add(vec![draft(" ", "", "")])).unwrap_err();
        assert_eq!(error.field, ActionField::What);
        let error = edit(&[], ActionEdit::Add(vec![draft("Call", "", "-5")])).unwrap_err();
        assert_eq!((error.field, error.value.as_str()), (ActionField::ExpectedRevenue, "-5"));
    }

    fn day(y: i32, m: u32, d: u32) -> Option<Day> {
        Day::from_ymd(y, m, d)
    }

    fn action(owner: &str, target: Target, due: Option<Day>, status: Status, expected: Option<i64>) -> Action {
        Action {
            what: format!("For {owner}"),
            target,
            owner: owner.into(),
            start: day(2024, 11, 1),
            due,
            status,
            expected_revenue: expected.map(Money::from_cents),
            origin: Origin::Flows,
            created: None,
        }
    }

    fn view(actions: Vec<Action>, request: ActionsRequest) -> ActionsView {
        use crate::engine::revenue::tests::ledger_of;
        use crate::engine::session::analysis::{AnalysisCache, AnalysisResponse};
        // Started 2024-11-01 on a ledger ending 2024-12-31: 61 days counted, the baseline from
        // 2024-09-01 (see follow_up's first test for the days).
        let ledger = ledger_of(&[
            ("C", (2024, 1, 1), 1),
            ("A", (2024, 9, 1), 2_000),
            ("B", (2024, 10, 31), 1_000),
            ("A", (2024, 11, 1), 3_000),
            ("B", (2024, 12, 31), 2_500),
        ]);
        let tables = crate::engine::session::tables::SideTables { actions, ..Default::default() };
        match AnalysisCache::default().answer_with(&ledger, &tables, request.into()) {
            AnalysisResponse::Actions(view) => view,
            other => panic!("{other:?}"),
        }
    }

    fn three_actions() -> Vec<Action> {
        let aspect = Target::FocusAspect { survey: SurveyId(1), aspect: 4 };
        vec![
            action("Iris", Target::Customers(vec!["A".into()]), day(2024, 12, 1), Status::Open, Some(10_000)),
            action("Bram", Target::Customers(vec!["B".into()]), day(2024, 11, 15), Status::Done, None),
            action("Iris", aspect, day(2025, 1, 10), Status::InProgress, None),
        ]
    }

    #[test]
    fn the_page_gets_each_follow_up_the_overdue_ones_and_the_totals_per_owner_and_status() {
        // A: baseline 20.00 (1 Sep), realised 30.00 (1 Nov): uplift 10.00 of 100.00 expected.
        // B: baseline 10.00 (31 Oct), realised 25.00 (31 Dec): uplift 15.00, nothing expected.
        // The third is a focus aspect's (no follow-up). Today 2024-12-15: the first, due
        // 1 December and open, is overdue; the second is done; the third is due in 2025.
        // Totals: realised 55.00, baseline 30.00, uplift 25.00; expected 100.00 (the first
        // only) and progress over the actions with one: 10 / 100 = 0.1.
        let today = day(2024, 12, 15);
        let all = view(three_actions(), ActionsRequest { today, ..Default::default() });
        assert_eq!((all.count, all.owners.clone()), (3, vec!["Bram".to_string(), "Iris".to_string()]));
        assert_eq!(all.rows.iter().map(|r| r.overdue).collect::<Vec<_>>(), [true, false, false]);
        let cents = |t: &Option<Totals>| {
            t.as_ref().map(|t| {
                (t.actions, t.followed, t.realised.cents(), t.baseline.cents(), t.uplift.cents(), t.expected.cents())
            })
        };
        assert_eq!(cents(&all.totals), Some((3, 2, 5_500, 3_000, 2_500, 10_000)));
        assert_eq!(all.totals.as_ref().and_then(|t| t.progress), Some(0.1));
        let owners: Vec<_> = all.per_owner.iter().map(|(o, t)| (o.as_str(), cents(t))).collect();
        assert_eq!(
            owners,
            [("Bram", Some((1, 1, 2_500, 1_000, 1_500, 0))), ("Iris", Some((2, 1, 3_000, 2_000, 1_000, 10_000)))]
        );
        let statuses: Vec<_> = all.per_status.iter().map(|(s, t)| (*s, cents(t).map(|c| c.0))).collect();
        assert_eq!(statuses, [(Status::Open, Some(1)), (Status::InProgress, Some(1)), (Status::Done, Some(1))]);
        // The filters keep the rows (with their places in the whole list) and their totals.
        let iris = view(three_actions(), ActionsRequest { today, owner: Some("Iris".into()), ..Default::default() });
        assert_eq!(iris.rows.iter().map(|r| r.index).collect::<Vec<_>>(), [0, 2]);
        assert_eq!(cents(&iris.totals), Some((2, 1, 3_000, 2_000, 1_000, 10_000)));
        let done = view(three_actions(), ActionsRequest { status: Some(Status::Done), ..Default::default() });
        assert_eq!((done.count, done.rows.len(), done.rows[0].index), (3, 1, 1));
    }

    #[test]
    fn totals_beyond_what_money_holds_are_refused_not_wrapped() {
        let huge = |index| ActionRow {
            index,
            action: action("Iris", Target::Customers(Vec::new()), None, Status::Open, None),
            follow_up: Ok(FollowUp {
                start: Day::from_number(0),
                end: Day::from_number(0),
                baseline_start: Day::from_number(-1),
                baseline_partial: false,
                customers: 1,
                unknown: 0,
                level_period: None,
                realised: Money::from_cents(i64::MAX / 2 + 1),
                baseline: Money::ZERO,
                uplift: Money::from_cents(i64::MAX / 2 + 1),
                progress: None,
            }),
            overdue: false,
        };
        assert!(Totals::of(&[huge(0)]).is_some());
        assert_eq!(Totals::of(&[huge(0), huge(1)]), None);
    }

    #[test]
    fn owner_and_due_date_are_edited_and_a_bad_due_date_refused() {
        let list = three_actions();
        let owned = edit(&list, ActionEdit::SetOwner { index: 1, owner: " Noor ".into() }).unwrap();
        assert_eq!(owned[1].owner, "Noor");
        let due = edit(&owned, ActionEdit::SetDue { index: 1, due: "2025-02-28".into() }).unwrap();
        assert_eq!(due[1].due, day(2025, 2, 28));
        assert_eq!(edit(&due, ActionEdit::SetDue { index: 1, due: String::new() }).unwrap()[1].due, None);
        let error = edit(&due, ActionEdit::SetDue { index: 1, due: "28-02-2025".into() }).unwrap_err();
        assert_eq!(error, ActionError { draft: 1, field: ActionField::Due, value: "28-02-2025".into() });
    }
}

//! The Actions list: what the company decided to do, for whom, by whom and by when, whichever
//! page it was planned on (the Customer Focus improvement planner now; issue 15's interviews,
//! goals and contact plan later). A side table kept with the workspace (`session::tables`).
//! The page sends what the user typed (`ActionDraft`); the engine reads it, so a bad date or
//! amount is refused with the field it is in.

use super::cost_pools::parse_hundredths;
use super::customer_focus::survey::SurveyId;
use super::date::Day;
use super::money::Money;
use super::pyramid::Level;
use super::session::analysis::{Analysis, Context, EmptyReason};
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
    }
    Ok(actions)
}

/// The Actions page's request: the list.
#[derive(Clone, Debug, Default, Serialize, Deserialize)]
pub struct ActionsRequest;

impl Analysis for ActionsRequest {
    type View = Vec<Action>;
    const NEEDS_LEDGER: bool = false;

    fn answer(self, context: &mut Context) -> Result<Vec<Action>, EmptyReason> {
        Ok(context.tables.actions.clone())
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
}

//! Contact planning (issue 15, docs/contact-planning.md): contact norms per pyramid level
//! (visits, calls and mailings per year, with minutes each), each sales rep's capacity for
//! customer contact, and the realised contacts of an activity file. This file holds the three
//! side tables and their readers (every bad cell an `InputError` naming file, line, column and
//! value, read with `cost_pools::Table` like the cost pools); `plan.rs` turns them into the plan
//! per rep and month, its load against capacity and the comparison with what was realised.

pub mod plan;

use super::cost_pools::{InputError, Minutes, Problem, Row, Table};
use super::date::Day;
use super::pyramid::Level;
use hashbrown::HashSet;
use serde::{Deserialize, Serialize};

pub use plan::{contacts_per_customer, ContactPlanRequest, ContactPlanView, CustomerContacts};

/// A kind of contact with a customer.
#[derive(Copy, Clone, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum ContactType {
    Visit,
    Call,
    Mailing,
}

impl ContactType {
    pub const ALL: [ContactType; 3] = [ContactType::Visit, ContactType::Call, ContactType::Mailing];

    /// The name in the files (`visit`, `call`, `mailing`).
    pub fn name(self) -> &'static str {
        match self {
            ContactType::Visit => "visit",
            ContactType::Call => "call",
            ContactType::Mailing => "mailing",
        }
    }

    /// The English name or the Dutch word (`bezoek`, `telefoon`, `mailing`), in any case.
    pub fn parse(text: &str) -> Option<ContactType> {
        match text.trim().to_lowercase().as_str() {
            "visit" | "bezoek" => Some(ContactType::Visit),
            "call" | "telefoon" => Some(ContactType::Call),
            "mailing" => Some(ContactType::Mailing),
            _ => None,
        }
    }
}

/// How often a customer of one level is contacted in one way per year, and how long it takes.
#[derive(Copy, Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Norm {
    pub level: Level,
    pub contact: ContactType,
    pub per_year: u32,
    /// Minutes per contact.
    pub minutes: Minutes,
}

/// The hours a sales rep has for customer contact in a year.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct RepCapacity {
    pub rep: String,
    /// The hours as minutes (hundredths of an hour x 60 is exact in hundredths of a minute).
    pub per_year: Minutes,
}

/// One realised contact, from the activity file.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Contact {
    /// The customer's id as the ledger has it (one the ledger lacks is reported by the plan).
    pub customer: String,
    pub date: Day,
    pub contact: ContactType,
    /// `None`: the cell was blank, and the norm's minutes count (`plan.rs`).
    pub minutes: Option<Minutes>,
}

/// The contact plan's side tables, kept with the workspace (`SideTables::contacts`).
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct ContactTables {
    /// Entered norms; empty means `DEFAULT_NORMS`.
    pub norms: Vec<Norm>,
    pub capacity: Vec<RepCapacity>,
    pub contacts: Vec<Contact>,
}

const fn norm(level: Level, contact: ContactType, per_year: u32, minutes: u64) -> Norm {
    Norm { level, contact, per_year, minutes: Minutes::from_hundredths(minutes * 100) }
}

/// The norms until the user enters their own. The method gives no figures; these are common B2B
/// account-management practice (docs/contact-planning.md): a Top customer visited monthly, Big
/// every other month, Medium twice a year, Small and inactive customers reached by phone, and
/// every customer on the mailing list.
pub const DEFAULT_NORMS: [Norm; 14] = {
    use ContactType::{Call, Mailing, Visit};
    use Level::{Big, Inactive, Medium, Small, Top};
    [
        norm(Top, Visit, 12, 90),
        norm(Top, Call, 12, 15),
        norm(Top, Mailing, 12, 5),
        norm(Big, Visit, 6, 90),
        norm(Big, Call, 12, 15),
        norm(Big, Mailing, 12, 5),
        norm(Medium, Visit, 2, 60),
        norm(Medium, Call, 6, 15),
        norm(Medium, Mailing, 12, 5),
        norm(Small, Call, 2, 10),
        norm(Small, Mailing, 12, 5),
        norm(Inactive, Visit, 0, 60),
        norm(Inactive, Call, 2, 10),
        norm(Inactive, Mailing, 4, 5),
    ]
};

/// The capacity of a rep the capacity table does not list: 800 hours a year, about half of a
/// full-time year's 1,600 working hours (the rest goes to travel, quotes and administration).
pub const DEFAULT_CAPACITY: Minutes = Minutes::from_hundredths(800 * 60 * 100);

impl ContactTables {
    /// The norms in force: the entered ones, or the defaults when none are entered.
    pub fn norms(&self) -> &[Norm] {
        if self.norms.is_empty() {
            &DEFAULT_NORMS
        } else {
            &self.norms
        }
    }

    /// A rep's yearly capacity and whether it is the default (the rep is not in the table).
    pub fn capacity_of(&self, rep: &str) -> (Minutes, bool) {
        match self.capacity.iter().find(|c| c.rep == rep) {
            Some(c) => (c.per_year, false),
            None => (DEFAULT_CAPACITY, true),
        }
    }

    /// The norm of a level and contact type, if there is one.
    pub fn norm(&self, level: Level, contact: ContactType) -> Option<&Norm> {
        self.norms().iter().find(|n| n.level == level && n.contact == contact)
    }
}

/// The columns of a norms table.
pub const NORM_COLUMNS: [&str; 4] = ["level", "contact_type", "per_year", "minutes"];
/// The columns of a capacity table.
pub const CAPACITY_COLUMNS: [&str; 2] = ["sales_rep", "hours_per_year"];
/// The columns of an activity file (`minutes` may be left out: the norms' minutes count).
pub const CONTACT_COLUMNS: [&str; 4] = ["customer", "date", "type", "minutes"];
const CONTACT_REQUIRED: [&str; 3] = ["customer", "date", "type"];
/// The tables' sheets in a workbook (a CSV file is the table itself).
pub const NORMS_SHEET: &str = "contact_norms";
pub const CAPACITY_SHEET: &str = "capacity";
pub const CONTACTS_SHEET: &str = "contacts";

/// At most this many contacts of one kind per customer and year (more is a typing error).
const MAX_PER_YEAR: u64 = 10_000;
/// A contact (or a norm's contact) takes at most a day.
const MAX_MINUTES: u64 = 1_440 * 100;
/// A rep has at most the hours of a leap year.
const MAX_HOURS: u64 = 8_784 * 100;

/// Reads a norms file: `level,contact_type,per_year,minutes` (a workbook's `contact_norms` sheet).
pub fn parse_norms(file: &str, bytes: &[u8]) -> Result<Vec<Norm>, InputError> {
    norms_in(&Table::read_sheet(file, bytes, NORMS_SHEET, &NORM_COLUMNS)?)
}

/// The norms of a table with `NORM_COLUMNS`; a level and type listed twice is refused.
pub(crate) fn norms_in(table: &Table<'_>) -> Result<Vec<Norm>, InputError> {
    let mut norms: Vec<Norm> = Vec::new();
    for row in table.rows() {
        let level = Level::parse(row.text("level")?).ok_or_else(|| row.error("level", Problem::UnknownLevel))?;
        let contact = contact_type(&row, "contact_type")?;
        if norms.iter().any(|n| n.level == level && n.contact == contact) {
            return Err(row.error("contact_type", Problem::DuplicateNorm));
        }
        let per_year = whole(&row, "per_year", MAX_PER_YEAR)?;
        let minutes = Minutes::from_hundredths(row.hundredths("minutes", MAX_MINUTES)?);
        norms.push(Norm { level, contact, per_year, minutes });
    }
    Ok(norms)
}

/// Reads a capacity file: `sales_rep,hours_per_year` (a workbook's `capacity` sheet).
pub fn parse_capacity(file: &str, bytes: &[u8]) -> Result<Vec<RepCapacity>, InputError> {
    capacity_in(&Table::read_sheet(file, bytes, CAPACITY_SHEET, &CAPACITY_COLUMNS)?)
}

/// The capacities of a table with `CAPACITY_COLUMNS`; a rep listed twice is refused.
pub(crate) fn capacity_in(table: &Table<'_>) -> Result<Vec<RepCapacity>, InputError> {
    let mut capacity = Vec::new();
    let mut reps = HashSet::new();
    for row in table.rows() {
        let rep = row.text("sales_rep")?;
        if !reps.insert(rep) {
            return Err(row.error("sales_rep", Problem::DuplicateRep));
        }
        let hours = row.hundredths("hours_per_year", MAX_HOURS)?;
        capacity.push(RepCapacity { rep: rep.into(), per_year: Minutes::from_hundredths(hours * 60) });
    }
    Ok(capacity)
}

/// Reads an activity file: `customer,date,type,minutes` (a workbook's `contacts` sheet).
pub fn parse_contacts(file: &str, bytes: &[u8]) -> Result<Vec<Contact>, InputError> {
    contacts_in(&Table::read_sheet(file, bytes, CONTACTS_SHEET, &CONTACT_REQUIRED)?)
}

/// The contacts of a table with `customer`, `date`, `type` and optionally `minutes`. Dates are
/// `YYYY-MM-DD` or `DD-MM-YYYY` (any of `-`, `/`, `.` between the parts).
pub(crate) fn contacts_in(table: &Table<'_>) -> Result<Vec<Contact>, InputError> {
    let mut contacts = Vec::new();
    for row in table.rows() {
        let customer = row.text("customer")?.to_string();
        let date = row.day("date")?;
        let contact = contact_type(&row, "type")?;
        let minutes = match row.cell("minutes") {
            "" => None,
            _ => Some(Minutes::from_hundredths(row.hundredths("minutes", MAX_MINUTES)?)),
        };
        contacts.push(Contact { customer, date, contact, minutes });
    }
    Ok(contacts)
}

fn contact_type(row: &Row<'_>, column: &str) -> Result<ContactType, InputError> {
    ContactType::parse(row.text(column)?).ok_or_else(|| row.error(column, Problem::UnknownContactType))
}

/// A whole number from 0 to `limit`.
fn whole(row: &Row<'_>, column: &str, limit: u64) -> Result<u32, InputError> {
    let hundredths = row.hundredths(column, limit * 100)?;
    if hundredths % 100 != 0 {
        return Err(row.error(column, Problem::NotAWholeNumber));
    }
    Ok((hundredths / 100) as u32)
}

/// The tables as rows of cell text, in the order of their columns (minutes and hours with two
/// decimals and `.`; dates `YYYY-MM-DD`; a blank minutes cell stays blank).
impl ContactTables {
    pub fn norm_rows(&self) -> Vec<Vec<String>> {
        let row = |n: &Norm| {
            vec![n.level.name().into(), n.contact.name().into(), n.per_year.to_string(), n.minutes.to_string()]
        };
        self.norms().iter().map(row).collect()
    }

    pub fn capacity_rows(&self) -> Vec<Vec<String>> {
        self.capacity.iter().map(|c| vec![c.rep.clone(), hours_text(c.per_year)]).collect()
    }

    pub fn contact_rows(&self) -> Vec<Vec<String>> {
        let minutes = |m: Option<Minutes>| m.map(|m| m.to_string()).unwrap_or_default();
        let row =
            |c: &Contact| vec![c.customer.clone(), c.date.to_string(), c.contact.name().into(), minutes(c.minutes)];
        self.contacts.iter().map(row).collect()
    }
}

/// Minutes as hours with two decimals (a capacity entered in hours comes back as typed).
fn hours_text(minutes: Minutes) -> String {
    let hours = minutes.hundredths() / 60;
    format!("{}.{:02}", hours / 100, hours % 100)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn error(result: Result<impl std::fmt::Debug, InputError>) -> String {
        result.map_or_else(|e| e.to_string(), |v| format!("read {v:?}"))
    }

    #[test]
    fn reads_norms_and_refuses_bad_cells() {
        let csv = "level;contact_type;per_year;minutes\nTop;Visit;12;90\nklein;telefoon;2;7,5\n";
        let norms = parse_norms("NORMS.csv", csv.as_bytes()).unwrap_or_default();
        assert_eq!(
            norms,
            vec![
                norm(Level::Top, ContactType::Visit, 12, 90),
                Norm {
                    level: Level::Small,
                    contact: ContactType::Call,
                    per_year: 2,
                    minutes: Minutes::from_hundredths(750)
                },
            ]
        );
        let header = "level,contact_type,per_year,minutes\n";
        let read = |rows: &str| error(parse_norms("NORMS.csv", format!("{header}{rows}").as_bytes()));
        assert_eq!(
            read("top,visit,12,90\nhuge,visit,1,5\n"),
            "NORMS.csv, line 3, column level: 'huge': unknown pyramid level; use top, big, medium, small or inactive"
        );
        assert!(read("top,fax,1,5\n").contains("line 2, column contact_type: 'fax': unknown contact type"));
        assert!(read("top,visit,1.5,5\n").contains("line 2, column per_year: '1.5': not a whole number"));
        assert!(read("top,visit,1,5\ntop,VISIT,2,5\n").contains("line 3, column contact_type: 'VISIT': this level"));
        assert!(read("top,visit,1,1440.01\n").contains("column minutes: '1440.01': too large"));
    }

    #[test]
    fn reads_capacity_in_hours() {
        // 1234.56 hours = 74,073.6 minutes = 7,407,360 hundredths of a minute.
        let capacity = parse_capacity("CAP.csv", b"sales_rep,hours_per_year\nAnna,1234.56\n").unwrap_or_default();
        assert_eq!(capacity, vec![RepCapacity { rep: "Anna".into(), per_year: Minutes::from_hundredths(7_407_360) }]);
        let tables = ContactTables { capacity, ..ContactTables::default() };
        assert_eq!(tables.capacity_rows(), vec![vec!["Anna".to_string(), "1234.56".to_string()]]);
        assert_eq!(tables.capacity_of("Bert"), (Minutes::from_hundredths(4_800_000), true));
        let twice = parse_capacity("CAP.csv", b"sales_rep,hours_per_year\nAnna,5\nAnna,6\n");
        assert!(error(twice).contains("line 3, column sales_rep: 'Anna': this rep is listed twice"));
        let year = parse_capacity("CAP.csv", b"sales_rep,hours_per_year\nAnna,8784.01\n");
        assert!(error(year).contains("'8784.01': too large"));
    }

    #[test]
    fn reads_an_activity_file_with_dutch_words_and_blank_minutes() {
        let csv =
            "customer,date,type,minutes\nC1,2026-03-05,Bezoek,75\nC2,05-03-2026,TELEFOON,\nC1,2026/04/01,mailing,2\n";
        let contacts = parse_contacts("ACTIVITIES.csv", csv.as_bytes()).unwrap_or_default();
        let day = |m, d| Day::from_ymd(2026, m, d).unwrap_or(Day::from_number(0));
        let minutes = |m: u64| Some(Minutes::from_hundredths(m * 100));
        assert_eq!(
            contacts,
            vec![
                Contact { customer: "C1".into(), date: day(3, 5), contact: ContactType::Visit, minutes: minutes(75) },
                Contact { customer: "C2".into(), date: day(3, 5), contact: ContactType::Call, minutes: None },
                Contact { customer: "C1".into(), date: day(4, 1), contact: ContactType::Mailing, minutes: minutes(2) },
            ]
        );
        let tables = ContactTables { contacts, ..ContactTables::default() };
        assert_eq!(tables.contact_rows()[1], vec!["C2", "2026-03-05", "call", ""]);
        // Without a minutes column the file reads too; each bad cell names line and column.
        assert_eq!(parse_contacts("A.csv", b"customer,date,type\nC1,2026-01-02,visit\n").map(|c| c.len()), Ok(1));
        let header = "customer,date,type,minutes\n";
        let read = |rows: &str| error(parse_contacts("A.csv", format!("{header}{rows}").as_bytes()));
        assert_eq!(
            read("C1,2026-01-02,visit,\nC1,2026-02-30,visit,\n"),
            "A.csv, line 3, column date: '2026-02-30': not a date; write it as YYYY-MM-DD (e.g. 2025-03-31) or DD-MM-YYYY"
        );
        assert!(read("C1,2026-01-02,email,\n").contains("line 2, column type: 'email': unknown contact type"));
        assert!(read(",2026-01-02,visit,\n").contains("line 2, column customer: '': the cell is empty"));
        assert!(read("C1,2026-01-02,visit,-5\n").contains("line 2, column minutes: '-5': negative"));
        assert_eq!(
            error(parse_contacts("A.csv", b"customer,type\nC1,visit\n")),
            "A.csv, line 1, column date: '': this column is missing from the header; add it"
        );
    }

    #[test]
    fn the_defaults_stand_until_norms_are_entered() {
        let tables = ContactTables::default();
        assert_eq!(tables.norm(Level::Top, ContactType::Visit).map(|n| n.per_year), Some(12));
        assert_eq!(tables.norm(Level::Small, ContactType::Visit), None);
        assert_eq!(tables.norm_rows()[0], vec!["top", "visit", "12", "90.00"]);
        let entered = ContactTables { norms: vec![norm(Level::Top, ContactType::Call, 4, 20)], ..tables };
        assert_eq!(entered.norm(Level::Top, ContactType::Visit), None);
        assert_eq!(entered.norms().len(), 1);
    }
}

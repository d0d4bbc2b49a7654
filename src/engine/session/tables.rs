//! The user's side tables, kept with the workspace (its file and IndexedDB): the cost pools,
//! their activities and the margins per product group (issue 13), the Customer Focus surveys with
//! their answers and the Actions list (issue 16), the contact plan's norms, capacity and realised
//! contacts (issue 15). Issue 15's interviews and goals are new fields of `SideTables` (and its
//! actions extend `engine::actions`).
//!
//! They are stored as JSON inside the workspace file (`backup.rs`), not postcard: postcard is not
//! self-describing, so a field added later would make every older file undecodable, whereas a
//! `#[serde(default)]` field is simply absent from an older file's JSON, and a field an older
//! build does not know is skipped. The tables are a few kilobytes; the ledger stays postcard.
//!
//! The page edits a table as rows of cell text (`Drafts`); the engine reads them with the same
//! readers as the CSV files, so an edited cell and an imported one are checked alike, and an
//! error names the table, the line (the first row is line 2, after the header) and the column.

use super::FileData;
use crate::engine::actions::Action;
use crate::engine::contact_plan::{self, ContactTables, CAPACITY_COLUMNS, CONTACT_COLUMNS, NORM_COLUMNS};
use crate::engine::cost_pools::{self, CostPools, InputError, Table};
use crate::engine::cost_pools::{ACTIVITY_COLUMNS, POOL_COLUMNS};
use crate::engine::customer_focus::request::FocusTables;
use crate::engine::goals::{self, Goals, GOAL_COLUMNS, SHARE_COLUMNS, TARGET_COLUMNS};
use crate::engine::interviews::{self, Interviews, INTERVIEW_COLUMNS};
use crate::engine::kpi_cascade::{self, KpiTarget, TARGET_COLUMNS as KPI_TARGET_COLUMNS};
use crate::engine::profitability::{self, GroupMargins, MARGIN_COLUMNS};
use crate::engine::sheets::SheetTable;
use serde::{Deserialize, Serialize};

/// Everything the user entered beside the ledger.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct SideTables {
    pub cost_pools: CostPools,
    pub margins: GroupMargins,
    /// Customer Focus surveys and their answers (issue 16).
    pub focus: FocusTables,
    /// The Actions list, planned on any page (issue 16's improvement planner; issue 15's pages).
    pub actions: Vec<Action>,
    /// Customer interviews (issue 15, `engine::interviews`).
    pub interviews: Interviews,
    /// The goal, its hand spread and the bottom-up targets (issue 15, `engine::goals`).
    pub goals: Goals,
    /// The contact plan's norms, capacity per rep and realised contacts (issue 15).
    pub contacts: ContactTables,
    /// The KPI cascade's targets (issue 15's scorecard).
    pub kpi_targets: Vec<KpiTarget>,
}

/// Which side table.
#[derive(Copy, Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum TableKind {
    Pools,
    Activities,
    Margins,
    Interviews,
    Goal,
    GoalShares,
    Targets,
    /// Contact norms per pyramid level.
    Norms,
    /// Hours per rep for customer contact.
    Capacity,
    /// Realised contacts (the activity file).
    Contacts,
    KpiTargets,
}

impl TableKind {
    /// The columns of the table, as its CSV file and the editor have them.
    pub fn columns(self) -> &'static [&'static str] {
        match self {
            TableKind::Pools => &POOL_HEADER,
            TableKind::Activities => &ACTIVITY_COLUMNS,
            TableKind::Margins => &MARGIN_COLUMNS,
            TableKind::Interviews => &INTERVIEW_COLUMNS,
            TableKind::Goal => &GOAL_COLUMNS,
            TableKind::GoalShares => &SHARE_COLUMNS,
            TableKind::Targets => &TARGET_COLUMNS,
            TableKind::Norms => &NORM_COLUMNS,
            TableKind::Capacity => &CAPACITY_COLUMNS,
            TableKind::Contacts => &CONTACT_COLUMNS,
            TableKind::KpiTargets => &KPI_TARGET_COLUMNS,
        }
    }

    /// The table's name: its CSV file's, and its sheet's in a workbook of the tables
    /// (`sheets::workbook`), read back by name.
    pub fn name(self) -> &'static str {
        match self {
            TableKind::Pools => "cost_pools",
            TableKind::Activities => "activities",
            TableKind::Margins => "margins",
            TableKind::Interviews => "interviews",
            TableKind::Goal => "goal",
            TableKind::GoalShares => "goal_shares",
            TableKind::Targets => "targets",
            TableKind::Norms => contact_plan::NORMS_SHEET,
            TableKind::Capacity => contact_plan::CAPACITY_SHEET,
            TableKind::Contacts => contact_plan::CONTACTS_SHEET,
            TableKind::KpiTargets => "kpi_targets",
        }
    }
}

/// The pools' columns in the editor and its CSV: the required ones and the capacity.
const POOL_HEADER: [&str; 4] = [POOL_COLUMNS[0], POOL_COLUMNS[1], POOL_COLUMNS[2], "capacity_minutes"];

/// A table as the editor holds it: rows of cell text in the order of `TableKind::columns`.
pub type Grid = Vec<Vec<String>>;

/// The tables as the editors hold them (the Profitability page's and the planning pages').
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct Drafts {
    pub pools: Grid,
    pub activities: Grid,
    pub margins: Grid,
    pub interviews: Grid,
    pub goal: Grid,
    pub goal_shares: Grid,
    pub targets: Grid,
    /// The norms in force (the defaults until others are saved).
    pub norms: Grid,
    pub capacity: Grid,
    pub contacts: Grid,
    pub kpi_targets: Grid,
}

impl Drafts {
    /// The rows of one table.
    pub fn grid(&self, kind: TableKind) -> &Grid {
        match kind {
            TableKind::Pools => &self.pools,
            TableKind::Activities => &self.activities,
            TableKind::Margins => &self.margins,
            TableKind::Interviews => &self.interviews,
            TableKind::Goal => &self.goal,
            TableKind::GoalShares => &self.goal_shares,
            TableKind::Targets => &self.targets,
            TableKind::Norms => &self.norms,
            TableKind::Capacity => &self.capacity,
            TableKind::Contacts => &self.contacts,
            TableKind::KpiTargets => &self.kpi_targets,
        }
    }

    /// One table as a file's sheet (the download).
    pub fn sheet(&self, kind: TableKind) -> SheetTable {
        SheetTable {
            name: kind.name().into(),
            columns: kind.columns().iter().map(|c| c.to_string()).collect(),
            rows: self.grid(kind).clone(),
        }
    }

    pub fn grid_mut(&mut self, kind: TableKind) -> &mut Grid {
        match kind {
            TableKind::Pools => &mut self.pools,
            TableKind::Activities => &mut self.activities,
            TableKind::Margins => &mut self.margins,
            TableKind::Interviews => &mut self.interviews,
            TableKind::Goal => &mut self.goal,
            TableKind::GoalShares => &mut self.goal_shares,
            TableKind::Targets => &mut self.targets,
            TableKind::Norms => &mut self.norms,
            TableKind::Capacity => &mut self.capacity,
            TableKind::Contacts => &mut self.contacts,
            TableKind::KpiTargets => &mut self.kpi_targets,
        }
    }
}

/// A bad cell of a side table: which table, and the cell (its `file` is the imported file's
/// name, or empty for the editor's rows).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct TableError {
    pub table: TableKind,
    pub error: InputError,
}

impl SideTables {
    /// No tables at all, as a constant (for analyses asked without a workspace's tables).
    pub const NONE: SideTables = SideTables {
        cost_pools: CostPools { pools: Vec::new(), activities: Vec::new() },
        margins: GroupMargins::NONE,
        focus: FocusTables { surveys: Vec::new(), answers: Vec::new() },
        actions: Vec::new(),
        interviews: Interviews::NONE,
        goals: Goals::NONE,
        contacts: ContactTables { norms: Vec::new(), capacity: Vec::new(), contacts: Vec::new() },
        kpi_targets: Vec::new(),
    };

    /// The stored form inside the workspace file.
    pub fn encode(&self) -> Vec<u8> {
        serde_json::to_vec(self).unwrap_or_default()
    }

    pub fn decode(bytes: &[u8]) -> Option<SideTables> {
        serde_json::from_slice(bytes).ok()
    }

    /// The tables as the editor shows them (amounts and minutes with two decimals and `.`).
    pub fn drafts(&self) -> Drafts {
        let pools = &self.cost_pools.pools;
        let [goal, goal_shares, targets] = self.goals.grids();
        Drafts {
            pools: pools
                .iter()
                .map(|p| {
                    let capacity = p.capacity.map(|c| c.to_string()).unwrap_or_default();
                    vec![p.name.clone(), p.amount.to_string(), p.driver.name().into(), capacity]
                })
                .collect(),
            activities: self
                .cost_pools
                .activities
                .iter()
                .map(|a| {
                    vec![pools[a.pool].name.clone(), a.name.clone(), a.driver.name().into(), a.minutes.to_string()]
                })
                .collect(),
            margins: self
                .margins
                .groups()
                .iter()
                .map(|(group, margin)| vec![group.clone(), format!("{}.{:02}", margin / 100, margin % 100)])
                .collect(),
            interviews: self.interviews.grid(),
            goal,
            goal_shares,
            targets,
            norms: self.contacts.norm_rows(),
            capacity: self.contacts.capacity_rows(),
            contacts: self.contacts.contact_rows(),
            kpi_targets: kpi_cascade::target_rows(&self.kpi_targets),
        }
    }

    /// The tables the editor's rows make, or the first bad cell.
    pub fn of_drafts(drafts: &Drafts) -> Result<SideTables, TableError> {
        let contacts = ContactTables {
            norms: in_table(TableKind::Norms, &drafts.norms, contact_plan::norms_in)?,
            capacity: in_table(TableKind::Capacity, &drafts.capacity, contact_plan::capacity_in)?,
            contacts: in_table(TableKind::Contacts, &drafts.contacts, contact_plan::contacts_in)?,
        };
        let pools = in_table(TableKind::Pools, &drafts.pools, cost_pools::pools_in)?;
        let loaded = !contacts.contacts.is_empty();
        let activities =
            in_table(TableKind::Activities, &drafts.activities, |t| cost_pools::activities_in(t, &pools, loaded))?;
        let margins = in_table(TableKind::Margins, &drafts.margins, profitability::margins_in)?;
        let interviews = in_table(TableKind::Interviews, &drafts.interviews, interviews::interviews_in)?;
        let goals = Goals {
            goal: in_table(TableKind::Goal, &drafts.goal, goals::goal_in)?,
            shares: in_table(TableKind::GoalShares, &drafts.goal_shares, goals::shares_in)?,
            targets: in_table(TableKind::Targets, &drafts.targets, goals::targets_in)?,
        };
        let kpi_targets = in_table(TableKind::KpiTargets, &drafts.kpi_targets, kpi_cascade::targets_in)?;
        Ok(SideTables {
            cost_pools: CostPools { pools, activities },
            margins,
            interviews,
            goals,
            contacts,
            kpi_targets,
            ..Self::NONE
        })
    }

    /// These tables with the editor's tables replaced by `drafts` (the surveys and actions kept).
    pub fn with_drafts(&self, drafts: &Drafts) -> Result<SideTables, TableError> {
        let edited = SideTables::of_drafts(drafts)?;
        Ok(SideTables { focus: self.focus.clone(), actions: self.actions.clone(), ..edited })
    }

    /// These tables with each of `tables` replaced from one file (a workbook with a sheet per
    /// table), all or none.
    pub fn with_files(&self, tables: &[TableKind], file: &FileData) -> Result<SideTables, TableError> {
        tables.iter().try_fold(self.clone(), |tables, &kind| tables.with_file(kind, file))
    }

    /// These tables with `table` replaced by an imported CSV file (or a workbook's first sheet;
    /// for issue 15's tables, the sheet named `TableKind::name`). New pools are checked against
    /// the activities already entered (an activity of a pool that is gone is an error), and so
    /// are new contacts (a `contact` activity needs some).
    pub fn with_file(&self, table: TableKind, file: &FileData) -> Result<SideTables, TableError> {
        let in_file = |error| TableError { table, error };
        let mut drafts = self.drafts();
        let (name, bytes) = (file.name.as_str(), file.bytes.as_slice());
        match table {
            TableKind::Pools => {
                let pools = cost_pools::parse_pools(name, bytes).map_err(in_file)?;
                drafts.pools =
                    SideTables { cost_pools: CostPools { pools, activities: Vec::new() }, ..Self::NONE }.drafts().pools;
            }
            TableKind::Activities => {
                let pools = &self.cost_pools.pools;
                let loaded = !self.contacts.contacts.is_empty();
                let activities = cost_pools::parse_activities(name, bytes, pools, loaded).map_err(in_file)?;
                let imported = CostPools { pools: pools.clone(), activities };
                drafts.activities = SideTables { cost_pools: imported, ..Self::NONE }.drafts().activities;
            }
            TableKind::Margins => {
                let margins = profitability::parse_margins(name, bytes).map_err(in_file)?;
                drafts.margins = SideTables { margins, ..Self::NONE }.drafts().margins;
            }
            TableKind::Norms => {
                let norms = contact_plan::parse_norms(name, bytes).map_err(in_file)?;
                drafts.norms = ContactTables { norms, ..ContactTables::default() }.norm_rows();
            }
            TableKind::Capacity => {
                let capacity = contact_plan::parse_capacity(name, bytes).map_err(in_file)?;
                drafts.capacity = ContactTables { capacity, ..ContactTables::default() }.capacity_rows();
            }
            TableKind::Contacts => {
                let contacts = contact_plan::parse_contacts(name, bytes).map_err(in_file)?;
                drafts.contacts = ContactTables { contacts, ..ContactTables::default() }.contact_rows();
            }
            TableKind::KpiTargets => {
                let targets = kpi_cascade::parse_targets(name, bytes).map_err(in_file)?;
                drafts.kpi_targets = kpi_cascade::target_rows(&targets);
            }
            kind => *drafts.grid_mut(kind) = planning_grid(kind, name, bytes).map_err(in_file)?,
        }
        self.with_drafts(&drafts)
    }
}

/// An issue-15 table read from a CSV file or from the workbook's sheet of the table's name, as the
/// editor shows it (its columns in their order; a survey export needs only the columns `required`
/// names).
fn planning_grid(kind: TableKind, file: &str, bytes: &[u8]) -> Result<Grid, InputError> {
    let required: &[&str] = match kind {
        TableKind::Interviews => &interviews::REQUIRED,
        TableKind::Goal => &GOAL_COLUMNS[..3],
        _ => kind.columns(),
    };
    let table = Table::read_sheet(file, bytes, kind.name(), required)?;
    let goals = match kind {
        TableKind::Goal => Goals { goal: goals::goal_in(&table)?, ..Goals::NONE },
        TableKind::GoalShares => Goals { shares: goals::shares_in(&table)?, ..Goals::NONE },
        TableKind::Targets => Goals { targets: goals::targets_in(&table)?, ..Goals::NONE },
        _ => return Ok(interviews::interviews_in(&table)?.grid()),
    };
    let [goal, shares, targets] = goals.grids();
    Ok(match kind {
        TableKind::Goal => goal,
        TableKind::GoalShares => shares,
        _ => targets,
    })
}

/// Reads the editor's `rows` of `kind` with `read` (line 1 is the header, so row i is line i + 2).
fn in_table<T>(
    kind: TableKind,
    rows: &Grid,
    read: impl FnOnce(&Table<'_>) -> Result<T, InputError>,
) -> Result<T, TableError> {
    let header = kind.columns().iter().map(|c| c.to_string()).collect();
    let lines = std::iter::once((1, header)).chain(rows.iter().enumerate().map(|(i, row)| (i + 2, row.clone())));
    let table =
        Table::of_rows("", lines.collect(), kind.columns()).map_err(|error| TableError { table: kind, error })?;
    read(&table).map_err(|error| TableError { table: kind, error })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::engine::cost_pools::Problem;

    fn rows(rows: &[&[&str]]) -> Grid {
        rows.iter().map(|r| r.iter().map(|c| c.to_string()).collect()).collect()
    }

    #[test]
    fn margins_read_from_the_editor_and_come_back_as_it_shows_them() {
        // 35.5 % is 3550 hundredths of a percent; an empty group stands for lines without one;
        // a blank row is left out.
        let drafts = Drafts { margins: rows(&[&["Tools", "35,5"], &["", "", ""], &["", "20"]]), ..Drafts::default() };
        let tables = SideTables::of_drafts(&drafts).unwrap();
        assert_eq!(tables.margins.groups(), [("Tools".to_string(), 3_550), (String::new(), 2_000)]);
        assert_eq!(tables.drafts().margins, rows(&[&["Tools", "35.50"], &["", "20.00"]]));
        let above = Drafts { margins: rows(&[&["Tools", "35"], &["Parts", "100.5"]]), ..Drafts::default() };
        let error = SideTables::of_drafts(&above).unwrap_err();
        assert_eq!(
            (error.table, error.error.line, error.error.column.as_str()),
            (TableKind::Margins, 3, "margin_percent")
        );
    }

    #[test]
    fn interviews_and_goals_import_from_a_file_and_are_kept_in_the_stored_json() {
        // A survey export with its columns in another order and no potential or remarks.
        let survey = "Date;Recommend;Customer;Satisfaction;Wallet\n2025-02-01;9;C1;8;1000\n";
        let file = |name: &str, text: &str| FileData { name: name.into(), bytes: text.as_bytes().to_vec() };
        let tables = SideTables::NONE.with_file(TableKind::Interviews, &file("survey.csv", survey)).unwrap();
        assert_eq!(tables.drafts().interviews, rows(&[&["C1", "2025-02-01", "8", "9", "1000.00", "", ""]]));
        let goal = "from,to,company_target\n2025-01-01,2025-12-31,5000\n";
        let tables = tables.with_file(TableKind::Goal, &file("goal.csv", goal)).unwrap();
        assert_eq!(tables.drafts().goal, rows(&[&["2025-01-01", "2025-12-31", "5000.00", "share", "1.00"]]));
        // Kept as they were through the workspace file's JSON.
        assert_eq!(SideTables::decode(&tables.encode()), Some(tables.clone()));
        // A bad cell names the file, line and column; the tables are left as they were.
        let bad = "customer,date,recommend\nC1,2025-02-01,9\nC2,2025-13-01,7\n";
        let error = tables.with_file(TableKind::Interviews, &file("bad.csv", bad)).unwrap_err();
        let cell = &error.error;
        assert_eq!(
            (error.table, cell.file.as_str(), cell.line, cell.column.as_str()),
            (TableKind::Interviews, "bad.csv", 3, "date")
        );
        assert_eq!((cell.value.as_str(), &cell.problem), ("2025-13-01", &Problem::NotADate));
    }

    #[test]
    fn the_contact_tables_go_to_a_workbook_and_come_back_intact() {
        // Entered in the editor: a norm changed from the defaults, a rep's hours, two contacts
        // (one with blank minutes); downloaded as one workbook with a sheet per table, imported
        // back into empty tables: the same rows, and the norms' edited visit count kept.
        let mut drafts = SideTables::default().drafts();
        drafts.norms[0] = vec!["top".into(), "visit".into(), "10".into(), "90.00".into()];
        drafts.capacity = rows(&[&["Anna", "900.50"]]);
        drafts.contacts = rows(&[&["C1", "2026-03-05", "visit", "75.00"], &["C2", "2026-03-06", "call", ""]]);
        let tables = SideTables::default().with_drafts(&drafts).unwrap();
        let kinds = [TableKind::Norms, TableKind::Capacity, TableKind::Contacts];
        let sheets: Vec<SheetTable> = kinds.iter().map(|&k| tables.drafts().sheet(k)).collect();
        assert_eq!(
            sheets.iter().map(|s| s.name.as_str()).collect::<Vec<_>>(),
            ["contact_norms", "capacity", "contacts"]
        );
        let file = FileData { name: "plan.xlsx".into(), bytes: crate::engine::sheets::workbook(&sheets) };
        let back = SideTables::default().with_files(&kinds, &file).unwrap();
        assert_eq!(back.drafts(), tables.drafts());
        assert_eq!(back.contacts.norms[0].per_year, 10);
        assert_eq!(back.contacts.contacts[1].minutes, None);
        // A workbook without the contacts' sheet is refused whole, naming the sheet.
        let file = FileData { name: "plan.xlsx".into(), bytes: crate::engine::sheets::workbook(&sheets[..2]) };
        let error = SideTables::default().with_files(&kinds, &file).unwrap_err();
        assert_eq!((error.table, error.error.value.as_str()), (TableKind::Contacts, "contacts"));
    }

    #[test]
    fn a_contact_activity_needs_realised_contacts() {
        // The cost pools' contact driver is refused while no contacts are loaded, and taken with them.
        let pools = rows(&[&["Field", "300", "time", "600"]]);
        let activities = rows(&[&["Field", "Visit", "contact", "30"]]);
        let without = Drafts { pools: pools.clone(), activities: activities.clone(), ..Drafts::default() };
        let error = SideTables::of_drafts(&without).unwrap_err();
        assert_eq!((error.table, error.error.problem), (TableKind::Activities, Problem::ContactsNotAvailable));
        let with = Drafts { contacts: rows(&[&["C1", "2026-03-05", "visit", ""]]), ..without };
        assert_eq!(SideTables::of_drafts(&with).map(|t| t.cost_pools.activities.len()), Ok(1));
    }

    #[test]
    fn the_stored_json_skips_what_it_does_not_know_and_defaults_what_it_lacks() {
        // A later build's extra table is skipped; an older file without margins reads none.
        let json = br#"{"cost_pools":{"pools":[],"activities":[]},"later_table":[1,2]}"#;
        assert_eq!(SideTables::decode(json), Some(SideTables::default()));
        assert_eq!(SideTables::decode(b"{}"), Some(SideTables::default()));
        assert_eq!(SideTables::decode(b"not json"), None);
    }
}

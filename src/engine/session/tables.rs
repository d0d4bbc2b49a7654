//! The user's side tables, kept with the workspace (its file and IndexedDB): the cost pools,
//! their activities and the margins per product group (issue 13), the Customer Focus surveys with
//! their answers and the Actions list (issue 16). Issue 15's interviews, goals and contact norms
//! are new fields of `SideTables` (and its actions extend `engine::actions`).
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
use crate::engine::cost_pools::{self, ActivityDriver, CostPools, InputError, Table};
use crate::engine::cost_pools::{ACTIVITY_COLUMNS, POOL_COLUMNS};
use crate::engine::customer_focus::request::FocusTables;
use crate::engine::kpi_cascade::{self, KpiTarget, TARGET_COLUMNS};
use crate::engine::profitability::{self, GroupMargins, MARGIN_COLUMNS};
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
    /// The KPI cascade's targets (issue 15's scorecard).
    pub kpi_targets: Vec<KpiTarget>,
}

/// Which side table.
#[derive(Copy, Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum TableKind {
    Pools,
    Activities,
    Margins,
    KpiTargets,
}

impl TableKind {
    /// The columns of the table, as its CSV file and the editor have them.
    pub fn columns(self) -> &'static [&'static str] {
        match self {
            TableKind::Pools => &POOL_HEADER,
            TableKind::Activities => &ACTIVITY_COLUMNS,
            TableKind::Margins => &MARGIN_COLUMNS,
            TableKind::KpiTargets => &TARGET_COLUMNS,
        }
    }
}

/// The pools' columns in the editor and its CSV: the required ones and the capacity.
const POOL_HEADER: [&str; 4] = [POOL_COLUMNS[0], POOL_COLUMNS[1], POOL_COLUMNS[2], "capacity_minutes"];

/// A table as the editor holds it: rows of cell text in the order of `TableKind::columns`.
pub type Grid = Vec<Vec<String>>;

/// The tables as the editors hold them.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Drafts {
    pub pools: Grid,
    pub activities: Grid,
    pub margins: Grid,
    #[serde(default)]
    pub kpi_targets: Grid,
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
            kpi_targets: kpi_cascade::target_rows(&self.kpi_targets),
        }
    }

    /// The tables the editor's rows make, or the first bad cell.
    pub fn of_drafts(drafts: &Drafts) -> Result<SideTables, TableError> {
        let pools = in_table(TableKind::Pools, &drafts.pools, cost_pools::pools_in)?;
        let activities = in_table(TableKind::Activities, &drafts.activities, |t| cost_pools::activities_in(t, &pools))?;
        let margins = in_table(TableKind::Margins, &drafts.margins, profitability::margins_in)?;
        let kpi_targets = in_table(TableKind::KpiTargets, &drafts.kpi_targets, kpi_cascade::targets_in)?;
        Ok(SideTables { cost_pools: CostPools { pools, activities }, margins, kpi_targets, ..Self::NONE })
    }

    /// These tables with the editor's tables replaced by `drafts` (the surveys and actions kept).
    pub fn with_drafts(&self, drafts: &Drafts) -> Result<SideTables, TableError> {
        let edited = SideTables::of_drafts(drafts)?;
        Ok(SideTables { focus: self.focus.clone(), actions: self.actions.clone(), ..edited })
    }

    /// These tables with `table` replaced by an imported CSV file. New pools are checked against
    /// the activities already entered (an activity of a pool that is gone is an error).
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
                let activities = cost_pools::parse_activities(name, bytes, pools).map_err(in_file)?;
                let imported = CostPools { pools: pools.clone(), activities };
                drafts.activities = SideTables { cost_pools: imported, ..Self::NONE }.drafts().activities;
            }
            TableKind::Margins => {
                let margins = profitability::parse_margins(name, bytes).map_err(in_file)?;
                drafts.margins = SideTables { margins, ..Self::NONE }.drafts().margins;
            }
            TableKind::KpiTargets => {
                let targets = kpi_cascade::parse_targets(name, bytes).map_err(in_file)?;
                drafts.kpi_targets = kpi_cascade::target_rows(&targets);
            }
        }
        self.with_drafts(&drafts)
    }
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

/// The drivers an activity's select offers (contacts are not available yet, see `cost_pools`).
pub fn activity_drivers() -> impl Iterator<Item = ActivityDriver> {
    ActivityDriver::ALL.into_iter().filter(|d| *d != ActivityDriver::Contact)
}

#[cfg(test)]
mod tests {
    use super::*;

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
    fn the_stored_json_skips_what_it_does_not_know_and_defaults_what_it_lacks() {
        // A later build's extra table is skipped; an older file without margins reads none.
        let json = br#"{"cost_pools":{"pools":[],"activities":[]},"goals":[1,2]}"#;
        assert_eq!(SideTables::decode(json), Some(SideTables::default()));
        assert_eq!(SideTables::decode(b"{}"), Some(SideTables::default()));
        assert_eq!(SideTables::decode(b"not json"), None);
    }
}

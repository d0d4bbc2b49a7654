//! Components shared by the analysis pages: the filter bar, data tables with CSV export, chart
//! frames with PNG export, and the states an answer can be in.

pub mod add_action;
pub mod answer;
pub mod chart;
pub mod customer_picker;
pub mod filters;
pub mod page_shell;
mod png;
pub mod print;
pub mod side_tables;
pub mod table;

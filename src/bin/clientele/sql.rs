//! `clientele sql`: the Customer Performance definitions as one SQL script for a warehouse
//! (`docs/warehouse.md`); the script is `engine::warehouse`'s.

use crate::analyze::parse_year_start;
use crate::import_args::{fail, split_map};
use clientele::engine::ledger::Field;
use clientele::engine::period::YearStart;
use clientele::engine::pyramid::CutOffs;
use clientele::engine::warehouse::{Dialect, Warehouse};
use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

#[derive(clap::Args, Debug)]
pub struct SqlArgs {
    /// The warehouse: duckdb, spark, postgres or bigquery.
    #[arg(long, value_name = "DIALECT", value_parser = parse_dialect)]
    pub dialect: Dialect,
    /// The table or view holding the ledger's lines (qualified names such as sales.ledger too).
    #[arg(long, value_name = "NAME", default_value = "ledger")]
    pub table: String,
    /// The column of a field, FIELD=COLUMN (repeatable): customer, date and amount default to
    /// columns of those names; map cost and attributes (product, product_group, sales_rep, team,
    /// department, region, segment) to carry them into clientele_customer_period.
    #[arg(long = "map", value_name = "FIELD=COLUMN", value_parser = parse_column)]
    pub map: Vec<(Field, Option<String>)>,
    /// First day of every year-long period, MM-DD (07-01 for fiscal years from July).
    #[arg(long, value_name = "MM-DD", value_parser = parse_year_start, default_value = "01-01")]
    pub year_start: YearStart,
    /// The pyramid's cut-offs in percent: top, big, medium.
    #[arg(long, value_name = "TOP,BIG,MEDIUM", value_parser = CutOffs::parse, default_value = "1,5,20")]
    pub cutoffs: CutOffs,
    /// Instead of the script, write one dbt model per table (NAME.sql, reading each other with
    /// ref) into this folder.
    #[arg(long, value_name = "DIR")]
    pub dbt: Option<PathBuf>,
}

pub fn run(args: &SqlArgs) -> ExitCode {
    let mut columns = Warehouse::default_columns();
    for (field, column) in &args.map {
        columns.retain(|(f, _)| f != field);
        columns.extend(column.clone().map(|c| (*field, c)));
    }
    let warehouse = Warehouse {
        dialect: args.dialect,
        table: args.table.clone(),
        columns,
        year_start: args.year_start,
        cut_offs: args.cutoffs,
    };
    if let Some(dir) = &args.dbt {
        return match warehouse.dbt_models() {
            Ok(models) => write_models(dir, &models),
            Err(e) => fail(&e.to_string()),
        };
    }
    match warehouse.script() {
        Ok(script) => {
            // A closed pipe (`| head`) is the reader's choice, not an error worth a panic.
            let _ = std::io::stdout().lock().write_all(script.as_bytes());
            ExitCode::SUCCESS
        }
        Err(e) => fail(&e.to_string()),
    }
}

/// Each model as DIR/NAME.sql, the names listed on stdout in the order they build.
fn write_models(dir: &Path, models: &[(&str, String)]) -> ExitCode {
    if let Err(e) = std::fs::create_dir_all(dir) {
        return fail(&format!("{}: {e}", dir.display()));
    }
    for (name, sql) in models {
        let path = dir.join(format!("{name}.sql"));
        if let Err(e) = std::fs::write(&path, sql) {
            return fail(&format!("{}: {e}", path.display()));
        }
        println!("{}", path.display());
    }
    ExitCode::SUCCESS
}

fn parse_dialect(text: &str) -> Result<Dialect, String> {
    Dialect::from_name(text).ok_or_else(|| {
        let names: Vec<&str> = Dialect::ALL.iter().map(|d| d.name()).collect();
        format!("unknown dialect '{text}'; dialects are {}", names.join(", "))
    })
}

fn parse_column(text: &str) -> Result<(Field, Option<String>), String> {
    split_map(text).map(|(field, column)| (field, column.map(str::to_string)))
}

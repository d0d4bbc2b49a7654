//! What differs between the warehouses the script runs on: quoting, type names, integer
//! division, byte-order comparison of text and generating the series of periods. Everything
//! else in the script is the SQL they share.

use serde::{Deserialize, Serialize};

/// A warehouse's SQL dialect.
#[derive(Copy, Clone, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum Dialect {
    DuckDb,
    Spark,
    Postgres,
    BigQuery,
}

impl Dialect {
    pub const ALL: [Dialect; 4] = [Dialect::DuckDb, Dialect::Spark, Dialect::Postgres, Dialect::BigQuery];

    /// The name `--dialect` takes.
    pub fn name(self) -> &'static str {
        match self {
            Dialect::DuckDb => "duckdb",
            Dialect::Spark => "spark",
            Dialect::Postgres => "postgres",
            Dialect::BigQuery => "bigquery",
        }
    }

    pub fn from_name(name: &str) -> Option<Dialect> {
        Dialect::ALL.into_iter().find(|d| d.name() == name)
    }

    /// A quoted identifier (the caller has refused names holding a quote character).
    pub(super) fn quote(self, name: &str) -> String {
        match self {
            Dialect::DuckDb | Dialect::Postgres => format!("\"{name}\""),
            Dialect::Spark | Dialect::BigQuery => format!("`{name}`"),
        }
    }

    /// The character `quote` wraps names in, which a name therefore cannot hold.
    pub(super) fn quote_char(self) -> char {
        match self {
            Dialect::DuckDb | Dialect::Postgres => '"',
            Dialect::Spark | Dialect::BigQuery => '`',
        }
    }

    pub(super) fn text(self) -> &'static str {
        match self {
            Dialect::DuckDb => "VARCHAR",
            Dialect::Postgres => "TEXT",
            Dialect::Spark | Dialect::BigQuery => "STRING",
        }
    }

    pub(super) fn integer(self) -> &'static str {
        match self {
            Dialect::BigQuery => "INT64",
            _ => "BIGINT",
        }
    }

    pub(super) fn double(self) -> &'static str {
        match self {
            Dialect::DuckDb | Dialect::Spark => "DOUBLE",
            Dialect::Postgres => "DOUBLE PRECISION",
            Dialect::BigQuery => "FLOAT64",
        }
    }

    /// An exact integer wide enough for Gini's weighted sum in cents (the engine's i128).
    pub(super) fn wide_integer(self) -> &'static str {
        match self {
            Dialect::DuckDb | Dialect::Spark => "DECIMAL(38,0)",
            Dialect::Postgres => "NUMERIC(38,0)",
            Dialect::BigQuery => "BIGNUMERIC",
        }
    }

    /// `a / b` rounded down, for non-negative integers.
    pub(super) fn int_div(self, a: &str, b: &str) -> String {
        match self {
            Dialect::DuckDb => format!("(({a}) // ({b}))"),
            Dialect::Postgres => format!("(({a}) / ({b}))"),
            Dialect::Spark => format!("(({a}) div ({b}))"),
            Dialect::BigQuery => format!("DIV({a}, {b})"),
        }
    }

    /// Text compared by its UTF-8 bytes: the tie rule. DuckDB, Spark and BigQuery compare
    /// strings by their bytes unless told otherwise; PostgreSQL by the database's locale.
    pub(super) fn byte_order(self, expression: &str) -> String {
        match self {
            Dialect::Postgres => format!("{expression} COLLATE \"C\""),
            _ => expression.to_string(),
        }
    }

    /// A query of one column `period`, every integer from `lo` to `hi` of the one-row `source`.
    pub(super) fn series(self, source: &str) -> String {
        match self {
            Dialect::DuckDb => format!("SELECT UNNEST(generate_series(b.lo, b.hi)) AS period FROM ({source}) AS b"),
            Dialect::Postgres => format!("SELECT generate_series(b.lo, b.hi) AS period FROM ({source}) AS b"),
            Dialect::Spark => format!("SELECT explode(sequence(b.lo, b.hi)) AS period FROM ({source}) AS b"),
            Dialect::BigQuery => {
                format!("SELECT period FROM ({source}) AS b CROSS JOIN UNNEST(GENERATE_ARRAY(b.lo, b.hi)) AS period")
            }
        }
    }

    /// The statements that (re)create a table from a query.
    pub(super) fn create_table(self, name: &str, query: &str) -> String {
        match self {
            Dialect::DuckDb | Dialect::BigQuery => format!("CREATE OR REPLACE TABLE {name} AS\n{query};\n"),
            Dialect::Postgres | Dialect::Spark => {
                format!("DROP TABLE IF EXISTS {name};\nCREATE TABLE {name} AS\n{query};\n")
            }
        }
    }
}

//! The method's Customer Performance definitions as one SQL script, for a ledger that lives in a
//! warehouse (`clientele sql`, `docs/warehouse.md`). The script is built from the values the
//! engine itself uses: the levels and their order (`pyramid::Level`), the cut-offs
//! (`pyramid::CutOffs`, `k(p) = ceil(p * n)` in integers), the top share of concentration
//! (`concentration::TOP_SHARE`), the migration's states (`migration::FROM`), the period rule
//! with its year start (`period::YearStart`) and the tie rule (customer id in byte order); so a
//! change of a definition there changes the SQL too. What differs per warehouse is `Dialect`.

pub mod aggregate;
mod dialect;

pub use dialect::Dialect;

use super::concentration::TOP_SHARE;
use super::ledger::{Attribute, Field};
use super::migration::{state_name, FROM};
use super::period::YearStart;
use super::pyramid::{CutOffs, Level};
use super::stats::BasisPoints;
use std::fmt;

/// The result tables, in the order the script creates them (the aggregate first: every other
/// table is computed from it).
pub const CUSTOMER_PERIOD: &str = "clientele_customer_period";
pub const PYRAMID: &str = "clientele_pyramid";
pub const FLOWS: &str = "clientele_flows";
pub const MIGRATION: &str = "clientele_migration";
pub const CONCENTRATION: &str = "clientele_concentration";

/// Working tables the script creates on the way and drops at its end.
const HELPERS: [&str; 6] = [
    "clientele_revenue",
    "clientele_periods",
    "clientele_ranked",
    "clientele_first",
    "clientele_levels",
    "clientele_moves",
];

/// What the script is asked for: where the ledger is, which of its columns hold what, and the
/// settings of the analysis.
#[derive(Clone, Debug)]
pub struct Warehouse {
    pub dialect: Dialect,
    /// A table or view, optionally qualified (`sales.ledger`).
    pub table: String,
    /// The column of each field that has one; customer, date and amount are required.
    pub columns: Vec<(Field, String)>,
    pub year_start: YearStart,
    pub cut_offs: CutOffs,
}

/// Why no script can be written.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum WarehouseError {
    /// A table or column name holding the dialect's quote character (or empty).
    BadName { name: String, quote: char },
    /// A required field mapped to no column.
    Unmapped(Field),
    /// A field the aggregate cannot carry (its value differs from line to line).
    NotAnAttribute(Field),
}

impl fmt::Display for WarehouseError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            WarehouseError::BadName { name, quote } => {
                write!(f, "the name '{name}' is empty or holds {quote}: give a table or column name without it")
            }
            WarehouseError::Unmapped(field) => {
                write!(f, "the field {} needs a column: give --map {}=COLUMN", field.name(), field.name())
            }
            WarehouseError::NotAnAttribute(field) => write!(
                f,
                "--map {}=...: the aggregate has one row per customer, period and attribute values, so it cannot \
                 carry {} (map cost or an attribute: product, product_group, sales_rep, team, department, region, \
                 segment)",
                field.name(),
                field.name()
            ),
        }
    }
}

impl Warehouse {
    /// The default columns: customer, date and amount under their own names.
    pub fn default_columns() -> Vec<(Field, String)> {
        [Field::Customer, Field::Date, Field::Amount].map(|f| (f, f.name().to_string())).to_vec()
    }

    /// The whole script: the five result tables, then the working tables dropped.
    pub fn script(&self) -> Result<String, WarehouseError> {
        let sql = Sql::new(self, false)?;
        let mut out = format!(
            "-- Clientele {}: the Customer Performance tables of {} (dialect {}, year start {}, cut-offs {}).\n\
             -- Definitions: docs/method-notes.md; tables: docs/warehouse.md.\n\n",
            env!("CARGO_PKG_VERSION"),
            self.table,
            self.dialect.name(),
            self.year_start,
            cut_off_text(self.cut_offs)
        );
        for (name, query) in sql.tables() {
            out += &self.dialect.create_table(name, &query);
            out += "\n";
        }
        for helper in HELPERS {
            out += &format!("DROP TABLE IF EXISTS {helper};\n");
        }
        Ok(out)
    }

    /// The same tables as dbt models, one per table in the order the script creates them (the
    /// working tables too, which later models `ref`): each a query, materialized as a table.
    pub fn dbt_models(&self) -> Result<Vec<(&'static str, String)>, WarehouseError> {
        let sql = Sql::new(self, true)?;
        let header = format!(
            "-- Clientele {}: dialect {}, year start {}, cut-offs {} (docs/warehouse.md).\n\
             {{{{ config(materialized='table') }}}}\n",
            env!("CARGO_PKG_VERSION"),
            self.dialect.name(),
            self.year_start,
            cut_off_text(self.cut_offs)
        );
        Ok(sql.tables().into_iter().map(|(name, query)| (name, format!("{header}{query}\n"))).collect())
    }
}

/// `1,5,20`: the cut-offs as `--cutoffs` takes them.
pub fn cut_off_text(cut_offs: CutOffs) -> String {
    let percent = |b: BasisPoints| {
        let (whole, hundredths) = (b.0 / 100, b.0 % 100);
        if hundredths == 0 {
            whole.to_string()
        } else {
            format!("{whole}.{hundredths:02}").trim_end_matches('0').to_string()
        }
    };
    format!("{},{},{}", percent(cut_offs.top), percent(cut_offs.big), percent(cut_offs.medium))
}

/// The parts of the script, with the names checked and quoted.
struct Sql<'a> {
    warehouse: &'a Warehouse,
    d: Dialect,
    table: String,
    customer: String,
    date: String,
    amount: String,
    cost: Option<String>,
    /// Each mapped attribute: its output name and its quoted column.
    attributes: Vec<(&'static str, String)>,
    /// Tables named as dbt models (`{{ ref('...') }}`) rather than as tables.
    dbt: bool,
}

impl<'a> Sql<'a> {
    fn new(warehouse: &'a Warehouse, dbt: bool) -> Result<Sql<'a>, WarehouseError> {
        let d = warehouse.dialect;
        let quoted = |name: &str| {
            if name.is_empty() || name.contains(d.quote_char()) {
                Err(WarehouseError::BadName { name: name.to_string(), quote: d.quote_char() })
            } else {
                Ok(d.quote(name))
            }
        };
        let column = |field: Field| warehouse.columns.iter().rev().find(|(f, _)| *f == field).map(|(_, c)| c.as_str());
        let required = |field: Field| column(field).ok_or(WarehouseError::Unmapped(field)).and_then(quoted);
        let table: Result<Vec<String>, _> = warehouse.table.split('.').map(quoted).collect();
        let mut attributes = Vec::new();
        for attribute in Attribute::ALL.into_iter().filter(|&a| a != Attribute::Invoice) {
            if let Some(name) = column(attribute.field()) {
                attributes.push((attribute.field().name(), quoted(name)?));
            }
        }
        for (field, _) in &warehouse.columns {
            let carried = field.is_required() || *field == Field::Cost || field.attribute().is_some();
            if !carried || *field == Field::Invoice {
                return Err(WarehouseError::NotAnAttribute(*field));
            }
        }
        Ok(Sql {
            warehouse,
            d,
            table: table?.join("."),
            customer: required(Field::Customer)?,
            date: required(Field::Date)?,
            amount: required(Field::Amount)?,
            cost: column(Field::Cost).map(quoted).transpose()?,
            attributes,
            dbt,
        })
    }

    fn tables(&self) -> Vec<(&'static str, String)> {
        vec![
            (CUSTOMER_PERIOD, self.customer_period()),
            (HELPERS[0], self.revenue()),
            (HELPERS[1], self.periods()),
            (HELPERS[2], self.ranked()),
            (HELPERS[3], self.first()),
            (HELPERS[4], self.levels()),
            (PYRAMID, self.pyramid()),
            (HELPERS[5], self.moves()),
            (FLOWS, self.flows()),
            (MIGRATION, self.migration()),
            (CONCENTRATION, self.concentration()),
        ]
    }

    /// One of the script's own tables, as a later query reads it.
    fn t(&self, name: &str) -> String {
        if self.dbt {
            format!("{{{{ ref('{name}') }}}}")
        } else {
            name.to_string()
        }
    }

    /// The period a date falls in, labelled by the year it starts (`YearStart::period_of`).
    fn period_of(&self, date: &str) -> String {
        let int = self.d.integer();
        let year = format!("EXTRACT(YEAR FROM {date})");
        let start = self.warehouse.year_start;
        if (start.month(), start.day()) == (1, 1) {
            return format!("CAST({year} AS {int})");
        }
        let month_day = start.month() * 100 + start.day();
        format!(
            "CAST({year} - CASE WHEN EXTRACT(MONTH FROM {date}) * 100 + EXTRACT(DAY FROM {date}) < {month_day} \
             THEN 1 ELSE 0 END AS {int})"
        )
    }

    /// One row per customer, period and combination of attribute values: the exportable aggregate.
    /// Lines without a customer, date or amount are left out, as the importer leaves them out.
    fn customer_period(&self) -> String {
        let d = self.d;
        let date = format!("CAST({} AS DATE)", self.date);
        let mut columns = vec![
            format!("CAST({} AS {}) AS customer", self.customer, d.text()),
            format!("{} AS period", self.period_of(&date)),
        ];
        // A blank cell is no value (docs/method-notes.md, "Blank cells").
        columns.extend(
            self.attributes.iter().map(|(name, col)| format!("NULLIF(CAST({col} AS {}), '') AS {name}", d.text())),
        );
        let keys: Vec<String> = (1..=columns.len()).map(|i| i.to_string()).collect();
        columns.push(format!("SUM({}) AS revenue", self.amount));
        columns.push(match &self.cost {
            Some(cost) => format!("SUM({cost}) AS cost"),
            None => format!("SUM(CAST(NULL AS {})) AS cost", self.money_type()),
        });
        columns.push(format!("CAST(COUNT(*) AS {}) AS lines", d.integer()));
        format!(
            "SELECT {}\nFROM {}\nWHERE {} IS NOT NULL AND {} IS NOT NULL AND {} IS NOT NULL\nGROUP BY {}",
            columns.join(",\n  "),
            self.table,
            self.customer,
            self.date,
            self.amount,
            keys.join(", ")
        )
    }

    fn money_type(&self) -> &'static str {
        match self.d {
            Dialect::Postgres => "NUMERIC(38,2)",
            Dialect::BigQuery => "NUMERIC",
            Dialect::DuckDb | Dialect::Spark => "DECIMAL(38,2)",
        }
    }

    /// `revenue(c, P)`: net, credit notes included.
    fn revenue(&self) -> String {
        format!(
            "SELECT customer, period, SUM(revenue) AS revenue FROM {} GROUP BY customer, period",
            self.t(CUSTOMER_PERIOD)
        )
    }

    /// Every period from the first line's to the last line's, empty ones included.
    fn periods(&self) -> String {
        self.d.series(&format!("SELECT MIN(period) AS lo, MAX(period) AS hi FROM {}", self.t(HELPERS[0])))
    }

    /// The active customers of each period in ranking order: revenue first, then id in byte order.
    fn ranked(&self) -> String {
        format!(
            "SELECT customer, period, revenue,\n  ROW_NUMBER() OVER (PARTITION BY period ORDER BY revenue DESC, {}) AS \
             customer_rank,\n  COUNT(*) OVER (PARTITION BY period) AS active_customers\nFROM {} WHERE revenue > 0",
            self.d.byte_order("customer"),
            self.t(HELPERS[0])
        )
    }

    fn first(&self) -> String {
        format!("SELECT customer, MIN(period) AS first_period FROM {} GROUP BY customer", self.t(HELPERS[2]))
    }

    /// `rank <= k(p)` with `k(p) = ceil(p * n)` in integers (`BasisPoints::of`).
    fn within(&self, cut_off: BasisPoints) -> String {
        let whole = BasisPoints::WHOLE.0;
        let k = self.d.int_div(&format!("{} * r.active_customers + {}", cut_off.0, whole - 1), &whole.to_string());
        format!("r.customer_rank <= {k}")
    }

    /// Each customer's level in every period from its first active one (`Levels::classify`).
    fn levels(&self) -> String {
        let c = self.warehouse.cut_offs;
        let case = format!(
            "CASE WHEN r.customer_rank IS NULL THEN '{}' WHEN {} THEN '{}' WHEN {} THEN '{}' WHEN {} THEN '{}' ELSE '{}' END",
            Level::Inactive.name(),
            self.within(c.top),
            Level::Top.name(),
            self.within(c.big),
            Level::Big.name(),
            self.within(c.medium),
            Level::Medium.name(),
            Level::Small.name()
        );
        format!(
            "SELECT f.customer, p.period, {case} AS level, COALESCE(v.revenue, 0) AS revenue\nFROM {first} AS f\nJOIN {periods} \
             AS p ON p.period >= f.first_period\nLEFT JOIN {ranked} AS r ON r.customer = f.customer AND r.period = \
             p.period\nLEFT JOIN {revenue} AS v ON v.customer = f.customer AND v.period = p.period",
            first = self.t(HELPERS[3]),
            periods = self.t(HELPERS[1]),
            ranked = self.t(HELPERS[2]),
            revenue = self.t(HELPERS[0])
        )
    }

    /// The levels in the pyramid's order, as a query of `level` and `level_order`.
    fn level_list(levels: impl IntoIterator<Item = &'static str>) -> String {
        let rows: Vec<String> = levels
            .into_iter()
            .enumerate()
            .map(|(i, name)| format!("SELECT '{name}' AS level, {i} AS level_order"))
            .collect();
        rows.join(" UNION ALL ")
    }

    fn pyramid(&self) -> String {
        format!(
            "SELECT p.period, l.level, COUNT(s.customer) AS customers, COALESCE(SUM(s.revenue), 0) AS revenue\nFROM {} AS \
             p\nCROSS JOIN ({}) AS l\nLEFT JOIN {} AS s ON s.period = p.period AND s.level = l.level\nGROUP BY p.period, \
             l.level, l.level_order",
            self.t(HELPERS[1]),
            Self::level_list(Level::ALL.map(Level::name)),
            self.t(HELPERS[4])
        )
    }

    /// Per customer and period after the first: its state in P-1 (`NULL`: not yet a customer)
    /// and in P, with its revenue in both.
    fn moves(&self) -> String {
        format!(
            "SELECT a.period, a.customer, b.level AS from_level, a.level AS to_level,\n  COALESCE(v.revenue, 0) AS \
             revenue_from, a.revenue AS revenue_to\nFROM {levels} AS a\nLEFT JOIN {levels} AS b ON b.customer = a.customer \
             AND b.period = a.period - 1\nLEFT JOIN {revenue} AS v ON v.customer = a.customer AND v.period = a.period - \
             1\nWHERE a.period > (SELECT MIN(period) FROM {periods})",
            levels = self.t(HELPERS[4]),
            revenue = self.t(HELPERS[0]),
            periods = self.t(HELPERS[1])
        )
    }

    /// `FlowStatus::of`, counted per period.
    fn flows(&self) -> String {
        let inactive = Level::Inactive.name();
        let was = format!("m.from_level IS NOT NULL AND m.from_level <> '{inactive}'");
        let is = format!("m.to_level <> '{inactive}'");
        let count = |condition: String, name: &str| format!("COUNT(CASE WHEN {condition} THEN 1 END) AS {name}");
        let columns = [
            count(was.clone(), "start_customers"),
            count(format!("{is} AND m.from_level IS NULL"), "new_customers"),
            count(format!("{is} AND m.from_level = '{inactive}'"), "regained_customers"),
            count(format!("{was} AND m.to_level = '{inactive}'"), "lost_customers"),
            count(format!("{was} AND {is}"), "retained_customers"),
            count(is.clone(), "end_customers"),
        ];
        format!(
            "SELECT p.period,\n  {}\nFROM {periods} AS p\nLEFT JOIN {moves} AS m ON m.period = p.period\nWHERE p.period > \
             (SELECT MIN(period) FROM {periods})\nGROUP BY p.period",
            columns.join(",\n  "),
            periods = self.t(HELPERS[1]),
            moves = self.t(HELPERS[5])
        )
    }

    /// All 29 cells of every period after the first, empty ones included (`Migration::between`).
    fn migration(&self) -> String {
        let cells: Vec<String> = FROM
            .iter()
            .flat_map(|&from| Level::ALL.iter().map(move |&to| (from, to)))
            .filter(|&(from, to)| !(from.is_none() && to == Level::Inactive))
            .map(|(from, to)| format!("SELECT '{}' AS from_level, '{}' AS to_level", state_name(from), to.name()))
            .collect();
        let none = state_name(None);
        format!(
            "SELECT p.period, c.from_level, c.to_level, COUNT(m.customer) AS customers,\n  COALESCE(SUM(m.revenue_from), \
             0) AS revenue_from, COALESCE(SUM(m.revenue_to), 0) AS revenue_to\nFROM {periods} AS p\nCROSS JOIN ({cells}) \
             AS c\nLEFT JOIN {moves} AS m ON m.period = p.period AND COALESCE(m.from_level, '{none}') = c.from_level AND \
             m.to_level = c.to_level\nWHERE p.period > (SELECT MIN(period) FROM {periods})\nGROUP BY p.period, \
             c.from_level, c.to_level",
            cells = cells.join(" UNION ALL "),
            periods = self.t(HELPERS[1]),
            moves = self.t(HELPERS[5])
        )
    }

    /// Top share and Gini of every period (`Concentration::of`, `concentration::gini`): the sums
    /// in exact integer cents and one division each, as the engine divides its integers.
    fn concentration(&self) -> String {
        let d = self.d;
        let cents = format!("CAST(r.revenue * 100 AS {})", d.wide_integer());
        let double = |x: &str| format!("CAST({x} AS {})", d.double());
        let total = format!("SUM({cents})");
        let top = format!("SUM(CASE WHEN {} THEN {cents} ELSE 0 END)", self.within(TOP_SHARE));
        // Ascending position i = n + 1 - rank, so 2i - n - 1 = n + 1 - 2 rank.
        let weighted = format!("SUM((r.active_customers + 1 - 2 * r.customer_rank) * {cents})");
        let whole = format!("MAX(r.active_customers) * {total}");
        format!(
            "SELECT p.period,\n  COALESCE({} / NULLIF({}, 0), 0) AS top20_revenue_share,\n  COALESCE({} / NULLIF({}, 0), \
             0) AS gini\nFROM {} AS p\nLEFT JOIN {} AS r ON r.period = p.period\nGROUP BY p.period",
            double(&top),
            double(&total),
            double(&weighted),
            double(&whole),
            self.t(HELPERS[1]),
            self.t(HELPERS[2])
        )
    }
}

#[cfg(test)]
mod tests;

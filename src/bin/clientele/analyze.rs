//! `clientele analyze`: the pyramid, flows, migration and concentration of every period, as
//! readable tables or (`--json`) as one JSON object.

use crate::import_args::ImportArgs;
use clientele::engine::concentration::Concentration;
use clientele::engine::flows::Flows;
use clientele::engine::ledger::Ledger;
use clientele::engine::migration::{state_name, Migration, Movement};
use clientele::engine::period::YearStart;
use clientele::engine::pyramid::{CutOffs, Levels, Outside, Pyramid};
use clientele::engine::revenue::RevenueTable;
use clientele::engine::sample::sample_ledger;
use clientele::engine::scope::Scope;
use std::io::Write;
use std::path::PathBuf;
use std::process::ExitCode;

#[derive(clap::Args, Debug)]
pub struct AnalyzeArgs {
    /// Ledger files (.csv, .tsv, .txt, .xlsx, .xls, .ods); several are appended into one ledger.
    /// A clientele_customer_period file (`clientele sql`) is read as one line per row on the
    /// first day of its period (give the --year-start its script was made with).
    #[arg(value_name = "FILE", required_unless_present = "sample")]
    pub files: Vec<PathBuf>,
    #[command(flatten)]
    pub import: ImportArgs,
    /// First day of every year-long period, MM-DD (07-01 for fiscal years from July).
    #[arg(long, value_name = "MM-DD", value_parser = parse_year_start, default_value = "01-01")]
    pub year_start: YearStart,
    /// The pyramid's cut-offs in percent: top, big, medium (as `clientele sql --cutoffs`).
    #[arg(long, value_name = "TOP,BIG,MEDIUM", value_parser = CutOffs::parse, default_value = "1,5,20")]
    pub cutoffs: CutOffs,
    /// Print one JSON object instead of tables.
    #[arg(long)]
    pub json: bool,
    /// Analyse the built-in sample ledger instead of files.
    #[arg(long, conflicts_with = "files")]
    pub sample: bool,
}

pub fn run(args: &AnalyzeArgs) -> ExitCode {
    let ledger = if args.sample {
        sample_ledger()
    } else {
        match args.import.ledger_of_periods(&args.files, args.year_start) {
            Ok(ledger) => ledger,
            Err(code) => return code,
        }
    };
    let analyses = Analyses::of(&ledger, args.year_start, args.cutoffs);
    let text = if args.json { analyses.json() + "\n" } else { analyses.tables() };
    // A closed pipe (`| head`) is the reader's choice, not an error worth a panic.
    let _ = std::io::stdout().lock().write_all(text.as_bytes());
    ExitCode::SUCCESS
}

pub(crate) fn parse_year_start(text: &str) -> Result<YearStart, String> {
    YearStart::parse(text).ok_or_else(|| format!("expected MM-DD (a date every year has, e.g. 07-01), not '{text}'"))
}

/// Every period's results for the whole company with the given cut-offs.
struct Analyses {
    pyramids: Vec<Pyramid>,
    flows: Vec<Flows>,
    migrations: Vec<Migration>,
    concentration: Vec<Concentration>,
}

impl Analyses {
    fn of(ledger: &Ledger, year_start: YearStart, cut_offs: CutOffs) -> Analyses {
        let table = RevenueTable::build(ledger, year_start, &Scope::Company);
        let history = Levels::every_period(&table, cut_offs);
        Analyses {
            pyramids: history.iter().map(|levels| Pyramid::of(&table, levels, Outside::default())).collect(),
            flows: Flows::every_period(&history),
            migrations: Migration::every_period(&table, &history),
            concentration: history.iter().map(|levels| Concentration::of(&table, levels)).collect(),
        }
    }

    /// The JSON contract of issue 4. Written by hand so that money is an exact decimal token
    /// with two decimals (1234.50), never a float that went through binary arithmetic.
    fn json(&self) -> String {
        let periods = array(self.pyramids.iter().map(|p| string(&p.period.to_string())));
        let pyramid = object(self.pyramids.iter().map(|p| {
            let rows = p.levels.iter().map(|r| {
                object([
                    ("level", string(r.level.name())),
                    ("customers", r.customers.to_string()),
                    ("revenue", r.revenue.to_string()),
                    ("customer_share", optional_float(r.customer_share)),
                    ("revenue_share", optional_float(r.revenue_share)),
                    ("average_revenue", r.average_revenue.map_or("null".into(), |m| m.to_string())),
                    ("gross_margin", r.gross_margin.map_or("null".into(), |m| m.to_string())),
                ])
            });
            (p.period.to_string(), array(rows))
        }));
        let flows = object(self.flows.iter().map(|f| {
            let counts = [
                ("start", f.start),
                ("new", f.new),
                ("regained", f.regained),
                ("lost", f.lost),
                ("retained", f.retained),
                ("end", f.end),
            ];
            (f.period.to_string(), object(counts.map(|(k, n)| (k, n.to_string()))))
        }));
        let migration = object(self.migrations.iter().map(|m| {
            let cells = m.cells.iter().map(|c| {
                object([
                    ("from", string(state_name(c.from))),
                    ("to", string(c.to.name())),
                    ("customers", c.customers.to_string()),
                    ("revenue_from", c.revenue_from.to_string()),
                    ("revenue_to", c.revenue_to.to_string()),
                    ("movement", string(movement_name(Movement::of(c.from, c.to)))),
                ])
            });
            (m.period.to_string(), array(cells))
        }));
        let concentration = object(self.concentration.iter().map(|c| {
            let fields = [
                ("top20_revenue_share", float(c.top20_revenue_share)),
                ("gini", float(c.gini)),
                ("active_customers", c.active_customers.to_string()),
                ("top_customers", c.top_customers.to_string()),
                ("revenue", c.revenue.to_string()),
            ];
            (c.period.to_string(), object(fields))
        }));
        object([
            ("periods", periods),
            ("pyramid", pyramid),
            ("flows", flows),
            ("migration", migration),
            ("concentration", concentration),
        ])
    }

    fn tables(&self) -> String {
        let mut out = String::new();
        for (i, p) in self.pyramids.iter().enumerate() {
            out += &format!(
                "\n== {} ==\n{:<9} {:>9} {:>7} {:>16} {:>7}\n",
                p.period, "level", "customers", "share", "revenue", "share"
            );
            for r in &p.levels {
                out += &format!(
                    "{:<9} {:>9} {:>7} {:>16} {:>7}\n",
                    r.level.name(),
                    r.customers,
                    percent(r.customer_share),
                    r.revenue.to_string(),
                    percent(r.revenue_share)
                );
            }
            if let Some(c) = self.concentration.get(i) {
                out += &format!(
                    "top {} of {} customers ({:.1} %) make {:.1} % of revenue; Gini {:.3}\n",
                    c.top_customers,
                    c.active_customers,
                    100.0 * c.top20_customer_share,
                    100.0 * c.top20_revenue_share,
                    c.gini
                );
            }
            if let Some(f) = self.flows.iter().find(|f| f.period == p.period) {
                out += &format!(
                    "flows: start {} - lost {} + new {} + regained {} = end {} (retained {})\n",
                    f.start, f.lost, f.new, f.regained, f.end, f.retained
                );
            }
            if let Some(m) = self.migrations.iter().find(|m| m.period == p.period) {
                out += &format!("migration from {}:\n", p.period.previous());
                for c in m.cells.iter().filter(|c| c.customers > 0) {
                    out += &format!(
                        "  {:>8} -> {:<8} {:>7} {:>16} {:>16}\n",
                        state_name(c.from),
                        c.to.name(),
                        c.customers,
                        c.revenue_from.to_string(),
                        c.revenue_to.to_string()
                    );
                }
            }
        }
        out
    }
}

fn movement_name(movement: Movement) -> &'static str {
    match movement {
        Movement::Upward => "upward",
        Movement::Stable => "stable",
        Movement::Downward => "downward",
    }
}

fn percent(share: Option<f64>) -> String {
    share.map_or("-".into(), |s| format!("{:.1} %", 100.0 * s))
}

/// A JSON string token.
pub(crate) fn string(text: &str) -> String {
    serde_json::to_string(text).unwrap_or_else(|_| "null".into())
}

/// A JSON number token (serde_json writes the shortest form that reads back exactly).
pub(crate) fn float(value: f64) -> String {
    serde_json::to_string(&value).unwrap_or_else(|_| "null".into())
}

pub(crate) fn optional_float(value: Option<f64>) -> String {
    value.map_or("null".into(), float)
}

/// A JSON object from keys and already-encoded values.
pub(crate) fn object<K: AsRef<str>>(entries: impl IntoIterator<Item = (K, String)>) -> String {
    let fields: Vec<String> = entries.into_iter().map(|(k, v)| format!("{}:{v}", string(k.as_ref()))).collect();
    format!("{{{}}}", fields.join(","))
}

/// A JSON array of already-encoded values.
pub(crate) fn array(items: impl IntoIterator<Item = String>) -> String {
    format!("[{}]", items.into_iter().collect::<Vec<_>>().join(","))
}

#[cfg(test)]
mod tests {
    use super::*;
    use clientele::engine::date::Day;
    use clientele::engine::ledger::{Columns, LedgerBuilder, LineExtras};
    use clientele::engine::money::Money;

    #[test]
    fn money_is_an_exact_two_decimal_token() {
        let json = object([
            ("revenue", Money::from_cents(123_450).to_string()),
            ("credit", Money::from_cents(-5).to_string()),
        ]);
        assert_eq!(json, r#"{"revenue":1234.50,"credit":-0.05}"#);
        let parsed: serde_json::Value = serde_json::from_str(&json).unwrap_or_default();
        assert_eq!(parsed["revenue"].as_f64(), Some(1234.5));
    }

    #[test]
    fn sample_ledger_follows_the_contract() {
        let analyses = Analyses::of(&sample_ledger(), YearStart::default(), CutOffs::default());
        let json: serde_json::Value = serde_json::from_str(&analyses.json()).unwrap_or_default();
        let periods: Vec<&str> = json["periods"].as_array().into_iter().flatten().filter_map(|p| p.as_str()).collect();
        assert_eq!(periods, vec!["2021", "2022", "2023", "2024", "2025"]);
        assert!(json["flows"].get("2021").is_none());
        assert_eq!(json["pyramid"]["2025"].as_array().map(Vec::len), Some(5));
        assert_eq!(json["migration"]["2025"].as_array().map(Vec::len), Some(29));
        assert!(json["concentration"]["2025"]["gini"].as_f64().is_some_and(|g| (0.0..1.0).contains(&g)));
    }

    /// Each flow count under its own key, in the JSON and in the table: counts chosen all
    /// different, so a count written under another's name shows.
    /// 2022: S1, S2, R1-R4 active. 2023: S1, S2, K1-K3 (R1-R4 gone).
    /// 2024: S1, S2, R1-R4 and N; K1's credit note outweighs its sale, K2 and K3 buy nothing.
    /// 2023: start 6, retained 2 (S1, S2), lost 4 (R1-R4), new 3 (K1-K3), regained 0, end 5.
    /// 2024: start 5, retained 2 (S1, S2), lost 3 (K1-K3), new 1 (N), regained 4 (R1-R4), end 7.
    #[test]
    fn every_flow_count_is_written_under_its_name() {
        let lines = [
            (2022, ["S1", "S2", "R1", "R2", "R3", "R4"].as_slice(), 1_000),
            (2023, &["S1", "S2", "K1", "K2", "K3"], 1_000),
            (2024, &["S1", "S2", "R1", "R2", "R3", "R4", "N", "K1"], 1_000),
            (2024, &["K1"], -1_500),
        ];
        let mut b = LedgerBuilder::new(Columns::default());
        for (year, customers, cents) in lines {
            let day = Day::from_ymd(year, 6, 1).unwrap_or(Day::from_number(0));
            for &customer in customers {
                b.push(customer, day, Money::from_cents(cents), &LineExtras::default());
            }
        }
        let analyses = Analyses::of(&b.finish(), YearStart::default(), CutOffs::default());
        let json: serde_json::Value = serde_json::from_str(&analyses.json()).unwrap_or_default();
        let expected = serde_json::json!({
            "2023": {"start": 6, "new": 3, "regained": 0, "lost": 4, "retained": 2, "end": 5},
            "2024": {"start": 5, "new": 1, "regained": 4, "lost": 3, "retained": 2, "end": 7},
        });
        assert_eq!(json["flows"], expected);
        let tables = analyses.tables();
        assert!(tables.contains("flows: start 5 - lost 3 + new 1 + regained 4 = end 7 (retained 2)\n"), "{tables}");
    }
}

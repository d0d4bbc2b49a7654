//! `clientele profit`: customer-based accounting of one period (cost pools spread by their
//! drivers, net profit per customer and level, the whale curve), as tables or (`--json`) the
//! JSON object of issue 13 (docs/method-notes.md).

use crate::analyze::{array, object, optional_float, parse_year_start, string};
use crate::import_args::{fail, ImportArgs};
use clientele::engine::contact_plan::{parse_contacts, Contact};
use clientele::engine::cost_pools::{parse_activities, parse_pools, CostPools};
use clientele::engine::ledger::Ledger;
use clientele::engine::period::{Period, YearStart};
use clientele::engine::profitability::{parse_margins, LevelProfit, Profitability};
use clientele::engine::pyramid::{CutOffs, Levels};
use clientele::engine::revenue::RevenueTable;
use clientele::engine::scope::Scope;
use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

#[derive(clap::Args, Debug)]
pub struct ProfitArgs {
    /// Ledger files (.csv, .tsv, .txt, .xlsx, .xls, .ods); several are appended into one ledger.
    #[arg(value_name = "LEDGER", required = true)]
    pub files: Vec<PathBuf>,
    /// The cost pools: CSV with pool,amount,driver,capacity_minutes (driver: invoice, line,
    /// revenue, customer or time; capacity only for time).
    #[arg(long, value_name = "POOLS.csv")]
    pub costs: PathBuf,
    /// The activities of the time pools: CSV with pool,activity,driver,minutes (driver:
    /// invoice, line, customer, or contact with --contacts; minutes per unit).
    #[arg(long, value_name = "ACTIVITIES.csv")]
    pub activities: Option<PathBuf>,
    /// Realised contacts for the contact driver: CSV with customer,date,type,minutes (the
    /// Contact Plan page's activity file).
    #[arg(long, value_name = "CONTACTS.csv")]
    pub contacts: Option<PathBuf>,
    /// Margins per product group for a ledger without a cost column: CSV with
    /// product_group,margin_percent (used instead of the cost column when given).
    #[arg(long, value_name = "GROUPS.csv")]
    pub margins: Option<PathBuf>,
    /// The period (the year it starts in); default: the ledger's last.
    #[arg(long, value_name = "YYYY")]
    pub period: Option<i32>,
    /// First day of every year-long period, MM-DD (07-01 for fiscal years from July).
    #[arg(long, value_name = "MM-DD", value_parser = parse_year_start, default_value = "01-01")]
    pub year_start: YearStart,
    #[command(flatten)]
    pub import: ImportArgs,
    /// Print one JSON object instead of tables.
    #[arg(long)]
    pub json: bool,
}

pub fn run(args: &ProfitArgs) -> ExitCode {
    let (pools, margins, contacts) = match read_inputs(args) {
        Ok(inputs) => inputs,
        Err(message) => return fail(&message),
    };
    let ledger = match args.import.ledger(&args.files) {
        Ok(ledger) => ledger,
        Err(code) => return code,
    };
    let account = match account(&ledger, args, &pools, margins.as_ref(), &contacts) {
        Ok(account) => account,
        Err(message) => return fail(&message),
    };
    for note in &account.notes {
        eprintln!("clientele: note: {note}");
    }
    let text = if args.json { json(&account) + "\n" } else { tables(&account) };
    // A closed pipe (`| head`) is the reader's choice, not an error worth a panic.
    let _ = std::io::stdout().lock().write_all(text.as_bytes());
    ExitCode::SUCCESS
}

type Inputs = (CostPools, Option<clientele::engine::profitability::GroupMargins>, Vec<Contact>);

fn read_inputs(args: &ProfitArgs) -> Result<Inputs, String> {
    let read = |path: &Path| std::fs::read(path).map_err(|e| format!("{}: {e}", path.display()));
    let name = |path: &Path| path.display().to_string();
    let pools = parse_pools(&name(&args.costs), &read(&args.costs)?).map_err(|e| e.to_string())?;
    let contacts = match &args.contacts {
        Some(path) => parse_contacts(&name(path), &read(path)?).map_err(|e| e.to_string())?,
        None => Vec::new(),
    };
    let activities = match &args.activities {
        Some(path) => {
            parse_activities(&name(path), &read(path)?, &pools, !contacts.is_empty()).map_err(|e| e.to_string())?
        }
        None => Vec::new(),
    };
    let margins = match &args.margins {
        Some(path) => Some(parse_margins(&name(path), &read(path)?).map_err(|e| e.to_string())?),
        None => None,
    };
    Ok((CostPools { pools, activities }, margins, contacts))
}

fn account(
    ledger: &Ledger,
    args: &ProfitArgs,
    pools: &CostPools,
    margins: Option<&clientele::engine::profitability::GroupMargins>,
    contacts: &[Contact],
) -> Result<Profitability, String> {
    let table = RevenueTable::build(ledger, args.year_start, &Scope::Company);
    let last = table.periods().last().copied().ok_or("the ledger has no lines")?;
    let period = args.period.map_or(last, Period::starting_in);
    let levels = Levels::classify(&table, period, CutOffs::default())
        .ok_or_else(|| format!("the ledger has no period {period}; choose a year of its data"))?;
    Profitability::of(ledger, &table, &levels, pools, margins, contacts).map_err(|e| e.to_string())
}

fn level_name(level: &LevelProfit) -> &'static str {
    level.level.map_or("none", |l| l.name())
}

/// The JSON of issue 13, money as exact two-decimal tokens. Extra keys: per pool `driver`
/// (and for time pools `capacity_minutes`, `minutes_used`); per customer `level`,
/// `cost_to_serve`; in `whale` `top20_customers`; `loss_makers` with each one's costliest
/// pool; `notes`.
fn json(p: &Profitability) -> String {
    let pools = array(p.pools.iter().map(|r| {
        let mut fields = vec![
            ("pool", string(&r.pool)),
            ("driver", string(r.driver.name())),
            ("amount", r.amount.to_string()),
            ("allocated", r.allocated.to_string()),
            ("unused", r.unused.to_string()),
        ];
        if let (Some(capacity), Some(used)) = (r.capacity, r.minutes_used) {
            fields.push(("capacity_minutes", capacity.to_string()));
            fields.push(("minutes_used", used.to_string()));
        }
        object(fields)
    }));
    let customers = array(p.customers.iter().map(|c| {
        let costs = object(p.pools.iter().zip(&c.costs).map(|(pool, cost)| (pool.pool.as_str(), cost.to_string())));
        object([
            ("customer", string(&c.key)),
            ("level", string(c.level.map_or("none", |l| l.name()))),
            ("revenue", c.revenue.to_string()),
            ("gross_margin", c.gross_margin.to_string()),
            ("costs", costs),
            ("cost_to_serve", c.cost_to_serve.to_string()),
            ("net_profit", c.net_profit.to_string()),
        ])
    }));
    let levels = array(p.levels.iter().map(|l| {
        object([
            ("level", string(level_name(l))),
            ("customers", l.customers.to_string()),
            ("revenue", l.revenue.to_string()),
            ("gross_margin", l.gross_margin.to_string()),
            ("cost_to_serve", l.cost_to_serve.to_string()),
            ("net_profit", l.net_profit.to_string()),
        ])
    }));
    let w = &p.whale;
    let whale = object([
        ("customers", w.customers.to_string()),
        ("total_profit", w.total_profit.to_string()),
        ("peak_profit", w.peak_profit.to_string()),
        ("peak_share", optional_float(w.peak_share)),
        ("peak_customers", w.peak_customers.to_string()),
        ("top20_customers", w.top20_customers.to_string()),
        ("top20_profit_share", optional_float(w.top20_profit_share)),
        ("loss_making_customers", w.loss_making_customers.to_string()),
    ]);
    let loss_makers = array(p.loss_makers.iter().map(|l| {
        object([
            ("customer", string(&l.key)),
            ("net_profit", l.net_profit.to_string()),
            ("costliest_pool", l.costliest_pool.as_deref().map_or("null".into(), string)),
        ])
    }));
    object([
        ("period", string(&p.period.to_string())),
        ("pools", pools),
        ("customers", customers),
        ("levels", levels),
        ("whale", whale),
        ("loss_makers", loss_makers),
        ("notes", array(p.notes.iter().map(|n| string(&n.to_string())))),
    ])
}

fn tables(p: &Profitability) -> String {
    let mut out = format!("== {} ==\n{:<20} {:>16} {:>16} {:>16}\n", p.period, "pool", "amount", "allocated", "unused");
    for r in &p.pools {
        out += &format!(
            "{:<20} {:>16} {:>16} {:>16}\n",
            r.pool,
            r.amount.to_string(),
            r.allocated.to_string(),
            r.unused.to_string()
        );
    }
    out += &format!(
        "\n{:<20} {:<8} {:>16} {:>16} {:>16} {:>16}\n",
        "customer", "level", "revenue", "gross margin", "cost to serve", "net profit"
    );
    for c in &p.customers {
        let level = c.level.map_or("none", |l| l.name());
        out += &format!(
            "{:<20} {:<8} {:>16} {:>16} {:>16} {:>16}\n",
            c.key,
            level,
            c.revenue.to_string(),
            c.gross_margin.to_string(),
            c.cost_to_serve.to_string(),
            c.net_profit.to_string()
        );
    }
    out += &format!(
        "\n{:<9} {:>9} {:>16} {:>16} {:>16} {:>16}\n",
        "level", "customers", "revenue", "gross margin", "cost to serve", "net profit"
    );
    for l in &p.levels {
        out += &format!(
            "{:<9} {:>9} {:>16} {:>16} {:>16} {:>16}\n",
            level_name(l),
            l.customers,
            l.revenue.to_string(),
            l.gross_margin.to_string(),
            l.cost_to_serve.to_string(),
            l.net_profit.to_string()
        );
    }
    out + &whale_statements(p)
}

/// The whale curve's statements in words.
fn whale_statements(p: &Profitability) -> String {
    let w = &p.whale;
    let percent = |share: Option<f64>| share.map_or("-".into(), |s| format!("{:.1} %", 100.0 * s));
    let mut out = format!("\ntotal profit {} of {} customers\n", w.total_profit, w.customers);
    if let Some(peak) = w.peak_share.filter(|_| w.peak_customers < w.customers) {
        out += &format!(
            "the most profitable {} customers make {} of profit; the other {} lose {}\n",
            w.peak_customers,
            percent(Some(peak)),
            w.customers - w.peak_customers,
            percent(Some(peak - 1.0))
        );
    }
    out +=
        &format!("the top 20 % ({} customers) make {} of profit\n", w.top20_customers, percent(w.top20_profit_share));
    for l in &p.loss_makers {
        out += &format!(
            "loss: {} {} (costliest pool: {})\n",
            l.key,
            l.net_profit,
            l.costliest_pool.as_deref().unwrap_or("-")
        );
    }
    out
}

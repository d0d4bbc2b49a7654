use super::*;

fn warehouse(dialect: Dialect) -> Warehouse {
    Warehouse {
        dialect,
        table: "sales.ledger".into(),
        columns: Warehouse::default_columns(),
        year_start: YearStart::default(),
        cut_offs: CutOffs::default(),
    }
}

/// Every dialect creates the five result tables, in the order the later ones need them, and
/// drops its working tables at the end. (That the figures are right is shown on the real
/// engines: tests/warehouse/run.py.)
#[test]
fn every_dialect_creates_the_five_tables_in_order() {
    for dialect in Dialect::ALL {
        let script = warehouse(dialect).script().unwrap_or_default();
        let at = |name: &str| script.find(&format!("TABLE {name} AS")).unwrap_or(usize::MAX);
        let order = [CUSTOMER_PERIOD, PYRAMID, FLOWS, MIGRATION, CONCENTRATION].map(at);
        assert!(order.windows(2).all(|w| w[0] < w[1]) && order[4] < usize::MAX, "{}: {order:?}", dialect.name());
        assert!(script.trim_end().ends_with("DROP TABLE IF EXISTS clientele_moves;"), "{}", dialect.name());
        assert_eq!(Dialect::from_name(dialect.name()), Some(dialect));
    }
}

/// The cut-offs and the year start are written into the script as the engine defines them:
/// `k(1 %) = ceil(100 n / 10000)` as `(100 n + 9999) div 10000`, and 2024-06-30 before a 07-01
/// year start (630 < 701) in the period that starts in 2023.
#[test]
fn cut_offs_and_fiscal_years_are_the_engines() {
    let mut w = warehouse(Dialect::Spark);
    w.year_start = YearStart::parse("07-01").unwrap_or_default();
    w.cut_offs = CutOffs::parse("2.5,5,20").unwrap_or_default();
    let script = w.script().unwrap_or_default();
    assert!(script.contains("((250 * r.active_customers + 9999) div (10000))"), "{script}");
    assert!(script
        .contains("EXTRACT(MONTH FROM CAST(`date` AS DATE)) * 100 + EXTRACT(DAY FROM CAST(`date` AS DATE)) < 701"));
    assert!(script.contains("cut-offs 2.5,5,20"));
    assert!(warehouse(Dialect::Postgres).script().unwrap_or_default().contains("customer COLLATE \"C\""));
}

#[test]
fn names_and_mappings_that_cannot_work_are_refused() {
    let mut w = warehouse(Dialect::DuckDb);
    w.table = "led\"ger".into();
    assert_eq!(w.script(), Err(WarehouseError::BadName { name: "led\"ger".into(), quote: '"' }));
    let mut w = warehouse(Dialect::BigQuery);
    w.columns.retain(|(f, _)| *f != Field::Amount);
    assert_eq!(w.script(), Err(WarehouseError::Unmapped(Field::Amount)));
    let mut w = warehouse(Dialect::DuckDb);
    w.columns.push((Field::Invoice, "invoice".into()));
    assert_eq!(w.script(), Err(WarehouseError::NotAnAttribute(Field::Invoice)));
    let message = WarehouseError::Unmapped(Field::Date).to_string();
    assert!(message.contains("--map date=COLUMN"), "{message}");
}

/// A mapped attribute becomes a column of the aggregate under its field's name, blank cells as
/// no value; the cost is summed when mapped and empty otherwise.
#[test]
fn mapped_attributes_and_cost_are_carried_into_the_aggregate() {
    let mut w = warehouse(Dialect::DuckDb);
    w.columns.extend([(Field::Department, "dept".to_string()), (Field::Cost, "cogs".to_string())]);
    let script = w.script().unwrap_or_default();
    assert!(script.contains("NULLIF(CAST(\"dept\" AS VARCHAR), '') AS department"), "{script}");
    assert!(script.contains("SUM(\"cogs\") AS cost"));
    assert!(script.contains("GROUP BY 1, 2, 3;\n"), "{script}");
    assert!(warehouse(Dialect::DuckDb)
        .script()
        .unwrap_or_default()
        .contains("SUM(CAST(NULL AS DECIMAL(38,2))) AS cost"));
    assert_eq!(cut_off_text(CutOffs::parse("0.07,5,20").unwrap_or_default()), "0.07,5,20");
}

/// The dbt form: the same queries, one model per table in build order, each reading the ones
/// before it with `ref` and creating nothing itself (dbt materializes it).
#[test]
fn dbt_models_are_the_scripts_queries_reading_each_other_with_ref() {
    let w = warehouse(Dialect::DuckDb);
    let models = w.dbt_models().unwrap_or_default();
    let names: Vec<&str> = models.iter().map(|(name, _)| *name).collect();
    assert_eq!(names[0], CUSTOMER_PERIOD);
    assert_eq!(names.len(), 5 + HELPERS.len());
    let pyramid = &models.iter().find(|(name, _)| *name == PYRAMID).map(|(_, sql)| sql.clone()).unwrap_or_default();
    assert!(pyramid.contains("FROM {{ ref('clientele_periods') }} AS p"), "{pyramid}");
    assert!(pyramid.contains("{{ config(materialized='table') }}"));
    assert!(models.iter().all(|(_, sql)| !sql.contains("CREATE") && !sql.contains("DROP")));
    let script = w.script().unwrap_or_default();
    let rendered = pyramid.replace("{{ ref('", "").replace("') }}", "");
    let query = rendered.lines().skip(2).collect::<Vec<_>>().join("\n");
    assert!(script.contains(&query), "the pyramid model is the script's query:\n{query}");
}

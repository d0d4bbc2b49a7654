#!/usr/bin/env python3
"""Runs the SQL of `clientele sql` on real engines and compares its tables with `clientele analyze --json`.

    python3 tests/warehouse/run.py CLIENTELE ENGINE...     (ENGINE: duckdb, postgres, spark)

For every case (the sample ledger and the hand-worked ledgers of tests/data/warehouse/, whose figures
are worked by hand in its README.md and checked below against `analyze --json` first), each engine
loads the ledger as the table `ledger`, runs the emitted script and must give the figures of
`analyze --json`: money and counts exactly (DECIMAL against the JSON's two-decimal tokens), shares and
Gini as the same double (both sides divide the same exact integers once; the JSON prints the shortest
form that reads back as that double). An engine that is missing fails the run: it is never skipped.
"""
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
import time
from decimal import Decimal
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
DATA = ROOT / "tests" / "data" / "warehouse"


class Case:
    def __init__(self, name, path, year_start="01-01", cutoffs="1,5,20", maps=(), hand=None):
        self.name, self.path, self.year_start, self.cutoffs, self.maps = name, path, year_start, cutoffs, maps
        self.hand = hand or {}

    def flags(self):
        return ["--year-start", self.year_start, "--cutoffs", self.cutoffs]


# The hand-worked figures (tests/data/warehouse/README.md shows the working): a subset of the
# JSON that `analyze --json` must contain, so the reference itself is checked before the engines.
D = Decimal
HAND = {
    "ties": {
        "pyramid": {"2024": [("top", 1, D("300")), ("big", 1, D("300")), ("medium", 1, D("100")),
                             ("small", 2, D("150")), ("inactive", 0, D("0"))]},
        "migration": {"2025": {("top", "top"): (1, D("300"), D("1000")), ("big", "small"): (1, D("300"), D("10")),
                               ("medium", "big"): (1, D("100"), D("500")),
                               ("small", "inactive"): (2, D("150"), D("0"))}},
        "concentration": {"2024": (300 / 850, 1400 / 4250), "2025": (1000 / 1510, 1980 / 4530)},
    },
    "credit_notes": {
        "pyramid": {"2024": [("top", 1, D("300")), ("big", 0, D("0")), ("medium", 0, D("0")),
                             ("small", 1, D("50")), ("inactive", 1, D("0"))]},
        "flows": {"2024": {"start": 2, "new": 1, "regained": 0, "lost": 1, "retained": 1, "end": 2}},
        "migration": {"2024": {("top", "inactive"): (1, D("500"), D("0")), ("small", "small"): (1, D("70"), D("50")),
                               ("none", "top"): (1, D("-40"), D("300"))}},
        "concentration": {"2023": (500 / 570, 430 / 1140), "2024": (300 / 350, 250 / 700)},
    },
    "returning": {
        "flows": {"2020": {"start": 1, "new": 0, "regained": 0, "lost": 1, "retained": 0, "end": 0},
                  "2021": {"start": 0, "new": 0, "regained": 0, "lost": 0, "retained": 0, "end": 0},
                  "2022": {"start": 0, "new": 1, "regained": 1, "lost": 0, "retained": 0, "end": 2}},
        "migration": {"2021": {("inactive", "inactive"): (1, D("0"), D("0"))},
                      "2022": {("inactive", "top"): (1, D("0"), D("100")), ("none", "small"): (1, D("0"), D("40"))}},
        "concentration": {"2020": (0.0, 0.0), "2022": (100 / 140, 60 / 280)},
    },
    "fiscal_year": {
        "pyramid": {"2023": [("top", 1, D("200")), ("big", 0, D("0")), ("medium", 0, D("0")),
                             ("small", 1, D("50")), ("inactive", 0, D("0"))]},
        "flows": {"2024": {"start": 2, "new": 0, "regained": 0, "lost": 1, "retained": 1, "end": 1}},
        "migration": {"2024": {("top", "inactive"): (1, D("200"), D("0")), ("small", "top"): (1, D("50"), D("80"))}},
        "concentration": {"2022": (1.0, 0.0), "2023": (200 / 250, 150 / 500)},
    },
}


def cases(clientele, work):
    sample = work / "sample.csv"
    with open(sample, "wb") as out:
        subprocess.run([clientele, "sample"], stdout=out, check=True)
    attributes = ("--map", "cost=cost", "--map", "department=department", "--map", "sales_rep=sales_rep")
    return [
        Case("sample", sample, maps=attributes),
        Case("sample, fiscal from April, cut-offs 2,10,30", sample, "04-01", "2,10,30", maps=("--map", "cost=cost")),
        Case("ties", DATA / "ties.csv", cutoffs="20,40,60", hand=HAND["ties"]),
        Case("credit_notes", DATA / "credit_notes.csv", hand=HAND["credit_notes"]),
        Case("returning", DATA / "returning.csv", hand=HAND["returning"]),
        Case("fiscal_year", DATA / "fiscal_year.csv", "07-01", hand=HAND["fiscal_year"]),
    ]


def expected(clientele, case):
    """`analyze --json` in the shape of the SQL tables."""
    text = subprocess.run([clientele, "analyze", "--json", str(case.path), *case.flags()],
                          capture_output=True, text=True, check=True).stdout
    return shape(text)


def shape(text):
    """The tables' figures of one `analyze --json` text."""
    j = json.loads(text, parse_float=Decimal)
    return {
        "pyramid": {p: [(r["level"], r["customers"], r["revenue"]) for r in rows] for p, rows in j["pyramid"].items()},
        "flows": {p: {k: f[k] for k in ("start", "new", "regained", "lost", "retained", "end")}
                  for p, f in j["flows"].items()},
        "migration": {p: {(c["from"], c["to"]): (c["customers"], c["revenue_from"], c["revenue_to"]) for c in cells}
                      for p, cells in j["migration"].items()},
        "concentration": {p: (float(c["top20_revenue_share"]), float(c["gini"])) for p, c in j["concentration"].items()},
    }


def check_hand(case, want):
    for table, periods in case.hand.items():
        for period, figures in periods.items():
            got = want[table][period]
            if table == "migration":
                got = {cell: value for cell, value in got.items() if value[0]}
            if got != figures:
                raise AssertionError(f"{case.name}: analyze --json {table} {period} is {got}, worked by hand {figures}")


LEVEL_ORDER = ["top", "big", "medium", "small", "inactive"]


def from_tables(rows):
    """The four result tables (lists of tuples) in the shape of `expected`."""
    pyramid, flows, migration, concentration = {}, {}, {}, {}
    for period, level, customers, revenue in sorted(rows["pyramid"], key=lambda r: (r[0], LEVEL_ORDER.index(r[1]))):
        pyramid.setdefault(str(period), []).append((level, int(customers), Decimal(revenue)))
    for period, start, new, regained, lost, retained, end in rows["flows"]:
        flows[str(period)] = dict(zip(("start", "new", "regained", "lost", "retained", "end"),
                                      map(int, (start, new, regained, lost, retained, end))))
    for period, frm, to, customers, revenue_from, revenue_to in rows["migration"]:
        migration.setdefault(str(period), {})[(frm, to)] = (int(customers), Decimal(revenue_from), Decimal(revenue_to))
    for period, top, gini in rows["concentration"]:
        concentration[str(period)] = (float(top), float(gini))
    return {"pyramid": pyramid, "flows": flows, "migration": migration, "concentration": concentration}


QUERIES = {
    "pyramid": "SELECT period, level, customers, revenue FROM clientele_pyramid",
    "flows": "SELECT period, start_customers, new_customers, regained_customers, lost_customers, "
             "retained_customers, end_customers FROM clientele_flows",
    "migration": "SELECT period, from_level, to_level, customers, revenue_from, revenue_to FROM clientele_migration",
    "concentration": "SELECT period, top20_revenue_share, gini FROM clientele_concentration",
}


def columns_of(path):
    with open(path, encoding="utf-8") as f:
        return f.readline().strip().split(",")


def sql_type(column, engine):
    text = {"duckdb": "VARCHAR", "postgres": "TEXT", "spark": "STRING"}[engine]
    return {"date": "DATE", "amount": "DECIMAL(18,2)", "cost": "DECIMAL(18,2)"}.get(column, text)


def split_script(script):
    """The script's statements (each ends with `;` at a line end; comment lines are dropped)."""
    body = "\n".join(line for line in script.splitlines() if not line.startswith("--"))
    return [s.strip() for s in body.split(";\n") if s.strip().rstrip(";")]


class DuckDb:
    name = "duckdb"

    def __init__(self, work):
        import duckdb
        self.db = duckdb.connect()

    def load(self, path):
        columns = ", ".join(f"'{c}': '{sql_type(c, 'duckdb')}'" for c in columns_of(path))
        self.db.execute(f"CREATE OR REPLACE TABLE ledger AS SELECT * FROM read_csv('{path}', header = true, "
                        f"columns = {{{columns}}})")

    def run(self, sql):
        for statement in split_script(sql):
            self.db.execute(statement.rstrip(";"))

    def rows(self, query):
        return self.db.execute(query).fetchall()

    def export_customer_period(self, path):
        self.db.execute(f"COPY clientele_customer_period TO '{path}' (HEADER, DELIMITER ',')")

    def close(self):
        self.db.close()


class Postgres:
    """Debian's server on a local port in a temporary folder, as the postgres user (initdb refuses
    root), stopped by `close` (also when a case fails: `main` closes in `finally`)."""
    name = "postgres"

    def __init__(self, work):
        import psycopg2
        bin_dir = Path(os.environ.get("CLIENTELE_PG_BIN") or sorted(Path("/usr/lib/postgresql").glob("*/bin"))[-1])
        self.data = Path(tempfile.mkdtemp(prefix="clientele-pg-"))
        self.as_user = ["runuser", "-u", "postgres", "--"] if os.geteuid() == 0 else []
        if self.as_user:
            shutil.chown(self.data, "postgres")
        self.ctl = str(bin_dir / "pg_ctl")
        port = str(55432 + os.getpid() % 1000)
        subprocess.run([*self.as_user, str(bin_dir / "initdb"), "-D", str(self.data), "-U", "clientele",
                        "--auth=trust", "--encoding=UTF8", "--locale=C.UTF-8", "--locale-provider=icu",
                        "--icu-locale=en"], check=True, capture_output=True)
        # The default collation is a language's (ICU English), so the script's COLLATE "C" is what gives
        # byte order: the ties case would fail without it.
        subprocess.run([*self.as_user, self.ctl, "-D", str(self.data), "-l", str(self.data / "log"), "-w", "-o",
                        f"-p {port} -k {self.data} -c listen_addresses=''", "start"], check=True, capture_output=True)
        self.db = psycopg2.connect(host=str(self.data), port=port, user="clientele", dbname="postgres")
        self.db.autocommit = True

    def load(self, path):
        columns = ", ".join(f'"{c}" {sql_type(c, "postgres")}' for c in columns_of(path))
        with self.db.cursor() as cur, open(path, encoding="utf-8") as f:
            cur.execute(f"DROP TABLE IF EXISTS ledger; CREATE TABLE ledger ({columns})")
            cur.copy_expert("COPY ledger FROM STDIN WITH (FORMAT csv, HEADER true)", f)

    def run(self, sql):
        with self.db.cursor() as cur:
            for statement in split_script(sql):
                cur.execute(statement)

    def rows(self, query):
        with self.db.cursor() as cur:
            cur.execute(query)
            return cur.fetchall()

    def close(self):
        self.db.close()
        subprocess.run([*self.as_user, self.ctl, "-D", str(self.data), "-m", "fast", "stop"], capture_output=True)
        shutil.rmtree(self.data, ignore_errors=True)


class Spark:
    """pyspark in local mode, one session for every case (its start is most of its time)."""
    name = "spark"

    def __init__(self, work):
        from pyspark.sql import SparkSession
        os.environ["SPARK_LOCAL_IP"] = "127.0.0.1"  # the loopback only: no other address is bound
        self.spark = (SparkSession.builder.master("local[2]").appName("clientele-warehouse")
                      .config("spark.sql.warehouse.dir", str(work / "spark-warehouse"))
                      .config("spark.sql.shuffle.partitions", "2")
                      .config("spark.ui.enabled", "false")
                      .config("spark.ui.showConsoleProgress", "false")
                      .config("spark.driver.host", "127.0.0.1")
                      .config("spark.driver.extraJavaOptions", f"-Dderby.system.home={work}")
                      .getOrCreate())
        self.spark.sparkContext.setLogLevel("ERROR")

    def load(self, path):
        schema = ", ".join(f"`{c}` {sql_type(c, 'spark')}" for c in columns_of(path))
        frame = self.spark.read.csv(str(path), header=True, schema=schema, encoding="UTF-8")
        frame.createOrReplaceTempView("ledger")

    def run(self, sql):
        for statement in split_script(sql):
            self.spark.sql(statement.rstrip(";"))

    def rows(self, query):
        return [tuple(r) for r in self.spark.sql(query).collect()]

    def close(self):
        self.spark.stop()


def check_aggregate(clientele, engine, case, work, failures, passed):
    """The aggregate the engine computed, read back by `clientele analyze`, gives the ledger's JSON
    (the whole of it, money to the cent, shares and margins included)."""
    path = work / "customer_period.csv"
    engine.export_customer_period(path)
    analyze = lambda file: subprocess.run([clientele, "analyze", "--json", str(file), *case.flags()],
                                          capture_output=True, text=True)
    of_ledger, of_aggregate = analyze(case.path), analyze(path)
    if of_aggregate.returncode == 0 and of_aggregate.stdout == of_ledger.stdout:
        print(f"ok   {engine.name} {case.name}: analyze on clientele_customer_period")
        return failures, passed + 1
    print(f"FAIL {engine.name} {case.name}: analyze on clientele_customer_period differs: {of_aggregate.stderr}")
    return failures + 1, passed


def check_dbt(clientele, engine, case, work, failures, passed):
    """The dbt models (`clientele sql --dbt DIR`), each built as a table in the order they are
    listed with its `ref`s resolved as dbt would, give the same tables as the script."""
    models = work / "dbt"
    shutil.rmtree(models, ignore_errors=True)
    listed = subprocess.run([clientele, "sql", "--dialect", engine.name, "--dbt", str(models), *case.flags(),
                             *case.maps], capture_output=True, text=True, check=True).stdout.split()
    for path in listed:
        query = re.sub(r"\{\{ ref\('(\w+)'\) \}\}", r"\1", Path(path).read_text())
        query = "\n".join(line for line in query.splitlines() if not line.startswith(("--", "{{")))
        engine.run(f"CREATE OR REPLACE TABLE {Path(path).stem} AS\n{query};\n")
    got = from_tables({table: engine.rows(q) for table, q in QUERIES.items()})
    if got == expected(clientele, case):
        print(f"ok   {engine.name} {case.name}: the dbt models")
        return failures, passed + 1
    print(f"FAIL {engine.name} {case.name}: the dbt models give other tables")
    return failures + 1, passed


ENGINES = {"duckdb": DuckDb, "postgres": Postgres, "spark": Spark}


def main():
    clientele, names = sys.argv[1], sys.argv[2:]
    if not names or any(n not in ENGINES for n in names):
        sys.exit(f"usage: run.py CLIENTELE {'|'.join(ENGINES)}...")
    failures = passed = 0
    with tempfile.TemporaryDirectory(prefix="clientele-warehouse-") as tmp:
        work = Path(tmp)
        all_cases = cases(clientele, work)
        wants = {}
        for case in all_cases:
            wants[case.name] = expected(clientele, case)
            check_hand(case, wants[case.name])
        for name in names:
            started = time.monotonic()
            try:
                engine = ENGINES[name](work)
            except Exception as e:  # a missing engine fails the run, with what to install
                print(f"FAIL {name}: cannot start ({e}); scripts/test installs it (scripts/lib.sh ensure_{name})")
                failures += 1
                continue
            try:
                for case in all_cases:
                    script = subprocess.run([clientele, "sql", "--dialect", name, *case.flags(), *case.maps],
                                            capture_output=True, text=True, check=True).stdout
                    engine.load(case.path)
                    engine.run(script)
                    got = from_tables({table: engine.rows(q) for table, q in QUERIES.items()})
                    want = wants[case.name]
                    wrong = [t for t in want if got[t] != want[t]]
                    if wrong:
                        failures += 1
                        for t in wrong:
                            diff = {p: (got[t].get(p), v) for p, v in want[t].items() if got[t].get(p) != v}
                            extra = sorted(set(got[t]) - set(want[t]))
                            print(f"FAIL {name} {case.name} {t}: (sql, analyze) {diff} extra periods {extra}")
                    else:
                        passed += 1
                        print(f"ok   {name} {case.name}")
                    if hasattr(engine, "export_customer_period"):
                        failures, passed = check_aggregate(clientele, engine, case, work, failures, passed)
                        failures, passed = check_dbt(clientele, engine, case, work, failures, passed)
            finally:
                engine.close()
            print(f"     {name}: {time.monotonic() - started:.1f} s")
    print(f"{passed} passed, {failures} failed")
    sys.exit(1 if failures else 0)


if __name__ == "__main__":
    main()

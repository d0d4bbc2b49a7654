#!/usr/bin/env python3
"""Writes the clientele_customer_period fixtures of tests/data/warehouse/ with DuckDB (not with
Clientele's own code): the script of `clientele sql` run on a ledger, its aggregate exported as CSV.
tests/cli_sql.rs checks that `clientele analyze` reads each back to its ledger's figures.

    python3 tests/warehouse/make_fixtures.py target/debug/clientele
"""
import subprocess
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))
from run import DATA, DuckDb  # noqa: E402

FIXTURES = [
    ("sample", "sample_customer_period.csv", ["--map", "cost=cost", "--map", "department=department"]),
    ("credit_notes.csv", "credit_notes_customer_period.csv", []),
    ("fiscal_year.csv", "fiscal_year_customer_period.csv", ["--year-start", "07-01"]),
]


def main():
    clientele = sys.argv[1]
    with tempfile.TemporaryDirectory() as tmp:
        engine = DuckDb(Path(tmp))
        for source, target, flags in FIXTURES:
            path = DATA / source
            if source == "sample":
                path = Path(tmp) / "sample.csv"
                with open(path, "wb") as out:
                    subprocess.run([clientele, "sample"], stdout=out, check=True)
            engine.load(path)
            engine.run(subprocess.run([clientele, "sql", "--dialect", "duckdb", *flags],
                                      capture_output=True, text=True, check=True).stdout)
            engine.db.execute(f"COPY (SELECT * FROM clientele_customer_period ORDER BY ALL) TO '{DATA / target}' "
                              "(HEADER, DELIMITER ',')")


if __name__ == "__main__":
    main()

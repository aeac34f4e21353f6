"""Peak memory of importing a 200,000-row apprentice CSV on the command line; prints MB and seconds (wall and CPU).

    python benchmarks/bench_big_import.py [--rows N]

Target (issue 9): at most 400 MB peak resident memory (ru_maxrss) of the process that runs
`mentormatch --db X import apprentices roster.csv`. The roster is written as Excel on Chinese
Windows saves a CSV (GB18030), with the columns of benchmarks/bench_import_export.py; the
database already holds the enterprises and trades it names, as at a city bureau. The CPU
seconds (user + system) of the import are printed besides the wall-clock seconds: they do not
grow when other work loads the machine.
"""

from __future__ import annotations

import argparse
import csv
import os
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from bench_import_export import HEADER, roster  # noqa: E402

from mentormatch.sample import fill_city_scale  # noqa: E402
from mentormatch.store import memory_database, open_database  # noqa: E402

TARGET_MB = 400


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rows", type=int, default=200_000)
    args = parser.parse_args()
    source = memory_database()
    fill_city_scale(source, apprentices=args.rows, mentors=0)
    rows = roster(source)
    source.close()
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "roster.csv"
        with open(path, "w", encoding="gb18030", newline="") as fh:
            writer = csv.writer(fh)
            writer.writerow(HEADER)
            writer.writerows(rows)
        del rows
        db_path = Path(folder) / "city.db"
        db = open_database(db_path)
        fill_city_scale(db, apprentices=0, mentors=0)  # the trades, colleges and enterprises the roster names
        db.close()
        start = time.perf_counter()
        before = resource.getrusage(resource.RUSAGE_CHILDREN)
        result = subprocess.run([sys.executable, str(ROOT / "main.py"), "--db", str(db_path), "import", "apprentices", str(path)],
                                capture_output=True, text=True)
        elapsed = time.perf_counter() - start
        usage = resource.getrusage(resource.RUSAGE_CHILDREN)
        cpu = usage.ru_utime + usage.ru_stime - before.ru_utime - before.ru_stime
        peak_mb = usage.ru_maxrss / 1024  # KiB on Linux; the import is the largest child
        if result.returncode != 0:
            print(result.stderr[-2000:], file=sys.stderr)
            return 1
        db = open_database(db_path)
        count = db.execute("SELECT COUNT(*) FROM apprentices").fetchone()[0]
        db.close()
        size_mb = path.stat().st_size / 2**20
    print(f"import .csv GB18030 ({args.rows:,} apprentices, {size_mb:.0f} MB) on the command line: "
          f"{elapsed:.1f} s ({cpu:.1f} s CPU), peak memory {peak_mb:.0f} MB (target {TARGET_MB} MB); {count:,} rows in the database")
    return 0 if count == args.rows and peak_mb <= TARGET_MB else 1


if __name__ == "__main__":
    raise SystemExit(main())

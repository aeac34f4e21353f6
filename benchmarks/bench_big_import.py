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


def prepare(folder: Path, count: int) -> None:
    """Write the roster and the database that knows its trades, colleges and enterprises.

    Run in its own process: Linux counts in a child's ru_maxrss the memory of the process that
    started it (the image copied before exec), so the 200,000 rows generated here must not sit in
    the process that starts the import.
    """
    source = memory_database()
    fill_city_scale(source, apprentices=count, mentors=0)
    rows = roster(source)
    source.close()
    with open(folder / "roster.csv", "w", encoding="gb18030", newline="") as fh:
        writer = csv.writer(fh)
        writer.writerow(HEADER)
        writer.writerows(rows)
    db = open_database(folder / "city.db")
    fill_city_scale(db, apprentices=0, mentors=0)  # the trades, colleges and enterprises the roster names
    db.close()


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rows", type=int, default=200_000)
    parser.add_argument("--prepare", metavar="FOLDER", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.prepare:
        prepare(Path(args.prepare), args.rows)
        return 0
    with tempfile.TemporaryDirectory() as folder:
        subprocess.run([sys.executable, __file__, "--rows", str(args.rows), "--prepare", folder], check=True)
        path, db_path = Path(folder) / "roster.csv", Path(folder) / "city.db"
        start = time.perf_counter()
        with open(Path(folder) / "err.txt", "w+") as err:
            job = subprocess.Popen([sys.executable, str(ROOT / "main.py"), "--db", str(db_path), "import", "apprentices", str(path)],
                                   stdout=subprocess.DEVNULL, stderr=err)
            _, status, usage = os.wait4(job.pid, 0)  # this child's own figures, not the largest child's
            job.returncode = os.waitstatus_to_exitcode(status)
            elapsed = time.perf_counter() - start
            cpu = usage.ru_utime + usage.ru_stime
            peak_mb = usage.ru_maxrss / 1024  # KiB on Linux
            if job.returncode != 0:
                err.seek(0)
                print(err.read()[-2000:], file=sys.stderr)
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

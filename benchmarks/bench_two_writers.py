"""Two writers, one file, many times over: counts outcomes, tracebacks and lost writes.

    python benchmarks/bench_two_writers.py [ROUNDS]     (default 20)

Each round of "confirm": two `match --confirm` on the same sample database, its pairs cleared
first, started at once. Each round of "save loop": benchmarks/save_loop.py saving enterprises
for two seconds while an import of 300 apprentices and a `match --confirm` run, on a fresh copy
of the sample. A job ends 0 (done), 3 (DataBusy: nothing written) or anything else (a bug, its
traceback in the log). A lost write is a save reported done that is not in the database, or an
import or confirmation reported done that is not there in full. The test is
tests/test_two_writers.py; this is its longer run.
"""

from __future__ import annotations

import os
import shutil
import sqlite3
import subprocess
import sys
import tempfile
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from mentormatch import store  # noqa: E402
from mentormatch.sample import fill_sample  # noqa: E402
from tests.rosters import apprentices_xlsx  # noqa: E402


def start(folder: Path, *args: str) -> subprocess.Popen:
    env = {**os.environ, "XDG_STATE_HOME": str(folder / "state")}  # the jobs' errors.log stays in the folder
    return subprocess.Popen([sys.executable, *args], stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env=env)


def job(folder: Path, db: Path, *args: str) -> subprocess.Popen:
    return start(folder, str(ROOT / "main.py"), "--lang", "en", "--db", str(db), *args)


def finish(process: subprocess.Popen, tally: Counter) -> tuple[int, str]:
    out, err = process.communicate(timeout=120)
    tally[process.returncode if process.returncode in (0, 3) else "bug"] += 1
    tally["traceback"] += "Traceback" in out + err or "Something went wrong" in err
    return process.returncode, out


def count(path: Path, sql: str) -> int:
    with sqlite3.connect(path) as conn:
        return conn.execute(sql).fetchone()[0]


def main(rounds: int) -> None:
    folder = Path(tempfile.mkdtemp())
    sample = folder / "sample.db"
    db = store.open_database(sample)
    fill_sample(db)
    db.close()
    roster = apprentices_xlsx(folder / "roster.xlsx", rows=[
        (f"20269{i:05d}", f"学徒{i}", "男", "", "焊接技术应用", "焊接2699", "德阳安装技师学院", "重庆渝北精工焊接有限公司")
        for i in range(300)])

    confirm, lost = Counter(), 0
    shared = folder / "confirm.db"
    shutil.copy(sample, shared)
    for _ in range(rounds):
        with sqlite3.connect(shared) as conn:
            conn.execute("DELETE FROM pairs")
        codes = [finish(p, confirm)[0] for p in [job(folder, shared, "match", "--confirm") for _ in range(2)]]
        confirmed = count(shared, "SELECT COUNT(*) FROM pairs WHERE status = 'confirmed' AND ended_at IS NULL")
        lost += 0 in codes and (confirmed != 116 or count(shared, "SELECT COUNT(*) FROM pairs WHERE status = 'proposed'") > 0)
    print(f"confirm against confirm, {rounds} rounds: {dict(confirm)}; lost confirmations: {lost}")

    saves, others, lost_saves, lost_jobs = Counter(), Counter(), 0, 0
    for i in range(rounds):
        path = folder / f"loop{i}.db"
        shutil.copy(sample, path)
        loop = start(folder, str(ROOT / "benchmarks" / "save_loop.py"), str(path), "2")
        importing, confirming = job(folder, path, "import", "apprentices", str(roster)), job(folder, path, "match", "--confirm")
        imported, confirmed = finish(importing, others)[0], finish(confirming, others)[0]
        code, said = finish(loop, Counter())
        saves["saved"] += said.count("saved ")
        saves["busy"] += said.count("busy ")
        saves["loop crashed"] += code != 0
        with sqlite3.connect(path) as conn:
            names = {r[0] for r in conn.execute("SELECT name FROM enterprises")}
            lost_saves += sum(line.split()[1] not in names for line in said.splitlines() if line.startswith("saved "))
            rows = conn.execute("SELECT COUNT(*) FROM apprentices WHERE student_no LIKE '20269%'").fetchone()[0]
            drafts = conn.execute("SELECT COUNT(*) FROM pairs WHERE status = 'proposed'").fetchone()[0]
        lost_jobs += rows != (300 if imported == 0 else 0) or (confirmed == 0 and drafts > 0)
    print(f"save loop against import and confirm, {rounds} rounds: saves {dict(saves)}, jobs {dict(others)}; "
          f"lost saves: {lost_saves}; lost or partial jobs: {lost_jobs}")
    shutil.rmtree(folder)


if __name__ == "__main__":
    main(int(sys.argv[1]) if len(sys.argv) > 1 else 20)

"""What the audit log costs an import of 20,000 apprentices (.csv), and an import that updates them all.

    python benchmarks/bench_audit.py [RUNS]

Each import runs with the audit log and with its writes left out (audit.record and
audit.record_select replaced by no-ops), alternately in one process, and the CPU seconds are
printed as the best of RUNS (default 5): on a busy machine CPU time varies less than wall time.
The import targets themselves are bench_import_export.py's (.csv at most 1 s, .xlsx at most 3 s).
"""

from __future__ import annotations

import os
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
sys.path.insert(0, str(Path(__file__).resolve().parent))
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from bench_import_export import roster, write_files  # noqa: E402
from PySide6.QtCore import QCoreApplication  # noqa: E402

from mentormatch import audit  # noqa: E402
from mentormatch.importer import ImportJob  # noqa: E402
from mentormatch.sample import fill_city_scale  # noqa: E402
from mentormatch.store import memory_database  # noqa: E402


def fresh():
    db = memory_database()
    fill_city_scale(db, apprentices=0, mentors=0, enterprises=2600)
    return db


def add(path: Path) -> float:
    db = fresh()
    start = time.process_time()
    ImportJob.from_file(db, "apprentices", path).commit()
    return time.process_time() - start


def update(first: Path, changed: Path) -> float:
    db = fresh()
    ImportJob.from_file(db, "apprentices", first).commit()
    job = ImportJob.from_file(db, "apprentices", changed)
    job.set_on_duplicate("update")
    start = time.process_time()
    job.commit()
    return time.process_time() - start


def main() -> int:
    app = QCoreApplication.instance() or QCoreApplication([])  # noqa: F841
    runs = int(sys.argv[1]) if len(sys.argv) > 1 else 5
    source = memory_database()
    fill_city_scale(source, apprentices=20000, mentors=0, enterprises=2600)
    rows = roster(source)
    folder = Path(tempfile.mkdtemp())
    _, csv_file = write_files(folder, rows)
    for row in rows:
        row[6] += "X"  # every apprentice's class changes
    (folder / "changed").mkdir()
    _, changed_csv = write_files(folder / "changed", rows)
    logged = audit.record, audit.record_select
    times: dict[str, list[float]] = {}
    for _ in range(runs):
        for label, writes in (("with the audit log", logged), ("without", (lambda *a: None, lambda *a: None))):
            audit.record, audit.record_select = writes
            times.setdefault(f"add 20,000 (.csv), {label}", []).append(add(csv_file))
            times.setdefault(f"update 20,000 (.csv), {label}", []).append(update(csv_file, changed_csv))
    audit.record, audit.record_select = logged
    for label, values in sorted(times.items()):
        print(f"{label}: best {min(values):.2f} s CPU")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

"""Benchmark: 1,000 letters on a pre-printed sheet (套打, the built-in A4 landscape layout) into one PDF.

    python benchmarks/bench_preprinted.py [COUNT]

Target (issue 12): at most 1 s for 1,000 letters. Prints the wall and CPU time of each step
(plan and fill, draw and repair the text layer, commit) and the file's size and page count.
"""

from __future__ import annotations

import os
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtGui import QGuiApplication  # noqa: E402

from mentormatch import letters  # noqa: E402
from mentormatch.sample import fill_city_scale  # noqa: E402
from mentormatch.store import memory_database  # noqa: E402


def main(count: int = 1000) -> None:
    app = QGuiApplication.instance() or QGuiApplication(["bench"])
    db = memory_database()
    fill_city_scale(db, apprentices=10, mentors=count, enterprises=50)
    programme = db.execute("SELECT id FROM programmes").fetchone()[0]
    mentor_ids = [r[0] for r in db.execute("SELECT id FROM mentors ORDER BY id")]
    with tempfile.TemporaryDirectory() as folder:
        target = Path(folder) / "sheets.pdf"
        marks = [(time.perf_counter(), time.process_time())]
        batch = letters.Batch.for_mentors(db, mentor_ids, programme, "preprinted-a4", issue_date="2026-07-14")
        marks.append((time.perf_counter(), time.process_time()))
        assert batch.write(target=target)
        marks.append((time.perf_counter(), time.process_time()))
        batch.commit(db)
        marks.append((time.perf_counter(), time.process_time()))
        for name, (w0, c0), (w1, c1) in zip(("plan and fill", "draw, repair", "commit"), marks, marks[1:]):
            print(f"{name:14} {w1 - w0:6.2f} s wall {c1 - c0:6.2f} s CPU")
        print(f"{'total':14} {marks[-1][0] - marks[0][0]:6.2f} s wall {marks[-1][1] - marks[0][1]:6.2f} s CPU; "
              f"{len(batch.letters)} letters, {target.stat().st_size / 1e6:.2f} MB")
    del app


if __name__ == "__main__":
    main(int(sys.argv[1]) if len(sys.argv) > 1 else 1000)

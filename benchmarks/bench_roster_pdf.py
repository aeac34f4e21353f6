"""The pair list as a PDF roster at 2,000 and 20,000 rows: seconds, peak memory, and its text layer.

    python benchmarks/bench_roster_pdf.py [ROWS ...]       (default: 2000 20000)

Targets (issue 9): 20,000 rows in at most 10 s and at most 500 MB, growing linearly with the rows.
Each size runs in its own process (python benchmarks/bench_roster_pdf.py --one ROWS), so that
ru_maxrss is the peak of that size alone; the database is built first (as
benchmarks/bench_import_export.py does) and its resident size is printed beside the peak. The
export is timed as the coordinator waits for it (exporter.export: read, draw, repair the text
layer, put in place), and by the CPU time of the process (steadier on a busy machine). Then pdftotext of the file must contain, exactly, the student number and
the name of every 97th row.
"""

from __future__ import annotations

import os
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

SIZES = (2000, 20000)


def peak_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024  # kilobytes on Linux


def one(rows: int) -> int:
    from PySide6.QtGui import QGuiApplication

    from mentormatch import exporter
    from mentormatch.sample import fill_city_scale
    from mentormatch.store import memory_database, now_iso

    app = QGuiApplication.instance() or QGuiApplication([])  # noqa: F841  (fonts, painting)
    db = memory_database()
    fill_city_scale(db, apprentices=rows, mentors=max(rows * 2 // 5, 1))
    mentors = max(rows * 2 // 5, 1)
    with db.atomic():
        db.execute("UPDATE apprentices SET major = (SELECT name_zh || '专业' FROM trades WHERE id = trade_id)")
        db.conn.executemany(
            "INSERT INTO pairs (programme_id, apprentice_id, mentor_id, status, score, created_at) VALUES (1, ?, ?, 'confirmed', ?, ?)",
            [(i, i % mentors + 1, 100 + i % 60, now_iso()) for i in range(1, rows + 1)])
    before = peak_mb()
    with tempfile.TemporaryDirectory() as folder:
        out = Path(folder) / "pairs.pdf"
        start, cpu = time.perf_counter(), time.process_time()
        count = exporter.export(db, "pairs", out)
        seconds, cpu = time.perf_counter() - start, time.process_time() - cpu
        peak = peak_mb()
        sheet = exporter.sheets(db, "pairs")[0]
        number, name = sheet.headers.index("Student number"), sheet.headers.index("Apprentice")
        text = subprocess.run(["pdftotext", str(out), "-"], capture_output=True, text=True, check=True).stdout
        words = set(text.split())
        sample = sheet.rows[::97]
        missing = [row[c] for row in sample for c in (number, name) if row[c] not in words]
        pages = subprocess.run(["pdfinfo", str(out)], capture_output=True, text=True, check=True).stdout
        pages = next((line.split()[-1] for line in pages.splitlines() if line.startswith("Pages:")), "?")
        size = out.stat().st_size / 1e6
    print(f"{count} rows: {seconds:.2f} s ({cpu:.2f} s of CPU), {pages} pages, {size:.1f} MB file, peak RSS {peak:.0f} MB "
          f"(database built: {before:.0f} MB); text layer: {2 * len(sample) - len(missing)}/{2 * len(sample)} "
          f"student numbers and names of sampled rows found" + (f", missing e.g. {missing[:5]}" if missing else ""))
    return 1 if missing else 0


def main(argv: list[str]) -> int:
    if argv[:1] == ["--one"]:
        return one(int(argv[1]))
    status = 0
    for rows in [int(a) for a in argv] or SIZES:
        status |= subprocess.run([sys.executable, __file__, "--one", str(rows)], check=False).returncode
    return status


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))

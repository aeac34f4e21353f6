"""Import 20,000 apprentices from .xlsx, .xls and .csv, export 20,000 pairs to .xlsx; prints seconds.

    python benchmarks/bench_import_export.py [--imports-only]

Targets: .xlsx and .xls import (read, validate, commit) <= 1 s and no slower than openpyxl in
read-only mode merely reading the .xlsx's cells (issue 10; printed beside them, the runs taken in
turn so that a loaded machine weighs on all alike); .csv import <= 1 s, .xlsx export of 20,000
pairs <= 3 s (issue 5). Each figure is printed as the best and the worst of three runs, wall clock
and CPU. The .xls is LibreOffice's conversion of the .xlsx (skipped without soffice). The pairs are
exported with every column filled (major, dates and score are set first), so that no cell is left
out as empty.
"""

from __future__ import annotations

import csv
import os
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from openpyxl import Workbook, load_workbook  # noqa: E402
from PySide6.QtCore import QCoreApplication  # noqa: E402

from mentormatch import exporter  # noqa: E402
from mentormatch.importer import ImportJob  # noqa: E402
from mentormatch.sample import fill_city_scale  # noqa: E402
from mentormatch.store import memory_database, now_iso  # noqa: E402

HEADER = ["学号", "姓名", "性别", "身份证号码", "手机号", "专业", "班级", "学院", "实习单位", "开始日期"]


def roster(db) -> list[list]:
    rows = db.execute(
        "SELECT a.student_no, a.name, CASE a.gender WHEN 'M' THEN '男' ELSE '女' END, a.id_number, a.phone, t.name_zh,"
        " a.class_name, c.name, IFNULL(e.name, ''), '2026/7/14' FROM apprentices a JOIN trades t ON t.id = a.trade_id"
        " JOIN colleges c ON c.id = a.college_id LEFT JOIN enterprises e ON e.id = a.host_enterprise_id ORDER BY a.id").fetchall()
    return [list(r) for r in rows]


def write_files(folder: Path, rows: list[list]) -> tuple[Path, Path]:
    book = Workbook(write_only=True)
    sheet = book.create_sheet("学生名单")
    sheet.append(["2026 级学徒花名册"])
    sheet.append(HEADER)
    for row in rows:
        sheet.append(row)
    book.save(folder / "roster.xlsx")
    with open(folder / "roster.csv", "w", encoding="gb18030", newline="") as fh:
        writer = csv.writer(fh)
        writer.writerow(HEADER)
        writer.writerows(rows)
    return folder / "roster.xlsx", folder / "roster.csv"


def as_xls(xlsx: Path) -> Path | None:
    """The .xlsx saved as .xls by LibreOffice, as an academic system's export; None without soffice."""
    if shutil.which("soffice") is None:
        return None
    subprocess.run(["soffice", f"-env:UserInstallation=file://{xlsx.parent}/profile", "--headless", "--convert-to", "xls",
                    "--outdir", str(xlsx.parent), str(xlsx)], check=True, capture_output=True)
    return xlsx.with_suffix(".xls")


def timed(n: int, job) -> list[tuple[float, float]]:
    """(wall, CPU) seconds of n runs of job."""
    times = []
    for _ in range(n):
        times.append(measure(job))
    return times


def measure(job) -> tuple[float, float]:
    start, cpu = time.perf_counter(), time.process_time()
    job()
    return time.perf_counter() - start, time.process_time() - cpu


def openpyxl_read(path: Path) -> None:
    """What the import is compared with: openpyxl in read-only mode reading every cell, nothing more."""
    book = load_workbook(path, read_only=True, data_only=True)
    for ws in book.worksheets:
        for _ in ws.iter_rows(values_only=True):
            pass
    book.close()


def import_once(path: Path, expected: int) -> tuple[float, float]:
    db = memory_database()
    fill_city_scale(db, apprentices=0, mentors=0, enterprises=2600)  # the trades and enterprises named in the file
    result = []
    times = measure(lambda: result.append(ImportJob.from_file(db, "apprentices", path).commit()))
    assert result[0].added == expected, result[0].summary()
    db.close()
    return times


def main() -> int:
    app = QCoreApplication.instance() or QCoreApplication([])  # noqa: F841  (translations, collation)
    source = memory_database()
    fill_city_scale(source)
    rows = roster(source)
    with tempfile.TemporaryDirectory() as folder:
        xlsx, csv_path = write_files(Path(folder), rows)
        xls = as_xls(xlsx)
        jobs = {"openpyxl read-only, reading the .xlsx's cells only": lambda: openpyxl_read(xlsx),
                "import .xlsx (20,000 apprentices)": lambda: import_once(xlsx, len(rows)),
                "import .xls (20,000 apprentices)": lambda: import_once(xls, len(rows)),
                "import .csv GB18030 (20,000 apprentices)": lambda: import_once(csv_path, len(rows))}
        if xls is None:
            del jobs["import .xls (20,000 apprentices)"]
        figures = {label: [] for label in jobs}
        for _ in range(3):  # in turn, not one job's runs after the other's
            for label, job in jobs.items():
                figures[label].append(job() if label.startswith("import") else measure(job))
        if "--imports-only" in sys.argv:
            report(figures)
            return 0

        with source.atomic():
            source.execute("UPDATE apprentices SET major = (SELECT name_zh || '专业' FROM trades WHERE id = trade_id),"
                           " start_date = '2026-07-14', end_date = '2027-01-13'")
            source.conn.executemany(
                "INSERT INTO pairs (programme_id, apprentice_id, mentor_id, status, score, created_at) VALUES (1, ?, ?, 'confirmed', ?, ?)",
                [(i, i % 8000 + 1, 100 + i % 60, now_iso()) for i in range(1, 20001)])
        out = Path(folder) / "pairs.xlsx"
        keys = [c.key for c in exporter.columns("pairs")]
        figures["export .xlsx (20,000 pairs, default columns)"] = timed(3, lambda: exporter.export(source, "pairs", out))
        figures["export .xlsx (20,000 pairs, all 23 columns)"] = timed(3, lambda: exporter.export(source, "pairs", out, keys=keys))
        figures["export .xlsx (20,000 pairs, all 23 columns, full personal data)"] = timed(
            3, lambda: exporter.export(source, "pairs", out, keys=keys, full_personal_data=True))
        figures["export .csv (20,000 pairs, all 23 columns)"] = timed(
            3, lambda: exporter.export(source, "pairs", Path(folder) / "pairs.csv", keys=keys))
        empty = sum(1 for row in exporter.sheets(source, "pairs", keys=keys)[0].rows for v in row if v in (None, ""))
    report(figures)
    print(f"empty cells in the all-column export: {empty}")
    return 0


def report(figures: dict[str, list[tuple[float, float]]]) -> None:
    for label, times in figures.items():
        walls, cpus = [w for w, _ in times], [c for _, c in times]
        print(f"{label}: best {min(walls):.2f} s, worst {max(walls):.2f} s (CPU best {min(cpus):.2f} s, worst {max(cpus):.2f} s)")


if __name__ == "__main__":
    raise SystemExit(main())

"""Import 20,000 apprentices from .xlsx and .csv, export 20,000 pairs to .xlsx; prints seconds.

    python benchmarks/bench_import_export.py

Targets (issue 5): .xlsx import (read, validate, commit) <= 3 s, .csv import <= 1 s,
.xlsx export of 20,000 pairs <= 3 s. Each figure is printed as the best and the worst of three runs.
The pairs are exported with every column filled (major, dates and score are set first), so that
no cell is left out as empty.
"""

from __future__ import annotations

import csv
import os
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from openpyxl import Workbook  # noqa: E402
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


def timed(n: int, job) -> list[float]:
    times = []
    for _ in range(n):
        start = time.perf_counter()
        job()
        times.append(time.perf_counter() - start)
    return times


def import_once(path: Path, expected: int) -> None:
    db = memory_database()
    fill_city_scale(db, apprentices=0, mentors=0, enterprises=2600)  # the trades and enterprises named in the file
    start = time.perf_counter()
    report = ImportJob.from_file(db, "apprentices", path).commit()
    elapsed = time.perf_counter() - start
    assert report.added == expected, report.summary()
    import_once.elapsed.append(elapsed)


import_once.elapsed = []


def main() -> int:
    app = QCoreApplication.instance() or QCoreApplication([])  # noqa: F841  (translations, collation)
    source = memory_database()
    fill_city_scale(source)
    rows = roster(source)
    with tempfile.TemporaryDirectory() as folder:
        xlsx, csv_path = write_files(Path(folder), rows)
        figures = {}
        for label, path in (("import .xlsx (20,000 apprentices)", xlsx), ("import .csv GB18030 (20,000 apprentices)", csv_path)):
            import_once.elapsed = []
            for _ in range(3):
                import_once(path, len(rows))
            figures[label] = import_once.elapsed

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
    for label, seconds in figures.items():
        print(f"{label}: best {min(seconds):.2f} s, worst {max(seconds):.2f} s")
    print(f"empty cells in the all-column export: {empty}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

"""A roster's rows take little memory while they are imported (a city bureau's 200,000 rows in
400 MB: benchmarks/bench_big_import.py); here the Python memory of 5,000 rows, which tracemalloc
counts exactly, whatever else the machine does."""

import tracemalloc

from mentormatch.importer import ImportJob
from mentormatch.sample import fill_city_scale
from mentormatch.store import memory_database

ROWS = 5000
BYTES_PER_ROW = 2000  # about 1,300 bytes a row measured; 4,200 before the rows were made compact


def roster(path, rows=ROWS):
    """Apprentices as Excel on Chinese Windows saves them as CSV, as the benchmark writes them."""
    source = memory_database()
    fill_city_scale(source, apprentices=rows, mentors=0)
    rows = source.execute(
        "SELECT a.student_no, a.name, CASE a.gender WHEN 'M' THEN '男' ELSE '女' END, a.id_number, a.phone, t.name_zh,"
        " a.class_name, c.name, IFNULL(e.name, ''), '2026/7/14' FROM apprentices a JOIN trades t ON t.id = a.trade_id"
        " JOIN colleges c ON c.id = a.college_id LEFT JOIN enterprises e ON e.id = a.host_enterprise_id ORDER BY a.id").fetchall()
    source.close()
    lines = ["学号,姓名,性别,身份证号码,手机号,专业,班级,学院,实习单位,开始日期", *(",".join(row) for row in rows)]
    path.write_bytes(("\r\n".join(lines) + "\r\n").encode("gb18030"))
    return path


def test_a_roster_row_takes_little_memory_while_it_is_imported(db, tmp_path):
    path = roster(tmp_path / "roster.csv")
    fill_city_scale(db, apprentices=0, mentors=0)  # the colleges, enterprises and trades the roster names
    tracemalloc.start()
    try:
        before = tracemalloc.get_traced_memory()[0]
        job = ImportJob.from_file(db, "apprentices", path)
        report = job.commit()
        peak = tracemalloc.get_traced_memory()[1] - before
    finally:
        tracemalloc.stop()
    assert report.added == ROWS and len(job.results) == ROWS
    assert peak / ROWS < BYTES_PER_ROW, f"{peak / ROWS:.0f} bytes per row"


def test_checking_a_roster_again_takes_no_more_memory(db, tmp_path):
    """The wizard checks the rows again after each choice (and once more as it writes them): what
    the previous check kept (every stored record's keys) is gone by then."""
    path = roster(tmp_path / "roster.csv", 2000)  # each row is looked up in the database: slower than new rows
    fill_city_scale(db, apprentices=0, mentors=0)
    ImportJob.from_file(db, "apprentices", path).commit()
    job = ImportJob.from_file(db, "apprentices", path)
    tracemalloc.start()
    try:
        job.validate()
        once = tracemalloc.get_traced_memory()[1]
        job.validate()
        twice = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    assert all(r.existing_id for r in job.results)
    assert twice < once * 1.2, f"{once} bytes at most checked once, {twice} twice"  # 1.03; 1.6 when the first check's stayed

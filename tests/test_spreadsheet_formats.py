"""Rosters saved by a real spreadsheet program as .xls (Excel 97–2003) and .ods (WPS, LibreOffice):
LibreOffice converts a workbook as Excel or WPS would save it, with a hidden sheet before the
roster, a merged title row, a date column and ID numbers as text and as a number."""

import datetime
import shutil
import subprocess

import pytest
from openpyxl import Workbook

from mentormatch import importer, tabular
from mentormatch.importer import ImportJob
from mentormatch.store import open_database
from tests.test_import import apprentices, cli_import

pytestmark = pytest.mark.skipif(shutil.which("soffice") is None, reason="LibreOffice (soffice) is not installed")

HEADER = ["学号", "姓名", "性别", "身份证号码", "所学专业", "学院", "开始日期"]
ROWS = [
    ["SC001", "舒小超", "女", "11010519491231002X", "焊接技术应用", "四川工业科技学院", datetime.datetime(2026, 7, 14)],
    [2026002, "王小明", "男", "", "汽车制造与检修", "四川工业科技学院", datetime.datetime(2026, 9, 1)],  # typed as a number
    ["SC003", "李娜", "女", 110105194912310000, "焊接技术应用", "四川工业科技学院", "2026/9/1"],  # an ID Excel damaged
]


@pytest.fixture(scope="module")
def saved(tmp_path_factory):
    """format -> the roster saved by LibreOffice in that format."""
    folder = tmp_path_factory.mktemp("formats")
    book = Workbook()
    notes = book.active
    notes.title = "说明"
    notes.append(["学号", "姓名"])  # a hidden sheet that would import as a roster of one
    notes.append(["X1", "隐藏"])
    notes.sheet_state = "hidden"
    sheet = book.create_sheet("学生名单")
    sheet.append(["2026级学徒花名册（教务系统导出）"])
    sheet.merge_cells("A1:G1")
    sheet.append(HEADER)
    for row in ROWS:
        sheet.append(row)
    source = folder / "花名册.xlsx"
    book.save(source)
    files = {}
    for fmt in ("xls", "ods"):
        subprocess.run(["soffice", f"-env:UserInstallation=file://{folder}/profile", "--headless", "--convert-to", fmt,
                        "--outdir", str(folder), str(source)], check=True, capture_output=True, timeout=120)
        files[fmt] = folder / f"花名册.{fmt}"
        assert files[fmt].read_bytes()[:4] == (b"\xd0\xcf\x11\xe0" if fmt == "xls" else b"PK\x03\x04")  # LibreOffice's own writing
    return files


@pytest.mark.parametrize("fmt", ["xls", "ods"])
def test_the_hidden_sheet_before_the_roster_is_passed_over(saved, fmt):
    assert tabular.sheet_names(saved[fmt]) == ["学生名单"]
    table = tabular.read_table(saved[fmt], None, importer.header_matcher())
    assert table.sheet == "学生名单" and table.header_row == 2 and table.headers == HEADER
    (_, first), (_, second), (_, third) = table.rows
    assert first[6] == datetime.date(2026, 7, 14) and third[6] == "2026/9/1"
    assert type(second[0]) is int and second[0] == 2026002  # as typed, not 2026002.0
    assert type(third[3]) is float  # 1.10105E+17 as Excel keeps it
    assert tabular.read_table(saved[fmt], "说明").rows == [(2, ("X1", "隐藏"))]  # still read when named


def _check_imported(db):
    rows = apprentices(db)
    assert [(r[0], r[1], r[2], r[3], r[7], r[10]) for r in rows] == [
        ("2026002", "王小明", "M", "四川工业科技学院", None, "2026-09-01"),
        ("SC001", "舒小超", "F", "四川工业科技学院", "11010519491231002X", "2026-07-14"),
    ]


@pytest.mark.parametrize("fmt", ["xls", "ods"])
def test_a_roster_saved_as_xls_or_ods_is_imported(db, saved, fmt):
    job = ImportJob.from_file(db, "apprentices", saved[fmt])
    results = job.validate()
    assert [r.row for r in results] == [3, 4, 5]
    assert [r.status for r in results] == ["ok", "warning", "error"]
    assert "Excel stored this ID number as a number" in " ".join(i.message for i in results[2].issues)
    assert job.commit(skip_errors=True).added == 2
    _check_imported(db)


@pytest.mark.parametrize("fmt", ["xls", "ods"])
def test_a_roster_saved_as_xls_or_ods_on_the_command_line(db_path, saved, fmt, capsys):
    assert cli_import(db_path, "apprentices", saved[fmt]) == 2
    assert "row 5, 身份证号码: Excel stored this ID number as a number" in capsys.readouterr().err
    assert cli_import(db_path, "apprentices", saved[fmt], "--skip-errors") == 0
    assert "Added 2, updated 0, skipped 1." in capsys.readouterr().out
    db = open_database(db_path)
    try:
        _check_imported(db)
    finally:
        db.close()

"""Fuzzed rosters never crash: malformed .xlsx, .csv/.txt and files named .xls/.ods end in a report
or a message naming the file, and a refused import writes nothing.

The files come from the makers of scripts/fuzz_rosters.py (which runs thousands more outside CI);
here hypothesis draws a bounded number of them, plus the damaged files the issue names.
"""

import io
import random
import zipfile

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from openpyxl import Workbook

from scripts.fuzz_rosters import HEADER, MAKERS, GOOD_ROWS, cli_case, import_case

FUZZ = settings(max_examples=150, deadline=None, database=None, suppress_health_check=[HealthCheck.function_scoped_fixture])


@pytest.mark.parametrize("maker", sorted(MAKERS))
@FUZZ
@given(seed=st.integers(0, 2**32 - 1), skip_errors=st.booleans())
def test_fuzzed_roster_ends_in_a_report_or_a_message(tmp_path, maker, seed, skip_errors):
    suffix, data = MAKERS[maker](random.Random(seed))
    path = tmp_path / f"名单{suffix}"
    path.write_bytes(data)
    assert import_case(path, skip_errors) in ("imported", "refused")


def _book(change=None, chart_first=False) -> bytes:
    book = Workbook()
    book.active.append(HEADER)
    book.active.append([int(v) if v == "13812345678" else v for v in GOOD_ROWS[0]])  # the phone as a number
    if chart_first:
        book.create_chartsheet("图表", 0)
    out = io.BytesIO()
    book.save(out)
    if change is None:
        return out.getvalue()
    rezipped = io.BytesIO()
    with zipfile.ZipFile(out) as source, zipfile.ZipFile(rezipped, "w") as target:
        for name in source.namelist():
            target.writestr(name, change(name, source.read(name)))
    return rezipped.getvalue()


def _sheet(change):
    return lambda name, content: change(content) if name == "xl/worksheets/sheet1.xml" else content


DAMAGED = {
    "invalid XML in the sheet": (".xlsx", _book(_sheet(lambda c: c.replace(b"</row>", b"</row>&", 1))), "cannot be read"),
    "a corrupt zip": (".xlsx", _book()[:900], "cannot be read"),
    "a chart sheet first": (".xlsx", _book(chart_first=True), None),
    "a workbook with no sheet": (".xlsx", _book(lambda name, c: c.replace(c[c.find(b"<sheets>"):c.find(b"</sheets>") + 9], b"<sheets/>")
                                                if name == "xl/workbook.xml" else c), "no worksheet"),
    "a number Excel never writes": (".xlsx", _book(_sheet(lambda c: c.replace(b"<v>13812345678</v>", b"<v>0x10</v>"))), "cannot be read"),
    "a 400-digit number": (".xlsx", _book(_sheet(lambda c: c.replace(b"<v>13812345678</v>", b"<v>" + b"9" * 400 + b"</v>"))), "problems"),
    # calamine would ask for a block of 1,048,576 × 16,384 cells and the process would end
    "a stray cell at Excel's last row and column": (".xlsx", _book(_sheet(lambda c: c.replace(
        b"</sheetData>", b'<row r="1048576"><c r="XFD1048576" t="inlineStr"><is><t>x</t></is></c></row></sheetData>'))),
        "row 1048576 and column 16384"),
    "references no spreadsheet writes": (".xlsx", _book(_sheet(lambda c: c.replace(b'r="A2"', b'r="XFE2"', 1).replace(
        b'r="B2"', b'r="B1048577"', 1))), "too far"),
    "UTF-16 of odd length": (".csv", ",".join(HEADER).encode("utf-16")[:-1], "byte"),
    "a damaged .xls file": (".xls", b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(600), "cannot be read"),
    "an .xlsx renamed .ods": (".ods", _book(), None),
    "a text file renamed .xls": (".xls", ",".join(HEADER).encode("gbk"), "not a spreadsheet workbook"),
}


@pytest.mark.parametrize("case", sorted(DAMAGED))
def test_damaged_roster_gets_a_message_naming_the_file(tmp_path, case):
    from mentormatch.errors import UserError
    from mentormatch.importer import ImportJob
    from mentormatch.store import memory_database

    suffix, data, expected = DAMAGED[case]
    path = tmp_path / f"学生名单{suffix}"
    path.write_bytes(data)
    db = memory_database()
    if expected is None:  # the chart sheet is passed over, a renamed workbook read as Excel reads it
        job = ImportJob.from_file(db, "apprentices", path)
        assert job.commit().added == 1
        return
    with pytest.raises(UserError) as refused:
        ImportJob.from_file(db, "apprentices", path).commit()
    assert path.name in str(refused.value) and expected in str(refused.value)


@settings(max_examples=3, deadline=None, database=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(seed=st.integers(0, 2**32 - 1), maker=st.sampled_from(sorted(MAKERS)))
def test_fuzzed_roster_on_the_command_line(tmp_path_factory, seed, maker):
    """mentormatch import in a subprocess: exit 0 or 2, no traceback, the database unchanged when refused."""
    folder = tmp_path_factory.mktemp("cli")
    suffix, data = MAKERS[maker](random.Random(seed))
    path = folder / f"名单{suffix}"
    path.write_bytes(data)
    assert cli_case(path, folder) in ("imported", "refused")

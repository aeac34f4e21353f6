"""Exports that open cleanly in Excel and WPS, show no personal data unasked, and import back."""

import csv
import shutil
import subprocess

import pikepdf
import pytest
from openpyxl import load_workbook

from mentormatch import cli, exporter
from mentormatch.errors import UserError
from mentormatch.importer import ImportJob
from mentormatch.store import memory_database, now_iso

ALL_PAIR_COLUMNS = [c.key for c in exporter.columns("pairs")]


def pair_everyone(db):
    """Pair each sample apprentice with a mentor of the same trade (round robin), confirmed."""
    mentors: dict[int, list[int]] = {}
    for mid, tid in db.execute("SELECT id, trade_id FROM mentors ORDER BY id"):
        mentors.setdefault(tid, []).append(mid)
    with db.atomic():
        for n, (aid, tid, prog) in enumerate(db.execute("SELECT id, trade_id, programme_id FROM apprentices ORDER BY id").fetchall()):
            choice = mentors.get(tid)
            if choice:
                db.execute("INSERT INTO pairs (programme_id, apprentice_id, mentor_id, status, created_at) VALUES (?,?,?,?,?)",
                           [prog, aid, choice[n % len(choice)], "confirmed", now_iso()])


@pytest.fixture
def paired(sample_db):
    pair_everyone(sample_db)
    return sample_db


def sheet_rows(path, sheet=None):
    book = load_workbook(path)
    ws = book[sheet] if sheet else book.worksheets[0]
    return ws, [[c.value for c in row] for row in ws.iter_rows()]


def test_pair_list_xlsx_is_formatted_for_excel(paired, tmp_path):
    keys = ["enterprise", "mentor", "apprentice", "student_no", "id_number", "apprentice_phone"]
    count = exporter.export(paired, "pairs", tmp_path / "p.xlsx", keys=keys)
    ws, rows = sheet_rows(tmp_path / "p.xlsx")
    assert count == len(rows) - 1 > 100
    assert rows[0] == ["Enterprise", "Mentor", "Apprentice", "Student number", "ID number", "Apprentice's phone"]
    assert all(c.font.bold for c in ws[1])
    assert ws.freeze_panes == "A2"
    assert ws.auto_filter.ref == f"A1:F{len(rows)}"
    assert ws.column_dimensions["A"].width >= 24  # fitted to 重庆长安汽车股份有限公司
    # printed from Excel or WPS: A4 landscape, one page wide, the header repeated on every page
    assert ws.page_setup.orientation == "landscape" and ws.page_setup.paperSize == 9
    assert ws.sheet_properties.pageSetUpPr.fitToPage and ws.page_setup.fitToWidth in (None, 1) and ws.page_setup.fitToHeight == 0  # 1 is the default
    assert ws.print_title_rows == "$1:$1"
    for column in "DEF":
        cell = ws[f"{column}2"]
        assert cell.number_format == "@" and cell.data_type == "s"
    # sorted by enterprise, then mentor: each enterprise's rows are together
    enterprises = [r[0] for r in rows[1:]]
    assert len(set(enterprises)) == sum(1 for a, b in zip([None] + enterprises, enterprises) if a != b)


def test_personal_data_is_masked_unless_asked_for(paired, tmp_path):
    keys = ["student_no", "id_number", "apprentice_phone", "mentor_phone"]  # written in the list's order
    exporter.export(paired, "pairs", tmp_path / "masked.xlsx", keys=keys)
    exporter.export(paired, "pairs", tmp_path / "full.xlsx", keys=keys, full_personal_data=True)
    _, masked = sheet_rows(tmp_path / "masked.xlsx")
    _, full = sheet_rows(tmp_path / "full.xlsx")
    assert full[0] == ["Mentor's phone", "Student number", "ID number", "Apprentice's phone"]
    stored = {r[0]: r[1:] for r in paired.execute("SELECT student_no, id_number, phone FROM apprentices")}
    with_id = next(r for r in full[1:] if r[2])
    assert tuple(with_id[2:]) == stored[with_id[1]]
    masked_row = next(r for r in masked[1:] if r[1] == with_id[1])
    assert masked_row[2] == with_id[2][:6] + "********" + with_id[2][-4:]
    assert masked_row[3] == with_id[3][:3] + "****" + with_id[3][-4:]
    assert all("****" in r[0] for r in masked[1:])
    exporter.export(paired, "pairs", tmp_path / "masked.csv", keys=keys)
    text = (tmp_path / "masked.csv").read_text(encoding="utf-8-sig")
    assert with_id[2] not in text and with_id[3] not in text


def test_formula_injection_is_neutralised(paired, tmp_path):
    evil = {1: '=HYPERLINK("http://evil.example","点我")', 2: "+1+2", 3: "-3+4", 4: "@SUM(A1)"}
    with paired.atomic():
        for aid, name in evil.items():
            paired.execute("UPDATE apprentices SET name = ?, class_name = ? WHERE id = ?", [name, name, aid])
    exporter.export(paired, "pairs", tmp_path / "p.xlsx", keys=["apprentice", "class_name", "student_no"])
    ws, rows = sheet_rows(tmp_path / "p.xlsx")
    cells = {c.value: c for row in ws.iter_rows() for c in row}
    for text in evil.values():
        assert cells[text].data_type == "s" and cells[text].quotePrefix
    assert not any(c.data_type == "f" for row in ws.iter_rows() for c in row)

    exporter.export(paired, "pairs", tmp_path / "p.csv", keys=["apprentice", "class_name"])
    with open(tmp_path / "p.csv", encoding="utf-8-sig", newline="") as fh:
        values = {v for row in csv.reader(fh) for v in row}
    for text in evil.values():
        assert text not in values and "'" + text in values
    assert not any(v.startswith(exporter.FORMULA_START) for v in values)


def test_csv_has_a_bom_and_keeps_numbers_as_text(paired, tmp_path):
    exporter.export(paired, "pairs", tmp_path / "p.csv", keys=["apprentice", "student_no", "id_number"], full_personal_data=True)
    data = (tmp_path / "p.csv").read_bytes()
    assert data.startswith(b"\xef\xbb\xbf") and b"\r\n" in data
    rows = list(csv.reader(data.decode("utf-8-sig").splitlines()))
    assert rows[0] == ["Apprentice", "Student number", "ID number"]
    ids = [r[2] for r in rows[1:] if r[2]]
    digits = [v for v in ids if v.strip().isdigit()]
    assert digits and all(v.startswith("\t") for v in digits)  # Excel would show 1.10105E+17 without the tab


def test_one_sheet_per_enterprise(paired, tmp_path):
    exporter.export(paired, "pairs", tmp_path / "p.xlsx", sheet_per_enterprise=True)
    book = load_workbook(tmp_path / "p.xlsx")
    enterprises = {r[0] for r in paired.execute(
        "SELECT DISTINCT e.name FROM pairs p JOIN mentors m ON m.id = p.mentor_id JOIN enterprises e ON e.id = m.enterprise_id")}
    assert set(book.sheetnames) == {exporter.sheet_title(e, set()) for e in enterprises}
    for ws in book.worksheets:
        assert {row[0].value for row in ws.iter_rows(min_row=2)} == {ws.title} or len(ws.title) == 31


def test_sheet_titles_are_valid_and_unique():
    taken = set()
    assert exporter.sheet_title("a/b:c*?[d]", taken) == "a_b_c__[d]".replace("[", "_").replace("]", "_")
    long = "重庆市两江新区某某某某汽车零部件制造股份有限公司第一分公司第二车间"
    first, second = exporter.sheet_title(long, taken), exporter.sheet_title(long, taken)
    assert len(first) == 31 and len(second) == 31 and first != second


def test_round_trip_of_apprentices_through_the_pair_list(paired, tmp_path):
    exporter.export(paired, "pairs", tmp_path / "p.xlsx", keys=ALL_PAIR_COLUMNS, full_personal_data=True)
    empty = memory_database()
    job = ImportJob.from_file(empty, "apprentices", tmp_path / "p.xlsx")
    assert {"student_no", "name", "host_enterprise_id", "id_number", "phone", "trade_id", "major"} <= set(job.mapping)
    assert job.mapping[job.table.headers.index("Enterprise")] is None  # the mentor's, not the host
    report = job.commit()
    assert report.added == paired.execute("SELECT COUNT(*) FROM pairs").fetchone()[0]
    sql = ("SELECT a.student_no, a.name, a.gender, c.name, a.class_name, a.major, t.name_zh, a.kind, a.target_level,"
           " e.name, g.name, a.id_number, a.phone, a.start_date, a.end_date FROM apprentices a"
           " JOIN colleges c ON c.id = a.college_id JOIN trades t ON t.id = a.trade_id"
           " LEFT JOIN enterprises e ON e.id = a.host_enterprise_id LEFT JOIN programmes g ON g.id = a.programme_id"
           " WHERE a.id IN (SELECT apprentice_id FROM pairs) OR ? ORDER BY a.student_no")
    assert empty.execute(sql, [1]).fetchall() == paired.execute(sql, [0]).fetchall()


def test_round_trip_of_mentors_through_the_mentor_list(sample_db, tmp_path):
    exporter.export(sample_db, "mentors", tmp_path / "m.csv", keys=[c.key for c in exporter.columns("mentors")],
                    full_personal_data=True)
    empty = memory_database()
    report = ImportJob.from_file(empty, "mentors", tmp_path / "m.csv").commit()
    assert report.added == sample_db.execute("SELECT COUNT(*) FROM mentors").fetchone()[0]
    sql = ("SELECT e.name, m.name, m.gender, m.employee_no, t.name_zh, m.skill_level, m.title, m.years,"
           " COALESCE(m.capacity, 8), m.phone, m.term_from, m.term_to FROM mentors m JOIN enterprises e ON e.id = m.enterprise_id"
           " JOIN trades t ON t.id = m.trade_id ORDER BY m.employee_no")
    assert empty.execute(sql).fetchall() == sample_db.execute(sql).fetchall()


def test_letter_register(sample_db, tmp_path):
    mentor = sample_db.execute("SELECT id FROM mentors LIMIT 1").fetchone()[0]
    with sample_db.atomic():
        for seq, revoked in ((1, None), (2, "2026-08-01")):
            sample_db.execute(
                "INSERT INTO letters (serial, year, seq, mentor_id, term_from, term_to, issue_date, issuers, template, revoked_at,"
                " revoke_reason, created_at) VALUES (?,?,?,?,?,?,?,?,?,?,?,?)",
                [f"MM-2026-{seq:04d}", 2026, seq, mentor, "2026-07-14", "2027-01-13", "2026-07-14", '["四川工业科技学院", "长安汽车"]',
                 "formal", revoked, "重复" if revoked else None, now_iso()])
    exporter.export(sample_db, "letters", tmp_path / "l.xlsx", keys=["serial", "issuers", "status", "revoke_reason"])
    _, rows = sheet_rows(tmp_path / "l.xlsx")
    assert rows[1:] == [["MM-2026-0001", "四川工业科技学院、长安汽车", "valid", None],
                        ["MM-2026-0002", "四川工业科技学院、长安汽车", "revoked", "重复"]]
    # by default too: a register handed on says when and why a letter stopped counting
    exporter.export(sample_db, "letters", tmp_path / "all.xlsx")
    _, rows = sheet_rows(tmp_path / "all.xlsx")
    assert rows[0][-3:] == ["Status", "Revoked on", "Reason for revoking"]
    assert rows[-1][-3:] == ["revoked", "2026-08-01", "重复"] and rows[-2][-3:] == ["valid", None, None]
    assert "Revoked on" in exporter.sheets(sample_db, "certificates")[0].headers


def test_pdf_roster_is_a4_landscape_with_page_numbers(paired, tmp_path, qapp):
    path = tmp_path / "p.pdf"
    exporter.export(paired, "pairs", path)
    with pikepdf.open(path) as pdf:
        assert len(pdf.pages) >= 2
        box = [float(v) for v in pdf.pages[0].mediabox]
        assert round(box[2]) == 842 and round(box[3]) == 595
    if shutil.which("pdftotext"):
        text = subprocess.run(["pdftotext", "-layout", str(path), "-"], capture_output=True, text=True).stdout
        assert "Pair list" in text and "Page 1 of" in text and "重庆长安汽车股份有限公司" in text


def test_command_line(paired, tmp_path, qapp, capsys, monkeypatch):
    db_path = tmp_path / "mm.db"
    target = __import__("mentormatch.store", fromlist=["open_database"]).open_database(db_path)
    paired.conn.backup(target.conn)
    target.close()
    run = lambda *a: cli.main(["--lang", "en", "--db", str(db_path), "export", *map(str, a)])  # noqa: E731
    assert run("pairs", tmp_path / "p.xlsx", "--programme", "2026 渝北—德阳 汽车工程半年实习") == 0
    assert "rows written" in capsys.readouterr().out
    assert run("mentors", tmp_path / "m.csv", "--full-personal-data") == 0
    assert "keep it safe" in capsys.readouterr().err
    assert run("pairs", tmp_path / "p.xlsx", "--programme", "没有这个项目") == 2  # a user's error
    assert "没有这个项目" in capsys.readouterr().err
    assert run("pairs", tmp_path / "p.docx") == 2
    assert ".xlsx" in capsys.readouterr().err


def test_a_failed_export_leaves_the_older_file_as_it_was(paired, tmp_path, monkeypatch):
    target = tmp_path / "pairs.xlsx"
    exporter.export(paired, "pairs", target)
    before = target.read_bytes()

    def half_written(path, parts):
        path.write_bytes(b"PK half a workbook")
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(exporter, "write_xlsx", half_written)
    with pytest.raises(UserError, match="No space left on device"):
        exporter.export(paired, "pairs", target)
    assert target.read_bytes() == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["pairs.xlsx"]  # no temporary file left beside it

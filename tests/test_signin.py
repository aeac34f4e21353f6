"""The ceremony sign-in sheet (签到表): who is on it, in what order, on pages as a desk uses them;
from the command line and from the Letters page."""

import re
import subprocess
from collections import Counter

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFileDialog, QMessageBox

from mentormatch import pinyin, records, roster_pdf, signin
from mentormatch.errors import UserError
from mentormatch.store import now_iso, open_database
from tests.test_cli import run
from tests.test_roster_pdf import page_count, pdftotext
from tests.test_ui_records import type_text

PROGRAMME = "2026 渝北—德阳 汽车工程半年实习"


def confirm_some(db, count=10):
    """Confirmed pairs for the first apprentices, each with a mentor of their trade; the mentors they got."""
    mentors = set()
    with db.atomic():
        for aid, tid, prog in db.execute("SELECT id, trade_id, programme_id FROM apprentices ORDER BY id LIMIT ?", [count]).fetchall():
            mid = db.execute("SELECT id FROM mentors WHERE trade_id = ? ORDER BY id DESC LIMIT 1", [tid]).fetchone()[0]
            db.execute("INSERT INTO pairs (programme_id, apprentice_id, mentor_id, status, created_at) VALUES (?, ?, ?, 'confirmed', ?)",
                       [prog, aid, mid, now_iso()])
            mentors.add(mid)
    return mentors


def names_in(text: str, names) -> Counter:
    words = Counter(text.split())
    return Counter({name: words[name] for name in names})


def test_one_row_per_person_header_and_page_numbers_on_every_page_no_personal_data(sample_db, tmp_path):
    pid = records.programme_id_by_name(sample_db, PROGRAMME)
    tables = signin.sections(sample_db, pid)
    out = tmp_path / "签到表.pdf"
    signin.write_pdf(out, signin.default_title(sample_db, pid), tables)
    mentors = Counter(n for (n,) in sample_db.execute("SELECT name FROM mentors"))  # no pair confirmed: all 40 are appointed
    apprentices = Counter(n for (n,) in sample_db.execute("SELECT name FROM apprentices"))
    assert sum(mentors.values()) == 40 and sum(apprentices.values()) == 120

    pages = page_count(out)
    texts = [pdftotext(out, page) for page in range(1, pages + 1)]
    mentor_pages = [t for t in texts if "(enterprise mentors)" in t]
    apprentice_pages = [t for t in texts if "(apprentices)" in t]
    assert len(mentor_pages) >= 2 and len(apprentice_pages) >= 3 and len(mentor_pages) + len(apprentice_pages) == pages
    assert names_in(" ".join(mentor_pages), mentors) == mentors  # each person once, in their own table
    assert names_in(" ".join(apprentice_pages), apprentices) == apprentices
    for group, headers in ((mentor_pages, ("Organisation",)), (apprentice_pages, ("Enterprise", "College"))):
        for number, text in enumerate(group, start=1):  # each table numbers its own pages
            assert all(h in text for h in ("No.", "Name", "Trade", "Signature", *headers)), number
            assert f"Page {number} of {len(group)}" in text
    words = " ".join(apprentice_pages).split()
    assert "120" in words and "121" not in words  # 序号 counts the apprentices from 1 to 120
    everything = "".join(texts)
    for id_number, phone in sample_db.execute("SELECT id_number, phone FROM apprentices UNION ALL SELECT NULL, phone FROM mentors"):
        for value in filter(None, (id_number, phone)):
            assert value not in everything and value[-4:] + "\n" not in everything
    assert not re.search(r"\d{6}\*+|\d{3}\*{4}\d{4}", everything)  # not even masked
    assert "595 x 842 pts (A4)" in subprocess.run(["pdfinfo", str(out)], capture_output=True, text=True).stdout  # portrait


def test_mentors_with_confirmed_pairs_apprentices_all_sorted_by_enterprise_then_pinyin(sample_db):
    pid = records.programme_id_by_name(sample_db, PROGRAMME)
    paired_mentors = confirm_some(sample_db)
    mentors, apprentices = signin.sections(sample_db, pid)
    expected = {n for (n,) in sample_db.execute(f"SELECT name FROM mentors WHERE id IN ({','.join(map(str, paired_mentors))})")}
    assert {row[0] for row in mentors.rows} == expected and len(mentors.rows) == len(paired_mentors)
    assert len(apprentices.rows) == 120  # the unpaired attend too
    for table in (mentors, apprentices):
        keys = [(pinyin.sort_key(row[1] or "\uffff"), pinyin.person(row[0]).split("\t")[0]) for row in table.rows]
        assert keys == sorted(keys), table.title
    # an apprentice sits with their confirmed mentor's enterprise
    aid, mentor_enterprise = sample_db.execute(
        "SELECT a.id, e.name FROM pairs p JOIN apprentices a ON a.id = p.apprentice_id JOIN mentors m ON m.id = p.mentor_id"
        " JOIN enterprises e ON e.id = m.enterprise_id ORDER BY p.id LIMIT 1").fetchone()
    with sample_db.atomic():  # placed elsewhere by the roster: the mentor's enterprise still counts
        sample_db.execute("UPDATE apprentices SET host_enterprise_id = (SELECT id FROM enterprises WHERE name != ? LIMIT 1)"
                          " WHERE id = ?", [mentor_enterprise, aid])
    name = sample_db.execute("SELECT name FROM apprentices WHERE id = ?", [aid]).fetchone()[0]
    rows = signin.sections(sample_db, pid, "apprentices")[0].rows
    assert [mentor_enterprise] == [row[1] for row in rows if row[0] == name]


def test_one_group_only_a_title_of_ones_own_and_nobody_to_sign_in(sample_db):
    pid = records.programme_id_by_name(sample_db, PROGRAMME)
    (only,) = signin.sections(sample_db, pid, "apprentices", "  开班仪式签到  ")
    assert only.title == "开班仪式签到 (apprentices)" and len(only.rows) == 120
    (only,) = signin.sections(sample_db, pid, "mentors")
    assert only.title == f"{PROGRAMME}: appointment ceremony sign-in sheet (enterprise mentors)" and len(only.rows) == 40
    with sample_db.atomic():
        empty = sample_db.execute("INSERT INTO programmes (name) VALUES ('空项目')").lastrowid
    with pytest.raises(UserError, match="no mentors or apprentices to sign in"):
        signin.sections(sample_db, empty)
    with pytest.raises(UserError, match="no apprentices to sign in"):
        signin.sections(sample_db, empty, "apprentices")


def test_a_page_break_repeats_the_header_in_chinese(sample_db, tmp_path, qapp):
    from mentormatch.i18n import install_translators

    install_translators("zh_CN")
    try:
        pid = records.programme_id_by_name(sample_db, PROGRAMME)
        out = tmp_path / "zh.pdf"
        signin.write_pdf(out, signin.default_title(sample_db, pid), signin.sections(sample_db, pid, "mentors"))
        second = pdftotext(out, 2)
    finally:
        install_translators("en")
    assert f"{PROGRAMME} 聘任仪式签到表（企业导师）" in second
    assert all(h in second for h in ("序号", "姓名", "单位", "工种", "签名")) and "第2页/共2页" in second.replace(" ", "")


def test_command_line(tmp_path):
    path = tmp_path / "c.db"
    assert run("--db", str(path), "sample").returncode == 0
    out = tmp_path / "签到表.pdf"
    done = run("--db", str(path), "--lang", "zh_CN", "signin", str(out), "--programme", PROGRAMME, "--mentors")
    assert done.returncode == 0, done.stderr
    assert "已将 40 人的签到表写入" in done.stdout
    text = pdftotext(out)
    assert "聘任仪式签到表（企业导师）" in text and "（学徒）" not in text
    db = open_database(path)
    assert all(name in text for (name,) in db.execute("SELECT name FROM mentors"))
    db.close()

    unknown = run("--db", str(path), "signin", str(out), "--programme", "没有的项目")
    assert unknown.returncode == 2 and "There is no programme named 没有的项目" in unknown.stderr and PROGRAMME in unknown.stderr
    both = run("--db", str(path), "signin", str(out), "--programme", PROGRAMME, "--mentors", "--apprentices")
    assert both.returncode == 2 and "not allowed with argument" in both.stderr
    wrong = run("--db", str(path), "signin", str(tmp_path / "签到表.xlsx"), "--programme", PROGRAMME)
    assert wrong.returncode == 2 and "must end in .pdf" in wrong.stderr
    assert "signin" in run("--help").stdout


def test_letters_page_writes_and_prints_the_sheet(qtbot, sample_db, tmp_path, monkeypatch):
    from PySide6.QtPrintSupport import QPrintDialog, QPrinter

    from ui import jobs
    from ui.letters import LettersPage
    from ui.signin_dialog import SignInDialog

    shown = []
    monkeypatch.setattr(QMessageBox, "warning", staticmethod(lambda parent, title, text, *a: shown.append(text)))
    out, printed = tmp_path / "sheet.pdf", tmp_path / "printed.pdf"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", staticmethod(lambda *a, **k: (str(tmp_path / "sheet"), "")))

    def to_pdf(self):
        self.printer().setOutputFormat(QPrinter.OutputFormat.PdfFormat)
        self.printer().setOutputFileName(str(printed))
        return QPrintDialog.DialogCode.Accepted

    monkeypatch.setattr(QPrintDialog, "exec", to_pdf)
    dialogs = []

    def drive(dialog):
        dialogs.append(dialog)
        assert dialog.title.placeholderText() == f"{PROGRAMME}: appointment ceremony sign-in sheet"
        qtbot.mouseClick(dialog.who_buttons["apprentices"], Qt.MouseButton.LeftButton)
        dialog.show()
        type_text(qtbot, dialog.title, "拜师仪式签到表")
        qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
        jobs.wait_for_jobs()
        qtbot.mouseClick(dialog.who_buttons["both"], Qt.MouseButton.LeftButton)
        qtbot.mouseClick(dialog.print_button, Qt.MouseButton.LeftButton)
        return 0

    monkeypatch.setattr(SignInDialog, "exec", drive)
    page = LettersPage(sample_db)
    qtbot.addWidget(page)
    qtbot.mouseClick(page.signin_button, Qt.MouseButton.LeftButton)
    (dialog,) = dialogs
    assert not shown
    text = pdftotext(out)
    assert "拜师仪式签到表 (apprentices)" in text and "(enterprise mentors)" not in text
    assert sum(names_in(text, {n for (n,) in sample_db.execute("SELECT name FROM apprentices")}).values()) >= 120
    assert page_count(printed) == page_count(out) + 2  # the 40 mentors' two pages, then the same apprentices' pages
    assert "拜师仪式签到表 (enterprise mentors)" in pdftotext(printed, 1)
    assert re.fullmatch(r"\d+ pages sent to the printer\.", dialog.status.text())


def test_the_dialog_says_when_nobody_is_there(qtbot, db, monkeypatch):
    from ui.signin_dialog import SignInDialog

    shown = []
    monkeypatch.setattr(QMessageBox, "warning", staticmethod(lambda parent, title, text, *a: shown.append(text)))
    asked = []
    monkeypatch.setattr(QFileDialog, "getSaveFileName", staticmethod(lambda *a, **k: asked.append(a) or ("", "")))
    with db.atomic():
        db.execute("INSERT INTO programmes (name) VALUES ('空项目')")
    dialog = SignInDialog(db)
    qtbot.addWidget(dialog)
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    assert shown == ["The programme has no mentors or apprentices to sign in."] and not asked


def test_the_roster_engine_draws_several_tables_each_from_a_new_page(tmp_path, qapp):
    out = tmp_path / "two.pdf"
    roster_pdf.write_sections(out, "Doc", [roster_pdf.Section("甲表", ["Name"], [["张三"]]),
                                           roster_pdf.Section("乙表", ["Name"], [["李四"]])], orientation=roster_pdf.PORTRAIT)
    assert page_count(out) == 2
    assert "甲表" in pdftotext(out, 1) and "李四" not in pdftotext(out, 1) and "乙表" in pdftotext(out, 2)

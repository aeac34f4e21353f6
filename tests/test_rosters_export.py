"""The apprentice and mentor rosters exported as a coordinator asks for them: chosen columns on
the command line in either language, masked by default, the printed roster numbered and with a
column to sign in."""

import subprocess

from openpyxl import load_workbook
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFileDialog
from test_cli import run

from ui.export_dialog import ExportDialog


def sample(tmp_path):
    path = tmp_path / "m.db"
    assert run("--db", str(path), "sample").returncode == 0
    return path


def pdf_text(path):
    return subprocess.run(["pdftotext", "-layout", str(path), "-"], capture_output=True, text=True, check=True).stdout


def test_the_apprentice_roster_with_columns_named_in_chinese_and_english(tmp_path):
    db = sample(tmp_path)
    out = tmp_path / "花名册.xlsx"
    result = run("--db", str(db), "export", "apprentices", str(out), "--columns", "学号,姓名,Class,phone,身份证号码,学校")
    assert result.returncode == 0, result.stderr
    rows = list(load_workbook(out).active.iter_rows(values_only=True))
    assert rows[0] == ("Student number", "Name", "College", "Class", "ID number", "Phone")  # in the roster's order
    assert len(rows) == 121
    assert all("********" in r[4] for r in rows[1:] if r[4]) and all("****" in r[5] for r in rows[1:] if r[5])
    classes = [(r[2], r[3]) for r in rows[1:]]
    assert len(set(classes)) == sum(1 for a, b in zip([None, *classes], classes) if a != b)  # by college, then class


def test_an_unknown_column_lists_the_valid_ones(tmp_path):
    db = sample(tmp_path)
    result = run("--db", str(db), "--lang", "zh_CN", "export", "mentors", str(tmp_path / "m.csv"), "--columns", "姓名,鞋码")
    assert result.returncode == 2 and "Traceback" not in result.stderr
    assert "鞋码" in result.stderr and "employee_no（工号）" in result.stderr and "free_confirmed" in result.stderr


def test_the_mentor_roster_is_every_mentor(tmp_path):
    db = sample(tmp_path)
    out = tmp_path / "导师.csv"
    assert run("--db", str(db), "export", "mentors", str(out), "--columns", "name,enterprise,工号").returncode == 0
    lines = out.read_text(encoding="utf-8-sig").splitlines()
    assert lines[0] == "Enterprise,Name,Employee number" and len(lines) == 41


def test_the_printed_roster_is_numbered_and_has_a_signature_column(tmp_path):
    db = sample(tmp_path)
    out = tmp_path / "签到表.pdf"
    result = run("--db", str(db), "--lang", "zh_CN", "export", "apprentices", str(out), "--columns", "学号,姓名", "--signature")
    assert result.returncode == 0, result.stderr
    text = pdf_text(out)
    header = next(line for line in text.splitlines() if "学号" in line)
    assert header.split() == ["序号", "学号", "姓名", "签名"]
    numbers = [line.split()[0] for line in text.splitlines() if line.strip() and line.split()[0].isdigit()]
    assert numbers[:3] == ["1", "2", "3"] and "120" in numbers
    plain = tmp_path / "plain.pdf"
    assert run("--db", str(db), "--lang", "zh_CN", "export", "apprentices", str(plain), "--columns", "学号,姓名").returncode == 0
    assert "签名" not in pdf_text(plain) and "序号" in pdf_text(plain)
    refused = run("--db", str(db), "export", "apprentices", str(tmp_path / "x.xlsx"), "--signature")
    assert refused.returncode == 2 and "PDF" in refused.stderr


def test_the_export_dialog_writes_a_signature_roster(sample_db, qtbot, tmp_path, monkeypatch):
    dialog = ExportDialog(sample_db)
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.kind_combo.setCurrentIndex(dialog.kind_combo.findData("apprentices"))
    assert dialog.kind_combo.currentText() == "Apprentice roster"
    assert not dialog.signature_check.isEnabled()  # xlsx: nowhere to sign
    dialog.format_combo.setCurrentIndex(dialog.format_combo.findData("pdf"))
    dialog.signature_check.setChecked(True)
    target = tmp_path / "roster.pdf"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(target), ""))
    qtbot.mouseClick(dialog.export_button, Qt.MouseButton.LeftButton)
    header = next(line for line in pdf_text(target).splitlines() if line.strip().startswith("No."))  # a header may wrap
    assert header.split()[-1] == "Signature" and "Student" in header

"""A coordinator's first day in the window, as she does it: an empty database, File → Import of
the enterprise, mentor and apprentice rosters as they arrive (GBK CSV with a title row, .xlsx
from HR and from the academic system), propose pairs and accept them, issue the letters as one
PDF, export the pair list for the enterprise — checking at each step what she would see."""

import subprocess

import pytest
from openpyxl import load_workbook
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFileDialog, QMessageBox, QPushButton, QWizard

from mentormatch.store import open_database
from rosters import APPRENTICES, ENTERPRISES, MENTORS, PROGRAMME, apprentices_xlsx, enterprises_csv, mentors_xlsx
from ui import jobs
from ui.export_dialog import ExportDialog
from ui.import_wizard import ImportWizard
from ui.letters_dialogs import IssueDialog
from ui.main_window import MainWindow


@pytest.fixture
def window(qtbot, tmp_path, monkeypatch):
    warnings = []
    monkeypatch.setattr(QMessageBox, "warning", staticmethod(lambda parent, title, text, *a: warnings.append(text)))
    monkeypatch.setattr(QMessageBox, "critical", staticmethod(lambda parent, title, text, *a: warnings.append(text)))
    db = open_database(tmp_path / "college.db")
    win = MainWindow(db, str(tmp_path / "college.db"))
    qtbot.addWidget(win)
    win.resize(1366, 768)
    win.show()
    win.warnings = warnings
    yield win
    jobs.wait_for_jobs()
    db.close()


def import_through_the_wizard(qtbot, window, monkeypatch, path, kind):
    """File → Import…: choose the file, check the kind, Next, Next, Import; returns the report text."""
    seen = {}

    def drive(wizard):
        qtbot.addWidget(wizard)
        wizard.show()  # what exec() does before it waits
        monkeypatch.setattr(QFileDialog, "getOpenFileName", staticmethod(lambda *a, **k: (str(path), "")))
        choose = next(b for b in wizard.file_page.findChildren(QPushButton) if b.text() == "Choose…")
        qtbot.mouseClick(choose, Qt.MouseButton.LeftButton)
        qtbot.waitUntil(wizard.file_page.isComplete, timeout=10000)
        assert wizard.file_page.kind() == kind, wizard.file_page.status.text()  # recognised from the headers
        next_button = wizard.button(QWizard.WizardButton.NextButton)
        qtbot.mouseClick(next_button, Qt.MouseButton.LeftButton)
        assert wizard.currentPage() is wizard.mapping_page and next_button.isEnabled(), wizard.mapping_page.missing.text()
        qtbot.mouseClick(next_button, Qt.MouseButton.LeftButton)
        assert wizard.currentPage() is wizard.preview_page
        commit = wizard.button(QWizard.WizardButton.CommitButton)
        assert commit.isEnabled(), [r.reasons for r in wizard.job.results if r.status == "error"]
        qtbot.mouseClick(commit, Qt.MouseButton.LeftButton)
        assert wizard.currentPage() is wizard.report_page
        seen["report"] = wizard.report_page.summary.text()
        return 1

    monkeypatch.setattr(ImportWizard, "exec", drive)
    window.import_action.trigger()
    return seen["report"]


def test_first_day_in_the_window(qtbot, window, monkeypatch, tmp_path):
    # an empty database: the list says how to get records in
    enterprises = window.show_page("enterprises")
    assert enterprises.body.currentWidget() is not enterprises.table

    report = import_through_the_wizard(qtbot, window, monkeypatch, enterprises_csv(tmp_path / "合作企业.csv"), "enterprises")
    assert f"Added {len(ENTERPRISES)}" in report
    enterprises = window.show_page("enterprises")
    assert enterprises.model.rowCount() == len(ENTERPRISES)
    report = import_through_the_wizard(qtbot, window, monkeypatch, mentors_xlsx(tmp_path / "导师名单.xlsx"), "mentors")
    assert f"Added {len(MENTORS)}" in report
    report = import_through_the_wizard(qtbot, window, monkeypatch, apprentices_xlsx(tmp_path / "学徒名单.xlsx"), "apprentices")
    assert f"Added {len(APPRENTICES)}" in report
    assert window.totals.text() == f"{len(APPRENTICES)} apprentices · {len(MENTORS)} mentors · {len(ENTERPRISES)} enterprises"
    mentors = window.show_page("mentors")
    assert mentors.model.rowCount() == len(MENTORS)

    # pairing: the programme of the roster, propose, every apprentice placed, accept all
    pairing = window.show_page("pairing")
    pairing.programme.setCurrentIndex(pairing.programme.findText(PROGRAMME))
    qtbot.mouseClick(pairing.propose_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not pairing._solving and pairing.model.rowCount() == len(APPRENTICES), timeout=10000)
    assert f"Draft: {len(APPRENTICES)} pairs" in pairing.status.text() and "0 apprentices cannot be matched" in pairing.status.text()
    qtbot.mouseClick(pairing.accept_all_button, Qt.MouseButton.LeftButton)
    statuses = {pairing.model.rows[r]["status"] for r in range(pairing.model.rowCount())}
    assert statuses == {"confirmed"}
    by_apprentice = {r["apprentice"]: r["mentor"] for r in pairing.model.rows}
    assert by_apprentice["李强"] == "陈刚" and by_apprentice["吴敏"] == "黄志军"

    # letters: Issue letters…, all mentors of the programme, one PDF
    pdf = tmp_path / "聘书.pdf"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", staticmethod(lambda *a, **k: (str(pdf), "")))

    def issue(dialog):
        dialog.show()
        dialog.programme.setCurrentIndex(dialog.programme.findText(PROGRAMME))
        assert len(dialog.chosen_mentors()) == len(MENTORS)
        qtbot.mouseClick(dialog.pdf_button, Qt.MouseButton.LeftButton)
        return 1

    monkeypatch.setattr(IssueDialog, "exec", issue)
    letters_page = window.show_page("letters")
    qtbot.mouseClick(letters_page.issue_button, Qt.MouseButton.LeftButton)
    jobs.wait_for_jobs()
    assert pdf.exists() and str(pdf) in letters_page.status.text()
    assert letters_page.model.rowCount() == len(MENTORS)
    text = subprocess.run(["pdftotext", str(pdf), "-"], capture_output=True, text=True).stdout
    assert all(name in text for name, *_ in MENTORS)

    # File → Export…: the pair list of the programme for the enterprise, masked
    out = tmp_path / "配对名单.xlsx"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", staticmethod(lambda *a, **k: (str(out), "")))

    def export(dialog):
        dialog.show()
        dialog.kind_combo.setCurrentIndex(dialog.kind_combo.findData("pairs"))
        dialog.programme_combo.setCurrentIndex(dialog.programme_combo.findText(PROGRAMME))
        qtbot.mouseClick(dialog.export_button, Qt.MouseButton.LeftButton)
        assert "rows written" in dialog.result.text()
        return 1

    monkeypatch.setattr(ExportDialog, "exec", export)
    window.export_action.trigger()
    rows = [r for r in load_workbook(out).active.iter_rows(values_only=True) if any(r)]
    assert len(rows) == 1 + len(APPRENTICES)
    assert "110105200503120020" not in str(rows)
    assert not window.warnings

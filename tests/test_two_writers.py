"""Two writers, one file: programs that change the same database at once.

Each job takes the write lock when it starts (store.writing), so a second writer waits for the
first; one that still cannot write says so and exits 3, having written nothing. No traceback,
no lost write. The window shows what another program committed.
"""

import os
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox

from mentormatch import cli, records, store
from mentormatch.i18n import install_translators
from mentormatch.sample import fill_sample
from tests.rosters import apprentices_xlsx
from tests.test_ui_records import type_text

ROOT = Path(__file__).resolve().parent.parent
BUSY = "Someone else is changing the data right now; please try again in a moment."
ROUNDS = 3  # confirm against confirm; under two seconds a round


def start(*args: str) -> subprocess.Popen:
    environment = {k: v for k, v in os.environ.items() if k not in ("DISPLAY", "WAYLAND_DISPLAY")}
    return subprocess.Popen([sys.executable, *args], stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
                            env=environment, cwd=ROOT)


def job(db_path, *args: str) -> subprocess.Popen:
    return start(str(ROOT / "main.py"), "--lang", "en", "--db", str(db_path), *args)


def outcome(process: subprocess.Popen) -> tuple[int, str, str]:
    out, err = process.communicate(timeout=60)
    assert "Traceback" not in err + out, err
    assert process.returncode == 0 or (process.returncode == 3 and BUSY in err), (process.returncode, err)
    return process.returncode, out, err


def count(db, sql, *params) -> int:
    return db.execute(sql, list(params)).fetchone()[0]


@pytest.fixture
def sample_path(tmp_path):
    path = tmp_path / "shared.db"
    db = store.open_database(path)
    fill_sample(db)
    db.close()
    return path


def test_confirm_against_confirm(sample_path):
    codes = []
    for _ in range(ROUNDS):
        db = store.open_database(sample_path)
        with store.writing(db):
            db.execute("DELETE FROM pairs")  # each round both copies race for the whole cohort
        db.close()
        both = [job(sample_path, "match", "--confirm") for _ in range(2)]
        codes += [outcome(p)[0] for p in both]
        db = store.open_database(sample_path)
        assert count(db, "SELECT COUNT(*) FROM pairs WHERE status = 'proposed'") == 0  # no draft half-confirmed
        assert count(db, "SELECT COUNT(*) FROM (SELECT apprentice_id FROM pairs WHERE ended_at IS NULL"
                         " GROUP BY apprentice_id, programme_id HAVING COUNT(*) > 1)") == 0
        assert count(db, "SELECT COUNT(*) FROM pairs WHERE status = 'confirmed' AND ended_at IS NULL") == 116
        db.close()
    assert codes == [0] * 2 * ROUNDS  # each holds the lock for well under a second: the other waits, then runs


def test_a_form_saved_again_and_again_against_an_import_and_a_confirm(sample_path, tmp_path):
    roster = apprentices_xlsx(tmp_path / "学徒名单.xlsx", rows=[
        (f"20269{i:05d}", f"学徒{i}", "男", "", "焊接技术应用", "焊接2699", "德阳安装技师学院", "重庆渝北精工焊接有限公司")
        for i in range(300)])
    saving = start(str(ROOT / "benchmarks" / "save_loop.py"), str(sample_path), "2")
    importing = job(sample_path, "import", "apprentices", str(roster))
    confirming = job(sample_path, "match", "--confirm")
    imported, confirmed = outcome(importing)[0], outcome(confirming)[0]
    _, said, _ = outcome(saving)
    saved = [line.split()[1] for line in said.splitlines() if line.startswith("saved ")]
    assert len(saved) > 10 and "busy" not in said  # every save waited for the jobs, none had to give up
    assert (imported, confirmed) == (0, 0)

    db = store.open_database(sample_path)
    names = {r[0] for r in db.execute("SELECT name FROM enterprises")}
    assert set(saved) <= names  # every save the loop was told about is there
    assert count(db, "SELECT COUNT(*) FROM apprentices WHERE student_no LIKE '20269%'") == 300
    assert count(db, "SELECT COUNT(*) FROM pairs WHERE status = 'proposed'") == 0
    assert db.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    db.close()


@pytest.fixture
def held_lock(sample_path, monkeypatch):
    """Another program holds the write lock; we wait a fifth of a second, not five."""
    monkeypatch.setattr(store, "BUSY_TIMEOUT_MS", 200)
    other = sqlite3.connect(sample_path, isolation_level=None)
    other.execute("BEGIN IMMEDIATE")
    yield sample_path
    other.execute("ROLLBACK")
    other.close()


@pytest.mark.parametrize("lang, message", [("en", BUSY), ("zh_CN", "正在被其他人修改，请稍后再试")])
def test_a_job_that_cannot_get_the_lock_says_so_and_exits_3(held_lock, capsys, lang, message):
    try:
        assert cli.main(["--lang", lang, "--db", str(held_lock), "match", "--confirm"]) == 3
    finally:
        install_translators("en")  # the tests after this one read English
    assert capsys.readouterr().err.strip() == message
    db = store.open_database(held_lock)
    assert count(db, "SELECT COUNT(*) FROM pairs") == 0
    db.close()


@pytest.mark.qt_no_exception_capture
def test_a_form_saved_while_another_program_writes_shows_a_dialog_and_keeps_the_form(qtbot, held_lock, monkeypatch, tmp_path):
    from ui import app
    from ui.record_dialog import RecordDialog

    monkeypatch.setattr("mentormatch.errors.error_log_path", lambda: tmp_path / "errors.log")
    shown = []
    monkeypatch.setattr(QMessageBox, "warning", lambda parent, title, text: shown.append(("warning", text)))
    monkeypatch.setattr(QMessageBox, "critical", lambda parent, title, text: shown.append(("critical", text)))
    monkeypatch.setattr(sys, "excepthook", sys.excepthook)  # put back after the test
    app.install_error_report()
    db = store.open_database(held_lock)
    dialog = RecordDialog(db, "enterprises")
    qtbot.addWidget(dialog)
    dialog.show()
    type_text(qtbot, dialog.editors["name"], "渝北精工")
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    assert shown == [("warning", BUSY)]  # a message, not an unexpected error
    assert not (tmp_path / "errors.log").exists()
    assert dialog.isVisible() and dialog.editors["name"].text() == "渝北精工"  # try again later: nothing typed is lost
    db.close()


def test_the_window_shows_what_another_program_committed(qtbot, sample_path):
    from ui.main_window import MainWindow

    db = store.open_database(sample_path)
    window = MainWindow(db, str(sample_path))
    qtbot.addWidget(window)
    window.show()
    page = window.show_page("enterprises")
    refreshed = []
    page.refresh = lambda refresh=page.refresh: refreshed.append(1) or refresh()
    values = records.empty("enterprises")
    values["name"] = "我们自己存的企业"
    records.save(db, "enterprises", values)  # the window's own write: the page that wrote it shows it
    window.watch.timeout.emit()
    assert refreshed == []

    other = store.open_database(sample_path)
    values["name"] = "同事刚存的企业"
    records.save(other, "enterprises", values)
    other.close()
    assert "6 enterprises" not in window.totals.text()
    window.watch.timeout.emit()  # every few seconds, or when the window is activated
    assert refreshed == [1]
    assert "6 enterprises" in window.totals.text()
    names = [page.model.index(r, 0).data() for r in range(page.model.rowCount())]
    assert "同事刚存的企业" in names
    window.close()
    db.close()

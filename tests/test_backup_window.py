"""Backups in the window: Back up now, Restore…, a damaged or read-only file at start-up."""

import hashlib
import sys
import threading

import pytest
from PySide6.QtWidgets import QApplication, QFileDialog, QMessageBox
from test_backup import damage

from mentormatch import backup
from mentormatch.sample import fill_sample
from mentormatch.store import open_database
from ui.main_window import MainWindow


@pytest.fixture
def sample_file(tmp_path):
    path = tmp_path / "mentormatch.db"
    db = open_database(path)
    fill_sample(db)
    db.close()
    return path


@pytest.fixture
def file_window(qtbot, sample_file):
    db = open_database(sample_file)
    win = MainWindow(db, str(sample_file))
    qtbot.addWidget(win)
    win.show()
    yield win
    db.close()


def test_back_up_now_then_restore_it(file_window, sample_file, monkeypatch):
    win = file_window
    win.backup_action.trigger()
    made = backup.listing(sample_file)[0]
    assert made.kind == backup.MANUAL and str(made.path) in win.statusBar().currentMessage()

    page = win.show_page("apprentices")
    with win.db.atomic():
        win.db.execute("DELETE FROM pairs")
        win.db.execute("DELETE FROM apprentices WHERE id > 100")
    page.refresh()
    assert page.model.rowCount() == 100

    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *args, **kwargs: (str(made.path), ""))
    asked, told = [], []
    monkeypatch.setattr(QMessageBox, "question", lambda parent, title, text: asked.append(text) or QMessageBox.StandardButton.Yes)
    monkeypatch.setattr(QMessageBox, "information", lambda parent, title, text: told.append(text))
    win.restore_action.trigger()
    assert str(made.path) in asked[0]
    assert win.current_page().model.rowCount() == 120  # the page shows the restored data
    assert "120 apprentices" in win.totals.text()
    aside = next(b for b in backup.listing(sample_file) if b.kind == backup.BEFORE_RESTORE)
    assert str(aside.path) in told[0]
    copy = open_database(aside.path)
    assert copy.execute("SELECT COUNT(*) FROM apprentices").fetchone()[0] == 100
    copy.close()


def test_restore_declined_changes_nothing(file_window, sample_file, monkeypatch):
    win = file_window
    win.backup_action.trigger()
    made = backup.listing(sample_file)[0]
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *args, **kwargs: (str(made.path), ""))
    monkeypatch.setattr(QMessageBox, "question", lambda *args: QMessageBox.StandardButton.No)
    win.restore_action.trigger()
    assert [b.kind for b in backup.listing(sample_file)] == [backup.MANUAL]


@pytest.fixture
def started(monkeypatch):
    """run_gui without its event loop; the window as shown: (title, totals, restore enabled)."""
    from ui.app import run_gui

    monkeypatch.setattr(sys, "excepthook", sys.excepthook)
    monkeypatch.setattr(threading, "excepthook", threading.excepthook)
    monkeypatch.setattr(QApplication, "exec", lambda *args: 0)
    shown = []
    monkeypatch.setattr(MainWindow, "show", lambda win: shown.append((win.windowTitle(), win.totals.text(), win.restore_action.isEnabled())))

    def start(path):
        return run_gui(["--db", str(path)]), shown

    return start


def test_a_damaged_file_at_start_up_offers_the_newest_good_backup(sample_file, started, monkeypatch):
    db = open_database(sample_file)
    good = backup.take(db, sample_file)
    db.close()
    damage(sample_file)
    damaged = hashlib.sha256(sample_file.read_bytes()).hexdigest()
    asked = []
    monkeypatch.setattr(QMessageBox, "question", lambda parent, title, text: asked.append(text) or QMessageBox.StandardButton.No)
    code, shown = started(sample_file)
    assert code == 2 and not shown
    assert "damaged" in asked[0]
    assert hashlib.sha256(sample_file.read_bytes()).hexdigest() == damaged  # declined: untouched

    monkeypatch.setattr(QMessageBox, "question", lambda *args: QMessageBox.StandardButton.Yes)
    code, shown = started(sample_file)
    assert code == 0 and "120 apprentices" in shown[0][1]
    kept = next(b for b in backup.listing(sample_file) if b.kind == backup.DAMAGED)
    assert hashlib.sha256(kept.path.read_bytes()).hexdigest() == damaged
    assert backup.newest_good(sample_file).path != kept.path
    assert good.exists()


def test_a_damaged_file_without_a_backup_gets_a_message(sample_file, started, monkeypatch):
    damage(sample_file)
    shown_messages = []
    monkeypatch.setattr(QMessageBox, "critical", lambda parent, title, text: shown_messages.append(text))
    code, shown = started(sample_file)
    assert code == 2 and not shown and "No good backup" in shown_messages[0]


def test_a_read_only_folder_opens_read_only_and_says_so(sample_file, started, make_read_only):
    make_read_only(sample_file.parent)
    code, shown = started(sample_file)
    title, totals, restore_enabled = shown[0]
    assert code == 0
    assert "read-only" in title and "120 apprentices" in totals
    assert not restore_enabled
    assert not (sample_file.parent / "backups").exists()

"""The main window as a coordinator uses it: every page opens, a copy of the database is saved."""

from PySide6.QtWidgets import QFileDialog

from mentormatch.store import open_database
from ui.main_window import PAGES


def test_every_page_opens_from_the_navigation(window):
    for row, (key, *_rest) in enumerate(PAGES):
        window.nav.setCurrentRow(row)
        assert window.current_page() is window.pages[key]
        assert window.current_page().isVisible()


def test_save_a_copy_of_the_database(window, tmp_path, monkeypatch):
    target = tmp_path / "backup.db"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *args, **kwargs: (str(target), ""))
    window.copy_action.trigger()
    copy = open_database(target)
    assert copy.execute("SELECT COUNT(*) FROM apprentices").fetchone()[0] == 120
    assert copy.execute("SELECT COUNT(*) FROM mentors").fetchone()[0] == 40
    copy.close()
    assert not (tmp_path / "backup.db.part").exists()
    assert "backup.db" in window.statusBar().currentMessage()


def test_a_copy_that_cannot_be_written_says_so(window, tmp_path, monkeypatch):
    from PySide6.QtWidgets import QMessageBox

    target = tmp_path / "no such folder" / "backup.db"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *args, **kwargs: (str(target), ""))
    warnings = []
    monkeypatch.setattr(QMessageBox, "warning", lambda parent, title, text: warnings.append(text))
    window.copy_action.trigger()
    assert warnings and "Cannot write the copy" in warnings[0]
    assert not target.exists()

"""The main window as a coordinator uses it: every page opens, a copy of the database is saved."""

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFileDialog

from mentormatch.store import open_database
from ui.main_window import PAGES, MainWindow


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


def test_an_empty_list_says_how_to_get_records_in(qtbot, db, monkeypatch):
    win = MainWindow(db, "new.db")
    qtbot.addWidget(win)
    win.show()
    page = win.show_page("apprentices")
    assert page.body.currentWidget() is page.getting_started
    assert page.import_button.isVisible() and page.sample_button.isVisible()
    from ui.import_wizard import ImportWizard

    opened = []
    monkeypatch.setattr(ImportWizard, "exec", lambda wizard: opened.append(wizard) or 0)
    qtbot.mouseClick(page.import_button, Qt.MouseButton.LeftButton)
    assert len(opened) == 1  # the import wizard opened
    qtbot.mouseClick(page.sample_button, Qt.MouseButton.LeftButton)
    assert page.body.currentWidget() is page.table and page.model.rowCount() == 120
    programmes = win.show_page("programmes")
    assert programmes.body.currentWidget() is programmes.table  # the sample brought a programme


def test_an_unexpected_error_is_shown_in_words_and_logged(qapp, tmp_path, monkeypatch):
    from PySide6.QtWidgets import QMessageBox

    from ui import app

    monkeypatch.setattr("mentormatch.errors.error_log_path", lambda: tmp_path / "logs" / "errors.log")
    shown = []
    monkeypatch.setattr(QMessageBox, "critical", lambda parent, title, text: shown.append(text))
    try:
        raise ValueError("the printer caught fire")
    except ValueError as exc:
        app.report_unexpected_error(exc)
    assert "the printer caught fire" in shown[0] and "errors.log" in shown[0]
    logged = (tmp_path / "logs" / "errors.log").read_text(encoding="utf-8")
    assert "Traceback" in logged and "ValueError: the printer caught fire" in logged

"""Shared fixtures: offscreen Qt, a fresh database per test."""

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import pytest  # noqa: E402
from PySide6.QtWidgets import QApplication  # noqa: E402

# One QApplication for the whole run, made before any test: a command run in-process would
# otherwise create a widget-less QGuiApplication and break every widget test after it.
QApplication.instance() or QApplication([])

from mentormatch.store import memory_database, open_database  # noqa: E402


@pytest.fixture
def db():
    """A fresh, migrated in-memory database."""
    database = memory_database()
    yield database
    database.close()


@pytest.fixture
def db_path(tmp_path):
    """A fresh database file, migrated, closed; tests reopen it as they need."""
    path = tmp_path / "mentormatch.db"
    open_database(path).close()
    return path


@pytest.fixture(autouse=True)
def isolated_qsettings(tmp_path):
    """QSettings (window geometry, column widths, language) go to the test's own folder."""
    from PySide6.QtCore import QSettings

    QSettings.setDefaultFormat(QSettings.Format.IniFormat)
    QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope, str(tmp_path / "qsettings"))
    yield


@pytest.fixture
def sample_db(db):
    from mentormatch.sample import fill_sample

    fill_sample(db)
    return db


@pytest.fixture
def window(qtbot, sample_db):
    """The main window over the sample database, shown."""
    from ui.main_window import MainWindow

    win = MainWindow(sample_db, "sample.db")
    qtbot.addWidget(win)
    win.show()
    return win


@pytest.fixture
def sheets(monkeypatch):
    """The text of each letter drawn on paper (a printer or a PDF, not a preview's picture), in order:
    what came out, read from the page as drawn (a printer's PDF text layer is not repaired)."""
    from PySide6.QtGui import QPaintEngine

    from mentormatch.letter_render import PageRenderer

    drawn = []
    draw_text = PageRenderer._draw_text

    def recording(self, painter, doc, *args):
        if painter.paintEngine().type() != QPaintEngine.Type.Picture:
            drawn.append(doc.toPlainText())
        return draw_text(self, painter, doc, *args)

    monkeypatch.setattr(PageRenderer, "_draw_text", recording)
    return drawn


@pytest.fixture
def make_read_only():
    """Makes a file or folder read-only for one test; as root (whom permissions do not stop) with
    chattr +i. Skips where the system cannot (a folder on Windows)."""
    import subprocess

    undo = []

    def make(path):
        if hasattr(os, "geteuid") and os.geteuid() == 0:
            if subprocess.run(["chattr", "+i", str(path)], capture_output=True, check=False).returncode != 0:
                pytest.skip("chattr +i is not available here")
            undo.append(lambda: subprocess.run(["chattr", "-i", str(path)], check=True))
        else:
            mode = path.stat().st_mode
            path.chmod(mode & ~0o222)
            undo.append(lambda: path.chmod(mode))
        try:
            if path.is_dir():
                (path / "probe").touch()
                (path / "probe").unlink()
            else:
                open(path, "r+b").close()
        except OSError:
            return path
        pytest.skip("this system cannot make it read-only")

    yield make
    for step in reversed(undo):
        step()


@pytest.fixture
def old_sample():
    """make(path, version): an open database at an older schema version holding the sample data, in
    the columns that version has, as a file of that release would (the generator writes today's)."""
    from unittest import mock

    from mentormatch import schema, store
    from mentormatch.sample import fill_sample

    def make(path, version):
        current = memory_database()
        fill_sample(current)
        with mock.patch.multiple(store, MIGRATIONS=schema.MIGRATIONS[:version], SCHEMA_VERSION=version):
            old = open_database(path)
        tables = [r[0] for r in old.execute("SELECT name FROM sqlite_master WHERE type = 'table'"
                                            " AND name NOT LIKE 'sqlite%' AND name <> 'settings'")]
        old.execute("PRAGMA foreign_keys = OFF")
        with store.writing(old):
            for table in tables:
                columns = [c for c in old[table].columns_dict if c in current[table].columns_dict]
                old.execute(f"DELETE FROM {table}")
                old.conn.executemany(f"INSERT INTO {table} ({', '.join(columns)}) VALUES ({', '.join('?' * len(columns))})",
                                     current.execute(f"SELECT {', '.join(columns)} FROM {table}").fetchall())
        old.execute("PRAGMA foreign_keys = ON")
        current.close()
        return old

    return make

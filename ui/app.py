"""The program's entry point: a command-line job when one is asked for, else the window.

Starting the window: arguments, the application, translators, the database, the main window,
and the last-resort report of an error nobody handled.

MENTORMATCH_QUIT_AFTER_MS=N closes the window N ms after its event loop starts (0: at its first
turn), for the bundle's smoke test and start-up benchmark.
"""

from __future__ import annotations

import os
import sys
import threading
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, QSettings, QThread, QTimer, Signal
from PySide6.QtWidgets import QApplication, QMessageBox

from mentormatch import __version__, cli
from mentormatch.errors import log_unexpected, unexpected_message
from mentormatch.i18n import install_translators, resolve_language, translate
from ui import jobs

if TYPE_CHECKING:
    from sqlite_utils import Database

    from mentormatch.store import DamagedFileError


def main(argv: list[str] | None = None) -> int:
    argv = sys.argv[1:] if argv is None else argv
    if cli.wants_job(argv):
        return cli.main(argv)
    return run_gui(argv)


def run_gui(argv: list[str]) -> int:
    """Open the main window over the chosen database; returns the exit code."""
    args = cli.build_parser().parse_args(argv)
    app = QApplication.instance() or QApplication([sys.argv[0] if sys.argv else "mentormatch"])
    app.setOrganizationName("MentorMatch")
    app.setApplicationName("MentorMatch")
    app.setApplicationVersion(__version__)
    install_translators(resolve_language(args.lang or QSettings().value("language") or None))
    install_error_report()

    from mentormatch import backup
    from mentormatch.errors import UserError
    from mentormatch.store import DamagedFileError, default_path, is_read_only, open_database

    try:
        path = Path(args.db) if args.db else default_path()
        db = open_database(path, read_only_ok=True)
    except DamagedFileError as exc:
        db = open_newest_backup(exc)
        if db is None:
            return 2
    except UserError as exc:
        QMessageBox.critical(None, translate("App", "MentorMatch cannot open the database"), str(exc))
        return 2
    try:
        backup.daily(db, path)
    except UserError as exc:
        QMessageBox.warning(None, translate("App", "Automatic backup"),
                            translate("App", "The automatic backup was not made.\n\n{problem}").format(problem=exc))
    from ui.main_window import MainWindow

    window = MainWindow(db, str(path))
    if is_read_only(db):  # the data is shown, but nothing can be saved
        window.setWindowTitle(translate("App", "MentorMatch — {path} (read-only)").format(path=path))
    window.show()
    if quit_after := os.environ.get("MENTORMATCH_QUIT_AFTER_MS"):
        QTimer.singleShot(int(quit_after), window.close)
    try:
        return app.exec()
    finally:
        window.deleteLater()
        db.close()


def open_newest_backup(damaged: DamagedFileError) -> Database | None:
    """A damaged database at start-up: offer the newest good backup in its place. The damaged file
    is moved into the backups folder, never deleted. The opened database, or None."""
    from mentormatch import backup
    from mentormatch.errors import UserError
    from mentormatch.store import open_database

    title = translate("App", "The database is damaged")
    good = backup.newest_good(damaged.path)
    if good is None:
        QMessageBox.critical(None, title, translate("App", "{problem}\n\nNo good backup was found in {folder}.").format(
            problem=damaged, folder=backup.folder(damaged.path)))
        return None
    question = translate("App", "{problem}\n\nOpen the newest good backup, made {taken}, instead? The damaged file is "
                                "kept in {folder}.").format(problem=damaged, taken=f"{good.taken:%Y-%m-%d %H:%M}",
                                                            folder=backup.folder(damaged.path))
    if QMessageBox.question(None, title, question) != QMessageBox.StandardButton.Yes:
        return None
    try:
        backup.restore_file(damaged.path, good.path)
        return open_database(damaged.path, read_only_ok=True)
    except UserError as exc:
        QMessageBox.critical(None, title, str(exc))
        return None


class _ErrorReport(QObject):
    """Lives on the main thread; a signal from any thread shows the message there."""

    show = Signal(str)

    def __init__(self):
        super().__init__()
        self.show.connect(self._show)

    def _show(self, message: str) -> None:
        QMessageBox.critical(QApplication.activeWindow(), translate("App", "Unexpected error"), message)


_report: _ErrorReport | None = None


def install_error_report() -> None:
    """Route errors nobody handled, on any thread, to report_unexpected_error; a user's error
    escaping a click handler (say, DataBusy from a Save button) is only shown, as a warning."""
    global _report
    _report = _ErrorReport()
    sys.excepthook = lambda exc_type, exc, tb: jobs.show_error(QApplication.activeWindow(), exc)
    threading.excepthook = lambda hook_args: report_unexpected_error(hook_args.exc_value)


def report_unexpected_error(exc: BaseException) -> None:
    """An error nobody handled: tell the user in words and keep the details in the log file.

    Without this, an error in a click handler only reaches a console that an office PC's
    windowed program does not have. Every write is one transaction, so an interrupted change
    was rolled back and nothing half-written stays behind. The dialog is always built on the
    main thread, whichever thread raised.
    """
    message = unexpected_message(exc, log_unexpected(exc))
    app = QApplication.instance()
    if _report is not None and app is not None and QThread.currentThread() is not app.thread():
        _report.show.emit(message)  # queued to the main thread
    else:
        QMessageBox.critical(QApplication.activeWindow(), translate("App", "Unexpected error"), message)

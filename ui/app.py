"""Starting the window: arguments, the application, translators, the database, the main window."""

from __future__ import annotations

import sys
import traceback
from datetime import datetime
from pathlib import Path

from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QApplication, QMessageBox

from mentormatch import __version__
from mentormatch.cli import build_parser
from mentormatch.i18n import install_translators, resolve_language, translate


def run_gui(argv: list[str]) -> int:
    """Open the main window over the chosen database; returns the exit code."""
    args = build_parser().parse_args(argv)
    app = QApplication.instance() or QApplication([sys.argv[0] if sys.argv else "mentormatch"])
    app.setOrganizationName("MentorMatch")
    app.setApplicationName("MentorMatch")
    app.setApplicationVersion(__version__)
    install_translators(resolve_language(args.lang or QSettings().value("language") or None))
    sys.excepthook = report_unexpected_error

    from mentormatch.store import StoreError, default_path, open_database

    path = args.db or default_path()
    try:
        db = open_database(path)
    except StoreError as exc:
        QMessageBox.critical(None, translate("App", "MentorMatch cannot open the database"), str(exc))
        return 2
    from ui.main_window import MainWindow

    window = MainWindow(db, str(path))
    window.show()
    try:
        return app.exec()
    finally:
        window.deleteLater()
        db.close()


def error_log_path() -> Path:
    from platformdirs import user_log_path

    return user_log_path("MentorMatch", appauthor=False) / "errors.log"


def report_unexpected_error(exc_type, exc, tb) -> None:
    """An error nobody handled: tell the user in words and keep the details in a log file.

    Without this, an error in a click handler only reaches a console that an office PC's
    windowed program does not have. Every write is one transaction, so an interrupted change
    was rolled back and nothing half-written stays behind.
    """
    log = error_log_path()
    try:
        log.parent.mkdir(parents=True, exist_ok=True)
        with open(log, "a", encoding="utf-8") as fh:
            fh.write(f"--- {datetime.now().isoformat(timespec='seconds')} MentorMatch {__version__}\n")
            fh.write("".join(traceback.format_exception(exc_type, exc, tb)))
    except OSError:
        log = None
    details = translate("App", "The details were written to {log}.").format(log=log) if log else ""
    QMessageBox.critical(
        QApplication.activeWindow(),
        translate("App", "Unexpected error"),
        translate("App", "Something went wrong: {error}\n\nA change that did not finish was not saved; your other data "
                         "is safe. {details}").format(error=exc, details=details),
    )

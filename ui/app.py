"""Starting the window: arguments, the application, translators, the database, the main window."""

from __future__ import annotations

import sys

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

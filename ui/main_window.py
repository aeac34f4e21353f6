"""The main window: navigation on the left, one page per area, menus, and counts in the status bar.

Pages are created the first time they are shown. The pages and dialogs of other areas
(pairing, letters, import, export) are imported only when wanted, so the window opens fast.
A page may define refresh(); it is called whenever the page is shown, and when another program
(a colleague's copy, a command-line job) has changed the data: checked when the window is
activated and every few seconds.
"""

from __future__ import annotations

import importlib
from datetime import date
from pathlib import Path

from PySide6.QtCore import QT_TRANSLATE_NOOP, QEvent, QSettings, QSize, QStandardPaths, Qt, QTimer
from PySide6.QtGui import QAction, QActionGroup, QGuiApplication, QKeySequence
from PySide6.QtWidgets import (
    QApplication,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QMainWindow,
    QMessageBox,
    QStackedWidget,
    QStyle,
    QWidget,
)
from sqlite_utils import Database

from mentormatch import backup, sample, store
from mentormatch.errors import UserError
from ui import jobs
from ui.record_page import RecordPage
from ui.screen_fit import resize_within_screen

SP = QStyle.StandardPixmap
# key, label, icon, (module, class) for pages of other areas; None for a record list
PAGES = [
    ("apprentices", QT_TRANSLATE_NOOP("MainWindow", "Apprentices"), SP.SP_FileDialogListView, None),
    ("mentors", QT_TRANSLATE_NOOP("MainWindow", "Mentors"), SP.SP_DialogYesButton, None),
    ("enterprises", QT_TRANSLATE_NOOP("MainWindow", "Enterprises"), SP.SP_DriveNetIcon, None),
    ("programmes", QT_TRANSLATE_NOOP("MainWindow", "Programmes"), SP.SP_FileDialogDetailedView, None),
    ("trades", QT_TRANSLATE_NOOP("MainWindow", "Trades"), SP.SP_DirIcon, None),
    ("colleges", QT_TRANSLATE_NOOP("MainWindow", "Colleges"), SP.SP_DirHomeIcon, None),
    ("pairing", QT_TRANSLATE_NOOP("MainWindow", "Pairing"), SP.SP_BrowserReload, ("ui.pairing", "PairingPage")),
    ("letters", QT_TRANSLATE_NOOP("MainWindow", "Letters"), SP.SP_FileIcon, ("ui.letters", "LettersPage")),
    ("history", QT_TRANSLATE_NOOP("MainWindow", "History"), SP.SP_FileDialogContentsView, ("ui.history", "HistoryPage")),
]
LANGUAGES = [("zh_CN", "中文（简体）"), ("en", "English")]  # each in its own language
WATCH_MS = 3000  # how often to look for other programs' changes


class MainWindow(QMainWindow):
    def __init__(self, db: Database, path: str = "", parent: QWidget | None = None):
        super().__init__(parent)
        self.db = db
        self.db_path = path
        self.seen_version = store.data_version(db)  # what the pages show; see check_outside_changes
        self.pages: dict[str, QWidget] = {}
        self.setWindowTitle(self.tr("MentorMatch — {path}").format(path=path) if path else "MentorMatch")

        self.nav = QListWidget(self)
        self.nav.setIconSize(QSize(20, 20))
        self.nav.setSpacing(2)
        for key, label, icon, _ in PAGES:
            item = QListWidgetItem(self.style().standardIcon(icon), self.tr(label), self.nav)
            item.setData(Qt.ItemDataRole.UserRole, key)
        self.nav.setFixedWidth(max(150, self.nav.sizeHintForColumn(0) + 24))
        self.stack = QStackedWidget(self)
        central = QWidget(self)
        layout = QHBoxLayout(central)
        layout.setContentsMargins(4, 4, 0, 0)
        layout.setSpacing(0)
        layout.addWidget(self.nav)
        layout.addWidget(self.stack, 1)
        self.setCentralWidget(central)

        self.page_counts = QLabel(self)
        self.totals = QLabel(self)
        self.statusBar().addWidget(self.page_counts)
        self.statusBar().addPermanentWidget(self.totals)
        self._build_menus()

        settings = QSettings()
        geometry = settings.value("window/geometry")
        if geometry is None or not self.restoreGeometry(geometry):
            resize_within_screen(self, 1280, 780)  # a 1366×768 office screen has less than 780 px
        self.nav.currentRowChanged.connect(lambda row: self.show_page(PAGES[row][0]))
        keys = [p[0] for p in PAGES]
        start = settings.value("window/page", "apprentices")
        self.nav.setCurrentRow(keys.index(start) if start in keys else 0)
        self.update_totals()
        self.watch = QTimer(self)
        self.watch.setInterval(WATCH_MS)
        self.watch.timeout.connect(self.check_outside_changes)  # runs while the window is shown
        self.setAcceptDrops(True)  # a roster dropped on the window opens the import wizard

    # -- menus ----------------------------------------------------------------------------

    def _build_menus(self) -> None:
        file_menu = self.menuBar().addMenu(self.tr("&File"))
        self.import_action = file_menu.addAction(self.tr("&Import…"), lambda: self.run_dialog("ui.import_wizard", "ImportWizard"))
        self.import_action.setShortcut(QKeySequence(Qt.Modifier.CTRL | Qt.Key.Key_I))
        self.export_action = file_menu.addAction(self.tr("&Export…"), lambda: self.run_dialog("ui.export_dialog", "ExportDialog"))
        self.export_action.setShortcut(QKeySequence(Qt.Modifier.CTRL | Qt.Key.Key_E))
        self.copy_action = file_menu.addAction(self.tr("Save a &copy of the database…"), self.save_copy)
        self.backup_action = file_menu.addAction(self.tr("&Back up now"), self.back_up_now)
        self.restore_action = file_menu.addAction(self.tr("&Restore…"), self.restore_backup)
        self.backup_action.setEnabled(not self.db.memory)  # an in-memory database has no folder for backups
        self.restore_action.setEnabled(not self.db.memory and not store.is_read_only(self.db))
        file_menu.addSeparator()
        self.sample_action = file_menu.addAction(self.tr("Load &sample data"), self.load_sample)
        self.settings_action = file_menu.addAction(self.tr("Se&ttings…"), self.open_settings)
        self.settings_action.setShortcut(QKeySequence.StandardKey.Preferences)
        language_menu = file_menu.addMenu(self.tr("&Language"))
        group = QActionGroup(self)
        current = QSettings().value("language", "")
        for code, name in LANGUAGES:
            action = language_menu.addAction(name)
            action.setCheckable(True)
            action.setChecked(code == current)
            action.setData(code)
            group.addAction(action)
        group.triggered.connect(self.choose_language)
        file_menu.addSeparator()
        quit_action = file_menu.addAction(self.tr("&Quit"), self.close)
        quit_action.setShortcut(QKeySequence.StandardKey.Quit)
        file_menu.aboutToShow.connect(lambda: self.sample_action.setEnabled(sample.is_empty(self.db)))
        help_menu = self.menuBar().addMenu(self.tr("&Help"))
        self.about_action = help_menu.addAction(self.tr("&About MentorMatch"), self.about)

    # -- pages ----------------------------------------------------------------------------

    def show_page(self, key: str) -> QWidget:
        page = self.pages.get(key)
        if page is None:
            page = self._create_page(key)
            self.pages[key] = page
            self.stack.addWidget(page)
        row = [p[0] for p in PAGES].index(key)
        if self.nav.currentRow() != row:
            self.nav.blockSignals(True)
            self.nav.setCurrentRow(row)
            self.nav.blockSignals(False)
        self.stack.setCurrentWidget(page)
        self.page_counts.clear()
        if hasattr(page, "refresh"):
            page.refresh()
        return page

    def _create_page(self, key: str) -> QWidget:
        _, label, _, source = next(p for p in PAGES if p[0] == key)
        if source is None:
            page = RecordPage(self.db, key, self)
            page.counts_changed.connect(self._page_counts_changed)
            page.data_changed.connect(self.update_totals)
            page.import_requested.connect(self.import_action.trigger)
            page.sample_requested.connect(self.load_sample)
            return page
        return getattr(importlib.import_module(source[0]), source[1])(self.db, self)

    def _page_counts_changed(self, text: str) -> None:
        if self.sender() is self.stack.currentWidget():
            self.page_counts.setText(text)

    def current_page(self) -> QWidget:
        return self.stack.currentWidget()

    def update_totals(self) -> None:
        counts = [self.db.execute(f"SELECT COUNT(*) FROM {t}").fetchone()[0] for t in ("apprentices", "mentors", "enterprises")]
        self.totals.setText(self.tr("{a} apprentices · {m} mentors · {e} enterprises").format(a=counts[0], m=counts[1], e=counts[2]))

    def after_change(self) -> None:
        """Data changed outside the pages (import, sample, another program): show it."""
        self.seen_version = store.data_version(self.db)
        page = self.current_page()
        if hasattr(page, "refresh"):
            page.refresh()
        self.update_totals()

    def check_outside_changes(self) -> None:
        """Show what another program committed since we last looked (our own commits do not count)."""
        if not self.isVisible() or QApplication.activeModalWidget() is not None:
            return  # closed; or not under an open dialog's feet: it ends in after_change(), or the next check
        if store.data_version(self.db) != self.seen_version:
            self.after_change()

    def changeEvent(self, event) -> None:
        super().changeEvent(event)
        if event.type() == QEvent.Type.ActivationChange and self.isActiveWindow():
            self.check_outside_changes()

    def showEvent(self, event) -> None:
        super().showEvent(event)
        self.watch.start()

    # -- actions --------------------------------------------------------------------------

    def _dropped_roster(self, event) -> str | None:
        from mentormatch.tabular import BOOK_SUFFIXES, OLD_SUFFIXES, TEXT_SUFFIXES

        urls = event.mimeData().urls() if event.mimeData().hasUrls() else []
        paths = [u.toLocalFile() for u in urls if u.isLocalFile()]
        suffixes = BOOK_SUFFIXES + TEXT_SUFFIXES + OLD_SUFFIXES  # old formats get the wizard's message
        return paths[0] if len(paths) == 1 and paths[0].lower().endswith(suffixes) else None

    def dragEnterEvent(self, event) -> None:
        if self._dropped_roster(event):
            event.acceptProposedAction()

    def dropEvent(self, event) -> None:
        path = self._dropped_roster(event)
        if path:
            event.acceptProposedAction()
            from ui.import_wizard import ImportWizard

            ImportWizard(self.db, self, path=path).exec()
            self.after_change()

    def run_dialog(self, module_name: str, class_name: str) -> None:
        getattr(importlib.import_module(module_name), class_name)(self.db, self).exec()
        self.after_change()

    def save_copy(self) -> None:
        """A backup the coordinator can keep elsewhere (a USB stick, the college's share)."""
        suggested = Path(QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)) / (
            f"MentorMatch-{date.today():%Y%m%d}.db")
        target, _ = QFileDialog.getSaveFileName(self, self.tr("Save a copy of the database"), str(suggested),
                                                self.tr("MentorMatch database (*.db)"))
        if not target:
            return
        try:
            store.save_copy(self.db, target)
        except UserError as exc:
            QMessageBox.warning(self, self.tr("Save a copy of the database"), str(exc))
            return
        self.statusBar().showMessage(self.tr("A copy of the database was saved to {path}.").format(path=target), 8000)

    def back_up_now(self) -> None:
        """A backup into the backups folder beside the database (kept, not rotated)."""
        try:
            target = backup.take(self.db, self.db_path)
        except UserError as exc:
            QMessageBox.warning(self, self.tr("Back up now"), str(exc))
            return
        self.statusBar().showMessage(self.tr("Backup written to {path}.").format(path=target), 8000)

    def restore_backup(self) -> None:
        """Replace the data with a backup's (the current data saved first) and show it."""
        title = self.tr("Restore a backup")
        source, _ = QFileDialog.getOpenFileName(self, title, str(backup.folder(self.db_path)), self.tr("MentorMatch database (*.db)"))
        if not source:
            return
        question = self.tr("Replace all the data with the backup {backup}?\n\nThe current data is saved first in {folder}; "
                           "restoring that copy undoes this.").format(backup=source, folder=backup.folder(self.db_path))
        if QMessageBox.question(self, title, question) != QMessageBox.StandardButton.Yes:
            return
        jobs.shutdown()  # a letter batch still running is cancelled (nothing issued) before its data is replaced
        try:
            aside = backup.restore(self.db, self.db_path, source)
        except UserError as exc:
            QMessageBox.warning(self, title, str(exc))
            return
        self.after_change()  # every other page re-reads its data when shown
        QMessageBox.information(self, title, self.tr("The backup was restored. The data it replaced was saved as {aside}.").format(
            aside=aside))

    def load_sample(self) -> None:
        if not sample.is_empty(self.db):
            QMessageBox.information(self, self.tr("Sample data"), self.tr("The sample can only be loaded into an empty database."))
            return
        QGuiApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
        try:
            counts = sample.fill_sample(self.db)
        finally:
            QGuiApplication.restoreOverrideCursor()
        self.after_change()
        self.statusBar().showMessage(
            self.tr("Sample loaded: {apprentices} apprentices, {mentors} mentors, {enterprises} enterprises, one programme.").format(
                **counts), 8000)

    def open_settings(self) -> None:
        from ui.settings_dialog import SettingsDialog

        if SettingsDialog(self.db, self).exec():
            self.after_change()

    def choose_language(self, action: QAction) -> None:
        QSettings().setValue("language", action.data())
        QMessageBox.information(self, self.tr("Language"), self.tr("The new language is used the next time MentorMatch starts."))

    def about(self) -> None:
        from ui.about_dialog import AboutDialog

        AboutDialog(self.db_path or str(store.default_path()), self).exec()

    # -- closing --------------------------------------------------------------------------

    def closeEvent(self, event) -> None:
        settings = QSettings()
        settings.setValue("window/geometry", self.saveGeometry())
        key = next((k for k, page in self.pages.items() if page is self.current_page()), None)
        if key:
            settings.setValue("window/page", key)
        for page in self.pages.values():
            if hasattr(page, "save_state"):
                page.save_state()
        jobs.shutdown()  # a batch still running is cancelled (nothing issued) and waited for
        self.watch.stop()
        super().closeEvent(event)


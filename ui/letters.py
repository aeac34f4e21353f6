"""The Letters page: the register of letters of appointment, and issuing, previewing, printing
and saving letters as PDF (one file, or one per mentor) in the background."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QObject, QRunnable, QSettings, Qt, QThreadPool, QTimer, Signal
from PySide6.QtGui import QBrush, QColor
from PySide6.QtPrintSupport import QPrintDialog, QPrinter, QPrinterInfo, QPrintPreviewDialog
from PySide6.QtWidgets import (QAbstractItemView, QCheckBox, QComboBox, QFileDialog, QHBoxLayout, QHeaderView, QLabel,
                               QLineEdit, QMenu, QMessageBox, QProgressDialog, QPushButton, QTableView, QVBoxLayout,
                               QWidget)
from sqlite_utils import Database

from mentormatch import letters
from mentormatch.fonts import NoChineseFont
from mentormatch.letter_render import PageRenderer, RenderError
from mentormatch.letter_templates import TemplateError
from ui import column_widths
from ui.programme_combo import fill_programmes
from ui.rows_model import RowsModel

USER_ERRORS = (letters.LetterError, TemplateError, RenderError, NoChineseFont, OSError)
SETTINGS_KEY = "lists/letters/header"  # column widths, beside those of the record lists


class RegisterModel(RowsModel):
    """Rows of letters.register(); the letter id under Qt.UserRole."""

    PROGRAMME = 3  # the column that takes the room left
    TYPICAL = ("MM-2026-0000", "欧阳明月", "重庆长安汽车股份有限公司", "2026 汽车工程半年实习", "2026-07-14 – 2027-01-13",
               "2026-07-14", "formal-zh", "已撤销")  # a value of each column, for its default width

    def __init__(self, parent=None):
        super().__init__(parent)
        self.headers = [self.tr("Serial"), self.tr("Mentor"), self.tr("Enterprise"), self.tr("Programme"),
                        self.tr("Term"), self.tr("Issued"), self.tr("Template"), self.tr("Status")]

    def data(self, index, role=Qt.ItemDataRole.DisplayRole):
        row = self.rows[index.row()]
        if role == Qt.ItemDataRole.UserRole:
            return row["id"]
        if role == Qt.ItemDataRole.ForegroundRole and row["revoked_at"]:
            return QBrush(QColor("#8a8a8a"))
        if role == Qt.ItemDataRole.ToolTipRole and row["revoked_at"]:
            return self.tr("Revoked on {date}: {reason}").format(date=row["revoked_at"][:10], reason=row["revoke_reason"])
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        column = index.column()
        if column == 4:
            return f"{row['term_from'] or ''} – {row['term_to'] or ''}" if row["term_from"] or row["term_to"] else ""
        if column == 7:
            return self.tr("Revoked") if row["revoked_at"] else self.tr("Valid")
        key = ("serial", "mentor", "enterprise", "programme", None, "issue_date", "template")[column]
        return row[key]


class _BatchSignals(QObject):
    progress = Signal(int)
    finished = Signal(object)  # list of PendingPdf, or None when cancelled
    failed = Signal(str)


class _BatchTask(QRunnable):
    """Writes a job's PDFs to temporary files off the main thread (plain data in, files out)."""

    def __init__(self, job: letters.Job, signals: _BatchSignals):
        super().__init__()
        self.job, self.signals = job, signals
        self.cancelled = False

    def keep_going(self, done: int) -> bool:
        self.signals.progress.emit(done)
        return not self.cancelled

    def run(self) -> None:
        try:
            pending = letters.write(self.job, self.keep_going)
        except USER_ERRORS as exc:
            self.signals.failed.emit(str(exc))
            return
        self.signals.finished.emit(pending)


class LettersPage(QWidget):
    """The register view with the actions on letters."""

    def __init__(self, db: Database, parent=None):
        super().__init__(parent)
        self.db = db
        self.printer: QPrinter | None = None  # one printer kept, so the user's choices persist
        self.task: _BatchTask | None = None
        self.pool = QThreadPool(self)
        self.pool.setMaxThreadCount(1)

        self.programme = QComboBox(self)
        self.search = QLineEdit(self)
        self.search.setPlaceholderText(self.tr("Search serial, mentor or enterprise"))
        self.search.setClearButtonEnabled(True)
        self.show_revoked = QCheckBox(self.tr("Show revoked"), self)
        self.show_revoked.setChecked(True)
        filters = QHBoxLayout()
        filters.addWidget(QLabel(self.tr("Programme"), self))
        filters.addWidget(self.programme, 1)
        filters.addWidget(self.search, 2)
        filters.addWidget(self.show_revoked)

        self.issue_button = QPushButton(self.tr("Issue letters…"), self)
        self.preview_button = QPushButton(self.tr("Preview"), self)
        self.print_button = QPushButton(self.tr("Print…"), self)
        self.pdf_button = QPushButton(self.tr("Save PDF"), self)
        pdf_menu = QMenu(self)
        self.pdf_one_action = pdf_menu.addAction(self.tr("One PDF with a page per letter…"), lambda: self.save_pdf(False))
        self.pdf_split_action = pdf_menu.addAction(self.tr("One PDF per mentor…"), lambda: self.save_pdf(True))
        self.pdf_button.setMenu(pdf_menu)
        self.revoke_button = QPushButton(self.tr("Revoke…"), self)
        self.templates_button = QPushButton(self.tr("Templates…"), self)
        self.options_button = QPushButton(self.tr("Letter options…"), self)
        actions = QHBoxLayout()
        for button in (self.issue_button, self.preview_button, self.print_button, self.pdf_button, self.revoke_button):
            actions.addWidget(button)
        actions.addStretch(1)
        actions.addWidget(self.templates_button)
        actions.addWidget(self.options_button)

        self.model = RegisterModel(self)
        self.view = QTableView(self)
        self.view.setModel(self.model)
        self.view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.view.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.view.setAlternatingRowColors(True)
        self.view.setWordWrap(False)
        self.view.verticalHeader().hide()
        self.view.verticalHeader().setDefaultSectionSize(self.fontMetrics().height() + 8)
        header = self.view.horizontalHeader()
        header.setHighlightSections(False)
        header.setSectionResizeMode(RegisterModel.PROGRAMME, QHeaderView.ResizeMode.Stretch)
        column_widths.restore(header, SETTINGS_KEY, self._default_widths())
        self.status = QLabel(self)

        layout = QVBoxLayout(self)
        layout.addLayout(filters)
        layout.addLayout(actions)
        layout.addWidget(self.view, 1)
        layout.addWidget(self.status)

        self._search_timer = QTimer(self, singleShot=True, interval=250)
        self._search_timer.timeout.connect(self.reload)
        self.search.textChanged.connect(self._search_timer.start)
        self.programme.currentIndexChanged.connect(self.reload)
        self.show_revoked.toggled.connect(self.reload)
        self.view.selectionModel().selectionChanged.connect(self._update_buttons)
        self.view.doubleClicked.connect(lambda _index: self.preview())
        self.issue_button.clicked.connect(self.issue)
        self.preview_button.clicked.connect(self.preview)
        self.print_button.clicked.connect(self.print_letters)
        self.revoke_button.clicked.connect(self.revoke)
        self.templates_button.clicked.connect(self.edit_templates)
        self.options_button.clicked.connect(self.edit_options)
        self.refresh()

    # -- the register --------------------------------------------------------------------------

    def _default_widths(self) -> list[int]:
        """Wide enough for the header and a typical value: a serial, a Chinese name, a company name."""
        metrics = self.view.horizontalHeader().fontMetrics()
        padding = 3 * metrics.averageCharWidth()
        return [max(metrics.horizontalAdvance(header), metrics.horizontalAdvance(sample)) + padding
                for header, sample in zip(self.model.headers, RegisterModel.TYPICAL)]

    def save_state(self) -> None:
        """Keep the column widths (the main window calls this when it closes)."""
        column_widths.save(self.view.horizontalHeader(), SETTINGS_KEY)

    def refresh(self) -> None:
        """Re-read programmes and the register (the main window calls this when the page shows)."""
        fill_programmes(self.programme, self.db, self.tr("All programmes"))
        self.reload()

    def reload(self) -> None:
        rows = letters.register(self.db, self.search.text(), self.programme.currentData(), self.show_revoked.isChecked())
        self.model.set_rows(rows)
        revoked = sum(1 for r in rows if r["revoked_at"])
        self.status.setText(self.tr("{count} letters shown, {revoked} of them revoked. Select letters to reprint them "
                                    "with their numbers.").format(count=len(rows), revoked=revoked))
        self._update_buttons()

    def selected_ids(self) -> list[int]:
        rows = sorted(index.row() for index in self.view.selectionModel().selectedRows())
        return [self.model.rows[r]["id"] for r in rows]

    def _update_buttons(self) -> None:
        ids = self.selected_ids()
        chosen = [r for r in self.model.rows if r["id"] in set(ids)]
        busy = self.task is not None
        for button in (self.preview_button, self.print_button, self.pdf_button):
            button.setEnabled(bool(chosen) and not busy and not any(r["revoked_at"] for r in chosen))
        self.revoke_button.setEnabled(len(chosen) == 1 and not chosen[0]["revoked_at"] and not busy)
        self.issue_button.setEnabled(not busy)

    def _selected_letters(self) -> list[letters.Letter] | None:
        try:
            return letters.reprint(self.db, self.selected_ids())
        except USER_ERRORS as exc:
            self._error(str(exc))
            return None

    # -- actions -------------------------------------------------------------------------------

    def issue(self) -> None:
        from ui.letters_dialogs import IssueDialog

        dialog = IssueDialog(self.db, self.programme.currentData(), self)
        dialog.output_requested.connect(self._output)
        dialog.exec()

    def preview(self) -> None:
        chosen = self._selected_letters()
        if chosen:
            self._output("preview", chosen)

    def print_letters(self) -> None:
        chosen = self._selected_letters()
        if chosen:
            self._output("print", chosen)

    def save_pdf(self, split: bool) -> None:
        chosen = self._selected_letters()
        if chosen:
            self._output("split" if split else "pdf", chosen)

    def revoke(self) -> None:
        from ui.pairing import ReasonDialog

        ids = self.selected_ids()
        if len(ids) != 1:
            return
        row = next(r for r in self.model.rows if r["id"] == ids[0])
        dialog = ReasonDialog(self.tr("Revoke letter"),
                              self.tr("Revoke letter {serial} of {mentor}? It stays in the register, marked revoked, "
                                      "and its number is never given again.").format(serial=row["serial"], mentor=row["mentor"]),
                              ok_text=self.tr("Revoke"), parent=self)
        if dialog.exec():
            try:
                letters.revoke(self.db, ids[0], dialog.values()[1])
            except letters.LetterError as exc:
                self._error(str(exc))
            self.reload()

    def edit_templates(self) -> None:
        from ui.letters_dialogs import TemplateEditor

        TemplateEditor(self.db, self).exec()

    def edit_options(self) -> None:
        from ui.letters_dialogs import OptionsDialog

        OptionsDialog(self.db, self).exec()

    # -- output --------------------------------------------------------------------------------

    def _output(self, mode: str, chosen: list[letters.Letter]) -> None:
        """Preview, print or save chosen letters; new ones are recorded only once output succeeded."""
        if mode == "preview":
            self._preview(chosen)
        elif mode == "print":
            self._print(chosen)
        else:
            self._save(chosen, split=mode == "split")

    def _job(self, chosen, target=None, split_dir=None) -> letters.Job | None:
        try:
            job = letters.make_job(self.db, chosen, target, split_dir)
            letters.pages(job)  # a template that fails says so now, not in the background
            return job
        except USER_ERRORS as exc:
            self._error(str(exc))
            return None

    def _renderer(self, job: letters.Job) -> PageRenderer | None:
        try:
            return PageRenderer(job.options)
        except USER_ERRORS as exc:
            self._error(str(exc))
            return None

    def _kept_printer(self) -> QPrinter:
        if self.printer is None:
            self.printer = QPrinter(QPrinter.PrinterMode.HighResolution)
            name = QSettings().value("letters/printer", "")
            if name and name in QPrinterInfo.availablePrinterNames():
                self.printer.setPrinterName(name)
        self.printer.setFullPage(True)
        return self.printer

    def _preview(self, chosen) -> None:
        job = self._job(chosen)
        renderer = job and self._renderer(job)
        if renderer is None:
            return
        filled = letters.pages(job)
        printer = self._kept_printer()
        printer.setPageLayout(renderer.page_layout())
        dialog = QPrintPreviewDialog(printer, self)
        dialog.setWindowTitle(self.tr("Preview of {count} letters").format(count=len(filled)))
        dialog.paintRequested.connect(lambda device: self._paint_or_say(renderer, device, filled))
        dialog.resize(900, 1000)
        dialog.exec()

    def _paint_or_say(self, renderer: PageRenderer, device: QPrinter, filled, keep_going=None) -> bool:
        try:
            return renderer.paint(device, filled, keep_going) is not None
        except USER_ERRORS as exc:
            self._error(str(exc))
            return False

    def _print(self, chosen) -> None:
        job = self._job(chosen)
        renderer = job and self._renderer(job)
        if renderer is None:
            return
        printer = self._kept_printer()
        printer.setPageLayout(renderer.page_layout())
        printer.setCopyCount(1)
        dialog = QPrintDialog(printer, self)
        dialog.setWindowTitle(self.tr("Print {count} letters").format(count=len(chosen)))
        if not dialog.exec():
            return
        QSettings().setValue("letters/printer", printer.printerName())
        progress = QProgressDialog(self.tr("Printing letters…"), self.tr("Cancel"), 0, len(chosen), self)
        progress.setWindowModality(Qt.WindowModality.WindowModal)
        progress.setMinimumDuration(500)

        def keep_going(done: int) -> bool:
            progress.setValue(done)
            return not progress.wasCanceled()

        printed = self._paint_or_say(renderer, printer, letters.pages(job), keep_going)
        progress.close()
        if not printed:
            printer.abort()
            return
        self._record(chosen)

    def _save(self, chosen, split: bool) -> None:
        folder = QSettings().value("letters/folder", str(Path.home()))
        if split:
            target = QFileDialog.getExistingDirectory(self, self.tr("Folder for one PDF per mentor"), folder)
            job = target and self._job(chosen, split_dir=target)
        else:
            name = self.tr("Letters of appointment") + ".pdf" if len(chosen) > 1 else letters.split_file_name(chosen[0])
            target, _ = QFileDialog.getSaveFileName(self, self.tr("Save letters as PDF"), str(Path(folder) / name),
                                                    self.tr("PDF files (*.pdf)"))
            if target and not target.lower().endswith(".pdf"):
                target += ".pdf"
            job = target and self._job(chosen, target=target)
        if not job:
            return
        QSettings().setValue("letters/folder", str(Path(target) if split else Path(target).parent))
        self._run_batch(job)

    def _run_batch(self, job: letters.Job) -> None:
        signals = _BatchSignals(self)
        self.task = _BatchTask(job, signals)
        self.progress = QProgressDialog(self.tr("Writing {count} letters…").format(count=len(job.letters)),
                                        self.tr("Cancel"), 0, len(job.letters), self)
        self.progress.setWindowModality(Qt.WindowModality.WindowModal)
        self.progress.setMinimumDuration(500)
        self.progress.setAutoClose(False)
        self.progress.setAutoReset(False)
        self.progress.canceled.connect(self.cancel_batch)
        signals.progress.connect(self.progress.setValue)
        signals.finished.connect(lambda pending: self._batch_finished(job, pending))
        signals.failed.connect(self._batch_failed)
        self._update_buttons()
        self.pool.start(self.task)

    def cancel_batch(self) -> None:
        if self.task is not None:
            self.task.cancelled = True

    def _batch_finished(self, job: letters.Job, pending) -> None:
        self.task = None
        self.progress.close()
        if pending is None:
            self.status.setText(self.tr("Cancelled: no file was written and no number was issued."))
            self._update_buttons()
            return
        if not self._record(list(job.letters), pending):
            return
        try:
            files = [item.commit() for item in pending]
        except OSError as exc:
            self._error(self.tr("The letters were issued but the file could not be put in place: {error}").format(error=exc))
            return
        where = job.split_dir if job.split_dir else files[0]
        self.status.setText(self.tr("{count} letters written to {where}.").format(count=len(job.letters), where=where))

    def _batch_failed(self, message: str) -> None:
        self.task = None
        self.progress.close()
        self._error(message)
        self._update_buttons()

    def _record(self, chosen, pending=None) -> bool:
        """Record the new letters among chosen; on failure discard pending files."""
        try:
            letters.commit(self.db, chosen)
        except letters.LetterError as exc:
            for item in pending or []:
                item.discard()
            self._error(str(exc))
            return False
        finally:
            self.reload()
        return True

    def wait_for_batch(self) -> None:
        """Block until a background batch is done (closing the window, tests)."""
        self.pool.waitForDone()

    def _error(self, message: str) -> None:
        QMessageBox.warning(self, self.tr("Letters"), message)

"""The Letters page: the register of letters of appointment and apprentices' completion
certificates, and issuing, previewing, printing and saving them as PDF (one file, or one per
person) in the background."""

from __future__ import annotations

import json
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QSettings, Qt, QTimer
from PySide6.QtGui import QBrush, QColor, QPaintEngine
from PySide6.QtPrintSupport import QPrintDialog, QPrinter, QPrinterInfo, QPrintPreviewDialog
from PySide6.QtWidgets import (QAbstractItemView, QCheckBox, QComboBox, QFileDialog, QHBoxLayout, QHeaderView, QLabel,
                               QLineEdit, QMenu, QProgressDialog, QPushButton, QTableView, QVBoxLayout, QWidget)
from sqlite_utils import Database

from mentormatch import letter_templates, letters
from ui import column_widths, jobs
from ui.programme_combo import fill_programmes
from ui.rows_model import RowsModel
from ui.screen_fit import resize_within_screen

SETTINGS_KEY = "lists/letters/header"  # column widths, beside those of the record lists
OFFSETS_KEY = "letters/printer_offsets"  # printer name -> [x, y] mm: a calibration belongs to this PC's printer


def papers(kinds) -> str:
    """What the papers of these kinds (letters.PAPERS keys) are called in a message: the paper's own
    noun (聘书, 结业证书), or both when the kinds are mixed."""
    kinds = set(kinds)
    if len(kinds) == 1:
        return QCoreApplication.translate("Letters", letters.PAPERS[kinds.pop()].noun)
    return QCoreApplication.translate("LettersPage", "letters and certificates")


def printer_offset(name: str) -> tuple[float, float]:
    """The calibration offset (right, down, in mm) remembered for a printer, (0, 0) if none."""
    try:
        x, y = json.loads(QSettings().value(OFFSETS_KEY, "{}") or "{}").get(name, (0.0, 0.0))
        return float(x), float(y)
    except (ValueError, TypeError, AttributeError):
        return 0.0, 0.0


def set_printer_offset(name: str, x: float, y: float) -> None:
    try:
        offsets = json.loads(QSettings().value(OFFSETS_KEY, "{}") or "{}")
    except ValueError:
        offsets = {}
    offsets = offsets if isinstance(offsets, dict) else {}
    offsets[name] = [round(x, 1), round(y, 1)]
    QSettings().setValue(OFFSETS_KEY, json.dumps(offsets, ensure_ascii=False))


class RegisterModel(RowsModel):
    """Rows of letters.register(); the letter id under Qt.UserRole."""

    PROGRAMME = 3  # the column that takes the room left
    TYPICAL = ("MM-2026-0000", "欧阳明月", "重庆长安汽车股份有限公司", "2026 汽车工程半年实习", "2026-07-14 – 2027-01-13",
               "2026-07-14", "正式聘书（中文）", "已作废", "姓名写错",
               "结业证书")  # a value of each column, for its default width

    def __init__(self, parent=None):
        super().__init__(parent)
        self.headers = [self.tr("Serial"), self.tr("Name"), self.tr("Enterprise"), self.tr("Programme"),
                        self.tr("Term"), self.tr("Issued"), self.tr("Template"), self.tr("Status"), self.tr("Reason revoked"),
                        self.tr("Kind")]
        self.papers = {"appointment": self.tr("Letter of appointment"), "certificate": self.tr("Completion certificate")}

    def data(self, index, role=Qt.ItemDataRole.DisplayRole):
        row = self.rows[index.row()]
        if role == Qt.ItemDataRole.UserRole:
            return row["id"]
        if role == Qt.ItemDataRole.ForegroundRole and row["revoked_at"]:
            return QBrush(QColor("#8a8a8a"))
        if role == Qt.ItemDataRole.ToolTipRole and row["revoked_at"]:  # the whole reason, when the column is narrow
            return self.tr("Revoked on {date}: {reason}").format(date=row["revoked_at"][:10], reason=row["revoke_reason"])
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        column = index.column()
        if column == 4:
            return f"{row['term_from'] or ''} – {row['term_to'] or ''}" if row["term_from"] or row["term_to"] else ""
        if column == 7:
            return self.tr("Revoked") if row["revoked_at"] else self.tr("Valid")
        if column == 8:
            return row["revoke_reason"]
        if column == 6:
            return letter_templates.display_name(row["template"])
        if column == 9:
            return self.papers[row["kind"]]
        key = ("serial", "holder", "enterprise", "programme", None, "issue_date")[column]
        return row[key]


def attempt(parent: QWidget, action, *args):
    """action(*args); on an error, None after showing it (the user's message, or a bug reported)."""
    try:
        return action(*args)
    except Exception as exc:  # noqa: BLE001 — show_error tells the user's errors from bugs
        jobs.show_error(parent, exc)
        return None


class LettersPage(QWidget):
    """The register view with the actions on letters."""

    def __init__(self, db: Database, parent=None):
        super().__init__(parent)
        self.db = db
        self.printer: QPrinter | None = None  # one printer kept, so the user's choices persist
        self.writing = False  # a batch is being written in the background

        self.programme = QComboBox(self)
        self.search = QLineEdit(self)
        self.search.setPlaceholderText(self.tr("Search serial, name or enterprise"))
        self.paper = QComboBox(self)  # which papers the register shows
        for text, kind in ((self.tr("Letters and certificates"), None), (self.tr("Letters of appointment"), "appointment"),
                           (self.tr("Completion certificates"), "certificate")):
            self.paper.addItem(text, kind)
        self.search.setClearButtonEnabled(True)
        self.show_revoked = QCheckBox(self.tr("Show revoked"), self)
        self.show_revoked.setChecked(True)
        filters = QHBoxLayout()
        filters.addWidget(QLabel(self.tr("Programme"), self))
        filters.addWidget(self.programme, 1)
        filters.addWidget(self.paper)
        filters.addWidget(self.search, 2)

        self.issue_button = QPushButton(self.tr("Issue letters…"), self)
        self.certificates_button = QPushButton(self.tr("Issue certificates…"), self)
        self.preview_button = QPushButton(self.tr("Preview"), self)
        self.print_button = QPushButton(self.tr("Print…"), self)
        self.pdf_button = QPushButton(self.tr("Save PDF"), self)
        pdf_menu = QMenu(self)
        self.pdf_one_action = pdf_menu.addAction(self.tr("One PDF with a page per letter…"), lambda: self.save_pdf(False))
        self.pdf_split_action = pdf_menu.addAction(self.tr("One PDF per mentor…"), lambda: self.save_pdf(True))
        self.pdf_button.setMenu(pdf_menu)
        self.revoke_button = QPushButton(self.tr("Revoke…"), self)
        self.signin_button = QPushButton(self.tr("Sign-in sheet…"), self)
        self.signin_button.setToolTip(self.tr("The ceremony's sign-in sheet of the programme's mentors and apprentices"))
        # the settings of the papers, set once a year, under one button: two rows of buttons fit a
        # 1366×768 screen at 150 % (911 logical pixels wide)
        self.more_button = QPushButton(self.tr("More"), self)  # a menu button, as Save PDF
        more_menu = QMenu(self.more_button)
        self.templates_action = more_menu.addAction(self.tr("Templates…"), self.edit_templates)
        self.options_action = more_menu.addAction(self.tr("Letter options…"), self.edit_options)
        self.calibrate_action = more_menu.addAction(self.tr("Printer calibration…"), self.calibrate)
        self.more_button.setMenu(more_menu)
        actions = QHBoxLayout()  # making papers
        for button in (self.issue_button, self.certificates_button, self.signin_button):
            actions.addWidget(button)
        actions.addStretch(1)
        actions.addWidget(self.more_button)
        chosen = QHBoxLayout()  # the papers chosen in the register
        for button in (self.preview_button, self.print_button, self.pdf_button, self.revoke_button):
            chosen.addWidget(button)
        chosen.addStretch(1)
        chosen.addWidget(self.show_revoked)

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
        self.status.setWordWrap(True)  # a long message takes two lines rather than widening the window

        layout = QVBoxLayout(self)
        layout.addLayout(filters)
        layout.addLayout(actions)
        layout.addLayout(chosen)
        layout.addWidget(self.view, 1)
        layout.addWidget(self.status)

        self._search_timer = QTimer(self, singleShot=True, interval=250)
        self._search_timer.timeout.connect(self.reload)
        self.search.textChanged.connect(self._search_timer.start)
        self.programme.currentIndexChanged.connect(self.reload)
        self.paper.currentIndexChanged.connect(self.reload)
        self.show_revoked.toggled.connect(self.reload)
        self.view.selectionModel().selectionChanged.connect(self._update_buttons)
        self.view.doubleClicked.connect(lambda _index: self.preview())
        self.issue_button.clicked.connect(lambda: self.issue())
        self.certificates_button.clicked.connect(lambda: self.issue(letters.CERTIFICATE))
        self.preview_button.clicked.connect(self.preview)
        self.print_button.clicked.connect(self.print_letters)
        self.revoke_button.clicked.connect(self.revoke)
        self.signin_button.clicked.connect(self.sign_in_sheet)
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
        rows = letters.register(self.db, self.search.text(), self.programme.currentData(), self.show_revoked.isChecked(),
                                self.paper.currentData())
        self.model.set_rows(rows)
        revoked = sum(1 for r in rows if r["revoked_at"])
        kinds = [self.paper.currentData()] if self.paper.currentData() else list(letters.PAPERS)
        self.status.setText(self.tr("{papers} shown: {count}, {revoked} of them revoked. Select them to reprint them "
                                    "with their numbers.").format(papers=papers(kinds), count=len(rows), revoked=revoked))
        self._update_buttons()

    def selected_ids(self) -> list[int]:
        rows = sorted(index.row() for index in self.view.selectionModel().selectedRows())
        return [self.model.rows[r]["id"] for r in rows]

    def _update_buttons(self) -> None:
        ids = self.selected_ids()
        chosen = [r for r in self.model.rows if r["id"] in set(ids)]
        busy = self.writing
        for button in (self.preview_button, self.print_button, self.pdf_button):
            button.setEnabled(bool(chosen) and not busy and not any(r["revoked_at"] for r in chosen))
        self.revoke_button.setEnabled(len(chosen) == 1 and not chosen[0]["revoked_at"] and not busy)
        self.issue_button.setEnabled(not busy)
        self.certificates_button.setEnabled(not busy)

    def _selected_batch(self) -> letters.Batch | None:
        return attempt(self, letters.Batch.for_letters, self.db, self.selected_ids())

    # -- actions -------------------------------------------------------------------------------

    def issue(self, paper: letters.Paper | None = None) -> None:
        from ui.letters_dialogs import IssueDialog

        dialog = IssueDialog(self.db, self.programme.currentData(), self, paper or letters.APPOINTMENT)
        dialog.output_requested.connect(self._output)
        dialog.exec()

    def preview(self) -> None:
        batch = self._selected_batch()
        if batch:
            self._output("preview", batch)

    def print_letters(self) -> None:
        batch = self._selected_batch()
        if batch:
            self._output("print", batch)

    def save_pdf(self, split: bool) -> None:
        batch = self._selected_batch()
        if batch:
            self._output("split" if split else "pdf", batch)

    def revoke(self) -> None:
        from ui.pairing import ReasonDialog

        ids = self.selected_ids()
        if len(ids) != 1:
            return
        row = next(r for r in self.model.rows if r["id"] == ids[0])
        dialog = ReasonDialog(self.tr("Revoke {papers}").format(papers=papers([row["kind"]])),
                              self.tr("Revoke {serial} of {holder} ({papers})? It stays in the register, marked revoked, "
                                      "and its number is never given again.").format(
                                  serial=row["serial"], holder=row["holder"], papers=papers([row["kind"]])),
                              ok_text=self.tr("Revoke"), parent=self)
        if dialog.exec():
            attempt(self, letters.revoke, self.db, ids[0], dialog.values()[1])
            self.reload()

    def edit_templates(self) -> None:
        from ui.letters_dialogs import TemplateEditor

        TemplateEditor(self.db, self).exec()

    def edit_options(self) -> None:
        from ui.letters_dialogs import OptionsDialog

        OptionsDialog(self.db, self).exec()

    def sign_in_sheet(self) -> None:
        from ui.signin_dialog import SignInDialog

        SignInDialog(self.db, self.programme.currentData(), self).exec()

    def calibrate(self) -> None:
        from ui.letters_dialogs import CalibrationDialog

        CalibrationDialog(QSettings().value("letters/printer", ""), self.print_calibration_page, self).exec()

    def print_calibration_page(self, name: str) -> None:
        """The calibration page on plain A4 from the printer named (preprinted.paint_calibration), without any offset."""
        from mentormatch.preprinted import page_layout, paint_calibration

        printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        if name in QPrinterInfo.availablePrinterNames():
            printer.setPrinterName(name)
        printer.setFullPage(True)
        printer.setPageLayout(page_layout(210, 297))
        dialog = QPrintDialog(printer, self)
        dialog.setWindowTitle(self.tr("Print the calibration page"))
        if dialog.exec():
            printer.setDocName(self.tr("Calibration page"))  # what the print queue shows
            attempt(self, paint_calibration, printer, printer.printerName())

    # -- output --------------------------------------------------------------------------------

    def _output(self, mode: str, batch: letters.Batch) -> None:
        """Preview, print or save a batch; its new letters are recorded with the paper or the files, never without."""
        if mode == "preview":
            self._preview(batch)
        elif mode == "print":
            self._print(batch)
        else:
            self._save(batch, split=mode == "split")

    def _printer_for(self, batch: letters.Batch) -> QPrinter | None:
        """The kept printer, set to the letters' page layout (None after a message, e.g. no Chinese font)."""
        renderer = attempt(self, batch.renderer)
        if renderer is None:
            return None
        if self.printer is None:
            self.printer = QPrinter(QPrinter.PrinterMode.HighResolution)
            name = QSettings().value("letters/printer", "")
            if name and name in QPrinterInfo.availablePrinterNames():
                self.printer.setPrinterName(name)
        self.printer.setFullPage(True)
        self.printer.setPageLayout(renderer.page_layout())
        return self.printer

    def _preview(self, batch: letters.Batch) -> None:
        printer = self._printer_for(batch)
        if printer is None:
            return
        dialog = QPrintPreviewDialog(printer, self)
        # The preview shows each letter exactly as it would print, its number included: the coordinator
        # checks the sheet that will be handed out, and a "draft" mark would show another one. A new
        # number is only planned until the letter is printed (from this window's Print button too),
        # so the title says so; a preview only looked at records nothing.
        title = self.tr("Preview of {papers}: {count}").format(papers=papers(l.kind for l in batch.letters), count=len(batch.letters))
        if batch.new:
            title += " — " + self.tr("{new} new numbers are registered only when printed or saved").format(new=batch.new)
        dialog.setWindowTitle(title)
        dialog.paintRequested.connect(lambda device: self._paint_requested(batch, device))
        resize_within_screen(dialog, 900, 1000)
        dialog.exec()

    def _paint_requested(self, batch: letters.Batch, device: QPrinter) -> None:
        # The preview window asks for the pages to show them (drawn on a picture of the pages) and
        # again when the user prints from it (drawn on the printer): only that is paper.
        if device.paintEngine().type() == QPaintEngine.Type.Picture:
            attempt(self, batch.preview, device)
        else:
            self._send(batch, device)

    def _print(self, batch: letters.Batch) -> None:
        printer = self._printer_for(batch)
        if printer is None:
            return
        printer.setCopyCount(1)
        dialog = QPrintDialog(printer, self)
        dialog.setWindowTitle(self.tr("Print {papers}: {count}").format(papers=papers(l.kind for l in batch.letters),
                                                                         count=len(batch.letters)))
        if dialog.exec():
            self._send(batch, printer)

    def _send(self, batch: letters.Batch, printer: QPrinter) -> None:
        """Print the batch on the chosen printer; its new letters are recorded before the job is released."""
        QSettings().setValue("letters/printer", printer.printerName())
        progress = QProgressDialog(self.tr("Printing letters…"), self.tr("Cancel"), 0, len(batch.letters), self)
        progress.setWindowModality(Qt.WindowModality.WindowModal)
        progress.setMinimumDuration(500)

        def keep_going(done: int) -> bool:
            progress.setValue(done)
            return not progress.wasCanceled()

        try:
            printed = batch.print(self.db, printer, keep_going, printer_offset(printer.printerName()))
        except Exception as exc:  # noqa: BLE001 — show_error tells the user's errors from bugs
            jobs.show_error(self, exc)
            return
        finally:
            progress.close()
            self.reload()
        if printed is None:
            self.status.setText(self.tr("Cancelled: nothing was printed and no number was issued."))
        elif len(printed) < len(batch.letters):
            self.status.setText(self.tr("Stopped after {count} letters. The printer could not take back the letters "
                                        "already sent, so they are in the register.").format(count=len(printed)))
        else:
            self.status.setText(self.tr("{papers} sent to the printer: {count}.").format(
                papers=papers(l.kind for l in batch.letters), count=len(printed)))

    def _save(self, batch: letters.Batch, split: bool) -> None:
        folder = QSettings().value("letters/folder", str(Path.home()))
        if split:
            target = QFileDialog.getExistingDirectory(self, self.tr("Folder for one PDF per mentor"), folder)
        else:
            chosen = batch.letters
            name = batch.title + ".pdf" if len(chosen) > 1 else letters.split_file_name(chosen[0])
            target, _ = QFileDialog.getSaveFileName(self, self.tr("Save letters as PDF"), str(Path(folder) / name),
                                                    self.tr("PDF files (*.pdf)"))
            if target and not target.lower().endswith(".pdf"):
                target += ".pdf"
        if not target:
            return
        QSettings().setValue("letters/folder", str(Path(target) if split else Path(target).parent))
        self._write(batch, target, split)

    def _write(self, batch: letters.Batch, target: str, split: bool) -> None:
        """Write the files in the background; record the letters and put the files in place when written."""
        self.progress = QProgressDialog(self.tr("Writing {papers}: {count}…").format(
            papers=papers(l.kind for l in batch.letters), count=len(batch.letters)),
                                        self.tr("Cancel"), 0, len(batch.letters), self)
        self.progress.setWindowModality(Qt.WindowModality.WindowModal)
        self.progress.setMinimumDuration(500)
        self.progress.setAutoClose(False)
        self.progress.setAutoReset(False)

        def write(keep_going):
            return batch.write(keep_going, target=None if split else target, split_dir=target if split else None)

        job = jobs.run_job(self, write, on_done=lambda written: self._written(batch, written, target), busy=self._busy)
        job.progress.connect(self.progress.setValue)
        self.progress.canceled.connect(job.cancel)

    def _busy(self, writing: bool) -> None:
        self.writing = writing
        if not writing:
            self.progress.close()
        self._update_buttons()

    def _written(self, batch: letters.Batch, written: bool, where: str) -> None:
        if not written:
            self.status.setText(self.tr("Cancelled: no file was written and no number was issued."))
            return
        files = attempt(self, batch.commit, self.db)
        self.reload()
        if files is not None:
            self.status.setText(self.tr("{papers} written to {where}: {count}.").format(
                papers=papers(l.kind for l in batch.letters), count=len(batch.letters), where=where))

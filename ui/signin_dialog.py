"""The ceremony sign-in sheet (签到表) from the Letters page: which programme, who signs in, the
title; saved as PDF in the background or printed. Who is on it and how it looks is
mentormatch.signin's (and roster_pdf's, which draws it)."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QSettings
from PySide6.QtPrintSupport import QPrintDialog, QPrinter
from PySide6.QtWidgets import (QButtonGroup, QComboBox, QDialog, QDialogButtonBox, QFileDialog, QFormLayout, QLabel,
                               QLineEdit, QPushButton, QRadioButton, QVBoxLayout, QWidget)
from sqlite_utils import Database

from mentormatch import roster_pdf, signin
from ui import jobs
from ui.programme_combo import fill_programmes
from ui.screen_fit import resize_within_screen

FOLDER_KEY = "signin/folder"


class SignInDialog(QDialog):
    def __init__(self, db: Database, programme_id: int | None = None, parent: QWidget | None = None):
        super().__init__(parent)
        self.db = db
        self.setWindowTitle(self.tr("Sign-in sheet"))
        self.programme = QComboBox(self)
        fill_programmes(self.programme, db, select=programme_id)
        self.who = QButtonGroup(self)
        self.who_buttons = {}
        who_box = QVBoxLayout()
        for key, label in zip(signin.WHO, (self.tr("Mentors and apprentices (two tables)"), self.tr("Mentors only"),
                                           self.tr("Apprentices only"))):
            button = self.who_buttons[key] = QRadioButton(label, self)
            self.who.addButton(button)
            who_box.addWidget(button)
        self.who_buttons["both"].setChecked(True)
        self.title = QLineEdit(self)
        self.title.setClearButtonEnabled(True)
        self.status = QLabel(self)
        self.status.setWordWrap(True)

        form = QFormLayout()
        form.addRow(self.tr("Programme:"), self.programme)
        form.addRow(self.tr("Who signs in:"), who_box)
        form.addRow(self.tr("Title:"), self.title)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        self.save_button = QPushButton(self.tr("Save PDF…"), self)
        self.print_button = QPushButton(self.tr("Print…"), self)
        self.save_button.setDefault(True)
        buttons.addButton(self.save_button, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.addButton(self.print_button, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(QLabel(self.tr("A4 portrait: No., name, enterprise, trade and a column to sign in; no ID numbers "
                                        "or phones. Mentors: those with a confirmed pair in the programme (before any pair "
                                        "is confirmed, all its mentors). Apprentices: everyone in the programme."),
                                self, wordWrap=True))
        layout.addWidget(self.status)
        layout.addStretch(1)
        layout.addWidget(buttons)

        self.programme.currentIndexChanged.connect(self._programme_changed)
        self.save_button.clicked.connect(self.save)
        self.print_button.clicked.connect(self.print_sheet)
        self._programme_changed()
        resize_within_screen(self, 560, 330)  # the title, with a long programme name, shown whole

    def _programme_changed(self) -> None:
        """The default title names the programme; a title typed by the user stays."""
        programme_id = self.programme.currentData()
        self.title.setPlaceholderText(signin.default_title(self.db, programme_id) if programme_id is not None else "")
        for button in (self.save_button, self.print_button):
            button.setEnabled(programme_id is not None)

    def chosen_who(self) -> str:
        return next(key for key, button in self.who_buttons.items() if button.isChecked())

    def sheet_title(self) -> str:
        return self.title.text().strip() or self.title.placeholderText()

    def _sections(self) -> list[roster_pdf.Section] | None:
        """The tables, read here on the main thread (plain data for the worker); None after a message."""
        try:
            return signin.sections(self.db, self.programme.currentData(), self.chosen_who(), self.sheet_title())
        except Exception as exc:  # noqa: BLE001 — show_error tells the user's errors from bugs
            jobs.show_error(self, exc)
            return None

    def save(self) -> None:
        tables = self._sections()
        if tables is None:
            return
        folder = QSettings().value(FOLDER_KEY, "") or str(Path.home())
        path, _ = QFileDialog.getSaveFileName(self, self.tr("Save the sign-in sheet as PDF"),
                                              str(Path(folder) / f"{self.sheet_title()}.pdf"), self.tr("PDF files (*.pdf)"))
        if not path:
            return
        if not path.lower().endswith(".pdf"):
            path += ".pdf"
        QSettings().setValue(FOLDER_KEY, str(Path(path).parent))
        title = self.sheet_title()
        count = sum(len(t.rows) for t in tables)
        self.status.setText(self.tr("Writing…"))
        jobs.run_job(self, lambda _keep_going: signin.write_pdf(path, title, tables),
                     on_done=lambda _: self.status.setText(self.tr("Sign-in sheet for {count} people written to {file}.").format(
                         count=count, file=path)),
                     on_error=lambda exc: (self.status.clear(), jobs.show_error(self, exc)), busy=self._busy)

    def _busy(self, busy: bool) -> None:
        for button in (self.save_button, self.print_button):
            button.setEnabled(not busy and self.programme.currentData() is not None)

    def print_sheet(self) -> None:
        tables = self._sections()
        if tables is None:
            return
        printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        printer.setPageLayout(signin.page_layout())
        printer.setDocName(self.sheet_title())
        dialog = QPrintDialog(printer, self)
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return
        try:
            pages = signin.render(printer, tables)
        except Exception as exc:  # noqa: BLE001 — show_error tells the user's errors from bugs
            jobs.show_error(self, exc)
            return
        self.status.setText(self.tr("{pages} pages sent to the printer.").format(pages=pages))

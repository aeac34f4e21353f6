"""The export dialog: what, which programme, format, columns, and whether personal data goes in full.

The work is mentormatch.exporter's (files) and mentormatch.roster_pdf's (printing).
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QSettings, Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtPrintSupport import QPrintDialog, QPrinter
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QMessageBox,
    QPushButton,
    QVBoxLayout,
    QWidget,
)
from sqlite_utils import Database

from mentormatch import exporter, roster_pdf
from mentormatch.errors import UserError
from ui.programme_combo import fill_programmes
from ui.screen_fit import resize_within_screen

FORMATS = ("xlsx", "csv", "pdf", "print")


class ExportDialog(QDialog):
    def __init__(self, db: Database, parent: QWidget | None = None):
        super().__init__(parent)
        self.db = db
        self.written: str | None = None
        self.setWindowTitle(self.tr("Export"))

        self.kind_combo = QComboBox(self)
        for kind in exporter.EXPORT_KINDS:
            self.kind_combo.addItem(exporter.title(kind), kind)
        self.programme_combo = QComboBox(self)
        fill_programmes(self.programme_combo, db, self.tr("All programmes"))
        self.format_combo = QComboBox(self)
        for key, label in zip(FORMATS, (self.tr("Excel workbook (.xlsx)"), self.tr("CSV, UTF-8 with BOM (.csv)"),
                                        self.tr("PDF roster, A4 landscape (.pdf)"), self.tr("Print"))):
            self.format_combo.addItem(label, key)
        self.columns = QListWidget(self)
        self.sheets_check = QCheckBox(self.tr("One sheet per enterprise"), self)
        self.signature_check = QCheckBox(self.tr("A column to sign in (签名)"), self)
        self.signature_check.setToolTip(self.tr("The PDF or printed roster ends with an empty column where each person signs"))
        self.full_check = QCheckBox(self.tr("Include full personal data (ID numbers and phones)"), self)
        self.warning = QLabel(self)
        self.warning.setWordWrap(True)
        self.warning.setStyleSheet("color: #B02A37")
        self.warning.setVisible(False)
        self.result = QLabel(self)
        self.result.setWordWrap(True)

        form = QFormLayout()
        form.addRow(self.tr("Export:"), self.kind_combo)
        form.addRow(self.tr("Programme:"), self.programme_combo)
        form.addRow(self.tr("Format:"), self.format_combo)
        form.addRow(self.tr("Columns:"), self.columns)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        self.export_button = QPushButton(self.tr("Export…"), self)
        self.export_button.setDefault(True)
        buttons.addButton(self.export_button, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.rejected.connect(self.reject)
        self.export_button.clicked.connect(self.export)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.sheets_check)
        layout.addWidget(self.signature_check)
        layout.addWidget(self.full_check)
        layout.addWidget(self.warning)
        layout.addWidget(self.result)
        layout.addWidget(buttons)

        self.kind_combo.currentIndexChanged.connect(self._kind_changed)
        self.format_combo.currentIndexChanged.connect(self._update)
        self.columns.itemChanged.connect(self._update)
        self.full_check.toggled.connect(self._update)
        self._kind_changed()
        resize_within_screen(self, 520, 620)

    def kind(self) -> str:
        return self.kind_combo.currentData()

    def chosen_columns(self) -> list[str]:
        return [self.columns.item(i).data(Qt.ItemDataRole.UserRole) for i in range(self.columns.count())
                if self.columns.item(i).checkState() == Qt.CheckState.Checked]

    def _kind_changed(self) -> None:
        self.columns.blockSignals(True)
        self.columns.clear()
        for column in exporter.columns(self.kind()):
            item = QListWidgetItem(column.title(), self.columns)
            item.setData(Qt.ItemDataRole.UserRole, column.key)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(Qt.CheckState.Checked if column.default else Qt.CheckState.Unchecked)
        self.columns.blockSignals(False)
        self._update()

    def _update(self) -> None:
        fmt = self.format_combo.currentData()
        self.sheets_check.setEnabled(fmt == "xlsx" and self.kind() in ("pairs", "mentors"))
        self.signature_check.setEnabled(fmt in ("pdf", "print"))
        self.programme_combo.setEnabled(self.kind() != "audit")  # the history covers every programme
        self.export_button.setText(self.tr("Print…") if fmt == "print" else self.tr("Export…"))
        self.export_button.setEnabled(bool(self.chosen_columns()))
        # full personal data only when a chosen column has some: the warning names whose
        chosen = set(self.chosen_columns())
        sensitive = [c for c in exporter.columns(self.kind()) if c.sensitive and c.key in chosen]
        self.full_check.setEnabled(bool(sensitive))
        if not sensitive:
            self.full_check.setChecked(False)  # asked for again when such a column comes back
        if any(c.key in ("id_number", "apprentice_phone") for c in sensitive):
            self.warning.setText(self.tr("The file will contain full ID numbers and phone numbers of apprentices, many of them "
                                         "minors. Share it only with people who need them, and delete it when done."))
        else:
            self.warning.setText(self.tr("The file will contain the full phone numbers of mentors. Share it only with people "
                                         "who need them, and delete it when done."))
        self.warning.setVisible(self.full_personal_data())

    def signature(self) -> bool:
        return self.signature_check.isChecked() and self.signature_check.isEnabled()

    def full_personal_data(self) -> bool:
        return self.full_check.isChecked() and self.full_check.isEnabled()

    def export(self) -> None:
        fmt = self.format_combo.currentData()
        options = dict(programme_id=self.programme_combo.currentData(), keys=self.chosen_columns(),
                       full_personal_data=self.full_personal_data())
        try:
            if fmt == "print":
                self._print(options)
                return
            path = self._ask_path(fmt)
            if not path:
                return
            QGuiApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
            try:
                count = exporter.export(self.db, self.kind(), path, sheet_per_enterprise=self.sheets_check.isChecked()
                                        and self.sheets_check.isEnabled(), signature=self.signature(), **options)
            finally:
                QGuiApplication.restoreOverrideCursor()
        except (UserError, OSError) as exc:
            QMessageBox.warning(self, self.tr("Export"), str(exc))
            return
        self.written = path
        QSettings().setValue("export/folder", str(Path(path).parent))
        self.result.setText(self.tr("{count} rows written to {file}.").format(count=count, file=path))

    def _ask_path(self, fmt: str) -> str:
        folder = QSettings().value("export/folder", "") or str(Path.home())
        name = exporter.document_title(self.db, self.kind(), self.programme_combo.currentData())
        filters = {"xlsx": self.tr("Excel workbook (*.xlsx)"), "csv": self.tr("CSV file (*.csv)"), "pdf": self.tr("PDF file (*.pdf)")}
        path, _ = QFileDialog.getSaveFileName(self, self.tr("Export"), str(Path(folder) / f"{name}.{fmt}"), filters[fmt])
        if path and not path.lower().endswith("." + fmt):
            path += "." + fmt
        return path

    def _print(self, options: dict) -> None:
        printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        printer.setPageLayout(roster_pdf.page_layout())
        dialog = QPrintDialog(printer, self)
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return
        sheet = exporter.sheets(self.db, self.kind(), options["programme_id"], options["keys"], options["full_personal_data"])[0]
        title = exporter.document_title(self.db, self.kind(), options["programme_id"])
        pages = roster_pdf.render(printer, title, sheet.headers, sheet.rows, signature=self.signature())
        self.result.setText(self.tr("{pages} pages sent to the printer.").format(pages=pages))

"""The import wizard: file and sheet, kind, column mapping, preview with decisions, commit, report.

The file is read as a background job (ui/jobs.py: plain data, no database); mapping, validation
and the commit run on the main thread through mentormatch.importer, which writes everything in one
transaction or nothing.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QSortFilterProxyModel, Qt
from PySide6.QtGui import QBrush, QColor, QGuiApplication
from PySide6.QtWidgets import (
    QAbstractItemView,
    QButtonGroup,
    QCheckBox,
    QComboBox,
    QFileDialog,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QRadioButton,
    QTableView,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
    QWizard,
    QWizardPage,
)
from sqlite_utils import Database

from mentormatch import excel_repair, import_columns, importer, records, tabular
from mentormatch.errors import UserError, user_message
from mentormatch.i18n import translate
from mentormatch.validation import mask_id, mask_phone
from ui import jobs
from ui.screen_fit import resize_within_screen

STATUS_COLOURS = {"ok": QColor("#D1E7DD"), "warning": QColor("#FFF3CD"), "error": QColor("#F8D7DA")}
FILTERS = ("all", "ok", "warning", "error", "duplicate")
PROBLEM_STYLE = "color: #B02A37"
REASON_WIDTH = 420  # pixels of the reason column; the whole text is below the table and in the tooltip


def shown(value: object, field: records.Field | None) -> str:
    """A cell of the file as the wizard shows it: a long number as Excel shows it (5.10722E+17),
    ID numbers and phones masked."""
    if isinstance(value, float) and abs(value) >= 1e11:
        return f"{value:.6G}"  # not personal data any more: its digits are lost
    text = excel_repair.cell_text(value)
    if excel_repair.SCIENTIFIC.match(text):
        return text  # typed or pasted as Excel showed it: no digits left to hide
    if field is not None and field.sensitive == "id":
        return mask_id(text)
    if field is not None and field.sensitive == "phone":
        return mask_phone(text)
    return text


# ---------------------------------------------------------------------------------------------
# page 1: file, sheet, kind


class FilePage(QWizardPage):
    def __init__(self, wizard: ImportWizard):
        super().__init__(wizard)
        self.setTitle(self.tr("Choose the file"))
        self.setSubTitle(self.tr("A workbook (.xlsx, .xls, .ods) or a CSV/text file; title rows above the header are passed over."))
        self.table: tabular.Table | None = None
        self._reading = 0
        self._requested: tuple[str, str | None] | None = None  # (path, sheet) of the last read

        self.path_edit = QLineEdit(self)
        self.path_edit.setPlaceholderText(self.tr("Choose a file or drop it on the main window"))
        self.path_edit.editingFinished.connect(lambda: self.load(self.path_edit.text()))
        browse = QPushButton(self.tr("Choose…"), self)
        browse.clicked.connect(self.browse)
        row = QHBoxLayout()
        row.addWidget(self.path_edit, 1)
        row.addWidget(browse)

        self.sheet_combo = QComboBox(self)
        self.sheet_combo.setEnabled(False)
        self.sheet_combo.activated.connect(lambda: self.load(self.path_edit.text(), self.sheet_combo.currentText()))

        self.kind_group = QButtonGroup(self)
        kinds = QHBoxLayout()
        for kind in import_columns.KINDS:
            button = QRadioButton(translate("Records", import_columns.KIND_LABELS[kind]), self)
            button.setObjectName(kind)
            self.kind_group.addButton(button)
            kinds.addWidget(button)
        kinds.addStretch(1)
        self.kind_group.buttons()[0].setChecked(True)

        self.status = QLabel(self)
        self.status.setWordWrap(True)
        form = QFormLayout(self)
        form.addRow(self.tr("File:"), row)
        form.addRow(self.tr("Sheet:"), self.sheet_combo)
        form.addRow(self.tr("Import as:"), kinds)
        form.addRow(self.status)

    def kind(self) -> str:
        return self.kind_group.checkedButton().objectName()

    def browse(self) -> None:
        path, _ = QFileDialog.getOpenFileName(
            self, self.tr("Import a roster"), str(Path(self.path_edit.text()).parent) if self.path_edit.text() else "",
            self.tr("Tables ({patterns});;All files (*)").format(
                patterns=" ".join("*" + suffix for suffix in tabular.BOOK_SUFFIXES + tabular.TEXT_SUFFIXES)))
        if path:
            self.load(path)

    def load(self, path: str, sheet: str | None = None) -> None:
        """Read the file (one sheet of it) in the background."""
        path = path.strip()
        if not path or (path, sheet) == self._requested:
            return
        self._requested = (path, sheet)
        self.path_edit.setText(path)
        if sheet is None:
            self.sheet_combo.clear()
        self.table = None
        self._reading += 1
        self.status.setStyleSheet("")
        self.status.setText(self.tr("Reading {file}…").format(file=Path(path).name))
        self.completeChanged.emit()
        number = self._reading
        matcher = import_columns.header_matcher()  # built on the main thread (translations)

        def read(keep_going):  # on the worker: the file only, no database, no widget
            return tabular.read_table(path, sheet or None, matcher), tabular.sheet_names(path)

        jobs.run_job(self, read, on_done=lambda result: self._read(number, *result),
                     on_error=lambda exc: self._failed(number, path, exc))

    def _read(self, number: int, table: tabular.Table, sheets: list[str]) -> None:
        if number != self._reading:
            return  # an older read finished after a newer one was started
        self.table = table
        if self.sheet_combo.count() == 0 and sheets != [""]:
            self.sheet_combo.addItems(sheets)
        self.sheet_combo.setEnabled(self.sheet_combo.count() > 1)
        if table.sheet:
            self.sheet_combo.setCurrentText(table.sheet)
        self.status.setText(self.tr("{rows} rows; the header is row {header}: {columns}").format(
            rows=len(table.rows), header=table.header_row, columns="、".join(h for h in table.headers if h)))
        self._guess_kind(table.headers)
        self.completeChanged.emit()

    def _failed(self, number: int, path: str, exc: BaseException) -> None:
        if number == self._reading:
            # a damaged file must not crash the window: whatever the reader raised, say so
            message = user_message(exc) or self.tr("{file} cannot be read: {error}").format(file=Path(path).name, error=exc)
            self.status.setText(message)
            self.status.setStyleSheet(PROBLEM_STYLE)
            self.completeChanged.emit()

    def _guess_kind(self, headers: list[str]) -> None:
        kind = import_columns.guess_kind(headers)
        if kind:
            next(b for b in self.kind_group.buttons() if b.objectName() == kind).setChecked(True)

    def isComplete(self) -> bool:
        return self.table is not None and bool(self.table.rows)


# ---------------------------------------------------------------------------------------------
# page 2: the mapping


class MappingPage(QWizardPage):
    def __init__(self, wizard: ImportWizard):
        super().__init__(wizard)
        self.setTitle(self.tr("Match the columns"))
        self.db = wizard.db
        self.job: importer.ImportJob | None = None
        self.grid = QTableWidget(0, 3, self)
        self.grid.setHorizontalHeaderLabels([self.tr("Column in the file"), self.tr("First values"), self.tr("Imported as")])
        self.grid.horizontalHeader().setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        self.grid.verticalHeader().setVisible(False)
        self.grid.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.defaults_box = QGroupBox(self.tr("For rows without a value"), self)
        self.defaults_form = QFormLayout(self.defaults_box)
        self.default_combos: dict[str, QComboBox] = {}
        self.missing = QLabel(self)
        self.missing.setWordWrap(True)
        self.missing.setStyleSheet(PROBLEM_STYLE)
        layout = QVBoxLayout(self)
        layout.addWidget(self.grid, 1)
        layout.addWidget(self.defaults_box)
        layout.addWidget(self.missing)

    def initializePage(self) -> None:
        wizard: ImportWizard = self.wizard()
        page = wizard.file_page
        self.job = importer.ImportJob(self.db, page.kind(), page.table, Path(page.path_edit.text()).name)
        wizard.job = self.job
        self.setSubTitle(self.tr("The mapping remembered for these columns is used; change it where needed.")
                         if self.job.mapping_remembered else
                         self.tr("Columns were matched by their names; change a match where it is wrong."))
        fields = self.job.fields()
        self.grid.setRowCount(len(self.job.table.headers))
        for column, header in enumerate(self.job.table.headers):
            self.grid.setItem(column, 0, QTableWidgetItem(header))
            self.grid.setItem(column, 1, QTableWidgetItem())
            self._show_samples(column)
            combo = QComboBox(self.grid)
            combo.addItem(self.tr("(not imported)"), None)
            for name in fields:
                combo.addItem(import_columns.field_label(self.job.kind, name), name)
            combo.setCurrentIndex(max(combo.findData(self.job.mapping[column]), 0))
            combo.currentIndexChanged.connect(lambda _=0, c=column, box=combo: self._mapped(c, box.currentData()))
            self.grid.setCellWidget(column, 2, combo)
        self.grid.resizeColumnToContents(0)
        self.grid.setColumnWidth(2, 200)
        self._build_defaults()
        self._update_missing()

    def _show_samples(self, column: int) -> None:
        """The first values of the column, masked if it is imported as an ID number or a phone."""
        name = self.job.mapping[column]
        field = records.KINDS[self.job.kind].field(name) if name else None
        samples = [r[column] for _, r in self.job.table.rows[:3] if column < len(r) and r[column] not in (None, "")]
        self.grid.item(column, 1).setText("、".join(shown(v, field) for v in samples))

    def _build_defaults(self) -> None:
        while self.defaults_form.rowCount():
            self.defaults_form.removeRow(0)
        self.default_combos = {}
        wanted = self.job.default_fields()
        for name in wanted:
            field = records.KINDS[self.job.kind].field(name)
            labels = [label for _, label in records.choices(self.db, field.ref)]
            if field.ref == "programmes" and labels and name not in self.job.defaults:
                self.job.set_default(name, labels[0])  # the only programme, or the newest: the one being filled
            combo = QComboBox(self.defaults_box)
            combo.setEditable(True)
            combo.addItem("")
            combo.addItems(labels)
            combo.setCurrentText(self.job.defaults.get(name, ""))
            if not field.required:
                combo.lineEdit().setPlaceholderText(self.tr("(none)"))
            combo.currentTextChanged.connect(lambda text, n=name: self._default(n, text))
            self.default_combos[name] = combo
            self.defaults_form.addRow(import_columns.field_label(self.job.kind, name) + ":", combo)
        self.defaults_box.setVisible(bool(wanted))

    def _mapped(self, column: int, name: str | None) -> None:
        for other in self.job.map_column(column, name):  # a field comes from one column: a previous column loses it
            combo = self.grid.cellWidget(other, 2)
            combo.blockSignals(True)
            combo.setCurrentIndex(0)
            combo.blockSignals(False)
            self._show_samples(other)
        self._show_samples(column)
        self._update_missing()

    def _default(self, name: str, text: str) -> None:
        self.job.set_default(name, text)
        self._update_missing()

    def _update_missing(self) -> None:
        missing = self.job.missing_fields()
        self.missing.setText(self.tr("Still needed: {fields}. Choose a column for each, or a value for all rows below.").format(
            fields="、".join(import_columns.field_label(self.job.kind, f) for f in missing)) if missing else "")
        self.completeChanged.emit()

    def isComplete(self) -> bool:
        return self.job is not None and not self.job.missing_fields()


# ---------------------------------------------------------------------------------------------
# page 3: preview and decisions


class PreviewModel(QAbstractTableModel):
    """The validated rows: row number, status, action, the reasons, then the mapped values (masked).

    A value that could not be taken shows what the file holds, on the colour of its problem."""

    FIXED = 4  # row, status, action, reason

    def __init__(self, job: importer.ImportJob, parent=None):
        super().__init__(parent)
        self.job = job
        self.fields = [name for name in job.mapping if name]
        spec = records.KINDS[job.kind]
        self.kinds = {name: spec.field(name) for name in self.fields}
        self.labels = [job.column_of(name) for name in self.fields]
        self.indexes = [job.mapping.index(name) for name in self.fields]  # the column of each field in the file

    def reset(self) -> None:
        self.beginResetModel()
        self.endResetModel()

    def rowCount(self, parent=QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self.job.results)

    def columnCount(self, parent=QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self.fields) + self.FIXED

    def headerData(self, section, orientation, role=Qt.ItemDataRole.DisplayRole):
        if orientation != Qt.Orientation.Horizontal or role != Qt.ItemDataRole.DisplayRole:
            return None
        if section < self.FIXED:
            return [self.tr("Row"), self.tr("Status"), self.tr("Action"), self.tr("Reason")][section]
        return self.labels[section - self.FIXED]

    def data(self, index, role=Qt.ItemDataRole.DisplayRole):
        result = self.job.results[index.row()]
        column = index.column()
        if role == Qt.ItemDataRole.UserRole:
            return result
        if role == Qt.ItemDataRole.BackgroundRole:
            if column == 1:
                return QBrush(STATUS_COLOURS[result.status])
            if column >= self.FIXED:
                problems = [i for i in result.issues if i.column == self.labels[column - self.FIXED]]
                if problems:
                    return QBrush(STATUS_COLOURS["error" if any(i.error for i in problems) else "warning"])
            return None
        if role not in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            return None
        if column == 0:
            return result.row
        if column == 1:
            return {"ok": self.tr("OK"), "warning": self.tr("Warning"), "error": self.tr("Error")}[result.status]
        if column == 2:
            return {"add": self.tr("add"), "update": self.tr("update"), "skip": self.tr("skip")}[result.action]
        if column == 3:
            return result.reasons()
        name = self.fields[column - self.FIXED]
        f = self.kinds[name]
        value = result.values.get(name)
        if value is not None and f.kind not in ("ref", "college") and result.clean.get(name) not in (None, ""):
            value = result.clean[name]  # as it will be stored: 2026-07-14, not the cell's 2026/7/14
        if value in (None, ""):  # nothing taken: show what the file holds
            cells = self.job.table.rows[index.row()][1]
            raw = cells[self.indexes[column - self.FIXED]]
            return "" if raw is None else shown(raw, f)
        if f.sensitive == "id":
            return mask_id(value)
        if f.sensitive == "phone":
            return mask_phone(value)
        if f.kind == "choice":
            return records.choice_label(f.ref, value)
        return str(value)


class StatusFilter(QSortFilterProxyModel):
    def __init__(self, parent=None):
        super().__init__(parent)
        self.status = "all"

    def set_status(self, status: str) -> None:
        self.beginFilterChange()
        self.status = status
        self.endFilterChange(QSortFilterProxyModel.Direction.Rows)

    def filterAcceptsRow(self, row: int, parent: QModelIndex) -> bool:
        if self.status == "all":
            return True
        result = self.sourceModel().job.results[row]
        return result.duplicate if self.status == "duplicate" else result.status == self.status


class PreviewPage(QWizardPage):
    def __init__(self, wizard: ImportWizard):
        super().__init__(wizard)
        self.setTitle(self.tr("Check the rows"))
        self.setSubTitle(self.tr("Nothing is written until you click Import; then all accepted rows are written together."))
        self.setCommitPage(True)
        self.setButtonText(QWizard.WizardButton.CommitButton, self.tr("&Import"))
        self.job: importer.ImportJob | None = None
        self.model: PreviewModel | None = None

        self.summary = QLabel(self)
        self.summary.setWordWrap(True)
        self.filter_combo = QComboBox(self)
        for key, label in zip(FILTERS, (self.tr("All rows"), self.tr("OK"), self.tr("Warnings"), self.tr("Errors"),
                                        self.tr("Duplicates"))):
            self.filter_combo.addItem(label, key)
        self.filter_combo.currentIndexChanged.connect(lambda: self.proxy.set_status(self.filter_combo.currentData()))
        self.proxy = StatusFilter(self)
        self.view = QTableView(self)
        self.view.setModel(self.proxy)
        self.view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.view.verticalHeader().setVisible(False)
        self.view.horizontalHeader().setStretchLastSection(True)
        self.detail = QLabel(self)  # the reasons of the current row, whole
        self.detail.setWordWrap(True)
        self.detail.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

        self.duplicates_box = QGroupBox(self.tr("Records already there (or twice in the file)"), self)
        self.update_radio = QRadioButton(self.tr("Update them from the file"), self.duplicates_box)
        self.skip_radio = QRadioButton(self.tr("Skip them"), self.duplicates_box)
        self.skip_radio.setChecked(True)
        self.update_radio.toggled.connect(self._duplicate_choice)
        update_selected = QPushButton(self.tr("Update selected"), self.duplicates_box)
        skip_selected = QPushButton(self.tr("Skip selected"), self.duplicates_box)
        update_selected.clicked.connect(lambda: self._decide_selected("update"))
        skip_selected.clicked.connect(lambda: self._decide_selected("skip"))
        row = QHBoxLayout(self.duplicates_box)
        for widget in (self.update_radio, self.skip_radio, update_selected, skip_selected):
            row.addWidget(widget)
        row.addStretch(1)

        self.trades_box = QGroupBox(self.tr("Majors and trades not in the catalog"), self)
        self.trades_form = QFormLayout(self.trades_box)
        self.skip_errors = QCheckBox(self.tr("Skip the rows with errors and import the others"), self)
        self.skip_errors.toggled.connect(self.completeChanged)

        top = QHBoxLayout()
        top.addWidget(self.summary, 1)
        top.addWidget(QLabel(self.tr("Show:"), self))
        top.addWidget(self.filter_combo)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.view, 1)
        layout.addWidget(self.detail)
        layout.addWidget(self.duplicates_box)
        layout.addWidget(self.trades_box)
        layout.addWidget(self.skip_errors)

    def initializePage(self) -> None:
        self.job = self.wizard().job
        self.model = PreviewModel(self.job, self)
        self.proxy.setSourceModel(self.model)
        self.view.selectionModel().currentRowChanged.connect(self._show_detail)
        self.job.set_on_duplicate("update" if self.update_radio.isChecked() else "skip")
        self.revalidate()
        self._build_trades()

    def revalidate(self) -> None:
        QGuiApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
        try:
            self.job.validate()
        finally:
            QGuiApplication.restoreOverrideCursor()
        self.refresh()

    def refresh(self) -> None:
        self.job.apply_actions()
        self.model.reset()
        results = self.job.results
        counts = {s: sum(1 for r in results if r.status == s) for s in ("ok", "warning", "error")}
        duplicates = sum(1 for r in results if r.duplicate)
        text = self.tr("{rows} rows: {ok} OK, {warning} with warnings, {error} with errors; {duplicates} duplicates.").format(
            rows=len(results), duplicates=duplicates, **counts)
        if self.job.new_names:
            text += " " + self.tr("Will be created: {names}.").format(names="；".join(self.job.new_names))
        if counts["error"]:
            text += " " + self.tr("Correct the rows with errors in the file and choose it again, or tick “Skip the rows with "
                                  "errors and import the others” below.")
        self.summary.setText(text)
        self.duplicates_box.setVisible(duplicates > 0)
        self.skip_errors.setVisible(counts["error"] > 0)
        self.view.resizeColumnsToContents()
        self.view.setColumnWidth(3, min(self.view.columnWidth(3), REASON_WIDTH))
        self._show_detail(self.view.currentIndex())
        self.completeChanged.emit()

    def _show_detail(self, current: QModelIndex, _previous: QModelIndex | None = None) -> None:
        result = self.proxy.data(current, Qt.ItemDataRole.UserRole) if current.isValid() else None
        self.detail.setText(self.tr("Row {row}: {reasons}").format(row=result.row, reasons=result.reasons())
                            if result is not None and result.issues else "")
        self.detail.setVisible(bool(self.detail.text()))

    def _build_trades(self) -> None:
        while self.trades_form.rowCount():
            self.trades_form.removeRow(0)
        trades = records.choices(self.job.db, "trades")
        for name, rows in sorted(self.job.unknown_trades.items()):
            combo = QComboBox(self.trades_box)
            combo.addItem(self.tr("— choose —"), None)
            combo.addItem(self.tr("Create the trade “{name}”").format(name=name), importer.NEW_TRADE)
            for trade_id, label in trades:
                combo.addItem(self.tr("Same as {trade}").format(trade=label), trade_id)
            combo.currentIndexChanged.connect(lambda _=0, n=name, box=combo: self._trade_chosen(n, box.currentData()))
            self.trades_form.addRow(self.tr("{name} ({count} rows):").format(name=name, count=len(rows)), combo)
        self.trades_box.setVisible(bool(self.job.unknown_trades))

    def _trade_chosen(self, name: str, trade_id) -> None:
        self.job.choose_trade(name, trade_id)
        self.revalidate()

    def _duplicate_choice(self) -> None:
        self.job.set_on_duplicate("update" if self.update_radio.isChecked() else "skip")
        self.refresh()

    def _decide_selected(self, action: str) -> None:
        for index in self.view.selectionModel().selectedRows():
            result = self.proxy.data(index, Qt.ItemDataRole.UserRole)
            if result.duplicate:
                self.job.decide(result.row, action)
        self.refresh()

    def isComplete(self) -> bool:
        if self.job is None or not self.job.results:
            return False
        if any(r.status == "error" for r in self.job.results) and not self.skip_errors.isChecked():
            return False
        return any(r.action != "skip" for r in self.job.results)

    def validatePage(self) -> bool:
        QGuiApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
        try:
            self.wizard().report = self.job.commit(skip_errors=self.skip_errors.isChecked())
        except UserError as exc:
            refused = str(exc)
        else:
            refused = None
        finally:  # also when an unexpected error goes on to the error message: no wait cursor left behind
            QGuiApplication.restoreOverrideCursor()
        if refused is not None:
            QMessageBox.warning(self, self.tr("Import"), refused)
            return False
        return True


# ---------------------------------------------------------------------------------------------
# page 4: the report


class ReportPage(QWizardPage):
    def __init__(self, wizard: ImportWizard):
        super().__init__(wizard)
        self.setTitle(self.tr("Imported"))
        self.setSubTitle(self.tr("Every row that was not simply added is listed with the reason. Save the report to keep it."))
        self.summary = QLabel(self)
        self.summary.setWordWrap(True)
        self.lines = QTableWidget(0, 3, self)
        self.lines.setHorizontalHeaderLabels([self.tr("Row"), self.tr("Result"), self.tr("Reason")])
        self.lines.horizontalHeader().setStretchLastSection(True)
        self.lines.verticalHeader().setVisible(False)
        self.lines.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.save_button = QPushButton(self.tr("Save the report as .xlsx…"), self)
        self.save_button.clicked.connect(self.save)
        layout = QVBoxLayout(self)
        layout.addWidget(self.summary)
        layout.addWidget(self.lines, 1)
        row = QHBoxLayout()
        row.addStretch(1)
        row.addWidget(self.save_button)
        layout.addLayout(row)

    def initializePage(self) -> None:
        report = self.wizard().report
        text = report.summary()
        if report.created:
            text += " " + self.tr("Created: {names}.").format(names="；".join(report.created))
        self.summary.setText(text)
        shown = [line for line in report.lines if line[1] != "added"]  # the added rows need no reading
        self.lines.setRowCount(len(shown))
        for i, (row, outcome, reason) in enumerate(shown):
            for column, value in enumerate((str(row), importer.outcome_label(outcome), reason)):
                self.lines.setItem(i, column, QTableWidgetItem(value))
        self.lines.resizeColumnsToContents()

    def save(self) -> None:
        source = Path(self.wizard().file_page.path_edit.text())
        suggestion = str(source.with_name(self.tr("{name} import report.xlsx").format(name=source.stem)))
        path, _ = QFileDialog.getSaveFileName(self, self.tr("Save the import report"), suggestion, self.tr("Excel workbook (*.xlsx)"))
        if not path:
            return
        if not path.lower().endswith(".xlsx"):
            path += ".xlsx"
        try:
            self.wizard().report.save_xlsx(path)
        except OSError as exc:
            QMessageBox.warning(self, self.tr("Save the import report"),
                                self.tr("{file} cannot be written: {error}").format(file=path, error=exc.strerror or exc))
            return
        self.wizard().saved_report = path


class ImportWizard(QWizard):
    """Import a roster; ImportWizard(db, parent, path=dropped_file) starts with that file read."""

    def __init__(self, db: Database, parent: QWidget | None = None, path: str | None = None):
        super().__init__(parent)
        self.db = db
        self.job: importer.ImportJob | None = None
        self.report: importer.ImportReport | None = None
        self.saved_report: str | None = None
        self.setWindowTitle(self.tr("Import a roster"))
        self.setWizardStyle(QWizard.WizardStyle.ClassicStyle)
        self.setOption(QWizard.WizardOption.NoBackButtonOnLastPage, True)
        self.setOption(QWizard.WizardOption.NoCancelButtonOnLastPage, True)
        self.file_page = FilePage(self)
        self.mapping_page = MappingPage(self)
        self.preview_page = PreviewPage(self)
        self.report_page = ReportPage(self)
        for page in (self.file_page, self.mapping_page, self.preview_page, self.report_page):
            self.addPage(page)
        resize_within_screen(self, 1000, 680)
        if path:
            self.file_page.load(str(path))

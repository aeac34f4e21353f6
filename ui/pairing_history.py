"""The History tab of the pairing page: what happened to a programme's pairs (pairs.history).

Ended pairs with why and by whom, pairs made against a rule, exclusions and re-matches, newest
first; the search finds names, student and employee numbers, pinyin (pairs.matching_people) and
words of the reasons. The columns are those of the export (exporter.COLUMNS["history"]), which
writes the same rows.
"""

from __future__ import annotations

from PySide6.QtCore import QSortFilterProxyModel, Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)
from sqlite_utils import Database

from mentormatch import exporter, pairs
from mentormatch.errors import UserError
from ui.rows_model import RowsModel

COLUMNS = exporter.columns("history")
SEARCHED_TEXT = ("event", "then_mentor", "reason", "override_reason", "by")  # besides the names and numbers


class HistoryModel(RowsModel):
    def __init__(self, parent=None):
        super().__init__(parent)
        self.headers = [c.title() for c in COLUMNS]

    def data(self, index, role=Qt.ItemDataRole.DisplayRole):
        if not index.isValid():
            return None
        row = self.rows[index.row()]
        key = COLUMNS[index.column()].key
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            return row[key] or ""
        return None


class HistoryFilter(QSortFilterProxyModel):
    """Rows whose apprentice or mentor was found, or whose texts hold every word typed."""

    def __init__(self, parent=None):
        super().__init__(parent)
        self.words: list[str] = []
        self.people: tuple[set[int], set[int]] = (set(), set())

    def filterAcceptsRow(self, source_row, source_parent) -> bool:
        if not self.words:
            return True
        row = self.sourceModel().rows[source_row]
        if row["apprentice_id"] in self.people[0] or row["mentor_id"] in self.people[1]:
            return True
        text = " ".join(str(row[k]) for k in SEARCHED_TEXT if row[k]).lower()
        return all(w in text for w in self.words)


class PairHistory(QWidget):
    """The history of the pairs of one programme (None: all), read when shown."""

    def __init__(self, db: Database, parent=None):
        super().__init__(parent)
        self.db = db
        self.programme_id: int | None = None
        self.search = QLineEdit(self)
        self.search.setPlaceholderText(self.tr("Find a name, student number, pinyin or a word of a reason"))
        self.search.setClearButtonEnabled(True)
        self.count = QLabel(self)
        self.export_button = QPushButton(self.tr("Export…"), self)
        self.model = HistoryModel(self)
        self.proxy = HistoryFilter(self)
        self.proxy.setSourceModel(self.model)
        self.table = QTableView(self)
        self.table.setModel(self.proxy)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.verticalHeader().hide()
        self.table.verticalHeader().setDefaultSectionSize(self.fontMetrics().height() + 8)
        self.table.horizontalHeader().setStretchLastSection(True)
        top = QHBoxLayout()
        top.addWidget(self.search, 1)
        top.addWidget(self.count)
        top.addWidget(self.export_button)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.table, 1)
        self.search.textChanged.connect(self._search)
        self.export_button.clicked.connect(self.export)

    def show_programme(self, programme_id: int | None) -> None:
        self.programme_id = programme_id
        self.model.set_rows(pairs.history(self.db, programme_id))
        self.table.resizeColumnsToContents()
        self._search(self.search.text())

    def _search(self, text: str) -> None:
        self.proxy.beginFilterChange()
        self.proxy.words = text.lower().split()
        self.proxy.people = pairs.matching_people(self.db, self.programme_id, text) if self.proxy.words else (set(), set())
        self.proxy.endFilterChange()
        self.count.setText(self.tr("{shown} of {total}").format(shown=self.proxy.rowCount(), total=self.model.rowCount()))

    def export(self) -> None:
        name = exporter.document_title(self.db, "history", self.programme_id)
        path, _ = QFileDialog.getSaveFileName(self, self.tr("Export the history"), name + ".xlsx",
                                              self.tr("Excel workbook (*.xlsx);;CSV (*.csv);;PDF (*.pdf)"))
        if not path:
            return
        try:
            count = exporter.export(self.db, "history", path, self.programme_id)
        except UserError as exc:
            QMessageBox.warning(self, self.tr("Export the history"), str(exc))
            return
        self.count.setText(self.tr("{count} rows written to {file}.").format(count=count, file=path))

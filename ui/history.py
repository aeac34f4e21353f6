"""The History page: the audit log, newest first, filtered by record type, action, user and words.

The ids passing the filters are read with one query (mentormatch.audit.query); the rows are read
a page at a time as the view shows them, since an import leaves a row per record. What the rows
say comes from audit.rows(), as the export writes it; personal data in it is masked at the source.
"""

from __future__ import annotations

from PySide6.QtCore import QAbstractTableModel, QModelIndex, Qt, QTimer
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QTableView,
    QVBoxLayout,
    QWidget,
)
from sqlite_utils import Database

from mentormatch import audit
from ui import column_widths

SETTINGS_KEY = "lists/history/header"
PAGE = 200
KEYS = ("at", "os_user", "computer", "action", "kind", "summary", "details")
WIDTHS = (140, 90, 110, 100, 80, 240, 420)


class HistoryModel(QAbstractTableModel):
    def __init__(self, db: Database, parent=None):
        super().__init__(parent)
        self.db = db
        self.ids: list[int] = []
        self._rows: dict[int, dict] = {}
        self.headers = [self.tr("Time"), self.tr("User"), self.tr("Computer"), self.tr("Action"), self.tr("Record type"),
                        self.tr("Record"), self.tr("Details")]

    def load(self, **filters) -> None:
        self.beginResetModel()
        self.ids = audit.query(self.db, **filters)
        self._rows.clear()
        self.endResetModel()

    def row(self, row: int) -> dict:
        item = self._rows.get(self.ids[row])
        if item is None:
            start = row - row % PAGE
            self._rows.update((r["id"], r) for r in audit.rows(self.db, self.ids[start:start + PAGE]))
            item = self._rows[self.ids[row]]
        return item

    def rowCount(self, parent=QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self.ids)

    def columnCount(self, parent=QModelIndex()) -> int:
        return 0 if parent.isValid() else len(KEYS)

    def headerData(self, section, orientation, role=Qt.ItemDataRole.DisplayRole):
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return self.headers[section]
        return None

    def data(self, index, role=Qt.ItemDataRole.DisplayRole):
        if not index.isValid() or role not in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            return None
        value = self.row(index.row())[KEYS[index.column()]]
        return "" if value is None else str(value)


class HistoryPage(QWidget):
    def __init__(self, db: Database, parent=None):
        super().__init__(parent)
        self.db = db
        self.kind = QComboBox(self)
        self.kind.addItem(self.tr("All records"), None)
        for kind in audit.kinds():
            self.kind.addItem(audit.kind_label(kind), kind)
        self.action = QComboBox(self)
        self.action.addItem(self.tr("All actions"), None)
        for action in audit.ACTIONS:
            self.action.addItem(audit.action_label(action), action)
        self.user = QComboBox(self)
        self.search = QLineEdit(self)
        self.search.setPlaceholderText(self.tr("Search names, numbers, details"))
        self.search.setClearButtonEnabled(True)
        self.count = QLabel(self)
        filters = QHBoxLayout()
        for label, widget in ((self.tr("Record type"), self.kind), (self.tr("Action"), self.action), (self.tr("User"), self.user)):
            filters.addWidget(QLabel(label, self))
            filters.addWidget(widget)
        filters.addWidget(self.search, 1)
        filters.addWidget(self.count)

        self.model = HistoryModel(db, self)
        self.view = QTableView(self)
        self.view.setModel(self.model)
        self.view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.view.setWordWrap(False)
        self.view.verticalHeader().hide()
        header = self.view.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setStretchLastSection(True)
        column_widths.restore(header, SETTINGS_KEY, WIDTHS)
        layout = QVBoxLayout(self)
        layout.addLayout(filters)
        layout.addWidget(self.view, 1)

        self._typing = QTimer(self)  # search as the user pauses typing, not at every key
        self._typing.setSingleShot(True)
        self._typing.setInterval(250)
        self._typing.timeout.connect(self.reload)
        self.search.textChanged.connect(self._typing.start)
        for combo in (self.kind, self.action, self.user):
            combo.currentIndexChanged.connect(self.reload)

    def refresh(self) -> None:
        """Shown again: the users known now, then the rows."""
        current = self.user.currentData()
        self.user.blockSignals(True)
        self.user.clear()
        self.user.addItem(self.tr("All users"), None)
        for name in audit.users(self.db):
            self.user.addItem(name, name)
        self.user.setCurrentIndex(max(self.user.findData(current), 0))
        self.user.blockSignals(False)
        self.reload()

    def reload(self) -> None:
        self._typing.stop()
        self.model.load(kind=self.kind.currentData(), action=self.action.currentData(), user=self.user.currentData(),
                        text=self.search.text())
        self.count.setText(self.tr("Entries: {count}").format(count=self.model.rowCount()))

    def save_state(self) -> None:
        column_widths.save(self.view.horizontalHeader(), SETTINGS_KEY)

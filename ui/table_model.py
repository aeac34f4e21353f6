"""A table model that reads a record list from SQLite on demand.

The ids matching the search text and programme filter are read in the chosen order with one
query; the rows themselves are read a page at a time as the view asks for them, and cached.
ID numbers and phones are masked here, so no list ever shows them in full.
"""

from __future__ import annotations

from PySide6.QtCore import QAbstractTableModel, QCoreApplication, QModelIndex, QPersistentModelIndex, Qt, Signal
from PySide6.QtGui import QBrush, QPalette
from PySide6.QtWidgets import QApplication
from sqlite_utils import Database

from mentormatch import records, settings
from mentormatch.validation import mask_id, mask_phone
from ui.lists import ListSpec

PAGE = 200
NUMERIC = (int, float)


def _with_escape(condition: str) -> str:
    return condition.replace("LIKE ?", "LIKE ? ESCAPE '\\'")


def like_pattern(term: str) -> str:
    """%term% with LIKE's wildcards in term taken literally."""
    return "%" + term.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%"


class RecordTableModel(QAbstractTableModel):
    """Rows of one ListSpec; search(), set_programme() and sort() re-run the id query.

    Empty until the first reload(); programme is the programme filter (None: all).
    """

    counts_changed = Signal(int, int)  # shown, total

    def __init__(self, db: Database, spec: ListSpec, parent=None):
        super().__init__(parent)
        self.db = db
        self.spec = spec
        self._ids: list[int] = []
        self._rows: dict[int, tuple] = {}
        self._row_of: dict[int, int] | None = None
        self._loaded = False
        self._search = ""
        self.programme: int | None = None
        self._sort_column = spec.default_sort
        self._order = Qt.SortOrder.AscendingOrder
        self._total = 0
        self._labels: dict[str, dict] = {}
        self._default_capacity = 0
        self._search_sql = [_with_escape(c) for c in spec.search]
        self._search_params = sum(c.count("?") for c in spec.search)

    # -- queries ----------------------------------------------------------------------------

    def reload(self) -> None:
        """Re-read the ids (after a change, a new search or sort); rows are re-read as shown."""
        self.beginResetModel()
        self._loaded = True
        self._ids = self._query_ids()
        self._rows.clear()
        self._row_of = None
        self._total = self.db.execute(f"SELECT COUNT(*) FROM {self.spec.kind}").fetchone()[0]
        self._default_capacity = settings.get(self.db, "default_capacity")
        self._labels = {name: {c.value: QCoreApplication.translate("Records", c.label) for c in choices}
                        for name, choices in records.CHOICES.items()}
        self._labels["gender"][""] = ""
        self.endResetModel()
        self.counts_changed.emit(len(self._ids), self._total)

    def _query_ids(self) -> list[int]:
        a = self.spec.alias
        where, params = [], []
        for term in self._search.split():
            where.append("(" + " OR ".join(self._search_sql) + ")")
            params += [like_pattern(term)] * self._search_params
        if self.programme is not None and self.spec.programme:
            where.append(self.spec.programme)
            params += [self.programme] * self.spec.programme.count("?")
        column = self.spec.columns[self._sort_column]
        direction = "DESC" if self._order == Qt.SortOrder.DescendingOrder else "ASC"
        sql = (f"SELECT {a}.id FROM {self.spec.kind} {a}"
               + (" WHERE " + " AND ".join(where) if where else "")
               + f" ORDER BY {column.sort or column.sql} {direction}, {a}.id {direction}")
        return [r[0] for r in self.db.execute(sql, params)]

    def _fetch_page(self, row: int) -> None:
        start = row - row % PAGE
        ids = self._ids[start:start + PAGE]
        columns = ", ".join(c.sql for c in self.spec.columns)
        a = self.spec.alias
        sql = f"SELECT {a}.id, {columns} FROM {self.spec.rows_from} WHERE {a}.id IN ({','.join('?' * len(ids))})"
        for r in self.db.execute(sql, ids):
            self._rows[r[0]] = r[1:]

    # -- filters ----------------------------------------------------------------------------

    def search(self, text: str) -> None:
        if text != self._search:
            self._search = text
            self.reload()

    def set_programme(self, programme_id: int | None) -> None:
        if programme_id != self.programme:
            self.programme = programme_id
            self.reload()

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        self._sort_column, self._order = column, order
        if self._loaded:
            self.reload()

    # -- access -----------------------------------------------------------------------------

    @property
    def total(self) -> int:
        return self._total

    def record_id(self, row: int) -> int:
        return self._ids[row]

    def row_of(self, record_id: int) -> int | None:
        if self._row_of is None:
            self._row_of = {rid: i for i, rid in enumerate(self._ids)}
        return self._row_of.get(record_id)

    # -- QAbstractTableModel ----------------------------------------------------------------

    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self._ids)

    def columnCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self.spec.columns)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole):
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return QCoreApplication.translate("Lists", self.spec.columns[section].header)
        return None

    def data(self, index: QModelIndex | QPersistentModelIndex, role: int = Qt.ItemDataRole.DisplayRole):
        if not index.isValid():
            return None
        if role not in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.TextAlignmentRole, Qt.ItemDataRole.ForegroundRole):
            return None
        record_id = self._ids[index.row()]
        row = self._rows.get(record_id)
        if row is None:
            self._fetch_page(index.row())
            row = self._rows.get(record_id)
            if row is None:  # deleted meanwhile; the next reload drops it
                return None
        value = row[index.column()]
        show = self.spec.columns[index.column()].show
        if role == Qt.ItemDataRole.TextAlignmentRole:
            if isinstance(value, NUMERIC) and not show or show == "capacity":
                return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            return None
        if role == Qt.ItemDataRole.ForegroundRole:
            if show == "capacity" and value is None:  # the default setting applies
                return QBrush(QApplication.palette().color(QPalette.ColorGroup.Disabled, QPalette.ColorRole.Text))
            return None
        return self._display(show, value)

    def _display(self, show: str, value):
        if value is None:
            return self._default_capacity if show == "capacity" else ""
        if show == "id":
            return mask_id(value)
        if show == "phone":
            return mask_phone(value)
        if show == "bool":
            return "✓" if value else ""
        if show in ("level", "gender", "kind"):
            return self._labels["apprentice_kind" if show == "kind" else show].get(value, value)
        return value

"""A table model that reads a record list from SQLite on demand.

The ids matching the search text and programme filter are read in the chosen order with one
query; the rows themselves are read a page at a time as the view asks for them, and cached.
ID numbers and phones are masked here, so no list ever shows them in full.
"""

from __future__ import annotations

from PySide6.QtCore import (
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
    Signal,
)
from PySide6.QtGui import QBrush, QColor
from sqlite_utils import Database

from mentormatch import pinyin, records
from mentormatch.validation import mask_id, mask_phone
from ui.lists import ListSpec

PAGE = 200
NUMERIC = (int, float)
OVER_CAPACITY = QBrush(QColor("#b3261e"))


def over_capacity(load: str) -> bool:
    """True for a load shown as "9/8": more active pairs than places."""
    pairs, _, capacity = load.partition("/")
    return int(pairs) > int(capacity)


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
        self.condition = ""  # one of ListSpec.filters' conditions, or "" for every record
        self._sort_column = spec.default_sort
        self._order = Qt.SortOrder.AscendingOrder
        self._total = 0
        self._labels: dict[str, dict] = {}
        self._search_sql = [_with_escape(c) for c in spec.search]
        self._search_params = sum(c.count("?") for c in spec.search)
        self._ranks: dict[int, dict] = {}  # column -> {text: position in pinyin order}, kept while the model lives
        pinyin.register(db.conn)

    # -- queries ----------------------------------------------------------------------------

    def reload(self) -> None:
        """Re-read everything after the data changed; rows are re-read as they are shown."""
        self._total = self.db.execute(f"SELECT COUNT(*) FROM {self.spec.kind}").fetchone()[0]
        self._labels = {name: {c.value: QCoreApplication.translate("Records", c.label) for c in choices}
                        for name, choices in records.CHOICES.items()}
        self._labels["gender"][""] = ""
        self._loaded = True
        self._requery()

    def _requery(self) -> None:
        """Re-read the ids for a new search, filter or order; nothing else has changed."""
        self.beginResetModel()
        self._ids = self._query_ids()
        self._rows.clear()
        self._row_of = None
        self.endResetModel()
        self.counts_changed.emit(len(self._ids), self._total)

    def _query_ids(self) -> list[int]:
        a = self.spec.alias
        where, params = [], []
        for term in self._search.split():
            conditions, term_params = list(self._search_sql), [like_pattern(term)] * self._search_params
            typed = pinyin.search_condition(term) if self.spec.pinyin else None
            if typed:  # "zxy", "zhaoxiaoyan", "赵xy": also the names' pinyin
                conditions += [c.format(typed[0]) for c in self.spec.pinyin]
                term_params += typed[1] * len(self.spec.pinyin)
            where.append("(" + " OR ".join(conditions) + ")")
            params += term_params
        if self.programme is not None and self.spec.programme:
            where.append(self.spec.programme)
            params += [self.programme] * self.spec.programme.count("?")
        if self.condition:
            where.append(self.condition)
        column = self.spec.columns[self._sort_column]
        order_by = column.sort or column.sql
        descending = self._order == Qt.SortOrder.DescendingOrder
        direction = "DESC" if descending else "ASC"
        condition = " WHERE " + " AND ".join(where) if where else ""
        if column.collate:  # pinyin order, ranked once, then an integer sort
            sql = f"SELECT {a}.id, {order_by} FROM {self.spec.kind} {a}{condition} ORDER BY {a}.id {direction}"
            rows = self.db.execute(sql, params).fetchall()
            rank = self._pinyin_ranks(self._sort_column, {text for _, text in rows})
            rows.sort(key=lambda r: rank[r[1]], reverse=descending)
            return [r[0] for r in rows]
        sql = f"SELECT {a}.id FROM {self.spec.kind} {a}{condition} ORDER BY {order_by} {direction}, {a}.id {direction}"
        return [r[0] for r in self.db.execute(sql, params)]

    def _pinyin_ranks(self, column: int, texts: set) -> dict:
        """Each text's position in pinyin order; a column's ranks are re-made only when new texts appear."""
        rank = self._ranks.get(column, {})
        if not texts <= rank.keys():
            everything = sorted(rank.keys() | texts, key=lambda t: (pinyin.sort_key(t or ""), t or ""))
            rank = self._ranks[column] = {text: i for i, text in enumerate(everything)}
        return rank

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
            if self._loaded:
                self._requery()

    def set_programme(self, programme_id: int | None) -> None:
        if programme_id != self.programme:
            self.programme = programme_id
            if self._loaded:
                self._requery()

    def set_condition(self, condition: str) -> None:
        if condition != self.condition:
            self.condition = condition
            if self._loaded:
                self._requery()

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        self._sort_column, self._order = column, order
        if self._loaded:
            self._requery()

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
        if role not in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole, Qt.ItemDataRole.TextAlignmentRole,
                        Qt.ItemDataRole.ForegroundRole):
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
            if show == "load":
                return int(Qt.AlignmentFlag.AlignCenter)
            if isinstance(value, NUMERIC) and not show:
                return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            return None
        if role == Qt.ItemDataRole.ForegroundRole:
            if show == "load" and over_capacity(value):
                return OVER_CAPACITY
            return None
        if role == Qt.ItemDataRole.ToolTipRole:  # the whole of a long text (aliases, a description) in a narrow column
            return value if not show and isinstance(value, str) and value else None
        return self._display(show, value)

    def _display(self, show: str, value):
        if value is None:
            return ""
        if show == "id":
            return mask_id(value)
        if show == "phone":
            return mask_phone(value)
        if show == "bool":
            return "✓" if value else ""
        if show in ("level", "gender", "kind"):
            return self._labels["apprentice_kind" if show == "kind" else show].get(value, value)
        return value

"""The pairing workspace: propose pairs in the background, review the draft, pair by hand, undo.

The solve runs as a background job (ui/jobs.py) with plain data read on the main thread (one
SQLite connection per thread); the draft is written back on the main thread in one transaction.
Every action on pairs goes through mentormatch.pairs and is kept for Undo (Ctrl+Z).
"""

from __future__ import annotations

from PySide6.QtCore import (
    QT_TRANSLATE_NOOP,
    QByteArray,
    QCollator,
    QDate,
    QItemSelection,
    QItemSelectionModel,
    QLocale,
    QMimeData,
    QSortFilterProxyModel,
    Qt,
    Signal,
)
from PySide6.QtGui import QAction, QBrush, QColor, QFont, QKeySequence
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QFrame,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMenu,
    QMessageBox,
    QProgressBar,
    QPushButton,
    QSplitter,
    QTableView,
    QTabWidget,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)
from sqlite_utils import Database

from mentormatch import capacity, matching, pairs, scoring
from mentormatch.errors import UserError, user_message
from mentormatch.records import choice_label
from ui import jobs
from ui.pairing_history import PairHistory
from ui.programme_combo import fill_programmes
from ui.rows_model import RowsModel
from ui.settings_dialog import FormDialog, WeightsForm

APPRENTICE_MIME = "application/x-mentormatch-apprentice"
ID_ROLE = Qt.ItemDataRole.UserRole
SORT_ROLE = Qt.ItemDataRole.UserRole + 1
TRADE_ROLE = Qt.ItemDataRole.UserRole + 2  # of a trade's group in the trees
DRAFT_BACKGROUND = QColor("#FFF3CD")
FULL_COLOUR = QColor("#B02A37")
MOVE_COLOUR = QColor("#8A4B08")
# the status filter of the pairing page: which pairs and apprentices it shows
STATUS_FILTERS = (
    ("", QT_TRANSLATE_NOOP("PairingPage", "Every status")),
    ("proposed", QT_TRANSLATE_NOOP("PairingPage", "Draft")),
    ("confirmed", QT_TRANSLATE_NOOP("PairingPage", "Confirmed")),
    ("moved", QT_TRANSLATE_NOOP("PairingPage", "Moves (re-match)")),
    ("unmatched", QT_TRANSLATE_NOOP("PairingPage", "Unmatched")),
)
# of matching.supply_demand; a trade's free_confirmed counts all its mentors (a host enterprise's row leaves it empty)
SUPPLY_COLUMNS = ("trade", "needing", "in_draft", "free_confirmed", "usable_confirmed", "usable_after_draft", "shortfall", "reasons")


# ---------------------------------------------------------------------------------------------
# lists


class ApprenticeTree(QTreeWidget):
    """Apprentices without a mentor, grouped by trade; an apprentice can be dragged onto a mentor."""

    def __init__(self, parent=None):
        super().__init__(parent)
        self.setHeaderLabels([self.tr("Apprentice"), self.tr("Student no."), self.tr("Host enterprise"), self.tr("Why unmatched")])
        self.header().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.setDragEnabled(True)
        self.setDragDropMode(QAbstractItemView.DragDropMode.DragOnly)
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)

    def mimeTypes(self) -> list[str]:
        return [APPRENTICE_MIME]

    def mimeData(self, items) -> QMimeData:
        data = QMimeData()
        ids = [str(i.data(0, ID_ROLE)) for i in items if i.data(0, ID_ROLE)]
        data.setData(APPRENTICE_MIME, QByteArray(",".join(ids).encode()))
        return data

    def selected_id(self) -> int | None:
        item = self.currentItem()
        return item.data(0, ID_ROLE) if item is not None else None


class MentorTree(QTreeWidget):
    """Active mentors under each trade they teach, with their load; dropping an apprentice on a mentor pairs them."""

    apprentice_dropped = Signal(int, int)  # apprentice id, mentor id

    def __init__(self, parent=None):
        super().__init__(parent)
        self.setHeaderLabels([self.tr("Mentor"), self.tr("Enterprise"), self.tr("Skill level"), self.tr("Load (with draft) / capacity")])
        self.header().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.setAcceptDrops(True)
        self.setDragDropMode(QAbstractItemView.DragDropMode.DropOnly)
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)

    def _target(self, event) -> int | None:
        item = self.itemAt(event.position().toPoint())
        if event.mimeData().hasFormat(APPRENTICE_MIME) and item is not None:
            return item.data(0, ID_ROLE)
        return None

    def dragEnterEvent(self, event) -> None:
        if event.mimeData().hasFormat(APPRENTICE_MIME):
            event.acceptProposedAction()
        else:
            event.ignore()

    def dragMoveEvent(self, event) -> None:
        if self._target(event):
            event.acceptProposedAction()
        else:
            event.ignore()

    def dropEvent(self, event) -> None:
        mentor = self._target(event)
        if not mentor:
            event.ignore()
            return
        event.acceptProposedAction()
        for text in bytes(event.mimeData().data(APPRENTICE_MIME)).decode().split(","):
            if text.isdigit():
                self.apprentice_dropped.emit(int(text), mentor)

    def selected_id(self) -> int | None:
        item = self.currentItem()
        return item.data(0, ID_ROLE) if item is not None else None


class SupplyTree(QTreeWidget):
    """Supply and demand: a row per trade, under it a row per host enterprise of its apprentices."""

    def __init__(self, parent=None):
        super().__init__(parent)
        self.setHeaderLabels([self.tr("Trade / host enterprise"), self.tr("Apprentices needing a mentor"), self.tr("Of them in the draft"),
                              self.tr("Free places (confirmed)"), self.tr("Usable by them (confirmed)"), self.tr("Usable after draft"),
                              self.tr("Cannot be placed"), self.tr("Why")])
        for column, tip in (
                (3, self.tr("Places left against confirmed pairs, of all the trade's active mentors (as in the mentor list)")),
                (4, self.tr("Free places (confirmed) of the mentors these apprentices may have: their trade (or a related one, "
                            "when allowed), at their host enterprise if they have one, not excluded")),
                (5, self.tr("Places of those mentors left once the draft is accepted")),
                (6, self.tr("Apprentices the best possible pairing leaves without a mentor"))):
            self.headerItem().setToolTip(column, tip)
        self.header().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.setRootIsDecorated(True)
        self.setUniformRowHeights(True)

    def _item(self, parent, row: dict, name: str) -> QTreeWidgetItem:
        why = self.tr("; ").join(self.tr("{reason}: {count}").format(reason=matching.reason_text(reason), count=count)
                                 for reason, count in sorted(row["reasons"].items(), key=lambda kv: matching.REASONS.index(kv[0])))
        values = {**row, "trade": name, "reasons": why, "free_confirmed": row.get("free_confirmed", "")}
        item = QTreeWidgetItem(parent, [str(values[key]) for key in SUPPLY_COLUMNS])
        for column in range(1, len(SUPPLY_COLUMNS)):
            if SUPPLY_COLUMNS[column] != "reasons":
                item.setTextAlignment(column, Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if row["shortfall"]:
            for column in (6, 7):
                item.setForeground(column, QBrush(FULL_COLOUR))
        return item

    def fill(self, rows: list[dict]) -> None:
        self.setUpdatesEnabled(False)
        self.clear()
        for row in rows:
            trade = self._item(self, row, row["trade"])
            trade.setToolTip(0, self.tr("{count} active mentors teach this trade").format(count=row["mentors"]))
            font = trade.font(0)
            font.setBold(True)
            trade.setFont(0, font)
            for host in row["hosts"]:
                item = self._item(trade, host, host["host"] or self.tr("No host enterprise (any enterprise)"))
                item.setToolTip(0, host["host_full"] or self.tr("Apprentices without a host enterprise may have a mentor of any enterprise"))
            trade.setExpanded(bool(row["shortfall"]))
        self.setUpdatesEnabled(True)


class PairsModel(RowsModel):
    """The active pairs of the scope; draft rows look different from confirmed ones, and a draft
    pair that takes its apprentice from a confirmed mentor (a re-match) says so."""

    MOVE_COLUMN = 8

    def __init__(self, parent=None):
        super().__init__(parent)
        self.headers = [self.tr("Status"), self.tr("Apprentice"), self.tr("Student no."), self.tr("College"), self.tr("Trade"),
                        self.tr("Mentor"), self.tr("Enterprise"), self.tr("Score"), self.tr("Re-match"), self.tr("Why this mentor")]

    def move_text(self, row: dict) -> str:
        moved = row["moved_from"]
        if moved is None:
            return ""
        if moved["score_change"] is None:
            return self.tr("from {old} → {new}").format(old=moved["mentor"], new=row["mentor"])
        return self.tr("from {old} → {new}, score {change:+d}").format(old=moved["mentor"], new=row["mentor"],
                                                                     change=moved["score_change"])

    def status_text(self, row: dict) -> str:
        text = self.tr("Draft") if row["status"] == "proposed" else self.tr("Confirmed")
        if row["moved_from"]:
            text = self.tr("{status} · move").format(status=text)
        if row["locked"]:
            text = self.tr("{status} · locked").format(status=text)
        if row["override_reason"]:
            text = self.tr("{status} · override").format(status=text)
        return text

    def value(self, row: dict, column: int):
        if column == 0:
            return self.status_text(row)
        if column == self.MOVE_COLUMN:
            return self.move_text(row)
        if column == 9:
            return scoring.explain(row["breakdown"]) if row["breakdown"] else ""
        key = {1: "apprentice", 2: "student_no", 3: "college", 4: "trade", 5: "mentor", 6: "enterprise", 7: "score"}[column]
        return row[key]

    def data(self, index, role=Qt.ItemDataRole.DisplayRole):
        if not index.isValid():
            return None
        row, column = self.rows[index.row()], index.column()
        draft = row["status"] == "proposed"
        if role in (Qt.ItemDataRole.DisplayRole, SORT_ROLE):
            value = self.value(row, column)
            if role == SORT_ROLE:
                if column == 0:
                    return 0 if draft else 1
                if column == self.MOVE_COLUMN:  # moves together, by their score change
                    return row["moved_from"]["score_change"] or 0 if row["moved_from"] else -10 ** 6
                return value if value is not None else -1
            return "" if value is None else str(value)
        if role == ID_ROLE:
            return row["id"]
        if role == Qt.ItemDataRole.BackgroundRole and draft:
            return QBrush(DRAFT_BACKGROUND)
        if role == Qt.ItemDataRole.ForegroundRole and row["moved_from"] and column in (0, self.MOVE_COLUMN):
            return QBrush(MOVE_COLOUR)
        if role == Qt.ItemDataRole.FontRole and draft:
            font = QFont()
            font.setItalic(True)
            return font
        if role == Qt.ItemDataRole.ToolTipRole:
            if row["moved_from"] and column in (0, self.MOVE_COLUMN):
                return self.tr("Accepting this pair ends the confirmed pair with {old} (score {score}).").format(
                    old=row["moved_from"]["mentor"], score=row["moved_from"]["score"])
            if row["override_reason"]:
                return self.tr("Paired by hand against a rule: {reason}").format(reason=row["override_reason"])
            return scoring.explain(row["breakdown"]) if row["breakdown"] else None
        if role == Qt.ItemDataRole.TextAlignmentRole and column == 7:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None


class PairsFilter(QSortFilterProxyModel):
    """The pairs that pass the page's filters (accepts(row) -> bool; None: all)."""

    def __init__(self, parent=None):
        super().__init__(parent)
        self.accepts = None

    def filterAcceptsRow(self, source_row, source_parent) -> bool:
        return self.accepts is None or self.accepts(self.sourceModel().rows[source_row])


# ---------------------------------------------------------------------------------------------
# dialogs


class ReasonDialog(QDialog):
    """Asks for a reason, always required (and optionally a date): the message, then the date, then
    the reason, which has the keyboard focus; Enter in it confirms once it is filled. Used to override a
    rule, unpair, exclude and revoke a letter."""

    def __init__(self, title: str, message: str, *, with_date: bool = False, ok_text: str = "", parent=None):
        super().__init__(parent)
        self.setWindowTitle(title)
        layout = QVBoxLayout(self)
        label = QLabel(message, self)
        label.setWordWrap(True)
        layout.addWidget(label)
        form = QFormLayout()
        self.date = None  # a widget only where a date is asked: a hidden one would still take the focus
        if with_date:
            self.date = QDateEdit(QDate.currentDate(), self)
            self.date.setCalendarPopup(True)
            self.date.setDisplayFormat("yyyy-MM-dd")
            form.addRow(self.tr("Date"), self.date)
        self.reason = QLineEdit(self)
        form.addRow(self.tr("Reason"), self.reason)
        layout.addLayout(form)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self)
        ok = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        if ok_text:
            ok.setText(ok_text)
        ok.setDefault(True)  # Enter in the reason presses it, while it is enabled
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout.addWidget(self.buttons)
        ok.setEnabled(False)
        self.reason.textChanged.connect(lambda text: ok.setEnabled(bool(text.strip())))
        self.reason.setFocus()
        self.resize(460, self.heightForWidth(460) if self.hasHeightForWidth() else self.sizeHint().height())

    def values(self) -> tuple[str, str]:
        """The date (empty where none is asked) and the reason as typed, trimmed."""
        return self.date.date().toString("yyyy-MM-dd") if self.date else "", self.reason.text().strip()


class WeightsDialog(FormDialog):
    """The score weights on their own (Weights…): the form of Settings → Pairing."""

    def __init__(self, db: Database, parent=None):
        super().__init__(db, WeightsForm(db), parent)
        self.setWindowTitle(self.tr("Pairing weights"))
        self.resize(560, self.sizeHint().height())


class MentorChooser(QDialog):
    """Choose the mentor to move a paired apprentice to: the active mentors of their trade (or of
    every trade), found by name, employee number or pinyin."""

    def __init__(self, db: Database, pair: dict, parent=None):
        super().__init__(parent)
        self.db = db
        self.pair = pair
        self.setWindowTitle(self.tr("Move {apprentice} to another mentor").format(apprentice=pair["apprentice"]))
        text = (self.tr("{apprentice} ({trade}) is now with {mentor}. Choose the new mentor; the pair with {mentor} "
                        "ends and stays in the history.") if pair["status"] == "confirmed" else
                self.tr("{apprentice} ({trade}) is proposed for {mentor}. Choose the mentor to pair them with instead; "
                        "the draft pair goes."))
        label = QLabel(text.format(apprentice=pair["apprentice"], trade=pair["trade"], mentor=pair["mentor"]), self)
        label.setWordWrap(True)
        self.search = QLineEdit(self)
        self.search.setPlaceholderText(self.tr("Find a mentor by name, employee number or pinyin"))
        self.search.setClearButtonEnabled(True)
        self.every_trade = QCheckBox(self.tr("Mentors of every trade"), self)
        self.list = QTreeWidget(self)
        self.list.setRootIsDecorated(False)
        self.list.setHeaderLabels([self.tr("Mentor"), self.tr("Enterprise"), self.tr("Trade"), self.tr("Load (with draft) / capacity")])
        self.list.header().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self)
        self.ok = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.ok.setText(self.tr("Move"))
        search = QHBoxLayout()
        search.addWidget(self.search, 1)
        search.addWidget(self.every_trade)
        layout = QVBoxLayout(self)
        layout.addWidget(label)
        layout.addLayout(search)
        layout.addWidget(self.list, 1)
        layout.addWidget(self.buttons)
        self.loads = pairs.mentor_loads(db)
        self.search.textChanged.connect(self._fill)
        self.every_trade.toggled.connect(self._fill)
        self.list.currentItemChanged.connect(lambda *args: self.ok.setEnabled(self.mentor_id() is not None))
        self.list.itemDoubleClicked.connect(self.accept)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        self._fill()
        self.search.setFocus()
        self.resize(640, 420)

    def _fill(self) -> None:
        text = self.search.text()
        found = pairs.matching_people(self.db, None, text)[1] if text.strip() else None
        seen = {self.pair["mentor_id"]}
        self.list.clear()
        for row in self.loads:
            if row["id"] in seen or (found is not None and row["id"] not in found):
                continue
            if not self.every_trade.isChecked() and row["trade_id"] != self.pair["trade_id"]:
                continue
            seen.add(row["id"])
            item = QTreeWidgetItem(self.list, [row["name"], row["enterprise"], row["trade"], f"{row['load']}/{row['capacity']}"])
            item.setData(0, ID_ROLE, row["id"])
            if not row["free_after_draft"]:
                item.setForeground(3, QBrush(FULL_COLOUR))
        self.ok.setEnabled(self.mentor_id() is not None)

    def mentor_id(self) -> int | None:
        item = self.list.currentItem()
        return item.data(0, ID_ROLE) if item is not None else None


# ---------------------------------------------------------------------------------------------
# the page


class PairingPage(QWidget):
    def __init__(self, db: Database, parent=None):
        super().__init__(parent)
        self.db = db
        self.history: list[pairs.Change] = []
        self._solving = False

        self.programme = QComboBox(self)
        self.programme.setMinimumWidth(200)
        self.allow_related = QCheckBox(self.tr("Allow related trades"), self)
        self.rematch = QCheckBox(self.tr("Re-match everything not locked"), self)
        self.rematch.setToolTip(self.tr("Confirmed pairs that are not locked may move too; the continuity bonus keeps the good ones."))
        self.propose_button = QPushButton(self.tr("Propose pairs"), self)
        self.propose_button.setDefault(True)
        self.weights_button = QPushButton(self.tr("Weights…"), self)
        self.progress = QProgressBar(self)
        self.progress.setRange(0, 100)
        self.progress.setMaximumWidth(180)
        self.progress.hide()
        self.status = QLabel(self)
        top = QHBoxLayout()
        top.addWidget(QLabel(self.tr("Programme"), self))
        top.addWidget(self.programme)
        top.addWidget(self.allow_related)
        top.addWidget(self.rematch)
        top.addWidget(self.propose_button)
        top.addWidget(self.progress)
        top.addStretch(1)
        top.addWidget(self.weights_button)
        self.status.setWordWrap(True)
        self.stale_banner = self._stale_banner()

        self.apprentices = ApprenticeTree(self)
        self.mentors = MentorTree(self)
        self.by_hand_button = QPushButton(self.tr("Pair selected apprentice with selected mentor"), self)
        left = self._boxed(self.tr("Apprentices without a mentor"), self.apprentices)
        right = self._boxed(self.tr("Mentors (drop an apprentice on a mentor to pair them)"), self.mentors, self.by_hand_button)
        upper = QSplitter(Qt.Orientation.Horizontal, self)
        upper.addWidget(left)
        upper.addWidget(right)

        self.model = PairsModel(self)
        self.proxy = PairsFilter(self)
        self.proxy.setSourceModel(self.model)
        self.proxy.setSortRole(SORT_ROLE)
        self.table = QTableView(self)
        self.table.setModel(self.proxy)
        self.table.setSortingEnabled(True)
        self.table.sortByColumn(0, Qt.SortOrder.AscendingOrder)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.table.verticalHeader().hide()
        self.table.verticalHeader().setDefaultSectionSize(self.fontMetrics().height() + 8)
        self.table.horizontalHeader().setStretchLastSection(True)
        # columns fit the first rows' texts: measuring every one of a thousand pairs took most of a second
        self.table.horizontalHeader().setResizeContentsPrecision(200)
        self.why = QLabel(self)
        self.why.setWordWrap(True)
        self.accept_all_button = QPushButton(self.tr("Accept all"), self)
        self.accept_selected_button = QPushButton(self.tr("Accept selected"), self)
        self.discard_button = QPushButton(self.tr("Discard draft"), self)
        self.unpair_button = QPushButton(self.tr("Unpair…"), self)
        self.move_button = QPushButton(self.tr("Move to mentor…"), self)
        self.move_button.setToolTip(self.tr("Pair the selected apprentice with another mentor in one step; the old pair stays in the history."))
        self.lock_button = QPushButton(self.tr("Lock"), self)
        self.unlock_button = QPushButton(self.tr("Unlock"), self)
        self.exclude_button = QPushButton(self.tr("Never pair these two…"), self)
        self.undo_action = QAction(self.tr("Undo"), self)
        self.undo_action.setShortcut(QKeySequence.StandardKey.Undo)
        self.undo_action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        self.addAction(self.undo_action)
        self.undo_button = QPushButton(self.tr("Undo"), self)
        buttons = QHBoxLayout()  # the draft's buttons, and below those on pairs: one row is too wide at 150 %
        for button in (self.accept_all_button, self.accept_selected_button, self.discard_button):
            buttons.addWidget(button)
        buttons.addStretch(1)
        buttons.addWidget(self.undo_button)
        pair_buttons = QHBoxLayout()
        for button in (self.unpair_button, self.move_button, self.lock_button, self.unlock_button, self.exclude_button):
            pair_buttons.addWidget(button)
        pair_buttons.addStretch(1)
        pairs_tab = QWidget(self)
        pairs_layout = QVBoxLayout(pairs_tab)
        pairs_layout.addWidget(self.table, 1)
        pairs_layout.addWidget(self.why)
        pairs_layout.addLayout(buttons)
        pairs_layout.addLayout(pair_buttons)

        self.supply = SupplyTree(self)
        self.tabs = QTabWidget(self)
        self.tabs.addTab(pairs_tab, self.tr("Pairs"))
        self.tabs.addTab(self.supply, self.tr("Supply and demand"))
        self.history_view = PairHistory(db, self)
        self.tabs.addTab(self.history_view, self.tr("History"))

        for view in (self.apprentices, self.mentors, self.table):  # a few rows each: fits 1366×768 at 150 %
            view.setMinimumHeight(40)
        main = QSplitter(Qt.Orientation.Vertical, self)
        main.addWidget(upper)
        main.addWidget(self.tabs)
        main.setStretchFactor(0, 2)
        main.setStretchFactor(1, 3)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.status)
        layout.addLayout(self._filter_bar())
        layout.addWidget(self.stale_banner)
        layout.addWidget(main, 1)

        self.programme.currentIndexChanged.connect(self.refresh)
        self.allow_related.toggled.connect(self._fill_apprentices)
        self.allow_related.toggled.connect(self._fill_supply)
        self.tabs.currentChanged.connect(self._fill_supply)
        self.propose_button.clicked.connect(self.propose)
        self.weights_button.clicked.connect(self.edit_weights)
        self.mentors.apprentice_dropped.connect(self.pair_by_hand)
        self.by_hand_button.clicked.connect(self._pair_selected)
        self.accept_all_button.clicked.connect(self.accept_all)
        self.accept_selected_button.clicked.connect(self.accept_selected)
        self.discard_button.clicked.connect(lambda: self._apply(lambda: pairs.discard_draft(self.db, self.programme_id())))
        self.unpair_button.clicked.connect(self.unpair)
        self.move_button.clicked.connect(self.move_to_mentor)
        self.table.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.table.customContextMenuRequested.connect(self._pair_menu)
        self.tabs.currentChanged.connect(self._show_history)
        self.lock_button.clicked.connect(lambda: self._apply(lambda: pairs.set_locked(self.db, self.selected_pair_ids(), True)))
        self.unlock_button.clicked.connect(lambda: self._apply(lambda: pairs.set_locked(self.db, self.selected_pair_ids(), False)))
        self.exclude_button.clicked.connect(self.exclude)
        self.undo_button.clicked.connect(self.undo)
        self.undo_action.triggered.connect(self.undo)
        self.table.selectionModel().selectionChanged.connect(self._selection_changed)
        self.allow_related.toggled.connect(self._apply_filters)
        self.refresh()

    def _filter_bar(self) -> QHBoxLayout:
        """Search and filters that narrow the pairs, the apprentices without a mentor and the mentors together."""
        self.search = QLineEdit(self)
        self.search.setPlaceholderText(self.tr("Find a name, student or employee number, or pinyin (zxy)"))
        self.search.setClearButtonEnabled(True)
        self.trade_filter = QComboBox(self)
        self.enterprise_filter = QComboBox(self)
        self.enterprise_filter.setMaximumWidth(260)
        self.status_filter = QComboBox(self)
        for value, label in STATUS_FILTERS:
            self.status_filter.addItem(self.tr(label), value)
        self.filter_count = QLabel(self)
        bar = QHBoxLayout()
        bar.addWidget(self.search, 2)
        bar.addWidget(self.trade_filter, 1)
        bar.addWidget(self.enterprise_filter, 1)
        bar.addWidget(self.status_filter)
        bar.addWidget(self.filter_count)
        self.search.textChanged.connect(self._apply_filters)
        for combo in (self.trade_filter, self.enterprise_filter, self.status_filter):
            combo.currentIndexChanged.connect(self._apply_filters)
        return bar

    def _stale_banner(self) -> QFrame:
        """Shown while the draft was proposed from other weights, capacities, exclusions or records than there are now."""
        banner = QFrame(self)
        banner.setObjectName("staleBanner")
        banner.setStyleSheet(f"#staleBanner {{ background: {DRAFT_BACKGROUND.name()}; border: 1px solid #E0B252; }}")
        self.stale_text = QLabel(self.tr("<b>The draft is out of date:</b> weights, capacities, exclusions, records or other pairs "
                                         "have changed since it was proposed. Its scores and pairs are those of before."), banner)
        self.stale_text.setWordWrap(True)
        self.repropose_button = QPushButton(self.tr("Propose again"), banner)
        self.repropose_button.clicked.connect(self.propose)
        row = QHBoxLayout(banner)
        row.addWidget(self.stale_text, 1)
        row.addWidget(self.repropose_button)
        banner.hide()
        return banner

    @staticmethod
    def _boxed(title: str, *widgets: QWidget) -> QWidget:
        box = QWidget()
        layout = QVBoxLayout(box)
        layout.setContentsMargins(0, 0, 0, 0)
        label = QLabel(f"<b>{title}</b>")
        layout.addWidget(label)
        for widget in widgets:
            layout.addWidget(widget, 1 if isinstance(widget, QTreeWidget) else 0)
        return box

    # -- reading ----------------------------------------------------------------------------

    def programme_id(self) -> int | None:
        return self.programme.currentData()

    def refresh(self) -> None:
        kept, scroll = {r["apprentice_id"] for r in self._selected_rows()}, self.table.verticalScrollBar().value()
        fill_programmes(self.programme, self.db, self.tr("All programmes"), all_last=True)
        self._fill_apprentices()
        self._fill_mentors()
        self.model.set_rows(pairs.list_pairs(self.db, self.programme_id()))
        self.table.resizeColumnsToContents()
        self._fill_supply()
        self._fill_filters()
        self._apply_filters()
        self._keep_selection(kept, scroll)
        self._show_history()
        self._show_draft_state()
        self._selection_changed()
        self._update_buttons()

    def _fill_filters(self) -> None:
        """The trades and enterprises of what the page shows, in pinyin order; a refill keeps the choice."""
        collator = QCollator(QLocale(QLocale.Language.Chinese, QLocale.Country.China))
        trades = {r["trade_id"]: r["trade"] for r in self.model.rows}
        enterprises = {r["enterprise_id"]: r["enterprise"] for r in self.model.rows}
        for row in self.unpaired:
            trades[row["trade_id"]] = row["trade"]
            if row["host_id"] is not None:
                enterprises.setdefault(row["host_id"], row["host"])
        for row in self.mentor_rows:
            trades[row["trade_id"]] = row["trade"]
            enterprises.setdefault(row["enterprise_id"], row["enterprise"])
        for combo, every, choices in ((self.trade_filter, self.tr("Every trade"), trades),
                                      (self.enterprise_filter, self.tr("Every enterprise"), enterprises)):
            wanted = combo.currentData()
            combo.blockSignals(True)
            combo.clear()
            combo.addItem(every, None)
            for value, name in sorted(choices.items(), key=lambda c: collator.sortKey(c[1])):
                combo.addItem(name, value)
            combo.setCurrentIndex(max(combo.findData(wanted), 0))
            combo.blockSignals(False)

    def _apply_filters(self, *args) -> None:
        """Narrow the three views to the search and filters: a pair by its apprentice's trade, its
        mentor's enterprise, its status and either person found; an apprentice without a mentor by
        trade, host enterprise and name; a mentor by trade and enterprise and, when the search or a
        status narrows the pairs, found by name or mentoring a pair shown."""
        text = self.search.text().strip()
        trade, enterprise, status = self.trade_filter.currentData(), self.enterprise_filter.currentData(), self.status_filter.currentData()
        found_apprentices, found_mentors = pairs.matching_people(self.db, self.programme_id(), text) if text else (None, None)

        def pair_shown(row: dict) -> bool:
            return ((trade is None or row["trade_id"] == trade) and (enterprise is None or row["enterprise_id"] == enterprise)
                    and (not status or row["status"] == status or (status == "moved" and row["moved_from"] is not None))
                    and (found_apprentices is None or row["apprentice_id"] in found_apprentices or row["mentor_id"] in found_mentors))

        self.proxy.beginFilterChange()
        self.proxy.accepts = pair_shown if text or trade is not None or enterprise is not None or status else None
        self.proxy.endFilterChange()
        hosts = {r["id"]: r["host_id"] for r in self.unpaired}
        unmatched = self._filter_tree(self.apprentices, trade, lambda a: (
            status in ("", "unmatched") and (enterprise is None or hosts[a] == enterprise)
            and (found_apprentices is None or a in found_apprentices)))
        narrowed = bool(text) or status in ("proposed", "confirmed", "moved")
        paired = {self.model.rows[self.proxy.mapToSource(self.proxy.index(r, 0)).row()]["mentor_id"]
                  for r in range(self.proxy.rowCount())} if narrowed else set()
        employers = {r["id"]: r["enterprise_id"] for r in self.mentor_rows}
        mentors = self._filter_tree(self.mentors, trade, lambda m: (
            (enterprise is None or employers[m] == enterprise)
            and (not narrowed or m in paired or (found_mentors is not None and m in found_mentors))))
        filtered = self.proxy.accepts is not None
        self.filter_count.setText(self.tr("Shown: {pairs} pairs, {unmatched} without a mentor, {mentors} mentors").format(
            pairs=self.proxy.rowCount(), unmatched=unmatched, mentors=mentors) if filtered else "")

    @staticmethod
    def _filter_tree(tree: QTreeWidget, trade: int | None, shown) -> int:
        """Hide the items of tree that shown(id) refuses, and groups left empty; returns the items shown."""
        count = 0
        for i in range(tree.topLevelItemCount()):
            group = tree.topLevelItem(i)
            right_trade = trade is None or group.data(0, TRADE_ROLE) == trade
            visible = 0
            for j in range(group.childCount()):
                item = group.child(j)
                hide = not (right_trade and shown(item.data(0, ID_ROLE)))
                item.setHidden(hide)
                visible += not hide
            group.setHidden(not visible)
            count += visible
        return count

    def _keep_selection(self, apprentice_ids: set[int], scroll: int) -> None:
        """Select again the pairs of these apprentices (their pair may be new) and scroll back."""
        if apprentice_ids:
            selection = QItemSelection()
            for r in range(self.proxy.rowCount()):
                index = self.proxy.index(r, 0)
                if self.model.rows[self.proxy.mapToSource(index).row()]["apprentice_id"] in apprentice_ids:
                    selection.select(index, self.proxy.index(r, self.proxy.columnCount() - 1))
            self.table.selectionModel().select(selection, QItemSelectionModel.SelectionFlag.ClearAndSelect)
        self.table.verticalScrollBar().setValue(scroll)

    def _show_history(self, *args) -> None:
        if self.tabs.currentWidget() is self.history_view:
            self.history_view.show_programme(self.programme_id())

    def _show_draft_state(self) -> None:
        self.stale_banner.setVisible(matching.draft_state(self.db, self.programme_id()).stale)

    def _fill_apprentices(self) -> None:
        tree = self.apprentices
        tree.clear()
        groups: dict[str, QTreeWidgetItem] = {}
        rows = self.unpaired = pairs.unpaired_apprentices(self.db, self.programme_id())
        try:
            reasons = matching.unpaired_reasons(self.db, self.programme_id(), allow_related=self.allow_related.isChecked())
        except UserError:
            reasons = {}
        for row in rows:
            group = groups.get(row["trade"])
            if group is None:
                group = groups[row["trade"]] = QTreeWidgetItem(tree, [row["trade"]])
                group.setFlags(group.flags() & ~Qt.ItemFlag.ItemIsDragEnabled)
                group.setData(0, TRADE_ROLE, row["trade_id"])
            reason = reasons.get(row["id"])
            why = matching.reason_text(reason) if reason else ""
            if row["loses_mentor"]:  # a re-match draft leaves them without their confirmed mentor
                why = self.tr("loses {mentor} if the draft is accepted").format(mentor=row["loses_mentor"])
            item = QTreeWidgetItem(group, [row["name"], row["student_no"], row["host_short"] or row["host"], why])
            if row["loses_mentor"]:
                item.setForeground(3, QBrush(MOVE_COLOUR))
            item.setData(0, ID_ROLE, row["id"])
            item.setToolTip(2, row["host"])
        for name, group in groups.items():
            group.setText(0, self.tr("{trade} ({count})").format(trade=name, count=group.childCount()))
            font = group.font(0)
            font.setBold(True)
            group.setFont(0, font)
        tree.expandAll()

    def _fill_mentors(self) -> None:
        tree = self.mentors
        tree.clear()
        groups: dict[int, list] = {}
        self.mentor_rows = pairs.mentor_loads(self.db)
        for row in self.mentor_rows:
            groups.setdefault(row["trade_id"], []).append(row)
        places = capacity.by_trade(self.db)
        for trade_id, rows in groups.items():
            trade = places[trade_id]
            text = self.tr("{trade} ({count} mentors; free places (confirmed) {free}; free after draft {after})").format(
                trade=rows[0]["trade"], count=trade.mentors, free=trade.free_confirmed, after=trade.free_after_draft)
            group = QTreeWidgetItem(tree, [text])
            group.setData(0, TRADE_ROLE, trade_id)
            font = group.font(0)
            font.setBold(True)
            group.setFont(0, font)
            group.setFirstColumnSpanned(True)
            group.setToolTip(0, self.tr("Free places of all the active mentors of this trade; the Supply and demand tab shows "
                                        "how many of them the apprentices still needing a mentor may use."))
            for row in rows:
                name = row["name"] if not row["other_trades"] else self.tr("{name} (also {trades})").format(
                    name=row["name"], trades=row["other_trades"])
                item = QTreeWidgetItem(group, [name, row["enterprise"], choice_label("level", row["skill_level"]),
                                               f"{row['load']}/{row['capacity']}"])
                item.setData(0, ID_ROLE, row["id"])
                item.setToolTip(0, self.tr("{years} years of experience").format(years=row["years"]))
                if not row["free_after_draft"]:
                    item.setForeground(3, QBrush(FULL_COLOUR))
        tree.expandAll()

    def _fill_supply(self, *args) -> None:
        """Fill the supply tab when it is on screen (it solves the scope: tens of ms at a thousand
        apprentices); otherwise empty it, to be filled when it is shown."""
        if self.tabs.currentWidget() is not self.supply:
            self.supply.clear()
        else:
            self.supply.fill(matching.supply_demand(self.db, self.programme_id(), allow_related=self.allow_related.isChecked()))

    def selected_pair_ids(self) -> list[int]:
        return [self.proxy.data(i, ID_ROLE) for i in self.table.selectionModel().selectedRows()]

    def _selected_rows(self) -> list[dict]:
        wanted = set(self.selected_pair_ids())
        return [r for r in self.model.rows if r["id"] in wanted]

    def _selection_changed(self, *args) -> None:
        rows = self._selected_rows()
        if len(rows) == 1:
            row = rows[0]
            text = self.tr("{apprentice} → {mentor}: score {score} ({why})").format(
                apprentice=row["apprentice"], mentor=row["mentor"], score=row["score"], why=scoring.explain(row["breakdown"]))
            if row["override_reason"]:
                text += " " + self.tr("Paired by hand against a rule: {reason}").format(reason=row["override_reason"])
            self.why.setText(text)
        else:
            self.why.setText(self.tr("Select a pair to see why this mentor was chosen."))
        self._update_buttons()

    def _update_buttons(self) -> None:
        busy = self._solving
        rows = self._selected_rows()
        drafts = any(r["status"] == "proposed" for r in self.model.rows)
        for widget in (self.programme, self.allow_related, self.rematch, self.propose_button, self.repropose_button, self.weights_button,
                       self.by_hand_button, self.apprentices, self.mentors):
            widget.setEnabled(not busy)
        self.accept_all_button.setEnabled(not busy and drafts)
        self.discard_button.setEnabled(not busy and drafts)
        self.accept_selected_button.setEnabled(not busy and any(r["status"] == "proposed" for r in rows))
        self.unpair_button.setEnabled(not busy and len(rows) == 1 and not rows[0]["locked"])
        self.move_button.setEnabled(not busy and len(rows) == 1 and not rows[0]["locked"])
        self.exclude_button.setEnabled(not busy and len(rows) == 1 and not rows[0]["locked"])
        self.lock_button.setEnabled(not busy and any(not r["locked"] for r in rows))
        self.unlock_button.setEnabled(not busy and any(r["locked"] for r in rows))
        can_undo = not busy and bool(self.history)
        self.undo_button.setEnabled(can_undo)
        self.undo_action.setEnabled(can_undo)
        self.undo_button.setToolTip(self.tr("Undo: {action}").format(action=self.history[-1].label) if self.history else "")

    # -- proposing --------------------------------------------------------------------------

    def propose(self) -> None:
        try:
            instance = matching.load_instance(self.db, self.programme_id(), allow_related=self.allow_related.isChecked(),
                                              rematch=self.rematch.isChecked())
        except UserError as exc:
            QMessageBox.warning(self, self.tr("Propose pairs"), str(exc))
            return
        self.progress.setValue(0)
        self.status.setText(self.tr("Proposing pairs for {count} apprentices…").format(count=len(instance.app_id)))
        # the solve touches no database and no widget: plain data in, a proposal out
        job = jobs.run_job(self, lambda keep_going: matching.solve(instance, keep_going),
                           on_done=lambda proposal: self._proposal_ready(instance, proposal),
                           on_error=self._proposal_failed, busy=self._set_solving)
        job.progress.connect(self.progress.setValue)

    def _set_solving(self, solving: bool) -> None:
        self._solving = solving
        self.progress.setVisible(solving)
        self._update_buttons()

    def _proposal_ready(self, instance: matching.Instance, proposal: matching.Proposal) -> None:
        try:
            self.history.append(matching.write_draft(self.db, instance, proposal))
        except UserError as exc:
            self.status.setText(str(exc))
            self.refresh()
            return
        draft = matching.draft_state(self.db, self.programme_id())  # its own total, from the pairs' stored scores
        self.status.setText(self.tr("Draft: {pairs} pairs, total score {score}; {unmatched} apprentices cannot be matched. "
                                    "Review it, then accept or discard.").format(
            pairs=draft.pairs, score=draft.total_score, unmatched=len(proposal.unmatched)))
        self.refresh()
        self._count_moves()

    def _count_moves(self) -> None:
        """Add the draft's new pairs and its moves (re-matched confirmed pairs), counted apart, to the status."""
        drafts = [r for r in self.model.rows if r["status"] == "proposed"]
        moved = sum(r["moved_from"] is not None for r in drafts)
        if drafts:
            self.status.setText(self.status.text() + " " + self.tr("New pairs {new}, moves {moved}.").format(
                new=len(drafts) - moved, moved=moved))

    def _proposal_failed(self, exc: BaseException) -> None:
        message = user_message(exc)
        if message is None:
            message = self.tr("The pairs could not be proposed: {error}. Nothing was changed.").format(error=exc)
        self.status.setText(message)
        jobs.show_error(self, exc, self.tr("Propose pairs"))

    # -- actions ----------------------------------------------------------------------------

    def _apply(self, action) -> bool:
        try:
            change = action()
        except UserError as exc:
            QMessageBox.warning(self, self.tr("Pairing"), str(exc))
            return False
        self.history.append(change)
        self.status.setText(self.tr("Done: {action}.").format(action=change.label))
        self.refresh()
        return True

    def accept_all(self) -> None:
        self._accept([r for r in self.model.rows if r["status"] == "proposed"], None)

    def accept_selected(self) -> None:
        drafts = [r for r in self._selected_rows() if r["status"] == "proposed"]
        self._accept(drafts, [r["id"] for r in drafts])

    def _accept(self, drafts: list[dict], ids: list[int] | None) -> None:
        """Accept these draft pairs (ids None: the whole draft), first asking when that changes confirmed pairs."""
        moved = sum(r["moved_from"] is not None for r in drafts)
        lost = sum(r["loses_mentor"] is not None for r in self.unpaired) if ids is None else 0
        if moved or lost:
            answer = QMessageBox.question(self, self.tr("Accept the draft"), self.tr(
                "Accepting {count} draft pairs changes {changed} confirmed pairs: {moved} apprentices move to another mentor, "
                "{lost} lose their mentor. The confirmed pairs that end stay in the history.\n\nAccept?").format(
                count=len(drafts), changed=moved + lost, moved=moved, lost=lost))
            if answer != QMessageBox.StandardButton.Yes:
                return
        if self._apply(lambda: pairs.accept(self.db, self.programme_id(), ids)):
            left = sum(r["status"] == "proposed" for r in self.model.rows)
            self.status.setText(self.tr("Accepted {accepted} pairs ({moved} of them moves); {left} draft pairs remain.").format(
                accepted=len(drafts), moved=moved, left=left) if moved else self.tr(
                "Accepted {accepted} pairs; {left} draft pairs remain.").format(accepted=len(drafts), left=left))

    def move_to_mentor(self) -> None:
        rows = self._selected_rows()
        if len(rows) != 1:
            return
        row = rows[0]
        dialog = MentorChooser(self.db, row, self)
        if dialog.exec() != QDialog.DialogCode.Accepted or dialog.mentor_id() is None:
            return
        mentor = next(m["name"] for m in dialog.loads if m["id"] == dialog.mentor_id())
        if self.pair_by_hand(row["apprentice_id"], dialog.mentor_id()):
            self.status.setText(self.tr("{apprentice} moved from {old} to {new}; Undo puts it back.").format(
                apprentice=row["apprentice"], old=row["mentor"], new=mentor))

    def _pair_menu(self, position) -> None:
        """The actions on the selected pairs, as the buttons below the table offer them."""
        menu = QMenu(self)
        for button in (self.accept_selected_button, self.move_button, self.unpair_button, self.exclude_button,
                       self.lock_button, self.unlock_button):
            action = menu.addAction(button.text())
            action.setEnabled(button.isEnabled())
            action.triggered.connect(button.click)
        menu.popup(self.table.viewport().mapToGlobal(position))

    def _pair_selected(self) -> None:
        apprentice, mentor = self.apprentices.selected_id(), self.mentors.selected_id()
        if not apprentice or not mentor:
            QMessageBox.information(self, self.tr("Pair by hand"), self.tr("Select an apprentice on the left and a mentor on the right."))
            return
        self.pair_by_hand(apprentice, mentor)

    def pair_by_hand(self, apprentice_id: int, mentor_id: int) -> bool:
        """Pair these two as the coordinator asked (a broken rule needs a reason); True when done."""
        allow_related = self.allow_related.isChecked()
        try:
            problems = pairs.violations(self.db, apprentice_id, mentor_id, allow_related)
        except UserError as exc:
            QMessageBox.warning(self, self.tr("Pair by hand"), str(exc))
            return False
        reason = None
        if problems:
            dialog = ReasonDialog(
                self.tr("A rule would be broken"),
                self.tr("Pairing these two breaks a rule:") + "\n• " + "\n• ".join(problems) + "\n\n"
                + self.tr("Pair them anyway only if you have a good reason; it is recorded with the pair."),
                ok_text=self.tr("Pair anyway"), parent=self)
            if dialog.exec() != QDialog.DialogCode.Accepted:
                return False
            reason = dialog.values()[1]
        return self._apply(lambda: pairs.pair_by_hand(self.db, apprentice_id, mentor_id, reason, allow_related))

    def unpair(self) -> None:
        rows = self._selected_rows()
        if len(rows) != 1:
            return
        row = rows[0]
        if row["status"] == "proposed":
            self._apply(lambda: pairs.unpair(self.db, row["id"], "", self.tr("removed from the draft")))
            return
        dialog = ReasonDialog(self.tr("Unpair"), self.tr("End the pair {apprentice} → {mentor}. The pair stays in the history.").format(
            apprentice=row["apprentice"], mentor=row["mentor"]), with_date=True, ok_text=self.tr("Unpair"), parent=self)
        if dialog.exec() == QDialog.DialogCode.Accepted:
            ended_on, reason = dialog.values()
            self._apply(lambda: pairs.unpair(self.db, row["id"], ended_on, reason))

    def exclude(self) -> None:
        rows = self._selected_rows()
        if len(rows) != 1:
            return
        row = rows[0]
        dialog = ReasonDialog(self.tr("Never pair these two"), self.tr(
            "{apprentice} and {mentor} will never be paired again, and their pair ends.").format(
            apprentice=row["apprentice"], mentor=row["mentor"]), ok_text=self.tr("Never pair"), parent=self)
        if dialog.exec() == QDialog.DialogCode.Accepted:
            self._apply(lambda: pairs.exclude(self.db, row["apprentice_id"], row["mentor_id"], dialog.values()[1]))

    def undo(self) -> None:
        if not self.history or self._solving:
            return
        try:
            change = pairs.undo_last(self.db, self.history)
        except UserError as exc:
            QMessageBox.warning(self, self.tr("Undo"), str(exc))
            self.refresh()
            return
        self.status.setText(self.tr("Undone: {action}.").format(action=change.label))
        self.refresh()

    def edit_weights(self) -> None:
        WeightsDialog(self.db, self).exec()
        self._show_draft_state()

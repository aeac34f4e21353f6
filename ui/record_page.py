"""One record list page: toolbar (add, edit, delete), search box, programme filter and the table.

Enter on a row opens it, as a double-click does. Some lists act on many selected rows at once
(ui/bulk_edit.py): apprentices are edited together, mentors moved to another enterprise, colleges
merged; Undo (Ctrl+Z) reverses the page's last bulk edit.
"""

from __future__ import annotations

import zlib

from PySide6.QtCore import (
    QT_TRANSLATE_NOOP,
    QCoreApplication,
    QItemSelectionModel,
    Qt,
    Signal,
)
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDialog,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QStackedWidget,
    QStyle,
    QTableView,
    QToolBar,
    QVBoxLayout,
    QWidget,
)
from sqlite_utils import Database

from mentormatch import pairs, records, sample
from mentormatch.errors import UserError
from ui import bulk_edit, column_widths
from ui.delete_dialog import confirm_delete
from ui.lists import LISTS
from ui.programme_combo import fill_programmes
from ui.record_dialog import RecordDialog
from ui.table_model import RecordTableModel

BULK = {  # kind -> (dialog of ui/bulk_edit.py, action label, tooltip)
    "apprentices": ("BulkEditDialog", QT_TRANSLATE_NOOP("RecordPage", "Edit selected…"),
                    QT_TRANSLATE_NOOP("RecordPage", "Set the programme, host enterprise, class, dates or target level "
                                                    "of all selected apprentices")),
    "mentors": ("MoveMentorsDialog", QT_TRANSLATE_NOOP("RecordPage", "Move to enterprise…"),
                QT_TRANSLATE_NOOP("RecordPage", "Move the selected mentors to another enterprise")),
    "colleges": ("MergeCollegesDialog", QT_TRANSLATE_NOOP("RecordPage", "Merge…"),
                 QT_TRANSLATE_NOOP("RecordPage", "Merge the selected colleges into one; their apprentices move with them")),
}


class RecordPage(QWidget):
    """A searchable, sortable list of one kind of record (apprentices, mentors, …)."""

    counts_changed = Signal(str)  # a line for the status bar
    data_changed = Signal()  # a record was added, changed or removed
    import_requested = Signal()  # the empty list's "Import from Excel or CSV…"
    sample_requested = Signal()  # the empty list's "Load the sample data"

    def __init__(self, db: Database, kind: str, parent=None):
        super().__init__(parent)
        self.db = db
        self.kind = kind
        self.spec = LISTS[kind]
        self.model = RecordTableModel(db, self.spec, self)
        self.model.counts_changed.connect(self._show_counts)

        style = self.style()
        self.add_action = QAction(style.standardIcon(QStyle.StandardPixmap.SP_FileIcon), self.tr("Add"), self)
        self.add_action.setShortcut(QKeySequence.StandardKey.New)
        self.edit_action = QAction(style.standardIcon(QStyle.StandardPixmap.SP_FileDialogDetailedView), self.tr("Edit"), self)
        self.delete_action = QAction(style.standardIcon(QStyle.StandardPixmap.SP_TrashIcon), self.tr("Delete"), self)
        self.delete_action.setShortcut(QKeySequence.StandardKey.Delete)
        self.find_action = QAction(self.tr("Search"), self)
        self.find_action.setShortcut(QKeySequence.StandardKey.Find)
        for action, tip in ((self.add_action, self.tr("Add a record (Ctrl+N)")),
                            (self.edit_action, self.tr("Edit the selected record (double-click)")),
                            (self.delete_action, self.tr("Delete the selected records (Del)"))):
            action.setToolTip(tip)
        self.add_action.triggered.connect(self.add_record)
        self.edit_action.triggered.connect(self.edit_selected)
        self.delete_action.triggered.connect(self.delete_selected)
        self.find_action.triggered.connect(self.focus_search)
        for action in (self.add_action, self.find_action):  # only the page on show takes them
            action.setShortcutContext(Qt.ShortcutContext.WindowShortcut)
            self.addAction(action)

        toolbar = QToolBar(self)
        toolbar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        toolbar.addActions([self.add_action, self.edit_action, self.delete_action])
        self._build_bulk_actions(toolbar)

        self.search_box = QLineEdit(self)
        self.search_box.setClearButtonEnabled(True)
        self.search_box.setPlaceholderText(self._search_hint())
        hint_width = self.search_box.fontMetrics().horizontalAdvance(self.search_box.placeholderText()) + 40  # + the clear button
        self.search_box.setMinimumWidth(240)  # fits 911 logical pixels (1366×768 at 150 %)
        self.search_box.setMaximumWidth(max(320, hint_width))  # grows until the whole hint shows
        self.search_box.textChanged.connect(self.model.search)

        self.programme_box = QComboBox(self)
        self.programme_box.setMinimumContentsLength(18)
        self.programme_box.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.programme_box.currentIndexChanged.connect(lambda: self.model.set_programme(self.programme_box.currentData()))
        self.programme_box.setVisible(bool(self.spec.programme))

        self.filter_box = QComboBox(self)
        self.filter_box.addItem(self.tr("All"), "")
        for label, condition in self.spec.filters:
            self.filter_box.addItem(QCoreApplication.translate("Lists", label), condition)
        self.filter_box.currentIndexChanged.connect(lambda: self.model.set_condition(self.filter_box.currentData()))
        self.filter_box.setVisible(bool(self.spec.filters))

        self.table = QTableView(self)
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setAlternatingRowColors(True)
        self.table.setWordWrap(False)
        self.table.verticalHeader().hide()
        self.table.verticalHeader().setDefaultSectionSize(self.fontMetrics().height() + 8)
        self.table.horizontalHeader().setHighlightSections(False)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.activated.connect(lambda index: self.edit_record(self.model.record_id(index.row())))  # double-click or Enter
        self.delete_action.setShortcutContext(Qt.ShortcutContext.WidgetShortcut)
        self.table.addAction(self.delete_action)
        self._restore_columns()

        top = QHBoxLayout()
        top.setContentsMargins(0, 0, 0, 0)
        top.addWidget(toolbar)
        top.addStretch(1)
        top.addWidget(self.filter_box)
        top.addWidget(self.programme_box)
        top.addWidget(self.search_box, 1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 4, 6, 0)
        layout.addLayout(top)
        self.body = QStackedWidget(self)
        self.body.addWidget(self.table)
        self.getting_started = self._build_getting_started()
        self.body.addWidget(self.getting_started)
        layout.addWidget(self.body)
        self.table.selectionModel().selectionChanged.connect(self._update_actions)
        self.model.modelReset.connect(self._update_actions)
        self._update_actions()

    def _search_hint(self) -> str:
        hints = {
            "apprentices": self.tr("Search name or pinyin (zxy), student number, college, class, trade, enterprise (Ctrl+F)"),
            "mentors": self.tr("Search name or pinyin, employee number, trade, enterprise (Ctrl+F)"),
            "enterprises": self.tr("Search name or pinyin, contact, address, credit code (Ctrl+F)"),
            "programmes": self.tr("Search name, description (Ctrl+F)"),
            "trades": self.tr("Search name, code, alias (Ctrl+F)"),
            "colleges": self.tr("Search name (Ctrl+F)"),
        }
        return hints[self.kind]

    # -- showing --------------------------------------------------------------------------

    def refresh(self) -> None:
        """Re-read the list (called whenever the page is shown), keeping the selection."""
        selected = self.selected_ids()
        self._fill_programmes()
        self.model.reload()
        self.select_ids(selected)

    def _fill_programmes(self) -> None:
        if not self.spec.programme:
            return
        fill_programmes(self.programme_box, self.db, self.tr("All programmes"))
        self.model.programme = self.programme_box.currentData()

    def _build_getting_started(self) -> QWidget:
        """What an empty list shows instead of a blank table: how to get records in."""
        titles = {
            "apprentices": self.tr("No apprentices yet"),
            "mentors": self.tr("No mentors yet"),
            "enterprises": self.tr("No enterprises yet"),
            "programmes": self.tr("No programmes yet"),
            "trades": self.tr("No trades yet"),
            "colleges": self.tr("No colleges yet"),
        }
        panel = QWidget(self)
        title = QLabel(f"<h2>{titles[self.kind]}</h2>", panel)
        text = QLabel(self.tr("Add them one by one, import a roster from Excel or CSV (or drop the file on this "
                              "window), or load the sample data to try MentorMatch first."), panel)
        text.setWordWrap(True)
        add = QPushButton(self.add_action.icon(), self.tr("Add…"), panel)
        add.clicked.connect(self.add_record)
        self.import_button = QPushButton(self.tr("Import from Excel or CSV…"), panel)
        self.import_button.clicked.connect(self.import_requested)
        self.import_button.setVisible(self.kind in ("apprentices", "mentors", "enterprises"))
        self.sample_button = QPushButton(self.tr("Load the sample data"), panel)
        self.sample_button.clicked.connect(self.sample_requested)
        buttons = QHBoxLayout()
        for button in (add, self.import_button, self.sample_button):
            buttons.addWidget(button)
        buttons.addStretch(1)
        column = QVBoxLayout()
        column.addStretch(1)
        column.addWidget(title)
        column.addWidget(text)
        column.addLayout(buttons)
        column.addStretch(2)
        outer = QHBoxLayout(panel)
        outer.addStretch(1)
        outer.addLayout(column, 3)
        outer.addStretch(1)
        return panel

    def _show_counts(self, shown: int, total: int) -> None:
        if total == 0:
            self.sample_button.setVisible(sample.is_empty(self.db))
        self.body.setCurrentWidget(self.getting_started if total == 0 else self.table)
        plural = QCoreApplication.translate("Records", records.KINDS[self.kind].plural)
        if shown == total:
            text = self.tr("{kind}: {total}").format(kind=plural, total=total)
        else:
            text = self.tr("{kind}: {shown} of {total} shown").format(kind=plural, shown=shown, total=total)
        self.counts_changed.emit(text)

    def focus_search(self) -> None:
        self.search_box.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.search_box.selectAll()

    # -- selection ------------------------------------------------------------------------

    def selected_ids(self) -> list[int]:
        return [self.model.record_id(i.row()) for i in self.table.selectionModel().selectedRows()]

    def select_ids(self, ids: list[int]) -> None:
        selection = self.table.selectionModel()
        first = None
        for rid in ids:
            row = self.model.row_of(rid)
            if row is not None:
                flags = QItemSelectionModel.SelectionFlag.Select | QItemSelectionModel.SelectionFlag.Rows
                selection.select(self.model.index(row, 0), flags)
                first = row if first is None else first
        if first is not None:
            self.table.scrollTo(self.model.index(first, 0))
            selection.setCurrentIndex(self.model.index(first, 0), QItemSelectionModel.SelectionFlag.NoUpdate)

    def _update_actions(self) -> None:
        count = len(self.table.selectionModel().selectedRows())
        self.edit_action.setEnabled(count == 1)
        self.delete_action.setEnabled(count > 0)
        if self.bulk_action is not None:
            self.bulk_action.setEnabled(count > 0)

    # -- editing --------------------------------------------------------------------------

    def add_record(self) -> None:
        self._open_dialog(None)

    def edit_selected(self) -> None:
        ids = self.selected_ids()
        if len(ids) == 1:
            self.edit_record(ids[0])

    def edit_record(self, record_id: int) -> None:
        self._open_dialog(record_id)

    def _open_dialog(self, record_id: int | None) -> None:
        dialog = RecordDialog(self.db, self.kind, record_id, self)
        if dialog.exec():
            self.model.reload()
            self.table.clearSelection()
            self.select_ids([dialog.record_id])
            self.data_changed.emit()

    def delete_selected(self) -> None:
        ids = self.selected_ids()
        if ids and confirm_delete(self, self.db, self.kind, ids):
            self.refresh()
            self.data_changed.emit()

    # -- many records at once (ui/bulk_edit.py) --------------------------------------------

    def _build_bulk_actions(self, toolbar: QToolBar) -> None:
        self.bulk_action: QAction | None = None
        self.history: list[pairs.Change] = []  # the bulk edits Undo can reverse, the last one last
        self.undo_action = QAction(self.tr("Undo"), self)
        self.undo_action.setShortcut(QKeySequence.StandardKey.Undo)
        self.undo_action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        self.undo_action.triggered.connect(self.undo)
        if self.kind not in BULK:
            return
        dialog, label, tip = BULK[self.kind]
        self.bulk_action = QAction(self.style().standardIcon(QStyle.StandardPixmap.SP_FileDialogListView), self.tr(label), self)
        self.bulk_action.setToolTip(self.tr(tip))
        self.bulk_action.triggered.connect(lambda: self.run_bulk(getattr(bulk_edit, dialog)))
        toolbar.addAction(self.bulk_action)
        if self.kind != "colleges":  # a merge cannot be undone
            self.addAction(self.undo_action)
            toolbar.addAction(self.undo_action)
        self._update_undo()

    def run_bulk(self, dialog_class) -> None:
        ids = self.selected_ids()
        if not ids:
            return
        dialog = dialog_class(self.db, ids, self)
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return
        if dialog.change is not None:
            self.history.append(dialog.change)
        self.refresh()
        self.data_changed.emit()
        self._update_undo()

    def undo(self) -> None:
        if not self.history:
            return
        try:
            pairs.undo_last(self.db, self.history)
        except UserError as exc:
            QMessageBox.warning(self, self.tr("Undo"), str(exc))
        self._update_undo()
        self.refresh()
        self.data_changed.emit()

    def _update_undo(self) -> None:
        self.undo_action.setEnabled(bool(self.history))
        self.undo_action.setToolTip(self.tr("Undo: {action} (Ctrl+Z)").format(action=self.history[-1].label) if self.history else "")

    # -- remembered column widths ---------------------------------------------------------

    def _settings_key(self) -> str:
        """Per list and per set of columns: widths saved for other columns would land on the wrong ones."""
        columns = zlib.crc32("|".join(column.header for column in self.spec.columns).encode())
        return f"lists/{self.kind}/header-{columns:08x}"

    def _restore_columns(self) -> None:
        header = self.table.horizontalHeader()
        if not column_widths.restore(header, self._settings_key(), [self._column_width(i) for i in range(len(self.spec.columns))]):
            header.setSortIndicator(self.spec.default_sort, Qt.SortOrder.AscendingOrder)
        self.table.setSortingEnabled(True)  # after the indicator is restored: sorts once

    def _column_width(self, index: int) -> int:
        """The column's first-run width, widened so that its header and its longest label (level, type…) show whole."""
        column = self.spec.columns[index]
        width = max(column.width, self.table.horizontalHeader().sectionSizeHint(index) + 12)  # + the sort arrow
        choices = {"level": "level", "gender": "gender", "kind": "apprentice_kind"}.get(column.show)
        if choices:
            metrics = self.table.fontMetrics()
            width = max(width, *(metrics.horizontalAdvance(QCoreApplication.translate("Records", c.label)) + 12
                                 for c in records.CHOICES[choices]))
        return width

    def save_state(self) -> None:
        column_widths.save(self.table.horizontalHeader(), self._settings_key())

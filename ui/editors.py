"""One editor widget per field kind of mentormatch.records, each with value(), set_value() and changed.

value() returns what records.validate() expects for the kind; a reference combo whose text
matches no entry returns UNMATCHED, which the form reports next to the field. focus_chain()
names the widgets Tab stops at inside an editor, so the form can set its tab order.
"""

from __future__ import annotations

from PySide6.QtCore import QDate, QEvent, QObject, QSignalBlocker, Qt, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QCalendarWidget,
    QCheckBox,
    QComboBox,
    QCompleter,
    QHBoxLayout,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QMenu,
    QPlainTextEdit,
    QSpinBox,
    QStyle,
    QToolButton,
    QVBoxLayout,
    QWidget,
    QWidgetAction,
)

from mentormatch import validation

UNMATCHED = object()
ENTER = (Qt.Key.Key_Return, Qt.Key.Key_Enter)


def focus_chain(editor: QWidget) -> list[QWidget]:
    """The widgets Tab stops at inside an editor, first to last (most editors are one widget)."""
    return list(getattr(editor, "parts", (editor,)))


class TextEditor(QLineEdit):
    changed = Signal()

    def __init__(self, parent=None):
        super().__init__(parent)
        self.textChanged.connect(self.changed)

    def value(self) -> str:
        return self.text()

    def set_value(self, value) -> None:
        self.setText(value or "")


class NotesEditor(QPlainTextEdit):
    changed = Signal()

    def __init__(self, parent=None):
        super().__init__(parent)
        self.setTabChangesFocus(True)
        self.setFixedHeight(self.fontMetrics().lineSpacing() * 3 + 14)
        self.textChanged.connect(self.changed)

    def value(self) -> str:
        return self.toPlainText()

    def set_value(self, value) -> None:
        self.setPlainText(value or "")


class LinesEditor(NotesEditor):
    """A list of short texts, one per line (a trade's aliases)."""

    def __init__(self, parent=None):
        super().__init__(parent)
        self.setMinimumHeight(self.fontMetrics().lineSpacing() * 8 + 14)
        self.setMaximumHeight(16777215)

    def value(self) -> list[str]:
        return self.toPlainText().splitlines()

    def set_value(self, value) -> None:
        self.setPlainText("\n".join(value or []))


class IntEditor(QSpinBox):
    """A whole number; with optional=True the lowest position means "empty" and shows empty_text."""

    changed = Signal()

    def __init__(self, maximum: int, optional: bool = False, empty_text: str = "", parent=None):
        super().__init__(parent)
        self.optional = optional
        self.setRange(-1 if optional else 0, maximum)
        if optional:
            self.setSpecialValueText(empty_text)
        self.valueChanged.connect(self.changed)

    def value(self):
        number = super().value()
        return None if self.optional and number < 0 else number

    def set_value(self, value) -> None:
        self.setValue(-1 if value is None else int(value))


class BoolEditor(QCheckBox):
    changed = Signal()

    def __init__(self, text: str = "", parent=None):
        super().__init__(text, parent)
        self.toggled.connect(self.changed)

    def value(self) -> bool:
        return self.isChecked()

    def set_value(self, value) -> None:
        self.setChecked(bool(value))


class ChoiceEditor(QComboBox):
    """A fixed list of (value, label)."""

    changed = Signal()

    def __init__(self, items: list[tuple[object, str]], parent=None):
        super().__init__(parent)
        for value, label in items:
            self.addItem(label, value)
        self.currentIndexChanged.connect(self.changed)

    def value(self):
        return self.currentData()

    def set_value(self, value) -> None:
        self.setCurrentIndex(max(self.findData(value), 0))


class RefEditor(QComboBox):
    """A record chosen from a list by typing part of its name; empty text means none."""

    changed = Signal()

    def __init__(self, items: list[tuple[object, str]], placeholder: str = "", parent=None):
        super().__init__(parent)
        self.setEditable(True)
        self.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        self.setMaxVisibleItems(20)
        self.setMinimumContentsLength(16)
        self.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        for value, label in items:
            self.addItem(label, value)
        completer = QCompleter(self.model(), self)
        completer.setFilterMode(Qt.MatchFlag.MatchContains)
        completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        completer.setCompletionMode(QCompleter.CompletionMode.PopupCompletion)
        self.setCompleter(completer)
        self.lineEdit().setPlaceholderText(placeholder)
        self.lineEdit().setClearButtonEnabled(True)
        self.setCurrentIndex(-1)
        self.editTextChanged.connect(self.changed)
        self.currentIndexChanged.connect(self.changed)

    def value(self):
        text = self.currentText().strip()
        if not text:
            return None
        if self.currentIndex() >= 0 and self.itemText(self.currentIndex()) == text:
            return self.currentData()
        index = self.findText(text, Qt.MatchFlag.MatchFixedString)
        return self.itemData(index) if index >= 0 else UNMATCHED

    def set_value(self, value) -> None:
        self.setCurrentIndex(self.findData(value) if value is not None else -1)
        self.lineEdit().setCursorPosition(0)  # long names show their beginning


class CollegeEditor(QComboBox):
    """A college by name: one of the known colleges, or a new name (created on saving)."""

    changed = Signal()

    def __init__(self, names: list[str], parent=None):
        super().__init__(parent)
        self.setEditable(True)
        self.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        self.addItems(names)
        self.setCurrentIndex(-1)
        self.completer().setFilterMode(Qt.MatchFlag.MatchContains)
        self.editTextChanged.connect(self.changed)

    def value(self) -> str:
        return self.currentText()

    def set_value(self, value) -> None:
        self.setEditText(value or "")


class DateEditor(QWidget):
    """A date typed as 2026-07-14 (also 2026/7/14, 2026年7月14日) or picked from a calendar; may stay empty."""

    changed = Signal()

    def __init__(self, parent=None):
        super().__init__(parent)
        self.line = QLineEdit(self)
        self.line.setPlaceholderText(self.tr("e.g. 2026-07-14"))
        self.line.setClearButtonEnabled(True)
        self.line.textChanged.connect(self.changed)
        self.line.editingFinished.connect(self._normalise)
        self.calendar = QCalendarWidget()
        self.calendar.setGridVisible(True)
        self.calendar.clicked.connect(self._picked)
        menu = QMenu(self)
        action = QWidgetAction(menu)
        action.setDefaultWidget(self.calendar)
        menu.addAction(action)
        menu.aboutToShow.connect(self._prepare_calendar)
        self.menu = menu
        button = QToolButton(self)
        button.setIcon(self.style().standardIcon(QStyle.StandardPixmap.SP_FileDialogContentsView))
        button.setToolTip(self.tr("Choose from a calendar (Alt+Down)"))
        button.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        button.setMenu(menu)
        button.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # Tab goes from date to date; the keyboard opens it with Alt+Down
        for keys in ("Alt+Down", "F4"):
            QShortcut(QKeySequence(keys), self.line, button.showMenu, context=Qt.ShortcutContext.WidgetShortcut)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(2)
        layout.addWidget(self.line)
        layout.addWidget(button)
        self.setFocusProxy(self.line)
        self.parts = (self.line,)

    def _prepare_calendar(self) -> None:
        try:
            iso = validation.iso_date(self.line.text())
        except validation.ValidationError:
            iso = None
        self.calendar.setSelectedDate(QDate.fromString(iso, Qt.DateFormat.ISODate) if iso else QDate.currentDate())

    def _picked(self, day: QDate) -> None:
        self.line.setText(day.toString(Qt.DateFormat.ISODate))
        self.menu.close()

    def _normalise(self) -> None:
        try:
            iso = validation.iso_date(self.line.text())
        except validation.ValidationError:
            return
        if iso and iso != self.line.text():
            self.line.setText(iso)

    def value(self) -> str:
        return self.line.text()

    def set_value(self, value) -> None:
        self.line.setText(value or "")


class MultiEditor(QWidget):
    """Several records ticked in a list, with a filter box; new_items allows adding names (colleges).

    Enter in the filter box ticks the first entry shown (or, with new_items, adds the name typed)
    and is not passed on, so it does not also save the form; Enter in an empty box does.
    """

    changed = Signal()

    def __init__(self, items: list[tuple[object, str]], new_items: bool = False, parent=None):
        super().__init__(parent)
        self.new_items = new_items
        self._excluded = None
        self.filter = QLineEdit(self)
        self.filter.setClearButtonEnabled(True)
        self.filter.setPlaceholderText(self.tr("Type to filter; Enter adds a new name") if new_items
                                       else self.tr("Type to filter; Enter ticks the first entry"))
        self.filter.textChanged.connect(self._filter)
        self.filter.installEventFilter(self)
        self.list = QListWidget(self)
        self.list.setMinimumHeight(120)
        for value, label in items:
            self._add_item(value, label)
        self.list.itemChanged.connect(self.changed)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(2)
        layout.addWidget(self.filter)
        layout.addWidget(self.list)
        self.parts = (self.filter, self.list)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.filter and event.type() == QEvent.Type.KeyPress and event.key() in ENTER and self.filter.text().strip():
            self._tick_typed()
            return True
        return super().eventFilter(watched, event)

    def _add_item(self, value, label: str, checked: bool = False) -> QListWidgetItem:
        item = QListWidgetItem(label, self.list)
        item.setData(Qt.ItemDataRole.UserRole, value)
        item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
        item.setCheckState(Qt.CheckState.Checked if checked else Qt.CheckState.Unchecked)
        return item

    def _items(self):
        return (self.list.item(i) for i in range(self.list.count()))

    def _filter(self, text: str) -> None:
        text = text.strip().casefold()
        for item in self._items():
            excluded = self._excluded is not None and item.data(Qt.ItemDataRole.UserRole) == self._excluded
            item.setHidden(excluded or (bool(text) and text not in item.text().casefold()))

    def exclude(self, value) -> None:
        """Hide the entry with this value (a mentor's primary trade among the additional ones); None: hide none."""
        self._excluded = value
        self._filter(self.filter.text())

    def _tick_typed(self) -> None:
        name = validation.clean(self.filter.text())
        match = next((item for item in self._items() if item.text() == name), None)
        if match is None and self.new_items:
            match = self._add_item(name, name)
        if match is None:
            match = next((item for item in self._items() if not item.isHidden()), None)
        if match is not None:
            match.setCheckState(Qt.CheckState.Checked)
            self.filter.clear()
            self.list.scrollToItem(match)

    def value(self) -> list:
        return [item.data(Qt.ItemDataRole.UserRole) for item in self._items() if item.checkState() == Qt.CheckState.Checked]

    def set_value(self, value) -> None:
        chosen = set(value or [])
        with QSignalBlocker(self.list):
            for item in self._items():
                item.setCheckState(Qt.CheckState.Checked if item.data(Qt.ItemDataRole.UserRole) in chosen else Qt.CheckState.Unchecked)
            # ticked entries first, so the record's links are visible without scrolling
            ticked = [item for item in self._items() if item.checkState() == Qt.CheckState.Checked]
            for row, item in enumerate(ticked):
                self.list.takeItem(self.list.row(item))
                self.list.insertItem(row, item)
        self.changed.emit()

"""The form that adds or edits any record, built from the field declarations in mentormatch.records.

Every change re-validates the whole record with records.validate(); a field's message shows
under it once the user has touched it, a warning (validation.Notice) at once and in its own colour;
a gender the checks read from the ID number shows in its field. Save (or Enter) on an invalid record is refused: every
message shows and the first invalid field, in the order the form reads, gets the focus. Esc
cancels. Saving goes through records.save(), one transaction.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QSettings, QSignalBlocker, Qt
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)
from sqlite_utils import Database

from mentormatch import records, settings
from ui import editors
from ui.screen_fit import resize_within_screen

WIDE = ("notes", "lines", "refs", "colleges")
FIELD_WIDTH = 260  # px; room for a message under the field in two lines
TWO_COLUMNS_FROM = 9  # narrow fields; more than this and the form gets two columns
ERROR_STYLE = "color: #b3261e;"
NOTICE_STYLE = "color: #8a5a00;"  # a warning: dark amber, readable on the window's grey


def _tr(text: str) -> str:
    return QCoreApplication.translate("Records", text)


class RecordDialog(QDialog):
    """Add (record_id None) or edit one record of a kind; record_id holds the saved id after exec()."""

    def __init__(self, db: Database, kind: str, record_id: int | None = None, parent: QWidget | None = None):
        super().__init__(parent)
        self.db = db
        self.kind = kind
        self.record_id = record_id
        self.spec = records.KINDS[kind]
        values = records.load(db, kind, record_id) if record_id else records.empty(kind)
        self.editors: dict[str, QWidget] = {}
        self.error_labels: dict[str, QLabel] = {}
        self.touched: set[str] = set()
        self.errors: dict[str, str] = {}

        singular = _tr(self.spec.singular)
        if record_id:
            self.setWindowTitle(self.tr("Edit {kind}: {title}").format(kind=singular, title=records.title(db, kind, record_id)))
        else:
            self.setWindowTitle(self.tr("New {kind}").format(kind=singular))

        narrow = [f for f in self.spec.fields if f.kind not in WIDE]
        wide = [f for f in self.spec.fields if f.kind in WIDE]
        self.order: list[str] = []  # the field names in the order the form reads: down each column, then below
        body = QWidget()
        grid = QGridLayout(body)
        grid.setContentsMargins(0, 0, 0, 0)
        columns = 2 if len(narrow) > TWO_COLUMNS_FROM else 1
        per_column = -(-len(narrow) // columns)
        for column in range(columns):
            form = QFormLayout()
            form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
            form.setLabelAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignTop)
            for f in narrow[column * per_column:(column + 1) * per_column]:
                cell = self._cell(f, values)
                label = self._label(f)  # as tall as the field, so that it stays beside it when a message shows below
                label.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
                label.setFixedHeight(self.editors[f.name].sizeHint().height())
                form.addRow(label, cell)
            grid.addLayout(form, 0, column, Qt.AlignmentFlag.AlignTop)
        lists = [f for f in wide if f.kind != "notes"]
        if lists:
            row = QHBoxLayout()
            for f in lists:
                box = QVBoxLayout()
                box.addWidget(self._label(f))
                box.addWidget(self._cell(f, values), 1)
                row.addLayout(box)
            grid.addLayout(row, 1, 0, 1, columns)
            grid.setRowStretch(1, 1)
        for i, f in enumerate(f for f in wide if f.kind == "notes"):
            form = QFormLayout()
            form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
            form.addRow(self._label(f), self._cell(f, values))
            grid.addLayout(form, 2 + i, 0, 1, columns)
        if self.kind == "mentors":
            # the primary trade is not offered again as an additional one
            self.editors["trade_id"].changed.connect(self._offer_additional_trades)
            self._offer_additional_trades()
            if record_id:  # the capacity is read against the apprentices the mentor has now
                self.load_note = QLabel(self.tr("Load (with draft) now: {n}").format(n=records.mentor_load(db, record_id)))
                self.load_note.setEnabled(False)
                self.editors["capacity"].parentWidget().layout().addWidget(self.load_note)

        self.summary = QLabel(self)
        self.summary.setStyleSheet(ERROR_STYLE)
        self.summary.setWordWrap(True)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel, self)
        self.save_button = self.buttons.button(QDialogButtonBox.StandardButton.Save)
        self.save_button.setDefault(True)  # Enter in any one-line field saves
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        # a long form scrolls inside the dialog instead of running off a 1366×768 screen
        self.scroll = QScrollArea(self)
        self.scroll.setWidget(body)
        self.scroll.setWidgetResizable(True)
        self.scroll.setFrameShape(QFrame.Shape.NoFrame)
        self.body = body
        layout = QVBoxLayout(self)
        layout.addWidget(self.scroll, 1)
        layout.addWidget(self.summary)
        layout.addWidget(self.buttons)
        self._set_tab_order()

        screen = (parent or self).screen().availableGeometry()
        self._screen = screen.size()
        self.scroll.setMinimumWidth(min(body.sizeHint().width() + self.scroll.verticalScrollBar().sizeHint().width(),
                                        screen.width() - 40))
        for name, editor in self.editors.items():
            editor.changed.connect(lambda name=name: self._changed(name))
        self.validate()
        resize_within_screen(self, self.sizeHint().width(), self.sizeHint().height())
        geometry = QSettings().value(f"dialogs/{kind}/geometry")
        if geometry is not None:
            self.restoreGeometry(geometry)

    def _fit_height(self) -> None:
        """Tall enough for the whole form with its messages, but never taller than the screen's free area."""
        chrome = self.summary.sizeHint().height() + self.buttons.sizeHint().height() + 120  # margins, spacing, title bar
        self.scroll.setMinimumHeight(min(self.body.sizeHint().height(), self._screen.height() - chrome))

    def _set_tab_order(self) -> None:
        """Tab goes down the first column, then the second, then the lists and notes, then Save and Cancel."""
        chain = [w for name in self.order for w in editors.focus_chain(self.editors[name])]
        chain += [self.save_button, self.buttons.button(QDialogButtonBox.StandardButton.Cancel)]
        for before, after in zip(chain, chain[1:]):
            QWidget.setTabOrder(before, after)

    def _offer_additional_trades(self) -> None:
        self.editors["trades"].exclude(self.editors["trade_id"].value())

    # -- building -------------------------------------------------------------------------

    def _label(self, f: records.Field) -> QLabel:
        text = _tr(f.label) + (" *" if f.required else "")
        label = QLabel(text)
        label.setToolTip(self.tr("Required") if f.required else "")
        return label

    def _cell(self, f: records.Field, values: dict) -> QWidget:
        editor = self._editor(f, values)
        editor.set_value(values.get(f.name))
        editor.setObjectName(f.name)
        if f.kind not in WIDE:
            editor.setMinimumWidth(FIELD_WIDTH)
        if f.hint and hasattr(editor, "setPlaceholderText"):
            editor.setPlaceholderText(_tr(f.hint))
        self.editors[f.name] = editor
        self.order.append(f.name)
        error = QLabel()
        error.setObjectName(f"{f.name}_error")
        error.setStyleSheet(ERROR_STYLE)
        error.setWordWrap(True)
        error.hide()
        self.error_labels[f.name] = error
        cell = QWidget()
        box = QVBoxLayout(cell)
        box.setContentsMargins(0, 0, 0, 0)
        box.setSpacing(1)
        box.addWidget(editor)
        box.addWidget(error)
        return cell

    def _editor(self, f: records.Field, values: dict) -> QWidget:
        kind = f.kind
        if kind == "text":
            return editors.TextEditor()
        if kind == "notes":
            return editors.NotesEditor()
        if kind == "lines":
            return editors.LinesEditor()
        if kind == "int":
            return editors.IntEditor(f.maximum)
        if kind == "capacity":
            default = settings.get(self.db, "default_capacity")
            return editors.IntEditor(f.maximum, optional=True, empty_text=self.tr("Default ({n})").format(n=default))
        if kind == "date":
            return editors.DateEditor()
        if kind == "bool":
            return editors.BoolEditor()
        if kind == "choice":
            return editors.ChoiceEditor([(c.value, _tr(c.label)) for c in records.CHOICES[f.ref]])
        if kind == "college":
            return editors.CollegeEditor([name for name, _ in records.choices(self.db, "colleges")])
        items = records.choices(self.db, f.ref, values.get(f.name))
        if kind == "ref":
            placeholder = self.tr("Type to search") if f.required else self.tr("None (type to search)")
            return editors.RefEditor(items, placeholder)
        if f.ref == "trades" and self.kind == "trades":
            items = [(tid, name) for tid, name in items if tid != self.record_id]  # not related to itself
        return editors.MultiEditor(items, new_items=(kind == "colleges"))

    # -- validation -----------------------------------------------------------------------

    def values(self) -> dict:
        return {name: editor.value() for name, editor in self.editors.items()}

    def _changed(self, name: str) -> None:
        self.touched.add(name)
        self.validate()

    def validate(self) -> bool:
        """Re-check every field, show the messages of touched fields; True when the record is valid."""
        values = self.values()
        unmatched = {name for name, value in values.items() if value is editors.UNMATCHED}
        clean, messages = records.validate(self.db, self.kind, {k: (None if k in unmatched else v) for k, v in values.items()},
                                           self.record_id)
        errors = records.blocking(messages)
        for name in unmatched:
            errors[name] = self.tr("Choose an entry from the list.")
        self.errors = errors
        if "gender" in self.editors and "gender" not in self.touched and not values["gender"] and clean.get("gender"):
            with QSignalBlocker(self.editors["gender"]):  # not a change of the user's
                self.editors["gender"].set_value(clean["gender"])  # as saving will store it, from the ID number
        for name, label in self.error_labels.items():
            message = errors.get(name, "") if name in self.touched else ""
            notice = messages.get(name, "") if name not in errors else ""
            label.setText(message or notice)
            label.setStyleSheet(ERROR_STYLE if message else NOTICE_STYLE)
            label.setVisible(bool(message or notice))
        hidden = [name for name in errors if name not in self.touched]
        self.summary.setText(self.tr("Fill in the fields marked *.") if hidden else "")
        self.summary.setVisible(bool(hidden))
        self._fit_height()
        return not errors

    # -- saving ---------------------------------------------------------------------------

    def accept(self) -> None:
        self.touched.update(self.editors)
        if not self.validate():
            self.focus_first_error()
            return
        try:
            self.record_id = records.save(self.db, self.kind, self.values(), self.record_id)
        except records.RecordError as exc:  # changed by someone else since the last check
            for name, message in exc.errors.items():
                if name in self.error_labels:
                    self.error_labels[name].setText(message)
                    self.error_labels[name].show()
            self.summary.setText(self.tr("Not saved: {reason}").format(reason=str(exc)))
            self.summary.show()
            self.errors = exc.errors
            self.focus_first_error()
            return
        self.done(QDialog.DialogCode.Accepted)

    def focus_first_error(self) -> None:
        """Put the cursor in the first invalid field, as the form reads, and scroll it into view."""
        name = next((name for name in self.order if name in self.errors), None)
        if name is None:
            return
        editor = self.editors[name]
        self.scroll.ensureWidgetVisible(editor)
        editors.focus_chain(editor)[0].setFocus(Qt.FocusReason.OtherFocusReason)

    def done(self, result: int) -> None:
        QSettings().setValue(f"dialogs/{self.kind}/geometry", self.saveGeometry())
        super().done(result)

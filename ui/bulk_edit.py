"""Changing many records in one step: set fields of the selected apprentices, move the selected
mentors to another enterprise, merge the selected colleges into one.

The work is mentormatch.records' (set_fields, move_mentors, merge_colleges): one transaction,
audited; the first two return a pairs.Change that the list page keeps for Undo (Ctrl+Z).
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)
from sqlite_utils import Database

from mentormatch import pairs, records
from mentormatch.errors import UserError
from ui import editors

ERROR_STYLE = "color: #b3261e;"


def _tr(text: str) -> str:
    return QCoreApplication.translate("Records", text)


class _Dialog(QDialog):
    """OK runs the change; a refusal shows in the dialog, which stays open."""

    def __init__(self, title: str, intro: str, parent: QWidget | None = None):
        super().__init__(parent)
        self.change: pairs.Change | None = None
        self.setWindowTitle(title)
        self.intro = QLabel(intro, self)
        self.intro.setWordWrap(True)
        self.form = QFormLayout()
        self.form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self.message = QLabel(self)
        self.message.setWordWrap(True)
        self.message.setStyleSheet(ERROR_STYLE)
        self.message.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.message.hide()
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self)
        self.ok_button = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.intro)
        layout.addLayout(self.form)
        self.extra = QVBoxLayout()
        layout.addLayout(self.extra)
        layout.addWidget(self.message)
        layout.addStretch(1)
        layout.addWidget(self.buttons)
        self.setMinimumWidth(420)

    def run(self) -> pairs.Change | None:
        raise NotImplementedError

    def accept(self) -> None:
        try:
            self.change = self.run()
        except UserError as exc:
            self.message.setText(str(exc))
            self.message.show()
            return
        super().accept()


class BulkEditDialog(_Dialog):
    """Set the programme, host enterprise, class, dates or target level of the selected apprentices:
    each field is changed only when its box is ticked (typing into a field ticks it; an empty
    value ticked clears the field)."""

    def __init__(self, db: Database, ids: list[int], parent: QWidget | None = None):
        super().__init__(self.tr("Edit {n} apprentices").format(n=len(ids)),
                         self.tr("Tick the fields to set; the same value goes to all {n} selected apprentices. "
                                 "Undo (Ctrl+Z) puts the old values back.").format(n=len(ids)), parent)
        self.db, self.ids = db, ids
        self.editors: dict[str, QWidget] = {}
        self.ticks: dict[str, QCheckBox] = {}
        spec = records.KINDS["apprentices"]
        for name in records.BULK_FIELDS["apprentices"]:
            f = spec.field(name)
            if f.kind == "ref":
                editor = editors.RefEditor(records.choices(db, f.ref), self.tr("None (type to search)"))
            elif f.kind == "date":
                editor = editors.DateEditor()
            elif f.kind == "choice":
                editor = editors.ChoiceEditor([(c.value, _tr(c.label)) for c in records.CHOICES[f.ref]])
            else:
                editor = editors.TextEditor()
            editor.setObjectName(name)
            tick = QCheckBox(_tr(f.label), self)
            tick.setObjectName(f"set_{name}")
            tick.toggled.connect(self._update)
            editor.changed.connect(lambda tick=tick: tick.setChecked(True))  # typing into a field means setting it
            self.form.addRow(tick, editor)
            self.editors[name], self.ticks[name] = editor, tick
        self._update()

    def _update(self) -> None:
        self.ok_button.setEnabled(any(t.isChecked() for t in self.ticks.values()))

    def values(self) -> dict:
        return {name: editor.value() for name, editor in self.editors.items() if self.ticks[name].isChecked()}

    def run(self) -> pairs.Change:
        values = self.values()
        if any(v is editors.UNMATCHED for v in values.values()):
            raise UserError(self.tr("Choose an entry from the list."))
        return records.set_fields(self.db, "apprentices", self.ids, values)


class MoveMentorsDialog(_Dialog):
    """Move the selected mentors to another enterprise. Their pairs with apprentices hosted by another
    enterprise would break the host-enterprise rule: the dialog names them before anything
    happens, and they end with the reason the coordinator gives."""

    def __init__(self, db: Database, ids: list[int], parent: QWidget | None = None):
        super().__init__(self.tr("Move {n} mentors").format(n=len(ids)),
                         self.tr("Move the {n} selected mentors to another enterprise. Undo (Ctrl+Z) moves them back.").format(
                             n=len(ids)), parent)
        self.db, self.ids = db, ids
        self.enterprise = editors.RefEditor(records.choices(db, "enterprises"), self.tr("Type to search"))
        self.enterprise.setObjectName("enterprise_id")
        self.form.addRow(self.tr("New enterprise:"), self.enterprise)
        self.broken_note = QLabel(self)
        self.broken_note.setWordWrap(True)
        self.broken = QPlainTextEdit(self)
        self.broken.setReadOnly(True)
        self.broken.setFixedHeight(self.fontMetrics().lineSpacing() * 5 + 12)  # five names, then it scrolls
        self.reason = QLineEdit(self)
        self.reason.setObjectName("reason")
        self.reason.setPlaceholderText(self.tr("Why these pairs end, e.g. the mentor changed employer"))
        for widget in (self.broken_note, self.broken, self.reason):
            self.extra.addWidget(widget)
        self.enterprise.changed.connect(self._update)
        self.reason.textChanged.connect(self._update)
        self._update()

    def pairs_broken(self) -> list[tuple[int, str, bool]]:
        target = self.enterprise.value()
        if target in (None, editors.UNMATCHED):
            return []
        return records.pairs_broken_by_move(self.db, self.ids, target)

    def _update(self) -> None:
        target = self.enterprise.value()
        broken = self.pairs_broken()
        for widget in (self.broken_note, self.broken, self.reason):
            widget.setVisible(bool(broken))
        if broken:
            self.broken_note.setText(self.tr("{n} pairs end, as their apprentices are hosted by another enterprise; they show as "
                                             "unpaired afterwards. Give the reason:").format(n=len(broken)))
            self.broken.setPlainText("\n".join(name for _, name, _ in broken))
            self.ok_button.setText(self.tr("Move and end {n} pairs").format(n=len(broken)))
        else:
            self.ok_button.setText(self.tr("Move"))
        self.ok_button.setEnabled(target not in (None, editors.UNMATCHED) and (not broken or bool(self.reason.text().strip())))

    def run(self) -> pairs.Change:
        return records.move_mentors(self.db, self.ids, self.enterprise.value(), self.reason.text())


class MergeCollegesDialog(_Dialog):
    """Merge the selected colleges into one: the kept college is one of them when two or more are
    selected, else the one the coordinator picks (the most similar name is offered first)."""

    def __init__(self, db: Database, ids: list[int], parent: QWidget | None = None):
        names = [records.title(db, "colleges", i) for i in ids]
        super().__init__(self.tr("Merge colleges"), self.tr(
            "The apprentices and programmes of the merged colleges move to the college kept, and the merged colleges are "
            "removed. This cannot be undone."), parent)
        self.db, self.ids = db, ids
        self.kept = QComboBox(self)
        self.kept.setObjectName("kept")
        counts = dict(db.execute("SELECT college_id, COUNT(*) FROM apprentices GROUP BY college_id").fetchall())
        if len(ids) > 1:
            choices = sorted(zip(ids, names), key=lambda c: -counts.get(c[0], 0))  # the one most used is the likely right one
        else:
            others = db.execute("SELECT id, name FROM colleges WHERE id <> ? ORDER BY name", ids).fetchall()
            close = records.similar_names(names[0], [n for _, n in others])
            choices = sorted(others, key=lambda c: close.index(c[1]) if c[1] in close else len(close))
        for college_id, name in choices:
            self.kept.addItem(self.tr("{name} ({n} apprentices)").format(name=name, n=counts.get(college_id, 0)), college_id)
        self.form.addRow(self.tr("Keep:"), self.kept)
        self.merged = QLabel(self)
        self.merged.setWordWrap(True)
        self.form.addRow(self.tr("Merged into it:"), self.merged)
        self.kept.currentIndexChanged.connect(self._update)
        self._update()

    def merged_ids(self) -> list[int]:
        return [i for i in self.ids if i != self.kept.currentData()]

    def _update(self) -> None:
        self.merged.setText("、".join(records.title(self.db, "colleges", i) for i in self.merged_ids()))
        self.ok_button.setText(self.tr("Merge"))
        self.ok_button.setEnabled(self.kept.currentData() is not None and bool(self.merged_ids()))

    def run(self) -> None:
        records.merge_colleges(self.db, self.merged_ids(), self.kept.currentData())

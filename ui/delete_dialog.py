"""Deleting records: a plain confirmation when nothing depends on them, else the safe choices."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QMessageBox,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)
from sqlite_utils import Database

from mentormatch import records
from mentormatch.i18n import translate
from mentormatch.store import writing


class DeleteDialog(QDialog):
    """Says what depends on one record and offers records.delete_report()'s actions as buttons."""

    def __init__(self, report: records.DeleteReport, parent: QWidget | None = None):
        super().__init__(parent)
        self.action: str | None = None
        self.setWindowTitle(self.tr("Delete {title}").format(title=report.title))
        self.setMinimumWidth(460)
        layout = QVBoxLayout(self)
        if report.blocked:
            intro = self.tr("<b>{title}</b> cannot be deleted, because other records depend on it:")
        else:
            intro = self.tr("<b>{title}</b> is used by other records:")
        heading = QLabel(intro.format(title=report.title.replace("&", "&amp;").replace("<", "&lt;")), self)
        heading.setWordWrap(True)
        layout.addWidget(heading)
        details = QLabel("\n".join("• " + line for line in report.lines), self)
        details.setWordWrap(True)
        layout.addWidget(details)
        if report.names:
            names = QPlainTextEdit("\n".join(report.names), self)
            names.setReadOnly(True)
            names.setMaximumHeight(160)
            layout.addWidget(names)
        buttons = QDialogButtonBox(self)
        self.buttons: dict[str, QPushButton] = {}
        for action in report.actions:
            button = buttons.addButton(QCoreApplication.translate("Records", records.ACTIONS[action]),
                                       QDialogButtonBox.ButtonRole.AcceptRole)
            button.clicked.connect(lambda _=False, a=action: self._choose(a))
            self.buttons[action] = button
        close = QDialogButtonBox.StandardButton.Close if report.blocked else QDialogButtonBox.StandardButton.Cancel
        buttons.addButton(close).clicked.connect(self.reject)
        layout.addWidget(buttons)

    def _choose(self, action: str) -> None:
        self.action = action
        self.accept()


def confirm_delete(parent: QWidget, db: Database, kind: str, ids: list[int]) -> bool:
    """Ask, then delete or take the chosen safe action for each record; True if anything changed."""
    reports = {rid: records.delete_report(db, kind, rid) for rid in ids}
    simple = [rid for rid, report in reports.items() if report.simple]
    changed = False
    if simple:
        if len(simple) == 1:
            question = translate("DeleteDialog", "Delete {title}? This cannot be undone.").format(title=reports[simple[0]].title)
        else:
            question = translate("DeleteDialog", "Delete these {n} records? This cannot be undone.").format(n=len(simple))
        answer = QMessageBox.question(parent, translate("DeleteDialog", "Delete"), question,
                                      QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
                                      QMessageBox.StandardButton.No)
        if answer != QMessageBox.StandardButton.Yes:
            return False
        try:
            with writing(db):
                for rid in simple:
                    records.delete(db, kind, rid)
        except records.RecordError as exc:  # something came to depend on a record since the report: nothing deleted
            QMessageBox.warning(parent, translate("DeleteDialog", "Delete"), str(exc))
            return False
        changed = True
    for rid, report in reports.items():
        if rid in simple:
            continue
        dialog = DeleteDialog(report, parent)
        if not dialog.exec() or dialog.action is None:
            break
        try:
            records.delete(db, kind, rid, dialog.action)
        except records.RecordError as exc:
            QMessageBox.warning(parent, translate("DeleteDialog", "Delete"), str(exc))
            break
        changed = True
    return changed

"""File → Settings…: the programme rules stored in the database (mentormatch/settings.py), one tab per area.

A tab is a QWidget class constructed as Tab(db, parent) with title() -> str and apply() -> bool
(save, or show what is wrong and return False). Areas add theirs to SETTINGS_TABS as
"module:Class"; a tab whose module is not installed is left out.
"""

from __future__ import annotations

import importlib

from PySide6.QtWidgets import QDialog, QDialogButtonBox, QFormLayout, QLabel, QSpinBox, QTabWidget, QVBoxLayout, QWidget
from sqlite_utils import Database

from mentormatch import settings

SETTINGS_TABS = ["ui.settings_dialog:GeneralTab"]


class GeneralTab(QWidget):
    """Rules every area uses: the default capacity of a mentor."""

    def __init__(self, db: Database, parent: QWidget | None = None):
        super().__init__(parent)
        self.db = db
        self.capacity = QSpinBox(self)
        self.capacity.setObjectName("default_capacity")
        self.capacity.setRange(1, 99)
        self.capacity.setValue(int(settings.get(db, "default_capacity")))
        hint = QLabel(self.tr("The most apprentices a mentor takes when their own capacity is left empty. "
                              "Local rules suggest about 8."), self)
        hint.setWordWrap(True)
        form = QFormLayout(self)
        form.addRow(self.tr("Default mentor capacity"), self.capacity)
        form.addRow(hint)

    def title(self) -> str:
        return self.tr("General")

    def apply(self) -> bool:
        settings.put(self.db, "default_capacity", self.capacity.value())
        return True


class SettingsDialog(QDialog):
    def __init__(self, db: Database, parent: QWidget | None = None):
        super().__init__(parent)
        self.setWindowTitle(self.tr("Settings"))
        self.tabs = QTabWidget(self)
        for entry in SETTINGS_TABS:
            module_name, class_name = entry.split(":")
            try:
                module = importlib.import_module(module_name)
            except ModuleNotFoundError as exc:
                if exc.name != module_name:
                    raise
                continue
            tab = getattr(module, class_name)(db, self.tabs)
            self.tabs.addTab(tab, tab.title())
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.tabs)
        layout.addWidget(buttons)
        self.resize(520, 360)

    def accept(self) -> None:
        for i in range(self.tabs.count()):
            if not self.tabs.widget(i).apply():
                self.tabs.setCurrentIndex(i)
                return
        super().accept()

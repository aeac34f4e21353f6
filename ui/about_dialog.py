"""Help → About: the version, where the data is (the database and its backups) with a button that
opens that folder, and the open-source components with their licences (mentormatch.components)
and where their licence texts are."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt, QUrl, qVersion
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from mentormatch import __version__, backup, components
from ui.screen_fit import resize_within_screen


class AboutDialog(QDialog):
    def __init__(self, db_path: str, parent: QWidget | None = None):
        super().__init__(parent)
        self.setWindowTitle(self.tr("About MentorMatch"))
        database = Path(db_path).resolve()
        self.data_folder = database.parent

        title = QLabel(self.tr("<h3>MentorMatch {version}</h3><p>Pair apprentices with enterprise mentors, print letters "
                               "of appointment, import and export rosters.</p>").format(version=__version__), self)
        title.setWordWrap(True)

        where = QFormLayout()
        for label, path in ((self.tr("Data folder:"), self.data_folder), (self.tr("Database:"), database),
                            (self.tr("Backups:"), backup.folder(database))):
            value = QLabel(str(path), self)
            value.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)  # to copy into an e-mail
            value.setWordWrap(True)
            where.addRow(label, value)
        self.open_data_button = QPushButton(self.tr("Open data folder"), self)
        self.open_data_button.clicked.connect(lambda: self.open_folder(self.data_folder))
        note = QLabel(self.tr("To move to a new PC, copy the database and the backups folder to the same place on the new "
                              "PC, or save a copy (File menu) and restore it there."), self)
        note.setWordWrap(True)

        rows = components.listing()
        self.components = QTableWidget(len(rows), 3, self)
        self.components.setHorizontalHeaderLabels([self.tr("Component"), self.tr("Version"), self.tr("Licence")])
        for row, (name, version, licence) in enumerate(rows):
            if name.startswith("PySide6"):
                version = self.tr("{version} (Qt {qt})").format(version=version, qt=qVersion())
            for column, text in enumerate((name, version, licence)):
                self.components.setItem(row, column, QTableWidgetItem(text))
        self.components.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.components.verticalHeader().hide()
        self.components.verticalHeader().setDefaultSectionSize(self.fontMetrics().height() + 6)  # a list, not a form
        header = self.components.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setStretchLastSection(True)
        licences = QLabel(self.tr("Their licence texts are in {folder}. Qt and PySide6 are used under the LGPL-3.0: "
                                  "they are separate libraries in the program's folder, which you may replace.").format(
            folder=components.LICENCES), self)
        licences.setWordWrap(True)
        licences.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.open_licences_button = QPushButton(self.tr("Open licences folder"), self)
        self.open_licences_button.clicked.connect(lambda: self.open_folder(components.LICENCES))

        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(title)
        layout.addLayout(where)
        data_row = QHBoxLayout()
        data_row.addWidget(note, 1)
        data_row.addWidget(self.open_data_button, 0, Qt.AlignmentFlag.AlignTop)
        layout.addLayout(data_row)
        layout.addWidget(QLabel(self.tr("Open-source components:"), self))
        layout.addWidget(self.components, 1)
        licence_row = QHBoxLayout()
        licence_row.addWidget(licences, 1)
        licence_row.addWidget(self.open_licences_button, 0, Qt.AlignmentFlag.AlignTop)
        layout.addLayout(licence_row)
        layout.addWidget(buttons)
        resize_within_screen(self, 720, 640)

    def open_folder(self, folder: Path) -> None:
        QDesktopServices.openUrl(QUrl.fromLocalFile(str(folder)))

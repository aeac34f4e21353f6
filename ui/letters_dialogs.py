"""Dialogs of the Letters page: issuing letters, editing templates, letter options."""

from __future__ import annotations

from PySide6.QtCore import QDate, Qt, QTimer, Signal
from PySide6.QtGui import QColor, QTextCursor, QTextFormat
from PySide6.QtWidgets import (QCheckBox, QComboBox, QDateEdit, QDialog, QDialogButtonBox, QFormLayout, QHBoxLayout,
                               QInputDialog, QLabel, QListWidget, QListWidgetItem, QPlainTextEdit, QSplitter,
                               QTextEdit, QVBoxLayout, QWidget)
from sqlite_utils import Database

from mentormatch import letter_templates, letters, settings
from mentormatch.errors import UserError
from mentormatch.i18n import translate
from mentormatch.letter_render import PageRenderer
from ui import jobs
from ui.letters import attempt
from ui.letters_preview import PagePreview, sample_letter
from ui.programme_combo import fill_programmes
from ui.screen_fit import resize_within_screen
from ui.settings_dialog import FormDialog, LetterSettingsForm


def _template_combo(parent: QWidget, current: str = letter_templates.DEFAULT) -> QComboBox:
    combo = QComboBox(parent)
    for name in letter_templates.names():
        try:
            label = f"{letter_templates.title(letter_templates.source(name))} ({name})"
        except letter_templates.TemplateError:
            label = name
        combo.addItem(label, name)
    combo.setCurrentIndex(max(combo.findData(current), 0))
    return combo


class IssueDialog(QDialog):
    """Choose a programme's mentors, a template and the date, then preview, print or save."""

    output_requested = Signal(str, object)  # mode (preview, print, pdf, split), the letters.Batch planned

    def __init__(self, db: Database, programme_id: int | None = None, parent=None):
        super().__init__(parent)
        self.db = db
        self.setWindowTitle(self.tr("Issue letters of appointment"))
        self.programme = QComboBox(self)
        fill_programmes(self.programme, db, select=programme_id)
        self.template = _template_combo(self)
        self.issue_date = QDateEdit(QDate.currentDate(), self)
        self.issue_date.setCalendarPopup(True)
        self.issue_date.setDisplayFormat("yyyy-MM-dd")
        self.mentors = QListWidget(self)
        self.select_all = QCheckBox(self.tr("All mentors"), self)
        form = QFormLayout()
        form.addRow(self.tr("Programme"), self.programme)
        form.addRow(self.tr("Template"), self.template)
        form.addRow(self.tr("Date of issue"), self.issue_date)
        self.note = QLabel(self)
        self.note.setWordWrap(True)

        buttons = QDialogButtonBox(self)
        self.preview_button = buttons.addButton(self.tr("Preview"), QDialogButtonBox.ButtonRole.ActionRole)
        self.print_button = buttons.addButton(self.tr("Print…"), QDialogButtonBox.ButtonRole.ActionRole)
        self.pdf_button = buttons.addButton(self.tr("Save PDF…"), QDialogButtonBox.ButtonRole.ActionRole)
        self.split_button = buttons.addButton(self.tr("One PDF per mentor…"), QDialogButtonBox.ButtonRole.ActionRole)
        buttons.addButton(QDialogButtonBox.StandardButton.Close).clicked.connect(self.reject)
        self.preview_button.clicked.connect(lambda: self._request("preview", close=False))
        self.print_button.clicked.connect(lambda: self._request("print"))
        self.pdf_button.clicked.connect(lambda: self._request("pdf"))
        self.split_button.clicked.connect(lambda: self._request("split"))

        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.select_all)
        layout.addWidget(self.mentors, 1)
        layout.addWidget(self.note)
        layout.addWidget(buttons)
        self.programme.currentIndexChanged.connect(self._load_mentors)
        self.select_all.toggled.connect(self._check_all)
        self.mentors.itemChanged.connect(self._update)
        self._load_mentors()
        resize_within_screen(self, 620, 640)

    def _load_mentors(self) -> None:
        pid = self.programme.currentData()
        self.mentors.blockSignals(True)
        self.mentors.clear()
        if pid is not None:
            for mentor in letters.candidates(self.db, pid):
                text = f"{mentor['name']}　{mentor['enterprise']}　{mentor['trade']}"
                if mentor["serial"]:
                    text += "　" + self.tr("(issued: {serial})").format(serial=mentor["serial"])
                item = QListWidgetItem(text, self.mentors)
                item.setData(Qt.ItemDataRole.UserRole, mentor["id"])
                item.setCheckState(Qt.CheckState.Unchecked if mentor["serial"] else Qt.CheckState.Checked)
        self.mentors.blockSignals(False)
        self._update()

    def _check_all(self, checked: bool) -> None:
        self.mentors.blockSignals(True)
        for i in range(self.mentors.count()):
            self.mentors.item(i).setCheckState(Qt.CheckState.Checked if checked else Qt.CheckState.Unchecked)
        self.mentors.blockSignals(False)
        self._update()

    def chosen_mentors(self) -> list[int]:
        return [self.mentors.item(i).data(Qt.ItemDataRole.UserRole) for i in range(self.mentors.count())
                if self.mentors.item(i).checkState() == Qt.CheckState.Checked]

    def _update(self) -> None:
        count = len(self.chosen_mentors())
        for button in (self.preview_button, self.print_button, self.pdf_button, self.split_button):
            button.setEnabled(count > 0)
        self.note.setText(self.tr("{count} mentors chosen. Mentors who already hold a letter for this programme get it "
                                  "again with the same number; the others get new numbers once the letters are printed "
                                  "or saved.").format(count=count))

    def _request(self, mode: str, close: bool = True) -> None:
        batch = attempt(self, letters.Batch.for_mentors, self.db, self.chosen_mentors(), self.programme.currentData(),
                        self.template.currentData(), self.issue_date.date().toString("yyyy-MM-dd"))
        if batch is None:
            return
        if close:
            self.accept()
        self.output_requested.emit(mode, batch)


class TemplateEditor(QDialog):
    """Edit a copy of a template with a live preview and the list of placeholders."""

    def __init__(self, db: Database, parent=None):
        super().__init__(parent)
        self.db = db
        self.setWindowTitle(self.tr("Letter templates"))
        self.template = _template_combo(self)
        self.editor = QPlainTextEdit(self)
        self.editor.setLineWrapMode(QPlainTextEdit.LineWrapMode.NoWrap)
        font = self.editor.font()
        font.setFamily("monospace")
        font.setStyleHint(font.StyleHint.Monospace)
        self.editor.setFont(font)
        self.placeholders = QListWidget(self)
        for name, help_text in letter_templates.PLACEHOLDERS.items():
            item = QListWidgetItem(f"{{{{ {name} }}}} — {translate('Placeholders', help_text)}", self.placeholders)
            item.setData(Qt.ItemDataRole.UserRole, name)
            item.setToolTip(translate("Placeholders", help_text))
        self.placeholders.itemDoubleClicked.connect(self._insert_placeholder)
        self.preview = PagePreview(self)
        self.message = QLabel(self)
        self.message.setWordWrap(True)
        self.position = QLabel(self)

        left = QWidget(self)
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(0, 0, 0, 0)
        left_layout.addWidget(self.editor, 3)
        left_layout.addWidget(QLabel(self.tr("Placeholders (double-click to insert):"), self))
        left_layout.addWidget(self.placeholders, 1)
        splitter = QSplitter(self)
        splitter.addWidget(left)
        splitter.addWidget(self.preview)
        splitter.setStretchFactor(0, 3)
        splitter.setStretchFactor(1, 2)

        buttons = QDialogButtonBox(self)
        self.save_button = buttons.addButton(self.tr("Save"), QDialogButtonBox.ButtonRole.ActionRole)
        self.save_as_button = buttons.addButton(self.tr("Save as…"), QDialogButtonBox.ButtonRole.ActionRole)
        self.restore_button = buttons.addButton(self.tr("Restore built-in"), QDialogButtonBox.ButtonRole.ActionRole)
        buttons.addButton(QDialogButtonBox.StandardButton.Close).clicked.connect(self.reject)
        self.save_button.clicked.connect(lambda: self.save(self.template.currentData()))
        self.save_as_button.clicked.connect(self.save_as)
        self.restore_button.clicked.connect(self.restore)

        top = QHBoxLayout()
        top.addWidget(QLabel(self.tr("Template"), self))
        top.addWidget(self.template, 1)
        top.addWidget(self.position)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(splitter, 1)
        layout.addWidget(self.message)
        layout.addWidget(buttons)

        self._timer = QTimer(self, singleShot=True, interval=400)
        self._timer.timeout.connect(self.update_preview)
        self.editor.textChanged.connect(self._timer.start)
        self.preview.wants_page.connect(self._timer.start)
        self.editor.cursorPositionChanged.connect(self._show_position)
        self.template.currentIndexChanged.connect(self.load)
        self.sample = sample_letter(db)
        self.load()
        resize_within_screen(self, 1200, 820)

    def load(self) -> None:
        name = self.template.currentData()
        try:
            self.editor.setPlainText(letter_templates.source(name))
        except letter_templates.TemplateError as exc:
            self.message.setText(str(exc))
        self.restore_button.setEnabled(letter_templates.has_user_copy(name) and letter_templates.is_builtin(name))
        self.update_preview()

    def _show_position(self) -> None:
        cursor = self.editor.textCursor()
        self.position.setText(self.tr("Line {line}, column {column}").format(
            line=cursor.blockNumber() + 1, column=cursor.positionInBlock() + 1))

    def _insert_placeholder(self, item: QListWidgetItem) -> None:
        self.editor.insertPlainText(f"{{{{ {item.data(Qt.ItemDataRole.UserRole)} }}}}")
        self.editor.setFocus()

    def update_preview(self) -> None:
        """Render the text being edited; a broken template shows its line instead."""
        layout = settings.get(self.db, "letter_layout")
        try:
            page = letters.letter_page(self.sample, self.editor.toPlainText(), layout)
            self.preview.show_page(PageRenderer(letters.page_options(layout)), page)
        except UserError as exc:
            self._mark_error(str(exc), getattr(exc, "lineno", None))
            return
        self._mark_error("", None)

    def _mark_error(self, message: str, lineno: int | None) -> None:
        self.message.setText(message)
        self.message.setStyleSheet("color: #b00020;" if message else "")
        selections = []
        if lineno:
            selection = QTextEdit.ExtraSelection()
            selection.format.setBackground(QColor("#ffd7d7"))
            selection.format.setProperty(QTextFormat.Property.FullWidthSelection, True)
            selection.cursor = QTextCursor(self.editor.document().findBlockByNumber(lineno - 1))
            selections.append(selection)
        self.editor.setExtraSelections(selections)
        for button in (self.save_button, self.save_as_button):
            button.setEnabled(not message)

    def save(self, name: str) -> bool:
        try:
            letter_templates.save(name, self.editor.toPlainText())
        except (letter_templates.TemplateError, OSError) as exc:
            jobs.show_error(self, exc)
            return False
        self.message.setText(self.tr("Saved as {name} in {folder}.").format(name=name, folder=letter_templates.user_dir()))
        self.restore_button.setEnabled(letter_templates.is_builtin(name))
        return True

    def save_as(self) -> None:
        name, ok = QInputDialog.getText(self, self.tr("Save template as"), self.tr("Name of the new template:"))
        if ok and name.strip() and self.save(name.strip()):
            self.template.blockSignals(True)
            self.template.clear()
            for option in letter_templates.names():
                self.template.addItem(option, option)
            self.template.setCurrentIndex(max(self.template.findData(name.strip()), 0))
            self.template.blockSignals(False)

    def done(self, result: int) -> None:
        self._timer.stop()  # no preview after the dialog is gone
        super().done(result)

    def restore(self) -> None:
        letter_templates.delete_user_copy(self.template.currentData())
        self.load()


class OptionsDialog(FormDialog):
    """Letter options on their own (Letter options…): the form of Settings → Letters."""

    def __init__(self, db: Database, parent=None):
        super().__init__(db, LetterSettingsForm(db), parent)
        self.setWindowTitle(self.tr("Letter options"))
        resize_within_screen(self, 1040, 720)

"""Dialogs of the Letters page: issuing letters, editing templates (the wording form, HTML, pre-printed
sheets), letter options, a printer's calibration."""

from __future__ import annotations

import json
from dataclasses import replace

from PySide6.QtCore import QDate, Qt, QTimer, Signal
from PySide6.QtGui import QColor, QImage, QPixmap, QTextCursor, QTextFormat
from PySide6.QtPrintSupport import QPrinterInfo
from PySide6.QtWidgets import (QCheckBox, QComboBox, QDateEdit, QDialog, QDialogButtonBox, QDoubleSpinBox, QFileDialog,
                               QFormLayout, QFrame, QGridLayout, QHBoxLayout, QHeaderView, QInputDialog, QLabel, QLineEdit, QListWidget,
                               QListWidgetItem, QMenu, QMessageBox, QPlainTextEdit, QPushButton, QScrollArea, QSplitter,
                               QTableWidget,
                               QTableWidgetItem, QTabWidget, QTextEdit, QToolButton, QVBoxLayout, QWidget)
from sqlite_utils import Database

from mentormatch import letter_templates, letters, preprinted, settings
from mentormatch.errors import UserError
from mentormatch.i18n import translate
from mentormatch.letter_render import PageRenderer
from ui import jobs
from ui.letters import attempt, printer_offset, set_printer_offset
from ui.letters_preview import sample_letter
from ui.programme_combo import fill_programmes
from ui.screen_fit import resize_within_screen
from ui.settings_dialog import FormDialog, LetterSettingsForm


HOLDS_LETTER = Qt.ItemDataRole.UserRole + 1  # a mentor of the issue dialog's list holds a letter for the programme


def _fill_templates(combo: QComboBox, current: str = letter_templates.DEFAULT, paper: str | None = None) -> None:
    """The templates (those for paper, a letters.PAPERS kind, or all) by the names the coordinator
    gave them (built-ins by their labels), the file name as data."""
    combo.blockSignals(True)
    combo.clear()
    for name in letter_templates.names(paper):
        combo.addItem(letter_templates.display_name(name), name)
    combo.setCurrentIndex(max(combo.findData(current), 0))
    combo.blockSignals(False)


def _template_combo(parent: QWidget, current: str = letter_templates.DEFAULT, paper: str | None = None) -> QComboBox:
    combo = QComboBox(parent)
    _fill_templates(combo, current, paper)
    return combo


class IssueDialog(QDialog):
    """Choose a programme's mentors (or, for certificates, its apprentices), a template and the date,
    then preview, print or save."""

    output_requested = Signal(str, object)  # mode (preview, print, pdf, split), the letters.Batch planned

    def __init__(self, db: Database, programme_id: int | None = None, parent=None, paper: letters.Paper = letters.APPOINTMENT):
        super().__init__(parent)
        self.db = db
        self.paper = paper
        certificates = paper is letters.CERTIFICATE
        self.setWindowTitle(self.tr("Issue completion certificates") if certificates else self.tr("Issue letters of appointment"))
        self.programme = QComboBox(self)
        fill_programmes(self.programme, db, select=programme_id)
        self.template = _template_combo(self, paper.default_template, paper.kind)  # only templates for this paper
        self.issue_date = QDateEdit(QDate.currentDate(), self)
        self.issue_date.setCalendarPopup(True)
        self.issue_date.setDisplayFormat("yyyy-MM-dd")
        self.mentors = QListWidget(self)
        self.select_all = QCheckBox(self.tr("All apprentices") if certificates else self.tr("All mentors"), self)
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
        self.split_button = buttons.addButton(self.tr("One PDF per apprentice…") if certificates else self.tr("One PDF per mentor…"),
                                              QDialogButtonBox.ButtonRole.ActionRole)
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
        self.template.currentIndexChanged.connect(self._update)  # letters held may now be reissued
        self.date_chosen = False
        self.issue_date.dateChanged.connect(self._choose_date)
        self._load_mentors()
        resize_within_screen(self, 620, 640)

    def _load_mentors(self) -> None:
        pid = self.programme.currentData()
        self.mentors.blockSignals(True)
        self.mentors.clear()
        if pid is not None:
            for mentor in letters.candidates(self.db, pid, self.paper):
                text = f"{mentor['name']}　{mentor['enterprise']}　{mentor['trade']}"
                if mentor["serial"]:
                    text += "　" + self.tr("(issued: {serial})").format(serial=mentor["serial"])
                item = QListWidgetItem(text, self.mentors)
                item.setData(Qt.ItemDataRole.UserRole, mentor["id"])
                item.setData(HOLDS_LETTER, bool(mentor["serial"]))
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

    def _planned(self) -> tuple:
        """The arguments of letters.plan() the dialog's choices make (reissue aside). The date counts
        once the coordinator has set it: a letter held is not reissued only because today is not its
        date of issue (papers issued now are dated today either way)."""
        issue_date = self.issue_date.date().toString("yyyy-MM-dd") if self.date_chosen else None
        return self.db, self.chosen_mentors(), self.programme.currentData(), self.template.currentData(), issue_date, self.paper

    def _choose_date(self) -> None:
        self.date_chosen = True
        self._update()

    def _update(self) -> None:
        count = len(self.chosen_mentors())
        for button in (self.preview_button, self.print_button, self.pdf_button, self.split_button):
            button.setEnabled(count > 0)
        certificates = self.paper is letters.CERTIFICATE
        lines = [(self.tr("{count} apprentices chosen: those with a confirmed pair in the programme.") if certificates else
                  self.tr("{count} mentors chosen.")).format(count=count)]
        holding = [self.mentors.item(i).data(Qt.ItemDataRole.UserRole) for i in range(self.mentors.count())
                   if self.mentors.item(i).checkState() == Qt.CheckState.Checked and self.mentors.item(i).data(HOLDS_LETTER)]
        if count > len(holding):  # only what applies: none may be new when all chosen hold one
            lines.append((self.tr("{count} without a certificate get new numbers once the certificates are printed or saved.")
                          if certificates else self.tr("{count} without a letter get new numbers once the letters are "
                                                       "printed or saved.")).format(count=count - len(holding)))
        if holding:
            db, _, programme_id, template, issue_date, paper = self._planned()
            held = letters.held_letters(db, letters.programmes_of(db, holding, programme_id, paper), template, issue_date, paper)
            if held.reprint:
                lines.append((self.tr("{count} apprentices already hold a certificate: it is printed again with its number.")
                              if certificates else self.tr("{count} mentors already hold a letter: it is printed again with "
                                                           "its number.")).format(count=len(held.reprint)))
            if held.reissue:
                lines.append((self.tr("{count} apprentices already hold a certificate: with this template, date or term it is "
                                      "revoked and reissued with a new number (old numbers {serials}).") if certificates else
                              self.tr("{count} mentors already hold a letter: with this template, date or term it is "
                                      "revoked and reissued with a new number (old numbers {serials}).")).format(
                    count=len(held.reissue), serials="、".join(held.reissue[:4]) + ("…" if len(held.reissue) > 4 else "")))
        self.note.setText("\n".join(lines))

    def _batch(self, reissue: bool) -> letters.Batch:
        db, people, programme_id, template, issue_date, paper = self._planned()
        return letters.Batch(db, letters.plan(db, people, programme_id, template, issue_date, paper=paper, reissue=reissue))

    def _request(self, mode: str, close: bool = True) -> None:
        batch = attempt(self, self._batch, True)
        if batch is None:
            return
        reissued = [letter for letter in batch.letters if letter.replaces]
        if reissued:
            answer = self._ask_reissue(reissued)
            if answer is None:
                return
            if not answer:  # the coordinator would rather print the letters held as they are
                batch = attempt(self, self._batch, False)
                if batch is None:
                    return
        if close:
            self.accept()
        self.output_requested.emit(mode, batch)

    def _ask_reissue(self, reissued: list) -> bool | None:
        """Reissue (True), print the letters held unchanged (False) or go back (None)."""
        shown = 12  # a longer list says how many more
        changes = [f"{letter.replaces[1]} → {letter.serial}　{letter.holder}" for letter in reissued[:shown]]
        if len(reissued) > shown:
            changes.append(self.tr("… and {count} more").format(count=len(reissued) - shown))
        question = (self.tr("{count} apprentices already hold a certificate of this programme, and with this template, date "
                            "or term it would change. Reissuing revokes each old certificate (reason: reissued as the new "
                            "number) and issues a new one with a new number:") if self.paper is letters.CERTIFICATE else
                    self.tr("{count} mentors already hold a letter for this programme, and with this template, date or term "
                            "it would change. Reissuing revokes each old letter (reason: reissued as the new number) and "
                            "issues a new letter with a new number:"))
        box = QMessageBox(QMessageBox.Icon.Question, self.tr("Reissue?"), question.format(count=len(reissued)),
                          QMessageBox.StandardButton.Cancel, self)
        box.setInformativeText("\n".join(changes))
        reissue = box.addButton(self.tr("Revoke and reissue"), QMessageBox.ButtonRole.AcceptRole)
        reprint = box.addButton(self.tr("Reprint unchanged"), QMessageBox.ButtonRole.AcceptRole)
        box.setDefaultButton(QMessageBox.StandardButton.Cancel)
        box.exec()
        return {reissue: True, reprint: False}.get(box.clickedButton())


def _scrolling(widget: QWidget) -> QScrollArea:
    """widget in a scroll area that scrolls up and down only: a tab that fits a short screen
    (1366×768 at 150 %: 512 logical pixels)."""
    scroll = QScrollArea(widget.parentWidget())
    scroll.setWidget(widget)
    scroll.setWidgetResizable(True)
    scroll.setFrameShape(QFrame.Shape.NoFrame)
    scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
    scroll.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # a click on a placeholder button leaves the cursor in its field
    scroll.setMinimumWidth(widget.minimumSizeHint().width() + scroll.verticalScrollBar().sizeHint().width())
    return scroll


class SheetForm(QWidget):
    """A pre-printed sheet's layout as a form: the paper, the scan shown behind, and each field's place."""

    changed = Signal()
    COLUMNS = 6  # text, x, y, size, alignment, width

    def __init__(self, parent=None):
        super().__init__(parent)
        self.paper = QComboBox(self)
        for label, width, height in preprinted.PRESETS:
            self.paper.addItem(translate("Sheets", label), (width, height))
        self.paper.addItem(self.tr("Custom size"), None)
        self.width_mm, self.height_mm = (self._millimetres(30, 500) for _ in range(2))
        self.scan = QLineEdit(self)
        self.scan.setReadOnly(True)
        self.scan.setPlaceholderText(self.tr("none: the fields on white"))
        self.choose_button = QPushButton(self.tr("Choose scan…"), self)
        clear = QPushButton(self.tr("Remove"), self)
        self.fields = QTableWidget(0, self.COLUMNS, self)
        self.fields.setHorizontalHeaderLabels([self.tr("Text"), self.tr("X (mm)"), self.tr("Y (mm, baseline)"),
                                               self.tr("Size (pt)"), self.tr("Alignment"), self.tr("Width (mm)")])
        self.fields.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.fields.verticalHeader().hide()
        self.add_button = QToolButton(self)
        self.add_button.setText(self.tr("Add field"))
        self.add_button.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        menu = QMenu(self.add_button)
        for key, label in letter_templates.PLACEHOLDER_LABELS.items():
            menu.addAction(translate("Placeholders", label), lambda key=key: self.add_field(f"{{{{ {key} }}}}"))
        self.add_button.setMenu(menu)
        remove = QPushButton(self.tr("Remove field"), self)

        size = QHBoxLayout()
        size.addWidget(self.paper, 1)
        size.addWidget(self.width_mm)
        size.addWidget(QLabel("×", self))
        size.addWidget(self.height_mm)
        scan = QHBoxLayout()
        scan.addWidget(self.scan, 1)
        scan.addWidget(self.choose_button)
        scan.addWidget(clear)
        form = QFormLayout()
        form.addRow(self.tr("Paper"), size)
        form.addRow(self.tr("Scan of the blank sheet"), scan)
        note = QLabel(self.tr("The scan only helps to place the fields: it shows here and in the preview, and is never "
                              "printed. Each text stands on its point: Y is the line it sits on."), self)
        note.setWordWrap(True)
        field_buttons = QHBoxLayout()
        field_buttons.addWidget(self.add_button)
        field_buttons.addWidget(remove)
        field_buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(note)
        layout.addWidget(self.fields, 1)
        layout.addLayout(field_buttons)

        self.paper.currentIndexChanged.connect(self._preset_chosen)
        for spin in (self.width_mm, self.height_mm):
            spin.valueChanged.connect(self._size_typed)
        self.choose_button.clicked.connect(self._choose_scan)
        clear.clicked.connect(lambda: (self.scan.clear(), self.changed.emit()))
        remove.clicked.connect(self._remove_field)
        self.fields.itemChanged.connect(self.changed)

    def _millimetres(self, low: float, high: float) -> QDoubleSpinBox:
        spin = QDoubleSpinBox(self)
        spin.setRange(low, high)
        spin.setDecimals(1)
        spin.setSuffix(" mm")
        return spin

    def set_sheet(self, sheet: preprinted.Sheet) -> None:
        self.blockSignals(True)
        self.width_mm.setValue(sheet.width_mm)
        self.height_mm.setValue(sheet.height_mm)
        self._size_typed()
        self.scan.setText(sheet.background)
        self.fields.setRowCount(0)
        for field in sheet.fields:
            self.add_field(field.text, field)
        self.blockSignals(False)

    def add_field(self, text: str, field: preprinted.Field | None = None) -> None:
        row = self.fields.rowCount()
        field = field or preprinted.Field(text, 20.0, min(30.0 + 15 * row, self.height_mm.value() - 10))
        self.fields.blockSignals(True)
        self.fields.insertRow(row)
        for column, value in enumerate((field.text, field.x_mm, field.y_mm, field.size_pt, None, field.width_mm)):
            if column != 4:
                self.fields.setItem(row, column, QTableWidgetItem(value if column == 0 else f"{value:g}"))
        align = QComboBox(self.fields)
        for key, label in zip(preprinted.ALIGNS, (self.tr("Left"), self.tr("Centre"), self.tr("Right"))):
            align.addItem(label, key)
        align.setCurrentIndex(max(align.findData(field.align), 0))
        align.currentIndexChanged.connect(self.changed)
        self.fields.setCellWidget(row, 4, align)
        self.fields.blockSignals(False)
        self.changed.emit()

    def _remove_field(self) -> None:
        rows = sorted({index.row() for index in self.fields.selectedIndexes()}, reverse=True)
        for row in rows or [self.fields.currentRow()]:
            if row >= 0:
                self.fields.removeRow(row)
        self.changed.emit()

    def _preset_chosen(self) -> None:
        size = self.paper.currentData()
        if size is not None:
            for spin, value in zip((self.width_mm, self.height_mm), size):
                spin.blockSignals(True)
                spin.setValue(value)
                spin.blockSignals(False)
            self.changed.emit()

    def _size_typed(self) -> None:
        size = (self.width_mm.value(), self.height_mm.value())
        index = next((i for i in range(self.paper.count() - 1) if self.paper.itemData(i) == size), self.paper.count() - 1)
        self.paper.blockSignals(True)
        self.paper.setCurrentIndex(index)
        self.paper.blockSignals(False)
        self.changed.emit()

    def _choose_scan(self) -> None:
        path, _ = QFileDialog.getOpenFileName(self, self.tr("Scan of the blank sheet"), self.scan.text(),
                                              self.tr("Images (*.png *.jpg *.jpeg *.bmp *.tif *.tiff)"))
        if path:
            self.scan.setText(path)
            self.changed.emit()

    def text(self) -> str:
        """The layout as a sheet template's JSON (numbers as typed: preprinted.parse says what is wrong)."""

        def number(row: int, column: int):
            raw = (self.fields.item(row, column).text() if self.fields.item(row, column) else "").strip().replace(",", ".")
            try:
                return float(raw or 0)
            except ValueError:
                return raw

        fields = [{"text": self.fields.item(row, 0).text() if self.fields.item(row, 0) else "", "x_mm": number(row, 1),
                   "y_mm": number(row, 2), "size_pt": number(row, 3), "align": self.fields.cellWidget(row, 4).currentData(),
                   "width_mm": number(row, 5)} for row in range(self.fields.rowCount())]
        return json.dumps({"paper": {"width_mm": self.width_mm.value(), "height_mm": self.height_mm.value()},
                           "background": self.scan.text(), "fields": fields}, ensure_ascii=False, indent=1)


class TemplateEditor(QDialog):
    """Edit a template with the letter changing live beside it: an HTML letter's wording in a form
    (its HTML in an advanced tab), or a pre-printed sheet's fields. Asks before unsaved changes are lost."""

    def __init__(self, db: Database, parent=None):
        super().__init__(parent)
        self.db = db
        self.setWindowTitle(self.tr("Letter templates"))
        self.template = _template_combo(self)
        self._current = self.template.currentData()  # the template shown (the combo may ask to leave it)
        self._saved_text = ""
        self._syncing = False  # the form is writing the HTML
        self._renderer: PageRenderer | None = None  # the preview's, for the letter options it was made with
        self.new_sheet_button = QPushButton(self.tr("New pre-printed sheet…"), self)

        # the wording form
        self.title_edit = QLineEdit(self)
        self.opening_edit = self._short_text(3)
        self.duties_edit = self._short_text(3)
        self.closing_edit = QLineEdit(self)
        self.issuers_edit = self._short_text(3)
        self.issuers_edit.setPlaceholderText(self.tr("One per line. Empty: the issuers of the letter options, else the "
                                                     "programme's colleges and the mentor's enterprise."))
        self.form_edits = {"title": self.title_edit, "opening": self.opening_edit, "duties": self.duties_edit,
                           "closing": self.closing_edit, "issuers": self.issuers_edit}
        insert = QGridLayout()  # two rows of four: one row of eight is too wide for 1366×768 at 150 %
        insert.setSpacing(4)
        self.placeholder_buttons = {}
        for i, (key, label) in enumerate(list(letter_templates.PLACEHOLDER_LABELS.items())[:8]):
            insert.addWidget(self._placeholder_button(key, label), i // 4, i % 4)
        more = QToolButton(self)
        more.setText(self.tr("More…"))
        more.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        more.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        more_menu = QMenu(more)
        for key, label in list(letter_templates.PLACEHOLDER_LABELS.items())[8:]:
            more_menu.addAction(translate("Placeholders", label), lambda key=key: self.insert_placeholder(key))
        more.setMenu(more_menu)
        insert.addWidget(more, 1, 4)
        insert.setColumnStretch(5, 1)
        self.form_note = QLabel(self.tr("This letter was written as HTML. The form can write it again from the usual "
                                        "shape, which replaces the HTML."), self)
        self.form_note.setWordWrap(True)
        self.use_form_button = QPushButton(self.tr("Write it with the form"), self)
        self.use_form_button.clicked.connect(self._start_form)
        wording = QWidget(self)
        form = QFormLayout()
        form.addRow(self.tr("Title"), self.title_edit)
        form.addRow(self.tr("Opening sentence"), self.opening_edit)
        form.addRow(self.tr("Duties"), self.duties_edit)
        form.addRow(self.tr("Closing"), self.closing_edit)
        form.addRow(self.tr("Issuers"), self.issuers_edit)
        self.form_box = QWidget(wording)
        box = QVBoxLayout(self.form_box)
        box.setContentsMargins(0, 0, 0, 0)
        box.addWidget(QLabel(self.tr("Insert at the cursor:"), self))
        box.addLayout(insert)
        box.addLayout(form)
        wording_layout = QVBoxLayout(wording)
        wording_layout.addWidget(self.form_note)
        wording_layout.addWidget(self.use_form_button, 0, Qt.AlignmentFlag.AlignLeft)
        wording_layout.addWidget(self.form_box)
        wording_layout.addStretch(1)
        for edit in self.form_edits.values():
            edit.textChanged.connect(self._form_changed)

        # the HTML, for those who want it
        self.editor = QPlainTextEdit(self)
        self.editor.setLineWrapMode(QPlainTextEdit.LineWrapMode.NoWrap)
        font = self.editor.font()
        font.setFamily("monospace")
        font.setStyleHint(font.StyleHint.Monospace)
        self.editor.setFont(font)
        self.placeholders = QListWidget(self)
        for name, help_text in letter_templates.ALL_PLACEHOLDERS.items():
            item = QListWidgetItem(f"{{{{ {name} }}}} — {translate('Placeholders', help_text)}", self.placeholders)
            item.setData(Qt.ItemDataRole.UserRole, name)
            item.setToolTip(translate("Placeholders", help_text))
        self.placeholders.itemDoubleClicked.connect(self._insert_placeholder)
        html = QWidget(self)
        html_layout = QVBoxLayout(html)
        html_layout.addWidget(self.editor, 3)
        html_layout.addWidget(QLabel(self.tr("Placeholders (double-click to insert):"), self))
        html_layout.addWidget(self.placeholders, 1)

        self.sheet_form = SheetForm(self)
        self.sheet_form.changed.connect(self._schedule_preview)
        self.tabs = QTabWidget(self)
        self.wording_tab = self.tabs.addTab(_scrolling(wording), self.tr("Wording"))
        self.html_tab = self.tabs.addTab(html, self.tr("HTML (advanced)"))
        self.sheet_tab = self.tabs.addTab(_scrolling(self.sheet_form), self.tr("Pre-printed sheet"))
        self.tabs.currentChanged.connect(self._tab_changed)

        self.preview = QLabel(self)
        self.preview.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignHCenter)
        self.preview.setMinimumSize(240, 120)  # not the page's height: the dialog fits a short screen
        self.message = QLabel(self)
        self.message.setWordWrap(True)
        self.position = QLabel(self)
        splitter = QSplitter(self)
        splitter.addWidget(self.tabs)
        splitter.addWidget(self.preview)
        splitter.setStretchFactor(0, 1)
        splitter.setStretchFactor(1, 1)
        splitter.splitterMoved.connect(lambda *_: self._schedule_preview())

        buttons = QDialogButtonBox(self)
        self.save_button = buttons.addButton(self.tr("Save"), QDialogButtonBox.ButtonRole.ActionRole)
        self.save_as_button = buttons.addButton(self.tr("Save as…"), QDialogButtonBox.ButtonRole.ActionRole)
        self.restore_button = buttons.addButton(self.tr("Restore built-in"), QDialogButtonBox.ButtonRole.ActionRole)
        buttons.addButton(QDialogButtonBox.StandardButton.Close).clicked.connect(self.reject)
        self.save_button.clicked.connect(lambda: self.save(self.template.currentData()))
        self.save_as_button.clicked.connect(self.save_as)
        self.restore_button.clicked.connect(self.restore)
        self.new_sheet_button.clicked.connect(self.new_sheet)

        top = QHBoxLayout()
        top.addWidget(QLabel(self.tr("Template"), self))
        top.addWidget(self.template, 1)
        top.addWidget(self.new_sheet_button)
        top.addWidget(self.position)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(splitter, 1)
        layout.addWidget(self.message)
        layout.addWidget(buttons)

        # a short wait gathers a burst (a paste, an input method's phrase) into one redraw, and keeps the
        # redraw within 150 ms of a keystroke (benchmarks/bench_template_preview.py)
        self._timer = QTimer(self, singleShot=True, interval=40)
        self._timer.timeout.connect(self.update_preview)
        self.editor.textChanged.connect(self._html_changed)
        self.editor.cursorPositionChanged.connect(self._show_position)
        self.template.currentIndexChanged.connect(self._template_chosen)
        self.sample = sample_letter(db)
        self.load()
        resize_within_screen(self, 1200, 680)  # 820 px is too tall over a taskbar at 1366×768

    def _short_text(self, lines: int) -> QPlainTextEdit:
        edit = QPlainTextEdit(self)
        edit.setTabChangesFocus(True)
        edit.setFixedHeight(round(edit.fontMetrics().lineSpacing() * (lines + 0.8)))
        return edit

    def _placeholder_button(self, key: str, label: str) -> QPushButton:
        button = QPushButton(translate("Placeholders", label), self)
        button.setToolTip(translate("Placeholders", letter_templates.PLACEHOLDERS[key]))
        button.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # the cursor stays in the field being written
        button.clicked.connect(lambda: self.insert_placeholder(key))
        self.placeholder_buttons[key] = button
        return button

    # -- which template, and what it holds -----------------------------------------------------

    def is_sheet(self) -> bool:
        return self.tabs.isTabEnabled(self.sheet_tab)

    def current_text(self) -> str:
        return self.sheet_form.text() if self.is_sheet() else self.editor.toPlainText()

    def has_changes(self) -> bool:
        return self.current_text() != self._saved_text

    def load(self) -> None:
        name = self.template.currentData()
        self._current = name
        sheet = letter_templates.is_sheet(name)
        for tab in (self.wording_tab, self.html_tab):
            self.tabs.setTabEnabled(tab, not sheet)
        self.tabs.setTabEnabled(self.sheet_tab, sheet)
        try:
            text = letter_templates.source(name)
            if sheet:
                self.sheet_form.set_sheet(preprinted.parse(text))
            else:
                self._syncing = True
                self.editor.setPlainText(text)
                self._syncing = False
                self._show_form(letter_templates.form_of(text))
        except letter_templates.TemplateError as exc:
            self.message.setText(str(exc))
        self.tabs.setCurrentIndex(self.sheet_tab if sheet else self.wording_tab)
        self._saved_text = self.current_text()
        self.restore_button.setEnabled(letter_templates.has_user_copy(name) and letter_templates.is_builtin(name))
        self.update_preview()

    def _template_chosen(self) -> None:
        if not self._may_leave():
            _fill_templates(self.template, self._current)  # stay on the template with the changes
            return
        self.load()

    def _may_leave(self) -> bool:
        """True when nothing unsaved would be lost: none, saved now, or given up by the coordinator."""
        if not self.has_changes():
            return True
        answer = QMessageBox.question(
            self, self.tr("Unsaved changes"),
            self.tr("The template {name} has changes that are not saved. Save them?").format(
                name=letter_templates.display_name(self._current)),
            QMessageBox.StandardButton.Save | QMessageBox.StandardButton.Discard | QMessageBox.StandardButton.Cancel,
            QMessageBox.StandardButton.Save)
        if answer == QMessageBox.StandardButton.Save:
            return self.save(self._current)
        return answer == QMessageBox.StandardButton.Discard

    # -- the wording form ----------------------------------------------------------------------

    def _show_form(self, form: dict | None) -> None:
        """Fill the form from a template made with it; a template written as HTML shows the usual
        wording, greyed, and offers to write the letter with it."""
        self.form_box.setEnabled(form is not None)
        self.form_note.setVisible(form is None)
        self.use_form_button.setVisible(form is None)
        self._syncing = True
        for key, edit in self.form_edits.items():
            value = (form or self._usual_form()).get(key, "")
            if isinstance(edit, QLineEdit):
                edit.setText(value)
            else:
                edit.setPlainText(value)
        self._syncing = False

    def form_values(self) -> dict:
        return {key: edit.text() if isinstance(edit, QLineEdit) else edit.toPlainText() for key, edit in self.form_edits.items()}

    def _usual_form(self) -> dict:
        return dict(letter_templates.DEFAULT_FORM, title=letter_templates.title(self.editor.toPlainText()) or "聘书")

    def _start_form(self) -> None:
        self._show_form(self._usual_form())
        self._form_changed()

    def _form_changed(self) -> None:
        if self._syncing:
            return
        self._syncing = True
        self.editor.setPlainText(letter_templates.wording_html(self.form_values()))
        self._syncing = False
        self._schedule_preview()

    def _html_changed(self) -> None:
        if not self._syncing:  # typed as HTML: the form shows it only while it still matches
            form = letter_templates.form_of(self.editor.toPlainText())
            matches = form is not None and letter_templates.wording_html(form) == self.editor.toPlainText()
            self.form_box.setEnabled(matches)
            self.form_note.setVisible(not matches)
            self.use_form_button.setVisible(not matches)
        self._schedule_preview()

    def _tab_changed(self) -> None:
        if self.tabs.currentIndex() == self.wording_tab and self.form_box.isEnabled():
            self._show_form(letter_templates.form_of(self.editor.toPlainText()))

    def insert_placeholder(self, key: str) -> None:
        """Put {{ key }} at the cursor of the form field being written (the opening sentence if none)."""
        edit = self.focusWidget()
        if edit not in self.form_edits.values():
            edit = self.opening_edit
        edit.insert(f"{{{{ {key} }}}}") if isinstance(edit, QLineEdit) else edit.insertPlainText(f"{{{{ {key} }}}}")
        edit.setFocus()

    # -- the HTML ------------------------------------------------------------------------------

    def _show_position(self) -> None:
        cursor = self.editor.textCursor()
        self.position.setText(self.tr("Line {line}, column {column}").format(
            line=cursor.blockNumber() + 1, column=cursor.positionInBlock() + 1))

    def _insert_placeholder(self, item: QListWidgetItem) -> None:
        self.editor.insertPlainText(f"{{{{ {item.data(Qt.ItemDataRole.UserRole)} }}}}")
        self.editor.setFocus()

    # -- the preview ---------------------------------------------------------------------------

    def _schedule_preview(self) -> None:
        self._timer.start()

    def resizeEvent(self, event) -> None:  # noqa: N802 — Qt's name; the page is drawn to the preview's size
        super().resizeEvent(event)
        self._schedule_preview()

    def update_preview(self) -> None:
        """Draw the template being edited; a broken one shows its line (or field) instead."""
        width = max(self.preview.width(), 300)
        try:
            image = self._sheet_image(width) if self.is_sheet() else self._letter_image(self.editor.toPlainText(), width)
        except UserError as exc:
            self._mark_error(str(exc), None if self.is_sheet() else getattr(exc, "lineno", None))
            return
        self._mark_error("", None)
        if image.height() > self.preview.height() > 0:  # the whole page shows on a short screen, smaller
            image = image.scaledToHeight(self.preview.height(), Qt.TransformationMode.SmoothTransformation)
        self.preview.setPixmap(QPixmap.fromImage(image))

    def _letter_image(self, text: str, width: int) -> QImage:
        """An HTML letter's page, filled with the sample letter (the issuers the wording names, if
        any), laid out as the PDF and the printer lay it out, width pixels wide."""
        layout = settings.get(self.db, "letter_layout")
        issuers = letter_templates.fixed_issuers(text)
        sample = replace(self.sample, issuers=issuers, context={**self.sample.context, "issuers": list(issuers)}) if issuers else self.sample
        options = letters.page_options(layout)
        if self._renderer is None or self._renderer.options != options:  # kept while the options stay: seals decoded once
            self._renderer = PageRenderer(options)
        return self._renderer.image(letters.letter_page(sample, text, layout), width)

    def _sheet_image(self, width: int) -> QImage:
        """The sheet filled with the sample letter, the scan behind it, width pixels wide."""
        sheet = preprinted.parse(self.sheet_form.text())
        options = letters.page_options(settings.get(self.db, "letter_layout"))
        return preprinted.SheetRenderer(sheet, options.font_family).image(preprinted.fill(sheet, self.sample.context), width)

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

    # -- saving --------------------------------------------------------------------------------

    def save(self, name: str) -> bool:
        text = self.current_text()
        try:
            # a copy (save as) is for the paper of the template it was made from
            letter_templates.save(name, text, sheet=self.is_sheet(), paper=letter_templates.paper_of(self._current))
        except (letter_templates.TemplateError, OSError) as exc:
            jobs.show_error(self, exc)
            return False
        self._saved_text = text
        self.message.setText(self.tr("Saved as {name} in {folder}.").format(name=name, folder=letter_templates.user_dir()))
        self.restore_button.setEnabled(letter_templates.is_builtin(name))
        return True

    def _ask_name(self) -> str:
        name, ok = QInputDialog.getText(self, self.tr("Save template as"), self.tr("Name of the new template:"))
        return name.strip() if ok else ""

    def save_as(self) -> None:
        name = self._ask_name()
        if name and self.save(name):
            self._current = name
            _fill_templates(self.template, name)
            self.restore_button.setEnabled(letter_templates.has_user_copy(name) and letter_templates.is_builtin(name))

    def new_sheet(self) -> None:
        """A new pre-printed sheet layout, started from the built-in one."""
        if not self._may_leave():
            return
        name = self._ask_name()
        if not name:
            return
        try:
            letter_templates.save(name, letter_templates.source("preprinted-a4"), sheet=True)
        except (letter_templates.TemplateError, OSError) as exc:
            jobs.show_error(self, exc)
            return
        _fill_templates(self.template, name)
        self.load()

    def restore(self) -> None:
        letter_templates.delete_user_copy(self.template.currentData())
        self.load()

    def reject(self) -> None:
        """Close, Escape and the window's close box all come here (QDialog.closeEvent calls reject)."""
        if self._may_leave():
            super().reject()

    def done(self, result: int) -> None:
        self._timer.stop()  # no preview after the dialog is gone
        super().done(result)


class CalibrationDialog(QDialog):
    """A printer's calibration for pre-printed sheets: print the calibration page, measure, enter."""

    def __init__(self, printer_name: str, print_page, parent=None):
        super().__init__(parent)
        self.setWindowTitle(self.tr("Printer calibration for pre-printed sheets"))
        self.printer = QComboBox(self)
        self.printer.setEditable(True)
        self.printer.addItems(QPrinterInfo.availablePrinterNames())
        self.printer.setCurrentText(printer_name)
        self.offset_x, self.offset_y = (self._millimetres(-30, 30) for _ in range(2))
        self.measured_x, self.measured_y = (self._millimetres(0, 100) for _ in range(2))
        cross = preprinted.CALIBRATION_CROSS_MM
        for spin in (self.measured_x, self.measured_y):
            spin.setValue(cross)
            spin.valueChanged.connect(self._measured)
        print_button = QPushButton(self.tr("Print the calibration page…"), self)
        print_button.clicked.connect(lambda: print_page(self.printer.currentText()))
        explanation = QLabel(self.tr("1. Print the calibration page on plain paper, fed as the sheets will be.\n"
                                     "2. Measure from the paper's left and top edges to the centre of the cross marked "
                                     "({cross:g}, {cross:g}) mm and enter the distances.\n"
                                     "3. Save: every pre-printed sheet printed on this printer moves by the offset.").format(
            cross=cross), self)
        explanation.setWordWrap(True)
        measured = QHBoxLayout()
        measured.addWidget(self.measured_x)
        measured.addWidget(self.measured_y)
        offset = QHBoxLayout()
        offset.addWidget(self.offset_x)
        offset.addWidget(self.offset_y)
        form = QFormLayout()
        form.addRow(self.tr("Printer"), self.printer)
        form.addRow("", print_button)
        form.addRow(self.tr("Cross measured at (left, top)"), measured)
        form.addRow(self.tr("Offset (right, down)"), offset)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel, self)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(explanation)
        layout.addLayout(form)
        layout.addWidget(buttons)
        self.printer.currentTextChanged.connect(self._show_offset)
        self._show_offset()
        resize_within_screen(self, 560, 360)

    def _millimetres(self, low: float, high: float) -> QDoubleSpinBox:
        spin = QDoubleSpinBox(self)
        spin.setRange(low, high)
        spin.setDecimals(1)
        spin.setSingleStep(0.5)
        spin.setSuffix(" mm")
        return spin

    def _show_offset(self) -> None:
        x, y = printer_offset(self.printer.currentText())
        self.offset_x.setValue(x)
        self.offset_y.setValue(y)

    def _measured(self) -> None:
        x, y = preprinted.offset_from_measurement(self.measured_x.value(), self.measured_y.value())
        self.offset_x.setValue(x)
        self.offset_y.setValue(y)

    def accept(self) -> None:
        set_printer_offset(self.printer.currentText(), self.offset_x.value(), self.offset_y.value())
        super().accept()


class OptionsDialog(FormDialog):
    """Letter options on their own (Letter options…): the form of Settings → Letters."""

    def __init__(self, db: Database, parent=None):
        super().__init__(db, LetterSettingsForm(db), parent)
        self.setWindowTitle(self.tr("Letter options"))
        resize_within_screen(self, 1040, 680)  # 720 px is too tall over a taskbar at 1366×768

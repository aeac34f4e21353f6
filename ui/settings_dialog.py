"""File → Settings…: the rules stored in the database (mentormatch/settings.py), one tab per area.

A tab is a form constructed as Form(db, parent) with title() -> str, check() -> bool (show what
is wrong next to the field and return False) and save(). The same form also stands alone in a
FormDialog where an area's page offers it: the pairing page's Weights… (WeightsForm), the
Letters page's Letter options… (LetterSettingsForm) — one form for each setting, not two.
"""

from __future__ import annotations

import base64
from dataclasses import replace
from datetime import date
from pathlib import Path

from PySide6.QtCore import QSettings, Qt, QTimer
from PySide6.QtGui import QIcon, QPixmap
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QDoubleSpinBox,
    QFileDialog,
    QFormLayout,
    QFrame,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QMessageBox,
    QPlainTextEdit,
    QPushButton,
    QRadioButton,
    QScrollArea,
    QSpinBox,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)
from sqlite_utils import Database

from mentormatch import letter_templates, letters, scoring, settings
from mentormatch.errors import UserError
from mentormatch.fonts import chinese_families
from mentormatch.letter_render import SEAL_MM, PageRenderer
from mentormatch.store import writing
from ui.letters_preview import PagePreview, sample_letter
from ui.record_dialog import ERROR_STYLE
from ui.screen_fit import resize_within_screen


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

    def check(self) -> bool:
        return True

    def save(self) -> None:
        settings.put(self.db, "default_capacity", self.capacity.value())


class WeightsForm(QWidget):
    """The score weights of pairing (setting match_weights)."""

    def __init__(self, db: Database, parent: QWidget | None = None):
        super().__init__(parent)
        self.db = db
        labels = {
            "same_trade": self.tr("Same trade"),
            "related_trade": self.tr("Related trade"),
            "level_above": self.tr("Mentor's level above the target level"),
            "level_equal": self.tr("Mentor's level equal to the target level"),
            "experience_max": self.tr("Experience: most points"),
            "experience_cap_years": self.tr("Experience: years for the most points"),
            "continuity": self.tr("Already confirmed pair (re-matching)"),
            "preferred": self.tr("Apprentice's preferred mentor"),
            "fairness_step": self.tr("Fairness: cost of each further apprentice of a mentor"),
        }
        note = QLabel(self.tr("Matching first places as many apprentices as possible, then maximises the total score "
                              "minus the fairness cost. A mentor's k-th apprentice costs the fairness step × (k − 1)."), self)
        note.setWordWrap(True)
        form = QFormLayout()
        self.spins: dict[str, QSpinBox] = {}
        for key, label in labels.items():
            spin = QSpinBox(self)
            spin.setObjectName(key)
            spin.setRange(1 if key == "experience_cap_years" else 0, scoring.WEIGHT_MAX)
            self.spins[key] = spin
            form.addRow(label, spin)
        self.defaults_button = QPushButton(self.tr("Restore defaults"), self)
        self.defaults_button.clicked.connect(lambda: self.show_weights(scoring.Weights()))
        defaults = QHBoxLayout()
        defaults.addStretch(1)
        defaults.addWidget(self.defaults_button)
        layout = QVBoxLayout(self)
        layout.addWidget(note)
        layout.addLayout(form)
        layout.addLayout(defaults)
        layout.addStretch(1)
        try:
            self.show_weights(scoring.load_weights(db))
        except UserError:
            self.show_weights(scoring.Weights())

    def title(self) -> str:
        return self.tr("Pairing")

    def show_weights(self, weights: scoring.Weights) -> None:
        for key, value in weights.as_dict().items():
            self.spins[key].setValue(value)

    def check(self) -> bool:
        return True  # the spin boxes hold only weights that scoring accepts

    def save(self) -> None:
        scoring.save_weights(self.db, scoring.Weights.from_dict({k: s.value() for k, s in self.spins.items()}))


class LetterSettingsForm(QWidget):
    """Letters of appointment: paper, border, signature lines, font, the date's numerals, the issuers
    with their seals (each issuer's name on letters, its seal's size and place), and the serial number
    (prefix and pattern, with the number the next letter will get); a sample letter beside the form
    shows the options as they are set."""

    def __init__(self, db: Database, parent: QWidget | None = None):
        super().__init__(parent)
        self.db = db
        layout_settings = settings.get(db, "letter_layout")
        self.seals: dict[str, str] = dict(layout_settings.get("seals", {}))
        self.issuer_options: dict[str, dict] = {k: dict(v) for k, v in layout_settings.get("issuer_options", {}).items()}

        self.portrait = QRadioButton(self.tr("A4 portrait"), self)
        self.landscape = QRadioButton(self.tr("A4 landscape"), self)
        (self.landscape if layout_settings["landscape"] else self.portrait).setChecked(True)
        orientation = QHBoxLayout()
        orientation.addWidget(self.portrait)
        orientation.addWidget(self.landscape)
        orientation.addStretch(1)
        self.border = QCheckBox(self.tr("Decorative border"), self)
        self.border.setChecked(layout_settings["border"])
        self.signature_lines = QCheckBox(self.tr("Signature lines"), self)
        self.signature_lines.setChecked(layout_settings["signature_lines"])
        self.font_family = QComboBox(self)
        self.font_family.addItem(self.tr("Automatic (best installed Simplified Chinese font)"), "")
        for family in chinese_families():
            self.font_family.addItem(family, family)
        self.font_family.setCurrentIndex(max(self.font_family.findData(layout_settings["font"]), 0))
        self.chinese_date = QCheckBox(self.tr("Date of issue in Chinese numerals (二〇二六年十二月一日)"), self)
        self.chinese_date.setChecked(bool(layout_settings["chinese_date"]))
        self.issuers = QPlainTextEdit("\n".join(settings.get(db, "letter_issuers")), self)
        self.issuers.setPlaceholderText(self.tr("One organisation per line. Empty: the programme's colleges and the "
                                                "mentor's enterprise."))
        self.issuers.setMaximumHeight(90)
        self.seal_list = QListWidget(self)
        self.seal_list.setIconSize(QPixmap(32, 32).size())
        self.seal_list.setMaximumHeight(110)
        choose = QPushButton(self.tr("Choose seal image…"), self)
        remove = QPushButton(self.tr("Remove seal"), self)
        choose.clicked.connect(self.choose_seal)
        remove.clicked.connect(self.remove_seal)
        seal_buttons = QHBoxLayout()
        seal_buttons.addWidget(choose)
        seal_buttons.addWidget(remove)
        seal_buttons.addStretch(1)
        self.name_on_letters = QLineEdit(self)
        self.name_on_letters.setPlaceholderText(self.tr("The full name"))
        self.name_on_letters.setToolTip(self.tr("A shorter name to print for the selected organisation, "
                                                "for example when its full name does not fit on one line."))
        self.seal_size = QDoubleSpinBox(self)
        self.seal_size.setRange(20, 60)
        self.seal_right = QDoubleSpinBox(self)
        self.seal_down = QDoubleSpinBox(self)
        for spin in (self.seal_right, self.seal_down):
            spin.setRange(-40, 40)
        for spin in (self.seal_size, self.seal_right, self.seal_down):
            spin.setDecimals(1)
            spin.setSingleStep(0.5)
            spin.setSuffix(" mm")
        self.seal_right.setToolTip(self.tr("Moves the seal to the right (a negative value: to the left)."))
        self.seal_down.setToolTip(self.tr("Moves the seal down (a negative value: up)."))
        seal_place = QHBoxLayout()
        for label, spin in ((self.tr("Diameter"), self.seal_size), (self.tr("Right"), self.seal_right),
                            (self.tr("Down"), self.seal_down)):
            seal_place.addWidget(QLabel(label, self))
            seal_place.addWidget(spin)
        seal_place.addStretch(1)
        self.preview = PagePreview(self)
        self.preview.setMinimumWidth(260)
        self._sample = sample_letter(db)
        self._preview_timer = QTimer(self, singleShot=True, interval=150)
        self._preview_timer.timeout.connect(self.update_preview)
        self.preview.wants_page.connect(self._preview_timer.start)
        self.prefix = QLineEdit(settings.get(db, "letter_prefix"), self)
        self.certificate_prefix = QLineEdit(settings.get(db, "certificate_prefix"), self)
        self.certificate_prefix.setToolTip(self.tr("Completion certificates are numbered on their own, with this prefix "
                                                   "and the same pattern"))
        self.pattern = QLineEdit(settings.get(db, "letter_serial_pattern"), self)
        self.pattern.setToolTip(self.tr("{prefix}: the prefix; {year}: the year of issue; {seq}: the letter's number in "
                                        "that year, {seq:04d} with four digits"))
        self.next_serial = QLabel(self)
        self.next_serial.setWordWrap(True)
        pattern_cell = QWidget(self)
        pattern_box = QVBoxLayout(pattern_cell)
        pattern_box.setContentsMargins(0, 0, 0, 0)
        pattern_box.setSpacing(1)
        pattern_box.addWidget(self.pattern)
        pattern_box.addWidget(self.next_serial)

        form = QFormLayout()
        form.addRow(self.tr("Paper"), orientation)
        form.addRow("", self.border)
        form.addRow("", self.signature_lines)
        form.addRow("", self.chinese_date)
        form.addRow(self.tr("Font"), self.font_family)
        form.addRow(self.tr("Issuers"), self.issuers)
        form.addRow(self.tr("Seals (PNG with transparency)"), self.seal_list)
        form.addRow("", seal_buttons)
        form.addRow(self.tr("Name on letters"), self.name_on_letters)
        form.addRow(self.tr("Seal"), seal_place)
        form.addRow(self.tr("Serial prefix"), self.prefix)
        form.addRow(self.tr("Certificates' prefix"), self.certificate_prefix)
        form.addRow(self.tr("Serial pattern"), pattern_cell)
        # the form scrolls where the screen is short (1366×768 at 150 %: 512 logical pixels), the preview beside it
        body = QWidget(self)
        left = QVBoxLayout(body)
        left.setContentsMargins(0, 0, 0, 0)
        left.addLayout(form)
        left.addStretch(1)
        scroll = QScrollArea(self)
        scroll.setWidget(body)
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        scroll.setMinimumWidth(body.minimumSizeHint().width() + scroll.verticalScrollBar().sizeHint().width())
        columns = QHBoxLayout(self)
        columns.setContentsMargins(0, 0, 0, 0)
        columns.addWidget(scroll, 3)
        columns.addWidget(self.preview, 2)
        self.prefix.textChanged.connect(self.check)
        self.certificate_prefix.textChanged.connect(self.check)
        self.pattern.textChanged.connect(self.check)
        self.issuers.textChanged.connect(self._fill_seal_list)
        self.seal_list.currentItemChanged.connect(self._show_issuer_options)
        self.name_on_letters.textChanged.connect(self._keep_issuer_options)
        for spin in (self.seal_size, self.seal_right, self.seal_down):
            spin.valueChanged.connect(self._keep_issuer_options)
        for changed in (self.portrait.toggled, self.border.toggled, self.signature_lines.toggled, self.chinese_date.toggled,
                        self.font_family.currentIndexChanged, self.issuers.textChanged):
            changed.connect(self._preview_timer.start)
        self._fill_seal_list()
        self.check()

    def title(self) -> str:
        return self.tr("Letters")

    def issuer_names(self) -> list[str]:
        return [line.strip() for line in self.issuers.toPlainText().splitlines() if line.strip()]

    def _fill_seal_list(self) -> None:
        names = self.issuer_names() or [r[0] for r in self.db.execute(
            "SELECT name FROM colleges UNION ALL SELECT name FROM enterprises ORDER BY 1")]
        current = self.seal_list.currentItem().data(Qt.ItemDataRole.UserRole) if self.seal_list.currentItem() else None
        self.seal_list.clear()
        for name in dict.fromkeys([*names, *self.seals]):
            item = QListWidgetItem(name, self.seal_list)
            item.setData(Qt.ItemDataRole.UserRole, name)
            if name in self.seals:
                pixmap = QPixmap()
                pixmap.loadFromData(base64.b64decode(self.seals[name]))
                item.setIcon(QIcon(pixmap))
                item.setText(self.tr("{name} — seal chosen").format(name=name))
            if name == current:
                self.seal_list.setCurrentItem(item)
        if self.seal_list.currentItem() is None and self.seal_list.count():
            self.seal_list.setCurrentRow(0)
        self._show_issuer_options()
        self._preview_timer.start()

    def current_issuer(self) -> str | None:
        item = self.seal_list.currentItem()
        return item.data(Qt.ItemDataRole.UserRole) if item is not None else None

    def _show_issuer_options(self) -> None:
        """The selected issuer's name on letters and seal place in the fields under the list."""
        issuer = self.current_issuer()
        options = self.issuer_options.get(issuer, {})
        fields = (self.name_on_letters, self.seal_size, self.seal_right, self.seal_down)
        for widget in fields:
            widget.blockSignals(True)
            widget.setEnabled(issuer is not None)
        self.name_on_letters.setText(options.get("name_on_letters", ""))
        self.seal_size.setValue(options.get("seal_mm", SEAL_MM))
        self.seal_right.setValue(options.get("seal_right_mm", 0))
        self.seal_down.setValue(options.get("seal_down_mm", 0))
        for widget in fields:
            widget.blockSignals(False)

    def _keep_issuer_options(self) -> None:
        issuer = self.current_issuer()
        if issuer is None:
            return
        options = {"name_on_letters": self.name_on_letters.text().strip(), "seal_mm": self.seal_size.value(),
                   "seal_right_mm": self.seal_right.value(), "seal_down_mm": self.seal_down.value()}
        if options == {"name_on_letters": "", "seal_mm": SEAL_MM, "seal_right_mm": 0, "seal_down_mm": 0}:
            self.issuer_options.pop(issuer, None)  # as if never set: follows the defaults
        else:
            self.issuer_options[issuer] = options
        self._preview_timer.start()

    def layout_settings(self) -> dict:
        """The setting letter_layout as the form shows it."""
        return {"landscape": self.landscape.isChecked(), "border": self.border.isChecked(),
                "signature_lines": self.signature_lines.isChecked(), "font": self.font_family.currentData(),
                "seals": self.seals, "chinese_date": self.chinese_date.isChecked(), "issuer_options": self.issuer_options}

    def update_preview(self) -> None:
        """Draw a sample letter with the options as set (the default template, the issuers typed above)."""
        if not self.preview.isVisible():
            return  # drawn when shown
        letter = replace(self._sample, issuers=tuple(self.issuer_names()) or self._sample.issuers)
        layout = self.layout_settings()
        try:
            page = letters.letter_page(letter, letter_templates.source(letter.template), layout)
            self.preview.show_page(PageRenderer(letters.page_options(layout)), page)
        except UserError as exc:
            self.preview.setToolTip(str(exc))
        else:
            self.preview.setToolTip("")

    def choose_seal(self) -> None:
        item = self.seal_list.currentItem()
        if item is None:
            QMessageBox.information(self, self.tr("Seal image"), self.tr("Select the organisation first."))
            return
        folder = QSettings().value("letters/seal_folder", "")
        path, _ = QFileDialog.getOpenFileName(self, self.tr("Seal image"), folder, self.tr("PNG images (*.png)"))
        if path:
            self.set_seal(item.data(Qt.ItemDataRole.UserRole), path)

    def set_seal(self, issuer: str, path: str) -> bool:
        pixmap = QPixmap(path)
        if pixmap.isNull():
            QMessageBox.warning(self, self.tr("Seal image"), self.tr("{path} is not a PNG image.").format(path=path))
            return False
        self.seals[issuer] = base64.b64encode(Path(path).read_bytes()).decode("ascii")
        QSettings().setValue("letters/seal_folder", str(Path(path).parent))
        self._fill_seal_list()
        return True

    def remove_seal(self) -> None:
        item = self.seal_list.currentItem()
        if item is not None:
            self.seals.pop(item.data(Qt.ItemDataRole.UserRole), None)
            self._fill_seal_list()

    def check(self) -> bool:
        """Show the number the next letter will get, or what is wrong with the pattern, under the field."""
        pattern, year = self.pattern.text().strip(), date.today().year
        prefix, certificate_prefix = self.prefix.text().strip(), self.certificate_prefix.text().strip()
        try:
            if certificate_prefix == prefix:  # one prefix would mix the two kinds' numbers in one series
                raise UserError(self.tr("Completion certificates need a prefix of their own, other than the letters'."))
            serial = letters.next_serial(self.db, pattern, prefix, year)
            certificate = letters.next_serial(self.db, pattern, certificate_prefix, year, letters.CERTIFICATE.kind)
        except UserError as exc:
            self.next_serial.setText(str(exc))
            self.next_serial.setStyleSheet(ERROR_STYLE)
            return False
        self.next_serial.setText(self.tr("The next letter issued this year gets the number {serial}, the next completion "
                                         "certificate {certificate}.").format(serial=serial, certificate=certificate))
        self.next_serial.setStyleSheet("")
        return True

    def save(self) -> None:
        with writing(self.db):
            settings.put(self.db, "letter_layout", self.layout_settings())
            settings.put(self.db, "letter_issuers", self.issuer_names())
            settings.put(self.db, "letter_prefix", self.prefix.text().strip())
            settings.put(self.db, "certificate_prefix", self.certificate_prefix.text().strip())
            settings.put(self.db, "letter_serial_pattern", self.pattern.text().strip())


def _refuse_or_save(db: Database, forms: list[QWidget]) -> QWidget | None:
    """Save every form in one transaction if all pass their check; else the first that does not."""
    refused = next((form for form in forms if not form.check()), None)
    if refused is None:
        with writing(db):
            for form in forms:
                form.save()
    return refused


class FormDialog(QDialog):
    """One settings form on its own, with Save and Cancel."""

    def __init__(self, db: Database, form: QWidget, parent: QWidget | None = None):
        super().__init__(parent)
        self.db, self.form = db, form
        self.setWindowTitle(form.title())
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel, self)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(form)
        layout.addWidget(self.buttons)

    def accept(self) -> None:
        if _refuse_or_save(self.db, [self.form]) is None:
            super().accept()


class SettingsDialog(QDialog):
    def __init__(self, db: Database, parent: QWidget | None = None):
        super().__init__(parent)
        self.db = db
        self.setWindowTitle(self.tr("Settings"))
        self.tabs = QTabWidget(self)
        for form in (GeneralTab, WeightsForm, LetterSettingsForm):
            tab = form(db, self.tabs)
            self.tabs.addTab(tab, tab.title())
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel, self)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.tabs)
        layout.addWidget(self.buttons)
        resize_within_screen(self, 1040, 680)  # 720 px is too tall over a taskbar at 1366×768

    def accept(self) -> None:
        refused = _refuse_or_save(self.db, [self.tabs.widget(i) for i in range(self.tabs.count())])
        if refused is None:
            super().accept()
        else:
            self.tabs.setCurrentWidget(refused)

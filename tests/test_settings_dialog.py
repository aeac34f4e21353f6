"""File → Settings…: one dialog with a tab per area, driven as a coordinator would."""

from datetime import date

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog, QDialogButtonBox

from mentormatch import letters, records, settings
from ui.letters_dialogs import OptionsDialog
from ui.pairing import WeightsDialog
from ui.settings_dialog import LetterSettingsForm, SettingsDialog, WeightsForm


@pytest.fixture
def dialog(qtbot, sample_db):
    widget = SettingsDialog(sample_db)
    qtbot.addWidget(widget)
    widget.show()
    return widget


def tab(dialog, title):
    index = next(i for i in range(dialog.tabs.count()) if dialog.tabs.tabText(i) == title)
    dialog.tabs.setCurrentIndex(index)
    return dialog.tabs.widget(index)


def type_into(qtbot, field, text):
    field.selectAll()
    qtbot.keyClicks(field, text)


def save(qtbot, dialog):
    qtbot.mouseClick(dialog.buttons.button(QDialogButtonBox.StandardButton.Save), Qt.MouseButton.LeftButton)


def test_tabs_are_general_pairing_and_letters(dialog):
    assert [dialog.tabs.tabText(i) for i in range(dialog.tabs.count())] == ["General", "Pairing", "Letters"]


def test_a_weight_changed_in_settings_is_saved(qtbot, dialog, sample_db):
    pairing = tab(dialog, "Pairing")
    type_into(qtbot, pairing.spins["fairness_step"].lineEdit(), "35")
    save(qtbot, dialog)
    assert dialog.result() == QDialog.DialogCode.Accepted
    assert settings.get(sample_db, "match_weights")["fairness_step"] == 35


def test_a_bad_serial_pattern_is_refused_next_to_the_field_and_nothing_is_saved(qtbot, dialog, sample_db):
    type_into(qtbot, tab(dialog, "Pairing").spins["same_trade"].lineEdit(), "90")
    form = tab(dialog, "Letters")
    tab(dialog, "General")
    type_into(qtbot, form.pattern, "{prefix}-{month}-{seq}")
    assert "{month}" in form.next_serial.text() and "color" in form.next_serial.styleSheet()
    save(qtbot, dialog)
    assert dialog.isVisible() and dialog.result() != QDialog.DialogCode.Accepted
    assert dialog.tabs.currentWidget() is form  # shown where the message is
    assert form.next_serial.isVisible() and form.next_serial.parentWidget() is form.pattern.parentWidget()
    assert settings.get(sample_db, "letter_serial_pattern") == "{prefix}-{year}-{seq:04d}"
    assert settings.get(sample_db, "match_weights")["same_trade"] == 100  # all tabs or none

    type_into(qtbot, form.pattern, "{prefix}{year}-{seq:03d}")
    save(qtbot, dialog)
    assert dialog.result() == QDialog.DialogCode.Accepted
    assert settings.get(sample_db, "letter_serial_pattern") == "{prefix}{year}-{seq:03d}"
    assert settings.get(sample_db, "match_weights")["same_trade"] == 90


def test_the_next_serial_is_previewed_as_you_type(qtbot, dialog, sample_db):
    today = date.today()
    pid = records.programme_id_by_name(sample_db, "2026 渝北—德阳 汽车工程半年实习")
    issued = letters.commit(sample_db, letters.plan(sample_db, [1, 2, 3], pid, issue_date=today.isoformat()))
    letters.revoke(sample_db, issued[-1].id, "调岗")  # its number is never given again
    dialog = SettingsDialog(sample_db)
    qtbot.addWidget(dialog)
    form = tab(dialog, "Letters")
    assert f"MM-{today.year}-0004" in form.next_serial.text()
    type_into(qtbot, form.prefix, "DY")
    assert f"DY-{today.year}-0004" in form.next_serial.text()


def test_the_pages_own_dialogs_are_the_same_forms(qtbot, sample_db):
    weights = WeightsDialog(sample_db)
    options = OptionsDialog(sample_db)
    qtbot.addWidget(weights)
    qtbot.addWidget(options)
    assert isinstance(weights.form, WeightsForm) and isinstance(options.form, LetterSettingsForm)
    weights.form.spins["preferred"].setValue(55)
    qtbot.mouseClick(weights.form.defaults_button, Qt.MouseButton.LeftButton)
    assert weights.form.spins["preferred"].value() == 40

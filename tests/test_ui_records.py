"""The record lists and forms driven as a coordinator would: type, click Save, see the row; search; delete."""

import re

import pytest
from PySide6.QtCore import QSettings, Qt
from PySide6.QtGui import QInputMethodEvent
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QDialog, QMessageBox, QPlainTextEdit

from mentormatch import records
from ui import delete_dialog
from ui.delete_dialog import DeleteDialog
from ui.main_window import MainWindow
from ui.editors import focus_chain
from ui.record_dialog import WIDE, RecordDialog


def page_of(window, key):
    return window.show_page(key)


def column(page, header):
    return next(i for i, c in enumerate(page.spec.columns) if c.header == header)


def shown(page, header):
    col = column(page, header)
    return [page.model.index(r, col).data() for r in range(page.model.rowCount())]


def type_text(qtbot, widget, text):
    """Type as a person does: ASCII on the keyboard, Chinese committed by the input method."""
    for chunk in re.findall(r"[\x00-\x7f]+|[^\x00-\x7f]+", text):
        if chunk.isascii():
            qtbot.keyClicks(widget, chunk)
        else:
            event = QInputMethodEvent()
            event.setCommitString(chunk)
            QApplication.sendEvent(widget, event)


def fill_dialog(qtbot, steps):
    """Replace exec() so that the modal dialog is filled by typing, then saved by clicking."""

    def exec_(dialog):
        dialog.show()
        for name, text in steps:
            editor = dialog.editors[name]
            target = editor.lineEdit() if hasattr(editor, "lineEdit") else getattr(editor, "line", editor)
            type_text(qtbot, target, text)
        qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
        return dialog.result()

    return exec_


def test_the_apprentice_list_shows_the_sample_with_counts(window):
    page = page_of(window, "apprentices")
    assert page.model.rowCount() == 120
    assert window.page_counts.text() == "Apprentices: 120"
    assert "120 apprentices" in window.totals.text()


def test_add_an_apprentice_by_typing_and_see_the_row(window, qtbot, monkeypatch):
    page = page_of(window, "apprentices")
    monkeypatch.setattr(RecordDialog, "exec", fill_dialog(qtbot, [
        ("student_no", "SC20249999"), ("name", "舒小超二"), ("college", "四川工业科技学院"), ("trade_id", "焊工"),
        ("id_number", "11010519491231002x"), ("phone", "13812341234"), ("start_date", "2026/7/14"),
    ]))
    window.nav.setFocus()  # just chose the page on the left
    qtbot.keyClick(window.nav, Qt.Key.Key_N, Qt.KeyboardModifier.ControlModifier)
    assert page.model.rowCount() == 121
    [row] = [i.row() for i in page.table.selectionModel().selectedRows()]
    assert page.model.index(row, column(page, "Student number")).data() == "SC20249999"
    assert page.model.index(row, column(page, "ID number")).data() == "110105********002X"
    assert page.model.index(row, column(page, "Phone")).data() == "138****1234"
    assert window.page_counts.text() == "Apprentices: 121"
    saved = records.load(window.db, "apprentices", page.model.record_id(row))
    assert saved["start_date"] == "2026-07-14" and saved["id_number"] == "11010519491231002X"


def test_a_bad_id_number_shows_its_error_next_to_the_field_and_save_is_refused(qtbot, sample_db):
    dialog = RecordDialog(sample_db, "apprentices", 1)
    qtbot.addWidget(dialog)
    dialog.show()
    full = records.load(sample_db, "apprentices", 1)["id_number"]
    assert dialog.editors["id_number"].text() == full  # the full value only here
    editor = dialog.editors["id_number"]
    editor.clear()
    qtbot.keyClicks(editor, "110105194912310021")
    error = dialog.error_labels["id_number"]
    assert error.isVisible() and "check character" in error.text()
    dialog.editors["name"].setFocus()
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    assert dialog.isVisible() and dialog.result() != QDialog.DialogCode.Accepted
    assert dialog.focusWidget() is editor  # the cursor goes to what must be corrected
    assert records.load(sample_db, "apprentices", 1)["id_number"] == full
    editor.clear()
    qtbot.keyClicks(editor, "11010519491231002X")
    assert not error.isVisible()
    qtbot.keyClick(editor, Qt.Key.Key_Return)  # Enter saves once the record is valid
    assert dialog.result() == QDialog.DialogCode.Accepted
    assert records.load(sample_db, "apprentices", 1)["id_number"] == "11010519491231002X"


def test_a_new_form_waits_for_required_fields_without_shouting(qtbot, db):
    dialog = RecordDialog(db, "enterprises")
    qtbot.addWidget(dialog)
    dialog.show()
    assert not dialog.error_labels["name"].isVisible()
    assert dialog.summary.isVisible()
    qtbot.keyClicks(dialog.editors["credit_code"], "91350100M000100Y4")
    assert dialog.error_labels["credit_code"].isVisible()
    assert not dialog.error_labels["name"].isVisible()  # not touched yet
    qtbot.keyClick(dialog.editors["credit_code"], Qt.Key.Key_Return)  # refused: every message shows
    assert dialog.isVisible() and dialog.error_labels["name"].isVisible()
    assert dialog.focusWidget() is dialog.editors["name"]  # the first field in error, not the one typed in
    type_text(qtbot, dialog.editors["name"], "渝北精工")
    qtbot.keyClicks(dialog.editors["credit_code"], "3")
    assert not dialog.error_labels["credit_code"].isVisible()
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    assert dialog.result() == QDialog.DialogCode.Accepted
    assert records.load(db, "enterprises", dialog.record_id)["credit_code"] == "91350100M000100Y43"


def test_a_reference_typed_that_matches_nothing_is_an_error(qtbot, sample_db):
    dialog = RecordDialog(sample_db, "mentors")
    qtbot.addWidget(dialog)
    dialog.show()
    type_text(qtbot, dialog.editors["enterprise_id"].lineEdit(), "没有这家公司")
    assert "from the list" in dialog.error_labels["enterprise_id"].text()


def test_editing_a_mentor_by_double_click(window, qtbot, monkeypatch):
    page = page_of(window, "mentors")
    monkeypatch.setattr(RecordDialog, "exec", fill_dialog(qtbot, [("title", "（特级）")]))
    rect = page.table.visualRect(page.model.index(0, 0))
    qtbot.mouseClick(page.table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())  # a double click's first half
    qtbot.mouseDClick(page.table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    mentor = page.model.record_id(0)
    assert records.load(window.db, "mentors", mentor)["title"].endswith("（特级）")  # Chinese brackets in free text are kept


def test_search_filters_as_you_type(window, qtbot):
    page = page_of(window, "apprentices")
    window.nav.setFocus()
    qtbot.keyClick(window.nav, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
    assert page.search_box.hasFocus()
    type_text(qtbot, page.search_box, "舒小")
    assert shown(page, "Name") == ["舒小超"]
    assert window.page_counts.text() == "Apprentices: 1 of 120 shown"
    page.search_box.clear()
    type_text(qtbot, page.search_box, "焊接技术")  # the major
    assert page.model.rowCount() == 35 + 1
    page.search_box.clear()
    type_text(qtbot, page.search_box, "钣金工")  # the trade
    assert set(shown(page, "Trade")) == {"钣金工"}
    page.search_box.clear()
    qtbot.keyClicks(page.search_box, "DY2024000")  # part of a student number
    assert len(shown(page, "Student number")) == 4
    page.search_box.clear()
    qtbot.keyClicks(page.search_box, "100%")  # wildcards are plain characters
    assert page.model.rowCount() == 0


def test_programme_filter_and_sorting(window, qtbot, db):
    page = page_of(window, "apprentices")
    records.save(window.db, "apprentices", {**records.empty("apprentices"), "student_no": "X1", "name": "阿甲",
                                            "college": "甲学院", "trade_id": 1})
    page.refresh()
    assert page.model.rowCount() == 121
    page.programme_box.setCurrentIndex(1)
    assert page.model.rowCount() == 120
    page.programme_box.setCurrentIndex(0)
    page.table.sortByColumn(column(page, "Student number"), Qt.SortOrder.DescendingOrder)
    numbers = shown(page, "Student number")
    assert numbers == sorted(numbers, reverse=True)


def test_masked_in_every_list(window):
    page = page_of(window, "apprentices")
    ids = [v for v in shown(page, "ID number") if v]
    assert ids and all("********" in v for v in ids)
    for key in ("mentors", "enterprises"):
        phones = shown(page_of(window, key), "Phone")
        assert phones and all("*" in p for p in phones)


def test_delete_a_record_nothing_depends_on(window, qtbot, monkeypatch):
    page = page_of(window, "trades")
    row = shown(page, "Chinese name").index("化工总控工")
    rect = page.table.visualRect(page.model.index(row, 1))
    qtbot.mouseClick(page.table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    asked = []
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: asked.append(a[2]) or QMessageBox.StandardButton.Yes)
    qtbot.keyClick(page.table, Qt.Key.Key_Delete)
    assert asked and "化工总控工" in asked[0]
    assert "化工总控工" not in shown(page, "Chinese name")


def test_delete_a_mentor_with_an_active_pair_ends_it_and_deactivates(window, qtbot, monkeypatch):
    db = window.db
    db.execute("INSERT INTO pairs (apprentice_id, mentor_id, status, created_at) VALUES (1, 1, 'confirmed', 'now')")
    page = page_of(window, "mentors")
    page.table.selectRow(page.model.row_of(1))
    seen = []

    def exec_(dialog):
        seen.append(dialog)
        qtbot.mouseClick(dialog.buttons["end_pairs_deactivate"], Qt.MouseButton.LeftButton)
        return dialog.result()

    monkeypatch.setattr(DeleteDialog, "exec", exec_)
    page.delete_action.trigger()
    apprentice = records.title(db, "apprentices", 1)
    assert seen and seen[0].findChild(QPlainTextEdit).toPlainText() == apprentice  # who would lose their mentor
    assert db.execute("SELECT active FROM mentors WHERE id = 1").fetchone()[0] == 0
    assert db.execute("SELECT ended_at IS NOT NULL FROM pairs WHERE mentor_id = 1").fetchone()[0] == 1
    assert shown(page, "Active")[page.model.row_of(1)] == ""


def test_an_enterprise_with_mentors_is_not_deleted_and_they_are_listed(window, qtbot, monkeypatch):
    page = page_of(window, "enterprises")
    page.table.selectRow(page.model.row_of(1))
    seen = []

    def exec_(dialog):
        seen.append(dialog)
        return QDialog.DialogCode.Rejected

    monkeypatch.setattr(DeleteDialog, "exec", exec_)
    page.delete_action.trigger()
    assert not seen[0].buttons  # no way to delete, only Close
    assert window.db.execute("SELECT COUNT(*) FROM enterprises").fetchone()[0] == 4
    assert delete_dialog.records.delete_report(window.db, "enterprises", 1).names


def test_column_widths_and_page_are_remembered(qtbot, sample_db):
    first = MainWindow(sample_db)
    qtbot.addWidget(first)
    page = first.show_page("mentors")
    page.table.horizontalHeader().resizeSection(0, 222)
    first.close()
    assert QSettings().value("window/page") == "mentors"
    second = MainWindow(sample_db)
    qtbot.addWidget(second)
    assert second.current_page() is second.pages["mentors"]
    assert second.pages["mentors"].table.horizontalHeader().sectionSize(0) == 222


def test_load_sample_from_the_menu_on_an_empty_database(qtbot, db):
    win = MainWindow(db)
    qtbot.addWidget(win)
    assert win.current_page().model.rowCount() == 0
    win.sample_action.trigger()
    assert win.current_page().model.rowCount() == 120
    assert "120 apprentices" in win.totals.text()


def test_settings_change_the_default_capacity_shown_for_mentors(window, qtbot, monkeypatch):
    from ui.settings_dialog import SettingsDialog

    def exec_(dialog):
        spin = dialog.findChild(type(dialog.tabs.widget(0).capacity), "default_capacity")
        spin.setValue(5)
        dialog.accept()
        return dialog.result()

    monkeypatch.setattr(SettingsDialog, "exec", exec_)
    page = page_of(window, "mentors")
    window.settings_action.trigger()
    default_rows = [r for r in range(page.model.rowCount())
                    if records.load(window.db, "mentors", page.model.record_id(r))["capacity"] is None]
    assert page.model.index(default_rows[0], column(page, "Load (with draft) / capacity")).data().endswith("/5")


def test_run_gui_refuses_a_foreign_file_with_a_message(tmp_path, monkeypatch, qapp):
    from ui.app import run_gui

    path = tmp_path / "notes.db"
    path.write_bytes(b"not a database at all")
    shown_messages = []
    monkeypatch.setattr(QMessageBox, "critical", lambda parent, title, text: shown_messages.append(text))
    assert run_gui(["--db", str(path)]) == 2
    assert "not a MentorMatch database" in shown_messages[0]
    assert path.read_bytes() == b"not a database at all"


def pair(db, apprentice, mentor, status="confirmed"):
    with db.atomic():
        db.execute("INSERT INTO pairs (apprentice_id, mentor_id, status, created_at) VALUES (?, ?, ?, 'now')",
                   [apprentice, mentor, status])


def test_the_mentor_list_shows_each_load_against_capacity(window):
    db = window.db
    with db.atomic():
        db.execute("UPDATE mentors SET capacity = 1 WHERE id = 1")
        db.execute("UPDATE mentors SET capacity = NULL WHERE id = 2")
    pair(db, 1, 1)
    pair(db, 2, 1, "proposed")  # a draft counts: the place is taken
    pair(db, 3, 2)
    page = page_of(window, "mentors")
    load = column(page, "Load (with draft) / capacity")
    over = page.model.index(page.model.row_of(1), load)
    assert over.data() == "2/1"
    assert over.data(Qt.ItemDataRole.ForegroundRole) is not None  # more apprentices than places stands out
    within = page.model.index(page.model.row_of(2), load)
    assert within.data() == "1/8"  # no capacity of their own: the default setting
    assert within.data(Qt.ItemDataRole.ForegroundRole) is None
    page.table.sortByColumn(load, Qt.SortOrder.DescendingOrder)
    loads = [tuple(int(n) for n in text.split("/")) for text in shown(page, "Load (with draft) / capacity")]
    assert loads[:2] == [(2, 1), (1, 8)] and loads == sorted(loads, reverse=True)


def test_the_mentor_list_sorts_inactive_mentors_together(window):
    with window.db.atomic():
        window.db.execute("UPDATE mentors SET active = 0 WHERE id IN (3, 7)")
    page = page_of(window, "mentors")
    page.table.sortByColumn(column(page, "Active"), Qt.SortOrder.AscendingOrder)
    assert shown(page, "Active")[:3] == ["", "", "✓"]
    assert {page.model.record_id(0), page.model.record_id(1)} == {3, 7}


def test_the_apprentice_list_shows_the_current_mentor_and_sorts_by_it(window):
    db = window.db
    pair(db, 5, 1)
    with db.atomic():
        db.execute("INSERT INTO pairs (apprentice_id, mentor_id, status, created_at, ended_at) VALUES (6, 2, 'confirmed', 'x', 'y')")
    page = page_of(window, "apprentices")
    mentor = column(page, "Mentor")
    assert page.model.index(page.model.row_of(5), mentor).data() == records.title(db, "mentors", 1)
    assert page.model.index(page.model.row_of(6), mentor).data() == ""  # an ended pair is history, not the mentor
    page.table.sortByColumn(mentor, Qt.SortOrder.DescendingOrder)
    assert page.model.record_id(0) == 5


def fields_in_tab_order(dialog):
    """Press Tab from the first field to Save; the fields passed, in order."""
    owner = {w: name for name, editor in dialog.editors.items() for w in focus_chain(editor)}
    first = dialog.order[0]
    focus_chain(dialog.editors[first])[0].setFocus()
    visited = [first]
    for _ in range(100):
        QTest.keyClick(dialog.focusWidget(), Qt.Key.Key_Tab)
        widget = dialog.focusWidget()
        if widget is dialog.save_button:
            return visited
        name = owner.get(widget) or next(n for w, n in owner.items() if w.isAncestorOf(widget))
        if name != visited[-1]:
            visited.append(name)
    raise AssertionError("Tab never reached Save")


def reading_order(dialog):
    """The fields as a person reads the form: down the left column, down the right one, then the wide ones below."""
    def place(name):
        point = dialog.editors[name].mapTo(dialog, dialog.editors[name].rect().topLeft())
        return point.x(), point.y()

    narrow = [name for name in dialog.editors if dialog.spec.field(name).kind not in WIDE]
    wide = [name for name in dialog.editors if name not in narrow]
    return sorted(narrow, key=place) + sorted(wide, key=lambda n: place(n)[::-1])


@pytest.mark.parametrize("kind", ["apprentices", "mentors", "enterprises", "programmes", "trades"])
def test_tab_follows_the_form_as_it_reads(qtbot, sample_db, kind):
    dialog = RecordDialog(sample_db, kind, 1)
    qtbot.addWidget(dialog)
    dialog.show()
    assert fields_in_tab_order(dialog) == reading_order(dialog)


def test_the_apprentice_form_groups_the_person_left_and_the_apprenticeship_right(qtbot, sample_db):
    dialog = RecordDialog(sample_db, "apprentices", 1)
    qtbot.addWidget(dialog)
    dialog.show()
    left = {name for name in ("name", "student_no", "id_number", "phone", "college", "class_name")}
    right = {"programme_id", "trade_id", "target_level", "host_enterprise_id", "start_date", "end_date"}
    x = {name: dialog.editors[name].mapTo(dialog, dialog.editors[name].rect().topLeft()).x() for name in left | right}
    assert max(x[n] for n in left) < min(x[n] for n in right)


def test_enter_in_a_list_filter_ticks_instead_of_saving_and_esc_cancels(qtbot, sample_db):
    dialog = RecordDialog(sample_db, "programmes", 1)
    qtbot.addWidget(dialog)
    dialog.show()
    colleges = dialog.editors["colleges"]
    type_text(qtbot, colleges.filter, "重庆工程技师学院")
    qtbot.keyClick(colleges.filter, Qt.Key.Key_Return)
    assert dialog.isVisible()  # not saved with half a choice
    assert "重庆工程技师学院" in colleges.value() and colleges.filter.text() == ""
    enterprises = dialog.editors["enterprises"]
    before = enterprises.value()
    removed = before[0]
    [item] = [enterprises.list.item(i) for i in range(enterprises.list.count())
              if enterprises.list.item(i).data(Qt.ItemDataRole.UserRole) == removed]
    item.setCheckState(Qt.CheckState.Unchecked)
    type_text(qtbot, enterprises.filter, item.text()[2:6])
    qtbot.keyClick(enterprises.filter, Qt.Key.Key_Return)  # ticks the entry found
    assert dialog.isVisible() and sorted(enterprises.value()) == sorted(before)
    qtbot.keyClick(enterprises.filter, Qt.Key.Key_Escape)
    assert dialog.result() == QDialog.DialogCode.Rejected and not dialog.isVisible()
    assert "重庆工程技师学院" not in records.load(sample_db, "programmes", 1)["colleges"]


def test_the_primary_trade_is_not_offered_as_an_additional_one(qtbot, sample_db):
    dialog = RecordDialog(sample_db, "mentors", 1)
    qtbot.addWidget(dialog)
    dialog.show()
    extra = dialog.editors["trades"]

    def offered():
        return {extra.list.item(i).text() for i in range(extra.list.count()) if not extra.list.item(i).isHidden()}

    primary = dialog.editors["trade_id"].currentText()
    assert primary not in offered() and "焊工" in offered() | {primary}
    dialog.editors["trade_id"].lineEdit().clear()
    type_text(qtbot, dialog.editors["trade_id"].lineEdit(), "电工")
    assert "电工" not in offered() and primary in offered()


def test_the_mentor_form_shows_the_load_beside_the_capacity(qtbot, sample_db):
    pair(sample_db, 1, 4)
    pair(sample_db, 2, 4)
    dialog = RecordDialog(sample_db, "mentors", 4)
    qtbot.addWidget(dialog)
    dialog.show()
    assert dialog.load_note.isVisible() and dialog.load_note.text() == "Load (with draft) now: 2"


def test_a_long_form_with_all_its_messages_fits_the_screen(qtbot, sample_db):
    dialog = RecordDialog(sample_db, "apprentices")
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)  # every message shows
    available = dialog.screen().availableGeometry()
    assert dialog.frameGeometry().height() <= available.height() and dialog.width() <= available.width()
    assert dialog.scroll.viewport().height() >= dialog.body.sizeHint().height()  # no need to scroll on this screen

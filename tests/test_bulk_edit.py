"""Many records at once, as a coordinator does it: select rows, edit them together, undo with
Ctrl+Z; move mentors to another enterprise; list the apprentices without a mentor."""

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox
from test_ui_records import page_of, shown, type_text

from mentormatch import audit, pairs, records
from mentormatch.store import now_iso
from ui import bulk_edit


def select_rows(page, rows):
    page.table.clearSelection()
    page.select_ids([page.model.record_id(r) for r in rows])


def driven(qtbot, steps, seen=None):
    """exec() of a bulk dialog: tick and fill fields by typing, then click OK."""

    def exec_(dialog):
        dialog.show()
        steps(dialog)
        qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)
        if seen is not None:
            seen.append(dialog)
        return dialog.result()

    return exec_


def test_selected_apprentices_get_a_class_and_level_in_one_step_and_ctrl_z_puts_them_back(window, qtbot, monkeypatch):
    db = window.db
    page = page_of(window, "apprentices")
    select_rows(page, range(5))
    ids = page.selected_ids()
    before = {i: records.load(db, "apprentices", i) for i in ids}
    other = page.model.record_id(5)  # not selected

    def fill(dialog):
        type_text(qtbot, dialog.editors["class_name"], "焊接2601")  # typing ticks the field
        dialog.ticks["target_level"].setChecked(True)
        dialog.editors["target_level"].setCurrentIndex(dialog.editors["target_level"].findData(4))

    monkeypatch.setattr(bulk_edit.BulkEditDialog, "exec", driven(qtbot, fill))
    assert page.bulk_action.isEnabled()
    page.bulk_action.trigger()
    after = {i: records.load(db, "apprentices", i) for i in ids}
    assert {(v["class_name"], v["target_level"]) for v in after.values()} == {("焊接2601", 4)}
    assert all(after[i]["programme_id"] == before[i]["programme_id"] for i in ids)  # unticked: unchanged
    assert records.load(db, "apprentices", other)["class_name"] != "焊接2601"
    assert shown(page, "Class").count("焊接2601") == 5  # the list shows it
    changes = [r for r in audit.rows(db) if r["action"] == "Changed"][:5]
    assert all("Class:" in r["details"] and "Target level:" in r["details"] for r in changes)

    page.table.setFocus()
    qtbot.keyClick(page.table, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert {i: records.load(db, "apprentices", i) for i in ids} == before
    assert audit.rows(db)[0]["action"] == "Undone" and not page.undo_action.isEnabled()


def test_a_bulk_edit_that_breaks_a_rule_for_some_names_them_and_changes_nothing(window, qtbot, monkeypatch):
    db = window.db
    page = page_of(window, "apprentices")
    select_rows(page, range(3))
    ids = page.selected_ids()
    with_start = [i for i in ids if records.load(db, "apprentices", i)["start_date"]]
    assert with_start
    seen = []

    def fill(dialog):
        type_text(qtbot, dialog.editors["end_date"].line, "2000-01-01")
        type_text(qtbot, dialog.editors["class_name"], "X班")

    monkeypatch.setattr(bulk_edit.BulkEditDialog, "exec", driven(qtbot, fill, seen))
    page.bulk_action.trigger()
    message = seen[0].message.text()
    assert seen[0].isVisible() and "Nothing was changed" in message
    assert records.title(db, "apprentices", with_start[0]) in message and "before the start date" in message
    assert all(records.load(db, "apprentices", i)["class_name"] != "X班" for i in ids)


def test_setting_the_programme_and_host_of_many_apprentices(sample_db):
    programme = records.save(sample_db, "programmes", {**records.empty("programmes"), "name": "2027 春季学徒"})
    host = sample_db.execute("SELECT id FROM enterprises LIMIT 1").fetchone()[0]
    ids = [r[0] for r in sample_db.execute("SELECT id FROM apprentices ORDER BY id LIMIT 40")]
    change = records.set_fields(sample_db, "apprentices", ids, {"programme_id": programme, "host_enterprise_id": host,
                                                                "start_date": "2027/3/1", "end_date": "2027年8月31日"})
    assert sample_db.execute("SELECT COUNT(*) FROM apprentices WHERE programme_id = ? AND host_enterprise_id = ?"
                             " AND start_date = '2027-03-01' AND end_date = '2027-08-31'", [programme, host]).fetchone()[0] == 40
    pairs.undo(sample_db, change)
    assert sample_db.execute("SELECT COUNT(*) FROM apprentices WHERE programme_id = ?", [programme]).fetchone()[0] == 0


def pair(db, apprentice_id, mentor_id, status="confirmed"):
    db.execute("INSERT INTO pairs (programme_id, apprentice_id, mentor_id, status, created_at) VALUES"
               " ((SELECT programme_id FROM apprentices WHERE id = ?), ?, ?, ?, ?)", [apprentice_id, apprentice_id, mentor_id, status, now_iso()])


def hosted_pair(db):
    """A mentor, an apprentice hosted by the mentor's enterprise, paired; and another enterprise."""
    mentor, enterprise = db.execute("SELECT id, enterprise_id FROM mentors WHERE active = 1 LIMIT 1").fetchone()
    apprentice = db.execute("SELECT id FROM apprentices WHERE host_enterprise_id = ? LIMIT 1", [enterprise]).fetchone()[0]
    with db.atomic():
        pair(db, apprentice, mentor)
    other = db.execute("SELECT id FROM enterprises WHERE id <> ? LIMIT 1", [enterprise]).fetchone()[0]
    return mentor, enterprise, apprentice, other


def test_moving_a_mentor_names_the_pairs_that_end_and_asks_why(window, qtbot, monkeypatch):
    db = window.db
    mentor, enterprise, apprentice, other = hosted_pair(db)
    page = page_of(window, "mentors")
    page.table.clearSelection()
    page.select_ids([mentor])
    seen = []

    def choose(dialog):
        type_text(qtbot, dialog.enterprise.lineEdit(), records.title(db, "enterprises", other))
        seen.append((dialog.broken.isVisible(), dialog.broken.toPlainText(), dialog.ok_button.isEnabled()))
        type_text(qtbot, dialog.reason, "调岗到其他企业")

    monkeypatch.setattr(bulk_edit.MoveMentorsDialog, "exec", driven(qtbot, choose))
    page.bulk_action.trigger()
    visible, names, enabled = seen[0]
    assert visible and records.title(db, "apprentices", apprentice) in names and not enabled  # no reason yet: OK waits
    assert records.load(db, "mentors", mentor)["enterprise_id"] == other
    ended = db.execute("SELECT ended_at, end_reason FROM pairs WHERE apprentice_id = ? AND mentor_id = ?", [apprentice, mentor]).fetchone()
    assert ended[0] is not None and ended[1] == "调岗到其他企业"
    assert any(r["action"] == "Unpaired" for r in audit.rows(db)[:5])

    page.table.setFocus()
    qtbot.keyClick(page.table, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)  # back, with the pair
    assert records.load(db, "mentors", mentor)["enterprise_id"] == enterprise
    assert db.execute("SELECT ended_at FROM pairs WHERE apprentice_id = ? AND mentor_id = ?", [apprentice, mentor]).fetchone()[0] is None


def test_a_locked_pair_stops_the_move(sample_db):
    mentor, _, apprentice, other = hosted_pair(sample_db)
    with sample_db.atomic():
        sample_db.execute("UPDATE pairs SET locked = 1 WHERE mentor_id = ?", [mentor])
    try:
        records.move_mentors(sample_db, [mentor], other, "调岗")
    except records.UserError as exc:
        assert "locked" in str(exc) and records.title(sample_db, "apprentices", apprentice) in str(exc)
    else:
        raise AssertionError("moved")
    assert records.load(sample_db, "mentors", mentor)["enterprise_id"] != other


def test_a_change_made_since_stops_the_undo(window, qtbot, monkeypatch):
    db = window.db
    page = page_of(window, "apprentices")
    select_rows(page, range(2))
    monkeypatch.setattr(bulk_edit.BulkEditDialog, "exec", driven(qtbot, lambda d: type_text(qtbot, d.editors["class_name"], "A班")))
    page.bulk_action.trigger()
    first = page.selected_ids()[0]
    records.save(db, "apprentices", {**records.load(db, "apprentices", first), "class_name": "B班"}, first)
    warnings = []
    monkeypatch.setattr(QMessageBox, "warning", lambda *args: warnings.append(args[2]))
    page.undo_action.trigger()
    assert warnings and "changed since" in warnings[0]


def test_the_apprentices_without_a_mentor_filter(window):
    db = window.db
    page = page_of(window, "apprentices")
    mentor = db.execute("SELECT id FROM mentors LIMIT 1").fetchone()[0]
    paired = [page.model.record_id(r) for r in range(3)]
    with db.atomic():
        for apprentice in paired[:2]:
            pair(db, apprentice, mentor)
        pair(db, paired[2], mentor, "proposed")
        db.execute("UPDATE pairs SET ended_at = '2026-08-01' WHERE apprentice_id = ?", [paired[1]])  # ended: without again
    page.refresh()
    page.filter_box.setCurrentIndex(page.filter_box.findText("Without a mentor"))
    ids = {page.model.record_id(r) for r in range(page.model.rowCount())}
    assert page.model.rowCount() == 118 and paired[1] in ids and not {paired[0], paired[2]} & ids
    assert window.page_counts.text() == "Apprentices: 118 of 120 shown"
    assert len(pairs.unpaired_apprentices(db, None)) == 118  # the same rule as the pairing workspace

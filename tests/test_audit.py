"""The audit log: every write leaves who, where, what and when in its own transaction; a write
rolled back leaves nothing; personal data is masked in the log, on the History page and in its
export."""

import argparse
import csv

import pytest
from openpyxl import load_workbook
from PySide6.QtCore import Qt

from mentormatch import audit, files, letters, matching, pairs, records, settings
from mentormatch.errors import UserError
from mentormatch.importer import ImportJob
from mentormatch.store import open_database

import rosters
from test_cli import run
from test_ui_records import fill_dialog, page_of, type_text

FULL_ID = "11010519491231002X"
MASKED_ID = "110105********002X"


def logged(db, **where):
    """The stored rows (action, kind, record_id, summary, os_user, computer) matching where."""
    condition = " AND ".join(f"{k} = ?" for k in where) or "1"
    return db.execute(f"SELECT action, kind, record_id, summary, os_user, computer FROM audit WHERE {condition} ORDER BY id",
                      list(where.values())).fetchall()


def count(db) -> int:
    return db.execute("SELECT COUNT(*) FROM audit").fetchone()[0]


def test_who_and_where_are_read_once_with_a_fallback(monkeypatch):
    audit.who.cache_clear()
    try:
        monkeypatch.setattr(audit.getpass, "getuser", lambda: (_ for _ in ()).throw(OSError("no login name")))
        monkeypatch.setenv("USERNAME", "laoshi")

        def no_name():
            raise OSError("no host name")

        monkeypatch.setattr(audit.socket, "gethostname", no_name)
        monkeypatch.setattr(audit.platform, "node", lambda: "OFFICE-PC")
        assert audit.who() == ("laoshi", "OFFICE-PC")
        monkeypatch.setattr(audit.platform, "node", lambda: "another")
        assert audit.who() == ("laoshi", "OFFICE-PC")  # read once
    finally:
        audit.who.cache_clear()


def test_a_form_save_records_the_changed_fields_masked(window, qtbot, monkeypatch):
    from ui.record_dialog import RecordDialog

    page_of(window, "apprentices")
    before = count(window.db)
    monkeypatch.setattr(RecordDialog, "exec", fill_dialog(qtbot, [
        ("student_no", "SC20249999"), ("name", "舒小超"), ("college", "四川工业科技学院"), ("trade_id", "焊工")]))
    qtbot.keyClick(window.nav, Qt.Key.Key_N, Qt.KeyboardModifier.ControlModifier)
    new_id = window.db.execute("SELECT id FROM apprentices WHERE student_no = 'SC20249999'").fetchone()[0]
    user, computer = audit.who()
    assert logged(window.db, action="create") == [("create", "apprentices", new_id, "舒小超 (SC20249999)", user, computer)]
    assert user and computer

    values = records.load(window.db, "apprentices", new_id)
    records.save(window.db, "apprentices", {**values, "id_number": FULL_ID, "phone": "13812341234"}, new_id)
    [row] = audit.rows(window.db)[:1]
    assert row["action"] == "Changed" and row["summary"] == "舒小超 (SC20249999)"
    assert row["details"] == f"Gender: Female; ID number: {MASKED_ID}; Phone: 138****1234"  # the gender read from the ID number
    records.save(window.db, "apprentices", records.load(window.db, "apprentices", new_id), new_id)  # nothing changed
    assert count(window.db) == before + 2
    stored = "".join(r[0] or "" for r in window.db.execute("SELECT details FROM audit"))
    assert FULL_ID not in stored and "13812341234" not in stored

    records.delete(window.db, "apprentices", new_id)
    deleted = audit.rows(window.db)[0]
    assert deleted["action"] == "Deleted" and MASKED_ID in deleted["details"] and "Name: 舒小超" in deleted["details"]


def test_an_import_leaves_one_row_for_the_file_and_one_per_record(db, tmp_path):
    ImportJob.from_file(db, "enterprises", rosters.enterprises_csv(tmp_path / "合作企业.csv")).commit()
    ImportJob.from_file(db, "apprentices", rosters.apprentices_xlsx(tmp_path / "学徒名单.xlsx")).commit(skip_errors=True)
    imports = logged(db, action="import")
    assert [(r[1], r[3]) for r in imports] == [("enterprises", "合作企业.csv"), ("apprentices", "学徒名单.xlsx")]
    created = logged(db, action="create", kind="apprentices")
    assert len(created) == len(rosters.APPRENTICES) == db.execute("SELECT COUNT(*) FROM apprentices").fetchone()[0]
    assert {r[3] for r in created} == {f"{r[1]} ({r[0]})" for r in rosters.APPRENTICES}
    assert all(r[4] == audit.who()[0] and r[5] == audit.who()[1] for r in created)
    assert audit.rows(db, [db.execute("SELECT MAX(id) FROM audit WHERE action = 'import'").fetchone()[0]])[0]["details"] == (
        "Added: 6; Updated: 0; Skipped: 0")
    # the programme, colleges and enterprises named by the roster were created too, and say so
    assert logged(db, action="create", kind="programmes")[0][3] == rosters.PROGRAMME


def test_confirm_unpair_and_undo_leave_a_row_per_pair(sample_db):
    db = sample_db
    programme = db.execute("SELECT id FROM programmes").fetchone()[0]
    args = argparse.Namespace(programme=None, allow_related=False, rematch=False, confirm=True, json=False)
    matching.run_command(db, args)  # match --confirm
    confirmed = db.execute("SELECT COUNT(*) FROM pairs WHERE status = 'confirmed' AND ended_at IS NULL").fetchone()[0]
    assert confirmed > 0
    assert len(logged(db, action="propose")) == 1
    assert len(logged(db, action="confirm")) == confirmed
    pair_id, apprentice, student_no, mentor = db.execute(
        "SELECT p.id, a.name, a.student_no, m.name FROM pairs p JOIN apprentices a ON a.id = p.apprentice_id"
        " JOIN mentors m ON m.id = p.mentor_id WHERE p.ended_at IS NULL LIMIT 1").fetchone()
    change = pairs.unpair(db, pair_id, "2030-09-01", "转岗")
    [row] = logged(db, action="unpair")
    assert row[1:4] == ("pairs", pair_id, f"{apprentice} ({student_no}) — {mentor}")
    assert audit.rows(db)[0]["details"] == "Ended on: 2030-09-01; Reason: 转岗"
    pairs.undo(db, change)
    assert logged(db, action="undo")[0][3] == "Unpair"
    pairs.set_locked(db, [pair_id], True)
    assert [r[2] for r in logged(db, action="lock")] == [pair_id]
    assert programme


def test_a_letter_batch_records_each_letter_and_a_refused_batch_records_none(sample_db, qapp, tmp_path):
    db = sample_db
    programme = db.execute("SELECT id FROM programmes").fetchone()[0]
    mentor_ids = letters.programme_mentors(db, programme)[:3]
    first = letters.Batch.for_mentors(db, mentor_ids, programme)
    second = letters.Batch.for_mentors(db, mentor_ids, programme)  # planned before the first is recorded
    assert first.write(target=tmp_path / "first.pdf")
    first.commit(db)
    issued = logged(db, action="issue")
    assert [r[2] for r in issued] == [letter.id for letter in first.letters]
    assert issued[0][3] == f"{first.letters[0].serial} {first.letters[0].mentor_name}"
    before = count(db)
    assert second.write(target=tmp_path / "second.pdf")
    with pytest.raises(UserError):
        second.commit(db)  # issued meanwhile: rolled back
    assert count(db) == before
    letters.Batch.for_letters(db, [first.letters[0].id]).write(target=tmp_path / "again.pdf")
    again = letters.Batch.for_letters(db, [first.letters[0].id])
    assert again.write(target=tmp_path / "again.pdf")
    again.commit(db)
    assert [r[2] for r in logged(db, action="reprint")] == [first.letters[0].id]
    letters.revoke(db, first.letters[1].id, "调离")
    assert audit.rows(db)[0]["details"] == "Reason: 调离"


def test_a_failed_write_leaves_no_row(sample_db, monkeypatch, tmp_path):
    db = sample_db
    before = count(db)
    values = records.load(db, "apprentices", 1)
    with pytest.raises(RuntimeError), db.atomic():
        records.save(db, "apprentices", {**values, "name": "改名"}, 1)
        settings.put(db, "default_capacity", 3)
        raise RuntimeError("the power went")
    assert count(db) == before
    # a letter whose file cannot be put in place: neither the register nor the log keeps it
    batch = letters.Batch.for_mentors(db, letters.programme_mentors(db, 1)[:1], 1)
    assert batch.write(target=tmp_path / "one.pdf")
    monkeypatch.setattr(files, "put_in_place", lambda temp, target: (_ for _ in ()).throw(OSError("disk full")))
    with pytest.raises(OSError):
        batch.commit(db)
    assert count(db) == before and db.execute("SELECT COUNT(*) FROM letters").fetchone()[0] == 0


def test_settings_changes_are_recorded_once(db):
    settings.put(db, "default_capacity", 8)  # the value it has: nothing to record
    settings.put(db, "default_capacity", 6)
    layout = settings.get(db, "letter_layout")
    settings.put(db, "letter_layout", {**layout, "border": False, "seals": {"某某学院": "A" * 50000}})
    shown = audit.rows(db)
    assert [r["summary"] for r in shown] == ["Letter layout", "Default capacity"]
    assert shown[1]["details"] == "Default capacity: 8 → 6"
    assert shown[0]["details"].startswith("Letter layout: border: yes, seals: — → border: no, seals: 某某学院: AAAA")
    assert "50000 characters" in shown[0]["details"]


def test_a_restore_is_recorded_in_the_restored_database(db):
    audit.record_restore(db, "/backups/mentormatch-2026-07-14.db", "/data/mentormatch.before-restore.db")
    [row] = audit.rows(db)
    assert (row["action"], row["kind"], row["summary"]) == ("Restored", "Database", "mentormatch-2026-07-14.db")
    assert "before-restore" in row["details"]


def test_export_audit_on_the_command_line_is_masked(db_path, tmp_path):
    db = open_database(db_path)
    from mentormatch.sample import fill_sample

    fill_sample(db)
    values = records.load(db, "apprentices", 1)
    records.save(db, "apprentices", {**values, "id_number": FULL_ID}, 1)
    db.close()
    out_csv, out_xlsx = tmp_path / "history.csv", tmp_path / "history.xlsx"
    assert run("--db", str(db_path), "--lang", "en", "export", "audit", str(out_csv)).returncode == 0
    with open(out_csv, encoding="utf-8-sig", newline="") as fh:
        table = list(csv.reader(fh))
    assert table[0] == ["Time", "User", "Computer", "Action", "Record type", "Record", "Details"]
    assert table[1][3:5] == ["Changed", "Apprentice"] and MASKED_ID in table[1][6]
    assert FULL_ID not in out_csv.read_text(encoding="utf-8-sig")
    assert run("--db", str(db_path), "--lang", "zh_CN", "export", "audit", str(out_xlsx)).returncode == 0
    sheet = load_workbook(out_xlsx).active
    cells = [str(c.value) for row in sheet.iter_rows() for c in row if c.value is not None]
    assert "操作" in cells and any(MASKED_ID in c for c in cells) and not any(FULL_ID in c for c in cells)
    refused = run("--db", str(db_path), "--lang", "en", "export", "audit", str(out_csv), "--full-personal-data")
    assert refused.returncode == 2 and "masked" in refused.stderr


def test_the_history_page_filters_newest_first(window, qtbot):
    db = window.db
    values = records.load(db, "apprentices", 1)
    records.save(db, "apprentices", {**values, "id_number": FULL_ID}, 1)
    mentor = records.load(db, "mentors", 1)
    records.save(db, "mentors", {**mentor, "title": "首席技师"}, 1)
    settings.put(db, "default_capacity", 5)
    page = window.show_page("history")
    assert page.isVisible()
    model = page.model

    def column(key):
        return [model.index(r, ["at", "os_user", "computer", "action", "kind", "summary", "details"].index(key)).data()
                for r in range(model.rowCount())]

    assert column("kind") == ["Setting", "Mentor", "Apprentice"]  # newest first
    assert MASKED_ID in column("details")[2] and FULL_ID not in "".join(column("details"))
    page.kind.setCurrentIndex(page.kind.findData("mentors"))
    assert len(column("details")) == 1 and column("details")[0].startswith("Job title:") and column("details")[0].endswith("首席技师")
    page.kind.setCurrentIndex(0)
    page.action.setCurrentIndex(page.action.findData("update"))
    assert model.rowCount() == 3
    page.action.setCurrentIndex(page.action.findData("delete"))
    assert model.rowCount() == 0
    page.action.setCurrentIndex(0)
    assert page.user.findData(audit.who()[0]) > 0
    page.user.setCurrentIndex(page.user.findData(audit.who()[0]))
    assert model.rowCount() == 3
    type_text(qtbot, page.search, "首席")
    qtbot.waitUntil(lambda: model.rowCount() == 1)
    assert column("kind") == ["Mentor"]
    page.search.clear()
    qtbot.keyClicks(page.search, "002X")  # the masked ID number's visible part
    qtbot.waitUntil(lambda: column("kind") == ["Apprentice"])
    assert page.count.text() == "Entries: 1"

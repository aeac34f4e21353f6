"""Colleges as records: the Colleges page, rename, merge, safe delete, and "did you mean" for a
new college named like a known one, in the form and in the import preview."""

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog
from test_ui_records import page_of, shown, type_text

from mentormatch import audit, records
from mentormatch.importer import ImportJob
from ui import bulk_edit, delete_dialog
from ui.record_dialog import RecordDialog

TYPO = "德阳安装技师学校"  # the sample has 德阳安装技师学院


def college_id(db, name):
    row = db.execute("SELECT id FROM colleges WHERE name = ?", [name]).fetchone()
    return row[0] if row else None


def add_apprentice(db, college, student_no, name="舒小超"):
    values = {**records.empty("apprentices"), "name": name, "student_no": student_no, "college": college,
              "trade_id": db.execute("SELECT id FROM trades WHERE name_zh = '焊工'").fetchone()[0]}
    return records.save(db, "apprentices", values)


def select(page, names):
    page.table.clearSelection()
    page.select_ids([page.model.record_id(r) for r in range(page.model.rowCount())
                     if page.model.index(r, 0).data() in names])


def test_the_colleges_page_lists_them_with_their_apprentice_counts(window):
    page = page_of(window, "colleges")
    assert sorted(zip(shown(page, "College name"), shown(page, "Apprentices"))) == [("四川工业科技学院", 60), ("德阳安装技师学院", 60)]
    assert window.page_counts.text() == "Colleges: 2"


def test_a_college_is_renamed_in_its_form_and_every_apprentice_shows_the_new_name(window, qtbot, monkeypatch):
    page = page_of(window, "colleges")
    select(page, ["德阳安装技师学院"])

    def rename(dialog):
        dialog.show()
        dialog.editors["name"].clear()
        type_text(qtbot, dialog.editors["name"], "德阳安装技师学院（东校区）")
        qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
        return dialog.result()

    monkeypatch.setattr(RecordDialog, "exec", rename)
    page.table.setFocus()
    qtbot.keyClick(page.table, Qt.Key.Key_Return)  # Enter on the selected row opens it
    assert "德阳安装技师学院（东校区）" in shown(page, "College name")
    apprentices = page_of(window, "apprentices")
    assert shown(apprentices, "College").count("德阳安装技师学院（东校区）") == 60
    assert audit.rows(window.db)[0]["details"] == "College name: 德阳安装技师学院 → 德阳安装技师学院（东校区）"


def test_merging_two_colleges_moves_the_apprentices_in_one_step(window, qtbot, monkeypatch):
    db = window.db
    typo_ids = [add_apprentice(db, TYPO, f"DY2025{i:04d}") for i in range(3)]
    page = page_of(window, "colleges")
    select(page, [TYPO, "德阳安装技师学院"])
    seen = {}

    def merge(dialog):
        dialog.show()
        seen["kept"] = dialog.kept.currentText()
        seen["merged"] = dialog.merged.text()
        qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)
        return dialog.result()

    monkeypatch.setattr(bulk_edit.MergeCollegesDialog, "exec", merge)
    page.bulk_action.trigger()
    assert seen == {"kept": "德阳安装技师学院 (60 apprentices)", "merged": TYPO}  # the one most used is kept
    assert college_id(db, TYPO) is None
    assert sorted(shown(page, "College name")) == sorted(["四川工业科技学院", "德阳安装技师学院"])
    assert {records.load(db, "apprentices", i)["college"] for i in typo_ids} == {"德阳安装技师学院"}
    assert dict(zip(shown(page, "College name"), shown(page, "Apprentices")))["德阳安装技师学院"] == 63
    row = audit.rows(db)[0]
    assert (row["action"], row["summary"]) == ("Merged", f"{TYPO} → 德阳安装技师学院")
    assert "Apprentices moved: 3" in row["details"]


def test_a_merge_that_would_put_two_students_with_one_number_together_is_refused_naming_them(window, qtbot, monkeypatch):
    db = window.db
    taken = db.execute("SELECT student_no FROM apprentices WHERE college_id = ?", [college_id(db, "德阳安装技师学院")]).fetchone()[0]
    add_apprentice(db, TYPO, taken, name="张重名")
    page = page_of(window, "colleges")
    select(page, [TYPO])
    seen = {}

    def merge(dialog):
        dialog.show()
        seen["offered"] = dialog.kept.currentText()  # one selected: the most similar name is offered first
        qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)
        seen["message"] = dialog.message.text()
        return dialog.result()

    monkeypatch.setattr(bulk_edit.MergeCollegesDialog, "exec", merge)
    page.bulk_action.trigger()
    assert seen["offered"].startswith("德阳安装技师学院")
    assert f"张重名 ({taken})" in seen["message"]
    assert college_id(db, TYPO) is not None  # nothing merged


def test_only_an_unused_college_can_be_deleted(window, qtbot, monkeypatch):
    db = window.db
    records.save(db, "colleges", {"name": "重庆工业技师学院"})
    page = page_of(window, "colleges")
    reports = []

    def answer(dialog):
        reports.append(dialog)
        return QDialog.DialogCode.Rejected

    monkeypatch.setattr(delete_dialog.DeleteDialog, "exec", answer)
    select(page, ["德阳安装技师学院"])
    page.delete_action.trigger()
    assert reports and not reports[-1].buttons  # used: no way to delete, the dialog says to merge
    monkeypatch.setattr(delete_dialog.QMessageBox, "question", lambda *a, **k: delete_dialog.QMessageBox.StandardButton.Yes)
    select(page, ["重庆工业技师学院"])
    page.delete_action.trigger()
    assert college_id(db, "重庆工业技师学院") is None
    assert records.delete_report(db, "colleges", college_id(db, "德阳安装技师学院")).blocked


def test_the_apprentice_form_asks_did_you_mean_for_a_college_like_a_known_one(qtbot, sample_db):
    dialog = RecordDialog(sample_db, "apprentices")
    qtbot.addWidget(dialog)
    dialog.show()
    type_text(qtbot, dialog.editors["college"].lineEdit(), TYPO)
    label = dialog.error_labels["college"]
    assert label.isVisible() and label.text() == f"{TYPO} is not a known college: did you mean 德阳安装技师学院?"
    assert "college" not in dialog.errors  # a warning: the form still saves
    dialog.editors["college"].lineEdit().clear()
    type_text(qtbot, dialog.editors["college"].lineEdit(), "一所全新的学校")
    assert not dialog.error_labels["college"].isVisible()


def test_the_import_preview_warns_of_a_college_like_a_known_one_and_still_imports_it(sample_db, tmp_path):
    from test_import import xlsx

    path = xlsx(tmp_path / "roster.xlsx", [["学号", "姓名", "学校", "专业"], ["DY20259001", "王小明", TYPO, "焊接技术应用"],
                                           ["DY20259002", "李小红", "德阳安装技师学院", "焊接技术应用"]])
    job = ImportJob.from_file(sample_db, "apprentices", path)
    rows = job.validate()
    assert [r.status for r in rows] == ["warning", "ok"]
    assert rows[0].reasons() == f"学校: {TYPO} is not a known college: did you mean 德阳安装技师学院?"
    job.commit()
    assert college_id(sample_db, TYPO) is not None


def test_similar_names_are_a_character_or_two_apart():
    assert records.similar_names(TYPO, ["德阳安装技师学院", "四川工业科技学院"]) == ["德阳安装技师学院"]
    assert records.similar_names("一院", ["二院"]) == []
    assert records.similar_names("德阳安装技师学院", ["德阳安装技师学院"]) == []

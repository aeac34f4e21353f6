"""The export dialog driven as a coordinator would."""

from openpyxl import load_workbook
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFileDialog

from mentormatch.store import now_iso
from ui.export_dialog import ExportDialog


def pair_some(db):
    with db.atomic():
        for aid, tid, prog in db.execute("SELECT id, trade_id, programme_id FROM apprentices LIMIT 20").fetchall():
            mentor = db.execute("SELECT id FROM mentors WHERE trade_id = ? LIMIT 1", [tid]).fetchone()
            if mentor:
                db.execute("INSERT INTO pairs (programme_id, apprentice_id, mentor_id, status, created_at) VALUES (?,?,?,?,?)",
                           [prog, aid, mentor[0], "proposed", now_iso()])


def test_export_pairs_with_chosen_columns(sample_db, qtbot, tmp_path, monkeypatch):
    pair_some(sample_db)
    dialog = ExportDialog(sample_db)
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.programme_combo.setCurrentIndex(1)
    items = {dialog.columns.item(i).text(): dialog.columns.item(i) for i in range(dialog.columns.count())}
    items["Status"].setCheckState(Qt.CheckState.Unchecked)
    items["ID number"].setCheckState(Qt.CheckState.Checked)
    assert not dialog.full_check.isChecked() and not dialog.warning.isVisible()
    target = tmp_path / "pairs.xlsx"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(target.with_suffix("")), ""))
    qtbot.mouseClick(dialog.export_button, Qt.MouseButton.LeftButton)
    ws = load_workbook(target).active
    headers = [c.value for c in ws[1]]
    assert "Status" not in headers and "ID number" in headers
    ids = [row[headers.index("ID number")] for row in ws.iter_rows(min_row=2, values_only=True)]
    assert ids and all(v is None or "********" in v for v in ids)
    assert "rows written" in dialog.result.text()

    dialog.full_check.setChecked(True)
    assert dialog.warning.isVisible()
    qtbot.mouseClick(dialog.export_button, Qt.MouseButton.LeftButton)
    ws = load_workbook(target).active
    ids = [row[headers.index("ID number")] for row in ws.iter_rows(min_row=2, values_only=True)]
    assert any(v and "*" not in v for v in ids)


def test_columns_follow_the_kind_and_none_cannot_be_exported(sample_db, qtbot):
    dialog = ExportDialog(sample_db)
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.kind_combo.setCurrentIndex(dialog.kind_combo.findData("mentors"))
    titles = [dialog.columns.item(i).text() for i in range(dialog.columns.count())]
    assert "Free places (confirmed)" in titles and "Free after draft" in titles and "Capacity" in titles
    for i in range(dialog.columns.count()):
        dialog.columns.item(i).setCheckState(Qt.CheckState.Unchecked)
    assert not dialog.export_button.isEnabled()
    assert not dialog.full_check.isEnabled()  # no phone column: nothing to show in full
    dialog.columns.item(titles.index("Phone")).setCheckState(Qt.CheckState.Checked)
    dialog.full_check.setChecked(True)
    assert dialog.full_check.isEnabled() and dialog.warning.isVisible() and "mentors" in dialog.warning.text()
    dialog.kind_combo.setCurrentIndex(dialog.kind_combo.findData("letters"))
    assert not dialog.full_check.isEnabled() and not dialog.warning.isVisible() and not dialog.full_check.isChecked()
    dialog.format_combo.setCurrentIndex(dialog.format_combo.findData("csv"))
    assert not dialog.sheets_check.isEnabled()

"""The import wizard driven as a coordinator would: file, mapping, preview decisions, import, report."""

from openpyxl import Workbook, load_workbook
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFileDialog, QWizard

from ui.import_wizard import ImportWizard

HEADER = ["学号", "姓名", "性别", "身份证号码", "家长电话", "本人电话", "所学专业", "班级", "学院"]


def roster(path):
    book = Workbook()
    ws = book.active
    ws.append(["2026级学徒花名册（教务系统导出）"])
    ws.append(HEADER)
    ws.append(["SC001", "舒小超", "女", "11010519491231002X", "13800000000", "13811112222", "焊接技术应用", "焊接1班", "四川工业科技学院"])
    ws.append(["SC002", "王小明", "男", 110105194912310000, "", "13911112222", "汽车维修", "汽修1班", "四川工业科技学院"])
    ws.append(["SC003", "李娜", "女", "", "", "13711112222", "汽车智能技术", "汽修1班", "四川工业科技学院"])
    ws.append(["SC004", "赵强", "男", "", "", "13611112222", "汽车维修", "汽修2班", "四川工业科技学院"])
    book.save(path)
    return path


def next_button(wizard):
    return wizard.button(QWizard.WizardButton.NextButton)


def test_import_a_roster_through_the_wizard(db, qtbot, tmp_path, monkeypatch):
    with db.atomic():
        college = db.execute("INSERT INTO colleges (name) VALUES ('四川工业科技学院')").lastrowid
        trade = db.execute("SELECT id FROM trades WHERE name_zh = '汽车维修工'").fetchone()[0]
        db.execute("INSERT INTO apprentices (student_no, name, college_id, trade_id) VALUES ('SC004', '赵强', ?, ?)", [college, trade])
    wizard = ImportWizard(db, None, path=str(roster(tmp_path / "花名册.xlsx")))
    qtbot.addWidget(wizard)
    wizard.show()
    page = wizard.file_page
    qtbot.waitUntil(page.isComplete, timeout=5000)
    assert "row 2" in page.status.text() and page.kind() == "apprentices"
    qtbot.mouseClick(next_button(wizard), Qt.MouseButton.LeftButton)

    # mapping: 本人电话 is the apprentice's phone; 家长电话 stays out
    mapping = wizard.mapping_page
    assert wizard.currentPage() is mapping and mapping.isComplete()
    phone_row = HEADER.index("本人电话")
    combo = mapping.grid.cellWidget(phone_row, 2)
    assert combo.currentData() is None
    assert mapping.grid.item(phone_row, 1).text().startswith("13811112222、")  # not personal data until imported as a phone
    combo.setCurrentIndex(combo.findData("phone"))
    assert wizard.job.mapping[phone_row] == "phone"
    # the first values of the columns taken as ID numbers and phones are masked
    assert mapping.grid.item(phone_row, 1).text() == "138****2222、139****2222、137****2222"
    assert mapping.grid.item(HEADER.index("身份证号码"), 1).text() == "110105********002X、1.10105E+17"  # as Excel shows the damaged one
    qtbot.mouseClick(next_button(wizard), Qt.MouseButton.LeftButton)

    preview = wizard.preview_page
    assert wizard.currentPage() is preview
    statuses = [r.status for r in wizard.job.results]
    assert statuses == ["ok", "error", "error", "warning"]
    commit = wizard.button(QWizard.WizardButton.CommitButton)
    assert not commit.isEnabled()
    preview.filter_combo.setCurrentIndex(preview.filter_combo.findData("error"))
    assert preview.proxy.rowCount() == 2
    assert preview.model.headerData(3, Qt.Orientation.Horizontal) == "Reason"  # next to the status, not off to the right
    reason = preview.proxy.index(0, 3).data()
    assert reason.startswith("身份证号码: Excel") and "format the column as text" in reason
    # the damaged ID shows what the file holds, as Excel shows it, on the colour of an error
    id_column = preview.model.FIXED + preview.model.fields.index("id_number")
    damaged = preview.proxy.index(0, id_column)
    assert damaged.data() == "1.10105E+17"
    assert damaged.data(Qt.ItemDataRole.BackgroundRole).color().name() == "#f8d7da"
    assert preview.proxy.index(0, id_column - 1).data(Qt.ItemDataRole.BackgroundRole) is None
    # the whole reason of the current row is shown below the table
    preview.view.setCurrentIndex(preview.proxy.index(1, 0))
    assert preview.detail.text() == "Row 5: " + preview.proxy.index(1, 3).data() and "汽车智能技术" in preview.detail.text()
    # the ID column of the preview is masked
    preview.filter_combo.setCurrentIndex(preview.filter_combo.findData("ok"))
    assert preview.proxy.index(0, id_column).data() == "110105********002X"

    # the unknown major becomes an alias of 汽车维修工
    trades = preview.trades_form.itemAt(0, preview.trades_form.ItemRole.FieldRole).widget()
    trades.setCurrentIndex(trades.findData(trade))
    assert [r.status for r in wizard.job.results] == ["ok", "error", "ok", "warning"]
    # the duplicate SC004 is updated, chosen on its row
    preview.filter_combo.setCurrentIndex(preview.filter_combo.findData("duplicate"))
    preview.view.selectRow(0)
    buttons = {b.text(): b for b in preview.duplicates_box.findChildren(type(commit))}
    qtbot.mouseClick(buttons["Update selected"], Qt.MouseButton.LeftButton)
    assert wizard.job.results[3].action == "update"
    assert not commit.isEnabled()
    preview.skip_errors.setChecked(True)
    assert commit.isEnabled()
    qtbot.mouseClick(commit, Qt.MouseButton.LeftButton)

    report_page = wizard.report_page
    assert wizard.currentPage() is report_page
    assert "Added 2, updated 1, skipped 1." in report_page.summary.text()
    rows = db.execute("SELECT student_no, name, phone, trade_id FROM apprentices ORDER BY student_no").fetchall()
    assert rows == [("SC001", "舒小超", "13811112222", 1), ("SC003", "李娜", "13711112222", trade), ("SC004", "赵强", "13611112222", trade)]

    target = tmp_path / "report.xlsx"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(target), ""))
    qtbot.mouseClick(report_page.save_button, Qt.MouseButton.LeftButton)
    lines = list(load_workbook(target).active.iter_rows(values_only=True))
    assert lines[0][0] == "Added 2, updated 1, skipped 1."
    assert any(line[:2] == (4, "skipped") for line in lines)

    # the adjusted mapping is remembered for the next file with these headers
    again = ImportWizard(db, None, path=str(tmp_path / "花名册.xlsx"))
    qtbot.addWidget(again)
    again.show()
    qtbot.waitUntil(again.file_page.isComplete, timeout=5000)
    again.next()
    assert again.job.mapping_remembered and again.job.mapping[HEADER.index("本人电话")] == "phone"


def test_an_old_excel_file_is_refused_with_a_message(db, qtbot, tmp_path):
    old = tmp_path / "名单.xls"
    old.write_bytes(b"\xd0\xcf\x11\xe0")
    wizard = ImportWizard(db, None, path=str(old))
    qtbot.addWidget(wizard)
    wizard.show()
    qtbot.waitUntil(lambda: ".xlsx" in wizard.file_page.status.text(), timeout=5000)
    assert not next_button(wizard).isEnabled()


def test_a_required_column_must_be_mapped(db, qtbot, tmp_path):
    book = Workbook()
    book.active.append(["编号", "姓名", "专业"])
    book.active.append(["S1", "甲", "焊接"])
    book.save(tmp_path / "r.xlsx")
    wizard = ImportWizard(db, None, path=str(tmp_path / "r.xlsx"))
    qtbot.addWidget(wizard)
    wizard.show()
    qtbot.waitUntil(wizard.file_page.isComplete, timeout=5000)
    wizard.next()
    mapping = wizard.mapping_page
    assert not next_button(wizard).isEnabled()
    assert "Student number" in mapping.missing.text() and "College" in mapping.missing.text()
    combo = mapping.grid.cellWidget(0, 2)
    combo.setCurrentIndex(combo.findData("student_no"))
    mapping.default_combos["college"].setCurrentText("德阳安装技师学院")
    assert next_button(wizard).isEnabled()
    wizard.next()
    assert [r.status for r in wizard.job.results] == ["ok"]


def test_a_roster_dropped_on_the_main_window_opens_the_wizard(db, qtbot, tmp_path, monkeypatch):
    from PySide6.QtCore import QMimeData, QPointF, QUrl
    from PySide6.QtGui import QDropEvent

    from ui.main_window import MainWindow

    opened = []
    monkeypatch.setattr(ImportWizard, "exec", lambda self: opened.append(self.file_page.path_edit.text()) or 0)
    window = MainWindow(db)
    qtbot.addWidget(window)
    path = roster(tmp_path / "dropped.xlsx")
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(path))])
    event = QDropEvent(QPointF(10, 10), Qt.DropAction.CopyAction, mime, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier)
    window.dropEvent(event)
    assert opened == [str(path)]
    mime.setUrls([QUrl.fromLocalFile(str(tmp_path / "letter.docx"))])
    window.dropEvent(QDropEvent(QPointF(10, 10), Qt.DropAction.CopyAction, mime, Qt.MouseButton.LeftButton,
                                Qt.KeyboardModifier.NoModifier))
    assert len(opened) == 1


def enterprise_roster(path, contact):
    """合作企业.csv as Excel saves it on Chinese Windows: GBK, a title row above the header."""
    rows = [["2026年合作企业名单"], ["序号", "企业名称", "统一社会信用代码", "联系人", "联系电话", "地址"],
            [1, "重庆长安汽车股份有限公司", "915000002028133840", contact, "023-67591234", "重庆市江北区"],
            [2, "重庆渝北精工焊接有限公司", "", "陈志强", "13912345678", "重庆市渝北区"]]
    path.write_bytes(("\r\n".join(",".join(str(v) for v in row) for row in rows) + "\r\n").encode("gbk"))
    return path


def import_enterprises(db, qtbot, path, update=False):
    wizard = ImportWizard(db, None, path=str(path))
    qtbot.addWidget(wizard)
    wizard.show()
    qtbot.waitUntil(wizard.file_page.isComplete, timeout=5000)
    assert wizard.file_page.kind() == "enterprises"  # guessed from the headers
    qtbot.mouseClick(next_button(wizard), Qt.MouseButton.LeftButton)
    assert wizard.currentPage() is wizard.mapping_page and next_button(wizard).isEnabled()
    qtbot.mouseClick(next_button(wizard), Qt.MouseButton.LeftButton)
    preview = wizard.preview_page
    assert wizard.currentPage() is preview
    if update:
        assert preview.duplicates_box.isVisible()
        qtbot.mouseClick(preview.update_radio, Qt.MouseButton.LeftButton)
    commit = wizard.button(QWizard.WizardButton.CommitButton)
    assert commit.isEnabled()
    qtbot.mouseClick(commit, Qt.MouseButton.LeftButton)
    assert wizard.currentPage() is wizard.report_page
    return wizard.report_page.summary.text()


def test_an_enterprise_roster_imports_and_updates_through_the_wizard(db, qtbot, tmp_path):
    summary = import_enterprises(db, qtbot, enterprise_roster(tmp_path / "合作企业.csv", "刘建华"))
    assert "Added 2, updated 0, skipped 0." in summary
    assert db.execute("SELECT name, contact FROM enterprises ORDER BY id").fetchall() == [
        ("重庆长安汽车股份有限公司", "刘建华"), ("重庆渝北精工焊接有限公司", "陈志强")]
    summary = import_enterprises(db, qtbot, enterprise_roster(tmp_path / "合作企业2.csv", "王敏"), update=True)
    assert "Added 0, updated 2, skipped 0." in summary
    assert db.execute("SELECT contact FROM enterprises ORDER BY id").fetchall() == [("王敏",), ("陈志强",)]

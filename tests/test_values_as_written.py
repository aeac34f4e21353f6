"""Values as coordinators have them, through the form, the import and the command line: the gender
an ID number tells, an ID number's unknown birthplace, and identifiers Excel stored as numbers
(refused where digits are lost, flagged where they may be whole), in real .xlsx and CSV files."""

import os
import subprocess
import sys
from pathlib import Path

from openpyxl import Workbook
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog

from mentormatch import records
from mentormatch.importer import ImportJob
from mentormatch.store import open_database
from tests.test_ui_records import type_text
from ui.record_dialog import ERROR_STYLE, NOTICE_STYLE, RecordDialog

ROOT = Path(__file__).resolve().parent.parent
WOMAN = "11010519491231002X"  # sequence 002: even
WOMAN_2 = "500112200602030027"
MAN = "110105194912310011"
UNKNOWN_AREA = "990105200602030040"  # valid check character, no such area code


def typed(qtbot, dialog, values: dict) -> None:
    for name, text in values.items():
        editor = dialog.editors[name]
        type_text(qtbot, editor.lineEdit() if hasattr(editor, "lineEdit") else getattr(editor, "line", editor), text)


def new_apprentice_form(qtbot, db):
    dialog = RecordDialog(db, "apprentices")
    qtbot.addWidget(dialog)
    dialog.show()
    typed(qtbot, dialog, {"student_no": "SC20249999", "name": "舒小超", "college": "四川工业科技学院", "trade_id": "焊工"})
    return dialog


def test_the_form_reads_the_gender_from_the_id_number(qtbot, sample_db):
    dialog = new_apprentice_form(qtbot, sample_db)
    assert dialog.editors["gender"].value() == ""
    qtbot.keyClicks(dialog.editors["id_number"], WOMAN)
    assert dialog.editors["gender"].currentText() == "Female"  # seen before saving
    assert not dialog.error_labels["gender"].isVisible()
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    assert dialog.result() == QDialog.DialogCode.Accepted
    assert records.load(sample_db, "apprentices", dialog.record_id)["gender"] == "F"


def test_the_form_warns_of_a_gender_the_id_number_contradicts_and_saves(qtbot, sample_db):
    dialog = new_apprentice_form(qtbot, sample_db)
    qtbot.keyClick(dialog.editors["gender"], Qt.Key.Key_Down)  # Not stated → Male
    assert dialog.editors["gender"].value() == "M"
    qtbot.keyClicks(dialog.editors["id_number"], WOMAN)
    warning = dialog.error_labels["gender"]
    assert warning.isVisible() and "this is a woman" in warning.text() and warning.styleSheet() == NOTICE_STYLE
    assert not dialog.summary.isVisible()
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)  # a warning does not stop saving
    assert dialog.result() == QDialog.DialogCode.Accepted
    assert records.load(sample_db, "apprentices", dialog.record_id)["gender"] == "M"  # as the coordinator chose


def test_the_form_warns_of_an_unknown_birthplace_but_refuses_a_wrong_check_character(qtbot, sample_db):
    dialog = new_apprentice_form(qtbot, sample_db)
    qtbot.keyClicks(dialog.editors["id_number"], UNKNOWN_AREA[:-1] + "1")
    label = dialog.error_labels["id_number"]
    assert "check character" in label.text() and label.styleSheet() == ERROR_STYLE
    qtbot.keyClick(dialog.editors["id_number"], Qt.Key.Key_Backspace)
    qtbot.keyClicks(dialog.editors["id_number"], UNKNOWN_AREA[-1])
    assert "990105" in label.text() and label.styleSheet() == NOTICE_STYLE
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    assert dialog.result() == QDialog.DialogCode.Accepted
    assert records.load(sample_db, "apprentices", dialog.record_id)["id_number"] == UNKNOWN_AREA


def test_records_fill_the_gender_and_report_warnings_apart_from_errors(db):
    values = {**records.empty("apprentices"), "name": "甲", "student_no": "1", "college": "一院", "trade_id": 1, "id_number": WOMAN}
    clean, messages = records.validate(db, "apprentices", values)
    assert clean["gender"] == "F" and messages == {}
    clean, messages = records.validate(db, "apprentices", {**values, "gender": "M", "phone": "1381234"})
    assert set(messages) == {"gender", "phone"} and set(records.blocking(messages)) == {"phone"}
    record_id = records.save(db, "apprentices", {**values, "gender": "M"})
    assert records.load(db, "apprentices", record_id)["gender"] == "M"


def test_an_import_fills_the_gender_and_warns_of_contradictions(db, tmp_path):
    path = tmp_path / "学徒.csv"
    path.write_text("学号,姓名,性别,身份证号码,所学专业,学院\n"
                    f"SC1,甲,,{WOMAN},焊接技术应用,一院\n"
                    f"SC2,乙,男,{WOMAN_2},焊接技术应用,一院\n"
                    f"SC3,丙,女,{UNKNOWN_AREA},焊接技术应用,一院\n", encoding="utf-8-sig")
    job = ImportJob.from_file(db, "apprentices", path)
    results = job.validate()
    assert [r.status for r in results] == ["ok", "warning", "warning"]
    [gender] = results[1].issues
    assert gender.column == "性别" and "this is a woman" in gender.message and not gender.error
    [area] = results[2].issues
    assert area.column == "身份证号码" and "990105" in area.message
    assert job.commit().added == 3
    stored = dict(db.execute("SELECT student_no, gender FROM apprentices").fetchall())
    assert stored == {"SC1": "F", "SC2": "M", "SC3": "F"}


# ---------------------------------------------------------------------------------------------
# Identifiers Excel stored as numbers, on the command line in Chinese


def run(*args):
    environment = {k: v for k, v in os.environ.items() if k not in ("DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM")}
    result = subprocess.run([sys.executable, str(ROOT / "main.py"), "--lang", "zh_CN", *map(str, args)],
                            capture_output=True, text=True, env=environment, timeout=120)
    assert "Traceback" not in result.stderr + result.stdout
    return result


def workbook(path, rows):
    """An .xlsx written by openpyxl: an int or float in a row is a number cell, as Excel keeps a typed number."""
    book = Workbook()
    for row in rows:
        book.active.append(row)
    book.save(path)
    return path


def gbk_csv(path, lines):
    """A CSV as Excel saves it on Chinese Windows: GBK, CRLF, numbers as the cells showed them."""
    path.write_bytes(("\r\n".join(lines) + "\r\n").encode("gbk"))
    return path


DAMAGED = "Excel 把此{what}存成了数字，丢失了其中的数字（{value}）；请把该列设为文本格式后重新录入。"


def test_number_cells_of_a_workbook_are_refused_where_digits_are_lost(tmp_path):
    db = tmp_path / "college.db"
    path = workbook(tmp_path / "学徒名单.xlsx", [
        ["学号", "姓名", "身份证号码", "联系电话", "所学专业", "学院"],
        ["SC1", "甲", 500112200508140289, "", "焊接技术应用", "一院"],  # an int cell: more digits than Excel keeps
        ["SC2", "乙", 5.0011220050814e17, "", "焊接技术应用", "一院"],  # the float Excel stores
        ["SC3", "丙", WOMAN, 2367571234, "焊接技术应用", "一院"],  # a landline that lost its 0
        ["SC4", "丁", "", 13812345678, "焊接技术应用", "一院"],  # a mobile number is whole
    ])
    refused = run("--db", db, "import", "apprentices", path)
    assert refused.returncode == 2
    lines = refused.stderr.splitlines()
    assert "第 2 行，身份证号码：" + DAMAGED.format(what="身份证号", value="5.00112E+17") in lines
    assert "第 3 行，身份证号码：" + DAMAGED.format(what="身份证号", value="5.00112E+17") in lines
    assert "第 4 行，联系电话：" + DAMAGED.format(what="电话号码", value="2367571234") in lines
    skipped = run("--db", db, "import", "apprentices", path, "--skip-errors")
    assert skipped.returncode == 0, skipped.stderr
    stored = open_database(db).execute("SELECT student_no, id_number, phone FROM apprentices").fetchall()
    assert stored == [("SC4", None, "13812345678")]

    enterprises = workbook(tmp_path / "企业.xlsx", [["企业名称", "统一社会信用代码"], ["重庆渝北精工焊接有限公司", 915001127305739094],
                                                   ["重庆长安汽车股份有限公司", "91350100M000100Y43"]])
    refused = run("--db", db, "import", "enterprises", enterprises)
    assert "第 2 行，统一社会信用代码：" + DAMAGED.format(what="统一社会信用代码", value="9.15001E+17") in refused.stderr.splitlines()


def test_employee_numbers_typed_as_numbers_are_flagged_for_the_coordinator(tmp_path):
    db = tmp_path / "college.db"
    path = workbook(tmp_path / "导师名单.xlsx", [["姓名", "工号", "所在企业", "工种"],
                                                *[[f"导师{n}", n, "重庆长安汽车股份有限公司", "焊工"] for n in range(1, 13)]])
    result = run("--db", db, "import", "mentors", path)
    assert result.returncode == 0, result.stderr
    warnings = [line for line in result.stderr.splitlines() if line.startswith("注意：")]
    assert len(warnings) == 12
    assert warnings[0] == "注意：第 2 行，工号：此工号可能在 Excel 中被存成了数字（1），开头的 0 或第 15 位以后的数字可能已丢失，请核对。"
    assert "第 13 行，工号" in warnings[-1] and "（12）" in warnings[-1]


def test_a_csv_saved_by_excel_after_the_damage(tmp_path):
    """The ID column was a number column: one cell shows scientific notation, another its 15 digits
    and three zeros — which happen to satisfy the check character — and the one typed with an X
    stayed text."""
    db = tmp_path / "college.db"
    damaged = gbk_csv(tmp_path / "学徒名单.csv", [
        "学号,姓名,身份证号码,所学专业,学院",
        "SC1,甲,5.00112E+17,焊接技术应用,一院",
        "SC2,乙,500112200508140000,焊接技术应用,一院",
        f"SC3,丙,{WOMAN},焊接技术应用,一院",
    ])
    refused = run("--db", db, "import", "apprentices", damaged)
    assert refused.returncode == 2
    lines = refused.stderr.splitlines()
    assert "第 2 行，身份证号码：" + DAMAGED.format(what="身份证号", value="5.00112E+17") in lines
    assert "第 3 行，身份证号码：" + DAMAGED.format(what="身份证号", value="500112200508140000") in lines
    assert not any("第 4 行" in line for line in lines)

    alone = gbk_csv(tmp_path / "学徒名单2.csv", [  # nothing else in the column says numbers: one to confirm
        "学号,姓名,身份证号码,所学专业,学院",
        f"SC5,戊,{WOMAN_2},焊接技术应用,一院",
        "SC6,己,500112200508140000,焊接技术应用,一院",
        f"SC7,庚,{MAN},焊接技术应用,一院",
    ])
    imported = run("--db", db, "import", "apprentices", alone)
    assert imported.returncode == 0, imported.stderr
    assert ("注意：第 3 行，身份证号码：此身份证号可能在 Excel 中被存成了数字（500112200508140000），"
            "开头的 0 或第 15 位以后的数字可能已丢失，请核对。") in imported.stderr.splitlines()


def test_a_real_id_number_ending_in_000_in_a_column_typed_as_text(db, tmp_path):
    """One real number in 1,100 ends in 000; beside numbers that show the column was text, it is taken."""
    ids = [WOMAN, WOMAN_2, MAN, "500112200703050019", "500112200508140000"]
    path = gbk_csv(tmp_path / "学徒名单.csv", ["学号,姓名,身份证号码,所学专业,学院"]
                   + [f"SC{i},学徒{i},{number},焊接技术应用,一院" for i, number in enumerate(ids)])
    results = ImportJob.from_file(db, "apprentices", path).validate()
    assert [r.status for r in results] == ["ok"] * 5


def test_credit_codes_in_a_csv_saved_after_the_damage(db, tmp_path):
    path = gbk_csv(tmp_path / "合作企业.csv", ["企业名称,统一社会信用代码",
                                               "重庆渝北精工焊接有限公司,9.15001E+17",
                                               "德阳东方电机装备有限公司,915001127305739000",
                                               "重庆长安汽车股份有限公司,9135 0100-M000 100Y43"])
    results = ImportJob.from_file(db, "enterprises", path).validate()
    assert [r.status for r in results] == ["error", "error", "ok"]
    assert all(r.issues[0].column == "统一社会信用代码" and "lost digits" in r.issues[0].message for r in results[:2])
    assert results[2].clean["credit_code"] == "91350100M000100Y43"

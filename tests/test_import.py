"""Importing rosters as coordinators have them: title rows, Chinese headers, GBK CSV, Excel damage."""

import datetime
import sqlite3

import pytest
from openpyxl import Workbook

from mentormatch import cli, importer, tabular
from mentormatch.errors import UserError
from mentormatch.importer import ImportJob
from mentormatch.store import open_database

HEADER = ["序号", "学号", "姓名", "性别", "身份证号码", "手机号", "所学专业", "班级", "学院", "实习单位", "开始日期", "结束日期"]
ROW_1 = [1, "SC2024001", "舒小超", "女", "11010519491231002X", "13812345678", "焊接技术应用", "焊接1班", "四川工业科技学院",
         "重庆长安汽车股份有限公司", datetime.datetime(2026, 7, 14), "2027/1/13"]
ROW_2 = [2, "SC2024002", "王小明", "男", "", "13900001111", "汽车制造与检修", "汽修2班", "四川工业科技学院",
         "重庆长安汽车股份有限公司", "2026年7月14日", "2027.1.13"]


def xlsx(path, rows, title="2026级学徒花名册", sheet=None):
    book = Workbook()
    ws = book.active
    if sheet:
        ws.title = sheet
    if title:
        ws.append([title])
        ws.append([])
    for row in rows:
        ws.append(row)
    book.save(path)
    return path


def csv_file(path, rows, encoding):
    lines = [",".join("" if v is None else str(v) for v in row) for row in rows]
    path.write_bytes(("\r\n".join(lines) + "\r\n").encode(encoding))
    return path


def cli_import(db_path, *args):
    return cli.main(["--lang", "en", "--db", str(db_path), "import", *map(str, args)])


def apprentices(db):
    return db.execute(
        "SELECT a.student_no, a.name, a.gender, c.name, a.class_name, a.major, t.name_zh, a.id_number, a.phone,"
        " e.name, a.start_date, a.end_date FROM apprentices a JOIN colleges c ON c.id = a.college_id"
        " JOIN trades t ON t.id = a.trade_id LEFT JOIN enterprises e ON e.id = a.host_enterprise_id ORDER BY a.student_no"
    ).fetchall()


def test_xlsx_under_a_title_row_imports_every_value(db, tmp_path):
    path = xlsx(tmp_path / "roster.xlsx", [HEADER, ROW_1, ROW_2])
    job = ImportJob.from_file(db, "apprentices", path)
    assert job.table.header_row == 3
    assert job.mapping[:4] == [None, "student_no", "name", "gender"]
    results = job.validate()
    assert [r.status for r in results] == ["ok", "ok"]
    report = job.commit()
    assert (report.added, report.updated, report.skipped) == (2, 0, 0)
    assert apprentices(db) == [
        ("SC2024001", "舒小超", "F", "四川工业科技学院", "焊接1班", "焊接技术应用", "焊工", "11010519491231002X", "13812345678",
         "重庆长安汽车股份有限公司", "2026-07-14", "2027-01-13"),
        ("SC2024002", "王小明", "M", "四川工业科技学院", "汽修2班", "汽车制造与检修", "汽车维修工", None, "13900001111",
         "重庆长安汽车股份有限公司", "2026-07-14", "2027-01-13"),
    ]
    assert "College: 四川工业科技学院" in report.created


@pytest.mark.parametrize("encoding", ["gbk", "utf-8-sig", "utf-8", "gb18030"])
def test_csv_in_the_encodings_excel_writes(db, tmp_path, encoding):
    rows = [["学徒花名册"], [], HEADER, [*ROW_1[:10], "2026-07-14", "2027-01-13"], [*ROW_2[:10], "2026/7/14", ""]]
    path = csv_file(tmp_path / "roster.csv", rows, encoding)
    job = ImportJob.from_file(db, "apprentices", path)
    assert job.table.headers[1:3] == ["学号", "姓名"]
    job.commit()
    names = [r[1] for r in apprentices(db)]
    assert names == ["舒小超", "王小明"]
    assert apprentices(db)[0][3] == "四川工业科技学院"


def test_tab_separated_unicode_text(db, tmp_path):
    path = tmp_path / "roster.txt"
    path.write_bytes("\r\n".join("\t".join(map(str, r[:10])) for r in [HEADER, ROW_1]).encode("utf-16"))
    ImportJob.from_file(db, "apprentices", path).commit()
    assert apprentices(db)[0][1] == "舒小超"


def test_full_width_values_and_date_forms_are_normalised(db, tmp_path):
    row = [1, "ＳＣ－００１", " 李娜（小） ", "女", "１１０１０５１９４９１２３１００２ｘ", "１３８－１２３４－５６７８", "汽车维修", "１班",
           "四川工业科技学院", "", "２０２６．７．１", "2027年1月13日"]
    job = ImportJob.from_file(db, "apprentices", xlsx(tmp_path / "r.xlsx", [HEADER, row]))
    job.commit()
    student_no, name, *_, class_name, _, _, id_number, phone, _, start, end = apprentices(db)[0]
    # codes, numbers and dates lose their full-width punctuation; a name keeps its Chinese brackets
    assert (student_no, name, class_name, id_number, phone, start, end) == (
        "SC-001", "李娜（小）", "1班", "11010519491231002X", "13812345678", "2026-07-01", "2027-01-13")


@pytest.mark.parametrize("damaged", [110105194912310000, 1.10105194912310e17, "1.10105E+17", "110105194912310000"])
def test_id_numbers_damaged_by_excel_are_rejected_and_never_stored(db, tmp_path, damaged):
    row = [*ROW_1[:4], damaged, *ROW_1[5:]]
    job = ImportJob.from_file(db, "apprentices", xlsx(tmp_path / "r.xlsx", [HEADER, row, ROW_2]))
    results = job.validate()
    assert results[0].status == "error" and results[1].status == "ok"
    assert "Excel" in results[0].issues[0].message and results[0].issues[0].column == "身份证号码"
    assert "id_number" not in results[0].values
    assert job.errors()[0].startswith("row 4, 身份证号码: ")
    with pytest.raises(UserError):
        job.commit()
    assert apprentices(db) == []
    report = job.commit(skip_errors=True)
    assert report.added == 1 and report.skipped == 1
    assert [r[0] for r in apprentices(db)] == ["SC2024002"]


def test_phone_and_student_numbers_that_lost_their_leading_zero(db, tmp_path):
    header = ["学号", "姓名", "专业", "学院", "联系电话"]
    rows = [header, ["0241001", "甲", "汽车维修", "一院", "02367591234"], [241002, "乙", "汽车维修", "一院", 13812345678],
            ["0241003", "丙", "汽车维修", "一院", 2367591234], [1.5, "丁", "汽车维修", "一院", ""]]
    results = ImportJob.from_file(db, "apprentices", xlsx(tmp_path / "r.xlsx", rows, title=None)).validate()
    assert [r.status for r in results] == ["ok", "error", "error", "error"]
    assert results[1].issues[0].column == "学号" and "leading 0" in results[1].issues[0].message
    assert results[2].issues[0].column == "联系电话" and "lost digits" in results[2].issues[0].message
    assert "lost digits" in results[3].issues[0].message


def test_numbers_are_compared_with_those_of_the_same_college(db, tmp_path):
    """Each college numbers its own students: a shorter number is damaged only beside longer ones of its college."""
    header = ["学号", "姓名", "专业", "学院"]
    rows = [header, [20241001, "甲", "汽车维修", "一院"], [20241002, "乙", "汽车维修", "一院"], [5521, "丙", "汽车维修", "二院"],
            [5522, "丁", "汽车维修", "二院"], [241003, "戊", "汽车维修", "一院"]]
    results = ImportJob.from_file(db, "apprentices", xlsx(tmp_path / "r.xlsx", rows, title=None)).validate()
    assert [r.status for r in results] == ["warning", "warning", "warning", "warning", "error"]  # numbers: to confirm
    assert "leading 0" in results[4].issues[0].message


def test_duplicates_in_the_file_and_in_the_database(db, tmp_path):
    path = xlsx(tmp_path / "r.xlsx", [HEADER, ROW_1, ROW_2])
    ImportJob.from_file(db, "apprentices", path).commit()
    changed = [*ROW_1[:7], "焊接2班", *ROW_1[8:]]
    again = xlsx(tmp_path / "again.xlsx", [HEADER, changed, ROW_2, ROW_2])  # the last row repeated as it is

    job = ImportJob.from_file(db, "apprentices", again)
    results = job.validate()
    assert [r.existing_id is not None for r in results] == [True, True, True]
    assert results[2].first_row == 5
    report = job.commit()  # the default: skip existing records
    assert (report.added, report.updated, report.skipped) == (0, 0, 3)
    assert report.lines[2] == (6, "skipped", "Already in the database; The same record as row 5.")  # says which record
    assert apprentices(db)[0][4] == "焊接1班"

    job = ImportJob.from_file(db, "apprentices", again)
    job.set_on_duplicate("update")
    job.decide(6, "skip")
    report = job.commit()
    assert (report.added, report.updated, report.skipped) == (0, 2, 1)
    assert apprentices(db)[0][4] == "焊接2班"
    assert apprentices(db)[1][1] == "王小明"


# -- two different people are never one record ----------------------------------------------------

SHORT = ["学号", "姓名", "身份证号码", "专业", "学院"]


def test_one_student_number_on_two_people_in_the_file_is_an_error_naming_both_rows(db, tmp_path):
    rows = [SHORT, ["2023001", "李强", "", "焊接", "一院"], ["2023002", "张三", "", "焊接", "一院"],
            ["2023001", "王芳", "", "焊接", "一院"], ["2023001", "李强", "", "焊接", "二院"]]  # another college: another student
    job = ImportJob.from_file(db, "apprentices", xlsx(tmp_path / "r.xlsx", rows, title=None))
    results = job.validate()
    assert [r.status for r in results] == ["ok", "ok", "error", "ok"]
    assert results[2].first_row is None and "same record" not in results[2].reasons()
    assert job.errors() == ["row 4, 学号: Row 2 has the same Student number (2023001), but another Name: 王芳 / 李强."]
    job.set_on_duplicate("update")
    report = job.commit(skip_errors=True)
    assert (report.added, report.updated, report.skipped) == (3, 0, 1)
    assert sorted(r[:2] for r in apprentices(db)) == [("2023001", "李强"), ("2023001", "李强"), ("2023002", "张三")]


def test_one_student_number_against_another_person_in_the_database_never_replaces_them(db, tmp_path, db_path, capsys):
    first = xlsx(tmp_path / "first.xlsx", [SHORT, ["2023001", "李强", "11010519491231002X", "焊接", "一院"]], title=None)
    assert cli_import(db_path, "apprentices", first) == 0
    other = xlsx(tmp_path / "other.xlsx", [SHORT, ["2023001", "王芳", "", "焊接", "一院"]], title=None)
    capsys.readouterr()
    assert cli_import(db_path, "apprentices", other, "--on-duplicate", "update") == 2
    assert "row 2, 学号: 李强 (2023001) in the database has this Student number (2023001), but another Name: 王芳 / 李强." in capsys.readouterr().err
    # the same person with another ID number is not the same person either
    other_id = xlsx(tmp_path / "id.xlsx", [SHORT, ["2023001", "李强", "110105200001010016", "焊接", "一院"]], title=None)
    assert cli_import(db_path, "apprentices", other_id, "--on-duplicate", "update") == 2
    assert "another ID number: 110105********0016 / 110105********002X" in capsys.readouterr().err
    db = open_database(db_path)
    assert db.execute("SELECT student_no, name, id_number FROM apprentices").fetchall() == [("2023001", "李强", "11010519491231002X")]
    db.close()


def test_one_id_number_on_two_people_is_an_error_in_the_file_and_against_the_database(db, tmp_path):
    rows = [SHORT, ["S1", "李强", "11010519491231002X", "焊接", "一院"], ["S2", "王芳", "11010519491231002x", "焊接", "一院"]]
    job = ImportJob.from_file(db, "apprentices", xlsx(tmp_path / "r.xlsx", rows, title=None))
    results = job.validate()
    assert [r.status for r in results] == ["ok", "error"]
    assert results[1].reasons() == "身份证号码: Row 2 has the same ID number (110105********002X), but another Name: 王芳 / 李强."
    job.commit(skip_errors=True)
    again = xlsx(tmp_path / "again.xlsx", [SHORT, ["S3", "赵六", "11010519491231002X", "焊接", "一院"]], title=None)
    results = ImportJob.from_file(db, "apprentices", again).validate()
    assert results[0].status == "error"
    assert results[0].reasons() == "身份证号码: 李强 (S1) already has this ID number."


def test_a_repeated_identical_row_is_a_duplicate_of_the_earlier_row(db, tmp_path):
    rows = [SHORT, ["S1", "李强", "11010519491231002X", "焊接", "一院"], ["S1", "李强", "11010519491231002X", "焊接", "一院"]]
    job = ImportJob.from_file(db, "apprentices", xlsx(tmp_path / "r.xlsx", rows, title=None))
    results = job.validate()
    assert [r.status for r in results] == ["ok", "warning"]
    assert results[1].reasons() == "The same record as row 2."
    assert job.commit().added == 1


def test_a_later_row_of_the_file_updates_an_earlier_new_one(db, tmp_path):
    path = xlsx(tmp_path / "r.xlsx", [HEADER, ROW_1, [*ROW_1[:7], "焊接3班", *ROW_1[8:]]])
    job = ImportJob.from_file(db, "apprentices", path)
    job.set_on_duplicate("update")
    report = job.commit()
    assert (report.added, report.updated) == (1, 0)
    assert [line[1] for line in report.lines] == ["added", "updated"]
    assert [r[4] for r in apprentices(db)] == ["焊接3班"]


def test_unknown_majors_are_mapped_to_a_trade_or_create_one(db, tmp_path):
    rows = [HEADER, [*ROW_1[:6], "汽车智能技术", *ROW_1[7:]], [*ROW_2[:6], "航空服务", *ROW_2[7:]]]
    job = ImportJob.from_file(db, "apprentices", xlsx(tmp_path / "r.xlsx", rows))
    job.validate()
    assert job.unknown_trades == {"汽车智能技术": [4], "航空服务": [5]}
    weld = db.execute("SELECT id FROM trades WHERE name_zh = '汽车维修工'").fetchone()[0]
    job.choose_trade("汽车智能技术", weld)
    job.choose_trade("航空服务", importer.NEW_TRADE)
    job.validate()
    assert job.unknown_trades == {}
    report = job.commit()
    assert "Trade: 航空服务" in report.created
    assert [r[6] for r in apprentices(db)] == ["汽车维修工", "航空服务"]
    # the mapping is remembered as an alias for the next import
    assert db.execute("SELECT trade_id FROM trade_aliases WHERE alias = '汽车智能技术'").fetchone()[0] == weld


def test_an_adjusted_mapping_is_remembered_for_the_same_headers(db, tmp_path):
    header = ["学号", "姓名", "专业", "学院", "家长电话", "本人电话"]
    path = xlsx(tmp_path / "r.xlsx", [header, ["S1", "甲", "汽车维修", "一院", "13800000000", "13911112222"]], title=None)
    job = ImportJob.from_file(db, "apprentices", path)
    assert job.mapping[4:] == [None, None]
    job.map_column(5, "phone")
    job.commit()
    assert apprentices(db)[0][8] == "13911112222"
    again = ImportJob.from_file(db, "apprentices", path)
    assert again.mapping_remembered and again.mapping[5] == "phone"


def test_mentors_with_levels_capacity_and_duplicates_by_name_and_phone(db, tmp_path):
    header = ["工号", "导师姓名", "性别", "工作单位", "工种", "技能等级", "从业年限", "可带学徒数", "联系电话"]
    rows = [header,
            ["E1001", "王劲松", "男", "重庆长安汽车股份有限公司", "焊工", "高级技师", "22年", 5, "13812345678"],
            ["", "刘芳", "女", "重庆长安汽车股份有限公司", "汽车维修工", "技师（二级）", 10, "", "13912345678"],
            ["E1003", "刘芳", "女", "重庆长安汽车股份有限公司", "汽车维修工", "三级", 10, 4, "13912345678"],
            ["E1004", "赵强", "男", "重庆长安汽车股份有限公司", "焊工", "特级", 10, 4, ""]]
    job = ImportJob.from_file(db, "mentors", xlsx(tmp_path / "m.xlsx", rows))
    results = job.validate()
    assert [r.status for r in results] == ["ok", "ok", "warning", "error"]
    assert results[2].first_row == 5
    assert results[3].issues[0].column == "技能等级"
    job.set_on_duplicate("update")
    report = job.commit(skip_errors=True)
    assert (report.added, report.skipped) == (2, 1)
    assert db.execute("SELECT name, employee_no, skill_level, years, capacity FROM mentors ORDER BY id").fetchall() == [
        ("王劲松", "E1001", 5, 22, 5), ("刘芳", "E1003", 3, 10, 4)]


def test_enterprises_with_credit_codes(db, tmp_path):
    header = ["企业名称", "简称", "统一社会信用代码", "联系人", "联系电话", "地址"]
    rows = [header, ["重庆长安汽车股份有限公司", "长安汽车", "915000002028133840", "刘建华", "023-67591234", "重庆市江北区"],
            ["重庆渝北精工焊接有限公司", "渝北精工", "915000002028133841", "陈志强", "", ""]]
    job = ImportJob.from_file(db, "enterprises", xlsx(tmp_path / "e.xlsx", rows))
    results = job.validate()
    assert [r.status for r in results] == ["ok", "error"]
    assert results[1].issues[0].column == "统一社会信用代码"


def test_a_missing_required_column_is_named(db, tmp_path):
    job = ImportJob.from_file(db, "apprentices", xlsx(tmp_path / "r.xlsx", [["姓名", "班级"], ["甲", "1班"]]))
    job.validate()
    assert set(job.missing_fields()) == {"student_no", "college", "trade_id"}
    # each missing column is named once, not again on every row
    assert job.errors()[:3] == ["r.xlsx: no column for Student number.", "r.xlsx: no column for College.",
                                "r.xlsx: no column for Trade."]
    assert not any("Student number" in e or "College" in e for e in job.errors()[3:])
    with pytest.raises(UserError):
        job.commit(skip_errors=True)


def test_the_only_college_is_the_default(db, tmp_path):
    db.execute("INSERT INTO colleges (name) VALUES ('德阳安装技师学院')")
    path = xlsx(tmp_path / "r.xlsx", [["学号", "姓名", "专业"], ["D1", "甲", "焊接"]], title=None)
    ImportJob.from_file(db, "apprentices", path).commit()
    assert apprentices(db)[0][3] == "德阳安装技师学院"


def test_old_and_foreign_files_get_a_clear_message(tmp_path):
    xls = tmp_path / "roster.xls"
    xls.write_bytes(b"\xd0\xcf\x11\xe0 old excel")
    with pytest.raises(UserError, match=r"roster\.xls.*\.xlsx"):
        tabular.read_table(xls)
    fake = tmp_path / "renamed.xlsx"
    fake.write_bytes(b"\xd0\xcf\x11\xe0 old excel")
    with pytest.raises(UserError, match="renamed.xlsx"):
        tabular.read_table(fake)
    with pytest.raises(UserError, match="missing.csv"):
        tabular.read_table(tmp_path / "missing.csv")


def test_sheets_are_listed_and_chosen(tmp_path):
    book = Workbook()
    book.active.title = "说明"
    book.active.append(["本表由教务系统导出"])
    second = book.create_sheet("学生名单")
    second.append(["学号", "姓名"])
    second.append(["S1", "甲"])
    book.save(tmp_path / "b.xlsx")
    assert tabular.sheet_names(tmp_path / "b.xlsx") == ["说明", "学生名单"]
    table = tabular.read_table(tmp_path / "b.xlsx", "学生名单", importer.header_matcher())
    assert table.headers == ["学号", "姓名"] and table.rows == [(2, ("S1", "甲"))]
    with pytest.raises(UserError, match="名单2"):
        tabular.read_table(tmp_path / "b.xlsx", "名单2")


# -- all or nothing ------------------------------------------------------------------------------


def test_a_failed_import_leaves_the_database_file_byte_for_byte_unchanged(db_path, tmp_path, qapp):
    ok = xlsx(tmp_path / "ok.xlsx", [HEADER, ROW_1])
    assert cli_import(db_path, "apprentices", ok) == 0
    before = db_path.read_bytes()
    bad = xlsx(tmp_path / "bad.xlsx", [HEADER, ROW_2, [*ROW_1[:4], "1.10105E+17", *ROW_1[5:]]])
    assert cli_import(db_path, "apprentices", bad) == 2
    assert db_path.read_bytes() == before


def test_a_database_failure_during_commit_rolls_everything_back(db_path, tmp_path, monkeypatch):
    before = db_path.read_bytes()
    db = open_database(db_path)
    job = ImportJob.from_file(db, "apprentices", xlsx(tmp_path / "r.xlsx", [HEADER, ROW_1, ROW_2]))

    def fail(*args):
        raise sqlite3.OperationalError("disk I/O error")

    monkeypatch.setattr(importer, "remember_mapping", fail)  # after the rows were written
    with pytest.raises(UserError, match="disk I/O error"):
        job.commit()
    assert db.execute("SELECT COUNT(*) FROM apprentices").fetchone()[0] == 0
    assert db.execute("SELECT COUNT(*) FROM colleges").fetchone()[0] == 0
    db.close()
    assert db_path.read_bytes() == before


# -- command line --------------------------------------------------------------------------------


def test_command_line_exit_codes_and_report(db_path, tmp_path, qapp, capsys):
    bad = xlsx(tmp_path / "bad.xlsx", [HEADER, ROW_1, [*ROW_2[:4], 110105194912310000, *ROW_2[5:]]])
    assert cli_import(db_path, "apprentices", bad) == 2  # a problem the message explains
    err = capsys.readouterr().err
    assert "row 5, 身份证号码: Excel" in err and "Nothing was imported" in err

    assert cli_import(db_path, "apprentices", bad, "--skip-errors") == 0
    out = capsys.readouterr().out
    assert "row 5: skipped" in out and "Added 1, updated 0, skipped 1." in out

    assert cli_import(db_path, "apprentices", bad, "--skip-errors", "--on-duplicate", "update") == 0
    assert "Added 0, updated 1, skipped 1." in capsys.readouterr().out

    assert cli_import(db_path, "apprentices", tmp_path / "roster.et") == 2  # WPS's own format
    assert ".xlsx" in capsys.readouterr().err


def test_report_saved_as_xlsx(db, tmp_path):
    from openpyxl import load_workbook

    job = ImportJob.from_file(db, "apprentices", xlsx(tmp_path / "r.xlsx", [HEADER, ROW_1, [*ROW_2[:2], "", *ROW_2[3:]]]))
    report = job.commit(skip_errors=True)
    report.save_xlsx(tmp_path / "report.xlsx")
    rows = list(load_workbook(tmp_path / "report.xlsx").active.iter_rows(values_only=True))
    assert rows[0][0] == "Added 1, updated 0, skipped 1."
    assert rows[2][:2] == (4, "added")
    assert rows[3][:2] == (5, "skipped") and "姓名" in rows[3][2]


# -- enterprise rosters, and re-importing to update ----------------------------------------------

ENTERPRISE_HEADER = ["序号", "企业名称", "统一社会信用代码", "联系人", "联系电话", "地址"]


def enterprise_roster(path, contact="刘建华", phone="023-67591234", address="重庆市江北区建新东路260号"):
    """合作企业.csv as a coordinator saves it from Excel on Chinese Windows: GBK, a title row."""
    return csv_file(path, [["2026年合作企业名单"], ENTERPRISE_HEADER,
                           [1, "重庆长安汽车股份有限公司", "915000002028133840", contact, phone, address],
                           [2, "重庆渝北精工焊接有限公司", "", "陈志强", "13912345678", "重庆市渝北区"]], "gbk")


def enterprises(db_path):
    db = open_database(db_path)
    rows = db.execute("SELECT name, credit_code, contact, phone, address FROM enterprises ORDER BY name").fetchall()
    db.close()
    return rows


def test_an_enterprise_roster_imports_and_updates_on_the_command_line(db_path, tmp_path, capsys):
    path = enterprise_roster(tmp_path / "合作企业.csv")
    assert cli_import(db_path, "enterprises", path) == 0
    assert "Added 2, updated 0, skipped 0." in capsys.readouterr().out
    assert enterprises(db_path) == [
        ("重庆渝北精工焊接有限公司", None, "陈志强", "13912345678", "重庆市渝北区"),
        ("重庆长安汽车股份有限公司", "915000002028133840", "刘建华", "023-67591234", "重庆市江北区建新东路260号")]

    changed = enterprise_roster(tmp_path / "合作企业2.csv", contact="王敏", phone="13612345678", address="重庆市两江新区")
    assert cli_import(db_path, "enterprises", changed) == 0  # skipped by default
    assert "Added 0, updated 0, skipped 2." in capsys.readouterr().out
    assert cli_import(db_path, "enterprises", changed, "--on-duplicate", "update") == 0
    assert "Added 0, updated 2, skipped 0." in capsys.readouterr().out
    assert enterprises(db_path)[1] == ("重庆长安汽车股份有限公司", "915000002028133840", "王敏", "13612345678", "重庆市两江新区")


def test_re_importing_mentors_and_apprentices_updates_their_changeable_fields(db, tmp_path):
    header = ["工号", "导师姓名", "工作单位", "工种", "技能等级", "联系电话"]
    first = xlsx(tmp_path / "m.xlsx", [header, ["E1", "王劲松", "重庆长安汽车股份有限公司", "焊工", "技师", "13812345678"]])
    ImportJob.from_file(db, "mentors", first).commit()
    again = xlsx(tmp_path / "m2.xlsx", [header, ["E1", "王劲松", "重庆长安汽车股份有限公司", "焊工", "高级技师", "13987654321"]])
    job = ImportJob.from_file(db, "mentors", again)
    job.set_on_duplicate("update")
    assert job.commit().updated == 1
    assert db.execute("SELECT employee_no, name, skill_level, phone FROM mentors").fetchall() == [("E1", "王劲松", 5, "13987654321")]

    ImportJob.from_file(db, "apprentices", xlsx(tmp_path / "a.xlsx", [HEADER, ROW_1])).commit()
    moved = [*ROW_1[:5], "13700001111", *ROW_1[6:7], "焊接9班", *ROW_1[8:]]
    job = ImportJob.from_file(db, "apprentices", xlsx(tmp_path / "a2.xlsx", [HEADER, moved]))
    job.set_on_duplicate("update")
    assert job.commit().updated == 1
    student_no, name, *_, class_name, _, _, id_number, phone, _, _, _ = apprentices(db)[0]
    assert (student_no, name, class_name, id_number, phone) == ("SC2024001", "舒小超", "焊接9班", "11010519491231002X", "13700001111")

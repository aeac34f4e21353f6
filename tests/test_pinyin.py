"""Searching and sorting as coordinators do: names typed in pinyin (initials, in full, mixed with
characters), surnames read as surnames, enterprise names read by words."""

import pytest
from PySide6.QtCore import Qt

import rosters
from mentormatch import pinyin, records, schema
from mentormatch.importer import ImportJob
from mentormatch.store import open_database
from test_ui_records import column, page_of, shown, type_text
from ui.main_window import MainWindow
from ui.record_dialog import RecordDialog


def search(qtbot, page, text):
    page.search_box.clear()
    type_text(qtbot, page.search_box, text)
    return shown(page, "Name")


def add_apprentice(db, name):
    return records.save(db, "apprentices", {**records.empty("apprentices"), "student_no": "X1", "name": name,
                                            "college": "四川工业科技学院", "trade_id": 1})


def test_a_name_is_found_by_initials_full_pinyin_and_a_mix_with_characters(window, qtbot):
    add_apprentice(window.db, "赵晓燕")
    page = page_of(window, "apprentices")
    page.refresh()
    for typed in ("zxy", "ZXY", "zhaoxiaoyan", "赵xy", "zhao晓yan", "zhaoxy", "xiaoyan", "zhaoxiao"):
        found = search(qtbot, page, typed)
        assert "赵晓燕" in found and len(found) < 5, typed
    assert search(qtbot, page, "zhaoxiaoyan") == ["赵晓燕"]
    assert "赵晓燕" not in search(qtbot, page, "aoxiao")  # a syllable is typed from its start
    assert "赵晓燕" not in search(qtbot, page, "照xy")  # zhào too, but the characters typed must be in the name
    assert window.page_counts.text().startswith("Apprentices: ")


def test_search_by_college_class_enterprise_trade_and_numbers(window, qtbot):
    db = window.db
    page = page_of(window, "apprentices")
    search(qtbot, page, "德阳安装")  # the college
    assert page.model.rowCount() == db.execute(
        "SELECT COUNT(*) FROM apprentices WHERE college_id = (SELECT id FROM colleges WHERE name = '德阳安装技师学院')").fetchone()[0] == 60
    search(qtbot, page, "changan")  # the host enterprise, in pinyin
    assert page.model.rowCount() == 120
    search(qtbot, page, "焊接1班")  # the class
    assert set(shown(page, "Name")) == {r[0] for r in db.execute("SELECT name FROM apprentices WHERE class_name = '焊接1班'")}
    mentors = page_of(window, "mentors")
    assert search(qtbot, mentors, "wjs") == ["王劲松"]  # the seed story's master, renamed by the sample
    employee_no = db.execute("SELECT employee_no FROM mentors WHERE name = '王劲松'").fetchone()[0]
    assert search(qtbot, mentors, employee_no) == ["王劲松"]
    assert len(search(qtbot, mentors, "chang")) == db.execute(  # mentors of 长安 (and of 常/长… names)
        "SELECT COUNT(*) FROM mentors m JOIN enterprises e ON e.id = m.enterprise_id"
        " WHERE e.name LIKE '重庆长安%' OR m.name_pinyin LIKE '% chang%'").fetchone()[0]
    enterprises = page_of(window, "enterprises")
    enterprises.search_box.clear()
    type_text(qtbot, enterprises.search_box, "cqca")
    assert shown(enterprises, "Enterprise name") == ["重庆长安汽车股份有限公司"]


def test_surnames_sort_as_surnames(window):
    page = page_of(window, "apprentices")
    page.table.sortByColumn(column(page, "Name"), Qt.SortOrder.AscendingOrder)
    names = shown(page, "Name")

    def places(surnames):
        found = [i for i, name in enumerate(names) if name[0] in surnames]
        assert found, surnames
        return min(found), max(found)

    # 曾 zēng under Z after every Y, before zh-; 覃 qín under Q (before qiū), not with 谭 tán
    assert places("杨叶于余袁姚尹")[1] < places("曾")[0] and places("曾")[1] < places("张赵郑周朱")[0]
    assert places("孟莫")[1] < places("覃")[0] and places("覃")[1] < places("邱")[0]
    page.table.sortByColumn(column(page, "Name"), Qt.SortOrder.DescendingOrder)
    assert shown(page, "Name") == names[::-1]


@pytest.mark.parametrize("name, reading", [
    ("曾晓燕", "zeng1 xiao3 yan4"), ("单田芳", "shan4 tian2 fang1"), ("解小东", "xie4 xiao3 dong1"),
    ("仇英", "qiu2 ying1"), ("区志", "ou1 zhi4"), ("查良镛", "zha1 liang2 yong1"), ("朴树", "piao2 shu4"),
    ("尉迟恭", "yu4 chi2 gong1"), ("单于明", "chan2 yu2 ming2"), ("张长乐", "zhang1 chang2 le4"),
])
def test_a_surname_is_read_as_a_surname(name, reading):
    assert pinyin.person(name).split("\t")[0] == reading


def test_enterprise_names_are_read_by_words(window):
    page = page_of(window, "enterprises")
    page.table.sortByColumn(column(page, "Enterprise name"), Qt.SortOrder.AscendingOrder)
    assert shown(page, "Enterprise name") == [  # chóngqìng cháng'ān < chóngqìng liǎngjiāng < chóngqìng yúběi < déyáng
        "重庆长安汽车股份有限公司", "重庆两江汽车部件有限公司", "重庆渝北精工焊接有限公司", "德阳东方电机装备有限公司"]
    page.table.sortByColumn(column(page, "Short name"), Qt.SortOrder.AscendingOrder)  # other text: read by words too
    assert shown(page, "Short name") == ["长安汽车", "东方装备", "两江部件", "渝北精工"]


def test_an_edited_name_is_found_by_its_new_pinyin(window, qtbot, monkeypatch):
    record_id = add_apprentice(window.db, "赵晓燕")
    page = page_of(window, "apprentices")
    page.refresh()

    def rename(dialog):
        dialog.show()
        line = dialog.editors["name"]
        line.clear()
        type_text(qtbot, line, "曾文静")
        qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
        return dialog.result()

    monkeypatch.setattr(RecordDialog, "exec", rename)
    page.edit_record(record_id)
    assert records.load(window.db, "apprentices", record_id)["name"] == "曾文静"
    assert "曾文静" in search(qtbot, page, "zwj")
    assert search(qtbot, page, "zengwenjing") == ["曾文静"]
    assert search(qtbot, page, "zhaoxiaoyan") == []


def test_an_imported_roster_is_found_by_pinyin(qtbot, db, tmp_path):
    ImportJob.from_file(db, "enterprises", rosters.enterprises_csv(tmp_path / "合作企业.csv")).commit()
    ImportJob.from_file(db, "apprentices", rosters.apprentices_xlsx(tmp_path / "学徒名单.xlsx")).commit(skip_errors=True)
    ImportJob.from_file(db, "mentors", rosters.mentors_xlsx(tmp_path / "导师名单.xlsx")).commit(skip_errors=True)
    window = MainWindow(db, "college.db")
    qtbot.addWidget(window)
    window.show()
    assert search(qtbot, page_of(window, "apprentices"), "zxy") == ["赵小燕"]
    assert search(qtbot, page_of(window, "apprentices"), "zhouj") == ["周杰"]
    assert search(qtbot, page_of(window, "mentors"), "yanyangna") == ["闫洋娜"]
    enterprises = page_of(window, "enterprises")
    enterprises.search_box.clear()
    type_text(qtbot, enterprises.search_box, "yubei")
    assert shown(enterprises, "Enterprise name") == ["重庆渝北精工焊接有限公司"]


def test_the_migration_fills_the_pinyin_of_an_existing_database(tmp_path, old_sample, qtbot):
    path = tmp_path / "before-pinyin.db"
    old = old_sample(path, schema.MIGRATIONS.index(schema.MIGRATION_5))
    old.execute("UPDATE apprentices SET name = '赵晓燕' WHERE id = 1")
    old.conn.commit()
    old.close()
    db = open_database(path)
    for table, read in pinyin.KINDS.items():
        rows = db.execute(f"SELECT name, name_pinyin FROM {table}").fetchall()
        assert rows and all(stored == read(name) for name, stored in rows), table
    window = MainWindow(db, str(path))
    qtbot.addWidget(window)
    window.show()
    assert search(qtbot, page_of(window, "apprentices"), "zxy") == ["赵晓燕"]


def test_exports_sort_names_as_the_lists_do(db, tmp_path):
    """The mentor roster's order: enterprises by words (重庆长安 before 重庆渝北), names with the
    surname read as a surname (曾 under Z, after 袁)."""
    from openpyxl import load_workbook

    from mentormatch import exporter

    with db.atomic():
        trade = db.execute("SELECT id FROM trades LIMIT 1").fetchone()[0]
        ids = {name: records.save(db, "enterprises", {"name": name}) for name in ("重庆渝北精工焊接有限公司", "重庆长安汽车股份有限公司")}
        for name in ("曾文静", "袁小明", "蔡东"):
            for enterprise, enterprise_id in ids.items():
                records.save(db, "mentors", {"name": name, "enterprise_id": enterprise_id, "trade_id": trade,
                                             "employee_no": f"{enterprise_id}-{name}"})
    out = tmp_path / "mentors.xlsx"
    exporter.export(db, "mentors", out)
    sheet = load_workbook(out).active
    rows = list(sheet.iter_rows(values_only=True))
    header = rows[0]
    order = [(r[header.index("Enterprise")], r[header.index("Name")]) for r in rows[1:]]
    assert order == [(e, n) for e in ("重庆长安汽车股份有限公司", "重庆渝北精工焊接有限公司") for n in ("蔡东", "袁小明", "曾文静")]


@pytest.mark.parametrize("key, header, typed, found", [
    ("trades", "Chinese name", "hg", "焊工"),  # han gong, initials
    ("trades", "Chinese name", "qichewei", "汽车维修工"),
    ("programmes", "Programme name", "qcgc", "2026 渝北—德阳 汽车工程半年实习"),
    ("colleges", "College name", "dyaz", "德阳安装技师学院"),
])
def test_the_small_lists_find_by_pinyin_too(qtbot, window, key, header, typed, found):
    page = page_of(window, key)
    page.search_box.clear()
    type_text(qtbot, page.search_box, typed)
    qtbot.waitUntil(lambda: found in shown(page, header), timeout=3000)
    assert all(typed[0] in pinyin.phrase(name).partition("\t")[2] for name in shown(page, header))

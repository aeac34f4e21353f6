"""Unknown trades and majors on the command line (--map-trade, --create-trades), apprentices put
into a programme on import (--programme), the catalog covering the trades and majors rosters name,
and the migration that brings the catalog of an older database up to date."""

import json
import os
import subprocess
import sys
from pathlib import Path

from openpyxl import Workbook

from mentormatch import records, schema, tabular
from mentormatch.import_columns import header_matcher
from mentormatch.importer import ImportJob
from mentormatch.store import open_database
from rosters import APPRENTICES, MENTORS, apprentices_xlsx, enterprises_csv, mentors_xlsx

ROOT = Path(__file__).resolve().parent.parent

# 导师名单 as an enterprise's HR department writes trades: the old names and its own
PAINTERS = [  # name, gender, employee no., enterprise, trade, level, capacity, phone
    ("张东", "男", 100234, "重庆长安汽车股份有限公司", "涂装工", "技师", 2, 13812345678),
    ("陈刚", "男", 2031, "重庆渝北精工焊接有限公司", "维修电工", "高级工", 3, 15123456789),
    ("李华", "男", 2032, "重庆渝北精工焊接有限公司", "喷漆工", "高级工", 3, 15123456780),
    ("王强", "男", 2033, "重庆渝北精工焊接有限公司", "无损检测员", "技师", 2, 15123456781),
]


def run(*args):
    environment = {k: v for k, v in os.environ.items() if k not in ("DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM")}
    result = subprocess.run([sys.executable, str(ROOT / "main.py"), "--lang", "zh_CN", *map(str, args)],
                            capture_output=True, text=True, env=environment, timeout=120)
    assert "Traceback" not in result.stderr + result.stdout
    return result


def mentor_trades(db_path):
    db = open_database(db_path)
    try:
        return dict(db.execute("SELECT m.name, t.name_zh FROM mentors m JOIN trades t ON t.id = m.trade_id").fetchall())
    finally:
        db.close()


def test_unknown_trades_mapped_or_created_on_the_command_line(tmp_path):
    db = tmp_path / "college.db"
    assert run("--db", db, "import", "enterprises", enterprises_csv(tmp_path / "合作企业.csv")).returncode == 0
    roster = mentors_xlsx(tmp_path / "导师名单.xlsx", PAINTERS)

    refused = run("--db", db, "import", "mentors", roster)
    assert refused.returncode == 2
    assert "喷漆工" in refused.stderr and "无损检测员" in refused.stderr
    assert "第 5 行，工种" in refused.stderr and "第 6 行，工种" in refused.stderr
    assert "第 3 行，工种" not in refused.stderr and "第 4 行，工种" not in refused.stderr  # 涂装工, 维修电工: the catalog knows them
    assert "--map-trade" in refused.stderr and "--create-trades" in refused.stderr  # what to do about it
    assert mentor_trades(db) == {}

    # the right side must be a trade of the catalog: the similar ones are named
    typo = run("--db", db, "import", "mentors", roster, "--map-trade", "喷漆工=喷漆", "--create-trades")
    assert typo.returncode == 2 and "喷漆" in typo.stderr and "汽车涂装工" in typo.stderr
    assert mentor_trades(db) == {}

    done = run("--db", db, "import", "mentors", roster, "--map-trade", "喷漆工＝涂装工", "--map-trade", "车床=车工", "--create-trades")
    assert done.returncode == 0, done.stderr
    assert "已新建 工种：无损检测员" in done.stdout and "新增 4 条" in done.stdout
    assert "--map-trade 车床" in done.stderr  # names no row of the file: said, not ignored
    assert mentor_trades(db) == {"张东": "汽车涂装工", "陈刚": "电工", "李华": "汽车涂装工", "王强": "无损检测员"}

    # the mapping is remembered as an alias: the next roster of that enterprise imports as it is
    again = run("--db", db, "import", "mentors", mentors_xlsx(tmp_path / "导师名单（二）.xlsx", [
        ("赵六", "男", 2040, "重庆渝北精工焊接有限公司", "喷漆工", "高级工", 2, 15123456782)]))
    assert again.returncode == 0, again.stderr
    assert mentor_trades(db)["赵六"] == "汽车涂装工"


def test_trade_options_are_refused_where_they_mean_nothing(tmp_path):
    db = tmp_path / "college.db"
    roster = enterprises_csv(tmp_path / "合作企业.csv")
    assert run("--db", db, "import", "enterprises", roster, "--create-trades").returncode == 2
    wrong = run("--db", db, "import", "mentors", mentors_xlsx(tmp_path / "m.xlsx", MENTORS), "--map-trade", "喷漆工")
    assert wrong.returncode == 2 and "涂装工=汽车涂装工" in wrong.stderr  # how to write it


def apprentices_with_programme_column(path, programmes):
    """学徒名单 whose 项目 column some rows fill and others leave empty."""
    book = Workbook()
    sheet = book.active
    sheet.append(["学号", "姓名", "性别", "所学专业", "班级", "学院", "项目"])
    for row, programme in zip(APPRENTICES, programmes):
        student_no, name, gender, _, major, class_name, college, _ = row
        sheet.append([student_no, name, gender, major, class_name, college, programme])
    book.save(path)
    return path


def test_apprentices_are_put_into_the_programme_named_on_the_command_line(tmp_path):
    db_path = tmp_path / "college.db"
    db = open_database(db_path)
    for name, start in (("2025 春季学徒班", "2025-03-01"), ("2026 秋季学徒班", "2026-09-01")):
        records.save(db, "programmes", {**records.empty("programmes"), "name": name, "start_date": start})
    db.close()

    unknown = run("--db", db_path, "import", "apprentices", apprentices_xlsx(tmp_path / "学徒.xlsx", programme=""),
                  "--programme", "2026 秋季")
    assert unknown.returncode == 2
    assert "2026 秋季" in unknown.stderr and "2025 春季学徒班" in unknown.stderr and "2026 秋季学徒班" in unknown.stderr

    done = run("--db", db_path, "import", "apprentices", apprentices_xlsx(tmp_path / "学徒.xlsx", programme=""),
               "--programme", "2026 秋季学徒班")
    assert done.returncode == 0, done.stderr
    matched = run("--db", db_path, "match", "--programme", "2026 秋季学徒班", "--json")
    assert matched.returncode == 0, matched.stderr
    result = json.loads(matched.stdout)  # no mentors yet: every apprentice of the programme is unmatched
    assert result["matched"] + sum(result["unmatched"].values()) == len(APPRENTICES)

    # a 项目 column is mapped; a row that fills it keeps its programme, the others get --programme
    filled = ["2025 春季学徒班", "", "", "", "", ""]
    other = run("--db", db_path, "import", "apprentices", apprentices_with_programme_column(tmp_path / "学徒2.xlsx", filled),
                "--programme", "2026 秋季学徒班", "--on-duplicate", "update")
    assert other.returncode == 0, other.stderr
    db = open_database(db_path)
    rows = dict(db.execute("SELECT a.name, p.name FROM apprentices a JOIN programmes p ON p.id = a.programme_id").fetchall())
    db.close()
    assert rows.pop(APPRENTICES[0][1]) == "2025 春季学徒班"
    assert set(rows.values()) == {"2026 秋季学徒班"} and len(rows) == len(APPRENTICES) - 1

    mentors = run("--db", db_path, "import", "mentors", mentors_xlsx(tmp_path / "m.xlsx", MENTORS), "--programme", "2026 秋季学徒班")
    assert mentors.returncode == 2  # mentors are not put into programmes by import


# Every trade and major ../shared/DOMAIN.md names, with the trade it is in the catalog
DOMAIN_EXAMPLES = {
    "焊工": "焊工", "电焊工": "焊工", "焊接技术应用": "焊工",
    "汽车维修工": "汽车维修工", "汽车维修": "汽车维修工", "汽车制造与检修": "汽车维修工",
    "汽车装调工": "汽车装调工", "数控车工": "数控车工", "数控加工": "数控车工", "数控铣工": "数控铣工", "车工": "车工",
    "钳工": "钳工", "电工": "电工", "维修电工": "电工", "电气自动化设备安装与维修": "电工", "机电一体化": "电工",
    "工业机器人系统操作员": "工业机器人系统操作员", "工业机器人技术应用": "工业机器人系统操作员",
    "模具工": "模具工", "模具制造": "模具工", "钣金工": "钣金工", "汽车涂装工": "汽车涂装工", "涂装工": "汽车涂装工",
    "机床装调维修工": "机床装调维修工", "电子设备装接工": "电子设备装接工", "电子技术应用": "电子设备装接工",
    "化工总控工": "化工总控工", "化工工艺": "化工总控工",
}


def test_the_catalog_knows_the_trades_and_majors_rosters_name(db, tmp_path):
    book = Workbook()
    sheet = book.active
    sheet.append(["学号", "姓名", "所学专业", "学院"])
    for i, major in enumerate(DOMAIN_EXAMPLES, 1):
        sheet.append([f"2026{i:04d}", f"学徒{i}", major, "四川工业科技学院"])
    book.save(tmp_path / "专业.xlsx")
    job = ImportJob(db, "apprentices", tabular.read_table(tmp_path / "专业.xlsx", None, header_matcher()), "专业.xlsx")
    results = job.validate()
    assert job.unknown_trades == {}
    trades = dict(db.execute("SELECT id, name_zh FROM trades"))
    assert {r.values["major"]: trades[r.clean["trade_id"]] for r in results} == DOMAIN_EXAMPLES


def catalog(db):
    aliases = set(db.execute("SELECT a.alias, t.name_zh FROM trade_aliases a JOIN trades t ON t.id = a.trade_id"))
    relations = set(db.execute("SELECT a.name_zh, b.name_zh FROM trade_relations r JOIN trades a ON a.id = r.trade_id"
                               " JOIN trades b ON b.id = r.related_id"))
    return set(db.execute("SELECT name_zh, name_en FROM trades")), aliases, relations


def test_the_migration_adds_the_new_trades_and_aliases_to_an_older_database(tmp_path, old_sample, db):
    path = tmp_path / "before.db"
    old = old_sample(path, schema.MIGRATIONS.index(schema.MIGRATION_6))
    with old.conn:  # the catalog before the migration, and what the coordinator made of it
        old.execute("DELETE FROM trades WHERE name_zh = '铣工'")
        old.execute("DELETE FROM trade_aliases WHERE alias IN ('涂装工', '汽车修理工', '机电一体化', '汽车喷漆')")
        old.execute("INSERT INTO trade_aliases (alias, trade_id) SELECT '机电一体化', id FROM trades WHERE name_zh = '机床装调维修工'")
        old.execute("INSERT INTO trades (name_zh) VALUES ('汽车喷漆')")
        old.execute("UPDATE trades SET name_en = 'Painter' WHERE name_zh = '汽车涂装工'")
    old.close()

    migrated = open_database(path)
    trades, aliases, relations = catalog(migrated)
    assert [n for n, in migrated.execute("SELECT name_zh FROM trades GROUP BY name_zh HAVING COUNT(*) > 1")] == []
    fresh_trades, fresh_aliases, fresh_relations = catalog(db)
    # the new ones are there, the coordinator's own choices are kept
    assert trades - fresh_trades == {("汽车喷漆", ""), ("汽车涂装工", "Painter")}
    assert fresh_trades - trades == {("汽车涂装工", "Automobile painter")}
    assert aliases - fresh_aliases == {("机电一体化", "机床装调维修工")}
    assert fresh_aliases - aliases == {("机电一体化", "电工"), ("汽车喷漆", "汽车涂装工")}  # an alias never shadows a trade
    assert relations == fresh_relations
    migrated.close()

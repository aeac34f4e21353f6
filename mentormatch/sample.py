"""Sample data: a realistic college programme for new users, and city-scale data for benchmarks.

The college sample follows the seed story: automobile-engineering and welding students of two
colleges on a half-year internship at an automobile maker, with mentors across several trades.
Everything is generated from a fixed random seed, so the same call gives the same data.
"""

from __future__ import annotations

import random
from datetime import date, timedelta

from sqlite_utils import Database

from mentormatch import pinyin
from mentormatch.errors import UserError
from mentormatch.i18n import translate
from mentormatch.store import writes, writing
from mentormatch.validation import ID_CHECK, ID_WEIGHTS

SURNAMES = "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤"
GIVEN = "伟芳娜敏静丽强磊军洋勇艳杰娟涛明超秀霞平刚桂英华建国志红鹏飞宇浩然子轩梓涵欣怡晨阳俊杰文博思远嘉豪雨萱佳琪海波金松小朝德成兴旺春梅晓东"
AREA_CODES = ["500112", "500103", "510603", "510681", "510104", "500105", "500106", "510722"]


def _name(rng: random.Random) -> str:
    return rng.choice(SURNAMES) + "".join(rng.choice(GIVEN) for _ in range(rng.choice((1, 2, 2))))


def _id_number(rng: random.Random, born: date, male: bool) -> str:
    seq = rng.randrange(0, 500) * 2 + (1 if male else 0)
    body = f"{rng.choice(AREA_CODES)}{born:%Y%m%d}{seq:03d}"
    return body + ID_CHECK[sum(int(d) * w for d, w in zip(body, ID_WEIGHTS)) % 11]


def _mobile(rng: random.Random) -> str:
    return rng.choice(["138", "139", "135", "151", "158", "177", "186", "199"]) + f"{rng.randrange(10**8):08d}"


def is_empty(db: Database) -> bool:
    return all(db.execute(f"SELECT COUNT(*) FROM {t}").fetchone()[0] == 0 for t in ("apprentices", "mentors", "enterprises"))


def _trade_ids(db: Database) -> dict[str, int]:
    return {name: tid for tid, name in db.execute("SELECT id, name_zh FROM trades")}


@writes
def fill_sample(db: Database, seed: int = 20260714) -> dict[str, int]:
    """Fill an empty database with the college sample in one transaction; returns counts."""
    if not is_empty(db):
        raise UserError(translate("Sample", "The sample can only be loaded into an empty database."))
    rng = random.Random(seed)
    trades = _trade_ids(db)
    colleges = {}
    for name in ("四川工业科技学院", "德阳安装技师学院"):
        colleges[name] = db.execute("INSERT INTO colleges (name) VALUES (?)", [name]).lastrowid
    enterprises = [
        ("重庆长安汽车股份有限公司", "长安汽车", "915000002028133840", "刘建华", "023-67591234", "重庆市江北区建新东路260号"),
        ("重庆渝北精工焊接有限公司", "渝北精工", None, "陈志强", "023-67801122", "重庆市渝北区空港大道88号"),
        ("德阳东方电机装备有限公司", "东方装备", None, "黄海波", "0838-2401234", "四川省德阳市旌阳区黄河西路188号"),
        ("重庆两江汽车部件有限公司", "两江部件", None, "吴春梅", "023-88776655", "重庆市两江新区金渝大道99号"),
    ]
    ent_ids = []
    for name, short, code, contact, tel, address in enterprises:
        ent_ids.append(
            db.execute(
                "INSERT INTO enterprises (name, short_name, credit_code, contact, phone, address, name_pinyin) VALUES (?,?,?,?,?,?,?)",
                [name, short, code, contact, tel, address, pinyin.phrase(name)],
            ).lastrowid
        )
    programme = db.execute(
        "INSERT INTO programmes (name, start_date, end_date, description) VALUES (?,?,?,?)",
        [
            "2026 渝北—德阳 汽车工程半年实习",
            "2026-07-14",
            "2027-01-13",
            "两所院校汽车工程类学生赴重庆长安汽车股份有限公司开展为期半年的跟岗实习，企校双师联合培养。",
        ],
    ).lastrowid
    db.conn.executemany("INSERT INTO programme_colleges VALUES (?, ?)", [(programme, c) for c in colleges.values()])
    db.conn.executemany("INSERT INTO programme_enterprises VALUES (?, ?)", [(programme, e) for e in ent_ids])

    # mentors: (trade, count, enterprise index)
    mentor_plan = [("汽车维修工", 12, 0), ("汽车装调工", 6, 0), ("焊工", 8, 0), ("焊工", 5, 1),
                   ("钣金工", 3, 0), ("汽车涂装工", 2, 3), ("钳工", 2, 2), ("电工", 2, 2)]
    mentor_ids: dict[str, list[int]] = {}
    for trade, count, ent in mentor_plan:
        for _ in range(count):
            mentor_ids.setdefault(trade, [])
            male = rng.random() < 0.85
            name = _name(rng)
            mid = db.execute(
                "INSERT INTO mentors (name, gender, enterprise_id, employee_no, trade_id, skill_level, title, years,"
                " capacity, phone, term_from, term_to, name_pinyin) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?)",
                [name, "M" if male else "F", ent_ids[ent], f"E{ent + 1}{rng.randrange(10000, 99999)}",
                 trades[trade], rng.choice((3, 4, 4, 5)), rng.choice(("班组长", "技术员", "主任技师", "工段长", "")),
                 rng.randrange(5, 30), rng.choice((None, None, 3, 4, 5)), _mobile(rng), "2026-07-14", "2027-01-13", pinyin.person(name)],
            ).lastrowid
            mentor_ids[trade].append(mid)
    # the seed story's master: 22 years of car welding
    db.execute("UPDATE mentors SET name = '王劲松', name_pinyin = ?, years = 22, skill_level = 5 WHERE id = ?",
               [pinyin.person("王劲松"), mentor_ids["焊工"][0]])

    # apprentices: (major, trade, count)
    plan = [("汽车制造与检修", "汽车维修工", 40), ("汽车维修", "汽车维修工", 20), ("汽车装配与调试", "汽车装调工", 15),
            ("焊接技术应用", "焊工", 35), ("汽车钣金", "钣金工", 6), ("汽车涂装", "汽车涂装工", 4)]
    rows = []
    n = 0
    for major, trade, count in plan:
        for _ in range(count):
            n += 1
            college = "四川工业科技学院" if n % 2 else "德阳安装技师学院"
            male = rng.random() < 0.8
            born = date(2008, 1, 1) + timedelta(days=rng.randrange(0, 900))
            name = _name(rng) if n != 7 else "舒小超"
            rows.append([
                f"{'SC' if n % 2 else 'DY'}2024{n:04d}", name, "M" if male else "F",
                colleges[college], f"{major[:2]}{rng.choice((1, 2))}班", major, trades[trade],
                "student", rng.choice((2, 2, 3)), ent_ids[0], programme,
                _id_number(rng, born, male) if rng.random() < 0.9 else None, _mobile(rng),
                "2026-07-14", "2027-01-13", pinyin.person(name),
            ])
    db.conn.executemany(
        "INSERT INTO apprentices (student_no, name, gender, college_id, class_name, major, trade_id, kind,"
        " target_level, host_enterprise_id, programme_id, id_number, phone, start_date, end_date, name_pinyin)"
        " VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)",
        rows,
    )
    # 舒小超 learns car welding from 王劲松, as in the seed story
    db.execute(
        "UPDATE apprentices SET trade_id = ?, major = '焊接技术应用', preferred_mentor_id = ? WHERE name = '舒小超'",
        [trades["焊工"], mentor_ids["焊工"][0]],
    )
    return {"apprentices": len(rows), "mentors": sum(len(v) for v in mentor_ids.values()), "enterprises": len(ent_ids)}


def fill_city_scale(db: Database, apprentices: int = 20000, mentors: int = 8000, enterprises: int = 2600,
                    trades: int = 40, seed: int = 1) -> None:
    """Bulk data at a city bureau's scale for benchmarks: one programme, half the apprentices hosted."""
    rng = random.Random(seed)
    with writing(db):
        existing = db.execute("SELECT COUNT(*) FROM trades").fetchone()[0]
        for i in range(existing, trades):
            db.execute("INSERT INTO trades (name_zh, name_en) VALUES (?, ?)", [f"工种{i + 1:02d}", f"Trade {i + 1}"])
        trade_ids = [r[0] for r in db.execute("SELECT id FROM trades ORDER BY id LIMIT ?", [trades])]
        college_ids = [db.execute("INSERT INTO colleges (name) VALUES (?)", [f"第{i + 1}技师学院"]).lastrowid for i in range(30)]
        db.conn.executemany(
            "INSERT INTO enterprises (id, name, short_name, contact, phone, name_pinyin) VALUES (?,?,?,?,?,?)",
            [(i + 1, name, f"制造{i + 1}", _name(rng), _mobile(rng), pinyin.phrase(name))
             for i, name in ((i, f"重庆市第{i + 1}号制造有限公司") for i in range(enterprises))],
        )
        programme = db.execute("INSERT INTO programmes (name, start_date, end_date) VALUES ('全市新型学徒制 2026', '2026-03-01', '2027-02-28')").lastrowid
        db.conn.executemany(
            "INSERT INTO mentors (id, name, gender, enterprise_id, employee_no, trade_id, skill_level, years, capacity, phone,"
            " name_pinyin) VALUES (?,?,?,?,?,?,?,?,?,?,?)",
            [(i + 1, name, rng.choice("MF"), rng.randrange(1, enterprises + 1), f"G{i + 1:06d}",
              rng.choice(trade_ids), rng.randrange(1, 6), rng.randrange(0, 35), rng.randrange(1, 9), _mobile(rng),
              pinyin.person(name))
             for i, name in ((i, _name(rng)) for i in range(mentors))],
        )
        rows = []
        used: set[str] = set()  # an ID number belongs to one person
        for i in range(apprentices):
            male = rng.random() < 0.7
            born = date(2004, 1, 1) + timedelta(days=rng.randrange(0, 2500))
            id_number = _id_number(rng, born, male)
            while id_number in used:
                id_number = _id_number(rng, born, male)
            used.add(id_number)
            name = _name(rng)
            rows.append((i + 1, f"S{i + 1:07d}", name, "M" if male else "F", rng.choice(college_ids),
                         f"{rng.randrange(1, 40)}班", rng.choice(trade_ids), rng.choice(("student", "employee")),
                         rng.randrange(2, 6), rng.randrange(1, enterprises + 1) if i % 2 == 0 else None, programme,
                         id_number, _mobile(rng), pinyin.person(name)))
        db.conn.executemany(
            "INSERT INTO apprentices (id, student_no, name, gender, college_id, class_name, trade_id, kind, target_level,"
            " host_enterprise_id, programme_id, id_number, phone, name_pinyin) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?)",
            rows,
        )


def run_command(db: Database, args) -> int:
    counts = fill_sample(db)
    print(translate("Sample", "Sample loaded: {apprentices} apprentices, {mentors} mentors, {enterprises} enterprises, one programme.").format(**counts))
    return 0

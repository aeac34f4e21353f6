"""The seed catalog of trades (工种) of technician colleges, with aliases and related trades.

Seeded once into a new database; afterwards the catalog is the coordinator's data to edit. The
aliases are the majors (专业) colleges write in rosters and the older names of a trade (维修电工
is 电工 since the 2015 classification, 电焊工 is 焊工). What is added here later reaches existing
databases through a migration that inserts only what is missing (schema.MIGRATION_6).
"""

from __future__ import annotations

import sqlite3

# (code, 中文名, English name, aliases (majors and other names that map to it))
TRADES: list[tuple[str | None, str, str, list[str]]] = [
    ("6-18-02-04", "焊工", "Welder", ["焊接技术应用", "焊接技术与自动化", "焊接技术及自动化", "智能焊接技术", "焊接加工", "电焊工", "气焊工", "焊接"]),
    ("4-12-01-01", "汽车维修工", "Automobile maintenance technician",
     ["汽车维修", "汽车制造与检修", "汽车运用与维修", "汽车检测与维修", "汽车检测与维修技术", "新能源汽车维修",
      "新能源汽车检测与维修", "新能源汽车运用与维修", "汽车电器维修", "汽车机电维修", "汽车维修技术", "汽车修理工"]),
    ("6-22-02-00", "汽车装调工", "Automobile assembly and adjustment worker", ["汽车装配与调试", "汽车制造与装配技术", "汽车制造与试验技术"]),
    ("6-18-01-01", "车工", "Lathe operator", ["车削加工", "机械加工技术"]),
    ("6-18-01-07", "数控车工", "CNC lathe operator", ["数控加工", "数控车削加工", "数控技术应用", "数控技术"]),
    ("6-18-01-08", "数控铣工", "CNC milling operator", ["数控铣削加工", "数控编程"]),
    ("6-18-01-10", "钳工", "Fitter", ["机械装配", "装配钳工", "机修钳工", "工具钳工", "机械设备装配与自动控制"]),
    ("6-31-01-03", "电工", "Electrician", ["电气自动化设备安装与维修", "电气运行与控制", "电气设备运行与控制", "电气技术应用",
      "电气自动化技术", "机电一体化", "机电一体化技术", "维修电工"]),
    ("6-30-99-00", "工业机器人系统操作员", "Industrial robot system operator",
     ["工业机器人应用与维护", "工业机器人技术应用", "工业机器人技术", "工业机器人"]),
    ("6-18-04-01", "模具工", "Mould maker", ["模具制造", "模具制造技术", "模具设计与制造", "模具设计"]),
    ("6-18-02-01", "钣金工", "Sheet metal worker", ["汽车钣金", "钣金加工", "冷作钣金加工", "冷作钣金工"]),
    ("6-18-02-03", "汽车涂装工", "Automobile painter", ["汽车车身修复", "汽车钣金与涂装", "汽车涂装", "汽车喷漆", "涂装工"]),
    ("6-20-99-00", "机床装调维修工", "Machine tool assembly and repair technician", ["机电设备安装与维修", "数控机床装配与维修", "数控设备应用与维护", "机电设备维修"]),
    ("6-25-04-01", "电子设备装接工", "Electronic equipment assembler", ["电子技术应用", "电子技术", "电子电器应用与维修", "电子设备装接"]),
    ("6-11-01-00", "化工总控工", "Chemical process control operator", ["化工工艺", "化学工艺", "应用化工技术", "石油化工生产技术"]),
    ("4-04-05-02", "计算机程序设计员", "Computer programmer", ["计算机应用", "软件技术"]),
    ("6-31-01-09", "电梯安装维修工", "Lift installation and maintenance technician", ["电梯工程技术", "电梯维修"]),
    ("6-29-03-00", "起重装卸机械操作工", "Crane operator", ["起重机操作"]),
    (None, "铣工", "Milling machine operator", ["铣削加工"]),
]

# Trades close enough that a coordinator may allow pairing across them.
RELATED: list[tuple[str, str]] = [
    ("汽车维修工", "汽车装调工"),
    ("钣金工", "汽车涂装工"),
    ("钣金工", "焊工"),
    ("车工", "数控车工"),
    ("数控车工", "数控铣工"),
    ("铣工", "数控铣工"),
    ("钳工", "机床装调维修工"),
    ("电工", "工业机器人系统操作员"),
    ("电工", "电梯安装维修工"),
    ("模具工", "钳工"),
]


def seed_trades(conn: sqlite3.Connection) -> None:
    """Insert the seed catalog (inside the caller's transaction)."""
    ids: dict[str, int] = {}
    for code, name_zh, name_en, aliases in TRADES:
        cur = conn.execute("INSERT INTO trades (code, name_zh, name_en) VALUES (?, ?, ?)", (code, name_zh, name_en))
        ids[name_zh] = cur.lastrowid
        conn.executemany("INSERT INTO trade_aliases (alias, trade_id) VALUES (?, ?)", [(a, cur.lastrowid) for a in aliases])
    for a, b in RELATED:
        conn.executemany(
            "INSERT INTO trade_relations (trade_id, related_id) VALUES (?, ?)", [(ids[a], ids[b]), (ids[b], ids[a])]
        )

"""A coordinator's first day on the command line, in fresh processes, with rosters as they
arrive: enterprises (GBK CSV), mentors (.xlsx from HR), apprentices (.xlsx from the academic
system) → propose and confirm → letters as PDF → the pair list for the enterprise."""

import os
import subprocess
import sys
from pathlib import Path

from openpyxl import load_workbook

from rosters import APPRENTICES, ENTERPRISES, MENTORS, PROGRAMME, apprentices_xlsx, enterprises_csv, mentors_xlsx

ROOT = Path(__file__).resolve().parent.parent


def run(*args):
    environment = {k: v for k, v in os.environ.items() if k not in ("DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM")}
    result = subprocess.run([sys.executable, str(ROOT / "main.py"), "--lang", "zh_CN", *map(str, args)],
                            capture_output=True, text=True, env=environment, timeout=120)
    assert "Traceback" not in result.stderr + result.stdout
    return result


def test_first_day_on_the_command_line(tmp_path):
    db = tmp_path / "college.db"
    for kind, roster, count in (("enterprises", enterprises_csv(tmp_path / "合作企业.csv"), len(ENTERPRISES)),
                                ("mentors", mentors_xlsx(tmp_path / "导师名单.xlsx"), len(MENTORS)),
                                ("apprentices", apprentices_xlsx(tmp_path / "学徒名单.xlsx"), len(APPRENTICES))):
        result = run("--db", db, "import", kind, roster)
        assert result.returncode == 0, result.stderr
        assert str(count) in result.stdout

    matched = run("--db", db, "match", "--programme", PROGRAMME, "--confirm")
    assert matched.returncode == 0, matched.stderr
    assert f"{len(APPRENTICES)}" in matched.stdout

    letters = tmp_path / "聘书.pdf"
    issued = run("--db", db, "letters", letters, "--programme", PROGRAMME)
    assert issued.returncode == 0, issued.stderr
    text = subprocess.run(["pdftotext", str(letters), "-"], capture_output=True, text=True).stdout
    for name, *_ in MENTORS:
        assert name in text
    assert "聘" in text and "书" in text

    pairs = tmp_path / "配对名单.xlsx"
    exported = run("--db", db, "export", "pairs", pairs, "--programme", PROGRAMME)
    assert exported.returncode == 0, exported.stderr
    rows = list(load_workbook(pairs).active.iter_rows(values_only=True))
    header, body = rows[0], [r for r in rows[1:] if any(r)]
    assert len(body) == len(APPRENTICES)
    apprentice, mentor = header.index("学徒"), header.index("导师")
    paired = {r[apprentice]: r[mentor] for r in body}
    assert paired["李强"] == "陈刚" and paired["吴敏"] == "黄志军"
    assert {paired["赵小燕"], paired["钱伟"], paired["孙丽"]} <= {"张东", "闫洋娜"}
    assert "110105200503120020" not in str(rows)  # masked by default

    # the same enterprise roster again, with a new contact: --on-duplicate update changes it
    changed = [(n, c, "王新", "023-61112222", a) if n.startswith("重庆长安") else (n, c, ct, p, a) for n, c, ct, p, a in ENTERPRISES]
    again = run("--db", db, "import", "enterprises", enterprises_csv(tmp_path / "合作企业（更新）.csv", changed), "--on-duplicate", "update")
    assert again.returncode == 0, again.stderr
    import sqlite3
    conn = sqlite3.connect(db)
    assert conn.execute("SELECT contact, phone FROM enterprises WHERE name = '重庆长安汽车股份有限公司'").fetchone() == ("王新", "023-61112222")
    assert conn.execute("SELECT COUNT(*) FROM enterprises").fetchone()[0] == len(ENTERPRISES)
    conn.close()

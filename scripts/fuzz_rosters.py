"""Feed malformed roster files to the importer and count crashes.

    python scripts/fuzz_rosters.py [--cases 3000] [--cli 30] [--seed 1]

Each case is a file made by one of MAKERS from a seeded random generator: .xlsx workbooks broken
at the zip, XML or cell level (truncated, invalid XML, a chart sheet first, no sheet, 400-digit
numbers, control characters, very long cells, formulas, merged cells), text tables in odd
encodings (GBK, GB18030, UTF-16 of odd length, UTF-8 with BOM, NUL bytes, mixed line ends,
unbalanced quotes) and files named .xls or .ods. Each is imported as apprentices
(ImportJob.from_file, validate, commit) into a fresh database. A case passes when it ends in a
report or a UserError (a file's own message names the file) and a refused import leaves the
database as it was; anything else is a crash, printed with its maker, seed and traceback.
`--cli N` also runs N cases through `mentormatch --db X import apprentices FILE` in a subprocess:
exit 0 or 2, no traceback on stderr, the database unchanged unless it exited 0.

tests/test_fuzz_rosters.py runs the same makers under hypothesis with a bounded number of examples.
"""

from __future__ import annotations

import argparse
import hashlib
import io
import os
import random
import re
import subprocess
import sys
import tempfile
import traceback
import zipfile
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from openpyxl import Workbook  # noqa: E402

HEADER = ["学号", "姓名", "性别", "身份证号码", "手机号", "专业", "班级", "学院", "实习单位", "开始日期"]
GOOD_ROWS = [
    ["2026010101", "赵小燕", "女", "110105200503120020", "13812345678", "汽车运用与维修", "汽修2601", "四川工业科技学院",
     "重庆长安汽车股份有限公司", "2026-07-14"],
    ["2026010102", "钱伟", "男", "", "", "焊接技术应用", "焊接2601", "四川工业科技学院", "", "2026/7/14"],
]
ODD_VALUES = [
    "", " ", "\x00", "\x01\x02\x1f", "\u202e反向", "\ufeff", "\ud800", "=1/0", "=HYPERLINK(\"x\")", "+1", "-", "@SUM(A1)",
    "1E+17", "1.10105E+17", "9" * 400, "-" + "9" * 400, "1e999", "nan", "inf", "１３８１２３４５６７８", "'0123", "男/女",
    "技师（二级）", "x" * 40000, "名" * 5000, "\r\n", "\"", "a\"b", "2026-02-30", "0000-00-00", "99999", "-1", "3.5",
]


def odd_value(rng: random.Random):
    """A cell value a fuzzed roster may hold: odd text, huge or odd numbers, None."""
    pick = rng.random()
    if pick < 0.5:
        return rng.choice(ODD_VALUES)
    if pick < 0.65:
        return rng.choice([10**400, -(10**30), 2**63, 1e308, -0.0, 1.5, 45000, 110105200503120020, 13812345678])
    if pick < 0.75:
        return None
    return "".join(chr(rng.choice([rng.randrange(0, 0x80), rng.randrange(0x4E00, 0x9FA5), rng.randrange(0x80, 0xD800),
                                   rng.randrange(0xE000, 0x110000)])) for _ in range(rng.randrange(0, 30)))


def roster_rows(rng: random.Random, odd: float = 0.3) -> list[list]:
    """The header (sometimes shuffled, shortened or under a title row) and rows with some odd cells."""
    header = HEADER[:]
    if rng.random() < 0.3:
        rng.shuffle(header)
    if rng.random() < 0.2:
        header = header[:rng.randrange(1, len(header))]
    rows = [[odd_value(rng) if rng.random() < odd else value for value in rng.choice(GOOD_ROWS)]
            for _ in range(rng.randrange(0, 8))]
    if rng.random() < 0.2:
        rows = [[odd_value(rng) for _ in range(rng.randrange(0, 14))] for _ in rows]
    table = [header] + rows
    if rng.random() < 0.3:
        table.insert(0, ["2026 级学徒花名册"])
    return table


# ---------------------------------------------------------------------------------------------
# Workbooks


def _safe_cell(value):
    """What openpyxl agrees to write: the raw part mutations below bring the rest."""
    if isinstance(value, str):
        return re.sub(r"[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff]", "", value)[:32767]
    if isinstance(value, int) and abs(value) > 2**63:
        return str(value)
    return value


def book_bytes(rng: random.Random, table: list[list] | None = None) -> bytes:
    """A well-formed workbook: a roster with formulas, merged cells, sometimes a chart sheet first or more sheets."""
    book = Workbook()
    ws = book.active
    ws.title = rng.choice(["学生名单", "Sheet1", "x" * 31, "名单 (2)"])
    for row in table or roster_rows(rng):
        ws.append([_safe_cell(v) for v in row])
    if rng.random() < 0.3:
        ws.cell(row=rng.randrange(2, 10), column=rng.randrange(1, 12), value=rng.choice(["=1/0", "=A1&B1", "=SUM(A:A)"]))
    if rng.random() < 0.3:
        ws.merge_cells(start_row=1, start_column=1, end_row=rng.randrange(1, 3), end_column=rng.randrange(1, 12))
    if rng.random() < 0.2:
        book.create_chartsheet("图表", 0)
    if rng.random() < 0.2:
        book.create_sheet("空表", rng.randrange(0, 2))
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


def _rezip(data: bytes, change) -> bytes:
    """The workbook with its parts passed through change(name, content) -> content or None (left out)."""
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(data)) as source, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
        for info in source.infolist():
            content = change(info.filename, source.read(info))
            if content is not None:
                target.writestr(info.filename, content)
    return out.getvalue()


def _mutate_xml(rng: random.Random, content: bytes) -> bytes:
    choice = rng.randrange(8)
    if choice == 0:  # truncated
        return content[:rng.randrange(0, len(content) + 1)]
    if choice == 1:  # a byte replaced
        if not content:
            return content
        i = rng.randrange(len(content))
        return content[:i] + bytes([rng.randrange(256)]) + content[i + 1:]
    if choice == 2:  # a stray tag or entity
        i = rng.randrange(len(content) + 1)
        return content[:i] + rng.choice([b"<", b"&", b"</row>", b"&#1;", b"&bogus;", b"\x00", b"<c r=\"ZZZZ99999999\">"]) + content[i:]
    if choice == 3:  # a cell value Excel never writes
        value = rng.choice([b"9" * 400, b"1e999", b"abc", b"", b"-", b"NaN", b"1" * 20, b"\x01\x02"])
        return re.sub(rb"<v>[^<]*</v>", b"<v>" + value + b"</v>", content, count=rng.randrange(1, 4))
    if choice == 4:  # a cell type Excel never writes or a wrong shared-string index
        return re.sub(rb'<c r="([A-Z]+\d+)"', lambda m: m.group(0) + rng.choice([b' t="s"', b' t="d"', b' t="e"', b' t="x"', b' t="b"']),
                      content, count=rng.randrange(1, 5))
    if choice == 5:  # control characters in inline or shared strings
        return content.replace(b"</t>", rng.choice([b"\x01</t>", b"&#x1;</t>", b"\x00</t>", b"\xff</t>"]), rng.randrange(1, 4))
    if choice == 6:  # references out of order or absurd
        return re.sub(rb'r="[A-Z]+\d+"', lambda m: b'r="' + rng.choice([b"A0", b"XFE1", b"A1048577", b"", b"1A"]) + b'"', content,
                      count=rng.randrange(1, 4))
    return b""  # emptied


def broken_book(rng: random.Random) -> tuple[str, bytes]:
    """A workbook damaged in one of its parts, or as a whole file."""
    data = book_bytes(rng)
    way = rng.randrange(6)
    if way == 0:
        return ".xlsx", data[:rng.randrange(0, len(data))]  # truncated download
    if way == 1:
        flipped = bytearray(data)
        for _ in range(rng.randrange(1, 20)):
            flipped[rng.randrange(len(flipped))] = rng.randrange(256)
        return ".xlsx", bytes(flipped)
    with zipfile.ZipFile(io.BytesIO(data)) as z:
        names = z.namelist()
    target = rng.choice(names)
    if way == 2:  # one part left out
        return ".xlsx", _rezip(data, lambda name, content: None if name == target else content)
    if way == 3:  # the workbook lists no sheet
        return ".xlsx", _rezip(data, lambda name, content: re.sub(rb"<sheets>.*</sheets>", rng.choice([b"<sheets/>", b""]), content)
                               if name == "xl/workbook.xml" else content)
    if way == 4:  # a sheet part mutated
        sheets = [n for n in names if n.startswith("xl/worksheets/")] or names
        target = rng.choice(sheets)
    return ".xlsx", _rezip(data, lambda name, content: _mutate_xml(rng, content) if name == target else content)


def odd_cells_book(rng: random.Random) -> tuple[str, bytes]:
    """A well-formed workbook whose cells carry what openpyxl would not write: raw control
    characters, 400-digit numbers, very long strings."""
    rows = [[int(v) if v.isdigit() and len(v) > 10 else v for v in GOOD_ROWS[0]] for _ in range(rng.randrange(1, 5))]
    data = book_bytes(rng, [HEADER] + rows)

    def change(name, content):
        if name.startswith("xl/worksheets/"):
            content = re.sub(rb't="n"><v>([^<]*)</v>', lambda m: b't="n"><v>' + rng.choice(
                [m.group(1), b"9" * 400, b"1e400", b"-0", b"1.5E+17", b"0x10", b""]) + b"</v>", content)
        if name == "xl/sharedStrings.xml":
            content = re.sub(rb"<t>([^<]*)</t>", lambda m: b"<t>" + rng.choice(
                [m.group(1), b"&#1;\x01", b"x" * 70000, "名".encode() * 40000, b"\x0b\x0c", m.group(1) + b"&#xFFFE;"]) + b"</t>", content)
        return content

    return ".xlsx", _rezip(data, change)


# ---------------------------------------------------------------------------------------------
# Text tables and other formats


def _csv_text(rng: random.Random) -> str:
    sep = rng.choice([",", ",", "\t", ";", "|"])
    lines = []
    for row in roster_rows(rng):
        cells = ["" if v is None else str(v) for v in row]
        if rng.random() < 0.1:
            cells = ['"' + c for c in cells]  # unbalanced quotes
        lines.append(sep.join(cells))
    ends = rng.choice(["\r\n", "\n", "\r", None])
    return "".join(line + (ends or rng.choice(["\r\n", "\n", "\r"])) for line in lines)


def text_table(rng: random.Random) -> tuple[str, bytes]:
    """A CSV/TXT roster in an encoding Excel, WPS or another program may have written, sometimes damaged."""
    text = _csv_text(rng)
    encoding = rng.choice(["gbk", "gb18030", "utf-8", "utf-8-sig", "utf-16", "utf-16-le", "utf-16-be", "big5", "latin-1"])
    data = text.encode(encoding, errors="replace") if encoding != "utf-8" else text.encode("utf-8", errors="surrogatepass")
    way = rng.randrange(6)
    if way == 0 and data:
        data = data[:rng.randrange(len(data))]  # cut anywhere, e.g. UTF-16 of odd length
    elif way == 1:
        i = rng.randrange(len(data) + 1)
        data = data[:i] + b"\x00" * rng.randrange(1, 4) + data[i:]
    elif way == 2:
        data = rng.choice([b"\xff\xfe", b"\xfe\xff", b"\xef\xbb\xbf"]) + data + rng.choice([b"", b"\x00"])
    elif way == 3:
        data = bytes(rng.randrange(256) for _ in range(rng.randrange(0, 400)))
    return rng.choice([".csv", ".csv", ".txt", ".tsv", ".CSV"]), data


def foreign_format(rng: random.Random) -> tuple[str, bytes]:
    """A file named .xls, .ods or .et: an old binary header with junk, a zip, a renamed .xlsx or CSV."""
    way = rng.randrange(4)
    if way == 0:
        data = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(rng.randrange(256) for _ in range(rng.randrange(0, 2000)))
    elif way == 1:
        out = io.BytesIO()
        with zipfile.ZipFile(out, "w") as z:
            z.writestr("mimetype", "application/vnd.oasis.opendocument.spreadsheet")
            z.writestr("content.xml", _mutate_xml(rng, b"<office:document-content><table:table-row/></office:document-content>"))
        data = out.getvalue()
    elif way == 2:
        data = book_bytes(rng)
    else:
        data = _csv_text(rng).encode("gbk", errors="replace")
    return rng.choice([".xls", ".ods", ".et", ".XLS"]), data


MAKERS = {
    "broken_book": broken_book,
    "odd_cells_book": odd_cells_book,
    "good_book": lambda rng: (".xlsx", book_bytes(rng)),
    "text_table": text_table,
    "foreign_format": foreign_format,
}


# ---------------------------------------------------------------------------------------------
# Running a case


def fingerprint(db) -> str:
    """A hash of the whole database, to tell that a refused import wrote nothing."""
    return hashlib.sha256("\n".join(db.conn.iterdump()).encode("utf-8", "surrogatepass")).hexdigest()


def import_case(path: Path, skip_errors: bool) -> str:
    """Import path into a fresh database; returns "imported", "refused" or raises AssertionError
    for a broken promise. Any other exception is a crash."""
    from mentormatch.errors import UserError
    from mentormatch.importer import ImportJob
    from mentormatch.store import memory_database

    db = memory_database()
    try:
        before = fingerprint(db)
        try:
            job = ImportJob.from_file(db, "apprentices", path)
        except UserError as exc:
            assert path.name in str(exc), f"the message does not name the file: {exc}"
            assert fingerprint(db) == before, "reading the file changed the database"
            return "refused"
        job.validate()
        job.errors()
        try:
            job.commit(skip_errors=skip_errors)
        except UserError:
            assert fingerprint(db) == before, "a refused import changed the database"
            return "refused"
        return "imported"
    finally:
        db.close()


def cli_case(path: Path, folder: Path) -> str:
    """Import path with the command line into a database holding the sample; returns the outcome."""
    from mentormatch.store import open_database

    db_path = folder / "cli.db"
    if not db_path.exists():
        subprocess.run([sys.executable, str(ROOT / "main.py"), "--db", str(db_path), "sample"], check=True, capture_output=True)
    db = open_database(db_path)
    before = fingerprint(db)
    db.close()
    environment = {k: v for k, v in os.environ.items() if k not in ("DISPLAY", "WAYLAND_DISPLAY")}
    result = subprocess.run([sys.executable, str(ROOT / "main.py"), "--db", str(db_path), "import", "apprentices", str(path)],
                            capture_output=True, text=True, env=environment, timeout=120)
    assert result.returncode in (0, 2), f"exit status {result.returncode}: {result.stderr[-1500:]}"
    assert "Traceback" not in result.stderr, result.stderr[-1500:]
    if result.returncode == 2:
        db = open_database(db_path)
        unchanged = fingerprint(db) == before
        db.close()
        assert unchanged, "a refused import changed the database"
        return "refused"
    db_path.unlink()  # the next case starts from the sample again
    for suffix in ("-wal", "-shm"):
        Path(str(db_path) + suffix).unlink(missing_ok=True)
    return "imported"


def make_case(maker: str, seed: int, folder: Path) -> Path:
    suffix, data = MAKERS[maker](random.Random(seed))
    path = folder / f"{maker}-{seed}{suffix}"
    path.write_bytes(data)
    return path


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--cases", type=int, default=3000, help="cases imported in this process")
    parser.add_argument("--cli", type=int, default=30, help="cases imported with the command line in a subprocess")
    parser.add_argument("--seed", type=int, default=1)
    args = parser.parse_args()
    from PySide6.QtCore import QCoreApplication

    app = QCoreApplication.instance() or QCoreApplication([])  # noqa: F841  (translations)
    outcomes: Counter = Counter()
    crashes: list[tuple[str, int, str]] = []
    names = list(MAKERS)
    with tempfile.TemporaryDirectory() as temp:
        folder = Path(temp)
        for n in range(args.cases + args.cli):
            maker, seed = names[n % len(names)], args.seed * 1_000_003 + n
            path = make_case(maker, seed, folder)
            cli = n >= args.cases
            try:
                outcome = cli_case(path, folder) if cli else import_case(path, skip_errors=bool(seed % 2))
            except Exception:  # noqa: BLE001 — counted and printed: finding them is the point
                outcome = "crash"
                crashes.append((maker, seed, traceback.format_exc()))
            outcomes[("cli " if cli else "") + outcome] += 1
            outcomes[f"{maker}: {outcome}"] += 1
            path.unlink()
    kinds = Counter(text.strip().splitlines()[-1][:160] for _, _, text in crashes)
    shown = set()
    for maker, seed, text in crashes:  # one traceback of each kind
        kind = text.strip().splitlines()[-1][:160]
        if kind not in shown:
            shown.add(kind)
            print(f"--- crash ({kinds[kind]} like it): {maker}, seed {seed}\n{text}")
    print(f"cases tried: {args.cases} in process, {args.cli} on the command line; crashes: {len(crashes)}")
    for key, count in sorted(outcomes.items()):
        print(f"  {key}: {count}")
    return 1 if crashes else 0


if __name__ == "__main__":
    raise SystemExit(main())

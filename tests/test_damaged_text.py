"""Text that another program wrote into the database as bytes that are not UTF-8, or as a blob:
lists and exports read it with U+FFFD where it is damaged, and the export says where it is."""

import csv
import sqlite3

import pytest

from mentormatch import records
from mentormatch.store import damaged_text, open_database
from test_cli import run


@pytest.mark.parametrize("written", ["CAST(x'e8b5b5ff' AS TEXT)", "x'e8b5b5'"])
def test_damaged_text_is_shown_replaced_and_reported(tmp_path, written):
    path = tmp_path / "mm.db"
    assert run("--db", str(path), "sample").returncode == 0
    assert run("--db", str(path), "match", "--confirm").returncode == 0
    other = sqlite3.connect(path)  # another program, writing bytes where text belongs
    apprentice = other.execute("SELECT apprentice_id FROM pairs WHERE ended_at IS NULL ORDER BY id LIMIT 1").fetchone()[0]
    other.execute(f"UPDATE apprentices SET name = {written} WHERE id = ?", [apprentice])
    other.commit()
    other.close()

    db = open_database(path)
    name = "赵" if written.startswith("x") else "赵\ufffd"  # a blob is read as the text of its bytes by the export
    if not written.startswith("x"):  # a list reads the text with U+FFFD
        assert db.execute("SELECT name FROM apprentices WHERE id = ?", [apprentice]).fetchone()[0] == name
        assert records.load(db, "apprentices", apprentice)["name"] == name
    assert damaged_text(db) == [("apprentices", apprentice, "name")]
    db.close()

    result = run("--db", str(path), "export", "pairs", str(tmp_path / "pairs.csv"))
    assert result.returncode == 0, result.stderr
    assert f"table apprentices, row {apprentice}, column name" in result.stderr and "Traceback" not in result.stderr
    with open(tmp_path / "pairs.csv", encoding="utf-8-sig") as fh:
        rows = list(csv.reader(fh))
    names = [row[rows[0].index("Apprentice")] for row in rows]
    assert (name in names) and len(names) > 100
    assert run("--db", str(path), "export", "pairs", str(tmp_path / "pairs.xlsx")).returncode == 0

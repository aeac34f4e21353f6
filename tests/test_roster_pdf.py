"""The printed roster (pair list, mentor list, letter register as PDF): pages that grow with the
rows, the header row on every page, and a text layer that gives exactly what was printed."""

import subprocess
from datetime import date

import pytest

from mentormatch import exporter, roster_pdf
from mentormatch.sample import fill_city_scale
from mentormatch.store import memory_database
from tests.test_export import pair_everyone

HEADERS = ["Enterprise", "Mentor", "Apprentice", "Student number", "Major"]
NAMES = ["一长工", "舒小超", "王劲松", "𠮷田", "长江", "陶杰敏"]  # ideographs Qt maps to radicals; one outside the BMP
LONG = "重庆长安汽车股份有限公司第二焊装车间（两江新区鱼复工业园）联合培养基地"


def rows(count: int) -> list[list]:
    """Rows of one line, and every fifth row of two (its enterprise wraps)."""
    return [[LONG * 2 if n % 5 == 0 else f"重庆第{n % 7}号制造有限公司", f"师傅{n % 13}", NAMES[n % len(NAMES)] + str(n),
             f"DY2024{n:04d}", f"汽车制造与检修 {2026 + n % 3}-07-14"] for n in range(count)]


def pdftotext(path, page: int | None = None, raw: bool = False) -> str:
    """The text of the PDF (of one page); raw: in the order drawn, so a cell's lines stay together."""
    args = ["pdftotext", *(["-f", str(page), "-l", str(page)] if page else []), *(["-raw"] if raw else []), str(path), "-"]
    return subprocess.run(args, capture_output=True, text=True, check=True).stdout


def page_count(path) -> int:
    info = subprocess.run(["pdfinfo", str(path)], capture_output=True, text=True, check=True).stdout
    return int(next(line.split()[-1] for line in info.splitlines() if line.startswith("Pages:")))


def test_pages_grow_with_the_rows_and_every_page_has_the_header_and_its_number(qapp, tmp_path):
    counts = {}
    for size in (100, 400):
        path = tmp_path / f"{size}.pdf"
        roster_pdf.write_pdf(path, "名单", HEADERS, rows(size))
        counts[size] = page_count(path)
    assert counts[100] >= 2
    assert 3 * counts[100] <= counts[400] <= 4 * counts[100] + 1
    for page in range(1, counts[400] + 1):
        text = pdftotext(tmp_path / "400.pdf", page)
        assert "Apprentice" in text and "Student" in text and "名单" in text, page
        assert f"Page {page} of {counts[400]}" in text


def test_text_layer_gives_the_printed_characters_exactly(qapp, tmp_path):
    db = memory_database()
    fill_city_scale(db, apprentices=300, mentors=120)
    with db.atomic():
        db.execute("UPDATE apprentices SET student_no = printf('DY2024%04d', id), major = '汽车制造与检修'")
        db.conn.executemany("UPDATE apprentices SET name = ? WHERE id = ?", [(name, n + 1) for n, name in enumerate(NAMES)])
        db.conn.executemany("INSERT INTO pairs (programme_id, apprentice_id, mentor_id, status, created_at)"
                            " VALUES (1, ?, ?, 'confirmed', '2026-07-14')", [(n, n % 120 + 1) for n in range(1, 301)])
    path = tmp_path / "p.pdf"
    exporter.export(db, "pairs", path)
    words = pdftotext(path).split()
    for number, name in db.execute("SELECT student_no, name FROM apprentices"):
        assert number in words and name in words, (number, name)  # e.g. DY20240046, 𠮷田
    text = pdftotext(path)
    assert "⼀" not in text and "⻓" not in text and "⼯" not in text
    assert f"Printed {date.today().isoformat()}" in text


def test_every_column_on_one_page_width_keeps_the_text_layer_exact(paired, qapp, tmp_path):
    """23 columns: cells wrap and rows grow tall; the header row is drawn on every page. (Qt's table
    split such rows across pages, the text layer lost its pairing, and DY20240046 read as DY.)"""
    path = tmp_path / "p.pdf"
    exporter.export(paired, "pairs", path, keys=[c.key for c in exporter.columns("pairs")])
    text = "".join(pdftotext(path, raw=True).split())  # a number too wide for its narrow column is wrapped
    numbers = [n for (n,) in paired.execute("SELECT a.student_no FROM pairs p JOIN apprentices a ON a.id = p.apprentice_id")]
    assert "DY20240046" in numbers and all(n in text for n in numbers)
    assert f"Printed {date.today().isoformat()}" in pdftotext(path)


def test_masked_ids_and_phones_stay_masked(paired, qapp, tmp_path):
    path = tmp_path / "p.pdf"
    exporter.export(paired, "pairs", path, keys=["apprentice", "student_no", "id_number", "apprentice_phone"])
    words = set(pdftotext(path).split())
    ids, phones, numbers = zip(*paired.execute("SELECT a.id_number, a.phone, a.student_no FROM pairs p"
                                               " JOIN apprentices a ON a.id = p.apprentice_id").fetchall())
    assert set(numbers) <= words
    assert any("********" in w for w in words) and any("****" in w for w in words)
    full = {v for v in ids + phones if v}
    assert full and not any(v in word for word in words for v in full)


def test_words_of_a_wrapped_header_read_whole(sample_db, qapp, tmp_path):
    """A line that wraps at a space draws no glyph for it: the space is no part of the letter before
    (the mentor list's headers read "draf t", "af ter" and "Ph one" when it was)."""
    path = tmp_path / "m.pdf"
    exporter.export(sample_db, "mentors", path)
    words = pdftotext(path).split()
    assert {"Phone", "after", "draft", "experience"} <= set(words)


def test_a_long_name_wraps_and_one_too_long_is_cut_with_an_ellipsis(qapp, tmp_path):
    long_name = LONG * 2
    table = rows(40)
    table[1][0] = LONG * 40
    path = tmp_path / "r.pdf"
    roster_pdf.write_pdf(path, "名单", HEADERS, table)
    text = pdftotext(path).replace("\n", "")
    assert long_name in text  # wrapped onto lines of its cell, nothing lost
    assert "…" in text and LONG * 10 not in text
    assert "DY20240001" in text.split("…")[1]  # the row goes on after the cut cell


@pytest.fixture
def paired(sample_db):
    pair_everyone(sample_db)
    return sample_db

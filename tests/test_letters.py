"""Letters of appointment: the register, templates, PDF output checked with poppler."""

import base64
import re
import subprocess

import pytest

from mentormatch import files, letter_templates, letters, records, settings
from mentormatch.cli import main as cli_main
from mentormatch.errors import UserError
from mentormatch.letter_templates import TemplateError
from mentormatch.store import open_database
from resources import RESOURCES

PROGRAMME = "2026 渝北—德阳 汽车工程半年实习"
SEAL = (RESOURCES / "sample" / "seal-sample.png").read_bytes()


@pytest.fixture(autouse=True)
def user_templates(tmp_path, monkeypatch):
    """Keep the coordinator's template folder inside the test's temporary folder."""
    folder = tmp_path / "user-templates"
    monkeypatch.setattr(letter_templates, "user_dir", lambda: folder)
    return folder


def programme_id(db):
    return records.programme_id_by_name(db, PROGRAMME)


def issue(db, mentor_ids, template=None, issue_date="2026-07-14", target=None):
    planned = letters.plan(db, mentor_ids, programme_id(db), template, issue_date)
    if target is None:
        return letters.commit(db, planned)
    batch = letters.Batch(db, planned)
    assert batch.write(target=target)
    batch.commit(db)
    return batch.letters


def write(db, planned, target):
    """Write planned letters as one PDF, without recording them."""
    from mentormatch.letter_render import render_pdf

    batch = letters.Batch(db, planned)
    pending = render_pdf(target, batch.pages, batch.renderer())
    files.put_in_place(pending.temp, pending.target)


def pdftotext(path):
    return subprocess.run(["pdftotext", str(path), "-"], capture_output=True, text=True, check=True).stdout


def page_count(path):
    info = subprocess.run(["pdfinfo", str(path)], capture_output=True, text=True, check=True).stdout
    return int(next(line.split()[-1] for line in info.splitlines() if line.startswith("Pages:")))


def test_serials_follow_the_pattern_and_count_per_year(sample_db):
    settings.put(sample_db, "letter_prefix", "DY")
    first = issue(sample_db, [1, 2])
    assert [l.serial for l in first] == ["DY-2026-0001", "DY-2026-0002"]
    next_year = issue(sample_db, [3], issue_date="2027-01-05")
    assert next_year[0].serial == "DY-2027-0001"


def test_reprint_keeps_the_number_and_revoking_never_frees_it(sample_db):
    first = issue(sample_db, [1, 2, 3])
    again = letters.plan(sample_db, [2], programme_id(sample_db), issue_date="2026-09-01")
    assert again[0].id == first[1].id and again[0].serial == first[1].serial
    assert letters.reprint(sample_db, [first[1].id])[0].serial == first[1].serial

    letters.revoke(sample_db, first[2].id, "导师调岗")  # the highest number of the year
    row = sample_db.execute("SELECT revoked_at, revoke_reason FROM letters WHERE id = ?", [first[2].id]).fetchone()
    assert row[0] and row[1] == "导师调岗"
    with pytest.raises(UserError):
        letters.reprint(sample_db, [first[2].id])
    replacement = issue(sample_db, [3])
    assert replacement[0].serial == "MM-2026-0004"  # not 0003 again
    assert sample_db.execute("SELECT COUNT(*) FROM letters").fetchone()[0] == 4


def test_revoking_needs_a_reason(sample_db):
    letter = issue(sample_db, [1])[0]
    with pytest.raises(UserError, match="reason"):
        letters.revoke(sample_db, letter.id, "  ")


def test_bad_serial_pattern_is_explained(sample_db):
    settings.put(sample_db, "letter_serial_pattern", "{prefix}-{year}")
    with pytest.raises(UserError, match="seq"):
        letters.plan(sample_db, [1], programme_id(sample_db))
    settings.put(sample_db, "letter_serial_pattern", "{prefix}-{month}-{seq}")
    with pytest.raises(UserError, match="not valid"):
        letters.plan(sample_db, [1], programme_id(sample_db))


def test_register_search_and_filter(sample_db):
    issued = issue(sample_db, [1, 2])
    name = issued[0].mentor_name
    rows = letters.register(sample_db, name)
    assert [r["serial"] for r in rows] == [issued[0].serial]
    assert len(letters.register(sample_db, "MM-2026", programme_id(sample_db))) == 2
    letters.revoke(sample_db, issued[0].id, "重复")
    assert [r["serial"] for r in letters.register(sample_db, revoked=False)] == [issued[1].serial]


def test_template_errors_name_the_line():
    with pytest.raises(TemplateError) as error:
        letter_templates.compile_template("<p>\n{{ name }\n</p>")
    assert error.value.lineno == 2 and "2" in str(error.value)
    with pytest.raises(TemplateError) as error:
        letter_templates.compile_template("<p>{{ name }}</p>\n<p>{{ id_number }}</p>")
    assert error.value.lineno == 2 and "id_number" in str(error.value)


def test_templates_escape_and_never_print_an_id_number(sample_db):
    sample_db.execute("UPDATE mentors SET name = 'A<B&C>' WHERE id = 1")
    for name in [n for n in letter_templates.names("appointment") if not letter_templates.is_sheet(n)]:  # sheets: test_preprinted
        html = letter_templates.render(letter_templates.source(name), letters.plan(sample_db, [1], None, name)[0].context)
        assert "A&lt;B&amp;C&gt;" in html and "A<B&C>" not in html
    assert not any("id" in key and "number" in key for key in letter_templates.PLACEHOLDERS)


def test_user_copy_of_a_template_takes_its_place(user_templates):
    text = letter_templates.source("formal-zh").replace("此聘", "特此聘任")
    letter_templates.save("formal-zh", text)
    assert letter_templates.has_user_copy("formal-zh") and "特此聘任" in letter_templates.source("formal-zh")
    letter_templates.delete_user_copy("formal-zh")
    assert "特此聘任" not in letter_templates.source("formal-zh")
    with pytest.raises(TemplateError):
        letter_templates.save("broken", "{% if name %}")
    assert not (user_templates / "broken.html").exists()


EXACT_TEMPLATE = """<html><body>
<p>编号：{{ serial }}</p>
<p>兹聘请 {{ name }} 同志为{{ trade }}企业导师。</p>
<p>聘期自 {{ term_from }} 至 {{ term_to }}。</p>
{% for issuer in issuers %}<p><a name="seal">{{ issuer }}</a></p>
{% endfor %}<p>{{ issue_date }}</p>
<p>{{ term_from_en }} office</p>
</body></html>"""


def test_pdf_text_is_exactly_what_was_printed(sample_db, qapp, tmp_path):
    letter_templates.save("exact", EXACT_TEMPLATE)
    sample_db.execute("UPDATE mentors SET name = '一长工' WHERE id = 1")
    sample_db.execute("UPDATE mentors SET name = '<王&工>' WHERE id = 2")
    settings.put(sample_db, "letter_issuers", ["长江工业一号学院", "重庆长安汽车股份有限公司"])
    settings.put(sample_db, "letter_layout", {**settings.get(sample_db, "letter_layout"),
                                              "seals": {"长江工业一号学院": base64.b64encode(SEAL).decode()}})
    sample_db.execute("UPDATE mentors SET trade_id = (SELECT id FROM trades WHERE name_zh = '焊工') WHERE id IN (1, 2)")
    out = tmp_path / "letters.pdf"
    issue(sample_db, [1, 2], "exact", target=out)

    assert page_count(out) == 2
    # the room made above the issuers for their seals reads as a blank line
    expected = "".join(
        f"编号：MM-2026-000{n}\n兹聘请 {name} 同志为焊工企业导师。\n聘期自 2026年7月14日 至 2027年1月13日。\n"
        "\n长江工业一号学院\n重庆长安汽车股份有限公司\n2026年7月14日\n14 July 2026 office\n\n\f"
        for n, name in ((1, "一长工"), (2, "<王&工>"))
    )
    assert pdftotext(out) == expected


def test_pdf_fonts_are_embedded_simplified_chinese(sample_db, qapp, tmp_path):
    out = tmp_path / "letters.pdf"
    issue(sample_db, [1, 2, 3], "bilingual", target=out)
    fonts = subprocess.run(["pdffonts", str(out)], capture_output=True, text=True, check=True).stdout.splitlines()[2:]
    assert fonts
    for line in fonts:
        name, emb = line.split()[0], line.split()[-5]
        assert emb == "yes", line
        assert "JP" not in name.upper().replace("-", " ").split() and "cjkjp" not in name.lower(), line
    assert any("sc" in line.split()[0].lower() for line in fonts)


def test_built_in_letter_reads_formally(sample_db, qapp, tmp_path):
    out = tmp_path / "one.pdf"
    letter = issue(sample_db, [1], target=out)
    text = pdftotext(out)
    assert page_count(out) == 1
    for part in ("聘书", "编号：MM-2026-0001", "此聘", "2026年7月14日", "2027年1月13日", "重庆长安汽车股份有限公司", "四川工业科技学院"):
        assert part in text.replace("\n", "").replace(" ", "") or part in text, part
    assert "⼀" not in text and "⻓" not in text and "⼯" not in text


THREE_ISSUERS = ["四川工业科技学院", "德阳安装技师学院", "重庆长安汽车股份有限公司"]


@pytest.mark.parametrize("landscape", [False, True], ids=["portrait", "landscape"])
def test_every_built_in_letter_is_one_sheet_with_three_issuers_seals_and_signature_lines(sample_db, qapp, tmp_path,
                                                                                         landscape):
    settings.put(sample_db, "letter_issuers", THREE_ISSUERS)
    seals = {issuer: base64.b64encode(SEAL).decode() for issuer in THREE_ISSUERS}
    settings.put(sample_db, "letter_layout", {**settings.get(sample_db, "letter_layout"), "landscape": landscape,
                                              "signature_lines": True, "seals": seals})
    for name in [n for n in letter_templates.names("appointment") if letter_templates.is_builtin(n) and not letter_templates.is_sheet(n)]:
        out = tmp_path / f"{name}.pdf"
        planned = letters.plan(sample_db, [1, 2, 3], programme_id(sample_db), name, "2026-07-14")
        write(sample_db, planned, out)
        assert page_count(out) == 3, name
        sheets = pdftotext(out).split("\f")[:3]
        for letter, text in zip(planned, sheets):  # each sheet holds its whole letter, down to the signature lines
            assert letter.serial in text and THREE_ISSUERS[-1] in text.replace("\n", "") and "__" in text, (name, text)


def test_a_long_letter_is_set_smaller_and_one_too_long_for_a_sheet_is_refused(sample_db, qapp, tmp_path):
    from mentormatch.errors import UserError

    letter_templates.save("long", "{% for i in range(24) %}<p>{{ name }} 第{{ i }}行</p>{% endfor %}")
    out = tmp_path / "long.pdf"
    planned = letters.plan(sample_db, [1], programme_id(sample_db), "long", "2026-07-14")
    write(sample_db, planned, out)
    assert page_count(out) == 1 and "第23行" in pdftotext(out)

    letter_templates.save("long", "{% for i in range(40) %}<p>{{ name }} 第{{ i }}行</p>{% endfor %}")
    planned = letters.plan(sample_db, [1], programme_id(sample_db), "long", "2026-07-14")
    with pytest.raises(UserError, match=f"{planned[0].serial} {planned[0].mentor_name} does not fit on one sheet"):
        letters.Batch(sample_db, planned).write(target=tmp_path / "too-long.pdf")
    assert not list(tmp_path.glob("too-long*")) and not list(tmp_path.glob(".*.part"))


def word_heights(pdf, word):
    """The height of the first word containing word on each page, from pdftotext -bbox."""
    html = subprocess.run(["pdftotext", "-bbox", str(pdf), "-"], capture_output=True, text=True, check=True).stdout
    heights = []
    for page in html.split("<page ")[1:]:
        box = re.search(r'<word xMin="[\d.]+" yMin="([\d.]+)" xMax="[\d.]+" yMax="([\d.]+)">[^<]*' + word, page)
        heights.append(round(float(box.group(2)) - float(box.group(1)), 1))
    return heights


def test_letters_of_one_batch_share_one_type_size(sample_db, qapp, tmp_path):
    # the second mentor's long name wraps every line, so only that letter needs a smaller step
    letter_templates.save("lines", "{% for i in range(14) %}<p>{{ name }} 第{{ i }}行</p>{% endfor %}")
    sample_db.execute("UPDATE mentors SET name = ? WHERE id = 2", ["欧阳" + "长" * 40])
    out = tmp_path / "batch.pdf"
    planned = letters.plan(sample_db, [1, 2, 3], programme_id(sample_db), "lines", "2026-07-14")
    write(sample_db, planned, out)
    heights = word_heights(out, "第0行")
    assert len(heights) == 3 and len(set(heights)) == 1, heights
    alone = tmp_path / "alone.pdf"
    write(sample_db, letters.plan(sample_db, [1], programme_id(sample_db), "lines"), alone)
    assert word_heights(alone, "第0行")[0] > heights[0]  # on its own, a short letter keeps the larger size


def test_a_stopped_batch_leaves_nothing_and_issues_nothing(sample_db, qapp, tmp_path):
    mentors = letters.programme_mentors(sample_db, programme_id(sample_db))
    batch = letters.Batch.for_mentors(sample_db, mentors, programme_id(sample_db))
    assert not batch.write(lambda done: done < 5, target=tmp_path / "all.pdf")
    split = tmp_path / "split"
    assert not batch.write(lambda done: done < 5, split_dir=split)
    with pytest.raises(RuntimeError):  # a stopped batch has nothing to record
        batch.commit(sample_db)
    assert list(tmp_path.iterdir()) in ([], [split]) and not any(split.iterdir())
    assert sample_db.execute("SELECT COUNT(*) FROM letters").fetchone()[0] == 0


def test_no_chinese_font_is_said_plainly(qapp, monkeypatch):
    from PySide6.QtGui import QFontDatabase

    from mentormatch import fonts

    monkeypatch.setattr(QFontDatabase, "families", staticmethod(lambda *args: ["DejaVu Sans", "Noto Sans CJK JP"]))
    with pytest.raises(UserError, match="No Simplified Chinese font"):
        fonts.chinese_font(12)


def test_command_line_writes_one_file_per_mentor(db_path, tmp_path, capsys, qapp):
    assert cli_main(["--db", str(db_path), "sample"]) == 0
    split = tmp_path / "split"
    args = ["--db", str(db_path), "letters", "--programme", PROGRAMME, "--split", str(split)]
    assert cli_main(args) == 0
    files = sorted(p.name for p in split.iterdir())
    assert len(files) == 40 and files[0].startswith("MM-2026-0001 ") and files[0].endswith(".pdf")
    assert cli_main(args) == 0  # again: the same numbers
    assert sorted(p.name for p in split.iterdir()) == files
    out = tmp_path / "all.pdf"
    assert cli_main(["--db", str(db_path), "letters", str(out), "--programme", PROGRAMME]) == 0
    assert page_count(out) == 40
    capsys.readouterr()
    assert cli_main(["--db", str(db_path), "letters", str(out), "--programme", "无此项目"]) == 2  # a user's error
    assert "无此项目" in capsys.readouterr().err
    assert cli_main(["--db", str(db_path), "letters", str(out)]) == 0  # the only programme needs no naming
    assert page_count(out) == 40
    capsys.readouterr()
    db = open_database(db_path)
    with db.atomic():
        db.execute("INSERT INTO programmes (name) VALUES ('2027 春季班')")
    db.close()
    assert cli_main(["--db", str(db_path), "letters", str(out)]) == 2  # two, neither with confirmed pairs
    err = capsys.readouterr().err
    assert "--programme NAME" in err and "2027 春季班" in err and PROGRAMME in err


def registered(db):
    return [r[0] for r in db.execute("SELECT serial FROM letters ORDER BY id")]


def test_a_batch_that_cannot_be_recorded_leaves_no_file(sample_db, qapp, tmp_path):
    out = tmp_path / "letters.pdf"
    batch = letters.Batch.for_mentors(sample_db, [1, 2], programme_id(sample_db), issue_date="2026-07-14")
    assert batch.write(target=out)
    elsewhere = issue(sample_db, [1])  # another coordinator issues mentor 1's letter meanwhile
    with pytest.raises(UserError, match="issued elsewhere"):
        batch.commit(sample_db)
    assert list(tmp_path.iterdir()) == [] and registered(sample_db) == [elsewhere[0].serial]


def test_files_are_in_place_only_with_the_register(sample_db, qapp, tmp_path, monkeypatch):
    split = tmp_path / "split"
    batch = letters.Batch.for_mentors(sample_db, [1, 2, 3], programme_id(sample_db), issue_date="2026-07-14")
    assert batch.write(split_dir=split)
    older = split / letters.split_file_name(batch.letters[0])
    older.write_bytes(b"an older letter")  # replaced first, brought back by the rollback
    real_put = files.put_in_place

    def full_disk_on_the_third(temp, target):
        if len(list(split.glob("*.pdf"))) == 2 and older.read_bytes() != b"an older letter":
            raise OSError(28, "No space left on device", str(target))
        return real_put(temp, target)

    monkeypatch.setattr(files, "put_in_place", full_disk_on_the_third)
    with pytest.raises(OSError):
        batch.commit(sample_db)
    assert list(split.iterdir()) == [older] and registered(sample_db) == []  # the two placed files went with the rollback
    assert older.read_bytes() == b"an older letter"
    assert all(letter.id is None for letter in batch.letters)


def pdf_printer(path):
    from PySide6.QtPrintSupport import QPrinter

    printer = QPrinter()
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    printer.setOutputFileName(str(path))
    return printer


def serials_on(sheets):
    return [re.search(r"MM-\d{4}-\d{4}", text).group() for text in sheets]


def test_printing_records_exactly_the_letters_that_come_out(sample_db, qapp, tmp_path, sheets):
    reprinted = issue(sample_db, [2])[0]
    out = tmp_path / "paper.pdf"  # the printer
    batch = letters.Batch.for_mentors(sample_db, [1, 2, 3], programme_id(sample_db), issue_date="2026-07-14")
    printed = batch.print(sample_db, pdf_printer(out), lambda done: True)
    assert serials_on(sheets) == [l.serial for l in printed] == ["MM-2026-0002", "MM-2026-0001", "MM-2026-0003"]
    assert printed[1].id == reprinted.id and page_count(out) == 3
    assert sorted(registered(sample_db)) == sorted(serials_on(sheets))
    assert all(letter.id is not None for letter in batch.letters)


def test_a_cancelled_print_records_nothing_unless_the_printer_cannot_take_it_back(sample_db, qapp, tmp_path, monkeypatch,
                                                                                  sheets):
    pid = programme_id(sample_db)
    printer = pdf_printer(tmp_path / "aborted.pdf")
    monkeypatch.setattr(printer, "abort", lambda: True)  # a printer driver that takes the job back
    assert letters.Batch.for_mentors(sample_db, [1, 2, 3, 4], pid).print(sample_db, printer, lambda done: done < 2) is None
    assert registered(sample_db) == []

    sheets.clear()
    out = tmp_path / "partly.pdf"  # Qt's print to a PDF file cannot abort: the sheets drawn come out
    assert not pdf_printer(out).abort()
    printed = letters.Batch.for_mentors(sample_db, [1, 2, 3, 4], pid).print(sample_db, pdf_printer(out), lambda done: done < 2)
    assert len(printed) == 2 and page_count(out) == 2
    assert registered(sample_db) == serials_on(sheets) == [l.serial for l in printed]


def test_a_print_that_cannot_be_recorded_is_aborted(sample_db, qapp, tmp_path, monkeypatch):
    pid = programme_id(sample_db)
    batch = letters.Batch.for_mentors(sample_db, [1, 2], pid, issue_date="2026-07-14")
    elsewhere = issue(sample_db, [2])
    printer = pdf_printer(tmp_path / "paper.pdf")
    aborted = []
    monkeypatch.setattr(printer, "abort", lambda: aborted.append(True) or True)
    with pytest.raises(UserError, match="issued elsewhere"):
        batch.print(sample_db, printer)
    assert aborted and registered(sample_db) == [elsewhere[0].serial]


def test_candidates_for_a_letter_are_the_programme_mentors_with_their_letters(sample_db):
    pid = programme_id(sample_db)
    issued = issue(sample_db, [letters.programme_mentors(sample_db, pid)[1]])[0]
    found = letters.candidates(sample_db, pid)
    assert [m["id"] for m in found] == letters.programme_mentors(sample_db, pid)
    assert found[1]["serial"] == issued.serial and found[1]["name"] == issued.mentor_name
    assert all(m["serial"] is None for m in found if m["id"] != issued.mentor_id)
    assert all(m["enterprise"] and m["trade"] for m in found)

"""Printing onto pre-printed sheets (套打): fields at their mm places on a page of the sheet's size,
the scan of the blank sheet on screen only, a printer's calibration offset on paper."""

import re
import subprocess
import sys

import pikepdf
import pytest
from PySide6.QtGui import QColor, QImage, QPainter

from mentormatch import letter_templates, letters, preprinted, records
from mentormatch.letter_templates import TemplateError
from mentormatch.store import open_database
from tests.test_cli import run

PROGRAMME = "2026 渝北—德阳 汽车工程半年实习"
MM = 72 / 25.4
# 正度16开, portrait: the fields a school's 聘书 inner sheet leaves blank
SHEET = preprinted.Sheet(185, 260, (
    preprinted.Field("{{ serial }}", 150, 30, 10, "right"),
    preprinted.Field("{{ name }}", 60, 95, 20, "left"),
    preprinted.Field("{{ programme }}", 92.5, 120, 14, "center", 70),
    preprinted.Field("{{ trade }}", 40, 140, 14),
    preprinted.Field("{{ issue_date }}", 150, 220, 14, "right"),
))


@pytest.fixture(autouse=True)
def user_templates(tmp_path, monkeypatch):
    folder = tmp_path / "data" / "MentorMatch" / "templates"
    monkeypatch.setattr(letter_templates, "user_dir", lambda: folder)
    return folder


def fake_scan(path):
    """A 'scan' of the blank sheet: grey rules where the words go."""
    image = QImage(370, 520, QImage.Format.Format_RGB32)
    image.fill(QColor("#f4ecd8"))
    painter = QPainter(image)
    painter.fillRect(0, 0, 370, 40, QColor("#a0161b"))
    for y_mm in (95, 120, 140, 220):
        painter.fillRect(40, round(y_mm * 2), 290, 2, QColor("#777777"))
    painter.end()
    image.save(str(path))
    return path


def words(pdf, page=1):
    """(text, xMin, yMin, xMax, yMax) in mm of the words on a page (pdftotext -bbox)."""
    out = subprocess.run(["pdftotext", "-bbox", "-f", str(page), "-l", str(page), str(pdf), "-"],
                         capture_output=True, text=True, check=True).stdout
    return [(m[4], *(float(v) / MM for v in m[:4]))
            for m in re.findall(r'<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">([^<]*)</word>', out)]


def descent(pdf):
    """The font's descent below the baseline, per point of type (from the PDF's font descriptor)."""
    with pikepdf.open(pdf) as document:
        font = next(iter(document.pages[0].Resources.Font.values()))
        return -float(font.DescendantFonts[0].FontDescriptor.Descent) / 1000


def placed(pdf, text, size_pt, page=1):
    """Where a text stands: its left, centre and right x and its baseline, in mm."""
    found = [w for w in words(pdf, page) if w[0] == text]
    assert found, (text, words(pdf, page))
    _, x0, _, x1, y1 = found[0]
    return x0, (x0 + x1) / 2, x1, y1 - descent(pdf) * size_pt / MM


def page_size_mm(pdf):
    info = subprocess.run(["pdfinfo", str(pdf)], capture_output=True, text=True, check=True).stdout
    w, h = map(float, re.search(r"Page size:\s+([\d.]+) x ([\d.]+) pts", info).groups())
    return w / MM, h / MM


def images_in(pdf):
    listing = subprocess.run(["pdfimages", "-list", str(pdf)], capture_output=True, text=True, check=True).stdout
    return listing.splitlines()[2:]


def save_sheet(name="正度聘书", sheet=SHEET):
    letter_templates.save(name, preprinted.dumps(sheet), sheet=True)
    return name


def test_fields_land_at_their_places_on_a_page_of_the_sheet_size(sample_db, tmp_path):
    scan = fake_scan(tmp_path / "blank.png")
    name = save_sheet(sheet=preprinted.Sheet(185, 260, SHEET.fields, str(scan)))
    pid = records.programme_id_by_name(sample_db, PROGRAMME)
    batch = letters.Batch.for_mentors(sample_db, [1, 2], pid, name, "2026-07-14")
    out = tmp_path / "sheets.pdf"
    assert batch.write(target=out)
    batch.commit(sample_db)
    first = batch.letters[0]
    assert page_size_mm(out) == pytest.approx((185, 260), abs=0.5)
    assert images_in(out) == []  # the scan is never printed
    left, _, _, baseline = placed(out, first.mentor_name, 20)
    assert (left, baseline) == (pytest.approx(60, abs=0.5), pytest.approx(95, abs=0.5))
    _, _, right, baseline = placed(out, first.serial, 10)
    assert (right, baseline) == (pytest.approx(150, abs=0.5), pytest.approx(30, abs=0.5))
    _, _, right, baseline = placed(out, "2026年7月14日", 14)
    assert (right, baseline) == (pytest.approx(150, abs=0.5), pytest.approx(220, abs=0.5))
    # the long programme name is set smaller to stay within its 70 mm, whole and centred
    programme = [w for w in words(out) if 100 < w[2] + w[4] and abs((w[2] + w[4]) / 2 - 118) < 6]
    assert " ".join(w[0] for w in programme) == PROGRAMME
    assert min(w[1] for w in programme) >= 92.5 - 35 - 0.5 and max(w[3] for w in programme) <= 92.5 + 35 + 0.5
    assert (min(w[1] for w in programme) + max(w[3] for w in programme)) / 2 == pytest.approx(92.5, abs=0.5)
    assert "聘书" not in subprocess.run(["pdftotext", str(out), "-"], capture_output=True, text=True).stdout  # no title


def test_the_scan_shows_behind_the_fields_on_screen(sample_db, tmp_path):
    scan = fake_scan(tmp_path / "blank.png")
    sheet = preprinted.Sheet(185, 260, SHEET.fields, str(scan))
    renderer = preprinted.SheetRenderer(sheet)
    page = preprinted.SheetPage(("MM-1", "王劲松", "", "焊工", "2026年7月14日"))
    image = renderer.image(page, 370)
    assert image.pixelColor(185, 10) == QColor("#a0161b")  # the scan's pre-printed band
    bare = preprinted.SheetRenderer(preprinted.Sheet(185, 260, SHEET.fields)).image(page, 370)
    assert bare.pixelColor(185, 10) == QColor("white")


def test_printing_moves_the_fields_by_the_printer_offset(sample_db, tmp_path):
    from PySide6.QtPrintSupport import QPrinter

    scan = fake_scan(tmp_path / "blank.png")
    name = save_sheet(sheet=preprinted.Sheet(185, 260, SHEET.fields, str(scan)))
    batch = letters.Batch.for_mentors(sample_db, [1], records.programme_id_by_name(sample_db, PROGRAMME), name, "2026-07-14")
    out = tmp_path / "printed.pdf"
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    printer.setOutputFileName(str(out))
    printer.setFullPage(True)
    printer.setPageLayout(batch.renderer().page_layout())
    assert batch.print(sample_db, printer, offset_mm=(3.0, -2.0))
    del printer
    assert images_in(out) == []
    assert page_size_mm(out) == pytest.approx((185, 260), abs=0.5)
    left, _, _, baseline = placed(out, batch.letters[0].mentor_name, 20)
    assert (left, baseline) == (pytest.approx(63, abs=0.5), pytest.approx(93, abs=0.5))


def test_a_bad_sheet_says_which_field(user_templates):
    outside = preprinted.Sheet(185, 260, (preprinted.Field("{{ name }}", 200, 20),))
    with pytest.raises(TemplateError, match="Field 1"):
        save_sheet("bad", outside)
    unknown = preprinted.Sheet(185, 260, (preprinted.Field("{{ name }}", 20, 20), preprinted.Field("{{ id_number }}", 20, 40)))
    with pytest.raises(TemplateError, match="Field 2.*id_number"):
        save_sheet("bad", unknown)
    with pytest.raises(TemplateError):
        preprinted.parse('{"paper": {"width_mm": 5}}')
    assert not list(user_templates.glob("bad*")) if user_templates.exists() else True


def test_sheets_and_plain_letters_do_not_share_a_batch(sample_db):
    name = save_sheet()
    pid = records.programme_id_by_name(sample_db, PROGRAMME)
    plain = letters.plan(sample_db, [1], pid, issue_date="2026-07-14")
    sheet = letters.plan(sample_db, [2], pid, name, issue_date="2026-07-14")
    with pytest.raises(letters.UserError, match="different paper"):
        letters.Batch(sample_db, plain + sheet)


def test_calibration_page_has_rulers_and_crosses(tmp_path):
    from PySide6.QtGui import QPageLayout, QPageSize, QPdfWriter

    out = tmp_path / "calibration.pdf"
    writer = QPdfWriter(str(out))
    writer.setResolution(600)
    writer.setPageLayout(QPageLayout(QPageSize(QPageSize.PageSizeId.A4), QPageLayout.Orientation.Portrait,
                                     preprinted.page_layout(210, 297).margins()))
    preprinted.paint_calibration(writer, "HP LaserJet")
    del writer
    text = subprocess.run(["pdftotext", str(out), "-"], capture_output=True, text=True, check=True).stdout
    assert "HP LaserJet" in text and "plain paper" in text
    subprocess.run(["pdftoppm", "-r", "254", "-gray", "-singlefile", str(out), str(tmp_path / "calibration")], check=True)
    image = QImage(str(tmp_path / "calibration.pgm"))  # 10 pixels per mm
    for x, y in ((40, 40), (170, 257)):  # each cross's lines meet where it says, beside them is paper
        assert QColor(image.pixel(x * 10, y * 10)).value() < 128 and QColor(image.pixel(x * 10 + 15, y * 10 + 15)).value() > 200
    assert QColor(image.pixel(100, 48)).value() < 128  # the 10 mm tick of the top edge's ruler
    assert preprinted.offset_from_measurement(42.5, 38) == (-2.5, 2.0)


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="the template folder is placed by XDG_DATA_HOME")
def test_command_line_writes_a_sheet_template(tmp_path):
    save_sheet()  # into tmp_path/data/MentorMatch/templates, where XDG_DATA_HOME puts the command's
    env = {"XDG_DATA_HOME": str(tmp_path / "data")}
    db_path = tmp_path / "college.db"
    assert run("--db", str(db_path), "sample", env=env).returncode == 0
    out = tmp_path / "套打.pdf"
    result = run("--db", str(db_path), "letters", str(out), "--template", "正度聘书", env=env)
    assert result.returncode == 0, result.stderr
    assert page_size_mm(out) == pytest.approx((185, 260), abs=0.5)
    _, _, right, baseline = placed(out, "MM-2026-0001", 10)
    assert (right, baseline) == (pytest.approx(150, abs=0.5), pytest.approx(30, abs=0.5))
    db = open_database(db_path)
    trade = db.execute("SELECT t.name_zh FROM letters l JOIN mentors m ON m.id = l.mentor_id JOIN trades t ON t.id = m.trade_id"
                       " WHERE l.serial = 'MM-2026-0001'").fetchone()[0]
    db.close()
    left, _, _, baseline = placed(out, trade, 14)
    assert (left, baseline) == (pytest.approx(40, abs=0.5), pytest.approx(140, abs=0.5))

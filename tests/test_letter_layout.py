"""Letters laid out as official documents are: names whole, seals placed as GB/T 9704 places 公章 and
drawn as ink, the title centred, the text balanced on the sheet, the date in Chinese numerals, and
previews that break lines where the PDF and the paper do."""

import base64
import re
import subprocess

import pytest
from PySide6.QtCore import QRectF
from PySide6.QtGui import QImage, QPdfWriter

from mentormatch import letter_render, letter_templates, letters, records, settings
from mentormatch.letter_render import (
    LAYOUT_DPI,
    MM,
    Page,
    PageOptions,
    PageRenderer,
    SealPlace,
)
from resources import RESOURCES

PROGRAMME = "2026 渝北—德阳 汽车工程半年实习"
SEAL = base64.b64encode((RESOURCES / "sample" / "seal-sample.png").read_bytes()).decode()
ISSUERS = ["四川工业科技学院", "德阳安装技师学院", "重庆长安汽车股份有限公司"]
PX_PER_MM = LAYOUT_DPI / 25.4  # layout pixels per millimetre


@pytest.fixture(autouse=True)
def user_templates(tmp_path, monkeypatch):
    monkeypatch.setattr(letter_templates, "user_dir", lambda: tmp_path / "user-templates")


@pytest.fixture
def laid_out(monkeypatch):
    """What each drawn letter looks like laid out: per letter a dict with the lines of each block,
    the issuers' names and the date (their text lines and boxes), the seals' squares, the title's
    ink and the sheet (all in layout pixels, document coordinates)."""
    found = []
    draw_text = PageRenderer._draw_text

    def recording(self, painter, doc, origin, size, seals, layer):
        lines, block = [], doc.begin()
        while block.isValid():
            layout = block.layout()
            lines += [block.text()[line.textStart():line.textStart() + line.textLength()]
                      for line in map(layout.lineAt, range(layout.lineCount()))]
            block = block.next()

        def marked(name):
            return [{"text": block.text()[start:end], "lines": letter_render._text_lines(block, start, end),
                     "box": letter_render._text_rect(doc, block, start, end)}
                    for block, start, end in letter_render._marks(doc, name)]

        title = max(_blocks(doc), key=lambda b: b.begin().fragment().charFormat().fontPointSize() if b.text().strip() else 0)
        ink = QRectF()
        for run in title.layout().lineAt(0).glyphRuns():  # the glyphs' ink, not their advances
            for glyph, at in zip(run.glyphIndexes(), run.positions()):
                ink = ink.united(run.rawFont().boundingRect(glyph).translated(at))
        marks = {block.blockNumber() for block, _, _ in letter_render._marks(doc, "seal") + letter_render._marks(doc, "date")}
        above = [(doc.documentLayout().blockBoundingRect(b), b.layout().lineCount()) for b in _blocks(doc)
                 if b.text().strip() and b.blockNumber() not in marks]  # the text, but for the issuers and the date
        found.append({"lines": lines, "names": marked("seal"), "dates": marked("date"), "seals": list(seals),
                      "title": ink.translated(doc.documentLayout().blockBoundingRect(title).topLeft()),
                      "width": size.width(), "height": size.height(), "top": origin.y(), "above": above})
        return draw_text(self, painter, doc, origin, size, seals, layer)

    monkeypatch.setattr(PageRenderer, "_draw_text", recording)
    return found


def _blocks(doc):
    block = doc.begin()
    while block.isValid():
        yield block
        block = block.next()


def programme_id(db):
    return records.programme_id_by_name(db, PROGRAMME)


def set_layout(db, **values):
    settings.put(db, "letter_layout", {**settings.get(db, "letter_layout"), **values})


def certified(db, template, issue_date="2026-12-01"):
    """A certificate template's paper for apprentice 1 in the sample's programme (a certificate needs
    a confirmed pair: with mentor 1)."""
    pid = db.execute("SELECT MIN(id) FROM programmes").fetchone()[0]  # perhaps renamed by the test
    if not db.execute("SELECT 1 FROM pairs WHERE apprentice_id = 1 AND status = 'confirmed' AND ended_at IS NULL").fetchone():
        db.execute("INSERT INTO pairs (programme_id, apprentice_id, mentor_id, status, created_at)"
                   " VALUES (?, 1, 1, 'confirmed', '2026-07-01')", [pid])
    return letters.plan(db, [1], pid, template, issue_date, paper=letters.CERTIFICATE)


def pdf_of(db, tmp_path, name="letters.pdf", mentors=(1,), template=None, issue_date="2026-12-01"):
    out = tmp_path / name
    if template and letter_templates.paper_of(template) == "certificate":
        batch = letters.Batch(db, certified(db, template, issue_date))
    else:
        batch = letters.Batch.for_mentors(db, list(mentors), programme_id(db), template, issue_date)
    assert batch.write(target=out)
    batch.commit(db)
    return out


def test_chinese_numerals():
    assert letters.date_zh_numerals("2026-12-01") == "二〇二六年十二月一日"
    assert letters.date_zh_numerals("2027-01-13") == "二〇二七年一月十三日"
    assert letters.date_zh_numerals("2030-10-20") == "二〇三〇年十月二十日"
    assert letters.date_zh_numerals("2026-07-31") == "二〇二六年七月三十一日"
    assert letters.date_zh_numerals(None) == ""


BUILT_IN = ["bilingual", "certificate-zh", "formal-en", "formal-zh"]


@pytest.mark.parametrize("landscape", [False, True], ids=["portrait", "landscape"])
@pytest.mark.parametrize("count", [1, 2, 3])
def test_every_built_in_letter_is_laid_out_as_an_official_document(sample_db, tmp_path, laid_out, landscape, count):
    issuers = ISSUERS[-count:]  # the long enterprise name always among them
    settings.put(sample_db, "letter_issuers", issuers)
    set_layout(sample_db, landscape=landscape, seals={issuer: SEAL for issuer in issuers})
    # every built-in letter on plain paper (a pre-printed sheet prints no issuers, seals or title)
    assert sorted(n for n in letter_templates.names() if letter_templates.is_builtin(n) and not letter_templates.is_sheet(n)) == BUILT_IN
    for template in BUILT_IN:
        laid_out.clear()
        pdf = pdf_of(sample_db, tmp_path, f"{template}.pdf", template=template)
        (letter,) = laid_out
        where = (template, count, landscape)
        # every name, and the date, on one line, whole
        assert [n["text"] for n in letter["names"]] == issuers, where
        for mark in letter["names"] + letter["dates"]:
            assert all(len(lines) == 1 for lines in mark["lines"]), (where, mark["text"])
        assert any(issuers[-1] == line.strip() for line in letter["lines"]), where
        # the title exactly centred on the sheet (the text area is centred on it)
        assert abs(letter["title"].center().x() - letter["width"] / 2) < 0.5 * PX_PER_MM, where
        # each seal centred across its name, the name just under the seal's centre; the first row's
        # top within one line below the text above it
        last_above = max((r for r in letter["above"] if r[0].bottom() <= letter["names"][0]["box"].top()),
                         key=lambda r: r[0].bottom())
        text_bottom, line = last_above[0].bottom(), last_above[0].height() / last_above[1]  # a line's pitch
        for (issuer, square), name in zip(letter["seals"], letter["names"]):
            box = name["box"]
            assert abs(square.width() - 40 * PX_PER_MM) < 0.01 and square.width() == square.height()
            assert abs(square.center().x() - box.center().x()) < 0.5 * PX_PER_MM, (where, issuer)
            assert box.top() - 0.5 * PX_PER_MM <= square.center().y() <= box.center().y(), (where, issuer)
        first_row = min(square.top() for _, square in letter["seals"])
        assert 0 <= first_row - text_bottom <= line, (where, first_row - text_bottom, line)
        seals = [square for _, square in letter["seals"]]
        assert not any(a.intersects(b) for i, a in enumerate(seals) for b in seals[i + 1:]), where
        # the date under the last seal, pressed by it in portrait; clear of it in landscape
        date, last = letter["dates"][0]["box"], seals[-1]
        assert last.left() < date.center().x() < last.right(), where
        if landscape:
            assert date.top() >= last.bottom(), where
        else:
            first_line = date.height() / len(letter["dates"][0]["lines"])
            assert last.top() < date.top() and date.top() + first_line < last.bottom(), where  # its first line at least
        # the letter stands in the middle of the text area's height
        bottom = max([r.bottom() for r, _ in letter["above"]] + [date.bottom()] + [s.bottom() for s in seals])
        assert abs(letter["height"] - bottom - 2 * (letter["top"] - text_top(landscape))) < 1, where
        assert issuers[-1] in pdftotext(pdf, "-layout").replace(" ", ""), where


def text_top(landscape):
    return 26 * MM * LAYOUT_DPI / 72


def pdftotext(path, *options):
    return subprocess.run(["pdftotext", *options, str(path), "-"], capture_output=True, text=True, check=True).stdout


def test_title_is_centred_on_the_printed_page(sample_db, tmp_path):
    """Measured on the PDF: 聘 书 spaced 36 pt apart, its ink centred within 1 mm of the page's centre."""
    pdf = pdf_of(sample_db, tmp_path)
    html = pdftotext(pdf, "-bbox")
    width = float(re.search(r'<page width="([\d.]+)"', html).group(1))
    boxes = [(float(a), float(b)) for a, b, word in re.findall(r'<word xMin="([\d.]+)" yMin="[\d.]+" xMax="([\d.]+)"[^>]*>([^<]*)</word>', html)
             if word in ("聘", "书", "聘书")]
    assert boxes
    centre = (min(a for a, _ in boxes) + max(b for _, b in boxes)) / 2
    assert abs(centre - width / 2) < MM, (centre, width / 2)


def test_a_long_name_is_set_smaller_and_a_short_name_replaces_it(sample_db, tmp_path, laid_out):
    settings.put(sample_db, "letter_issuers", ISSUERS)
    set_layout(sample_db, seals={ISSUERS[-1]: SEAL})
    pdf_of(sample_db, tmp_path, "long.pdf")
    names = laid_out[-1]["names"]
    assert names[-1]["box"].height() < names[0]["box"].height()  # three columns: the long name is smaller
    assert names[-1]["box"].width() < laid_out[-1]["width"] / 3

    set_layout(sample_db, issuer_options={ISSUERS[-1]: {"name_on_letters": "长安汽车", "seal_mm": 40}})
    pdf = pdf_of(sample_db, tmp_path, "short.pdf", mentors=(2,))
    names, seals = laid_out[-1]["names"], laid_out[-1]["seals"]
    assert names[-1]["text"] == "长安汽车" and names[-1]["box"].height() == names[0]["box"].height()
    assert seals[-1][0] == ISSUERS[-1]  # its seal still found under its full name
    assert "长安汽车" in pdftotext(pdf) and "股份有限公司" not in pdftotext(pdf)
    held = letters.register(sample_db, "", programme_id(sample_db))[0]
    assert ISSUERS[-1] in held["issuers"]  # the register keeps the organisation's own name


def test_seal_size_and_place_follow_the_issuers_settings(sample_db, tmp_path, laid_out):
    def seals_from_names():
        """Each seal's centre from the middle of its name's top edge, and its diameter."""
        letter = laid_out[-1]
        return {issuer: (square.center().x() - name["box"].center().x(), square.center().y() - name["box"].top(),
                         square.width()) for (issuer, square), name in zip(letter["seals"], letter["names"])}

    settings.put(sample_db, "letter_issuers", ISSUERS[:2])
    pdf_of(sample_db, tmp_path, "plain.pdf")
    assert all(abs(x) < 0.5 and abs(y) < 0.5 and abs(size - 40 * PX_PER_MM) < 0.5
               for x, y, size in seals_from_names().values())
    set_layout(sample_db, issuer_options={ISSUERS[0]: {"seal_mm": 30, "seal_right_mm": 5, "seal_down_mm": -3}})
    pdf_of(sample_db, tmp_path, "moved.pdf", mentors=(2,))
    moved = seals_from_names()
    x, y, size = moved[ISSUERS[0]]
    assert abs(x - 5 * PX_PER_MM) < 0.5 and abs(y + 3 * PX_PER_MM) < 0.5 and abs(size - 30 * PX_PER_MM) < 0.5
    x, y, size = moved[ISSUERS[1]]
    assert abs(x) < 0.5 and abs(y) < 0.5 and abs(size - 40 * PX_PER_MM) < 0.5


def test_the_date_in_chinese_numerals_is_a_setting(sample_db, tmp_path):
    assert "2026年12月1日" in pdftotext(pdf_of(sample_db, tmp_path, "arabic.pdf"))
    set_layout(sample_db, chinese_date=True)
    text = pdftotext(pdf_of(sample_db, tmp_path, "chinese.pdf", mentors=(2,)))
    assert "二〇二六年十二月一日" in text and "2026年7月14日" in text  # the term keeps its figures


def test_text_under_a_seal_stays_legible(qapp):
    """The seal is ink under the words: the issuer's name is as dark with its seal as without."""
    html = '<p>　</p><table width="100%" style="margin-top: 60pt;"><tr><td align="center"><a name="seal">重庆长安汽车股份有限公司</a></td></tr></table>'
    page = Page(html, (ISSUERS[-1],))
    seal = base64.b64decode(SEAL)

    def dark_pixels(options):
        image = PageRenderer(options).image(page, 800).convertToFormat(QImage.Format.Format_RGB32)
        pixels = bytes(image.constBits())  # B, G, R, x
        return sum(1 for b, g, r in zip(pixels[0::4], pixels[1::4], pixels[2::4]) if max(b, g, r) < 90)

    plain = dark_pixels(PageOptions(border=False))
    inked = dark_pixels(PageOptions(border=False, seals={ISSUERS[-1]: seal}))
    assert plain > 200 and inked >= 0.9 * plain, (plain, inked)


LONG = "2026 渝北—德阳 汽车工程与智能网联汽车装调一体化半年实习（第二批）"


@pytest.mark.parametrize("template", BUILT_IN)
def test_previews_break_lines_where_the_pdf_and_the_printer_do(sample_db, tmp_path, laid_out, template):
    sample_db.execute("UPDATE programmes SET name = ?", [LONG])
    (letter,) = (certified(sample_db, template) if letter_templates.paper_of(template) == "certificate"
                 else letters.plan(sample_db, [1], None, template, "2026-12-01"))
    page = letters.letter_page(letter, letter_templates.source(template), settings.get(sample_db, "letter_layout"))
    renderer = PageRenderer(letters.page_options(settings.get(sample_db, "letter_layout")))
    for width in (260, 413, 777):  # the editor's preview at several sizes
        renderer.image(page, width)
    pending = letter_render.render_pdf(tmp_path / "letter.pdf", [page], renderer)
    printer = QPdfWriter(str(tmp_path / "printer.pdf"))  # a printer at another resolution
    printer.setResolution(1200)
    printer.setPageLayout(renderer.page_layout())
    renderer.paint(printer, [page])
    del printer
    lines = [drawn["lines"] for drawn in laid_out]
    assert len(lines) == 5 and all(each == lines[0] for each in lines[1:]), lines
    assert any(LONG[:6] in line and LONG not in line for line in lines[0])  # the name does break
    printed = [line.replace(" ", "") for line in pdftotext(pending.temp, "-layout").splitlines() if line.strip()]
    wrapped = [line.replace(" ", "") for line in lines[0] if LONG[-5:] in line or LONG[:6] in line]
    assert wrapped and all(any(part in line for line in printed) for part in wrapped), (wrapped, printed)
    pending.discard()


def test_letter_options_preview_shows_the_options_as_set(qtbot, sample_db):
    from ui.settings_dialog import LetterSettingsForm

    form = LetterSettingsForm(sample_db)
    qtbot.addWidget(form)
    form.resize(1000, 640)
    form.show()
    form.update_preview()
    portrait = form.preview.image()
    assert not portrait.isNull() and portrait.height() > portrait.width()
    form.landscape.setChecked(True)
    form.issuers.setPlainText("\n".join(ISSUERS))
    form.seal_list.setCurrentRow(2)
    form.name_on_letters.setText("长安汽车")  # as an input method commits it (QTest types Latin-1 only)
    form.seal_size.setValue(44)
    form.chinese_date.setChecked(True)
    form.update_preview()
    assert form.preview.image().width() > form.preview.image().height()
    form.save()
    layout = settings.get(sample_db, "letter_layout")
    assert layout["chinese_date"] and layout["issuer_options"] == {
        ISSUERS[2]: {"name_on_letters": "长安汽车", "seal_mm": 44, "seal_right_mm": 0, "seal_down_mm": 0}}
    assert letters.page_options(layout).seal_places[ISSUERS[2]] == SealPlace(44, 0, 0)
    form.seal_list.setCurrentRow(0)
    assert form.name_on_letters.text() == "" and form.seal_size.value() == 40
    form.seal_list.setCurrentRow(2)
    assert form.name_on_letters.text() == "长安汽车"

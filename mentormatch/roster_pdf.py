"""The printed roster: an A4 landscape table with a title, the date and page numbers.

The rows are numbered in a first column (序号); with signature=True a last column is left empty
for each person to sign in (签名), wide and tall enough for a handwritten name.

write_pdf() writes a PDF; render() draws onto any paged device, so the export dialog prints the
same pages through a QPrinter. Text is set in a Simplified Chinese font (mentormatch.fonts).
A document may hold several tables (Section: the ceremony sign-in sheet's mentors and apprentices,
mentormatch.signin): each starts on a new page under its own title and numbers its own pages, so
that each can be handed out on its own; the page is A4 landscape or portrait (page_layout).

The table is drawn page by page with QPainter, in time and memory that grow with the rows:
every row is measured once (a cell is one line unless its text is wider than its column; then it
wraps, to at most MAX_LINES lines, the last one elided), the rows are split into pages, and each
page draws the title, the header row, its rows and "Page n of N". A cell's text is shaped once
with QTextLayout and its glyph runs are drawn and recorded together (pdf_text.TextLayer.draw), so
the repaired text layer of the PDF is exactly what was printed. Texts repeated down a column
(enterprise, mentor, trade) are shaped once for a stretch of rows. Needs a QGuiApplication.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from pathlib import Path

from PySide6.QtCore import QLineF, QMarginsF, QPointF, QRectF, Qt
from PySide6.QtGui import (QColor, QFont, QFontMetricsF, QPageLayout, QPageSize, QPagedPaintDevice, QPainter, QPdfWriter,
                           QPen, QTextLayout, QTextOption)

from mentormatch.exporter import widest
from mentormatch.fonts import chinese_font
from mentormatch.i18n import translate
from mentormatch.pdf_text import Glyphs, TextLayer

RESOLUTION = 300  # dots per inch of the PDF writer
MARGINS_MM = QMarginsF(12, 12, 12, 12)
TABLE_PT = 8
TITLE_PT = 14
SMALL_PT = 8
PADDING_PT = 2  # between a cell's border and its text
RULE_PT = 0.5
RULE_COLOUR = QColor("#808080")
HEADER_FILL = QColor("#e8e8e8")
MAX_LINES = 3  # a longer cell text is cut with an ellipsis on its last line
SHAPED_KEPT = 4000  # cells kept shaped while drawing (bounds memory; repeated texts are found in it)
SIGNATURE_MM = (30, 9)  # width and height of the place to sign in


@dataclass(frozen=True)
class Section:
    """A table of a document: its title, column headers and rows (of displayed values)."""

    title: str
    headers: list[str]
    rows: list[list]


LANDSCAPE, PORTRAIT = QPageLayout.Orientation.Landscape, QPageLayout.Orientation.Portrait


def write_pdf(path: str | Path, title: str, headers: list[str], rows: list[list], signature: bool = False) -> None:
    """Write the roster as a PDF file at path, with a text layer that copies and searches correctly."""
    write_sections(path, title, [Section(title, headers, rows)], signature)


def write_sections(path: str | Path, title: str, sections: list[Section], signature: bool = False,
                   orientation: QPageLayout.Orientation = LANDSCAPE, table_pt: float = TABLE_PT) -> None:
    """Write the tables as one PDF file at path (title: the document's, shown by PDF readers)."""
    writer = QPdfWriter(str(path))
    writer.setResolution(RESOLUTION)
    writer.setTitle(title)
    writer.setCreator("MentorMatch")
    writer.setPageLayout(page_layout(orientation))
    layer = TextLayer()
    render_sections(writer, sections, layer, signature, table_pt)
    del writer  # the file is complete once the writer is gone
    layer.repair(path)


def page_layout(orientation: QPageLayout.Orientation = LANDSCAPE) -> QPageLayout:
    return QPageLayout(QPageSize(QPageSize.PageSizeId.A4), orientation, MARGINS_MM, QPageLayout.Unit.Millimeter)


def render(device: QPagedPaintDevice, title: str, headers: list[str], rows: list[list], layer: TextLayer | None = None,
           signature: bool = False) -> int:
    """Draw the roster onto device page by page; returns the number of pages (see render_sections)."""
    return render_sections(device, [Section(title, headers, rows)], layer, signature)


def render_sections(device: QPagedPaintDevice, sections: list[Section], layer: TextLayer | None = None,
                    signature: bool = False, table_pt: float = TABLE_PT) -> int:
    """Draw the tables onto device page by page, each from a new page, its rows numbered, with a
    column to sign in if signature, their text table_pt large; returns the number of pages.

    Every text drawn is recorded in layer (pdf_text repairs the PDF's text layer from it)."""
    layer = layer if layer is not None else TextLayer()  # a printer's record is dropped
    page = device.pageLayout().paintRectPixels(device.resolution())
    width, height = float(page.width()), float(page.height())
    printed = _Text(device, layer, translate("Roster", "Printed {date}").format(date=date.today().isoformat()),
                    chinese_font(SMALL_PT), width)
    small = QFontMetricsF(chinese_font(SMALL_PT), device).height()
    painter = QPainter()
    if not painter.begin(device):
        raise OSError(translate("Roster", "The printer or PDF file could not be opened."))
    drawn = 0
    try:
        for section in sections:
            headers = [translate("Roster", "No."), *section.headers, *([translate("Roster", "Signature")] if signature else [])]
            rows = [[number, *row, *([""] if signature else [])] for number, row in enumerate(section.rows, start=1)]
            table = _Table(device, layer, headers, rows, width, signature, table_pt)
            heading = _Text(device, layer, section.title, chinese_font(TITLE_PT, bold=True), width)
            top = heading.height + printed.height
            pages = table.pages(height - top - 1.5 * small - table.header_height)
            for number, (first, last) in enumerate(pages):
                if drawn:
                    device.newPage()
                heading.draw(painter, QPointF((width - heading.width) / 2, 0))
                printed.draw(painter, QPointF(width - printed.width, heading.height))
                table.draw(painter, top, first, last)
                footer = _Text(device, layer, translate("Roster", "Page {page} of {pages}").format(
                    page=number + 1, pages=len(pages)), chinese_font(SMALL_PT), width)
                footer.draw(painter, QPointF((width - footer.width) / 2, height - footer.height))
                drawn += 1
        return drawn
    finally:
        painter.end()


class _Text:
    """A text laid out once at the device's resolution, in lines at most width wide (at most
    max_lines; the last one elided when the text needs more), drawn wherever asked."""

    def __init__(self, device: QPagedPaintDevice, layer: TextLayer, text: str, font: QFont, width: float,
                 max_lines: int = 0):
        self.layer = layer
        layout = _lay_out(text, font, device, width)
        if max_lines and layout.lineCount() > max_lines:
            cut = layout.lineAt(max_lines - 1).textStart()
            rest = QFontMetricsF(font, device).elidedText(text[cut:].replace("\n", " "), Qt.TextElideMode.ElideRight, width)
            text = text[:cut] + rest
            layout = _lay_out(text, font, device, width)
        lines = [layout.lineAt(i) for i in range(min(layout.lineCount(), max_lines or layout.lineCount()))]
        self.width = max((line.naturalTextWidth() for line in lines), default=0.0)
        self.height = lines[-1].rect().bottom() if lines else 0.0
        self.glyphs: list[Glyphs] = [g for line in lines for g in layer.line_glyphs(line, text)]

    def draw(self, painter: QPainter, origin: QPointF) -> None:
        self.layer.draw(painter, origin, self.glyphs)


def _lay_out(text: str, font: QFont, device: QPagedPaintDevice, width: float) -> QTextLayout:
    layout = QTextLayout(text, font, device)
    option = QTextOption()
    option.setWrapMode(QTextOption.WrapMode.WrapAtWordBoundaryOrAnywhere)
    layout.setTextOption(option)
    layout.beginLayout()
    y = 0.0
    while True:
        line = layout.createLine()
        if not line.isValid():
            break
        line.setLineWidth(width)
        line.setPosition(QPointF(0, y))
        y += line.height()
    layout.endLayout()
    return layout


class _Table:
    """The rows measured once: column widths, each row's height, and drawing any run of rows."""

    def __init__(self, device: QPagedPaintDevice, layer: TextLayer, headers: list[str], rows: list[list], width: float,
                 signature: bool = False, table_pt: float = TABLE_PT):
        self.device, self.layer = device, layer
        self.unit = device.resolution() / 72  # device pixels per point
        self.padding = PADDING_PT * self.unit
        self.font, self.bold = chinese_font(table_pt), chinese_font(table_pt, bold=True)
        self.metrics = QFontMetricsF(self.font, device)
        self.line_height = self.metrics.height()
        per_mm = device.resolution() / 25.4
        if signature:  # a row is tall enough to sign in
            self.line_height = max(self.line_height, SIGNATURE_MM[1] * per_mm - 2 * self.padding)
        self.texts = [["" if v is None else str(v) for v in row] for row in rows]
        self.widths, need = _column_widths(device, headers, self.texts, width, 2 * self.padding + self.unit,
                                           {len(headers) - 1: SIGNATURE_MM[0] * per_mm} if signature else {}, table_pt)
        # Columns whose cells may need more than one line: their widest text (as widest() guesses it from
        # character counts, so with some room to spare) does not fit. A cell of any other column is one
        # line, so a row's height is found without measuring each of its cells.
        self.may_wrap = {i for i, (w, n) in enumerate(zip(self.widths, need)) if n > 0.75 * w}
        self.x = [sum(self.widths[:i]) for i in range(len(self.widths) + 1)]
        self.inner = [w - 2 * self.padding for w in self.widths]
        self.header = [_Text(device, layer, h, self.bold, w, MAX_LINES) for h, w in zip(headers, self.inner)]
        self.header_height = max((t.height for t in self.header), default=self.line_height) + 2 * self.padding
        self.shaped: dict[tuple[int, str], _Text] = {}
        self.wrapping = {i: {t for t in {row[i] for row in self.texts} if t and self.metrics.horizontalAdvance(t) > self.inner[i]}
                         for i in self.may_wrap}  # each distinct text measured once
        self.heights = [self._height(row) for row in self.texts]

    def _height(self, row: list[str]) -> float:
        tallest = self.line_height
        for column, wrapping in self.wrapping.items():
            if row[column] in wrapping:
                tallest = max(tallest, self._cell(column, row[column]).height)
        return tallest + 2 * self.padding

    def _cell(self, column: int, text: str) -> _Text:
        key = (column, text)
        cell = self.shaped.get(key)
        if cell is None:
            if len(self.shaped) >= SHAPED_KEPT:
                self.shaped.clear()
            lines = MAX_LINES if column in self.may_wrap else 1  # a guess gone wrong is elided, never overflows
            cell = self.shaped[key] = _Text(self.device, self.layer, text, self.font, self.inner[column], lines)
        return cell

    def pages(self, body: float) -> list[tuple[int, int]]:
        """The rows of each page as (first, last + 1) when body is the height below the header row."""
        pages, first, used = [], 0, 0.0
        for index, h in enumerate(self.heights):
            if used + h > body and index > first:
                pages.append((first, index))
                first, used = index, 0.0
            used += h
        pages.append((first, len(self.heights)))
        return pages

    def draw(self, painter: QPainter, top: float, first: int, last: int) -> None:
        """The header row at top and rows first..last-1 under it, ruled."""
        pad = QPointF(self.padding, self.padding)
        bottom = top + self.header_height + sum(self.heights[first:last])
        painter.fillRect(QRectF(0, top, self.x[-1], self.header_height), HEADER_FILL)
        rules = [QLineF(x, top, x, bottom) for x in self.x]
        for column, text in enumerate(self.header):
            text.draw(painter, QPointF(self.x[column], top) + pad)
        y = top + self.header_height
        rules.append(QLineF(0, top, self.x[-1], top))
        for index in range(first, last):
            rules.append(QLineF(0, y, self.x[-1], y))
            for column, text in enumerate(self.texts[index]):
                if text:
                    self._cell(column, text).draw(painter, QPointF(self.x[column], y) + pad)
            y += self.heights[index]
        rules.append(QLineF(0, bottom, self.x[-1], bottom))
        painter.save()
        painter.setPen(QPen(RULE_COLOUR, RULE_PT * self.unit))
        painter.drawLines(rules)
        painter.restore()


def _column_widths(device: QPagedPaintDevice, headers: list[str], rows: list[list[str]], width: float,
                   padding: float, least: dict[int, float], font_pt: float) -> tuple[list[float], list[float]]:
    """Column widths filling width, and the width each column's widest text needs. First each column gets room for its longest word that must not
    break (a student number, a date, an ID, an English word of the header; Chinese breaks between any
    two characters); then, where the page allows, room for its widest text, and when it does not,
    the widest columns share what is left and their texts wrap (water-filling)."""
    plain = QFontMetricsF(chinese_font(font_pt), device)
    bold = QFontMetricsF(chinese_font(font_pt, bold=True), device)
    need, words = [], []
    for i, header in enumerate(headers):
        # the widest texts by character count; measuring every value in the font would be slow
        texts = widest((row[i] for row in rows if i < len(row)), 3)
        text = max((plain.horizontalAdvance(v) for v in texts), default=0.0)
        word = max([bold.horizontalAdvance(w) for w in header.split()]
                   + [plain.horizontalAdvance(w) for v in texts for w in v.split() if w.isascii()], default=0.0)
        word = max(word + padding, least.get(i, 0.0))  # the signature column: room for a handwritten name
        need.append(max(text + padding, word))
        words.append(word)
    if sum(words) >= width:  # not even the words fit: everything wraps
        return [width * w / (sum(words) or 1) for w in words], need
    extra = [n - w for n, w in zip(need, words)]
    assigned = [0.0] * len(need)
    remaining, left = width - sum(words), sorted(range(len(need)), key=lambda i: extra[i])
    while left:
        fair = remaining / len(left)
        i = left[0]
        if extra[i] > fair:
            for j in left:
                assigned[j] = fair
            break
        assigned[i] = extra[i]
        remaining -= extra[i]
        left.pop(0)
    widths = [w + a for w, a in zip(words, assigned)]
    # When everything fits, half the room left goes to the signature (a name signed at a desk is wide),
    # and the columns widen alike with the rest.
    widths = [w + ((width - sum(widths)) / 2 / len(least) if i in least else 0.0) for i, w in enumerate(widths)]
    spare = (width - sum(widths)) / sum(widths)
    return [w * (1 + spare) for w in widths], need

"""The printed roster: an A4 landscape table with a title, the date and page numbers.

write_pdf() writes a PDF; render() draws onto any paged device, so the export dialog prints the
same pages through a QPrinter. The table is a QTextDocument laid out at the device's resolution,
its header row repeated on every page. Text is set in a Simplified Chinese font (mentormatch.fonts),
and the PDF's text layer is repaired by mentormatch.pdf_text so that copy and search work.
Needs a QGuiApplication.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path

from PySide6.QtCore import QMarginsF, QPointF, QRectF, QSizeF, Qt
from PySide6.QtGui import (QBrush, QColor, QFontMetricsF, QPageLayout, QPageSize, QPagedPaintDevice, QPainter, QPdfWriter,
                           QTextCharFormat, QTextCursor, QTextDocument, QTextFrameFormat, QTextLength, QTextOption,
                           QTextTableFormat)

from mentormatch.exporter import widest
from mentormatch.fonts import chinese_font
from mentormatch.i18n import translate
from mentormatch.pdf_text import TextLayer

RESOLUTION = 300  # dots per inch of the PDF writer
MARGINS_MM = QMarginsF(12, 12, 12, 12)
TABLE_PT = 8
TITLE_PT = 14
SMALL_PT = 8
PADDING = 2


def write_pdf(path: str | Path, title: str, headers: list[str], rows: list[list]) -> None:
    """Write the roster as a PDF file at path, with a text layer that copies and searches correctly."""
    writer = QPdfWriter(str(path))
    writer.setResolution(RESOLUTION)
    writer.setTitle(title)
    writer.setCreator("MentorMatch")
    writer.setPageLayout(page_layout())
    layer = TextLayer()
    render(writer, title, headers, rows, layer)
    del writer  # the file is complete once the writer is gone
    layer.repair(path)


def page_layout() -> QPageLayout:
    return QPageLayout(QPageSize(QPageSize.PageSizeId.A4), QPageLayout.Orientation.Landscape, MARGINS_MM,
                       QPageLayout.Unit.Millimeter)


def render(device: QPagedPaintDevice, title: str, headers: list[str], rows: list[list], layer: TextLayer | None = None) -> int:
    """Draw the roster onto device page by page; returns the number of pages.

    Every text is drawn from a QTextDocument and recorded in layer (pdf_text repairs the PDF's
    text layer from that record, in drawing order)."""
    painter = QPainter()
    if not painter.begin(device):
        raise OSError(translate("Roster", "The printer or PDF file could not be opened."))
    try:
        page = device.pageLayout().paintRectPixels(device.resolution())
        width, height = float(page.width()), float(page.height())
        heading = _line_document(device, title, chinese_font(TITLE_PT, bold=True), width, Qt.AlignmentFlag.AlignHCenter)
        printed = _line_document(device, translate("Roster", "Printed {date}").format(date=date.today().isoformat()),
                                 chinese_font(SMALL_PT), width, Qt.AlignmentFlag.AlignRight)
        heading_h = heading.size().height() + printed.size().height()
        footer_h = printed.size().height() * 1.5
        table = _table_document(device, headers, rows, QSizeF(width, height - heading_h - footer_h))
        pages = max(table.pageCount(), 1)
        body_h = table.pageSize().height()
        for number in range(pages):
            if number:
                device.newPage()
            footer = _line_document(device, translate("Roster", "Page {page} of {pages}").format(page=number + 1, pages=pages),
                                    chinese_font(SMALL_PT), width, Qt.AlignmentFlag.AlignHCenter)
            _draw(painter, heading, QPointF(0, 0), None, layer)
            _draw(painter, printed, QPointF(0, heading.size().height()), None, layer)
            _draw(painter, table, QPointF(0, heading_h - number * body_h), QRectF(0, number * body_h, width, body_h), layer)
            _draw(painter, footer, QPointF(0, height - footer.size().height()), None, layer)
        return pages
    finally:
        painter.end()


def _draw(painter: QPainter, document: QTextDocument, origin: QPointF, clip: QRectF | None, layer: TextLayer | None) -> None:
    painter.save()
    painter.translate(origin)
    document.drawContents(painter, clip if clip is not None else QRectF())
    painter.restore()
    if layer is not None:
        layer.add_document(document, clip)


def _line_document(device: QPagedPaintDevice, text: str, font, width: float, align: Qt.AlignmentFlag) -> QTextDocument:
    document = QTextDocument()
    document.documentLayout().setPaintDevice(device)
    document.setDefaultFont(font)
    document.setDocumentMargin(0)
    document.setTextWidth(width)
    option = QTextOption(align)
    document.setDefaultTextOption(option)
    document.setPlainText(text)
    return document


def _table_document(device: QPagedPaintDevice, headers: list[str], rows: list[list], size: QSizeF) -> QTextDocument:
    document = QTextDocument()
    document.documentLayout().setPaintDevice(device)
    document.setDefaultFont(chinese_font(TABLE_PT))
    document.setDocumentMargin(0)
    document.setPageSize(size)
    table_format = QTextTableFormat()
    table_format.setHeaderRowCount(1)
    # Lengths in text formats are in pixels of the screen's resolution (about 3/4 pt), scaled to the device.
    table_format.setCellPadding(PADDING)
    table_format.setCellSpacing(0)
    table_format.setBorder(1)
    table_format.setBorderBrush(QBrush(QColor("#808080")))
    table_format.setBorderStyle(QTextFrameFormat.BorderStyle.BorderStyle_Solid)
    table_format.setBorderCollapse(True)
    table_format.setWidth(QTextLength(QTextLength.Type.PercentageLength, 100))
    table_format.setColumnWidthConstraints(_column_widths(device, headers, rows, size.width()))
    cursor = QTextCursor(document)
    cursor.beginEditBlock()  # one layout at the end instead of one per cell
    table = cursor.insertTable(len(rows) + 1, max(len(headers), 1), table_format)
    bold = QTextCharFormat()
    bold.setFontWeight(700)
    header_fill = QTextCharFormat()
    header_fill.setBackground(QBrush(QColor("#e8e8e8")))
    for column, text in enumerate(headers):
        cell = table.cellAt(0, column)
        cell.setFormat(header_fill)
        cell.firstCursorPosition().insertText(text, bold)
    plain = QTextCharFormat()
    for r, row in enumerate(rows, start=1):
        for column, value in enumerate(row):
            if value not in (None, ""):
                table.cellAt(r, column).firstCursorPosition().insertText(str(value), plain)
    cursor.endEditBlock()
    return document


def _column_widths(device: QPagedPaintDevice, headers: list[str], rows: list[list], width: float) -> list[QTextLength]:
    """Column widths: each column as wide as its widest text where the page allows; when it does not,
    the widest columns share what is left and their texts wrap (water-filling)."""
    plain = QFontMetricsF(chinese_font(TABLE_PT), device)
    bold = QFontMetricsF(chinese_font(TABLE_PT, bold=True), device)
    padding = (PADDING + 1) * device.resolution() / 72  # the cell's padding and borders, generously, in device pixels
    need = []
    for i, header in enumerate(headers):
        # the widest texts by character count; measuring every value in the font would be slow
        texts = widest((str(row[i]) for row in rows if i < len(row) and row[i] not in (None, "")), 3)
        text = max((plain.horizontalAdvance(v) for v in texts), default=0.0)
        word = max((bold.horizontalAdvance(w) for w in header.split()), default=0.0)
        need.append(max(text, word) + 2 * padding)
    assigned = [0.0] * len(need)
    remaining, left = width, sorted(range(len(need)), key=lambda i: need[i])
    while left:
        fair = remaining / len(left)
        i = left[0]
        if need[i] > fair:
            for j in left:
                assigned[j] = fair
            break
        assigned[i] = need[i]
        remaining -= need[i]
        left.pop(0)
    total = sum(assigned) or 1
    return [QTextLength(QTextLength.Type.PercentageLength, 100 * a / total) for a in assigned]

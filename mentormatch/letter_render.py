"""Drawing filled letter HTML onto A4 pages: a PDF file, a printer or a preview image.

The one place of the letters that touches QtGui. Sizes are in points and millimetres. Every
letter is laid out at one resolution (LAYOUT_DPI, the PDF's), whatever it is drawn on, and the
painter is scaled to the device: a preview image, a printer and the PDF break lines at the same
places. Each letter is a QTextDocument laid out on the page's text area, and is
always one sheet: a letter too long for it is set again a Chinese type step smaller (every pt
of the template scaled alike, body 三号 → 小三 → 四号 → 小四), and one that does not fit even
then is refused with a message rather than run onto a second sheet.

Laid out as official documents are (GB/T 9704): a text the template marks <a name="seal"> is
an issuer's name (the k-th mark the k-th issuer's; the mark runs to the end of its paragraph or
cell); it and the date, marked <a name="date">, are set a little smaller when they would break
onto a second line. An issuer's seal (a PNG with
transparency) is centred over it, the name just below the seal's centre so that the seal presses
on the name and the date under it, moved and sized as the issuer's SealPlace says. Seals are
drawn under the text, a little translucent, as ink: the text they press on stays legible. In
landscape the date is set clear below the seals. A title spaced out
with letter-spacing stays centred (Qt adds the spacing after the last character too), and the
whole text stands in the middle of the sheet's height. A decorative border is drawn with
QPainter. One QImage per seal is drawn on every page, so the PDF stores it once.
"""

from __future__ import annotations

import functools
import math
import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path

from PySide6.QtCore import QMarginsF, QPointF, QRectF, Qt
from PySide6.QtGui import (
    QColor,
    QFont,
    QImage,
    QPagedPaintDevice,
    QPageLayout,
    QPageSize,
    QPainter,
    QPdfWriter,
    QPen,
    QTextBlock,
    QTextBlockFormat,
    QTextCharFormat,
    QTextCursor,
    QTextDocument,
    QTextFormat,
)

from mentormatch import files
from mentormatch.errors import UserError
from mentormatch.fonts import chinese_font
from mentormatch.i18n import translate
from mentormatch.pdf_text import TextLayer

PDF_DPI = 600
LAYOUT_DPI = PDF_DPI  # every letter is laid out at this resolution, whatever it is drawn on
MM = 72 / 25.4  # points per millimetre
BODY_PT = 16  # 三号, the body size of formal Chinese documents
TYPE_STEPS = (16, 15, 14, 12)  # body sizes tried in turn until a letter fits one sheet: 三号, 小三, 四号, 小四
SEAL_MM = 40  # an official seal's diameter
SEAL_INK = 0.88  # the seal's opacity: red ink, not a sticker
NAME_SMALLEST = 0.5  # an issuer's name is set at least this fraction of its size to keep it on one line
DATE_CLEARANCE_MM = 1.5  # between a seal and the date set below it (landscape)
SEAL_ROOM_MM = 2  # between the text and the top of the first row of seals ("上距正文一行之内")
BORDER_COLOUR = QColor("#a0161b")
_STYLE = re.compile(r'style\s*=\s*"([^"]*)"', re.IGNORECASE)
_POINTS = re.compile(r"(-?\d+(?:\.\d+)?)pt\b")
_CENTRED = re.compile(r"<p\b[^>]*(?:\balign\s*=\s*\"?center|text-align\s*:\s*center)[^>]*>", re.IGNORECASE)
_SPACING = re.compile(r"letter-spacing\s*:\s*(\d+(?:\.\d+)?)pt\b", re.IGNORECASE)


@dataclass(frozen=True)
class SealPlace:
    """Where an issuer's seal goes: its diameter, and how far it is moved from its place over the name."""

    size_mm: float = SEAL_MM
    right_mm: float = 0.0
    down_mm: float = 0.0


@dataclass(frozen=True)
class PageOptions:
    landscape: bool = False
    border: bool = True
    font_family: str = ""  # "" = the best installed Simplified Chinese family
    seals: dict[str, bytes] = field(default_factory=dict)  # issuer -> PNG
    seal_places: dict[str, SealPlace] = field(default_factory=dict)  # issuer -> its seal's place, else SealPlace()


@dataclass(frozen=True)
class Page:
    html: str
    issuers: tuple[str, ...] = ()
    label: str = ""  # names the letter in messages, e.g. its serial and the mentor


@dataclass
class _Laid:
    """A letter laid out on its sheet: where its seals go and how far it stands down the text area (layout pixels)."""

    seals: list[tuple[str, QRectF]]  # issuer, the seal's square in document coordinates
    top: float = 0.0


class PageRenderer:
    """Draws pages with one set of options; keep one for a whole batch."""

    def __init__(self, options: PageOptions):
        self.options = options
        body = chinese_font(BODY_PT, options.font_family or None)
        self._fonts: list[tuple[int, QFont]] = []  # (body size, the default font in it) per type step
        for body_pt in TYPE_STEPS:
            font = QFont(body)
            font.setPointSizeF(body_pt)
            self._fonts.append((body_pt, font))
        self._seals: dict[str, QImage] = {}
        for issuer, png in options.seals.items():
            image = QImage.fromData(png)
            if not image.isNull():
                self._seals[issuer] = image
        # the device every letter is laid out for: its resolution is all that is used
        self._layout_device = QImage(1, 1, QImage.Format.Format_ARGB32_Premultiplied)
        self._layout_device.setDotsPerMeterX(round(LAYOUT_DPI / 0.0254))
        self._layout_device.setDotsPerMeterY(round(LAYOUT_DPI / 0.0254))

    def page_layout(self) -> QPageLayout:
        orientation = QPageLayout.Orientation.Landscape if self.options.landscape else QPageLayout.Orientation.Portrait
        return QPageLayout(QPageSize(QPageSize.PageSizeId.A4), orientation, QMarginsF(0, 0, 0, 0))

    def paint(self, device: QPagedPaintDevice, pages: Iterable[Page], keep_going: Callable[[int], bool] | None = None,
              abandon: Callable[[], object] | None = None) -> TextLayer | None:
        """Draw pages on a printer or PDF writer whose page layout is page_layout().

        keep_going(done) is asked after each letter; False stops. Returns the text drawn (for
        TextLayer.repair), or None when stopped. abandon() is called when drawing fails, before
        painting ends (a printer gets its job when painting ends: QPrinter.abort sends none).
        """
        return self._paint(device, device.resolution(), pages, keep_going, device.newPage, abandon)

    def image(self, page: Page, width_px: int) -> QImage:
        """page as an image width_px wide (the previews of the template editor and the letter options)."""
        size = self.page_layout().fullRect(QPageLayout.Unit.Point).size()
        dpi = width_px / (size.width() / 72)
        image = QImage(width_px, round(size.height() / 72 * dpi), QImage.Format.Format_ARGB32_Premultiplied)
        image.setDotsPerMeterX(round(dpi / 0.0254))
        image.setDotsPerMeterY(round(dpi / 0.0254))
        image.fill(Qt.GlobalColor.white)
        self._paint(image, dpi, [page], None, None, None)
        return image

    def _paint(self, device, dpi: float, pages: Iterable[Page], keep_going, new_page, abandon) -> TextLayer | None:
        unit = LAYOUT_DPI / 72  # layout pixels per point
        paper = self.page_layout().fullRect(QPageLayout.Unit.Point)
        page_rect = QRectF(0, 0, paper.width() * unit, paper.height() * unit)
        side = (32 if self.options.landscape else 28) * MM * unit
        text_rect = page_rect.marginsRemoved(QMarginsF(side, 26 * MM * unit, side, 22 * MM * unit))

        doc = QTextDocument()
        doc.documentLayout().setPaintDevice(self._layout_device)
        doc.setDocumentMargin(0)
        doc.setPageSize(text_rect.size())
        layer = TextLayer()
        painter = QPainter()
        if not painter.begin(device):
            raise UserError(translate("Render", "Cannot start drawing on the printer or file."))
        painter.scale(dpi / LAYOUT_DPI, dpi / LAYOUT_DPI)
        try:
            pages = list(pages)
            # Letters of one batch are handed out side by side, so they share one type size: the one the
            # longest letter needs. A letter that still does not fit goes a step smaller on its own.
            batch_step = self._fit(doc, max(pages, key=lambda p: len(p.html)), unit)[0] if len(pages) > 1 else 0
            first = True
            for done, page in enumerate(pages, 1):
                laid = self._fit(doc, page, unit, batch_step)[1]
                if not first and not new_page():
                    raise UserError(translate("Render", "Cannot start a new page on the printer or file."))
                first = False
                if self.options.border:
                    _draw_border(painter, page_rect, unit)
                self._draw_text(painter, doc, text_rect.topLeft() + QPointF(0, laid.top), text_rect.size(), laid.seals, layer)
                if keep_going is not None and not keep_going(done):
                    return None
        except BaseException:
            if abandon is not None:
                abandon()
            raise
        finally:
            painter.end()
        return layer

    def _fit(self, doc: QTextDocument, page: Page, unit: float, first_step: int = 0) -> tuple[int, _Laid]:
        """Lay page out on one sheet in the largest type step from first_step on that fits; returns
        the step and the letter's seals and place; UserError if none fits."""
        for step in range(first_step, len(self._fonts)):
            body_pt, font = self._fonts[step]
            if doc.defaultFont() != font:  # setting it lays the previous letter out again
                doc.clear()
                doc.setDefaultFont(font)
            doc.setHtml(_points_to_pixels(_centre_spaced(page.html), unit, body_pt / BODY_PT))
            if doc.pageCount() > 1:
                continue
            marks = _all_marks(doc)
            names, dates = marks.get("seal", []), marks.get("date", [])
            if _keep_whole(doc, names + dates) and doc.pageCount() > 1:
                continue
            seals = self._seal_squares(doc, names, page.issuers, unit)
            # both moves measured on this layout (the room above the seals moves the date as much as them),
            # and laid out once, together, when the edit block ends
            edit = QTextCursor(doc)
            edit.beginEditBlock()
            moved = self.options.landscape and _set_below(doc, dates, seals, DATE_CLEARANCE_MM * MM * unit)
            moved = _make_room(doc, names, dates, seals, SEAL_ROOM_MM * MM * unit) or moved
            edit.endEditBlock()
            if moved:
                if doc.pageCount() > 1:
                    continue
                seals = self._seal_squares(doc, names, page.issuers, unit)
            return step, _Laid(seals, _balance(doc, seals))
        raise UserError(translate("Render", "The letter {letter} does not fit on one sheet even in {size} pt type. "
                                    "Shorten its template or choose the other paper orientation.").format(
            letter=page.label, size=TYPE_STEPS[-1]))

    def _seal_squares(self, doc: QTextDocument, names: list[tuple[QTextBlock, int, int]], issuers: tuple[str, ...],
                      unit: float) -> list[tuple[str, QRectF]]:
        """Each issuer's seal square: centred across its name, the name's top at the seal's centre (the name,
        and the date set under it, "居印章中心偏下"), then moved and sized as the issuer's SealPlace says."""
        squares = []
        for issuer, (block, start, end) in zip(issuers, names):
            place = self.options.seal_places.get(issuer, SealPlace())
            name = _text_rect(doc, block, start, end)
            size = place.size_mm * MM * unit
            centre = QPointF(name.center().x() + place.right_mm * MM * unit, name.top() + place.down_mm * MM * unit)
            squares.append((issuer, QRectF(centre.x() - size / 2, centre.y() - size / 2, size, size)))
        return squares

    def _draw_text(self, painter: QPainter, doc: QTextDocument, origin: QPointF, size, seals: list[tuple[str, QRectF]],
                   layer: TextLayer) -> None:
        clip = QRectF(QPointF(0, 0), size)
        painter.save()
        painter.translate(origin)
        painter.setOpacity(SEAL_INK)
        for issuer, square in seals:  # under the text: ink over the words, not a sticker on them
            seal = self._seals.get(issuer)
            if seal is not None:
                painter.drawImage(square, seal)
        painter.setOpacity(1)
        doc.drawContents(painter, clip)
        layer.add_document(doc, clip)
        painter.restore()


def _draw_border(painter: QPainter, page: QRectF, unit: float) -> None:
    """A formal double rule: a heavy outer line and a fine inner one."""
    outer = page.marginsRemoved(QMarginsF(*(12 * MM * unit,) * 4))
    inner = outer.marginsRemoved(QMarginsF(*(2.5 * MM * unit,) * 4))
    painter.save()
    painter.setBrush(Qt.BrushStyle.NoBrush)
    painter.setPen(QPen(BORDER_COLOUR, 2.4 * unit))
    painter.drawRect(outer)
    painter.setPen(QPen(BORDER_COLOUR, 0.8 * unit))
    painter.drawRect(inner)
    painter.restore()


def _points_to_pixels(html: str, unit: float, scale: float = 1.0) -> str:
    """Let templates give every length in pt, and scale them all by scale. Qt's rich text takes
    pt only for font-size; it ignores pt margins, paddings, indents and letter spacing, reads px
    in those as 1/96 inch except for text-indent (device pixels). Rewrite those pt as px."""
    return _STYLE.sub(lambda match: _style_in_pixels(match.group(1), unit, scale), html)


@functools.lru_cache(maxsize=256)  # a batch's letters repeat their template's few styles
def _style_in_pixels(declarations: str, unit: float, scale: float) -> str:
    """One style attribute of _points_to_pixels, rewritten."""

    def length(prop: str, points: float) -> str:
        if prop == "font-size":
            return f"{points * scale:.2f}pt"
        per_point = unit if prop == "text-indent" else 96 / 72
        return f"{points * scale * per_point:.2f}px"

    rewritten = []
    for declaration in declarations.split(";"):
        prop, colon, value = declaration.partition(":")
        name = prop.strip().lower()
        if colon:
            value = _POINTS.sub(lambda n: length(name, float(n.group(1))), value)
        rewritten.append(prop + colon + value)
    return f'style="{";".join(rewritten)}"'


def _centre_spaced(html: str) -> str:
    """Qt adds letter-spacing after a line's last character too, which pushes a spaced-out centred
    title (聘　书) off centre by half the spacing: a first-line indent as wide as the spacing (a
    centred line moves by half its indent) brings it back."""

    def tag(match: re.Match) -> str:
        spacing = _SPACING.search(match.group(0))
        if spacing is None or "text-indent" in match.group(0).lower():
            return match.group(0)
        return _SPACING.sub(lambda s: f"{s.group(0)}; text-indent: {spacing.group(1)}pt", match.group(0), count=1)

    return _CENTRED.sub(tag, html)


def _marks(doc: QTextDocument, name: str) -> list[tuple[QTextBlock, int, int]]:
    """The texts marked <a name="name">, in document order: (block, start, end) within the block.

    A mark's text runs from the anchor to the end of its paragraph (Qt keeps the anchor on the
    first character only); templates put an issuer's name or the date in a cell or paragraph of its own.
    """
    return _all_marks(doc).get(name, [])


def _all_marks(doc: QTextDocument) -> dict[str, list[tuple[QTextBlock, int, int]]]:
    """_marks of every name, read in one pass over the document."""
    marks: dict[str, list[tuple[QTextBlock, int, int]]] = {}
    block = doc.begin()
    while block.isValid():
        it = block.begin()
        while not it.atEnd():
            fragment = it.fragment()
            char_format = fragment.charFormat()
            if char_format.isAnchor():
                start = fragment.position() - block.position()
                for name in char_format.anchorNames():
                    marks.setdefault(name, []).append((block, start, max(len(block.text().rstrip()), start + 1)))
            it += 1
        block = block.next()
    return marks


def _lines(block: QTextBlock, start: int, end: int) -> range:
    layout = block.layout()
    return range(layout.lineForTextPosition(start).lineNumber(), layout.lineForTextPosition(end - 1).lineNumber() + 1)


def _text_lines(block: QTextBlock, start: int, end: int) -> list[range]:
    """The lines each text line of a mark is laid out on: a mark may hold line breaks of its own (<br>)."""
    spans, text = [], block.text()
    for part in text[start:end].split("\u2028"):
        if part.strip():
            spans.append(_lines(block, start, start + len(part.rstrip())))
        start += len(part) + 1
    return spans


def _text_rect(doc: QTextDocument, block: QTextBlock, start: int, end: int) -> QRectF:
    """The box of a block's text from start to end, in document coordinates."""
    layout = block.layout()
    rect = QRectF()
    for number in _lines(block, start, end):
        line = layout.lineAt(number)
        left = line.cursorToX(max(start, line.textStart()))[0]
        right = line.cursorToX(min(end, line.textStart() + line.textLength()))[0]
        rect = rect.united(QRectF(left, line.y(), right - left, line.height()))
    return rect.translated(doc.documentLayout().blockBoundingRect(block).topLeft())


def _keep_whole(doc: QTextDocument, marks: list[tuple[QTextBlock, int, int]]) -> bool:
    """Set each marked text (a name, the date) that breaks onto another line smaller, until it fits on
    one (down to NAME_SMALLEST of its size; a longer name the coordinator shortens: the issuer's name
    on letters). A mark with a line break of its own (the bilingual date) counts its longest line.
    Returns whether anything changed (the document is laid out again)."""
    def size_at(block: QTextBlock, start: int) -> float:
        cursor = QTextCursor(doc)
        cursor.setPosition(block.position() + start + 1)
        return cursor.charFormat().fontPointSize() or doc.defaultFont().pointSizeF()

    smallest: dict[int, float] = {}  # mark -> NAME_SMALLEST of its size, from when it was first found broken
    changed = False
    for _ in range(3):  # the new size is computed from the widths: one step, rarely a second
        again = False
        for number, (block, start, end) in enumerate(marks):
            layout = block.layout()
            broken = [lines for lines in _text_lines(block, start, end) if len(lines) > 1]
            if not broken:
                continue
            size = size_at(block, start)
            least = smallest.setdefault(number, size * NAME_SMALLEST)
            if size <= least:
                continue
            fits = min(layout.lineAt(lines[0]).width() / sum(layout.lineAt(n).naturalTextWidth() for n in lines)
                       for lines in broken)
            shrink = QTextCharFormat()
            shrink.setFontPointSize(max(least, math.floor(size * fits * 4) / 4))
            cursor = QTextCursor(doc)
            cursor.setPosition(block.position() + start)
            cursor.setPosition(block.position() + end, QTextCursor.MoveMode.KeepAnchor)
            cursor.mergeCharFormat(shrink)
            again = changed = True
        if not again:
            break
        doc.pageCount()  # lays the document out again
    return changed


def _make_room(doc: QTextDocument, names: list[tuple[QTextBlock, int, int]], dates: list[tuple[QTextBlock, int, int]],
               seals: list[tuple[str, QRectF]], gap: float) -> bool:
    """Move the first row of issuers down until its seals' top is gap below the text above them
    (whatever the seal's size and the type step); returns whether they are to move (the document
    is laid out again when next asked)."""
    if not seals:
        return False
    top = min(square.top() for _, square in seals)
    first_row = [mark for mark, (_, square) in zip(names, seals) if square.top() - top < 1]
    names_top = min(_text_rect(doc, *mark).top() for mark in first_row)
    marked = {block.blockNumber() for block, _, _ in names + dates}
    layout = doc.documentLayout()
    above = [layout.blockBoundingRect(block).bottom() for block in _blocks(doc)
             if block.text().strip() and block.blockNumber() not in marked]
    text_bottom = max((bottom for bottom in above if bottom <= names_top), default=None)
    if text_bottom is None or top >= text_bottom + gap - 0.5:
        return False
    by = (text_bottom + gap - top) * 96 / layout.paintDevice().logicalDpiY()  # frames keep CSS pixels
    table = QTextCursor(first_row[0][0]).currentTable()
    if table is not None and all(table.cellAt(block.position()).row() == 0 for block, _, _ in first_row):
        room = table.format()  # the row opens its table: one margin above the table moves the whole row
        room.setTopMargin(room.topMargin() + by)
        table.setFormat(room)
    else:
        for block, _, _ in first_row:
            _move_down(block, by)
    return True


def _blocks(doc: QTextDocument) -> Iterable[QTextBlock]:
    block = doc.begin()
    while block.isValid():
        yield block
        block = block.next()


def _set_below(doc: QTextDocument, dates: list[tuple[QTextBlock, int, int]], seals: list[tuple[str, QRectF]],
               clearance: float) -> bool:
    """Move each marked date down, clear of the seals above it; returns whether any is to move (the
    document is laid out again when next asked)."""
    moved = False
    for block, start, end in dates:
        date = _text_rect(doc, block, start, end)
        bottom = max((square.bottom() for _, square in seals
                      if square.left() < date.right() and date.left() < square.right() and square.top() < date.top()),
                     default=None)
        if bottom is not None and date.top() < bottom + clearance:
            _move_down(block, (bottom + clearance - date.top()) * 96 / doc.documentLayout().paintDevice().logicalDpiY())
            moved = True
    return moved


def _move_down(block: QTextBlock, by: float) -> None:
    """Move a paragraph down by CSS pixels (1/96 inch, as Qt keeps margins and paddings): a table
    cell's top padding grows (Qt ignores a block's margin there), else its top margin."""
    cursor = QTextCursor(block)
    table = cursor.currentTable()
    if table is None:
        spacing = QTextBlockFormat()
        spacing.setTopMargin(block.blockFormat().topMargin() + by)
        cursor.mergeBlockFormat(spacing)
        return
    cell = table.cellAt(cursor)
    padding = cell.format().toTableCellFormat()
    own = padding.hasProperty(QTextFormat.Property.TableCellTopPadding)
    padding.setTopPadding((padding.topPadding() if own else table.format().cellPadding()) + by)
    cell.setFormat(padding)


def _balance(doc: QTextDocument, seals: list[tuple[str, QRectF]]) -> float:
    """How far down the text area the letter stands so that it is in the middle of it: the text and
    its seals, from the top of the first line to the lowest of the text or the seals."""
    layout = doc.documentLayout()
    bottom = max([square.bottom() for _, square in seals]
                 + [layout.blockBoundingRect(block).bottom() for block in _blocks(doc) if block.text().strip()], default=0.0)
    return max(0.0, (doc.pageSize().height() - bottom) / 2)


class PendingPdf:
    """A PDF written to a temporary file next to its target, for letters.Batch.commit() to put in place."""

    def __init__(self, temp: Path, target: Path):
        self.temp, self.target = temp, target

    def discard(self) -> None:
        self.temp.unlink(missing_ok=True)


def render_pdf(target: str | Path, pages: Iterable[Page], renderer: PageRenderer,
               keep_going: Callable[[int], bool] | None = None, title: str = "") -> PendingPdf | None:
    """Write pages as one PDF into a temporary file beside target; None (and no file) when stopped."""
    target = Path(target)
    try:
        files.private_folder(target.parent)
        temp = files.temp_beside(target)
    except OSError as exc:
        raise UserError(translate("Render", "Cannot write into {folder}: {error}").format(folder=target.parent, error=exc)) from exc
    try:
        writer = QPdfWriter(str(temp))
        writer.setResolution(PDF_DPI)
        writer.setPageLayout(renderer.page_layout())
        writer.setCreator("MentorMatch")
        writer.setTitle(title)
        layer = renderer.paint(writer, pages, keep_going)
        del writer  # closes the file
        if layer is None:
            temp.unlink(missing_ok=True)
            return None
        layer.repair(temp)
    except BaseException:
        temp.unlink(missing_ok=True)
        raise
    return PendingPdf(temp, target)

"""Drawing filled letter HTML onto A4 pages: a PDF file, a printer or a preview image.

The one place of the letters that touches QtGui. Sizes are in points and millimetres and
converted with the device's own resolution, so a page looks the same on a 1200 dpi printer,
a PDF and a preview. Each letter is a QTextDocument laid out on the page's text area, and is
always one sheet: a letter too long for it is set again a Chinese type step smaller (every pt
of the template scaled alike, body 三号 → 小三 → 四号 → 小四), and one that does not fit even
then is refused with a message rather than run onto a second sheet. A
decorative border, and each issuer's seal (a PNG with transparency) stamped over the text the
template marked <a name="seal"> (the k-th mark is the k-th issuer's), are drawn with QPainter. One QImage per seal is drawn on
every page, so the PDF stores it once.
"""

from __future__ import annotations

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
    QTextDocument,
)

from mentormatch import files
from mentormatch.errors import UserError
from mentormatch.fonts import chinese_font
from mentormatch.i18n import translate
from mentormatch.pdf_text import TextLayer

PDF_DPI = 600
MM = 72 / 25.4  # points per millimetre
BODY_PT = 16  # 三号, the body size of formal Chinese documents
TYPE_STEPS = (16, 15, 14, 12)  # body sizes tried in turn until a letter fits one sheet: 三号, 小三, 四号, 小四
SEAL_MM = 40  # an official seal's diameter
BORDER_COLOUR = QColor("#a0161b")
_STYLE = re.compile(r'style\s*=\s*"([^"]*)"', re.IGNORECASE)
_POINTS = re.compile(r"(-?\d+(?:\.\d+)?)pt\b")


@dataclass(frozen=True)
class PageOptions:
    landscape: bool = False
    border: bool = True
    font_family: str = ""  # "" = the best installed Simplified Chinese family
    seals: dict[str, bytes] = field(default_factory=dict)  # issuer -> PNG


@dataclass(frozen=True)
class Page:
    html: str
    issuers: tuple[str, ...] = ()
    label: str = ""  # names the letter in messages, e.g. its serial and the mentor


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
        """page as an image width_px wide (the template editor's preview)."""
        size = self.page_layout().fullRect(QPageLayout.Unit.Point).size()
        dpi = width_px / (size.width() / 72)
        image = QImage(width_px, round(size.height() / 72 * dpi), QImage.Format.Format_ARGB32_Premultiplied)
        image.setDotsPerMeterX(round(dpi / 0.0254))
        image.setDotsPerMeterY(round(dpi / 0.0254))
        image.fill(Qt.GlobalColor.white)
        self._paint(image, dpi, [page], None, None, None)
        return image

    def _paint(self, device, dpi: float, pages: Iterable[Page], keep_going, new_page, abandon) -> TextLayer | None:
        unit = dpi / 72  # device pixels per point
        paper = self.page_layout().fullRect(QPageLayout.Unit.Point)
        page_rect = QRectF(0, 0, paper.width() * unit, paper.height() * unit)
        side = (32 if self.options.landscape else 28) * MM * unit
        text_rect = page_rect.marginsRemoved(QMarginsF(side, 26 * MM * unit, side, 22 * MM * unit))

        doc = QTextDocument()
        doc.documentLayout().setPaintDevice(device)
        doc.setDocumentMargin(0)
        doc.setPageSize(text_rect.size())
        layer = TextLayer()
        painter = QPainter()
        if not painter.begin(device):
            raise UserError(translate("Render", "Cannot start drawing on the printer or file."))
        try:
            pages = list(pages)
            # Letters of one batch are handed out side by side, so they share one type size: the one the
            # longest letter needs. A letter that still does not fit goes a step smaller on its own.
            batch_step = self._fit(doc, max(pages, key=lambda p: len(p.html)), unit) if len(pages) > 1 else 0
            first = True
            for done, page in enumerate(pages, 1):
                self._fit(doc, page, unit, batch_step)
                if not first and not new_page():
                    raise UserError(translate("Render", "Cannot start a new page on the printer or file."))
                first = False
                if self.options.border:
                    _draw_border(painter, page_rect, unit)
                self._draw_text(painter, doc, text_rect, unit, page.issuers, layer)
                if keep_going is not None and not keep_going(done):
                    return None
        except BaseException:
            if abandon is not None:
                abandon()
            raise
        finally:
            painter.end()
        return layer

    def _fit(self, doc: QTextDocument, page: Page, unit: float, first_step: int = 0) -> int:
        """Lay page out on one sheet in the largest type step from first_step on that fits; returns
        the step; UserError if none does."""
        for step in range(first_step, len(self._fonts)):
            body_pt, font = self._fonts[step]
            if doc.defaultFont() != font:  # setting it lays the previous letter out again
                doc.clear()
                doc.setDefaultFont(font)
            doc.setHtml(_points_to_pixels(page.html, unit, body_pt / BODY_PT))
            if doc.pageCount() <= 1:
                return step
        raise UserError(translate("Render", "The letter {letter} does not fit on one sheet even in {size} pt type. "
                                    "Shorten its template or choose the other paper orientation.").format(
            letter=page.label, size=TYPE_STEPS[-1]))

    def _draw_text(self, painter: QPainter, doc: QTextDocument, text_rect: QRectF, unit: float,
                   issuers: tuple[str, ...], layer: TextLayer) -> None:
        clip = QRectF(QPointF(0, 0), text_rect.size())
        painter.save()
        painter.translate(text_rect.topLeft())
        doc.drawContents(painter, clip)
        layer.add_document(doc, clip)
        for issuer, centre in zip(issuers, _seal_centres(doc)):
            seal = self._seals.get(issuer)
            if seal is not None and clip.contains(centre):
                size = SEAL_MM * MM * unit
                painter.drawImage(QRectF(centre.x() - size / 2, centre.y() - size / 2, size, size), seal)
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

    def length(prop: str, points: float) -> str:
        if prop == "font-size":
            return f"{points * scale:.2f}pt"
        per_point = unit if prop == "text-indent" else 96 / 72
        return f"{points * scale * per_point:.2f}px"

    def style(match: re.Match) -> str:
        declarations = []
        for declaration in match.group(1).split(";"):
            prop, colon, value = declaration.partition(":")
            name = prop.strip().lower()
            if colon:
                value = _POINTS.sub(lambda n: length(name, float(n.group(1))), value)
            declarations.append(prop + colon + value)
        return f'style="{";".join(declarations)}"'

    return _STYLE.sub(style, html)


def _seal_centres(doc: QTextDocument) -> list[QPointF]:
    """Centres of the texts marked <a name="seal">, in document order, in document units.

    A mark's text runs from the anchor to the end of its line (Qt keeps the anchor on the first
    character only); the k-th mark is the k-th issuer's.
    """
    centres: list[QPointF] = []
    layout = doc.documentLayout()
    block = doc.begin()
    while block.isValid():
        it = block.begin()
        while not it.atEnd():
            fragment = it.fragment()
            if "seal" in fragment.charFormat().anchorNames():
                at = fragment.position() - block.position()
                line = block.layout().lineForTextPosition(at)
                if line.isValid():
                    text = block.text()[line.textStart():line.textStart() + line.textLength()]
                    end = max(line.textStart() + len(text.rstrip()), at)
                    x = (line.cursorToX(at)[0] + line.cursorToX(end)[0]) / 2
                    origin = layout.blockBoundingRect(block).topLeft()
                    centres.append(origin + QPointF(x, line.y() + line.height() / 2))
            it += 1
        block = block.next()
    return centres


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

"""Printing onto pre-printed stock (套打): a sheet layout, its pages, and the calibration page.

Schools buy 聘书 folders whose inner sheet already carries the title, the border and the fixed
wording; only the variable words are printed, each at its place. A sheet layout is a template
kept as JSON (letter_templates: NAME.json beside the HTML templates):

    {"paper": {"width_mm": 297, "height_mm": 210},
     "background": "D:/扫描/聘书内页.png",            # optional: a scan of the blank sheet, never printed
     "fields": [{"text": "{{ name }}", "x_mm": 120, "y_mm": 88, "size_pt": 22,
                 "align": "left", "width_mm": 60}, ...]}

A field's text may hold any placeholder of letter_templates.PLACEHOLDERS. Its text stands on the
point (x_mm, y_mm) from the sheet's top-left corner: y is the baseline (the pre-printed rule the
words sit on), x the left end, centre or right end by align; a text wider than width_mm (when
given) is set smaller until it fits, on one line. The scan is drawn behind the fields on screen
(the editor, the print preview) and never on paper or in a PDF. On paper the whole page moves by
the printer's calibration offset, measured on the calibration page (paint_calibration).

SheetRenderer has PageRenderer's interface (page_layout, paint, image), so letters.Batch draws,
writes and prints sheet pages along the one path of every letter.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterable
from dataclasses import dataclass

from PySide6.QtCore import QT_TRANSLATE_NOOP, QMarginsF, QPointF, QRectF, QSizeF, Qt
from PySide6.QtGui import (QColor, QFont, QFontMetricsF, QImage, QPageLayout, QPageSize, QPaintEngine, QPainter, QPen,
                           QTextLayout)

from mentormatch import letter_templates
from mentormatch.errors import UserError
from mentormatch.fonts import chinese_font
from mentormatch.i18n import translate
from mentormatch.pdf_text import TextLayer

MM = 72 / 25.4  # points per millimetre
MIN_PT = 6.0  # a field set smaller to fit its width stops here
ALIGNS = ("left", "center", "right")
# Common inner sheets of 聘书 folders and certificate paper, width × height in mm.
PRESETS = (
    (QT_TRANSLATE_NOOP("Sheets", "聘书内页 A4, landscape"), 297.0, 210.0),
    (QT_TRANSLATE_NOOP("Sheets", "聘书内页 A4, portrait"), 210.0, 297.0),
    (QT_TRANSLATE_NOOP("Sheets", "大度16开 (210×285), landscape"), 285.0, 210.0),
    (QT_TRANSLATE_NOOP("Sheets", "大度16开 (210×285), portrait"), 210.0, 285.0),
    (QT_TRANSLATE_NOOP("Sheets", "正度16开 (185×260), landscape"), 260.0, 185.0),
    (QT_TRANSLATE_NOOP("Sheets", "正度16开 (185×260), portrait"), 185.0, 260.0),
    (QT_TRANSLATE_NOOP("Sheets", "A5, landscape"), 210.0, 148.0),
)
# Where the calibration page's crosses stand, in mm from the sheet's top-left corner.
CALIBRATION_CROSS_MM = 40.0


@dataclass(frozen=True)
class Field:
    text: str  # with placeholders, e.g. "{{ name }}"
    x_mm: float
    y_mm: float  # the baseline
    size_pt: float = 16.0
    align: str = "left"
    width_mm: float = 0.0  # 0: as wide as the text needs


@dataclass(frozen=True)
class Sheet:
    width_mm: float
    height_mm: float
    fields: tuple[Field, ...]
    background: str = ""  # a scan of the blank sheet, shown on screen only


@dataclass(frozen=True)
class SheetPage:
    """One letter on a sheet: the text of each field, in the order of Sheet.fields."""

    texts: tuple[str, ...]
    label: str = ""  # names the letter in messages


def parse(text: str) -> Sheet:
    """A sheet layout from its JSON; TemplateError saying which field and what is wrong."""

    def refuse(message: str) -> letter_templates.TemplateError:
        return letter_templates.TemplateError(message)

    try:
        data = json.loads(text)
        paper = data["paper"]
        width, height = float(paper["width_mm"]), float(paper["height_mm"])
        raw_fields = data.get("fields", [])
        background = str(data.get("background") or "")
    except (ValueError, KeyError, TypeError) as exc:
        raise refuse(translate("Sheets", "The sheet layout cannot be read: {error}").format(error=exc)) from None
    if not (30 <= width <= 500 and 30 <= height <= 500):
        raise refuse(translate("Sheets", "The paper must be between 30 and 500 mm wide and high, not {width} × {height} mm.").format(
            width=width, height=height))
    fields = []
    for number, raw in enumerate(raw_fields if isinstance(raw_fields, list) else [], 1):
        try:
            field = Field(str(raw["text"]), float(raw["x_mm"]), float(raw["y_mm"]), float(raw.get("size_pt", 16)),
                          str(raw.get("align", "left")), float(raw.get("width_mm", 0) or 0))
        except (KeyError, TypeError, ValueError) as exc:
            raise refuse(translate("Sheets", "Field {number} of the sheet layout cannot be read: {error}").format(
                number=number, error=exc)) from None
        if not (0 <= field.x_mm <= width and 0 <= field.y_mm <= height):
            raise refuse(translate("Sheets", "Field {number} ({text}) lies outside the {width} × {height} mm sheet.").format(
                number=number, text=field.text, width=width, height=height))
        if field.align not in ALIGNS or not MIN_PT <= field.size_pt <= 96 or field.width_mm < 0:
            raise refuse(translate("Sheets", "Field {number} ({text}): the size must be {low} to 96 pt and the alignment "
                                             "left, center or right.").format(number=number, text=field.text, low=MIN_PT))
        try:
            letter_templates.compile_template(field.text)
        except letter_templates.TemplateError as exc:
            raise refuse(translate("Sheets", "Field {number} ({text}): {error}").format(
                number=number, text=field.text, error=exc)) from None
        fields.append(field)
    return Sheet(width, height, tuple(fields), background)


def dumps(sheet: Sheet) -> str:
    """The JSON of a sheet layout (what letter_templates.save keeps)."""
    return json.dumps({
        "paper": {"width_mm": sheet.width_mm, "height_mm": sheet.height_mm},
        "background": sheet.background,
        "fields": [{"text": f.text, "x_mm": f.x_mm, "y_mm": f.y_mm, "size_pt": f.size_pt, "align": f.align,
                    "width_mm": f.width_mm} for f in sheet.fields],
    }, ensure_ascii=False, indent=1)


def fill(sheet: Sheet, context: dict, label: str = "") -> SheetPage:
    """A letter's page: each field's text with the letter's values."""
    return SheetPage(tuple(letter_templates.render_text(f.text, context).strip() for f in sheet.fields), label)


def page_layout(width_mm: float, height_mm: float) -> QPageLayout:
    """A page of exactly this size, without margins (a landscape size as a turned portrait one,
    as printers take it)."""
    landscape = width_mm > height_mm
    size = QPageSize(QSizeF(min(width_mm, height_mm), max(width_mm, height_mm)), QPageSize.Unit.Millimeter, "",
                     QPageSize.SizeMatchPolicy.ExactMatch)
    orientation = QPageLayout.Orientation.Landscape if landscape else QPageLayout.Orientation.Portrait
    return QPageLayout(size, orientation, QMarginsF(0, 0, 0, 0))


def _on_screen(device) -> bool:
    """A preview (the print preview's picture, an image) rather than paper or a PDF."""
    return device.paintEngine().type() in (QPaintEngine.Type.Picture, QPaintEngine.Type.Raster)


class SheetRenderer:
    """Draws sheet pages; offset_mm moves everything on paper (a printer's calibration), never on screen."""

    def __init__(self, sheet: Sheet, font_family: str = "", offset_mm: tuple[float, float] = (0.0, 0.0)):
        self.sheet = sheet
        self.offset_mm = offset_mm
        self._fonts = {size: chinese_font(size, font_family or None) for size in {f.size_pt for f in sheet.fields}}
        self._background: QImage | None = None
        if sheet.background:
            image = QImage(sheet.background)
            self._background = None if image.isNull() else image

    def page_layout(self) -> QPageLayout:
        return page_layout(self.sheet.width_mm, self.sheet.height_mm)

    def paint(self, device, pages: Iterable[SheetPage], keep_going: Callable[[int], bool] | None = None,
              abandon: Callable[[], object] | None = None) -> TextLayer | None:
        """As PageRenderer.paint: draw pages on a printer or PDF writer whose page layout is page_layout()."""
        return self._paint(device, device.resolution(), pages, keep_going, device.newPage, abandon)

    def image(self, page: SheetPage, width_px: int) -> QImage:
        """page as an image width_px wide, the scan behind it (the template editor's preview)."""
        dpi = width_px / (self.sheet.width_mm / 25.4)
        image = QImage(width_px, round(self.sheet.height_mm / 25.4 * dpi), QImage.Format.Format_ARGB32_Premultiplied)
        image.setDotsPerMeterX(round(dpi / 0.0254))
        image.setDotsPerMeterY(round(dpi / 0.0254))
        image.fill(Qt.GlobalColor.white)
        self._paint(image, dpi, [page], None, None, None)
        return image

    def _paint(self, device, dpi: float, pages: Iterable[SheetPage], keep_going, new_page, abandon) -> TextLayer | None:
        px = dpi / 25.4  # device pixels per mm
        screen = _on_screen(device)
        layer = TextLayer()
        painter = QPainter()
        if not painter.begin(device):
            raise UserError(translate("Render", "Cannot start drawing on the printer or file."))
        try:
            if not screen:
                painter.translate(self.offset_mm[0] * px, self.offset_mm[1] * px)
            for done, page in enumerate(pages, 1):
                if done > 1 and not new_page():
                    raise UserError(translate("Render", "Cannot start a new page on the printer or file."))
                if screen and self._background is not None:
                    painter.drawImage(QRectF(0, 0, self.sheet.width_mm * px, self.sheet.height_mm * px), self._background)
                for field, text in zip(self.sheet.fields, page.texts):
                    if text:
                        self._draw_field(painter, device, layer, field, text, px)
                if keep_going is not None and not keep_going(done):
                    return None
        except BaseException:
            if abandon is not None:
                abandon()
            raise
        finally:
            painter.end()
        return layer

    def _draw_field(self, painter: QPainter, device, layer: TextLayer, field: Field, text: str, px: float) -> None:
        text = " ".join(text.split())  # one line: a field is a place on a rule
        font = self._fonts[field.size_pt]
        if field.width_mm:
            natural = QFontMetricsF(font, device).horizontalAdvance(text)
            if natural > field.width_mm * px:
                font = QFont(font)
                font.setPointSizeF(max(MIN_PT, field.size_pt * field.width_mm * px / natural))
        layout = QTextLayout(text, font, device)
        layout.beginLayout()
        line = layout.createLine()
        line.setNumColumns(len(text))
        layout.endLayout()
        width = line.naturalTextWidth()
        x = field.x_mm * px - {"left": 0.0, "center": width / 2, "right": width}[field.align]
        layer.draw(painter, QPointF(x, field.y_mm * px - line.ascent()), layer.line_glyphs(line, text))


def paint_calibration(device, title: str = "") -> None:
    """The calibration page, drawn on the device's whole page (plain paper): mm rulers along the top
    and left edges and through a cross at CALIBRATION_CROSS_MM from each corner, with how to measure.
    Drawn without any printer offset: it measures the printer's own."""
    px = device.resolution() / 25.4
    paper = device.pageLayout().fullRect(QPageLayout.Unit.Millimeter)
    width, height = paper.width(), paper.height()
    painter = QPainter()
    if not painter.begin(device):
        raise UserError(translate("Render", "Cannot start drawing on the printer or file."))
    try:
        painter.setPen(QPen(QColor("black"), 0.15 * px))
        small = chinese_font(7)
        painter.setFont(small)
        mark = CALIBRATION_CROSS_MM

        def ruler(horizontal: bool, at: float, length: float) -> None:
            for mm in range(int(length) + 1):
                tick = 5.0 if mm % 10 == 0 else 3.5 if mm % 5 == 0 else 2.0
                if horizontal:
                    painter.drawLine(QPointF(mm * px, at * px), QPointF(mm * px, (at + tick) * px))
                else:
                    painter.drawLine(QPointF(at * px, mm * px), QPointF((at + tick) * px, mm * px))
                if mm % 10 == 0 and mm:
                    point = QPointF(mm * px + 0.5 * px, (at + 8) * px) if horizontal else QPointF((at + 6) * px, mm * px + 1 * px)
                    painter.drawText(point, str(mm))

        ruler(True, 0, width)  # along the top edge: the edge the paper came in shows where 0 landed
        ruler(False, 0, height)
        ruler(True, mark, width)
        ruler(False, mark, height)
        for x, y in ((mark, mark), (width - mark, height - mark)):
            painter.setPen(QPen(QColor("black"), 0.2 * px))
            painter.drawLine(QPointF((x - 15) * px, y * px), QPointF((x + 15) * px, y * px))
            painter.drawLine(QPointF(x * px, (y - 15) * px), QPointF(x * px, (y + 15) * px))
            painter.drawEllipse(QPointF(x * px, y * px), 3 * px, 3 * px)
            painter.drawText(QPointF((x - 30) * px, (y - 4) * px), f"({x:g}, {y:g}) mm")  # clear of the rulers
        painter.setFont(chinese_font(11))
        lines = [title, translate("Sheets", "Print this page on plain paper with the printer you will print the letters on, "
                                            "feeding the paper as you will feed the sheets."),
                 translate("Sheets", "Measure with a ruler from the paper's left edge and top edge to the centre of the cross "
                                     "marked ({mark:g}, {mark:g}) mm, and enter the two distances in the calibration dialog.").format(mark=mark),
                 translate("Sheets", "MentorMatch then moves every pre-printed sheet printed on this printer by the difference.")]
        text_rect = QRectF((mark + 20) * px, (mark + 20) * px, (width - 2 * mark - 40) * px, (height - 2 * mark - 40) * px)
        painter.drawText(text_rect, int(Qt.TextFlag.TextWordWrap), "\n\n".join(line for line in lines if line))
    finally:
        painter.end()


def offset_from_measurement(measured_x_mm: float, measured_y_mm: float) -> tuple[float, float]:
    """The offset that brings the calibration cross, measured at (x, y), back to where it was drawn."""
    return round(CALIBRATION_CROSS_MM - measured_x_mm, 1), round(CALIBRATION_CROSS_MM - measured_y_mm, 1)

"""A letter's page as it will print, for the template editor and the letter options.

The picture is drawn by letter_render.PageRenderer, which lays every letter out at the PDF's
resolution and only scales the drawing: the preview breaks lines where the PDF and the paper do.
"""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QPointF, QRectF, Signal
from PySide6.QtGui import QColor, QImage, QPageLayout, QPainter
from PySide6.QtWidgets import QSizePolicy, QWidget
from sqlite_utils import Database

from mentormatch import letter_templates, letters
from mentormatch.letter_render import Page, PageRenderer


class PagePreview(QWidget):
    """One page, as large as fits the widget; wants_page() asks its owner to draw it (shown, or resized)."""

    wants_page = Signal()

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self._image = QImage()
        self.setMinimumSize(240, 240)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)

    def show_page(self, renderer: PageRenderer, page: Page) -> None:
        """Draw page with renderer, fitted to the widget in device pixels (sharp on a scaled screen)."""
        paper = renderer.page_layout().fullRect(QPageLayout.Unit.Point)
        ratio = self.devicePixelRatioF()
        width = min(self.width(), self.height() * paper.width() / paper.height()) * ratio
        image = renderer.image(page, max(round(width), 120))
        image.setDevicePixelRatio(ratio)
        self._image = image
        self.update()

    def image(self) -> QImage:
        return self._image

    def paintEvent(self, event) -> None:
        painter = QPainter(self)
        painter.fillRect(self.rect(), QColor("#d9d9d9"))
        if not self._image.isNull():
            size = self._image.deviceIndependentSize()
            corner = QPointF((self.width() - size.width()) / 2, (self.height() - size.height()) / 2)
            painter.drawImage(QRectF(corner, size), self._image)
        painter.end()

    def resizeEvent(self, event) -> None:
        super().resizeEvent(event)
        self.wants_page.emit()

    def showEvent(self, event) -> None:
        super().showEvent(event)
        self.wants_page.emit()


def sample_letter(db: Database) -> letters.Letter:
    """The first registered or possible letter, else a made-up one, to fill a preview."""
    mentor = db.execute("SELECT id FROM mentors ORDER BY id LIMIT 1").fetchone()
    if mentor is not None:
        return letters.plan(db, [mentor[0]], None, issue_date=date.today().isoformat())[0]
    context = {"serial": "MM-2026-0001", "name": "王劲松", "trade": "焊工", "trade_en": "Welder",
               "enterprise": "重庆长安汽车股份有限公司", "programme": "2026 汽车工程半年实习",
               "term_from": "2026年7月14日", "term_to": "2027年1月13日", "term_from_en": "14 July 2026",
               "term_to_en": "13 January 2027", "issue_date": "2026年7月14日", "issue_date_en": "14 July 2026",
               "apprentices": "舒小超", "issuers": ["四川工业科技学院", "重庆长安汽车股份有限公司"]}
    return letters.Letter(None, "MM-2026-0001", 2026, 1, 0, "王劲松", None, "2026-07-14", "2027-01-13",
                          "2026-07-14", tuple(context["issuers"]), letter_templates.DEFAULT, context)

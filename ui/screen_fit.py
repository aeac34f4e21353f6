"""Windows sized to the screen they open on: a 1366×768 laptop, or a 1920×1080 monitor at 150 %
(1280×720 logical pixels), as coordinators' office PCs have them."""

from __future__ import annotations

from PySide6.QtWidgets import QWidget

TITLE_BAR = 40  # logical pixels the title bar and frame add to a window's height
FRAME = 16  # and to its width


def resize_within_screen(widget: QWidget, width: int, height: int) -> None:
    """Resize to width×height, or less where the screen's free area (the taskbar excluded) is
    smaller, so that the title bar and the buttons at the bottom stay on the screen."""
    room = (widget.parentWidget() or widget).screen().availableGeometry()
    widget.resize(min(width, room.width() - FRAME), min(height, room.height() - TITLE_BAR))

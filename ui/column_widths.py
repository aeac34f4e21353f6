"""Column widths of a table kept between sessions in QSettings, with defaults for the first run."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QHeaderView


def restore(header: QHeaderView, key: str, widths: Sequence[int]) -> bool:
    """Give the sections their default widths, then the state saved under key if there is one.

    False when nothing was restored (first run), so the caller can set its default sort."""
    for section, width in enumerate(widths):
        header.resizeSection(section, width)
    state = QSettings().value(key)
    return state is not None and header.restoreState(state)


def save(header: QHeaderView, key: str) -> None:
    QSettings().setValue(key, header.saveState())

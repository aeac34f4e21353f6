"""The programme chooser that lists, pages and dialogs share."""

from __future__ import annotations

from PySide6.QtWidgets import QComboBox
from sqlite_utils import Database

from mentormatch import records


def fill_programmes(combo: QComboBox, db: Database, all_label: str | None = None, *, all_last: bool = False,
                    select: int | None = None) -> None:
    """Fill combo with the programmes (newest first), plus an entry for all of them when all_label
    is given. A refill keeps the current choice; the first fill selects the programme `select`, or
    the first entry. No change signal is emitted: the caller reloads what depends on it."""
    refill = combo.count() > 0
    wanted = combo.currentData() if refill else select
    combo.blockSignals(True)
    combo.clear()
    if all_label and not all_last:
        combo.addItem(all_label, None)
    for pid, name in records.choices(db, "programmes"):
        combo.addItem(name, pid)
    if all_label and all_last:
        combo.addItem(all_label, None)
    combo.setCurrentIndex(max(combo.findData(wanted), 0) if refill or select is not None else 0)
    combo.blockSignals(False)

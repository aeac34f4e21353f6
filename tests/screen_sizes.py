"""Opens the main window and every dialog over the sample data on the screen Qt was started with,
and prints their sizes as JSON: {"screen": [w, h], "windows": {name: {"size": [w, h], "minimum": [w, h]}}}.

Run by tests/test_small_screens.py in a fresh process, with the offscreen platform set to an
office screen (QT_QPA_PLATFORM=offscreen:configfile=…, QT_SCALE_FACTOR): a screen's size is
fixed when the application starts.
"""

from __future__ import annotations

import json
import os
import sys
from pathlib import Path

sys.path[:0] = [str(Path(__file__).resolve().parent.parent), str(Path(__file__).resolve().parent)]

from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QApplication


def main(language: str, roster: str, settings_folder: str) -> None:
    app = QApplication(["screen_sizes"])
    QSettings.setDefaultFormat(QSettings.Format.IniFormat)
    QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope, settings_folder)
    from mentormatch import records
    from mentormatch.i18n import install_translators
    from mentormatch.sample import fill_sample
    from mentormatch.store import memory_database
    from ui import (
        about_dialog,
        bulk_edit,
        delete_dialog,
        export_dialog,
        import_wizard,
        letters_dialogs,
        pairing,
        record_dialog,
        settings_dialog,
    )
    from ui.main_window import PAGES, MainWindow

    install_translators(language)
    db = memory_database()
    fill_sample(db)
    mentor = db.execute("SELECT id FROM mentors LIMIT 1").fetchone()[0]
    with db.atomic():  # a mentor with many pairs: the delete dialog lists them
        for apprentice in [r[0] for r in db.execute("SELECT id FROM apprentices LIMIT 30")]:
            db.execute("INSERT INTO pairs (apprentice_id, mentor_id, status, created_at) VALUES (?, ?, 'confirmed', '2026-07-14')",
                       [apprentice, mentor])
    window = MainWindow(db, "sample.db")
    apprentices = [r[0] for r in db.execute("SELECT id FROM apprentices LIMIT 40")]
    wizard = import_wizard.ImportWizard(db, window, path=roster)
    made = {
        "main window": lambda: window,
        "delete (mentor with pairs)": lambda: delete_dialog.DeleteDialog(records.delete_report(db, "mentors", mentor), window),
        "settings": lambda: settings_dialog.SettingsDialog(db, window),
        "import wizard": lambda: wizard,
        "export": lambda: export_dialog.ExportDialog(db, window),
        "issue letters": lambda: letters_dialogs.IssueDialog(db, None, window),
        "template editor": lambda: letters_dialogs.TemplateEditor(db, window),
        "letter options": lambda: letters_dialogs.OptionsDialog(db, window),
        "weights": lambda: pairing.WeightsDialog(db, window),
        "reason": lambda: pairing.ReasonDialog("Unpair", "End the pair of 张三 and 王金松. " * 4, with_date=True, parent=window),
        "bulk edit": lambda: bulk_edit.BulkEditDialog(db, apprentices, window),
        "move mentors": lambda: bulk_edit.MoveMentorsDialog(db, [mentor], window),
        "merge colleges": lambda: bulk_edit.MergeCollegesDialog(db, [1, 2], window),
        "about": lambda: about_dialog.AboutDialog(settings_folder + "/mentormatch.db", window),
    }
    for key, *_ in PAGES:  # a page shown stays in the window's stack: its minimum size counts from then on
        made[f"main window, {key} shown"] = lambda key=key: window.show_page(key) and window
    for kind in records.KINDS:
        made[f"new {kind}"] = lambda kind=kind: record_dialog.RecordDialog(db, kind, None, window)
        made[f"edit {kind}"] = lambda kind=kind: record_dialog.RecordDialog(db, kind, 1, window)
    sizes = {}
    for name, make in made.items():
        widget = make()
        widget.show()
        if name == "import wizard":  # the widest page: the preview of the rows
            widget.next()
            widget.next()
        app.processEvents()
        hint = widget.minimumSizeHint().expandedTo(widget.minimumSize())
        sizes[name] = {"size": [widget.width(), widget.height()], "minimum": [hint.width(), hint.height()]}
        if widget is not window:
            widget.close()
    room = app.primaryScreen().availableGeometry()
    print(json.dumps({"screen": [room.width(), room.height()], "windows": sizes}, ensure_ascii=False), flush=True)
    # Nothing is written; leave without tearing down dozens of windows, which PySide6 may crash
    # on at interpreter exit (docs: "PySide6 can abort at interpreter exit").
    os._exit(0)

if __name__ == "__main__":
    main(*sys.argv[1:4])

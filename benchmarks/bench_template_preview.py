"""Benchmark: the template editor's live preview, from a keystroke to the redrawn letter.

    python benchmarks/bench_template_preview.py [--runs 10]

Target (issue 12): the preview redraws within 150 ms of a keystroke. The TemplateEditor of
ui/letters_dialogs.py is shown offscreen (1200 × 820) on a small sample database whose letter
options have two issuers and a seal, as bench_letters.py has them; the built-in letter is taken
over by the wording form. Each run types one character (a key press with text 字, as a keyboard
sends it) at the end of the opening sentence and runs the event loop until the preview label
holds a new pixmap, then repaints the label: the wait of the preview's timer is included. Prints
wall and CPU time of each run, the median and the worst.
"""

from __future__ import annotations

import argparse
import base64
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import QEvent, QEventLoop, Qt  # noqa: E402
from PySide6.QtGui import QKeyEvent  # noqa: E402
from PySide6.QtWidgets import QApplication  # noqa: E402

from mentormatch import letter_templates, letters, settings  # noqa: E402,F401  (letters first: the import order of the app)
from mentormatch.sample import fill_city_scale  # noqa: E402
from mentormatch.store import memory_database  # noqa: E402
from resources import RESOURCES  # noqa: E402


def settle(app: QApplication, seconds: float) -> None:
    end = time.perf_counter() + seconds
    while time.perf_counter() < end:
        app.processEvents(QEventLoop.ProcessEventsFlag.AllEvents, 20)
        time.sleep(0.005)


def main(runs: int) -> None:
    from ui.letters_dialogs import TemplateEditor

    app = QApplication.instance() or QApplication(["bench"])
    db = memory_database()
    fill_city_scale(db, apprentices=10, mentors=20, enterprises=5)
    seal = base64.b64encode((RESOURCES / "sample" / "seal-sample.png").read_bytes()).decode()
    issuers = ["重庆市第一技师学院", "重庆市第1号制造有限公司"]
    settings.put(db, "letter_issuers", issuers)
    settings.put(db, "letter_layout", {**settings.get(db, "letter_layout"), "seals": {issuers[0]: seal}})
    with tempfile.TemporaryDirectory() as folder:
        letter_templates.user_dir = lambda: Path(folder)  # saves nothing; kept off the user's templates
        editor = TemplateEditor(db)
        editor.show()
        editor.use_form_button.click()
        edit = editor.opening_edit
        edit.setFocus()
        edit.moveCursor(edit.textCursor().MoveOperation.End)
        settle(app, 0.5)
        walls, cpus = [], []
        for _ in range(runs):
            before = editor.preview.pixmap().cacheKey()
            wall, cpu = time.perf_counter(), time.process_time()
            for kind in (QEvent.Type.KeyPress, QEvent.Type.KeyRelease):
                app.sendEvent(edit, QKeyEvent(kind, 0, Qt.KeyboardModifier.NoModifier, "字"))
            while editor.preview.pixmap().cacheKey() == before:
                app.processEvents(QEventLoop.ProcessEventsFlag.WaitForMoreEvents)
            editor.preview.repaint()
            walls.append((time.perf_counter() - wall) * 1000)
            cpus.append((time.process_time() - cpu) * 1000)
            settle(app, 0.3)
        assert edit.toPlainText().endswith("字" * runs)
        editor.done(0)
    for number, (wall, cpu) in enumerate(zip(walls, cpus), 1):
        print(f"run {number:2}: {wall:6.1f} ms wall {cpu:6.1f} ms CPU")
    print(f"median {statistics.median(walls):.1f} ms wall ({statistics.median(cpus):.1f} ms CPU); "
          f"worst {max(walls):.1f} ms wall ({max(cpus):.1f} ms CPU); target 150 ms")


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=10)
    main(parser.parse_args().runs)

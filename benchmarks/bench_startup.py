"""Benchmark: opening the app and using the Apprentices list at city scale, against a bare window.

    python benchmarks/bench_startup.py [--runs 5]

Builds a database with sample.fill_city_scale (20,000 apprentices, 8,000 mentors, 2,600
enterprises), then runs each measurement in a fresh Python process, side by side:

1. bare: a bare PySide6 window (QApplication, QMainWindow, show) until the first event-loop
   turn after show(); app: `ui.app.run_gui(["--db", PATH])` — the real entry of `mentormatch` —
   until the first event-loop turn after the main window is shown (first page: Apprentices).
   Both are timed from just before the process is started. Target: app - bare <= 0.5 s.
2. switch: the app opened on the Trades page; show the Apprentices page (created on first show,
   ids read, first rows painted with a synchronous repaint). Target <= 150 ms.
3. keystrokes: in the Apprentices search box, a name typed character by character, then a
   student number, then the name in pinyin: its initials ("zxy"), in full ("zhaoxiaoyan") and
   its surname with the initials of the rest ("赵xy"); then, with the list sorted by name
   (pinyin order), the student number and the initials again. Each step is the text change
   (query) plus a synchronous repaint. Target <= 50 ms each.
4. peak memory (ru_maxrss) of the app process after all of the above. Target <= 300 MB.

Platform: QT_QPA_PLATFORM=offscreen unless already set. QSettings go to a temporary folder.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

PRELUDE = """
import json, os, resource, sys, time
sys.path.insert(0, {root!r})
from PySide6.QtCore import QSettings, QTimer
from PySide6.QtWidgets import QApplication, QMainWindow
QSettings.setDefaultFormat(QSettings.Format.IniFormat)
QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope, {settings!r})
def report(**figures):
    figures["maxrss_mb"] = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print("RESULT " + json.dumps(figures), flush=True)
"""

BARE = PRELUDE + """
app = QApplication(["bare"])
window = QMainWindow()
window.resize(1280, 780)
window.show()
QTimer.singleShot(0, lambda: (report(ready=time.time()), app.quit()))
sys.exit(app.exec())
"""

APP_OPEN = PRELUDE + """
app = QApplication(["mentormatch"])
QTimer.singleShot(0, lambda: (report(ready=time.time()), app.quit()))
from ui.app import run_gui
sys.exit(run_gui(["--db", {db!r}]))
"""

APP_USE = PRELUDE + """
QSettings(QSettings.Format.IniFormat, QSettings.Scope.UserScope, "MentorMatch", "MentorMatch").setValue("window/page", "trades")
app = QApplication(["mentormatch"])

def timed(action, window):
    start = time.perf_counter()
    action()
    window.repaint()
    return (time.perf_counter() - start) * 1000

def use():
    from ui.main_window import MainWindow
    window = next(w for w in app.topLevelWidgets() if isinstance(w, MainWindow))
    while not window.windowHandle().isExposed():
        app.processEvents()
    window.repaint()  # the first paint (fonts, styles) belongs to opening, not to switching
    started_on = next(k for k, p in window.pages.items() if p is window.current_page())
    switch = timed(lambda: window.show_page("apprentices"), window)
    page = window.pages["apprentices"]
    name, number, stored = page.db.execute("SELECT name, student_no, name_pinyin FROM apprentices WHERE id = 12345").fetchone()
    syllables = [s.rstrip("12345") for s in stored.split("\t")[0].split()]
    initials, full, mixed = "".join(s[0] for s in syllables), "".join(syllables), name[0] + "".join(s[0] for s in syllables[1:])
    keys = {{}}
    def type_in(label, text):
        keys[label] = [timed(lambda t=text[:i]: page.search_box.setText(t), window) for i in range(1, len(text) + 1)]
        page.search_box.clear()
    type_in("name", name)
    type_in("student number", number)
    type_in("initials", initials)
    type_in("full pinyin", full)
    type_in("name + initials", mixed)
    sort = timed(lambda: page.table.sortByColumn(1, page.table.horizontalHeader().sortIndicatorOrder()), window)
    type_in("number, by name", number)  # every step re-sorts the matches in pinyin order
    type_in("initials, by name", initials)
    page.search_box.setText(initials)
    found = page.model.rowCount()
    report(started_on=started_on, switch_ms=switch, keys_ms=keys, sort_by_name_ms=sort,
           typed=[name, number, initials, full, mixed], found_by_initials=found)
    app.quit()

QTimer.singleShot(0, use)
from ui.app import run_gui
sys.exit(run_gui(["--db", {db!r}]))
"""


def child(script: str) -> tuple[float, dict]:
    """Run a script in a fresh interpreter; returns (start time, its RESULT figures)."""
    env = {**os.environ, "QT_QPA_PLATFORM": os.environ.get("QT_QPA_PLATFORM", "offscreen"), "MENTORMATCH_LANG": "zh_CN"}
    start = time.time()
    done = subprocess.run([sys.executable, "-c", script], env=env, capture_output=True, text=True, timeout=120)
    lines = [line for line in done.stdout.splitlines() if line.startswith("RESULT ")]
    if done.returncode != 0 or not lines:
        raise SystemExit(f"benchmark child failed ({done.returncode}):\n{done.stdout}\n{done.stderr}")
    return start, json.loads(lines[-1][7:])


def build(path: Path) -> None:
    from mentormatch.sample import fill_city_scale
    from mentormatch.store import open_database

    db = open_database(path)
    fill_city_scale(db)
    db.close()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        db = Path(folder) / "city.db"
        build(db)
        print(f"database: {db.stat().st_size / 1e6:.1f} MB, 20,000 apprentices, 8,000 mentors, 2,600 enterprises")
        fill = {"root": str(ROOT), "settings": str(Path(folder) / "qsettings"), "db": str(db)}
        bare, app, uses = [], [], []
        child(APP_OPEN.format(**fill))  # warm the file cache once, as a second start would be
        for _ in range(args.runs):  # interleaved, so both see the same machine state
            start, result = child(BARE.format(**fill))
            bare.append(result["ready"] - start)
            start, result = child(APP_OPEN.format(**fill))
            app.append(result["ready"] - start)
            uses.append(child(APP_USE.format(**fill))[1])

    med = statistics.median
    keys = {label: [max(u["keys_ms"][label]) for u in uses] for label in uses[0]["keys_ms"]}
    all_keys = [k for u in uses for label in u["keys_ms"] for k in u["keys_ms"][label]]
    print(f"runs: {args.runs} (medians; each run a fresh process); typed: {' then '.join(uses[0]['typed'])}"
          f" ({uses[0]['found_by_initials']} apprentices have the initials)")
    print(f"open, bare PySide6 window:       {med(bare) * 1000:7.0f} ms")
    print(f"open, MentorMatch main window:   {med(app) * 1000:7.0f} ms")
    print(f"  difference:                    {(med(app) - med(bare)) * 1000:7.0f} ms   (target <= 500 ms)")
    assert all(u["started_on"] == "trades" for u in uses), "the switch must start from another page"
    print(f"switch Trades -> Apprentices:    {med(u['switch_ms'] for u in uses):7.1f} ms   (target <= 150 ms)")
    for label, worst in keys.items():
        print(f"keystroke, {label:<16} worst {med(worst):6.1f} ms   (target <= 50 ms)")
    worst = max((ms, label, i + 1) for u in uses for label, steps in u["keys_ms"].items() for i, ms in enumerate(steps))
    print(f"keystroke, all steps: median {med(all_keys):.1f} ms, max {worst[0]:.1f} ms ({worst[1]}, character {worst[2]})")
    print(f"sort 20,000 by name (pinyin):    {med(u['sort_by_name_ms'] for u in uses):7.1f} ms")
    print(f"peak memory of the app:          {max(u['maxrss_mb'] for u in uses):7.0f} MB   (target <= 300 MB)")


if __name__ == "__main__":
    main()

"""Benchmark: a search keystroke and a filter change on the pairing page with a 1,000-apprentice
programme and its draft on screen.

    python benchmarks/bench_pairing_search.py [--apprentices 1000] [--runs 5]

Builds a database with sample.fill_city_scale (1,000 apprentices, 250 mentors, 60 enterprises,
16 trades), proposes a draft (matching.propose) and opens PairingPage, shown at 1366×768. Then
types, character by character, a student number, a name in pinyin initials, the name in full
pinyin and a surname with initials ("张xy"), and picks a trade and the status "Draft". Each step
is the change (the search or filter over the pairs table, the unmatched tree and the mentor tree)
plus a synchronous repaint; wall-clock and CPU time per step, median and worst over the runs.
Target: a keystroke at most 50 ms.

Platform: QT_QPA_PLATFORM=offscreen unless already set.
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--apprentices", type=int, default=1000)
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()

    from PySide6.QtWidgets import QApplication

    app = QApplication.instance() or QApplication([])
    from mentormatch import matching
    from mentormatch.sample import fill_city_scale
    from mentormatch.store import memory_database
    from ui.pairing import PairingPage

    db = memory_database()
    fill_city_scale(db, apprentices=args.apprentices, mentors=args.apprentices // 4, enterprises=60, trades=16)
    programme = db.execute("SELECT id FROM programmes").fetchone()[0]
    proposal = matching.propose(db, programme)
    start = time.perf_counter()
    page = PairingPage(db)
    page.resize(1366, 768)
    page.show()
    app.processEvents()
    opened = time.perf_counter() - start
    name, student_no, stored = db.execute("SELECT name, student_no, name_pinyin FROM apprentices WHERE id = 500").fetchone()
    syllables = [s[:-1] for s in stored.partition("\t")[0].split()]
    texts = {
        "student number": student_no,
        "pinyin initials": "".join(s[0] for s in syllables),
        "full pinyin": "".join(syllables),
        "surname + initials": name[0] + "".join(s[0] for s in syllables[1:]),
    }
    print(f"{args.apprentices} apprentices, {len(page.model.rows)} pairs on screen ({proposal.matched} placed), "
          f"{len(page.unpaired)} unmatched, {len(page.mentor_rows)} mentor rows; page opened in {opened * 1000:.0f} ms")
    timings: dict[str, list[tuple[float, float]]] = {}

    def step(label: str, change) -> None:
        wall, cpu = time.perf_counter(), time.process_time()
        change()
        page.repaint()
        timings.setdefault(label, []).append(((time.perf_counter() - wall) * 1000, (time.process_time() - cpu) * 1000))

    for _ in range(args.runs):
        for label, text in texts.items():
            page.search.clear()
            for i in range(1, len(text) + 1):
                step(f"keystroke: {label}", lambda t=text[:i]: page.search.setText(t))
        page.search.clear()
        step("filter: a trade", lambda: page.trade_filter.setCurrentIndex(3))
        step("filter: status Draft", lambda: page.status_filter.setCurrentIndex(page.status_filter.findData("proposed")))
        step("filter: every trade and status", lambda: (page.trade_filter.setCurrentIndex(0), page.status_filter.setCurrentIndex(0)))
    # accepting 500 draft pairs of the selection, and the redraw (issue 11: at most 300 ms); once, at the end
    from PySide6.QtCore import QItemSelection, QItemSelectionModel
    from PySide6.QtWidgets import QMessageBox

    QMessageBox.question = staticmethod(lambda *a, **k: QMessageBox.StandardButton.Yes)  # the question the accept may ask
    selection = QItemSelection(page.proxy.index(0, 0), page.proxy.index(499, page.proxy.columnCount() - 1))
    page.table.selectionModel().select(selection, QItemSelectionModel.SelectionFlag.ClearAndSelect)
    step("accept 500 selected draft pairs", page.accept_selected_button.click)
    print(page.status.text())
    print(f"{'step':40} {'median ms':>10} {'worst ms':>10} {'median CPU ms':>14}")
    for label, values in timings.items():
        walls, cpus = [v[0] for v in values], [v[1] for v in values]
        print(f"{label:40} {statistics.median(walls):10.1f} {max(walls):10.1f} {statistics.median(cpus):14.1f}")
    page.close()
    del page
    db.close()


if __name__ == "__main__":
    main()

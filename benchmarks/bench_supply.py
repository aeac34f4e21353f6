"""Benchmark of the supply-and-demand tab and the draft's "out of date" check (issue 11).

    python benchmarks/bench_supply.py [--apprentices 720] [--mentors 300] [--enterprises 100] [--trades 16] [--runs 7]

On a programme made by sample.fill_city_scale (half the apprentices hosted), with no draft and then
with a proposal's draft: matching.supply_demand alone (the core: read, solve, sum the places), the
supply tab filled on the pairing page (PairingPage._fill_supply: the core and the tree widget),
matching.draft_state (the page's "out of date" check on each refresh) and matching.draft_inputs
(what write_draft adds to every proposal). Medians of the runs, wall clock and CPU time of this
process. Target: the supply tab well under a second at 720 apprentices.
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from PySide6.QtWidgets import QApplication  # noqa: E402

from mentormatch import matching, sample, store  # noqa: E402


def measure(work, runs: int) -> tuple[float, float]:
    """Median wall-clock and CPU seconds of work() over runs."""
    walls, cpus = [], []
    for _ in range(runs):
        wall, cpu = time.perf_counter(), time.process_time()
        work()
        walls.append(time.perf_counter() - wall)
        cpus.append(time.process_time() - cpu)
    return statistics.median(walls), statistics.median(cpus)


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--apprentices", type=int, default=720)
    parser.add_argument("--mentors", type=int, default=300)
    parser.add_argument("--enterprises", type=int, default=100)
    parser.add_argument("--trades", type=int, default=16)
    parser.add_argument("--runs", type=int, default=7)
    options = parser.parse_args()
    app = QApplication([])
    from ui.pairing import PairingPage

    db = store.memory_database()
    sample.fill_city_scale(db, options.apprentices, options.mentors, options.enterprises, options.trades)
    programme = db.execute("SELECT id FROM programmes").fetchone()[0]
    page = PairingPage(db)
    page.programme.setCurrentIndex(page.programme.findData(programme))
    page.tabs.setCurrentWidget(page.supply)  # the tab is filled while it is on screen
    print(f"{options.apprentices} apprentices, {options.mentors} mentors, {options.enterprises} enterprises, {options.trades} trades;"
          f" {options.runs} runs, medians (wall / CPU)")
    for label in ("no draft", "with a draft"):
        if label == "with a draft":
            proposal = matching.propose(db, programme)
            print(f"draft: {proposal.matched} pairs, {len(proposal.unmatched)} unmatched")
        rows = matching.supply_demand(db, programme)
        print(f"\n{label}: {len(rows)} trades, {sum(len(r['hosts']) for r in rows)} host-enterprise rows,"
              f" {sum(r['shortfall'] for r in rows)} cannot be placed")
        for name, work in (("matching.supply_demand", lambda: matching.supply_demand(db, programme)),
                           ("supply tab filled (core + tree)", page._fill_supply),
                           ("matching.draft_state", lambda: matching.draft_state(db, programme))):
            wall, cpu = measure(work, options.runs)
            print(f"  {name:<34}{wall * 1000:>8.1f} ms {cpu * 1000:>8.1f} ms")
    first, last = db.execute("SELECT first_pair_id, last_pair_id FROM drafts").fetchone()
    wall, cpu = measure(lambda: matching.draft_inputs(db, programme, first, last, False), options.runs)
    print(f"  {'matching.draft_inputs (per write)':<34}{wall * 1000:>8.1f} ms {cpu * 1000:>8.1f} ms")
    page.close()
    del page, app
    return 0


if __name__ == "__main__":
    sys.exit(main())

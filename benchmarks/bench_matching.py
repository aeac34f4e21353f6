"""Benchmark of automatic pairing at city scale (issue: pairing by trade).

    python benchmarks/bench_matching.py [--apprentices 20000] [--mentors 8000]

1. End to end on a database file: read the instance, solve, write the draft (one transaction).
   Targets: at most 1 s, at most 500 MB peak memory (resident set of this process).
2. The same instance solved by the straightforward model — one arc per apprentice and eligible
   mentor, OR-Tools min-cost flow — side by side with ours: time and objective. Target: at least
   10x faster with the identical optimal objective (matched count, score minus fairness).
"""

from __future__ import annotations

import argparse
import resource
import sys
import tempfile
import time
from pathlib import Path

import numpy as np
from ortools.graph.python import min_cost_flow

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from mentormatch import matching, sample, store  # noqa: E402


def straightforward(inst: matching.Instance) -> tuple[int, int, int, float]:
    """One node per apprentice, one arc per eligible (apprentice, mentor);
    returns (matched, objective, arcs, seconds in the solver alone)."""
    w = inst.weights
    by_trade: dict[int, list[int]] = {}
    for m, t in zip(inst.mt_mentor.tolist(), inst.mt_trade.tolist()):
        by_trade.setdefault(t, []).append(m)
    remaining = np.maximum(inst.men_capacity - inst.men_load, 0)
    experience = w.experience_max * np.minimum(inst.men_years, w.experience_cap_years) // w.experience_cap_years
    tails, heads, costs = [], [], []
    n = len(inst.app_id)
    for i, a in enumerate(inst.app_id.tolist()):
        trade, host, target = int(inst.app_trade[i]), int(inst.app_host[i]), int(inst.app_target[i])
        options = {m: w.same_trade for m in by_trade.get(trade, [])}
        for r in inst.related.get(trade, []) if inst.allow_related else []:
            for m in by_trade.get(r, []):
                options.setdefault(m, w.related_trade)
        current = inst.current.get(a, (0, 0))[1]
        for m, trade_points in options.items():
            mid = int(inst.men_id[m])
            if remaining[m] <= 0 or (host and inst.men_enterprise[m] != host) or (a, mid) in inst.exclusions:
                continue
            level = inst.men_level[m]
            s = (trade_points + (w.level_above if level > target else w.level_equal if level == target else 0) + experience[m]
                 + (w.continuity if mid == current else 0) + (w.preferred if mid == inst.app_preferred[i] else 0))
            tails.append(i)
            heads.append(n + m)
            costs.append(-int(s))
    flow = SOLVER()
    flow.add_arcs_with_capacity_and_unit_cost(np.array(tails, dtype=np.int64), np.array(heads, dtype=np.int64),
                                              np.ones(len(tails), dtype=np.int64), np.array(costs, dtype=np.int64))
    sink = n + len(inst.men_id)
    for m in np.flatnonzero(remaining).tolist():
        for j in range(int(remaining[m])):
            flow.add_arc_with_capacity_and_unit_cost(n + m, sink, 1, w.fairness_step * (int(inst.men_load[m]) + j))
    flow.set_nodes_supplies(np.append(np.arange(n), sink), np.append(np.ones(n, dtype=np.int64), -n))
    start = time.perf_counter()
    status = flow.solve_max_flow_with_min_cost()
    seconds = time.perf_counter() - start
    assert status == flow.OPTIMAL, status
    return int(flow.maximum_flow()), -int(flow.optimal_cost()), flow.num_arcs(), seconds


SOLVER = min_cost_flow.SimpleMinCostFlow


class TimedFlow(SOLVER):
    """OR-Tools' solver, timing its solve call (to compare solver with solver)."""

    seconds = 0.0

    def solve_max_flow_with_min_cost(self):
        start = time.perf_counter()
        try:
            return super().solve_max_flow_with_min_cost()
        finally:
            TimedFlow.seconds = time.perf_counter() - start


def peak_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--apprentices", type=int, default=20000)
    parser.add_argument("--mentors", type=int, default=8000)
    parser.add_argument("--enterprises", type=int, default=2600)
    parser.add_argument("--trades", type=int, default=40)
    options = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "city.db"
        db = store.open_database(path)
        sample.fill_city_scale(db, options.apprentices, options.mentors, options.enterprises, options.trades)
        db.close()
        db = store.open_database(path)
        before = peak_mb()
        t0 = time.perf_counter()
        inst = matching.load_instance(db, None)
        t1 = time.perf_counter()
        proposal = matching.solve(inst)
        t2 = time.perf_counter()
        matching.write_draft(db, inst, proposal)
        t3 = time.perf_counter()
        print(f"city scale: {len(inst.app_id)} apprentices, {len(inst.men_id)} mentors")
        print(f"end to end: {t3 - t0:.3f} s (read {t1 - t0:.3f} s, solve {t2 - t1:.3f} s, write draft {t3 - t2:.3f} s);"
              f" peak memory {peak_mb():.0f} MB (before the run {before:.0f} MB)")
        print(f"matched {proposal.matched}, unmatched {len(proposal.unmatched)}, total score {proposal.total_score},"
              f" fairness cost {proposal.fairness}, objective {proposal.objective}")
        # side by side on the same instance, solve only
        matching.min_cost_flow.SimpleMinCostFlow = TimedFlow
        t4 = time.perf_counter()
        ours = matching.solve(inst)
        t5 = time.perf_counter()
        matching.min_cost_flow.SimpleMinCostFlow = SOLVER
        plain_matched, plain_objective, plain_arcs, plain_solver = straightforward(inst)
        t6 = time.perf_counter()
        print(f"{'model':<34}{'seconds':>9}{'matched':>9}{'objective':>12}")
        print(f"{'apprentice classes (ours)':<34}{t5 - t4:>9.3f}{ours.matched:>9}{ours.objective:>12}")
        print(f"{'one arc per apprentice x mentor':<34}{t6 - t5:>9.3f}{plain_matched:>9}{plain_objective:>12}")
        same = (ours.matched, ours.objective) == (plain_matched, plain_objective)
        print(f"speed-up {(t6 - t5) / (t5 - t4):.1f}x (model built and solved); identical optimum: {'yes' if same else 'NO'}")
        print(f"in the OR-Tools solver alone: ours {TimedFlow.seconds:.3f} s, straightforward {plain_solver:.3f} s"
              f" ({plain_arcs} arcs), {plain_solver / TimedFlow.seconds:.1f}x")
        db.close()
        return 0 if same else 1


if __name__ == "__main__":
    raise SystemExit(main())

"""Benchmark of automatic pairing at city scale (issue: pairing by trade).

    python benchmarks/bench_matching.py [--apprentices 20000] [--mentors 8000] [--runs 5] [--preferring 0.2]

1. End to end on a database file: read the instance, solve, write the draft (one transaction).
   Targets: at most 1 s, at most 500 MB peak memory (resident set of this process).
2. The same instance solved by the straightforward model — one arc per apprentice and eligible
   mentor, OR-Tools min-cost flow — side by side with ours, both built with numpy arrays and the
   same `add_arcs_with_capacity_and_unit_cost`, both solved by the same OR-Tools call: model
   building, solver call and total, medians over the runs. Target: at least 10x faster in total
   with the identical optimal objective (matched count, score minus fairness). Three instances:
   the issue's (no preferences, exclusions or pairs yet), the same with a preferred mentor for a
   share of the apprentices, and re-matching everything once the first draft is accepted (every
   placed apprentice then has a current mentor worth the continuity bonus).
"""

from __future__ import annotations

import argparse
import random
import resource
import statistics
import sys
import tempfile
import time
from pathlib import Path

import numpy as np
from ortools.graph.python import min_cost_flow

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from mentormatch import matching, pairs, sample, store  # noqa: E402

SOLVER = min_cost_flow.SimpleMinCostFlow


class TimedFlow(SOLVER):
    """OR-Tools' solver, recording the time of its solve calls and the size of the model."""

    seconds = 0.0
    nodes = arcs = 0

    def solve_max_flow_with_min_cost(self):
        TimedFlow.nodes, TimedFlow.arcs = self.num_nodes(), self.num_arcs()
        start = time.perf_counter()
        try:
            return super().solve_max_flow_with_min_cost()
        finally:
            TimedFlow.seconds += time.perf_counter() - start


def straightforward(inst: matching.Instance) -> tuple[int, int]:
    """The straightforward model: a node per apprentice and per mentor, one unit arc per
    (apprentice, eligible mentor) scored in full, a mentor's fairness cost as unit arcs to the sink.
    Built from the instance with numpy (no Python loop over arcs); returns (matched, objective)."""
    w = inst.weights
    n = len(inst.app_id)
    remaining = np.maximum(inst.men_capacity - inst.men_load, 0)
    # (apprentice, trade, trade points): the own trade, and related trades when allowed
    q_app, q_trade, q_points = [np.arange(n)], [inst.app_trade], [np.full(n, w.same_trade)]
    if inst.allow_related and inst.related:
        relation = np.array([(t, r) for t, rs in inst.related.items() for r in rs], dtype=np.int64)
        qi, ri = matching._join(inst.app_trade, relation[:, 0])
        q_app.append(qi), q_trade.append(relation[ri, 1]), q_points.append(np.full(len(qi), w.related_trade))
    q_app, q_trade, q_points = (np.concatenate(x).astype(np.int64) for x in (q_app, q_trade, q_points))
    # mentors teaching the trade, at the host enterprise when there is one
    q_host = inst.app_host[q_app]
    scale = int(max(inst.men_enterprise.max(initial=0), inst.app_host.max(initial=0))) + 1
    hosted = q_host > 0
    qh, eh = matching._join(q_trade[hosted] * scale + q_host[hosted], inst.mt_trade * scale + inst.men_enterprise[inst.mt_mentor])
    qn, en = matching._join(q_trade[~hosted], inst.mt_trade)
    rows = np.concatenate((np.flatnonzero(hosted)[qh], np.flatnonzero(~hosted)[qn]))
    app, men, points = q_app[rows], inst.mt_mentor[np.concatenate((eh, en))], q_points[rows]
    keep = remaining[men] > 0
    if inst.exclusions:
        excluded = np.array([a * (1 << 32) + m for a, m in inst.exclusions], dtype=np.int64)
        keep &= ~np.isin(inst.app_id[app] * (1 << 32) + inst.men_id[men], excluded)
    app, men, points = app[keep], men[keep], points[keep]
    order = np.lexsort((-points, men, app))  # one arc per pair: the same trade before a related one
    app, men, points = app[order], men[order], points[order]
    first = np.ones(len(app), dtype=bool)
    first[1:] = (app[1:] != app[:-1]) | (men[1:] != men[:-1])
    app, men, points = app[first], men[first], points[first]
    level, target, mentor_id = inst.men_level[men], inst.app_target[app], inst.men_id[men]
    current = np.array([inst.current.get(a, (0, 0))[1] for a in inst.app_id.tolist()], dtype=np.int64)
    experience = w.experience_max * np.minimum(np.maximum(inst.men_years, 0), w.experience_cap_years) // w.experience_cap_years
    score = (points + np.where(level > target, w.level_above, np.where(level == target, w.level_equal, 0)) + experience[men]
             + np.where(current[app] == mentor_id, w.continuity, 0) + np.where(inst.app_preferred[app] == mentor_id, w.preferred, 0))
    if not len(app):
        return 0, 0
    flow = min_cost_flow.SimpleMinCostFlow()
    flow.add_arcs_with_capacity_and_unit_cost(app, n + men, np.ones(len(app), dtype=np.int64), -score)
    ladder = np.repeat(np.arange(len(remaining)), remaining)
    offset = np.arange(len(ladder)) - np.repeat(np.cumsum(remaining) - remaining, remaining)
    sink = n + len(remaining)
    flow.add_arcs_with_capacity_and_unit_cost(n + ladder, np.full(len(ladder), sink), np.ones(len(ladder), dtype=np.int64),
                                              w.fairness_step * (inst.men_load[ladder] + offset))
    flow.set_nodes_supplies(np.append(np.arange(n), sink), np.append(np.ones(n, dtype=np.int64), -n))
    status = flow.solve_max_flow_with_min_cost()
    assert status == flow.OPTIMAL, status
    return int(flow.maximum_flow()), -int(flow.optimal_cost())


def peak_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def timed(model) -> dict:
    """Run a model once: seconds to build it, in the solver call, to decode the flow (after the
    solver's 80 % progress mark; the straightforward model decodes nothing), in total; its size."""
    TimedFlow.seconds = 0.0
    marks = {}
    start = time.perf_counter()
    result = model(lambda percent: marks.setdefault(percent, time.perf_counter()))
    end = time.perf_counter()
    decode = end - marks[80] if 80 in marks else 0.0
    return {"result": result, "total": end - start, "solver": TimedFlow.seconds, "decode": decode,
            "build": end - start - TimedFlow.seconds - decode, "nodes": TimedFlow.nodes, "arcs": TimedFlow.arcs}


def side_by_side(title: str, inst: matching.Instance, runs: int) -> bool:
    """Both models on one instance, runs interleaved; prints the medians; True if every optimum agrees."""
    min_cost_flow.SimpleMinCostFlow = TimedFlow
    ours, plain = [], []
    try:
        for _ in range(runs):
            ours.append(timed(lambda progress: matching.solve(inst, progress)))
            plain.append(timed(lambda progress: straightforward(inst)))
    finally:
        min_cost_flow.SimpleMinCostFlow = SOLVER
    print(f"\n{title}")
    print(f"{'model':<34}{'nodes':>8}{'arcs':>10}{'build s':>9}{'solver s':>10}{'decode s':>10}{'total s':>9}"
          f"{'matched':>9}{'objective':>11}")
    for label, rows, (matched, objective) in (
            ("groups of alike (ours)", ours, (ours[0]["result"].matched, ours[0]["result"].objective)),
            ("one arc per apprentice x mentor", plain, plain[0]["result"])):
        build, solver, decode, whole = (statistics.median(r[k] for r in rows) for k in ("build", "solver", "decode", "total"))
        print(f"{label:<34}{rows[0]['nodes']:>8}{rows[0]['arcs']:>10}{build:>9.3f}{solver:>10.3f}{decode:>10.3f}{whole:>9.3f}"
              f"{matched:>9}{objective:>11}")
    ratio = {k: statistics.median(p[k] for p in plain) / statistics.median(o[k] for o in ours) for k in ("build", "solver", "total")}
    worst = min(p["total"] / o["total"] for p, o in zip(plain, ours))
    print(f"speed-up: build {ratio['build']:.1f}x, solver call {ratio['solver']:.1f}x, total {ratio['total']:.1f}x"
          f" (worst run {worst:.1f}x)")
    same = len({(o["result"].matched, o["result"].objective) for o in ours} | {p["result"] for p in plain}) == 1
    print(f"identical optimum in every run: {'yes' if same else 'NO'}")
    return same


def prefer(db, fraction: float) -> int:
    """Give a random fraction of the apprentices a preferred mentor they may have (seeded); the count."""
    rng = random.Random(7)
    mentors: dict[tuple, list[int]] = {}
    for mentor_id, trade_id, enterprise_id in db.execute("SELECT id, trade_id, enterprise_id FROM mentors ORDER BY id"):
        mentors.setdefault((trade_id, None), []).append(mentor_id)
        mentors.setdefault((trade_id, enterprise_id), []).append(mentor_id)
    chosen = [(rng.choice(mentors[(t, h)]), a) for a, t, h in db.execute("SELECT id, trade_id, host_enterprise_id FROM apprentices ORDER BY id")
              if rng.random() < fraction and (t, h) in mentors]
    with db.atomic():
        db.conn.executemany("UPDATE apprentices SET preferred_mentor_id = ? WHERE id = ?", chosen)
    return len(chosen)


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--apprentices", type=int, default=20000)
    parser.add_argument("--mentors", type=int, default=8000)
    parser.add_argument("--enterprises", type=int, default=2600)
    parser.add_argument("--trades", type=int, default=40)
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--preferring", type=float, default=0.2, help="share of apprentices given a preferred mentor in scenario 2")
    options = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "city.db"
        db = store.open_database(path)
        sample.fill_city_scale(db, options.apprentices, options.mentors, options.enterprises, options.trades)
        db.close()
        db = store.open_database(path)
        before = peak_mb()
        runs = []
        for _ in range(options.runs):  # each run replaces the previous run's draft
            t0 = time.perf_counter()
            inst = matching.load_instance(db, None)
            t1 = time.perf_counter()
            proposal = matching.solve(inst)
            t2 = time.perf_counter()
            matching.write_draft(db, inst, proposal)
            runs.append((time.perf_counter() - t0, t1 - t0, t2 - t1, time.perf_counter() - t2))
        total, read, solve, write = (statistics.median(x) for x in zip(*runs))
        print(f"city scale: {len(inst.app_id)} apprentices, {len(inst.men_id)} mentors; {options.runs} runs, medians")
        print(f"end to end: {total:.3f} s (read {read:.3f} s, solve {solve:.3f} s, write draft {write:.3f} s),"
              f" slowest run {max(r[0] for r in runs):.3f} s; peak memory {peak_mb():.0f} MB (before the runs {before:.0f} MB)")
        print(f"matched {proposal.matched}, unmatched {len(proposal.unmatched)}, total score {proposal.total_score},"
              f" fairness cost {proposal.fairness}, objective {proposal.objective}")
        print("\nside by side; build: everything before the solver call; decode: ours turns the flow into pairs with"
              " their breakdowns and the unmatched with reasons, the straightforward model stops at the optimum")
        same = side_by_side("1. the issue's instance: a first proposal", inst, options.runs)
        preferring = prefer(db, options.preferring)
        same &= side_by_side(f"2. the same with a preferred mentor for {preferring} apprentices",
                             matching.load_instance(db, None), options.runs)
        prefer(db, 0.0)
        pairs.accept(db, None)
        inst = matching.load_instance(db, None, rematch=True)
        same &= side_by_side(f"3. re-match everything after accepting the draft ({len(inst.current)} confirmed pairs may move)",
                             inst, options.runs)
        db.close()
        return 0 if same else 1


if __name__ == "__main__":
    raise SystemExit(main())

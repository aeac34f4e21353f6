"""Automatic pairing: hard rules, optimality against an independent solver, determinism, re-matching."""

from __future__ import annotations

import importlib.util
import json
from collections import Counter
from pathlib import Path

import numpy as np
import pytest
from hypothesis import HealthCheck, given
from hypothesis import settings as hsettings
from hypothesis import strategies as st
from scipy.optimize import Bounds, LinearConstraint, milp

from mentormatch import matching, pairs
from mentormatch.cli import main as cli_main
from mentormatch.errors import UserError
from mentormatch.settings import put
from mentormatch.store import memory_database, open_database


class World:
    """A tiny database built row by row for a test."""

    def __init__(self, db):
        self.db = db
        with db.atomic():
            self.college = db.execute("INSERT INTO colleges (name) VALUES ('测试技师学院')").lastrowid
            self.programme = db.execute("INSERT INTO programmes (name) VALUES ('测试项目')").lastrowid
        ids = dict(db.execute("SELECT name_zh, id FROM trades"))
        # 车工 ~ 数控车工 ~ 数控铣工 are related in the catalog; 电工 stands apart from them
        self.trades = [ids["车工"], ids["数控车工"], ids["数控铣工"], ids["电工"]]
        self.n = 0

    def enterprise(self) -> int:
        self.n += 1
        with self.db.atomic():
            return self.db.execute("INSERT INTO enterprises (name) VALUES (?)", [f"企业{self.n}"]).lastrowid

    def mentor(self, trade, enterprise, level=3, years=10, capacity=2, active=1, extra=()) -> int:
        self.n += 1
        with self.db.atomic():
            mid = self.db.execute(
                "INSERT INTO mentors (name, enterprise_id, employee_no, trade_id, skill_level, years, capacity, active)"
                " VALUES (?,?,?,?,?,?,?,?)", [f"导师{self.n}", enterprise, f"E{self.n}", trade, level, years, capacity, active]).lastrowid
            for t in extra:
                if t != trade:
                    self.db.execute("INSERT INTO mentor_trades VALUES (?, ?)", [mid, t])
        return mid

    def apprentice(self, trade, host=None, target=2, preferred=None) -> int:
        self.n += 1
        with self.db.atomic():
            return self.db.execute(
                "INSERT INTO apprentices (student_no, name, college_id, trade_id, target_level, host_enterprise_id, programme_id,"
                " preferred_mentor_id) VALUES (?,?,?,?,?,?,?,?)",
                [f"S{self.n:04d}", f"学徒{self.n}", self.college, trade, target, host, self.programme, preferred]).lastrowid

    def pair(self, apprentice, mentor, status="confirmed", locked=0) -> int:
        with self.db.atomic():
            return self.db.execute(
                "INSERT INTO pairs (programme_id, apprentice_id, mentor_id, status, locked, created_at) VALUES (?,?,?,?,?,'2026-01-01')",
                [self.programme, apprentice, mentor, status, locked]).lastrowid

    def exclude(self, apprentice, mentor) -> None:
        with self.db.atomic():
            self.db.execute("INSERT INTO exclusions (apprentice_id, mentor_id, created_at) VALUES (?, ?, '2026-01-01')",
                            [apprentice, mentor])

    def active(self) -> dict[int, tuple]:
        """apprentice -> (mentor, status, locked, pair id) of the active pairs."""
        return {a: (m, s, l, i) for i, a, m, s, l in self.db.execute(
            "SELECT id, apprentice_id, mentor_id, status, locked FROM pairs WHERE ended_at IS NULL")}


@st.composite
def worlds(draw, mentors=(0, 6), apprentices=(0, 8), kept=(0, 5), trades=st.integers(0, 3), levels=st.integers(1, 5),
           years=st.integers(0, 30), active=st.booleans(), sometimes=st.booleans()):
    """A random small world as plain data: mentors, apprentices, exclusions, kept pairs (sizes as (min, max));
    an apprentice has a host enterprise or a preferred mentor when `sometimes` draws True."""
    n_ent = draw(st.integers(1, 3))
    maybe = lambda values: sometimes.flatmap(lambda yes: values if yes else st.none())  # noqa: E731
    mentor_rows = draw(st.lists(st.tuples(trades, st.integers(0, n_ent - 1), levels, years,
                                          st.integers(0, 3), active, st.lists(trades, max_size=1)),
                                min_size=mentors[0], max_size=mentors[1]))
    apprentice_rows = draw(st.lists(st.tuples(trades, maybe(st.integers(0, n_ent - 1)), st.integers(2, 5),
                                              maybe(st.integers(0, mentors[1] - 1))),
                                    min_size=apprentices[0], max_size=apprentices[1]))
    exclusions = draw(st.lists(st.tuples(st.integers(0, apprentices[1] - 1), st.integers(0, mentors[1] - 1)), max_size=4))
    kept_rows = draw(st.lists(st.tuples(st.integers(0, apprentices[1] - 1), st.integers(0, mentors[1] - 1), st.booleans()),
                              min_size=kept[0], max_size=kept[1]))
    return n_ent, mentor_rows, apprentice_rows, exclusions, kept_rows


# many mentors alike in every score term, of two unrelated trades, most of them holding pairs: the
# solver groups them, and a group's ladder merges different loads
mostly = st.sampled_from([True, True, True, False])
alike_worlds = worlds(mentors=(6, 12), apprentices=(4, 12), kept=(2, 8), trades=st.sampled_from([0, 3]),
                      levels=st.sampled_from([3, 4]), years=st.just(10), active=mostly, sometimes=mostly.map(lambda x: not x))


def build(data):
    """The random world in a fresh database; kept pairs respect capacity (locked or confirmed)."""
    n_ent, mentors, apprentices, exclusions, kept = data
    db = memory_database()
    w = World(db)
    ents = [w.enterprise() for _ in range(n_ent)]
    mids = [w.mentor(w.trades[t], ents[e], level, years, cap, int(active), [w.trades[x] for x in extra])
            for t, e, level, years, cap, active, extra in mentors]
    aids = [w.apprentice(w.trades[t], ents[h] if h is not None else None, target,
                         mids[p] if p is not None and p < len(mids) else None) for t, h, target, p in apprentices]
    for a, m in set(exclusions):
        if a < len(aids) and m < len(mids):
            w.exclude(aids[a], mids[m])
    load = {}
    for a, m, locked in kept:
        if a < len(aids) and m < len(mids) and aids[a] not in w.active():
            cap = db.execute("SELECT capacity FROM mentors WHERE id = ?", [mids[m]]).fetchone()[0]
            if load.get(m, 0) < cap:
                load[m] = load.get(m, 0) + 1
                w.pair(aids[a], mids[m], "confirmed", int(locked))
    return db, w


def eligible(db, apprentice, mentor, allow_related) -> int | None:
    """The trade points if the pair keeps every hard rule except capacity, else None (independent of matching.py)."""
    a = db.execute("SELECT trade_id, host_enterprise_id FROM apprentices WHERE id = ?", [apprentice]).fetchone()
    m = db.execute("SELECT enterprise_id, active FROM mentors WHERE id = ?", [mentor]).fetchone()
    trades = {r[0] for r in db.execute("SELECT trade_id FROM mentors WHERE id = ? UNION SELECT trade_id FROM mentor_trades"
                                       " WHERE mentor_id = ?", [mentor, mentor])}
    related = {r[0] for r in db.execute("SELECT related_id FROM trade_relations WHERE trade_id = ?", [a[0]])}
    excluded = db.execute("SELECT 1 FROM exclusions WHERE apprentice_id = ? AND mentor_id = ?", [apprentice, mentor]).fetchone()
    if not m[1] or excluded or (a[1] is not None and a[1] != m[0]):
        return None
    if a[0] in trades:
        return 100
    if allow_related and trades & related:
        return 0
    return None


def check_hard_rules(db, w, before, allow_related):
    active = w.active()
    for a, (m, status, locked, pair_id) in before.items():
        if locked:
            assert active[a][3] == pair_id, "a locked pair changed"
    for a, (m, status, locked, pair_id) in active.items():
        if status == "proposed":
            assert eligible(db, a, m, allow_related) is not None, (a, m)
    for m, cap, load in db.execute("SELECT m.id, m.capacity, (SELECT COUNT(*) FROM pairs p WHERE p.mentor_id = m.id"
                                   " AND p.ended_at IS NULL) FROM mentors m"):
        assert load <= cap, f"mentor {m} over capacity"


@hsettings(max_examples=40, deadline=None, database=None, suppress_health_check=[HealthCheck.too_slow])
@given(worlds(), st.booleans(), st.booleans())
def test_hard_rules_never_broken(data, allow_related, rematch):
    db, w = build(data)
    before = w.active()
    proposal = matching.propose(db, w.programme, allow_related=allow_related, rematch=rematch)
    check_hard_rules(db, w, before, allow_related)
    # confirmed pairs stay put unless re-matching
    if not rematch:
        for a, row in before.items():
            assert w.active()[a] == row
    # every apprentice of the scope is either placed or explained
    placed = {a for a, _, _ in proposal.pairs}
    assert placed.isdisjoint(proposal.unmatched)
    db.close()


def independent_optimum(db, w, allow_related, rematch) -> tuple[int, int]:
    """(matched, score minus fairness) by a MILP over every eligible pair (SciPy/HiGHS), from the rules."""
    weights = {"level_above": 30, "level_equal": 15}
    kept = {a: row for a, row in w.active().items() if row[2] or not rematch}
    current = {a: row[0] for a, row in w.active().items() if not row[2] and rematch}
    apprentices = [r for r in db.execute("SELECT id, target_level, preferred_mentor_id FROM apprentices ORDER BY id") if r[0] not in kept]
    mentors = db.execute("SELECT id, skill_level, years, capacity FROM mentors WHERE active = 1 ORDER BY id").fetchall()
    load = {m: 0 for m, *_ in mentors}
    for m, *_ in kept.values():
        if m in load:
            load[m] += 1
    arcs = []
    for a, target, preferred in apprentices:
        for m, level, years, cap in mentors:
            trade = eligible(db, a, m, allow_related)
            if trade is None:
                continue
            s = (trade + (weights["level_above"] if level > target else weights["level_equal"] if level == target else 0)
                 + 10 * min(years, 20) // 20 + (50 if current.get(a) == m else 0) + (40 if preferred == m else 0))
            arcs.append((a, m, s))
    ladder = [(m, 20 * (load[m] + j)) for m, _, _, cap in mentors for j in range(max(cap - load[m], 0))]
    n = len(arcs) + len(ladder)
    if not arcs:
        return 0, 0
    big = 10_000
    c = np.array([-(big + s) for _, _, s in arcs] + [cost for _, cost in ladder], dtype=float)
    rows, lower, upper = [], [], []
    for a, *_ in apprentices:
        rows.append([1.0 if x[0] == a else 0.0 for x in arcs] + [0.0] * len(ladder))
        lower.append(0), upper.append(1)
    for m, *_ in mentors:
        rows.append([1.0 if x[1] == m else 0.0 for x in arcs] + [-1.0 if y[0] == m else 0.0 for y in ladder])
        lower.append(0), upper.append(0)
    result = milp(c, constraints=LinearConstraint(np.array(rows), lower, upper), integrality=np.ones(n), bounds=Bounds(0, 1))
    assert result.success
    chosen = np.round(result.x).astype(int)
    matched = int(chosen[:len(arcs)].sum())
    return matched, int(round(-result.fun)) - big * matched


@hsettings(max_examples=40, deadline=None, database=None, suppress_health_check=[HealthCheck.too_slow])
@given(worlds(), st.booleans(), st.booleans())
def test_optimum_equals_independent_solver(data, allow_related, rematch):
    db, w = build(data)
    expected = independent_optimum(db, w, allow_related, rematch)
    proposal = matching.solve(matching.load_instance(db, w.programme, allow_related=allow_related, rematch=rematch))
    assert (proposal.matched, proposal.objective) == expected
    db.close()


def _benchmark():
    """benchmarks/bench_matching.py as a module: its straightforward model is the benchmark's reference."""
    spec = importlib.util.spec_from_file_location("bench_matching", Path(__file__).resolve().parent.parent / "benchmarks" / "bench_matching.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


straightforward = _benchmark().straightforward


@hsettings(max_examples=60, deadline=None, database=None, suppress_health_check=[HealthCheck.too_slow])
@given(alike_worlds, st.booleans(), st.booleans())
def test_groups_of_alike_mentors_keep_the_optimum(data, allow_related, rematch):
    """The model with groups of interchangeable mentors reaches the optimum of the straightforward
    model (one arc per apprentice and mentor) and of the MILP; its pairs keep the rules, each pair's
    breakdown is its own mentor's, and the fairness cost is that of the mentors' final loads."""
    db, w = build(data)
    before = w.active()
    inst = matching.load_instance(db, w.programme, allow_related=allow_related, rematch=rematch)
    proposal = matching.solve(inst)
    assert (proposal.matched, proposal.objective) == straightforward(inst) == independent_optimum(db, w, allow_related, rematch)
    matching.write_draft(db, inst, proposal)
    check_hard_rules(db, w, before, allow_related)
    held = {m: 0 for (m,) in db.execute("SELECT id FROM mentors")}
    for a, (m, status, locked, _) in w.active().items():
        held[m] += status != "proposed" and a not in inst.current
    new = {m: 0 for m in held}
    for a, m, terms in proposal.pairs:
        level, years = db.execute("SELECT skill_level, years FROM mentors WHERE id = ?", [m]).fetchone()
        target = db.execute("SELECT target_level FROM apprentices WHERE id = ?", [a]).fetchone()[0]
        assert terms["level"] == (30 if level > target else 15 if level == target else 0)
        assert terms["experience"] == 10 * min(years, 20) // 20
        new[m] += 1
    assert proposal.fairness == sum(20 * (held[m] + k) for m in new for k in range(new[m]))
    db.close()


def test_alike_mentors_share_the_cheapest_places(db):
    w = World(db)
    e = w.enterprise()
    first, second, third = (w.mentor(w.trades[0], e, capacity=c) for c in (3, 2, 2))
    for mentor, held in ((first, 2), (third, 1)):
        for _ in range(held):
            w.pair(w.apprentice(w.trades[3]), mentor)
    new = [w.apprentice(w.trades[0]) for _ in range(3)]
    proposal = matching.propose(db, w.programme)
    # places: first 40; second 0, 20; third 20 -> the three cheapest, the lower mentor id on the tie
    assert [(a, m) for a, m, _ in proposal.pairs] == [(new[0], second), (new[1], second), (new[2], third)]
    assert proposal.fairness == 40 and proposal.objective == 3 * (100 + 30 + 5) - 40


def test_same_data_same_pairs(sample_db):
    first = matching.propose(sample_db, None)
    second = matching.propose(sample_db, None)
    assert first.pairs == second.pairs and first.unmatched == second.unmatched
    copy = memory_database()
    from mentormatch.sample import fill_sample

    fill_sample(copy)
    third = matching.propose(copy, None)
    assert third.pairs == first.pairs
    copy.close()


def test_draft_is_replaced_not_added(sample_db):
    matching.propose(sample_db, None)
    n = sample_db.execute("SELECT COUNT(*) FROM pairs").fetchone()[0]
    matching.propose(sample_db, None)
    assert sample_db.execute("SELECT COUNT(*) FROM pairs").fetchone()[0] == n
    assert sample_db.execute("SELECT COUNT(DISTINCT status) FROM pairs").fetchone()[0] == 1


def test_locked_pairs_and_exclusions_kept(db):
    w = World(db)
    e = w.enterprise()
    good = w.mentor(w.trades[0], e, level=5, years=20, capacity=2)
    weak = w.mentor(w.trades[0], e, level=1, years=0, capacity=2)
    a1, a2, a3 = (w.apprentice(w.trades[0]) for _ in range(3))
    locked = w.pair(a1, weak, "confirmed", locked=1)
    w.exclude(a2, good)
    matching.propose(db, w.programme, rematch=True)
    active = w.active()
    assert active[a1][3] == locked and active[a1][0] == weak
    assert active[a2][0] == weak  # the better mentor is excluded for a2
    assert active[a3][0] == good


def test_preferred_mentor_wins_ties_and_fairness_spreads_load(db):
    w = World(db)
    e = w.enterprise()
    m1 = w.mentor(w.trades[0], e, capacity=3)
    m2 = w.mentor(w.trades[0], e, capacity=3)
    a1 = w.apprentice(w.trades[0], preferred=m2)
    a2, a3 = w.apprentice(w.trades[0]), w.apprentice(w.trades[0])
    proposal = matching.propose(db, w.programme)
    assert dict((a, m) for a, m, _ in proposal.pairs)[a1] == m2
    loads = sorted(sum(1 for _, m, _ in proposal.pairs if m == x) for x in (m1, m2))
    assert loads == [1, 2]
    assert proposal.fairness == 20


def test_fairness_counts_the_pairs_a_mentor_already_holds(db):
    w = World(db)
    e = w.enterprise()
    busy = w.mentor(w.trades[0], e, level=4, capacity=3)   # +15 over the other for a target of 3
    free = w.mentor(w.trades[0], e, level=3, capacity=3)
    for _ in range(2):
        w.pair(w.apprentice(w.trades[3]), busy)            # two pairs held already (kept)
    a = w.apprentice(w.trades[0], target=3)
    proposal = matching.propose(db, w.programme)
    assert proposal.pairs[0][:2] == (a, free)              # the third apprentice would cost 40 > 15
    assert proposal.objective == 100 + 15 + 5


def test_continuity_keeps_an_optimal_confirmed_draft(sample_db):
    matching.propose(sample_db, None)
    pairs.accept(sample_db, None)
    confirmed = {r[0]: r[1] for r in sample_db.execute("SELECT apprentice_id, mentor_id FROM pairs WHERE ended_at IS NULL")}
    proposal = matching.propose(sample_db, None, rematch=True)
    assert {a: m for a, m, _ in proposal.pairs} == confirmed
    assert all(t["continuity"] == 50 for _, _, t in proposal.pairs)
    assert sample_db.execute("SELECT COUNT(*) FROM pairs WHERE status = 'proposed'").fetchone()[0] == 0


def test_rematch_moves_a_poor_pair_until_the_draft_is_decided(db):
    w = World(db)
    e = w.enterprise()
    other = w.enterprise()
    wrong = w.mentor(w.trades[3], other, capacity=1)  # another trade: paired by hand once
    right = w.mentor(w.trades[0], e, capacity=1)
    a = w.apprentice(w.trades[0])
    old = w.pair(a, wrong)
    matching.propose(db, w.programme, rematch=True)
    assert w.active()[a][:2] == (right, "proposed")
    assert db.execute("SELECT end_code FROM pairs WHERE id = ?", [old]).fetchone()[0] == pairs.REMATCH_PENDING
    pairs.discard_draft(db, w.programme)
    assert w.active()[a][3] == old
    matching.propose(db, w.programme, rematch=True)
    pairs.accept(db, w.programme)
    assert w.active()[a][:2] == (right, "confirmed")
    assert db.execute("SELECT end_code, ended_at IS NOT NULL FROM pairs WHERE id = ?", [old]).fetchone() == (pairs.REMATCHED, 1)


def test_unmatched_reasons_follow_the_rules(db):
    w = World(db)
    e1, e2 = w.enterprise(), w.enterprise()
    full = w.mentor(w.trades[1], e1, capacity=0)
    lonely = w.mentor(w.trades[2], e1, capacity=2)
    w.mentor(w.trades[0], e1, capacity=0, active=0)  # inactive: does not count
    no_trade = w.apprentice(w.trades[0])
    no_host = w.apprentice(w.trades[1], host=e2)
    excluded = w.apprentice(w.trades[2])
    w.exclude(excluded, lonely)
    all_full = w.apprentice(w.trades[1], host=e1)
    expected = {no_trade: matching.NO_MENTOR_OF_TRADE, no_host: matching.NO_MENTOR_AT_HOST,
                excluded: matching.ONLY_EXCLUDED, all_full: matching.ALL_FULL}
    assert matching.unpaired_reasons(db, w.programme) == expected  # before any proposal
    assert matching.propose(db, w.programme).unmatched == expected
    assert matching.unpaired_reasons(db, w.programme) == expected  # with the draft in place
    assert full


def test_reasons_without_a_proposal_skip_who_could_be_placed(sample_db):
    assert matching.unpaired_reasons(sample_db, None) == {a: matching.NO_MENTOR_AT_HOST for a in
                                                          matching.propose(sample_db, None).unmatched}
    pairs.discard_draft(sample_db, None)
    assert len(matching.unpaired_reasons(sample_db, None)) == 4  # the others have a mentor with a free place


def test_supply_and_demand_counts_the_places_each_apprentice_may_use(db):
    w = World(db)
    e1, e2, e3 = (w.enterprise() for _ in range(3))
    lathe, cnc, _, electric = w.trades
    w.mentor(lathe, e1, capacity=1), w.mentor(lathe, e1, capacity=2), w.mentor(lathe, e3, capacity=2)
    for _ in range(3):
        w.apprentice(lathe, host=e1)
    w.apprentice(lathe, host=e2)  # no lathe mentor at their host: the 5 free places are not theirs
    w.apprentice(lathe)           # not hosted: any lathe mentor
    sparky = w.mentor(electric, e1, capacity=1)
    shunned = w.apprentice(electric)
    w.exclude(shunned, sparky)
    w.apprentice(cnc)  # nobody teaches 数控车工; 车工 is related

    def table(**options):
        return {r["trade"]: r for r in matching.supply_demand(db, w.programme, **options)}

    def figures(row, *keys):
        return tuple(row[k] for k in keys)

    keys = ("needing", "in_draft", "usable_confirmed", "shortfall", "reasons")
    found = table()
    assert list(found)[:1] == ["车工"]  # short of places, and the most needing
    assert figures(found["车工"], "free_confirmed", "mentors", *keys) == (5, 3, 5, 0, 5, 1, {matching.NO_MENTOR_AT_HOST: 1})
    assert [(h["host"], *figures(h, *keys)) for h in found["车工"]["hosts"]] == [
        ("企业2", 1, 0, 0, 1, {matching.NO_MENTOR_AT_HOST: 1}), ("企业1", 3, 0, 3, 0, {}), ("", 1, 0, 5, 0, {})]
    assert figures(found["电工"], "free_confirmed", *keys) == (1, 1, 0, 0, 1, {matching.ONLY_EXCLUDED: 1})
    assert figures(found["数控车工"], "mentors", *keys) == (0, 1, 0, 0, 1, {matching.NO_MENTOR_OF_TRADE: 1})
    # with related trades, the lathe mentors' places are the CNC apprentice's too, and one is left
    assert figures(table(allow_related=True)["数控车工"], *keys) == (1, 0, 5, 0, {})

    # after a proposal, every row agrees with the draft: placed + left over = needing, the reasons are the draft's
    proposal = matching.propose(db, w.programme)
    found = table()
    assert Counter(proposal.unmatched.values()) == sum((Counter(r["reasons"]) for r in found.values()), Counter())
    for trade in found.values():
        for row in (trade, *trade["hosts"]):
            assert row["in_draft"] + row["shortfall"] == row["needing"], row
    assert figures(found["车工"], "usable_confirmed", "usable_after_draft", "free_after_draft") == (5, 1, 1)
    # accepted pairs need nobody any more and take their places
    pairs.accept(db, w.programme)
    assert figures(table()["车工"], "needing", "free_confirmed", "usable_confirmed", "shortfall") == (1, 1, 0, 1)


def test_related_trades_only_when_allowed(db):
    w = World(db)
    e = w.enterprise()
    m = w.mentor(w.trades[1], e)  # 数控车工
    a = w.apprentice(w.trades[0])  # 车工
    assert matching.propose(db, w.programme).matched == 0
    proposal = matching.propose(db, w.programme, allow_related=True)
    assert proposal.pairs == [(a, m, {"trade": 0, "level": 30, "experience": 5, "continuity": 0, "preferred": 0, "related_trade": 1})]


def test_weights_come_from_the_database(db):
    w = World(db)
    e = w.enterprise()
    senior = w.mentor(w.trades[0], e, level=5, years=0, capacity=1)
    veteran = w.mentor(w.trades[0], e, level=1, years=20, capacity=1)
    a = w.apprentice(w.trades[0], target=3)
    assert matching.propose(db, w.programme).pairs[0][1] == senior
    put(db, "match_weights", {"level_above": 0, "experience_max": 50})
    assert matching.propose(db, w.programme).pairs[0][1] == veteran
    assert a


def test_cli_match_draft_json_and_confirm(qapp, db_path, capsys):  # qapp: the CLI must not create a widget-less app
    db = open_database(db_path)
    from mentormatch.sample import fill_sample

    fill_sample(db)
    db.close()
    assert cli_main(["--db", str(db_path), "match"]) == 0
    lines = capsys.readouterr().out.splitlines()
    db = open_database(db_path)
    draft_score = db.execute("SELECT SUM(score) FROM pairs WHERE status = 'proposed' AND ended_at IS NULL").fetchone()[0]
    assert lines[:3] == ["Matched: 116 apprentices.", "Unmatched: 4 apprentices.", "  no mentor of that trade at the host enterprise: 4"]
    assert lines[3].startswith(f"Total score: {draft_score} (fairness cost ")
    assert lines[4] == "116 pairs are a draft: review them in the window, or run again with --confirm."
    # confirm a few by hand, then propose again: the JSON lists the confirmed and the proposed pairs
    pairs.accept(db, None, [r[0] for r in db.execute("SELECT id FROM pairs ORDER BY id LIMIT 10")])
    db.close()
    assert cli_main(["--db", str(db_path), "match", "--json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert data["matched"] == 106 and data["unmatched"] == {"no_trade": 0, "no_host": 4, "excluded": 0, "full": 0}
    assert not data["confirmed"] and sorted(p["status"] for p in data["pairs"]) == ["confirmed"] * 10 + ["proposed"] * 106
    db = open_database(db_path)
    for pair in data["pairs"]:
        assert set(pair["apprentice"]) >= {"student_no", "college"} and set(pair["mentor"]) >= {"id", "name", "employee_no", "enterprise"}
        expected = db.execute(
            "SELECT m.id, m.name, m.employee_no, e.name, p.score, p.status FROM apprentices a JOIN colleges c ON c.id = a.college_id"
            " JOIN pairs p ON p.apprentice_id = a.id AND p.ended_at IS NULL JOIN mentors m ON m.id = p.mentor_id"
            " JOIN enterprises e ON e.id = m.enterprise_id WHERE a.student_no = ? AND c.name = ?",
            [pair["apprentice"]["student_no"], pair["apprentice"]["college"]]).fetchone()
        mentor = pair["mentor"]
        assert (mentor["id"], mentor["name"], mentor["employee_no"], mentor["enterprise"], pair["score"], pair["status"]) == expected
        assert pair["score"] == sum(pair["breakdown"][k] for k in ("trade", "level", "experience", "continuity", "preferred"))
    assert data["total_score"] == sum(p["score"] for p in data["pairs"] if p["status"] == "proposed")
    db.close()
    assert cli_main(["--db", str(db_path), "match", "--programme", "2026 渝北—德阳 汽车工程半年实习", "--confirm", "--json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert data["confirmed"] and [p["status"] for p in data["pairs"]] == ["confirmed"] * 116
    # run again: nothing new, and the output says the confirmed pairs stay, not that there is a draft
    for again in (["match"], ["match", "--rematch", "--confirm"]):
        assert cli_main(["--db", str(db_path), *again]) == 0
        assert capsys.readouterr().out.splitlines()[-1] == "Nothing new to confirm: 116 confirmed pairs stay as they are."
    assert cli_main(["--db", str(db_path), "match", "--programme", "没有这个项目"]) == 2
    assert "没有这个项目" in capsys.readouterr().err


@pytest.mark.parametrize("bad", [{"same_trade": -1}, {"experience_cap_years": 0}, {"preferred": "many"}])
def test_bad_weights_give_a_message(db, bad):
    put(db, "match_weights", bad)
    with pytest.raises(UserError):
        matching.load_instance(db, None)

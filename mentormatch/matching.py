"""Automatic pairing: load the instance, solve it to optimality, explain the unmatched, write a draft.

    instance = load_instance(db, programme_id, allow_related=..., rematch=...)   # main thread
    proposal = solve(instance)                                                    # any thread: plain data
    change = write_draft(db, instance, proposal)                                  # main thread, one transaction

The objective is lexicographic: first the number of apprentices matched, then the total score minus
the fairness cost (see scoring.py). It is a min-cost flow solved by OR-Tools
(`solve_max_flow_with_min_cost`: the maximum flow, and among maximum flows the cheapest).

Speed: apprentices alike in every rule and class score term (trade, host enterprise, target level;
no exclusion) form one class node with a supply. An apprentice whose preferred or current mentor
is allowed gets a bonus node of their own with two ways out: through their class (any mentor at
the class's score) or straight to that mentor with the bonus added. Mentors with the same arcs
(from the same nodes at the same scores) form one group node: a mentor's fairness cost is convex,
so a group's ladder to the sink is the sorted merge of its mentors' places, one arc per distinct
cost. At city scale the model has about 27,000 arcs instead of the 2 million of one arc per
apprentice and eligible mentor.
Ties are broken by a deterministic perturbation smaller than one score point in total; a group's
flow goes to its mentors' cheapest places (lowest mentor id first), and a class's apprentices in
id order meet their mentors in id order: the same data gives the same pairs. (An apprentice who
passes through their class never lands on their bonus mentor there while the bonus is positive:
the straight arc would be better, so the optimum does not do it.)
"""

from __future__ import annotations

import hashlib
import json
from collections import Counter
from dataclasses import astuple, dataclass, field
from typing import Callable

import numpy as np
from ortools.graph.python import min_cost_flow
from sqlite_utils import Database

from mentormatch import pairs as pair_actions
from mentormatch import capacity, files, records, store
from mentormatch.errors import UserError
from mentormatch.i18n import translate
from mentormatch.scoring import SCORE_TERMS, Weights, load_weights
from mentormatch.store import writing

# why an apprentice is left without a mentor, checked in this order
NO_MENTOR_OF_TRADE = "no_trade"
NO_MENTOR_AT_HOST = "no_host"
ONLY_EXCLUDED = "excluded"
ALL_FULL = "full"
REASONS = (NO_MENTOR_OF_TRADE, NO_MENTOR_AT_HOST, ONLY_EXCLUDED, ALL_FULL)

PERTURBATION = 997  # tie-break values are 0..996


def reason_text(reason: str) -> str:
    return {
        NO_MENTOR_OF_TRADE: translate("Matching", "no active mentor of that trade"),
        NO_MENTOR_AT_HOST: translate("Matching", "no mentor of that trade at the host enterprise"),
        ONLY_EXCLUDED: translate("Matching", "only excluded mentors"),
        ALL_FULL: translate("Matching", "all mentors of that trade are full"),
    }[reason]


@dataclass
class Instance:
    """Everything the solver needs, as plain data read on the main thread."""

    programme_id: int | None
    allow_related: bool
    rematch: bool
    weights: Weights
    # the apprentices to place, sorted by id; host 0 = none, preferred 0 = none
    app_id: np.ndarray
    app_trade: np.ndarray
    app_host: np.ndarray
    app_target: np.ndarray
    app_preferred: np.ndarray
    app_programme: dict[int, int | None]
    # apprentice id -> (pair id, mentor id) of a confirmed pair that may move (re-matching)
    current: dict[int, tuple[int, int]]
    # active mentors sorted by id, with their effective capacity and the pairs they keep
    men_id: np.ndarray
    men_enterprise: np.ndarray
    men_level: np.ndarray
    men_years: np.ndarray
    men_capacity: np.ndarray
    men_load: np.ndarray
    # (mentor index, trade id) for every primary and additional trade of an active mentor
    mt_mentor: np.ndarray
    mt_trade: np.ndarray
    related: dict[int, list[int]]
    exclusions: set[tuple[int, int]]
    data_version: int = 0  # store.data_version when read: a commit of another program since makes the draft out of date


@dataclass
class Proposal:
    pairs: list[tuple[int, int, dict]] = field(default_factory=list)  # (apprentice id, mentor id, breakdown)
    unmatched: dict[int, str] = field(default_factory=dict)           # apprentice id -> reason
    total_score: int = 0
    fairness: int = 0  # the fairness cost of the new pairs

    @property
    def matched(self) -> int:
        return len(self.pairs)

    @property
    def objective(self) -> int:
        return self.total_score - self.fairness


# ---------------------------------------------------------------------------------------------
# loading


def load_instance(db: Database, programme_id: int | None, *, allow_related: bool = False,
                  rematch: bool = False, keep_draft: bool = False) -> Instance:
    """Read the instance as it stands once the current draft of the scope is set aside
    (keep_draft: as it stands now, the draft included).

    programme_id None means every apprentice. By default only apprentices without a confirmed or
    locked pair are placed; with rematch, confirmed pairs that are not locked may move too.
    """
    weights = load_weights(db)
    where, params = ("WHERE programme_id = ?", [programme_id]) if programme_id is not None else ("", [])
    apprentices = db.execute(
        "SELECT id, trade_id, IFNULL(host_enterprise_id, 0), target_level, IFNULL(preferred_mentor_id, 0), programme_id"
        f" FROM apprentices {where} ORDER BY id", params).fetchall()
    in_scope = {row[0] for row in apprentices}

    # active pairs as they stand without the scope's draft (see pairs.discard_draft)
    kept, moving, placed_elsewhere = [], {}, set()
    active = pair_actions.active_pairs(db) if keep_draft else pair_actions.active_without_draft(db, programme_id)
    for pair_id, apprentice_id, mentor_id, status, locked, pair_programme in active:
        if apprentice_id in in_scope and pair_actions.in_scope(pair_programme, programme_id):
            if status == "confirmed" and not locked and rematch:
                moving[apprentice_id] = (pair_id, mentor_id)
                continue
            placed_elsewhere.add(apprentice_id)
        kept.append(mentor_id)

    # capacities from the view of capacity.py; the loads count the pairs kept above (the scope's draft set aside)
    mentors = np.array(db.execute(
        "SELECT m.id, m.enterprise_id, m.skill_level, m.years, c.capacity FROM mentors m JOIN mentor_capacity c ON c.mentor_id = m.id"
        " WHERE m.active = 1 ORDER BY m.id").fetchall() or np.zeros((0, 5)), dtype=np.int64).reshape(-1, 5)
    men_id = mentors[:, 0]
    load = np.zeros(len(men_id), dtype=np.int64)
    if kept:
        index = np.searchsorted(men_id, np.array(kept, dtype=np.int64))
        valid = (index < len(men_id)) & (men_id[np.minimum(index, len(men_id) - 1)] == np.array(kept)) if len(men_id) else np.zeros(0, bool)
        np.add.at(load, index[valid], 1)
    trades = np.array(db.execute(
        "SELECT mt.mentor_id, mt.trade_id FROM mentor_teaches mt JOIN mentors m ON m.id = mt.mentor_id WHERE m.active = 1"
        " ORDER BY mt.mentor_id, mt.trade_id").fetchall() or np.zeros((0, 2)), dtype=np.int64).reshape(-1, 2)
    related: dict[int, list[int]] = {}
    if allow_related:
        for trade_id, related_id in db.execute("SELECT trade_id, related_id FROM trade_relations ORDER BY trade_id, related_id"):
            related.setdefault(trade_id, []).append(related_id)

    rows = [row for row in apprentices if row[0] not in placed_elsewhere]
    table = np.array([row[:5] for row in rows], dtype=np.int64).reshape(-1, 5)
    placed = {row[0] for row in rows}
    exclusions = {(a, m) for a, m in db.execute("SELECT apprentice_id, mentor_id FROM exclusions") if a in placed}
    return Instance(
        programme_id=programme_id, allow_related=allow_related, rematch=rematch, weights=weights,
        app_id=table[:, 0], app_trade=table[:, 1], app_host=table[:, 2], app_target=table[:, 3], app_preferred=table[:, 4],
        app_programme={row[0]: row[5] for row in rows}, current={a: moving[a] for a in sorted(moving) if a in placed},
        men_id=men_id, men_enterprise=mentors[:, 1], men_level=mentors[:, 2], men_years=mentors[:, 3],
        men_capacity=mentors[:, 4], men_load=load,
        mt_mentor=np.searchsorted(men_id, trades[:, 0]), mt_trade=trades[:, 1],
        related=related, exclusions=exclusions, data_version=store.data_version(db),
    )


# ---------------------------------------------------------------------------------------------
# solving


@dataclass
class _Classes:
    trade: np.ndarray
    host: np.ndarray
    target: np.ndarray
    first: np.ndarray       # index of the class's first apprentice in the instance arrays
    single: np.ndarray      # the apprentice id of a class of its own, else 0
    sizes: np.ndarray       # apprentices per class
    of: np.ndarray          # each apprentice's class (by index in the instance arrays)
    order: np.ndarray       # apprentice indices, class after class, ascending within a class


def _classes(inst: Instance) -> _Classes:
    """Group apprentices alike in every rule and class score term (trade, host enterprise, target
    level); anyone with an exclusion is alone. A preferred or current mentor does not split a class:
    solve() gives such an apprentice a bonus node of their own."""
    n = len(inst.app_id)
    alone = np.isin(inst.app_id, np.array(sorted({a for a, _ in inst.exclusions}), dtype=np.int64))
    hosts = int(inst.app_host.max(initial=0)) + 1
    key = (inst.app_trade * hosts + inst.app_host) * 8 + inst.app_target
    key = np.where(alone, -1 - np.arange(n), key)
    _, first, inverse, sizes = np.unique(key, return_index=True, return_inverse=True, return_counts=True)
    order = np.argsort(first, kind="stable")           # classes in the order of their first apprentice's id
    rank = np.empty_like(order)
    rank[order] = np.arange(len(order))
    of = rank[inverse.reshape(-1)]
    first, sizes = first[order], sizes[order]
    return _Classes(trade=inst.app_trade[first], host=inst.app_host[first], target=inst.app_target[first], first=first,
                    single=np.where(alone[first], inst.app_id[first], 0), sizes=sizes, of=of,
                    order=np.argsort(of, kind="stable"))


def _join(query_keys: np.ndarray, entry_keys: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """All (query index, entry index) with equal keys: a vectorised equi-join."""
    order = np.argsort(entry_keys, kind="stable")
    sorted_keys = entry_keys[order]
    lo = np.searchsorted(sorted_keys, query_keys, side="left")
    hi = np.searchsorted(sorted_keys, query_keys, side="right")
    counts = hi - lo
    query = np.repeat(np.arange(len(query_keys)), counts)
    starts = np.repeat(lo - np.concatenate(([0], np.cumsum(counts)[:-1])), counts) if len(counts) else lo
    return query, order[starts + np.arange(len(query))]


def _candidates(inst: Instance, cls: _Classes) -> dict[str, np.ndarray]:
    """Every (class, mentor) allowed by trade and host, best trade kind first; with reason counts."""
    n_classes = len(cls.trade)
    q_class, q_trade, q_related = [np.arange(n_classes)], [cls.trade], [np.zeros(n_classes, dtype=np.int64)]
    if inst.allow_related:
        extra = [(c, r) for c, t in enumerate(cls.trade.tolist()) for r in inst.related.get(t, [])]
        if extra:
            q_class.append(np.array([c for c, _ in extra])), q_trade.append(np.array([r for _, r in extra]))
            q_related.append(np.ones(len(extra), dtype=np.int64))
    q_class, q_trade, q_related = (np.concatenate(x).astype(np.int64) for x in (q_class, q_trade, q_related))
    q_host = cls.host[q_class]
    scale = int(max(inst.men_enterprise.max(initial=0), cls.host.max(initial=0))) + 1
    # any active mentor of the trade, then of the trade at the host enterprise
    has_trade = np.bincount(q_class[np.isin(q_trade, inst.mt_trade)], minlength=n_classes) > 0
    hosted = q_host > 0
    entry_te = inst.mt_trade * scale + inst.men_enterprise[inst.mt_mentor]
    qh, eh = _join(q_trade[hosted] * scale + q_host[hosted], entry_te)
    qn, en = _join(q_trade[~hosted], inst.mt_trade)
    hosted_idx, free_idx = np.flatnonzero(hosted), np.flatnonzero(~hosted)
    row_query = np.concatenate((hosted_idx[qh], free_idx[qn]))
    row_mentor = inst.mt_mentor[np.concatenate((eh, en))]
    row_class, row_related = q_class[row_query], q_related[row_query]
    has_host = np.bincount(row_class, minlength=n_classes) > 0
    # one row per (class, mentor): the same trade wins over a related one
    order = np.lexsort((row_related, row_mentor, row_class))
    row_class, row_mentor, row_related = row_class[order], row_mentor[order], row_related[order]
    first = np.ones(len(order), dtype=bool)
    first[1:] = (row_class[1:] != row_class[:-1]) | (row_mentor[1:] != row_mentor[:-1])
    row_class, row_mentor, row_related = row_class[first], row_mentor[first], row_related[first]
    if inst.exclusions:
        excluded = np.array([a * (1 << 32) + m for a, m in inst.exclusions], dtype=np.int64)
        keep = ~np.isin(cls.single[row_class] * (1 << 32) + inst.men_id[row_mentor], excluded)
        row_class, row_mentor, row_related = row_class[keep], row_mentor[keep], row_related[keep]
    has_allowed = np.bincount(row_class, minlength=n_classes) > 0
    return {"class": row_class, "mentor": row_mentor, "related": row_related,
            "has_trade": has_trade, "has_host": has_host, "has_allowed": has_allowed}


def _scores(inst: Instance, cls: _Classes, cand: dict[str, np.ndarray]) -> dict[str, np.ndarray]:
    """The class score terms of each candidate row (continuity and preferred are the apprentice's)."""
    w = inst.weights
    c, m = cand["class"], cand["mentor"]
    level = np.where(inst.men_level[m] > cls.target[c], w.level_above, np.where(inst.men_level[m] == cls.target[c], w.level_equal, 0))
    experience = w.experience_max * np.minimum(np.maximum(inst.men_years, 0), w.experience_cap_years) // w.experience_cap_years
    return {"trade": np.where(cand["related"] == 1, w.related_trade, w.same_trade), "level": level, "experience": experience[m]}


def _bonus_mentors(inst: Instance) -> tuple[np.ndarray, np.ndarray]:
    """Each apprentice's preferred and current mentor as mentor indices, -1 for none (or not active)."""
    current = np.zeros(len(inst.app_id), dtype=np.int64)
    if inst.current:
        moving = np.array([(a, m) for a, (_, m) in inst.current.items()], dtype=np.int64)
        current[np.searchsorted(inst.app_id, moving[:, 0])] = moving[:, 1]
    result = []
    for ids in (inst.app_preferred, current):
        index = np.minimum(np.searchsorted(inst.men_id, ids), max(len(inst.men_id) - 1, 0))
        found = (ids > 0) & (inst.men_id[index] == ids) if len(inst.men_id) else np.zeros(len(ids), dtype=bool)
        result.append(np.where(found, index, -1))
    return result[0], result[1]


def _reasons(cand: dict[str, np.ndarray]) -> list[str]:
    """Per class, the first reason that applies (ALL_FULL when some mentor is allowed)."""
    codes = np.select([cand["has_allowed"], cand["has_host"], cand["has_trade"]], [0, 1, 2], 3)
    return [(ALL_FULL, ONLY_EXCLUDED, NO_MENTOR_AT_HOST, NO_MENTOR_OF_TRADE)[k] for k in codes.tolist()]


def unpaired_reasons(db: Database, programme_id: int | None, *, allow_related: bool = False) -> dict[int, str]:
    """Why apprentices of the scope without a pair cannot get a mentor now, from the rules; an
    apprentice with an allowed mentor who still has a free place is not listed."""
    inst = load_instance(db, programme_id, allow_related=allow_related, keep_draft=True)
    cls = _classes(inst)
    cand = _candidates(inst, cls)
    free = np.maximum(inst.men_capacity - inst.men_load, 0)[cand["mentor"]] > 0
    left = ~(np.bincount(cand["class"][free], minlength=len(cls.sizes)) > 0)[cls.of]
    reasons = _reasons(cand)
    return {a: reasons[c] for a, c in zip(inst.app_id[left].tolist(), cls.of[left].tolist())}


def supply_demand(db: Database, programme_id: int | None, *, allow_related: bool = False) -> list[dict]:
    """Supply and demand per trade, and within each trade per host enterprise (host_id 0: not hosted).

    needing: apprentices of the scope still needing a mentor — the ones a proposal would place
    (without a confirmed or locked pair); in_draft: of them, those with a draft pair. usable_*:
    the free places (capacity.py's figures) of the active mentors the rules allow them — their
    trade, or a related one when allowed; a hosted apprentice only their host enterprise's; not a
    mentor excluded for all of them. shortfall: how many the best pairing leaves without a mentor
    (a proposal's unmatched), with reasons: {reason: count}. So after a proposal, in_draft +
    shortfall = needing. A trade's own free_confirmed, free_after_draft and mentors count all its
    active mentors (capacity.by_trade), as the mentor tree does. Trades short of places come first.
    """
    inst = load_instance(db, programme_id, allow_related=allow_related)
    cls = _classes(inst)
    cand = _candidates(inst, cls)
    unmatched = solve(inst).unmatched
    drafted = {a for _, a, _, status, _, programme in pair_actions.active_pairs(db)
               if status == "proposed" and pair_actions.in_scope(programme, programme_id)}
    # the mentors each (trade, host) may have: the union over its classes
    allowed: dict[tuple[int, int], set[int]] = {}
    for c, m in zip(cand["class"].tolist(), inst.men_id[cand["mentor"]].tolist()):
        allowed.setdefault((int(cls.trade[c]), int(cls.host[c])), set()).add(m)
    hosts: dict[tuple[int, int], dict] = {}
    for a, trade, host in zip(inst.app_id.tolist(), inst.app_trade.tolist(), inst.app_host.tolist()):
        row = hosts.setdefault((trade, host), {"host_id": host, "needing": 0, "in_draft": 0, "shortfall": 0, "reasons": {}})
        row["needing"] += 1
        row["in_draft"] += a in drafted
        if a in unmatched:
            row["shortfall"] += 1
            row["reasons"][unmatched[a]] = row["reasons"].get(unmatched[a], 0) + 1
    figures = capacity.by_mentor(db)
    by_trade = capacity.by_trade(db)
    trade_names = dict(db.execute("SELECT id, name_zh FROM trades"))
    host_names = {i: (short, name) for i, short, name in db.execute("SELECT id, IFNULL(NULLIF(short_name, ''), name), name FROM enterprises")}

    def usable(row: dict, mentors: set[int]) -> dict:
        places = capacity.total(figures[m] for m in mentors if m in figures)
        row.update(usable_mentors=places.mentors, usable_confirmed=places.free_confirmed, usable_after_draft=places.free_after_draft)
        return row

    def order(row: dict):
        return -row["shortfall"], -row["needing"]

    trades: dict[int, dict] = {t: {"trade_id": t, "trade": trade_names[t], "hosts": []} for t in set(by_trade) | {t for t, _ in hosts}}
    for (trade, host), row in hosts.items():
        row["host"], row["host_full"] = host_names.get(host, ("", ""))
        trades[trade]["hosts"].append(usable(row, allowed.get((trade, host), set())))
    result = []
    for trade, row in trades.items():
        places = by_trade.get(trade, capacity.NO_PLACES)
        reasons: dict[str, int] = {}
        for host in row["hosts"]:
            for reason, count in host["reasons"].items():
                reasons[reason] = reasons.get(reason, 0) + count
        row.update(mentors=places.mentors, free_confirmed=places.free_confirmed, free_after_draft=places.free_after_draft,
                   needing=sum(h["needing"] for h in row["hosts"]), in_draft=sum(h["in_draft"] for h in row["hosts"]),
                   shortfall=sum(h["shortfall"] for h in row["hosts"]), reasons=reasons)
        usable(row, set().union(*(allowed.get((trade, h["host_id"]), set()) for h in row["hosts"])))
        row["hosts"].sort(key=lambda h: (*order(h), h["host_id"] != 0, h["host"]))
        result.append(row)
    result.sort(key=lambda r: (*order(r), r["trade"]))
    return result


def _mentor_groups(arc_source: np.ndarray, arc_mentor: np.ndarray, arc_score: np.ndarray, n_mentors: int) -> np.ndarray:
    """Each mentor's group, -1 for a mentor without an arc. Mentors with the same arcs — from the
    same sources at the same scores — are interchangeable; groups are numbered by their first mentor."""
    group = np.full(n_mentors, -1, dtype=np.int64)
    if not len(arc_mentor):
        return group
    order = np.lexsort((arc_source, arc_mentor))
    mentor = arc_mentor[order]
    signature = (arc_source[order] * (int(arc_score.max()) + 1) + arc_score[order]).tolist()
    starts = np.flatnonzero(np.diff(mentor, prepend=-1))
    bounds = np.append(starts, len(mentor)).tolist()
    keys: dict[tuple, int] = {}
    group[mentor[starts]] = [keys.setdefault(tuple(signature[lo:hi]), len(keys)) for lo, hi in zip(bounds[:-1], bounds[1:])]
    return group


def _run_starts(keys: np.ndarray) -> np.ndarray:
    """For a sorted array, the index where each element's run of equal keys starts."""
    return np.searchsorted(keys, keys, side="left")


def solve(inst: Instance, progress: Callable[[int], None] | None = None) -> Proposal:
    """The optimal proposal for the instance (pure: touches no database)."""
    report = progress or (lambda percent: None)
    w = inst.weights
    cls = _classes(inst)
    report(10)
    cand = _candidates(inst, cls)
    terms = _scores(inst, cls, cand)
    row_score = sum(terms.values())
    n_classes, n_men = len(cls.sizes), len(inst.men_id)
    row_key = cand["class"] * n_men + cand["mentor"]  # sorted: rows are by class, then mentor
    remaining = np.maximum(inst.men_capacity - inst.men_load, 0)
    # An apprentice whose preferred or current mentor is allowed and has a place gets a bonus node:
    # one arc to their class (any mentor at the class's score) and one to each such mentor with the
    # bonus added. The sources of arcs are the classes, then the bonus nodes.
    preferred, current = _bonus_mentors(inst)
    has = [np.flatnonzero(x >= 0) for x in (preferred, current)]
    wish = np.unique(np.concatenate((has[0] * n_men + preferred[has[0]], has[1] * n_men + current[has[1]])))
    wish_app, wish_mentor = wish // n_men, wish % n_men
    row = np.minimum(np.searchsorted(row_key, cls.of[wish_app] * n_men + wish_mentor), max(len(row_key) - 1, 0))
    ok = (row_key[row] == cls.of[wish_app] * n_men + wish_mentor) & (remaining[wish_mentor] > 0) if len(row_key) else row < 0
    wish_app, wish_mentor, row = wish_app[ok], wish_mentor[ok], row[ok]
    bonus_app, wish_node = np.unique(wish_app, return_inverse=True)
    wish_score = (row_score[row] + w.preferred * (preferred[wish_app] == wish_mentor)
                  + w.continuity * (current[wish_app] == wish_mentor))
    usable = remaining[cand["mentor"]] > 0
    arc_source = np.concatenate((cand["class"][usable], n_classes + wish_node.reshape(-1)))
    arc_mentor = np.concatenate((cand["mentor"][usable], wish_mentor))
    arc_score = np.concatenate((row_score[usable], wish_score))
    report(30)
    # nodes: the sources that have an arc, the groups of interchangeable mentors, the sink
    group = _mentor_groups(arc_source, arc_mentor, arc_score, n_men)
    members = np.flatnonzero(group >= 0)
    first_mentor = members[np.unique(group[members], return_index=True)[1]]
    n_groups = len(first_mentor)
    own = first_mentor[group[arc_mentor]] == arc_mentor  # a group's arcs are its first mentor's
    g_source, g_group, g_score = arc_source[own], group[arc_mentor[own]], arc_score[own]
    sources, arc_tail = np.unique(g_source, return_inverse=True)
    sink = len(sources) + n_groups
    source_size = np.concatenate((cls.sizes, np.ones(len(bonus_app), dtype=np.int64)))
    supply = source_size - np.concatenate((np.bincount(cls.of[bonus_app], minlength=n_classes), np.zeros(len(bonus_app), dtype=np.int64)))
    source_app_id = np.concatenate((inst.app_id[cls.first], inst.app_id[bonus_app]))
    # scale: the perturbations of all units together stay below one point of the objective
    unit = (int(cls.sizes.sum()) + 1) * PERTURBATION
    perturb = (source_app_id[g_source] * 7919 + inst.men_id[first_mentor][g_group] * 104729) % PERTURBATION
    group_places = np.bincount(group[members], weights=remaining[members], minlength=n_groups).astype(np.int64)
    flow = min_cost_flow.SimpleMinCostFlow()
    arcs = flow.add_arcs_with_capacity_and_unit_cost(
        arc_tail, len(sources) + g_group, np.minimum(source_size[g_source], group_places[g_group]), -g_score * unit + perturb)
    links = flow.add_arcs_with_capacity_and_unit_cost(
        np.searchsorted(sources, n_classes + np.arange(len(bonus_app))), np.searchsorted(sources, cls.of[bonus_app]),
        np.ones(len(bonus_app), dtype=np.int64), np.zeros(len(bonus_app), dtype=np.int64))
    # the fairness ladder: a mentor holding L pairs pays step * (L + j) for the (j + 1)-th new
    # apprentice. The costs are convex, so a group's ladder is the sorted merge of its mentors'
    # places: one arc per distinct cost, as wide as the places at that cost.
    steps = remaining[members]
    place_mentor = np.repeat(members, steps)
    place_level = inst.men_load[place_mentor] + np.arange(len(place_mentor)) - np.repeat(np.cumsum(steps) - steps, steps)
    place_group = group[place_mentor]
    span = int(place_level.max(initial=0)) + 1
    rungs, widths = np.unique(place_group * span + place_level, return_counts=True)
    flow.add_arcs_with_capacity_and_unit_cost(
        len(sources) + rungs // span, np.full(len(rungs), sink), widths, w.fairness_step * (rungs % span) * unit)
    flow.set_nodes_supplies(np.append(np.arange(len(sources)), sink), np.append(supply[sources], -supply[sources].sum()))
    report(40)
    if len(g_source):
        status = flow.solve_max_flow_with_min_cost()
        if status != flow.OPTIMAL:
            raise UserError(translate("Matching", "The solver failed ({status}); nothing was changed.").format(status=status))
        used, linked = flow.flows(arcs), flow.flows(links)
    else:
        used, linked = np.zeros(0, dtype=np.int64), np.zeros(len(bonus_app), dtype=np.int64)
    report(80)
    # a group's new apprentices take its cheapest places, the lowest mentor index first on a tie
    order = np.lexsort((place_mentor, place_level, place_group))
    taken = np.bincount(g_group, weights=used, minlength=n_groups).astype(np.int64)
    rank = np.arange(len(order)) - _run_starts(place_group[order])
    given = np.bincount(place_mentor[order[rank < taken[place_group[order]]]], minlength=n_men)
    # within a group, the units source by source meet the places mentor by mentor
    by_group = np.lexsort((g_source, g_group))
    pair_source = np.repeat(g_source[by_group], used[by_group])
    grouped = members[np.argsort(group[members], kind="stable")]
    pair_mentor = np.repeat(grouped, given[grouped])
    order = np.lexsort((pair_mentor, pair_source))
    pair_source, pair_mentor = pair_source[order], pair_mentor[order]
    # a bonus node's unit is its apprentice's; a class's units go to the members it holds (those
    # without a bonus node, and those whose bonus node passed through it), in id order
    held = np.ones(len(inst.app_id), dtype=bool)
    held[bonus_app] = linked > 0
    holding = cls.order[held[cls.order]]
    in_class = pair_source < n_classes
    class_units = pair_source[in_class]
    pair_app = np.empty(len(pair_source), dtype=np.int64)
    pair_app[in_class] = holding[np.searchsorted(cls.of[holding], class_units) + np.arange(len(class_units)) - _run_starts(class_units)]
    pair_app[~in_class] = bonus_app[pair_source[~in_class] - n_classes]
    # each pair's breakdown: its class's row for its own mentor, and the apprentice's bonuses
    order = np.argsort(pair_app, kind="stable")
    pair_app, pair_mentor = pair_app[order], pair_mentor[order]
    rows = np.searchsorted(row_key, cls.of[pair_app] * n_men + pair_mentor)
    columns = {name: values[rows] for name, values in terms.items()}
    columns["continuity"] = w.continuity * (current[pair_app] == pair_mentor)
    columns["preferred"] = w.preferred * (preferred[pair_app] == pair_mentor)
    columns["related_trade"] = cand["related"][rows]
    proposal = Proposal()
    for a, m, values in zip(inst.app_id[pair_app].tolist(), inst.men_id[pair_mentor].tolist(),
                            np.stack(list(columns.values())).T.tolist()):
        breakdown = dict(zip(columns, values))
        if not breakdown["related_trade"]:
            del breakdown["related_trade"]
        proposal.pairs.append((a, m, breakdown))
    proposal.total_score = int(sum(columns[name].sum() for name in SCORE_TERMS))
    proposal.fairness = int((w.fairness_step * (given * (given - 1) // 2 + given * inst.men_load)).sum())
    # with a maximum flow, an apprentice left over with an allowed mentor finds them all full
    reasons = _reasons(cand)
    left = np.ones(len(inst.app_id), dtype=bool)
    left[pair_app] = False
    proposal.unmatched = {a: reasons[c] for a, c in zip(inst.app_id[left].tolist(), cls.of[left].tolist())}
    report(100)
    return proposal


# ---------------------------------------------------------------------------------------------
# writing and the command line


def write_draft(db: Database, inst: Instance, proposal: Proposal) -> pair_actions.Change:
    """Replace the scope's draft by the proposal, in one transaction (undoable), and keep what it was
    proposed from (draft_inputs)."""
    new = [(a, inst.app_programme[a], m, terms) for a, m, terms in proposal.pairs]
    with writing(db):
        change = pair_actions.write_draft(db, inst.programme_id, new, inst.current)
        written = [key[0] for (table, key), row in change.before.items() if table == "pairs" and row is None]
        if written:
            # another program's commit since the instance was read: the draft is out of date at once
            overtaken = store.data_version(db) != inst.data_version
            first, last = min(written), max(written)
            inputs = "" if overtaken else draft_inputs(db, inst.programme_id, first, last, inst.allow_related)
            # ids are used again once their pairs are gone: older drafts' ranges over these ids are void
            db.execute("DELETE FROM drafts WHERE first_pair_id <= ? AND last_pair_id >= ?", [last, first])
            db.execute("INSERT INTO drafts (first_pair_id, last_pair_id, programme_id, allow_related, inputs) VALUES (?, ?, ?, ?, ?)",
                       [first, last, inst.programme_id, int(inst.allow_related), inputs])
    return change


def draft_inputs(db: Database, programme_id: int | None, first: int, last: int, allow_related: bool) -> str:
    """A hash of what a proposal for the scope reads — the weights, the scope's apprentices, the
    active mentors with their capacities and trades, related trades when allowed, the scope's
    exclusions, and the active pairs — leaving out the draft's own pairs first..last while they
    are a draft or accepted (acting on the draft does not put it out of date; ending one does)."""
    where, params = ("a.programme_id = ?", [programme_id]) if programme_id is not None else ("1", [])
    in_scope = "p.programme_id = ?" if programme_id is not None else "1"
    reads = [
        [list(astuple(load_weights(db)))],
        db.execute("SELECT a.id, a.trade_id, a.host_enterprise_id, a.target_level, a.preferred_mentor_id, a.programme_id"
                   f" FROM apprentices a WHERE {where} ORDER BY a.id", params).fetchall(),
        db.execute("SELECT m.id, m.enterprise_id, m.skill_level, m.years, c.capacity FROM mentors m"
                   " JOIN mentor_capacity c ON c.mentor_id = m.id WHERE m.active = 1 ORDER BY m.id").fetchall(),
        db.execute("SELECT mentor_id, trade_id FROM mentor_teaches ORDER BY mentor_id, trade_id").fetchall(),
        db.execute("SELECT trade_id, related_id FROM trade_relations ORDER BY trade_id, related_id").fetchall() if allow_related else [],
        db.execute(f"SELECT x.apprentice_id, x.mentor_id FROM exclusions x JOIN apprentices a ON a.id = x.apprentice_id WHERE {where}"
                   " ORDER BY x.apprentice_id, x.mentor_id", params).fetchall(),
        # outside the scope only the places a pair takes count, not whether it is a draft
        db.execute(f"SELECT p.apprentice_id, p.mentor_id, p.programme_id, CASE WHEN {in_scope} THEN p.status || p.locked ELSE '' END"
                   " FROM pairs p WHERE p.ended_at IS NULL AND p.id NOT BETWEEN ? AND ?"
                   " ORDER BY p.apprentice_id, p.programme_id, p.mentor_id", [*params, first, last]).fetchall(),
        db.execute("SELECT id FROM pairs WHERE id BETWEEN ? AND ? AND ended_at IS NOT NULL ORDER BY id", [first, last]).fetchall(),
    ]
    return hashlib.blake2b(json.dumps(reads, separators=(",", ":")).encode(), digest_size=16).hexdigest()


@dataclass(frozen=True)
class DraftState:
    pairs: int        # the scope's draft pairs
    total_score: int  # the sum of their stored scores: the draft's own total
    stale: bool       # proposed from other inputs than there are now: propose again


def draft_state(db: Database, programme_id: int | None) -> DraftState:
    """The scope's draft as it stands. It is out of date when what a draft of it was proposed from
    (draft_inputs, kept by write_draft) has changed since; a draft written before drafts were
    recorded counts as current."""
    scope = "ended_at IS NULL AND status = 'proposed' AND (?1 IS NULL OR programme_id = ?1)"
    count, total = db.execute(f"SELECT COUNT(*), IFNULL(SUM(score), 0) FROM pairs WHERE {scope}", [programme_id]).fetchone()
    drafts = db.execute(
        "SELECT DISTINCT d.first_pair_id, d.last_pair_id, d.programme_id, d.allow_related, d.inputs FROM drafts d"
        " JOIN pairs p ON p.id BETWEEN d.first_pair_id AND d.last_pair_id WHERE p.ended_at IS NULL AND p.status = 'proposed'"
        " AND p.locked = 0 AND (?1 IS NULL OR p.programme_id = ?1)", [programme_id]).fetchall()
    stale = any(inputs != draft_inputs(db, scope_id, first, last, bool(related)) for first, last, scope_id, related, inputs in drafts)
    return DraftState(pairs=count, total_score=total, stale=stale)


def propose(db: Database, programme_id: int | None, *, allow_related: bool = False, rematch: bool = False) -> Proposal:
    """Load, solve and write the draft in one call (command line, tests, benchmark)."""
    inst = load_instance(db, programme_id, allow_related=allow_related, rematch=rematch)
    proposal = solve(inst)
    write_draft(db, inst, proposal)
    return proposal


def _pair_json(pair: dict) -> dict:
    """A pair for --json; moved_from: the confirmed mentor a re-match draft takes the apprentice from."""
    moved = pair["moved_from"]
    return {
        "status": pair["status"], "locked": pair["locked"],
        "apprentice": {"student_no": pair["student_no"], "name": pair["apprentice"], "college": pair["college"], "trade": pair["trade"]},
        "mentor": {"id": pair["mentor_id"], "name": pair["mentor"], "employee_no": pair["employee_no"], "enterprise": pair["enterprise"]},
        "score": pair["score"], "breakdown": pair["breakdown"], "override_reason": pair["override_reason"],
        "moved_from": None if moved is None else {"id": moved["mentor_id"], "name": moved["mentor"], "score_change": moved["score_change"]},
    }


def run_command(db: Database, args) -> int:
    """`mentormatch match`: propose pairs, print the outcome; exit 0 (a UserError ends in 2, see cli)."""
    programme_id = records.programme_id_by_name(db, args.programme)
    confirmed = False
    with writing(db):  # with --confirm, a refused confirmation leaves no draft behind either
        proposal = propose(db, programme_id, allow_related=args.allow_related, rematch=args.rematch)
        if args.confirm and db.execute("SELECT 1 FROM pairs WHERE ended_at IS NULL AND status = 'proposed'"
                                       + (" AND programme_id = ?" if programme_id is not None else ""),
                                       [programme_id] if programme_id is not None else []).fetchone():
            files.crash_point("confirm-draft-written")
            pair_actions.accept(db, programme_id)
            files.crash_point("confirm-before-commit")
            confirmed = True
    by_reason = {reason: 0 for reason in REASONS}
    for reason in proposal.unmatched.values():
        by_reason[reason] += 1
    if args.json:
        listed = pair_actions.list_pairs(db, programme_id)
        print(json.dumps({
            "programme": args.programme, "matched": proposal.matched, "unmatched": by_reason,
            "total_score": proposal.total_score, "fairness_cost": proposal.fairness, "confirmed": confirmed,
            "moved": sum(p["moved_from"] is not None for p in listed),
            "pairs": [_pair_json(p) for p in listed],
        }, ensure_ascii=False, indent=1))
        return 0
    print(translate("Matching", "Matched: {matched} apprentices.").format(matched=proposal.matched))
    print(translate("Matching", "Unmatched: {count} apprentices.").format(count=len(proposal.unmatched)))
    for reason in REASONS:
        if by_reason[reason]:
            print(translate("Matching", "  {reason}: {count}").format(reason=reason_text(reason), count=by_reason[reason]))
    print(translate("Matching", "Total score: {score} (fairness cost {fairness}).").format(
        score=proposal.total_score, fairness=proposal.fairness))
    statuses = Counter(p["status"] for p in pair_actions.list_pairs(db, programme_id))
    if confirmed:
        print(translate("Matching", "The pairs are confirmed: {count} active pairs in all.").format(count=statuses["confirmed"]))
    elif statuses["proposed"]:
        print(translate("Matching", "{count} pairs are a draft: review them in the window, or run again with --confirm.").format(
            count=statuses["proposed"]))
    elif statuses["confirmed"]:
        print(translate("Matching", "Nothing new to confirm: {count} confirmed pairs stay as they are.").format(
            count=statuses["confirmed"]))
    return 0

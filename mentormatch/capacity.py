"""A mentor's capacity, load and free places, and the mentors of a programme: the one home.

The rules are SQL views made by schema migration 2, so that record lists and exports can join and
sort by them; the functions here are the reads the rest of the core makes of them.

- mentor_capacity: capacity (the mentor's own, else the setting default_capacity), confirmed_load
  and draft_load (active pairs across all programmes), load (both), free_confirmed (places left
  against confirmed pairs: 空余名额（已确认）) and free_after_draft (left once the draft is
  accepted: 草稿后空余). Free places are never below 0; an inactive mentor has none.
- mentor_teaches: every trade a mentor teaches (primary and additional). A trade's places are
  those of the active mentors who teach it; a mentor of two trades counts under both.
- programme_mentors: the mentors of a programme's enterprises and those with an active pair in it
  (the letters appoint those with a confirmed pair first: letters.programme_mentors).
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import astuple, dataclass

from sqlite_utils import Database


@dataclass(frozen=True)
class Places:
    """A mentor's figures, or a trade's sums over its active mentors (capacity and loads included)."""

    capacity: int
    confirmed_load: int
    draft_load: int
    free_confirmed: int
    free_after_draft: int
    mentors: int = 1

    @property
    def load(self) -> int:
        return self.confirmed_load + self.draft_load


NO_PLACES = Places(0, 0, 0, 0, 0, mentors=0)  # a trade nobody teaches, a mentor who does not exist
_FIGURES = "capacity, confirmed_load, draft_load, free_confirmed, free_after_draft"


def of_mentor(db: Database, mentor_id: int) -> Places:
    """One mentor's figures."""
    row = db.execute(f"SELECT {_FIGURES} FROM mentor_capacity WHERE mentor_id = ?", [mentor_id]).fetchone()
    return Places(*row) if row else NO_PLACES


def by_mentor(db: Database) -> dict[int, Places]:
    """Each active mentor's figures."""
    return {row[0]: Places(*row[1:]) for row in db.execute(f"SELECT mentor_id, {_FIGURES} FROM mentor_capacity WHERE active = 1")}


def total(places: Iterable[Places]) -> Places:
    """The sums of several mentors' figures (a set of mentors someone may have, say)."""
    columns = list(zip(*(astuple(p) for p in places)))
    return Places(*(sum(c) for c in columns)) if columns else NO_PLACES


def by_trade(db: Database) -> dict[int, Places]:
    """Each trade with an active mentor: the sums over the active mentors who teach it."""
    rows = db.execute(
        "SELECT t.trade_id, SUM(c.capacity), SUM(c.confirmed_load), SUM(c.draft_load), SUM(c.free_confirmed),"
        " SUM(c.free_after_draft), COUNT(*) FROM mentor_teaches t JOIN mentor_capacity c ON c.mentor_id = t.mentor_id"
        " WHERE c.active = 1 GROUP BY t.trade_id")
    return {row[0]: Places(*row[1:]) for row in rows}


# a programme member (alias pm) with a confirmed active pair in the programme
_CONFIRMED = ("EXISTS (SELECT 1 FROM pairs p WHERE p.mentor_id = pm.mentor_id AND p.programme_id = pm.programme_id"
              " AND p.status = 'confirmed' AND p.ended_at IS NULL)")


def programme_mentor_ids(db: Database, programme_id: int, *, confirmed: bool = False, active: bool = False) -> list[int]:
    """The mentors of a programme, by enterprise then id; confirmed: only those with a confirmed
    active pair in it; active: only active mentors."""
    return [r[0] for r in db.execute(
        "SELECT m.id FROM mentors m WHERE m.id IN (SELECT pm.mentor_id FROM programme_mentors pm WHERE pm.programme_id = ?1"
        f" AND (?2 = 0 OR {_CONFIRMED})) AND (?3 = 0 OR m.active = 1) ORDER BY m.enterprise_id, m.id",
        [programme_id, int(confirmed), int(active)])]


def mentor_programme_ids(db: Database, mentor_id: int, *, confirmed: bool = False) -> list[int]:
    """The programmes a mentor belongs to, by id; confirmed: only those where they have a confirmed active pair."""
    return [r[0] for r in db.execute(
        f"SELECT DISTINCT pm.programme_id FROM programme_mentors pm WHERE pm.mentor_id = ?1 AND (?2 = 0 OR {_CONFIRMED})"
        " ORDER BY pm.programme_id", [mentor_id, int(confirmed)])]


def confirmed_apprentice_names(db: Database, mentor_id: int, programme_id: int | None) -> list[str]:
    """The names of the apprentices a mentor has a confirmed active pair with in a programme, by pinyin."""
    return [r[0] for r in db.execute(
        "SELECT a.name FROM pairs p JOIN apprentices a ON a.id = p.apprentice_id WHERE p.mentor_id = ? AND p.programme_id IS ?"
        " AND p.status = 'confirmed' AND p.ended_at IS NULL ORDER BY a.name_pinyin, a.id", [mentor_id, programme_id])]

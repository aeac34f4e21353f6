"""The coordinator's actions on pairs, each one transaction that can be undone.

Accept all or a selection of the draft, discard the draft, pair by hand (hard rules checked; a
broken rule needs a recorded override reason), unpair with a date and a reason (history is kept),
lock and unlock, exclude ("never pair these two"), and undo of the last action. Plus the read
side the pairing workspace shows: pairs, unpaired apprentices, mentor loads (supply and demand,
which needs the matcher's rules, is matching.supply_demand).

Every action returns a Change: the rows it touched, before and after. undo(db, change) puts the
before images back, provided nobody changed those rows since. Every action and undo leaves its
rows in the audit log (audit.py) inside its transaction: one per pair confirmed, paired, unpaired,
locked or unlocked, one for a draft proposed or discarded, an exclusion, an undo.

A draft that re-matches confirmed pairs ends each moved confirmed pair with the end code
REMATCH_PENDING: accepting the draft makes it REMATCHED, discarding the draft restores it.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from datetime import date

from PySide6.QtCore import QT_TRANSLATE_NOOP
from sqlite_utils import Database

from mentormatch import audit, capacity, pinyin, validation
from mentormatch.errors import UserError
from mentormatch.i18n import translate
from mentormatch.scoring import breakdown, load_weights, score
from mentormatch.store import now_iso, writes

REMATCH_PENDING = "rematch_pending"  # pairs.end_code
REMATCHED = "rematched"


def in_scope(pair_programme: int | None, programme_id: int | None) -> bool:
    """Whether a pair belongs to the scope (None: every programme)."""
    return programme_id is None or pair_programme == programme_id


def _scope_sql(programme_id: int | None, column: str = "programme_id") -> tuple[str, list]:
    return (f"{column} = ?", [programme_id]) if programme_id is not None else ("1", [])


# ---------------------------------------------------------------------------------------------
# the journal behind undo


@dataclass
class Change:
    label: str
    before: dict[tuple, tuple | None] = field(default_factory=dict)  # (table, key) -> row or None
    after: dict[tuple, tuple | None] = field(default_factory=dict)
    kind: str = "pairs"  # what the audit row of its undo names: pairs, or the records of a bulk edit (records.py)


# the tables an action may touch and their keys; records' bulk edits (records.set_fields,
# records.move_mentors) are undone the same way
_KEYS = {"pairs": ("id",), "exclusions": ("apprentice_id", "mentor_id"), "apprentices": ("id",), "mentors": ("id",)}


def _columns(db: Database, table: str) -> list[str]:
    return [row[1] for row in db.execute(f"PRAGMA table_info({table})")]


def _read(db: Database, table: str, keys: list[tuple]) -> dict[tuple, tuple]:
    if not keys:
        return {}
    key_columns = _KEYS[table]
    columns = _columns(db, table)
    positions = [columns.index(k) for k in key_columns]
    if key_columns == ("id",):
        rows = db.execute(f"SELECT * FROM {table} WHERE id IN (SELECT value FROM json_each(?))",
                          [json.dumps([k[0] for k in keys])]).fetchall()
    else:
        rows = [r for a, m in keys for r in db.execute(
            "SELECT * FROM exclusions WHERE apprentice_id = ? AND mentor_id = ?", [a, m]).fetchall()]
    return {tuple(row[p] for p in positions): tuple(row) for row in rows}


# the audit log names a pair by its apprentice and mentor: 张三 (2024001) — 王金松
_PAIR_TITLE = "a.name || ' (' || a.student_no || ') — ' || m.name"
_PAIR_TITLES = (f"SELECT p.id, {_PAIR_TITLE} FROM pairs p JOIN apprentices a ON a.id = p.apprentice_id"
                " JOIN mentors m ON m.id = p.mentor_id WHERE p.id IN (SELECT value FROM json_each(?))")


def _audit(db: Database, action: str, pair_ids: list[int], changes: dict | None = None) -> None:
    """The audit rows of an action on these pairs (while they exist): one per pair."""
    if changes is None:
        audit.record_select(db, action, "pairs", _PAIR_TITLES, [json.dumps(pair_ids)])
    else:
        for pair_id, name in db.execute(_PAIR_TITLES, [json.dumps(pair_ids)]).fetchall():
            audit.record(db, action, "pairs", pair_id, name, changes)


def _scope_title(db: Database, programme_id: int | None) -> str:
    if programme_id is None:
        return translate("Pairs", "All programmes")
    return db.execute("SELECT name FROM programmes WHERE id = ?", [programme_id]).fetchone()[0]


class Journal:
    """Collects the before images of the rows an action touches, then the after images."""

    def __init__(self, db: Database, label: str, kind: str = "pairs"):
        self.db = db
        self.change = Change(label, kind=kind)

    def touch(self, table: str, keys: list[tuple]) -> None:
        fresh = [k for k in keys if (table, k) not in self.change.before]
        found = _read(self.db, table, fresh)
        for k in fresh:
            self.change.before[(table, k)] = found.get(k)

    def finish(self) -> Change:
        for table in _KEYS:
            keys = [k for t, k in self.change.before if t == table]
            found = _read(self.db, table, keys)
            for k in keys:
                self.change.after[(table, k)] = found.get(k)
        return self.change


@writes
def undo(db: Database, change: Change) -> None:
    """Put back what change did, in one transaction; refuse if the rows changed since."""
    for table in _KEYS:
        keys = [k for t, k in change.after if t == table]
        found = _read(db, table, keys)
        if any(found.get(k) != change.after[(table, k)] for k in keys):
            changed = (translate("Pairs", "These pairs were changed since; \"{action}\" can no longer be undone.") if change.kind == "pairs"
                       else translate("Pairs", "These records were changed since; \"{action}\" can no longer be undone."))
            raise UserError(changed.format(action=change.label))
    # deletions first, then rows that end, then rows that become active: the one-active-pair
    # index never sees two active pairs of one apprentice
    ended = _columns(db, "pairs").index("ended_at")

    def order(item):
        (table, key), row = item
        return (row is not None, table == "pairs" and row is not None and row[ended] is None)

    for (table, key), row in sorted(change.before.items(), key=order):
        columns = _columns(db, table)
        where = " AND ".join(f"{k} = ?" for k in _KEYS[table])
        if row is None:
            db.execute(f"DELETE FROM {table} WHERE {where}", list(key))
        elif change.after[(table, key)] is None:
            db.execute(f"INSERT INTO {table} ({', '.join(columns)}) VALUES ({', '.join('?' * len(columns))})", list(row))
        else:
            db.execute(f"UPDATE {table} SET {', '.join(f'{c} = ?' for c in columns)} WHERE {where}", [*row, *key])
    audit.record(db, "undo", change.kind, None, change.label,
                 {"pairs": [None, sum(1 for table, _ in change.before if table == "pairs")]} if change.kind == "pairs" else None)



def undo_last(db: Database, history: list[Change]) -> Change:
    """Undo the newest change of a window's history and take it off; when the rows changed since,
    nothing older can be undone either: the history is emptied and UserError says why."""
    try:
        undo(db, history[-1])
    except UserError:
        history.clear()
        raise
    return history.pop()

# ---------------------------------------------------------------------------------------------
# the draft


def active_pairs(db: Database) -> list[tuple]:
    """Every active pair: (pair id, apprentice id, mentor id, status, locked, programme id)."""
    return db.execute("SELECT id, apprentice_id, mentor_id, status, locked, programme_id FROM pairs WHERE ended_at IS NULL").fetchall()


def active_without_draft(db: Database, programme_id: int | None) -> list[tuple]:
    """Active pairs as they would stand after discard_draft(programme_id):
    (pair id, apprentice id, mentor id, status, locked, programme id)."""
    active, pending = [], []
    for pair_id, apprentice_id, mentor_id, status, locked, programme, ended in db.execute(
            "SELECT id, apprentice_id, mentor_id, status, locked, programme_id, ended_at FROM pairs"
            " WHERE ended_at IS NULL OR end_code = ? ORDER BY id DESC", [REMATCH_PENDING]):
        row = (pair_id, apprentice_id, mentor_id, status, locked, programme)
        if ended is None:
            if not (status == "proposed" and not locked and in_scope(programme, programme_id)):
                active.append(row)
        elif in_scope(programme, programme_id):
            pending.append(row)
    taken = {(r[1], r[5]) for r in active}
    for row in pending:  # newest first: at most one comes back per apprentice
        if (row[1], row[5]) not in taken:
            taken.add((row[1], row[5]))
            active.append(row)
    return active


def _discard(db: Database, journal: Journal, programme_id: int | None) -> int:
    """Drop the scope's draft; returns how many draft pairs went."""
    where, params = _scope_sql(programme_id)
    drafts = [r[0] for r in db.execute(
        f"SELECT id FROM pairs WHERE ended_at IS NULL AND status = 'proposed' AND locked = 0 AND {where}", params)]
    pending = db.execute(
        f"SELECT id, apprentice_id, programme_id FROM pairs WHERE ended_at IS NOT NULL AND end_code = ? AND {where} ORDER BY id DESC",
        [REMATCH_PENDING, *params]).fetchall()
    journal.touch("pairs", [(i,) for i in drafts] + [(r[0],) for r in pending])
    db.execute("DELETE FROM pairs WHERE id IN (SELECT value FROM json_each(?))", [json.dumps(drafts)])
    for pair_id, apprentice_id, programme in pending:
        busy = db.execute("SELECT 1 FROM pairs WHERE apprentice_id = ? AND programme_id IS ? AND ended_at IS NULL",
                          [apprentice_id, programme]).fetchone()
        if busy:
            db.execute("UPDATE pairs SET end_code = ? WHERE id = ?", [REMATCHED, pair_id])
        else:
            db.execute("UPDATE pairs SET ended_at = NULL, end_code = NULL WHERE id = ?", [pair_id])
    return len(drafts)


@writes
def discard_draft(db: Database, programme_id: int | None) -> Change:
    """Drop the draft of the scope (locked draft pairs stay) and restore pairs it would move."""
    journal = Journal(db, translate("Pairs", "Discard the draft"))
    dropped = _discard(db, journal, programme_id)
    audit.record(db, "discard", "pairs", None, _scope_title(db, programme_id), {"pairs": [dropped, 0]})
    return journal.finish()


@writes
def write_draft(db: Database, programme_id: int | None, new_pairs: list[tuple[int, int | None, int, dict]],
                moving: dict[int, tuple[int, int]]) -> Change:
    """Replace the scope's draft by new_pairs [(apprentice, programme, mentor, breakdown)].

    moving: apprentice -> (confirmed pair id, mentor id) that a re-match was free to move; those
    whose new mentor differs, or who got none, end with REMATCH_PENDING until the draft is decided.
    """
    journal = Journal(db, translate("Pairs", "Propose pairs"))
    today, stamp = date.today().isoformat(), now_iso()
    _discard(db, journal, programme_id)
    proposed = {a: m for a, _, m, _ in new_pairs}
    ending = [pair_id for a, (pair_id, mentor) in moving.items() if proposed.get(a) != mentor]
    journal.touch("pairs", [(i,) for i in ending])
    db.conn.executemany("UPDATE pairs SET ended_at = ?, end_code = ? WHERE id = ?",
                        [(today, REMATCH_PENDING, i) for i in ending])
    rows = [(p, a, m, score(terms), json.dumps(terms), stamp)
            for a, p, m, terms in new_pairs if not (a in moving and moving[a][1] == m)]
    start = (db.execute("SELECT IFNULL(MAX(id), 0) FROM pairs").fetchone()[0]) + 1
    db.conn.executemany(
        "INSERT INTO pairs (id, programme_id, apprentice_id, mentor_id, status, score, breakdown, created_at)"
        " VALUES (?, ?, ?, ?, 'proposed', ?, ?, ?)", [(start + i, *row) for i, row in enumerate(rows)])
    for i in range(len(rows)):
        journal.change.before[("pairs", (start + i,))] = None
    audit.record(db, "propose", "pairs", None, _scope_title(db, programme_id),
                 {"pairs": [None, len(rows)], **({"ended": [None, len(ending)]} if ending else {})})
    return journal.finish()


@writes
def accept(db: Database, programme_id: int | None, pair_ids: list[int] | None = None) -> Change:
    """Confirm the whole draft of the scope, or only the draft pairs pair_ids."""
    where, params = _scope_sql(programme_id)
    drafts = db.execute(f"SELECT id, apprentice_id, programme_id FROM pairs WHERE ended_at IS NULL AND status = 'proposed' AND {where}",
                        params).fetchall()
    if pair_ids is not None:
        wanted = set(pair_ids)
        drafts = [d for d in drafts if d[0] in wanted]
    if not drafts:
        raise UserError(translate("Pairs", "There is no draft pair to accept."))
    journal = Journal(db, translate("Pairs", "Accept pairs"))
    pending = db.execute(f"SELECT id, apprentice_id, programme_id FROM pairs WHERE end_code = ? AND {where}",
                         [REMATCH_PENDING, *params]).fetchall()
    accepted = {(a, p) for _, a, p in drafts}
    settle = [r[0] for r in pending if pair_ids is None or (r[1], r[2]) in accepted]
    journal.touch("pairs", [(d[0],) for d in drafts] + [(i,) for i in settle])
    stamp = now_iso()
    db.conn.executemany("UPDATE pairs SET status = 'confirmed', confirmed_at = ? WHERE id = ?", [(stamp, d[0]) for d in drafts])
    db.conn.executemany("UPDATE pairs SET end_code = ? WHERE id = ?", [(REMATCHED, i) for i in settle])
    _audit(db, "confirm", [d[0] for d in drafts])
    return journal.finish()


# ---------------------------------------------------------------------------------------------
# by hand


def _apprentice(db: Database, apprentice_id: int):
    row = db.execute(
        "SELECT a.id, a.name, a.trade_id, a.host_enterprise_id, a.target_level, a.preferred_mentor_id, a.programme_id, t.name_zh,"
        " e.name FROM apprentices a JOIN trades t ON t.id = a.trade_id LEFT JOIN enterprises e ON e.id = a.host_enterprise_id"
        " WHERE a.id = ?", [apprentice_id]).fetchone()
    if row is None:
        raise UserError(translate("Pairs", "This apprentice no longer exists."))
    return row


def _mentor(db: Database, mentor_id: int):
    row = db.execute(
        "SELECT m.id, m.name, m.enterprise_id, m.skill_level, m.years, m.active, e.name"
        " FROM mentors m JOIN enterprises e ON e.id = m.enterprise_id WHERE m.id = ?", [mentor_id]).fetchone()
    if row is None:
        raise UserError(translate("Pairs", "This mentor no longer exists."))
    return row


def _mentor_trades(db: Database, mentor_id: int) -> set[int]:
    return {r[0] for r in db.execute("SELECT trade_id FROM mentor_teaches WHERE mentor_id = ?", [mentor_id])}


def _active_pair(db: Database, apprentice_id: int, programme_id: int | None):
    return db.execute("SELECT id, mentor_id, status, locked FROM pairs WHERE apprentice_id = ? AND IFNULL(programme_id, 0) = IFNULL(?, 0)"
                      " AND ended_at IS NULL", [apprentice_id, programme_id]).fetchone()


def violations(db: Database, apprentice_id: int, mentor_id: int, allow_related: bool = False) -> list[str]:
    """The hard rules pairing these two would break, in words (empty: none)."""
    a, m = _apprentice(db, apprentice_id), _mentor(db, mentor_id)
    problems = []
    if not m[5]:
        problems.append(translate("Pairs", "{mentor} is not an active mentor.").format(mentor=m[1]))
    trades = _mentor_trades(db, mentor_id)
    if a[2] not in trades:
        related = {r[0] for r in db.execute("SELECT related_id FROM trade_relations WHERE trade_id = ?", [a[2]])}
        if not trades & related:
            problems.append(translate("Pairs", "{mentor} does not teach {apprentice}'s trade ({trade}).").format(
                mentor=m[1], apprentice=a[1], trade=a[7]))
        elif not allow_related:
            problems.append(translate("Pairs", "{mentor} teaches only a trade related to {trade}, and related trades are not allowed.").format(
                mentor=m[1], trade=a[7]))
    if a[3] is not None and a[3] != m[2]:
        problems.append(translate("Pairs", "{apprentice} is hosted by {host}, but {mentor} works at {enterprise}.").format(
            apprentice=a[1], host=a[8], mentor=m[1], enterprise=m[6]))
    places = capacity.of_mentor(db, mentor_id)
    current = _active_pair(db, apprentice_id, a[6])
    load = places.load - (current is not None and current[1] == mentor_id)  # their own pair is no extra load
    if load >= places.capacity:
        problems.append(translate("Pairs", "{mentor} is full ({load}/{capacity}).").format(mentor=m[1], load=load, capacity=places.capacity))
    if db.execute("SELECT 1 FROM exclusions WHERE apprentice_id = ? AND mentor_id = ?", [apprentice_id, mentor_id]).fetchone():
        problems.append(translate("Pairs", "{apprentice} and {mentor} must never be paired (exclusion).").format(apprentice=a[1], mentor=m[1]))
    return problems


@writes
def pair_by_hand(db: Database, apprentice_id: int, mentor_id: int, override_reason: str | None = None,
                 allow_related: bool = False) -> Change:
    """Pair these two as a confirmed pair; breaking a hard rule needs override_reason (recorded)."""
    a, m = _apprentice(db, apprentice_id), _mentor(db, mentor_id)
    reason = override_reason if override_reason and override_reason.strip() else None  # as typed
    problems = violations(db, apprentice_id, mentor_id, allow_related)
    if problems and not reason:
        raise UserError("\n".join(problems))
    current = _active_pair(db, apprentice_id, a[6])
    if current and current[3]:
        raise UserError(translate("Pairs", "{apprentice}'s pair is locked; unlock it first.").format(apprentice=a[1]))
    if current and current[1] == mentor_id:
        if current[2] == "confirmed":
            raise UserError(translate("Pairs", "{apprentice} is already paired with {mentor}.").format(apprentice=a[1], mentor=m[1]))
        return accept(db, a[6], [current[0]])
    weights = load_weights(db)
    terms = breakdown(weights, same_trade=a[2] in _mentor_trades(db, mentor_id), mentor_level=m[3], target_level=a[4],
                      years=m[4], continuity=False, preferred=a[5] == mentor_id)
    journal = Journal(db, translate("Pairs", "Pair by hand"))
    if current:
        journal.touch("pairs", [(current[0],)])
        if current[2] == "proposed":
            db.execute("DELETE FROM pairs WHERE id = ?", [current[0]])
        else:
            db.execute("UPDATE pairs SET ended_at = ?, end_code = 'moved' WHERE id = ?", [date.today().isoformat(), current[0]])
    stamp = now_iso()
    new_id = db.execute(
        "INSERT INTO pairs (programme_id, apprentice_id, mentor_id, status, score, breakdown, override_reason, created_at, confirmed_at)"
        " VALUES (?, ?, ?, 'confirmed', ?, ?, ?, ?, ?)",
        [a[6], apprentice_id, mentor_id, score(terms), json.dumps(terms), reason if problems else None, stamp, stamp]).lastrowid
    journal.change.before[("pairs", (new_id,))] = None
    moved = {"mentor": [_mentor(db, current[1])[1], m[1]]} if current and current[2] == "confirmed" else {}
    _audit(db, "pair", [new_id], {**moved, **({"override_reason": [None, reason]} if problems else {})})
    return journal.finish()


def _pair(db: Database, pair_id: int):
    row = db.execute("SELECT id, apprentice_id, mentor_id, status, locked, ended_at FROM pairs WHERE id = ?", [pair_id]).fetchone()
    if row is None or row[5] is not None:
        raise UserError(translate("Pairs", "This pair is no longer active."))
    return row


@writes
def unpair(db: Database, pair_id: int, ended_on: str, reason: str) -> Change:
    """End a confirmed pair on ended_on for reason (kept as history); a draft pair just leaves the draft."""
    pair = _pair(db, pair_id)
    if pair[4]:
        raise UserError(translate("Pairs", "This pair is locked; unlock it first."))
    if not reason.strip():
        raise UserError(translate("Pairs", "Please give the reason for ending the pair."))
    try:
        ended_on = validation.iso_date(ended_on) or date.today().isoformat()
    except validation.ValidationError as exc:
        raise UserError(str(exc)) from exc
    began = db.execute("SELECT substr(IFNULL(confirmed_at, created_at), 1, 10) FROM pairs WHERE id = ?", [pair_id]).fetchone()[0]
    if pair[3] == "confirmed" and ended_on < began:
        raise UserError(translate("Pairs", "The pair cannot end on {ended}: it began on {began}.").format(ended=ended_on, began=began))
    journal = Journal(db, translate("Pairs", "Unpair"))
    journal.touch("pairs", [(pair_id,)])
    _audit(db, "unpair", [pair_id], {**({"ended_at": [None, ended_on]} if pair[3] == "confirmed" else {}), "reason": [None, reason]})
    if pair[3] == "proposed":
        db.execute("DELETE FROM pairs WHERE id = ?", [pair_id])
    else:
        db.execute("UPDATE pairs SET ended_at = ?, end_reason = ? WHERE id = ?", [ended_on, reason, pair_id])
    return journal.finish()


@writes
def set_locked(db: Database, pair_ids: list[int], locked: bool) -> Change:
    """Lock pairs (the matcher never changes them) or unlock them."""
    for pair_id in pair_ids:
        _pair(db, pair_id)
    journal = Journal(db, translate("Pairs", "Lock") if locked else translate("Pairs", "Unlock"))
    journal.touch("pairs", [(i,) for i in pair_ids])
    db.conn.executemany("UPDATE pairs SET locked = ? WHERE id = ?", [(int(locked), i) for i in pair_ids])
    _audit(db, "lock" if locked else "unlock", pair_ids)
    return journal.finish()


@writes
def exclude(db: Database, apprentice_id: int, mentor_id: int, reason: str = "") -> Change:
    """Never pair these two; an active pair of theirs ends (a draft pair leaves the draft)."""
    a = _apprentice(db, apprentice_id)
    _mentor(db, mentor_id)  # a clear message if the mentor is gone
    current = _active_pair(db, apprentice_id, a[6])
    if current and current[1] == mentor_id and current[3]:
        raise UserError(translate("Pairs", "This pair is locked; unlock it first."))
    journal = Journal(db, translate("Pairs", "Exclude"))
    journal.touch("exclusions", [(apprentice_id, mentor_id)])
    db.execute("INSERT INTO exclusions (apprentice_id, mentor_id, reason, created_at) VALUES (?, ?, ?, ?)"
               " ON CONFLICT (apprentice_id, mentor_id) DO UPDATE SET reason = excluded.reason",
               [apprentice_id, mentor_id, reason if reason.strip() else "", now_iso()])
    audit.record(db, "exclude", "pairs", current[0] if current and current[1] == mentor_id else None,
                 db.execute(f"SELECT {_PAIR_TITLE} FROM apprentices a, mentors m WHERE a.id = ? AND m.id = ?",
                            [apprentice_id, mentor_id]).fetchone()[0],
                 {"reason": [None, reason.strip()]} if reason.strip() else None)
    if current and current[1] == mentor_id:
        journal.touch("pairs", [(current[0],)])
        if current[2] == "proposed":
            db.execute("DELETE FROM pairs WHERE id = ?", [current[0]])
        else:
            db.execute("UPDATE pairs SET ended_at = ?, end_code = 'excluded', end_reason = ? WHERE id = ?",
                       [date.today().isoformat(), reason if reason.strip() else None, current[0]])
    return journal.finish()


# ---------------------------------------------------------------------------------------------
# what the workspace shows


# the confirmed pair a re-match draft would end, per apprentice and programme (at most one: the newest)
_PENDING = ("(SELECT apprentice_id, IFNULL(programme_id, 0) AS programme, mentor_id, score, MAX(id) FROM pairs"
            f" WHERE end_code = '{REMATCH_PENDING}' GROUP BY apprentice_id, programme)")


def list_pairs(db: Database, programme_id: int | None) -> list[dict]:
    """The active pairs of the scope, drafts first, with the names the coordinator reads.

    A draft pair that would take its apprentice from a confirmed mentor (a re-match) has
    moved_from = {"mentor_id", "mentor", "score"} of that confirmed pair and "score_change" (new −
    old); else None."""
    where, params = _scope_sql(programme_id, "p.programme_id")
    rows = db.execute(
        "SELECT p.id, p.status, p.locked, p.score, p.breakdown, p.override_reason, a.id, a.name, a.student_no, c.name, t.name_zh,"
        " m.id, m.name, m.employee_no, e.name, p.programme_id, t.id, e.id, o.mentor_id, om.name, o.score"
        " FROM pairs p JOIN apprentices a ON a.id = p.apprentice_id"
        " JOIN colleges c ON c.id = a.college_id JOIN trades t ON t.id = a.trade_id JOIN mentors m ON m.id = p.mentor_id"
        f" JOIN enterprises e ON e.id = m.enterprise_id LEFT JOIN {_PENDING} o ON p.status = 'proposed'"
        " AND o.apprentice_id = p.apprentice_id AND o.programme = IFNULL(p.programme_id, 0) LEFT JOIN mentors om ON om.id = o.mentor_id"
        f" WHERE p.ended_at IS NULL AND {where} ORDER BY p.status DESC, t.name_zh, a.student_no, a.id", params).fetchall()
    keys = ("id", "status", "locked", "score", "breakdown", "override_reason", "apprentice_id", "apprentice", "student_no",
            "college", "trade", "mentor_id", "mentor", "employee_no", "enterprise", "programme_id", "trade_id", "enterprise_id")
    result = []
    for row in rows:
        item = dict(zip(keys, row))
        item["locked"] = bool(item["locked"])
        item["breakdown"] = json.loads(item["breakdown"]) if item["breakdown"] else {}
        mentor_id, mentor, old = row[-3:]
        item["moved_from"] = None if mentor_id is None else {
            "mentor_id": mentor_id, "mentor": mentor, "score": old,
            "score_change": None if old is None or item["score"] is None else item["score"] - old}
        result.append(item)
    return result


# an apprentice (alias a) without an active pair, draft or confirmed, in their programme: the
# unpaired of the workspace and the Apprentices list's "without a mentor" filter
WITHOUT_PAIR = ("NOT EXISTS (SELECT 1 FROM pairs p WHERE p.apprentice_id = a.id AND p.ended_at IS NULL"
                " AND IFNULL(p.programme_id, 0) = IFNULL(a.programme_id, 0))")


def unpaired_apprentices(db: Database, programme_id: int | None) -> list[dict]:
    """Apprentices of the scope without an active pair, by trade then student number; loses_mentor:
    the confirmed mentor a re-match draft takes them from without giving another (else None)."""
    where, params = _scope_sql(programme_id, "a.programme_id")
    rows = db.execute(
        "SELECT a.id, a.name, a.student_no, t.id, t.name_zh, a.target_level, IFNULL(e.short_name, ''), IFNULL(e.name, ''),"
        " a.host_enterprise_id, om.name FROM apprentices a JOIN trades t ON t.id = a.trade_id"
        f" LEFT JOIN enterprises e ON e.id = a.host_enterprise_id LEFT JOIN {_PENDING} o ON o.apprentice_id = a.id"
        " AND o.programme = IFNULL(a.programme_id, 0) LEFT JOIN mentors om ON om.id = o.mentor_id"
        f" WHERE {where} AND {WITHOUT_PAIR} ORDER BY t.name_zh, a.student_no, a.id", params).fetchall()
    keys = ("id", "name", "student_no", "trade_id", "trade", "target_level", "host_short", "host", "host_id", "loses_mentor")
    return [dict(zip(keys, row)) for row in rows]


def mentor_loads(db: Database) -> list[dict]:
    """Active mentors under each trade they teach, by trade then name, with the other trades they
    teach and their figures from capacity.py."""
    rows = db.execute(
        "SELECT m.id, m.name, m.employee_no, t.id, t.name_zh, IFNULL(NULLIF(e.short_name, ''), e.name), m.skill_level, m.years,"
        " c.capacity, c.confirmed_load, c.draft_load, c.free_confirmed, c.free_after_draft,"
        " (SELECT group_concat(t2.name_zh, '、') FROM mentor_teaches o JOIN trades t2 ON t2.id = o.trade_id"
        "  WHERE o.mentor_id = m.id AND o.trade_id <> t.id), e.id"
        " FROM mentor_teaches mt JOIN mentors m ON m.id = mt.mentor_id JOIN trades t ON t.id = mt.trade_id"
        " JOIN enterprises e ON e.id = m.enterprise_id JOIN mentor_capacity c ON c.mentor_id = m.id"
        " WHERE m.active = 1 ORDER BY t.name_zh, m.name, m.id").fetchall()
    keys = ("id", "name", "employee_no", "trade_id", "trade", "enterprise", "skill_level", "years", "capacity", "confirmed_load",
            "draft_load", "free_confirmed", "free_after_draft", "other_trades", "enterprise_id")
    result = [dict(zip(keys, row)) for row in rows]
    for item in result:
        item["load"] = item["confirmed_load"] + item["draft_load"]
    return result


def matching_people(db: Database, programme_id: int | None, text: str) -> tuple[set[int], set[int]]:
    """The apprentices (of the scope) and the mentors whose name, student or employee number,
    or name typed in pinyin (pinyin.search_condition) contains every word of text."""
    pinyin.register(db.conn)
    found = []
    for table, number, scope in (("apprentices", "student_no", _scope_sql(programme_id)), ("mentors", "employee_no", ("1", []))):
        where, params = [scope[0]], list(scope[1])
        for term in text.lower().split():
            conditions = ["instr(lower(name), ?) > 0", f"instr(lower({number}), ?) > 0"]
            params += [term, term]
            typed = pinyin.search_condition(term)
            if typed:
                conditions.append(typed[0])
                params += typed[1]
            where.append("(" + " OR ".join(conditions) + ")")
        found.append({r[0] for r in db.execute(f"SELECT id FROM {table} WHERE {' AND '.join(where)}", params)})
    return found[0], found[1]


# ---------------------------------------------------------------------------------------------
# the history of a programme's pairs

# why a pair ended, by its end_code (None: the coordinator unpaired it)
END_CODES = {
    None: QT_TRANSLATE_NOOP("Pairs", "Unpaired"),
    REMATCH_PENDING: QT_TRANSLATE_NOOP("Pairs", "Re-match under review"),
    REMATCHED: QT_TRANSLATE_NOOP("Pairs", "Re-matched"),
    "moved": QT_TRANSLATE_NOOP("Pairs", "Moved to another mentor"),
    "excluded": QT_TRANSLATE_NOOP("Pairs", "Never pair (exclusion)"),
    "mentor_deactivated": QT_TRANSLATE_NOOP("Pairs", "Mentor deactivated"),
    "record_ended": QT_TRANSLATE_NOOP("Pairs", "Apprentice's pairs ended"),
}
OVERRIDDEN = QT_TRANSLATE_NOOP("Pairs", "Paired against a rule")
EXCLUSION = QT_TRANSLATE_NOOP("Pairs", "Exclusion")
HISTORY_KEYS = ("date", "event", "apprentice", "student_no", "trade", "mentor", "enterprise", "started", "ended", "then_mentor",
                "reason", "override_reason", "by")


def _enders(db: Database) -> dict[tuple, str]:
    """Who did it, from the audit log (the latest row wins): (action, pair id) for the actions
    on pairs that end one or follow one, (kind, record id) for an apprentice or mentor whose pairs
    were ended, ("exclude", summary) for exclusions (one without a pair is known by its names only)."""
    users: dict = {}
    for kind, action, record_id, summary, user in db.execute(
            "SELECT kind, action, record_id, summary, os_user FROM audit WHERE (kind = 'pairs' AND action IN"
            " ('unpair', 'exclude', 'pair', 'confirm')) OR (kind IN ('apprentices', 'mentors') AND action = 'update'"
            " AND details LIKE '%\"active_pairs\"%') ORDER BY id"):
        users[(action if kind == "pairs" else kind, record_id)] = user
        if action == "exclude":
            users[("exclude", summary)] = user
    return users


def history(db: Database, programme_id: int | None) -> list[dict]:
    """What happened to the pairs of the scope, newest first: every ended pair (why, in the
    application's words and the coordinator's, who ended it and whom the apprentice went to
    next), every active pair made against a rule, and every exclusion. Keys HISTORY_KEYS plus
    apprentice_id and mentor_id; dates ISO."""
    where, params = _scope_sql(programme_id, "p.programme_id")
    users = _enders(db)
    result = []
    for (pair_id, ended, code, reason, override, created, confirmed, next_id, then_mentor, apprentice_id, apprentice, student_no,
         trade, mentor_id, mentor, enterprise) in db.execute(
            "WITH seq AS (SELECT p.*, LEAD(p.id) OVER w AS next_id, LEAD(p.mentor_id) OVER w AS next_mentor FROM pairs p"
            f" WHERE {where} WINDOW w AS (PARTITION BY p.apprentice_id, IFNULL(p.programme_id, 0) ORDER BY p.id))"
            " SELECT s.id, s.ended_at, s.end_code, s.end_reason, s.override_reason, s.created_at, s.confirmed_at, s.next_id,"
            " nm.name, a.id, a.name, a.student_no, t.name_zh, m.id, m.name, e.name FROM seq s"
            " JOIN apprentices a ON a.id = s.apprentice_id JOIN trades t ON t.id = a.trade_id JOIN mentors m ON m.id = s.mentor_id"
            " JOIN enterprises e ON e.id = m.enterprise_id LEFT JOIN mentors nm ON nm.id = s.next_mentor"
            " WHERE s.ended_at IS NOT NULL OR s.override_reason IS NOT NULL", params):
        started = (confirmed or created)[:10]
        if ended is None:
            event, by = translate("Pairs", OVERRIDDEN), users.get(("pair", pair_id))
        else:
            event = translate("Pairs", END_CODES.get(code, END_CODES[None]))
            by = {None: users.get(("unpair", pair_id)), "excluded": users.get(("exclude", pair_id)),
                  "moved": users.get(("pair", next_id)), REMATCHED: users.get(("confirm", next_id)),
                  "mentor_deactivated": users.get(("mentors", mentor_id)),
                  "record_ended": users.get(("apprentices", apprentice_id))}.get(code)
        result.append({"date": ended or started, "event": event, "apprentice": apprentice, "student_no": student_no, "trade": trade,
                       "mentor": mentor, "enterprise": enterprise, "started": started, "ended": ended,
                       "then_mentor": then_mentor if ended and code in ("moved", REMATCHED, REMATCH_PENDING) else None,
                       "reason": reason, "override_reason": override, "by": by, "apprentice_id": apprentice_id,
                       "mentor_id": mentor_id, "order": pair_id})
    where, params = _scope_sql(programme_id, "a.programme_id")
    for apprentice_id, apprentice, student_no, trade, mentor_id, mentor, enterprise, reason, created, title in db.execute(
            "SELECT a.id, a.name, a.student_no, t.name_zh, m.id, m.name, e.name, x.reason, x.created_at,"
            f" {_PAIR_TITLE} FROM exclusions x JOIN apprentices a ON a.id = x.apprentice_id JOIN trades t ON t.id = a.trade_id"
            f" JOIN mentors m ON m.id = x.mentor_id JOIN enterprises e ON e.id = m.enterprise_id WHERE {where}", params):
        result.append({"date": created[:10], "event": translate("Pairs", EXCLUSION), "apprentice": apprentice, "student_no": student_no,
                       "trade": trade, "mentor": mentor, "enterprise": enterprise, "started": None, "ended": None,
                       "then_mentor": None, "reason": reason or None, "override_reason": None, "by": users.get(("exclude", title)),
                       "apprentice_id": apprentice_id, "mentor_id": mentor_id, "order": 0})
    result.sort(key=lambda r: (r["date"], r["order"]), reverse=True)
    return result

"""The audit log: who (the operating-system user and the computer's name) created, changed or
deleted what, and when.

record() writes one row inside the caller's transaction, so a write that is rolled back leaves
no row behind; record_select() writes many with one statement (the records of an import, the
pairs of a confirmation).
The one home of each write calls it: records.Batch and records.delete, the actions of pairs.py,
letters.commit and letters.revoke, settings.put, the import job, and a restore
(record_restore()).

A row names the action (ACTIONS), the kind of thing (KINDS), its id, a short summary (a name, a
serial number, a file name) and details: JSON {field: [old, new]}. Details are written for
changes and deletions; a created record's values are the record itself (its later changes and
its deletion carry the values), which keeps an import of 20,000 rows within its time.

Personal data is masked before it is stored (masked()). The history is kept for years, outlives
the records it describes and is shown and exported whole, so it must never hold a full ID number
or phone: a deleted apprentice's ID number is gone from the database, not kept here. Exports of
the history therefore have no full-data choice.

query() and rows() read the log newest first with the filters of the History page; rows() gives
the values as shown (labels in the user's language, details in words) to the page and the export.
"""

from __future__ import annotations

import functools
import getpass
import json
import os
import platform
import socket

from PySide6.QtCore import QT_TRANSLATE_NOOP
from sqlite_utils import Database

from mentormatch import store, validation
from mentormatch.i18n import translate

ACTIONS = {
    "create": QT_TRANSLATE_NOOP("Audit", "Created"),
    "update": QT_TRANSLATE_NOOP("Audit", "Changed"),
    "delete": QT_TRANSLATE_NOOP("Audit", "Deleted"),
    "import": QT_TRANSLATE_NOOP("Audit", "Imported"),
    "propose": QT_TRANSLATE_NOOP("Audit", "Proposed pairs"),
    "discard": QT_TRANSLATE_NOOP("Audit", "Discarded the draft"),
    "confirm": QT_TRANSLATE_NOOP("Audit", "Confirmed"),
    "pair": QT_TRANSLATE_NOOP("Audit", "Paired by hand"),
    "unpair": QT_TRANSLATE_NOOP("Audit", "Unpaired"),
    "exclude": QT_TRANSLATE_NOOP("Audit", "Excluded"),
    "lock": QT_TRANSLATE_NOOP("Audit", "Locked"),
    "unlock": QT_TRANSLATE_NOOP("Audit", "Unlocked"),
    "undo": QT_TRANSLATE_NOOP("Audit", "Undone"),
    "issue": QT_TRANSLATE_NOOP("Audit", "Issued"),
    "reprint": QT_TRANSLATE_NOOP("Audit", "Reprinted"),
    "revoke": QT_TRANSLATE_NOOP("Audit", "Revoked"),
    "restore": QT_TRANSLATE_NOOP("Audit", "Restored"),
    "merge": QT_TRANSLATE_NOOP("Audit", "Merged"),
}
# the record kinds (records.KINDS) are named by their own labels
KINDS = {
    "pairs": QT_TRANSLATE_NOOP("Audit", "Pair"),
    "letters": QT_TRANSLATE_NOOP("Audit", "Letter"),
    "settings": QT_TRANSLATE_NOOP("Audit", "Setting"),
    "database": QT_TRANSLATE_NOOP("Audit", "Database"),
}
# names in details that are not fields of a record kind
LABELS = {
    "pairs": QT_TRANSLATE_NOOP("Audit", "Pairs"),
    "ended": QT_TRANSLATE_NOOP("Audit", "Confirmed pairs moved"),
    "active_pairs": QT_TRANSLATE_NOOP("Audit", "Active pairs"),
    "mentor": QT_TRANSLATE_NOOP("Audit", "Mentor"),
    "reason": QT_TRANSLATE_NOOP("Audit", "Reason"),
    "override_reason": QT_TRANSLATE_NOOP("Audit", "Rule overridden because"),
    "ended_at": QT_TRANSLATE_NOOP("Audit", "Ended on"),
    "apprentices_moved": QT_TRANSLATE_NOOP("Audit", "Apprentices moved"),
    "added": QT_TRANSLATE_NOOP("Audit", "Added"),
    "updated": QT_TRANSLATE_NOOP("Audit", "Updated"),
    "skipped": QT_TRANSLATE_NOOP("Audit", "Skipped"),
    "file": QT_TRANSLATE_NOOP("Audit", "File"),
    "kept": QT_TRANSLATE_NOOP("Audit", "Previous file kept as"),
    "default_capacity": QT_TRANSLATE_NOOP("Audit", "Default capacity"),
    "match_weights": QT_TRANSLATE_NOOP("Audit", "Pairing weights"),
    "letter_prefix": QT_TRANSLATE_NOOP("Audit", "Serial number prefix"),
    "letter_serial_pattern": QT_TRANSLATE_NOOP("Audit", "Serial number pattern"),
    "certificate_prefix": QT_TRANSLATE_NOOP("Audit", "Certificate serial number prefix"),
    "letter_issuers": QT_TRANSLATE_NOOP("Audit", "Issuing organisations"),
    "letter_layout": QT_TRANSLATE_NOOP("Audit", "Letter layout"),
}
LONGEST = 200  # characters of a text kept in details (a seal image is tens of thousands)
_INSERT = "INSERT INTO audit (at, os_user, computer, action, kind, record_id, summary, details) VALUES (?, ?, ?, ?, ?, ?, ?, ?)"


@functools.cache
def who() -> tuple[str, str]:
    """(operating-system user, computer name), read once."""
    try:
        user = getpass.getuser()
    except (OSError, KeyError, ImportError):  # no login name in the environment nor in the password database
        user = os.environ.get("USERNAME") or os.environ.get("USER") or ""
    computer = ""
    try:
        computer = socket.gethostname()
    except OSError:
        pass
    return user or "?", computer or platform.node() or "?"


def record(db: Database, action: str, kind: str, record_id: int | None, summary: str, changes: dict | None = None) -> None:
    """Write one row inside the caller's transaction (store.writing); changes {field: [old, new]},
    already masked (masked())."""
    user, computer = who()
    db.execute(_INSERT, [store.now_iso(), user, computer, action, kind, record_id, summary,
                         json.dumps(_brief(changes), ensure_ascii=False) if changes else None])


def record_select(db: Database, action: str, kind: str, select: str, params: list) -> None:
    """record() without details for each row (record id, summary) that the query select gives,
    in one statement made inside SQLite: an import's 20,000 new records take 15 ms."""
    user, computer = who()
    db.execute(f"INSERT INTO audit (at, os_user, computer, action, kind, record_id, summary) SELECT ?, ?, ?, ?, ?, * FROM ({select})",
               [store.now_iso(), user, computer, action, kind, *params])


def record_restore(db: Database, source: str, kept: str | None = None) -> None:
    """A restore: written into the restored database once it is in place (source: the copy
    restored from; kept: where the replaced file was saved aside)."""
    with store.writing(db):
        record(db, "restore", "database", None, os.path.basename(str(source)),
               {"file": [None, str(source)], **({"kept": [None, str(kept)]} if kept else {})})


def masked(sensitive: str, value):
    """A value as the history keeps it: an ID number or phone masked (sensitive "id" or "phone")."""
    if sensitive == "id":
        return validation.mask_id(value) or None
    if sensitive == "phone":
        return validation.mask_phone(value) or None
    return value


def empty(value) -> bool:
    return value is None or value == "" or value == [] or value == {}


def changes(old: dict, new: dict) -> dict:
    """{name: [old, new]} for the names whose values differ (empty values are all alike; lists
    compare as sets)."""
    found = {}
    for name, after in new.items():
        before = old.get(name)
        if empty(before) and empty(after):
            continue
        if isinstance(before, list) and isinstance(after, list):
            if sorted(map(str, before)) == sorted(map(str, after)):
                continue
        elif before == after:
            continue
        found[name] = [before, after]
    return found


def _brief(value):
    if isinstance(value, str) and len(value) > LONGEST:
        return value[:40] + translate("Audit", "… ({count} characters)").format(count=len(value))
    if isinstance(value, dict):
        return {k: _brief(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_brief(v) for v in value]
    return value


# ---------------------------------------------------------------------------------------------
# Reading


def action_label(action: str) -> str:
    return translate("Audit", ACTIONS[action]) if action in ACTIONS else action


def kind_label(kind: str) -> str:
    from mentormatch import records

    if kind in records.KINDS:
        return translate("Records", records.KINDS[kind].singular)
    return translate("Audit", KINDS[kind]) if kind in KINDS else kind


def kinds() -> list[str]:
    from mentormatch import records

    return [*records.KINDS, *KINDS]


def users(db: Database) -> list[str]:
    return [r[0] for r in db.execute("SELECT DISTINCT os_user FROM audit ORDER BY os_user")]


def query(db: Database, kind: str | None = None, action: str | None = None, user: str | None = None, text: str = "") -> list[int]:
    """The ids of the rows that pass the filters, newest first; text: words that must all appear
    in the summary, the details or the computer's name."""
    where, params = [], []
    for column, value in (("kind", kind), ("action", action), ("os_user", user)):
        if value:
            where.append(f"{column} = ?")
            params.append(value)
    for word in text.lower().split():
        where.append("instr(lower(summary || ' ' || IFNULL(details, '') || ' ' || computer), ?) > 0")
        params.append(word)
    condition = " WHERE " + " AND ".join(where) if where else ""
    return [r[0] for r in db.execute(f"SELECT id FROM audit{condition} ORDER BY id DESC", params)]


COLUMNS = ("at", "os_user", "computer", "action", "kind", "record_id", "summary", "details")


def rows(db: Database, ids: list[int] | None = None) -> list[dict]:
    """The rows (all, or these ids), newest first, as shown: action and kind as labels, details in words."""
    sql = f"SELECT id, {', '.join(COLUMNS)} FROM audit"
    if ids is None:
        found = db.execute(sql + " ORDER BY id DESC").fetchall()
    else:
        found = db.execute(sql + " WHERE id IN (SELECT value FROM json_each(?)) ORDER BY id DESC", [json.dumps(ids)]).fetchall()
    result = []
    for row in found:
        item = dict(zip(("id", *COLUMNS), row))
        item["details"] = describe(item["kind"], item["action"], item["details"])
        if item["kind"] == "settings":  # named by its key
            item["summary"] = _label("settings", item["summary"])
        item["action"], item["kind"] = action_label(item["action"]), kind_label(item["kind"])
        item["at"] = item["at"].replace("T", " ")
        result.append(item)
    return result


def describe(kind: str, action: str, details: str | None) -> str:
    """Details in words: "Phone: 138****1234 → 139****5678; Name: 张三 → 张山"."""
    if not details:
        return ""
    parts = []
    for name, (before, after) in json.loads(details).items():
        label = _label(kind, name)
        if empty(before):
            parts.append(translate("Audit", "{field}: {new}").format(field=label, new=_shown(kind, name, after)))
        elif empty(after) and action == "delete":
            parts.append(translate("Audit", "{field}: {new}").format(field=label, new=_shown(kind, name, before)))
        else:
            parts.append(translate("Audit", "{field}: {old} → {new}").format(
                field=label, old=_shown(kind, name, before), new=_shown(kind, name, after)))
    return translate("Audit", "; ").join(parts)


def _field(kind: str, name: str):
    from mentormatch import records

    if kind in records.KINDS:
        return next((f for f in records.KINDS[kind].fields if f.name == name), None)
    return None


def _label(kind: str, name: str) -> str:
    f = _field(kind, name)
    if f is not None:
        return translate("Records", f.label)
    return translate("Audit", LABELS[name]) if name in LABELS else name


def _shown(kind: str, name: str, value) -> str:
    from mentormatch import records

    if empty(value):
        return "—"
    f = _field(kind, name)
    if f is not None and f.kind == "choice":
        return records.choice_label(f.ref, value)
    if isinstance(value, bool):
        return translate("Audit", "yes") if value else translate("Audit", "no")
    if isinstance(value, list):
        return "、".join(_shown(kind, "", v) for v in value)
    if isinstance(value, dict):
        return ", ".join(f"{k}: {_shown(kind, '', v)}" for k, v in value.items())
    return str(value)

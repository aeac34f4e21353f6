"""Programme rules stored in the database as editable settings (not constants in code)."""

from __future__ import annotations

import json
from typing import Any

from sqlite_utils import Database

from mentormatch import store  # module import: store imports schema, which imports these defaults

DEFAULTS: dict[str, Any] = {
    # a mentor's capacity when their own is not set (Tianjin's rule: about 8)
    "default_capacity": 8,
    # pairing score weights (issue: pairing by trade)
    "match_weights": {
        "same_trade": 100,
        "related_trade": 0,
        "level_above": 30,
        "level_equal": 15,
        "experience_max": 10,
        "experience_cap_years": 20,
        "continuity": 50,
        "preferred": 40,
        "fairness_step": 20,
    },
    # letters of appointment
    "letter_prefix": "MM",
    "letter_serial_pattern": "{prefix}-{year}-{seq:04d}",
    "letter_issuers": [],
    # apprentices' completion certificates: their own prefix, numbered by the same pattern
    "certificate_prefix": "JY",
    # page options of letters; seals: issuer name -> PNG as base64; font: "" = the best installed;
    # chinese_date: the date of issue in Chinese numerals (二〇二六年十二月一日); issuer_options: issuer name ->
    # {"name_on_letters": the name printed ("" = the name itself), "seal_mm": the seal's diameter,
    #  "seal_right_mm", "seal_down_mm": the seal moved from its place over the name}
    "letter_layout": {"landscape": False, "border": True, "signature_lines": False, "font": "", "seals": {},
                      "chinese_date": False, "issuer_options": {}},
}


def get(db: Database, key: str) -> Any:
    row = db.execute("SELECT value FROM settings WHERE key = ?", [key]).fetchone()
    if row is None:
        default = DEFAULTS[key]
        return json.loads(json.dumps(default))  # a copy the caller may change
    value = json.loads(row[0])
    if isinstance(DEFAULTS.get(key), dict):
        return {**DEFAULTS[key], **value}  # keys added in later versions get their default
    return value


def put(db: Database, key: str, value: Any) -> None:
    """Store a setting; a change leaves a row in the audit log (the keys of a dict that changed)."""
    # not at the top: audit -> store -> schema imports this module
    from mentormatch import audit

    if key not in DEFAULTS:
        raise KeyError(key)
    with store.writing(db):
        old = get(db, key)
        db.execute(
            "INSERT INTO settings (key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value",
            [key, json.dumps(value, ensure_ascii=False)],
        )
        if isinstance(old, dict) and isinstance(value, dict):
            changed = audit.changes(old, value)
            old, value = {k: v[0] for k, v in changed.items()}, {k: v[1] for k, v in changed.items()}
        if old != value:
            audit.record(db, "update", "settings", None, key, {key: [old, value]})

"""Exporting the pair list, the rosters and the letter register to .xlsx, .csv and PDF.

What is exported:
- pairs: the active pairs of a programme (or of all), sorted by enterprise then mentor (pinyin
  order, surnames read as surnames, as the lists sort); optionally one sheet per enterprise;
- apprentices: the apprentice roster (of the programme), by college, class and student number,
  with each apprentice's confirmed mentor;
- mentors: the mentor roster, every mentor (of the programme: capacity.py) with capacity, load and
  free places as capacity.py counts them;
- letters: the register of letters of appointment, revoked ones included;
- certificates: the register of apprentices' completion certificates, revoked ones included;
- audit: the history of changes, newest first, of every programme (audit.py keeps it masked:
  it has no full personal data to give);
- history: what happened to the pairs of a programme (pairs.history): ended pairs with why and
  by whom, pairs made against a rule, exclusions, re-matches.

The coordinator picks the columns (on the command line by key or by header in either language:
column_keys()). ID numbers and phones are masked unless the export asks for full personal data.
A PDF or printed roster numbers its rows (序号) and may end with a column to sign in (签名).

Files open cleanly in Excel and WPS: .xlsx with a bold frozen header, autofilter, fitted widths
and text-formatted cells for ID, phone, student and employee numbers; .csv in UTF-8 with BOM.
Formula injection: a text beginning with = + - or @ is never a formula. In .xlsx it is written
as a string cell with Excel's quote prefix, so the value stays exactly what was stored. In .csv,
where there are no cell types, it gets a leading apostrophe (the OWASP advice; Excel and WPS
show it, and the importer drops it again). Pure digits in the number columns of a .csv get a
leading tab so that Excel keeps them as text instead of showing 1.10105E+17.
"""

from __future__ import annotations

import csv
import json
import re
import sys
from dataclasses import dataclass
from pathlib import Path

import xlsxwriter
import xlsxwriter.exceptions
from PySide6.QtCore import QT_TRANSLATE_NOOP
from sqlite_utils import Database

from mentormatch import audit, files, pairs, pinyin, records, store, tabular, validation
from mentormatch.errors import UserError
from mentormatch.i18n import translate, translate_in

FORMULA_START = ("=", "+", "-", "@")
EXPORT_KINDS = ("pairs", "apprentices", "mentors", "letters", "certificates", "audit", "history")
FORMATS = (".xlsx", ".csv", ".pdf")
MAX_WIDTH = 50


@dataclass(frozen=True)
class Column:
    key: str
    label: str  # untranslated; translate(context, label) is the header
    context: str = "Export"
    text: bool = False  # numbers that must stay text (Excel format @)
    sensitive: str = ""  # "id" or "phone": masked unless full personal data
    choice: str = ""  # a key of records.CHOICES: the stored code is shown by its label
    default: bool = True  # ticked when the dialog opens
    field: tuple[str, str] = ("", "")  # (kind, field) of records.KINDS the column shows, if one

    def title(self) -> str:
        return translate(self.context, self.label)


def _field(kind: str, name: str, key: str | None = None, **options) -> Column:
    """A column showing a record field under the field's own label (so that it imports back)."""
    f = records.KINDS[kind].field(name)
    choice = f.ref if f.kind == "choice" else ""
    return Column(key or name, f.label, "Records", sensitive=f.sensitive, choice=choice, field=(kind, name), **options)


COLUMNS: dict[str, list[Column]] = {
    "pairs": [
        Column("programme", QT_TRANSLATE_NOOP("Export", "Programme"), default=False),
        Column("enterprise", QT_TRANSLATE_NOOP("Export", "Enterprise")),
        Column("mentor", QT_TRANSLATE_NOOP("Export", "Mentor")),
        Column("mentor_employee_no", QT_TRANSLATE_NOOP("Export", "Mentor's employee number"), text=True, default=False),
        Column("mentor_trade", QT_TRANSLATE_NOOP("Export", "Mentor's trade")),
        Column("mentor_level", QT_TRANSLATE_NOOP("Export", "Mentor's skill level"), choice="level", default=False),
        Column("mentor_phone", QT_TRANSLATE_NOOP("Export", "Mentor's phone"), text=True, sensitive="phone"),
        Column("apprentice", QT_TRANSLATE_NOOP("Export", "Apprentice")),
        _field("apprentices", "student_no", text=True),
        _field("apprentices", "gender"),
        _field("apprentices", "college"),
        _field("apprentices", "class_name"),
        _field("apprentices", "major"),
        _field("apprentices", "trade_id", "trade"),
        _field("apprentices", "kind", default=False),
        _field("apprentices", "target_level", default=False),
        _field("apprentices", "host_enterprise_id", "host_enterprise", default=False),
        _field("apprentices", "id_number", text=True, default=False),
        Column("apprentice_phone", QT_TRANSLATE_NOOP("Export", "Apprentice's phone"), text=True, sensitive="phone"),
        _field("apprentices", "start_date", default=False),
        _field("apprentices", "end_date", default=False),
        Column("status", QT_TRANSLATE_NOOP("Export", "Status")),
        Column("paired_on", QT_TRANSLATE_NOOP("Export", "Paired on"), default=False),
        Column("locked", QT_TRANSLATE_NOOP("Export", "Locked"), default=False),
        Column("override_reason", QT_TRANSLATE_NOOP("Export", "Rule overridden because"), default=False),
        Column("score", QT_TRANSLATE_NOOP("Export", "Score"), default=False),
    ],
    "apprentices": [
        _field("apprentices", "student_no", text=True),
        _field("apprentices", "name"),
        _field("apprentices", "gender"),
        _field("apprentices", "college"),
        _field("apprentices", "class_name"),
        _field("apprentices", "major"),
        _field("apprentices", "trade_id", "trade"),
        _field("apprentices", "kind", default=False),
        _field("apprentices", "target_level", default=False),
        _field("apprentices", "programme_id", "programme", default=False),
        _field("apprentices", "host_enterprise_id", "host_enterprise"),
        Column("mentor", QT_TRANSLATE_NOOP("Export", "Mentor")),
        _field("apprentices", "id_number", text=True, default=False),
        _field("apprentices", "phone", text=True, default=False),
        _field("apprentices", "start_date", default=False),
        _field("apprentices", "end_date", default=False),
    ],
    "mentors": [
        _field("mentors", "enterprise_id", "enterprise"),
        _field("mentors", "name"),
        _field("mentors", "employee_no", text=True),
        _field("mentors", "gender"),
        _field("mentors", "trade_id", "trade"),
        Column("other_trades", QT_TRANSLATE_NOOP("Export", "Additional trades"), default=False),
        _field("mentors", "skill_level"),
        _field("mentors", "title"),
        _field("mentors", "years"),
        _field("mentors", "capacity"),
        Column("load", QT_TRANSLATE_NOOP("Export", "Load (with draft)")),
        Column("free_confirmed", QT_TRANSLATE_NOOP("Export", "Free places (confirmed)")),
        Column("free_after_draft", QT_TRANSLATE_NOOP("Export", "Free after draft")),
        _field("mentors", "phone", text=True),
        _field("mentors", "term_from", default=False),
        _field("mentors", "term_to", default=False),
        Column("active", QT_TRANSLATE_NOOP("Export", "Active")),
    ],
    "letters": [
        Column("serial", QT_TRANSLATE_NOOP("Export", "Serial number"), text=True),
        Column("mentor", QT_TRANSLATE_NOOP("Export", "Mentor")),
        Column("enterprise", QT_TRANSLATE_NOOP("Export", "Enterprise")),
        Column("trade", QT_TRANSLATE_NOOP("Export", "Trade")),
        Column("programme", QT_TRANSLATE_NOOP("Export", "Programme")),
        Column("term_from", QT_TRANSLATE_NOOP("Export", "Term from")),
        Column("term_to", QT_TRANSLATE_NOOP("Export", "Term to")),
        Column("issue_date", QT_TRANSLATE_NOOP("Export", "Issue date")),
        Column("issuers", QT_TRANSLATE_NOOP("Export", "Issued by")),
        Column("status", QT_TRANSLATE_NOOP("Export", "Status")),
        Column("revoked_at", QT_TRANSLATE_NOOP("Export", "Revoked on")),
        Column("revoke_reason", QT_TRANSLATE_NOOP("Export", "Reason for revoking")),
    ],
    "certificates": [
        Column("serial", QT_TRANSLATE_NOOP("Export", "Serial number"), text=True),
        Column("apprentice", QT_TRANSLATE_NOOP("Export", "Apprentice")),
        _field("apprentices", "student_no", text=True),
        Column("college", QT_TRANSLATE_NOOP("Export", "College")),
        Column("trade", QT_TRANSLATE_NOOP("Export", "Trade")),
        Column("programme", QT_TRANSLATE_NOOP("Export", "Programme")),
        Column("mentor", QT_TRANSLATE_NOOP("Export", "Mentor")),
        Column("enterprise", QT_TRANSLATE_NOOP("Export", "Enterprise")),
        Column("term_from", QT_TRANSLATE_NOOP("Export", "Term from")),
        Column("term_to", QT_TRANSLATE_NOOP("Export", "Term to")),
        Column("issue_date", QT_TRANSLATE_NOOP("Export", "Issue date")),
        Column("issuers", QT_TRANSLATE_NOOP("Export", "Issued by")),
        Column("status", QT_TRANSLATE_NOOP("Export", "Status")),
        Column("revoked_at", QT_TRANSLATE_NOOP("Export", "Revoked on")),
        Column("revoke_reason", QT_TRANSLATE_NOOP("Export", "Reason for revoking")),
    ],
    "audit": [
        Column("at", QT_TRANSLATE_NOOP("Export", "Time")),
        Column("os_user", QT_TRANSLATE_NOOP("Export", "User")),
        Column("computer", QT_TRANSLATE_NOOP("Export", "Computer")),
        Column("action", QT_TRANSLATE_NOOP("Export", "Action")),
        Column("kind", QT_TRANSLATE_NOOP("Export", "Record type")),
        Column("record_id", QT_TRANSLATE_NOOP("Export", "Record number"), default=False),
        Column("summary", QT_TRANSLATE_NOOP("Export", "Record")),
        Column("details", QT_TRANSLATE_NOOP("Export", "Details")),
    ],
    "history": [  # the keys of pairs.history
        Column("date", QT_TRANSLATE_NOOP("Export", "Date")),
        Column("event", QT_TRANSLATE_NOOP("Export", "What happened")),
        Column("apprentice", QT_TRANSLATE_NOOP("Export", "Apprentice")),
        _field("apprentices", "student_no", text=True),
        Column("trade", QT_TRANSLATE_NOOP("Export", "Trade")),
        Column("mentor", QT_TRANSLATE_NOOP("Export", "Mentor")),
        Column("enterprise", QT_TRANSLATE_NOOP("Export", "Enterprise")),
        Column("started", QT_TRANSLATE_NOOP("Export", "Paired on")),
        Column("ended", QT_TRANSLATE_NOOP("Export", "Ended on")),
        Column("then_mentor", QT_TRANSLATE_NOOP("Export", "Then paired with")),
        Column("reason", QT_TRANSLATE_NOOP("Export", "Reason given")),
        Column("override_reason", QT_TRANSLATE_NOOP("Export", "Rule overridden because")),
        Column("by", QT_TRANSLATE_NOOP("Export", "By (user)")),
    ],
}

TITLES = {
    "pairs": QT_TRANSLATE_NOOP("Export", "Pair list"),
    "apprentices": QT_TRANSLATE_NOOP("Export", "Apprentice roster"),
    "mentors": QT_TRANSLATE_NOOP("Export", "Mentor roster"),
    "letters": QT_TRANSLATE_NOOP("Export", "Register of letters of appointment"),
    "certificates": QT_TRANSLATE_NOOP("Export", "Register of completion certificates"),
    "audit": QT_TRANSLATE_NOOP("Export", "History of changes"),
    "history": QT_TRANSLATE_NOOP("Export", "History of pairs"),
}

_SQL = {
    "pairs": (
        "SELECT g.name AS programme, e.name AS enterprise, m.name AS mentor, m.employee_no AS mentor_employee_no,"
        " tm.name_zh AS mentor_trade, m.skill_level AS mentor_level, m.phone AS mentor_phone, a.name AS apprentice,"
        " a.student_no, a.gender, c.name AS college, a.class_name, a.major, ta.name_zh AS trade, a.kind, a.target_level,"
        " h.name AS host_enterprise, a.id_number, a.phone AS apprentice_phone, a.start_date, a.end_date, p.status, p.score,"
        " substr(IFNULL(p.confirmed_at, p.created_at), 1, 10) AS paired_on, p.locked, p.override_reason, m.id AS mentor_id"
        " FROM pairs p JOIN apprentices a ON a.id = p.apprentice_id JOIN mentors m ON m.id = p.mentor_id"
        " JOIN enterprises e ON e.id = m.enterprise_id JOIN colleges c ON c.id = a.college_id"
        " JOIN trades ta ON ta.id = a.trade_id JOIN trades tm ON tm.id = m.trade_id"
        " LEFT JOIN programmes g ON g.id = p.programme_id LEFT JOIN enterprises h ON h.id = a.host_enterprise_id"
        " WHERE p.ended_at IS NULL AND (? IS NULL OR p.programme_id = ?)"
    ),
    "apprentices": (
        "SELECT a.student_no, a.name, a.gender, c.name AS college, a.class_name, a.major, t.name_zh AS trade, a.kind,"
        " a.target_level, g.name AS programme, h.name AS host_enterprise,"
        " (SELECT m.name FROM pairs p JOIN mentors m ON m.id = p.mentor_id WHERE p.apprentice_id = a.id"
        "  AND p.ended_at IS NULL AND p.status = 'confirmed' ORDER BY p.id DESC LIMIT 1) AS mentor,"
        " a.id_number, a.phone, a.start_date, a.end_date"
        " FROM apprentices a JOIN colleges c ON c.id = a.college_id JOIN trades t ON t.id = a.trade_id"
        " LEFT JOIN programmes g ON g.id = a.programme_id LEFT JOIN enterprises h ON h.id = a.host_enterprise_id"
        " WHERE ? IS NULL OR a.programme_id = ?"
    ),
    "mentors": (
        "SELECT e.name AS enterprise, m.name, m.employee_no, m.gender, t.name_zh AS trade,"
        " (SELECT group_concat(t2.name_zh, '、') FROM mentor_trades mt JOIN trades t2 ON t2.id = mt.trade_id"
        "  WHERE mt.mentor_id = m.id) AS other_trades,"
        " m.skill_level, m.title, m.years, c.capacity, c.load, c.free_confirmed, c.free_after_draft,"
        " m.phone, m.term_from, m.term_to, m.active, m.id AS mentor_id"
        " FROM mentors m JOIN enterprises e ON e.id = m.enterprise_id JOIN trades t ON t.id = m.trade_id"
        " JOIN mentor_capacity c ON c.mentor_id = m.id"
        " WHERE ? IS NULL OR m.id IN (SELECT mentor_id FROM programme_mentors WHERE programme_id = ?)"
    ),
    "letters": (
        "SELECT l.serial, m.name AS mentor, e.name AS enterprise, t.name_zh AS trade, g.name AS programme, l.term_from,"
        " l.term_to, l.issue_date, l.issuers, l.revoked_at, l.revoke_reason, l.year, l.seq"
        " FROM letters l JOIN mentors m ON m.id = l.mentor_id JOIN enterprises e ON e.id = m.enterprise_id"
        " JOIN trades t ON t.id = m.trade_id LEFT JOIN programmes g ON g.id = l.programme_id"
        " WHERE l.kind = 'appointment' AND (? IS NULL OR l.programme_id = ?)"  # certificates: not letters of appointment
    ),
    "certificates": (
        "SELECT l.serial, a.name AS apprentice, a.student_no, c.name AS college, t.name_zh AS trade, g.name AS programme,"
        " m.name AS mentor, e.name AS enterprise, l.term_from, l.term_to, l.issue_date, l.issuers, l.revoked_at,"
        " l.revoke_reason, l.year, l.seq"
        " FROM letters l JOIN apprentices a ON a.id = l.apprentice_id JOIN colleges c ON c.id = a.college_id"
        " JOIN trades t ON t.id = a.trade_id JOIN mentors m ON m.id = l.mentor_id JOIN enterprises e ON e.id = m.enterprise_id"
        " LEFT JOIN programmes g ON g.id = l.programme_id"
        " WHERE l.kind = 'certificate' AND (? IS NULL OR l.programme_id = ?)"
    ),
}


def columns(kind: str) -> list[Column]:
    return COLUMNS[kind]


def default_columns(kind: str) -> list[str]:
    return [c.key for c in COLUMNS[kind] if c.default]


def column_keys(kind: str, names: list[str]) -> list[str]:
    """The keys of the columns named by key or by header, in English or Chinese (学号, Student
    number, student_no); UserError listing the valid ones for a name unknown. (They are written in
    the roster's own order, as the export dialog writes them.)"""
    from mentormatch.import_columns import ALIASES, normalise_header

    known: dict[str, str] = {}
    for c in COLUMNS[kind]:
        for name in (c.key, c.label, c.title(), translate_in("zh_CN", c.context, c.label)):
            known.setdefault(normalise_header(name), c.key)
    for c in COLUMNS[kind]:  # then the other names a roster gives a field (身份证号码, 手机号), where still free
        for name in ALIASES.get(c.field[0], {}).get(c.field[1], ()):
            known.setdefault(normalise_header(name), c.key)
    keys = []
    for name in names:
        key = known.get(normalise_header(name))
        if key is None:
            valid = translate("Export", ", ").join(
                translate("Export", "{key} ({header})").format(key=c.key, header=c.title()) for c in COLUMNS[kind])
            raise UserError(translate("Export", "{title} has no column {name}. Its columns: {columns}.").format(
                title=title(kind), name=name, columns=valid))
        keys.append(key)
    return list(dict.fromkeys(keys))


def title(kind: str) -> str:
    return translate("Export", TITLES[kind])


@dataclass
class Sheet:
    name: str
    headers: list[str]
    rows: list[list]
    text_columns: set[int]
    caption: str = ""  # a line above the header in .xlsx (the summary of an import report)


def _read(db: Database, kind: str, programme_id: int | None) -> list[dict]:
    if kind == "audit":
        return audit.rows(db)  # as shown in the window; kept for every programme together
    if kind == "history":
        return pairs.history(db, programme_id)  # newest first, as shown on the pairing page
    cursor = db.execute(_SQL[kind], [programme_id, programme_id])
    names = [d[0] for d in cursor.description]
    rows = cursor.fetchall()
    if any(v.__class__ is bytes for row in rows for v in row):  # written by another program: read as damaged text is
        rows = [[store.stored_text(v) if v.__class__ is bytes else v for v in row] for row in rows]
    items = [dict(zip(names, row)) for row in rows]
    if kind in ("letters", "certificates"):
        items.sort(key=lambda i: (i["year"], i["seq"]))
    elif kind == "apprentices":
        college_rank, class_rank = _ranks(i["college"] for i in items), _ranks(i["class_name"] for i in items)
        items.sort(key=lambda i: (college_rank[i["college"] or ""], class_rank[i["class_name"] or ""], i["student_no"]))
    else:
        name = "mentor" if kind == "pairs" else "name"
        enterprise_rank, mentor_rank = _ranks(i["enterprise"] for i in items), _ranks((i[name] for i in items), pinyin.person)
        tail = (lambda i: i["student_no"] or "") if kind == "pairs" else (lambda i: "")
        items.sort(key=lambda i: (enterprise_rank[i["enterprise"]], mentor_rank[i[name]], i["mentor_id"], tail(i)))
    return items


def _ranks(values, key=pinyin.sort_key) -> dict[str, int]:
    """Each distinct text's place in pinyin order, as the lists sort (mentormatch.pinyin: names of
    people with their surnames read as surnames through key=pinyin.person, 重庆长安 as cháng'ān)."""
    distinct = sorted(set(v or "" for v in values), key=lambda v: (key(v), v))
    return {v: i for i, v in enumerate(distinct)}


def _value(column: Column, full: bool):
    """A function item -> the displayed value of the column; None when the stored value is shown as it is."""
    key = column.key
    if key == "status":
        return _status
    if key in ("active", "locked"):
        yes, no = translate("Export", "yes"), translate("Export", "no")
        return lambda item: yes if item[key] else no
    if key == "issuers":
        return lambda item: "、".join(json.loads(item["issuers"] or "[]"))
    if column.choice:
        labels: dict = {}

        def label(item):
            code = item[key]
            if code in (None, ""):
                return None
            if code not in labels:
                labels[code] = records.choice_label(column.choice, code)
            return labels[code]
        return label
    if column.sensitive and not full:
        mask = validation.mask_id if column.sensitive == "id" else validation.mask_phone
        return lambda item: mask(item[key]) or None
    return None


def _status(item: dict) -> str:
    if "revoked_at" in item:
        return translate("Export", "revoked") if item["revoked_at"] else translate("Export", "valid")
    return translate("Export", "confirmed") if item["status"] == "confirmed" else translate("Export", "draft")


def sheets(db: Database, kind: str, programme_id: int | None = None, keys: list[str] | None = None,
           full_personal_data: bool = False, sheet_per_enterprise: bool = False) -> list[Sheet]:
    """The table(s) to write: headers and rows of displayed values (None or "" when empty), in order."""
    chosen = [c for c in COLUMNS[kind] if c.key in (keys or default_columns(kind))]
    if not chosen:
        raise UserError(translate("Export", "Choose at least one column."))
    items = _read(db, kind, programme_id)
    headers = [c.title() for c in chosen]
    text_columns = {i for i, c in enumerate(chosen) if c.text}
    stored = [c.key for c in chosen]
    computed = [(i, f) for i, f in enumerate(_value(c, full_personal_data) for c in chosen) if f]

    def rows(part):
        out = []
        for item in part:
            row = [item.get(k) for k in stored]
            for i, value in computed:
                row[i] = value(item)
            out.append(row)
        return out

    if not (sheet_per_enterprise and kind in ("pairs", "mentors")):
        return [Sheet(title(kind), headers, rows(items), text_columns)]
    groups: dict[str, list[dict]] = {}
    for item in items:
        groups.setdefault(item["enterprise"], []).append(item)
    return [Sheet(name, headers, rows(part), text_columns) for name, part in groups.items()] or [
        Sheet(title(kind), headers, [], text_columns)]


def export(db: Database, kind: str, path: str | Path, programme_id: int | None = None, keys: list[str] | None = None,
           full_personal_data: bool = False, sheet_per_enterprise: bool = False, signature: bool = False) -> int:
    """Write the export to path (.xlsx, .csv or .pdf by its suffix); returns the number of rows.
    signature: a PDF gets a column to sign in."""
    path = Path(path)
    suffix = path.suffix.lower()
    if suffix not in FORMATS:
        raise UserError(translate("Export", "{file}: the file name must end in .xlsx, .csv or .pdf.").format(file=path.name))
    try:
        with tabular.collector_paused(), files.written_in_place(path) as temp:
            parts = sheets(db, kind, programme_id, keys, full_personal_data, sheet_per_enterprise and suffix == ".xlsx")
            if suffix == ".xlsx":
                write_xlsx(temp, parts)
            elif suffix == ".csv":
                write_csv(temp, parts[0])
            else:
                from mentormatch import roster_pdf

                roster_pdf.write_pdf(temp, document_title(db, kind, programme_id), parts[0].headers, parts[0].rows, signature)
            files.crash_point("export-written")  # complete, not yet renamed into place
    except OSError as exc:
        raise UserError(translate("Export", "{file} cannot be written: {error}").format(
            file=path, error=exc.strerror or exc)) from exc
    return sum(len(p.rows) for p in parts)


def document_title(db: Database, kind: str, programme_id: int | None) -> str:
    """'Pair list — 2026 programme' (printed above a roster)."""
    if programme_id is None or kind == "audit":
        return title(kind)
    name = db.execute("SELECT name FROM programmes WHERE id = ?", [programme_id]).fetchone()[0]
    return translate("Export", "{title} — {programme}").format(title=title(kind), programme=name)


# ---------------------------------------------------------------------------------------------
# Writers


def display_width(text: str) -> int:
    """Columns the text takes in Excel: Chinese characters are two wide (as in GB18030 bytes)."""
    return len(text.encode("gb18030", errors="replace"))


def widest(values, count: int = 1) -> list[str]:
    """The count texts of greatest display width among values (None and non-texts are passed over).

    Every distinct text is at most twice as wide as it is long, so texts are measured longest
    first until the next one cannot be wider than those found: a few dozen of 20,000."""
    texts = sorted((v for v in set(values) if v.__class__ is str), key=len, reverse=True)
    found: list[tuple[int, str]] = []
    for text in texts:
        if len(found) == count and 2 * len(text) <= found[-1][0]:
            break
        found.append((display_width(text), text))
        found.sort(key=lambda f: f[0], reverse=True)
        del found[count:]
    return [text for _, text in found]


def sheet_title(name: str, taken: set[str]) -> str:
    """A valid, unique worksheet name: at most 31 characters, none of []:*?/\\."""
    base = re.sub(r"[\[\]:*?/\\]", "_", name).strip("'") or "Sheet"
    candidate, n = base[:31], 1
    while candidate.lower() in taken:
        n += 1
        suffix = f"({n})"
        candidate = base[:31 - len(suffix)] + suffix
    taken.add(candidate.lower())
    return candidate


def write_xlsx(path: Path, parts: list[Sheet]) -> None:
    """Write the sheets with XlsxWriter.

    A column format reaches every cell of the column, as when a column is formatted in Excel:
    the number columns are text (@) without an object per cell, so that editing a cell in Excel
    never turns an ID number into 1.10105E+17. A text that would read as a formula is written
    as a string with Excel's quote prefix."""
    book = xlsxwriter.Workbook(str(path), {"constant_memory": False, "strings_to_formulas": False,
                                           "strings_to_urls": False, "strings_to_numbers": False})
    bold = book.add_format({"bold": True})
    text = book.add_format({"num_format": "@"})
    quoted = book.add_format({"quote_prefix": True})
    quoted_text = book.add_format({"num_format": "@", "quote_prefix": True})
    taken: set[str] = set()
    for part in parts:
        ws = book.add_worksheet(sheet_title(part.name, taken))
        ncols = len(part.headers)
        columns = list(zip(*part.rows)) or [()] * ncols
        for i, header in enumerate(part.headers):
            width = max(display_width(t) for t in widest(columns[i]) + [header])
            ws.set_column(i, i, min(width + 2, MAX_WIDTH), text if i in part.text_columns else None)
        top = 1 if part.caption else 0
        if part.caption:
            ws.write_string(0, 0, part.caption, bold)
        ws.write_row(top, 0, part.headers, bold)
        ws.freeze_panes(top + 1, 0)
        ws.autofilter(top, 0, top + len(part.rows), ncols - 1)
        # printed from Excel or WPS: A4 landscape, all columns on the width of a page, the header on every page
        ws.set_paper(9)
        ws.set_landscape()
        ws.fit_to_pages(1, 0)
        ws.repeat_rows(top)
        ws.set_footer("&C&P / &N")
        text_columns = part.text_columns
        write_string, write_number = ws.write_string, ws.write_number
        for r, row in enumerate(part.rows, start=top + 1):
            for i, value in enumerate(row):
                if value is None or value == "":
                    continue
                if value.__class__ is not str:
                    if i not in text_columns:
                        write_number(r, i, value)
                        continue
                    value = str(value)
                if value.startswith(FORMULA_START):
                    write_string(r, i, value, quoted_text if i in text_columns else quoted)
                else:
                    write_string(r, i, value)
    try:
        book.close()
    except xlsxwriter.exceptions.FileCreateError as exc:
        raise exc.args[0] from exc  # the OSError: export() names the file and the reason


def csv_value(value, text: bool) -> str:
    """A value for a CSV cell: formulas neutralised, digit strings kept as text."""
    text_value = "" if value is None else str(value)
    if text_value.startswith(FORMULA_START):
        return "'" + text_value
    if text and text_value.isdigit():
        return "\t" + text_value
    return text_value


def write_csv(path: Path, part: Sheet) -> None:
    with open(path, "w", encoding="utf-8-sig", newline="") as fh:
        writer = csv.writer(fh, lineterminator="\r\n")
        writer.writerow([csv_value(h, False) for h in part.headers])
        text_columns = part.text_columns
        for row in part.rows:
            writer.writerow([csv_value(v, i in text_columns) for i, v in enumerate(row)])


# ---------------------------------------------------------------------------------------------
# Command line


def run_command(db: Database, args) -> int:
    """mentormatch export {pairs,apprentices,mentors,letters,certificates,audit,history} OUT.{xlsx,csv,pdf} [--programme NAME]
    [--columns KEY,...] [--signature] [--full-personal-data]."""
    if args.kind == "audit" and args.programme:
        raise UserError(translate("Export", "The history of changes covers every programme; leave out --programme."))
    if args.signature and Path(args.out).suffix.lower() != ".pdf":
        raise UserError(translate("Export", "A signature column is printed on a PDF roster only; name an OUT ending in .pdf."))
    if args.kind == "audit" and args.full_personal_data:
        raise UserError(translate("Export", "The history of changes keeps ID numbers and phones masked only; "
                                            "leave out --full-personal-data."))
    if args.full_personal_data and not any(c.sensitive for c in COLUMNS[args.kind]):
        raise UserError(translate("Export", "{title} has no ID numbers or phones; leave out --full-personal-data.").format(
            title=title(args.kind)))
    programme_id = records.programme_id_by_name(db, args.programme)
    keys = column_keys(args.kind, [n for n in re.split(r"[,，、]", args.columns) if n.strip()]) if args.columns else None
    count = export(db, args.kind, args.out, programme_id, keys, full_personal_data=args.full_personal_data, signature=args.signature)
    print(translate("Export", "{count} rows written to {file}.").format(count=count, file=args.out))
    for table, row, column in store.damaged_text(db):
        print(translate("Export", "Warning: table {table}, row {row}, column {column} holds text that is not valid UTF-8 (written by "
                                  "another program); it is shown with � where it is damaged.").format(
            table=table, row=row, column=column), file=sys.stderr)
    if args.full_personal_data:
        print(translate("Export", "The file contains full ID numbers and phone numbers: keep it safe."), file=sys.stderr)
    return 0


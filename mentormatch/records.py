"""Record keeping: the fields of each record, their validation, saving, and safe deletion.

Records are trades, enterprises, mentors, apprentices, programmes and colleges (a college is
also created by name as a form or an import first names it; a new name close to a known one gets a
"did you mean" warning among check()'s Notices). Each kind declares its fields as data (name, label, kind, required), so one
generic form can edit any of them. A record's values are a dict {field name: value}:

- text, notes, date: str ('' when empty); int, level: int; capacity: int or None (the default
  setting); bool: bool; choice: the stored code; ref: an id or None; college: a college name;
- lines: list of str (a trade's aliases); refs: list of ids; colleges: list of college names.

Each kind also declares how a record is recognised (`Kind.identity`: a student number within a
college, ...), which fields must agree for two rows with one identity to be one person
(`Kind.person`) and which values no two records share (`Field.unique`: an ID number).

A `Batch` validates and writes records of one kind with its lookups (reference ids, names, the
identity keys already stored) read once: validate() and save() are a batch of one for the form,
the importer runs a batch of thousands through the same checks. validate() returns the cleaned
values and {field: message}; save() writes one record with its links in one transaction;
delete_report() says what depends on a record and which safe actions exist; delete() carries out
one of them, also in one transaction. Each write leaves its row in the audit log (audit.py) in
its own transaction: a record's creation, its changed fields (old → new), its deletion with the
values it had.

Bulk edits change many records in one step: set_fields() (the same values for many apprentices),
move_mentors() (to another enterprise) and merge_colleges(). The first two return a pairs.Change
that pairs.undo() reverses, like the coordinator's actions on pairs.
"""

from __future__ import annotations

import difflib
import json
import weakref
from dataclasses import dataclass, field
from datetime import date

from PySide6.QtCore import QT_TRANSLATE_NOOP
from sqlite_utils import Database

from mentormatch import audit, capacity, pairs, pinyin, validation
from mentormatch.errors import UserError
from mentormatch.i18n import translate
from mentormatch.store import writes, writing
from mentormatch.validation import ValidationError


@dataclass(frozen=True)
class Choice:
    value: object
    label: str  # untranslated; shown through translate("Records", label)


GENDERS = (
    Choice("", QT_TRANSLATE_NOOP("Records", "Not stated")),
    Choice("M", QT_TRANSLATE_NOOP("Records", "Male")),
    Choice("F", QT_TRANSLATE_NOOP("Records", "Female")),
)
APPRENTICE_KINDS = (
    Choice("student", QT_TRANSLATE_NOOP("Records", "Student apprentice")),
    Choice("employee", QT_TRANSLATE_NOOP("Records", "Employee apprentice")),
)
# 1 初级工 … 5 高级技师 (docs/architecture.md)
SKILL_LEVELS = (
    Choice(1, QT_TRANSLATE_NOOP("Records", "Elementary (level 5)")),
    Choice(2, QT_TRANSLATE_NOOP("Records", "Intermediate (level 4)")),
    Choice(3, QT_TRANSLATE_NOOP("Records", "Advanced (level 3)")),
    Choice(4, QT_TRANSLATE_NOOP("Records", "Technician (level 2)")),
    Choice(5, QT_TRANSLATE_NOOP("Records", "Senior technician (level 1)")),
)
CHOICES = {"gender": GENDERS, "apprentice_kind": APPRENTICE_KINDS, "level": SKILL_LEVELS}


def choice_label(choices: str, value: object) -> str:
    """The translated label of a stored code, e.g. choice_label("level", 4) -> 技师."""
    for choice in CHOICES[choices]:
        if choice.value == value:
            return translate("Records", choice.label)
    return "" if value is None else str(value)


@dataclass(frozen=True)
class Field:
    name: str
    label: str  # untranslated (QT_TRANSLATE_NOOP); translate("Records", label) to show
    kind: str = "text"  # text notes int capacity date bool choice ref college lines refs colleges
    required: bool = False
    ref: str = ""  # kind ref/refs: the table the ids point to; kind choice: a key of CHOICES
    sensitive: str = ""  # "id" or "phone": masked everywhere but the edit form
    maximum: int = 99
    hint: str = ""  # placeholder text, untranslated
    unique: bool = False  # no two records of the kind share a value (an ID number belongs to one person)
    named_by: str = ""  # a field whose value may name this reference instead (an apprentice's major names the trade)


@dataclass(frozen=True)
class Identity:
    """Fields that recognise a record of a kind: no two records share them. `within` scopes them
    (a student number is unique within a college); a field left empty leaves the key unused."""

    fields: tuple[str, ...]
    taken: str  # the message when another record has them, untranslated
    within: str = ""


@dataclass(frozen=True)
class Kind:
    singular: str
    plural: str
    fields: tuple[Field, ...]
    identity: tuple[Identity, ...] = ()  # tried in order: the first key that finds a record recognises it
    person: tuple[str, ...] = ()  # two rows with one identity are one person only if these agree

    def field(self, name: str) -> Field:
        return next(f for f in self.fields if f.name == name)

    @property
    def required(self) -> list[str]:
        return [f.name for f in self.fields if f.required]


F = Field
KINDS: dict[str, Kind] = {
    "apprentices": Kind(
        QT_TRANSLATE_NOOP("Records", "Apprentice"),
        QT_TRANSLATE_NOOP("Records", "Apprentices"),
        (
            # the form's left column: the person and their school; right: the apprenticeship
            F("name", QT_TRANSLATE_NOOP("Records", "Name"), required=True),
            F("student_no", QT_TRANSLATE_NOOP("Records", "Student number"), required=True),
            F("gender", QT_TRANSLATE_NOOP("Records", "Gender"), "choice", ref="gender"),
            F("id_number", QT_TRANSLATE_NOOP("Records", "ID number"), sensitive="id", unique=True,
              hint=QT_TRANSLATE_NOOP("Records", "18 characters, optional")),
            F("phone", QT_TRANSLATE_NOOP("Records", "Phone"), sensitive="phone"),
            F("college", QT_TRANSLATE_NOOP("Records", "College"), "college", required=True, ref="colleges"),
            F("class_name", QT_TRANSLATE_NOOP("Records", "Class")),
            F("major", QT_TRANSLATE_NOOP("Records", "Major")),
            F("programme_id", QT_TRANSLATE_NOOP("Records", "Programme"), "ref", ref="programmes"),
            F("kind", QT_TRANSLATE_NOOP("Records", "Type"), "choice", ref="apprentice_kind"),
            F("trade_id", QT_TRANSLATE_NOOP("Records", "Trade"), "ref", required=True, ref="trades", named_by="major"),
            F("target_level", QT_TRANSLATE_NOOP("Records", "Target level"), "choice", ref="level"),
            F("host_enterprise_id", QT_TRANSLATE_NOOP("Records", "Host enterprise"), "ref", ref="enterprises"),
            F("preferred_mentor_id", QT_TRANSLATE_NOOP("Records", "Preferred mentor"), "ref", ref="mentors"),
            F("start_date", QT_TRANSLATE_NOOP("Records", "Start date"), "date"),
            F("end_date", QT_TRANSLATE_NOOP("Records", "End date"), "date"),
            F("notes", QT_TRANSLATE_NOOP("Records", "Notes"), "notes"),
        ),
        identity=(Identity(("student_no",), QT_TRANSLATE_NOOP("Records", "Another apprentice of this college has this student number."),
                           within="college"),),
        person=("name", "id_number"),
    ),
    "mentors": Kind(
        QT_TRANSLATE_NOOP("Records", "Mentor"),
        QT_TRANSLATE_NOOP("Records", "Mentors"),
        (
            # the form's left column: who the mentor is; right: what and how many they teach
            F("name", QT_TRANSLATE_NOOP("Records", "Name"), required=True),
            F("gender", QT_TRANSLATE_NOOP("Records", "Gender"), "choice", ref="gender"),
            F("enterprise_id", QT_TRANSLATE_NOOP("Records", "Enterprise"), "ref", required=True, ref="enterprises"),
            F("employee_no", QT_TRANSLATE_NOOP("Records", "Employee number"),
              hint=QT_TRANSLATE_NOOP("Records", "optional, unique within the enterprise")),
            F("title", QT_TRANSLATE_NOOP("Records", "Job title")),
            F("phone", QT_TRANSLATE_NOOP("Records", "Phone"), sensitive="phone"),
            F("active", QT_TRANSLATE_NOOP("Records", "Active"), "bool"),
            F("trade_id", QT_TRANSLATE_NOOP("Records", "Trade"), "ref", required=True, ref="trades"),
            F("trades", QT_TRANSLATE_NOOP("Records", "Additional trades"), "refs", ref="trades"),
            F("skill_level", QT_TRANSLATE_NOOP("Records", "Skill level"), "choice", ref="level"),
            F("years", QT_TRANSLATE_NOOP("Records", "Years of experience"), "int", maximum=60),
            F("capacity", QT_TRANSLATE_NOOP("Records", "Capacity"), "capacity", maximum=99),
            F("term_from", QT_TRANSLATE_NOOP("Records", "Appointment from"), "date"),
            F("term_to", QT_TRANSLATE_NOOP("Records", "Appointment to"), "date"),
            F("notes", QT_TRANSLATE_NOOP("Records", "Notes"), "notes"),
        ),
        identity=(
            Identity(("employee_no",), QT_TRANSLATE_NOOP("Records", "Another mentor of this enterprise has this employee number."),
                     within="enterprise_id"),
            Identity(("name", "phone"), QT_TRANSLATE_NOOP("Records", "A mentor with this name and phone number already exists.")),
        ),
        person=("name",),
    ),
    "enterprises": Kind(
        QT_TRANSLATE_NOOP("Records", "Enterprise"),
        QT_TRANSLATE_NOOP("Records", "Enterprises"),
        (
            F("name", QT_TRANSLATE_NOOP("Records", "Enterprise name"), required=True),
            F("short_name", QT_TRANSLATE_NOOP("Records", "Short name")),
            F("credit_code", QT_TRANSLATE_NOOP("Records", "Unified social credit code"),
              hint=QT_TRANSLATE_NOOP("Records", "18 characters, optional")),
            F("contact", QT_TRANSLATE_NOOP("Records", "Contact person")),
            F("phone", QT_TRANSLATE_NOOP("Records", "Phone"), sensitive="phone"),
            F("address", QT_TRANSLATE_NOOP("Records", "Address")),
            F("notes", QT_TRANSLATE_NOOP("Records", "Notes"), "notes"),
        ),
        # a renamed enterprise keeps its credit code: either recognises it
        identity=(Identity(("name",), QT_TRANSLATE_NOOP("Records", "An enterprise with this name already exists.")),
                  Identity(("credit_code",), QT_TRANSLATE_NOOP("Records", "Another enterprise has this credit code."))),
    ),
    "programmes": Kind(
        QT_TRANSLATE_NOOP("Records", "Programme"),
        QT_TRANSLATE_NOOP("Records", "Programmes"),
        (
            F("name", QT_TRANSLATE_NOOP("Records", "Programme name"), required=True),
            F("start_date", QT_TRANSLATE_NOOP("Records", "Start date"), "date"),
            F("end_date", QT_TRANSLATE_NOOP("Records", "End date"), "date"),
            F("colleges", QT_TRANSLATE_NOOP("Records", "Colleges"), "colleges", ref="colleges"),
            F("enterprises", QT_TRANSLATE_NOOP("Records", "Enterprises"), "refs", ref="enterprises"),
            F("description", QT_TRANSLATE_NOOP("Records", "Description"), "notes"),
        ),
        identity=(Identity(("name",), QT_TRANSLATE_NOOP("Records", "A programme with this name already exists.")),),
    ),
    "trades": Kind(
        QT_TRANSLATE_NOOP("Records", "Trade"),
        QT_TRANSLATE_NOOP("Records", "Trades"),
        (
            F("name_zh", QT_TRANSLATE_NOOP("Records", "Chinese name"), required=True),
            F("name_en", QT_TRANSLATE_NOOP("Records", "English name")),
            F("code", QT_TRANSLATE_NOOP("Records", "Occupation code"), hint=QT_TRANSLATE_NOOP("Records", "e.g. 6-18-02-04")),
            F("aliases", QT_TRANSLATE_NOOP("Records", "Aliases (majors)"), "lines",
              hint=QT_TRANSLATE_NOOP("Records", "one per line, e.g. 焊接技术应用")),
            F("related", QT_TRANSLATE_NOOP("Records", "Related trades"), "refs", ref="trades"),
            F("retired", QT_TRANSLATE_NOOP("Records", "Retired (no longer offered)"), "bool"),
        ),
        identity=(Identity(("name_zh",), QT_TRANSLATE_NOOP("Records", "A trade with this name already exists.")),),
    ),
    "colleges": Kind(
        QT_TRANSLATE_NOOP("Records", "College"),
        QT_TRANSLATE_NOOP("Records", "Colleges"),
        (F("name", QT_TRANSLATE_NOOP("Records", "College name"), required=True),),
        identity=(Identity(("name",), QT_TRANSLATE_NOOP("Records", "A college with this name already exists.")),),
    ),
}
del F

# Links stored in other tables: field -> (link table, owner column, other column)
LINKS = {
    ("mentors", "trades"): ("mentor_trades", "mentor_id", "trade_id"),
    ("programmes", "enterprises"): ("programme_enterprises", "programme_id", "enterprise_id"),
    ("programmes", "colleges"): ("programme_colleges", "programme_id", "college_id"),
    ("trades", "related"): ("trade_relations", "trade_id", "related_id"),
}
# What a record is called in messages and combo boxes
TITLE_SQL = {
    "apprentices": "name || ' (' || student_no || ')'",
    "mentors": "name",
    "enterprises": "name",
    "programmes": "name",
    "trades": "name_zh",
    "colleges": "name",
}
DEFAULTS = {"kind": "student", "target_level": 2, "skill_level": 3, "active": True, "years": 0}


class RecordError(UserError):
    """A record that cannot be saved; errors maps field names to messages."""

    def __init__(self, errors: dict[str, str]):
        super().__init__("; ".join(errors.values()))
        self.errors = errors


# ---------------------------------------------------------------------------------------------
# Reading


def empty(kind: str) -> dict:
    """The values of a new record."""
    values = {}
    for f in KINDS[kind].fields:
        if f.kind in ("lines", "refs", "colleges"):
            values[f.name] = []
        elif f.kind in ("ref", "capacity"):
            values[f.name] = None
        elif f.kind == "bool":
            values[f.name] = False
        else:
            values[f.name] = 0 if f.kind == "int" else ""
    values.update({k: v for k, v in DEFAULTS.items() if k in values})
    return values


def load(db: Database, kind: str, record_id: int) -> dict:
    """The stored values of one record, in the form described in the module docstring."""
    cursor = db.execute(f"SELECT * FROM {kind} WHERE id = ?", [record_id])
    row = cursor.fetchone()
    if row is None:
        raise KeyError(record_id)
    stored = dict(zip((d[0] for d in cursor.description), row))
    values = empty(kind)
    for f in KINDS[kind].fields:
        if (kind, f.name) in LINKS:
            table, owner, other = LINKS[(kind, f.name)]
            if f.kind == "colleges":
                sql = f"SELECT c.name FROM {table} JOIN colleges c ON c.id = {other} WHERE {owner} = ? ORDER BY c.name"
            else:
                sql = f"SELECT {other} FROM {table} WHERE {owner} = ? ORDER BY {other}"
            values[f.name] = [r[0] for r in db.execute(sql, [record_id])]
        elif f.kind == "lines":
            values[f.name] = [r[0] for r in db.execute("SELECT alias FROM trade_aliases WHERE trade_id = ? ORDER BY alias", [record_id])]
        elif f.kind == "college":
            values[f.name] = db.execute("SELECT name FROM colleges WHERE id = ?", [stored["college_id"]]).fetchone()[0]
        elif f.kind == "bool":
            values[f.name] = bool(stored[f.name])
        else:
            value = stored[f.name]
            values[f.name] = "" if value is None and f.kind in ("text", "notes", "date") else value
    return values


def mentor_load(db: Database, mentor_id: int) -> int:
    """The mentor's active pairs (drafts and confirmed) across all programmes."""
    return capacity.of_mentor(db, mentor_id).load


def title(db: Database, kind: str, record_id: int) -> str:
    row = db.execute(f"SELECT {TITLE_SQL[kind]} FROM {kind} WHERE id = ?", [record_id]).fetchone()
    return row[0] if row else ""


def programme_id_by_name(db: Database, name: str | None) -> int | None:
    """The id of the programme with this name (None for no name); RecordError naming the
    programmes that exist when there is none."""
    if not name:
        return None
    row = db.execute("SELECT id FROM programmes WHERE name = ?", [validation.clean(name)]).fetchone()
    if row is None:
        names = "、".join(r[0] for r in db.execute("SELECT name FROM programmes ORDER BY name")) or "—"
        raise RecordError({"programme": translate("Records", "There is no programme named {name}. Programmes: {names}.").format(
            name=name, names=names)})
    return row[0]


def choices(db: Database, ref: str, keep: object = None) -> list[tuple[object, str]]:
    """(value, label) pairs for a combo box or list pointing to ref; retired trades only if kept."""
    if ref == "trades":
        keep_ids = keep if isinstance(keep, (list, tuple)) else [keep]
        marks = ",".join("?" * len(keep_ids)) or "NULL"
        return [tuple(r) for r in db.execute(
            f"SELECT id, name_zh FROM trades WHERE retired = 0 OR id IN ({marks}) ORDER BY id", list(keep_ids))]
    if ref == "colleges":
        return [(r[0], r[0]) for r in db.execute("SELECT name FROM colleges ORDER BY name")]
    if ref == "mentors":
        sql = ("SELECT m.id, m.name || ' · ' || COALESCE(NULLIF(e.short_name, ''), e.name) || ' · ' || t.name_zh"
               " FROM mentors m JOIN enterprises e ON e.id = m.enterprise_id JOIN trades t ON t.id = m.trade_id"
               " WHERE m.active = 1 OR m.id = ? ORDER BY m.name, m.id")
        return [tuple(r) for r in db.execute(sql, [keep])]
    if ref == "programmes":  # the newest first: the one a coordinator works on
        return [tuple(r) for r in db.execute("SELECT id, name FROM programmes ORDER BY start_date DESC, name")]
    return [tuple(r) for r in db.execute(f"SELECT id, {TITLE_SQL[ref]} FROM {ref} ORDER BY {TITLE_SQL[ref]}")]


# ---------------------------------------------------------------------------------------------
# Validation and saving


def validate(db: Database, kind: str, values: dict, record_id: int | None = None) -> tuple[dict, dict[str, str]]:
    """Check every field; returns (cleaned values, {field: message}), warnings among the messages
    (blocking() leaves them out). Reads, never writes."""
    return Batch(db, kind).check(values, record_id)


def save(db: Database, kind: str, values: dict, record_id: int | None = None) -> int:
    """Validate and write one record with its links in one transaction; returns its id.

    Raises RecordError with {field: message} when a value is invalid (nothing is written).
    """
    return Batch(db, kind).save(values, record_id)


def blocking(errors: dict[str, str]) -> dict[str, str]:
    """The messages of check() that stop a record from being saved: all but the warnings (validation.Notice)."""
    return {name: message for name, message in errors.items() if not isinstance(message, validation.Notice)}


SIMILAR = 0.75  # difflib's ratio: 德阳安装技师学校 and 德阳安装技师学院 are 0.875 alike, 一院 and 二院 0.5


def similar_names(name: str, known: list[str]) -> list[str]:
    """The names in known that differ from name by a character or two (德阳安装技师学校 →
    德阳安装技师学院), the closest first, at most three."""
    return [n for n in difflib.get_close_matches(name, known, n=3, cutoff=SIMILAR) if n != name]


def differences(kind: str, a: dict, b: dict) -> list[str]:
    """The person fields (Kind.person) in which two records disagree; an empty value agrees with any."""
    return [name for name in KINDS[kind].person if a.get(name) not in (None, "") and b.get(name) not in (None, "") and a[name] != b[name]]


PENDING_ROWS = 2000  # new records write() holds back for one statement: fast, and little memory for a roster of 200,000
DATES_KEPT = 1000  # different dates a batch keeps cleaned (a roster has a few; a wrong one is never kept)
VALUES_KEPT = 1000  # different texts of a column an import keeps read (a roster repeats a few; a wrong one is never kept)


class Batch:
    """Validates and writes records of one kind; what the checks need from the database (the ids
    of referenced tables, names, the identity keys and unique values already stored) is read once
    and kept up to date as records are written.

    References may also be given by name (reference()): a name not in the database yet gets a
    provisional negative id, so rows naming a new enterprise are checked before it exists;
    write() creates it first.
    """

    def __init__(self, db: Database, kind: str):
        self.db, self.kind, self.spec = db, kind, KINDS[kind]
        self._fields = {f.name: f for f in self.spec.fields}
        # the fields keys come from, read for every row: worked out once
        names = [n for i in self.spec.identity for n in (i.within, *i.fields) if n]
        names += [*self.spec.person, *(f.name for f in self.spec.fields if f.unique)]
        self._key_fields = list(dict.fromkeys(names))
        self._colleges = [n for n in self._key_fields if self._fields[n].kind == "college"]
        self._identity_parts = [(index, tuple(n for n in (i.within, *i.fields) if n)) for index, i in enumerate(self.spec.identity)]
        self._unique = [f.name for f in self.spec.fields if f.unique]
        # how write() stores the values: columns of the table, then the link tables
        self._refs = [f.name for f in self.spec.fields if f.kind == "ref"]
        self._plan = [(f.name, f.kind) for f in self.spec.fields if (kind, f.name) not in LINKS and f.kind != "lines"]
        self._plan_names = [n for n, _ in self._plan]
        self._plan_converted = [(index, n, k) for index, (n, k) in enumerate(self._plan) if k in ("college", "bool")]  # stored otherwise
        columns = ["college_id" if k == "college" else n for n, k in self._plan]
        self._pinyin = pinyin.KINDS.get(kind)  # the name's pinyin, written with it (lists search and sort by it)
        columns += ["name_pinyin"] if self._pinyin else []
        self._insert = f"INSERT INTO {kind} (id, {', '.join(columns)}) VALUES (?, {', '.join('?' * len(columns))})"
        self._pending: list[list] = []  # rows write() has held back for flush()
        self._last_id: int | None = None
        self._update = f"UPDATE {kind} SET {', '.join(c + ' = ?' for c in columns)} WHERE id = ?"
        self._links = [(name, *link) for (owner_kind, name), link in LINKS.items() if owner_kind == kind]
        self._ids: dict[str, set[int]] = {}
        self._names: dict[str, dict[str, int]] = {}
        self._keys: dict[tuple, int] | None = None  # identity key or ("unique", field, value) -> record id
        self._stored: dict[int, tuple] = {}  # record id -> the values of _key_fields (a college as its id): a tuple, for 200,000 records
        self._retired: set[int] | None = None
        self._provisional: dict[int, tuple[str, str]] = {}  # negative id -> (table, name)
        self._realised: dict[int, int] = {}  # provisional id -> the id of the record created for it
        self._batches: dict[str, Batch] = {}  # the kinds this batch creates records of by name
        self._titles: dict[tuple[str, int], str] = {}  # references named in the audit log
        self.new_names: list[tuple[str, str]] = []  # (table, name) named that were not in the database
        self.created: list[tuple[str, str]] = []  # (table, name) created by write()
        self._similar: dict[str, list[str]] = {}  # a new college name -> the known ones it resembles (warnings())
        self._college_fields = [f.name for f in self.spec.fields if f.kind in ("college", "colleges")]
        # (field, cleaner, (value, message) of an empty value or None): most of a roster's cells are empty
        self._cleaners: list[tuple[str, object, tuple[object, str] | None]] = []
        self._new_plans: dict[tuple[str, ...], tuple[list, dict] | None] = {}  # check_new()'s, by the fields given
        for f in self.spec.fields:
            cleaner = self._cleaner(f)
            self._cleaners.append((f.name, cleaner, self._when_empty(cleaner)))

    @staticmethod
    def _when_empty(clean_value) -> tuple[object, str] | None:
        try:
            value, error = clean_value(None), ""
        except ValidationError as exc:
            value, error = None, str(exc)
        return None if isinstance(value, list) else (value, error)  # a list would be shared by every record

    # -- lookups ---------------------------------------------------------------------------------

    def ids(self, table: str) -> set[int]:
        if table not in self._ids:
            self._ids[table] = {r[0] for r in self.db.execute(f"SELECT id FROM {table}")}
        return self._ids[table]

    def retired(self) -> set[int]:
        if self._retired is None:
            self._retired = {r[0] for r in self.db.execute("SELECT id FROM trades WHERE retired = 1")}
        return self._retired

    def _name_map(self, table: str) -> dict[str, int]:
        if table not in self._names:
            names: dict[str, int] = {}
            if table == "enterprises":  # a full name wins over a short name
                rows = self.db.execute("SELECT id, name, short_name FROM enterprises ORDER BY id DESC").fetchall()
                names.update((short, i) for i, _, short in rows if short)
                names.update((name, i) for i, name, _ in rows)
            elif table == "trades":  # the Chinese name wins over the English name, which wins over an alias
                names.update((alias, i) for alias, i in self.db.execute("SELECT alias, trade_id FROM trade_aliases"))
                rows = self.db.execute("SELECT id, name_zh, name_en FROM trades ORDER BY id DESC").fetchall()
                names.update((en.lower(), i) for i, _, en in rows if en)
                names.update((zh, i) for i, zh, _ in rows)
            else:
                names.update((name, i) for i, name in self.db.execute(f"SELECT id, name FROM {table}"))
            self._names[table] = names
        return self._names[table]

    def lookup(self, table: str, name: str) -> int | None:
        """The id of the record of table called name (an enterprise also by its short name, a
        trade also by its English name or an alias); a provisional id for a name given before."""
        names = self._name_map(table)
        found = names.get(name)
        return names.get(name.lower()) if found is None and table == "trades" else found

    def reference(self, table: str, name: str, create: bool = False) -> int:
        """lookup(), and for a name not in the database a provisional id, or with create=True its
        record, saved as a form would save it."""
        names = self._name_map(table)
        found = self.lookup(table, name)
        if found is not None and (found > 0 or not create):
            return found
        if found is None:
            self.new_names.append((table, name))
        if create:
            new = self._create(table, name)
            self.created.append((table, name))
            if found is not None:
                self._realised[found] = new  # rows checked with the provisional id get the record
            found = new
        else:
            found = -(len(self._provisional) + 1)
            self._provisional[found] = (table, name)
        names[name] = found
        self.ids(table).add(found)
        return found

    def _create(self, table: str, name: str) -> int:
        batch = self._batches.setdefault(table, Batch(self.db, table))
        return batch.save({**empty(table), TITLE_SQL[table]: name})  # these kinds are titled by their name column

    def _realise(self, provisional: int) -> int:
        if provisional not in self._realised:
            self.reference(*self._provisional[provisional], create=True)
        return self._realised[provisional]

    def as_stored(self, values: dict) -> dict:
        """The key fields of values as the table stores them (a college name as its id)."""
        stored = {name: values.get(name) for name in self._key_fields}
        for name in self._colleges:
            if stored[name] not in (None, ""):
                stored[name] = self.reference("colleges", stored[name])
        return stored

    def _key_map(self) -> dict[tuple, int]:
        if self._keys is None:
            self.flush()
            self._keys, self._stored = {}, {}
            names = self._key_fields
            columns = ["college_id" if n in self._colleges else n for n in names]
            for row in self.db.execute(f"SELECT id, {', '.join(columns)} FROM {self.kind}"):
                self._stored[row[0]] = row[1:]
                for key in self.keys(dict(zip(names, row[1:]))):
                    self._keys.setdefault(key, row[0])
        return self._keys

    def keys(self, values: dict) -> list[tuple]:
        """The complete identity keys and unique values of a record (values as as_stored() gives them)."""
        keys = []
        for index, names in self._identity_parts:
            parts = tuple(values.get(n) for n in names)
            if None not in parts and "" not in parts:
                keys.append((index, *parts))
        keys += [("unique", name, values[name]) for name in self._unique if values.get(name)]
        return keys

    def keys_of(self, values: dict) -> list[tuple]:
        """keys() of values as a form or an import gives them (a college by name)."""
        return self.keys(self.as_stored(values))

    def match(self, keys: list[tuple]) -> tuple[tuple, int] | None:
        """(identity key, record id) of the record that keys (keys_of() a record's values)
        identify: the first identity key (Kind.identity) that finds one."""
        stored = self._key_map()
        return next(((key, stored[key]) for key in keys if key[0] != "unique" and key in stored), None)

    def differences(self, values: dict, record_id: int) -> list[str]:
        """The person fields in which values disagree with a stored record."""
        self._key_map()
        return differences(self.kind, self.as_stored(values), self.stored(record_id))

    def stored(self, record_id: int) -> dict:
        """The identity, person and unique values of a record as stored (a college as its id)."""
        self._key_map()
        return dict(zip(self._key_fields, self._stored[record_id]))

    # -- checking and writing --------------------------------------------------------------------

    def check(self, values: dict, record_id: int | None = None) -> tuple[dict, dict[str, str]]:
        """Check every field; returns (cleaned values, {field: message}), warnings among the
        messages as validation.Notice (see blocking()). Reads, never writes."""
        clean, errors, _ = self.check_keys(values, record_id)
        return clean, errors

    def check_keys(self, values: dict, record_id: int | None = None) -> tuple[dict, dict[str, str], list[tuple]]:
        """check(), and the keys_of() the cleaned values, found on the way (an import compares its rows by them)."""
        clean: dict = {}
        errors = self._clean(values, self._cleaners, clean)
        return clean, *self._checked(clean, errors, record_id)

    def check_new(self, given: dict) -> tuple[dict, dict[str, str], list[tuple]]:
        """check_keys() of a new record with the given fields, the rest as empty() has them (an
        import's row): the fields left out are cleaned once for all the rows that leave out the same."""
        names = tuple(given)
        plan = self._new_plans.get(names, False)
        if plan is False:
            plan = self._new_plans[names] = self._new_plan(names)
        if plan is None:
            return self.check_keys({**empty(self.kind), **given})
        cleaners, left_out = plan
        clean = dict(left_out)
        errors = self._clean(given, cleaners, clean)
        return clean, *self._checked(clean, errors, None)

    def _new_plan(self, names: tuple[str, ...]) -> tuple[list, dict] | None:
        """(the cleaners of the fields given, the cleaned values of those left out) for check_new();
        None when a field left out is refused (a required one) or cleans to a list (not to be shared)."""
        left_out: dict = {}
        if self._clean(empty(self.kind), [c for c in self._cleaners if c[0] not in names], left_out) or any(
                isinstance(value, list) for value in left_out.values()):
            return None
        return [c for c in self._cleaners if c[0] in names], left_out

    @staticmethod
    def _clean(values: dict, cleaners: list, clean: dict) -> dict[str, str]:
        """Put the cleaned values into clean; returns {field: message} of those refused."""
        errors: dict[str, str] = {}
        for name, clean_value, when_empty in cleaners:
            raw = values.get(name)
            if when_empty is not None and (raw is None or raw == ""):
                clean[name], error = when_empty
                if error:
                    errors[name] = error
                continue
            try:
                value = clean_value(raw)
            except ValidationError as exc:
                errors[name] = str(exc)
                continue
            # the text given when cleaning changed nothing: an import's 200,000 rows are not copied
            clean[name] = raw if value.__class__ is str and value == raw else value
        return errors

    def _checked(self, clean: dict, errors: dict[str, str], record_id: int | None) -> tuple[dict[str, str], list[tuple]]:
        """(errors with those of the record as a whole, keys_of() clean)."""
        keys = self.keys_of(clean)
        for name, message in (*self._taken(keys, record_id), *_CROSS_CHECKS[self.kind](self, clean, record_id),
                              *self._similar_college_notices(clean)):
            errors.setdefault(name, message)
        return errors, keys

    def _taken(self, keys: list[tuple], record_id: int | None):
        """Identity keys and unique values (keys_of() a record) that belong to another record."""
        stored = self._key_map()
        for key in keys:
            other = stored.get(key)
            if other is None or other == record_id:
                continue
            if key[0] == "unique":
                f = self._fields[key[1]]
                yield f.name, translate("Records", "{record} already has this {field}.").format(
                    record=title(self.db, self.kind, other), field=translate("Records", f.label))
            else:
                identity = self.spec.identity[key[0]]
                yield identity.fields[-1], translate("Records", identity.taken)

    def _similar_college_notices(self, clean: dict):
        """(field, Notice) for a new college named like a known one ("did you mean …?"): probably a
        slip, shown by the form and the import preview, never stopping a save."""
        for field_name in self._college_fields:
            value = clean.get(field_name)
            for name in [value] if isinstance(value, str) else value or []:
                close = self._similar_colleges(name)
                if close:
                    yield field_name, validation.Notice(translate("Records", "{name} is not a known college: did you mean {known}?").format(
                        name=name, known=translate("Records", " or ").join(close)))
                    break

    def _similar_colleges(self, name: str) -> list[str]:
        known = self.lookup("colleges", name) if name else 1
        if known is not None and known > 0:  # empty, or stored already (a provisional id is still new)
            return []
        if name not in self._similar:
            self._similar[name] = similar_names(name, [n for n, i in self._name_map("colleges").items() if i > 0])
        return self._similar[name]

    def _cleaner(self, f: Field):
        """The function that cleans and checks a value of the field (ValidationError if it is wrong);
        made once per batch, as check() runs for every row of a roster."""
        if f.kind in ("text", "notes", "college"):
            if f.required:
                read = validation.required
            elif f.kind == "notes":
                read = lambda raw: str(raw or "").strip()  # line breaks are kept
            else:
                read = validation.clean
            if f.sensitive == "id":
                return lambda raw: validation.id_number(read(raw))
            if f.sensitive == "phone":
                return lambda raw: validation.phone(read(raw))
            if f.name == "credit_code":
                return lambda raw: validation.credit_code(read(raw))
            if f.name in ("code", "employee_no"):
                return lambda raw: read(raw) or None
            return read
        if f.kind == "date":
            dates: dict[object, str] = {}  # a date as given -> its ISO text: a roster's few dates, each one string

            def iso_date(raw):
                if raw.__class__ not in (str, date):
                    return validation.iso_date(raw)
                found = dates.get(raw)
                if found is None:
                    found = validation.iso_date(raw)
                    if len(dates) < DATES_KEPT:
                        dates[raw] = found
                return found
            return iso_date
        if f.kind in ("int", "capacity"):
            def number(raw):
                if raw in (None, "") and f.kind == "capacity":
                    return None
                try:
                    value = int(validation.clean(raw) or 0)
                except ValueError:
                    raise ValidationError(translate("Records", "Enter a whole number.")) from None
                if not 0 <= value <= f.maximum:
                    raise ValidationError(translate("Records", "Enter a number from 0 to {maximum}.").format(maximum=f.maximum))
                return value
            return number
        if f.kind == "bool":
            return bool
        if f.kind == "choice":
            allowed = [c.value for c in CHOICES[f.ref]]
            default = DEFAULTS.get(f.name, allowed[0]) if "" not in allowed else ""

            def choice(raw):
                value = default if raw in (None, "") else raw
                if isinstance(value, str) and value.isdigit() and isinstance(allowed[0], int):
                    value = int(value)
                if value not in allowed:
                    raise ValidationError(translate("Records", "Choose one of the listed values."))
                return value
            return choice
        batch = weakref.proxy(self)  # the cleaners are the batch's: without a cycle, a dropped batch (200,000 keys) goes at once
        if f.kind == "ref":
            def ref(raw):
                if raw in (None, ""):
                    if f.required:
                        raise ValidationError(translate("Records", "This field is required."))
                    return None
                if int(raw) not in batch.ids(f.ref):
                    raise ValidationError(translate("Records", "This record no longer exists; choose another."))
                return int(raw)
            return ref
        if f.kind == "refs":
            def refs(raw):
                ids = sorted({int(v) for v in raw or []})
                if set(ids) - batch.ids(f.ref):
                    raise ValidationError(translate("Records", "Some of the chosen records no longer exist."))
                return ids
            return refs
        if f.kind in ("lines", "colleges"):
            def lines(raw):
                items = [validation.clean(v) for v in (raw.splitlines() if isinstance(raw, str) else raw or [])]
                return list(dict.fromkeys(v for v in items if v))
            return lines
        raise AssertionError(f.kind)

    def save(self, values: dict, record_id: int | None = None) -> int:
        """Check and write one record in one transaction, the check under the write lock (its
        identity keys cannot change meanwhile); RecordError (nothing written) if invalid."""
        with writing(self.db):
            clean, errors = self.check(values, record_id)
            if blocking(errors):
                raise RecordError(blocking(errors))
            record_id = self.write(clean, record_id)
            self.flush()
        return record_id

    def write(self, clean: dict, record_id: int | None = None) -> int:
        """Write values check() accepted, with their links, inside the caller's transaction;
        records named with provisional ids are created first. Returns the record's id.

        A new record without links may be held back and inserted with others by flush(), which
        the caller runs before its transaction ends (a roster's rows PENDING_ROWS at a time).
        """
        clean = dict(clean)
        for name in self._refs:
            if clean[name] is not None and clean[name] < 0:
                clean[name] = self._realise(clean[name])
        values = list(map(clean.__getitem__, self._plan_names))
        for index, n, k in self._plan_converted:
            values[index] = self.reference("colleges", clean[n], create=True) if k == "college" else int(clean[n])
        if self._pinyin:
            values.append(self._pinyin(clean["name"]))
        if record_id is None:
            if self._last_id is None:
                self._last_id = self.db.execute(f"SELECT COALESCE(MAX(id), 0) FROM {self.kind}").fetchone()[0]
            self._last_id = record_id = self._last_id + 1
            self._pending.append([record_id, *values])
            if self.kind in self._ids:
                self._ids[self.kind].add(record_id)
            if self._links or len(self._pending) >= PENDING_ROWS:
                self.flush()
            before = None
        else:
            self.flush()
            before = load(self.db, self.kind, record_id)
            self.db.execute(self._update, [*values, record_id])
        self._save_links(clean, record_id)
        if before is not None:
            changed = audit.changes(before, {f.name: clean[f.name] for f in self.spec.fields})
            if changed:
                audit.record(self.db, "update", self.kind, record_id, title(self.db, self.kind, record_id),
                             _audited(self.db, self.kind, changed, self._titles))
        self._keys = None  # read again when next needed: writing 20,000 rows needs no keys
        return record_id

    def flush(self) -> None:
        """Insert the records write() has held back."""
        if self._pending:
            self.db.conn.executemany(self._insert, self._pending)
            audit.record_select(self.db, "create", self.kind,
                                f"SELECT id, {TITLE_SQL[self.kind]} FROM {self.kind} WHERE id IN (SELECT value FROM json_each(?))",
                                [json.dumps([row[0] for row in self._pending])])
            self._pending = []

    def _save_links(self, clean: dict, record_id: int) -> None:
        for name, table, owner, other in self._links:
            ids = clean[name]
            if name == "colleges":
                ids = [self.reference("colleges", college, create=True) for college in ids]
            if name == "trades":
                ids = [i for i in ids if i != clean["trade_id"]]  # the primary trade is not an additional one
            self.db.execute(f"DELETE FROM {table} WHERE {owner} = ?", [record_id])
            self.db.conn.executemany(f"INSERT INTO {table} ({owner}, {other}) VALUES (?, ?)", [(record_id, i) for i in ids])
            if name == "related":  # relations are stored in both directions
                self.db.execute("DELETE FROM trade_relations WHERE related_id = ?", [record_id])
                self.db.conn.executemany("INSERT INTO trade_relations (trade_id, related_id) VALUES (?, ?)", [(i, record_id) for i in ids])
        if self.kind == "trades":
            self.db.execute("DELETE FROM trade_aliases WHERE trade_id = ?", [record_id])
            self.db.conn.executemany("INSERT INTO trade_aliases (alias, trade_id) VALUES (?, ?)", [(a, record_id) for a in clean["aliases"]])


def _audited(db: Database, kind: str, changed: dict, titles: dict | None = None) -> dict:
    """Changes {field: [old, new]} of a record as the audit log keeps them: ID numbers and phones
    masked, references by the titles of the records they point to (titles: a cache)."""
    titles = {} if titles is None else titles

    def named(table: str, record_id):
        if record_id is None:
            return None
        if (table, record_id) not in titles:
            titles[(table, record_id)] = title(db, table, record_id) or str(record_id)
        return titles[(table, record_id)]

    kept = {}
    for name, pair in changed.items():
        f = KINDS[kind].field(name)
        if f.kind == "ref":
            pair = [named(f.ref, v) for v in pair]
        elif f.kind == "refs":
            pair = [[named(f.ref, i) for i in v] if v else v for v in pair]
        kept[name] = [audit.masked(f.sensitive, v) for v in pair]
    return kept


def _check_trade(batch: Batch, v: dict, record_id: int | None):
    """A retired trade cannot be chosen anew (a record that already has it may keep it)."""
    if v.get("trade_id") in batch.retired():
        kept = record_id and batch.db.execute(f"SELECT 1 FROM {batch.kind} WHERE id = ? AND trade_id = ?",
                                              [record_id, v["trade_id"]]).fetchone()
        if not kept:
            yield "trade_id", translate("Records", "This trade is retired; choose another or reinstate it under Trades.")


def _check_dates(v: dict, start: str, end: str):
    try:
        validation.date_order(v.get(start), v.get(end))
    except ValidationError as exc:
        yield end, str(exc)


def _check_id_number(v: dict):
    """What an ID number tells: an unknown birthplace is a warning; an empty gender is filled from
    it, a gender that contradicts it is a warning (either may be the mistyped one)."""
    number = v.get("id_number")
    if not number:
        return
    notice = validation.id_birthplace(number)
    if notice:
        yield "id_number", notice
    gender = validation.id_gender(number)
    if not v.get("gender"):
        v["gender"] = gender
    elif v["gender"] != gender:
        yield "gender", validation.Notice(
            translate("Records", "By the ID number this is a man; please check the gender or the ID number.") if gender == "M" else
            translate("Records", "By the ID number this is a woman; please check the gender or the ID number."))


def _check_apprentice(batch: Batch, v: dict, record_id: int | None):
    yield from _check_trade(batch, v, record_id)
    yield from _check_dates(v, "start_date", "end_date")
    yield from _check_id_number(v)


def _check_mentor(batch: Batch, v: dict, record_id: int | None):
    yield from _check_trade(batch, v, record_id)
    if record_id and not v.get("active"):
        active = mentor_load(batch.db, record_id)
        if active:
            yield "active", translate(
                "Records", "This mentor still has {n} active pairs; end them first (Delete offers to end them and deactivate)."
            ).format(n=active)
    yield from _check_dates(v, "term_from", "term_to")


def _check_programme(batch: Batch, v: dict, record_id: int | None):
    yield from _check_dates(v, "start_date", "end_date")


def _check_trade_record(batch: Batch, v: dict, record_id: int | None):
    taken = []
    for alias in v.get("aliases", []):
        row = batch.db.execute("SELECT t.name_zh FROM trade_aliases a JOIN trades t ON t.id = a.trade_id WHERE a.alias = ? AND t.id IS NOT ?",
                               [alias, record_id]).fetchone()
        if row:
            taken.append(translate("Records", "{alias} (already an alias of {trade})").format(alias=alias, trade=row[0]))
    if taken:
        yield "aliases", "; ".join(taken)
    if record_id and record_id in v.get("related", []):
        yield "related", translate("Records", "A trade cannot be related to itself.")


_CROSS_CHECKS = {
    "apprentices": _check_apprentice,
    "mentors": _check_mentor,
    "enterprises": lambda batch, v, record_id: (),  # its name and credit code are its identity
    "programmes": _check_programme,
    "trades": _check_trade_record,
    "colleges": lambda batch, v, record_id: (),  # its name is its identity
}


# ---------------------------------------------------------------------------------------------
# Bulk edits

BULK_FIELDS = {  # the fields a bulk edit may set, per kind
    "apprentices": ("programme_id", "host_enterprise_id", "class_name", "start_date", "end_date", "target_level"),
}
_PAIRED_FIELDS = {"start_date": ("start_date", "end_date"), "end_date": ("start_date", "end_date")}  # checked together


def _problems(db: Database, kind: str, found: list[tuple[int, str]]) -> RecordError:
    """One message naming the records a bulk edit cannot change, and why: "张三 (2024001): …"."""
    lines = [translate("Records", "{record}: {reason}").format(record=title(db, kind, i), reason=reason) for i, reason in found]
    if len(lines) > NAMES_SHOWN:
        lines[NAMES_SHOWN:] = [translate("Records", "… and {n} more").format(n=len(lines) - NAMES_SHOWN)]
    return RecordError({"": translate("Records", "Nothing was changed:\n{lines}").format(lines="\n".join(lines))})


@writes
def set_fields(db: Database, kind: str, ids: list[int], values: dict) -> pairs.Change:
    """Give the records ids the same values {field: value} (fields of BULK_FIELDS) in one
    transaction, each record checked as the form checks it and written through Batch.write();
    RecordError naming every record that cannot take them (nothing is written). Returns the
    Change for pairs.undo()."""
    assert set(values) <= set(BULK_FIELDS[kind]), values
    batch = Batch(db, kind)
    relevant = {n for name in values for n in _PAIRED_FIELDS.get(name, (name,))}
    checked, refused = [], []
    for record_id in ids:
        current = load(db, kind, record_id)
        clean, errors = batch.check({**current, **values}, record_id)
        # only the fields set (and those checked with them) count: a value stored before a rule was
        # tightened does not stop the edit of another field, and is written back as it is
        if any(n in relevant for n in errors):
            refused.append((record_id, "; ".join(m for n, m in errors.items() if n in relevant)))
        checked.append((record_id, {**current, **clean}))
    if refused:
        raise _problems(db, kind, refused)
    journal = pairs.Journal(db, translate("Records", "Edit {n} {kind}").format(
        n=len(ids), kind=translate("Records", KINDS[kind].plural)), kind)
    journal.touch(kind, [(i,) for i in ids])
    for record_id, clean in checked:
        batch.write(clean, record_id)
    return journal.finish()


def pairs_broken_by_move(db: Database, mentor_ids: list[int], enterprise_id: int) -> list[tuple[int, str, bool]]:
    """The active pairs of these mentors whose apprentice is hosted by an enterprise other than
    enterprise_id (pairs.violations' host-enterprise rule): (pair id, "apprentice — mentor", locked)."""
    return db.execute(
        "SELECT p.id, a.name || ' (' || a.student_no || ') — ' || m.name, p.locked FROM pairs p"
        " JOIN apprentices a ON a.id = p.apprentice_id JOIN mentors m ON m.id = p.mentor_id"
        " WHERE p.ended_at IS NULL AND p.mentor_id IN (SELECT value FROM json_each(?))"
        " AND a.host_enterprise_id IS NOT NULL AND a.host_enterprise_id <> ? ORDER BY a.name, p.id",
        [json.dumps(mentor_ids), enterprise_id]).fetchall()


@writes
def move_mentors(db: Database, mentor_ids: list[int], enterprise_id: int, reason: str = "") -> pairs.Change:
    """Move mentors to another enterprise in one transaction, undoable (pairs.undo()).

    An active pair whose apprentice is hosted elsewhere would break the host-enterprise rule: it
    ends today with reason, the coordinator's words (pairs.unpair(); a draft pair just leaves the
    draft), so that the apprentice shows as unpaired and the history says why. Without a reason,
    or when such a pair is locked, nothing moves: UserError naming the pairs.
    """
    batch = Batch(db, "mentors")
    refused = []
    for mentor_id in mentor_ids:
        current = load(db, "mentors", mentor_id)
        _, errors = batch.check({**current, "enterprise_id": enterprise_id}, mentor_id)
        errors = {n: m for n, m in errors.items() if n in ("enterprise_id", "employee_no")}
        if errors:
            refused.append((mentor_id, "; ".join(errors.values())))
    numbers = [n for (n,) in db.execute("SELECT employee_no FROM mentors WHERE id IN (SELECT value FROM json_each(?))"
                                        " AND employee_no IS NOT NULL", [json.dumps(mentor_ids)])]
    for number in {n for n in numbers if numbers.count(n) > 1}:  # two of them would meet with one number
        for (mentor_id,) in db.execute("SELECT id FROM mentors WHERE employee_no = ? AND id IN (SELECT value FROM json_each(?))",
                                       [number, json.dumps(mentor_ids)]):
            refused.append((mentor_id, translate("Records", "Another mentor of this enterprise has this employee number.")))
    if refused:
        raise _problems(db, "mentors", refused)
    broken = pairs_broken_by_move(db, mentor_ids, enterprise_id)
    locked = [name for _, name, is_locked in broken if is_locked]
    if locked:
        raise UserError(translate("Records", "These pairs are locked and their apprentices are hosted by another enterprise; "
                                             "unlock them first:\n{pairs}").format(pairs="\n".join(locked)))
    if broken and not reason.strip():
        raise UserError(translate("Records", "These pairs end, as their apprentices are hosted by another enterprise; "
                                             "please give the reason:\n{pairs}").format(pairs="\n".join(n for _, n, _ in broken)))
    journal = pairs.Journal(db, translate("Records", "Move {n} mentors to {enterprise}").format(
        n=len(mentor_ids), enterprise=title(db, "enterprises", enterprise_id)), "mentors")
    journal.touch("pairs", [(pair_id,) for pair_id, _, _ in broken])
    journal.touch("mentors", [(i,) for i in mentor_ids])
    for pair_id, _, _ in broken:
        pairs.unpair(db, pair_id, date.today().isoformat(), reason)
    for mentor_id in mentor_ids:
        batch.write({**load(db, "mentors", mentor_id), "enterprise_id": enterprise_id}, mentor_id)
    return journal.finish()


@writes
def merge_colleges(db: Database, merged_ids: list[int], kept_id: int) -> None:
    """Merge colleges into another in one transaction: their apprentices and programmes move to the
    kept college and they are removed, each leaving a row in the audit log. Two apprentices with
    one student number (a roster imported under both names) would meet in one college: RecordError
    naming them, and nothing is merged."""
    merged_ids = [i for i in merged_ids if i != kept_id]
    if not merged_ids:
        raise RecordError({"": translate("Records", "Choose another college to merge into this one.")})
    kept = title(db, "colleges", kept_id)
    for merged_id in merged_ids:
        merged = title(db, "colleges", merged_id)
        clashes = _named(db, "SELECT a.name || ' (' || a.student_no || ')' FROM apprentices a WHERE a.college_id = ?"
                             f" AND a.student_no IN (SELECT student_no FROM apprentices WHERE college_id = {int(kept_id)})"
                             " ORDER BY a.student_no", merged_id)
        if clashes:
            raise RecordError({"": translate("Records", "These apprentices of {merged} have the student number of an apprentice "
                                                        "of {kept}; delete or correct the duplicates first:\n{names}").format(
                merged=merged, kept=kept, names="\n".join(clashes))})
        moved = _count(db, "SELECT COUNT(*) FROM apprentices WHERE college_id = ?", merged_id)
        audit.record(db, "merge", "colleges", kept_id, translate("Records", "{merged} → {kept}").format(merged=merged, kept=kept),
                     {"name": [merged, kept], "apprentices_moved": [None, moved]})
        db.execute("UPDATE apprentices SET college_id = ? WHERE college_id = ?", [kept_id, merged_id])
        db.execute("INSERT OR IGNORE INTO programme_colleges (programme_id, college_id)"
                   " SELECT programme_id, ? FROM programme_colleges WHERE college_id = ?", [kept_id, merged_id])
        db.execute("DELETE FROM programme_colleges WHERE college_id = ?", [merged_id])
        db.execute("DELETE FROM colleges WHERE id = ?", [merged_id])


# ---------------------------------------------------------------------------------------------
# Deleting

ACTIONS = {
    "delete": QT_TRANSLATE_NOOP("Records", "Delete"),
    "delete_with_pairs": QT_TRANSLATE_NOOP("Records", "Delete with the pairing history"),
    "end_pairs": QT_TRANSLATE_NOOP("Records", "End the active pairs, keep the record"),
    "deactivate": QT_TRANSLATE_NOOP("Records", "Mark inactive, keep the history"),
    "end_pairs_deactivate": QT_TRANSLATE_NOOP("Records", "End the active pairs and mark inactive"),
    "retire": QT_TRANSLATE_NOOP("Records", "Retire the trade, keep the records"),
    "detach_delete": QT_TRANSLATE_NOOP("Records", "Detach them and delete"),
}
NAMES_SHOWN = 20


@dataclass
class DeleteReport:
    """What depends on a record and the safe actions; no actions means it cannot be removed."""

    title: str
    lines: list[str] = field(default_factory=list)  # "Active pairs: 3"
    names: list[str] = field(default_factory=list)  # the records in the way, when they must be named
    actions: list[str] = field(default_factory=list)  # keys of ACTIONS, the first is the suggestion

    @property
    def blocked(self) -> bool:
        return not self.actions

    @property
    def simple(self) -> bool:
        """Nothing depends on the record: a plain confirmation is enough."""
        return not self.lines and self.actions == ["delete"]


def _count(db: Database, sql: str, *params) -> int:
    return db.execute(sql, list(params)).fetchone()[0]


def _named(db: Database, sql: str, record_id: int) -> list[str]:
    rows = [r[0] for r in db.execute(sql + f" LIMIT {NAMES_SHOWN + 1}", [record_id])]
    if len(rows) > NAMES_SHOWN:
        total = _count(db, "SELECT COUNT(*) FROM (" + sql + ")", record_id)
        rows[NAMES_SHOWN:] = [translate("Records", "… and {n} more").format(n=total - NAMES_SHOWN)]
    return rows


def delete_report(db: Database, kind: str, record_id: int) -> DeleteReport:
    report = DeleteReport(title(db, kind, record_id))
    line = lambda text, n: report.lines.append(translate("Records", text).format(n=n)) if n else None  # noqa: E731
    if kind == "mentors":
        active = mentor_load(db, record_id)
        ended = _count(db, "SELECT COUNT(*) FROM pairs WHERE mentor_id = ? AND ended_at IS NOT NULL", record_id)
        letters = _count(db, "SELECT COUNT(*) FROM letters WHERE mentor_id = ?", record_id)
        line(QT_TRANSLATE_NOOP("Records", "Active pairs: {n}"), active)
        line(QT_TRANSLATE_NOOP("Records", "Ended pairs (history): {n}"), ended)
        line(QT_TRANSLATE_NOOP("Records", "Letters of appointment: {n}"), letters)
        line(QT_TRANSLATE_NOOP("Records", "Apprentices who prefer this mentor: {n}"),
             _count(db, "SELECT COUNT(*) FROM apprentices WHERE preferred_mentor_id = ?", record_id))
        is_active = _count(db, "SELECT active FROM mentors WHERE id = ?", record_id)
        if active:
            report.names = _named(db, "SELECT a.name || ' (' || a.student_no || ')' FROM pairs p"
                                      " JOIN apprentices a ON a.id = p.apprentice_id"
                                      " WHERE p.mentor_id = ? AND p.ended_at IS NULL ORDER BY a.name", record_id)
            report.lines.append(translate("Records", "A mentor with pairs stays as history: draft pairs are removed, "
                                                     "confirmed pairs end today, and the mentor is marked inactive."))
            report.actions = ["end_pairs_deactivate"]
        elif ended or letters:
            report.actions = ["deactivate"] if is_active else []
            if not is_active:
                report.lines.append(translate("Records", "The mentor is already inactive; the history is kept."))
        else:
            report.actions = ["delete"]
    elif kind == "enterprises":
        mentors = _count(db, "SELECT COUNT(*) FROM mentors WHERE enterprise_id = ?", record_id)
        line(QT_TRANSLATE_NOOP("Records", "Mentors: {n}"), mentors)
        line(QT_TRANSLATE_NOOP("Records", "Apprentices hosted: {n}"),
             _count(db, "SELECT COUNT(*) FROM apprentices WHERE host_enterprise_id = ?", record_id))
        line(QT_TRANSLATE_NOOP("Records", "Programmes: {n}"),
             _count(db, "SELECT COUNT(*) FROM programme_enterprises WHERE enterprise_id = ?", record_id))
        if mentors:
            report.names = _named(db, "SELECT name FROM mentors WHERE enterprise_id = ? ORDER BY name", record_id)
            report.lines.append(translate("Records", "Move or delete its mentors first."))
        else:
            report.actions = ["detach_delete"] if report.lines else ["delete"]
    elif kind == "apprentices":
        active = _count(db, "SELECT COUNT(*) FROM pairs WHERE apprentice_id = ? AND ended_at IS NULL", record_id)
        total = _count(db, "SELECT COUNT(*) FROM pairs WHERE apprentice_id = ?", record_id)
        line(QT_TRANSLATE_NOOP("Records", "Active pairs: {n}"), active)
        line(QT_TRANSLATE_NOOP("Records", "Ended pairs (history): {n}"), total - active)
        line(QT_TRANSLATE_NOOP("Records", "Exclusions: {n}"),
             _count(db, "SELECT COUNT(*) FROM exclusions WHERE apprentice_id = ?", record_id))
        certificates = _count(db, "SELECT COUNT(*) FROM letters WHERE apprentice_id = ?", record_id)
        line(QT_TRANSLATE_NOOP("Records", "Completion certificates: {n}"), certificates)
        report.actions = (["end_pairs"] if active else []) + (["delete_with_pairs"] if total else ["delete"])
        if certificates:  # the register keeps every number it gave, and whom to
            report.actions = report.actions[:1] if active else []
            report.lines.append(translate("Records", "Certificates stay in the register, so the apprentice stays."))
    elif kind == "programmes":
        pairs = _count(db, "SELECT COUNT(*) FROM pairs WHERE programme_id = ?", record_id)
        letters = _count(db, "SELECT COUNT(*) FROM letters WHERE programme_id = ?", record_id)
        apprentices = _count(db, "SELECT COUNT(*) FROM apprentices WHERE programme_id = ?", record_id)
        line(QT_TRANSLATE_NOOP("Records", "Apprentices: {n}"), apprentices)
        line(QT_TRANSLATE_NOOP("Records", "Pairs: {n}"), pairs)
        line(QT_TRANSLATE_NOOP("Records", "Letters of appointment: {n}"), letters)
        if pairs or letters:
            report.lines.append(translate("Records", "Pairs and letters are kept as history, so the programme stays."))
        else:
            report.actions = ["detach_delete"] if apprentices else ["delete"]
    elif kind == "trades":
        used = [
            (QT_TRANSLATE_NOOP("Records", "Mentors: {n}"),
             _count(db, "SELECT COUNT(*) FROM mentors WHERE trade_id = ?", record_id)
             + _count(db, "SELECT COUNT(*) FROM mentor_trades WHERE trade_id = ?", record_id)),
            (QT_TRANSLATE_NOOP("Records", "Apprentices: {n}"), _count(db, "SELECT COUNT(*) FROM apprentices WHERE trade_id = ?", record_id)),
        ]
        for text, n in used:
            line(text, n)
        if any(n for _, n in used):
            retired = _count(db, "SELECT retired FROM trades WHERE id = ?", record_id)
            report.actions = [] if retired else ["retire"]
            report.lines.append(translate("Records", "A trade in use can be retired: it stays on existing records but is no longer offered."))
        else:
            report.actions = ["delete"]
    elif kind == "colleges":
        apprentices = _count(db, "SELECT COUNT(*) FROM apprentices WHERE college_id = ?", record_id)
        line(QT_TRANSLATE_NOOP("Records", "Apprentices: {n}"), apprentices)
        line(QT_TRANSLATE_NOOP("Records", "Programmes: {n}"),
             _count(db, "SELECT COUNT(*) FROM programme_colleges WHERE college_id = ?", record_id))
        if apprentices:
            report.lines.append(translate("Records", "A college with apprentices cannot be deleted; merge it into another college "
                                                     "to move them (Merge on the Colleges page)."))
        else:
            report.actions = ["detach_delete"] if report.lines else ["delete"]
    return report


@writes
def delete(db: Database, kind: str, record_id: int, action: str = "delete") -> None:
    """Carry out one of delete_report()'s actions in one transaction.

    Raises RecordError when the action is not offered for this record (anymore).
    """
    report = delete_report(db, kind, record_id)
    if action not in report.actions:
        raise RecordError({"": translate("Records", "{title} cannot be removed this way: {reasons}").format(
            title=report.title, reasons="; ".join(report.lines))})
    _audit_delete(db, kind, record_id, action, report.title)
    if action in ("end_pairs", "end_pairs_deactivate"):
        column = "mentor_id" if kind == "mentors" else "apprentice_id"
        code = "mentor_deactivated" if kind == "mentors" else "record_ended"
        # drafts are proposals, not history: they go; confirmed pairs end with a date and why
        db.execute(f"DELETE FROM pairs WHERE {column} = ? AND ended_at IS NULL AND status = 'proposed'", [record_id])
        db.execute(f"UPDATE pairs SET ended_at = ?, end_code = ? WHERE {column} = ? AND ended_at IS NULL",
                   [date.today().isoformat(), code, record_id])
    if action in ("deactivate", "end_pairs_deactivate"):
        db.execute("UPDATE mentors SET active = 0 WHERE id = ?", [record_id])
    elif action == "retire":
        db.execute("UPDATE trades SET retired = 1 WHERE id = ?", [record_id])
    elif action in ("delete", "delete_with_pairs", "detach_delete"):
        if kind == "enterprises":
            db.execute("UPDATE apprentices SET host_enterprise_id = NULL WHERE host_enterprise_id = ?", [record_id])
            db.execute("DELETE FROM programme_enterprises WHERE enterprise_id = ?", [record_id])
        elif kind == "programmes":
            db.execute("UPDATE apprentices SET programme_id = NULL WHERE programme_id = ?", [record_id])
        elif kind == "colleges":
            db.execute("DELETE FROM programme_colleges WHERE college_id = ?", [record_id])
        db.execute(f"DELETE FROM {kind} WHERE id = ?", [record_id])


def _audit_delete(db: Database, kind: str, record_id: int, action: str, name: str) -> None:
    """The audit row of a delete() action, written before the record changes: a deletion keeps
    the values the record had, the other actions what they change."""
    if action in ("delete", "delete_with_pairs", "detach_delete"):
        values = load(db, kind, record_id)
        audit.record(db, "delete", kind, record_id, name, _audited(db, kind, {n: [v, None] for n, v in values.items() if not audit.empty(v)}))
        return
    changed = {}
    if action in ("end_pairs", "end_pairs_deactivate"):
        column = "mentor_id" if kind == "mentors" else "apprentice_id"
        changed["active_pairs"] = [_count(db, f"SELECT COUNT(*) FROM pairs WHERE {column} = ? AND ended_at IS NULL", record_id), 0]
    if action in ("deactivate", "end_pairs_deactivate"):
        changed["active"] = [True, False]
    elif action == "retire":
        changed["retired"] = [False, True]
    audit.record(db, "update", kind, record_id, name, changed)

"""Letters of appointment: the register of serial numbers, the data a template is filled with,
the batch that prints or writes letters, and the `letters` command.

A letter is one mentor's appointment in one programme. Issuing is two steps so that nothing is
half done: plan() reads everything a batch needs and assigns the serials it would get (an
existing, unrevoked letter keeps its own: a reprint); commit() records the new letters in one
transaction. A held letter that would change (another template, date or term) is reissued
only when the caller confirms it (plan(reissue=True)): a new number, and the old letter revoked
as "reissued as <new serial>" in the same transaction. A `Batch` carries planned letters
through output: written to temporary files and put in place inside the register's
transaction, or drawn on a printer and recorded before the job is released. The command line, the Letters page and printing all use it, so a cancelled or
failed batch issues no number and leaves no file, and no sheet carries a number the register
lacks; a batch killed after its files went into place and before the register committed is
rolled back on the next opening (recover()).

The same register, batch and pages serve every kind of paper numbered in it (Paper, declared once
as data in PAPERS): letters of appointment to mentors (APPOINTMENT) and apprentices' completion
certificates (CERTIFICATE), each kind with its own serial prefix and sequence. A serial is the settings' pattern filled with {prefix}, {year} (of the issue date) and
{seq}, one more than the highest seq of its kind ever issued that year, revoked ones included, so a
number is never reused. The audit log (audit.py) gets a row for each letter issued, reprinted or
revoked, in the register's transaction.
"""

from __future__ import annotations

import base64
import contextlib
import json
import re
import sqlite3
from collections.abc import Callable
from dataclasses import dataclass, field, replace
from datetime import date
from pathlib import Path

from PySide6.QtCore import QT_TRANSLATE_NOOP
from sqlite_utils import Database

from mentormatch import audit, capacity, files, letter_templates, records, settings, validation
from mentormatch.errors import UserError
from mentormatch.i18n import translate
from mentormatch.store import now_iso, writing
from mentormatch.validation import clean

SKILL_LEVELS_ZH = {1: "初级工", 2: "中级工", 3: "高级工", 4: "技师", 5: "高级技师"}
DIGITS_ZH = "〇一二三四五六七八九"
MONTHS_EN = ("January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
             "November", "December")
_UNSAFE_IN_FILE_NAMES = re.compile(r'[\\/:*?"<>|\x00-\x1f]')


@dataclass(frozen=True)
class Letter:
    """One letter as printed. id is None until commit() records it."""

    id: int | None
    serial: str
    year: int
    seq: int
    mentor_id: int
    mentor_name: str
    programme_id: int | None
    term_from: str | None
    term_to: str | None
    issue_date: str
    issuers: tuple[str, ...]
    template: str
    context: dict = field(compare=False, repr=False)
    kind: str = "appointment"  # a key of PAPERS
    apprentice_id: int | None = None  # a certificate's holder
    apprentice_name: str = ""
    # a reissue: (id, serial) of the letter it replaces, revoked by commit() as "reissued as <serial>"
    replaces: tuple[int, str] | None = None

    @property
    def paper(self) -> Paper:
        return PAPERS[self.kind]

    @property
    def holder_id(self) -> int:
        """Whom the paper is for: the mentor appointed, the apprentice certified."""
        return self.mentor_id if self.apprentice_id is None else self.apprentice_id

    @property
    def holder(self) -> str:
        return self.mentor_name if self.apprentice_id is None else self.apprentice_name


@dataclass(frozen=True)
class Paper:
    """A kind of paper the register numbers: whom it is for (the register's holder column and the
    people a programme gives it to), its serial prefix (a setting; the pattern is the letters'), its
    default template and placeholders, and how a holder's data and a template's values are read."""

    kind: str  # letters.kind
    holder_column: str  # mentor_id or apprentice_id
    prefix_setting: str
    default_template: str
    placeholders: dict  # name -> what it holds (letter_templates)
    noun: str  # the papers, plural (QT_TRANSLATE_NOOP "Letters"): a PDF's title, a message
    holders: Callable[[Database, int], list[int]]  # (db, programme id) -> the people to give it to, in order
    listing: str  # SQL: id, name, enterprise, trade of the holders in json_each(?)
    data: Callable[..., dict]  # (db, holder id, programme id, mentor id or None) -> the values of a paper
    context: Callable[[Letter, dict], dict]  # the placeholders' values


# --- dates and serials -----------------------------------------------------------------------

def date_zh(iso: str | None) -> str:
    """2026-07-14 -> 2026年7月14日."""
    if not iso:
        return ""
    d = date.fromisoformat(iso)
    return f"{d.year}年{d.month}月{d.day}日"


def date_zh_numerals(iso: str | None) -> str:
    """2026-12-01 -> 二〇二六年十二月一日 (as formal letters write the date of issue)."""
    if not iso:
        return ""
    d = date.fromisoformat(iso)
    year = "".join(DIGITS_ZH[int(c)] for c in str(d.year))
    return f"{year}年{_number_zh(d.month)}月{_number_zh(d.day)}日"


def _number_zh(n: int) -> str:
    """1..31 in Chinese numerals: 一, 十, 十二, 二十, 三十一."""
    tens, ones = divmod(n, 10)
    return (DIGITS_ZH[tens] if tens > 1 else "") + ("十" if tens else "") + (DIGITS_ZH[ones] if ones else "")


def date_en(iso: str | None) -> str:
    """2026-07-14 -> 14 July 2026."""
    if not iso:
        return ""
    d = date.fromisoformat(iso)
    return f"{d.day} {MONTHS_EN[d.month - 1]} {d.year}"


def format_serial(pattern: str, prefix: str, year: int, seq: int) -> str:
    """Fill the serial pattern; UserError, saying what to change, for a pattern that cannot number letters."""
    names = {"prefix": "{prefix}", "year": "{year}", "seq": "{seq}", "example": "{seq:04d}"}
    if "{seq" not in pattern:
        raise UserError(translate("Letters", "The serial number pattern must contain {seq}, for example {example}.").format(
            seq="{seq}", example="{prefix}-{year}-{seq:04d}"))
    try:
        return pattern.format(prefix=prefix, year=year, seq=seq)
    except (KeyError, IndexError) as exc:
        unknown = "{" + (exc.args[0] if isinstance(exc, KeyError) else "") + "}"
        raise UserError(translate("Letters", "The serial number pattern {pattern} is not valid: {unknown} is not one of "
                                    "{prefix}, {year} and {seq}.").format(pattern=pattern, unknown=unknown, **names)) from None
    except (ValueError, TypeError, AttributeError):
        raise UserError(translate("Letters", "The serial number pattern {pattern} is not valid: braces may only enclose "
                                    "{prefix}, {year} or {seq}, with a width for numbers such as {example}.").format(
            pattern=pattern, **names)) from None


def _next_seq(db: Database, year: int, kind: str = "appointment") -> int:
    return (db.execute("SELECT MAX(seq) FROM letters WHERE year = ? AND kind = ?", [year, kind]).fetchone()[0] or 0) + 1


def _taken_serials(db: Database) -> set[str]:
    return {r[0] for r in db.execute("SELECT serial FROM letters")}


def _free_serial(pattern: str, prefix: str, year: int, seq: int, taken: set[str]) -> tuple[str, int]:
    """The first serial from seq on that is not taken, and its seq (a pattern without {year}
    repeats numbers across years)."""
    serial = format_serial(pattern, prefix, year, seq)
    while serial in taken:
        seq += 1
        serial = format_serial(pattern, prefix, year, seq)
    return serial, seq


def next_serial(db: Database, pattern: str, prefix: str, year: int, kind: str = "appointment") -> str:
    """The serial the next new paper of this kind (a letter) of year would get with this pattern and
    prefix; UserError for a pattern that cannot number letters."""
    return _free_serial(pattern, prefix, year, _next_seq(db, year, kind), _taken_serials(db))[0]


# --- planning, committing, revoking ------------------------------------------------------------

def programme_mentors(db: Database, programme_id: int) -> list[int]:
    """The mentors to appoint for a programme: those with a confirmed active pair in it; before any
    pair is confirmed, its active mentors (see capacity.programme_mentor_ids)."""
    return (capacity.programme_mentor_ids(db, programme_id, confirmed=True)
            or capacity.programme_mentor_ids(db, programme_id, active=True))


def plan(db: Database, mentor_ids: list[int], programme_id: int | None, template: str | None = None,
         issue_date: str | None = None, *, paper: Paper | None = None, reissue: bool = False) -> list[Letter]:
    """The letters for these mentors in this programme, ready to print; writes nothing (see
    programmes_of and plan_each)."""
    return plan_each(db, programmes_of(db, mentor_ids, programme_id, paper), template, issue_date, paper=paper, reissue=reissue)


def programmes_of(db: Database, people: list[int], programme_id: int | None,
                  paper: Paper | None = None) -> list[tuple[int, int | None]]:
    """Each of the people (once) with the programme of their paper: programme_id; for a letter
    without one, the mentor's only programme (by a confirmed pair, else by their enterprise or a
    draft pair), if there is exactly one."""
    paper = paper or APPOINTMENT
    return [(person, programme_id if programme_id is not None or paper is not APPOINTMENT else _only_programme(db, person))
            for person in dict.fromkeys(people)]


def plan_each(db: Database, appointments: list[tuple[int, int | None]], template: str | None = None,
              issue_date: str | None = None, *, paper: Paper | None = None, reissue: bool = False) -> list[Letter]:
    """The letters for these (mentor, programme) appointments, ready to print, numbered in this
    order; writes nothing. A mentor who already holds an unrevoked letter for the programme gets
    that letter again (same number, its own template and dates: a reprint) — unless reissue is
    confirmed and the letter would change (see held_letters()): then a new letter whose `replaces`
    names the old one, revoked by commit(). The others get the next serials, to be recorded by
    commit(). template defaults to the paper's default template, issue_date to today; a template
    for another kind of paper is refused (check_paper).
    Another paper (CERTIFICATE: the people are then apprentices) goes the same way, with its
    own prefix, sequence and default template; a certificate needs its programme.
    """
    paper = paper or APPOINTMENT
    asked_template, asked_date = template, issue_date
    template = template or paper.default_template
    text = letter_templates.checked_source(template)  # a bad name or text fails here
    check_paper(template, paper)
    issue_date = issue_date or date.today().isoformat()
    year = int(issue_date[:4])
    prefix, pattern = settings.get(db, paper.prefix_setting), settings.get(db, "letter_serial_pattern")
    seq = _next_seq(db, year, paper.kind)
    taken = _taken_serials(db)
    issuers_set = letter_templates.fixed_issuers(text) or tuple(settings.get(db, "letter_issuers"))
    letters: list[Letter] = []
    for _, programme, row, data in _holdings(db, appointments, paper):
        if row is not None and not (reissue and _changes(row, data, asked_template, asked_date)):
            letters.append(_from_row(db, row, data))
            continue
        serial, seq = _free_serial(pattern, prefix, year, seq, taken)
        taken.add(serial)
        issuers = issuers_set or tuple(data["colleges_list"]) + (data["enterprise"],)
        letter = Letter(None, serial, year, seq, data["mentor_id"], data["mentor"], programme, *_term(data), issue_date,
                        issuers, template, {}, paper.kind, data["apprentice_id"], data["apprentice"],
                        None if row is None else (row["id"], row["serial"]))
        letters.append(replace(letter, context=paper.context(letter, data)))
        seq += 1
    return letters


def check_paper(template: str, paper: Paper) -> None:
    """UserError when template is for another kind of paper than paper (letter_templates.paper_of):
    a completion certificate's template never makes a letter of appointment, nor the other way round."""
    kind = letter_templates.paper_of(template)
    if kind != paper.kind:
        raise UserError(translate("Letters", "The template “{name}” is for {its}; it cannot be used for {these}.").format(
            name=letter_templates.display_name(template), its=translate("Letters", PAPERS[kind].noun),
            these=translate("Letters", paper.noun)))


# --- reprint or reissue: what a letter already held becomes ---------------------------------------

@dataclass(frozen=True)
class Held:
    """The serials of the letters some mentors already hold: those a batch prints again as they are
    (reprint), and those it would replace by new letters if the reissue is confirmed (reissue)."""

    reprint: list[str]
    reissue: list[str]


def held_letters(db: Database, appointments: list[tuple[int, int | None]], template: str | None = None,
                 issue_date: str | None = None, paper: Paper | None = None) -> Held:
    """What plan() with these arguments does with the letters the mentors hold: a letter is
    reissued (with reissue=True) when another template or date of issue is asked for, or the
    records now give another term; else it is reprinted."""
    reprint, reissue = [], []
    for _, _, row, data in _holdings(db, appointments, paper or APPOINTMENT):
        if row is not None:
            (reissue if _changes(row, data, template, issue_date) else reprint).append(row["serial"])
    return Held(reprint, reissue)


def _holdings(db: Database, appointments: list[tuple[int, int | None]], paper: Paper):
    """For each (holder, programme) once: both, the paper they hold for it (a register row, or None) and their data."""
    for holder, programme in dict.fromkeys(appointments):
        row = _held(db, holder, programme, paper)
        yield holder, programme, row, paper.data(db, holder, programme, None if row is None else row["mentor_id"])


def _term(data: dict) -> tuple[str | None, str | None]:
    """A new paper's term: the holder's own, else the programme's."""
    return data["own_term_from"] or data["programme_start"], data["own_term_to"] or data["programme_end"]


def _changes(row: dict, data: dict, template: str | None, issue_date: str | None) -> bool:
    """Whether the held letter (register row) would come out different: another template or date
    asked for (None: not asked), or another term in the records."""
    return ((template is not None and template != row["template"]) or (issue_date is not None and issue_date != row["issue_date"])
            or _term(data) != (row["term_from"], row["term_to"]))


def _held(db: Database, mentor_id: int, programme_id: int | None, paper: Paper | None = None) -> dict | None:
    """The register row of the valid (unrevoked) letter a mentor (or the paper's holder) holds for a programme, or None."""
    paper = paper or APPOINTMENT
    row = db.execute(
        f"SELECT * FROM letters WHERE {paper.holder_column} = ? AND programme_id IS ? AND kind = ? AND revoked_at IS NULL"
        " ORDER BY id DESC LIMIT 1",
        [mentor_id, programme_id, paper.kind],
    ).fetchone()
    return None if row is None else _as_dict(db, row)


def candidates(db: Database, programme_id: int, paper: Paper | None = None) -> list[dict]:
    """The mentors a letter of the programme can go to (programme_mentors, in its order), or the
    holders of another paper: id, name, enterprise (short name), trade and the serial of the
    paper each already holds, or None."""
    paper = paper or APPOINTMENT
    ids = paper.holders(db, programme_id)
    names = {r[0]: r[1:] for r in db.execute(paper.listing, [json.dumps(ids)])}
    result = []
    for mentor_id in ids:
        name, enterprise, trade = names[mentor_id]
        held = _held(db, mentor_id, programme_id, paper)
        result.append({"id": mentor_id, "name": name, "enterprise": enterprise, "trade": trade,
                       "serial": held["serial"] if held else None})
    return result


def _only_programme(db: Database, mentor_id: int) -> int | None:
    for confirmed in (True, False):
        ids = capacity.mentor_programme_ids(db, mentor_id, confirmed=confirmed)
        if ids:
            return ids[0] if len(ids) == 1 else None
    return None


def reprint(db: Database, letter_ids: list[int]) -> list[Letter]:
    """Registered letters to print again with their own numbers, in ascending serial order (as they
    were issued, whatever order they were chosen in); UserError for a revoked one."""
    letters = []
    for letter_id in letter_ids:
        row = db.execute("SELECT * FROM letters WHERE id = ?", [letter_id]).fetchone()
        if row is None:
            raise UserError(translate("Letters", "Letter {id} is not in the register.").format(id=letter_id))
        data = _as_dict(db, row)
        if data["revoked_at"]:
            raise UserError(translate("Letters", "Letter {serial} was revoked on {date}; it cannot be printed.").format(
                serial=data["serial"], date=data["revoked_at"][:10]))
        letters.append(_from_row(db, data))
    return sorted(letters, key=lambda letter: (letter.year, letter.seq, letter.id))


def commit(db: Database, letters: list[Letter]) -> list[Letter]:
    """Record the planned (new) letters in one transaction, revoking the letters reissues replace;
    returns all letters with their ids."""
    done = []
    try:
        with writing(db):
            for letter in letters:
                if letter.id is not None:
                    audit.record(db, "reprint", "letters", letter.id, f"{letter.serial} {letter.holder}")
                    done.append(letter)
                    continue
                held = _held(db, letter.holder_id, letter.programme_id, letter.paper)
                if (held and held["id"]) != (letter.replaces and letter.replaces[0]):
                    raise sqlite3.IntegrityError("issued or revoked meanwhile")
                cursor = db.execute(
                    "INSERT INTO letters (serial, year, seq, mentor_id, programme_id, term_from, term_to, issue_date,"
                    " issuers, template, created_at, kind, apprentice_id) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?)",
                    [letter.serial, letter.year, letter.seq, letter.mentor_id, letter.programme_id, letter.term_from,
                     letter.term_to, letter.issue_date, json.dumps(list(letter.issuers), ensure_ascii=False),
                     letter.template, now_iso(), letter.kind, letter.apprentice_id],
                )
                audit.record(db, "issue", "letters", cursor.lastrowid, f"{letter.serial} {letter.holder}")
                if letter.replaces:
                    _revoke(db, letter.replaces[0], f"{letter.replaces[1]} {letter.holder}",
                            translate("Letters", "Reissued as {serial}").format(serial=letter.serial))
                done.append(replace(letter, id=cursor.lastrowid))
    except sqlite3.IntegrityError:
        raise UserError(translate("Letters", "Some of these letters were issued elsewhere in the meantime. "
                                    "Nothing was recorded; please start again.")) from None
    return done


def revoke(db: Database, letter_id: int, reason: str) -> None:
    """Mark a letter revoked; the row and its number stay in the register."""
    reason = reason.strip()
    if not reason:
        raise UserError(translate("Letters", "Please give the reason for revoking the letter."))
    with writing(db):
        row = db.execute("SELECT l.serial, l.revoked_at, COALESCE(a.name, m.name) FROM letters l"
                         " JOIN mentors m ON m.id = l.mentor_id LEFT JOIN apprentices a ON a.id = l.apprentice_id"
                         " WHERE l.id = ?", [letter_id]).fetchone()
        if row is None:
            raise UserError(translate("Letters", "Letter {id} is not in the register.").format(id=letter_id))
        if row[1]:
            raise UserError(translate("Letters", "Letter {serial} is already revoked.").format(serial=row[0]))
        _revoke(db, letter_id, f"{row[0]} {row[2]}", reason)


def _revoke(db: Database, letter_id: int, summary: str, reason: str) -> None:
    """Revoke inside the caller's transaction, with its audit row (summary: serial and holder)."""
    db.execute("UPDATE letters SET revoked_at = ?, revoke_reason = ? WHERE id = ?", [now_iso(), reason, letter_id])
    audit.record(db, "revoke", "letters", letter_id, summary, {"reason": [None, reason]})


def recover(db: Database, interrupted: list[files.Placement]) -> None:
    """Finish what letter batches killed between putting their files in place and committing left
    behind (files.Placement.interrupted; see Batch.commit): a batch's files stay if the register
    holds its new letters, else they are removed and the files they replaced come back. Run on
    opening the database."""
    for placement in interrupted:
        issued = all(db.execute("SELECT 1 FROM letters WHERE serial = ? AND mentor_id = ?", pair).fetchone()
                     for pair in placement.note["letters"])
        with contextlib.suppress(OSError):  # a folder out of reach now (a USB stick): the journal stays for next time
            if issued:
                placement.finish()
            else:
                placement.roll_back()


def _database_file(db: Database) -> str:
    """The database's file, '' in memory."""
    return db.execute("PRAGMA database_list").fetchone()[2]


def register(db: Database, text: str = "", programme_id: int | None = None, revoked: bool = True,
             kind: str | None = None) -> list[dict]:
    """Rows of the register, newest first: search in serial, holder (mentor or apprentice), mentor
    and enterprise names; kind: only that kind of paper (a key of PAPERS)."""
    sql = [
        "SELECT l.id, l.serial, l.kind, l.mentor_id, COALESCE(a.name, m.name) AS holder, m.name AS mentor,"
        " e.name AS enterprise, l.programme_id,"
        " COALESCE(p.name, '') AS programme, l.term_from, l.term_to, l.issue_date, l.issuers, l.template,"
        " l.revoked_at, COALESCE(l.revoke_reason, '') AS revoke_reason"
        " FROM letters l JOIN mentors m ON m.id = l.mentor_id JOIN enterprises e ON e.id = m.enterprise_id"
        " LEFT JOIN apprentices a ON a.id = l.apprentice_id"
        " LEFT JOIN programmes p ON p.id = l.programme_id WHERE 1 = 1"
    ]
    params: list = []
    if text.strip():
        like = f"%{text.strip()}%"
        sql.append(" AND (l.serial LIKE ? OR m.name LIKE ? OR a.name LIKE ? OR e.name LIKE ? OR e.short_name LIKE ?)")
        params += [like] * 5
    if kind is not None:
        sql.append(" AND l.kind = ?")
        params.append(kind)
    if programme_id is not None:
        sql.append(" AND l.programme_id = ?")
        params.append(programme_id)
    if not revoked:
        sql.append(" AND l.revoked_at IS NULL")
    sql.append(" ORDER BY l.year DESC, l.kind, l.seq DESC, l.id DESC")
    cursor = db.execute("".join(sql), params)
    names = [c[0] for c in cursor.description]
    return [dict(zip(names, r)) for r in cursor.fetchall()]


# --- template data -----------------------------------------------------------------------------

def _as_dict(db: Database, row) -> dict:
    names = [c[1] for c in db.execute("PRAGMA table_info(letters)")]
    return dict(zip(names, row))


def _from_row(db: Database, row: dict, data: dict | None = None) -> Letter:
    """The registered paper (row) as printed, with its holder's data (its Paper's data(), read when not given)."""
    paper = PAPERS[row["kind"]]
    if data is None:
        data = paper.data(db, row[paper.holder_column], row["programme_id"], row["mentor_id"])
    letter = Letter(row["id"], row["serial"], row["year"], row["seq"], row["mentor_id"], data["mentor"], row["programme_id"],
                    row["term_from"], row["term_to"], row["issue_date"], tuple(json.loads(row["issuers"])), row["template"], {},
                    paper.kind, row["apprentice_id"], data["apprentice"])
    return replace(letter, context=paper.context(letter, data))


def _mentor_data(db: Database, mentor_id: int, programme_id: int | None, _mentor_id: int | None = None) -> dict:
    row = db.execute(
        "SELECT m.name, m.gender, m.title, m.skill_level, m.term_from, m.term_to, e.name, e.short_name, t.name_zh, t.name_en"
        " FROM mentors m JOIN enterprises e ON e.id = m.enterprise_id JOIN trades t ON t.id = m.trade_id WHERE m.id = ?",
        [mentor_id],
    ).fetchone()
    if row is None:
        raise UserError(translate("Letters", "There is no mentor with the number {id}.").format(id=mentor_id))
    data = dict(zip(("name", "gender", "job_title", "level", "own_term_from", "own_term_to", "enterprise",
                     "enterprise_short", "trade", "trade_en"), row))
    data.update(mentor_id=mentor_id, mentor=data["name"], apprentice_id=None, apprentice="",
                apprentices=capacity.confirmed_apprentice_names(db, mentor_id, programme_id))
    data.update(_programme_data(db, programme_id))
    return data


def _programme_data(db: Database, programme_id: int | None) -> dict:
    """A programme's name, dates and colleges (colleges_list), empty without one."""
    data = {"programme": "", "programme_start": None, "programme_end": None, "colleges_list": []}
    if programme_id is not None:
        prow = db.execute("SELECT name, start_date, end_date FROM programmes WHERE id = ?", [programme_id]).fetchone()
        if prow is None:
            raise UserError(translate("Letters", "There is no programme with the number {id}.").format(id=programme_id))
        data.update(programme=prow[0], programme_start=prow[1], programme_end=prow[2])
        data["colleges_list"] = [r[0] for r in db.execute(
            "SELECT c.name FROM colleges c JOIN programme_colleges pc ON pc.college_id = c.id"
            " WHERE pc.programme_id = ? ORDER BY c.id", [programme_id])]
    return data


def _context(letter: Letter, data: dict) -> dict:
    """The placeholders of letter_templates.PLACEHOLDERS for one letter (no ID number, ever)."""
    return {
        "serial": letter.serial,
        "name": data["name"],
        "honorific": {"M": "先生", "F": "女士"}.get(data["gender"], ""),
        "honorific_en": {"M": "Mr", "F": "Ms"}.get(data["gender"], ""),
        "enterprise": data["enterprise"],
        "enterprise_short": data["enterprise_short"] or data["enterprise"],
        "trade": data["trade"],
        "trade_en": data["trade_en"],
        "skill_level": SKILL_LEVELS_ZH.get(data["level"], ""),
        "job_title": data["job_title"],
        "programme": data["programme"],
        "colleges": "、".join(data["colleges_list"]),
        "apprentices": "、".join(data["apprentices"]),
        "term_from": date_zh(letter.term_from),
        "term_to": date_zh(letter.term_to),
        "term_from_en": date_en(letter.term_from),
        "term_to_en": date_en(letter.term_to),
        "issue_date": date_zh(letter.issue_date),
        "issue_date_en": date_en(letter.issue_date),
        "issuers": list(letter.issuers),
    }


# --- completion certificates -------------------------------------------------------------------

def certified_apprentices(db: Database, programme_id: int) -> list[int]:
    """The apprentices a programme gives a completion certificate: those whose confirmed pair in it
    is still active, by college, class and student number. Pairs are never marked completed: an
    apprentice who trained to the end keeps the pair, one who left had it ended (unpaired, the
    apprentice's pairs ended), and one moved to another mentor has the new pair."""
    return [r[0] for r in db.execute(
        "SELECT a.id FROM pairs p JOIN apprentices a ON a.id = p.apprentice_id"
        " WHERE p.programme_id = ? AND p.status = 'confirmed' AND p.ended_at IS NULL"
        " ORDER BY a.college_id, a.class_name, a.student_no, a.id", [programme_id])]


def _apprentice_data(db: Database, apprentice_id: int, programme_id: int | None, mentor_id: int | None) -> dict:
    """A certificate's values: the apprentice, the programme and the mentor (of the confirmed pair
    in the programme, or the one a registered certificate names)."""
    row = db.execute(
        "SELECT a.name, a.student_no, c.name, t.name_zh, a.start_date, a.end_date FROM apprentices a"
        " JOIN colleges c ON c.id = a.college_id JOIN trades t ON t.id = a.trade_id WHERE a.id = ?", [apprentice_id]).fetchone()
    if row is None:
        raise UserError(translate("Letters", "There is no apprentice with the number {id}.").format(id=apprentice_id))
    if programme_id is None:
        raise UserError(translate("Letters", "A completion certificate belongs to a programme: name the programme."))
    if mentor_id is None:
        pair = db.execute("SELECT mentor_id FROM pairs WHERE apprentice_id = ? AND programme_id = ? AND status = 'confirmed'"
                          " AND ended_at IS NULL", [apprentice_id, programme_id]).fetchone()
        if pair is None:
            raise UserError(translate("Letters", "{name} has no confirmed pair in the programme; a completion certificate "
                                                 "names the apprentice's mentor.").format(name=row[0]))
        mentor_id = pair[0]
    mentor = db.execute("SELECT m.name, e.name, e.short_name FROM mentors m JOIN enterprises e ON e.id = m.enterprise_id"
                        " WHERE m.id = ?", [mentor_id]).fetchone()
    data = dict(zip(("name", "student_no", "college", "trade", "own_term_from", "own_term_to"), row))
    data.update(_programme_data(db, programme_id))
    data.update(apprentice_id=apprentice_id, apprentice=data["name"], mentor_id=mentor_id, mentor=mentor[0],
                enterprise=mentor[1], enterprise_short=mentor[2] or mentor[1],
                colleges_list=[data["college"]])  # issued by the apprentice's college (and the enterprise)
    return data


def _certificate_context(letter: Letter, data: dict) -> dict:
    """The placeholders of letter_templates.CERTIFICATE_PLACEHOLDERS for one certificate (no ID number)."""
    keys = ("name", "college", "student_no", "trade", "programme", "mentor", "enterprise", "enterprise_short")
    return {"serial": letter.serial, **{key: data[key] for key in keys}, "term_from": date_zh(letter.term_from),
            "term_to": date_zh(letter.term_to), "issue_date": date_zh(letter.issue_date), "issuers": list(letter.issuers)}


APPOINTMENT = Paper(
    "appointment", "mentor_id", "letter_prefix", letter_templates.DEFAULT, letter_templates.PLACEHOLDERS,
    QT_TRANSLATE_NOOP("Letters", "Letters of appointment"), programme_mentors,
    "SELECT m.id, m.name, COALESCE(NULLIF(e.short_name, ''), e.name), t.name_zh FROM mentors m"
    " JOIN enterprises e ON e.id = m.enterprise_id JOIN trades t ON t.id = m.trade_id"
    " WHERE m.id IN (SELECT value FROM json_each(?))",
    _mentor_data, _context)
CERTIFICATE = Paper(
    "certificate", "apprentice_id", "certificate_prefix", letter_templates.CERTIFICATE_DEFAULT,
    letter_templates.CERTIFICATE_PLACEHOLDERS, QT_TRANSLATE_NOOP("Letters", "Completion certificates"), certified_apprentices,
    "SELECT a.id, a.name || '（' || a.student_no || '）', COALESCE(NULLIF(e.short_name, ''), e.name, ''), t.name_zh"
    " FROM apprentices a JOIN trades t ON t.id = a.trade_id"
    " LEFT JOIN pairs p ON p.apprentice_id = a.id AND p.status = 'confirmed' AND p.ended_at IS NULL"
    " LEFT JOIN mentors m ON m.id = p.mentor_id LEFT JOIN enterprises e ON e.id = m.enterprise_id"
    " WHERE a.id IN (SELECT value FROM json_each(?))",
    _apprentice_data, _certificate_context)
PAPERS = {paper.kind: paper for paper in (APPOINTMENT, CERTIFICATE)}


# --- page options and output -------------------------------------------------------------------

def page_options(layout: dict):
    """The letter page options (letter_render.PageOptions) of the layout settings (setting letter_layout)."""
    from mentormatch.letter_render import PageOptions, SealPlace

    seals = {}
    for issuer, encoded in layout.get("seals", {}).items():
        try:
            seals[issuer] = base64.b64decode(encoded)
        except ValueError:
            continue
    places = {issuer: SealPlace(float(o.get("seal_mm", SealPlace.size_mm)), float(o.get("seal_right_mm", 0)),
                                float(o.get("seal_down_mm", 0)))
              for issuer, o in layout.get("issuer_options", {}).items()}
    return PageOptions(landscape=bool(layout["landscape"]), border=bool(layout["border"]), font_family=layout["font"],
                       seals=seals, seal_places=places)


def letter_page(letter: Letter, text: str, layout: dict):
    """One letter's page (letter_render.Page): template text filled with the letter's values and
    those the layout settings decide: the issuers' names on letters, the date's numerals, signature lines."""
    from mentormatch.letter_render import Page

    options = layout.get("issuer_options", {})
    context = {**letter.context, "signature_lines": bool(layout["signature_lines"]),
               "issuers": [options.get(issuer, {}).get("name_on_letters") or issuer for issuer in letter.issuers]}
    if layout.get("chinese_date"):
        context["issue_date"] = date_zh_numerals(letter.issue_date)
    return Page(letter_templates.render(text, context), letter.issuers, f"{letter.serial} {letter.holder}")


def split_file_name(letter: Letter) -> str:
    """<serial> <name>.pdf, with characters Windows forbids in file names replaced by _."""
    return _UNSAFE_IN_FILE_NAMES.sub("_", f"{letter.serial} {letter.holder}.pdf")


class Batch:
    """Letters on their way from plan to register: the one path of every letter printed or saved.

        batch = Batch.for_mentors(db, mentor_ids, programme_id)    # or Batch.for_letters(db, ids)
        if batch.write(keep_going, target=path):                   # or split_dir=folder
            batch.commit(db)                                       # the register and the files, together
    or
        batch.print(db, printer, keep_going)                       # drawn, recorded, then released

    Everything the batch needs from the database (templates, page options) is read when it is
    made, and its pages are filled then, so a broken template says so at once; write() touches
    no database and may run on a worker thread. Letters on a pre-printed sheet (a sheet template,
    preprinted.py) are drawn by its SheetRenderer, the others by letter_render.PageRenderer; one
    batch goes onto one kind of paper.
    """

    def __init__(self, db: Database, letters: list[Letter]):
        from mentormatch import preprinted

        self.letters = list(letters)
        layout = settings.get(db, "letter_layout")
        self.options = page_options(layout)
        templates = {name: letter_templates.source(name) for name in {l.template for l in self.letters}}
        sheets = [name for name in templates if letter_templates.is_sheet(name)]
        if sheets and len(templates) > 1:
            raise UserError(translate("Letters", "These letters go onto different paper: {names}. Print the letters of a "
                                                 "pre-printed sheet on their own.").format(
                names="、".join(map(letter_templates.display_name, sorted(templates)))))
        self.sheet = preprinted.parse(templates[sheets[0]]) if sheets else None
        if self.sheet is not None:
            self.pages = [preprinted.fill(self.sheet, l.context, f"{l.serial} {l.holder}") for l in self.letters]
        else:
            self.pages = [letter_page(l, templates[l.template], layout) for l in self.letters]
        self._pending: list = []  # letter_render.PendingPdf written by write(), placed by commit()
        self._renderer = None

    @classmethod
    def for_mentors(cls, db: Database, mentor_ids: list[int], programme_id: int | None, template: str | None = None,
                    issue_date: str | None = None, reissue: bool = False) -> Batch:
        """New letters for these mentors (or their own again, or reissued: see plan())."""
        return cls(db, plan(db, mentor_ids, programme_id, template, issue_date, reissue=reissue))

    @property
    def title(self) -> str:
        """A PDF's or a print job's title: the kind of paper and its serials from first to last
        (聘书 MM-2026-0001–MM-2026-0029)."""
        kinds = {letter.kind for letter in self.letters}
        noun = translate("Letters", PAPERS[kinds.pop() if len(kinds) == 1 else "appointment"].noun)
        serials = [l.serial for l in sorted(self.letters, key=lambda l: (l.year, l.seq))]
        if len(serials) < 2:
            return " ".join([noun, *serials])
        return translate("Letters", "{papers} {first}–{last}").format(papers=noun, first=serials[0], last=serials[-1])

    @classmethod
    def for_letters(cls, db: Database, letter_ids: list[int]) -> Batch:
        """Registered letters, printed again with their own numbers."""
        return cls(db, reprint(db, letter_ids))

    @property
    def new(self) -> int:
        """How many letters of the batch are not in the register yet."""
        return sum(1 for letter in self.letters if letter.id is None)

    def renderer(self):
        """The batch's renderer (letter_render.PageRenderer or preprinted.SheetRenderer), for the main
        thread (preview and print)."""
        if self._renderer is None:
            self._renderer = self._new_renderer()
        return self._renderer

    def _new_renderer(self, offset_mm: tuple[float, float] = (0.0, 0.0)):
        from mentormatch.letter_render import PageRenderer
        from mentormatch.preprinted import SheetRenderer

        if self.sheet is not None:
            return SheetRenderer(self.sheet, self.options.font_family, offset_mm)
        return PageRenderer(self.options)

    def write(self, keep_going: Callable[[int], bool] | None = None, *, target: str | Path | None = None,
              split_dir: str | Path | None = None) -> bool:
        """Write the letters as one PDF (target) or one PDF per letter (split_dir) into temporary
        files beside them; False, and no file, when keep_going(done), asked after each letter, stops it."""
        from mentormatch.letter_render import render_pdf

        self.discard()
        renderer = self._new_renderer()  # not self.renderer(): this may run on a worker thread
        pending = []
        stopped = True  # until every file is written; a stopped or failed write leaves none
        try:
            if split_dir is None:
                result = render_pdf(target, self.pages, renderer, keep_going, self.title)
                pending = [result] if result is not None else []
                stopped = result is None
            else:
                for done, (letter, page) in enumerate(zip(self.letters, self.pages), 1):
                    pending.append(render_pdf(Path(split_dir) / split_file_name(letter), [page], renderer, None, letter.serial))
                    if keep_going is not None and not keep_going(done):
                        break
                else:
                    stopped = False
        finally:
            if stopped:
                for item in pending:
                    item.discard()
        self._pending = [] if stopped else pending
        return not stopped

    def commit(self, db: Database) -> list[Path]:
        """Record the new letters and put the written files in place as one step: the files are
        renamed inside the register's transaction, before it commits, so no number is ever
        issued without its file; if anything fails neither stays (the new files are removed, the
        ones they replaced brought back, the transaction rolled back). A kill between the renames
        and the commit is rolled back by recover() on the next opening. Returns the files."""
        if not self._pending:
            raise RuntimeError("Batch.commit() records the files of a finished write()")  # no number without its file
        files.crash_point("letters-written")
        new = [[letter.serial, letter.mentor_id] for letter in self.letters if letter.id is None]
        placement = None
        try:
            placement = files.Placement.start([(item.temp, item.target) for item in self._pending], _database_file(db),
                                              {"letters": new})
            with writing(db):
                recorded = commit(db, self.letters)
                files.crash_point("letters-recorded")
                placed = [placement.put(0)]
                files.crash_point("letters-placed-first")
                placed += [placement.put(index) for index in range(1, len(self._pending))]
                files.crash_point("letters-placed-all")
        except BaseException:
            if placement is not None:
                placement.roll_back()
            self.discard()
            raise
        files.crash_point("letters-committed")
        placement.finish()
        self.letters, self._pending = recorded, []
        return placed

    def discard(self) -> None:
        """Remove files written and not committed."""
        for item in self._pending:
            item.discard()
        self._pending = []

    def preview(self, device) -> None:
        """Draw the letters as they would print, with the numbers they would get now; records nothing."""
        self.renderer().paint(device, self.pages)

    def print(self, db: Database, printer, keep_going: Callable[[int], bool] | None = None,
              offset_mm: tuple[float, float] = (0.0, 0.0)) -> list[Letter] | None:
        """Print the letters on a QPrinter (its page layout set to renderer().page_layout()) and
        record the new ones before the job is released: the printer gets the job only when
        painting ends, so the numbers are committed after the last page is drawn and before that.
        A print that fails is aborted. keep_going(done) is asked after each letter; when it stops
        the print, the job is aborted and nothing recorded — unless the printer cannot take the
        job back (Qt's print to a PDF file cannot), then the letters drawn so far will come out
        and are recorded. Returns the letters that will come out, None when none will. Pre-printed
        sheets move by offset_mm, the printer's calibration (plain-paper letters have no fixed places)."""
        count = len(self.pages)
        printed = None
        printer.setDocName(self.title)  # what the print queue shows

        def step(done: int) -> bool:
            nonlocal printed
            stop = keep_going is not None and not keep_going(done)
            if stop and printer.abort():
                return False
            if stop or done == count:  # these sheets will come out: their numbers go into the register first
                self.letters[:done] = commit(db, self.letters[:done])
                printed = self.letters[:done]
            return not stop

        renderer = self._new_renderer(offset_mm) if self.sheet is not None else self.renderer()
        renderer.paint(printer, self.pages, step, printer.abort)
        return printed


def run_command(db: Database, args) -> int:
    """mentormatch letters (OUT.pdf | --split DIR) [--programme NAME] [--mentor ID|工号[,…]] [--template NAME]
    [--date YYYY-MM-DD] [--reissue]"""
    template, issue_date = command_choices(args, APPOINTMENT)
    programme_id = records.programme_id_by_name(db, args.programme)
    if args.mentor:
        wanted = programmes_of(db, _mentors_named(db, args.mentor), programme_id)
        _say_unconfirmed(db, wanted)
    else:
        wanted = _appointments(db, programme_id)
    issue_for_command(db, args, wanted, template, issue_date, APPOINTMENT, translate(
        "Letters", "{count} letters written ({new} newly issued, {again} reprinted with their numbers): {where}"))
    return 0


def command_choices(args, paper: Paper) -> tuple[str | None, str | None]:
    """A command's --template and --date, checked before anything is planned: the template named by
    its file name or the name the window shows (letter_templates.resolve), for this paper; the date
    as dates are read everywhere (validation.iso_date), a bad one named with its option; and where
    the papers go: OUT.pdf or --split DIR, exactly one."""
    certificates = paper is CERTIFICATE
    if not args.out and not args.split:
        raise UserError(translate("Certificates", "Name the PDF to write (OUT.pdf) or a folder (--split DIR).") if certificates
                        else translate("Letters", "Where should the letters go? Give OUT.pdf for one PDF, or --split DIR "
                                                  "for one PDF per mentor."))
    if args.out and args.split:
        raise UserError(translate("Letters", "Give OUT.pdf (one PDF) or --split DIR (one PDF per apprentice), not both.")
                        if certificates else
                        translate("Letters", "Give OUT.pdf (one PDF) or --split DIR (one PDF per mentor), not both."))
    template = None
    if args.template:
        template = letter_templates.resolve(args.template, paper.kind)
        check_paper(template, paper)
    try:
        issue_date = validation.iso_date(args.date) if args.date else None
    except validation.ValidationError as exc:
        raise UserError(translate("Letters", "{option} {value}: {error}").format(
            option="--date", value=args.date, error=exc)) from None
    return template, issue_date


def command_programme(db: Database, name: str | None) -> int:
    """The programme a command names (--programme NAME), or the only one there is; UserError
    listing the programmes when there are several or none."""
    programme_id = records.programme_id_by_name(db, name)
    if programme_id is not None:
        return programme_id
    programmes = records.choices(db, "programmes")
    if len(programmes) != 1:  # with one programme there is nothing to choose
        raise UserError(translate("Letters", "Name the programme (--programme NAME). Programmes: {names}.").format(
            names="、".join(n for _, n in programmes) or "—"))
    return programmes[0][0]


def issue_for_command(db: Database, args, appointments: list[tuple[int, int | None]], template: str | None,
                      issue_date: str | None, paper: Paper, summary: str) -> None:
    """Issue and write the papers of a command (letters, certificates) as args ask (OUT.pdf or
    --split DIR, --reissue), then print summary ({count}, {new}, {again}, {where}) and the reissues."""
    _refuse_silent_reissue(db, appointments, template, issue_date, args.reissue, paper)
    batch = Batch(db, plan_each(db, appointments, template, issue_date, paper=paper, reissue=args.reissue))
    new = batch.new
    try:
        batch.write(target=args.out, split_dir=args.split)
        written = batch.commit(db)
    except OSError as exc:
        raise UserError(translate("Letters", "Cannot write the letters: {error}").format(error=exc)) from exc
    count = len(batch.letters)
    print(summary.format(count=count, new=new, again=count - new, where=args.split or written[0]))
    _say_reissued(batch.letters, paper)


def _appointments(db: Database, programme_id: int | None) -> list[tuple[int, int]]:
    """The (mentor, programme) letters of the command without --mentor: the programme's mentors
    (programme_mentors) — the only programme's when none is named — or, when there are several
    programmes, in each one the mentors with confirmed pairs in it, which it says on stdout."""
    programmes = [(programme_id, "")] if programme_id is not None else records.choices(db, "programmes")
    if len(programmes) == 1:
        only = programmes[0][0]
        mentor_ids = programme_mentors(db, only)
        if not mentor_ids:
            raise UserError(translate("Letters", "The programme has no mentors to appoint."))
        return [(mentor_id, only) for mentor_id in mentor_ids]
    if not programmes:
        raise UserError(translate("Letters", "There is no programme yet: name the mentors (--mentor ID ...)."))
    confirmed = {(pid, name): capacity.programme_mentor_ids(db, pid, confirmed=True) for pid, name in programmes}
    names = "、".join(name for _, name in programmes)
    appointments = [(mentor_id, pid) for (pid, _), ids in confirmed.items() for mentor_id in ids]
    if not appointments:
        raise UserError(translate("Letters", "None of the {count} programmes has confirmed pairs yet. Name a programme "
                                             "(--programme NAME) or mentors (--mentor ID ...). Programmes: {names}.").format(
            count=len(programmes), names=names))
    print(translate("Letters", "{count} programmes: letters for the mentors with confirmed pairs in each, {letters} "
                               "in all — {programmes}.").format(
        count=len(programmes), letters=len(appointments), programmes="、".join(
            translate("Letters", "{name} ({count})").format(name=name, count=len(ids))
            for (_, name), ids in confirmed.items() if ids)))
    waiting = [name for (_, name), ids in confirmed.items() if not ids]
    if waiting:
        print(translate("Letters", "No letters for {names}: no confirmed pairs yet.").format(names="、".join(waiting)))
    return appointments


def _mentors_named(db: Database, values: list[str]) -> list[int]:
    """The mentors named by --mentor (repeated, or several in one separated by commas), each by id
    or employee number (工号), or by id only as id:N. UserError naming a value that names no mentor, or several (a 工号 of mentors of two
    enterprises, a number that is one mentor's id and another's 工号), those listed with their ids."""
    found = []
    for value in (part.strip() for value in values for part in re.split(r"[,，、]", value) if part.strip()):
        text = clean(value)  # as employee numbers are stored
        id_only = text[:3].lower() == "id:"
        number = text[3:].strip() if id_only else text
        rows = db.execute(
            "SELECT m.id, m.name, COALESCE(NULLIF(e.short_name, ''), e.name) FROM mentors m"
            " JOIN enterprises e ON e.id = m.enterprise_id WHERE m.id = ? OR (? AND m.employee_no = ?) ORDER BY m.id",
            [int(number) if number.isdecimal() and len(number) < 19 else None, not id_only, text]).fetchall()
        if not rows:
            raise UserError(translate("Letters", "No mentor has the id or employee number (工号) {value}.").format(value=value))
        if len(rows) > 1:
            raise UserError(translate("Letters", "{value} names {count} mentors: {mentors}. Name the one you mean by "
                                                 "its id, written id:N (e.g. --mentor id:{id}).").format(
                value=value, count=len(rows), id=rows[0][0], mentors="、".join(
                    translate("Letters", "{name} ({enterprise}) id:{id}").format(name=name, enterprise=enterprise, id=mentor_id)
                    for mentor_id, name, enterprise in rows)))
        found.append(rows[0][0])
    return found


def _say_unconfirmed(db: Database, appointments: list[tuple[int, int | None]]) -> None:
    """Mentors named with --mentor get their letters even without a confirmed pair in the programme
    (a coordinator may appoint before pairing); it says so, so that a mistyped number is noticed."""
    confirmed = {programme: set(capacity.programme_mentor_ids(db, programme, confirmed=True))
                 for programme in {p for _, p in appointments if p is not None}}
    unconfirmed: dict[int | None, list[int]] = {}
    for mentor_id, programme in appointments:
        if programme is None or mentor_id not in confirmed[programme]:
            unconfirmed.setdefault(programme, []).append(mentor_id)
    for programme, mentor_ids in unconfirmed.items():
        names = "、".join(r[0] for r in db.execute(
            "SELECT name FROM mentors WHERE id IN (SELECT value FROM json_each(?)) ORDER BY id", [json.dumps(mentor_ids)]))
        if programme is None:
            print(translate("Letters", "Note: {names} have no confirmed pair in exactly one programme; their letters name no "
                                       "programme.").format(names=names))
        else:
            print(translate("Letters", "Note: {names} have no confirmed pair in {programme}; their letters are issued all "
                                       "the same.").format(names=names, programme=_programme_data(db, programme)["programme"]))


def _refuse_silent_reissue(db: Database, appointments: list[tuple[int, int | None]], template: str | None,
                           issue_date: str | None, reissue: bool, paper: Paper) -> None:
    """The command line reissues only when told to (--reissue). Without it, a template or date asked
    for that differs from a paper held is refused (UserError saying how many and how to confirm);
    papers whose records have changed since (another term) are printed again as they were issued,
    which it says."""
    if reissue:
        return
    certificates = paper is CERTIFICATE
    changed = held_letters(db, appointments, paper=paper).reissue
    asked = [serial for serial in held_letters(db, appointments, template, issue_date, paper).reissue if serial not in changed]
    if asked:
        message = (translate("Letters", "{count} apprentices already hold a certificate that would come out different "
                                        "(another template, date or term): {serials}. Nothing was written. To revoke those "
                                        "certificates and issue new ones with new numbers, run the command again with "
                                        "{option}.") if certificates else
                   translate("Letters", "{count} mentors already hold a letter that would come out different (another "
                                        "template, date or term): {serials}. Nothing was written. To revoke those "
                                        "letters and issue new ones with new numbers, run the command again with "
                                        "{option}."))
        raise UserError(message.format(count=len(asked), serials="、".join(asked), option="--reissue"))
    if changed:
        message = (translate("Letters", "{count} certificates are printed again as they were issued, although the records "
                                        "now give another term: {serials}. To revoke them and issue new ones, run the "
                                        "command again with {option}.") if certificates else
                   translate("Letters", "{count} letters are printed again as they were issued, although the records now "
                                        "give another term: {serials}. To revoke them and issue new ones, run the command "
                                        "again with {option}."))
        print(message.format(count=len(changed), serials="、".join(changed), option="--reissue"))


def _say_reissued(letters: list[Letter], paper: Paper) -> None:
    reissued = [letter for letter in letters if letter.replaces]
    if reissued:
        message = (translate("Letters", "{count} certificates reissued, the old ones revoked: {changes}")
                   if paper is CERTIFICATE else translate("Letters", "{count} letters reissued, the old ones revoked: {changes}"))
        print(message.format(count=len(reissued), changes="、".join(f"{l.replaces[1]} → {l.serial}" for l in reissued)))

"""Letters of appointment: the register of serial numbers, the data a template is filled with,
writing letters as PDF, and the `letters` command.

A letter is one mentor's appointment in one programme. Issuing is two steps so that nothing is
half done: plan() reads everything a batch needs and assigns the serials it would get (an
existing, unrevoked letter keeps its own: a reprint); the pages are written to temporary files;
only then commit() records the new letters in one transaction, and the files are put in place.
A cancelled batch therefore issues no number and leaves no file. A serial is the settings'
pattern filled with {prefix}, {year} (of the issue date) and {seq}, one more than the highest seq
ever issued that year, revoked letters included, so a number is never reused.
"""

from __future__ import annotations

import base64
import json
import re
import sqlite3
import sys
from collections.abc import Callable
from dataclasses import dataclass, field, replace
from datetime import date
from pathlib import Path

from sqlite_utils import Database

from mentormatch import capacity, letter_templates, records, settings
from mentormatch.i18n import translate
from mentormatch.store import now_iso

SKILL_LEVELS_ZH = {1: "初级工", 2: "中级工", 3: "高级工", 4: "技师", 5: "高级技师"}
MONTHS_EN = ("January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
             "November", "December")
_UNSAFE_IN_FILE_NAMES = re.compile(r'[\\/:*?"<>|\x00-\x1f]')


class LetterError(Exception):
    """A letter that cannot be issued, printed or revoked; str() is for the user."""


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


# --- dates and serials -----------------------------------------------------------------------

def date_zh(iso: str | None) -> str:
    """2026-07-14 -> 2026年7月14日."""
    if not iso:
        return ""
    d = date.fromisoformat(iso)
    return f"{d.year}年{d.month}月{d.day}日"


def date_en(iso: str | None) -> str:
    """2026-07-14 -> 14 July 2026."""
    if not iso:
        return ""
    d = date.fromisoformat(iso)
    return f"{d.day} {MONTHS_EN[d.month - 1]} {d.year}"


def format_serial(pattern: str, prefix: str, year: int, seq: int) -> str:
    """Fill the serial pattern; LetterError, saying what to change, for a pattern that cannot number letters."""
    names = {"prefix": "{prefix}", "year": "{year}", "seq": "{seq}", "example": "{seq:04d}"}
    if "{seq" not in pattern:
        raise LetterError(translate("Letters", "The serial number pattern must contain {seq}, for example {example}.").format(
            seq="{seq}", example="{prefix}-{year}-{seq:04d}"))
    try:
        return pattern.format(prefix=prefix, year=year, seq=seq)
    except (KeyError, IndexError) as exc:
        unknown = "{" + (exc.args[0] if isinstance(exc, KeyError) else "") + "}"
        raise LetterError(translate("Letters", "The serial number pattern {pattern} is not valid: {unknown} is not one of "
                                    "{prefix}, {year} and {seq}.").format(pattern=pattern, unknown=unknown, **names)) from None
    except (ValueError, TypeError, AttributeError):
        raise LetterError(translate("Letters", "The serial number pattern {pattern} is not valid: braces may only enclose "
                                    "{prefix}, {year} or {seq}, with a width for numbers such as {example}.").format(
            pattern=pattern, **names)) from None


def _next_seq(db: Database, year: int) -> int:
    return (db.execute("SELECT MAX(seq) FROM letters WHERE year = ?", [year]).fetchone()[0] or 0) + 1


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


def next_serial(db: Database, pattern: str, prefix: str, year: int) -> str:
    """The serial the next new letter of year would get with this pattern and prefix; LetterError
    for a pattern that cannot number letters."""
    return _free_serial(pattern, prefix, year, _next_seq(db, year), _taken_serials(db))[0]


# --- planning, committing, revoking ------------------------------------------------------------

def programme_mentors(db: Database, programme_id: int) -> list[int]:
    """The mentors to appoint for a programme: those with a confirmed active pair in it; before any
    pair is confirmed, its active mentors (see capacity.programme_mentor_ids)."""
    return (capacity.programme_mentor_ids(db, programme_id, confirmed=True)
            or capacity.programme_mentor_ids(db, programme_id, active=True))


def plan(db: Database, mentor_ids: list[int], programme_id: int | None, template: str | None = None,
         issue_date: str | None = None) -> list[Letter]:
    """The letters for these mentors in this programme, ready to print; writes nothing.

    Without a programme, a mentor's programme is the only one they belong to (by a confirmed
    pair, else by their enterprise or a draft pair), if there is exactly one. A mentor who already holds an unrevoked letter for the programme gets that letter again
    (same number, its own template and dates). The others get the next serials, to be recorded
    by commit(). template defaults to the formal Chinese letter, issue_date to today.
    """
    template = template or letter_templates.DEFAULT
    letter_templates.compile_template(letter_templates.source(template))  # a bad name or text fails here
    issue_date = issue_date or date.today().isoformat()
    year = int(issue_date[:4])
    prefix, pattern = settings.get(db, "letter_prefix"), settings.get(db, "letter_serial_pattern")
    seq = _next_seq(db, year)
    taken = _taken_serials(db)
    issuers_set = tuple(settings.get(db, "letter_issuers"))
    letters: list[Letter] = []
    for mentor_id in dict.fromkeys(mentor_ids):
        mentor_programme = programme_id if programme_id is not None else _only_programme(db, mentor_id)
        row = db.execute(
            "SELECT * FROM letters WHERE mentor_id = ? AND programme_id IS ? AND revoked_at IS NULL ORDER BY id DESC LIMIT 1",
            [mentor_id, mentor_programme],
        ).fetchone()
        if row is not None:
            letters.append(_from_row(db, _as_dict(db, row)))
            continue
        serial, seq = _free_serial(pattern, prefix, year, seq, taken)
        taken.add(serial)
        data = _mentor_data(db, mentor_id, mentor_programme)
        issuers = issuers_set or tuple(data["colleges_list"]) + (data["enterprise"],)
        term_from = data["mentor_term_from"] or data["programme_start"]
        term_to = data["mentor_term_to"] or data["programme_end"]
        letter = Letter(None, serial, year, seq, mentor_id, data["name"], mentor_programme, term_from, term_to, issue_date,
                        issuers, template, {})
        letters.append(replace(letter, context=_context(letter, data)))
        seq += 1
    return letters


def _only_programme(db: Database, mentor_id: int) -> int | None:
    for confirmed in (True, False):
        ids = capacity.mentor_programme_ids(db, mentor_id, confirmed=confirmed)
        if ids:
            return ids[0] if len(ids) == 1 else None
    return None


def reprint(db: Database, letter_ids: list[int]) -> list[Letter]:
    """Registered letters to print again with their own numbers; LetterError for a revoked one."""
    letters = []
    for letter_id in letter_ids:
        row = db.execute("SELECT * FROM letters WHERE id = ?", [letter_id]).fetchone()
        if row is None:
            raise LetterError(translate("Letters", "Letter {id} is not in the register.").format(id=letter_id))
        data = _as_dict(db, row)
        if data["revoked_at"]:
            raise LetterError(translate("Letters", "Letter {serial} was revoked on {date}; it cannot be printed.").format(
                serial=data["serial"], date=data["revoked_at"][:10]))
        letters.append(_from_row(db, data))
    return letters


def commit(db: Database, letters: list[Letter]) -> list[Letter]:
    """Record the planned (new) letters in one transaction; returns all letters with their ids."""
    done = []
    try:
        with db.atomic():
            for letter in letters:
                if letter.id is not None:
                    done.append(letter)
                    continue
                if db.execute("SELECT 1 FROM letters WHERE mentor_id = ? AND programme_id IS ? AND revoked_at IS NULL",
                              [letter.mentor_id, letter.programme_id]).fetchone():
                    raise sqlite3.IntegrityError("issued meanwhile")
                cursor = db.execute(
                    "INSERT INTO letters (serial, year, seq, mentor_id, programme_id, term_from, term_to, issue_date,"
                    " issuers, template, created_at) VALUES (?,?,?,?,?,?,?,?,?,?,?)",
                    [letter.serial, letter.year, letter.seq, letter.mentor_id, letter.programme_id, letter.term_from,
                     letter.term_to, letter.issue_date, json.dumps(list(letter.issuers), ensure_ascii=False),
                     letter.template, now_iso()],
                )
                done.append(replace(letter, id=cursor.lastrowid))
    except sqlite3.IntegrityError:
        raise LetterError(translate("Letters", "Some of these letters were issued elsewhere in the meantime. "
                                    "Nothing was recorded; please start again.")) from None
    return done


def revoke(db: Database, letter_id: int, reason: str) -> None:
    """Mark a letter revoked; the row and its number stay in the register."""
    reason = reason.strip()
    if not reason:
        raise LetterError(translate("Letters", "Please give the reason for revoking the letter."))
    with db.atomic():
        row = db.execute("SELECT serial, revoked_at FROM letters WHERE id = ?", [letter_id]).fetchone()
        if row is None:
            raise LetterError(translate("Letters", "Letter {id} is not in the register.").format(id=letter_id))
        if row[1]:
            raise LetterError(translate("Letters", "Letter {serial} is already revoked.").format(serial=row[0]))
        db.execute("UPDATE letters SET revoked_at = ?, revoke_reason = ? WHERE id = ?", [now_iso(), reason, letter_id])


def register(db: Database, text: str = "", programme_id: int | None = None, revoked: bool = True) -> list[dict]:
    """Rows of the register, newest first: search in serial, mentor and enterprise names."""
    sql = [
        "SELECT l.id, l.serial, l.mentor_id, m.name AS mentor, e.name AS enterprise, l.programme_id,"
        " COALESCE(p.name, '') AS programme, l.term_from, l.term_to, l.issue_date, l.issuers, l.template,"
        " l.revoked_at, COALESCE(l.revoke_reason, '') AS revoke_reason"
        " FROM letters l JOIN mentors m ON m.id = l.mentor_id JOIN enterprises e ON e.id = m.enterprise_id"
        " LEFT JOIN programmes p ON p.id = l.programme_id WHERE 1 = 1"
    ]
    params: list = []
    if text.strip():
        like = f"%{text.strip()}%"
        sql.append(" AND (l.serial LIKE ? OR m.name LIKE ? OR e.name LIKE ? OR e.short_name LIKE ?)")
        params += [like] * 4
    if programme_id is not None:
        sql.append(" AND l.programme_id = ?")
        params.append(programme_id)
    if not revoked:
        sql.append(" AND l.revoked_at IS NULL")
    sql.append(" ORDER BY l.year DESC, l.seq DESC, l.id DESC")
    cursor = db.execute("".join(sql), params)
    names = [c[0] for c in cursor.description]
    return [dict(zip(names, r)) for r in cursor.fetchall()]


# --- template data -----------------------------------------------------------------------------

def _as_dict(db: Database, row) -> dict:
    names = [c[1] for c in db.execute("PRAGMA table_info(letters)")]
    return dict(zip(names, row))


def _from_row(db: Database, row: dict) -> Letter:
    data = _mentor_data(db, row["mentor_id"], row["programme_id"])
    letter = Letter(row["id"], row["serial"], row["year"], row["seq"], row["mentor_id"], data["name"], row["programme_id"],
                    row["term_from"], row["term_to"], row["issue_date"], tuple(json.loads(row["issuers"])), row["template"], {})
    return replace(letter, context=_context(letter, data))


def _mentor_data(db: Database, mentor_id: int, programme_id: int | None) -> dict:
    row = db.execute(
        "SELECT m.name, m.gender, m.title, m.skill_level, m.term_from, m.term_to, e.name, e.short_name, t.name_zh, t.name_en"
        " FROM mentors m JOIN enterprises e ON e.id = m.enterprise_id JOIN trades t ON t.id = m.trade_id WHERE m.id = ?",
        [mentor_id],
    ).fetchone()
    if row is None:
        raise LetterError(translate("Letters", "There is no mentor with the number {id}.").format(id=mentor_id))
    data = dict(zip(("name", "gender", "job_title", "level", "mentor_term_from", "mentor_term_to", "enterprise",
                     "enterprise_short", "trade", "trade_en"), row))
    data.update(programme="", programme_start=None, programme_end=None, colleges_list=[])
    if programme_id is not None:
        prow = db.execute("SELECT name, start_date, end_date FROM programmes WHERE id = ?", [programme_id]).fetchone()
        if prow is None:
            raise LetterError(translate("Letters", "There is no programme with the number {id}.").format(id=programme_id))
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
        "term_from": date_zh(letter.term_from),
        "term_to": date_zh(letter.term_to),
        "term_from_en": date_en(letter.term_from),
        "term_to_en": date_en(letter.term_to),
        "issue_date": date_zh(letter.issue_date),
        "issue_date_en": date_en(letter.issue_date),
        "issuers": list(letter.issuers),
    }


# --- page options and output -------------------------------------------------------------------

def page_options(db: Database):
    """The letter page options from the settings (letter_render.PageOptions)."""
    from mentormatch.letter_render import PageOptions

    layout = settings.get(db, "letter_layout")
    seals = {}
    for issuer, encoded in layout.get("seals", {}).items():
        try:
            seals[issuer] = base64.b64decode(encoded)
        except ValueError:
            continue
    return PageOptions(landscape=bool(layout["landscape"]), border=bool(layout["border"]), font_family=layout["font"],
                       seals=seals), bool(layout["signature_lines"])


@dataclass(frozen=True)
class Job:
    """Everything a batch needs to write its files, as plain data (safe to hand to a thread)."""

    letters: tuple[Letter, ...]
    templates: dict[str, str]  # name -> text
    options: object  # letter_render.PageOptions
    signature_lines: bool
    target: Path | None = None  # one PDF
    split_dir: Path | None = None  # or one PDF per letter


def make_job(db: Database, letters: list[Letter], target: str | Path | None = None,
             split_dir: str | Path | None = None) -> Job:
    options, signature_lines = page_options(db)
    templates = {name: letter_templates.source(name) for name in {l.template for l in letters}}
    return Job(tuple(letters), templates, options, signature_lines,
               Path(target) if target else None, Path(split_dir) if split_dir else None)


def split_file_name(letter: Letter) -> str:
    """<serial> <name>.pdf, with characters Windows forbids in file names replaced by _."""
    return _UNSAFE_IN_FILE_NAMES.sub("_", f"{letter.serial} {letter.mentor_name}.pdf")


def pages(job: Job) -> list:
    """The filled pages of a job (letter_render.Page); TemplateError for a template that fails."""
    from mentormatch.letter_render import Page

    result = []
    for letter in job.letters:
        context = {**letter.context, "signature_lines": job.signature_lines}
        result.append(Page(letter_templates.render(job.templates[letter.template], context), letter.issuers,
                           f"{letter.serial} {letter.mentor_name}"))
    return result


def write(job: Job, keep_going: Callable[[int], bool] | None = None) -> list | None:
    """Write the job's PDFs to temporary files; returns them (PendingPdf) or None when stopped.

    Call commit() for the new letters, then .commit() each file. Nothing stays behind when
    stopped or on an error. keep_going(done) is asked after each letter.
    """
    from mentormatch.letter_render import PageRenderer, render_pdf

    renderer = PageRenderer(job.options)
    filled = pages(job)
    pending = []
    try:
        if job.split_dir is None:
            title = translate("Letters", "Letters of appointment")
            result = render_pdf(job.target, filled, renderer, keep_going, title)
            if result is None:
                return None
            pending.append(result)
        else:
            for done, (letter, page) in enumerate(zip(job.letters, filled), 1):
                result = render_pdf(job.split_dir / split_file_name(letter), [page], renderer, None, letter.serial)
                pending.append(result)
                if keep_going is not None and not keep_going(done):
                    for item in pending:
                        item.discard()
                    return None
    except BaseException:
        for item in pending:
            item.discard()
        raise
    return pending


def issue_and_write(db: Database, job: Job, keep_going: Callable[[int], bool] | None = None) -> list[Path] | None:
    """Write the files, record the new letters, put the files in place (the command line's path)."""
    pending = write(job, keep_going)
    if pending is None:
        return None
    try:
        commit(db, list(job.letters))
    except BaseException:
        for item in pending:
            item.discard()
        raise
    return [item.commit() for item in pending]


def run_command(db: Database, args) -> int:
    """mentormatch letters OUT.pdf [--programme NAME] [--mentor ID ...] [--split DIR] [--template NAME]"""
    from mentormatch.fonts import NoChineseFont
    from mentormatch.letter_render import RenderError
    from mentormatch.letter_templates import TemplateError

    try:
        programme_id = records.programme_id_by_name(db, args.programme)
        if args.mentor:
            mentor_ids = list(args.mentor)
        elif programme_id is not None:
            mentor_ids = programme_mentors(db, programme_id)
        else:
            print(translate("Letters", "Name a programme (--programme NAME) or mentors (--mentor ID ...)."), file=sys.stderr)
            return 2
        if not mentor_ids:
            print(translate("Letters", "The programme has no mentors to appoint."), file=sys.stderr)
            return 1
        letters = plan(db, mentor_ids, programme_id, args.template)
        job = make_job(db, letters, None if args.split else args.out, args.split)
        files = issue_and_write(db, job)
    except (LetterError, TemplateError, RenderError, NoChineseFont, records.RecordError) as exc:
        print(exc, file=sys.stderr)
        return 1
    except OSError as exc:
        print(translate("Letters", "Cannot write the letters: {error}").format(error=exc), file=sys.stderr)
        return 1
    new = sum(1 for letter in letters if letter.id is None)
    print(translate("Letters", "{count} letters written ({new} newly issued, {again} reprinted with their numbers): {where}").format(
        count=len(letters), new=new, again=len(letters) - new, where=args.split or files[0]))
    return 0

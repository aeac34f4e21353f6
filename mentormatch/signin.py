"""The ceremony sign-in sheet (签到表): who signs in at a programme's appointment ceremony, and with what.

    mentormatch --db PATH signin OUT.pdf [--programme NAME] [--mentors | --apprentices] [--title TEXT]

(--programme may be left out when there is only one programme.)

- Mentors: those appointed at the ceremony, the ones a letter goes to (letters.programme_mentors:
  those with a confirmed active pair in the programme; before any pair is confirmed, its active
  mentors). Columns: name, organisation (the enterprise), trade.
- Apprentices: every apprentice of the programme, and any with an active pair in it, paired or
  not: the whole cohort attends the ceremony, and the sheet is also its attendance list (a name
  missing from it would be written in by hand). Columns: name, the enterprise they are placed at
  (their confirmed mentor's, else their host enterprise), college, trade.
- Both are sorted as the lists sort: by enterprise, then name, in pinyin order (pinyin.py's stored
  name_pinyin); an apprentice placed nowhere yet comes last.

The page is A4 portrait, drawn by roster_pdf (序号 first, an empty 签名 column tall enough to sign
last, the header row on every page, "第 1 页 / 共 3 页"); with both groups, mentors and apprentices
are two tables, each from a new page with its own title and page numbers, for two sign-in desks.
No ID numbers or phones are on it.
"""

from __future__ import annotations

import json
from pathlib import Path

from sqlite_utils import Database

from mentormatch import files, letters, roster_pdf
from mentormatch.errors import UserError
from mentormatch.i18n import translate

WHO = ("both", "mentors", "apprentices")
TABLE_PT = 10.5  # 五号, the size of a Word document's body: each person finds their name at a glance
_LOOK = {"signature": True, "table_pt": TABLE_PT}  # how roster_pdf draws the sheet, on paper and in a PDF

_MENTORS = (
    "SELECT m.name, e.name, t.name_zh FROM mentors m JOIN enterprises e ON e.id = m.enterprise_id"
    " JOIN trades t ON t.id = m.trade_id WHERE m.id IN (SELECT value FROM json_each(?))"
    " ORDER BY e.name_pinyin, e.name, m.name_pinyin, m.name, m.id"
)
_APPRENTICES = (
    "SELECT a.name, e.name, c.name, t.name_zh FROM apprentices a JOIN colleges c ON c.id = a.college_id"
    " JOIN trades t ON t.id = a.trade_id LEFT JOIN enterprises e ON e.id = COALESCE("
    "  (SELECT m.enterprise_id FROM pairs p JOIN mentors m ON m.id = p.mentor_id WHERE p.apprentice_id = a.id"
    "   AND p.programme_id = ?1 AND p.status = 'confirmed' AND p.ended_at IS NULL ORDER BY p.id DESC LIMIT 1),"
    "  a.host_enterprise_id)"
    " WHERE a.programme_id = ?1 OR a.id IN (SELECT apprentice_id FROM pairs WHERE programme_id = ?1 AND ended_at IS NULL)"
    " ORDER BY e.id IS NULL, e.name_pinyin, e.name, a.name_pinyin, a.name, a.id"
)


def default_title(db: Database, programme_id: int) -> str:
    """'<programme> 聘任仪式签到表'."""
    name = db.execute("SELECT name FROM programmes WHERE id = ?", [programme_id]).fetchone()[0]
    return translate("SignIn", "{programme}: appointment ceremony sign-in sheet").format(programme=name)


def sections(db: Database, programme_id: int, who: str = "both", title: str | None = None) -> list[roster_pdf.Section]:
    """The tables of the sheet: mentors, apprentices or both (a group with nobody is left out);
    UserError when nobody is left."""
    title = (title or "").strip() or default_title(db, programme_id)
    tables = []
    if who in ("both", "mentors"):
        ids = letters.programme_mentors(db, programme_id)
        rows = [list(r) for r in db.execute(_MENTORS, [json.dumps(ids)])]
        tables.append(roster_pdf.Section(
            translate("SignIn", "{title} (enterprise mentors)").format(title=title),
            [translate("SignIn", "Name"), translate("SignIn", "Organisation"), translate("SignIn", "Trade")], rows))
    if who in ("both", "apprentices"):
        rows = [list(r) for r in db.execute(_APPRENTICES, [programme_id])]
        tables.append(roster_pdf.Section(
            translate("SignIn", "{title} (apprentices)").format(title=title),
            [translate("SignIn", "Name"), translate("SignIn", "Enterprise"), translate("SignIn", "College"),
             translate("SignIn", "Trade")], rows))
    tables = [t for t in tables if t.rows]
    if not tables:
        who_text = {"both": translate("SignIn", "no mentors or apprentices"), "mentors": translate("SignIn", "no mentors"),
                    "apprentices": translate("SignIn", "no apprentices")}[who]
        raise UserError(translate("SignIn", "The programme has {nobody} to sign in.").format(nobody=who_text))
    return tables


def page_layout():
    return roster_pdf.page_layout(roster_pdf.PORTRAIT)


def render(device, tables: list[roster_pdf.Section]) -> int:
    """Draw the sheet onto a printer set to page_layout(); returns the number of pages."""
    return roster_pdf.render_sections(device, tables, **_LOOK)


def write_pdf(path: str | Path, title: str, tables: list[roster_pdf.Section]) -> None:
    """Write the sheet as a PDF at path (replaced only once complete); UserError when it cannot be written."""
    path = Path(path)
    try:
        with files.written_in_place(path) as temp:
            roster_pdf.write_sections(temp, title, tables, orientation=roster_pdf.PORTRAIT, **_LOOK)
    except OSError as exc:
        raise UserError(translate("SignIn", "{file} cannot be written: {error}").format(
            file=path, error=exc.strerror or exc)) from exc


def run_command(db: Database, args) -> int:
    """mentormatch signin OUT.pdf [--programme NAME] [--mentors | --apprentices] [--title TEXT]"""
    if Path(args.out).suffix.lower() != ".pdf":
        raise UserError(translate("SignIn", "{file}: the file name must end in .pdf.").format(file=args.out))
    programme_id = letters.command_programme(db, args.programme)
    who = "mentors" if args.mentors else "apprentices" if args.apprentices else "both"
    title = (args.title or "").strip() or default_title(db, programme_id)
    tables = sections(db, programme_id, who, title)
    write_pdf(args.out, title, tables)
    print(translate("SignIn", "Sign-in sheet for {count} people written to {file}.").format(
        count=sum(len(t.rows) for t in tables), file=args.out))
    return 0

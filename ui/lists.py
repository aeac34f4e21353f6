"""What each record list shows: its columns as SQL, what the search box looks in, the programme filter.

Names of people and enterprises are sorted and found by their stored pinyin (name_pinyin, see
mentormatch/pinyin.py); other Chinese text is sorted in pinyin order as it is read.

The table model (ui/table_model.py) turns a ListSpec into two queries: the ids that match the
search and filter in the chosen order, and the rows of one page of those ids.
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QT_TRANSLATE_NOOP

from mentormatch import pairs


@dataclass(frozen=True)
class Column:
    header: str  # untranslated; QT_TRANSLATE_NOOP("Lists", ...)
    sql: str  # the value, in the row query (joins of ListSpec.rows_from available)
    sort: str = ""  # ORDER BY expression in the id query (base table only); default: sql
    show: str = ""  # how to show the value: id, phone, level, gender, kind, bool, load (text "2/8")
    width: int = 100
    collate: bool = False  # Chinese text: sort in pinyin order (mentormatch.pinyin.sort_key), not by code point


@dataclass(frozen=True)
class ListSpec:
    kind: str  # the table, also the key in mentormatch.records.KINDS
    alias: str  # the base table's alias in every query
    rows_from: str  # FROM clause of the row query
    columns: tuple[Column, ...]
    search: tuple[str, ...]  # conditions with one ? each for the LIKE pattern
    pinyin: tuple[str, ...] = ()  # conditions with {} for a term typed in pinyin (pinyin.search_condition on a table's name)
    programme: str = ""  # condition with ? for the programme id; empty: no programme filter
    default_sort: int = 0
    filters: tuple[tuple[str, str], ...] = ()  # (label, condition on the base table) the list can be narrowed to


C = Column
TRADE_NAME = "(SELECT name_zh FROM trades WHERE id = {a}.trade_id)"

LISTS: dict[str, ListSpec] = {
    "apprentices": ListSpec(
        "apprentices", "a",
        "apprentices a JOIN colleges c ON c.id = a.college_id JOIN trades t ON t.id = a.trade_id"
        " LEFT JOIN enterprises e ON e.id = a.host_enterprise_id LEFT JOIN programmes p ON p.id = a.programme_id",
        (
            C(QT_TRANSLATE_NOOP("Lists", "Student number"), "a.student_no", width=110),
            C(QT_TRANSLATE_NOOP("Lists", "Name"), "a.name", "a.name_pinyin", width=80),
            C(QT_TRANSLATE_NOOP("Lists", "Gender"), "a.gender", show="gender", width=60),
            C(QT_TRANSLATE_NOOP("Lists", "College"), "c.name", "(SELECT name FROM colleges WHERE id = a.college_id)", width=140, collate=True),
            C(QT_TRANSLATE_NOOP("Lists", "Class"), "a.class_name", width=80, collate=True),
            C(QT_TRANSLATE_NOOP("Lists", "Major"), "a.major", width=120, collate=True),
            C(QT_TRANSLATE_NOOP("Lists", "Trade"), "t.name_zh", TRADE_NAME.format(a="a"), width=100, collate=True),
            C(QT_TRANSLATE_NOOP("Lists", "Host enterprise"), "COALESCE(NULLIF(e.short_name, ''), e.name)",
              "(SELECT COALESCE(NULLIF(short_name, ''), name) FROM enterprises WHERE id = a.host_enterprise_id)", width=110, collate=True),
            C(QT_TRANSLATE_NOOP("Lists", "Mentor"),
              "(SELECT m.name FROM pairs pr JOIN mentors m ON m.id = pr.mentor_id"
              " WHERE pr.apprentice_id = a.id AND pr.ended_at IS NULL ORDER BY pr.status = 'confirmed' DESC LIMIT 1)",
              "(SELECT m.name_pinyin FROM pairs pr JOIN mentors m ON m.id = pr.mentor_id"
              " WHERE pr.apprentice_id = a.id AND pr.ended_at IS NULL ORDER BY pr.status = 'confirmed' DESC LIMIT 1)", width=80),
            C(QT_TRANSLATE_NOOP("Lists", "Type"), "a.kind", show="kind", width=130),
            C(QT_TRANSLATE_NOOP("Lists", "Target level"), "a.target_level", show="level", width=150),
            C(QT_TRANSLATE_NOOP("Lists", "ID number"), "a.id_number", show="id", width=150),
            C(QT_TRANSLATE_NOOP("Lists", "Phone"), "a.phone", show="phone", width=100),
            C(QT_TRANSLATE_NOOP("Lists", "Programme"), "p.name", "(SELECT name FROM programmes WHERE id = a.programme_id)", width=160, collate=True),
            C(QT_TRANSLATE_NOOP("Lists", "Start"), "a.start_date", width=90),
            C(QT_TRANSLATE_NOOP("Lists", "End"), "a.end_date", width=90),
        ),
        (
            "a.name LIKE ?",
            "a.student_no LIKE ?",
            "a.college_id IN (SELECT id FROM colleges WHERE name LIKE ?)",
            "a.class_name LIKE ?",
            "a.major LIKE ?",
            "a.trade_id IN (SELECT id FROM trades WHERE name_zh LIKE ? OR name_en LIKE ?)",
            "a.host_enterprise_id IN (SELECT id FROM enterprises WHERE name LIKE ? OR short_name LIKE ?)",
        ),
        ("{}", "a.host_enterprise_id IN (SELECT id FROM enterprises WHERE {})"),
        programme="a.programme_id = ?",
        filters=((QT_TRANSLATE_NOOP("Lists", "Without a mentor"), pairs.WITHOUT_PAIR),),
    ),
    "mentors": ListSpec(
        "mentors", "m",
        "mentors m JOIN enterprises e ON e.id = m.enterprise_id JOIN trades t ON t.id = m.trade_id"
        " JOIN mentor_capacity c ON c.mentor_id = m.id",
        (
            C(QT_TRANSLATE_NOOP("Lists", "Name"), "m.name", "m.name_pinyin", width=80),
            C(QT_TRANSLATE_NOOP("Lists", "Gender"), "m.gender", show="gender", width=60),
            C(QT_TRANSLATE_NOOP("Lists", "Enterprise"), "COALESCE(NULLIF(e.short_name, ''), e.name)",
              "(SELECT COALESCE(NULLIF(short_name, ''), name) FROM enterprises WHERE id = m.enterprise_id)", width=110, collate=True),
            C(QT_TRANSLATE_NOOP("Lists", "Employee number"), "m.employee_no", width=100),
            C(QT_TRANSLATE_NOOP("Lists", "Trade"), "t.name_zh", TRADE_NAME.format(a="m"), width=100, collate=True),
            C(QT_TRANSLATE_NOOP("Lists", "Additional trades"),
              "(SELECT group_concat(x.name_zh, '、') FROM mentor_trades mt JOIN trades x ON x.id = mt.trade_id WHERE mt.mentor_id = m.id)",
              width=110, collate=True),
            C(QT_TRANSLATE_NOOP("Lists", "Skill level"), "m.skill_level", show="level", width=150),
            # "2/8": active pairs, the draft's included, against the capacity (mentormatch/capacity.py);
            # sorted by the load, then by the capacity
            C(QT_TRANSLATE_NOOP("Lists", "Load (with draft) / capacity"), "c.load || '/' || c.capacity",
              "(SELECT load * 1000 + capacity FROM mentor_capacity WHERE mentor_id = m.id)", show="load", width=80),
            C(QT_TRANSLATE_NOOP("Lists", "Active"), "m.active", show="bool", width=50),
            C(QT_TRANSLATE_NOOP("Lists", "Job title"), "m.title", width=80, collate=True),
            C(QT_TRANSLATE_NOOP("Lists", "Years"), "m.years", width=50),
            C(QT_TRANSLATE_NOOP("Lists", "Phone"), "m.phone", show="phone", width=100),
            C(QT_TRANSLATE_NOOP("Lists", "Appointment to"), "m.term_to", width=100),
        ),
        (
            "m.name LIKE ?",
            "m.employee_no LIKE ?",
            "m.title LIKE ?",
            "m.trade_id IN (SELECT id FROM trades WHERE name_zh LIKE ? OR name_en LIKE ?)",
            "m.enterprise_id IN (SELECT id FROM enterprises WHERE name LIKE ? OR short_name LIKE ?)",
        ),
        ("{}", "m.enterprise_id IN (SELECT id FROM enterprises WHERE {})"),
        programme="m.id IN (SELECT mentor_id FROM programme_mentors WHERE programme_id = ?)",
    ),
    "enterprises": ListSpec(
        "enterprises", "e", "enterprises e",
        (
            C(QT_TRANSLATE_NOOP("Lists", "Enterprise name"), "e.name", "e.name_pinyin", width=240),
            C(QT_TRANSLATE_NOOP("Lists", "Short name"), "e.short_name", width=100, collate=True),
            C(QT_TRANSLATE_NOOP("Lists", "Credit code"), "e.credit_code", width=160),
            C(QT_TRANSLATE_NOOP("Lists", "Contact person"), "e.contact", width=90, collate=True),
            C(QT_TRANSLATE_NOOP("Lists", "Phone"), "e.phone", show="phone", width=110),
            C(QT_TRANSLATE_NOOP("Lists", "Mentors"), "(SELECT COUNT(*) FROM mentors WHERE enterprise_id = e.id)", width=70),
            C(QT_TRANSLATE_NOOP("Lists", "Apprentices hosted"),
              "(SELECT COUNT(*) FROM apprentices WHERE host_enterprise_id = e.id)", width=100),
            C(QT_TRANSLATE_NOOP("Lists", "Address"), "e.address", width=260, collate=True),
        ),
        ("e.name LIKE ?", "e.short_name LIKE ?", "e.contact LIKE ?", "e.address LIKE ?", "e.credit_code LIKE ?"),
        ("{}",),
        programme="e.id IN (SELECT enterprise_id FROM programme_enterprises WHERE programme_id = ?)",
    ),
    "programmes": ListSpec(
        "programmes", "p", "programmes p",
        (
            C(QT_TRANSLATE_NOOP("Lists", "Programme name"), "p.name", width=260, collate=True),
            C(QT_TRANSLATE_NOOP("Lists", "Start"), "p.start_date", width=90),
            C(QT_TRANSLATE_NOOP("Lists", "End"), "p.end_date", width=90),
            C(QT_TRANSLATE_NOOP("Lists", "Colleges"),
              "(SELECT group_concat(c.name, '、') FROM programme_colleges pc JOIN colleges c ON c.id = pc.college_id"
              " WHERE pc.programme_id = p.id)", width=240, collate=True),
            C(QT_TRANSLATE_NOOP("Lists", "Enterprises"), "(SELECT COUNT(*) FROM programme_enterprises WHERE programme_id = p.id)",
              width=80),
            C(QT_TRANSLATE_NOOP("Lists", "Apprentices"), "(SELECT COUNT(*) FROM apprentices WHERE programme_id = p.id)", width=80),
            C(QT_TRANSLATE_NOOP("Lists", "Description"), "p.description", width=300, collate=True),
        ),
        ("p.name LIKE ?", "p.description LIKE ?"),
        # tens of rows: their pinyin is read as the search runs (pinyin.register), not stored
        pinyin=("p.id IN (SELECT id FROM (SELECT id, name, phrase_pinyin(name) AS name_pinyin FROM programmes) WHERE {})",),
    ),
    "trades": ListSpec(
        "trades", "t", "trades t",
        (
            C(QT_TRANSLATE_NOOP("Lists", "Code"), "t.code", width=90),
            C(QT_TRANSLATE_NOOP("Lists", "Chinese name"), "t.name_zh", width=140, collate=True),
            C(QT_TRANSLATE_NOOP("Lists", "English name"), "t.name_en", width=260),
            C(QT_TRANSLATE_NOOP("Lists", "Related trades"),
              "(SELECT group_concat(x.name_zh, '、') FROM trade_relations r JOIN trades x ON x.id = r.related_id"
              " WHERE r.trade_id = t.id)", width=200, collate=True),
            C(QT_TRANSLATE_NOOP("Lists", "Mentors"),  # as primary or additional trade, as the delete dialog counts them
              "(SELECT COUNT(*) FROM mentors WHERE trade_id = t.id) + (SELECT COUNT(*) FROM mentor_trades WHERE trade_id = t.id)",
              width=60),
            C(QT_TRANSLATE_NOOP("Lists", "Apprentices"), "(SELECT COUNT(*) FROM apprentices WHERE trade_id = t.id)", width=70),
            C(QT_TRANSLATE_NOOP("Lists", "Retired"), "t.retired", show="bool", width=60),
            C(QT_TRANSLATE_NOOP("Lists", "Aliases (majors)"),  # the longest: last, where the list stretches
              "(SELECT group_concat(alias, '、') FROM trade_aliases WHERE trade_id = t.id)", width=260, collate=True),
        ),
        ("t.name_zh LIKE ?", "t.name_en LIKE ?", "t.code LIKE ?", "t.id IN (SELECT trade_id FROM trade_aliases WHERE alias LIKE ?)"),
        pinyin=("t.id IN (SELECT id FROM (SELECT id, name_zh AS name, phrase_pinyin(name_zh) AS name_pinyin FROM trades) WHERE {})",),
        default_sort=0,
    ),
    "colleges": ListSpec(
        "colleges", "c", "colleges c",
        (
            C(QT_TRANSLATE_NOOP("Lists", "College name"), "c.name", width=260, collate=True),
            C(QT_TRANSLATE_NOOP("Lists", "Apprentices"), "(SELECT COUNT(*) FROM apprentices WHERE college_id = c.id)", width=80),
            C(QT_TRANSLATE_NOOP("Lists", "Programmes"),
              "(SELECT group_concat(p.name, '、') FROM programme_colleges pc JOIN programmes p ON p.id = pc.programme_id"
              " WHERE pc.college_id = c.id)", width=300, collate=True),
        ),
        ("c.name LIKE ?",),
        pinyin=("c.id IN (SELECT id FROM (SELECT id, name, phrase_pinyin(name) AS name_pinyin FROM colleges) WHERE {})",),
    ),
}
del C

"""Which column of a roster holds which field: the header names coordinators use for each field,
finding the header row, guessing the kind of roster, and the mapping remembered per set of headers.

The fields are those of `records.KINDS`; their translated and English labels are recognised too,
so an exported list imports back in any language.
"""

from __future__ import annotations

import json
import re

from sqlite_utils import Database

from mentormatch import records, validation
from mentormatch.i18n import translate
from mentormatch.store import writing

KINDS = ("apprentices", "mentors", "enterprises")
KIND_LABELS = {kind: records.KINDS[kind].plural for kind in KINDS}  # translate("Records", ...)


# The fields each kind imports, in the order the wizard lists them, with the header names that
# map to them (compared after normalise_header). The translated and English labels of the
# fields (records.KINDS) are recognised too, so an exported list imports back in any language.
ALIASES: dict[str, dict[str, tuple[str, ...]]] = {
    "apprentices": {
        "student_no": ("学号", "学籍号", "学生学号", "学生编号", "studentno.", "studentno", "studentnumber", "student_no"),
        "name": ("姓名", "名字", "学生姓名", "学徒姓名", "学徒", "name", "apprentice", "apprenticename"),
        "gender": ("性别", "gender", "sex"),
        "college": ("学院", "学校", "院校", "所在学校", "所在院校", "学校名称", "院校名称", "college", "school"),
        "class_name": ("班级", "班级名称", "所在班级", "class"),
        "major": ("专业", "所学专业", "专业名称", "major"),
        "trade_id": ("工种", "职业", "培养工种", "trade", "occupation"),
        "kind": ("学徒类型", "类型", "学徒类别", "type", "kind", "apprenticetype"),
        "target_level": ("目标等级", "培养等级", "培养目标等级", "targetlevel"),
        "host_enterprise_id": ("实习单位", "实习企业", "企业", "单位", "工作单位", "企业名称", "合作企业", "hostenterprise", "enterprise", "company"),
        "programme_id": ("项目", "培养项目", "项目名称", "programme", "program"),
        "id_number": ("身份证号", "身份证号码", "证件号码", "证件号", "身份证", "idnumber", "idno.", "idcard"),
        "phone": ("手机", "手机号", "手机号码", "联系电话", "电话", "电话号码", "联系方式", "学徒手机", "学生手机", "phone", "mobile", "apprenticesphone"),
        "start_date": ("开始日期", "起始日期", "入企日期", "实习开始日期", "startdate"),
        "end_date": ("结束日期", "截止日期", "实习结束日期", "enddate"),
        "notes": ("备注", "说明", "notes", "remarks"),
    },
    "mentors": {
        "name": ("姓名", "名字", "导师姓名", "师傅姓名", "导师", "师傅", "name", "mentor", "mentorname"),
        "gender": ("性别", "gender", "sex"),
        "enterprise_id": ("企业", "单位", "工作单位", "实习单位", "企业名称", "所在企业", "所在单位", "enterprise", "company"),
        "employee_no": ("工号", "员工编号", "职工号", "员工号", "employeeno.", "employeeno", "employeenumber"),
        "trade_id": ("工种", "专业", "所学专业", "职业", "导师工种", "trade", "occupation"),
        "skill_level": ("技能等级", "导师等级", "职业技能等级", "等级", "skilllevel", "level"),
        "title": ("职务", "职称", "岗位", "jobtitle", "title"),
        "years": ("工作年限", "从业年限", "工龄", "年限", "years", "yearsofexperience"),
        "capacity": ("带徒人数", "可带学徒数", "名额", "带徒名额", "可带人数", "capacity"),
        "phone": ("手机", "手机号", "手机号码", "联系电话", "电话", "电话号码", "联系方式", "导师手机", "phone", "mobile", "mentorsphone"),
        "term_from": ("开始日期", "聘期开始", "聘任开始日期", "termfrom", "appointmentfrom"),
        "term_to": ("结束日期", "聘期结束", "聘任结束日期", "termto", "appointmentto"),
        "notes": ("备注", "说明", "notes", "remarks"),
    },
    "enterprises": {
        "name": ("企业名称", "单位名称", "企业", "单位", "名称", "工作单位", "实习单位", "name", "enterprise", "company"),
        "short_name": ("简称", "企业简称", "单位简称", "shortname"),
        "credit_code": ("统一社会信用代码", "社会信用代码", "信用代码", "creditcode", "unifiedsocialcreditcode"),
        "contact": ("联系人", "负责人", "contact", "contactperson"),
        "phone": ("联系电话", "电话", "手机", "手机号", "电话号码", "phone"),
        "address": ("地址", "企业地址", "单位地址", "通讯地址", "address"),
        "notes": ("备注", "说明", "notes", "remarks"),
    },
}
PARENTHESES = re.compile(r"[(（\[【].*?[)）\]】]")


def normalise_header(text: object) -> str:
    """'身份证号码（必填）*' -> '身份证号码'; 'Student No.' -> 'studentno.'."""
    value = PARENTHESES.sub("", validation.clean(text)).lower()
    return re.sub(r"[\s*:：_'’]", "", value)


def _alias_table(kind: str) -> dict[str, tuple[str, int]]:
    """Normalised header -> (field, rank); a lower rank names the field more exactly."""
    table: dict[str, tuple[str, int]] = {}
    for name, aliases in ALIASES[kind].items():
        label = records.KINDS[kind].field(name).label
        for rank, alias in enumerate((translate("Records", label), label, *aliases)):
            table.setdefault(normalise_header(alias), (name, rank))
    return table


def header_matcher():
    """A function telling whether a cell names a column of any kind (to find the header row)."""
    known = set().union(*(_alias_table(kind) for kind in KINDS))
    return lambda text: normalise_header(text) in known


def auto_mapping(kind: str, headers: list[str]) -> list[str | None]:
    """Guess the field of every column. When several columns name one field (企业 and 实习单位 both
    may mean the host enterprise), the most exact name takes it, else the first column."""
    table = _alias_table(kind)
    best: dict[str, tuple[int, int]] = {}  # field -> (rank, column)
    for column, header in enumerate(headers):
        found = table.get(normalise_header(header))
        if found and (found[0] not in best or found[1] < best[found[0]][0]):
            best[found[0]] = (found[1], column)
    mapping: list[str | None] = [None] * len(headers)
    for name, (_, column) in best.items():
        mapping[column] = name
    return mapping


# Fields only one kind has: they tell what a file holds.
DISTINCT_FIELDS = {
    "apprentices": {"student_no", "class_name", "college", "major", "target_level", "kind", "id_number"},
    "mentors": {"employee_no", "skill_level", "years", "capacity", "title", "term_from", "term_to"},
    "enterprises": {"credit_code", "contact", "short_name", "address"},
}


def guess_kind(headers: list[str]) -> str | None:
    """The kind whose own fields the headers name most often, or None."""
    scores = {kind: len(set(auto_mapping(kind, headers)) & DISTINCT_FIELDS[kind]) for kind in KINDS}
    best = max(scores, key=scores.get)
    return best if scores[best] else None


def _headers_key(kind: str, headers: list[str]) -> str:
    return kind + "|" + "|".join(sorted({normalise_header(h) for h in headers if normalise_header(h)}))


def remembered_mapping(db: Database, kind: str, headers: list[str]) -> list[str | None] | None:
    row = db.execute("SELECT mapping FROM import_mappings WHERE headers_key = ?", [_headers_key(kind, headers)]).fetchone()
    if row is None:
        return None
    by_header = json.loads(row[0])
    fields = set(ALIASES[kind])
    return [by_header.get(normalise_header(h)) if by_header.get(normalise_header(h)) in fields else None for h in headers]


def remember_mapping(db: Database, kind: str, headers: list[str], mapping: list[str | None]) -> None:
    by_header = {normalise_header(h): f for h, f in zip(headers, mapping) if normalise_header(h) and f}
    with writing(db):
        db.execute(
            "INSERT INTO import_mappings (headers_key, mapping) VALUES (?, ?)"
            " ON CONFLICT(headers_key) DO UPDATE SET mapping = excluded.mapping",
            [_headers_key(kind, headers), json.dumps(by_header, ensure_ascii=False)],
        )


def field_label(kind: str, name: str) -> str:
    return translate("Records", records.KINDS[kind].field(name).label)



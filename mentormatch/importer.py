"""Importing rosters of apprentices, mentors and enterprises from .xlsx and .csv files.

The steps, shared by the wizard and the command line:

1. `tabular.read_table` reads the file and finds the header row (under title rows);
2. an `ImportJob` maps columns to fields (remembered per set of headers, else guessed from
   Chinese and English header names), then `validate()` turns every row into a `RowResult`:
   normalised values, ok / warning / error with reasons, and duplicates inside the file and
   against the database;
3. `commit()` writes all accepted rows in one transaction, or nothing, and returns a report.

The fields are those of `records.KINDS` (labels, kinds, limits), with references given by name:
a college, enterprise or programme name, a trade name or a major that maps to a trade through
the catalog's aliases. Unknown colleges, enterprises and programmes are created; an unknown
major is an error until the coordinator maps it to a trade or chooses to create the trade.
"""

from __future__ import annotations

import json
import re
import sqlite3
import sys
from collections import Counter
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from pathlib import Path

from sqlite_utils import Database

from mentormatch import files
from mentormatch.errors import UserError
from mentormatch import exporter, records, tabular, validation
from mentormatch.i18n import translate
from mentormatch.validation import ValidationError

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
# The key of a record inside its kind, used to find duplicates.
REFERENCE_FIELDS = {"college", "host_enterprise_id", "enterprise_id", "programme_id", "trade_id"}
NUMBER_LIKE = {"student_no", "employee_no", "id_number", "phone"}  # Excel damages these as numbers
SCIENTIFIC = re.compile(r"^[+-]?\d+(\.\d+)?[eE][+-]?\d+$")
PARENTHESES = re.compile(r"[(（\[【].*?[)）\]】]")
NEW_TRADE = 0  # trade_choices value: create a trade of this name


class ImportRefused(UserError):
    """The import cannot go ahead; str() says why in words for the coordinator."""


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
    with db.atomic():
        db.execute(
            "INSERT INTO import_mappings (headers_key, mapping) VALUES (?, ?)"
            " ON CONFLICT(headers_key) DO UPDATE SET mapping = excluded.mapping",
            [_headers_key(kind, headers), json.dumps(by_header, ensure_ascii=False)],
        )


def field_label(kind: str, name: str) -> str:
    return translate("Records", records.KINDS[kind].field(name).label)


def required_fields(kind: str) -> list[str]:
    """Fields every row needs; an apprentice's trade may come from the major instead, see _resolve."""
    return [name for name in ALIASES[kind] if records.KINDS[kind].field(name).required and name != "trade_id"]


# ---------------------------------------------------------------------------------------------
# Values


def _choice_table(choices: str, extra: dict[str, object]) -> dict[str, object]:
    """Accepted spellings of a choice: its code, English and translated labels, and extras."""
    table: dict[str, object] = {}
    for choice in records.CHOICES[choices]:
        for spelling in (str(choice.value), choice.label, translate("Records", choice.label)):
            if spelling:
                table[normalise_header(spelling)] = choice.value
    table.update({normalise_header(k): v for k, v in extra.items()})
    return table


GENDER_WORDS = {"男": "M", "女": "F", "m": "M", "f": "F", "male": "M", "female": "F", "男性": "M", "女性": "F"}
KIND_WORDS = {"学生学徒": "student", "学生": "student", "在校生": "student", "职工学徒": "employee", "职工": "employee",
              "企业职工": "employee", "员工": "employee", "新员工": "employee"}
LEVEL_WORDS = {"初级工": 1, "初级": 1, "五级": 1, "中级工": 2, "中级": 2, "四级": 2, "高级工": 3, "高级": 3, "三级": 3,
               "技师": 4, "二级": 4, "高级技师": 5, "一级": 5}


def cell_text(value: object, code: bool = False) -> str:
    """A cell as trimmed text with full-width digits and letters made half-width (for a code,
    full-width punctuation too: ２０２６－００１); a whole float is written without '.0'; a leading
    apostrophe (Excel's text marker, or our own against formula injection) is dropped."""
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    elif isinstance(value, datetime):
        value = value.date().isoformat() if value.time() == datetime.min.time() else value.isoformat(sep=" ")
    text = validation.clean_code(value) if code else validation.clean(value)
    return text[1:].lstrip() if text.startswith("'") else text


def _from_number(value: object, what: str) -> str:
    """An ID, phone or student number stored as a number: its digits, or ValidationError if Excel
    has already destroyed it (more than 15 digits, or a fraction)."""
    if isinstance(value, float) and not value.is_integer():
        raise ValidationError(translate("Import", "Excel turned this {what} into a number and damaged it ({value}); "
                                                  "format the column as text and type it again.").format(what=what, value=value))
    number = int(value)
    if abs(number) >= 10**15:
        raise ValidationError(translate("Import", "Excel turned this {what} into a number and its last digits became 0 ({value}); "
                                                  "format the column as text and type it again.").format(what=what, value=f"{number:.5E}"))
    return str(number)


def _scientific(text: str, what: str) -> None:
    if SCIENTIFIC.match(text):
        raise ValidationError(translate("Import", "Excel turned this {what} into a number and damaged it ({value}); "
                                                  "format the column as text and type it again.").format(what=what, value=text))


def parse_id_number(value: object) -> str | None:
    what = translate("Import", "ID number")
    text = _from_number(value, what) if isinstance(value, (int, float)) and not isinstance(value, bool) else cell_text(value, code=True)
    _scientific(text, what)
    try:
        return validation.id_number(text)
    except ValidationError:
        if len(text) == 18 and text.isdigit() and text.endswith("000"):
            raise ValidationError(translate("Import", "Excel stored this ID number as a number and its last digits became 0 ({value}); "
                                                      "format the column as text and type it again.").format(value=text)) from None
        raise


def parse_phone(value: object) -> str:
    what = translate("Import", "phone number")
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        text = _from_number(value, what)
        if not validation.MOBILE_RE.match(text):
            raise ValidationError(translate("Import", "Excel stored this phone number as a number and may have dropped its leading 0 "
                                                      "({value}); format the column as text and type it again.").format(value=text))
        return text
    text = cell_text(value, code=True)
    _scientific(text, what)
    return validation.phone(text)


def parse_code(value: object, what: str) -> str:
    """A student or employee number: text; a number only if Excel has not damaged it."""
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        return _from_number(value, what)
    text = cell_text(value, code=True)
    _scientific(text, what)
    return text


def parse_date(value: object) -> str | None:
    if isinstance(value, (int, float)) and not isinstance(value, bool) and 20000 < value < 80000:
        value = date(1899, 12, 30) + timedelta(days=int(value))  # an Excel date serial shown as a number
    if isinstance(value, datetime):
        value = value.date()
    return validation.iso_date(value if isinstance(value, date) else cell_text(value))


def parse_count(value: object, maximum: int) -> int:
    text = re.sub(r"[年人名个岁]$", "", cell_text(value))
    try:
        number = int(float(text)) if re.fullmatch(r"\d+(\.0+)?", text) else int(text)
    except ValueError:
        raise ValidationError(translate("Import", "Enter a whole number, e.g. 5.")) from None
    if not 0 <= number <= maximum:
        raise ValidationError(translate("Import", "Enter a number from 0 to {maximum}.").format(maximum=maximum))
    return number


def parse_choice(value: object, table: dict[str, object], choices: str) -> object:
    text = normalise_header(cell_text(value))
    if text in table:
        return table[text]
    for part in re.split(r"[/、,，（(）)]", cell_text(value)):  # 高级工（三级）, 三级/高级工
        if normalise_header(part) in table:
            return table[normalise_header(part)]
    allowed = "、".join(translate("Records", c.label) for c in records.CHOICES[choices] if c.value != "")
    raise ValidationError(translate("Import", "Not understood; write one of: {allowed}.").format(allowed=allowed))


# ---------------------------------------------------------------------------------------------
# Rows


@dataclass
class Issue:
    column: str  # the header of the column (or the field's label) the issue is about
    message: str
    error: bool = True

    def text(self, row: int) -> str:
        """'row 5, 身份证号码: …' for messages outside the row (the command line)."""
        if self.column:
            return translate("Import", "row {row}, {column}: {message}").format(row=row, column=self.column, message=self.message)
        return translate("Import", "row {row}: {message}").format(row=row, message=self.message)

    def reason(self) -> str:
        """'身份证号码: …' for the row's own line (the preview and the report)."""
        if self.column:
            return translate("Import", "{column}: {message}").format(column=self.column, message=self.message)
        return self.message


@dataclass
class RowResult:
    row: int  # the row number in the file
    values: dict  # field -> normalised value; references by name
    issues: list[Issue] = field(default_factory=list)
    existing_id: int | None = None  # the database record this row duplicates
    first_row: int | None = None  # the earlier row of the file this row duplicates
    action: str = "add"  # add, update or skip

    @property
    def status(self) -> str:
        if any(i.error for i in self.issues):
            return "error"
        return "warning" if self.issues else "ok"

    @property
    def duplicate(self) -> bool:
        return self.existing_id is not None or self.first_row is not None

    def reasons(self) -> str:
        """The row's issues in one line; the separator between two of them is translated ("；" in Chinese)."""
        texts = [i.reason() for i in self.issues]
        return translate("Import", "; ").join([t.rstrip(".。") for t in texts[:-1]] + texts[-1:])


@dataclass
class ImportReport:
    added: int = 0
    updated: int = 0
    lines: list[tuple[int, str, str]] = field(default_factory=list)  # (row, outcome, reason) for every row
    created: list[str] = field(default_factory=list)  # colleges, enterprises, programmes, trades created

    @property
    def skipped(self) -> int:
        return sum(1 for _, outcome, _ in self.lines if outcome == "skipped")

    def summary(self) -> str:
        return translate("Import", "Added {added}, updated {updated}, skipped {skipped}.").format(
            added=self.added, updated=self.updated, skipped=self.skipped)

    def save_xlsx(self, path: str | Path) -> None:
        """The report as a workbook: the summary, then row, result and reason of every row."""
        rows = [[row, outcome_label(outcome), reason] for row, outcome, reason in self.lines]
        rows += [["", translate("Import", "created"), text] for text in self.created]
        headers = [translate("Import", "Row"), translate("Import", "Result"), translate("Import", "Reason")]
        with files.written_in_place(path) as temp:
            exporter.write_xlsx(temp, [exporter.Sheet(translate("Import", "Import report"), headers, rows, set(), self.summary())])


def outcome_label(outcome: str) -> str:
    return {
        "added": translate("Import", "added"),
        "updated": translate("Import", "updated"),
        "skipped": translate("Import", "skipped"),
    }[outcome]


class ImportJob:
    """One file being imported as one kind of record."""

    def __init__(self, db: Database, kind: str, table: tabular.Table, file_name: str = ""):
        if kind not in KINDS:
            raise ValueError(kind)
        self.db, self.kind, self.table, self.file_name = db, kind, table, file_name
        remembered = remembered_mapping(db, kind, table.headers)
        self.mapping: list[str | None] = remembered or auto_mapping(kind, table.headers)
        self.mapping_remembered = remembered is not None
        self.defaults: dict[str, str] = {}  # field -> value for rows that have none (college, enterprise, programme)
        if kind == "apprentices":
            colleges = [r[0] for r in db.execute("SELECT name FROM colleges")]
            if len(colleges) == 1:
                self.defaults["college"] = colleges[0]
        self.trade_choices: dict[str, int] = {}  # unknown major or trade -> trade id, or NEW_TRADE
        self.on_duplicate = "skip"
        self.decisions: dict[int, str] = {}  # row -> update / skip, overriding on_duplicate
        self.results: list[RowResult] = []
        self.unknown_trades: dict[str, list[int]] = {}  # name -> rows
        self.new_names: dict[str, int] = {}  # "College: name" -> first row; created on commit

    @classmethod
    def from_file(cls, db: Database, kind: str, path: str | Path, sheet: str | None = None) -> ImportJob:
        table = tabular.read_table(path, sheet, header_matcher())
        return cls(db, kind, table, Path(path).name)

    # -- mapping ---------------------------------------------------------------------------------

    def missing_fields(self) -> list[str]:
        """Required fields with neither a column nor a default."""
        missing = [f for f in required_fields(self.kind) if f not in self.mapping and not self.defaults.get(f)]
        if "trade_id" not in self.mapping and (self.kind == "mentors" or "major" not in self.mapping):
            missing.append("trade_id")
        return missing

    def column_of(self, name: str) -> str:
        if name in self.mapping:
            return self.table.headers[self.mapping.index(name)] or field_label(self.kind, name)
        return field_label(self.kind, name)

    # -- validation ------------------------------------------------------------------------------

    def validate(self) -> list[RowResult]:
        """Normalise and check every row; find duplicates. Reads the database, never writes."""
        with tabular.collector_paused():
            return self._validate()

    def _validate(self) -> list[RowResult]:
        lookups = _Lookups(self.db)
        columns = [(i, name) for i, name in enumerate(self.mapping) if name]
        labels = {name: self.column_of(name) for _, name in columns}
        labels.update({name: field_label(self.kind, name) for name in ALIASES[self.kind] if name not in labels})
        parse = self._parsers()
        # a required field without a column is named once (missing_fields), not on every row
        required = [name for name in required_fields(self.kind) if name in self.mapping or self.defaults.get(name)]
        defaults = [(name, value) for name, value in self.defaults.items() if value]
        results = []
        for number, cells in self.table.rows:
            values: dict = {}
            issues: list[Issue] = []
            for index, name in columns:
                raw = cells[index] if index < len(cells) else None
                if raw is None or (isinstance(raw, str) and not raw.strip()):
                    continue
                try:
                    value = parse[name](raw)
                except ValidationError as exc:
                    issues.append(Issue(labels[name], str(exc)))
                    continue
                if value not in (None, ""):
                    values[name] = value
            for name, value in defaults:
                if name not in values:
                    values[name] = value
            for name in required:
                if name not in values and not any(i.column == labels[name] for i in issues):
                    issues.append(Issue(labels[name], translate("Import", "This field is required.")))
            results.append(RowResult(number, values, issues))
        self._check_numbers(results, labels)
        self.unknown_trades = {}
        self.new_names = {}
        for result in results:
            self._resolve(result, lookups, labels)
        self.results = results
        self._find_duplicates(lookups)
        self.apply_actions()
        return results

    def _parsers(self) -> dict:
        genders = _choice_table("gender", GENDER_WORDS)
        kinds = _choice_table("apprentice_kind", KIND_WORDS)
        levels = _choice_table("level", LEVEL_WORDS)
        spec = records.KINDS[self.kind]
        parsers = {}
        for name in ALIASES[self.kind]:
            f = spec.field(name)
            if f.sensitive == "id":
                parsers[name] = parse_id_number
            elif f.sensitive == "phone":
                parsers[name] = parse_phone
            elif name in ("student_no", "employee_no"):
                what = translate("Records", f.label)
                parsers[name] = lambda v, what=what: parse_code(v, what)
            elif name == "credit_code":
                parsers[name] = lambda v: validation.credit_code(cell_text(v, code=True))
            elif f.kind == "date":
                parsers[name] = parse_date
            elif f.kind in ("int", "capacity"):
                parsers[name] = lambda v, m=f.maximum: parse_count(v, m)
            elif f.kind == "choice":
                table = {"gender": genders, "apprentice_kind": kinds, "level": levels}[f.ref]
                parsers[name] = lambda v, t=table, r=f.ref: parse_choice(v, t, r)
            elif f.kind == "notes":
                parsers[name] = lambda v: str(v).strip()
            else:
                parsers[name] = cell_text
        return parsers

    def _check_numbers(self, results: list[RowResult], labels: dict) -> None:
        """A student or employee number that came as a number and is shorter than the others has
        most likely lost its leading zeros in Excel."""
        for name in ("student_no", "employee_no"):
            if name not in self.mapping:
                continue
            index = self.mapping.index(name)
            lengths = Counter(len(r.values[name]) for r in results if name in r.values)
            if not lengths:
                continue
            usual = lengths.most_common(1)[0][0]
            cells = {number: cells[index] for number, cells in self.table.rows}
            for r in results:
                raw = cells.get(r.row)
                if name in r.values and isinstance(raw, (int, float)) and len(r.values[name]) < usual:
                    r.issues.append(Issue(labels[name], translate(
                        "Import", "Excel stored this number as a number and it is shorter than the others ({value}): "
                                  "its leading 0 was probably lost; format the column as text and type it again.").format(
                        value=r.values.pop(name))))

    def _resolve(self, r: RowResult, lookups: _Lookups, labels: dict) -> None:
        """Check references by name: trades (from the trade or the major), retired trades, and new names."""
        v = r.values
        if self.kind in ("apprentices", "mentors"):
            given = v.get("trade_id") or (v.get("major") if self.kind == "apprentices" else None)
            column = labels["trade_id"] if v.get("trade_id") or self.kind == "mentors" else labels["major"]
            if given:
                trade = self.trade_choices.get(given, lookups.trade(given))
                if trade is None:
                    self.unknown_trades.setdefault(given, []).append(r.row)
                    r.issues.append(Issue(column, translate(
                        "Import", "{name} is not a known trade or major: map it to a trade or create the trade.").format(name=given)))
                elif trade != NEW_TRADE and lookups.retired.get(trade):
                    r.issues.append(Issue(column, translate("Import", "The trade {name} is retired; reinstate it under Trades or choose another.").format(name=given)))
                else:
                    v["trade"] = (trade, given)
            elif not any(i.column in (labels["trade_id"], labels.get("major")) for i in r.issues):
                r.issues.append(Issue(column, translate("Import", "A trade or a major is required.")))
        for name, table in (("college", "colleges"), ("host_enterprise_id", "enterprises"), ("enterprise_id", "enterprises"),
                            ("programme_id", "programmes")):
            if name in v and lookups.find(table, v[name]) is None:
                self.new_names.setdefault(translate("Import", "{what}: {name}").format(what=_TABLE_LABELS[table](), name=v[name]), r.row)
        for start, end in (("start_date", "end_date"), ("term_from", "term_to")):
            try:
                validation.date_order(v.get(start), v.get(end))
            except ValidationError as exc:
                r.issues.append(Issue(labels.get(end, ""), str(exc)))

    def _keys(self, v: dict, lookups: _Lookups) -> list[tuple]:
        if self.kind == "apprentices":
            return [("student", v.get("college"), v["student_no"])] if v.get("student_no") else []
        if self.kind == "mentors":
            keys = []
            if v.get("employee_no"):
                keys.append(("employee", lookups.canonical("enterprises", v.get("enterprise_id")), v["employee_no"]))
            if v.get("phone") and v.get("name"):
                keys.append(("person", v["name"], v["phone"]))
            return keys
        keys = [("name", v["name"])] if v.get("name") else []
        if v.get("credit_code"):
            keys.append(("code", v["credit_code"]))
        return keys

    def _find_duplicates(self, lookups: _Lookups) -> None:
        existing = lookups.existing(self.kind)
        seen: dict[tuple, int] = {}  # key -> the first row without errors that has it
        for r in self.results:
            keys = self._keys(r.values, lookups)
            if self.kind == "apprentices" and keys:
                college = lookups.find("colleges", r.values.get("college"))
                r.existing_id = existing.get(("student", college, r.values["student_no"]))
            elif self.kind == "mentors":
                enterprise = lookups.find("enterprises", r.values.get("enterprise_id"))
                ids = [existing.get(("employee", enterprise, r.values.get("employee_no"))) if r.values.get("employee_no") else None,
                       existing.get(("person", r.values.get("name"), r.values.get("phone")))]
                r.existing_id = next((i for i in ids if i), None)
            else:
                ids = [existing.get(k) for k in keys]
                r.existing_id = next((i for i in ids if i), None)
            r.first_row = next((seen[k] for k in keys if k in seen), None)
            if r.status != "error":
                for k in keys:
                    seen.setdefault(k, r.row)
            if r.existing_id is not None:
                r.issues.append(Issue("", translate("Import", "Already in the database."), error=False))
            if r.first_row is not None:
                r.issues.append(Issue("", translate("Import", "The same record as row {row}.").format(row=r.first_row), error=False))

    def apply_actions(self) -> None:
        """Set each row's action from on_duplicate and the per-row decisions."""
        for r in self.results:
            if r.status == "error":
                r.action = "skip"
            elif r.duplicate:
                r.action = self.decisions.get(r.row, self.on_duplicate)
            else:
                r.action = "add"

    # -- commit ----------------------------------------------------------------------------------

    def errors(self) -> list[str]:
        texts = [translate("Import", "{file}: no column for {field}.").format(file=self.file_name, field=field_label(self.kind, f))
                 for f in self.missing_fields()]
        return texts + [i.text(r.row) for r in self.results for i in r.issues if i.error]

    def commit(self, skip_errors: bool = False) -> ImportReport:
        """Write every accepted row in one transaction and return the report.

        Raises ImportRefused (and writes nothing) if a row has an error and skip_errors is False,
        or if a required column is missing.
        """
        if not self.results:
            self.validate()
        self.apply_actions()
        missing = self.missing_fields()
        if missing or (not skip_errors and any(r.status == "error" for r in self.results)):
            raise ImportRefused(translate("Import", "Nothing was imported: {count} problems must be corrected first.").format(
                count=len(self.errors())))
        report = ImportReport()
        try:
            with tabular.collector_paused(), self.db.atomic():
                writer = _Writer(self.db, self.kind, report)
                for r in self.results:
                    if r.action == "skip":
                        report.lines.append((r.row, "skipped", r.reasons()))  # the errors, or which record it duplicates
                    else:
                        writer.write(r, self._keys(r.values, writer.lookups))
                writer.finish()
                remember_mapping(self.db, self.kind, self.table.headers, self.mapping)
        except sqlite3.DatabaseError as exc:  # rolled back: nothing was written
            raise ImportRefused(translate("Import", "Nothing was imported: the database refused the data ({error}).").format(error=exc)) from exc
        report.lines.sort()
        return report


class _Lookups:
    """Names and keys already in the database, read once per validation."""

    def __init__(self, db: Database):
        self.db = db
        self.names = {
            "colleges": {r[1]: r[0] for r in db.execute("SELECT id, name FROM colleges")},
            "programmes": {r[1]: r[0] for r in db.execute("SELECT id, name FROM programmes")},
        }
        enterprises = {}
        for eid, name, short in db.execute("SELECT id, name, short_name FROM enterprises ORDER BY id DESC"):
            if short:
                enterprises[short] = eid
        for eid, name, _ in db.execute("SELECT id, name, short_name FROM enterprises"):
            enterprises[name] = eid  # a full name wins over a short name
        self.names["enterprises"] = enterprises
        self.trades: dict[str, int] = {}
        self.retired: dict[int, bool] = {}
        for tid, name_zh, name_en, retired in db.execute("SELECT id, name_zh, name_en, retired FROM trades"):
            self.trades[name_zh] = tid
            if name_en:
                self.trades.setdefault(name_en.lower(), tid)
            self.retired[tid] = bool(retired)
        for alias, tid in db.execute("SELECT alias, trade_id FROM trade_aliases"):
            self.trades.setdefault(alias, tid)

    def trade(self, name: str) -> int | None:
        return self.trades.get(name, self.trades.get(name.lower()))

    def find(self, table: str, name: str | None) -> int | None:
        return self.names[table].get(name) if name else None

    def canonical(self, table: str, name: str | None):
        """The id for a known name (so 长安汽车 and its full name are one enterprise), else the name."""
        return self.find(table, name) or name

    def existing(self, kind: str) -> dict[tuple, int]:
        if kind == "apprentices":
            return {("student", c, s): i for i, c, s in self.db.execute("SELECT id, college_id, student_no FROM apprentices")}
        if kind == "mentors":
            keys = {}
            for i, e, no, name, phone in self.db.execute("SELECT id, enterprise_id, employee_no, name, phone FROM mentors"):
                if no:
                    keys[("employee", e, no)] = i
                if phone:
                    keys.setdefault(("person", name, phone), i)
            return keys
        keys = {}
        for i, name, code in self.db.execute("SELECT id, name, credit_code FROM enterprises"):
            keys[("name", name)] = i
            if code:
                keys[("code", code)] = i
        return keys


class _Writer:
    """Collects the rows to write (merging rows of the file that are the same record), then writes
    them; runs inside the commit's transaction."""

    COLUMNS = {  # the table's columns filled from fields of the same name
        "apprentices": ("student_no", "name", "gender", "class_name", "major", "kind", "target_level",
                        "id_number", "phone", "start_date", "end_date", "notes"),
        "mentors": ("name", "gender", "employee_no", "skill_level", "title", "years", "capacity", "phone",
                    "term_from", "term_to", "notes"),
        "enterprises": ("name", "short_name", "credit_code", "contact", "phone", "address", "notes"),
    }

    def __init__(self, db: Database, kind: str, report: ImportReport):
        self.db, self.kind, self.report = db, kind, report
        self.lookups = _Lookups(db)
        self.pending: dict[int, dict] = {}  # index -> {"values", "existing_id", "rows"}
        self.by_key: dict[tuple, int] = {}

    def write(self, r: RowResult, keys: list[tuple]) -> None:
        index = next((self.by_key[k] for k in keys if k in self.by_key), None)
        if index is None:
            index = len(self.pending)
            self.pending[index] = {"values": {}, "existing_id": r.existing_id, "rows": []}
        entry = self.pending[index]
        if r.action == "update" or not entry["rows"]:
            entry["values"].update(r.values)
        entry["rows"].append(r.row)
        if entry["existing_id"] is None:
            entry["existing_id"] = r.existing_id
        for k in keys:
            self.by_key.setdefault(k, index)

    def _ref(self, table: str, name: str) -> int:
        found = self.lookups.find(table, name)
        if found is None:
            found = self.db.execute(f"INSERT INTO {table} (name) VALUES (?)", [name]).lastrowid
            self.lookups.names[table][name] = found
            self.report.created.append(translate("Import", "{what}: {name}").format(what=_TABLE_LABELS[table](), name=name))
        return found

    def _trade(self, chosen: int, given: str) -> int:
        if chosen == NEW_TRADE:
            known = self.lookups.trade(given)
            if known is not None:
                return known
            chosen = self.db.execute("INSERT INTO trades (name_zh) VALUES (?)", [given]).lastrowid
            self.lookups.trades[given] = chosen
            self.report.created.append(translate("Import", "{what}: {name}").format(what=translate("Records", "Trade"), name=given))
        elif self.lookups.trade(given) is None:  # a major mapped by hand: remember it as an alias
            self.db.execute("INSERT OR IGNORE INTO trade_aliases (alias, trade_id) VALUES (?, ?)", [given, chosen])
            self.lookups.trades[given] = chosen
        return chosen

    def _columns(self, v: dict) -> dict:
        columns = {c: v[c] for c in self.COLUMNS[self.kind] if c in v}
        if "trade" in v:
            columns["trade_id"] = self._trade(*v["trade"])
        for name, table, column in (("college", "colleges", "college_id"), ("host_enterprise_id", "enterprises", "host_enterprise_id"),
                                    ("enterprise_id", "enterprises", "enterprise_id"), ("programme_id", "programmes", "programme_id")):
            if name in v:
                columns[column] = self._ref(table, v[name])
        return columns

    def finish(self) -> None:
        inserts: dict[tuple, list] = {}
        for entry in self.pending.values():
            columns = self._columns(entry["values"])
            outcome = "updated" if entry["existing_id"] else "added"
            if entry["existing_id"]:
                columns.pop("college_id", None)  # part of the key; the record stays in its college
                names = list(columns)
                if names:
                    self.db.execute(f"UPDATE {self.kind} SET {', '.join(n + ' = ?' for n in names)} WHERE id = ?",
                                    [*columns.values(), entry["existing_id"]])
                self.report.updated += 1
            else:
                inserts.setdefault(tuple(columns), []).append(list(columns.values()))
                self.report.added += 1
            first, *others = entry["rows"]
            self.report.lines.append((first, outcome, ""))
            for row in others:
                self.report.lines.append((row, "updated", translate("Import", "the same record as row {row}").format(row=first)))
        for names, rows in inserts.items():
            self.db.conn.executemany(
                f"INSERT INTO {self.kind} ({', '.join(names)}) VALUES ({', '.join('?' * len(names))})", rows)


_TABLE_LABELS = {
    "colleges": lambda: translate("Records", "College"),
    "enterprises": lambda: translate("Records", "Enterprise"),
    "programmes": lambda: translate("Records", "Programme"),
}


# ---------------------------------------------------------------------------------------------
# Command line


def run_command(db: Database, args) -> int:
    """mentormatch import KIND FILE [--sheet NAME] [--on-duplicate update|skip] [--skip-errors]."""
    try:
        job = ImportJob.from_file(db, args.kind, args.file, args.sheet)
    except tabular.TableError as exc:
        print(exc, file=sys.stderr)
        return 2
    job.on_duplicate = args.on_duplicate
    job.validate()
    errors = job.errors()
    for text in errors:
        print(text, file=sys.stderr)
    if job.missing_fields() or (errors and not args.skip_errors):
        print(translate("Import", "Nothing was imported: {count} problems must be corrected first.").format(count=len(errors)), file=sys.stderr)
        return 1
    try:
        report = job.commit(skip_errors=args.skip_errors)
    except ImportRefused as exc:
        print(exc, file=sys.stderr)
        return 1
    for row, outcome, reason in report.lines:
        if outcome != "added":
            print(translate("Import", "row {row}: {outcome} {reason}").format(row=row, outcome=outcome_label(outcome), reason=reason).rstrip())
    for text in report.created:
        print(translate("Import", "created {what}").format(what=text))
    print(report.summary())
    return 0

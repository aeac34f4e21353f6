"""Cell values as Excel and WPS deliver them: what Excel damaged is repaired where the value
survives (a whole float for a phone, a date serial, full-width digits) and refused with a clear
message where it is lost (an ID number in scientific notation, a leading 0 dropped); and the
words rosters use for genders, apprentice types and skill levels.
"""

from __future__ import annotations

import re
from collections import Counter
from datetime import date, datetime, timedelta
from decimal import Decimal

from mentormatch import records, validation
from mentormatch.i18n import translate
from mentormatch.import_columns import normalise_header
from mentormatch.validation import ValidationError

SCIENTIFIC = re.compile(r"^[+-]?\d+(\.\d+)?[eE][+-]?\d+$")


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
    if text.startswith("'"):
        return text[1:].lstrip()
    return value if text == value else text  # the cell's own string when nothing changed: not a copy per row


def _from_number(value: object, what: str) -> str:
    """An ID, phone or student number stored as a number: its digits, or ValidationError if Excel
    has already destroyed it (more than 15 digits, or a fraction)."""
    if isinstance(value, float) and not value.is_integer():
        raise ValidationError(translate("Import", "Excel turned this {what} into a number and damaged it ({value}); "
                                                  "format the column as text and type it again.").format(what=what, value=value))
    number = int(value)
    if abs(number) >= 10**15:
        raise ValidationError(translate("Import", "Excel turned this {what} into a number and its last digits became 0 ({value}); "
                                                  "format the column as text and type it again.").format(what=what, value=format(Decimal(number), ".5E")))  # a float cannot hold 400 digits
    return str(number)


def _scientific(text: str, what: str) -> None:
    if SCIENTIFIC.match(text):
        raise ValidationError(translate("Import", "Excel turned this {what} into a number and damaged it ({value}); "
                                                  "format the column as text and type it again.").format(what=what, value=text))


# The parsers below repair or refuse what Excel did to a cell; the records layer validates the value.


def parse_id_number(value: object) -> str:
    what = translate("Import", "ID number")
    text = _from_number(value, what) if isinstance(value, (int, float)) and not isinstance(value, bool) else cell_text(value, code=True)
    _scientific(text, what)
    if len(text) == 18 and text.isdigit() and text.endswith("000"):
        try:
            validation.id_number(text)
        except ValidationError:
            raise ValidationError(translate("Import", "Excel stored this ID number as a number and its last digits became 0 ({value}); "
                                                      "format the column as text and type it again.").format(value=text)) from None
    return text


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
    return text


def parse_code(value: object, what: str) -> str:
    """A student or employee number: text; a number only if Excel has not damaged it."""
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        return _from_number(value, what)
    text = cell_text(value, code=True)
    _scientific(text, what)
    return text


def parse_date(value: object) -> date | str:
    if isinstance(value, (int, float)) and not isinstance(value, bool) and 20000 < value < 80000:
        return date(1899, 12, 30) + timedelta(days=int(value))  # an Excel date serial shown as a number
    if isinstance(value, datetime):
        return value.date()
    return value if isinstance(value, date) else cell_text(value)


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



def parsers(kind: str, names) -> dict:
    """field -> a function turning a cell of the file into the field's value (ValidationError if it cannot)."""
    tables = {"gender": _choice_table("gender", GENDER_WORDS), "apprentice_kind": _choice_table("apprentice_kind", KIND_WORDS),
              "level": _choice_table("level", LEVEL_WORDS)}
    spec = records.KINDS[kind]
    result = {}
    for name in names:
        f = spec.field(name)
        if f.sensitive == "id":
            result[name] = parse_id_number
        elif f.sensitive == "phone":
            result[name] = parse_phone
        elif name in ("student_no", "employee_no"):
            what = translate("Records", f.label)
            result[name] = lambda v, what=what: parse_code(v, what)
        elif name == "credit_code":
            result[name] = lambda v: cell_text(v, code=True)
        elif f.kind == "date":
            result[name] = parse_date
        elif f.kind in ("int", "capacity"):
            result[name] = lambda v, m=f.maximum: parse_count(v, m)
        elif f.kind == "choice":
            result[name] = lambda v, t=tables[f.ref], r=f.ref: parse_choice(v, t, r)
        elif f.kind == "notes":
            result[name] = lambda v: str(v).strip()
        else:
            result[name] = cell_text
    return result


class ShortenedNumbers:
    """The rows whose student or employee number came as a number and is shorter than the others
    of its scope (the college or enterprise that numbers them — 2031 and 100234 are both whole at
    two enterprises): it has most likely lost its leading zeros in Excel. Rows are added one by one
    as they are read; rows() is known once all are."""

    def __init__(self):
        self._lengths: dict[object, Counter] = {}  # scope -> how many numbers of each length
        self._numbers: list[tuple[int, object, int]] = []  # (row, scope, length) of the numbers that came as numbers

    def add(self, row: int, scope: object, value: str | None, raw: object) -> None:
        """A row's number as read (value; None if it has none) from its cell (raw)."""
        if value is None:
            return
        self._lengths.setdefault(scope, Counter())[len(value)] += 1
        if isinstance(raw, (int, float)) and not isinstance(raw, bool):
            self._numbers.append((row, scope, len(value)))

    def rows(self) -> list[int]:
        usual = {scope: counts.most_common(1)[0][0] for scope, counts in self._lengths.items()}
        return [row for row, scope, length in self._numbers if length < usual[scope]]

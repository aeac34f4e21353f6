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
    if value.__class__ is not str:  # most cells are texts
        if isinstance(value, float) and value.is_integer():
            value = int(value)
        elif isinstance(value, datetime):
            value = value.date().isoformat() if value.time() == datetime.min.time() else value.isoformat(sep=" ")
    text = validation.clean_code(value) if code else validation.clean(value)
    if text.startswith("'"):
        return text[1:].lstrip()
    return value if text == value else text  # the cell's own string when nothing changed: not a copy per row


def _damaged(what: str, value: object) -> ValidationError:
    """The one refusal of an identifier Excel stored as a number and so lost digits of."""
    return ValidationError(translate("Import", "Excel stored this {what} as a number and lost digits of it ({value}); "
                                               "format the column as text and type it again.").format(what=what, value=value))


def _to_confirm(what: str, value: object) -> str:
    """The one warning of an identifier that passed through a number cell and may be whole."""
    return translate("Import", "This {what} may have been a number in Excel ({value}): its leading zeros or digits after "
                               "the 15th may be lost; please check it.").format(what=what, value=value)


def _is_number(value: object) -> bool:
    return isinstance(value, (int, float)) and not isinstance(value, bool)


def _from_number(value: object, what: str) -> str:
    """An ID, phone or student number stored as a number: its digits, or ValidationError if Excel
    has already destroyed it (more than 15 digits, or a fraction)."""
    if isinstance(value, float) and not value.is_integer():
        raise _damaged(what, value)
    number = int(value)
    if abs(number) >= 10**15:
        raise _damaged(what, format(Decimal(number), ".5E"))  # as Excel shows it; a float cannot hold 400 digits
    return str(number)


def _scientific(text: str, what: str) -> None:
    if SCIENTIFIC.match(text):
        raise _damaged(what, text)


# The parsers below repair or refuse what Excel did to a cell; the records layer validates the value.


def _ends_in_zeros(text: str) -> bool:
    """18 digits ending in 000: what Excel writes for an 18-digit number (it keeps 15)."""
    return len(text) == 18 and text.isdigit() and text.endswith("000")


def _identifier(value: object, what: str, check) -> str:
    """An ID number or credit code: refused if it came as a number or in scientific notation, or
    ends in the zeros Excel writes and fails its check (number_marks() looks at the column)."""
    text = _from_number(value, what) if _is_number(value) else cell_text(value, code=True)
    _scientific(text, what)
    if _ends_in_zeros(text):
        try:
            check(text)
        except ValidationError:
            raise _damaged(what, text) from None
    return text


def parse_id_number(value: object) -> str:
    return _identifier(value, translate("Import", "ID number"), validation.id_number)


def parse_credit_code(value: object) -> str:
    return _identifier(value, translate("Import", "credit code"), validation.credit_code)


def parse_phone(value: object) -> str:
    what = translate("Import", "phone number")
    if _is_number(value):
        text = _from_number(value, what)
        if not validation.MOBILE_RE.match(text):  # a landline's leading 0 is gone
            raise _damaged(what, text)
        return text
    text = cell_text(value, code=True)
    _scientific(text, what)
    return text


def parse_code(value: object, what: str) -> str:
    """A student or employee number: text; a number only if Excel has not damaged it."""
    if _is_number(value):
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
            result[name] = parse_credit_code
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


def number_marks(kind: str, mapping: list[str | None], rows: list[tuple[int, list]], value) -> list[tuple[int, str, str, bool]]:
    """What only a whole column shows of identifiers Excel stored as numbers, as (index of the row,
    field, message, refused): a student or employee number read from a number cell may have lost
    leading zeros (to confirm: 00012 typed as a number is 12). An ID number or credit code whose
    last three of 18 digits are 0 (one real number in 1,100) is refused where the column shows
    numbers (number cells, scientific notation, more such zeros), to confirm where it shows
    neither numbers nor text (a roster of a few rows), and taken where it shows text. value(i, field)
    is the value read from row i (None if none)."""
    spec = records.KINDS[kind]
    marks = []
    for column, name in enumerate(mapping):
        if name in ("student_no", "employee_no"):
            what = translate("Records", spec.field(name).label)
            marks += [(i, name, _to_confirm(what, value(i, name)), False) for i, (_, cells) in enumerate(rows)
                      if column < len(cells) and _is_number(cells[column]) and value(i, name) is not None]
        elif name == "credit_code" or (name and spec.field(name).sensitive == "id"):
            cells = [cells[column] if column < len(cells) else None for _, cells in rows]
            # only cells that may be marked are cleaned: ...000 or 5.00112E+17 (never written with full-width digits)
            texts = {i: cell_text(raw, code=True) for i, raw in enumerate(cells)
                     if isinstance(raw, str) and (raw.rstrip().endswith("000") or "E" in raw.upper())}
            zeros = [i for i, text in texts.items() if _ends_in_zeros(text)]
            if not zeros:
                continue
            long = sum(1 for i in range(len(rows)) if len(value(i, name) or "") == 18)  # the whole ones, and those ending in 000
            typed = (any(_is_number(raw) for raw in cells) or any(SCIENTIFIC.match(text) for text in texts.values())
                     or (len(zeros) > 1 and 4 * len(zeros) >= long))
            if not typed and long - len(zeros) >= 3:
                continue  # the column was typed as text: a real number that ends in 000
            what = translate("Import", "credit code" if name == "credit_code" else "ID number")
            marks += [(i, name, str(_damaged(what, texts[i])) if typed else _to_confirm(what, texts[i]), typed)
                      for i in zeros if value(i, name) is not None]
    return marks

"""Validation of single values: ID numbers, credit codes, phones, dates; and masking for display.

Each validator takes raw text and returns the normalised value, or raises ValidationError
with a message for the user. Empty optional values normalise to None. What is probably but not
surely wrong (an ID number's unknown birthplace) is a `Notice`: the records layer reports it with
the errors of a record, the form and the import preview show it as a warning, and saving goes on.
ID numbers and credit codes agree with python-stdnum (`stdnum.cn.ric`, `stdnum.cn.uscc`), whose
table of area codes tells the birthplaces.
"""

from __future__ import annotations

import re
from datetime import date
from operator import mul
from functools import lru_cache

from stdnum import numdb

from mentormatch.errors import UserError
from mentormatch.i18n import translate

# GB 11643: weights on the first 17 digits; remainder mod 11 indexes the check characters.
ID_WEIGHTS = (7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2)
ID_CHECK = "10X98765432"

# GB 32100: the 31-character alphabet (no I, O, Z, S, V) and the weights of the first 17.
USCC_ALPHABET = "0123456789ABCDEFGHJKLMNPQRTUWXY"
USCC_WEIGHTS = (1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28)

MOBILE_RE = re.compile(r"^1[3-9]\d{9}$")
# 转801, 分机 801, ext. 801 at the end of a landline number
EXTENSION_RE = re.compile(r"^(.*?)\s*(?:转|分机|ext\.?|x)\s*(\d{1,6})$", re.IGNORECASE)
DATE_RE = re.compile(r"(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})\s*[日号]?|(\d{4})(\d{2})(\d{2})")
# Full-width forms (U+FF01..U+FF5E) map to ASCII by a fixed offset; U+3000 is the ideographic space.
FULLWIDTH_ALL = {code: code - 0xFEE0 for code in range(0xFF01, 0xFF5F)} | {0x3000: 0x20}
# In free text only digits and letters are narrowed: 赵强（新） keeps its Chinese brackets.
FULLWIDTH_ALNUM = {code: FULLWIDTH_ALL[code] for code in FULLWIDTH_ALL if chr(FULLWIDTH_ALL[code]).isalnum()} | {0x3000: 0x20}
_FULLWIDTH = re.compile("[\u3000\uff01-\uff5e]")  # what FULLWIDTH_ALL narrows: found faster than translate() finds nothing


class ValidationError(UserError, ValueError):
    """A value the user must correct; str() is the message to show next to the field."""


class Notice(str):
    """A message about a value that is probably wrong but may be right: shown next to the field
    as a warning (in the import preview, a row with a warning), and saving goes on."""


def clean(value: object) -> str:
    """Trim and turn full-width letters, digits and spaces half-width."""
    if value is None:
        return ""
    text = str(value)
    return (text if text.isascii() or not _FULLWIDTH.search(text) else text.translate(FULLWIDTH_ALNUM)).strip()


def clean_code(value: object) -> str:
    """Like clean(), and full-width punctuation too: for numbers, codes and dates (１３８－…, ２０２６／７／１４)."""
    if value is None:
        return ""
    text = str(value)
    return (text if text.isascii() or not _FULLWIDTH.search(text) else text.translate(FULLWIDTH_ALL)).strip()


def _code_text(value: object) -> str:
    """A pasted code without the spaces and hyphens people group it with, upper-case."""
    text = clean_code(value).upper()
    return re.sub(r"[\s-]", "", text) if " " in text or "-" in text else text  # most are not grouped: a roster's 20,000


def id_number(value: object) -> str | None:
    """Validate a resident ID number (GB 11643), 18 or legacy 15 characters; lower-case x -> X."""
    text = _code_text(value)
    if not text:
        return None
    if len(text) == 15 and text.isdigit():
        birth = "19" + text[6:12]
    elif len(text) == 18 and text[:17].isdigit() and (text[17].isdigit() or text[17] == "X"):
        birth = text[6:14]
        total = sum(map(mul, map(int, text[:17]), ID_WEIGHTS))
        if ID_CHECK[total % 11] != text[17]:
            raise ValidationError(translate("Validation", "The ID number's check character is wrong; please check every digit."))
    else:
        raise ValidationError(translate("Validation", "An ID number has 18 characters: 17 digits and a digit or X."))
    try:
        born = date(int(birth[:4]), int(birth[4:6]), int(birth[6:8]))
    except ValueError:
        raise ValidationError(translate("Validation", "The ID number contains an impossible birth date.")) from None
    if born.year < 1900 or _after_today(born):
        raise ValidationError(translate("Validation", "The ID number contains an impossible birth date."))
    return text


_latest_today = date.min  # the last date.today(): 1 µs a call, for each of a roster's 200,000 IDs


def _after_today(day: date) -> bool:
    """day > date.today(), asked only of a day after the last today seen (the clock goes forward)."""
    global _latest_today
    if day <= _latest_today:
        return False
    _latest_today = date.today()
    return day > _latest_today


def id_gender(number: str) -> str:
    """"M" or "F" from a valid ID number: its sequence number is odd for men."""
    return "M" if int(number[16 if len(number) == 18 else 14]) % 2 else "F"


def id_birthplace(number: str) -> Notice | None:
    """A Notice when a valid ID number's first six digits are no county's area code in the years
    since its holder's birth: most likely a mistyped digit, but the table may lack a new code."""
    year = int(number[6:10]) if len(number) == 18 else 1900 + int(number[6:8])
    if _area_known(number[:6], year):
        return None
    return Notice(translate("Validation", "The first six digits ({area}) are not a known birthplace area code; "
                                          "please check them.").format(area=number[:6]))


@lru_cache(maxsize=None)
def _area_known(area: str, year: int) -> bool:
    """Whether stdnum's table of area codes has a county with this code from the year of birth on.
    Not only in the year of birth, as stdnum.cn.ric checks: the code is the registered address's
    when the number was issued (渝北区's 500112, from 1997, is on IDs of people born in 1960)."""
    counties = ",".join(props.get("county", "") for _, props in numdb.get("cn/loc").info(area)).split(",")
    for county in filter(None, counties):
        ended = re.match(r"\[\d*-(\d*)\]", county)  # [1997-2025]渝北区; no brackets: still in use
        if not ended or not ended[1] or int(ended[1]) >= year:
            return True
    return False


def credit_code(value: object) -> str | None:
    """Validate a unified social credit code (GB 32100)."""
    text = _code_text(value)
    if not text:
        return None
    if len(text) != 18 or any(c not in USCC_ALPHABET for c in text):
        raise ValidationError(
            translate("Validation", "A unified social credit code has 18 characters: digits and capital letters except I, O, Z, S, V.")
        )
    if not text[2:8].isdigit():
        raise ValidationError(translate("Validation", "The credit code's 3rd to 8th characters are the area code: six digits."))
    total = sum(USCC_ALPHABET.index(c) * w for c, w in zip(text[:17], USCC_WEIGHTS))
    if USCC_ALPHABET[(31 - total % 31) % 31] != text[17]:
        raise ValidationError(translate("Validation", "The credit code's check character is wrong; please check every character."))
    return text


def _national(text: str) -> str:
    """The digits of a phone number as dialled inside China: +86/0086 dropped, an area code's 0 put back."""
    digits = re.sub(r"\D", "", text)
    if text.lstrip().startswith("+86") or digits.startswith("0086") or (len(digits) == 13 and digits.startswith("861")):
        digits = digits[4:] if digits.startswith("0086") else digits[2:]
        if digits[:1] not in ("0", "1"):
            digits = "0" + digits
    return digits


def _landline(digits: str) -> str | None:
    """023-67571234 from 02367571234: 010 and 02x are three-digit area codes, the others four."""
    area = digits[:3] if digits[1:2] in ("1", "2") else digits[:4]
    local = digits[len(area):]
    if digits.startswith("0") and len(local) in (7, 8) and local[0] not in "01":
        return f"{area}-{local}"
    return None


def phone(value: object) -> str:
    """Validate a mobile (11 digits) or a landline number with its area code and perhaps an
    extension (023-6757 1234-801, (023)67571234 转801); returns 13812345678, 023-67571234 or
    023-67571234-801, '' when empty."""
    text = clean_code(value)
    if not text or MOBILE_RE.match(text):  # most of a roster's phones
        return text
    match = EXTENSION_RE.match(text)
    body, extension = (match[1], match[2]) if match else (text, "")
    if not re.fullmatch(r"\+?[\d\s()\-]+", body):
        raise ValidationError(translate("Validation", "Enter an 11-digit mobile number or a landline number with its area code, "
                                                      "e.g. 023-67571234."))
    digits = _national(body)
    head, dash, tail = body.rpartition("-")
    if not extension and dash and tail.strip().isdigit() and len(tail.strip()) <= 5 and not _landline(digits) and _landline(_national(head)):
        extension, digits = tail.strip(), _national(head)  # 023-6757 1234-801
    if digits.startswith("1"):
        if len(digits) != 11:
            raise ValidationError(translate("Validation", "A mobile number has 11 digits; this one has {n}.").format(n=len(digits)))
        if extension or not MOBILE_RE.match(digits):
            raise ValidationError(translate("Validation", "This is not a mobile number: mobile numbers begin with 13 to 19."))
        return digits
    if re.fullmatch(r"[48]00\d{7}", digits) and not extension:  # 400-823-5678, a company's service number
        return f"{digits[:3]}-{digits[3:6]}-{digits[6:]}"
    landline = _landline(digits)
    if landline:
        return landline + (f"-{extension}" if extension else "")
    if len(digits) in (7, 8) and not digits.startswith("0"):
        raise ValidationError(translate("Validation", "A landline number needs its area code, e.g. 023-67571234."))
    raise ValidationError(translate("Validation", "A landline number is an area code and 7 or 8 digits, e.g. 023-67571234."))


def iso_date(value: object) -> str | None:
    """Accept 2026-07-14, 2026/7/14, 2026.7.14, 2026年7月14日 (or 号) or 20260714; return ISO text."""
    if isinstance(value, date):
        return value.isoformat()[:10]
    text = clean_code(value)
    if not text:
        return None
    match = DATE_RE.fullmatch(text)
    if not match:
        raise ValidationError(translate("Validation", "Write the date as 2026-07-14."))
    try:
        return date(*(int(part) for part in match.groups() if part)).isoformat()
    except ValueError:
        raise ValidationError(translate("Validation", "This date does not exist.")) from None


def date_order(start: str | None, end: str | None) -> None:
    if start and end and end < start:
        raise ValidationError(translate("Validation", "The end date is before the start date."))


def required(value: object) -> str:
    text = clean(value)
    if not text:
        raise ValidationError(translate("Validation", "This field is required."))
    return text


def mask_id(value: str | None) -> str:
    """110105********002X: area code and the last four stay visible."""
    if not value:
        return ""
    if len(value) <= 10:
        return "*" * len(value)
    return value[:6] + "*" * (len(value) - 10) + value[-4:]


def mask_phone(value: str | None) -> str:
    """138****1234 for mobiles; a landline keeps its area code, last four and extension (023-****1234-801)."""
    if not value:
        return ""
    if MOBILE_RE.match(value):
        return value[:3] + "****" + value[-4:]
    landline = re.fullmatch(r"(0\d{2,3}-)(\d{7,8})(-\d{1,6})", value)
    if landline:
        area, number, extension = landline.groups()
        return area + "*" * (len(number) - 4) + number[-4:] + extension
    area, dash, number = value.rpartition("-") if value.count("-") == 1 else ("", "", value)
    if len(number) <= 4:
        return area + dash + "*" * len(number)
    return area + dash + "*" * (len(number) - 4) + number[-4:]

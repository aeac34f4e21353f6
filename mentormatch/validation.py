"""Validation of single values: ID numbers, credit codes, phones, dates; and masking for display.

Each validator takes raw text and returns the normalised value, or raises ValidationError
with a message for the user. Empty optional values normalise to None.
"""

from __future__ import annotations

import re
from datetime import date

from mentormatch.errors import UserError
from mentormatch.i18n import translate

# GB 11643: weights on the first 17 digits; remainder mod 11 indexes the check characters.
ID_WEIGHTS = (7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2)
ID_CHECK = "10X98765432"

# GB 32100: the 31-character alphabet (no I, O, Z, S, V) and the weights of the first 17.
USCC_ALPHABET = "0123456789ABCDEFGHJKLMNPQRTUWXY"
USCC_WEIGHTS = (1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28)

MOBILE_RE = re.compile(r"^1[3-9]\d{9}$")
# an extension needs a separator, so that a mobile number missing a digit is not taken for one
LANDLINE_RE = re.compile(r"^(\+?86[- ]?)?(0\d{2,3}[- ]?)?\d{7,8}([- ]\d{1,5})?$")
# Full-width forms (U+FF01..U+FF5E) map to ASCII by a fixed offset; U+3000 is the ideographic space.
FULLWIDTH_ALL = {code: code - 0xFEE0 for code in range(0xFF01, 0xFF5F)} | {0x3000: 0x20}
# In free text only digits and letters are narrowed: 赵强（新） keeps its Chinese brackets.
FULLWIDTH_ALNUM = {code: FULLWIDTH_ALL[code] for code in FULLWIDTH_ALL if chr(FULLWIDTH_ALL[code]).isalnum()} | {0x3000: 0x20}


class ValidationError(UserError, ValueError):
    """A value the user must correct; str() is the message to show next to the field."""



def clean(value: object) -> str:
    """Trim and turn full-width letters, digits and spaces half-width."""
    if value is None:
        return ""
    return str(value).translate(FULLWIDTH_ALNUM).strip()


def clean_code(value: object) -> str:
    """Like clean(), and full-width punctuation too: for numbers, codes and dates (１３８－…, ２０２６／７／１４)."""
    if value is None:
        return ""
    return str(value).translate(FULLWIDTH_ALL).strip()


def id_number(value: object) -> str | None:
    """Validate a resident ID number (GB 11643), 18 or legacy 15 characters; lower-case x -> X."""
    text = clean_code(value).upper()
    if not text:
        return None
    if len(text) == 15 and text.isdigit():
        birth = "19" + text[6:12]
    elif len(text) == 18 and text[:17].isdigit() and (text[17].isdigit() or text[17] == "X"):
        birth = text[6:14]
        total = sum(int(d) * w for d, w in zip(text[:17], ID_WEIGHTS))
        if ID_CHECK[total % 11] != text[17]:
            raise ValidationError(translate("Validation", "The ID number's check character is wrong; please check every digit."))
    else:
        raise ValidationError(translate("Validation", "An ID number has 18 characters: 17 digits and a digit or X."))
    try:
        born = date(int(birth[:4]), int(birth[4:6]), int(birth[6:8]))
    except ValueError:
        raise ValidationError(translate("Validation", "The ID number contains an impossible birth date.")) from None
    if born.year < 1900 or born > date.today():
        raise ValidationError(translate("Validation", "The ID number contains an impossible birth date."))
    return text


def credit_code(value: object) -> str | None:
    """Validate a unified social credit code (GB 32100)."""
    text = clean_code(value).upper()
    if not text:
        return None
    if len(text) != 18 or any(c not in USCC_ALPHABET for c in text):
        raise ValidationError(
            translate("Validation", "A unified social credit code has 18 characters: digits and capital letters except I, O, Z, S, V.")
        )
    total = sum(USCC_ALPHABET.index(c) * w for c, w in zip(text[:17], USCC_WEIGHTS))
    if USCC_ALPHABET[(31 - total % 31) % 31] != text[17]:
        raise ValidationError(translate("Validation", "The credit code's check character is wrong; please check every character."))
    return text


def phone(value: object) -> str:
    """Validate a mobile (11 digits) or landline number; returns '' when empty."""
    text = clean_code(value)
    if not text:
        return ""
    compact = re.sub(r"[\s-]", "", text)
    if compact.startswith("+86"):
        compact = compact[3:]
    if MOBILE_RE.match(compact):
        return compact
    if LANDLINE_RE.match(text):
        return text
    raise ValidationError(translate("Validation", "Enter an 11-digit mobile number or a landline number with its area code."))


def iso_date(value: object) -> str | None:
    """Accept 2026-07-14, 2026/7/14, 2026.7.14 or 2026年7月14日; return ISO text."""
    if isinstance(value, date):
        return value.isoformat()[:10]
    text = clean_code(value)
    if not text:
        return None
    match = re.fullmatch(r"(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})\s*日?", text)
    if not match:
        raise ValidationError(translate("Validation", "Write the date as 2026-07-14."))
    try:
        return date(*map(int, match.groups())).isoformat()
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
    """138****1234 for mobiles; a landline keeps its area code and last four (023-****1234)."""
    if not value:
        return ""
    if MOBILE_RE.match(value):
        return value[:3] + "****" + value[-4:]
    area, dash, number = value.rpartition("-") if value.count("-") == 1 else ("", "", value)
    if len(number) <= 4:
        return area + dash + "*" * len(number)
    return area + dash + "*" * (len(number) - 4) + number[-4:]

"""Single-value validators and masking."""

import pytest
from hypothesis import given
from hypothesis import strategies as st

from mentormatch import validation as v
from mentormatch.validation import ValidationError


def with_check(body: str) -> str:
    return body + v.ID_CHECK[sum(int(d) * w for d, w in zip(body, v.ID_WEIGHTS)) % 11]


def test_the_documented_id_number_is_valid_and_x_is_normalised():
    assert v.id_number("11010519491231002X") == "11010519491231002X"
    assert v.id_number(" 11010519491231002x ") == "11010519491231002X"
    assert v.id_number("１１０１０５１９４９１２３１００２Ｘ") == "11010519491231002X"  # full-width from a form
    assert v.id_number("") is None


@pytest.mark.parametrize(
    "text, message",
    [
        ("110105194912310021", "check character"),
        ("1101051949123100", "18 characters"),
        ("1.10101E+17", "18 characters"),  # what Excel makes of an ID typed as a number
        (with_check("11010519491331002"), "birth date"),
        (with_check("11010520991231002"), "birth date"),
    ],
)
def test_bad_id_numbers_say_why(text, message):
    with pytest.raises(ValidationError, match=message):
        v.id_number(text)


def test_legacy_fifteen_digit_id_numbers_are_accepted():
    assert v.id_number("110105491231002") == "110105491231002"


@given(st.dates(min_value=__import__("datetime").date(1930, 1, 1), max_value=__import__("datetime").date(2015, 12, 31)),
       st.integers(0, 999), st.integers(0, 16), st.integers(1, 9))
def test_any_changed_digit_breaks_the_check(born, seq, position, delta):
    number = with_check(f"500112{born:%Y%m%d}{seq:03d}")
    assert v.id_number(number) == number
    digits = list(number)
    digits[position] = str((int(digits[position]) + delta) % 10)
    changed = "".join(digits)
    try:
        v.id_number(changed)
    except ValidationError:
        return
    pytest.fail(f"{changed} should fail")


def test_credit_codes():
    assert v.credit_code("91350100M000100Y43") == "91350100M000100Y43"
    assert v.credit_code("91350100m000100y43") == "91350100M000100Y43"
    assert v.credit_code("") is None
    with pytest.raises(ValidationError, match="check character"):
        v.credit_code("91350100M000100Y44")
    with pytest.raises(ValidationError, match="18 characters"):
        v.credit_code("91350100M000100I43")


def test_phones():
    assert v.phone("138 0013 8000") == "13800138000"
    assert v.phone("+86 13800138000") == "13800138000"
    assert v.phone("023-67591234") == "023-67591234"
    assert v.phone("") == ""
    with pytest.raises(ValidationError, match="11 digits; this one has 10"):
        v.phone("1380013800")
    with pytest.raises(ValidationError, match="11-digit"):
        v.phone("1.38001E+10")


@pytest.mark.parametrize("text", ["2026-07-14", "2026/7/14", "2026.7.14", "2026年7月14日", " 2026 年 7 月 14 日 "])
def test_dates_in_the_forms_coordinators_write(text):
    assert v.iso_date(text) == "2026-07-14"


def test_bad_dates():
    assert v.iso_date("") is None
    with pytest.raises(ValidationError, match="2026-07-14"):
        v.iso_date("14/07/2026")
    with pytest.raises(ValidationError, match="does not exist"):
        v.iso_date("2026-02-30")
    with pytest.raises(ValidationError, match="before"):
        v.date_order("2026-07-14", "2026-01-13")
    v.date_order("2026-07-14", None)


def test_required():
    assert v.required(" 王劲松 ") == "王劲松"
    with pytest.raises(ValidationError, match="required"):
        v.required("　")  # an ideographic space only


def test_masking():
    assert v.mask_id("11010519491231002X") == "110105********002X"
    assert v.mask_id(None) == ""
    assert v.mask_phone("13812341234") == "138****1234"
    assert v.mask_phone("023-67591234") == "023-****1234"
    assert v.mask_phone("0838-2401234") == "0838-***1234"
    assert v.mask_phone("67591234") == "****1234"
    assert v.mask_phone("") == ""


def test_free_text_keeps_chinese_punctuation_but_narrows_digits_and_letters():
    assert v.clean(" 赵强（新）Ａ１　") == "赵强（新）A1"


def test_codes_and_dates_accept_full_width_punctuation():
    assert v.phone("１３８－１２３４－５６７８") == "13812345678"
    assert v.iso_date("２０２６／７／１４") == "2026-07-14"

"""The pinyin of names: what the record lists search and sort by.

Apprentices, mentors and enterprises keep it in their `name_pinyin` column (schema migration
MIGRATION_5), written with the name by records.Batch and the sample generators:

    "zeng1 xiao3 yan4\t zengxiaoyan zengxiaoy zengxyan zengxy zxiaoyan ... xiaoyan xiaoy xyan xy yan y"

- before the tab, the sort key: one syllable with its tone per character, so that ORDER BY gives
  pinyin order (syllable, then tone, then the next character; a shorter name first, as the tab
  sorts before the space);
- after it, the ways of typing the name or a tail of it: from each character on, each syllable
  in full or as its initial letter (for a long name, only all in full or all initials). A search
  term matches when it begins one of them: `name_pinyin LIKE '% term%'` finds "zxy",
  "zhaoxiaoyan", "zhaoxy" and "xiaoyan" in 赵晓燕, but not "aoxi".

A person's surname is read as a surname (曾 zēng, 单 shàn, 解 xiè, 仇 qiú …, 尉迟 yùchí); other
text by words (重庆长安 chóngqìng cháng'ān), as pypinyin reads it. pypinyin is imported on first
use (to write a name or sort other text): it takes 0.1–0.4 s and about 50 MB, and opening a
window or searching needs none of it.
"""

from __future__ import annotations

import functools
import re

# surnames read otherwise than pypinyin reads the character alone
SURNAMES = {
    "曾": "zeng1", "单": "shan4", "解": "xie4", "仇": "qiu2", "区": "ou1", "查": "zha1", "朴": "piao2",
    "盖": "ge3", "缪": "miao4", "翟": "zhai2", "种": "chong2", "秘": "bi4", "燕": "yan1", "纪": "ji3",
    "覃": "qin2", "员": "yun4", "任": "ren2", "阚": "kan4", "句": "gou1", "宁": "ning4", "过": "guo1",
    "召": "shao4", "粘": "nian2", "佴": "nai4", "隗": "wei3", "洗": "xian3", "折": "she2", "薄": "bo2",
    "华": "hua4", "乐": "yue4", "繁": "po2", "卜": "bu3", "都": "du1", "祭": "zhai4", "重": "chong2",
    "那": "na1", "葛": "ge3",
    "尉迟": "yu4 chi2", "单于": "chan2 yu2", "万俟": "mo4 qi2", "澹台": "tan2 tai2", "令狐": "ling2 hu2",
    "诸葛": "zhu1 ge3",
}
ALL_MIXES_UP_TO = 4  # units of a name typed in every mix of full syllables and initials
_SYLLABLE = re.compile(r"([a-z]+)[1-5]")
_WORD = re.compile(r"[a-z0-9]+")
_HAN = re.compile(r"[\u3400-\u9fff]")
_TERM = re.compile(r"[a-z\u3400-\u9fff]+")


@functools.cache
def _pypinyin():
    import pypinyin
    import pypinyin.pinyin_dict

    return pypinyin


@functools.lru_cache(maxsize=8192)
def _read(text: str) -> tuple[str, ...]:
    """Syllables with tone numbers (neutral 5) for Chinese, lower-case words for the rest."""
    single = [_single(char) for char in text]
    if all(single):  # no word to find: a given name, mostly (ten times faster)
        return tuple(single)
    pp = _pypinyin()
    units = []
    for item in pp.lazy_pinyin(text, style=pp.Style.TONE3, neutral_tone_with_five=True):
        item = item.lower()
        units.extend([item] if _SYLLABLE.fullmatch(item) else _WORD.findall(item))
    return tuple(units)


@functools.cache
def _single(char: str) -> str:
    """The reading of a character that has only one, else ''."""
    pp = _pypinyin()
    readings = pp.pinyin_dict.pinyin_dict.get(ord(char), "")
    if not readings or "," in readings:
        return ""
    return pp.lazy_pinyin(char, style=pp.Style.TONE3, neutral_tone_with_five=True)[0]


def person(name: str) -> str:
    """name_pinyin of a person's name: the surname read as a surname."""
    name = name.strip()
    if not _HAN.match(name):  # Anna Li, ·
        return _stored(_read(name), all_mixes=True)
    surname = name[:2] if len(name) > 2 and name[:2] in SURNAMES else name[:1]
    head = SURNAMES[surname].split() if surname in SURNAMES else _read(surname)
    return _stored([*head, *_read(name[len(surname):])], all_mixes=True)


def phrase(text: str) -> str:
    """name_pinyin of an enterprise's name (or any text): read by words."""
    return _stored(_read(text), all_mixes=False)


# the record kinds with a name_pinyin column, and how their names are read
KINDS = {"apprentices": person, "mentors": person, "enterprises": phrase}


def sort_key(text: str) -> str:
    """The pinyin order of any text, read by words (as phrase() sorts it)."""
    return " ".join(_read(text))


def _typed(units) -> list[str]:
    """The syllables without their tones (other words as they are)."""
    return [u[:-1] if u[-1] in "12345" and u[:-1].isalpha() else u for u in units]


def _stored(units: tuple[str, ...] | list[str], all_mixes: bool) -> str:
    typed = _typed(units)
    forms: list[str] = []
    if all_mixes and len(typed) <= ALL_MIXES_UP_TO:
        tails = [""]
        for unit in reversed(typed):
            tails = [unit + t for t in tails] + ([unit[0] + t for t in tails] if len(unit) > 1 else [])
            forms += tails
    else:
        full = initials = ""
        for unit in reversed(typed):
            full, initials = unit + full, unit[0] + initials
            forms += [full, initials] if len(full) > len(initials) else [full]
    return " ".join(units) + "\t " + " ".join(forms)


def search_condition(term: str) -> tuple[str, list[str]] | None:
    """A condition on the columns name_pinyin and name for one search term typed in pinyin ("zxy",
    "zhaoxiaoyan"), maybe mixed with characters ("赵xy", "zhao晓yan"); None when the term has no
    latin letters, or has things no pinyin has (digits: a student number).

    Letters alone are looked up in the typed forms (LIKE). A term with characters needs the name
    to have them and matches() to place the term on the name; the connection needs register().
    """
    term = term.lower()
    if not re.search("[a-z]", term) or not _TERM.fullmatch(term):
        return None
    chars = _HAN.findall(term)
    if not chars:
        return "name_pinyin LIKE ?", [f"% {term}%"]
    return "(name LIKE ? AND pinyin_matches(?, name, name_pinyin))", ["%" + "%".join(chars) + "%", term]


def register(conn) -> None:
    """Give a connection the function search_condition() calls for terms with characters, and
    phrase_pinyin(text) for the small lists that keep no pinyin (programmes, trades, colleges)."""
    conn.create_function("pinyin_matches", 3, matches, deterministic=True)
    conn.create_function("phrase_pinyin", 1, phrase, deterministic=True)


def matches(term: str, name: str, stored: str) -> bool:
    """True when term, letters and characters, is typed from some character of the name on: each
    character as itself, its syllable in full or as its initial, the last one maybe half typed."""
    syllables = _typed(stored.partition("\t")[0].split())
    if len(syllables) != len(name):  # not one syllable per character (latin words): letters only find it
        return False
    units = list(zip(name, syllables))
    return any(_typed_from(term, units, start) for start in range(len(units)))


def _typed_from(term: str, units: list[tuple[str, str]], i: int) -> bool:
    if not term:
        return True
    if i == len(units):
        return False
    char, syllable = units[i]
    if term[0] == char:
        return _typed_from(term[1:], units, i + 1)
    if syllable.startswith(term):  # the last syllable, typed so far
        return True
    return ((term.startswith(syllable) and _typed_from(term[len(syllable):], units, i + 1))
            or (term[0] == syllable[0] and _typed_from(term[1:], units, i + 1)))

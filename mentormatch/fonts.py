"""Choosing a Simplified Chinese font for printed pages (letters, PDF rosters).

Qt falls back to a Japanese face (Noto Sans CJK JP) for Chinese text when no family is named,
which prints Japanese glyph shapes. Pages therefore always name a family from PREFERENCES that
is installed and covers Simplified Chinese:

    from mentormatch.fonts import chinese_font
    font = chinese_font(14)             # QFont, 14 pt, best installed family, SC fallbacks after it
    font = chinese_font(14, "KaiTi")    # the user's choice when it is installed

chinese_families() lists the installed candidates (for a font chooser). Both raise
UserError, whose message the user can read, when no Simplified Chinese font is installed.
Needs a QGuiApplication.
"""

from __future__ import annotations

import re

from PySide6.QtGui import QFont, QFontDatabase

from mentormatch.errors import UserError
from mentormatch.i18n import translate

# Formal documents prefer a Song (serif) face, then FangSong and Kai, then the sans faces.
# Windows names come in English and Chinese spellings depending on the system locale.
PREFERENCES = (
    "SimSun", "宋体", "NSimSun", "新宋体", "FangSong", "仿宋", "KaiTi", "楷体",
    "Noto Serif CJK SC", "Source Han Serif SC", "Source Han Serif CN", "Noto Serif SC", "Songti SC", "STSong",
    "AR PL UMing CN", "AR PL SungtiL GB",
    "Microsoft YaHei", "微软雅黑", "SimHei", "黑体", "DengXian", "等线",
    "Noto Sans CJK SC", "Source Han Sans SC", "Source Han Sans CN", "Noto Sans SC", "PingFang SC", "Heiti SC",
    "WenQuanYi Zen Hei", "WenQuanYi Micro Hei", "文泉驿正黑", "文泉驿微米黑", "AR PL UKai CN",
)

# Faces made for Japanese, Korean or Traditional Chinese print other glyph shapes.
_OTHER_LOCALE = re.compile(r"(\b(JP|KR|TC|HK|J|K)\b|Japan|Korea|Gothic|Mincho|Ming\b|Batang|Gulim|Meiryo)", re.IGNORECASE)


def chinese_families() -> list[str]:
    """The installed families of PREFERENCES that cover Simplified Chinese, best first."""
    installed = set(QFontDatabase.families(QFontDatabase.WritingSystem.SimplifiedChinese))
    found = [name for name in PREFERENCES if name in installed]
    return list(dict.fromkeys(found))


def chinese_family(preferred: str | None = None) -> str:
    """preferred if it is installed and Simplified Chinese, else the best installed family."""
    families = chinese_families()
    installed = set(QFontDatabase.families(QFontDatabase.WritingSystem.SimplifiedChinese))
    if preferred and preferred in installed and not _OTHER_LOCALE.search(preferred):
        return preferred
    if not families:
        raise UserError(
            translate(
                "Fonts",
                "No Simplified Chinese font is installed, so Chinese text would print as empty boxes. "
                "Install one (for example SimSun, Microsoft YaHei, or the Noto CJK fonts: fonts-noto-cjk) and try again.",
            )
        )
    return families[0]


def chinese_font(point_size: float, preferred: str | None = None, bold: bool = False) -> QFont:
    """A QFont in points whose family and fallbacks are all Simplified Chinese faces."""
    family = chinese_family(preferred)
    font = QFont()
    font.setFamilies([family, *(f for f in chinese_families() if f != family)])
    font.setPointSizeF(point_size)
    font.setBold(bold)
    return font

"""Choosing the interface language and installing Qt translators (ours and Qt's own)."""

from __future__ import annotations

import functools
import os

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QTranslator

from resources import RESOURCES

LANGUAGES = ("zh_CN", "en")
_installed: list[QTranslator] = []  # translators stop working when garbage-collected


def resolve_language(requested: str | None = None) -> str:
    """--lang, else MENTORMATCH_LANG, else the system locale; Chinese for any zh locale."""
    choice = requested or os.environ.get("MENTORMATCH_LANG") or QLocale.system().name()
    return "zh_CN" if choice.lower().startswith("zh") else "en"


def install_translators(language: str) -> None:
    """Install MentorMatch's and Qt's translations for language on the running application."""
    app = QCoreApplication.instance()
    for translator in _installed:
        app.removeTranslator(translator)
    _installed.clear()
    if language == "en":
        return
    # one .qm per area of the app (see scripts/translations.py), then Qt's own for standard dialogs
    files = [(qm.stem, str(qm.parent)) for qm in sorted((RESOURCES / "i18n").glob(f"*_{language}.qm"))]
    files.append((f"qtbase_{language}", QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)))
    for name, folder in files:
        translator = QTranslator()
        if translator.load(name, folder):
            app.installTranslator(translator)
            _installed.append(translator)
    QLocale.setDefault(QLocale(language))


def translate(context: str, text: str, n: int = -1) -> str:
    """Translate text; pyside6-lupdate collects every call of a function named translate."""
    return QCoreApplication.translate(context, text, None, n)


@functools.cache
def _translators(language: str) -> tuple[QTranslator, ...]:
    found = []
    for qm in sorted((RESOURCES / "i18n").glob(f"*_{language}.qm")):
        translator = QTranslator()
        if translator.load(qm.stem, str(qm.parent)):
            found.append(translator)
    return tuple(found)


def translate_in(language: str, context: str, text: str) -> str:
    """text as the interface in language shows it, whatever language is in use (a command-line
    option may name a column in either language)."""
    for translator in _translators(language) if language != "en" else ():
        found = translator.translate(context, text)
        if found:
            return found
    return text

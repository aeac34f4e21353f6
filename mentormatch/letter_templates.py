"""Letter templates: HTML files with named placeholders, rendered by Jinja2's sandbox with autoescape on.

Built-in templates live in resources/templates; the coordinator's copies and new templates live
in the user data folder (templates/), where a copy with a built-in's name takes its place.
A template's name is its file name without .html. Errors come as TemplateError, whose message
names the line, for example "Line 7: unexpected '}'".
"""

from __future__ import annotations

import functools
import re
from pathlib import Path

import jinja2
import jinja2.meta
import jinja2.sandbox
from PySide6.QtCore import QT_TRANSLATE_NOOP

from mentormatch import files
from mentormatch.errors import UserError
from mentormatch.i18n import translate
from resources import RESOURCES

BUILTIN_DIR = RESOURCES / "templates"
DEFAULT = "formal-zh"
_NAME_RE = re.compile(r"^[^\\/:*?\"<>|.][^\\/:*?\"<>|]{0,63}$")

# The placeholders a template may use, with what they hold (shown in the template editor).
PLACEHOLDERS = {
    "serial": QT_TRANSLATE_NOOP("Placeholders", "serial number of the letter, e.g. MM-2026-0001"),
    "name": QT_TRANSLATE_NOOP("Placeholders", "the mentor's name"),
    "honorific": QT_TRANSLATE_NOOP("Placeholders", "先生 or 女士 from the mentor's gender (empty if unknown)"),
    "honorific_en": QT_TRANSLATE_NOOP("Placeholders", "Mr or Ms from the mentor's gender (empty if unknown)"),
    "enterprise": QT_TRANSLATE_NOOP("Placeholders", "the mentor's enterprise, full name"),
    "enterprise_short": QT_TRANSLATE_NOOP("Placeholders", "the mentor's enterprise, short name"),
    "trade": QT_TRANSLATE_NOOP("Placeholders", "the mentor's trade in Chinese, e.g. 焊工"),
    "trade_en": QT_TRANSLATE_NOOP("Placeholders", "the mentor's trade in English"),
    "skill_level": QT_TRANSLATE_NOOP("Placeholders", "the mentor's skill level, e.g. 技师"),
    "job_title": QT_TRANSLATE_NOOP("Placeholders", "the mentor's job title, e.g. 班组长"),
    "programme": QT_TRANSLATE_NOOP("Placeholders", "the programme's name (empty if none)"),
    "colleges": QT_TRANSLATE_NOOP("Placeholders", "the programme's colleges, joined with 、"),
    "term_from": QT_TRANSLATE_NOOP("Placeholders", "start of the term, written 2026年7月14日"),
    "term_to": QT_TRANSLATE_NOOP("Placeholders", "end of the term, written 2027年1月13日"),
    "term_from_en": QT_TRANSLATE_NOOP("Placeholders", "start of the term, written 14 July 2026"),
    "term_to_en": QT_TRANSLATE_NOOP("Placeholders", "end of the term, written 13 January 2027"),
    "issue_date": QT_TRANSLATE_NOOP("Placeholders", "date of issue, written 2026年7月14日"),
    "issue_date_en": QT_TRANSLATE_NOOP("Placeholders", "date of issue, written 14 July 2026"),
    "issuers": QT_TRANSLATE_NOOP(
        "Placeholders",
        "list of issuing organisations; write each as <a name=\"seal\">{{ issuer }}</a> to stamp its seal over it",
    ),
    "signature_lines": QT_TRANSLATE_NOOP("Placeholders", "true when the letter options ask for signature lines"),
}


class TemplateError(UserError):
    """A template that cannot be used; str() names the line for the user."""

    def __init__(self, message: str, lineno: int | None = None):
        super().__init__(message)
        self.lineno = lineno


class _Refused(jinja2.sandbox.SecurityError):
    def __init__(self, attribute: str):
        super().__init__(attribute)
        self.attribute = attribute


class _Sandbox(jinja2.sandbox.ImmutableSandboxedEnvironment):
    """A template is a document the coordinator may have been sent: it reaches the placeholders'
    values and nothing behind them (no __class__, no functions' globals) and cannot change them."""

    def unsafe_undefined(self, obj, attribute):
        # the sandbox would return an Undefined, which ChainableUndefined prints as ''; refuse plainly
        raise _Refused(attribute)


_ENV = _Sandbox(autoescape=True, undefined=jinja2.ChainableUndefined, keep_trailing_newline=True)


def user_dir() -> Path:
    """Where the coordinator's templates are kept (created on first save)."""
    from platformdirs import user_data_path

    return user_data_path("MentorMatch", appauthor=False) / "templates"


def names() -> list[str]:
    """Every template name, built-in and the coordinator's, sorted, the default first."""
    found = {p.stem for p in BUILTIN_DIR.glob("*.html")}
    if user_dir().is_dir():
        found |= {p.stem for p in user_dir().glob("*.html")}
    return sorted(found, key=lambda n: (n != DEFAULT, n))


def is_builtin(name: str) -> bool:
    return (BUILTIN_DIR / f"{name}.html").is_file()


def has_user_copy(name: str) -> bool:
    return (user_dir() / f"{name}.html").is_file()


def source(name: str) -> str:
    """The text of template name: the coordinator's copy if there is one, else the built-in."""
    for folder in (user_dir(), BUILTIN_DIR):
        path = folder / f"{name}.html"
        if _NAME_RE.match(name) and path.is_file():
            try:
                return path.read_text(encoding="utf-8")
            except (OSError, UnicodeDecodeError) as exc:
                raise TemplateError(translate("Templates", "Cannot read the template {name}: {error}").format(name=name, error=exc)) from exc
    raise TemplateError(
        translate("Templates", "There is no template named {name}. Templates: {names}.").format(name=name, names=", ".join(names()))
    )


def title(text: str) -> str:
    """The <title> of a template's text, or ''."""
    match = re.search(r"<title>(.*?)</title>", text, re.IGNORECASE | re.DOTALL)
    return match.group(1).strip() if match else ""


def save(name: str, text: str) -> Path:
    """Check text and save it as the coordinator's template name; returns the file."""
    name = name.strip()
    if not _NAME_RE.match(name):
        raise TemplateError(
            translate("Templates", "A template name may not be empty, start with a dot, or contain \\ / : * ? \" < > |.")
        )
    compile_template(text)
    path = files.private_folder(user_dir()) / f"{name}.html"
    with files.written_in_place(path) as temp:
        temp.write_text(text, encoding="utf-8")
    return path


def delete_user_copy(name: str) -> None:
    """Remove the coordinator's copy (a built-in of the same name shows again)."""
    (user_dir() / f"{name}.html").unlink(missing_ok=True)


@functools.lru_cache(maxsize=32)
def compile_template(text: str) -> jinja2.Template:
    """Compile template text; TemplateError naming the line for a syntax error or unknown placeholder."""
    try:
        tree = _ENV.parse(text)
    except jinja2.TemplateSyntaxError as exc:
        raise TemplateError(
            translate("Templates", "Line {line}: {error}").format(line=exc.lineno, error=exc.message), exc.lineno
        ) from None
    unknown = sorted(jinja2.meta.find_undeclared_variables(tree) - PLACEHOLDERS.keys())
    if unknown:
        lineno = next((i for i, line in enumerate(text.splitlines(), 1) if re.search(rf"\b{re.escape(unknown[0])}\b", line)), None)
        raise TemplateError(
            translate("Templates", "Line {line}: unknown placeholder {name}. Known placeholders: {known}.").format(
                line=lineno, name=unknown[0], known=", ".join(PLACEHOLDERS)
            ),
            lineno,
        )
    return _ENV.from_string(text)


def render(text: str, context: dict) -> str:
    """Fill template text with context (values are escaped: a name with < & > prints literally)."""
    template = compile_template(text)
    try:
        return template.render(context)
    except _Refused as exc:
        lineno = _error_line(exc)
        raise TemplateError(translate("Templates", "Line {line}: a template may use only the placeholders and their values, "
                                                   "not {name}.").format(line=lineno, name=exc.attribute), lineno) from None
    except jinja2.TemplateError as exc:
        lineno = _error_line(exc)
        raise TemplateError(translate("Templates", "Line {line}: {error}").format(line=lineno, error=exc), lineno) from None
    except (TypeError, ValueError, AttributeError, ArithmeticError) as exc:
        lineno = _error_line(exc)
        raise TemplateError(translate("Templates", "Line {line}: {error}").format(line=lineno, error=exc), lineno) from None


def _error_line(exc: BaseException) -> int | None:
    """The template line of an error raised while rendering (Jinja names template frames <template>)."""
    lineno = None
    tb = exc.__traceback__
    while tb is not None:
        if tb.tb_frame.f_code.co_filename == "<template>":
            lineno = tb.tb_lineno
        tb = tb.tb_next
    return lineno

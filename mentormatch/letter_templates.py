"""Letter templates: HTML files with named placeholders, rendered by Jinja2's sandbox with autoescape on,
and pre-printed sheet layouts (套打, JSON files: see preprinted.py) whose fields hold placeholders too.

Built-in templates live in resources/templates; the coordinator's copies and new templates live
in the user data folder (templates/), where a copy with a built-in's name takes its place.
A template's name is its file name without .html or .json, as the coordinator typed it; built-in
ones show a translated label (display_name), and the command line takes either (resolve).
A template is for one kind of paper (letters.PAPERS: a letter of appointment or a completion
certificate), declared in it — <meta name="paper" content="certificate"> in an HTML template, a
"kind" key in a sheet layout (whose "paper" is its size) — and read by paper_of(); a template
without the declaration is a letter of appointment, as every template was before certificates. Errors come as TemplateError, whose message names
the line, for example "Line 7: unexpected '}'"; a block left open names the line that opened it.

A template written with the wording form (title, opening sentence, duties, closing, issuers) is
the fixed skeleton wording_html(form) filled with them; the form's values travel in its first
line, a Jinja comment, so that the form can open it again (form_of).
"""

from __future__ import annotations

import functools
import html
import json
import re
import unicodedata
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
CERTIFICATE_DEFAULT = "certificate-zh"  # the default of apprentices' completion certificates (letters.CERTIFICATE)
PAPER_KINDS = ("appointment", "certificate")  # the kinds of letters.PAPERS, the first the undeclared one's
SUFFIXES = (".html", ".json")  # an HTML letter, a pre-printed sheet layout
# What the built-in templates are called on screen and in the register (their files keep plain names).
BUILTIN_LABELS = {
    "formal-zh": QT_TRANSLATE_NOOP("Templates", "Formal letter (Chinese)"),
    "formal-en": QT_TRANSLATE_NOOP("Templates", "Formal letter (English)"),
    "bilingual": QT_TRANSLATE_NOOP("Templates", "Bilingual letter"),
    "preprinted-a4": QT_TRANSLATE_NOOP("Templates", "Pre-printed sheet, A4 landscape (套打)"),
    "certificate-zh": QT_TRANSLATE_NOOP("Templates", "Completion certificate (Chinese)"),
    "certificate-preprinted-a4": QT_TRANSLATE_NOOP("Templates", "Completion certificate, pre-printed sheet A4 landscape (套打)"),
}
_PAPER_META = re.compile(r"""<meta\s+name=["']paper["']\s+content=["'](\w+)["']\s*/?>""", re.IGNORECASE)
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
    "apprentices": QT_TRANSLATE_NOOP("Placeholders", "the mentor's apprentices in the programme (confirmed pairs), joined with 、"),
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

# The placeholders of an apprentice's completion certificate (letters.CERTIFICATE): no ID number, ever.
CERTIFICATE_PLACEHOLDERS = {
    "serial": QT_TRANSLATE_NOOP("Placeholders", "serial number of the certificate, e.g. JY-2026-0001"),
    "name": QT_TRANSLATE_NOOP("Placeholders", "the apprentice's name"),
    "college": QT_TRANSLATE_NOOP("Placeholders", "certificates: the apprentice's college"),
    "student_no": QT_TRANSLATE_NOOP("Placeholders", "certificates: the apprentice's student number"),
    "trade": QT_TRANSLATE_NOOP("Placeholders", "the apprentice's trade in Chinese, e.g. 焊工"),
    "programme": PLACEHOLDERS["programme"],
    "mentor": QT_TRANSLATE_NOOP("Placeholders", "certificates: the name of the apprentice's mentor"),
    "enterprise": PLACEHOLDERS["enterprise"],
    "enterprise_short": PLACEHOLDERS["enterprise_short"],
    "term_from": QT_TRANSLATE_NOOP("Placeholders", "start of the apprenticeship, written 2026年7月14日"),
    "term_to": QT_TRANSLATE_NOOP("Placeholders", "end of the apprenticeship, written 2027年1月13日"),
    "issue_date": PLACEHOLDERS["issue_date"],
    "issuers": PLACEHOLDERS["issuers"],
    "signature_lines": PLACEHOLDERS["signature_lines"],
}
# Every placeholder a template may name, letters' first (the template editor lists them).
ALL_PLACEHOLDERS = {**PLACEHOLDERS, **{k: v for k, v in CERTIFICATE_PLACEHOLDERS.items() if k not in PLACEHOLDERS}}

# Short names of the placeholders the wording form offers as buttons, the most used first.
PLACEHOLDER_LABELS = {
    "name": QT_TRANSLATE_NOOP("Placeholders", "Name"),
    "honorific": QT_TRANSLATE_NOOP("Placeholders", "先生/女士"),
    "programme": QT_TRANSLATE_NOOP("Placeholders", "Programme"),
    "trade": QT_TRANSLATE_NOOP("Placeholders", "Trade"),
    "enterprise": QT_TRANSLATE_NOOP("Placeholders", "Enterprise"),
    "term_from": QT_TRANSLATE_NOOP("Placeholders", "Term from"),
    "term_to": QT_TRANSLATE_NOOP("Placeholders", "Term to"),
    "issue_date": QT_TRANSLATE_NOOP("Placeholders", "Date of issue"),
    "serial": QT_TRANSLATE_NOOP("Placeholders", "Serial"),
    "enterprise_short": QT_TRANSLATE_NOOP("Placeholders", "Enterprise (short)"),
    "skill_level": QT_TRANSLATE_NOOP("Placeholders", "Skill level"),
    "job_title": QT_TRANSLATE_NOOP("Placeholders", "Job title"),
    "colleges": QT_TRANSLATE_NOOP("Placeholders", "Colleges"),
    "apprentices": QT_TRANSLATE_NOOP("Placeholders", "Apprentices"),
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


def names(paper: str | None = None) -> list[str]:
    """Every template name, built-in and the coordinator's, or those for one kind of paper: each
    paper's default first, then by the name shown (display_name) in pinyin order."""
    found = set()
    for folder in (BUILTIN_DIR, user_dir()):
        if folder.is_dir():
            found |= {p.stem for p in folder.iterdir() if p.suffix in SUFFIXES and _NAME_RE.match(p.stem)}
    kinds = {name: _paper_or_default(name) for name in found}
    defaults = (DEFAULT, CERTIFICATE_DEFAULT)
    from mentormatch import pinyin

    return sorted((name for name in found if paper is None or kinds[name] == paper),
                  key=lambda n: (PAPER_KINDS.index(kinds[n]), n not in defaults, pinyin.sort_key(display_name(n)), n))


def paper_of(name: str) -> str:
    """The kind of paper template name is for (a key of letters.PAPERS): as it declares, else
    appointment; TemplateError for a template that does not exist or cannot be read."""
    text = source(name)
    if is_sheet(name):
        try:
            declared = json.loads(text).get("kind")
        except (ValueError, AttributeError):
            declared = None  # a broken layout: checked_source says what is wrong
    else:
        match = _PAPER_META.search(text)
        declared = match.group(1).lower() if match else None
    return declared if declared in PAPER_KINDS else PAPER_KINDS[0]


def _paper_or_default(name: str) -> str:
    try:
        return paper_of(name)
    except TemplateError:  # unreadable now: listed with the letters, where using it says why it fails
        return PAPER_KINDS[0]


def with_paper(text: str, paper: str, sheet: bool) -> str:
    """Template text declaring paper, unless it declares a paper already (a copy keeps its kind)."""
    if sheet:
        try:
            data = json.loads(text)
        except ValueError:
            return text  # save() says what is wrong
        if not isinstance(data, dict) or "kind" in data:
            return text
        return json.dumps({"kind": paper, **data}, ensure_ascii=False, indent=1)
    if _PAPER_META.search(text):
        return text
    meta = f'<meta name="paper" content="{paper}">\n'
    head = re.search(r"<head[^>]*>\n?", text, re.IGNORECASE)
    if head:
        return text[:head.end()] + meta + text[head.end():]
    first_line = text.index("\n") + 1 if form_of(text) is not None else 0  # the form's comment stays first
    return text[:first_line] + meta + text[first_line:]


def resolve(name: str, paper: str) -> str:
    """The template the coordinator means by name, typed as its file name or as the window shows it
    (display_name, in either language; full- or half-width brackets alike); UserError listing the
    templates for paper when there is none."""
    def plain(text: str) -> str:
        return unicodedata.normalize("NFKC", text).strip().casefold()

    everything = names()
    wanted = plain(name)
    for match in ([n for n in everything if plain(n) == wanted],
                  [n for n in everything if wanted in (plain(display_name(n)), plain(BUILTIN_LABELS.get(n, n)))]):
        if match:
            return match[0]
    raise TemplateError(translate("Templates", "There is no template named {name}. The templates for this paper: {names}.").format(
        name=name, names="、".join(display_name(n) + (f"（{n}）" if display_name(n) != n else "") for n in names(paper))))


def display_name(name: str) -> str:
    """The name to show: a built-in template's label, else the name the coordinator gave it."""
    return translate("Templates", BUILTIN_LABELS[name]) if name in BUILTIN_LABELS else name


def _file(name: str) -> Path | None:
    """The file of template name: the coordinator's copy if there is one, else the built-in."""
    if not _NAME_RE.match(name):
        return None
    for folder in (user_dir(), BUILTIN_DIR):
        for suffix in SUFFIXES:
            if (folder / f"{name}{suffix}").is_file():
                return folder / f"{name}{suffix}"
    return None


def is_builtin(name: str) -> bool:
    return any((BUILTIN_DIR / f"{name}{suffix}").is_file() for suffix in SUFFIXES)


def has_user_copy(name: str) -> bool:
    return any((user_dir() / f"{name}{suffix}").is_file() for suffix in SUFFIXES)


def is_sheet(name: str) -> bool:
    """Whether template name is a pre-printed sheet layout (preprinted.py) rather than an HTML letter."""
    path = _file(name)
    return path is not None and path.suffix == ".json"


def source(name: str) -> str:
    """The text of template name: the coordinator's copy if there is one, else the built-in."""
    path = _file(name)
    if path is not None:
        try:
            return path.read_text(encoding="utf-8")
        except (OSError, UnicodeDecodeError) as exc:
            raise TemplateError(translate("Templates", "Cannot read the template {name}: {error}").format(name=name, error=exc)) from exc
    raise TemplateError(translate("Templates", "There is no template named {name}. Templates: {names}.").format(
        name=name, names=", ".join(names())))


def checked_source(name: str) -> str:
    """The text of template name, checked (TemplateError naming the line or the field)."""
    text = source(name)
    if is_sheet(name):
        from mentormatch import preprinted

        preprinted.parse(text)
    else:
        compile_template(text)
    return text


def title(text: str) -> str:
    """The <title> of a template's text, or ''."""
    match = re.search(r"<title>(.*?)</title>", text, re.IGNORECASE | re.DOTALL)
    return match.group(1).strip() if match else ""


def save(name: str, text: str, sheet: bool = False, paper: str = PAPER_KINDS[0]) -> Path:
    """Check text and save it as the coordinator's template name (a sheet layout when sheet), for
    paper unless the text declares its own (with_paper); returns the file."""
    name = name.strip()
    if not _NAME_RE.match(name):
        raise TemplateError(
            translate("Templates", "A template name may not be empty, start with a dot, or contain \\ / : * ? \" < > |.")
        )
    if sheet:
        from mentormatch import preprinted

        preprinted.parse(text)
    else:
        compile_template(text)
    text = with_paper(text, paper, sheet)
    suffix = ".json" if sheet else ".html"
    path = files.private_folder(user_dir()) / f"{name}{suffix}"
    with files.written_in_place(path) as temp:
        temp.write_text(text, encoding="utf-8")
    (user_dir() / f"{name}{'.html' if sheet else '.json'}").unlink(missing_ok=True)  # one template per name
    return path


def delete_user_copy(name: str) -> None:
    """Remove the coordinator's copy (a built-in of the same name shows again)."""
    for suffix in SUFFIXES:
        (user_dir() / f"{name}{suffix}").unlink(missing_ok=True)


@functools.lru_cache(maxsize=32)
def compile_template(text: str) -> jinja2.Template:
    """Compile template text; TemplateError naming the line for a syntax error or unknown placeholder."""
    try:
        tree = _ENV.parse(text)
    except jinja2.TemplateSyntaxError as exc:
        raise _syntax_error(text, exc) from None
    unknown = sorted(jinja2.meta.find_undeclared_variables(tree) - ALL_PLACEHOLDERS.keys())
    if unknown:
        lineno = next((i for i, line in enumerate(text.splitlines(), 1) if re.search(rf"\b{re.escape(unknown[0])}\b", line)), None)
        raise TemplateError(
            translate("Templates", "Line {line}: unknown placeholder {name}. Known placeholders: {known}.").format(
                line=lineno, name=unknown[0], known=", ".join(ALL_PLACEHOLDERS)
            ),
            lineno,
        )
    return _ENV.from_string(tree)  # the tree parsed above: parsed once (the editor compiles at each keystroke)


# Tags that open a block closed by end<tag> ({% set x %} … {% endset %} only without "=").
_BLOCK_TAGS = {"if", "for", "macro", "call", "filter", "block", "with", "autoescape", "set", "trans", "raw"}


def _open_blocks(text: str, upto: int | None = None) -> list[tuple[str, int]]:
    """The blocks still open at line upto (at the end when None): (tag, line that opened it), outermost first."""
    stack: list[tuple[str, int]] = []
    tokens = [t for t in _ENV.lex(text) if t[1] != "whitespace"]
    for i, (lineno, kind, value) in enumerate(tokens):
        if upto is not None and lineno >= upto:
            break
        if kind != "name" or i == 0 or tokens[i - 1][1] != "block_begin":
            continue
        if value in _BLOCK_TAGS:
            rest = next((j for j in range(i + 1, len(tokens)) if tokens[j][1] == "block_end"), len(tokens))
            if value != "set" or not any(t[1] == "operator" and t[2] == "=" for t in tokens[i + 1:rest]):
                stack.append((value, lineno))
        elif value.startswith("end") and stack and stack[-1][0] == value[3:]:
            stack.pop()
    return stack


def _syntax_error(text: str, exc: jinja2.TemplateSyntaxError) -> TemplateError:
    """A syntax error for the user: a block left open points at the line that opened it (Jinja names
    the end of the template); a closing tag without its block says which block is open instead."""
    try:
        if exc.message and exc.message.startswith("Unexpected end of template") and _open_blocks(text):
            tag, lineno = _open_blocks(text)[-1]
            return TemplateError(translate("Templates", "Line {line}: the block {opening} opened here is never closed. "
                                                        "Add {closing} where it should end.").format(
                line=lineno, opening=f"{{% {tag} %}}", closing=f"{{% end{tag} %}}"), lineno)
        unknown = re.match(r"Encountered unknown tag '(\w+)'", exc.message or "")
        if unknown:
            still_open = _open_blocks(text, exc.lineno)
            if still_open:
                tag, opened = still_open[-1]
                return TemplateError(translate("Templates", "Line {line}: {found} does not close the block {opening} "
                                                            "opened on line {opened}.").format(
                    line=exc.lineno, found=f"{{% {unknown.group(1)} %}}", opening=f"{{% {tag} %}}", opened=opened), exc.lineno)
            return TemplateError(translate("Templates", "Line {line}: {found} closes no block, or is not a tag templates "
                                                        "know.").format(line=exc.lineno, found=f"{{% {unknown.group(1)} %}}"),
                                 exc.lineno)
    except jinja2.TemplateSyntaxError:  # the lexer fails where the parser did: keep Jinja's own words
        pass
    return TemplateError(translate("Templates", "Line {line}: {error}").format(line=exc.lineno, error=exc.message), exc.lineno)


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


def render_text(text: str, context: dict) -> str:
    """Fill a plain-text piece (a sheet field) with context: as render(), without HTML escapes."""
    return html.unescape(render(text, context))


# --- the wording form -------------------------------------------------------------------------------

FORM_FIELDS = ("title", "opening", "duties", "closing", "issuers")
DEFAULT_FORM = {
    "title": "聘书",
    "opening": "兹聘请 {{ name }} 同志为“{{ programme }}”{{ trade }}企业导师。",
    "duties": "负责指导学徒的岗位技能训练，传授专业技艺。",
    "closing": "此聘",
    "issuers": "",  # one per line; empty: the letter's issuers (letter options, else the programme's)
}
_FORM_MARK = "{# mentormatch-form "
# The skeleton the form fills: the shape of the formal Chinese letter (resources/templates/formal-zh.html).
_SKELETON = """{mark}{form} #}}
<!DOCTYPE html>
<html>
<head>
<meta charset="utf-8">
<title>{title}</title>
</head>
<body style="font-size: 16pt;">
<p align="right" style="font-size: 12pt;">编号：{{{{ serial }}}}</p>
<p align="center" style="font-size: 42pt; font-weight: bold; color: #a0161b; margin-top: 18pt; margin-bottom: 30pt; letter-spacing: 36pt;">{title}</p>
<p style="line-height: 200%; text-indent: 32pt;">{opening}</p>
{duties}{{% if term_from and term_to %}}<p style="line-height: 200%; text-indent: 32pt;">聘期自 {{{{ term_from }}}} 至 {{{{ term_to }}}}。</p>
{{% endif %}}<p style="line-height: 200%; text-indent: 32pt">{closing}</p>
{issuers_and_date}</body>
</html>
"""


def wording_html(form: dict) -> str:
    """The template the wording form makes: the skeleton with the form's texts (placeholders kept,
    the rest escaped: the coordinator types words, not HTML), and the form itself in its first line."""
    values = {key: str(form.get(key, "")).strip() for key in FORM_FIELDS}
    text = {key: html.escape(value, quote=False) for key, value in values.items()}
    duties = "".join(f'<p style="line-height: 200%; text-indent: 32pt;">{line}</p>\n'
                     for line in text["duties"].splitlines() if line.strip())
    # "#}" would end the comment early; JSON reads the escape back
    stored = json.dumps(values, ensure_ascii=False).replace("#}", "#\\u007d")
    return _SKELETON.format(mark=_FORM_MARK, form=stored, title=text["title"], opening=text["opening"],
                            duties=duties, closing=text["closing"], issuers_and_date=_issuers_and_date())


def _issuers_and_date() -> str:
    """The issuers, their seals, the date and the signature lines exactly as the formal letter sets
    them (resources/templates/formal-zh.html): one layout for both, so the renderer finds its marks."""
    text = (BUILTIN_DIR / "formal-zh.html").read_text(encoding="utf-8")
    return text[text.index("{% set columns"):text.index("</body>")]


def form_of(text: str) -> dict | None:
    """The wording form a template was made with, or None for one written as HTML."""
    first = text.split("\n", 1)[0]
    if not first.startswith(_FORM_MARK) or not first.endswith("#}"):
        return None
    try:
        form = json.loads(first[len(_FORM_MARK):-2])
    except ValueError:
        return None
    return {key: str(form.get(key, "")) for key in FORM_FIELDS} if isinstance(form, dict) else None


def fixed_issuers(text: str) -> tuple[str, ...]:
    """The issuers a form-made template names itself (one per line), or () to take the letter's."""
    form = form_of(text)
    return tuple(line.strip() for line in form["issuers"].splitlines() if line.strip()) if form else ()

"""The command-line jobs: each runs without a window over the same core the window uses.

    mentormatch --db PATH sample                          fill an empty database with sample data
    mentormatch --db PATH match ...                       propose (and confirm) pairs
    mentormatch --db PATH letters OUT.pdf ...             issue and write letters of appointment
    mentormatch --db PATH certificates OUT.pdf ...        issue and write apprentices' completion certificates
    mentormatch --db PATH signin OUT.pdf ...              the ceremony's sign-in sheet
    mentormatch --db PATH import KIND FILE ...            import a roster
    mentormatch --db PATH export KIND OUT ...             export pairs, rosters, letters, the history (audit) or pairs' history
    mentormatch --db PATH backup [FILE]                   a backup now (see mentormatch/backup.py)
    mentormatch --db PATH restore FILE                    restore a backup, the current data saved first
    mentormatch --db PATH check                           integrity and foreign-key check

Each job is a function run_command(db, args) -> exit code in the module that owns the work; the
jobs on the database file itself (FILE_COMMANDS) are run_file_command(path, args) instead.
Exit status: 0 done, 2 a problem the message explains (a `UserError`), 3 someone else was
changing the data (`DataBusy`: nothing was written, run it again), 1 a bug (logged).
Opening the window is ui/app.py's job; this module never imports ui/.
"""

from __future__ import annotations

import argparse
import contextlib
import importlib
import os
import re
import sys
import unicodedata

from PySide6.QtCore import QT_TRANSLATE_NOOP

from mentormatch import __version__
from mentormatch.errors import DataBusy, UserError, log_unexpected, unexpected_message
from mentormatch.i18n import translate

# subcommand -> module with run_command(db, args)
COMMANDS = {
    "sample": "mentormatch.sample",
    "match": "mentormatch.matching",
    "letters": "mentormatch.letters",
    "certificates": "mentormatch.certificates",
    "signin": "mentormatch.signin",
    "import": "mentormatch.importer",
    "export": "mentormatch.exporter",
    "backup": "mentormatch.backup",
    "restore": "mentormatch.backup",
    "check": "mentormatch.backup",
}
# Jobs on the database file itself, which may be damaged: they open it (or not) themselves.
FILE_COMMANDS = {"backup", "restore", "check"}
# Jobs that only read the database, so they also run on a read-only file.
READ_ONLY_COMMANDS = {"export", "signin"}
# Jobs that draw pages (letters, PDF rosters) and so need Qt's GUI part; the others run without it.
DRAWING_COMMANDS = {"letters", "certificates", "export", "signin"}
# argparse's own words, as its gettext calls ask for them in Python 3.11 to 3.14, translated in the
# context "argparse" like every other string. Left out: those only a programmer's mistake shows
# (conflicting options, bad nargs) and those of argparse features not used here (FileType,
# deprecated=, subparser titles, ArgumentDefaultsHelpFormatter); tests/test_letters_cli.py checks
# the running Python's argparse asks for no other.
ARGPARSE_WORDS = (
    QT_TRANSLATE_NOOP("argparse", "usage: "),
    QT_TRANSLATE_NOOP("argparse", "positional arguments"),
    QT_TRANSLATE_NOOP("argparse", "options"),
    QT_TRANSLATE_NOOP("argparse", "%(heading)s:"),
    QT_TRANSLATE_NOOP("argparse", "show this help message and exit"),
    QT_TRANSLATE_NOOP("argparse", "%(prog)s: error: %(message)s\n"),
    QT_TRANSLATE_NOOP("argparse", "argument %(argument_name)s: %(message)s"),
    QT_TRANSLATE_NOOP("argparse", "the following arguments are required: %s"),
    QT_TRANSLATE_NOOP("argparse", "one of the arguments %s is required"),
    QT_TRANSLATE_NOOP("argparse", "unrecognized arguments: %s"),
    QT_TRANSLATE_NOOP("argparse", "not allowed with argument %s"),
    QT_TRANSLATE_NOOP("argparse", "ignored explicit argument %r"),
    QT_TRANSLATE_NOOP("argparse", "ambiguous option: %(option)s could match %(matches)s"),
    QT_TRANSLATE_NOOP("argparse", "expected one argument"),
    QT_TRANSLATE_NOOP("argparse", "expected at most one argument"),
    QT_TRANSLATE_NOOP("argparse", "expected at least one argument"),
    QT_TRANSLATE_NOOP("argparse", "expected %s argument"),
    QT_TRANSLATE_NOOP("argparse", "expected %s arguments"),
    QT_TRANSLATE_NOOP("argparse", "invalid %(type)s value: %(value)r"),
    QT_TRANSLATE_NOOP("argparse", "invalid choice: %(value)r (choose from %(choices)s)"),
    QT_TRANSLATE_NOOP("argparse", "invalid choice: %(value)r, maybe you meant %(closest)r? (choose from %(choices)s)"),
)


def build_parser() -> argparse.ArgumentParser:
    parser = _Parser(
        prog="mentormatch",
        description=translate("Cli", "MentorMatch: pair apprentices with enterprise mentors. Without a command, opens the window."),
    )
    parser.add_argument("--version", action="version", version=f"MentorMatch {__version__}",
                        help=translate("Cli", "show the version and exit"))
    parser.add_argument("--db", metavar="PATH", help=translate("Cli", "database file (default: MENTORMATCH_DB or the user data folder)"))
    parser.add_argument("--lang", choices=["zh_CN", "en"], help=translate("Cli", "interface language (default: the system's)"))
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")

    sub.add_parser("sample", help=translate("Cli", "fill an empty database with a realistic sample"))

    match = sub.add_parser("match", help=translate("Cli", "propose pairs of apprentices and mentors"))
    match.add_argument("--programme", metavar="NAME", help=translate("Cli", "only this programme"))
    match.add_argument("--allow-related", action="store_true", help=translate("Cli", "allow mentors of related trades"))
    match.add_argument("--rematch", action="store_true", help=translate("Cli", "let confirmed pairs that are not locked move too"))
    match.add_argument("--confirm", action="store_true", help=translate("Cli", "confirm the proposal instead of leaving a draft"))
    match.add_argument("--json", action="store_true", help=translate("Cli", "print every pair as JSON"))

    letters = sub.add_parser("letters", help=translate("Cli", "issue letters of appointment and write them as PDF"))
    letters.add_argument("out", metavar="OUT.pdf", nargs="?", help=translate("Cli", "the PDF to write (or --split DIR)"))
    letters.add_argument("--programme", metavar="NAME", help=translate(
        "Cli", "the mentors paired in this programme (default: the only programme; with several, in each one "
               "the mentors with confirmed pairs)"))
    letters.add_argument("--mentor", metavar="ID", action="append", help=translate(
        "Cli", "a mentor, by id or employee number (工号); id:N is an id only. For several, repeat it "
               "(--mentor 12 --mentor E445838) or separate them with commas (--mentor 12,E445838)"))
    letters.add_argument("--split", metavar="DIR", help=translate("Cli", "write one PDF per mentor into DIR instead"))
    letters.add_argument("--template", metavar="NAME", help=translate(
        "Cli", "template, by its name in the window or its file name (default: the formal Chinese letter)"))
    letters.add_argument("--date", metavar="YYYY-MM-DD", help=translate("Cli", "date of issue (default: today)"))
    letters.add_argument("--reissue", action="store_true", help=translate(
        "Cli", "mentors whose letter would change (another template, date or term) get a new number; the old letter "
               "is revoked"))

    certificates = sub.add_parser("certificates", help=translate(
        "Cli", "issue apprentices' completion certificates (结业证书) of a programme and write them as PDF"))
    certificates.add_argument("out", metavar="OUT.pdf", nargs="?", help=translate("Cli", "the PDF to write"))
    certificates.add_argument("--programme", metavar="NAME", help=translate(
        "Cli", "the programme whose apprentices with a confirmed pair get certificates (default: the only programme)"))
    certificates.add_argument("--split", metavar="DIR", help=translate("Cli", "write one PDF per apprentice into DIR instead"))
    certificates.add_argument("--template", metavar="NAME", help=translate(
        "Cli", "template, by its name in the window or its file name (default: the Chinese completion certificate)"))
    certificates.add_argument("--date", metavar="YYYY-MM-DD", help=translate("Cli", "date of issue (default: today)"))
    certificates.add_argument("--reissue", action="store_true", help=translate(
        "Cli", "apprentices whose certificate would change (another template, date or term) get a new number; the old "
               "certificate is revoked"))
    signin = sub.add_parser("signin", help=translate("Cli", "write the sign-in sheet of a programme's appointment ceremony as PDF"))
    signin.add_argument("out", metavar="OUT.pdf", help=translate("Cli", "the PDF to write"))
    signin.add_argument("--programme", metavar="NAME", help=translate("Cli", "the programme (default: the only programme)"))
    who = signin.add_mutually_exclusive_group()
    who.add_argument("--mentors", action="store_true", help=translate("Cli", "only the mentors (default: mentors and apprentices)"))
    who.add_argument("--apprentices", action="store_true", help=translate("Cli", "only the apprentices (default: mentors and apprentices)"))
    signin.add_argument("--title", metavar="TEXT", help=translate("Cli", "the title (default: <programme> appointment ceremony sign-in sheet)"))

    imp = sub.add_parser("import", help=translate("Cli", "import a roster from .xlsx or .csv"))
    imp.add_argument("kind", metavar="KIND", choices=["apprentices", "mentors", "enterprises"],
                     help=translate("Cli", "what the file holds: %(choices)s"))
    imp.add_argument("file", metavar="FILE", help=translate("Cli", "the roster (.xlsx or .csv)"))
    imp.add_argument("--sheet", metavar="NAME", help=translate("Cli", "sheet of the workbook (default: the first)"))
    imp.add_argument("--on-duplicate", choices=["update", "skip"], default="skip", help=translate("Cli", "existing records"))
    imp.add_argument("--skip-errors", action="store_true", help=translate("Cli", "import the good rows even if some have errors"))
    imp.add_argument("--map-trade", metavar="NAME=TRADE", action="append", help=translate(
        "Cli", "a major or trade of the file is this trade of the catalog (remembered as its alias); repeatable"))
    imp.add_argument("--create-trades", action="store_true", help=translate("Cli", "create the trades the catalog does not have"))
    imp.add_argument("--programme", metavar="NAME", help=translate(
        "Cli", "put the apprentices into this programme (rows with their own 项目 keep it)"))

    exp = sub.add_parser("export", help=translate("Cli", "export pairs, the apprentice or mentor roster, the register of letters or of certificates, "
                                                         "the history of changes or the history of pairs"))
    exp.add_argument("kind", metavar="KIND", choices=["pairs", "apprentices", "mentors", "letters", "certificates", "audit", "history"],
                     help=translate("Cli", "what to export: %(choices)s"))
    exp.add_argument("out", metavar="OUT", help=translate("Cli", "file ending in .xlsx, .csv or .pdf"))
    exp.add_argument("--programme", metavar="NAME", help=translate("Cli", "only this programme"))
    exp.add_argument("--columns", metavar="COLUMN,...", help=translate(
        "Cli", "only these columns, by key or header in English or Chinese (e.g. 学号,姓名,班级)"))
    exp.add_argument("--signature", action="store_true", help=translate("Cli", "a PDF roster ends with a column to sign in (签名)"))
    exp.add_argument("--full-personal-data", action="store_true", help=translate("Cli", "write ID numbers and phones unmasked"))

    backup = sub.add_parser("backup", help=translate("Cli", "write a backup of the database now"))
    backup.add_argument("file", metavar="FILE", nargs="?", help=translate("Cli", "where to write it (default: the backups folder beside the database)"))
    restore = sub.add_parser("restore", help=translate("Cli", "replace the data with a backup's (the current data is saved first)"))
    restore.add_argument("file", metavar="FILE", help=translate("Cli", "the backup to restore"))
    sub.add_parser("check", help=translate("Cli", "check the database file for damage and broken references"))
    return parser


class _HelpFormatter(argparse.HelpFormatter):
    """Help wrapped as a console shows it: a Chinese character takes two columns and a line may
    break between two of them (textwrap counts characters and breaks only at spaces), though
    not before a closing mark such as ，or ）."""

    _PIECES = re.compile(r"[\u2e80-\u9fff\uf900-\ufaff\ufe30-\ufe4f\uff00-\uffef]|[^\s\u2e80-\u9fff\uf900-\ufaff\ufe30-\ufe4f\uff00-\uffef]+|\s")

    def _split_lines(self, text: str, width: int) -> list[str]:
        lines, line, used = [], "", 0
        for piece in self._PIECES.findall(" ".join(text.split())):
            columns = sum(2 if unicodedata.east_asian_width(c) in "WF" else 1 for c in piece)
            if line and used + columns > width and not piece.isspace() and piece not in "，。、；：？！）》」』】":
                lines.append(line.rstrip())
                line, used = "", 0
            if line or not piece.isspace():
                line, used = line + piece, used + columns
        return lines + [line.rstrip()] if line else lines

    def _fill_text(self, text: str, width: int, indent: str) -> str:
        return "\n".join(indent + line for line in self._split_lines(text, width - len(indent)))

    def format_help(self) -> str:
        # Python before 3.13 adds a section heading's colon itself, untranslated (位置参数:)
        text = super().format_help()
        for heading in (translate("argparse", "positional arguments"), translate("argparse", "options")):
            text = text.replace(f"\n{heading}:\n", "\n" + translate("argparse", "%(heading)s:") % {"heading": heading} + "\n")
        return text


class _Parser(argparse.ArgumentParser):
    """The command line's parser, its subcommands' too (argparse makes them of the same class)."""

    def __init__(self, **kwargs):
        super().__init__(formatter_class=_HelpFormatter, **kwargs)


def wants_job(argv: list[str]) -> bool:
    """Whether the arguments ask for a command-line job (or help or the version) rather than the
    window: any word that is not an option's value, a command or not, since only the job's parser
    answers a mistyped command in the user's language."""
    previous = ""
    for argument in argv:
        if argument in ("-h", "--help", "--version") or (not argument.startswith("-") and previous not in ("--db", "--lang")):
            return True
        previous = argument
    return False


def main(argv: list[str] | None = None) -> int:
    """Run one job; whatever goes wrong ends in a sentence and an exit status, never a traceback."""
    argv = sys.argv[1:] if argv is None else argv
    try:
        return _run(argv)
    except DataBusy as exc:
        print(exc, file=sys.stderr)
        return 3
    except UserError as exc:
        print(exc, file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        return 130
    except Exception as exc:  # noqa: BLE001 — a bug: one sentence for the user, the traceback in the log
        print(unexpected_message(exc, log_unexpected(exc)), file=sys.stderr)
        return 1


def _run(argv: list[str]) -> int:
    # Jobs render pages (letters, PDF rosters) but need no screen; on a Linux server there is none.
    if sys.platform.startswith("linux") and not (os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY")):
        os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtCore import QCoreApplication

    from mentormatch.i18n import install_translators, resolve_language

    if QCoreApplication.instance() is None:  # alive until the job has ended
        if any(a in DRAWING_COMMANDS for a in argv):
            from PySide6.QtGui import QGuiApplication

            _app = QGuiApplication(["mentormatch"])
        else:  # no page to draw: no fonts or platform plugin, ~10 MB less for a 200,000-row import
            _app = QCoreApplication(["mentormatch"])
    install_translators(resolve_language(_lang_in(argv)))
    with _argparse_translated():
        parser = build_parser()
        args = parser.parse_args(argv)
        if args.command is None:
            parser.print_help()
            return 0
    return run_command(args)


@contextlib.contextmanager
def _argparse_translated():
    """argparse's gettext calls answered by translate("argparse", ...) while the command line is
    built and read: argparse looks `_` and `ngettext` up in its module at each message, and
    gettext itself reads .mo catalogues chosen by the environment, not by --lang."""
    saved = argparse._, argparse.ngettext
    argparse._ = lambda text: translate("argparse", text)
    argparse.ngettext = lambda singular, plural, n: translate("argparse", singular if n == 1 else plural)
    try:
        yield
    finally:
        argparse._, argparse.ngettext = saved


def _lang_in(argv: list[str]) -> str | None:
    for i, a in enumerate(argv):
        if a.startswith("--lang="):
            return a.split("=", 1)[1]
        if a == "--lang" and i + 1 < len(argv):
            return argv[i + 1]
    return None


def run_command(args: argparse.Namespace) -> int:
    from pathlib import Path

    from mentormatch.backup import open_for_job
    from mentormatch.store import default_path

    path = Path(args.db) if args.db else default_path()
    module = importlib.import_module(COMMANDS[args.command])
    if args.command in FILE_COMMANDS:
        return module.run_file_command(path, args)
    db = open_for_job(path, read_only_ok=args.command in READ_ONLY_COMMANDS)
    try:
        return module.run_command(db, args)
    finally:
        db.close()

"""The errors meant for the user, and the log that keeps the details of all the others.

A `UserError` says in the user's language what is wrong and where (file, row, field); the
window shows it in a message box and the command line prints it, both without a traceback.
Any other exception is a bug: the user gets one plain sentence and the traceback goes to the
log file, so that a windowed program on an office PC (no console) still leaves a trace.
"""

from __future__ import annotations

import re
import traceback
from datetime import datetime
from pathlib import Path

from mentormatch import __version__, files
from mentormatch.i18n import translate


class UserError(Exception):
    """An error whose message is written for the user; the base of every such error."""


class DataBusy(UserError):
    """Another program held the write lock longer than we wait (see store.writing): nothing was
    written and trying again later will do. Its own class because the command line ends it with
    its own exit status (3), so that a script can retry."""

    def __init__(self):
        super().__init__(translate("Errors", "Someone else is changing the data right now; please try again in a moment."))


def user_message(exc: BaseException) -> str | None:
    """The message to show for an expected error, or None for a bug."""
    if isinstance(exc, UserError):
        return str(exc)
    if isinstance(exc, OSError):  # a file the user chose cannot be written or read
        where = exc.filename or ""
        return translate("Errors", "{file}: {reason}").format(file=where, reason=exc.strerror or exc) if where else str(exc)
    return None


def error_log_path() -> Path:
    from platformdirs import user_log_path

    return user_log_path("MentorMatch", appauthor=False) / "errors.log"


# Whole runs of digits (\d is any script's digit: full-width ones too) shaped like an ID number
# (18 or 15), a mobile (11, maybe +86 and spaced 3-4-4) or a landline with its area code (a bare
# 7-8 digit number is not masked: serials and dates look the same).
_PERSONAL_RE = re.compile(r"(?<!\d)(?:\d{17}[\dXxＸｘ]|\d{15}|(?:\+?86[- ]?)?(?:\(\d{3,4}\) ?\d{7,8}|\d{3,4}[- ]?\d{3,4}[- ]?\d{4}))(?!\d)")


def mask_personal(text: str) -> str:
    """text with every ID-number-like and phone-like run masked by the rules of the screens."""
    from mentormatch.validation import MOBILE_RE, clean_code, mask_id, mask_phone  # validation imports this module

    def masked(match: re.Match) -> str:
        found = clean_code(match.group())
        if re.fullmatch(r"\d{17}[\dXx]|\d{15}", found):
            return mask_id(found)
        prefix, number = re.fullmatch(r"(\+?86[- ]?)?(.*)", found).groups()
        compact = re.sub(r"[-() ]", "", number)
        if MOBILE_RE.match(compact):
            return (prefix or "") + mask_phone(compact)
        if compact.startswith("0"):  # a landline with its area code
            return (prefix or "") + mask_phone(number)
        return match.group()

    return _PERSONAL_RE.sub(masked, text)


def log_unexpected(exc: BaseException) -> Path | None:
    """Append the traceback of an unexpected error to the log, ID numbers and phones masked;
    the log's path, or None if unwritable. The log is owner-only, even one an older version left."""
    log = error_log_path()
    try:
        files.private_folder(log.parent)
        with open(log, "a", encoding="utf-8", opener=files.private_opener) as fh:
            fh.write(f"--- {datetime.now().isoformat(timespec='seconds')} MentorMatch {__version__}\n")
            fh.write(mask_personal("".join(traceback.format_exception(type(exc), exc, exc.__traceback__))))
    except OSError:
        return None
    return log


def unexpected_message(exc: BaseException, log: Path | None) -> str:
    """One plain sentence about a bug, pointing at the log."""
    details = translate("Errors", "The details were written to {log}.").format(log=log) if log else ""
    return translate("Errors", "Something went wrong: {error}\n\nA change that did not finish was not saved; your other data "
                               "is safe. {details}").format(error=mask_personal(str(exc)) or type(exc).__name__, details=details).strip()

"""The errors meant for the user, and the log that keeps the details of all the others.

A `UserError` says in the user's language what is wrong and where (file, row, field); the
window shows it in a message box and the command line prints it, both without a traceback.
Any other exception is a bug: the user gets one plain sentence and the traceback goes to the
log file, so that a windowed program on an office PC (no console) still leaves a trace.
"""

from __future__ import annotations

import traceback
from datetime import datetime
from pathlib import Path

from mentormatch import __version__
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


def log_unexpected(exc: BaseException) -> Path | None:
    """Append the traceback of an unexpected error to the log; the log's path, or None if unwritable."""
    log = error_log_path()
    try:
        log.parent.mkdir(parents=True, exist_ok=True)
        with open(log, "a", encoding="utf-8") as fh:
            fh.write(f"--- {datetime.now().isoformat(timespec='seconds')} MentorMatch {__version__}\n")
            fh.write("".join(traceback.format_exception(type(exc), exc, exc.__traceback__)))
    except OSError:
        return None
    return log


def unexpected_message(exc: BaseException, log: Path | None) -> str:
    """One plain sentence about a bug, pointing at the log."""
    details = translate("Errors", "The details were written to {log}.").format(log=log) if log else ""
    return translate("Errors", "Something went wrong: {error}\n\nA change that did not finish was not saved; your other data "
                               "is safe. {details}").format(error=str(exc) or type(exc).__name__, details=details).strip()

"""Writing a file so that nobody ever finds it half-written.

Everything MentorMatch writes (exports, the import report, letters, copies of the database) is
first written to a hidden temporary file beside its target — the same folder, so the final
rename is atomic — and renamed into place only when complete. A failure leaves neither a half
file nor a damaged older one. The temporary file is created owner-only (mkstemp), as the
finished file stays: rosters and letters carry personal data.
"""

from __future__ import annotations

import contextlib
import os
import tempfile
from collections.abc import Iterator
from pathlib import Path

# Owner-only (Linux, macOS): the database, letters, exports and the log carry personal data, often
# of minors. On Windows these modes mean nothing; files inherit the ACL of the user's folders.
PRIVATE_FILE = 0o600
PRIVATE_FOLDER = 0o700


def private_folder(folder: str | Path) -> Path:
    """Create folder and its missing parents owner-only; a folder that exists is left as it is."""
    folder = Path(folder)
    for level in reversed([folder, *folder.parents]):
        if not level.is_dir():
            level.mkdir(PRIVATE_FOLDER, exist_ok=True)  # a file in the way raises FileExistsError
    return folder


def private_opener(path: str | Path, flags: int) -> int:
    """An opener for open(): the file is created owner-only, and made so if it exists.

    For files that are MentorMatch's alone (the log, a new database); a file the user chose and
    may share on purpose (an existing database) is not opened through this.
    """
    fd = os.open(path, flags, PRIVATE_FILE)
    if hasattr(os, "fchmod"):
        with contextlib.suppress(OSError):  # another user's file we may write: write it as it is
            os.fchmod(fd, PRIVATE_FILE)
    return fd


def temp_beside(target: str | Path) -> Path:
    """A new, empty, hidden temporary file in target's folder (.NAME…part)."""
    target = Path(target)
    handle, name = tempfile.mkstemp(prefix=f".{target.stem}.", suffix=target.suffix + ".part", dir=target.parent)
    os.close(handle)
    return Path(name)


def put_in_place(temp: Path, target: str | Path) -> Path:
    """Rename a finished temporary file over its target (atomic on the same file system)."""
    os.replace(temp, target)
    return Path(target)


@contextlib.contextmanager
def written_in_place(target: str | Path) -> Iterator[Path]:
    """A temporary file to write into; it replaces target when the block succeeds, else it goes."""
    temp = temp_beside(target)
    try:
        yield temp
        put_in_place(temp, target)
    finally:
        temp.unlink(missing_ok=True)

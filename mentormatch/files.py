"""Writing a file so that nobody ever finds it half-written.

Everything MentorMatch writes (exports, the import report, letters, copies of the database) is
first written to a hidden temporary file beside its target — the same folder, so the final
rename is atomic — and renamed into place only when complete. A failure leaves neither a half
file nor a damaged older one. The temporary file is created owner-only (mkstemp), as the
finished file stays: rosters and letters carry personal data.

A temporary file's name carries the id of the process writing it (.NAME.PID.XXXXXXXX.EXT.part), so
that the leftovers of a process that was killed are recognised and removed (remove_leftovers)
without touching a write still under way in another copy of the program.

Files that must appear together with a database commit (a batch of letters and the register)
are put in place by a Placement, which writes a journal beside the database first: after a kill,
the next opening either keeps them (the commit happened) or rolls them back.

crash_point() is the crash test's hook (tests/test_crash.py, scripts/crash_test.py): with
MENTORMATCH_CRASH_AT=NAME in the environment the process kills itself at the step of that name.
"""

from __future__ import annotations

import contextlib
import glob
import json
import os
import re
import secrets
import signal
import sys
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


CRASH_AT = "MENTORMATCH_CRASH_AT"
# .NAME.PID.XXXXXXXX.EXT.part as temp_beside makes them (mkstemp's 8 characters); nothing else
_OUR_TEMPORARY = re.compile(r"\..*\.(\d+)\.[a-z0-9_]{8}(\.[^.]*)?\.part")


def crash_point(name: str) -> None:
    """Die here, as a power cut or the task manager would, if MENTORMATCH_CRASH_AT names this step."""
    if os.environ.get(CRASH_AT) == name:
        os.kill(os.getpid(), getattr(signal, "SIGKILL", signal.SIGTERM))  # SIGTERM on Windows: TerminateProcess


def temp_beside(target: str | Path) -> Path:
    """A new, empty, hidden temporary file in target's folder (.NAME.PID.XXXXXXXX.EXT.part)."""
    target = Path(target)
    remove_leftovers(target.parent)  # a killed write's file goes when the next one comes
    handle, name = tempfile.mkstemp(prefix=f".{target.stem}.{os.getpid()}.", suffix=target.suffix + ".part",
                                    dir=target.parent)
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


def remove_leftovers(folder: str | Path) -> None:
    """Remove the temporary files that killed processes left in folder.

    Only names temp_beside makes, and only those of processes that have ended: a write under way
    (in this or another copy of MentorMatch) keeps its file."""
    try:
        entries = list(os.scandir(folder))
    except OSError:
        return  # a folder we cannot list holds nothing we wrote
    for entry in entries:
        match = _OUR_TEMPORARY.fullmatch(entry.name)
        if match is None or not entry.is_file(follow_symlinks=False) or _running(int(match[1])):
            continue
        with contextlib.suppress(OSError):  # gone meanwhile, or not ours to remove: leave it
            os.unlink(entry.path)


def _running(pid: int) -> bool:
    """Whether a process with this id is running on this computer (our own process included)."""
    if sys.platform == "win32":
        import ctypes

        kernel32 = ctypes.windll.kernel32
        handle = kernel32.OpenProcess(0x100000 | 0x1000, False, pid)  # SYNCHRONIZE | PROCESS_QUERY_LIMITED_INFORMATION
        if not handle:
            return ctypes.GetLastError() == 5  # access denied: it exists
        try:
            return kernel32.WaitForSingleObject(handle, 0) == 0x102  # WAIT_TIMEOUT: not ended yet
        finally:
            kernel32.CloseHandle(handle)
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True  # another user's process
    return True


class Placement:
    """Temporary files put over their targets as one step with a database commit.

        placement = Placement.start(moves, database_path, note)   # the journal is written
        with writing(db):
            ... write the rows ...
            placement.put(0); placement.put(1) ...                # every file in place before the commit
        placement.finish()                                        # after the commit; roll_back() if it failed

    The journal beside the database lists every move (and a note the caller checks the commit
    by) before the first rename; a file that is replaced is kept aside until finish(). After a
    kill, interrupted() finds the journal on the next opening, and the caller keeps the files
    (finish) if the commit happened, else roll_back() removes the new files and brings back the
    replaced ones. Without a database file (in memory) there is no journal.
    """

    def __init__(self, moves: list[tuple[Path, Path, bool]], note: dict, journal: Path | None):
        self.moves = [(Path(temp), Path(target), existed) for temp, target, existed in moves]  # existed: a file is replaced
        self.note, self.journal = note, journal

    @classmethod
    def start(cls, moves: list[tuple[Path, Path]], database: str | Path | None, note: dict) -> Placement:
        """Journal the moves (temporary, target) beside the database; nothing is renamed yet."""
        placement = cls([(temp, target, Path(target).exists()) for temp, target in moves], note, None)
        if database:
            database = Path(database)
            placement.journal = database.with_name(f".{database.name}.{os.getpid()}.{secrets.token_hex(4)}.journal")
            with written_in_place(placement.journal) as temp:
                temp.write_text(json.dumps({"note": note, "moves": [[str(t), str(target), existed]
                                                                    for t, target, existed in placement.moves]},
                                           ensure_ascii=False), encoding="utf-8")
        return placement

    @classmethod
    def interrupted(cls, database: str | Path) -> list[Placement]:
        """The placements that processes since ended (killed) left unfinished, read from their journals."""
        database = Path(database)
        found = []
        for journal in database.parent.glob(f".{glob.escape(database.name)}.*.journal"):
            pid = journal.name[len(database.name) + 2:].split(".")[0]
            if pid.isdigit() and not _running(int(pid)):
                try:
                    data = json.loads(journal.read_text(encoding="utf-8"))
                except (OSError, ValueError):
                    continue  # unreadable now: left for the next opening
                found.append(cls(data["moves"], data["note"], journal))
        return found

    @staticmethod
    def _kept(temp: Path) -> Path:
        return temp.with_suffix(".kept")  # .NAME.PID.XXXXXXXX.EXT.kept

    def put(self, index: int) -> Path:
        """Put one file in place, the file it replaces kept aside."""
        temp, target, existed = self.moves[index]
        if existed:
            os.replace(target, self._kept(temp))
        return put_in_place(temp, target)

    def finish(self) -> None:
        """The commit happened: drop the replaced files and the journal."""
        for temp, _, _ in self.moves:
            temp.unlink(missing_ok=True)
            self._kept(temp).unlink(missing_ok=True)
        self._forget()

    def roll_back(self) -> None:
        """The commit did not happen: remove the new files, bring back the ones they replaced."""
        for temp, target, existed in self.moves:
            kept = self._kept(temp)
            if kept.exists():
                os.replace(kept, target)
            elif not existed and not temp.exists():  # placed where there was no file
                target.unlink(missing_ok=True)
            temp.unlink(missing_ok=True)
        self._forget()

    def _forget(self) -> None:
        if self.journal is not None:
            self.journal.unlink(missing_ok=True)

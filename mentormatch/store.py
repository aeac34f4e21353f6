"""Opening, checking and migrating the MentorMatch database.

A file that is not ours, is damaged, or was written by a newer version is refused with a
UserError whose message a coordinator can read; such a file is opened read-only for the
checks and never modified. So is a path whose folder is missing or is a file. A file that
cannot be written (read-only file or folder) is opened read-only when the caller can work so,
else refused. Before migrating an existing file it is copied aside, once per upgrade.
"""

from __future__ import annotations

import contextlib
import functools
import os
import sqlite3
from collections.abc import Iterator
from datetime import datetime
from pathlib import Path

from sqlite_utils import Database

from mentormatch import files
from mentormatch.errors import DataBusy, UserError
from mentormatch.i18n import translate
from mentormatch.schema import APPLICATION_ID, CORE_TABLES, MIGRATIONS, SCHEMA_VERSION, SQL_FUNCTIONS

BUSY_TIMEOUT_MS = 5000
SQLITE_HEADER = b"SQLite format 3\x00"


class DamagedFileError(UserError):
    """A file of ours that is damaged; path lets the caller offer a backup in its place."""

    def __init__(self, message: str, path: Path):
        super().__init__(message)
        self.path = path


def default_path() -> Path:
    """MENTORMATCH_DB if set, else mentormatch.db in the user data folder (created on first use).

    A folder the user named (MENTORMATCH_DB, --db) is never created: a mistyped path gets a
    message instead of a new, empty database somewhere unexpected.
    """
    env = os.environ.get("MENTORMATCH_DB")
    if env:
        return Path(env)
    from platformdirs import user_data_path

    folder = user_data_path("MentorMatch", appauthor=False)
    try:
        files.private_folder(folder)
    except OSError as exc:
        raise UserError(translate("Store", "Cannot create the folder {folder}: {error}").format(folder=folder, error=exc)) from exc
    return folder / "mentormatch.db"


def open_database(path: str | Path, migrate: bool = True, read_only_ok: bool = False) -> Database:
    """Open (creating if missing) and migrate the database at path.

    Raises UserError for a foreign, damaged (DamagedFileError) or newer file and for a missing
    folder, leaving everything untouched. A file that cannot be written is opened read-only
    (see is_read_only) if read_only_ok, else refused.
    """
    path = Path(path)
    _check_folder(path)
    existing = path.exists() and path.stat().st_size > 0
    old_version = check_file(path) if existing else 0
    if not _writable(path):
        return _open_read_only(path, old_version, read_only_ok)
    try:
        if not existing:  # a new database is owner-only; its -wal and -shm take their mode from it (SQLite)
            open(path, "ab", opener=files.private_opener).close()
        conn = sqlite3.connect(str(path), timeout=BUSY_TIMEOUT_MS / 1000)
    except (OSError, sqlite3.Error) as exc:
        raise UserError(translate("Store", "Cannot open the database file {path}: {error}").format(path=path, error=exc)) from exc
    db = Database(conn)
    _configure(db)
    if migrate and old_version < SCHEMA_VERSION:
        copy = backup_copy(db, path, old_version) if existing else None
        try:
            _migrate(db, old_version)
        except BaseException:
            # The file is as it was: its copy is not needed, and a retry must not add another.
            if copy:
                copy.unlink(missing_ok=True)
            raise
    if migrate:  # finish what a killed process left: a letter batch's files, then temporary files
        interrupted = files.Placement.interrupted(path)
        if interrupted:  # the letters module (~50 ms to import) only when there is something to finish
            from mentormatch import letters

            letters.recover(db, interrupted)
        files.remove_leftovers(path.parent)
    return db


def is_read_only(db: Database) -> bool:
    """Whether db was opened read-only (a file or folder that cannot be written)."""
    return db.execute("PRAGMA query_only").fetchone()[0] == 1


def _check_folder(path: Path) -> None:
    """Raise UserError unless path's folder exists (a typo must not create a new database elsewhere)."""
    folder = path.parent
    if folder.is_dir():
        return
    blocking = next((p for p in (folder, *folder.parents) if p.exists()), None)
    if blocking is not None and not blocking.is_dir():
        raise UserError(translate("Store", "Cannot open {path}: {file} is a file, not a folder. Nothing was changed.").format(
            path=path, file=blocking))
    raise UserError(translate("Store", "Cannot open {path}: the folder {folder} does not exist. Check the path; "
                                       "nothing was created.").format(path=path, folder=folder))


def _writable(path: Path) -> bool:
    """Whether the file (if any) and its folder can be written, tried rather than read from permission
    bits (which miss Windows ACLs and root); neither is changed by trying."""
    try:
        if path.exists():
            with open(path, "r+b"):
                pass
        files.temp_beside(path).unlink()
    except OSError:
        return False
    return True


def _open_read_only(path: Path, version: int, read_only_ok: bool) -> Database:
    if version == 0:
        raise UserError(translate("Store", "Cannot create the database {path}: the file or its folder is read-only.").format(path=path))
    if not read_only_ok:
        raise UserError(translate("Store", "{path} is read-only (the file or its folder cannot be written) and this "
                                           "job would change it, so nothing was done.").format(path=path))
    if version < SCHEMA_VERSION:
        raise UserError(translate("Store", "{path} was written by an older version of MentorMatch and must be upgraded, "
                                           "but it is read-only. Copy it to a folder you can write to and open the copy. "
                                           "It was not changed.").format(path=path))
    conn = read_only_connection(path)
    conn.execute("PRAGMA query_only = 1")
    db = Database(conn)
    db.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
    db.execute("PRAGMA foreign_keys = ON")
    return db


def read_only_connection(path: Path) -> sqlite3.Connection:
    """A connection that cannot change path nor create files beside it.

    Without a -wal file beside it the file is complete: read it as immutable, so that a WAL-mode
    file needs no -wal/-shm files next to it (a read-only folder cannot have them).
    """
    wal = path.with_name(path.name + "-wal")
    uri = path.resolve().as_uri() + ("?mode=ro" if wal.exists() else "?mode=ro&immutable=1")
    try:
        return sqlite3.connect(uri, uri=True, timeout=BUSY_TIMEOUT_MS / 1000)
    except sqlite3.Error as exc:
        raise UserError(translate("Store", "Cannot open the database file {path}: {error}").format(path=path, error=exc)) from exc


def memory_database() -> Database:
    """A fresh, migrated in-memory database (tests, benchmarks)."""
    db = Database(memory=True)
    _configure(db)
    _migrate(db, 0)
    return db


def _configure(db: Database) -> None:
    db.conn.text_factory = stored_text
    db.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
    db.execute("PRAGMA foreign_keys = ON")
    if not db.memory:
        db.enable_wal()
    db.execute("PRAGMA synchronous = NORMAL")


def stored_text(data: bytes) -> str:
    """A text value as read from the database. One that another program wrote as bytes that are
    not UTF-8 is read with U+FFFD where it is damaged, instead of failing every list and export
    that reads its row; damaged_text() says where it is."""
    try:
        return data.decode()
    except UnicodeDecodeError:
        return data.decode(errors="replace")


def damaged_text(db: Database, tables: list[str] | None = None) -> list[tuple[str, int, str]]:
    """(table, row id, column) of every value in tables (default: all) that another program wrote
    as text that is not valid UTF-8, or as bytes (a blob: the schema keeps none)."""
    db.conn.create_function("mm_utf8", 1, _is_utf8, deterministic=True)
    found = []
    for table in tables or db.table_names():
        for column in (c.name for c in db[table].columns):
            found += [(table, row, column) for (row,) in db.execute(
                f"SELECT rowid FROM [{table}] WHERE typeof([{column}]) = 'blob'"
                f" OR typeof([{column}]) = 'text' AND NOT mm_utf8(CAST([{column}] AS BLOB))")]
    return found


def _is_utf8(data: bytes) -> bool:
    try:
        data.decode()
    except UnicodeDecodeError:
        return False
    return True


def check_file(path: Path) -> int:
    """Return the schema version of an existing file, or raise UserError (DamagedFileError). Read-only."""
    try:
        with open(path, "rb") as fh:
            header = fh.read(len(SQLITE_HEADER))
    except OSError as exc:
        raise UserError(translate("Store", "Cannot read the database file {path}: {error}").format(path=path, error=exc)) from exc
    if header != SQLITE_HEADER:
        raise UserError(
            translate("Store", "{path} is not a MentorMatch database (it is not an SQLite file). It was not changed.").format(path=path)
        )
    conn = read_only_connection(path)
    try:
        app_id = conn.execute("PRAGMA application_id").fetchone()[0]
        version = conn.execute("PRAGMA user_version").fetchone()[0]
        tables = {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
        if app_id != APPLICATION_ID:
            if not tables and version == 0:
                return 0  # an empty SQLite file: safe to make ours
            raise UserError(
                translate("Store", "{path} is not a MentorMatch database (it belongs to another program). It was not changed.").format(
                    path=path
                )
            )
        if version > SCHEMA_VERSION:
            raise UserError(
                translate("Store", 
                    "{path} was written by a newer version of MentorMatch (database version {found}, "
                    "this program knows up to {known}). Please update MentorMatch. The file was not changed."
                ).format(path=path, found=version, known=SCHEMA_VERSION)
            )
        if version < 1:  # ours, yet never written by a finished migration: no upgrade can start from it
            raise _damaged(path, translate("Store", "impossible database version {found}").format(found=version))
        check = conn.execute("PRAGMA quick_check").fetchone()[0]
        if check != "ok" or not CORE_TABLES <= tables:
            raise _damaged(path, check if check != "ok" else translate("Store", "tables are missing"))
        return version
    except sqlite3.DatabaseError as exc:
        raise _damaged(path, str(exc)) from exc
    finally:
        conn.close()


def _damaged(path: Path, detail: str) -> DamagedFileError:
    return DamagedFileError(
        translate("Store", "{path} is damaged ({detail}). It was not changed; restore a backup copy.").format(path=path, detail=detail),
        path)


def backup_copy(db: Database, path: Path, version: int) -> Path:
    """Copy the database aside before migrating it; returns the copy's path."""
    stamp = datetime.now().strftime("%Y%m%d-%H%M%S")
    target = path.with_name(f"{path.stem}.v{version}-{stamp}.bak{path.suffix}")
    save_copy(db, target)
    return target


def save_copy(db: Database, target: str | Path) -> None:
    """Write a consistent copy of the open database to target with SQLite's online backup API.

    The copy is written beside the target and renamed into place, so a failure leaves no half file.
    """
    try:
        with files.written_in_place(target) as partial:
            dest = sqlite3.connect(str(partial))
            try:
                db.conn.backup(dest)
            finally:
                dest.close()
    except (OSError, sqlite3.Error) as exc:
        raise UserError(
            translate("Store", "Cannot write the copy {path}: {error}").format(path=target, error=exc)
        ) from exc


def upgrade_copy(db: Database) -> None:
    """Bring a copy that passed check_file (a backup being restored) up to the current schema."""
    version = db.execute("PRAGMA user_version").fetchone()[0]
    if version < SCHEMA_VERSION:
        _migrate(db, version)


def _migrate(db: Database, from_version: int) -> None:
    """Apply the missing migrations in one exclusive transaction."""
    conn = db.conn
    for name, function in SQL_FUNCTIONS.items():
        conn.create_function(name, 1, function, deterministic=True)
    with db.ensure_autocommit_on():
        conn.execute("BEGIN EXCLUSIVE")
        try:
            for number in range(from_version, SCHEMA_VERSION):
                for statement in _statements(MIGRATIONS[number]):
                    conn.execute(statement)
            conn.execute(f"PRAGMA application_id = {APPLICATION_ID}")
            conn.execute(f"PRAGMA user_version = {SCHEMA_VERSION}")
            if from_version == 0:
                from mentormatch.catalog import seed_trades

                seed_trades(conn)
            conn.execute("COMMIT")
        except BaseException:
            conn.execute("ROLLBACK")
            raise


def _statements(script: str) -> list[str]:
    """Split a migration script into statements (executescript would commit on its own)."""
    statements, buffer = [], ""
    for line in script.splitlines(keepends=True):
        buffer += line
        if sqlite3.complete_statement(buffer):
            statements.append(buffer.strip())
            buffer = ""
    return [s for s in statements if s]


def now_iso() -> str:
    return datetime.now().isoformat(timespec="seconds")


# ---------------------------------------------------------------------------------------------
# writing: one writer at a time


@contextlib.contextmanager
def writing(db: Database) -> Iterator[Database]:
    """Run one read-then-write job as one transaction that holds the write lock from its start.

    sqlite-utils' atomic() begins a deferred transaction: a job reads, another program commits,
    and the job's first write then fails at once (a WAL snapshot cannot be upgraded, so SQLite
    does not wait) after it has decided on stale data. BEGIN IMMEDIATE takes the lock first,
    waiting up to BUSY_TIMEOUT_MS for another writer to finish. Inside an open transaction the
    block is a savepoint of it. A lock still held by someone else becomes DataBusy, nothing written.
    """
    try:
        if db.conn.in_transaction:
            with db.atomic():  # a savepoint
                yield db
            return
        db.conn.execute("BEGIN IMMEDIATE")
        try:
            yield db
            db.conn.execute("COMMIT")
        except BaseException:
            if db.conn.in_transaction:  # an error may already have ended it
                db.conn.execute("ROLLBACK")
            raise
    except sqlite3.OperationalError as exc:
        code = (getattr(exc, "sqlite_errorcode", None) or 0) & 0xFF  # none on an error Python raised itself
        if code == sqlite3.SQLITE_READONLY or "readonly" in str(exc):  # a read-only file or window (query_only)
            raise UserError(translate("Store", "This database is open read-only, so nothing can be changed. "
                                               "Ask for write access to the file or its folder, or work on a copy.")) from exc
        if code not in (sqlite3.SQLITE_BUSY, sqlite3.SQLITE_LOCKED):
            raise
        raise DataBusy() from exc


def writes(job):
    """A job `job(db, ...)` that reads, then writes: all of it runs in writing(db), so what it read
    is what it changes (its checks see the data no other program can change until it ends)."""
    @functools.wraps(job)
    def run(db: Database, *args, **kwargs):
        with writing(db):
            return job(db, *args, **kwargs)
    return run


def data_version(db: Database) -> int:
    """A number that changes whenever another connection commits (the window refreshes on it)."""
    return db.execute("PRAGMA data_version").fetchone()[0]

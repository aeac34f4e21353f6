"""Opening, checking and migrating the MentorMatch database.

A file that is not ours, is damaged, or was written by a newer version is refused with a
UserError whose message a coordinator can read; such a file is opened read-only for the
checks and never modified. Before migrating an existing file it is copied aside.
"""

from __future__ import annotations

import os
import sqlite3
from datetime import datetime
from pathlib import Path

from sqlite_utils import Database

from mentormatch import files
from mentormatch.errors import UserError
from mentormatch.i18n import translate
from mentormatch.schema import APPLICATION_ID, CORE_TABLES, MIGRATIONS, SCHEMA_VERSION

BUSY_TIMEOUT_MS = 5000
SQLITE_HEADER = b"SQLite format 3\x00"


def default_path() -> Path:
    """MENTORMATCH_DB if set, else mentormatch.db in the user data folder."""
    env = os.environ.get("MENTORMATCH_DB")
    if env:
        return Path(env)
    from platformdirs import user_data_path

    return user_data_path("MentorMatch", appauthor=False) / "mentormatch.db"


def open_database(path: str | Path, migrate: bool = True) -> Database:
    """Open (creating if missing) and migrate the database at path.

    Raises UserError for a foreign, damaged or newer file, leaving it untouched.
    """
    path = Path(path)
    existing = path.exists() and path.stat().st_size > 0
    old_version = _check_existing(path) if existing else 0
    if not existing:
        path.parent.mkdir(parents=True, exist_ok=True)
    try:
        conn = sqlite3.connect(str(path), timeout=BUSY_TIMEOUT_MS / 1000)
    except sqlite3.Error as exc:
        raise UserError(translate("Store", "Cannot open the database file {path}: {error}").format(path=path, error=exc)) from exc
    db = Database(conn)
    _configure(db)
    if migrate and old_version < SCHEMA_VERSION:
        if existing:
            backup_copy(db, path, old_version)
        _migrate(db, old_version)
    if migrate:  # finish what a killed process left: a letter batch's files, then temporary files
        from mentormatch import letters

        letters.recover(db)
        files.remove_leftovers(path.parent)
    return db


def memory_database() -> Database:
    """A fresh, migrated in-memory database (tests, benchmarks)."""
    db = Database(memory=True)
    _configure(db)
    _migrate(db, 0)
    return db


def _configure(db: Database) -> None:
    db.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
    db.execute("PRAGMA foreign_keys = ON")
    if not db.memory:
        db.enable_wal()
    db.execute("PRAGMA synchronous = NORMAL")


def _check_existing(path: Path) -> int:
    """Return the schema version of an existing file, or raise UserError. Read-only."""
    try:
        with open(path, "rb") as fh:
            header = fh.read(len(SQLITE_HEADER))
    except OSError as exc:
        raise UserError(translate("Store", "Cannot read the database file {path}: {error}").format(path=path, error=exc)) from exc
    if header != SQLITE_HEADER:
        raise UserError(
            translate("Store", "{path} is not a MentorMatch database (it is not an SQLite file). It was not changed.").format(path=path)
        )
    # Without a -wal file beside it the file is complete: read it as immutable, so that checking
    # a WAL-mode file creates no -wal/-shm files next to it either.
    wal = path.with_name(path.name + "-wal")
    uri = path.resolve().as_uri() + ("?mode=ro" if wal.exists() else "?mode=ro&immutable=1")
    try:
        conn = sqlite3.connect(uri, uri=True, timeout=BUSY_TIMEOUT_MS / 1000)
    except sqlite3.Error as exc:
        raise UserError(translate("Store", "Cannot open the database file {path}: {error}").format(path=path, error=exc)) from exc
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
        check = conn.execute("PRAGMA quick_check").fetchone()[0]
        if check != "ok" or (version >= 1 and not CORE_TABLES <= tables):
            raise UserError(
                translate("Store", "{path} is damaged ({detail}). It was not changed; restore a backup copy.").format(
                    path=path, detail=check if check != "ok" else translate("Store", "tables are missing")
                )
            )
        return version
    except sqlite3.DatabaseError as exc:
        raise UserError(
            translate("Store", "{path} is damaged ({detail}). It was not changed; restore a backup copy.").format(path=path, detail=exc)
        ) from exc
    finally:
        conn.close()


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


def _migrate(db: Database, from_version: int) -> None:
    """Apply the missing migrations in one exclusive transaction."""
    conn = db.conn
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

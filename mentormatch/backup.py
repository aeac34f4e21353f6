"""Backups of the database: automatic once a day, on demand, restore, and the integrity check.

Every backup is a consistent copy made with SQLite's online backup API (store.save_copy) in the
`backups` folder beside the database, named after the database and the time it was taken:

    backups/mentormatch-20260714-093000.db                  automatic, at most one a day (rotated: to_keep)
    backups/mentormatch-20260714-093000-manual.db           "Back up now" / `backup` (kept)
    backups/mentormatch-20260714-093000-before-restore.db   the data a restore replaced (kept)
    backups/mentormatch-20260714-093000-damaged.db          a damaged file moved aside (kept, never used)

    mentormatch --db PATH backup [FILE]     a backup now (into FILE, or the backups folder)
    mentormatch --db PATH restore FILE      FILE's data in place of the database's (the current data saved first)
    mentormatch --db PATH check             integrity and foreign-key check; exit 0 only when clean
"""

from __future__ import annotations

import os
import re
import sqlite3
import sys
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from sqlite_utils import Database

from mentormatch import audit, files, store
from mentormatch.errors import UserError
from mentormatch.i18n import translate
from mentormatch.store import DamagedFileError

AUTOMATIC, MANUAL, BEFORE_RESTORE, DAMAGED = "", "manual", "before-restore", "damaged"
STAMP = "%Y%m%d-%H%M%S"
# (how a backup's time is grouped, how many of the latest groups keep their newest backup)
KEEP: list[tuple[Callable[[datetime], object], int]] = [
    (lambda t: t.date(), 7),                # daily
    (lambda t: t.isocalendar()[:2], 4),     # weekly (ISO year and week)
    (lambda t: (t.year, t.month), 12),      # monthly
]


@dataclass(frozen=True)
class Backup:
    path: Path
    taken: datetime
    kind: str


def folder(db_path: str | Path) -> Path:
    return Path(db_path).parent / "backups"


def listing(db_path: str | Path) -> list[Backup]:
    """The backups of the database at db_path, newest first."""
    db_path = Path(db_path)
    pattern = re.compile(rf"{re.escape(db_path.stem)}-(\d{{8}}-\d{{6}})(?:-([a-z-]+))?{re.escape(db_path.suffix)}")
    found = []
    if folder(db_path).is_dir():
        for path in folder(db_path).iterdir():
            match = pattern.fullmatch(path.name)
            if match and (match[2] or AUTOMATIC) in (AUTOMATIC, MANUAL, BEFORE_RESTORE, DAMAGED):
                found.append(Backup(path, datetime.strptime(match[1], STAMP), match[2] or AUTOMATIC))
    return sorted(found, key=lambda b: b.taken, reverse=True)


def to_keep(times: list[datetime]) -> set[datetime]:
    """The rotation rule: the newest backup of each of the 7 latest days that have one, of each of
    the 4 latest weeks and of each of the 12 latest months. Counting periods that have a backup
    (not calendar days back from today) means a month without opening MentorMatch deletes nothing."""
    keep: set[datetime] = set()
    for period, count in KEEP:
        newest: dict[object, datetime] = {}
        for taken in sorted(times, reverse=True):
            if period(taken) not in newest and len(newest) < count:
                newest[period(taken)] = taken
        keep |= set(newest.values())
    return keep


def take(db: Database, db_path: str | Path, kind: str = MANUAL, now: datetime | None = None) -> Path:
    """A backup of the open database into the backups folder; returns its path."""
    db_path = Path(db_path)
    tail = f"-{kind}" if kind else ""
    target = folder(db_path) / f"{db_path.stem}-{(now or datetime.now()).strftime(STAMP)}{tail}{db_path.suffix}"
    try:
        files.private_folder(target.parent)
    except OSError as exc:
        raise UserError(translate("Backup", "Cannot create the backup folder {folder}: {error}").format(
            folder=target.parent, error=exc.strerror or exc)) from exc
    store.save_copy(db, target)
    return target


def daily(db: Database, db_path: str | Path, now: datetime | None = None) -> Path | None:
    """The automatic backup on opening: at most one a day, then the rotation. None if none was due."""
    now = now or datetime.now()
    if store.is_read_only(db):
        return None  # nothing can change, and the folder may not take a backup
    automatic = [b for b in listing(db_path) if b.kind == AUTOMATIC]
    if any(b.taken.date() == now.date() for b in automatic):
        return None
    path = take(db, db_path, AUTOMATIC, now)
    keep = to_keep([b.taken for b in automatic] + [now.replace(microsecond=0)])
    for old in automatic:
        if old.taken not in keep:
            old.path.unlink(missing_ok=True)
    return path


def newest_good(db_path: str | Path) -> Backup | None:
    """The newest backup that passes the checks of opening (a restore can use it; a damaged file moved
    aside never does)."""
    for candidate in listing(db_path):
        try:
            store.check_file(candidate.path)
        except UserError:
            continue
        return candidate
    return None


def restore_hint(db_path: str | Path) -> str:
    """For the command line: the newest good backup and the command that restores it."""
    good = newest_good(db_path)
    if good is None:
        return translate("Backup", "No good backup was found in {folder}.").format(folder=folder(db_path))
    return translate("Backup", "The newest good backup is {backup} ({taken}). To restore it (the damaged file is kept):\n"
                               "  mentormatch --db \"{path}\" restore \"{backup}\"").format(
        backup=good.path, taken=f"{good.taken:%Y-%m-%d %H:%M}", path=db_path)


def restore(db: Database, db_path: str | Path, source: str | Path) -> Path:
    """Put the data of the backup source into the open database; returns where the data it replaced was saved.

    Written through SQLite as one transaction, so a failure changes nothing and other windows on
    the same file see the restored data like any other change.
    """
    _refuse_itself(db_path, source)
    copy = _loaded(source)
    aside = take(db, db_path, BEFORE_RESTORE)
    try:
        audit.record_restore(copy, str(source), str(aside))  # into the data restored, so the history says so
        copy.conn.backup(db.conn)
    except sqlite3.Error as exc:
        raise UserError(translate("Backup", "Cannot restore {backup}: {error}. Nothing was changed.").format(
            backup=source, error=exc)) from exc
    finally:
        copy.close()
    return aside


def restore_file(db_path: str | Path, source: str | Path) -> Path | None:
    """Put the backup source in place of a database that cannot be opened (damaged) or is missing.

    The damaged file and its -wal/-shm files are moved into the backups folder, never deleted;
    returns where the damaged file went, or None if there was none.
    """
    db_path = Path(db_path)
    _refuse_itself(db_path, source)
    copy = _loaded(source)
    try:
        aside = None
        if db_path.exists():
            aside = folder(db_path) / f"{db_path.stem}-{datetime.now().strftime(STAMP)}-{DAMAGED}{db_path.suffix}"
            try:
                files.private_folder(aside.parent)
                for tail in ("", "-wal", "-shm"):  # a -wal left with the new file would be replayed into it
                    if db_path.with_name(db_path.name + tail).exists():
                        os.replace(db_path.with_name(db_path.name + tail), aside.with_name(aside.name + tail))
            except OSError as exc:
                raise UserError(translate("Backup", "Cannot move {path} aside: {error}. Nothing was restored.").format(
                    path=db_path, error=exc.strerror or exc)) from exc
        audit.record_restore(copy, str(source), str(aside) if aside else None)
        store.save_copy(copy, db_path)
    finally:
        copy.close()
    return aside


def _refuse_itself(db_path: str | Path, source: str | Path) -> None:
    if Path(source).resolve() == Path(db_path).resolve():
        raise UserError(translate("Backup", "{backup} is the database itself, not a backup of it.").format(backup=source))


def _loaded(source: str | Path) -> Database:
    """The backup source, checked like a database being opened, read into memory and upgraded to the
    current schema (a backup from before an upgrade works too)."""
    source = Path(source)
    if not source.is_file():
        raise UserError(translate("Backup", "The backup {backup} does not exist.").format(backup=source))
    store.check_file(source)
    conn = store.read_only_connection(source)
    copy = Database(memory=True)
    try:
        conn.backup(copy.conn)
    finally:
        conn.close()
    store.upgrade_copy(copy)
    return copy


def check(path: str | Path) -> list[str]:
    """The problems of the database file at path, each a readable paragraph; empty when clean.

    Runs SQLite's full integrity_check and foreign_key_check on a read-only connection.
    """
    path = Path(path)
    if not path.is_file():
        raise UserError(translate("Backup", "There is no database file at {path}.").format(path=path))
    problems = []
    try:
        store.check_file(path)
    except DamagedFileError as exc:
        problems.append(str(exc))
    conn = store.read_only_connection(path)
    try:
        found = [row[0] for row in conn.execute("PRAGMA integrity_check(100)")]
        if found != ["ok"]:
            problems.append(translate("Backup", "SQLite found damage in the file:") + "\n" + "\n".join(f"  {line}" for line in found))
        broken: dict[tuple[str, str], list[int]] = {}
        for table, rowid, parent, _ in conn.execute("PRAGMA foreign_key_check"):
            broken.setdefault((table, parent), []).append(rowid)
        for (table, parent), rowids in sorted(broken.items()):
            shown = ", ".join(str(r) for r in rowids[:20]) + (" …" if len(rowids) > 20 else "")
            problems.append(translate("Backup", "{count} rows of {table} refer to a record of {parent} that does not exist "
                                                "(row ids {rowids}).").format(count=len(rowids), table=table, parent=parent, rowids=shown))
    except sqlite3.DatabaseError as exc:
        problems.append(translate("Backup", "SQLite cannot read the file: {error}").format(error=exc))
    finally:
        conn.close()
    return problems


def open_for_job(path: str | Path, read_only_ok: bool = False) -> Database:
    """Open the database for a command-line job: a damaged file's message names the newest good
    backup and the command that restores it; then the day's automatic backup."""
    db = _opened(path, read_only_ok)
    try:
        daily(db, path)
    except UserError as exc:
        print(translate("Backup", "Warning: the automatic backup was not made. {problem}").format(problem=exc), file=sys.stderr)
    return db


def _opened(path: str | Path, read_only_ok: bool) -> Database:
    try:
        return store.open_database(path, read_only_ok=read_only_ok)
    except DamagedFileError as exc:
        raise UserError(f"{exc}\n{restore_hint(exc.path)}") from exc


def run_file_command(path: Path, args) -> int:
    """backup, restore and check: jobs on the database file itself, which may be damaged."""
    if args.command == "check":
        problems = check(path)
        if not problems:
            print(translate("Backup", "{path}: no damage found, and every reference points to an existing record.").format(path=path))
            return 0
        print(translate("Backup", "{path}: {count} problems found.").format(path=path, count=len(problems)))
        print("\n\n".join(problems))
        print(restore_hint(path))
        return 2
    if args.command == "restore":
        try:
            db = store.open_database(path)
        except DamagedFileError:
            aside = restore_file(path, args.file)
            print(translate("Backup", "Restored {path} from {backup}. The damaged file was kept as {aside}.").format(
                path=path, backup=args.file, aside=aside))
            return 0
        try:
            aside = restore(db, path, args.file)
        finally:
            db.close()
        print(translate("Backup", "Restored {path} from {backup}. The data it replaced was saved as {aside}.").format(
            path=path, backup=args.file, aside=aside))
        return 0
    db = _opened(path, read_only_ok=True)
    try:
        if args.file:
            _refuse_itself(path, args.file)
            store.save_copy(db, args.file)
            target = args.file
        else:
            target = take(db, path)
    finally:
        db.close()
    print(translate("Backup", "Backup written to {path}.").format(path=target))
    return 0

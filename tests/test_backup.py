"""Backups: the rotation rule, the automatic backup once a day, and backup / restore / check as a user runs them."""

import hashlib
import json
import sqlite3
from datetime import date, datetime, timedelta

import pytest
from test_cli import run

from mentormatch import backup, schema
from mentormatch.errors import UserError
from mentormatch.sample import fill_sample
from mentormatch.store import open_database


def digest(path):
    return hashlib.sha256(path.read_bytes()).hexdigest()


def count(path, table):
    conn = sqlite3.connect(path)
    try:
        return conn.execute(f"SELECT COUNT(*) FROM {table}").fetchone()[0]
    finally:
        conn.close()


def damage(path):
    data = bytearray(path.read_bytes())
    page = int.from_bytes(data[16:18], "big")
    for offset in range(page * 2, len(data) - page, page * 3):  # every third page from the third
        data[offset:offset + page] = bytes((i * 37 + 11) % 256 for i in range(page))
    path.write_bytes(bytes(data))


@pytest.fixture
def sample_file(tmp_path):
    path = tmp_path / "mentormatch.db"
    db = open_database(path)
    fill_sample(db)
    db.close()
    return path


# -- the rotation rule ------------------------------------------------------------------------

def days(first, last, hour=9):
    return [datetime.combine(first + timedelta(n), datetime.min.time()).replace(hour=hour) for n in range((last - first).days + 1)]


def test_rotation_keeps_7_daily_4_weekly_12_monthly():
    times = days(date(2025, 1, 1), date(2026, 7, 14))  # 2026-07-14 is a Tuesday
    kept = {t.date() for t in backup.to_keep(times)}
    daily = {date(2026, 7, d) for d in range(8, 15)}
    weekly = {date(2026, 7, 14), date(2026, 7, 12), date(2026, 7, 5), date(2026, 6, 28)}  # the Sundays end ISO weeks
    monthly = {date(2026, 7, 14), date(2026, 6, 30), date(2026, 5, 31), date(2026, 4, 30), date(2026, 3, 31), date(2026, 2, 28),
               date(2026, 1, 31), date(2025, 12, 31), date(2025, 11, 30), date(2025, 10, 31), date(2025, 9, 30), date(2025, 8, 31)}
    assert kept == daily | weekly | monthly
    assert len(kept) == 20


def test_rotation_keeps_the_newest_of_a_day_and_counts_only_days_with_a_backup():
    morning, evening = datetime(2026, 3, 2, 8, 0), datetime(2026, 3, 2, 18, 0)
    assert backup.to_keep([morning, evening]) == {evening}
    # one backup a month for a year, then a long holiday: nothing is deleted for want of recent days
    monthly = [datetime(2025, m, 15, 9) for m in range(1, 13)]
    assert backup.to_keep(monthly) == set(monthly)
    assert len(backup.to_keep([*monthly, datetime(2024, 12, 15, 9)])) == 12


# -- the automatic backup -------------------------------------------------------------------------

def test_the_automatic_backup_is_made_once_a_day_and_rotated(sample_file):
    db = open_database(sample_file)
    first = backup.daily(db, sample_file, now=datetime(2026, 7, 1, 8, 30))
    assert first is not None and first.parent == sample_file.parent / "backups"
    assert count(first, "apprentices") == 120
    assert backup.daily(db, sample_file, now=datetime(2026, 7, 1, 17, 0)) is None  # the same day: none
    manual = backup.take(db, sample_file, now=datetime(2026, 6, 1, 12, 0))
    times = [datetime(2026, 7, 1, 8, 30)]
    for n in range(1, 60):
        now = datetime(2026, 7, 1, 8, 30) + timedelta(days=n)
        times.append(now)
        assert backup.daily(db, sample_file, now=now) is not None
    db.close()
    automatic = {b.taken for b in backup.listing(sample_file) if b.kind == backup.AUTOMATIC}
    assert automatic == backup.to_keep(times)
    assert manual.exists()  # a backup the user asked for is never rotated away


def test_opening_for_a_job_backs_up_once_a_day(sample_file):
    assert run("--db", str(sample_file), "export", "pairs", str(sample_file.parent / "pairs.csv")).returncode == 0
    assert run("--db", str(sample_file), "match").returncode == 0
    assert [b.kind for b in backup.listing(sample_file)] == [backup.AUTOMATIC]


# -- backup, restore and check on the command line --------------------------------------------------

def test_backup_then_restore_saves_the_current_data_first(sample_file):
    made = run("--db", str(sample_file), "backup")
    assert made.returncode == 0, made.stderr
    manual = next(b for b in backup.listing(sample_file) if b.kind == backup.MANUAL)
    assert str(manual.path) in made.stdout
    db = open_database(sample_file)
    with db.atomic():
        db.execute("DELETE FROM pairs")
        db.execute("DELETE FROM apprentices WHERE id > 100")
    db.close()

    restored = run("--db", str(sample_file), "restore", str(manual.path))
    assert restored.returncode == 0, restored.stderr
    assert count(sample_file, "apprentices") == 120
    aside = next(b for b in backup.listing(sample_file) if b.kind == backup.BEFORE_RESTORE)
    assert count(aside.path, "apprentices") == 100  # the data the restore replaced
    assert str(aside.path) in restored.stdout
    assert run("--db", str(sample_file), "check").returncode == 0
    assert restores(sample_file) == [(manual.path.name, str(aside.path))]  # the history says who restored what


def restores(path):
    conn = sqlite3.connect(path)
    rows = [(summary, json.loads(details)["kept"][1]) for summary, details in conn.execute(
        "SELECT summary, details FROM audit WHERE action = 'restore'")]
    conn.close()
    return rows


def test_backup_into_a_chosen_file(sample_file, tmp_path):
    target = tmp_path / "U盘" / "副本.db"
    target.parent.mkdir()
    assert run("--db", str(sample_file), "backup", str(target)).returncode == 0
    assert count(target, "mentors") == 40
    itself = run("--db", str(sample_file), "backup", str(sample_file))
    assert itself.returncode == 2 and "the database itself" in itself.stderr


def test_restore_refuses_a_file_that_is_not_a_backup_and_changes_nothing(sample_file, tmp_path):
    other = tmp_path / "songs.db"
    conn = sqlite3.connect(other)
    conn.execute("CREATE TABLE songs (title TEXT)")
    conn.commit()
    conn.close()
    before = digest(sample_file)
    result = run("--db", str(sample_file), "restore", str(other))
    assert result.returncode == 2
    assert "not a MentorMatch database" in result.stderr and "Traceback" not in result.stderr
    missing = run("--db", str(sample_file), "restore", str(tmp_path / "nothing.db"))
    assert missing.returncode == 2 and "does not exist" in missing.stderr
    assert digest(sample_file) == before
    assert not [b for b in backup.listing(sample_file) if b.kind == backup.BEFORE_RESTORE]


def test_a_backup_from_an_older_version_is_upgraded_as_it_is_restored(tmp_path, old_sample):
    old = tmp_path / "old.db"
    old_sample(old, 1).close()
    current = tmp_path / "mentormatch.db"
    db = open_database(current)
    backup.restore(db, current, old)
    assert db.execute("PRAGMA user_version").fetchone()[0] == schema.SCHEMA_VERSION
    assert db.execute("SELECT COUNT(*) FROM apprentices").fetchone()[0] == 120
    db.close()
    assert backup.check(current) == []


def test_check_a_clean_file(sample_file):
    result = run("--db", str(sample_file), "check")
    assert result.returncode == 0
    assert "no damage found" in result.stdout


def test_check_a_damaged_file_gives_a_readable_report_and_a_non_zero_status(sample_file):
    assert run("--db", str(sample_file), "backup").returncode == 0
    damage(sample_file)
    before = digest(sample_file)
    result = run("--db", str(sample_file), "check")
    assert result.returncode == 2
    assert "damaged" in result.stdout and "Traceback" not in result.stdout + result.stderr
    assert "restore" in result.stdout
    chinese = run("--db", str(sample_file), "--lang", "zh_CN", "check")
    assert chinese.returncode == 2 and "损坏" in chinese.stdout
    assert digest(sample_file) == before


def test_check_reports_broken_references(sample_file):
    conn = sqlite3.connect(sample_file)
    conn.execute("PRAGMA foreign_keys = OFF")
    conn.execute("UPDATE mentors SET enterprise_id = 999 WHERE id IN (3, 4)")
    conn.commit()
    conn.close()
    result = run("--db", str(sample_file), "check")
    assert result.returncode == 2
    assert "2 rows of mentors refer to a record of enterprises that does not exist (row ids 3, 4)" in result.stdout


def test_a_damaged_file_names_the_newest_good_backup_and_its_restore_keeps_the_damaged_file(sample_file):
    assert run("--db", str(sample_file), "backup").returncode == 0
    newest = backup.listing(sample_file)[0]
    damage(sample_file)
    damaged = digest(sample_file)
    refused = run("--db", str(sample_file), "export", "pairs", str(sample_file.parent / "pairs.csv"))
    assert refused.returncode == 2 and "Traceback" not in refused.stderr
    assert "damaged" in refused.stderr and f'restore "{newest.path}"' in refused.stderr
    assert digest(sample_file) == damaged

    restored = run("--db", str(sample_file), "restore", str(newest.path))
    assert restored.returncode == 0, restored.stderr
    kept = next(b for b in backup.listing(sample_file) if b.kind == backup.DAMAGED)
    assert digest(kept.path) == damaged  # never deleted
    assert count(sample_file, "apprentices") == 120
    assert backup.newest_good(sample_file).kind != backup.DAMAGED
    assert restores(sample_file) == [(newest.path.name, str(kept.path))]


def test_newest_good_skips_backups_that_fail_the_checks(sample_file):
    db = open_database(sample_file)
    good = backup.take(db, sample_file, now=datetime(2026, 7, 1, 9, 0))
    bad = backup.take(db, sample_file, now=datetime(2026, 7, 2, 9, 0))
    db.close()
    bad.write_bytes(bad.read_bytes()[:8192])
    assert backup.newest_good(sample_file).path == good
    with pytest.raises(UserError, match="damaged"):
        backup.restore_file(sample_file, bad)


# -- odd files on the command line ----------------------------------------------------------------

def test_a_read_only_database_is_read_but_never_changed(sample_file, make_read_only):
    make_read_only(sample_file.parent)
    before = {p.name: digest(p) for p in sample_file.parent.iterdir()}
    refused = run("--db", str(sample_file), "match", "--confirm")
    assert refused.returncode == 2 and "read-only" in refused.stderr and "Traceback" not in refused.stderr
    assert run("--db", str(sample_file), "check").returncode == 0
    outside = sample_file.parent.parent / "pairs-from-read-only.csv"
    exported = run("--db", str(sample_file), "export", "mentors", str(outside))
    assert exported.returncode == 0, exported.stderr
    outside.unlink()
    assert {p.name: digest(p) for p in sample_file.parent.iterdir()} == before


def test_odd_paths_and_versions_get_a_message_on_the_command_line(sample_file, tmp_path):
    conn = sqlite3.connect(sample_file)
    conn.execute("PRAGMA user_version = -3")
    conn.close()
    before = digest(sample_file)
    for path, words in ((sample_file, "impossible database version -3"), (sample_file / "inner.db", "not a folder"),
                        (tmp_path / "typo" / "m.db", "does not exist")):
        result = run("--db", str(path), "sample")
        assert result.returncode == 2 and words in result.stderr and "Traceback" not in result.stderr
    assert digest(sample_file) == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["mentormatch.db"]

"""The store: migrations, pragmas, constraints, and refusal of files that are not ours, damaged or newer."""

import hashlib
import sqlite3

import pytest

from mentormatch import schema, store
from mentormatch.errors import UserError
from mentormatch.sample import fill_sample
from mentormatch.store import open_database


def digest(path):
    return hashlib.sha256(path.read_bytes()).hexdigest()


def folder_state(folder):
    return {p.name: digest(p) for p in folder.iterdir() if p.is_file()}


@pytest.fixture
def sample_file(tmp_path):
    path = tmp_path / "sample.db"
    db = open_database(path)
    fill_sample(db)
    db.close()
    return path


def test_new_file_is_migrated_and_marked_as_ours(db_path):
    conn = sqlite3.connect(db_path)
    assert conn.execute("PRAGMA user_version").fetchone()[0] == schema.SCHEMA_VERSION
    assert conn.execute("PRAGMA application_id").fetchone()[0] == schema.APPLICATION_ID
    tables = {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
    assert schema.CORE_TABLES <= tables
    conn.close()


def test_every_connection_has_foreign_keys_wal_and_busy_timeout(db_path):
    db = open_database(db_path)
    assert db.execute("PRAGMA foreign_keys").fetchone()[0] == 1
    assert db.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    assert db.execute("PRAGMA busy_timeout").fetchone()[0] == store.BUSY_TIMEOUT_MS
    db.close()


def test_trade_catalog_is_seeded_with_english_names(db):
    rows = db.execute("SELECT name_zh, name_en FROM trades").fetchall()
    assert len(rows) >= 15
    assert all(en for _, en in rows)
    welder = db.execute("SELECT t.name_zh FROM trade_aliases a JOIN trades t ON t.id = a.trade_id WHERE alias = '焊接技术应用'").fetchone()
    assert welder == ("焊工",)


def test_constraints_refuse_bad_rows(sample_db):
    db = sample_db
    with pytest.raises(sqlite3.IntegrityError):  # no such enterprise
        db.execute("INSERT INTO mentors (name, enterprise_id, trade_id) VALUES ('甲', 999, 1)")
    with pytest.raises(sqlite3.IntegrityError):  # skill levels are 1..5
        db.execute("INSERT INTO mentors (name, enterprise_id, trade_id, skill_level) VALUES ('甲', 1, 1, 6)")
    with pytest.raises(sqlite3.IntegrityError):  # the same student number twice in one college
        db.execute("INSERT INTO apprentices (student_no, name, college_id, trade_id) "
                   "SELECT student_no, 'x', college_id, trade_id FROM apprentices LIMIT 1")
    with pytest.raises(sqlite3.IntegrityError):  # an enterprise with mentors cannot vanish
        db.execute("DELETE FROM enterprises WHERE id = 1")
    with pytest.raises(sqlite3.IntegrityError):  # one active pair per apprentice and programme
        db.execute("INSERT INTO pairs (programme_id, apprentice_id, mentor_id, status, created_at) VALUES (1, 1, 1, 'confirmed', 'now')")
        db.execute("INSERT INTO pairs (programme_id, apprentice_id, mentor_id, status, created_at) VALUES (1, 1, 2, 'confirmed', 'now')")


def test_a_text_file_is_refused_unchanged(tmp_path):
    path = tmp_path / "notes.db"
    path.write_text("这不是数据库", encoding="utf-8")
    before = folder_state(tmp_path)
    with pytest.raises(UserError, match="not a MentorMatch database"):
        open_database(path)
    assert folder_state(tmp_path) == before


def test_another_programs_database_is_refused_unchanged(tmp_path):
    path = tmp_path / "other.db"
    conn = sqlite3.connect(path)
    conn.execute("CREATE TABLE songs (title TEXT)")
    conn.execute("INSERT INTO songs VALUES ('茉莉花')")
    conn.commit()
    conn.close()
    before = folder_state(tmp_path)
    with pytest.raises(UserError, match="another program"):
        open_database(path)
    assert folder_state(tmp_path) == before


def test_a_newer_file_is_refused_unchanged(sample_file):
    conn = sqlite3.connect(sample_file)
    conn.execute(f"PRAGMA user_version = {schema.SCHEMA_VERSION + 1}")
    conn.close()
    before = folder_state(sample_file.parent)
    with pytest.raises(UserError, match="newer version"):
        open_database(sample_file)
    assert folder_state(sample_file.parent) == before


def test_a_truncated_file_is_refused_unchanged(sample_file):
    data = sample_file.read_bytes()
    sample_file.write_bytes(data[: len(data) // 2])
    before = folder_state(sample_file.parent)
    with pytest.raises(UserError, match="damaged"):
        open_database(sample_file)
    assert folder_state(sample_file.parent) == before


def test_garbage_pages_are_refused_unchanged(sample_file):
    data = bytearray(sample_file.read_bytes())
    page = int.from_bytes(data[16:18], "big")
    for offset in range(page * 2, len(data) - page, page * 3):  # every third page from the third
        data[offset:offset + page] = bytes((i * 37 + 11) % 256 for i in range(page))
    sample_file.write_bytes(bytes(data))
    before = folder_state(sample_file.parent)
    with pytest.raises(UserError, match="damaged"):
        open_database(sample_file)
    assert folder_state(sample_file.parent) == before


def test_missing_tables_count_as_damage(sample_file):
    conn = sqlite3.connect(sample_file)
    conn.execute("PRAGMA foreign_keys = OFF")
    conn.execute("DROP TABLE pairs")
    conn.commit()
    conn.close()
    with pytest.raises(UserError, match="damaged"):
        open_database(sample_file)


def test_an_older_file_is_copied_aside_then_migrated(sample_file, monkeypatch):
    newer = [*schema.MIGRATIONS, "CREATE TABLE ratings (mentor_id INTEGER REFERENCES mentors(id), stars INTEGER);"]
    monkeypatch.setattr(store, "MIGRATIONS", newer)
    monkeypatch.setattr(store, "SCHEMA_VERSION", len(newer))
    db = open_database(sample_file)
    assert db.execute("PRAGMA user_version").fetchone()[0] == len(newer)
    assert "ratings" in db.table_names()
    db.close()
    backups = list(sample_file.parent.glob(f"sample.v{schema.SCHEMA_VERSION}-*.bak.db"))
    assert len(backups) == 1
    copy = sqlite3.connect(backups[0])
    assert copy.execute("PRAGMA user_version").fetchone()[0] == schema.SCHEMA_VERSION
    assert copy.execute("SELECT COUNT(*) FROM apprentices").fetchone()[0] == 120
    copy.close()


def test_re_match_markers_in_the_reason_become_end_codes(tmp_path, old_sample):
    """A file of the first release kept re-match markers as English sentences in end_reason."""
    path = tmp_path / "v1.db"
    db = old_sample(path, 1)
    with db.atomic():
        for apprentice, reason in ((1, "re-matched"), (2, "re-matched"), (3, "企业停产"), (4, "re-matched (draft under review)")):
            db.execute("INSERT INTO pairs (apprentice_id, mentor_id, status, created_at, ended_at, end_reason)"
                       " VALUES (?, 1, 'confirmed', '2026-07-01', '2026-09-01', ?)", [apprentice, reason])
    db.close()
    db = open_database(path)
    assert db.execute("SELECT end_code, end_reason, COUNT(*) FROM pairs WHERE ended_at IS NOT NULL GROUP BY 1, 2 ORDER BY 1").fetchall() == [
        (None, "企业停产", 1), ("rematch_pending", None, 1), ("rematched", None, 2)]
    db.close()


def test_a_failing_migration_changes_nothing(sample_file, monkeypatch):
    newer = [*schema.MIGRATIONS, "CREATE TABLE ratings (stars INTEGER);\nINSERT INTO no_such_table VALUES (1);"]
    monkeypatch.setattr(store, "MIGRATIONS", newer)
    monkeypatch.setattr(store, "SCHEMA_VERSION", len(newer))
    for _start in range(2):
        with pytest.raises(sqlite3.OperationalError):
            open_database(sample_file)
    assert not list(sample_file.parent.glob("*.bak*"))  # one copy per upgrade: none for one that did not happen
    conn = sqlite3.connect(sample_file)
    assert conn.execute("PRAGMA user_version").fetchone()[0] == schema.SCHEMA_VERSION
    assert "ratings" not in {r[0] for r in conn.execute("SELECT name FROM sqlite_master")}
    conn.close()


def test_an_empty_file_becomes_a_database(tmp_path):
    path = tmp_path / "empty.db"
    path.touch()
    db = open_database(path)
    assert db.execute("PRAGMA application_id").fetchone()[0] == schema.APPLICATION_ID
    db.close()


def test_default_path_follows_mentormatch_db(tmp_path, monkeypatch):
    monkeypatch.setenv("MENTORMATCH_DB", str(tmp_path / "chosen.db"))
    assert store.default_path() == tmp_path / "chosen.db"
    monkeypatch.delenv("MENTORMATCH_DB")
    assert store.default_path().name == "mentormatch.db"


@pytest.mark.parametrize("version", [-1, 0])
def test_our_file_with_an_impossible_version_is_refused_unchanged(sample_file, version):
    conn = sqlite3.connect(sample_file)
    conn.execute(f"PRAGMA user_version = {version}")
    conn.close()
    before = folder_state(sample_file.parent)
    for _start in range(2):  # every start: the same message, and no copy written
        with pytest.raises(store.DamagedFileError, match=f"damaged .*impossible database version {version}"):
            open_database(sample_file)
    assert folder_state(sample_file.parent) == before


def test_a_read_only_file_opens_read_only_on_request_and_stays_untouched(sample_file, make_read_only):
    make_read_only(sample_file)
    before = folder_state(sample_file.parent)
    with pytest.raises(UserError, match="read-only"):
        open_database(sample_file)
    db = open_database(sample_file, read_only_ok=True)
    assert store.is_read_only(db)
    assert db.execute("SELECT COUNT(*) FROM apprentices").fetchone()[0] == 120
    with pytest.raises(sqlite3.OperationalError, match="readonly"):
        db.execute("DELETE FROM pairs")
    with pytest.raises(UserError, match="open read-only, so nothing can be changed"):  # what a save in the window says
        with store.writing(db):
            db.execute("DELETE FROM pairs")
    db.close()
    assert folder_state(sample_file.parent) == before


def test_a_read_only_folder_opens_read_only_on_request_and_stays_untouched(sample_file, make_read_only):
    make_read_only(sample_file.parent)
    before = folder_state(sample_file.parent)
    with pytest.raises(UserError, match="read-only"):
        open_database(sample_file)
    db = open_database(sample_file, read_only_ok=True)
    assert store.is_read_only(db)
    assert db.execute("SELECT COUNT(*) FROM mentors").fetchone()[0] == 40
    db.close()
    assert folder_state(sample_file.parent) == before
    with pytest.raises(UserError, match="read-only"):  # nor can a new database be made there
        open_database(sample_file.parent / "new.db", read_only_ok=True)


def test_an_older_read_only_file_is_refused_unchanged(sample_file, make_read_only, monkeypatch):
    newer = [*schema.MIGRATIONS, "CREATE TABLE ratings (stars INTEGER);"]
    monkeypatch.setattr(store, "MIGRATIONS", newer)
    monkeypatch.setattr(store, "SCHEMA_VERSION", len(newer))
    make_read_only(sample_file)
    before = folder_state(sample_file.parent)
    with pytest.raises(UserError, match="older version .* read-only"):
        open_database(sample_file, read_only_ok=True)
    assert folder_state(sample_file.parent) == before


def test_a_parent_that_is_a_file_gets_a_message(sample_file):
    before = folder_state(sample_file.parent)
    with pytest.raises(UserError, match="is a file, not a folder"):
        open_database(sample_file / "inner.db")
    with pytest.raises(UserError, match="is a file, not a folder"):
        open_database(sample_file / "deeper" / "inner.db")
    assert folder_state(sample_file.parent) == before


def test_a_missing_folder_gets_a_message_and_is_not_created(tmp_path):
    with pytest.raises(UserError, match="does not exist"):
        open_database(tmp_path / "typo" / "mentormatch.db")
    assert list(tmp_path.iterdir()) == []

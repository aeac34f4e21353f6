"""The command line as a user runs it: a fresh process, no display."""

import os
import subprocess
import sys
from pathlib import Path

from mentormatch import __version__
from mentormatch.store import open_database

ROOT = Path(__file__).resolve().parent.parent


def run(*args, env=None):
    environment = {k: v for k, v in os.environ.items() if k not in ("DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM")}
    environment.update(env or {})
    return subprocess.run(
        [sys.executable, str(ROOT / "main.py"), *args], capture_output=True, text=True, env=environment, timeout=120
    )


def test_version_and_help_without_display():
    version = run("--version")
    assert version.returncode == 0
    assert version.stdout.strip() == f"MentorMatch {__version__}"
    helped = run("--help")
    assert helped.returncode == 0
    for command in ("sample", "match", "letters", "import", "export"):
        assert command in helped.stdout


def test_module_entry_point():
    result = subprocess.run([sys.executable, "-m", "mentormatch", "--version"], capture_output=True, text=True, cwd=ROOT)
    assert result.returncode == 0 and __version__ in result.stdout


def test_sample_fills_an_empty_database_once(tmp_path):
    path = tmp_path / "sample.db"
    first = run("--db", str(path), "sample")
    assert first.returncode == 0, first.stderr
    db = open_database(path)
    assert db.execute("SELECT COUNT(*) FROM apprentices").fetchone()[0] == 120
    assert db.execute("SELECT COUNT(*) FROM mentors").fetchone()[0] == 40
    assert db.execute("SELECT COUNT(*) FROM programmes").fetchone()[0] == 1
    db.close()
    again = run("--db", str(path), "sample")
    assert again.returncode != 0
    assert "empty" in again.stderr


def test_database_chosen_by_environment_variable(tmp_path):
    path = tmp_path / "env.db"
    result = run("sample", env={"MENTORMATCH_DB": str(path)})
    assert result.returncode == 0, result.stderr
    assert path.exists()


def test_foreign_file_gets_a_message_not_a_traceback(tmp_path):
    path = tmp_path / "notes.db"
    path.write_text("not a database", encoding="utf-8")
    result = run("--db", str(path), "sample")
    assert result.returncode == 2
    assert "not a MentorMatch database" in result.stderr
    assert "Traceback" not in result.stderr
    assert path.read_text(encoding="utf-8") == "not a database"



def test_a_bug_ends_in_one_sentence_and_the_traceback_goes_to_the_log(db_path, tmp_path, monkeypatch, capsys):
    from mentormatch import cli, sample

    log = tmp_path / "logs" / "errors.log"
    monkeypatch.setattr("mentormatch.errors.error_log_path", lambda: log)

    def broken(db, args):
        raise KeyError("mentor_id")

    monkeypatch.setattr(sample, "run_command", broken)
    assert cli.main(["--db", str(db_path), "sample"]) == 1
    err = capsys.readouterr().err
    assert "Traceback" not in err and "mentor_id" in err and str(log) in err
    assert "Traceback" in log.read_text(encoding="utf-8") and "KeyError" in log.read_text(encoding="utf-8")


def test_the_core_never_imports_the_window():
    """mentormatch/ is the core; only its launcher (__main__) may start the window from ui/."""
    import ast

    for path in (ROOT / "mentormatch").glob("*.py"):
        if path.name == "__main__.py":
            continue
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            names = [a.name for a in node.names] if isinstance(node, ast.Import) else (
                [node.module or ""] if isinstance(node, ast.ImportFrom) else [])
            assert not any(n == "ui" or n.startswith("ui.") for n in names), f"{path.name} imports {names}"

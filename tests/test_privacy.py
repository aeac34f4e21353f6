"""Privacy of files: what MentorMatch writes is readable by its owner only (Linux, macOS), the log
never holds a full ID number or phone, and a letter template cannot reach behind its values."""

import os
import stat
import subprocess
import sys
from pathlib import Path

import pytest

from mentormatch import letter_templates, store
from mentormatch.errors import mask_personal
from mentormatch.importer import ImportJob
from mentormatch.letter_templates import TemplateError
from rosters import enterprises_csv

ROOT = Path(__file__).resolve().parent.parent
posix_only = pytest.mark.skipif(os.name == "nt", reason="Windows keeps privacy in the ACL of the user's folders, not in modes")

ID_NUMBER, MOBILE, LANDLINE = "110105200503120020", "13812345678", "023-67591234"


def run(*args, env=None, cwd=None):
    environment = {k: v for k, v in os.environ.items() if k not in ("DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM")}
    environment.update(env or {})
    result = subprocess.run([sys.executable, str(ROOT / "main.py"), *map(str, args)], capture_output=True, text=True,
                            env=environment, cwd=cwd, timeout=120)
    assert "Traceback" not in result.stderr + result.stdout
    return result


def mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


@pytest.fixture
def usual_umask():
    """The umask of most desktops (022), so that owner-only comes from MentorMatch and not from the umask."""
    old = os.umask(0o022)
    yield
    os.umask(old)


@posix_only
def test_every_file_and_folder_made_is_owner_only(tmp_path, usual_umask, monkeypatch):
    work = tmp_path / "work"  # everything under it is made by MentorMatch
    work.mkdir()
    roster = enterprises_csv(tmp_path / "合作企业.csv")
    (tmp_path / "data").mkdir()  # the folder the coordinator chose for the database (a named folder is never created)
    db_path = tmp_path / "data" / "mentormatch.db"

    assert run("--db", db_path, "sample").returncode == 0
    assert run("--db", db_path, "import", "enterprises", roster).returncode == 0
    assert run("--db", db_path, "letters", work / "letters" / "聘书.pdf").returncode == 0
    assert run("--db", db_path, "letters", "--split", work / "split").returncode == 0
    for suffix in ("xlsx", "csv", "pdf"):
        assert run("--db", db_path, "export", "pairs", work / f"pairs.{suffix}").returncode == 0

    db = store.open_database(db_path)  # open: its -wal and -shm are there to look at
    try:
        job = ImportJob.from_file(db, "enterprises", roster)
        job.set_on_duplicate("update")
        job.commit().save_xlsx(work / "import-report.xlsx")
        store.save_copy(db, work / "copy.db")
        monkeypatch.setattr(letter_templates, "user_dir", lambda: work / "user" / "templates")
        letter_templates.save("my-letter", letter_templates.source("formal-zh"))
        made = {p: mode(p) for p in work.rglob("*")}
        made.update({p: mode(p) for p in (tmp_path / "data").iterdir()})
    finally:
        db.close()

    names = {p.relative_to(tmp_path).as_posix() for p in made}
    assert {"data/mentormatch.db", "data/mentormatch.db-wal", "data/mentormatch.db-shm", "work/letters/聘书.pdf", "work/pairs.pdf",
            "work/import-report.xlsx", "work/copy.db", "work/user/templates/my-letter.html", "data/backups"} <= names
    assert len(list((work / "split").glob("*.pdf"))) > 1
    wrong = {p.relative_to(tmp_path).as_posix(): oct(m) for p, m in made.items() if m != (0o700 if p.is_dir() else 0o600)}
    assert not wrong


@posix_only
def test_a_database_the_user_already_has_keeps_its_mode(db_path, usual_umask):
    """A careful user who shared the file with a colleague's account on purpose expects it to stay shared."""
    os.chmod(db_path, 0o640)
    store.open_database(db_path).close()
    assert mode(db_path) == 0o640


def bug_with_personal_data(db, args):
    try:
        {}[MOBILE]
    except KeyError as exc:
        raise ValueError(f"row 7: 身份证 {ID_NUMBER}, 电话 {LANDLINE}") from exc


def test_a_bug_is_logged_with_id_numbers_and_phones_masked(db_path, tmp_path, monkeypatch, capsys, usual_umask):
    from mentormatch import cli, sample

    log = tmp_path / "logs" / "errors.log"
    monkeypatch.setattr("mentormatch.errors.error_log_path", lambda: log)
    monkeypatch.setattr(sample, "run_command", bug_with_personal_data)
    assert cli.main(["--db", str(db_path), "sample"]) == 1
    written = log.read_text(encoding="utf-8")
    shown = capsys.readouterr().err
    assert "Traceback" in written and "KeyError" in written and "ValueError" in written
    for text in (written, shown):
        assert ID_NUMBER not in text and MOBILE not in text and LANDLINE not in text
    assert "110105********0020" in written and "138****5678" in written and "023-****1234" in written
    assert "110105********0020" in shown
    if os.name != "nt":
        assert mode(log) == 0o600 and mode(log.parent) == 0o700


@posix_only
def test_a_log_left_readable_by_an_older_version_is_made_owner_only(db_path, tmp_path, monkeypatch, usual_umask):
    from mentormatch import cli, sample

    log = tmp_path / "errors.log"
    log.write_text("--- an older entry\n", encoding="utf-8")
    os.chmod(log, 0o644)
    monkeypatch.setattr("mentormatch.errors.error_log_path", lambda: log)
    monkeypatch.setattr(sample, "run_command", bug_with_personal_data)
    assert cli.main(["--db", str(db_path), "sample"]) == 1
    assert mode(log) == 0o600 and log.read_text(encoding="utf-8").startswith("--- an older entry\n")


@pytest.mark.parametrize("text, masked", [
    (ID_NUMBER, "110105********0020"),
    ("11010519491231002x", "110105********002x"),
    ("１１０１０５１９４９１２３１００２Ｘ", "110105********002X"),  # full-width, as typed with a Chinese IME
    ("110105491231002", "110105*****1002"),                         # legacy 15 digits
    ("phone=13812345678;", "phone=138****5678;"),
    ("+86 138 1234 5678", "+86 138****5678"),
    ("+8613812345678", "+86138****5678"),
    ("0838-2401234", "0838-***1234"),
    ("(023)67591234", "*********1234"),
    # not personal: serials, dates, small numbers and long ones stay readable in the log
    ("DY20240046 MM-2026-0001 2026-07-14T10:00:00 line 1234567 1720000000123", None),
])
def test_masking_in_the_log_follows_the_rules_of_the_screens(text, masked):
    assert mask_personal(text) == (text if masked is None else masked)


MALICIOUS = [
    "{{ ''.__class__.__mro__ }}",
    "<p>{{ name }}</p>\n<p>{{ name.__class__.__mro__[1].__subclasses__() }}</p>",
    "{{ cycler.__init__.__globals__.os.system('touch pwned') }}",
    "{{ name|attr('__cla' ~ 'ss__') }}",
    "{{ '{0.__class__}'.format(name) }}",
    "{{ issuers.append('someone else') }}",
]


@pytest.mark.parametrize("text", MALICIOUS)
def test_a_template_that_reaches_behind_its_values_is_refused(text, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    issuers = ["德阳安装技师学院"]
    with pytest.raises(TemplateError) as error:
        letter_templates.render(text, {"name": "张东", "issuers": issuers})
    assert str(error.value).startswith(f"Line {text.count(chr(10)) + 1}: a template may use only the placeholders")
    assert not (tmp_path / "pwned").exists() and issuers == ["德阳安装技师学院"]


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="the template folder is placed by XDG_DATA_HOME")
def test_the_command_line_refuses_such_a_template_in_chinese(tmp_path):
    data = tmp_path / "data"
    (data / "MentorMatch" / "templates").mkdir(parents=True)
    (data / "MentorMatch" / "templates" / "evil.html").write_text(
        "<p>{{ name }}</p>\n{{ cycler.__init__.__globals__.os.system('touch pwned') }}", encoding="utf-8")
    db_path = tmp_path / "college.db"
    env = {"XDG_DATA_HOME": str(data)}  # where platformdirs puts the coordinator's templates on Linux
    assert run("--db", db_path, "sample", env=env).returncode == 0
    out = tmp_path / "聘书.pdf"
    result = run("--lang", "zh_CN", "--db", db_path, "letters", out, "--template", "evil", env=env, cwd=tmp_path)
    assert result.returncode == 2
    assert "第 2 行：模板只能使用占位符及其值，不能使用 __init__" in result.stderr
    assert not out.exists() and not (tmp_path / "pwned").exists()

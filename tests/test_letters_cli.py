"""The `letters` command as a coordinator types it, in fresh processes: which letters it issues
without --programme, --split on its own, mentors by employee number (工号), and the command
line's help and errors in Chinese, argparse's own words included."""

import argparse
import ast
import inspect
import subprocess
import unicodedata

from test_cli import run

from mentormatch import cli
from mentormatch.sample import fill_sample
from mentormatch.store import open_database

SAMPLE_PROGRAMME = "2026 渝北—德阳 汽车工程半年实习"


def zh(*args, env=None):
    result = run("--lang", "zh_CN", *map(str, args), env=env)
    assert "Traceback" not in result.stdout + result.stderr
    return result


def page_count(path):
    info = subprocess.run(["pdfinfo", str(path)], capture_output=True, text=True, check=True).stdout
    return int(next(line.split()[-1] for line in info.splitlines() if line.startswith("Pages:")))


def sample_file(path, sql=""):
    db = open_database(path)
    fill_sample(db)
    db.conn.executescript(sql)
    db.close()
    return path


def register(path):
    db = open_database(path)
    rows = db.execute("SELECT mentor_id, programme_id FROM letters WHERE revoked_at IS NULL ORDER BY id").fetchall()
    db.close()
    return rows


def test_the_only_programme_needs_no_naming_and_split_needs_no_pdf(db_path, tmp_path):
    sample_file(db_path)
    split = tmp_path / "聘书"
    result = zh("--db", db_path, "letters", "--split", split)
    assert result.returncode == 0, result.stderr
    assert len(list(split.glob("MM-2026-*.pdf"))) == 40 == len(register(db_path))
    assert "个项目" not in result.stdout  # one programme: nothing to explain
    assert [p.name for p in tmp_path.iterdir() if p.suffix == ".pdf"] == []

    neither = zh("--db", db_path, "letters")
    assert neither.returncode == 2 and "聘书写到哪里" in neither.stderr
    both = zh("--db", db_path, "letters", tmp_path / "all.pdf", "--split", split)
    assert both.returncode == 2 and "不能同时给出" in both.stderr
    assert not (tmp_path / "all.pdf").exists() and len(register(db_path)) == 40


def test_several_programmes_give_each_one_its_confirmed_mentors_letters(db_path, tmp_path):
    # the sample programme: mentors 3 and 5 confirmed; 2027: mentors 5 and 7; 空项目: nobody confirmed
    sample_file(db_path, """
        INSERT INTO programmes (id, name, start_date, end_date) VALUES (2, '2027 春季班', '2027-03-01', '2027-12-31');
        INSERT INTO programmes (id, name) VALUES (3, '空项目');
        INSERT INTO pairs (programme_id, apprentice_id, mentor_id, status, created_at) VALUES
            (1, 1, 3, 'confirmed', '2026-07-01'), (1, 2, 5, 'confirmed', '2026-07-01'),
            (1, 3, 9, 'proposed', '2026-07-01'),
            (2, 1, 5, 'confirmed', '2026-07-01'), (2, 4, 7, 'confirmed', '2026-07-01');
    """)
    out = tmp_path / "all.pdf"
    result = zh("--db", db_path, "letters", out)
    assert result.returncode == 0, result.stderr
    assert "共 3 个项目" in result.stdout and "共 4 份" in result.stdout
    assert f"2027 春季班（2 位）、{SAMPLE_PROGRAMME}（2 位）" in result.stdout
    assert "位）（" not in result.stdout and "共 4 份：" in result.stdout  # one bracket after another reads badly
    assert "空项目 还没有已确认的结对" in result.stdout
    assert page_count(out) == 4
    assert sorted(register(db_path)) == [(3, 1), (5, 1), (5, 2), (7, 2)]  # mentor 5: a letter for each programme

    english = run("--lang", "en", "--db", str(db_path), "letters", str(tmp_path / "again.pdf"))
    assert english.returncode == 0, english.stderr
    assert "3 programmes: letters for the mentors with confirmed pairs in each" in english.stdout
    assert "4 letters written (0 newly issued, 4 reprinted" in english.stdout

    nobody = tmp_path / "nobody.db"
    sample_file(nobody, "INSERT INTO programmes (name) VALUES ('2027 春季班');")
    refused = zh("--db", nobody, "letters", tmp_path / "none.pdf")
    assert refused.returncode == 2 and "2 个项目都还没有已确认的结对" in refused.stderr and "2027 春季班" in refused.stderr


def test_mentors_by_employee_number(db_path, tmp_path):
    sample_file(db_path, """
        UPDATE mentors SET employee_no = 'A-100' WHERE id = 4;
        UPDATE mentors SET employee_no = 'B7' WHERE id = 10;
        UPDATE mentors SET employee_no = 'B7', enterprise_id = 2 WHERE id = 30;
        UPDATE mentors SET employee_no = '12' WHERE id = 11;
    """)
    out = tmp_path / "m.pdf"
    result = zh("--db", db_path, "letters", out, "--mentor", "A-100,6")  # a 工号 and an id, with a comma
    assert result.returncode == 0, result.stderr
    assert [m for m, _ in register(db_path)] == [4, 6] and page_count(out) == 2

    unknown = zh("--db", db_path, "letters", out, "--mentor", "A-100", "--mentor", "Z-999")
    assert unknown.returncode == 2 and "没有 ID 或工号为 Z-999 的导师" in unknown.stderr

    shared = zh("--db", db_path, "letters", out, "--mentor", "B7")  # the same 工号 at two enterprises
    assert shared.returncode == 2
    assert "B7 对应 2 位导师" in shared.stderr and "id:10" in shared.stderr and "id:30" in shared.stderr
    number_and_id = zh("--db", db_path, "letters", out, "--mentor", "12")  # mentor 12's id, mentor 11's 工号
    assert number_and_id.returncode == 2 and "id:11" in number_and_id.stderr and "id:12" in number_and_id.stderr
    assert len(register(db_path)) == 2

    chosen = zh("--db", db_path, "letters", out, "--mentor", "id:30", "--mentor", "ｉｄ:12")  # typed with a Chinese IME, too
    assert chosen.returncode == 0, chosen.stderr
    assert [m for m, _ in register(db_path)] == [4, 6, 30, 12]


ARGPARSE_ENGLISH = ("usage", "positional arguments", "options:", "show this help", "error:", "invalid choice",
                    "the following arguments", "expected")


def test_help_and_errors_in_chinese_argparse_words_included(tmp_path):
    system_chinese = {"LANG": "zh_CN.UTF-8", "LC_ALL": "", "LC_MESSAGES": "", "MENTORMATCH_LANG": ""}
    for args, env in ((["--lang", "zh_CN", "--help"], None), (["letters", "--help"], system_chinese)):
        helped = run(*args, env=env)
        assert helped.returncode == 0, helped.stderr
        assert "用法：mentormatch" in helped.stdout and "\n位置参数：\n" in helped.stdout and "\n选项：\n" in helped.stdout
        assert "显示此帮助并退出" in helped.stdout
        assert not [word for word in ARGPARSE_ENGLISH if word in helped.stdout], helped.stdout
    narrow = run("letters", "--help", env={**system_chinese, "COLUMNS": "80"}).stdout  # a Windows console's default
    assert "工号" in narrow
    assert max(sum(2 if unicodedata.east_asian_width(c) in "WF" else 1 for c in line) for line in narrow.splitlines()) <= 80

    for args, message in ((["import", "badkind", "f"], "无效的选择：'badkind'"),
                          (["import", "mentors"], "缺少必需的参数：FILE"),
                          (["letters", "x.pdf", "--mentor"], "需要一个值"),
                          (["--db", "x.db", "lettres"], "无效的选择：'lettres'")):  # a mistyped command
        error = run(*args, env=system_chinese)
        assert error.returncode == 2
        assert "用法：" in error.stderr and "：错误：" in error.stderr and message in error.stderr, error.stderr
        assert not [word for word in ARGPARSE_ENGLISH if word in error.stderr], error.stderr

    english = run("--lang", "en", "letters", "--help")
    assert "usage: mentormatch letters" in english.stdout and "show this help message and exit" in english.stdout
    assert "用法" not in english.stdout
    assert "invalid choice: 'badkind'" in run("--lang", "en", "import", "badkind", "f").stderr


def test_argparse_asks_for_no_words_we_do_not_translate():
    """A newer Python's argparse with a new message a user can see: add it to cli.ARGPARSE_WORDS."""
    # only a programmer's mistake or a feature the command line does not use shows these
    unused = {"%r is not callable", ".__call__() not defined", "conflicting subparser: %s", "conflicting subparser alias: %s",
              "unknown parser %(parser_name)r (choices: %(choices)s)", 'argument "-" with mode %r',
              "can't open '%(filename)s': %(error)s", "cannot merge actions - two groups are named %r",
              "'required' is an invalid argument for positionals", "dest= is required for options like %r",
              "invalid conflict_resolution value: %r", "conflicting option string: %s", "conflicting option strings: %s",
              "mutually exclusive arguments must be optional", "cannot have multiple subparser arguments",
              "unexpected option string: %s", "subcommands", " (default: %(default)s)", "show program's version number and exit",
              "invalid option string %(option)r: must start with a character %(prefix_chars)r",
              "%(prog)s: warning: %(message)s\n", "option '%(option)s' is deprecated",
              "argument '%(argument_name)s' is deprecated", "command '%(parser_name)s' is deprecated"}
    asked = {node.args[i].value
             for node in ast.walk(ast.parse(inspect.getsource(argparse)))
             if isinstance(node, ast.Call) and getattr(node.func, "id", None) in ("_", "ngettext")
             for i in range(len(node.args)) if isinstance(node.args[i], ast.Constant) and isinstance(node.args[i].value, str)}
    assert asked and asked - unused <= set(cli.ARGPARSE_WORDS)

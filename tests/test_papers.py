"""Which paper a template is for (letters of appointment, completion certificates) and the command
line of the ceremony's papers as the coordinator who found them mixed up types it: the wrong
kind of template refused everywhere, only the right ones offered, a copy keeping its kind;
`certificates` refusing a silent reprint under another date or template like `letters`;
--template by the name the window shows; --mentor before the PDF; signin without --programme."""

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QInputDialog

from mentormatch import letter_templates, letters, records
from mentormatch.errors import UserError
from mentormatch.store import open_database
from tests.test_certificates import PROGRAMME, confirm_all
from tests.test_cli import run
from tests.test_letters import pdftotext
from ui.letters_dialogs import IssueDialog, TemplateEditor

LETTER_TEMPLATES = ["formal-zh", "bilingual", "formal-en", "preprinted-a4"]  # the default first, then in pinyin order
CERTIFICATE_TEMPLATES = ["certificate-zh", "certificate-preprinted-a4"]


@pytest.fixture(autouse=True)
def user_templates(tmp_path, monkeypatch):
    folder = tmp_path / "user-templates"
    monkeypatch.setattr(letter_templates, "user_dir", lambda: folder)
    return folder


def zh(*args):
    result = run("--lang", "zh_CN", *map(str, args))
    assert "Traceback" not in result.stdout + result.stderr
    return result


def register(path):
    db = open_database(path)
    rows = db.execute("SELECT serial, kind, issue_date, template, revoke_reason FROM letters ORDER BY id").fetchall()
    db.close()
    return rows


@pytest.fixture
def ceremony(tmp_path):
    """The sample with its programme paired and confirmed, as a file for the command line."""
    path = tmp_path / "ceremony.db"
    db = open_database(path)
    from mentormatch.sample import fill_sample

    fill_sample(db)
    confirm_all(db)
    db.close()
    return path


# --- a template's paper ---------------------------------------------------------------------------

def test_each_template_says_its_paper_and_lists_come_in_order(user_templates):
    assert [letter_templates.paper_of(n) for n in LETTER_TEMPLATES] == ["appointment"] * 4
    assert [letter_templates.paper_of(n) for n in CERTIFICATE_TEMPLATES] == ["certificate"] * 2
    user_templates.mkdir()
    (user_templates / "老模板.html").write_text("<p>{{ name }}</p>", encoding="utf-8")  # older than the declaration
    assert letter_templates.paper_of("老模板") == "appointment"
    assert letter_templates.names("appointment")[0] == "formal-zh" and "老模板" in letter_templates.names("appointment")
    assert letter_templates.names("certificate") == CERTIFICATE_TEMPLATES
    assert letter_templates.names()[:1] == ["formal-zh"] and letter_templates.names()[-2:] == CERTIFICATE_TEMPLATES


def test_a_template_of_another_paper_is_refused_and_a_copy_keeps_its_paper(sample_db, user_templates):
    pid = records.programme_id_by_name(sample_db, PROGRAMME)
    with pytest.raises(UserError, match="is for Completion certificates; it cannot be used for Letters of appointment"):
        letters.plan(sample_db, [1], pid, "certificate-zh")
    confirm_all(sample_db)
    apprentice = letters.certified_apprentices(sample_db, pid)[0]
    with pytest.raises(UserError, match="is for Letters of appointment"):
        letters.plan(sample_db, [apprentice], pid, "preprinted-a4", paper=letters.CERTIFICATE)
    assert sample_db.execute("SELECT COUNT(*) FROM letters").fetchone()[0] == 0

    # saved without the declaration (a form rewrote it), for the paper of the template it came from
    text = letter_templates.source("certificate-zh").replace('<meta name="paper" content="certificate">\n', "")
    letter_templates.save("我的证书", text, paper="certificate")
    sheet = letter_templates.source("certificate-preprinted-a4").replace(' "kind": "certificate",\n', "")
    letter_templates.save("证书套打", sheet, sheet=True, paper="certificate")
    letter_templates.save("我的聘书", letter_templates.source("formal-zh"), paper="certificate")  # it declares its own
    assert [letter_templates.paper_of(n) for n in ("我的证书", "证书套打", "我的聘书")] == ["certificate", "certificate", "appointment"]
    assert letter_templates.names("certificate") == [*CERTIFICATE_TEMPLATES, "我的证书", "证书套打"]  # Completion…, wo…, zheng…


def test_the_issue_dialogs_offer_only_their_papers_templates(qtbot, sample_db):
    def offered(paper):
        dialog = IssueDialog(sample_db, records.programme_id_by_name(sample_db, PROGRAMME), paper=paper)
        qtbot.addWidget(dialog)
        return [dialog.template.itemData(i) for i in range(dialog.template.count())], dialog.template.currentData()

    assert offered(letters.APPOINTMENT) == (LETTER_TEMPLATES, "formal-zh")
    assert offered(letters.CERTIFICATE) == (CERTIFICATE_TEMPLATES, "certificate-zh")


def test_a_copy_made_in_the_editor_stays_a_certificate(qtbot, sample_db, monkeypatch):
    editor = TemplateEditor(sample_db)
    qtbot.addWidget(editor)
    editor.show()
    editor.template.setCurrentIndex(editor.template.findData("certificate-zh"))
    qtbot.mouseClick(editor.use_form_button, Qt.MouseButton.LeftButton)  # the form rewrites it: no declaration left
    assert "content=\"certificate\"" not in editor.current_text()
    editor.title_edit.setText("结业证明")
    monkeypatch.setattr(QInputDialog, "getText", staticmethod(lambda *a, **k: ("本校结业证书", True)))
    qtbot.mouseClick(editor.save_as_button, Qt.MouseButton.LeftButton)
    assert "结业证明" in letter_templates.source("本校结业证书")
    assert letter_templates.paper_of("本校结业证书") == "certificate"
    assert "本校结业证书" in letter_templates.names("certificate") and "本校结业证书" not in letter_templates.names("appointment")
    editor.reject()


# --- the command line -----------------------------------------------------------------------------

def test_wrong_or_unknown_templates_are_refused_first_by_either_name(ceremony, tmp_path):
    out = tmp_path / "out.pdf"
    wrong = zh("--db", ceremony, "letters", out, "--template", "certificate-zh")
    assert wrong.returncode == 2 and "模板“结业证书（中文）”用于结业证书，不能用来发聘书" in wrong.stderr
    wrong = zh("--db", ceremony, "certificates", out, "--template", "正式聘书（中文）")  # its shown name
    assert wrong.returncode == 2 and "用于聘书，不能用来发结业证书" in wrong.stderr
    assert not out.exists() and register(ceremony) == []

    assert zh("--db", ceremony, "letters", out, "--mentor", "1").returncode == 0
    unknown = zh("--db", ceremony, "letters", out, "--mentor", "1", "--template", "双语")  # a letter held: the name first
    assert unknown.returncode == 2 and "没有名为“双语”的模板" in unknown.stderr and "--reissue" not in unknown.stderr
    assert "可用的模板：正式聘书（中文）（formal-zh）、套打" in unknown.stderr  # the default, then in pinyin order
    assert "、中英双语聘书（bilingual）。" in unknown.stderr and "结业证书" not in unknown.stderr

    shown = zh("--db", ceremony, "letters", out, "--mentor", "2", "--template", "中英双语聘书")
    half_width = zh("--db", ceremony, "letters", out, "--mentor", "3", "--template", "正式聘书(英文)")
    assert shown.returncode == half_width.returncode == 0, shown.stderr + half_width.stderr
    assert [row[3] for row in register(ceremony)] == ["formal-zh", "bilingual", "formal-en"]


def test_certificates_do_not_silently_reprint_under_another_date(ceremony, tmp_path):
    out = tmp_path / "c.pdf"
    first = zh("--db", ceremony, "certificates", out, "--date", "2027-01-15")
    assert first.returncode == 0, first.stderr
    issued = register(ceremony)
    assert issued and {row[2] for row in issued} == {"2027-01-15"}

    moved = zh("--db", ceremony, "certificates", out, "--date", "2027-01-20")
    assert moved.returncode == 2 and "已有结业证书" in moved.stderr and "--reissue" in moved.stderr and "JY-2027-0001" in moved.stderr
    assert register(ceremony) == issued

    same = zh("--db", ceremony, "certificates", out, "--date", "2027/1/15")  # the date they hold: a reprint
    assert same.returncode == 0 and register(ceremony) == issued

    reissued = zh("--db", ceremony, "certificates", out, "--date", "2027-01-20", "--reissue")
    assert reissued.returncode == 0, reissued.stderr
    assert f"JY-2027-0001 → JY-2027-{len(issued) + 1:04d}" in reissued.stdout
    rows = register(ceremony)
    assert [row[4] for row in rows[:len(issued)]] == [f"已改发为 JY-2027-{n:04d}" for n in range(len(issued) + 1, 2 * len(issued) + 1)]
    assert "2027年1月20日" in pdftotext(out) and "2027年1月15日" not in pdftotext(out)


def test_letters_take_a_date_and_a_bad_one_is_named(ceremony, tmp_path):
    out = tmp_path / "l.pdf"
    bad = zh("--db", ceremony, "letters", out, "--date", "2027-13-01")
    assert bad.returncode == 2 and "--date 2027-13-01：该日期不存在" in bad.stderr
    bad = zh("--db", ceremony, "certificates", out, "--date", "明天")
    assert bad.returncode == 2 and "--date 明天：" in bad.stderr
    assert zh("--db", ceremony, "letters", out, "--mentor", "1", "--date", "2026-09-01").returncode == 0
    moved = zh("--db", ceremony, "letters", out, "--mentor", "1", "--date", "2026-09-02")
    assert moved.returncode == 2 and "--reissue" in moved.stderr
    assert [row[2] for row in register(ceremony)] == ["2026-09-01"]
    assert "日期" in zh("letters", "--help").stdout.split("--reissue")[-1]  # its help names the date


def test_mentor_takes_one_value_per_use_and_says_when_one_is_not_confirmed(ceremony, tmp_path):
    db = open_database(ceremony)
    pid = records.programme_id_by_name(db, PROGRAMME)
    confirmed = letters.programme_mentors(db, pid)
    other = db.execute("SELECT id, name FROM mentors WHERE id NOT IN (SELECT value FROM json_each(?)) ORDER BY id",
                       [str(confirmed)]).fetchone()
    db.close()
    out = tmp_path / "m.pdf"
    before = zh("--db", ceremony, "letters", "--programme", PROGRAMME, "--mentor", confirmed[0], out)  # the PDF after it
    assert before.returncode == 0, before.stderr
    both = zh("--db", ceremony, "letters", "--programme", PROGRAMME, "--mentor", f"{confirmed[1]},{other[0]}",
              "--mentor", confirmed[2], out)
    assert both.returncode == 0, both.stderr
    assert f"注意：{other[1]} 在“{PROGRAMME}”中没有已确认的结对" in both.stdout
    assert len(register(ceremony)) == 4
    assert "--mentor 12,E445838" in zh("letters", "--help").stdout


def test_signin_takes_the_only_programme(ceremony, tmp_path):
    only = zh("--db", ceremony, "signin", tmp_path / "s.pdf")
    assert only.returncode == 0, only.stderr
    db = open_database(ceremony)
    with db.conn:
        db.execute("INSERT INTO programmes (name) VALUES ('2027 春季班')")
    db.close()
    several = zh("--db", ceremony, "signin", tmp_path / "s2.pdf")
    assert several.returncode == 2 and "--programme" in several.stderr and "2027 春季班" in several.stderr
    assert PROGRAMME in several.stderr and not (tmp_path / "s2.pdf").exists()

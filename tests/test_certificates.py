"""Apprentices' completion certificates (结业证书): the letters' engine and register with a paper of
their own — serials, who gets one, the PDF, 套打, a killed batch, the command line."""

import subprocess
from datetime import date

import pytest

from mentormatch import letter_templates, letters, matching, pairs, records, schema, settings
from mentormatch.errors import UserError
from mentormatch.store import open_database
from tests.test_cli import run
from tests.test_letters import PROGRAMME, pdftotext

ISSUED = "2027-01-13"


@pytest.fixture(autouse=True)
def user_templates(tmp_path, monkeypatch):
    monkeypatch.setattr(letter_templates, "user_dir", lambda: tmp_path / "user-templates")


def confirm_all(db):
    """Pair the sample's programme and confirm every pair, as a coordinator does before the ceremony."""
    pid = records.programme_id_by_name(db, PROGRAMME)
    matching.propose(db, pid)
    pairs.accept(db, pid)
    return pid


def certify(db, pid, ids, template=None, target=None):
    batch = letters.Batch(db, letters.plan(db, ids, pid, template, ISSUED, paper=letters.CERTIFICATE))
    if target is None:
        return letters.commit(db, batch.letters)
    assert batch.write(target=target)
    batch.commit(db)
    return batch.letters


def test_certificates_have_their_own_serials_never_reused(sample_db):
    pid = confirm_all(sample_db)
    apprentices = letters.certified_apprentices(sample_db, pid)
    mentors = letters.programme_mentors(sample_db, pid)
    appointed = letters.commit(sample_db, letters.plan(sample_db, mentors[:2], pid, issue_date=ISSUED))
    first = certify(sample_db, pid, apprentices[:3])
    assert [l.serial for l in appointed] == ["MM-2027-0001", "MM-2027-0002"]
    assert [l.serial for l in first] == ["JY-2027-0001", "JY-2027-0002", "JY-2027-0003"]
    assert [l.holder for l in first] == [sample_db.execute("SELECT name FROM apprentices WHERE id = ?", [i]).fetchone()[0]
                                         for i in apprentices[:3]]

    letters.revoke(sample_db, first[2].id, "姓名有误")  # the highest number: still never given again
    again = certify(sample_db, pid, apprentices[:4])
    assert [l.serial for l in again] == ["JY-2027-0001", "JY-2027-0002", "JY-2027-0004", "JY-2027-0005"]
    assert [l.id for l in again[:2]] == [l.id for l in first[:2]]  # held: reprinted with their numbers
    assert letters.plan(sample_db, mentors[2:3], pid, issue_date=ISSUED)[0].serial == "MM-2027-0003"  # letters count on

    settings.put(sample_db, "certificate_prefix", "XJ")
    assert letters.next_serial(sample_db, settings.get(sample_db, "letter_serial_pattern"), "XJ", 2027,
                               "certificate") == "XJ-2027-0006"

    rows = letters.register(sample_db, kind="certificate")
    assert len(rows) == 5 and {r["kind"] for r in rows} == {"certificate"}
    assert rows[-1]["holder"] == first[0].holder and rows[-1]["mentor"] == first[0].mentor_name
    assert len(letters.register(sample_db, kind="appointment")) == 2
    assert letters.register(sample_db, first[0].holder)[0]["serial"] == "JY-2027-0001"  # found by the apprentice's name
    audit = sample_db.execute("SELECT action, summary FROM audit WHERE kind = 'letters' AND summary LIKE 'JY-%'"
                              " ORDER BY id").fetchall()
    assert audit[:3] == [("issue", f"{l.serial} {l.holder}") for l in first]
    assert ("revoke", f"JY-2027-0003 {first[2].holder}") in audit


def test_who_gets_a_certificate(sample_db):
    pid = confirm_all(sample_db)
    confirmed = letters.certified_apprentices(sample_db, pid)
    pair = sample_db.execute("SELECT id, apprentice_id FROM pairs WHERE apprentice_id = ? AND ended_at IS NULL",
                             [confirmed[0]]).fetchone()
    pairs.unpair(sample_db, pair[0], date.today().isoformat(), "退出项目")  # left the programme: no certificate
    assert pair[1] not in letters.certified_apprentices(sample_db, pid)
    with pytest.raises(UserError, match="confirmed pair"):
        letters.Batch(sample_db, letters.plan(sample_db, [pair[1]], pid, paper=letters.CERTIFICATE))
    unpaired = sample_db.execute("SELECT COUNT(*) FROM apprentices WHERE programme_id = ?", [pid]).fetchone()[0]
    assert len(letters.certified_apprentices(sample_db, pid)) == len(confirmed) - 1 < unpaired
    with pytest.raises(UserError, match="programme"):
        letters.plan(sample_db, confirmed[1:2], None, paper=letters.CERTIFICATE)


def test_the_certificate_pdf(sample_db, tmp_path):
    pid = confirm_all(sample_db)
    ids = letters.certified_apprentices(sample_db, pid)[:2]
    done = certify(sample_db, pid, ids, target=tmp_path / "certificates.pdf")
    text = pdftotext(tmp_path / "certificates.pdf")
    number, name, college, mentor = sample_db.execute(
        "SELECT a.student_no, a.name, c.name, m.name FROM apprentices a JOIN colleges c ON c.id = a.college_id"
        " JOIN pairs p ON p.apprentice_id = a.id AND p.ended_at IS NULL JOIN mentors m ON m.id = p.mentor_id"
        " WHERE a.id = ?", [ids[0]]).fetchone()
    assert text.count("结业证书") == 2 and done[0].serial in text
    for value in (name, number, college, mentor, "2027年1月13日"):
        assert value in text.replace("\n", ""), value
    id_number = sample_db.execute("SELECT id_number FROM apprentices WHERE id = ?", [ids[0]]).fetchone()[0]
    assert not id_number or id_number not in text


def test_a_certificate_on_a_pre_printed_sheet(sample_db, tmp_path):
    pid = confirm_all(sample_db)
    ids = letters.certified_apprentices(sample_db, pid)[:1]
    (certificate,) = certify(sample_db, pid, ids, template="certificate-preprinted-a4", target=tmp_path / "sheet.pdf")
    bbox = subprocess.run(["pdftotext", "-bbox", str(tmp_path / "sheet.pdf"), "-"], capture_output=True, text=True,
                          check=True).stdout
    assert '<page width="842.000000" height="595.000000">' in bbox  # A4 landscape, in points
    assert "结业证书" not in bbox and certificate.serial in bbox  # the sheet carries its own title
    word = next(line for line in bbox.splitlines() if f">{certificate.holder}<" in line)
    x_min, x_max = (float(word.split(f'{k}="')[1].split('"')[0]) for k in ("xMin", "xMax"))
    assert abs((x_min + x_max) / 2 / (72 / 25.4) - 95) < 0.5  # the name field is centred on 95 mm


def test_a_killed_batch_issues_no_certificate(sample_db, tmp_path):
    path = tmp_path / "mm.db"
    confirm_all(sample_db)
    sample_db.conn.commit()
    sample_db.conn.execute(f"VACUUM INTO '{path}'")
    out = tmp_path / "out.pdf"
    killed = run("--db", str(path), "certificates", str(out), "--programme", PROGRAMME,
                 env={"MENTORMATCH_CRASH_AT": "letters-placed-all"})
    assert killed.returncode != 0 and out.exists()  # in place, the register not committed
    db = open_database(path)  # the next opening rolls the batch back
    assert db.execute("SELECT COUNT(*) FROM letters").fetchone()[0] == 0 and not out.exists()
    db.close()
    done = run("--db", str(path), "certificates", str(out), "--programme", PROGRAMME)
    assert done.returncode == 0, done.stderr
    assert "JY-" in pdftotext(out)


def test_the_certificates_command(tmp_path):
    path = str(tmp_path / "mm.db")
    assert run("--db", path, "sample").returncode == 0
    none = run("--db", path, "--lang", "zh_CN", "certificates", str(tmp_path / "c.pdf"), "--programme", PROGRAMME)
    assert none.returncode == 2 and "确认" in none.stderr  # no confirmed pair yet: said plainly, nothing written
    assert not (tmp_path / "c.pdf").exists()
    assert run("--db", path, "match", "--confirm").returncode == 0
    done = run("--db", path, "certificates", str(tmp_path / "c.pdf"), "--programme", PROGRAMME, "--date", "2027/1/13")
    assert done.returncode == 0, done.stderr
    text = pdftotext(tmp_path / "c.pdf")
    assert "结业证书" in text and "JY-2027-0001" in text and "2027年1月13日" in text
    split = run("--db", path, "certificates", "--split", str(tmp_path / "each"), "--programme", PROGRAMME)
    assert split.returncode == 0, split.stderr
    assert sorted(p.name for p in (tmp_path / "each").iterdir())[0].startswith("JY-2027-0001 ")  # reprinted, same numbers
    db = open_database(path)
    count = db.execute("SELECT COUNT(*) FROM letters WHERE kind = 'certificate'").fetchone()[0]
    assert count == len(list((tmp_path / "each").iterdir())) > 0
    db.close()
    exported = run("--db", path, "--lang", "zh_CN", "export", "certificates", str(tmp_path / "register.xlsx"))
    assert exported.returncode == 0, exported.stderr
    from python_calamine import CalamineWorkbook

    rows = CalamineWorkbook.from_path(str(tmp_path / "register.xlsx")).get_sheet_by_index(0).to_python()
    header = rows[0]
    assert header[:3] == ["编号", "学徒", "学号"] and "院校" in header and "导师" in header and "状态" in header
    assert [r[0] for r in rows[1:]] == [f"JY-2027-{n:04d}" for n in range(1, count + 1)]  # the certificates only, in order


def test_older_registers_become_letters_of_appointment(tmp_path, old_sample):
    old = old_sample(tmp_path / "old.db", 7)
    with old.conn:
        old.execute("INSERT INTO letters (id, serial, year, seq, mentor_id, issue_date, template, created_at)"
                    " VALUES (7, 'MM-2026-0009', 2026, 9, 1, '2026-07-14', 'formal-zh', '2026-07-14T00:00:00')")
    old.close()
    db = open_database(tmp_path / "old.db")
    assert db.execute("SELECT id, serial, kind, apprentice_id FROM letters").fetchall() == [
        (7, "MM-2026-0009", "appointment", None)]
    assert db.execute("PRAGMA user_version").fetchone()[0] == schema.SCHEMA_VERSION
    db.close()


def test_an_apprentice_with_a_certificate_stays(sample_db):
    pid = confirm_all(sample_db)
    (certificate,) = certify(sample_db, pid, letters.certified_apprentices(sample_db, pid)[:1])
    report = records.delete_report(sample_db, "apprentices", certificate.apprentice_id)
    assert "delete" not in report.actions and "delete_with_pairs" not in report.actions
    assert any("1" in line for line in report.lines)


def test_issuing_certificates_from_the_letters_page(qtbot, sample_db, tmp_path, monkeypatch):
    from PySide6.QtCore import Qt
    from PySide6.QtWidgets import QDialog, QFileDialog

    from ui import jobs
    from ui.letters import LettersPage
    from ui.letters_dialogs import IssueDialog

    pid = confirm_all(sample_db)
    letters.commit(sample_db, letters.plan(sample_db, [1], pid, issue_date=ISSUED))  # a letter in the register already
    out = tmp_path / "结业证书.pdf"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", staticmethod(lambda *a, **k: (str(out), "")))
    page = LettersPage(sample_db)
    qtbot.addWidget(page)
    opened = []

    def run_dialog(dialog):  # as the coordinator: untick all but two apprentices, then Save PDF
        opened.append(dialog)
        assert dialog.template.currentData() == "certificate-zh"
        assert dialog.mentors.count() == len(letters.certified_apprentices(sample_db, pid))
        dialog.select_all.setChecked(True)
        dialog.select_all.setChecked(False)
        for row in (0, 1):
            dialog.mentors.item(row).setCheckState(Qt.CheckState.Checked)
        qtbot.mouseClick(dialog.pdf_button, Qt.MouseButton.LeftButton)
        return QDialog.DialogCode.Accepted

    monkeypatch.setattr(IssueDialog, "exec", run_dialog)
    qtbot.mouseClick(page.certificates_button, Qt.MouseButton.LeftButton)
    jobs.wait_for_jobs()
    assert opened and out.exists() and "结业证书" in pdftotext(out)
    assert page.model.rowCount() == 3
    page.paper.setCurrentIndex(page.paper.findData("certificate"))
    year = date.today().year  # the dialog's date of issue
    assert [page.model.index(r, 0).data() for r in range(page.model.rowCount())] == [f"JY-{year}-0002", f"JY-{year}-0001"]
    kind = page.model.columnCount() - 1
    assert page.model.index(0, kind).data() == page.model.papers["certificate"]
    assert page.model.index(0, 1).data() == opened[0].mentors.item(1).text().split("（")[0]  # the apprentice, not the mentor

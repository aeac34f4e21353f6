"""The Letters page and its dialogs, driven as a coordinator would."""

import re
import threading
from datetime import date

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialogButtonBox, QFileDialog, QLabel, QMessageBox, QPushButton

from mentormatch import letter_templates, letters, records, settings
from ui import jobs
from ui.letters import LettersPage, RegisterModel
from ui.letters_dialogs import IssueDialog, OptionsDialog, TemplateEditor

PROGRAMME = "2026 渝北—德阳 汽车工程半年实习"


@pytest.fixture(autouse=True)
def quiet(tmp_path, monkeypatch):
    """User templates in the test folder; message boxes recorded instead of shown."""
    monkeypatch.setattr(letter_templates, "user_dir", lambda: tmp_path / "user-templates")
    shown = []
    monkeypatch.setattr(QMessageBox, "warning", staticmethod(lambda parent, title, text, *a: shown.append(text)))
    return shown


def make_page(qtbot, db):
    page = LettersPage(db)
    qtbot.addWidget(page)
    return page


def issue_three(db):
    pid = records.programme_id_by_name(db, PROGRAMME)
    return letters.commit(db, letters.plan(db, [1, 2, 3], pid, issue_date="2026-07-14"))


def test_register_lists_searches_and_revokes(qtbot, sample_db, monkeypatch):
    issued = issue_three(sample_db)
    page = make_page(qtbot, sample_db)
    assert page.model.rowCount() == 3
    page.search.setText(issued[1].mentor_name)  # as an input method commits it
    qtbot.waitUntil(lambda: page.model.rowCount() == 1)
    assert page.model.rows[0]["serial"] == issued[1].serial

    page.view.selectRow(0)
    assert page.revoke_button.isEnabled()
    from ui.pairing import ReasonDialog

    monkeypatch.setattr(ReasonDialog, "exec", lambda self: (self.reason.setText("导师离职"), 1)[1])
    qtbot.mouseClick(page.revoke_button, Qt.MouseButton.LeftButton)
    assert page.model.rows[0]["revoked_at"] and page.model.rows[0]["revoke_reason"] == "导师离职"
    page.view.selectRow(0)
    assert not page.print_button.isEnabled() and not page.revoke_button.isEnabled()
    page.show_revoked.setChecked(False)
    assert page.model.rowCount() == 0


def test_register_columns_fit_chinese_names_and_are_remembered(qtbot, sample_db):
    issue_three(sample_db)
    page = make_page(qtbot, sample_db)
    page.resize(1200, 600)
    page.show()
    header = page.view.horizontalHeader()
    metrics = page.view.fontMetrics()
    for column, key in ((0, "serial"), (1, "mentor"), (2, "enterprise")):
        assert all(metrics.horizontalAdvance(row[key]) < header.sectionSize(column) for row in page.model.rows), key
    status = page.model.columnCount() - 1
    assert header.sectionSize(status) < 120 < header.sectionSize(RegisterModel.PROGRAMME)  # the programme takes the room
    header.resizeSection(2, 333)
    page.save_state()
    again = make_page(qtbot, sample_db)
    assert again.view.horizontalHeader().sectionSize(2) == 333


def run_issue_dialog(qtbot, page, button_name):
    dialog = IssueDialog(page.db, records.programme_id_by_name(page.db, PROGRAMME), page)
    qtbot.addWidget(dialog)
    dialog.output_requested.connect(page._output)
    qtbot.mouseClick(getattr(dialog, button_name), Qt.MouseButton.LeftButton)
    return dialog


def test_issue_dialog_saves_a_programme_as_one_pdf_in_the_background(qtbot, sample_db, tmp_path, monkeypatch):
    out = tmp_path / "letters.pdf"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", staticmethod(lambda *a, **k: (str(out), "")))
    page = make_page(qtbot, sample_db)
    run_issue_dialog(qtbot, page, "pdf_button")
    assert page.writing and not page.issue_button.isEnabled()
    jobs.wait_for_jobs()
    assert out.exists() and not page.writing and page.issue_button.isEnabled()
    assert sample_db.execute("SELECT COUNT(*) FROM letters").fetchone()[0] == 40
    assert page.model.rowCount() == 40
    assert str(out) in page.status.text()


def test_cancelled_batch_writes_nothing_and_issues_nothing(qtbot, sample_db, tmp_path, monkeypatch):
    monkeypatch.setattr(QFileDialog, "getExistingDirectory", staticmethod(lambda *a, **k: str(tmp_path / "split")))

    clicked = threading.Event()
    keep_going = jobs.Job.keep_going

    def after_the_click(job, done):  # the first letter is written while the coordinator reaches for Cancel
        clicked.wait(10)
        return keep_going(job, done)

    monkeypatch.setattr(jobs.Job, "keep_going", after_the_click)
    page = make_page(qtbot, sample_db)
    run_issue_dialog(qtbot, page, "split_button")
    page.progress.findChild(QPushButton).click()
    clicked.set()
    jobs.wait_for_jobs()
    assert "Cancelled" in page.status.text() and page.issue_button.isEnabled()
    assert not (tmp_path / "split").exists() or not any((tmp_path / "split").iterdir())
    assert sample_db.execute("SELECT COUNT(*) FROM letters").fetchone()[0] == 0


def test_reprint_of_selected_letters_keeps_their_numbers(qtbot, sample_db, tmp_path, monkeypatch):
    issued = issue_three(sample_db)
    monkeypatch.setattr(QFileDialog, "getExistingDirectory", staticmethod(lambda *a, **k: str(tmp_path)))
    page = make_page(qtbot, sample_db)
    page.view.selectAll()
    page.pdf_split_action.trigger()
    jobs.wait_for_jobs()
    assert sorted(p.name.split()[0] for p in tmp_path.glob("*.pdf")) == sorted(l.serial for l in issued)
    assert sample_db.execute("SELECT COUNT(*) FROM letters").fetchone()[0] == 3


def test_template_editor_names_the_broken_line(qtbot, sample_db):
    editor = TemplateEditor(sample_db)
    qtbot.addWidget(editor)
    assert not editor.preview.pixmap().isNull()
    editor.editor.setPlainText("<p>{{ name }}</p>\n\n<p>{{ serial }</p>\n")
    editor.update_preview()
    assert editor.message.text().startswith("Line 3:")
    assert not editor.save_button.isEnabled()
    editor.editor.setPlainText("<p>{{ name }}</p>\n<p>{{ nickname }}</p>\n")
    editor.update_preview()
    assert "Line 2" in editor.message.text() and "nickname" in editor.message.text()
    editor.editor.setPlainText(letter_templates.source("formal-zh").replace("此聘", "特此聘任"))
    editor.update_preview()
    assert editor.message.text() == "" and editor.save_button.isEnabled()
    qtbot.mouseClick(editor.save_button, Qt.MouseButton.LeftButton)
    assert "特此聘任" in letter_templates.source("formal-zh")
    qtbot.mouseClick(editor.restore_button, Qt.MouseButton.LeftButton)
    assert "特此聘任" not in letter_templates.source("formal-zh")
    editor.reject()


def test_options_dialog_checks_the_pattern_and_saves(qtbot, sample_db):
    from resources import RESOURCES

    dialog = OptionsDialog(sample_db)
    qtbot.addWidget(dialog)
    form = dialog.form
    save = dialog.buttons.button(QDialogButtonBox.StandardButton.Save)
    form.pattern.setText("{prefix}-{year}")
    assert "{seq}" in form.next_serial.text()
    qtbot.mouseClick(save, Qt.MouseButton.LeftButton)
    assert dialog.result() != dialog.DialogCode.Accepted
    assert settings.get(sample_db, "letter_serial_pattern") == "{prefix}-{year}-{seq:04d}"
    form.pattern.setText("{prefix}{year}{seq:03d}")
    form.prefix.setText("PS")
    year = date.today().year
    assert form.next_serial.text() == (f"The next letter issued this year gets the number PS{year}001, the next completion "
                                       f"certificate JY{year}001.")
    form.certificate_prefix.setText("PS")  # one prefix for both kinds is refused
    assert "prefix of their own" in form.next_serial.text()
    qtbot.mouseClick(save, Qt.MouseButton.LeftButton)
    assert dialog.result() != dialog.DialogCode.Accepted
    form.certificate_prefix.clear()
    qtbot.keyClicks(form.certificate_prefix, "XS")
    form.landscape.setChecked(True)
    form.signature_lines.setChecked(True)
    form.issuers.setPlainText("四川工业科技学院\n重庆长安汽车股份有限公司\n")
    assert form.set_seal("四川工业科技学院", str(RESOURCES / "sample" / "seal-sample.png"))
    qtbot.mouseClick(save, Qt.MouseButton.LeftButton)
    assert dialog.result() == dialog.DialogCode.Accepted
    layout = settings.get(sample_db, "letter_layout")
    assert layout["landscape"] and layout["signature_lines"] and list(layout["seals"]) == ["四川工业科技学院"]
    assert settings.get(sample_db, "letter_issuers") == ["四川工业科技学院", "重庆长安汽车股份有限公司"]
    assert settings.get(sample_db, "letter_prefix") == "PS" and settings.get(sample_db, "certificate_prefix") == "XS"
    options = letters.page_options(layout)
    assert options.landscape and options.seals["四川工业科技学院"][:4] == b"\x89PNG"


def pdf_printer(path):
    from PySide6.QtPrintSupport import QPrinter

    printer = QPrinter()
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    printer.setOutputFileName(str(path))
    return printer


def registered(db):
    return [r[0] for r in db.execute("SELECT serial FROM letters ORDER BY id")]


def serials_on(sheets):
    return [re.search(r"MM-\d{4}-\d{4}", text).group() for text in sheets]


def test_print_through_the_dialog_issues_the_numbers(qtbot, sample_db, tmp_path, monkeypatch, sheets):
    from PySide6.QtPrintSupport import QPrintDialog

    out = tmp_path / "printed.pdf"
    monkeypatch.setattr(QPrintDialog, "exec", lambda self: 1)
    page = make_page(qtbot, sample_db)
    page.printer = pdf_printer(out)
    page.printer.setCopyCount(3)
    run_issue_dialog(qtbot, page, "print_button")
    assert page.printer.copyCount() == 1  # copies start at 1 for every print job
    assert out.exists() and len(sheets) == 40
    assert registered(sample_db) == serials_on(sheets) and page.model.rowCount() == 40
    assert page.status.text() == "Letters of appointment sent to the printer: 40."


def test_preview_issues_nothing_and_printing_from_it_records_what_it_prints(qtbot, sample_db, tmp_path, monkeypatch,
                                                                            sheets):
    from PySide6.QtCore import QTimer
    from PySide6.QtGui import QAction
    from PySide6.QtPrintSupport import QPrintPreviewDialog, QPrintPreviewWidget
    from PySide6.QtWidgets import QApplication

    out = tmp_path / "printed.pdf"
    looked = {}

    def look_then_print(dialog):  # the coordinator looks at the letters, then presses the window's own Print
        dialog.show()
        looked.update(pages=dialog.findChild(QPrintPreviewWidget).pageCount(), title=dialog.windowTitle(),
                      registered=registered(sample_db), sheets=len(sheets))
        QTimer.singleShot(0, lambda: QApplication.activeModalWidget().accept())  # OK in the print dialog it opens
        next(a for a in dialog.findChildren(QAction) if a.text() == "Print").trigger()
        return dialog.result()

    monkeypatch.setattr(QPrintPreviewDialog, "exec", look_then_print)
    page = make_page(qtbot, sample_db)
    page.printer = pdf_printer(out)
    run_issue_dialog(qtbot, page, "preview_button")
    assert looked["pages"] == 40 and looked["registered"] == [] and looked["sheets"] == 0
    assert "40 new numbers are registered only when printed or saved" in looked["title"]
    assert out.exists() and len(sheets) == 40
    assert registered(sample_db) == serials_on(sheets)  # every number on paper is in the register
    assert page.model.rowCount() == 40


def test_preview_only_looked_at_issues_nothing(qtbot, sample_db, tmp_path, monkeypatch, sheets):
    from PySide6.QtPrintSupport import QPrintPreviewDialog, QPrintPreviewWidget

    pages = []
    monkeypatch.setattr(QPrintPreviewDialog, "exec", lambda self: self.show() or pages.append(
        self.findChild(QPrintPreviewWidget).pageCount()) or self.reject() or 0)
    page = make_page(qtbot, sample_db)
    page.printer = pdf_printer(tmp_path / "never.pdf")
    run_issue_dialog(qtbot, page, "preview_button")
    assert pages == [40] and sheets == [] and registered(sample_db) == []
    assert not (tmp_path / "never.pdf").exists()


def test_preview_of_a_letter_too_long_for_a_sheet_says_so(qtbot, sample_db, monkeypatch, quiet, sheets):
    from PySide6.QtPrintSupport import QPrintPreviewDialog

    letter_templates.save("long", "{% for i in range(40) %}<p>{{ name }} 第{{ i }}行</p>{% endfor %}")
    monkeypatch.setattr(QPrintPreviewDialog, "exec", lambda self: self.show() or self.reject() or 0)
    page = make_page(qtbot, sample_db)
    dialog = IssueDialog(sample_db, records.programme_id_by_name(sample_db, PROGRAMME), page)
    qtbot.addWidget(dialog)
    dialog.output_requested.connect(page._output)
    dialog.template.setCurrentIndex(dialog.template.findData("long"))
    qtbot.mouseClick(dialog.preview_button, Qt.MouseButton.LeftButton)
    assert any("does not fit on one sheet" in text for text in quiet)
    assert registered(sample_db) == [] and sheets == []


def test_issue_dialog_lists_the_programme_mentors_and_the_letters_they_hold(qtbot, sample_db):
    issued = issue_three(sample_db)
    pid = records.programme_id_by_name(sample_db, PROGRAMME)
    dialog = IssueDialog(sample_db, pid)
    qtbot.addWidget(dialog)
    items = [dialog.mentors.item(i) for i in range(dialog.mentors.count())]
    assert [item.data(Qt.ItemDataRole.UserRole) for item in items] == letters.programme_mentors(sample_db, pid)
    held = {letter.mentor_id: letter.serial for letter in issued}
    for item in items:
        serial = held.get(item.data(Qt.ItemDataRole.UserRole))
        assert (f"(issued: {serial})" in item.text()) == bool(serial)
        assert item.checkState() == (Qt.CheckState.Unchecked if serial else Qt.CheckState.Checked)
    assert len(dialog.chosen_mentors()) == 37


def test_closing_the_window_cancels_a_batch_being_written(qtbot, window, tmp_path, monkeypatch):
    out = tmp_path / "letters.pdf"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", staticmethod(lambda *a, **k: (str(out), "")))
    closing = threading.Event()
    cancel, keep_going = jobs.Job.cancel, jobs.Job.keep_going
    monkeypatch.setattr(jobs.Job, "cancel", lambda job: (cancel(job), closing.set()))
    monkeypatch.setattr(jobs.Job, "keep_going", lambda job, done: closing.wait(10) and keep_going(job, done))  # still busy
    page = window.show_page("letters")
    run_issue_dialog(qtbot, page, "pdf_button")
    assert page.writing
    window.close()
    assert not page.writing and not jobs._running
    assert registered(window.db) == [] and not out.exists() and not list(tmp_path.glob(".*.part"))
    assert "Cancelled" in page.status.text()


def test_in_chinese_papers_are_named_as_they_are_and_revoking_is_作废(qtbot, sample_db, monkeypatch):
    """A certificate is 结业证书 wherever the page speaks of it, revoking is 作废 (undo stays 撤销 on other
    pages), and the reason shows in the register, not only in a tooltip."""
    from PySide6.QtCore import QLocale

    from mentormatch import matching, pairs
    from mentormatch.i18n import install_translators
    from ui.pairing import ReasonDialog

    pid = records.programme_id_by_name(sample_db, PROGRAMME)
    matching.propose(sample_db, pid)
    pairs.accept(sample_db, pid)
    apprentice = sample_db.execute("SELECT apprentice_id FROM pairs WHERE status = 'confirmed' LIMIT 1").fetchone()[0]
    name = sample_db.execute("SELECT name FROM apprentices WHERE id = ?", [apprentice]).fetchone()[0]
    certificate = letters.commit(sample_db, letters.Batch(sample_db, letters.plan(sample_db, [apprentice], pid, None, "2027-01-13", paper=letters.CERTIFICATE)).letters)[0]
    issue_three(sample_db)
    locale = QLocale()
    install_translators("zh_CN")
    try:
        page = make_page(qtbot, sample_db)
        page.paper.setCurrentIndex(page.paper.findData("certificate"))
        assert page.status.text().startswith("显示 1 份结业证书，其中 0 份已作废")
        assert page.revoke_button.text() == "作废…" and page.show_revoked.text() == "显示已作废"
        asked = {}

        def answer(dialog):
            asked.update(title=dialog.windowTitle(), text=dialog.findChild(QLabel).text())
            dialog.reason.setText("姓名写错")
            return 1

        monkeypatch.setattr(ReasonDialog, "exec", answer)
        page.view.selectRow(0)
        qtbot.mouseClick(page.revoke_button, Qt.MouseButton.LeftButton)
        assert asked["title"] == "作废结业证书"
        assert asked["text"].startswith(f"作废 {name} 的结业证书 {certificate.serial}？")
        assert "聘书" not in asked["text"] and "撤销" not in asked["text"]
        row = [page.model.index(0, column).data() for column in range(page.model.columnCount())]
        headers = [page.model.headerData(c, Qt.Orientation.Horizontal) for c in range(page.model.columnCount())]
        assert row[headers.index("状态")] == "已作废" and row[headers.index("作废原因")] == "姓名写错"
        assert "份结业证书，其中 1 份已作废" in page.status.text()
    finally:
        install_translators("en")
        QLocale.setDefault(locale)


def test_the_issue_dialog_says_only_what_applies(qtbot, sample_db):
    issue_three(sample_db)
    dialog = IssueDialog(sample_db, records.programme_id_by_name(sample_db, PROGRAMME))
    qtbot.addWidget(dialog)
    dialog.select_all.setChecked(False)
    for i in range(dialog.mentors.count()):  # only the three mentors who hold a letter
        item = dialog.mentors.item(i)
        item.setCheckState(Qt.CheckState.Checked if item.data(Qt.ItemDataRole.UserRole) in (1, 2, 3) else Qt.CheckState.Unchecked)
    assert "new numbers" not in dialog.note.text() and "printed again with its number" in dialog.note.text()
    dialog.select_all.setChecked(True)
    assert f"{dialog.mentors.count() - 3} without a letter get new numbers" in dialog.note.text()

"""The template editor as a coordinator uses it: wording in a form with a live letter beside it,
pre-printed sheets, unsaved changes; the register's template names; a printer's calibration."""

import sys

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox

from mentormatch import letter_templates, letters, preprinted, records
from tests.test_cli import run
from tests.test_preprinted import PROGRAMME, fake_scan, placed
from ui.letters import LettersPage, RegisterModel, printer_offset, set_printer_offset
from ui.letters_dialogs import CalibrationDialog, TemplateEditor


@pytest.fixture(autouse=True)
def user_templates(tmp_path, monkeypatch):
    folder = tmp_path / "data" / "MentorMatch" / "templates"
    monkeypatch.setattr(letter_templates, "user_dir", lambda: folder)
    return folder


@pytest.fixture
def answers(monkeypatch):
    """What the coordinator answers to 'save the changes?', in turn; the questions asked are kept."""
    given, asked = [], []

    def question(parent, title, text, *args):
        asked.append(text)
        return given.pop(0)

    monkeypatch.setattr(QMessageBox, "question", staticmethod(question))
    return given, asked


def make_editor(qtbot, db):
    editor = TemplateEditor(db)
    qtbot.addWidget(editor)
    editor.show()
    return editor


def preview_bytes(editor):
    image = editor.preview.pixmap().toImage()
    return bytes(image.constBits())


def test_the_wording_form_writes_the_letter_and_the_preview_follows(qtbot, sample_db, answers):
    editor = make_editor(qtbot, sample_db)
    assert not editor.form_box.isEnabled()  # the built-in letter is HTML: the form offers to take it over
    qtbot.mouseClick(editor.use_form_button, Qt.MouseButton.LeftButton)
    assert editor.form_box.isEnabled()
    before = preview_bytes(editor)
    editor.title_edit.clear()
    qtbot.keyClicks(editor.title_edit, "Mentor")  # QTest types Latin letters only
    editor.closing_edit.clear()
    qtbot.keyClicks(editor.closing_edit, "Hereby <all>")
    qtbot.waitUntil(lambda: preview_bytes(editor) != before, timeout=3000)
    html = editor.editor.toPlainText()
    assert "<title>Mentor</title>" in html and "Hereby &lt;all&gt;" in html  # words, not HTML
    # a placeholder button puts {{ name }} where the cursor is, in the field being written
    editor.duties_edit.setFocus()
    editor.duties_edit.clear()
    qtbot.keyClicks(editor.duties_edit, "Dear ")
    qtbot.mouseClick(editor.placeholder_buttons["name"], Qt.MouseButton.LeftButton)
    qtbot.keyClicks(editor.duties_edit, ", guide.")
    assert editor.duties_edit.toPlainText() == "Dear {{ name }}, guide."
    editor.issuers_edit.setPlainText("德阳安装技师学院\n重庆长安汽车股份有限公司")
    assert editor.save("汽车学院聘书")
    assert not editor.has_changes()
    saved = letter_templates.source("汽车学院聘书")
    assert letter_templates.form_of(saved)["title"] == "Mentor"
    planned = letters.plan(sample_db, [1], records.programme_id_by_name(sample_db, PROGRAMME), "汽车学院聘书", "2026-07-14")[0]
    assert planned.issuers == ("德阳安装技师学院", "重庆长安汽车股份有限公司")
    html = letter_templates.render(saved, planned.context)
    assert f"Dear {planned.mentor_name}, guide." in html and "Hereby &lt;all&gt;" in html
    # typed as HTML, the form steps aside (it would overwrite the edit)
    editor.editor.setPlainText(saved.replace("</body>", "<p>附：</p></body>"))
    assert not editor.form_box.isEnabled()
    answers[0].append(QMessageBox.StandardButton.Discard)
    editor.reject()


def test_unsaved_changes_are_asked_about(qtbot, sample_db, answers):
    given, asked = answers
    editor = make_editor(qtbot, sample_db)
    editor.close()
    assert asked == []  # nothing changed: nothing asked
    editor = make_editor(qtbot, sample_db)
    editor.editor.setPlainText(letter_templates.source("formal-zh").replace("此聘", "特此聘任"))
    given.append(QMessageBox.StandardButton.Cancel)
    editor.reject()
    assert editor.isVisible() and len(asked) == 1 and "Formal letter (Chinese)" in asked[0]
    given.append(QMessageBox.StandardButton.Cancel)  # choosing another template keeps the changes too
    editor.template.setCurrentIndex(editor.template.findData("bilingual"))
    assert editor.template.currentData() == "formal-zh" and "特此聘任" in editor.editor.toPlainText()
    given.append(QMessageBox.StandardButton.Save)
    editor.reject()
    assert not editor.isVisible() and "特此聘任" in letter_templates.source("formal-zh")
    editor = make_editor(qtbot, sample_db)
    editor.editor.setPlainText("<p>丢弃</p>")
    given.append(QMessageBox.StandardButton.Discard)
    editor.close()
    assert not editor.isVisible() and "丢弃" not in letter_templates.source("formal-zh")


def test_a_pre_printed_sheet_is_laid_out_in_the_editor_with_its_scan(qtbot, sample_db, tmp_path, answers, monkeypatch):
    from PySide6.QtWidgets import QFileDialog, QInputDialog

    editor = make_editor(qtbot, sample_db)
    monkeypatch.setattr(QInputDialog, "getText", staticmethod(lambda *a, **k: ("正度聘书", True)))
    qtbot.mouseClick(editor.new_sheet_button, Qt.MouseButton.LeftButton)
    assert editor.template.currentText() == "正度聘书" and editor.is_sheet()
    sheet_form = editor.sheet_form
    sheet_form.paper.setCurrentIndex(sheet_form.paper.findText("正度16开", Qt.MatchFlag.MatchContains))
    assert (sheet_form.width_mm.value(), sheet_form.height_mm.value()) == (260, 185)
    scan = fake_scan(tmp_path / "blank.png")
    monkeypatch.setattr(QFileDialog, "getOpenFileName", staticmethod(lambda *a, **k: (str(scan), "")))
    qtbot.mouseClick(sheet_form.choose_button, Qt.MouseButton.LeftButton)
    sheet_form.fields.setRowCount(0)
    sheet_form.add_field("{{ name }}")
    sheet_form.fields.item(0, 1).setText("50")
    sheet_form.fields.item(0, 2).setText("80")
    editor.update_preview()
    assert editor.message.text() == ""
    image = editor.preview.pixmap().toImage()
    assert image.pixelColor(image.width() // 2, 3).name() == "#a0161b"  # the scan shows behind
    sheet_form.fields.item(0, 2).setText("300")  # off the sheet: said, not saved
    editor.update_preview()
    assert "Field 1" in editor.message.text() and not editor.save_button.isEnabled()
    sheet_form.fields.item(0, 2).setText("80")
    editor.update_preview()
    assert editor.save("正度聘书")
    sheet = preprinted.parse(letter_templates.source("正度聘书"))
    assert (sheet.width_mm, sheet.height_mm, sheet.background) == (260, 185, str(scan))
    assert [(f.text, f.x_mm, f.y_mm) for f in sheet.fields] == [("{{ name }}", 50, 80)]
    editor.reject()
    assert answers[1] == []


def test_the_register_shows_template_names_as_given(qtbot, sample_db):
    letter_templates.save("汽车学院聘书", letter_templates.wording_html(letter_templates.DEFAULT_FORM))
    pid = records.programme_id_by_name(sample_db, PROGRAMME)
    letters.commit(sample_db, letters.plan(sample_db, [1], pid, "汽车学院聘书", "2026-07-14"))
    letters.commit(sample_db, letters.plan(sample_db, [2], pid, "formal-zh", "2026-07-14"))
    page = LettersPage(sample_db)
    qtbot.addWidget(page)
    shown = {page.model.data(page.model.index(row, 6)) for row in range(page.model.rowCount())}
    assert shown == {"汽车学院聘书", "Formal letter (Chinese)"}
    assert page.model.headers[6] == RegisterModel(page).headers[6]


def test_calibration_is_remembered_per_printer_and_moves_printed_sheets(qtbot, sample_db, tmp_path, monkeypatch):
    from PySide6.QtPrintSupport import QPrintDialog, QPrinter

    dialog = CalibrationDialog("Office HP", lambda name: None)
    qtbot.addWidget(dialog)
    dialog.measured_x.setValue(41.5)  # the cross drawn at 40 mm came out 1.5 mm to the right and 2 mm high
    dialog.measured_y.setValue(38.0)
    assert (dialog.offset_x.value(), dialog.offset_y.value()) == (-1.5, 2.0)
    dialog.accept()
    assert printer_offset("Office HP") == (-1.5, 2.0) and printer_offset("Other") == (0.0, 0.0)
    set_printer_offset("\\\\server\\前台打印机", 1.0, 1.0)  # a shared printer's name keeps its backslashes
    assert printer_offset("\\\\server\\前台打印机") == (1.0, 1.0) and printer_offset("Office HP") == (-1.5, 2.0)

    sheet = preprinted.Sheet(185, 260, (preprinted.Field("{{ name }}", 60, 95, 20),), str(fake_scan(tmp_path / "b.png")))
    letter_templates.save("正度聘书", preprinted.dumps(sheet), sheet=True)
    page = LettersPage(sample_db)
    qtbot.addWidget(page)
    batch = letters.Batch.for_mentors(sample_db, [1], records.programme_id_by_name(sample_db, PROGRAMME), "正度聘书")
    out = tmp_path / "printed.pdf"

    def to_pdf(self):
        self.printer().setOutputFormat(QPrinter.OutputFormat.PdfFormat)
        self.printer().setOutputFileName(str(out))
        return True

    monkeypatch.setattr(QPrintDialog, "exec", to_pdf)
    monkeypatch.setattr(QPrinter, "printerName", lambda self: "Office HP")
    page._output("print", batch)
    page.printer = None
    left, _, _, baseline = placed(out, batch.letters[0].mentor_name, 20)
    assert (left, baseline) == (pytest.approx(58.5, abs=0.5), pytest.approx(97, abs=0.5))


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="the template folder is placed by XDG_DATA_HOME")
def test_an_unclosed_block_is_explained_in_chinese_at_the_line_that_opened_it(tmp_path):
    data = tmp_path / "data"
    (data / "MentorMatch" / "templates").mkdir(parents=True)
    (data / "MentorMatch" / "templates" / "草稿.html").write_text(
        "<p>{{ name }}</p>\n{% if programme %}\n<p>{{ programme }}</p>\n<p>此聘</p>\n", encoding="utf-8")
    env = {"XDG_DATA_HOME": str(data)}
    db_path = tmp_path / "college.db"
    assert run("--db", str(db_path), "sample", env=env).returncode == 0
    result = run("--lang", "zh_CN", "--db", str(db_path), "letters", str(tmp_path / "x.pdf"), "--template", "草稿", env=env)
    assert result.returncode == 2
    assert "第 2 行" in result.stderr and "{% if %}" in result.stderr and "{% endif %}" in result.stderr, result.stderr

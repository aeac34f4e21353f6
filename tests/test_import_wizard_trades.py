"""The import wizard with trades the catalog lacks (mapped once, remembered) and with programmes
(the newest chosen for rows without one; none possible; a 项目 column wins for its rows)."""

import pytest
from openpyxl import Workbook
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QWizard

from mentormatch import records
from rosters import APPRENTICES, mentors_xlsx
from ui.import_wizard import ImportWizard


def apprentices_roster(path, majors, programmes=None, rows=APPRENTICES):
    """学徒名单 from an academic system; a 项目 column only when programmes are given."""
    book = Workbook()
    sheet = book.active
    sheet.append(["学号", "姓名", "性别", "所学专业", "班级", "学院"] + (["项目"] if programmes else []))
    for i, (row, major) in enumerate(zip(rows, majors)):
        student_no, name, gender, _, _, class_name, college, _ = row
        sheet.append([student_no, name, gender, major, class_name, college] + ([programmes[i]] if programmes else []))
    book.save(path)
    return path


def open_wizard(db, qtbot, path):
    wizard = ImportWizard(db, None, path=str(path))
    qtbot.addWidget(wizard)
    wizard.show()
    qtbot.waitUntil(wizard.file_page.isComplete, timeout=5000)
    qtbot.mouseClick(wizard.button(QWizard.WizardButton.NextButton), Qt.MouseButton.LeftButton)
    assert wizard.currentPage() is wizard.mapping_page
    return wizard


def to_preview(wizard, qtbot):
    qtbot.mouseClick(wizard.button(QWizard.WizardButton.NextButton), Qt.MouseButton.LeftButton)
    assert wizard.currentPage() is wizard.preview_page
    return wizard.preview_page


def commit(wizard, qtbot):
    button = wizard.button(QWizard.WizardButton.CommitButton)
    assert button.isEnabled()
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    assert wizard.currentPage() is wizard.report_page


def trades_of(db, table):
    return dict(db.execute(f"SELECT x.name, t.name_zh FROM {table} x JOIN trades t ON t.id = x.trade_id"))


@pytest.mark.parametrize("kind", ["mentors", "apprentices"])
def test_a_trade_mapped_in_the_wizard_is_known_at_the_next_import(db, qtbot, tmp_path, kind):
    def roster(name, first, count):  # 喷漆工, or the major 汽车车身涂装技术
        if kind == "mentors":
            return mentors_xlsx(tmp_path / name, [(f"师傅{i}", "男", 3000 + i, "重庆长安汽车股份有限公司", "喷漆工", "技师", 2,
                                                   13812345678 + i) for i in range(first, first + count)])
        return apprentices_roster(tmp_path / name, ["汽车车身涂装技术"] * count, rows=APPRENTICES[first:first + count])

    first = open_wizard(db, qtbot, roster("一.xlsx", 0, 2))
    assert first.file_page.kind() == kind
    preview = to_preview(first, qtbot)
    assert preview.trades_box.isVisible()
    combo = preview.trades_form.itemAt(0, preview.trades_form.ItemRole.FieldRole).widget()
    combo.setCurrentIndex(combo.findText("Same as 汽车涂装工"))
    commit(first, qtbot)
    assert set(trades_of(db, kind).values()) == {"汽车涂装工"}

    # the next roster names the same trade or major: nothing to ask
    second = open_wizard(db, qtbot, roster("二.xlsx", 2, 3))
    preview = to_preview(second, qtbot)
    assert not preview.trades_box.isVisible()
    assert all(r.status != "error" for r in second.job.results), [r.reasons() for r in second.job.results]
    commit(second, qtbot)
    assert len(trades_of(db, kind)) == 5 and set(trades_of(db, kind).values()) == {"汽车涂装工"}


def add_programmes(db):
    for name, start in (("2025 春季学徒班", "2025-03-01"), ("2026 秋季学徒班", "2026-09-01"), ("2024 秋季学徒班", "2024-09-01")):
        records.save(db, "programmes", {**records.empty("programmes"), "name": name, "start_date": start})


def programmes_of_apprentices(db):
    return dict(db.execute("SELECT a.name, p.name FROM apprentices a LEFT JOIN programmes p ON p.id = a.programme_id"))


def test_the_wizard_puts_the_apprentices_into_the_newest_programme_or_the_one_chosen(db, qtbot, tmp_path):
    add_programmes(db)
    majors = [row[4] for row in APPRENTICES]
    wizard = open_wizard(db, qtbot, apprentices_roster(tmp_path / "学徒.xlsx", majors))
    combo = wizard.mapping_page.default_combos["programme_id"]
    assert combo.isVisible() and combo.currentText() == "2026 秋季学徒班"  # the newest
    combo.setCurrentText("2025 春季学徒班")
    commit_wizard = to_preview(wizard, qtbot)
    assert commit_wizard.job.defaults["programme_id"] == "2025 春季学徒班"
    commit(wizard, qtbot)
    assert set(programmes_of_apprentices(db).values()) == {"2025 春季学徒班"}


def test_no_programme_is_possible_and_a_programme_column_wins_for_its_rows(db, qtbot, tmp_path):
    add_programmes(db)
    majors = [row[4] for row in APPRENTICES]
    wizard = open_wizard(db, qtbot, apprentices_roster(tmp_path / "学徒.xlsx", majors, ["2024 秋季学徒班", "", "", "", "", ""]))
    assert wizard.job.mapping[-1] == "programme_id"  # the 项目 column
    combo = wizard.mapping_page.default_combos["programme_id"]
    assert combo.currentText() == "2026 秋季学徒班"
    combo.setCurrentIndex(0)  # none
    assert combo.currentText() == "" and combo.lineEdit().placeholderText() == "(none)"
    to_preview(wizard, qtbot)
    commit(wizard, qtbot)
    programmes = programmes_of_apprentices(db)
    assert programmes.pop(APPRENTICES[0][1]) == "2024 秋季学徒班"
    assert set(programmes.values()) == {None}


def test_with_one_programme_it_is_the_one_chosen(db, qtbot, tmp_path):
    records.save(db, "programmes", {**records.empty("programmes"), "name": "唯一项目"})
    wizard = open_wizard(db, qtbot, apprentices_roster(tmp_path / "学徒.xlsx", [row[4] for row in APPRENTICES]))
    assert wizard.mapping_page.default_combos["programme_id"].currentText() == "唯一项目"
    to_preview(wizard, qtbot)
    commit(wizard, qtbot)
    assert set(programmes_of_apprentices(db).values()) == {"唯一项目"}

"""The pairing workspace at scale, as a coordinator uses it: search and filter the three views
together, see what a re-match moves, confirm it knowingly, move an apprentice in one step, read
the history."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog, QMessageBox

from mentormatch import audit, matching, pairs
from tests.test_pair_history import programme, squeeze_mentors
from ui import jobs, pairing
from ui.pairing import MentorChooser, PairingPage


@pytest.fixture
def page(qtbot, sample_db):
    widget = PairingPage(sample_db)
    qtbot.addWidget(widget)
    widget.resize(1300, 800)
    widget.show()
    yield widget
    jobs.wait_for_jobs()


@pytest.fixture
def questions(monkeypatch):
    """QMessageBox.question answered from a list; the texts asked are kept."""
    asked, answers = [], []
    monkeypatch.setattr(QMessageBox, "question", lambda parent, title, text, *a: (asked.append(text), answers.pop(0))[1])
    return asked, answers


def shown_pairs(page) -> list[dict]:
    return [page.model.rows[page.proxy.mapToSource(page.proxy.index(r, 0)).row()] for r in range(page.proxy.rowCount())]


def shown_items(tree) -> list[int]:
    return [tree.topLevelItem(i).child(j).data(0, pairing.ID_ROLE) for i in range(tree.topLevelItemCount())
            if not tree.topLevelItem(i).isHidden() for j in range(tree.topLevelItem(i).childCount())
            if not tree.topLevelItem(i).child(j).isHidden()]


def confirmed_sample(page, db) -> None:
    matching.propose(db, programme(db))
    pairs.accept(db, programme(db))
    page.refresh()


def test_search_and_filters_narrow_all_three_views(qtbot, page, sample_db):
    pid = programme(sample_db)
    matching.propose(sample_db, pid)
    page.refresh()
    pair = page.model.rows[10]
    painter = next(a for a in page.unpaired if a["trade"] == "汽车涂装工")
    # a student number: that pair, its mentor, nobody unmatched
    qtbot.keyClicks(page.search, pair["student_no"])
    assert [r["id"] for r in shown_pairs(page)] == [pair["id"]]
    assert shown_items(page.apprentices) == [] and set(shown_items(page.mentors)) == {pair["mentor_id"]}
    # the name typed in pinyin initials finds the unmatched painter too
    page.search.clear()
    initials = sample_db.execute("SELECT name_pinyin FROM apprentices WHERE id = ?", [painter["id"]]).fetchone()[0]
    initials = "".join(s[0] for s in initials.partition("\t")[0].split())
    qtbot.keyClicks(page.search, initials)
    assert painter["id"] in shown_items(page.apprentices)
    found = pairs.matching_people(sample_db, pid, initials)[0]
    assert {r["apprentice_id"] for r in shown_pairs(page)} | set(shown_items(page.apprentices)) == found
    assert "Shown:" in page.filter_count.text()
    # status and trade filters
    page.search.clear()
    page.status_filter.setCurrentIndex(page.status_filter.findData("unmatched"))
    assert page.proxy.rowCount() == 0 and len(shown_items(page.apprentices)) == len(page.unpaired)
    page.status_filter.setCurrentIndex(page.status_filter.findData(""))
    page.trade_filter.setCurrentIndex(page.trade_filter.findText("钣金工"))
    assert [r["trade"] for r in shown_pairs(page)] == ["钣金工"] * 6 and shown_items(page.apprentices) == []
    groups = [page.mentors.topLevelItem(i) for i in range(page.mentors.topLevelItemCount())]
    assert [g.text(0).split(" ")[0] for g in groups if not g.isHidden()] == ["钣金工"]
    page.trade_filter.setCurrentIndex(page.trade_filter.findText("汽车涂装工"))
    assert page.proxy.rowCount() == 0
    assert sorted(shown_items(page.apprentices)) == sorted(a["id"] for a in page.unpaired if a["trade"] == "汽车涂装工")
    page.trade_filter.setCurrentIndex(0)
    enterprise = page.enterprise_filter.findText("重庆长安汽车股份有限公司")
    page.enterprise_filter.setCurrentIndex(enterprise)
    assert all(r["enterprise"] == "重庆长安汽车股份有限公司" for r in shown_pairs(page))
    page.trade_filter.setCurrentIndex(0)
    page.enterprise_filter.setCurrentIndex(0)
    assert page.proxy.rowCount() == len(page.model.rows) and page.filter_count.text() == ""


def test_a_rematch_shows_its_moves_and_asks_before_accepting(qtbot, page, sample_db, questions):
    confirmed_sample(page, sample_db)
    squeeze_mentors(sample_db)
    page.rematch.setChecked(True)
    qtbot.mouseClick(page.propose_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not page._solving, timeout=10000)
    moves = [r for r in page.model.rows if r["moved_from"]]
    drafts = [r for r in page.model.rows if r["status"] == "proposed"]
    losing = [a for a in page.unpaired if a["loses_mentor"]]
    assert moves and losing
    assert f"New pairs {len(drafts) - len(moves)}, moves {len(moves)}." in page.status.text()
    # the moves alone, each saying from whom to whom and how the score changes
    page.status_filter.setCurrentIndex(page.status_filter.findData("moved"))
    assert page.proxy.rowCount() == len(moves)
    move = moves[0]
    row = next(r for r in range(page.proxy.rowCount()) if page.proxy.index(r, 1).data() == move["apprentice"])
    text = page.proxy.index(row, pairing.PairsModel.MOVE_COLUMN).data()
    change = move["moved_from"]["score_change"]
    assert text == f"from {move['moved_from']['mentor']} → {move['mentor']}, score {change:+d}"
    assert page.proxy.index(row, 0).data() == "Draft · move"
    loser = next(i for i in range(page.apprentices.topLevelItemCount()) if page.apprentices.topLevelItem(i).childCount())
    assert any("if the draft is accepted" in page.apprentices.topLevelItem(i).child(j).text(3)
               for i in range(page.apprentices.topLevelItemCount()) for j in range(page.apprentices.topLevelItem(i).childCount()))
    assert loser is not None
    page.status_filter.setCurrentIndex(0)
    # accepting asks, naming the confirmed pairs that change; No changes nothing
    asked, answers = questions
    answers += [QMessageBox.StandardButton.No, QMessageBox.StandardButton.Yes]
    qtbot.mouseClick(page.accept_all_button, Qt.MouseButton.LeftButton)
    assert f"changes {len(moves) + len(losing)} confirmed pairs: {len(moves)} apprentices move to another mentor, " \
           f"{len(losing)} lose their mentor" in asked[0]
    assert sample_db.execute("SELECT COUNT(*) FROM pairs WHERE end_code = 'rematch_pending'").fetchone()[0] == len(moves) + len(losing)
    qtbot.mouseClick(page.accept_all_button, Qt.MouseButton.LeftButton)
    assert sample_db.execute("SELECT COUNT(*) FROM pairs WHERE end_code = 'rematched'").fetchone()[0] == len(moves) + len(losing)
    assert page.status.text() == f"Accepted {len(drafts)} pairs ({len(moves)} of them moves); 0 draft pairs remain."


def test_accepting_a_selection_keeps_selection_and_scroll(qtbot, page, sample_db, questions):
    matching.propose(sample_db, programme(sample_db))
    page.refresh()
    page.table.sortByColumn(2, Qt.SortOrder.AscendingOrder)  # by student number: accepting does not reorder
    page.table.scrollToBottom()
    rows = [page.proxy.rowCount() - 3, page.proxy.rowCount() - 2]
    for r in rows:
        page.table.selectionModel().select(page.proxy.index(r, 0), page.table.selectionModel().SelectionFlag.Select
                                           | page.table.selectionModel().SelectionFlag.Rows)
    chosen = sorted(page.selected_pair_ids())
    scroll = page.table.verticalScrollBar().value()
    assert scroll > 0
    qtbot.mouseClick(page.accept_selected_button, Qt.MouseButton.LeftButton)
    assert sorted(page.selected_pair_ids()) == chosen
    assert page.table.verticalScrollBar().value() == scroll
    assert page.status.text() == f"Accepted 2 pairs; {len(page.model.rows) - 2} draft pairs remain."
    assert questions[0] == []  # nothing confirmed changed: no question


def test_move_to_another_mentor_is_one_step_undone_in_one(qtbot, page, sample_db, monkeypatch):
    confirmed_sample(page, sample_db)
    row = next(r for r in range(page.proxy.rowCount()) if page.proxy.index(r, 4).data() == "汽车维修工")
    page.table.selectRow(row)
    pair = page._selected_rows()[0]
    chosen = []

    def choose(dialog):
        assert pair["mentor_id"] not in shown_items_flat(dialog.list)
        typed = sample_db.execute("SELECT name_pinyin FROM mentors WHERE id = ?", [target["id"]]).fetchone()[0]
        qtbot.keyClicks(dialog.search, "".join(s[:-1] for s in typed.partition("\t")[0].split()))  # the name in pinyin
        assert target["id"] in shown_items_flat(dialog.list) and dialog.list.topLevelItemCount() < 5
        item = next(dialog.list.topLevelItem(i) for i in range(dialog.list.topLevelItemCount())
                    if dialog.list.topLevelItem(i).data(0, pairing.ID_ROLE) == target["id"])
        dialog.list.setCurrentItem(item)
        chosen.append(dialog.mentor_id())
        return QDialog.DialogCode.Accepted

    target = next(m for m in page.mentor_rows if m["trade_id"] == pair["trade_id"] and m["id"] != pair["mentor_id"]
                  and m["free_confirmed"] and m["enterprise_id"] == pair["enterprise_id"])
    monkeypatch.setattr(MentorChooser, "exec", choose)
    assert page.move_button.isEnabled()
    qtbot.mouseClick(page.move_button, Qt.MouseButton.LeftButton)
    assert chosen == [target["id"]]
    old = sample_db.execute("SELECT ended_at IS NOT NULL, end_code FROM pairs WHERE id = ?", [pair["id"]]).fetchone()
    assert old == (1, "moved")
    assert sample_db.execute("SELECT mentor_id, status FROM pairs WHERE apprentice_id = ? AND ended_at IS NULL",
                             [pair["apprentice_id"]]).fetchone() == (target["id"], "confirmed")
    assert page.status.text() == f"{pair['apprentice']} moved from {pair['mentor']} to {target['name']}; Undo puts it back."
    assert [r["apprentice_id"] for r in page._selected_rows()] == [pair["apprentice_id"]]  # the new pair is selected
    # the history tab shows the move
    page.tabs.setCurrentWidget(page.history_view)
    history = page.history_view
    assert history.model.rows[0]["event"] == "Moved to another mentor" and history.model.rows[0]["then_mentor"] == target["name"]
    # one undo puts the old pair back
    qtbot.mouseClick(page.undo_button, Qt.MouseButton.LeftButton)
    assert sample_db.execute("SELECT id FROM pairs WHERE apprentice_id = ? AND ended_at IS NULL",
                             [pair["apprentice_id"]]).fetchone()[0] == pair["id"]
    assert history.model.rowCount() == 0


def shown_items_flat(widget) -> list[int]:
    return [widget.topLevelItem(i).data(0, pairing.ID_ROLE) for i in range(widget.topLevelItemCount())]


def test_history_tab_searches_names_pinyin_and_reasons(qtbot, page, sample_db):
    confirmed_sample(page, sample_db)
    first, second = page.model.rows[:2]
    pairs.unpair(sample_db, first["id"], "2030-09-01", "学徒退学")
    pairs.unpair(sample_db, second["id"], "2030-09-02", "企业停产")
    page.tabs.setCurrentWidget(page.history_view)
    history = page.history_view
    assert history.proxy.rowCount() == 2 and history.model.rows[0]["by"] == audit.who()[0]
    history.search.insert("停产")  # as an input method commits it (QTest types Latin-1 only)
    assert history.proxy.rowCount() == 1 and history.proxy.index(0, 2).data() == second["apprentice"]
    history.search.clear()
    full = sample_db.execute("SELECT name_pinyin FROM apprentices WHERE id = ?", [first["apprentice_id"]]).fetchone()[0]
    qtbot.keyClicks(history.search, "".join(s[:-1] for s in full.partition("\t")[0].split()))
    assert [history.proxy.index(r, 2).data() for r in range(history.proxy.rowCount())] == [first["apprentice"]]
    assert history.count.text() == "1 of 2"

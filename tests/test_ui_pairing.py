"""The pairing workspace driven as a coordinator would: propose, review, accept a selection, pair by hand, undo."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QByteArray, QMimeData, QPointF, Qt
from PySide6.QtGui import QDropEvent
from PySide6.QtWidgets import QDialog, QMessageBox

from mentormatch import scoring
from ui import jobs, pairing
from ui.pairing import APPRENTICE_MIME, PairingPage, ReasonDialog, WeightsDialog


@pytest.fixture
def page(qtbot, sample_db):
    widget = PairingPage(sample_db)
    qtbot.addWidget(widget)
    widget.resize(1300, 800)
    widget.show()
    yield widget
    jobs.wait_for_jobs()


@pytest.fixture
def warnings(monkeypatch):
    shown = []
    monkeypatch.setattr(QMessageBox, "warning", lambda parent, title, text, *a: shown.append(text))
    return shown


def propose(qtbot, page):
    qtbot.mouseClick(page.propose_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not page._solving, timeout=10000)


def statuses(db):
    return dict(db.execute("SELECT status, COUNT(*) FROM pairs WHERE ended_at IS NULL GROUP BY status").fetchall())


def tree_item(tree, apprentice_or_mentor_id):
    for i in range(tree.topLevelItemCount()):
        group = tree.topLevelItem(i)
        for j in range(group.childCount()):
            if group.child(j).data(0, pairing.ID_ROLE) == apprentice_or_mentor_id:
                return group.child(j)
    raise AssertionError(apprentice_or_mentor_id)


def test_propose_review_accept_selection_and_undo(qtbot, page, sample_db):
    assert page.programme.currentText().startswith("2026") and page.model.rowCount() == 0
    assert not page.accept_all_button.isEnabled()
    propose(qtbot, page)
    assert statuses(sample_db) == {"proposed": 116}
    assert page.proxy.rowCount() == 116 and "116" in page.status.text()
    # the four painters hosted where no painter works are listed with the reason
    reasons = [page.apprentices.topLevelItem(0).child(j).text(3) for j in range(page.apprentices.topLevelItem(0).childCount())]
    assert reasons == ["no mentor of that trade at the host enterprise"] * 4
    # drafts look different and explain themselves
    index = page.proxy.index(0, 0)
    assert page.proxy.data(index, Qt.ItemDataRole.BackgroundRole) is not None
    page.table.selectRow(0)
    assert "same trade +100" in page.why.text()
    # accept two rows of the selection
    page.table.selectRow(0)
    page.table.selectionModel().select(page.proxy.index(1, 0), page.table.selectionModel().SelectionFlag.Select
                                       | page.table.selectionModel().SelectionFlag.Rows)
    qtbot.mouseClick(page.accept_selected_button, Qt.MouseButton.LeftButton)
    assert statuses(sample_db) == {"proposed": 114, "confirmed": 2}
    confirmed_rows = [page.proxy.index(r, 0).data() for r in range(page.proxy.rowCount())]
    assert confirmed_rows.count("Confirmed") == 2
    # discard the rest; Ctrl+Z brings the draft back
    qtbot.mouseClick(page.discard_button, Qt.MouseButton.LeftButton)
    assert statuses(sample_db) == {"confirmed": 2}
    page.table.setFocus()
    qtbot.keyClick(page.table, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert statuses(sample_db) == {"proposed": 114, "confirmed": 2}
    qtbot.mouseClick(page.accept_all_button, Qt.MouseButton.LeftButton)
    assert statuses(sample_db) == {"confirmed": 116}


def test_drag_an_apprentice_onto_a_mentor_with_override(qtbot, page, sample_db, monkeypatch):
    propose(qtbot, page)
    painter = page.apprentices.topLevelItem(0).child(0)
    apprentice, name = painter.data(0, pairing.ID_ROLE), painter.text(0)
    mentor = sample_db.execute("SELECT m.id FROM mentors m JOIN trades t ON t.id = m.trade_id WHERE t.name_zh = '汽车涂装工'"
                               " ORDER BY m.id").fetchone()[0]
    seen = []

    def fake_exec(dialog):
        seen.append(dialog.findChild(pairing.QLabel).text())
        dialog.reason.setText("企业同意跨厂带教")
        return QDialog.DialogCode.Accepted

    monkeypatch.setattr(ReasonDialog, "exec", fake_exec)
    data = QMimeData()
    data.setData(APPRENTICE_MIME, QByteArray(str(apprentice).encode()))
    target = page.mentors.visualItemRect(tree_item(page.mentors, mentor)).center()
    event = QDropEvent(QPointF(target), Qt.DropAction.MoveAction, data, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier)
    page.mentors.dropEvent(event)
    assert "hosted by" in seen[0]
    assert sample_db.execute("SELECT mentor_id, status, override_reason FROM pairs WHERE apprentice_id = ? AND ended_at IS NULL",
                             [apprentice]).fetchone() == (mentor, "confirmed", "企业同意跨厂带教")
    assert name not in [page.apprentices.topLevelItem(0).child(j).text(0)
                                   for j in range(page.apprentices.topLevelItem(0).childCount())]


def test_cancelled_override_pairs_nothing(qtbot, page, sample_db, monkeypatch):
    monkeypatch.setattr(ReasonDialog, "exec", lambda dialog: QDialog.DialogCode.Rejected)
    apprentice = page.apprentices.topLevelItem(0).child(0).data(0, pairing.ID_ROLE)
    welder = sample_db.execute("SELECT m.id FROM mentors m JOIN trades t ON t.id = m.trade_id WHERE t.name_zh = '焊工'").fetchone()[0]
    page.apprentices.setCurrentItem(tree_item(page.apprentices, apprentice))
    page.mentors.setCurrentItem(tree_item(page.mentors, welder))
    qtbot.mouseClick(page.by_hand_button, Qt.MouseButton.LeftButton)
    assert statuses(sample_db) == {}


def test_unpair_keeps_history_and_lock_blocks_it(qtbot, page, sample_db, monkeypatch, warnings):
    propose(qtbot, page)
    qtbot.mouseClick(page.accept_all_button, Qt.MouseButton.LeftButton)
    page.table.selectRow(0)
    pair_id = page.selected_pair_ids()[0]
    qtbot.mouseClick(page.lock_button, Qt.MouseButton.LeftButton)
    page.table.selectRow([page.proxy.index(r, 0).data(pairing.ID_ROLE) for r in range(page.proxy.rowCount())].index(pair_id))
    assert not page.unpair_button.isEnabled() and page.unlock_button.isEnabled()
    qtbot.mouseClick(page.unlock_button, Qt.MouseButton.LeftButton)
    page.table.selectRow([page.proxy.index(r, 0).data(pairing.ID_ROLE) for r in range(page.proxy.rowCount())].index(pair_id))

    def fake_exec(dialog):
        dialog.reason.setText("企业停产")
        return QDialog.DialogCode.Accepted

    monkeypatch.setattr(ReasonDialog, "exec", fake_exec)
    qtbot.mouseClick(page.unpair_button, Qt.MouseButton.LeftButton)
    row = sample_db.execute("SELECT ended_at IS NOT NULL, end_reason FROM pairs WHERE id = ?", [pair_id]).fetchone()
    assert row == (1, "企业停产") and not warnings


def test_weights_dialog_saves_to_the_database(qtbot, sample_db, monkeypatch):
    dialog = WeightsDialog(sample_db)
    qtbot.addWidget(dialog)
    dialog.form.spins["fairness_step"].setValue(35)
    dialog.accept()
    assert scoring.load_weights(sample_db).fairness_step == 35
    assert dialog.result() == QDialog.DialogCode.Accepted


def test_supply_and_demand_tab(qtbot, page, sample_db):
    assert page.supply.topLevelItemCount() == 0  # filled when shown
    page.tabs.setCurrentWidget(page.supply)
    def painters():
        tree = page.supply
        row = next(tree.topLevelItem(r) for r in range(tree.topLevelItemCount()) if tree.topLevelItem(r).text(0) == "汽车涂装工")
        return [row.text(c) for c in range(1, 8)], [[row.child(j).text(c) for c in range(8)] for j in range(row.childCount())]

    # eight free places, none theirs: the four painters hosted where no painter works cannot be placed
    why = "no mentor of that trade at the host enterprise: 4"
    assert painters() == (["4", "0", "8", "0", "0", "4", why], [["长安汽车", "4", "0", "", "0", "0", "4", why]])
    assert page.supply.topLevelItem(0).text(0) == "汽车涂装工" and page.supply.topLevelItem(0).isExpanded()  # the shortfall first
    # before any proposal, the painters who cannot be placed already say why
    group = page.apprentices.topLevelItem(0)
    assert group.text(0) == "汽车涂装工 (4)" and group.child(0).text(3) == "no mentor of that trade at the host enterprise"
    # a painter mentor at their host enterprise, with two places: two can be placed, two cannot
    with sample_db.atomic():
        host, trade = sample_db.execute("SELECT host_enterprise_id, trade_id FROM apprentices a JOIN trades t ON t.id = a.trade_id"
                                        " WHERE t.name_zh = '汽车涂装工' LIMIT 1").fetchone()
        sample_db.execute("INSERT INTO mentors (name, enterprise_id, employee_no, trade_id, capacity) VALUES ('涂师傅', ?, 'P9', ?, 2)",
                          [host, trade])
    page.refresh()
    totals, hosts = painters()
    assert totals == ["4", "0", "10", "2", "2", "2", "all mentors of that trade are full: 2"]
    assert hosts == [["长安汽车", "4", "0", "", "2", "2", "2", "all mentors of that trade are full: 2"]]

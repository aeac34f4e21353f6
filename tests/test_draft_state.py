"""A draft never lies about being current: a change of weights, capacities, exclusions, records or
other pairs behind it marks it out of date; acting on the draft itself does not; its total is the
sum of its own pairs' stored scores."""

from __future__ import annotations

from contextlib import contextmanager
from dataclasses import asdict

import pytest
from PySide6.QtCore import QLocale, Qt
from PySide6.QtWidgets import QDialog

from mentormatch import matching, pairs, records, settings, store
from mentormatch.i18n import install_translators
from ui import jobs
from ui.pairing import PairingPage, WeightsDialog


def stale(db) -> bool:
    return matching.draft_state(db, None).stale


def draft_ids(db) -> list[int]:
    return [r[0] for r in db.execute("SELECT id FROM pairs WHERE ended_at IS NULL AND status = 'proposed' ORDER BY id")]


@pytest.fixture
def drafted(sample_db):
    proposal = matching.propose(sample_db, None)
    state = matching.draft_state(sample_db, None)
    assert not state.stale and state.pairs == proposal.matched == 116
    assert state.total_score == proposal.total_score
    return sample_db


def test_acting_on_the_draft_keeps_it_current(drafted):
    db = drafted
    ids = draft_ids(db)
    pairs.accept(db, None, ids[:25])
    pairs.set_locked(db, ids[25:27], True)
    pairs.unpair(db, ids[30], "", "不合适")
    state = matching.draft_state(db, None)
    assert not state.stale and state.pairs == 116 - 25 - 1
    assert state.total_score == db.execute("SELECT SUM(score) FROM pairs WHERE status = 'proposed' AND ended_at IS NULL").fetchone()[0]
    # a class name is no input of the matcher
    records.set_fields(db, "apprentices", [r[0] for r in db.execute("SELECT id FROM apprentices LIMIT 5")], {"class_name": "汽修2601"})
    assert not stale(db)


def test_accepting_part_of_a_rematch_keeps_the_rest_current(drafted):
    db = drafted
    pairs.accept(db, None)
    with store.writing(db):  # fairness now outweighs continuity: the re-match moves some confirmed pairs
        settings.put(db, "match_weights", {**asdict(matching.load_weights(db)), "continuity": 0, "fairness_step": 60})
    matching.propose(db, None, rematch=True)
    moved = db.execute("SELECT COUNT(*) FROM pairs WHERE end_code = ?", [pairs.REMATCH_PENDING]).fetchone()[0]
    state = matching.draft_state(db, None)
    assert moved and state.pairs == moved and not state.stale
    pairs.accept(db, None, draft_ids(db)[:3])
    assert not stale(db) and matching.draft_state(db, None).pairs == moved - 3


@pytest.mark.parametrize("change", ["weight", "default capacity", "mentor capacity", "mentor leaves", "exclusion", "host enterprise",
                                    "pair by hand", "unpair a confirmed pair"])
def test_a_change_behind_the_draft_puts_it_out_of_date(drafted, change):
    db = drafted
    ids = draft_ids(db)
    pairs.accept(db, None, ids[:3])  # some accepted pairs: ending one of them is a change behind the rest
    mentor = db.execute("SELECT mentor_id FROM pairs WHERE id = ?", [ids[5]]).fetchone()[0]
    painter = db.execute("SELECT a.id FROM apprentices a JOIN trades t ON t.id = a.trade_id WHERE t.name_zh = '汽车涂装工'").fetchone()[0]
    with store.writing(db):
        if change == "weight":
            settings.put(db, "match_weights", {**asdict(matching.load_weights(db)), "fairness_step": 7})
        elif change == "default capacity":
            settings.put(db, "default_capacity", settings.get(db, "default_capacity") + 1)
        elif change == "mentor capacity":
            db.execute("UPDATE mentors SET capacity = 1 WHERE id = ?", [mentor])
        elif change == "mentor leaves":
            db.execute("UPDATE mentors SET active = 0 WHERE id = ?", [mentor])
        elif change == "exclusion":
            apprentice = db.execute("SELECT apprentice_id FROM pairs WHERE id = ?", [ids[5]]).fetchone()[0]
            pairs.exclude(db, apprentice, mentor, "性格不合")
        elif change == "host enterprise":
            records.set_fields(db, "apprentices", [painter], {"host_enterprise_id": None})
        elif change == "pair by hand":
            pairs.pair_by_hand(db, painter, mentor, "企业同意")
        else:
            pairs.unpair(db, ids[0], "", "企业停产")
    state = matching.draft_state(db, None)
    assert state.stale
    # proposing again makes it current
    matching.propose(db, None)
    assert not stale(db)


def test_a_commit_of_another_program_during_the_solve_makes_the_draft_out_of_date(tmp_path):
    from mentormatch.sample import fill_sample

    path = tmp_path / "m.db"
    db = store.open_database(path)
    fill_sample(db)
    inst = matching.load_instance(db, None)
    other = store.open_database(path)
    with store.writing(other):
        other.execute("UPDATE mentors SET years = years + 1")
    other.close()
    matching.write_draft(db, inst, matching.solve(inst))
    assert stale(db)
    db.close()


@contextmanager
def chinese():
    locale = QLocale()
    install_translators("zh_CN")
    try:
        yield
    finally:
        install_translators("en")
        QLocale.setDefault(locale)


def test_new_weights_mark_the_draft_out_of_date_on_the_page(qtbot, sample_db, monkeypatch):
    with chinese():  # the page as coordinators read it
        check_new_weights(qtbot, sample_db, monkeypatch)


def check_new_weights(qtbot, sample_db, monkeypatch):
    page = PairingPage(sample_db)
    qtbot.addWidget(page)
    page.resize(1300, 800)
    page.show()
    qtbot.mouseClick(page.propose_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not page._solving, timeout=10000)
    assert not page.stale_banner.isVisible()
    stored = sample_db.execute("SELECT SUM(score), COUNT(*) FROM pairs WHERE status = 'proposed'").fetchone()
    assert f"{stored[1]} 对" in page.status.text() and str(stored[0]) in page.status.text()

    def new_weight(dialog):
        dialog.form.spins["same_trade"].setValue(60)
        dialog.accept()
        return QDialog.DialogCode.Accepted

    monkeypatch.setattr(WeightsDialog, "exec", new_weight)
    qtbot.mouseClick(page.weights_button, Qt.MouseButton.LeftButton)
    assert page.stale_banner.isVisible() and "草稿已过期" in page.stale_text.text()
    assert page.repropose_button.text() == "重新生成" and page.repropose_button.isEnabled()
    # the status line still gives the draft's own total, from its stored scores
    assert str(stored[0]) in page.status.text()
    qtbot.mouseClick(page.repropose_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not page._solving, timeout=10000)
    assert not page.stale_banner.isVisible()
    total = sample_db.execute("SELECT SUM(score) FROM pairs WHERE status = 'proposed'").fetchone()[0]
    assert total < stored[0] and str(total) in page.status.text()  # same trade is worth 60 now
    jobs.wait_for_jobs()

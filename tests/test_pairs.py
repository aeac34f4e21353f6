"""The coordinator's actions on pairs: accept, discard, by hand with override, unpair, lock, exclude, undo."""

from __future__ import annotations

import pytest
from test_matching import World

from mentormatch import matching, pairs
from mentormatch.errors import UserError


@pytest.fixture
def world(db):
    w = World(db)
    w.e1, w.e2 = w.enterprise(), w.enterprise()
    w.m1 = w.mentor(w.trades[0], w.e1, capacity=1)
    w.m2 = w.mentor(w.trades[0], w.e1, capacity=2)
    w.a1, w.a2, w.a3 = (w.apprentice(w.trades[0]) for _ in range(3))
    return w


def snapshot(db):
    return db.execute("SELECT * FROM pairs ORDER BY id").fetchall(), db.execute("SELECT * FROM exclusions").fetchall()


def test_accept_a_selection_then_discard_the_rest(db, world):
    matching.propose(db, world.programme)
    drafts = [p for p in pairs.list_pairs(db, world.programme) if p["status"] == "proposed"]
    assert len(drafts) == 3
    pairs.accept(db, world.programme, [drafts[0]["id"]])
    pairs.discard_draft(db, world.programme)
    rows = db.execute("SELECT id, status FROM pairs").fetchall()
    assert rows == [(drafts[0]["id"], "confirmed")]
    with pytest.raises(UserError):
        pairs.accept(db, world.programme)


def test_by_hand_needs_an_override_to_break_a_rule(db, world):
    outsider = world.mentor(world.trades[3], world.e2, capacity=1)
    problems = pairs.violations(db, world.a1, outsider)
    assert len(problems) == 1 and "电工" not in problems[0] and "车工" in problems[0]
    with pytest.raises(UserError):
        pairs.pair_by_hand(db, world.a1, outsider)
    pairs.pair_by_hand(db, world.a1, outsider, override_reason="企业临时调岗")
    assert db.execute("SELECT status, override_reason FROM pairs").fetchone() == ("confirmed", "企业临时调岗")
    pairs.pair_by_hand(db, world.a2, world.m1)  # no rule broken: no reason needed, none recorded
    assert db.execute("SELECT override_reason FROM pairs WHERE apprentice_id = ?", [world.a2]).fetchone() == (None,)
    assert any("full" in p for p in pairs.violations(db, world.a3, world.m1))


def test_by_hand_moves_a_confirmed_pair_and_keeps_history(db, world):
    pairs.pair_by_hand(db, world.a1, world.m1)
    pairs.pair_by_hand(db, world.a1, world.m2)
    rows = db.execute("SELECT mentor_id, ended_at IS NULL FROM pairs WHERE apprentice_id = ? ORDER BY id", [world.a1]).fetchall()
    assert rows == [(world.m1, 0), (world.m2, 1)]


def test_unpair_keeps_history_with_date_and_reason(db, world):
    pairs.pair_by_hand(db, world.a1, world.m1)
    pair_id = db.execute("SELECT id FROM pairs").fetchone()[0]
    with db.atomic():  # the pair began when the programme did
        db.execute("UPDATE pairs SET confirmed_at = '2026-07-14T09:00:00' WHERE id = ?", [pair_id])
    with pytest.raises(UserError):
        pairs.unpair(db, pair_id, "2026-09-01", "  ")
    with pytest.raises(UserError):
        pairs.unpair(db, pair_id, "2026-02-30", "转岗")
    with pytest.raises(UserError, match="began on 2026-07-14"):  # a date before the pair began
        pairs.unpair(db, pair_id, "2026-07-01", "转岗")
    pairs.unpair(db, pair_id, "2026/9/1", "学徒转岗（Ａ班→Ｂ班）")
    # the coordinator's words as typed (full-width letters kept); no code: a person ended it
    assert db.execute("SELECT ended_at, end_reason, end_code FROM pairs").fetchone() == ("2026-09-01", "学徒转岗（Ａ班→Ｂ班）", None)


def test_the_application_marks_its_own_endings_by_code_not_by_a_sentence(db, world):
    pairs.pair_by_hand(db, world.a1, world.m1)
    pairs.pair_by_hand(db, world.a1, world.m2)  # moved by hand
    pairs.exclude(db, world.a1, world.m2, "")
    rows = db.execute("SELECT mentor_id, end_code, end_reason FROM pairs ORDER BY id").fetchall()
    assert rows == [(world.m1, "moved", None), (world.m2, "excluded", None)]


def test_locked_pairs_resist_unpairing_and_matching(db, world):
    pairs.pair_by_hand(db, world.a1, world.m2)
    pair_id = db.execute("SELECT id FROM pairs").fetchone()[0]
    pairs.set_locked(db, [pair_id], True)
    with pytest.raises(UserError):
        pairs.unpair(db, pair_id, "2026-09-01", "x")
    matching.propose(db, world.programme, rematch=True)
    assert db.execute("SELECT mentor_id, locked, ended_at FROM pairs WHERE id = ?", [pair_id]).fetchone() == (world.m2, 1, None)


def test_exclude_ends_their_pair_and_is_respected(db, world):
    pairs.pair_by_hand(db, world.a1, world.m1)
    pairs.exclude(db, world.a1, world.m1, "性格不合")
    assert db.execute("SELECT end_code, end_reason FROM pairs").fetchone() == ("excluded", "性格不合")
    assert pairs.violations(db, world.a1, world.m1)
    proposal = matching.propose(db, world.programme)
    assert (world.a1, world.m1) not in {(a, m) for a, m, _ in proposal.pairs}


@pytest.mark.parametrize("action", ["propose", "accept", "discard", "by_hand", "unpair", "lock", "exclude"])
def test_undo_puts_back_exactly_what_was_there(db, world, action):
    matching.propose(db, world.programme)
    draft = pairs.list_pairs(db, world.programme)[0]
    before = snapshot(db)
    change = {
        "propose": lambda: pairs.write_draft(db, world.programme, [], {}),
        "accept": lambda: pairs.accept(db, world.programme),
        "discard": lambda: pairs.discard_draft(db, world.programme),
        "by_hand": lambda: pairs.pair_by_hand(db, draft["apprentice_id"], world.mentor(world.trades[0], world.e1)),
        "unpair": lambda: pairs.unpair(db, draft["id"], "2026-09-01", "不需要"),
        "lock": lambda: pairs.set_locked(db, [draft["id"]], True),
        "exclude": lambda: pairs.exclude(db, draft["apprentice_id"], draft["mentor_id"], "不合适"),
    }[action]()
    assert snapshot(db) != before
    pairs.undo(db, change)
    assert snapshot(db) == before


def test_undo_of_a_rematch_draft_restores_the_confirmed_pair(db, world):
    outsider = world.mentor(world.trades[3], world.e2, capacity=1)
    pairs.pair_by_hand(db, world.a1, outsider, override_reason="临时")
    before = snapshot(db)
    inst = matching.load_instance(db, world.programme, rematch=True)
    change = matching.write_draft(db, inst, matching.solve(inst))
    assert db.execute("SELECT end_code FROM pairs WHERE mentor_id = ?", [outsider]).fetchone() == (pairs.REMATCH_PENDING,)
    pairs.undo(db, change)
    assert snapshot(db) == before


def test_undo_refuses_when_the_pairs_changed_since(db, world):
    matching.propose(db, world.programme)
    change = pairs.accept(db, world.programme)
    pair_id = db.execute("SELECT id FROM pairs ORDER BY id").fetchone()[0]
    pairs.set_locked(db, [pair_id], True)
    with pytest.raises(UserError):
        pairs.undo(db, change)

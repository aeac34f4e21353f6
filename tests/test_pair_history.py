"""Re-matches that say what they move, and the history of pairs: the core, `match --rematch --json`
and `export history` from a fresh database through the command line."""

from __future__ import annotations

import csv
import json

import openpyxl

from mentormatch import audit, exporter, matching, pairs
from mentormatch.store import open_database, writing
from tests.test_cli import run


def programme(db) -> int:
    return db.execute("SELECT id FROM programmes").fetchone()[0]


def squeeze_mentors(db, count: int = 5) -> None:
    """Take two places from each of the busiest mentors: a re-match must move some of their apprentices."""
    with writing(db):
        for mentor, load in db.execute("SELECT mentor_id, COUNT(*) c FROM pairs WHERE ended_at IS NULL GROUP BY mentor_id"
                                       " ORDER BY c DESC, mentor_id LIMIT ?", [count]).fetchall():
            db.execute("UPDATE mentors SET capacity = ? WHERE id = ?", [max(load - 2, 1), mentor])


def rematch_draft(db) -> int:
    pid = programme(db)
    matching.propose(db, pid)
    pairs.accept(db, pid)
    squeeze_mentors(db)
    matching.propose(db, pid, rematch=True)
    return pid


def test_a_rematch_draft_names_the_confirmed_mentor_it_takes_from(sample_db):
    pid = rematch_draft(sample_db)
    pending = dict(sample_db.execute("SELECT apprentice_id, mentor_id FROM pairs WHERE end_code = 'rematch_pending'").fetchall())
    listed = pairs.list_pairs(sample_db, pid)
    moves = [p for p in listed if p["moved_from"]]
    assert moves and all(p["status"] == "proposed" for p in moves)
    for p in moves:
        old = sample_db.execute("SELECT mentor_id, score FROM pairs WHERE apprentice_id = ? AND end_code = 'rematch_pending'",
                                [p["apprentice_id"]]).fetchone()
        assert p["moved_from"]["mentor_id"] == old[0] != p["mentor_id"]
        assert p["moved_from"]["score_change"] == p["score"] - old[1]
    # new pairs are not moves; the apprentices a re-match leaves without a mentor say whom they lose
    assert all(p["moved_from"] is None for p in listed if p["apprentice_id"] not in pending)
    losing = {a["id"] for a in pairs.unpaired_apprentices(sample_db, pid) if a["loses_mentor"]}
    assert losing == set(pending) - {p["apprentice_id"] for p in moves}


def test_match_rematch_json_gives_the_previous_mentor(tmp_path):
    path = tmp_path / "m.db"
    assert run("--db", str(path), "sample").returncode == 0
    assert run("--db", str(path), "match", "--confirm").returncode == 0
    db = open_database(path)
    squeeze_mentors(db)
    db.close()
    result = run("--db", str(path), "match", "--rematch", "--json")
    assert result.returncode == 0, result.stderr
    out = json.loads(result.stdout)
    moved = [p for p in out["pairs"] if p["moved_from"]]
    assert moved and out["moved"] == len(moved)
    db = open_database(path)
    for p in moved:
        old_id, old_score, name = db.execute(
            "SELECT p.mentor_id, p.score, m.name FROM pairs p JOIN apprentices a ON a.id = p.apprentice_id"
            " JOIN mentors m ON m.id = p.mentor_id WHERE a.student_no = ? AND p.end_code = 'rematch_pending'",
            [p["apprentice"]["student_no"]]).fetchone()
        assert p["moved_from"] == {"id": old_id, "name": name, "score_change": p["score"] - old_score}
    db.close()
    assert all(p["moved_from"] is None for p in out["pairs"] if p["status"] == "confirmed")


def test_history_names_what_ended_why_and_who(sample_db):
    pid = programme(sample_db)
    matching.propose(sample_db, pid)
    pairs.accept(sample_db, pid)
    first, second, third = pairs.list_pairs(sample_db, pid)[:3]
    pairs.unpair(sample_db, first["id"], "2030-09-01", "学徒退学")
    other = next(m for m in pairs.mentor_loads(sample_db) if m["trade_id"] == second["trade_id"]
                 and m["id"] != second["mentor_id"] and m["free_confirmed"] and m["enterprise_id"] == second["enterprise_id"])
    pairs.pair_by_hand(sample_db, second["apprentice_id"], other["id"])
    pairs.exclude(sample_db, third["apprentice_id"], third["mentor_id"], "师徒不和")
    painter = next(a for a in pairs.unpaired_apprentices(sample_db, pid) if a["trade"] == "汽车涂装工")
    painter_mentor = sample_db.execute("SELECT m.id FROM mentors m JOIN trades t ON t.id = m.trade_id WHERE t.name_zh = '汽车涂装工'"
                                       " ORDER BY m.id").fetchone()[0]
    pairs.pair_by_hand(sample_db, painter["id"], painter_mentor, "企业同意跨厂带教")
    rows = pairs.history(sample_db, pid)
    user = audit.who()[0]
    by = {(r["apprentice"], r["event"]): r for r in rows}
    unpaired = by[(first["apprentice"], "Unpaired")]
    assert (unpaired["ended"], unpaired["reason"], unpaired["by"], unpaired["mentor"]) == ("2030-09-01", "学徒退学", user, first["mentor"])
    assert unpaired["started"] == sample_db.execute("SELECT substr(confirmed_at, 1, 10) FROM pairs WHERE id = ?",
                                                    [first["id"]]).fetchone()[0]
    moved = by[(second["apprentice"], "Moved to another mentor")]
    assert (moved["mentor"], moved["then_mentor"], moved["by"]) == (second["mentor"], other["name"], user)
    excluded = by[(third["apprentice"], "Never pair (exclusion)")]
    assert (excluded["reason"], excluded["by"]) == ("师徒不和", user)
    exclusion = by[(third["apprentice"], "Exclusion")]
    assert (exclusion["mentor"], exclusion["reason"], exclusion["by"]) == (third["mentor"], "师徒不和", user)
    override = by[(painter["name"], "Paired against a rule")]
    assert override["override_reason"] == "企业同意跨厂带教" and override["ended"] is None and override["by"] == user
    assert len(rows) == 5 and rows == sorted(rows, key=lambda r: r["date"], reverse=True)


def test_accepted_rematch_is_history_with_the_next_mentor(sample_db):
    pid = rematch_draft(sample_db)
    moves = {p["apprentice_id"]: p for p in pairs.list_pairs(sample_db, pid) if p["moved_from"]}
    pairs.accept(sample_db, pid)
    rematched = [r for r in pairs.history(sample_db, pid) if r["event"] == "Re-matched"]
    for row in rematched:
        if row["apprentice_id"] in moves:
            move = moves[row["apprentice_id"]]
            assert (row["mentor"], row["then_mentor"]) == (move["moved_from"]["mentor"], move["mentor"])
    assert {r["apprentice_id"] for r in rematched} >= set(moves)


def test_export_history_from_a_fresh_database(tmp_path):
    path = tmp_path / "h.db"
    assert run("--db", str(path), "sample").returncode == 0
    assert run("--db", str(path), "match", "--confirm").returncode == 0
    db = open_database(path)
    pid = programme(db)
    name = db.execute("SELECT name FROM programmes").fetchone()[0]
    pair = pairs.list_pairs(db, pid)[0]
    pairs.unpair(db, pair["id"], "2030-09-01", "=学徒退学")  # a reason that looks like a formula stays text
    db.close()
    out_csv, out_xlsx = tmp_path / "history.csv", tmp_path / "history.xlsx"
    result = run("--db", str(path), "--lang", "zh_CN", "export", "history", str(out_csv), "--programme", name)
    assert result.returncode == 0, result.stderr
    with open(out_csv, encoding="utf-8-sig") as fh:
        table = list(csv.reader(fh))
    assert table[0] == ["日期", "事项", "学徒", "学号", "工种", "导师", "企业", "配对日期", "结束日期", "之后的导师", "填写的原因",
                        "突破规则的原因", "操作人（用户）"]
    assert table[1][:3] == ["2030-09-01", "解除配对", pair["apprentice"]] and table[1][10] == "'=学徒退学"
    assert table[1][12] == audit.who()[0] and len(table) == 2
    assert run("--db", str(path), "export", "history", str(out_xlsx)).returncode == 0
    sheet = openpyxl.load_workbook(out_xlsx).active
    assert sheet.cell(2, 2).value == "Unpaired" and sheet.cell(2, 11).value == "=学徒退学"
    refused = run("--db", str(path), "--lang", "en", "export", "history", str(out_csv), "--full-personal-data")
    assert refused.returncode == 2 and "no ID numbers or phones" in refused.stderr


def test_pair_export_has_start_locked_and_override(sample_db, tmp_path):
    pid = programme(sample_db)
    painter = next(a for a in pairs.unpaired_apprentices(sample_db, pid) if a["trade"] == "汽车涂装工")
    mentor = sample_db.execute("SELECT m.id FROM mentors m JOIN trades t ON t.id = m.trade_id WHERE t.name_zh = '汽车涂装工'"
                               " ORDER BY m.id").fetchone()[0]
    pairs.pair_by_hand(sample_db, painter["id"], mentor, "企业同意跨厂带教")
    pair_id = sample_db.execute("SELECT id, substr(confirmed_at, 1, 10) FROM pairs WHERE ended_at IS NULL").fetchone()
    pairs.set_locked(sample_db, [pair_id[0]], True)
    exporter.export(sample_db, "pairs", tmp_path / "p.csv", pid, ["apprentice", "paired_on", "locked", "override_reason"])
    with open(tmp_path / "p.csv", encoding="utf-8-sig") as fh:
        table = list(csv.reader(fh))
    assert table == [["Apprentice", "Paired on", "Locked", "Rule overridden because"],
                     [painter["name"], pair_id[1], "yes", "企业同意跨厂带教"]]

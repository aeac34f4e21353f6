"""Capacity, load and free places agree on every screen and export (mentormatch/capacity.py), and so
do the mentors of a programme.

The figures are checked against an oracle the test computes from the tables itself, with a state
where the two free-place figures differ: part of a draft accepted, the rest still a draft, a mentor
teaching a second trade, an inactive mentor holding a pair and a changed default capacity.
"""

from __future__ import annotations

import csv
from collections import Counter

import pytest
from openpyxl import load_workbook
from PySide6.QtCore import Qt

from mentormatch import capacity, exporter, letters, settings, store
from mentormatch.store import now_iso
from ui import jobs
from ui.main_window import MainWindow

TRADES = ("汽车维修工", "焊工", "钣金工", "汽车装调工")


def header_column(model, text: str) -> int:
    headers = [model.headerData(c, Qt.Orientation.Horizontal) for c in range(model.columnCount())]
    return headers.index(text)


def trade_id(db, name: str) -> int:
    return db.execute("SELECT id FROM trades WHERE name_zh = ?", [name]).fetchone()[0]


def supply_rows(page) -> dict[str, dict]:
    """The supply tab as read: each trade's figures by column title, with its host enterprises' under "hosts"."""
    page.tabs.setCurrentWidget(page.supply)
    tree = page.supply
    titles = [tree.headerItem().text(c) for c in range(tree.columnCount())]

    def read(item):
        return {title: item.text(c) for c, title in enumerate(titles)}

    return {(trade := tree.topLevelItem(i)).text(0): {**read(trade), "hosts": {trade.child(j).text(0): read(trade.child(j))
                                                                             for j in range(trade.childCount())}}
            for i in range(tree.topLevelItemCount())}


def tree_header(page, trade: str) -> str:
    tree = page.mentors
    return next(tree.topLevelItem(i).text(0) for i in range(tree.topLevelItemCount()) if tree.topLevelItem(i).text(0).startswith(trade + " ("))


def oracle(db) -> dict[int, dict]:
    """Each mentor's figures, counted here from the tables."""
    default = settings.get(db, "default_capacity")
    result = {}
    for mid, own, active in db.execute("SELECT id, capacity, active FROM mentors"):
        cap = default if own is None else own
        confirmed, draft = (db.execute("SELECT COUNT(*) FROM pairs WHERE mentor_id = ? AND ended_at IS NULL AND status = ?",
                                       [mid, status]).fetchone()[0] for status in ("confirmed", "proposed"))
        result[mid] = {"capacity": cap, "load": confirmed + draft, "active": active,
                       "free_confirmed": max(cap - confirmed, 0) if active else 0,
                       "free_after_draft": max(cap - confirmed - draft, 0) if active else 0}
    return result


def oracle_by_trade(db, figures: dict[int, dict], name: str) -> tuple[int, int]:
    teachers = {r[0] for r in db.execute("SELECT id FROM mentors WHERE trade_id = ?1 UNION SELECT mentor_id FROM mentor_trades"
                                         " WHERE trade_id = ?1", [trade_id(db, name)])}
    active = [figures[m] for m in teachers if figures[m]["active"]]
    return sum(f["free_confirmed"] for f in active), sum(f["free_after_draft"] for f in active)


@pytest.fixture
def window(qtbot, sample_db):
    win = MainWindow(sample_db, "sample.db")
    qtbot.addWidget(win)
    win.resize(1400, 900)
    win.show()
    yield win
    jobs.wait_for_jobs()


def test_every_screen_and_export_shows_the_same_loads_and_free_places(qtbot, window, sample_db, tmp_path):
    db = sample_db
    welder = db.execute("SELECT id FROM mentors WHERE trade_id = ? ORDER BY id LIMIT 1", [trade_id(db, "焊工")]).fetchone()[0]
    with db.atomic():  # a welder who also teaches car maintenance: counted under both trades
        db.execute("INSERT INTO mentor_trades (mentor_id, trade_id) VALUES (?, ?)", [welder, trade_id(db, "汽车维修工")])
    settings.put(db, "default_capacity", 6)

    # propose on the pairing page: the supply tab, the unmatched list, the draft and the mentor tree agree
    page = window.show_page("pairing")
    qtbot.mouseClick(page.propose_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not page._solving and page.model.rowCount() > 0, timeout=10000)
    supply = supply_rows(page)
    unmatched = {page.apprentices.topLevelItem(i).text(0).split(" (")[0]: page.apprentices.topLevelItem(i).childCount()
                 for i in range(page.apprentices.topLevelItemCount())}
    drafted = Counter(row["trade"] for row in page.model.rows if row["status"] == "proposed")
    figures = oracle(db)
    for name, row in supply.items():
        assert int(row["Of them in the draft"]) == drafted[name]
        assert int(row["Cannot be placed"]) == unmatched.get(name, 0) == int(row["Apprentices needing a mentor"]) - drafted[name]
        assert sum(int(h["Cannot be placed"]) for h in row["hosts"].values()) == int(row["Cannot be placed"])
        free, after = oracle_by_trade(db, figures, name)
        assert int(row["Free places (confirmed)"]) == free and int(row["Usable after draft"]) <= after
        assert tree_header(page, name).endswith(f"free places (confirmed) {free}; free after draft {after})")
    # the painters: eight free places, none theirs
    painters = supply["汽车涂装工"]
    assert (painters["Free places (confirmed)"], painters["Usable by them (confirmed)"], painters["Cannot be placed"]) == ("8", "0", "4")
    assert painters["Why"] == "no mentor of that trade at the host enterprise: 4"
    assert painters["hosts"]["长安汽车"]["Cannot be placed"] == "4"

    # accept the first ten pairs of the draft, keep the rest a draft
    page.table.sortByColumn(4, Qt.SortOrder.AscendingOrder)  # by trade: the confirmed pairs land in a few trades
    page.table.selectRow(0)
    for row in range(1, 10):
        page.table.selectionModel().select(page.proxy.index(row, 0), page.table.selectionModel().SelectionFlag.Select
                                           | page.table.selectionModel().SelectionFlag.Rows)
    qtbot.mouseClick(page.accept_selected_button, Qt.MouseButton.LeftButton)
    # an inactive mentor who still holds a confirmed pair has no free places
    inactive = db.execute("SELECT mentor_id FROM pairs WHERE status = 'confirmed' LIMIT 1").fetchone()[0]
    with db.atomic():
        db.execute("UPDATE mentors SET active = 0 WHERE id = ?", [inactive])
    page = window.show_page("pairing")
    statuses = dict(db.execute("SELECT status, COUNT(*) FROM pairs WHERE ended_at IS NULL GROUP BY status").fetchall())
    assert statuses["confirmed"] == 10 and statuses["proposed"] > 50

    figures = oracle(db)
    names = {mid: (name, employee_no) for mid, name, employee_no in db.execute("SELECT id, name, employee_no FROM mentors")}

    # the supply tab: a trade's free places (confirmed) of all its mentors, as the tree's header
    tab = {name: int(row["Free places (confirmed)"]) for name, row in supply_rows(page).items()}

    # the mentor tree: each trade's header and each mentor's load against capacity
    tree = page.mentors
    shown_loads: dict[int, str] = {}
    shown_trades: dict[str, tuple[int, int]] = {}
    for i in range(tree.topLevelItemCount()):
        group = tree.topLevelItem(i)
        name = group.text(0).split(" (")[0]
        expected = oracle_by_trade(db, figures, name)
        assert group.text(0).endswith("free places (confirmed) {}; free after draft {})".format(*expected)), group.text(0)
        assert tab[name] == expected[0]
        shown_trades[name] = expected
        for j in range(group.childCount()):
            item = group.child(j)
            mid = item.data(0, Qt.ItemDataRole.UserRole)
            shown_loads[mid] = item.text(3)
            assert item.text(3) == f"{figures[mid]['load']}/{figures[mid]['capacity']}"
    assert welder in shown_loads and inactive not in shown_loads
    for name in TRADES:
        assert shown_trades[name] == oracle_by_trade(db, figures, name)
    maintenance = shown_trades["汽车维修工"]
    assert maintenance[0] > maintenance[1]  # the draft takes places: the two figures differ, under two names

    # the mentor list: load (with draft) / capacity of every mentor
    mentors = window.show_page("mentors")
    load_col = header_column(mentors.model, "Load (with draft) / capacity")
    for mid, f in figures.items():
        assert mentors.model.index(mentors.model.row_of(mid), load_col).data() == f"{f['load']}/{f['capacity']}"
        if mid in shown_loads:
            assert shown_loads[mid] == f"{f['load']}/{f['capacity']}"

    # the mentor export, read back from .xlsx and .csv
    keys = ["name", "employee_no", "capacity", "load", "free_confirmed", "free_after_draft"]
    exporter.export(db, "mentors", tmp_path / "m.xlsx", keys=keys)
    exporter.export(db, "mentors", tmp_path / "m.csv", keys=keys)
    sheet = [[c.value for c in row] for row in load_workbook(tmp_path / "m.xlsx").worksheets[0].iter_rows()]
    with open(tmp_path / "m.csv", encoding="utf-8-sig", newline="") as f:
        text = list(csv.reader(f))
    assert sheet[0] == text[0] == ["Name", "Employee number", "Capacity", "Load (with draft)", "Free places (confirmed)",
                                   "Free after draft"]
    by_mentor = {(name, str(number).strip()): row for name, number, *row in sheet[1:]}
    by_mentor_csv = {(name, number.strip()): [int(v) for v in row] for name, number, *row in text[1:]}
    assert len(by_mentor) == len(by_mentor_csv) == len(figures)
    for mid, f in figures.items():
        expected = [f["capacity"], f["load"], f["free_confirmed"], f["free_after_draft"]]
        assert by_mentor[names[mid]] == by_mentor_csv[names[mid]] == expected
    # the export's free places per trade are the tab's
    for name in TRADES:
        teachers = {r[0] for r in db.execute("SELECT mentor_id FROM mentor_teaches WHERE trade_id = ?", [trade_id(db, name)])}
        rows = [by_mentor[names[m]] for m in teachers]
        assert (sum(r[2] for r in rows), sum(r[3] for r in rows)) == shown_trades[name] and tab[name] == shown_trades[name][0]


def test_the_mentors_of_a_programme_are_the_same_in_the_list_the_export_and_the_letters(qtbot, window, sample_db, tmp_path):
    db = sample_db
    programme = db.execute("SELECT id FROM programmes").fetchone()[0]
    with db.atomic():  # an enterprise outside the programme; one of its mentors has a draft pair in it, one nothing
        outside = db.execute("INSERT INTO enterprises (name) VALUES ('重庆外协汽修有限公司')").lastrowid
        welder_trade = trade_id(db, "焊工")
        drafted, idle = (db.execute("INSERT INTO mentors (name, enterprise_id, employee_no, trade_id) VALUES (?, ?, ?, ?)",
                                    [name, outside, number, welder_trade]).lastrowid for name, number in (("外协甲", "X1"), ("外协乙", "X2")))
        apprentice = db.execute("SELECT id FROM apprentices WHERE trade_id = ? LIMIT 1", [welder_trade]).fetchone()[0]
        db.execute("INSERT INTO pairs (programme_id, apprentice_id, mentor_id, status, created_at) VALUES (?, ?, ?, 'proposed', ?)",
                   [programme, apprentice, drafted, now_iso()])
    members = {r[0] for r in db.execute("SELECT m.id FROM mentors m JOIN programme_enterprises pe ON pe.enterprise_id = m.enterprise_id"
                                        " WHERE pe.programme_id = ?", [programme])} | {drafted}

    page = window.show_page("mentors")
    page.programme_box.setCurrentIndex(page.programme_box.findData(programme))
    listed = {page.model.record_id(r) for r in range(page.model.rowCount())}
    assert listed == members and idle not in listed

    exporter.export(db, "mentors", tmp_path / "m.csv", programme_id=programme, keys=["employee_no"])
    with open(tmp_path / "m.csv", encoding="utf-8-sig", newline="") as f:
        exported = {row[0].strip() for row in list(csv.reader(f))[1:]}
    assert exported == {db.execute("SELECT employee_no FROM mentors WHERE id = ?", [m]).fetchone()[0] for m in members}

    # before any pair is confirmed, letters go to the programme's active mentors; after, to those confirmed
    assert set(letters.programme_mentors(db, programme)) == members
    # a letter planned without a programme takes the mentor's only one
    assert [letter.programme_id for letter in letters.plan(db, [drafted, idle], None)] == [programme, None]
    with db.atomic():
        db.execute("UPDATE pairs SET status = 'confirmed', confirmed_at = ? WHERE mentor_id = ?", [now_iso(), drafted])
    assert letters.programme_mentors(db, programme) == [drafted]


@pytest.mark.parametrize("setting", [None, 5])
def test_a_file_of_schema_1_keeps_its_default_capacity(tmp_path, old_sample, setting):
    path = tmp_path / "old.db"
    db = old_sample(path, 1)
    if setting is not None:  # as that version wrote it: it had no audit log
        with db.atomic():
            db.execute("INSERT INTO settings (key, value) VALUES ('default_capacity', ?)", [str(setting)])
    db.close()
    db = store.open_database(path)
    expected = setting or settings.DEFAULTS["default_capacity"]
    assert settings.get(db, "default_capacity") == expected
    without_own = db.execute("SELECT id FROM mentors WHERE capacity IS NULL LIMIT 1").fetchone()[0]
    assert capacity.of_mentor(db, without_own).capacity == expected
    db.close()

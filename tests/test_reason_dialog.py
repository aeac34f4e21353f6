"""Dialogs that ask for a reason, opened as a coordinator opens them (force a pair against a rule,
unpair, never pair these two, revoke a letter): the message, then the date where one is asked,
then the reason with the keyboard focus; letters typed without clicking land in the reason, Enter
confirms once it is filled, and no widget lies over another, at 100 % and at 150 %.

At 150 % the same steps run in a fresh process in Chinese (QT_SCALE_FACTOR is read when Qt starts):
run as a script (`python tests/test_reason_dialog.py FOLDER [SCREENSHOTS]`), this module prints what
it saw as JSON and can save each dialog as a PNG.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from itertools import combinations
from pathlib import Path

from PySide6.QtCore import QEvent, Qt, QTimer
from PySide6.QtGui import QKeyEvent
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QDialog, QDialogButtonBox, QWidget

KINDS = {  # kind: (what is typed, whether a date is asked)
    "override": ("企业同意跨厂带教", False),
    "unpair": ("企业停产", True),
    "exclude": ("性格不合", False),
    "revoke": ("导师离职", False),
}


def wait_for(condition, timeout_ms: int) -> None:
    for _ in range(timeout_ms // 10):
        if condition():
            return
        QTest.qWait(10)
    raise AssertionError("timed out")


def type_text(widget: QWidget, text: str) -> None:
    """Key presses carrying the characters, as a keyboard or input method sends them (QTest.keyClicks
    takes Latin-1 only)."""
    for char in text:
        for kind in (QEvent.Type.KeyPress, QEvent.Type.KeyRelease):
            QApplication.sendEvent(widget, QKeyEvent(kind, 0, Qt.KeyboardModifier.NoModifier, char))


def _name(widget: QWidget) -> str:
    text = widget.text() if hasattr(widget, "text") else ""
    return f"{type(widget).__name__} {text[:20]}".strip()


def look(dialog) -> dict:
    """What the user finds in the open dialog before touching it."""
    shown = [w for w in dialog.findChildren(QWidget, options=Qt.FindChildOption.FindDirectChildrenOnly) if w.isVisible()]
    order = sorted(shown, key=lambda w: (w.geometry().top(), w.geometry().left()))
    return {
        "focus_in_reason": QApplication.focusWidget() is dialog.reason,
        "overlaps": [[_name(a), _name(b)] for a, b in combinations(shown, 2) if a.geometry().intersects(b.geometry())],
        "outside": [_name(w) for w in shown if not dialog.rect().contains(w.geometry())],
        "order": [type(w).__name__ for w in order if type(w).__name__ in ("QDateEdit", "QLineEdit", "QDialogButtonBox")],
        "message_first": type(order[0]).__name__ == "QLabel" and order[0].wordWrap(),  # the message, above the form
        "has_date": dialog.date is not None,
        "ok_enabled_while_empty": dialog.buttons.button(QDialogButtonBox.StandardButton.Ok).isEnabled(),
    }


def answering(text: str, seen: dict, kind: str, shots: Path | None = None):
    """A replacement for ReasonDialog.exec: the real modal dialog, answered from the keyboard only —
    Enter while the reason is empty, then the text and Enter into whatever has the focus."""
    real_exec = QDialog.exec

    def exec_(dialog):
        def act():
            try:
                wait_for(lambda: dialog.isActiveWindow(), 2000)
                seen[kind] = look(dialog)
                if shots:
                    dialog.grab().save(str(shots / f"{kind}.png"))
                focus = QApplication.focusWidget()
                QTest.keyClick(focus, Qt.Key.Key_Return)
                seen[kind]["open_after_empty_enter"] = dialog.isVisible()
                type_text(focus, text)
                QTest.keyClick(focus, Qt.Key.Key_Return)
            finally:
                if dialog.isVisible():
                    dialog.reject()

        QTimer.singleShot(0, act)
        return real_exec(dialog)

    return exec_


def open_each_kind(db, monkeypatch_exec, shots: Path | None = None) -> tuple[dict, dict]:
    """Open every kind of reason dialog through the pages; returns what was seen in each and what was stored."""
    from mentormatch import letters, records
    from ui import pairing
    from ui.letters import LettersPage

    seen: dict = {}
    page = pairing.PairingPage(db)
    page.resize(1300, 800)
    page.show()
    # force a painter onto a painter of another enterprise than their host: a rule is broken
    apprentice, mentor = db.execute(
        "SELECT a.id, m.id FROM apprentices a JOIN trades t ON t.id = a.trade_id JOIN mentors m ON m.trade_id = t.id"
        " WHERE t.name_zh = '汽车涂装工' AND a.host_enterprise_id IS NOT NULL AND m.enterprise_id <> a.host_enterprise_id"
        " ORDER BY a.id, m.id LIMIT 1").fetchone()
    monkeypatch_exec(pairing.ReasonDialog, answering(KINDS["override"][0], seen, "override", shots))
    page.pair_by_hand(apprentice, mentor)
    stored = {"override": db.execute("SELECT override_reason FROM pairs WHERE apprentice_id = ? AND ended_at IS NULL",
                                     [apprentice]).fetchone()}
    # accept a proposal, then end one pair and exclude another
    page.propose_button.click()
    wait_for(lambda: not page._solving and page.model.rowCount() > 10, 10000)
    page.accept_all_button.click()
    for kind, button in (("unpair", page.unpair_button), ("exclude", page.exclude_button)):
        page.table.selectRow(5)
        pair_id = page.selected_pair_ids()[0]
        monkeypatch_exec(pairing.ReasonDialog, answering(KINDS[kind][0], seen, kind, shots))
        button.click()
        stored[kind] = db.execute("SELECT end_reason FROM pairs WHERE id = ?", [pair_id]).fetchone()
    stored["exclude_reason"] = db.execute("SELECT reason FROM exclusions").fetchall()
    page.close()
    # revoke a letter on the Letters page
    programme = records.programme_id_by_name(db, "2026 渝北—德阳 汽车工程半年实习")
    letters.commit(db, letters.plan(db, [mentor], programme, issue_date="2026-07-14"))
    register = LettersPage(db)
    register.show()
    register.view.selectRow(0)
    monkeypatch_exec(pairing.ReasonDialog, answering(KINDS["revoke"][0], seen, "revoke", shots))
    register.revoke_button.click()
    stored["revoke"] = db.execute("SELECT revoke_reason FROM letters").fetchone()
    register.close()
    return seen, stored


def check(seen: dict, stored: dict) -> None:
    assert set(seen) == set(KINDS)
    for kind, (_, with_date) in KINDS.items():
        found = seen[kind]
        assert found["focus_in_reason"], kind
        assert not found["overlaps"] and not found["outside"], (kind, found)
        assert found["message_first"], kind
        assert found["order"] == (["QDateEdit"] if with_date else []) + ["QLineEdit", "QDialogButtonBox"], (kind, found)
        assert found["has_date"] == with_date, kind
        assert not found["ok_enabled_while_empty"] and found["open_after_empty_enter"], kind
    assert stored["override"] == (KINDS["override"][0],)
    assert stored["unpair"] == (KINDS["unpair"][0],)
    assert stored["exclude"] == (KINDS["exclude"][0],) and stored["exclude_reason"] == [(KINDS["exclude"][0],)]
    assert stored["revoke"] == (KINDS["revoke"][0],)


def test_reasons_typed_from_the_keyboard_land_in_the_reason(qtbot, sample_db, monkeypatch, tmp_path):
    from mentormatch import letter_templates

    monkeypatch.setattr(letter_templates, "user_dir", lambda: tmp_path / "user-templates")
    seen, stored = open_each_kind(sample_db, lambda cls, fn: monkeypatch.setattr(cls, "exec", fn))
    check(seen, stored)


def test_at_150_percent_too(tmp_path):
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "QT_SCALE_FACTOR": "1.5"}
    result = subprocess.run([sys.executable, __file__, str(tmp_path)], capture_output=True, text=True, env=env,
                            timeout=120, check=False, cwd=Path(__file__).resolve().parent.parent)
    assert result.returncode == 0, result.stderr
    found = json.loads(result.stdout.splitlines()[-1])
    assert found["scale"] == 1.5
    check(found["seen"], {k: tuple(v) if k != "exclude_reason" else [tuple(r) for r in v] for k, v in found["stored"].items()})


def main(folder: str, shots: str = "") -> None:
    app = QApplication(["reason_dialogs"])
    from mentormatch import letter_templates
    from mentormatch.i18n import install_translators
    from mentormatch.sample import fill_sample
    from mentormatch.store import memory_database

    install_translators("zh_CN")  # as coordinators see it: Chinese, at 150 %
    letter_templates.user_dir = lambda: Path(folder) / "user-templates"
    db = memory_database()
    fill_sample(db)
    seen, stored = open_each_kind(db, lambda cls, fn: setattr(cls, "exec", fn), Path(shots) if shots else None)
    print(json.dumps({"scale": app.primaryScreen().devicePixelRatio(), "seen": seen, "stored": stored}, ensure_ascii=False), flush=True)
    os._exit(0)  # leave without tearing windows down (see tests/screen_sizes.py)


if __name__ == "__main__":
    sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
    main(*sys.argv[1:3])

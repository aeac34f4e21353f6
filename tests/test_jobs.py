"""The one shape for background work: outcomes on the main thread, busy always cleared."""

import threading

import pytest
from PySide6.QtCore import QThread
from PySide6.QtWidgets import QApplication, QMessageBox, QWidget

from mentormatch.errors import UserError
from ui import app, jobs


@pytest.fixture
def widget(qtbot):
    w = QWidget()
    qtbot.addWidget(w)
    return w


@pytest.fixture
def dialogs(monkeypatch):
    """Every message box shown, with whether it was built on the main thread."""
    shown = []

    def record(kind):
        return lambda parent, title, text, *a: shown.append((kind, text, QThread.currentThread() is QApplication.instance().thread()))
    monkeypatch.setattr(QMessageBox, "warning", record("warning"))
    monkeypatch.setattr(QMessageBox, "critical", record("critical"))
    return shown


def test_a_result_and_progress_arrive_on_the_main_thread(widget, dialogs):
    seen, busy = [], []

    def work(keep_going):
        keep_going(1)
        return threading.current_thread() is threading.main_thread()

    job = jobs.run_job(widget, work, on_done=lambda on_main: seen.append(
        (on_main, QThread.currentThread() is QApplication.instance().thread())), busy=busy.append)
    progress = []
    job.progress.connect(progress.append)
    jobs.wait_for_jobs()
    assert seen == [(False, True)]  # worked off the main thread, delivered on it
    assert busy == [True, False] and not dialogs


def test_a_user_error_is_shown_in_words_and_the_busy_state_cleared(widget, dialogs):
    busy = []

    def work(keep_going):
        raise UserError("第 3 行：身份证号码校验位不对")

    jobs.run_job(widget, work, busy=busy.append)
    jobs.wait_for_jobs()
    assert dialogs == [("warning", "第 3 行：身份证号码校验位不对", True)]
    assert busy == [True, False]


def test_a_bug_is_logged_and_reported_on_the_main_thread(widget, dialogs, tmp_path, monkeypatch):
    monkeypatch.setattr("mentormatch.errors.error_log_path", lambda: tmp_path / "errors.log")
    busy = []

    def work(keep_going):
        raise KeyError("oops")

    jobs.run_job(widget, work, busy=busy.append)
    jobs.wait_for_jobs()
    assert [(kind, on_main) for kind, _, on_main in dialogs] == [("critical", True)]
    assert "errors.log" in dialogs[0][1] and "KeyError" in (tmp_path / "errors.log").read_text(encoding="utf-8")
    assert busy == [True, False]


def test_shutdown_cancels_a_running_job(widget, dialogs):
    started = threading.Event()
    results = []

    def work(keep_going):
        started.set()
        while keep_going(0):
            pass
        return "stopped"

    jobs.run_job(widget, work, on_done=results.append)
    started.wait(5)
    jobs.shutdown()
    assert results == ["stopped"]


def test_an_error_on_another_thread_builds_no_dialog_there(qapp, dialogs, tmp_path, monkeypatch):
    monkeypatch.setattr("mentormatch.errors.error_log_path", lambda: tmp_path / "errors.log")
    app.install_error_report()
    thread = threading.Thread(target=lambda: app.report_unexpected_error(ValueError("the printer caught fire")))
    thread.start()
    thread.join()
    assert not dialogs  # not built on the worker
    QApplication.processEvents()
    assert len(dialogs) == 1 and dialogs[0][2] and "the printer caught fire" in dialogs[0][1]


def test_a_window_closed_while_its_job_runs_gets_no_outcome(qtbot, dialogs):
    import shiboken6

    w = QWidget()
    started, release = threading.Event(), threading.Event()
    delivered = []

    def work(keep_going):
        started.set()
        release.wait(5)
        raise UserError("读取失败")

    jobs.run_job(w, work, on_done=delivered.append, on_error=delivered.append, busy=lambda busy: delivered.append(busy))
    started.wait(5)
    shiboken6.delete(w)  # the wizard was closed mid-read
    release.set()
    jobs.wait_for_jobs()
    assert delivered == [True] and not dialogs  # nothing reaches the deleted widget, no stray message

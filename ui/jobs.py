"""One shape for background work: a function runs on a worker thread, its outcome comes back
to the main thread, and the busy state is always cleared.

    job = run_job(self, work, on_done=self._written, busy=self._set_busy)

`work(keep_going)` runs off the main thread with plain data (or its own database connection);
it calls `keep_going(done)` to report progress, and stops when that returns False (the user
cancelled). Its result goes to `on_done` on the main thread. Any exception goes to `on_error`
on the main thread — by default a `UserError` is shown as a warning and anything else is
reported as a bug (logged) — so no dialog is ever built on a worker. `busy(True)` is called
when the job starts and `busy(False)` after it ended, whatever happened. Closing a window calls
`shutdown()`, which cancels running jobs and waits for them.
"""

from __future__ import annotations

from typing import Any, Callable

import shiboken6
from PySide6.QtCore import QCoreApplication, QObject, QRunnable, QThreadPool, Signal
from PySide6.QtWidgets import QMessageBox, QWidget

from mentormatch.errors import user_message

_running: set["Job"] = set()
_pool: QThreadPool | None = None


class Job(QObject):
    """A running background job; lives on the main thread, its signals arrive there."""

    progress = Signal(int)
    _succeeded = Signal(object)
    _failed = Signal(object)

    def __init__(self, widget: QWidget, work: Callable[[Callable[[int], bool]], Any], on_done, on_error, busy):
        super().__init__()  # no parent: the job outlives a window closed while it runs
        self.widget = widget
        self.work, self.on_done, self.on_error, self.busy = work, on_done, on_error, busy
        self.cancelled = False
        self._succeeded.connect(self._finish_done)
        self._failed.connect(self._finish_error)

    def cancel(self) -> None:
        self.cancelled = True

    def keep_going(self, done: int) -> bool:
        self.progress.emit(done)
        return not self.cancelled

    def _run(self) -> None:  # on the worker
        try:
            result = self.work(self.keep_going)
        except BaseException as exc:  # noqa: BLE001 — every error must reach the main thread
            self._failed.emit(exc)
        else:
            self._succeeded.emit(result)

    def _finish_done(self, result) -> None:
        try:
            if self.on_done is not None and self._widget_alive():
                self.on_done(result)
        finally:
            self._end()

    def _finish_error(self, exc: BaseException) -> None:
        try:
            if not self._widget_alive():
                if user_message(exc) is None:
                    show_error(None, exc)  # the window is gone, but a bug is still reported and logged
            elif self.on_error is not None:
                self.on_error(exc)
            else:
                show_error(self.widget, exc)
        finally:
            self._end()

    def _widget_alive(self) -> bool:
        """False once the window that started the job was closed and deleted: its outcome has nowhere to go."""
        return shiboken6.isValid(self.widget)

    def _end(self) -> None:
        _running.discard(self)
        if self.busy is not None and self._widget_alive():
            self.busy(False)


class _Runnable(QRunnable):
    def __init__(self, job: Job):
        super().__init__()
        self.job = job

    def run(self) -> None:
        self.job._run()


def show_error(parent: QWidget | None, exc: BaseException, title: str | None = None) -> None:
    """Show an error on the main thread: the user's message, or a bug reported and logged."""
    message = user_message(exc)
    if message is None:
        from ui.app import report_unexpected_error

        report_unexpected_error(exc)
        return
    QMessageBox.warning(parent, title or (parent.window().windowTitle() if parent else "") or "MentorMatch", message)


def run_job(widget: QWidget, work, on_done=None, on_error=None, busy=None) -> Job:
    """Start `work` on the background pool; see the module's docstring."""
    global _pool
    if _pool is None:
        _pool = QThreadPool()
        _pool.setMaxThreadCount(2)
    job = Job(widget, work, on_done, on_error, busy)
    _running.add(job)
    if busy is not None:
        busy(True)
    _pool.start(_Runnable(job))
    return job


def wait_for_jobs() -> None:
    """Block until every background job has ended and its outcome has been delivered."""
    if _pool is not None:
        _pool.waitForDone()
    while _running:
        QCoreApplication.processEvents()


def shutdown() -> None:
    """Cancel running jobs and wait for them (closing the window)."""
    for job in list(_running):
        job.cancel()
    wait_for_jobs()

"""A wall-clock limit for one extraction, because some pages make parsers run for seconds.

In the main thread on a POSIX system the limit is a real-time interval timer (SIGALRM):
its handler raises inside the running Python code, so the work stops and its memory is
freed. Handlers only run between bytecodes, so a single long C call (one lxml parse) ends
before the limit fires; byte and nesting caps before parsing keep those calls short.
Elsewhere (worker threads, Windows) signals are unavailable, so the work runs in a daemon
thread that is abandoned when the limit passes: the caller gets its answer on time, the
thread finishes in the background and its result is dropped.
"""

from __future__ import annotations

import signal
import threading
from collections.abc import Callable
from types import FrameType
from typing import TypeVar

T = TypeVar("T")


class TimeLimitExceeded(BaseException):
    """Internal: the work took longer than its limit (extract turns it into a Skipped).

    A BaseException, like KeyboardInterrupt, because parsers catch `Exception` broadly
    (trafilatura logs "lxml parsing failed" and carries on), which would swallow the limit.
    """


def _can_use_alarm() -> bool:
    return (
        hasattr(signal, "setitimer")
        and threading.current_thread() is threading.main_thread()
        and signal.getitimer(signal.ITIMER_REAL)[0] == 0.0  # nobody else's timer is running
    )


def run_with_time_limit(work: Callable[[], T], seconds: float) -> T:
    """Return `work()`, or raise TimeLimitExceeded once `seconds` have passed."""
    if seconds <= 0:
        return work()
    if _can_use_alarm():
        return _with_alarm(work, seconds)
    return _with_thread(work, seconds)


def _with_alarm(work: Callable[[], T], seconds: float) -> T:
    def on_alarm(_signum: int, _frame: FrameType | None) -> None:
        raise TimeLimitExceeded(f"took longer than {seconds:g} s")

    previous = signal.signal(signal.SIGALRM, on_alarm)
    signal.setitimer(signal.ITIMER_REAL, seconds)
    try:
        return work()
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)


def _with_thread(work: Callable[[], T], seconds: float) -> T:
    outcome: dict[str, object] = {}

    def target() -> None:
        try:
            outcome["value"] = work()
        except BaseException as error:  # handed back to the caller's thread below
            outcome["error"] = error

    worker = threading.Thread(target=target, name="trucewatch-extract", daemon=True)
    worker.start()
    worker.join(seconds)
    if worker.is_alive():
        raise TimeLimitExceeded(f"took longer than {seconds:g} s")
    if "error" in outcome:
        raise outcome["error"]  # type: ignore[misc]
    return outcome["value"]  # type: ignore[return-value]


__all__ = ["TimeLimitExceeded", "run_with_time_limit"]

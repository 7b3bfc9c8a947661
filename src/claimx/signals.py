"""Stopping a run: SIGTERM and SIGHUP behave like Ctrl-C (SIGINT).

Inside :func:`stop_on_signals` each of them raises :class:`Stopped` in the
main thread, which unwinds the run like ``KeyboardInterrupt`` does: the
temporary file being written is removed (``writers.atomic_open``), the worker
pool is terminated, and files already renamed into an output folder stay
complete. The command then exits with 128 + the signal's number, as a shell
reports a process killed by it.
"""

from __future__ import annotations

import signal
import threading
from collections.abc import Iterator
from contextlib import contextmanager

STOP_SIGNALS = (signal.SIGINT, signal.SIGTERM, signal.SIGHUP)


class Stopped(BaseException):  # noqa: N818 (like KeyboardInterrupt, not an error)
    """A stop signal arrived."""

    def __init__(self, signum: int) -> None:
        super().__init__(signum)
        self.signum = signum

    @property
    def name(self) -> str:
        return signal.Signals(self.signum).name

    @property
    def exit_code(self) -> int:
        return 128 + self.signum


_held: list[int] = [0, 0]  # [depth of held() blocks, the stop signal that came during them]


def _raise(signum: int, frame: object) -> None:
    for s in STOP_SIGNALS:
        signal.signal(s, signal.SIG_IGN)  # one stop is enough: the clean-up runs undisturbed
    if _held[0]:
        _held[1] = _held[1] or signum  # raised when the held block ends
        return
    raise Stopped(signum)


@contextmanager
def held() -> Iterator[None]:
    """A few steps a stop must not fall between (creating a temporary file
    and taking note of its name, so that it can be removed): a stop signal
    that comes inside is raised as :class:`Stopped` when the block ends.

    >>> with held():
    ...     pass
    """
    _held[0] += 1
    try:
        yield
    finally:
        _held[0] -= 1
        if not _held[0] and _held[1]:
            signum, _held[1] = _held[1], 0
            raise Stopped(signum)


@contextmanager
def stop_on_signals() -> Iterator[None]:
    """Turn the stop signals into :class:`Stopped` for the block (main thread only)."""
    if threading.current_thread() is not threading.main_thread():
        yield
        return
    previous = {s: signal.signal(s, _raise) for s in STOP_SIGNALS}
    try:
        yield
    finally:
        for s, handler in previous.items():
            signal.signal(s, handler)


def worker_defaults() -> None:
    """For a worker process: Ctrl-C in a terminal reaches the whole process
    group, but the parent decides when workers stop (it terminates them with
    SIGTERM, which then ends a worker at once)."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    signal.signal(signal.SIGTERM, signal.SIG_DFL)
    signal.signal(signal.SIGHUP, signal.SIG_DFL)

"""Run one stage of a run in a forked process while this one goes on with the next.

`fork`, not a process pool: the child starts with the parent's memory, so the spec (hundreds of MB
of Python objects for the largest) is neither pickled nor sent; only the result comes back, pickled
through a pipe. Linux and macOS only, which is where `sdkgen` runs; elsewhere, and on one core, the
function runs in this process when the result is asked for.
"""

from __future__ import annotations

import contextlib
import multiprocessing
import os
import pickle
import signal
from collections.abc import Callable
from multiprocessing.connection import Connection
from typing import Any, Generic, TypeVar

from generator.errors import InternalError

T = TypeVar("T")

# How much lower (`os.nice`) the work a run does not wait for yet runs: on 2 cores it shares them
# with the processes writing the models, which the run waits for.
YIELDING_NICENESS = 5


def can_fork() -> bool:
    return "fork" in multiprocessing.get_all_start_methods() and (os.cpu_count() or 1) >= 2


def _child(conn: Connection, fn: Callable[..., Any], args: tuple[Any, ...], niceness: int) -> None:
    try:
        os.setpgid(0, 0)  # a group of its own, so that `cancel` ends the processes it starts too
        if niceness:
            with contextlib.suppress(OSError):  # not allowed here: it runs as it is
                os.nice(niceness)
        try:
            outcome: tuple[bool, Any] = (True, fn(*args))
        except BaseException as exc:  # noqa: BLE001 - every failure goes back to the parent, which raises it
            outcome = (False, exc)
        try:
            data = pickle.dumps(outcome, protocol=pickle.HIGHEST_PROTOCOL)
        except Exception as exc:  # noqa: BLE001 - an exception that does not pickle: say what it was
            data = pickle.dumps((False, InternalError(f"{type(outcome[1]).__name__}: {outcome[1]} (and {exc})")))
        conn.send_bytes(data)
        conn.close()
    finally:
        # At once: no exit handlers of the parent's (its process pools' among them) run in the copy.
        os._exit(0)


class Background(Generic[T]):
    """`fn(*args)` started now in a forked process (or later, in this one, where forking is not
    possible); `result()` waits for it and returns its value or raises its exception. `niceness`:
    how much lower than this process the child runs (`os.nice`), for work needed only later."""

    def __init__(self, fn: Callable[..., T], *args: Any, fork: bool = True, niceness: int = 0) -> None:
        self._fn, self._args = fn, args
        self._process: Any = None
        self._conn: Connection | None = None
        if fork and can_fork():
            context = multiprocessing.get_context("fork")
            receive, send = context.Pipe(duplex=False)
            self._process = context.Process(target=_child, args=(send, fn, args, niceness), name=f"sdkgen {fn.__name__}")
            self._process.start()
            send.close()
            self._conn = receive

    def result(self) -> T:
        if self._conn is None:
            return self._fn(*self._args)
        try:
            data = self._conn.recv_bytes()  # before join: a large result fills the pipe
        except EOFError:
            raise InternalError(f"the process computing {self._fn.__name__} ended without a result") from None
        finally:
            self.cancel()
        ok, value = pickle.loads(data)
        if not ok:
            raise value
        result: T = value
        return result

    def cancel(self) -> None:
        """End the process if it still runs (the run failed elsewhere) and release it."""
        if self._conn is not None:
            self._conn.close()
        if self._process is not None:
            if self._process.is_alive():
                try:
                    os.killpg(self._process.pid, signal.SIGKILL)
                except OSError:  # it had not made its group yet, or has just ended
                    self._process.kill()
            self._process.join()
            self._process.close()
        self._conn = self._process = None

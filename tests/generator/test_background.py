"""A stage run in a forked process (`generator.background`): its value, its errors and its end."""

from __future__ import annotations

import os
import time

import pytest

from generator.background import Background, can_fork
from generator.errors import InternalError, SpecError

pytestmark = pytest.mark.skipif(not can_fork(), reason="fork is Linux's and macOS's (the suite runs on Linux)")


def _pid_and_sum(values: list[int]) -> tuple[int, int]:
    return os.getpid(), sum(values)


def _fail(where: str) -> None:
    raise SpecError("no such schema", where=where)


def _unpicklable() -> None:
    class Local(Exception):
        pass

    raise Local("from a class pickle cannot name")


def _sleep() -> None:
    time.sleep(60)


def test_the_value_comes_back_from_another_process() -> None:
    big = list(range(200_000))  # not sent: the child has the parent's memory
    pid, total = Background(_pid_and_sum, big).result()
    assert pid != os.getpid()
    assert total == sum(big)


def test_in_process_when_asked() -> None:
    assert Background(_pid_and_sum, [1, 2], fork=False).result() == (os.getpid(), 3)


def test_an_error_is_raised_here_with_its_place() -> None:
    with pytest.raises(SpecError) as info:
        Background(_fail, "spec.yaml:3, #/components").result()
    assert str(info.value) == "spec.yaml:3, #/components: no such schema"


def test_an_error_that_does_not_pickle_is_still_reported() -> None:
    with pytest.raises(InternalError, match="Local: from a class pickle cannot name"):
        Background(_unpicklable).result()


def test_cancel_ends_the_process_at_once() -> None:
    pending = Background(_sleep)
    pid = pending._process.pid
    started = time.monotonic()
    pending.cancel()
    assert time.monotonic() - started < 10
    with pytest.raises(ProcessLookupError):  # ended and reaped
        os.kill(pid, 0)


def test_work_needed_later_runs_at_a_lower_priority() -> None:
    here = os.nice(0)
    assert Background(os.nice, 0, niceness=3).result() == min(here + 3, 19)  # 19: the lowest there is
    assert Background(os.nice, 0).result() == here
    assert os.nice(0) == here  # this process keeps its own

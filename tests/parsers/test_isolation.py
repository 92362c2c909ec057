"""Isolation: a child process returns results, re-raises errors, stops on time and memory."""

from __future__ import annotations

import time

import pytest

from parsers.isolation import IsolationError, run_isolated


def add(a: int, b: int) -> int:
    return a + b


def fail(message: str) -> None:
    raise ValueError(message)


def sleep_long() -> None:
    time.sleep(60)


def allocate(megabytes: int) -> int:
    blob = bytearray(megabytes * 1024 * 1024)
    return len(blob)


def crash() -> None:
    import os
    import signal

    os.kill(os.getpid(), signal.SIGKILL)


def test_returns_the_result() -> None:
    assert run_isolated(add, 2, 3, seconds=30, memory_mb=512) == 5


def test_reraises_the_error() -> None:
    with pytest.raises(ValueError, match="boom"):
        run_isolated(fail, "boom", seconds=30, memory_mb=512)


def test_the_error_carries_the_child_traceback() -> None:
    """So a quarantined message shows where in the reader it failed (issue #11 item 5)."""
    import traceback

    with pytest.raises(ValueError) as caught:
        run_isolated(fail, "boom", seconds=30, memory_mb=512)
    shown = "".join(traceback.format_exception(caught.value))
    assert "in the isolated child process" in shown and 'in fail\n' in shown


def test_timeout_kills_the_child() -> None:
    with pytest.raises(IsolationError) as caught:
        run_isolated(sleep_long, seconds=1, memory_mb=512)
    assert caught.value.reason == "timeout"


def test_memory_limit() -> None:
    with pytest.raises(IsolationError) as caught:
        run_isolated(allocate, 2048, seconds=30, memory_mb=512)
    assert caught.value.reason == "memory"


def test_crashed_child() -> None:
    with pytest.raises(IsolationError) as caught:
        run_isolated(crash, seconds=30, memory_mb=512)
    assert caught.value.reason == "crashed"

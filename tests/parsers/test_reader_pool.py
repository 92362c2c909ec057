"""The reader pool (issue #15): warm workers read the next messages while the driver files
one; results come back in the order they were submitted; a worker past the message's
budget is killed and replaced; a worker that dies sends its message down the slow path."""

from __future__ import annotations

import os
import time
from datetime import date

import pytest
from mail_samples import stage1_pdf

from formgen.mail import build_email
from parsers.limits import Limits
from parsers.message_reader import MessageTooSlowError, ReadMessage, read_message
from parsers.reader_pool import ReaderPool, read_in_worker

TODAY = date(2026, 11, 23)


def message(number: int) -> bytes:
    return build_email(sender=f"Office {number} <office{number}@clinic.example>",
                       to="fc@example.org", subject=f"form {number}", body="Attached.",
                       message_id=f"pool-{number}@clinic.example",
                       attachments=[("stage1.pdf", stage1_pdf(), "application/pdf")])


def sleepy_reader(raw: bytes, limits: Limits, today: date) -> ReadMessage:
    """Stands for a reader stuck on message 2 (runs in the worker)."""
    if b"pool-2@" in raw:
        time.sleep(30)
    return read_in_worker(raw, limits, today)


def dying_reader(raw: bytes, limits: Limits, today: date) -> ReadMessage:
    """Stands for a reader that kills its process on message 2 (a segfault)."""
    if b"pool-2@" in raw:
        os._exit(11)
    return read_in_worker(raw, limits, today)


def test_messages_come_back_in_order_as_read_here(definitions) -> None:  # type: ignore[no-untyped-def]
    raws = [message(number) for number in range(1, 7)]
    with ReaderPool(definitions, Limits(), workers=2) as pool:
        pending = [pool.submit(raw, TODAY) for raw in raws]
        read = [item.result() for item in pending]
    assert [item.email.message_id for item in read] == \
        [f"pool-{number}@clinic.example" for number in range(1, 7)]
    here = read_message(raws[0], definitions, limits=Limits(), today=TODAY, isolate=False)
    assert read[0].documents == here.documents


def test_a_message_past_its_budget_is_too_slow_and_the_pool_goes_on(definitions) -> None:  # type: ignore[no-untyped-def]
    limits = Limits(seconds_per_message=2.0)
    with ReaderPool(definitions, limits, workers=2, reader=sleepy_reader) as pool:
        pending = [pool.submit(message(number), TODAY) for number in (1, 2, 3, 4)]
        started = time.monotonic()
        with pytest.raises(MessageTooSlowError):
            pending[1].result()
        assert time.monotonic() - started < 15
        assert [pending[n].result().email.subject for n in (0, 2, 3)] == \
            ["form 1", "form 3", "form 4"]


def test_a_worker_that_dies_leaves_its_message_to_the_slow_path(definitions) -> None:  # type: ignore[no-untyped-def]
    with ReaderPool(definitions, Limits(), workers=2, reader=dying_reader) as pool:
        pending = [pool.submit(message(number), TODAY) for number in (1, 2, 3)]
        read = [item.result() for item in pending]
    assert [item.email.subject for item in read] == ["form 1", "form 2", "form 3"]
    assert read[1].documents[0].form_type == "stage1"  # read again, one child per file

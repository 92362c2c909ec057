"""Reading one message within its budget: headers, MIME tree and every document, in one
isolated child process, all within ``limits.seconds_per_message``.

Header and MIME parsing run in the standard library's email package, which has no limits
of its own (thousands of RFC 2231 parameters, a winmail.dat of many objects): a message that
cannot be read in time raises MessageTooSlowError for the driver to quarantine. Inside the
child each document has its own alarm (``limits.seconds_per_document``, never more than what
is left of the message's budget) and becomes a "took too long" problem past it. When the
child dies (a reader crashed, or memory ran out), the message is read again the slow way,
the MIME tree and each document in a child of its own, so that the one file that kills its
reader becomes that file's problem and the rest is filed."""

from __future__ import annotations

import signal
import time
from collections.abc import Iterator, Mapping
from contextlib import contextmanager
from dataclasses import dataclass, replace
from datetime import date
from typing import Any

from parsers.dsn import Bounce, parse_dsn
from parsers.extract import ISOLATION_MESSAGES, extract_document, failed_document
from parsers.formdefs import FormDefinition
from parsers.isolation import IsolationError, run_isolated
from parsers.limits import Limits
from parsers.mime import parse_email
from parsers.model import Attachment, ExtractedDocument, ParsedEmail

MIN_DOCUMENT_SECONDS = 1.0  # below this a document is not started at all


class MessageTooSlowError(Exception):
    """The message's headers and MIME tree could not be read within the budget (or the
    parser ran out of memory or crashed): ``reason`` says which."""

    def __init__(self, reason: str) -> None:
        super().__init__(f"the message could not be parsed ({reason})")
        self.reason = reason


class _DocumentTimeout(Exception):
    """Raised by the alarm inside the child: this document took its time."""


@dataclass(frozen=True, slots=True)
class ReadMessage:
    """All that the later stages need of one message, read once."""
    email: ParsedEmail
    documents: tuple[ExtractedDocument, ...]
    bounce: Bounce | None = None  # a delivery status notification: what bounced


def read_message(raw: bytes, definitions: Mapping[str, FormDefinition], *, limits: Limits,
                 today: date, isolate: bool = True) -> ReadMessage:
    """Parse ``raw`` and extract every attached document, within the message's budget."""
    if not isolate:
        return read_here(raw, dict(definitions), limits, today, False)
    try:
        return run_isolated(read_here, raw, dict(definitions), limits, today, True,
                            seconds=limits.seconds_per_message,
                            memory_mb=limits.memory_mb_per_document)
    except IsolationError as err:
        if err.reason == "timeout":
            raise MessageTooSlowError(err.reason) from err
        return read_apart(raw, definitions, limits=limits, today=today)


def read_here(raw: bytes, definitions: dict[str, FormDefinition], limits: Limits,
              today: date, alarms: bool) -> ReadMessage:
    """The whole message in this process (the isolated child, or a test)."""
    deadline = time.monotonic() + limits.seconds_per_message
    email = parse_email(raw, limits)
    documents = tuple(_document(item, definitions, limits, today, deadline, alarms)
                      for item in email.attachments if not item.inline)
    return ReadMessage(email, documents, parse_dsn(raw))


def _document(item: Attachment, definitions: dict[str, FormDefinition], limits: Limits,
              today: date, deadline: float, alarms: bool) -> ExtractedDocument:
    seconds = min(limits.seconds_per_document, deadline - time.monotonic())
    if seconds < MIN_DOCUMENT_SECONDS:
        return _failed(item, "timeout")
    try:
        with _alarm(seconds if alarms else 0.0):
            return extract_document(item.filename, item.data, definitions, limits=limits,
                                    today=today, isolate=False)
    except _DocumentTimeout:
        return _failed(item, "timeout")
    except MemoryError:
        return _failed(item, "memory")


@contextmanager
def _alarm(seconds: float) -> Iterator[None]:
    """SIGALRM after ``seconds`` (0: none); only ever used in the child's main thread."""
    if seconds <= 0:
        yield
        return

    def expire(_signum: int, _frame: Any) -> None:
        raise _DocumentTimeout

    previous = signal.signal(signal.SIGALRM, expire)
    signal.setitimer(signal.ITIMER_REAL, seconds)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)


def read_apart(raw: bytes, definitions: Mapping[str, FormDefinition], *, limits: Limits,
                today: date) -> ReadMessage:
    """The slow path after the child died: one child for the MIME tree, one per document."""
    deadline = time.monotonic() + limits.seconds_per_message
    email = parse_within_budget(raw, limits)
    documents = []
    for item in email.attachments:
        if item.inline:
            continue
        left = deadline - time.monotonic()
        if left < MIN_DOCUMENT_SECONDS:
            documents.append(_failed(item, "timeout"))
            continue
        budget = replace(limits, seconds_per_document=min(limits.seconds_per_document, left))
        documents.append(extract_document(item.filename, item.data, definitions,
                                          limits=budget, today=today, isolate=True))
    return ReadMessage(email, tuple(documents), parse_dsn(raw))


def parse_within_budget(raw: bytes, limits: Limits, *, isolate: bool = True) -> ParsedEmail:
    """The MIME stage in a child process limited to the message's time budget."""
    if not isolate:
        return parse_email(raw, limits)
    try:
        return run_isolated(parse_email, raw, limits, seconds=limits.seconds_per_message,
                            memory_mb=limits.memory_mb_per_document)
    except IsolationError as err:
        raise MessageTooSlowError(err.reason) from err


def _failed(item: Attachment, reason: str) -> ExtractedDocument:
    code, message = ISOLATION_MESSAGES[reason]
    return failed_document(item.filename, item.data, code, f'The file "{item.filename}" {message}')

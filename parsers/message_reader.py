"""Reading one message within its budget: the MIME tree in an isolated child process, then
each document in its own, all of it within ``limits.seconds_per_message``.

Header and MIME parsing run in the standard library's email package, which has no limits
of its own (thousands of RFC 2231 parameters, a winmail.dat of many objects): a message that
cannot be parsed in time raises MessageTooSlowError for the driver to quarantine; documents
that no longer fit in what is left of the budget become "took too long" problems."""

from __future__ import annotations

import time
from collections.abc import Mapping
from dataclasses import dataclass, replace
from datetime import date

from parsers.extract import ISOLATION_MESSAGES, extract_document, failed_document
from parsers.formdefs import FormDefinition
from parsers.isolation import IsolationError, run_isolated
from parsers.limits import Limits
from parsers.mime import parse_email
from parsers.model import ExtractedDocument, ParsedEmail

MIN_DOCUMENT_SECONDS = 1.0  # below this a document is not started at all


class MessageTooSlowError(Exception):
    """The message's headers and MIME tree could not be parsed within the budget (or the
    parser ran out of memory or crashed): ``reason`` says which."""

    def __init__(self, reason: str) -> None:
        super().__init__(f"the message could not be parsed ({reason})")
        self.reason = reason


@dataclass(frozen=True, slots=True)
class ReadMessage:
    email: ParsedEmail
    documents: tuple[ExtractedDocument, ...]


def read_message(raw: bytes, definitions: Mapping[str, FormDefinition], *, limits: Limits,
                 today: date, isolate: bool = True) -> ReadMessage:
    """Parse ``raw`` and extract every attached document, within the message's budget."""
    deadline = time.monotonic() + limits.seconds_per_message
    email = parse_within_budget(raw, limits, isolate=isolate)
    documents = []
    for item in email.attachments:
        if item.inline:
            continue
        left = deadline - time.monotonic()
        if left < MIN_DOCUMENT_SECONDS:
            code, message = ISOLATION_MESSAGES["timeout"]
            documents.append(failed_document(item.filename, item.data, code,
                                             f'The file "{item.filename}" {message}'))
            continue
        budget = replace(limits, seconds_per_document=min(limits.seconds_per_document, left))
        documents.append(extract_document(item.filename, item.data, definitions,
                                          limits=budget, today=today, isolate=isolate))
    return ReadMessage(email, tuple(documents))


def parse_within_budget(raw: bytes, limits: Limits, *, isolate: bool = True) -> ParsedEmail:
    """The MIME stage in a child process limited to the message's time budget."""
    if not isolate:
        return parse_email(raw, limits)
    try:
        return run_isolated(parse_email, raw, limits, seconds=limits.seconds_per_message,
                            memory_mb=limits.memory_mb_per_document)
    except IsolationError as err:
        raise MessageTooSlowError(err.reason) from err

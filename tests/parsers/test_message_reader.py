"""One message read in one isolated child, within its budget (issues #10 and #15): the
documents of a message share the child; a document over its own time becomes its problem;
a reader that kills the child sends the message down the slow path, one child per file,
so only that file is lost."""

from __future__ import annotations

from datetime import date
from unittest import mock

import pytest
from mail_samples import stage1_pdf

from formgen.mail import build_email
from parsers.limits import Limits
from parsers.message_reader import MessageTooSlowError, read_message

PDF = "application/pdf"
TODAY = date(2026, 11, 23)


def two_forms() -> bytes:
    return build_email(sender="Alice <alice@acmehealth.example>", to="fc@example.org",
                       subject="Two forms", body="Attached.", message_id="two@acme.example",
                       attachments=[("a.pdf", stage1_pdf(), PDF), ("b.pdf", stage1_pdf(), PDF)])


def test_a_message_and_its_documents_are_read_in_one_child(definitions) -> None:  # type: ignore[no-untyped-def]
    read = read_message(two_forms(), definitions, limits=Limits(), today=TODAY)
    assert read.email.from_address == "alice@acmehealth.example"
    assert [item.form_type for item in read.documents] == ["stage1", "stage1"]
    assert read.documents[0].value("org_legal_name")


def test_a_message_over_its_budget_is_too_slow(definitions) -> None:  # type: ignore[no-untyped-def]
    """200,000 MIME parts take the email package seconds: the child is stopped at 1 s."""
    parts = b"".join(b"--BB\r\nContent-Type: text/plain\r\n\r\nx\r\n" for _ in range(200_000))
    raw = (b"From: <bulk@parts.example>\r\nSubject: parts\r\nMessage-ID: <p@parts.example>\r\n"
           b"MIME-Version: 1.0\r\nContent-Type: multipart/mixed; boundary=BB\r\n\r\n" + parts)
    with pytest.raises(MessageTooSlowError) as caught:
        read_message(raw, definitions, limits=Limits(seconds_per_message=1.0), today=TODAY)
    assert caught.value.reason == "timeout"


def _slow_extract(*args, **kwargs):  # type: ignore[no-untyped-def]
    import time

    time.sleep(5)


def test_a_document_over_its_own_time_is_its_problem(definitions) -> None:  # type: ignore[no-untyped-def]
    from parsers import message_reader

    limits = Limits(seconds_per_document=1.2, seconds_per_message=20)
    with mock.patch.object(message_reader, "extract_document", _slow_extract):
        read = message_reader.read_here(two_forms(), dict(definitions), limits, TODAY, True)
    assert [item.problems[0].code for item in read.documents] == ["too_slow", "too_slow"]


def test_a_child_that_died_is_read_again_one_file_per_child(definitions) -> None:  # type: ignore[no-untyped-def]
    """The one-child read died (a reader crashed): the slow path reads the MIME tree and
    each document in a child of its own, so the message is still filed."""
    from parsers import message_reader
    from parsers.isolation import IsolationError, run_isolated

    calls = []

    def crashing_once(func, *args, **kwargs):  # type: ignore[no-untyped-def]
        calls.append(func.__name__)
        if func is message_reader.read_here:
            raise IsolationError("crashed")
        return run_isolated(func, *args, **kwargs)

    with mock.patch.object(message_reader, "run_isolated", crashing_once):
        read = read_message(two_forms(), definitions, limits=Limits(), today=TODAY)
    assert calls == ["read_here", "parse_email"]  # then one child per document, in extract
    assert [item.form_type for item in read.documents] == ["stage1", "stage1"]

"""How filing writes (issue 15, throughput): every field row once, in bulk and scrubbed of
NUL like the rows the ORM writes; a follow-up's flush writes none of them again; a raw
message's bytes are not read back; a message takes a bounded number of statements."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from datetime import UTC, datetime

import pytest
from sqlalchemy import event, func, inspect, select
from sqlalchemy.orm import Session, defer, sessionmaker

from config.settings import Settings
from formgen.mail import build_email
from formgen.pdf_form import fillable_pdf
from formgen.samples import sample_values
from intake.context import IntakeContext, build_context
from intake.pipeline import take_message
from parsers.model import ExtractedDocument, FieldValue
from registry.db import transaction
from registry.documents import add_documents
from registry.models import Document, ExtractedFieldRow, RawMessage, Submission

NOW = datetime(2026, 11, 23, 12, 0)
PDF = "application/pdf"


@pytest.fixture
def ctx(db_url: str) -> IntakeContext:
    return build_context(Settings().replace(database={"url": db_url},
                                            acknowledgment={"signing_key": "sixteen-char-key"}),
                         isolate=False)


def stage1_mail(ctx: IntakeContext, number: int, subject: str = "Stage I") -> bytes:
    values = sample_values("stage1", seed=1)
    pdf = fillable_pdf(ctx.definitions["stage1"], values)
    return build_email(sender="Alice <alice.nguyen@acmehealth.example>", to="fc@example.org",
                       subject=subject, body="Attached.", attachments=[("s1.pdf", pdf, PDF)],
                       message_id=f"w{number}@acmehealth.example",
                       date=datetime(2026, 11, 23, 9, number, tzinfo=UTC))


def field_rows(factory: sessionmaker[Session]) -> list[tuple[int, str]]:
    with factory() as session:
        return [tuple(row) for row in session.execute(  # type: ignore[misc]
            select(ExtractedFieldRow.document_id, ExtractedFieldRow.key)
            .order_by(ExtractedFieldRow.id))]


def test_each_field_is_written_once_and_a_follow_up_writes_only_its_own(
        session_factory: sessionmaker[Session], ctx: IntakeContext) -> None:
    reference = take_message(session_factory, stage1_mail(ctx, 1), ctx, mailbox="t",
                             now=NOW).reference
    first = field_rows(session_factory)
    assert first and len(first) == len(set(first))
    reply = stage1_mail(ctx, 2, subject=f"Re: [{reference}] Stage I")
    assert take_message(session_factory, reply, ctx, mailbox="t", now=NOW).reference == reference
    rows = field_rows(session_factory)
    assert rows[:len(first)] == first and len(rows) == 2 * len(first)
    assert len(rows) == len(set(rows))
    with session_factory() as session:
        submission = session.scalars(select(Submission)).one()
        assert [len(item.fields) for item in submission.documents] == [len(first)] * 2


def test_field_rows_written_in_bulk_are_scrubbed_of_nul(
        session_factory: sessionmaker[Session]) -> None:
    document = ExtractedDocument(
        filename="f.pdf", sha256="0" * 64, form_type="stage1", form_version=None,
        method="acroform", fields=(
            FieldValue(key="org_legal_name", raw="Acme\x00 Health", value="Acme\x00 Health",
                       source="acroform"),
            FieldValue(key="bot_names", raw="a\x00,b", value=["a\x00", "b"], source="acroform")))
    with transaction(session_factory) as session:
        raw = RawMessage(sha256="1" * 64, source="t", size=0, raw=b"", received_at=NOW)
        submission = Submission(sender="a@b.example", received_at=NOW, updated_at=NOW)
        session.add_all([raw, submission])
        session.flush()
        add_documents(session, submission, [(document, "pdf", 0)], raw_message_id=raw.id,
                      now=NOW)
    with session_factory() as session:
        stored = {row.key: (row.raw_value, row.value)
                  for row in session.scalars(select(ExtractedFieldRow))}
    assert stored == {"org_legal_name": ("Acme Health", "Acme Health"),
                      "bot_names": ("a,b", ["a", "b"])}


def test_a_flush_does_not_load_a_deferred_column(
        session_factory: sessionmaker[Session]) -> None:
    """The NUL scrub looked at every column of every changed object, which loaded a raw
    message's deferred bytes (megabytes) just to count an attempt."""
    with transaction(session_factory) as session:
        session.add(RawMessage(sha256="2" * 64, source="t", size=3, raw=b"abc",
                               received_at=NOW))
    with transaction(session_factory) as session:
        row = session.scalars(select(RawMessage).options(defer(RawMessage.raw))).one()
        row.attempts += 1
        session.flush()
        assert "raw" in inspect(row).unloaded


@contextmanager
def statements(factory: sessionmaker[Session]) -> Iterator[list[str]]:
    seen: list[str] = []
    engine = factory.kw["bind"]

    def count(_conn: object, _cursor: object, statement: str, *_rest: object) -> None:
        seen.append(statement)

    event.listen(engine, "before_cursor_execute", count)
    try:
        yield seen
    finally:
        event.remove(engine, "before_cursor_execute", count)


def test_filing_a_form_takes_a_bounded_number_of_statements(
        session_factory: sessionmaker[Session], ctx: IntakeContext) -> None:
    """One statement per field row made a 25-field form cost 50 statements on SQLite."""
    with statements(session_factory) as seen:
        assert take_message(session_factory, stage1_mail(ctx, 3), ctx, mailbox="t",
                            now=NOW).reference
    assert len(seen) <= 22, seen
    with session_factory() as session:
        assert session.scalar(select(func.count()).select_from(Document)) == 1

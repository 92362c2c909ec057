"""Issue #11 item 1: where a value was read (page and box) is filed with it, exported in
``field_sources``, and survives a re-evaluation (document rebuilt from its rows)."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest
from sqlalchemy import select
from sqlalchemy.orm import Session, sessionmaker

from config.settings import Settings
from formgen.mail import build_email
from formgen.pdf_form import flattened_pdf
from formgen.samples import sample_values
from intake.context import IntakeContext, build_context
from intake.pipeline import take_message
from registry.documents import document_from_row
from registry.export import submission_json
from registry.models import Submission

NOW = datetime(2026, 11, 23, 12, 0)


@pytest.fixture
def ctx(db_url: str) -> IntakeContext:
    settings = Settings().replace(database={"url": db_url},
                                  acknowledgment={"signing_key": "sixteen-char-key"})
    return build_context(settings, isolate=False)


def test_a_printed_value_is_filed_and_exported_with_its_spot(
        session_factory: sessionmaker[Session], ctx: IntakeContext) -> None:
    form = flattened_pdf(ctx.definitions["stage1"], sample_values("stage1", seed=2))
    raw = build_email(sender="Dana <dana@clinic.example>", to="fc@example.org",
                      subject="Stage I", body="Attached.", message_id="spot1@clinic.example",
                      attachments=[("stage1.pdf", form, "application/pdf")],
                      date=datetime(2026, 11, 23, 9, tzinfo=UTC))
    assert take_message(session_factory, raw, ctx, mailbox="test", now=NOW).reference
    with session_factory() as session:
        submission = session.scalars(select(Submission)).one()
        exported = submission_json(session, submission)["documents"][0]["field_sources"]
        assert exported["org_legal_name"]["page"] == 1
        x0, top, x1, bottom = exported["org_legal_name"]["box"]
        assert x0 < x1 and top < bottom
        rebuilt = document_from_row(submission.documents[0], list(submission.problems))
        (name,) = [item for item in rebuilt.fields if item.key == "org_legal_name"]
        assert name.spot is not None and name.spot.page == 0 and abs(name.spot.x0 - x0) < 0.1

"""Rows and parsed emails for the acknowledgment tests, made directly through the ORM."""

from __future__ import annotations

import hashlib
import itertools
from datetime import UTC, datetime
from typing import Any

from sqlalchemy.orm import Session

from formgen.mail import build_email
from notifier.references import make_reference
from parsers.limits import Limits
from parsers.mime import parse_email
from parsers.model import ParsedEmail
from registry.models import Document, ExtractedFieldRow, ProblemRow, RawMessage, Submission

NOW = datetime(2026, 11, 23, 12, 0)
STAGE1_VALUES: dict[str, Any] = {
    "org_legal_name": "Acme Health LLC", "fein": "04-3512345", "bot_count": 2,
    "transactions": ["claim_status", "eligibility_inquiry"], "rpa_tool_name": "UiPath Studio"}
_numbers = itertools.count(1)


def inbound(sender: str = "Dana Whitfield <dana@clinic.example>", subject: str = "Stage I",
            message_id: str | None = None, in_reply_to: str | None = None,
            **headers: str) -> ParsedEmail:
    number = next(_numbers)
    raw = build_email(sender=sender, to="functional.coordination@example.org", subject=subject,
                      body="Attached.", message_id=message_id or f"in{number}@clinic.example",
                      in_reply_to=in_reply_to, references=["root@clinic.example"],
                      extra_headers=headers,
                      date=datetime(2026, 11, 23, 9, tzinfo=UTC))
    return parse_email(raw, Limits())


def submission_for(session: Session, email: ParsedEmail, *, status: str = "complete",
                   form_type: str | None = "stage1", values: dict[str, Any] | None = None,
                   filename: str = "Stage I form.pdf",
                   problems: tuple[tuple[str, str | None, str], ...] = ()) -> Submission:
    number = next(_numbers)
    raw = RawMessage(sha256=hashlib.sha256(f"raw-{number}".encode()).hexdigest(),
                     message_id=email.message_id, source="test", size=10, raw=b"x",
                     received_at=NOW, status="filed")
    session.add(raw)
    session.flush()
    submission = Submission(raw_message_id=raw.id, message_id=email.message_id,
                            sender=email.from_address, sender_name=email.from_name,
                            subject=email.subject, received_at=NOW, updated_at=NOW,
                            status=status, form_type=form_type)
    session.add(submission)
    session.flush()
    submission.reference = make_reference(submission.id, NOW.year)
    if form_type:
        document = Document(raw_message_id=raw.id, filename=filename, sha256="0" * 64, size=1,
                            kind="pdf", form_type=form_type, form_version="RPA-S1",
                            method="acroform", facts={}, added_at=NOW)
        document.fields = [ExtractedFieldRow(key=key, raw_value=str(value), value=value,
                                             source="acroform", confidence=1.0)
                           for key, value in (values or STAGE1_VALUES).items()]
        submission.documents.append(document)
    submission.problems = [ProblemRow(code=code, field=field, message=message)
                           for code, field, message in problems]
    session.flush()
    return submission

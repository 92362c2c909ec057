"""Sample messages for the intake tests, made with the project's own forms."""

from __future__ import annotations

from datetime import UTC, datetime
from functools import lru_cache

from config.settings import FORMS_DIR
from formgen.mail import build_email
from formgen.pdf_form import fillable_pdf
from formgen.samples import sample_values
from parsers.formdefs import load_definitions

PDF = "application/pdf"


@lru_cache(maxsize=1)
def stage1_pdf() -> bytes:
    definitions = load_definitions(FORMS_DIR)
    return fillable_pdf(definitions["stage1"], sample_values("stage1", seed=1))


def plain(number: int, sender: str = "provider{n}@clinic{n}.example", **headers: str) -> bytes:
    address = sender.format(n=number)
    return build_email(sender=f"Provider {number} <{address}>", to="fc@example.org",
                       subject=f"Question {number}", body=f"Hello, message {number}.",
                       message_id=f"plain-{number}@test.example",
                       date=datetime(2026, 11, 20, 9, number % 60, tzinfo=UTC),
                       extra_headers=headers)


def with_form(number: int) -> bytes:
    return build_email(sender=f"Alice <alice{number}@acmehealth.example>", to="fc@example.org",
                       subject=f"Stage I registration {number}", body="Form attached.",
                       attachments=[("stage1.pdf", stage1_pdf(), PDF)],
                       message_id=f"form-{number}@test.example",
                       date=datetime(2026, 11, 20, 10, number % 60, tzinfo=UTC))


def big(number: int, size: int) -> bytes:
    return build_email(sender="Big <big@example.net>", to="fc@example.org",
                       subject=f"Big {number}", body="x" * size,
                       message_id=f"big-{number}@test.example")

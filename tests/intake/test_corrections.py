"""A coordinator's field correction: normalized by the form definition, old and new values
audited, the rules evaluated again; invalid values and decided submissions refused."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

import pytest
from sqlalchemy import select

from intake.corrections import correct_field
from intake.decisions import DecisionError
from intake.demo import run_demo
from registry.db import transaction
from registry.models import AuditEvent, ExtractedFieldRow, Submission

NOW = datetime(2026, 12, 2, 12, 0)


FORM = "stage2_grandfathered"  # the demo's undecided registration (its Stage II is approved)


def stage2_field(session, key: str) -> ExtractedFieldRow:
    submission = session.scalars(select(Submission).where(Submission.form_type == FORM)).one()
    main = next(doc for doc in submission.documents if doc.form_type == FORM)
    return next(row for row in main.fields if row.key == key)


def test_corrections_are_checked_audited_and_re_evaluated(tmp_path: Path) -> None:
    app, _run = run_demo(tmp_path, now=NOW)
    try:
        with transaction(app.sessions) as session:
            fein = stage2_field(session, "fein")
            with pytest.raises(DecisionError, match="9 digits"):
                correct_field(session, fein.id, "12-34", actor="alice", now=NOW,
                              ctx=app.context)
        with transaction(app.sessions) as session:
            since = stage2_field(session, "operational_since")
            old = since.value
            correct_field(session, since.id, "03/01/2023", actor="alice", now=NOW,
                          ctx=app.context)
        with app.sessions() as session:
            row = stage2_field(session, "operational_since")
            submission = row.document.submission
            assert (row.value, row.source) == ("2023-03-01", "coordinator")
            assert submission.status != "complete"
            assert "not_eligible_grandfathered" in {item.code for item in submission.problems}
            event = session.scalars(select(AuditEvent).where(
                AuditEvent.action == "field_corrected")).one()
            assert event.actor == "alice" and event.detail["old"]["value"] == old
            assert event.detail["new"]["value"] == "2023-03-01"
    finally:
        app.close()

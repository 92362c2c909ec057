"""Migration 0014 on a database at 0001 with approvals in it (SQLite and PostgreSQL): the
registrations of record are back-filled from the Stage II approvals, with the approved
modifications and validations applied in order."""

from __future__ import annotations

from datetime import date, datetime
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import insert
from sqlalchemy.orm import Session

from registry.db import make_engine
from registry.migrate import upgrade
from registry.models import (
    Approval,
    Document,
    ExtractedFieldRow,
    Organization,
    RawMessage,
    Submission,
)
from registry.registrations import registration_by_number

T0 = datetime(2025, 3, 1, 12, 0)
DATABASES = ["sqlite", pytest.param("postgres", marks=pytest.mark.postgres)]


@pytest.fixture(params=DATABASES)
def url_at_0001(request: pytest.FixtureRequest, tmp_path: Path) -> str:
    if request.param == "sqlite":
        return f"sqlite:///{tmp_path / 'old.db'}"
    return str(request.getfixturevalue("postgres_schemas").new_url())


def _submission(session: Session, n: int, form_type: str, values: dict[str, Any],
                organization: Organization) -> Submission:
    # Core, naming its columns: the model has columns that later migrations add.
    raw_id = session.execute(insert(RawMessage.__table__).values(
        sha256=f"{n:064d}", source="test", size=1, raw=b"x", received_at=T0, status="filed",
        backfill=False, attempts=0).returning(RawMessage.__table__.c.id)).scalar_one()
    submission = Submission(reference=f"REF-{n}", raw_message_id=raw_id, sender="a@acme.example",
                            received_at=T0, updated_at=T0, status="approved",
                            form_type=form_type, organization=organization)
    submission.documents.append(Document(
        raw_message_id=raw_id, filename=f"{form_type}.pdf", sha256=f"{n:064d}", size=1,
        kind="pdf", form_type=form_type, method="acroform", added_at=T0,
        fields=[ExtractedFieldRow(key=key, raw_value=str(value), value=value, source="acroform",
                                  confidence=1.0) for key, value in values.items()]))
    session.add(submission)
    session.flush()
    return submission


def _approval(session: Session, submission: Submission, kind: str, at: datetime,
              **values: Any) -> None:
    session.add(Approval(kind=kind, organization=submission.organization,
                         submission_id=submission.id, approved_at=at, approved_by="pat",
                         transactions=values.pop("transactions", []),
                         rpa_user_ids=values.pop("rpa_user_ids", []), **values))


def _fill_0001(url: str) -> None:
    engine = make_engine(url)
    upgrade(engine, "0012_console")  # the revision before 0014: the schema its data had
    with Session(engine) as session:
        acme = Organization(legal_name="Acme Health LLC", fein="04-3512345", created_at=T0)
        stage1 = _submission(session, 1, "stage1", {
            "org_legal_name": "Acme Health LLC", "bot_names": ["EligBot"], "hosting": "cloud",
            "screens_per_session": 6, "transactions": ["claim_status"]}, acme)
        _approval(session, stage1, "stage1", T0, number="RPA1-2025-00001",
                  transactions=["claim_status"], screens_per_session=6)
        stage2 = _submission(session, 2, "stage2", {
            "stage1_approval_number": "RPA1-2025-00001", "transactions": ["claim_status"],
            "rpa_tool_name": "UiPath Studio", "rpa_tool_vendor": "UiPath Inc.",
            "contact_email": "alice@acme.example"}, acme)
        _approval(session, stage2, "stage2", T0.replace(month=4), number="RPA2-2025-00001",
                  rpa_user_ids=["RPAU1", "RPAU2"], validation_due=date(2026, 4, 1))
        modification = _submission(session, 3, "modification", {
            "stage2_approval_number": "RPA2-2025-00001", "rpa_user_ids": ["RPAU1", "RPAU2"],
            "modification_types": ["replace_tool", "add_sequential_transaction"],
            "new_rpa_tool_name": "Blue Prism", "new_rpa_tool_vendor": "SS&C",
            "added_transaction": "claim_adjustment"}, acme)
        _approval(session, modification, "modification", T0.replace(month=6))
        retire = _submission(session, 4, "modification", {
            "stage2_approval_number": "RPA2-2025-00001", "rpa_user_ids": ["RPAU2"],
            "modification_types": ["retire_bot"]}, acme)
        _approval(session, retire, "modification", T0.replace(month=7))
        validation = _submission(session, 5, "annual_validation", {
            "stage2_approval_number": "RPA2-2025-00001", "validation_year": 2026}, acme)
        _approval(session, validation, "annual_validation", datetime(2026, 3, 20))
        session.commit()
    engine.dispose()


def test_backfill_from_existing_approvals(url_at_0001: str) -> None:
    _fill_0001(url_at_0001)
    engine = make_engine(url_at_0001)
    upgrade(engine)
    with Session(engine) as session:
        registration = registration_by_number(session, "RPA2-2025-00001")
        assert registration is not None
        assert registration.status == "active"
        assert registration.rpa_user_ids == ["RPAU1"]
        assert registration.retired_user_ids == ["RPAU2"]
        assert registration.rpa_tool_name == "Blue Prism"
        assert registration.transactions == ["claim_adjustment", "claim_status"]
        assert registration.screens_per_session == 6
        assert registration.bot_names == ["EligBot"] and registration.hosting == "cloud"
        assert registration.validation_due == date(2026, 4, 1)
        assert registration.last_validated_at == date(2026, 3, 20)
        assert [c.kind for c in registration.changes] == [
            "approved", "modification", "retirement", "validation"]
        assert registration.organization is not None
    upgrade(engine)  # twice is harmless
    engine.dispose()

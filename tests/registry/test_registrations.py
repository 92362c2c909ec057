"""The registry of record: an approved Stage II becomes a registration; approved
modifications change it (tool, sequential transaction, retirement) and the export shows it;
later submissions are checked against it."""

from __future__ import annotations

import csv
import io
import json
import tempfile
from datetime import datetime
from pathlib import Path

import pytest
from registry_helpers import (
    PDF,
    approved_registration,
    file_and_approve,
    file_raw,
    form_mail,
)
from sqlalchemy import select
from sqlalchemy.orm import Session, sessionmaker

from config.settings import Settings
from formgen.pdf_form import fillable_pdf
from formgen.samples import sample_values
from intake.cli import main
from intake.context import IntakeContext, build_context
from intake.decisions import DecisionError, approve
from registry.db import transaction
from registry.models import Registration
from registry.queries import submission_by_reference
from registry.registration_export import export_rows
from registry.registrations import list_registrations, registration_by_number

NOW = datetime(2026, 11, 23, 12, 0)


@pytest.fixture
def ctx(db_url: str) -> IntakeContext:
    settings = Settings().replace(database={"url": db_url}, acknowledgment={"signing_key": "k"})
    return build_context(settings, isolate=False)


def test_stage2_approval_makes_a_registration(session_factory: sessionmaker[Session],
                                              ctx: IntakeContext) -> None:
    number = approved_registration(session_factory, ctx, NOW)
    with session_factory() as session:
        registration = registration_by_number(session, number)
        assert registration is not None
        assert registration.status == "active"
        assert registration.rpa_user_ids == ["RPAU0001", "RPAU0002"]
        assert registration.transactions == ["claim_status", "eligibility_inquiry"]
        assert registration.screens_per_session == 6  # from the Stage I
        assert registration.bot_names == ["EligBot-1", "ClaimStatusBot"]
        assert registration.rpa_tool_name == "UiPath Studio"
        assert registration.validation_due is not None
        assert registration.validation_due.isoformat() == "2027-11-23"
        assert [change.kind for change in registration.changes] == ["approved"]


def test_modification_changes_the_export_and_retirement_removes_ids(
        session_factory: sessionmaker[Session], ctx: IntakeContext,
        capsys: pytest.CaptureFixture[str]) -> None:
    number = approved_registration(session_factory, ctx, NOW)
    change = sample_values("modification", seed=1, stage2_approval_number=number,
                           rpa_user_ids=["RPAU0001", "RPAU0002"],
                           modification_types=["replace_tool", "add_sequential_transaction"],
                           new_rpa_tool_name="Power Automate Desktop",
                           new_rpa_tool_vendor="Microsoft", added_transaction="claim_adjustment",
                           same_session=True, new_screens_per_session=None)
    change.pop("new_screens_per_session")
    file_and_approve(session_factory, ctx, "modification", change, NOW)
    rows = _export(ctx, capsys, "--format", "json")
    assert {row["rpa_tool_name"] for row in rows} == {"Power Automate Desktop"}
    assert rows[0]["transactions"] == ["claim_adjustment", "claim_status", "eligibility_inquiry"]
    retire = sample_values("modification", seed=1, stage2_approval_number=number,
                           rpa_user_ids=["RPAU0002"], modification_types=["retire_bot"],
                           description="Retire the second bot.")
    retire.pop("new_screens_per_session")
    file_and_approve(session_factory, ctx, "modification", retire, NOW)
    active = _export(ctx, capsys, "--format", "csv", "--status", "active")
    assert [row["rpa_user_id"] for row in active] == ["RPAU0001"]
    assert active[0]["rpa_tool_name"] == "Power Automate Desktop"
    with session_factory() as session:
        registration = registration_by_number(session, number)
        assert registration is not None
        assert [c.kind for c in registration.changes] == ["approved", "modification",
                                                          "retirement"]
        all_rows = export_rows(list_registrations(session))
    assert {(r["rpa_user_id"], r["user_id_status"]) for r in all_rows} == {
        ("RPAU0001", "active"), ("RPAU0002", "retired")}


def test_a_retired_registration_refuses_modifications(
        session_factory: sessionmaker[Session], ctx: IntakeContext) -> None:
    number = approved_registration(session_factory, ctx, NOW, user_ids=("RPAU0009",))
    retire = sample_values("modification", seed=1, stage2_approval_number=number,
                           rpa_user_ids=["RPAU0009"], modification_types=["retire_bot"])
    retire.pop("new_screens_per_session")
    file_and_approve(session_factory, ctx, "modification", retire, NOW)
    more = sample_values("modification", seed=1, stage2_approval_number=number,
                         rpa_user_ids=["RPAU0009"], new_screens_per_session=9)
    pdf = fillable_pdf(ctx.definitions["modification"], more)
    reference = file_raw(session_factory, ctx, form_mail([("mod.pdf", pdf, PDF)]), NOW)
    with session_factory() as session:
        submission = submission_by_reference(session, reference)
        assert submission is not None
        assert "registration_retired" in {p.code for p in submission.problems}
    with pytest.raises(DecisionError, match="retired"), transaction(session_factory) as session:
        approve(session, reference, actor="pat", now=NOW, settings=ctx.settings, force=True)


def test_annual_validation_with_other_user_ids_is_a_problem(
        session_factory: sessionmaker[Session], ctx: IntakeContext) -> None:
    number = approved_registration(session_factory, ctx, NOW)
    values = sample_values("annual_validation", seed=1, stage2_approval_number=number,
                           rpa_user_ids=["RPAU0001", "RPAU0077"])
    pdf = fillable_pdf(ctx.definitions["annual_validation"], values)
    reference = file_raw(session_factory, ctx, form_mail([("av.pdf", pdf, PDF)]), NOW)
    with session_factory() as session:
        submission = submission_by_reference(session, reference)
        assert submission is not None
        problem = next(p for p in submission.problems if p.code == "user_ids_differ")
        assert "RPAU0077" in problem.message and "RPAU0002" in problem.message
        assert submission.status == "incomplete"


def test_export_csv_neutralises_formulas_and_filters(
        session_factory: sessionmaker[Session], ctx: IntakeContext,
        capsys: pytest.CaptureFixture[str]) -> None:
    number = approved_registration(session_factory, ctx, NOW)
    with transaction(session_factory) as session:  # a tool name typed as a formula
        session.scalars(select(Registration)).one().rpa_tool_name = "=HYPERLINK(1)"
    rows = _export(ctx, capsys, "--format", "csv")
    assert {row["rpa_tool_name"] for row in rows} == {"'=HYPERLINK(1)"}
    assert _export(ctx, capsys, "--format", "csv", "--changed-since", "2027-01-01") == []
    assert main(["--config", _config(ctx), "registrations", "show", number]) == 0
    shown = json.loads(capsys.readouterr().out)
    assert shown["history"][0]["kind"] == "approved" and shown["submission"]
    assert main(["--config", _config(ctx), "registrations", "list"]) == 0
    assert number in capsys.readouterr().out


def _export(ctx: IntakeContext, capsys: pytest.CaptureFixture[str], *args: str) -> list[dict]:
    capsys.readouterr()
    assert main(["--config", _config(ctx), "registrations", "export", *args]) == 0
    out = capsys.readouterr().out
    if "json" in args:
        return list(json.loads(out))
    return list(csv.DictReader(io.StringIO(out)))


def _config(ctx: IntakeContext) -> str:
    """A config file beside the test database naming it."""
    url = ctx.settings.database.url
    folder = Path(url.removeprefix("sqlite:///")).parent if url.startswith("sqlite") else None
    path = (folder or Path(tempfile.gettempdir())) / f"rpa-{abs(hash(url))}.toml"
    path.write_text(f'[database]\nurl = "{url}"\n', encoding="utf-8")
    return str(path)


def test_validation_commands(session_factory: sessionmaker[Session], ctx: IntakeContext,
                             capsys: pytest.CaptureFixture[str]) -> None:
    number = approved_registration(session_factory, ctx, NOW)
    config = _config(ctx)
    capsys.readouterr()
    assert main(["--config", config, "validation", "outreach", "--year", "2027",
                 "--dry-run"]) == 0
    out = capsys.readouterr().out
    assert number in out and "dry run" in out and "alice.nguyen@acmehealth.example" in out
    assert main(["--config", config, "validation", "outreach", "--year", "2027",
                 "--number", number]) == 0
    assert "1 queued" in capsys.readouterr().out
    assert main(["--config", config, "validation", "outreach", "--year", "2027"]) == 0
    assert "0 queued" in capsys.readouterr().out  # once per registration and year
    assert main(["--config", config, "validation", "status", "--year", "2027"]) == 0
    assert number in capsys.readouterr().out
    assert main(["--config", config, "registrations", "set-status", number,
                 "out_of_compliance", "--reason", "bot seen on unapproved screens"]) == 0
    with session_factory() as session:
        registration = registration_by_number(session, number)
        assert registration is not None and registration.status == "out_of_compliance"
        assert registration.changes[-1].detail["reason"][1] == "bot seen on unapproved screens"

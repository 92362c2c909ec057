"""The daily validation job in ``run``: registered at [validation] run_at in the digest's
time zone, absent when disabled; one run requests, reminds and marks overdue."""

from __future__ import annotations

from datetime import date, datetime
from pathlib import Path

from registry_helpers import approved_registration

from config.settings import Settings
from intake.app import App
from intake.reminders import validation_job
from intake.service import build_scheduler
from registry.registrations import registration_by_number

NOW = datetime(2026, 11, 23, 12, 0)


def _app(db_url: str, tmp_path: Path, **validation: object) -> App:
    return App(Settings().replace(database={"url": db_url},
                                  smtp={"outbox_dir": str(tmp_path / "outbox")},
                                  acknowledgment={"signing_key": "k"},
                                  validation={"workers": 1, **validation}))


def test_the_job_is_scheduled_unless_disabled(db_url: str, tmp_path: Path) -> None:
    app = _app(db_url, tmp_path, run_at="05:45")
    job = build_scheduler(app).get_job("validation")
    assert job is not None and "hour='5', minute='45'" in str(job.trigger)
    assert str(job.trigger.timezone) == "America/New_York"
    app.close()
    disabled = _app(db_url, tmp_path, enabled=False)
    assert build_scheduler(disabled).get_job("validation") is None
    disabled.close()


def test_one_job_run_requests_reminds_and_marks_overdue(db_url: str, tmp_path: Path) -> None:
    app = _app(db_url, tmp_path, lead_days=60, grace_days=10)
    number = approved_registration(app.sessions, app.context, NOW)
    first = validation_job(app.sessions, app.settings, now=datetime(2027, 9, 30, 12))
    assert [item.number for item in first.outreach.items] == [number]
    assert first.reminders == () and first.overdue == ()
    again = validation_job(app.sessions, app.settings, now=datetime(2027, 9, 30, 13))
    assert again.outreach.queued == 0 and again.reminders == ()
    late = validation_job(app.sessions, app.settings, now=datetime(2027, 12, 4, 12))
    assert late.reminders == ((number, "after:7"),) and late.overdue == (number,)
    with app.sessions() as session:
        registration = registration_by_number(session, number)
        assert registration is not None and registration.status == "validation_overdue"
        assert registration.validation_due == date(2027, 11, 23)
    app.close()


def test_a_rejected_validation_is_asked_again(db_url: str, tmp_path: Path) -> None:
    from formgen.samples import sample_values
    from intake.decisions import reject
    from registry.db import transaction
    from registry.models import ValidationCycle

    app = _app(db_url, tmp_path)
    number = approved_registration(app.sessions, app.context, NOW)
    validation_job(app.sessions, app.settings, now=datetime(2027, 9, 30, 12))
    values = sample_values("annual_validation", seed=1, stage2_approval_number=number,
                           rpa_user_ids=["RPAU0001", "RPAU0002"], validation_year=2027)
    when = datetime(2027, 10, 1, 12)
    reference = _file(app, values, when)
    with app.sessions() as session:
        cycle = session.query(ValidationCycle).one()
        assert cycle.received_at == when
    with transaction(app.sessions) as session:
        reject(session, reference, reason="unsigned", actor="pat", now=when,
               settings=app.settings)
    late = validation_job(app.sessions, app.settings, now=datetime(2027, 10, 25, 12))
    assert late.reminders == ((number, "before:30"),)
    app.close()


def _file(app: App, values: dict[str, object], when: datetime) -> str:
    from registry_helpers import PDF, file_raw, form_mail

    from formgen.pdf_form import fillable_pdf

    pdf = fillable_pdf(app.context.definitions["annual_validation"], values)
    return file_raw(app.sessions, app.context, form_mail([("av.pdf", pdf, PDF)]), when)

"""Registrations of record: created when a Stage II is approved, changed by approved
modifications and validations, each change kept with the submission and decision behind it;
and the queries the CLI, the export and the outreach read them with."""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import date, datetime
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session, selectinload

from registry.models import (
    REG_ACTIVE,
    REG_OVERDUE,
    REG_RETIRED,
    Registration,
    RegistrationChange,
)
from registry.registration_record import (
    RECORD_KEYS,
    Record,
    initial_record,
    modified_record,
    record_diff,
)


class RegistrationError(Exception):
    """A change that cannot be applied to the registration; the message says why."""


def registration_by_number(session: Session, number: str) -> Registration | None:
    return session.scalars(select(Registration).where(
        Registration.number == number.strip().upper())).first()


def registrations_by_numbers(session: Session,
                             numbers: Iterable[str]) -> dict[str, Registration]:
    wanted = sorted({item for item in numbers if item})
    if not wanted:
        return {}
    rows = session.scalars(select(Registration).options(selectinload(Registration.organization))
                           .where(Registration.number.in_(wanted)))
    return {row.number: row for row in rows}


def list_registrations(session: Session, *, statuses: Sequence[str] = (),
                       changed_since: datetime | None = None) -> Sequence[Registration]:
    query = (select(Registration).options(selectinload(Registration.organization))
             .order_by(Registration.number))
    if statuses:
        query = query.where(Registration.status.in_(list(statuses)))
    if changed_since is not None:
        query = query.where(Registration.updated_at >= changed_since)
    return session.scalars(query).all()


def record_of(registration: Registration) -> Record:
    return {key: getattr(registration, key) for key in RECORD_KEYS}


def create_registration(session: Session, *, number: str, stage2: Mapping[str, Any],
                        stage1: Mapping[str, Any], user_ids: list[str], grandfathered: bool,
                        who: ChangeContext) -> Registration:
    record = initial_record(stage2, stage1, user_ids)
    registration = Registration(
        number=number, organization_id=who.organization_id, approval_id=who.approval_id,
        submission_id=who.submission_id, grandfathered=grandfathered,
        stage1_number=stage2.get("stage1_approval_number"), approved_at=who.now,
        validation_due=who.validation_due, updated_at=who.now)
    _store(registration, record)
    session.add(registration)
    _change(registration, "approved", record_diff({}, record), who)
    return registration


def apply_modification(registration: Registration, values: Mapping[str, Any],
                       who: ChangeContext) -> dict[str, list[Any]]:
    if registration.status == REG_RETIRED:
        raise RegistrationError(f"{registration.number} is retired; a modification cannot "
                                "change it")
    before = record_of(registration)
    after = modified_record(before, values)
    _store(registration, after)
    if after["status"] == REG_RETIRED and before["status"] != REG_RETIRED:
        registration.retired_at = who.now
    diff = record_diff(before, after)
    _change(registration, "retirement" if "retired_user_ids" in diff else "modification", diff, who)
    return diff


def record_validation(registration: Registration, *, year: int, who: ChangeContext) -> date:
    """An approved annual validation: the next one is due a year after the current due date
    (or a year from now when none was set); an overdue registration is active again."""
    before_due, before_status = registration.validation_due, registration.status
    registration.validation_due = year_later(before_due or who.now.date())
    registration.last_validated_at = who.now.date()
    if registration.status == REG_OVERDUE:
        registration.status = REG_ACTIVE
    _change(registration, "validation", {
        "validation_year": [None, year],
        "validation_due": [_iso(before_due), _iso(registration.validation_due)],
        **({"status": [before_status, registration.status]}
           if before_status != registration.status else {})}, who)
    return registration.validation_due


def set_status(registration: Registration, status: str, *, reason: str,
               who: ChangeContext) -> None:
    before = registration.status
    if before == status:
        return
    registration.status = status
    if status == REG_RETIRED:
        registration.retired_at = who.now
    _change(registration, "status", {"status": [before, status], "reason": [None, reason]}, who)


def _store(registration: Registration, record: Record) -> None:
    for key in RECORD_KEYS:
        setattr(registration, key, record[key])


def _change(registration: Registration, kind: str, detail: dict[str, Any],
            who: ChangeContext) -> None:
    registration.updated_at = who.now
    registration.changes.append(RegistrationChange(
        at=who.now, kind=kind, submission_id=who.submission_id, approval_id=who.approval_id,
        actor=who.actor, detail=detail))


def year_later(day: date) -> date:
    try:
        return day.replace(year=day.year + 1)
    except ValueError:  # 29 February
        return day.replace(year=day.year + 1, day=28)


def _iso(day: date | None) -> str | None:
    return day.isoformat() if day else None


@dataclass(frozen=True, slots=True)
class ChangeContext:
    """Who changes a registration, when, and on which submission and approval."""

    actor: str
    now: datetime
    submission_id: int | None = None
    approval_id: int | None = None
    organization_id: int | None = None
    validation_due: date | None = None

"""The yearly validation cycle of each registration: who is due, the cycle row per
registration and year (so outreach is idempotent), the notices sent, the reply that answered
it, and the registrations past their grace period."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from datetime import date, datetime, timedelta

from sqlalchemy import select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session, selectinload

from registry.models import (
    REG_ACTIVE,
    REG_OUT_OF_COMPLIANCE,
    REG_OVERDUE,
    Registration,
    ValidationCycle,
    ValidationNotice,
)
from registry.registrations import ChangeContext, set_status
from registry.validation_schedule import overdue_since

ASKABLE = (REG_ACTIVE, REG_OVERDUE, REG_OUT_OF_COMPLIANCE)


def due_registrations(session: Session, *, year: int, today: date,
                      due_within: int | None = None,
                      numbers: Sequence[str] = ()) -> list[Registration]:
    """Registrations to ask for ``year``: not retired, due by the end of that year (and within
    ``due_within`` days of today when given), not yet asked or validated for that year."""
    last_day = date(year, 12, 31)
    if due_within is not None:
        last_day = min(last_day, today + timedelta(days=due_within))
    query = (select(Registration).options(selectinload(Registration.organization))
             .where(Registration.status.in_(ASKABLE), Registration.validation_due.is_not(None),
                    Registration.validation_due <= last_day)
             .order_by(Registration.validation_due, Registration.number))
    if numbers:
        query = query.where(Registration.number.in_([item.upper() for item in numbers]))
    asked = set(session.scalars(select(ValidationCycle.registration_id).where(
        ValidationCycle.year == year, ValidationCycle.requested_at.is_not(None))))
    return [row for row in session.scalars(query) if row.id not in asked]


def cycle_for(session: Session, registration: Registration, year: int) -> ValidationCycle:
    """The registration's cycle for ``year``, created once (the unique key guards races)."""
    found = _cycle(session, registration.id, year)
    if found is not None:
        return found
    cycle = ValidationCycle(registration_id=registration.id, year=year,
                            due=registration.validation_due or date(year, 12, 31))
    try:
        with session.begin_nested():
            session.add(cycle)
    except IntegrityError:
        existing = _cycle(session, registration.id, year)
        if existing is None:
            raise
        return existing
    return cycle


def _cycle(session: Session, registration_id: int, year: int) -> ValidationCycle | None:
    return session.scalars(select(ValidationCycle).where(
        ValidationCycle.registration_id == registration_id,
        ValidationCycle.year == year)).first()


def add_notice(cycle: ValidationCycle, *, step: str, message_id: str, outbox_id: int | None,
               now: datetime) -> ValidationNotice:
    notice = ValidationNotice(step=step, message_id=message_id, outbox_id=outbox_id, sent_at=now)
    cycle.notices.append(notice)
    if step == "request":
        cycle.requested_at = now
    return notice


def cycles_awaiting_reply(session: Session) -> Sequence[ValidationCycle]:
    """Cycles asked and not answered, of registrations still on file."""
    return session.scalars(
        select(ValidationCycle).options(selectinload(ValidationCycle.notices),
                                        selectinload(ValidationCycle.registration))
        .join(Registration, Registration.id == ValidationCycle.registration_id)
        .where(ValidationCycle.requested_at.is_not(None),
               ValidationCycle.received_at.is_(None), ValidationCycle.validated_at.is_(None),
               Registration.status.in_(ASKABLE))
        .order_by(ValidationCycle.due, ValidationCycle.id)).all()


def cycle_by_message_ids(session: Session, message_ids: Iterable[str]) -> ValidationCycle | None:
    """The cycle one of our validation requests or reminders (by Message-ID) belongs to."""
    ids = [item.strip("<> ") for item in message_ids if item]
    if not ids:
        return None
    notice = session.scalars(select(ValidationNotice).where(
        ValidationNotice.message_id.in_(ids)).order_by(ValidationNotice.id.desc())).first()
    return notice.cycle if notice else None


def open_cycle_for(session: Session, registration: Registration,
                   year: int | None) -> ValidationCycle | None:
    """The cycle an Annual Validation citing the registration answers: the one of the year
    it names, else the latest one not answered."""
    query = select(ValidationCycle).where(ValidationCycle.registration_id == registration.id)
    if year is not None:
        return session.scalars(query.where(ValidationCycle.year == year)).first()
    return session.scalars(query.where(ValidationCycle.received_at.is_(None))
                           .order_by(ValidationCycle.year.desc())).first()


def mark_overdue(session: Session, *, today: date, grace_days: int, now: datetime,
                 actor: str = "validation") -> list[Registration]:
    """Registrations whose cycle went unanswered past due + grace become
    ``validation_overdue`` (once: the cycle keeps when)."""
    marked = []
    for cycle in cycles_awaiting_reply(session):
        if cycle.overdue_at is not None or today < overdue_since(cycle.due, grace_days):
            continue
        cycle.overdue_at = now
        registration = cycle.registration
        if registration.status == REG_ACTIVE:
            set_status(registration, REG_OVERDUE, reason=f"no annual validation for "
                       f"{cycle.year} by {cycle.due.isoformat()} + {grace_days} days",
                       who=ChangeContext(actor=actor, now=now))
        marked.append(registration)
    return marked

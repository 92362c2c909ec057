"""The digest's registry part (issue 14): this year's annual validations requested, received
and overdue, and the registrations retired or changed in the digest's day."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session, selectinload

from registry.models import (
    REG_OVERDUE,
    Registration,
    RegistrationChange,
    ValidationCycle,
)

Row = tuple[str, ...]


@dataclass(frozen=True, slots=True)
class RegistryDigest:
    year: int
    requested: int
    received: int
    validated: int
    overdue: tuple[Row, ...]  # number, organization, due
    changed: tuple[Row, ...]  # number, what, organization, fields


def registry_digest(session: Session, *, year: int, start: datetime,
                    end: datetime) -> RegistryDigest:
    """``start``/``end``: the digest's day as naive UTC bounds."""
    def count(column: Any) -> int:
        query = select(func.count()).select_from(ValidationCycle).where(
            ValidationCycle.year == year, column.is_not(None))
        return int(session.execute(query).scalar() or 0)

    overdue = session.scalars(select(Registration).options(
        selectinload(Registration.organization)).where(Registration.status == REG_OVERDUE)
        .order_by(Registration.validation_due)).all()
    changes = session.scalars(select(RegistrationChange).options(
        selectinload(RegistrationChange.registration).selectinload(Registration.organization))
        .where(RegistrationChange.at >= start, RegistrationChange.at < end)
        .order_by(RegistrationChange.id)).all()
    return RegistryDigest(
        year=year, requested=count(ValidationCycle.requested_at),
        received=count(ValidationCycle.received_at), validated=count(ValidationCycle.validated_at),
        overdue=tuple((row.number, _organization(row),
                       row.validation_due.isoformat() if row.validation_due else "-")
                      for row in overdue),
        changed=tuple((change.registration.number, _what(change),
                       _organization(change.registration),
                       ", ".join(sorted(change.detail or {})) or "-") for change in changes))


def _what(change: RegistrationChange) -> str:
    status = (change.detail or {}).get("status")
    if change.kind == "status" and isinstance(status, list):
        return f"status: {status[-1]}"
    return change.kind


def _organization(row: Registration) -> str:
    if row.organization is not None:
        return row.organization.legal_name
    return str((row.organization_block or {}).get("org_legal_name") or "")

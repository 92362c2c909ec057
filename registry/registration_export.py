"""The monitoring export of the registrations of record (one row per RPA User ID) and the
JSON of one registration with its history (``registrations show``)."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from datetime import date, datetime
from typing import Any

from registry.models import REG_RETIRED, Registration

EXPORT_COLUMNS = ("rpa_user_id", "user_id_status", "registration_number", "registration_status",
                  "organization", "fein", "provider_id", "stage1_number", "grandfathered",
                  "bot_names", "transactions", "screens_per_session", "rpa_tool_name",
                  "rpa_tool_vendor", "rpa_tool_version", "hosting", "approved_at",
                  "last_validated_at", "validation_due", "retired_at", "updated_at")


def export_rows(registrations: Iterable[Registration], *,
                statuses: Sequence[str] = ()) -> list[dict[str, Any]]:
    """One row per RPA User ID. A User ID's status is its registration's, or ``retired`` when
    it was retired alone; ``statuses`` filters on that status."""
    rows = []
    for registration in registrations:
        for user_id, status in _user_ids(registration):
            if statuses and status not in statuses:
                continue
            rows.append({"rpa_user_id": user_id, "user_id_status": status,
                         **_registration_columns(registration)})
    return rows


def _user_ids(registration: Registration) -> list[tuple[str, str]]:
    active = [(item, registration.status) for item in registration.rpa_user_ids or []]
    retired = [(item, REG_RETIRED) for item in registration.retired_user_ids or []]
    return active + retired


def _registration_columns(registration: Registration) -> dict[str, Any]:
    organization = registration.organization
    block = registration.organization_block or {}
    return {
        "registration_number": registration.number,
        "registration_status": registration.status,
        "organization": organization.legal_name if organization else block.get("org_legal_name"),
        "fein": organization.fein if organization else block.get("fein"),
        "provider_id": organization.provider_id if organization else block.get("provider_id"),
        "stage1_number": registration.stage1_number,
        "grandfathered": registration.grandfathered,
        "bot_names": list(registration.bot_names or []),
        "transactions": list(registration.transactions or []),
        "screens_per_session": registration.screens_per_session,
        "rpa_tool_name": registration.rpa_tool_name,
        "rpa_tool_vendor": registration.rpa_tool_vendor,
        "rpa_tool_version": registration.rpa_tool_version,
        "hosting": registration.hosting,
        "approved_at": iso(registration.approved_at),
        "last_validated_at": iso(registration.last_validated_at),
        "validation_due": iso(registration.validation_due),
        "retired_at": iso(registration.retired_at),
        "updated_at": iso(registration.updated_at),
    }


def registration_json(registration: Registration,
                      references: dict[int, str | None] | None = None) -> dict[str, Any]:
    """One registration: what is on file, its User IDs, and every change with the submission
    (by reference) and the decision behind it."""
    references = references or {}
    return {
        **_registration_columns(registration),
        "rpa_user_ids": list(registration.rpa_user_ids or []),
        "retired_user_ids": list(registration.retired_user_ids or []),
        "contact_name": registration.contact_name,
        "contact_email": registration.contact_email,
        "organization_block": dict(registration.organization_block or {}),
        "submission": references.get(registration.submission_id or 0),
        "history": [{"at": iso(change.at), "kind": change.kind, "actor": change.actor,
                     "submission": references.get(change.submission_id or 0),
                     "changes": change.detail} for change in registration.changes],
    }


def iso(value: date | datetime | None) -> str | None:
    if value is None:
        return None
    if isinstance(value, datetime):
        return value.isoformat(timespec="seconds") + ("" if value.tzinfo else "Z")
    return value.isoformat()

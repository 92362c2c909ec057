"""Credentials that expire are an alert, not a silent stop: each client secret's or
certificate's expiry date (configured, or read from the certificate file) is checked daily,
and the administrators are told 30, 7 and 1 days ahead (and once it has expired), each alert
once for that credential and date."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime

from sqlalchemy.orm import Session

from config.settings import ConfigError, OAuthFields, Settings, oauth_sections
from notifier.alerts import enqueue_admin_alert
from notifier.oauth_files import read_certificate

THRESHOLDS = (30, 7, 1)


@dataclass(frozen=True, slots=True)
class Credential:
    client_id: str
    kind: str  # "client secret" | "certificate"
    expires: date
    sections: tuple[str, ...]


def expiring_credentials(settings: Settings) -> list[Credential]:
    """Every credential in use whose expiry is known, one per app and date."""
    found: dict[tuple[str, date], Credential] = {}
    for name, section in oauth_sections(settings):
        known = _expiry(name, section)
        if known is None:
            continue
        kind, expires = known
        key = (section.client_id, expires)
        earlier = found.get(key)
        sections = (*earlier.sections, name) if earlier else (name,)
        found[key] = Credential(section.client_id, kind, expires, sections)
    return list(found.values())


def _expiry(name: str, section: OAuthFields) -> tuple[str, date] | None:
    if section.credential_expires:
        kind = "certificate" if section.certificate_file else "client secret"
        return kind, date.fromisoformat(section.credential_expires)
    if section.certificate_file:
        try:
            return "certificate", read_certificate(name, section.certificate_file).not_after.date()
        except ConfigError:
            return None  # the login itself reports an unreadable certificate
    return None


def due_threshold(expires: date, today: date) -> int | None:
    """The tightest of 30/7/1 days reached (0 once expired); None while further away."""
    days = (expires - today).days
    if days < 1:
        return 0
    reached = [threshold for threshold in THRESHOLDS if days <= threshold]
    return min(reached) if reached else None


def enqueue_expiry_alerts(session: Session, *, now: datetime, settings: Settings) -> int:
    """Queue what is due today (the daily job); returns how many credentials were due."""
    due = 0
    for credential in expiring_credentials(settings):
        threshold = due_threshold(credential.expires, now.date())
        if threshold is None:
            continue
        due += 1
        subject, text = _alert_text(credential, threshold, now.date())
        enqueue_admin_alert(session, subject, text, settings=settings, now=now,
                            key=f"expiry:{credential.client_id}:{credential.expires}:"
                                f"{threshold}")
    return due


def _alert_text(credential: Credential, threshold: int, today: date) -> tuple[str, str]:
    used_by = ", ".join(credential.sections)
    days = (credential.expires - today).days
    if threshold == 0:
        subject = f"rpa-intake: the {credential.kind} of app {credential.client_id} has expired"
        when = f"expired on {credential.expires:%Y-%m-%d}"
    else:
        subject = (f"rpa-intake: the {credential.kind} of app {credential.client_id} expires "
                   f"in {days} day{'s' if days != 1 else ''}")
        when = f"expires on {credential.expires:%Y-%m-%d}"
    text = (f"The {credential.kind} that rpa-intake uses to sign in to Microsoft 365 "
            f"({used_by}; application (client) id {credential.client_id}) {when}.\n\n"
            "Before then: in Entra ID, App registrations > the app > Certificates & secrets, "
            "add a new one; put it in the configuration (client_secret_file or "
            "certificate_file, and credential_expires); restart the service. Without a new "
            "one, mail stops being read and sent on that day.\n")
    return subject, text

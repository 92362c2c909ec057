"""Health: one line for a monitoring check, and the alert emails when intake keeps failing
(one when it has failed for longer than configured, one when it recovers)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from config.settings import Settings
from notifier.alerts import enqueue_alert
from registry.models import QUEUED, MailboxState, OutboxMessage
from registry.queries import last_successful_poll, open_quarantine_count


@dataclass(frozen=True, slots=True)
class Health:
    ok: bool
    line: str


def health_status(session: Session, *, now: datetime, settings: Settings) -> Health:
    last = last_successful_poll(session)
    backlog = session.scalar(select(func.count()).select_from(OutboxMessage).where(
        OutboxMessage.status == QUEUED, OutboxMessage.created_at < now - timedelta(minutes=15)))
    quarantined = open_quarantine_count(session)
    limit = timedelta(minutes=settings.service.alert_after_minutes)
    stale = last is None or now - last > limit
    ok = not stale and not backlog
    when = f"{last:%Y-%m-%d %H:%M:%S} UTC" if last else "never"
    return Health(ok, f"{'OK' if ok else 'FAIL'} last successful poll {when}; outbox backlog "
                      f"{backlog or 0} (older than 15 min); quarantine {quarantined} open")


def check_alerts(session: Session, *, now: datetime, settings: Settings) -> None:
    """Send one alert per outage, after alert_after_minutes, and one on recovery."""
    limit = timedelta(minutes=settings.service.alert_after_minutes)
    for state in session.scalars(select(MailboxState)):
        failing = state.failing_since is not None and now - state.failing_since >= limit
        if failing and state.alert_sent_at is None:
            enqueue_alert(session, state, "failing", settings=settings, now=now)
            state.alert_sent_at = now
        elif state.failing_since is None and state.alert_sent_at is not None:
            enqueue_alert(session, state, "recovered", settings=settings, now=now)
            state.alert_sent_at = None

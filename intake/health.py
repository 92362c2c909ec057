"""Health: one line for a monitoring check, and the alert emails when intake keeps failing
(one when it has failed for longer than configured, one when it recovers)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from config.settings import Settings
from notifier.alerts import enqueue_alert, enqueue_login_alert
from notifier.login_status import failing_logins
from registry.models import QUEUED, AuthStatus, MailboxState, OutboxMessage
from registry.queries import (
    ReadingBacklog,
    last_successful_poll,
    open_quarantine_count,
    reading_backlog,
)


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
    logins = failing_logins(session, now=now,
                            longer_than_seconds=settings.service.poll_interval_seconds)
    reading = reading_backlog(session, since=now - timedelta(hours=1))
    stuck = reading.oldest is not None and now - reading.oldest > limit
    ok = not stale and not backlog and not logins and not stuck
    when = f"{last:%Y-%m-%d %H:%M:%S} UTC" if last else "never"
    return Health(ok, f"{'OK' if ok else 'FAIL'} last successful poll {when}; outbox backlog "
                      f"{backlog or 0} (older than 15 min); quarantine {quarantined} open; "
                      + _reading_line(reading, now)
                      + "".join(_login_line(row) for row in logins))


def _reading_line(reading: ReadingBacklog, now: datetime) -> str:
    """How far behind intake is: a message stored but unfiled for long is stuck (its reader
    keeps failing, or no instance is polling); in a busy week, the rate says how fast."""
    waiting = f"stored, not filed {reading.waiting}"
    if reading.oldest is not None:
        waiting += f" (oldest {_age(now - reading.oldest)})"
    return f"{waiting}; filed in the last hour {reading.filed}"


def _age(delta: timedelta) -> str:
    minutes = max(0, int(delta.total_seconds() // 60))
    return f"{minutes} min" if minutes < 120 else f"{minutes // 60} h"


def _login_line(row: AuthStatus) -> str:
    since = row.failing_since or datetime.min
    return f"; {row.name} login failing since {since:%Y-%m-%d %H:%M:%S} UTC: {row.last_error}"


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
    check_login_alerts(session, now=now, settings=settings)


def check_login_alerts(session: Session, *, now: datetime, settings: Settings) -> None:
    """One alert when a login has failed for longer than a poll interval, one on recovery."""
    failing = {row.id for row in failing_logins(
        session, now=now, longer_than_seconds=settings.service.poll_interval_seconds)}
    for row in session.scalars(select(AuthStatus)):
        if row.id in failing and row.alert_sent_at is None:
            enqueue_login_alert(session, row, "failing", settings=settings, now=now)
            row.alert_sent_at = now
        elif row.failing_since is None and row.alert_sent_at is not None:
            enqueue_login_alert(session, row, "recovered", settings=settings, now=now)
            row.alert_sent_at = None

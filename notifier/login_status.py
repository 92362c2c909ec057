"""Login outcomes (OAuth token requests and the servers' answers to them) kept in the
registry, so that `rpa-intake health` and the alert check see them from any process: since
when a login has failed and why, cleared by the next success."""

from __future__ import annotations

import logging
from collections.abc import Callable
from datetime import datetime

from sqlalchemy import select
from sqlalchemy.orm import Session, sessionmaker

from registry.db import transaction
from registry.models import AuthStatus

log = logging.getLogger(__name__)


def record_login(session: Session, name: str, *, now: datetime, error: str | None) -> None:
    row = session.scalars(select(AuthStatus).where(AuthStatus.name == name)).first()
    if row is None:
        row = AuthStatus(name=name)
        session.add(row)
    if error is None:
        row.failing_since, row.last_success_at = None, now
        return
    row.last_error, row.last_error_at = error.splitlines()[0][:500] if error else "", now
    row.failing_since = row.failing_since or now
    log.warning("login failing: %s", row.last_error)


class LoginRecorder:
    """The status sink handed to notifier.oauth: one short transaction per change."""

    def __init__(self, factory: sessionmaker[Session], clock: Callable[[], datetime]) -> None:
        self.factory, self.clock = factory, clock

    def __call__(self, name: str, error: str | None) -> None:
        with transaction(self.factory) as session:
            record_login(session, name, now=self.clock(), error=error)


def failing_logins(session: Session, *, now: datetime, longer_than_seconds: float
                   ) -> list[AuthStatus]:
    rows = session.scalars(select(AuthStatus).where(AuthStatus.failing_since.is_not(None)))
    return [row for row in rows if row.failing_since is not None
            and (now - row.failing_since).total_seconds() > longer_than_seconds]

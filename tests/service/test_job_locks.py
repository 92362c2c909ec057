"""A scheduled job runs on one instance at a time: while another instance holds the job's
advisory lock (PostgreSQL), this one skips it; on SQLite (one instance) it always runs."""

from __future__ import annotations

from typing import Any

from sqlalchemy.orm import Session, sessionmaker

from config.settings import Settings
from intake.app import App
from intake.clock import utcnow
from intake.service import _in_session
from registry.locks import try_job_lock


def test_a_job_another_instance_runs_is_skipped(db_url: str,
                                                session_factory: sessionmaker[Session]) -> None:
    app = App(Settings().replace(database={"url": db_url}), migrate=False)
    ran: list[str] = []

    def digest_job(session: Session, *, now: Any, settings: Settings) -> None:
        ran.append("digest")

    with session_factory() as other:
        assert try_job_lock(other, "digest_job")  # another instance is running the digest
        _in_session(app, digest_job, utcnow)
        postgres = other.get_bind().dialect.name == "postgresql"
        assert ran == ([] if postgres else ["digest"])
        other.rollback()  # its transaction ends: the lock is free
    _in_session(app, digest_job, utcnow)
    assert ran[-1:] == ["digest"]
    app.close()

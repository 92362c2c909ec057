"""Coordination between instances: PostgreSQL advisory locks (one poller per mailbox, one
runner per scheduled job) and, on SQLite, a warning when a second instance starts.

PostgreSQL: a poller holds a session-level ``pg_try_advisory_lock`` on a connection of its
own for as long as it polls; when the process dies its connection dies with it and
PostgreSQL releases the lock, so a standby takes over at its next try. A job takes a
transaction-level lock in its own transaction. Lock keys hash the schema with the name, so
two registries in one database never share a lock.

SQLite supports one instance: each process holds an exclusive ``flock`` on
``<database>.instance-lock`` for its lifetime (released by the kernel when it dies); a
second process logs one warning line and goes on (filing is still exactly once, by the
claim on the raw message, but nothing else is coordinated).
"""

from __future__ import annotations

import fcntl
import logging
import os
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import IO

from sqlalchemy import Connection, Engine, text
from sqlalchemy.exc import SQLAlchemyError
from sqlalchemy.orm import Session

log = logging.getLogger(__name__)
KEY_SQL = "hashtextextended(current_schema() || ':' || :name, 0)"
_instance_files: dict[str, IO[str]] = {}  # kept open (and locked) for the process lifetime


class LockLostError(Exception):
    """The connection that held a poller lock is gone; the lock may be someone else's now."""


def is_postgres(engine: Engine) -> bool:
    return engine.dialect.name == "postgresql"


@dataclass
class PollerLock:
    """A held (or not held) poller lock; ``connection`` is None on SQLite or when not held."""

    name: str
    held: bool
    connection: Connection | None = None

    def verify(self) -> None:
        """Raise LockLostError when the connection holding the lock has died."""
        if self.connection is None:
            return
        try:
            self.connection.execute(text("SELECT 1"))
        except SQLAlchemyError as err:
            raise LockLostError(f"lost the lock on {self.name}: {type(err).__name__}") from err


@contextmanager
def poller_lock(engine: Engine, name: str) -> Iterator[PollerLock]:
    """Try (never wait) to become the one poller of ``name``; always held on SQLite."""
    if not is_postgres(engine):
        yield PollerLock(name, held=True)
        return
    connection = engine.connect()
    try:
        _label(connection, f"rpa-intake poller pid {os.getpid()}")
        held = bool(connection.execute(text(f"SELECT pg_try_advisory_lock({KEY_SQL})"),
                                       {"name": name}).scalar())
        connection.commit()
        yield PollerLock(name, held=held, connection=connection if held else None)
    finally:
        _release(connection, name)


def _label(connection: Connection, label: str) -> None:
    """Name the holder in pg_stat_activity, so an administrator can see who polls."""
    connection.execute(text("SELECT set_config('application_name', :label, false)"),
                       {"label": label})


def _release(connection: Connection, name: str) -> None:
    try:
        connection.execute(text("SELECT pg_advisory_unlock_all()"))
        connection.execute(text("RESET application_name"))
        connection.commit()
        connection.close()
    except SQLAlchemyError:
        connection.invalidate()  # dead already: PostgreSQL released the lock with it
        log.debug("poller lock connection for %s was already gone", name)


def try_job_lock(session: Session, name: str) -> bool:
    """Take the lock of a scheduled job for the rest of ``session``'s transaction; False when
    another instance runs it right now. Always True on SQLite (one instance)."""
    if session.get_bind().dialect.name != "postgresql":
        return True
    return bool(session.execute(text(f"SELECT pg_try_advisory_xact_lock({KEY_SQL})"),
                                {"name": f"job:{name}"}).scalar())


def lock_holders(connection: Connection, name: str) -> list[int]:
    """The backend pids holding the advisory lock ``name`` (for health and tests)."""
    key = connection.execute(text(f"SELECT {KEY_SQL}"), {"name": name}).scalar()
    rows = connection.execute(text(
        "SELECT pid FROM pg_locks WHERE locktype = 'advisory' AND granted "
        "AND objsubid = 1 AND ((classid::bigint << 32) | objid::bigint) = :key"),
        {"key": key})
    return [int(row[0]) for row in rows]


def warn_if_second_instance(engine: Engine) -> bool:
    """SQLite: take this process's instance lock; log a warning and return False when
    another process holds it. PostgreSQL: True (coordinated by the locks above)."""
    database = engine.url.database
    if engine.dialect.name != "sqlite" or not database or database == ":memory:":
        return True
    path = str(Path(database).expanduser().resolve()) + ".instance-lock"
    if path in _instance_files:
        return True
    handle = open(path, "a+")  # noqa: SIM115 - held open on purpose, for the lifetime
    try:
        fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
    except OSError:
        handle.close()
        log.warning("another rpa-intake instance is using the SQLite database %s: SQLite "
                    "supports one instance at a time (use PostgreSQL to run more than one)",
                    database)
        return False
    _instance_files[path] = handle
    return True

"""Engine and sessions: SQLite (WAL, foreign keys on) by default, PostgreSQL the same way."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from sqlalchemy import Engine, create_engine, event, inspect
from sqlalchemy.engine import make_url
from sqlalchemy.exc import ArgumentError, NoSuchModuleError
from sqlalchemy.orm import Session, sessionmaker


class DatabaseError(Exception):
    """The database cannot be opened or migrated; the message is one line."""


SUPPORTED = ("sqlite", "postgresql")


def make_engine(url: str, echo: bool = False) -> Engine:
    """Create an engine; for SQLite, make sure the directory exists and turn on WAL and
    foreign keys on every connection."""
    try:
        parsed = make_url(url)
    except ArgumentError as err:
        raise DatabaseError(f"database.url: not a database URL: {url!r}") from err
    backend = parsed.get_backend_name()
    if backend not in SUPPORTED or parsed.get_driver_name() not in {
            "", "pysqlite", "psycopg", "psycopg2", backend}:
        raise DatabaseError(f"database.url: {parsed.drivername!r} is not supported; use "
                            "sqlite:/// or postgresql://")
    if backend == "sqlite":
        return _sqlite_engine(url, parsed.database, echo)
    if parsed.get_backend_name() == "postgresql" and parsed.get_driver_name() in {"", "psycopg2"}:
        url = parsed.set(drivername="postgresql+psycopg").render_as_string(hide_password=False)
    try:
        return create_engine(url, echo=echo, pool_pre_ping=True, hide_parameters=True)
    except (NoSuchModuleError, ImportError) as err:
        raise DatabaseError(f"database.url: driver for {parsed.drivername!r} is not "
                            "installed") from err


def require_existing(url: str) -> None:
    """A DatabaseError when ``url`` names an SQLite file that does not exist (a command that
    only reads must not create an empty registry in the working directory)."""
    parsed = make_url(url)
    if parsed.get_backend_name() != "sqlite" or parsed.database in (None, "", ":memory:"):
        return
    if not Path(parsed.database).expanduser().exists():
        raise DatabaseError(f"database {parsed.database} does not exist: pass --config (or "
                            "set RPA_INTAKE_CONFIG) to name the registry, or create it with "
                            "`rpa-intake db upgrade`")


def _sqlite_engine(url: str, database: str | None, echo: bool) -> Engine:
    if database and database != ":memory:":
        directory = Path(database).expanduser().resolve().parent
        if not directory.is_dir():
            raise DatabaseError(f"database.url: directory {directory} does not exist")
    # hide_parameters: an error must never print a raw message or a form value it was saving
    engine = create_engine(url, echo=echo, connect_args={"timeout": 30}, hide_parameters=True)

    @event.listens_for(engine, "connect")
    def _on_connect(dbapi_connection: Any, _record: Any) -> None:
        cursor = dbapi_connection.cursor()
        cursor.execute("PRAGMA foreign_keys=ON")
        if database and database != ":memory:":
            cursor.execute("PRAGMA journal_mode=WAL")
        cursor.execute("PRAGMA busy_timeout=30000")
        cursor.close()

    @event.listens_for(engine, "checkin")
    def _on_checkin(dbapi_connection: Any, record: Any) -> None:
        if record.info.pop(_INTERIM, False):  # back to a durable commit for the next user
            cursor = dbapi_connection.cursor()
            cursor.execute("PRAGMA synchronous=FULL")
            cursor.close()

    return engine


def make_session_factory(engine: Engine) -> sessionmaker[Session]:
    factory = sessionmaker(engine, expire_on_commit=False)
    event.listen(factory, "before_flush", _scrub_nul)
    return factory


def _scrub_nul(session: Session, _context: Any, _instances: Any) -> None:
    """PostgreSQL refuses NUL in text and JSON ("\\u0000"): a NUL from a hostile form
    value or file name would fail the whole filing. Scrubbed here, for every table, so
    SQLite and PostgreSQL store the same thing. Only loaded values are looked at: reading
    an unloaded (deferred) one would load it, e.g. a raw message's bytes on every flush."""
    for obj in (*session.new, *session.dirty):
        state = inspect(obj)
        for attr in state.mapper.column_attrs:
            value = state.dict.get(attr.key)
            if isinstance(value, str | dict | list) and _has_nul(value):
                setattr(obj, attr.key, _without_nul(value))


def scrub_nul(value: Any) -> Any:
    """``value`` without NUL characters (what the flush hook does for ORM objects; for rows
    inserted in bulk, which bypass it)."""
    return _without_nul(value) if _has_nul(value) else value


def _has_nul(value: Any) -> bool:
    if isinstance(value, str):
        return "\x00" in value
    if isinstance(value, dict):
        return any(_has_nul(key) or _has_nul(item) for key, item in value.items())
    if isinstance(value, list | tuple):
        return any(_has_nul(item) for item in value)
    return False


def _without_nul(value: Any) -> Any:
    if isinstance(value, str):
        return value.replace("\x00", "")
    if isinstance(value, dict):
        return {_without_nul(key): _without_nul(item) for key, item in value.items()}
    if isinstance(value, list | tuple):
        return [_without_nul(item) for item in value]
    return value


_INTERIM = "rpa_intake_interim"


@contextmanager
def transaction(factory: sessionmaker[Session], *, durable: bool = True) -> Iterator[Session]:
    """One unit of work: commit on success, roll back on any error.

    ``durable=False``, an interim commit: visible to everyone at once and kept if this
    process dies, but written to disk only with the next durable commit of the database
    (SQLite WAL ``synchronous=NORMAL``, PostgreSQL ``synchronous_commit = off``), so a power
    loss may undo it. For steps that nothing outside the database acts on before a durable
    commit follows: storing a message and counting an attempt, before its filing."""
    session = factory()
    try:
        if not durable:
            _make_interim(session)
        yield session
        session.commit()
    except BaseException:
        session.rollback()
        raise
    finally:
        session.close()


def _make_interim(session: Session) -> None:
    connection = session.connection()
    if connection.dialect.name == "postgresql":
        connection.exec_driver_sql("SET LOCAL synchronous_commit TO OFF")
    elif connection.dialect.name == "sqlite":
        # Before the first write: SQLite refuses to change it inside a transaction; the
        # pool's checkin sets it back to FULL.
        connection.exec_driver_sql("PRAGMA synchronous=NORMAL")
        connection.info[_INTERIM] = True

"""Schema migrations: Alembic, run from code (``rpa-intake db upgrade`` and service start).

A database already at the head is recognized without loading Alembic (a regular expression
over the revision files and one SELECT): every command opens the registry this way, and
Alembic costs about half a second and 11 MB of memory in each process.
"""

from __future__ import annotations

import re
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING

from sqlalchemy import Engine, text
from sqlalchemy.exc import OperationalError, SQLAlchemyError

from registry.db import DatabaseError

if TYPE_CHECKING:
    from alembic.config import Config

MIGRATIONS_DIR = Path(__file__).resolve().parent / "migrations"
_REVISION = re.compile(r"^(down_revision|revision)\s*=\s*['\"]([^'\"]+)['\"]", re.MULTILINE)


def alembic_config(engine: Engine) -> Config:
    from alembic.config import Config

    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS_DIR))
    config.attributes["engine"] = engine
    return config


def upgrade(engine: Engine, revision: str = "head") -> None:
    """Bring the schema to ``revision``; one-line DatabaseError when it cannot."""
    if revision == "head" and current_revisions(engine) == {script_head()}:
        return
    from alembic import command

    try:
        command.upgrade(alembic_config(engine), revision)
    except OperationalError as err:
        raise DatabaseError(f"database: cannot migrate {engine.url!r}: {err.orig}") from err
    except SQLAlchemyError as err:
        raise DatabaseError(f"database: migration failed: {err}") from err


@cache
def script_head() -> str:
    """The revision no other revision names as its ``down_revision``."""
    revisions: set[str] = set()
    parents: set[str] = set()
    for path in (MIGRATIONS_DIR / "versions").glob("*.py"):
        for kind, name in _REVISION.findall(path.read_text(encoding="utf-8")):
            (revisions if kind == "revision" else parents).add(name)
    heads = revisions - parents
    if len(heads) != 1:
        raise DatabaseError(f"database: migrations have {len(heads)} heads: {sorted(heads)}")
    return heads.pop()


def current_revisions(engine: Engine) -> set[str]:
    """The revisions the database records (empty for a new database)."""
    try:
        with engine.connect() as connection:
            rows = connection.execute(text("SELECT version_num FROM alembic_version"))
            return {str(row[0]) for row in rows}
    except SQLAlchemyError:  # no table yet: a new database
        return set()

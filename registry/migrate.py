"""Schema migrations: Alembic, run from code (``rpa-intake db upgrade`` and service start)."""

from __future__ import annotations

from pathlib import Path

from alembic import command
from alembic.config import Config
from sqlalchemy import Engine
from sqlalchemy.exc import OperationalError, SQLAlchemyError

from registry.db import DatabaseError

MIGRATIONS_DIR = Path(__file__).resolve().parent / "migrations"


def alembic_config(engine: Engine) -> Config:
    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS_DIR))
    config.attributes["engine"] = engine
    return config


def upgrade(engine: Engine, revision: str = "head") -> None:
    """Bring the schema to ``revision``; one-line DatabaseError when it cannot."""
    try:
        command.upgrade(alembic_config(engine), revision)
    except OperationalError as err:
        raise DatabaseError(f"database: cannot migrate {engine.url!r}: {err.orig}") from err
    except SQLAlchemyError as err:
        raise DatabaseError(f"database: migration failed: {err}") from err

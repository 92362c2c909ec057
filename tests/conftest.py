"""Shared fixtures: form definitions, and a migrated database on SQLite and PostgreSQL.

PostgreSQL runs when RPA_INTAKE_TEST_POSTGRES is set to a URL (the README's test command and
.ci/run set it); each test session gets a private schema, so parallel runs never collide.
"""

from __future__ import annotations

import os
import shutil
import tempfile
import uuid
from collections.abc import Iterator
from pathlib import Path

import pytest
from servers.https import LocalCertificate, make_certificate
from servers.identity import Identity, start_identity
from sqlalchemy import Engine, create_engine, text
from sqlalchemy.orm import Session, sessionmaker

from config.settings import FORMS_DIR
from parsers.formdefs import FormDefinition, load_definitions
from registry.db import make_engine, make_session_factory
from registry.migrate import upgrade

DATA = Path(__file__).resolve().parent / "data"
POSTGRES_URL = os.environ.get("RPA_INTAKE_TEST_POSTGRES", "")
DATABASES = ["sqlite", pytest.param("postgres", marks=pytest.mark.postgres)]


def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    if POSTGRES_URL:
        return
    skip = pytest.mark.skip(reason="set RPA_INTAKE_TEST_POSTGRES to run against PostgreSQL")
    for item in items:
        if "postgres" in item.keywords:
            item.add_marker(skip)


@pytest.fixture(scope="session")
def local_tls() -> Iterator[LocalCertificate]:
    """One private self-signed certificate (its own CA) for the local HTTPS servers."""
    directory = Path(tempfile.mkdtemp(prefix="rpa-intake-tls-"))
    os.chmod(directory, 0o755)  # Dovecot's auth process reads the CA file
    yield make_certificate(directory)
    shutil.rmtree(directory, ignore_errors=True)


@pytest.fixture(scope="session")
def identity(local_tls: LocalCertificate) -> Iterator[Identity]:
    """The local Microsoft identity platform stand-in (token endpoint + introspection)."""
    server = start_identity(local_tls)
    yield server
    server.server.stop()


@pytest.fixture(scope="session")
def definitions() -> dict[str, FormDefinition]:
    return load_definitions(FORMS_DIR)


class PostgresSchemas:
    """Creates an empty schema per test and drops them all at the end of the session."""

    def __init__(self, url: str) -> None:
        self.base = url.split("?")[0]
        self.admin = create_engine(self.base.replace("postgresql://", "postgresql+psycopg://", 1))
        self.created: list[str] = []

    def new_url(self) -> str:
        schema = f"t_{uuid.uuid4().hex[:12]}"
        with self.admin.begin() as conn:
            conn.execute(text(f"CREATE SCHEMA {schema}"))
        self.created.append(schema)
        return f"{self.base}?options=-csearch_path%3D{schema}"

    def drop_all(self) -> None:
        """One transaction per schema: dropping hundreds at once exhausts the lock table."""
        for schema in self.created:
            with self.admin.begin() as conn:
                conn.execute(text(f"DROP SCHEMA IF EXISTS {schema} CASCADE"))
        self.admin.dispose()


@pytest.fixture(scope="session")
def postgres_schemas() -> Iterator[PostgresSchemas]:
    schemas = PostgresSchemas(POSTGRES_URL)
    yield schemas
    schemas.drop_all()


@pytest.fixture(params=DATABASES)
def db_url(request: pytest.FixtureRequest, tmp_path: Path) -> str:
    """A migrated, empty database URL: SQLite in tmp_path, or a PostgreSQL schema."""
    if request.param == "sqlite":
        url = f"sqlite:///{tmp_path / 'registry.db'}"
    else:
        url = request.getfixturevalue("postgres_schemas").new_url()
    engine = make_engine(url)
    upgrade(engine)
    engine.dispose()
    return url


@pytest.fixture
def engine(db_url: str) -> Iterator[Engine]:
    engine = make_engine(db_url)
    yield engine
    engine.dispose()


@pytest.fixture
def session_factory(engine: Engine) -> sessionmaker[Session]:
    return make_session_factory(engine)

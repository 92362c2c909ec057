"""A database for one benchmark run: a fresh SQLite file, or a private schema of a
PostgreSQL server (dropped afterwards)."""

from __future__ import annotations

import contextlib
import tempfile
import uuid
from collections.abc import Iterator
from pathlib import Path

from sqlalchemy import text

from registry.db import make_engine


@contextlib.contextmanager
def scratch_database(postgres_url: str = "", *, prefix: str = "rpa-bench") -> Iterator[str]:
    """The URL of an empty database: SQLite when ``postgres_url`` is empty, else a new
    schema there (its search_path in the URL)."""
    if not postgres_url:
        with tempfile.TemporaryDirectory(prefix=f"{prefix}-") as directory:
            yield f"sqlite:///{Path(directory) / 'registry.db'}"
        return
    base = postgres_url.split("?")[0]
    schema = f"bench_{uuid.uuid4().hex[:10]}"
    admin = make_engine(base)
    with admin.begin() as connection:
        connection.execute(text(f"CREATE SCHEMA {schema}"))
    try:
        yield f"{base}?options=-csearch_path%3D{schema}"
    finally:
        with admin.begin() as connection:
            connection.execute(text(f"DROP SCHEMA IF EXISTS {schema} CASCADE"))
        admin.dispose()

"""The migrations build the schema the models describe, on SQLite and PostgreSQL."""

from sqlalchemy import Engine, inspect

from registry.models import Base


def test_migrations_create_every_table(engine: Engine) -> None:
    tables = set(inspect(engine).get_table_names())
    assert set(Base.metadata.tables) <= tables


def test_upgrade_twice_is_harmless(db_url: str) -> None:
    from registry.db import make_engine
    from registry.migrate import upgrade

    engine = make_engine(db_url)
    upgrade(engine)
    engine.dispose()


def test_migrations_match_the_models(engine: Engine) -> None:
    """Every model change has its migration (several branches add revisions)."""
    from alembic.autogenerate import compare_metadata
    from alembic.migration import MigrationContext

    with engine.connect() as connection:
        differences = compare_metadata(MigrationContext.configure(connection), Base.metadata)
    assert differences == []

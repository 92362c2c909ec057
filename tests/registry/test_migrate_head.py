"""The schema head recognized without Alembic: the same head as Alembic's, and a database
already at it opened without loading Alembic at all."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from alembic.config import Config
from alembic.script import ScriptDirectory

from registry.db import make_engine
from registry.migrate import MIGRATIONS_DIR, current_revisions, script_head, upgrade

ROOT = Path(__file__).resolve().parents[2]


def test_the_head_is_alembics() -> None:
    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS_DIR))
    assert ScriptDirectory.from_config(config).get_heads() == [script_head()]


def test_a_database_at_the_head_is_opened_without_alembic(tmp_path: Path) -> None:
    url = f"sqlite:///{tmp_path / 'registry.db'}"
    engine = make_engine(url)
    assert current_revisions(engine) == set()
    upgrade(engine)
    assert current_revisions(engine) == {script_head()}
    engine.dispose()
    probe = ("import sys; from registry.db import make_engine; from registry.migrate import "
             f"upgrade; upgrade(make_engine({url!r})); print('alembic' in sys.modules)")
    result = subprocess.run([sys.executable, "-c", probe], cwd=ROOT, capture_output=True,
                            text=True, check=True)
    assert result.stdout.strip() == "False"

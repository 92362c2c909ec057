"""Bad input at the command line: one clear line and exit 2, never a traceback."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]


def rpa(*args: str, env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, str(ROOT / "run_service.py"), *args],
                          capture_output=True, text=True, timeout=120, env=env, cwd=ROOT)


def test_missing_config_file(tmp_path: Path) -> None:
    result = rpa("--config", str(tmp_path / "nope.toml"), "submissions", "list")
    assert result.returncode == 2
    assert result.stderr.strip().splitlines() == [
        f"rpa-intake: configuration error: config file {tmp_path / 'nope.toml'} does not exist"]


def test_bad_value_names_the_key(tmp_path: Path) -> None:
    config = tmp_path / "c.toml"
    config.write_text("[imap]\nport = 'abc'\n")
    result = rpa("--config", str(config), "submissions", "list")
    assert result.returncode == 2
    assert "imap.port: expected int" in result.stderr
    assert "Traceback" not in result.stderr


def test_unwritable_database_path(tmp_path: Path) -> None:
    config = tmp_path / "c.toml"
    config.write_text(f'[database]\nurl = "sqlite:///{tmp_path}/missing/dir/x.db"\n')
    result = rpa("--config", str(config), "submissions", "list")
    assert result.returncode == 2
    assert "does not exist" in result.stderr
    assert "Traceback" not in result.stderr


@pytest.mark.skipif(sys.platform == "win32", reason="POSIX permissions")
def test_unwritable_output_directory(tmp_path: Path) -> None:
    config = tmp_path / "c.toml"
    config.write_text(f'[database]\nurl = "sqlite:///{tmp_path}/x.db"\n')
    target = Path("/proc/forbidden-out")
    result = rpa("--config", str(config), "forms", "blank", "--out", str(target))
    assert result.returncode == 2
    assert "cannot create directory" in result.stderr


def test_unknown_reference(tmp_path: Path) -> None:
    config = tmp_path / "c.toml"
    config.write_text(f'[database]\nurl = "sqlite:///{tmp_path}/x.db"\n')
    assert rpa("--config", str(config), "db", "upgrade").returncode == 0
    result = rpa("--config", str(config), "submissions", "show", "FC-2026-000001-0")
    assert result.returncode == 2
    assert "no submission with reference" in result.stderr


def test_db_upgrade_then_empty_export(tmp_path: Path) -> None:
    config = tmp_path / "c.toml"
    config.write_text(f'[database]\nurl = "sqlite:///{tmp_path}/x.db"\n')
    assert rpa("--config", str(config), "db", "upgrade").returncode == 0
    result = rpa("--config", str(config), "submissions", "export", "--format", "json")
    assert result.returncode == 0
    assert result.stdout.strip() == "[]"


def test_a_reading_command_never_creates_a_registry(tmp_path: Path) -> None:
    """Without --config, `submissions list` used to create ./rpa-intake.db silently."""
    env = {key: value for key, value in os.environ.items()
           if not key.startswith("RPA_INTAKE_")}
    result = subprocess.run([sys.executable, str(ROOT / "run_service.py"), "submissions",
                             "list"], capture_output=True, text=True, timeout=120, env=env,
                            cwd=tmp_path)
    assert result.returncode == 2 and "does not exist" in result.stderr
    assert list(tmp_path.iterdir()) == []


def test_an_unsupported_database_driver_is_one_line(tmp_path: Path) -> None:
    config = tmp_path / "c.toml"
    config.write_text('[database]\nurl = "mysql://root@127.0.0.1/test"\n')
    result = rpa("--config", str(config), "db", "upgrade")
    assert result.returncode == 2 and "Traceback" not in result.stderr
    assert "'mysql' is not supported" in result.stderr


def test_run_and_poll_refuse_to_start_without_a_signing_key(tmp_path: Path) -> None:
    config = tmp_path / "c.toml"
    config.write_text(f'[database]\nurl = "sqlite:///{tmp_path}/x.db"\n'
                      f'[mailbox]\nsource = "maildir"\npath = "{tmp_path}"\n')
    for command in (["poll", "--once"], ["run"]):
        result = rpa("--config", str(config), *command)
        assert result.returncode == 2, command
        assert "acknowledgment.signing_key: required" in result.stderr

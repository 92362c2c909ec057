"""Whole rpa-intake processes for the tests and benchmarks that need them: a config file
pointing at the private Dovecot, an aiosmtpd server and a database, and `run` / `poll --once`
started as child processes (stopped by their PID)."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
from pathlib import Path

from servers.dovecot import PASSWORD, Dovecot

ROOT = Path(__file__).resolve().parents[2]


def write_config(path: Path, *, db_url: str, dovecot: Dovecot, user: str, smtp_port: int,
                 poll_interval: int = 2, outbox_interval: int = 2, batch_size: int = 10,
                 idle: bool = True, reading_lease: int = 10) -> Path:
    path.write_text(
        f'[database]\nurl = "{db_url}"\n'
        f'[mailbox]\nsource = "imap"\nbatch_size = {batch_size}\n'
        f'reading_lease_seconds = {reading_lease}\n'
        f'[imap]\nhost = "127.0.0.1"\nport = {dovecot.port}\nsecurity = "plain"\n'
        f'allow_plain = true\nusername = "{user}"\npassword = "{PASSWORD}"\n'
        f'idle = {"true" if idle else "false"}\n'
        f'[smtp]\nhost = "127.0.0.1"\nport = {smtp_port}\nsecurity = "plain"\n'
        f'allow_plain = true\n'
        f'[acknowledgment]\nsigning_key = "instances-test-key-16"\n'
        f'[service]\npoll_interval_seconds = {poll_interval}\n'
        f'outbox_interval_seconds = {outbox_interval}\n')
    return path


def command(config: Path, *args: str) -> list[str]:
    return [sys.executable, str(ROOT / "run_service.py"), "--config", str(config), *args]


def start(config: Path, *args: str, log: Path | None = None) -> subprocess.Popen[bytes]:
    """Start ``rpa-intake ARGS`` in the background (stderr to ``log`` when given)."""
    stderr = open(log, "ab") if log else subprocess.DEVNULL  # noqa: SIM115 - the child's
    env = {**os.environ, "PYTHONUNBUFFERED": "1"}
    return subprocess.Popen(command(config, *args), cwd=ROOT, stdout=subprocess.DEVNULL,
                            stderr=stderr, env=env)


def stop(process: subprocess.Popen[bytes], *, kill: bool = False) -> int:
    """SIGTERM (or SIGKILL) one process we started, by its PID, and wait for it."""
    if process.poll() is None:
        process.send_signal(signal.SIGKILL if kill else signal.SIGTERM)
    try:
        return process.wait(timeout=20)
    except subprocess.TimeoutExpired:
        process.kill()
        return process.wait(timeout=10)

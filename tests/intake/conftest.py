"""Fixtures for the intake tests: a private Dovecot for the session, a fresh IMAP user per
test, and settings pointing at it."""

from __future__ import annotations

import os
import shutil
import tempfile
from collections.abc import Iterator
from pathlib import Path

import pytest
from servers.dovecot import PASSWORD, Dovecot, dovecot_available, start_dovecot
from servers.https import LocalCertificate
from servers.identity import Identity

from config.settings import Settings
from intake.context import IntakeContext, build_context


@pytest.fixture(scope="session")
def dovecot(tmp_path_factory: pytest.TempPathFactory, identity: Identity,
            local_tls: LocalCertificate) -> Iterator[Dovecot]:
    if not dovecot_available():
        if os.environ.get("RPA_INTAKE_ALLOW_SKIP_DOVECOT"):
            pytest.skip("dovecot is not installed")
        pytest.fail("dovecot is not installed: run scripts/test.sh (as root it installs "
                    "dovecot-imapd), or set RPA_INTAKE_ALLOW_SKIP_DOVECOT=1")
    # Not under pytest's temp dir: its 0700 parent keeps Dovecot's unprivileged users out.
    root = Path(tempfile.mkdtemp(prefix="rpa-intake-dovecot-"))
    server = start_dovecot(root, introspection_url=identity.introspection_url,
                           introspection_ca=str(local_tls.ca))
    yield server
    server.stop()
    shutil.rmtree(root, ignore_errors=True)


@pytest.fixture
def imap_user(dovecot: Dovecot) -> str:
    return dovecot.add_user()


@pytest.fixture
def imap_settings(dovecot: Dovecot, imap_user: str, db_url: str, tmp_path: Path) -> Settings:
    return Settings().replace(
        database={"url": db_url},
        mailbox={"source": "imap", "batch_size": 3, "max_message_bytes": 200_000},
        imap={"host": "127.0.0.1", "port": dovecot.port, "security": "plain",
              "allow_plain": True, "username": imap_user, "password": PASSWORD,
              "timeout_seconds": 10, "idle_seconds": 30},
        smtp={"outbox_dir": str(tmp_path / "outbox")},
        acknowledgment={"signing_key": "test-key"},
        service={"poll_interval_seconds": 1},
    )


@pytest.fixture
def ctx(imap_settings: Settings) -> IntakeContext:
    return build_context(imap_settings, isolate=False)



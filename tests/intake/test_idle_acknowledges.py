"""With IDLE on, a message appended while `rpa-intake run` is up is filed and its
acknowledgment accepted by a real SMTP server (aiosmtpd) without waiting for a forced
re-poll. The latency itself is measured by bench/bench_idle.py, not asserted here."""

from __future__ import annotations

import time
from collections.abc import Iterator
from pathlib import Path

import pytest
from intake_helpers import deliver, folder_count
from mail_samples import plain
from servers.dovecot import Dovecot
from servers.instances import start, stop, write_config
from servers.smtp import SmtpServer, start_smtp
from sqlalchemy import select

from registry.db import make_engine, make_session_factory
from registry.models import MailboxState

pytestmark = pytest.mark.imap


@pytest.fixture
def smtp() -> Iterator[SmtpServer]:
    server = start_smtp()
    yield server
    server.stop()


def wait_until(condition, seconds: float) -> bool:  # type: ignore[no-untyped-def]
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if condition():
            return True
        time.sleep(0.2)
    return bool(condition())


def polled_once(db_url: str) -> bool:
    engine = make_engine(db_url)
    with make_session_factory(engine)() as session:
        done = session.scalar(select(MailboxState.last_success_at)) is not None
    engine.dispose()
    return done


@pytest.mark.parametrize("db_url", ["sqlite"], indirect=True)
def test_a_message_appended_while_run_is_up_is_acknowledged(
        dovecot: Dovecot, imap_user: str, db_url: str, smtp: SmtpServer,
        tmp_path: Path) -> None:
    # Forced re-poll and outbox interval far away: only IDLE and the wake-up can do it.
    config = write_config(tmp_path / "rpa.toml", db_url=db_url, dovecot=dovecot,
                          user=imap_user, smtp_port=smtp.port, outbox_interval=600)
    service = start(config, "run", log=tmp_path / "run.log")
    try:
        assert wait_until(lambda: polled_once(db_url), 30), (tmp_path / "run.log").read_text()
        time.sleep(1.0)  # in IDLE now
        deliver(dovecot, imap_user, plain(1))
        assert wait_until(lambda: len(smtp.handler.messages) == 1, 30), \
            (tmp_path / "run.log").read_text()
    finally:
        assert stop(service) == 0
    assert smtp.handler.messages[0].rcpt_tos == ["provider1@clinic1.example"]
    assert folder_count(dovecot, imap_user, "Processed") == 1

"""More than one instance against one mailbox and one PostgreSQL database: three
`poll --once` and two `run` processes, the mailbox's poller SIGKILLed mid-backlog. Every
message is filed once, acknowledged once (counted at the SMTP server), no outbox row is sent
twice, and the killed poller's lock is taken over. A `run` instance standing by files part
of the poller's backlog. On SQLite, a second instance is warned."""

from __future__ import annotations

import fcntl
import logging
import subprocess
import time
from collections import Counter
from collections.abc import Iterator
from pathlib import Path

import pytest
from intake_helpers import deliver, folder_count
from mail_samples import plain, with_form
from servers.dovecot import Dovecot
from servers.instances import start, stop, write_config
from servers.smtp import SmtpServer, start_smtp
from sqlalchemy import func, select, text

from registry.db import make_engine, make_session_factory
from registry.locks import lock_holders, warn_if_second_instance
from registry.models import SENT, DeliveryAttempt, OutboxMessage, RawMessage, Submission

pytestmark = pytest.mark.imap
BACKLOG = 30
POSTGRES_ONLY = [pytest.param("postgres", marks=pytest.mark.postgres)]


@pytest.fixture
def smtp() -> Iterator[SmtpServer]:
    server = start_smtp()
    yield server
    server.stop()


def message(number: int) -> tuple[bytes, str]:
    if number % 3 == 0:
        return with_form(number), f"alice{number}@acmehealth.example"
    return plain(number), f"provider{number}@clinic{number}.example"


def wait_for(condition, seconds: float, what: str) -> None:  # type: ignore[no-untyped-def]
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if condition():
            return
        time.sleep(0.2)
    raise AssertionError(f"timed out waiting for {what}")


class Registry:
    def __init__(self, url: str) -> None:
        self.engine = make_engine(url)
        self.factory = make_session_factory(self.engine)

    def count(self, model: type, *where: object) -> int:
        with self.factory() as session:
            return session.scalar(select(func.count()).select_from(model).where(*where)) or 0

    def poller_pid(self, key: str) -> int | None:
        """The OS pid of the process holding the mailbox's poller lock (its label)."""
        with self.engine.connect() as connection:
            backends = lock_holders(connection, key)
            if not backends:
                return None
            label = connection.execute(text(
                "SELECT application_name FROM pg_stat_activity WHERE pid = :pid"),
                {"pid": backends[0]}).scalar() or ""
        return int(label.rsplit(" ", 1)[1]) if label.startswith("rpa-intake poller") else None


@pytest.mark.slow
@pytest.mark.parametrize("db_url", POSTGRES_ONLY, indirect=True)
def test_five_instances_one_killed_mid_backlog(dovecot: Dovecot, imap_user: str, db_url: str,
                                               smtp: SmtpServer, tmp_path: Path) -> None:
    messages = [message(number) for number in range(1, BACKLOG + 1)]
    deliver(dovecot, imap_user, *(raw for raw, _ in messages))
    config = write_config(tmp_path / "rpa.toml", db_url=db_url, dovecot=dovecot,
                          user=imap_user, smtp_port=smtp.port, poll_interval=1,
                          outbox_interval=1, batch_size=3)
    key = f"imap://{imap_user}@127.0.0.1:{dovecot.port}/INBOX"
    registry = Registry(db_url)
    log = tmp_path / "instances.log"
    first = start(config, "poll", "--once", log=log)
    wait_for(lambda: registry.poller_pid(key) == first.pid, 30, "the first poller's lock")
    others = [start(config, "poll", "--once", log=log) for _ in range(2)]
    services = [start(config, "run", log=log) for _ in range(2)]
    try:
        wait_for(lambda: registry.count(Submission) >= 6, 60, "a few messages filed")
        assert registry.count(Submission) < BACKLOG and registry.poller_pid(key) == first.pid
        stop(first, kill=True)  # mid-backlog, by its PID
        survivors = {process.pid for process in [*others, *services]}
        wait_for(lambda: registry.poller_pid(key) in survivors, 15,
                 "another instance to take the killed poller's lock over")
        wait_for(lambda: registry.count(Submission) == BACKLOG, 120, "the whole backlog")
        wait_for(lambda: registry.poller_pid(key) in {s.pid for s in services}, 15,
                 "a standing-by run instance to become the poller")
        wait_for(lambda: registry.count(OutboxMessage, OutboxMessage.status == SENT)
                 == BACKLOG, 60, "every acknowledgment sent")
        time.sleep(2)  # anything sent twice would arrive now
        for process in others:
            assert process.wait(timeout=60) == 0, log.read_text()
    finally:
        codes = [stop(process) for process in services]
        stop(first, kill=True)
    assert codes == [0, 0], log.read_text()
    assert registry.count(RawMessage) == BACKLOG
    assert folder_count(dovecot, imap_user, "INBOX") == 0
    assert folder_count(dovecot, imap_user, "Processed") == BACKLOG
    received = Counter(rcpt for envelope in smtp.handler.messages for rcpt in envelope.rcpt_tos)
    assert received == Counter(address for _, address in messages)  # one each, none twice
    assert registry.count(DeliveryAttempt, DeliveryAttempt.result == "sent") == BACKLOG
    registry.engine.dispose()


@pytest.mark.slow
@pytest.mark.parametrize("db_url", POSTGRES_ONLY, indirect=True)
def test_a_standing_by_instance_shares_the_backlog(dovecot: Dovecot, imap_user: str,
                                                   db_url: str, smtp: SmtpServer,
                                                   tmp_path: Path) -> None:
    """Two `run` instances: one polls, the other reads and files part of the backlog the
    poller stored (reading leases); every message once, one acknowledgment each."""
    config = write_config(tmp_path / "rpa.toml", db_url=db_url, dovecot=dovecot,
                          user=imap_user, smtp_port=smtp.port, poll_interval=30,
                          outbox_interval=1, batch_size=20)
    key = f"imap://{imap_user}@127.0.0.1:{dovecot.port}/INBOX"
    registry = Registry(db_url)
    logs = [tmp_path / "poller.log", tmp_path / "helper.log"]
    poller = start(config, "run", log=logs[0])
    wait_for(lambda: registry.poller_pid(key) == poller.pid, 30, "the poller's lock")
    helper = start(config, "run", log=logs[1])
    time.sleep(3)  # the helper is standing by
    messages = [(with_form(number), f"alice{number}@acmehealth.example")
                for number in range(1, BACKLOG + 1)]
    try:
        deliver(dovecot, imap_user, *(raw for raw, _ in messages))
        wait_for(lambda: folder_count(dovecot, imap_user, "Processed") == BACKLOG, 120,
                 "the whole backlog filed and moved")
        wait_for(lambda: registry.count(OutboxMessage, OutboxMessage.status == SENT)
                 == BACKLOG, 60, "every acknowledgment sent")
        time.sleep(2)  # anything sent twice would arrive now
    finally:
        codes = [stop(helper), stop(poller)]
    assert codes == [0, 0], logs[0].read_text() + logs[1].read_text()
    filed_by = [log.read_text().count("filed message ") for log in logs]
    assert sum(filed_by) == BACKLOG and min(filed_by) > 0, filed_by
    assert registry.count(Submission) == BACKLOG and registry.count(RawMessage) == BACKLOG
    received = Counter(rcpt for envelope in smtp.handler.messages for rcpt in envelope.rcpt_tos)
    assert received == Counter(address for _, address in messages)
    registry.engine.dispose()


def test_a_second_instance_on_sqlite_is_warned(tmp_path: Path,
                                               caplog: pytest.LogCaptureFixture) -> None:
    database = tmp_path / "registry.db"
    engine = make_engine(f"sqlite:///{database}")
    with open(f"{database}.instance-lock", "a+") as other:  # another process's lock
        fcntl.flock(other, fcntl.LOCK_EX | fcntl.LOCK_NB)
        with caplog.at_level(logging.WARNING):
            assert warn_if_second_instance(engine) is False
    assert "SQLite supports one instance at a time" in caplog.text
    assert warn_if_second_instance(engine) is True  # the other one is gone
    engine.dispose()


def test_a_cli_poll_against_a_running_sqlite_instance_warns(tmp_path: Path) -> None:
    database = tmp_path / "registry.db"
    with open(f"{database}.instance-lock", "a+") as other:
        fcntl.flock(other, fcntl.LOCK_EX | fcntl.LOCK_NB)
        inbox = tmp_path / "mailbox"
        inbox.mkdir()
        config = tmp_path / "rpa.toml"
        config.write_text(f'[database]\nurl = "sqlite:///{database}"\n'
                          f'[mailbox]\nsource = "maildir"\npath = "{inbox}"\n'
                          f'[smtp]\noutbox_dir = "{tmp_path / "out"}"\n'
                          '[acknowledgment]\nsigning_key = "sixteen-char-key"\n')
        from servers.instances import command

        result = subprocess.run(command(config, "poll", "--once"), capture_output=True,
                                text=True, timeout=120)
    assert result.returncode == 0, result.stderr
    assert "SQLite supports one instance at a time" in result.stderr

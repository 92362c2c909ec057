"""Delivery, continued: faults at RCPT, AUTH (and the password kept out of errors and logs),
two flushers never sending one row twice, backoff capped at an hour, a broken transport,
the file transport."""

from __future__ import annotations

import logging
from collections.abc import Sequence
from datetime import datetime, timedelta
from pathlib import Path

import pytest
from servers.smtp import SmtpServer
from sqlalchemy.orm import Session, sessionmaker
from test_delivery import NOW, attempts, queue_one, row, settings_for

from config.settings import Settings
from notifier.sender import flush_outbox
from notifier.smtp import (
    FileTransport,
    PermanentDeliveryError,
    SmtpTransport,
    TemporaryDeliveryError,
)

pytestmark = [pytest.mark.smtp,
              pytest.mark.filterwarnings("ignore:Requiring AUTH:UserWarning")]
RAW = b"From: fc@example.org\r\nTo: a@b.example\r\nSubject: x\r\n\r\nbody\r\n"


@pytest.mark.parametrize(("fault", "outcome"), [("421", "retried"), ("451", "retried"),
                                                ("550", "failed")])
def test_a_refused_recipient(fault: str, outcome: str, smtp: SmtpServer,
                             session_factory: sessionmaker[Session]) -> None:
    row_id = queue_one(session_factory)
    settings = settings_for(smtp)
    smtp.handler.fail_next(fault, at="rcpt")
    report = flush_outbox(session_factory, SmtpTransport(settings.smtp), now=NOW,
                          settings=settings)
    assert getattr(report, outcome) == 1 and not smtp.handler.messages
    assert fault in (row(session_factory, row_id).last_error or "")
    if outcome == "retried":
        flush_outbox(session_factory, SmtpTransport(settings.smtp),
                     now=NOW + timedelta(minutes=1), settings=settings)
        assert row(session_factory, row_id).status == "sent"


def test_auth_with_the_right_password(smtp_auth: SmtpServer) -> None:
    settings = settings_for(smtp_auth, username="fc-user", password="s3cret-Pa55")
    SmtpTransport(settings.smtp).send(RAW, sender="fc@example.org", recipients=["a@b.example"])
    assert len(smtp_auth.handler.messages) == 1


def test_a_wrong_password_is_permanent_and_never_logged(
        smtp_auth: SmtpServer, caplog: pytest.LogCaptureFixture) -> None:
    settings = settings_for(smtp_auth, username="fc-user", password="wrong-Secret-77")
    caplog.set_level(logging.DEBUG)
    with pytest.raises(PermanentDeliveryError) as raised:
        SmtpTransport(settings.smtp).send(RAW, sender="fc@example.org",
                                          recipients=["a@b.example"])
    assert "535" in str(raised.value)
    assert "wrong-Secret-77" not in str(raised.value) + caplog.text + repr(settings.smtp)
    assert not smtp_auth.handler.messages


class ReentrantTransport:
    """While sending, a second flusher runs at the same moment: it must find nothing."""

    def __init__(self, factory: sessionmaker[Session], settings: Settings) -> None:
        self.factory, self.settings = factory, settings
        self.sent: list[bytes] = []
        self.inner_reports: list[int] = []

    def send(self, raw: bytes, *, sender: str, recipients: Sequence[str]) -> None:
        if not self.inner_reports:
            inner = flush_outbox(self.factory, self, now=NOW, settings=self.settings)
            self.inner_reports.append(inner.sent + inner.retried + inner.failed)
        self.sent.append(raw)

    def close(self) -> None:
        pass


def test_two_flushers_never_send_the_same_row(session_factory: sessionmaker[Session]) -> None:
    queue_one(session_factory)
    settings = Settings()
    transport = ReentrantTransport(session_factory, settings)
    assert flush_outbox(session_factory, transport, now=NOW, settings=settings).sent == 1
    assert transport.inner_reports == [0] and len(transport.sent) == 1


class DownTransport:
    def __init__(self, error: Exception) -> None:
        self.error = error

    def send(self, raw: bytes, *, sender: str, recipients: Sequence[str]) -> None:
        raise self.error

    def close(self) -> None:
        pass


def test_backoff_doubles_and_is_capped_at_an_hour(
        session_factory: sessionmaker[Session]) -> None:
    row_id = queue_one(session_factory)
    settings = Settings()
    transport = DownTransport(TemporaryDeliveryError("451 later"))
    now, gaps = NOW, []
    for _ in range(9):
        flush_outbox(session_factory, transport, now=now, settings=settings)
        due = row(session_factory, row_id).next_attempt_at
        assert due is not None
        gaps.append(int((due - now).total_seconds() // 60))
        now = due
    assert gaps == [1, 2, 4, 8, 16, 32, 60, 60, 60]
    assert attempts(session_factory) == ["temporary"] * 9


def test_an_unexpected_transport_error_is_retried_not_stranded(
        session_factory: sessionmaker[Session]) -> None:
    row_id = queue_one(session_factory)
    report = flush_outbox(session_factory, DownTransport(RuntimeError("disk full")), now=NOW,
                          settings=Settings())
    found = row(session_factory, row_id)
    assert report.retried == 1 and found.status == "queued" and found.claimed_until is None
    assert "RuntimeError" in (found.last_error or "")


def test_file_transport_writes_numbered_files(tmp_path: Path) -> None:
    transport = FileTransport(tmp_path / "out")
    for _ in range(2):
        transport.send(RAW, sender="fc@example.org", recipients=["a/../b@clinic.example"])
    names = sorted(path.name for path in (tmp_path / "out").iterdir())
    assert names == ["001-a_.._b@clinic.example.eml", "002-a_.._b@clinic.example.eml"]
    assert (tmp_path / "out" / names[0]).read_bytes() == RAW


def test_sent_rows_keep_their_time(session_factory: sessionmaker[Session],
                                   smtp: SmtpServer) -> None:
    row_id = queue_one(session_factory)
    settings = settings_for(smtp)
    later = datetime(2026, 11, 23, 12, 5)
    flush_outbox(session_factory, SmtpTransport(settings.smtp), now=later, settings=settings)
    assert row(session_factory, row_id).sent_at == later

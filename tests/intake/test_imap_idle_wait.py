"""ImapSource.wait_for_mail against the real Dovecot: mail that arrived while we were busy
(announced in replies nobody reads) is news at once; mail appended during IDLE ends the wait
within seconds; one IDLE command lasts the whole wait, and a stop ends it promptly."""

from __future__ import annotations

import threading
import time

import pytest
from intake_helpers import deliver
from mail_samples import plain
from servers.dovecot import Dovecot

from config.settings import Settings
from intake.imap_source import ImapSource

pytestmark = pytest.mark.imap


def source_for(settings: Settings) -> ImapSource:
    return ImapSource(settings.imap, settings.mailbox)


@pytest.mark.parametrize("db_url", ["sqlite"], indirect=True)
def test_mail_that_came_during_the_poll_is_news(dovecot: Dovecot, imap_user: str,
                                               imap_settings: Settings) -> None:
    source = source_for(imap_settings)
    try:
        assert source.list_refs() == []
        deliver(dovecot, imap_user, plain(1))  # while "busy": no IDLE to hear it
        source.client.noop()  # the poll's next command: its reply carried the EXISTS
        started = time.monotonic()
        assert source.wait_for_mail(30, lambda: False)
        assert time.monotonic() - started < 2
    finally:
        source.close()


@pytest.mark.parametrize("db_url", ["sqlite"], indirect=True)
def test_mail_appended_during_idle_ends_the_wait(dovecot: Dovecot, imap_user: str,
                                                imap_settings: Settings) -> None:
    source = source_for(imap_settings)
    timer = threading.Timer(2.5, deliver, args=(dovecot, imap_user, plain(2)))
    try:
        source.list_refs()
        started = time.monotonic()
        timer.start()
        assert source.wait_for_mail(30, lambda: False)
        assert 2.0 < time.monotonic() - started < 8
        assert len(source.list_refs()) == 1  # the connection is usable after IDLE
    finally:
        timer.cancel()
        source.close()


@pytest.mark.parametrize("db_url", ["sqlite"], indirect=True)
def test_a_stop_ends_idle_promptly(imap_settings: Settings) -> None:
    source = source_for(imap_settings)
    stop = threading.Event()
    threading.Timer(1.5, stop.set).start()
    try:
        source.list_refs()
        started = time.monotonic()
        assert source.wait_for_mail(60, stop.is_set) is False
        assert time.monotonic() - started < 4
    finally:
        source.close()

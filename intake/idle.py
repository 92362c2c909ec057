"""The intake loop for the service: IMAP IDLE when the server offers it (new mail filed within
seconds), polling otherwise; reconnect with exponential backoff when the connection drops;
returns promptly when the stop event is set."""

from __future__ import annotations

import logging
import threading
import time
from collections.abc import Callable
from datetime import datetime

from sqlalchemy.orm import Session, sessionmaker

from config.settings import Settings
from intake.context import IntakeContext
from intake.mailbox import MailboxError, open_source
from intake.poll import poll_once

log = logging.getLogger(__name__)
IDLE_SLICE = 1.0  # seconds per IDLE check, so that a stop is noticed quickly
MAX_BACKOFF = 300.0


def intake_loop(factory: sessionmaker[Session], settings: Settings, ctx: IntakeContext,
                stop: threading.Event, *, now_fn: Callable[[], datetime],
                after_poll: Callable[[], None] | None = None) -> None:
    """Run until ``stop`` is set."""
    backoff = 1.0
    while not stop.is_set():
        try:
            _session(factory, settings, ctx, stop, now_fn, after_poll)
            backoff = 1.0
        except MailboxError as err:
            log.warning("mailbox unavailable, retrying in %.0f s: %s", backoff, err)
            stop.wait(backoff)
            backoff = min(backoff * 2, MAX_BACKOFF)
        except Exception as err:
            # The type only: a database error's text can carry a message's bytes.
            log.error("intake failed (%s), retrying in %.0f s", type(err).__name__, backoff)
            stop.wait(backoff)
            backoff = min(backoff * 2, MAX_BACKOFF)


def _session(factory: sessionmaker[Session], settings: Settings, ctx: IntakeContext,
             stop: threading.Event, now_fn: Callable[[], datetime],
             after_poll: Callable[[], None] | None) -> None:
    """One connection: poll, then IDLE (or sleep) and poll again on news, until stop or a
    forced re-poll interval passes."""
    interval = settings.service.poll_interval_seconds
    with open_source(settings) as source:
        use_idle = settings.imap.idle and bool(getattr(source, "supports_idle", lambda: False)())
        while not stop.is_set():
            poll_once(factory, source, ctx, now_fn=now_fn, should_stop=stop.is_set)
            if after_poll:
                after_poll()
            deadline = time.monotonic() + (settings.imap.idle_seconds if use_idle else interval)
            while not stop.is_set() and time.monotonic() < deadline:
                if use_idle:
                    if source.wait_for_mail(IDLE_SLICE):  # type: ignore[attr-defined]
                        break
                else:
                    stop.wait(min(IDLE_SLICE, max(0.0, deadline - time.monotonic())))
            if not use_idle and settings.mailbox.source == "imap":
                return  # reconnect each poll: a long-lived idle connection is not needed

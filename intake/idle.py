"""The intake loop for the service: IMAP IDLE when the server offers it (new mail filed within
seconds), polling otherwise; reconnect with exponential backoff when the connection drops;
returns promptly when the stop event is set. With PostgreSQL, only the instance holding the
mailbox's poller lock polls; the others stand by, try again every poll interval and meanwhile
read and file the messages the poller stored (``mailbox.share_reading``)."""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable
from datetime import datetime

from sqlalchemy.orm import Session, sessionmaker

from config.settings import Settings
from intake.context import IntakeContext
from intake.leases import leases_for
from intake.mailbox import MailboxError, open_source
from intake.poll import poll_once
from intake.reading_help import help_with_reading
from parsers.reader_pool import ReaderPool
from registry.locks import poller_lock

log = logging.getLogger(__name__)
MAX_BACKOFF = 300.0


def intake_loop(factory: sessionmaker[Session], settings: Settings, ctx: IntakeContext,
                stop: threading.Event, *, now_fn: Callable[[], datetime],
                after_poll: Callable[[], None] | None = None) -> None:
    """Run until ``stop`` is set, with one pool of reader workers for every poll."""
    with ReaderPool(ctx.definitions, ctx.limits, workers=settings.mailbox.reader_workers,
                    isolate=ctx.isolate) as readers:
        _loop(factory, settings, ctx, readers, stop, now_fn, after_poll)


def _loop(factory: sessionmaker[Session], settings: Settings, ctx: IntakeContext,
          readers: ReaderPool, stop: threading.Event, now_fn: Callable[[], datetime],
          after_poll: Callable[[], None] | None) -> None:
    backoff = 1.0
    while not stop.is_set():
        try:
            _session(factory, settings, ctx, readers, stop, now_fn, after_poll)
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
             readers: ReaderPool, stop: threading.Event, now_fn: Callable[[], datetime],
             after_poll: Callable[[], None] | None) -> None:
    """One connection: if this instance is the mailbox's poller, poll, then IDLE (or sleep)
    and poll again on news or when the forced re-poll interval passes, until stop."""
    interval = settings.service.poll_interval_seconds
    with open_source(settings) as source, poller_lock(factory.kw["bind"], source.key) as lock:
        if not lock.held:
            _stand_by(source.key, stop, interval)
            leases = leases_for(factory, settings, now_fn)
            if leases.shared:  # meanwhile, read and file what the poller stored
                help_with_reading(factory, ctx, readers, leases, seconds=interval, stop=stop,
                                  now_fn=now_fn)
            else:
                stop.wait(interval)
            return
        _took_over(source.key)
        use_idle = settings.imap.idle and bool(getattr(source, "supports_idle", lambda: False)())
        while not stop.is_set():
            lock.verify()
            poll_once(factory, source, ctx, now_fn=now_fn, should_stop=stop.is_set,
                      readers=readers)
            if after_poll:
                after_poll()
            if use_idle:
                # One IDLE command for the whole wait: news, stop or the forced re-poll end it.
                source.wait_for_mail(settings.imap.idle_seconds,  # type: ignore[attr-defined]
                                     stop.is_set)
                continue
            stop.wait(interval)
            if settings.mailbox.source == "imap":
                return  # reconnect each poll: a long-lived idle connection is not needed


_standing_by: set[str] = set()  # mailboxes this process last saw polled by another


def _stand_by(key: str, stop: threading.Event, interval: float) -> None:
    if key not in _standing_by:
        log.info("another instance polls %s: standing by (trying every %.0f s)", key, interval)
        _standing_by.add(key)


def _took_over(key: str) -> None:
    if key in _standing_by:
        log.info("this instance now polls %s", key)
        _standing_by.discard(key)

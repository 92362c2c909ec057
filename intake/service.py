"""The scheduled service (``rpa-intake run``): APScheduler jobs for outbox flushing, the
daily digest, housekeeping and alert checks, and the intake loop (IDLE or polling) in its
own thread. Thin jobs: open a session, call ``f(session, now=...)``, commit. SIGTERM and
SIGINT stop it within seconds, with the message in hand finished and nothing new started."""

from __future__ import annotations

import contextlib
import logging
import signal
import threading
from collections.abc import Callable
from datetime import UTC, datetime
from typing import Any
from zoneinfo import ZoneInfo

from apscheduler.jobstores.base import JobLookupError
from apscheduler.schedulers.background import BackgroundScheduler
from apscheduler.triggers.cron import CronTrigger
from apscheduler.triggers.interval import IntervalTrigger

from config.settings import Settings, parse_clock
from intake.app import App
from intake.clock import utcnow
from intake.health import check_alerts
from intake.housekeeping import run_housekeeping
from intake.idle import intake_loop
from intake.reminders import validation_job
from notifier.digest import digest_day, enqueue_digest
from notifier.expiry import enqueue_expiry_alerts
from notifier.sender import flush_outbox
from registry.db import transaction
from registry.locks import poller_lock, try_job_lock, warn_if_second_instance

log = logging.getLogger(__name__)
JOB_DEFAULTS = {"max_instances": 1, "coalesce": True, "misfire_grace_time": 3600}


def digest_trigger(settings: Settings) -> CronTrigger:
    hour, minute = parse_clock("digest.send_at", settings.digest.send_at)
    return CronTrigger(hour=hour, minute=minute, timezone=ZoneInfo(settings.digest.timezone))


def build_scheduler(app: App, *, clock: Callable[[], datetime] = utcnow) -> BackgroundScheduler:
    settings = app.settings
    scheduler = BackgroundScheduler(job_defaults=JOB_DEFAULTS, timezone="UTC")
    scheduler.add_job(lambda: flush_outbox(app.sessions, app.transport, now=clock(),
                                           settings=settings),
                      IntervalTrigger(seconds=settings.service.outbox_interval_seconds),
                      id="outbox", name="outbox flush")
    scheduler.add_job(lambda: _in_session(app, digest_job, clock), digest_trigger(settings),
                      id="digest", name="daily digest")
    hour, minute = parse_clock("service.housekeeping_at", settings.service.housekeeping_at)
    scheduler.add_job(lambda: _in_session(app, run_housekeeping, clock),
                      CronTrigger(hour=hour, minute=minute,
                                  timezone=ZoneInfo(settings.digest.timezone)),
                      id="housekeeping", name="housekeeping")
    scheduler.add_job(lambda: _in_session(app, check_alerts, clock), IntervalTrigger(minutes=1),
                      id="alerts", name="alert check")
    scheduler.add_job(lambda: _in_session(app, enqueue_expiry_alerts, clock),
                      CronTrigger(hour=hour, minute=minute,
                                  timezone=ZoneInfo(settings.digest.timezone)),
                      next_run_time=clock(), id="credential_expiry",
                      name="credential expiry check")  # daily, and once at start
    if settings.validation.enabled:  # issue 14: annual validation outreach and reminders
        hour, minute = parse_clock("validation.run_at", settings.validation.run_at)
        scheduler.add_job(lambda: _validation(app, clock),
                          CronTrigger(hour=hour, minute=minute,
                                      timezone=ZoneInfo(settings.digest.timezone)),
                          id="validation", name="annual validation outreach")
    return scheduler


def digest_job(session: Any, *, now: datetime, settings: Settings) -> None:
    """The digest for today's local date, queued once per recipient (dedupe keys)."""
    day = digest_day(now, ZoneInfo(settings.digest.timezone))
    enqueue_digest(session, day=day, settings=settings, now=now)


def _in_session(app: App, job: Callable[..., Any], clock: Callable[[], datetime]) -> None:
    """Run ``job`` in one transaction, unless another instance runs it right now (its
    advisory lock, PostgreSQL); the job's own keys make a later second run harmless."""
    with transaction(app.sessions) as session:
        if not try_job_lock(session, job.__name__):
            log.info("%s: another instance is running it; skipped", job.__name__)
            return
        job(session, now=clock(), settings=app.settings)


def _validation(app: App, clock: Callable[[], datetime]) -> None:
    """The outreach job runs several transactions: a session-level lock keeps a second
    instance out for all of it (its keys make a second run harmless anyway)."""
    with poller_lock(app.engine, "job:validation") as lock:
        if lock.held:
            validation_job(app.sessions, app.settings, now=clock())


def run_service(app: App, *, stop: threading.Event | None = None) -> int:
    """Run until SIGTERM/SIGINT (or ``stop``); return the exit code."""
    stop = stop or threading.Event()
    _install_signal_handlers(stop)
    warn_if_second_instance(app.engine)
    scheduler = build_scheduler(app)
    scheduler.start()
    worker = threading.Thread(
        target=intake_loop, name="intake",
        args=(app.sessions, app.settings, app.context, stop),
        kwargs={"now_fn": utcnow, "after_poll": lambda: _flush_soon(scheduler)}, daemon=True)
    worker.start()
    log.info("rpa-intake service started (%s mailbox)", app.settings.mailbox.source)
    while not stop.wait(1.0):
        if not worker.is_alive():
            log.error("the intake loop ended unexpectedly; stopping")
            stop.set()
    log.info("stopping: finishing the message in hand")
    worker.join(timeout=8)
    scheduler.shutdown(wait=True)
    log.info("rpa-intake service stopped")
    return 0


def _flush_soon(scheduler: BackgroundScheduler) -> None:
    """After a poll, run the outbox job now rather than at its next interval, so that an
    acknowledgment leaves within seconds of its message (still one flush at a time)."""
    with contextlib.suppress(JobLookupError):  # the scheduler is shutting down
        scheduler.modify_job("outbox", next_run_time=datetime.now(UTC))


def _install_signal_handlers(stop: threading.Event) -> None:
    def handle(signum: int, _frame: Any) -> None:
        log.info("received %s", signal.Signals(signum).name)
        stop.set()

    if threading.current_thread() is threading.main_thread():
        signal.signal(signal.SIGTERM, handle)
        signal.signal(signal.SIGINT, handle)

"""The daily validation job: requests for what falls due within the lead time, reminders at
the configured intervals before and after the due date (at most one per interval, none once
a validation is received), and registrations past their grace period marked overdue."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from sqlalchemy.orm import Session, sessionmaker

from config.settings import Settings
from intake.outreach import OutreachReport, local_today, prefilled_for, queue_notice, run_outreach
from registry.db import transaction
from registry.validation_cycles import cycles_awaiting_reply, mark_overdue
from registry.validation_schedule import due_step, reminder_steps


@dataclass(frozen=True, slots=True)
class ValidationRun:
    outreach: OutreachReport
    reminders: tuple[tuple[str, str], ...]  # (number, step)
    overdue: tuple[str, ...]


def send_reminders(session: Session, settings: Settings, *, now: datetime,
                   dry_run: bool = False) -> list[tuple[str, str]]:
    """Queue the reminder due today for every cycle still waiting; return (number, step)."""
    today = local_today(now, settings)
    steps = reminder_steps(settings.validation.reminder_days_before,
                           settings.validation.reminder_days_after)
    sent = []
    for cycle in cycles_awaiting_reply(session):
        step = due_step(cycle.due, today, steps,
                        [(notice.step, notice.sent_at) for notice in cycle.notices])
        if step is None:
            continue
        sent.append((cycle.registration.number, step))
        if not dry_run:
            form = prefilled_for(settings, cycle.registration, cycle.year)
            queue_notice(session, cycle.registration, cycle, step, form, settings, now=now)
    return sent


def validation_job(factory: sessionmaker[Session], settings: Settings, *,
                   now: datetime) -> ValidationRun:
    """What ``run`` does once a day (and ``validation run`` by hand)."""
    report = run_outreach(factory, settings, now=now, due_within=settings.validation.lead_days)
    with transaction(factory) as session:
        reminders = send_reminders(session, settings, now=now)
        overdue = mark_overdue(session, today=local_today(now, settings),
                               grace_days=settings.validation.grace_days, now=now)
        numbers = tuple(row.number for row in overdue)
    return ValidationRun(report, tuple(reminders), numbers)

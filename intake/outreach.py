"""Annual validation outreach, the driver: pick the registrations due, build their requests
with the pre-filled forms (in parallel, intake.outreach_build), queue one each in its own
thread, idempotent per registration and year (a cycle row per registration and year, and
the outbox's dedupe key)."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, datetime
from zoneinfo import ZoneInfo

from sqlalchemy import select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session, sessionmaker

from config.settings import Settings
from formgen.prefill import FormJob, PrefilledForms, make_prefilled, prefill_values
from intake.outreach_build import (
    RequestTask,
    build_batches,
    transaction_labels,
    validation_definition,
)
from notifier.digest import digest_day
from notifier.outreach import (
    ComposedMail,
    OutreachMail,
    OutreachView,
    enqueue_composed,
    enqueue_outreach,
    long_date,
    outbox_row,
)
from registry.db import transaction
from registry.models import Registration, ValidationCycle
from registry.registrations import registrations_by_numbers
from registry.validation_cycles import add_notice, cycle_for, due_registrations

BATCH = 500  # requests written per transaction


@dataclass(frozen=True, slots=True)
class OutreachItem:
    number: str
    organization: str
    recipient: str
    due: date
    step: str


@dataclass(frozen=True, slots=True)
class OutreachReport:
    year: int
    items: tuple[OutreachItem, ...]  # who gets (or, in a dry run, would get) what
    queued: int
    skipped: tuple[tuple[str, str], ...]  # (number, why)


def local_today(now: datetime, settings: Settings) -> date:
    return digest_day(now, ZoneInfo(settings.digest.timezone))


def run_outreach(factory: sessionmaker[Session], settings: Settings, *, now: datetime,
                 year: int | None = None, due_within: int | None = None,
                 numbers: Sequence[str] = (), dry_run: bool = False,
                 workers: int | None = None) -> OutreachReport:
    today = local_today(now, settings)
    year = year or today.year
    with factory() as session:
        due = due_registrations(session, year=year, today=today, due_within=due_within,
                                numbers=numbers)
        skipped = tuple((row.number, "no contact address on file") for row in due
                        if not recipient_of(row))
        due = [row for row in due if recipient_of(row)]
        items = tuple(_item(row) for row in due)
        tasks = [] if dry_run else [_task(settings, row, year) for row in due]
    if dry_run or not tasks:
        return OutreachReport(year, items, 0, skipped)
    batches = build_batches(tasks, settings, now=now, size=BATCH,
                            workers=settings.validation.workers if workers is None else workers)
    queued = sum(_write_batch(factory, items[start:start + BATCH], built, year=year, now=now)
                 for start, built in zip(range(0, len(items), BATCH), batches, strict=True))
    return OutreachReport(year, items, queued, skipped)


def _write_batch(factory: sessionmaker[Session], items: Sequence[OutreachItem],
                 built: dict[str, ComposedMail], *, year: int, now: datetime) -> int:
    """One transaction of bulk inserts; when another run got there first (a unique key),
    the batch again row by row, skipping what is already asked."""
    try:
        with transaction(factory) as session:
            return _queue(session, items, built, year=year, now=now, bulk=True)
    except IntegrityError:
        with transaction(factory) as session:
            return _queue(session, items, built, year=year, now=now, bulk=False)


def _queue(session: Session, items: Sequence[OutreachItem], built: dict[str, ComposedMail], *,
           year: int, now: datetime, bulk: bool) -> int:
    rows = registrations_by_numbers(session, [item.number for item in items])
    cycles = {cycle.registration_id: cycle for cycle in session.scalars(
        select(ValidationCycle).where(ValidationCycle.year == year,
                                      ValidationCycle.registration_id.in_(
                                          [row.id for row in rows.values()])))}
    pending = []
    for item in items:
        registration = rows[item.number]
        cycle = cycles.get(registration.id) if bulk else cycle_for(session, registration, year)
        if cycle is not None and cycle.requested_at is not None:
            continue  # asked already
        if cycle is None:
            cycle = ValidationCycle(registration_id=registration.id, year=year, due=item.due)
            session.add(cycle)
        key = f"validation:{registration.id}:{year}:request"
        if bulk:
            outbox = outbox_row(built[item.number], now=now, dedupe_key=key)
            session.add(outbox)
        else:
            outbox = enqueue_composed(session, built[item.number], now=now, dedupe_key=key)
        pending.append((cycle, outbox))
    session.flush()
    for cycle, outbox in pending:
        add_notice(cycle, step="request", message_id=outbox.message_id, outbox_id=outbox.id,
                   now=now)
    return len(pending)


def queue_notice(session: Session, registration: Registration, cycle: ValidationCycle,
                 step: str, form: PrefilledForms | None, settings: Settings, *,
                 now: datetime) -> None:
    """Queue a reminder (or a single request) for ``cycle`` and record it (one per step)."""
    mail = _mail(registration, cycle.year, cycle.due, step, thread=tuple(
        notice.message_id for notice in cycle.notices), attached=form is not None,
        labels=transaction_labels(settings.forms_dir))
    mail = OutreachMail(mail.recipient, mail.view, form.pdf if form else None,
                        form.docx if form else None, mail.thread)
    row = enqueue_outreach(session, mail, settings=settings, now=now,
                           dedupe_key=f"validation:{registration.id}:{cycle.year}:{step}")
    add_notice(cycle, step=step, message_id=row.message_id, outbox_id=row.id, now=now)


def prefilled_for(settings: Settings, registration: Registration, year: int) -> PrefilledForms:
    """One registration's pre-filled forms, made here (reminders, the demo)."""
    return make_prefilled(validation_definition(settings.forms_dir),
                          _job(settings, registration, year),
                          docx=settings.validation.attach_docx)


def _task(settings: Settings, row: Registration, year: int) -> RequestTask:
    due = row.validation_due or date(year, 12, 31)
    return RequestTask(_job(settings, row, year),
                       _mail(row, year, due, "request", thread=(), attached=True,
                             labels=transaction_labels(settings.forms_dir)))


def _job(settings: Settings, row: Registration, year: int) -> FormJob:
    return FormJob(row.number, prefill_values(
        validation_definition(settings.forms_dir), _organization(row), number=row.number,
        user_ids=list(row.rpa_user_ids or []), year=year))


def _organization(row: Registration) -> dict[str, object]:
    block = dict(row.organization_block or {})
    if row.organization is not None:
        block.setdefault("org_legal_name", row.organization.legal_name)
        block.setdefault("fein", row.organization.fein)
    return block


def _item(row: Registration) -> OutreachItem:
    return OutreachItem(row.number, str(_organization(row).get("org_legal_name") or ""),
                        recipient_of(row), row.validation_due or date.max, "request")


def recipient_of(row: Registration) -> str:
    organization_email = row.organization.contact_email if row.organization else None
    return str(row.contact_email or organization_email or "")


def _mail(row: Registration, year: int, due: date, step: str, *, thread: tuple[str, ...],
          attached: bool, labels: dict[str, str]) -> OutreachMail:
    block = _organization(row)
    view = OutreachView(
        number=row.number, organization=str(block.get("org_legal_name") or ""),
        contact_name=str(row.contact_name or ""), year=year, due=long_date(due),
        user_ids=tuple(row.rpa_user_ids or ()),
        tool=" ".join(item for item in (row.rpa_tool_name, row.rpa_tool_vendor and
                                        f"({row.rpa_tool_vendor})") if item),
        transactions=tuple(labels.get(key, key) for key in row.transactions or ()), step=step,
        attached=attached)
    return OutreachMail(recipient=recipient_of(row), view=view, thread=thread)

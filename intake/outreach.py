"""Annual validation outreach, the driver: pick the registrations due, make their
pre-filled forms (in parallel), queue one request each in its own thread, idempotent per
registration and year; then the reminders and the overdue marking the daily job adds."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, datetime
from functools import lru_cache
from pathlib import Path
from zoneinfo import ZoneInfo

from sqlalchemy.orm import Session, sessionmaker

from config.settings import Settings
from formgen.prefill import FORM_TYPE, FormJob, PrefilledForms, make_many, prefill_values
from notifier.digest import digest_day
from notifier.outreach import OutreachMail, OutreachView, enqueue_outreach, long_date
from parsers.formdefs import FormDefinition, load_definitions
from registry.db import transaction
from registry.models import Registration, ValidationCycle
from registry.registrations import registrations_by_numbers
from registry.validation_cycles import add_notice, cycle_for, due_registrations

BATCH = 500  # registrations queued per transaction


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
        planned = [(row.number, _item(row, "request")) for row in due]
        jobs = _jobs(settings, due, year)
    skipped = tuple((number, "no contact address on file") for number, item in planned
                    if not item.recipient)
    items = tuple(item for _number, item in planned if item.recipient)
    if dry_run or not items:
        return OutreachReport(year, items, 0, skipped)
    forms = make_many([job for job in jobs if job.key in {i.number for i in items}],
                      forms_dir=settings.forms_dir, docx=settings.validation.attach_docx,
                      workers=settings.validation.workers if workers is None else workers)
    queued = 0
    for start in range(0, len(items), BATCH):
        with transaction(factory) as session:
            queued += _queue_batch(session, items[start:start + BATCH], forms, settings,
                                   year=year, now=now)
    return OutreachReport(year, items, queued, skipped)


def _queue_batch(session: Session, items: Sequence[OutreachItem],
                 forms: dict[str, PrefilledForms], settings: Settings, *, year: int,
                 now: datetime) -> int:
    rows = registrations_by_numbers(session, [item.number for item in items])
    queued = 0
    for item in items:
        registration = rows[item.number]
        cycle = cycle_for(session, registration, year)
        if cycle.requested_at is not None:
            continue  # asked already (another run got here first)
        queue_notice(session, registration, cycle, "request", forms.get(item.number),
                     settings, now=now)
        queued += 1
    return queued


def queue_notice(session: Session, registration: Registration, cycle: ValidationCycle,
                 step: str, form: PrefilledForms | None, settings: Settings, *,
                 now: datetime) -> None:
    """Queue a request or reminder for ``cycle`` and record it (one per step)."""
    view = _view(registration, cycle, step, attached=form is not None)
    thread = tuple(notice.message_id for notice in cycle.notices)
    mail = OutreachMail(recipient=_recipient(registration), view=view,
                        pdf=form.pdf if form else None, docx=form.docx if form else None,
                        thread=thread)
    row = enqueue_outreach(session, mail, settings=settings, now=now,
                           dedupe_key=f"validation:{registration.id}:{cycle.year}:{step}")
    add_notice(cycle, step=step, message_id=row.message_id, outbox_id=row.id, now=now)


def _jobs(settings: Settings, registrations: Sequence[Registration], year: int) -> list[FormJob]:
    definition = load_definitions_cached(settings.forms_dir)
    return [FormJob(row.number, prefill_values(
        definition, _organization(row), number=row.number,
        user_ids=list(row.rpa_user_ids or []), year=year)) for row in registrations]


def prefilled_for(settings: Settings, registration: Registration, year: int) -> PrefilledForms:
    """One registration's pre-filled forms, made here (reminders, the demo)."""
    job = _jobs(settings, [registration], year)[0]
    return make_many([job], forms_dir=settings.forms_dir,
                     docx=settings.validation.attach_docx, workers=1)[job.key]


@lru_cache(maxsize=4)
def load_definitions_cached(forms_dir: str) -> FormDefinition:
    return load_definitions(Path(forms_dir))[FORM_TYPE]


def _organization(row: Registration) -> dict[str, object]:
    block = dict(row.organization_block or {})
    if row.organization is not None:
        block.setdefault("org_legal_name", row.organization.legal_name)
        block.setdefault("fein", row.organization.fein)
    return block


def _item(row: Registration, step: str) -> OutreachItem:
    return OutreachItem(row.number, str(_organization(row).get("org_legal_name") or ""),
                        _recipient(row), row.validation_due or date.max, step)


def _recipient(row: Registration) -> str:
    organization_email = row.organization.contact_email if row.organization else None
    return str(row.contact_email or organization_email or "")


def _view(row: Registration, cycle: ValidationCycle, step: str, *, attached: bool) -> OutreachView:
    block = _organization(row)
    return OutreachView(
        number=row.number, organization=str(block.get("org_legal_name") or ""),
        contact_name=str(row.contact_name or ""), year=cycle.year, due=long_date(cycle.due),
        user_ids=tuple(row.rpa_user_ids or ()),
        tool=" ".join(item for item in (row.rpa_tool_name, row.rpa_tool_vendor and
                                        f"({row.rpa_tool_vendor})") if item),
        transactions=tuple(row.transactions or ()), step=step, attached=attached)

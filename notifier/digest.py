"""The coordinators' daily digest (SPEC §4): what came in, what waits and for how long, what
failed. Built from the registry for one local day, rendered from templates, queued at most
once per date and recipient."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from zoneinfo import ZoneInfo

from sqlalchemy import select
from sqlalchemy.orm import Session, selectinload

from config.settings import Settings
from notifier.compose import compose_message
from notifier.digest_registry import RegistryDigest, registry_digest
from notifier.labels import waiting_for
from notifier.message_ids import make_message_id
from notifier.outbox import enqueue
from notifier.render import render_pair
from registry.models import (
    BOUNCED,
    COMPLETE,
    FAILED,
    INCOMPLETE,
    INFO_REQUESTED,
    NEEDS_REVIEW,
    Approval,
    MailboxState,
    OutboxMessage,
    QuarantineEntry,
    Submission,
)
from registry.queries import received_by_form, waiting_submissions

Row = tuple[str, ...]


@dataclass(frozen=True, slots=True)
class DigestData:
    day: str
    received_by_form: tuple[tuple[str, int], ...]
    received_total: int
    waiting_review: tuple[Row, ...]  # reference, form, organization, waiting
    waiting_providers: tuple[Row, ...]  # oldest first
    stage2_missing: tuple[Row, ...]
    quarantined: tuple[Row, ...]
    delivery_problems: tuple[Row, ...]
    validations_due: tuple[Row, ...]
    last_poll: str
    registry: RegistryDigest | None = None  # issue 14: validations and registration changes
    inquiries: tuple[Row, ...] = ()  # reference, sender, subject, waiting


def build_digest(session: Session, *, day: date, tz: ZoneInfo, now: datetime,
                 send_at: time = time(7, 0)) -> DigestData:
    """The digest sent on the local ``day`` at ``send_at`` in ``tz``: what arrived in the 24
    hours before it, and what waits as of ``now`` (naive UTC)."""
    end = datetime.combine(day, send_at, tz).astimezone(ZoneInfo("UTC"))
    start = datetime.combine(day - timedelta(days=1), send_at, tz).astimezone(ZoneInfo("UTC"))
    start_utc, end_utc = start.replace(tzinfo=None), end.replace(tzinfo=None)
    counts = received_by_form(session, start_utc, end_utc)
    waiting = waiting_submissions(session, (COMPLETE, NEEDS_REVIEW, INCOMPLETE, INFO_REQUESTED),
                                  inquiries=True)
    return DigestData(
        day=day.isoformat(),
        received_by_form=tuple(sorted(counts.items())),
        received_total=sum(counts.values()),
        waiting_review=tuple(_row(item, now) for item in waiting
                             if item.status in {COMPLETE, NEEDS_REVIEW}),
        waiting_providers=tuple(_row(item, now) for item in waiting
                                if item.status in {INCOMPLETE, INFO_REQUESTED}),
        stage2_missing=tuple(_row(item, now) for item in waiting
                             if item.status == INCOMPLETE and item.form_type in
                             {"stage2", "stage2_grandfathered"}
                             and any(p.code == "missing_document" for p in item.problems)),
        quarantined=tuple((str(row.id), row.sender or "", row.subject or "", row.reason)
                          for row in session.scalars(select(QuarantineEntry).where(
                              QuarantineEntry.resolved_at.is_(None)))),
        delivery_problems=tuple((row.recipient, row.status, row.reason or row.last_error or "",
                                 row.subject) for row in session.scalars(
            select(OutboxMessage).where(OutboxMessage.status.in_((FAILED, BOUNCED)),
                                        OutboxMessage.created_at >= now - timedelta(days=7)))),
        validations_due=tuple((row.number or "", row.organization.legal_name
                               if row.organization else "", row.validation_due.isoformat())
                              for row in session.scalars(select(Approval).options(
                                  selectinload(Approval.organization)).where(
                                  Approval.kind == "stage2",
                                  Approval.validation_due.is_not(None),
                                  Approval.validation_due <= day + timedelta(days=30))
                                  .order_by(Approval.validation_due)) if row.validation_due),
        last_poll=_last_poll(session),
        registry=registry_digest(session, year=day.year, start=start_utc, end=end_utc),
        inquiries=tuple((item.reference or "", item.sender, item.subject,
                         waiting_for(now, item.received_at))
                        for item in waiting if item.inquiry == "open"),
    )


def render_digest(data: DigestData, *, templates_dir: str = "") -> tuple[str, str, str]:
    text, html = render_pair("digest", {"d": data}, templates_dir=templates_dir)
    waiting = len(data.waiting_review)
    subject = (f"RPA intake digest {data.day}: {data.received_total} received, "
               f"{waiting} waiting for review")
    return subject, text, html


def enqueue_digest(session: Session, *, day: date, settings: Settings,
                   now: datetime) -> list[OutboxMessage]:
    data = build_digest(session, day=day, tz=ZoneInfo(settings.digest.timezone), now=now,
                        send_at=send_time(settings))
    subject, text, html = render_digest(data, templates_dir=settings.acknowledgment.templates_dir)
    rows = []
    for recipient in settings.digest.recipients:
        key = f"digest:{day.isoformat()}:{recipient.lower()}"
        message_id = make_message_id(f"digest-{day.isoformat()}",
                                     key=settings.acknowledgment.signing_key,
                                     domain=settings.acknowledgment.message_id_domain)
        raw = compose_message(sender=settings.smtp.from_address,
                              sender_name=settings.smtp.from_name, recipient=recipient,
                              subject=subject, text=text, html=html, message_id=message_id,
                              date=now, auto_submitted=True)
        rows.append(enqueue(session, kind="digest", recipient=recipient, subject=subject,
                            raw=raw, message_id=message_id, now=now, dedupe_key=key))
    return rows


def digest_day(now: datetime, tz: ZoneInfo) -> date:
    """Today's date in the digest time zone for ``now`` (naive UTC): the day whose digest is
    due at send_at today, or went out earlier today. Never tomorrow's, whose dedupe key
    belongs to tomorrow's scheduled digest."""
    return now.replace(tzinfo=ZoneInfo("UTC")).astimezone(tz).date()


def send_time(settings: Settings) -> time:
    hour, minute = (int(part) for part in settings.digest.send_at.split(":"))
    return time(hour, minute)


def _row(item: Submission, now: datetime) -> Row:
    organization = item.organization.legal_name if item.organization else item.sender
    return (item.reference or "", item.form_type or "-", organization,
            waiting_for(now, item.received_at))


def _last_poll(session: Session) -> str:
    rows = session.scalars(select(MailboxState)).all()
    times = [row.last_success_at for row in rows if row.last_success_at]
    failing = [row for row in rows if row.failing_since]
    text = max(times).strftime("%Y-%m-%d %H:%M UTC") if times else "never"
    if failing:
        text += f" (failing since {min(r.failing_since for r in failing):%Y-%m-%d %H:%M} UTC)"  # type: ignore[type-var]
    return text

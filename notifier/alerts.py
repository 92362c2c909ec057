"""Alert emails to the coordinators when intake fails for too long, and when it recovers."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy.orm import Session

from config.settings import Settings
from notifier.compose import compose_message
from notifier.message_ids import make_message_id
from notifier.outbox import enqueue
from registry.models import AuthStatus, MailboxState


def enqueue_alert(session: Session, state: MailboxState, kind: str, *, settings: Settings,
                  now: datetime) -> None:
    recipients = settings.service.alert_recipients or settings.digest.recipients
    since = state.failing_since or now
    if kind == "failing":
        subject = "rpa-intake: mailbox intake is failing"
        text = (f"Intake from {state.mailbox} has failed since {since:%Y-%m-%d %H:%M} UTC.\n"
                f"Last error: {state.last_error or 'unknown'}\n\n"
                "Incoming registrations wait in the mailbox and will be filed once the "
                "connection works again. Check `rpa-intake health` and the service log.\n")
    else:
        subject = "rpa-intake: mailbox intake has recovered"
        text = f"Intake from {state.mailbox} works again as of {now:%Y-%m-%d %H:%M} UTC.\n"
    for recipient in recipients:
        message_id = make_message_id(f"alert-{kind}", key=settings.acknowledgment.signing_key,
                                     domain=settings.acknowledgment.message_id_domain)
        raw = compose_message(sender=settings.smtp.from_address,
                              sender_name=settings.smtp.from_name, recipient=recipient,
                              subject=subject, text=text, html=None, message_id=message_id,
                              date=now, auto_submitted=True)
        enqueue(session, kind="alert", recipient=recipient, subject=subject, raw=raw,
                message_id=message_id, now=now,
                dedupe_key=f"alert:{kind}:{state.mailbox}:{since:%Y%m%d%H%M%S}:{recipient}")


def enqueue_login_alert(session: Session, row: AuthStatus, kind: str, *, settings: Settings,
                        now: datetime) -> None:
    """A login (OAuth token or the server's answer to it) failing, or working again."""
    since = row.failing_since or now
    if kind == "failing":
        subject = f"rpa-intake: the {row.name} login to Microsoft 365 is failing"
        text = (f"The {row.name} login has failed since {since:%Y-%m-%d %H:%M} UTC.\n"
                f"Last error: {row.last_error or 'unknown'}\n\n"
                "Mail waits (in the mailbox, or in the outbox) until it works again. A "
                "revoked or expired client secret or certificate needs a new one in Entra ID "
                "and in the configuration; see the README's Microsoft 365 section.\n")
    else:
        subject = f"rpa-intake: the {row.name} login works again"
        text = f"The {row.name} login works again as of {now:%Y-%m-%d %H:%M} UTC.\n"
    _enqueue_admin(session, subject, text, settings=settings, now=now,
                   key=f"login:{kind}:{row.name}:{since:%Y%m%d%H%M%S}")


def enqueue_admin_alert(session: Session, subject: str, text: str, *, settings: Settings,
                        now: datetime, key: str) -> None:
    """An alert to the administrators, queued once per ``key`` and recipient."""
    _enqueue_admin(session, subject, text, settings=settings, now=now, key=key)


def _enqueue_admin(session: Session, subject: str, text: str, *, settings: Settings,
                   now: datetime, key: str) -> None:
    for recipient in settings.service.alert_recipients or settings.digest.recipients:
        message_id = make_message_id("alert", key=settings.acknowledgment.signing_key,
                                     domain=settings.acknowledgment.message_id_domain)
        raw = compose_message(sender=settings.smtp.from_address,
                              sender_name=settings.smtp.from_name, recipient=recipient,
                              subject=subject, text=text, html=None, message_id=message_id,
                              date=now, auto_submitted=True)
        enqueue(session, kind="alert", recipient=recipient, subject=subject, raw=raw,
                message_id=message_id, now=now, dedupe_key=f"alert:{key}:{recipient}")

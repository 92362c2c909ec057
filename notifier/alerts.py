"""Alert emails to the coordinators when intake fails for too long, and when it recovers."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy.orm import Session

from config.settings import Settings
from notifier.compose import compose_message
from notifier.message_ids import make_message_id
from notifier.outbox import enqueue
from registry.models import MailboxState


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

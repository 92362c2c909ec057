"""Thread matching: is this email a follow-up to a submission we already acknowledged?

A reply to our acknowledgment (In-Reply-To/References carry one of our signed Message-IDs) or
a ``[REF]`` in the subject points at a submission. From the same sender address or the same
organization domain it is a follow-up (its documents join that submission); from anyone else
it opens a new submission linked to the old one.
"""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy.orm import Session

from config.settings import Settings
from notifier.message_ids import is_our_message_id
from notifier.references import find_references
from parsers.model import ParsedEmail
from registry.models import Submission
from registry.queries import submission_by_outbox_message_ids, submission_by_reference

# A shared mailbox provider says nothing about which organization wrote.
PUBLIC_DOMAINS = frozenset({
    "gmail.com", "googlemail.com", "yahoo.com", "outlook.com", "hotmail.com", "live.com",
    "msn.com", "aol.com", "icloud.com", "me.com", "comcast.net", "verizon.net", "proton.me",
    "protonmail.com", "gmx.com", "mail.com", "yandex.com", "zoho.com",
})


@dataclass(frozen=True, slots=True)
class ThreadMatch:
    submission: Submission
    follow_up: bool  # True: merge into it; False: a new submission linked to it


def find_thread(session: Session, email: ParsedEmail, settings: Settings) -> ThreadMatch | None:
    target = _by_our_message_ids(session, email, settings) or _by_reference(session, email)
    if target is None:
        return None
    return ThreadMatch(target, follow_up=same_party(email.from_address, target))


def _by_our_message_ids(session: Session, email: ParsedEmail,
                        settings: Settings) -> Submission | None:
    ack = settings.acknowledgment
    ours = [mid for mid in (email.in_reply_to, *email.references)
            if mid and is_our_message_id(mid, key=ack.signing_key, domain=ack.message_id_domain)]
    return submission_by_outbox_message_ids(session, ours)


def _by_reference(session: Session, email: ParsedEmail) -> Submission | None:
    for reference in find_references(email.subject):
        found = submission_by_reference(session, reference)
        if found is not None:
            return found
    return None


def same_party(sender: str, submission: Submission) -> bool:
    """Same address, or the same organization domain (not a public mail provider)."""
    if not sender:
        return False
    if sender == submission.sender:
        return True
    domain = _domain(sender)
    if not domain or domain in PUBLIC_DOMAINS:
        return False
    known = {_domain(submission.sender)}
    if submission.organization is not None and submission.organization.email_domain:
        known.add(submission.organization.email_domain)
    return domain in known


def _domain(address: str) -> str:
    return address.rpartition("@")[2].lower() if "@" in address else ""

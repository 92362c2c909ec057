"""RFC 3834 and practice: is an inbound message automatic (never to be acknowledged)?"""

from __future__ import annotations

import re
from collections.abc import Collection

from parsers.model import ParsedEmail

_NO_REPLY = re.compile(
    r"^(no[-_.]?reply|do[-_.]?not[-_.]?reply|mailer[-_.]?daemon|postmaster|bounces?|"
    r"auto[-_.]?(reply|responder)|notifications?)([-+._].*)?@", re.IGNORECASE)
_SUPPRESS = {"all", "autoreply", "oof", "dr", "rn", "nrn"}
_PRECEDENCE = {"bulk", "junk", "list", "auto_reply"}


def automatic_reason(email: ParsedEmail, *, own_addresses: Collection[str]) -> str | None:
    """Why this message must not get an acknowledgment, or None for mail from a person."""
    headers = dict(email.auto_headers)
    checks = (
        _auto_submitted(headers.get("auto-submitted", "")),
        _precedence(headers.get("precedence", "")),
        _suppress(headers.get("x-auto-response-suppress", "")),
        "mailing list (List-Id)" if "list-id" in headers else None,
        "mailing list (List-Unsubscribe)" if "list-unsubscribe" in headers else None,
        "auto-reply header" if {"x-autoreply", "x-autorespond", "x-auto-reply"} & set(headers)
        else None,
        "delivery report" if email.content_type in {"multipart/report",
                                                    "message/delivery-status"} else None,
        "null return path" if email.return_path == "" else None,
        _sender(email.from_address, own_addresses),
    )
    return next((reason for reason in checks if reason), None)


def _auto_submitted(value: str) -> str | None:
    token = value.split(";")[0].strip().lower()
    return f"Auto-Submitted: {token}" if token and token != "no" else None


def _precedence(value: str) -> str | None:
    token = value.strip().lower()
    return f"Precedence: {token}" if token in _PRECEDENCE else None


def _suppress(value: str) -> str | None:
    tokens = {item.strip().lower() for item in value.split(",") if item.strip()}
    return "X-Auto-Response-Suppress" if tokens & _SUPPRESS else None


def _sender(address: str, own: Collection[str]) -> str | None:
    if not address:
        return "no usable sender address"
    if address.lower() in {item.lower() for item in own}:
        return "our own address"
    if _NO_REPLY.match(address):
        return "no-reply sender"
    return None

"""Our own Message-IDs, signed with the configured key (HMAC-SHA256), so that replies to them
are recognized and mail claiming to be ours is not believed."""

from __future__ import annotations

import hashlib
import hmac
import logging
import re
import secrets

log = logging.getLogger(__name__)

_OURS = re.compile(r"^rpa\.([A-Za-z0-9_-]{1,80})\.([0-9a-f]{20})@(.+)$")
_WARNED: list[bool] = []
# Without a configured key (tests, one-off commands), a key of this process alone: its ids
# can be forged by nobody and are recognized by no other process. `run` and `poll` refuse
# to start without a configured key (intake/app.py require_signing_key).
_PROCESS_KEY = secrets.token_hex(32)


def make_message_id(token: str, *, key: str, domain: str, nonce: str | None = None) -> str:
    """``rpa.<token>-<nonce>.<signature>@<domain>`` without angle brackets."""
    safe = re.sub(r"[^A-Za-z0-9_-]", "-", token)[:60]
    body = f"{safe}-{nonce or secrets.token_hex(6)}"
    return f"rpa.{body}.{_signature(body, key)}@{domain}"


def is_our_message_id(message_id: str, *, key: str, domain: str) -> bool:
    found = _OURS.match(message_id.strip().strip("<>"))
    if not found or found.group(3).lower() != domain.lower():
        return False
    return hmac.compare_digest(found.group(2), _signature(found.group(1), key))


def _signature(body: str, key: str) -> str:
    if not key:
        _warn_dev_key()
    secret = key or _PROCESS_KEY
    return hmac.new(secret.encode(), body.encode(), hashlib.sha256).hexdigest()[:20]


def _warn_dev_key() -> None:
    if not _WARNED:  # once per process, not once per message
        _WARNED.append(True)
        log.warning("acknowledgment.signing_key is not set: Message-IDs are signed with a "
                    "key of this process only, so replies to them will not be recognized "
                    "later; set a secret key")

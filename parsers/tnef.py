"""Outlook's winmail.dat (TNEF): the attachments inside it, with tnefparse."""

from __future__ import annotations

import logging

from parsers.limits import Limits

log = logging.getLogger(__name__)


def tnef_attachments(data: bytes, limits: Limits) -> list[tuple[str, bytes]]:
    """(file name, bytes) of every attachment in a TNEF blob; [] when it cannot be read."""
    try:
        from tnefparse import TNEF

        tnef = TNEF(data)
    except Exception:
        log.debug("unreadable TNEF attachment")
        return []
    found = []
    for item in tnef.attachments[: limits.max_attachments]:
        name = _name(item)
        content = bytes(item.data or b"")[: limits.max_attachment_bytes]
        found.append((name, content))
    return found


def _name(item: object) -> str:
    for getter in ("long_filename",):
        method = getattr(item, getter, None)
        if callable(method):
            try:
                value = method()
            except Exception:
                value = None
            if value:
                return str(value)
    name = getattr(item, "name", b"")
    return name.decode("latin-1", "replace") if isinstance(name, bytes) else str(name or "")

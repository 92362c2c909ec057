"""Outlook's winmail.dat (TNEF): the attachments inside it, with tnefparse."""

from __future__ import annotations

import logging
import struct

from parsers.limits import Limits

log = logging.getLogger(__name__)
MAX_OBJECTS = 2_000  # tnefparse is quadratic in the number of objects
_HEAD = 6  # signature (4 bytes) and key (2)
_OBJECT = struct.Struct("<BII")  # level, attribute, length; then data and a 2-byte checksum


def tnef_attachments(data: bytes, limits: Limits) -> list[tuple[str, bytes]]:
    """(file name, bytes) of every attachment in a TNEF blob; [] when it cannot be read."""
    if count_objects(data) > MAX_OBJECTS:
        log.warning("TNEF attachment with over %d objects not read", MAX_OBJECTS)
        return []
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


def count_objects(data: bytes, stop_after: int = MAX_OBJECTS) -> int:
    """How many objects the blob declares (a linear walk of their headers, up to
    ``stop_after`` + 1)."""
    offset, count = _HEAD, 0
    while offset + _OBJECT.size <= len(data) and count <= stop_after:
        _level, _attribute, length = _OBJECT.unpack_from(data, offset)
        offset += _OBJECT.size + length + 2
        count += 1
    return count


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

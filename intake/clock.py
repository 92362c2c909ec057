"""The one place that reads the clock; everything below takes ``now`` as an argument.
Times in the database are naive UTC."""

from __future__ import annotations

from datetime import UTC, datetime


def utcnow() -> datetime:
    return datetime.now(UTC).replace(tzinfo=None)

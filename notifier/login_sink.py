"""Where OAuth login outcomes go: the composition root points this at the registry (health
and alerts) without importing msal, which only the token modules need."""

from __future__ import annotations

from collections.abc import Callable

StatusSink = Callable[[str, str | None], None]
_sink: StatusSink | None = None


def set_status_sink(sink: StatusSink | None) -> None:
    """Where login outcomes go (the composition root records them for health and alerts)."""
    global _sink
    _sink = sink


def status_sink() -> StatusSink | None:
    return _sink

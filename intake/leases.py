"""This instance's reading leases on stored messages (registry/reading_leases.py).

Shared only on PostgreSQL with ``mailbox.share_reading``: there any instance may read and
file what the poller stored. Otherwise (SQLite: one instance) every stored message is this
instance's and no lease is written.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from datetime import datetime, timedelta

from sqlalchemy.orm import Session, sessionmaker

from config.settings import Settings
from registry.db import transaction
from registry.reading_leases import (
    Lease,
    lease_these,
    lease_waiting,
    leased_elsewhere,
    this_owner,
)


@dataclass
class Leases:
    factory: sessionmaker[Session]
    now_fn: Callable[[], datetime]
    shared: bool
    seconds: int = 120
    owner: str = field(default_factory=this_owner)

    def take(self, raw_message_id: int) -> bool:
        """Lease one stored message for this instance; False when another holds it."""
        if not self.shared:
            return True
        with transaction(self.factory, durable=False) as session:  # a lost lease only expires
            return bool(lease_these(session, [raw_message_id], self._lease()))

    def take_waiting(self, limit: int) -> list[int]:
        """Lease up to ``limit`` free waiting messages (the newest first)."""
        if not self.shared:
            return []
        with transaction(self.factory, durable=False) as session:
            return lease_waiting(session, self._lease(), limit=limit)

    def elsewhere(self, raw_message_ids: Sequence[int]) -> set[int]:
        """Those still being read by another instance under a live lease."""
        if not self.shared:
            return set()
        with transaction(self.factory) as session:
            return set(leased_elsewhere(session, raw_message_ids, self._lease()))

    def _lease(self) -> Lease:
        now = self.now_fn()
        return Lease(self.owner, now, now + timedelta(seconds=self.seconds))


def leases_for(factory: sessionmaker[Session], settings: Settings,
               now_fn: Callable[[], datetime]) -> Leases:
    shared = (factory.kw["bind"].dialect.name == "postgresql"
              and settings.mailbox.share_reading)
    return Leases(factory, now_fn, shared, seconds=settings.mailbox.reading_lease_seconds)

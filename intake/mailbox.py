"""The mailbox side's contract: a source lists message references (size first), fetches raw
bytes without changing anything, and moves messages (a batch at a time) only when told to
after the commit."""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from typing import Protocol

from config.settings import ConfigError, Settings


class MailboxError(Exception):
    """The mailbox cannot be reached or read; the poll is retried later."""


class MailboxAuthError(MailboxError):
    """The mailbox refused our login or its credentials: a person must act (still retried)."""


@dataclass(frozen=True, slots=True)
class MessageRef:
    uid: int  # IMAP UID; for a maildir, the position in this listing
    size: int
    name: str = ""  # maildir file name


class MailSource(Protocol):
    key: str  # names the mailbox in the registry, e.g. imap://user@host/INBOX
    uidvalidity: int

    def list_refs(self) -> list[MessageRef]: ...

    def fetch(self, refs: Sequence[MessageRef]) -> Iterator[tuple[MessageRef, bytes]]: ...

    def fetch_headers(self, ref: MessageRef) -> bytes: ...

    def move_processed(self, refs: Sequence[MessageRef]) -> None: ...

    def move_quarantine(self, refs: Sequence[MessageRef]) -> None: ...

    def close(self) -> None: ...


@contextmanager
def open_source(settings: Settings) -> Iterator[MailSource]:
    """The configured source, closed afterwards."""
    source: MailSource
    if settings.mailbox.source == "graph":
        from intake.graph_source import GraphSource

        source = GraphSource(settings.graph, settings.mailbox)
    elif settings.mailbox.source == "maildir":
        from intake.maildir_source import MaildirSource

        if not settings.mailbox.path:
            raise ConfigError("mailbox.path: required when mailbox.source is maildir")
        source = MaildirSource(settings.mailbox)
    else:
        from intake.imap_source import ImapSource

        source = ImapSource(settings.imap, settings.mailbox)
    try:
        yield source
    finally:
        source.close()

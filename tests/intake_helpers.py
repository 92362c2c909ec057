"""Helpers for tests that talk to the private Dovecot."""

from __future__ import annotations

from imapclient import IMAPClient
from servers.dovecot import PASSWORD, Dovecot


def imap_client(dovecot: Dovecot, user: str) -> IMAPClient:
    client = IMAPClient("127.0.0.1", port=dovecot.port, ssl=False, timeout=10)
    client.login(user, PASSWORD)
    return client


def deliver(dovecot: Dovecot, user: str, *messages: bytes, flags: tuple[bytes, ...] = ()) -> None:
    client = imap_client(dovecot, user)
    for raw in messages:
        client.append("INBOX", raw, flags=flags)
    client.logout()


def folder_count(dovecot: Dovecot, user: str, folder: str) -> int:
    client = imap_client(dovecot, user)
    try:
        if not client.folder_exists(folder):
            return 0
        return int(client.select_folder(folder, readonly=True)[b"EXISTS"])
    finally:
        client.logout()

"""The IMAP mailbox (the only module that imports imapclient): TLS verified by default,
timeouts on every command, BODY.PEEK so nothing is marked seen, RFC822.SIZE before any
download, UID MOVE (or COPY + \\Deleted + UID EXPUNGE) only when told to after the commit."""

from __future__ import annotations

import contextlib
import logging
import ssl
import time
from collections.abc import Callable, Iterator, Sequence
from typing import Any

from imapclient import IMAPClient
from imapclient.exceptions import IMAPClientError, LoginError

from config.settings import ImapSettings, MailboxSettings
from intake.mailbox import MailboxAuthError, MailboxError, MessageRef
from notifier.oauth_errors import EXCHANGE_SCOPE, CredentialsRejected, LoginRefused, OAuthError

log = logging.getLogger(__name__)
CHUNK = 200  # UIDs per FETCH command
IDLE_SLICE = 1.0  # seconds per check inside one IDLE command, so that a stop is quick
IDLE_MAX_SECONDS = 29 * 60  # RFC 2177: re-issue IDLE at least every 29 minutes


class ImapSource:
    tracks_uids = True

    def __init__(self, settings: ImapSettings, mailbox: MailboxSettings) -> None:
        self.settings = settings
        self.batch_size = max(1, mailbox.batch_size)
        self.key = f"imap://{settings.username}@{settings.host}:{settings.port}/{settings.folder}"
        self._known_folders: set[str] = set()
        self._listed_up_to = 0  # the highest UID the last listing saw
        self.client = self._connect()
        self.uidvalidity = self._select()

    # connection -------------------------------------------------------------------------
    def _connect(self) -> IMAPClient:
        settings = self.settings
        context = ssl.create_default_context(cafile=settings.ca_file or None)
        if not settings.verify:  # a test server only; never the default
            context.check_hostname, context.verify_mode = False, ssl.CERT_NONE
        try:
            client = IMAPClient(settings.host, port=settings.port,
                                ssl=settings.security == "ssl", ssl_context=context,
                                timeout=settings.timeout_seconds)
            if settings.security == "starttls":
                client.starttls(context)
            self._login(client)
        except MailboxAuthError:
            with contextlib.suppress(IMAPClientError, OSError):
                client.shutdown()
            raise
        except (IMAPClientError, OSError, ssl.SSLError) as err:
            raise MailboxError(f"cannot open {self.key}: {type(err).__name__}: {err}") from err
        return client

    def _login(self, client: IMAPClient) -> None:
        """LOGIN with the password, or AUTHENTICATE XOAUTH2 with a token (renewed once)."""
        settings = self.settings
        try:
            if settings.auth != "oauth2":
                client.login(settings.username, settings.password)
                return
            from notifier.oauth import oauth_config, token_provider, with_token

            provider = token_provider(oauth_config("imap", settings, EXCHANGE_SCOPE))
            with_token(provider, lambda token: _xoauth2(client, settings.username, token),
                       (LoginError,), "the IMAP server")
        except LoginError as err:
            raise MailboxAuthError(f"{self.key}: login refused ({err})") from err
        except (CredentialsRejected, LoginRefused) as err:
            raise MailboxAuthError(str(err)) from err
        except OAuthError as err:
            raise MailboxError(str(err)) from err

    def _select(self) -> int:
        try:
            status = self.client.select_folder(self.settings.folder)
        except (IMAPClientError, OSError) as err:
            raise MailboxError(f"cannot select {self.key}: {err}") from err
        return int(status[b"UIDVALIDITY"])

    def close(self) -> None:
        try:
            self.client.logout()
        except (IMAPClientError, OSError):
            with contextlib.suppress(IMAPClientError, OSError):
                self.client.shutdown()

    # reading ----------------------------------------------------------------------------
    def list_refs(self) -> list[MessageRef]:
        uids = sorted(self._call(self.client.search, ["ALL"]))
        self._listed_up_to = max([self._listed_up_to, *uids])
        refs = []
        for start in range(0, len(uids), CHUNK):
            sizes = self._call(self.client.fetch, uids[start:start + CHUNK], ["RFC822.SIZE"])
            refs += [MessageRef(uid=uid, size=int(sizes[uid].get(b"RFC822.SIZE", 0)))
                     for uid in uids[start:start + CHUNK] if uid in sizes]
        return refs

    def fetch(self, refs: Sequence[MessageRef]) -> Iterator[tuple[MessageRef, bytes]]:
        """Raw bytes, a batch per round trip, without touching any flag."""
        for start in range(0, len(refs), self.batch_size):
            batch = refs[start:start + self.batch_size]
            data = self._call(self.client.fetch, [ref.uid for ref in batch], ["BODY.PEEK[]"])
            for ref in batch:
                raw = data.get(ref.uid, {}).get(b"BODY[]")
                if raw is not None:  # expunged meanwhile by someone else: nothing to do
                    yield ref, bytes(raw)

    def fetch_headers(self, ref: MessageRef) -> bytes:
        data = self._call(self.client.fetch, [ref.uid], ["BODY.PEEK[HEADER]"])
        return bytes(data.get(ref.uid, {}).get(b"BODY[HEADER]", b""))

    # moving -----------------------------------------------------------------------------
    def move_processed(self, refs: Sequence[MessageRef]) -> None:
        self._move(refs, self.settings.processed_folder)

    def move_quarantine(self, refs: Sequence[MessageRef]) -> None:
        self._move(refs, self.settings.quarantine_folder)

    def _move(self, refs: Sequence[MessageRef], folder: str) -> None:
        """Move filed messages, one command for the batch. Messages someone else moved or
        deleted meanwhile (another instance, a coordinator in Outlook) are done, not an
        error."""
        if not refs:
            return
        self._ensure_folder(folder)
        uids = [ref.uid for ref in refs]
        try:
            self._move_uids(uids, folder)
        except MailboxError:  # e.g. NO [EXPUNGEISSUED]: some of them are gone already
            left = self._still_here(uids)
            log.info("%d of %d messages of %s were moved by someone else", len(uids) - len(left),
                     len(uids), self.key)
            if left:
                self._move_uids(left, folder)  # the rest; failing again is an error

    def _still_here(self, uids: Sequence[int]) -> list[int]:
        wanted = ",".join(str(uid) for uid in uids)
        found = set(self._call(self.client.search, ["UID", wanted]))
        return [uid for uid in uids if uid in found]

    def _move_uids(self, uids: Sequence[int], folder: str) -> None:
        if self.client.has_capability("MOVE"):
            self._call(self.client.move, uids, folder)
            return
        self._call(self.client.copy, uids, folder)
        self._call(self.client.add_flags, uids, [b"\\Deleted"])
        if self.client.has_capability("UIDPLUS"):
            self._call(self.client.uid_expunge, uids)
        else:
            self._call(self.client.expunge)

    def _ensure_folder(self, folder: str) -> None:
        if folder in self._known_folders:
            return
        if not self._call(self.client.folder_exists, folder):
            self._call(self.client.create_folder, folder)
        self._known_folders.add(folder)

    # IDLE -------------------------------------------------------------------------------
    def supports_idle(self) -> bool:
        return bool(self.client.has_capability("IDLE"))

    def wait_for_mail(self, seconds: float, should_stop: Callable[[], bool]) -> bool:
        """True as soon as new mail is there: mail that came while we were busy (a UID above
        the last listing), else one IDLE command held for up to ``seconds`` (RFC 2177: at
        most 29 minutes), checking ``should_stop`` every second. False on timeout or stop."""
        if self._arrived_since_listing():
            return True
        self._call(self.client.idle)
        deadline = time.monotonic() + min(seconds, IDLE_MAX_SECONDS)
        news = False
        try:
            while not news and not should_stop() and time.monotonic() < deadline:
                slice_ = min(IDLE_SLICE, max(0.0, deadline - time.monotonic()))
                news = _announces_mail(self.client.idle_check(timeout=slice_))
        except (IMAPClientError, OSError) as err:
            raise MailboxError(f"IDLE on {self.key} failed: {err}") from err
        finally:
            news = self._end_idle() or news
        return news

    def _end_idle(self) -> bool:
        """DONE; what the server said between the last check and DONE counts too."""
        try:
            _text, responses = self.client.idle_done()
        except (IMAPClientError, OSError) as err:
            raise MailboxError(f"ending IDLE on {self.key} failed: {err}") from err
        return _announces_mail(responses)

    def _arrived_since_listing(self) -> bool:
        """Mail that arrived during the last poll was announced in the replies to its
        commands, which nobody reads: look for UIDs above the last listing instead."""
        found = self._call(self.client.search, ["UID", f"{self._listed_up_to + 1}:*"])
        return any(uid > self._listed_up_to for uid in found)

    def _call(self, method: Any, *args: Any) -> Any:
        try:
            return method(*args)
        except (TimeoutError, IMAPClientError, OSError) as err:
            raise MailboxError(f"{self.key}: {type(err).__name__}: {err}") from err


def _xoauth2(client: IMAPClient, username: str, token: str) -> None:
    """SASL XOAUTH2 (imapclient's oauth2_login, but answering a refusal's error challenge
    with the empty response the mechanism asks for, so the server says NO at once)."""
    initial = f"user={username}\x01auth=Bearer {token}\x01\x01"
    client.sasl_login("XOAUTH2", lambda challenge: b"" if challenge else initial)


def _announces_mail(responses: Sequence[Any]) -> bool:
    return any(isinstance(item, tuple) and len(item) > 1 and item[1] in (b"EXISTS", b"RECENT")
               for item in responses)

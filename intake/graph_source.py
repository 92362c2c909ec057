"""A mailbox read through Microsoft Graph (the only module that reads Graph): the folder's
changes by the delta query (paged by @odata.nextLink up to the @odata.deltaLink), each
message fetched as MIME (``$value``) without changing it, and moved to the processed or
quarantine folder only when told to after the commit. The delta link advances only when
every message it listed has been moved, so a crash or a stop lists them again (filed
messages are then recognized and just moved); an expired delta token (410 Gone,
syncStateNotFound) starts a full round, as a UIDVALIDITY change does for IMAP."""

from __future__ import annotations

import logging
from collections.abc import Callable, Iterator, Sequence
from datetime import datetime
from functools import partial
from typing import TypeVar
from urllib.parse import quote

from config.settings import GraphSettings, MailboxSettings
from intake.graph_folders import FolderCache
from intake.mailbox import MailboxAuthError, MailboxError, MessageRef
from notifier.graph_client import GraphAuthError, GraphClient, GraphError, GraphResponse

log = logging.getLogger(__name__)
SIZE_PROPERTY = "Integer 0x0E08"  # PidTagMessageSize
T = TypeVar("T")
RESET_CODES = {"syncstatenotfound", "syncstateinvalid", "resyncrequired"}


class DeltaReset(Exception):
    """The delta token is no longer valid: start again from a full round."""


class GraphSource:
    uidvalidity = 1
    tracks_uids = False  # Graph ids are strings; filed messages are known by their bytes

    def __init__(self, settings: GraphSettings, mailbox: MailboxSettings, *,
                 client: GraphClient | None = None) -> None:
        self.settings = settings
        self.limit = mailbox.max_message_bytes
        self.key = f"graph://{settings.mailbox}/{settings.folder}"
        self.client = client or GraphClient(settings)
        self.user = f"/users/{quote(settings.mailbox, safe='@')}"
        self.folders = FolderCache(self.client, self.user)
        self._delta_link = ""  # where the next round starts (empty: a full round)
        self._round_link = ""  # the link this round ended with, kept once all were moved
        self._pending: set[str] = set()
        try:
            self.folder_id = self._guard(lambda: self.folders.resolve(settings.folder,
                                                                      create=False))
        except MailboxError:
            self.client.close()  # the service retries with a new source: no leaked pool
            raise

    # reading ----------------------------------------------------------------------------
    def list_refs(self) -> list[MessageRef]:
        self._advance()
        refs: list[MessageRef] = self._guard(lambda: [
            ref for ref in map(self._ref, self._delta_items()) if ref is not None])
        refs.sort(key=lambda ref: (ref.uid, ref.name))
        self._pending = {ref.name for ref in refs}
        return refs

    def _delta_items(self) -> list[dict[str, object]]:
        try:
            return self._walk(self._delta_link or self._initial_link())
        except DeltaReset:
            log.warning("the delta token of %s expired: reading the whole folder again",
                        self.key)
            self._delta_link = ""
            return self._walk(self._initial_link())

    def _initial_link(self) -> str:
        return (f"{self.user}/mailFolders/{self.folder_id}/messages/delta"
                "?$select=id,receivedDateTime")

    def _walk(self, link: str) -> list[dict[str, object]]:
        """Every page of one delta round; remembers the round's @odata.deltaLink."""
        items: list[dict[str, object]] = []
        headers = {"Prefer": f"odata.maxpagesize={max(1, self.settings.page_size)}"}
        while link:
            response = self.client.request("GET", link, headers=headers)
            if response.status == 410 or _is_reset(response):
                raise DeltaReset(response.error_code())
            page = _ok(response, "delta query").json()
            items += [item for item in page.get("value", []) if "@removed" not in item]
            link = page.get("@odata.nextLink", "")
            self._round_link = page.get("@odata.deltaLink", self._round_link)
        return items

    def _ref(self, item: dict[str, object]) -> MessageRef | None:
        message_id = str(item["id"])
        url = (f"{self.user}/messages/{quote(message_id)}?$select=id&$expand="
               f"singleValueExtendedProperties($filter=id eq '{SIZE_PROPERTY}')")
        response = self.client.request("GET", url)
        if response.status == 404:  # moved or deleted since the delta query
            return None
        properties = _ok(response, "message size").json().get("singleValueExtendedProperties", [])
        size = next((int(prop["value"]) for prop in properties if _is_size(prop)), 0)
        return MessageRef(uid=_uid(str(item.get("receivedDateTime", ""))), size=size,
                          name=message_id)

    def fetch(self, refs: Sequence[MessageRef]) -> Iterator[tuple[MessageRef, bytes]]:
        """The MIME bytes of each message; the message itself is not changed."""
        for ref in refs:
            response = self._guard(partial(
                self.client.request, "GET", f"{self.user}/messages/{quote(ref.name)}/$value",
                limit=max(self.limit, ref.size) * 2 + 1024 * 1024))
            if response.status == 404:
                self._pending.discard(ref.name)  # gone meanwhile: nothing to do
                continue
            yield ref, _ok(response, "message download").body

    def fetch_headers(self, ref: MessageRef) -> bytes:
        response = self._guard(lambda: self.client.request(
            "GET", f"{self.user}/messages/{quote(ref.name)}?$select=internetMessageHeaders"))
        headers = _ok(response, "message headers").json().get("internetMessageHeaders") or []
        return "\r\n".join(f"{h.get('name', '')}: {h.get('value', '')}"
                           for h in headers).encode("utf-8", "replace")

    # moving -----------------------------------------------------------------------------
    def move_processed(self, refs: Sequence[MessageRef]) -> None:
        for ref in refs:  # Graph moves one message per request
            self._move(ref, self.settings.processed_folder)

    def move_quarantine(self, refs: Sequence[MessageRef]) -> None:
        for ref in refs:
            self._move(ref, self.settings.quarantine_folder)

    def _move(self, ref: MessageRef, folder: str) -> None:
        def move() -> None:
            target = self.folders.resolve(folder, create=True)
            response = self.client.request("POST", f"{self.user}/messages/"
                                           f"{quote(ref.name)}/move", json={"destinationId":
                                                                              target})
            if response.status != 404:  # 404: moved already (a run that died mid-move)
                _ok(response, "move")

        self._guard(move)
        self._pending.discard(ref.name)

    def close(self) -> None:
        self._advance()
        self.client.close()

    def _advance(self) -> None:
        """Start the next round after this one only when nothing it listed is left."""
        if self._round_link and not self._pending:
            self._delta_link, self._round_link = self._round_link, ""

    def _guard(self, call: Callable[[], T]) -> T:
        try:
            return call()
        except GraphAuthError as err:
            raise MailboxAuthError(f"{self.key}: {err}") from err
        except GraphError as err:
            raise MailboxError(f"{self.key}: {err}") from err


def _ok(response: GraphResponse, what: str) -> GraphResponse:
    if response.status >= 400:
        raise GraphError(f"graph {what} failed ({response.status} {response.error_code()})",
                         response.status, response.error_code())
    return response


def _is_size(prop: dict[str, object]) -> bool:
    """Graph answers ``Integer 0xe08`` for the ``Integer 0x0E08`` it was asked about."""
    kind, _, tag = str(prop.get("id", "")).partition(" ")
    try:
        return kind.lower() == "integer" and int(tag, 16) == 0x0E08
    except ValueError:
        return False


def _is_reset(response: GraphResponse) -> bool:
    return response.status in (400, 404) and response.error_code().lower() in RESET_CODES


def _uid(received: str) -> int:
    """Seconds since 1970 of receivedDateTime: stable across runs, increasing with time."""
    try:
        return int(datetime.fromisoformat(received.replace("Z", "+00:00")).timestamp())
    except ValueError:
        return 0

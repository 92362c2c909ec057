"""Graph mail folders by name for the Graph source: a well-known name (inbox, archive, ...)
as it is, a display name under the mailbox's root, or a path ``Inbox/Processed``; created
when asked and missing. Ids are cached for the connection."""

from __future__ import annotations

from typing import Protocol
from urllib.parse import quote

from notifier.graph_client import GraphError, GraphResponse

WELL_KNOWN = {"inbox", "archive", "deleteditems", "drafts", "junkemail", "sentitems",
              "outbox", "msgfolderroot", "clutter", "conversationhistory"}


class Requester(Protocol):
    def request(self, method: str, url: str, *, json: object = None) -> GraphResponse: ...


class FolderCache:
    def __init__(self, client: Requester, user: str) -> None:
        self.client, self.user = client, user
        self._ids: dict[str, str] = {}

    def resolve(self, name: str, *, create: bool) -> str:
        if name not in self._ids:
            self._ids[name] = self._lookup(name, create)
        return self._ids[name]

    def _lookup(self, name: str, create: bool) -> str:
        parent = ""
        for part in [part for part in name.split("/") if part]:
            if not parent and part.lower() in WELL_KNOWN:
                parent = self._well_known(part.lower())
                continue
            parent = self._child(parent, part, create)
        if not parent:
            raise GraphError(f"graph: no folder named {name!r}")
        return parent

    def _well_known(self, name: str) -> str:
        response = self.client.request("GET", f"{self.user}/mailFolders/{name}?$select=id")
        return str(_ok(response, name).json()["id"])

    def _child(self, parent: str, name: str, create: bool) -> str:
        base = (f"{self.user}/mailFolders/{quote(parent)}/childFolders" if parent
                else f"{self.user}/mailFolders")
        escaped = name.replace("'", "''")
        response = self.client.request(
            "GET", f"{base}?$filter=displayName eq '{quote(escaped)}'&$select=id,displayName")
        found = [item for item in _ok(response, name).json().get("value", [])
                 if item.get("displayName") == name]
        if found:
            return str(found[0]["id"])
        if not create:
            raise GraphError(f"graph: no folder named {name!r} in the mailbox", 404)
        created = self.client.request("POST", base, json={"displayName": name})
        if created.status == 409:  # another run created it a moment ago
            return self._child(parent, name, create=False)
        return str(_ok(created, name).json()["id"])


def _ok(response: GraphResponse, name: str) -> GraphResponse:
    if response.status >= 400:
        raise GraphError(f"graph: folder {name!r}: {response.status} {response.error_code()}",
                         response.status, response.error_code())
    return response

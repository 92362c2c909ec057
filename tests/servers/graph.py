"""A local Microsoft Graph mail service written from Microsoft's published v1.0 API
documentation, for the endpoints rpa-intake uses: mailFolders by well-known name, display
name ($filter) and childFolders (GET, POST); messages/delta with Prefer odata.maxpagesize,
@odata.nextLink ($skiptoken) and @odata.deltaLink ($deltatoken), @removed entries, and 410
Gone with syncStateNotFound for an expired token; messages/{id} with $expand of the
PidTagMessageSize extended property and $select=internetMessageHeaders; $value (MIME);
move (a new id, as Exchange gives); sendMail with a base64 MIME body (202); 429 with
Retry-After; bearer tokens checked against the local authority (401/403)."""

from __future__ import annotations

import base64
import re
import secrets
import threading
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from email.parser import BytesHeaderParser
from urllib.parse import unquote

from servers.https import HttpsServer, LocalCertificate, Request, Response, json_response
from servers.identity import Identity

USER = re.compile(r"^/v1\.0/users/([^/]+)(/.*)?$")


@dataclass
class Stored:
    folder: str
    raw: bytes
    received: datetime


@dataclass
class GraphMail:
    identity: Identity
    mailbox: str
    server: HttpsServer = field(init=False)
    folders: dict[str, tuple[str, str]] = field(default_factory=dict)  # id -> (name, parent)
    messages: dict[str, Stored] = field(default_factory=dict)
    events: list[tuple[int, str, str, str]] = field(default_factory=list)  # seq, folder, id, kind
    pages: dict[str, tuple[list[dict[str, object]], str]] = field(default_factory=dict)
    sent: list[bytes] = field(default_factory=list)
    throttle: list[int] = field(default_factory=lambda: [0, 1])  # [requests left, Retry-After]
    expired_before: int = 0  # delta tokens below this sequence number are gone (410)
    requests: list[str] = field(default_factory=list)
    lock: threading.RLock = field(default_factory=threading.RLock)
    seq: int = 0

    def __post_init__(self) -> None:
        for name in ("Inbox", "Sent Items"):
            self.folders[f"folder-{name.replace(' ', '').lower()}"] = (name, "")

    @property
    def base_url(self) -> str:
        return f"{self.server.base}/v1.0"

    # test controls -------------------------------------------------------------------
    def deliver(self, *raws: bytes, folder: str = "folder-inbox") -> None:
        with self.lock:
            for raw in raws:
                self._add(folder, raw, datetime.now(UTC) + timedelta(microseconds=self.seq))

    def count(self, folder_name: str) -> int:
        ids = [fid for fid, (name, _) in self.folders.items() if name == folder_name]
        return sum(1 for item in self.messages.values() if item.folder in ids)

    def throttle_next(self, requests: int, retry_after: int = 1) -> None:
        self.throttle = [requests, retry_after]

    def expire_delta_tokens(self) -> None:
        self.expired_before = self.seq + 1

    # routing -------------------------------------------------------------------------
    def route(self, request: Request) -> Response:
        with self.lock:
            self.requests.append(f"{request.method} {request.path}")
            if self.throttle[0] > 0:
                self.throttle[0] -= 1
                return _error(429, "TooManyRequests", "throttled",
                              **{"Retry-After": str(self.throttle[1])})
            refused = self._authorize(request)
            if refused is not None:
                return refused
            match = USER.match(request.path)
            if not match:
                return _error(404, "ResourceNotFound", "no such resource")
            return self._dispatch(request, unquote(match.group(2) or ""))

    def _authorize(self, request: Request) -> Response | None:
        token = request.headers.get("authorization", "").removeprefix("Bearer ")
        issued = self.identity.active(token, "graph.microsoft.com")
        if issued is None:
            return _error(401, "InvalidAuthenticationToken", "Access token has expired or "
                          "is not yet valid.")
        user = unquote(USER.match(request.path).group(1)) if USER.match(request.path) else ""
        allowed = self.identity.clients[issued.client_id].mailbox  # the policy as it is now
        if allowed != self.mailbox or user != self.mailbox:
            return _error(403, "ErrorAccessDenied", "Access to OData is disabled: "
                          "blocked by tenant configured AppOnly AccessPolicy settings.")
        return None

    def _dispatch(self, request: Request, rest: str) -> Response:
        post = request.method == "POST"
        if rest == "/sendMail" and post:
            return self._send_mail(request)
        if match := re.fullmatch(r"/mailFolders/([^/]+)/messages/delta", rest):
            prefer = re.search(r"odata\.maxpagesize=(\d+)", request.headers.get("prefer", ""))
            return self._delta(match.group(1), request.query, int(prefer.group(1)) if prefer
                               else 10)
        if match := re.fullmatch(r"/mailFolders(?:/([^/]+)/childFolders)?", rest):
            return self._create_folder(match.group(1) or "", request) if post else \
                self._list_folders(match.group(1) or "", request.query)
        if match := re.fullmatch(r"/mailFolders/([^/]+)", rest):
            return self._folder(match.group(1))
        if match := re.fullmatch(r"/messages/([^/]+)/\$value", rest):
            return self._value(match.group(1))
        if (match := re.fullmatch(r"/messages/([^/]+)/move", rest)) and post:
            return self._move(match.group(1), request.json().get("destinationId", ""))
        if match := re.fullmatch(r"/messages/([^/]+)", rest):
            return self._message(match.group(1), request.query)
        return _error(400, "BadRequest", f"unsupported {request.method} {rest}")

    # folders --------------------------------------------------------------------------
    def _folder_id(self, id_or_name: str) -> str | None:
        if id_or_name in self.folders:
            return id_or_name
        wanted = {"inbox": "Inbox", "sentitems": "Sent Items"}.get(id_or_name.lower())
        return next((fid for fid, (name, parent) in self.folders.items()
                     if name == wanted and not parent), None)

    def _folder(self, id_or_name: str) -> Response:
        fid = self._folder_id(id_or_name)
        if fid is None:
            return _error(404, "ErrorItemNotFound", "The specified object was not found.")
        return json_response(200, {"id": fid, "displayName": self.folders[fid][0]})

    def _list_folders(self, parent: str, query: dict[str, str]) -> Response:
        match = re.fullmatch(r"displayName eq '(.*)'", query.get("$filter", ""))
        wanted = match.group(1).replace("''", "'") if match else None
        value = [{"id": fid, "displayName": name} for fid, (name, up) in self.folders.items()
                 if up == parent and (wanted is None or name == wanted)]
        return json_response(200, {"value": value})

    def _create_folder(self, parent: str, request: Request) -> Response:
        name = request.json().get("displayName", "")
        if any(n == name and up == parent for n, up in self.folders.values()):
            return _error(409, "ErrorFolderExists", "A folder with the specified name "
                          "already exists.")
        fid = f"folder-{secrets.token_hex(6)}"
        self.folders[fid] = (name, parent)
        return json_response(201, {"id": fid, "displayName": name})

    # messages -------------------------------------------------------------------------
    def _add(self, folder: str, raw: bytes, received: datetime) -> str:
        mid = f"AAMk{secrets.token_hex(12)}"
        self.messages[mid] = Stored(folder, raw, received)
        self._event(folder, mid, "added")
        return mid

    def _event(self, folder: str, mid: str, kind: str) -> None:
        self.seq += 1
        self.events.append((self.seq, folder, mid, kind))

    def _message(self, mid: str, query: dict[str, str]) -> Response:
        stored = self.messages.get(mid)
        if stored is None:
            return _error(404, "ErrorItemNotFound", "The specified object was not found.")
        body: dict[str, object] = {"id": mid, "receivedDateTime": _iso(stored.received)}
        if "0x0E08" in query.get("$expand", ""):
            body["singleValueExtendedProperties"] = [{"id": "Integer 0xe08",
                                                      "value": str(len(stored.raw))}]
        if "internetMessageHeaders" in query.get("$select", ""):
            parsed = BytesHeaderParser().parsebytes(stored.raw)
            body["internetMessageHeaders"] = [{"name": k, "value": str(v)}
                                              for k, v in parsed.items()]
        return json_response(200, body)

    def _value(self, mid: str) -> Response:
        stored = self.messages.get(mid)
        if stored is None:
            return _error(404, "ErrorItemNotFound", "The specified object was not found.")
        return Response(200, stored.raw, content_type="text/plain")

    def _move(self, mid: str, destination: str) -> Response:
        stored, target = self.messages.get(mid), self._folder_id(destination)
        if stored is None or target is None:
            return _error(404, "ErrorItemNotFound", "The specified object was not found.")
        del self.messages[mid]
        self._event(stored.folder, mid, "removed")
        new_id = self._add(target, stored.raw, stored.received)
        return json_response(201, {"id": new_id, "parentFolderId": target})

    # delta ----------------------------------------------------------------------------
    def _delta(self, folder_ref: str, query: dict[str, str], size: int) -> Response:
        folder = self._folder_id(folder_ref) or ""
        if "$skiptoken" in query:
            return self._page(query["$skiptoken"], size)
        since = int(query.get("$deltatoken", "0") or 0)
        if "$deltatoken" in query and since < self.expired_before:
            return _error(410, "syncStateNotFound", "The sync state generation is not "
                          "found. The delta token is expired and data must be synchronized "
                          "again.")
        items = self._changes(folder, since) if since else [
            {"id": mid, "receivedDateTime": _iso(item.received)}
            for mid, item in self.messages.items() if item.folder == folder]
        link = f"{self.base_url}/users/{self.mailbox}/mailFolders/{folder}/messages/delta"
        token = secrets.token_hex(6)
        self.pages[token] = (items, f"{link}?$deltatoken={self.seq}")
        return self._page(token, size)

    def _changes(self, folder: str, since: int) -> list[dict[str, object]]:
        changed: dict[str, dict[str, object]] = {}
        for seq, where, mid, _kind in self.events:
            if seq <= since or where != folder:
                continue
            stored = self.messages.get(mid)
            changed[mid] = ({"id": mid, "@removed": {"reason": "deleted"}}
                            if stored is None or stored.folder != folder else
                            {"id": mid, "receivedDateTime": _iso(stored.received)})
        return list(changed.values())

    def _page(self, token: str, size: int) -> Response:
        if token not in self.pages:
            return _error(410, "syncStateNotFound", "The sync state is not found.")
        items, delta = self.pages.pop(token)
        head, rest = items[:size], items[size:]
        body: dict[str, object] = {"value": head}
        if rest:
            next_token = secrets.token_hex(6)
            self.pages[next_token] = (rest, delta)
            base = delta.split("?")[0]
            body["@odata.nextLink"] = f"{base}?$skiptoken={next_token}"
        else:
            body["@odata.deltaLink"] = delta
        return json_response(200, body)

    def _send_mail(self, request: Request) -> Response:
        if not request.headers.get("content-type", "").startswith("text/plain"):
            return _error(400, "ErrorMimeContentInvalid", "MIME content must be base64 "
                          "text/plain.")
        try:
            raw = base64.b64decode(request.body, validate=True)
        except ValueError:
            return _error(400, "ErrorMimeContentInvalidBase64String", "Invalid base64.")
        self.sent.append(raw)
        return Response(202)


def _iso(value: datetime) -> str:
    return value.strftime("%Y-%m-%dT%H:%M:%SZ")


def _error(status: int, code: str, message: str, **headers: str) -> Response:
    return json_response(status, {"error": {"code": code, "message": message}}, **headers)


def start_graph(certificate: LocalCertificate, identity: Identity, mailbox: str) -> GraphMail:
    graph = GraphMail(identity, mailbox)
    graph.server = HttpsServer(certificate, graph.route)
    return graph

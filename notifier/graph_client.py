"""Microsoft Graph over HTTPS (httpx), shared by the Graph mail source and the sendMail
transport: a bearer token from notifier.oauth (renewed once on 401), throttling (429, 503,
504) waited out as Retry-After says, links followed only on the configured Graph host, and
bodies read up to a size limit."""

from __future__ import annotations

import logging
import ssl
import time
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

import httpx

from config.settings import GraphSettings
from notifier.oauth import GRAPH_SCOPE, CredentialsRejected, oauth_config, token_provider

log = logging.getLogger(__name__)
logging.getLogger("httpx").setLevel(logging.WARNING)  # a line per request, links included
RETRYABLE = {429, 503, 504}
MAX_ERROR_BODY = 64 * 1024


class GraphError(Exception):
    """A Graph request failed; ``status`` and ``code`` say how (0 and "" for the network)."""

    def __init__(self, message: str, status: int = 0, code: str = "") -> None:
        super().__init__(message)
        self.status, self.code = status, code


class GraphAuthError(GraphError):
    """Our credentials or their permissions were refused: an administrator must act."""


@dataclass(frozen=True, slots=True)
class GraphResponse:
    status: int
    body: bytes
    headers: dict[str, str]

    def json(self) -> Any:
        import json

        return json.loads(self.body or b"{}")

    def error_code(self) -> str:
        try:
            return str(self.json().get("error", {}).get("code", ""))
        except (ValueError, AttributeError):
            return ""


class GraphClient:
    def __init__(self, settings: GraphSettings, *,
                 sleep: Callable[[float], None] = time.sleep) -> None:
        self.settings = settings
        self.base = settings.base_url.rstrip("/")
        self.tokens = token_provider(oauth_config("graph", settings, GRAPH_SCOPE))
        self.sleep = sleep
        verify: ssl.SSLContext | bool = True
        if settings.ca_file:
            verify = ssl.create_default_context(cafile=settings.ca_file)
        self.http = httpx.Client(verify=verify, timeout=settings.timeout_seconds,
                                 follow_redirects=False, trust_env=False)

    def close(self) -> None:
        self.http.close()

    def request(self, method: str, url: str, *, json: Any = None, content: bytes | None = None,
                headers: dict[str, str] | None = None, limit: int = 16 * 1024 * 1024,
                ) -> GraphResponse:
        """One request, throttling and one token renewal included; any status returned."""
        full = self._url(url)
        renewed = False
        for attempt in range(self.settings.max_retries + 1):
            response = self._send(method, full, json, content, headers, limit, renewed)
            if response.status == 401 and not renewed:
                renewed = True
                continue
            if response.status in RETRYABLE and attempt < self.settings.max_retries:
                self._wait(response, attempt)
                continue
            return self._checked(response)
        return self._checked(response)

    def _send(self, method: str, url: str, json: Any, content: bytes | None,
              headers: dict[str, str] | None, limit: int, renew: bool) -> GraphResponse:
        try:
            token = self.tokens.renew() if renew else self.tokens.token()
        except CredentialsRejected as err:
            raise GraphAuthError(str(err)) from err
        except Exception as err:  # OAuthError: the authority is unreachable for now
            raise GraphError(str(err)) from err
        merged = {"Authorization": f"Bearer {token}", **(headers or {})}
        try:
            with self.http.stream(method, url, json=json, content=content,
                                  headers=merged) as response:
                body = _read_limited(response, limit if response.is_success else MAX_ERROR_BODY)
                return GraphResponse(response.status_code, body, dict(response.headers))
        except httpx.HTTPError as err:
            raise GraphError(f"graph: {type(err).__name__} on {method} "
                             f"{url.split('?')[0][len(self.base):]}") from err

    def _wait(self, response: GraphResponse, attempt: int) -> None:
        header = response.headers.get("retry-after", "")
        seconds = float(header) if header.replace(".", "", 1).isdigit() else 2.0 ** attempt
        seconds = min(seconds, self.settings.max_retry_after_seconds)
        log.warning("graph throttled (%d); waiting %.1f s as Retry-After asks", response.status,
                    seconds)
        self.sleep(seconds)

    def _checked(self, response: GraphResponse) -> GraphResponse:
        if response.status in (401, 403):
            message = (f"graph: access refused ({response.status} {response.error_code()}); "
                       "check the app's Mail permissions and the application access policy")
            self.tokens.report(message)
            raise GraphAuthError(message, response.status, response.error_code())
        if response.status not in RETRYABLE:
            self.tokens.report(None)
        return response

    def _url(self, url: str) -> str:
        if url.startswith("/"):
            return self.base + url
        if not url.startswith(self.base + "/"):  # a link elsewhere never gets our token
            raise GraphError(f"graph: refusing to follow a link off {self.base}")
        return url


def _read_limited(response: httpx.Response, limit: int) -> bytes:
    chunks, size = [], 0
    for chunk in response.iter_bytes():
        size += len(chunk)
        if size > limit:
            raise GraphError(f"graph: response larger than {limit} bytes", response.status_code)
        chunks.append(chunk)
    return b"".join(chunks)

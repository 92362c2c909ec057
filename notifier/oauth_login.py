"""The delegated flow's one-time sign-in (``rpa-intake oauth login``): an authorization URL
for the mailbox's user to open, the address the browser was sent back to, and the first
refresh token stored (0600). From then on notifier.oauth renews and rotates it."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any
from urllib.parse import parse_qs, urlsplit

from notifier.oauth import OAuthConfig, build_application, refusal_error
from notifier.oauth_files import store_refresh_token

REDIRECT_URI = "http://localhost"


def sign_in(config: OAuthConfig, *, show: Callable[[str], None],
            ask: Callable[[str], str]) -> None:
    """Show the sign-in URL, read back the redirected address, store the refresh token.
    Raises the same one-line OAuthError kinds as token requests."""
    app = build_application(config)
    flow = app.initiate_auth_code_flow(list(config.scopes), redirect_uri=REDIRECT_URI)
    show(flow["auth_uri"])
    answer = ask("Paste the address the browser was sent to (http://localhost/?code=...): ")
    result: dict[str, Any] = app.acquire_token_by_auth_code_flow(flow, _query(answer))
    token = result.get("refresh_token")
    if "access_token" not in result or not token:
        raise refusal_error(config, result)
    store_refresh_token(config.refresh_token_file, str(token))


def _query(address: str) -> dict[str, str]:
    parts = urlsplit(address.strip())
    return {key: values[0] for key, values in parse_qs(parts.query).items()}

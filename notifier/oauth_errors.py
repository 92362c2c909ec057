"""OAuth 2.0's errors and scopes, apart from the token code (notifier/oauth.py), so that the
mail modules can name them without loading msal when they log in with a password."""

from __future__ import annotations

EXCHANGE_SCOPE = "https://outlook.office365.com/.default"
GRAPH_SCOPE = "https://graph.microsoft.com/.default"


class OAuthError(Exception):
    """No token now (the endpoint unreachable or failing); tried again later."""


class CredentialsRejected(OAuthError):
    """The identity platform refused our credentials: an administrator must act."""


class LoginRefused(OAuthError):
    """The mail server refused a fresh token too (a missing permission, a wrong mailbox)."""

"""OAuth 2.0 tokens from the Microsoft identity platform (with notifier/oauth_login.py, the
only modules that use msal):
app-only client credentials (a secret or a certificate) or delegated (a refresh token kept
in a file), cached in memory by msal and renewed before they expire. IMAP, SMTP and Graph
all take their tokens here. Errors are one line and never carry a secret."""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any, TypeVar

import msal
import requests

from config.settings import OAuthFields
from notifier.login_sink import status_sink
from notifier.oauth_errors import EXCHANGE_SCOPE as EXCHANGE_SCOPE
from notifier.oauth_errors import GRAPH_SCOPE as GRAPH_SCOPE
from notifier.oauth_errors import CredentialsRejected as CredentialsRejected
from notifier.oauth_errors import LoginRefused as LoginRefused
from notifier.oauth_errors import OAuthError as OAuthError
from notifier.oauth_files import read_certificate, read_refresh_token, store_refresh_token

log = logging.getLogger(__name__)
logging.getLogger("msal").setLevel(logging.WARNING)  # its debug lines carry request details
# Errors a person must fix (wrong tenant, client id or secret; a revoked refresh token).
REJECTED = {"invalid_client", "unauthorized_client", "invalid_grant", "invalid_request",
            "invalid_scope", "access_denied", "consent_required", "interaction_required"}
T = TypeVar("T")


@dataclass(frozen=True, slots=True)
class OAuthConfig:
    name: str  # the config section: imap, smtp, graph
    tenant_id: str
    client_id: str
    client_secret: str = field(default="", repr=False)
    certificate_file: str = ""
    authority_host: str = "https://login.microsoftonline.com"
    scopes: tuple[str, ...] = (EXCHANGE_SCOPE,)
    ca_file: str = ""
    timeout_seconds: float = 30.0
    flow: str = "client_credentials"
    refresh_token_file: str = ""

    @property
    def authority(self) -> str:
        return f"{self.authority_host.rstrip('/')}/{self.tenant_id}"


def oauth_config(name: str, section: OAuthFields, default_scope: str) -> OAuthConfig:
    return OAuthConfig(
        name=name, tenant_id=section.tenant_id, client_id=section.client_id,
        client_secret=section.client_secret, certificate_file=section.certificate_file,
        authority_host=section.authority_host, scopes=(section.oauth_scope or default_scope,),
        ca_file=section.oauth_ca_file, timeout_seconds=section.oauth_timeout_seconds,
        flow=section.oauth_flow, refresh_token_file=section.refresh_token_file)


class TokenProvider:
    """Access tokens for one configuration; thread-safe."""

    def __init__(self, config: OAuthConfig) -> None:
        self.config = config
        self._lock = threading.Lock()
        self._app: msal.ClientApplication | None = None
        self._reported: str | bool | None = False  # False: nothing reported yet

    def token(self) -> str:
        with self._lock:
            return self._acquire()

    def renew(self) -> str:
        """A new token, whatever msal has cached (the server refused the cached one)."""
        with self._lock:
            if self._app is not None and self.config.flow == "client_credentials":
                assert isinstance(self._app, msal.ConfidentialClientApplication)
                self._app.remove_tokens_for_client()
            elif self._app is not None:
                for account in self._app.get_accounts():
                    self._app.remove_account(account)
            return self._acquire()

    def report(self, error: str | None) -> None:
        """Tell the status sink (health, alerts) when the outcome changes."""
        if error == self._reported:
            return
        self._reported = error
        sink = status_sink()
        if sink is not None:
            try:
                sink(self.config.name, error)
            except Exception as err:  # health bookkeeping must never stop mail
                log.warning("cannot record the %s login status: %s", self.config.name,
                            type(err).__name__)

    def _acquire(self) -> str:
        try:
            result = self._request()
        except OAuthError as err:
            self.report(str(err))
            raise
        if "access_token" not in result:
            refusal = refusal_error(self.config, result)
            self.report(str(refusal))
            raise refusal
        return str(result["access_token"])

    def _request(self) -> dict[str, Any]:
        config = self.config
        try:
            app = self._application()
        except ValueError as err:  # msal: the authority (tenant) could not be discovered
            raise CredentialsRejected(
                f"{config.name}: tenant {config.tenant_id!r} not found at "
                f"{config.authority_host} (check {config.name}.tenant_id)") from err
        except requests.RequestException as err:
            raise self._unreachable(err) from err
        try:
            if config.flow == "delegated":
                return self._by_refresh_token(app)
            return dict(app.acquire_token_for_client(scopes=list(config.scopes)))  # type: ignore[attr-defined]
        except ValueError as err:  # e.g. a private key msal cannot sign with
            raise CredentialsRejected(f"{config.name}: the client credential cannot be used "
                                      f"({type(err).__name__})") from err
        except requests.RequestException as err:
            self._app = None
            raise self._unreachable(err) from err

    def _unreachable(self, err: Exception) -> OAuthError:
        return OAuthError(f"{self.config.name}: token endpoint {self.config.authority_host} "
                          f"unreachable ({type(err).__name__})")

    def _by_refresh_token(self, app: msal.ClientApplication) -> dict[str, Any]:
        path = self.config.refresh_token_file
        accounts = app.get_accounts()
        if accounts:
            result = app.acquire_token_silent_with_error(list(self.config.scopes), accounts[0])
            if result and "access_token" in result:
                self._keep_refresh_token(result)
                return dict(result)
        result = app.acquire_token_by_refresh_token(read_refresh_token(path),
                                                    scopes=list(self.config.scopes))
        self._keep_refresh_token(result)
        return dict(result)

    def _keep_refresh_token(self, result: dict[str, Any]) -> None:
        """Microsoft rotates refresh tokens: the newest one (from the answer, or from msal's
        cache after a silent renewal) is stored every time it changes."""
        token = result.get("refresh_token") or _cached_refresh_token(self._app)
        if token and store_refresh_token(self.config.refresh_token_file, str(token)):
            log.info("%s: stored the rotated refresh token", self.config.name)

    def _application(self) -> msal.ClientApplication:
        if self._app is None:
            self._app = build_application(self.config)
        return self._app


def build_application(config: OAuthConfig) -> msal.ClientApplication:
    """An msal application; discovery of the tenant happens here (network)."""
    common: dict[str, Any] = {
        "authority": config.authority, "validate_authority": False,
        "instance_discovery": False, "token_cache": msal.TokenCache(),
        "http_client": _HttpSession(config.ca_file, config.timeout_seconds)}
    credential = _credential(config)
    if credential is None:
        return msal.PublicClientApplication(config.client_id, **common)
    return msal.ConfidentialClientApplication(config.client_id, client_credential=credential,
                                              **common)


class _HttpSession(requests.Session):
    """msal's HTTP client: our CA file and timeout on every request (a plain Session lets
    REQUESTS_CA_BUNDLE override its ``verify``)."""

    def __init__(self, ca_file: str, timeout: float) -> None:
        super().__init__()
        self._verify: str | bool = ca_file or True
        self._timeout = timeout

    def request(self, method: Any, url: Any,  # type: ignore[override]
                *args: Any, **kwargs: Any) -> requests.Response:
        if self._verify is not True:
            kwargs["verify"] = self._verify
        kwargs.setdefault("timeout", self._timeout)
        return super().request(method, url, *args, **kwargs)


def _cached_refresh_token(app: msal.ClientApplication | None) -> str:
    if app is None:
        return ""
    for entry in app.token_cache.search(msal.TokenCache.CredentialType.REFRESH_TOKEN):
        return str(entry.get("secret", ""))
    return ""


def _credential(config: OAuthConfig) -> Any:
    if config.certificate_file:
        return read_certificate(config.name, config.certificate_file).msal_credential()
    return config.client_secret or None


def refusal_error(config: OAuthConfig, result: dict[str, Any]) -> OAuthError:
    code = str(result.get("error") or "unknown_error")
    detail = str(result.get("error_description") or "").splitlines()[0:1]
    text = detail[0].split(" Trace ID")[0][:200] if detail else ""
    if config.client_secret:
        text = text.replace(config.client_secret, "***")
    kind = CredentialsRejected if code in REJECTED else OAuthError
    return kind(f"{config.name}: token request refused ({code}){': ' + text if text else ''}")


_providers: dict[OAuthConfig, TokenProvider] = {}
_providers_lock = threading.Lock()


def token_provider(config: OAuthConfig) -> TokenProvider:
    """One provider (and one msal cache) per configuration for the whole process."""
    with _providers_lock:
        provider = _providers.get(config)
        if provider is None:
            provider = _providers[config] = TokenProvider(config)
        return provider


def with_token(provider: TokenProvider, attempt: Callable[[str], T],
               refused: tuple[type[BaseException], ...], what: str) -> T:
    """Log in with the cached token; a refused one is renewed once, then reported."""
    try:
        result = attempt(provider.token())
    except refused:
        log.info("%s refused the cached token; renewing it once", what)
        try:
            result = attempt(provider.renew())
        except refused as err:
            message = f"{provider.config.name}: {what} refused a fresh OAuth token " \
                      f"({type(err).__name__}); check the app's permissions for this mailbox"
            provider.report(message)
            raise LoginRefused(message) from err
    provider.report(None)
    return result

"""A local OAuth 2.0 authority written from the Microsoft identity platform's published
protocol (OpenID discovery, the v2.0 token endpoint: client credentials with a secret or a
certificate-signed JWT assertion, authorization code, refresh tokens that rotate) plus an
RFC 7662-style introspection endpoint for Dovecot's oauth2 passdb. Microsoft's cloud
cannot be reached from the tests; msal talks to this instead, over verified TLS."""

from __future__ import annotations

import secrets
import threading
import time
from dataclasses import dataclass, field

import jwt
from cryptography import x509

from servers.https import HttpsServer, LocalCertificate, Request, Response, json_response

ASSERTION_TYPE = "urn:ietf:params:oauth:client-assertion-type:jwt-bearer"


@dataclass
class Client:
    client_id: str
    secret: str = ""
    certificate_pem: bytes = b""
    mailbox: str = ""  # the mailbox this app may open (Add-MailboxPermission)
    token_lifetime: int = 3600


@dataclass
class Issued:
    client_id: str
    mailbox: str
    expires_at: float
    scope: str


@dataclass
class Identity:
    tenant: str
    server: HttpsServer = field(init=False)
    clients: dict[str, Client] = field(default_factory=dict)
    tokens: dict[str, Issued] = field(default_factory=dict)
    refresh_tokens: dict[str, str] = field(default_factory=dict)  # token -> client id
    codes: dict[str, str] = field(default_factory=dict)  # code -> client id
    requests: list[str] = field(default_factory=list)  # grant types asked for, in order
    lock: threading.Lock = field(default_factory=threading.Lock)

    @property
    def authority_host(self) -> str:
        return self.server.base

    @property
    def introspection_url(self) -> str:
        return f"{self.server.base}/introspect"

    def register(self, mailbox: str, *, secret: str = "", certificate_pem: bytes = b"",
                 lifetime: int = 3600) -> Client:
        client = Client(f"app-{secrets.token_hex(6)}", secret, certificate_pem, mailbox,
                        lifetime)
        self.clients[client.client_id] = client
        return client

    def revoke_tokens(self, client_id: str) -> None:
        """The server side forgets every access token of the client (msal still has them)."""
        with self.lock:
            for token in [t for t, issued in self.tokens.items() if issued.client_id == client_id]:
                del self.tokens[token]

    def issue_code(self, client_id: str) -> str:
        code = f"code-{secrets.token_hex(8)}"
        self.codes[code] = client_id
        return code

    def token_requests(self, client_id: str) -> int:
        return sum(1 for item in self.requests if item.endswith(client_id))

    def active(self, token: str, scope_part: str = "") -> Issued | None:
        with self.lock:
            issued = self.tokens.get(token)
        if issued is None or issued.expires_at < time.time():
            return None
        if scope_part and scope_part not in issued.scope:
            return None
        return issued

    # routes -------------------------------------------------------------------------
    def route(self, request: Request) -> Response:
        prefix = f"/{self.tenant}"
        if request.path == "/introspect":
            return self._introspect(request)
        if not request.path.startswith(prefix + "/"):
            return json_response(400, {"error": "invalid_tenant", "error_description":
                                       "AADSTS90002: Tenant not found."})
        if request.path.endswith("/.well-known/openid-configuration"):
            return json_response(200, self._discovery())
        if request.path == f"{prefix}/oauth2/v2.0/token" and request.method == "POST":
            return self._token(request.form())
        return json_response(404, {"error": "not_found"})

    def _discovery(self) -> dict[str, str]:
        base = f"{self.server.base}/{self.tenant}"
        return {"token_endpoint": f"{base}/oauth2/v2.0/token",
                "authorization_endpoint": f"{base}/oauth2/v2.0/authorize",
                "issuer": f"{base}/v2.0", "device_authorization_endpoint":
                f"{base}/oauth2/v2.0/devicecode"}

    def _token(self, form: dict[str, str]) -> Response:
        client = self.clients.get(form.get("client_id", ""))
        self.requests.append(f"{form.get('grant_type')}:{form.get('client_id')}")
        if client is None:
            return _error(400, "unauthorized_client", "AADSTS700016: Application with "
                          "identifier was not found in the directory.")
        if not self._client_authenticated(client, form):
            return _error(401, "invalid_client", "AADSTS7000215: Invalid client secret "
                          "provided.")
        grant = form.get("grant_type")
        if grant == "client_credentials":
            return json_response(200, self._access(client, form.get("scope", "")))
        if grant == "authorization_code":
            if self.codes.pop(form.get("code", ""), None) != client.client_id:
                return _error(400, "invalid_grant", "AADSTS70008: The provided "
                              "authorization code has expired.")
            return json_response(200, self._delegated(client, form.get("scope", "")))
        if grant == "refresh_token":
            if self.refresh_tokens.pop(form.get("refresh_token", ""), None) != client.client_id:
                return _error(400, "invalid_grant", "AADSTS700082: The refresh token has "
                              "expired due to inactivity.")
            return json_response(200, self._delegated(client, form.get("scope", "")))
        return _error(400, "unsupported_grant_type", "AADSTS70003: unsupported grant")

    def _client_authenticated(self, client: Client, form: dict[str, str]) -> bool:
        if form.get("client_assertion_type") == ASSERTION_TYPE and client.certificate_pem:
            key = x509.load_pem_x509_certificate(client.certificate_pem).public_key()
            try:
                jwt.decode(form.get("client_assertion", ""), key, algorithms=["RS256", "PS256"],
                           audience=self._discovery()["token_endpoint"])
            except jwt.PyJWTError:
                return False
            return True
        if not client.secret:  # a public client (delegated flow without a secret)
            return "client_secret" not in form
        return secrets.compare_digest(form.get("client_secret", ""), client.secret)

    def _access(self, client: Client, scope: str) -> dict[str, object]:
        token = f"at-{secrets.token_hex(16)}"
        with self.lock:
            self.tokens[token] = Issued(client.client_id, client.mailbox,
                                        time.time() + client.token_lifetime, scope)
        return {"token_type": "Bearer", "access_token": token,
                "expires_in": client.token_lifetime, "ext_expires_in": client.token_lifetime}

    def _delegated(self, client: Client, scope: str) -> dict[str, object]:
        refresh = f"rt-{secrets.token_hex(16)}"  # rotated on every use, as Entra ID does
        self.refresh_tokens[refresh] = client.client_id
        return dict(self._access(client, scope), refresh_token=refresh,
                    scope=scope.replace(" offline_access", ""))

    def _introspect(self, request: Request) -> Response:
        token = request.form().get("token", "")
        issued = self.active(token, "outlook.office365.com")
        if issued is None:
            return json_response(200, {"active": False})
        return json_response(200, {"active": True, "username": issued.mailbox,
                                   "client_id": issued.client_id})


def _error(status: int, code: str, description: str) -> Response:
    return json_response(status, {"error": code, "error_description":
                                  f"{description} Trace ID: 0000 Correlation ID: 0000",
                                  "error_codes": [int(description[6:].split(":")[0])]})


def start_identity(certificate: LocalCertificate, tenant: str = "contoso-tenant") -> Identity:
    identity = Identity(tenant)
    identity.server = HttpsServer(certificate, identity.route)
    return identity

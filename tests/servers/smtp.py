"""A real SMTP server (aiosmtpd) on 127.0.0.1 for the transport tests, with fault modes:
temporary (421/451) or permanent (550) replies to RCPT or DATA, a dropped connection after
DATA, STARTTLS, and AUTH with one known login."""

from __future__ import annotations

import json
import ssl
from base64 import b64decode
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from aiosmtpd.controller import Controller
from aiosmtpd.smtp import AuthResult, Envelope, LoginPassword

from servers.dovecot import free_port

REPLIES = {"451": "451 4.3.0 try again later", "421": "421 4.3.2 going down",
           "550": "550 5.1.1 no such user"}


@dataclass
class RecordingHandler:
    """Keeps every message; ``fail_next`` makes the next deliveries fail in one way."""

    messages: list[Envelope] = field(default_factory=list)
    peers: list[Any] = field(default_factory=list)  # the client end of each delivery
    fault: str = ""  # "" | "451" | "421" | "550" | "drop"
    faults_left: int = 0
    fault_at: str = "data"  # data | rcpt

    async def handle_RCPT(self, server: Any, session: Any, envelope: Envelope, address: str,
                          rcpt_options: list[str]) -> str:
        if self.fault_at == "rcpt" and self._take_fault():
            return REPLIES[self.fault]
        envelope.rcpt_tos.append(address)
        return "250 OK"

    async def handle_DATA(self, server: Any, session: Any, envelope: Envelope) -> str:
        if self.fault_at == "data" and self._take_fault():
            if self.fault == "drop":
                server.transport.close()  # the connection dies after DATA, before a reply
                return "250 never seen"
            return REPLIES[self.fault]
        self.messages.append(envelope)
        self.peers.append(session.peer)
        return "250 OK"

    def fail_next(self, fault: str, times: int = 1, at: str = "data") -> None:
        self.fault, self.faults_left, self.fault_at = fault, times, at

    def _take_fault(self) -> bool:
        if self.faults_left <= 0:
            return False
        self.faults_left -= 1
        return True


@dataclass
class XOAuth2Handler(RecordingHandler):
    """Also takes SASL XOAUTH2 (as Exchange Online does): ``check(user, token)`` decides;
    a refusal sends the error challenge first, then 535, as the mechanism prescribes."""

    check: Callable[[str, str], bool] = lambda user, token: False

    async def auth_XOAUTH2(self, server: Any, args: list[str]) -> AuthResult:
        blob = b64decode(args[1]) if len(args) > 1 else await server.challenge_auth("")
        if not isinstance(blob, bytes):
            return AuthResult(success=False)
        fields = dict(part.split("=", 1) for part in blob.decode().split("\x01") if "=" in part)
        user, token = fields.get("user", ""), fields.get("auth", "").removeprefix("Bearer ")
        if self.check(user, token):
            return AuthResult(success=True, auth_data=user)
        error = json.dumps({"status": "401", "schemes": "bearer", "scope": "SMTP.Send"})
        await server.challenge_auth(error)
        return AuthResult(success=False, handled=False,
                          message="535 5.7.3 Authentication unsuccessful")


@dataclass
class SmtpServer:
    controller: Controller
    handler: RecordingHandler
    port: int

    def stop(self) -> None:
        self.controller.stop()


def start_smtp(tls_context: ssl.SSLContext | None = None,
               login: tuple[str, str] | None = None,
               token_check: Callable[[str, str], bool] | None = None) -> SmtpServer:
    """Start on a free port. With ``login`` (or ``token_check``: XOAUTH2), AUTH is required
    (allowed without TLS: the connection never leaves 127.0.0.1)."""
    handler = RecordingHandler() if token_check is None else XOAuth2Handler(check=token_check)
    port = free_port()
    extra: dict[str, Any] = {}
    if login is not None or token_check is not None:
        extra = {"authenticator": _authenticator(*(login or ("", "-"))),
                 "auth_required": True, "auth_require_tls": False}
    controller = Controller(handler, hostname="127.0.0.1", port=port, tls_context=tls_context,
                            require_starttls=tls_context is not None, **extra)
    controller.start()
    return SmtpServer(controller, handler, port)


def _authenticator(user: str, password: str) -> Any:
    def check(server: Any, session: Any, envelope: Any, mechanism: str,
              auth_data: Any) -> AuthResult:
        ok = isinstance(auth_data, LoginPassword) and auth_data.login == user.encode() \
            and auth_data.password == password.encode()
        return AuthResult(success=ok, handled=False)
    return check

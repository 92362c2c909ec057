"""A real SMTP server (aiosmtpd) on 127.0.0.1 for the transport tests, with fault modes:
temporary (421/451) or permanent (550) replies, a dropped connection after DATA, STARTTLS."""

from __future__ import annotations

import ssl
from dataclasses import dataclass, field
from typing import Any

from aiosmtpd.controller import Controller
from aiosmtpd.smtp import Envelope

from servers.dovecot import free_port


@dataclass
class RecordingHandler:
    """Keeps every message; ``fault`` makes the next deliveries fail in one way."""

    messages: list[Envelope] = field(default_factory=list)
    fault: str = ""  # "" | "451" | "421" | "550" | "drop"
    faults_left: int = 0

    async def handle_DATA(self, server: Any, session: Any, envelope: Envelope) -> str:
        if self.faults_left > 0:
            self.faults_left -= 1
            if self.fault == "drop":
                server.transport.close()  # the connection dies after DATA, before a reply
                return "250 never seen"
            return {"451": "451 4.3.0 try again later", "421": "421 4.3.2 going down",
                    "550": "550 5.1.1 no such user"}[self.fault]
        self.messages.append(envelope)
        return "250 OK"

    def fail_next(self, fault: str, times: int = 1) -> None:
        self.fault, self.faults_left = fault, times


@dataclass
class SmtpServer:
    controller: Controller
    handler: RecordingHandler
    port: int

    def stop(self) -> None:
        self.controller.stop()


def start_smtp(tls_context: ssl.SSLContext | None = None) -> SmtpServer:
    handler = RecordingHandler()
    port = free_port()
    controller = Controller(handler, hostname="127.0.0.1", port=port,
                            tls_context=tls_context, require_starttls=tls_context is not None)
    controller.start()
    return SmtpServer(controller, handler, port)

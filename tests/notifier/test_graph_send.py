"""Sending through Graph sendMail (smtp.transport = "graph") against the local Graph service:
the outbox's bytes arrive unchanged (base64 MIME), throttling is waited out, an outage or a
refused login keeps the message queued, a rejected message fails for good."""

from __future__ import annotations

import email
from collections.abc import Iterator
from datetime import datetime

import pytest
from servers.graph import GraphMail, start_graph
from servers.https import LocalCertificate
from servers.identity import Identity
from sqlalchemy.orm import Session, sessionmaker

from config.settings import Settings
from intake.app import App
from notifier.compose import compose_message
from notifier.graph_transport import GraphTransport, with_envelope
from notifier.outbox import enqueue
from notifier.sender import flush_outbox
from registry.db import transaction
from registry.models import OutboxMessage

NOW = datetime(2026, 12, 2, 12, 0)
SENDER = "functional.coordination@example.org"


@pytest.fixture
def graph(identity: Identity, local_tls: LocalCertificate) -> Iterator[GraphMail]:
    server = start_graph(local_tls, identity, SENDER)
    yield server
    server.server.stop()


@pytest.fixture
def settings(graph: GraphMail, identity: Identity, local_tls: LocalCertificate,
             db_url: str) -> Settings:
    client = identity.register(SENDER, secret="send-secret")
    return Settings().replace(
        database={"url": db_url}, smtp={"transport": "graph", "from_address": SENDER},
        graph={"tenant_id": identity.tenant, "client_id": client.client_id,
               "client_secret": "send-secret", "authority_host": identity.authority_host,
               "oauth_ca_file": str(local_tls.ca), "base_url": graph.base_url,
               "ca_file": str(local_tls.ca), "max_retry_after_seconds": 1, "max_retries": 2})


def queue(factory: sessionmaker[Session], recipient: str = "provider@clinic.example") -> int:
    raw = compose_message(sender=SENDER, sender_name="FC", recipient=recipient,
                          subject="Received [FC-1]", text="Body", html="<p>Body</p>",
                          message_id="<ack-1@rpa.example>", date=NOW)
    with transaction(factory) as session:
        return enqueue(session, kind="ack", recipient=recipient, subject="Received",
                       raw=raw, message_id="<ack-1@rpa.example>", now=NOW).id


def status(factory: sessionmaker[Session], row_id: int) -> str:
    with factory() as session:
        row = session.get(OutboxMessage, row_id)
        assert row is not None
        return row.status


@pytest.mark.parametrize("db_url", ["sqlite"], indirect=True)
def test_outbox_sends_through_graph(graph: GraphMail, settings: Settings,
                                    session_factory: sessionmaker[Session]) -> None:
    row = queue(session_factory)
    graph.throttle_next(1, retry_after=1)
    app = App(settings, migrate=False)
    assert isinstance(app.transport, GraphTransport)
    report = flush_outbox(session_factory, app.transport, now=NOW, settings=settings)
    assert report.sent == 1 and status(session_factory, row) == "sent"
    sent = email.message_from_bytes(graph.sent[0])
    assert sent["Message-ID"] == "<ack-1@rpa.example>" and sent["To"].endswith(
        "provider@clinic.example")


@pytest.mark.parametrize("db_url", ["sqlite"], indirect=True)
def test_outage_and_refused_access_keep_the_message(graph: GraphMail, settings: Settings,
                                                    identity: Identity,
                                                    session_factory: sessionmaker[Session]
                                                    ) -> None:
    row = queue(session_factory)
    transport = GraphTransport(settings.graph)
    graph.throttle_next(10, retry_after=0)
    assert flush_outbox(session_factory, transport, now=NOW, settings=settings).retried == 1
    graph.throttle_next(0)
    identity.clients[settings.graph.client_id].mailbox = "other@example.org"
    later = NOW.replace(hour=13)
    assert flush_outbox(session_factory, transport, now=later, settings=settings).retried == 1
    assert status(session_factory, row) == "queued" and not graph.sent


def test_envelope_recipients_missing_from_the_headers_become_bcc() -> None:
    raw = b"From: a@x.example\r\nTo: b@x.example\r\nSubject: s\r\n\r\nbody\r\n"
    assert with_envelope(raw, ["b@x.example"]) == raw
    assert with_envelope(raw, ["B@x.example", "c@x.example"]).startswith(b"Bcc: c@x.example\r\n")

"""The Graph mail source against the local Graph service (HTTPS, tokens from the local
authority through real msal): the same exactly-once rules as IMAP (a crash at any step,
then a clean run: nothing lost, nothing twice), paging, throttling, an expired delta token,
oversized mail, and refused access reported in one line."""

from __future__ import annotations

import time
from collections.abc import Iterator
from pathlib import Path

import pytest
from graph_helpers import MAILBOX, counts, graph_settings
from mail_samples import big, plain, with_form
from servers.graph import GraphMail, start_graph
from servers.https import LocalCertificate
from servers.identity import Identity

from config.settings import Settings
from intake.context import CRASH_STEPS, SimulatedCrash, build_context
from intake.graph_source import GraphSource
from intake.mailbox import MailboxAuthError, MailboxError, open_source
from intake.poll import poll_once
from registry.db import make_engine, make_session_factory


@pytest.fixture
def graph(identity: Identity, local_tls: LocalCertificate) -> Iterator[GraphMail]:
    server = start_graph(local_tls, identity, MAILBOX)
    yield server
    server.server.stop()


@pytest.fixture
def settings(graph: GraphMail, identity: Identity, local_tls: LocalCertificate, db_url: str,
             tmp_path: Path) -> Settings:
    client = identity.register(MAILBOX, secret=f"graph-secret-{time.monotonic_ns()}")
    base = Settings().replace(
        database={"url": db_url},
        mailbox={"batch_size": 3, "max_message_bytes": 200_000},
        smtp={"outbox_dir": str(tmp_path / "outbox")},
        acknowledgment={"signing_key": "test-key"})
    return graph_settings(base, graph, identity, local_tls, client)


def poll(settings: Settings, source: GraphSource | None = None, **ctx: object):  # type: ignore[no-untyped-def]
    engine = make_engine(settings.database.url)
    context = build_context(settings, isolate=False, **ctx)  # type: ignore[arg-type]
    try:
        if source is not None:
            return poll_once(make_session_factory(engine), source, context,
                             now_fn=_now)
        with open_source(settings) as opened:
            return poll_once(make_session_factory(engine), opened, context, now_fn=_now)
    finally:
        engine.dispose()


def _now():  # type: ignore[no-untyped-def]
    from intake.clock import utcnow

    return utcnow()


@pytest.mark.parametrize("db_url", ["sqlite"], indirect=True)
def test_backlog_over_several_pages_is_filed_once_and_moved(graph: GraphMail,
                                                            settings: Settings) -> None:
    graph.deliver(*(with_form(n) if n % 3 == 0 else plain(n) for n in range(1, 8)))
    report = poll(settings)
    assert (report.filed, report.moved) == (7, 7)
    assert graph.count("Inbox") == 0 and graph.count("Processed") == 7
    assert counts(settings) == (7, 7)
    assert sum("delta" in line for line in graph.requests) >= 3  # 7 messages, 3 a page
    assert poll(settings).seen == 0


@pytest.mark.parametrize("step", CRASH_STEPS)
def test_crash_then_clean_run_loses_nothing_and_repeats_nothing(graph: GraphMail,
                                                                settings: Settings,
                                                                step: str) -> None:
    graph.deliver(with_form(1), plain(2))
    with pytest.raises(SimulatedCrash):
        poll(settings, crash_at=step)
    poll(settings)
    assert counts(settings) == (2, 2)
    assert graph.count("Inbox") == 0 and graph.count("Processed") == 2


@pytest.mark.parametrize("db_url", ["sqlite"], indirect=True)
def test_the_delta_link_waits_for_every_message_of_its_round(graph: GraphMail,
                                                             settings: Settings) -> None:
    """A crash or stop inside a round on a connection that lives on: the next round lists
    the unfinished messages again instead of skipping past them."""
    graph.deliver(plain(1), plain(2), plain(3))
    with open_source(settings) as source:
        assert isinstance(source, GraphSource)
        with pytest.raises(SimulatedCrash):
            poll(settings, source, crash_at="before_move")
        graph.deliver(plain(4))
        report = poll(settings, source)
        assert report.moved == 4 and report.already == 1
        assert poll(settings, source).seen == 0  # now the delta link moved on
    assert counts(settings) == (4, 4) and graph.count("Processed") == 4


@pytest.mark.parametrize("db_url", ["sqlite"], indirect=True)
def test_expired_delta_token_starts_a_full_round(graph: GraphMail, settings: Settings,
                                                 caplog: pytest.LogCaptureFixture) -> None:
    graph.deliver(plain(1), plain(2))
    with open_source(settings) as source:
        assert poll(settings, source).filed == 2
        graph.deliver(plain(3), plain(4))
        graph.expire_delta_tokens()
        assert poll(settings, source).filed == 2
    assert "delta token" in caplog.text and counts(settings) == (4, 4)
    assert any("410" in line or "delta" in line for line in graph.requests)


@pytest.mark.parametrize("db_url", ["sqlite"], indirect=True)
def test_throttling_is_waited_out(graph: GraphMail, settings: Settings) -> None:
    graph.deliver(plain(1))
    graph.throttle_next(2, retry_after=1)
    started = time.monotonic()
    assert poll(settings).filed == 1
    assert time.monotonic() - started >= 1.9  # Retry-After honoured twice


@pytest.mark.parametrize("db_url", ["sqlite"], indirect=True)
def test_throttled_too_long_is_a_mailbox_error_and_nothing_is_lost(graph: GraphMail,
                                                                   settings: Settings) -> None:
    graph.deliver(plain(1))
    throttled = settings.replace(graph={"max_retries": 2})
    graph.throttle_next(50, retry_after=0)
    with pytest.raises(MailboxError, match="429"):
        poll(throttled)
    graph.throttle_next(0)
    assert poll(settings).filed == 1 and counts(settings) == (1, 1)


@pytest.mark.parametrize("db_url", ["sqlite"], indirect=True)
def test_oversized_mail_is_quarantined_without_download(graph: GraphMail,
                                                        settings: Settings) -> None:
    graph.deliver(big(1, 300_000), plain(2))
    report = poll(settings)
    assert report.quarantined == 1 and report.filed == 1
    assert graph.count("Quarantine") == 1 and graph.count("Processed") == 1
    assert sum(line.endswith("/$value") for line in graph.requests) == 1


@pytest.mark.parametrize("db_url", ["sqlite"], indirect=True)
def test_access_policy_refusal_is_one_line(graph: GraphMail, settings: Settings,
                                           identity: Identity) -> None:
    client = identity.clients[settings.graph.client_id]
    client.mailbox = "someone.else@example.org"  # the access policy leaves our mailbox out
    with pytest.raises(MailboxAuthError) as caught:
        poll(settings)
    assert "403" in str(caught.value) and "\n" not in str(caught.value)


@pytest.mark.parametrize("db_url", ["sqlite"], indirect=True)
def test_revoked_secret_is_one_line_without_the_secret(graph: GraphMail,
                                                       settings: Settings) -> None:
    revoked = settings.replace(graph={"client_secret": "old-secret-value"})
    with pytest.raises(MailboxAuthError) as caught:
        poll(revoked)
    message = str(caught.value)
    assert "invalid_client" in message and "old-secret-value" not in message


@pytest.mark.parametrize("db_url", ["sqlite"], indirect=True)
def test_secret_revoked_while_running_is_recorded_and_alerted(
        graph: GraphMail, settings: Settings, identity: Identity,
        caplog: pytest.LogCaptureFixture) -> None:
    from datetime import timedelta

    from sqlalchemy import select

    from intake.app import App
    from intake.clock import utcnow
    from intake.health import check_alerts, health_status
    from registry.db import transaction
    from registry.models import OutboxMessage

    app = App(settings.replace(service={"poll_interval_seconds": 1}), migrate=False)
    try:
        graph.deliver(plain(1))
        assert poll_once(app.sessions, GraphSource(app.settings.graph, app.settings.mailbox),
                         app.context, now_fn=utcnow).filed == 1
        client = identity.clients[settings.graph.client_id]
        client.secret = "rotated-by-someone"  # our secret was deleted in Entra ID
        identity.revoke_tokens(client.client_id)
        graph.deliver(plain(2))
        with pytest.raises(MailboxAuthError), open_source(app.settings) as source:
            poll_once(app.sessions, source, app.context, now_fn=utcnow)
        later = utcnow() + timedelta(minutes=2)
        with transaction(app.sessions) as session:
            check_alerts(session, now=later, settings=app.settings)
            assert not health_status(session, now=later, settings=app.settings).ok
            subjects = list(session.scalars(select(OutboxMessage.subject)
                                            .where(OutboxMessage.kind == "alert")))
        assert subjects == ["rpa-intake: the graph login to Microsoft 365 is failing"]
        assert settings.graph.client_secret not in caplog.text
        assert "Traceback" not in caplog.text
    finally:
        app.close()

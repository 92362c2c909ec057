"""Stored messages are work any instance may take (PostgreSQL): reading leases taken with
SKIP LOCKED, a poller that waits for what another instance is reading and takes over a
lease that ran out, and a standing-by instance that files what the poller stored."""

from __future__ import annotations

import threading
from collections.abc import Iterator
from datetime import datetime, timedelta

import pytest
from intake_helpers import deliver, folder_count
from mail_samples import plain, with_form
from servers.dovecot import Dovecot
from sqlalchemy import func, select, update
from sqlalchemy.orm import Session, sessionmaker

from config.settings import Settings
from intake.context import IntakeContext, build_context
from intake.leases import Leases, leases_for
from intake.mailbox import open_source
from intake.pipeline import process_stored, store_message
from intake.poll import poll_once
from intake.reading_help import help_with_reading
from parsers.reader_pool import ReaderPool
from registry.db import make_engine, make_session_factory, transaction
from registry.models import MSG_FILED, OutboxMessage, RawMessage, Submission
from registry.reading_leases import Lease, lease_these, lease_waiting, leased_elsewhere

NOW = datetime(2026, 11, 23, 12, 0)
POSTGRES_ONLY = [pytest.param("postgres", marks=pytest.mark.postgres)]


@pytest.fixture
def factory(db_url: str) -> Iterator[sessionmaker[Session]]:
    engine = make_engine(db_url)
    yield make_session_factory(engine)
    engine.dispose()


def stored(factory: sessionmaker[Session], *raws: bytes) -> list[int]:
    ids = [store_message(factory, raw, mailbox="test", now=NOW) for raw in raws]
    assert all(isinstance(item, int) for item in ids)
    return ids  # type: ignore[return-value]


def lease(owner: str, *, seconds: int = 60, now: datetime = NOW) -> Lease:
    return Lease(owner, now, now + timedelta(seconds=seconds))


def count(factory: sessionmaker[Session], model: type, *where: object) -> int:
    with factory() as session:
        return session.scalar(select(func.count()).select_from(model).where(*where)) or 0


@pytest.mark.parametrize("db_url", POSTGRES_ONLY, indirect=True)
def test_a_lease_is_one_instances_until_it_runs_out(factory: sessionmaker[Session]) -> None:
    first, second = stored(factory, plain(1), plain(2))
    with transaction(factory) as session:
        assert lease_these(session, [first], lease("a")) == [first]
    with transaction(factory) as session:
        assert lease_these(session, [first], lease("b")) == []  # a holds it
        assert lease_these(session, [first], lease("a")) == [first]  # a's own, renewed
        assert leased_elsewhere(session, [first, second], lease("b")) == [first]
    later = NOW + timedelta(seconds=61)
    with transaction(factory) as session:  # a's lease ran out: free for anyone
        assert lease_these(session, [first], lease("b", now=later)) == [first]
        assert lease_waiting(session, lease("c", now=later), limit=5) == [second]


@pytest.mark.parametrize("db_url", POSTGRES_ONLY, indirect=True)
def test_two_instances_leasing_at_once_never_share_a_message(
        factory: sessionmaker[Session]) -> None:
    ids = stored(factory, *(plain(n) for n in range(1, 7)))
    holding = factory()  # a's transaction is still open: its rows stay locked
    taken_by_a = lease_waiting(holding, lease("a"), limit=3)
    with transaction(factory) as session:
        taken_by_b = lease_waiting(session, lease("b"), limit=6)  # skips, never waits
    holding.commit()
    holding.close()
    assert sorted(taken_by_a + taken_by_b) == ids
    assert taken_by_a == ids[:2:-1]  # the newest end of the backlog first


@pytest.mark.parametrize("db_url", POSTGRES_ONLY, indirect=True)
def test_sqlite_or_share_reading_off_writes_no_lease(factory: sessionmaker[Session]) -> None:
    settings = Settings().replace(mailbox={"share_reading": False})
    leases = leases_for(factory, settings, lambda: NOW)
    assert not leases.shared and leases.take(12345) and leases.take_waiting(5) == []


def poll(factory: sessionmaker[Session], settings: Settings, ctx: IntakeContext,
         now_fn=lambda: NOW):  # type: ignore[no-untyped-def]
    with open_source(settings) as source:
        return poll_once(factory, source, ctx, now_fn=now_fn)


@pytest.mark.imap
@pytest.mark.parametrize("db_url", POSTGRES_ONLY, indirect=True)
def test_the_poller_moves_what_another_instance_filed(
        dovecot: Dovecot, imap_user: str, imap_settings: Settings, ctx: IntakeContext,
        factory: sessionmaker[Session]) -> None:
    messages = [plain(1), with_form(2), plain(3)]
    deliver(dovecot, imap_user, *messages)
    theirs = stored(factory, messages[1])[0]
    with transaction(factory) as session:  # another instance is reading it right now
        lease_these(session, [theirs], lease("other"))
    other = threading.Timer(1.0, lambda: process_stored(factory, theirs, ctx, now=NOW))
    other.start()
    report = poll(factory, imap_settings, ctx)
    other.join()
    assert (report.filed, report.elsewhere, report.moved) == (2, 1, 3)
    assert count(factory, Submission) == 3 and count(factory, OutboxMessage) == 3
    assert folder_count(dovecot, imap_user, "INBOX") == 0


@pytest.mark.imap
@pytest.mark.parametrize("db_url", POSTGRES_ONLY, indirect=True)
def test_a_lease_that_runs_out_is_taken_over_by_the_poller(
        dovecot: Dovecot, imap_user: str, imap_settings: Settings, ctx: IntakeContext,
        factory: sessionmaker[Session]) -> None:
    messages = [plain(1), plain(2)]
    deliver(dovecot, imap_user, *messages)
    theirs = stored(factory, messages[0])[0]
    clock = [NOW]
    with transaction(factory) as session:  # an instance that leased it, then died
        lease_these(session, [theirs], lease("dead", seconds=2))

    def now_fn() -> datetime:  # the poller's clock moves on while it waits
        clock[0] += timedelta(seconds=0.5)
        return clock[0]

    report = poll(factory, imap_settings, ctx, now_fn)
    assert (report.filed, report.elsewhere, report.moved) == (2, 0, 2)
    assert count(factory, RawMessage, RawMessage.status == MSG_FILED) == 2


@pytest.mark.imap
@pytest.mark.parametrize("db_url", POSTGRES_ONLY, indirect=True)
def test_an_instance_standing_by_files_what_the_poller_stored(
        imap_settings: Settings, factory: sessionmaker[Session]) -> None:
    ids = stored(factory, *(with_form(n) for n in range(1, 5)))
    with transaction(factory) as session:  # the poller has the first one in hand
        lease_these(session, ids[:1], lease("poller"))
    ctx = build_context(imap_settings, isolate=False)
    leases = leases_for(factory, imap_settings, lambda: NOW)
    assert isinstance(leases, Leases) and leases.shared
    with ReaderPool(ctx.definitions, ctx.limits, workers=2, isolate=False) as readers:
        filed = help_with_reading(factory, ctx, readers, leases, seconds=3,
                                  stop=threading.Event(), now_fn=lambda: NOW)
    assert filed == 3
    with factory() as session:
        waiting = session.scalars(select(RawMessage.id).where(RawMessage.status != MSG_FILED))
        assert list(waiting) == ids[:1]
    with transaction(factory) as session:  # a message the helper filed is not leased again
        session.execute(update(RawMessage).values(lease_until=None))
        assert lease_waiting(session, lease("x"), limit=9) == ids[:1]

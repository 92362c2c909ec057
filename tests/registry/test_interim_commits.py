"""Interim commits (issue 15, throughput): storing a message and counting its attempt are
committed without waiting for the disk; the filing's commit, which the mailbox move and the
acknowledgment wait for, is durable and carries them to disk with it."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import Engine, event, select
from sqlalchemy.orm import Session, sessionmaker

from config.settings import Settings
from formgen.mail import build_email
from intake.context import build_context
from intake.pipeline import take_message
from registry.db import transaction
from registry.models import MailboxState

NOW = datetime(2026, 12, 3, 9, 0)


def sync_setting(session: Session) -> str:
    name = session.get_bind().dialect.name
    query = "SHOW synchronous_commit" if name == "postgresql" else "PRAGMA synchronous"
    return str(session.connection().exec_driver_sql(query).scalar())


DURABLE = {"on", "2"}  # PostgreSQL's default, SQLite's FULL
INTERIM = {"off", "1"}  # synchronous_commit off, SQLite's NORMAL


def test_an_interim_commit_is_seen_at_once_and_the_next_transaction_is_durable_again(
        session_factory: sessionmaker[Session]) -> None:
    with transaction(session_factory, durable=False) as session:
        assert sync_setting(session) in INTERIM
        session.add(MailboxState(mailbox="interim", last_uid=7))
    with session_factory() as other:  # committed: another session reads it
        assert other.scalars(select(MailboxState.last_uid)
                             .where(MailboxState.mailbox == "interim")).one() == 7
    with transaction(session_factory) as session:
        assert sync_setting(session) in DURABLE


def test_an_interim_transaction_that_fails_leaves_durable_commits_behind(
        session_factory: sessionmaker[Session]) -> None:
    try:
        with transaction(session_factory, durable=False) as session:
            session.add(MailboxState(mailbox="interim", last_uid=1))
            raise RuntimeError("boom")
    except RuntimeError:
        pass
    with transaction(session_factory) as session:
        assert sync_setting(session) in DURABLE
        assert session.scalars(select(MailboxState)).all() == []


def test_storing_and_counting_are_interim_and_filing_is_durable(
        engine: Engine, session_factory: sessionmaker[Session]) -> None:
    """The order of a message's commits: store, attempt (interim), file (durable)."""
    ctx = build_context(Settings().replace(
        database={"url": engine.url.render_as_string(hide_password=False)},
        acknowledgment={"signing_key": "sixteen-char-key"}), isolate=False)
    commits: list[str] = []
    interim = [False]

    @event.listens_for(engine, "before_cursor_execute")
    def _on_execute(_conn: object, _cursor: object, statement: str, *_args: object) -> None:
        if statement.startswith(("PRAGMA synchronous=NORMAL", "SET LOCAL synchronous_commit")):
            interim[0] = True

    @event.listens_for(engine, "commit")
    def _on_commit(_connection: object) -> None:
        commits.append("interim" if interim[0] else "durable")
        interim[0] = False

    raw = build_email(sender="Ann <ann@clinic.example>", to="fc@example.org",
                      subject="A question", body="How do I register a bot?",
                      message_id="q1@clinic.example")
    assert take_message(session_factory, raw, ctx, mailbox="t", now=NOW).status == "filed"
    assert commits == ["interim", "interim", "durable"]


"""Exactly-once intake against a real Dovecot: backlog, re-polls, \\Seen mail, dropped
connections, UIDVALIDITY changes, crashes before and after the commit, poison and oversized
messages, TLS."""

from __future__ import annotations

import email
import email.policy
import re
from collections.abc import Iterator, Sequence
from datetime import datetime
from pathlib import Path

import pytest
from intake_helpers import deliver, folder_count
from mail_samples import big, plain, with_form
from servers.dovecot import Dovecot
from sqlalchemy import func, select
from sqlalchemy.orm import Session, sessionmaker

from config.settings import Settings
from intake.context import IntakeContext, SimulatedCrash, build_context
from intake.imap_source import ImapSource
from intake.mailbox import MailboxError, MessageRef, open_source
from intake.poll import poll_once
from registry.db import make_engine, make_session_factory
from registry.models import OutboxMessage, QuarantineEntry, RawMessage, Submission

NOW = datetime(2026, 11, 23, 12, 0)
OVERSIZED = Path(__file__).resolve().parents[1] / "data" / "intake" / "oversized_scan.eml"

pytestmark = pytest.mark.imap


@pytest.fixture
def factory(imap_settings: Settings) -> Iterator[sessionmaker[Session]]:
    engine = make_engine(imap_settings.database.url)
    yield make_session_factory(engine)
    engine.dispose()


def poll(factory: sessionmaker[Session], settings: Settings, ctx: IntakeContext):  # type: ignore[no-untyped-def]
    with open_source(settings) as source:
        return poll_once(factory, source, ctx, now_fn=lambda: NOW)


def count(factory: sessionmaker[Session], model: type) -> int:
    with factory() as session:
        return session.scalar(select(func.count()).select_from(model)) or 0


def message_ids(factory: sessionmaker[Session]) -> list[str]:
    with factory() as session:
        return sorted(session.scalars(select(RawMessage.message_id)))


def test_backlog_is_filed_once_and_moved(dovecot: Dovecot, imap_user: str,
                                         imap_settings: Settings, ctx: IntakeContext,
                                         factory: sessionmaker[Session]) -> None:
    deliver(dovecot, imap_user, *(plain(n) for n in range(1, 6)), with_form(6),
            plain(7, **{"Auto-Submitted": "auto-replied"}))
    report = poll(factory, imap_settings, ctx)
    assert (report.seen, report.filed, report.moved) == (7, 7, 7)
    assert count(factory, Submission) == 7
    assert folder_count(dovecot, imap_user, "INBOX") == 0
    assert folder_count(dovecot, imap_user, "Processed") == 7
    again = poll(factory, imap_settings, ctx)
    assert (again.seen, again.filed) == (0, 0)
    assert count(factory, Submission) == 7


def test_mail_a_person_already_read_is_filed(dovecot: Dovecot, imap_user: str,
                                             imap_settings: Settings, ctx: IntakeContext,
                                             factory: sessionmaker[Session]) -> None:
    deliver(dovecot, imap_user, plain(1), plain(2), flags=(b"\\Seen",))
    assert poll(factory, imap_settings, ctx).filed == 2


@pytest.mark.parametrize("step", ["before_commit", "before_move"])
def test_crash_then_clean_run_loses_nothing_and_repeats_nothing(
        step: str, dovecot: Dovecot, imap_user: str, imap_settings: Settings,
        factory: sessionmaker[Session]) -> None:
    deliver(dovecot, imap_user, *(plain(n) for n in range(1, 5)))
    crashing = build_context(imap_settings, isolate=False, crash_at=step)
    with pytest.raises(SimulatedCrash):
        poll(factory, imap_settings, crashing)
    assert folder_count(dovecot, imap_user, "INBOX") == 4  # nothing moved before the commit
    poll(factory, imap_settings, build_context(imap_settings, isolate=False))
    assert count(factory, Submission) == 4
    assert message_ids(factory) == sorted(f"plain-{n}@test.example" for n in range(1, 5))
    assert folder_count(dovecot, imap_user, "INBOX") == 0
    assert folder_count(dovecot, imap_user, "Processed") == 4


def test_connection_dropped_mid_fetch(dovecot: Dovecot, imap_user: str,
                                      imap_settings: Settings, ctx: IntakeContext,
                                      factory: sessionmaker[Session],
                                      monkeypatch: pytest.MonkeyPatch) -> None:
    deliver(dovecot, imap_user, *(plain(n) for n in range(1, 8)))
    original = ImapSource.fetch

    def fetch_then_kick(self: ImapSource,
                        refs: Sequence[MessageRef]) -> Iterator[tuple[MessageRef, bytes]]:
        for number, item in enumerate(original(self, refs)):
            yield item
            if number == 1:
                dovecot.doveadm("kick", imap_user)

    monkeypatch.setattr(ImapSource, "fetch", fetch_then_kick)
    with pytest.raises(MailboxError):
        poll(factory, imap_settings, ctx)
    monkeypatch.setattr(ImapSource, "fetch", original)
    poll(factory, imap_settings, ctx)
    assert count(factory, Submission) == 7
    assert folder_count(dovecot, imap_user, "INBOX") == 0


def test_uidvalidity_change_rescans_without_duplicates(
        dovecot: Dovecot, imap_user: str, imap_settings: Settings,
        factory: sessionmaker[Session], caplog: pytest.LogCaptureFixture) -> None:
    deliver(dovecot, imap_user, *(plain(n) for n in range(1, 4)))
    with pytest.raises(SimulatedCrash):  # filed, but still in INBOX
        poll(factory, imap_settings, build_context(imap_settings, isolate=False,
                                                   crash_at="before_move"))
    dovecot.doveadm("mailbox", "update", "--uid-validity", "1234567", "-u", imap_user, "INBOX")
    deliver(dovecot, imap_user, plain(4))
    report = poll(factory, imap_settings, build_context(imap_settings, isolate=False))
    assert "UIDVALIDITY" in caplog.text
    assert count(factory, Submission) == 4
    # the crash came at the first MOVE: one message was filed and stayed in INBOX
    assert (report.already, report.filed) == (1, 3)
    assert folder_count(dovecot, imap_user, "INBOX") == 0


def test_poison_message_is_quarantined_and_the_rest_go_through(
        dovecot: Dovecot, imap_user: str, imap_settings: Settings, ctx: IntakeContext,
        factory: sessionmaker[Session], monkeypatch: pytest.MonkeyPatch) -> None:
    import intake.pipeline

    real = intake.pipeline.file_message

    def poisoned(session, raw_message_id, read, *args, **kwargs):  # type: ignore[no-untyped-def]
        if read.email.message_id == "plain-2@test.example":
            raise ValueError("a parser bug this message triggers")
        return real(session, raw_message_id, read, *args, **kwargs)

    monkeypatch.setattr(intake.pipeline, "file_message", poisoned)
    deliver(dovecot, imap_user, plain(1), plain(2), plain(3))
    report = poll(factory, imap_settings, ctx)
    assert (report.filed, report.quarantined) == (2, 1)
    assert folder_count(dovecot, imap_user, "Quarantine") == 1
    assert folder_count(dovecot, imap_user, "Processed") == 2
    with factory() as session:
        entry = session.scalars(select(QuarantineEntry)).one()
        assert "a parser bug" in entry.reason and "ValueError" in (entry.traceback or "")
        assert entry.raw_message_id is not None  # the bytes are kept for a retry


def test_oversized_mail_is_quarantined_without_download(
        dovecot: Dovecot, imap_user: str, imap_settings: Settings, ctx: IntakeContext,
        factory: sessionmaker[Session]) -> None:
    deliver(dovecot, imap_user, plain(1), big(2, 300_000))
    report = poll(factory, imap_settings, ctx)
    assert (report.filed, report.quarantined) == (1, 1)
    with factory() as session:
        entry = session.scalars(select(QuarantineEntry)).one()
        assert entry.raw_message_id is None and "too large" in entry.reason
        assert entry.subject == "Big 2"
        from registry.models import OutboxMessage

        notice = session.scalars(select(OutboxMessage)
                                 .where(OutboxMessage.recipient == "big@example.net")).one()
        assert notice.status == "queued" and b"larger than" in (notice.raw or b"")
    assert count(factory, RawMessage) == 1
    assert folder_count(dovecot, imap_user, "Quarantine") == 1


@pytest.mark.parametrize("failure", ["crash", "dropped", "dropped_then_uidvalidity"])
def test_oversized_mail_is_quarantined_and_told_once_when_the_move_fails(
        failure: str, dovecot: Dovecot, imap_user: str, imap_settings: Settings,
        factory: sessionmaker[Session], monkeypatch: pytest.MonkeyPatch) -> None:
    """The quarantine entry and the notice are committed, then the process dies (or the
    connection drops) before the MOVE: the next run moves the message and adds nothing,
    keyed on (UIDVALIDITY, UID), or on the Message-ID once the UIDVALIDITY changed."""
    settings = imap_settings.replace(mailbox={"max_message_bytes": 20_000})
    deliver(dovecot, imap_user, OVERSIZED.read_bytes())
    real_move = ImapSource.move_quarantine
    if failure == "crash":
        ctx = build_context(settings, isolate=False, crash_at="before_move")
    else:
        ctx = build_context(settings, isolate=False)

        def dropped(self: ImapSource, ref: MessageRef) -> None:
            raise MailboxError("connection dropped at MOVE")

        monkeypatch.setattr(ImapSource, "move_quarantine", dropped)
    with pytest.raises((SimulatedCrash, MailboxError)):
        poll(factory, settings, ctx)
    assert folder_count(dovecot, imap_user, "INBOX") == 1
    monkeypatch.setattr(ImapSource, "move_quarantine", real_move)
    if failure == "dropped_then_uidvalidity":
        dovecot.doveadm("mailbox", "update", "--uid-validity", "7654321", "-u", imap_user,
                        "INBOX")
    report = poll(factory, settings, build_context(settings, isolate=False))
    assert (report.seen, report.quarantined, report.moved) == (1, 1, 1)
    assert folder_count(dovecot, imap_user, "INBOX") == 0
    assert folder_count(dovecot, imap_user, "Quarantine") == 1
    with factory() as session:
        entry = session.scalars(select(QuarantineEntry)).one()
        assert entry.message_id == "oversized-scan-1@harborclinic.example"
        notices = session.scalars(select(OutboxMessage).where(
            OutboxMessage.recipient == "robert.lee@harborclinic.example")).all()
        assert len(notices) == 1 and b"larger than" in (notices[0].raw or b"")
        # an acknowledgment like any other: a [REF] to reply to, text and HTML (issue #10)
        told = email.message_from_bytes(notices[0].raw or b"", policy=email.policy.default)
        assert re.match(r"^\[FC-\d{4}-\d{6}-\d\] ", told["Subject"])
        assert told.get_body(("plain",)) is not None and told.get_body(("html",)) is not None
        assert session.scalars(select(Submission)).one().status == "no_form"
    assert count(factory, RawMessage) == 0  # never downloaded


def test_tls_is_verified(dovecot: Dovecot, imap_settings: Settings) -> None:
    tls = imap_settings.replace(imap={"security": "ssl", "port": dovecot.tls_port})
    with pytest.raises(MailboxError, match=r"CERTIFICATE_VERIFY_FAILED|certificate"):
        ImapSource(tls.imap, tls.mailbox)
    trusted = tls.replace(imap={"ca_file": str(dovecot.ca_file)})
    source = ImapSource(trusted.imap, trusted.mailbox)
    assert source.uidvalidity > 0
    source.close()


def test_starttls(dovecot: Dovecot, imap_settings: Settings) -> None:
    settings = imap_settings.replace(imap={"security": "starttls",
                                           "ca_file": str(dovecot.ca_file)})
    source = ImapSource(settings.imap, settings.mailbox)
    assert source.list_refs() == []
    source.close()


def test_start_from_now_leaves_old_mail_and_files_new(
        dovecot: Dovecot, imap_user: str, imap_settings: Settings,
        factory: sessionmaker[Session]) -> None:
    deliver(dovecot, imap_user, plain(1), plain(2))
    settings = imap_settings.replace(mailbox={"start_from_now": True})
    ctx = build_context(settings, isolate=False)
    assert poll(factory, settings, ctx).filed == 0
    deliver(dovecot, imap_user, plain(3))
    assert poll(factory, settings, ctx).filed == 1
    assert message_ids(factory) == ["plain-3@test.example"]
    assert folder_count(dovecot, imap_user, "INBOX") == 2


def test_backfill_files_old_mail_without_acknowledging_it(
        dovecot: Dovecot, imap_user: str, imap_settings: Settings,
        factory: sessionmaker[Session]) -> None:
    deliver(dovecot, imap_user, plain(1))  # dated 2026-11-20
    settings = imap_settings.replace(mailbox={"backfill_before": "2026-11-21"})
    poll(factory, settings, build_context(settings, isolate=False))
    with factory() as session:
        from registry.models import OutboxMessage

        ack = session.scalars(select(OutboxMessage)).one()
        assert (ack.status, ack.reason) == ("suppressed", "backfill")


def test_a_message_moved_by_someone_else_before_our_move_is_done(
        dovecot: Dovecot, imap_user: str, imap_settings: Settings, ctx: IntakeContext,
        factory: sessionmaker[Session], monkeypatch: pytest.MonkeyPatch) -> None:
    """Another instance (or a coordinator in Outlook) moves the message between our commit
    and our MOVE: Dovecot answers NO [EXPUNGEISSUED]; the poll goes on (issue #10, item 4)."""
    from intake_helpers import imap_client

    deliver(dovecot, imap_user, plain(1), plain(2), plain(3))
    real_move = ImapSource.move_processed

    def moved_first(self: ImapSource, refs: Sequence[MessageRef]) -> None:
        other = imap_client(dovecot, imap_user)
        other.select_folder("INBOX")
        if not other.folder_exists("Elsewhere"):
            other.create_folder("Elsewhere")
        other.move([ref.uid for ref in refs[:2]], "Elsewhere")  # two of the batch's three
        other.logout()
        real_move(self, refs)

    monkeypatch.setattr(ImapSource, "move_processed", moved_first)
    report = poll(factory, imap_settings, ctx)
    assert (report.filed, report.moved, report.errors) == (3, 3, [])
    assert folder_count(dovecot, imap_user, "Elsewhere") == 2
    assert folder_count(dovecot, imap_user, "Processed") == 1
    assert folder_count(dovecot, imap_user, "INBOX") == 0
    assert count(factory, Submission) == 3

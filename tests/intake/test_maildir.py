"""The embedded default's mailbox (a directory of .eml files or a Maildir) follows the same
exactly-once rules: stored, filed, then moved; a file that is not an email is quarantined."""

from __future__ import annotations

import shutil
from datetime import datetime
from pathlib import Path

import pytest
from mail_samples import plain
from sqlalchemy import func, select

from config.settings import Settings
from intake.context import SimulatedCrash, build_context
from intake.mailbox import open_source
from intake.maildir_source import move_no_clobber
from intake.poll import poll_once
from registry.db import make_engine, make_session_factory
from registry.models import OutboxMessage, QuarantineEntry, Submission

NOW = datetime(2026, 11, 23, 12, 0)
DATA = Path(__file__).resolve().parents[1] / "data" / "intake"


def test_directory_and_maildir_are_filed_once(db_url: str, tmp_path: Path) -> None:
    inbox = tmp_path / "mailbox"
    (inbox / "new").mkdir(parents=True)
    (inbox / "cur").mkdir()
    (inbox / "new" / "1.eml").write_bytes(plain(1))
    (inbox / "cur" / "2:2,S").write_bytes(plain(2))  # read by a person: still filed
    (inbox / "new" / "notes.pdf").write_bytes(b"%PDF-1.4 not an email")
    settings = Settings().replace(database={"url": db_url},
                                  mailbox={"source": "maildir", "path": str(inbox)})
    ctx = build_context(settings, isolate=False)
    factory = make_session_factory(make_engine(db_url))
    for _ in range(2):
        with open_source(settings) as source:
            poll_once(factory, source, ctx, now_fn=lambda: NOW)
    with factory() as session:
        assert session.scalar(select(func.count()).select_from(Submission)) == 2
        assert session.scalar(select(func.count()).select_from(QuarantineEntry)) == 1
    assert sorted(p.name for p in (inbox / ".processed").iterdir()) == ["1.eml", "2:2,S"]
    assert [p.name for p in (inbox / ".quarantine").iterdir()] == ["notes.pdf"]


def test_oversized_file_is_quarantined_once_when_the_move_fails(
        db_url: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """A maildir has no stable UIDs: the Message-ID says it is the same message."""
    inbox = tmp_path / "mailbox"
    inbox.mkdir()
    (inbox / "scan.eml").write_bytes((DATA / "oversized_scan.eml").read_bytes())
    settings = Settings().replace(database={"url": db_url}, mailbox={
        "source": "maildir", "path": str(inbox), "max_message_bytes": 20_000})
    factory = make_session_factory(make_engine(db_url))
    crashing = build_context(settings, isolate=False, crash_at="before_move")
    with pytest.raises(SimulatedCrash), open_source(settings) as source:
        poll_once(factory, source, crashing, now_fn=lambda: NOW)
    with open_source(settings) as source:
        poll_once(factory, source, build_context(settings, isolate=False), now_fn=lambda: NOW)
    with factory() as session:
        assert session.scalar(select(func.count()).select_from(QuarantineEntry)) == 1
        assert session.scalar(select(func.count()).select_from(OutboxMessage)) == 1
    assert [p.name for p in (inbox / ".quarantine").iterdir()] == ["scan.eml"]


def test_moving_never_overwrites_an_earlier_file_of_the_same_name(db_url: str,
                                                                   tmp_path: Path) -> None:
    """Two different messages both named 1.eml (in new/ and cur/), a third 1.eml arriving
    after they were moved, and two non-emails named notes.pdf: every file is kept."""
    inbox = tmp_path / "mailbox"
    shutil.copytree(DATA / "maildir_same_name", inbox)
    (inbox / "new" / "notes.pdf").write_bytes(b"%PDF-1.4 first")
    settings = Settings().replace(database={"url": db_url},
                                  mailbox={"source": "maildir", "path": str(inbox)})
    ctx = build_context(settings, isolate=False)
    factory = make_session_factory(make_engine(db_url))
    for later in (None, plain(3)):
        if later is not None:
            (inbox / "new" / "1.eml").write_bytes(later)
            (inbox / "new" / "notes.pdf").write_bytes(b"%PDF-1.4 second")
        with open_source(settings) as source:
            poll_once(factory, source, ctx, now_fn=lambda: NOW)
    with factory() as session:
        assert session.scalar(select(func.count()).select_from(Submission)) == 3
    processed = [p.read_bytes() for p in (inbox / ".processed").iterdir()]
    assert sorted(processed) == sorted([plain(1), plain(2), plain(3)])
    assert (inbox / ".processed" / "1.eml").exists()
    quarantined = [p.read_bytes() for p in (inbox / ".quarantine").iterdir()]
    assert sorted(quarantined) == [b"%PDF-1.4 first", b"%PDF-1.4 second"]
    assert [path for folder in ("new", "cur") for path in (inbox / folder).iterdir()] == []


def test_a_move_repeated_after_a_crash_keeps_one_copy(tmp_path: Path) -> None:
    """Died after placing the copy but before removing the original: the next move sees
    the same bytes already there and only removes the original."""
    target = tmp_path / ".processed"
    target.mkdir()
    (target / "1.eml").write_bytes(plain(1))
    source = tmp_path / "1.eml"
    source.write_bytes(plain(1))
    assert move_no_clobber(source, target) == target / "1.eml"
    assert not source.exists() and [p.name for p in target.iterdir()] == ["1.eml"]

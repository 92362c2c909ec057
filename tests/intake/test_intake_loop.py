"""The service's intake loop survives what is not the mailbox's fault (the database gone for
a moment) and never writes a message's contents to the log."""

from __future__ import annotations

import logging
import threading
import time
from pathlib import Path

import pytest
from mail_samples import plain
from sqlalchemy.exc import OperationalError

import intake.idle
from config.settings import Settings
from intake.clock import utcnow
from intake.context import build_context
from intake.idle import intake_loop
from registry.db import make_engine, make_session_factory


def test_a_database_error_is_retried_not_fatal(db_url: str, tmp_path: Path,
                                               monkeypatch: pytest.MonkeyPatch,
                                               caplog: pytest.LogCaptureFixture) -> None:
    inbox = tmp_path / "mailbox"
    inbox.mkdir()
    (inbox / "1.eml").write_bytes(plain(1))
    settings = Settings().replace(database={"url": db_url},
                                  mailbox={"source": "maildir", "path": str(inbox)},
                                  service={"poll_interval_seconds": 1})
    calls = {"n": 0}
    real = intake.idle.poll_once

    def flaky(*args, **kwargs):  # type: ignore[no-untyped-def]
        calls["n"] += 1
        if calls["n"] == 1:
            raise OperationalError("INSERT ...", {"raw": b"SECRET-FORM-VALUE"}, Exception())
        return real(*args, **kwargs)

    monkeypatch.setattr(intake.idle, "poll_once", flaky)
    monkeypatch.setattr(intake.idle, "MAX_BACKOFF", 0.2)
    stop = threading.Event()
    factory = make_session_factory(make_engine(db_url))
    worker = threading.Thread(target=intake_loop, daemon=True,
                              args=(factory, settings, build_context(settings, isolate=False),
                                    stop), kwargs={"now_fn": utcnow})
    with caplog.at_level(logging.INFO):
        worker.start()
        deadline = time.monotonic() + 20
        while time.monotonic() < deadline and not (inbox / ".processed" / "1.eml").exists():
            time.sleep(0.1)
        stop.set()
        worker.join(timeout=10)
    assert (inbox / ".processed" / "1.eml").exists()  # the loop lived on and filed it
    assert "intake failed (OperationalError)" in caplog.text
    assert "SECRET-FORM-VALUE" not in caplog.text

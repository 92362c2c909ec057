"""The service's view of IMAP: IDLE files new mail within seconds and stops promptly; the
process killed (SIGKILL) at random moments during a backlog loses and repeats nothing."""

from __future__ import annotations

import random
import signal
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest
from intake_helpers import deliver, folder_count
from mail_samples import plain, with_form
from servers.dovecot import Dovecot
from sqlalchemy import func, select

from config.settings import Settings
from intake.context import IntakeContext
from intake.idle import intake_loop
from registry.db import make_engine, make_session_factory
from registry.models import RawMessage, Submission

ROOT = Path(__file__).resolve().parents[2]
pytestmark = pytest.mark.imap


def submissions(settings: Settings) -> tuple[int, int]:
    engine = make_engine(settings.database.url)
    with make_session_factory(engine)() as session:
        result = (session.scalar(select(func.count()).select_from(Submission)) or 0,
                  session.scalar(select(func.count(func.distinct(RawMessage.message_id))))
                  or 0)
    engine.dispose()
    return result


def test_idle_files_new_mail_within_seconds(dovecot: Dovecot, imap_user: str,
                                            imap_settings: Settings,
                                            ctx: IntakeContext) -> None:
    engine = make_engine(imap_settings.database.url)
    factory = make_session_factory(engine)
    stop = threading.Event()
    from intake.clock import utcnow

    worker = threading.Thread(target=intake_loop, args=(factory, imap_settings, ctx, stop),
                              kwargs={"now_fn": utcnow}, daemon=True)
    worker.start()
    time.sleep(1.5)  # connected and idling
    deliver(dovecot, imap_user, plain(1))
    deadline = time.monotonic() + 15
    while time.monotonic() < deadline and submissions(imap_settings)[0] < 1:
        time.sleep(0.2)
    assert submissions(imap_settings)[0] == 1
    stopped_at = time.monotonic()
    stop.set()
    worker.join(timeout=10)
    assert not worker.is_alive() and time.monotonic() - stopped_at < 5
    engine.dispose()


@pytest.mark.slow
@pytest.mark.parametrize("db_url", ["sqlite"], indirect=True)
def test_killed_at_random_moments_then_restarted(dovecot: Dovecot, imap_user: str,
                                                 imap_settings: Settings,
                                                 tmp_path: Path) -> None:
    messages = [with_form(n) if n % 5 == 0 else plain(n) for n in range(1, 31)]
    deliver(dovecot, imap_user, *messages)
    config = tmp_path / "rpa.toml"
    imap = imap_settings.imap
    config.write_text(
        f'[database]\nurl = "{imap_settings.database.url}"\n'
        f'[mailbox]\nsource = "imap"\nbatch_size = 4\n'
        f'[imap]\nhost = "127.0.0.1"\nport = {imap.port}\nsecurity = "plain"\n'
        f'allow_plain = true\nusername = "{imap.username}"\npassword = "{imap.password}"\n'
        f'[smtp]\noutbox_dir = "{tmp_path / "outbox"}"\n'
        f'[acknowledgment]\nsigning_key = "sixteen-char-key"\n')
    command = [sys.executable, str(ROOT / "run_service.py"), "--config", str(config),
               "poll", "--once"]
    rng = random.Random(20261123)
    for _ in range(5):  # bounded: five kills at random moments, then a clean run
        process = subprocess.Popen(command, stdout=subprocess.DEVNULL,
                                   stderr=subprocess.DEVNULL, cwd=ROOT)
        time.sleep(rng.uniform(0.8, 2.5))
        process.send_signal(signal.SIGKILL)
        process.wait(timeout=10)
    final = subprocess.run(command, capture_output=True, text=True, timeout=300, cwd=ROOT)
    assert final.returncode == 0, final.stderr
    filed, distinct = submissions(imap_settings)
    assert filed == 30 and distinct == 30
    assert folder_count(dovecot, imap_user, "INBOX") == 0
    assert folder_count(dovecot, imap_user, "Processed") == 30

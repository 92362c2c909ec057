"""``rpa-intake digest --send|--print`` without ``--date``: today's digest in the digest time
zone, whatever the hour, so a manual send after send_at never takes tomorrow's date (and its
dedupe key) away from the scheduled digest."""

from __future__ import annotations

import argparse
from datetime import datetime
from pathlib import Path

import pytest
from sqlalchemy import select

from config.settings import Settings
from intake.app import App
from intake.commands.digest import run_at
from intake.service import digest_job
from registry.db import transaction
from registry.models import OutboxMessage

AFTER_SEND_AT = datetime(2026, 11, 23, 13, 30)  # 08:30 in New York, the 07:00 digest went out
NEXT_MORNING = datetime(2026, 11, 24, 12, 0)  # 07:00 in New York: the scheduled digest
LATE_EVENING = datetime(2026, 11, 24, 3, 30)  # 22:30 on the 23rd in New York, 24th in UTC


@pytest.fixture
def app(db_url: str, tmp_path: Path) -> App:
    return App(Settings().replace(database={"url": db_url},
                                  smtp={"outbox_dir": str(tmp_path / "out")},
                                  acknowledgment={"signing_key": "sixteen-char-key"}))


def digest_subjects(app: App) -> list[str]:
    with app.sessions() as session:
        return list(session.scalars(select(OutboxMessage.subject).where(
            OutboxMessage.kind == "digest").order_by(OutboxMessage.id)))


def command(mode: str) -> argparse.Namespace:
    return argparse.Namespace(date=None, print=mode == "print", send=mode == "send")


def test_send_after_send_at_queues_today_and_leaves_tomorrow_to_the_schedule(app: App) -> None:
    assert run_at(app, command("send"), now=AFTER_SEND_AT) == 0
    with transaction(app.sessions) as session:
        digest_job(session, now=NEXT_MORNING, settings=app.settings)
    subjects = digest_subjects(app)
    assert [subject.split(":")[0] for subject in subjects] == [
        "RPA intake digest 2026-11-23", "RPA intake digest 2026-11-24"]
    app.close()


@pytest.mark.parametrize("now", [AFTER_SEND_AT, LATE_EVENING])
def test_print_shows_todays_digest_in_the_digest_time_zone(
        app: App, now: datetime, capsys: pytest.CaptureFixture[str]) -> None:
    assert run_at(app, command("print"), now=now) == 0
    assert "Subject: RPA intake digest 2026-11-23:" in capsys.readouterr().out
    app.close()

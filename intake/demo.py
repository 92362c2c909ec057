"""``rpa-intake demo``: the whole job on the embedded default, offline, in seconds.

A fresh SQLite registry and a maildir of sample mail under the output directory; two days of
intake with a coordinator's Stage I approval between them, a provider's follow-up, every
outgoing message written as an .eml file, and the coordinators' digest.
"""

from __future__ import annotations

import secrets
import shutil
from dataclasses import dataclass
from datetime import datetime, timedelta
from pathlib import Path

from sqlalchemy import select

from config.settings import Settings
from intake import demo_mail
from intake.app import App
from intake.decisions import approve_stage1
from intake.demo_outreach import DemoOutreach, demo_outreach
from intake.maildir_source import MaildirSource
from intake.poll import poll_once
from intake.users import add_user
from notifier.digest import build_digest, render_digest
from notifier.sender import flush_outbox
from registry.db import transaction
from registry.models import OutboxMessage, Submission

SIGNING_KEY = secrets.token_hex(32)  # made for each demo, written into its config
DEMO_USER = "demo"


@dataclass(frozen=True, slots=True)
class DemoRun:
    out: Path
    database: Path
    outbox_dir: Path
    digest_file: Path
    config_file: Path
    stage1_number: str
    outreach: DemoOutreach | None = None  # issue 14: the annual validation outreach
    console_password: str = ""  # of the demo's coordinator account, DEMO_USER


def demo_settings(out: Path) -> Settings:
    return Settings().replace(
        database={"url": f"sqlite:///{out / 'rpa-intake.db'}"},
        mailbox={"source": "maildir", "path": str(out / "mailbox")},
        smtp={"outbox_dir": str(out / "outbox"), "from_address": demo_mail.MAILBOX},
        acknowledgment={"signing_key": SIGNING_KEY},
        digest={"recipients": ("coordinators@example.org",)},
    )


def run_demo(out: Path, *, now: datetime, outreach: bool = True) -> tuple[App, DemoRun]:
    """Run both demo days; return the app (for the summary) and where things were written."""
    _reset(out)
    app = App(demo_settings(out))
    defs = app.context.definitions
    day1, day2 = now - timedelta(days=1), now - timedelta(hours=2)
    _deliver(out, demo_mail.day_one(defs, day1 - timedelta(hours=1)))
    _intake(app, day1)
    stage1 = _approve_first_stage1(app, day1 + timedelta(hours=2))
    _deliver(out, demo_mail.day_two(defs, day2 - timedelta(minutes=30), stage1))
    _intake(app, day2)
    subject, message_id = _last_ack(app)
    _deliver(out, [demo_mail.follow_up(defs, day2 + timedelta(minutes=20), subject=subject,
                                       in_reply_to=message_id)])
    _intake(app, day2 + timedelta(minutes=30))
    digest_file = _write_digest(app, out, now)
    config_file = _write_config(out)
    shown = demo_outreach(app, out, when=day2 + timedelta(hours=1)) if outreach else None
    password = _demo_account(app, out, now)
    return app, DemoRun(out, out / "rpa-intake.db", out / "outbox", digest_file, config_file,
                        stage1, shown, password)


def _demo_account(app: App, out: Path, now: datetime) -> str:
    """A coordinator account and the console's cookie key, both fresh for each run."""
    (out / "web-secret").write_text(secrets.token_urlsafe(32), encoding="utf-8")
    (out / "web-secret").chmod(0o600)
    password = secrets.token_urlsafe(12)
    with transaction(app.sessions) as session:
        add_user(session, DEMO_USER, role="coordinator", password=password, now=now,
                 actor="demo")
    return password


def _write_config(out: Path) -> Path:
    """A config for trying the other commands on the demo's registry afterwards."""
    target = out / "rpa-intake.toml"
    target.write_text(
        "# Written by `rpa-intake demo`: the other commands on the demo's registry.\n"
        f'[database]\nurl = "sqlite:///{out / "rpa-intake.db"}"\n'
        f'[mailbox]\nsource = "maildir"\npath = "{out / "mailbox"}"\n'
        f'[smtp]\noutbox_dir = "{out / "outbox"}"\nfrom_address = "{demo_mail.MAILBOX}"\n'
        f'[acknowledgment]\nsigning_key = "{SIGNING_KEY}"\n'
        f'[web]\nhost = "127.0.0.1"\nport = 8080\nsecret_key_file = "{out / "web-secret"}"\n'
        "cookie_secure = false  # plain HTTP on this machine only\n", encoding="utf-8")
    return target


def _reset(out: Path) -> None:
    for name in ("mailbox", "outbox", "rpa-intake.db", "rpa-intake.db-wal",
                 "rpa-intake.db-shm", "digest.txt", "rpa-intake.toml", "web-secret"):
        target = out / name
        if target.is_dir():
            shutil.rmtree(target)
        elif target.exists():
            target.unlink()
    (out / "mailbox").mkdir(parents=True)


def _deliver(out: Path, mails: list[demo_mail.Mail]) -> None:
    for name, raw in mails:
        (out / "mailbox" / name).write_bytes(raw)


def _intake(app: App, when: datetime) -> None:
    source = MaildirSource(app.settings.mailbox)
    poll_once(app.sessions, source, app.context, now_fn=lambda: when)
    flush_outbox(app.sessions, app.transport, now=when + timedelta(seconds=30),
                 settings=app.settings)


def _approve_first_stage1(app: App, when: datetime) -> str:
    with transaction(app.sessions) as session:
        reference = session.scalars(
            select(Submission.reference).where(Submission.form_type == "stage1",
                                               Submission.status == "complete")
            .order_by(Submission.id)).first()
        assert reference is not None, "the demo's complete Stage I was not filed as complete"
        approval = approve_stage1(session, reference, actor="coordinator.demo", now=when,
                                  settings=app.settings)
        number = approval.number
    flush_outbox(app.sessions, app.transport, now=when, settings=app.settings)
    assert number is not None
    return number


def _last_ack(app: App) -> tuple[str, str]:
    with app.sessions() as session:
        row = session.scalars(select(OutboxMessage).where(OutboxMessage.kind == "ack")
                              .order_by(OutboxMessage.id.desc())).first()
        assert row is not None
        return row.subject, row.message_id


def _write_digest(app: App, out: Path, now: datetime) -> Path:
    from zoneinfo import ZoneInfo

    tz = ZoneInfo(app.settings.digest.timezone)
    tomorrow = now.replace(tzinfo=ZoneInfo("UTC")).astimezone(tz).date() + timedelta(days=1)
    with app.sessions() as session:  # the digest the coordinators get next morning
        data = build_digest(session, day=tomorrow, tz=tz, now=now)
    _subject, text, _html = render_digest(data)
    target = out / "digest.txt"
    target.write_text(text, encoding="utf-8")
    return target

"""Credentials that expire or fail are an alert, not a silent stop: expiry alerts at 30, 7
and 1 days (and on the day), once each, from a configured date or a certificate; health
fails once a login has failed longer than a poll interval, with one alert per outage; a
wrong secret stops `poll --once` and `run` at start with one line and exit 2."""

from __future__ import annotations

import subprocess
import sys
from datetime import datetime, timedelta
from pathlib import Path

import pytest
from servers.https import LocalCertificate
from servers.identity import Identity
from sqlalchemy import select
from sqlalchemy.orm import Session, sessionmaker

from config.settings import Settings
from intake.health import check_alerts, health_status
from notifier.expiry import due_threshold, enqueue_expiry_alerts, expiring_credentials
from notifier.login_status import record_login
from registry.db import transaction
from registry.models import OutboxMessage

ROOT = Path(__file__).resolve().parents[2]
NOW = datetime(2026, 12, 2, 9, 0)


def oauth_settings(db_url: str, **imap: object) -> Settings:
    common = {"tenant_id": "t", "client_id": "app-1", "client_secret": "s"}
    return Settings().replace(
        database={"url": db_url}, acknowledgment={"signing_key": "sixteen-char-key"},
        digest={"recipients": ("admin@example.org",)},
        service={"poll_interval_seconds": 60},
        imap={"auth": "oauth2", "username": "mb@example.org", **common, **imap},
        smtp={"auth": "oauth2", "username": "mb@example.org", **common, **imap})


def alerts(factory: sessionmaker[Session]) -> list[str]:
    with factory() as session:
        return list(session.scalars(select(OutboxMessage.subject)
                                    .where(OutboxMessage.kind == "alert")
                                    .order_by(OutboxMessage.id)))


@pytest.mark.parametrize(("days", "expected"), [
    (45, None), (31, None), (30, 30), (8, 30), (7, 7), (2, 7), (1, 1), (0, 0), (-3, 0)])
def test_due_threshold(days: int, expected: int | None) -> None:
    assert due_threshold(NOW.date() + timedelta(days=days), NOW.date()) == expected


@pytest.mark.parametrize("db_url", ["sqlite"], indirect=True)
def test_expiry_alerts_once_each_over_forty_days(db_url: str,
                                                 session_factory: sessionmaker[Session]) -> None:
    expires = NOW.date() + timedelta(days=35)
    settings = oauth_settings(db_url, credential_expires=expires.isoformat())
    [credential] = expiring_credentials(settings)  # IMAP and SMTP share the one app
    assert credential.sections == ("imap", "smtp") and credential.kind == "client secret"
    for day in range(40):
        for hour in (3, 15):  # the daily job, and a restart later that day
            with transaction(session_factory) as session:
                enqueue_expiry_alerts(session, now=NOW + timedelta(days=day, hours=hour),
                                      settings=settings)
    subjects = alerts(session_factory)
    assert [s.rsplit(" ", 3)[-3:] for s in subjects[:3]] == [
        ["in", "30", "days"], ["in", "7", "days"], ["in", "1", "day"]]
    assert len(subjects) == 4 and subjects[3].endswith("has expired")


@pytest.mark.parametrize("db_url", ["sqlite"], indirect=True)
def test_expiry_read_from_the_certificate(db_url: str, tmp_path: Path,
                                          session_factory: sessionmaker[Session]) -> None:
    pem = tmp_path / "app.pem"
    subprocess.run(["openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "5",
                    "-keyout", str(pem), "-out", str(tmp_path / "cert.pem"),
                    "-subj", "/CN=rpa-intake"], check=True, capture_output=True, timeout=60)
    pem.write_text(pem.read_text() + (tmp_path / "cert.pem").read_text())
    settings = oauth_settings(db_url, client_secret="", certificate_file=str(pem))
    [credential] = expiring_credentials(settings)
    assert credential.kind == "certificate"
    today = datetime.now().replace(microsecond=0)
    with transaction(session_factory) as session:
        assert enqueue_expiry_alerts(session, now=today, settings=settings) == 1
    assert alerts(session_factory)[0].endswith(("in 4 days", "in 5 days"))


@pytest.mark.parametrize("db_url", ["sqlite"], indirect=True)
def test_health_fails_after_a_poll_interval_of_failed_logins(
        db_url: str, session_factory: sessionmaker[Session]) -> None:
    settings = oauth_settings(db_url)
    with transaction(session_factory) as session:
        record_login(session, "imap", now=NOW, error="imap: token request refused "
                     "(invalid_client): AADSTS7000215: Invalid client secret provided.")
    with session_factory() as session:
        early = health_status(session, now=NOW + timedelta(seconds=30), settings=settings)
        late = health_status(session, now=NOW + timedelta(seconds=90), settings=settings)
    assert "login failing" not in early.line
    assert not late.ok and "imap login failing since" in late.line
    assert "AADSTS7000215" in late.line and "\n" not in late.line
    for minutes in (1, 2, 3):
        with transaction(session_factory) as session:
            check_alerts(session, now=NOW + timedelta(minutes=minutes), settings=settings)
    with transaction(session_factory) as session:
        record_login(session, "imap", now=NOW + timedelta(minutes=4), error=None)
    with transaction(session_factory) as session:
        check_alerts(session, now=NOW + timedelta(minutes=5), settings=settings)
    assert alerts(session_factory) == [
        "rpa-intake: the imap login to Microsoft 365 is failing",
        "rpa-intake: the imap login works again"]


@pytest.mark.parametrize("db_url", ["sqlite"], indirect=True)
@pytest.mark.parametrize("command", [["poll", "--once"], ["run"]])
def test_wrong_secret_stops_at_start_with_one_line(db_url: str, tmp_path: Path,
                                                   identity: Identity,
                                                   local_tls: LocalCertificate,
                                                   command: list[str]) -> None:
    client = identity.register("mb@example.org", secret="the-right-one")
    (tmp_path / "secret").write_text("an-old-revoked-secret\n")
    config = tmp_path / "rpa.toml"
    config.write_text(
        f'[database]\nurl = "{db_url}"\n[mailbox]\nsource = "graph"\n'
        f'[graph]\nmailbox = "mb@example.org"\ntenant_id = "{identity.tenant}"\n'
        f'client_id = "{client.client_id}"\nclient_secret_file = "{tmp_path / "secret"}"\n'
        f'authority_host = "{identity.authority_host}"\noauth_ca_file = "{local_tls.ca}"\n'
        f'[smtp]\noutbox_dir = "{tmp_path / "out"}"\n'
        '[acknowledgment]\nsigning_key = "sixteen-char-key"\n')
    result = subprocess.run([sys.executable, str(ROOT / "run_service.py"), "--config",
                             str(config), *command], capture_output=True, text=True,
                            timeout=60, cwd=ROOT)
    assert result.returncode == 2
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and "invalid_client" in lines[0], result.stderr
    assert "an-old-revoked-secret" not in result.stderr + result.stdout
    assert "Traceback" not in result.stderr

"""The hostile-mail suite (issue #10): every case of tests/hostile_cases.py goes through a
real Dovecot mailbox between two good messages, in one `poll --once` (isolated extraction,
as the service runs it), and the acknowledgments through a real SMTP server. Then: the good
ones are filed and acknowledged, each hostile one is filed with a clear problem or
quarantined with its reason, nothing is injected into any outgoing envelope or header, no
file outside the message is read or written, no template or HTML from a sender is
evaluated, CSV cells are neutralised, the CLI tables stay clean, and every message keeps to
its time budget."""

from __future__ import annotations

import csv
import email
import email.policy
import hashlib
import io
import os
import re
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from typing import Any

import pytest
from hostile_cases import EVIL, XXE_MARKER, Case, all_cases
from intake_helpers import deliver
from mail_samples import plain, with_form
from servers.dovecot import PASSWORD, Dovecot
from servers.smtp import SmtpServer, start_smtp
from sqlalchemy import select
from sqlalchemy.orm import Session, sessionmaker

import intake.poll
from config.settings import Settings
from intake.context import build_context
from intake.mailbox import open_source
from intake.poll import poll_once
from notifier.sender import flush_outbox
from notifier.smtp import SmtpTransport
from registry.db import make_engine, make_session_factory
from registry.migrate import upgrade
from registry.models import (
    ExtractedFieldRow,
    OutboxMessage,
    ProblemRow,
    QuarantineEntry,
    RawMessage,
    Submission,
)

ROOT = Path(__file__).resolve().parents[2]
NOW = datetime(2026, 11, 23, 12, 0)
BUDGET = 25.0
pytestmark = [pytest.mark.imap, pytest.mark.smtp, pytest.mark.slow]


@dataclass
class Run:
    settings: Settings
    config_file: Path
    factory: sessionmaker[Session]
    cases: list[Case]
    good_senders: list[str]
    smtp: SmtpServer
    seconds: dict[int, float] = field(default_factory=dict)  # raw message id → processing

    def raw_row(self, case: Case) -> RawMessage:
        digest = hashlib.sha256(case.raw).hexdigest()
        with self.factory() as session:
            row = session.scalars(select(RawMessage).where(RawMessage.sha256 == digest)).one()
            session.expunge(row)
            return row

    def sent(self) -> list[tuple[list[str], email.message.EmailMessage]]:
        return [(list(item.rcpt_tos), email.message_from_bytes(
            item.original_content or b"", policy=email.policy.default))  # type: ignore[misc]
            for item in self.smtp.handler.messages]


def _good(number: int) -> bytes:
    if number % 8 == 0:
        return with_form(1000 + number).replace(b"alice%d@acmehealth.example" % (1000 + number),
                                                b"good%d@clinic.example" % number)
    return plain(number, sender="good{n}@clinic.example").replace(
        b"plain-%d@test.example" % number, b"good-%d@clinic.example" % number)


@pytest.fixture(scope="module", params=["sqlite", pytest.param(
    "postgres", marks=pytest.mark.postgres)])
def run(request: pytest.FixtureRequest, dovecot: Dovecot,
        tmp_path_factory: pytest.TempPathFactory) -> Iterator[Run]:
    tmp = tmp_path_factory.mktemp("hostile")
    marker = Path(tempfile.mkdtemp(prefix="rpa-xxe-")) / "secret.txt"
    marker.write_text(XXE_MARKER)
    url = (f"sqlite:///{tmp / 'registry.db'}" if request.param == "sqlite" else
           request.getfixturevalue("postgres_schemas").new_url())
    engine = make_engine(url)
    upgrade(engine)
    smtp = start_smtp()
    user = dovecot.add_user()
    settings = Settings().replace(
        database={"url": url},
        mailbox={"source": "imap", "batch_size": 10, "max_message_bytes": 10_000_000},
        imap={"host": "127.0.0.1", "port": dovecot.port, "security": "plain",
              "allow_plain": True, "username": user, "password": PASSWORD,
              "timeout_seconds": 60},
        smtp={"host": "127.0.0.1", "port": smtp.port, "security": "plain",
              "allow_plain": True, "timeout_seconds": 10, "from_address": "fc@example.org"},
        acknowledgment={"signing_key": "hostile-suite-signing-key", "global_limit": 1000,
                        "per_sender_limit": 50},
        limits={"seconds_per_message": BUDGET})
    config = tmp / "rpa-intake.toml"
    config.write_text(f'[database]\nurl = "{url}"\n')
    cases = all_cases(str(marker), victim_id="good-1@clinic.example")
    messages, good = [], []
    for number, case in enumerate(cases):
        before, after = 2 * number + 1, 2 * number + 2
        messages += [_good(before), case.raw, _good(after)]
        good += [f"good{before}@clinic.example", f"good{after}@clinic.example"]
    deliver(dovecot, user, *messages)
    result = Run(settings, config, make_session_factory(engine), cases, good, smtp)
    _poll_and_flush(result)
    yield result
    smtp.stop()
    engine.dispose()


def _poll_and_flush(result: Run) -> None:
    real = intake.poll.finish_attempt

    def timed(factory: Any, attempt: Any, read: Any, ctx: Any, *, now: datetime) -> Any:
        # From the moment the driver waits for the message until it is filed (the pool may
        # have read it meanwhile, so this is at most the message's own time).
        started = time.monotonic()
        try:
            return real(factory, attempt, read, ctx, now=now)
        finally:
            result.seconds[attempt.raw_message_id] = time.monotonic() - started

    intake.poll.finish_attempt = timed  # type: ignore[assignment]
    try:
        with open_source(result.settings) as source:
            report = poll_once(result.factory, source, build_context(result.settings),
                               now_fn=lambda: NOW)
    finally:
        intake.poll.finish_attempt = real  # type: ignore[assignment]
    assert report.errors == [] and report.moved == report.seen
    slowest = sorted(result.seconds.values(), reverse=True)[:3]
    print(f"hostile suite: {report.seen} messages, slowest {[round(x, 1) for x in slowest]} s")
    while flush_outbox(result.factory, SmtpTransport(result.settings.smtp), now=NOW,
                       settings=result.settings).sent:
        pass


def test_the_good_messages_beside_every_case_are_filed_and_acknowledged(run: Run) -> None:
    with run.factory() as session:
        filed = set(session.scalars(select(Submission.sender)))
    assert set(run.good_senders) <= filed
    acknowledged = {rcpt for rcpts, _message in run.sent() for rcpt in rcpts}
    assert set(run.good_senders) <= acknowledged


@pytest.mark.parametrize("name", [case.name for case in all_cases("/dev/null", "x@y.example")])
def test_each_hostile_message_is_filed_with_a_reason_or_quarantined(run: Run, name: str) -> None:
    case = next(item for item in run.cases if item.name == name)
    row = run.raw_row(case)
    assert row.status in ({"filed", "quarantined"} if case.expect == "either" else
                          {case.expect}), row.last_error
    with run.factory() as session:
        if row.status == "quarantined":
            entry = session.scalars(select(QuarantineEntry).where(
                QuarantineEntry.raw_message_id == row.id)).one()
            assert entry.reason and "INSERT" not in entry.reason and "SELECT" not in entry.reason
        else:
            assert row.submission_id is not None
    assert run.seconds.get(row.id, 0.0) < BUDGET + 10, "over its time budget"


def test_acknowledgments_go_only_to_senders_and_carry_no_injected_header(run: Run) -> None:
    allowed = set(run.good_senders) | {case.sender for case in run.cases if case.sender}
    for rcpts, message in run.sent():
        assert len(rcpts) == 1 and rcpts[0] in allowed, rcpts
        assert re.match(r"^\[FC-\d{4}-\d{6}-\d\] ", message["Subject"])
        assert message.get_body(("plain",)) and message.get_body(("html",))
        assert EVIL not in rcpts[0]
        assert message["To"] == rcpts[0]
        assert message["Bcc"] is None and message["Cc"] is None
        for name, value in message.items():
            assert "\r" not in str(value) and "\n" not in str(value), name
            assert EVIL not in str(value) or name == "Subject", (name, value)


def test_senders_without_a_plain_address_get_nothing(run: Run) -> None:
    for name in ("from_smtp_injection", "from_smtp_injection_encoded"):
        case = next(item for item in run.cases if item.name == name)
        with run.factory() as session:
            submission = session.get(Submission, run.raw_row(case).submission_id)
            assert submission is not None and submission.sender == ""
            ack = session.scalars(select(OutboxMessage).where(
                OutboxMessage.submission_id == submission.id)).one()
            assert ack.status == "suppressed" and ack.reason == "no usable sender address"


def test_an_encoded_display_name_never_becomes_the_sender(run: Run) -> None:
    case = next(item for item in run.cases if item.name == "from_display_spoof")
    with run.factory() as session:
        submission = session.get(Submission, run.raw_row(case).submission_id)
        assert submission is not None
        assert submission.sender == "spoofer@attacker.example"


def test_no_file_outside_the_message_is_read_or_written(run: Run) -> None:
    assert not Path("/tmp/rpa-intake-traversal.txt").exists()
    with run.factory() as session:
        stored = [*session.scalars(select(ExtractedFieldRow.raw_value)),
                  *session.scalars(select(ProblemRow.message))]
    assert not any(XXE_MARKER in str(value) for value in stored)
    assert not any(XXE_MARKER.encode() in (item.original_content or b"")
                   for item in run.smtp.handler.messages)


def test_sender_text_is_never_evaluated_as_a_template_or_html(run: Run) -> None:
    case = next(item for item in run.cases if item.name == "field_template_script")
    ack = next(message for rcpts, message in run.sent() if rcpts == [case.sender])
    text = ack.get_body(("plain",)).get_content()  # type: ignore[union-attr]
    html = ack.get_body(("html",)).get_content()  # type: ignore[union-attr]
    assert "{{ 7*7 }}" in text and "49 " not in text.split("Reference")[1]
    assert "<script>" not in html and "&lt;script&gt;" in html


def test_a_form_at_the_bottom_of_fifty_forwards_is_read(run: Run) -> None:
    case = next(item for item in run.cases if item.name == "rfc822_50_nested")
    with run.factory() as session:
        submission = session.get(Submission, run.raw_row(case).submission_id)
        assert submission is not None and submission.form_type == "stage1"


def test_nul_bytes_and_a_megabyte_of_text_are_filed_and_cut_in_the_mail(run: Run) -> None:
    for name in ("field_nul_bytes", "field_1mb"):
        case = next(item for item in run.cases if item.name == name)
        assert run.raw_row(case).status == "filed"
    big = next(item for item in run.cases if item.name == "field_1mb")
    sent = [item for item in run.smtp.handler.messages if item.rcpt_tos == [big.sender]]
    assert len(sent) == 1 and len(sent[0].original_content or b"") < 100_000


def _cli(run: Run, *args: str) -> subprocess.CompletedProcess[str]:
    env = {key: value for key, value in os.environ.items() if not key.startswith("RPA_")}
    return subprocess.run([sys.executable, str(ROOT / "run_service.py"), "--config",
                           str(run.config_file), *args], capture_output=True, text=True,
                          timeout=120, env=env, cwd=ROOT)


def test_csv_export_cells_cannot_be_formulas(run: Run) -> None:
    result = _cli(run, "submissions", "export", "--format", "csv")
    assert result.returncode == 0, result.stderr
    cells = [cell for row in csv.reader(io.StringIO(result.stdout)) for cell in row]
    assert cells and not any(cell.startswith(("=", "+", "-", "@")) for cell in cells)


@pytest.mark.parametrize("command", [("submissions", "list"), ("review", "list"),
                                     ("outbox", "list")])
def test_cli_tables_neither_crash_nor_pass_control_characters(run: Run,
                                                              command: tuple[str, ...]) -> None:
    result = _cli(run, *command)
    assert result.returncode == 0, result.stderr
    assert "\x1b" not in result.stdout and "\x00" not in result.stdout
    assert "\x07" not in result.stdout


def test_decision_notices_to_hostile_forms_are_safe_too(run: Run) -> None:
    """A coordinator asks for information: the notice goes to the form's contact only when
    that is a plain address (else the sender), and no sender text becomes a header, a
    template or HTML."""
    from intake.decisions import request_info
    from registry.db import transaction

    for name in ("field_crlf_bcc", "field_template_script"):
        case = next(item for item in run.cases if item.name == name)
        with transaction(run.factory) as session:
            submission = session.get(Submission, run.raw_row(case).submission_id)
            assert submission is not None and submission.reference
            request_info(session, submission.reference, actor="hostile-suite", now=NOW,
                         message="Please resend. {{ 7*7 }} <script>x</script>",
                         settings=run.settings)
            notice = session.scalars(select(OutboxMessage).where(
                OutboxMessage.submission_id == submission.id,
                OutboxMessage.kind == "notice")).one()
        assert EVIL not in notice.recipient
        if name == "field_crlf_bcc":
            assert notice.recipient == case.sender
        message = email.message_from_bytes(notice.raw or b"", policy=email.policy.default)
        assert message["Bcc"] is None and message["To"] == notice.recipient
        assert all("\n" not in str(value) for value in message.values())
        html = message.get_body(("html",)).get_content()  # type: ignore[union-attr]
        text = message.get_body(("plain",)).get_content()  # type: ignore[union-attr]
        assert "<script>" not in html and "{{ 7*7 }}" in text

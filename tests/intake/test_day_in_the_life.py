"""A day in the life, on a real Dovecot and a real SMTP server: mail arrives, acknowledgments
go out (one per person, none to robots, threaded), a coordinator approves a Stage I, the
Stage II citing it is accepted and one citing an unknown number is not, a reply completes
the Stage II, and the next morning's digest lists the right items."""

from __future__ import annotations

import email
import email.policy
from datetime import UTC, datetime, timedelta
from email.message import EmailMessage
from zoneinfo import ZoneInfo

import pytest
from intake_helpers import deliver, folder_count
from servers.dovecot import Dovecot
from servers.smtp import SmtpServer, start_smtp

from config.settings import Settings
from formgen.mail import build_email
from formgen.pdf_form import fillable_pdf
from formgen.samples import sample_scenarios, sample_values
from formgen.supporting import scenario_results_document, systems_design_document
from intake.context import build_context
from intake.decisions import approve
from intake.mailbox import open_source
from intake.poll import poll_once
from notifier.digest import build_digest, render_digest
from notifier.sender import flush_outbox
from notifier.smtp import SmtpTransport
from registry.db import make_engine, make_session_factory, transaction

PDF = "application/pdf"
DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
MORNING = datetime(2026, 11, 23, 13, 0)  # 08:00 in Boston

pytestmark = [pytest.mark.imap, pytest.mark.smtp]


@pytest.fixture
def smtp() -> SmtpServer:
    server = start_smtp()
    yield server  # type: ignore[misc]
    server.stop()


def received(smtp: SmtpServer) -> list[EmailMessage]:
    return [email.message_from_bytes(item.original_content or b"", policy=email.policy.default)
            for item in smtp.handler.messages]  # type: ignore[misc]


def test_a_day_in_the_life(dovecot: Dovecot, imap_user: str, imap_settings: Settings,
                           smtp: SmtpServer) -> None:
    settings = imap_settings.replace(smtp={"host": "127.0.0.1", "port": smtp.port,
                                           "security": "plain", "allow_plain": True,
                                           "outbox_dir": "", "timeout_seconds": 5})
    ctx = build_context(settings, isolate=False)
    engine = make_engine(settings.database.url)
    factory = make_session_factory(engine)
    transport = SmtpTransport(settings.smtp)
    clock = [MORNING]

    def cycle() -> None:
        with open_source(settings) as source:
            poll_once(factory, source, ctx, now_fn=lambda: clock[0])
        flush_outbox(factory, transport, now=clock[0], settings=settings)
        clock[0] += timedelta(minutes=10)

    defs = ctx.definitions
    acme = sample_values("stage1", seed=1)
    deliver(dovecot, imap_user,
            _mail(1, "Stage I registration", [("stage1.pdf", fillable_pdf(defs["stage1"], acme),
                                               PDF)]),
            _mail(2, "Automatic reply: Stage I", [], **{"Auto-Submitted": "auto-replied"}),
            _mail(3, "Newsletter", [], **{"List-Id": "<news.example.org>"}))
    cycle()
    first = received(smtp)
    assert [str(m["To"]) for m in first] == ["alice.nguyen@acmehealth.example"]
    ack = first[0]
    reference = str(ack["Subject"]).split("]")[0].strip("[")
    assert str(ack["In-Reply-To"]).strip() == "<day-1@acmehealth.example>"

    with transaction(factory) as session:  # the coordinator's morning
        number = approve(session, reference, actor="pat", now=clock[0], settings=settings).number
    flush_outbox(factory, transport, now=clock[0], settings=settings)
    notice = received(smtp)[-1]
    assert number is not None and number in notice.get_body(("plain",)).get_content()
    assert str(notice["Subject"]).startswith(f"[{reference}] Approved")

    stage2 = sample_values("stage2", seed=1, stage1_approval_number=number)
    unknown = sample_values("stage2", seed=1, stage1_approval_number="RPA1-2026-09999")
    agreement = {k: stage2[k] for k in ("org_legal_name", "signer_name", "signer_title",
                                         "signature_date")}
    deliver(dovecot, imap_user,
            _mail(4, "Stage II registration", [
                ("stage2.pdf", fillable_pdf(defs["stage2"], stage2), PDF),
                ("agreement.pdf", fillable_pdf(defs["rpa_agreement"], agreement), PDF),
                ("design.pdf", systems_design_document(stage2["org_legal_name"],
                                                       stage2["transactions"]), PDF)]),
            _mail(5, "Stage II for another bot", [
                ("stage2b.pdf", fillable_pdf(defs["stage2"], unknown), PDF)]))
    cycle()
    stage2_ack, unknown_ack = received(smtp)[-2:]
    assert "Action needed" in str(stage2_ack["Subject"])
    assert "Test Scenarios" in stage2_ack.get_body(("plain",)).get_content()
    assert "RPA1-2026-09999" in unknown_ack.get_body(("plain",)).get_content()

    scenarios = scenario_results_document(stage2["org_legal_name"],
                                          sample_scenarios(stage2["transactions"]), fmt="docx")
    deliver(dovecot, imap_user, _mail(6, "Re: " + str(stage2_ack["Subject"]),
                                      [("scenarios.docx", scenarios, DOCX)],
                                      in_reply_to=str(stage2_ack["Message-ID"]).strip("<> ")))
    cycle()
    completed = received(smtp)[-1]
    assert "Received:" in str(completed["Subject"])  # complete now, same reference
    assert str(completed["Subject"]).split("]")[0] == str(stage2_ack["Subject"]).split("]")[0]
    assert folder_count(dovecot, imap_user, "INBOX") == 0
    assert folder_count(dovecot, imap_user, "Processed") == 6

    with factory() as session:
        digest = build_digest(session, day=(MORNING + timedelta(days=1)).date(),
                              tz=ZoneInfo("America/New_York"), now=clock[0])
    _subject, text, _html = render_digest(digest)
    assert dict(digest.received_by_form)["stage2"] == 2
    waiting = [row[0] for row in digest.waiting_review]
    incomplete = [row[1] for row in digest.waiting_providers]
    assert len(waiting) == 1 and incomplete == ["stage2"]
    assert "Mailbox health: last successful poll 2026-11-23" in text
    engine.dispose()


def _mail(number: int, subject: str, attachments: list[tuple[str, bytes, str]], *,
          in_reply_to: str | None = None, **headers: str) -> bytes:
    return build_email(sender="Alice Nguyen <alice.nguyen@acmehealth.example>",
                       to="functional.coordination@example.org", subject=subject,
                       body="Hello, please see the attached.", attachments=attachments,
                       message_id=f"day-{number}@acmehealth.example",
                       in_reply_to=in_reply_to, references=[in_reply_to] if in_reply_to else [],
                       date=datetime(2026, 11, 23, 12, number, tzinfo=UTC),
                       extra_headers=headers)

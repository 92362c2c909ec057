"""The registry after approval, on a real Dovecot and a real SMTP server: a Stage I and a
Stage II approved; outreach for the year sends each registration its request with the
pre-filled form; the provider fills in and signs the PDF (pypdf) and replies in the thread;
the reply is extracted with every pre-filled value intact, matched, and once approved moves
validation_due a year on. The registration that never answers is reminded at each interval
(once), then is validation_overdue in the digest. A modification replacing the tool and
adding a sequential transaction changes the export; a retirement empties the active one."""

from __future__ import annotations

import email
import email.policy
import io
from datetime import UTC, date, datetime, timedelta
from email.message import EmailMessage
from zoneinfo import ZoneInfo

import pytest
from intake_helpers import deliver
from pypdf import PdfReader, PdfWriter
from registry_helpers import PDF, form_mail, stage2_mail
from servers.dovecot import Dovecot
from servers.smtp import SmtpServer, start_smtp
from sqlalchemy import select
from sqlalchemy.orm import Session, sessionmaker

from config.settings import Settings
from formgen.pdf_form import fillable_pdf
from formgen.samples import sample_values
from intake.context import IntakeContext, build_context
from intake.decisions import approve
from intake.mailbox import open_source
from intake.outreach import run_outreach
from intake.poll import poll_once
from intake.reminders import send_reminders
from notifier.digest import build_digest, render_digest
from notifier.sender import flush_outbox
from notifier.smtp import SmtpTransport
from registry.db import make_engine, make_session_factory, transaction
from registry.models import Submission, ValidationCycle
from registry.registration_export import export_rows
from registry.registrations import list_registrations, registration_by_number
from registry.validation_cycles import mark_overdue

START = datetime(2026, 11, 23, 14, 0)
DUE = date(2027, 11, 23)  # a year after the Stage II approvals
ACME = "Alice Nguyen <alice.nguyen@acmehealth.example>"
BERKSHIRE = "Ravi Patel <ravi.patel@berkshirebilling.example>"
PREFILLED = ("org_legal_name", "org_dba", "org_type", "provider_id", "npi", "fein", "street",
             "city", "state", "zip", "contact_name", "contact_title", "contact_email",
             "contact_phone")

pytestmark = [pytest.mark.imap, pytest.mark.smtp]


@pytest.fixture
def smtp() -> SmtpServer:
    server = start_smtp()
    yield server  # type: ignore[misc]
    server.stop()


class World:
    """The mailbox, the SMTP server and the clock of one test."""

    def __init__(self, dovecot: Dovecot, user: str, settings: Settings, smtp: SmtpServer) -> None:
        self.dovecot, self.user, self.smtp = dovecot, user, smtp
        self.settings = settings.replace(
            smtp={"host": "127.0.0.1", "port": smtp.port, "security": "plain",
                  "allow_plain": True, "outbox_dir": "", "timeout_seconds": 5},
            validation={"reminder_days_before": (30, 7), "reminder_days_after": (7, 21),
                        "grace_days": 30, "workers": 1})
        self.ctx: IntakeContext = build_context(self.settings, isolate=False)
        self.engine = make_engine(self.settings.database.url)
        self.factory: sessionmaker[Session] = make_session_factory(self.engine)
        self.transport = SmtpTransport(self.settings.smtp)
        self.now = START

    def mail_in(self, *raws: bytes) -> None:
        deliver(self.dovecot, self.user, *raws)
        with open_source(self.settings) as source:
            poll_once(self.factory, source, self.ctx, now_fn=lambda: self.now)
        self.flush()

    def flush(self) -> None:
        flush_outbox(self.factory, self.transport, now=self.now, settings=self.settings)

    def received(self) -> list[EmailMessage]:
        return [email.message_from_bytes(item.original_content or b"",
                                         policy=email.policy.default)
                for item in self.smtp.handler.messages]  # type: ignore[attr-defined]

    def approve_last(self, **kwargs: object) -> str | None:
        with transaction(self.factory) as session:
            submission = session.scalars(select(Submission).order_by(Submission.id.desc())).first()
            assert submission is not None and submission.reference
            number = approve(session, submission.reference, actor="pat", now=self.now,
                             settings=self.settings, **kwargs).number  # type: ignore[arg-type]
        self.flush()  # the decision's notice
        return number


def _register(world: World, seed: int, sender: str, user_ids: list[str]) -> str:
    defs = world.ctx.definitions
    stage1 = fillable_pdf(defs["stage1"], sample_values("stage1", seed=seed))
    world.mail_in(form_mail([("stage1.pdf", stage1, PDF)], "Stage I", sender=sender))
    stage1_number = world.approve_last()
    assert stage1_number
    world.mail_in(stage2_mail(world.ctx, stage1_number, seed=seed, sender=sender,
                              user_ids_requested=len(user_ids)))
    number = world.approve_last(user_ids=user_ids)
    assert number
    return number


def _sign(pdf: bytes) -> bytes:
    """What the provider does in a PDF editor: answer, attest, sign and date."""
    writer = PdfWriter(clone_from=PdfReader(io.BytesIO(pdf)))
    answers = {"info_current": "Yes", "unapproved_changes": "No", "attest": "/Yes",
               "signer_name": "Jordan Blake", "signer_title": "Chief Executive Officer",
               "signature_date": "11/02/2027"}
    for page in writer.pages:
        writer.update_page_form_field_values(page, answers, auto_regenerate=False)
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()


def _reply(request: EmailMessage, attachment: bytes) -> bytes:
    from formgen.mail import build_email

    message_id = str(request["Message-ID"]).strip("<> ")
    return build_email(sender=ACME, to="functional.coordination@example.org",
                       subject="Re: " + str(request["Subject"]), body="Signed form attached.",
                       attachments=[("Annual-Validation-signed.pdf", attachment, PDF)],
                       message_id="av-reply@acmehealth.example", in_reply_to=message_id,
                       references=[message_id], date=datetime(2027, 11, 2, 15, tzinfo=UTC))


def _pdf_of(message: EmailMessage) -> bytes:
    for part in message.iter_attachments():
        if part.get_content_type() == "application/pdf":
            return bytes(part.get_content())
    raise AssertionError("no PDF attached")


def test_validation_round_trip(dovecot: Dovecot, imap_user: str, imap_settings: Settings,
                               smtp: SmtpServer) -> None:
    world = World(dovecot, imap_user, imap_settings, smtp)
    acme = _register(world, 1, ACME, ["RPAU0001", "RPAU0002"])
    berkshire = _register(world, 2, BERKSHIRE, ["RPABB0001"])
    world.now = datetime(2027, 9, 27, 14, 0)  # 57 days before the due date
    dry = run_outreach(world.factory, world.settings, now=world.now, year=2027,
                       due_within=60, dry_run=True)
    assert [item.number for item in dry.items] == [acme, berkshire] and dry.queued == 0
    report = run_outreach(world.factory, world.settings, now=world.now, year=2027,
                          due_within=60)
    assert report.queued == 2
    again = run_outreach(world.factory, world.settings, now=world.now, year=2027)
    assert again.queued == 0 and not again.items  # idempotent per registration and year
    before = len(world.received())
    world.flush()
    requests = world.received()[before:]
    assert sorted(str(m["To"]) for m in requests) == [
        "alice.nguyen@acmehealth.example", "ravi.patel@berkshirebilling.example"]
    request = next(m for m in requests if acme in str(m["Subject"]))
    names = [part.get_filename() for part in request.iter_attachments()]
    assert names == [f"Annual-Validation-2027-{acme}.pdf", f"Annual-Validation-2027-{acme}.docx"]
    assert "RPAU0001, RPAU0002" in request.get_body(("plain",)).get_content()

    world.now = datetime(2027, 11, 2, 15, 30)
    world.mail_in(_reply(request, _sign(_pdf_of(request))))
    with world.factory() as session:
        submission = session.scalars(select(Submission).order_by(Submission.id.desc())).first()
        assert submission is not None and submission.form_type == "annual_validation"
        assert submission.status == "complete", [p.message for p in submission.problems]
        fields = {f.key: f.value for d in submission.documents for f in d.fields}
        expected = sample_values("stage1", seed=1)
        assert {key: fields.get(key) for key in PREFILLED} == {
            key: expected.get(key) for key in PREFILLED}
        assert fields["stage2_approval_number"] == acme
        assert fields["rpa_user_ids"] == ["RPAU0001", "RPAU0002"]
        assert fields["validation_year"] == 2027 and fields["info_current"] is True
        cycle = session.scalars(select(ValidationCycle).where(
            ValidationCycle.submission_id == submission.id)).one()
        assert cycle.registration.number == acme
    world.approve_last()
    with world.factory() as session:
        registration = registration_by_number(session, acme)
        assert registration is not None and registration.validation_due == date(2028, 11, 23)

    reminders: list[tuple[str, list[tuple[str, str]]]] = []
    for day in (date(2027, 10, 24), date(2027, 10, 24), date(2027, 11, 1), date(2027, 11, 16),
                date(2027, 11, 30), date(2027, 12, 3), date(2027, 12, 14), date(2027, 12, 20)):
        world.now = datetime.combine(day, datetime.min.time()) + timedelta(hours=15)
        with transaction(world.factory) as session:
            reminders.append((day.isoformat(), send_reminders(session, world.settings,
                                                              now=world.now)))
            overdue = mark_overdue(session, today=day, grace_days=30, now=world.now)
            assert not overdue
    steps = [(day, sent) for day, sent in reminders if sent]
    assert steps == [("2027-10-24", [(berkshire, "before:30")]),
                     ("2027-11-16", [(berkshire, "before:7")]),
                     ("2027-11-30", [(berkshire, "after:7")]),
                     ("2027-12-14", [(berkshire, "after:21")])]
    before = len(world.received())
    world.flush()
    sent = world.received()[before:]
    assert [str(m["To"]) for m in sent] == ["ravi.patel@berkshirebilling.example"] * 4
    assert all(str(m["In-Reply-To"]).strip("<>") for m in sent)
    assert "overdue" in str(sent[-1]["Subject"]).lower()

    world.now = datetime(2027, 12, 24, 15, 0)  # due + 31 days: past the grace period
    with transaction(world.factory) as session:
        marked = mark_overdue(session, today=world.now.date(), grace_days=30, now=world.now)
        assert [row.number for row in marked] == [berkshire]
    with world.factory() as session:
        digest = build_digest(session, day=date(2027, 12, 25), tz=ZoneInfo("America/New_York"),
                              now=world.now)
    _subject, text, html = render_digest(digest)
    assert digest.registry is not None
    assert [row[0] for row in digest.registry.overdue] == [berkshire]
    assert "Annual validations 2027: 2 requested, 1 received, 1 validated" in text
    assert f"{berkshire}  Berkshire Billing Partners Inc." in text and berkshire in html
    assert "status: validation_overdue" in text

    _modify_and_retire(world, acme, berkshire)
    world.engine.dispose()


def _modify_and_retire(world: World, acme: str, berkshire: str) -> None:
    defs = world.ctx.definitions
    change = sample_values("modification", seed=1, stage2_approval_number=acme,
                           rpa_user_ids=["RPAU0001", "RPAU0002"],
                           modification_types=["replace_tool", "add_sequential_transaction"],
                           new_rpa_tool_name="Power Automate Desktop",
                           new_rpa_tool_vendor="Microsoft", added_transaction="claim_adjustment",
                           same_session=True)
    change.pop("new_screens_per_session")
    world.mail_in(form_mail([("mod.pdf", fillable_pdf(defs["modification"], change), PDF)],
                            "Modification", sender=ACME))
    world.approve_last()
    retire = sample_values("modification", seed=2, stage2_approval_number=berkshire,
                           rpa_user_ids=["RPABB0001"], modification_types=["retire_bot"],
                           description="The bot is retired.")
    retire.pop("new_screens_per_session")
    world.mail_in(form_mail([("retire.pdf", fillable_pdf(defs["modification"], retire), PDF)],
                            "Retirement", sender=BERKSHIRE))
    world.approve_last()
    with world.factory() as session:
        active = export_rows(list_registrations(session), statuses=("active",))
    assert {row["rpa_user_id"] for row in active} == {"RPAU0001", "RPAU0002"}
    assert {row["rpa_tool_name"] for row in active} == {"Power Automate Desktop"}
    assert active[0]["transactions"] == ["claim_adjustment", "claim_status",
                                         "eligibility_inquiry"]

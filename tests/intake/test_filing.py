"""Filing as a provider's mail meets it: acknowledgments only for people, a flood capped,
follow-ups joining their submission, a spoofed [REF] kept apart, duplicates recognized,
bounces recorded."""

from __future__ import annotations

import email
import email.policy
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from sqlalchemy import select
from sqlalchemy.orm import Session, sessionmaker

from config.settings import Settings
from formgen.docx_form import docx_form
from formgen.mail import build_email
from formgen.pdf_form import fillable_pdf
from formgen.samples import sample_scenarios, sample_values
from formgen.supporting import scenario_results_document, systems_design_document
from intake.context import IntakeContext, build_context
from intake.decisions import approve, reject
from intake.pipeline import take_message
from registry.db import transaction
from registry.export import submission_json
from registry.models import OutboxMessage, Submission

NOW = datetime(2026, 11, 23, 12, 0)
PDF = "application/pdf"
DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
DATA = Path(__file__).resolve().parents[1] / "data" / "intake"


@pytest.fixture
def settings(db_url: str) -> Settings:
    return Settings().replace(database={"url": db_url},
                              acknowledgment={"signing_key": "sixteen-char-key",
                                              "per_sender_limit": 5})


@pytest.fixture
def ctx(settings: Settings) -> IntakeContext:
    return build_context(settings, isolate=False)


def file(factory: sessionmaker[Session], ctx: IntakeContext, raw: bytes,
         now: datetime = NOW) -> str | None:
    return take_message(factory, raw, ctx, mailbox="test", now=now).reference


def mail(number: int, sender: str = "Dana <dana@clinic.example>", subject: str = "Hello",
         **headers: str) -> bytes:
    return build_email(sender=sender, to="fc@example.org", subject=subject, body="Hi",
                       message_id=f"m{number}@clinic.example",
                       date=datetime(2026, 11, 23, 9, tzinfo=UTC), extra_headers=headers)


def acks(factory: sessionmaker[Session]) -> list[OutboxMessage]:
    with factory() as session:
        return list(session.scalars(select(OutboxMessage).where(OutboxMessage.kind == "ack")
                                    .order_by(OutboxMessage.id)))


AUTOMATIC = [
    ({"Auto-Submitted": "auto-replied"}, "Auto-Submitted"),
    ({"Auto-Submitted": "auto-generated"}, "Auto-Submitted"),
    ({"Precedence": "bulk"}, "Precedence"),
    ({"Precedence": "list"}, "Precedence"),
    ({"Precedence": "junk"}, "Precedence"),
    ({"X-Auto-Response-Suppress": "OOF"}, "X-Auto-Response-Suppress"),
    ({"List-Id": "<news.example.org>"}, "List-Id"),
    ({"List-Unsubscribe": "<mailto:u@example.org>"}, "List-Unsubscribe"),
    ({"Return-Path": "<>"}, "null return path"),
    ({"X-Autoreply": "yes"}, "auto-reply"),
]


@pytest.mark.parametrize(("headers", "reason"), AUTOMATIC)
def test_automatic_mail_is_filed_but_never_acknowledged(
        headers: dict[str, str], reason: str, session_factory: sessionmaker[Session],
        ctx: IntakeContext) -> None:
    assert file(session_factory, ctx, mail(1, **headers))
    [ack] = acks(session_factory)
    assert ack.status == "suppressed" and reason in (ack.reason or "")


@pytest.mark.parametrize("sender", ["MAILER-DAEMON@mx.example.net", "noreply@vendor.example",
                                    "no-reply@vendor.example", "postmaster@clinic.example",
                                    "functional.coordination@example.org"])
def test_robots_and_ourselves_get_no_acknowledgment(sender: str,
                                                    session_factory: sessionmaker[Session],
                                                    ctx: IntakeContext) -> None:
    file(session_factory, ctx, mail(1, sender=sender))
    assert acks(session_factory)[0].status == "suppressed"


def test_our_own_message_coming_back_is_not_acknowledged(
        session_factory: sessionmaker[Session], ctx: IntakeContext, settings: Settings) -> None:
    from notifier.message_ids import make_message_id

    ours = make_message_id("ack-1", key="sixteen-char-key",
                           domain=settings.acknowledgment.message_id_domain)
    raw = mail(1, sender="someone@relay.example").replace(
        b"<m1@clinic.example>", f"<{ours}>".encode())
    file(session_factory, ctx, raw)
    assert acks(session_factory)[0].reason == "our own message (a loop)"


@pytest.mark.parametrize("headers", [{}, {"Auto-Submitted": "no"}, {"Precedence": "normal"},
                                     {"Cc": "colleague@clinic.example"}])
def test_people_get_one_acknowledgment(headers: dict[str, str],
                                       session_factory: sessionmaker[Session],
                                       ctx: IntakeContext) -> None:
    file(session_factory, ctx, mail(1, subject="Re: our bot", **headers))
    [ack] = acks(session_factory)
    assert ack.status == "queued"
    assert b"Auto-Submitted: auto-replied" in (ack.raw or b"")
    assert b"In-Reply-To: <m1@clinic.example>" in (ack.raw or b"")


def test_a_flood_from_one_sender_is_delayed(session_factory: sessionmaker[Session],
                                            ctx: IntakeContext) -> None:
    for number in range(50):
        file(session_factory, ctx, mail(number), now=NOW + timedelta(seconds=number))
    rows = acks(session_factory)
    assert {ack.status for ack in rows} == {"queued"}
    due_now = [ack for ack in rows if ack.next_attempt_at < NOW + timedelta(minutes=5)]
    assert len(due_now) == 5
    assert "per-sender limit" in (rows[-1].reason or "")


def stage2_mail(number: int, attachments: list[tuple[str, bytes, str]], *, subject: str,
                sender: str = "Alice Nguyen <alice.nguyen@acmehealth.example>",
                in_reply_to: str | None = None) -> bytes:
    return build_email(sender=sender, to="fc@example.org", subject=subject, body="Attached.",
                       attachments=attachments, message_id=f"s{number}@acmehealth.example",
                       in_reply_to=in_reply_to, references=[in_reply_to] if in_reply_to else [],
                       date=datetime(2026, 11, 23, 9, number, tzinfo=UTC))


def test_follow_up_completes_a_stage2_and_a_spoofed_ref_stays_apart(
        session_factory: sessionmaker[Session], ctx: IntakeContext) -> None:
    definitions = ctx.definitions
    stage1 = file(session_factory, ctx, stage2_mail(
        9, [("s1.pdf", fillable_pdf(definitions["stage1"], sample_values("stage1")), PDF)],
        subject="Stage I"))
    with transaction(session_factory) as session:
        number = approve(session, stage1 or "", actor="coordinator", now=NOW,
                         settings=ctx.settings).number
    values = sample_values("stage2", seed=1, stage1_approval_number=number)
    org, transactions = values["org_legal_name"], values["transactions"]
    agreement = {key: values[key] for key in ("org_legal_name", "signer_name", "signer_title",
                                              "signature_date")}
    first = stage2_mail(1, [("stage2.pdf", fillable_pdf(definitions["stage2"], values), PDF),
                            ("agreement.pdf", fillable_pdf(definitions["rpa_agreement"],
                                                           agreement), PDF)],
                        subject="Stage II")
    reference = file(session_factory, ctx, first)
    with session_factory() as session:
        submission = session.scalars(select(Submission).where(
            Submission.reference == reference)).one()
        assert submission.status == "incomplete"
        assert {p.field for p in submission.problems if p.code == "missing_document"} == \
            {"systems_design", "test_scenarios"}
    ack_id = acks(session_factory)[1].message_id
    assert b"Systems Design Documentation" in (acks(session_factory)[1].raw or b"")

    spoof = stage2_mail(2, [], subject=f"Re: [{reference}] Stage II",
                        sender="Mallory <mallory@evil.example>")
    assert file(session_factory, ctx, spoof) != reference  # a new, linked submission

    follow = stage2_mail(3, [
        ("design.pdf", systems_design_document(org, transactions, fmt="pdf"), PDF),
        ("scenarios.docx", scenario_results_document(org, sample_scenarios(transactions),
                                                   fmt="docx"), DOCX)],
        subject="Re: Stage II", sender="Bob <bob@acmehealth.example>", in_reply_to=ack_id)
    assert file(session_factory, ctx, follow) == reference
    with session_factory() as session:
        submissions = session.scalars(select(Submission).order_by(Submission.id)).all()
        assert len(submissions) == 3
        _stage1, original, linked = submissions
        assert original.status == "complete" and len(original.documents) == 4
        assert linked.parent_id == original.id and linked.sender == "mallory@evil.example"
        exported = {item["form_type"]: item["fields"]  # SPEC §2.9 in the export
                    for item in submission_json(session, original)["documents"]}
        assert exported["test_scenarios"]["scenario_pass_counts"] == {
            key: 2 for key in exported["test_scenarios"]["transactions"]}
        assert set(exported["systems_design"]["transactions"]) == set(
            exported["test_scenarios"]["transactions"])
    assert [ack.recipient for ack in acks(session_factory)][1:] == [
        "alice.nguyen@acmehealth.example", "mallory@evil.example", "bob@acmehealth.example"]


@pytest.mark.parametrize("decision", ["approved", "rejected"])
def test_a_reply_to_a_decided_submission_keeps_the_decision(
        decision: str, session_factory: sessionmaker[Session], ctx: IntakeContext) -> None:
    """The provider replies with [REF] to a Stage I a coordinator already decided: the
    decision stays, the reply opens a submission linked to it that holds its document, and
    its acknowledgment says the decision stands instead of claiming a new status."""
    stage1 = file(session_factory, ctx, stage2_mail(1, [("s1.pdf", fillable_pdf(
        ctx.definitions["stage1"], sample_values("stage1")), PDF)], subject="Stage I"))
    assert stage1 == "FC-2026-000001-1"  # the reference the sample reply cites
    with transaction(session_factory) as session:
        if decision == "approved":
            approve(session, stage1, actor="pat", now=NOW, settings=ctx.settings)
        else:
            reject(session, stage1, reason="Wrong organization type.", actor="pat", now=NOW,
                   settings=ctx.settings)
    later = NOW + timedelta(hours=3)
    reply = file(session_factory, ctx, (DATA / "reply_to_decided_stage1.eml").read_bytes(),
                 now=later)
    with session_factory() as session:
        original = session.scalars(select(Submission).where(
            Submission.reference == stage1)).one()
        assert (original.status, original.decided_by, original.decided_at) == \
            (decision, "pat", NOW)
        assert [row.filename for row in original.documents] == ["s1.pdf"]
        linked = session.scalars(select(Submission).where(Submission.reference == reply)).one()
        assert linked.id != original.id and linked.parent_id == original.id
        assert [row.filename for row in linked.documents] == ["Systems Design.pdf"]
        assert linked.status not in {"approved", "rejected"}
    ack = acks(session_factory)[-1]
    assert ack.subject.startswith(f"[{reply}]")
    message = email.message_from_bytes(ack.raw or b"", policy=email.policy.default)
    text = " ".join(message.get_body(("plain",)).get_content().split())
    assert f"{stage1}, which a coordinator has already {decision}" in text
    assert "now complete" not in text


def test_a_stage2_citing_an_unknown_stage1_is_incomplete(session_factory: sessionmaker[Session],
                                                         ctx: IntakeContext) -> None:
    values = sample_values("stage2", seed=1, stage1_approval_number="RPA1-2026-09999")
    file(session_factory, ctx, stage2_mail(1, [("s2.pdf", fillable_pdf(
        ctx.definitions["stage2"], values), PDF)], subject="Stage II"))
    with session_factory() as session:
        submission = session.scalars(select(Submission)).one()
        assert submission.status == "incomplete"
        assert "stage1_not_found" in {p.code for p in submission.problems}


def test_the_same_form_sent_again_is_a_duplicate(session_factory: sessionmaker[Session],
                                                 ctx: IntakeContext) -> None:
    values = sample_values("stage1", seed=2)
    form = docx_form(ctx.definitions["stage1"], values)
    first = file(session_factory, ctx, stage2_mail(1, [("s1.docx", form, DOCX)],
                                                   subject="Stage I"))
    second = file(session_factory, ctx, stage2_mail(2, [("s1 again.docx", form, DOCX)],
                                                    subject="Stage I again"))
    with session_factory() as session:
        duplicate = session.scalars(select(Submission).where(Submission.reference == second)).one()
        assert duplicate.status == "duplicate" and duplicate.duplicate_of.reference == first
    assert first is not None and first.encode() in (acks(session_factory)[1].raw or b"")


def test_a_bounce_marks_the_acknowledgment_and_suppresses_the_address(
        session_factory: sessionmaker[Session], ctx: IntakeContext) -> None:
    file(session_factory, ctx, mail(1, sender="gone@clinic.example"))
    ack = acks(session_factory)[0]
    dsn = (b"From: MAILER-DAEMON@mx.example.net\r\nTo: fc@example.org\r\n"
           b"Subject: Undelivered Mail Returned to Sender\r\nMessage-ID: <dsn1@mx>\r\n"
           b"MIME-Version: 1.0\r\nContent-Type: multipart/report; report-type=delivery-status;"
           b" boundary=\"b\"\r\n\r\n--b\r\nContent-Type: text/plain\r\n\r\nFailed.\r\n"
           b"--b\r\nContent-Type: message/delivery-status\r\n\r\nReporting-MTA: dns; mx\r\n\r\n"
           b"Final-Recipient: rfc822; gone@clinic.example\r\nAction: failed\r\n"
           b"Status: 5.1.1\r\n\r\n--b\r\nContent-Type: text/rfc822-headers\r\n\r\n"
           b"Message-ID: <" + ack.message_id.encode() + b">\r\n\r\n--b--\r\n")
    file(session_factory, ctx, dsn)
    bounced, dsn_ack = acks(session_factory)
    assert bounced.status == "bounced" and dsn_ack.status == "suppressed"
    file(session_factory, ctx, mail(2, sender="gone@clinic.example"), now=NOW + timedelta(days=1))
    assert acks(session_factory)[-1].reason == "address suppressed after a bounce"


def test_header_injection_through_a_filename_and_a_sender_name(
        session_factory: sessionmaker[Session], ctx: IntakeContext) -> None:
    raw = (b"From: =?utf-8?q?Eve=0D=0ABcc:_victim@example.net?= <eve@clinic.example>\r\n"
           b"To: fc@example.org\r\nSubject: =?utf-8?q?Form=0D=0ABcc:_victim2@example.net?=\r\n"
           b"Message-ID: <inj@clinic.example>\r\nMIME-Version: 1.0\r\n"
           b"Content-Type: multipart/mixed; boundary=b\r\n\r\n--b\r\n"
           b"Content-Type: text/plain\r\n\r\nHi\r\n--b\r\nContent-Type: application/pdf\r\n"
           b"Content-Disposition: attachment; filename*=utf-8''x%0D%0ABcc%3A%20v3%40example.net.pdf"
           b"\r\n\r\n%PDF-1.4 broken\r\n--b--\r\n")
    file(session_factory, ctx, raw)
    [ack] = acks(session_factory)
    headers = (ack.raw or b"").split(b"\r\n\r\n", 1)[0]
    assert b"\nBcc:" not in headers and b"\rBcc:" not in headers
    with session_factory() as session:
        submission = session.scalars(select(Submission)).one()
        assert "\r" not in submission.subject and "\n" not in submission.subject
        assert all("\n" not in doc.filename for doc in submission.documents)


def _ack_text(factory: sessionmaker[Session]) -> str:
    message = email.message_from_bytes(acks(factory)[-1].raw or b"", policy=email.policy.SMTP)
    part = message.get_body(preferencelist=("plain",))
    assert part is not None
    return " ".join(part.get_content().split())  # type: ignore[attr-defined]


def test_a_field_the_page_reader_did_not_find_is_checked_not_told_missing(
        session_factory: sessionmaker[Session], ctx: IntakeContext) -> None:
    """SPEC §3: a printed form on which the layout reader finds no FEIN at all (here a
    revision without the line) goes to review, and the provider is not told that the FEIN
    is missing."""
    import dataclasses

    from formgen.pdf_form import flattened_pdf

    definition = ctx.definitions["stage1"]
    without = dataclasses.replace(definition, fields=tuple(
        item for item in definition.fields if item.key != "fein"))
    values = sample_values("stage1", seed=1, omit=("fein",))
    file(session_factory, ctx, stage2_mail(1, [("s1.pdf", flattened_pdf(without, values),
                                                PDF)], subject="Stage I"))
    with session_factory() as session:
        submission = session.scalars(select(Submission)).one()
        assert submission.status == "needs_review"
        assert ("unreadable", "fein", "review") in {
            (p.code, p.field, p.severity) for p in submission.problems}
    text = _ack_text(session_factory)
    assert "coordinator will check" in text and "FEIN" not in text.split("What happens")[0]
    assert "is required" not in text


@pytest.mark.parametrize("shape", ["fillable", "flattened"])
def test_an_empty_field_is_told_missing(session_factory: sessionmaker[Session],
                                        ctx: IntakeContext, shape: str) -> None:
    """An empty fillable field, or a printed label with nothing beside or under it and the
    next label right below: the reader is sure, and the provider is told."""
    from formgen.pdf_form import flattened_pdf

    values = sample_values("stage1", seed=1, omit=("fein",))
    make = fillable_pdf if shape == "fillable" else flattened_pdf
    file(session_factory, ctx, stage2_mail(1, [("s1.pdf", make(
        ctx.definitions["stage1"], values), PDF)], subject="Stage I"))
    with session_factory() as session:
        assert session.scalars(select(Submission)).one().status == "incomplete"
    assert '"Federal Employer Identification Number (FEIN)" is required' in \
        _ack_text(session_factory)


def test_a_bug_in_a_reader_quarantines_the_message_with_its_traceback(
        session_factory: sessionmaker[Session], ctx: IntakeContext,
        monkeypatch: pytest.MonkeyPatch) -> None:
    """Issue #11 item 5: our own bug is not told to the provider as a damaged file."""
    import parsers.docx_reader
    from registry.models import QuarantineEntry

    def broken_reader(*args: object) -> list[object]:
        raise ZeroDivisionError("a bug of ours")

    monkeypatch.setattr(parsers.docx_reader, "paragraph_fields", broken_reader)
    form = docx_form(ctx.definitions["stage1"], sample_values("stage1", seed=1))
    assert file(session_factory, ctx, stage2_mail(1, [("s1.docx", form, DOCX)],
                                                  subject="Stage I")) is None
    with session_factory() as session:
        entry = session.scalars(select(QuarantineEntry)).one()
        assert "ZeroDivisionError" in entry.reason and "broken_reader" in entry.traceback
        assert session.scalars(select(Submission)).first() is None
    assert acks(session_factory) == []

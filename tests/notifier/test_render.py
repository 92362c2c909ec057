"""Acknowledgment rendering: every status and form type renders in text and HTML, HTML is
escaped, long lines are wrapped, an administrator's template directory wins."""

from __future__ import annotations

import dataclasses
from pathlib import Path

import pytest

from notifier.render import render_acknowledgment
from notifier.views import AckView

STATUSES = ("complete", "incomplete", "needs_review", "duplicate", "no_form", "unreadable")
FORM_TYPES = ("stage1", "stage2", "stage2_grandfathered", "modification", "annual_validation",
              "test_scenarios")


def view(**changes: object) -> AckView:
    base = AckView(
        reference="FC-2026-000042-7", status="complete", form_type="stage1",
        form_title="MassHealth RPA Stage I Registration Form", organization="Acme Health LLC",
        greeting_name="Alice Nguyen",
        key_fields=(("Organization Legal Name", "Acme Health LLC"),
                    ("Federal Employer Identification Number (FEIN)", "04-3512345"),
                    ("Number of Bots Requested", "2"),
                    ("POSC Transactions Requested",
                     "Claim Status Inquiry, Member Eligibility Verification")),
        problems=(), warnings=(),
        documents=(("Stage I form.pdf", "MassHealth RPA Stage I Registration Form"),),
        missing_documents=(), duplicate_of=None, follow_up=False, subject="Stage I")
    return dataclasses.replace(base, **changes)  # type: ignore[arg-type]


@pytest.mark.parametrize("status", STATUSES)
@pytest.mark.parametrize("form_type", FORM_TYPES)
def test_every_status_and_form_type_renders(status: str, form_type: str) -> None:
    rendered = render_acknowledgment(view(
        status=status, form_type=None if status in {"no_form", "unreadable"} else form_type,
        problems=("\"Federal Employer Identification Number (FEIN)\" is required.",)
        if status in {"incomplete", "needs_review", "unreadable"} else (),
        duplicate_of="FC-2026-000041-9" if status == "duplicate" else None))
    assert rendered.subject.startswith("[FC-2026-000042-7] ")
    assert "FC-2026-000042-7" in rendered.text and "FC-2026-000042-7" in rendered.html
    assert "What happens next" in rendered.text
    assert all(len(line) <= 90 for line in rendered.text.splitlines()), rendered.text
    assert "\n\n\n\n" not in rendered.text
    assert rendered.html.lstrip().startswith("<!DOCTYPE html>")


def test_complete_stage1_reads_as_the_provider_sees_it(capsys: pytest.CaptureFixture[str]) -> None:
    rendered = render_acknowledgment(view())
    print(rendered.subject, rendered.text, sep="\n\n")  # shown with -s
    assert rendered.subject == ("[FC-2026-000042-7] Received: MassHealth RPA Stage I "
                                "Registration Form — Acme Health LLC")
    assert "Hello Alice Nguyen," in rendered.text
    flat = " ".join(rendered.text.split())
    assert "Claim Status Inquiry, Member Eligibility Verification" in flat
    assert "Stage I form.pdf (read as: MassHealth RPA Stage I Registration Form)" in flat
    assert "Trading Partner Testing Environment" in flat and "Test Scenarios" in flat


def test_incomplete_stage2_lists_problems_and_missing_documents() -> None:
    rendered = render_acknowledgment(view(
        status="incomplete", form_type="stage2",
        form_title="MassHealth RPA Stage II Registration Form",
        problems=("The transaction \"Claim Adjustment/Void\" was not approved in your Stage I; "
                  "please file a separate Stage I Registration Form for it.",),
        missing_documents=("RPA Test Scenarios",)))
    print(rendered.text)
    assert rendered.subject.startswith("[FC-2026-000042-7] Action needed: MassHealth RPA Stage II")
    assert "  1. The transaction" in rendered.text
    assert "Still missing" in rendered.text and "  - RPA Test Scenarios" in rendered.text
    assert "RPA User IDs" in " ".join(rendered.text.split())
    assert "<li>RPA Test Scenarios</li>" in rendered.html


def test_references_are_never_split_across_lines() -> None:
    rendered = render_acknowledgment(view(status="duplicate", duplicate_of="FC-2026-000041-9"))
    assert "FC-2026-000041-9" in rendered.text


def test_html_is_escaped_and_text_is_not() -> None:
    hostile = "<script>alert(1)</script> & Sons"
    rendered = render_acknowledgment(view(organization=hostile, greeting_name=hostile,
                                          documents=(("<img src=x>.pdf", "unknown"),)))
    assert "<script>" not in rendered.html and "&lt;script&gt;" in rendered.html
    assert "<img src=x>" not in rendered.html
    assert hostile in rendered.text


def test_subject_never_carries_a_line_break() -> None:
    rendered = render_acknowledgment(view(organization="Acme\r\nBcc: victim@example.net"))
    assert "\r" not in rendered.subject and "\n" not in rendered.subject


def test_an_administrators_template_wins_and_the_rest_falls_back(tmp_path: Path) -> None:
    (tmp_path / "next_steps").mkdir()
    (tmp_path / "next_steps" / "stage1.txt.j2").write_text("Call us at 555-0100 first.\n")
    rendered = render_acknowledgment(view(), templates_dir=str(tmp_path))
    assert "Call us at 555-0100 first." in rendered.text
    assert "<p>Call us at 555-0100 first.</p>" in rendered.html
    assert "Hello Alice Nguyen," in rendered.text  # the bundled base template still applies

"""What an acknowledgment or notice shows, taken from the filed rows: a frozen view, so the
templates never touch the database."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from parsers.formdefs import FormDefinition
from registry.documents import main_values
from registry.models import DECIDED, Submission

# The fields echoed back to the provider, per form type, in this order.
KEY_FIELDS = {
    "stage1": ("org_legal_name", "fein", "provider_id", "rpa_tool_name", "bot_count",
               "transactions"),
    "stage2": ("org_legal_name", "fein", "stage1_approval_number", "rpa_tool_name",
               "transactions", "user_ids_requested"),
    "stage2_grandfathered": ("org_legal_name", "fein", "operational_since", "rpa_tool_name",
                             "bot_count", "transactions"),
    "modification": ("org_legal_name", "fein", "stage2_approval_number", "modification_types",
                     "effective_date"),
    "annual_validation": ("org_legal_name", "fein", "stage2_approval_number",
                          "validation_year", "rpa_user_ids"),
}
SUPPORTING = ("rpa_agreement", "systems_design", "test_scenarios")
ECHO_CHARS = 200  # sender text echoed in a mail is cut here (a 1 MB name is not sent back)
UNREADABLE_CODES = {"encrypted_file", "unsupported_file", "unreadable_file", "too_large",
                    "too_slow", "encrypted", "unreadable_pdf"}


@dataclass(frozen=True, slots=True)
class AckView:
    reference: str
    status: str  # complete | incomplete | needs_review | duplicate | no_form | unreadable
    form_type: str | None
    form_title: str
    organization: str
    greeting_name: str
    key_fields: tuple[tuple[str, str], ...]
    problems: tuple[str, ...]
    warnings: tuple[str, ...]
    documents: tuple[tuple[str, str], ...]  # file name → what we took it to be
    missing_documents: tuple[str, ...]
    duplicate_of: str | None
    follow_up: bool
    subject: str
    decided_earlier: tuple[str, str] | None = None  # (reference, approved|rejected) it replies to


def ack_view(submission: Submission, *, definitions: Mapping[str, FormDefinition],
             follow_up: bool = False) -> AckView:
    form_type = submission.form_type
    titles = {key: item.title for key, item in definitions.items()}
    values = main_values(submission)
    # Only what was read with certainty is told to the provider (SPEC §3): review items are
    # for the coordinators, and the needs_review acknowledgment says the form is checked.
    problems = [row for row in submission.problems if row.severity == "error"]
    missing = tuple(titles.get(row.field or "", row.field or "") for row in problems
                    if row.code == "missing_document")
    return AckView(
        reference=submission.reference or "",
        status=_status(submission),
        form_type=form_type,
        form_title=titles.get(form_type or "", "registration form"),
        organization=short(values.get("org_legal_name") or
                           (submission.organization.legal_name if submission.organization else "")),
        greeting_name=short(submission.sender_name or "", 80),
        key_fields=_key_fields(form_type, values, definitions),
        problems=tuple(dict.fromkeys(row.message for row in problems
                                     if row.code != "missing_document")),
        warnings=tuple(dict.fromkeys(row.message for row in submission.problems
                                     if row.severity == "warning")),
        documents=tuple((short(row.filename), titles.get(row.form_type, "not a form we "
                                                                            "recognize"))
                        for row in submission.documents),
        missing_documents=missing,
        duplicate_of=submission.duplicate_of.reference if submission.duplicate_of else None,
        follow_up=follow_up,
        subject=short(submission.subject),
        decided_earlier=_decided_parent(submission),
    )


def _decided_parent(submission: Submission) -> tuple[str, str] | None:
    """The decided submission this one replies to: its decision stands, and the
    acknowledgment says so."""
    parent = submission.parent
    if parent is None or parent.status not in DECIDED:
        return None
    return parent.reference or "", parent.status


def _status(submission: Submission) -> str:
    if submission.status == "no_form" and any(
            row.code in UNREADABLE_CODES for row in submission.problems):
        return "unreadable"
    return submission.status




def _key_fields(form_type: str | None, values: Mapping[str, Any],
                definitions: Mapping[str, FormDefinition]) -> tuple[tuple[str, str], ...]:
    if form_type is None or form_type not in definitions:
        return ()
    definition = definitions[form_type]
    shown = []
    for key in KEY_FIELDS.get(form_type, ()):
        if key in values and key in definition.keys:
            field = definition.field(key)
            shown.append((field.label, short(_display(values[key], field.choices))))
    return tuple(shown)


def short(value: object, limit: int = ECHO_CHARS) -> str:
    """Sender text cut to ``limit`` characters for echoing in a mail."""
    text = str(value)
    return text if len(text) <= limit else text[: limit - 1] + "…"


def _display(value: Any, choices: tuple[Any, ...]) -> str:
    labels = {choice.key: choice.label for choice in choices}
    if isinstance(value, list | tuple):
        return ", ".join(labels.get(str(item), str(item)) for item in value)
    if isinstance(value, bool):
        return "Yes" if value else "No"
    return labels.get(str(value), str(value))

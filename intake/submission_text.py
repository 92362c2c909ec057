"""``submissions show`` / ``review show`` for people: one submission as readable text —
status, decision, approval numbers and User IDs, documents with their fields and results,
problems, the thread and the audit trail (``--json`` keeps the export shape for machines)."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from notifier.labels import document_results, form_label, status_label
from parsers.formdefs import FormDefinition
from registry.console_queries import SubmissionPage


def summary_lines(page: SubmissionPage, definitions: Mapping[str, FormDefinition]) -> list[str]:
    item = page.submission
    lines = [f"{item.reference}  {status_label(item.status)}",
             f"  form:          {form_label(item.form_type)}{' (late)' if item.late else ''}",
             f"  received:      {item.received_at:%Y-%m-%d %H:%M} UTC",
             f"  from:          {item.sender_name} <{item.sender}>".replace("  <", " <"),
             f"  subject:       {item.subject}",
             f"  organization:  {_organization(item)}"]
    if item.parent is not None:
        lines.append(f"  replies to:    {item.parent.reference} ({item.parent.status})")
    lines += [f"  reply:         {reply.reference} ({reply.status})" for reply in page.replies]
    return [*lines, *_decision(page), *_problems(item), *_documents(item, definitions),
            *_thread(page), *_audit(page)]


def _organization(item: Any) -> str:
    org = item.organization
    if org is None:
        return "not known yet"
    return (f"{org.legal_name} (FEIN {org.fein or '-'}, PID/SL {org.provider_id or '-'}, "
            f"NPI {org.npi or '-'})")


def _decision(page: SubmissionPage) -> list[str]:
    item = page.submission
    if item.decided_at is None and not page.approvals:
        return ["", "Decision: none yet"]
    lines = ["", f"Decision: {item.status} by {item.decided_by} on "
                 f"{item.decided_at:%Y-%m-%d %H:%M} UTC" if item.decided_at else "Decision:"]
    if item.decision_reason:
        lines.append(f"  reason:        {item.decision_reason}")
    for approval in page.approvals:
        lines.append(f"  approval:      {approval.number or approval.kind}")
        if approval.rpa_user_ids:
            lines.append(f"  RPA User IDs:  {', '.join(approval.rpa_user_ids)}")
        if approval.validation_due:
            lines.append(f"  validation due {approval.validation_due:%Y-%m-%d}")
    return lines


def _problems(item: Any) -> list[str]:
    if not item.problems:
        return ["", "Problems: none"]
    lines = ["", "Problems:"]
    for problem in item.problems:
        where = f" ({problem.document.filename})" if problem.document is not None else ""
        lines.append(f"  - {problem.severity}: {problem.message}{where}")
    return lines


def _documents(item: Any, definitions: Mapping[str, FormDefinition]) -> list[str]:
    lines: list[str] = []
    for document in item.documents:
        lines += ["", f"Document: {document.filename} — {form_label(document.form_type)}, "
                      f"read from {document.method}"]
        lines += [f"  {line}" for line in document_results(document.form_type, document.facts)]
        for row in document.fields:
            lines.append(f"  {_label(definitions, document.form_type, row.key)}: "
                         f"{_value(row.value)}  [{row.source}, {row.confidence:.0%}]")
    return lines


def _thread(page: SubmissionPage) -> list[str]:
    lines = ["", "Thread:"]
    lines += [f"  {message.received_at:%Y-%m-%d %H:%M}  in   message "
              f"{message.message_id or '(no Message-ID)'}" for message in page.messages]
    lines += [f"  {row.created_at:%Y-%m-%d %H:%M}  out  {row.kind} to {row.recipient}: "
              f"{row.status}{f' ({row.reason})' if row.reason else ''}" for row in page.outbox]
    return lines


def _audit(page: SubmissionPage) -> list[str]:
    lines = ["", "Audit:"]
    for event in page.audit:
        detail = ", ".join(f"{key}={value}" for key, value in (event.detail or {}).items())
        lines.append(f"  {event.at:%Y-%m-%d %H:%M:%S}  {event.actor}  {event.action}  {detail}")
    return lines


def _label(definitions: Mapping[str, FormDefinition], form_type: str, key: str) -> str:
    try:
        return definitions[form_type].field(key).label
    except KeyError:
        return key


def _value(value: Any) -> str:
    if isinstance(value, list):
        return ", ".join(map(str, value))
    if isinstance(value, bool):
        return "yes" if value else "no"
    return "" if value is None else str(value)

"""Words people read instead of keys: form types and statuses, and how long something has
waited. The digest, the CLI views and the web console all use these."""

from __future__ import annotations

from datetime import datetime

FORM_LABELS = {
    "stage1": "Stage I",
    "stage2": "Stage II",
    "stage2_grandfathered": "Stage II (grandfathered)",
    "modification": "Modification",
    "annual_validation": "Annual validation",
    "rpa_agreement": "RPA Agreement",
    "systems_design": "Systems Design",
    "test_scenarios": "Test Scenarios",
    "inquiry": "inquiry (a question, no form)",
    "no form": "automatic or other mail, no form",
}
STATUS_LABELS = {
    "received": "received",
    "complete": "complete, ready to decide",
    "incomplete": "incomplete, waiting on the provider",
    "needs_review": "needs review",
    "approved": "approved",
    "rejected": "rejected",
    "info_requested": "information requested",
    "duplicate": "duplicate",
    "no_form": "no form",
    "inquiry": "inquiry, waiting for an answer",
}


def form_label(form_type: str | None) -> str:
    if not form_type:
        return "no form"
    return FORM_LABELS.get(form_type, form_type.replace("_", " "))


def status_label(status: str) -> str:
    return STATUS_LABELS.get(status, status.replace("_", " "))


def waiting_for(now: datetime, since: datetime) -> str:
    """``3 days``, ``5 h``, ``20 min``: the same words in the digest, the CLI and the web."""
    seconds = max(int((now - since).total_seconds()), 0)
    days, hours = seconds // 86400, seconds // 3600
    if days:
        return f"{days} day{'s' if days != 1 else ''}"
    if hours:
        return f"{hours} h"
    return f"{seconds // 60} min"


def document_results(form_type: str, facts: dict[str, object] | None) -> list[str]:
    """What a supporting document showed, in words (pages for every document)."""
    facts = facts or {}
    lines: list[str] = []
    if form_type == "rpa_agreement":
        lines.append("signed: " + ("yes" if facts.get("signed") else "no signature found"))
    if form_type == "systems_design":
        covered = facts.get("transactions") or []
        lines.append("transactions covered: " + (", ".join(map(str, covered))  # type: ignore[call-overload]
                                                 or "none found"))
    if form_type == "test_scenarios":
        passing = facts.get("passing") or {}
        counts = ", ".join(f"{key} {value}" for key, value in passing.items())  # type: ignore[attr-defined]
        lines.append(f"scenarios passed per transaction: {counts or 'none'} "
                     f"(of {facts.get('scenarios', 0)} scenarios)")
    if facts.get("pages"):
        lines.append(f"pages: {facts['pages']}")
    return lines

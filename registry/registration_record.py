"""What a registration holds, as plain data: built from an approved Stage II (and the Stage I
it cites), changed by an approved modification. Pure dict functions, so the ORM side and the
back-fill migration apply the same rules."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

ORGANIZATION_KEYS = ("org_legal_name", "org_dba", "org_type", "provider_id", "npi", "fein",
                     "street", "city", "state", "zip", "contact_name", "contact_title",
                     "contact_email", "contact_phone")
RECORD_KEYS = ("bot_names", "rpa_user_ids", "retired_user_ids", "transactions",
               "screens_per_session", "rpa_tool_name", "rpa_tool_vendor", "rpa_tool_version",
               "hosting", "contact_name", "contact_email", "organization_block", "status")
Record = dict[str, Any]


def initial_record(stage2: Mapping[str, Any], stage1: Mapping[str, Any],
                   user_ids: list[str]) -> Record:
    """The record of a newly approved Stage II: Stage I's bot facts, Stage II's over them."""
    merged = {**{k: v for k, v in stage1.items() if v not in (None, "", [])},
              **{k: v for k, v in stage2.items() if v not in (None, "", [])}}
    ids = list(user_ids) or [str(item) for item in merged.get("current_user_ids") or []]
    return {
        "bot_names": [str(item) for item in merged.get("bot_names") or []],
        "rpa_user_ids": _unique(ids),
        "retired_user_ids": [],
        "transactions": sorted({str(item) for item in merged.get("transactions") or []}),
        "screens_per_session": _int(merged.get("screens_per_session")),
        "rpa_tool_name": merged.get("rpa_tool_name"),
        "rpa_tool_vendor": merged.get("rpa_tool_vendor"),
        "rpa_tool_version": merged.get("rpa_tool_version"),
        "hosting": merged.get("hosting"),
        "contact_name": merged.get("contact_name"),
        "contact_email": merged.get("contact_email"),
        "organization_block": {key: merged[key] for key in ORGANIZATION_KEYS if key in merged},
        "status": "active",
    }


def modified_record(record: Mapping[str, Any], values: Mapping[str, Any]) -> Record:
    """The record after an approved Modification Request (its canonical values)."""
    types = set(values.get("modification_types") or [])
    new = dict(record)
    if "replace_tool" in types:
        new["rpa_tool_name"] = values.get("new_rpa_tool_name") or record.get("rpa_tool_name")
        new["rpa_tool_vendor"] = (values.get("new_rpa_tool_vendor")
                                  or record.get("rpa_tool_vendor"))
        new["rpa_tool_version"] = None  # the old tool's version says nothing of the new one
    if types & {"increase_screens", "decrease_screens"} and values.get("new_screens_per_session"):
        new["screens_per_session"] = _int(values["new_screens_per_session"])
    if "add_sequential_transaction" in types and values.get("added_transaction"):
        new["transactions"] = sorted({*record.get("transactions", []),
                                      str(values["added_transaction"])})
    if "retire_bot" in types:
        new.update(_retired(record, [str(item) for item in values.get("rpa_user_ids") or []]))
    return new


def _retired(record: Mapping[str, Any], affected: list[str]) -> Record:
    """Retire the affected User IDs (all of them when none are named or none match)."""
    active = list(record.get("rpa_user_ids") or [])
    leaving = [item for item in active if item in affected] or active
    remaining = [item for item in active if item not in leaving]
    return {"rpa_user_ids": remaining,
            "retired_user_ids": _unique([*record.get("retired_user_ids", []), *leaving]),
            "status": record.get("status", "active") if remaining else "retired"}


def record_diff(before: Mapping[str, Any], after: Mapping[str, Any]) -> dict[str, list[Any]]:
    """``{field: [before, after]}`` for every field that changed."""
    return {key: [before.get(key), after.get(key)] for key in RECORD_KEYS
            if before.get(key) != after.get(key)}


def _unique(items: list[str]) -> list[str]:
    return list(dict.fromkeys(item.strip() for item in items if item and item.strip()))


def _int(value: Any) -> int | None:
    try:
        return int(value) if value not in (None, "") else None
    except (TypeError, ValueError):
        return None

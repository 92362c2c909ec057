"""Input checks for coordinators' decisions: a reason is required to reject or ask for
information, and a Stage II approval names exactly as many RPA User IDs as the form asked
for, each in the agency's format (``RPA``, one to three letters, three to six digits: ``RPAU0001``,
``RPANC014``)."""

from __future__ import annotations

import re
from typing import Any

USER_ID = re.compile(r"^RPA[A-Z]{1,3}\d{3,6}$")


class DecisionInputError(ValueError):
    """A decision's input is unusable; the message is for the coordinator."""


def clean_reason(reason: str | None, what: str) -> str:
    text = " ".join((reason or "").split())
    if len(text) < 3:
        raise DecisionInputError(f"{what} is required (a sentence the provider will read)")
    return text


def check_user_ids(values: dict[str, Any], user_ids: list[str]) -> list[str]:
    """The IDs upper-cased and checked against the count requested on the form."""
    ids = [item.strip().upper() for item in user_ids if item.strip()]
    bad = [item for item in ids if not USER_ID.match(item)]
    if bad:
        raise DecisionInputError(f"not an RPA User ID: {', '.join(bad)} (the format is "
                                 "RPA, 1-3 letters and 3-6 digits, e.g. RPAU0001)")
    if len(set(ids)) != len(ids):
        raise DecisionInputError("the same RPA User ID is given twice")
    wanted = values.get("user_ids_requested")
    if isinstance(wanted, int) and wanted > 0 and len(ids) != wanted:
        raise DecisionInputError(f"the form asks for {wanted} RPA User ID"
                                 f"{'s' if wanted != 1 else ''}; {len(ids)} given")
    if not ids:
        raise DecisionInputError("a Stage II approval needs the assigned RPA User IDs")
    return ids

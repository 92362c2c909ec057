"""Validation stage, form-specific document rules (SPEC §2.4–2.8): bot names and count,
weekly and monthly volume, grandfathered eligibility, modification and annual validation
answers. Each rule applies to any form that has the fields it needs."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from parsers.model import Problem

GRANDFATHER_CUTOFF = "2022-07-01"  # bots operating on the POSC before this date qualify

Rule = Callable[[dict[str, Any]], list[Problem]]


def bot_names_match_count(values: dict[str, Any]) -> list[Problem]:
    names, count = values.get("bot_names"), values.get("bot_count")
    if names and isinstance(count, int) and len(names) != count:
        return [Problem("bot_names_mismatch", f"{len(names)} bot name(s) are listed but the "
                        f"number of bots requested is {count}; list one name per bot.",
                        "bot_names")]
    return []


def weekly_volume(values: dict[str, Any]) -> list[Problem]:
    """Weekly is required unless monthly is given; both given must agree (monthly / 4)."""
    weekly, monthly = values.get("avg_weekly_transactions"), values.get("est_monthly_transactions")
    if weekly is None and monthly is None:
        return [Problem("missing_required", '"Average Number of Transactions per Week" is '
                        "required (or give the Estimated Transactions per Month).",
                        "avg_weekly_transactions")]
    if weekly is not None and monthly is not None and abs(weekly - monthly / 4) > 1:
        return [Problem("weekly_monthly_mismatch", f"The weekly average ({weekly}) does not "
                        f"match the monthly estimate ({monthly}, about {monthly / 4:g} a week).",
                        "avg_weekly_transactions", "warning")]
    return []


def grandfathered_eligible(values: dict[str, Any]) -> list[Problem]:
    since = values.get("operational_since")
    if isinstance(since, str) and since >= GRANDFATHER_CUTOFF:
        return [Problem("not_eligible_grandfathered", "The bot became operational on the POSC "
                        "on or after July 1, 2022, so it does not qualify as grandfathered; "
                        "please submit a Stage I Registration Form instead.",
                        "operational_since")]
    return []


def same_session(values: dict[str, Any]) -> list[Problem]:
    if values.get("same_session") is False:
        return [Problem("new_stage1_required", "A transaction that runs in a separate bot "
                        "session is not a modification: it needs a new Stage I Registration "
                        "Form.", "same_session")]
    return []


def unapproved_changes(values: dict[str, Any]) -> list[Problem]:
    if values.get("unapproved_changes") is True:
        return [Problem("modification_required", "The bot was modified without MassHealth "
                        "approval: a Modification Request Form is required.",
                        "unapproved_changes")]
    return []


def info_current(values: dict[str, Any]) -> list[Problem]:
    if values.get("info_current") is False:
        return [Problem("info_not_current", "The information on file is not current: please "
                        "send a Modification Request Form with the changes.", "info_current")]
    return []


FORM_RULES: tuple[tuple[frozenset[str], Rule], ...] = (
    (frozenset({"bot_names", "bot_count"}), bot_names_match_count),
    (frozenset({"avg_weekly_transactions", "est_monthly_transactions"}), weekly_volume),
    (frozenset({"operational_since"}), grandfathered_eligible),
    (frozenset({"same_session"}), same_session),
    (frozenset({"unapproved_changes"}), unapproved_changes),
    (frozenset({"info_current"}), info_current),
)

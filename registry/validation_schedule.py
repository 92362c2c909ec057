"""When a validation reminder is due: pure functions of the due date, today and the
configured intervals. Each interval (from one reminder day to the next) gets at most one
message; a request or reminder already sent inside it counts."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date, datetime, timedelta


def reminder_steps(before: Sequence[int], after: Sequence[int]) -> list[tuple[str, int]]:
    """``[("before:30", -30), ("before:7", -7), ("after:7", 7), ...]`` by offset from due."""
    steps = {f"before:{days}": -abs(days) for days in before}
    steps.update({f"after:{days}": abs(days) for days in after})
    return sorted(steps.items(), key=lambda item: item[1])


def due_step(due: date, today: date, steps: Sequence[tuple[str, int]],
             sent: Sequence[tuple[str, datetime]]) -> str | None:
    """The reminder step to send today, if any: the latest step whose day has come, unless
    it was sent, or any message of the cycle went out on or after that day."""
    current = None
    for name, offset in steps:
        if due + timedelta(days=offset) <= today:
            current = (name, due + timedelta(days=offset))
    if current is None:
        return None
    name, start = current
    if any(step == name or at.date() >= start for step, at in sent):
        return None
    return name


def overdue_since(due: date, grace_days: int) -> date:
    """The first day a registration that has not answered is ``validation_overdue``."""
    return due + timedelta(days=grace_days + 1)

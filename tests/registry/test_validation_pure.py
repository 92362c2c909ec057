"""Pure parts of the registry of record: the reminder schedule, the record rules of a
modification, and CSV cells a spreadsheet will not run."""

from __future__ import annotations

from datetime import date, datetime

import pytest

from registry.csv_safe import csv_cell
from registry.registration_record import initial_record, modified_record, record_diff
from registry.validation_schedule import due_step, overdue_since, reminder_steps

DUE = date(2027, 11, 23)
STEPS = reminder_steps((30, 7), (7, 21))
REQUESTED = [("request", datetime(2027, 9, 27, 14))]


@pytest.mark.parametrize(("today", "sent", "expected"), [
    (date(2027, 10, 23), REQUESTED, None),  # before the first interval
    (date(2027, 10, 24), REQUESTED, "before:30"),
    (date(2027, 11, 1), [*REQUESTED, ("before:30", datetime(2027, 10, 24))], None),
    (date(2027, 11, 16), [*REQUESTED, ("before:30", datetime(2027, 10, 24))], "before:7"),
    (date(2027, 12, 20), REQUESTED, "after:21"),  # days skipped: only the latest interval
    (date(2027, 11, 20), [("request", datetime(2027, 11, 18))], None),  # asked late: counts
    (date(2027, 11, 30), [("request", datetime(2027, 11, 18))], "after:7"),
])
def test_one_reminder_per_interval(today: date, sent: list[tuple[str, datetime]],
                                   expected: str | None) -> None:
    assert due_step(DUE, today, STEPS, sent) == expected


def test_overdue_after_the_grace_period() -> None:
    assert overdue_since(DUE, 30) == date(2027, 12, 24)


def test_record_rules() -> None:
    record = initial_record({"transactions": ["claim_status"], "rpa_tool_name": "UiPath"},
                            {"screens_per_session": 6, "bot_names": ["A"], "hosting": "cloud",
                             "rpa_tool_name": "Old"}, ["U1", "U2"])
    assert record["rpa_tool_name"] == "UiPath" and record["screens_per_session"] == 6
    screens = modified_record(record, {"modification_types": ["increase_screens"],
                                       "new_screens_per_session": 9})
    assert record_diff(record, screens) == {"screens_per_session": [6, 9]}
    partial = modified_record(record, {"modification_types": ["retire_bot"],
                                       "rpa_user_ids": ["U2"]})
    assert partial["rpa_user_ids"] == ["U1"] and partial["status"] == "active"
    everything = modified_record(partial, {"modification_types": ["retire_bot"]})
    assert everything["rpa_user_ids"] == [] and everything["status"] == "retired"
    assert everything["retired_user_ids"] == ["U2", "U1"]
    grandfathered = initial_record({"current_user_ids": ["G1"]}, {}, [])
    assert grandfathered["rpa_user_ids"] == ["G1"]


@pytest.mark.parametrize(("value", "cell"), [
    ("=1+1", "'=1+1"), ("+A1", "'+A1"), ("-2", "'-2"), ("@SUM(A1)", "'@SUM(A1)"),
    ("\t=x", "'\t=x"), ("RPAU0001", "RPAU0001"), (None, ""), (5, "5"), ("a=b", "a=b"),
])
def test_csv_cells_are_neutralised(value: object, cell: str) -> None:
    assert csv_cell(value) == cell
